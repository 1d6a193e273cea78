"""`newsweave.timeline.find_time_expressions`: spans, tense, anaphora, ranges, no reference,
and the dates planted in the bundled sample and in the real seed articles."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsweave import sample_path
from newsweave.ingest import read_sources
from newsweave.model import Article
from newsweave.pipeline import build_articles
from newsweave.sample import answers_path
from newsweave.timeline import TimeExpression, find_time_expressions, infer_publication_dates

MONDAY = dt.date(2022, 2, 7)


def _one(text: str, reference: dt.date | None, wanted: str) -> TimeExpression:
    found = [e for e in find_time_expressions(text, reference) if e.text == wanted]
    assert len(found) == 1, [e.text for e in find_time_expressions(text, reference)]
    return found[0]


def _articles(paths: list[Path]) -> list[Article]:
    articles, _ = build_articles(read_sources(paths).documents)
    return articles


# Spans ---------------------------------------------------------------------------------


def test_spans_are_exact_and_in_order() -> None:
    text = (
        "On Monday February 7 around 4 p.m., the talks opened. In December 2019 they had met "
        "in Paris; two years later they met again. The chancellor goes on Feb. 14 and 15."
    )
    found = find_time_expressions(text, MONDAY)
    assert [e.text for e in found] == [
        "On Monday February 7 around 4 p.m.",
        "In December 2019",
        "two years later",
        "on Feb. 14 and 15",
    ]
    for expression in found:
        assert text[expression.start : expression.end] == expression.text
    assert [e.start for e in found] == sorted(e.start for e in found)


def test_numbers_that_are_not_dates_are_left_alone() -> None:
    text = "Some 2,000 people and 1990 soldiers left; the count was 2019 votes. Troops may march."
    assert find_time_expressions(text, MONDAY) == []


# Tense ---------------------------------------------------------------------------------


def test_weekday_follows_the_tense_of_its_clause() -> None:
    reference = dt.date(2022, 2, 9)  # a Wednesday
    future = _one("The envoy will arrive on Friday.", reference, "on Friday")
    past = _one("The envoy arrived on Friday.", reference, "on Friday")
    assert (future.date, future.is_future) == ("2022-02-11", True)
    assert (past.date, past.is_future) == ("2022-02-04", False)


def test_same_weekday_as_the_publication_date_is_that_day() -> None:
    lead = _one("The president meets his counterpart on Monday.", MONDAY, "on Monday")
    told = _one("A spokesman told reporters Monday that talks would be long.", MONDAY, "Monday")
    assert lead.date == told.date == "2022-02-07"


def test_last_and_next_weekday_skip_the_publication_day() -> None:
    assert _one("They met last Monday.", MONDAY, "last Monday").date == "2022-01-31"
    assert _one("They meet next Monday.", MONDAY, "next Monday").date == "2022-02-14"


def test_sentence_spans_bound_the_tense() -> None:
    text = "Leaders will gather. Friday, then."
    own = _one(text, MONDAY, "Friday")
    assert own.date == "2022-02-04"  # no verb in its sentence: the nearer Friday
    joined = find_time_expressions(text, MONDAY, sentence_spans=[(0, len(text))])
    assert joined[0].date == "2022-02-11"  # read with "will": the coming one


def test_month_without_year_takes_the_year_its_tense_points_to() -> None:
    reference = dt.date(2023, 6, 15)
    assert _one("The law took effect in April.", reference, "in April").date == "2023-04-01"
    assert _one("The fair will return in April.", reference, "in April").date == "2024-04-01"


# Ranges, granularity, times -------------------------------------------------------------


def test_ranges_keep_both_ends_and_their_granularity() -> None:
    text = "The fair runs from February 28 to March 2; the plan covers 2014-2016."
    fair, plan = find_time_expressions(text, MONDAY)
    assert (fair.date, fair.date_end, fair.granularity) == ("2022-02-28", "2022-03-02", "day")
    assert (plan.date, plan.date_end, plan.granularity) == ("2014-01-01", "2016-12-31", "year")


def test_clock_times_join_their_day_and_are_marked_approximate() -> None:
    joined = _one("Evacuations began at about 2am yesterday.", MONDAY, "at about 2am yesterday")
    assert (joined.date, joined.time, joined.approximate) == ("2022-02-06", "02:00", True)
    exact = _one("Voting begins at noon on Tuesday.", MONDAY, "at noon on Tuesday")
    assert (exact.date, exact.time, exact.approximate) == ("2022-02-08", "12:00", False)


def test_spans_back_from_the_publication_date() -> None:
    past = _one("There were many calls over the past 10 days.", MONDAY, "over the past 10 days")
    assert (past.date, past.date_end, past.duration) == ("2022-01-28", "2022-02-07", "P10D")
    coming = _one("Talks go on in the coming days.", MONDAY, "in the coming days")
    assert coming.approximate and coming.date == "2022-02-08"


# Anaphora -------------------------------------------------------------------------------


def test_anaphoric_dates_count_from_the_latest_date_before_them() -> None:
    text = (
        "He took office in 2017. Two years later, he hosted a summit. It opened on "
        "12 May 2020. The next day, talks began. Later that month, they ended."
    )
    found = {e.text: e for e in find_time_expressions(text, None)}
    later = found["Two years later"]
    assert (later.anchor, later.date, later.granularity, later.basis) == (
        "context", "2019-01-01", "year", "in 2017")  # fmt: skip
    assert found["The next day"].date == "2020-05-13"
    assert found["Later that month"].date_end == "2020-05-31"


def test_later_followed_by_an_article_still_counts_from_the_date_before() -> None:
    text = "They last met in December 2019; two years later a second round failed."
    later = _one(text, None, "two years later")
    assert (later.date, later.basis) == ("2021-01-01", "in December 2019")


def test_anaphora_needs_a_fine_enough_date() -> None:
    text = "The plant opened in 2015. The next day, it closed."
    next_day = _one(text, None, "The next day")
    assert next_day.anchor == "context" and next_day.value is None


def test_offsets_from_an_undated_event_stay_unresolved() -> None:
    found = _one("It is risky two months before the election.", MONDAY, "two months before")
    assert found.value is None and found.duration == "P2M"


# No reference ---------------------------------------------------------------------------


def test_without_reference_relative_expressions_are_found_but_not_placed() -> None:
    text = "He will travel on Tuesday, returned yesterday, and spoke last month. In 2017 he won."
    found = find_time_expressions(text, None)
    values = {e.text: e.value for e in found}
    assert set(values) == {"on Tuesday", "yesterday", "last month", "In 2017"}
    assert [t for t, v in values.items() if v is not None] == ["In 2017"]


def test_a_timestamp_reference_counts_by_its_day() -> None:
    stamp = dt.datetime(2022, 2, 7, 23, 30)
    assert _one("The strike ended yesterday.", stamp, "yesterday").date == "2022-02-06"


def test_unknown_language_gives_nothing() -> None:
    assert find_time_expressions("on Monday", MONDAY, language="xx") == []


# The bundled sample ----------------------------------------------------------------------

# ANSWERS.json anchors and the anchors this module gives them.
_ANCHORS = {
    "publication": {"publication"},
    "inferred_publication": {"publication"},
    "absolute": {"absolute"},
    "text": {"context"},
    "context": {"context", "publication"},
}


def test_every_date_planted_in_the_sample_resolves() -> None:
    answers = json.loads(answers_path().read_text(encoding="utf-8"))
    articles = {Path(a.origin).name: a for a in _articles([sample_path()])}
    names = list(articles)
    dates = infer_publication_dates([(articles[n].text, articles[n].published) for n in names])
    published = dict(zip(names, dates, strict=True))
    for planted in answers["dates"]:
        article = articles[planted["file"]]
        reference = dt.date.fromisoformat(published[planted["file"]].date or "")
        at = article.text.find(planted["expression"])
        assert at >= 0, planted
        until = at + len(planted["expression"])
        found = [
            e
            for e in find_time_expressions(article.text, reference)
            if e.start < until and at < e.end
        ]
        assert len(found) == 1, (planted, [e.text for e in found])
        got = found[0]
        assert (got.date, got.date_end, got.granularity) == (
            planted["date"], planted["end"], planted["granularity"]), planted  # fmt: skip
        assert got.time == planted.get("time"), planted
        # A clock time is read on the latest day named before it ("context"), which for
        # these is the publication day the answers name.
        anchors = _ANCHORS["context"] if "time" in planted else _ANCHORS[planted["anchor"]]
        assert got.anchor in anchors, (planted, got.anchor)


# The real seeds (../shared/seeds, read at run time) ----------------------------------------


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> list[tuple[Article, list[TimeExpression]]]:
    articles = _articles([seeds_dir])
    dates = infer_publication_dates([(a.text, a.published) for a in articles])
    return [
        (a, find_time_expressions(a.text, dt.date.fromisoformat(d.date or "")))
        for a, d in zip(articles, dates, strict=True)
    ]


def _near(
    seeds: list[tuple[Article, list[TimeExpression]]], words: tuple[str, ...], day: str
) -> list[TimeExpression]:
    """Expressions naming `day` in sentences holding all `words`."""
    out: list[TimeExpression] = []
    for article, found in seeds:
        for sentence in article.sentences:
            if all(w in sentence.text for w in words):
                out.extend(
                    e for e in found
                    if sentence.start <= e.start < sentence.end and day in e.text
                )  # fmt: skip
    return out


def test_seed_meeting_visit_call_trip_and_election(
    seeds: list[tuple[Article, list[TimeExpression]]],
) -> None:
    meeting = _near(seeds, ("Moscow",), "Monday")
    kyiv = [e for w in ("Kyiv", "Kiev") for e in _near(seeds, (w,), "Tuesday")]
    call = _near(seeds, ("Biden",), "Sunday")
    scholz = [e for e in _near(seeds, ("Scholz",), "14") if "February" in e.text]
    april = [e for e in _near(seeds, ("election",), "April") if e.kind == "month"]
    assert len(meeting) >= 4 and {e.date for e in meeting} == {"2022-02-07"}
    assert len(kyiv) >= 3 and {e.date for e in kyiv} == {"2022-02-08"}
    assert len(call) >= 3 and {e.date for e in call} == {"2022-02-06"}
    assert [(e.date, e.date_end) for e in scholz] == [("2022-02-14", "2022-02-15")]
    assert len(april) >= 2 and {(e.date, e.date_end) for e in april} == {
        ("2022-04-01", "2022-04-30")}  # fmt: skip


def test_seed_spans_are_exact(seeds: list[tuple[Article, list[TimeExpression]]]) -> None:
    for article, found in seeds:
        assert found
        for expression in found:
            assert article.text[expression.start : expression.end] == expression.text


def test_a_part_of_day_is_read_on_a_day_of_its_own_paragraph() -> None:
    text = (
        "Prime Minister Lind will visit the town on Wednesday.\n\n"
        "Speaking to reporters in the evening, the mayor asked for help. "
        "On Tuesday at 10 a.m. the council met; in the evening it voted."
    )
    found = [(e.text, e.date) for e in find_time_expressions(text, dt.date(2025, 3, 10))]
    assert found == [
        ("on Wednesday", "2025-03-12"),
        ("in the evening", "2025-03-10"),  # its own paragraph: not Wednesday's evening
        ("On Tuesday at 10 a.m.", "2025-03-04"),  # "met": the Tuesday before
        ("in the evening", "2025-03-04"),  # the day named before it in its paragraph
    ]


def test_a_day_written_without_its_year_takes_the_year_the_text_gives_it() -> None:
    # an anniversary piece of 2007: "the July 7 bombings" are those "of July 7, 2005"
    text = (
        "The July 7 bombings struck London on the morning of July 7, 2005. "
        "Survivors will meet again on 8 July."
    )
    bare = _one(text, dt.date(2007, 5, 1), "July 7")
    assert bare.date == "2005-07-07" and bare.anchor == "context"
    assert bare.basis == "on the morning of July 7, 2005"
    # another day is read against the publication; two years for one day decide nothing
    # (the past tense and the publication date do: the last 7 July before 1 May 2007)
    assert _one(text, dt.date(2007, 5, 1), "on 8 July").date == "2007-07-08"
    both = "It began on July 7, 2005 and ended on July 7, 2007. The July 7 events were hard."
    assert _one(both, dt.date(2007, 5, 1), "July 7").date == "2006-07-07"
    # a weekday picks its own year, and the future is not the stated past
    silent = "The bombings of July 7, 2005 killed 52. London fell silent on Friday, July 7."
    assert _one(silent, dt.date(2006, 7, 8), "on Friday, July 7").date == "2006-07-07"
    ahead = "The bombings of July 7, 2005 killed 52. Survivors will meet again on July 7."
    assert _one(ahead, dt.date(2006, 5, 1), "on July 7").date == "2006-07-07"


def test_an_anniversary_names_the_day_years_before() -> None:
    published = dt.date(2006, 7, 7)
    text = "On this day last year, bombs struck London during the morning rush hour."
    assert _one(text, published, "On this day last year").date == "2005-07-07"
    assert _one(text, published, "during the morning").date == "2005-07-07"
    assert _one("It happened two years ago today.", published, "two years ago today").date == (
        "2004-07-07"
    )
    leap = _one(
        "This day one year ago the dam held.", dt.date(2024, 2, 29), "This day one year ago"
    )
    assert leap.date == "2023-02-28"
    assert _one("Prices rose last year.", published, "last year").granularity == "year"


def test_an_offset_counts_from_a_date_of_its_own_or_the_two_paragraphs_before() -> None:
    near = (
        "The crew held a press conference on Friday.\n\n"
        "They had been seized at sea.\n\n"
        "The following morning they were flown to Tehran."
    )
    (_, following) = find_time_expressions(near, dt.date(2007, 4, 6))
    assert following.value is not None and following.value.date == "2007-04-07"
    assert following.basis == "on Friday"
    far = near.replace(
        "They had been seized at sea.",
        "They had been seized at sea.\n\nSix boats arrived.\n\nThey were taken ashore.",
    )
    (_, following) = find_time_expressions(far, dt.date(2007, 4, 6))
    assert following.kind == "anaphor" and following.value is None  # the narrative moved on
