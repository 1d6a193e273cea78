"""Feeds and URLs fetched from a local HTTP server, feed files, and fetch failures."""

from __future__ import annotations

import http.server
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from local_http import serving

import newsweave
from newsweave.stream import Store, ingest
from newsweave.stream.fetch import Fetcher, FetchOptions
from newsweave.stream.ingest_run import StreamOptions
from newsweave.stream.sources import SourceOptions, html_text, iter_items

PARAGRAPHS = [
    "Crews in the fictional port of Ostrava Nova worked through the night to repair the "
    "sea wall after a storm surge flooded the harbour district, the Ostrava harbour "
    "master Elin Marsk said on Tuesday.",
    "About 300 residents spent the night in a school gym, and the ferry to the islands "
    "was suspended until further notice.",
    "Marsk said engineers would inspect the wall again at low tide before any boats "
    "were allowed back into the inner basin.",
]
PAGE = (
    "<html><head><title>Storm surge floods harbour district</title></head><body><article>"
    "<h1>Storm surge floods harbour district</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article></body></html>"
)


def feed(base: str, *, with_content: bool) -> str:
    items = []
    for n in range(2):
        body = "".join(f"&lt;p&gt;{p} (report {n})&lt;/p&gt;" for p in PARAGRAPHS)
        content = f"<description>{body}</description>" if with_content else ""
        items.append(
            f"<item><title>Harbour report {n}</title><link>{base}/page{n}.html</link>"
            f"<pubDate>Tue, 0{n + 4} Mar 2025 08:00:00 GMT</pubDate>{content}</item>"
        )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Herald</title>'
        f"<link>{base}</link>{''.join(items)}</channel></rss>"
    )


class Handler(http.server.BaseHTTPRequestHandler):
    agents: ClassVar[list[str]] = []
    flaky_calls = 0

    def do_GET(self) -> None:
        Handler.agents.append(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/feed.xml":
            self._send(200, feed(base, with_content=True), "application/rss+xml")
        elif self.path == "/links.xml":
            self._send(200, feed(base, with_content=False), "application/rss+xml")
        elif self.path.startswith("/page"):
            self._send(200, PAGE.replace("harbour district", f"district {self.path}"), "text/html")
        elif self.path == "/flaky.html":
            Handler.flaky_calls += 1
            if Handler.flaky_calls < 3:
                self._send(503, "busy", "text/plain")
            else:
                self._send(200, PAGE, "text/html")
        elif self.path == "/big.html":
            self._send(200, "x" * 5000, "text/html")
        else:
            self._send(404, "not here", "text/plain")

    def _send(self, status: int, body: str, kind: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(Handler) as base:
        yield base


FAST = FetchOptions(backoff=0.01, host_delay=0.0, timeout=5.0, max_bytes=4000)


def test_feed_url_entries_are_stored_with_feed_metadata(server: str, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    options = StreamOptions(sources=SourceOptions(fetch=FAST))
    report = ingest([f"{server}/feed.xml"], db, options=options)
    assert report.counts["stored"] + report.counts["duplicate"] == 2
    with Store(db) as store:
        articles = [a for s in store.stories() for a in s.articles]
    assert {a.source for a in articles} == {"Harbour Herald"}
    assert {a.origin for a in articles} == {f"{server}/page0.html", f"{server}/page1.html"}
    assert {a.published for a in articles} == {"2025-03-04", "2025-03-05"}
    assert all(agent.startswith("newsweave/") for agent in Handler.agents)
    # a story of feed articles digests to JSON that follows the schema
    import json

    import jsonschema

    from newsweave.report.json_report import schema_text
    from newsweave.stream.story_digest import digest_story

    with Store(db) as store:
        story = store.stories()[0].id
    document = json.loads(newsweave.render(digest_story(db, story), "json"))
    assert {a["format"] for a in document["articles"]} == {"feed"}
    jsonschema.validate(document, json.loads(schema_text()))


def test_follow_links_fetches_each_entry_page(server: str, tmp_path: Path) -> None:
    options = SourceOptions(fetch=FAST, follow_links=True)
    items = list(iter_items([f"{server}/links.xml"], options))
    assert [i.reason for i in items] == [None, None]
    documents = [i.document for i in items if i.document]
    assert all("sea wall" in d.body for d in documents)
    assert documents[0].title == "Storm surge floods district /page0.html"  # the page's own
    assert [d.published for d in documents] == ["2025-03-04", "2025-03-05"]  # the feed's
    assert {d.source for d in documents} == {"Harbour Herald"}
    assert documents[0].url == f"{server}/page0.html"


def test_an_entry_whose_page_fails_keeps_its_own_text(server: str, tmp_path: Path) -> None:
    # following links, an entry with text of its own whose page is missing is read from
    # the feed; one with no text names the link that failed
    path = tmp_path / "gone.rss"
    text = "&lt;p&gt;" + " ".join(PARAGRAPHS) + "&lt;/p&gt;"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Herald</title>'
        f"<item><title>Kept</title><link>{server}/gone0.html</link>"
        f"<description>{text}</description></item>"
        f"<item><title>Empty</title><link>{server}/gone1.html</link></item>"
        f"<item><title>Teaser</title><link>{server}/gone2.html</link>"
        "<description>Read more</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    options = SourceOptions(fetch=FAST, follow_links=True)
    kept, empty, _teaser = iter_items([str(path)], options)
    assert kept.document is not None and "sea wall" in kept.document.body
    assert kept.note is not None and f"{server}/gone0.html" in kept.note and "404" in kept.note
    assert empty.document is None and empty.reason is not None
    assert f"{server}/gone1.html" in empty.reason and "404" in empty.reason
    # the ingest records, for the stored entry, that its page failed
    report = ingest([str(path)], tmp_path / "news.db", options=StreamOptions(sources=options))
    assert report.counts == {"stored": 1, "skipped": 2}
    # an entry whose own text is no story either says why it fell back to it
    teaser = next(s.reason for s in report.skipped if s.input.endswith("#2"))
    assert f"{server}/gone2.html" in teaser and "404" in teaser
    [note] = report.notes
    assert note.reason.startswith("the feed entry's own text; its page failed:")
    with sqlite3.connect(tmp_path / "news.db") as con:
        reasons = [r[0] for r in con.execute("SELECT reason FROM inputs WHERE outcome = 'stored'")]
    assert reasons == [note.reason]


def test_page_urls_and_failures_are_accounted(server: str, tmp_path: Path) -> None:
    Handler.flaky_calls = 0
    sources = [
        f"{server}/page9.html",
        f"{server}/missing",
        f"{server}/flaky.html",
        f"{server}/big.html",
    ]
    items = {i.input: i for i in iter_items(sources, SourceOptions(fetch=FAST))}
    assert items[f"{server}/page9.html"].document is not None
    assert items[f"{server}/missing"].reason == "HTTP 404 Not Found"
    assert items[f"{server}/flaky.html"].document is not None
    assert Handler.flaky_calls == 3  # two 503 answers retried
    assert "above the 4000 byte limit" in (items[f"{server}/big.html"].reason or "")


def test_retries_give_up_with_the_last_reason(server: str) -> None:
    Handler.flaky_calls = -100
    fetcher = Fetcher(FetchOptions(retries=1, backoff=0.0, host_delay=0.0))
    with pytest.raises(Exception, match="HTTP 503"):
        fetcher.get(f"{server}/flaky.html")


def test_local_feed_file_and_html_fragments(tmp_path: Path) -> None:
    path = tmp_path / "local.rss"
    path.write_text(feed("http://example.invalid", with_content=True), encoding="utf-8")
    items = list(iter_items([str(path)]))
    assert len(items) == 2 and all(i.document for i in items)
    assert items[0].input == f"{path}#0"
    assert html_text("<p>One &amp; two.</p><p>Three</p>") == "One & two.\n\nThree"


def test_entries_of_a_feed_that_is_not_well_formed_say_so(tmp_path: Path) -> None:
    broken = tmp_path / "broken.rss"
    broken.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>A</title><description>Rescuers reached Velmora on Monday after the "
        "dam gave way, officials said.</description></item>"
        "<item><title>B</title><description>Cut short</description></item>",
        encoding="utf-8",
    )
    cut = tmp_path / "cut.rss"
    cut.write_text("<rss><channel><item><title>One</title><description>Hello", encoding="utf-8")
    sound = tmp_path / "local.rss"
    sound.write_text(feed("http://example.invalid", with_content=True), encoding="utf-8")
    items = {i.input: i for i in iter_items([str(broken), str(cut), str(sound)])}
    first = items[f"{broken}#0"]
    assert first.document is not None and first.note is not None
    assert first.note.startswith("a feed that is not well-formed XML (")
    skipped = items[f"{cut}#0"]
    assert skipped.document is None and skipped.reason is not None
    assert "; from a feed that is not well-formed XML" in skipped.reason
    assert all(i.note is None for name, i in items.items() if name.startswith(str(sound)))
    # an HTML entity that XML does not know leaves the entries whole: no note
    entity = tmp_path / "entity.rss"
    entity.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A'
        "</title><description>Rescuers&nbsp;reached Velmora on Monday after the dam gave "
        "way, officials said.</description></item></channel></rss>",
        encoding="utf-8",
    )
    (whole,) = iter_items([str(entity)])
    assert whole.document is not None and whole.note is None


def test_feed_entries_are_accounted_under_the_feed(tmp_path: Path) -> None:
    path = tmp_path / "local.rss"
    path.write_text(feed("http://example.invalid", with_content=True), encoding="utf-8")
    db = tmp_path / "news.db"
    ingest([str(path)], db)
    with Store(db) as store:
        inputs = [r[0] for r in store.db.execute("SELECT input FROM inputs ORDER BY id")]
    assert inputs == [f"{path}#0", f"{path}#1"]
