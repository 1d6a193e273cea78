"""Finding the pieces of temporal expressions in a text: every grammar pattern's matches,
the longest non-overlapping ones kept, and a day joined with the clock time or part of day
next to it ("Monday at 4 p.m.", "the early hours of Monday", "at about 2am yesterday")."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsweave.timeline.grammar import Grammar

# Kinds that name one day and can take a clock time or a part of the day.
DAY_KINDS = frozenset({"iso", "month_day", "day_month", "weekday", "relative_day", "day_years_ago"})
_TIME_KINDS = frozenset({"clock", "part_of_day"})


@dataclass
class Atom:
    """One pattern match: its kind, span and the named groups that matched (as written)."""

    kind: str
    start: int
    end: int
    groups: dict[str, str]
    clock: Atom | None = None  # a clock time or part of day joined to this day
    part: str | None = None  # part of day from a prefix ("the early hours of")
    prefix: str | None = None  # the preposition of that prefix
    extra: dict[str, str] = field(default_factory=dict)


def _accepted(kind: str, groups: dict[str, str]) -> bool:
    """Language-neutral checks on what a pattern may match alone."""
    if kind == "month":
        return any(k in groups for k in ("prep", "rel", "mod"))
    if kind == "season":
        if groups["season"].lower() == "fall" and "y" not in groups:
            return groups.get("rel", "").lower() not in {"", "the"}
        return any(k in groups for k in ("prep", "rel", "y"))
    if kind == "month_day" and "d2" in groups:
        return "mon2" in groups or int(_digits(groups["d2"])) > int(_digits(groups["d1"]))
    return True


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def find_atoms(text: str, grammar: Grammar) -> list[Atom]:
    """The matches of `grammar` in `text`, leftmost-longest without overlaps, then joined."""
    found: list[tuple[int, int, int, Atom]] = []
    for rank, (kind, pattern) in enumerate(grammar.patterns):
        for match in pattern.finditer(text):
            if match.end() == match.start():
                continue
            groups = {k: v for k, v in match.groupdict().items() if v}
            if _accepted(kind, groups):
                atom = Atom(kind, match.start(), match.end(), groups)
                found.append((match.start(), -(match.end() - match.start()), rank, atom))
    # Longest first (then leftmost, then the earlier pattern); keep what does not collide.
    chosen: list[Atom] = []
    for _start, _length, _rank, atom in sorted(found, key=lambda f: (f[1], f[0], f[2])):
        if all(atom.end <= other.start or atom.start >= other.end for other in chosen):
            chosen.append(atom)
    return _join(text, sorted(chosen, key=lambda a: a.start), grammar)


def _join(text: str, atoms: list[Atom], grammar: Grammar) -> list[Atom]:
    joined: list[Atom] = []
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        after = atoms[index + 1] if index + 1 < len(atoms) else None
        if atom.kind == "part_of":
            if after and after.kind in DAY_KINDS and after.start == atom.end:
                after.part = atom.groups["part"].lower()
                after.prefix = atom.groups.get("prep")
                after.start = atom.start
            index += 1  # a prefix with no day after it is dropped
            continue
        if after and _joinable(text, atom, after, grammar):
            day, clock = (atom, after) if atom.kind in DAY_KINDS else (after, atom)
            day.clock = clock
            day.start, day.end = atom.start, after.end
            joined.append(day)
            index += 2
            continue
        joined.append(atom)
        index += 1
    return joined


def _joinable(text: str, first: Atom, second: Atom, grammar: Grammar) -> bool:
    kinds = {first.kind, second.kind}
    pair = (first.kind in DAY_KINDS and second.kind in _TIME_KINDS) or (
        first.kind == "clock" and second.kind in DAY_KINDS
    )
    if not pair or "that" in (first.groups | second.groups) or len(kinds) < 2:
        return False
    day = first if first.kind in DAY_KINDS else second
    if day.kind in {"month_day", "day_month"} and "d2" in day.groups:
        return False
    return grammar.joiner.fullmatch(text, first.end, second.start) is not None
