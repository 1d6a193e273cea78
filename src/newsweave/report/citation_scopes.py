"""How the reports show what a citation backs (`newsweave.model.CitationScope`).

A cited sentence that states only some clauses of a summary sentence backs only those:
the reports name them ("backs only “after days of heavy rain”"). In a cited sentence
linked through a fact, the clause that states it is marked, unless it is the whole
sentence. The Markdown report, the HTML report and the web page use these helpers alike
(the wording of a partial citation is `newsweave.report.markdown.backs_only_note`).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsweave.model import Sentence, SummarySentence


@dataclass(frozen=True)
class CitedPiece:
    """A piece of a cited sentence; `backing` when it is a clause that states the claim."""

    text: str
    backing: bool


def backed_only(item: SummarySentence, cited: str) -> list[str]:
    """The clauses of the summary sentence that the cited sentence (id) backs, in the
    sentence's order; empty when it backs the whole sentence."""
    scopes = item.scopes_of(cited)
    if any(scope.whole for scope in scopes):
        return []
    return list(dict.fromkeys(scope.claim.text for scope in scopes))


def cited_pieces(item: SummarySentence, cited: Sentence) -> list[CitedPiece]:
    """The cited sentence cut at its clauses that state what it backs of the summary
    sentence; one piece, not marked, when it is alike with it as a whole or states it
    in all its words."""
    scopes = item.scopes_of(cited.id)
    spans = sorted({(s.evidence.start, s.evidence.end) for s in scopes if s.by == "fact"})
    if not spans or spans == [(cited.start, cited.end)]:
        return [CitedPiece(cited.text, backing=False)]
    return sentence_pieces(cited, spans)


def sentence_pieces(sentence: Sentence, spans: list[tuple[int, int]]) -> list[CitedPiece]:
    """The sentence cut at the spans (article offsets, in order, not overlapping: clauses of
    one sentence), the spans' pieces marked `backing`."""
    pieces: list[CitedPiece] = []
    position = 0  # in the sentence's text
    for start, end in ((a - sentence.start, b - sentence.start) for a, b in spans):
        if start > position:
            pieces.append(CitedPiece(sentence.text[position:start], backing=False))
        pieces.append(CitedPiece(sentence.text[start:end], backing=True))
        position = end
    if position < len(sentence.text):
        pieces.append(CitedPiece(sentence.text[position:], backing=False))
    return pieces


def marked(backs_only: list[str], pieces: list[CitedPiece]) -> bool:
    """Whether a citation backs only clauses (`backed_only`) or has a clause of its
    sentence marked (`cited_pieces`)."""
    return bool(backs_only) or len(pieces) > 1
