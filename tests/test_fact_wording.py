"""A fact whose clause leans on its sentence is shown in that sentence, its words marked."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import newsweave
from newsweave.model import Digest, Fact
from newsweave.report.citation_scopes import CitedPiece
from newsweave.report.fact_wording import fact_wording, own_wordings

BRIDGE = (
    "The old stone bridge over the river was swept away, "
    "leaving the eastern half of the village reachable only by boat.\n\n"
    "As the mayor and the governor meet in the capital, "
    "the army will build a temporary crossing downstream.\n\n"
    "“The water came faster than we thought,” a firefighter said, "
    "speaking on condition of anonymity.\n\n"
    "2,000 residents were moved to the school gym, which has beds for 500 people.\n\n"
    "They have not been seen since the flood, when the river burst its banks.\n\n"
    "The school will stay closed until the end of the month."
)


def _fact(digest: Digest, words: str) -> Fact:
    return next(f for f in digest.facts if f.text.startswith(words))


def _pieces(digest: Digest, words: str) -> list[tuple[str, bool]]:
    return [(p.text, p.backing) for p in fact_wording(digest, _fact(digest, words)).pieces]


@pytest.fixture(scope="module")
def bridge(digest_of: Callable[..., Digest]) -> Digest:
    return digest_of(BRIDGE)


def test_a_continuing_clause_is_shown_in_its_sentence_with_its_words_marked(
    bridge: Digest,
) -> None:
    assert _pieces(bridge, "leaving the eastern half") == [
        ("The old stone bridge over the river was swept away, ", False),
        ("leaving the eastern half of the village reachable only by boat.", True),
    ]


def test_a_clause_after_a_quotation_shows_the_quotation(bridge: Digest) -> None:
    wording = fact_wording(bridge, _fact(bridge, "speaking on condition"))
    assert wording.pieces[0].text.startswith("“The water came faster")
    assert wording.pieces[-1] == CitedPiece("speaking on condition of anonymity.", True)
    assert not wording.quoted  # it opens with a quotation mark of its own


def test_a_leading_subordinate_clause_and_its_main_clause_are_shown_together(
    bridge: Digest,
) -> None:
    pieces = _pieces(bridge, "As the mayor and the governor")
    assert [backing for _, backing in pieces] == [True, False]
    assert pieces[1][0].startswith(", the army will build")
    # the main clause opens lower-case after the comma: its sentence is shown as well
    assert [backing for _, backing in _pieces(bridge, "the army will build")] == [False, True]


def test_clauses_that_stand_alone_are_shown_alone(bridge: Digest) -> None:
    # a capital, a figure, or a pronoun the sentence itself would not resolve
    for words in ("The old stone bridge", "2,000 residents", "They have not been seen"):
        fact = _fact(bridge, words)
        assert _pieces(bridge, words) == [(fact.text, False)]
    whole = _fact(bridge, "The school will stay")
    assert _pieces(bridge, "The school will stay") == [(whole.text, False)]


def test_an_outlets_facts_of_one_sentence_are_one_item(bridge: Digest) -> None:
    wordings = own_wordings(bridge, bridge.only_in(bridge.articles[0].id))
    texts = ["".join(p.text for p in w.pieces) for w in wordings]
    assert len(texts) == len(set(texts))  # no sentence twice
    (bridge_item,) = [w for w in wordings if "stone bridge" in w.pieces[0].text]
    # its two clauses make the whole sentence: shown once, nothing marked
    assert [f.text[:12] for f in bridge_item.facts] == ["The old ston", "leaving the "]
    assert bridge_item.pieces == [
        CitedPiece(bridge.sentence(bridge_item.facts[0].sentence_ids[0]).text, False)
    ]


def test_an_outlets_facts_apart_in_one_sentence_are_two_marked_runs(
    digest_of: Callable[..., Digest],
) -> None:
    digest = digest_of(
        "The old bridge over the river was swept away on Monday, and the village school was "
        "closed by the mayor, and the weekly market will reopen on Friday.\n",
        "The village school was closed by the mayor after the flood.\n",
    )
    (item,) = own_wordings(digest, digest.only_in(digest.articles[0].id))
    assert [(p.text, p.backing) for p in item.pieces] == [
        ("The old bridge over the river was swept away on Monday", True),
        (", and the village school was closed by the mayor, ", False),
        ("and the weekly market will reopen on Friday.", True),
    ]


def test_reports_show_the_sentence_with_the_fact_marked(sample_digest: Digest) -> None:
    markdown = newsweave.render(sample_digest, "md")
    html = newsweave.render(sample_digest, "html")
    # Arclight's own fact, a clause that goes on from the bridge swept away (agreed)
    assert (
        "- “The main road bridge across the Arvel was swept away, "
        "**leaving the eastern half of the town reachable only by boat.**”"
    ) in markdown
    assert (
        "“The main road bridge across the Arvel was swept away, "
        "<mark>leaving the eastern half of the town reachable only by boat.</mark>”"
    ) in html
    assert "- “leaving the eastern half" not in markdown
    # Belsar's two clauses of one sentence: one item, one marked run
    only_in = markdown.split("## Only in [2]")[1].split("\n## ")[0]
    assert only_in.count("The toll remains heavy in Velmora, in neighbouring Orvenia") == 1
    assert (
        "- “**The toll remains heavy in Velmora, in neighbouring Orvenia, where the rupture"
    ) in only_in


def test_marked_article_text_stays_text(digest_of: Callable[..., Digest]) -> None:
    digest = digest_of(
        "The <b>old</b> bridge was swept away, leaving *the village* cut off by <script>.\n",
        "The old bridge was swept away on Monday morning.\n",
    )
    html = newsweave.render(digest, "html")
    markdown = newsweave.render(digest, "md")
    assert "<mark>leaving *the village* cut off by &lt;script&gt;.</mark>" in html
    assert "<b>old</b>" not in html and "<script>" not in html
    assert "**leaving \\*the village\\* cut off by &lt;script&gt;.**" in markdown


def test_an_items_clauses_to_compare_are_named_once() -> None:
    from newsweave.model import TextSpan
    from newsweave.report.fact_wording import Wording

    other = TextSpan("b", "b-s0", 0, 20, "the bridge gave way")
    facts = [
        Fact(f"f{k}", text, "single", ["a"], ["a-s0"], [TextSpan("a", "a-s0", 0, 9, text)],
             alike=[other])
        for k, text in enumerate(("one thing", "two thing"))
    ]  # fmt: skip
    assert Wording(facts, [CitedPiece("one thing, two thing", False)]).alike == [other]


def test_a_timeline_entrys_clause_is_worded_as_a_facts(sample_digest: Digest) -> None:
    from newsweave.report.fact_wording import clause_wording

    (debate,) = [e for e in sample_digest.timeline if e.text.startswith("and parliament")]
    wording = clause_wording(sample_digest, debate.sentence_ids[0], debate.text)
    assert [(p.text, p.backing) for p in wording.pieces] == [
        ("The investigators will report in April, ", False),
        ("and parliament will debate the collapse this week.", True),
    ]
    markdown = newsweave.render(sample_digest, "md")
    assert (
        "— “The investigators will report in April, **and parliament will debate the "
        "collapse this week.**” [3]: “this week”"
    ) in markdown
