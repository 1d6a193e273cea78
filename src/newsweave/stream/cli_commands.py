"""The `ingest` and `stories` commands and `digest --story`: arguments and printing only;
the work is done by `newsweave.stream`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from newsweave.errors import ConfigError
from newsweave.number_words import counted
from newsweave.terminal import print_skipped, progress_line

INGEST_EXAMPLES = """\
examples:
  newsweave ingest articles/ --db news.db         files and folders (all digest formats)
  newsweave ingest https://example.org/feed.xml   an RSS or Atom feed (or a feed file)
  newsweave ingest feed.xml --follow-links        fetch the page each feed entry links to
  newsweave ingest dump/ --engine dask --scheduler tcp://10.0.0.5:8786
  newsweave stories --db news.db                  then: newsweave digest --story ID --db news.db
"""


def add_stream_commands(commands: Any, parent: argparse.ArgumentParser) -> None:
    """Add `ingest` and `stories` to the subcommands; `parent` holds --db and --debug."""
    ingest = commands.add_parser(
        "ingest",
        parents=[parent],
        help="add articles from files, folders, feeds and URLs to a story store",
        description="Read SOURCEs, link duplicates, group articles into stories, store them.",
        epilog=INGEST_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ingest.add_argument("sources", nargs="+", metavar="SOURCE", help="file, folder, feed or URL")
    ingest.add_argument("--engine", choices=("local", "dask"), default="local")
    ingest.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler (default: a LocalCluster)"
    )
    ingest.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="worker processes (default: one per CPU for local, 2 for a Dask LocalCluster)",
    )
    ingest.add_argument("--batch-size", type=positive, default=64, metavar="N")
    ingest.add_argument(
        "--sentences",
        action="store_true",
        help="split and keep every article's sentences now (about a quarter more CPU); "
        "otherwise they are split when first read",
    )
    ingest.add_argument(
        "--window", type=positive, default=30, metavar="DAYS", help="story time window (30)"
    )
    ingest.add_argument(
        "--threshold", type=float, default=None, metavar="SCORE", help="story join score"
    )
    ingest.add_argument(
        "--follow-links", action="store_true", help="fetch the page of each feed entry"
    )
    ingest.add_argument("--timeout", type=float, default=20.0, metavar="S", help="per request")
    ingest.add_argument("--retries", type=int, default=3, metavar="N")
    ingest.add_argument(
        "--host-delay", type=float, default=1.0, metavar="S", help="between requests to a host"
    )
    ingest.add_argument("--max-size", type=float, default=20.0, metavar="MB")
    ingest.add_argument("--quiet", action="store_true", help="no progress display")

    stories = commands.add_parser(
        "stories",
        parents=[parent],
        help="list the stories of a store, the one that took an article last first",
    )
    stories.add_argument("--format", choices=("table", "json"), default="table")
    stories.add_argument(
        "--limit", type=positive, metavar="N", help="only the N that took an article last"
    )


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


def run_ingest(args: argparse.Namespace) -> int:
    from newsweave.ingest import IngestOptions
    from newsweave.stream import (
        ClusterOptions,
        DaskEngine,
        FetchOptions,
        LocalEngine,
        SourceOptions,
        StreamOptions,
        ingest,
    )
    from newsweave.stream.engine import Engine, default_workers
    from newsweave.stream.sources import only_empty_feeds

    max_bytes = int(args.max_size * 1024 * 1024)
    if max_bytes <= 0:
        raise ConfigError("--max-size must be positive")
    cluster = ClusterOptions(window_days=args.window)
    if args.threshold is not None:
        cluster = ClusterOptions(window_days=args.window, threshold=args.threshold)
    options = StreamOptions(
        cluster=cluster,
        batch_size=args.batch_size,
        sources=SourceOptions(
            read=IngestOptions(max_bytes=max_bytes),
            fetch=FetchOptions(
                timeout=args.timeout,
                retries=args.retries,
                host_delay=args.host_delay,
                max_bytes=max_bytes,
            ),
            follow_links=args.follow_links,
        ),
    )
    engine: Engine
    if args.engine == "dask":
        engine = DaskEngine(args.scheduler, workers=args.workers or 2, sentences=args.sentences)
    else:
        if args.scheduler:
            raise ConfigError("--scheduler needs --engine dask")
        engine = LocalEngine(args.workers or default_workers(), sentences=args.sentences)
    try:
        with ingest_progress(not args.quiet and sys.stderr.isatty()) as progress:
            report = ingest(
                args.sources, args.db, options=options, engine=engine, progress=progress
            )
    finally:
        engine.close()
    counts = report.counts
    rate = (counts["stored"] + counts["duplicate"]) / report.seconds if report.seconds else 0.0
    print(
        f"{counted(report.inputs, 'input')}: {counts['stored']} stored, "
        f"{counted(counts['duplicate'], 'duplicate')}, "
        f"{counts['already stored']} already stored, {counts['skipped']} skipped; "
        f"{counted(report.new_stories, 'new story')}, {counted(len(report.merges), 'merge')}; "
        f"{report.seconds:.1f} s ({rate:.0f} articles/s) -> {args.db}"
    )
    print_skipped(report.skipped, limit=20, more=" (table 'inputs')")
    for note in report.notes[:20]:
        print(f"newsweave: stored {note.input} from {note.reason}", file=sys.stderr)
    if len(report.notes) > 20:
        print(f"newsweave: ... and {len(report.notes) - 20} more (table 'inputs')", file=sys.stderr)
    quiet_feeds = only_empty_feeds(s.reason for s in report.skipped)
    if report.inputs and counts["skipped"] == report.inputs and not quiet_feeds:
        # nothing could be read: a scheduled ingest must be able to tell (a feed with no
        # entries yet is quiet, not broken)
        print("newsweave: error: no input could be read", file=sys.stderr)
        return 1
    return 0


@contextmanager
def ingest_progress(enabled: bool) -> Iterator[Callable[[Any], None]]:
    """A progress line with counts and throughput on stderr, only on a terminal."""
    with progress_line(enabled) as update:

        def report(state: Any) -> None:
            counts = state.counts
            done = counts["stored"] + counts["duplicate"]
            rate = done / state.seconds if state.seconds else 0.0
            update(
                f"ingesting: {state.inputs} inputs, {counts['stored']} stored, "
                f"{counts['duplicate']} duplicates, {counts['skipped']} skipped, "
                f"{rate:.0f} articles/s"
            )

        yield report


def run_stories(args: argparse.Namespace) -> int:
    from newsweave.stream.story_digest import open_existing

    with open_existing(args.db) as store:
        stories = store.stories(args.limit)
    if args.format == "json":
        sys.stdout.write(json.dumps([asdict(s) for s in stories], indent=2, ensure_ascii=False))
        sys.stdout.write("\n")
        return 0
    for story in stories:
        dates = " to ".join(dict.fromkeys(d for d in (story.first_date, story.last_date) if d))
        size = counted(story.size, "article")
        languages = ",".join(story.languages) or "language unknown"
        print(f"{story.id}  {size}  {dates or 'undated'}  {languages}  {story.title}")
        if story.top_entities:
            print(f"    entities: {', '.join(story.top_entities)}")
        for article in story.articles:
            copy = f"  (copy of {article.duplicate_of})" if article.duplicate_of else ""
            print(f"    - {article.id}  {article.source}  {article.origin}{copy}")
    if not stories:
        print(f"no stories in {args.db}", file=sys.stderr)
    return 0
