"""Digesting one story of the store, for the command line and the web app alike."""

from __future__ import annotations

from pathlib import Path

from newsweave.embed import Embedder
from newsweave.errors import ConfigError, InputError
from newsweave.model import Digest
from newsweave.pipeline import DigestOptions, digest_documents
from newsweave.stream.store import Store


def open_existing(db: str | Path) -> Store:
    """The store at `db`; ConfigError when there is none (reading never creates one)."""
    if not Path(db).is_file():
        raise ConfigError(f"no store at {db}: run 'newsweave ingest SOURCE... --db {db}' first")
    return Store(db)


def digest_story(
    db: str | Path,
    story_id: str,
    options: DigestOptions | None = None,
    *,
    embedder: Embedder | None = None,
) -> Digest:
    """The digest of a story's distinct articles (copies are left out; past the sentences
    one digest compares, the oldest are listed as skipped).

    Raises InputError when the store has no such story (or a merged-away id that leads
    nowhere), ConfigError when there is no store at `db`.
    """
    with open_existing(db) as store:
        try:
            documents = store.story_documents(story_id)
        except KeyError:
            raise InputError(f"no story {story_id} in {db} (see: newsweave stories)") from None
    # a story that ran for months may hold more than one digest compares: its newest
    # articles are digested, the older ones listed as skipped
    return digest_documents(documents, options=options, embedder=embedder, newest_first=True)
