"""What the digest page shows, worked out from a `Digest` (and its JSON form for the parts
other modules add, such as entities and the timeline) before the template renders it.

The template only loops and prints: every decision (which outlet number a citation gets,
how a sentence is highlighted, which words of a claim are the disputed amount) is made here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsweave.model import Article, Claim, Conflict, Digest, Sentence, SummarySentence
from newsweave.report.citation_scopes import CitedPiece, backed_only, cited_pieces, marked
from newsweave.report.disputes import Dispute, summary_disputes
from newsweave.report.html import paragraphs
from newsweave.report.markdown import headline, overview
from newsweave.report.quotes_section import by_speaker
from newsweave.report.timeline_chart import Timeline, timeline
from newsweave.web.entities import EntityRow, entity_rows

CONFLICTING, AGREED, SINGLE = "conflicting", "agreed", "single"


@dataclass(frozen=True)
class Cited:
    """One cited sentence, with the outlet it is from; `backs_only`, the clauses of the
    summary sentence it backs when it does not back all of it, and `pieces`, its text cut
    at the clauses that state them (`newsweave.report.citation_scopes`)."""

    sentence_id: str
    number: int
    source: str
    text: str
    backs_only: list[str] = field(default_factory=list)
    pieces: list[CitedPiece] = field(default_factory=list)


@dataclass(frozen=True)
class Mark:
    """One citation mark [n] of a summary sentence: the outlet and its cited sentences."""

    number: int
    source: str
    sentences: list[Cited]

    @property
    def sentence_ids(self) -> str:
        return " ".join(c.sentence_id for c in self.sentences)

    @property
    def backs_only(self) -> list[str]:
        """The clauses the outlet backs when none of its sentences backs the whole one."""
        if any(not c.backs_only for c in self.sentences):
            return []
        return list(dict.fromkeys(claim for c in self.sentences for claim in c.backs_only))


@dataclass(frozen=True)
class SummaryItem:
    index: int
    text: str
    marks: list[Mark]
    disputes: list[Dispute]  # what other outlets state otherwise

    @property
    def scoped(self) -> bool:
        """Whether a citation backs only clauses or has a clause marked."""
        return any(marked(c.backs_only, c.pieces) for m in self.marks for c in m.sentences)


@dataclass(frozen=True)
class SentenceView:
    id: str
    text: str
    kind: str | None  # CONFLICTING, AGREED, SINGLE or None
    cited: bool


@dataclass(frozen=True)
class Column:
    """One outlet's article, as a column of paragraphs of highlighted sentences."""

    number: int
    article: Article
    paragraphs: list[list[SentenceView]]
    counts: dict[str, int]


@dataclass(frozen=True)
class ClaimView:
    number: int
    source: str
    sentence_id: str
    before: str
    marked: str
    after: str


@dataclass(frozen=True)
class ValueGroup:
    value: str
    claims: list[ClaimView]


@dataclass(frozen=True)
class ConflictView:
    id: str
    subject: str
    judgment: str
    values: list[ValueGroup]


@dataclass(frozen=True)
class QuoteView:
    number: int
    source: str
    sentence_id: str
    text: str
    description: str | None


@dataclass(frozen=True)
class SpeakerView:
    speaker: str
    statements: list[list[QuoteView]]


@dataclass
class DigestView:
    """Everything the digest page template needs."""

    title: str
    overview: str
    summary: list[SummaryItem]
    columns: list[Column]
    conflicts: list[ConflictView]
    speakers: list[SpeakerView]
    entities: list[EntityRow]
    timeline: Timeline | None
    skipped: list[tuple[str, str]]
    sources: list[tuple[int, str]] = field(default_factory=list)


def _cited(
    digest: Digest, number: dict[str, int], item: SummarySentence, sentence: Sentence
) -> Cited:
    source = digest.article(sentence.article_id).source
    if sentence.id == item.sentence_id:  # the summary sentence's own source
        return Cited(sentence.id, number[sentence.article_id], source, sentence.text)
    return Cited(
        sentence.id,
        number[sentence.article_id],
        source,
        sentence.text,
        backed_only(item, sentence.id),
        cited_pieces(item, sentence),
    )


def _summary(digest: Digest, number: dict[str, int]) -> list[SummaryItem]:
    items = []
    for index, item in enumerate(digest.summary):
        by_article: dict[str, list[Cited]] = {}
        for sentence_id in item.citations:
            sentence = digest.sentence(sentence_id)
            cited = _cited(digest, number, item, sentence)
            by_article.setdefault(sentence.article_id, []).append(cited)
        marks = [
            Mark(number[article_id], cited[0].source, cited)
            for article_id, cited in sorted(by_article.items(), key=lambda kv: number[kv[0]])
        ]
        disputes = summary_disputes(digest, item, number)
        items.append(SummaryItem(index, item.text, marks, disputes))
    return items


def sentence_kinds(digest: Digest) -> dict[str, str]:
    """How each sentence is highlighted: part of a conflict, stated by several outlets, or
    a fact only one outlet reports (in that order of precedence); unlisted: none of these,
    nor a fact of one outlet that another words much like it (`Fact.alike`)."""
    kinds: dict[str, str] = {}
    for fact in digest.facts:
        if fact.kind == "single" and fact.alike:
            continue  # maybe stated elsewhere: not "reported by this outlet only"
        kind = SINGLE if fact.kind == "single" else AGREED
        for sentence_id in fact.sentence_ids:
            if kinds.get(sentence_id) != AGREED:
                kinds[sentence_id] = kind
    for conflict in digest.conflicts:
        for claim in conflict.claims:
            kinds[claim.sentence_id] = CONFLICTING
    return kinds


def _columns(digest: Digest, number: dict[str, int]) -> list[Column]:
    kinds = sentence_kinds(digest)
    cited = {c for s in digest.summary for c in s.citations}
    columns = []
    for article in digest.articles:
        groups = [
            [SentenceView(s.id, s.text, kinds.get(s.id), s.id in cited) for s in paragraph]
            for paragraph in paragraphs(article)
        ]
        counts = {kind: 0 for kind in (AGREED, SINGLE, CONFLICTING)}
        for sentence in (s for group in groups for s in group):
            if sentence.kind:
                counts[sentence.kind] += 1
        columns.append(Column(number[article.id], article, groups, counts))
    return columns


def _claim(digest: Digest, number: dict[str, int], claim: Claim) -> ClaimView:
    clause = claim.span
    start, end = claim.start - clause.start, claim.end - clause.start
    source = digest.article(claim.article_id).source
    if 0 <= start < end <= len(clause.text):
        parts = clause.text[:start], clause.text[start:end], clause.text[end:]
    else:
        parts = clause.text, "", ""
    return ClaimView(number[claim.article_id], source, claim.sentence_id, *parts)


def _conflict(digest: Digest, number: dict[str, int], conflict: Conflict) -> ConflictView:
    groups: dict[str, list[ClaimView]] = {}
    for claim in conflict.claims:
        groups.setdefault(claim.value, []).append(_claim(digest, number, claim))
    values = [ValueGroup(value, claims) for value, claims in groups.items()]
    values.sort(key=lambda g: -len(g.claims))
    return ConflictView(conflict.id, conflict.subject, conflict.judgment, values)


def _speakers(digest: Digest, number: dict[str, int]) -> list[SpeakerView]:
    speakers = []
    for speaker, statements in by_speaker(digest):
        views = [
            [
                QuoteView(
                    number[q.article_id],
                    digest.article(q.article_id).source,
                    q.sentence_id,
                    q.text,
                    q.speaker_description,
                )
                for q in statement.variants
            ]
            for statement in statements
        ]
        speakers.append(SpeakerView(speaker, views))
    return speakers


def digest_view(digest: Digest, data: dict[str, Any]) -> DigestView:
    """The page's view of `digest`; `data` is its JSON form (`json_report.to_dict`)."""
    number = {a.id: n for n, a in enumerate(digest.articles, start=1)}
    return DigestView(
        title=headline(digest),
        overview=overview(digest),
        summary=_summary(digest, number),
        columns=_columns(digest, number),
        conflicts=[_conflict(digest, number, c) for c in digest.conflicts],
        speakers=_speakers(digest, number),
        entities=entity_rows(data.get("entities"), [a.id for a in digest.articles]),
        timeline=timeline(data.get("timeline"), number),
        skipped=[(s.input, s.reason) for s in digest.skipped],
        sources=[(number[a.id], a.source) for a in digest.articles],
    )
