"""The dated expressions of the alignment's clauses, and the years each clause is about.

Both the timeline (`newsweave.timeline.events`) and the cross-source alignment
(`newsweave.align`) need to know which clause each resolved temporal expression stands in.
The alignment uses the years to keep apart clauses that look alike but are about different
years: "Two years ago, a state inspection found cracks in the embankment" (2023) and "Two
years later, the embankment gave way" (2025) share words, not a fact. Years, not days: two
outlets that date one event on different days of one week disagree about one fact, which
the timeline reports as a conflict; and so do two whose days are close but fall in two
years (31 December and 1 January), which is why the days are kept too.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from newsweave.clauses import Clause
from newsweave.model import Article
from newsweave.timeline.extract import Memo, find_time_expressions
from newsweave.timeline.model import TimeExpression


def clause_expressions(
    articles: Sequence[Article], clauses: Sequence[Clause], memo: Memo | None = None
) -> Iterator[tuple[Article, TimeExpression, int | None]]:
    """Every expression that resolves to calendar days (lengths of time do not), with the
    index of the clause it stands in, or None when it is in no clause of `clauses`."""
    by_article: dict[str, list[tuple[int, int]]] = {}
    for index, clause in enumerate(clauses):
        by_article.setdefault(clause.article_id, []).append((clause.start, index))
    for article in articles:
        starts = sorted(by_article.get(article.id, []))
        reference = date.fromisoformat(article.published) if article.published else None
        spans = [(s.start, s.end) for s in article.sentences]
        for expression in find_time_expressions(
            article.text, reference, sentence_spans=spans, memo=memo
        ):
            if expression.value is None or expression.anchor == "duration":
                continue
            yield article, expression, _clause_at(clauses, starts, expression.start)


DayRange = tuple[date, date]  # first and last day, inclusive


@dataclass(frozen=True)
class ClauseDays:
    """For every clause: the ranges of days its dated expressions cover (none: undated),
    and the weekday, month and year its days counted from publication stand for, named as
    `newsweave.citations.times_in` names them ("at about 2am yesterday" in an article of
    Tuesday 11 March 2025 is "mon", "mar" and "2025", like "early on Monday" or "on March
    10" in another outlet)."""

    days: list[tuple[DayRange, ...]]
    relative_words: list[frozenset[str]]


def clause_days(
    articles: Sequence[Article], clauses: Sequence[Clause], memo: Memo | None = None
) -> ClauseDays:
    """The days of every clause, read in one pass over the articles' dated expressions."""
    days: list[list[DayRange]] = [[] for _ in clauses]
    names: list[set[str]] = [set() for _ in clauses]
    for _, expression, index in clause_expressions(articles, clauses, memo):
        if index is None or expression.value is None:
            continue
        first = date.fromisoformat(expression.value.date)
        last = date.fromisoformat(expression.value.end or expression.value.date)
        days[index].append((first, last))
        if expression.kind == "relative_day":
            names[index] |= {_WEEKDAYS[first.weekday()], _MONTHS[first.month - 1], str(first.year)}
    return ClauseDays([tuple(found) for found in days], [frozenset(found) for found in names])


# as `times_in` names them, whatever the locale
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def years_of(ranges: Sequence[DayRange]) -> frozenset[int]:
    """The years that ranges of days cover."""
    return frozenset(year for first, last in ranges for year in range(first.year, last.year + 1))


def days_apart(first: Sequence[DayRange], second: Sequence[DayRange]) -> int:
    """The fewest days between a range of `first` and one of `second` (0 when two meet)."""
    return min(
        max((b_first - a_last).days, (a_first - b_last).days, 0)
        for a_first, a_last in first
        for b_first, b_last in second
    )


def _clause_at(clauses: Sequence[Clause], starts: list[tuple[int, int]], at: int) -> int | None:
    position = bisect_right(starts, (at, len(clauses))) - 1
    if position < 0:
        return None
    index = starts[position][1]
    return index if clauses[index].end > at else None
