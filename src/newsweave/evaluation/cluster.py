"""One evaluation cluster: the documents of one topic and its human reference summaries."""

from __future__ import annotations

from dataclasses import dataclass

from newsweave.model import Document


@dataclass(frozen=True)
class Cluster:
    """A topic to summarise.

    `documents` are in the order the data set gives them, each with `published` (ISO date)
    when the data set states it; `references` are the human summaries as plain text, one
    sentence or line per line where the data set says so.
    """

    id: str
    language: str  # ISO 639-1 code ("en", "fr", ...)
    documents: tuple[Document, ...]
    references: tuple[str, ...]
