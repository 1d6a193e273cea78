"""The role an amount plays in its clause, and when two amounts count the same thing.

News counts people in many roles: "killing nine people" and "the death toll at nine" count
the dead, "340 people" lifted from rooftops the rescued. `EVENT_ROLES` names each role by the
words that mark it near an amount ("died", "killed", "death toll"; "evacuated", "left their
homes"). Two amounts count the same thing when both have a role, the same one, and count
people (through any noun: "people", "deaths", or none at all) or the same unit; when either
has no role, when they count one unit (`newsweave.quantities.same_thing`: "troops" and
"soldiers"). Both the alignment (compatible amounts are evidence of one fact, incompatible
ones keep two clauses apart) and the conflicts (`newsweave.conflicts`) ask this.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsweave.quantities import Quantity, same_thing

# each role: the words that mark it near an amount, and what a conflict in it is about
ROLES: dict[str, tuple[str, str]] = {
    "deaths": (
        r"died|dead|deaths?|killed|killing|death toll|toll|fatalit\w+|lost their lives",
        "death toll",
    ),
    "bodies found": (r"bodies", "bodies recovered"),  # those recovered so far, not the toll
    "injured": (r"injured|injuries|injuring|wounded|wounding|hurt", "people injured"),
    "missing": (r"missing|unaccounted", "people missing"),
    "evacuated": (
        r"evacuat\w+|moved out|taken from their homes|leave their homes|left their homes|"
        r"shelters?|displaced|fled",
        "people evacuated",
    ),
    "rescued": (r"rescued|lifted|winched|pulled|saved", "people rescued"),
    "population": (
        r"population|a town of|a city of|market town of|inhabitants of",
        "population",
    ),
    "arrested": (r"arrested|detained|in custody", "people arrested"),
}
EVENT_ROLES = {role: words for role, (words, _subject) in ROLES.items()}
ROLE_SUBJECTS = {role: subject for role, (_words, subject) in ROLES.items()}
_ROLE_PATTERNS = {
    role: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for role, words in EVENT_ROLES.items()
}


def role_of(
    text: str, quantity: Quantity, others: Sequence[Quantity] = (), reach: int = 40
) -> str | None:
    """The role whose marking words come nearest the amount, within `reach` characters
    ("the death toll at nine", "more than 20 people missing", "Nine deaths"). A marking
    word nearer another of the clause's amounts (`others`) is that one's: in "sickened
    1,200 people and killed 15", "killed" marks the 15; and a word across a conjunction
    is another predicate's: in "52 people died and approximately 700 were injured",
    "died" is the 52's though nearer the 700, and in "destroyed 300 homes and killed a
    fisherman" no one's. (The price: "The 14 passengers and crew died" gives the 14 no
    role, and they are compared by what they count.)"""
    nearest: tuple[int, str] | None = None
    low, high = max(0, quantity.start - reach), min(len(text), quantity.end + reach)
    rivals = [other for other in others if other is not quantity]
    for role, pattern in _ROLE_PATTERNS.items():
        for match in pattern.finditer(text, low, high):
            distance = _distance(quantity, match)
            if _across_conjunction(text, quantity, match):
                continue
            if any(
                _distance(other, match) < distance and not _across_conjunction(text, other, match)
                for other in rivals
            ):
                continue
            if nearest is None or distance < nearest[0]:
                nearest = (distance, role)
    return nearest[1] if nearest else None


_CONJUNCTION = re.compile(r"\b(?:and|but|while|whereas)\b|;")


def _across_conjunction(text: str, quantity: Quantity, word: re.Match[str]) -> bool:
    """Whether a conjunction or a semicolon stands between the amount and the word."""
    between = text[min(word.end(), quantity.end) : max(word.start(), quantity.start)]
    return _CONJUNCTION.search(between) is not None


def _distance(quantity: Quantity, word: re.Match[str]) -> int:
    return max(quantity.start - word.end(), word.start() - quantity.end, 0)


def counts_people(quantity: Quantity) -> bool:
    """Counts people, directly or through a role noun ("deaths", "the injured"), or has no
    counted noun at all ("the death toll at nine")."""
    return quantity.unit is None or any(
        same_thing(quantity.unit, group) for group in ("people", "dead", "injured")
    )


def same_role_and_thing(a: Quantity, role_a: str, b: Quantity, role_b: str) -> bool:
    """Two amounts with roles count one thing: the same role, and people both or one unit
    ("nine people" killed and "Nine deaths" do; helicopters and people lifted do not)."""
    return role_a == role_b and ((counts_people(a) and counts_people(b)) or same_thing(a, b))


def count_the_same(a: Quantity, role_a: str | None, b: Quantity, role_b: str | None) -> bool:
    """Whether two amounts count the same thing (see the module's description)."""
    if role_a and role_b:
        return same_role_and_thing(a, role_a, b, role_b)
    return same_thing(a, b)
