"""What `newsweave.timeline`'s readers share: the context an expression is read in, the
reading they return, and small helpers on granularities and dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from newsweave.timeline.model import Anchor, Granularity, TimeExpression, TimeValue

UNIT_GRANULARITY: dict[str, Granularity] = {
    "hour": "day", "day": "day", "week": "week", "month": "month", "year": "year",
    "decade": "year", "weekend": "day", "morning": "day", "afternoon": "day", "evening": "day",
    "night": "day",
}  # fmt: skip
ORDER: dict[str, int] = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5}


@dataclass(frozen=True)
class Context:
    """What an expression is read against."""

    reference: dt.date | None
    tense: int  # +1 future, -1 past, 0 unknown: the clause's
    base: TimeExpression | None  # the latest earlier expression dates can count from
    day: TimeExpression | None  # the latest earlier expression naming one day
    # (month, day) -> (year, expression) for days the text also writes with their year:
    # "the July 7 bombings" of a text that says "on July 7, 2005" are of 2005
    stated_years: Mapping[tuple[int, int], tuple[int, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Reading:
    """An atom's value before it becomes a `TimeExpression`."""

    granularity: Granularity
    anchor: Anchor
    value: TimeValue | None
    approximate: bool = False
    is_future: bool | None = None
    duration: str | None = None
    basis: str | None = None
    part: str | None = None


def iso(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def digits(text: str) -> int:
    return int("".join(c for c in text if c.isdigit()))


def possessive_end(text: str, end: int) -> int | None:
    """Where the "'s" of a day written text[...:end] ends ("Saturday's", whether the match
    took the "'s" in or stopped before it), or None when the day has none."""
    if text[end - 2 : end] in ("'s", "’s"):
        return end
    if text[end : end + 2] in ("'s", "’s"):
        return end + 2
    return None


def lower(word: str | None) -> str:
    return " ".join(word.lower().split()) if word else ""


def future(c: Context) -> bool | None:
    return None if c.tense == 0 else c.tense > 0


def distance(interval: tuple[dt.date, dt.date], when: dt.date) -> int:
    first, last = interval
    return 0 if first <= when <= last else min(abs((first - when).days), abs((when - last).days))


def coarser(first: Granularity, second: Granularity) -> Granularity:
    return first if ORDER[first] >= ORDER[second] else second
