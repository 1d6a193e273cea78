"""Plain-text articles: the whole text is the body, exactly as written."""

from __future__ import annotations

from newsweave.model import Document


def read_text(text: str, origin: str) -> Document:
    """One document whose body is `text` verbatim, with Windows line ends made `\\n`.

    Title lines, datelines and "date ... :" headers stay in the body: the cleaning stage
    reads and removes them, recording what it removed.
    """
    return Document(origin=origin, format="text", body=text.replace("\r\n", "\n"))
