"""Fact groups: a shared earlier year is evidence that two clauses state one fact."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

import newsweave
from newsweave.align import AlignOptions, align
from newsweave.embed import default_embedder
from newsweave.ingest import read_sources
from newsweave.model import Article, Digest, Document
from newsweave.pipeline import build_articles


def _articles(
    *bodies: str, published: Sequence[str | None] = (), language: str | None = None
) -> list[Article]:
    """Articles of outlets "Outlet 0", "Outlet 1", ... from plain-text bodies, each
    published on its date in `published` (none when not given)."""
    days = list(published) or [None] * len(bodies)
    documents = [
        Document(f"{n}.txt", "txt", body, source=f"Outlet {n}", published=day, language=language)
        for n, (body, day) in enumerate(zip(bodies, days, strict=True))
    ]
    articles, _ = build_articles(documents)
    return articles


def _digest(
    tmp_path: Path,
    bodies: dict[str, str],
    align: AlignOptions | None = None,
    published: str = "2026-05-04",
) -> Digest:
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name, body in bodies.items():
        article = {
            "title": "Bridge closed",
            "source": name.upper(),
            "published": f"{published}T09:00:00+00:00",
            "text": body,
        }
        (tmp_path / f"{name}.json").write_text(json.dumps(article), encoding="utf-8")
    options = newsweave.DigestOptions(ner="rules")
    if align is not None:
        options = newsweave.DigestOptions(ner="rules", align=align)
    return newsweave.digest([tmp_path], options=options)


INSPECTION = {
    "a": "The harbour bridge was closed on Sunday.\n\nIn 2019, an audit found rust on the "
    "cables of the bridge's northern span.",
    "b": "Engineers shut the harbour bridge on Sunday.\n\nCorrosion of the northern span's "
    "cables was first recorded by inspectors in 2019.",
    "c": "Ferries ran every ten minutes after the bridge closed on Sunday.\n\n"
    "The northern cables have shown signs of wear since a 2019 inspection, the city said.",
}


def _facts_with(digest: Digest, word: str) -> list[set[str]]:
    return [
        {digest.article(a).source or "" for a in fact.article_ids}
        for fact in digest.facts
        if any(word in span.text for span in fact.spans)
    ]


def test_one_earlier_year_is_evidence_of_one_fact(tmp_path: Path) -> None:
    joined = _digest(tmp_path / "with", INSPECTION)
    assert {"A", "B", "C"} in _facts_with(joined, "2019")
    # the same clauses without the evidence of the year: the wordings alone are too far apart
    apart = _digest(tmp_path / "without", INSPECTION, AlignOptions(earlier_year_bonus=0.0))
    assert {"A", "B", "C"} not in _facts_with(apart, "2019")


def test_the_story_year_itself_is_no_evidence(tmp_path: Path) -> None:
    same_year = {name: body.replace("2019", "2026") for name, body in INSPECTION.items()}
    digest = _digest(tmp_path, same_year)
    assert {"A", "B", "C"} not in _facts_with(digest, "2026")


def test_amounts_in_one_role_count_the_same_thing() -> None:
    from newsweave.amount_roles import count_the_same, role_of
    from newsweave.quantities import Quantity, find_quantities

    def amount(text: str) -> tuple[Quantity, str | None]:
        (quantity,) = find_quantities(text)
        return quantity, role_of(text, quantity)

    killed, toll = amount("and killing nine people"), amount("Nine deaths have been confirmed.")
    lifted = amount("Crews lifted 340 people from rooftops.")
    died = amount("Fourteen people died in the flood.")
    troops, soldiers = amount("Russia massed 100,000 troops."), amount("It has 90,000 soldiers.")
    assert count_the_same(*killed, *toll)
    assert count_the_same(*killed, *died)
    assert not count_the_same(*lifted, *died)
    assert count_the_same(*troops, *soldiers)


def test_sample_nine_dead_is_one_fact_of_three_outlets(sample_digest: Digest) -> None:
    (nine,) = [f for f in sample_digest.facts if any("killing nine" in s.text for s in f.spans)]
    texts = " || ".join(s.text for s in nine.spans)
    assert len(nine.article_ids) == 3 and "Nine deaths" in texts and "toll at nine" in texts
    assert "Fourteen" not in texts


def test_a_role_word_marks_the_amount_nearest_to_it(tmp_path: Path) -> None:
    from newsweave.amount_roles import role_of
    from newsweave.quantities import find_quantities

    text = "The outbreak has sickened 1,200 people and killed 15, health officials said."
    sickened, killed = find_quantities(text)
    assert role_of(text, sickened, [sickened, killed]) is None  # "killed" is the 15's
    assert role_of(text, killed, [sickened, killed]) == "deaths"
    # so the two outlets' clauses are one fact, not 1,200 dead against 15
    digest = _digest(
        tmp_path,
        {
            "a": "Ferries stopped on Monday.\n\n" + text,
            "b": "Schools closed on Monday.\n\nThe outbreak has caused 15 deaths among "
            "1,200 people sickened, health officials said.",
        },
    )
    assert {"A", "B"} in _facts_with(digest, "1,200")
    assert digest.conflicts == []


def test_a_role_word_does_not_reach_across_a_conjunction(tmp_path: Path) -> None:
    from newsweave.amount_roles import role_of
    from newsweave.quantities import find_quantities

    text = "52 people died and approximately 700 were injured in the bombings."
    died, injured = find_quantities(text)
    assert role_of(text, died, [died, injured]) == "deaths"
    assert role_of(text, injured, [died, injured]) == "injured"  # not "died", 5 chars off
    # a lone amount does not take another predicate's role either
    homes = "The storm destroyed 300 homes and killed a fisherman."
    (destroyed,) = find_quantities(homes)
    assert role_of(homes, destroyed, [destroyed]) is None
    digest = _digest(
        tmp_path,
        {
            "a": "Trains stopped on Thursday.\n\n" + text,
            "b": "Buses stopped on Thursday.\n\nFifty-two people were killed in the bombings.",
        },
    )
    assert [c for c in digest.conflicts if c.subject == "death toll"] == []


def test_bodies_found_are_not_the_death_toll() -> None:
    from newsweave.amount_roles import count_the_same, role_of
    from newsweave.quantities import find_quantities

    found_text = "More than 75,000 bodies have been recovered."
    toll_text = "As many as 200,000 people were killed."
    (found,), (toll,) = find_quantities(found_text), find_quantities(toll_text)
    assert role_of(found_text, found) == "bodies found"
    assert not count_the_same(found, role_of(found_text, found), toll, role_of(toll_text, toll))


def test_every_role_has_a_conflict_subject() -> None:
    from newsweave.amount_roles import EVENT_ROLES, ROLE_SUBJECTS

    assert set(ROLE_SUBJECTS) == set(EVENT_ROLES)


def test_one_event_dated_either_side_of_new_year_is_a_date_conflict(tmp_path: Path) -> None:
    # two years, one day apart: not two facts kept apart by their years, but one event
    # that two outlets date differently
    digest = _digest(
        tmp_path,
        {
            "a": "The harbour bridge in Selvik was closed on 31 December 2025.\n\n"
            "Ferries ran every hour.",
            "b": "Engineers shut the Selvik harbour bridge on 1 January 2026.\n\n"
            "Schools stayed closed.",
        },
    )
    (conflict,) = digest.conflicts
    assert conflict.kind == "date"
    assert sorted(c.text for c in conflict.claims) == ["on 1 January 2026", "on 31 December 2025"]
    # a year apart they are two events
    later = {
        name: body.replace("1 January 2026", "1 January 2027")
        for name, body in {
            "a": "The harbour bridge in Selvik was closed on 31 December 2025.\n\nFerries ran.",
            "b": "Engineers shut the Selvik harbour bridge on 1 January 2026.\n\nSchools shut.",
        }.items()
    }
    assert _digest(tmp_path / "later", later).conflicts == []


def _closure_score(
    tmp_path: Path,
    when: str,
    options: AlignOptions,
    other: str = "on Sunday",
    published: str = "2026-05-04",
) -> float:
    """The alignment score of two outlets' clauses on closing one bridge, the first dated
    `when`, the second `other`, both published on `published` (a Monday by default)."""
    bodies = {
        "a": f"The harbour bridge, built in 1998, was closed {when} after a crack was found.",
        "b": f"Engineers shut the harbour bridge {other} after finding a crack.",
    }
    _digest(tmp_path, bodies, published=published)  # writes the files
    articles, _ = build_articles(read_sources([tmp_path]).documents)
    alignment = align(articles, default_embedder(), options=options)
    first, second = (i for i, c in enumerate(alignment.clauses) if "harbour" in c.text)
    return float(alignment.scores[first, second])


def test_yesterday_is_the_weekday_another_outlet_names(tmp_path: Path) -> None:
    # published on Monday 4 May: "yesterday" is Sunday, the day the other outlet names, so
    # the year the bridge was built is no sign that the two tell of different times
    unpenalised = AlignOptions(time_penalty=0.0)
    for when in ("yesterday", "yesterday morning"):
        score = _closure_score(tmp_path / when, when, AlignOptions())
        assert score == pytest.approx(_closure_score(tmp_path / when, when, unpenalised))
    # nor is "yesterday" another time than the same day named by its date (published on
    # Wednesday 8 July: yesterday is 7 July)
    for other in ("on July 7", "on 7 July"):
        where = tmp_path / other.replace(" ", "-")
        score = _closure_score(where, "yesterday", AlignOptions(), other, "2026-07-08")
        free = _closure_score(where, "yesterday", unpenalised, other, "2026-07-08")
        assert score == pytest.approx(free)
    # a day of another week is another time
    penalised = _closure_score(tmp_path / "april", "on 2 April", AlignOptions())
    assert penalised == pytest.approx(
        _closure_score(tmp_path / "april", "on 2 April", unpenalised) - 0.3, abs=1e-5
    )


def test_clauses_quoting_one_statement_are_one_fact(sample_digest: Digest) -> None:
    # Arclight quotes Zhivkan in English, Belsar in a translation: "Who said what" groups
    # the two quotes, so "Only in" must not list each as its outlet's alone
    (decisive,) = [q for q in sample_digest.quotes if "next 48 hours" in q.text]
    translated = [q for q in sample_digest.quotes if q.group == decisive.group]
    assert len({q.article_id for q in translated}) == 2
    (fact,) = [f for f in sample_digest.facts if any("next 48 hours" in s.text for s in f.spans)]
    assert set(fact.article_ids) == {q.article_id for q in translated}
    # without the quote's evidence the two wordings are too far apart
    options = newsweave.DigestOptions(align=AlignOptions(quote_bonus=0.0))
    apart = newsweave.digest([newsweave.sample_path()], options=options)
    (alone,) = [f for f in apart.facts if any("next 48 hours" in s.text for s in f.spans)]
    assert alone.kind == "single"


def test_a_negated_clause_and_its_assertion_are_never_one_fact(tmp_path: Path) -> None:
    digest = _digest(
        tmp_path,
        {
            "a": "Divers have recovered debris from the harbour bridge's northern span.",
            "b": "Divers have not recovered any debris from the harbour bridge's northern span.",
        },
    )
    assert _facts_with(digest, "debris") == [{"A"}, {"B"}]
    # and neither is cited in support of the other in the summary
    assert all(len(item.cited_articles) == 1 for item in digest.summary)


def test_clauses_that_write_other_numbers_are_never_one_fact(tmp_path: Path) -> None:
    bodies = {
        "a": "Alexandre Vinokourov of Kazakhstan has won stage 13 of the Tour de France.",
        "b": "Alexandre Vinokourov of Kazakhstan has won stage 15 of the Tour de France.",
        "c": "Vinokourov of Kazakhstan has won stage 15 of the Tour de France in Loudenvielle.",
    }
    digest = _digest(tmp_path, bodies)
    assert sorted(map(sorted, _facts_with(digest, "stage"))) == [["A"], ["B", "C"]]
    # compatible amounts of one thing still make one fact: 23 people are more than 20
    missing = {
        "a": "Rescuers said 23 people were still unaccounted for by late morning.",
        "b": "Rescuers said more than 20 people were missing by late morning.",
    }
    assert _facts_with(_digest(tmp_path / "missing", missing), "Rescuers") == [{"A", "B"}]


def test_one_time_written_two_ways_is_no_other_number(tmp_path: Path) -> None:
    bodies = {
        "a": "The Selvik harbour bridge was closed at 4 a.m. on Sunday after a crack was found.",
        "b": "The Selvik harbour bridge was closed at 04:00 on Sunday after a crack was found.",
        "c": "The Selvik harbour bridge was closed at 11:30 on Sunday after a crack was found.",
    }
    facts = sorted(map(sorted, _facts_with(_digest(tmp_path, bodies), "closed")))
    assert facts == [["A", "B"], ["C"]]


def test_other_numbers_are_read_in_english_articles_only() -> None:
    import numpy as np

    from newsweave.align import statement_clauses
    from newsweave.other_numbers import different_numbers
    from newsweave.quantities import find_quantities

    texts = [
        "Le barrage a cédé le 15 juin près de Rask.",
        "Le barrage a cédé le 16 juin près de Rask.",
    ]
    for language, expected in (("fr", []), ("en", [(0, 1)])):
        articles = _articles(*texts, language=language)
        clauses = statement_clauses(articles)
        quantities = [find_quantities(c.text) if language == "en" else [] for c in clauses]
        ones = np.ones((2, 2), dtype=np.float32)
        zeros = np.zeros((2, 2), dtype=np.float32)
        assert different_numbers(articles, clauses, quantities, ones, zeros, 0.4) == expected


def test_articles_published_days_or_weeks_apart_need_clauses_more_alike() -> None:
    from dataclasses import replace

    # (both name Maule: weeks apart, clauses that share no name or figure cannot link)
    first = "Overnight, another strong aftershock shook the coastal towns of Maule.\n\nIt rained."
    second = "A powerful aftershock rattled towns along the Maule coast.\n\nIt snowed."

    def aligned(one: str | None, other: str | None, inferred: bool = False) -> tuple[float, bool]:
        articles = _articles(first, second, published=(one, other))
        articles[1] = replace(articles[1], published_inferred=inferred)
        alignment = align(articles, default_embedder())
        i, j = (k for k, c in enumerate(alignment.clauses) if "aftershock" in c.text)
        return float(alignment.scores[i, j]), any(i in g and j in g for g in alignment.groups)

    options = AlignOptions()
    link, penalty, weeks = options.link, options.apart_penalty, options.weeks_apart_penalty
    # two days apart: one aftershock told twice
    near, near_grouped = aligned("2010-05-21", "2010-05-23")
    assert near_grouped and link <= near < link + penalty
    # ten days apart: as alike, but maybe another one
    days_apart, days_apart_grouped = aligned("2010-05-21", "2010-05-31")
    assert days_apart == pytest.approx(near - penalty) and not days_apart_grouped
    # five months apart in a story of many aftershocks: more likely another one
    apart, apart_grouped = aligned("2010-05-21", "2010-10-22")
    assert apart == pytest.approx(near - penalty - weeks) and not apart_grouped
    # an undated article is taken as near, and so is one whose date is only inferred
    undated, undated_grouped = aligned("2010-05-21", None)
    assert undated == pytest.approx(near) and undated_grouped
    inferred, inferred_grouped = aligned("2010-05-21", "2010-10-22", inferred=True)
    assert inferred == pytest.approx(near) and inferred_grouped
    # three days is days apart, fifteen days weeks apart
    assert aligned("2010-05-21", "2010-05-24")[0] == pytest.approx(days_apart)
    assert aligned("2010-05-21", "2010-06-05")[0] == pytest.approx(apart)


def _amount_bonus(*bodies: str) -> Callable[[str, str], float]:
    """The amount bonus between the first clauses holding each of two texts, in an
    alignment of the bodies as articles of outlets 0, 1, ..."""
    alignment = align(_articles(*bodies), default_embedder())
    amount_bonus = alignment.amount_bonus
    assert amount_bonus is not None
    texts = [c.text for c in alignment.clauses]

    def bonus(first: str, second: str) -> float:
        i = next(k for k, t in enumerate(texts) if first in t)
        j = next(k for k, t in enumerate(texts) if second in t)
        return float(amount_bonus[i, j])

    return bonus


def test_a_figure_the_story_keeps_repeating_earns_half_the_amount_bonus() -> None:
    bonus = _amount_bonus(
        "The 15 sailors were seized on Friday.\n\nThe 15 sailors were shown on television."
        "\n\nSome 300 people protested outside the embassy.",
        "Iran said it would free the 15 sailors.\n\nThe 15 sailors flew home on Thursday."
        "\n\nAbout 300 people marched to the embassy.",
    )
    full = AlignOptions().quantity_bonus
    # "the 15 sailors" is in every clause about them: it tells who, not which doing
    assert bonus("were seized", "flew home") == pytest.approx(full / 2)
    # "some 300 people" is given once by each outlet: evidence of one fact
    assert bonus("Some 300 people", "About 300 people") == pytest.approx(full)


def test_one_outlet_repeating_a_figure_does_not_make_it_the_story_s() -> None:
    repeated = "\n\n".join(f"Some 300 people marched on day {n}." for n in ("one", "two", "three"))
    bonus = _amount_bonus(
        repeated,
        "About 300 people marched to the embassy on Friday.",
        "Nearly 300 people marched to the embassy on Friday.",
    )
    assert bonus("About 300", "Nearly 300") == pytest.approx(AlignOptions().quantity_bonus)


def test_weeks_apart_a_generic_statement_is_no_evidence_of_one_event() -> None:
    def scores(one: str, other: str, text: str, again: str) -> tuple[float, bool]:
        articles = _articles(text, again, published=(one, other))
        alignment = align(articles, default_embedder())
        # the first clause of each article
        i, j = (
            next(k for k, c in enumerate(alignment.clauses) if c.article_id == article.id)
            for article in articles
        )
        score = float(alignment.scores[i, j])
        return score, any(i in g and j in g for g in alignment.groups)

    generic = "No damage or casualties were reported after the tremor."
    again = "No damage or casualties were reported after the quake."
    assert scores("2010-05-21", "2010-05-22", generic, again)[1]  # a day apart: one fact
    far, grouped = scores("2010-05-21", "2010-11-28", generic, again)
    assert far <= 0.0 and not grouped
    # who said it ties nothing: both citing the USGS is not a name of the event
    cited = scores(
        "2010-05-21",
        "2010-11-28",
        "No damage or casualties were reported in the region, the USGS said.",
        "No damage or casualties were reported in the valley, the USGS said.",
    )
    assert cited[0] <= 0.0 and not cited[1]
    # a shared name or figure still ties them: the same quake recalled months later
    named = "The quake of 27 February killed 525 people in Maule."
    recalled = "The February 27 earthquake killed 525 people in Maule."
    far_named, named_grouped = scores("2010-03-01", "2010-11-28", named, recalled)
    assert far_named > 0.4 and named_grouped


def _pair_score(first: str, second: str, word: str, day: str, **options: float) -> float:
    """The alignment score of the clauses with `word` of two articles published on `day`,
    under the default options with `options` changed."""
    from dataclasses import replace

    articles = _articles(first, second, published=(day, day))
    alignment = align(articles, default_embedder(), options=replace(AlignOptions(), **options))
    i, j = (k for k, c in enumerate(alignment.clauses) if word in c.text)
    return float(alignment.scores[i, j])


def test_a_clause_dated_years_back_is_less_likely_an_undated_clause_of_the_day() -> None:
    def score(first: str, second: str, background: float) -> float:
        return _pair_score(first, second, "summit", "2022-02-07", background_penalty=background)

    then = "In December 2019, the president hosted a summit of the four leaders in Paris."
    now = "The president hosts a summit of the four leaders in Paris."
    assert score(then, now, 0.1) == pytest.approx(score(then, now, 0.0) - 0.1)
    # two undated clauses, or two of the same earlier year, are not touched
    again = "The president hosted a summit of the four leaders in Paris in December 2019."
    assert score(now, now.replace("hosts", "holds"), 0.1) == pytest.approx(
        score(now, now.replace("hosts", "holds"), 0.0)
    )
    assert score(then, again, 0.1) == pytest.approx(score(then, again, 0.0))


def test_a_fact_is_worded_by_a_clause_that_names_who() -> None:
    from newsweave.align import standing

    assert standing("She has ordered an investigation into the cause of the collapse.") == 1
    assert standing("“He said it would hold,” the engineer recalled.") == 1
    assert standing("and killing nine people") == 0
    assert standing("As the leaders meet in Moscow", leads=True) == 0  # into its main clause
    assert standing("Once again the river rose over its banks") == 2
    assert standing("which has a population of 41,000") == 0
    assert standing("but many streets remained impassable") == 0
    assert standing("An inquiry was ordered by the government.") == 2


def test_the_sample_inquiry_is_worded_without_a_pronoun(sample_digest: Digest) -> None:
    (inquiry,) = [
        f for f in sample_digest.facts
        if f.kind != "single" and any("inquiry" in s.text for s in f.spans)
    ]  # fmt: skip
    assert inquiry.text == "An inquiry was ordered by the government."


def test_one_time_of_day_is_evidence_of_one_fact() -> None:
    def score(first: str, second: str, bonus: float) -> float:
        return _pair_score(first, second, "dam", "2025-03-11", clock_time_bonus=bonus)

    early = "The earthen wall of the dam failed shortly after 2 a.m. on Monday."
    about = "The 38-metre dam, completed in 1971, failed at about 2am on Monday."
    assert score(early, about, 0.2) == pytest.approx(score(early, about, 0.0) + 0.2)
    # other times of day, or one time of day on two days, are no such evidence
    later = about.replace("about 2am", "about 4pm")
    assert score(early, later, 0.2) == pytest.approx(score(early, later, 0.0))
    tuesday = about.replace("on Monday", "on Tuesday")
    assert score(early, tuesday, 0.2) == pytest.approx(score(early, tuesday, 0.0))
