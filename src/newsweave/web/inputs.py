"""Articles sent by a client, turned into `Document`s by the same readers as the CLI.

Nothing a client sends is used as a server path: pasted text and uploaded bytes are parsed
in memory, and an upload's file name is only a label (its last component, cleaned), which
also lets the readers tell `.html` or `.json` from plain text as they do for files.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsweave.errors import InputError
from newsweave.ingest.parse import EMPTY, parse_bytes
from newsweave.ingest.sources import read_sources
from newsweave.model import Document, Skipped

MAX_NAME_CHARS = 120
_UNSAFE_NAME = re.compile(r"[^\w .,()+@-]+")


@dataclass(frozen=True)
class PastedArticle:
    """An article's text as pasted, with the metadata the client gave (None: not given)."""

    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Upload:
    """An uploaded file's bytes and the name the client gave it (never a path here)."""

    filename: str | None
    data: bytes


@dataclass
class Inputs:
    """Documents ready to digest, and the inputs that gave none, with their reasons."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def safe_name(filename: str | None, fallback: str) -> str:
    """A label for an uploaded file: the last component of the client's name, with control
    characters and anything unusual replaced, at most `MAX_NAME_CHARS` long."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = _UNSAFE_NAME.sub("_", name).strip(" .")
    return name[:MAX_NAME_CHARS] or fallback


def _parse(inputs: Inputs, data: bytes, origin: str, filename: str | None) -> list[Document]:
    try:
        result = parse_bytes(data, origin, filename=filename)
    except InputError as error:
        reason = "empty" if str(error) == EMPTY else str(error)
        inputs.skipped.append(Skipped(input=origin, reason=reason))
        return []
    except Exception as error:  # a reader bug must not lose the other inputs
        message = " ".join(str(error).split())
        reason = f"could not be read ({type(error).__name__}: {message})"
        inputs.skipped.append(Skipped(input=origin, reason=reason))
        return []
    inputs.skipped.extend(result.skipped)
    return result.documents


def read_inputs(pasted: Sequence[PastedArticle], uploads: Sequence[Upload]) -> Inputs:
    """The documents in pasted texts (numbered "pasted article N") and uploaded files."""
    inputs = Inputs()
    for number, article in enumerate(pasted, start=1):
        origin = f"pasted article {number}"
        if not article.text.strip():
            inputs.skipped.append(Skipped(input=origin, reason="empty"))
            continue
        documents = _parse(inputs, article.text.encode("utf-8"), origin, None)
        for document in documents:
            document.title = article.title or document.title
            document.source = article.source or document.source
            document.url = article.url or document.url
            document.published = article.published or document.published
        inputs.documents.extend(documents)
    for number, upload in enumerate(uploads, start=1):
        name = safe_name(upload.filename, f"upload-{number}")
        inputs.documents.extend(_parse(inputs, upload.data, name, name))
    return inputs


def sample_inputs() -> Inputs:
    """The bundled sample's documents, each labelled by its file name, not its path."""
    from newsweave.sample import sample_path

    read = read_sources([sample_path()])
    for document in read.documents:
        document.origin = document.origin.replace("\\", "/").rsplit("/", 1)[-1]
    return Inputs(documents=read.documents, skipped=read.skipped)
