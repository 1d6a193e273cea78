"""Clauses: the pieces of a news sentence that each carry one fact.

A lead sentence often packs several facts ("A dam gave way early on Monday after days of
rain, sending a surge of water through riverside neighbourhoods and killing nine people,
the rescue service said"). Aligning facts across outlets works better on such pieces than
on whole sentences. The split is deliberately shallow and rule-based, at points that start a
new predication in news prose:

- a semicolon;
- a comma followed by a coordinating or contrasting conjunction ("and", "but", "while",
  "whereas") or by a participle that opens a new event ("sending", "killing", "leaving",
  "flooding", ...);
- " and " followed by such a participle ("... and killing nine people");
- "after" opening a subordinate clause ("... gave way | after days of rain"; not "in the
  90 minutes after sirens sounded" or "shortly after 2 a.m."), and ", when" or ", where"
  ("the water reached the streets, | where ..."; without the comma, "lies where the river
  bends" is one statement), unless a pronoun follows ("..., where he is to meet
  Zelensky"): a clause that starts "he is to meet" says nothing without its referent;
- the comma that closes a subordinate clause opening the sentence ("As Macron and Putin
  meet in Moscow, | German Chancellor Olaf Scholz will meet Biden"; "While ..., | Mr.
  Macron will head first to Russia"); not after "After", "Before", "Since", "Once" or
  "Until", which open phrases as often ("After Moscow, the French president is expected
  in Kiev"), nor "As of", "Because of" or "As a result", nor "If", whose condition and
  outcome are one claim;
- ", which" opening a relative clause that runs to the end of the sentence or to a ",
  and" ("A surge of water tore through the riverside districts of the town, | which has a
  population of 41,000, | and ..."; "the Kyoto Protocol, | which expires in 2012"): it
  states a fact of its own about what it follows; not an aside that a comma closes ("The
  dam, which was built in 1971, failed");
- ", with" before an amount that runs to the end of the sentence ("put the death toll at
  nine, | with more than 20 people missing"), which adds a fact of its own; not ", with
  aides present", ", with 5G support", ", with 2024 profits expected" or an aside ("The
  Social Democrats, with 206 seats in parliament, lost their majority").

Quotations are never split: a quote is one statement of its speaker.
A piece shorter than `MIN_WORDS` words stays with its neighbour, and an attribution at the
end ("..., the agency said.") stays with the clause before it. Offsets are character offsets
into the article text, so every clause is an exact span of its article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from newsweave.model import Sentence, TextSpan

MIN_WORDS = 4
# a present participle ("sending", "lifting") opens a new event; these "-ing" words do not
_NOT_PARTICIPLES = (
    "during|including|according|following|regarding|concerning|excluding|pending|"
    "notwithstanding|morning|evening|building|meeting|nothing|something|anything|"
    "everything|thing|things|king|ring|spring|string|ceiling|wedding|funding|housing|"
    "training|hearing|ruling|shooting|bombing|warning|briefing|opening|beginning|ending|"
    "being|bring|sibling|feeling|setting|spending|offering|clothing|planning"
)
_PARTICIPLES = rf"(?!(?:{_NOT_PARTICIPLES})\b)[a-z]{{3,}}ing"
_BOUNDARY = re.compile(
    rf";\s+|,\s+(?=(?:and|but|while|whereas|{_PARTICIPLES})\b)|\s+(?=and\s+(?:{_PARTICIPLES})\b)"
    r"|,\s+(?=which\s(?:[^,;]|(?<=\d),(?=\d))*(?:$|[,;]\s+(?:and|but)\s))|,?\s+(?=after\s)|,\s+(?=(?:when|where)\s(?!(?:he|she|it|they|we|you|i)\b))"
    r"|,\s+(?=with\s+(?:more\s+than\s+|about\s+|some\s+|at\s+least\s+|over\s+)?"
    r"(?!(?:19|20)\d\d\b)\d[\d,.]*\s+[a-z][^,;]*$)",
    re.IGNORECASE,
)
# a sentence that opens with a subordinate clause ("As Macron and Putin meet in Moscow, |
# Scholz will meet Biden"); not "After Moscow," or "Since his election in 2017,", phrases
# that open as often as clauses, nor "If ...,": a condition and its outcome are one claim
# ("As of Monday,", "Because of the rain,", "As a result," open phrases)
_LEADING_SUBORDINATE = re.compile(
    r"(?:As(?!\s+(?:of|a\s+result|well|such|usual|always|expected)\b)|Because(?!\s+of\b)"
    r"|While|When|Whereas|Although|Though)\s[^,;“”\"]{8,}?,\s+"
)
_ATTRIBUTION = re.compile(
    r"^(?:(?:the|a|an|its|his|her|their)\s+)?[\w’'.\- ]{0,60}?\s(?:said|says|told|added|reported)"
    r"\b[^,;]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Clause:
    """A clause of a sentence; `text == article.text[start:end]`."""

    sentence_id: str
    article_id: str
    text: str
    start: int
    end: int
    # the subordinate clause its sentence opens with, cut from the main clause ("As Macron
    # and Putin meet in Moscow"): it leads into another and does not stand alone
    leads: bool = False

    def span(self) -> TextSpan:
        """The clause as a span of its article, as facts and claims cite it."""
        return TextSpan(self.article_id, self.sentence_id, self.start, self.end, self.text)


def split_clauses(sentence: Sentence) -> list[Clause]:
    """The clauses of a sentence, in order; a sentence with no split point is one clause."""
    text = sentence.text
    cuts = [0]
    leading = _LEADING_SUBORDINATE.match(text)
    if leading is not None and inside_quotation(text, leading.end()):
        leading = None
    if leading is not None:
        cuts.append(leading.end())
    for match in _BOUNDARY.finditer(text):
        if not inside_quotation(text, match.start()) and not _time_after(text, match):
            cuts.append(match.end())
    cuts.append(len(text))
    pieces: list[tuple[int, int]] = []
    for start, end in pairwise(cuts):
        piece_end = _trim_end(text, start, end)
        if pieces and (_too_short(text[start:piece_end]) or _is_attribution(text[start:end])):
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((start, end))
    if len(pieces) > 1 and _too_short(text[pieces[0][0] : pieces[0][1]]):
        pieces[0:2] = [(pieces[0][0], pieces[1][1])]
    return [
        Clause(
            sentence_id=sentence.id,
            article_id=sentence.article_id,
            text=text[start : _trim_end(text, start, end)],
            start=sentence.start + start,
            end=sentence.start + _trim_end(text, start, end),
            leads=leading is not None and start == 0 and end == leading.end(),
        )
        for start, end in pieces
    ]


_LEADING_SOURCE = re.compile(r"^(?:according to|citing)\s[^,]{1,80},\s*", re.IGNORECASE)
_TRAILING_SOURCE = re.compile(
    r"[,”\"]\s*(?:(?:the|a|an|his|her|its|their)\s+)?[^,”\"]{0,80}?\s"
    r"(?:said|says|told\s[^,.]{1,40}|added|reported|announced)(?:\s(?:on|in)\s[^,.]{1,30})?"
    r"[.”\"]?$",
    re.IGNORECASE,
)
_SAID_FIRST = re.compile(
    # "told reporters that ...", not "have been told to boil water" (an instruction)
    # ("told this newspaper that ...": up to its "that", else one word: "told reporters");
    # the day it was said goes with it ("said on Tuesday that ...")
    r"^[A-Z][^,]{0,60}?\s(?:said|says|told\s(?!to\b)(?:[^,]{1,40}?\sthat|\S+))"
    r"(?:\s(?i:on\s(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today)\b)?"
    r"\s(?:that\s)?",
)


def without_attribution(text: str) -> str:
    """The clause without who said it: "According to the rescue service, the water rose"
    -> "the water rose"; "..., the agency said." and "Zhivkan said water levels were
    falling" lose their speaker too. Two outlets citing one source are not stating one fact
    because they name it; what the source said is compared instead."""
    core = _LEADING_SOURCE.sub("", text)
    core = _TRAILING_SOURCE.sub("", core)
    core = _SAID_FIRST.sub("", core)
    return core if len(core.split()) >= MIN_WORDS else text


def without_attribution_span(span: TextSpan) -> TextSpan:
    """The span of `without_attribution(span.text)` within `span`: "and killing nine
    people" of "and killing nine people, the Orvenian Rescue Service (ORS) said."; the
    span itself when it has no attribution to leave out."""
    core = without_attribution(span.text).strip()
    at = span.text.find(core)
    if core == span.text or at < 0:
        return span
    start = span.start + at
    return TextSpan(span.article_id, span.sentence_id, start, start + len(core), core)


def inside_quotation(text: str, position: int) -> bool:
    """Whether a double quotation (any style) is open at `position`: quotes are not split."""
    return sum(text[:position].count(mark) for mark in '"“”«»') % 2 == 1


# "in the 90 minutes after sirens sounded", "shortly after 2 a.m.": a time, not a new event
_TIME_BEFORE_AFTER = re.compile(
    r"\b(?:second|minute|hour|day|week|month|year|moment)s?\s*$|"
    r"\b(?:shortly|soon|just|immediately|long|right|only)\s*$",
    re.IGNORECASE,
)


def _time_after(text: str, boundary: re.Match[str]) -> bool:
    """Whether the boundary is an "after" that completes a time ("40 minutes after the
    breach") rather than one that opens a clause ("gave way after days of rain")."""
    follows = text[boundary.end() : boundary.end() + 6].lower()
    return follows.startswith("after") and bool(_TIME_BEFORE_AFTER.search(text[: boundary.start()]))


def _trim_end(text: str, start: int, end: int) -> int:
    """The end of a piece without the separator and spaces that follow it."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return end


def _too_short(piece: str) -> bool:
    return len(piece.split()) < MIN_WORDS


def _is_attribution(piece: str) -> bool:
    """ "the agency said." or "according to the mayor" closing a sentence."""
    stripped = piece.strip().rstrip('.”"')
    return bool(_ATTRIBUTION.match(stripped)) or stripped.lower().startswith("according to")
