from __future__ import annotations

from typing import Any

import pytest


def test_different_death_tolls_contradict_and_agreeing_ones_do_not(digest_of: Any) -> None:
    digest = digest_of(
        "A fire at the Lorn textile mill killed nine workers on Monday night.\n\n"
        "Firefighters fought the blaze for six hours.\n",
        "Fourteen workers died when fire swept through the Lorn textile mill on Monday.\n\n"
        "The blaze took six hours to bring under control.\n",
    )
    (toll,) = digest.conflicts
    assert (toll.kind, toll.judgment) == ("number", "contradiction")
    assert sorted(c.text for c in toll.claims) == ["Fourteen", "nine"]
    assert not any("six" in c.text for c in toll.claims)  # six hours agree: no conflict


def test_a_figure_days_later_updates_rather_than_disputes(digest_of: Any) -> None:
    bodies = (
        "Rescuers have recovered 2 bodies from the Atlantic on Saturday.",
        "Rescuers have recovered 16 bodies from the Atlantic.",
    )
    (found,) = digest_of(*bodies, published="2009-06-06").conflicts
    assert (found.subject, found.judgment) == ("bodies recovered", "contradiction")
    later = digest_of(*bodies, published=("2009-06-06", "2009-06-18"))
    assert later.conflicts == []


def test_a_growing_count_given_higher_a_day_later_is_an_update(digest_of: Any) -> None:
    days = ("2009-06-06", "2009-06-08")
    grown = digest_of(
        "Rescuers have recovered 2 bodies from the Atlantic so far.",
        "Rescuers have recovered 16 bodies from the Atlantic so far.",
        published=days,
    )
    assert grown.conflicts == []
    # lower a day later is still a dispute, and so is a count that can fall (the missing)
    fallen = digest_of(
        "Rescuers have recovered 16 bodies from the Atlantic so far.",
        "Rescuers have recovered 2 bodies from the Atlantic so far.",
        published=days,
    )
    assert [c.subject for c in fallen.conflicts] == ["bodies recovered"]
    missing = digest_of(
        "Rescuers said 2 people were still missing after the flood.",
        "Rescuers said 16 people were still missing after the flood.",
        published=days,
    )
    assert [c.subject for c in missing.conflicts] == ["people missing"]


def test_approximate_wordings_of_one_figure_are_compatible(digest_of: Any) -> None:
    digest = digest_of(
        "Some 3,000 residents were evacuated from the valley on Tuesday.\n",
        "More than 3,000 residents were evacuated from the valley on Tuesday.\n",
    )
    (evacuated,) = digest.conflicts
    assert evacuated.judgment == "compatible"


def test_unrelated_amounts_are_never_paired(digest_of: Any) -> None:
    digest = digest_of(
        "Russia has massed some 100,000 troops near the border, officials said.\n",
        "The two presidents spoke for 40 minutes on Sunday about the crisis.\n",
    )
    assert digest.conflicts == []


def test_a_denial_of_another_outlets_report_is_a_contradiction(digest_of: Any) -> None:
    digest = digest_of(
        "Engineers said one of the floodgates had been jammed shut for weeks before the "
        "collapse.\n",
        "The operator denied reports that one of the floodgates had been jammed shut before "
        "the collapse.\n",
    )
    (denial,) = digest.conflicts
    assert (denial.kind, denial.judgment) == ("claim", "contradiction")
    assert [c.value for c in denial.claims] == ["asserted", "denied"]
    # what is disputed, not who asserts it
    assert denial.subject == (
        "One of the floodgates had been jammed shut for weeks before the collapse."
    )
    assert not [f for f in digest.facts if f.kind != "single"]  # not shown as agreed


def test_different_days_for_one_visit_are_a_date_conflict(digest_of: Any) -> None:
    digest = digest_of(
        "Prime Minister Ada Lind is expected to visit the flooded town of Rask on Tuesday, "
        "her office said.\n",
        "Prime Minister Ada Lind will visit the flooded town of Rask on Thursday, the mayor "
        "said.\n",
        published="2025-03-10",
    )
    (day,) = digest.conflicts
    assert day.kind == "date"
    assert [c.value for c in day.claims] == ["2025-03-11 (Tuesday)", "2025-03-13 (Thursday)"]
    # the subject is the visit, not one outlet's day for it nor its source for the day
    assert day.subject in (
        "day of: Prime Minister Ada Lind is expected to visit the flooded town of Rask …",
        "day of: Prime Minister Ada Lind will visit the flooded town of Rask …",
    )
    opening = digest_of(
        "On Tuesday, Prime Minister Ada Lind is expected to visit the flooded town of Rask.\n",
        "Prime Minister Ada Lind will visit the flooded town of Rask on Thursday.\n",
        published="2025-03-10",
    )
    assert {c.subject for c in opening.conflicts} <= {
        "day of: … Prime Minister Ada Lind is expected to visit the flooded town of Rask.",
        "day of: Prime Minister Ada Lind will visit the flooded town of Rask …",
    }
    assert len(opening.conflicts) == 1
    # the subject keeps who it is about when the rest leans on it
    said = digest_of(
        "Prime Minister Ada Lind said she would visit the flooded town of Rask on Tuesday.\n",
        "Prime Minister Ada Lind said she would visit the flooded town of Rask on Thursday.\n",
        published="2025-03-10",
    )
    assert [c.subject for c in said.conflicts] == [
        "day of: Prime Minister Ada Lind said she would visit the flooded town of Rask …"
    ]
    # a day the source said it on is not the day of the visit: no conflict
    said_on = digest_of(
        "Prime Minister Ada Lind will visit the flooded town of Rask, her office said on "
        "Tuesday.\n",
        "Prime Minister Ada Lind will visit the flooded town of Rask on Thursday, the mayor "
        "said.\n",
        published="2025-03-10",
    )
    assert said_on.conflicts == []
    said_first = digest_of(
        "Her office said on Tuesday that Prime Minister Ada Lind would visit the flooded town "
        "of Rask.\n",
        "Prime Minister Ada Lind will visit the flooded town of Rask on Thursday, the mayor "
        "said.\n",
        published="2025-03-10",
    )
    assert said_first.conflicts == []
    # the same visit dated by the outlet itself is a conflict
    dated = digest_of(
        "Prime Minister Ada Lind will visit the flooded town of Rask on Tuesday, her office "
        "said.\n",
        "Prime Minister Ada Lind will visit the flooded town of Rask on Thursday, the mayor "
        "said.\n",
        published="2025-03-10",
    )
    assert [c.kind for c in dated.conflicts] == ["date"]


def test_a_single_article_has_no_conflicts_and_only_single_facts(digest_of: Any) -> None:
    digest = digest_of(
        "Nine people died in the fire. Officials later said fourteen had died.\n\n"
        "The mill had been inspected in 2023.\n"
    )
    assert digest.conflicts == []
    assert digest.facts and {f.kind for f in digest.facts} == {"single"}


def test_amounts_in_other_languages_are_not_read_by_english_rules(digest_of: Any) -> None:
    # "janvier" is no unit and "personnes" no English noun: no conflict rather than a wrong one
    digest = digest_of(
        "Le samedi 8 janvier 2005, 9 personnes sont mortes dans l'incendie de l'usine de Lorn.\n",
        "Le samedi 8 janvier 2005, 14 personnes sont mortes dans l'incendie de l'usine de Lorn.\n",
    )
    assert {a.language for a in digest.articles} == {"fr"}
    assert digest.conflicts == []


def test_pledges_of_different_donors_are_not_one_amount(digest_of: Any) -> None:
    digest = digest_of(
        "Japan pledged $500 million to the tsunami relief effort on Saturday, officials said.\n",
        "China has promised $60.5 million in aid for the countries hit by the tsunami.\n",
    )
    assert digest.conflicts == []


def test_two_conflicts_over_the_same_clauses_have_their_own_ids(digest_of: Any) -> None:
    import re

    import newsweave

    digest = digest_of(
        "The storm killed 9 people and injured 30 people in the port town of Selvik.\n\n"
        "Ferries stopped.\n",
        "The storm killed 14 people and injured 45 people in the port town of Selvik.\n\n"
        "Schools closed.\n",
    )
    subjects = sorted(c.subject for c in digest.conflicts)
    assert subjects == ["death toll", "people injured"]
    assert len({c.id for c in digest.conflicts}) == 2
    html = newsweave.render(digest, "html")
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))  # every anchor once, so every link finds its conflict


def test_a_range_is_shown_by_its_ends_and_agrees_with_its_rewordings(digest_of: Any) -> None:
    conflict = digest_of(
        "Between 300 and 400 protesters gathered outside the Lorn town hall on Monday.\n",
        "About 2,000 protesters gathered outside the Lorn town hall on Monday.\n",
    ).conflicts
    (crowd,) = conflict
    assert sorted(c.value for c in crowd.claims) == ["2,000 (approximate)", "300-400 (range)"]
    # one range in three wordings is no conflict
    same = digest_of(
        "Rich nations should cut emissions by 25 percent to 40 percent by 2020, the panel said.\n",
        "Rich nations should cut emissions by between 25 to 40 percent by 2020, the panel said.\n",
        "The panel said rich nations should make a 25-40% cut in emissions by 2020.\n",
    )
    assert [c for c in same.conflicts if c.kind == "number"] == []


def test_distances_from_different_places_are_different_subjects(digest_of: Any) -> None:
    from newsweave.measured_things import measured_what
    from newsweave.quantities import find_quantities

    text = "The quake struck 65 kilometres to the northwest of Talca, at a depth of 10 km."
    far, deep = find_quantities(text)
    assert (measured_what(text, far), measured_what(text, deep)) == ("Talca", "depth")
    apart = digest_of(
        "The earthquake struck 65 kilometres northwest of Talca early on Sunday.\n",
        "The earthquake struck 102 kilometres north of Curico early on Sunday.\n",
        "The earthquake struck at a depth of 30 kilometres early on Sunday.\n",
    )
    assert apart.conflicts == []
    one_place = digest_of(
        "The earthquake struck 65 kilometres northwest of Talca early on Sunday.\n",
        "The earthquake struck 70 kilometres northwest of Talca early on Sunday.\n",
    )
    (distance,) = one_place.conflicts
    assert sorted(c.value for c in distance.claims) == ["65", "70"]


@pytest.mark.parametrize(
    ("text", "measured"),
    [
        ("The quake struck at a depth of just 10 kilometres.", ["depth"]),
        ("It was centred 59 kilometres from the capital Port-au-Prince.", ["Port-au-Prince"]),
        ("It was 145 kilometres southwest of capital Santiago.", ["Santiago"]),
        ("Debris was found 650 km from the coast.", ["coast"]),
        ("It struck 130 kilometres east of the city of Sendai.", ["Sendai"]),
        ("It struck 130 kilometres east of the Japanese city of Sendai.", ["Sendai"]),
        ("It lies 40 km north of the coastal town of Lebu.", ["Lebu"]),
        ("Saturday's 182 km stage ends on a summit.", ["stage"]),
        ("A 6-metre wave hit the harbour.", ["wave"]),
        ("The 45-metre concrete-faced dam held.", ["dam"]),
        ("The river rose 3 metres overnight.", [None]),
        ("The quake struck 12 km deep.", [None]),
        ("It then climbs the Col du Vardel (11.5 km at 6.8%).", ["Col du Vardel", None]),
        ("It struck near Talca (65 km away).", ["Talca"]),
        ("Then comes the Col de la Madeleine (19.2 km at 8%).", ["Col de la Madeleine", None]),
    ],
)
def test_what_a_measure_is_of(text: str, measured: list[str]) -> None:
    from newsweave.measured_things import measured_what
    from newsweave.quantities import find_quantities

    assert [measured_what(text, q) for q in find_quantities(text)] == measured


def test_a_stage_and_its_climbs_are_different_subjects(digest_of: Any) -> None:
    apart = digest_of(
        "The stage crosses the Col du Vardel (11.5 km at 6.8%) before the finish, riders said.\n",
        "Riders face a 182 km stage with the Col du Vardel as its hardest climb, riders said.\n",
        "The stage crosses the Col du Vardel (12 km at 6.5%) before the finish, riders said.\n",
    )
    (climb,) = [c for c in apart.conflicts if c.subject == "amount in kilometres"]
    assert sorted(c.value for c in climb.claims) == ["11.5", "12"]  # not the stage's 182


def test_a_unit_conversion_in_brackets_is_no_second_claim(digest_of: Any) -> None:
    digest = digest_of(
        "The quake struck at a depth of 28 kilometres (17.4 miles) early on Sunday.\n",
        "The quake struck at a depth of 44 km (27.3 miles) early on Sunday.\n",
    )
    (depth,) = digest.conflicts
    assert sorted(c.value for c in depth.claims) == ["28", "44"]


def test_a_subject_names_its_unit_in_the_plural() -> None:
    from newsweave.number_words import plural as _plural

    units = ("country", "day", "inch", "troops", "people", "metre", "child", "knife", "man")
    assert [_plural(u) for u in units] == [
        "countries",
        "days",
        "inches",
        "troops",
        "people",
        "metres",
        "children",
        "knives",
        "men",
    ]


def test_two_amounts_of_one_sentence_are_two_subjects(digest_of: Any) -> None:
    digest = digest_of(
        "On Sunday the public raised 395,000 euros in a telethon, while the government "
        "pledged 150,000 euros for relief.\n",
        "The 395,000 euros raised by the telethon add to 150,000 euros pledged by the "
        "government for relief.\n",
    )
    assert [c for c in digest.conflicts if c.kind == "number"] == []
    # but one sentence may dispute one subject itself
    disputed = digest_of(
        "Police said 12 people died in the mill fire on Friday, but hospital officials put "
        "the death toll at 15.\n",
        "Twelve people died in the mill fire on Friday, police said.\n",
    )
    (toll,) = [c for c in disputed.conflicts if c.kind == "number"]
    assert sorted(c.value for c in toll.claims) == ["12", "12", "15"]
    for between in (
        ", while hospital officials put",
        ", though officials put",
        "; hospital officials put",
    ):
        also = digest_of(
            f"Police said 12 people died in the mill fire on Friday{between} the death toll "
            "at 15.\n",
            "Twelve people died in the mill fire on Friday, police said.\n",
        )
        assert [c.kind for c in also.conflicts if c.kind == "number"] == ["number"], between


def test_one_role_twice_in_a_sentence_is_two_subjects_without_a_second_source(
    digest_of: Any,
) -> None:
    digest = digest_of(
        "Police said 12 people died in the mill fire on Friday, while 15 people died in a "
        "separate blaze in Harwick.\n",
        "Twelve people died in the mill fire on Friday, police said.\n",
    )
    assert [c for c in digest.conflicts if c.kind == "number"] == []
