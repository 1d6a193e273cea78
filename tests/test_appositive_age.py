"""A bare number set off by commas after a name is the person's age (newsweave.appositive_age)."""

from __future__ import annotations

from typing import Any

import pytest

from newsweave.quantities import find_quantities


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("Police arrested Xiao Tan, 32, of Chinese origin.", ["age"]),
        ("Rescuers pulled Sabo, 71, from the roof of her house.", ["age"]),
        ("Mrs. Jones, 62, said the water rose.", ["age"]),
        ("Her son, Tom, 12, survived.", ["age"]),
        ("Obama, 49, spoke in Cairo.", ["age"]),
        ("Rogge, 68, announced the vote.", ["age"]),
        # one word after "in", "at", "from"... is a place
        ("Of the detainees in Paris, 12, confirmed the account.", ["count"]),
        ("Of the students at Harvard, 30, walked out.", ["count"]),
        # a day, a month or a function word is no name
        ("On Friday, 11, were rescued.", ["count"]),
        ("Since March, 40, have been arrested.", ["count"]),
        # a list of names with numbers counts something for each
        ("The dead were in Miyagi, 45, Iwate, 30, and Fukushima, 12.", ["count"] * 3),
        ("The dead: New York, 45, and New Jersey, 30.", ["count", "count"]),
        ("Of the passengers, 12, were hurt.", ["count"]),
        ("Deaths rose in Iwate, 30, and in Miyagi, 45.", ["count", "count"]),
        ("The dead by prefecture: Miyagi, 45; Iwate, 30; Fukushima, 12.", ["count"] * 3),
        ("According to AP, 25, people died.", ["count"]),
        ("The earthquake struck Sendai, 40, residents said.", ["count"]),
    ],
)
def test_an_age_after_a_name(sentence: str, kinds: list[str]) -> None:
    assert [q.kind for q in find_quantities(sentence)] == kinds


def test_an_age_is_no_count_of_people_in_a_conflict(digest_of: Any) -> None:
    digest = digest_of(
        "Rescuers pulled Sabo, 71, from the roof of her house in Velmora on Monday.",
        "Rescuers pulled 70 people from the roofs of houses in Velmora on Monday.",
    )
    assert [c for c in digest.conflicts if c.kind == "number"] == []
