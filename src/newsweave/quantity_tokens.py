"""How quantity reading cuts a sentence into tokens: `tokenize` and its `Token`.

Digit numbers (with thousands separators and decimals), ordinals in digits ("3rd"), clock
times ("14:30"), numeric dates to skip ("10/03/2025"), words and single symbols; a hyphen is
a token of its own, so "twenty-one" is ``["twenty", "-", "one"]`` and each token records
whether it touches the next one ("40" in "40-minute").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"(?P<skip>\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b)|(?P<clock>\d{1,2}:\d{2}(?::\d{2})?\b)"
    r"|(?P<ord>\d+(?:st|nd|rd|th)\b)|(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)|(?P<sym>\S)"
)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # num ("2,100", "1.5"), ord ("3rd"), clock ("14:30"), skip ("10/03/2025"), word, sym
    glued: bool  # touches the next token ("40" in "40-minute")

    @property
    def low(self) -> str:
        return self.text.lower()


def tokenize(sentence: str) -> list[Token]:
    """Digit numbers (with thousands separators), words, single symbols; hyphens apart."""
    found = list(_TOKEN.finditer(sentence))
    return [
        Token(m.group(), m.start(), m.end(), m.lastgroup or "sym",
              n + 1 < len(found) and found[n + 1].start() == m.end())
        for n, m in enumerate(found)
    ]  # fmt: skip
