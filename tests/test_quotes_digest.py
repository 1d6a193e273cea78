"""Quotes in the digest: exact spans, one spelling per speaker, statements grouped."""

from __future__ import annotations

from pathlib import Path

from newsweave.model import Digest, Quote


def _statement(digest: Digest, words: str) -> list[Quote]:
    (quote,) = [q for q in digest.quotes if words in q.text]
    return [q for q in digest.quotes if q.group == quote.group]


def _outlets(digest: Digest, quotes: list[Quote]) -> list[str]:
    return [Path(digest.article(q.article_id).origin).name for q in quotes]


def test_every_quote_is_an_exact_span(sample_digest: Digest, seeds_digest: Digest) -> None:
    for digest in (sample_digest, seeds_digest):
        assert digest.quotes
        for quote in digest.quotes:
            article = digest.article(quote.article_id)
            assert article.text[quote.start : quote.end] == quote.text
            sentence = digest.sentence(quote.sentence_id)
            assert sentence.start <= quote.start < sentence.end


def test_sample_statements_and_speakers(sample_digest: Digest) -> None:
    veldt = _statement(sample_digest, "We will not stop until every missing person")
    assert _outlets(sample_digest, veldt) == ["arclight_wire.json", "belsar_messenger.txt"]
    assert {q.speaker for q in veldt} == {"Hana Veldt"}
    assert [q.speaker_description for q in veldt] == [
        "Interior Minister Hana Veldt", "the head of the ministry"
    ]  # fmt: skip
    zhivkan = _statement(sample_digest, "The next 48 hours are decisive")
    assert _outlets(sample_digest, zhivkan) == ["arclight_wire.json", "belsar_messenger.txt"]
    assert {q.speaker for q in zhivkan} == {"Lazar Zhivkan"}  # "Lazar Jivkan" merged
    (unnamed,) = [q for q in sample_digest.quotes if q.text.startswith("The 2023 report")]
    assert unnamed.speaker is None
    assert unnamed.speaker_description == "a senior official at the Interior Ministry"
    dravec = [q for q in sample_digest.quotes if q.speaker == "Anselm Dravec"]
    assert len({q.group for q in dravec}) == len(dravec)  # four statements, not one


def test_seed_statements_across_outlets(seeds_digest: Digest) -> None:
    objective = _statement(
        seeds_digest, "geopolitical objective today is clearly not Ukraine, but to"
    )
    assert len(objective) == 3
    assert {q.speaker for q in objective} == {"Emmanuel Macron"}
    assert any("geopolitical aim" in q.text for q in objective)
    peskov = _statement(seeds_digest, "too complicated to expect")
    assert len(peskov) == 2
    assert {q.speaker for q in peskov} == {"Dmitry Peskov"}
    assert any("too complex" in q.text for q in peskov)
    unnamed = [q for q in seeds_digest.quotes if q.speaker is None and q.speaker_description]
    assert "a senior French official" in {q.speaker_description for q in unnamed}


def test_quotes_in_reports(sample_digest: Digest) -> None:
    import newsweave

    markdown = newsweave.render(sample_digest, "md")
    section = markdown.split("## Who said what", 1)[1].split("## Sources", 1)[0]
    assert "**Hana Veldt**" in section and "**Unnamed sources**" in section
    assert (
        "  - also “We will not stop the searches before having found every disappeared" in section
    )
    html = newsweave.render(sample_digest, "html")
    assert 'id="quotes-h"' in html
