"""What each citation of a summary sentence backs: the whole sentence or some of its clauses."""

from __future__ import annotations

import json
from typing import Any

import newsweave
from newsweave.model import (
    CitationScope,
    Digest,
    Sentence,
    SummarySentence,
    TextSpan,
)
from newsweave.report.citation_scopes import CitedPiece, backed_only, cited_pieces, marked
from newsweave.summarize import _scopes


def _sentence(sid: str, article: str, text: str, start: int = 0) -> Sentence:
    return Sentence(sid, article, 0, text, start, start + len(text))


def _part(sentence: Sentence, text: str) -> TextSpan:
    start = sentence.start + sentence.text.index(text)
    return TextSpan(sentence.article_id, sentence.id, start, start + len(text), text)


OWN = _sentence("a-s0", "a", "Rain fell for days, and the dam gave way, killing nine people.", 10)
CITED = _sentence("b-s3", "b", "After the rain the dam burst; nine people died there.", 40)
DAM, NINE = _part(OWN, "and the dam gave way"), _part(OWN, "killing nine people.")
BURST, DIED = _part(CITED, "After the rain the dam burst"), _part(CITED, "nine people died")


def test_every_citation_says_what_it_backs_with_exact_spans(sample_digest: Digest) -> None:
    for item in sample_digest.summary:
        own = sample_digest.sentence(item.sentence_id)
        assert {s.evidence.sentence_id for s in item.scopes} == set(item.citations[1:])
        for cited_id in item.citations[1:]:
            scopes = item.scopes_of(cited_id)
            assert scopes, f"citation {cited_id} of {item.text!r} backs nothing"
            assert len({s.whole for s in scopes}) == 1  # one answer per citation
            cited = sample_digest.sentence(cited_id)
            for scope in scopes:
                for span, sentence in ((scope.claim, own), (scope.evidence, cited)):
                    article = sample_digest.article(span.article_id)
                    assert article.text[span.start : span.end] == span.text
                    assert span.sentence_id == sentence.id
                    assert sentence.start <= span.start < span.end <= sentence.end
                if scope.by == "sentence":
                    assert (scope.claim, scope.evidence) == (own.span(), cited.span())
                    assert scope.whole


def test_a_background_clause_backs_only_itself(sample_digest: Digest) -> None:
    # the lead "A dam ... gave way early on Monday after days of heavy rain, sending a surge
    # ..., killing nine people" is cited by Belsar for the rain alone: its sentence is about
    # the rupture of the barrage, which it says in other words
    (lead,) = [s for s in sample_digest.summary if s.text.startswith("A dam upstream")]
    belsar = next(
        c for c in lead.citations[1:] if "belsar" in sample_digest.article(
            sample_digest.sentence(c).article_id).origin
    )  # fmt: skip
    assert backed_only(lead, belsar) == ["after days of heavy rain"]
    pieces = cited_pieces(lead, sample_digest.sentence(belsar))
    (backing,) = [p.text for p in pieces if p.backing]
    assert backing.startswith("after several days of intense rains")
    assert "".join(p.text for p in pieces) == sample_digest.sentence(belsar).text
    assert any_scoped(sample_digest)
    # who said it is not what a citation backs: Kestrel24's "Nine deaths have been
    # confirmed." backs the killing, not the rescue service's saying so
    nine = next(c for c in lead.citations[1:] if sample_digest.sentence(c).text.startswith("Nine"))
    assert backed_only(lead, nine) == ["and killing nine people"]


def test_fact_links_say_more_than_likeness_as_wholes() -> None:
    (scope,) = _scopes(OWN, CITED, True, {CITED.id: [(DAM, BURST)]})
    assert scope == CitationScope(DAM, BURST, whole=False, by="fact")
    (scope,) = _scopes(OWN, CITED, True, {})
    assert scope == CitationScope(OWN.span(), CITED.span(), whole=True, by="sentence")


def test_fact_links_back_their_clauses_in_order_without_repeats() -> None:
    links = {CITED.id: [(NINE, DIED), (DAM, BURST), (NINE, DIED)]}
    scopes = _scopes(OWN, CITED, False, links)
    assert [(s.claim.text, s.evidence.text) for s in scopes] == [
        ("and the dam gave way", "After the rain the dam burst"),
        ("killing nine people.", "nine people died"),
    ]
    assert not any(s.whole for s in scopes) and {s.by for s in scopes} == {"fact"}
    # "Rain fell for days" is backed by none of them
    item = SummarySentence(OWN.text, OWN.id, "a", [OWN.id, CITED.id], ["a", "b"], scopes)
    assert backed_only(item, CITED.id) == ["and the dam gave way", "killing nine people."]
    assert cited_pieces(item, CITED) == [
        CitedPiece("After the rain the dam burst", True),
        CitedPiece("; ", False),
        CitedPiece("nine people died", True),
        CitedPiece(" there.", False),
    ]


def test_clauses_that_make_up_the_sentence_back_it_whole() -> None:
    rain = _part(OWN, "Rain fell for days")
    links = {CITED.id: [(rain, BURST), (DAM, BURST), (NINE, DIED)]}
    scopes = _scopes(OWN, CITED, False, links)
    assert all(s.whole for s in scopes)
    item = SummarySentence(OWN.text, OWN.id, "a", [OWN.id, CITED.id], ["a", "b"], scopes)
    assert backed_only(item, CITED.id) == []
    # the cited clauses are still marked: they are what states it
    assert [p.text for p in cited_pieces(item, CITED) if p.backing] == [
        "After the rain the dam burst",
        "nine people died",
    ]
    # a summary sentence of one clause is backed whole by a fact link; a cited sentence of
    # one clause has nothing to mark
    one = _sentence("c-s0", "c", "The dam burst.", 5)
    own = _sentence("a-s1", "a", "The dam gave way on Monday.", 80)
    (scope,) = _scopes(own, one, False, {one.id: [(own.span(), one.span())]})
    assert scope.whole and scope.by == "fact"
    item = SummarySentence(own.text, own.id, "a", [own.id, one.id], ["a", "c"], [scope])
    assert cited_pieces(item, one) == [CitedPiece("The dam burst.", False)]


def test_reports_show_the_scope(sample_digest: Digest) -> None:
    markdown = newsweave.render(sample_digest, "md")
    assert "(backs only “after days of heavy rain”): “" in markdown
    assert "**after several days of intense rains" in markdown
    assert "in bold: the words of a cited sentence that state them" in markdown
    page = newsweave.render(sample_digest, "html")
    assert 'class="cite partial"' in page and "backs only “after days of heavy rain”" in page
    document = json.loads(newsweave.render(sample_digest, "json"))
    (lead,) = [s for s in document["summary"] if s["text"].startswith("A dam upstream")]
    partial = [s for s in lead["scopes"] if not s["whole"]]
    assert {s["claim"]["text"] for s in partial} >= {"after days of heavy rain"}
    belsar = [s for s in partial if s["claim"]["text"] == "after days of heavy rain"]
    assert belsar and all(s["by"] == "fact" for s in belsar)
    assert all(s["evidence"]["sentence_id"] in lead["citations"][1:] for s in lead["scopes"])


def test_markdown_keeps_the_short_header_when_every_citation_is_whole(digest_of: Any) -> None:
    texts = [
        "The river rose two metres overnight in Tarnow and 300 people left their homes.",
        "In Tarnow the river rose two metres overnight and 300 people left their homes.",
    ]
    digest = digest_of(*texts)
    (item,) = digest.summary
    (scope,) = item.scopes  # one clause each: the one link is of the two whole sentences
    assert scope.whole and (scope.claim.text, scope.evidence.text) == tuple(texts)
    assert not any_scoped(digest)
    markdown = newsweave.render(digest, "md")
    assert "Sentences of other outlets that state the same thing:\n" in markdown


def any_scoped(digest: Digest) -> bool:
    """Whether some citation of the summary backs only clauses or has a clause marked."""
    return any(
        marked(backed_only(item, cited), cited_pieces(item, digest.sentence(cited)))
        for item in digest.summary
        for cited in item.citations[1:]
    )
