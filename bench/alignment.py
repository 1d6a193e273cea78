"""Cross-source alignment: time and quality, against a textbook baseline in the same run;
and the time of finding and grouping quotes (who said what) on the same articles.

newsweave's alignment (clauses, blended similarity with amount and time evidence, average
linkage with one clause per article) and conflict finding, timed warm on: the bundled sample
(5 articles), the seed cluster (5), MultiLing 2011 topic M000 (10) and a 50-article set (the
English documents of MultiLing topics M000-M004: five stories, which is harder than one
story of 50 articles, since nothing should align across them).

The baseline, timed on the same articles, links whole sentences of different articles that
are each other's best TF-IDF match above 0.3 and groups them transitively: what a user would
write in an afternoon with scikit-learn. On the sample, both are scored against the planted
facts (`newsweave.sample.answers`).

    python bench/alignment.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import platform
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.sparse.csgraph import connected_components
from timing import median_seconds

import newsweave
from newsweave.align import Alignment, align
from newsweave.citations import best_match_by_article
from newsweave.embed import default_embedder
from newsweave.entities import find_entities
from newsweave.ingest import read_sources
from newsweave.model import Article, Digest, Entity, Fact, TextSpan
from newsweave.pipeline import all_conflicts, build_articles
from newsweave.quote_groups import group_quotes
from newsweave.quotes import find_quotes
from newsweave.sample.answers import score_digest
from newsweave.similarity import tfidf_vectors
from newsweave.timeline.events import dated_clauses
from newsweave.timeline.extract import Memo

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
MULTILING = SHARED / "bench" / "multiling2011" / "source_texts"


def story_sets() -> dict[str, list[Path]]:
    sets = {"bundled sample (5)": [newsweave.sample_path()]}
    if (SHARED / "seeds").is_dir():
        sets["seeds (5)"] = [SHARED / "seeds"]
    if MULTILING.is_dir():
        sets["MultiLing M000 (10)"] = sorted(MULTILING.glob("M000?.english"))
        fifty = sorted(p for t in range(5) for p in MULTILING.glob(f"M00{t}?.english"))
        if len(fifty) == 50:
            sets["MultiLing M000-M004 (50)"] = fifty
    return sets


def quotes(articles: Sequence[Article]) -> object:
    found = {a.id: find_quotes(a) for a in articles}
    return group_quotes(articles, found, default_embedder())


def analyse(articles: Sequence[Article], entities: Sequence[Entity]) -> Alignment:
    """Facts and every kind of conflict; the entities are found before timing."""
    readings = Memo()  # the temporal readings, shared by the stages as in a digest
    alignment = align(articles, default_embedder(), memo=readings, entities=entities)
    all_conflicts(articles, alignment, dated_clauses(articles, alignment, readings))
    return alignment


def baseline(articles: Sequence[Article]) -> list[Fact]:
    """Sentence-level mutual-best TF-IDF matches, grouped transitively."""
    sentences = [s for a in articles for s in a.sentences]
    vectors = tfidf_vectors([s.text for s in sentences])
    scores = vectors @ vectors.T
    best = best_match_by_article(sentences, scores)
    linked = np.zeros(scores.shape, dtype=bool)
    for i, sentence in enumerate(sentences):
        for article, best_in in best.items():
            j = int(best_in[i])
            mutual = article != sentence.article_id and best[sentence.article_id][j] == i
            linked[i, j] = mutual and scores[i, j] >= 0.3
    _, label = connected_components(linked, directed=False)
    groups: dict[int, list[int]] = {}
    for i, component in enumerate(label.tolist()):
        groups.setdefault(component, []).append(i)
    facts = []
    for members in groups.values():
        spans = [
            TextSpan(sentences[i].article_id, sentences[i].id, sentences[i].start,
                     sentences[i].end, sentences[i].text)
            for i in members
        ]  # fmt: skip
        ids = list(dict.fromkeys(s.article_id for s in spans))
        facts.append(Fact(str(members[0]), spans[0].text, "single" if len(ids) == 1 else
                          "corroborated", ids, [s.sentence_id for s in spans], spans))  # fmt: skip
    return facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}\n")  # fmt: skip
    print("| articles | sentences | clauses | newsweave (s) | baseline (s) | ratio | quotes (s) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, paths in story_sets().items():
        articles, _ = build_articles(read_sources(paths).documents)
        entities = find_entities(articles, ner="rules")
        alignment = analyse(articles, entities)  # warm: model load, imports
        ours = median_seconds(lambda a=articles, e=entities: analyse(a, e), args.repeat)
        theirs = median_seconds(lambda a=articles: baseline(a), args.repeat)
        quoting = median_seconds(lambda a=articles: quotes(a), args.repeat)
        sentences = sum(len(a.sentences) for a in articles)
        print(f"| {name} | {sentences} | {len(alignment.clauses)} | {ours:.3f} | {theirs:.3f} "
              f"| {ours / theirs:.1f} | {quoting:.3f} |")  # fmt: skip
    sample = newsweave.digest([newsweave.sample_path()])
    ours_score = score_digest(sample)
    base = Digest(sample.articles, sample.summary, [], facts=baseline(sample.articles))
    base_score = score_digest(base)
    print("\nOn the bundled sample's planted facts and conflicts:\n")
    print(
        "| alignment | facts found | link precision | links right / wrong | conflicts found "
        "| spurious |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for label, score in (("newsweave", ours_score), ("baseline", base_score)):
        planted = len(score.facts_found) + len(score.facts_missed)
        found = f"{len(score.facts_found)} of {planted} ({score.fact_recall:.2f})"
        links = f"{score.links_right} / {len(score.links_wrong)}"
        conflicts_planted = len(score.conflicts_found) + len(score.conflicts_missed)
        conflicts = (
            f"{len(score.conflicts_found)} of {conflicts_planted} | {len(score.conflicts_spurious)}"
        )
        print(f"| {label} | {found} | {score.link_precision:.2f} | {links} | {conflicts} |")


if __name__ == "__main__":
    main()
