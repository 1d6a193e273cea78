"""Which way an English clause points from its publication date: future ("will travel",
"is due to", "is expected"), past ("warned", "said", "has sent", "since") or unknown.

The verb nearest to the expression decides: a weekday's verb is nearly always within a few
words of it ("warned Sunday", "will travel ... on Tuesday"). Cues after the expression
count for a little less than cues before it; a closing attribution ("..., her office
said") ends the clause, so its verb does not decide.
"""

from __future__ import annotations

import re

_FUTURE = (
    r"will|won[’']t|shall|[’']ll|would|is to|are to|is due|are due|was due|were due|is set to"
    r"|are set to|is expected|are expected|is scheduled|are scheduled|is planned|are planned"
    r"|plans? to|planning to|is going to|are going to|intends? to|hopes? to|is poised to"
    r"|upcoming|aims? to|will be|to be held|to visit|to travel|to meet|to host|ahead of"
)
_PAST = (
    r"said|told|was|were|had|did|spoke|met|took|gave|came|went|made|held|began|sent|saw|left"
    r"|fell|rose|broke|burst|flew|won|lost|ran|hit|struck|killed|found|felt|kept|led|paid"
    r"|brought|built|caught|chose|drove|drew|fought|forgot|froze|grew|heard|hid|knew|meant"
    r"|rang|said|sold|shook|shot|shut|sang|sank|sat|slept|spent|stood|stole|swept|swore|tore"
    r"|thought|threw|understood|woke|wore|wrote|has|have|has been|have been|ago|since"
)
_NOT_PAST = frozenset(
    {"expected", "scheduled", "planned", "based", "need", "speed", "proceed", "indeed", "red",
     "bed", "feed", "seed", "shed", "hundred", "related", "detailed", "limited", "concerned",
     "interested", "armed", "backed", "united", "called", "named", "so-called", "advanced",
     "supposed", "used", "alleged", "embed", "exceed", "succeed", "breed", "weed", "greed",
     "tired", "aged", "wicked", "sacred", "naked", "rugged", "ragged", "wretched", "beloved"}
)  # fmt: skip
_CUE = re.compile(
    rf"\b(?P<future>{_FUTURE})\b|\b(?P<past>{_PAST})\b|\b(?P<ed>[a-z]{{3,}}ed)\b", re.IGNORECASE
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our)\s+$", re.I)
_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|shall|should|could|can|may|might|must|to)\s+$|[’']ll\s+$", re.I
)
_CLAUSE_BREAK = re.compile(
    r"[;:“”\"]|,\s+(?:but|while|whereas|although)\b| – | — "
    r"|,\s+(?:[\w’'.-]+\s+){0,4}?(?:said|says|told|added|reported|according)\b"
)  # the last: a closing attribution (", her office said") is no verb of the event


def has_tense_cue(text: str) -> bool:
    """Whether the text has a verb that shows a tense ("will", "said", "struck", "-ed")."""
    return _CUE.search(text) is not None


def clause_tense(sentence: str, start: int, end: int) -> int:
    """+1 when the clause around `sentence[start:end]` speaks of the future, -1 of the past,
    0 when it shows neither (present tense, no verb)."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    right = min((m.start() for m in _CLAUSE_BREAK.finditer(sentence, end)), default=len(sentence))
    best: tuple[float, int] | None = None
    for cue in _CUE.finditer(sentence, left, right):
        if start <= cue.start() < end:
            continue
        if cue.group("ed") and (
            cue.group("ed").lower() in _NOT_PAST
            or _DETERMINER_BEFORE.search(sentence, 0, cue.start())
        ):
            continue  # "the flooded town": an adjective, not a past verb
        if cue.group("past") and _MODAL_BEFORE.search(sentence, 0, cue.start()):
            continue  # "will have", "to have been": the modal decides
        sign = 1 if cue.group("future") else -1
        distance = start - cue.end() if cue.end() <= start else 1.5 * (cue.start() - end)
        if best is None or distance < best[0]:
            best = (distance, sign)
    return best[1] if best else 0
