"""Find the quotations in an article as exact spans, and say who said each one.

    >>> for q in find_quotes(article):
    ...     print(q.form, q.speaker, q.text)

**Finding quotes.** Every line of `article.text` is a paragraph; a quotation never crosses a
line break except by the continued-quote convention below. Each paragraph is scanned once
for quotation marks with a small state machine (`newsweave.quote_marks`):

- double marks: curly “ ”, straight ", low „ and « guillemets » (with or without inner
  spaces). Scraped text mixes them (“...\" or even “...“), so a mark opens or closes by
  its *context*, not its shape: a mark with a space (or line start) before it and a letter
  after it opens; one with a letter or punctuation before it and a space, punctuation or
  line end after it closes; only when the context says nothing does the shape decide.
  A mark that can only close while no quote is open (12" pipe) is ignored.
- inside a double quote, single quotes (‘get to the roof’) and apostrophes are part of the
  text; a nested double quote that clearly opens is counted so that its closing mark does
  not end the outer quote; inside « » only » closes.
- outside a double quote, ‘ followed by a letter opens a single-quoted quote that ’ closes
  when no letter follows (so don’t, Orvenia’s stay apostrophes); if none closes it in the
  paragraph, the ‘ was not a quote mark. The straight ' is never a quote mark.
- a quote still open at the end of its paragraph ends there; when the next paragraph opens
  with a quotation mark, that paragraph continues the same quotation (form "continued").

A quote's text is what lies between its marks, without surrounding spaces and without a
trailing , ; or : (“...found,” -> "...found"); a sentence's own . ? ! stays.

**Forms.** "split": a quote followed at once by its attribution and then by another quote
that has none (“A,” he said. “B.” or “A,” he told X, “and B.”): both pieces. "continued":
a paragraph continuing an unclosed quote, or a paragraph that is nothing but a quotation
without attribution right after a paragraph whose quote was attributed. "full": the quote
starts its sentence (or follows a colon, or an attribution and comma) and nothing but an
attribution follows it. "partial": anything else (a quote inside the reporter's sentence).

**Attribution** (grammar in `newsweave.speakers`, names in `newsweave.speaker_references`),
first that applies:
the rest of the quote's sentence (“...,” X said / said X / according to X; or a last
", X said." after more text); the next sentence when it is only an attribution ("Mr.
Dravec said."), also on the line after a quote that ends its paragraph when that line is
nothing else; the second piece of a split quote takes the first piece's speaker; the
sentence before the quote (X said that “...”, X called it “...”, According to X, “...”);
the previous sentence when it ends with a colon; the quotation a continued paragraph
continues. A quote with none of these has speaker and description None.

**Limits.** Quotes are found by their marks only: reported speech without marks is not a
quote, and a missing or extra mark in the source can swallow or split text until the end
of the paragraph. Single-quoted top-level quotes are found only with the curly ‘ (the
straight ' is too ambiguous), and a plural possessive (students’) inside one ends it
early. Nested double quotes are found only when the inner opening mark is unambiguous.
Reversed guillemets (»...«) and dialogue dashes are not read. A quote whose attribution
is neither in its own sentence nor in the next/previous one (pull quotes, captions) has no
speaker, nor has a third quote after a split one in the same paragraph (“A,” she said.
“B.” “C.”).
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass

from newsweave.model import Article, sentence_id
from newsweave.quote_marks import quote_marks
from newsweave.speakers import (
    MASK,
    Attribution,
    Names,
    after_quote,
    before_quote,
    lone_attribution,
)
from newsweave.text.sentences import NEWS_ABBREVIATIONS

__all__ = ["FoundQuote", "find_quotes"]


@dataclass(frozen=True)
class FoundQuote:
    """One quotation: `text == article.text[start:end]`, without its quotation marks.

    `speaker_description` is the attribution as written ("the minister", "a senior official
    at the Interior Ministry", "he"); `speaker` the named person or organisation it refers
    to, in the fullest form the article gives ("Anselm Dravec" for "Mr. Dravec"), or None
    for an unnamed or unresolved source. `form` is "full", "partial", "split" or
    "continued" (see the module docstring)."""

    text: str
    start: int
    end: int
    sentence_id: str
    speaker_description: str | None
    speaker: str | None
    form: str


_PARAGRAPH = re.compile(r"[^\n\r]+")
NAME_WORDS = 3
# verbs of saying right before a quotation: what follows is said, however short
_SAYING = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "shouted",
        "chanted",
        "replied",
        "answered",
        "added",
        "declared",
        "wrote",
        "writes",
        "yelled",
        "cried",
        "asked",
        "insisted",
        "responded",
    ]
)
_TRIM = " \t,;:"


@dataclass
class _Quote:
    """A quote as scanned: mark positions, trimmed span, and what the later passes decide."""

    open: int  # index of the opening mark
    close: int | None  # index of the closing mark; None: runs to the end of the paragraph
    start: int
    end: int
    paragraph: int
    continues: bool = False  # continues the previous paragraph's unclosed quote
    attribution: Attribution | None = None
    source: _Quote | None = None  # the quote whose attribution this one takes over
    form: str = "partial"
    speaker: str | None = None

    @property
    def region_end(self) -> int:
        return self.close + 1 if self.close is not None else self.end


def find_quotes(article: Article) -> list[FoundQuote]:
    """Every quotation in `article.text`, in text order, with its speaker."""
    text = article.text
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    quotes = _scan(text, paragraphs)
    if not quotes:
        return []
    sentences = [(s.start, s.end) for s in article.sentences]
    ids = [s.id for s in article.sentences]
    if not sentences:
        from newsweave.text import split_sentences

        sentences = split_sentences(text)
        ids = [sentence_id(article.id, i) for i in range(len(sentences))]
    masked = _mask(text, quotes)
    names = Names(masked, sentences)
    _attribute(masked, quotes, sentences, paragraphs)
    history: list[tuple[int, str | None]] = []
    for quote in quotes:  # own attributions first, in text order (pronouns look back)
        clause = quote.attribution
        if quote.source is None and clause is not None:
            quote.speaker = names.speaker(clause.start, clause.end, history)
            insort(history, (clause.start, quote.speaker), key=lambda h: h[0])
    found: list[FoundQuote] = []
    starts = [s for s, _ in sentences]
    for quote in quotes:
        owner = quote
        while owner.source is not None:
            owner = owner.source
        clause = owner.attribution
        index = max(bisect_right(starts, quote.start) - 1, 0)
        found.append(
            FoundQuote(
                text=text[quote.start : quote.end],
                start=quote.start,
                end=quote.end,
                sentence_id=ids[index],
                speaker_description=text[clause.start : clause.end] if clause else None,
                speaker=owner.speaker,
                form=quote.form,
            )
        )
    return found


# -- scanning -----------------------------------------------------------------------------


def _quoted_name(text: str, paragraph_start: int, open_at: int, close_at: int) -> bool:
    """A name or a title in quotation marks, not something said: at most `NAME_WORDS`
    capitalised words with no punctuation inside the marks, inside a sentence that goes on
    around them ("survivors such as “Fiona” met", "the “Dateline” programme"). Not when a
    colon or a verb of saying comes before (Smith said: “Never”; he said « Non »; the crowd
    chanted “Free Palestine”), an attribution after a comma follows (“Guilty”, the foreman
    said), or the quote opens its sentence."""
    inside = text[open_at + 1 : close_at]
    words = inside.split()
    if not (
        len(words) <= NAME_WORDS
        and all(word[0].isupper() for word in words)
        and not any(mark in inside for mark in ".!?,;:")
    ):
        return False
    before = text[paragraph_start:open_at].rstrip()
    if not before or before[-1] in ":!?" or _sentence_ends(before):
        return False
    if before.split()[-1].casefold() in _SAYING:
        return False
    after = text[close_at + 1 : close_at + 80].lstrip()
    attributed = after.startswith(",") and any(
        word.strip(".,;:").casefold() in _SAYING for word in after[1:].split()[:6]
    )
    return not attributed


def _sentence_ends(before: str) -> bool:
    """Whether `before` ends a sentence with its full stop (not an initial, "Pvt. Ivan L.",
    nor a title, "Mr.")."""
    if not before.endswith("."):
        return False
    word = before.split()[-1].rstrip(".").casefold()
    return len(word) > 1 and word not in NEWS_ABBREVIATIONS


def _scan(text: str, paragraphs: list[tuple[int, int]]) -> list[_Quote]:
    quotes: list[_Quote] = []
    for number, (start, end) in enumerate(paragraphs):
        for open_at, close_at in quote_marks(text, start, end):
            span_start, span_end = open_at + 1, close_at if close_at is not None else end
            while span_start < span_end and text[span_start].isspace():
                span_start += 1
            while span_end > span_start and text[span_end - 1] in _TRIM:
                span_end -= 1
            if not any(c.isalnum() for c in text[span_start:span_end]):
                continue
            if close_at is not None and _quoted_name(text, start, open_at, close_at):
                continue
            quote = _Quote(open_at, close_at, span_start, span_end, number)
            previous = quotes[-1] if quotes else None
            if (
                previous is not None
                and previous.close is None
                and previous.paragraph == number - 1
                and not text[start:open_at].strip()
            ):
                quote.continues = True
            quotes.append(quote)
    return quotes


def _mask(text: str, quotes: list[_Quote]) -> str:
    pieces: list[str] = []
    at = 0
    for quote in quotes:
        pieces.append(text[at : quote.open])
        pieces.append(MASK * (quote.region_end - quote.open))
        at = quote.region_end
    pieces.append(text[at:])
    return "".join(pieces)


# -- attribution and forms ----------------------------------------------------------------


def _attribute(
    masked: str,
    quotes: list[_Quote],
    sentences: list[tuple[int, int]],
    paragraphs: list[tuple[int, int]],
) -> None:
    """Give each quote its attribution clause (or a quote it takes its speaker from) and
    its form, by the rules in the module docstring, in text order."""
    starts = [s for s, _ in sentences]

    def sentence(pos: int) -> int:
        return max(bisect_right(starts, pos) - 1, 0)

    previous: _Quote | None = None
    for number, quote in enumerate(quotes):
        following = quotes[number + 1] if number + 1 < len(quotes) else None
        para_start, para_end = paragraphs[quote.paragraph]
        # 1. the rest of the quote's sentence, up to the next quote
        after_start, after_end = quote.region_end, para_end
        if quote.close is not None:
            after_end = min(sentences[sentence(quote.close)][1], para_end)
        if following is not None and following.paragraph == quote.paragraph:
            after_end = min(after_end, following.open)
        clause = after_quote(masked, after_start, after_end) if after_start < after_end else None
        words_after = any(c.isalnum() for c in masked[after_start:after_end])
        # 2. the next sentence, when it is only an attribution ("Mr. Dravec said.")
        if clause is None and not words_after and quote.close is not None:
            index = sentence(quote.close) + 1
            if index < len(sentences) and sentences[index][1] <= para_end:
                next_start, next_end = sentences[index]
                if following is None or following.open >= next_end:
                    clause = lone_attribution(masked, next_start, next_end)
            elif quote.paragraph + 1 < len(paragraphs) and index < len(sentences):
                clause = _attribution_line(masked, quote, following, sentences[index], paragraphs)
        sentence_start = max(sentences[sentence(quote.open)][0], para_start)
        lead_start = sentence_start  # for the form: the sentence before the quote ...
        if previous is not None and previous.paragraph == quote.paragraph:
            lead_start = max(lead_start, previous.region_end)  # ... after any earlier quote
        lead = masked[lead_start : quote.open].strip()
        # 3. the second piece of a split quote
        first_piece = _split_source(masked, previous, quote) if clause is None else None
        if first_piece is not None:
            quote.source = first_piece
            first_piece.form = quote.form = "split"
            previous = quote
            continue
        # 4. the sentence before the quote; 5. a sentence ending with a colon before it
        if clause is None and lead:
            clause = before_quote(masked, sentence_start, quote.open)
        if clause is None and not lead:
            clause = _colon_lead(masked, sentences, sentence(quote.open))
        quote.attribution = clause
        starts_sentence = (
            not lead
            or lead.endswith(":")
            or (lead.endswith(",") and clause is not None and masked[quote.start].isupper())
        )
        ends_sentence = not words_after or (
            clause is not None and clause.immediate and clause.start >= after_start
        )
        quote.form = "full" if starts_sentence and ends_sentence else "partial"
        # 6. a paragraph continuing the quote before it
        if quote.continues:
            quote.form = "continued"
            if clause is None and previous is not None:
                quote.source = previous.source or previous
        elif (
            clause is None and previous is not None and _quote_paragraph(masked, quote, paragraphs)
        ):
            owner = previous.source or previous
            if previous.paragraph == quote.paragraph - 1 and owner.attribution is not None:
                quote.source = owner
                quote.form = "continued"
        previous = quote
    _backfill_chains(quotes)


def _attribution_line(
    masked: str,
    quote: _Quote,
    following: _Quote | None,
    next_sentence: tuple[int, int],
    paragraphs: list[tuple[int, int]],
) -> Attribution | None:
    """The attribution on the line after a quote that ends its paragraph, when that line is
    one short attribution sentence and nothing else ("Ilse Marek, a nurse, told reporters.")."""
    line_start, line_end = paragraphs[quote.paragraph + 1]
    start, end = next_sentence
    if start < line_start or masked[end:line_end].strip() or masked[line_start:start].strip():
        return None
    if following is not None and following.open < line_end:
        return None
    return lone_attribution(masked, start, end)


def _split_source(masked: str, previous: _Quote | None, quote: _Quote) -> _Quote | None:
    """The first piece when `quote` is the second piece of a split quote, else None."""
    if previous is None or previous.paragraph != quote.paragraph or previous.close is None:
        return None
    clause = previous.attribution
    if previous.source is not None:
        return None  # “A,” he said. “B.” “C.”: C is not a third piece
    if clause is None or not clause.immediate or clause.start < previous.region_end:
        return None
    between = masked[clause.clause_end : quote.open]
    if any(c.isalnum() or c == MASK for c in between):
        return None
    return previous


def _colon_lead(masked: str, sentences: list[tuple[int, int]], index: int) -> Attribution | None:
    """The attribution in the sentence before, when that sentence ends with a colon."""
    if index == 0:
        return None
    start, end = sentences[index - 1]
    if not masked[start:end].rstrip().endswith(":"):
        return None
    return before_quote(masked, start, end)


def _quote_paragraph(masked: str, quote: _Quote, paragraphs: list[tuple[int, int]]) -> bool:
    """True when the quote's paragraph holds nothing but quotations."""
    start, end = paragraphs[quote.paragraph]
    return not any(c.isalnum() for c in masked[start:end])


def _backfill_chains(quotes: list[_Quote]) -> None:
    """A continued quote whose first paragraph has no attribution takes a later piece's."""
    for number, quote in enumerate(quotes):
        if quote.attribution is not None or quote.source is not None:
            continue
        follower = number + 1
        while follower < len(quotes) and quotes[follower].continues:
            candidate = quotes[follower]
            if candidate.attribution is not None:
                for piece in quotes[number:follower]:
                    piece.source = candidate
                break
            follower += 1
