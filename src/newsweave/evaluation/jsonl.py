"""Reader for evaluation clusters in JSON Lines: one cluster per line.

    {"id": "bridge", "language": "en",
     "documents": ["text", {"text": "...", "title": "...", "published": "1998-10-16",
                            "source": "...", "url": "..."}],
     "references": ["a human summary", "another one"]}

`id` is a string or an integer; `language` (an ISO 639-1 code or a tag such as "en-GB") is
optional and defaults to the reader's `language`. A document is a string or an object with
`text` and optionally `title`, `published` (or `date`), `source` and `url`; other fields are
ignored. Blank lines are ignored; clusters keep the order of the file.

Evaluation data must be complete, so nothing is skipped: a line that is not valid JSON, a
cluster without an id, without documents or without references, an empty document or
reference, a field of the wrong type, a date that cannot be read, or an id used twice raises
InputError naming the file and the line (counted from 1). A document's origin is
"<path>:<line>#<n>", n counting the cluster's documents from 0.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newsweave.errors import ConfigError, InputError
from newsweave.evaluation.cluster import Cluster
from newsweave.ingest.decode import decode_text
from newsweave.ingest.metadata import clean_string, iso_date, language_code
from newsweave.model import Document

_OPTIONAL_TEXT = ("title", "source", "url")
_DATE_FIELDS = ("published", "date")


class _LineError(Exception):
    """A problem with one line; read_jsonl adds the path and line number."""


def read_jsonl(path: Path, *, language: str = "en") -> list[Cluster]:
    """The clusters in a JSON Lines file, in file order (see the module docstring)."""
    default = language_code(language)
    if default is None:
        raise ConfigError(f"language must be an ISO 639-1 code such as 'en', not {language!r}")
    try:
        text = decode_text(path.read_bytes())
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from error
    except InputError as error:
        raise InputError(f"{path}: {error}") from error
    clusters: list[Cluster] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        if not line.strip():
            continue
        try:
            cluster = _cluster(line, f"{path}:{number}", default)
            if cluster.id in first_line:
                raise _LineError(
                    f"cluster id {cluster.id!r} is already used on line {first_line[cluster.id]}"
                )
        except _LineError as error:
            raise InputError(f"{path} line {number}: {error}") from None
        first_line[cluster.id] = number
        clusters.append(cluster)
    if not clusters:
        raise InputError(f"{path}: no clusters (the file is empty)")
    return clusters


def _cluster(line: str, origin: str, default_language: str) -> Cluster:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise _LineError(f"invalid JSON: {error.msg} (column {error.colno})") from None
    except RecursionError:
        raise _LineError("invalid JSON: nested too deeply") from None
    if not isinstance(record, Mapping):
        raise _LineError("not a JSON object")
    cluster_id = _id(record.get("id"))
    language = default_language
    if record.get("language") is not None:
        code = language_code(record["language"])
        if code is None:
            raise _LineError(f"language {record['language']!r} is not an ISO 639-1 code")
        language = code
    documents = _list(record, "documents")
    references = _list(record, "references")
    return Cluster(
        id=cluster_id,
        language=language,
        documents=tuple(
            _document(value, index, f"{origin}#{index}", language)
            for index, value in enumerate(documents)
        ),
        references=tuple(
            _text(value, f"references[{index}]") for index, value in enumerate(references)
        ),
    )


def _id(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    if value is None:
        raise _LineError('no "id"')
    raise _LineError(f'"id" must be a non-empty string or an integer, not {value!r}')


def _list(record: Mapping[str, Any], name: str) -> list[Any]:
    value = record.get(name)
    if value is None:
        raise _LineError(f'no "{name}"')
    if not isinstance(value, list):
        raise _LineError(f'"{name}" must be a list')
    if not value:
        raise _LineError(f'"{name}" is an empty list')
    return value


def _text(value: Any, what: str) -> str:
    """A non-blank string, with Windows line ends and surrounding whitespace removed."""
    if not isinstance(value, str):
        raise _LineError(f"{what} must be a string, not {type(value).__name__}")
    text = value.replace("\r\n", "\n").strip()
    if not text:
        raise _LineError(f"{what} is empty")
    return text


def _document(value: Any, index: int, origin: str, language: str) -> Document:
    what = f"documents[{index}]"
    if isinstance(value, str):
        return Document(origin=origin, format="jsonl", body=_text(value, what), language=language)
    if not isinstance(value, Mapping):
        raise _LineError(f'{what} must be a string or an object with "text"')
    if value.get("text") is None:
        raise _LineError(f'{what} has no "text"')
    fields: dict[str, str | None] = {}
    for name in _OPTIONAL_TEXT:  # absent, null or blank: None
        found = value.get(name)
        if found is not None and not isinstance(found, str):
            raise _LineError(f"{what}.{name} must be a string, not {type(found).__name__}")
        fields[name] = clean_string(found)
    dates = [(name, value[name]) for name in _DATE_FIELDS if value.get(name) is not None]
    published = iso_date(dates[0][1]) if dates else None
    if dates and published is None:
        raise _LineError(f"{what}.{dates[0][0]} is not a readable date: {dates[0][1]!r}")
    return Document(
        origin=origin,
        format="jsonl",
        body=_text(value["text"], f"{what}.text"),
        title=fields["title"],
        source=fields["source"],
        url=fields["url"],
        published=published,
        language=language,
    )
