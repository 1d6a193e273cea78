"""Alike clauses that write different numbers: never one fact.

"Alexander Vinokourov has won stage 13 of the Tour" and "... has won stage 15 of the
Tour" are as alike as two wordings of one fact; so are an aftershock "of magnitude 6.6"
and one "of 5.8", or a quake "at 11:39 local time" and one "at 04:31". Citations already
refuse such pairs (`newsweave.citations.numbers_compatible`); the alignment keeps them
out of one fact too, unless the two state a compatible amount of one thing ("23 people
were still unaccounted for", "more than 20 people missing").

Days and clock times are read as such, not as digits: written dates are left to the
timeline, which shows two days for one event as a conflict, and two clock times agree
when they can be one time ("4 a.m." and "04:00"; "about 2am" and "2.10am"). Amounts are
read by English rules, so the rule applies between English articles only.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsweave.amount_relations import any_agree
from newsweave.citations import numbers_compatible
from newsweave.clauses import Clause
from newsweave.embed import Matrix
from newsweave.model import Article
from newsweave.quantities import Quantity


def different_numbers(
    articles: Sequence[Article],
    clauses: Sequence[Clause],
    quantities: Sequence[Sequence[Quantity]],
    scores: Matrix,
    shared_amounts: Matrix,
    threshold: float,
) -> list[tuple[int, int]]:
    """The pairs of clauses of two English articles, alike at `threshold` or more, that
    write numbers and share none (nor one besides years, when both write such), or give
    clock times that cannot be one time, unless `shared_amounts` (nonzero where two clauses
    state a compatible amount of one thing) says they agree."""
    english = {a.id for a in articles if a.language in (None, "en")}
    written = [
        _without_days_and_times(clause.text, found)
        for clause, found in zip(clauses, quantities, strict=True)
    ]
    times = [[q for q in found if q.kind == "time"] for found in quantities]
    rows, columns = np.nonzero(np.triu(scores >= threshold, k=1))
    pairs = []
    for i, j in zip(rows.tolist(), columns.tolist(), strict=True):
        first, second = clauses[i], clauses[j]
        if (
            first.article_id == second.article_id
            or first.article_id not in english
            or second.article_id not in english
            or shared_amounts[i, j]
        ):
            continue
        other_times = bool(times[i] and times[j]) and not any_agree(times[i], times[j])
        if other_times or not numbers_compatible(written[i], written[j]):
            pairs.append((i, j))
    return pairs


def _without_days_and_times(text: str, found: Sequence[Quantity]) -> str:
    for quantity in found:
        if quantity.kind in ("date", "time"):
            text = text.replace(quantity.text, " ")
    return text
