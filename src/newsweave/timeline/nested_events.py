"""One event dated at two granularities by two outlets: one timeline entry, at the finer.

The seeds date the 2019 Brégançon meeting "in August 2019" in one outlet and "Two years
later" (2019) in another, in clauses the alignment found alike. Grouped by their dates
alone they were two entries, "2019" and "August 2019". An event dated only to a month, a
season or a year (`COARSE`) joins the event of a finer date within it when each of its
clauses is alike in itself to one of the finer event's in another article
(`Alignment.alike_besides_amounts`: not merely in one fact group, nor alike only by a
shared figure; "the 2007 Tour de France" of four different statements is no one event
of "yesterday's stage"); the entry takes the
finer date and lists both wordings. It joins none when it could join two events of
different dates ("earlier this year" of a quake in February and of its aftershock in
July), nor when one clause dates both ("over the past 10 days that culminated on
Friday" tells two times).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsweave.align import Alignment

if TYPE_CHECKING:
    from newsweave.timeline.events import DatedClause

COARSE = frozenset({"month", "season", "year"})


def merge_nested(
    events: Sequence[list[DatedClause]], alignment: Alignment
) -> list[list[DatedClause]]:
    """The events (each the dated clauses of one date), those of a coarse date that are
    one event with a finer one merged into it, after its own clauses."""
    joins: dict[int, int] = {}  # coarse event -> the finer event it joins
    for k, coarse in enumerate(events):
        if coarse[0].expression.granularity not in COARSE:
            continue
        finer = [
            j
            for j, event in enumerate(events)
            if j != k and _within(event, coarse) and _alike(event, coarse, alignment)
        ]
        if len({events[j][0].value for j in finer}) == 1:
            joins[k] = finer[0]
    merged = {j: list(event) for j, event in enumerate(events) if j not in joins}
    for k, j in joins.items():
        if j in merged:  # not itself joined to a finer one
            merged[j].extend(events[k])
        else:
            merged[k] = list(events[k])
    return list(merged.values())


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
