from __future__ import annotations

import pytest

from newsweave.clauses import split_clauses
from newsweave.model import Sentence


def _sentence(text: str, start: int = 10) -> Sentence:
    return Sentence(
        id="a-s0", article_id="a", index=0, text=text, start=start, end=start + len(text)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A dam gave way early on Monday after days of rain, sending a surge of water "
            "through the town and killing nine people, the rescue service said.",
            [
                "A dam gave way early on Monday",
                "after days of rain",
                "sending a surge of water through the town",
                "and killing nine people, the rescue service said.",
            ],
        ),
        (
            "Some 2,000 residents were moved out, the agency said, and 23 people were still "
            "missing by late morning.",
            [
                "Some 2,000 residents were moved out, the agency said",
                "and 23 people were still missing by late morning.",
            ],
        ),
        # ", with" and an amount adds a fact; "with" and anything else completes one
        (
            "The rescue service put the death toll at nine last night, with more than 20 "
            "people missing.",
            [
                "The rescue service put the death toll at nine last night",
                "with more than 20 people missing.",
            ],
        ),
        (
            "The minister met the mayor on Monday, with aides from both offices present.",
            ["The minister met the mayor on Monday, with aides from both offices present."],
        ),
        (
            "The ruling Social Democrats, with 206 seats in parliament, lost their majority.",
            ["The ruling Social Democrats, with 206 seats in parliament, lost their majority."],
        ),
        (
            "The company unveiled its new phone on Tuesday, with 5G support and a larger screen.",
            ["The company unveiled its new phone on Tuesday, with 5G support and a larger screen."],
        ),
        (
            "Shares in the company rose 4% on Monday, with 2024 profits expected to double.",
            ["Shares in the company rose 4% on Monday, with 2024 profits expected to double."],
        ),
        (
            "The bridge was swept away; the eastern half of the town is cut off.",
            ["The bridge was swept away", "the eastern half of the town is cut off."],
        ),
        # any present participle opens a new event, but not "-ing" prepositions or nouns
        (
            "Crews worked from inflatable boats through the morning, lifting families from "
            "balconies and attic windows.",
            [
                "Crews worked from inflatable boats through the morning",
                "lifting families from balconies and attic windows.",
            ],
        ),
        (
            "The river rose in the evening, according to the rescue service, during the storm.",
            ["The river rose in the evening, according to the rescue service, during the storm."],
        ),
        # a subordinate "after", "when" or "where" opens its own event ...
        (
            "The dam failed at 2 a.m., when the river was at its highest, and water reached "
            "the market, where the old quay meets the bridge.",
            [
                "The dam failed at 2 a.m.",
                "when the river was at its highest",
                "and water reached the market",
                "where the old quay meets the bridge.",
            ],
        ),
        (
            "The town lies where the river bends.",
            ["The town lies where the river bends."],
        ),
        # an "after" that completes a time is not a split point
        (
            "Some 2,000 residents were moved out of low-lying districts in the 90 minutes "
            "after sirens sounded.",
            [
                "Some 2,000 residents were moved out of low-lying districts in the 90 minutes "
                "after sirens sounded."
            ],
        ),
        # ... nor a "when" or "where" whose subject is a pronoun (it needs its referent)
        (
            "After Moscow, the French president is expected in Kiev on Tuesday, where he is "
            "to meet Ukrainian President Volodymyr Zelensky.",
            [
                "After Moscow, the French president is expected in Kiev on Tuesday, where he is "
                "to meet Ukrainian President Volodymyr Zelensky."
            ],
        ),
        # a closing ", which" clause adds a fact of its own; an aside between commas does not
        (
            "Talks will seek a successor to the Kyoto Protocol, which runs out in 2012.",
            ["Talks will seek a successor to the Kyoto Protocol", "which runs out in 2012."],
        ),
        (
            "Water tore through the town, which has a population of 41,000, and 2,000 people "
            "spent the night in shelters.",
            [
                "Water tore through the town",
                "which has a population of 41,000",
                "and 2,000 people spent the night in shelters.",
            ],
        ),
        (
            "The dam, which was built in 1971, failed early on Monday.",
            ["The dam, which was built in 1971, failed early on Monday."],
        ),
        (
            "The town, which lies in a valley, flooded.",
            ["The town, which lies in a valley, flooded."],
        ),
        # a subordinate clause opening the sentence is a clause of its own; a phrase is not
        (
            "As the leaders meet in Moscow, the chancellor will meet the president in Washington.",
            [
                "As the leaders meet in Moscow",
                "the chancellor will meet the president in Washington.",
            ],
        ),
        (
            "Since his election in 2017, he has met the president a dozen times.",
            ["Since his election in 2017, he has met the president a dozen times."],
        ),
        (
            "As of Monday morning, 2,000 people had been evacuated from the town.",
            ["As of Monday morning, 2,000 people had been evacuated from the town."],
        ),
        (
            "Because of the heavy rain, the match was called off on Sunday.",
            ["Because of the heavy rain, the match was called off on Sunday."],
        ),
        # a condition and its outcome are one claim
        (
            "If the situation calms down, he refines his international stature.",
            ["If the situation calms down, he refines his international stature."],
        ),
        # a short piece stays with its neighbour
        ("He agreed, but only later.", ["He agreed, but only later."]),
        # quotations are one statement
        (
            "“We have lost everything, but we are alive,” said a retired teacher.",
            ["“We have lost everything, but we are alive,” said a retired teacher."],
        ),
        # no split point
        (
            "Fourteen people died when the dam collapsed.",
            ["Fourteen people died when the dam collapsed."],
        ),
    ],
)
def test_clauses(text: str, expected: list[str]) -> None:
    sentence = _sentence(text)
    clauses = split_clauses(sentence)
    assert [c.text for c in clauses] == expected
    article_text = " " * 10 + text
    for clause in clauses:
        assert article_text[clause.start : clause.end] == clause.text
        assert clause.sentence_id == "a-s0" and clause.article_id == "a"


def test_the_span_without_attribution_is_exact() -> None:
    from newsweave.clauses import without_attribution_span
    from newsweave.model import TextSpan

    text = "and killing nine people, the Orvenian Rescue Service (ORS) said."
    span = TextSpan("a", "a-s0", 120, 120 + len(text), text)
    core = without_attribution_span(span)
    assert core.text == "and killing nine people"
    assert text[core.start - 120 : core.end - 120] == core.text
    plain = TextSpan("a", "a-s1", 0, 31, "Nine deaths have been confirmed")
    assert without_attribution_span(plain) is plain


def test_being_told_to_do_something_is_no_attribution() -> None:
    from newsweave.clauses import without_attribution

    told = "Residents have been told to boil tap water before drinking it."
    assert without_attribution(told) == told
    assert without_attribution("Macron told reporters that the talks would be long.") == (
        "the talks would be long."
    )
    # who was told may take several words before the "that"
    told_paper = "Two engineers told this newspaper that a spillway gate had been stuck."
    assert without_attribution(told_paper) == "a spillway gate had been stuck."
    assert without_attribution("The mayor told reporters the bridge would reopen.") == (
        "the bridge would reopen."
    )
    # the day it was said goes with the attribution; a day that is the subject does not
    assert without_attribution("Her office said on Tuesday that the minister would come.") == (
        "the minister would come."
    )
    assert without_attribution("The mayor said Monday was the worst day.") == (
        "Monday was the worst day."
    )


def test_only_a_cut_opening_clause_leads_into_its_main_clause() -> None:
    def leads(text: str) -> list[bool]:
        sentence = Sentence(id="s", article_id="a", index=0, start=0, end=len(text), text=text)
        return [clause.leads for clause in split_clauses(sentence)]

    assert leads("As the leaders meet in Moscow, the chancellor will fly to Washington.") == [
        True,
        False,
    ]
    # opening with "When" or "As" is not enough: the clause must be cut there
    assert leads("When the dam failed nine people died; the river rose over the town.") == [
        False,
        False,
    ]
    assert leads("As expected, the river rose over its banks on Monday.") == [False]
