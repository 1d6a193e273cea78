"""Where a clause says something happens, and alike clauses of two outlets that place it in
different capitals.

"The foreign ministers met in Berlin on Thursday" and "The foreign ministers met in Vienna
on Thursday" say the same thing of two places. Like clauses with different doers
(`newsweave.doers`), the alignment keeps them apart and `newsweave.participant_conflicts`
shows them side by side, as a conflict of kind "place".

The place of a clause is a place entity (`newsweave.entities`) named after a locative
preposition ("in", "at", "to", "near", "outside") in what the clause says, its attribution
left out. Only national capitals (GeoNames) are compared: "in Paris" and "in France",
"in London" and "in Westminster" (a district, and a town elsewhere), "in Toronto" and "in
Ontario" (a province, and a Californian city) can all be right, and the gazetteer knows no
provinces or districts to tell which place holds which; nor anything of a town such as
Velmóra. Two clauses disagree only when they are alike at
`newsweave.doers.ALIKE` or more (kept apart; reported at `STRONG`) and neither's sentence
names the other's place ("from
Moscow to Kyiv" names both).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsweave.clauses import Clause, without_attribution
from newsweave.doers import Mention, Names, disagreeing_pairs
from newsweave.embed import Matrix
from newsweave.entities.gazetteer import capital_name
from newsweave.model import Article, Entity

LOCATIVE = re.compile(r"\b(?:in|at|to|near|outside)\s+(?:the\s+)?$", re.IGNORECASE)


def find_place(clause: Clause, capitals: Names) -> Mention | None:
    """The first of `capitals` the clause names after a locative preposition, if any."""
    core = without_attribution(clause.text)
    offset = clause.start + clause.text.find(core)
    for entity, match in capitals.found(core):
        if LOCATIVE.search(core[: match.start()]):
            return Mention(entity, offset + match.start(), offset + match.end())
    return None


def different_places(
    articles: Sequence[Article],
    clauses: Sequence[Clause],
    scores: Matrix,
    entities: Sequence[Entity],
) -> tuple[dict[int, Mention], list[tuple[int, int]]]:
    """The capitals the clauses place themselves in, and the pairs (i < j) of alike clauses
    of different articles placed in different capitals."""
    capitals = Names([e for e in entities if e.type == "place" and _is_capital(e)])
    if capitals.pattern is None:
        return {}, []
    places = {
        i: place for i, clause in enumerate(clauses) if (place := find_place(clause, capitals))
    }
    return places, disagreeing_pairs(articles, clauses, scores, places, capitals)


def _is_capital(entity: Entity) -> bool:
    return any(capital_name(name) for name in (entity.name, *entity.aliases))
