"""Online story clustering: each new article joins the best active story or opens one.

An article's score against a story mixes the cosine of its embedding with the story's
centroid and the overlap of the names it mentions with the story's frequent names:

    score = (1 - name_weight) * cosine + name_weight * overlap

where overlap is the share of the article's (or the story's, when fewer) distinctive name
words that the other has. When both have names, an overlap below `min_overlap` rules the
story out whatever the cosine: two floods in two towns read alike but name different
places and people.

An article joins the best story of its language whose score reaches `threshold` among
the stories active at its day (the default embedder reads English: articles of other
languages look alike to it whatever they report, and a story mixing languages cannot be
digested as one): a story goes quiet when the article's day is more than `window_days` after
the story's last day (or before its first). An article that joins no active story may
still be a follow-up of a quiet one (a trial months after the crime, an anniversary, the
second aftershock of an earthquake): it joins the best quiet story that shares at
least `follow_up_overlap` of its names and scores `follow_up_threshold` or more, both
stricter than for active stories; the candidates come from the store's index of story
names (`follow_ups`), so memory still holds only the active window.

Every `recheck_every` articles, and at the end of a run, active stories whose centroids
have come together (`merge_threshold`) and whose names overlap by `merge_overlap` are
merged into the older one, and the merge is recorded. The same articles in the same order
always give the same stories; story ids are derived from each story's first article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from newsweave.model import content_id
from newsweave.stream.entities import name_keys
from newsweave.stream.story_index import StoryIndex

TOP_NAMES = 20
TOP_KEYS = 10
CANDIDATES = 10  # stories, by cosine, whose names are compared
FOLLOW_UP_CANDIDATES = 20  # quiet stories, sharing the most names, a follow-up is scored on


@dataclass(frozen=True)
class ClusterOptions:
    """How articles are grouped into stories."""

    threshold: float = 0.3
    name_weight: float = 0.15
    min_overlap: float = 0.1
    window_days: int = 30
    merge_threshold: float = 0.8
    merge_overlap: float = 0.3
    recheck_every: int = 500
    follow_up_threshold: float = 0.45
    follow_up_overlap: float = 0.3


@dataclass
class StoryState:
    """What the clusterer keeps about one story (and the store persists)."""

    id: str
    created_seq: int
    title: str
    vector_sum: npt.NDArray[np.float64]
    size: int = 0
    first_day: int | None = None
    last_day: int | None = None
    names: Counter[str] = field(default_factory=Counter)
    last_seq: int = 0
    # of its articles; None (a story of an older store, or opened by an article whose
    # language could not be told) until an article of known language joins it
    language: str | None = None
    _keys: set[str] | None = field(default=None, repr=False, compare=False)

    def centroid(self) -> npt.NDArray[np.float64]:
        norm = float(np.linalg.norm(self.vector_sum))
        return self.vector_sum / norm if norm else self.vector_sum

    def keys(self) -> set[str]:
        """The distinctive words of the story's most frequent names (cached)."""
        if self._keys is None:
            self._keys = name_keys([n for n, _ in self.names.most_common(TOP_NAMES)])
        return self._keys

    def touched(self) -> None:
        """Forget cached values after a change."""
        self._keys = None


@dataclass(frozen=True)
class Merge:
    """Story `merged` was found to be story `into` (all its articles moved there)."""

    merged: str
    into: str
    similarity: float


def story_id(first_article_id: str) -> str:
    """The id of the story an article opens: stable across runs and machines."""
    return "st" + content_id("story", first_article_id, length=12)


Loader = Callable[[int, int, int], list[StoryState]]
FollowUps = Callable[[set[str], int, int, set[str]], list[StoryState]]


def _no_loader(_low: int, _high: int, _horizon: int) -> list[StoryState]:
    return []


def _no_follow_ups(_keys: set[str], _low: int, _high: int, _besides: set[str]) -> list[StoryState]:
    return []


class StoryClusterer:
    """Holds the active stories; `assign` places one article, `recheck` merges stories.

    Memory holds the stories not quiet at the stream's newest day (`clock`). An article
    dated earlier than the window may belong to a story already let go of: `loader(low,
    high, horizon)` brings back the stories whose days meet [low, high] and whose last day
    is before `horizon` (the store's `load_stories_between`), so the stories an article
    may join never depend on what happened to be in memory. `follow_ups(keys, low, high,
    besides)` gives the stored stories, other than those in `besides`, that share name keys
    with an article and ended before `low` or began after `high` (the store's
    `follow_up_stories`).
    """

    def __init__(
        self,
        options: ClusterOptions | None = None,
        loader: Loader = _no_loader,
        follow_ups: FollowUps = _no_follow_ups,
    ) -> None:
        self.options = options or ClusterOptions()
        self.loader = loader
        self.follow_ups = follow_ups
        self.stories: dict[str, StoryState] = {}
        self.changed: set[str] = set()  # stories to write back to the store
        self.merges: list[Merge] = []  # merges not yet written to the store
        self.clock = 0  # the newest day of the stream so far
        self.index = StoryIndex()

    def load(self, story: StoryState) -> None:
        """Add a story read back from the store."""
        self.stories[story.id] = story
        self._index(story)

    def _index(self, story: StoryState) -> None:
        self.index.put(
            story.id,
            story.centroid(),
            story.first_day,
            story.last_day,
            story.created_seq,
            story.language,
        )

    def assign(
        self,
        article_id: str,
        vector: npt.NDArray[np.float32],
        names: tuple[str, ...],
        day: int | None,
        title: str,
        seq: int,
        language: str | None = None,
    ) -> str:
        """The id of the story the article joins (a new one when none scores enough)."""
        if day is not None and day < self.clock:
            self._reload(day)
        keys = name_keys(names)
        best = self._best(vector, keys, day, language)
        if best is None and day is not None and keys:
            best = self._follow_up(vector, keys, day, language)
        if best is None:
            story = StoryState(
                id=story_id(article_id),
                created_seq=seq,
                title=title,
                vector_sum=np.zeros(vector.shape[0], dtype=np.float64),
            )
            self.stories[story.id] = story
        else:
            story = self.stories[best]
        story.vector_sum += vector
        story.size += 1
        # a story opened by an article of no known language (a headline of names) takes the
        # language of the first article that has one
        story.language = story.language or language
        story.names.update(names)
        story.last_seq = seq
        if day is not None:
            story.first_day = day if story.first_day is None else min(story.first_day, day)
            story.last_day = day if story.last_day is None else max(story.last_day, day)
        story.touched()
        self._index(story)
        self.changed.add(story.id)
        joined = story.id
        if self.options.recheck_every and seq % self.options.recheck_every == 0:
            for merge in self.recheck(day):
                if merge.merged == joined:
                    joined = merge.into
        return joined

    def active(self, day: int | None) -> list[StoryState]:
        """Stories an article of this day may join, in creation order: those whose days
        are within the window of the article's day; for an undated article, those not
        quiet (their last day within the window of the stream's newest day)."""
        rows = self._candidate_rows(day)
        return [self.stories[str(self.index.ids[row])] for row in rows]

    def _candidate_rows(
        self, day: int | None, language: str | None = None
    ) -> npt.NDArray[np.int64]:
        window = self.options.window_days
        return self.index.candidates(day, window, self.clock - window, language)

    def _reload(self, day: int) -> None:
        window = self.options.window_days
        for story in self.loader(day - window, day + window, self.clock - window):
            if story.id not in self.stories:
                self.load(story)

    def forget_quiet(self) -> list[str]:
        """Drop from memory the quiet stories already written to the store."""
        horizon = self.clock - self.options.window_days
        quiet = [
            s.id
            for s in self.stories.values()
            if s.last_day is not None and s.last_day < horizon and s.id not in self.changed
        ]
        for key in quiet:
            del self.stories[key]
            self.index.drop(key)
        return quiet

    def recheck(self, day: int | None) -> list[Merge]:
        """Merge active stories whose centroids are within `merge_threshold`."""
        merges: list[Merge] = []
        stories = [s for s in self.active(day) if s.size > 0]
        if len(stories) < 2:
            return merges
        matrix = np.stack([s.centroid() for s in stories])
        similarity = matrix @ matrix.T
        gone: set[str] = set()
        for i, older in enumerate(stories):
            if older.id in gone:
                continue
            for j in range(i + 1, len(stories)):
                younger = stories[j]
                if younger.id in gone or similarity[i, j] < self.options.merge_threshold:
                    continue
                if _overlap(older.keys(), younger.keys()) < self.options.merge_overlap:
                    continue
                if not _one_language(older.language, younger.language):
                    continue
                self._merge(younger, older)
                gone.add(younger.id)
                merges.append(Merge(younger.id, older.id, float(similarity[i, j])))
        self.merges.extend(merges)
        return merges

    def _merge(self, source: StoryState, target: StoryState) -> None:
        target.language = target.language or source.language
        target.vector_sum += source.vector_sum
        target.size += source.size
        target.names.update(source.names)
        target.last_seq = max(target.last_seq, source.last_seq)
        days = [d for d in (target.first_day, source.first_day) if d is not None]
        target.first_day = min(days) if days else None
        days = [d for d in (target.last_day, source.last_day) if d is not None]
        target.last_day = max(days) if days else None
        target.touched()
        self._index(target)
        del self.stories[source.id]
        self.index.drop(source.id)
        self.changed.discard(source.id)
        self.changed.add(target.id)

    def _best(
        self,
        vector: npt.NDArray[np.float32],
        keys: set[str],
        day: int | None,
        language: str | None = None,
    ) -> str | None:
        rows = self._candidate_rows(day, language)
        if rows.size == 0:
            return None
        # every live row at once, then the candidates: cheaper than copying their rows out
        cosines = (self.index.matrix[: len(self.index.ids)] @ vector.astype(np.float64))[rows]
        weight = self.options.name_weight
        best: tuple[float, int] | None = None
        # rows are in creation order and the order is stable: ties go to the older story
        for position in _most_alike(cosines, CANDIDATES):
            story = self.stories[str(self.index.ids[rows[position]])]
            story_keys = story.keys()
            overlap = _overlap(keys, story_keys)
            if keys and story_keys and overlap < self.options.min_overlap:
                continue
            score = (1 - weight) * float(cosines[position]) + weight * overlap
            if score >= self.options.threshold and (best is None or score > best[0]):
                best = (score, int(position))
        return None if best is None else str(self.index.ids[rows[best[1]]])

    def _follow_up(
        self, vector: npt.NDArray[np.float32], keys: set[str], day: int, language: str | None
    ) -> str | None:
        """The quiet story the article follows up (or, arriving late, precedes), if any: the
        best story outside the window of its day that shares `follow_up_overlap` of the
        names and scores `follow_up_threshold` (ties: the older story). The candidates are
        the `FOLLOW_UP_CANDIDATES` sharing the most names, whether in memory or only in the
        store, so they do not depend on when memory was last cleared. A story read from the
        store is kept in memory."""
        low, high = day - self.options.window_days, day + self.options.window_days
        quiet = [
            s
            for s in self.stories.values()
            if s.size
            and s.first_day is not None
            and s.last_day is not None
            and (s.last_day < low or s.first_day > high)
            and s.keys() & keys
        ]
        stored = self.follow_ups(keys, low, high, set(self.stories))
        stories = [s for s in [*quiet, *stored] if _one_language(s.language, language)]
        ranked = sorted(stories, key=lambda s: (-len(s.keys() & keys), s.created_seq))
        weight = self.options.name_weight
        article = vector.astype(np.float64)
        best: tuple[float, int, StoryState] | None = None
        for story in ranked[:FOLLOW_UP_CANDIDATES]:
            overlap = _overlap(keys, story.keys())
            if overlap < self.options.follow_up_overlap:
                continue
            cosine = float(story.centroid() @ article)
            score = (1 - weight) * cosine + weight * overlap
            if score < self.options.follow_up_threshold:
                continue
            if best is None or (score, -story.created_seq) > (best[0], -best[1]):
                best = (score, story.created_seq, story)
        if best is None:
            return None
        if best[2].id not in self.stories:
            self.load(best[2])
        return best[2].id


def _most_alike(values: npt.NDArray[np.float64], count: int) -> npt.NDArray[np.int64]:
    """The positions of the `count` largest values, largest first and equal values in
    position order: the head of a stable sort of all of them, without sorting all."""
    positions = np.arange(values.size)
    if values.size > count and not np.isnan(values).any():
        cut = np.partition(values, values.size - count)[values.size - count]
        positions = np.flatnonzero(values >= cut)
    ordered: npt.NDArray[np.int64] = positions[np.argsort(-values[positions], kind="stable")]
    return ordered[:count]


def _one_language(first: str | None, second: str | None) -> bool:
    """Whether two stories (or a story and an article) may be one: the same language, or
    one of them of none known."""
    return first is None or second is None or first == second


def _overlap(keys: set[str], story_keys: set[str]) -> float:
    if not keys or not story_keys:
        return 0.0
    return len(keys & story_keys) / min(len(keys), len(story_keys), TOP_KEYS)
