"""Renderers of a `Digest`: JSON for programs, Markdown for people, self-contained HTML."""

from __future__ import annotations

from newsweave.errors import ConfigError
from newsweave.model import Digest

FORMATS = ("md", "json", "html")


def render(digest: Digest, format: str) -> str:
    """The digest as text in one of `FORMATS`."""
    if format == "json":
        from newsweave.report.json_report import to_json

        return to_json(digest)
    if format == "md":
        from newsweave.report.markdown import to_markdown

        return to_markdown(digest)
    if format == "html":
        from newsweave.report.html import to_html

        return to_html(digest)
    raise ConfigError(f"unknown format {format!r}; choose one of: {', '.join(FORMATS)}")
