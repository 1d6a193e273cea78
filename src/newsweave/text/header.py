"""Metadata that scrapers and feeds write into the article text itself.

Each function looks at one paragraph ("unit") of the start of an article and says whether it
is metadata, returning what it found and how many characters of the paragraph it covers, so
the caller can remove exactly that prefix and record it. Nothing here rewrites story text.

Recognised:

- metadata headers: ``date 2022-02-07 PARIS : When President...`` (an ISO date with an
  optional label and an optional place, possibly glued to the first paragraph), or a
  standalone date line such as ``Published: February 7, 2022`` or ``Tue 11 Mar 2025 06.00 GMT``,
  or a full date with its weekday glued to the first paragraph (``Saturday, March 26, 2005 Up``),
  or a line that is only a date in another language (``Mardi 12 juillet 2005``);
- title lines: short (3-25 words), no sentence-final ``. , ; :``, not a bare quotation,
  optionally ``Title | Section`` (the first ``|`` part is the title, the second the section);
- bylines: ``By Jane Doe and John Roe`` (at most 10 words, names capitalised);
- section labels above the title: ``World News``, ``Analysis`` (one or two words);
- classic datelines at the start of the first story paragraph: ``PARIS (Reuters) -``,
  ``MOSCOW, Feb 7 (Reuters) -``, ``KYIV, Ukraine —``, ``MOSCOW —``: an ALL-CAPS place,
  optional ``, Region``/``, Feb 7`` parts, an optional ``(Agency)``, then a dash.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsweave.text.other_language_dates import date_line

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
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"  # "Tue", "Tuesday"
_LABEL = r"(?:date[d]?|published(?: on)?|posted(?: on)?|updated(?: on)?|last updated)"
_TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)"
# Place names in headers: one to four capitalised words ("PARIS", "NEW YORK", "Paris").
_PLACE = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}"

_ISO_HEADER = re.compile(
    rf"(?P<label>(?i:{_LABEL})\s*:?\s*)?"
    rf"(?P<date>\d{{4}}-\d{{2}}-\d{{2}}){_TIME}?"
    rf"(?:\s+(?P<place>{_PLACE})\s*[:|–—-])?"
    r"(?:\s*[:|–—-])?(?=\s|$)"
)
_WORD_DATE = re.compile(
    rf"(?:{_LABEL}\s*:?\s*)?(?:(?:on\s+)?{_WEEKDAY}\.?,?\s+)?"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}}))"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.IGNORECASE,
)
# A full date with its weekday opening a paragraph, the story glued after it, as wikis
# write it ("Saturday, March 26, 2005 Up to four times...", even "2005Through a telethon")
_WEEKDAY_DATE_OPENING = re.compile(
    rf"(?i:{_WEEKDAY},\s+(?P<m1>{_MONTH}))\s+(?P<d1>\d{{1,2}}),\s+"
    r"(?P<y1>\d{4})\s*(?=[A-Z“\"])"
)
_ENDS_WITH_INITIALISM = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "U.S.", "U.K."
_BYLINE = re.compile(r"By\s+[A-Z][\w'’.-]*(?:(?:\s+|,\s*)(?:[A-Z][\w'’.-]*|and|de|da|van|von|in))*")
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})"
    r"(?:,\s*(?:[A-Z][a-z]{2,}\.?\s+\d{1,2}|[A-Z][\w.]+(?: [A-Z][\w.]+){0,2}))*"
    r"(?:\s*\((?P<agency>[A-Za-z][A-Za-z .&/-]{0,30})\))?"
    r"\s*(?:-{1,2}|–|—)\s+(?=[“\"‘]?[A-Z0-9])"
)
# All-caps words that open a paragraph with a dash without being a place.
_NOT_PLACES = frozenset({"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "LIVE", "WATCH", "ANALYSIS"})
_SECTION_BAR = re.compile(r"\s+\|\s+")
_QUOTE_OPEN = "“‘\"'«„"
_QUOTE_CLOSE = "”’\"'»“"
_TITLE_BAD_END = ".,;:"
TITLE_MAX_WORDS = 25
TITLE_MIN_WORDS = 3
LABEL_MAX_WORDS = 2


@dataclass(frozen=True)
class HeaderMatch:
    """Metadata found at the start of a paragraph; `end` is where it stops in that text."""

    end: int
    published: str | None
    dateline: str | None


def metadata_header(text: str) -> HeaderMatch | None:
    """An ISO-date header at the start of `text`, or a date line filling all of it.

    ``date 2022-02-07 PARIS : When...`` gives published 2022-02-07, dateline PARIS and an
    `end` just before "When". A bare ISO date that opens a longer paragraph counts only with
    a label ("date", "published"...) or a place followed by a separator, so a sentence that
    merely starts with a date is left alone. A line that is only a date, with an optional
    label, weekday and time ("Published: Tue 11 Mar 2025 06.00 GMT") is a header too, and
    so is a full date with its weekday opening a paragraph before a capital ("Saturday,
    March 26, 2005 Up to four times..."): a sentence that starts with a date rarely
    names its weekday, and then goes on in lower case ("... 2005 was"). A line that is
    only a date in another language is one too ("Mardi 12 juillet 2005":
    `newsweave.text.other_language_dates`).
    """
    match = _ISO_HEADER.match(text)
    if match:
        published = _iso_date(match["date"])
        standalone = not text[match.end() :].strip()
        if published and (match["label"] or match["place"] or standalone):
            return HeaderMatch(match.end(), published, match["place"])
    word = _WORD_DATE.fullmatch(text.strip())
    if word:
        published = _word_date(word)
        if published:
            return HeaderMatch(len(text.rstrip()), published, None)
    opening = _WEEKDAY_DATE_OPENING.match(text)
    if opening:
        published = _word_date(opening)
        if published:
            return HeaderMatch(opening.end(), published, None)
    other_language = date_line(text)
    if other_language:
        return HeaderMatch(len(text.rstrip()), other_language, None)
    return None


def _word_date(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month = groups["m1"] or groups.get("m2")
    day, year = groups["d1"] or groups.get("d2"), groups["y1"] or groups.get("y2")
    if not (month and day and year):
        return None
    return _make_date(int(year), _MONTHS[month.rstrip(".").lower()], int(day))


def _iso_date(value: str) -> str | None:
    year, month, day = (int(part) for part in value.split("-"))
    return _make_date(year, month, day)


def _make_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def is_byline(text: str) -> bool:
    """``By Jane Doe``, ``By Jane Doe and John Roe, Reuters``: a short credit line."""
    return len(text.split()) <= 10 and _BYLINE.fullmatch(text.strip()) is not None


def is_section_label(text: str) -> bool:
    """A kicker or section name above the title ("World News", "Analysis"): at most
    `LABEL_MAX_WORDS` words, capitalised, without any punctuation but ``& - '``."""
    words = text.split()
    return (
        0 < len(words) <= LABEL_MAX_WORDS
        and text[0].isupper()
        and all(char.isalnum() or char in " &-'’" for char in text)
    )


def title_parts(text: str, *, dated_next: bool = False) -> tuple[str, str | None] | None:
    """(title, section) when `text` looks like a headline line, else None.

    A headline is 3-25 words, starts with a capital, digit or quote, does not end with
    ``. , ; :`` (so a first paragraph is never taken for a title; with `dated_next`, when a
    date line follows, "... in the U.S." may) and is not one quotation in quotation marks
    (a quote on its own line is story text).
    ``Title | Section`` splits at the first bar; later bar-separated parts (often the site
    name) are dropped.
    """
    line = text.strip()
    if "\n" in line or not line:
        return None
    if line[-1] in _TITLE_BAD_END and not (dated_next and _ENDS_WITH_INITIALISM.search(line)):
        return None
    if not (line[0].isupper() or line[0].isdigit() or line[0] in _QUOTE_OPEN):
        return None
    if line[0] in _QUOTE_OPEN and line[-1] in _QUOTE_CLOSE:
        return None
    parts = [part.strip() for part in _SECTION_BAR.split(line)]
    title = parts[0]
    if not TITLE_MIN_WORDS <= len(title.split()) <= TITLE_MAX_WORDS:
        return None
    section = parts[1] if len(parts) > 1 and parts[1] else None
    return title, section


def same_title(line: str, given: str) -> bool:
    """Whether `line` repeats the title `given` by the input (case, punctuation and a
    ``| Section`` or ``| Site`` tail on either side do not matter)."""
    a = _title_key(_SECTION_BAR.split(line.strip())[0])
    b = _title_key(_SECTION_BAR.split(given.strip())[0])
    if not a or not b:
        return False
    return a == b or _title_key(line) == _title_key(given)


def _title_key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def classic_dateline(text: str) -> tuple[int, str] | None:
    """(end, place) for a wire dateline opening `text`: ``PARIS (Reuters) - ...``.

    The place must be ALL CAPS (two letters or more) and followed, after optional
    ``, Region``/``, Feb 7`` and ``(Agency)`` parts, by a dash, a space and the capital
    that starts the story (so "NATO — which has..." is not a dateline); a handful of
    all-caps labels ("BREAKING", "LIVE") are not places.
    """
    match = _DATELINE.match(text)
    if not match:
        return None
    place = match["place"].strip(" .-")
    if len(place) < 2 or place in _NOT_PLACES or not any(c.isalpha() for c in place):
        return None
    return match.end(), place
