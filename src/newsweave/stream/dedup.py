"""Near-duplicate detection with a MinHash LSH index (datasketch) over a sliding window.

A near duplicate (the same wire story republished with small edits) has an estimated
Jaccard similarity of its word shingles at or above `threshold` with an earlier original.
Different articles about the same event share far fewer shingles, so they are never
linked. Exact copies are found by the store through the hash of the normalised text.

The index holds only originals whose stream day is within `window_days` of the newest
day seen, so memory is bounded by the active window, not by the whole history. Whether
an article is in the window depends only on the days, never on when it was evicted, so
an index rebuilt from the store answers exactly as the one that was built live.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from newsweave.stream.prepare import NUM_PERM, minhash

DEFAULT_THRESHOLD = 0.6


@dataclass(frozen=True)
class DuplicateMatch:
    """The article a new one copies: `kind` "exact" or "near", with the estimated Jaccard."""

    original: str
    kind: str
    similarity: float


class DuplicateIndex:
    """Remembers recent originals' signatures and finds the one a new article copies."""

    def __init__(
        self,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        window_days: int = 30,
        num_perm: int = NUM_PERM,
    ) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.window_days = window_days
        self.num_perm = num_perm
        # LSH candidates are checked against the threshold, so a lower LSH threshold
        # only costs a few more comparisons and misses fewer copies.
        self._lsh = MinHashLSH(threshold=max(threshold - 0.15, 0.1), num_perm=num_perm)
        self._signatures: dict[str, npt.NDArray[np.uint32]] = {}
        self._day: dict[str, int] = {}
        self._seq: dict[str, int] = {}
        self._expiry: deque[str] = deque()
        self.newest_day = 0
        # one MinHash, given each signature in turn: the index reads only its hash values,
        # and making a MinHash per article cost more than the LSH lookups themselves
        self._probe: Any = minhash(num_perm)

    def __len__(self) -> int:
        return len(self._signatures)

    def find(self, signature: npt.NDArray[np.uint32]) -> DuplicateMatch | None:
        """The most similar original in the window (earliest on ties), or None."""
        horizon = self.newest_day - self.window_days
        best: tuple[float, int, str] | None = None
        for key in self._lsh.query(self._holding(signature)):
            if self._day[key] < horizon:
                continue
            similarity = float(np.mean(self._signatures[key] == signature))
            if similarity >= self.threshold:
                candidate = (-similarity, self._seq[key], key)
                best = candidate if best is None or candidate < best else best
        if best is None:
            return None
        return DuplicateMatch(best[2], "near", -best[0])

    def add(self, key: str, signature: npt.NDArray[np.uint32], day: int, seq: int) -> None:
        """Index an original (duplicates are not indexed: their original is)."""
        if key in self._signatures:
            return
        self._signatures[key] = signature
        self._day[key] = day
        self._seq[key] = seq
        self._lsh.insert(key, self._holding(signature))
        self._expiry.append(key)

    def _holding(self, signature: npt.NDArray[np.uint32]) -> Any:
        self._probe.hashvalues = signature
        return self._probe

    def advance(self, day: int) -> None:
        """Move the newest day of the stream to `day` (never back) and forget originals
        that fell out of the window, from the oldest added while they are out."""
        self.newest_day = max(self.newest_day, day)
        horizon = self.newest_day - self.window_days
        while self._expiry and self._day[self._expiry[0]] < horizon:
            key = self._expiry.popleft()
            self._lsh.remove(key)
            del self._signatures[key], self._day[key], self._seq[key]
