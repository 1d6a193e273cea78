"""What a measure is of, when its clause says: two lengths are one subject only if they
measure one thing.

A clause says what a length, a height or a weight measures in four ways, tried in order:

- a dimension named before it: "a depth of 10 km", "a height of about five metres";
- a name just before the brackets it stands in: "the Port de Pailhères (17 km at 7.2%)",
  "the Col de Menté (7.0 km climb at 8.1%)";
- the noun it qualifies, after a determiner: "Today's 196 km stage", "a 4-metre wave" ("a
  38-metre earth-fill dam": the word after a hyphenated modifier; not "rose 3 metres
  overnight");
- a place it is counted from: "65 kilometers northwest of Cauquenes", "102 km to the north
  of Talca", "15 km (9.3 mi) from Pichilemu", "from the capital Port-au-Prince", "650 km
  from the coast".

`newsweave.conflicts` never pairs two measures that say they measure different things: the
196 km of a stage and the 17 km of one of its climbs, or distances from two towns. Two
outlets that name one climb in two ways ("the Port de Pailhères (17 km)", "the 15 km
climb") are taken to measure different things too: a dispute missed rather than one made
up.
"""

from __future__ import annotations

import re

from newsweave.number_words import unit_name
from newsweave.quantities import Quantity

_DIMENSION = re.compile(
    r"\b(depth|altitude|height|length|width|radius|diameter|elevation)\s+of\s+"
    r"(?:(?:just|only)\s+)?$",  # "about", "some"...: the quantity's span starts with them
    re.IGNORECASE,
)
# a name (capitalised words, with the particles of place names) and an opening bracket
_NAME_BEFORE_BRACKET = re.compile(
    r"([A-Z][\w'’.-]*(?:\s+(?:(?:de|du|des|del|di|la|le|of|the)\s+)*(?:d['’])?[A-Z][\w'’.-]*)*)"
    r"\s*\(\s*$"
)
# an amount that qualifies a noun stands after a determiner: "a 4-metre wave", "Today's 196
# km stage"; not "the river rose 3 metres overnight"
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|its|their|his|her|this|that|each)|['’]s)\s+$", re.IGNORECASE
)
_WORD_AFTER = re.compile(r"\s*([^\W\d][\w.]*)")
_NOUN_AFTER = re.compile(r"\s*-?\s*([a-z][a-z-]{2,})\b")
# words that follow a measure without naming what it measures
_NOT_THINGS_WORDS = (
    "of from to in on at by for with into onto off away up down upstream downstream inland "
    "offshore out long high deep wide tall thick across along ahead behind below above "
    "beneath under over beyond past per and or but the an north south east west northeast "
    "northwest southeast southwest northward southward eastward westward north-east "
    "north-west south-east south-west"
)
_NOT_THINGS = frozenset(_NOT_THINGS_WORDS.split())
_FROM_PLACE = re.compile(
    r"[^,;]{0,40}?\b(?:of|from)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+)?(?:capital|city|town|village|port|province|region)\s+(?:city\s+)?"
    r"(?:of\s+)?)?"
    r"([A-Z][\w'’-]+|(?<=the )[a-z]+)"
)


def measured_what(text: str, quantity: Quantity) -> str | None:
    """What a measure is of, when the clause says: a dimension or a noun ("depth",
    "stage"), or the name of a place or thing ("Port de Pailhères", "Cauquenes": named
    before brackets or counted from, one label either way, so "Talca (65 km away)" and "65
    km from Talca" agree); else None. Amounts of other kinds measure nothing here."""
    if quantity.kind != "measure":
        return None
    dimension = _DIMENSION.search(text, max(0, quantity.start - 40), quantity.start)
    if dimension is not None:
        return dimension.group(1).lower()
    named = _NAME_BEFORE_BRACKET.search(text, max(0, quantity.start - 60), quantity.start)
    if named is not None:
        return named.group(1)
    noun = _qualified_noun(text, quantity)
    if noun is not None:
        return noun
    place = _FROM_PLACE.match(text, quantity.end)
    return place.group(1) if place is not None else None


def _qualified_noun(text: str, quantity: Quantity) -> str | None:
    """The noun right after the amount and its unit ("196 km stage" -> "stage"), passing
    one hyphenated modifier ("38-metre earth-fill dam" -> "dam"), when a determiner stands
    before it; None when a preposition, a direction or an adjective of size follows ("the 11
    km upstream", "a 10 km deep trench")."""
    if not _DETERMINER_BEFORE.search(text, max(0, quantity.start - 8), quantity.start):
        return None
    at = quantity.end
    unit = _WORD_AFTER.match(text, at)
    if unit is not None and quantity.unit and unit_name(unit.group(1).rstrip(".")) == quantity.unit:
        at = unit.end()
    for _ in range(2):
        word = _NOUN_AFTER.match(text, at)
        if word is None or word.group(1) in _NOT_THINGS:
            return None
        if "-" not in word.group(1):
            return word.group(1)
        at = word.end()
    return None
