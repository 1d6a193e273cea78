"""Who did it: one act credited to different people by different outlets."""

from __future__ import annotations

from pathlib import Path

import newsweave
from newsweave.clauses import Clause
from newsweave.model import Conflict, Digest


def _of_kind(digest: Digest, kind: str) -> list[Conflict]:
    return [c for c in digest.conflicts if c.kind == kind]


def _digest(tmp_path: Path, bodies: dict[str, str]) -> Digest:
    for name, body in bodies.items():
        (tmp_path / name).write_text(f"Harbour news\n\n{body}\n", encoding="utf-8")
    return newsweave.digest([tmp_path], options=newsweave.DigestOptions(ner="rules"))


def test_sample_evacuation_order_is_credited_to_two_people(sample_digest: Digest) -> None:
    (conflict,) = _of_kind(sample_digest, "participant")
    assert conflict.subject == "who ordered the evacuation of the Quay district"
    assert conflict.judgment == "tension"
    values = {
        sample_digest.article(c.article_id).origin.rsplit("/", 1)[-1]: c.value
        for c in conflict.claims
    }
    assert values == {"velmora_courier.txt": "Anselm Dravec", "kestrel24.txt": "Hana Veldt"}
    for claim in conflict.claims:
        text = sample_digest.article(claim.article_id).text
        assert text[claim.start : claim.end] == claim.text
        assert claim.span.start <= claim.start < claim.end <= claim.span.end


def test_no_fact_or_citation_joins_the_two_accounts(sample_digest: Digest) -> None:
    (conflict,) = _of_kind(sample_digest, "participant")
    first, second = (claim.sentence_id for claim in conflict.claims)
    for fact in sample_digest.facts:
        assert not {first, second} <= set(fact.sentence_ids)
    for sentence in sample_digest.summary:
        assert not {first, second} <= {sentence.sentence_id, *sentence.citations}


def test_active_and_passive_doers_differ(tmp_path: Path) -> None:
    digest = _digest(
        tmp_path,
        {
            "a.txt": "Police chief Mara Olsen ordered the closure of the harbour bridge on "
            "Friday.\n\nTraffic was sent through the old town.",
            "b.txt": "The closure of the harbour bridge on Friday was ordered by Mayor "
            "Tomas Berg.\n\nFerries ran every ten minutes instead.",
        },
    )
    (conflict,) = _of_kind(digest, "participant")
    assert sorted(c.value for c in conflict.claims) == ["Mara Olsen", "Tomas Berg"]
    assert sorted(c.text for c in conflict.claims) == ["Mara Olsen", "Tomas Berg"]
    assert conflict.subject == "who ordered the closure of the harbour bridge on Friday"


def test_no_conflict_when_both_doers_are_named_or_one_person_is_spelled_twice(
    tmp_path: Path,
) -> None:
    digest = _digest(
        tmp_path,
        {
            "a.txt": "Mayor Tomas Berg ordered the closure of the harbour bridge on Friday."
            "\n\nTraffic was sent through the old town.",
            # both people named: a joint act, not a disagreement
            "b.txt": "Mayor Tomas Berg and police chief Mara Olsen ordered the closure of "
            "the harbour bridge on Friday.\n\nFerries ran every ten minutes instead.",
            # the same person by surname
            "c.txt": "Berg ordered the closure of the harbour bridge on Friday, officials "
            "said.\n\nShops on the quay stayed shut.",
        },
    )
    assert _of_kind(digest, "participant") == []


def test_people_named_as_objects_are_not_doers(tmp_path: Path) -> None:
    digest = _digest(
        tmp_path,
        {
            "a.txt": "The court sentenced Charles Graner to ten years in prison on Saturday."
            "\n\nHis lawyer said he would appeal.",
            "b.txt": "The court sentenced Santos Cardona to ten years in prison on Saturday."
            "\n\nThe hearing lasted two days.",
        },
    )
    assert _of_kind(digest, "participant") == []


def test_one_meeting_placed_in_two_cities(tmp_path: Path) -> None:
    digest = _digest(
        tmp_path,
        {
            "a.txt": "The foreign ministers of the two countries met in Berlin on Thursday to "
            "discuss the ceasefire.\n\nNo statement followed.",
            "b.txt": "The foreign ministers of the two countries met in Vienna on Thursday to "
            "discuss the ceasefire.\n\nThe talks lasted four hours.",
        },
    )
    (conflict,) = _of_kind(digest, "place")
    assert sorted(c.value for c in conflict.claims) == ["Berlin", "Vienna"]
    assert conflict.subject == (
        "where: The foreign ministers of the two countries met on Thursday to discuss the ceasefire"
    )
    for claim in conflict.claims:
        assert digest.article(claim.article_id).text[claim.start : claim.end] == claim.text
    first, second = (claim.sentence_id for claim in conflict.claims)
    assert not any({first, second} <= set(f.sentence_ids) for f in digest.facts)


def test_no_place_conflict_for_a_country_and_its_city_or_both_cities_named(
    tmp_path: Path,
) -> None:
    digest = _digest(
        tmp_path,
        {
            "a.txt": "The foreign ministers of the two countries met in Berlin on Thursday to "
            "discuss the ceasefire.\n\nNo statement followed.",
            # a country holds the city
            "b.txt": "The foreign ministers of the two countries met in Germany on "
            "Thursday to discuss the ceasefire.\n\nThe talks lasted four hours.",
            # both cities named: a move, not a disagreement
            "c.txt": "The foreign ministers of the two countries met in Vienna on Thursday to "
            "discuss the ceasefire, after a first round in Berlin.\n\nShops stayed shut.",
        },
    )
    assert _of_kind(digest, "place") == []


def test_no_place_conflict_for_places_that_may_hold_each_other(tmp_path: Path) -> None:
    # a district and its city, a province and its city: no gazetteer here tells which
    # holds which, so only national capitals are compared
    for first, second in (("London", "Westminster"), ("Toronto", "Ontario")):
        folder = tmp_path / first
        folder.mkdir()
        digest = _digest(
            folder,
            {
                "a.txt": f"The party leaders met in {first} on Thursday to agree a budget."
                "\n\nNo statement followed.",
                "b.txt": f"The party leaders met in {second} on Thursday to agree a budget."
                "\n\nThe talks lasted four hours.",
            },
        )
        assert _of_kind(digest, "place") == []


def test_other_outlets_do_not_join_two_figures_into_one_fact(tmp_path: Path) -> None:
    # six alike sentences; two give the toll as nine and fourteen: however alike the rest,
    # no fact holds both, and neither is cited for the other
    victims = ["nine people", "fourteen people", "many people", "residents", "villagers"]
    digest = _digest(
        tmp_path,
        {
            f"{n}.txt": f"The collapse of the Velmora dam killed {who} on Tuesday night.\n\n"
            f"Other news number {n} about the region."
            for n, who in enumerate([*victims, "several"])
        },
    )
    nine = next(s for a in digest.articles for s in a.sentences if "nine people" in s.text)
    fourteen = next(s for a in digest.articles for s in a.sentences if "fourteen people" in s.text)
    assert [c.kind for c in digest.conflicts] == ["number"]
    for fact in digest.facts:
        assert not {nine.id, fourteen.id} <= set(fact.sentence_ids)
    for sentence in digest.summary:  # "killed several" may cite both; they never each other
        if sentence.sentence_id in (nine.id, fourteen.id):
            assert not {nine.id, fourteen.id} <= {sentence.sentence_id, *sentence.citations}


FOUR_DOERS = ["Mayor Anselm Dravec", "Interior Minister Hana Veldt", "Officials", "Authorities"]


def _four_outlets(tmp_path: Path) -> Digest:
    """Four outlets: two name the mayor and the minister, two say "officials" and
    "authorities", all in the same words."""
    return _digest(
        tmp_path,
        {
            f"{n}.txt": f"{who} ordered the evacuation of the Quay district on Tuesday.\n\n"
            f"Other item {n} about the weather."
            for n, who in enumerate(FOUR_DOERS)
        },
    )


def test_more_outlets_do_not_join_two_doers_into_one_fact(tmp_path: Path) -> None:
    # the pair is less alike among four articles, but still never one fact
    digest = _four_outlets(tmp_path)
    mayor, minister = (
        next(s for a in digest.articles for s in a.sentences if who in s.text)
        for who in FOUR_DOERS[:2]
    )
    for fact in digest.facts:
        assert not {mayor.id, minister.id} <= set(fact.sentence_ids)
    for sentence in digest.summary:
        if sentence.sentence_id in (mayor.id, minister.id):
            assert not {mayor.id, minister.id} <= {sentence.sentence_id, *sentence.citations}


def test_one_act_in_the_same_words_is_a_conflict_among_many_outlets(tmp_path: Path) -> None:
    # among four outlets the mayor's and the minister's clauses are alike at only 0.54
    # (their shared words are everywhere), yet they say the same thing of two people
    (conflict,) = _of_kind(_four_outlets(tmp_path), "participant")
    assert sorted(c.value for c in conflict.claims) == ["Anselm Dravec", "Hana Veldt"]
    assert conflict.subject == "who ordered the evacuation of the Quay district on Tuesday"


def _one_act(first: str, first_doer: str, second: str, second_doer: str) -> bool:
    """`one_act` on two bare clauses, each doer given as it is written in its clause."""
    from newsweave.doers import Mention, one_act
    from newsweave.model import Entity

    def parts(text: str, doer: str) -> tuple[Clause, Mention]:
        start = text.index(doer)
        entity = Entity(doer, doer, "person", [], [], {}, [])
        return Clause("s", "a", text, 0, len(text)), Mention(entity, start, start + len(doer))

    return one_act(*parts(first, first_doer), *parts(second, second_doer))


def test_one_act_needs_the_same_words_and_the_same_other_names() -> None:
    assert _one_act(
        "It was Mayor Anselm Dravec who ordered the evacuation of the Quay district.",
        "Anselm Dravec",
        "The evacuation of the Quay district was ordered by Interior Minister Hana Veldt.",
        "Hana Veldt",
    )
    assert _one_act(
        "The mayor ordered the evacuation of the lower town.",
        "The mayor",
        "The minister ordered the evacuation of the lower town, officials said.",
        "The minister",
    )
    assert not _one_act(
        "Cardona faced up to three years in prison.",
        "Cardona",
        "Jordan is the only officer charged.",
        "Jordan",
    )
    assert not _one_act(  # one word in common is not one act
        "Veldt visited a school used as a shelter.",
        "Veldt",
        "Dravec visited the flooded market.",
        "Dravec",
    )
    # the same generic words about different places, countries or days: two acts
    for first, first_doer, second, second_doer in [
        ("Joe Biden announced new sanctions on Russia on Monday.", "Joe Biden",
         "Rishi Sunak announced new sanctions on Iran on Monday.", "Rishi Sunak"),
        ("Carlos Alcaraz won the men's singles final at Wimbledon on Sunday.", "Carlos Alcaraz",
         "Iga Swiatek won the women's singles final at Roland Garros on Saturday.",
         "Iga Swiatek"),
        ("Antony Blinken held talks with Chinese officials in Beijing.", "Antony Blinken",
         "Annalena Baerbock held talks with Indian officials in Delhi.", "Annalena Baerbock"),
    ]:  # fmt: skip
        assert not _one_act(first, first_doer, second, second_doer), first


def test_different_acts_in_generic_words_are_no_conflict(tmp_path: Path) -> None:
    digest = _digest(
        tmp_path,
        {
            "a.txt": "Joe Biden announced new sanctions on Russia on Monday.\n\n"
            "The weather stayed mild across the region.",
            "b.txt": "Rishi Sunak announced new sanctions on Iran on Monday.\n\n"
            "Markets were calm in early trading.",
        },
    )
    assert _of_kind(digest, "participant") == []


def test_a_person_named_only_as_an_object_keeps_two_doers_apart_without_a_dispute() -> None:
    import numpy as np

    from newsweave.doers import different_doers
    from newsweave.model import Document, Entity
    from newsweave.pipeline import build_articles

    texts = [
        "On Sunday, Mayor Tomas Berg phoned Governor Ana Diaz and other officials.",
        "Governor Ana Diaz will meet Minister Karl Ost in the capital.",
        "Mayor Tomas Berg met Governor Ana Diaz in the capital.",
        "Governor Ana Diaz received Mayor Tomas Berg in the capital.",
    ]
    documents = [
        Document(origin=f"{n}.txt", format="text", body=text, source=f"Outlet {n}")
        for n, text in enumerate(texts)
    ]
    articles, _ = build_articles(documents)
    clauses = [Clause(a.sentences[0].id, a.id, a.text, 0, len(a.text)) for a in articles]
    people = [
        Entity(name, name, "person", [], [], {}, [])
        for name in ("Tomas Berg", "Ana Diaz", "Karl Ost")
    ]
    alike = np.ones((4, 4), dtype=np.float32)
    pairs = different_doers(articles, clauses, alike, people)
    assert [pairs.doers[i].entity.name for i in range(4)] == [
        "Tomas Berg", "Ana Diaz", "Tomas Berg", "Ana Diaz",
    ]  # fmt: skip
    # "phoned ... Ana Diaz" does not make Berg's calls her meeting: apart, but no dispute;
    # "Berg met Diaz" and "Diaz received Berg" name each other: one act
    assert (0, 1) in pairs.one_sided and (0, 1) not in pairs.disputed
    assert (2, 3) not in pairs.one_sided and (2, 3) not in pairs.disputed
