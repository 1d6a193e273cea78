"""One ingest run: sources -> items -> prepared batches -> duplicates -> stories -> store.

Items are read in order and grouped into batches; an item whose article id is already in
the store is accounted as "already stored" and not prepared again. Each prepared batch is
written in one transaction together with the story changes it caused and the accounting
of its inputs, so a run killed at any point leaves a consistent store, and running the
same input again completes it (or, when it was complete, changes no article or story).
Only one ingest may write to a store at a time (a lock file next to it says so).
"""

from __future__ import annotations

import fcntl
import itertools
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from threadpoolctl import threadpool_limits

from newsweave.errors import ConfigError, InputError
from newsweave.ingest.metadata import published_day
from newsweave.model import Document, Skipped
from newsweave.stream import ledger
from newsweave.stream.clustering import ClusterOptions, Merge, StoryClusterer, story_id
from newsweave.stream.dedup import DEFAULT_THRESHOLD, DuplicateIndex
from newsweave.stream.engine import Engine, LocalEngine
from newsweave.stream.prepare import Prepared, article_id
from newsweave.stream.sources import (
    EMPTY_FEED,
    Item,
    SourceOptions,
    iter_items,
    only_empty_feeds,
)
from newsweave.stream.store import Store


@dataclass(frozen=True)
class StreamOptions:
    cluster: ClusterOptions = field(default_factory=ClusterOptions)
    sources: SourceOptions = field(default_factory=SourceOptions)
    duplicate_threshold: float = DEFAULT_THRESHOLD
    batch_size: int = 64


@dataclass
class IngestReport:
    """What a run did: outcome counts, the inputs skipped, the stories touched."""

    run_id: int
    counts: Counter[str] = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[Skipped] = field(default_factory=list)  # inputs stored with a caveat
    new_stories: int = 0
    merges: list[Merge] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def inputs(self) -> int:
        return sum(self.counts.values())


Progress = Callable[[IngestReport], None]


def _quiet(_report: IngestReport) -> None:
    return None


def _readable_or_existing(items: Iterator[Item], db: Path) -> Iterator[Item]:
    """The items, unless `db` is new and none of them can be read: then InputError. Feeds
    with no entries yet, and nothing else, are quiet: their store is made."""
    if db.exists():
        return items
    head: list[Item] = []
    for item in items:
        head.append(item)
        if item.document is not None:
            return itertools.chain(head, items)
    if head and only_empty_feeds(item.reason for item in head):
        return iter(head)
    if not head:
        raise InputError(f"no input to ingest; no store was made at {db}")
    head = [item for item in head if item.reason != EMPTY_FEED]
    first = head[0]
    raise InputError(
        f"no input could be read ({first.input}: {first.reason}"
        f"{f'; {len(head) - 1} more' if len(head) > 1 else ''}); no store was made at {db}"
    )


def ingest(
    sources: Sequence[str],
    db: str | Path,
    *,
    options: StreamOptions | None = None,
    engine: Engine | None = None,
    progress: Progress = _quiet,
) -> IngestReport:
    """Ingest every source into the store at `db`; see the module docstring."""
    opts = options or StreamOptions()
    items = iter_items(sources, opts.sources)
    return ingest_items(
        items, db, options=opts, engine=engine, progress=progress, sources=list(sources)
    )


def ingest_documents(
    documents: Iterable[Document],
    db: str | Path,
    *,
    options: StreamOptions | None = None,
    engine: Engine | None = None,
    progress: Progress = _quiet,
) -> IngestReport:
    """Ingest documents already read (each accounted under its origin)."""
    items = (Item(d.origin, d) for d in documents)
    return ingest_items(items, db, options=options, engine=engine, progress=progress)


def ingest_items(
    items: Iterable[Item],
    db: str | Path,
    *,
    options: StreamOptions | None = None,
    engine: Engine | None = None,
    progress: Progress = _quiet,
    sources: list[str] | None = None,
) -> IngestReport:
    """Ingest items (documents or skipped inputs) in order into the store at `db`.

    Raises InputError, and creates no store, when `db` does not exist yet and nothing in
    the items can be read (a feed with no entries yet is quiet, not unreadable)."""
    opts = options or StreamOptions()
    engine = engine or LocalEngine()
    started = time.perf_counter()
    items = _readable_or_existing(iter(items), Path(db))
    # The clusterer's small matrix products gain nothing from BLAS threads, which spin on
    # the cores the preparing workers need (10,000 articles: 7.5 s -> 6.2 s of CPU here).
    with Store(db) as store, _writer_lock(Path(db)), threadpool_limits(1, user_api="blas"):
        run = _Run(store, opts, engine.name, sources or [])
        batches = run.batches(iter(items))
        for prepared in engine.map(batches):
            run.write_batch(prepared)
            run.report.seconds = time.perf_counter() - started
            progress(run.report)
        run.finish()
        run.report.seconds = time.perf_counter() - started
        progress(run.report)
        return run.report


class _Run:
    def __init__(self, store: Store, options: StreamOptions, engine: str, sources: list[str]):
        self.store = store
        self.options = options
        self.run_id = ledger.start_run(store, engine, sources)
        self.report = IngestReport(self.run_id)
        self.seq, self.clock = ledger.next_seq_and_day(store)
        window = options.cluster.window_days
        self.clusterer = StoryClusterer(
            options.cluster, store.load_stories_between, store.follow_up_stories
        )
        self.clusterer.clock = self.clock
        for story in store.load_stories(self.clock - window):
            self.clusterer.load(story)
        self.index = DuplicateIndex(threshold=options.duplicate_threshold, window_days=window)
        self.index.newest_day = self.clock
        for key, signature, day, seq in ledger.recent_originals(store, self.clock - window):
            self.index.add(key, signature, day, seq)
        self.pending: list[tuple[str, str]] = []  # (input, reason) read-time skips
        self.unchanged: list[tuple[str, str]] = []  # (input, article id)
        self.names: dict[str, list[str]] = {}  # article id -> inputs in flight
        self.notes: dict[str, str] = {}  # input -> how its document was got (Item.note)

    def batches(self, items: Iterator[Item]) -> Iterator[list[Document]]:
        """Documents to prepare, in order; skips and already-stored items are noted."""
        batch: list[Document] = []
        for item in items:
            if item.document is None:
                self.pending.append((item.input, item.reason or "not readable"))
                continue
            ident = article_id(item.document)
            if ledger.has_article(self.store, ident):
                self.unchanged.append((item.input, ident))
                continue
            self.names.setdefault(ident, []).append(item.input)
            if item.note is not None:
                self.notes[item.input] = item.note
            batch.append(item.document)
            if len(batch) >= self.options.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def write_batch(self, prepared: list[Prepared]) -> None:
        with self.store.transaction():
            self._flush_accounting()
            for item in prepared:
                self._place(self._input_name(item), item)
            self._save_stories()

    def _input_name(self, item: Prepared) -> str:
        """The input an engine's result came from (results are copies on other engines)."""
        waiting = self.names.get(item.id)
        if not waiting:
            return item.document.origin
        name = waiting.pop(0)
        if not waiting:
            del self.names[item.id]
        return name

    def finish(self) -> None:
        with self.store.transaction():
            self._flush_accounting()
            self.clusterer.recheck(self.clock)
            self._save_stories()
        ledger.finish_run(self.store, self.run_id, dict(self.report.counts))

    def _place(self, name: str, item: Prepared) -> None:
        note = self.notes.pop(name, None)
        if item.reason is not None or item.vector is None or item.signature is None:
            reason = item.reason or "not usable"
            self._account(name, ledger.SKIPPED, None, f"{reason} ({note})" if note else reason)
            return
        if ledger.has_article(self.store, item.id):  # given twice in this run
            self._account(name, ledger.UNCHANGED, item.id, note)
            return
        day = published_day(item.published)
        self.clock = max(self.clock, day or 0)
        stream_day = day if day is not None else self.clock
        self.clusterer.clock = self.clock
        self.index.advance(self.clock)
        exact = ledger.exact_original(self.store, item.text_hash)
        if exact is not None:
            place = ledger.Placement(exact[1], self.seq, stream_day, day, exact[0], "exact", 1.0)
        elif (near := self.index.find(item.signature)) is not None:
            story = ledger.story_of(self.store, near.original)
            place = ledger.Placement(
                story, self.seq, stream_day, day, near.original, "near", near.similarity
            )
        else:
            title = item.title or _first_line(item.text)
            story = self.clusterer.assign(
                item.id, item.vector, item.names, day, title, self.seq, item.language
            )
            self.report.new_stories += story == story_id(item.id)
            place = ledger.Placement(story, self.seq, stream_day, day)
            self.index.add(item.id, item.signature, stream_day, self.seq)
            self._save_merges()
        ledger.insert_article(self.store, self.run_id, item, place)
        outcome = ledger.STORED if place.duplicate_of is None else ledger.DUPLICATE
        if note is not None:
            self.report.notes.append(Skipped(name, note))
        self._account(
            name, outcome, item.id, "; ".join(filter(None, [place.duplicate_kind, note])) or None
        )
        self.seq += 1

    def _account(self, name: str, outcome: str, ident: str | None, reason: str | None) -> None:
        ledger.record_input(self.store, self.run_id, name, outcome, ident, reason)
        self.report.counts[outcome] += 1
        if outcome == ledger.SKIPPED:
            self.report.skipped.append(Skipped(name, reason or ""))

    def _flush_accounting(self) -> None:
        for name, reason in self.pending:
            self._account(name, ledger.SKIPPED, None, reason)
        for name, ident in self.unchanged:
            self._account(name, ledger.UNCHANGED, ident, None)
        self.pending.clear()
        self.unchanged.clear()

    def _save_merges(self) -> None:
        if self.clusterer.merges:
            self.store.record_merges(self.run_id, self.clusterer.merges)
            self.report.merges.extend(self.clusterer.merges)
            self.clusterer.merges.clear()

    def _save_stories(self) -> None:
        self._save_merges()
        changed = [self.clusterer.stories[k] for k in sorted(self.clusterer.changed)]
        self.store.save_stories(changed)
        self.clusterer.changed.clear()
        self.clusterer.forget_quiet()


def _first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= 120 else line[:117].rsplit(" ", 1)[0] + "…"


class _writer_lock:
    """An exclusive lock on `<db>.lock` for the length of the run."""

    def __init__(self, db: Path) -> None:
        self.path = db.with_name(db.name + ".lock")

    def __enter__(self) -> None:
        self.handle = open(self.path, "a")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            self.handle.close()
            raise ConfigError(f"another ingest is writing to {self.path.stem}") from error

    def __exit__(self, *exc: object) -> None:
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()
