"""JSON and JSON Lines articles: one object, a list of objects, or one object per line.

Field names are matched case-insensitively; the first field present with a usable value
wins. A record without text is skipped alone, naming the fields that were looked for.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from newsweave.errors import InputError
from newsweave.ingest.metadata import clean_string, iso_date, language_code
from newsweave.ingest.result import ReadResult
from newsweave.model import Document, Skipped

TEXT_FIELDS = ("text", "body", "content", "article", "maintext")
TITLE_FIELDS = ("title", "headline")
SOURCE_FIELDS = ("source", "outlet", "publisher", "site_name", "sitename")
URL_FIELDS = ("url", "link")
DATE_FIELDS = (
    "published",
    "date",
    "published_at",
    "publish_date",
    "pubDate",
    "datePublished",
    "publishedAt",
    "date_publish",
)
LANGUAGE_FIELDS = ("language", "lang")
LIST_FIELDS = ("articles", "documents", "items")
T = TypeVar("T")

NO_TEXT = "JSON record has no article text (looked for fields: " + ", ".join(TEXT_FIELDS) + ")"
NOT_OBJECT = "JSON record is not an object"


def _field(record: Mapping[str, Any], names: tuple[str, ...]) -> list[Any]:
    """The values of the first-to-last matching fields, in the order of `names`."""
    lowered = {key.lower(): value for key, value in record.items() if isinstance(key, str)}
    return [lowered[name.lower()] for name in names if name.lower() in lowered]


def _body(value: Any) -> str | None:
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        value = "\n\n".join(value)
    if isinstance(value, str) and value.strip():
        return value.replace("\r\n", "\n")
    return None


def _name(value: Any) -> str | None:
    """A name given as a string or as an object such as {"name": "Reuters"}."""
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("title")
    return clean_string(value)


def _first(values: list[Any], convert: Callable[[Any], T | None]) -> T | None:
    for value in values:
        converted = convert(value)
        if converted is not None:
            return converted
    return None


def record_document(record: object, origin: str, fmt: str) -> Document:
    """The document in one JSON object; raises InputError when it has no article text."""
    if not isinstance(record, Mapping):
        raise InputError(NOT_OBJECT)
    body = _first(_field(record, TEXT_FIELDS), _body)
    if body is None:
        raise InputError(NO_TEXT)
    return Document(
        origin=origin,
        format=fmt,
        body=body,
        title=_first(_field(record, TITLE_FIELDS), clean_string),
        source=_first(_field(record, SOURCE_FIELDS), _name),
        url=_first(_field(record, URL_FIELDS), clean_string),
        published=_first(_field(record, DATE_FIELDS), iso_date),
        language=_first(_field(record, LANGUAGE_FIELDS), language_code),
    )


def _read_records(records: list[Any], origin: str, fmt: str) -> ReadResult:
    result = ReadResult()
    for index, record in enumerate(records):
        record_origin = f"{origin}#{index}"
        try:
            result.documents.append(record_document(record, record_origin, fmt))
        except InputError as error:
            result.skipped.append(Skipped(input=record_origin, reason=str(error)))
    return result


def _records_of(data: Any) -> list[Any]:
    """The list of records under an object's `articles`/`documents`/`items` field, or a list."""
    if isinstance(data, list):
        return data
    if isinstance(data, Mapping):
        for values in _field(data, LIST_FIELDS):
            if isinstance(values, list):
                return values
        raise InputError(
            "JSON has no article text (looked for fields: "
            + ", ".join(TEXT_FIELDS)
            + "; or a list under: "
            + ", ".join(LIST_FIELDS)
            + ")"
        )
    kind = "a string" if isinstance(data, str) else "null" if data is None else "a number"
    raise InputError(f"JSON holds {kind}, not an article object or a list of them")


def read_json(text: str, origin: str) -> ReadResult:
    """The articles in a JSON document (falls back to JSON Lines for one object per line).

    A single article object gives one document with `origin` as is; a list, or an object
    with a list under `articles`/`documents`/`items`, gives `origin#N` per record.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":
            lines = read_jsonl(text, origin)
            if lines.documents:
                return lines
        raise InputError(
            f"invalid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from error
    except RecursionError as error:
        raise InputError("invalid JSON: nested too deeply") from error
    if isinstance(data, Mapping) and _first(_field(data, TEXT_FIELDS), _body) is not None:
        return ReadResult(documents=[record_document(data, origin, "json")])
    records = _records_of(data)
    if not records:
        raise InputError("JSON holds an empty list of articles")
    return _read_records(records, origin, "json")


def read_jsonl(text: str, origin: str) -> ReadResult:
    """One document per line; a bad line is skipped alone as `origin#N` (N counts lines from 0).

    Blank lines are ignored.
    """
    result = ReadResult()
    for index, line in enumerate(text.replace("\r\n", "\n").split("\n")):
        if not line.strip():
            continue
        record_origin = f"{origin}#{index}"
        line_number = f"line {index + 1}"  # what an editor shows, where "#N" counts from 0
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problem = f"{error.msg} (column {error.colno})"
            reason = f"invalid JSON Lines record ({line_number}): {problem}"
            result.skipped.append(Skipped(input=record_origin, reason=reason))
            continue
        except RecursionError:
            reason = f"invalid JSON Lines record ({line_number}): nested too deeply"
            result.skipped.append(Skipped(input=record_origin, reason=reason))
            continue
        try:
            result.documents.append(record_document(record, record_origin, "jsonl"))
        except InputError as error:
            reason = f"{error} ({line_number})"
            result.skipped.append(Skipped(input=record_origin, reason=reason))
    return result
