"""Which sentences a summary sentence may cite through the facts it shares with them.

Two sentences state one fact when a clause of each is in one fact group (`newsweave.align`)
and the two clauses are alike in themselves, not only through the rest of their group. A
citation promises more than a fact group does, so three more checks hold it back:

- the two clauses must not dispute each other (a denial, another figure, another doer or
  place: `disputed_sentences`);
- when both linked clauses write numbers they must share one, and one other than a year
  when both write such numbers; when both name times (years, months, weekdays) they must
  share one: "Vinokourov won stage 13"
  is no source for "won stage 15", nor an aftershock "of magnitude 5.8" for one "measured
  at 6.6" (`newsweave.citations`, as for whole sentences);
- neither clause may be made only of the story's common words: on a story of ten
  articles, "after the Abu Ghraib prison scandal" (every word in half the articles or
  more) had cited four sentences on four other matters. The words that count are those
  of fewer than half of the story's articles, so the check needs at least
  `MIN_ARTICLES_FOR_COMMON_WORDS` articles.
"""

from __future__ import annotations

import re
from collections import Counter

from newsweave.align import Alignment
from newsweave.citations import numbers_compatible, times_compatible
from newsweave.model import ClauseLink
from newsweave.similarity import stop_words

MIN_ARTICLES_FOR_COMMON_WORDS = 4
_WORD = re.compile(r"[^\W_]+")


def supporting_sentences_by_fact(
    alignment: Alignment, disputed: set[frozenset[str]] | None = None
) -> dict[str, dict[str, list[ClauseLink]]]:
    """For every sentence, the sentences of other articles that state one of its facts (see
    the module docstring), in order of first mention, each with the clauses that state
    them: (a clause of the sentence, the clause of the other sentence). Two clauses are
    alike in themselves at the alignment's own link. `disputed` is
    `disputed_sentences(alignment)`, when the caller has it already."""
    if disputed is None:
        disputed = disputed_sentences(alignment)
    specific = _specific_clauses(alignment)
    support: dict[str, dict[str, list[ClauseLink]]] = {}
    for group in alignment.groups:
        for i in group:
            first = alignment.clauses[i]
            found = support.setdefault(first.sentence_id, {})
            if i not in specific:
                continue
            for j in group:
                other = alignment.clauses[j]
                if (
                    other.article_id != first.article_id
                    and float(alignment.scores[i, j]) >= alignment.link
                    and frozenset((first.sentence_id, other.sentence_id)) not in disputed
                    and j in specific
                    and numbers_compatible(first.text, other.text)
                    and times_compatible(first.text, other.text)
                ):
                    found.setdefault(other.sentence_id, []).append((first.span(), other.span()))
    return support


def disputed_sentences(alignment: Alignment) -> set[frozenset[str]]:
    """The pairs of sentences (ids) that must never cite each other: one denies what the
    other asserts, gives another figure for the same thing, or names another person or place
    for what the other says (or another person without naming the other's)."""
    pairs = [
        *alignment.denials,
        *alignment.different_amounts,
        *alignment.different_doers,
        *alignment.one_sided_doers,
        *alignment.different_places,
    ]
    return {
        frozenset((alignment.clauses[i].sentence_id, alignment.clauses[j].sentence_id))
        for i, j in pairs
    }


def _specific_clauses(alignment: Alignment) -> set[int]:
    """The clauses with a word (not a stop word) found in fewer than half of the story's
    articles: all of them when the story has too few articles to tell."""
    stop = stop_words("en")
    words = [
        {w for w in _WORD.findall(clause.text.casefold()) if w not in stop}
        for clause in alignment.clauses
    ]
    articles: dict[str, set[str]] = {}
    for clause, found in zip(alignment.clauses, words, strict=True):
        articles.setdefault(clause.article_id, set()).update(found)
    if len(articles) < MIN_ARTICLES_FOR_COMMON_WORDS:
        return set(range(len(alignment.clauses)))
    spread = Counter(word for found in articles.values() for word in found)
    rare = len(articles) / 2
    return {i for i, found in enumerate(words) if any(spread[w] < rare for w in found)}
