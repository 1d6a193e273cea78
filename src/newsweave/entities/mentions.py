"""The names one article mentions, each typed as a person, an organisation or a place, with
the roles the article gives people and the role phrases that stand for them.

Names come from `newsweave.speaker_references.References` (runs of capitalised words, titles
removed, people told by titles, roles and full names; the same finder that names speakers,
so a speaker and an entity are spelled alike). Each run is typed here, first rule that
applies wins:

1. a person by `References` (title, "spokesman X", two plain words, or such a person's
   surname) is a person, unless the recogniser of `newsweave.entities.ner` (when
   installed) calls it a place or an organisation and it has no title;
2. a name whose last word is a place word ("Quay Street", "Arvel River", "Halmir Dam") is a
   place; one with an organisation word ("Rescue Service", "Interior Ministry") or an
   acronym ("ORS", "NATO") is an organisation;
3. a name of the gazetteer (`newsweave.entities.gazetteer`) is a place whatever the
   recogniser says ("Kyiv" is no person), unless it is a longer name the recogniser
   calls an organisation;
4. a name written after "in", "near", "from", "to", "town of"... in half of its mentions
   is a place; else the recogniser's label, if any, decides;
5. anything else is kept untyped, and joins an entity of the same name that another
   article types; if none does, it is dropped: a capitalised word that opens a sentence
   ("Nine", "Rain") or a demonym ("Orvenian") is no entity. Demonyms are kept aside
   (`Mentions.demonyms`) and become aliases of their place ("Orvenian" of "Orvenia").

Roles: the title before a name ("Interior Minister"), a role before it ("Kremlin
spokesman", "ORS chief"), and an appositive after it (", the head of the ORS", ", a Russia
expert at the European Council on Foreign Relations"). Role phrases that stand for a
person ("the interior minister", "the French president") are resolved by
`References.role` and counted as mentions of that person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from newsweave.entities.gazetteer import place_name
from newsweave.model import Article
from newsweave.speaker_references import (
    HONORIFICS,
    ORG_WORDS,
    PERSON_ROLES,
    ROLE_PHRASE,
    STOP_CAPS,
    Mention,
    References,
    words,
)

PERSON, ORGANISATION, PLACE = "person", "organisation", "place"


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


PLACE_WORDS = _set(
    """Street Road Avenue Lane Square Bridge River Dam Lake Mountain Mountains Hill Valley
    Sea Ocean Island Islands Coast Bay Port Airport Station Park Plaza Fort Gulf Peninsula
    Province Region County District Oblast Strait Canal Desert Forest Quay Palace Castle
    Cathedral"""
)
ORG_ONLY_WORDS = ORG_WORDS - PLACE_WORDS - _set("War Front Prize Cup Games")
_PLACE_CUE = re.compile(
    r"(?:\b(?:in|near|from|to|into|across|outside|around|at|towards?|via)\s+(?:the\s+)?"
    r"|\b(?:town|city|village|region|capital|province) of\s+)$",
    re.IGNORECASE,
)
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ican")
_ROLE_MODIFIERS = _set(
    "former deputy senior top chief foreign interior prime vice national security"
)
_NATIONALITIES = _set(
    """French Dutch Greek Swiss Thai Czech Iraqi Israeli Pakistani Saudi Yemeni Kuwaiti Qatari
    German British Irish Welsh Scottish Polish Danish Finnish Swedish Turkish Spanish English"""
)
_APPOSITIVE_ROLE = re.compile(
    r",\s+((?:the|a|an)\s+[^,.;:()\n\"“”]{3,90}?)(?=[,.;:()\n]|\s+(?:said|says|told)\b)"
)
# a roman numeral ("World War II", "at VI on the Mercalli scale"), not "ICC" or "CIVIC"
_ROMAN = re.compile(r"(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# first words of a name that "the" may open, as it opens no bare personal name
_THE_TITLES = _set("Dalai Aga Rev Reverend Ayatollah Grand Prophet Venerable Blessed Holy")
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\"“”\n]")
_NAME_NEXT = re.compile(r",?\s+[A-Z]")


@dataclass(frozen=True)
class NameMention:
    """One mention: `article.text[start:end] == text`; `name` is the article's fullest form
    of it (a surname gives the full name), `type` one of person/organisation/place."""

    start: int
    end: int
    text: str
    name: str
    type: str
    role: str | None = None


@dataclass
class Mentions:
    """The typed mentions of one article, its demonyms ("Orvenian": positions), and the
    names it gives no type to (they join an entity of the same name typed elsewhere)."""

    article_id: str
    names: list[NameMention] = field(default_factory=list)
    demonyms: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    untyped: list[NameMention] = field(default_factory=list)  # typed if named elsewhere


Labeler = Callable[[str], list[tuple[int, int, str]]]  # text -> (start, end, type)


def find_mentions(article: Article, labeler: Labeler | None = None) -> Mentions:
    """The people, organisations and places `article` names, in text order."""
    text = article.text
    references = References(text, [(s.start, s.end) for s in article.sentences])
    labels = labeler(text) if labeler is not None else []
    found = Mentions(article.id)
    raw = _joined(text, references.mentions)
    cued: dict[str, list[bool]] = {}
    opens: dict[str, list[bool]] = {}
    full_names: dict[str, set[str]] = {}
    for mention in raw:
        if mention.person and " " in mention.name:
            full_names.setdefault(mention.key, set()).add(mention.name)
        cued.setdefault(mention.name, []).append(_cued(text, mention.start))
        opens.setdefault(mention.name, []).append(_opens_sentence(text, mention.start))
    for mention in raw:
        name = mention.name
        if mention.person and " " not in name and len(full_names.get(name, ())) == 1:
            name = references.full_name(name)  # "Dravec" -> "Anselm Dravec"; never a guess
        label = _label(labels, mention.start, mention.end)
        # English writes no article before a person's bare name: what the name finder took
        # for one in "the Nord Stream 2 gas pipeline" is a thing of no type known here
        thing = (
            mention.person
            and not mention.title
            and mention.name.split()[0] not in _THE_TITLES  # "the Dalai Lama", "the Rev X"
            and text[max(0, mention.start - 4) : mention.start].lower() == "the "
        )
        kind = _type(
            mention.name, mention.person and not thing, bool(mention.title), label,
            () if thing else cued[mention.name],
        )  # fmt: skip
        end = mention.end - 2 if mention.possessive else mention.end  # not the "'s"
        if kind is None:
            if _is_demonym(mention.name) and " " not in mention.name:
                found.demonyms.setdefault(mention.name, []).append((mention.start, end))
            else:
                written = text[mention.start : end]
                found.untyped.append(NameMention(mention.start, end, written, name, ""))
            continue
        lone = kind != PERSON and label is None and " " not in name
        if lone and all(opens[mention.name]) and not name.isupper() and not place_name(name):
            continue  # "Nine", "Rain": a capital that only opens sentences
        role = _role(text, mention.start, mention.end) if kind == PERSON else None
        found.names.append(
            NameMention(mention.start, end, text[mention.start : end], name, kind, role)
        )
    found.names.extend(_role_references(text, references))
    found.names.sort(key=lambda m: m.start)
    return found


def _joined(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, with an organisation name and the name after its "on" or "for" made
    one ("European Council" + "on" + "Foreign Relations"), which the name finder keeps
    apart because "on" and "for" usually end a name."""
    joined: list[Mention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if (
            last is not None
            and not last.person
            and not mention.person
            and last.name.split()[-1] in ORG_WORDS
            and text[last.end : mention.start] in (" on ", " for ")
        ):
            name = text[last.start : mention.end]
            joined[-1] = replace(last, end=mention.end, name=name, possessive=mention.possessive)
        else:
            joined.append(mention)
    return joined


def _type(
    name: str, person: bool, titled: bool, label: str | None, cues: Sequence[bool]
) -> str | None:
    tokens = name.split()
    if len(name) < 2 or name.endswith("-based") or _is_demonym(tokens[-1]):
        return None  # "U" of "U.S.", "Paris-based", "Additional Russian", "Americans"
    if len(tokens) == 1 and _ROMAN.fullmatch(name):
        return None  # "at VI on the Mercalli scale" ("LIV Golf", "ICC" stay acronyms)
    if person and (titled or label in (None, PERSON)):
        return PERSON
    last = tokens[-1]
    if len(tokens) == 1 and (last in PLACE_WORDS or last in ORG_WORDS):
        return None  # "the Cathedral", "the Dam", "told the Courier": a kind, not a name
    organisation = any(t in ORG_ONLY_WORDS for t in tokens)
    place_of = len(tokens) > 2 and tokens[1] == "of" and tokens[0] in PLACE_WORDS
    if last in PLACE_WORDS or (place_of and not organisation):
        return PLACE  # "Halmir Dam", "Palace of Versailles" (not "Port of London Authority")
    # a roman numeral after another word is no acronym ("World War II", not "LIV Golf")
    acronym = any(
        t.isupper() and len(t) > 1 and not (k and _ROMAN.fullmatch(t)) for k, t in enumerate(tokens)
    )
    if acronym or organisation:
        return PLACE if label == PLACE or place_name(name) else ORGANISATION
    if place_name(name) is not None and (label != ORGANISATION or len(tokens) == 1):
        return PLACE  # spaCy's small model calls "Kyiv" and "Elysée" people
    if cues and sum(cues) * 2 >= len(cues):
        return PLACE  # "in Velmóra", "the town of Velmora"
    if label in (PLACE, ORGANISATION):
        return label
    if person or label == PERSON:
        return PERSON
    return None


def _label(labels: Sequence[tuple[int, int, str]], start: int, end: int) -> str | None:
    for label_start, label_end, kind in labels:
        if label_start < end and start < label_end:
            return kind
    return None


def _cued(text: str, start: int) -> bool:
    cue = _PLACE_CUE.search(text, max(0, start - 24), start)
    return cue is not None and not text[max(0, cue.start() - 10) : cue.start()].endswith(
        "according "
    )


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?:\n"


def _is_demonym(name: str) -> bool:
    """ "Orvenian", "Ukrainians", "French": a word made from a place or people's name."""
    if name in _NATIONALITIES:
        return True
    word = name.removesuffix("s")
    return name[:1].isupper() and name.isalpha() and word.endswith(_DEMONYM_ENDINGS)


def _role(text: str, start: int, end: int) -> str | None:
    """The role the article gives the person named at text[start:end], if it gives one:
    the role word right before the name with up to three capitalised or modifier words
    before it ("Kremlin spokesman", "German Chancellor", "ORS chief"), else an appositive
    after it (", the head of the ORS")."""
    window = text[max(0, start - 60) : start]
    clause = _CLAUSE_BREAK.split(window)[-1]  # "with President Biden, German Chancellor"
    before = words(clause)
    if before and before[-1].lower() in PERSON_ROLES and before[-1] not in HONORIFICS:
        position = clause.rfind(before[-1])
        role_end = position + len(before[-1])
        for word in reversed(before[-4:-1]):
            at = clause.rfind(word, 0, position)
            capital = word[0].isupper() and word not in STOP_CAPS | HONORIFICS.keys()
            # "Putin’s Kremlin spokesman", "Paris' mayor": the possessor is no part of it
            capital = (
                capital and not word.endswith(("’s", "'s")) and clause[at + len(word)] not in "’'"
            )
            if at < 0 or not (capital or word in _ROLE_MODIFIERS):
                break
            position = at
        return clause[position:role_end]  # the role as written
    after = _APPOSITIVE_ROLE.match(text, end + (2 if text[end : end + 2] in ("’s", "'s") else 0))
    if after is not None and any(w.lower() in PERSON_ROLES for w in words(after.group(1))):
        return after.group(1)
    return None


def _role_references(text: str, references: References) -> list[NameMention]:
    """Role phrases ("the interior minister") that the article uses for a named person."""
    found: list[NameMention] = []
    for match in ROLE_PHRASE.finditer(text):
        if _NAME_NEXT.match(text, match.end()):  # "the minister Hana Veldt": the name counts
            continue
        person = references.role(match.group(), match.start())
        if person is not None and " " in person:
            found.append(
                NameMention(match.start(), match.end(), match.group(), person, PERSON, None)
            )
    return found
