"""Clauses of other outlets worded much like a fact of one outlet: shown to compare."""

from __future__ import annotations

import numpy as np

from newsweave.alike_elsewhere import alike_elsewhere
from newsweave.clauses import Clause
from newsweave.model import Digest


def _clauses(*articles: str) -> list[Clause]:
    return [Clause(f"{a}-s{k}", a, f"clause {k}", 0, 8) for k, a in enumerate(articles)]


def test_the_most_alike_clause_of_each_other_article_unless_kept_apart() -> None:
    clauses = _clauses("a", "b", "b", "c", "d")
    scores = np.eye(5, dtype=np.float32)
    scores[0, 1:] = scores[1:, 0] = [0.55, 0.62, 0.7, 0.49]
    groups = [[0], [1, 3], [2], [4]]
    # clause 0 is a fact of its own: b's best is clause 2 (0.62), c's is clause 3 (0.7), d is
    # below the threshold
    assert alike_elsewhere(clauses, groups, scores, apart=[])[0] == [2, 3]
    # a pair kept apart (a denial, another figure...) is a conflict, not a wording to compare
    assert alike_elsewhere(clauses, groups, scores, apart=[(0, 3)])[0] == [2]
    # only facts of one clause get any; and clause 2, alike only to clause 0 at 0.62, gets 0
    found = alike_elsewhere(clauses, groups, scores, apart=[])
    assert set(found) == {0, 2} and found[2] == [0]
    # a clause that only leads into its main clause ("As Macron and Putin meet in Moscow")
    # is no wording to compare: b's other clause is shown instead
    leading = [Clause(c.sentence_id, c.article_id, c.text, 0, 8, leads=k == 2) for k, c in
               enumerate(clauses)]  # fmt: skip
    assert alike_elsewhere(leading, groups, scores, apart=[])[0] == [1, 3]


def test_the_samples_dam_failure_is_compared_not_claimed(sample_digest: Digest) -> None:
    (dam,) = [f for f in sample_digest.facts if f.text.startswith("A dam upstream")]
    assert dam.kind == "single"
    assert [s.text for s in dam.alike] == [
        "The Halmir Dam, about 11km upstream of the town, gave way"
    ]
    for fact in sample_digest.facts:
        assert fact.alike == [] or fact.kind == "single"
        for span in fact.alike:
            assert span.article_id not in fact.article_ids
            assert sample_digest.article(span.article_id).text[span.start : span.end] == span.text
    # the denied report and its assertion are a conflict, not wordings to compare
    (denial,) = [f for f in sample_digest.facts if f.text.startswith("Company officials denied")]
    assert denial.alike == []
