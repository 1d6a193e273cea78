"""The records of `newsweave.timeline`: a temporal expression found in a text, and an
article's publication date with how it was obtained."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Granularity = Literal["day", "week", "month", "season", "year", "decade"]
# What a value was computed from: nothing but the text ("absolute"), the publication date
# ("publication"), a date mentioned earlier in the text ("context"), or nothing because the
# expression is a length of time only ("duration").
Anchor = Literal["absolute", "publication", "context", "duration"]


@dataclass(frozen=True)
class TimeValue:
    """A resolved interval of calendar days: `date` alone for one day at day granularity,
    `date`..`end` (both ISO, inclusive) for anything longer."""

    date: str
    end: str | None = None


@dataclass(frozen=True)
class TimeExpression:
    """One temporal expression: `text == source[start:end]`.

    `value` is None when the expression cannot be placed on the calendar: a relative
    expression without a reference date, an offset from an event the text does not date
    ("two months before the election"), or a bare duration.
    """

    text: str
    start: int
    end: int
    kind: str  # the rule that read it: "date", "weekday", "relative-day", "offset", ...
    granularity: Granularity
    anchor: Anchor
    value: TimeValue | None
    time: str | None = None  # "HH:MM" of a clock time
    part_of_day: str | None = None  # "early hours", "morning", "afternoon", "evening", "night"
    modifier: str | None = None  # "since", "until", "around", "shortly after", "early", ...
    approximate: bool = False
    is_future: bool | None = None  # tense of the clause, where it decided the value
    duration: str | None = None  # ISO 8601 length of an offset or span: "P2Y", "P10D"
    basis: str | None = None  # for anchor "context": the earlier expression it counts from

    @property
    def date(self) -> str | None:
        return self.value.date if self.value else None

    @property
    def date_end(self) -> str | None:
        return self.value.end if self.value else None


@dataclass(frozen=True)
class PublicationDate:
    """An article's publication date: stated by the input, inferred (and `how`), or None."""

    date: str | None
    inferred: bool
    how: str
