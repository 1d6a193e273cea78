"""URL digests in `newsweave serve`: off by default (403), fetched with the stream fetcher
when on, public addresses only unless private ones are allowed, failures skipped with their
reason. A local HTTP server on 127.0.0.1 serves the articles; FastAPI's in-process client
calls the app."""

from __future__ import annotations

import http.server
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")

from fastapi.testclient import TestClient
from local_http import serving

from newsweave.errors import ConfigError
from newsweave.sample import sample_path
from newsweave.stream import fetch
from newsweave.stream.fetch import Fetcher, FetchOptions
from newsweave.web.app import create_app
from newsweave.web.serve_command import add_serve_parser, settings_from
from newsweave.web.settings import WebSettings
from newsweave.web.urls import NO_FETCH

GREYWATER = (sample_path() / "greywater_times.html").read_bytes()
# A second, small fictional article about the sample's event, written for this test.
SECOND = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Velmora counts the cost after the Halmir Dam gives way | The Orvenia Ledger</title>
<meta property="og:site_name" content="The Orvenia Ledger">
</head><body><article>
<h1>Velmora counts the cost after the Halmir Dam gives way</h1>
<p>Rescue crews in Velmora spent a second night searching flooded streets after the Halmir
Dam failed on Monday, sending water through the lower town.</p>
<p>Emergency officials said hundreds of residents had been moved to schools and sports
halls on higher ground, and that the road to the coast remained closed.</p>
<p>Engineers from the national dam regulator were expected to reach the site on Wednesday
to begin an inquiry into why the structure gave way.</p>
<p>Shopkeepers on Quay Street said the water had risen faster than anyone expected, and
that they had lost most of their stock within an hour.</p>
</article></body></html>"""
BIG = b"<html><body><article><p>" + b"word " * 60_000 + b"</p></article></body></html>"


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        pages = {"/greywater.html": GREYWATER, "/second.html": SECOND, "/big.html": BIG}
        if self.path in pages:
            self._send(200, pages[self.path])
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/second.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, data: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serving(Handler) as base:
        yield base


def client(**settings: Any) -> TestClient:
    base = {"fetch_host_delay": 0.0, "fetch_timeout": 10.0}
    return TestClient(create_app(WebSettings(**{**base, **settings})))


@pytest.fixture(scope="module")
def fetching() -> Iterator[TestClient]:
    with client(fetch_urls=True, allow_private_urls=True) as test_client:
        yield test_client


def skipped(data: dict[str, Any]) -> dict[str, str]:
    return {s["input"]: s["reason"] for s in data["skipped"]}


def test_urls_are_fetched_and_a_404_is_skipped(fetching: TestClient, site: str) -> None:
    urls = [f"{site}/greywater.html", f"{site}/second.html", f"{site}/missing.html"]
    answer = fetching.post("/api/digest", json={"urls": urls, "words": 60})
    assert answer.status_code == 200, answer.text
    data = answer.json()
    titles = [a["title"] for a in data["articles"]]
    assert titles == [
        "Inspectors flagged Halmir Dam two years before it burst",
        "Velmora counts the cost after the Halmir Dam gives way",
    ]
    assert [a["origin"] for a in data["articles"]] == urls[:2]
    assert skipped(data) == {urls[2]: "HTTP 404 Not Found"}
    assert data["summary"]


def test_urls_and_pasted_articles_together_and_a_redirect(fetching: TestClient, site: str) -> None:
    article = {"text": GREYWATER.decode("utf-8"), "source": "Pasted Times"}
    body = {"articles": [article], "urls": [f"{site}/moved"], "words": 60}
    answer = fetching.post("/api/digest", json=body)
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert [a["origin"] for a in data["articles"]] == ["pasted article 1", f"{site}/moved"]
    assert data["articles"][1]["title"].startswith("Velmora counts the cost")
    assert data["skipped"] == []


def test_nothing_usable_is_a_422_with_each_reason(fetching: TestClient, site: str) -> None:
    urls = [f"{site}/missing.html", f"{site}/gone.html"]
    answer = fetching.post("/api/digest", json={"urls": urls})
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert f"{site}/missing.html: HTTP 404" in detail
    assert f"{site}/gone.html: HTTP 404" in detail


def test_a_page_above_the_body_limit_is_skipped(site: str) -> None:
    with client(fetch_urls=True, allow_private_urls=True, max_body_bytes=100_000) as small:
        answer = small.post("/api/digest", json={"urls": [f"{site}/big.html"]})
    assert answer.status_code == 422
    assert "above the 100000 byte limit" in answer.json()["detail"]


def test_without_fetch_urls_naming_urls_is_403(site: str) -> None:
    with client() as plain:
        answer = plain.post("/api/digest", json={"urls": [f"{site}/greywater.html"]})
        assert answer.status_code == 403
        assert answer.json() == {"detail": NO_FETCH}
        assert NO_FETCH == "this server does not fetch URLs; start it with --fetch-urls"
        page = plain.get("/")
        assert "Web addresses" not in page.text
        assert 'name="urls"' not in page.text
        form = plain.post("/digest", data={"urls": f"{site}/greywater.html"})
        assert form.status_code == 403
        assert NO_FETCH in form.text


def test_private_addresses_are_refused_unless_allowed(site: str) -> None:
    url = f"{site}/greywater.html"
    with client(fetch_urls=True) as public_only:
        article = {"text": SECOND.decode("utf-8")}
        answer = public_only.post(
            "/api/digest", json={"articles": [article], "urls": [url], "words": 40}
        )
        assert answer.status_code == 200, answer.text
        assert skipped(answer.json()) == {url: "address not allowed"}
        alone = public_only.post("/api/digest", json={"urls": [url, "http://localhost:9/"]})
        assert alone.status_code == 422
        assert alone.json()["detail"].count("address not allowed") == 2


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://127.0.0.1/a.html", "gopher://example.org/", "example.org/a"],
)
def test_other_schemes_are_422(fetching: TestClient, url: str) -> None:
    answer = fetching.post("/api/digest", json={"urls": [url]})
    assert answer.status_code == 422
    assert "only http and https" in answer.json()["detail"]


def test_url_limits(fetching: TestClient, site: str) -> None:
    too_many = [f"{site}/{n}.html" for n in range(21)]
    assert fetching.post("/api/digest", json={"urls": too_many}).status_code == 422
    too_long = f"{site}/{'a' * 2000}"
    assert fetching.post("/api/digest", json={"urls": [too_long]}).status_code == 422
    assert fetching.post("/api/digest", json={"articles": [], "urls": []}).status_code == 422
    with client(fetch_urls=True, allow_private_urls=True, max_articles=3) as small:
        body = {"articles": [{"text": "one"}, {"text": "two"}], "urls": [site, site]}
        assert small.post("/api/digest", json=body).status_code == 413


def test_the_form_has_a_url_box_and_digests_addresses(fetching: TestClient, site: str) -> None:
    page = fetching.get("/")
    assert "Web addresses (one per line)" in page.text
    urls = f"{site}/greywater.html\n\n{site}/second.html\n"
    answer = fetching.post("/digest", data={"urls": urls, "words": "60"}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    digest = fetching.get(answer.headers["location"])
    assert digest.status_code == 200
    assert "Velmora counts the cost" in digest.text
    bad = fetching.post("/digest", data={"urls": "file:///etc/passwd"})
    assert bad.status_code == 422
    assert "only http and https" in bad.text
    assert "file:///etc/passwd" in bad.text  # the box keeps what was typed


def test_the_fetcher_checks_every_connection_and_redirect(
    site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With `public_only`, the address is checked at each connection: a first address
    taken as public, a redirect to a private one refused."""
    calls: list[str] = []

    def first_only(address: str) -> bool:
        calls.append(address)
        return len(calls) == 1

    monkeypatch.setattr(fetch, "public_ip", first_only)
    fetcher = Fetcher(FetchOptions(public_only=True, retries=0, host_delay=0.0))
    with pytest.raises(fetch.AddressNotAllowed, match="address not allowed"):
        fetcher.get(f"{site}/moved")
    assert calls == ["127.0.0.1", "127.0.0.1"]
    with pytest.raises(fetch.AddressNotAllowed, match="only http and https"):
        fetcher.get("file:///etc/passwd")


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.251", False),
        ("240.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("ff02::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:10.0.0.1", False),
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
    ],
)
def test_public_addresses(address: str, public: bool) -> None:
    assert fetch.public_ip(address) is public


def test_serve_options() -> None:
    import argparse

    parser = add_serve_parser(argparse.ArgumentParser().add_subparsers())
    defaults = settings_from(parser.parse_args([]))
    assert defaults.fetch_urls is False
    assert defaults.allow_private_urls is False
    on = settings_from(parser.parse_args(["--fetch-urls", "--fetch-timeout", "5"]))
    assert on.fetch_urls and not on.allow_private_urls and on.fetch_timeout == 5
    both = settings_from(parser.parse_args(["--fetch-urls", "--allow-private-urls"]))
    assert both.allow_private_urls
    with pytest.raises(ConfigError, match="--fetch-urls"):
        settings_from(parser.parse_args(["--allow-private-urls"]))
    assert "--fetch-urls" in parser.format_help()
