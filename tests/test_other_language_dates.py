"""Date lines in other languages: read when a line is only a date, day first."""

from __future__ import annotations

import pytest

from newsweave.text import clean_documents
from newsweave.text.other_language_dates import date_line


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Mardi 12 juillet 2005", "2005-07-12"),
        ("Le mardi 12 janvier 2010", "2010-01-12"),
        ("Le vendredi 29 janvier, 2010", "2010-01-29"),
        ("Samedi 1er janvier 2005", "2005-01-01"),
        ("Sobota, 1. ledna 2005", "2005-01-01"),  # Czech: the month as a date writes it
        ("Πέμπτη 16 Φεβρουαρίου 2006", "2006-02-16"),
        ("martes, 12 de julio de 2005", "2005-07-12"),
        ("Dienstag, 12. Juli 2005", "2005-07-12"),
        ("martedì 12 luglio 2005", "2005-07-12"),
        ("  12 mars 2005 ", "2005-03-12"),
    ],
)
def test_a_line_that_is_only_a_date(line: str, day: str) -> None:
    assert date_line(line) == day


@pytest.mark.parametrize(
    "line",
    [
        "Le 12 juillet 2005, la police a dit que la digue avait cédé.",  # a sentence
        "Hommages rendus aux victimes des attentats de Londres du 7 juillet 2005",  # a title
        "31 février 2005",  # no such day
        "Tuesday, July 12, 2005",  # English: the English rules read it
        "Mardi soir",
    ],
)
def test_other_lines_are_not_dates(line: str) -> None:
    assert date_line(line) is None


def test_a_french_date_line_dates_the_article_and_is_no_title_nor_story() -> None:
    body = (
        "Inondations à Velmora après la rupture du barrage\n\n"
        "Mardi 11 mars 2025\n\n"
        "La digue de Halmir a cédé lundi vers deux heures du matin, selon les secours.\n\n"
        "Les habitants ont été évacués.\n"
    )
    (cleaned,) = clean_documents([body], [None])
    assert cleaned.title == "Inondations à Velmora après la rupture du barrage"
    assert cleaned.published == "2025-03-11"
    # the lede below the date line is story, though the verb test of captions is English
    assert cleaned.text == (
        "La digue de Halmir a cédé lundi vers deux heures du matin, selon les secours.\n\n"
        "Les habitants ont été évacués."
    )
