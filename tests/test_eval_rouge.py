from __future__ import annotations

import os

import pytest

from newsweave.evaluation.rouge import (
    RougeTask,
    WordCodes,
    first_words,
    perl_available,
    perl_rouge,
    rouge_score,
)

CAT = RougeTask("the cat sat on the mat", ("the cat sat on a mat",))


def needs_perl() -> None:
    reason = perl_available()
    if reason and os.environ.get("CI"):
        pytest.fail(f"CI must run ROUGE-1.5.5: {reason}")
    if reason:
        pytest.skip(reason)


def test_first_words_keeps_lines_and_stops_at_the_limit() -> None:
    assert first_words("one two three\nfour five\nsix", 4) == "one two three\nfour"
    assert first_words("one two\nthree", 3) == "one two\nthree"
    assert first_words("one two", 10) == "one two"


def test_rouge_score_counts_by_hand() -> None:
    (scores,) = rouge_score([CAT], words=100)
    # unigrams: 5 of the reference's 6 are matched (one "the" is extra in the summary)
    assert scores["rs.rouge1.r"] == pytest.approx(5 / 6)
    assert scores["rs.rouge1.p"] == pytest.approx(5 / 6)
    # bigrams: "the cat", "cat sat", "sat on" of 5
    assert scores["rs.rouge2.r"] == pytest.approx(3 / 5)
    assert scores["rs_stem.rouge1.r"] == pytest.approx(5 / 6)


def test_rouge_score_averages_over_references_and_cuts_the_summary() -> None:
    task = RougeTask("alpha beta gamma delta", ("alpha beta", "gamma delta"))
    (scores,) = rouge_score([task], words=2)  # the summary is cut to "alpha beta"
    assert scores["rs.rouge1.r"] == pytest.approx((1.0 + 0.0) / 2)
    assert scores["rs.rouge1.p"] == pytest.approx((1.0 + 0.0) / 2)


def test_stemming_only_in_the_stemmed_figures() -> None:
    (scores,) = rouge_score([RougeTask("officials warned", ("the official warns",))], words=50)
    assert scores["rs.rouge1.r"] == 0.0
    assert scores["rs_stem.rouge1.r"] == pytest.approx(2 / 3)


def test_word_codes_keep_non_latin_words_countable() -> None:
    codes = WordCodes()
    assert codes.encode("Été chaud.\nété") == "w0 w1\nw0"
    assert codes.encode("ελληνικά chaud") == "w2 w1"
    task = RougeTask("ζεστό καλοκαίρι στην Αθήνα", ("ζεστό καλοκαίρι",))
    (plain,) = rouge_score([task], words=100, english=True)
    (coded,) = rouge_score([task], words=100, english=False)
    assert plain["rs.rouge1.r"] == 0.0  # ASCII tokenising drops every Greek word
    assert coded["rs.rouge1.r"] == pytest.approx(1.0)
    assert coded["rs.rouge1.p"] == pytest.approx(2 / 4)


def test_perl_rouge_matches_the_hand_counts() -> None:
    needs_perl()
    second = RougeTask("alpha beta gamma delta", ("alpha beta", "gamma delta"))
    averages, (cat, words) = perl_rouge([CAT, second], words=100, stem=False)
    assert cat["perl.rouge-1.r"] == pytest.approx(5 / 6, abs=1e-5)
    assert cat["perl.rouge-2.r"] == pytest.approx(3 / 5, abs=1e-5)
    assert words["perl.rouge-1.r"] == pytest.approx(1.0, abs=1e-5)
    assert words["perl.rouge-1.p"] == pytest.approx(0.5, abs=1e-5)
    assert {"perl.rouge-l.r", "perl.rouge-su4.r", "perl.rouge-su4.f"} <= set(cat)
    # the script's average is the mean over the evaluations
    assert averages["perl.rouge-1.r"] == pytest.approx((5 / 6 + 1.0) / 2, abs=1e-4)


def test_perl_rouge_word_limit_and_stemming() -> None:
    needs_perl()
    (_, (cut,)) = perl_rouge(
        [RougeTask("alpha beta gamma delta", ("alpha beta",))], words=2, stem=False
    )
    assert cut["perl.rouge-1.p"] == pytest.approx(1.0, abs=1e-5)
    task = RougeTask("officials warned", ("the official warns",))
    (_, (plain,)) = perl_rouge([task], words=50, stem=False)
    (_, (stemmed,)) = perl_rouge([task], words=50, stem=True)
    assert plain["perl.rouge-1.r"] == 0.0
    assert stemmed["perl.rouge-1.r"] == pytest.approx(2 / 3, abs=1e-5)


def test_perl_rouge_non_english_agrees_with_rouge_score() -> None:
    needs_perl()
    task = RougeTask("Un été très chaud à Paris", ("Un été chaud", "Paris en été"))
    (_, (perl,)) = perl_rouge([task], words=100, stem=False, english=False)
    (python,) = rouge_score([task], words=100, english=False)
    assert perl["perl.rouge-1.r"] == pytest.approx(python["rs.rouge1.r"], abs=1e-4)
    assert perl["perl.rouge-1.r"] == pytest.approx((1.0 + 2 / 3) / 2, abs=1e-4)
