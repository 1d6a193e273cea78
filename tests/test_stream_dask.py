"""The Dask engine (a LocalCluster) gives the same stories as the local engine."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsweave.stream import DaskEngine, LocalEngine, Store
from newsweave.stream.ingest_run import StreamOptions, ingest_documents
from newsweave.stream.synthetic import synthetic_stream

pytest.importorskip("distributed")


def rows(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as con:
        return con.execute(
            "SELECT id, seq, story_id, duplicate_of, text_hash, names FROM articles ORDER BY seq"
        ).fetchall()


def test_dask_engine_gives_the_same_stories_as_local(tmp_path: Path) -> None:
    documents = [x.document for x in synthetic_stream(150, seed=21)]
    options = StreamOptions(batch_size=10)
    local = tmp_path / "local.db"
    ingest_documents(documents, local, options=options, engine=LocalEngine(1))
    engine = DaskEngine(workers=2, processes=False)
    try:
        assert len(engine.client.nthreads()) == 2
        report = ingest_documents(documents, tmp_path / "dask.db", options=options, engine=engine)
    finally:
        engine.close()
    assert report.counts["stored"] > 100
    assert rows(tmp_path / "dask.db") == rows(local)
    with Store(local) as a, Store(tmp_path / "dask.db") as b:
        assert a.stories() == b.stories()
    with sqlite3.connect(tmp_path / "dask.db") as con:
        assert con.execute("SELECT engine FROM runs").fetchall() == [("dask",)]


def split_as_read(db: Path) -> tuple[int, bool]:
    """How many articles have their sentences kept, and whether they are the text's split."""
    from newsweave.text import split_sentences

    with sqlite3.connect(db) as con:
        kept = con.execute("SELECT text, sentences FROM articles WHERE sentences != '[]'")
        found = [(json.loads(spans), text) for text, spans in kept]
    return len(found), all(s == [list(x) for x in split_sentences(t)] for s, t in found)


def test_local_worker_processes_give_the_same_stories(tmp_path: Path) -> None:
    documents = [x.document for x in synthetic_stream(60, seed=22)]
    options = StreamOptions(batch_size=8)
    ingest_documents(documents, tmp_path / "one.db", options=options, engine=LocalEngine(1))
    engine = LocalEngine(2, sentences=True)
    try:
        report = ingest_documents(documents, tmp_path / "pool.db", options=options, engine=engine)
    finally:
        engine.close()
    assert rows(tmp_path / "pool.db") == rows(tmp_path / "one.db")
    # `ingest --sentences`: every article's sentences kept by the ingest, as a read splits
    stored = report.counts["stored"] + report.counts["duplicate"]
    assert split_as_read(tmp_path / "pool.db") == (stored, True)
    assert split_as_read(tmp_path / "one.db") == (0, True)


def test_dask_engine_uses_an_existing_scheduler(tmp_path: Path) -> None:
    from distributed import LocalCluster

    documents = [x.document for x in synthetic_stream(20, seed=23)]
    with LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster:
        engine = DaskEngine(cluster.scheduler_address, sentences=True)
        try:
            report = ingest_documents(documents, tmp_path / "remote.db", engine=engine)
        finally:
            engine.close()
        assert report.counts["stored"] + report.counts["duplicate"] == 20
        assert split_as_read(tmp_path / "remote.db") == (20, True)
