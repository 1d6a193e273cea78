"""The per-article work of an ingest, as one pure function that any engine can run.

`prepare_documents` cleans each document on its own (so the result never depends on which
other documents shared its batch), detects the language, embeds the article's title and
lead, takes a MinHash signature of its word shingles and lists the names it mentions.
Everything it returns pickles, so Dask workers can run it. Sentences are split only when
asked (`ingest --sentences`): nothing in an ingest needs them, and splitting is a fifth of
its CPU; otherwise the store splits an article's text when its sentences are first asked
for (`Store.sentences`).
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from newsweave.article_limits import MAX_ARTICLE_SENTENCES, too_long
from newsweave.embed import Embedder, default_embedder
from newsweave.ingest import source_label
from newsweave.language import detect_language
from newsweave.model import Document, content_id
from newsweave.stream.entities import article_names
from newsweave.text import clean_documents, most_sentences, split_sentences

NUM_PERM = 64
SHINGLE_WORDS = 5
LEAD_CHARS = 600
# py3langid's cost grows with the length; on all 700 MultiLing texts (7 languages) it
# gives the same language from 250 characters as from 400
LANGUAGE_CHARS = 250
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Prepared:
    """One document ready for dedup, clustering and storage; `reason` set when unusable."""

    document: Document
    id: str  # stable: hash of the outlet and the normalised body
    reason: str | None = None  # why it is skipped (no story text left...)
    source: str = ""
    text: str = ""  # cleaned story text
    title: str | None = None
    published: str | None = None
    dateline: str | None = None
    language: str | None = None
    text_hash: str = ""  # hash of the normalised cleaned text: equal = exact duplicate
    vector: npt.NDArray[np.float32] | None = None  # unit vector of title and lead
    signature: npt.NDArray[np.uint32] | None = None  # MinHash of word shingles
    names: tuple[str, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()  # empty unless asked for


def normalised(text: str) -> str:
    """Whitespace collapsed and case folded: what "the same text" means for ids. (`split`
    cuts at exactly the characters a regular expression's whitespace class matches, and
    is five times faster than a substitution.)"""
    return " ".join(text.split()).casefold()


def article_id(document: Document) -> str:
    """The store id of a document: the same outlet and body always give the same id."""
    return content_id(source_label(document), normalised(document.body))


@lru_cache(maxsize=4)
def permutations(num_perm: int) -> Any:
    """The permutations of datasketch's "affine32" MinHash with seed 1: made once, reused
    (making them is most of the cost of a new MinHash)."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=1, scheme="affine32").permutations


def minhash(num_perm: int, hashvalues: npt.NDArray[np.uint32] | None = None) -> Any:
    """A datasketch MinHash of our scheme, empty or holding `hashvalues`."""
    from datasketch import MinHash

    return MinHash(
        num_perm=num_perm,
        seed=1,
        scheme="affine32",
        hashfunc=zlib.crc32,
        hashvalues=hashvalues,
        permutations=permutations(num_perm),
    )


def minhash_signature(text: str, num_perm: int = NUM_PERM) -> npt.NDArray[np.uint32]:
    """The MinHash signature of the text's word shingles (datasketch, CRC-32 hashing)."""
    minhash_ = minhash(num_perm)
    minhash_.update_batch(_shingles(_WORDS.findall(text.casefold())))
    signature: npt.NDArray[np.uint32] = minhash_.hashvalues.astype(np.uint32)
    return signature


def _shingles(words: list[str]) -> list[bytes]:
    """The UTF-8 bytes of each run of `SHINGLE_WORDS` words joined by spaces (all the words
    when fewer), cut from the bytes of the whole text joined once: slicing is cheaper than
    joining and encoding each run. A repeated run is hashed again, which leaves the
    minimum, and so the signature, as it is."""
    if len(words) <= SHINGLE_WORDS:
        return [" ".join(words).encode("utf-8")]
    joined = " ".join(words)
    data = joined.encode("utf-8")
    sizes = map(len, words) if len(data) == len(joined) else (len(w.encode()) for w in words)
    starts = [0, *itertools.accumulate(size + 1 for size in sizes)]  # and one past the end
    ends = starts[SHINGLE_WORDS:]
    return [data[start : end - 1] for start, end in zip(starts, ends, strict=False)]


def prepare_documents(
    documents: Sequence[Document], embedder: Embedder | None = None, *, sentences: bool = False
) -> list[Prepared]:
    """Clean, embed and sign each document, in order (one result per document); with
    `sentences`, split them too."""
    embedder = embedder or default_embedder()
    partial: list[Prepared] = []
    for document in documents:
        partial.append(_prepare_text(document, sentences))
    usable = [p for p in partial if p.reason is None]
    vectors = embedder.embed([_lead(p) for p in usable])
    by_id = {id(p): vectors[i] for i, p in enumerate(usable)}
    return [_with_vector(p, by_id[id(p)]) if p.reason is None else p for p in partial]


def _prepare_text(document: Document, split: bool) -> Prepared:
    ident = article_id(document)
    too_long_before = too_long(len(document.body))
    if too_long_before is not None:
        return Prepared(document, ident, reason=too_long_before)
    cleaned = clean_documents([document.body], [document.title])[0]
    text = cleaned.text
    if not text.strip():
        return Prepared(document, ident, reason="no story text left after cleaning")
    # what a digest of its story would skip: cleaning can lengthen a text (paragraphs are
    # joined by blank lines), and sentences are counted only when there may be too many
    spans = split_sentences(text) if split or most_sentences(text) > MAX_ARTICLE_SENTENCES else None
    too_long_after = too_long(len(text), None if spans is None else len(spans))
    if too_long_after is not None:
        return Prepared(document, ident, reason=too_long_after)
    return Prepared(
        document=document,
        id=ident,
        source=source_label(document),
        text=text,
        title=document.title or cleaned.title,
        published=document.published or cleaned.published,
        dateline=cleaned.dateline,
        language=document.language or detect_language(text[:LANGUAGE_CHARS]),
        text_hash=content_id(normalised(text)),
        signature=minhash_signature(text),
        names=tuple(article_names(text)),
        sentences=tuple(spans) if split and spans is not None else (),
    )


def _lead(prepared: Prepared) -> str:
    head = prepared.text[:LEAD_CHARS]
    return f"{prepared.title}\n{head}" if prepared.title else head


def _with_vector(prepared: Prepared, vector: npt.NDArray[np.float32]) -> Prepared:
    from dataclasses import replace

    return replace(prepared, vector=np.asarray(vector, dtype=np.float32))
