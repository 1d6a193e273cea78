"""Extractive multi-document summary with citations.

Scoring favours what several outlets report (cross-outlet support), what is central in the
whole story (LexRank-style centrality), what comes early in an article (news is written
top-down) and sentences that stand on their own. Selection is greedy with a redundancy
penalty (maximal marginal relevance) under a word budget. Every summary sentence is the
exact text of one source sentence and cites the sentences of other articles that state the
same thing (see `newsweave.citations`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from newsweave.citations import best_match_by_article, supporting_sentences
from newsweave.clauses import without_attribution_span
from newsweave.embed import Matrix
from newsweave.errors import ConfigError
from newsweave.model import (
    Article,
    CitationScope,
    ClauseLink,
    Sentence,
    SummarySentence,
    TextSpan,
)
from newsweave.publication_gap import APART_PENALTY, published_apart

MIN_SUMMARY_WORDS = 10


@dataclass(frozen=True)
class SummaryOptions:
    """Knobs of the summariser; defaults were tuned on the seed cluster and MultiLing 2011."""

    words: int = 150
    support_weight: float = 0.45
    centrality_weight: float = 0.30
    position_weight: float = 0.25
    redundancy: float = 0.7  # MMR trade-off: higher avoids repetition harder
    max_overlap: float = 0.5  # never add a sentence this similar to one already chosen
    min_words: int = 8
    max_words: int = 55
    # taken off the similarity of two sentences of articles published days apart before
    # one may cite the other (`newsweave.publication_gap`)
    apart_penalty: float = APART_PENALTY

    def __post_init__(self) -> None:
        if self.words < MIN_SUMMARY_WORDS:
            raise ConfigError(
                f"the summary needs at least {MIN_SUMMARY_WORDS} words (--words), got {self.words}"
            )


DANGLING_START = re.compile(
    r"^(?:but|and|or|so|yet|also|still|however|meanwhile|moreover|furthermore|nevertheless|"
    r"instead|then|thus|therefore|besides|otherwise|this(?!\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|week|"
    r"weekend|month|year|morning|afternoon|evening|spring|summer|autumn|winter)\b)|that|these|those|it|its|"
    r"he|she|they|"
    r"his|her|their|them|him|there|here|such|both|another|the latter|the former|later|"
    r"as a result|in addition|for (?:his|her|their) part)\b[\s,]",
    re.IGNORECASE,
)
PRONOUN_ENDING = re.compile(r"\b(?:it|this|that|them|so)\W*$", re.IGNORECASE)
PRONOUN_ATTRIBUTION = re.compile(r"[,”\"]\s*(?:he|she|they|it) (?:said|added|told|warned)\b", re.I)
QUOTE_MARKS = ('"', "“", "”", "«", "»")
# How a statement may end: full stops of several scripts, closing quotes and brackets
# (questions are left out on purpose).
SENTENCE_ENDINGS = (".", "!", "”", '"', "’", "'", ")", "»", "।", "॥", "۔", "。", "！")


def is_dangling(text: str) -> bool:
    """True when the sentence leans on context it does not carry (a leading connective or
    pronoun, a quote attributed only to "he"/"she", or a short sentence whose object is a
    bare pronoun: "He said he was ready to discuss it.")."""
    short_with_pronoun_object = len(text.split()) < 15 and bool(PRONOUN_ENDING.search(text))
    return (
        bool(DANGLING_START.match(text.strip("“\"‘' ")))
        or bool(PRONOUN_ATTRIBUTION.search(text))
        or short_with_pronoun_object
    )


def has_broken_quote(text: str) -> bool:
    """True when quotation marks do not pair up, i.e. the sentence is half of a quote.

    Scraped text mixes curly and straight marks (“...", “...“), so only the parity of all
    double quotation marks is checked."""
    return sum(text.count(mark) for mark in QUOTE_MARKS) % 2 == 1


def is_candidate(sentence: Sentence, options: SummaryOptions) -> bool:
    """Whether a sentence may appear in a summary at all."""
    text = sentence.text.strip()
    words = len(text.split())
    if words < options.min_words or words > options.max_words:
        return False
    if not text.endswith(SENTENCE_ENDINGS):
        return False  # headings, captions, fragments
    return not (text.endswith("?") or has_broken_quote(text))


def lexrank(similarity: Matrix, threshold: float = 0.3, damping: float = 0.85) -> Matrix:
    """Stationary distribution of a random walk on the thresholded similarity graph."""
    n = similarity.shape[0]
    if n == 0:
        return np.zeros(0, dtype=np.float32)
    graph = (similarity >= threshold).astype(np.float32)
    degree = graph.sum(axis=1, keepdims=True)
    transition = graph / np.where(degree == 0, 1.0, degree)
    rank = np.full(n, 1.0 / n, dtype=np.float32)
    for _ in range(100):
        updated = (1 - damping) / n + damping * (transition.T @ rank)
        converged = float(np.abs(updated - rank).sum()) < 1e-6
        rank = updated.astype(np.float32)
        if converged:
            break
    return rank


def _scaled(values: Matrix) -> Matrix:
    span = float(values.max() - values.min()) if values.size else 0.0
    if span == 0:
        return np.ones_like(values)
    scaled: Matrix = ((values - values.min()) / span).astype(np.float32)
    return scaled


def sentence_scores(
    sentences: Sequence[Sentence], similarity: Matrix, options: SummaryOptions
) -> Matrix:
    """Importance of each sentence in [0, 1] (before redundancy and candidacy)."""
    best_in = best_match_by_article(sentences, similarity)
    rows = np.arange(len(sentences))
    support = np.zeros(len(sentences), dtype=np.float32)
    if len(best_in) > 1:
        for article, best in best_in.items():
            own = np.array([s.article_id == article for s in sentences])
            support += np.where(own, 0.0, similarity[rows, best])
        support /= len(best_in) - 1
    centrality = lexrank(similarity)
    position = np.array([1.0 / (1.0 + s.index / 4.0) for s in sentences], dtype=np.float32)
    weights = (options.support_weight, options.centrality_weight, options.position_weight)
    if len(best_in) == 1:
        weights = (0.0, 0.55, 0.45)
    score = weights[0] * _scaled(support) + weights[1] * _scaled(centrality) + weights[2] * position
    dangling = np.array([is_dangling(s.text) for s in sentences])
    penalised: Matrix = np.where(dangling, score * 0.6, score).astype(np.float32)
    return penalised


def select(
    sentences: Sequence[Sentence],
    similarity: Matrix,
    scores: Matrix,
    options: SummaryOptions,
    support: Sequence[Sequence[int]] = (),
) -> list[int]:
    """Greedy maximal-marginal-relevance choice of sentence indices under the word budget.

    A sentence that states the same fact as one already chosen (it is among its `support`,
    or the other way round) is never chosen as well."""
    allowed = [i for i, s in enumerate(sentences) if is_candidate(s, options)]
    if not allowed:  # very short inputs: fall back to any sentence with a word in it
        allowed = [i for i, s in enumerate(sentences) if any(c.isalpha() for c in s.text)]
    chosen: list[int] = []
    budget = options.words
    open_ = np.zeros(len(sentences), dtype=bool)
    open_[allowed] = True
    overlap = np.zeros(len(sentences), dtype=np.float32)  # similarity to the closest chosen
    while open_.any():
        value = scores.astype(np.float64) - options.redundancy * overlap.astype(np.float64)
        eligible = open_ & (overlap < options.max_overlap)
        if not eligible.any():
            break
        best = int(np.argmax(np.where(eligible, value, -np.inf)))
        open_[best] = False
        length = len(sentences[best].text.split())
        if length <= budget:
            chosen.append(best)
            budget -= length
            # the closest chosen sentence, which may be less than 0 apart: no floor at 0
            column = similarity[:, best].astype(np.float32)
            overlap = column if len(chosen) == 1 else np.maximum(overlap, column)
            if support:
                open_[list(support[best])] = False
                open_[[i for i in range(len(sentences)) if best in support[i]]] = False
        if budget < options.min_words:
            break
    return chosen


def summarize(
    articles: Sequence[Article],
    similarity: Matrix,
    options: SummaryOptions | None = None,
    fact_support: Mapping[str, Mapping[str, Sequence[ClauseLink]]] | None = None,
    disputed: Collection[frozenset[str]] = (),
) -> list[SummarySentence]:
    """The summary of the articles, given the similarity matrix of all their sentences
    (in article order, then sentence order).

    Each summary sentence cites the sentences of other articles that state the same thing
    as a whole (`newsweave.citations`) and, given `fact_support` (sentence id -> sentence id
    -> the pairs of clauses that state one fact, from the fact groups of `newsweave.align`:
    `newsweave.fact_citations`), those that state one of its clauses; never a sentence that
    `disputed` (pairs of sentence ids) pairs with it: one that denies it, or names someone
    else as doing what it says. Its `scopes` say which of the two each citation is."""
    opts = options or SummaryOptions()
    sentences = [s for a in articles for s in a.sentences]
    if not sentences:
        return []
    far = published_apart(articles, [s.article_id for s in sentences])
    support = supporting_sentences(sentences, similarity - opts.apart_penalty * far)
    scores = sentence_scores(sentences, similarity, opts)
    # a sentence a chosen one would cite is not chosen as well: the summary would say one
    # thing twice, each time citing the other
    index = {s.id: i for i, s in enumerate(sentences)}
    citable = [
        sorted({*support[i], *(index[j] for j in (fact_support or {}).get(s.id, ()))})
        for i, s in enumerate(sentences)
    ]
    chosen = select(sentences, similarity, scores, opts, citable)
    article_length = {a.id: max(len(a.sentences), 1) for a in articles}

    def reading_position(i: int) -> float:
        group = [i, *support[i]]
        return float(
            np.mean([sentences[j].index / article_length[sentences[j].article_id] for j in group])
        )

    result = []
    for i in sorted(chosen, key=lambda k: (reading_position(k), k)):
        # `citable[i]` is in sentence order, which is article order, then order in the article
        others = [
            sentences[j]
            for j in citable[i]
            if frozenset((sentences[i].id, sentences[j].id)) not in disputed
        ]
        cited = [sentences[i], *others]
        alike = {sentences[j].id for j in support[i]}
        links = (fact_support or {}).get(sentences[i].id, {})
        result.append(
            SummarySentence(
                text=sentences[i].text,
                sentence_id=sentences[i].id,
                article_id=sentences[i].article_id,
                citations=[s.id for s in cited],
                cited_articles=list(dict.fromkeys(s.article_id for s in cited)),
                scopes=[
                    scope
                    for other in others
                    for scope in _scopes(sentences[i], other, other.id in alike, links)
                ],
            )
        )
    return result


def _scopes(
    sentence: Sentence, cited: Sentence, alike: bool, links: Mapping[str, Sequence[ClauseLink]]
) -> list[CitationScope]:
    """What `cited` backs of `sentence`: the clauses their shared facts link, in the order
    of the sentence's text (all of it when those clauses make up the whole sentence); with
    no such link, all of it when the two are `alike` as wholes. A link of clauses says
    more than the likeness of two whole sentences: "Russia has mustered some 100,000
    troops near its borders, demanding security assurances" is alike as a whole with "The
    trip, co-ordinated with Washington and Berlin, is part of efforts to defuse tensions
    after Russia massed some 100,000 troops near Ukraine", and backs only its last clause."""
    pairs = sorted(dict.fromkeys(links.get(cited.id, ())), key=lambda pair: pair[0].start)
    if alike and not pairs:
        return [CitationScope(sentence.span(), cited.span(), whole=True, by="sentence")]
    whole = _made_of(sentence, [claim for claim, _ in pairs])
    # who said it is not what the citation backs: "and killing nine people", not "...,
    # the Orvenian Rescue Service (ORS) said."
    return [
        CitationScope(
            without_attribution_span(claim), without_attribution_span(evidence), whole, by="fact"
        )
        for claim, evidence in pairs
    ]


def _made_of(sentence: Sentence, clauses: Sequence[TextSpan]) -> bool:
    """Whether the clauses leave nothing of the sentence but spaces and punctuation."""
    left = list(sentence.text)
    for clause in clauses:
        left[clause.start - sentence.start : clause.end - sentence.start] = [" "] * (
            clause.end - clause.start
        )
    return not any(character.isalnum() for character in left)
