"""What a language must supply to `newsweave.timeline`: the patterns that find temporal
expressions, and word tables that turn the words they capture into numbers.

Every pattern is a compiled regular expression whose named groups carry the parts the
resolver reads (the group names are the contract, listed in `Grammar`); the tables map
lower-cased words to language-neutral values. `newsweave.timeline.english` is the English
grammar; another language adds a module that builds a `Grammar` and registers it in
`newsweave.timeline.extract.GRAMMARS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Grammar:
    """A language's temporal grammar.

    `patterns` are tried in order; on the same span the earlier one wins. Kinds and the
    groups each reads: "iso" (y m d); "month_day" and "day_month" (wd mon d1 mon2 d2 y);
    "month_year" (mod mon y); "month" (prep rel mon); "year" (prep mod y y2); "decade"
    (prep mod dec); "season" (prep rel season y); "relative_day" (prep rel part);
    "weekday" (prep rel wd part); "part_of" (prep part: "the early hours of", merged with
    the day after it); "night_between" (prep wd wd2); "part_of_day" (prep that part);
    "clock" (mod h min ampm, or h24 m24, or word); "ago" (num unit); "offset" (num unit dir
    tail); "anaphor" (dir unit, or that_unit); "period" (prep mod rel unit); "span" (prep
    rel num unit).
    """

    language: str
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    months: Mapping[str, int]  # "february", "feb" -> 2
    weekdays: Mapping[str, int]  # "monday" -> 0
    relative_days: Mapping[str, int]  # "yesterday" -> -1, "last night" -> -1
    directions: Mapping[str, int]  # "last" -> -1, "this" -> 0, "next" -> 1
    # Prepositions that settle a day's direction: "since" -1; "until", "by" +1 (these only
    # when the clause's verbs say nothing).
    preposition_directions: Mapping[str, int]
    units: Mapping[str, str]  # "days" -> "day"
    parts_of_day: Mapping[str, str]  # "tonight" -> "night", "this morning" -> "morning"
    approximate_words: frozenset[str]  # "around", "early", "several": not exact
    number: Callable[[str], tuple[int, bool] | None]  # "five" -> (5, False), "a few" -> (3, True)
    # How far a clause's verbs put it from its publication date: +1 future, -1 past, 0 unknown.
    tense: Callable[[str, int, int], int]
    # The text allowed between a day and a clock time or part of day for the two to be read
    # as one expression ("Monday at 4 p.m.", "around 4 p.m. yesterday").
    joiner: re.Pattern[str]
