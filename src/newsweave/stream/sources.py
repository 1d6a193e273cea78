"""The inputs of an ingest, one item at a time: files, directories, feeds, URLs, stdin.

Each SOURCE gives `Item`s in a stable order, each either a document or the reason it was
skipped, so every input is accounted for. A directory is walked file by file (memory holds
one file at a time); a file or URL whose content is an RSS or Atom feed gives one document
per entry, the entry's content (or summary) as the body, or, with `follow_links`, the
page the entry links to.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from newsweave.errors import InputError
from newsweave.ingest import IngestOptions, read_sources
from newsweave.ingest.detect import FEED_SNIFF_CHARS, looks_like_feed
from newsweave.ingest.parse import parse_bytes
from newsweave.ingest.source_label import is_url, url_domain
from newsweave.ingest.sources import EMPTY_DIRECTORY
from newsweave.ingest.walk import list_directory
from newsweave.model import Document
from newsweave.stream.fetch import Fetcher, FetchOptions

FEED_SUFFIXES = (".rss", ".atom", ".xml")
EMPTY_FEED = "feed has no entries"


def only_empty_feeds(reasons: Iterable[str | None]) -> bool:
    """Whether every input left out was a feed with no entries yet: quiet, not broken."""
    return all(reason == EMPTY_FEED for reason in reasons)


_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"})


@dataclass(frozen=True)
class Item:
    """One input: a document, or the reason nothing could be used."""

    input: str
    document: Document | None = None
    reason: str | None = None
    note: str | None = None  # how a usable document was got, when not as asked


@dataclass(frozen=True)
class SourceOptions:
    read: IngestOptions = field(default_factory=IngestOptions)
    fetch: FetchOptions = field(default_factory=FetchOptions)
    follow_links: bool = False


def iter_items(
    sources: Sequence[str], options: SourceOptions | None = None, fetcher: Fetcher | None = None
) -> Iterator[Item]:
    """Every item of every source, in the order given."""
    options = options or SourceOptions()
    fetcher = fetcher or Fetcher(options.fetch)
    for source in sources:
        if is_url(source):
            yield from url_items(source, options, fetcher)
        elif source != "-" and os.path.isdir(source):
            entries = list_directory(source)
            if not entries:  # accounted for like any input that gives nothing
                yield Item(source, reason=EMPTY_DIRECTORY)
            for entry in entries:
                if entry.reason is not None:
                    yield Item(entry.path, reason=entry.reason)
                else:
                    yield from _path_items(entry.path, options, fetcher)
        else:
            yield from _path_items(source, options, fetcher)


def _path_items(path: str, options: SourceOptions, fetcher: Fetcher) -> Iterator[Item]:
    if path != "-" and _feed_file(path):
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            yield Item(path, reason=(error.strerror or str(error)).lower())
            return
        yield from _feed_items(data, path, options, fetcher)
        return
    result = read_sources([path], options=options.read)
    for document in result.documents:
        yield Item(document.origin, document)
    for skipped in result.skipped:
        yield Item(skipped.input, reason=skipped.reason)


def url_items(url: str, options: SourceOptions, fetcher: Fetcher) -> Iterator[Item]:
    """The items of one http(s) URL, fetched with `fetcher`: the page's article, or one per
    entry of a feed; a fetch or read that fails gives an item with its one-line reason."""
    try:
        fetched = fetcher.get(url)
    except InputError as error:
        yield Item(url, reason=str(error))
        return
    if _is_feed(fetched.data, fetched.content_type):
        yield from _feed_items(fetched.data, url, options, fetcher)
        return
    yield from _page_items(fetched.data, url, fetched.url)


def _page_items(data: bytes, url: str, final_url: str) -> Iterator[Item]:
    try:
        result = parse_bytes(data, url, filename=Path(final_url.split("?")[0]).name or None)
    except InputError as error:
        yield Item(url, reason=str(error))
        return
    for document in result.documents:
        yield Item(document.origin, replace(document, url=document.url or final_url))
    for skipped in result.skipped:
        yield Item(skipped.input, reason=skipped.reason)


def _feed_items(
    data: bytes, origin: str, options: SourceOptions, fetcher: Fetcher
) -> Iterator[Item]:
    import feedparser

    parsed: Any = feedparser.parse(data)
    entries = list(parsed.entries)
    if not entries:
        # a feed with no entries yet is quiet; one that cannot be parsed, or is no RSS or
        # Atom at all (an error page saved as .rss), is broken
        if parsed.get("version"):  # RSS or Atom, read (a declared encoding may be off)
            yield Item(origin, reason=EMPTY_FEED)
        else:
            problem = parsed.get("bozo_exception") or "no RSS or Atom feed in it"
            yield Item(origin, reason=f"feed could not be read: {problem}")
        return
    feed_title = parsed.feed.get("title")
    broken = _not_well_formed(parsed)
    for index, entry in enumerate(entries):
        link = entry.get("link")
        name = f"{origin}#{index}"
        document = Document(
            origin=link or name,
            format="feed",
            body=_entry_text(entry),
            title=entry.get("title"),
            source=feed_title or (url_domain(link) if link else None),
            url=link,
            published=_entry_date(entry),
        )
        for item in _entry_items(document, name, options, fetcher):
            yield _with_broken_feed(item, broken) if broken else item


def _entry_items(
    entry: Document, name: str, options: SourceOptions, fetcher: Fetcher
) -> Iterator[Item]:
    """What one feed entry gives: its page when links are followed, else its own text, else
    the reason it gives nothing."""
    link = entry.url
    if options.follow_links and link and is_url(link):
        yield from _followed(entry, name, fetcher)
    elif entry.body.strip():
        yield Item(name, entry)
    elif options.follow_links:
        missing = f"a link that is no web address ({link!r})" if link else "no link"
        yield Item(name, reason=f"feed entry has no text and {missing}")
    else:
        yield Item(name, reason="feed entry has no text of its own, and its link was not followed")


# what the XML parser says of a feed that ends before its elements do
_CUT_SHORT = re.compile(r"no element found|unclosed token|mismatched tag")


def _not_well_formed(parsed: Any) -> str | None:
    """What is wrong with a feed that is not well-formed XML (feedparser read what it could:
    an entry may be cut short); None for a sound feed or a mere encoding mismatch."""
    import xml.sax

    problem = parsed.get("bozo_exception")
    if not isinstance(problem, xml.sax.SAXException):
        return None
    if not _CUT_SHORT.search(str(problem)):
        return None  # "undefined entity" (&nbsp;), "invalid token" (a bare &): read whole
    return f"a feed that is not well-formed XML ({problem}): its entries may be cut short"


def _with_broken_feed(item: Item, broken: str) -> Item:
    """The item with the feed's problem in its note (stored) or its reason (skipped)."""
    if item.document is None:
        return replace(item, reason=f"{item.reason}; from {broken}")
    return replace(item, note=f"{item.note}; {broken}" if item.note else broken)


def _followed(entry: Document, name: str, fetcher: Fetcher) -> Iterator[Item]:
    """The entry's page, fetched; when the page cannot be read, the entry's own text if it
    has some, else a skip that names the link and what went wrong."""
    try:
        fetched = fetcher.get(entry.url or "")
    except InputError as error:
        yield _entry_instead(entry, name, f"{entry.url}: {error}")
        return
    for item in _page_items(fetched.data, entry.url or name, fetched.url):
        if item.document is None:
            yield _entry_instead(entry, name, f"{entry.url}: {item.reason}")
            continue
        page = item.document
        yield Item(
            name,
            replace(
                page,
                title=page.title or entry.title,
                source=entry.source or page.source,
                published=page.published or entry.published,
                url=entry.url,
            ),
        )


def _entry_instead(entry: Document, name: str, problem: str) -> Item:
    """The feed entry's own text when its page could not be read, else the page's problem
    as the reason (naming the link)."""
    if entry.body.strip():
        return Item(name, entry, note=f"the feed entry's own text; its page failed: {problem}")
    return Item(name, reason=problem)


def _feed_file(path: str) -> bool:
    if path.lower().endswith(FEED_SUFFIXES):
        return True
    try:
        with open(path, "rb") as stream:
            head = stream.read(FEED_SNIFF_CHARS)
    except OSError:
        return False
    return _is_feed(head, "")


def _is_feed(data: bytes, content_type: str) -> bool:
    """Whether the data is a feed: by its content type, else by its root element, as the
    digest tells feeds (`newsweave.ingest.detect.looks_like_feed`)."""
    if any(kind in content_type for kind in ("rss", "atom")):
        return True
    return looks_like_feed(data[:FEED_SNIFF_CHARS].decode("utf-8", errors="replace"))


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    html = max((c.get("value", "") for c in contents), key=len, default="")
    if len(html) < len(entry.get("summary", "")):
        html = entry.get("summary", "")
    return html_text(html)


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(html: str) -> str:
    """The text of an HTML fragment, one paragraph per block element."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)
