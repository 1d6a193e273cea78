"""JSON and JSON Lines inputs: field names, record origins, bad records skipped alone."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.ingest import read_bytes, read_sources, source_label

DATA = Path(__file__).parent / "data" / "ingest"
NO_TEXT = (
    "JSON record has no article text (looked for fields: text, body, content, article, maintext)"
)


def write_json(tmp_path: Path, name: str, value: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(value), encoding="utf-8")
    return str(path)


def test_single_object_with_metadata() -> None:
    path = str(DATA / "article.json")
    result = read_sources([path])
    assert result.skipped == []
    [doc] = result.documents
    assert (doc.origin, doc.format) == (path, "json")
    assert doc.body.startswith("Lowtown Central Library will stay open until 9 p.m.")
    assert "\r" not in doc.body and "\n\nThe change follows a petition" in doc.body
    assert doc.title == "Lowtown library extends opening hours"
    assert doc.source == "Lowtown Ledger"
    assert doc.url == "https://www.lowtownledger.example/library-hours"
    assert (doc.published, doc.language) == ("2024-05-06", "en")


def test_jsonl_with_a_broken_line_keeps_the_others() -> None:
    path = str(DATA / "articles.jsonl")
    result = read_sources([path])
    docs = result.documents
    assert [d.origin for d in docs] == [f"{path}#0", f"{path}#1", f"{path}#3"]
    assert {d.format for d in docs} == {"jsonl"}
    assert [(d.title, d.source, d.published, d.language) for d in docs] == [
        ("Ferry service to Isle Carrow suspended", "Carrow Courier", "2024-03-12", "en"),
        ("Ferry to Carrow halted by steering fault", None, "2024-03-12", None),
        ("Carrow ferry back in service", "The Sound Gazette", "2024-03-13", None),
    ]
    assert [source_label(d) for d in docs] == [
        "Carrow Courier",
        "northsoundnews.example",
        "The Sound Gazette",
    ]
    [skipped] = result.skipped
    assert skipped.input == f"{path}#2"
    assert skipped.reason.startswith("invalid JSON Lines record (line 3): Unterminated string")


def test_list_and_container_objects_give_numbered_records(tmp_path: Path) -> None:
    records = [
        {"Title": "One", "maintext": "First story text."},
        {"title": "No text here", "summary": "only a summary"},
        "not an object",
        {"body": ["Para one.", "Para two."], "date": 1710201600},
    ]
    listed = write_json(tmp_path, "list.json", records)
    wrapped = write_json(tmp_path, "wrapped.json", {"status": "ok", "articles": records})
    for path in (listed, wrapped):
        result = read_sources([path])
        assert [(d.origin, d.format) for d in result.documents] == [
            (f"{path}#0", "json"),
            (f"{path}#3", "json"),
        ]
        assert result.documents[0].title == "One"
        assert result.documents[1].body == "Para one.\n\nPara two."
        assert result.documents[1].published == "2024-03-12"
        assert [(s.input, s.reason) for s in result.skipped] == [
            (f"{path}#1", NO_TEXT),
            (f"{path}#2", "JSON record is not an object"),
        ]


def test_items_and_documents_keys(tmp_path: Path) -> None:
    for key in ("items", "documents"):
        path = write_json(tmp_path, f"{key}.json", {key: [{"text": "A story."}]})
        assert [d.origin for d in read_sources([path]).documents] == [f"{path}#0"]


def test_invalid_json_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"title": "x", "text": ', encoding="utf-8")
    result = read_sources([path])
    assert result.documents == []
    assert [(s.input, s.reason) for s in result.skipped] == [
        (str(path), "invalid JSON: Expecting value (line 1, column 24)")
    ]


def test_json_without_text_names_the_fields_looked_for(tmp_path: Path) -> None:
    path = write_json(tmp_path, "meta.json", {"title": "Only a title", "url": "https://x.example"})
    [skipped] = read_sources([path]).skipped
    assert skipped.reason == (
        "JSON has no article text (looked for fields: text, body, content, article, "
        "maintext; or a list under: articles, documents, items)"
    )
    empty = write_json(tmp_path, "empty.json", [])
    assert read_sources([empty]).skipped[0].reason == "JSON holds an empty list of articles"
    scalar = write_json(tmp_path, "scalar.json", "just a string")
    assert "JSON holds a string" in read_sources([scalar]).skipped[0].reason


def test_json_lines_in_a_json_file_and_on_stdin(tmp_path: Path) -> None:
    lines = (DATA / "articles.jsonl").read_bytes()
    misnamed = tmp_path / "export.json"
    misnamed.write_bytes(lines)
    result = read_sources([misnamed, "-"], stdin=io.BytesIO(lines))
    assert [(d.origin, d.format) for d in result.documents] == [
        (f"{misnamed}#0", "jsonl"),
        (f"{misnamed}#1", "jsonl"),
        (f"{misnamed}#3", "jsonl"),
        ("stdin#0", "jsonl"),
        ("stdin#1", "jsonl"),
        ("stdin#3", "jsonl"),
    ]
    assert [s.input for s in result.skipped] == [f"{misnamed}#2", "stdin#2"]


def test_read_bytes_on_json() -> None:
    docs = read_bytes(b'{"text": "A story.", "lang": "de"}', "memo", filename="memo.json")
    assert [(d.origin, d.format, d.body, d.language) for d in docs] == [
        ("memo", "json", "A story.", "de")
    ]
    with pytest.raises(InputError, match=r"^JSON record has no article text"):
        read_bytes(b'{"title": "x"}\n', "lines", filename="x.jsonl")
