"""Ingest into a real SQLite store: accounting, idempotence, duplicates, labelled stories."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest

from newsweave.sample import sample_path
from newsweave.stream import Store, StoryInfo, digest_story, ingest
from newsweave.stream.ingest_run import StreamOptions, ingest_documents
from newsweave.stream.synthetic import Labelled, synthetic_stream
from newsweave.text import split_sentences

DATA_TABLES = ("articles", "stories", "story_merges")


def table_dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as con:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall()) for t in DATA_TABLES}


@pytest.fixture(scope="module")
def stream() -> list[Labelled]:
    return list(synthetic_stream(160, seed=11))


@pytest.fixture(scope="module")
def stream_db(tmp_path_factory: pytest.TempPathFactory, stream: list[Labelled]) -> Path:
    db = tmp_path_factory.mktemp("stream") / "news.db"
    ingest_documents([x.document for x in stream], db, options=StreamOptions(batch_size=16))
    return db


def test_sample_becomes_one_story_with_everything_stored(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    report = ingest([str(sample_path())], db)
    assert report.counts == {"stored": 5}
    assert report.new_stories == 1
    with Store(db) as store:
        stories = store.stories()
        assert len(stories) == 1
        story = stories[0]
        assert isinstance(story, StoryInfo)
        assert story.size == 5
        assert story.first_date == "2025-03-10"
        assert "Halmir Dam" in story.top_entities
        assert {a.source for a in story.articles} >= {"Arclight Wire", "kestrel24"}
        assert all(a.origin.startswith(str(sample_path())) for a in story.articles)
        documents = store.story_documents(story.id)
        assert len(documents) == 5
        article, embedding, text = store.db.execute(
            "SELECT id, embedding, text FROM articles LIMIT 1"
        ).fetchone()
        # an ingest does not split sentences: an empty list until they are first read
        kept = store.db.execute("SELECT DISTINCT sentences FROM articles").fetchall()
        assert kept == [("[]",)]
        spans = store.sentences(article)
        assert spans == split_sentences(text) and len(spans) > 5
        kept = store.db.execute(  # split once, then kept in the row
            "SELECT sentences FROM articles WHERE id = ?", (article,)
        ).fetchone()[0]
        assert store.sentences(article) == spans
        with pytest.raises(KeyError):
            store.sentences("no-such-article")
    assert len(embedding) == 256 * 2  # float16
    assert json.loads(kept) == [list(span) for span in spans]
    start, end = spans[0]
    assert text[start:end].strip() == text[start:end] and end > start
    digest = digest_story(db, story.id)
    assert len(digest.articles) == 5
    assert digest.summary


def test_unknown_story_is_a_key_error(stream_db: Path) -> None:
    with Store(stream_db) as store, pytest.raises(KeyError):
        store.story_documents("st-no-such-story")


def test_reingesting_changes_nothing(tmp_path: Path, stream: list[Labelled]) -> None:
    db = tmp_path / "news.db"
    documents = [x.document for x in stream[:60]]
    first = ingest_documents(documents, db)
    before = table_dump(db)
    second = ingest_documents(documents, db)
    assert table_dump(db) == before
    assert second.counts == {"already stored": 60}
    assert first.counts["stored"] + first.counts["duplicate"] == 60
    with sqlite3.connect(db) as con:
        runs = con.execute("SELECT status, stored, unchanged FROM runs ORDER BY id").fetchall()
    assert runs == [("complete", first.counts["stored"], 0), ("complete", 0, 60)]


def test_labelled_stream_clusters_into_its_events(stream_db: Path, stream: list[Labelled]) -> None:
    event_of = {x.document.origin: x.event for x in stream}
    by_story: dict[str, set[str]] = defaultdict(set)
    by_event: dict[str, set[str]] = defaultdict(set)
    with Store(stream_db) as store:
        for story in store.stories():
            for article in story.articles:
                by_story[story.id].add(event_of[article.origin])
                by_event[event_of[article.origin]].add(story.id)
    assert all(len(events) == 1 for events in by_story.values()), "a story mixes events"
    assert all(len(stories) == 1 for stories in by_event.values()), "an event is split"
    assert len(by_story) == len({x.event for x in stream})


def test_near_duplicates_are_linked_not_merged(stream_db: Path, stream: list[Labelled]) -> None:
    copies = {x.document.origin: x.copy_of for x in stream}
    assert sum(1 for c in copies.values() if c) >= 5
    with Store(stream_db) as store:
        stories = store.stories()
        origin_of = {a.id: a.origin for s in stories for a in s.articles}
        kinds = dict(store.db.execute("SELECT origin, duplicate_kind FROM articles"))
        for story in stories:
            for article in story.articles:
                expected = copies[article.origin]
                if expected is None:
                    assert article.duplicate_of is None, f"{article.origin} wrongly a copy"
                else:
                    assert article.duplicate_of is not None
                    assert origin_of[article.duplicate_of] == expected
                    originals = {a.id for a in story.articles}
                    assert article.duplicate_of in originals  # same story as its original
            distinct = [a for a in story.articles if a.duplicate_of is None]
            assert story.size == len(distinct)
            assert len(store.story_documents(story.id)) == len(distinct)
    assert {"exact", "near"} <= set(kinds.values())


def test_every_input_is_accounted_for(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Officials in Velmora said the river rose overnight.\n")
    (folder / "empty.txt").write_text("")
    (folder / "README.md").write_text("not an article")
    (folder / "image.png").write_bytes(b"\x89PNG")
    db = tmp_path / "news.db"
    report = ingest([str(folder), str(tmp_path / "missing.txt")], db)
    assert report.counts == {"stored": 1, "skipped": 4}
    with sqlite3.connect(db) as con:
        rows = dict(
            con.execute("SELECT input, outcome || ': ' || coalesce(reason, '') FROM inputs")
        )
    assert rows[str(folder / "empty.txt")] == "skipped: empty file"
    assert "README" in rows[str(folder / "README.md")]
    assert "not an article file type" in rows[str(folder / "image.png")]
    assert "no such file" in rows[str(tmp_path / "missing.txt")]
    assert rows[str(folder / "a.txt")] == "stored: "


def test_an_article_given_twice_in_one_run_is_stored_once(tmp_path: Path) -> None:
    document = next(iter(synthetic_stream(1, seed=3))).document
    report = ingest_documents([document, document], tmp_path / "news.db")
    assert report.counts == {"stored": 1, "already stored": 1}


def test_inputs_too_long_for_a_news_article_are_skipped(tmp_path: Path) -> None:
    from dataclasses import replace

    from newsweave.article_limits import MAX_ARTICLE_CHARACTERS, MAX_ARTICLE_SENTENCES

    article = next(iter(synthetic_stream(1, seed=3))).document
    many = " ".join(f"Rescuers reached street {n}." for n in range(MAX_ARTICLE_SENTENCES + 5))
    huge = "x" * (MAX_ARTICLE_CHARACTERS + 1)
    documents = [
        article,
        replace(article, body=many, origin="many.txt"),
        replace(article, body=huge, origin="huge.txt"),
    ]
    report = ingest_documents(documents, tmp_path / "news.db")
    assert report.counts == {"stored": 1, "skipped": 2}
    reasons = {s.input: s.reason for s in report.skipped}
    assert reasons["many.txt"].startswith("too long for a news article: 2,005 sentences")
    assert reasons["huge.txt"].startswith("too long for a news article: 1,000,001 characters")


def test_the_limits_apply_to_the_cleaned_text_whatever_its_count_of_stops(tmp_path: Path) -> None:
    from dataclasses import replace

    from newsweave.article_limits import MAX_ARTICLE_CHARACTERS, MAX_ARTICLE_SENTENCES
    from newsweave.text import most_sentences

    article = next(iter(synthetic_stream(1, seed=3))).document
    # many stops, few sentences: counted, and stored
    stops = " ".join(
        f"Envoys of the U.S. and the U.K. met at 2.5 p.m. in room {n}." for n in range(300)
    )
    assert most_sentences(stops) > MAX_ARTICLE_SENTENCES > len(split_sentences(stops))
    # a body just under the limit, whose ten paragraphs cleaning joins with blank lines
    words = "x" * (MAX_ARTICLE_CHARACTERS // 10 - 40)
    paragraphs = [f"In paragraph {n} the {words} rose again." for n in range(10)]
    short = MAX_ARTICLE_CHARACTERS - 5 - len("\n".join(paragraphs))
    paragraphs[-1] = paragraphs[-1][:-12] + "x" * short + " rose again."
    lengthened = "\n".join(paragraphs)
    assert len(lengthened) == MAX_ARTICLE_CHARACTERS - 5
    documents = [
        replace(article, body=stops, origin="stops.txt"),
        replace(article, body=lengthened, origin="lengthened.txt"),
    ]
    report = ingest_documents(documents, tmp_path / "news.db")
    assert report.counts == {"stored": 1, "skipped": 1}
    ((skipped, reason),) = [(s.input, s.reason) for s in report.skipped]
    assert skipped == "lengthened.txt" and reason.startswith("too long for a news article: 1,000,0")
