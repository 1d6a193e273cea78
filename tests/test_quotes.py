"""Quotations and their speakers: invented texts for every form and attribution pattern, the
planted quotes of the bundled sample (precision/recall), and the real seed articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsweave.model import Article, Digest, Sentence, sentence_id
from newsweave.quotes import FoundQuote, find_quotes
from newsweave.text import split_sentences

ANSWERS = Path(__file__).resolve().parents[1] / "src" / "newsweave" / "sample" / "ANSWERS.json"


def article(text: str, article_id: str = "t") -> Article:
    made = Article(
        id=article_id,
        origin="test",
        format="txt",
        source="test",
        title=None,
        url=None,
        published=None,
        published_inferred=False,
        dateline=None,
        section=None,
        language="en",
        raw_text=text,
        text=text,
    )
    made.sentences = [
        Sentence(sentence_id(article_id, i), article_id, i, text[start:end], start, end)
        for i, (start, end) in enumerate(split_sentences(text))
    ]
    return made


def check_spans(art: Article, quotes: list[FoundQuote]) -> None:
    """Every quote is an exact span, inside the sentence it names, in text order."""
    sentences = {s.id: s for s in art.sentences}
    for quote in quotes:
        assert art.text[quote.start : quote.end] == quote.text
        sentence = sentences[quote.sentence_id]
        assert sentence.start <= quote.start < sentence.end
        if quote.speaker_description is not None:
            assert quote.speaker_description in art.text
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


Row = tuple[str, str, str | None, str | None]  # text, form, speaker, speaker_description

# (case id, article text, expected quotes as (text, form, speaker, speaker_description))
CASES: list[tuple[str, str, list[Row]]] = [
    (
        "curly, X said, title before the name",
        "“We will rebuild the bridge,” Mayor Anselm Dravec said on Tuesday.",
        [("We will rebuild the bridge", "full", "Anselm Dravec", "Mayor Anselm Dravec")],
    ),
    (
        "straight quotes, said X with an appositive and a relative clause",
        '"The levee held," said Ilse Maren, an engineer at the Dam Safety Board, who saw it.',
        [
            (
                "The levee held",
                "full",
                "Ilse Maren",
                "Ilse Maren, an engineer at the Dam Safety Board",
            )
        ],
    ),
    (
        "curly opening, straight closing, X says",
        '“Nobody expected it to go so fast," Ilse Maren says.',
        [("Nobody expected it to go so fast", "full", "Ilse Maren", "Ilse Maren")],
    ),
    (
        "a curly opening mark used to close (as scraped), he confides",
        "President Olek Varga gave a long interview. "
        "“Our role is preventive, we must lower the tension“, he confides to the paper.",
        [("Our role is preventive, we must lower the tension", "full", "Olek Varga", "he")],
    ),
    (
        "low opening mark „...“",
        "„We are staying“, said Anna Berg, a nurse.",
        [("We are staying", "full", "Anna Berg", "Anna Berg, a nurse")],
    ),
    (
        "organisation and role before the name",
        "“The visit is important,” Palace spokesman Arno Vitt told reporters on Monday.",
        [("The visit is important", "full", "Arno Vitt", "Palace spokesman Arno Vitt")],
    ),
    (
        "says X (inverted, present tense)",
        "“It was as if the sea had come to town,” says Goran Lisk, 58, a baker.",
        [
            (
                "It was as if the sea had come to town",
                "full",
                "Goran Lisk",
                "Goran Lisk, 58, a baker",
            )
        ],
    ),
    (
        "X told Y",
        "“We need more boats,” Hana Veldt told the Courier.",
        [("We need more boats", "full", "Hana Veldt", "Hana Veldt")],
    ),
    (
        "X told reporters; a role resolved to the named person before it",
        "Interior Minister Hana Veldt visited the shelter on Monday. "
        "“The search goes on,” the minister told reporters.",
        [("The search goes on", "full", "Hana Veldt", "the minister")],
    ),
    (
        "according to X",
        "“The wall simply gave way,” according to Tomas Reny, a fisherman.",
        [("The wall simply gave way", "full", "Tomas Reny", "Tomas Reny, a fisherman")],
    ),
    (
        "X said in an interview with Y",
        "“We were lucky,” Ilse Maren said in an interview with the Courier.",
        [("We were lucky", "full", "Ilse Maren", "Ilse Maren")],
    ),
    (
        "said X in an interview with Y",
        "“We were lucky,” said Ilse Maren in an interview with the Courier.",
        [("We were lucky", "full", "Ilse Maren", "Ilse Maren")],
    ),
    (
        "X added; he resolved to the previous speaker",
        "“The water is falling,” ORS chief Lazar Zhivkan said.\n\n"
        "“We expect to reopen the road tomorrow,” he added.",
        [
            ("The water is falling", "full", "Lazar Zhivkan", "ORS chief Lazar Zhivkan"),
            ("We expect to reopen the road tomorrow", "full", "Lazar Zhivkan", "he"),
        ],
    ),
    (
        "X warned that, partial quote",
        "Hana Veldt warned that “the worst may not be over” for the lower town.",
        [("the worst may not be over", "partial", "Hana Veldt", "Hana Veldt")],
    ),
    (
        "estimated for his part X, guillemets with inner spaces",
        "« The next two days will be decisive », estimated for his part Lazar Jivkan, "
        "the chief of the rescue service, who leads the operation.",
        [
            (
                "The next two days will be decisive",
                "full",
                "Lazar Jivkan",
                "Lazar Jivkan, the chief of the rescue service",
            )
        ],
    ),
    (
        "confides X, guillemets without inner spaces",
        "«We have lost everything, but we are alive», confides Mira Sabó, a retired teacher, "
        "in front of the shelter.",
        [
            (
                "We have lost everything, but we are alive",
                "full",
                "Mira Sabó",
                "Mira Sabó, a retired teacher",
            )
        ],
    ),
    (
        "attribution in the next sentence, Mr. X expanded to the full name",
        "Mayor Anselm Dravec toured the lower town.\n\n"
        "“The water came faster than anyone thought possible.” Mr. Dravec said.",
        [
            (
                "The water came faster than anyone thought possible.",
                "full",
                "Anselm Dravec",
                "Mr. Dravec",
            )
        ],
    ),
    (
        "attribution in the previous sentence ending with a colon",
        "Hana Veldt said on Monday:\n\n“We will not stop until every missing person is found.”",
        [
            (
                "We will not stop until every missing person is found.",
                "full",
                "Hana Veldt",
                "Hana Veldt",
            )
        ],
    ),
    (
        "X said: in the same sentence",
        "The minister, Hana Veldt, said: “Nobody will be forgotten.”",
        [("Nobody will be forgotten.", "full", "Hana Veldt", "The minister, Hana Veldt")],
    ),
    (
        "role and organisation in the title",
        "“The talks were useful,” Foreign Ministry spokeswoman Vera Holm said.",
        [("The talks were useful", "full", "Vera Holm", "Foreign Ministry spokeswoman Vera Holm")],
    ),
    (
        "unnamed source keeps its description",
        "“Nobody read the report,” a senior official at the Interior Ministry said, "
        "speaking on condition of anonymity.",
        [("Nobody read the report", "full", None, "a senior official at the Interior Ministry")],
    ),
    (
        "unnamed sources naming someone else",
        "“It is a disaster,” two sources close to Mr. Dravec told the Courier.",
        [("It is a disaster", "full", None, "two sources close to Mr. Dravec")],
    ),
    (
        "no attribution at all",
        "The town spent what locals now call “the long night” on its rooftops.",
        [("the long night", "partial", None, None)],
    ),
    (
        "single quotes nested in double quotes stay in the outer quote",
        "“She kept shouting ‘get to the roof’ until the boat came,” said Goran Lisk, 58.",
        [
            (
                "She kept shouting ‘get to the roof’ until the boat came",
                "full",
                "Goran Lisk",
                "Goran Lisk, 58",
            )
        ],
    ),
    (
        "apostrophes are never quotation marks",
        "The town’s mayor said the students' union and Orvenia’s rescuers don’t agree. "
        'The 12" pipe had burst in the ’90s.',
        [],
    ),
    (
        "apostrophes inside a quote",
        "“We don’t know where Orvenia’s students' buses are,” said Ilse Maren.",
        [("We don’t know where Orvenia’s students' buses are", "full", "Ilse Maren", "Ilse Maren")],
    ),
    (
        "a quote of several sentences",
        "“The report was on the right desks. Nobody acted on it. Now people are dead,” "
        "said Ilse Maren.",
        [
            (
                "The report was on the right desks. Nobody acted on it. Now people are dead",
                "full",
                "Ilse Maren",
                "Ilse Maren",
            )
        ],
    ),
    (
        "split quote, X said. “...”",
        "“The water came faster than anyone thought,” Mr. Dravec said. "
        "“On Quay Street people had minutes, not hours.”",
        [
            ("The water came faster than anyone thought", "split", "Dravec", "Mr. Dravec"),
            ("On Quay Street people had minutes, not hours.", "split", "Dravec", "Mr. Dravec"),
        ],
    ),
    (
        "split quote, X told Y, “and ...”",
        "“We have our own plan,” Hana Veldt told the council, “and we will follow it.”",
        [
            ("We have our own plan", "split", "Hana Veldt", "Hana Veldt"),
            ("and we will follow it.", "split", "Hana Veldt", "Hana Veldt"),
        ],
    ),
    (
        "continued quote: open at the paragraph end, next paragraph opens with a mark",
        "Lazar Zhivkan described the night to reporters.\n\n"
        "“At two o’clock the sirens started.\n\n"
        "“By three the water was in the square,” he said.",
        [
            ("At two o’clock the sirens started.", "full", "Lazar Zhivkan", "he"),
            ("By three the water was in the square", "continued", "Lazar Zhivkan", "he"),
        ],
    ),
    (
        "split quote continued in the next paragraph",
        "“We lost the bakery,” said Mira Sabó, a retired teacher. “We will rebuild it.\n"
        "“But not this year.”",
        [
            ("We lost the bakery", "split", "Mira Sabó", "Mira Sabó, a retired teacher"),
            ("We will rebuild it.", "split", "Mira Sabó", "Mira Sabó, a retired teacher"),
            ("But not this year.", "continued", "Mira Sabó", "Mira Sabó, a retired teacher"),
        ],
    ),
    (
        "a quote-only paragraph after an attributed quote continues it",
        "“The optics are good,” said a diplomat from a neighbouring country.\n\n"
        "“But we don’t like the methods.”",
        [
            ("The optics are good", "full", None, "a diplomat from a neighbouring country"),
            (
                "But we don’t like the methods.",
                "continued",
                None,
                "a diplomat from a neighbouring country",
            ),
        ],
    ),
    (
        "partial quote with X called",
        "Anselm Dravec, the mayor of Velmóra, called the reservoir “a sleeping giant”.",
        [
            (
                "a sleeping giant",
                "partial",
                "Anselm Dravec",
                "Anselm Dravec, the mayor of Velmóra",
            )
        ],
    ),
    (
        "partial quote, the attribution ends the sentence after more words",
        "Mayor Anselm Dravec spoke on Monday. The inquiry would “absolutely dominate” the "
        "council session, Dravec said.",
        [("absolutely dominate", "partial", "Anselm Dravec", "Dravec")],
    ),
    (
        "a role resolved by its words: the Orvenian leader",
        "Belsarian President Olek Varga met Orvenian Prime Minister Ruben Castell on Tuesday. "
        "The Orvenian leader said he wanted “a joint commission for the river”.",
        [("a joint commission for the river", "partial", "Ruben Castell", "The Orvenian leader")],
    ),
    (
        "an organisation",
        "“The gate was not stuck,” the Arvel Hydroelectric Company said in a statement.",
        [
            (
                "The gate was not stuck",
                "full",
                "Arvel Hydroelectric Company",
                "the Arvel Hydroelectric Company",
            )
        ],
    ),
    (
        "she after a named person",
        "Hana Veldt visited the shelter on Monday. “Nobody will be forgotten,” she said.",
        [("Nobody will be forgotten", "full", "Hana Veldt", "she")],
    ),
    (
        "a top-level single-quoted phrase",
        "Officials spoke of a ‘controlled release’ before the breach.",
        [("controlled release", "partial", None, None)],
    ),
    (
        "a partial quote ending with its sentence and two quotes in one sentence",
        "But he warned that “we have to be realistic” and that “the river decides”.",
        [
            ("we have to be realistic", "partial", None, "he"),
            ("the river decides", "partial", None, "he"),
        ],
    ),
    (
        "a role in lower case before the name",
        "“You have betrayed the town,” said judge Astrid Holm. "
        "“The siren sounded twice,” journalist Tania Ortiz told the newspaper.",
        [
            ("You have betrayed the town", "full", "Astrid Holm", "judge Astrid Holm"),
            ("The siren sounded twice", "full", "Tania Ortiz", "journalist Tania Ortiz"),
        ],
    ),
    (
        "a role with 'for' before a place names the person, not the place",
        "The memorial was opened by the Minister for Marenza, Dora Venn. "
        "Each column stands for \u201ca life and a grief\u201d according to the Minister "
        "for Marenza.",
        [("a life and a grief", "partial", "Dora Venn", "the Minister for Marenza")],
    ),
    (
        "a lower-case word before a day is no speaker",
        "“The siren sounded twice,” said officials Monday.",
        [("The siren sounded twice", "partial", None, None)],
    ),
    (
        "nor before an abbreviated day or a holiday",
        "“The siren sounded twice,” said officials Tues. “It woke us,” said police Christmas Day.",
        [
            ("The siren sounded twice", "partial", None, None),
            ("It woke us", "partial", None, None),
        ],
    ),
    (
        "an adverb before a name is no role",
        "“The bridge is safe,” announced today Orvenia.",
        [("The bridge is safe", "partial", None, None)],
    ),
    (
        "any one-word role of one person",
        "“We rode well,” said rider Fabian Cancellara.",
        [("We rode well", "full", "Fabian Cancellara", "rider Fabian Cancellara")],
    ),
    (
        "a name particle in lower case",
        "Yvo de Boer opened the talks. “We are at work,” said de Boer.",
        [("We are at work", "full", "Yvo de Boer", "de Boer")],
    ),
    (
        "initials are part of the name a pronoun points to",
        "Power failed, said ministry spokesman P. J. Varda. “Walls fell,” he said.",
        [("Walls fell", "full", "P. J. Varda", "he")],
    ),
    (
        "a body's president by name is the person, not the body",
        "Orvenian Rescue Service Chief Lazar Zhivkan spoke on Sunday. “We are ready,” he said.",
        [("We are ready", "full", "Lazar Zhivkan", "he")],
    ),
    (
        "a name after the quote, then a long description ending in a place, then the verb",
        "“The wave is spreading,” Ilse Maren, head of the flood unit at the University of "
        "Orvenia, Velmora said.",
        [
            (
                "The wave is spreading",
                "full",
                "Ilse Maren",
                "Ilse Maren, head of the flood unit at the University of Orvenia, Velmora",
            )
        ],
    ),
    (
        "the person a clause is about, not the place it ends on",
        "Prime Minister Hana Veldt spoke outside 10 Harbour Street, saying she was “glad”.",
        [
            (
                "glad",
                "partial",
                "Hana Veldt",
                "Prime Minister Hana Veldt spoke outside 10 Harbour Street",
            )
        ],
    ),
    (
        "a title of a place, then the person",
        "“We will rebuild,” said the Prime Minister of the Orvenian Republic Ruben Castell.",
        [
            (
                "We will rebuild",
                "full",
                "Ruben Castell",
                "the Prime Minister of the Orvenian Republic Ruben Castell",
            )
        ],
    ),
    (
        "a role and then the name after a comma",
        "In a call to Kestrel Radio, the Orvenian ambassador to Belsar, Ida Marn, said: "
        "“Please come to our aid.”",
        [
            (
                "Please come to our aid.",
                "full",
                "Ida Marn",
                "the Orvenian ambassador to Belsar, Ida Marn",
            )
        ],
    ),
    (
        "a month's abbreviation after a word that dates is no first name",
        "In Jan Putin said: “Nobody is doing enough.”",
        [("Nobody is doing enough.", "full", "Putin", "In Jan Putin")],
    ),
    (
        "a first name that is also a month's abbreviation",
        "On Jan 3, Jan Egeland, the UN's chief of emergency relief said that rich nations "
        "were being “stingy” by making small contributions.",
        [
            (
                "stingy",
                "partial",
                "Jan Egeland",
                "Jan Egeland, the UN's chief of emergency relief",
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_forms_and_attribution_patterns(text: str, expected: list[Row]) -> None:
    art = article(text)
    quotes = find_quotes(art)
    check_spans(art, quotes)
    got = [(q.text, q.form, q.speaker, q.speaker_description) for q in quotes]
    assert got == expected


def test_sentence_id_is_the_sentence_holding_the_start() -> None:
    art = article("The dam broke. “Run,” she said. Then it rained.\n\n“Still raining.”")
    quotes = find_quotes(art)
    assert [q.sentence_id for q in quotes] == ["t-s1", "t-s3"]


def test_a_name_in_quotation_marks_is_no_quote() -> None:
    art = article(
        "Survivors such as “Fiona” met at the “Bird's Nest” with the “Dateline” crew. "
        "“Run,” she said. He called it “unimaginable” and “Not Guilty.”"
    )
    assert [q.text for q in find_quotes(art)] == ["Run", "unimaginable", "Not Guilty."]
    # short statements stay quotes: after a colon or a verb of saying, before an
    # attribution, or opening their sentence
    for said in (
        "Smith said: “Never”.",
        "“Guilty”, the jury foreman said.",
        "He said « Non » to the plan.",
        "The crowd chanted “Free Palestine” outside the court.",
    ):
        assert len(find_quotes(article(said))) == 1, said


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    art = article("“The water rose and rose\n\nThe town slept.")
    (quote,) = find_quotes(art)
    assert quote.text == "The water rose and rose"


def test_nothing_to_find() -> None:
    assert find_quotes(article("No quotation here, only Orvenia’s rivers.")) == []


# -- the bundled sample --------------------------------------------------------------------


def _by_file(digest: Digest) -> dict[str, Article]:
    return {Path(a.origin).name: a for a in digest.articles}


def test_sample_planted_quotes(sample_digest: Digest) -> None:
    answers: dict[str, Any] = json.loads(ANSWERS.read_text(encoding="utf-8"))
    variants_of = {e["canonical"]: set(e["variants"]) for e in answers["entities"]}
    articles = _by_file(sample_digest)
    found = {name: find_quotes(art) for name, art in articles.items()}
    for name, quotes in found.items():
        check_spans(articles[name], quotes)
    planted = found_right = 0
    matched: set[tuple[str, int]] = set()
    for quote in answers["quotes"]:
        for variant in quote["variants"]:
            parts = variant.get("parts", [variant["text"]])
            continued = [variant["continued"]] if "continued" in variant else []
            for part in [*parts, *continued]:
                planted += 1
                hits = [q for q in found[variant["file"]] if part in q.text]
                assert hits, f"{quote['id']} not found in {variant['file']}: {part!r}"
                hit = hits[0]
                matched.add((variant["file"], hit.start))
                form = "continued" if part in continued else variant["form"]
                if form in ("full", "partial", "split", "continued"):
                    assert hit.form == form, (quote["id"], part, hit.form)
                description = hit.speaker_description or ""
                assert description.startswith(variant["speaker_description"]), quote["id"]
                want = quote["speaker"]
                if want is None:
                    assert hit.speaker is None, quote["id"]
                else:
                    assert hit.speaker in {want} | variants_of.get(want, set()), quote["id"]
                assert hit.speaker_description is not None, quote["id"]
                found_right += 1
    total = sum(len(q) for q in found.values())
    precision, recall = len(matched) / total, found_right / planted
    print(f"\nsample quotes: {total} found, {planted} planted, precision {precision:.2f}, "
          f"recall {recall:.2f}")  # fmt: skip
    assert recall == 1.0
    assert precision >= 0.9


def test_sample_forms(sample_digest: Digest) -> None:
    articles = _by_file(sample_digest)
    courier = find_quotes(articles["velmora_courier.txt"])
    assert [q.form for q in courier[:2]] == ["split", "split"]
    assert all(q.speaker_description == "Mr. Dravec" for q in courier[:2])
    greywater = find_quotes(articles["greywater_times.html"])
    assert [(q.form, q.speaker) for q in greywater] == [
        ("full", None),
        ("partial", "Anselm Dravec"),
    ]
    assert greywater[0].speaker_description == "a senior official at the Interior Ministry"


# -- the real seed articles ----------------------------------------------------------------


def test_seed_quotes(seeds_digest: Digest) -> None:
    found = {a.id: find_quotes(a) for a in seeds_digest.articles}
    for art in seeds_digest.articles:
        check_spans(art, found[art.id])
    quotes = [q for qs in found.values() for q in qs]
    # Macron's statement, in each article that quotes it
    geopolitical = [q for q in quotes if q.text.startswith("Russia’s geopolitical")]
    assert len(geopolitical) >= 3
    assert all(q.speaker is not None and "Macron" in q.speaker for q in geopolitical)
    # Peskov's remark, named in the text or as "he" after him
    remark = [q for q in quotes if "too complicated" in q.text or "too complex" in q.text]
    assert len(remark) >= 2
    assert all(q.speaker is not None and "Peskov" in q.speaker for q in remark)
    # unnamed sources: no speaker, the description as written
    unnamed = [
        q for q in quotes
        if q.speaker_description and q.speaker_description.split()[0] in ("a", "an", "one")
    ]  # fmt: skip
    assert len(unnamed) >= 5
    assert all(q.speaker is None for q in unnamed)
    descriptions = {q.speaker_description for q in unnamed}
    assert "a senior French official" in descriptions
    assert "a French government source" in descriptions
    for art in seeds_digest.articles:
        for quote in found[art.id]:
            if quote in unnamed:
                assert quote.speaker_description is not None
                assert quote.speaker_description in art.text
    named = sum(q.speaker is not None for q in quotes)
    print(f"\nseed quotes: {len(quotes)}, with a speaker: {named}")
