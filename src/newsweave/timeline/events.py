"""The story's timeline: every dated clause of every article, the same event merged across
outlets, and the events that outlets date differently.

1. **Dated clauses.** Each article's temporal expressions (`find_time_expressions`) are
   resolved against its publication date, stated or inferred (`infer_publication_dates`,
   applied by `with_publication_dates`). An expression that resolves to calendar days,
   and is not a bare length of time, dates the clause of the cross-source alignment
   (`newsweave.align`) it stands in.
2. **Events.** Dated clauses with the same dates are one event when they are in one fact
   group of the alignment, or alike by the alignment's clause similarity at `LINK` or
   more, or at `WEAK_LINK` when both name the same person (connected components, so three
   outlets' wordings of "Macron travels to Kyiv on Tuesday" are one event however each
   pair compares). An event's `text` is the clause of the first article (in digest order)
   that dates it, exact; its `spans` are the dating expressions in every article;
   `also_reported_by` lists the outlets whose clauses of the same fact give no date. One
   event dated at two granularities ("in August 2019", "Two years later") is one entry,
   at the finer date, with the finer event's text and outlets first
   (`newsweave.timeline.nested_events`).
3. **Different dates.** When the clauses of one fact group, in two articles or more, are
   each dated to one named day (not "in the coming days", not a range; not when every
   clause tells of an activity that goes on: "the search would continue through the
   night") and the days of two articles differ, the outlets disagree on when it
   happened: a conflict of kind "date", judged a contradiction, each claim the expression
   as written and its date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newsweave.align import Alignment
from newsweave.clauses import Clause, without_attribution_span
from newsweave.doers import Names
from newsweave.grouping import linked_groups
from newsweave.model import (
    Article,
    Claim,
    Conflict,
    Entity,
    TextSpan,
    TimelineEntry,
    content_id,
)
from newsweave.summarize import is_dangling
from newsweave.timeline.clause_times import clause_expressions
from newsweave.timeline.english import WEEKDAYS
from newsweave.timeline.extract import Memo
from newsweave.timeline.model import TimeExpression
from newsweave.timeline.nested_events import merge_nested
from newsweave.timeline.publication import infer_publication_dates
from newsweave.timeline.reading import possessive_end

# an activity that goes on ("the search would continue through the night", "rescuers were
# still searching on Tuesday") holds on several days: when every outlet's clause tells of
# one, two days for it are no conflict
ONGOING = re.compile(r"\b(?:continu\w*|still|remain\w*|ongoing|kept)\b", re.IGNORECASE)
LINK = 0.30  # the alignment's group threshold: clauses this alike state one thing
WEAK_LINK = 0.20  # enough for two clauses of one day that name the same person


@dataclass(frozen=True)
class DatedClause:
    """An expression that dates a clause: `clause` indexes `alignment.clauses`, or is None
    when the expression is in no clause the alignment kept (then `span` is its sentence)."""

    article: Article
    expression: TimeExpression
    clause: int | None
    span: TextSpan

    @property
    def value(self) -> tuple[str, str]:
        value = self.expression.value
        assert value is not None
        return value.date, value.end or value.date


def with_publication_dates(articles: Sequence[Article], memo: Memo | None = None) -> None:
    """Fill in the publication date of articles that do not state one, when the text or
    the other articles of the story tell it; `published_from` says how."""
    found = infer_publication_dates([(a.text, a.published) for a in articles], memo=memo)
    for article, publication in zip(articles, found, strict=True):
        if article.published is None and publication.date is not None:
            article.published = publication.date
            article.published_inferred = True
            article.published_from = publication.how


def dated_clauses(
    articles: Sequence[Article], alignment: Alignment, memo: Memo | None = None
) -> list[DatedClause]:
    """Every expression that resolves to calendar days, with the clause it dates."""
    return [
        DatedClause(article, expression, clause, _span(alignment, article, clause, expression))
        for article, expression, clause in clause_expressions(articles, alignment.clauses, memo)
    ]


def _span(
    alignment: Alignment, article: Article, clause: int | None, expression: TimeExpression
) -> TextSpan:
    if clause is not None:
        return alignment.clauses[clause].span()
    return article.sentence_at(expression.start).span()


def build_timeline(
    dated: Sequence[DatedClause], alignment: Alignment, entities: Sequence[Entity] = ()
) -> list[TimelineEntry]:
    """One entry per event, in chronological order (see the module docstring)."""
    fact_of = {index: k for k, group in enumerate(alignment.groups) for index in group}
    people = _people_by_clause(dated, entities)
    by_value: dict[tuple[str, str], list[DatedClause]] = {}
    for item in dated:
        by_value.setdefault(item.value, []).append(item)
    events = [
        component
        for members in by_value.values()
        for component in _events(members, alignment, fact_of, people)
    ]
    entries = [_entry(event, alignment, fact_of) for event in merge_nested(events, alignment)]
    entries.sort(key=lambda e: (e.date, e.end or e.date, e.text))
    return entries


def _people_by_clause(
    dated: Sequence[DatedClause], entities: Sequence[Entity]
) -> dict[TextSpan, set[str]]:
    """The people each dated clause names, by any name the articles write (role phrases
    such as "the minister" name no one in particular across outlets)."""
    people = Names([e for e in entities if e.type == "person"], capitalised=True)
    return {item.span: people.in_text(item.span.text) for item in dated}


def _events(
    members: list[DatedClause],
    alignment: Alignment,
    fact_of: dict[int, int],
    people: dict[TextSpan, set[str]],
) -> list[list[DatedClause]]:
    same = [
        (i, j)
        for i, first in enumerate(members)
        for j in range(i + 1, len(members))
        if _same_event(first, members[j], alignment, fact_of, people)
    ]
    return [[members[k] for k in group] for group in linked_groups(len(members), same)]


def _same_event(
    first: DatedClause,
    second: DatedClause,
    alignment: Alignment,
    fact_of: dict[int, int],
    people: dict[TextSpan, set[str]],
) -> bool:
    if first.span == second.span:
        return True  # two expressions in one clause ("on Monday, February 7")
    if first.clause is None or second.clause is None:
        return False
    if first.clause in fact_of and fact_of.get(first.clause) == fact_of.get(second.clause):
        return True
    score = float(alignment.scores[first.clause, second.clause])
    shared = people[first.span] & people[second.span]
    return score >= LINK or (score >= WEAK_LINK and bool(shared))


def _entry(
    items: list[DatedClause], alignment: Alignment, fact_of: dict[int, int]
) -> TimelineEntry:
    first = items[0]
    start, end = first.value
    article_ids = list(dict.fromkeys(item.article.id for item in items))
    sentence_ids = list(dict.fromkeys(item.span.sentence_id for item in items))
    spans = [
        TextSpan(
            item.article.id,
            item.span.sentence_id,
            item.expression.start,
            item.expression.end,
            item.expression.text,
        )
        for item in items
    ]
    # of the items that give the entry's date (a coarser one merged in only joins it)
    inferred = any(
        item.article.published_inferred and item.expression.anchor != "absolute"
        for item in items
        if item.value == first.value
    )
    undated: dict[str, None] = {}
    for item in items:  # outlets that state the same fact without a date
        if item.clause is not None and item.clause in fact_of:
            for index in alignment.groups[fact_of[item.clause]]:
                undated.setdefault(alignment.clauses[index].article_id)
    return TimelineEntry(
        id=content_id("event", start, end, *sentence_ids),
        date=start,
        end=end if end != start else None,
        granularity=first.expression.granularity,
        time=first.expression.time,  # another outlet's clock time may time another step
        text=first.span.text,
        article_ids=article_ids,
        sentence_ids=sentence_ids,
        inferred=inferred,
        spans=spans,
        also_reported_by=[a for a in undated if a not in article_ids],
    )


def timeline_conflicts(dated: Sequence[DatedClause], alignment: Alignment) -> list[Conflict]:
    """Facts that two outlets or more put on days that do not overlap."""
    fact_of = {index: k for k, group in enumerate(alignment.groups) for index in group}
    by_fact: dict[int, dict[str, list[DatedClause]]] = {}
    for item in dated:
        if item.clause is None or item.clause not in fact_of:
            continue
        start, end = item.value
        if item.expression.granularity != "day" or item.expression.approximate or end > start:
            continue  # only a named day: "in the coming days" or "this weekend" are no claim
        said = without_attribution_span(alignment.clauses[item.clause].span())
        if not said.start <= item.expression.start < said.end:
            continue  # "..., her office said on Tuesday": the day of the saying
        by_fact.setdefault(fact_of[item.clause], {}).setdefault(item.article.id, []).append(item)
    conflicts: list[Conflict] = []
    for fact_index, per_article in by_fact.items():
        single = [items[0] for items in per_article.values() if len(items) == 1]
        if len(single) < 2 or not _disjoint(single, alignment):
            continue
        if all(ONGOING.search(item.span.text) for item in single):
            continue  # every outlet tells of something that goes on, on its own day
        claims = [_claim(item) for item in single]
        fact = alignment.facts[fact_index]
        worded = next(
            i for i in alignment.groups[fact_index] if alignment.clauses[i].text == fact.text
        )
        days = [item.expression for item in dated if item.clause == worded]
        conflicts.append(
            Conflict(
                id=content_id("date", *(f"{c.sentence_id}:{c.start}" for c in claims)),
                subject=f"day of: {_undated(_said(alignment.clauses[worded]), days)}",
                kind="date",
                judgment="contradiction",
                claims=claims,
            )
        )
    return conflicts


def _said(clause: Clause) -> TextSpan:
    """What the clause says, without who said it (`newsweave.clauses.without_attribution`):
    another outlet may have the day from someone else. The whole clause when what is left
    leans on the source ("Lind said she would visit ...": "she would visit ...")."""
    core = without_attribution_span(clause.span())
    return clause.span() if is_dangling(core.text) else core


def _undated(clause: TextSpan, days: Sequence[TimeExpression]) -> str:
    """The clause that words a fact, without the days it names (`days`, its dating
    expressions), so that a date conflict's subject does not take one side: "Prime
    Minister Ruben Castell is expected to visit Velmora …, his office said", not "... on
    Tuesday, ..." when another outlet says Wednesday. A day outside `clause` (a span of the
    clause's article) is left alone."""
    shown, cut = "", 0
    for day in sorted(days, key=lambda d: d.start):
        start, end = day.start - clause.start, day.end - clause.start
        if start < cut or not 0 <= start < end <= len(clause.text):
            continue  # outside the clause's text, or inside a day already left out
        shown = f"{(shown + clause.text[cut:start]).rstrip()} …"
        cut = end
    if not cut:
        return clause.text
    rest = clause.text[cut:]
    if not rest.strip(" .!?"):
        rest = ""  # "... to visit Rask …", not "... to visit Rask …."
    if shown == " …":  # the clause opened with the day: "… Prime Minister ..."
        return "… " + rest.lstrip(" ,;:")
    return (shown + rest).lstrip()


def _disjoint(items: list[DatedClause], alignment: Alignment) -> bool:
    """Whether two of the items name days that do not overlap, their clauses alike in
    themselves (not joined only through the rest of their fact, nor only by an amount they
    share: "Ahmadinejad on Wednesday announced that he would free the fifteen British
    navy personnel" and "The fifteen navy crew arrived by helicopter at the base on
    Thursday" are two doings of the sailors), other than by the same
    word counted from two publication dates ("Tomorrow's stage" in articles of Saturday and
    Monday: two stages, not one stage on two days)."""
    for i, first in enumerate(items):
        for second in items[i + 1 :]:
            (a_start, a_end), (b_start, b_end) = first.value, second.value
            if a_end >= b_start and b_end >= a_start:
                continue
            assert first.clause is not None and second.clause is not None
            alike = alignment.alike_besides_amounts(first.clause, second.clause)
            if alike and not _counted_from_own_dates(first, second):
                return True
    return False


def _counted_from_own_dates(first: DatedClause, second: DatedClause) -> bool:
    """Whether the two days are counted each from its own publication date by a word such
    as "today" or a weekday, in a way that says they are two events: from dates more than
    a week apart ("on Wednesday" and "today" in reports six months apart), or by one word
    of which one names a day's own event ("Tomorrow's stage" and "Tomorrow is a rest day"
    in articles of two days). One "today" (or "today's funeral") in articles of two days
    in a row may be one event dated two ways, and a written date ("on March 3") is one
    day whoever prints it: those stay conflicts."""
    one, other = first.expression, second.expression
    if one.anchor != "publication" or other.anchor != "publication":
        return False
    if first.article.published is None or second.article.published is None:
        return False
    published = (
        date.fromisoformat(first.article.published),
        date.fromisoformat(second.article.published),
    )
    days_apart = abs((published[0] - published[1]).days)
    word, other_word = _deictic_word(one.text), _deictic_word(other.text)
    if word is None or other_word is None:
        return False  # a written date ("on March 3") is the same day whoever prints it
    if days_apart > WEEK:
        return True
    if days_apart == 0 or word == "today" or word != other_word:
        return False
    # "Tomorrow's stage": a day's own event
    return any(
        possessive_end(item.article.text, item.expression.end) is not None
        for item in (first, second)
    )


WEEK = 7


_DEICTIC = re.compile(
    r"\b(today|tonight|tomorrow|yesterday|" + "|".join(sorted(WEEKDAYS)) + r")\b", re.IGNORECASE
)


def _deictic_word(text: str) -> str | None:
    """ "today", "tomorrow", a weekday...: the word a day is counted by, if any."""
    found = _DEICTIC.search(text)
    return found.group(1).lower() if found else None


def _claim(item: DatedClause) -> Claim:
    start, _end = item.value
    shown = f"{start} ({date.fromisoformat(start):%A})"
    expression = item.expression
    return Claim(
        value=shown,
        text=expression.text,
        sentence_id=item.span.sentence_id,
        article_id=item.article.id,
        start=expression.start,
        end=expression.end,
        span=item.span,
    )
