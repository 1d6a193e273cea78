"""Who said what across outlets: one spelling per speaker, and one group per statement.

- Speakers. The names an article gives its speakers are merged across articles when they
  are spellings of one name: the same surname up to transliteration ("Zhivkan", "Jivkan":
  similar enough by `difflib`) and no clashing first name ("Lazar Zhivkan", "Zhivkan").
  The fullest, most frequent form is kept, the first seen on a tie ("Lazar Zhivkan").
- Statements. Quotes of different articles are compared by the blended similarity of
  `newsweave.similarity`; the same speaker adds `QuoteOptions.same_speaker`. Two different
  named speakers never share a group, nor does a named speaker with a quote we could not
  attribute (it would be shown as that speaker's words), nor do quotes under
  `QuoteOptions.min_words` words: a scare-quoted "de-escalation" in two outlets is a word
  both use, not one statement. Groups are made by `newsweave.grouping` (one quote per
  article at most), so a statement quoted in three wordings or translations is one group
  of three variants, each with its outlet.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from newsweave.embed import Embedder, Matrix
from newsweave.grouping import group_across_articles
from newsweave.model import Article, Quote, content_id
from newsweave.quotes import FoundQuote
from newsweave.similarity import similarity_matrix

SURNAME_LIKENESS = 0.75
SURNAME_LENGTHS = 0.7  # the shorter surname has at least this share of the longer one's letters


@dataclass(frozen=True)
class QuoteOptions:
    """How alike two quotes must be to be one statement; set on the sample and the seeds."""

    link: float = 0.55
    mean: float = 0.50
    same_speaker: float = 0.25
    min_words: int = 4  # shorter quotes ("de-escalation") are words, not statements


def canonical_speakers(names: Sequence[str]) -> dict[str, str]:
    """Each name mapped to the spelling that stands for it in the whole digest."""
    counts = Counter(names)
    ordered = sorted(counts, key=lambda n: (-len(n.split()), -counts[n]))  # ties: first seen
    canonical: dict[str, str] = {}
    for name in ordered:
        canonical[name] = next((c for c in dict.fromkeys(canonical.values())
                                if same_person(name, c)), name)  # fmt: skip
    return canonical


def same_person(first: str, second: str) -> bool:
    """Whether two names can be one person: surnames alike, first names not clashing."""
    a, b = _parts(first), _parts(second)
    if not a or not b:
        return False
    short, long_ = sorted((a[-1], b[-1]), key=len)
    alike = difflib.SequenceMatcher(None, a[-1], b[-1]).ratio() >= SURNAME_LIKENESS
    # of near length too: "Zhivkan" and "Jivkan", "Putin" and "Poutine" are one name,
    # "Blair" and "Air" are not
    surname = alike and len(short) >= SURNAME_LENGTHS * len(long_)
    given_a, given_b = a[:-1], b[:-1]
    clash = bool(given_a and given_b and given_a[0][0] != given_b[0][0])
    return surname and not clash


def _parts(name: str) -> list[str]:
    words = [w.strip(".,").casefold() for w in name.split()]
    return [w for w in words if w and w not in ("mr", "mrs", "ms", "dr")]


def group_quotes(
    articles: Sequence[Article],
    found: Mapping[str, Sequence[FoundQuote]],
    embedder: Embedder,
    *,
    language: str | None = "en",
    options: QuoteOptions | None = None,
) -> list[Quote]:
    """Every quote of every article with its canonical speaker and its statement group."""
    opts = options or QuoteOptions()
    items = [(a.id, q) for a in articles for q in found.get(a.id, ())]
    if not items:
        return []
    canonical = canonical_speakers([q.speaker for _, q in items if q.speaker])
    speakers = [canonical.get(q.speaker) if q.speaker else None for _, q in items]
    scores = similarity_matrix([q.text for _, q in items], embedder, language=language)
    short = [len(q.text.split()) < opts.min_words for _, q in items]
    for i, first in enumerate(speakers):
        for j in range(i + 1, len(items)):
            second = speakers[j]
            if short[i] or short[j] or (first is None) != (second is None):
                adjust = -np.inf  # a scare-quoted word; or a speaker we could not name
            elif first and second:
                adjust = opts.same_speaker if first == second else -np.inf
            else:
                adjust = 0.0
            scores[i, j] = scores[j, i] = scores[i, j] + adjust
    groups = group_across_articles([a for a, _ in items], scores, link=opts.link, mean=opts.mean)
    quotes: list[Quote | None] = [None] * len(items)
    for members in groups:
        ids = [_quote_id(*items[k]) for k in members]
        group_id = content_id("quote-group", *ids)
        for k, quote_id in zip(members, ids, strict=True):
            article_id, found_quote = items[k]
            quotes[k] = Quote(
                id=quote_id,
                text=found_quote.text,
                speaker=speakers[k],
                speaker_description=found_quote.speaker_description,
                article_id=article_id,
                sentence_id=found_quote.sentence_id,
                start=found_quote.start,
                end=found_quote.end,
                group=group_id,
                form=found_quote.form,
            )
    return [q for q in quotes if q is not None]


def _quote_id(article_id: str, quote: FoundQuote) -> str:
    return content_id("quote", article_id, str(quote.start), str(quote.end))


def same_statement(spans: Sequence[tuple[str, int, int]], quotes: Sequence[Quote]) -> Matrix:
    """1 where two spans (article id, start, end) of different articles each hold a quote of
    one statement group: the outlets quote the same words of the same named speaker,
    whatever else their sentences say around them. Quotes of no named speaker (a phrase
    in scare quotes, an unnamed source) are no such evidence."""
    by_article: dict[str, list[Quote]] = {}
    outlets: dict[str, set[str]] = {}  # statement group -> articles quoting it
    for quote in quotes:
        if quote.speaker is not None:
            by_article.setdefault(quote.article_id, []).append(quote)
            outlets.setdefault(quote.group, set()).add(quote.article_id)
    groups = [
        {q.group for q in by_article.get(article, ()) if start < q.end and q.start < end}
        for article, start, end in spans
    ]
    shared = {group for group, articles in outlets.items() if len(articles) > 1}
    n = len(spans)
    same = np.zeros((n, n), dtype=np.float32)
    held = [i for i in range(n) if groups[i] & shared]
    for position, i in enumerate(held):
        for j in held[position + 1 :]:
            if spans[i][0] != spans[j][0] and groups[i] & groups[j]:
                same[i, j] = same[j, i] = 1.0
    return same
