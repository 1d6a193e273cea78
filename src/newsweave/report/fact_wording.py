"""How the reports word a fact: its clause, or its sentence with the clause marked.

A fact is a clause (`newsweave.clauses`), and many clauses lean on the rest of their
sentence: "which felt they hadn't been properly informed that it would take place",
"carrying cars and trees with it", "speaking on condition of anonymity". Listed alone
under "Only in" they tell a reader nothing. Such a fact is shown in its whole sentence,
with its own words marked; a clause that says it all itself is shown alone, as before.
The Markdown and HTML reports both word facts this way.
"""

from __future__ import annotations

from newsweave.align import standing
from newsweave.clauses import split_clauses
from newsweave.model import Digest, Fact, Sentence, TextSpan
from newsweave.report.citation_scopes import CitedPiece


def fact_pieces(digest: Digest, fact: Fact) -> list[CitedPiece]:
    """The fact's words as one unmarked piece when they stand alone or are their whole
    sentence; else its sentence cut into the words before, the fact's (marked `backing`)
    and the words after."""
    span = _wording_span(fact)
    if span is None:
        return [CitedPiece(fact.text, backing=False)]
    sentence = digest.sentence(span.sentence_id)
    start, end = span.start - sentence.start, span.end - sentence.start
    whole = sentence.text.strip()
    if span.text.strip() == whole or _stands_alone(span, sentence):
        return [CitedPiece(fact.text, backing=False)]
    pieces = [
        CitedPiece(sentence.text[:start], backing=False),
        CitedPiece(sentence.text[start:end], backing=True),
        CitedPiece(sentence.text[end:], backing=False),
    ]
    return [piece for piece in pieces if piece.text]


def _wording_span(fact: Fact) -> TextSpan | None:
    """The span whose words are the fact's text (its representative clause)."""
    return next((span for span in fact.spans if span.text == fact.text), None)


def _stands_alone(span: TextSpan, sentence: Sentence) -> bool:
    """Whether the clause says what it says without the rest of its sentence: it opens
    with a capital (after any quotation mark), it neither continues another clause nor
    leans on a pronoun (`newsweave.align.standing`), and it does not lead into its
    sentence's main clause ("As Macron and Putin meet in Moscow")."""
    if not span.text.lstrip("“\"‘'«( ")[:1].isupper():
        return False
    leads = any(c.leads for c in split_clauses(sentence) if c.start == span.start)
    return standing(span.text, leads) == 2
