"""Normalising metadata values that readers find: dates to ISO, languages to ISO 639-1."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_YMD = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?![\d])")
_COMPACT = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")
_EPOCH = re.compile(r"\d{9,13}(\.\d+)?")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_MONTH_DAY_YEAR = re.compile(_MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR)
_DAY_MONTH_YEAR = re.compile(_DAY + r"\.?\s+" + _MONTH + r",?\s+" + _YEAR)
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}")


# years a publication date may have: the timeline counts centuries back and forth from it,
# and Python's calendar ends at years 1 and 9999 ("0001-01-01" minus a week is no date)
PUBLICATION_YEARS = range(1000, 9000)


def _make(year: str | int, month: str | int, day: str | int) -> str | None:
    try:
        made = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return made.isoformat() if made.year in PUBLICATION_YEARS else None


def _from_epoch(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    if not 0 < seconds < 4102444800:  # before 2100-01-01
        return None
    return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()


def published_date(value: str | None) -> date | None:
    """The date of an `iso_date` string (or of an ISO datetime: its first ten characters);
    None when there is none or it cannot be read."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def published_day(value: str | None) -> int | None:
    """The day number (`date.toordinal`) of `published_date(value)`, or None."""
    day = published_date(value)
    return day.toordinal() if day else None


def iso_date(value: object) -> str | None:
    """`YYYY-MM-DD` for a date the input states, or None when it cannot be read unambiguously.

    Accepts ISO dates and datetimes (the date as written, no time-zone shift), RFC 2822
    dates (RSS `pubDate`), "February 7, 2022", "7 Feb 2022", `20220207` and Unix
    timestamps (seconds or milliseconds). Day/month orders such as "07/02/2022" are
    ambiguous and give None.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if _EPOCH.fullmatch(text):
        return _from_epoch(float(text))
    match = _YMD.match(text) or _COMPACT.fullmatch(text)
    if match:
        return _make(match["year"], match["month"], match["day"])
    from email.utils import parsedate_tz  # imported here: it is slow to import

    parsed = parsedate_tz(text)
    if parsed is not None:
        return _make(parsed[0], parsed[1], parsed[2])
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        match = pattern.search(text)
        if match and match["month"].lower() in _MONTHS:
            return _make(match["year"], _MONTHS[match["month"].lower()], match["day"])
    return None


def language_code(value: object) -> str | None:
    """The primary language subtag, lower-cased ("en-GB" -> "en", "fr_FR" -> "fr"), or None."""
    if not isinstance(value, str):
        return None
    primary = re.split(r"[-_]", value.strip(), maxsplit=1)[0]
    if not _LANGUAGE.fullmatch(primary):
        return None
    return primary.lower()


def clean_string(value: object) -> str | None:
    """A metadata string with surrounding whitespace removed, or None if empty or not a string."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None
