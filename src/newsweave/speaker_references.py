"""Who a speaker description refers to: the names one article mentions, and the person or
organisation that a surname, a role or a pronoun means. `newsweave.speakers` reads the
attribution and asks `References` for these.

Like `newsweave.speakers`, everything here works on the *masked* article text, in which
every quotation is replaced by `MASK` characters (defined here, the lower of the two
modules), so a name inside a quote is never a mention.

**Names** (`References.mentions`): the runs of capitalised words outside quotes, without
the capitalised words that are no names (`STOP_CAPS`: "The", "Monday", "Officials"...) and
without titles ("Interior Minister Hana Veldt" gives "Hana Veldt"); "Jan" opens a name
only before one that is no place (the only use of the gazetteer here: "Jan Egeland", not
"since Jan Russia"). People are told from places and organisations without a gazetteer:
a name is a person when it has a title or
honorific (President, Mayor, Mr.), follows a person role ("spokesman Dmitry Peskov"), has
two or more words none of them in `ORG_WORDS` and not starting with a `NON_PERSON_FIRST`
word, or is the surname of such a person. A surname or "Mr. X" stands for the longest form
of that person's name in the article (`full_name`: "Mr. Dravec" -> "Anselm Dravec").

**Roles and pronouns**: a role ("the minister", "the French leader", "the head of state",
"the agency") is matched against the names mentioned before it by the words written around
each name (its title, the four words before it, an appositive after it): each role word
found scores 1, the role's head noun 2 (a prefix of five letters is enough: ministry ~
Minister; leader also matches president, minister, chancellor; head of state matches
president); the single best name wins, a tie gives None. A person role only matches people,
any other role only organisations. "he"/"she" look back sentence by sentence (up to five):
the first sentence that refers to someone decides, through an attributed quote if it has
one (its speaker), else through its first named person or role (the subject, usually).

Limits: a role that fits two people equally, or a pronoun whose nearest referent is such a
role, gives None; gender is known only from Mr./Ms.; organisations are not resolved from
"it"/"they"; word lists are English.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

MASK = "\x01"  # replaces every quotation, marks included, in the masked text


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


HONORIFICS = {"Mr.": "m", "Mr": "m", "Messrs.": "m", "Mrs.": "f", "Mrs": "f", "Ms.": "f"}
HONORIFICS |= {"Ms": "f", "Mme.": "f", "Miss": "f", "Dr.": "", "Dr": "", "Prof.": ""}
TITLES = frozenset(HONORIFICS) | _set(
    """President Prime Minister Chancellor Mayor Father Sister Pope King Queen Prince Princess
    Sir Dame Lord Lady Judge Justice Senator Governor Secretary General Colonel Captain
    Commander Ambassador Deputy Vice Chief Premier Sheikh Emir Archbishop Bishop Cardinal
    Rabbi Imam Professor Gen. Sen. Rep. Gov. Rev. Lt. Col. Capt. Sgt. Spokesman Chairman
    Chairwoman Director Commissioner Inspector Sergeant Officer President-elect"""
)
STOP_CAPS = _set(
    """The A An In On At For But And Or If When While After Before Since As According Later
    Last This That These Those It He She They We I His Her Their Our Its Some Many Two Three
    One Four Five Here There What Why How Who Where Still Yet So Then Until During Citing
    Shortly Nothing Neither Downstream Upstream Around Ahead Earlier Meanwhile However Also
    Both Each Every All Most No Not Nor Once Over Under From With Without Into Across Among
    Like Unlike Despite Although Though Because Whether Even Only Just Now Today Yesterday
    Tonight Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
    February March April May June July August September October November December Mon Tue
    Wed Thu Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec To Of By Do Does Did
    Is Are Was Were Has Have Had Will Would Can Could Should May Might Must Let Please
    Instead Indeed Perhaps Maybe Asked Speaking Comment Read More See Share Sign Follow
    Hundred Thousand Million Billion Trillion"""
) | _set(  # plural subjects that start sentences: "Residents said", "Officials say"
    """Residents Officials Witnesses Engineers Experts Analysts Diplomats Critics Authorities
    Police Rescuers Survivors Villagers Locals Sources Investigators Prosecutors Doctors
    Activists Protesters Workers Observers Voters Scientists Researchers Neighbours Neighbors
    Families Relatives Parents Students Teachers Farmers Citizens People Others Many"""
)
ORG_WORDS = _set(
    """Street Road Avenue Lane Square Bridge River Dam Lake Mountain Mountains Hill Valley Sea
    Ocean Fort Palace House Hall Church Cathedral Hospital School College University Institute
    Foundation Centre Center Council Board Ministry Department Office Service Services Agency
    Company Corporation Corp Inc Ltd Group Bank Fund Party Union Commission Committee Court
    Parliament Assembly Senate Congress Government Administration Army Navy Police Forces
    Federation Association Organization Organisation Treaty Republic Kingdom States Nations
    Times Post Journal News Press Radio Television Herald Courier Messenger Gazette Tribune
    Wire Airport Station Port Hydro Hydroelectric War Front Alliance Coalition Club League
    Network Authority Institution Stadium Park Plaza Tower Building Museum Library Prize
    Cup Games Festival Summit Conference Affairs Relations Research Studies Security Health
    Energy Oil Gas Railway Railways Airlines Motors Media Photo Island Islands Coast Bay"""
)
NON_PERSON_FIRST = _set(
    """French German Russian American British English European Ukrainian Chinese Japanese
    Italian Spanish Polish Baltic Soviet Western Eastern Northern Southern North South East
    West Central Upper Lower Greater New Old Great Holy Royal National International Federal
    State Global World Arab Asian African Latin Nordic Islamic"""
)
CONNECTORS = _set("of de du la le van von der den al bin da di dos del")
PERSON_ROLES = _set(
    """minister president premier chancellor spokesman spokeswoman spokesperson mayor leader
    head chief director governor secretary ambassador envoy king queen prince princess pope
    general commander prosecutor judge chairman chairwoman chair founder senator official
    adviser advisor aide analyst expert teacher priest doctor lawyer owner manager officer
    diplomat captain counterpart frenchman monarch emir sheikh boss executive"""
)
_ROLE_STOP = _set("the a an of his her its their our this that for in at on to and s state")
_ROLE_WEAK = _set("head chief top senior former new local own")
_SYNONYMS = {
    "leader": ("president", "minister", "chancellor", "premier", "leader"),
    "spokesperson": ("spokesman", "spokeswoman", "spokesperson"),
}
_HEAD_OF_STATE = ("president", "king", "queen", "monarch")
ROLE_LOOKBACK = 150  # a role is matched against the last 150 names before it

_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Rev|Lt|Col|Sgt|Capt|Messrs|Mme|St)\."
    r"|[A-Z]\.(?= [A-Z])"  # an initial: "P. J. Crowley"
    r"|[^\W\d_][\w’'-]*(?<![’'-])"
)
# Initials open a name only before a capitalised word that can be one ("P. J. Crowley",
# not "Plan B. The minister")
_INITIAL_BEFORE_NAME = r"(?:[A-Z]\. (?=[A-Z])(?!(?:The|A|An|He|She|It|They|We|In|On|At|But|And)\b))"
_INITIALS = _INITIAL_BEFORE_NAME + "{0,3}"
_CAP = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Rev|Lt|Col|Sgt|Capt|Messrs|Mme|St)\."
    r"|[^\W\d_a-z][\w’'-]*(?<![’'-]))"
)
# A middle initial ("George W. Bush"), on the same terms; the words around it have the
# last word on it (`_middle_initial`: "Plan B. Brussels", "World War I. Officials" are two
# names each)
_MIDDLE_INITIAL = _INITIAL_BEFORE_NAME + "?"
_INITIAL = re.compile(r"[A-Z]\.")
# Capitalised words that name a kind of thing before a letter, not a person's first name
_LETTERED_KINDS = _set(
    """Plan Option Group Area Camp Category Class Type Grade Level Stage Phase Zone Sector
    Block Wing Unit Section Article Annex Appendix Exhibit Form Schedule Route Gate Terminal
    Pier Platform Vitamin Hepatitis Model Series Division Team Pool Box Line Highway Runway"""
)
# A run of capitalised words joined by single spaces and name connectors; "’s" ends it.
_RUN = re.compile(
    rf"(?<![\w’'.-]){_INITIALS}{_CAP}(?:(?<![’']s) (?:(?:of the|of|de|du|la|le|van|von|der|"
    rf"den|al|bin|da|di|dos|del) )?{_MIDDLE_INITIAL}{_CAP})*"
)
_RELATION_BEFORE = re.compile(r"\b(?:to|for|with)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$")
_AFTER_OF = re.compile(r"\bof (?:the )?$")
# Last words of place names, which a person's name never ends with ("Virgin Islands")
_PLACE_ENDS = _set(
    """Islands Island Republic Kingdom States Emirates Coast Territory Territories Province
    Region County City Valley Sea Ocean River Mountains Peninsula Strait Gulf Bay"""
)
_WORD_BEFORE = re.compile(r"([\w’'-]+)[^\w’'-]*$")
_APPOSITIVE = re.compile(r", (?:the|a|an|\d+)\b[^,.;:()" + MASK + r"]{0,80}")
ROLE_PHRASE = re.compile(
    r"\b[Tt]he\s+(?:[\w’'-]+\s+){0,2}?(?:" + "|".join(sorted(PERSON_ROLES)) + r")\b"
    r"(?:\s+of\s+(?:the\s+)?[\w’'-]+)?"
)


def words(text: str) -> list[str]:
    """The words of `text` in order, abbreviated titles ("Mr.", "Gen.") with their dot."""
    return _TOKEN.findall(text)


# Stop words that are also first names: "Jan Egeland" (but "Jan 5", "in Jan.", "since
# Jan Russia has...")
_FIRST_NAME_STOPS = frozenset({"Jan"})
_TIME_BEFORE = _set("in since by until till from early late mid last next of on before after")


def _no_name(word: str, following: str | None, before: str = "") -> bool:
    """Whether `word`, between the words `before` and `following`, is a capitalised word
    that is no name: a `STOP_CAPS` word, unless a first name that one (a month
    abbreviation, "Jan") can be, before a capitalised word that is a name and is no place,
    and not after a word that dates ("since Jan")."""
    if word not in STOP_CAPS:
        return False
    if word not in _FIRST_NAME_STOPS or following is None or before.lower() in _TIME_BEFORE:
        return True
    if not following[:1].isupper() or following in STOP_CAPS:
        return True
    from newsweave.entities.gazetteer import place_name  # (imports this module)

    return place_name(following) is not None


def _word_before(text: str, at: int, reach: int = 30) -> str:
    found = _WORD_BEFORE.search(text, max(0, at - reach), at)
    return found.group(1) if found else ""


def _middle_initial(before: list[re.Match[str]], after: list[re.Match[str]]) -> bool:
    """Whether the initial between the words `before` and `after` of a run of capitalised
    words is a middle initial: one first name before it, a surname after it."""
    words_before = [t.group() for t in before]
    last_title = max((k for k, word in enumerate(words_before) if word in TITLES), default=-1)
    names = words_before[last_title + 1 :]  # "District Judge Alvin": "Alvin"
    if len(names) != 1 or not after:
        return False
    first, last = names[0], after[0].group()
    if first in STOP_CAPS or first in ORG_WORDS or first in _LETTERED_KINDS:
        return False
    return last not in STOP_CAPS


def name_run_start(text: str, start: int, end: int) -> int | None:
    """Where the run of capitalised words that ends text[start:end] starts, if it ends so."""
    tokens = list(_TOKEN.finditer(text, start, end))
    if not tokens or text[tokens[-1].end() : end].strip():
        return None
    first: int | None = None
    for k in range(len(tokens) - 1, -1, -1):
        word = tokens[k].group()
        following = tokens[k + 1].group() if k + 1 < len(tokens) else None
        if word in _FIRST_NAME_STOPS:  # only such a word needs the word before it
            before = tokens[k - 1].group() if k else _word_before(text, tokens[k].start())
        else:
            before = ""
        if word[0].isupper() and not _no_name(word, following, before):
            first = tokens[k].start()
        elif not (word in CONNECTORS and first is not None):
            break
    return first


@dataclass
class Mention:
    """A capitalised name outside quotes ("Hana Veldt" of "Interior Minister Hana Veldt")."""

    start: int
    end: int
    name: str
    person: bool
    possessive: bool
    gender: str  # "m" or "f" from an honorific, else ""
    title: tuple[str, ...]
    context: set[str] | None = None  # see References.context

    @property
    def key(self) -> str:
        """A person by surname, anything else by its whole name."""
        return self.name[self.name.rfind(" ") + 1 :] if self.person else self.name


class References:
    """The names of one article and what its surnames, roles and pronouns refer to."""

    def __init__(self, masked: str, sentences: list[tuple[int, int]]) -> None:
        self.masked = masked
        self.sentences = sentences
        self.starts = [s for s, _ in sentences]
        self._mentions: list[Mention] | None = None
        self._mention_starts: list[int] = []
        self._full: dict[str, str] = {}

    @property
    def mentions(self) -> list[Mention]:
        """The names in the article, in text order (found on first use)."""
        if self._mentions is None:
            self._mentions = self._find_mentions()
            self._mention_starts = [m.start for m in self._mentions]
            for mention in self._mentions:
                known = self._full.get(mention.key, "")
                if mention.person and len(mention.name) > len(known):
                    self._full[mention.key] = mention.name
        return self._mentions

    def _find_mentions(self) -> list[Mention]:
        found: list[Mention] = []
        for run in _RUN.finditer(self.masked):
            piece: list[re.Match[str]] = []
            tokens = list(_TOKEN.finditer(self.masked, run.start(), run.end()))
            for k, tok in enumerate(tokens):
                word = tok.group()
                middle = piece and _INITIAL.fullmatch(word)
                if middle and not _middle_initial(piece, tokens[k + 1 :]):
                    # "Plan B. Brussels": the letter ends a name, and its stop a sentence
                    found.extend(self._mention([*piece, tok]))
                    piece = []
                elif word[0].islower() and (
                    word not in CONNECTORS or (word == "of" and piece[-1].group() not in ORG_WORDS)
                ):  # "Emmanuel Macron of France" is two names; "Palace of Versailles" one
                    found.extend(self._mention(piece))
                    piece = []
                else:
                    piece.append(tok)
            found.extend(self._mention(piece))
        surnames = {m.key for m in found if m.person and " " in m.name}
        for mention in found:
            if " " not in mention.name and mention.name in surnames:
                mention.person = True
        return found

    def _mention(self, run: list[re.Match[str]]) -> list[Mention]:
        toks = [t.group() for t in run]
        first_name_stop = bool(toks) and toks[0] in _FIRST_NAME_STOPS
        before = _word_before(self.masked, run[0].start()) if first_name_stop else ""
        while toks and (
            _no_name(toks[0], toks[1] if len(toks) > 1 else None, before) or toks[0] in CONNECTORS
        ):
            before, toks, run = toks[0], toks[1:], run[1:]
        while toks and toks[-1] in CONNECTORS:
            toks, run = toks[:-1], run[:-1]
        if not toks:
            return []
        possessive = toks[-1].endswith(("’s", "'s"))
        org_at = [
            i for i, t in enumerate(toks) if t.removesuffix("’s").removesuffix("'s") in ORG_WORDS
        ]
        title_at = max((i for i, t in enumerate(toks) if t in TITLES), default=-1)
        if org_at and org_at[-1] < title_at < len(toks) - 1:
            # "International Olympic Committee President Jacques Rogge": the body, then its
            # president by name
            return self._mention(run[:title_at]) + self._mention(run[title_at:])
        after_of = _AFTER_OF.search(self.masked, max(0, run[0].start() - 8), run[0].start())
        named_last = (not org_at or org_at[-1] < len(toks) - 2) and toks[-1] not in _PLACE_ENDS
        if after_of and named_last and title_at < 0 and len(toks) >= 3:
            # "Prime Minister of the United Kingdom Tony Blair", "Mayor of Pichilemu Roberto
            # Córdova": the place the title is of, then the person by name
            return self._mention(run[:-2]) + self._mention(run[-2:])
        org = bool(org_at)
        title: list[str] = []
        if not org:
            title, toks, run = toks[: title_at + 1], toks[title_at + 1 :], run[title_at + 1 :]
        if not toks or toks[0] in CONNECTORS:
            return []
        start, end = run[0].start(), run[-1].end()
        if _INITIAL.fullmatch(toks[-1]):
            end -= 1  # "Plan B" of "Plan B. Brussels": its full stop is no part of it
        name = self.masked[start : end - 2] if possessive else self.masked[start:end]
        person = not org and (
            bool(title)
            or (
                len(toks) > 1
                and toks[0] not in NON_PERSON_FIRST
                and not any(t.isupper() and len(t) > 1 and t[-1] != "." for t in toks)
                and not toks[0].endswith(("ian", "ean"))
            )
            or self._role_before(start)  # "spokesman Dmitry Peskov", "ORS chief Lazar Zhivkan"
        )
        gender = next((HONORIFICS[t] for t in title if t in HONORIFICS), "")
        return [Mention(start, end, name, person, possessive, gender, tuple(title))]

    def _role_before(self, pos: int) -> bool:
        return _word_before(self.masked, pos, 25).lower() in PERSON_ROLES

    def context(self, mention: Mention) -> set[str]:
        """The words written around a mention, as `_key`s: its title, the four words before
        it in its sentence, an appositive after it (", the head of the ORS"), the two words
        after "the X" ("the Reuters news agency"), and an organisation's own words."""
        if mention.context is None:
            masked, start, end = self.masked, mention.start, mention.end
            sentence = self.sentences[max(bisect_right(self.starts, start) - 1, 0)][0]
            before = masked[max(sentence, start - 60) : start]
            # "an aide to Mr. Macron", "a spokesman for Veldt": someone else's role
            related = _RELATION_BEFORE.search(before) is not None
            around = [*mention.title, *([] if related else words(before)[-4:])]
            appositive = _APPOSITIVE.match(masked, end)
            if appositive is not None:
                around += words(appositive.group())
            elif masked[max(0, start - 4) : start].lower() == "the ":
                around += [w for w in words(masked[end : end + 30])[:2] if w.islower()]
            if not mention.person:
                around += words(mention.name)
            mention.context = {_key(w.lower()) for w in around}
        return mention.context

    def full_name(self, name: str) -> str:
        """The longest form of a person's name in the article ("Dravec" -> "Anselm Dravec")."""
        _ = self.mentions
        return name if " " in name else self._full.get(name, name)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in masked[start:end]."""
        mentions = self.mentions
        first = bisect_left(self._mention_starts, start)
        last = bisect_left(self._mention_starts, end)
        return mentions[first:last]

    def role(self, phrase: str, before: int) -> str | None:
        """The name a role ("the minister", "the agency") refers to, or None: see the module
        docstring."""
        tokens = [w.lower() for w in words(phrase)]
        # the head noun comes before "of"/"for": "the head of the ORS", "the Minister for London"
        of = next((i for i, token in enumerate(tokens) if token in ("of", "for")), len(tokens))
        head = tokens[of - 1] if of else tokens[-1]
        slots = [_SYNONYMS.get(t, (t,)) for t in tokens if t not in _ROLE_STOP | _ROLE_WEAK]
        if "head of state" in " ".join(tokens):
            slots.append(_HEAD_OF_STATE)
            head = "president"
        want_person = head in PERSON_ROLES
        weighted = [({_key(w) for w in slot}, 2 if head in slot else 1) for slot in slots]
        scores: dict[str, int] = {}
        mentions = self.mentions
        last = bisect_left(self._mention_starts, before)
        for mention in mentions[max(0, last - ROLE_LOOKBACK) : last]:
            if mention.person != want_person:
                continue
            context = self.context(mention)
            score = sum(weight for keys, weight in weighted if not keys.isdisjoint(context))
            scores[mention.key] = max(scores.get(mention.key, 0), score)
        best = max(scores.values(), default=0)
        winners = [key for key, score in scores.items() if score == best]
        if best < 1 or len(winners) > 1:
            return None
        return self.full_name(winners[0]) if want_person else winners[0]

    def pronoun(self, at: int, gender: str, history: list[tuple[int, str | None]]) -> str | None:
        """Who "he" (gender "m") or "she" ("f") at `at` is: see the module docstring."""
        index = bisect_right(self.starts, at) - 1
        for back in range(index, max(index - 5, -1), -1):
            start, end = self.sentences[back]
            limit = min(end, at)
            first = bisect_left(history, start, key=_position)
            attributed = history[first : bisect_left(history, limit, key=_position)]
            if attributed:
                return attributed[-1][1]
            refs: list[tuple[int, str | None]] = [
                (m.start, self.full_name(m.key))
                for m in self.mentions_in(start, limit)
                if m.person and not m.possessive and m.gender in ("", gender)
            ]
            for match in ROLE_PHRASE.finditer(self.masked, start, limit):
                refs.append((match.start(), self.role(match.group(), match.start())))
            if refs:
                return min(refs, key=lambda ref: ref[0])[1]
        return None


def _position(attribution: tuple[int, str | None]) -> int:
    return attribution[0]


def _key(word: str) -> str:
    """Words with the same key match: a short word itself, a longer one by its first five
    letters (ministry ~ minister, Russian ~ Russia’s)."""
    return word if len(word) < 5 else word[:5] + "*"
