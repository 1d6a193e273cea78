"""Who did it: outlets that credit one act to different people.

The alignment finds the alike clauses of two outlets that name different doers and keeps
them apart (`newsweave.doers`, `Alignment.different_doers`). Each set of such clauses
linked to each other is one conflict of kind "participant", judged "tension": both people
may have had a part, but the outlets tell it differently and a reader should know. The
subject says what was done ("who ordered the evacuation of the Quay district"); each claim's
value is the person's name and its text the name as the outlet writes it.

Places are not compared yet: "in Velmóra" and "in western Orvenia" can both be right, and
nothing tells which place holds which for towns no gazetteer knows.
"""

from __future__ import annotations

import re

from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from newsweave.align import Alignment
from newsweave.clauses import Clause, without_attribution
from newsweave.doers import Doer, subject_opening
from newsweave.model import Claim, Conflict, content_id


def participant_conflicts(alignment: Alignment) -> list[Conflict]:
    """One conflict per set of alike clauses that name different doers."""
    pairs = alignment.different_doers
    if not pairs:
        return []
    n = len(alignment.clauses)
    rows, columns = zip(*pairs, strict=True)
    graph = coo_matrix(([1] * len(pairs), (rows, columns)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    sets: dict[int, list[int]] = {}
    for i in sorted({k for pair in pairs for k in pair}):
        sets.setdefault(int(component[i]), []).append(i)
    conflicts = []
    for members in sets.values():
        doing = [(alignment.clauses[i], alignment.doers[i]) for i in members]
        claims = [_claim(clause, doer) for clause, doer in doing]
        conflicts.append(
            Conflict(
                id=content_id("participant", *(f"{c.sentence_id}:{c.start}" for c in claims)),
                subject=_subject(doing),
                kind="participant",
                judgment="tension",
                claims=claims,
            )
        )
    return conflicts


def _subject(doers: list[tuple[Clause, Doer]]) -> str:
    """What was done, without a doer: "who ordered the evacuation of the Quay district"
    from a clause that names the doer first, else "who: <the passive clause without its
    agent>" ("who: The evacuation of the Quay district was ordered")."""
    for clause, doer in doers:
        after = without_attribution(clause.text[doer.end - clause.start :])
        after = re.sub(r"^(?:,\s[^,]{1,60},)?[\s,]*(?:who\s+)?", "", after).rstrip(" .,;")
        before = clause.text[: doer.start - clause.start]
        if subject_opening(before) and len(after.split()) >= 2:
            return f"who {after}"
    clause, doer = doers[0]
    done = clause.text[: doer.start - clause.start].rsplit(" by ", 1)[0]
    return f"who: {done.strip()}"


def _claim(clause: Clause, doer: Doer) -> Claim:
    return Claim(
        value=doer.entity.name,
        text=clause.text[doer.start - clause.start : doer.end - clause.start],
        sentence_id=clause.sentence_id,
        article_id=clause.article_id,
        start=doer.start,
        end=doer.end,
        span=clause.span(),
    )
