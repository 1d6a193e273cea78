"""Attribution for `newsweave.quotes`: read the clause next to a quotation, name its speaker.

Everything here works on a *masked* copy of the article text (same length, same offsets) in
which every quotation, marks included, is replaced by `MASK` characters: words inside a
quote are never taken for an attribution or a name, and a description found here is an
exact piece of the real text.

Two steps, each a small set of rules (the names they rely on are in
`newsweave.speaker_references`):

1. **Clause grammar** (`after_quote`, `before_quote`, `lone_attribution`): a speech verb
   (said, told, added, warned, confides, estimated, called, according to ... see
   `SPEECH_VERBS`) and its subject, the noun phrase before it ("the minister said") or
   after it ("said Lazar Zhivkan, the head of the ORS", "estimated for his part X"). A
   subject before the verb is its comma segment, or a name with its appositive ("Arvel
   Hydro, the company that operates the dam, said"; "The minister, Hana Veldt, said";
   "Mr. Korven, who runs the port, said" gives "Mr. Korven"), cut after "that/what/
   which..." ("what the White House called"), without auxiliaries ("would have said") or
   a leading "But". A subject after the verb stops at ", who", ", adding", ", in front
   of", " in an interview"... A subject is short and starts with a capital, a determiner
   or a pronoun, or is a bare plural of up to three words ("engineers said").
2. **Description to speaker** (`Names.speaker`): the description's head (up to its first
   comma or preposition: "Marie Dumoulin" of "Marie Dumoulin of the ECFR") ending in a
   capitalised name gives that name with its titles removed ("Interior Minister Hana
   Veldt" -> "Hana Veldt"); a surname or "Mr. X" becomes the longest form of that person's
   name in the article ("Mr. Dravec" -> "Anselm Dravec"); "the" + capitalised words is an
   organisation ("the White House" -> "White House"). A description starting with an
   indefinite, a number or a possessive ("a senior official", "two sources close to
   Macron", "Macron's advisers", "his close guard") is an unnamed source: speaker None.
   A role ("the minister") and "he"/"she" are resolved by `References.role` and
   `References.pronoun` (see `newsweave.speaker_references`).

Limits: no parser, so a subject with its own verb phrase ("X spoke to reporters and said")
keeps that phrase in its description; word lists are English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsweave.speaker_references import MASK, References, name_run_start, words
from newsweave.timeline.english import MONTHS, WEEKDAYS

__all__ = ["MASK", "Attribution", "Names", "after_quote", "before_quote", "lone_attribution"]


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


SPEECH_VERBS = _set(
    """said says say saying told tells tell added adds warned warns warn stated explained
    explains noted insisted insists argued argues argue asked asks replied replies cautioned
    cautions declared declares confided confides confide estimated estimates wrote writes
    recalled recalls acknowledged acknowledges admitted admits conceded concedes complained
    complains suggested suggests stressed emphasized emphasised emphasizes emphasises
    observed remarked announced announces promised urged urges predicted predicts called
    described describes quipped tweeted responded shouted continued concluded concludes
    recounted recounts"""
)
_STARTERS = _set(
    """the a an one two three four five six several some many few other another various
    multiple numerous dozens most all both no his her their its our my he she they we i it"""
)
UNNAMED_STARTERS = _STARTERS - _set("the he she they we i it")
PRONOUNS = {"he": "m", "she": "f"}

_VERB = re.compile(
    r"(?<![\w-])(?:(?i:according to)|" + "|".join(sorted(SPEECH_VERBS)) + r")(?![\w-])"
)
_AUX_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|would|will|also|later|then|again|once|previously|earlier|recently|"
    r"further|to|reportedly|repeatedly|simply|only|even|just|is|was|were|been|being|quoted|"
    r"as|did|does|do|and|but))+\s*$"
)
_CONJUNCTION = re.compile(r"(?:(?:and|but|so|yet|or|then|while|also|now)\s+)+", re.I)
_BOUNDARY = re.compile(
    r".*\b(?:that|what|which|who|whom|because|if|when|while|whether|where|since)\s+", re.S
)
_FILLER = re.compile(
    r"\s*(?:for (?:his|her|their|its) part|also|again|later|then|simply|"
    r"on (?:\w+day|\w+ \d+)|in a statement|in an interview|,)\s*"
)
_INVERTED_END = re.compile(
    r",\s+(?:who|which|whose|adding|speaking|in|on|at|as|while|after|before|when|during|"
    r"according|referring|noting|pointing|citing|explaining|saying|but|and)\b"
    r"|\s+who\s|[;:()" + MASK + r"]|\s+(?:in|during|on)\s+(?:a|an|the)\s+(?:interview|"
    r"statement|press|call|speech|briefing|post|tweet|message|video|television|radio)\b"
)
_LEADING = re.compile(r"[\s,;:.–—-]*")
_COMMA = re.compile(r",\s")
_HEAD_END = re.compile(
    r",\s|\s[–—(]|\s(?:of|at|from|for|to|in|with|on|near|close|based|who|speaking)\s|$"
)


@dataclass(frozen=True)
class Attribution:
    """An attribution next to a quote: the description's offsets in the article text, where
    the attribution clause ends, and whether it starts right after the closing mark."""

    start: int
    end: int
    clause_end: int
    immediate: bool


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:.–—-\t":
        start += 1
    while end > start and text[end - 1] in " ,;:.–—-\t":
        end -= 1
    return start, end


# a person's role in lower case before a name ("judge Astill", "rider Fabian Cancellara",
# "journalist Tania Arce"), or a name particle ("de Boer"): one word, singular, not a
# group ("said officials Tues.", "said police Christmas Day"); and a name, not a date
_GROUPS = frozenset({"police", "staff", "people", "crew", "military", "army", "government"})
_ADVERBS = frozenset(
    {"yesterday", "today", "tonight", "tomorrow", "earlier", "later", "also", "then", "now"}
    | {"again", "recently", "once", "still", "too", "late", "early"}
)  # "said yesterday Smith": Smith is the speaker, "yesterday" no role
# the timeline grammar's month and weekday names, weekdays shortened too, and holidays
_NOT_NAMES = "|".join(
    word.capitalize()
    for word in sorted(
        {*MONTHS, *WEEKDAYS, *(day[:3] for day in WEEKDAYS), "tues", "thur", "thurs"}
        | {"christmas", "easter", "eve", "new", "day", "night", "morning", "today", "tonight"}
        | {"yesterday"},
        key=len,
        reverse=True,
    )
)
_TITLED_NAME = re.compile(rf"(?P<role>[a-z]+)(?: (?!(?:{_NOT_NAMES})\b)[A-Z][\w'’-]*){{1,3}}")


def _is_role_word(word: str) -> bool:
    """A lower-case word that can name one person's role before their name."""
    singular = not word.endswith("s") or word.endswith("ss")  # "witness", not "officials"
    return singular and word not in _GROUPS and word not in _ADVERBS


def _subject(text: str, start: int, end: int, limit: int) -> tuple[int, int] | None:
    """(start, end) if text[start:end] can be a subject: short, and starting with a capital
    or a determiner, or a bare plural of up to three words ("rescue workers")."""
    tokens = words(text[start:end])
    if not tokens or len(tokens) > limit or MASK in text[start:end]:
        return None
    plural = len(tokens) <= 3 and tokens[-1].endswith("s") and tokens[-1].islower()
    role_and_name = _TITLED_NAME.fullmatch(" ".join(tokens))  # "said judge Astill"
    titled = role_and_name is not None and _is_role_word(role_and_name.group("role"))
    if not (tokens[0][0].isupper() or tokens[0].lower() in _STARTERS or plural or titled):
        return None
    return start, end


def subject_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The subject of a speech verb that starts at `end`, taken from text[start:end]."""
    aux = _AUX_TAIL.search(text, start, end)
    start, end = _strip(text, start, aux.start() if aux is not None else end)
    if start == end:
        return None
    closed_apposition = text[end : end + 1] == ","  # "X, the mayor of Y, said"
    commas = [m.start() for m in _COMMA.finditer(text, start, end)]
    seg_start, _ = _strip(text, commas[-1] + 1 if commas else start, end)
    segment = text[seg_start:end].lower()
    extended = False
    if commas:
        prev_start, _ = _strip(text, commas[-2] + 1 if len(commas) > 1 else start, commas[-1])
        named = name_run_start(text, prev_start, commas[-1]) == prev_start
        led_by_the = text[prev_start : prev_start + 4].lower() == "the "
        if segment.startswith(("the ", "a ", "an ")):  # "Arvel Hydro, the operator, said"
            extended = named
        elif closed_apposition and (named or led_by_the):  # "The minister, Hana Veldt, said"
            extended = True
            if segment.startswith(("who ", "which ", "whose ")):  # "X, who runs the port, said"
                end = commas[-1]
        if extended:
            seg_start = prev_start
    if not extended and not closed_apposition:
        cut = _BOUNDARY.match(text, seg_start, end)  # "what the White House called"
        if cut is not None:
            seg_start = cut.end()
    conjunction = _CONJUNCTION.match(text, seg_start, end)
    if conjunction is not None:
        seg_start = conjunction.end()
    return _subject(text, seg_start, end, 14)


def subject_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The subject after a verb that ends at `start`: "said X, the head of Y, who...";
    an unnamed source keeps its relative clause ("according to two engineers who...")."""
    while (filler := _FILLER.match(text, start, end)) is not None and filler.end() > start:
        start = filler.end()
    stop = _INVERTED_END.search(text, start, end)
    first = words(text[start : start + 20])[:1]
    if stop is not None and "who" in stop.group() and first and first[0] in UNNAMED_STARTERS:
        stop = _INVERTED_END.search(text, stop.end(), end)  # "two engineers who worked there"
    start, stop_at = _strip(text, start, stop.start() if stop is not None else end)
    return _subject(text, start, stop_at, 25)


def after_quote(masked: str, start: int, end: int) -> Attribution | None:
    """The attribution in masked[start:end], the rest of a sentence after a closing mark:
    ", X said", ", said X", ", according to X", or a last ", X said." after more words."""
    leading = _LEADING.match(masked, start, end)
    pos = leading.end() if leading is not None else start
    for verb in list(_VERB.finditer(masked, pos, end))[:3]:
        if verb.group().lower() == "according to" or verb.start() == pos:
            found = subject_after(masked, verb.end(), end)
            immediate = verb.start() == pos
        else:
            found = _named_with_apposition(masked, pos, verb.start()) or subject_before(
                masked, pos, verb.start()
            )
            immediate = found is not None and found[0] == pos
        if found is not None:
            return Attribution(found[0], found[1], end, immediate)
    return None


_ENDS_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*$")


def _named_with_apposition(masked: str, start: int, end: int) -> tuple[int, int] | None:
    """The subject of "..., Thorne Lay, professor ... at the University of California,
    Santa Cruz said": a name right after the quote, then its description up to the verb,
    not the last words before the verb."""
    comma = masked.find(",", start, end)
    if comma < 0 or MASK in masked[start:end] or len(words(masked[start:end])) > 30:
        return None
    first, _ = _strip(masked, start, comma)
    if name_run_start(masked, first, comma) != first or len(words(masked[first:comma])) > 4:
        return None
    return _strip(masked, first, end)


def before_quote(masked: str, start: int, end: int) -> Attribution | None:
    """The attribution in masked[start:end], a sentence up to an opening mark: "X said
    (that)", "X told reporters that", "X called the dam", "According to X,"."""
    verbs = list(_VERB.finditer(masked, start, end))
    for index in range(len(verbs) - 1, max(len(verbs) - 3, -1), -1):
        verb = verbs[index]
        if verb.group().lower() == "according to":
            comma = masked.find(",", verb.end(), end)
            found = subject_after(masked, verb.end(), comma if comma >= 0 else end)
        else:
            floor = verbs[index - 1].end() if index else start
            for separator in (";", ":", MASK):
                floor = max(floor, masked.rfind(separator, floor, verb.start()) + 1)
            found = subject_before(masked, floor, verb.start())
        if found is not None:
            return Attribution(found[0], found[1], end, False)
    return None


def lone_attribution(masked: str, start: int, end: int) -> Attribution | None:
    """The attribution when masked[start:end] is a sentence that is little else: "Mr.
    Dravec said." (at most six words after the verb), or None."""
    if MASK in masked[start:end]:
        return None
    found = after_quote(masked, start, end)
    if found is None or not found.immediate:
        return None
    verb = _VERB.search(masked, start, end)
    rest = masked[max(found.end, verb.end() if verb is not None else start) : end]
    return found if len(words(rest)) <= 6 else None


class Names:
    """The rules that turn a description into a speaker, over the names of one article."""

    def __init__(self, masked: str, sentences: list[tuple[int, int]]) -> None:
        self.masked = masked
        self.references = References(masked, sentences)

    def speaker(self, start: int, end: int, history: list[tuple[int, str | None]]) -> str | None:
        """The speaker named by the description masked[start:end]; `history` lists the
        earlier attributions as (position, speaker), by position, for pronouns. None for an
        unnamed source."""
        text, references = self.masked[start:end], self.references
        if text.lower() in PRONOUNS:
            return references.pronoun(start, PRONOUNS[text.lower()], history)
        cut = _HEAD_END.search(text)
        head_end = start + (cut.start() if cut is not None else len(text))
        tokens = words(self.masked[start:head_end])
        if not tokens:
            return None
        first = tokens[0].lower()
        if first in UNNAMED_STARTERS or tokens[0].endswith(("’s", "'s")):
            return None
        inside = [m for m in references.mentions_in(start, head_end) if not m.possessive]
        if inside and inside[-1].end == head_end:  # "Kremlin spokesman Dmitry Peskov"
            last = inside[-1]
            named = next((m for m in inside if m.person), None)
            if not last.person and named is not None and named.start - start < 40:
                # "Prime Minister Hana Veldt made a statement outside 10 Harbour Street,
                # saying": the person the clause is about, not the place it ends on
                return references.full_name(named.name)
            return references.full_name(last.name) if last.person else last.name
        appositive = references.mentions_in(head_end + 2, head_end + 3)
        if appositive and self.masked.startswith(", ", head_end):  # "The minister, Hana Veldt"
            named = appositive[0]
            if named.end == end or self.masked.startswith(",", named.end):
                return references.full_name(named.name) if named.person else named.name
        if first == "the" and (at_end := self._named_at_end(head_end, end)) is not None:
            return at_end  # "the Haitian ambassador to the US, Raymond Joseph"
        if first == "the":
            role_end = self.masked.find(",", start, end)
            return references.role(self.masked[start : role_end if role_end >= 0 else end], start)
        if inside and inside[0].person and inside[0].start - start < 20:
            return references.full_name(inside[0].name)  # "Hana Veldt spoke to reporters and"
        return None

    def _named_at_end(self, start: int, end: int) -> str | None:
        """A person named at the end of the description masked[start:end], after a comma
        ("the ambassador to the US, Raymond Joseph") or right after the name of what their
        role is of ("the Prime Minister of the United Kingdom Gordon Brown")."""
        for mention in reversed(self.references.mentions_in(start, end)):
            closes = mention.end == end or self.masked.startswith(",", mention.end)
            before = self.masked[start : mention.start].rstrip()
            after_name = (
                mention.end == end and before[-1:].isalpha() and _ENDS_CAPITALISED.search(before)
            )
            if (
                mention.person
                and not mention.possessive
                and closes
                and (before.endswith(",") or after_name)
            ):
                return self.references.full_name(mention.name)
        return None
