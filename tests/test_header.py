"""Metadata written into article text: headers, titles, bylines, datelines."""

from __future__ import annotations

import pytest

from newsweave.text import clean_documents
from newsweave.text.header import (
    HeaderMatch,
    classic_dateline,
    is_byline,
    is_section_label,
    metadata_header,
    same_title,
    title_parts,
)


def test_iso_header_glued_to_first_paragraph() -> None:
    text = "date 2023-03-06 MARENZA : Talks resumed on Monday."
    found = metadata_header(text)
    assert found == HeaderMatch(len("date 2023-03-06 MARENZA :"), "2023-03-06", "MARENZA")
    assert text[found.end :].strip() == "Talks resumed on Monday."


@pytest.mark.parametrize(
    ("text", "published", "dateline"),
    [
        ("date 2023-03-06", "2023-03-06", None),
        ("Published: 2023-03-06T08:15:00Z", "2023-03-06", None),
        ("2023-03-06 NEW YORK - Shares rose.", "2023-03-06", "NEW YORK"),
        ("Published: March 6, 2023", "2023-03-06", None),
        ("Updated 6 March 2023 at 10:32 GMT", "2023-03-06", None),
        ("Posted on Monday, Mar. 6, 2023", "2023-03-06", None),
        ("Mon 6 Mar 2023 06.00 GMT", "2023-03-06", None),
        ("March 6, 2023", "2023-03-06", None),
        ("Monday, March 6, 2023 Harbour pilots walked out.", "2023-03-06", None),
        ("Monday, March 6, 2023Harbour pilots walked out.", "2023-03-06", None),
    ],
)
def test_header_variants(text: str, published: str, dateline: str | None) -> None:
    found = metadata_header(text)
    assert found is not None
    assert (found.published, found.dateline) == (published, dateline)


@pytest.mark.parametrize(
    "text",
    [
        "date 2023-02-30 MARENZA : an impossible date.",
        "2023-03-06 was the day the pilots walked out.",
        "Published reports said the strike would end on March 6, 2023.",
        "The talks were held on 2023-03-06 in Marenza.",
        "Since March 6, 2023",
        "March 6, 2023, was the day the pilots walked out.",
        "Monday, March 6, 2023 was the day the pilots walked out.",
        "March 6, 2023 Harbour pilots walked out.",  # no weekday: a sentence may open so
        "Monday, February 30, 2023 Harbour pilots walked out.",
    ],
)
def test_not_a_header(text: str) -> None:
    assert metadata_header(text) is None


@pytest.mark.parametrize(
    ("line", "title", "section"),
    [
        ("Marenza pilots end strike", "Marenza pilots end strike", None),
        ("Pilots end strike | Valdoria port dispute", "Pilots end strike", "Valdoria port dispute"),
        ("Pilots end strike | Europe | The Gazette", "Pilots end strike", "Europe"),
        ("Will the Marenza strike end this week?", "Will the Marenza strike end this week?", None),
        (
            "‘We will not blink,’ say Marenza pilots",
            "‘We will not blink,’ say Marenza pilots",
            None,
        ),
    ],
)
def test_title_lines(line: str, title: str, section: str | None) -> None:
    assert title_parts(line) == (title, section)


@pytest.mark.parametrize(
    "line",
    [
        "Harbour pilots in Marenza walked off the job on Monday.",  # a sentence
        "Harbour pilots in Marenza said:",
        "Strike",  # too short
        "“We will not be the ones who blink first”",  # a quotation on its own line
        "the pilots returned to work",  # lower-case start
        " ".join(["word"] * 30).capitalize(),  # too long
    ],
)
def test_not_title_lines(line: str) -> None:
    assert title_parts(line) is None


def test_same_title_ignores_case_punctuation_and_tails() -> None:
    assert same_title("Marenza Pilots End Strike!", "Marenza pilots end strike")
    assert same_title("Marenza pilots end strike | Europe", "Marenza pilots end strike")
    assert same_title("Marenza pilots end strike", "Marenza pilots end strike | The Gazette")
    assert not same_title("Marenza council approves budget", "Marenza pilots end strike")


@pytest.mark.parametrize(
    ("text", "prefix", "place"),
    [
        ("PARIS (Reuters) - The talks began.", "PARIS (Reuters) - ", "PARIS"),
        ("MOSCOW, Feb 7 (Reuters) - The Kremlin said.", "MOSCOW, Feb 7 (Reuters) - ", "MOSCOW"),
        ("KYIV, Ukraine — Officials said.", "KYIV, Ukraine — ", "KYIV"),
        ("MOSCOW — The Kremlin said.", "MOSCOW — ", "MOSCOW"),
        ("NEW YORK (AP) -- Stocks rose.", "NEW YORK (AP) -- ", "NEW YORK"),
    ],
)
def test_classic_datelines(text: str, prefix: str, place: str) -> None:
    assert classic_dateline(text) == (len(prefix), place)


@pytest.mark.parametrize(
    "text",
    [
        "BREAKING — The port is closed.",
        "NATO said on Monday it would send ships.",
        "Paris - the city of light - hosted the talks.",
        "A — the first option — was rejected.",
    ],
)
def test_not_datelines(text: str) -> None:
    assert classic_dateline(text) is None


def test_bylines_and_section_labels() -> None:
    assert is_byline("By Jane Doe and John Roe")
    assert is_byline("By Ana de Souza, Reuters")
    assert not is_byline("By Monday, the pilots had returned to work.")
    assert is_section_label("World News")
    assert is_section_label("Analysis")
    assert not is_section_label("Pilots return.")
    assert not is_section_label("Marenza pilots end strike")


def test_clean_uses_given_title_and_removes_its_repetition() -> None:
    body = "Pilots end strike | Valdoria\n\nThe pilots returned to work on Thursday."
    [result] = clean_documents([body], ["Pilots end strike"])
    assert result.title == "Pilots end strike"
    assert result.section == "Valdoria"
    assert result.text == "The pilots returned to work on Thursday."
    assert [(s.reason, s.text) for s in result.removed] == [
        ("repeated title", "Pilots end strike | Valdoria")
    ]


def test_clean_keeps_a_headline_that_differs_from_the_given_title() -> None:
    body = "Marenza council approves budget\n\nThe council voted on Friday."
    [result] = clean_documents([body], ["Pilots end strike"])
    assert result.title == "Pilots end strike"
    assert result.text.startswith("Marenza council approves budget\n\n")


def test_clean_detects_title_without_given_title() -> None:
    [result] = clean_documents(["Pilots end strike\n\nThe pilots returned to work."])
    assert result.title == "Pilots end strike"
    assert result.text == "The pilots returned to work."


def test_first_paragraph_is_not_a_title() -> None:
    body = "The pilots returned to work on Thursday.\n\nShips began moving within the hour."
    [result] = clean_documents([body])
    assert result.title is None
    assert result.text == body


def test_single_line_is_not_a_title() -> None:
    [result] = clean_documents(["Pilots end strike in Marenza"])
    assert result.title is None
    assert result.text == "Pilots end strike in Marenza"


def test_clean_removes_classic_dateline_with_exact_offsets() -> None:
    body = "Title of the piece here\n\nMOSCOW, Feb 7 (Reuters) - The Kremlin said talks went well."
    [result] = clean_documents([body])
    assert result.dateline == "MOSCOW"
    assert result.text == "The Kremlin said talks went well."
    span = next(s for s in result.removed if s.reason == "dateline")
    assert body[span.start : span.end] == span.text == "MOSCOW, Feb 7 (Reuters) -"


def test_clean_glued_header_with_leading_whitespace() -> None:
    body = "  \n   date 2022-02-07 PARIS : When the talks began, nobody spoke.\n\nThen they did."
    [result] = clean_documents([body])
    assert (result.published, result.dateline) == ("2022-02-07", "PARIS")
    assert result.text == "When the talks began, nobody spoke.\n\nThen they did."
    [span] = result.removed
    assert (span.reason, span.text) == ("metadata header", "date 2022-02-07 PARIS :")
    assert body[span.start : span.end] == span.text


def test_a_headline_ending_in_an_initialism_needs_a_date_line_after_it() -> None:
    line = "Pilots' pay deductible in the U.S."
    assert title_parts(line) is None  # a lede may end so too
    assert title_parts(line, dated_next=True) == (line, None)
    [dated] = clean_documents([f"{line}\n\nMarch 9, 2023\n\nThe pilots returned to work."])
    assert (dated.title, dated.published) == (line, "2023-03-09")
    body = f"{line}\n\nBy Jane Doe\n\nMarch 9, 2023\n\nThe pilots returned to work."
    [bylined] = clean_documents([body])  # a byline may stand between
    assert (bylined.title, bylined.published) == (line, "2023-03-09")
    assert bylined.text == "The pilots returned to work."
    lede = "WASHINGTON (Reuters) - The strongest storm in years struck the east of the U.S."
    [kept] = clean_documents([f"{lede}\n\nAt least 12 people died.\n"])
    assert kept.title is None and kept.text.startswith("The strongest storm")


def test_weekday_date_glued_to_the_story_is_removed_with_exact_offsets() -> None:
    body = "Pilots end strike in Marenza\n\nMonday, March 6, 2023Harbour pilots walked out."
    [result] = clean_documents([body])
    assert result.published == "2023-03-06"
    assert result.text == "Harbour pilots walked out."
    assert [s.reason for s in result.removed] == ["title", "metadata header"]
    assert all(body[s.start : s.end] == s.text for s in result.removed)


def test_caption_between_title_and_date_line() -> None:
    body = (
        "Pilots end strike in Marenza\n\nPilots at the harbour gate in March\n\n"
        "Thursday, March 9, 2023\n\nThe pilots returned to work on Thursday."
    )
    [result] = clean_documents([body])
    assert result.published == "2023-03-09"
    assert result.text == "The pilots returned to work on Thursday."
    reasons = [s.reason for s in result.removed]
    assert reasons == ["title", "caption above the date line", "metadata header"]


def test_a_first_paragraph_before_a_later_date_is_story() -> None:
    body = (
        "Pilots end strike in Marenza\n\nThe pilots returned to work on Thursday after a "
        "week of talks that ended late on Wednesday with a deal on pay and hours for all "
        "crews in the port.\n\nMarch 9, 2023"
    )
    [result] = clean_documents([body])
    assert result.text.startswith("The pilots returned to work on Thursday")


def test_clean_byline_and_standalone_date_line() -> None:
    body = (
        "Pilots end strike in Marenza\n\nBy Jane Doe\n\nPublished: March 9, 2023\n\n"
        "The pilots returned to work on Thursday."
    )
    [result] = clean_documents([body])
    assert result.title == "Pilots end strike in Marenza"
    assert result.published == "2023-03-09"
    assert [s.reason for s in result.removed] == ["title", "byline", "metadata header"]
    assert result.text == "The pilots returned to work on Thursday."
