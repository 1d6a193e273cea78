"""How long one input may be to count as a news article, for the digest and the store alike.

A long read has about 500 sentences and 40,000 characters. Past these limits an input is a
book, a dump or a whole collection, which a digest cannot compare sentence by sentence (its
cost grows with the square of the sentences) and a story should not hold; it is skipped with
the reason `too_long` gives. Characters are checked first, so a 19 MB file is turned away
before it is cleaned and split.
"""

from __future__ import annotations

MAX_ARTICLE_SENTENCES = 2_000
MAX_ARTICLE_CHARACTERS = 1_000_000


def too_long(
    characters: int, sentences: int | None = None, max_sentences: int = MAX_ARTICLE_SENTENCES
) -> str | None:
    """The reason an article of this length is skipped, or None when it is not."""
    if characters > MAX_ARTICLE_CHARACTERS:
        return (
            f"too long for a news article: {characters:,} characters "
            f"(at most {MAX_ARTICLE_CHARACTERS:,})"
        )
    if sentences is not None and sentences > max_sentences:
        return f"too long for a news article: {sentences:,} sentences (at most {max_sentences:,})"
    return None
