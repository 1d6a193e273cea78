"""An ingest killed midway leaves a consistent store, and a re-run completes it exactly."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsweave.stream import Store
from newsweave.stream.ingest_run import StreamOptions, ingest_documents
from newsweave.stream.synthetic import synthetic_stream

ARTICLES = 400
CHILD = """
import sys
from newsweave.stream.ingest_run import StreamOptions, ingest_documents
from newsweave.stream.synthetic import synthetic_stream
docs = [x.document for x in synthetic_stream({n}, seed=5)]
ingest_documents(docs, sys.argv[1], options=StreamOptions(batch_size=8))
"""


def membership(db: Path) -> dict[str, tuple[str, str | None]]:
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT id, story_id, duplicate_of FROM articles").fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def assert_consistent(db: Path) -> None:
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = con.execute(
            "SELECT count(*) FROM articles a LEFT JOIN stories s ON s.id = a.story_id "
            "WHERE s.id IS NULL OR s.merged_into IS NOT NULL"
        ).fetchone()[0]
        assert orphans == 0
        sizes = con.execute(
            "SELECT s.id, s.size, (SELECT count(*) FROM articles a WHERE a.story_id = s.id "
            "AND a.duplicate_of IS NULL) FROM stories s WHERE s.merged_into IS NULL"
        ).fetchall()
        assert all(size == counted for _, size, counted in sizes)
        incomplete = con.execute(
            "SELECT count(*) FROM articles WHERE length(embedding) != 512 "
            "OR length(signature) != 256 OR text = ''"
        ).fetchone()[0]
        assert incomplete == 0
        seqs = [r[0] for r in con.execute("SELECT seq FROM articles ORDER BY seq")]
        assert seqs == list(range(1, len(seqs) + 1))


def test_killed_ingest_is_consistent_and_rerun_completes_it(tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(n=ARTICLES), str(db)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    stored = 0
    try:
        while child.poll() is None and stored < 40:
            time.sleep(0.02)
            if db.exists():
                try:
                    with sqlite3.connect(db, timeout=5) as con:
                        stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                except sqlite3.OperationalError:  # tables not created yet
                    continue
        assert child.poll() is None, "the ingest ended before it could be killed"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    assert child.returncode == -signal.SIGKILL
    assert_consistent(db)
    partial = membership(db)
    assert 40 <= len(partial) < ARTICLES
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT status FROM runs").fetchall() == [("running",)]

    documents = [x.document for x in synthetic_stream(ARTICLES, seed=5)]
    report = ingest_documents(documents, db, options=StreamOptions(batch_size=64))
    assert report.counts["already stored"] == len(partial)
    assert_consistent(db)
    with sqlite3.connect(db) as con:
        statuses = [r[0] for r in con.execute("SELECT status FROM runs ORDER BY id")]
    assert statuses == ["interrupted", "complete"]

    whole = tmp_path / "whole.db"
    ingest_documents(documents, whole, options=StreamOptions(batch_size=32))
    assert membership(db) == membership(whole)
    with Store(db) as resumed, Store(whole) as reference:
        assert [(s.id, s.size) for s in resumed.stories()] == [
            (s.id, s.size) for s in reference.stories()
        ]


WORKER_CHILD = """
import sys
from newsweave.cli import main
sys.exit(main(["ingest", sys.argv[1], "--db", sys.argv[2], "--workers", "2"]))
"""


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(child) for child in text]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(("how", "code"), [(signal.SIGTERM, 143), (signal.SIGKILL, -9)])
def test_a_stopped_ingest_leaves_no_worker_behind(tmp_path: Path, how: int, code: int) -> None:
    import json

    lines = tmp_path / "stream.jsonl"
    with lines.open("w", encoding="utf-8") as out:
        for item in synthetic_stream(3000, seed=11):
            doc = item.document
            record = {"title": doc.title, "text": doc.body, "source": doc.source}
            out.write(json.dumps({**record, "published": doc.published}) + "\n")
    db = tmp_path / "stopped.db"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    child = subprocess.Popen(
        [sys.executable, "-c", WORKER_CHILD, str(lines), str(db)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
            workers = [p for p in _children(child.pid) if _alive(p)]
            if len(workers) >= 2 and db.exists() and db.stat().st_size > 100_000:
                break
        assert child.poll() is None and len(workers) >= 2, "no running pool to stop"
        os.kill(child.pid, how)
        _, stderr = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == code
    if how == signal.SIGTERM:
        assert b"interrupted (what was stored is kept; run it again to finish)" in stderr
    deadline = time.monotonic() + 20
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in workers)
    assert_consistent(db)
