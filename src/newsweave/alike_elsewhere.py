"""Clauses of other outlets that may state what one outlet alone is found to state.

A clause belongs to one fact only, so a fact of one outlet ("Only in ...") may still be
told by another outlet in a clause that the alignment put in another fact: Arclight's "A
dam upstream of the Orvenian town of Velmora gave way early on Monday" and kestrel24's "The
Halmir Dam, about 11km upstream of the town, gave way" (0.55), the latter already in the
fact of the dam's distance upstream. Lending such a clause to a second fact made wrong
facts (7 of 13 on the ten English MultiLing topics); showing it beside the single fact, for
the reader to compare, claims nothing, and keeps "Only in" from claiming too much.

A clause of another article is shown when it is alike at `ALIKE_ELSEWHERE` or more without
the bonus of a shared amount (a story-wide figure tells who a clause is about, not what it
says), and the alignment did not keep the two apart (a denial, a negation, another figure,
doer, place or number): those are conflicts, shown as such. At most one per other article,
the most alike; never a clause that only leads into its sentence's main clause ("As Macron
and Putin meet in Moscow", `Clause.leads`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from newsweave.citations import best_match_by_article
from newsweave.clauses import Clause
from newsweave.embed import Matrix

ALIKE_ELSEWHERE = 0.5


def alike_elsewhere(
    clauses: Sequence[Clause],
    groups: Sequence[Sequence[int]],
    scores: Matrix,
    apart: Collection[tuple[int, int]],
    threshold: float = ALIKE_ELSEWHERE,
) -> dict[int, list[int]]:
    """For each clause that is a fact of its own (a group of one), the clauses of other
    articles alike to it by `scores` (the alignment's, without the bonus of shared
    amounts) and not in `apart`, in clause order: see the module docstring."""
    allowed = np.array(scores, dtype=np.float32)
    for i, j in apart:
        allowed[i, j] = allowed[j, i] = -np.inf
    # a clause that only leads into its sentence's main clause ("As Macron and Putin meet in
    # Moscow") is no wording to compare a fact with
    leading = [k for k, clause in enumerate(clauses) if clause.leads]
    allowed[:, leading] = -np.inf
    best = best_match_by_article(clauses, allowed)
    found: dict[int, list[int]] = {}
    for group in groups:
        if len(group) != 1:
            continue
        (i,) = group
        alike = sorted(
            int(matches[i])
            for article, matches in best.items()
            if article != clauses[i].article_id and float(allowed[i, matches[i]]) >= threshold
        )
        if alike:
            found[i] = alike
    return found
