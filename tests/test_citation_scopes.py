"""What each citation of a summary sentence backs: the whole sentence or one of its clauses."""

from __future__ import annotations

import json

import newsweave
from newsweave.model import CitationScope, Digest, Sentence, SummarySentence, TextSpan
from newsweave.report.citation_scopes import CitedPiece, backed_only, cited_pieces


def test_every_citation_says_what_it_backs_with_exact_spans(sample_digest: Digest) -> None:
    for item in sample_digest.summary:
        own = sample_digest.sentence(item.sentence_id)
        for cited_id in item.citations[1:]:
            scopes = item.scopes_of(cited_id)
            assert scopes, f"citation {cited_id} of {item.text!r} backs nothing"
            cited = sample_digest.sentence(cited_id)
            for scope in scopes:
                for span, sentence in ((scope.claim, own), (scope.evidence, cited)):
                    article = sample_digest.article(span.article_id)
                    assert article.text[span.start : span.end] == span.text
                    assert span.sentence_id == sentence.id
                    assert sentence.start <= span.start < span.end <= sentence.end
                assert scope.whole == ((scope.claim.start, scope.claim.end) == (own.start, own.end))
        assert {s.evidence.sentence_id for s in item.scopes} == set(item.citations[1:])


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
    assert [p.text for p in pieces if p.backing] == [
        "after several days of intense rains, has devastated the lower town."
    ]
    assert "".join(p.text for p in pieces) == sample_digest.sentence(belsar).text
    # a sentence alike as a whole backs the whole of it
    whole = [s for s in sample_digest.summary if any(x.whole for x in s.scopes)]
    assert whole and all(backed_only(s, s.citations[1]) == [] for s in whole if s.scopes[0].whole)


def test_reports_show_the_scope(sample_digest: Digest) -> None:
    markdown = newsweave.render(sample_digest, "md")
    assert "(backs only “after days of heavy rain”): “" in markdown
    assert "**after several days of intense rains, has devastated the lower town.**" in markdown
    page = newsweave.render(sample_digest, "html")
    assert 'class="cite partial"' in page and "backs only “after days of heavy rain”" in page
    document = json.loads(newsweave.render(sample_digest, "json"))
    (lead,) = [s for s in document["summary"] if s["text"].startswith("A dam upstream")]
    partial = [s for s in lead["scopes"] if not s["whole"]]
    assert {s["claim"]["text"] for s in partial} >= {"after days of heavy rain"}
    assert all(s["sentence_id"] == s["evidence"]["sentence_id"] for s in lead["scopes"])


def _sentence(sid: str, article: str, text: str, start: int = 0) -> Sentence:
    return Sentence(sid, article, 0, text, start, start + len(text))


def _part(sentence: Sentence, text: str) -> TextSpan:
    start = sentence.start + sentence.text.index(text)
    return TextSpan(sentence.article_id, sentence.id, start, start + len(text), text)


def test_pieces_mark_each_backing_clause_in_order() -> None:
    own = _sentence("a-s0", "a", "Rain fell for days, and the dam gave way, killing nine people.")
    cited = _sentence("b-s3", "b", "After the rain the dam burst; nine people died there.", 40)
    dam, nine = _part(own, "and the dam gave way"), _part(own, "killing nine people.")
    burst, died = _part(cited, "After the rain the dam burst"), _part(cited, "nine people died")
    item = SummarySentence(
        own.text, own.id, "a", [own.id, cited.id], ["a", "b"],
        [CitationScope(dam, burst, whole=False), CitationScope(nine, died, whole=False)],
    )  # fmt: skip
    assert backed_only(item, cited.id) == [dam.text, nine.text]
    assert cited_pieces(item, cited) == [
        CitedPiece("After the rain the dam burst", True),
        CitedPiece("; ", False),
        CitedPiece("nine people died", True),
        CitedPiece(" there.", False),
    ]
    # the cited sentence is one clause: nothing to mark in it
    one = _sentence("c-s0", "c", "The dam burst.", 5)
    item = SummarySentence(
        own.text, own.id, "a", [own.id, one.id], ["a", "c"],
        [CitationScope(dam, one.span(), whole=False)],
    )  # fmt: skip
    assert cited_pieces(item, one) == [CitedPiece("The dam burst.", False)]
    assert backed_only(item, one.id) == [dam.text]
