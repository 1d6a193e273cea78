"""Readers of expressions that count whole units from a date: from the publication date
("five years ago", "in two weeks", "last month", "over the past 10 days") or from a date
mentioned earlier in the text ("two years later", "later that month", "the next day")."""

from __future__ import annotations

import datetime as dt

from newsweave.timeline import calendar_math as cal
from newsweave.timeline.grammar import Grammar
from newsweave.timeline.reading import (
    ORDER,
    UNIT_GRANULARITY,
    Context,
    Reading,
    coarser,
    future,
    iso,
    lower,
)


class OffsetReaders:
    """The readers of kinds "ago", "ahead", "offset", "anaphor", "period" and "span"."""

    grammar: Grammar

    def _counted(self, g: dict[str, str]) -> tuple[int, bool, str] | None:
        """The number, whether it is vague ("a few"), and the unit of "two years"."""
        counted = self.grammar.number(g["num"])
        if counted is None:
            return None
        amount, vague = counted
        return amount, vague, self.grammar.units[g["unit"].lower()]

    def _ago(self, g: dict[str, str], c: Context) -> Reading | None:
        counted = self._counted(g)
        if counted is None:
            return None
        amount, vague, unit = counted
        granularity = UNIT_GRANULARITY[unit]
        duration = cal.iso_duration(amount, unit)
        if c.reference is None:
            return Reading(granularity, "publication", None, vague, False, duration)
        when = (
            c.reference - dt.timedelta(hours=amount)
            if unit == "hour"
            else cal.shift(c.reference, unit, -amount)
        )
        return Reading(granularity, "publication", cal.enclosing(when, granularity), vague,
                       False, duration)  # fmt: skip

    def _ahead(self, g: dict[str, str], c: Context) -> Reading | None:
        """ "in two weeks": a date to come when the clause is future, else a length of time
        ("the first visit in 10 years")."""
        counted = self._counted(g)
        if counted is None:
            return None
        amount, vague, unit = counted
        granularity = UNIT_GRANULARITY[unit]
        if unit == "week":
            granularity = "day"
        duration = cal.iso_duration(amount, unit)
        if c.tense <= 0:
            return Reading(granularity, "duration", None, vague, None, duration)
        if c.reference is None or unit == "hour":
            return Reading(granularity, "publication", None, vague, True, duration)
        when = cal.shift(c.reference, unit, amount)
        return Reading(granularity, "publication", cal.enclosing(when, granularity), vague, True,
                       duration)  # fmt: skip

    def _offset(self, g: dict[str, str], c: Context) -> Reading | None:
        counted = self._counted(g)
        if counted is None:
            return None
        amount, vague, unit = counted
        step = self.grammar.directions[g["dir"].lower()]
        duration = cal.iso_duration(amount, unit)
        unit_granularity = UNIT_GRANULARITY[unit]
        base = c.base
        from_event = "tail" in g and g["dir"].lower() in {"after", "before"}
        if from_event or base is None or base.value is None or unit == "hour":
            return Reading(unit_granularity, "context", None, vague, None, duration)
        granularity = coarser(base.granularity, unit_granularity)
        if unit in {"day", "week"} and base.granularity == "day":
            granularity = "day"
        when = cal.shift(iso(base.value.date), unit, step * amount)
        return Reading(granularity, "context", cal.enclosing(when, granularity), vague, None,
                       duration, base.text)  # fmt: skip

    def _anaphor(self, g: dict[str, str], c: Context) -> Reading | None:
        unit = lower(g.get("unit") or g.get("unit2") or g.get("unit3") or "day")
        rel = lower(g.get("dir") or g.get("dir2") or g.get("dir4") or "same")
        base = c.base
        part = unit if unit in {"morning", "afternoon", "evening", "night"} else None
        granularity = UNIT_GRANULARITY[unit]
        if unit == "weekend":
            granularity = "day"
        if base is None or base.value is None or ORDER[base.granularity] > ORDER[granularity]:
            return Reading(granularity, "context", None, part=part)
        when = iso(base.value.date)
        step = 0 if "dir" in g or "unit3" in g else self.grammar.directions[rel]
        shift_unit = "day" if part else unit
        if unit == "weekend":
            value = cal.weekend(when + dt.timedelta(days=7 * step), step or 1)
        else:
            value = cal.enclosing(cal.shift(when, shift_unit, step), granularity)
        approximate = "dir" in g  # "later that month": some time in it
        return Reading(granularity, "context", value, approximate, basis=base.text, part=part)

    def _period(self, g: dict[str, str], c: Context) -> Reading | None:
        unit = g["unit"].lower()
        rel = " ".join(g["rel"].lower().split())
        granularity = UNIT_GRANULARITY[unit]
        if rel == "the" and unit != "weekend":
            return None
        approximate = "mod" in g
        if c.reference is None:
            return Reading(granularity, "publication", None, approximate)
        ref = c.reference
        if rel in {"the past", "the coming"}:
            return self._span({"rel": rel.split()[1], "unit": unit}, c)
        step = self.grammar.directions[rel] if rel != "the" else 0
        if unit == "weekend":
            if step == 0:
                value = cal.weekend(ref, c.tense or 1)
            else:
                value = cal.weekend(ref + dt.timedelta(days=7 * step if ref.weekday() >= 5 else 0),
                                    step)  # fmt: skip
            return Reading("day", "publication", value, approximate, future(c))
        when = cal.shift(ref, unit, step)
        if unit == "decade":
            return Reading("decade", "publication", cal.enclosing(when, "decade"), approximate)
        return Reading(granularity, "publication", cal.enclosing(when, granularity), approximate)

    def _span(self, g: dict[str, str], c: Context) -> Reading | None:
        unit = self.grammar.units[g["unit"].lower()]
        rel = lower(g.get("rel") or g.get("rel2"))
        number = g.get("num") or g.get("num2")
        counted = self.grammar.number(number) if number else None
        if number and counted is None:
            return None
        vague = counted is None and g["unit"].lower().endswith("s")
        amount = counted[0] if counted else (7 if unit == "day" else 3) if vague else 1
        vague = vague or bool(counted and counted[1])
        granularity = "day" if unit == "week" else UNIT_GRANULARITY[unit]
        duration = None if counted is None and vague else cal.iso_duration(amount, unit)
        if c.reference is None:
            return Reading(granularity, "publication", None, vague, None, duration)
        ref = c.reference
        step = self.grammar.directions[rel]
        if unit == "hour":
            far = ref + dt.timedelta(hours=step * amount)
        else:
            far = cal.shift(ref, unit, step * amount)
        if step < 0:
            first, last = cal.enclosing(far, granularity).date, ref.isoformat()
        else:
            first = (ref + dt.timedelta(days=0 if unit == "hour" else 1)).isoformat()
            last = far.isoformat()
        value = cal.span(iso(first), iso(last))
        return Reading(granularity, "publication", value, vague, step > 0, duration)
