"""The "Who's involved" section, shared by the Markdown and HTML reports: the entities that
matter enough to list (named by two outlets or more, or mentioned at least twice), with
their aliases, roles and mentions per outlet."""

from __future__ import annotations

from newsweave.model import Digest, Entity

TYPE_LABELS = {"person": "People", "organisation": "Organisations", "place": "Places"}
MAX_PER_TYPE = 15


def involved(digest: Digest) -> list[tuple[str, list[Entity]]]:
    """(heading, entities) per type, people first, each list most mentioned first."""
    sections: list[tuple[str, list[Entity]]] = []
    for kind, label in TYPE_LABELS.items():
        chosen = [
            e
            for e in digest.entities
            if e.type == kind and (len(e.mentions) > 1 or sum(e.mentions.values()) > 1)
        ]
        if chosen:
            sections.append((label, chosen[:MAX_PER_TYPE]))
    return sections


def mention_counts(digest: Digest, entity: Entity, number: dict[str, int]) -> str:
    """ "[1] 3 · [2] 1": mentions per article, in article order."""
    return " · ".join(
        f"[{number[a.id]}] {entity.mentions[a.id]}"
        for a in digest.articles
        if a.id in entity.mentions
    )
