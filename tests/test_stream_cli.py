"""`newsweave ingest`, `newsweave stories` and `newsweave digest --story` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.cli import main
from newsweave.sample import sample_path
from newsweave.stream import Store


def test_ingest_stories_and_digest_a_story(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "news.db")
    assert main(["ingest", str(sample_path()), "--db", db, "--workers", "1", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "5 inputs: 5 stored, 0 duplicates, 0 already stored, 0 skipped; 1 new story," in out

    assert main(["stories", "--db", db, "--format", "json"]) == 0
    stories = json.loads(capsys.readouterr().out)
    assert len(stories) == 1
    story = stories[0]
    assert set(story) == {
        "id",
        "title",
        "size",
        "first_date",
        "last_date",
        "top_entities",
        "articles",
        "languages",
    }
    assert story["size"] == 5 and len(story["articles"]) == 5
    assert story["languages"] == ["en"]
    assert set(story["articles"][0]) == {
        "id",
        "source",
        "origin",
        "title",
        "published",
        "duplicate_of",
        "url",
        "language",
    }
    assert any(a["url"] for a in story["articles"])  # arclight_wire.json gives its URL

    assert main(["stories", "--db", db]) == 0
    table = capsys.readouterr().out
    assert table.startswith(f"{story['id']}  5 articles  2025-03-10 to 2025-03-11  en  ")
    assert "entities: " in table and "arclight_wire.json" in table

    assert main(["digest", "--story", story["id"], "--db", db, "--format", "json"]) == 0
    digest = json.loads(capsys.readouterr().out)
    assert len(digest["articles"]) == 5

    assert main(["ingest", str(sample_path()), "--db", db, "--workers", "1", "--quiet"]) == 0
    assert "5 already stored" in capsys.readouterr().out


def test_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "none.db")
    assert main(["stories", "--db", db]) == 1
    assert "no store at" in capsys.readouterr().err
    assert not Path(db).exists()
    assert main(["ingest", str(sample_path()), "--db", db, "--workers", "1", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["digest", "--story", "st000", "--db", db]) == 1
    assert "no story st000" in capsys.readouterr().err
    assert main(["digest", "a.txt", "--story", "st000", "--db", db]) == 1
    assert "either --story or PATHs" in capsys.readouterr().err


def test_a_story_of_one_article_says_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "one.db")
    one = next(sample_path().glob("arclight*"))
    assert main(["ingest", str(one), "--db", db, "--workers", "1", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["stories", "--db", db]) == 0
    first_line = capsys.readouterr().out.splitlines()[0]
    assert "  1 article  2025-03-10  " in first_line


def test_an_ingest_that_reads_nothing_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "news.db")
    missing = str(tmp_path / "missing.txt")
    assert main(["ingest", missing, "--db", db, "--workers", "1", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "no input could be read" in err
    # nor is a feed with no entries yet: it is quiet, not broken
    quiet = tmp_path / "quiet.rss"
    quiet.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Herald</title>'
        "</channel></rss>",
        encoding="utf-8",
    )
    assert main(["ingest", str(quiet), "--db", db, "--workers", "1", "--quiet"]) == 0
    assert "feed has no entries" in capsys.readouterr().err
    # also when its declared encoding is off: feedparser still reads it as RSS
    ascii_quiet = tmp_path / "ascii.rss"
    ascii_quiet.write_bytes(
        b'<?xml version="1.0" encoding="us-ascii"?><rss version="2.0"><channel>'
        b"<title>Caf\xc3\xa9</title></channel></rss>"
    )
    assert main(["ingest", str(ascii_quiet), "--db", db, "--workers", "1", "--quiet"]) == 0
    # but one that cannot be parsed is broken
    broken = tmp_path / "broken.rss"
    broken.write_text("<html><body>502 Bad Gateway</body></html>", encoding="utf-8")
    assert main(["ingest", str(broken), "--db", db, "--workers", "1", "--quiet"]) == 1
    assert "feed could not be read" in capsys.readouterr().err
    # a re-run of inputs already stored is no failure
    assert main(["ingest", str(sample_path()), "--db", db, "--workers", "1", "--quiet"]) == 0
    assert main(["ingest", str(sample_path()), "--db", db, "--workers", "1", "--quiet"]) == 0


def test_ingest_keeps_sentences_only_when_asked(tmp_path: Path) -> None:
    import sqlite3

    lazy, eager = str(tmp_path / "lazy.db"), str(tmp_path / "eager.db")
    assert main(["ingest", str(sample_path()), "--db", lazy, "--workers", "1", "--quiet"]) == 0
    args = ["ingest", str(sample_path()), "--db", eager, "--workers", "1", "--quiet"]
    assert main([*args, "--sentences"]) == 0
    with sqlite3.connect(lazy) as con:
        assert {r[0] for r in con.execute("SELECT sentences FROM articles")} == {"[]"}
    with sqlite3.connect(eager) as con:
        rows = con.execute("SELECT id, sentences FROM articles").fetchall()
    assert len(rows) == 5 and all(len(json.loads(spans)) > 5 for _, spans in rows)
    with Store(lazy) as store:  # what a read splits is what the ingest kept
        assert all(store.sentences(a) == [tuple(s) for s in json.loads(k)] for a, k in rows)


def test_nothing_readable_makes_no_new_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty, binary = tmp_path / "empty", tmp_path / "x.bin"
    empty.mkdir()
    binary.write_bytes(b"\x00\x01\x02")
    db = tmp_path / "news.db"
    assert main(["ingest", str(empty), "--db", str(db), "--workers", "1", "--quiet"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        f"newsweave: error: no input could be read ({empty}: no article read from this directory);"
        f" no store was made at {db}"
    )
    args = ["ingest", str(binary), str(empty), "--db", str(db), "--workers", "1", "--quiet"]
    assert main(args) == 1
    assert capsys.readouterr().err.strip().endswith(f"; 1 more); no store was made at {db}")
    assert not db.exists() and not Path(f"{db}.lock").exists()
    # into a store that exists, the unreadable inputs are a run of their own, accounted for
    assert main(["ingest", str(sample_path()), "--db", str(db), "--workers", "1", "--quiet"]) == 0
    assert main(args) == 1
    assert "error: no input could be read" in capsys.readouterr().err
    with Store(db) as store:
        skipped = "SELECT input, reason FROM inputs WHERE outcome = 'skipped'"
        reasons = dict(store.db.execute(skipped))
    assert reasons == {
        str(binary): "binary file, not text",
        str(empty): "no article read from this directory",
    }
    missing = tmp_path / "nowhere" / "news.db"
    assert main(["ingest", str(sample_path()), "--db", str(missing), "--quiet"]) == 1
    assert capsys.readouterr().err.strip().endswith(f"{missing.parent} is not a folder")
    # a feed with no entries is quiet, not unreadable, but not beside an unreadable input
    quiet = tmp_path / "quiet.rss"
    quiet.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Herald</title></channel></rss>',
        encoding="utf-8",
    )
    fresh = tmp_path / "fresh.db"
    args = ["ingest", str(binary), str(quiet), "--db", str(fresh), "--workers", "1", "--quiet"]
    assert main(args) == 1 and not fresh.exists()
    assert capsys.readouterr().err.strip().endswith(f"no store was made at {fresh}")
    assert main(["ingest", str(quiet), "--db", str(fresh), "--quiet"]) == 0 and fresh.exists()
