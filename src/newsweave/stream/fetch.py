"""Fetching URLs politely: timeouts, a size limit, retries with back-off, a per-host delay
and a user agent that says who is asking."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from newsweave import __version__
from newsweave.errors import InputError

USER_AGENT = f"newsweave/{__version__} (news digest; +https://pypi.org/project/newsweave/)"
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class FetchOptions:
    """`host_delay`: least seconds between two requests to one host; `backoff`: the first
    wait before a retry (doubled each time, or the server's Retry-After, capped at 60 s)."""

    timeout: float = 20.0
    max_bytes: int = 20 * 1024 * 1024
    retries: int = 3
    backoff: float = 1.0
    host_delay: float = 1.0
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Fetched:
    url: str  # the URL after redirects
    content_type: str
    data: bytes


class Fetcher:
    """Fetches URLs one at a time, remembering when it last asked each host."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        self._last: dict[str, float] = {}

    def get(self, url: str) -> Fetched:
        """The response body; raises InputError with a one-line reason when it fails."""
        reason = "not fetched"
        for attempt in range(self.options.retries + 1):
            self._wait_for_host(url)
            try:
                return self._once(url)
            except urllib.error.HTTPError as error:
                reason = f"HTTP {error.code} {error.reason}"
                if error.code not in RETRY_STATUSES:
                    break
                wait = _retry_after(error.headers) or self.options.backoff * 2**attempt
            except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
                cause = getattr(error, "reason", error)
                reason = f"cannot fetch: {cause}"
                wait = self.options.backoff * 2**attempt
            if attempt < self.options.retries:
                time.sleep(min(wait, 60.0))
        raise InputError(f"{reason} (after {attempt + 1} attempts)" if attempt else reason)

    def _once(self, url: str) -> Fetched:
        request = urllib.request.Request(url, headers={"User-Agent": self.options.user_agent})
        with urllib.request.urlopen(request, timeout=self.options.timeout) as response:
            length = response.headers.get("Content-Length")
            limit = self.options.max_bytes
            if length and length.isdigit() and int(length) > limit:
                raise InputError(f"response of {length} bytes is above the {limit} byte limit")
            data = response.read(limit + 1)
            if len(data) > limit:
                raise InputError(f"response is above the {limit} byte limit")
            return Fetched(response.geturl(), response.headers.get_content_type(), data)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last.get(host)
        if last is not None:
            pause = self.options.host_delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def _retry_after(headers: Message | None) -> float | None:
    value = headers.get("Retry-After") if headers is not None else None
    return float(value) if value and value.strip().isdigit() else None
