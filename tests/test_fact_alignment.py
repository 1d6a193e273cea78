"""Fact groups: evidence from shared earlier years, and clauses that state two facts."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

import newsweave
from newsweave.align import AlignOptions
from newsweave.grouping import also_stating, group_across_articles
from newsweave.model import Digest


def _digest(tmp_path: Path, bodies: dict[str, str], align: AlignOptions | None = None) -> Digest:
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name, body in bodies.items():
        article = {
            "title": "Bridge closed",
            "source": name.upper(),
            "published": "2026-05-04T09:00:00+00:00",
            "text": body,
        }
        (tmp_path / f"{name}.json").write_text(json.dumps(article), encoding="utf-8")
    options = newsweave.DigestOptions(ner="rules")
    if align is not None:
        options = newsweave.DigestOptions(ner="rules", align=align)
    return newsweave.digest([tmp_path], options=options)


INSPECTION = {
    "a": "The harbour bridge was closed on Sunday.\n\nIn 2019, an audit found rust on the "
    "cables of the bridge's northern span.",
    "b": "Engineers shut the harbour bridge on Sunday.\n\nCorrosion of the northern span's "
    "cables was first recorded by inspectors in 2019.",
    "c": "Ferries ran every ten minutes after the bridge closed on Sunday.\n\n"
    "The northern cables have shown signs of wear since a 2019 inspection, the city said.",
}


def _facts_with(digest: Digest, word: str) -> list[set[str]]:
    return [
        {digest.article(a).source or "" for a in fact.article_ids}
        for fact in digest.facts
        if any(word in span.text for span in fact.spans)
    ]


def test_one_earlier_year_is_evidence_of_one_fact(tmp_path: Path) -> None:
    joined = _digest(tmp_path / "with", INSPECTION)
    assert {"A", "B", "C"} in _facts_with(joined, "2019")
    # the same clauses without the evidence of the year: the wordings alone are too far apart
    apart = _digest(tmp_path / "without", INSPECTION, AlignOptions(earlier_year_bonus=0.0))
    assert {"A", "B", "C"} not in _facts_with(apart, "2019")


def test_the_story_year_itself_is_no_evidence(tmp_path: Path) -> None:
    same_year = {name: body.replace("2019", "2026") for name, body in INSPECTION.items()}
    digest = _digest(tmp_path, same_year)
    assert {"A", "B", "C"} not in _facts_with(digest, "2026")


def _tile(values: list[list[float]]) -> np.ndarray:
    matrix = np.array(values, dtype=np.float32)
    return (matrix + matrix.T) / 2 + np.eye(len(values), dtype=np.float32) / 2


def test_a_clause_grouped_elsewhere_also_states_a_second_fact() -> None:
    # clause 2 (article y) tells the toll with clause 0 (x) and the missing with clause 3 (z)
    articles = ["x", "x", "y", "z", "w"]
    scores = _tile(
        [
            [1.0, 0.0, 0.8, 0.0, 0.0],
            [0.0, 1.0, 0.0, 0.0, 0.0],
            [0.8, 0.0, 1.0, 0.55, 0.0],
            [0.0, 0.0, 0.55, 1.0, 0.3],
            [0.0, 0.0, 0.0, 0.3, 1.0],
        ]
    )
    groups = group_across_articles(articles, scores, link=0.4, mean=0.3)
    assert groups == [[0, 2], [1], [3], [4]]
    also = also_stating(articles, scores, groups, least=0.5)
    assert also == [[], [], [2], []]  # below 0.5 on average nothing is lent (clause 4)
    # groups kept apart as a conflict lend each other no outlet
    assert also_stating(articles, scores, groups, least=0.5, apart=[(0, 3)]) == [[], [], [], []]


def test_one_clause_per_article_is_lent_the_most_alike() -> None:
    articles = ["x", "y", "y"]
    scores = _tile([[1.0, 0.6, 0.7], [0.6, 1.0, 0.0], [0.7, 0.0, 1.0]])
    groups = [[0], [1], [2]]
    assert also_stating(articles, scores, groups, least=0.5)[0] == [2]


def test_sample_single_facts_are_lent_outlets_that_state_them(sample_digest: Digest) -> None:
    # "sending a surge of water through riverside neighbourhoods" (Arclight) is grouped
    # elsewhere but is also stated by The Greywater Times' clause on the town's population
    surge = [
        fact
        for fact in sample_digest.facts
        if fact.text.startswith("sending a surge of water through riverside neighbourhoods")
    ]
    assert len(surge) == 1 and len(surge[0].article_ids) == 2
    (greywater,) = [s for s in surge[0].spans if "tore through" in s.text]
    assert any(greywater in fact.spans for fact in sample_digest.facts if fact is not surge[0])
