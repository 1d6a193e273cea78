"""A person's age written as an aside after their name: "Xiao Tan, 32, of Chinese origin".

A bare number set off by commas right after a name is the person's age, not a count of
anything ("At least one protester was arrested, Xiao Tan, 32, ..." does not say 32 were
arrested). Not when the name is a day, a month or a function word ("On Friday, 11, were
rescued"), nor in a list of names with numbers ("Miyagi, 45, Iwate, 30, and Fukushima,
12", "New York, 45, and New Jersey, 30"), which counts something for each.
"""

from __future__ import annotations

import re

from newsweave import quantity_vocabulary as vocab
from newsweave.timeline.english import WEEKDAYS

MAX_AGE = 120
_NAME = r"[A-Z][\w'’.-]*"
_NAMED_BEFORE = re.compile(rf"({_NAME}(?:\s+{_NAME}){{0,3}}),\s*$")
_NOT_NAMES = vocab.STOP | vocab.MONTHS.keys() | WEEKDAYS.keys()  # "On Friday, 11,"
_CLOSED_AFTER = re.compile(r"\s*,")
# what goes on about a person after "Name, 71,"
_PERSON_GOES_ON = re.compile(
    r"\s*(?:of|from|who|whose|said|says|told|was|is|had|has|died|survived|a|an|the|his|her"
    # verbs of what a person does, said or wrote
    r"|spoke|speaks|added|announced|appeared|arrived|recalled|explained|insisted|denied"
    r"|admitted|pleaded|testified|wrote|writes|lives|lived|works|worked|became|described"
    r"|smiled|wept|laughed|warned|urged|vowed|promised|claimed|argued|replied|asked|tells"
    r"|confirmed|resigned|retired|remembers|remembered|stood|sat|walked)\b"
)
_PLACE_WORD_BEFORE = re.compile(r"\b(?:in|at|from|of|near|to|across|outside)\s+$", re.I)
_LIST_AFTER = re.compile(rf",\s*(?:and\s+)?{_NAME}(?:\s+{_NAME})*,\s*\d")
_LIST_BEFORE = re.compile(r"\d,\s*(?:and\s+)?$")


def appositive_age(sentence: str, start: int, end: int, value: float) -> bool:
    """Whether the bare number sentence[start:end] is the age of the person named before:
    after a title ("Mrs. Jones, 62,") or a name of two words or more ("Xiao Tan, 32,"),
    or after one word when what follows goes on about a person ("Sabo, 71, from the
    roof", "Lisk, 58, said"); not "Sendai, 40, residents said" nor "AP, 25, people"."""
    closed = _CLOSED_AFTER.match(sentence, end)
    if not 1 <= value <= MAX_AGE or closed is None:
        return False
    named = _NAMED_BEFORE.search(sentence, 0, start)
    if named is None:
        return False
    words = [w.lower().strip(".") for w in named.group(1).split()]
    if {words[0], words[-1]} & _NOT_NAMES:
        return False
    if _LIST_AFTER.match(sentence, end) or _LIST_BEFORE.search(sentence, 0, named.start()):
        return False
    if len(words) > 1:  # "Xiao Tan", and "Mrs. Jones": a title is a word of the name run
        return True
    if _PLACE_WORD_BEFORE.search(sentence, 0, named.start()):
        return False  # "the detainees in Paris, 12, confirmed": a place
    going_on = _PERSON_GOES_ON.match(sentence, closed.end())
    return going_on is not None
