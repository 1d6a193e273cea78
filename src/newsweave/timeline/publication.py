"""Publication dates for a story's articles: the stated ones kept, the missing ones
inferred from the other articles' dates, from full dates in the text ("Monday February 7":
the weekday pins the year) and from how well each candidate date fits the article's own
relative expressions. Every inferred date says how it was reached."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsweave.ingest.metadata import published_date
from newsweave.timeline.extract import GRAMMARS, Memo, find_time_expressions
from newsweave.timeline.grammar import Grammar
from newsweave.timeline.model import PublicationDate, TimeExpression

_DATED_KINDS = frozenset({"iso", "month_day", "day_month"})
_RELATIVE_DAY_KINDS = frozenset(
    {"weekday", "relative_day", "month_day", "day_month", "night_between"}
)
_NEIGHBOURS = (-1, 0, 1)  # days around another article's date that are candidates too


@dataclass(frozen=True)
class _Candidate:
    date: dt.date
    reasons: tuple[str, ...]


def infer_publication_dates(
    articles: Sequence[tuple[str, str | None]], *, language: str = "en", memo: Memo | None = None
) -> list[PublicationDate]:
    """For each (text, stated ISO date or None), its publication date.

    A stated date is kept ("stated"). A missing one is the candidate that agrees best
    with the article's relative days ("on Monday", "yesterday") and breaks none of its
    tensed full dates ("is expected on Monday February 7" is not in its past); candidates
    are the other articles' dates and the days next to them, and the dates a weekday pins
    in the text. Ties go to the date most articles state. With no candidate, None.
    """
    stated = [published_date(date) for _, date in articles]
    memo = Memo() if memo is None else memo  # each text is read against several dates
    story_days = _story_days(articles, stated, language, memo)
    support = Counter(d for d in stated if d is not None)
    pinned = _pinned_dates([text for text, _ in articles], stated, language, memo)
    if not support:  # no article is dated: the days pinned by weekdays are the story's
        story_days.update(d for found in pinned for d, _ in found)
    results: list[PublicationDate] = []
    for index, ((text, _), date) in enumerate(zip(articles, stated, strict=True)):
        if date is not None:
            results.append(PublicationDate(date.isoformat(), False, "stated"))
            continue
        candidates = _candidates(index, stated, pinned)
        if not candidates:
            results.append(PublicationDate(None, False, "no date stated and none inferable"))
            continue
        results.append(_best(text, candidates, story_days, support, language, memo))
    return results


def _days(expression: TimeExpression, longest: int = 3) -> list[dt.date]:
    """The days a day-granularity value covers, if it covers at most `longest`."""
    if expression.value is None or expression.granularity != "day":
        return []
    first = dt.date.fromisoformat(expression.value.date)
    last = dt.date.fromisoformat(expression.value.end) if expression.value.end else first
    if (last - first).days >= longest:
        return []
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _story_days(
    articles: Sequence[tuple[str, str | None]],
    stated: Sequence[dt.date | None],
    language: str,
    memo: Memo,
) -> set[dt.date]:
    """The days the dated articles speak of, and their own dates."""
    days: set[dt.date] = {d for d in stated if d is not None}
    for (text, _), date in zip(articles, stated, strict=True):
        if date is None:
            continue
        for expression in find_time_expressions(text, date, language=language, memo=memo):
            if expression.kind != "span":
                days.update(_days(expression))
    return days


def _pinned_dates(
    texts: Sequence[str], stated: Sequence[dt.date | None], language: str, memo: Memo
) -> list[list[tuple[dt.date, str]]]:
    """Per article, the dates its weekday+day+month expressions pin ("Monday February 7"
    is 2022-02-07 near the story's years), or that it writes in full with a year."""
    grammar = GRAMMARS.get(language)
    if grammar is None:
        return [[] for _ in texts]
    years = [d.year for d in stated if d is not None]
    if not years:
        for text in texts:
            years.extend(
                _mentioned_years(find_time_expressions(text, None, language=language, memo=memo))
            )
    hint = max(years) if years else None
    pinned: list[list[tuple[dt.date, str]]] = []
    for text in texts:
        found: list[tuple[dt.date, str]] = []
        for expression in find_time_expressions(text, None, language=language, memo=memo):
            if expression.kind not in _DATED_KINDS:
                continue
            weekday = _weekday_date(expression, grammar, hint)
            if weekday is not None:
                found.append((weekday, f"explicit weekday+date in text '{expression.text}'"))
        pinned.append(found)
    return pinned


def _mentioned_years(expressions: Iterable[TimeExpression]) -> list[int]:
    return [
        int(e.value.date[:4])
        for e in expressions
        if e.value is not None and e.anchor == "absolute" and e.granularity != "decade"
    ]


def _weekday_date(expression: TimeExpression, grammar: Grammar, hint: int | None) -> dt.date | None:
    """The date of "Monday February 7" in the year nearest `hint` where it is a Monday."""
    months, weekdays_named = grammar.months, grammar.weekdays
    words = [w.strip(",") for w in expression.text.split()]
    lowered = [w.lower().rstrip(".") for w in words]
    weekdays = [weekdays_named[w] for w in lowered if w in weekdays_named]
    at = [i for i, w in enumerate(lowered) if w in months]
    if len(weekdays) != 1 or len(at) != 1 or hint is None:
        return None
    # The day is the number right before or after the month ("February 7", "7 February").
    near = [words[i] for i in (at[0] + 1, at[0] - 1) if 0 <= i < len(words)]
    days = [int(d) for d in ("".join(c for c in w if c.isdigit()) for w in near) if 0 < len(d) <= 2]
    if not days:
        return None
    written_year = [int(w) for w in words[at[0] :] if w.isdigit() and len(w) == 4]
    choices = written_year[:1] or [hint + offset for offset in range(-12, 13)]
    month = months[lowered[at[0]]]
    fits = []
    for year in choices:
        try:
            when = dt.date(year, month, days[0])
        except ValueError:
            continue
        if when.weekday() == weekdays[0]:
            fits.append(when)
    return min(fits, key=lambda d: (abs(d.year - hint), -d.year)) if fits else None


def _candidates(
    index: int, stated: Sequence[dt.date | None], pinned: Sequence[list[tuple[dt.date, str]]]
) -> list[_Candidate]:
    reasons: dict[dt.date, list[str]] = {}
    others = [d for i, d in enumerate(stated) if d is not None and i != index]
    for date in sorted(set(others)):
        for offset in _NEIGHBOURS:
            label = (
                "the other articles of the story" if offset == 0 else "a day next to their dates"
            )
            reasons.setdefault(date + dt.timedelta(days=offset), []).append(label)
    own = list(pinned[index])
    if not others:  # the story's only dates are those pinned by weekdays in some article
        for i, found in enumerate(pinned):
            if i != index:
                own.extend((d, r.replace("in text", "in another article")) for d, r in found)
    for date, reason in own:
        for offset in _NEIGHBOURS:
            label = reason if offset == 0 else f"a day next to {date.isoformat()} ({reason})"
            reasons.setdefault(date + dt.timedelta(days=offset), []).append(label)
    return [
        _Candidate(date, tuple(sorted(dict.fromkeys(r), key=lambda x: x.startswith("a day"))))
        for date, r in sorted(reasons.items())
    ]


def _best(
    text: str,
    candidates: Sequence[_Candidate],
    story_days: set[dt.date],
    support: Counter[dt.date],
    language: str,
    memo: Memo,
) -> PublicationDate:
    scored = []
    for candidate in candidates:
        agree, broken = _fit(text, candidate.date, story_days, language, memo)
        direct = any(not r.startswith("a day next") for r in candidate.reasons)
        key = (len(agree) - 2 * len(broken), support[candidate.date], direct)
        scored.append((key, candidate.date.toordinal(), candidate, agree, broken))
    key, _, best, agree, broken = max(scored, key=lambda s: (s[0], s[1]))
    reasons = [r for r in best.reasons if not r.startswith("a day next")] or [best.reasons[0]]
    how = f"from {' and '.join(reasons[:2])}: {best.date.isoformat()}"
    if support[best.date]:
        how += f" (stated by {support[best.date]})"
    if agree:
        shown = ", ".join(agree[:3]) + (", ..." if len(agree) > 3 else "")
        how += f"; {len(agree)} of its days agree with the story ({shown})"
    if broken:
        how += f"; {len(broken)} tensed date(s) do not fit: {', '.join(broken[:2])}"
    ties = [s for s in scored if s[0] == key and s[2] is not best]
    if ties:
        how += "; tied with " + ", ".join(s[2].date.isoformat() for s in ties)
    return PublicationDate(best.date.isoformat(), True, how)


def _fit(
    text: str, date: dt.date, story_days: set[dt.date], language: str, memo: Memo
) -> tuple[list[str], list[str]]:
    """The article's relative days that land on days of the story when it is dated
    `date`, and its tensed full dates that contradict that date (a past event after it,
    a future one before it)."""
    agree, broken = [], []
    for expression in find_time_expressions(text, date, language=language, memo=memo):
        days = _days(expression)
        relative = expression.anchor == "publication" and expression.kind in _RELATIVE_DAY_KINDS
        if relative and any(d in story_days for d in days):
            agree.append(f"'{expression.text}' = {days[0].isoformat()}")
        if expression.kind in _DATED_KINDS and days and expression.is_future is not None:
            if expression.is_future and days[-1] < date:
                broken.append(f"'{expression.text}' is future but before it")
            elif not expression.is_future and days[0] > date:
                broken.append(f"'{expression.text}' is past but after it")
    return agree, broken
