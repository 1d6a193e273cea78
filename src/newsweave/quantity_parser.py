"""The sentence parser behind `newsweave.quantities.find_quantities`, and the `Quantity`
record it produces.

`QuantityParser` cuts a sentence into tokens (`newsweave.quantity_tokens`) and, at a given
token, reads one mention with hand-written rules: [qualifier] [currency symbol] number
[scale] [range] [suffix], then the counted noun (`newsweave.counted_nouns`). Dates, clock
times, fractions, ratios ("one in five") and identifiers ("F-16") are told apart here. The
rules and their limits are listed in the `newsweave.quantities` docstring.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsweave import number_words as nw
from newsweave import quantity_vocabulary as vocab
from newsweave.appositive_age import appositive_age
from newsweave.counted_nouns import noun_after, noun_before, verb_form
from newsweave.quantity_intervals import INF, MODES, qualifier_interval
from newsweave.quantity_tokens import tokenize

# (phrase tokens, mode) for every qualifier phrase, longest first so "well over" beats "over"
_QUALIFIER_PHRASES = sorted(
    (
        (tuple(phrase.split()), mode)
        for mode, phrases in vocab.QUALIFIERS.items()
        for phrase in phrases
    ),
    key=lambda item: -len(item[0]),
)
# the same phrases by first word, longest first, so each token tries only its own
_QUALIFIERS_BY_FIRST_WORD: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _mode in _QUALIFIER_PHRASES:
    _QUALIFIERS_BY_FIRST_WORD.setdefault(_phrase[0], []).append((_phrase, _mode))
_CLOCK_SUFFIXES: tuple[tuple[str, ...], ...] = (
    ("a", ".", "m", "."), ("p", ".", "m", "."), ("a", ".", "m"), ("p", ".", "m"), ("am",),
    ("pm",), ("o'clock",),
)  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    """One quantity mention; ``sentence[start:end] == text``."""

    text: str
    start: int
    end: int
    value: float
    low: float
    high: float
    qualifier: str
    unit: str | None
    kind: str


@dataclass(frozen=True)
class _Core:
    """A number before its qualifier, range and unit are known."""

    value: float
    stop: int  # token index after the number
    kind: str  # digits, words, vague, fraction, multiplier, ordinal, clock
    low: float = 0.0
    high: float = 0.0
    scale: float = 1.0
    year_like: bool = False
    dozen: bool = False


class QuantityParser:
    """Reads the quantity mentions of one sentence, one start token at a time (`parse_at`)."""

    def __init__(self, sentence: str) -> None:
        self.s = sentence
        self.t = tokenize(sentence)
        self.w = [tok.low for tok in self.t]
        self.n = len(self.t)

    def word(self, i: int) -> str:
        return self.w[i] if 0 <= i < self.n else ""

    def glued(self, i: int) -> bool:
        """Whether token i touches token i + 1."""
        return 0 <= i < self.n and self.t[i].glued

    def match(self, i: int, phrase: tuple[str, ...]) -> bool:
        return i >= 0 and tuple(self.w[i : i + len(phrase)]) == phrase

    def make(self, i: int, k: int, value: float, low: float, high: float, qualifier: str,
             unit: str | None, kind: str) -> Quantity:  # fmt: skip
        start, end = self.t[i].start, self.t[k - 1].end
        return Quantity(self.s[start:end], start, end, value, low, high, qualifier, unit, kind)

    # ---- dates and numbers ------------------------------------------------------------------
    def day(self, k: int) -> int | None:
        tok = self.t[k] if 0 <= k < self.n else None
        if tok is None or tok.kind not in ("num", "ord"):
            return None
        digits = tok.text[:-2] if tok.kind == "ord" else tok.text
        return int(digits) if digits.isdigit() and 1 <= int(digits) <= 31 else None

    def month(self, k: int) -> str | None:
        return vocab.MONTHS.get(self.w[k]) if k < self.n and self.t[k].text[0].isupper() else None

    def date_at(self, i: int) -> tuple[Quantity, int] | None:
        """ "March 10", "Feb. 7", "March 10, 2025", "10 March 2025", "the 10th of March"."""
        month, k = self.month(i), i + 1
        if month is not None:
            k += self.word(k) == "." and self.w[i] != month
            first = self.day(k)
            k += 1
        else:
            first = self.day(i)
            k += self.word(k) == "of"
            month = self.month(k) if first is not None else None
            k += 1 + (self.word(k + 1) == "." and self.word(k) != month)
        if first is None or month is None:
            return None
        last = first
        if self.word(k) in ("-", "–") and self.glued(k - 1) and self.day(k + 1):
            last, k = self.day(k + 1) or first, k + 2
        k += self.word(k) == "," and self.year_token(k + 1)
        k += self.year_token(k)
        day, end = float(first), float(last)
        qualifier = "range" if last > first else "exact"
        return self.make(i, k, day, day, end, qualifier, month, "date"), k

    def year_token(self, k: int) -> bool:
        return k < self.n and self.t[k].kind == "num" and len(self.w[k]) == 4

    def core_at(self, j: int, currency: bool) -> _Core | None:
        tok, word = (self.t[j], self.w[j]) if j < self.n else (None, "")
        if tok is None or tok.kind in ("skip", "sym"):
            return None
        if tok.kind == "clock":
            hours, minutes = word.split(":")[:2]  # "08:32:22": the seconds do not count
            return _Core(int(hours) + int(minutes) / 60, j + 1, "clock")
        if tok.kind == "ord":
            return _Core(float(word[:-2]), j + 1, "ordinal")
        if tok.kind == "num":
            value, after = float(word.replace(",", "")), self.word(j + 1)
            scales = (
                vocab.SCALES
                | vocab.ABBREVIATED_SCALES
                | (vocab.CURRENCY_SCALES if currency else {})
            )
            scale = scales.get(after, 1.0)
            k = j + 1 + (scale > 1)
            year = len(word) == 4 and word.isdigit() and 1800 <= value <= 2099 and scale == 1
            if self.match(k, ("and", "a", "half")):
                value, k = value + 0.5, k + 3
            return _Core(value * scale, k, "digits", scale=scale, year_like=year and not currency)
        words = self.w[j : j + 9]
        vague = nw.parse_vague(words)
        if vague is not None:
            return _Core(vague[2], j + vague[3], "vague", vague[0], vague[1])
        fraction = self.fraction_at(j)
        if fraction is not None:
            return fraction
        ordinal = nw.parse_ordinal(words)
        cardinal = nw.parse_cardinal(words) if ordinal is None or ordinal[1] == 1 else None
        if cardinal is not None:
            value, k = cardinal[0], j + cardinal[1]
            if self.match(k, ("and", "a", "half")):
                value, k = value + 0.5, k + 3
            scale = max([s for s in vocab.SCALES.values() if value % s == 0] or [1.0])
            return _Core(value, k, "words", scale=scale, dozen=cardinal[2])
        times = vocab.MULTIPLIER_WORDS.get(word) or nw.parse_fold(word)
        if times is not None:
            return _Core(times, j + 1, "multiplier")
        if ordinal is not None and self.word(j - 1) in vocab.DETERMINERS:
            return _Core(float(ordinal[0]), j + ordinal[1], "ordinal")
        return None

    def fraction_at(self, j: int) -> _Core | None:
        """ "half" (not "the / a half"), "a third of", "two-thirds", "three quarters"."""
        word, value, k = self.w[j], 0.0, j + 1
        if word == "half" and self.word(j - 1) not in ("the", "first", "second", "a", "an"):
            value = 0.5
        elif word in ("a", "one") and self.word(k) in ("third", "quarter"):
            if self.word(k + 1) == "of":
                value, k = vocab.FRACTIONS[self.w[k]], k + 1
        elif 2 <= vocab.ONES.get(word, 0) <= 9:
            k += self.word(k) == "-"
            if self.word(k) in ("thirds", "quarters"):
                value, k = vocab.ONES[word] * vocab.FRACTIONS[self.w[k]], k + 1
        if not value:
            return None
        if self.word(k) == "a" and self.word(k + 1) in vocab.SCALES:  # "half a million"
            return _Core(value * vocab.SCALES[self.w[k + 1]], k + 2, "words")
        return _Core(value, k, "fraction")

    def is_identifier(self, j: int) -> bool:
        """ "F-16", "G7", "Covid-19", "5G", "24/7", "Article 5", "No. 10"."""
        before = self.t[j - 1] if j > 0 and self.glued(j - 1) else None
        if before is not None and (before.kind == "word" or before.text in "/#№"):
            return True
        if (
            before is not None
            and before.text == "-"
            and self.glued(j - 2)
            and self.t[j - 2].kind == "word"
        ):
            return self.w[j - 2] not in ("mid", "pre", "post", "late", "early")
        if self.glued(j) and (self.t[j + 1].kind == "word" or self.w[j + 1] == "/"):
            return self.w[j + 1] not in vocab.ATTACHED_OK
        prev = j - 1 - (self.word(j - 1) == ".")
        if prev < 0 or not self.t[prev].text[0].isupper() or self.t[prev].kind != "word":
            return False  # "Article 5", "No. 10"; "Nord Stream 2" unless the name opens
        return self.w[prev] in vocab.ID_WORDS or (
            prev > 0 and self.w[prev] not in vocab.STOP | vocab.MONTHS.keys()
        )

    # ---- one mention ------------------------------------------------------------------------
    def qualifier_at(self, i: int) -> tuple[str, int]:
        for phrase, mode in _QUALIFIERS_BY_FIRST_WORD.get(self.word(i), ()):
            if self.match(i, phrase):
                if phrase[0] in ("over", "above") and self.word(i - 1) in vocab.PHRASAL_OVER:
                    break
                return mode, i + len(phrase)
        return "exact", i

    def currency_at(self, j: int) -> tuple[str | None, int]:
        j += self.match(j, ("us", "$")) and self.glued(j)
        text = self.t[j].text if j < self.n else ""
        if text in vocab.CURRENCY_SYMBOLS:
            return vocab.CURRENCY_SYMBOLS[text], j + 1
        return (nw.unit_name(text), j + 1) if text in vocab.CURRENCY_CODES else (None, j)

    def range_after(self, core: _Core, k: int, between: bool, i: int
                    ) -> tuple[float, float, int] | None:  # fmt: skip
        """(high end, its scale, token after) of "X-Y", "X to Y", "X or Y", "between X and Y"
        (or "between X to Y"), also with "percent" said twice ("25 percent to 40 percent",
        not "25 percent to 40 cents"); "from X to Y" is a change, not a range, and so is
        "fell (by) 0.5 percent to 9.8 percent". `i` is the amount's first token."""
        prev = self.word(i - 1)
        joiner = self.word(k)
        percent_twice = False
        if joiner == "percent" and self.word(k + 1) in ("to", "and", "-", "–"):
            verb = self.word(i - 2) if prev == "by" else prev  # "fell (by) 0.5 percent to"
            if verb in vocab.CHANGE_VERBS:
                return None
            k, joiner, percent_twice = k + 1, self.word(k + 1), True
        if between:
            ok = joiner in ("and", "to")
        elif joiner in ("-", "–", "—"):
            ok = core.kind == "digits" and (joiner != "-" or (self.glued(k - 1) and self.glued(k)))
        else:
            ok = joiner == "or" or (joiner == "to" and prev != "from")
        if not ok or core.kind not in ("digits", "words"):
            return None
        _, j = self.currency_at(k + 1)
        second = self.core_at(j, currency=j > k + 1)
        if second is None or second.kind != core.kind:
            return None
        if percent_twice and self.word(second.stop) != "percent":
            return None  # "fell 25 percent to 40 cents": two amounts
        high = second.value
        if core.year_like and len(self.w[j]) == 2 and joiner in ("-", "–"):
            high += core.value // 100 * 100  # "2022-23"
        if high <= core.value or (joiner == "or" and high > 3 * core.value):
            return None
        return high, second.scale, second.stop

    def parse_at(self, i: int) -> tuple[Quantity, int] | None:
        mode, after_qualifier = self.qualifier_at(i)
        date = self.date_at(after_qualifier)
        if date is not None:
            return date
        currency, j = self.currency_at(after_qualifier)
        core = self.core_at(j, currency is not None)
        if core is None or (core.kind == "digits" and self.is_identifier(j)):
            return None
        low, high, value, k = core.low, core.high, core.value, core.stop
        rng = None
        if mode in ("exact", "between", "approx"):
            rng = self.range_after(core, k, mode == "between", i)
        if mode == "between" and rng is None:
            i, mode = after_qualifier, "exact"
        if rng is not None:
            high, scale, k = rng
            if core.scale == 1 and scale > 1 and value * scale <= high:
                value *= scale  # "between 3 and 4 million"
            low, value, mode = value, (value + high) / 2, "range"
        elif core.kind == "vague" and mode == "exact":
            mode = "vague"
        elif core.dozen and mode == "exact":  # "a dozen" is a round figure
            mode = "approx"
        kind, unit, k, mode, value = self.suffix(core, k, mode, currency, value)
        if mode == "decade":  # "the 1990s"
            low, high, value, mode = value, value + 9, value + 4.5, "range"
        ratio = self.ratio_after(core, k) if rng is None and kind is None else None
        if ratio is not None:
            (value, k), kind, unit = ratio, "percent", "percent"
        plural, unit_end = False, k
        if kind is None or (kind == "count" and unit is None):
            skip = core.kind == "fraction" and self.word(k) in ("a", "an")
            unit, plural, unit_end = noun_after(self.t, k + skip)
            unit = unit or noun_before(self.t, i)
        one = core.kind == "words" and self.w[j : core.stop] == ["one"] and not rng and not ratio
        if one and not self.one_counts(i, core.stop, k, unit):
            return None
        if core.kind == "ordinal" and self.t[j].kind == "word" and unit is None:
            return None
        if kind is None:
            kind = self.kind_of(core, unit, plural, i, unit_end)
            unit = "year" if kind == "age" else None if kind in ("year", "multiplier") else unit
        if core.kind != "vague" and mode != "range":
            low, high = qualifier_interval(mode, value, kind, core.dozen)
        elif mode in MODES:  # a qualified vague amount: "more than a few hundred"
            _, low_factor, high_factor = MODES[mode]
            high = INF if high_factor == INF else high
            low = 0.0 if low_factor == 0 else low
        qualifier = MODES[mode][0] if mode in MODES else mode
        return self.make(i, k, value, low, high, qualifier, unit, kind), k

    def suffix(self, core: _Core, k: int, mode: str, currency: str | None, value: float
               ) -> tuple[str | None, str | None, int, str, float]:  # fmt: skip
        """(kind, unit, token after the text, mode, value) from what follows the number."""
        word, numeric = self.word(k), core.kind in ("digits", "words")
        if word in ("%", "percent", "pct") or self.match(k, ("per", "cent")):
            return "percent", "percent", k + 1 + (word == "per"), mode, value
        if word == "percentage" and self.word(k + 1) in ("point", "points"):
            return "percent", "percentage point", k + 2, mode, value
        if core.kind == "clock" or (core.kind == "digits" and not currency):
            for phrase in _CLOCK_SUFFIXES:
                if self.match(k, phrase) and (len(phrase) > 1 or self.glued(k - 1) or
                                              phrase == ("o'clock",)):  # fmt: skip
                    if phrase[0] != "o'clock":
                        value = value % 12 + 12 * (phrase[0] in ("p", "pm"))
                    return "time", None, k + len(phrase), mode, value
            if core.kind == "clock":
                return "time", None, k, mode, value
            if vocab.DOTTED_CLOCK.fullmatch(self.t[k - 1].text) and (
                word in vocab.TIME_ZONES or self.match(k, ("local", "time"))
            ):  # "at 22.00 UTC", "at 9.30 local time"
                hours, minutes = self.t[k - 1].text.split(".")
                return "time", None, k, mode, int(hours) + int(minutes) / 60
        if core.kind == "multiplier" or (word == "times" and numeric):
            return "multiplier", None, k + (word == "times"), mode, value
        if core.year_like and word == "s" and self.glued(k - 1):
            return "year", None, k + 1, "decade", value
        if word == "-" and self.glued(k - 1) and self.glued(k) and numeric:
            glued = self.word(k + 1)
            if glued == "year" and self.match(k + 2, ("-", "old")):
                return "age", "year", k + 4, mode, value
            if glued == "fold":
                return "multiplier", None, k + 2, mode, value
            if glued in ("odd", "plus", "strong"):  # "100-odd", "100-plus", "a 100-strong crowd"
                post = {"odd": "approx", "plus": "at_least"}.get(glued, mode)
                return None, None, k + 2, post if mode == "exact" else mode, value
            if self.t[k + 1].kind == "word" and glued not in vocab.STOP:
                if self.w[k - 1] == "one" and glued in vocab.ONE_GLUED_IDIOMS:
                    return None, None, k, mode, value
                unit = nw.unit_name(glued)
                return nw.unit_kind(unit) or "count", unit, k + 2, mode, value
        if mode == "exact":
            for phrase, post in vocab.POST_QUALIFIERS.items():
                if self.match(k, phrase):
                    return None, None, k + 2, post, value
            if word == "+" and self.glued(k - 1):
                return None, None, k + 1, "at_least", value
        return ("money" if currency else None), currency, k, mode, value

    def ratio_after(self, core: _Core, k: int) -> tuple[float, int] | None:
        """ "one in five", "nine out of 10" -> (percentage, token after)."""
        j = k + 1 if self.word(k) == "in" else k + 2 if self.match(k, ("out", "of")) else 0
        second = self.core_at(j, False) if j else None
        if second is None or {core.kind, second.kind} - {"digits", "words"} or second.year_like:
            return None
        if second.value <= core.value or nw.unit_kind(noun_after(self.t, second.stop)[0] or ""):
            return None
        return 100 * core.value / second.value, second.stop

    def one_counts(self, i: int, stop: int, k: int, unit: str | None) -> bool:
        """The "one" rule (`newsweave.quantities` docstring): `stop` ends the word "one",
        `k` the mention."""
        if unit is None or self.word(stop) == "of" or self.word(i - 1) in vocab.ONE_BLOCK:
            return False
        return (
            k > stop or unit not in vocab.ONE_IDIOMS or self.word(i - 1) in vocab.ONE_DURATION_PREV
        )

    def kind_of(self, core: _Core, unit: str | None, plural: bool, i: int, unit_end: int
                ) -> str:  # fmt: skip
        if core.kind == "ordinal" or (core.kind == "fraction" and unit not in vocab.DURATIONS):
            return core.kind
        prev, after = self.word(i - 1), self.word(core.stop)
        if core.year_like and not (plural and prev not in vocab.YEAR_PREV | vocab.MONTHS.keys()):
            return "year"
        if core.year_like and verb_form(after):  # "in August 2019 unnerved governments"
            return "year"
        if prev == "aged" or (unit == "year" and self.word(unit_end) == "old"):
            return "age"
        if unit is None and core.kind == "digits":
            start, end = self.t[i].start, self.t[core.stop - 1].end
            if appositive_age(self.s, start, end, core.value):  # "Xiao Tan, 32, of"
                return "age"
        return nw.unit_kind(unit or "") or "count"
