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

NO_DB = "no story store: start the server with --db FILE to list and digest stories"


def _store_path(db: Path | None) -> Path:
    if db is None:
        raise HTTPException(503, NO_DB)
    if not db.exists():
        raise HTTPException(503, f"the story store {db.name} does not exist yet")
    return db


def list_stories(db: Path | None) -> list[StoryInfo]:
    """Every story in the store, as the store lists them."""
    path = _store_path(db)
    try:
        with Store(path) as store:
            return store.stories()
    except ConfigError as error:  # not a store, or one that cannot be opened
        raise HTTPException(503, str(error)) from error


def story_digest(db: Path | None, story_id: str, options: DigestOptions) -> Digest:
    """The digest of one story; 404 when the store has no story with this id."""
    path = _store_path(db)
    missing = HTTPException(404, f"no story {story_id!r} in the store")
    try:
        return digest_story(path, story_id, options)
    except KeyError as error:
        raise missing from error
    except InputError as error:  # an unknown id, or a story whose articles all fail
        if story_id not in {s.id for s in list_stories(db)}:
            raise missing from error
        raise
    except ConfigError as error:
        raise HTTPException(503, str(error)) from error
