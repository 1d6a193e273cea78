"""Language of an article's text, from py3langid's model that ships inside its package."""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.Lock()
_identifier: Any = None

MIN_CHARACTERS = 40
# Below this probability the guess is noise: a headline of names such as "Update: Halmir
# Dam, Velmora, Arvel River - rescue continues" comes out Extremaduran at 0.11, while the
# 700 MultiLing texts in seven languages score 0.69 or more from their first 250 characters
MIN_CONFIDENCE = 0.5


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short, or its
    words too few or too mixed, to tell."""
    global _identifier
    sample = text[:4000]
    if len(sample.strip()) < MIN_CHARACTERS:
        return None
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        language, confidence = _identifier.classify(sample)
    return str(language) if confidence >= MIN_CONFIDENCE else None
