"""The digest as a JSON document following `newsweave schema` (schema/digest.schema.json)."""

from __future__ import annotations

import json
from dataclasses import asdict
from importlib import resources
from typing import Any

from newsweave import __version__
from newsweave.model import Article, Digest

SCHEMA_VERSION = "1.6"


def schema_text() -> str:
    """The JSON Schema of the digest document, as shipped in the package."""
    return resources.files("newsweave").joinpath("schema/digest.schema.json").read_text("utf-8")


def article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "origin": article.origin,
        "format": article.format,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "published_inferred": article.published_inferred,
        "published_from": article.published_from,
        "dateline": article.dateline,
        "section": article.section,
        "language": article.language,
        "text": article.text,
        "removed": [asdict(span) for span in article.removed],
        "sentences": [
            {"id": s.id, "index": s.index, "text": s.text, "start": s.start, "end": s.end}
            for s in article.sentences
        ],
    }


def to_dict(digest: Digest) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"newsweave {__version__}",
        "settings": digest.settings,
        "articles": [article_dict(a) for a in digest.articles],
        "summary": [
            {
                "text": s.text,
                "sentence_id": s.sentence_id,
                "article_id": s.article_id,
                "citations": s.citations,
                "cited_articles": s.cited_articles,
                "scopes": [
                    {
                        "whole": scope.whole,
                        "by": scope.by,
                        "claim": asdict(scope.claim),
                        "evidence": asdict(scope.evidence),
                    }
                    for scope in s.scopes
                ],
            }
            for s in digest.summary
        ],
        "facts": [
            {
                "id": f.id,
                "text": f.text,
                "kind": f.kind,
                "article_ids": f.article_ids,
                "sentence_ids": f.sentence_ids,
                "spans": [asdict(span) for span in f.spans],
                "alike": [asdict(span) for span in f.alike],
            }
            for f in digest.facts
        ],
        "conflicts": [
            {
                "id": c.id,
                "subject": c.subject,
                "kind": c.kind,
                "judgment": c.judgment,
                "claims": [
                    {
                        "value": claim.value,
                        "text": claim.text,
                        "sentence_id": claim.sentence_id,
                        "article_id": claim.article_id,
                        "start": claim.start,
                        "end": claim.end,
                        "clause": asdict(claim.span),
                        "low": claim.low,
                        "high": claim.high,
                    }
                    for claim in c.claims
                ],
            }
            for c in digest.conflicts
        ],
        "quotes": [asdict(q) for q in digest.quotes],
        "entities": [asdict(e) for e in digest.entities],
        "timeline": [asdict(t) for t in digest.timeline],
        "skipped": [asdict(s) for s in digest.skipped],
    }


def to_json(digest: Digest) -> str:
    return json.dumps(to_dict(digest), ensure_ascii=False, indent=2) + "\n"
