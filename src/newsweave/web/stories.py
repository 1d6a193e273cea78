"""Stories from the store (`newsweave.stream`), for the API and the pages.

Without `--db`, or when the file is not a store, the story routes answer 503 with the
reason; an unknown story id answers 404.
"""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException

from newsweave.errors import ConfigError, InputError
from newsweave.model import Digest
from newsweave.pipeline import DigestOptions
from newsweave.stream import digest_story
from newsweave.stream.store import Store, StoryInfo

MAX_STORIES_PAGE = 1000  # stories one /api/stories answer may hold
STORIES_PAGE = 200  # stories the stories page lists, newest first
NO_DB = "no story store: start the server with --db FILE to list and digest stories"


def _store_path(db: Path | None) -> Path:
    if db is None:
        raise HTTPException(503, NO_DB)
    if not db.exists():
        raise HTTPException(503, f"the story store {db.name} does not exist yet")
    return db


def list_stories(db: Path | None, limit: int, offset: int = 0) -> tuple[list[StoryInfo], int]:
    """`limit` stories of the store from `offset`, newest first, and how many there are."""
    path = _store_path(db)
    try:
        with Store(path) as store, store.snapshot():
            return store.stories(limit, offset), store.story_count()
    except ConfigError as error:  # not a store, or one that cannot be opened
        raise HTTPException(503, str(error)) from error


def _known(path: Path, story_id: str) -> bool:
    with Store(path) as store:
        try:
            store.resolve(story_id)
        except KeyError:
            return False
    return True


def story_digest(db: Path | None, story_id: str, options: DigestOptions) -> Digest:
    """The digest of one story; 404 when the store has no story with this id."""
    path = _store_path(db)
    missing = HTTPException(404, f"no story {story_id!r} in the store")
    try:
        return digest_story(path, story_id, options)
    except KeyError as error:
        raise missing from error
    except InputError as error:  # an unknown id, or a story whose articles all fail
        if not _known(path, story_id):
            raise missing from error
        raise
    except ConfigError as error:
        raise HTTPException(503, str(error)) from error
