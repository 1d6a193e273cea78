"""Which sentences of other articles state the same thing as a given sentence.

A citation is a promise that the cited sentence supports the summary sentence, so this errs
on the side of citing less: the pair must be very similar, each must be the other's best
match in its article, and when both sentences carry numbers they must share one (a count of
troops never supports a count of minutes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from newsweave.embed import Matrix
from newsweave.model import Sentence

SAME_FACT = 0.52
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
TIME_WORD = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|Jan(?:uary)?|Feb(?:ruary)?|March|Apr(?:il)?|June?|July?|"
    r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)  # case-sensitive on purpose: "may" and "march" are also verbs


def numbers_in(text: str) -> set[str]:
    """The numbers written in digits, without thousands separators ("100,000" -> "100000")."""
    return {match.replace(",", "") for match in NUMBER.findall(text)}


def numbers_compatible(first: str, second: str) -> bool:
    """False when both texts state numbers and share none of them."""
    return _none_or_shared(numbers_in(first), numbers_in(second))


def _none_or_shared(a: set[str], b: set[str]) -> bool:
    return not (a and b and not (a & b))


def times_in(text: str) -> set[str]:
    """Years, month names and weekday names the text mentions: years whole, names by
    their first three letters, lower-cased ("Tue" and "Tuesday" are one day)."""
    return {m if m.isdigit() else m.lower()[:3] for m in TIME_WORD.findall(text)}


def times_compatible(first: str, second: str) -> bool:
    """False when both texts name when something happens and share no time word
    ("In December 2019 ..." never supports "... on Tuesday")."""
    return _none_or_shared(times_in(first), times_in(second))


def best_match_by_article(
    sentences: Sequence[Sentence], similarity: Matrix
) -> dict[str, npt.NDArray[np.intp]]:
    """For each article (in order of appearance), the index of its sentence most similar to
    every sentence: `best[article][i]`."""
    article_of = np.array([s.article_id for s in sentences])
    best: dict[str, npt.NDArray[np.intp]] = {}
    for article in dict.fromkeys(article_of.tolist()):
        columns = np.flatnonzero(article_of == article)
        best[article] = columns[np.argmax(similarity[:, columns], axis=1)]
    return best


def supporting_sentences(
    sentences: Sequence[Sentence], similarity: Matrix, threshold: float = SAME_FACT
) -> list[list[int]]:
    """For every sentence, the indices of sentences in other articles that state the same
    fact, at most one per article, in article order."""
    best_in = best_match_by_article(sentences, similarity)
    articles = list(best_in)
    support: list[list[int]] = []
    for i, sentence in enumerate(sentences):
        found = []
        for article in articles:
            if article == sentence.article_id:
                continue
            j = int(best_in[article][i])
            mutual = int(best_in[sentence.article_id][j]) == i
            if (
                mutual
                and similarity[i, j] >= threshold
                and numbers_compatible(sentence.text, sentences[j].text)
                and times_compatible(sentence.text, sentences[j].text)
            ):
                found.append(j)
        support.append(found)
    return support
