"""The store's SQLite schema, as numbered migrations applied in order.

`PRAGMA user_version` holds the number of migrations applied. A migration is appended,
never edited, so a store made by any earlier version opens and upgrades in place.
"""

from __future__ import annotations

import sqlite3

from newsweave.errors import ConfigError

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, sentences, stories, runs and the accounting of every input
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started TEXT NOT NULL,
        finished TEXT,
        engine TEXT NOT NULL,
        sources TEXT NOT NULL,
        status TEXT NOT NULL,
        stored INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        origin TEXT NOT NULL,
        format TEXT NOT NULL,
        source TEXT NOT NULL,
        title TEXT,
        url TEXT,
        published TEXT,
        language TEXT,
        dateline TEXT,
        body TEXT NOT NULL,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        day INTEGER,
        stream_day INTEGER NOT NULL,
        story_id TEXT NOT NULL,
        duplicate_of TEXT REFERENCES articles(id),
        duplicate_kind TEXT,
        duplicate_similarity REAL,
        embedding BLOB NOT NULL,
        signature BLOB NOT NULL,
        names TEXT NOT NULL
    );
    CREATE INDEX articles_text_hash ON articles(text_hash);
    CREATE INDEX articles_story ON articles(story_id, seq);
    CREATE INDEX articles_stream_day ON articles(stream_day);
    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        created_seq INTEGER NOT NULL,
        title TEXT NOT NULL,
        size INTEGER NOT NULL,
        first_day INTEGER,
        last_day INTEGER,
        last_seq INTEGER NOT NULL,
        vector_sum BLOB NOT NULL,
        names TEXT NOT NULL,
        merged_into TEXT REFERENCES stories(id)
    );
    CREATE INDEX stories_activity ON stories(last_seq);
    CREATE INDEX stories_last_day ON stories(last_day);
    CREATE TABLE story_merges (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        merged TEXT NOT NULL,
        into_story TEXT NOT NULL,
        similarity REAL NOT NULL
    );
    CREATE TABLE inputs (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        input TEXT NOT NULL,
        outcome TEXT NOT NULL,
        article_id TEXT,
        reason TEXT
    );
    CREATE INDEX inputs_run ON inputs(run_id);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 2: each live story's name keys, to find the quiet story a follow-up article belongs to
    # (filled for the stories of an older store when it is opened, in one transaction with
    # the meta row that says so: `Store`)
    """
    CREATE TABLE story_keys (
        key TEXT NOT NULL,
        story_id TEXT NOT NULL REFERENCES stories(id),
        PRIMARY KEY (key, story_id)
    ) WITHOUT ROWID;
    CREATE INDEX story_keys_story ON story_keys(story_id);
    """,
    # 3: a story's language (its articles'): a story never mixes languages; NULL for the
    # stories of an older store, which any article may still join
    """
    ALTER TABLE stories ADD COLUMN language TEXT;
    """,
    # 4: an article's sentences as one JSON list of [start, end] offsets in its cleaned
    # text, in the article's row: a table of one row per sentence, keyed by a hashed id,
    # cost an ingest a random index page per sentence (100,000 synthetic articles:
    # about 3% faster, a new store of 871 -> 817 MB). An ingest now leaves the list empty
    # and `Store.sentences` fills it when first asked: a stored article always has a
    # sentence, so an empty list means "not split yet" (no migration, and no DROP COLUMN,
    # which SQLite before 3.35 lacks)
    """
    ALTER TABLE articles ADD COLUMN sentences TEXT NOT NULL DEFAULT '[]';
    UPDATE articles SET sentences = (
        SELECT json_group_array(json_array(start, end))
        FROM (SELECT start, end FROM sentences s WHERE s.article_id = articles.id ORDER BY idx)
    );
    DROP TABLE sentences;
    """,
)


def migrate(connection: sqlite3.Connection) -> int:
    """Apply the migrations this database lacks; returns the schema version.

    Each migration runs in its own write transaction, and the version is read again once
    the transaction holds the write lock: of two processes opening an older store at once
    (an ingest and the web app), the second waits for the first and then finds the
    migration done. `connection` must be in autocommit mode (isolation_level=None).
    """
    version = _version(connection)
    if version > len(MIGRATIONS):
        raise ConfigError(
            f"the store has schema version {version}, newer than this newsweave "
            f"({len(MIGRATIONS)}): upgrade newsweave"
        )
    for number in range(version, len(MIGRATIONS)):
        connection.execute("BEGIN IMMEDIATE")
        try:
            if _version(connection) == number:
                for statement in _statements(MIGRATIONS[number]):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {number + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    """The SQL statements of a script, one by one (`executescript` would commit first)."""
    found: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement: {pending.strip()[:60]}")
    return found


def _version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])
