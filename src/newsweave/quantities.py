"""Quantities stated in an English news sentence, what they count, and how two of them compare.

`find_quantities` cuts a sentence into tokens (digit numbers with thousands separators, words,
symbols; a hyphen is a token of its own) and reads them left to right with hand-written
rules, no model: [qualifier] [currency symbol] number [scale] [range] [suffix], then the
counted noun. Each mention becomes a `Quantity` whose ``text`` is the qualifier, symbol,
number, scale, "%" / "percent", "-fold" / "times", "a.m." and a hyphen-glued unit
("40-minute"), but not a unit written as a separate word ("40 minutes": text "40").

Rules worth knowing (tests/test_quantities.py shows each):

- ``kind`` is "count", "duration", "money", "percent", "multiplier", "ordinal", "year",
  "measure", and also "fraction" ("half"), "age" ("10-year-old"), "date" and "time".
  Dates are reported, not skipped: "March 10", "10 March 2025", "Feb. 7", "the 10th of
  March" give kind "date", value the day, unit the month ("march"). Times ("2 a.m.", "4
  p.m.", "14:30") give kind "time", value the hour on a 24-hour clock (16.0). Numeric dates
  ("10/03/2025") and identifiers ("F-16", "G7", "Covid-19", "Article 5", "No. 10", a number
  after a capitalised word inside the sentence: "Nord Stream 2") are skipped. "One in five"
  and "nine out of 10" are percentages (20, 90).
- A bare four-digit number 1800-2099 is a year, unless a plural noun follows and neither "in
  / since / the / of ..." nor a month precedes it ("some 2000 people" is a count).
- The word "one" is a quantity only when it counts a noun ("one person", "at least one
  soldier", "a one-day visit"), not in "one of", "no one", "the one", "one another", "one
  said", "one day" / "one time" (kept after "for / in / only / just / than / within").
  Ordinal words need a determiner and a noun ("the third day"); "a" / "an" alone never count.
- Intervals: "about / around / some / roughly / approximately / an estimated / or so /
  100-odd" +-10 % (at least +-1 for counts, widened to whole numbers; +-15 % for "dozen";
  +-1 for years, dates, times and ordinals); "nearly / almost / close to" [0.9x, x]; "more
  than / over" [x, inf); "well over" [1.05x, inf); "just over" [x, 1.1x]; "at least / or
  more / 100-plus" [x, inf); "fewer / less than / under" [0, x]; "just under" [0.9x, x];
  "up to / no more than" [0, x]; "as many as" [0.5x, x]; ranges [x, y]; "dozens" [24, 99],
  "hundreds" [200, 999], "thousands" [2000, 9999], "tens of thousands" [20000, 99999],
  "several hundred" [300, 999]. ``value`` is the stated figure, the middle of a range, or a
  nominal centre for vague amounts (dozens 50, tens of thousands 50,000).
- ``unit`` is the lemma of the counted noun (`newsweave.counted_nouns.noun_after`): the first
  noun after the number and up to four modifiers, through "of" ("tens of thousands of
  troops" -> "troop"); "police officers" -> "officer"; "nine dead" -> "dead"; else
  "population of N" / "death toll of N". Money has the currency as unit ("$" and "dollars"
  -> "dollar"), percentages "percent". `same_thing` and `UNIT_SYNONYMS` group synonyms.

Limits: English only; no part-of-speech tagger, so a verb after a number can be taken for
its noun ("nine fled" is caught only because "fled" is listed) and a noun far from its
number is missed ("the toll, officials said, rose to 14" -> None); "a / an" + unit ("an
hour") is not a quantity; "over" after "hand / turn / take" is not a qualifier but other
phrasal verbs fool it, and "over two years" (a period) reads as "more than two years";
sports scores, negative numbers and "1,5"-style decimals are not handled; "from 300 to 400"
gives two quantities (a change, not a range); a qualifier before a date is dropped.

Where the pieces live: this module is the public API (`Quantity`, `find_quantities`,
`counted_noun`, `compare`, `same_thing` and the unit helpers re-exported from
`newsweave.number_words`); the parser is `newsweave.quantity_parser`, the qualifier
intervals `newsweave.quantity_intervals`, the tokenizer `newsweave.quantity_tokens`, the
counted-noun search `newsweave.counted_nouns` and the word lists
`newsweave.quantity_vocabulary`.
"""

from __future__ import annotations

import math
import re

from newsweave import number_words as nw
from newsweave import quantity_vocabulary as vocab
from newsweave.counted_nouns import noun_after, noun_before
from newsweave.number_words import canonical_unit, lemma
from newsweave.quantity_parser import Quantity, QuantityParser
from newsweave.quantity_tokens import tokenize
from newsweave.quantity_vocabulary import UNIT_SYNONYMS

__all__ = ["UNIT_SYNONYMS", "Quantity", "canonical_unit", "compare", "counted_noun",
           "find_quantities", "lemma", "same_thing"]  # fmt: skip

INF = math.inf
OPEN_CAP = 3.0  # an open interval is plausible up to 3x its bound (see compare)
TENSION_FACTOR = 2.0  # disjoint intervals closer than 2x are in tension, not contradiction
VAGUE_FACTOR = 5.0  # ... or closer than 5x when one side is vague ("dozens", "hundreds")
ROUNDING = 0.10  # two exact figures 10 % apart where one rounds the other: tension


_NUMBER_WORDS = sorted(
    {
        *vocab.ONES,
        *vocab.TENS,
        *vocab.ORDINALS,
        *vocab.FRACTIONS,
        *vocab.MULTIPLIER_WORDS,
        *vocab.VAGUE,
        *vocab.PLURAL_SCALES,
        *vocab.SCALES,
        "dozen",
        "several",
        "few",
    },
    key=len,
    reverse=True,
)
# a digit, or a word that starts like a number word ("twenty-one", "tenfold", "Fourteen")
_MAY_HOLD_A_NUMBER = re.compile(
    r"\d|(?<![^\W_])(?:" + "|".join(_NUMBER_WORDS) + r")", re.IGNORECASE
)


def find_quantities(sentence: str) -> list[Quantity]:
    """All quantity mentions in `sentence`, in order (rules in the module docstring)."""
    if not _MAY_HOLD_A_NUMBER.search(sentence):
        return []  # most sentences: no digit and no number word, nothing to parse
    parser = QuantityParser(sentence)
    found: list[Quantity] = []
    i = 0
    while i < parser.n:
        parsed = parser.parse_at(i)
        if parsed is None:
            i += 1
        else:
            found.append(parsed[0])
            i = parsed[1]
    return found


def same_thing(a: Quantity | str | None, b: Quantity | str | None) -> bool:
    """Whether two quantities (or two units) count the same thing: one canonical unit or one
    set of `UNIT_SYNONYMS` ("troop" / "soldier"). A missing unit matches nothing."""
    unit_a = a.unit if isinstance(a, Quantity) else a
    unit_b = b.unit if isinstance(b, Quantity) else b
    return nw.same_thing(unit_a, unit_b)


def counted_noun(sentence: str, start: int, end: int) -> str | None:
    """Lemma of the noun that the number at ``sentence[start:end]`` counts, or None: the
    `unit` rule of `find_quantities` for any span (e.g. a number found by other means)."""
    tokens = tokenize(sentence)
    k = next((n for n, tok in enumerate(tokens) if tok.start >= end), len(tokens))
    i = next((n for n, tok in enumerate(tokens) if tok.start >= start), len(tokens))
    return noun_after(tokens, k)[0] or noun_before(tokens, i)


def compare(a: Quantity, b: Quantity) -> str:
    """How two quantities of one thing relate: "same", "compatible", "tension" or
    "contradiction". Units are not checked (the caller pairs quantities). Rules, in order:

    1. "same": equal qualifier and interval (9 and 9; "some 100,000" and "about 100,000").
    2. Both exact, different values: "tension" when one is a round figure (a whole multiple
       of 100 or more) that the other rounds to and they are within 10 % (2,000 vs 2,100;
       kinds count, money and measure only); else "contradiction" (9 vs 14; 1958 vs 1959).
    3. Intervals overlap: "compatible"; but "tension" when they overlap only where an open
       end is implausible: "more than / at least X" is read as [X, 3X] and "fewer than / up
       to X" as [X/3, X] ("at least 9" vs 40 is tension, vs 20 compatible).
    4. Disjoint: "tension" when the gap is within a factor of 2 (upper low / lower high <= 2:
       "up to 9" vs 14; "tens of thousands" vs "more than 100,000"), or of 5 when either is
       vague ("dozens" vs 300); else "contradiction" ("fewer than 10" vs 100; "dozens" vs
       1,000).
    """
    if (a.qualifier, a.low, a.high) == (b.qualifier, b.low, b.high):
        return "same"
    if a.qualifier == b.qualifier == "exact":
        return "tension" if _rounds(a.value, b.value, a.kind) else "contradiction"
    if a.low <= b.high and b.low <= a.high:
        low_a, high_a = _plausible(a)
        low_b, high_b = _plausible(b)
        return "compatible" if low_a <= high_b and low_b <= high_a else "tension"
    lower, upper = (a, b) if a.high < b.low else (b, a)
    ratio = upper.low / lower.high if lower.high > 0 else INF
    vague = "vague" in (a.qualifier, b.qualifier)
    return "tension" if ratio <= (VAGUE_FACTOR if vague else TENSION_FACTOR) else "contradiction"


def _plausible(q: Quantity) -> tuple[float, float]:
    if q.high == INF:
        return q.low, q.low * OPEN_CAP if q.low > 0 else INF
    if q.low == 0 and q.qualifier in ("less_than", "up_to"):
        return q.high / OPEN_CAP, q.high
    return q.low, q.high


def _rounds(x: float, y: float, kind: str) -> bool:
    """Whether one exact figure may be the other rounded (2,000 for 2,100)."""
    if kind not in ("count", "money", "measure") or abs(x - y) > ROUNDING * max(abs(x), abs(y)):
        return False
    for rounded, other in ((x, y), (y, x)):
        digits = str(int(rounded)) if rounded == int(rounded) and rounded >= 100 else ""
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros >= 2 and round(other, -zeros) == rounded:
            return True
    return False
