"""Digesting for the web app: the pipeline's `digest_documents`, at most a few at a time.

Digests are CPU work. Requests run them in worker threads; a semaphore lets only
`WebSettings.digest_workers` run at once and the others wait their turn, so a burst of
requests queues instead of multiplying memory.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from newsweave.errors import ConfigError
from newsweave.model import Digest
from newsweave.pipeline import DigestOptions, digest_documents
from newsweave.summarize import SummaryOptions
from newsweave.web.cache import DigestCache
from newsweave.web.inputs import Inputs, sample_inputs
from newsweave.web.settings import WebSettings

T = TypeVar("T")


class TooManyArticles(ConfigError):
    """More articles in one request than the server accepts."""


class DigestService:
    """Runs digests under the app's limits and remembers the bundled sample's digest."""

    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self.cache = DigestCache(settings.cache_size)
        self._slots = threading.BoundedSemaphore(settings.digest_workers)
        self._sample: Digest | None = None
        self._sample_lock = threading.Lock()

    def options(self, words: int | None) -> DigestOptions:
        """Digest options for a summary of `words` words (the default when None)."""
        chosen = self.settings.default_words if words is None else words
        low, high = self.settings.min_words, self.settings.max_words
        if not low <= chosen <= high:
            raise ConfigError(f"words must be between {low} and {high}, not {chosen}")
        base = DigestOptions(ner=self.settings.ner)
        return replace(base, summary=SummaryOptions(words=chosen))

    def digest(self, inputs: Inputs, words: int | None = None) -> Digest:
        """The digest of `inputs`; raises `NoArticlesError` when none gives an article."""
        count = len(inputs.documents)
        if count > self.settings.max_articles:
            raise TooManyArticles(
                f"{count} articles in one request; the limit is {self.settings.max_articles}"
            )
        options = self.options(words)
        return self.limited(
            lambda: digest_documents(inputs.documents, skipped=inputs.skipped, options=options)
        )

    def limited(self, work: Callable[[], T]) -> T:
        """`work()`, once one of the digest slots is free."""
        with self._slots:
            return work()

    def sample(self) -> Digest:
        """The bundled sample's digest, made once and reused."""
        with self._sample_lock:
            if self._sample is None:
                self._sample = self.digest(sample_inputs())
            return self._sample
