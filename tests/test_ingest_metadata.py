"""source_label fallbacks, and the normalising of dates and languages that readers use."""

from __future__ import annotations

import pytest

from newsweave.ingest import source_label
from newsweave.ingest.metadata import iso_date, language_code
from newsweave.model import Document


@pytest.mark.parametrize(
    ("source", "url", "origin", "label"),
    [
        ("  Lowtown Ledger ", "https://www.lowtownledger.example/a", "x.txt", "Lowtown Ledger"),
        (None, "https://www.Reuters.com/world/europe/story", "x.txt", "reuters.com"),
        ("", "http://news.bbc.co.uk:8080/1", "x.txt", "news.bbc.co.uk"),
        (None, "www.lemonde.fr/international/article", "x.txt", "lemonde.fr"),
        (None, "not a url", "data/001_le-monde.txt", "001_le-monde"),
        (None, None, "data/feed.jsonl#12", "feed"),
        (None, None, "multi/train.src:3#1", "train"),
        (None, None, "stdin", "stdin"),
        (None, None, "stdin#2", "stdin"),
    ],
)
def test_source_label(source: str | None, url: str | None, origin: str, label: str) -> None:
    doc = Document(origin=origin, format="text", body="x", source=source, url=url)
    assert source_label(doc) == label


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-02-07", "2022-02-07"),
        ("2022-02-07T23:30:00-05:00", "2022-02-07"),
        ("2022/2/7", "2022-02-07"),
        ("20220207", "2022-02-07"),
        ("Mon, 07 Feb 2022 10:00:00 GMT", "2022-02-07"),
        ("February 7, 2022", "2022-02-07"),
        ("Feb. 7th 2022", "2022-02-07"),
        ("Monday 7 February 2022", "2022-02-07"),
        (1644192000, "2022-02-07"),
        (1644192000000, "2022-02-07"),
        ("1644192000", "2022-02-07"),
        ("07/02/2022", None),
        ("2022-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_iso_date(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("en-GB", "en"), ("fr_FR", "fr"), ("DE", "de"), ("english", None), ("", None), (7, None)],
)
def test_language_code(value: object, expected: str | None) -> None:
    assert language_code(value) == expected
