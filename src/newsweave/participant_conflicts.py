"""Who did it: outlets that credit one act to different people.

"It was Mayor Anselm Dravec who ordered the evacuation of the Quay district" and "The
evacuation of the Quay district was ordered by Interior Minister Hana Veldt" are one fact
group of the alignment (`newsweave.align`) with two different doers. Such a pair is a
conflict of kind "participant", judged "tension": both may have had a part, but the outlets
tell it differently and a reader should know.

The doer of a clause is a person entity (`newsweave.entities`, any of its spellings or
role phrases) named as its subject, first in what the clause says (after "It was", "The"
or a title such as "police chief"; its attribution, "..., ORS said", left out), or as the
agent of a passive ("was ordered by ..."). Two clauses disagree only when they are alike
at `STRONG` or more and neither's sentence names the other's doer: "Macron met Putin" and
"Putin received Macron" name both, and "Veldt, with the mayor, ordered ..." does not
contradict "the mayor ordered".

Places are not compared yet: "in Velmóra" and "in western Orvenia" can both be right, and
nothing tells which place holds which for towns no gazetteer knows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsweave.align import Alignment
from newsweave.clauses import Clause, without_attribution
from newsweave.model import Article, Claim, Conflict, Entity, content_id
from newsweave.speaker_references import PERSON_ROLES

STRONG = 0.6  # least similarity of two clauses whose doers are compared (link: 0.40)
# what may stand before a subject: "It was", "The", up to three words of a title
SUBJECT_OPENING = re.compile(r"^(?:It\s+was\s+)?(?:[Tt]he\s+)?((?:[\w.’'-]+\s+){0,3})$")
# "was ordered by [Interior Minister] ..." just before the name
PASSIVE_AGENT = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+\w+\s+by\s+(?:[A-Z][\w.]*\s+){0,3}$"
)


@dataclass(frozen=True)
class Doer:
    """The person a clause names as doing what it says, and where it names them."""

    entity: Entity
    start: int  # offsets in the article text
    end: int


def participant_conflicts(
    articles: Sequence[Article], alignment: Alignment, entities: Sequence[Entity]
) -> list[Conflict]:
    """One conflict per fact group whose clauses name different doers."""
    people = Names([e for e in entities if e.type == "person"])
    if people.pattern is None:
        return []
    sentences = {s.id: s.text for a in articles for s in a.sentences}
    conflicts = []
    for group, fact in zip(alignment.groups, alignment.facts, strict=True):
        if len(fact.article_ids) < 2:
            continue
        doers = {i: _doer(alignment.clauses[i], people) for i in group}
        claimed: dict[int, Doer] = {}
        for position, i in enumerate(group):
            for j in group[position + 1 :]:
                first, second = doers[i], doers[j]
                if first is None or second is None or first.entity.id == second.entity.id:
                    continue
                if float(alignment.scores[i, j]) < STRONG:
                    continue
                in_first = people.in_text(sentences[alignment.clauses[i].sentence_id])
                in_second = people.in_text(sentences[alignment.clauses[j].sentence_id])
                if first.entity.id not in in_second and second.entity.id not in in_first:
                    claimed[i], claimed[j] = first, second
        if claimed:
            doing = [(alignment.clauses[i], claimed[i]) for i in sorted(claimed)]
            claims = [_claim(clause, doer) for clause, doer in doing]
            conflicts.append(
                Conflict(
                    id=content_id("participant", *(f"{c.sentence_id}:{c.start}" for c in claims)),
                    subject=_subject(doing),
                    kind="participant",
                    judgment="tension",
                    claims=claims,
                )
            )
    return conflicts


class Names:
    """Every written form of some entities (names, aliases, role phrases such as "the
    mayor") as one pattern, longest first, each form leading back to its entity."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.owner: dict[str, Entity] = {}
        for entity in entities:
            for form in (entity.name, *entity.aliases):
                if len(form) > 2:
                    self.owner.setdefault(form, entity)
        forms = sorted(self.owner, key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w-])")
            if forms
            else None
        )

    def found(self, text: str) -> Iterator[tuple[Entity, re.Match[str]]]:
        """The entities named in `text`, with where, in order."""
        if self.pattern is not None:
            for match in self.pattern.finditer(text):
                yield self.owner[match.group()], match

    def in_text(self, text: str) -> set[str]:
        """The ids of the entities named in `text`."""
        return {entity.id for entity, _ in self.found(text)}


def _doer(clause: Clause, people: Names) -> Doer | None:
    """The person named first as the clause's subject or passive agent, if any."""
    core = without_attribution(clause.text)
    offset = clause.start + clause.text.find(core)
    for entity, match in people.found(core):
        before = core[: match.start()]
        if _subject_opening(before) or PASSIVE_AGENT.search(before):
            return Doer(entity, offset + match.start(), offset + match.end())
    return None


def _subject_opening(before: str) -> bool:
    """Whether the words before a name leave it the subject: none, "It was", "The", or a
    title ending in a capitalised word or a role ("Mayor", "police chief")."""
    opening = SUBJECT_OPENING.match(before)
    if opening is None:
        return False
    title = opening.group(1).split()
    return not title or title[-1][:1].isupper() or title[-1].lower() in PERSON_ROLES


def _subject(doers: list[tuple[Clause, Doer]]) -> str:
    """What was done, without a doer: "who ordered the evacuation of the Quay district"
    from a clause that names the doer first, else "who: <the passive clause without its
    agent>" ("who: The evacuation of the Quay district was ordered")."""
    for clause, doer in doers:
        after = without_attribution(clause.text[doer.end - clause.start :])
        after = re.sub(r"^(?:,\s[^,]{1,60},)?[\s,]*(?:who\s+)?", "", after).rstrip(" .,;")
        before = clause.text[: doer.start - clause.start]
        if _subject_opening(before) and len(after.split()) >= 2:
            return f"who {after}"
    clause, doer = doers[0]
    done = clause.text[: doer.start - clause.start].rsplit(" by ", 1)[0]
    return f"who: {done.strip()}"


def _claim(clause: Clause, doer: Doer) -> Claim:
    return Claim(
        value=doer.entity.name,
        text=clause.text[doer.start - clause.start : doer.end - clause.start],
        sentence_id=clause.sentence_id,
        article_id=clause.article_id,
        start=doer.start,
        end=doer.end,
        span=clause.span(),
    )
