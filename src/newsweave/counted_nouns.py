"""The noun a number counts, found from the tokens around it (no part-of-speech tagger).

`noun_after` reads forward from the end of a number: the first noun after up to four
modifiers, through "of" ("tens of thousands of troops" -> "troop"); `noun_before` reads
back for "a population of N" / "the death toll rose to N". Both return canonical unit names
(`newsweave.number_words.unit_name`); the word lists are in `newsweave.quantity_vocabulary`.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.number_words import lemma, unit_name
from newsweave.quantity_tokens import Token
from newsweave.quantity_vocabulary import (
    ADJ_ENDINGS,
    ADJ_ONLY,
    ADJECTIVES,
    BACK_LINKS,
    BACK_NOUNS,
    NOMINAL,
    NOUN_ING,
    OF_DETERMINERS,
    PLURAL_NOUNS,
    PRONOUNS,
    STOP,
)


def noun_after(tokens: Sequence[Token], k: int) -> tuple[str | None, bool, int]:
    """(unit, whether its noun is plural, token after it) for a number ending before token k.

    The first noun after up to four modifiers (capitalised, hyphenated or adjective-like
    words), through "of" ("thousands of troops"); a singular noun before a plural one is a
    modifier ("police officers"); with no noun, the last modifier if it can stand for one
    ("nine dead", "30 Ukrainians"). Stop words end the search ("nine were killed")."""
    low = [tok.low for tok in tokens[k : k + 12]] + [""] * 3
    j = 0
    if low[0] == "of":
        if low[1] in PRONOUNS:
            return None, False, k
        j = 1 + (low[1] in OF_DETERMINERS)
    modifiers: list[str] = []
    while k + j < len(tokens) and tokens[k + j].kind == "word" and len(modifiers) < 4:
        parts, jj = [tokens[k + j].text], j + 1
        while low[jj] == "-" and tokens[k + jj - 1].glued and tokens[k + jj].glued:
            if tokens[k + jj + 1].kind != "word":
                break
            parts, jj = [*parts, tokens[k + jj + 1].text], jj + 2
        raw = parts[-1]
        if len(parts) == 1 and raw.lower() in STOP:
            break
        nxt = tokens[k + jj] if k + jj < len(tokens) else None
        if len(parts) > 1 or _is_modifier(raw) or _modifies_plural(raw, nxt):
            modifiers.append(raw)
            j = jj
            continue
        return unit_name(raw), _is_plural(raw), k + jj
    if modifiers and _is_nominal(modifiers[-1]):
        return unit_name(modifiers[-1]), _is_plural(modifiers[-1]), k + j
    return None, False, k + j


def noun_before(tokens: Sequence[Token], i: int) -> str | None:
    """ "a population of 41,000" -> "population"; "the death toll rose to 14" -> "death"."""
    j = i - 1
    while j >= 0 and i - j <= 4 and tokens[j].low in BACK_LINKS:
        j -= 1
    return BACK_NOUNS.get(tokens[j].low) if 0 <= j < i - 1 else None


def _modifies_plural(raw: str, nxt: Token | None) -> bool:
    """A singular noun before a plural one modifies it ("police officers")."""
    if nxt is None or nxt.kind != "word" or lemma(raw) != raw.lower():
        return False
    return nxt.low not in STOP and not _is_modifier(nxt.text) and lemma(nxt.low) != nxt.low


def verb_form(low: str) -> bool:
    """Looks like a participle ("killed", "fleeing"): an adjective or a verb."""
    return (low.endswith("ed") and len(low) > 4) or (low.endswith("ing") and len(low) > 5)


def _is_modifier(raw: str) -> bool:
    low = raw.lower()
    if raw[0].isupper() or low in ADJECTIVES or low.endswith(("'s", "’s")):
        return True
    if verb_form(low):
        return low not in NOUN_ING
    return low.endswith(ADJ_ENDINGS) and len(low) > 4


def _is_plural(raw: str) -> bool:
    low = raw.lower()
    return low in PLURAL_NOUNS or lemma(low) != low


def _is_nominal(raw: str) -> bool:
    """Whether a modifier with no noun after it is the counted noun itself."""
    low = raw.lower()
    if low in NOMINAL:
        return True
    return not (low in ADJ_ONLY or low.endswith(("'s", "’s")) or verb_form(low))
