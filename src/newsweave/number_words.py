"""Word lists and word-level parsing for `newsweave.quantities` (English only).

All functions take lower-cased tokens as `quantities` cuts them: a hyphen is a token of its
own, so "twenty-one" arrives as ``["twenty", "-", "one"]``.

- Cardinal number words ("nine", "twenty-one", "two thousand", "three hundred and forty",
  "a dozen", "a million", "two dozen"): `parse_cardinal`. Ordinals ("third", "twenty-first"):
  `parse_ordinal`. Vague amounts ("dozens", "tens of thousands", "several hundred"):
  `parse_vague`. One-word multipliers ("tenfold"): `parse_fold`.
- The nouns numbers count: `lemma` (plural to singular: a few rules and exceptions),
  `unit_name` (lemma, then canonical spellings: "km" -> "kilometre", "$" / "USD" ->
  "dollar"), unit classes (`DURATIONS`, `MEASURES`, `CURRENCIES`) and the synonym sets of
  news counts (`UNIT_SYNONYMS`, `canonical_unit`, `same_thing`).
- The function words the quantity rules look at (qualifiers, months, stop words ...).

word2number and number-parser only turn number words into digits (neither knows "dozens",
"tens of thousands" or "a third of"), and quantulum3 finds no qualifiers or counted nouns and
reads "40-minute" as minutes of arc and "2 a." as a year; so the parsing is written here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _list(text: str) -> list[str]:
    return text.split()


def _pairs(text: str) -> dict[str, str]:
    """ "a:b c:d_e" -> {"a": "b", "c": "d e"}."""
    return {key: value.replace("_", " ") for key, value in (p.split(":") for p in text.split())}


ONES = {word: value for value, word in enumerate(_list(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen"))}  # fmt: skip
TENS = {w: 10 * (v + 2) for v, w in enumerate(_list("twenty thirty forty fifty sixty seventy"
                                                    " eighty ninety"))}  # fmt: skip
SCALES: dict[str, float] = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Scale abbreviations after digits: always ("bn") or only after a currency ("$4m", "£10k").
ABBREVIATED_SCALES: dict[str, float] = {"bn": 1e9, "mn": 1e6, "tn": 1e12, "trn": 1e12}
CURRENCY_SCALES: dict[str, float] = {"m": 1e6, "b": 1e9, "k": 1e3}
_ORDINAL_WORDS = _list(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
    " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
ORDINALS = {word: value for value, word in enumerate(_ORDINAL_WORDS) if value}
_ORDINAL_ONES = {word for word, value in ORDINALS.items() if value <= 9}
ORDINALS.update({word.replace("y", "ieth"): value for word, value in TENS.items()})
ORDINALS.update({"hundredth": 100, "thousandth": 1000, "millionth": 1_000_000})
FRACTIONS = {"half": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4, "quarters": 1 / 4}
MULTIPLIER_WORDS = {"twice": 2.0, "thrice": 3.0}
# Vague plurals: (low, high, nominal value), alone ("hundreds") or before "of" and a plural
# scale ("tens of thousands" = 20,000-99,999). "tens" and "scores" need the "of".
VAGUE: dict[str, tuple[float, float, float]] = {
    "tens": (20, 99, 50), "dozens": (24, 99, 50), "scores": (40, 99, 60),
    "hundreds": (200, 999, 500), "thousands": (2e3, 9_999, 5e3),
    "millions": (2e6, 9_999_999, 5e6), "billions": (2e9, 9_999_999_999, 5e9),
}  # fmt: skip
PLURAL_SCALES = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
# "several hundred" = 300-999, "a few thousand" = 2,000-5,999: (low, high, nominal) factors.
FEW_WORDS = {("several",): (3, 9, 5), ("a", "few"): (2, 5, 3)}

# ---- the words around numbers (see the rules in `newsweave.quantities`) ----------------
QUALIFIERS: dict[str, list[str]] = {  # mode -> phrases (tokens split by spaces)
    "well_over": ["well over", "well above", "far more than", "well in excess of"],
    "just_over": ["just over", "just above", "slightly more than", "a little over",
                  "just more than", "slightly over"],
    "more": ["more than", "over", "above", "upwards of", "in excess of"],
    "at_least": ["at least", "no fewer than", "no less than", "a minimum of"],
    "just_under": ["just under", "just below", "slightly fewer than", "slightly less than",
                   "a little under", "just short of", "just shy of"],
    "less": ["fewer than", "less than", "under", "below"],
    "up_to": ["up to", "no more than", "not more than", "a maximum of", "at most"],
    "as_many": ["as many as", "as much as", "as high as"],
    "nearly": ["nearly", "almost", "close to", "not quite"],
    "approx": ["some", "about", "around", "roughly", "approximately", "approx .", "approx",
               "an estimated", "estimated", "circa", "an approximate", "more or less"],
    "between": ["between"],
}  # fmt: skip
POST_QUALIFIERS = {("or", "so"): "approx", ("or", "more"): "at_least",
                   ("or", "fewer"): "up_to", ("or", "less"): "up_to"}  # fmt: skip
PHRASAL_OVER = _set("hand handed hands handing turn turned turning take took taken taking"
                    " pass passed win won hold held carry carried")  # fmt: skip
MONTHS = {m[:3]: m for m in _list("january february march april may june july august"
                                  " september october november december")}  # fmt: skip
MONTHS.update({m: m for m in MONTHS.values()} | {"sept": "september"})
ID_WORDS = _set("article no nos resolution chapter flight route highway section room gate"
                " terminal platform paragraph amendment phase level category apollo boeing"
                " airbus page line channel version model decree law bill directive item"
                " exit")  # fmt: skip
ATTACHED_OK = _set("m bn mn tn trn k b km kg cm mm ft mph mw gw kw ha s am pm pct h")
YEAR_PREV = _set("in since until till by from of before after during the early late mid"
                 " between and to through circa , its this that")  # fmt: skip
STOP = _set(
    "a an the and or but nor of in on at to for from by with as than that which who whom whose"
    " is are was were be been being has have had will would could should can may might must do"
    " did does said says say told tell tells added adds according so if when while after before"
    " since during into onto over under about around near across against between among through"
    " out up down off away back there here not no also still just only even then now yet"
    " already again reportedly apiece each per ago less fewer it its they them their he"
    " she his her we us our you your i me my this these those what where why how all both"
    " either neither such every any some most fled fell went came took left ran stood rose"
    " grew got made saw lost won held met sent spent kept brought fought paid sold hit cut put"
    " struck began became gave knew spoke died dies die live remain remains remained another"
    " including include includes like unlike plus minus within without toward towards upon"
    " whereas whether though although because till until last next")  # fmt: skip
ADJECTIVES = _set("new old young other additional extra further small large big great few"
                  " many several top senior junior high low foreign elderly dead total same"
                  " first second third such whole entire own fresh key major minor main"
                  " full")  # fmt: skip
ADJ_ONLY = ADJECTIVES - _set("senior junior foreign elderly dead key first second third")
ADJ_ENDINGS = tuple(_list("ian ese ish ic ive ous ful less ary ern al able ible"))
NOMINAL = _set("killed injured wounded dead missing detained arrested displaced hurt evacuated"
               " rescued abducted kidnapped infected homeless elderly")  # fmt: skip
NOUN_ING = _set("building meeting sibling wedding ceiling ruling hearing shooting bombing"
                " killing uprising warning offering")  # fmt: skip
PLURAL_NOUNS = _set("people police personnel staff cattle dead wounded injured killed")
OF_DETERMINERS = _set("the its their his her our those these your my")
PRONOUNS = _set("them us you whom which it those these")
DETERMINERS = _set("the a an its his her their our this that whose")
ONE_BLOCK = _set("no the this that which any every each another someone anyone")
ONE_IDIOMS = _set("day time way side thing hand point night morning")
ONE_GLUED_IDIOMS = _set("time off way sided on")
ONE_DURATION_PREV = _set("for in only just than within over")
BACK_LINKS = _set("of to at from rose climbed jumped increased reached stood stands is was has"
                  " had risen now hit grew")  # fmt: skip
BACK_NOUNS = {"population": "population", "toll": "death", "tally": "death"}


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
    if len(words) >= 3 and words[0] in TENS and words[1] == "-" and words[2] in _ORDINAL_ONES:
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
_IRREGULAR = _pairs(
    "people:people police:police staff:staff personnel:personnel children:child men:man feet:foot"
    " teeth:tooth mice:mouse geese:goose lives:life wives:wife knives:knife wolves:wolf"
    " thieves:thief leaves:leaf shelves:shelf halves:half lei:leu kronor:krona lire:lira"
    " crises:crisis analyses:analysis buses:bus gases:gas heroes:hero echoes:echo vetoes:veto"
    " potatoes:potato tomatoes:tomato barracks:barracks headquarters:headquarters means:means"
)
_UNCHANGED = _set("news series species aircraft sheep fish media data dead wounded injured"
                  " killed missing yen yuan")  # fmt: skip


def lemma(word: str) -> str:
    """Lower-case singular of an English noun: "troops" -> "troop", "children" -> "child",
    "casualties" -> "casualty", "servicemen" -> "serviceman", "people" -> "people"."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in _UNCHANGED or len(w) <= 3:
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


# Spellings and abbreviations of units (after `lemma`) -> one canonical name.
UNIT_ALIASES = _pairs(
    "min:minute mins:minute hr:hour hrs:hour sec:second secs:second yr:year yrs:year"
    " km:kilometre kilometer:kilometre m:metre meter:metre cm:centimetre centimeter:centimetre"
    " mm:millimetre millimeter:millimetre kg:kilogram kilo:kilogram ton:tonne liter:litre"
    " ft:foot ha:hectare mw:megawatt gw:gigawatt kw:kilowatt mph:mile_per_hour pct:percent"
    " usd:dollar eur:euro gbp:pound sterling:pound ron:leu rub:rouble ruble:rouble"
    " uah:hryvnia jpy:yen cny:yuan rmb:yuan renminbi:yuan chf:franc inr:rupee"
)
CURRENCY_SYMBOLS = _pairs("$:dollar €:euro £:pound ¥:yen ₹:rupee ₽:rouble ₴:hryvnia")
CURRENCY_CODES = _set("USD EUR GBP RON RUB UAH JPY CNY CHF INR")
CURRENCIES = _set("dollar euro pound leu rouble hryvnia yen yuan franc rupee peso shekel zloty"
                  " krona krone lira dinar riyal dirham cent penny kopeck")  # fmt: skip
DURATIONS = _set("second minute hour day week fortnight month year decade century")
MEASURES = _set("kilometre metre centimetre millimetre mile foot inch yard kilogram tonne"
                " litre gallon barrel hectare acre degree knot megawatt gigawatt kilowatt") | {
    "mile per hour"
}  # fmt: skip


def unit_name(word: str) -> str:
    """Canonical unit of a word after a number: `lemma`, then `UNIT_ALIASES`."""
    base = lemma(word)
    return UNIT_ALIASES.get(base, UNIT_ALIASES.get(word.lower(), base))


# What counts the same thing in news copy, keyed by a canonical member. "dead" and "people"
# can both describe one death toll ("nine dead" / "nine people died") but no set joins them:
# deciding that two quantities count the same subject is the caller's job.
UNIT_SYNONYMS: dict[str, frozenset[str]] = {
    "soldier": _set("soldier troop serviceman servicewoman servicemember personnel trooper"
                    " paratrooper conscript infantryman"),
    "people": _set("people person resident inhabitant civilian villager citizen local"
                   " individual population"),
    "dead": _set("dead death fatality victim killed body life"),
    "injured": _set("injured wounded injury hurt"),
    "protester": _set("protester protestor demonstrator marcher"),
    "home": _set("home house dwelling residence"),
    "police": _set("police policeman policewoman"),
    "migrant": _set("migrant immigrant"),
    "hostage": _set("hostage captive abductee"),
    "arrest": _set("arrest arrested detainee detained detention"),
    "aircraft": _set("aircraft plane airplane jet warplane"),
    "child": _set("child kid minor"),
}  # fmt: skip
_CANONICAL = {member: key for key, members in UNIT_SYNONYMS.items() for member in members}


def canonical_unit(unit: str) -> str:
    """Key of the synonym set holding `unit` (after `unit_name`), else `unit_name(unit)`."""
    base = unit_name(unit)
    return _CANONICAL.get(base, base)


def same_thing(a: str | None, b: str | None) -> bool:
    """Whether units `a` and `b` count the same thing: one canonical name or one synonym
    set. None (no counted noun found) matches nothing, not even None."""
    return a is not None and b is not None and canonical_unit(a) == canonical_unit(b)


# ---- tokens and the noun a number counts ------------------------------------------------
_TOKEN = re.compile(
    r"(?P<skip>\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b)|(?P<clock>\d{1,2}:\d{2}\b)"
    r"|(?P<ord>\d+(?:st|nd|rd|th)\b)|(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)|(?P<sym>\S)"
)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # num ("2,100", "1.5"), ord ("3rd"), clock ("14:30"), skip ("10/03/2025"), word, sym
    glued: bool  # touches the next token ("40" in "40-minute")

    @property
    def low(self) -> str:
        return self.text.lower()


def tokenize(sentence: str) -> list[Token]:
    """Digit numbers (with thousands separators), words, single symbols; hyphens apart."""
    found = list(_TOKEN.finditer(sentence))
    return [
        Token(m.group(), m.start(), m.end(), m.lastgroup or "sym",
              n + 1 < len(found) and found[n + 1].start() == m.end())
        for n, m in enumerate(found)
    ]  # fmt: skip


def unit_kind(unit: str) -> str | None:
    """ "duration", "measure" or "money" for a canonical unit, else None."""
    if unit in DURATIONS:
        return "duration"
    if unit in MEASURES:
        return "measure"
    return "money" if unit in CURRENCIES else None


def noun_after(tokens: Sequence[Token], k: int) -> tuple[str | None, bool, int]:
    """(unit, whether its noun is plural, token after it) for a number ending before token k.

    The first noun after up to four modifiers (capitalised, hyphenated or adjective-like
    words), through "of" ("thousands of troops"); a singular noun before a plural one is a
    modifier ("police officers"); with no noun, the last modifier if it can stand for one
    ("nine dead", "30 Ukrainians"). Stop words end the search ("nine were killed")."""
    low = [tok.low for tok in tokens[k : k + 12]] + [""] * 3
    j = 0
    if low[0] == "of":
        if low[1] in PRONOUNS:
            return None, False, k
        j = 1 + (low[1] in OF_DETERMINERS)
    modifiers: list[str] = []
    while k + j < len(tokens) and tokens[k + j].kind == "word" and len(modifiers) < 4:
        parts, jj = [tokens[k + j].text], j + 1
        while low[jj] == "-" and tokens[k + jj - 1].glued and tokens[k + jj].glued:
            if tokens[k + jj + 1].kind != "word":
                break
            parts, jj = [*parts, tokens[k + jj + 1].text], jj + 2
        raw = parts[-1]
        if len(parts) == 1 and raw.lower() in STOP:
            break
        nxt = tokens[k + jj] if k + jj < len(tokens) else None
        if len(parts) > 1 or _is_modifier(raw) or _modifies_plural(raw, nxt):
            modifiers.append(raw)
            j = jj
            continue
        return unit_name(raw), _is_plural(raw), k + jj
    if modifiers and _is_nominal(modifiers[-1]):
        return unit_name(modifiers[-1]), _is_plural(modifiers[-1]), k + j
    return None, False, k + j


def noun_before(tokens: Sequence[Token], i: int) -> str | None:
    """ "a population of 41,000" -> "population"; "the death toll rose to 14" -> "death"."""
    j = i - 1
    while j >= 0 and i - j <= 4 and tokens[j].low in BACK_LINKS:
        j -= 1
    return BACK_NOUNS.get(tokens[j].low) if 0 <= j < i - 1 else None


def _modifies_plural(raw: str, nxt: Token | None) -> bool:
    """A singular noun before a plural one modifies it ("police officers")."""
    if nxt is None or nxt.kind != "word" or lemma(raw) != raw.lower():
        return False
    return nxt.low not in STOP and not _is_modifier(nxt.text) and lemma(nxt.low) != nxt.low


def verb_form(low: str) -> bool:
    """Looks like a participle ("killed", "fleeing"): an adjective or a verb."""
    return (low.endswith("ed") and len(low) > 4) or (low.endswith("ing") and len(low) > 5)


def _is_modifier(raw: str) -> bool:
    low = raw.lower()
    if raw[0].isupper() or low in ADJECTIVES or low.endswith(("'s", "’s")):
        return True
    if verb_form(low):
        return low not in NOUN_ING
    return low.endswith(ADJ_ENDINGS) and len(low) > 4


def _is_plural(raw: str) -> bool:
    low = raw.lower()
    return low in PLURAL_NOUNS or lemma(low) != low


def _is_nominal(raw: str) -> bool:
    """Whether a modifier with no noun after it is the counted noun itself."""
    low = raw.lower()
    if low in NOMINAL:
        return True
    return not (low in ADJ_ONLY or low.endswith(("'s", "’s")) or verb_form(low))
