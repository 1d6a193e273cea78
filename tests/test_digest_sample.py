"""End-to-end digest of the bundled sample, checked against its known answers."""

from __future__ import annotations

import json
from pathlib import Path

from newsweave.model import Article, Digest
from newsweave.sample import answers_path

ANSWERS = json.loads(answers_path().read_text("utf-8"))


def _by_file(digest: Digest) -> dict[str, Article]:
    return {Path(a.origin).name: a for a in digest.articles}


def test_every_sample_article_is_read(sample_digest: Digest) -> None:
    files = {a["file"] for a in ANSWERS["articles"]}
    assert set(_by_file(sample_digest)) == files
    assert sample_digest.skipped == []


def test_sample_metadata_matches_answers(sample_digest: Digest) -> None:
    articles = _by_file(sample_digest)
    for expected in ANSWERS["articles"]:
        article = articles[expected["file"]]
        if expected["source_stated"]:
            assert article.source == expected["source"], expected["file"]
        assert article.published == expected["published"], expected["file"]
        assert article.dateline == expected["dateline"], expected["file"]
        if expected["title"]:
            assert article.title == expected["title"], expected["file"]


def test_sample_boilerplate_removed_and_story_kept(sample_digest: Digest) -> None:
    articles = _by_file(sample_digest)
    for expected in ANSWERS["articles"]:
        text = articles[expected["file"]].text
        for line in expected["boilerplate"]:
            assert line not in text, (expected["file"], line)
        assert text.startswith(expected["first_story_sentence"]), expected["file"]
    for fact in ANSWERS["facts"]:
        for file, evidence in fact["evidence"].items():
            assert evidence in articles[file].text, (fact["id"], file)


def test_summary_cites_resolvable_sentences(sample_digest: Digest) -> None:
    assert sample_digest.summary
    words = sum(len(s.text.split()) for s in sample_digest.summary)
    assert 100 <= words <= 150
    for item in sample_digest.summary:
        source = sample_digest.sentence(item.sentence_id)
        assert source.text == item.text
        assert item.citations[0] == item.sentence_id
        for sentence_id in item.citations:
            cited = sample_digest.sentence(sentence_id)
            article = sample_digest.article(cited.article_id)
            assert article.text[cited.start : cited.end] == cited.text


def test_summary_cites_several_outlets_for_shared_facts(sample_digest: Digest) -> None:
    """At least one summary sentence states a fact every outlet reports and cites 3+ outlets,
    and no summary sentence cites an outlet whose cited sentence does not share its subject."""
    widest = max(len(s.cited_articles) for s in sample_digest.summary)
    assert widest >= 3
