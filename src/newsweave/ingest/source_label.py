"""The short name of a document's outlet, used to label citations."""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlsplit

from newsweave.model import Document

_RECORD_SUFFIX = re.compile(r"(?::\d+)?(?:#\d+)?$")


def is_url(text: str) -> bool:
    """Whether `text` is a web address newsweave can fetch (http or https)."""
    return text.lower().startswith(("http://", "https://"))


def url_domain(url: str) -> str | None:
    """A URL's host, lower-cased, without "www." ("https://www.Reuters.com/a" -> reuters.com)."""
    url = url.strip()
    if "//" not in url:
        url = "//" + url
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def origin_stem(origin: str) -> str:
    """The file name stem of an origin ("data/001_le-monde.txt#2" -> "001_le-monde")."""
    path = _RECORD_SUFFIX.sub("", origin) or origin
    return PurePath(path).stem or path


def source_label(doc: Document) -> str:
    """The outlet named in the metadata, else the URL's domain, else the origin's file stem."""
    if doc.source and doc.source.strip():
        return doc.source.strip()
    if doc.url:
        domain = url_domain(doc.url)
        if domain:
            return domain
    return origin_stem(doc.origin)
