"""Fact groups: the same statement found in several outlets, at clause level.

Every sentence is cut into clauses (`newsweave.clauses`); every clause is compared with
every clause of the other articles by the blended similarity of `newsweave.similarity`
(embeddings for paraphrase, TF-IDF for shared words other than names, which would
outweigh what is said about them) plus evidence that matters in news:
a quantity of the same kind of thing with a compatible value ("some 2,000 residents" and
"about 2,000 people") is strong evidence that two clauses report one fact, so is quoting
one statement (`newsweave.quote_groups`), and two clauses that name different times ("in
December 2019", "on Tuesday"; or, by the timeline, different years: "two years ago", "two
years later") are unlikely to; nor, as easily, are two clauses of articles published days
apart, which in a long-running story often report two events of one kind, and weeks
apart not at all unless they share a name or a figure ("No damage was reported" of two
quakes months apart). A figure the story keeps repeating ("the 15 sailors") is weaker
evidence than one each outlet gives once.

Clauses are grouped by average linkage under two constraints: at most one clause per
article in a group (`newsweave.grouping`), and never a clause with one that denies or
negates it (`newsweave.citations.same_polarity`), gives an amount of the same thing that
cannot also hold ("a wave of four metres", "about five metres"), names another person as
doing what it says (`newsweave.doers`) or another capital as where it happens
(`newsweave.event_places`): those are conflicts to show, and a fact must not cite an
outlet for a figure or a name it does not give. Each group is a `Fact`; an unlinked
clause is a fact of its outlet alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix

from newsweave.alike_elsewhere import alike_elsewhere
from newsweave.amount_relations import amount_relations
from newsweave.citations import negated, times_in
from newsweave.clause_time_relations import (
    background_against_present,
    different_times,
    same_clock_time,
    same_earlier_year,
)
from newsweave.clauses import Clause, split_clauses, without_attribution
from newsweave.doers import Mention, different_doers
from newsweave.embed import Embedder, Matrix
from newsweave.event_places import different_places
from newsweave.grouping import group_across_articles
from newsweave.model import Article, Entity, Fact, Quote, content_id
from newsweave.other_numbers import different_numbers
from newsweave.publication_gap import (
    APART_DAYS,
    APART_PENALTY,
    WEEKS_APART_DAYS,
    WEEKS_APART_PENALTY,
    apart_by_more_than,
    published_days,
)
from newsweave.quantities import Quantity, find_quantities
from newsweave.quote_groups import same_statement
from newsweave.similarity import SimilarityOptions, similarity_matrix, stemmed
from newsweave.summarize import is_dangling
from newsweave.timeline.clause_times import clause_days, years_of
from newsweave.timeline.extract import Memo

MIN_FACT_WORDS = 4
_LATER_CAPITAL = re.compile(r"(?<=\S\s)[A-Z][\w’'-]+")  # a capitalised word, not the first
NAME = re.compile(r"(?<=\w[ ,])[A-Z][\w’'-]+")  # a capitalised word not opening the clause


@dataclass(frozen=True)
class AlignOptions:
    """How sure the alignment must be; defaults set on the bundled sample and the seeds."""

    link: float = 0.40  # least evidence-weighted similarity of two clauses of one fact
    group: float = 0.30  # least mean similarity between the clauses of two merging groups
    quantity_bonus: float = 0.25  # added when both state a compatible amount of one thing
    time_penalty: float = 0.3  # taken off when both name times and share none
    earlier_year_bonus: float = 0.1  # added when both date what they say to one earlier year
    clock_time_bonus: float = 0.2  # added when both give one time of day ("2 a.m.", "about 2am")
    background_penalty: float = 0.1  # taken off when one is dated to an earlier year, one not
    quote_bonus: float = 0.3  # added when both quote one statement (`newsweave.quote_groups`)
    apart_penalty: float = APART_PENALTY  # taken off when their articles are days apart
    weeks_apart_penalty: float = WEEKS_APART_PENALTY  # taken off as well when weeks apart
    consensus_share: float = 2 / 3  # share of the outlets that makes a fact "consensus"


@dataclass
class Alignment:
    """Clauses, their scores and their groups; `facts[k]` is made of `groups[k]`."""

    clauses: list[Clause]
    quantities: list[list[Quantity]]
    scores: Matrix
    groups: list[list[int]]
    denials: list[tuple[int, int]] = field(default_factory=list)  # (asserting, denying)
    different_amounts: list[tuple[int, int]] = field(default_factory=list)  # cannot both hold
    doers: dict[int, Mention] = field(default_factory=dict)  # clause -> the person doing it
    different_doers: list[tuple[int, int]] = field(default_factory=list)  # alike, not one doer
    places: dict[int, Mention] = field(default_factory=dict)  # clause -> the capital it names
    different_places: list[tuple[int, int]] = field(default_factory=list)  # alike, 2 capitals
    # alike, other doers, not each naming the other's: never one fact, no dispute
    one_sided_doers: list[tuple[int, int]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    link: float = AlignOptions.link  # the score that made two clauses alike in themselves
    # what each pair's score holds of the bonus of a compatible amount of one thing: a
    # story-wide figure ("the fifteen sailors") tells who a clause is about, not which of
    # their doings it reports
    amount_bonus: Matrix | None = None

    def alike_besides_amounts(self, i: int, j: int) -> bool:
        """Whether clauses i and j reach the link without the bonus of a shared amount."""
        bonus = 0.0 if self.amount_bonus is None else float(self.amount_bonus[i, j])
        return float(self.scores[i, j]) - bonus >= self.link


def statement_clauses(articles: Sequence[Article]) -> list[Clause]:
    """The clauses that can carry a fact: not questions, at least `MIN_FACT_WORDS` words."""
    return [
        clause
        for article in articles
        for sentence in article.sentences
        if not sentence.text.rstrip("”\"' ").endswith("?")
        for clause in split_clauses(sentence)
        if len(clause.text.split()) >= MIN_FACT_WORDS
    ]


def align(
    articles: Sequence[Article],
    embedder: Embedder,
    *,
    language: str | None = "en",
    options: AlignOptions | None = None,
    memo: Memo | None = None,
    entities: Sequence[Entity] = (),
    quotes: Sequence[Quote] = (),
) -> Alignment:
    """Group the clauses of the articles into facts. `memo` keeps the temporal readings of
    each article text for the timeline, which reads them again; with the story's
    `entities`, alike clauses that name different people as the doer are kept apart; with
    its `quotes`, clauses quoting one statement in several outlets are taken to report it."""
    opts = options or AlignOptions()
    clauses = statement_clauses(articles)
    english = {a.id for a in articles if a.language in (None, "en")}
    # amounts are read by English rules: other languages get none rather than wrong ones
    quantities = [find_quantities(c.text) if c.article_id in english else [] for c in clauses]
    cores = [without_attribution(c.text) for c in clauses]
    # the embedding model is English: elsewhere its scores say little, so words decide
    blend = SimilarityOptions(embedding_weight=0.5 if language in (None, "en") else 0.0)
    # names stay in the embeddings but not in TF-IDF, where a rare shared name ("Scholz")
    # outweighs what is said about it; TF-IDF compares stems ("lifted", "lifting")
    words = [stemmed(NAME.sub(" ", core), language) for core in cores]
    scores = similarity_matrix(
        cores, embedder, language=language, options=blend, lexical_texts=words
    )
    shared_amounts, other_amounts = amount_relations(clauses, quantities)
    amount_bonus = opts.quantity_bonus * shared_amounts
    scores = scores + amount_bonus
    memo = memo if memo is not None else Memo()
    dated = clause_days(articles, clauses, memo)
    days, relative = dated.days, dated.relative_words
    years = [years_of(ranges) for ranges in days]
    written = [times_in(c.text) for c in clauses]
    scores = scores - opts.time_penalty * different_times(written, relative, years, days)
    scores = scores + opts.earlier_year_bonus * same_earlier_year(articles, clauses, years)
    scores = scores + opts.clock_time_bonus * same_clock_time(clauses, quantities, days)
    background = background_against_present(articles, written, relative, years)
    scores = scores - opts.background_penalty * background
    article_ids = [c.article_id for c in clauses]
    published = published_days(articles, article_ids)
    scores = scores - opts.apart_penalty * apart_by_more_than(published, APART_DAYS)
    weeks = apart_by_more_than(published, WEEKS_APART_DAYS)
    if weeks.any():
        scores = scores - opts.weeks_apart_penalty * weeks
        # weeks apart, clauses that share no name and no figure ("No damage was reported",
        # of quakes in February and November) are not evidence of one event at all (only
        # the same quoted statement, below, still is)
        unrelated = (weeks > 0) & ~_share_specifics(cores, quantities)
        scores = np.where(unrelated, np.minimum(scores, 0.0), scores).astype(np.float32)
    if quotes:
        spans = [(c.article_id, c.start, c.end) for c in clauses]
        scores = scores + opts.quote_bonus * same_statement(spans, quotes)
    denials = _opposed(clauses, scores, opts.link)
    doer_pairs = different_doers(articles, clauses, scores, entities)
    places, other_places = different_places(articles, clauses, scores, entities)
    # an assertion and its denial or negation never agree, nor "nine dead" and "fourteen
    # dead", "the mayor ordered" and "the minister ordered", "met in Kyiv" and "met in
    # Moscow": no fact or citation may claim one supports the other
    negations = _opposite_polarities(cores, scores, opts.link)
    other_numbers = different_numbers(
        articles, clauses, quantities, scores, shared_amounts, opts.link
    )
    apart = [
        *denials,
        *negations,
        *other_amounts,
        *doer_pairs.disputed,
        *doer_pairs.one_sided,
        *other_places,
        *other_numbers,
    ]
    groups = group_across_articles(
        article_ids, scores, link=opts.link, mean=opts.group, apart=apart
    )
    alignment = Alignment(
        clauses,
        quantities,
        scores,
        groups,
        denials,
        other_amounts,
        doer_pairs.doers,
        doer_pairs.disputed,
        places,
        other_places,
        one_sided_doers=doer_pairs.one_sided,
        link=opts.link,
        amount_bonus=amount_bonus,
    )
    elsewhere = alike_elsewhere(clauses, groups, scores - amount_bonus, apart)
    alignment.facts = [
        _fact(alignment, group, len(articles), opts, elsewhere.get(group[0], []))
        for group in groups
    ]
    return alignment


DENIAL = re.compile(r"\b(?:den(?:y|ied|ies|ying)|rejected|dismissed|refuted)\b", re.IGNORECASE)


def denies(text: str, within: int = 8) -> bool:
    """Whether the clause is a denial: a verb of denial among its first `within` words
    ("Company officials denied reports that a gate had been stuck shut"). A clause that only
    mentions one after its claim ("... accuse Moscow of massing troops, which Russia
    denies") reports both sides. Plain negation ("not", "never") is read apart, between
    alike clauses only (`_opposite_polarities`)."""
    return bool(DENIAL.search(" ".join(text.split()[:within])))


def _opposed(clauses: Sequence[Clause], scores: Matrix, threshold: float) -> list[tuple[int, int]]:
    """Pairs of alike clauses of different articles where exactly one denies: (assert, deny).
    Each clause keeps its best such partner per article."""
    denying = [denies(c.text) for c in clauses]
    mentions_denial = [bool(DENIAL.search(c.text)) for c in clauses]
    pairs: dict[tuple[int, str], tuple[float, int]] = {}
    for i, clause in enumerate(clauses):
        if not denying[i]:
            continue
        for j, other in enumerate(clauses):
            if mentions_denial[j] or other.article_id == clause.article_id:
                continue  # an assertion that reports its own denial opposes nothing
            score = float(scores[i, j])
            key = (i, other.article_id)
            if score >= threshold and score > pairs.get(key, (-1.0, -1))[0]:
                pairs[key] = (score, j)
    return sorted((j, i) for (i, _), (_, j) in pairs.items())


def _opposite_polarities(
    cores: Sequence[str], scores: Matrix, threshold: float
) -> list[tuple[int, int]]:
    """Alike pairs of which one is negated and the other not ("The equipment was not
    returned", "The vehicles returned fire"): never one fact."""
    flags = np.array([negated(core) for core in cores], dtype=bool)
    opposite = (scores >= threshold) & (flags[:, None] != flags[None, :])
    rows, columns = np.nonzero(np.triu(opposite, k=1))
    return [(int(i), int(j)) for i, j in zip(rows.tolist(), columns.tolist(), strict=True)]


def _share_specifics(
    cores: Sequence[str], quantities: Sequence[list[Quantity]]
) -> npt.NDArray[np.bool_]:
    """(n, n): whether two clauses share something that ties a clause to one event: a name
    (a capitalised word that does not open it) in what they say (`cores`: who said it left
    out, or "..., the USGS said" would tie any two), or a number, date or time of one kind,
    value and unit ("2 a.m." is not "two people")."""
    index: dict[object, int] = {}
    rows, columns = [], []
    for row, (core, found) in enumerate(zip(cores, quantities, strict=True)):
        names: set[object] = {name.lower() for name in _LATER_CAPITAL.findall(core)}
        specific = names | {(q.kind, q.value, q.unit) for q in found}
        for item in specific:
            rows.append(row)
            columns.append(index.setdefault(item, len(index)))
    incidence = csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, columns)),
        shape=(len(cores), max(len(index), 1)),
    )
    shared: npt.NDArray[np.bool_] = (incidence @ incidence.T).toarray() > 0
    return shared


CONTINUING_WORDS = frozenset(
    {"and", "but", "while", "whereas", "after", "when", "where", "with", "which"}
)


def _continuation(text: str) -> bool:
    """A clause that continues another ("and killing nine people", "sending a surge ...",
    "after eight months of repairs", "which has a population of 41,000"); a sentence's
    opening is capitalised."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return first.islower() and (first in CONTINUING_WORDS or first.endswith("ing"))


def standing(text: str, leads: bool = False) -> int:
    """How well a clause can stand for its fact alone: 0 for a continuation ("and killing
    nine people") or a clause that `leads` into its main clause ("As Macron and Putin meet
    in Moscow", `Clause.leads`), 1 for one that leans on the sentence before it ("She has
    ordered an investigation", when another outlet names who:
    `newsweave.summarize.is_dangling`), 2 for one that says it all itself."""
    if leads or _continuation(text):
        return 0
    return 1 if is_dangling(text) else 2


def _fact(
    alignment: Alignment,
    group: list[int],
    outlets: int,
    options: AlignOptions,
    alike: list[int],
) -> Fact:
    clauses = [alignment.clauses[i] for i in group]
    articles = list(dict.fromkeys(c.article_id for c in clauses))
    if len(group) == 1:
        central = group[0]
    else:
        inner = alignment.scores[np.ix_(group, group)].sum(axis=1)
        alone = np.array([standing(clause.text, clause.leads) for clause in clauses])
        central = group[int(np.argmax(inner + 10.0 * alone))]
    consensus = max(3, math.ceil(options.consensus_share * outlets - 1e-9))
    kind = (
        "consensus"
        if len(articles) >= consensus
        else "corroborated"
        if len(articles) >= 2
        else "single"
    )
    spans = [c.span() for c in clauses]
    return Fact(
        id=content_id(*(f"{s.article_id}:{s.start}:{s.end}" for s in spans)),
        text=alignment.clauses[central].text,
        kind=kind,
        article_ids=articles,
        sentence_ids=list(dict.fromkeys(c.sentence_id for c in clauses)),
        spans=spans,
        alike=[alignment.clauses[i].span() for i in alike],
    )
