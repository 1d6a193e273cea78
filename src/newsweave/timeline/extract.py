"""`find_time_expressions`: every temporal expression of a text, resolved in reading order
so that "two years later" and "later that month" count from the dates before them."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsweave.text import split_sentences
from newsweave.timeline.atoms import Atom, find_atoms
from newsweave.timeline.english import GRAMMAR as ENGLISH
from newsweave.timeline.grammar import Grammar
from newsweave.timeline.model import TimeExpression
from newsweave.timeline.reading import Context, possessive_end
from newsweave.timeline.resolve import Resolver

GRAMMARS: dict[str, Grammar] = {"en": ENGLISH}
_RESOLVERS: dict[str, Resolver] = {}

# Kinds whose value can be counted from ("two years later"): not rolling spans ("the past
# 10 days") nor bare clock times.
_NOT_A_BASE = frozenset({"span", "clock", "part_of_day"})
Sentences = tuple[tuple[int, int], ...]
# What reading a text yields before a reference date is applied: the grammar's matches,
# each with the tense of its clause.
Readings = tuple[tuple[Atom, int], ...]


@dataclass
class Memo:
    """Readings kept for texts read again (against several candidate dates, or once to
    date the story and once to date its clauses): the grammar's matches by text, and the
    tenses by text and sentence offsets (None: the offsets `split_sentences` gives)."""

    atoms: dict[tuple[str, str], tuple[Atom, ...]] = field(default_factory=dict)
    readings: dict[tuple[str, str, Sentences | None], Readings] = field(default_factory=dict)


# How many line breaks may stand between a date and an expression counted from it ("the
# next day", "two years later"): with paragraphs one blank line apart, the date's own
# paragraph and the two after it. Further on, a narrative has moved on: in a report of
# the sailors' press conference "on Friday", "The following morning the group was flown to
# Tehran", five paragraphs later, is the morning after their capture.
BASE_LINES = 4


def find_time_expressions(
    text: str,
    reference: dt.date | None,
    *,
    sentence_spans: Sequence[tuple[int, int]] | None = None,
    language: str = "en",
    memo: Memo | None = None,
) -> list[TimeExpression]:
    """The temporal expressions of `text` in order, each with its exact span.

    `reference` is the publication date relative expressions count from; without it they
    are still found, with `value` None, unless an earlier date of the text anchors them.
    `sentence_spans` are the (start, end) offsets of the text's sentences (the tense of a
    weekday is read within its sentence); by default `newsweave.text.split_sentences` cuts them.
    Languages without a grammar give an empty list.
    """
    grammar = GRAMMARS.get(language)
    if grammar is None:
        return []
    if isinstance(reference, dt.datetime):  # a timestamp counts by its calendar day
        reference = reference.date()
    resolver = _RESOLVERS.setdefault(language, Resolver(grammar))
    given = tuple(sorted(sentence_spans)) if sentence_spans is not None else None
    key = (text, language, given)
    memo = memo if memo is not None else Memo()
    readings = memo.readings.get(key)
    if readings is None:
        readings = memo.readings[key] = _read(text, grammar, given, memo)
    found: list[TimeExpression] = []
    base: TimeExpression | None = None
    day: TimeExpression | None = None
    stated = _stated_years(text, readings, resolver)
    for atom, tense in readings:
        if day is not None and "\n" in text[day.end : atom.start]:
            day = None  # a clock time or part of day is read on a day of its own paragraph
        if _awaited(text, atom):
            tense = 1
        if base is not None and text.count("\n", base.end, atom.start) > BASE_LINES:
            base = None  # "the following morning" five paragraphs after the last date
        context = Context(reference, tense, base, day, stated)
        expression = resolver.resolve(text, atom, context)
        if expression is None:
            continue
        found.append(expression)
        if expression.value is not None and expression.kind not in _NOT_A_BASE:
            base = expression
            if expression.granularity == "day" and expression.value.end is None:
                day = expression
    return found


def _awaited(text: str, atom: Atom) -> bool:
    """A day whose event was still to come when the clause's own event happened, whatever
    the clause's tense: "on the eve of Saturday's expected vote", "campaigning ended on
    Thursday for Saturday's expected vote", "before Monday's planned talks". Not without
    such a word: "Saturday's planned march went ahead" and "results of Sunday's expected
    vote" follow the clause's tense."""
    end = possessive_end(text, atom.end)
    if end is None or not _AWAITED.match(text, end):
        return False
    return _STILL_TO_COME.search(text, max(0, atom.start - 30), end) is not None


_AWAITED = re.compile(r"\s+(?:expected|planned|scheduled|upcoming|coming|proposed)\b")
# the word that makes the day still to come, right before the day's name
_STILL_TO_COME = re.compile(
    r"\b(?:eve of|ahead of|before|prior to|for|run-up to|in advance of)\s+(?:the\s+)?"
    r"[A-Z]?\w+['’]s$",
    re.IGNORECASE,
)


def _stated_years(
    text: str, readings: Readings, resolver: Resolver
) -> dict[tuple[int, int], tuple[int, str]]:
    """The days the text writes with a year, by (month, day), when one year only is written
    for that day: "July 7, 2005" dates the text's other "July 7"."""
    years: dict[tuple[int, int], set[tuple[int, str]]] = {}
    for atom, _tense in readings:
        try:
            found = resolver.stated_year(atom)
        except (KeyError, ValueError):
            continue
        if found is not None:
            years.setdefault(found[0], set()).add((found[1], text[atom.start : atom.end]))
    return {
        key: min(written)
        for key, written in years.items()
        if len({year for year, _ in written}) == 1
    }


def _read(text: str, grammar: Grammar, given: Sentences | None, memo: Memo) -> Readings:
    """The parts of reading `text` that do not depend on the reference date."""
    sentences = given if given is not None else tuple(split_sentences(text))
    atoms = memo.atoms.get((text, grammar.language))
    if atoms is None:
        atoms = memo.atoms[(text, grammar.language)] = tuple(find_atoms(text, grammar))
    read = []
    for atom in atoms:
        first, last = _sentence_of(sentences, atom.start, len(text))
        read.append((atom, grammar.tense(text[first:last], atom.start - first, atom.end - first)))
    return tuple(read)


def _sentence_of(sentences: Sequence[tuple[int, int]], offset: int, length: int) -> tuple[int, int]:
    index = bisect_right(sentences, (offset, length + 1)) - 1
    if index >= 0 and sentences[index][0] <= offset < sentences[index][1]:
        return sentences[index]
    return 0, length
