from __future__ import annotations

import json
from pathlib import Path

import newsweave
from newsweave.model import Digest

HOSTILE = (
    "Officials said the <script>alert('x')</script> bridge reopened on Friday after repairs.\n\n"
    'Residents cheered as the first cars crossed <img src=x onerror="alert(1)"> the river.\n\n'
    "The mayor said the repairs had cost about 2 million euros and took three weeks."
)


def test_html_escapes_article_text_and_makes_no_requests(tmp_path: Path) -> None:
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    html = newsweave.render(newsweave.digest([tmp_path / "hostile.txt"]), "html")
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html
    assert "http://" not in html and "https://" not in html
    assert "Content-Security-Policy" in html


def test_html_citations_link_to_sentence_anchors(sample_digest: Digest) -> None:
    html = newsweave.render(sample_digest, "html")
    for item in sample_digest.summary:
        for sentence_id in item.citations:
            assert f'href="#{sentence_id}"' in html
            assert f'id="{sentence_id}"' in html


def test_markdown_numbers_sources_and_lists_evidence(sample_digest: Digest) -> None:
    markdown = newsweave.render(sample_digest, "md")
    for number, article in enumerate(sample_digest.articles, start=1):
        assert f"{number}. **{article.source}**" in markdown
    if any(len(s.citations) > 1 for s in sample_digest.summary):
        assert "## Evidence" in markdown


def test_json_sentences_are_exact_spans(sample_digest: Digest) -> None:
    document = json.loads(newsweave.render(sample_digest, "json"))
    assert document["schema_version"] == "1.1"
    for article in document["articles"]:
        for sentence in article["sentences"]:
            assert article["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_markdown_keeps_article_markup_as_text(tmp_path: Path) -> None:
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    markdown = newsweave.render(newsweave.digest([tmp_path / "hostile.txt"]), "md")
    assert "<img" not in markdown and "<script>" not in markdown
    assert "&lt;script&gt;" in markdown or "&lt;img" in markdown


def test_html_declares_the_digest_language(sample_digest: Digest) -> None:
    assert '<html lang="en">' in newsweave.render(sample_digest, "html")
