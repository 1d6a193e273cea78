"""Photo captions left in the story text, that no credit or label gives away.

Two shapes are told by their words alone: a short line without a verb right below the
date line, before the story ("Ambulances at Russell Square, London after the July 7, 2005
bombings."), and a short line of names ending in a year anywhere in the article ("HMS
Cornwall at Zeebrugge in 2006."), the caption of an archive photo. Captions with a credit
or a "Photo:" label are `newsweave.text.boilerplate`'s.
"""

from __future__ import annotations

import re

from newsweave.text.other_language_dates import date_line

BELOW_DATE_CAPTION_MAX_WORDS = 15
DATED_CAPTION_MAX_WORDS = 12
# the words in lower case a caption of names may hold
_CAPTION_SMALL_WORDS = frozenset(
    {"at", "in", "on", "of", "the", "a", "an", "and", "with", "during", "after", "before"}
    | {"near", "from", "off", "outside"}
)
_DATED_CAPTION_END = re.compile(r"\b(?:in|on)\s+(?:1[89]|20)\d\d\.?$|\((?:1[89]|20)\d\d\)\.?$")
_PRESENT_VERB = re.compile(r"\b(?:is|are|be|been|can|may|might|must|says|do|does)\b", re.I)
_WORD = re.compile(r"\w+")


def caption_below_date(text: str, date: str) -> bool:
    """Whether `text`, the paragraph right below the date line `date` (another paragraph
    of story following it), is a photo's caption: short, one line, and without a verb. The
    verb test is English: below a date line in another language ("Mardi 12 juillet
    2005") nothing is taken for a caption."""
    from newsweave.timeline.english_tense import has_tense_cue  # the timeline reads text

    line = text.strip()
    too_long = len(line.split()) > BELOW_DATE_CAPTION_MAX_WORDS
    if too_long or "\n" in line or date_line(date) is not None:
        return False
    return not (has_tense_cue(line) or _PRESENT_VERB.search(line))


def dated_caption(text: str) -> bool:
    """A short line of names ending in a year, the only number in it ("HMS Cornwall at
    Zeebrugge in 2006.", "Iran at the UN in 2007."): the caption of an archive photo. Every
    word in lower case must be a small word of a caption ("at", "in", "the"...), so no
    statement is taken ("Seven people died in 2006.", "The trial opens in 2008.", "De
    fabriek sloot in 2006.")."""
    line = text.strip()
    if "\n" in line or len(line.split()) > DATED_CAPTION_MAX_WORDS:
        return False
    end = _DATED_CAPTION_END.search(line)
    if end is None or any(char.isdigit() for char in line[: end.start()]):
        return False
    lower = [w for w in _WORD.findall(line[: end.start()]) if w[0].islower()]
    return all(w in _CAPTION_SMALL_WORDS for w in lower)
