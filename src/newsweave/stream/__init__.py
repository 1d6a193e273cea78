"""Stories from a stream: ingest many articles, link duplicates, cluster them into stories
kept in a SQLite store, and digest any story on demand; optionally on Dask.

    ingest(SOURCES, db)          -> IngestReport   (files, directories, feeds, URLs)
    Store(db).stories()          -> [StoryInfo]    (newest activity first)
    digest_story(db, story_id)   -> Digest

Importing this package is cheap: each name loads its module on first use, and datasketch,
feedparser and dask load only when they are needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsweave.stream.clustering import ClusterOptions
    from newsweave.stream.engine import DaskEngine, LocalEngine
    from newsweave.stream.fetch import FetchOptions
    from newsweave.stream.ingest_run import (
        IngestReport,
        StreamOptions,
        ingest,
        ingest_documents,
    )
    from newsweave.stream.sources import SourceOptions
    from newsweave.stream.store import DEFAULT_DB, Store, StoryArticle, StoryInfo
    from newsweave.stream.story_digest import digest_story

_HOMES = {
    "ClusterOptions": "clustering",
    "digest_story": "story_digest",  # a module named like the function would shadow it
    "DaskEngine": "engine",
    "LocalEngine": "engine",
    "FetchOptions": "fetch",
    "IngestReport": "ingest_run",
    "StreamOptions": "ingest_run",
    "ingest": "ingest_run",
    "ingest_documents": "ingest_run",
    "SourceOptions": "sources",
    "DEFAULT_DB": "store",
    "Store": "store",
    "StoryArticle": "store",
    "StoryInfo": "store",
}

__all__ = [
    "DEFAULT_DB",
    "ClusterOptions",
    "DaskEngine",
    "FetchOptions",
    "IngestReport",
    "LocalEngine",
    "SourceOptions",
    "Store",
    "StoryArticle",
    "StoryInfo",
    "StreamOptions",
    "digest_story",
    "ingest",
    "ingest_documents",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
