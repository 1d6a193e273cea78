"""The "Who said what" part of the reports: quotes by speaker, each statement with the
wordings of every outlet that quotes it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.model import Digest, Quote

UNNAMED = "Unnamed sources"
UNATTRIBUTED = "Not attributed"


@dataclass(frozen=True)
class Statement:
    """One statement of one speaker: its wordings, one per outlet, in article order."""

    variants: list[Quote]


def by_speaker(digest: Digest) -> list[tuple[str, list[Statement]]]:
    """(speaker heading, statements) with the most quoted speakers first; unnamed sources
    and unattributed quotes last."""
    order = {a.id: n for n, a in enumerate(digest.articles)}
    groups: dict[str, list[Quote]] = {}
    for quote in digest.quotes:
        groups.setdefault(quote.group, []).append(quote)
    speakers: dict[str, list[Statement]] = {}
    for variants in groups.values():
        variants.sort(key=lambda q: (order[q.article_id], q.start))
        speakers.setdefault(_heading(variants), []).append(Statement(variants))
    named = sorted(
        (s for s in speakers if s not in (UNNAMED, UNATTRIBUTED)),
        key=lambda s: (-sum(len(x.variants) for x in speakers[s]), s),
    )
    ordered = [*named, *(s for s in (UNNAMED, UNATTRIBUTED) if s in speakers)]
    return [(s, speakers[s]) for s in ordered]


def _heading(variants: Sequence[Quote]) -> str:
    named = [q.speaker for q in variants if q.speaker]
    if named:
        return named[0]
    return UNNAMED if any(q.speaker_description for q in variants) else UNATTRIBUTED
