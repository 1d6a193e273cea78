"""Score a digest of the bundled sample against its known answers (ANSWERS.json).

The sample's facts and conflicts were planted on purpose, each with the exact evidence text
of every outlet that reports it, so a digest's facts and conflicts can be checked span by
span. Used by the tests and by `bench/alignment.py`.

- A planted fact is *found* when one fact of the digest has a span overlapping its evidence
  in every outlet that reports it and no span in any other outlet. An outlet that states a
  fact twice has the second statement in the fact's `restated` (file: texts); a span
  overlapping either counts.
- A *link* is two spans of one digest fact in different articles. It is *right* when both
  are evidence of one planted fact (not a single-outlet one), *wrong* when one of them is
  evidence of a planted fact and the other is not evidence of that fact (the outlets of a
  planted fact are complete), and not judged when neither is evidence of any planted fact
  (the planted facts are not exhaustive).
- A planted conflict is *found* when one conflict of the digest has a claim overlapping the
  evidence of every planted claim; a digest conflict that matches no planted conflict is
  *spurious*; one whose claims cover both sides of a planted non-conflict is a *false pair*.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from newsweave.model import Conflict, Digest, Fact, TextSpan
from newsweave.sample import answers_path

Location = tuple[str, int, int]  # article id, start, end in article.text


@dataclass
class AlignmentScore:
    facts_found: list[str] = field(default_factory=list)
    facts_missed: list[str] = field(default_factory=list)
    links_right: int = 0
    links_wrong: list[tuple[str, str]] = field(default_factory=list)
    conflicts_found: list[str] = field(default_factory=list)
    conflicts_missed: list[str] = field(default_factory=list)
    judgments_wrong: list[str] = field(default_factory=list)
    conflicts_spurious: list[str] = field(default_factory=list)
    false_pairs: list[str] = field(default_factory=list)

    @property
    def fact_recall(self) -> float:
        return _share(len(self.facts_found), len(self.facts_missed))

    @property
    def link_precision(self) -> float:
        return _share(self.links_right, len(self.links_wrong))

    @property
    def conflict_recall(self) -> float:
        return _share(len(self.conflicts_found), len(self.conflicts_missed))

    @property
    def conflict_precision(self) -> float:
        return _share(len(self.conflicts_found), len(self.conflicts_spurious))


def _share(good: int, bad: int) -> float:
    """good / (good + bad), and 1.0 when there is nothing to judge."""
    return good / (good + bad) if good + bad else 1.0


def load_answers() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(answers_path().read_text(encoding="utf-8"))
    return loaded


def score_digest(digest: Digest) -> AlignmentScore:
    """How the digest's facts and conflicts compare with the planted ones."""
    answers = load_answers()
    article_of = {_file(a.origin): a for a in digest.articles}

    def locate(file: str, evidence: str) -> Location:
        article = article_of[file]
        start = article.text.find(evidence)
        if start < 0:
            raise ValueError(f"evidence not in {file}: {evidence!r}")
        return article.id, start, start + len(evidence)

    planted = {
        fact["id"]: {
            file: [locate(file, text)]
            + [locate(file, again) for again in fact.get("restated", {}).get(file, [])]
            for file, text in fact["evidence"].items()
        }
        for fact in answers["facts"]
    }
    score = AlignmentScore()
    for fact_id, evidence in planted.items():
        wanted = {locations[0][0] for locations in evidence.values()}
        if any(_covers(fact, evidence.values(), wanted) for fact in digest.facts):
            score.facts_found.append(fact_id)
        else:
            score.facts_missed.append(fact_id)
    single = {f["id"] for f in answers["facts"] if f["kind"] == "single"}
    # the claims of a planted conflict state one subject too ("killing nine people" and
    # "the death toll at nine"), so they label links as well as the facts do
    subjects = dict(planted)
    for conflict in answers["conflicts"]:
        subjects[conflict["id"]] = {
            claim["file"]: [locate(claim["file"], claim["evidence"])]
            for claim in conflict["claims"]
        }
    for fact in digest.facts:
        _judge_links(fact, subjects, single, score)
    _score_conflicts(digest.conflicts, answers, locate, score)
    return score


def _file(origin: str) -> str:
    return origin.replace("\\", "/").rsplit("/", 1)[-1]


def _overlaps(span: TextSpan, location: Location) -> bool:
    article, start, end = location
    return span.article_id == article and span.start < end and start < span.end


def _covers(fact: Fact, evidence: Any, wanted: set[str]) -> bool:
    return set(fact.article_ids) == wanted and all(
        any(_overlaps(span, location) for span in fact.spans for location in locations)
        for locations in evidence
    )


def _labels(span: TextSpan, planted: dict[str, dict[str, list[Location]]]) -> set[str]:
    return {
        fact_id
        for fact_id, evidence in planted.items()
        if any(_overlaps(span, location) for found in evidence.values() for location in found)
    }


def _judge_links(
    fact: Fact,
    planted: dict[str, dict[str, list[Location]]],
    single: set[str],
    score: AlignmentScore,
) -> None:
    spans = fact.spans
    for i, first in enumerate(spans):
        for second in spans[i + 1 :]:
            if first.article_id == second.article_id:
                continue
            a, b = _labels(first, planted), _labels(second, planted)
            if not a and not b:
                continue
            if (a & b) - single:
                score.links_right += 1
            else:
                score.links_wrong.append((first.text, second.text))


def _score_conflicts(
    conflicts: list[Conflict], answers: dict[str, Any], locate: Any, score: AlignmentScore
) -> None:
    matched: set[str] = set()
    for planted in answers["conflicts"]:
        evidence = [locate(c["file"], c["evidence"]) for c in planted["claims"]]
        hit = next(
            (
                conflict
                for conflict in conflicts
                if all(any(_overlaps(c.span, e) for c in conflict.claims) for e in evidence)
            ),
            None,
        )
        if hit is None:
            score.conflicts_missed.append(planted["id"])
            continue
        matched.add(hit.id)
        score.conflicts_found.append(planted["id"])
        if hit.judgment != planted["judgment"]:
            score.judgments_wrong.append(f"{planted['id']}: {hit.judgment}")
    score.conflicts_spurious = [c.subject for c in conflicts if c.id not in matched]
    for pair in answers["non_conflicts"]:
        a = locate(pair["a"]["file"], pair["a"]["evidence"])
        b = locate(pair["b"]["file"], pair["b"]["evidence"])
        for conflict in conflicts:
            claims_a = [
                c
                for c in conflict.claims
                if _overlaps(c.span, a) and c.text in pair["a"]["evidence"]
            ]
            claims_b = [
                c
                for c in conflict.claims
                if _overlaps(c.span, b) and c.text in pair["b"]["evidence"]
            ]
            if claims_a and claims_b and claims_a != claims_b:
                score.false_pairs.append(pair["reason"])
