"""Who does what a clause says, and alike clauses of two outlets that name different doers.

"It was Mayor Anselm Dravec who ordered the evacuation of the Quay district" and "The
evacuation of the Quay district was ordered by Interior Minister Hana Veldt" say the same
thing of two different people. The alignment (`newsweave.align`) keeps such clauses apart,
so no fact and no citation claims that one outlet supports the other's doer, and
`newsweave.participant_conflicts` shows the two accounts side by side.

The doer of a clause is a person entity (`newsweave.entities`, any of its spellings or role
phrases) named as its subject, first in what the clause says (after a short opening
phrase such as "In preparation,", after "It was", "The" or a title such as "police chief";
its attribution, "..., ORS said", left out), or as the agent of a passive ("was ordered by
..."). Two clauses alike at `ALIKE` or more (the alignment's link) with different doers
are never joined into one fact unless each names the other's doer ("Macron met Putin",
"Putin received Macron"): "Mr. Macron conducted a flurry of phone calls with President
Biden, German Chancellor Olaf Scholz" is not "German Chancellor Olaf Scholz will meet
Biden". They dispute who did it when neither's sentence names the other's doer, and are
reported as a conflict only when they surely tell one act: alike at `STRONG` or more, or
saying it in the same words (`one_act`). "Cardona faced up to three years in prison" and
"Jordan is the only officer charged" are alike at 0.5 and share no word: two people in
two facts, not a disagreement; and "Veldt, with the mayor, ordered ..." does not
contradict "the mayor ordered", though the two are not one fact either: the second does
not name Veldt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from newsweave.clauses import Clause, without_attribution
from newsweave.embed import Matrix
from newsweave.model import Article, Entity
from newsweave.similarity import stemmed, stop_words
from newsweave.speaker_references import PERSON_ROLES

K = TypeVar("K", int, str)
ALIKE = 0.40  # clauses this alike (the alignment's link) with different doers: kept apart
STRONG = 0.6  # ... and this alike: reported as a conflict (one act, two doers)
SAME_WORDS = 0.6  # ... or alike, and this share of their words (names aside) in common
_ANY_WORD = re.compile(r"\w[\w’'-]*")
_TITLE_BEFORE = re.compile(r"(?:[A-Z][\w.’'-]*\s+)+$")  # "Interior Minister " before a name
# what may stand before a subject: "It was", "The", up to three words of a title
SUBJECT_OPENING = re.compile(
    r"^(?:[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3},\s+)?"  # "In preparation, ", "On Monday, "
    r"(?:It\s+was\s+)?(?:[Tt]he\s+)?((?:[\w.’'-]+\s+){0,3})$"
)
# "was ordered by [Interior Minister] ..." just before the name
PASSIVE_AGENT = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+\w+\s+by\s+(?:[A-Z][\w.]*\s+){0,3}$"
)


@dataclass(frozen=True)
class Mention:
    """An entity a clause names in a role (the doer, the place), and where (article
    offsets)."""

    entity: Entity
    start: int
    end: int


class Names:
    """Every written form of some entities (names, aliases, role phrases such as "the
    mayor"; with `capitalised`, names only) as one pattern, longest first, each form
    leading back to its entity."""

    def __init__(self, entities: Sequence[Entity], *, capitalised: bool = False) -> None:
        self.owner: dict[str, Entity] = {}
        for entity in entities:
            for form in (entity.name, *entity.aliases):
                if len(form) > 2 and (form[:1].isupper() or not capitalised):
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


def find_doer(clause: Clause, people: Names) -> Mention | None:
    """The person named first as the clause's subject or passive agent, if any."""
    core = without_attribution(clause.text)
    offset = clause.start + clause.text.find(core)
    for entity, match in people.found(core):
        before = core[: match.start()]
        if subject_opening(before) or PASSIVE_AGENT.search(before):
            return Mention(entity, offset + match.start(), offset + match.end())
    return None


def one_act(first: Clause, first_doer: Mention, second: Clause, second_doer: Mention) -> bool:
    """Whether two clauses say the same thing of their doers in the same words: with the
    doers and their titles left out, the same other names (places, days, groups) and at
    least `SAME_WORDS` of their content words (stems; stop words, role words and
    attribution left out), two or more, in common. "It was Mayor Anselm Dravec who ordered
    the evacuation of the Quay district" and "The evacuation of the Quay district was
    ordered by Interior Minister Hana Veldt" name Quay and share all their words (order,
    evacuation, district). "Joe Biden announced new sanctions on Russia on Monday" and
    "Rishi Sunak announced new sanctions on Iran on Monday" name different countries: two
    acts. "Cardona faced up to three years in prison" and "Jordan is the only officer
    charged" share no word."""
    names_a, words_a = _what_is_said(first, first_doer)
    names_b, words_b = _what_is_said(second, second_doer)
    shared = words_a & words_b
    together = words_a | words_b
    return names_a == names_b and len(shared) >= 2 and len(shared) >= SAME_WORDS * len(together)


def _what_is_said(clause: Clause, doer: Mention) -> tuple[frozenset[str], frozenset[str]]:
    """The clause without its doer and the doer's title: its other capitalised words
    (lower-cased; not an opening stop word such as "It" or "The", not role words), and the
    stems of its lower-case content words."""
    start, end = doer.start - clause.start, doer.end - clause.start
    title = _TITLE_BEFORE.search(clause.text, 0, start)
    cut = title.start() if title else start
    text = without_attribution(f"{clause.text[:cut]} {clause.text[end:]}")
    skip = _not_content()
    words = _ANY_WORD.findall(text)
    names = frozenset(
        word.lower()
        for position, word in enumerate(words)
        if word[:1].isupper()
        and word.lower() not in PERSON_ROLES
        and not (position == 0 and word.lower() in skip)
    )
    lower = " ".join(w for w in words if w[:1].islower() and w not in skip and len(w) > 2)
    return names, frozenset(stemmed(lower, "en").split())


@cache
def _not_content() -> frozenset[str]:
    """Words that say nothing of what is done: stop words and role words."""
    return stop_words("en") | PERSON_ROLES


def subject_opening(before: str) -> bool:
    """Whether the words before a name leave it the subject: none, "It was", "The", or a
    title ending in a capitalised word or a role ("Mayor", "police chief")."""
    opening = SUBJECT_OPENING.match(before)
    if opening is None:
        return False
    title = opening.group(1).split()
    return not title or title[-1][:1].isupper() or title[-1].lower() in PERSON_ROLES


@dataclass(frozen=True)
class DoerPairs:
    """The doers of the clauses that have one, and pairs (i < j) of alike clauses of
    different articles whose doers differ: `disputed` where neither's sentence names the
    other's doer (two accounts of who did it), `one_sided` where the clauses do not each
    name the other's ("Mr. Macron conducted a flurry of phone calls with President Biden,
    German Chancellor Olaf Scholz" and "German Chancellor Olaf Scholz will meet Biden"):
    never one fact, but no dispute either."""

    doers: dict[int, Mention]
    disputed: list[tuple[int, int]]
    one_sided: list[tuple[int, int]]


def different_doers(
    articles: Sequence[Article],
    clauses: Sequence[Clause],
    scores: Matrix,
    entities: Sequence[Entity],
) -> DoerPairs:
    """Who does what each clause says, and the alike clauses that name different doers."""
    people = Names([e for e in entities if e.type == "person"])
    if people.pattern is None:
        return DoerPairs({}, [], [])
    doers = {i: doer for i, clause in enumerate(clauses) if (doer := find_doer(clause, people))}
    in_sentence = _named_in(people, {s.id: s.text for a in articles for s in a.sentences})
    in_clause = _named_in(people, {i: clause.text for i, clause in enumerate(clauses)})
    disputed, one_sided = [], []
    for i, j in _alike_with_others(clauses, scores, doers):
        first, second = doers[i].entity.id, doers[j].entity.id
        sentence_i, sentence_j = clauses[i].sentence_id, clauses[j].sentence_id
        if first not in in_sentence(sentence_j) and second not in in_sentence(sentence_i):
            disputed.append((i, j))
        elif not (first in in_clause(j) and second in in_clause(i)):
            one_sided.append((i, j))  # not "Macron met Putin", "Putin received Macron"
    return DoerPairs(doers, disputed, one_sided)


def disagreeing_pairs(
    articles: Sequence[Article],
    clauses: Sequence[Clause],
    scores: Matrix,
    named: dict[int, Mention],
    names: Names,
) -> list[tuple[int, int]]:
    """Pairs (i < j) of clauses of different articles, alike at `ALIKE` or more, that
    name different entities in one role, where neither's sentence names the other's."""
    in_sentence = _named_in(names, {s.id: s.text for a in articles for s in a.sentences})
    return [
        (i, j)
        for i, j in _alike_with_others(clauses, scores, named)
        if named[i].entity.id not in in_sentence(clauses[j].sentence_id)
        and named[j].entity.id not in in_sentence(clauses[i].sentence_id)
    ]


def _alike_with_others(
    clauses: Sequence[Clause], scores: Matrix, named: dict[int, Mention]
) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) of clauses of different articles, alike at `ALIKE` or more, that
    name different entities in one role."""
    ordered = sorted(named)
    for position, i in enumerate(ordered):
        for j in ordered[position + 1 :]:
            if (
                clauses[i].article_id != clauses[j].article_id
                and named[i].entity.id != named[j].entity.id
                and float(scores[i, j]) >= ALIKE
            ):
                yield i, j


def _named_in(names: Names, texts: Mapping[K, str]) -> Callable[[K], set[str]]:
    """The ids of the entities each text names, read once per text when first asked."""

    @cache
    def named(key: K) -> set[str]:
        return names.in_text(texts[key])

    return named
