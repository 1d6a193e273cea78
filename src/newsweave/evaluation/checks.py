"""Checks on what a summary says, beyond ROUGE.

- `citations_resolve`: the share of newsweave's summary sentences whose citations all
  resolve to sentences of the digest's articles, each cited span being exactly the text it
  claims (`article.text[start:end]`), the first citation being the summary sentence's own
  source. Anything below 1.0 is a bug.
- `redundancy`: the highest TF-IDF cosine between two sentences of one summary (1.0 = a
  sentence repeated); computed the same way for every system.
- `dangling`: the share of summary sentences that lean on missing context (a leading
  connective or pronoun, a quote attributed only to "he"), by newsweave's own rule.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsweave.model import Digest
from newsweave.similarity import tfidf_vectors
from newsweave.summarize import is_dangling


def citations_resolve(digest: Digest) -> float:
    """Share of summary sentences whose every citation is an exact span of its article."""
    if not digest.summary:
        return 1.0
    good = 0
    for item in digest.summary:
        try:
            cited = [digest.sentence(sentence_id) for sentence_id in item.citations]
        except KeyError:
            continue
        spans_exact = all(
            digest.article(s.article_id).text[s.start : s.end] == s.text for s in cited
        )
        source_first = bool(cited) and cited[0].id == item.sentence_id
        if spans_exact and source_first and cited[0].text == item.text:
            good += 1
    return good / len(digest.summary)


def redundancy(sentences: Sequence[str], language: str | None = "en") -> float:
    """Highest cosine similarity (TF-IDF) between two of the sentences; 0 for fewer than 2."""
    if len(sentences) < 2:
        return 0.0
    vectors = tfidf_vectors(sentences, language)
    similarity = vectors @ vectors.T
    return float(similarity[np.triu_indices(len(sentences), k=1)].max())


def dangling_share(sentences: Sequence[str]) -> float:
    """Share of the sentences that start with a dangling connective or pronoun."""
    if not sentences:
        return 0.0
    return sum(is_dangling(s) for s in sentences) / len(sentences)
