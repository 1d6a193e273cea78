"""A fact whose clause leans on its sentence is shown in that sentence, its words marked."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import newsweave
from newsweave.model import Digest, Fact
from newsweave.report.fact_wording import fact_pieces

BRIDGE = (
    "The old stone bridge over the river was swept away, "
    "leaving the eastern half of the village reachable only by boat.\n\n"
    "As the mayor and the governor meet in the capital, "
    "the army will build a temporary crossing downstream.\n\n"
    "“The water came faster than we thought,” a firefighter said, "
    "speaking on condition of anonymity.\n\n"
    "The school will stay closed until the end of the month."
)


def _fact(digest: Digest, words: str) -> Fact:
    return next(f for f in digest.facts if f.text.startswith(words))


@pytest.fixture(scope="module")
def bridge(digest_of: Callable[..., Digest]) -> Digest:
    return digest_of(BRIDGE)


def test_a_continuing_clause_is_shown_in_its_sentence_with_its_words_marked(
    bridge: Digest,
) -> None:
    fact = _fact(bridge, "leaving the eastern half")
    pieces = fact_pieces(bridge, fact)
    assert [(p.text, p.backing) for p in pieces] == [
        ("The old stone bridge over the river was swept away, ", False),
        ("leaving the eastern half of the village reachable only by boat.", True),
    ]
    assert "".join(p.text for p in pieces) == bridge.sentence(fact.sentence_ids[0]).text


def test_a_clause_after_a_quotation_shows_the_quotation(bridge: Digest) -> None:
    pieces = fact_pieces(bridge, _fact(bridge, "speaking on condition"))
    assert pieces[0].text.startswith("“The water came faster")
    assert pieces[-1] == pieces[-1].__class__("speaking on condition of anonymity.", True)


def test_a_leading_subordinate_clause_and_its_main_clause_are_shown_together(
    bridge: Digest,
) -> None:
    pieces = fact_pieces(bridge, _fact(bridge, "As the mayor and the governor"))
    assert [p.backing for p in pieces] == [True, False]
    assert pieces[1].text.startswith(", the army will build")
    # the main clause opens lower-case after the comma: its sentence is shown as well
    pieces = fact_pieces(bridge, _fact(bridge, "the army will build"))
    assert [p.backing for p in pieces] == [False, True]


def test_a_clause_that_stands_alone_or_a_whole_sentence_is_shown_alone(bridge: Digest) -> None:
    for words in ("The old stone bridge", "The school will stay"):
        fact = _fact(bridge, words)
        assert [(p.text, p.backing) for p in fact_pieces(bridge, fact)] == [(fact.text, False)]


def test_reports_show_the_sentence_with_the_fact_marked(sample_digest: Digest) -> None:
    markdown = newsweave.render(sample_digest, "md")
    html = newsweave.render(sample_digest, "html")
    # Arclight's own fact, a clause that goes on from the bridge swept away
    assert (
        "- “The main road bridge across the Arvel was swept away, "
        "**leaving the eastern half of the town reachable only by boat.**”"
    ) in markdown
    assert (
        "“The main road bridge across the Arvel was swept away, "
        "<mark>leaving the eastern half of the town reachable only by boat.</mark>”"
    ) in html
    assert "- “leaving the eastern half" not in markdown
