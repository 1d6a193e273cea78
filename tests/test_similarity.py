"""Word stems for the alignment's TF-IDF, by Snowball, in the languages it knows."""

from __future__ import annotations

import pytest

from newsweave.similarity import stemmed, tfidf_vectors


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Rescuers lifted families; the rains fell", "en", "rescuer lift famili the rain fell"),
        ("lifting", "en", "lift"),
        ("Les sauveteurs ont évacué", "fr", "le sauveteur ont évacu"),
        ("Die Retter evakuierten", "de", "die rett evakuiert"),
        # no Snowball stemmer (Hebrew), an unknown code, no language: the text as it is
        ("שלום עולם", "he", "שלום עולם"),
        ("Rescuers lifted", "xx", "Rescuers lifted"),
        ("Rescuers lifted", None, "Rescuers lifted"),
    ],
)
def test_stemmed(text: str, language: str | None, expected: str) -> None:
    assert stemmed(text, language) == expected


def test_stems_make_word_forms_alike() -> None:
    plain = tfidf_vectors(["crews lifted people", "crews were lifting people"])
    stems = tfidf_vectors(
        [stemmed("crews lifted people", "en"), stemmed("crews were lifting people", "en")]
    )
    assert float(stems[0] @ stems[1]) > float(plain[0] @ plain[1])


def test_threads_get_the_same_stems() -> None:
    # the web app digests in threads; a Snowball stemmer keeps its state in itself
    from concurrent.futures import ThreadPoolExecutor
    from itertools import product

    from newsweave.similarity import _stem

    words = [
        f"{stem}{ending}"
        for stem, ending in product(
            ["walk", "jump", "evacuat", "flood", "rescu", "collaps", "report", "lift"],
            ["ed", "ing", "es", "s", "ation", "ions", "er", "ers", "ingly", "edly"],
        )
    ]
    text = " ".join(words * 20)
    _stem.cache_clear()
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: stemmed(text, "en"), range(8)))
    _stem.cache_clear()
    alone = stemmed(text, "en")
    assert all(result == alone for result in results)


def test_stop_words_stay_for_tfidf_to_drop() -> None:
    first = stemmed("Only once during the night, very many moved because of the flood", "en")
    second = stemmed("Only once during the week, very many stayed because of the storm", "en")
    assert "because" in first.split() and "becaus" not in first.split()
    vectors = tfidf_vectors([first, second])
    assert float(vectors[0] @ vectors[1]) == 0.0  # nothing shared but stop words
