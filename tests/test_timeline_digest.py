"""The digest's timeline: dated events merged across outlets, and different dates flagged."""

from __future__ import annotations

import json

import newsweave
from newsweave.model import Conflict, Digest, Document, TimelineEntry
from newsweave.pipeline import digest_documents


def _events(digest: Digest, day: str, words: str) -> list[TimelineEntry]:
    return [
        e
        for e in digest.timeline
        if e.date == day and any(words in digest.sentence(s).text for s in e.sentence_ids)
    ]


def test_seeds_events_are_dated_and_merged_across_outlets(seeds_digest: Digest) -> None:
    (meeting,) = [e for e in _events(seeds_digest, "2022-02-07", "Putin") if len(e.article_ids) > 2]
    assert len(meeting.article_ids) == 5 and meeting.end is None
    (kyiv,) = _events(seeds_digest, "2022-02-08", "Kyiv")
    assert len(kyiv.article_ids) >= 3
    (call,) = [e for e in _events(seeds_digest, "2022-02-06", "Biden") if len(e.article_ids) > 1]
    assert len(call.article_ids) >= 3
    (scholz,) = _events(seeds_digest, "2022-02-14", "Scholz")
    assert scholz.end == "2022-02-15"
    (election,) = _events(seeds_digest, "2022-04-01", "April")
    assert (election.end, election.granularity, len(election.article_ids)) == (
        "2022-04-30",
        "month",
        2,
    )


def test_seeds_timeline_has_no_date_conflict(seeds_digest: Digest) -> None:
    assert [c for c in seeds_digest.conflicts if c.kind == "date"] == []


def test_timeline_spans_are_exact_and_in_date_order(sample_digest: Digest) -> None:
    timeline = sample_digest.timeline
    assert timeline == sorted(timeline, key=lambda e: (e.date, e.end or e.date, e.text))
    for entry in timeline:
        for span in entry.spans:
            article = sample_digest.article(span.article_id)
            assert article.text[span.start : span.end] == span.text
            assert span.sentence_id in entry.sentence_ids
        first = sample_digest.sentence(entry.sentence_ids[0])
        assert entry.text in first.text


def test_sample_dam_failure_is_one_event_of_several_outlets(sample_digest: Digest) -> None:
    failure = [e for e in sample_digest.timeline if e.date == "2025-03-10"]
    assert max(len(e.article_ids) for e in failure) >= 4
    inferred = {a.id for a in sample_digest.articles if a.published_inferred}
    for entry in sample_digest.timeline:
        if not set(entry.article_ids) & inferred:
            assert not entry.inferred, entry
    assert any(e.inferred for e in sample_digest.timeline)
    # "shortly after 2 a.m." and "at about 2am yesterday": one moment of two outlets
    (at_two,) = [e for e in failure if e.time == "02:00"]
    sources = {sample_digest.article(a).source for a in at_two.article_ids}
    assert sources == {"Arclight Wire", "The Greywater Times"}


def test_sample_visit_days_conflict_comes_from_the_timeline(sample_digest: Digest) -> None:
    (visit,) = [c for c in sample_digest.conflicts if c.kind == "date"]
    assert visit.judgment == "contradiction"
    assert sorted(c.value for c in visit.claims) == [
        "2025-03-11 (Tuesday)",
        "2025-03-12 (Wednesday)",
    ]
    assert sorted(c.text for c in visit.claims) == ["on Tuesday", "on Wednesday"]


def test_undated_article_gets_the_story_date_and_its_weekdays_resolve() -> None:
    documents = [
        Document(
            origin="dated.txt",
            format="text",
            body="The council of Rask voted on Monday to close the old bridge.\n",
            source="Dated",
            published="2025-03-11",
        ),
        Document(
            origin="undated.txt",
            format="text",
            body="Rask councillors voted on Monday to shut the old bridge for good.\n",
            source="Undated",
        ),
    ]
    digest = digest_documents(documents)
    undated = next(a for a in digest.articles if a.source == "Undated")
    assert (undated.published, undated.published_inferred) == ("2025-03-11", True)
    (vote,) = [e for e in digest.timeline if e.date == "2025-03-10"]
    assert len(vote.article_ids) == 2 and vote.inferred


def test_timeline_is_in_json_markdown_and_html(sample_digest: Digest) -> None:
    document = json.loads(newsweave.render(sample_digest, "json"))
    assert document["schema_version"] == "1.6"
    entry = document["timeline"][0]
    assert {"id", "date", "end", "granularity", "text", "article_ids", "sentence_ids"} <= set(entry)
    assert "inferred" in entry
    markdown = newsweave.render(sample_digest, "md")
    assert "## Timeline" in markdown and "**1958** — “The Sarn Bridge" in markdown
    page = newsweave.render(sample_digest, "html")
    assert 'id="timeline-h"' in page and '<svg class="timeline-chart"' in page


def _report(name: str, body: str, published: str | None, source: str | None = None) -> Document:
    """A plain-text article `name`.txt of outlet `source` (by default "Outlet <name>")."""
    return Document(
        origin=f"{name}.txt",
        format="text",
        body=body,
        source=source or f"Outlet {name}",
        published=published,
    )


def _date_conflicts(documents: list[Document]) -> list[Conflict]:
    return [c for c in digest_documents(documents).conflicts if c.kind == "date"]


def _two_days(first: str, second: str) -> Digest:
    return digest_documents(
        [_report(str(n), body, "2025-03-12") for n, body in enumerate((first, second))]
    )


def test_an_activity_that_goes_on_is_no_date_conflict_when_both_say_so() -> None:
    ongoing = _two_days(
        "Rescuers were still searching the flooded streets of Rask on Monday.\n",
        "Rescuers continued to search the flooded streets of Rask on Tuesday.\n",
    )
    assert [c for c in ongoing.conflicts if c.kind == "date"] == []
    # one outlet's "still" does not hide that the two give two days for one event
    one_event = _two_days(
        "The bridge at Rask, still under repair, collapsed into the river on Monday.\n",
        "The bridge at Rask collapsed into the river on Tuesday.\n",
    )
    (conflict,) = [c for c in one_event.conflicts if c.kind == "date"]
    assert sorted(c.text for c in conflict.claims) == ["on Monday", "on Tuesday"]


def test_one_word_counted_from_two_publication_dates_is_no_date_conflict() -> None:
    # each article's "tomorrow" is its own: two stages, not one stage dated twice
    bodies = {
        "2025-07-19": "Tomorrow's stage of the Tour of Orvenia will take the riders into the "
        "Halmir mountains, the organisers said.\n",
        "2025-07-21": "Tomorrow's stage of the Tour of Orvenia takes the riders into the Halmir "
        "mountains, organisers said.\n",
    }
    documents = [_report(day, body, day) for day, body in bodies.items()]
    assert _date_conflicts(documents) == []
    # the same day named two ways from one publication date is still compared
    documents[1] = _report(
        "other",
        "Monday's stage of the Tour of Orvenia will take the riders into the Halmir "
        "mountains, the organisers said.\n",
        "2025-07-19",
    )
    (dates,) = _date_conflicts(documents)  # Sunday 20 or Monday 21
    assert sorted(c.value for c in dates.claims) == [
        "2025-07-20 (Sunday)",
        "2025-07-21 (Monday)",
    ]


def test_days_differ_only_between_clauses_alike_in_themselves() -> None:
    # the sample's visit: "on Tuesday" and "on Wednesday" in two alike clauses; were the
    # two clauses joined only through the rest of their fact, there would be no conflict
    from newsweave.align import align
    from newsweave.embed import default_embedder
    from newsweave.ingest import read_sources
    from newsweave.pipeline import build_articles
    from newsweave.timeline.events import dated_clauses, timeline_conflicts, with_publication_dates

    articles, _ = build_articles(read_sources([newsweave.sample_path()]).documents)
    with_publication_dates(articles)
    alignment = align(articles, default_embedder())
    dated = dated_clauses(articles, alignment)
    (visit,) = timeline_conflicts(dated, alignment)
    clauses = [
        next(d.clause for d in dated if d.span.sentence_id == c.sentence_id) for c in visit.claims
    ]
    assert clauses[0] is not None and clauses[1] is not None
    alignment.scores[clauses[0], clauses[1]] = alignment.scores[clauses[1], clauses[0]] = 0.2
    assert timeline_conflicts(dated, alignment) == []


def test_a_shared_amount_does_not_make_two_doings_one_event() -> None:
    # MultiLing M002: the sailors' release announced on Wednesday, their arrival on
    # Thursday; "the fifteen" made the clauses alike, but names who, not which doing
    bodies = {
        "a": "Iranian President Mahmoud Ahmadinejad on Wednesday announced that he would free "
        "the fifteen British captured navy personnel as a gift to the British people.\n",
        "b": "The fifteen navy crew, eight from the Royal Navy and seven from the Royal "
        "Marines, arrived by helicopter at the base on Thursday.\n",
    }
    documents = [_report(key, body, "2007-04-06") for key, body in bodies.items()]
    assert _date_conflicts(documents) == []
    # the same doing dated two ways stays a conflict, the shared amount or not
    documents[1] = _report(
        "c",
        "Iranian President Mahmoud Ahmadinejad on Thursday announced that he would free "
        "the fifteen British navy personnel.\n",
        "2007-04-06",
    )
    (dates,) = _date_conflicts(documents)
    assert sorted(c.value for c in dates.claims) == [
        "2007-04-04 (Wednesday)",
        "2007-04-05 (Thursday)",
    ]


def test_one_today_in_articles_of_two_days_is_still_a_date_conflict() -> None:
    bodies = {
        "2025-03-10": "The funeral of the nine victims of the Halmir dam will be held today in "
        "Velmora, the town hall said.\n",
        "2025-03-11": "The funeral of the nine victims of the Halmir dam collapse will be held "
        "today in Velmora, the town hall said.\n",
    }
    documents = [_report(day, body, day, source=day) for day, body in bodies.items()]
    (funeral,) = _date_conflicts(documents)
    assert sorted(c.value for c in funeral.claims) == [
        "2025-03-10 (Monday)",
        "2025-03-11 (Tuesday)",
    ]


def test_today_s_event_in_articles_of_two_days_is_a_conflict_and_far_apart_reports_are_not() -> (
    None
):
    def digest(bodies: dict[str, str]) -> list[str]:
        documents = [_report(day, body, day, source=day) for day, body in bodies.items()]
        return [c.kind for c in _date_conflicts(documents)]

    funeral = "funeral of the nine victims of the Halmir dam collapse will be held in Velmora"
    assert digest(
        {
            "2025-03-10": f"Today's {funeral}, the town hall said.\n",
            "2025-03-11": f"Today's {funeral}, the town hall of Velmora said.\n",
        }
    ) == ["date"]
    quake = "A strong aftershock of magnitude 5.1 shook the Velmora region"
    assert (
        digest(
            {
                "2025-05-07": f"{quake} on Wednesday, the survey said.\n",
                "2025-11-28": f"{quake} on Friday, the survey reported.\n",
            }
        )
        == []
    )


def test_written_dates_conflict_however_far_apart_their_articles() -> None:
    body = "The Halmir dam collapsed {day}, killing nine people in Velmora, officials said.\n"
    documents = [
        _report(str(n), body.format(day=day), published)
        for n, (day, published) in enumerate(
            [("on March 3", "2025-03-06"), ("on March 5", "2025-03-20")]
        )
    ]
    (dates,) = _date_conflicts(documents)
    assert sorted(c.value for c in dates.claims) == [
        "2025-03-03 (Monday)",
        "2025-03-05 (Wednesday)",
    ]


def test_one_event_dated_at_two_granularities_is_one_entry_at_the_finer() -> None:
    def timeline(*bodies: str) -> list[tuple[str, str | None, list[str]]]:
        digest = digest_documents(
            [
                Document(f"{n}.txt", "text", body, source=f"O{n}", published="2021-03-01")
                for n, body in enumerate(bodies)
            ]
        )
        return [(e.date, e.end, [s.text for s in e.spans]) for e in digest.timeline]

    hosted = "The president hosted the chancellor at his summer residence on the coast"
    assert timeline(f"{hosted} in August 2019.\n", f"{hosted} in 2019.\n") == [
        ("2019-08-01", "2019-08-31", ["in August 2019", "in 2019"])
    ]
    # a third outlet's day: the year follows the month into it, one entry of three
    assert timeline(
        f"{hosted} in 2019.\n", f"{hosted} in August 2019.\n", f"{hosted} on August 15, 2019.\n"
    ) == [("2019-08-15", None, ["on August 15, 2019", "in August 2019", "in 2019"])]
    # alike to two events of one day, the year joins neither
    signed = "The finance ministry signed a new trade agreement with Brazil"
    both = timeline(
        f"{hosted} on August 15, 2019.\n{signed} on August 15, 2019.\n",
        f"{hosted} and {signed[0].lower()}{signed[1:]} in 2019.\n",
    )
    assert ("2019-01-01", "2019-12-31") in [(start, end) for start, end, _ in both]
    # another statement of the same year stays an entry of its own
    apart = timeline(
        f"{hosted} in August 2019.\n", "The national football team won the regional cup in 2019.\n"
    )
    assert [(start, end) for start, end, _ in apart] == [
        ("2019-01-01", "2019-12-31"),
        ("2019-08-01", "2019-08-31"),
    ]


def test_seeds_bregancon_meeting_is_one_entry_of_august_2019(seeds_digest: Digest) -> None:
    (meeting,) = _events(seeds_digest, "2019-08-01", "summer residence")
    assert len(meeting.article_ids) == 2
    assert {s.text for s in meeting.spans} == {"in August 2019", "Two years later"}
    assert not [e for e in seeds_digest.timeline if (e.date, e.end) == ("2019-01-01", "2019-12-31")]
