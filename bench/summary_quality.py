"""Summary quality and speed: newsweave against its peers on the same clusters, same run.

    python bench/summary_quality.py                       # MultiLing 2011 English, 250 words
    python bench/summary_quality.py --clusters M000,M001  # a slice
    python bench/summary_quality.py --language french
    python bench/summary_quality.py --duc-docs DOCS --duc-models MODELS   # DUC, 100 words
    python bench/summary_quality.py --jsonl clusters.jsonl --words 100

Needs `pip install -e '.[bench]'` and, for ROUGE-1.5.5, Perl with Debian's libxml-dom-perl
(`apt-get install libxml-dom-perl`); without it the rouge-score figures are still printed.
Writes the Markdown table to stdout (and --markdown FILE) and everything to --json FILE.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import sys
from pathlib import Path

from newsweave.errors import InputError, NewsweaveError
from newsweave.evaluation.cluster import Cluster
from newsweave.evaluation.duc import read_duc
from newsweave.evaluation.harness import evaluate
from newsweave.evaluation.jsonl import read_jsonl
from newsweave.evaluation.multiling import read_multiling
from newsweave.evaluation.report import as_json, markdown
from newsweave.evaluation.systems import SYSTEM_NAMES, make_systems

MULTILING = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "multiling2011"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    data = parser.add_mutually_exclusive_group()
    data.add_argument("--multiling", type=Path, default=MULTILING, help="MultiLing 2011 folder")
    data.add_argument("--duc-docs", type=Path, help="DUC documents: one folder per cluster")
    data.add_argument("--jsonl", type=Path, help="JSON Lines: {id, documents, references}")
    parser.add_argument("--duc-models", type=Path, help="DUC reference summaries")
    parser.add_argument("--language", default="english", help="MultiLing language")
    parser.add_argument("--words", type=int, help="budget (default 250 MultiLing, else 100)")
    parser.add_argument(
        "--stem",
        action=argparse.BooleanOptionalAction,
        help="ROUGE-1.5.5 stemming (default: off for MultiLing, on otherwise)",
    )
    parser.add_argument("--clusters", help="comma-separated cluster ids to keep")
    parser.add_argument("--systems", default=",".join(SYSTEM_NAMES))
    parser.add_argument("--seed", type=int, default=13, help="seed of the random baseline")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per cluster (median)")
    parser.add_argument("--no-perl", action="store_true", help="skip ROUGE-1.5.5")
    parser.add_argument("--json", type=Path, help="write all results here")
    parser.add_argument("--markdown", type=Path, help="also write the tables here")
    args = parser.parse_args()
    if args.duc_docs and not args.duc_models:
        parser.error("--duc-docs needs --duc-models")
    if args.words is not None and args.words < 10:
        parser.error(f"--words must be at least 10, got {args.words}")
    return args


def load(args: argparse.Namespace) -> tuple[str, str | None, list[Cluster], int, bool]:
    """(data set name, published-table key, clusters, words, stemming)."""
    if args.duc_docs:
        clusters = read_duc(args.duc_docs, args.duc_models)
        name, key, words, stem = "DUC", "duc2004", 100, True
    elif args.jsonl:
        clusters = read_jsonl(args.jsonl)
        name, key, words, stem = args.jsonl.name, None, 100, True
    else:
        clusters = read_multiling(args.multiling, language=args.language)
        name, words, stem = f"MultiLing 2011 {args.language}", 250, False
        key = "multiling2011-en" if args.language.lower() == "english" else None
    if args.clusters:
        wanted = [c.strip() for c in args.clusters.split(",") if c.strip()]
        missing = sorted(set(wanted) - {c.id for c in clusters})
        if missing or not wanted:
            known = ", ".join(c.id for c in clusters)
            raise InputError(
                f"no cluster {', '.join(missing) or repr(args.clusters)}; known: {known}"
            )
        clusters = [c for c in clusters if c.id in wanted]
    words = words if args.words is None else args.words
    return name, key, clusters, words, stem if args.stem is None else args.stem


def main() -> int:
    args = arguments()
    logging.getLogger("absl").setLevel(logging.WARNING)  # rouge-score's "Using default tokenizer"
    try:
        name, key, clusters, words, stem = load(args)
        systems = make_systems(args.systems.split(","), seed=args.seed)
        run = evaluate(
            clusters,
            systems,
            dataset=name,
            words=words,
            stemming=stem,
            perl=not args.no_perl,
            repeat=args.repeat,
            progress=lambda m: print(m, file=sys.stderr),
        )
    except NewsweaveError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    machine = {
        "machine": platform.machine(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
    }
    table = markdown(run, key)
    header = f"machine: {machine['machine']}, {machine['cores']} cores, Python {machine['python']}"
    print(header + "\n\n" + table)
    if args.markdown:
        args.markdown.write_text(header + "\n\n" + table, encoding="utf-8")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(as_json(run, machine), indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
