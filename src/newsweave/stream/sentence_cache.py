"""An article's sentences in the store: split when first asked for, then kept in its row.

An ingest does not split sentences (it never needs them; `ingest --sentences` does). The
column holds an empty list until then: a stored article always has a sentence, so an
empty list means "not split yet". The split is the stored cleaned text's, by the splitter
a digest uses. It is kept only outside a transaction of the same connection (a failed
write could undo that transaction), and only when the write lock comes within
`SENTENCES_WAIT` seconds; on a read-only store it is returned all the same.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from newsweave.text import split_sentences

SENTENCES_WAIT = 0.2  # seconds to wait for the write lock to keep them


def spans_json(spans: Sequence[tuple[int, int]]) -> str:
    """How a row keeps sentence offsets: "[[0,42],[43,97]]"."""
    return json.dumps(spans, separators=(",", ":"))


def article_sentences(db: sqlite3.Connection, article_id: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the article's sentences in its cleaned text; KeyError if
    the store has no such article."""
    row = db.execute("SELECT sentences FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise KeyError(article_id)
    spans = [(start, end) for start, end in json.loads(row[0])]
    if spans:
        return spans  # kept: the text (up to a megabyte) need not be read
    (text,) = db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    spans = split_sentences(text)
    if not db.in_transaction:
        _keep(db, article_id, spans)
    return spans


def _keep(db: sqlite3.Connection, article_id: str, spans: list[tuple[int, int]]) -> None:
    waited = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute(f"PRAGMA busy_timeout = {int(SENTENCES_WAIT * 1000)}")
    try:
        db.execute(
            "UPDATE articles SET sentences = ? WHERE id = ?",
            (spans_json(spans), article_id),
        )
    except sqlite3.OperationalError as error:
        name = getattr(error, "sqlite_errorname", "")
        if not name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_READONLY")):
            raise
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(waited)}")
