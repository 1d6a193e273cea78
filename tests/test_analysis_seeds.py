"""Facts and conflicts on the real seed cluster (../shared/seeds, read at run time)."""

from __future__ import annotations

from pathlib import Path

from newsweave.model import Digest, Fact


def _outlets(digest: Digest, article_ids: list[str]) -> set[str]:
    return {Path(digest.article(a).origin).name[:3] for a in article_ids}


def _fact_with(digest: Digest, *words: str) -> list[Fact]:
    return [
        f for f in digest.facts
        if f.kind != "single" and all(any(w in s.text for s in f.spans) for w in words)
    ]  # fmt: skip


def test_troop_figures_of_all_five_outlets_are_one_conflict(seeds_digest: Digest) -> None:
    troops = [c for c in seeds_digest.conflicts if c.subject == "number of troops"]
    assert len(troops) == 1
    (conflict,) = troops
    assert conflict.kind == "number"
    assert conflict.judgment == "tension"  # "tens of thousands" against "more than 100,000"
    assert _outlets(seeds_digest, [c.article_id for c in conflict.claims]) == {
        "000", "001", "002", "003", "004"
    }  # fmt: skip
    wordings = sorted(c.text for c in conflict.claims)
    assert wordings == sorted(
        ["more than 100,000", "some 100,000", "some 100,000", "tens of thousands", "100,000",
         "well over 100,000"]
    )  # fmt: skip


def test_no_conflict_pairs_unrelated_amounts(seeds_digest: Digest) -> None:
    # the 40-minute call, "three times" and the troop counts never meet in one conflict
    for conflict in seeds_digest.conflicts:
        units = {c.value for c in conflict.claims}
        assert not any("40" in value for value in units)
    assert [c.kind for c in seeds_digest.conflicts] == ["number"]


def test_trip_to_kyiv_on_tuesday_is_one_fact_of_three_outlets(seeds_digest: Digest) -> None:
    facts = [f for f in seeds_digest.facts
             if f.kind != "single" and sum("Tuesday" in s.text for s in f.spans) >= 3]  # fmt: skip
    assert len(facts) == 1
    assert len(facts[0].article_ids) >= 3
    assert all("Kyiv" in s.text or "Kiev" in s.text for s in facts[0].spans)


def test_forty_minute_call_with_biden_is_one_fact(seeds_digest: Digest) -> None:
    (call,) = _fact_with(seeds_digest, "40", "Biden")
    assert len(call.article_ids) >= 2
    assert all("40" in s.text and "Sunday" in s.text for s in call.spans)


def test_joint_press_conference_is_one_fact(seeds_digest: Digest) -> None:
    (press,) = _fact_with(seeds_digest, "joint press conference")
    assert len(press.article_ids) >= 2
    assert all("press conference" in s.text for s in press.spans)


def test_no_figure_the_text_does_not_state(seeds_digest: Digest) -> None:
    (troops,) = [c for c in seeds_digest.conflicts if c.subject == "number of troops"]
    (vague,) = [c for c in troops.claims if c.text == "tens of thousands"]
    assert vague.value == "20,000-99,999 (vague)"  # a range read from the words, no "50,000"


def test_markdown_shows_every_disputed_wording(seeds_digest: Digest) -> None:
    import newsweave

    section = newsweave.render(seeds_digest, "md").split("## Where they differ", 1)[1]
    section = section.split("## Only in", 1)[0]
    for claim in seeds_digest.conflicts[0].claims:
        assert claim.text in section  # the excerpt is cut around the claim, never before it


def test_a_figure_every_other_can_hold_with_is_not_disputed(seeds_digest: Digest) -> None:
    # "some 100,000" can hold with "more than 100,000" and with "tens of thousands": the
    # conflict's tension is between those two, not with the summary sentence
    (troops,) = [c for c in seeds_digest.conflicts if c.subject == "number of troops"]
    by_text = {c.text: c for c in troops.claims}
    some = by_text["some 100,000"]
    assert (some.low, some.high) == (90_000, 110_000)
    assert by_text["more than 100,000"].high is None  # unbounded
    assert not some.cannot_hold_with(by_text["more than 100,000"])
    assert not some.cannot_hold_with(by_text["tens of thousands"])
    assert by_text["tens of thousands"].cannot_hold_with(by_text["well over 100,000"])
    (trip,) = [s for s in seeds_digest.summary if "some 100,000 troops" in s.text]
    assert seeds_digest.disputes_of(trip) == []


def test_statements_that_only_share_their_actors_are_not_one_fact(seeds_digest: Digest) -> None:
    # wrong groups a fact-checker found when names weighed in TF-IDF (see docs/analysis.md)
    apart = [
        ("flurry of phone calls", "Scholz will meet Biden"),
        ("sovereignty of Ukraine", "Eastern European countries"),
        ("breathe new life into the Normandy format", "capitalize on limited progress"),
        ("stopped playing the game", "few heads of state"),
    ]
    for first, second in apart:
        for fact in seeds_digest.facts:
            texts = " || ".join(span.text for span in fact.spans)
            assert not (first in texts and second in texts), (first, second)


def test_an_outlet_that_gives_its_own_figure_for_a_fact_it_leaves_out_shows_it(
    seeds_digest: Digest,
) -> None:
    # "100,000 Russian soldiers" beside "Russia has mustered some 100,000 troops": maybe the
    # same report in other words, maybe not; the list of what an outlet leaves out shows
    # its own figures next to the fact rather than hiding the fact or implying silence
    import newsweave

    (troops,) = [c for c in seeds_digest.conflicts if c.subject == "number of troops"]
    shown = 0
    for article in seeds_digest.articles:
        for fact in seeds_digest.left_out_by(article.id):
            assert fact.kind == "consensus" and article.id not in fact.article_ids
            for conflict, claims in seeds_digest.own_figures(fact, article.id):
                assert claims and all(c.article_id == article.id for c in claims)
                assert conflict in seeds_digest.conflicts_of(fact)
                shown += conflict is troops
    assert shown == 1
    markdown = newsweave.render(seeds_digest, "md")
    assert "— it gives its own figure: “tens of thousands”, “100,000” (see “number of troops”" in (
        markdown
    )
