"""Sentences that name two events by magnitude, stage or flight give no conflict."""

from __future__ import annotations

from typing import Any

import pytest

from newsweave.event_numbers import different_events


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "A further aftershock, of magnitude 2.6, occurred 15 km southwest of Pichilemu.",
            "A second earthquake, that reached a magnitude of 6.9, occurred 40 km southwest "
            "of Pichilemu.",
        ),
        ("A 5.8-magnitude aftershock hit the coast.", "The magnitude 8.8 quake hit the coast."),
        ("A magnitude 7.45 quake struck.", "A magnitude 6.1 aftershock struck."),
        # named after the amount
        (
            "The crash killed 228 people aboard Flight 447 over the Atlantic.",
            "The crash killed 150 people aboard Flight 9525 in the Alps.",
        ),
        (
            "An aftershock struck 15 km southwest of Pichilemu, with a magnitude of 2.6.",
            "A quake struck 40 km southwest of Pichilemu, with a magnitude of 6.9.",
        ),
        ("Vinokourov won stage 13 by 20 seconds.", "Vinokourov won Stage 15 by a minute."),
        ("Flight 447 left Rio with 228 people.", "Flight 1549 left New York with 155 people."),
    ],
)
def test_two_events(first: str, second: str) -> None:
    assert different_events(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # outlets differ on one quake's magnitude: that stays one event, a dispute
        ("The magnitude 7.0 quake struck at dawn.", "A 7.1-magnitude earthquake struck at dawn."),
        ("Stage 13 was 196 km long.", "Contador won stage 13 and stage 15."),
        ("Flight 447 vanished over the Atlantic.", "The Airbus vanished 190 miles off Brazil."),
        ("The quake killed 200 people.", "The aftershock killed three people."),
        # a comma for a decimal point, and two decimals, are read as such
        ("The magnitude 6,9 quake hit Chile.", "A magnitude-6.9 quake hit Chile."),
        ("A magnitude 7.45 quake struck.", "The magnitude 7.8 quake struck."),
        # "magnitude" of something else
        ("A crisis of this magnitude 2 years ago shook Chile.", "A 6.9-magnitude quake hit."),
        # a magnitude to compare with names no event of the story
        (
            "A magnitude 6.2 earthquake killed 120 people.",
            "It killed 150, the deadliest since a magnitude 7.8 quake struck in 2015.",
        ),
    ],
)
def test_one_event_or_no_telling(first: str, second: str) -> None:
    assert not different_events(first, second)


def test_distances_of_two_quakes_from_one_town_are_no_conflict(digest_of: Any) -> None:
    two_quakes = digest_of(
        "A further aftershock, of magnitude 2.6, occurred 15 km southwest of Pichilemu.\n",
        "On Thursday a second earthquake, that reached a magnitude of 6.9, occurred 40 km "
        "southwest of Pichilemu.\n",
        published="2010-03-12",
    )
    assert two_quakes.conflicts == []
    one_quake = digest_of(
        "The magnitude 6.9 earthquake occurred 15 km southwest of Pichilemu.\n",
        "The earthquake, of magnitude 7.0, occurred 40 km southwest of Pichilemu.\n",
        published="2010-03-12",
    )
    (distance,) = one_quake.conflicts
    assert [c.value for c in distance.claims] == ["15", "40"]


def test_a_magnitude_to_compare_with_does_not_part_two_tolls(digest_of: Any) -> None:
    # "the deadliest since a magnitude 7.8 quake" compares; it tells of no second event
    digest = digest_of(
        "A magnitude 6.2 earthquake killed 120 people in the mountain villages.\n",
        "The quake killed 150 people, the deadliest since a magnitude 7.8 quake struck in 2015.\n",
        published="2026-04-02",
    )
    (toll,) = digest.conflicts
    assert toll.subject == "death toll"
    assert [c.value for c in toll.claims] == ["120", "150"]
