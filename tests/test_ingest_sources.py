"""Reading paths, directories and stdin: order, limits, and every skipped input reported."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from newsweave.errors import ConfigError
from newsweave.ingest import IngestOptions, ReadResult, read_sources

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
STORY = b"The Lowtown tram line was approved on Monday by 31 votes to 9.\n"


def make(path: Path, data: bytes = STORY) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def reasons(result: ReadResult) -> list[tuple[str, str]]:
    return [(s.input, s.reason) for s in result.skipped]


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "cluster"
    b = make(root / "b.txt")
    a = make(root / "a.md")
    nested = make(root / "sub" / "deeper" / "c.txt")
    plain = make(root / "sub" / "noext")
    readme = make(root / "README.md")
    licence = make(root / "sub" / "LICENSE")
    png = make(root / "sub" / "photo.png", b"\x89PNG\r\n\x1a\n")
    pdf = make(root / "scan.PDF", b"%PDF-1.7")
    feed = make(root / "news.rss", b"<rss><channel></channel></rss>")
    hidden_file = make(root / ".notes.txt")
    make(root / ".git" / "config.txt")
    empty = make(root / "sub" / "empty.txt", b"")
    result = read_sources([str(root)])
    assert [d.origin for d in result.documents] == [a, b, nested, plain]
    assert reasons(result) == [
        (str(root / ".git"), "hidden directory, not read"),
        (hidden_file, "hidden file, not read"),
        (readme, "README file, not an article"),
        (feed, "a feed: in a folder only articles are read; name it to 'newsweave ingest'"),
        (
            pdf,
            "not an article file type (.pdf): in a folder, files are read by "
            "type; name the file itself to read it as text",
        ),
        (licence, "LICENSE file, not an article"),
        (empty, "empty file"),
        (
            png,
            "not an article file type (.png): in a folder, files are read by "
            "type; name the file itself to read it as text",
        ),
    ]


def test_directory_without_article_files_is_skipped(tmp_path: Path) -> None:
    root = tmp_path / "assets"
    readme = make(root / "README.txt")
    png = make(root / "logo.png", b"\x89PNG")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    result = read_sources([root, empty_dir])
    assert result.documents == []
    assert reasons(result) == [
        (readme, "README file, not an article"),
        (
            png,
            "not an article file type (.png): in a folder, files are read by "
            "type; name the file itself to read it as text",
        ),
        (str(root), "no article read from this directory"),
        (str(empty_dir), "no article read from this directory"),
    ]


def test_explicit_paths_are_always_attempted(tmp_path: Path) -> None:
    readme = make(tmp_path / "README.md")
    png = make(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    result = read_sources([readme, png])
    assert [d.origin for d in result.documents] == [readme]
    assert reasons(result) == [(png, "binary file, not text")]


def test_missing_path_does_not_lose_the_others(tmp_path: Path) -> None:
    first = make(tmp_path / "first.txt")
    last = make(tmp_path / "last.txt")
    missing = str(tmp_path / "missing.txt")
    result = read_sources([last, missing, first])
    assert [d.origin for d in result.documents] == [last, first]
    assert reasons(result) == [(missing, "no such file or directory")]


def test_a_url_says_that_digest_reads_files_and_how_to_fetch_it(tmp_path: Path) -> None:
    first = make(tmp_path / "first.txt")
    result = read_sources(["http://127.0.0.1:9/x", first])
    assert [d.origin for d in result.documents] == [first]
    ((url, reason),) = reasons(result)
    assert url == "http://127.0.0.1:9/x"
    assert reason.startswith("a URL: digest reads files") and "newsweave ingest URL" in reason


def test_file_above_the_limit_is_skipped_without_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: instant, and never read
    small = make(tmp_path / "small.txt")
    result = read_sources([huge, small])
    assert [d.origin for d in result.documents] == [small]
    assert reasons(result) == [
        (str(huge), "file is 50.0 MB, above the 20 MB limit (raise it with --max-size)")
    ]
    tight = read_sources([small], options=IngestOptions(max_bytes=32))
    assert reasons(tight) == [
        (small, f"file is {len(STORY)} bytes, above the 32 bytes limit (raise it with --max-size)")
    ]
    kb = make(tmp_path / "kb.txt", STORY * 40)
    assert reasons(read_sources([kb], options=IngestOptions(max_bytes=1024)))[0][1] == (
        "file is 2.5 KB, above the 1 KB limit (raise it with --max-size)"
    )


def test_limit_must_be_positive() -> None:
    with pytest.raises(ConfigError):
        IngestOptions(max_bytes=0)


def test_stdin_is_read_from_the_given_stream(tmp_path: Path) -> None:
    before = make(tmp_path / "before.txt")
    result = read_sources([before, "-", "-"], stdin=io.BytesIO(STORY))
    assert [(d.origin, d.format, d.body) for d in result.documents] == [
        (before, "text", STORY.decode()),
        ("stdin", "text", STORY.decode()),
    ]
    assert reasons(result) == [("stdin", 'stdin was already read ("-" given more than once)')]


def test_stdin_empty_or_too_large() -> None:
    empty = read_sources(["-"], stdin=io.BytesIO(b"\n \n"))
    assert reasons(empty) == [("stdin", "empty input (nothing on stdin)")]
    large = read_sources(["-"], stdin=io.BytesIO(STORY), options=IngestOptions(max_bytes=10))
    assert reasons(large) == [
        ("stdin", "stdin is above the 10 bytes limit (raise it with --max-size)")
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_unreadable_and_special_files_in_a_directory(tmp_path: Path) -> None:
    root = tmp_path / "dir"
    make(root / "story.txt")
    os.mkfifo(root / "pipe")
    os.symlink(root / "gone.txt", root / "dangling.txt")
    result = read_sources([root])
    assert [d.origin for d in result.documents] == [str(root / "story.txt")]
    assert reasons(result) == [
        (str(root / "dangling.txt"), "no such file or directory"),
        (str(root / "pipe"), "not a regular file"),
    ]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
def test_seed_cluster() -> None:
    result = read_sources([SEEDS])
    assert len(result.documents) == 5
    assert {d.format for d in result.documents} == {"text"}
    assert reasons(result) == [(str(SEEDS / "README.md"), "README file, not an article")]
    for doc in result.documents:
        raw = Path(doc.origin).read_text(encoding="utf-8")
        assert doc.body == raw.replace("\r\n", "\n")


def test_a_single_path_string_is_one_input(tmp_path: Path) -> None:
    # a str is a Sequence[str]: it must not be read character by character
    path = make(tmp_path / "only.txt")
    assert [d.origin for d in read_sources(path).documents] == [path]
