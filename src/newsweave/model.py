"""The data that flows through newsweave: plain dataclasses, no behaviour beyond ids and lookups.

Offsets are character offsets (Python string indices) into the text named in each field's
comment. Ids are content hashes, so the same input always gives the same ids.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal


def content_id(*parts: str, length: int = 16) -> str:
    """A stable id: the first `length` hex digits of SHA-256 over the parts."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def sentence_id(article_id: str, index: int) -> str:
    """The id of an article's `index`-th sentence: '<article id>-s<index>'."""
    return f"{article_id}-s{index}"


@dataclass(frozen=True)
class Span:
    """A piece of text taken out of an article, with the reason it was taken out.

    `start`/`end` index the article's `raw_text` (the body as read, before cleaning).
    """

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Sentence:
    """One sentence; `start`/`end` index the article's cleaned `text`."""

    id: str
    article_id: str
    index: int
    text: str
    start: int
    end: int

    def span(self) -> TextSpan:
        """The whole sentence as a span of its article."""
        return TextSpan(self.article_id, self.id, self.start, self.end, self.text)


@dataclass
class Document:
    """One input document as a reader produced it, before cleaning.

    `origin` says where it came from (a path, "stdin", "path#3" for the 4th record of a
    JSON Lines file); metadata fields are None when the format did not carry them.
    """

    origin: str
    format: str
    body: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None


@dataclass
class Article:
    """A cleaned article ready for analysis."""

    id: str
    origin: str
    format: str
    source: str
    title: str | None
    url: str | None
    published: str | None  # ISO date (YYYY-MM-DD) or None
    published_inferred: bool  # True when `published` was not stated by the input
    dateline: str | None  # place of a dateline such as "PARIS"
    section: str | None  # section named in a "Title | Section" line
    language: str | None  # ISO 639-1 code
    raw_text: str  # the body as read
    text: str  # the body with boilerplate and metadata lines removed
    removed: list[Span] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    published_from: str | None = None  # how an inferred `published` was found

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding `text[offset]` (the first sentence when none does)."""
        index = bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return self.sentences[0]


@dataclass(frozen=True)
class Skipped:
    """An input that is not in the digest, and why."""

    input: str
    reason: str


@dataclass(frozen=True)
class SummarySentence:
    """A summary sentence: the exact text of a source sentence, and every sentence it cites.

    `sentence_id` is the sentence the text was taken from; `citations` lists it first,
    then the sentences of other articles that report the same thing. `scopes` says what
    each of those backs: the whole sentence, or some of its clauses (`CitationScope`).
    """

    text: str
    sentence_id: str
    article_id: str
    citations: list[str]
    cited_articles: list[str]
    scopes: list[CitationScope] = field(default_factory=list)

    def scopes_of(self, sentence_id: str) -> list[CitationScope]:
        """What the cited sentence backs of this one, in the order of this one's text."""
        return [s for s in self.scopes if s.evidence.sentence_id == sentence_id]


@dataclass(frozen=True)
class CitationScope:
    """What a cited sentence backs of a summary sentence: `claim` is the summary sentence
    or its clause that the citation states too, `evidence` the cited sentence or its clause
    that states it; both are exact spans of their articles.

    `by` says how the two were found: "fact", a clause of each in one fact group
    (`newsweave.align`), one scope per linked pair of clauses; "sentence", alike as wholes
    with no such link (claim and evidence are the two sentences). `whole`, the same on
    every scope of one citation, is true when the cited sentence backs all of the summary
    sentence: alike as wholes with no link of clauses, or its linked clauses make up the
    whole summary sentence; otherwise it backs only its claims ("after
    days of heavy rain", backed by Kestrel24's "after days of torrential rain" and not the
    dam's failure the sentence also reports), and leaves the rest to the sentence's other
    citations."""

    claim: TextSpan
    evidence: TextSpan
    whole: bool
    by: Literal["sentence", "fact"]


@dataclass(frozen=True)
class TextSpan:
    """An exact piece of an article: `article.text[start:end] == text`, inside a sentence."""

    article_id: str
    sentence_id: str
    start: int
    end: int
    text: str


# a clause of a sentence and a clause of another sentence that states the same fact
ClauseLink = tuple[TextSpan, TextSpan]


@dataclass(frozen=True)
class Fact:
    """One statement as reported by one or more outlets.

    `text` is the exact text of one of its `spans` (the most central wording); `kind` is
    "consensus" (most outlets), "corroborated" (two or more) or "single" (one outlet). A
    single fact's `alike` are clauses of other outlets, in other facts, worded much like it
    (`newsweave.alike_elsewhere`): maybe the same statement, for the reader to compare."""

    id: str
    text: str
    kind: str
    article_ids: list[str]
    sentence_ids: list[str]
    spans: list[TextSpan]
    alike: list[TextSpan] = field(default_factory=list)


@dataclass(frozen=True)
class Claim:
    """One outlet's value in a conflict: `text == article.text[start:end]` is the exact
    wording of the amount ("some 2,000"), `value` its reading ("2,000 (approximate)"),
    and `span` the clause that states it. An amount has the range its wording allows,
    `low` to `high` (`high` None when unbounded: "more than 100,000"); other claims have
    neither."""

    value: str
    text: str
    sentence_id: str
    article_id: str
    start: int
    end: int
    span: TextSpan
    low: float | None = None
    high: float | None = None

    def cannot_hold_with(self, other: Claim) -> bool:
        """Whether the two can hardly or never both be true: amounts whose ranges do not
        meet ("nine" and "Fourteen"; not "some 100,000" and "tens of thousands"); two
        different values of a date, a denial, a doer or a place."""
        if self.low is None or other.low is None:
            return self.value != other.value
        self_high = math.inf if self.high is None else self.high
        other_high = math.inf if other.high is None else other.high
        return self_high < other.low or other_high < self.low


@dataclass(frozen=True)
class Conflict:
    """Values that differ for one subject across outlets.

    `kind` is "number", "date", "claim" (asserted and denied), "participant" (one act
    credited to different people) or "place" (one event placed in different capitals);
    `judgment` is "compatible" (the wordings can all be true: "some 2,000" and "more than
    2,000"), "tension" (they can hardly all be true) or "contradiction" (they cannot: nine
    dead against fourteen)."""

    id: str
    subject: str
    kind: str
    judgment: str
    claims: list[Claim]


@dataclass(frozen=True)
class Quote:
    """Words an article puts in someone's mouth: `text == article.text[start:end]`, without
    the quotation marks. `speaker` is the person or organisation named (one spelling for
    the whole digest), None for unnamed sources; `speaker_description` is the attribution
    as the article writes it. Quotes of one statement in several outlets share `group`.
    `form`: "full", "partial", "split" (a piece of a quote split by its attribution) or
    "continued" (a paragraph that carries on the previous speaker's quote)."""

    id: str
    text: str
    speaker: str | None
    speaker_description: str | None
    article_id: str
    sentence_id: str
    start: int
    end: int
    group: str
    form: str


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place named in the articles, merged across spellings.

    `name` is one of the forms the articles write; `aliases` the other forms written
    (spellings, surnames, acronyms, demonyms, role phrases such as "the interior
    minister"); `roles` what the articles call the entity ("Kremlin spokesman");
    `mentions` counts its mentions per article id; `spans` holds its first mention in each
    article. `type` is "person", "organisation" or "place"."""

    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    mentions: dict[str, int]
    spans: list[TextSpan]


@dataclass(frozen=True)
class TimelineEntry:
    """A dated event: `text` is the exact clause of the first article that dates it,
    `spans` the dating expressions as each article writes them ("on Tuesday", "Feb. 8").
    `date`/`end` are ISO days (first and last, `end` None for one day), at `granularity`
    "day", "week", "month", "season", "year" or "decade"; `time` is "HH:MM" when a clock
    time is given; `inferred` is True when a date was counted from a publication date that
    was itself inferred. `also_reported_by` lists articles that state the same fact
    without dating it."""

    id: str
    date: str
    end: str | None
    granularity: str
    time: str | None
    text: str
    article_ids: list[str]
    sentence_ids: list[str]
    inferred: bool
    spans: list[TextSpan]
    also_reported_by: list[str] = field(default_factory=list)  # same fact, no date given


@dataclass
class Digest:
    """Everything newsweave says about one set of articles."""

    articles: list[Article]
    summary: list[SummarySentence]
    skipped: list[Skipped]
    settings: dict[str, object] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)

    def sentence(self, sentence_id: str) -> Sentence:
        """The sentence with this id (see `sentence_id`)."""
        article_id, _, index = sentence_id.rpartition("-s")
        sentences = self.article(article_id).sentences
        if index.isdigit() and int(index) < len(sentences):
            found = sentences[int(index)]
            if found.id == sentence_id:
                return found
        raise KeyError(sentence_id)

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def disputes_of(self, item: SummarySentence) -> list[tuple[Conflict, list[Claim]]]:
        """The conflicts where the summary sentence itself states a value and other
        outlets state another ("killing nine people" / "Fourteen people died"), each with
        those other outlets' claims: a reader should see it is disputed where it is said.
        A value the sentence only cites, one every outlet shares, or one the conflict
        judges compatible with the others ("some 2,000" / "about 2,000") is no dispute, nor
        one that can hold with the sentence's own ("some 100,000 troops" is not disputed by
        "tens of thousands", though that is in tension with "more than 100,000")."""
        found = []
        for conflict in self.conflicts:
            if conflict.judgment == "compatible":
                continue
            own = [c for c in conflict.claims if c.sentence_id == item.sentence_id]
            others = [
                c
                for c in conflict.claims
                if c.article_id != item.article_id and any(c.cannot_hold_with(o) for o in own)
            ]
            if others:
                found.append((conflict, others))
        return found

    def only_in(self, article_id: str) -> list[Fact]:
        """The facts the article alone states."""
        return [f for f in self.facts if f.article_ids == [article_id]]

    def left_out_by(self, article_id: str) -> list[Fact]:
        """The consensus facts the article does not state."""
        return [f for f in self.facts if f.kind == "consensus" and article_id not in f.article_ids]

    def own_figures(self, fact: Fact, article_id: str) -> list[tuple[Conflict, list[Claim]]]:
        """The article's claims in the fact's conflicts: what it says of the fact's subject
        when it does not state the fact ("100,000 Russian soldiers" beside "Russia has
        mustered some 100,000 troops" is maybe the same report in other words, maybe
        another matter: the reader is shown it rather than told either)."""
        found = [
            (conflict, [claim for claim in conflict.claims if claim.article_id == article_id])
            for conflict in self.conflicts_of(fact)
        ]
        return [(conflict, claims) for conflict, claims in found if claims]

    def conflicts_of(self, fact: Fact) -> list[Conflict]:
        """The conflicts with a claim in one of the fact's clauses: an outlet's fact "only in"
        it may still be told, with another or the same value, by the outlets of the
        conflict ("Fourteen people died" / "put the death toll at nine"); an agreed fact's
        outlets may give it different values or days ("visit Velmora on Tuesday" /
        "on Wednesday")."""
        clauses = {(s.article_id, s.start, s.end) for s in fact.spans}
        return [
            conflict
            for conflict in self.conflicts
            if any(
                (c.span.article_id, c.span.start, c.span.end) in clauses for c in conflict.claims
            )
        ]
