"""How a summary sentence says it is disputed, in every rendering alike: the conflict's
judgment and subject, then what the other outlets say instead ("contradiction, “death
toll”: [5] “Fourteen”; see Where they differ")."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

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
    wordings in outlet order, at most `MAX_OTHERS` of them."""
    disputes = []
    for conflict, claims in digest.disputes_of(item):
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
