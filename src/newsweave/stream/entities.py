"""A simple stand-in entity signal: runs of capitalised words that are not sentence starts.

Story clustering and a story's top entities only need "which names does this article talk
about"; this module gives that from capitalisation alone, behind `article_names`, so a real
entity recogniser can replace it later without touching the clusterer or the store.
"""

from __future__ import annotations

import re
from collections import Counter


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CAP = r"(?:[A-Z][\w'’-]*[\w]|[A-Z](?:\.[A-Z])+\.?|[A-Z])"
# A run of capitalised words, allowing "of"/"de"/... between two of them.
_RUN = re.compile(rf"\b{_CAP}(?:[ \t]+(?:(?:of|de|del|da|van|von|der|al|bin)[ \t]+)?{_CAP})*")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:][\"'”’»)]*\s+|\n\s*|[\"“«(]\s*)$")
_LOWER = re.compile(r"\b[a-z][a-z'’-]*\b")
_JOINERS = frozenset({"of", "de", "del", "da", "van", "von", "der", "al", "bin"})
# Capitalised words that are not names (days, months and their abbreviations, pronouns,
# frequent sentence words, clock abbreviations and time zones).
_COMMON = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december i the a an he she it they we
    you his her its their our this that these those there here but and or if when while
    after before as at in on of for from by with without to mr mrs ms dr st mp also some
    many more most one two three four five six seven eight nine ten
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    am pm utc gmt bst cet cest est edt pst pdt
    """
)
# Words of names that say what kind of thing is named, not which one: they do not count
# when two articles' names are compared.
_GENERIC = _words(
    """
    authority agency group council company corporation bank university ministry minister
    department office service services union party court police army force forces
    president prime chief mayor governor senator general secretary director spokesman
    spokeswoman national international royal federal state city county province region
    river lake mount north south east west northern southern eastern western central new
    united republic kingdom association institute committee commission board news press
    """
)
MAX_NAME_WORDS = 4


def article_names(text: str, *, limit: int = 30) -> list[str]:
    """The names an article mentions most, most frequent first (ties: first mention first).

    A name is a run of capitalised words ("Hana Veldt", "Bank of England"). Common words
    ("The", "Monday") are dropped from either end, a run that opens a sentence loses its
    first word when the text also writes that word in lower case, and a single
    capitalised word that opens a sentence is not taken as a name.
    """
    counts: Counter[str] = Counter()
    lower_words: set[str] | None = None  # read when first needed
    for match in _RUN.finditer(text):
        run = match.group(0)
        words = run.split()
        if _SENTENCE_START.search(text, max(0, match.start() - 4), match.start()):
            if len(words) == 1 and words[0] == run:
                continue
            first = words[0].casefold()
            # (a common word goes below all the same; a word that is nowhere in the text
            # in lower case is no lower-case word of it)
            if first not in _COMMON and first in text:
                if lower_words is None:
                    lower_words = set(_LOWER.findall(text))
                if first in lower_words:
                    words.pop(0)  # "Measles Mungor Vemunith said": also written lower-case
        while words and (words[0].casefold() in _COMMON or words[0] in _JOINERS):
            words.pop(0)
        while words and (words[-1].casefold() in _COMMON or words[-1] in _JOINERS):
            words.pop()
        if words:
            counts[" ".join(words[:MAX_NAME_WORDS])] += 1
    return [name for name, _ in counts.most_common(limit)]


def name_keys(names: list[str] | tuple[str, ...]) -> set[str]:
    """The lower-cased words of names that tell one named thing from another (not "of",
    not kinds such as "Authority" or "Minister"): what articles' names are compared on."""
    keys = {w.casefold().strip(".'’") for n in names for w in n.split() if w not in _JOINERS}
    return {k for k in keys if k and k not in _GENERIC and k not in _COMMON}
