"""The SQLite store: schema migrations, refusal of foreign files, merged story ids."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from newsweave.errors import ConfigError
from newsweave.stream import Store
from newsweave.stream.clustering import Merge
from newsweave.stream.ingest_run import ingest_documents
from newsweave.stream.schema import MIGRATIONS
from newsweave.stream.synthetic import synthetic_stream
from newsweave.text import split_sentences


def test_new_store_is_migrated_to_the_latest_schema(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    Store(db).close()
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "stories", "story_merges", "runs", "inputs"} <= tables
    assert "sentences" not in tables  # schema 4: an article's sentences are in its row
    with Store(db) as store:  # opening again migrates nothing and keeps the data
        assert store.stories() == []
        assert store.counts()["articles"] == 0


def test_foreign_and_newer_files_are_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ConfigError, match="not a newsweave store"):
        Store(junk)
    newer = tmp_path / "newer.db"
    with sqlite3.connect(newer) as con:
        con.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(ConfigError, match="upgrade newsweave"):
        Store(newer)


def test_merged_story_ids_lead_to_the_story_they_joined(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    documents = [x.document for x in synthetic_stream(30, seed=2)]
    ingest_documents(documents, db)
    with Store(db) as store:
        first, second = store.stories()[-1], store.stories()[-2]
        with store.transaction():
            store.record_merges(1, [Merge(second.id, first.id, 0.9)])
            store.db.execute(
                "UPDATE stories SET size = size + ? WHERE id = ?", (second.size, first.id)
            )
        assert store.resolve(second.id) == first.id
        merged = store.story(second.id)
        assert merged.id == first.id
        assert len(merged.articles) == len(first.articles) + len(second.articles)
        assert second.id not in {s.id for s in store.stories()}
        assert store.merges() == [Merge(second.id, first.id, 0.9)]
        assert len(store.story_documents(second.id)) == merged.size


def test_follow_up_index_holds_the_names_of_live_stories(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    ingest_documents([x.document for x in synthetic_stream(30, seed=2)], db)
    with Store(db) as store:
        story = store.stories()[0]
        state = next(s for s in store.load_stories(0) if s.id == story.id)
        keys = state.keys()
        assert keys
        indexed = {
            r[0]
            for r in store.db.execute("SELECT key FROM story_keys WHERE story_id = ?", (story.id,))
        }
        assert indexed == keys
        day = state.last_day
        assert day is not None and state.first_day is not None
        # found when it ended before `low` or began after `high`, not when it is active
        assert story.id in {s.id for s in store.follow_up_stories(keys, day + 1, day + 100)}
        assert story.id in {s.id for s in store.follow_up_stories(keys, 0, state.first_day - 1)}
        assert story.id not in {s.id for s in store.follow_up_stories(keys, day, day)}
        assert store.follow_up_stories({"no-such-name"}, day + 1, day + 100) == []
        # the stories the clusterer holds are left out
        held = store.follow_up_stories(keys, day + 1, day + 100, {story.id})
        assert story.id not in {s.id for s in held}


def test_follow_ups_leave_out_any_number_of_stories_in_memory(tmp_path: Path) -> None:
    # a long window holds many thousands of stories: more than one SQL statement may take
    # as parameters, so they are left out of the answer, not out of the query
    db = tmp_path / "news.db"
    ingest_documents([x.document for x in synthetic_stream(30, seed=2)], db)
    with Store(db) as store:
        # SQLite before 3.32 took at most 999 parameters (later builds 32,766 or more)
        store.db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
        story = store.stories()[0]
        state = next(s for s in store.load_stories(0) if s.id == story.id)
        assert state.last_day is not None
        low, high = state.last_day + 1, state.last_day + 100
        held = {f"story-{n}" for n in range(5_000)}
        found = {s.id for s in store.follow_up_stories(state.keys(), low, high, held)}
        assert story.id in found
        held.add(story.id)
        found = {s.id for s in store.follow_up_stories(state.keys(), low, high, held)}
        assert story.id not in found


def test_opening_an_older_store_indexes_its_stories_names(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    ingest_documents([x.document for x in synthetic_stream(30, seed=2)], db)
    with sqlite3.connect(db) as con:  # as a store of schema 1 left it
        back_to_schema_3(con)
        con.execute("ALTER TABLE stories DROP COLUMN language")
        con.execute("DROP TABLE story_keys")
        con.execute("DELETE FROM meta WHERE key = 'story_keys_indexed'")
        con.execute("PRAGMA user_version = 1")
    with Store(db) as store:
        version = store.db.execute("PRAGMA user_version").fetchone()[0]
        assert version == len(MIGRATIONS)
        stories = {s.id for s in store.stories()}
        indexed = {r[0] for r in store.db.execute("SELECT DISTINCT story_id FROM story_keys")}
        assert indexed and indexed <= stories


def test_stories_do_not_depend_on_the_batch_size(tmp_path: Path) -> None:
    # quiet stories are revived by follow-ups read from the store; a story revived earlier
    # in a batch is newer in memory than in the store, which must not change the outcome
    from datetime import date, timedelta
    from itertools import cycle

    from newsweave.stream.ingest_run import StreamOptions

    documents = [x.document for x in synthetic_stream(300, seed=4)]
    days = cycle([0, 45, 90, 135])  # months apart: stories go quiet and come back
    documents = [
        replace_published(d, (date(2024, 1, 1) + timedelta(days=next(days))).isoformat())
        for d in documents
    ]
    stories = []
    for size in (1, 64):
        db = tmp_path / f"batch{size}.db"
        ingest_documents(documents, db, options=StreamOptions(batch_size=size))
        with sqlite3.connect(db) as con:
            stories.append(sorted(con.execute("SELECT id, story_id FROM articles").fetchall()))
    assert stories[0] == stories[1]


def replace_published(document: object, day: str) -> object:
    from dataclasses import replace

    return replace(document, published=day)  # type: ignore[type-var]


def test_a_page_of_stories_is_a_slice_of_them_all(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    ingest_documents([x.document for x in synthetic_stream(80, seed=6)], db)
    with Store(db) as store:
        every = store.stories()
        assert store.story_count() == len(every) > 3
        assert store.stories(2) == every[:2]
        assert store.stories(2, 1) == every[1:3]
        assert store.stories(None, len(every) - 1) == every[-1:]


def test_a_store_of_schema_2_takes_new_articles_and_keeps_story_languages(
    tmp_path: Path,
) -> None:
    db = tmp_path / "news.db"
    documents = [x.document for x in synthetic_stream(60, seed=8)]
    ingest_documents(documents[:30], db)
    with sqlite3.connect(db) as con:  # as a store of schema 2 left it
        back_to_schema_3(con)
        con.execute("ALTER TABLE stories DROP COLUMN language")
        con.execute("PRAGMA user_version = 2")
    report = ingest_documents(documents[30:], db)
    assert report.counts["stored"] + report.counts["duplicate"] == 30
    with Store(db) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        languages = dict(store.db.execute("SELECT id, language FROM stories"))
        # the older stories have no language until an article joins them; new ones have it
        assert "en" in languages.values()
        reloaded = {s.id: s.language for s in store.load_stories(0)}
        assert all(reloaded[k] == v for k, v in languages.items() if k in reloaded)


def split_all(db: Path) -> dict[str, list[tuple[int, int]]]:
    """Every article's sentences, split and kept in its row (an ingest leaves them out)."""
    with Store(db) as store:
        ids = [r[0] for r in store.db.execute("SELECT id FROM articles")]
        return {article: store.sentences(article) for article in ids}


def kept_sentences(con: sqlite3.Connection) -> int:
    return int(
        con.execute(
            "SELECT coalesce(sum(json_array_length(sentences)), 0) FROM articles"
        ).fetchone()[0]
    )


def back_to_schema_3(con: sqlite3.Connection) -> None:
    """Put the sentences back in a table of their own, as schemas 1 to 3 kept them."""
    con.execute(
        "CREATE TABLE sentences (article_id TEXT NOT NULL REFERENCES articles(id), "
        "idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, "
        "PRIMARY KEY (article_id, idx)) WITHOUT ROWID"
    )
    con.execute(
        "INSERT INTO sentences SELECT a.id, j.key, json_extract(j.value, '$[0]'), "
        "json_extract(j.value, '$[1]') FROM articles a, json_each(a.sentences) j"
    )
    con.execute("ALTER TABLE articles DROP COLUMN sentences")


def test_a_store_of_schema_3_moves_its_sentences_into_the_article_rows(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    ingest_documents([x.document for x in synthetic_stream(20, seed=3)], db)
    split_all(db)
    with sqlite3.connect(db) as con:
        before = dict(con.execute("SELECT id, sentences FROM articles"))
        back_to_schema_3(con)
        con.execute("PRAGMA user_version = 3")
        bare = next(iter(before))  # an article without sentence rows: split when read
        con.execute("DELETE FROM sentences WHERE article_id = ?", (bare,))
        rows = con.execute("SELECT count(*) FROM sentences").fetchone()[0]
    assert rows > 20 * 5
    with Store(db) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        after = dict(store.db.execute("SELECT id, sentences FROM articles"))
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master")}
        assert kept_sentences(store.db) == rows
        assert after.pop(bare) == "[]"
        assert store.sentences(bare) == [tuple(span) for span in json.loads(before[bare])]
    assert "sentences" not in tables
    assert {k: json.loads(v) for k, v in after.items()} == {k: json.loads(before[k]) for k in after}
    spans = json.loads(next(iter(after.values())))
    assert all(start < end for start, end in spans)
    assert spans == sorted(spans)


def test_processes_opening_an_older_store_at_once_all_succeed(tmp_path: Path) -> None:
    """An ingest and the web app may open a store of an older schema at the same moment:
    one migrates, the others wait and find it done (none fails with "duplicate column")."""
    import subprocess
    import sys

    db = tmp_path / "news.db"
    ingest_documents([x.document for x in synthetic_stream(10, seed=3)], db)
    split_all(db)
    with sqlite3.connect(db) as con:
        back_to_schema_3(con)
        con.execute("PRAGMA user_version = 3")
    code = (
        "import sys, time\n"
        "from newsweave.stream import Store\n"
        "while time.time() < float(sys.argv[2]): pass\n"  # start together
        "Store(sys.argv[1]).close()\n"
    )
    start = time.time() + 2.0
    runs = [
        subprocess.Popen([sys.executable, "-c", code, str(db), str(start)], stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    errors = [run.communicate(timeout=60)[1].decode() for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], errors
    with Store(db) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert kept_sentences(store.db) > 10


def test_sentences_are_split_when_first_read_and_kept(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    ingest_documents([x.document for x in synthetic_stream(4, seed=5)], db)
    with Store(db) as store:
        rows = list(store.db.execute("SELECT id, text, sentences FROM articles"))
        assert {kept for _, _, kept in rows} == {"[]"}  # not split by the ingest
        for article, text, _ in rows:
            assert store.sentences(article) == split_sentences(text)
        kept = dict(store.db.execute("SELECT id, sentences FROM articles"))
        assert all(json.loads(kept[a]) == [list(s) for s in split_sentences(t)] for a, t, _ in rows)
        with pytest.raises(KeyError):
            store.sentences("no-such-article")


def test_sentences_of_a_store_that_cannot_be_written_are_split_all_the_same(
    tmp_path: Path,
) -> None:
    db = tmp_path / "news.db"
    ingest_documents([x.document for x in synthetic_stream(3, seed=5)], db)
    with Store(db) as store:
        texts = dict(store.db.execute("SELECT id, text FROM articles"))
        first, second, third = texts
        expected = {article: split_sentences(text) for article, text in texts.items()}
        # inside a transaction of its own: returned, not written (a failed write could
        # undo the transaction)
        with store.transaction():
            assert store.sentences(first) == expected[first]
        # another process holds the write lock: returned after a short wait, not written
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        assert store.sentences(second) == expected[second]
        assert time.monotonic() - started < 10  # not the store's 30-second timeout
        other.execute("ROLLBACK")
        other.close()
        assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 30000  # as it was
        # a read-only connection
        store.db.close()
        store.db = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
        assert store.sentences(third) == expected[third]
        kept = {a: k for a, k in store.db.execute("SELECT id, sentences FROM articles")}
    assert kept == {first: "[]", second: "[]", third: "[]"}
