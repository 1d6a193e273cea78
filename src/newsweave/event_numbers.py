"""Numbers that say which event a sentence tells of: a quake's magnitude, a race's stage,
a flight's number.

A story about a quake and its aftershocks gives the same kinds of figures for each: "A
further aftershock, of magnitude 2.6, occurred 15 km southwest of Pichilemu" and "a
second earthquake, that reached a magnitude of 6.9, ... occurred 40 kilometers southwest
of Pichilemu" give two distances from one town, of two quakes. `newsweave.conflicts`
never pairs two amounts whose sentences name different events this way (a magnitude
named in a comparison, "the deadliest since a magnitude 7.8 quake struck in 2015", names
no event of the story):

- magnitudes more than `MAGNITUDE_SPREAD` apart (outlets do differ on one quake's
  magnitude, "7.0" against "7.1", and that stays a dispute);
- different stage or flight numbers ("stage 13", "Stage 15"; "Flight 447").

`newsweave.other_numbers` keeps such clauses out of one fact by any number they do not
share; this module reads whole sentences, for the amounts of their clauses. English
wording only, like the amounts themselves.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

MAGNITUDE_SPREAD = 0.5  # more apart than this, two magnitudes are two quakes
# "magnitude 6.9", "a magnitude of 7.45", "magnitude-6.9", "a 5.8-magnitude aftershock",
# "magnitude 6,9" (a decimal comma); not "a crisis of this magnitude 2 years ago"
_VALUE = r"(\d(?:[.,]\d{1,2})?)(?![\d.,]*\d)"
_MAGNITUDE = re.compile(
    rf"\bmagnitude(?:-|\s+of\s+|\s+)(?:(?:about|around|some|nearly|almost)\s+)?{_VALUE}"
    r"(?!\s*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|times|%|percent)\b)"
    rf"|\b{_VALUE}(?:-|\s+)magnitude\b",
    re.IGNORECASE,
)
# a magnitude named to compare with ("since a magnitude 7.8 quake", "stronger than the
# magnitude 6.1 of 2015") in the same phrase
_COMPARED = re.compile(
    r"\b(?:since|than|compared\s+(?:with|to)|like)\b[^,;:.]{0,30}$", re.IGNORECASE
)
_NUMBERED = re.compile(r"\b(stage|flight)\s+(\d+)\b", re.IGNORECASE)


def different_events(first: str, second: str) -> bool:
    """Whether two sentences (those of two amounts) name different events by their
    magnitudes or their stage or flight numbers (see the module's notes)."""
    magnitudes = _magnitudes(first), _magnitudes(second)
    if all(magnitudes) and not any(
        abs(a - b) <= MAGNITUDE_SPREAD for a in magnitudes[0] for b in magnitudes[1]
    ):
        return True
    numbered = _numbered(first), _numbered(second)
    for label in numbered[0].keys() & numbered[1].keys():
        if not numbered[0][label] & numbered[1][label]:
            return True
    return False


# a sentence is compared with many others: each is read once
@lru_cache(maxsize=50_000)
def _magnitudes(text: str) -> tuple[float, ...]:
    return tuple(
        float((match[1] or match[2]).replace(",", "."))
        for match in _MAGNITUDE.finditer(text)
        if not _COMPARED.search(text, 0, match.start())
    )


@lru_cache(maxsize=50_000)
def _numbered(text: str) -> Mapping[str, frozenset[int]]:
    found: dict[str, set[int]] = {}
    for label, number in _NUMBERED.findall(text):
        found.setdefault(label.lower(), set()).add(int(number))
    # cached, so read-only
    return MappingProxyType({label: frozenset(numbers) for label, numbers in found.items()})
