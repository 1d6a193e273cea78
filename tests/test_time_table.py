"""The table of temporal expressions (tests/data/time_expressions.tsv), row by row.

Each row is a sentence, its publication date ("-" for none), the expression expected (its
exact text; empty when the sentence holds none) and its value. Rows the resolver gets wrong
on purpose-written hard cases stay in the table marked `xfail: reason` and count against
the accuracy printed by `test_table_accuracy`.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsweave.timeline import find_time_expressions

TABLE = Path(__file__).parent / "data" / "time_expressions.tsv"


@dataclass(frozen=True)
class Row:
    number: int
    reference: dt.date | None
    sentence: str
    span: str
    date: str | None
    end: str | None
    granularity: str
    time: str | None
    anchor: str
    xfail: str


def _rows() -> list[Row]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle, delimiter="\t"))
    return [
        Row(
            number=n,
            reference=None if r["reference"] == "-" else dt.date.fromisoformat(r["reference"]),
            sentence=r["sentence"],
            span=r["span"],
            date=r["date"] or None,
            end=r["end"] or None,
            granularity=r["granularity"],
            time=r["time"] or None,
            anchor=r["anchor"],
            xfail=r["xfail"].removeprefix("xfail:").strip(),
        )
        for n, r in enumerate(records, start=2)  # line numbers in the file
    ]


ROWS = _rows()


def _problems(row: Row) -> list[str]:
    """What the resolver gets wrong on `row`; empty when it is right."""
    found = find_time_expressions(row.sentence, row.reference)
    for expression in found:
        assert row.sentence[expression.start : expression.end] == expression.text
    if not row.span:
        return [f"found {[e.text for e in found]} where there is nothing"] if found else []
    matches = [e for e in found if e.text == row.span]
    if not matches:
        return [f"no expression {row.span!r}; found {[e.text for e in found]}"]
    got = matches[0]
    expected = {
        "date": row.date,
        "end": row.end,
        "granularity": row.granularity,
        "time": row.time,
        "anchor": row.anchor,
    }
    actual = {
        "date": got.date,
        "end": got.date_end,
        "granularity": got.granularity,
        "time": got.time,
        "anchor": got.anchor,
    }
    return [
        f"{k}: expected {expected[k]}, got {actual[k]}"
        for k in expected
        if expected[k] != actual[k]
    ]


def _param(row: Row) -> object:
    marks = [pytest.mark.xfail(reason=row.xfail, strict=True)] if row.xfail else []
    return pytest.param(row, id=f"line{row.number}", marks=marks)


def test_table_is_large_and_well_formed() -> None:
    assert len(ROWS) >= 80
    for row in ROWS:
        if row.span:
            assert row.span in row.sentence, row
            assert row.granularity in {"day", "week", "month", "season", "year", "decade"}
            assert row.anchor in {"absolute", "publication", "context", "duration"}


@pytest.mark.parametrize("row", [_param(r) for r in ROWS])
def test_row(row: Row) -> None:
    assert _problems(row) == [], row.sentence


def test_table_accuracy() -> None:
    right = [row for row in ROWS if not _problems(row)]
    with_span = [row for row in ROWS if row.span]
    right_with_span = [row for row in right if row.span]
    print(
        f"\ntime table: {len(right)}/{len(ROWS)} rows right ({len(right) / len(ROWS):.1%}); "
        f"expressions {len(right_with_span)}/{len(with_span)}, "
        f"sentences with none {len(right) - len(right_with_span)}/{len(ROWS) - len(with_span)}; "
        f"{sum(bool(r.xfail) for r in ROWS)} marked xfail"
    )
    # Every row not marked xfail is right, and every xfail row is really wrong.
    assert {r.number for r in ROWS if not r.xfail} == {r.number for r in right}
