"""What the web app may be asked to do: limits on requests and on the work one request starts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsweave.errors import ConfigError

MIB = 1024 * 1024


@dataclass(frozen=True)
class WebSettings:
    """The app's limits and the story store it reads (None: no stories).

    `max_body_bytes` caps every request body (pasted text and uploads together);
    `max_articles` the articles of one digest request (pasted plus uploaded files);
    `digest_workers` how many digests run at once (the rest wait their turn);
    `cache_size` how many digests made by the pages stay viewable at /digest/<key>.

    `fetch_urls` lets clients name URLs for the server to fetch (off by default: see
    web/urls.py); `allow_private_urls` lets those URLs reach loopback, private and other
    non-public addresses (for tests on 127.0.0.1). A fetch waits at most `fetch_timeout`
    seconds for the server (per connection and per read), is retried `fetch_retries` times
    after a 5xx or a timeout, reads at most `max_body_bytes`, and waits `fetch_host_delay`
    seconds between two requests to one host within a request.
    """

    db: Path | None = None
    max_body_bytes: int = 10 * MIB
    max_articles: int = 50
    min_words: int = 10
    max_words: int = 1000
    default_words: int = 150
    digest_workers: int = 2
    cache_size: int = 32
    fetch_urls: bool = False
    ner: str = "auto"  # entity types, as DigestOptions.ner
    allow_private_urls: bool = False
    fetch_timeout: float = 10.0
    fetch_retries: int = 0
    fetch_host_delay: float = 1.0

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_articles", "digest_workers"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(f"{name} must be a positive whole number, not {value!r}")
        if self.cache_size < 1:
            raise ConfigError(f"cache_size must be at least 1, not {self.cache_size}")
        if not 0 < self.fetch_timeout <= 300:
            raise ConfigError(
                f"fetch_timeout must be above 0 and at most 300 s, not {self.fetch_timeout}"
            )
        if self.fetch_retries < 0 or self.fetch_host_delay < 0:
            raise ConfigError("fetch_retries and fetch_host_delay may not be negative")
        if not self.min_words <= self.default_words <= self.max_words:
            raise ConfigError("default_words must lie between min_words and max_words")
