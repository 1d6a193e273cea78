"""Multi-News clusters: articles separated by `|||||`, newlines written as `NEWLINE_CHAR`.

The dataset's `.src` files hold one cluster per line; each article of line L becomes a
document with origin `path:L#K` (L counted from 1, K from 0). A file holding a single
cluster (or text with real newlines and `|||||` between articles) gives `path#K`.
"""

from __future__ import annotations

import re

from newsweave.ingest.detect import MULTINEWS_NEWLINE, MULTINEWS_SEPARATOR
from newsweave.ingest.result import ReadResult
from newsweave.model import Document, Skipped

EMPTY_ARTICLE = "empty article in a Multi-News cluster"
_NEWLINE_TOKEN = re.compile(r" ?" + MULTINEWS_NEWLINE + r" ?")


def _article_body(part: str) -> str:
    return _NEWLINE_TOKEN.sub("\n", part.replace("\r\n", "\n")).strip()


def _read_cluster(cluster: str, prefix: str) -> ReadResult:
    """The articles of one cluster; a separator ending the cluster (common in the dataset)
    opens no article, but an empty article between two separators is reported."""
    result = ReadResult()
    cluster = cluster.rstrip()
    if cluster.endswith(MULTINEWS_SEPARATOR):
        cluster = cluster[: -len(MULTINEWS_SEPARATOR)]
    for index, part in enumerate(cluster.split(MULTINEWS_SEPARATOR)):
        origin = f"{prefix}#{index}"
        body = _article_body(part)
        if body:
            result.documents.append(Document(origin=origin, format="multinews", body=body))
        else:
            result.skipped.append(Skipped(input=origin, reason=EMPTY_ARTICLE))
    return result


def read_multinews(text: str, origin: str, *, line_per_cluster: bool) -> ReadResult:
    """The articles of the cluster(s) in `text`.

    Lines are clusters when `line_per_cluster` (a `.src` file) or when the text uses
    `NEWLINE_CHAR` tokens, and there is more than one non-blank line.
    """
    text = text.replace("\r\n", "\n")
    lines = [(number, line) for number, line in enumerate(text.split("\n"), 1) if line.strip()]
    by_line = (line_per_cluster or MULTINEWS_NEWLINE in text) and len(lines) > 1
    if not by_line:
        return _read_cluster(text, origin)
    result = ReadResult()
    for number, line in lines:
        result.extend(_read_cluster(line, f"{origin}:{number}"))
    return result
