"""Command line: parses arguments, calls library functions, prints. Nothing else lives here."""

from __future__ import annotations

import argparse
import math
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from newsweave import __version__
from newsweave.errors import ConfigError, NewsweaveError
from newsweave.recognisers import RECOGNISER_HELP, RECOGNISERS
from newsweave.stream.cli_commands import add_stream_commands, run_ingest, run_stories
from newsweave.terminal import print_skipped, progress_line
from newsweave.web.serve_command import add_serve_parser, run_serve

EXAMPLES = """\
examples:
  newsweave digest                       digest the bundled sample (same as: newsweave demo)
  newsweave digest articles/             every article under a folder, Markdown to stdout
  newsweave digest a.txt b.html c.json --format html -o digest.html
  newsweave digest feed.jsonl --words 250 --format json
  cat story.txt | newsweave digest -     read one article from stdin
  newsweave schema                       the JSON Schema of --format json
  newsweave ingest feeds/ --db news.db   keep a story store (see: newsweave ingest -h)
  newsweave stories --db news.db         its stories; then: newsweave digest --story ID
  newsweave serve --db news.db           the web app on http://127.0.0.1:8000/ (the web extra)
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsweave",
        description="Read several outlets' articles about one event; get a digest in which "
        "every summary sentence cites the articles that report it.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsweave {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    store = argparse.ArgumentParser(add_help=False)
    store.add_argument(
        "--db", default="newsweave.db", metavar="FILE", help="story store (newsweave.db)"
    )

    for name, help_text in (
        ("digest", "digest articles (the bundled sample when no PATH is given)"),
        ("demo", "digest the bundled sample"),
    ):
        command = commands.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=EXAMPLES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if name == "digest":
            command.add_argument(
                "paths",
                nargs="*",
                metavar="PATH",
                help="files or folders (read recursively); - reads stdin. Formats: .txt, "
                ".html, .json, .jsonl, Multi-News (articles separated by |||||)",
            )
            command.add_argument(
                "--story", metavar="ID", help="digest this story of the store given by --db"
            )
            command.add_argument(
                "--db", default="newsweave.db", metavar="FILE", help="story store (newsweave.db)"
            )
        command.add_argument(
            "--words", type=summary_words, default=150, help="summary length in words"
        )
        command.add_argument("--ner", choices=RECOGNISERS, default="auto", help=RECOGNISER_HELP)
        command.add_argument("--format", choices=("md", "json", "html"), default="md")
        command.add_argument("-o", "--output", metavar="FILE", help="write here, not stdout")
        command.add_argument(
            "--max-size",
            type=megabytes,
            default=20.0,
            metavar="MB",
            help="skip input files larger than this many megabytes (default 20)",
        )
        command.add_argument(
            "--quiet",
            action="store_true",
            help="no progress display and no note of the file written (skipped inputs, "
            "warnings and errors still print)",
        )
        command.add_argument("--debug", action="store_true", help="show tracebacks on errors")

    schema = commands.add_parser("schema", help="print the JSON Schema of the JSON output")
    schema.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    store.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    add_stream_commands(commands, store)
    add_serve_parser(commands)
    return parser


def megabytes(value: str) -> float:
    """An argparse type: a finite, positive number of megabytes."""
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number <= 0 or number > 1_000_000:
        raise argparse.ArgumentTypeError(f"expected a positive number of MB, got {value!r}")
    return number


def summary_words(value: str) -> int:
    """An argparse type: a whole number of words the summary can hold."""
    from newsweave.summarize import MIN_SUMMARY_WORDS

    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < MIN_SUMMARY_WORDS:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of words, at least {MIN_SUMMARY_WORDS}, got {value!r}"
        )
    return number


class Terminated(KeyboardInterrupt):
    """SIGTERM, ended like Ctrl-C: worker processes stop and what was committed stays."""


def _terminate(_signum: int, _frame: object) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main_thread else None
    try:
        return _run(args)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run(args: argparse.Namespace) -> int:
    try:
        if args.command == "schema":
            from newsweave.report.json_report import schema_text

            sys.stdout.write(schema_text())
            return 0
        if args.command == "ingest":
            return run_ingest(args)
        if args.command == "stories":
            return run_stories(args)
        if args.command == "serve":
            return run_serve(args)
        return run_digest(args)
    except NewsweaveError as error:
        if args.debug:
            raise
        print(f"newsweave: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as stop:
        kept = (
            " (what was stored is kept; run it again to finish)" if args.command == "ingest" else ""
        )
        print(f"newsweave: interrupted{kept}", file=sys.stderr)
        return 143 if isinstance(stop, Terminated) else 130  # 128 + the signal, as shells do
    except BrokenPipeError:
        # the reader went away ("| head"): stop quietly, and keep Python from complaining
        # again when it flushes stdout at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # what a shell reports for a command ended by SIGPIPE


def run_digest(args: argparse.Namespace) -> int:
    from newsweave.ingest import IngestOptions
    from newsweave.pipeline import DigestOptions, digest
    from newsweave.report import render
    from newsweave.sample import sample_path
    from newsweave.summarize import SummaryOptions

    paths = list(getattr(args, "paths", []) or [])
    story = getattr(args, "story", None)
    if story and paths:
        raise ConfigError("give either --story or PATHs, not both")
    if not paths and not story:
        paths = [str(sample_path())]
        # a warning, even with --quiet: text piped in without "-" is not read
        stdin_waiting = sys.stdin is not None and not sys.stdin.isatty()
        if args.command == "digest" and stdin_waiting:
            print(
                "newsweave: no PATH given: digesting the bundled sample (use - to read stdin)",
                file=sys.stderr,
            )
    options = DigestOptions(
        summary=SummaryOptions(words=args.words),
        ingest=IngestOptions(max_bytes=int(args.max_size * 1024 * 1024)),
        ner=args.ner,
    )
    show_progress = not args.quiet and sys.stderr.isatty()
    with stage_progress(show_progress) as report:
        if story:
            from newsweave.stream import digest_story

            report("reading")
            result = digest_story(args.db, story, options)
        else:
            stdin = getattr(sys.stdin, "buffer", None) if "-" in paths else None
            result = digest(paths, stdin=stdin, options=options, progress=report)
    text = render(result, args.format)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as error:
            raise ConfigError(f"cannot write {args.output}: {error.strerror or error}") from error
        if not args.quiet:
            print(f"newsweave: wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    print_skipped(result.skipped)
    return 0


@contextmanager
def stage_progress(enabled: bool) -> Iterator[Callable[[str], None]]:
    """A transient line naming the digest's current stage on stderr, only on a terminal."""
    from newsweave.pipeline import STAGES

    with progress_line(enabled, total=len(STAGES)) as update:

        def report(stage: str) -> None:
            done = STAGES.index(stage) if stage in STAGES else 0
            update(f"newsweave: {stage}", completed=done)

        yield report
