"""What an ingest writes into the store besides stories: runs, articles and accounting.

Every function runs inside the caller's `Store.transaction()`, except `start_run` and
`finish_run`, which commit on their own so the run log shows a run while it goes on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt

from newsweave.stream.prepare import Prepared
from newsweave.stream.sentence_cache import spans_json
from newsweave.stream.store import Store

STORED = "stored"
DUPLICATE = "duplicate"
UNCHANGED = "already stored"
SKIPPED = "skipped"


@dataclass(frozen=True)
class Placement:
    """Where a prepared article goes: its story, and its original when it is a copy."""

    story_id: str
    seq: int
    stream_day: int
    day: int | None
    duplicate_of: str | None = None
    duplicate_kind: str | None = None
    similarity: float | None = None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def start_run(store: Store, engine: str, sources: list[str]) -> int:
    """Log a new run; runs left "running" by a killed ingest are marked "interrupted"."""
    with store.transaction():
        store.db.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        cursor = store.db.execute(
            "INSERT INTO runs(started, engine, sources, status) VALUES (?, ?, ?, 'running')",
            (now(), engine, json.dumps(sources)),
        )
    return int(cursor.lastrowid or 0)


def finish_run(store: Store, run_id: int, counts: dict[str, int]) -> None:
    with store.transaction():
        store.db.execute(
            "UPDATE runs SET finished = ?, status = 'complete', stored = ?, duplicates = ?, "
            "unchanged = ?, skipped = ? WHERE id = ?",
            (
                now(),
                counts.get(STORED, 0),
                counts.get(DUPLICATE, 0),
                counts.get(UNCHANGED, 0),
                counts.get(SKIPPED, 0),
                run_id,
            ),
        )


def record_input(
    store: Store, run_id: int, name: str, outcome: str, article_id: str | None, reason: str | None
) -> None:
    store.db.execute(
        "INSERT INTO inputs(run_id, input, outcome, article_id, reason) VALUES (?, ?, ?, ?, ?)",
        (run_id, name, outcome, article_id, reason),
    )


def has_article(store: Store, article_id: str) -> bool:
    row = store.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row is not None


def exact_original(store: Store, text_hash: str) -> tuple[str, str] | None:
    """The first stored original with this text, and its story."""
    row = store.db.execute(
        "SELECT id, story_id FROM articles WHERE text_hash = ? AND duplicate_of IS NULL "
        "ORDER BY seq LIMIT 1",
        (text_hash,),
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def story_of(store: Store, article_id: str) -> str:
    row = store.db.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
    return str(row[0])


def next_seq_and_day(store: Store) -> tuple[int, int]:
    """The sequence number the next article gets, and the newest stream day stored."""
    row = store.db.execute("SELECT max(seq), max(stream_day) FROM articles").fetchone()
    return (int(row[0]) + 1 if row[0] is not None else 1, int(row[1] or 0))


def recent_originals(
    store: Store, min_day: int
) -> list[tuple[str, npt.NDArray[np.uint32], int, int]]:
    """Originals of the dedup window (id, signature, stream day, seq) in ingest order."""
    return [
        (str(r[0]), np.frombuffer(r[1], dtype=np.uint32).copy(), int(r[2]), int(r[3]))
        for r in store.db.execute(
            "SELECT id, signature, stream_day, seq FROM articles "
            "WHERE duplicate_of IS NULL AND stream_day >= ? ORDER BY seq",
            (min_day,),
        )
    ]


def insert_article(store: Store, run_id: int, item: Prepared, place: Placement) -> None:
    """One article, with its sentences when they were split (an empty list, "not split
    yet", otherwise); embedding kept as float16, signature as uint32."""
    doc = item.document
    vector = item.vector if item.vector is not None else np.zeros(0, dtype=np.float32)
    signature = item.signature if item.signature is not None else np.zeros(0, dtype=np.uint32)
    store.db.execute(
        "INSERT INTO articles(id, seq, run_id, origin, format, source, title, url, published, "
        "language, dateline, body, text, text_hash, day, stream_day, story_id, duplicate_of, "
        "duplicate_kind, duplicate_similarity, embedding, signature, names, sentences) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            item.id,
            place.seq,
            run_id,
            doc.origin,
            doc.format,
            item.source,
            item.title,
            doc.url,
            item.published,
            item.language,
            item.dateline,
            doc.body,
            item.text,
            item.text_hash,
            place.day,
            place.stream_day,
            place.story_id,
            place.duplicate_of,
            place.duplicate_kind,
            place.similarity,
            vector.astype(np.float16).tobytes(),
            signature.astype(np.uint32).tobytes(),
            json.dumps(list(item.names)),
            spans_json(item.sentences),
        ),
    )
