"""Reading one input's bytes: decode, detect the format, hand over to that format's reader."""

from __future__ import annotations

from newsweave.errors import InputError
from newsweave.ingest.decode import decode_text
from newsweave.ingest.detect import detect_format, is_multinews_name, looks_like_feed
from newsweave.ingest.jsonfmt import read_json, read_jsonl
from newsweave.ingest.multinews import read_multinews
from newsweave.ingest.result import ReadResult
from newsweave.ingest.text import read_text
from newsweave.model import Document

EMPTY = "empty file"
FEED = (
    "an RSS/Atom feed, not an article: newsweave ingest reads its entries "
    "(then newsweave digest --story ID)"
)


def parse_bytes(data: bytes, origin: str, *, filename: str | None = None) -> ReadResult:
    """The documents in one input, and the records of it that were skipped.

    Raises InputError (one line) when the whole input is unusable: empty, binary, in an
    undetectable encoding, an HTML page without article text, JSON that does not parse, a
    feed (whose entries the story store reads).
    """
    text = decode_text(data)
    if not text.strip():
        raise InputError(EMPTY)
    fmt = detect_format(text, filename)
    if fmt in ("text", "html") and looks_like_feed(text):
        raise InputError(FEED)
    if fmt == "html":
        from newsweave.ingest.htmlfmt import read_html

        return ReadResult(documents=[read_html(text, origin)])
    if fmt == "json":
        return read_json(text, origin)
    if fmt == "jsonl":
        return read_jsonl(text, origin)
    if fmt == "multinews":
        line_per_cluster = filename is not None and is_multinews_name(filename)
        return read_multinews(text, origin, line_per_cluster=line_per_cluster)
    return ReadResult(documents=[read_text(text, origin)])


def read_bytes(data: bytes, origin: str, *, filename: str | None = None) -> list[Document]:
    """The documents in one file's bytes; `filename` (if any) helps detect the format.

    Raises InputError with a one-line reason when nothing in the input is usable. Records
    of a multi-record input that are unusable are left out; `read_sources` reports them.
    """
    result = parse_bytes(data, origin, filename=filename)
    if not result.documents:
        if not result.skipped:
            raise InputError("no article found")
        if len(result.skipped) == 1:
            raise InputError(result.skipped[0].reason)
        first = result.skipped[0]
        raise InputError(
            f"no usable record in {len(result.skipped)} ({first.input}: {first.reason})"
        )
    return result.documents
