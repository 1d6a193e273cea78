"""Conflicts: the same quantity given differently by different outlets.

A claim is one amount an outlet states in its own voice (amounts inside quotation marks
belong to the speaker, not the outlet): its value, the exact wording, and the clause around
it. Two claims of different articles are about the same subject when they count the same
kind of thing (`newsweave.quantities.same_thing`) and, for the things news counts in many
roles, when they count it in the same role:

- `newsweave.amount_roles.EVENT_ROLES` names roles by the words that mark them in a
  clause ("died", "killed", "death toll" for deaths; "evacuated", "left their homes",
  "shelters" for evacuations).
  Two claims with different roles are never paired: 340 people rescued and 14 people dead
  are not a conflict.
- Without a role, the clauses must be alike (`ConflictOptions.context`), stricter for
  generic units (people, minutes) and for sums of money and percentages, which news gives
  for many things at once (pledges of several donors), than for specific units (troops,
  metres).

A measure names what it measures when the clause says so
(`newsweave.measured_things`): a distance from a place ("65 kilometres northwest of
Talca") is not one from another place, nor a depth, nor a stage's length one of its
climbs'. Claims join one subject by average linkage, one claim per clause, never two that
measure different things, so a chain of alike pairs (distances of several quakes from
several towns) does not make one subject of them all.

Amounts of sentences that name two events by a quake's magnitude or a stage's or a
flight's number ("an aftershock of magnitude 2.6", "a quake of magnitude 6.9") are never
one subject (`newsweave.event_numbers`).

Time moves figures: amounts of articles published days apart are never one subject, and
a count that only grows (`GROWING_ROLES`) given higher on a later day updates the earlier
one rather than disputing it.

Amounts inside quotation marks and increments ("thousands more troops", "another 3,000") are
not claims. Claims about one subject form a conflict when their values are not all the same. The
judgment is the worst of the pairwise comparisons (`newsweave.quantities.compare`) between
outlets: "contradiction" (nine against fourteen), else "tension" ("about five metres" against
"four metres"), else "compatible" ("some 2,000" against "more than 2,000").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsweave import number_words as nw
from newsweave.align import Alignment
from newsweave.amount_roles import ROLE_SUBJECTS, role_of, same_role_and_thing
from newsweave.clauses import Clause, inside_quotation
from newsweave.event_numbers import different_events
from newsweave.grouping import group_across_articles
from newsweave.measured_things import measured_what
from newsweave.model import Article, Claim, Conflict, content_id
from newsweave.publication_gap import APART_DAYS, apart_by_more_than, published_days
from newsweave.quantities import Quantity, compare, same_thing

GENERIC_UNITS = frozenset({"people", "person", "resident", "inhabitant", "minute", "hour", "day"})
MEASURED = ("count", "measure", "money", "percent", "duration")
GENERIC_KINDS = frozenset({"money", "percent"})
SAME_FIRST = 0.01  # a tie-break, far below any difference in likeness that matters
LINKED = 0.01  # the least sureness of two claims found to be about one subject
JUDGMENT_ORDER = ("compatible", "tension", "contradiction")
# counts that only grow as a story goes on (the missing may be found, a population is fixed)
GROWING_ROLES = frozenset({"deaths", "bodies found", "injured", "evacuated", "rescued", "arrested"})


@dataclass(frozen=True)
class ConflictOptions:
    """How alike two clauses must be to compare their amounts when no role says so."""

    context: float = 0.35  # specific units: troops, metres, euros
    generic_context: float = 0.45  # people, minutes: counted in many roles
    # least average sureness (below) between the claims of two merging subjects
    mean: float = 0.15


@dataclass(frozen=True)
class _Candidate:
    clause: int
    quantity: Quantity
    role: str | None
    measured: str | None  # what a measure is of, when its clause says (`measured_what`)


def find_conflicts(
    articles: Sequence[Article], alignment: Alignment, options: ConflictOptions | None = None
) -> list[Conflict]:
    """Every subject on which the outlets give different amounts, in order of first claim."""
    opts = options or ConflictOptions()
    candidates = _candidates(alignment)
    texts = {article.id: article.text for article in articles}
    n = len(candidates)
    # how sure it is that two claims are about one subject: 1 when a role says so, the
    # likeness of their clauses when their unit does, 0 when they are not. Subjects grow
    # by average linkage, one claim per clause, never over two different measured things
    # ("65 km northwest of Cauquenes", "102 km north of Talca", "a depth of 10 km"): a
    # chain of distances given for different places and quakes is not one subject
    sure = np.zeros((n, n), dtype=np.float32)
    clause_of = [str(c.clause) for c in candidates]
    sentence_of = [alignment.clauses[c.clause].sentence_id for c in candidates]
    # nor two amounts of one sentence, unless it disputes one subject itself: "raised 395,000
    # euro, while the government pledged 150,000 euro" and "12 died in the mill fire, while
    # 15 died in a separate blaze" tell two things apart; "police said 12 died, but
    # officials put the death toll at 15" disputes one (and one clause may then hold both)
    apart: list[tuple[int, int]] = []
    # nor two amounts of articles published days apart: the later one updates the earlier
    # (bodies recovered: 2 on 6 June, about 50 on 18 June), it does not dispute it
    day = published_days(articles, [alignment.clauses[c.clause].article_id for c in candidates])
    far = apart_by_more_than(day, APART_DAYS)
    sentence_text = {s.id: s.text for article in articles for s in article.sentences}
    for i in range(n):
        for j in range(i + 1, n):
            if far[i, j]:
                continue
            a, b = candidates[i], candidates[j]
            # nor a count that only grows given higher a day or more later: 2 bodies
            # recovered on 6 June, 16 on 8 June is news of the search, not a dispute
            if _grown_since(a, float(day[i]), b, float(day[j])):
                apart.append((i, j))
                continue
            # nor two amounts of sentences that name two events: the distances from one
            # town of an aftershock "of magnitude 2.6" and a quake "of 6.9"
            if different_events(sentence_text[sentence_of[i]], sentence_text[sentence_of[j]]):
                apart.append((i, j))
                continue
            if _same_subject(a, b, alignment, opts):
                alike = max(float(alignment.scores[a.clause, b.clause]), LINKED)
                # between equally sure pairs, equal amounts pair first: two sentences that
                # each give 395,000 and 150,000 euros pair 395,000 with 395,000
                same = compare(a.quantity, b.quantity) == "same"
                sure[i, j] = sure[j, i] = (1.0 if a.role and b.role else alike) + SAME_FIRST * same
            one_sentence = sentence_of[i] == sentence_of[j]
            disputed = one_sentence and _disputed_in_one_sentence(a, b, alignment, texts)
            if disputed and a.clause == b.clause:
                clause_of[j] = f"{b.clause}:{j}"
            one_sentence_two_things = one_sentence and not disputed
            if _measure_other_things(a, b) or one_sentence_two_things:
                apart.append((i, j))
    # a claim about no subject with any other stays alone: only claims that may join some
    # subject need keeping apart from those published days away
    linked = np.flatnonzero((sure > 0).any(axis=1))
    far_linked = np.triu(far[np.ix_(linked, linked)] > 0, k=1)
    rows, columns = np.nonzero(far_linked)
    apart += [(int(linked[i]), int(linked[j])) for i, j in zip(rows, columns, strict=True)]
    conflicts = []
    groups = group_across_articles(clause_of, sure, link=LINKED, mean=opts.mean, apart=apart)
    for members in groups:
        claims = [candidates[i] for i in members]
        conflict = _conflict(claims, alignment.clauses)
        if conflict is not None:
            conflicts.append(conflict)
    return conflicts


def _grown_since(a: _Candidate, day_a: float, b: _Candidate, day_b: float) -> bool:
    """Whether two claims give a count that only grows (`GROWING_ROLES`) and the one of the
    article published later, on another day, is the higher: an update, not a dispute."""
    if not (a.role and a.role == b.role and a.role in GROWING_ROLES):
        return False
    if math.isnan(day_a) or math.isnan(day_b) or day_a == day_b:
        return False
    earlier, later = (a, b) if day_a < day_b else (b, a)
    return later.quantity.value > earlier.quantity.value


def _candidates(alignment: Alignment) -> list[_Candidate]:
    found = []
    for index, (clause, quantities) in enumerate(
        zip(alignment.clauses, alignment.quantities, strict=True)
    ):
        measured = [q for q in quantities if q.kind in MEASURED]  # not years, not dates
        for quantity in measured:
            if inside_quotation(clause.text, quantity.start):
                continue
            if _increment(clause.text, quantity):
                continue  # "thousands more troops": a change, not the total
            if _conversion(clause.text, quantity, measured):
                continue  # "28.4 kilometers (17.6 miles)": the same amount again
            role = role_of(clause.text, quantity, measured)
            if quantity.unit or role:
                measured_of = measured_what(clause.text, quantity)
                found.append(_Candidate(index, quantity, role, measured_of))
    return found


def _conversion(text: str, quantity: Quantity, others: list[Quantity]) -> bool:
    """An amount in brackets right after another of its kind and its unit: a conversion."""
    return any(
        other.kind == quantity.kind
        and _BRACKET_AFTER_UNIT.fullmatch(text, other.end, quantity.start)
        for other in others
    )


_BRACKET_AFTER_UNIT = re.compile(r"\s*[^\W\d]{0,12}\.?\s*\(\s*")  # " kilometres (", "km ("


_INCREMENT_AFTER = re.compile(r"\s*(?:more|additional|extra|fewer|less)\b", re.IGNORECASE)
_INCREMENT_BEFORE = re.compile(r"\b(?:another|additional|extra|further)\s*$", re.IGNORECASE)


def _increment(text: str, quantity: Quantity) -> bool:
    """An amount added or taken away ("thousands more", "another 3,000")."""
    return bool(
        _INCREMENT_AFTER.match(text, quantity.end)
        or _INCREMENT_BEFORE.search(text, 0, quantity.start)
    )


def _same_subject(
    a: _Candidate, b: _Candidate, alignment: Alignment, options: ConflictOptions
) -> bool:
    first, second = alignment.clauses[a.clause], alignment.clauses[b.clause]
    if first.article_id == second.article_id or a.quantity.kind != b.quantity.kind:
        return False
    if a.role and b.role:
        return same_role_and_thing(a.quantity, a.role, b.quantity, b.role)
    if not same_thing(a.quantity, b.quantity):
        return False
    if _measure_other_things(a, b):
        return False  # "65 km northwest of Cauquenes" is not "102 km north of Talca"
    generic = (
        a.quantity.unit in GENERIC_UNITS
        or b.quantity.unit in GENERIC_UNITS
        or a.quantity.kind in GENERIC_KINDS  # sums and shares are counted for anything
    )
    needed = options.generic_context if generic else options.context
    return float(alignment.scores[a.clause, b.clause]) >= needed


def _disputed_in_one_sentence(
    a: _Candidate, b: _Candidate, alignment: Alignment, texts: dict[str, str]
) -> bool:
    """Whether a sentence gives two amounts of one role as two sources' claims: a contrast
    and a source between them ("12 died, but hospital officials put the death toll at 15",
    "killed 12, though a local radio station said 15", "12 died, while officials put the toll
    at 15"). Without a second source it tells two things apart ("12 died in the mill fire,
    while 15 died in a separate blaze")."""
    if not (a.role and a.role == b.role):
        return False
    clauses = alignment.clauses
    first, second = sorted((a, b), key=lambda c: (clauses[c.clause].start, c.quantity.start))
    one, other = clauses[first.clause], clauses[second.clause]
    # the sentence's own text between the two, with what parts its clauses
    between = texts[one.article_id][
        one.start + first.quantity.end : other.start + second.quantity.start
    ]
    return bool(_CONTRAST.search(between) and _SOURCE.search(between))


_CONTRAST = re.compile(r"\b(?:but|however|though|although|whereas|while|yet)\b|;", re.IGNORECASE)
_SOURCE = re.compile(
    r"\b(?:said|says|say|put|puts|told|according|estimated|estimates|reported|reports)\b",
    re.IGNORECASE,
)


def _measure_other_things(a: _Candidate, b: _Candidate) -> bool:
    return bool(a.measured and b.measured and a.measured != b.measured)


def _conflict(claims: list[_Candidate], clauses: list[Clause]) -> Conflict | None:
    articles = {clauses[c.clause].article_id for c in claims}
    if len(articles) < 2:
        return None
    if not _differ(claims):
        return None  # the same figure in other words ("11 km", "about 11 km"): agreement
    worst = "same"
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if clauses[a.clause].article_id == clauses[b.clause].article_id:
                continue
            verdict = compare(a.quantity, b.quantity)
            if verdict in JUDGMENT_ORDER and (
                worst == "same" or JUDGMENT_ORDER.index(verdict) > JUDGMENT_ORDER.index(worst)
            ):
                worst = verdict
    if worst == "same":
        return None  # every outlet gives the same amount: agreement, not conflict
    made = [_claim(c, clauses[c.clause]) for c in claims]
    subject = _subject(claims)
    return Conflict(
        # the subject too: the same clauses can give the dead and the injured
        id=content_id(subject, *(f"{c.sentence_id}:{c.start}" for c in made)),
        subject=subject,
        kind="number",
        judgment=worst,
        claims=made,
    )


def _differ(claims: list[_Candidate]) -> bool:
    """Whether two claims say different things: they state different figures ("23" and
    "more than 20"), or neither one's range holds the other's ("some 100,000" and "more
    than 100,000"). "11 km" and "about 11 km" agree, and so do "340" and "hundreds": a vague
    amount is compared by its range only."""
    for i, first in enumerate(claims):
        a = first.quantity
        for second in claims[i + 1 :]:
            b = second.quantity
            if a.value != b.value and "vague" not in (a.qualifier, b.qualifier):
                return True
            nested = (b.low <= a.low and a.high <= b.high) or (a.low <= b.low and b.high <= a.high)
            if not nested:
                return True
    return False


def _claim(candidate: _Candidate, clause: Clause) -> Claim:
    quantity = candidate.quantity
    return Claim(
        value=_value(quantity),
        text=quantity.text,
        sentence_id=clause.sentence_id,
        article_id=clause.article_id,
        start=clause.start + quantity.start,
        end=clause.start + quantity.end,
        span=clause.span(),
        low=quantity.low,
        high=None if math.isinf(quantity.high) else quantity.high,
    )


def _value(quantity: Quantity) -> str:
    """The amount as read: "9", "2,000 (approximate)", "100,000 (more than)"; a vague amount
    gives the range its words allow ("tens of thousands": "20,000-99,999 (vague)"), and a
    range its ends ("25-40 (range)"), never a single figure the text does not state."""
    if quantity.qualifier in ("vague", "range"):  # "25-40%": not its midpoint, 32.5
        return f"{_number(quantity.low)}-{_number(quantity.high)} ({quantity.qualifier})"
    number = _number(quantity.value)
    if quantity.qualifier == "exact":
        return number
    return f"{number} ({quantity.qualifier.replace('_', ' ')})"


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def _subject(claims: list[_Candidate]) -> str:
    """What is counted: "death toll", "number of troops", "amount in metres"."""
    roles = {c.role for c in claims if c.role}
    if len(roles) == 1:
        return ROLE_SUBJECTS[roles.pop()]
    unit = next((c.quantity.unit for c in claims if c.quantity.unit), None) or "items"
    plural = nw.plural(unit)
    return f"number of {plural}" if claims[0].quantity.kind == "count" else f"amount in {plural}"
