"""JSON Lines evaluation clusters: fields, origins, languages, and every incomplete line refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.errors import ConfigError, InputError
from newsweave.evaluation.jsonl import read_jsonl

CLUSTERS = Path(__file__).parent / "data" / "eval" / "clusters.jsonl"
GOOD = {"id": "a", "documents": ["Text."], "references": ["Summary."]}


def write_lines(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "clusters.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_clusters_in_file_order() -> None:
    clusters = read_jsonl(CLUSTERS)
    assert [(c.id, c.language) for c in clusters] == [
        ("lowtown-bridge", "en"),
        ("7", "fr"),
        ("northvale-rail", "en"),
    ]
    assert clusters[0].references == (
        "The Quayside Bridge reopened after repairs costing $4.2 million.",
        "Commuters returned a day later.",
    )
    assert clusters[1].references == ("La bibliothèque ouvrira le dimanche.",)


def test_string_and_object_documents() -> None:
    first, second = read_jsonl(CLUSTERS)[0].documents
    assert first.origin == f"{CLUSTERS}:1#0"
    assert first.body == "The Quayside Bridge reopened on Friday.\n\nRepairs cost $4.2 million."
    assert (first.title, first.source, first.url, first.published) == (None, None, None, None)
    assert (first.format, first.language) == ("jsonl", "en")
    assert second.origin == f"{CLUSTERS}:1#1"
    assert second.body == "Commuters returned on Saturday."
    assert second.title == "Commuters return"
    assert second.source == "Lowtown Ledger"
    assert second.url == "https://ledger.example/bridge"
    assert second.published == "1998-10-17"


def test_line_numbers_count_blank_lines_and_language_reaches_documents() -> None:
    cluster = read_jsonl(CLUSTERS)[1]
    first, second = cluster.documents
    assert (first.origin, second.origin) == (f"{CLUSTERS}:3#0", f"{CLUSTERS}:3#1")
    assert (first.body, first.published, first.title) == (
        "La bibliothèque ouvre le dimanche.",
        "2022-02-07",
        None,
    )
    assert (second.body, second.published, second.language) == (
        "Les horaires changent en mars.",
        None,
        "fr",
    )


def test_default_language(tmp_path: Path) -> None:
    path = write_lines(tmp_path, json.dumps(GOOD), "", "   ", json.dumps({**GOOD, "id": "b"}))
    assert [(c.id, c.language) for c in read_jsonl(path, language="de")] == [
        ("a", "de"),
        ("b", "de"),
    ]
    with pytest.raises(ConfigError, match="ISO 639-1"):
        read_jsonl(path, language="?")


def test_windows_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "crlf.jsonl"
    line = json.dumps({**GOOD, "documents": ["One.\r\nTwo."]})
    path.write_bytes((line + "\r\n\r\n").encode("utf-8"))
    [cluster] = read_jsonl(path)
    assert cluster.documents[0].body == "One.\nTwo."


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "a", "documents": ["x"]', "invalid JSON: Expecting ',' delimiter (column 31)"),
        ('["a"]', "not a JSON object"),
        ('{"documents": ["x"], "references": ["y"]}', 'no "id"'),
        ('{"id": " ", "documents": ["x"], "references": ["y"]}', '"id" must be a non-empty'),
        ('{"id": true, "documents": ["x"], "references": ["y"]}', '"id" must be a non-empty'),
        ('{"id": "a", "references": ["y"]}', 'no "documents"'),
        ('{"id": "a", "documents": [], "references": ["y"]}', '"documents" is an empty list'),
        ('{"id": "a", "documents": "x", "references": ["y"]}', '"documents" must be a list'),
        ('{"id": "a", "documents": ["x"]}', 'no "references"'),
        ('{"id": "a", "documents": ["x"], "references": []}', '"references" is an empty list'),
        ('{"id": "a", "documents": ["x"], "references": [" "]}', "references[0] is empty"),
        ('{"id": "a", "documents": ["x"], "references": [3]}', "references[0] must be a string"),
        ('{"id": "a", "documents": ["x", ""], "references": ["y"]}', "documents[1] is empty"),
        ('{"id": "a", "documents": [5], "references": ["y"]}', "documents[0] must be a string or"),
        (
            '{"id": "a", "documents": [{"title": "t"}], "references": ["y"]}',
            'documents[0] has no "text"',
        ),
        (
            '{"id": "a", "documents": [{"text": "x", "title": 1}], "references": ["y"]}',
            "documents[0].title must be a string, not int",
        ),
        (
            '{"id": "a", "documents": [{"text": "x", "date": "07/02/2022"}], "references": ["y"]}',
            "documents[0].date is not a readable date: '07/02/2022'",
        ),
        (
            '{"id": "a", "language": "english", "documents": ["x"], "references": ["y"]}',
            "language 'english' is not an ISO 639-1 code",
        ),
    ],
)
def test_incomplete_line_is_an_error_with_its_number(
    tmp_path: Path, line: str, message: str
) -> None:
    path = write_lines(tmp_path, json.dumps(GOOD), "", line)
    with pytest.raises(InputError) as error:
        read_jsonl(path)
    assert str(error.value).startswith(f"{path} line 3: {message}")


def test_duplicate_id(tmp_path: Path) -> None:
    path = write_lines(tmp_path, json.dumps({**GOOD, "id": 7}), json.dumps({**GOOD, "id": "7"}))
    with pytest.raises(InputError) as error:
        read_jsonl(path)
    assert str(error.value) == f"{path} line 2: cluster id '7' is already used on line 1"


def test_empty_missing_and_binary_files(tmp_path: Path) -> None:
    empty = write_lines(tmp_path, "", " ")
    with pytest.raises(InputError) as error:
        read_jsonl(empty)
    assert str(error.value) == f"{empty}: no clusters (the file is empty)"
    missing = tmp_path / "missing.jsonl"
    with pytest.raises(InputError) as error:
        read_jsonl(missing)
    assert str(error.value) == f"cannot read {missing}: No such file or directory"
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\x00\x01\x02")
    with pytest.raises(InputError) as error:
        read_jsonl(binary)
    assert str(error.value) == f"{binary}: binary file, not text"
