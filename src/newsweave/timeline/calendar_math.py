"""Calendar intervals and shifts for `newsweave.timeline`: the days a week, month, season,
year or decade covers, offsets by whole units (month and year arithmetic through
dateutil's `relativedelta`, which clamps 31 January + 1 month to 28/29 February), and the
choice of the weekday a text means."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange

from dateutil.relativedelta import relativedelta

from newsweave.timeline.model import Granularity, TimeValue

# Meteorological seasons (northern hemisphere): first month and length in months.
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def day(when: dt.date) -> TimeValue:
    return TimeValue(when.isoformat())


def span(first: dt.date, last: dt.date) -> TimeValue:
    """The days `first`..`last`; one day is a single date with no end."""
    if last <= first:
        return TimeValue(first.isoformat())
    return TimeValue(first.isoformat(), last.isoformat())


def month(year: int, number: int) -> TimeValue:
    return span(dt.date(year, number, 1), dt.date(year, number, monthrange(year, number)[1]))


def year(number: int) -> TimeValue:
    return span(dt.date(number, 1, 1), dt.date(number, 12, 31))


def decade(first_year: int) -> TimeValue:
    return span(dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31))


def season(name: str, number: int) -> TimeValue:
    """The season `name` of year `number`; winter runs from December into the next year."""
    first = dt.date(number, SEASON_START[name], 1)
    last = first + relativedelta(months=3, days=-1)
    return span(first, last)


def season_of(when: dt.date) -> tuple[str, int]:
    """The season a day falls in, and the year that season is named by."""
    if when.month == 12:
        return "winter", when.year
    if when.month <= 2:
        return "winter", when.year - 1
    return ("spring", "summer", "autumn")[(when.month - 3) // 3], when.year


def week(when: dt.date) -> TimeValue:
    """Monday to Sunday of the week holding `when`."""
    monday = when - dt.timedelta(days=when.weekday())
    return span(monday, monday + dt.timedelta(days=6))


def weekend(when: dt.date, direction: int) -> TimeValue:
    """The weekend of `when` if it is a Saturday or Sunday, else the next one
    (`direction` >= 0) or the previous one."""
    if when.weekday() >= 5:
        saturday = when - dt.timedelta(days=when.weekday() - 5)
    elif direction >= 0:
        saturday = when + dt.timedelta(days=5 - when.weekday())
    else:
        saturday = when - dt.timedelta(days=when.weekday() + 2)
    return span(saturday, saturday + dt.timedelta(days=1))


def shift(when: dt.date, unit: str, amount: int) -> dt.date:
    """`when` moved by `amount` units ("day", "week", "month", "year", "decade")."""
    if unit == "day":
        return when + dt.timedelta(days=amount)
    if unit == "week":
        return when + dt.timedelta(weeks=amount)
    if unit == "month":
        return when + relativedelta(months=amount)
    if unit == "year":
        return when + relativedelta(years=amount)
    if unit == "decade":
        return when + relativedelta(years=10 * amount)
    raise ValueError(f"unknown unit {unit!r}")


def enclosing(when: dt.date, granularity: Granularity) -> TimeValue:
    """The interval of `granularity` that holds `when`."""
    if granularity == "day":
        return day(when)
    if granularity == "week":
        return week(when)
    if granularity == "month":
        return month(when.year, when.month)
    if granularity == "season":
        name, number = season_of(when)
        return season(name, number)
    if granularity == "year":
        return year(when.year)
    return decade(when.year - when.year % 10)


def weekday_date(reference: dt.date, weekday: int, direction: int) -> dt.date:
    """The day named `weekday` (0 = Monday) that a text dated `reference` means.

    The reference's own weekday is the reference itself (a Monday paper's "on Monday").
    Otherwise `direction` > 0 picks the coming one, < 0 the past one, and 0 the nearer
    of the two (the past one on a tie).
    """
    ahead = (weekday - reference.weekday()) % 7
    if ahead == 0:
        return reference
    behind = 7 - ahead
    if direction > 0 or (direction == 0 and ahead < behind):
        return reference + dt.timedelta(days=ahead)
    return reference - dt.timedelta(days=behind)


def month_year(reference: dt.date, number: int, direction: int) -> int:
    """The year of the month `number` a text dated `reference` means: the coming one
    (`direction` > 0), the past one (< 0) or the nearer one (0); the reference's own month
    is always this year's."""
    if number == reference.month:
        return reference.year
    later = reference.year if number > reference.month else reference.year + 1
    earlier = later - 1
    if direction > 0:
        return later
    if direction < 0:
        return earlier
    ahead = (number - reference.month) % 12
    return later if ahead < 12 - ahead else earlier


def iso_duration(amount: int, unit: str) -> str:
    letters = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "Y", "hour": "H"}
    count = amount * 10 if unit == "decade" else amount
    return f"PT{count}H" if unit == "hour" else f"P{count}{letters[unit]}"
