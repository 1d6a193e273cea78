"""The timeline as charts: dated events placed on a time axis, drawn as SVG by the template
from the positions worked out here (no script and no inline style needed).

Events come from the digest's JSON `timeline` list: `{id, date, end, granularity, time,
text, article_ids, sentence_ids, inferred, also_reported_by}`, with ISO dates. A day is a
point (at its clock time when one is given, else at noon); a longer period (a range, a
month, a season, a year) is a bar across it. When some events lie far from the others
(a dam built in 1971 in a story about its collapse in 2025), one chart shows the weeks of
the story and a second the earlier and later dates, so that neither squashes the other.
"""

from __future__ import annotations

import calendar
import re
import statistics
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

WIDTH = 1000
MARGIN = 16
AXIS_Y = 28
ROW = 26
FIRST_ROW = 52
LABEL_CHARS = 64  # at most, in a chart; the list below the charts gives the full text
CHAR_WIDTH = 7.2  # of the 13-unit label font, on average
STORY_DAYS = 21  # events within this many days of the median event make the story's chart

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ](\d{2}):(\d{2}))?")
_CLOCK = re.compile(r"^(\d{2}):(\d{2})")
_HOUR = 1 / 24
_STEPS = (_HOUR, 3 * _HOUR, 6 * _HOUR, 12 * _HOUR, 1.0, 2.0, 7.0, 14.0)
_MONTHS = (1, 3, 6, 12)
_YEARS = (2, 5, 10, 20, 50, 100, 200, 500)


@dataclass(frozen=True)
class Moment:
    """A point in time as days since 0001-01-01 (hours as fractions), and the length in
    days of the period the date names (1 for a day, the month's days for a month, 0 for a
    time of day)."""

    day: float
    period: float


@dataclass(frozen=True)
class TimelineEvent:
    id: str
    date: str  # as shown: "2025-03-10 02:00", "2023-03", "1971"
    end: str | None
    text: str
    label: str
    numbers: list[int]
    sentence_ids: list[str]
    inferred: bool
    start: float | None = None  # on the time axis, in days; None: undated
    stop: float | None = None
    x: float = 0.0
    x_end: float | None = None  # set for a period drawn as a bar
    y: float = 0.0
    label_x: float = 0.0
    anchor: str = "start"


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class TimelineChart:
    title: str
    drawn: list[TimelineEvent]
    ticks: list[Tick]
    width: int
    height: int


@dataclass(frozen=True)
class Timeline:
    """The charts, and every event in date order (undated ones last) for the list."""

    charts: list[TimelineChart]
    events: list[TimelineEvent]


def parse_moment(text: Any) -> Moment | None:
    """The moment an ISO date or date-time names, or None when it names none."""
    match = _ISO.match(text) if isinstance(text, str) else None
    if match is None:
        return None
    year, month, day, hour, minute = match.groups()
    try:
        if month is None:
            start = date(int(year), 1, 1)
            return Moment(start.toordinal(), 366 if calendar.isleap(start.year) else 365)
        if day is None:
            start = date(int(year), int(month), 1)
            return Moment(start.toordinal(), calendar.monthrange(start.year, start.month)[1])
        start = date(int(year), int(month), int(day))
    except ValueError:
        return None
    if hour is None:
        return Moment(start.toordinal(), 1)
    return Moment(start.toordinal() + (int(hour) * 60 + int(minute)) / 1440, 0)


def shown_date(value: Any, granularity: Any = None, clock: Any = None) -> str:
    """A date as the page shows it: "1971" for a year, "2023-03" for a month (or the first
    month of a season), a day with its clock time ("2025-03-10 02:00") when one is given."""
    if not value:
        return "undated"
    text = str(value).replace("T", " ", 1)
    if granularity == "year":
        return text[:4]
    if granularity == "decade":
        return text[:3] + "0s"
    if granularity in ("month", "season"):
        return text[:7]
    if isinstance(clock, str) and _CLOCK.match(clock) and len(text) == 10:
        return f"{text} {clock[:5]}"
    return text


def _span(item: dict[str, Any]) -> tuple[float, float] | None:
    """Where an event starts and stops on the axis (equal for a point)."""
    start = parse_moment(item.get("date"))
    if start is None:
        return None
    clock = _CLOCK.match(item["time"]) if isinstance(item.get("time"), str) else None
    end = parse_moment(item.get("end"))
    if end is not None and end.day + end.period > start.day + start.period:
        return start.day, end.day + end.period
    if start.period > 1:
        return start.day, start.day + start.period
    if clock is not None:
        point = start.day + (int(clock.group(1)) * 60 + int(clock.group(2))) / 1440
        return point, point
    middle = start.day + start.period / 2
    return middle, middle


def _event(item: dict[str, Any], number: dict[str, int], row: int) -> TimelineEvent:
    granularity, clock = item.get("granularity"), item.get("time")
    shown = shown_date(item.get("date"), granularity, clock)
    end = shown_date(item["end"], granularity) if item.get("end") else None
    articles = [*(item.get("article_ids") or []), *(item.get("also_reported_by") or [])]
    span = _span(item)
    text = item["text"]
    return TimelineEvent(
        id=str(item.get("id", row)),
        date=shown,
        end=end if end != shown else None,
        text=text,
        label=f"{shown} · {text}",
        numbers=sorted({number[a] for a in articles if a in number}),
        sentence_ids=[str(s) for s in item.get("sentence_ids") or []],
        inferred=bool(item.get("inferred")),
        start=None if span is None else span[0],
        stop=None if span is None else span[1],
    )


def _ticks(low: float, high: float, scale: float) -> list[Tick]:
    span = high - low
    step = next((s for s in _STEPS if span / s <= 8), None)
    if step is not None:
        first = int(low / step + 0.999999) * step
        moments = [first + k * step for k in range(int((high - first) / step) + 1)]
        labels = [_tick_label(m, with_time=step < 1) for m in moments]
    else:
        months = next((m for m in _MONTHS if span / (30.44 * m) <= 8), None)
        if months is None:
            years = next((y for y in _YEARS if span / (365.25 * y) <= 8), 1000)
            months = 12 * years
        moments, labels = _calendar_ticks(low, high, months)
    return [
        Tick(round(MARGIN + (m - low) * scale, 1), t) for m, t in zip(moments, labels, strict=True)
    ]


def _tick_label(moment: float, *, with_time: bool) -> str:
    day = date.fromordinal(int(moment))
    if not with_time:
        return day.strftime("%d %b")
    minutes = round((moment - int(moment)) * 1440)
    return f"{day.strftime('%d %b')} {minutes // 60:02d}:{minutes % 60:02d}"


def _calendar_ticks(low: float, high: float, months: int) -> tuple[list[float], list[str]]:
    """Ticks on the first day of every `months`-th month (of every year for 12 and more)."""
    start = date.fromordinal(max(1, int(low)))
    moments: list[float] = []
    labels: list[str] = []
    if months >= 12:
        years = months // 12
        year = (start.year + years - 1) // years * years
        while year <= 9999 and date(year, 1, 1).toordinal() <= high:
            if date(year, 1, 1).toordinal() >= low:
                moments.append(date(year, 1, 1).toordinal())
                labels.append(str(year))
            year += years
        return moments, labels
    year, month = start.year, start.month
    while date(year, month, 1).toordinal() <= high:
        moment = date(year, month, 1).toordinal()
        if (month - 1) % months == 0 and moment >= low:
            moments.append(moment)
            labels.append(f"{calendar.month_abbr[month]} {year}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return moments, labels


def _chart(title: str, events: list[TimelineEvent]) -> TimelineChart:
    low = min(e.start for e in events if e.start is not None)
    high = max(e.stop for e in events if e.stop is not None)
    if high - low < _HOUR:
        low, high = low - 0.5, high + 0.5
    scale = (WIDTH - 2 * MARGIN) / (high - low)
    drawn = []
    for row, event in enumerate(events):
        assert event.start is not None and event.stop is not None
        x = MARGIN + (event.start - low) * scale
        x_end = MARGIN + (event.stop - low) * scale
        bar = x_end - x >= 4
        room_left, room_right = x - MARGIN - 10, WIDTH - MARGIN - x_end - 10
        left = room_left > room_right
        drawn.append(
            replace(
                event,
                label=_fit(event.label, max(room_left, room_right)),
                x=round(x, 1),
                x_end=round(x_end, 1) if bar else None,
                y=FIRST_ROW + row * ROW,
                label_x=round(x - 10 if left else x_end + 10, 1),
                anchor="end" if left else "start",
            )
        )
    height = FIRST_ROW + max(len(drawn), 1) * ROW
    return TimelineChart(title, drawn, _ticks(low, high, scale), WIDTH, height)


def _fit(label: str, room: float) -> str:
    """The label cut to the room beside its mark (about 7 units a character)."""
    chars = max(16, min(LABEL_CHARS, int(room / CHAR_WIDTH)))
    return label if len(label) <= chars else label[: chars - 1].rstrip() + "…"


def _period(events: list[TimelineEvent]) -> str:
    first, last = events[0].date, max(events, key=lambda e: e.stop or 0.0).date
    return first if first == last else f"{first} to {last}"


def timeline(items: Any, number: dict[str, int]) -> Timeline | None:
    """The charts and list of the timeline items; None when the digest has no timeline."""
    if not isinstance(items, list):
        return None
    usable = [i for i in items if isinstance(i, dict) and isinstance(i.get("text"), str)]
    events = [_event(item, number, row) for row, item in enumerate(usable)]
    if not events:
        return None
    events.sort(key=lambda e: (e.start is None, e.start or 0.0, e.stop or 0.0))
    dated = [e for e in events if e.start is not None]
    if not dated:
        return Timeline([], events)
    middle = statistics.median(e.start for e in dated if e.start is not None)
    near = [e for e in dated if e.start is not None and abs(e.start - middle) <= STORY_DAYS]
    chosen = {id(e) for e in near}
    far = [e for e in dated if id(e) not in chosen]
    if not far or not near:
        return Timeline([_chart(_period(dated), dated)], events)
    charts = [
        _chart(f"The story: {_period(near)}", near),
        _chart(f"Earlier and later: {_period(far)}", far),
    ]
    return Timeline(charts, events)
