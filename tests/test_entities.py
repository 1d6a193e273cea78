"""People, organisations and places: typed per article, merged across outlets and spellings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsweave
from newsweave.entities import find_entities
from newsweave.entities import ner as ner_module
from newsweave.entities.gazetteer import fold, place_name
from newsweave.errors import ConfigError
from newsweave.model import Digest, Document, Entity
from newsweave.pipeline import build_articles
from newsweave.speaker_references import TITLES

ANSWERS = json.loads((newsweave.sample_path().parent / "ANSWERS.json").read_text("utf-8"))
TYPES = {"PERSON": "person", "PLACE": "place", "ORG": "organisation"}


def _entities(*bodies: str, ner: str = "rules") -> list[Entity]:
    documents = [
        Document(origin=f"doc{i}.txt", format="txt", body=body, source=f"Outlet {i}")
        for i, body in enumerate(bodies)
    ]
    articles, skipped = build_articles(documents)
    assert not skipped
    return find_entities(articles, ner=ner)


def _find(entities: list[Entity], form: str) -> Entity:
    found = [e for e in entities if fold(form) in {fold(e.name), *map(fold, e.aliases)}]
    assert len(found) == 1, f"{form!r} is in {len(found)} entities: {found}"
    return found[0]


def _written_in_sample(form: str, digest: Digest) -> bool:
    return any(fold(form) in fold(article.text) for article in digest.articles)


def test_every_planted_sample_entity_is_one_entity_of_the_right_type(
    sample_digest: Digest,
) -> None:
    checked = 0
    for answer in ANSWERS["entities"]:
        forms = [f for f in answer["variants"] if _written_in_sample(f, sample_digest)]
        if not forms:  # Clara Whitcombe is only the byline, which is metadata, not text
            continue
        canonical = answer["canonical"]
        entity = _find(
            sample_digest.entities,
            canonical if _written_in_sample(canonical, sample_digest) else forms[0],
        )
        assert entity.type == TYPES[answer["type"]], answer["canonical"]
        names = {fold(entity.name), *map(fold, entity.aliases)}
        proper = [f for f in forms if f[0].isupper() and not f.startswith("The ")]
        for form in proper:  # every proper-name spelling written merges into the entity
            if " " in form and any(w[0].islower() for w in form.split()[1:]):
                continue  # "Halmir barrage", "Orvenian rescue service": descriptions
            words = form.split()
            titles = [i for i, w in enumerate(words) if w in TITLES and entity.type == "person"]
            words = words[titles[-1] + 1 :] if titles else words  # "Mayor Anselm Dravec"
            assert fold(" ".join(words)) in names, form
        checked += 1
    assert checked == len(ANSWERS["entities"]) - 1


def test_sample_people_carry_surnames_spellings_roles_and_mentions(
    sample_digest: Digest,
) -> None:
    zhivkan = _find(sample_digest.entities, "Lazar Zhivkan")
    assert {"Lazar Jivkan", "Zhivkan"} <= set(zhivkan.aliases)
    assert "ORS chief" in zhivkan.roles
    assert "the head of the ORS" in zhivkan.aliases
    files = {Path(sample_digest.article(a).origin).name for a in zhivkan.mentions}
    assert files == {"arclight_wire.json", "kestrel24.txt", "belsar_messenger.txt"}
    veldt = _find(sample_digest.entities, "Hana Veldt")
    assert "the interior minister" in veldt.aliases
    assert "Interior Minister" in veldt.roles
    assert len(veldt.mentions) == 4
    dravec = _find(sample_digest.entities, "Anselm Dravec")
    assert "Dravec" in dravec.aliases and "Mayor" in dravec.roles


def test_acronyms_demonyms_and_accents_merge_in_the_sample(sample_digest: Digest) -> None:
    assert _find(sample_digest.entities, "ORS").name == "Orvenian Rescue Service"
    assert _find(sample_digest.entities, "Velmora").name == "Velmóra"
    assert _find(sample_digest.entities, "Orvenian").name == "Orvenia"
    assert _find(sample_digest.entities, "Arvel Hydro") is _find(
        sample_digest.entities, "Arvel Hydroelectric Company"
    )


def test_no_capitalised_sentence_opener_becomes_an_entity(sample_digest: Digest) -> None:
    names = {e.name for e in sample_digest.entities}
    assert not names & {"Nine", "Fourteen", "Hundreds", "Rain", "My", "Crews", "Nobody"}
    assert not names & {"Orvenian", "Belsarian", "Church", "Courier"}


def test_every_entity_span_is_exact_text(sample_digest: Digest) -> None:
    for entity in sample_digest.entities:
        assert entity.spans and len(entity.spans) == len(entity.mentions)
        for span in entity.spans:
            article = sample_digest.article(span.article_id)
            assert article.text[span.start : span.end] == span.text
            sentence = sample_digest.sentence(span.sentence_id)
            assert sentence.start <= span.start < sentence.end


def test_a_possessive_name_without_a_type_still_spans_its_text() -> None:
    # "Britain's" (MultiLing M002), a mention the rules give no type of its own: its span
    # is "Britain", without the "'s"
    documents = [
        Document(origin=f"{n}.txt", format="text", source=f"Outlet {n}", body=body)
        for n, body in enumerate(
            [
                "Talks began on Monday. The Cobra committee, which is Britain's crisis "
                "management committee, met twice.",
                "The committee met again on Tuesday in London, officials in Britain said.",
            ]
        )
    ]
    digest = newsweave.digest_documents(documents, options=newsweave.DigestOptions(ner="rules"))
    spans = [span for entity in digest.entities for span in entity.spans]
    assert spans
    for span in spans:
        assert digest.article(span.article_id).text[span.start : span.end] == span.text
        assert not span.text.endswith(("'s", "’s"))


def test_transliterations_exonyms_and_accents_merge() -> None:
    entities = _entities(
        "Vladimir Putin met Emmanuel Macron in Kyiv on Monday. Putin said little.\n\n"
        "Volodymyr Zelenskyy spoke at the Elysée. NATO and the European Union were silent.",
        "Vladimir Poutine a reçu Macron. The talks in Kiev went on.\n\n"
        "Mr. Zelensky thanked the North Atlantic Treaty Organization and the EU. "
        "He later flew to Brégançon; journalists waited in Bregancon.",
    )
    putin = _find(entities, "Vladimir Putin")
    assert putin.type == "person" and "Vladimir Poutine" in putin.aliases
    assert _find(entities, "Kiev").name == "Kyiv"
    assert _find(entities, "Kyiv").type == "place"
    assert _find(entities, "Zelensky") is _find(entities, "Volodymyr Zelenskyy")
    assert _find(entities, "NATO").name == "North Atlantic Treaty Organization"
    assert _find(entities, "EU").name == "European Union"
    assert _find(entities, "Bregancon") is _find(entities, "Brégançon")
    macron = _find(entities, "Macron")
    assert macron.name == "Emmanuel Macron" and len(macron.mentions) == 2


def test_names_equal_but_for_small_words_merge() -> None:
    entities = _entities(
        "Macron received Putin at the Fort of Brégançon, Le Journal du Dimanche reported.",
        "In 2019 Macron hosted Putin at the Fort de Brégançon, the Journal du Dimanche said.",
    )
    assert _find(entities, "Fort of Brégançon") is _find(entities, "Fort de Brégançon")
    assert _find(entities, "Le Journal du Dimanche") is _find(entities, "Journal du Dimanche")
    # word order still matters: "Bank of England" is not "England Bank"
    banks = _entities("The Bank of England raised rates.", "England Bank Ltd. fell 3%.")
    assert _find(banks, "Bank of England") is not _find(banks, "England Bank Ltd.")
    offices = _entities(
        "The Department for Education in London published the figures.",
        "The Department of Education in Washington said nothing.",
    )
    assert _find(offices, "Department for Education") is not _find(
        offices, "Department of Education"
    )


def test_roles_come_from_titles_leading_roles_and_appositives() -> None:
    entities = _entities(
        "Kremlin spokesman Dmitry Peskov said the talks were long. Peskov added nothing.\n\n"
        "Marie Dumoulin, a Russia expert at the European Council on Foreign Relations, "
        "disagreed. French President Emmanuel Macron flew home; the French president "
        "was tired. Mr. Macron said so."
    )
    assert _find(entities, "Peskov").roles == ["Kremlin spokesman"]
    dumoulin = _find(entities, "Marie Dumoulin")
    assert dumoulin.roles == ["a Russia expert at the European Council on Foreign Relations"]
    macron = _find(entities, "Emmanuel Macron")
    assert "French President" in macron.roles
    assert "the French president" in macron.aliases
    assert list(macron.mentions.values()) == [3]  # President ... Macron, the president, Mr.


def test_two_people_with_one_surname_stay_apart_and_a_lone_surname_is_not_guessed() -> None:
    entities = _entities(
        "Joe Biden spoke. Hunter Biden did not. Biden later left for Washington.",
    )
    assert {e.name for e in entities if e.type == "person"} >= {"Joe Biden", "Hunter Biden"}
    assert _find(entities, "Joe Biden") is not _find(entities, "Hunter Biden")


def test_the_gazetteer_knows_exonyms_and_prefers_the_populous_place() -> None:
    assert place_name("Kiev") == "Kyiv"
    assert place_name("Moscou") == "Moscow"
    assert place_name("Paris") == "Paris"
    assert place_name("Macron") is None


def test_one_article_still_gets_its_entities() -> None:
    entities = _entities("Mayor Anselm Dravec of Velmora spoke to residents in Velmora.")
    assert _find(entities, "Anselm Dravec").roles == ["Mayor"]
    assert _find(entities, "Velmora").type == "place"


def test_entities_are_in_the_json_and_both_reports(sample_digest: Digest) -> None:
    document = json.loads(newsweave.render(sample_digest, "json"))
    assert document["schema_version"] == "1.6"
    first = document["entities"][0]
    assert set(first) == {"id", "name", "type", "aliases", "roles", "mentions", "spans"}
    markdown = newsweave.render(sample_digest, "md")
    assert "## Who's involved" in markdown and "Orvenian Rescue Service (also “ORS”)" in markdown
    page = newsweave.render(sample_digest, "html")
    assert "Who's involved" in page and "Lazar Jivkan" in page


def test_unknown_recogniser_setting_and_missing_spacy_are_one_line_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(ConfigError, match="unknown recogniser"):
        _entities("Hana Veldt spoke.", ner="bert")
    monkeypatch.setattr(ner_module, "spacy_available", lambda: False)
    with pytest.raises(ConfigError, match=r"pip install 'newsweave\[ner\]'"):
        _entities("Hana Veldt spoke.", ner="spacy")
    assert _find(_entities("Hana Veldt spoke in Velmora.", ner="auto"), "Hana Veldt")


def test_seeds_poutine_is_putin_and_kiev_is_kyiv(seeds_digest: Digest) -> None:
    putin = _find(seeds_digest.entities, "Vladimir Poutine")
    assert putin.name == "Vladimir Putin" and len(putin.mentions) == 5
    assert _find(seeds_digest.entities, "Kiev").name == "Kyiv"
    assert _find(seeds_digest.entities, "NATO").name == "North Atlantic Treaty Organization"
    assert "Kremlin spokesman" in _find(seeds_digest.entities, "Peskov").roles
    macron = _find(seeds_digest.entities, "Macron")
    assert macron.name == "Emmanuel Macron" and len(macron.mentions) == 5


needs_spacy = pytest.mark.skipif(
    not ner_module.spacy_available(), reason="the ner extra (spaCy) is not installed"
)


@needs_spacy
def test_spacy_recogniser_gives_the_same_sample_entities(sample_digest: Digest) -> None:
    articles = sample_digest.articles
    with_spacy = find_entities(articles, ner="spacy")
    for answer in ANSWERS["entities"]:
        forms = [f for f in answer["variants"] if _written_in_sample(f, sample_digest)]
        canonical = answer["canonical"]
        if forms:
            form = canonical if _written_in_sample(canonical, sample_digest) else forms[0]
            assert _find(with_spacy, form).type == TYPES[answer["type"]], answer


@needs_spacy
def test_spacy_types_seeds_kyiv_as_a_place_and_the_kremlin_as_an_organisation(
    seeds_dir: Path,
) -> None:
    digest = newsweave.digest([seeds_dir])
    assert _find(digest.entities, "Kiev").type == "place"
    with_spacy = find_entities(digest.articles, ner="spacy")
    assert _find(with_spacy, "Kyiv").type == "place"
    assert _find(with_spacy, "Kremlin").type == "organisation"
    assert _find(with_spacy, "Vladimir Poutine").name == "Vladimir Putin"


def test_every_quote_speaker_is_spelled_as_its_entity(sample_digest: Digest) -> None:
    names = {e.name for e in sample_digest.entities}
    speakers = {q.speaker for q in sample_digest.quotes if q.speaker}
    assert speakers and speakers <= names
    assert "Arvel Hydroelectric Company" in speakers  # the quote says "Arvel Hydro"


def test_someone_else_s_role_is_no_alias() -> None:
    # "an aide to Ms. Veldt" is not Veldt: "the aide" later is not one of her names
    found = _entities(
        "Interior Minister Hana Veldt visited Velmora on Monday. An aide to Ms. Veldt said "
        "the talks would go on. The aide added that no date had been set."
    )
    veldt = _find(found, "Hana Veldt")
    assert not any("aide" in alias.lower() for alias in veldt.aliases)


def test_roles_are_written_as_in_the_text() -> None:
    text = (
        "The Greens' leader Anselm Dravec said the water rose. Orvenian Interior Minister Hana "
        "Veldt came on Monday, said Kremlin spokesman Dmitry Peskov and [ORS chief] Lazar Zhivkan."
    )
    found = _entities(text)
    roles = {e.name: e.roles for e in found if e.roles}
    assert roles["Anselm Dravec"] == ["leader"]  # the possessor is no part of the role
    assert roles["Lazar Zhivkan"] == ["ORS chief"]
    assert all(role in text for rs in roles.values() for role in rs)


def test_the_rules_type_things_by_their_kind_and_give_no_type_they_cannot_tell() -> None:
    entities = _entities(
        "Mr. Scholz wants to close the Nord Stream 2 gas pipeline, Anna Berg said on Monday.\n\n"
        "The leaders met at the Palace of Versailles, not far from the Cathedral, in a hall "
        "restored after World War II. Later they drove to the Élysée Palace.\n\n"
        "The Mercalli scale put the shaking at VI in the Sixth Region, near the Bay of Bengal."
    )
    types = {e.name: e.type for e in entities}
    assert types["Anna Berg"] == "person" and types["Scholz"] == "person"
    assert types["Palace of Versailles"] == "place"
    assert types["Élysée Palace"] == "place"
    assert types["Sixth Region"] == "place" and types["Bay of Bengal"] == "place"
    # a thing after "the" is no person; a roman numeral is no acronym; a lone kind is no name
    for untyped in ("Nord Stream", "World War II", "War II", "Cathedral", "VI"):
        assert untyped not in types, (untyped, types)


def test_the_rules_keep_what_those_rules_must_not_take() -> None:
    entities = _entities(
        "The Dalai Lama met students on Monday, and the Aga Khan spoke in Lisbon.\n\n"
        "The Grand Ayatollah Ali al-Sistani and the Reverend Al Sharpton sent letters.\n\n"
        "The ICC issued a warrant. Players who joined LIV Golf were banned by the ILC.\n\n"
        "The Port of London Authority closed the river; the Bank of England held its rates."
    )
    types = {e.name: e.type for e in entities}
    for person in ("Dalai Lama", "Aga Khan", "Reverend Al Sharpton"):
        assert types.get(person) == "person", (person, types)
    ayatollah = [kind for name, kind in types.items() if name.startswith("Grand Ayatollah")]
    assert ayatollah == ["person"]
    for organisation in ("ICC", "LIV Golf", "ILC", "Port of London Authority", "Bank of England"):
        assert types.get(organisation) == "organisation", (organisation, types)


def test_a_middle_initial_is_part_of_the_name_and_billion_is_no_name() -> None:
    entities = _entities(
        "The bill was signed into law by President George W. Bush on Friday.\n\n"
        "A judge, Alvin K. Hellerstein, ordered the release. Hellerstein said it was lawful.\n\n"
        "Pledges doubled to nearly 2 Billion U.S. dollars, officials said. It was Plan B. "
        "The minister left."
    )
    types = {e.name: e.type for e in entities}
    assert types.get("George W. Bush") == "person" and "George W" not in types
    hellerstein = _find(entities, "Alvin K. Hellerstein")
    assert hellerstein.type == "person" and "Hellerstein" in hellerstein.aliases
    assert not any("Billion" in name for name in types)
    assert not any(name.startswith("Plan B.") for name in types)  # "B. The" ends a sentence


def test_a_lone_word_joins_the_longer_name_it_starts_whatever_its_accents() -> None:
    entities = _entities(
        "The leaders met at the Élysée Palace on Monday.\n\n"
        "Talks went on late, according to a statement issued in the Elysée on Monday night."
    )
    palace = _find(entities, "Élysée Palace")
    assert palace.type == "place" and "Elysée" in palace.aliases


def test_a_letter_that_ends_a_sentence_is_no_middle_initial() -> None:
    entities = _entities(
        "He backed Plan B. Brussels rejected it on Monday.\n\n"
        "The team won Group A. Germany finished second.\n\n"
        "It was the worst flood since World War I. Officials said the toll rose.\n\n"
        "He was held at Camp X. Ray Smith, the lawyer, said so.\n\n"
        "U.S. District Judge Alvin K. Hellerstein ordered the release."
    )
    types = {e.name: e.type for e in entities}
    assert types.get("Brussels") == "place" and types.get("Germany") == "place"
    assert types.get("Ray Smith") == "person"
    assert types.get("Alvin K. Hellerstein") == "person"
    across = ("Plan B. Brussels", "Group A. Germany", "World War I. Officials", "Camp X. Ray")
    assert not any(name.startswith(across) for name in types), types  # no name across a stop


def test_a_speaker_after_a_lettered_option_is_named_alone() -> None:
    from newsweave.model import Document

    body = "Voters backed Option A. Jane Smith, the mayor, said: “It is clear.”"
    digest = newsweave.digest_documents(
        [Document(origin="a.txt", format="txt", body=body, source="A")],
        options=newsweave.DigestOptions(ner="rules"),
    )
    assert [q.speaker for q in digest.quotes] == ["Jane Smith"]


def test_jan_is_a_first_name_only_before_a_name_that_is_no_place() -> None:
    entities = _entities(
        "Since Jan Russia has massed troops near the border.\n\n"
        "Exports fell sharply, Germany reported on Monday.\n\n"
        "Jan Egeland, the UN relief chief, said more was needed."
    )
    types = {e.name: e.type for e in entities}
    assert types.get("Russia") == "place" and types.get("Jan Egeland") == "person"
    assert not any(name.startswith("Jan R") for name in types)
