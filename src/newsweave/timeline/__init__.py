"""Time in news text: temporal expressions resolved against a publication date
(`find_time_expressions`), and publication dates inferred for the articles of a story that
do not state one (`infer_publication_dates`). English; other languages plug in a `Grammar`.
See docs/timeline.md."""

from __future__ import annotations

from newsweave.timeline.extract import GRAMMARS, find_time_expressions
from newsweave.timeline.grammar import Grammar
from newsweave.timeline.model import (
    Anchor,
    Granularity,
    PublicationDate,
    TimeExpression,
    TimeValue,
)
from newsweave.timeline.publication import infer_publication_dates

__all__ = [
    "GRAMMARS",
    "Anchor",
    "Grammar",
    "Granularity",
    "PublicationDate",
    "TimeExpression",
    "TimeValue",
    "find_time_expressions",
    "infer_publication_dates",
]
