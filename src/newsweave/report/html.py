"""The digest as one self-contained HTML file: no scripts, no network requests, every piece
of article text escaped by Jinja2's autoescaping."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from newsweave import __version__
from newsweave.model import Article, Digest, Fact, Sentence, TextSpan
from newsweave.report.citation_scopes import backed_only
from newsweave.report.disputes import dispute_note, summary_disputes
from newsweave.report.entities_section import involved, mention_counts
from newsweave.report.fact_wording import (
    clause_wording,
    conflicts_of_facts,
    fact_wording,
    own_wordings,
)
from newsweave.report.markdown import backs_only_note, headline, overview, quoted
from newsweave.report.quotes_section import by_speaker
from newsweave.report.timeline_chart import timeline
from newsweave.report.timeline_section import when


def to_html(digest: Digest) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(
        loader=PackageLoader("newsweave", "report/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["quoted"] = quoted
    environment.filters["backs_only_note"] = backs_only_note
    environment.filters["dispute_note"] = dispute_note
    environment.globals["backed_only"] = backed_only
    environment.globals["conflicts_of"] = lambda facts: conflicts_of_facts(digest, facts)
    number = {a.id: i + 1 for i, a in enumerate(digest.articles)}
    cited: set[str] = {c for s in digest.summary for c in s.citations}
    shared = sorted(
        (f for f in digest.facts if f.kind != "single"), key=lambda f: -len(f.article_ids)
    )
    left_out = {a.id: digest.left_out_by(a.id) for a in digest.articles}
    context: dict[str, Any] = {
        "title": headline(digest),
        "version": __version__,
        "overview": overview(digest),
        "digest": digest,
        "number": number,
        "cited": cited,
        "paragraphs": {a.id: paragraphs(a) for a in digest.articles},
        "shared_facts": shared,
        "first_spans": {f.id: _first_span_per_article(f) for f in shared},
        "left_out": left_out,
        "own_figures": {
            article: {f.id: digest.own_figures(f, article) for f in facts}
            for article, facts in left_out.items()
        },
        "own_facts": {a.id: own_wordings(digest, digest.only_in(a.id)) for a in digest.articles},
        # Agreed and "Widely reported" list shared facts; "Only in" words its own (above)
        "wording": {f.id: fact_wording(digest, f) for f in shared},
        "timeline_wording": {
            e.id: clause_wording(digest, e.sentence_ids[0], e.text) for e in digest.timeline
        },
        "disputes": {s.sentence_id: summary_disputes(digest, s, number) for s in digest.summary},
        "agreed": {sid for f in shared for sid in f.sentence_ids},
        "speakers": by_speaker(digest),
        "involved": involved(digest),
        "mention_counts": mention_counts,
        "when": when,
        "chart": timeline([asdict(e) for e in digest.timeline], number),
        "conflicting": {c.sentence_id for conflict in digest.conflicts for c in conflict.claims},
    }
    return environment.get_template("digest.html.j2").render(**context)


def _first_span_per_article(fact: Fact) -> list[TextSpan]:
    seen: dict[str, TextSpan] = {}
    for span in fact.spans:
        seen.setdefault(span.article_id, span)
    return list(seen.values())


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
