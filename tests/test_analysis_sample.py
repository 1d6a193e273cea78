"""Facts and conflicts on the bundled sample, scored against its planted answers."""

from __future__ import annotations

import pytest

from newsweave.model import Digest
from newsweave.sample.answers import AlignmentScore, score_digest

# Measured on the current alignment; a change that loses one of these is a regression.
FOUND = {"F3", "F4", "F5", "F6", "F8", "F9", "F11", "F13", "F14", "F15", "F16", "F17", "F18", "F19",
         "F21", "F22", "F23", "F24", "F25", "F26", "F27"}  # fmt: skip


@pytest.fixture(scope="module")
def score(sample_digest: Digest) -> AlignmentScore:
    result = score_digest(sample_digest)
    print(
        f"\nfacts: recall {result.fact_recall:.2f} ({len(result.facts_found)} of "
        f"{len(result.facts_found) + len(result.facts_missed)}), links: precision "
        f"{result.link_precision:.2f} ({result.links_right} right, {len(result.links_wrong)} "
        f"wrong); conflicts: recall {result.conflict_recall:.2f}, precision "
        f"{result.conflict_precision:.2f}"
    )
    return result


def test_every_planted_conflict_is_found_and_judged_right(score: AlignmentScore) -> None:
    assert score.conflicts_found == ["C1", "C2", "C3", "C4", "C5", "C6", "C7"]
    assert score.judgments_wrong == []


def test_no_spurious_conflict_and_no_unrelated_amounts_paired(score: AlignmentScore) -> None:
    assert score.conflicts_spurious == []
    assert score.false_pairs == []  # 2,000 people vs 90 minutes, 38 m dam vs 4 m wave, ...


def test_facts_found_and_links_precise(score: AlignmentScore) -> None:
    assert set(score.facts_found) >= FOUND
    assert score.fact_recall >= 0.7
    assert score.links_wrong == []  # "Two years ago, ..." (2023) is not "Two years later" (2025)


def test_death_toll_contradiction_reads_the_values(sample_digest: Digest) -> None:
    (toll,) = [c for c in sample_digest.conflicts if c.subject == "death toll"]
    assert toll.kind == "number" and toll.judgment == "contradiction"
    values = {
        sample_digest.article(c.article_id).origin.rsplit("/", 1)[-1]: c.value for c in toll.claims
    }
    assert values == {"arclight_wire.json": "9", "greywater_times.html": "9",
                      "kestrel24.txt": "9", "velmora_courier.txt": "14"}  # fmt: skip


def test_every_claim_and_fact_span_is_exact(sample_digest: Digest) -> None:
    for fact in sample_digest.facts:
        assert fact.text in {span.text for span in fact.spans}
        for span in fact.spans:
            assert sample_digest.article(span.article_id).text[span.start : span.end] == span.text
            assert span.sentence_id in fact.sentence_ids
    for conflict in sample_digest.conflicts:
        assert len({c.article_id for c in conflict.claims}) >= 2
        for claim in conflict.claims:
            text = sample_digest.article(claim.article_id).text
            assert text[claim.start : claim.end] == claim.text
            assert claim.span.start <= claim.start and claim.end <= claim.span.end


def test_every_statement_clause_is_in_a_fact(sample_digest: Digest) -> None:
    from newsweave.align import statement_clauses

    where: dict[tuple[str, int], list[str]] = {}
    for fact in sample_digest.facts:
        for span in fact.spans:
            where.setdefault((span.article_id, span.start), []).append(fact.kind)
    clauses = statement_clauses(sample_digest.articles)
    assert {(c.article_id, c.start) for c in clauses} == set(where)
    # a clause joins several facts only as a carrier of shared facts, never two single ones
    assert all(kinds.count("single") <= 1 for kinds in where.values())
    kinds = {fact.kind for fact in sample_digest.facts}
    assert kinds == {"consensus", "corroborated", "single"}


def test_no_fact_joins_clauses_whose_amounts_disagree(sample_digest: Digest) -> None:
    # nine dead against fourteen; a wave of four metres against about five: each outlet's
    # clause may be a fact with others that agree, never one fact with the other figure
    for subject in ("death toll", "amount in metres"):
        (conflict,) = [c for c in sample_digest.conflicts if c.subject == subject]
        for first in conflict.claims:
            for second in conflict.claims:
                if first.value == second.value:
                    continue
                for fact in sample_digest.facts:
                    assert not (first.span in fact.spans and second.span in fact.spans)
