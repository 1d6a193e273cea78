"""The digest as Markdown for people: summary with outlet citations, evidence, sources.

Article text goes through `plain` so that markup inside an article (`<img onerror=...>`)
stays text when a viewer renders raw HTML in Markdown."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence

from newsweave.model import Article, Claim, Digest, Fact, Quote, SummarySentence, TextSpan
from newsweave.number_words import counted
from newsweave.report.citation_scopes import CitedPiece, backed_only, cited_pieces, marked
from newsweave.report.disputes import Dispute, summary_disputes
from newsweave.report.entities_section import involved, mention_counts
from newsweave.report.fact_wording import (
    Wording,
    clause_wording,
    conflicts_of_facts,
    fact_wording,
    opens_quoted,
    own_wordings,
)
from newsweave.report.quotes_section import by_speaker
from newsweave.report.timeline_section import when

HEADLINE_WORDS = 12  # a headline taken from a sentence keeps its first words only


def headline(digest: Digest) -> str:
    """A title for the digest: the first article title, else the first words of the first
    summary sentence (the whole sentence is the summary's first line anyway)."""
    for article in digest.articles:
        if article.title:
            return article.title
    if not digest.summary:
        return "newsweave digest"
    words = digest.summary[0].text.split()
    if len(words) <= HEADLINE_WORDS:
        return " ".join(words)
    return " ".join(words[:HEADLINE_WORDS]).rstrip(",;:") + " …"


def overview(digest: Digest) -> str:
    """One line: how many articles, outlets, dates and summary words."""
    outlets = {a.source for a in digest.articles}
    dates = sorted({a.published for a in digest.articles if a.published})
    span = f" · {dates[0]}" + (f" to {dates[-1]}" if len(dates) > 1 else "") if dates else ""
    words = sum(len(s.text.split()) for s in digest.summary)
    return (
        f"{counted(len(digest.articles), 'article')} from {counted(len(outlets), 'outlet')}"
        f"{span} · summary of {counted(words, 'word')} · "
        f"{counted(len(digest.skipped), 'input')} skipped"
    )


def _source_line(number: int, article: Article) -> str:
    facts = [article.published or "undated", article.dateline or "", article.language or ""]
    meta = ", ".join(f for f in facts if f)
    title = f" — {plain(article.title)}" if article.title else ""
    removed = f"; {counted(len(article.removed), 'piece')} removed" if article.removed else ""
    return (
        f"{number}. **{plain(article.source)}**{title} ({meta}) — {plain(_short(article.origin))}, "
        f"{counted(len(article.sentences), 'sentence')}{removed}"
    )


def to_markdown(digest: Digest) -> str:
    number = {a.id: i + 1 for i, a in enumerate(digest.articles)}
    lines = [f"# {plain(headline(digest))}", "", overview(digest), "", "## Summary", ""]
    for item in digest.summary:
        marks = "".join(f"[{n}]" for n in sorted(number[a] for a in item.cited_articles))
        disputed = [_dispute(d) for d in summary_disputes(digest, item, number)]
        note = f" ({'; '.join(disputed)}; see Where they differ)" if disputed else ""
        lines.append(f"{plain(item.text)} {marks}{note}")
        lines.append("")
    evidence = [
        (item, [_Cited(digest, item, cited) for cited in item.citations[1:]])
        for item in digest.summary
        if len(item.citations) > 1
    ]
    if evidence:
        legend = (
            "; one that states only some clauses of it backs only those (in bold: the "
            "words of a cited sentence that state them)"
            if any(marked(c.only, c.pieces) for _, cited in evidence for c in cited)
            else ""
        )
        lines += [
            "## Evidence",
            "",
            f"Sentences of other outlets that state the same thing{legend}:",
            "",
        ]
        for item, cited in evidence:
            lines.append(f"- {quoted(plain(_clip(item.text)))}")
            lines += [_evidence_line(digest, c, number) for c in cited]
        lines.append("")
    lines += analysis_sections(digest, number)
    lines += quote_lines(digest, number)
    lines += entity_lines(digest, number)
    lines += timeline_lines(digest, number)
    lines += ["## Sources", ""]
    lines += [_source_line(number[a.id], a) for a in digest.articles]
    lines.append("")
    if digest.skipped:
        lines += ["## Skipped", ""]
        lines += [f"- {plain(s.input)}: {plain(s.reason)}" for s in digest.skipped]
        lines.append("")
    return "\n".join(lines)


class _Cited:
    """A cited sentence of a summary sentence, with what it backs of it."""

    def __init__(self, digest: Digest, item: SummarySentence, sentence_id: str) -> None:
        self.sentence = digest.sentence(sentence_id)
        self.only = backed_only(item, sentence_id)
        self.pieces = cited_pieces(item, self.sentence)


def _evidence_line(digest: Digest, cited: _Cited, number: dict[str, int]) -> str:
    sentence = cited.sentence
    source = plain(digest.article(sentence.article_id).source)
    only = cited.only
    scope = f" ({backs_only_note(only, plain)})" if only else ""
    text = bolded(cited.pieces)
    return f"  - [{number[sentence.article_id]}] {source}{scope}: “{text}”"


def analysis_sections(digest: Digest, number: dict[str, int]) -> list[str]:
    """ "Agreed", "Where they differ" and one "Only in <outlet>" per outlet."""
    if len(digest.articles) < 2:
        return []
    lines: list[str] = []
    shared = [f for f in digest.facts if f.kind != "single"]
    if shared:
        lines += [
            "## Agreed",
            "",
            "Stated by several outlets (consensus: at least two thirds). Here and under "
            "“Only in”, a fact whose words lean on the rest of their sentence is shown in one "
            "outlet's sentence, the fact's own words in bold:",
            "",
        ]
        for fact in sorted(shared, key=lambda f: -len(f.article_ids)):
            marks = "".join(f"[{n}]" for n in sorted(number[a] for a in fact.article_ids))
            lines.append(
                f"- {'**consensus** ' if fact.kind == 'consensus' else ''}"
                f"{worded(digest, fact)} {marks}{_see_conflicts(digest, [fact])}"
            )
        lines.append("")
    if digest.conflicts:
        lines += ["## Where they differ", ""]
        for conflict in digest.conflicts:
            lines.append(f"- **{plain(conflict.subject)}** ({conflict.judgment}):")
            for claim in conflict.claims:
                source = digest.article(claim.article_id).source
                lines.append(
                    f"  - [{number[claim.article_id]}] {plain(source)}: "
                    f"{plain(claim.value)} — {quoted(plain(_around(claim)))}"
                )
        lines.append("")
    for article in digest.articles:
        own = digest.only_in(article.id)
        missing = digest.left_out_by(article.id)
        if not own and not missing:
            continue
        lines += [f"## Only in [{number[article.id]}] {plain(article.source)}", ""]
        lines += [
            f"- {_worded(w)}{_compare(w.alike, number)}{_see_conflicts(digest, w.facts)}"
            for w in own_wordings(digest, own)
        ]
        if missing:
            lines += ["", "Widely reported but not in this outlet:", ""]
            lines += [
                f"- {worded(digest, f)}{_own_figures(digest, f, article.id)}" for f in missing
            ]
        lines.append("")
    return lines


def worded(digest: Digest, fact: Fact) -> str:
    """The fact in quotation marks; in its sentence, its words in bold, when they lean on
    the rest of it (`newsweave.report.fact_wording`)."""
    return _worded(fact_wording(digest, fact))


def _worded(wording: Wording) -> str:
    text = bolded(wording.pieces)
    return f"“{text}”" if wording.quoted else text


def bolded(pieces: Iterable[CitedPiece]) -> str:
    """The pieces as Markdown, those marked `backing` in bold."""
    return "".join(f"**{plain(p.text)}**" if p.backing else plain(p.text) for p in pieces)


def _dispute(dispute: Dispute) -> str:
    """'contradiction, “death toll”: [5] “Fourteen”' (`report.disputes`)."""
    others = [f"[{n}] “{plain(text)}”" for n, text in dispute.others]
    others += [f"{dispute.more} more"] if dispute.more else []
    subject = plain(dispute.conflict.subject)
    return f"{dispute.conflict.judgment}, “{subject}”: {', '.join(others)}"


def _own_figures(digest: Digest, fact: Fact, article_id: str) -> str:
    figures = [
        f"{', '.join(f'“{plain(c.text)}”' for c in claims)} "
        f"(see “{plain(conflict.subject)}” under Where they differ)"
        for conflict, claims in digest.own_figures(fact, article_id)
    ]
    return f" — it gives its own figure: {', '.join(figures)}" if figures else ""


def _compare(spans: list[TextSpan], number: dict[str, int]) -> str:
    """(compare [4] “The Halmir Dam, about 11km upstream of the town, gave way”)": the
    clauses of other outlets worded much like an outlet's own facts (`Wording.alike`)."""
    alike = [f"[{number[s.article_id]}] {quoted(plain(s.text))}" for s in spans]
    return f" (compare {'; '.join(alike)})" if alike else ""


def _see_conflicts(digest: Digest, facts: Sequence[Fact]) -> str:
    subjects = [f"“{plain(c.subject)}”" for c in conflicts_of_facts(digest, facts)]
    return f" (see {', '.join(subjects)} under Where they differ)" if subjects else ""


def quote_lines(digest: Digest, number: dict[str, int]) -> list[str]:
    """ "Who said what": each speaker's statements, with every outlet's wording."""
    if not digest.quotes:
        return []
    lines = ["## Who said what", ""]
    for speaker, statements in by_speaker(digest):
        lines += [f"**{plain(speaker)}**", ""]
        for statement in statements:
            first, *others = statement.variants
            lines.append(f"- “{plain(first.text)}” — {_quoted_by(digest, number, first)}")
            for other in others:
                lines.append(
                    f"  - also “{plain(other.text)}” — {_quoted_by(digest, number, other)}"
                )
        lines.append("")
    return lines


def entity_lines(digest: Digest, number: dict[str, int]) -> list[str]:
    """ "Who's involved": people, organisations and places, each with its other names,
    roles and mentions per outlet."""
    sections = involved(digest)
    if not sections:
        return []
    lines = ["## Who's involved", ""]
    for heading, entities in sections:
        lines += [f"**{heading}**", ""]
        for entity in entities:
            extra = [plain(", ".join(entity.roles[:3]))] if entity.roles else []
            if entity.aliases:
                extra.append("also " + plain(", ".join(f"“{a}”" for a in entity.aliases[:5])))
            detail = f" ({'; '.join(extra)})" if extra else ""
            counts = mention_counts(digest, entity, number)
            lines.append(f"- {plain(entity.name)}{detail} — mentions {counts}")
        lines.append("")
    return lines


def timeline_lines(digest: Digest, number: dict[str, int]) -> list[str]:
    """ "Timeline": dated events, oldest first, each with the outlets that date it."""
    if not digest.timeline:
        return []
    lines = ["## Timeline", ""]
    for entry in digest.timeline:
        marks = "".join(f"[{n}]" for n in sorted(number[a] for a in entry.article_ids))
        words = ", ".join(dict.fromkeys(f"“{plain(s.text)}”" for s in entry.spans))
        mark = " (date counted from an inferred publication date)" if entry.inferred else ""
        said = _worded(clause_wording(digest, entry.sentence_ids[0], entry.text))
        lines.append(f"- **{when(entry)}** — {said} {marks}: {words}{mark}")
    lines.append("")
    return lines


def _quoted_by(digest: Digest, number: dict[str, int], quote: Quote) -> str:
    source = plain(digest.article(quote.article_id).source)
    said = f" ({plain(quote.speaker_description)})" if quote.speaker_description else ""
    return f"[{number[quote.article_id]}] {source}{said}"


def quoted(text: str) -> str:
    """The text in quotation marks, unless it already opens with one (a quotation)."""
    return text if opens_quoted(text) else f"“{text}”"


def backs_only_note(clauses: Iterable[str], escape: Callable[[str], str] = str) -> str:
    """What a citation backs when it backs only some clauses: "backs only “a” and “b”"
    (each clause `escape`d for the format first)."""
    return "backs only " + " and ".join(quoted(escape(clause)) for clause in clauses)


# underscores inside a word ("belsar_messenger") make no emphasis and stay as they are
_MARKUP = re.compile(r"([\\`*\[\]]|(?<!\w)_|_(?!\w))")


def plain(text: str) -> str:
    """Article text as text: `&`, `<` and `>` written as entities, so no viewer reads it as
    HTML, and Markdown's inline marks (backslash, backtick, asterisk, square brackets, an
    underscore at a word's edge) escaped, so "*urgent*" or "[here](http://…)" in an article
    stays as written, not emphasis or a link."""
    return _MARKUP.sub(r"\\\1", html.escape(text, quote=False))


def _short(origin: str) -> str:
    """The file name of a path origin (the JSON output keeps the full path)."""
    return origin.replace("\\", "/").rsplit("/", 1)[-1]


def _around(claim: Claim, limit: int = 90) -> str:
    """The claim's clause, cut to `limit` characters around the disputed words so that they
    always show."""
    text, at = claim.span.text, claim.start - claim.span.start
    if len(text) <= limit:
        return text
    begin = max(0, min(at - limit // 3, len(text) - limit))
    end = begin + limit
    if begin > 0 and " " in text[begin:at]:
        begin = text.index(" ", begin) + 1  # whole words at both ends
    if end < len(text) and " " in text[claim.end - claim.span.start : end]:
        end = text.rindex(" ", 0, end)
    piece = text[begin:end].strip()
    return ("…" if begin > 0 else "") + piece + ("…" if end < len(text) else "")


def _clip(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
