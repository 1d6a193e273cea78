"""The online clusterer, the dedup index and the name signal, on hand-made inputs."""

from __future__ import annotations

import numpy as np
import pytest

from newsweave.stream.clustering import ClusterOptions, StoryClusterer, story_id
from newsweave.stream.dedup import DuplicateIndex
from newsweave.stream.entities import article_names, name_keys
from newsweave.stream.prepare import minhash_signature


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_articles_join_the_closest_story_or_open_one() -> None:
    clusterer = StoryClusterer(ClusterOptions(threshold=0.5, name_weight=0.0))
    first = clusterer.assign("a1", unit(1, 0, 0), ("Velmora",), 100, "Dam bursts", 1)
    assert first == story_id("a1")
    assert clusterer.assign("a2", unit(0.9, 0.1, 0), ("Velmora",), 101, "t", 2) == first
    other = clusterer.assign("a3", unit(0, 1, 0), ("Ostrava",), 101, "Strike", 3)
    assert other == story_id("a3") != first
    assert clusterer.stories[first].size == 2
    assert clusterer.stories[first].names["Velmora"] == 2


def test_different_names_keep_alike_articles_apart() -> None:
    clusterer = StoryClusterer(ClusterOptions(threshold=0.3, min_overlap=0.1))
    flood = clusterer.assign("a1", unit(1, 0.1), ("Velmora", "Hana Veldt"), 100, "Flood", 1)
    same = clusterer.assign("a2", unit(1, 0.12), ("Velmora",), 100, "Flood", 2)
    elsewhere = clusterer.assign("a3", unit(1, 0.11), ("Ostrava", "Elin Marsk"), 100, "Flood", 3)
    assert same == flood != elsewhere


def test_stories_go_quiet_after_the_window() -> None:
    clusterer = StoryClusterer(ClusterOptions(threshold=0.5, name_weight=0.0, window_days=5))
    first = clusterer.assign("a1", unit(1, 0), (), 100, "t", 1)
    clusterer.clock = 100
    assert clusterer.assign("a2", unit(1, 0), (), 104, "t", 2) == first
    clusterer.clock = 120
    later = clusterer.assign("a3", unit(1, 0), (), 120, "t", 3)
    assert later != first
    clusterer.changed.clear()
    assert clusterer.forget_quiet() == [first]


def test_a_follow_up_revives_a_quiet_story_that_shares_its_names() -> None:
    clusterer = StoryClusterer(ClusterOptions(window_days=30))
    names = ("Velmora", "Hana Veldt", "Halmir Dam")
    dam = clusterer.assign("a1", unit(1, 0.1, 0), names, 100, "Dam bursts", 1)
    clusterer.clock = 300
    # months later: the inquiry's report, naming the same dam and minister
    report = clusterer.assign("a2", unit(0.9, 0.2, 0.1), names[1:], 300, "Report", 2)
    assert report == dam and clusterer.stories[dam].last_day == 300
    # alike, but about other people and places: a new story
    other = clusterer.assign("a3", unit(0.9, 0.2, 0.1), ("Ostrava", "Elin Marsk"), 400, "t", 3)
    assert other == story_id("a3")
    # an article that arrives late, before its story, precedes it
    early = StoryClusterer(ClusterOptions(window_days=30))
    later = early.assign("b1", unit(0, 1, 0), ("Kessin", "Ilse Marek"), 500, "Trial", 1)
    early.clock = 500
    assert early.assign("b2", unit(0, 1, 0.1), ("Kessin", "Ilse Marek"), 200, "t", 2) == later


def test_a_follow_up_needs_a_stronger_match_than_an_active_story() -> None:
    options = ClusterOptions(window_days=30, follow_up_threshold=0.8)
    clusterer = StoryClusterer(options)
    first = clusterer.assign("a1", unit(1, 1), ("Velmora",), 100, "t", 1)
    assert clusterer.assign("a2", unit(1, 0), ("Velmora",), 110, "t", 2) == first  # active
    clusterer = StoryClusterer(options)
    first = clusterer.assign("a1", unit(1, 1), ("Velmora",), 100, "t", 1)
    clusterer.clock = 300
    assert clusterer.assign("a2", unit(1, 0), ("Velmora",), 300, "t", 2) != first  # quiet


def test_recheck_merges_stories_that_turn_out_to_be_one() -> None:
    options = ClusterOptions(threshold=0.95, name_weight=0.0, merge_threshold=0.9)
    clusterer = StoryClusterer(options)
    one = clusterer.assign("a1", unit(1, 0.3), ("Velmora",), 100, "t", 1)
    two = clusterer.assign("a2", unit(1, -0.3), ("Velmora",), 100, "t", 2)
    assert one != two
    clusterer.assign("a3", unit(1, 0), ("Velmora",), 100, "t", 3)
    merges = clusterer.recheck(100)
    assert [(m.merged, m.into) for m in merges] == [(two, one)]
    assert clusterer.stories[one].size == 3 and two not in clusterer.stories


def test_a_story_holds_articles_of_one_language() -> None:
    options = ClusterOptions(threshold=0.5, name_weight=0.0, merge_threshold=0.9)
    clusterer = StoryClusterer(options)
    english = clusterer.assign("a1", unit(1, 0), ("Velmora",), 100, "t", 1, "en")
    french = clusterer.assign("a2", unit(1, 0), ("Velmora",), 100, "t", 2, "fr")
    assert english != french
    assert clusterer.assign("a3", unit(1, 0.01), ("Velmora",), 100, "t", 3, "fr") == french
    assert clusterer.recheck(100) == []  # alike, but two languages: never merged
    assert clusterer.stories[french].language == "fr"
    # a story whose language is unknown (a store made before, or opened by a headline of
    # names) takes the first language that joins it, and then only that one
    clusterer.stories[english].language = None
    clusterer._index(clusterer.stories[english])
    assert clusterer.assign("a4", unit(1, 0), ("Velmora",), 100, "t", 4, "de") == english
    assert clusterer.stories[english].language == "de"
    assert clusterer.assign("a5", unit(1, 0), ("Velmora",), 100, "t", 5, "en") != english


TEXT = (
    "Crews in the port of Ostrava Nova worked through the night to repair the sea wall "
    "after a storm surge flooded the harbour district, harbour master Elin Marsk said. "
    "About 300 residents spent the night in a school gym, and the ferry to the islands was "
    "suspended. Marsk said engineers would inspect the wall again at low tide before any "
    "boats were allowed back into the inner basin of the old port."
)


def test_dedup_links_copies_within_the_window_only() -> None:
    index = DuplicateIndex(threshold=0.6, window_days=10)
    index.add("orig", minhash_signature(TEXT), day=100, seq=1)
    index.advance(100)
    edited = TEXT.replace("About 300", "Nearly 300") + " This story was first published by X."
    match = index.find(minhash_signature(edited))
    assert match is not None and match.original == "orig" and match.kind == "near"
    other = "Marsk told reporters the storm surge in Ostrava Nova had been the worst in years."
    assert index.find(minhash_signature(other)) is None
    index.advance(111)
    assert index.find(minhash_signature(edited)) is None
    assert len(index) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Interior Minister Hana Veldt said the Bank of England agreed.",
            ["Interior Minister Hana Veldt", "Bank of England"],
        ),
        ("The dam burst on Monday. Velmora was flooded.", []),
        ("Officials in Velmora said Velmora was flooded.", ["Velmora"]),
    ],
)
def test_article_names(text: str, expected: list[str]) -> None:
    assert article_names(text) == expected


def test_name_keys_skip_kinds_of_names() -> None:
    assert name_keys(["Interior Minister Hana Veldt", "Bank of England"]) == {
        "interior",
        "hana",
        "veldt",
        "england",
    }


def test_an_article_whose_story_is_merged_on_arrival_gets_the_surviving_story() -> None:
    options = ClusterOptions(threshold=0.95, name_weight=0.0, merge_threshold=0.8, recheck_every=3)
    clusterer = StoryClusterer(options)
    one = clusterer.assign("a1", unit(1, 0.3), ("Velmora",), 100, "t", 1)
    two = clusterer.assign("a2", unit(1, -0.3), ("Velmora",), 100, "t", 2)
    joined = clusterer.assign("a3", unit(1, -0.29), ("Velmora",), 100, "t", 3)
    assert [(m.merged, m.into) for m in clusterer.merges] == [(two, one)]
    assert joined == one


def test_most_alike_is_the_head_of_a_stable_sort() -> None:
    from newsweave.stream.clustering import _most_alike

    rng = np.random.default_rng(5)
    for size in (0, 1, 5, 10, 11, 40, 300):
        # few distinct values, so many ties straddle the cut
        values = rng.integers(0, 6, size).astype(np.float64) / 5
        expected = np.argsort(-values, kind="stable")[:10]
        assert _most_alike(values, 10).tolist() == expected.tolist(), size
        values[::7] = np.nan  # an embedder that failed: still what a full sort gives
        expected = np.argsort(-values, kind="stable")[:10]
        assert _most_alike(values, 10).tolist() == expected.tolist(), size


def test_article_ids_collapse_every_kind_of_whitespace_as_before() -> None:
    import re
    import sys

    from newsweave.stream.prepare import normalised

    # ids stored by earlier versions were made with a regular expression's \s: the faster
    # split must treat exactly the same characters as whitespace
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c))]
    text = "  Dam " + "x".join(spaces) + " FAILS\u00a0\u00a0again \n"
    assert normalised(text) == re.sub(r"\s+", " ", text).strip().casefold()
    assert all(ch.isspace() for ch in spaces) and len(spaces) == sum(
        chr(c).isspace() for c in range(sys.maxunicode + 1)
    )


def test_month_day_and_clock_abbreviations_are_no_names() -> None:
    text = "The blast hit at 8.50 BST on Jan 7. Police in Velmora said AM trains ran on Tue."
    assert article_names(text) == ["Velmora"]
