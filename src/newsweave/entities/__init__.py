"""People, organisations and places of a story, merged across outlets and spellings.

`find_entities` types the names of each article (`newsweave.entities.mentions`), with the
spaCy recogniser of `newsweave.entities.ner` when the `ner` extra is installed and rules
alone when it is not, then merges them across articles (`newsweave.entities.merge`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsweave.entities.mentions import find_mentions
from newsweave.entities.merge import merge_entities
from newsweave.entities.ner import recogniser_for
from newsweave.model import Article, Entity, Quote

__all__ = ["find_entities", "speakers_named_as_entities"]


def find_entities(articles: Sequence[Article], *, ner: str = "auto") -> list[Entity]:
    """The entities of `articles`. `ner`: "auto" (spaCy when installed), "spacy" (required,
    error when missing) or "rules" (never spaCy)."""
    found = []
    for article in articles:
        labeler = recogniser_for(article.language, ner)
        found.append(find_mentions(article, labeler))
    return merge_entities(articles, found)


def speakers_named_as_entities(quotes: Sequence[Quote], entities: Sequence[Entity]) -> list[Quote]:
    """The quotes with each speaker spelled as its entity ("Arvel Hydro" becomes "Arvel
    Hydroelectric Company" when that is the entity's name), so one speaker is one name in
    the whole digest."""
    named = {alias: e.name for e in entities if e.type != "place" for alias in e.aliases}
    return [replace(q, speaker=named[q.speaker]) if q.speaker in named else q for q in quotes]
