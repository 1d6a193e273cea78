"""The real five-outlet seed cluster (../shared/seeds, read at run time, never copied)."""

from __future__ import annotations

from pathlib import Path

from newsweave.model import Digest

BOILERPLATE = ("Skip to main content", "Source link", "Sign up today", "Sputnik Photo Agency")


def test_five_articles_without_boilerplate(seeds_digest: Digest) -> None:
    assert len(seeds_digest.articles) == 5
    assert [Path(s.input).name for s in seeds_digest.skipped] == ["README.md"]
    for article in seeds_digest.articles:
        for line in BOILERPLATE:
            assert line not in article.text, (article.origin, line)


def test_date_and_dateline_on_the_article_that_states_them(seeds_digest: Digest) -> None:
    dated = [a for a in seeds_digest.articles if a.published and not a.published_inferred]
    assert [(Path(a.origin).name[:3], a.published, a.dateline) for a in dated] == [
        ("000", "2022-02-07", "PARIS")
    ]
    assert not dated[0].text.startswith("date")


def test_the_other_seeds_dates_are_inferred_and_say_how(seeds_digest: Digest) -> None:
    inferred = [a for a in seeds_digest.articles if a.published_inferred]
    assert len(inferred) == 4
    assert {a.published for a in inferred} == {"2022-02-07"}
    assert all(a.published_from for a in inferred)
    explicit = [a for a in inferred if "Monday February 7" in (a.published_from or "")]
    assert [Path(a.origin).name[:3] for a in explicit] == ["003"]


def test_summary_is_about_150_words_on_the_meeting(seeds_digest: Digest) -> None:
    words = sum(len(s.text.split()) for s in seeds_digest.summary)
    assert 110 <= words <= 150
    text = " ".join(s.text for s in seeds_digest.summary)
    assert "Macron" in text and "Putin" in text and "Moscow" in text
    for item in seeds_digest.summary:
        for sentence_id in item.citations:
            cited = seeds_digest.sentence(sentence_id)
            article = seeds_digest.article(cited.article_id)
            assert article.text[cited.start : cited.end] == cited.text
    assert max(len(s.cited_articles) for s in seeds_digest.summary) >= 3


def test_no_summary_sentence_cites_another_one(seeds_digest: Digest) -> None:
    # one sentence citing another of the summary would say one thing twice
    chosen = {item.sentence_id for item in seeds_digest.summary}
    for item in seeds_digest.summary:
        assert not (set(item.citations[1:]) & chosen), item.text
