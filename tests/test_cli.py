"""The command line as a user runs it: a real subprocess, real files, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

import newsweave


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsweave", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


def test_digest_without_path_runs_the_sample_and_matches_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "digest.json"
    result = run("digest", "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text("utf-8"))
    schema = json.loads(run("schema").stdout)
    jsonschema.validate(document, schema)
    assert len(document["articles"]) == 5
    assert document["summary"]
    # without --quiet it says what it wrote; with it, only that text piped in is not read
    assert "wrote" in result.stderr
    quiet = run("digest", "--quiet", "--ner", "rules", "-o", str(out), stdin="some text")
    assert quiet.returncode == 0
    assert quiet.stderr.splitlines() == [
        "newsweave: no PATH given: digesting the bundled sample (use - to read stdin)"
    ]


def test_demo_prints_markdown_with_citations() -> None:
    result = run("demo", "--words", "80")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ")
    assert "## Summary" in result.stdout and "## Sources" in result.stdout
    assert "[1]" in result.stdout


def test_stdin_is_read_with_dash() -> None:
    text = (newsweave.sample_path() / "kestrel24.txt").read_text("utf-8")
    result = run("digest", "-", "--format", "json", stdin=text)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert [a["origin"] for a in document["articles"]] == ["stdin"]


def test_missing_path_is_one_line_error_with_nonzero_exit(tmp_path: Path) -> None:
    result = run("digest", str(tmp_path / "absent.txt"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("newsweave: error: no articles to digest")
    assert "Traceback" not in result.stderr


def test_debug_shows_traceback(tmp_path: Path) -> None:
    result = run("digest", str(tmp_path / "absent.txt"), "--debug")
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_skipped_inputs_are_reported_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    sample = str(newsweave.sample_path())
    result = run("digest", sample, str(tmp_path / "empty.txt"), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "skipped" in result.stderr and "empty.txt: empty file" in result.stderr
    document = json.loads(result.stdout)
    assert any(s["reason"] == "empty file" for s in document["skipped"])


def test_bad_word_budget_is_rejected_as_an_invalid_argument() -> None:
    for words in ("3", "-5", "ten"):
        result = run("digest", "--words", words)
        assert result.returncode == 2, words
        assert "--words: expected a whole number of words, at least 10" in result.stderr


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    # "newsweave digest --format json | head": stdout is a pipe nobody reads any more
    script = (
        "import os, sys\n"
        "from newsweave.cli import main\n"
        "read, write = os.pipe()\n"
        "os.close(read)\n"
        "os.dup2(write, 1)\n"
        "sys.exit(main(['digest', '--format', 'json', '--quiet']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 141
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_help_has_examples() -> None:
    result = run("digest", "--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout and "--words" in result.stdout


def test_unwritable_output_is_one_line_error(tmp_path: Path) -> None:
    result = run("digest", "-o", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("newsweave: error: cannot write")
    assert "Traceback" not in result.stderr


def test_max_size_must_be_a_positive_finite_number() -> None:
    for value in ("nan", "inf", "-1", "ten"):
        result = run("digest", "--max-size", value)
        assert result.returncode == 2, value
        assert "positive number of MB" in result.stderr


def test_closed_stdin_without_dash_still_digests() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.stdin = None; from newsweave.cli import main; "
            "raise SystemExit(main(['digest', '--format', 'json', '--quiet']))",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles"]


def test_rules_only_entities_and_the_timeline_come_through_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "digest.json"
    result = run("digest", "--ner", "rules", "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text("utf-8"))
    names = {e["name"] for e in document["entities"]}
    assert {"Lazar Zhivkan", "Orvenian Rescue Service", "Velmóra"} <= names
    assert any(
        e["date"] == "2025-03-10" and len(e["article_ids"]) >= 4 for e in document["timeline"]
    )
    bad = run("digest", "--ner", "bert")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_serve_is_a_command_with_a_loopback_default() -> None:
    from newsweave.cli import build_parser

    args = build_parser().parse_args(["serve", "--port", "0"])
    assert (args.command, args.host, args.port) == ("serve", "127.0.0.1", 0)
    assert "serve" in run("--help").stdout


def test_a_publication_date_at_the_calendar_edge_is_no_date(tmp_path: Path) -> None:
    # "0001-01-01" minus "last week" is no date Python can hold: the header is read as no
    # publication date at all, not a crash
    old = tmp_path / "old.txt"
    old.write_text(
        "date 0001-01-01 PARIS : Forty people died last week in the flood, officials said, "
        "and the dam will be rebuilt in two years.\n",
        encoding="utf-8",
    )
    result = run("digest", str(old), "--format", "json", "--quiet")
    assert result.returncode == 0, result.stderr
    (article,) = json.loads(result.stdout)["articles"]
    assert article["published"] != "0001-01-01"
