"""Grouping items of several articles (clauses, quotes) into one group per statement, and
items linked pairwise into their connected groups (`linked_groups`).

Average linkage with one constraint: a group holds at most one item per article. Pairs of
items of different articles scoring at least `link` are taken from the most to the least
alike; each joins the groups of its two items when those groups have no article in common
and their items score at least `mean` on average. Chains of weak links ("the minister
visited" ~ "the minister ordered an inquiry" ~ "the government ordered an inquiry") therefore
do not merge two statements.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from newsweave.embed import Matrix


def group_across_articles(
    article_of: Sequence[str],
    scores: Matrix,
    *,
    link: float,
    mean: float,
    apart: Collection[tuple[int, int]] = (),
) -> list[list[int]]:
    """Groups of item indices (each sorted), in order of their first item; an item alike to
    nothing is a group of its own. No group holds both items of a pair in `apart`."""
    forbidden = {frozenset(pair) for pair in apart}
    n = len(article_of)
    rows, columns = np.nonzero(np.triu(scores >= link, k=1))
    pairs = [
        (float(scores[i, j]), int(i), int(j))
        for i, j in zip(rows.tolist(), columns.tolist(), strict=True)
        if article_of[i] != article_of[j]
    ]
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, i, j in pairs:
        first, second = group_of[i], group_of[j]
        if first == second:
            continue
        a, b = members[first], members[second]
        if {article_of[k] for k in a} & {article_of[k] for k in b}:
            continue
        if float(scores[np.ix_(a, b)].mean()) < mean:
            continue
        if forbidden and any(frozenset((x, y)) in forbidden for x in a for y in b):
            continue
        members[first] = a + b
        for k in b:
            group_of[k] = first
        del members[second]
    return sorted((sorted(group) for group in members.values()), key=lambda g: g[0])


def linked_groups(size: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The groups of items 0..size-1 that the pairs link, directly or through others (each
    sorted, in order of their first item); an item in no pair is a group of its own."""
    links = list(pairs)
    rows = [i for i, _ in links]
    columns = [j for _, j in links]
    graph = coo_matrix(([1] * len(links), (rows, columns)), shape=(size, size))
    _count, labels = connected_components(graph, directed=False)
    groups: dict[int, list[int]] = {}
    for item, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(item)
    return sorted(groups.values(), key=lambda group: group[0])
