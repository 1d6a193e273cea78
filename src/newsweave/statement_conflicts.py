"""Conflicts that are not amounts: one outlet denies what another asserts, or two outlets
give different days for the same event.

- Denials come from the alignment (`Alignment.denials`): alike clauses of two articles of
  which exactly one denies or negates ("Company officials denied reports that one of the
  spillway gates had been stuck shut" against "one of the dam's two spillway gates had been
  jammed shut since January"). Judged "contradiction"; the claims' values are "asserted" and
  "denied".
- Days: the clauses of one fact that name different weekdays ("is expected to visit on
  Tuesday", "will visit the town on Wednesday"). A weekday is read against its article's
  publication date, forward when the clause speaks of the future ("will", "is expected
  to", "is due to") and backward otherwise; two weekdays that fall on the same date are no
  conflict. Without a publication date the names are compared as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from newsweave.align import Alignment
from newsweave.clauses import Clause
from newsweave.model import Article, Claim, Conflict, content_id

WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
WEEKDAY_NUMBER = {
    name: n
    for n, name in enumerate(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    )
}
FUTURE = re.compile(
    r"\b(?:will|shall|is|are) (?:\w+ )?(?:expected|due|set|scheduled|to)\b|\bwill\b|\bplans? to\b",
    re.IGNORECASE,
)


def denial_conflicts(alignment: Alignment) -> list[Conflict]:
    """One contradiction per asserted clause, with every clause that denies it."""
    by_assertion: dict[int, list[int]] = {}
    for asserting, denying in alignment.denials:
        by_assertion.setdefault(asserting, []).append(denying)
    conflicts = []
    for asserting, deniers in sorted(by_assertion.items()):
        first = alignment.clauses[asserting]
        claims = [_whole_clause(first, "asserted")]
        claims += [_whole_clause(alignment.clauses[j], "denied") for j in deniers]
        conflicts.append(
            Conflict(
                id=content_id("claim", *(f"{c.sentence_id}:{c.start}" for c in claims)),
                subject=first.text,
                kind="claim",
                judgment="contradiction",
                claims=claims,
            )
        )
    return conflicts


def date_conflicts(articles: Sequence[Article], alignment: Alignment) -> list[Conflict]:
    """Facts whose outlets put the event on different days."""
    published = {a.id: a.published for a in articles}
    conflicts = []
    for fact, group in zip(alignment.facts, alignment.groups, strict=True):
        if len(fact.article_ids) < 2:
            continue
        named = []
        for index in group:
            clause = alignment.clauses[index]
            days = list(WEEKDAY.finditer(clause.text))
            if len(days) == 1:
                day = days[0]
                when = _resolve(day.group(1), clause.text, published[clause.article_id])
                named.append((clause, day, when))
        if not _disagree(named):
            continue
        claims = [_day_claim(clause, day, when) for clause, day, when in named]
        conflicts.append(
            Conflict(
                id=content_id("date", *(f"{c.sentence_id}:{c.start}" for c in claims)),
                subject=f"day of: {fact.text}",
                kind="date",
                judgment="contradiction",
                claims=claims,
            )
        )
    return conflicts


def _disagree(named: list[tuple[Clause, re.Match[str], str | None]]) -> bool:
    """Two articles name different days: different dates, or different names where a date
    is unknown."""
    for i, (first, day, when) in enumerate(named):
        for other, other_day, other_when in named[i + 1 :]:
            if first.article_id == other.article_id:
                continue
            if when and other_when:
                if when != other_when:
                    return True
            elif day.group(1) != other_day.group(1):
                return True
    return False


def _resolve(weekday: str, text: str, published: str | None) -> str | None:
    """The date a weekday names, read from the publication date (None when undated)."""
    if not published:
        return None
    try:
        base = date.fromisoformat(published[:10])
    except ValueError:
        return None
    wanted = WEEKDAY_NUMBER[weekday]
    if FUTURE.search(text):
        ahead = (wanted - base.weekday()) % 7  # "meets Putin on Monday", said on a Monday
        return (base + timedelta(days=ahead)).isoformat()
    back = (base.weekday() - wanted) % 7
    return (base - timedelta(days=back)).isoformat()


def _whole_clause(clause: Clause, value: str) -> Claim:
    return Claim(
        value=value,
        text=clause.text,
        sentence_id=clause.sentence_id,
        article_id=clause.article_id,
        start=clause.start,
        end=clause.end,
        span=clause.span(),
    )


def _day_claim(clause: Clause, day: re.Match[str], when: str | None) -> Claim:
    return Claim(
        value=f"{day.group(1)} ({when})" if when else day.group(1),
        text=day.group(1),
        sentence_id=clause.sentence_id,
        article_id=clause.article_id,
        start=clause.start + day.start(1),
        end=clause.start + day.end(1),
        span=clause.span(),
    )
