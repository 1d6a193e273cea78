"""One event dated at two granularities by two outlets: one timeline entry, at the finer.

The seeds date the 2019 Brégançon meeting "in August 2019" in one outlet and "Two years
later" (2019) in another, in clauses the alignment found alike. Grouped by their dates
alone they were two entries, "2019" and "August 2019". An event dated only to a month, a
season or a year (`COARSE`) joins the event of a finer date within it when each of its
clauses is alike in itself to one of the finer event's in another article
(`Alignment.alike_besides_amounts`: not merely in one fact group, nor alike only by a
shared figure; "the 2007 Tour de France" of four different statements is no one event of
"yesterday's stage"). The entry takes the finer date and the finer event's text, and
lists both wordings. An event joins none when it could join two events ("earlier this
year" of a quake in February and of its aftershock in July), nor when one clause dates
both ("over the past 10 days that culminated on Friday" tells two times).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from newsweave.align import Alignment

if TYPE_CHECKING:
    from newsweave.timeline.events import DatedClause

COARSE = frozenset({"month", "season", "year"})


def merge_nested(
    events: Sequence[list[DatedClause]], alignment: Alignment
) -> list[list[DatedClause]]:
    """The events (each the dated clauses of one date), those of a coarse date that are
    one event with a finer one merged into it, after its own clauses. Coarse events are
    taken finest first, so that a year joins what its month has joined ("in 2019", "in
    August 2019", "on August 15, 2019": one entry), and one joins only when all its
    candidates have come to one event."""
    joins: dict[int, int] = {}  # a coarse event -> the finer event it joins

    def landing(k: int) -> int:
        while k in joins:
            k = joins[k]
        return k

    for k in sorted(range(len(events)), key=lambda k: _days(events[k])):
        coarse = events[k]
        if coarse[0].expression.granularity not in COARSE:
            continue
        candidates = {
            landing(j)
            for j, event in enumerate(events)
            if j != k and _within(event, coarse) and _alike(event, coarse, alignment)
        }
        if len(candidates) == 1:
            joins[k] = candidates.pop()
    merged = {j: list(event) for j, event in enumerate(events) if j not in joins}
    for k in sorted(joins, key=lambda k: _days(events[k])):
        merged[landing(k)].extend(events[k])
    return list(merged.values())


def _days(event: list[DatedClause]) -> int:
    """How many days the event's dates span."""
    start, end = event[0].value
    return (date.fromisoformat(end) - date.fromisoformat(start)).days


def _within(finer: list[DatedClause], coarse: list[DatedClause]) -> bool:
    (a_start, a_end), (b_start, b_end) = finer[0].value, coarse[0].value
    return b_start <= a_start and a_end <= b_end and (a_start, a_end) != (b_start, b_end)


def _alike(finer: list[DatedClause], coarse: list[DatedClause], alignment: Alignment) -> bool:
    """Whether every clause of the coarse event is alike in itself to a clause of the finer
    one in another article, and no clause dates both."""
    if any(a.span == b.span for a in finer for b in coarse):
        return False
    return all(
        any(
            a.clause is not None
            and b.clause is not None
            and a.article.id != b.article.id
            and alignment.alike_besides_amounts(a.clause, b.clause)
            for a in finer
        )
        for b in coarse
    )
