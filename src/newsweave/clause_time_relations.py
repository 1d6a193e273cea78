"""How the times two clauses name bear on whether they state one fact.

The alignment (`newsweave.align`) reads each clause's time words and the days the timeline
resolves it to (`newsweave.timeline.clause_times`), and asks three things of a pair:

- `different_times`: both are dated and their times cannot meet ("In December 2019 he
  hosted ..." and "... in Kyiv on Tuesday"): unlikely one fact;
- `same_earlier_year`: both date what they say to one year before the story ("Two years
  ago, a state inspection found cracks", "since an inspection in 2023"): a shared piece of
  background, rarely a coincidence;
- `same_clock_time`: both give one time of day ("failed shortly after 2 a.m.", "failed at
  about 2am yesterday"; "at 02:14 UTC", "(02.14 GMT)") on days that may be one: a clock
  time is specific to one moment of the story, rarely shared by chance;
- `background_against_present`: one is dated to a year before the story, the other names
  no time at all. An undated clause of a news story tells its present ("German Chancellor
  Olaf Scholz will meet Biden in Washington"), so it is less likely the background one
  ("In December 2019, he hosted a meeting between Mr. Putin and Mr. Zelensky").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from newsweave.amount_relations import any_agree
from newsweave.clauses import Clause
from newsweave.embed import Matrix
from newsweave.model import Article
from newsweave.quantities import Quantity
from newsweave.timeline.clause_times import DayRange, days_apart

NEAR_DAYS = 7  # days of two years this close may be one event dated differently
WEEKDAYS = frozenset({"mon", "tue", "wed", "thu", "fri", "sat", "sun"})


def different_times(
    written: Sequence[set[str]],
    relative: Sequence[frozenset[str]],
    years: Sequence[frozenset[int]],
    days: Sequence[Sequence[DayRange]],
) -> Matrix:
    """1 where both clauses are dated and their times cannot meet: the timeline resolves
    them to different years ("Two years ago, an inspection found cracks in the embankment"
    is 2023, "Two years later, the embankment gave way" 2025), or they share no time word
    and a year or month is among them ("In December 2019 he hosted ..." is not "... in
    Kyiv on Tuesday"); a day counted from publication (`relative`) stands for its weekday,
    month and year ("yesterday", in an article of Tuesday 8 July, shares "jul" with "on
    July 7"). Two different weekdays ("visit on Tuesday", "visit on Wednesday"; or
    "yesterday", a Monday) may be one event dated differently by two outlets, which is a
    conflict to show, not two facts; so may two days of two years at most `NEAR_DAYS`
    apart ("on 31 December 2024", "on 1 January 2025")."""
    n = len(written)
    times = [set(words) | named for words, named in zip(written, relative, strict=True)]
    # what each clause says as weekdays: its written words, a relative day as its weekday
    spoken = [
        set(words) | (named & WEEKDAYS) for words, named in zip(written, relative, strict=True)
    ]

    def cannot_meet(i: int, j: int) -> bool:
        other_years = bool(years[i] and years[j] and not years[i] & years[j])
        if other_years and days_apart(days[i], days[j]) <= NEAR_DAYS:
            return False  # 31 December and 1 January: maybe one event dated differently
        other_words = (
            bool(times[i] and times[j] and not times[i] & times[j])
            and not (spoken[i] | spoken[j]) <= WEEKDAYS
        )
        return other_years or other_words

    return _pairs(n, [i for i in range(n) if times[i] or years[i]], cannot_meet)


def same_earlier_year(
    articles: Sequence[Article], clauses: Sequence[Clause], years: Sequence[frozenset[int]]
) -> Matrix:
    """1 where clauses of two articles date what they say to one year before the story's
    first publication year: a shared piece of background ("Two years ago, a state inspection
    found cracks", "since an inspection in 2023"), rarely a coincidence."""
    n = len(clauses)
    first_year = _first_year(articles)
    if first_year is None:
        return np.zeros((n, n), dtype=np.float32)
    earlier = [frozenset(y for y in found if y < first_year) for found in years]
    return _pairs(
        n,
        [i for i in range(n) if earlier[i]],
        lambda i, j: (
            bool(earlier[i] & earlier[j]) and clauses[i].article_id != clauses[j].article_id
        ),
    )


def same_clock_time(
    clauses: Sequence[Clause],
    quantities: Sequence[Sequence[Quantity]],
    days: Sequence[Sequence[DayRange]],
) -> Matrix:
    """1 where clauses of two articles give times of day that can be one time ("2 a.m.",
    "about 2am") and are not dated to different days."""
    clock = [[q for q in found if q.kind == "time"] for found in quantities]

    def one_time(i: int, j: int) -> bool:
        if clauses[i].article_id == clauses[j].article_id:
            return False
        if days[i] and days[j] and days_apart(days[i], days[j]) > 0:
            return False  # "at 11:39" of two days: two moments
        return any_agree(clock[i], clock[j])

    return _pairs(len(clauses), [i for i in range(len(clauses)) if clock[i]], one_time)


def background_against_present(
    articles: Sequence[Article],
    written: Sequence[set[str]],
    relative: Sequence[frozenset[str]],
    years: Sequence[frozenset[int]],
) -> Matrix:
    """1 where one clause is dated only to years before the story's first publication year
    and the other names no time at all (no time word, no day counted from publication, no
    year the timeline finds)."""
    n = len(years)
    first_year = _first_year(articles)
    if first_year is None:
        return np.zeros((n, n), dtype=np.float32)
    earlier = np.array([bool(found) and max(found) < first_year for found in years], dtype=bool)
    dates = zip(years, written, relative, strict=True)
    undated = np.array([not (found or words or named) for found, words, named in dates], dtype=bool)
    pairs = (earlier[:, None] & undated[None, :]) | (undated[:, None] & earlier[None, :])
    result: Matrix = pairs.astype(np.float32)
    return result


def _pairs(n: int, candidates: Sequence[int], holds: Callable[[int, int], bool]) -> Matrix:
    """(n, n): 1 for each two of the `candidates` (clause indices) of which `holds`."""
    found = np.zeros((n, n), dtype=np.float32)
    for position, i in enumerate(candidates):
        for j in candidates[position + 1 :]:
            if holds(i, j):
                found[i, j] = found[j, i] = 1.0
    return found


def _first_year(articles: Sequence[Article]) -> int | None:
    """The year the story's first article was published, if any says."""
    return min((int(a.published[:4]) for a in articles if a.published), default=None)
