"""The summarisers compared in one evaluation run, behind one small interface.

Every system gets the same prepared cluster (newsweave's cleaning and sentence splitting of
the documents, done once and not timed) and the same word budget, and returns whole
sentences. Peers pick sentences in their own rank order and `fill_budget` keeps each that
still fits, as newsweave does, so the length rule is identical for all of them.

- `lead`: the first sentences of the most recent article (the usual news baseline).
- `random`: sentences in a seeded random order.
- `lexrank`, `textrank`, `lsa`, `luhn`: sumy's implementations (`pip install
  'newsweave[bench]'`), given the prepared sentences and sumy's stop words and
  stemmer for the cluster's language.
- `newsweave`: the whole digest from the raw documents (cleaning, splitting, embedding,
  fact alignment, conflicts, cited summary), and `newsweave-summary`: the cited summary from
  the prepared sentences (similarity, fact alignment for the citations, selection), timed
  like the sumy peers.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from importlib import import_module
from typing import Any, Protocol

from newsweave.embed import Embedder, default_embedder
from newsweave.entities import find_entities
from newsweave.errors import ConfigError, MissingDependency
from newsweave.evaluation.cluster import Cluster
from newsweave.evaluation.rouge import BENCH_EXTRA
from newsweave.model import Article, Digest, Skipped
from newsweave.pipeline import DigestOptions, build_articles, cited_summary, digest_documents
from newsweave.quote_groups import group_quotes
from newsweave.quotes import find_quotes
from newsweave.summarize import SummaryOptions


@dataclass
class PreparedCluster:
    """A cluster's documents cleaned into articles with sentences, shared by every system;
    documents left out (empty after cleaning, repeated) are in `skipped`."""

    cluster: Cluster
    articles: list[Article]
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def sentences(self) -> list[str]:
        return [s.text for a in self.articles for s in a.sentences]


def prepare(cluster: Cluster) -> PreparedCluster:
    articles, skipped = build_articles(cluster.documents)
    return PreparedCluster(cluster, articles, skipped)


@dataclass
class SystemSummary:
    """What a system returned for one cluster; `digest` only for newsweave's own runs."""

    sentences: list[str]
    digest: Digest | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return "\n".join(self.sentences)


class System(Protocol):
    name: str

    def summarize(self, prepared: PreparedCluster, words: int) -> SystemSummary: ...


def word_count(text: str) -> int:
    return len(text.split())


def fill_budget(ranked: Sequence[str], words: int) -> list[str]:
    """The sentences, in rank order, that fit into `words` words when taken greedily."""
    chosen, used = [], 0
    for sentence in ranked:
        length = word_count(sentence)
        if length and used + length <= words:
            chosen.append(sentence)
            used += length
    return chosen


class Lead:
    name = "lead"

    def summarize(self, prepared: PreparedCluster, words: int) -> SystemSummary:
        if not prepared.articles:
            return SystemSummary([])
        order = range(len(prepared.articles))
        latest = max(order, key=lambda i: (prepared.articles[i].published or "", i))
        sentences = [s.text for s in prepared.articles[latest].sentences]
        return SystemSummary(fill_budget(sentences, words))


class RandomSentences:
    """Sentences in a random order seeded by the run's seed and the cluster id."""

    name = "random"

    def __init__(self, seed: int = 13) -> None:
        self.seed = seed

    def summarize(self, prepared: PreparedCluster, words: int) -> SystemSummary:
        sentences = prepared.sentences
        rng = random.Random(self.seed * 1_000_003 + zlib.crc32(prepared.cluster.id.encode()))
        rng.shuffle(sentences)
        return SystemSummary(fill_budget(sentences, words))


class _Words:
    """sumy's tokenizer interface over sentences we already split: words in any script."""

    def to_words(self, text: str) -> list[str]:
        return re.findall(r"\w+", text)

    def to_sentences(self, text: str) -> list[str]:
        return [text]


SUMY_CLASSES = {
    "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
}


SUMY_LANGUAGES = {
    "en": "english",
    "fr": "french",
    "cs": "czech",
    "el": "greek",
    "he": "hebrew",
    "ar": "arabic",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
}


class Sumy:
    """One of sumy's summarisers; each article is one paragraph of sumy's document.

    It uses sumy's stop words and stemmer for the cluster's language where sumy has them
    (none for Hindi, say: then no stop words and no stemming)."""

    def __init__(self, name: str) -> None:
        try:
            import sumy  # noqa: F401
        except ImportError as error:
            raise MissingDependency(f"sumy is not installed: {BENCH_EXTRA}") from error
        self.name = name
        self._by_language: dict[str, Any] = {}

    def _summarizer(self, language: str) -> Any:
        if language not in self._by_language:
            from sumy.nlp.stemmers import Stemmer, null_stemmer
            from sumy.utils import get_stop_words

            name = SUMY_LANGUAGES.get(language)
            stemmer: Any = null_stemmer
            stop_words: frozenset[str] = frozenset()
            if name:
                with suppress(LookupError, ValueError):  # sumy's Greek needs another package
                    candidate = Stemmer(name)
                    candidate("probe")  # ... and says so only when it stems
                    stemmer = candidate
                with suppress(LookupError):
                    stop_words = get_stop_words(name)
            module, class_name = SUMY_CLASSES[self.name]
            summarizer = getattr(import_module(module), class_name)(stemmer)
            summarizer.stop_words = stop_words
            self._by_language[language] = summarizer
        return self._by_language[language]

    def summarize(self, prepared: PreparedCluster, words: int) -> SystemSummary:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        tokenizer = _Words()
        document = ObjectDocumentModel(
            [
                Paragraph([Sentence(s.text, tokenizer) for s in article.sentences])
                for article in prepared.articles
            ]
        )

        def within_budget(ranked: Sequence[Any]) -> list[Any]:
            kept = set(fill_budget([str(info.sentence) for info in ranked], words))
            return [info for info in ranked if str(info.sentence) in kept]

        summarizer = self._summarizer(prepared.cluster.language)
        chosen = summarizer(document, within_budget)
        return SystemSummary([str(sentence) for sentence in chosen])


class Newsweave:
    """newsweave end to end: `digest_documents` on the cluster's raw documents, as the
    default install runs it: entities typed by the rules (the `ner` extra's spaCy adds its
    own time, measured by bench/entities.py)."""

    name = "newsweave"

    def __init__(self, embedder: Embedder | None = None, summary: SummaryOptions | None = None):
        self.embedder = embedder or default_embedder()
        self.summary = summary or SummaryOptions()

    def options(self, words: int) -> SummaryOptions:
        return replace(self.summary, words=words)

    def summarize(self, prepared: PreparedCluster, words: int) -> SystemSummary:
        options = DigestOptions(summary=self.options(words), ner="rules")
        digest = digest_documents(
            prepared.cluster.documents, options=options, embedder=self.embedder
        )
        return SystemSummary([s.text for s in digest.summary], digest)


class NewsweaveSummary(Newsweave):
    """newsweave's summary with its citations from the prepared sentences: the entity (by
    rules), quote, similarity, fact alignment (for the citations) and summary stages,
    without reading and cleaning."""

    name = "newsweave-summary"

    def summarize(self, prepared: PreparedCluster, words: int) -> SystemSummary:
        articles, language = prepared.articles, prepared.cluster.language
        found = {a.id: find_quotes(a) for a in articles}
        summary, _ = cited_summary(
            articles,
            self.embedder,
            language=language,
            options=DigestOptions(summary=self.options(words)),
            entities=find_entities(articles, ner="rules"),
            quotes=group_quotes(articles, found, self.embedder, language=language),
        )
        digest = Digest(articles=prepared.articles, summary=summary, skipped=[])
        return SystemSummary([s.text for s in summary], digest)


SYSTEM_NAMES = (
    "lead",
    "random",
    "lexrank",
    "textrank",
    "lsa",
    "luhn",
    "newsweave",
    "newsweave-summary",
)


def make_systems(names: Sequence[str], *, seed: int = 13) -> list[System]:
    """The systems with these names (see `SYSTEM_NAMES`), in the order given."""
    embedder: Embedder | None = None

    def shared_embedder() -> Embedder:
        nonlocal embedder
        embedder = embedder or default_embedder()
        return embedder

    def sumy(name: str) -> Callable[[], System]:
        return lambda: Sumy(name)

    makers: dict[str, Callable[[], System]] = {
        "lead": Lead,
        "random": lambda: RandomSentences(seed),
        "newsweave": lambda: Newsweave(shared_embedder()),
        "newsweave-summary": lambda: NewsweaveSummary(shared_embedder()),
        **{name: sumy(name) for name in SUMY_CLASSES},
    }
    unknown = [n for n in names if n not in makers]
    if unknown:
        raise ConfigError(f"unknown system {unknown[0]!r}; choose from {', '.join(SYSTEM_NAMES)}")
    return [makers[name]() for name in names]
