"""The active stories' centroids and day ranges as arrays, for one vectorised lookup.

Each row also holds the story's language (a small code; 0 when unknown), since a story
holds articles of one language. Rows are appended as stories arrive and blanked when a
story leaves memory or is merged;
the arrays are compacted when half the rows are blank. Lookups return candidates ordered
by creation, never by row, so the answer does not depend on the history of the arrays.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float64]


class StoryIndex:
    """Centroids (unit rows), first and last days (NaN when undated) of active stories."""

    def __init__(self, dim: int = 0) -> None:
        self.ids: list[str | None] = []
        self.rows: dict[str, int] = {}
        self.matrix = np.zeros((16, dim), dtype=np.float64)
        self.first = np.full(16, np.nan)
        self.last = np.full(16, np.nan)
        self.created = np.zeros(16, dtype=np.int64)
        self.language = np.zeros(16, dtype=np.int32)
        self.alive = np.zeros(16, dtype=bool)
        self.codes: dict[str, int] = {}  # language -> its code, from 1

    def __len__(self) -> int:
        return len(self.rows)

    def code(self, language: str | None) -> int:
        """The code of a language (0 for None), given on first use."""
        if language is None:
            return 0
        return self.codes.setdefault(language, len(self.codes) + 1)

    def put(
        self,
        key: str,
        centroid: Vector,
        first: int | None,
        last: int | None,
        created: int,
        language: str | None = None,
    ) -> None:
        """Add or update a story's row."""
        row = self.rows.get(key)
        if row is None:
            if self.matrix.shape[1] != centroid.shape[0]:
                self.matrix = np.zeros((self.matrix.shape[0], centroid.shape[0]))
            row = len(self.ids)
            if row == self.matrix.shape[0]:
                self._grow()
            self.ids.append(key)
            self.rows[key] = row
        self.matrix[row] = centroid
        self.first[row] = np.nan if first is None else first
        self.last[row] = np.nan if last is None else last
        self.created[row] = created
        self.language[row] = self.code(language)
        self.alive[row] = True

    def drop(self, key: str) -> None:
        row = self.rows.pop(key, None)
        if row is None:
            return
        self.ids[row] = None
        self.alive[row] = False
        if len(self.rows) * 2 < len(self.ids) and len(self.ids) > 64:
            self._compact()

    def candidates(
        self, day: int | None, window: int, horizon: int, language: str | None = None
    ) -> npt.NDArray[np.int64]:
        """Rows an article of `day` (and `language`) may join, in creation order (see
        StoryClusterer.active): a story of another language is never one."""
        n = len(self.ids)
        alive = self.alive[:n]
        if language is not None:
            codes = self.language[:n]
            alive = alive & ((codes == 0) | (codes == self.code(language)))
        first, last = self.first[:n], self.last[:n]
        undated = np.isnan(first) | np.isnan(last)
        with np.errstate(invalid="ignore"):
            if day is None:
                dated = last >= horizon
            else:
                dated = (first - window <= day) & (day <= last + window)
        rows = np.flatnonzero(alive & (undated | dated))
        return rows[np.argsort(self.created[rows], kind="stable")]

    def _grow(self) -> None:
        size = self.matrix.shape[0] * 2
        self.matrix = np.resize(self.matrix, (size, self.matrix.shape[1]))
        self.first = np.resize(self.first, size)
        self.last = np.resize(self.last, size)
        self.created = np.resize(self.created, size)
        self.language = np.resize(self.language, size)
        alive = np.zeros(size, dtype=bool)
        alive[: self.alive.shape[0]] = self.alive
        self.alive = alive

    def _compact(self) -> None:
        keep = [row for row, key in enumerate(self.ids) if key is not None]
        count = len(keep)
        size = max(16, 2 * count)
        matrix = np.zeros((size, self.matrix.shape[1]))
        matrix[:count] = self.matrix[keep]
        first, last = np.full(size, np.nan), np.full(size, np.nan)
        first[:count], last[:count] = self.first[keep], self.last[keep]
        created = np.zeros(size, dtype=np.int64)
        created[:count] = self.created[keep]
        language = np.zeros(size, dtype=np.int32)
        language[:count] = self.language[keep]
        alive = np.zeros(size, dtype=bool)
        alive[:count] = True
        self.ids = [self.ids[row] for row in keep]
        self.rows = {key: row for row, key in enumerate(self.ids) if key is not None}
        self.matrix, self.first, self.last, self.created, self.alive = (
            matrix,
            first,
            last,
            created,
            alive,
        )
        self.language = language
