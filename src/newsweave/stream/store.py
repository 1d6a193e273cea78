"""The story store: one SQLite file with articles, embeddings, stories and runs; an article's
sentences are split when first read and kept.

`Store` opens (creating and migrating) the file and answers the questions front ends ask:
the stories, newest activity first, and the documents of one story. The ingest writes
through the methods after the reading ones, always inside `transaction()`, so a batch of
articles and the stories they changed land together or not at all. The file is in WAL
mode: readers (the web app, `newsweave stories`) see the last committed batch while an
ingest runs.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from types import TracebackType

import numpy as np

from newsweave.errors import ConfigError
from newsweave.model import Document
from newsweave.stream.clustering import FOLLOW_UP_CANDIDATES, Merge, StoryState
from newsweave.stream.schema import migrate
from newsweave.stream.sentence_cache import article_sentences

DEFAULT_DB = "newsweave.db"
KEYS_INDEXED = "story_keys_indexed"  # meta key: every live story's names are in story_keys
TOP_ENTITIES = 5


@dataclass(frozen=True)
class StoryArticle:
    """One article of a story; `duplicate_of` names its original when it is a copy."""

    id: str
    source: str
    origin: str
    title: str | None
    published: str | None
    duplicate_of: str | None
    url: str | None = None  # where it was fetched from, or the URL its input gave
    language: str | None = None


# the columns a StoryArticle is made of, in its fields' order
_ARTICLE_COLUMNS = "id, source, origin, title, published, duplicate_of, url, language"


@dataclass(frozen=True)
class StoryInfo:
    """A story: `size` counts its distinct articles (copies are listed, not counted)."""

    id: str
    title: str
    size: int
    first_date: str | None
    last_date: str | None
    top_entities: list[str]
    articles: list[StoryArticle]
    languages: list[str]  # of its articles (a story holds one, but a store made before may mix)


class Store:
    """A story store in one SQLite file; use as a context manager or call `close()`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.parent.is_dir():
            raise ConfigError(
                f"cannot open the store {self.path}: {self.path.parent} is not a folder"
            )
        try:
            self.db = sqlite3.connect(str(self.path), isolation_level=None, timeout=30.0)
        except sqlite3.Error as error:
            raise ConfigError(f"cannot open the store {self.path}: {error}") from error
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            migrate(self.db)
            if self.meta(KEYS_INDEXED) is None:  # a store older than the index, or a new one
                with self.transaction():
                    self._index_keys(self._states("1 = 1", ()))
                    self.set_meta(KEYS_INDEXED, "1")
        except sqlite3.DatabaseError as error:
            self.db.close()
            raise ConfigError(f"{self.path} is not a newsweave store: {error}") from error

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- reading -----------------------------------------------------------------------

    def stories(self, limit: int | None = None, offset: int = 0) -> list[StoryInfo]:
        """The stories (merged-away ones excluded), the one with the newest article first:
        all of them, or `limit` of them after the first `offset`. Only their articles are
        read, so a page of a large store is quick."""
        page = (
            "SELECT id, title, size, first_day, last_day, names FROM stories "
            "WHERE merged_into IS NULL ORDER BY last_seq DESC, id LIMIT ? OFFSET ?"
        )
        bounds = (-1 if limit is None else limit, offset)
        rows = self.db.execute(page, bounds).fetchall()
        articles: dict[str, list[StoryArticle]] = {}
        ids = json.dumps([row[0] for row in rows])  # one bound value, however many stories
        for row in self.db.execute(
            f"SELECT story_id, {_ARTICLE_COLUMNS} FROM articles "
            "WHERE story_id IN (SELECT value FROM json_each(?)) ORDER BY seq",
            (ids,),
        ):
            articles.setdefault(row[0], []).append(StoryArticle(*row[1:]))
        return [_story_info(row, articles.get(row[0], [])) for row in rows]

    def story_count(self) -> int:
        """How many stories there are (merged-away ones excluded)."""
        row = self.db.execute("SELECT count(*) FROM stories WHERE merged_into IS NULL").fetchone()
        return int(row[0])

    def story(self, story_id: str) -> StoryInfo:
        """One story by id (a merged-away id gives the story it was merged into)."""
        resolved = self.resolve(story_id)
        row = self.db.execute(
            "SELECT id, title, size, first_day, last_day, names FROM stories WHERE id = ?",
            (resolved,),
        ).fetchone()
        articles = [
            StoryArticle(*r)
            for r in self.db.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE story_id = ? ORDER BY seq",
                (resolved,),
            )
        ]
        return _story_info(row, articles)

    def story_documents(self, story_id: str) -> list[Document]:
        """The story's articles as documents, copies left out; KeyError if no such story."""
        resolved = self.resolve(story_id)
        return [
            Document(
                origin=r[0],
                format=r[1],
                body=r[2],
                title=r[3],
                source=r[4],
                url=r[5],
                published=r[6],
                language=r[7],
            )
            for r in self.db.execute(
                "SELECT origin, format, body, title, source, url, published, language "
                "FROM articles WHERE story_id = ? AND duplicate_of IS NULL ORDER BY seq",
                (resolved,),
            )
        ]

    def sentences(self, article_id: str) -> list[tuple[int, int]]:
        """(start, end) offsets of an article's sentences in its cleaned text (`text`),
        split when first asked for and kept (`stream.sentence_cache`); KeyError if no
        such article."""
        return article_sentences(self.db, article_id)

    def resolve(self, story_id: str) -> str:
        """The live story an id names, following recorded merges; KeyError if unknown."""
        seen: set[str] = set()
        current = story_id
        while current not in seen:
            seen.add(current)
            row = self.db.execute(
                "SELECT merged_into FROM stories WHERE id = ?", (current,)
            ).fetchone()
            if row is None:
                raise KeyError(story_id)
            if row[0] is None:
                return current
            current = row[0]
        raise KeyError(story_id)

    def counts(self) -> dict[str, int]:
        """How many articles, duplicates, stories and runs the store holds."""
        one = self.db.execute
        return {
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "duplicates": one(
                "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"
            ).fetchone()[0],
            "stories": self.story_count(),
            "runs": one("SELECT count(*) FROM runs").fetchone()[0],
        }

    def merges(self) -> list[Merge]:
        """Every recorded story merge, oldest first."""
        return [
            Merge(*row)
            for row in self.db.execute(
                "SELECT merged, into_story, similarity FROM story_merges ORDER BY id"
            )
        ]

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one committed state of the store, whatever an ingest commits
        meanwhile (a page of stories and their count agree)."""
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.execute("COMMIT")

    # -- writing (used by the ingest) -------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside commits together, or not at all."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def load_stories(self, min_day: int) -> list[StoryState]:
        """Stories with a last day from `min_day` on, or undated, as the clusterer keeps them."""
        return self._states("(last_day IS NULL OR last_day >= ?)", (min_day,))

    def follow_up_stories(
        self,
        keys: set[str],
        low: int,
        high: int,
        besides: Collection[str] = (),
        limit: int = FOLLOW_UP_CANDIDATES,
    ) -> list[StoryState]:
        """Live stories that ended before day `low` or began after day `high` and share
        name keys with `keys`: the `limit` sharing the most (ties: the older story),
        leaving out the ids in `besides` (the stories the clusterer holds, whose stored
        state may be older than its own)."""
        if not keys:
            return []
        marks = ", ".join("?" * len(keys))
        ranked = self.db.execute(
            "SELECT k.story_id FROM story_keys k JOIN stories s ON s.id = k.story_id "
            f"WHERE k.key IN ({marks}) AND s.merged_into IS NULL "
            "AND (s.last_day < ? OR s.first_day > ?) "
            "GROUP BY k.story_id ORDER BY COUNT(*) DESC, MIN(s.created_seq)",
            (*sorted(keys), low, high),
        )
        # the stories in memory are skipped here, not in SQL: they can be thousands, more
        # than a statement may take as parameters
        ids = tuple(islice((str(r[0]) for r in ranked if str(r[0]) not in besides), limit))
        if not ids:
            return []
        return self._states(f"id IN ({', '.join('?' * len(ids))})", ids)

    def load_stories_between(self, low: int, high: int, horizon: int) -> list[StoryState]:
        """Dated stories whose days meet [low, high] and whose last day is before `horizon`."""
        return self._states(
            "last_day >= ? AND first_day <= ? AND last_day < ?", (low, high, horizon)
        )

    def _states(self, where: str, params: tuple[int | str, ...]) -> list[StoryState]:
        query = (
            "SELECT id, created_seq, title, size, first_day, last_day, last_seq, "
            "vector_sum, names, language FROM stories WHERE merged_into IS NULL AND " + where
        )
        return [
            StoryState(
                id=r[0],
                created_seq=r[1],
                title=r[2],
                size=r[3],
                first_day=r[4],
                last_day=r[5],
                last_seq=r[6],
                vector_sum=np.frombuffer(r[7], dtype=np.float64).copy(),
                names=Counter(dict(json.loads(r[8]))),
                language=r[9],
            )
            for r in self.db.execute(query + " ORDER BY created_seq", params)
        ]

    def save_stories(self, stories: list[StoryState]) -> None:
        self.db.executemany(
            "INSERT INTO stories(id, created_seq, title, size, first_day, last_day, last_seq, "
            "vector_sum, names, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE "
            "SET size = excluded.size, first_day = excluded.first_day, "
            "last_day = excluded.last_day, last_seq = excluded.last_seq, "
            "vector_sum = excluded.vector_sum, names = excluded.names, "
            "language = excluded.language",
            [
                (
                    s.id,
                    s.created_seq,
                    s.title,
                    s.size,
                    s.first_day,
                    s.last_day,
                    s.last_seq,
                    s.vector_sum.astype(np.float64).tobytes(),
                    json.dumps(sorted(s.names.items())),
                    s.language,
                )
                for s in stories
            ],
        )
        self._index_keys(stories)

    def _index_keys(self, stories: list[StoryState]) -> None:
        """Replace the name keys of these stories in the follow-up index."""
        self.db.executemany("DELETE FROM story_keys WHERE story_id = ?", [(s.id,) for s in stories])
        self.db.executemany(
            "INSERT INTO story_keys(key, story_id) VALUES (?, ?)",
            [(key, s.id) for s in stories for key in sorted(s.keys())],
        )

    def record_merges(self, run_id: int, merges: list[Merge]) -> None:
        for merge in merges:
            self.db.execute(
                "UPDATE articles SET story_id = ? WHERE story_id = ?", (merge.into, merge.merged)
            )
            self.db.execute(
                "UPDATE stories SET merged_into = ?, size = 0 WHERE id = ?",
                (merge.into, merge.merged),
            )
            self.db.execute("DELETE FROM story_keys WHERE story_id = ?", (merge.merged,))
            self.db.execute(
                "INSERT INTO story_merges(run_id, merged, into_story, similarity) "
                "VALUES (?, ?, ?, ?)",
                (run_id, merge.merged, merge.into, merge.similarity),
            )


def iso_day(day: int | None) -> str | None:
    """An ordinal day as an ISO date."""
    return None if day is None else date.fromordinal(day).isoformat()


def _story_info(row: tuple[object, ...] | None, articles: list[StoryArticle]) -> StoryInfo:
    if row is None:
        raise KeyError("story")
    ident, title, size, first_day, last_day, names = row
    counted = sorted(json.loads(str(names)), key=lambda item: (-item[1], item[0]))
    return StoryInfo(
        id=str(ident),
        title=str(title),
        size=int(str(size)),
        first_date=iso_day(first_day if isinstance(first_day, int) else None),
        last_date=iso_day(last_day if isinstance(last_day, int) else None),
        top_entities=[name for name, _ in counted[:TOP_ENTITIES]],
        articles=articles,
        languages=sorted({a.language for a in articles if a.language}),
    )
