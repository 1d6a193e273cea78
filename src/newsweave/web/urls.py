"""Articles named by URL, fetched by the server: only when it was started with --fetch-urls.

A server that fetches what its clients name can be made to reach addresses only it can
see, so this is off by default, and when on the fetcher refuses hosts that resolve to a
loopback, private, link-local, multicast or reserved address (at every connection,
redirects included) unless the server was also started with --allow-private-urls. Each URL
is fetched with `newsweave.stream.fetch.Fetcher` and read by `newsweave.stream.sources.
url_items`, as `newsweave ingest` reads URLs; a URL that fails is skipped with its reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from newsweave.errors import InputError, NewsweaveError
from newsweave.model import Skipped
from newsweave.web.inputs import Inputs
from newsweave.web.settings import WebSettings

MAX_URLS = 20
MAX_URL_CHARS = 2000
NO_FETCH = "this server does not fetch URLs; start it with --fetch-urls"


class FetchDisabled(NewsweaveError):
    """URLs to fetch were sent to a server started without --fetch-urls (403)."""


def url_problem(url: str) -> str | None:
    """Why `url` cannot be fetched (not http or https, too long, no host), or None."""
    if len(url) > MAX_URL_CHARS:
        return f"a URL may have at most {MAX_URL_CHARS} characters"
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return "a URL may not hold spaces or control characters"
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018  (raises ValueError for a bad port)
    except ValueError as error:
        return f"not a valid URL ({error})"
    if parts.scheme.lower() not in ("http", "https"):
        return f"only http and https URLs are fetched, not {parts.scheme or 'no scheme'}:"
    if not host:
        return "a URL needs a host"
    return None


def split_urls(text: str) -> list[str]:
    """The URLs of the form's box: one per line, blank lines left out."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def check_urls(urls: Sequence[str], settings: WebSettings) -> None:
    """Raises `FetchDisabled` (403) when the server does not fetch, `InputError` (422) for
    more than `MAX_URLS` URLs or one that cannot be fetched."""
    if not urls:
        return
    if not settings.fetch_urls:
        raise FetchDisabled(NO_FETCH)
    if len(urls) > MAX_URLS:
        raise InputError(f"{len(urls)} URLs in one request; the limit is {MAX_URLS}")
    for url in urls:
        problem = url_problem(url)
        if problem:
            raise InputError(f"{url[:100]}: {problem}")


def fetch_urls(urls: Sequence[str], settings: WebSettings) -> Inputs:
    """The documents at `urls`, and each URL that gave none with its one-line reason.
    Checks the URLs first (see `check_urls`)."""
    check_urls(urls, settings)
    inputs = Inputs()
    if not urls:
        return inputs
    from newsweave.stream.fetch import Fetcher, FetchOptions
    from newsweave.stream.sources import SourceOptions, url_items

    fetch = FetchOptions(
        timeout=settings.fetch_timeout,
        max_bytes=settings.max_body_bytes,
        retries=settings.fetch_retries,
        host_delay=settings.fetch_host_delay,
        public_only=not settings.allow_private_urls,
    )
    options = SourceOptions(fetch=fetch)
    fetcher = Fetcher(fetch)  # one per request: the per-host delay applies within it
    for url in urls:
        try:
            for item in url_items(url, options, fetcher):
                if item.document is not None:
                    inputs.documents.append(item.document)
                else:
                    inputs.skipped.append(Skipped(item.input, item.reason or "not an article"))
        except Exception as error:  # a reader bug must not lose the other URLs
            message = " ".join(str(error).split())
            reason = f"could not be read ({type(error).__name__}: {message})"
            inputs.skipped.append(Skipped(url, reason))
    return inputs
