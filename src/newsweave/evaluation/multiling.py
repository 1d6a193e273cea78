"""Reader for the MultiLing 2011 pilot layout (TAC 2011).

    source_texts/M00TD.<language>      topic T, document D (plain UTF-8 text)
    model_summaries/<Language>/M00T.X.250   reference X of topic T

A source file starts with a title line (sometimes prefixed by a date, "2005/01/08 Title" or
"08/01/2005 Titre"), a blank line, a date line ("Saturday, January 8, 2005") and the body.
The languages are translations of the English originals, so a document whose own lines give
no date readable here takes the date of its English original.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from newsweave.errors import InputError
from newsweave.evaluation.cluster import Cluster
from newsweave.ingest.decode import decode_lines
from newsweave.model import Document

LANGUAGES = {
    "english": "en",
    "french": "fr",
    "czech": "cs",
    "greek": "el",
    "hebrew": "he",
    "hindi": "hi",
    "arabic": "ar",
}
SOURCE_NAME = re.compile(r"^M(\d{3})(\d)\.([A-Za-z]+)$")
YEAR_FIRST = re.compile(r"^(\d{4})/(\d{2})/(\d{2})\s+")
DAY_FIRST = re.compile(r"^(\d{2})/(\d{2})/(\d{4})\s+")
SHORT_DATE_LINE = re.compile(r"^(?:\S+\s*){0,5}?(\d{4})\W*$")  # \d: any script's digits
GLUED_DATE = re.compile(r"^(?:\S+\s+){1,3}(?:19|20)\d\d(?!\d)(?=\s*[^\W\d_a-z])\s*")
ENGLISH_DATE_LINE = re.compile(r"^\s*(?:[A-Z][a-z]+day,\s+)?([A-Z][a-z]+ \d{1,2}, \d{4})\s*$")


def read_multiling(root: Path, *, language: str = "english") -> list[Cluster]:
    """The clusters of one language (a name such as "english" or "French"), by topic id."""
    language = language.lower()
    if language not in LANGUAGES:
        raise InputError(
            f"unknown MultiLing language {language!r}; choose one of {', '.join(LANGUAGES)}"
        )
    if not root.is_dir():
        raise InputError(f"{root} is not a folder")
    sources = root / "source_texts"
    models = _language_folder(root / "model_summaries", language)
    if not sources.is_dir():
        raise InputError(f"{root} is not a MultiLing 2011 folder: no source_texts/ in it")
    by_topic: dict[str, list[Path]] = {}
    for path in sorted(sources.iterdir()):
        match = SOURCE_NAME.match(path.name)
        if match and match.group(3).lower() == language:
            by_topic.setdefault(f"M{match.group(1)}", []).append(path)
    if not by_topic:
        raise InputError(f"no {language} source texts in {sources}")
    clusters = []
    for topic, paths in sorted(by_topic.items()):
        references = tuple(_read(p).strip() for p in sorted(models.glob(f"{topic}.*")))
        if not references:
            raise InputError(f"no reference summaries for topic {topic} in {models}")
        documents = tuple(_document(p, sources) for p in paths)
        clusters.append(Cluster(topic, LANGUAGES[language], documents, references))
    return clusters


def _language_folder(models: Path, language: str) -> Path:
    if models.is_dir():
        for folder in models.iterdir():
            if folder.is_dir() and folder.name.lower() == language:
                return folder
    raise InputError(f"no reference summaries for {language} in {models}")


def _document(path: Path, sources: Path) -> Document:
    title_line, _, rest = _read(path).partition("\n")
    title, published = _title_and_date(title_line.strip())
    body, line_date = _without_date_line(rest)
    return Document(
        origin=str(path),
        format="multiling",
        body=body,
        title=title or None,
        published=published or line_date or _english_original_date(path, sources),
        language=LANGUAGES[path.suffix[1:].lower()],
    )


def _without_date_line(text: str) -> tuple[str, str | None]:
    """The body without its date line, and that date when it is in English.

    The date line is one of the first three non-blank lines (an image caption may come
    first). It is either a whole short line ending in a year, in any script and digits
    ("Samedi 1er janvier 2005", "शुक्रवार, जून २, २००६"), or a date glued to the first
    sentence: "Tuesday, January 18, 2005Through a telethon, ...". A glued date counts only
    when a capital letter follows it, so a first sentence such as "On 12 March 2005 the ..."
    keeps its words."""
    lines = text.split("\n")
    for i in [i for i, line in enumerate(lines) if line.strip()][:3]:
        line = lines[i].strip()
        whole = SHORT_DATE_LINE.match(line)
        if whole and 1900 <= int(whole.group(1)) < 2100:
            lines[i] = ""
            return "\n".join(lines).strip() + "\n", _english_date(line)
        glued = GLUED_DATE.match(line)
        if glued and any(t.strip(",.").isdigit() for t in glued.group(0).split()[:-1]):
            lines[i] = line[glued.end() :].strip()
            return "\n".join(lines).strip() + "\n", _english_date(glued.group(0))
    return text.strip() + "\n", None


def _read(path: Path) -> str:
    """The file's text with "\n" line ends; a few files of the set are not UTF-8 (one
    Czech text is cp1250), and one ends its lines with a bare "\r" (M0075.greek: read
    as one line, its whole text had been its title)."""
    return decode_lines(path.read_bytes())


def _title_and_date(line: str) -> tuple[str, str | None]:
    if match := YEAR_FIRST.match(line):
        year, month, day = match.groups()
    elif match := DAY_FIRST.match(line):
        day, month, year = match.groups()
    else:
        return line, None
    try:
        found = date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return line, None
    return line[match.end() :].strip(), found


def _english_date(line: str) -> str | None:
    match = ENGLISH_DATE_LINE.match(line)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(1), "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def _english_original_date(path: Path, sources: Path) -> str | None:
    original = sources / f"{path.stem}.english"
    if original == path or not original.is_file():
        return None
    first, _, rest = _read(original).partition("\n")
    return _title_and_date(first.strip())[1] or _without_date_line(rest)[1]
