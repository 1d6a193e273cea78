"""Stories from the store (`newsweave.stream`), for the API and the pages.

The store is optional: without `--db`, or when `newsweave.stream` is not installed, the
story routes answer 503 with the reason; an unknown story id answers 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException

from newsweave.errors import ConfigError, InputError
from newsweave.model import Digest
from newsweave.pipeline import DigestOptions

NO_DB = "no story store: start the server with --db FILE to list and digest stories"
NO_STREAM = "stories are not available in this installation (newsweave.stream is missing)"


@dataclass(frozen=True)
class StoryArticleView:
    id: str
    source: str
    origin: str
    title: str | None
    published: str | None
    duplicate_of: str | None


@dataclass(frozen=True)
class StoryView:
    id: str
    title: str
    size: int
    first_date: str | None
    last_date: str | None
    top_entities: list[str]
    articles: list[StoryArticleView]


def _stream(db: Path | None) -> tuple[Any, Path]:
    if db is None:
        raise HTTPException(503, NO_DB)
    try:
        import newsweave.stream as stream
        import newsweave.stream.store  # noqa: F401  (the Store class lives here)
    except ImportError as error:
        raise HTTPException(503, NO_STREAM) from error
    if not db.exists():
        raise HTTPException(503, f"the story store {db.name} does not exist yet")
    return stream, db


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _stored(db: Path | None) -> list[Any]:
    stream, path = _stream(db)
    try:
        with stream.store.Store(path) as store:
            found: list[Any] = store.stories()
    except ConfigError as error:  # not a store, or one that cannot be opened
        raise HTTPException(503, str(error)) from error
    return found


def list_stories(db: Path | None) -> list[StoryView]:
    """Every story in the store, as the store lists them."""
    return [
        StoryView(
            id=str(s.id),
            title=str(s.title),
            size=int(s.size),
            first_date=_text(s.first_date),
            last_date=_text(s.last_date),
            top_entities=[str(e) for e in s.top_entities],
            articles=[
                StoryArticleView(
                    id=str(a.id),
                    source=str(a.source),
                    origin=str(a.origin),
                    title=_text(a.title),
                    published=_text(a.published),
                    duplicate_of=_text(a.duplicate_of),
                )
                for a in s.articles
            ],
        )
        for s in _stored(db)
    ]


def story_digest(db: Path | None, story_id: str, options: DigestOptions) -> Digest:
    """The digest of one story; 404 when the store has no story with this id."""
    stream, path = _stream(db)
    missing = HTTPException(404, f"no story {story_id!r} in the store")
    try:
        digest: Digest = stream.digest_story(path, story_id, options)
    except KeyError as error:
        raise missing from error
    except InputError as error:  # an unknown id, or a story whose articles all fail
        if story_id not in {str(s.id) for s in _stored(db)}:
            raise missing from error
        raise
    except ConfigError as error:
        raise HTTPException(503, str(error)) from error
    return digest
