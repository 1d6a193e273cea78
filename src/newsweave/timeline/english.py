"""The English grammar of `newsweave.timeline`.

Month and weekday names come from the CLDR data that Babel ships (wide and abbreviated
forms), so a grammar for another language starts from the same tables; number words come
from `newsweave.quantity_vocabulary`. The patterns are written here: no library found the
ranges, anaphora and part-of-day expressions news uses (see docs/timeline.md).
"""

from __future__ import annotations

import re

from babel.dates import get_day_names, get_month_names

from newsweave.quantity_vocabulary import ONES, TENS
from newsweave.timeline.english_tense import clause_tense
from newsweave.timeline.grammar import Grammar

LANGUAGE = "en"


def _names() -> tuple[dict[str, int], dict[str, int]]:
    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale=LANGUAGE).items():
            months[str(name).lower()] = int(number)
    months["sept"] = 9  # a common English abbreviation CLDR does not list
    weekdays = {
        str(name).lower(): int(number)
        for number, name in get_day_names("wide", locale=LANGUAGE).items()
    }
    return months, weekdays


MONTHS, WEEKDAYS = _names()
_WIDE_MONTHS = [m for m, n in MONTHS.items() if len(m) > 4 or m in {"may", "june", "july"}]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _names_pattern(words: list[str], dotted: bool = False) -> str:
    """Capitalised names, matched case-sensitively inside case-insensitive patterns."""
    names = _alternation([w.capitalize() for w in words])
    dot = r"\.?" if dotted else ""
    return rf"(?-i:(?:{names}){dot})"


_ABBREVIATED = [m for m in MONTHS if len(m) <= 4 and m not in {"may", "june", "july"}]
_WIDE = [str(n).lower() for n in get_month_names("wide", locale=LANGUAGE).values()]
MONTH = rf"(?:{_names_pattern(_WIDE)}|{_names_pattern(_ABBREVIATED, dotted=True)})(?![a-z])"
MONTH_WIDE = _names_pattern(_WIDE_MONTHS)
WEEKDAY = _names_pattern(list(WEEKDAYS))
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_NUMBER_WORDS = [*ONES, *TENS, "a", "an", "a few", "a couple of", "several", "a dozen"]
_COMPOUND = rf"(?:{_alternation(list(TENS))})-(?:{_alternation(list(ONES))})"
NUMBER = rf"(?:\d{{1,3}}|{_COMPOUND}|{_alternation(_NUMBER_WORDS)})"
UNIT = r"(?:day|week|month|year|decade|hour)s?"
_DASH = r"\s*(?:-|–|—|to|through|until|and|&)\s*"
_NOT_NUMBER = r"(?![.,]?\d)"
# A number that a label names is no year ("Resolution 1723", "Flight 1907"); nor is a
# clock time before its zone ("at 1852 UTC").
_LABELS = "resolution flight no. number route highway room page chapter section platform gate"
_NOT_AFTER_LABEL = "".join(rf"(?<!\b{re.escape(label)} )" for label in _LABELS.split())
_CLOCK_ZONES = r"utc|gmt|hrs|local\s+time"  # not "hours": "in 2010 hours of footage"

_PREP = r"on|in|since|until|till|by|from|before|after|through|during|between|as of"


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", _compile(rf"\b(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "month_day",
        _compile(
            rf"\b(?:(?P<prep>{_PREP})\s+)?(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+"
            rf"(?P<d1>{DAYNUM})\b(?:{_DASH}(?:(?P<mon2>{MONTH})\s+)?(?P<d2>{DAYNUM})\b)?"
            rf"(?:,?\s+(?P<y>{YEAR})\b)?{_NOT_NUMBER}"
        ),
    ),
    (
        "day_month",
        _compile(
            rf"\b(?:(?P<prep>{_PREP})\s+)?(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d1>{DAYNUM})"
            rf"(?:{_DASH}(?P<d2>{DAYNUM}))?\s+(?:of\s+)?(?P<mon>{MONTH})(?![a-z])"
            rf"(?:,?\s+(?P<y>{YEAR})\b)?{_NOT_NUMBER}"
        ),
    ),
    (
        "month_year",
        _compile(
            rf"\b(?:(?P<prep>{_PREP})\s+)?(?:(?P<mod>early|late|mid-|mid|the end of|the start of"
            rf"|the beginning of|the middle of)\s*)?(?P<mon>{MONTH})(?:\s+of)?,?\s+(?P<y>{YEAR})\b"
        ),
    ),
    (
        "month",
        _compile(
            rf"\b(?:(?P<prep>{_PREP}|by)\s+)?(?:(?P<mod>early|late|mid-|mid|the end of"
            rf"|the start of)\s*)?(?:(?P<rel>last|next|this|this past|this coming)\s+)?"
            rf"(?P<mon>{MONTH_WIDE})\b(?!\s+\d)"
        ),
    ),
    (
        "year",
        _compile(
            rf"(?:\b(?P<prep>{_PREP}|around|circa)\s+|(?<=\bof ))?"
            r"(?:(?P<mod>early|late|mid-|mid)\s*)?"
            rf"{_NOT_AFTER_LABEL}(?P<y>{YEAR})(?:{_DASH}(?P<y2>{YEAR}))?\b{_NOT_NUMBER}(?!\s*%)"
            rf"(?!\s*(?:{_CLOCK_ZONES})\b)(?(prep)|(?!\s+[a-z]+s\b))"
        ),
    ),
    (
        "decade",
        _compile(
            rf"\b(?:(?P<prep>{_PREP})\s+)?the\s+(?:(?P<mod>early|late|mid-|mid)\s*)?"
            r"(?P<dec>1[5-9]\d0|20\d0)s\b"
        ),
    ),
    (
        "season",
        _compile(
            rf"\b(?:(?P<prep>{_PREP}|over)\s+)?(?:(?P<rel>this|last|next|this past|the|early"
            r"|late)\s+)?(?P<season>spring|summer|autumn|fall|winter)\b"
            rf"(?:(?:\s+of)?,?\s+(?P<y>{YEAR})\b)?"
            r"(?!\s+(?:residence|house|home|palace|camp|school|holidays?|break|recess|months"
            r"|session|olympics|games|season|time|heat|storms?|rains?|offensive)\b)"
        ),
    ),
    (
        "night_between",
        _compile(
            rf"\b(?:(?P<prep>in|during|on|over)\s+)?the\s+night\s+(?:from|of|between)\s+"
            rf"(?P<wd>{WEEKDAY})\s+(?:to|and|into)\s+(?P<wd2>{WEEKDAY})\b"
        ),
    ),
    (
        "day_years_ago",  # an anniversary: "on this day last year", "two years ago today"
        _compile(
            r"\b(?:(?P<prep>on)\s+)?(?:this\s+(?:day|date)\s+(?:last\s+year|"
            rf"(?P<num>{NUMBER})\s+years?\s+ago)|(?P<num2>{NUMBER})\s+years?\s+ago\s+today)\b"
        ),
    ),
    (
        "relative_day",
        _compile(
            rf"\b(?:(?P<prep>{_PREP}|for|as of)\s+)?(?P<rel>the day before yesterday|the day"
            r" after tomorrow|today|tonight|yesterday|tomorrow|last night|overnight|this"
            r" (?:morning|afternoon|evening))\b(?:\s+(?P<part>morning|afternoon|evening|night)\b)?"
        ),
    ),
    (
        "weekday",
        _compile(
            rf"\b(?:(?P<prep>{_PREP}|early on|late on|earlier on|early|late)\s+)?"
            r"(?:(?P<rel>this past|this coming|last|next|this|coming|past)\s+)?"
            rf"(?P<wd>{WEEKDAY})(?![a-z])(?:’s|'s)?(?!\s+(?:newspaper|paper|edition|magazine"
            r"|Times|Telegraph|Post|Mail|Express|Herald|Sport|Mirror|Star|School|Service)\b)"
            r"(?:\s+(?P<part>morning|afternoon|evening|night)\b)?"
        ),
    ),
    (
        "part_of",
        _compile(
            r"\b(?:(?P<prep>in|during|on|since|until|by)\s+)?the\s+(?P<part>early hours|small"
            r" hours|morning|afternoon|evening|night)\s+of\s+(?=\S)"
        ),
    ),
    (
        "part_of_day",
        _compile(
            r"\b(?:(?P<that>that|the same)\s+|(?P<prep>in|during|through|throughout|by|late in"
            r"|early in|later in|earlier in)\s+the\s+)(?P<part>morning|afternoon|evening|night"
            r"|day)\b"
        ),
    ),
    (
        "clock",
        _compile(
            r"(?:\b(?P<mod>at about|at around|at roughly|at approximately|at|around|about"
            r"|shortly after|shortly before|just after|just before|soon after|after|before|by"
            r"|until|from|approximately|roughly)\s+)?\b(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?"
            r"\s*(?P<ampm>[ap]\.m\.|[ap]\.m|[ap]m)(?![a-z])|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)"
            r"\b(?!:)|(?P<word>noon|midday|midnight)\b)"
        ),
    ),
    (
        "ahead",
        _compile(
            rf"\b(?P<prep>in|within)\s+(?P<num>{NUMBER})\s+(?P<unit>{UNIT})(?:[’']\s*time)?\b"
        ),
    ),
    ("ago", _compile(rf"\b(?P<num>{NUMBER})\s+(?P<unit>{UNIT})\s+ago\b")),
    (
        "offset",
        _compile(
            rf"\b(?P<num>{NUMBER})\s+(?P<unit>{UNIT})\s+(?P<dir>later|earlier|after|before"
            r"|afterwards|previously)\b(?:(?=\s+(?P<tail>that|the|his|her|its|their|a|an)\b))?"
        ),
    ),
    (
        "anaphor",
        _compile(
            r"\b(?:(?P<dir>later|earlier)\s+that\s+(?P<unit>day|week|month|year|morning"
            r"|afternoon|evening|night)|the\s+(?P<dir2>next|following|previous|preceding|same"
            r"|prior)\s+(?P<unit2>day|week|month|year|morning|afternoon|evening|night|weekend)"
            r"|(?:on\s+)?that\s+(?P<unit3>day|week|month|year|weekend)"
            r"|the\s+day\s+(?P<dir4>before|after)(?=\s*[,.;:]|\s+(?:and|but)\b))\b"
        ),
    ),
    (
        "period",
        _compile(
            r"\b(?:(?P<prep>in|during|over|for|within|since|until|by|at|throughout)\s+)?"
            r"(?:(?P<mod>earlier|later|early|late)\s+)?(?:(?P<rel>last|this|next|this past"
            r"|this coming|the past|the coming|the|previous|current)\s+)"
            r"(?P<unit>weekend|week|month|year|decade)\b"
        ),
    ),
    (
        "span",
        _compile(
            r"\b(?:(?P<prep>in|during|over|for|within|throughout)\s+)?the\s+(?:(?P<rel>past|last"
            rf"|next|coming|previous|recent)\s+(?:(?P<num>{NUMBER})\s+)?|(?P<num2>{NUMBER})\s+"
            rf"(?P<rel2>past|last|next|coming)\s+)(?P<unit>{UNIT})\b"
        ),
    ),
)

RELATIVE_DAYS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "overnight": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip
DIRECTIONS = {
    "last": -1, "past": -1, "this past": -1, "the past": -1, "previous": -1, "preceding": -1,
    "prior": -1, "earlier": -1, "before": -1, "ago": -1, "recent": -1, "this": 0, "current": 0,
    "the": 0, "same": 0, "next": 1, "coming": 1, "this coming": 1, "the coming": 1,
    "following": 1, "later": 1, "after": 1, "afterwards": 1,
}  # fmt: skip
_UNIT_NAMES = ("day", "week", "month", "year", "decade", "hour")
UNITS = {f"{unit}{plural}": unit for unit in _UNIT_NAMES for plural in ("", "s")}
PARTS_OF_DAY = {
    "tonight": "night", "last night": "night", "overnight": "night", "this morning": "morning",
    "this afternoon": "afternoon", "this evening": "evening", "early hours": "early hours",
    "small hours": "early hours", "morning": "morning", "afternoon": "afternoon",
    "evening": "evening", "night": "night",
}  # fmt: skip
APPROXIMATE = frozenset(
    {"around", "about", "at about", "at around", "at roughly", "at approximately", "roughly",
     "approximately", "shortly after", "shortly before", "just after", "just before",
     "soon after", "early", "late", "mid", "mid-", "circa", "the end of", "the start of",
     "the beginning of", "the middle of", "early on", "late on", "earlier on", "earlier",
     "later", "a few", "several", "a couple of"}
)  # fmt: skip


def number(words: str) -> tuple[int, bool] | None:
    """A count written in digits or words, and whether it is vague ("several")."""
    word = " ".join(words.lower().split())
    if word.isdigit():
        return int(word), False
    if word in {"a", "an"}:
        return 1, False
    if word in {"a few", "several"}:
        return 3, True
    if word == "a couple of":
        return 2, True
    if word == "a dozen":
        return 12, False
    if word in ONES:
        return ONES[word], False
    tens, _, ones = word.partition("-")
    if tens in TENS:
        return TENS[tens] + ONES.get(ones, 0), False
    return None


GRAMMAR = Grammar(
    language=LANGUAGE,
    patterns=PATTERNS,
    months=MONTHS,
    weekdays=WEEKDAYS,
    relative_days=RELATIVE_DAYS,
    directions=DIRECTIONS,
    preposition_directions={"since": -1, "until": 1, "till": 1, "by": 1},
    units=UNITS,
    parts_of_day=PARTS_OF_DAY,
    approximate_words=APPROXIMATE,
    number=number,
    tense=clause_tense,
    joiner=re.compile(r"\s*,?\s*(?:on|at|in)?\s*", re.IGNORECASE),
)
