"""Language detection (newsweave.language): a code when the text says, None when it cannot."""

from __future__ import annotations

from newsweave.language import detect_language


def test_languages_of_real_sentences() -> None:
    assert detect_language("Rescuers searched the flooded streets of the lower town.") == "en"
    assert detect_language("Les secours ont fouillé les rues inondées de la ville basse.") == "fr"


def test_too_short_or_too_unsure_is_no_language() -> None:
    assert detect_language("Dam bursts") is None  # under 40 characters
    # a headline of names: py3langid guesses Extremaduran at 0.11
    assert detect_language("Update: Halmir Dam, Velmora, Arvel River - rescue continues") is None
