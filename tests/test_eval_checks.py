from __future__ import annotations

import copy
from dataclasses import replace

import pytest

from newsweave.evaluation.checks import citations_resolve, dangling_share, redundancy
from newsweave.model import Digest


def test_every_citation_of_the_sample_digest_resolves(sample_digest: Digest) -> None:
    assert sample_digest.summary
    assert citations_resolve(sample_digest) == 1.0


def test_an_altered_sentence_or_a_bad_citation_is_caught(sample_digest: Digest) -> None:
    altered = copy.deepcopy(sample_digest)
    first = altered.summary[0]
    altered.summary[0] = replace(first, text=first.text.replace("nine", "ninety"))
    n = len(altered.summary)
    assert citations_resolve(altered) == pytest.approx((n - 1) / n)

    dangling_id = copy.deepcopy(sample_digest)
    first = dangling_id.summary[0]
    dangling_id.summary[0] = replace(first, citations=[*first.citations, "0000-s999"])
    assert citations_resolve(dangling_id) == pytest.approx((n - 1) / n)

    moved = copy.deepcopy(sample_digest)
    article = moved.articles[0]
    sentence = article.sentences[0]
    article.sentences[0] = replace(sentence, start=sentence.start + 1)
    cites_it = sum(sentence.id in s.citations for s in moved.summary)
    assert citations_resolve(moved) == pytest.approx((n - cites_it) / n)


def test_redundancy_is_the_closest_pair() -> None:
    same = "The dam burst on Monday after heavy rain."
    assert redundancy([same, same, "Rescuers lifted 340 people from roofs."]) == pytest.approx(1.0)
    assert redundancy(["The dam burst on Monday.", "Rescuers lifted people from roofs."]) == 0.0
    assert redundancy([same]) == 0.0


def test_dangling_share() -> None:
    assert dangling_share(["But it fell.", "The dam burst on Monday after heavy rain."]) == 0.5
    assert dangling_share([]) == 0.0
