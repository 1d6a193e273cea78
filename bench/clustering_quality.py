"""Story clustering quality: B-cubed precision, recall and F1 on a labelled, shuffled mix.

    .venv/bin/python bench/clustering_quality.py [--multiling ../shared/bench/multiling2011]

The mix: the 10 English topics of MultiLing 2011 (10 articles each, label = topic), the
bundled sample (5 articles, one label), and synthetic distractor articles from
`newsweave.stream.synthetic` (made-up events on other subjects, dated across 2005-2010 so
they interleave with the MultiLing dates; label = event; republished copies carry their
original's label). The whole mix is shuffled with a fixed seed and ingested in that order
into a fresh store; every stored article (copies included) is scored. MultiLing topics
are topics followed over months or years, not single events, so the mix is scored with
the default 30-day story window (quiet stories revived by follow-ups), the same window
without follow-ups (the peer), and a 400-day window; on three shuffles (`--seeds`).

Then each MultiLing language alone (its 10 topics, 100 articles, shuffled with the first
seed; no distractors), with the default window and with 400 days: the default embedder
was trained on English, and the stand-in for names reads capital letters, which Arabic,
Hebrew and Hindi do not have.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path

from newsweave.evaluation.multiling import LANGUAGES, read_multiling
from newsweave.ingest import read_sources
from newsweave.model import Document
from newsweave.sample import sample_path
from newsweave.stream import ClusterOptions, Store, StreamOptions
from newsweave.stream.ingest_run import ingest_documents
from newsweave.stream.synthetic import synthetic_stream

HERE = Path(__file__).resolve().parent
DEFAULT_MULTILING = HERE.parents[1] / "shared" / "bench" / "multiling2011"


def labelled_mix(multiling: Path, distractors: int, seed: int) -> list[tuple[Document, str]]:
    mix = _multiling(multiling, "english")
    mix += [(d, "sample") for d in read_sources([str(sample_path())]).documents]
    stream = synthetic_stream(distractors, seed=seed, events_per_day=0.03, start=date(2005, 1, 1))
    mix += [(item.document, f"synthetic:{item.event}") for item in stream]
    return _shuffled(mix, seed)


def language_mix(multiling: Path, language: str, seed: int) -> list[tuple[Document, str]]:
    """The MultiLing topics of one language alone, labelled by topic."""
    return _shuffled(_multiling(multiling, language), seed)


def _multiling(multiling: Path, language: str) -> list[tuple[Document, str]]:
    return [
        (d, f"multiling:{cluster.id}")
        for cluster in read_multiling(multiling, language=language)
        for d in cluster.documents
    ]


def _shuffled(mix: list[tuple[Document, str]], seed: int) -> list[tuple[Document, str]]:
    random.Random(seed).shuffle(mix)
    # origins must be unique: they identify the gold label of each stored article
    return [(replace(d, origin=f"{i:05d}:{d.origin}"), label) for i, (d, label) in enumerate(mix)]


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels."""
    clusters: dict[str, set[str]] = defaultdict(set)
    classes: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        clusters[predicted[item]].add(item)
        classes[gold[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        shared = len(clusters[predicted[item]] & classes[gold[item]])
        precision += shared / len(clusters[predicted[item]])
        recall += shared / len(classes[gold[item]])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def score(mix: list[tuple[Document, str]], options: StreamOptions) -> dict[str, object]:
    gold = {d.origin: label for d, label in mix}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "quality.db"
        report = ingest_documents([d for d, _ in mix], db, options=options)
        with Store(db) as store:
            predicted = {a.origin: s.id for s in store.stories() for a in s.articles}
            stories = len(store.stories())
    gold = {k: v for k, v in gold.items() if k in predicted}
    result: dict[str, object] = {
        "articles": len(gold),
        "stories": stories,
        "labels": len(set(gold.values())),
        "merges": len(report.merges),
    }
    for name, synthetic in (("all", True), ("multiling+sample", False)):
        subset = {k: v for k, v in gold.items() if synthetic or not v.startswith("synthetic")}
        p, r, f = bcubed({k: predicted[k] for k in subset}, subset)
        result[name] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    return result


CONFIGURATIONS = {
    "30 days (default)": ClusterOptions(),
    "30 days, no follow-ups": ClusterOptions(follow_up_threshold=2.0),  # never reached
    "400 days": ClusterOptions(window_days=400),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--multiling", type=Path, default=DEFAULT_MULTILING)
    parser.add_argument("--distractors", type=int, default=300)
    parser.add_argument("--seeds", type=int, nargs="+", default=[7, 8, 9])
    parser.add_argument("--out", type=Path, default=HERE / "results" / "stream_quality.json")
    args = parser.parse_args()
    results: dict[str, dict[str, object]] = {}
    print("| seed | story window | stories | precision | recall | F1 | F1, MultiLing + sample |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for seed in args.seeds:
        mix = labelled_mix(args.multiling, args.distractors, seed)
        for name, cluster in CONFIGURATIONS.items():
            found = score(mix, StreamOptions(cluster=cluster))
            results.setdefault(f"seed {seed}", {})[name] = found
            every, real = found["all"], found["multiling+sample"]
            assert isinstance(every, dict) and isinstance(real, dict)
            print(
                f"| {seed} | {name} | {found['stories']} | {every['precision']:.3f} | "
                f"{every['recall']:.3f} | {every['f1']:.3f} | {real['f1']:.3f} |"
            )
    print()
    print("| language alone | story window | articles | stories | precision | recall | F1 |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for language in LANGUAGES:
        mix = language_mix(args.multiling, language, args.seeds[0])
        for name in ("30 days (default)", "400 days"):
            found = score(mix, StreamOptions(cluster=CONFIGURATIONS[name]))
            results.setdefault(f"{language} alone", {})[name] = found
            alone = found["all"]  # no sample and no distractors in this mix
            assert isinstance(alone, dict)
            print(
                f"| {language} | {name} | {found['articles']} | {found['stories']} | "
                f"{alone['precision']:.3f} | {alone['recall']:.3f} | {alone['f1']:.3f} |"
            )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
