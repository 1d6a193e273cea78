"""The digest as one self-contained HTML file: no scripts, no network requests, every piece
of article text escaped by Jinja2's autoescaping."""

from __future__ import annotations

from typing import Any

from newsweave import __version__
from newsweave.model import Article, Digest, Sentence
from newsweave.report.markdown import headline, overview


def to_html(digest: Digest) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(
        loader=PackageLoader("newsweave", "report/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    number = {a.id: i + 1 for i, a in enumerate(digest.articles)}
    cited: set[str] = {c for s in digest.summary for c in s.citations}
    context: dict[str, Any] = {
        "title": headline(digest),
        "version": __version__,
        "overview": overview(digest),
        "digest": digest,
        "number": number,
        "cited": cited,
        "paragraphs": {a.id: paragraphs(a) for a in digest.articles},
    }
    return environment.get_template("digest.html.j2").render(**context)


def paragraphs(article: Article) -> list[list[Sentence]]:
    """The article's sentences grouped by the paragraphs of its text."""
    groups: list[list[Sentence]] = []
    previous_end = 0
    for sentence in article.sentences:
        if not groups or "\n" in article.text[previous_end : sentence.start]:
            groups.append([])
        groups[-1].append(sentence)
        previous_end = sentence.end
    return groups
