"""Digest wall time: cold (a fresh process, model load included) and warm (in-process).

Clusters: the real five-outlet seed cluster (../shared/seeds), a real 10-article cluster
(MultiLing 2011 topic M000, English) and the bundled sample. The peer, measured in the same
run on the same sentences and word budget, is sumy's LexRank (pip install -e '.[bench]').

    python bench/digest_speed.py [--repeat 10] [--ner rules|auto] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from timing import median_seconds

import newsweave
from newsweave.ingest import read_sources
from newsweave.pipeline import build_articles

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def clusters() -> dict[str, list[Path]]:
    found = {"bundled sample (5)": [newsweave.sample_path()]}
    seeds = SHARED / "seeds"
    if seeds.is_dir():
        found["seeds (5)"] = [seeds]
    multiling = SHARED / "bench" / "multiling2011" / "source_texts"
    topic = sorted(multiling.glob("M000?.english"))
    if len(topic) == 10:
        found["MultiLing M000 (10)"] = topic
    return found


def cold_seconds(paths: list[Path], repeat: int, ner: str) -> float:
    command = [sys.executable, "-m", "newsweave", "digest", *map(str, paths)]
    command += ["--format", "json", "-o", os.devnull, "--quiet", "--ner", ner]
    return median_seconds(lambda: subprocess.run(command, check=True, capture_output=True), repeat)


def lexrank_peer(paths: list[Path], words: int) -> Callable[[], object] | None:
    try:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.utils import get_stop_words
    except ImportError:
        return None

    class WordTokenizer:
        language = "english"

        def to_words(self, text: str) -> list[str]:
            return re.findall(r"\w+", text)

        def to_sentences(self, text: str) -> list[str]:
            return [text]

    articles, _ = build_articles(read_sources(paths).documents)
    texts = [s.text for a in articles for s in a.sentences]
    tokenizer = WordTokenizer()
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def run() -> object:
        document = ObjectDocumentModel([Paragraph([Sentence(t, tokenizer) for t in texts])])
        ranked = summarizer(document, len(texts))
        chosen, used = [], 0
        for sentence in ranked:
            length = len(str(sentence).split())
            if used + length <= words:
                chosen.append(sentence)
                used += length
        return chosen

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="warm runs per cluster")
    parser.add_argument("--cold-repeat", type=int, default=3, help="cold runs per cluster")
    parser.add_argument("--words", type=int, default=150)
    parser.add_argument(
        "--ner",
        choices=("rules", "auto"),
        default="rules",
        help="entity types: rules (the default install) or auto (spaCy when installed)",
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    options = newsweave.DigestOptions(
        summary=newsweave.SummaryOptions(words=args.words), ner=args.ner
    )
    rows = []
    for name, paths in clusters().items():
        newsweave.digest(paths, options=options)  # warm the model and caches
        warm = median_seconds(lambda p=paths: newsweave.digest(p, options=options), args.repeat)
        cold = cold_seconds(paths, args.cold_repeat, args.ner)
        peer = lexrank_peer(paths, args.words)
        peer_seconds = median_seconds(peer, args.repeat) if peer else None
        rows.append({"cluster": name, "cold_s": cold, "warm_s": warm, "lexrank_s": peer_seconds})
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        f"; entity types: {args.ner}"
    )
    print("| cluster | cold digest (s) | warm digest (s) | sumy LexRank (s) | warm / LexRank |")
    print("|---|---:|---:|---:|---:|")
    for row in rows:
        peer_s = row["lexrank_s"]
        ratio = f"{row['warm_s'] / peer_s:.2f}" if peer_s else "n/a"
        peer_text = f"{peer_s:.3f}" if peer_s else "not installed"
        print(
            f"| {row['cluster']} | {row['cold_s']:.2f} | {row['warm_s']:.3f} | {peer_text} "
            f"| {ratio} |"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
