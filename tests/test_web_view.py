"""The web app's pure parts: the digest page's view, the timeline chart, the entities
table, client inputs and their labels, the digest cache and the API reference."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")

from newsweave.model import Digest
from newsweave.report.json_report import to_dict
from newsweave.report.timeline_chart import parse_moment, timeline
from newsweave.web.cache import DigestCache
from newsweave.web.entities import entity_rows
from newsweave.web.inputs import PastedArticle, Upload, read_inputs, safe_name
from newsweave.web.templating import render
from newsweave.web.view import AGREED, CONFLICTING, digest_view, sentence_kinds


def event(date: str | None, text: str, **more: Any) -> dict[str, Any]:
    return {"id": text, "date": date, "text": text, "article_ids": ["a"], "sentence_ids": []} | more


def test_sentence_kinds_put_conflicts_before_agreement(sample_digest: Digest) -> None:
    kinds = sentence_kinds(sample_digest)
    for conflict in sample_digest.conflicts:
        for claim in conflict.claims:
            assert kinds[claim.sentence_id] == CONFLICTING
    shared = {s for f in sample_digest.facts if f.kind != "single" for s in f.sentence_ids}
    claimed = {c.sentence_id for conflict in sample_digest.conflicts for c in conflict.claims}
    assert all(kinds[s] == AGREED for s in shared - claimed)


def test_summary_marks_follow_outlet_numbers(sample_digest: Digest) -> None:
    view = digest_view(sample_digest, to_dict(sample_digest))
    number = {a.id: n for n, a in enumerate(sample_digest.articles, start=1)}
    for item, source in zip(view.summary, sample_digest.summary, strict=True):
        assert [m.number for m in item.marks] == sorted(number[a] for a in source.cited_articles)
        cited = [c.sentence_id for m in item.marks for c in m.sentences]
        assert sorted(cited) == sorted(source.citations)


def test_summary_items_name_what_other_outlets_dispute(sample_digest: Digest) -> None:
    view = digest_view(sample_digest, to_dict(sample_digest))
    for item, source in zip(view.summary, sample_digest.summary, strict=True):
        assert [d.conflict for d in item.disputes] == [
            c for c, _ in sample_digest.disputes_of(source)
        ]
    page = render("digest.html.j2", view=view, page_title="t", kind="sample", link=None)
    toll = next(c for c in sample_digest.conflicts if c.subject == "death toll")
    # the same words as the Markdown and the HTML report
    assert (
        f'<span class="disputed">(contradiction, <a href="#conflict-{toll.id}">“death toll”</a>: '
        "[5] “Fourteen”; see Where they differ)</span>"
    ) in page


def test_summary_marks_say_what_a_citation_backs(sample_digest: Digest) -> None:
    view = digest_view(sample_digest, to_dict(sample_digest))
    lead = next(item for item in view.summary if item.text.startswith("A dam upstream"))
    partial = [m for m in lead.marks if m.backs_only]
    assert partial and all(m.backs_only[0] == "after days of heavy rain" for m in partial)
    belsar = next(m for m in partial if m.source == "belsar_messenger")
    (cited,) = belsar.sentences
    assert "".join(p.text for p in cited.pieces) == cited.text
    assert [p.text for p in cited.pieces if p.backing] == [
        "after several days of intense rains, has devastated the lower town."
    ]
    page = render("digest.html.j2", view=view, page_title="t", kind="sample", link=None)
    assert 'data-backs="backs only “after days of heavy rain”"' in page
    assert (
        "<mark>after several days of intense rains, has devastated the lower town.</mark>" in page
    )


def test_a_mark_backs_only_clauses_when_none_of_its_sentences_backs_all() -> None:
    from newsweave.web.view import Cited, DigestView, Mark, SummaryItem

    clause = Cited("b-s1", 2, "B", "x", backs_only=["after days of rain"])
    other = Cited("b-s4", 2, "B", "y", backs_only=["killing <b>nine</b>", "after days of rain"])
    whole = Cited("b-s7", 2, "B", "z")
    assert Mark(2, "B", [clause, other]).backs_only == ["after days of rain", "killing <b>nine</b>"]
    assert Mark(2, "B", [clause, whole]).backs_only == []
    item = SummaryItem(0, "t", [Mark(2, "B", [other])], [])
    view = DigestView("t", "o", [item], [], [], [], [], None, [])
    page = render("_summary.html.j2", view=view)
    assert (
        'data-backs="backs only “killing &lt;b&gt;nine&lt;/b&gt;” and “after days of rain”"' in page
    )
    assert "<b>nine" not in page


def test_conflict_values_mark_the_disputed_words(sample_digest: Digest) -> None:
    view = digest_view(sample_digest, to_dict(sample_digest))
    toll = next(c for c in view.conflicts if c.subject == "death toll")
    assert [g.value for g in toll.values] == ["9", "14"]
    assert [c.marked for c in toll.values[1].claims] == ["Fourteen"]
    clauses = {c.span.text for c in sample_digest.conflicts[0].claims}
    assert sample_digest.conflicts[0].subject == "death toll"
    for group in toll.values:
        for claim in group.claims:
            assert claim.before + claim.marked + claim.after in clauses
            assert claim.marked.lower() in ("nine", "fourteen")


def test_moments_read_days_months_years_and_times() -> None:
    day = parse_moment("2025-03-10")
    month = parse_moment("2025-02")
    year = parse_moment("2024")
    time = parse_moment("2025-03-10T06:00")
    assert day is not None and month is not None and year is not None and time is not None
    assert (day.period, month.period, year.period) == (1, 28, 366)
    assert time.day - day.day == pytest.approx(0.25)
    assert parse_moment("yesterday") is None
    assert parse_moment("2025-02-30") is None
    assert parse_moment(None) is None


def test_timeline_places_events_in_date_order() -> None:
    line = timeline(
        [
            event("2025-03-11", "inquiry ordered", inferred=True),
            event("2025-03-10", "dam fails", time="02:00", article_ids=["a", "b"]),
            event("2025-03-01", "rains all month", end="2025-03-31", granularity="month"),
            event(None, "someday"),
            event("2025-03-09", "sirens", end="2025-03-10", also_reported_by=["c"]),
        ],
        {"a": 1, "b": 2, "c": 3},
    )
    assert line is not None and len(line.charts) == 1
    texts = [e.text for e in line.events]
    assert texts == ["rains all month", "sirens", "dam fails", "inquiry ordered", "someday"]
    assert [e.date for e in line.events] == [
        "2025-03",
        "2025-03-09",
        "2025-03-10 02:00",
        "2025-03-11",
        "undated",
    ]
    assert line.events[0].end is None and line.events[1].end == "2025-03-10"
    chart = line.charts[0]
    month, sirens, fails, inquiry = chart.drawn
    assert month.x_end is not None and sirens.x_end is not None
    assert fails.x_end is None and inquiry.x_end is None
    assert month.x < sirens.x < fails.x < inquiry.x < month.x_end
    assert inquiry.inferred and fails.numbers == [1, 2] and sirens.numbers == [1, 3]
    assert [e.y for e in chart.drawn] == sorted(e.y for e in chart.drawn)
    assert all(16 <= t.x <= chart.width - 16 for t in chart.ticks)
    assert [t.label for t in chart.ticks] == ["02 Mar", "09 Mar", "16 Mar", "23 Mar", "30 Mar"]


def test_distant_dates_get_their_own_chart() -> None:
    line = timeline(
        [
            event("1971-01-01", "dam completed", end="1971-12-31", granularity="year"),
            event("2023-03-01", "seepage found", end="2023-03-31", granularity="month"),
            event("2025-03-10", "dam fails"),
            event("2025-03-11", "minister visits"),
            event("2025-03-12", "funerals"),
        ],
        {},
    )
    assert line is not None
    story, background = line.charts
    assert story.title == "The story: 2025-03-10 to 2025-03-12"
    assert [e.text for e in story.drawn] == ["dam fails", "minister visits", "funerals"]
    assert background.title == "Earlier and later: 1971 to 2023-03"
    assert [e.date for e in background.drawn] == ["1971", "2023-03"]
    assert [t.label for t in background.ticks] == ["1980", "1990", "2000", "2010", "2020"]


def test_timeline_of_one_day_uses_hours() -> None:
    line = timeline([event("2025-03-10", "one"), event("2025-03-10", "two")], {})
    assert line is not None
    chart = line.charts[0]
    assert [e.x for e in chart.drawn] == [chart.width / 2] * 2
    assert all(":" in t.label for t in chart.ticks)


def test_no_timeline_when_the_digest_has_none() -> None:
    assert timeline(None, {}) is None
    assert timeline([], {}) is None
    assert timeline([{"date": "2025-01-01"}], {}) is None
    undated = timeline([event(None, "some day")], {})
    assert undated is not None and undated.charts == [] and len(undated.events) == 1


def test_entity_rows_align_mentions_with_outlets() -> None:
    rows = entity_rows(
        [
            {
                "id": "1",
                "name": "Hana Veldt",
                "type": "person",
                "aliases": ["Veldt", "Hana Veldt"],
                "roles": ["Interior Minister"],
                "mentions": {"b": 2, "a": 1},
                "spans": [
                    {"sentence_id": "a-s1"},
                    {"sentence_id": "b-s0"},
                    {"sentence_id": "a-s1"},
                ],
            },
            {"id": "2", "name": "Velmora", "type": "place", "mentions": {"b": 7}},
            {"name": 5},
            "junk",
        ],
        ["a", "b", "c"],
    )
    assert [r.name for r in rows] == ["Hana Veldt", "Velmora"]
    assert rows[0].mentions == [1, 2, 0] and rows[0].total == 3 and rows[0].outlets == 2
    assert rows[0].aliases == ["Veldt"] and rows[0].roles == ["Interior Minister"]
    assert rows[0].sentence_ids == ["a-s1", "b-s0"]
    assert rows[1].mentions == [0, 7, 0] and rows[1].aliases == []
    assert entity_rows(None, ["a"]) == []


def test_page_renders_entities_and_timeline_escaped(sample_digest: Digest) -> None:
    data = to_dict(sample_digest)
    first = sample_digest.articles[0]
    data["timeline"] = [
        event(
            "2025-03-10",
            "dam <b>fails</b>",
            article_ids=[first.id],
            sentence_ids=[first.sentences[0].id],
        ),
        event("2025-03-11", "visit", inferred=True),
    ]
    data["entities"] = [{"id": "e", "name": "<Halmir>", "type": "place", "mentions": {}}]
    page = render(
        "digest.html.j2",
        view=digest_view(sample_digest, data),
        page_title="t",
        kind="sample",
        link=None,
    )
    assert '<svg class="timeline-chart"' in page
    assert "dam &lt;b&gt;fails&lt;/b&gt;" in page and "<b>fails" not in page
    assert f'<a href="#{first.sentences[0].id}" class="event"' in page
    assert "&lt;Halmir&gt;" in page
    assert 'href="#timeline"' in page and 'href="#entities"' in page


@pytest.mark.parametrize(
    ("given", "label"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\story.html", "story.html"),
        ("new\x00s\nfeed.jsonl", "newsfeed.jsonl"),
        ("<script>.txt", "_script_.txt"),
        ("..", "upload-1"),
        (None, "upload-1"),
        ("a" * 300 + ".txt", "a" * 120),
    ],
)
def test_upload_names_become_labels(given: str | None, label: str) -> None:
    assert safe_name(given, "upload-1") == label


def test_inputs_use_the_readers_and_report_what_gives_nothing() -> None:
    inputs = read_inputs(
        [
            PastedArticle('{"title": "T", "text": "Body of the story.", "source": "S"}'),
            PastedArticle("  "),
            PastedArticle("Plain words here.", source="Given", published="2025-01-02"),
        ],
        [
            Upload("page.html", b"<html><body><article><p>" + b"Words. " * 40 + b"</p></article>"),
            Upload("x.bin", b"\x00\x01\x02"),
        ],
    )
    assert [d.format for d in inputs.documents] == ["json", "text", "html"]
    assert [d.source for d in inputs.documents[:2]] == ["S", "Given"]
    assert inputs.documents[1].published == "2025-01-02"
    assert inputs.documents[2].origin == "page.html"
    assert [s.input for s in inputs.skipped] == ["pasted article 2", "x.bin"]


def test_the_cache_forgets_the_least_recently_viewed(sample_digest: Digest) -> None:
    cache = DigestCache(2)
    first, second = cache.add(sample_digest), cache.add(sample_digest)
    assert first != second
    assert cache.get(first) is sample_digest
    third = cache.add(sample_digest)
    assert cache.get(second) is None
    assert cache.get(first) is sample_digest and cache.get(third) is sample_digest
    assert len(cache) == 2


def test_counts_take_the_plural_of_their_noun() -> None:
    from newsweave.web.templating import plural

    assert [plural(1, "story"), plural(20, "story"), plural(2, "article")] == [
        "1 story",
        "20 stories",
        "2 articles",
    ]


def test_a_fact_another_outlet_may_word_is_not_highlighted_as_one_outlets() -> None:
    from newsweave.model import Fact, TextSpan
    from newsweave.web.view import SINGLE

    span = TextSpan("a", "a-s0", 0, 5, "Words")
    other = TextSpan("b", "b-s2", 0, 5, "Words")
    alone = Fact("f1", "Words", "single", ["a"], ["a-s0"], [span])
    compared = Fact("f2", "Words", "single", ["a"], ["a-s1"], [span], alike=[other])
    digest = Digest(articles=[], summary=[], skipped=[], facts=[alone, compared])
    assert sentence_kinds(digest) == {"a-s0": SINGLE}
