"""Take the story out of scraped article text: drop page furniture, read metadata lines.

`clean_documents` works on a batch, because a line repeated across several articles of one
batch is evidence of boilerplate that no single article shows. For each body it:

1. splits the body into paragraphs ("units"): one per non-blank line, except that a block of
   hard-wrapped lines (see `_is_wrapped`) is joined back into paragraphs with single spaces;
2. asks `boilerplate.line_reason` about each unit (navigation, captions, promotions...);
3. marks units repeated across articles of the batch (`_mark_repeated`);
4. reads the head of the article with `header`: metadata header, byline, section label,
   title line;
5. takes a classic dateline ("PARIS (Reuters) -") off the first story paragraph;
6. drops later exact copies of a paragraph inside one article;
7. joins the kept paragraphs with "\\n\\n". Story text is never rewritten: each kept
   paragraph is the body's text (a wrapped paragraph's line breaks become single spaces).

Everything removed is reported as a `Span` whose offsets index the body as given.
Subheadings inside the story are kept: they are story text and become their own sentence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from newsweave.model import Span
from newsweave.text.boilerplate import ends_sentence, line_reason
from newsweave.text.captions import caption_below_date, dated_caption
from newsweave.text.header import (
    TITLE_MAX_WORDS,
    HeaderMatch,
    classic_dateline,
    is_byline,
    is_section_label,
    metadata_header,
    same_title,
    title_parts,
)

# A wiki's image file name left at the head of a paragraph ("Cquote1.svg \tOn the occasion")
_IMAGE_FILE = re.compile(r"[\w.-]+\.(?:svg|png|jpe?g|gif|webp)\s+", re.IGNORECASE)
# Units looked at for a title, byline or metadata header before the story is deemed started.
HEADER_ZONE = 4
# A unit this close to either end of its article is in the "edge" where boilerplate sits.
EDGE = 3
# Articles sharing this many substantial story paragraphs are copies of one story
# (syndication, duplicates): what they share is story, not boilerplate.
SYNDICATED_SHARED = 2
# Repeated units that are not sentences are boilerplate up to this many words...
REPEATED_FRAGMENT_WORDS = 12
# ...and repeated sentences up to this many, when at an edge and not reported speech.
REPEATED_SENTENCE_WORDS = 40
# Hard-wrapped text: the longest line is within these bounds, and most lines are at least
# this share of the longest.
WRAP_MIN_WIDTH = 40
WRAP_MAX_WIDTH = 100
WRAP_FULL_LINE = 0.7

_CONTENT = re.compile(r"[^\s\ufeff\u200b](?:.*[^\s\ufeff\u200b])?")
_QUOTES = re.compile(r"[“”\"«»„]")
_WORD = re.compile(r"\w+")
_REPORTING = re.compile(r"\b(?:said|says|told|tells|according to|added|asked|stated)\b")


@dataclass
class Cleaned:
    """The story text of one article and what was taken out of it."""

    text: str  # the story text: boilerplate and metadata removed, paragraphs joined by "\n\n"
    removed: list[Span]  # every removed piece; offsets index the ORIGINAL body
    title: str | None  # from a title line (or the given title)
    section: str | None  # from "Title | Section"
    published: str | None  # ISO date from a header like "date 2022-02-07 PARIS :"
    dateline: str | None  # "PARIS" from that header or from a classic dateline


@dataclass
class _Unit:
    """One paragraph: the stripped (start, end) bounds of its lines in the body."""

    lines: list[tuple[int, int]]
    text: str

    @property
    def start(self) -> int:
        return self.lines[0][0]

    @property
    def end(self) -> int:
        return self.lines[-1][1]

    def body_offset(self, index: int) -> int:
        """The body offset of position `index` in `text` (lines are joined by one space)."""
        seen = 0
        for start, end in self.lines:
            if index <= seen + (end - start):
                return start + index - seen
            seen += end - start + 1
        return self.end


@dataclass
class _Meta:
    title: str | None = None
    section: str | None = None
    published: str | None = None
    dateline: str | None = None
    removed: list[Span] = field(default_factory=list)


def clean_documents(
    bodies: Sequence[str], titles: Sequence[str | None] | None = None
) -> list[Cleaned]:
    """Clean each body; `titles[i]`, when given, is the title the input carried for body i."""
    given: Sequence[str | None] = titles if titles is not None else [None] * len(bodies)
    if len(given) != len(bodies):
        raise ValueError(f"{len(bodies)} bodies but {len(given)} titles")
    units = [split_units(body) for body in bodies]
    reasons = [[line_reason(unit.text) for unit in doc] for doc in units]
    _mark_repeated(units, reasons)
    return [
        _clean_one(body, doc, doc_reasons, title)
        for body, doc, doc_reasons, title in zip(bodies, units, reasons, given, strict=True)
    ]


def split_units(body: str) -> list[_Unit]:
    """Paragraphs of `body`: each non-blank line, or re-joined runs of hard-wrapped lines."""
    units: list[_Unit] = []
    block: list[tuple[int, int]] = []
    position = 0
    for raw in body.split("\n"):
        content = _CONTENT.search(raw)
        if content:
            block.append((position + content.start(), position + content.end()))
        else:
            units.extend(_block_units(body, block))
            block = []
        position += len(raw) + 1
    units.extend(_block_units(body, block))
    return units


def _block_units(body: str, block: list[tuple[int, int]]) -> list[_Unit]:
    if not _is_wrapped(body, block):
        return [_Unit([line], body[line[0] : line[1]]) for line in block]
    width = max(end - start for start, end in block)
    units: list[_Unit] = []
    current: list[tuple[int, int]] = []
    for start, end in block:
        current.append((start, end))
        if end - start < WRAP_FULL_LINE * width:  # a short line ends its paragraph
            units.append(_Unit(current, " ".join(body[s:e] for s, e in current)))
            current = []
    if current:
        units.append(_Unit(current, " ".join(body[s:e] for s, e in current)))
    return units


def _is_wrapped(body: str, block: list[tuple[int, int]]) -> bool:
    """Whether a block of consecutive lines is one hard-wrapped text (e.g. at 72 columns).

    It must have at least three lines, the longest `WRAP_MIN_WIDTH`-`WRAP_MAX_WIDTH` long
    (so a menu of short items is not joined); most lines but the
    last must be "full" (at least `WRAP_FULL_LINE` of the longest) and most must end without
    sentence-final punctuation, i.e. in the middle of a sentence.
    """
    if len(block) < 3:
        return False
    lengths = [end - start for start, end in block]
    width = max(lengths)
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return False
    inner = block[:-1]
    full = sum(end - start >= WRAP_FULL_LINE * width for start, end in inner)
    open_ended = sum(not ends_sentence(body[s:e]) for s, e in inner)
    return full * 10 >= len(inner) * 6 and open_ended * 2 > len(inner)


def _key(text: str) -> str:
    """The words of `text`, case-folded, one space apart: what "the same paragraph" means."""
    return " ".join(_WORD.findall(text.casefold()))


def _mark_repeated(docs: list[list[_Unit]], reasons: list[list[str | None]]) -> None:
    """Mark units repeated across articles that are not copies of one another."""
    if len(docs) < 2:
        return  # one article alone repeats nothing across articles (a stream's case)
    keys = [[_key(unit.text) for unit in doc] for doc in docs]
    where: defaultdict[str, set[int]] = defaultdict(set)
    substantial: set[str] = set()
    for d, doc in enumerate(docs):
        for i, unit in enumerate(doc):
            where[keys[d][i]].add(d)
            if reasons[d][i] is None and ends_sentence(unit.text) and len(unit.text.split()) >= 8:
                substantial.add(keys[d][i])
    shared: Counter[tuple[int, int]] = Counter()
    for key in substantial:
        shared.update(combinations(sorted(where[key]), 2))
    for d, doc in enumerate(docs):
        for i, unit in enumerate(doc):
            others = where[keys[d][i]] - {d}
            if reasons[d][i] is not None or not keys[d][i] or not others:
                continue
            if all(shared[(min(d, o), max(d, o))] >= SYNDICATED_SHARED for o in others):
                continue
            if _date_line_at_head(doc, i):
                continue  # two articles of one day share their date line, not boilerplate
            edge = i < EDGE or i >= len(doc) - EDGE
            if _repeat_is_boilerplate(unit.text, edge):
                reasons[d][i] = "repeated across articles"


def _date_line_at_head(doc: list[_Unit], i: int) -> bool:
    """Whether unit i is a date line in the article's head: among its first units, with
    the story still to come (a sentence follows it). A title or byline may come before it,
    even one that ends like a sentence ("Will the pilots strike?"); a date at the foot of
    two articles, after their story, is boilerplate."""
    return (
        i < HEADER_ZONE
        and any(ends_sentence(unit.text) for unit in doc[i + 1 :])
        and metadata_header(doc[i].text) is not None
    )


def _repeat_is_boilerplate(text: str, edge: bool) -> bool:
    """Short fragments anywhere; sentences only at an edge and never reported speech."""
    words = len(text.split())
    if _QUOTES.search(text):
        return False
    if not ends_sentence(text):
        return words <= REPEATED_FRAGMENT_WORDS
    return edge and words <= REPEATED_SENTENCE_WORDS and not _REPORTING.search(text)


def _clean_one(
    body: str, units: list[_Unit], reasons: list[str | None], given: str | None
) -> Cleaned:
    meta = _Meta(title=given)
    cut: dict[int, int] = {}  # unit index -> characters removed from the start of its text
    first = _read_head(body, units, reasons, given, meta, cut)
    if first is not None and _caption_below_date(units, reasons, first):
        reasons[first] = "caption below the date line"
        first = next((i for i in range(first + 1, len(units)) if reasons[i] is None), None)
    if first is not None:
        _take_dateline(body, units[first], first, meta, cut)
    seen: set[str] = set()
    for i, unit in enumerate(units):
        if reasons[i] is None and i != first and dated_caption(unit.text):
            reasons[i] = "photo caption"
        image = _IMAGE_FILE.match(unit.text, cut.get(i, 0)) if reasons[i] is None else None
        if image is not None and image.end() < len(unit.text):
            _cut(body, unit, i, image.end(), meta, cut, "image file name")
        key = _key(unit.text[cut.get(i, 0) :])
        if reasons[i] is None and key in seen and len(key.split()) >= 4:
            reasons[i] = "duplicate within article"
        seen.add(key)
    paragraphs: list[str] = []
    for i, unit in enumerate(units):
        reason = reasons[i]
        if reason is not None:
            meta.removed.append(Span(unit.start, unit.end, body[unit.start : unit.end], reason))
        else:
            paragraphs.append(unit.text[cut.get(i, 0) :])
    meta.removed.sort(key=lambda span: (span.start, span.end))
    return Cleaned(
        text="\n\n".join(paragraphs),
        removed=meta.removed,
        title=meta.title,
        section=meta.section,
        published=meta.published,
        dateline=meta.dateline,
    )


def _cut(
    body: str, unit: _Unit, index: int, end: int, meta: _Meta, cut: dict[int, int], reason: str
) -> None:
    """Remove `unit.text[cut:end]` and the whitespace after it; record the removed span."""
    start = unit.body_offset(cut.get(index, 0))
    stop = unit.body_offset(len(unit.text[:end].rstrip()))
    meta.removed.append(Span(start, stop, body[start:stop], reason))
    rest = unit.text[end:]
    cut[index] = end + len(rest) - len(rest.lstrip())


def _read_head(
    body: str,
    units: list[_Unit],
    reasons: list[str | None],
    given: str | None,
    meta: _Meta,
    cut: dict[int, int],
) -> int | None:
    """Read metadata at the head of the article; return the index of the first story unit."""
    candidates = [i for i, reason in enumerate(reasons) if reason is None]
    headers: dict[int, HeaderMatch | None] = {}  # each unit's date header, read once

    def header_of(i: int) -> HeaderMatch | None:
        if i not in headers:
            headers[i] = metadata_header(units[i].text)
        return headers[i]

    titled = False
    for position, i in enumerate(candidates[:HEADER_ZONE]):
        text = units[i].text
        has_more = position + 1 < len(candidates)
        header = header_of(i) if meta.published is None else None
        if header is not None:
            meta.published = header.published
            meta.dateline = header.dateline or meta.dateline
            if not text[header.end :].strip():
                reasons[i] = "metadata header"
                continue
            _cut(body, units[i], i, header.end, meta, cut, "metadata header")
            return i
        if is_byline(text):
            reasons[i] = "byline"
            continue
        if has_more and not titled and is_section_label(text):
            reasons[i] = "section label"
            continue
        may_title = has_more and not titled
        date_line_in = (
            _date_line_in(units, candidates[position + 1 : position + 3], header_of)
            if may_title or meta.published is None
            else None
        )
        parts = title_parts(text, dated_next=date_line_in is not None) if may_title else None
        if given is not None and may_title and same_title(text, given):
            reasons[i], titled = "repeated title", True
            meta.section = parts[1] if parts else None
            continue
        if parts is not None and given is None:
            reasons[i], titled = "title", True
            meta.title, meta.section = parts
            continue
        if date_line_in == 1 and _caption_above_date(text, meta):
            reasons[i] = "caption above the date line"
            continue
        return i
    return candidates[HEADER_ZONE] if len(candidates) > HEADER_ZONE else None


def _date_line_in(
    units: list[_Unit], following: list[int], header_of: Callable[[int], HeaderMatch | None]
) -> int | None:
    """In how many units a date line follows: 1 for the next unit, 2 after a byline."""
    for ahead, i in enumerate(following, start=1):
        if header_of(i) is not None:
            return ahead
        if not is_byline(units[i].text):
            return None
    return None


def _caption_above_date(text: str, meta: _Meta) -> bool:
    """A short line between the title and the date line ("Countries affected by the 2004
    Indian Ocean tsunami" above "Tuesday, January 18, 2005"): a photo's caption."""
    short = len(text.split()) <= TITLE_MAX_WORDS and "\n" not in text.strip()
    return short and meta.published is None


def _caption_below_date(units: list[_Unit], reasons: list[str | None], first: int) -> bool:
    """Whether the first story unit is a photo's caption right below the date line."""
    if first == 0 or reasons[first - 1] != "metadata header":
        return False
    story_follows = any(reason is None for reason in reasons[first + 1 :])
    return story_follows and caption_below_date(units[first].text, units[first - 1].text)


def _take_dateline(body: str, unit: _Unit, index: int, meta: _Meta, cut: dict[int, int]) -> None:
    """Take a classic dateline ("PARIS (Reuters) -") off the first story paragraph."""
    start = cut.get(index, 0)
    found = classic_dateline(unit.text[start:])
    if found is not None:
        end, place = found
        meta.dateline = meta.dateline or place
        _cut(body, unit, index, start + end, meta, cut, "dateline")
