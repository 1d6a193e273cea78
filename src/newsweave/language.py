"""Language of an article's text, from py3langid's model that ships inside its package."""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.Lock()
_identifier: Any = None

MIN_CHARACTERS = 40


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    global _identifier
    sample = text[:4000]
    if len(sample.strip()) < MIN_CHARACTERS:
        return None
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        language, _confidence = _identifier.classify(sample)
    return str(language)
