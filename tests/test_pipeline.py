"""The pipeline keeps every input accounted for: in the digest or in `skipped`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import newsweave
from newsweave.errors import NoArticlesError
from newsweave.ingest import IngestOptions
from newsweave.pipeline import DigestOptions

STORY = (
    "Heavy rain flooded the river town of Orlen on Monday, forcing about 300 residents "
    "from their homes.\n\nThe mayor said emergency shelters had opened in two schools. "
    "Rescue crews used boats to reach families on the east bank of the river.\n\n"
    "Forecasters expect the water to fall by Wednesday, the regional weather office said."
)


def test_single_article_gives_a_single_source_digest(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(STORY, encoding="utf-8")
    result = newsweave.digest([tmp_path / "one.txt"])
    assert len(result.articles) == 1
    assert result.summary
    assert all(s.cited_articles == [result.articles[0].id] for s in result.summary)


def test_same_article_twice_is_skipped_as_duplicate(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY + "\n", encoding="utf-8")
    result = newsweave.digest([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert [Path(a.origin).name for a in result.articles] == ["a.txt"]
    assert len(result.skipped) == 1
    assert result.skipped[0].input.endswith("b.txt")
    assert result.skipped[0].reason.startswith("duplicate of")


def test_bad_inputs_are_listed_and_the_rest_is_kept(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin.txt").write_bytes(
        "Le café de la gare a rouvert lundi après les inondations, a déclaré le maire "
        "de la ville à la presse locale.".encode("cp1252")
    )
    (tmp_path / "big.txt").write_text("word " * 5000, encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><body><nav>Home News Sport</nav></body></html>", encoding="utf-8"
    )
    inputs = [
        good,
        tmp_path / "empty.txt",
        tmp_path / "binary.txt",
        tmp_path / "latin.txt",
        tmp_path / "big.txt",
        tmp_path / "page.html",
        tmp_path / "missing.txt",
    ]
    options = DigestOptions(ingest=IngestOptions(max_bytes=10_000))
    result = newsweave.digest(inputs, options=options)
    kept = {Path(a.origin).name for a in result.articles}
    skipped = {Path(s.input).name: s.reason for s in result.skipped}
    assert kept == {"good.txt", "latin.txt"}
    assert "café" in next(a.text for a in result.articles if a.origin.endswith("latin.txt"))
    assert skipped["empty.txt"] == "empty file"
    assert "binary" in skipped["binary.txt"]
    assert "limit" in skipped["big.txt"]
    assert "no article" in skipped["page.html"]
    assert skipped["missing.txt"] == "no such file or directory"
    assert len(kept) + len(skipped) == len(inputs)


def test_nothing_usable_raises_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(NoArticlesError) as error:
        newsweave.digest([tmp_path / "empty.txt", tmp_path / "nope"])
    message = str(error.value)
    assert "\n" not in message
    assert "empty.txt: empty file" in message
    assert "nope: no such file or directory" in message


def test_ids_are_stable_across_runs(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(STORY, encoding="utf-8")
    first = newsweave.digest([tmp_path / "one.txt"])
    second = newsweave.digest([tmp_path / "one.txt"])
    assert [a.id for a in first.articles] == [a.id for a in second.articles]
    assert [s.citations for s in first.summary] == [s.citations for s in second.summary]


def test_one_short_sentence_still_gets_a_summary(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text("Bridge reopened.", encoding="utf-8")
    result = newsweave.digest([tmp_path / "short.txt"])
    assert [s.text for s in result.summary] == ["Bridge reopened."]


def _sentences(count: int, subject: str) -> str:
    return " ".join(f"The {subject} report number {n} was filed on time." for n in range(count))


def test_a_text_longer_than_any_news_article_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsweave import pipeline

    monkeypatch.setattr(pipeline, "MAX_ARTICLE_SENTENCES", 12)
    (tmp_path / "long.txt").write_text(_sentences(20, "harbour"), encoding="utf-8")
    (tmp_path / "short.txt").write_text(_sentences(5, "bridge"), encoding="utf-8")
    digest = newsweave.digest([tmp_path])
    assert [a.origin for a in digest.articles] == [str(tmp_path / "short.txt")]
    (skip,) = digest.skipped
    assert skip.input == str(tmp_path / "long.txt")
    assert skip.reason == "too long for a news article: 20 sentences (at most 12)"


def test_too_much_text_for_one_digest_is_one_error_or_the_newest_of_a_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsweave import pipeline
    from newsweave.errors import TooMuchText
    from newsweave.model import Document

    monkeypatch.setattr(pipeline, "MAX_DIGEST_SENTENCES", 25)
    documents = [
        Document(origin=f"{day}.txt", format="text", body=_sentences(10, subject),
                 source=subject, published=f"2025-03-{day}")
        for day, subject in (("10", "harbour"), ("12", "bridge"), ("11", "river"))
    ]  # fmt: skip
    with pytest.raises(TooMuchText, match="30 sentences in 3 articles"):
        pipeline.digest_documents(documents)
    # a story: its two newest articles, the oldest listed as skipped
    digest = pipeline.digest_documents(documents, newest_first=True)
    assert [a.origin for a in digest.articles] == ["12.txt", "11.txt"]
    assert [s.input for s in digest.skipped] == ["10.txt"]
    assert digest.skipped[0].reason.startswith("older than the newest articles")
    # undated, the last ones given are the newest
    undated = [replace(d, published=None) for d in documents]
    digest = pipeline.digest_documents(undated, newest_first=True)
    assert [a.origin for a in digest.articles] == ["12.txt", "11.txt"]


def test_a_feed_given_to_digest_is_skipped_with_the_way_to_read_it(tmp_path: Path) -> None:
    feed = tmp_path / "news.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Herald</title>'
        "<item><title>Dam</title><description>&lt;p&gt;The dam held.&lt;/p&gt;</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    (tmp_path / "story.txt").write_text(_sentences(4, "bridge"), encoding="utf-8")
    digest = newsweave.digest([feed, tmp_path / "story.txt"])
    (skip,) = digest.skipped
    assert skip.input == str(feed) and skip.reason.startswith("an RSS/Atom feed")
    assert "newsweave ingest" in skip.reason


def test_a_page_that_mentions_a_feed_is_still_an_article() -> None:
    from newsweave.ingest.detect import looks_like_feed

    comment = "<!-- " + "x" * 1500 + " -->"
    assert looks_like_feed(f'<?xml version="1.0"?>\n{comment}\n<feed xmlns="atom">')
    assert looks_like_feed('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">')
    assert not looks_like_feed("<html><body><feedback-widget></feedback-widget><p>Text</p>")
    assert not looks_like_feed('<!doctype html><html><script>s = "<rss version";</script>')
    assert not looks_like_feed("<html><!-- <rdf:RDF> --><body><p>Text</p></body></html>")
