"""Conflicts that are not amounts: one outlet denies what another asserts. (Outlets that
give different days for one event are found by the timeline: `newsweave.timeline.events`.)

- Denials come from the alignment (`Alignment.denials`): alike clauses of two articles of
  which exactly one denies or negates ("Company officials denied reports that one of the
  spillway gates had been stuck shut" against "one of the dam's two spillway gates had been
  jammed shut since January"). Judged "contradiction"; the claims' values are "asserted" and
  "denied". The subject is what is asserted, without who says so ("One of the dam's two
  spillway gates had been jammed shut since January", not "Two engineers at the plant
  told this newspaper that ..."): the denial disputes the claim, not its source.
"""

from __future__ import annotations

from newsweave.align import Alignment
from newsweave.clauses import Clause, without_attribution
from newsweave.model import Claim, Conflict, content_id


def denial_conflicts(alignment: Alignment) -> list[Conflict]:
    """One contradiction per asserted clause, with every clause that denies it."""
    by_assertion: dict[int, list[int]] = {}
    for asserting, denying in alignment.denials:
        by_assertion.setdefault(asserting, []).append(denying)
    conflicts = []
    for asserting, deniers in sorted(by_assertion.items()):
        first = alignment.clauses[asserting]
        claims = [_whole_clause(first, "asserted")]
        claims += [_whole_clause(alignment.clauses[j], "denied") for j in deniers]
        conflicts.append(
            Conflict(
                id=content_id("claim", *(f"{c.sentence_id}:{c.start}" for c in claims)),
                subject=_capitalised(without_attribution(first.text)),
                kind="claim",
                judgment="contradiction",
                claims=claims,
            )
        )
    return conflicts


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _whole_clause(clause: Clause, value: str) -> Claim:
    return Claim(
        value=value,
        text=clause.text,
        sentence_id=clause.sentence_id,
        article_id=clause.article_id,
        start=clause.start,
        end=clause.end,
        span=clause.span(),
    )
