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
    """

    db: Path | None = None
    max_body_bytes: int = 10 * MIB
    max_articles: int = 50
    min_words: int = 10
    max_words: int = 1000
    default_words: int = 150
    digest_workers: int = 2
    cache_size: int = 32

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_articles", "digest_workers"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(f"{name} must be a positive whole number, not {value!r}")
        if self.cache_size < 1:
            raise ConfigError(f"cache_size must be at least 1, not {self.cache_size}")
        if not self.min_words <= self.default_words <= self.max_words:
            raise ConfigError("default_words must lie between min_words and max_words")
