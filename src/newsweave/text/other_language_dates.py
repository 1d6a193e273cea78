"""Date lines written in other languages: "Mardi 12 juillet 2005", "Sobota, 1. ledna 2005".

News pages and wikis in other languages put the date on a line of its own above the story,
as English ones do ("Tuesday, July 12, 2005"). A line that is only such a date, day
first, is read with the month names (and the optional weekday) of the languages below,
taken from the CLDR data that ships inside Babel: both the forms of a date ("ledna",
"Μαρτίου") and the names on their own ("leden"). Only a whole line is read: a date inside a
sentence is story text, and the timeline reads English dates only.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

# languages of European news whose dates are written day, month name, year
LOCALES = ("fr", "de", "es", "it", "pt", "nl", "cs", "sk", "pl", "el", "ro", "sv", "da")
MAX_LINE = 60  # characters: a longer line is not a date line


def date_line(text: str) -> str | None:
    """The ISO date of a line that is only a date in one of `LOCALES`, else None."""
    line = text.strip()
    if len(line) > MAX_LINE or not any(char.isdigit() for char in line):
        return None
    months, pattern = _grammar()
    match = pattern.fullmatch(line.casefold())
    if match is None:
        return None
    try:
        day = dt.date(int(match["year"]), months[match["month"]], int(match["day"]))
    except ValueError:
        return None
    return day.isoformat()


@cache
def _grammar() -> tuple[dict[str, int], re.Pattern[str]]:
    from babel.dates import get_day_names, get_month_names

    months: dict[str, int] = {}
    weekdays: set[str] = set()
    for locale in LOCALES:
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in get_month_names(width, context, locale).items():
                    months.setdefault(name.casefold().rstrip("."), number)
            weekdays.update(
                name.casefold().rstrip(".")
                for name in get_day_names("wide", context, locale).values()
            )
    names = "|".join(re.escape(n) for n in sorted(months, key=len, reverse=True) if len(n) > 2)
    days = "|".join(re.escape(n) for n in sorted(weekdays, key=len, reverse=True))
    pattern = re.compile(
        rf"(?:(?:le|el|den|am)\s+)?(?:(?:{days})\.?,?\s+)?(?:(?:le|el|den|am)\s+)?"
        rf"(?P<day>\d{{1,2}})\.?(?:er|º)?\s+(?:de\s+)?"  # "1er", "1.", "12 de"
        rf"(?P<month>{names})\.?,?\s+(?:de\s+)?(?P<year>\d{{4}})"
    )
    return months, pattern
