"""The digest pipeline: the ordered stages, each a library function.

    read inputs -> clean -> articles (ids, sources, language, duplicates) -> sentences
                -> sentence similarity -> summary with citations
                -> clauses aligned into facts across outlets -> conflicting amounts
                -> quotes with their speakers, grouped by statement across outlets

The CLI and any other front end call `digest` (or `digest_documents` when they already hold
documents); they never re-implement a stage.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import BinaryIO

from newsweave.align import Alignment, AlignOptions, align
from newsweave.article_limits import MAX_ARTICLE_SENTENCES, too_long
from newsweave.conflicts import ConflictOptions, find_conflicts
from newsweave.embed import Embedder, default_embedder
from newsweave.entities import find_entities, speakers_named_as_entities
from newsweave.errors import NoArticlesError, TooMuchText
from newsweave.fact_citations import disputed_sentences, supporting_sentences_by_fact
from newsweave.ingest import IngestOptions, read_sources, source_label
from newsweave.ingest.metadata import iso_date
from newsweave.language import detect_language
from newsweave.model import (
    Article,
    Conflict,
    Digest,
    Document,
    Entity,
    Quote,
    Sentence,
    Skipped,
    SummarySentence,
    content_id,
    sentence_id,
)
from newsweave.participant_conflicts import participant_conflicts
from newsweave.quote_groups import QuoteOptions, group_quotes
from newsweave.quotes import find_quotes
from newsweave.similarity import SimilarityOptions, similarity_matrix
from newsweave.statement_conflicts import denial_conflicts
from newsweave.summarize import SummaryOptions, summarize
from newsweave.text import clean_documents, split_sentences
from newsweave.timeline.events import (
    DatedClause,
    build_timeline,
    dated_clauses,
    timeline_conflicts,
    with_publication_dates,
)
from newsweave.timeline.extract import Memo

Progress = Callable[[str], None]
# The stages `digest` reports to its `progress` callback, in order.
# Every sentence is compared with every other: memory and time grow with the square of
# the sentences. A long read has about 500; past these limits an input is not a news
# article, or a collection to cluster into stories before digesting (5,000 sentences take
# about 0.5 GB and 7 s; 16,000 took 5.4 GB and 73 s).
MAX_DIGEST_SENTENCES = 5_000


STAGES = (
    "reading",
    "cleaning",
    "finding people, organisations and places",
    "comparing sentences, aligning facts, summarising",
    "finding quotes",
    "dating events",
)
READING, CLEANING, ENTITIES, COMPARING, QUOTES, DATING = STAGES


@dataclass(frozen=True)
class DigestOptions:
    """Everything a digest run can be told; each stage keeps its own defaults."""

    summary: SummaryOptions = field(default_factory=SummaryOptions)
    ingest: IngestOptions = field(default_factory=IngestOptions)
    similarity: SimilarityOptions = field(default_factory=SimilarityOptions)
    align: AlignOptions = field(default_factory=AlignOptions)
    conflicts: ConflictOptions = field(default_factory=ConflictOptions)
    quotes: QuoteOptions = field(default_factory=QuoteOptions)
    ner: str = "auto"  # entity types: "auto" (spaCy when installed), "spacy" or "rules"


def _quiet(_stage: str) -> None:
    return None


def digest(
    inputs: Sequence[str | Path],
    *,
    stdin: BinaryIO | None = None,
    options: DigestOptions | None = None,
    embedder: Embedder | None = None,
    progress: Progress = _quiet,
) -> Digest:
    """Read the inputs (files, directories, "-" for stdin) and digest every article found.

    Inputs that cannot be used are listed in `Digest.skipped` with their reason; raises
    `NoArticlesError` only when no input gives an article.
    """
    opts = options or DigestOptions()
    progress(READING)
    read = read_sources(inputs, stdin=stdin, options=opts.ingest)
    return digest_documents(
        read.documents, skipped=read.skipped, options=opts, embedder=embedder, progress=progress
    )


def digest_documents(
    documents: Sequence[Document],
    *,
    skipped: Sequence[Skipped] = (),
    options: DigestOptions | None = None,
    embedder: Embedder | None = None,
    progress: Progress = _quiet,
    newest_first: bool = False,
) -> Digest:
    """Digest documents already read (by `newsweave.ingest` or built by the caller). Past
    `MAX_DIGEST_SENTENCES`, TooMuchText; with `newest_first` (a long-running story), the
    newest articles that fit are digested and the older ones listed as skipped."""
    opts = options or DigestOptions()
    embedder = embedder or default_embedder()
    progress(CLEANING)
    articles, dropped = build_articles(documents)
    all_skipped = [*skipped, *dropped]
    if not articles:
        raise NoArticlesError(_nothing_to_digest(all_skipped))
    if newest_first:
        articles, older = _newest_that_fit(articles)
        all_skipped += older
    sentences = sum(len(a.sentences) for a in articles)
    if sentences > MAX_DIGEST_SENTENCES:
        raise TooMuchText(
            f"too much text for one digest: {sentences:,} sentences in {len(articles)} "
            f"articles (at most {MAX_DIGEST_SENTENCES:,}); group a larger collection into "
            "stories first (newsweave ingest) and digest one story"
        )
    language = _majority_language(articles)
    readings = Memo()  # temporal expressions, read once per article text
    with_publication_dates(articles, readings)
    progress(ENTITIES)
    entities = find_entities(articles, ner=opts.ner)
    progress(QUOTES)
    quotes = group_quotes(
        articles,
        {a.id: find_quotes(a) for a in articles},
        embedder,
        language=language,
        options=opts.quotes,
    )
    quotes = speakers_named_as_entities(quotes, entities)
    progress(COMPARING)
    summary, alignment = cited_summary(
        articles,
        embedder,
        language=language,
        options=opts,
        memo=readings,
        entities=entities,
        quotes=quotes,
    )
    progress(DATING)
    dated = dated_clauses(articles, alignment, readings)
    timeline = build_timeline(dated, alignment, entities)
    conflicts = all_conflicts(articles, alignment, dated, opts.conflicts)
    settings: dict[str, object] = {
        "words": opts.summary.words,
        "embedder": embedder.name,
        "language": language,
        "summary_options": asdict(opts.summary),
    }
    return Digest(
        articles=articles,
        summary=summary,
        skipped=all_skipped,
        settings=settings,
        facts=alignment.facts,
        conflicts=conflicts,
        quotes=quotes,
        entities=entities,
        timeline=timeline,
    )


def all_conflicts(
    articles: Sequence[Article],
    alignment: Alignment,
    dated: Sequence[DatedClause],
    options: ConflictOptions | None = None,
) -> list[Conflict]:
    """Every kind of conflict, in the digest's order: amounts, days, denials, then who
    and where."""
    return [
        *find_conflicts(articles, alignment, options),
        *timeline_conflicts(dated, alignment),
        *denial_conflicts(alignment),
        *participant_conflicts(alignment),
    ]


def cited_summary(
    articles: Sequence[Article],
    embedder: Embedder,
    *,
    language: str | None,
    options: DigestOptions,
    memo: Memo | None = None,
    entities: Sequence[Entity] = (),
    quotes: Sequence[Quote] = (),
) -> tuple[list[SummarySentence], Alignment]:
    """The summary with its citations, and the fact alignment the citations come from.
    `memo` keeps the temporal readings of each article text for later stages; `entities`
    let the alignment tell who does what, `quotes` which clauses quote one statement (see
    `newsweave.align`)."""
    similarity = similarity_matrix(
        [s.text for a in articles for s in a.sentences],
        embedder,
        language=language,
        options=options.similarity,
    )
    alignment = align(
        articles,
        embedder,
        language=language,
        options=options.align,
        memo=memo,
        entities=entities,
        quotes=quotes,
    )
    disputed = disputed_sentences(alignment)
    fact_support = supporting_sentences_by_fact(alignment, disputed)
    summary = summarize(articles, similarity, options.summary, fact_support, disputed)
    return summary, alignment


def build_articles(documents: Sequence[Document]) -> tuple[list[Article], list[Skipped]]:
    """Clean documents into articles with ids and sentences; drop empty ones, repeats and
    inputs too long to be news articles."""
    skipped: list[Skipped] = []
    kept: list[Document] = []
    for document in documents:
        reason = too_long(len(document.body))  # turned away before cleaning and splitting
        if reason is not None:
            skipped.append(Skipped(document.origin, reason))
        else:
            kept.append(document)
    documents = kept
    cleaned = clean_documents([d.body for d in documents], [d.title for d in documents])
    articles: list[Article] = []
    seen: dict[str, Article] = {}
    for document, result in zip(documents, cleaned, strict=True):
        if not result.text.strip():
            skipped.append(Skipped(document.origin, "no story text left after cleaning"))
            continue
        article_id = content_id(_normalised(result.text))
        if article_id in seen:
            first = seen[article_id]
            skipped.append(
                Skipped(document.origin, f"duplicate of {first.origin} (article {article_id})")
            )
            continue
        article = Article(
            id=article_id,
            origin=document.origin,
            format=document.format,
            source=source_label(document),
            title=document.title or result.title,
            url=document.url,
            # a date that is no calendar day ("2022-13-45", "0001-01-01") is no date
            published=iso_date(document.published) or iso_date(result.published),
            published_inferred=False,
            dateline=result.dateline,
            section=result.section,
            language=document.language or detect_language(result.text),
            raw_text=document.body,
            text=result.text,
            removed=list(result.removed),
        )
        article.sentences = _sentences(article)
        reason = too_long(len(result.text), len(article.sentences), MAX_ARTICLE_SENTENCES)
        if reason is not None:
            skipped.append(Skipped(document.origin, reason))
            continue
        seen[article_id] = article
        articles.append(article)
    return articles, skipped


def _newest_that_fit(articles: list[Article]) -> tuple[list[Article], list[Skipped]]:
    """The newest articles whose sentences fit `MAX_DIGEST_SENTENCES` (in their order), and
    the older ones as skipped; undated articles count as the oldest, and of one day the
    one ingested last is the newest."""
    by_age = sorted(
        range(len(articles)), key=lambda k: (articles[k].published or "", k), reverse=True
    )
    kept: set[int] = set()
    room = MAX_DIGEST_SENTENCES
    for k in by_age:
        if len(articles[k].sentences) > room:
            break
        kept.add(k)
        room -= len(articles[k].sentences)
    reason = f"older than the newest articles one digest holds ({MAX_DIGEST_SENTENCES:,} sentences)"
    older = [Skipped(a.origin, reason) for k, a in enumerate(articles) if k not in kept]
    return [a for k, a in enumerate(articles) if k in kept], older


def _sentences(article: Article) -> list[Sentence]:
    return [
        Sentence(
            id=sentence_id(article.id, index),
            article_id=article.id,
            index=index,
            text=article.text[start:end],
            start=start,
            end=end,
        )
        for index, (start, end) in enumerate(split_sentences(article.text))
    ]


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _majority_language(articles: Sequence[Article]) -> str | None:
    languages = [a.language for a in articles if a.language]
    return Counter(languages).most_common(1)[0][0] if languages else None


def _nothing_to_digest(skipped: Sequence[Skipped]) -> str:
    if not skipped:
        return "no input given: pass files, a directory, or - for stdin"
    reasons = "; ".join(f"{s.input}: {s.reason}" for s in skipped[:5])
    more = f" (and {len(skipped) - 5} more)" if len(skipped) > 5 else ""
    return f"no articles to digest: {reasons}{more}"
