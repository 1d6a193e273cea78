"""HTML pages: the article's main text and metadata, extracted by trafilatura.

trafilatura (and htmldate) are imported when the first page is read, so importing
newsweave.ingest stays cheap. Paragraphs are separated by blank lines in the body.
"""

from __future__ import annotations

from typing import Any

from newsweave.errors import InputError
from newsweave.ingest.metadata import clean_string, iso_date, language_code
from newsweave.model import Document

NO_ARTICLE = "HTML page has no article text"
# An article has at least one sentence-sized paragraph; pages whose extracted text is only
# menu items, buttons or a cookie notice do not.
MIN_PARAGRAPH_WORDS = 12
_LANGUAGE_META = (
    '//meta[translate(@http-equiv, "CONTENT-LANGUAGE", "content-language")'
    '="content-language"]/@content',
    '//meta[@property="og:locale"]/@content',
    '//meta[@name="language"]/@content',
    '//meta[@itemprop="inLanguage"]/@content',
)


def _declared_language(tree: Any) -> str | None:
    """The page's language from `<html lang>`, then Content-Language / og:locale metadata."""
    root = tree.getroottree().getroot()
    for value in (root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")):
        code = language_code(value)
        if code:
            return code
    for query in _LANGUAGE_META:
        for value in tree.xpath(query):
            code = language_code(str(value))
            if code:
                return code
    return None


def _paragraphs(text: str) -> str:
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def _has_article_text(body: str) -> bool:
    return any(len(paragraph.split()) >= MIN_PARAGRAPH_WORDS for paragraph in body.split("\n\n"))


def _htmldate(markup: str) -> str | None:
    from htmldate import find_date

    try:
        found = find_date(markup, outputformat="%Y-%m-%d", original_date=True)
    except (ValueError, TypeError, OverflowError):
        return None
    return iso_date(found)


def read_html(markup: str, origin: str) -> Document:
    """The article in an HTML page; raises InputError when the page has no article text."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(markup)
    if tree is None:
        raise InputError("HTML page could not be parsed")
    language = _declared_language(tree)
    extracted = bare_extraction(tree, with_metadata=True, include_comments=False)
    text = getattr(extracted, "text", None) if extracted is not None else None
    body = _paragraphs(text) if isinstance(text, str) else ""
    if not _has_article_text(body):
        raise InputError(NO_ARTICLE)
    published = iso_date(getattr(extracted, "date", None)) or _htmldate(markup)
    return Document(
        origin=origin,
        format="html",
        body=body,
        title=clean_string(getattr(extracted, "title", None)),
        source=clean_string(getattr(extracted, "sitename", None)),
        url=clean_string(getattr(extracted, "url", None)),
        published=published,
        language=language_code(getattr(extracted, "language", None)) or language,
    )
