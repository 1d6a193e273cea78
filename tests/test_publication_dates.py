"""`newsweave.timeline.infer_publication_dates`: stated dates kept, missing ones inferred
with the reason, on small texts, the bundled sample and the real seed articles."""

from __future__ import annotations

import json
from pathlib import Path

from newsweave import sample_path
from newsweave.ingest import read_sources
from newsweave.pipeline import build_articles
from newsweave.sample import answers_path
from newsweave.timeline import PublicationDate, infer_publication_dates


def _story(paths: list[Path], keep_stated: bool = True) -> dict[str, PublicationDate]:
    articles, _ = build_articles(read_sources(paths).documents)
    dates = infer_publication_dates(
        [(a.text, a.published if keep_stated else None) for a in articles]
    )
    return {Path(a.origin).name: d for a, d in zip(articles, dates, strict=True)}


def test_stated_dates_are_kept_and_say_so() -> None:
    (only,) = infer_publication_dates([("Talks resumed on Monday.", "2022-02-07T10:00:00Z")])
    assert only == PublicationDate("2022-02-07", False, "stated")


def test_nothing_to_go_on_gives_no_date_and_says_so() -> None:
    (only,) = infer_publication_dates([("Talks resumed on Monday.", "not a date")])
    assert only.date is None and not only.inferred
    assert "none inferable" in only.how


def test_a_language_without_grammar_keeps_stated_dates_only() -> None:
    stated, missing = infer_publication_dates(
        [("Le sommet s'ouvre lundi.", "2022-02-07"), ("Les ministres se réunissent mardi.", None)],
        language="fr",
    )
    assert stated.date == "2022-02-07" and not stated.inferred
    # Only the other article's date is left to go on, and the reason says so.
    assert missing.date == "2022-02-07" and missing.how.startswith("from the other articles")


def test_the_article_takes_the_candidate_its_weekdays_agree_with() -> None:
    dated = ("The summit opens on Monday. On Tuesday the ministers meet.", "2022-02-07")
    undated = ("This Tuesday, the ministers were meeting behind closed doors.", None)
    _, inferred = infer_publication_dates([dated, undated])
    # 2022-02-07 is the other article's date, but a past-tense "this Tuesday" written on a
    # Monday would be the week before; on 2022-02-08 it is the story's Tuesday.
    assert inferred.date == "2022-02-08" and inferred.inferred
    assert "'This Tuesday' = 2022-02-08" in inferred.how


def test_a_weekday_with_its_date_pins_the_year() -> None:
    pinned = ("Talks have dragged on since 2019. The summit opens on Monday February 7.", None)
    bare = ("Delegations gathered again on Monday.", None)
    first, second = infer_publication_dates([pinned, bare])
    assert first.date == "2022-02-07" and first.inferred
    assert "explicit weekday+date in text 'on Monday February 7'" in first.how
    assert second.date == "2022-02-07" and "in another article" in second.how


def test_sample_undated_articles_get_the_planted_dates() -> None:
    answers = json.loads(answers_path().read_text(encoding="utf-8"))
    dates = _story([sample_path()])
    for article in answers["articles"]:
        got = dates[article["file"]]
        if article["published"]:
            assert (got.date, got.inferred, got.how) == (article["published"], False, "stated")
        else:
            assert (got.date, got.inferred) == (article["published_inferred"], True)
            assert got.how.startswith("from the other articles of the story")


def test_seeds_all_dated_2022_02_07(seeds_dir: Path) -> None:
    dates = _story([seeds_dir])
    assert {name[:3]: d.date for name, d in dates.items()} == {
        "000": "2022-02-07", "001": "2022-02-07", "002": "2022-02-07", "003": "2022-02-07",
        "004": "2022-02-07"}  # fmt: skip
    assert [name[:3] for name, d in dates.items() if not d.inferred] == ["000"]
    assert "Monday February 7" in dates["003_a4468bd4cdfbad32.txt"].how


def test_seeds_without_the_stated_date_still_reach_it(seeds_dir: Path) -> None:
    dates = _story([seeds_dir], keep_stated=False)
    assert {d.date for d in dates.values()} == {"2022-02-07"}
    assert all(d.inferred and "weekday+date" in d.how for d in dates.values())
