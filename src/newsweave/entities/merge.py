"""One entity per person, organisation or place across all articles of a digest.

The typed mentions of `newsweave.entities.mentions` are merged in this order:

1. the same name up to accents, case and punctuation ("Velmóra", "VELMORA", "Velmora");
2. places the gazetteer knows as one ("Kiev" and "Kyiv", "Moscou" and "Moscow");
3. people whose names can be one person (`newsweave.quote_groups.same_person`: surnames
   alike up to transliteration, first names not clashing: "Vladimir Poutine" and
   "Vladimir Putin", "Zelensky" and "Volodymyr Zelenskyy"); a lone surname joins a full
   name only when exactly one person of the story fits it;
4. an acronym and the name whose initials it spells ("ORS" and "Orvenian Rescue Service",
   "EU" and "European Union", "U.S." and "United States");
5. organisation names equal but for a trailing "Company", "Inc." and the like, each word
   of one a prefix of the other's ("Arvel Hydro", "Arvel Hydroelectric Company");
6. names of places and organisations equal but for their articles and "of" written
   "de"/"du"/"des" ("Fort of Brégançon" and "Fort de Brégançon", "Le Journal du Dimanche"
   and "Journal du Dimanche"; not "Department for Education" and "Department of
   Education");
7. a lone word that starts exactly one longer name of its type ("Halmir" and "Halmir
   Dam", but not "Velmóra" and "Velmóra General Hospital");
8. demonyms ("Orvenian", "Ukrainian") become aliases of the place they are made from.

An entity's `name` is the fullest form its articles write (the most words, then the most
mentions, then written accents: "Velmóra" over "Velmora"), so no name is made up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from newsweave.entities.gazetteer import fold, place_name
from newsweave.entities.mentions import ORGANISATION, PERSON, PLACE, Mentions, NameMention
from newsweave.grouping import linked_groups
from newsweave.model import Article, Entity, TextSpan, content_id
from newsweave.quote_groups import same_person

_MINOR = frozenset(["of", "the", "and", "for", "on", "de", "du", "la", "le", "des", "in", "at"])
_COMPANY = frozenset(["Company", "Co.", "Co", "Corporation", "Corp.", "Corp", "Inc.", "Inc"])
_COMPANY |= {"Ltd.", "Ltd", "Group", "plc"}
_TYPE_ORDER = {PERSON: 0, ORGANISATION: 1, PLACE: 2}
# words of a name that another language or style writes otherwise or leaves out
_ARTICLES = frozenset(["the", "le", "la", "les", "l"])
_OF = {"de": "of", "du": "of", "des": "of", "d": "of"}


@dataclass
class _Name:
    """One distinct (type, name) of the story, with its mentions in each article."""

    type: str
    name: str
    mentions: dict[str, list[NameMention]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(found) for found in self.mentions.values())


def merge_entities(articles: Sequence[Article], found: Sequence[Mentions]) -> list[Entity]:
    """The entities of a story, most widely reported first."""
    names: dict[tuple[str, str], _Name] = {}
    for mentions in found:
        for mention in mentions.names:
            entry = names.setdefault(
                (mention.type, mention.name), _Name(mention.type, mention.name)
            )
            entry.mentions.setdefault(mentions.article_id, []).append(mention)
    _type_untyped(names, found)
    distinct = list(names.values())
    labels = _components(distinct)
    groups: dict[int, list[_Name]] = {}
    for entry, label in zip(distinct, labels, strict=True):
        groups.setdefault(int(label), []).append(entry)
    by_id = {article.id: article for article in articles}
    entities = [_entity(group, found, by_id) for group in groups.values()]
    entities.sort(key=lambda e: (-len(e.mentions), -sum(e.mentions.values()), e.name))
    return entities


def _type_untyped(names: dict[tuple[str, str], _Name], found: Sequence[Mentions]) -> None:
    """Untyped names join the typed entry of the same name (all its entries of one type),
    or the one longer name they start or, for people, end ("Halmir" -> "Halmir Dam",
    "Macron" -> "Emmanuel Macron"), or become places when the story uses their demonym
    ("Belsaria", "Belsarian")."""
    by_fold: dict[str, list[_Name]] = {}
    for entry in names.values():
        by_fold.setdefault(fold(entry.name), []).append(entry)
    demonyms = {fold(d) for mentions in found for d in mentions.demonyms}
    for mentions in found:
        for mention in mentions.untyped:
            key = fold(mention.name)
            typed = by_fold.get(key, [])
            if not typed and " " not in key:  # "Halmir" of "the Halmir barrage", "Macron"
                longer = {
                    folded: entries[0]
                    for folded, entries in by_fold.items()
                    if folded.startswith(key + " ")
                    or (entries[0].type == PERSON and folded.endswith(" " + key))
                }
                typed = list(longer.values()) if len(longer) == 1 else []
            if not typed and any(_demonym_of(d, key) for d in demonyms):
                entry = _Name(PLACE, mention.name)
                names[(PLACE, mention.name)] = entry
                by_fold[key] = typed = [entry]
            if len({entry.type for entry in typed}) == 1:
                target = max(typed, key=lambda e: e.count)
                target.mentions.setdefault(mentions.article_id, []).append(
                    NameMention(mention.start, mention.end, mention.text, target.name, target.type)
                )


def _demonym_of(demonym: str, place: str) -> bool:
    """Whether folded `demonym` is made from folded `place` ("orvenian", "orvenia")."""
    stem = place.rstrip("aeiouy") if len(place) > 4 else place
    return demonym.startswith(stem) and 0 < len(demonym) - len(place) <= 4


def _components(distinct: Sequence[_Name]) -> list[int]:
    blocks: dict[str, list[int]] = {}
    for index, entry in enumerate(distinct):
        for key in _block_keys(entry):
            blocks.setdefault(key, []).append(index)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():  # only names that share a key can be one entity
        for n, i in enumerate(members):
            pairs.update((i, j) for j in members[n + 1 :] if _same(distinct[i], distinct[j]))
    pairs.update(_lone_words(distinct))
    labels = [0] * len(distinct)
    for label, group in enumerate(linked_groups(len(distinct), sorted(pairs))):
        for index in group:
            labels[index] = label
    return labels


def _block_keys(entry: _Name) -> list[str]:
    """Keys that any name `_same` can merge with `entry` shares with it: the folded name,
    a person's first initial, the gazetteer's place, the initials an acronym spells, an
    organisation's first word."""
    name = entry.name
    keys = ["=" + fold(name)]
    words = [w for w in name.split() if w not in _MINOR]
    if entry.type == PERSON:
        if len(words) > 1:
            keys.append("p:" + fold(words[0])[:1])
        return keys
    place = place_name(name) if entry.type == PLACE else None
    if place is not None:
        keys.append("g:" + place)
    if len(words) > 1:
        keys.append("m:" + _without_minor_words(name))
    letters = name.replace(".", "")
    if letters.isalpha() and letters.isupper():
        keys.append("a:" + letters)
    elif len(words) > 1:
        keys.append("a:" + "".join(w[0] for w in words).upper())
        keys.append("c:" + fold(words[0]))
    return keys


def _same(first: _Name, second: _Name) -> bool:
    if fold(first.name) == fold(second.name):
        return True
    if first.type == PERSON and second.type == PERSON:
        both_full = " " in first.name and " " in second.name
        return both_full and same_person(first.name, second.name)
    if first.type == PLACE and second.type == PLACE:
        place = place_name(first.name)
        if place is not None and place == place_name(second.name):
            return True
    if PERSON in (first.type, second.type):
        return False
    both_long = " " in first.name and " " in second.name
    if both_long and _without_minor_words(first.name) == _without_minor_words(second.name):
        return True  # "Fort of Brégançon", "Fort de Brégançon"; "(Le) Journal du Dimanche"
    return (
        _acronym_of(first.name, second.name)
        or _acronym_of(second.name, first.name)
        or (first.type == second.type == ORGANISATION and _company_alike(first.name, second.name))
    )


def _lone_words(distinct: Sequence[_Name]) -> list[tuple[int, int]]:
    """A lone surname or word joined to the one longer name it can stand for."""
    pairs: list[tuple[int, int]] = []
    # the longer names of each type by their first word, in order: what a lone word that
    # is no person's name can stand for
    by_first_word: dict[tuple[str, str], list[int]] = {}
    for j, full in enumerate(distinct):
        if " " in full.name:
            by_first_word.setdefault((full.type, fold(full.name.split()[0])), []).append(j)
    for i, lone in enumerate(distinct):
        if " " in lone.name:
            continue
        if lone.type == PERSON:
            fits = [
                j
                for j, full in enumerate(distinct)
                if full.type == PERSON and " " in full.name and same_person(lone.name, full.name)
            ]
        else:
            fits = [
                j
                for j in by_first_word.get((lone.type, fold(lone.name)), ())
                if not _acronym_of(lone.name, distinct[j].name)
            ]
        people = {fold(distinct[j].name) for j in fits}
        if len(people) == 1:
            pairs.extend((i, j) for j in fits)
    return pairs


@lru_cache(maxsize=1 << 16)
def _without_minor_words(name: str) -> str:
    """The folded name without its articles and with "of" for "de", "du", "des": "Fort of
    Brégançon" and "Fort de Brégançon" are one name, as are "Le Journal du Dimanche" and
    "Journal du Dimanche"; "Department for Education" is not "Department of Education"."""
    words = [_OF.get(w, w) for w in fold(name).split() if w not in _ARTICLES]
    return " ".join(words)


def _acronym_of(short: str, long: str) -> bool:
    letters = short.replace(".", "")
    if not (1 < len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    words = [w for w in long.split() if w not in _MINOR]
    return len(words) > 1 and "".join(w[0] for w in words).upper() == letters


def _company_alike(first: str, second: str) -> bool:
    a = [w for w in first.split() if w not in _COMPANY]
    b = [w for w in second.split() if w not in _COMPANY]
    if len(a) != len(b) or len(a) < 2 or a == first.split() == second.split():
        return False
    return all(
        x.startswith(y) or y.startswith(x)
        for x, y in zip(a, b, strict=True)
        if min(len(x), len(y)) >= 4
    ) and all(x == y for x, y in zip(a, b, strict=True) if min(len(x), len(y)) < 4)


def _entity(group: list[_Name], found: Sequence[Mentions], by_id: dict[str, Article]) -> Entity:
    kinds = Counter[str]()
    per_article: dict[str, list[NameMention]] = {}
    for entry in group:
        kinds[entry.type] += entry.count
        for article_id, mentions in entry.mentions.items():
            per_article.setdefault(article_id, []).extend(mentions)
    kind = min(kinds, key=lambda k: (-kinds[k], _TYPE_ORDER[k]))
    name = _best_name(group, kind)
    written = Counter(m.text for mentions in per_article.values() for m in mentions)
    if kind == PLACE:
        _add_demonyms(name, found, per_article, written)
    order = [a.id for a in by_id.values() if a.id in per_article]
    roles = list(
        dict.fromkeys(m.role for a in order for m in sorted(per_article[a], key=_start) if m.role)
    )
    spans = [_span(by_id[a], min(per_article[a], key=_start)) for a in order]
    aliases = sorted((w for w in written if w != name), key=lambda w: (-written[w], w))
    return Entity(
        id=content_id("entity", kind, name),
        name=name,
        type=kind,
        aliases=aliases,
        roles=_distinct_roles(roles),
        mentions={a: len(per_article[a]) for a in order},
        spans=spans,
    )


def _best_name(group: list[_Name], kind: str) -> str:
    candidates = [entry for entry in group if entry.type == kind] or group
    best = max(candidates, key=lambda e: (len(e.name.split()), e.count, _accents(e.name)))
    return best.name


def _accents(name: str) -> int:
    return sum(not c.isascii() for c in name)


def _add_demonyms(
    place: str,
    found: Sequence[Mentions],
    per_article: dict[str, list[NameMention]],
    written: Counter[str],
) -> None:
    for mentions in found:
        for demonym, positions in mentions.demonyms.items():
            if _demonym_of(fold(demonym), fold(place)):
                written[demonym] += len(positions)
                per_article.setdefault(mentions.article_id, []).extend(
                    NameMention(start, end, demonym, place, PLACE) for start, end in positions
                )


def _distinct_roles(roles: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for role in roles:
        seen.setdefault(" ".join(role.lower().split()), role)
    return list(seen.values())


def _start(mention: NameMention) -> int:
    return mention.start


def _span(article: Article, mention: NameMention) -> TextSpan:
    sentence = article.sentence_at(mention.start)
    return TextSpan(article.id, sentence.id, mention.start, mention.end, mention.text)
