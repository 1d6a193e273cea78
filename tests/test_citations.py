"""What a citation may claim: numbers, times and polarity that agree (newsweave.citations)."""

from __future__ import annotations

import pytest

from newsweave.citations import numbers_compatible, same_polarity, times_compatible


@pytest.mark.parametrize(
    ("first", "second", "compatible"),
    [
        ("Some 100,000 troops massed.", "More than 100000 soldiers massed.", True),
        ("The call lasted 40 minutes.", "Russia massed 100,000 troops.", False),
        (
            "Vinokourov won stage 13 of the 2007 Tour.",
            "Vinokourov won stage 15 of the 2007 Tour.",
            False,
        ),
        ("He won stage 13 of the 2007 Tour.", "He won stage 13 in 2007.", True),
        ("The bridge closed in 2019.", "The bridge closed.", True),
    ],
)
def test_numbers_must_share_more_than_a_year(first: str, second: str, compatible: bool) -> None:
    assert numbers_compatible(first, second) is compatible


def test_times_must_share_a_time_word() -> None:
    assert not times_compatible("In December 2019 they met.", "They meet on Tuesday.")
    assert times_compatible("They met on Tuesday, Feb 8.", "On Tuesday they met.")


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (
            "Teams confirmed that neither has recovered any debris.",
            "Teams recovered debris.",
            False,
        ),
        ("The equipment was not returned.", "The vehicles returned fire.", False),
        ("They didn't return the boats.", "They returned the boats.", False),
        ("No one was hurt.", "Nobody was injured.", True),
        # negations in asides, and "not only", do not turn the statement round
        (
            "A meeting at the residence unnerved allies, which felt they hadn't been told.",
            "The meeting at the residence unnerved allies.",
            True,
        ),
        (
            "Russia massed troops and made demands, including that NATO never admit Kyiv.",
            "Russia massed troops near the border.",
            True,
        ),
        ("He acts not only for France but for the EU.", "He acts for the EU.", True),
        ("Protesters gathered outside No. 10 on Friday.", "Protesters gathered outside.", True),
        ("The quake hit not long after noon.", "The quake hit after noon.", True),
        ("It struck no more than 10 km away.", "It struck 10 km away.", True),
        ("It struck not more than 10 km away.", "It struck 10 km away.", True),
        ("Talks end no later than Friday.", "Talks end on Friday.", True),
        ("There is no doubt the dam failed.", "The dam failed.", True),
    ],
)
def test_one_negated_text_never_supports_one_that_is_not(
    first: str, second: str, same: bool
) -> None:
    assert same_polarity(first, second) is same
