"""The digests the pages made lately, kept in memory so that a digest page has an address
(/digest/<key>) that can be reloaded or shared while the server runs."""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict

from newsweave.model import Digest


class DigestCache:
    """At most `size` digests; adding one more forgets the least recently viewed."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[str, Digest] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, digest: Digest) -> str:
        """Keep `digest`; its key is random, so one client cannot guess another's."""
        key = secrets.token_urlsafe(12)
        with self._lock:
            self._items[key] = digest
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return key

    def get(self, key: str) -> Digest | None:
        with self._lock:
            digest = self._items.get(key)
            if digest is not None:
                self._items.move_to_end(key)
            return digest

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)
