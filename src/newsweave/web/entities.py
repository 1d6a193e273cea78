"""The entities table of the digest page, read from the digest's JSON `entities` list.

Each entity is `{id, name, type, aliases, roles, mentions: {article_id: count}}` (and
`spans`, whose sentences the page highlights when the name is clicked); anything
missing or of the wrong type is left out rather than failing the page, since the list is
produced by another part of newsweave that may grow new fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class EntityRow:
    """One entity: its mentions per outlet, in the digest's article order."""

    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    mentions: list[int]
    sentence_ids: list[str]  # the sentences that mention it, first mention first

    @property
    def total(self) -> int:
        return sum(self.mentions)

    @property
    def outlets(self) -> int:
        return sum(1 for count in self.mentions if count)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        return []
    found = []
    for item in value:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):  # a role given as {"role": ..., ...}
            text = item.get("role") or item.get("text") or item.get("name")
            if isinstance(text, str):
                found.append(text)
    return found


def _count(value: Any) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return max(value, 0)
    if isinstance(value, list):  # mentions given as a list of spans
        return len(value)
    return 0


def _sentence_ids(spans: Any) -> list[str]:
    if not isinstance(spans, list):
        return []
    found = (s.get("sentence_id") for s in spans if isinstance(s, dict))
    return list(dict.fromkeys(str(i) for i in found if isinstance(i, str)))


def entity_rows(entities: Any, article_ids: Sequence[str]) -> list[EntityRow]:
    """The rows of the table, most mentioned first; [] when the digest has no entities."""
    if not isinstance(entities, list):
        return []
    rows = []
    for entity in entities:
        if not isinstance(entity, dict) or not isinstance(entity.get("name"), str):
            continue
        mentions = entity.get("mentions")
        per_article = mentions if isinstance(mentions, dict) else {}
        name = entity["name"]
        rows.append(
            EntityRow(
                id=str(entity.get("id", name)),
                name=name,
                type=str(entity.get("type") or "other"),
                aliases=[a for a in _strings(entity.get("aliases")) if a != name],
                roles=_strings(entity.get("roles")),
                mentions=[_count(per_article.get(a)) for a in article_ids],
                sentence_ids=_sentence_ids(entity.get("spans")),
            )
        )
    rows.sort(key=lambda r: (-r.outlets, -r.total, r.name.casefold()))
    return rows
