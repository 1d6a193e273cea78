"""Which statements come from articles published days apart.

A story that runs for weeks or years repeats its kind of event: another aftershock,
another day of the search, another anniversary. A statement about one is as alike to a
statement about another as two wordings of one, so the alignment and the summary's
citations ask more of two statements whose articles were published more than
`APART_DAYS` apart, and the alignment more again of those `WEEKS_APART_DAYS` apart. Only
a date an article states counts: an undated article, or one whose date is inferred from
the others, is taken as near to all. (The days the statements themselves name are no
better guide: "the July 7, 2005 bombings" is the background of a profile of the suspects
and of a memorial four years later alike, and an aftershock months later is one "of the
February 27 8.8 earthquake".)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from newsweave.embed import Matrix
from newsweave.ingest.metadata import published_day
from newsweave.model import Article

APART_DAYS = 2  # articles published further apart may report two events of one kind
APART_PENALTY = 0.1  # what statements of such articles lose of their similarity
# weeks apart, they more often do than not: the aftershocks of one quake months apart
# ("No damage was reported"), the anniversary of an attack and its day
WEEKS_APART_DAYS = 14
WEEKS_APART_PENALTY = 0.1  # lost on top of APART_PENALTY


def published_days(
    articles: Sequence[Article], article_ids: Sequence[str]
) -> npt.NDArray[np.float64]:
    """The day number each statement's article (`article_ids[i]`, ids of `articles`) was
    published on by the date it states; NaN for an undated article or an inferred date."""
    days = {a.id: None if a.published_inferred else published_day(a.published) for a in articles}
    return np.array([days.get(article) for article in article_ids], dtype=np.float64)


def published_apart(articles: Sequence[Article], article_ids: Sequence[str]) -> Matrix:
    """(n, n) matrix, 1 where the articles of statements i and j (`article_ids[i]`, ids of
    `articles`) were published more than `APART_DAYS` apart by the dates they state."""
    return apart_by_more_than(published_days(articles, article_ids), APART_DAYS)


def apart_by_more_than(day: npt.NDArray[np.float64], days: int) -> Matrix:
    """(n, n) matrix, 1 where the `published_days` of i and j are more than `days` apart
    (never where either is unknown)."""
    with np.errstate(invalid="ignore"):
        apart = np.abs(day[:, None] - day[None, :]) > days
    return apart.astype(np.float32)
