"""Citations through fact groups: only clauses alike in themselves, saying the same thing."""

from __future__ import annotations

import numpy as np

from newsweave.align import Alignment
from newsweave.clauses import Clause
from newsweave.fact_citations import disputed_sentences, supporting_sentences_by_fact


def alignment(texts: list[str], groups: list[list[int]], score: float = 0.6) -> Alignment:
    """Clause k is sentence s{k} of article a{k}; every pair of clauses scores `score`."""
    clauses = [Clause(f"s{k}", f"a{k}", text, 0, len(text)) for k, text in enumerate(texts)]
    scores = np.full((len(texts), len(texts)), score, dtype=np.float32)
    return Alignment(clauses, [[] for _ in texts], scores, groups)


def cited_by_fact(alignment: Alignment) -> dict[str, list[str]]:
    """Each sentence's cited sentences, without the clauses that back them."""
    return {s: list(cited) for s, cited in supporting_sentences_by_fact(alignment).items()}


def test_clauses_of_one_group_alike_in_themselves_cite_each_other() -> None:
    found = cited_by_fact(
        alignment(["The dam gave way early on Monday", "The dam collapsed on Monday"], [[0, 1]])
    )
    assert found == {"s0": ["s1"], "s1": ["s0"]}


def test_a_link_below_the_threshold_is_no_citation() -> None:
    texts = ["The dam gave way early on Monday", "The dam collapsed on Monday"]
    assert cited_by_fact(alignment(texts, [[0, 1]], score=0.35)) == {
        "s0": [],
        "s1": [],
    }


def test_other_numbers_or_times_are_no_support() -> None:
    stages = [
        "Vinokourov has won stage 13 of the 2007 Tour",
        "Vinokourov won stage 15 of the 2007 Tour",
    ]
    assert cited_by_fact(alignment(stages, [[0, 1]])) == {"s0": [], "s1": []}
    quakes = ["An aftershock of magnitude 5.8 struck", "The aftershock measured 6.6"]
    assert cited_by_fact(alignment(quakes, [[0, 1]])) == {"s0": [], "s1": []}
    days = ["The minister arrived in Velmora on Tuesday", "The minister arrived in Velmora in June"]
    assert cited_by_fact(alignment(days, [[0, 1]])) == {"s0": [], "s1": []}
    shared = ["Rescuers saved 40 people on Tuesday", "On Tuesday 40 people were saved"]
    assert cited_by_fact(alignment(shared, [[0, 1]])) == {
        "s0": ["s1"],
        "s1": ["s0"],
    }


def test_a_clause_of_the_storys_common_words_cites_nothing() -> None:
    # four articles all about the Abu Ghraib prison scandal: "after the Abu Ghraib prison
    # scandal" says nothing the others do not, so it neither cites nor is cited
    texts = [
        "after the Abu Ghraib prison scandal",
        "Nine soldiers were found guilty over the Abu Ghraib prison scandal",
        "The Abu Ghraib prison scandal led the army to review its interrogation rules",
        "Photographs of the Abu Ghraib prison scandal were published by Salon",
    ]
    found = cited_by_fact(alignment(texts, [[0, 1]]))
    assert found == {"s0": [], "s1": []}
    # the same clauses in a story of two articles: too few to tell which words are common
    found = cited_by_fact(alignment(texts[:2], [[0, 1]]))
    assert found == {"s0": ["s1"], "s1": ["s0"]}


def test_disputed_pairs_never_cite_each_other() -> None:
    texts = ["Police said 12 people died in the fire", "Officials said 15 people died in the fire"]
    disputes = alignment(texts, [[0, 1]])
    disputes.different_amounts.append((0, 1))
    assert disputed_sentences(disputes) == {frozenset({"s0", "s1"})}
    assert cited_by_fact(disputes) == {"s0": [], "s1": []}


def test_each_citation_names_the_clauses_that_state_the_fact() -> None:
    # sentence s0 has two clauses; only its second states what s1 states
    text = "The mayor praised the volunteers, after the dam gave way early on Monday"
    cut = text.index("after")
    clauses = [
        Clause("s0", "a0", text[:cut].rstrip(", "), 0, cut - 2),
        Clause("s0", "a0", text[cut:], cut, len(text)),
        Clause("s1", "a1", "The dam collapsed early on Monday", 0, 33),
    ]
    scores = np.full((3, 3), 0.6, dtype=np.float32)
    found = supporting_sentences_by_fact(Alignment(clauses, [[], [], []], scores, [[0], [1, 2]]))
    ((claim, evidence),) = found["s0"]["s1"]
    assert claim.text == "after the dam gave way early on Monday" and claim.start == cut
    assert evidence.text == "The dam collapsed early on Monday" and evidence.sentence_id == "s1"
    ((back, _),) = found["s1"]["s0"]
    assert back.text == "The dam collapsed early on Monday"
