"""How a summary sentence says it is disputed, in every rendering alike: the conflict's
judgment and subject, then what the other outlets say instead ("contradiction, “death
toll”: [5] “Fourteen”; see Where they differ")."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from newsweave.conflicts import disagree
from newsweave.model import Conflict, Digest, SummarySentence

MAX_OTHERS = 3  # other outlets' wordings named; the rest are counted


@dataclass(frozen=True)
class Dispute:
    conflict: Conflict
    others: list[tuple[int, str]]  # (outlet number, wording) of the other values, in order
    more: int  # other values not named


def summary_disputes(
    digest: Digest, item: SummarySentence, number: dict[str, int]
) -> list[Dispute]:
    """The disputes of a summary sentence (`Digest.disputes_of`), with the other outlets'
    wordings in outlet order, at most `MAX_OTHERS` of them. Of an amount, only the values
    that cannot hold with the sentence's own are named: "some 100,000 troops" is not
    disputed by "more than 100,000" or "tens of thousands", though those two are in
    tension with each other."""
    disputes = []
    for conflict, others in digest.disputes_of(item):
        own = [c for c in conflict.claims if c.sentence_id == item.sentence_id]
        claims = [c for c in others if any(disagree(mine, c) for mine in own)]
        if not claims:
            continue
        ordered = sorted(claims, key=lambda c: (number[c.article_id], c.start))
        named = [(number[c.article_id], c.text) for c in ordered[:MAX_OTHERS]]
        disputes.append(Dispute(conflict, named, max(0, len(ordered) - MAX_OTHERS)))
    return disputes


def dispute_note(disputes: list[Dispute]) -> Markup:
    """The note as HTML, for the report's and the web page's templates alike: '(contradiction,
    <a href="#conflict-ID">“death toll”</a>: [5] “Fourteen”; see Where they differ)'."""
    parts = []
    for dispute in disputes:
        conflict = dispute.conflict
        others = [escape(f"[{n}] “{text}”") for n, text in dispute.others]
        others += [escape(f"{dispute.more} more")] if dispute.more else []
        link = Markup('<a href="#conflict-{}">“{}”</a>').format(conflict.id, conflict.subject)
        parts.append(
            Markup("{}, {}: {}").format(conflict.judgment, link, Markup(", ").join(others))
        )
    return Markup('<span class="disputed">({}; see Where they differ)</span>').format(
        Markup("; ").join(parts)
    )
