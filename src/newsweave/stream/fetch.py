"""Fetching URLs politely: timeouts, a size limit, retries with back-off, a per-host delay
and a user agent that says who is asking.

With `FetchOptions.public_only` the fetcher also refuses to reach a host that resolves to a
loopback, private, link-local, multicast, reserved or otherwise non-public address (a
server fetching what its clients name must not be a way into its own network). The check is
made on the addresses the connection actually uses, at every connection, so a redirect or a
name whose address changes between two lookups cannot get around it; proxies from the
environment are not used then, since the check must see the address connected to.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from typing import IO, Any
from urllib.parse import urlsplit

from newsweave import __version__
from newsweave.errors import InputError
from newsweave.ingest.source_label import is_url

USER_AGENT = f"newsweave/{__version__} (news digest; +https://pypi.org/project/newsweave/)"
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
NOT_ALLOWED = "address not allowed"


@dataclass(frozen=True)
class FetchOptions:
    """`host_delay`: least seconds between two requests to one host; `backoff`: the first
    wait before a retry (doubled each time, or the server's Retry-After, capped at 60 s);
    `public_only`: fetch http(s) URLs of public addresses only (see the module's doc)."""

    timeout: float = 20.0
    max_bytes: int = 20 * 1024 * 1024
    retries: int = 3
    backoff: float = 1.0
    host_delay: float = 1.0
    user_agent: str = USER_AGENT
    public_only: bool = False


class AddressNotAllowed(InputError):
    """The URL's host is not a public address (with `FetchOptions.public_only`)."""


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
        self._open: Callable[..., Any] = urllib.request.urlopen
        if self.options.public_only:
            opener = urllib.request.build_opener(
                urllib.request.ProxyHandler({}),
                _PublicHTTPHandler(),
                _PublicHTTPSHandler(),
                _HTTPRedirects(),
            )
            self._open = opener.open

    def get(self, url: str) -> Fetched:
        """The response body; raises InputError with a one-line reason when it fails."""
        reason = "not fetched"
        if self.options.public_only:
            _check_scheme(url)
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
        with self._open(request, timeout=self.options.timeout) as response:
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


def _retry_after(headers: Message | None) -> float | None:
    value = headers.get("Retry-After") if headers is not None else None
    return float(value) if value and value.strip().isdigit() else None


def public_ip(address: str) -> bool:
    """Whether an IP address is a public one: not loopback, private, link-local, multicast,
    reserved, unspecified or shared (an IPv4 address mapped into IPv6 counts as itself)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def _check_scheme(url: str) -> None:
    if not is_url(url):
        raise AddressNotAllowed(f"{NOT_ALLOWED} (only http and https URLs are fetched)")


def _connect_public(
    address: tuple[str, int], timeout: Any = None, source_address: Any = None
) -> socket.socket:
    """`socket.create_connection`, refusing a host any of whose addresses is not public, and
    connecting to the very addresses checked (no second lookup of the name)."""
    host, port = address
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    if not all(public_ip(str(info[4][0])) for info in found):
        raise AddressNotAllowed(NOT_ALLOWED)
    error: OSError = OSError(f"no address for {host}")
    for *_, sockaddr in found:
        try:
            return socket.create_connection((str(sockaddr[0]), port), timeout, source_address)
        except OSError as failure:
            error = failure
    raise error


def _public_connection(http_class: Any) -> Callable[..., http.client.HTTPConnection]:
    def connection(host: str, **kwargs: Any) -> http.client.HTTPConnection:
        made: http.client.HTTPConnection = http_class(host, **kwargs)
        made._create_connection = _connect_public  # type: ignore[attr-defined]
        return made

    return connection


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    def do_open(self, http_class: Any, req: urllib.request.Request, **kwargs: Any) -> Any:
        return super().do_open(_public_connection(http_class), req, **kwargs)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def do_open(self, http_class: Any, req: urllib.request.Request, **kwargs: Any) -> Any:
        return super().do_open(_public_connection(http_class), req, **kwargs)


class _HTTPRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http and https URLs only (urllib would also follow ftp)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        _check_scheme(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)
