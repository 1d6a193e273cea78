"""The "Timeline" section, shared by the Markdown and HTML reports: events in date order,
each date written at its granularity ("Mon 7 Feb 2022", "14–15 Feb 2022", "April 2022",
"summer 2023")."""

from __future__ import annotations

from datetime import date

from newsweave.model import TimelineEntry

_SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}


def when(entry: TimelineEntry) -> str:
    """The entry's date as a reader would write it, with its clock time if any."""
    first = date.fromisoformat(entry.date)
    last = date.fromisoformat(entry.end) if entry.end else first
    if entry.granularity == "decade":
        shown = f"the {first.year}s"
    elif entry.granularity == "year":
        shown = str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    elif entry.granularity == "season" and first.month in _SEASONS:
        shown = f"{_SEASONS[first.month]} {first.year}"
    elif entry.granularity == "month" and (first.year, first.month) == (last.year, last.month):
        shown = f"{first:%B %Y}"
    elif first == last:
        shown = f"{first:%a} {first.day} {first:%b %Y}"
    elif (first.year, first.month) == (last.year, last.month):
        shown = f"{first.day}–{last.day} {first:%b %Y}"
    else:
        shown = f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    return f"{shown}, {entry.time}" if entry.time else shown
