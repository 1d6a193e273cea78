"""Which clauses give amounts of the same thing, and whether those amounts agree.

The alignment (`newsweave.align`) takes a compatible amount of one thing ("Some 2,000
residents", "about 2,000 people") as strong evidence that two clauses report one fact, and
two amounts of one thing that cannot both hold ("a wave of four metres", "a wall of water
about five metres high") as a reason never to join them. What counts as one thing is
`newsweave.amount_roles`' to say: "killing nine people" and "the death toll at nine" count
the dead; 340 people rescued and 14 people dead do not count one thing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from newsweave.amount_roles import count_the_same, role_of
from newsweave.clauses import Clause
from newsweave.embed import Matrix
from newsweave.quantities import Quantity, compare

AGREEING = frozenset({"same", "compatible"})
RECURRING = 0.5  # share of the articles giving a figure that give it again: the story repeats it
RECURRING_WEIGHT = 0.5  # the share of the amount bonus such a figure still earns


def any_agree(first: Sequence[Quantity], second: Sequence[Quantity]) -> bool:
    """Whether an amount of `first` and one of `second` can be one amount (`AGREEING`):
    "2 a.m." and "about 2am"."""
    return any(compare(a, b) in AGREEING for a in first for b in second)


def _recurring_amounts(
    clauses: Sequence[Clause], counts: dict[int, list[tuple[Quantity, str | None]]]
) -> set[tuple[float, str | None]]:
    """The figures (value, unit) that at least two, and at least the `RECURRING` share, of
    the articles giving them give in more than one clause: "the 15 sailors" of a
    month-long standoff, named in whatever is done to them (seized, shown on television,
    pardoned, released). Sharing such a figure tells who two clauses are about, not that
    they report one doing; "some 100,000 troops", given once by each of four outlets, is
    evidence, and stays so when one outlet repeats it five times."""
    per_article: Counter[tuple[tuple[float, str | None], str]] = Counter()
    for i, found in counts.items():
        for figure in {(quantity.value, quantity.unit) for quantity, _ in found}:
            per_article[figure, clauses[i].article_id] += 1
    giving: Counter[tuple[float, str | None]] = Counter()
    repeating: Counter[tuple[float, str | None]] = Counter()
    for (figure, _), number in per_article.items():
        giving[figure] += 1
        repeating[figure] += number > 1
    return {
        figure
        for figure, articles in giving.items()
        if repeating[figure] >= max(2, RECURRING * articles)
    }


def _amounts(found: list[Quantity]) -> list[Quantity]:
    """The quantities that are amounts (not years, dates, times or ordinals)."""
    return [q for q in found if q.kind not in ("year", "ordinal", "date", "time")]


def _counts(found: list[Quantity]) -> list[Quantity]:
    """The amounts that measure something named (a unit)."""
    return [q for q in _amounts(found) if q.unit]


def amount_relations(
    clauses: Sequence[Clause], quantities: list[list[Quantity]]
) -> tuple[Matrix, list[tuple[int, int]]]:
    """Where two clauses state amounts of the same thing (`newsweave.amount_roles`: "killing
    nine people" and "the death toll at nine"; not 340 people rescued and 14 people dead):
    1 in the matrix when some are compatible ("Some 2,000 residents", "about 2,000
    people"), `RECURRING_WEIGHT` when those are only figures the story keeps repeating
    (`_recurring_amounts`), and the pairs of clauses of different articles whose amounts
    cannot both hold ("a wave of four metres", "a wall of water about five metres high")."""
    n = len(quantities)
    shared = np.zeros((n, n), dtype=np.float32)
    different: list[tuple[int, int]] = []
    counts = {
        # a role word nearer another amount of the clause is that one's, even one that
        # names no unit ("sickened 1,200 people and killed 15")
        i: [(q, role_of(clauses[i].text, q, _amounts(quantity_list))) for q in found]
        for i, quantity_list in enumerate(quantities)
        if (found := _counts(quantity_list))
    }
    counted = sorted(counts)
    recurring = _recurring_amounts(clauses, counts)
    for position, i in enumerate(counted):
        for j in counted[position + 1 :]:
            matched = [
                (compare(a, b), (a.value, a.unit) in recurring and (b.value, b.unit) in recurring)
                for a, role_a in counts[i]
                for b, role_b in counts[j]
                if count_the_same(a, role_a, b, role_b)
            ]
            relations = {relation for relation, _ in matched}
            agreeing = [story_wide for relation, story_wide in matched if relation in AGREEING]
            if agreeing:
                shared[i, j] = shared[j, i] = RECURRING_WEIGHT if all(agreeing) else 1.0
            if relations & {"tension", "contradiction"} and (
                clauses[i].article_id != clauses[j].article_id
            ):
                different.append((i, j))
    return shared, different
