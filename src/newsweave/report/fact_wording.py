"""How the reports word a fact: its clause, or its sentence with the clause marked.

A fact is a clause (`newsweave.clauses`), and many clauses lean on the rest of their
sentence: "which felt they hadn't been properly informed that it would take place",
"carrying cars and trees with it", "speaking on condition of anonymity". Listed alone
they tell a reader nothing. Such a fact is shown in its whole sentence, with its own words
marked; a clause that says it all itself is shown alone. Under "Only in", an outlet's facts
of one sentence are one item: the sentence once, each fact's words marked (the whole
sentence unmarked when they make all of it), not the sentence again for each clause.
The Markdown and HTML reports both word facts this way, and the clauses of timeline
entries too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.align import standing
from newsweave.clauses import split_clauses
from newsweave.model import Conflict, Digest, Fact, Sentence, TextSpan
from newsweave.report.citation_scopes import CitedPiece, sentence_pieces

QUOTATION_MARKS = "“\"«‘'"


@dataclass(frozen=True)
class Wording:
    """One listed item: the facts it words (none for a timeline entry's clause) and their
    words, in their sentence (the facts' own words marked `backing`) when that is shown."""

    facts: list[Fact]
    pieces: list[CitedPiece]

    @property
    def alike(self) -> list[TextSpan]:
        """The clauses of other outlets worded much like its facts (`Fact.alike`), each once."""
        return list({(s.article_id, s.start): s for f in self.facts for s in f.alike}.values())

    @property
    def quoted(self) -> bool:
        """Whether the reports put it in quotation marks: not when it opens with one."""
        return not opens_quoted(self.pieces[0].text)


def opens_quoted(text: str) -> bool:
    """Whether the text opens with a quotation mark."""
    return text[:1] in QUOTATION_MARKS


def fact_wording(digest: Digest, fact: Fact) -> Wording:
    """The fact's own words when they stand alone or are their whole sentence; else its
    sentence, its words marked."""
    return _worded(digest, [fact])


def own_wordings(digest: Digest, facts: Sequence[Fact]) -> list[Wording]:
    """One outlet's facts (`Digest.only_in`) as listed items, in order: the facts of one
    sentence make one item."""
    by_sentence: dict[str, list[Fact]] = {}
    for fact in facts:
        span = _wording_span(fact)
        by_sentence.setdefault(span.sentence_id if span else fact.id, []).append(fact)
    return [_worded(digest, together) for together in by_sentence.values()]


def conflicts_of_facts(digest: Digest, facts: Sequence[Fact]) -> list[Conflict]:
    """The conflicts of any of the facts (an item's), each once, in the order first named."""
    return list({c.id: c for fact in facts for c in digest.conflicts_of(fact)}.values())


def clause_wording(digest: Digest, sentence_id: str, text: str) -> Wording:
    """A clause of a sentence (a timeline entry's: "and last week they asked the operator
    to open the spillways"), worded as a fact's is."""
    sentence = digest.sentence(sentence_id)
    at = sentence.text.find(text)
    if at < 0:
        return Wording([], [CitedPiece(text, backing=False)])
    start = sentence.start + at
    span = TextSpan(sentence.article_id, sentence.id, start, start + len(text), text)
    return Wording([], _pieces(sentence, [span]))


def _worded(digest: Digest, facts: list[Fact]) -> Wording:
    spans = [_wording_span(fact) for fact in facts]
    if any(span is None for span in spans) or len({s.sentence_id for s in spans if s}) > 1:
        return Wording(facts, [CitedPiece(" ".join(f.text for f in facts), backing=False)])
    found = sorted((span for span in spans if span is not None), key=lambda s: s.start)
    return Wording(facts, _pieces(digest.sentence(found[0].sentence_id), found))


def _pieces(sentence: Sentence, spans: list[TextSpan]) -> list[CitedPiece]:
    """The spans' words alone when one stands alone or is the whole sentence; the whole
    sentence unmarked when they make all of it; else the sentence, their words marked."""
    if len(spans) == 1 and (_whole(sentence, spans) or _stands_alone(spans[0], sentence)):
        return [CitedPiece(spans[0].text, backing=False)]
    if _whole(sentence, spans):
        return [CitedPiece(sentence.text, backing=False)]
    return sentence_pieces(sentence, _joined(sentence, spans))


def _joined(sentence: Sentence, spans: list[TextSpan]) -> list[tuple[int, int]]:
    """The spans (in order) as article offsets, two that only punctuation parts made one:
    one marked run, "The toll remains heavy in Velmora, where ...", not two."""
    joined: list[tuple[int, int]] = []
    for span in spans:
        if joined and not any(
            character.isalnum()
            for character in sentence.text[
                joined[-1][1] - sentence.start : span.start - sentence.start
            ]
        ):
            joined[-1] = (joined[-1][0], span.end)
        else:
            joined.append((span.start, span.end))
    return joined


def _wording_span(fact: Fact) -> TextSpan | None:
    """The span whose words are the fact's text (its representative clause)."""
    return next((span for span in fact.spans if span.text == fact.text), None)


def _whole(sentence: Sentence, spans: list[TextSpan]) -> bool:
    """Whether the spans leave nothing of the sentence but spaces and punctuation."""
    rest = sentence.text
    for span in sorted(spans, key=lambda s: s.start, reverse=True):
        start, end = span.start - sentence.start, span.end - sentence.start
        rest = rest[:start] + " " + rest[end:]
    return not any(character.isalnum() for character in rest)


def _stands_alone(span: TextSpan, sentence: Sentence) -> bool:
    """Whether the clause says what it says without the rest of its sentence: it does not
    open lower-case (after any quotation mark), continue another clause ("and ...",
    "which ...", "speaking on condition of anonymity") or lead into its sentence's main
    clause ("As Macron and Putin meet in Moscow"; `newsweave.align.standing`). A clause
    that leans on a pronoun ("They have not been seen since") leans on the sentence
    before, which its own would not resolve: it is shown alone."""
    if span.text.lstrip(QUOTATION_MARKS + "( ")[:1].islower():
        return False
    leads = any(c.leads for c in split_clauses(sentence) if c.start == span.start)
    return standing(span.text, leads) != 0
