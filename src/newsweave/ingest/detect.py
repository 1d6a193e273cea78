"""Which format an input is in, from its file name and a look at its content."""

from __future__ import annotations

import json
import re
from typing import Literal

Format = Literal["text", "html", "json", "jsonl", "multinews"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
MULTINEWS_ENDINGS = (".src", ".src.cleaned")
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

MULTINEWS_SEPARATOR = "|||||"
MULTINEWS_NEWLINE = "NEWLINE_CHAR"
_HTML_MARKERS = ("<html", "<head", "<body")
_SNIFF_CHARS = 2048


def suffix_of(filename: str) -> str:
    """The lower-cased extension of a file name, with its dot ("" when there is none)."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1].lstrip(".")
    return "." + base.rsplit(".", 1)[1].lower() if "." in base else ""


def is_multinews_name(filename: str) -> bool:
    """True for Multi-News source files (`train.src`, `test.src.cleaned`)."""
    return filename.lower().endswith(MULTINEWS_ENDINGS)


def is_article_name(filename: str) -> bool:
    """True when a file found in a directory should be read: a known format, or no extension."""
    suffix = suffix_of(filename)
    return not suffix or suffix in ARTICLE_SUFFIXES or is_multinews_name(filename)


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML page (a doctype, or markup with an html tag)."""
    head = text[:_SNIFF_CHARS].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    return head.startswith("<") and any(marker in head for marker in _HTML_MARKERS)


# what may come before a document's root element: an XML declaration or processing
# instruction, comments, a doctype
_PROLOGUE = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)", re.IGNORECASE | re.DOTALL)
_FEED_ROOT = re.compile(r"\s*<(?:[\w-]+:)?(?:rss|feed|rdf)\b", re.IGNORECASE)
FEED_SNIFF_CHARS = 8192


def looks_like_feed(text: str) -> bool:
    """True when the document's root element is an RSS, Atom or RDF feed (after its XML
    declaration, comments and doctype), not when a page merely mentions one."""
    head = text[:FEED_SNIFF_CHARS]
    position = 0
    while (prologue := _PROLOGUE.match(head, position)) is not None:
        position = prologue.end()
    return _FEED_ROOT.match(head, position) is not None


def _json_kind(text: str) -> Format | None:
    """Whether the text is JSON ("json"), JSON Lines ("jsonl", by its first line), or neither."""
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        return None
    try:
        json.loads(stripped)
    except (ValueError, RecursionError):
        first_line = stripped.split("\n", 1)[0]
        try:
            first = json.loads(first_line)
        except (ValueError, RecursionError):
            return None
        return "jsonl" if isinstance(first, dict) else None
    return "json"


def _looks_like_multinews(text: str) -> bool:
    return MULTINEWS_SEPARATOR in text or MULTINEWS_NEWLINE in text


def detect_format(text: str, filename: str | None) -> Format:
    """The format of decoded `text`; the extension decides when it names a structured format.

    Text files (and files without a known extension, and stdin) are sniffed: an HTML page,
    JSON, JSON Lines, or Multi-News (`|||||` separators or `NEWLINE_CHAR` tokens).
    """
    suffix = suffix_of(filename) if filename else ""
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if filename and is_multinews_name(filename):
        return "multinews"
    if looks_like_html(text):
        return "html"
    if suffix not in TEXT_SUFFIXES:
        kind = _json_kind(text)
        if kind is not None:
            return kind
    if _looks_like_multinews(text):
        return "multinews"
    return "text"
