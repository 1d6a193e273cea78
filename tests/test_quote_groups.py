from __future__ import annotations

import pytest

from newsweave.embed import default_embedder
from newsweave.model import Article
from newsweave.quote_groups import canonical_speakers, group_quotes, same_person
from newsweave.quotes import FoundQuote


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Lazar Zhivkan", "Lazar Jivkan", True),  # transliteration
        ("Zhivkan", "Lazar Zhivkan", True),
        ("Mr. Dravec", "Anselm Dravec", True),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", True),
        ("Hana Veldt", "Anselm Dravec", False),
        ("Anna Veldt", "Hana Veldt", False),  # same surname, other first name
        ("Arvel Hydro", "Hana Veldt", False),
        ("Vladimir Poutine", "Vladimir Putin", True),  # French spelling
        ("Blair", "Christopher Air", False),  # one surname inside the other is not one name
    ],
)
def test_same_person(first: str, second: str, same: bool) -> None:
    assert same_person(first, second) is same


def test_one_spelling_per_speaker_the_fullest_and_most_frequent() -> None:
    canonical = canonical_speakers(
        ["Lazar Zhivkan", "Zhivkan", "Lazar Jivkan", "Lazar Zhivkan", "Hana Veldt"]
    )
    assert canonical == {
        "Lazar Zhivkan": "Lazar Zhivkan",
        "Lazar Jivkan": "Lazar Zhivkan",
        "Zhivkan": "Lazar Zhivkan",
        "Hana Veldt": "Hana Veldt",
    }


def _article(article_id: str, text: str) -> Article:
    return Article(
        id=article_id, origin=f"{article_id}.txt", format="text", source=article_id,
        title=None, url=None, published=None, published_inferred=False, dateline=None,
        section=None, language="en", raw_text=text, text=text,
    )  # fmt: skip


def _found(article: Article, words: str, speaker: str | None, said: str | None) -> FoundQuote:
    start = article.text.index(words)
    return FoundQuote(text=words, start=start, end=start + len(words),
                      sentence_id=f"{article.id}-s0", speaker_description=said,
                      speaker=speaker, form="full")  # fmt: skip


def test_one_statement_in_three_wordings_is_one_group() -> None:
    a = _article("a", "“The next 48 hours are decisive,” said Lazar Zhivkan.")
    b = _article("b", "« The two coming days will be decisive », estimated Lazar Jivkan.")
    c = _article("c", "“We will rebuild the bridge by summer,” said Hana Veldt.")
    found = {
        "a": [_found(a, "The next 48 hours are decisive", "Lazar Zhivkan", "Lazar Zhivkan")],
        "b": [_found(b, "The two coming days will be decisive", "Lazar Jivkan", "Lazar Jivkan")],
        "c": [_found(c, "We will rebuild the bridge by summer", "Hana Veldt", "Hana Veldt")],
    }
    quotes = group_quotes([a, b, c], found, default_embedder())
    assert [q.speaker for q in quotes] == ["Lazar Zhivkan", "Lazar Zhivkan", "Hana Veldt"]
    assert quotes[0].group == quotes[1].group != quotes[2].group
    for quote, article in zip(quotes, (a, b, c), strict=True):
        assert article.text[quote.start : quote.end] == quote.text


def test_two_named_speakers_never_share_a_statement() -> None:
    a = _article("a", "“The dam was safe,” said Hana Veldt.")
    b = _article("b", "“The dam was safe,” said Anselm Dravec.")
    found = {
        "a": [_found(a, "The dam was safe", "Hana Veldt", "Hana Veldt")],
        "b": [_found(b, "The dam was safe", "Anselm Dravec", "Anselm Dravec")],
    }
    first, second = group_quotes([a, b], found, default_embedder())
    assert first.group != second.group


def test_scare_quotes_and_unattributed_quotes_stay_apart() -> None:
    a = _article(
        "a", "Macron called for “de-escalation” and “We must talk to Russia now,” he said."
    )
    b = _article("b", "The aim is “de-escalation”. “We must talk to Russia now,” the text reads.")
    found = {
        "a": [_found(a, "de-escalation", "Emmanuel Macron", "Macron"),
              _found(a, "We must talk to Russia now", "Emmanuel Macron", "he")],
        "b": [_found(b, "de-escalation", None, None),
              _found(b, "We must talk to Russia now", None, None)],
    }  # fmt: skip
    quotes = group_quotes([a, b], found, default_embedder())
    assert len({q.group for q in quotes}) == 4  # one word; and a speaker we could not name


def test_clauses_quoting_one_named_statement_are_marked_and_scare_quotes_are_not() -> None:
    from newsweave.model import Quote
    from newsweave.quote_groups import same_statement

    def quote(article: str, start: int, speaker: str | None, group: str) -> Quote:
        return Quote(f"{article}{start}", "words", speaker, None, article, "s", start,
                     start + 5, group, "full")  # fmt: skip

    quotes = [
        quote("a", 10, "Lazar Zhivkan", "decisive"),
        quote("b", 40, "Lazar Zhivkan", "decisive"),
        quote("a", 100, None, "new order"),  # a phrase in scare quotes, no speaker
        quote("c", 100, None, "new order"),
    ]
    spans = [("a", 0, 30), ("b", 35, 60), ("c", 90, 120), ("a", 90, 120), ("b", 0, 20)]
    same = same_statement(spans, quotes)
    assert same[0, 1] == same[1, 0] == 1.0  # both quote Zhivkan's statement
    assert same[2, 3] == 0.0  # the scare-quoted phrase is no evidence
    assert same[1, 4] == 0.0 and same[0, 4] == 0.0  # same article / no quote
