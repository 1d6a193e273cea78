"""Turning one `Atom` into a `TimeExpression`: its value against the publication date, the
clause's tense and the dates mentioned before it in the text."""

from __future__ import annotations

import datetime as dt

from newsweave.timeline import calendar_math as cal
from newsweave.timeline.atoms import Atom
from newsweave.timeline.grammar import Grammar
from newsweave.timeline.model import Anchor, TimeExpression
from newsweave.timeline.offsets import OffsetReaders
from newsweave.timeline.reading import Context, Reading, digits, distance, future, iso, lower


class Resolver(OffsetReaders):
    """Reads atoms with one grammar's word tables."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar

    def resolve(self, text: str, atom: Atom, context: Context) -> TimeExpression | None:
        reading = self._read(atom, context)
        if reading is None:
            return None
        groups = atom.groups
        modifier = groups.get("prep") or groups.get("mod") or atom.prefix
        time, part = None, reading.part or atom.part or lower(groups.get("part"))
        approximate = reading.approximate or lower(modifier) in self.grammar.approximate_words
        if atom.kind == "clock":
            time = self._time(groups)
        if atom.clock is not None:
            clock = atom.clock
            time = self._time(clock.groups)
            part = part or lower(clock.groups.get("part"))
            hedge = lower(clock.groups.get("mod"))
            approximate = approximate or hedge in self.grammar.approximate_words
        if part:
            part = self.grammar.parts_of_day.get(part, part)
        return TimeExpression(
            text=text[atom.start : atom.end],
            start=atom.start,
            end=atom.end,
            kind=atom.kind,
            granularity=reading.granularity,
            anchor=reading.anchor,
            value=reading.value,
            time=time,
            part_of_day=part or None,
            modifier=lower(modifier) if lower(modifier) != "of" else None,
            approximate=approximate,
            is_future=reading.is_future,
            duration=reading.duration,
            basis=reading.basis,
        )

    def _read(self, atom: Atom, context: Context) -> Reading | None:
        reader = getattr(self, f"_{atom.kind}", None)
        if reader is None:
            return None
        try:
            result: Reading | None = reader(atom.groups, context)
        except ValueError:  # 31 February and the like: not a date
            return None
        return result

    # Absolute dates --------------------------------------------------------------------

    def _iso(self, g: dict[str, str], c: Context) -> Reading:
        when = dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
        return Reading("day", "absolute", cal.day(when), is_future=future(c))

    def _month_day(self, g: dict[str, str], c: Context) -> Reading | None:
        month = self.grammar.months[g["mon"].lower().rstrip(".")]
        last_month = self.grammar.months[g["mon2"].lower().rstrip(".")] if "mon2" in g else month
        first_day = digits(g["d1"])
        anchor: Anchor = "publication"
        basis = None
        if "y" in g:
            year, anchor = int(g["y"]), "absolute"
        elif stated := self._stated(g, month, first_day, c):
            (year, basis), anchor = stated, "context"
        elif c.reference is not None:
            year = self._year_of(month, first_day, g.get("wd"), c)
        else:
            dt.date(2000, month, first_day)  # still reject impossible days
            return Reading("day", "publication", None)
        first = dt.date(year, month, first_day)
        last = first
        if "d2" in g:
            last = dt.date(year + (last_month < month), last_month, digits(g["d2"]))
        return Reading("day", anchor, cal.span(first, last), is_future=future(c), basis=basis)

    _day_month = _month_day

    @staticmethod
    def _stated(g: dict[str, str], month: int, day: int, c: Context) -> tuple[int, str] | None:
        """The year the text writes for this day elsewhere, for a single day without a
        weekday (which picks its own year) in a clause that is not about the future ("the
        July 7 bombings"; not "on July 7 survivors will meet")."""
        if "d2" in g or "wd" in g or c.tense > 0:
            return None
        return c.stated_years.get((month, day))

    def stated_year(self, atom: Atom) -> tuple[tuple[int, int], int] | None:
        """((month, day), year) of a single day written with its year ("July 7, 2005")."""
        g = atom.groups
        if atom.kind not in ("month_day", "day_month") or "y" not in g or "d2" in g:
            return None
        month = self.grammar.months[g["mon"].lower().rstrip(".")]
        return (month, digits(g["d1"])), int(g["y"])

    def _year_of(self, month: int, day: int, weekday: str | None, c: Context) -> int:
        assert c.reference is not None
        year = cal.month_year(c.reference, month, c.tense)
        if weekday is None:
            return year
        wanted = self.grammar.weekdays[weekday.lower()]
        for candidate in (year, year - 1, year + 1):
            if dt.date(candidate, month, day).weekday() == wanted:
                return candidate
        return year

    def _month_year(self, g: dict[str, str], c: Context) -> Reading:
        month = self.grammar.months[g["mon"].lower().rstrip(".")]
        return Reading("month", "absolute", cal.month(int(g["y"]), month))

    def _month(self, g: dict[str, str], c: Context) -> Reading:
        month = self.grammar.months[g["mon"].lower().rstrip(".")]
        if c.reference is None:
            return Reading("month", "publication", None)
        rel = lower(g.get("rel"))
        if rel == "this":
            year = c.reference.year
        elif rel:
            step = self.grammar.directions[rel]
            year = cal.month_year(c.reference, month, step)
            if month == c.reference.month:
                year += step
        else:
            year = cal.month_year(c.reference, month, self._direction(g, c))
        return Reading("month", "publication", cal.month(year, month), is_future=future(c))

    def _year(self, g: dict[str, str], c: Context) -> Reading:
        first, last = int(g["y"]), int(g.get("y2", g["y"]))
        if last < first:
            raise ValueError("backwards range")
        return Reading("year", "absolute", cal.span(dt.date(first, 1, 1), dt.date(last, 12, 31)))

    def _decade(self, g: dict[str, str], c: Context) -> Reading:
        return Reading("decade", "absolute", cal.decade(int(g["dec"])))

    def _season(self, g: dict[str, str], c: Context) -> Reading:
        name = g["season"].lower()
        if "y" in g:
            return Reading("season", "absolute", cal.season(name, int(g["y"])))
        if c.reference is None:
            return Reading("season", "publication", None)
        ref = c.reference
        rel = lower(g.get("rel"))
        step = self.grammar.directions.get(rel, 0) if rel not in {"", "the", "early", "late"} else 0
        seasons = [cal.season(name, y) for y in range(ref.year - 2, ref.year + 2)]
        spans = [(iso(v.date), iso(v.end or v.date)) for v in seasons]
        if step < 0:  # "last summer": the latest one over
            chosen = max(i for i, (_, last) in enumerate(spans) if last < ref)
        elif step > 0:  # "next summer": the first one to come
            chosen = min(i for i, (first, _) in enumerate(spans) if first > ref)
        elif rel != "this" and c.tense < 0:
            chosen = max(i for i, (first, _) in enumerate(spans) if first <= ref)
        elif rel != "this" and c.tense > 0:
            chosen = min(i for i, (_, last) in enumerate(spans) if last >= ref)
        else:  # the nearest one, or the one under way
            chosen = min(range(len(spans)), key=lambda i: distance(spans[i], ref))
        year = ref.year - 2 + chosen
        return Reading("season", "publication", cal.season(name, year), is_future=future(c))

    # Days named relative to the publication date --------------------------------------

    def _relative_day(self, g: dict[str, str], c: Context) -> Reading:
        rel = " ".join(g["rel"].lower().split())
        part = self.grammar.parts_of_day.get(rel)
        if c.reference is None:
            return Reading("day", "publication", None, part=part)
        when = c.reference + dt.timedelta(days=self.grammar.relative_days[rel])
        return Reading("day", "publication", cal.day(when), part=part)

    def _day_years_ago(self, g: dict[str, str], c: Context) -> Reading | None:
        written = g.get("num") or g.get("num2")
        counted = self.grammar.number(written) if written else (1, False)
        if counted is None or counted[1]:
            return None  # "a few years ago today" names no day
        if c.reference is None:
            return Reading("day", "publication", None)
        return Reading("day", "publication", cal.day(cal.shift(c.reference, "year", -counted[0])))

    def _weekday(self, g: dict[str, str], c: Context) -> Reading:
        if c.reference is None:
            return Reading("day", "publication", None)
        weekday = self.grammar.weekdays[g["wd"].lower()]
        rel = lower(g.get("rel"))
        if rel and rel != "this":
            step = self.grammar.directions[rel]
            when = cal.weekday_date(c.reference, weekday, step)
            if when == c.reference:
                when += dt.timedelta(days=7 * step)
            return Reading("day", "publication", cal.day(when), is_future=step > 0)
        direction = self._direction(g, c)
        if rel == "this" and direction == 0:
            direction = 1
        when = cal.weekday_date(c.reference, weekday, direction)
        return Reading("day", "publication", cal.day(when), is_future=future(c))

    def _night_between(self, g: dict[str, str], c: Context) -> Reading:
        if c.reference is None:
            return Reading("day", "publication", None, part="night")
        first = cal.weekday_date(c.reference, self.grammar.weekdays[g["wd"].lower()], c.tense)
        second = self.grammar.weekdays[g["wd2"].lower()]
        last = first + dt.timedelta(days=(second - first.weekday()) % 7 or 7)
        return Reading("day", "publication", cal.span(first, last), part="night")

    def _part_of_day(self, g: dict[str, str], c: Context) -> Reading | None:
        return self._on_context_day(c, "that" in g)

    def _clock(self, g: dict[str, str], c: Context) -> Reading | None:
        return self._on_context_day(c, False)

    def _on_context_day(self, c: Context, needs_context: bool) -> Reading | None:
        if c.day is not None and c.day.value is not None:
            return Reading("day", "context", cal.day(iso(c.day.value.date)), basis=c.day.text)
        if needs_context or c.reference is None:
            return Reading("day", "context", None)
        return Reading("day", "publication", cal.day(c.reference))

    def _direction(self, g: dict[str, str], c: Context) -> int:
        """The clause's tense, unless the preposition settles it: "since Thursday" is past,
        "until Friday" and "by Monday" are to come when the verbs say nothing."""
        settled = self.grammar.preposition_directions.get(lower(g.get("prep")), 0)
        if settled < 0 or (settled > 0 and c.tense == 0):
            return settled
        return c.tense

    def _time(self, g: dict[str, str]) -> str | None:
        if "word" in g:
            return "00:00" if g["word"].lower() == "midnight" else "12:00"
        if "h24" in g:
            return f"{int(g['h24']):02d}:{g['m24']}"
        if "h" not in g:
            return None
        hour = int(g["h"]) % 12 + (12 if g["ampm"].lower().startswith("p") else 0)
        return f"{hour:02d}:{g.get('min', '00')}"
