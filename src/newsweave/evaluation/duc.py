"""Reader for the DUC 2003/2004 layout (multi-document summarization tasks).

    <docs_dir>/d30001t/APW19981016.0240    a document of cluster D30001 (SGML)
    <models_dir>/D30001.M.100.T.A          reference summary A of cluster D30001

A cluster folder's id is its name upper-cased without the letter after the digits
("d30001t" -> "D30001"); its references are the files named "<id>.*" in any letter case.

SGML is not XML (unclosed and upper-case tags, entities such as `&AMP;` or the typesetting
code `&UR;`), so documents are read with tolerant regular expressions. Each `<DOC>` runs to
`</DOC>`, the next `<DOC>` or the end of the file. The body is the `<TEXT>` content, one
paragraph per `<P>` when there are any, else per blank-line block, split again before
indented lines when the block also has unindented ones (newswire style). Other tags are
dropped, whitespace collapses to single spaces, and entities are decoded once (`&amp;lt;`
gives "&lt;"): HTML names as written, then LDC codes (`&MD;` is a dash), then HTML names
lower-cased (`&EACUTE;`); any other entity (`&UR;`, `&LR;`, `&QL;`, ...) becomes a space.

`published` is read from `<DATE_TIME>` or `<DATE>` (US month/day/year, ISO, "October 5,
1998"), else from the DOCNO ("APW19981016.0240", TREC's "AP881016-0240"); `source` is the
agency code the DOCNO starts with ("APW", "NYT", "XIE"). A reference in DUC's HTML form
(an `<a href="#N">` per sentence) gives one sentence per line; plain text keeps its lines,
whitespace collapsed, blank lines dropped.
"""

from __future__ import annotations

import html
import re
from html.entities import html5
from pathlib import Path

from newsweave.errors import ConfigError, InputError
from newsweave.evaluation.cluster import Cluster
from newsweave.ingest.decode import decode_lines
from newsweave.ingest.metadata import iso_date, language_code
from newsweave.model import Document

_FLAGS = re.IGNORECASE | re.DOTALL
_DOC_OPEN = r"<DOC(?:\s[^<>]*)?>"
_DOC = re.compile(_DOC_OPEN + r"(.*?)(?:</DOC\s*>|(?=" + _DOC_OPEN + r")|\Z)", _FLAGS)
_PARAGRAPH = re.compile(r"<P(?:\s[^<>]*)?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ENTITY = re.compile(r"&(#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
_LDC_CODES = {"MD": " — "}  # every other unknown code (UR, LR, QL, QC, QR, HT, ...) is layout
_US_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_DOCNO_DATE = re.compile(r"([A-Za-z]+(?:_[A-Za-z]+)*)_?((?:19|20)\d{2})(\d{2})(\d{2})(?:[._-]|$)")
_TREC_DOCNO = re.compile(r"([A-Za-z]+)(\d{2})(\d{2})(\d{2})-\d+")
_CLUSTER_FOLDER = re.compile(r"([A-Za-z]*\d+)[A-Za-z]")
_HTML_REFERENCE = re.compile(r"<(?:html|body)\b|<a\s[^<>]*\bhref\s*=", re.IGNORECASE)
_ANCHOR = re.compile(r"<a\s[^<>]*\bhref\s*=\s*[\"']?#[^<>]*>(.*?)</a\s*>", _FLAGS)
_HIDDEN = re.compile(r"<(head|title|script|style)\b.*?</\1\s*>", _FLAGS)
_BLOCK = re.compile(r"<(?:p|br|div|li|tr)\b[^<>]*>", re.IGNORECASE)


def read_duc(docs_dir: Path, models_dir: Path, *, language: str = "en") -> list[Cluster]:
    """The clusters of a DUC task, sorted by id; every cluster must have a reference.

    Raises InputError, naming the path, for a missing folder, an unreadable file, a file
    without a `<DOC>`, a document without text, or a cluster without reference summaries.
    """
    code = language_code(language)
    if code is None:
        raise ConfigError(f"language must be an ISO 639-1 code such as 'en', not {language!r}")
    found: dict[str, Path] = {}
    for folder in _visible(docs_dir, "DUC documents", want_dirs=True):
        cluster = cluster_id(folder.name)
        if cluster in found:
            raise InputError(f"{folder} and {found[cluster]} are both cluster {cluster}")
        found[cluster] = folder
    if not found:
        raise InputError(f"no cluster folders in {docs_dir}")
    models = _visible(models_dir, "DUC reference summaries")
    clusters = []
    for cluster, folder in sorted(found.items()):
        prefix = f"{cluster}.".lower()
        references = tuple(read_reference(p) for p in models if p.name.lower().startswith(prefix))
        if not references:
            raise InputError(f"no reference summaries for cluster {cluster} in {models_dir}")
        clusters.append(Cluster(cluster, code, _cluster_documents(folder, code), references))
    return clusters


def cluster_id(folder_name: str) -> str:
    """The id of a cluster folder: "d30001t" -> "D30001", "d061j" -> "D061"."""
    match = _CLUSTER_FOLDER.fullmatch(folder_name)
    return (match.group(1) if match else folder_name).upper()


def read_duc_file(path: Path, *, language: str | None = "en") -> list[Document]:
    """The documents of one SGML file; origin is the path, plus "#N" (from 0) for several."""
    chunks = _DOC.findall(_read(path))
    if not chunks:
        raise InputError(f"{path}: no <DOC> element; not a DUC document file")
    return [
        _document(chunk, str(path) if len(chunks) == 1 else f"{path}#{index}", language)
        for index, chunk in enumerate(chunks)
    ]


def read_reference(path: Path) -> str:
    """A reference summary as plain text; DUC's HTML form gives one sentence per line."""
    text = _read(path)
    if _HTML_REFERENCE.search(text):
        lines = _html_lines(text)
    else:
        lines = [" ".join(line.split()) for line in text.split("\n")]
    reference = "\n".join(line for line in lines if line)
    if not reference:
        raise InputError(f"{path}: empty reference summary")
    return reference


def _cluster_documents(folder: Path, language: str) -> tuple[Document, ...]:
    paths = _visible(folder, "documents")
    if not paths:
        raise InputError(f"no documents in cluster folder {folder}")
    return tuple(doc for path in paths for doc in read_duc_file(path, language=language))


def _document(chunk: str, origin: str, language: str | None) -> Document:
    body = "\n\n".join(p for text in _elements(chunk, "TEXT") for p in _paragraphs(text))
    if not body:
        raise InputError(f"{origin}: DUC document has no text in a <TEXT> element")
    docno = _inline(" ".join(_elements(chunk, "DOCNO")))
    headline = next(iter(_elements(chunk, "HEADLINE")), "")
    published = None
    for value in _elements(chunk, "DATE_TIME") + _elements(chunk, "DATE"):
        published = published or _stated_date(_inline(value))
    agency, docno_date = _from_docno(docno)
    return Document(
        origin=origin,
        format="duc",
        body=body,
        title=_inline(headline) or None,
        source=agency,
        published=published or docno_date,
        language=language,
    )


def _elements(chunk: str, name: str) -> list[str]:
    return re.findall(rf"<{name}(?:\s[^<>]*)?>(.*?)</{name}\s*>", chunk, _FLAGS)


def _paragraphs(text: str) -> list[str]:
    if _PARAGRAPH.search(text):
        parts = _PARAGRAPH.split(text)
    else:
        parts = []
        for block in re.split(r"\n[ \t]*\n", _TAG.sub("", text)):
            lines = [line for line in block.split("\n") if line.strip()]
            # Indentation marks paragraphs only when some lines of the block have none.
            marked = not all(line[0].isspace() for line in lines)
            for number, line in enumerate(lines):
                if number == 0 or (marked and line[0].isspace()):
                    parts.append(line)
                else:
                    parts[-1] += "\n" + line
    return [paragraph for part in parts if (paragraph := _inline(part))]


def _inline(text: str) -> str:
    """Tags dropped, entities decoded, whitespace collapsed to single spaces."""
    return " ".join(_ENTITY.sub(_entity, _TAG.sub(" ", text)).split())


def _entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.startswith("#"):
        return html.unescape(match.group(0))
    found = html5.get(name + ";") or _LDC_CODES.get(name.upper())
    return found or html5.get(name.lower() + ";") or " "


def _stated_date(value: str) -> str | None:
    match = _US_DATE.search(value)
    if match:
        return _ymd(match.group(3), match.group(1), match.group(2))
    return iso_date(value)


def _from_docno(docno: str) -> tuple[str | None, str | None]:
    """The agency code and the date in a DOCNO such as "APW19981016.0240"."""
    if match := _DOCNO_DATE.match(docno):
        return match.group(1).upper(), _ymd(match.group(2), match.group(3), match.group(4))
    if match := _TREC_DOCNO.fullmatch(docno):
        year = "19" + match.group(2)
        return match.group(1).upper(), _ymd(year, match.group(3), match.group(4))
    return None, None


def _ymd(year: str, month: str, day: str) -> str | None:
    return iso_date(f"{year}-{month}-{day}")  # None for an impossible date


def _html_lines(text: str) -> list[str]:
    """The text of each `<a href="#N">` anchor, or when there are none, the body's lines."""
    lines = _ANCHOR.findall(text)
    if not lines:
        lines = _BLOCK.sub("\n", _HIDDEN.sub("", text)).split("\n")
    return [" ".join(html.unescape(_TAG.sub(" ", line)).split()) for line in lines]


def _visible(folder: Path, what: str, *, want_dirs: bool = False) -> list[Path]:
    """The non-hidden files (or folders) in `folder`, sorted by name."""
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder of {what}")
    entries = [p for p in folder.iterdir() if not p.name.startswith(".")]
    return sorted((p for p in entries if p.is_dir() == want_dirs), key=lambda p: p.name)


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from error
    try:
        return decode_lines(data)
    except InputError as error:
        raise InputError(f"{path}: {error}") from error
