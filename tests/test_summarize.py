from __future__ import annotations

import numpy as np
import pytest

from newsweave.errors import ConfigError
from newsweave.model import Sentence
from newsweave.summarize import (
    SummaryOptions,
    has_broken_quote,
    is_candidate,
    is_dangling,
    lexrank,
    select,
)


@pytest.mark.parametrize(
    "text",
    [
        "But the talks ended without a deal.",
        "He said the bridge would reopen.",
        "This was the third flood in a decade.",
        "However, officials disagreed.",
        "“We are ready,” he said.",
        "The mayor said she was ready to discuss it.",
        "That morning the river rose again.",
        "This holiday was cut short by the flood.",
    ],
)
def test_dangling_sentences(text: str) -> None:
    assert is_dangling(text)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the bridge would reopen on Friday.",
        "Heavy rain flooded the valley on Monday.",
        "“We are ready,” the mayor said.",
        "Thessaly's governor, Ana Vell, said rescuers had reached the village.",
        "This Tuesday, rescuers were still searching the flooded streets.",
        "This week the council will vote on the budget.",
    ],
)
def test_self_contained_sentences(text: str) -> None:
    assert not is_dangling(text)


def test_broken_quotes() -> None:
    assert has_broken_quote("“We will stay here until the end, the mayor said.")
    assert has_broken_quote('he said "we are ready.')
    assert not has_broken_quote("“We are ready,” the mayor said.")
    assert not has_broken_quote('The mayor said "we are ready."')


def _sentence(i: int, text: str, article: str = "a") -> Sentence:
    return Sentence(id=f"{article}-s{i}", article_id=article, index=i, text=text, start=0, end=0)


def test_candidates_exclude_fragments_headings_and_questions() -> None:
    options = SummaryOptions()
    assert not is_candidate(_sentence(0, "Rescue teams reach the valley"), options)
    assert not is_candidate(_sentence(0, "Too short."), options)
    assert not is_candidate(_sentence(0, "Will the dam hold through the winter storms?"), options)
    assert is_candidate(_sentence(0, "Rescue teams reached the flooded valley on Monday."), options)


def test_candidates_end_with_the_full_stops_of_other_scripts() -> None:
    options = SummaryOptions()
    hindi = "बांध टूट गया और नदी किनारे के नौ लोग मारे गए।"
    assert is_candidate(_sentence(0, hindi), options)
    assert not is_candidate(
        _sentence(0, "هل انهار السد بعد أيام من الأمطار الغزيرة في المنطقة؟"), options
    )


def test_lexrank_prefers_the_hub() -> None:
    similarity = np.array(
        [[1.0, 0.8, 0.8, 0.8], [0.8, 1.0, 0.1, 0.1], [0.8, 0.1, 1.0, 0.1], [0.8, 0.1, 0.1, 1.0]],
        dtype=np.float32,
    )
    rank = lexrank(similarity)
    assert int(np.argmax(rank)) == 0
    assert abs(float(rank.sum()) - 1.0) < 1e-4


def test_select_respects_budget_and_skips_near_repeats() -> None:
    texts = [
        "Floods cut the only road into the valley on Monday morning.",
        "Floods cut the only road into the valley early on Monday.",
        "Rescuers used boats to reach about 2,000 stranded residents.",
        "The regional government promised money for repairs within weeks.",
    ]
    sentences = [_sentence(i, t) for i, t in enumerate(texts)]
    similarity = np.eye(4, dtype=np.float32)
    similarity[0, 1] = similarity[1, 0] = 0.95
    scores = np.array([1.0, 0.99, 0.8, 0.5], dtype=np.float32)
    chosen = select(sentences, similarity, scores, SummaryOptions(words=25))
    assert chosen[0] == 0
    assert 1 not in chosen
    assert sum(len(texts[i].split()) for i in chosen) <= 25


def test_word_budget_below_ten_is_refused() -> None:
    with pytest.raises(ConfigError, match="at least 10 words"):
        SummaryOptions(words=5)


def test_a_sentence_of_an_article_days_apart_needs_more_to_be_cited() -> None:
    from newsweave.model import Document
    from newsweave.pipeline import build_articles
    from newsweave.summarize import SummaryOptions, summarize

    bodies = [
        "Another strong aftershock shook the coastal towns of the region overnight, they said.",
        "A powerful aftershock rattled the towns along the coast of the region overnight.",
    ]

    def cited(second: str | None, alike: float) -> list[str]:
        documents = [
            Document(origin=f"{k}.txt", format="txt", body=body, source=f"S{k}", published=day)
            for k, (body, day) in enumerate(zip(bodies, ["2010-05-21", second], strict=True))
        ]
        articles, _ = build_articles(documents)
        similarity = np.array([[1.0, alike], [alike, 1.0]], dtype=np.float32)
        (first, *_) = summarize(articles, similarity, SummaryOptions(words=20))
        return first.cited_articles

    near = cited("2010-05-22", 0.58)
    assert len(near) == 2  # a day apart, alike at 0.58: cited (the bar is 0.52)
    assert len(cited("2010-10-22", 0.58)) == 1  # five months apart: 0.48 after the penalty
    assert len(cited("2010-10-22", 0.70)) == 2  # unless the two say it alike enough
    assert len(cited(None, 0.58)) == 2  # an undated article is taken as near
