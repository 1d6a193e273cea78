"""Which sentences of other articles state the same thing as a given sentence.

A citation is a promise that the cited sentence supports the summary sentence, so this errs
on the side of citing less: the pair must be very similar, each must be the other's best
match in its article, when both sentences carry numbers they must share one (a count of
troops never supports a count of minutes; "stage 13 of the 2007 Tour" never supports
"stage 15 of the 2007 Tour": years are not enough), and one must not deny what the other
asserts ("neither has recovered any debris" never supports "has recovered a part of the
tail").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from newsweave.embed import Matrix
from newsweave.model import Sentence

if TYPE_CHECKING:
    from newsweave.clauses import Clause

SAME_FACT = 0.52
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = r"1[89]\d\d|20\d\d"
YEAR = re.compile(_YEAR)
NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|none|nobody|nothing|cannot)\b|n[’']t\b", re.IGNORECASE
)
# Negation words that turn nothing round: "not only", "No. 10", "not long after", "no more
# than 10 km", "no later than Friday", "no doubt"
NOT_NEGATING = re.compile(
    r"\bnot\s+only\b|\bno\.\s*\d|\bnot\s+long\s+(?:after|before|ago)\b|"
    r"\b(?:no|not)\s+(?:more|fewer|less|later|earlier|sooner)\s+than\b|\bno\s+doubt\b",
    re.IGNORECASE,
)
# What a relative clause or an "including ..." aside says is not what the sentence asserts:
# "A meeting ... unnerved other governments, which felt they hadn't been informed"
ASIDE = re.compile(r"(?:,\s*(?:which|who|whom|whose)\b|\bincluding\b)[^,;]*", re.IGNORECASE)
TIME_WORD = re.compile(
    rf"\b(?:{_YEAR}|Jan(?:uary)?|Feb(?:ruary)?|March|Apr(?:il)?|June?|July?|"
    r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)  # case-sensitive on purpose: "may" and "march" are also verbs


def numbers_in(text: str) -> set[str]:
    """The numbers written in digits, without thousands separators ("100,000" -> "100000")."""
    return {match.replace(",", "") for match in NUMBER.findall(text)}


def numbers_compatible(first: str, second: str) -> bool:
    """False when both texts state numbers and share none of them, or both state numbers
    other than years and share none of those."""
    a, b = numbers_in(first), numbers_in(second)
    if not _none_or_shared(a, b):
        return False
    return _none_or_shared(_not_years(a), _not_years(b))


def _not_years(numbers: set[str]) -> set[str]:
    return {n for n in numbers if not YEAR.fullmatch(n)}


def same_polarity(first: str, second: str) -> bool:
    """False when one text is negated ("not", "no", "never", "neither"...) and the other is
    not: "Teams have confirmed that neither have recovered any debris" does not support
    "The air force has located bodies and wreckage", however alike their words. Negations
    in asides do not count ("..., which felt they hadn't been informed"; "including that
    NATO never admit Kyiv"), nor words that negate nothing ("not only", "No. 10", "not long
    after", "no more than")."""
    return negated(first) == negated(second)


def negated(text: str) -> bool:
    """Whether the text says "not", "no", "never"... outside its asides (`same_polarity`)."""
    return NEGATION.search(NOT_NEGATING.sub(" ", ASIDE.sub(" ", text))) is not None


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
    sentences: Sequence[Sentence | Clause], similarity: Matrix
) -> dict[str, npt.NDArray[np.intp]]:
    """For each article (in order of appearance), the index of its sentence (or clause) most
    similar to every sentence: `best[article][i]`."""
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
                and same_polarity(sentence.text, sentences[j].text)
            ):
                found.append(j)
        support.append(found)
    return support
