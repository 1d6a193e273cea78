"""How the reports show what a citation backs (`newsweave.model.CitationScope`).

A cited sentence that states only one clause of a summary sentence backs only that
clause: the reports name the clause ("backs only “after Russia massed some 100,000
troops near Ukraine”") and mark, in the cited sentence, the clause that states it. The
Markdown report, the HTML report and the web page use these helpers alike.
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
    if item.backs_all(cited):
        return []
    return list(dict.fromkeys(scope.claim.text for scope in item.scopes_of(cited)))


def cited_pieces(item: SummarySentence, cited: Sentence) -> list[CitedPiece]:
    """The cited sentence cut at the clauses that state what it backs of the summary
    sentence; one piece, not marked, when it backs the whole of it or states it whole."""
    spans = sorted({(s.evidence.start, s.evidence.end) for s in item.scopes_of(cited.id)})
    if item.backs_all(cited.id) or spans == [(cited.start, cited.end)]:
        return [CitedPiece(cited.text, backing=False)]
    pieces: list[CitedPiece] = []
    position = 0  # in the sentence's text
    for start, end in ((a - cited.start, b - cited.start) for a, b in spans):
        if start > position:  # clauses of one sentence never overlap
            pieces.append(CitedPiece(cited.text[position:start], backing=False))
        pieces.append(CitedPiece(cited.text[start:end], backing=True))
        position = end
    if position < len(cited.text):
        pieces.append(CitedPiece(cited.text[position:], backing=False))
    return pieces
