"""Word-level reading for `newsweave.quantities` (English only): what number words are
worth and what the nouns they count are called. The word lists live in
`newsweave.quantity_vocabulary`.

All functions take lower-cased tokens as `newsweave.quantity_tokens` cuts them: a hyphen is a
token of its own, so "twenty-one" arrives as ``["twenty", "-", "one"]``.

- Cardinal number words ("nine", "twenty-one", "two thousand", "three hundred and forty",
  "a dozen", "a million", "two dozen"): `parse_cardinal`. Ordinals ("third", "twenty-first"):
  `parse_ordinal`. Vague amounts ("dozens", "tens of thousands", "several hundred"):
  `parse_vague`. One-word multipliers ("tenfold"): `parse_fold`.
- The nouns numbers count: `lemma` (plural to singular: a few rules and exceptions),
  `unit_name` (lemma, then canonical spellings: "km" -> "kilometre", "$" / "USD" ->
  "dollar"), `unit_kind` (duration, measure or money) and the synonym sets of news counts
  (`canonical_unit`, `same_thing` over `UNIT_SYNONYMS`).

word2number and number-parser only turn number words into digits (neither knows "dozens",
"tens of thousands" or "a third of"), and quantulum3 finds no qualifiers or counted nouns and
reads "40-minute" as minutes of arc and "2 a." as a year; so the parsing is written here.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.quantity_vocabulary import (
    CURRENCIES,
    DURATIONS,
    FEW_WORDS,
    IRREGULAR_PLURALS,
    MEASURES,
    ONES,
    ORDINAL_ONES,
    ORDINALS,
    PLURAL_SCALES,
    SCALES,
    TENS,
    UNCHANGED_PLURALS,
    UNIT_ALIASES,
    UNIT_SYNONYMS,
    VAGUE,
)


def parse_cardinal(words: Sequence[str]) -> tuple[float, int, bool] | None:
    """(value, words used, whether it ends in "dozen") of the number words `words` start with.

    Accepts "nine", "twenty - one", "three hundred and forty", "two thousand five hundred",
    "fifteen hundred", "a hundred", "a million", "a dozen", "two dozen". "a" / "an" count as
    one only before "hundred", "dozen" or a scale word; "and" only after "hundred" or a scale.
    """
    n, i, small, total = len(words), 0, 0.0, 0.0
    hundreds = tens = ones = False
    if n >= 2 and words[0] in ("a", "an") and words[1] in ("hundred", "dozen", *SCALES):
        small, ones, i = 1.0, True, 1
    best: tuple[float, int, bool] | None = None
    while i < n:
        word, nxt = words[i], words[i + 1] if i + 1 < n else ""
        if word == "-" and tens and not ones and 1 <= ONES.get(nxt, 0) <= 9:
            i += 1
            continue
        if word == "and" and (hundreds or total) and not (tens or ones):
            if nxt in ONES or nxt in TENS:
                i += 1
                continue
            break
        if word in ONES:
            if ones or (tens and not 1 <= ONES[word] <= 9):
                break
            small, ones = small + ONES[word], True
        elif word in TENS:
            if tens or ones:
                break
            small, tens = small + TENS[word], True
        elif word == "hundred":
            if hundreds or not 0 < small < 100:
                break
            small, hundreds, tens, ones = small * 100, True, False, False
        elif word in SCALES and small:
            total, small = total + small * SCALES[word], 0.0
            hundreds = tens = ones = False
        elif word == "dozen" and small and not (hundreds or total):
            return small * 12, i + 1, True
        else:
            break
        i += 1
        best = (total + small, i, False)
    return best


def parse_ordinal(words: Sequence[str]) -> tuple[int, int] | None:
    """(value, words used) of an ordinal word at the start: "third", "twenty - first"."""
    if words and words[0] in ORDINALS:
        return ORDINALS[words[0]], 1
    if len(words) >= 3 and words[0] in TENS and words[1] == "-" and words[2] in ORDINAL_ONES:
        return TENS[words[0]] + ORDINALS[words[2]], 3
    return None


def parse_vague(words: Sequence[str]) -> tuple[float, float, float, int] | None:
    """(low, high, nominal value, words used) of a vague amount at the start of `words`:
    "dozens", "hundreds", "thousands", "millions", "billions" alone; "tens / dozens / scores /
    hundreds of thousands / millions / billions"; "several / a few" + "hundred", "dozen",
    "thousand" ... ("several hundred" = 300-999)."""
    first = words[0] if words else ""
    if first in VAGUE:
        low, high, nominal = VAGUE[first]
        if len(words) >= 3 and words[1] == "of" and words[2] in PLURAL_SCALES:
            scale = PLURAL_SCALES[words[2]]
            return low * scale, (high + 1) * scale - 1, nominal * scale, 3
        if first not in ("tens", "scores") or (first == "scores" and list(words[1:2]) == ["of"]):
            return low, high, nominal, 1
        return None
    for lead, (low, high, nominal) in FEW_WORDS.items():
        rest = list(words[len(lead) :])
        if (
            tuple(words[: len(lead)]) == lead
            and rest[:1]
            and rest[0] in ("hundred", "dozen", *SCALES)
        ):
            base = parse_cardinal(["a", *rest])
            if base is not None:
                value, used = base[0], len(lead) + base[1] - 1
                return low * value, (high + 1) * value - 1, nominal * value, used
    return None


def parse_fold(word: str) -> float | None:
    """Multiplier of a one-word "-fold" ("tenfold" -> 10, "threefold" -> 3)."""
    parsed = parse_cardinal([word[:-4]]) if word.endswith("fold") else None
    return parsed[0] if parsed is not None else None


# ---- nouns -------------------------------------------------------------------------------
def lemma(word: str) -> str:
    """Lower-case singular of an English noun: "troops" -> "troop", "children" -> "child",
    "casualties" -> "casualty", "servicemen" -> "serviceman", "people" -> "people"."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if w in UNCHANGED_PLURALS or len(w) <= 3:
        return w
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


# the other way round: "child" -> "children" ("people" counts one person too)
_PLURALS = {singular: plural for plural, singular in IRREGULAR_PLURALS.items()} | {
    "person": "people"
}


def counted(count: int, noun: str) -> str:
    """ "1 story", "20 stories": a count and its noun, plural unless the count is one."""
    return f"{count} {noun if count == 1 else plural(noun)}"


def plural(noun: str) -> str:
    """Plural of a singular English noun, the inverse of `lemma`: "country" -> "countries",
    "inch" -> "inches", "child" -> "children", "serviceman" -> "servicemen"; a noun that is
    already plural or never changes ("troops", "people", "aircraft") stays as it is."""
    if noun in _PLURALS:
        return _PLURALS[noun]
    if noun in UNCHANGED_PLURALS or noun.endswith("s"):
        return noun
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("ch", "sh", "x", "z")):
        return noun + "es"
    return noun + "s"


def unit_name(word: str) -> str:
    """Canonical unit of a word after a number: `lemma`, then `UNIT_ALIASES`."""
    base = lemma(word)
    return UNIT_ALIASES.get(base, UNIT_ALIASES.get(word.lower(), base))


def unit_kind(unit: str) -> str | None:
    """ "duration", "measure" or "money" for a canonical unit, else None."""
    if unit in DURATIONS:
        return "duration"
    if unit in MEASURES:
        return "measure"
    return "money" if unit in CURRENCIES else None


_CANONICAL = {member: key for key, members in UNIT_SYNONYMS.items() for member in members}


def canonical_unit(unit: str) -> str:
    """Key of the synonym set holding `unit` (after `unit_name`), else `unit_name(unit)`."""
    base = unit_name(unit)
    return _CANONICAL.get(base, base)


def same_thing(a: str | None, b: str | None) -> bool:
    """Whether units `a` and `b` count the same thing: one canonical name or one synonym
    set. None (no counted noun found) matches nothing, not even None."""
    return a is not None and b is not None and canonical_unit(a) == canonical_unit(b)
