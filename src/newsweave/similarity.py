"""How alike two sentences are: meaning (embeddings) blended with shared words (TF-IDF).

Static embeddings see paraphrase ("troops" ~ "soldiers") but rate any two sentences of one
story as fairly alike; TF-IDF sees the rare words two sentences share (names, numbers) but
misses paraphrase. Their blend ranks "the same fact in other words" above "same topic".
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import numpy as np

from newsweave.embed import Embedder, Matrix, normalise_rows


@dataclass(frozen=True)
class SimilarityOptions:
    """Weights of the blend; the rest of the weight goes to TF-IDF cosine."""

    embedding_weight: float = 0.5


def tfidf_vectors(texts: Sequence[str], language: str | None = "en") -> Matrix:
    """Sublinear TF-IDF rows (unit length) over the given texts, accents folded."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    vectorizer = TfidfVectorizer(
        lowercase=True,
        strip_accents="unicode",
        sublinear_tf=True,
        stop_words="english" if language == "en" else None,
        token_pattern=r"(?u)\b\w[\w'’-]*\w\b|\b\d+\b",
        dtype=np.float32,
    )
    try:
        matrix = vectorizer.fit_transform(list(texts))
    except ValueError:  # every text was empty or only stop words
        return np.zeros((len(texts), 1), dtype=np.float32)
    return normalise_rows(matrix.toarray())


_WORD = re.compile(r"\w[\w'’-]*")


def stemmed(text: str, language: str | None) -> str:
    """The words of `text`, lower-cased and reduced to their stems by the Snowball stemmer
    of `language` ("lifted", "lifting" -> "lift"; "rains" -> "rain"), so that TF-IDF sees
    one word in its forms; the text unchanged when Snowball has no stemmer for it. Stop
    words stay as they are, for `tfidf_vectors` to leave out ("because" would stem to
    "becaus", which its list does not know)."""
    if not language or _stemmer(language) is None:
        return text
    stop = stop_words(language)
    return " ".join(
        word if word in stop else _stem(language, word) for word in _WORD.findall(text.lower())
    )


@cache
def stop_words(language: str | None) -> frozenset[str]:
    """The stop words `tfidf_vectors` leaves out for `language` (English only)."""
    if language != "en":
        return frozenset()
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


@lru_cache(maxsize=200_000)
def _stem(language: str, word: str) -> str:
    """One word's stem; words recur across clauses and stories, and Snowball in pure Python
    costs about 30 µs a word. A Snowball stemmer keeps its work in itself, so threads (the
    web app's digests) take turns."""
    with _STEMMING:
        stem: str = _stemmer(language).stemWord(word)
    return stem


_STEMMING = threading.Lock()


@cache
def _stemmer(language: str) -> Any:
    import snowballstemmer
    from babel import Locale, UnknownLocaleError

    try:
        name = str(Locale.parse(language).english_name).lower()
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    return snowballstemmer.stemmer(name) if name in snowballstemmer.algorithms() else None


def similarity_matrix(
    texts: Sequence[str],
    embedder: Embedder,
    *,
    language: str | None = "en",
    options: SimilarityOptions | None = None,
    lexical_texts: Sequence[str] | None = None,
) -> Matrix:
    """Symmetric (n, n) matrix of blended cosine similarities with 1.0 on the diagonal.

    `lexical_texts`, one per text, are what TF-IDF compares instead of the texts (the
    embeddings always see the texts): the alignment leaves names out of it."""
    opts = options or SimilarityOptions()
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    dense = embedder.embed(texts)
    lexical = tfidf_vectors(lexical_texts if lexical_texts is not None else texts, language)
    blended = opts.embedding_weight * (dense @ dense.T) + (1 - opts.embedding_weight) * (
        lexical @ lexical.T
    )
    np.fill_diagonal(blended, 1.0)
    return np.clip(blended, -1.0, 1.0).astype(np.float32)
