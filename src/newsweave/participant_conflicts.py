"""Who did it, and where: outlets that credit one act to different people or place it in
different capitals.

The alignment finds the alike clauses of two outlets that name different doers
(`newsweave.doers`) or different capitals (`newsweave.event_places`) and keeps them apart.
Those alike at `newsweave.doers.STRONG` or more tell one act, and so do two clauses that
credit different people with the same words and the same other names
(`newsweave.doers.one_act`: where four outlets say "... ordered the evacuation of the Quay
district", two naming the mayor and the minister, those two clauses are alike at only
0.54, because every outlet uses those words). Each set of them linked to each other is
one conflict, judged "tension": both
accounts may hold a part of the truth (the mayor and the minister both gave orders; the
talks moved from one city to another), but the outlets tell it differently and a reader
should know.

- kind "participant": the subject says what was done ("who ordered the evacuation of the
  Quay district"); each claim's value is the person's name, its text the name as the
  outlet writes it;
- kind "place": the subject is the clause without its place ("where: The foreign
  ministers met on Thursday"); each claim's value is the capital's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsweave.align import Alignment
from newsweave.clauses import Clause, without_attribution
from newsweave.doers import STRONG, Mention, one_act, subject_opening
from newsweave.event_places import LOCATIVE
from newsweave.grouping import linked_groups
from newsweave.model import Claim, Conflict, content_id


def participant_conflicts(alignment: Alignment) -> list[Conflict]:
    """One conflict per set of alike clauses that name different doers or capitals."""
    return [
        *_conflicts(alignment, alignment.different_doers, alignment.doers, "participant"),
        *_conflicts(alignment, alignment.different_places, alignment.places, "place"),
    ]


def _conflicts(
    alignment: Alignment,
    apart: Sequence[tuple[int, int]],
    named: dict[int, Mention],
    kind: str,
) -> list[Conflict]:
    clauses = alignment.clauses
    pairs = [
        (i, j)
        for i, j in apart
        if float(alignment.scores[i, j]) >= STRONG
        or (kind == "participant" and one_act(clauses[i], named[i], clauses[j], named[j]))
    ]
    if not pairs:
        return []
    conflicts = []
    for members in linked_groups(len(alignment.clauses), pairs):
        if len(members) < 2:
            continue
        mentions = [(alignment.clauses[i], named[i]) for i in members]
        claims = [_claim(clause, mention) for clause, mention in mentions]
        conflicts.append(
            Conflict(
                id=content_id(kind, *(f"{c.sentence_id}:{c.start}" for c in claims)),
                subject=_who(mentions) if kind == "participant" else _where(mentions),
                kind=kind,
                judgment="tension",
                claims=claims,
            )
        )
    return conflicts


def _who(doers: list[tuple[Clause, Mention]]) -> str:
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


def _where(places: list[tuple[Clause, Mention]]) -> str:
    """The first clause without its place: "where: The foreign ministers met on Thursday"."""
    clause, place = places[0]
    before = clause.text[: place.start - clause.start]
    locative = LOCATIVE.search(before)
    head = before[: locative.start()] if locative else before
    rest = clause.text[place.end - clause.start :]
    text = re.sub(r"\s+", " ", f"{head.rstrip()} {rest.lstrip()}").strip(" ,;.")
    return f"where: {text}"


def _claim(clause: Clause, mention: Mention) -> Claim:
    return Claim(
        value=mention.entity.name,
        text=clause.text[mention.start - clause.start : mention.end - clause.start],
        sentence_id=clause.sentence_id,
        article_id=clause.article_id,
        start=mention.start,
        end=mention.end,
        span=clause.span(),
    )
