"""Synthetic news streams with known stories, for tests and benchmarks.

Every event has a subject (a flood, a strike, a merger...), a made-up place, people and an
organisation, a day, and numbers; each article about it is written by one made-up outlet
from that subject's sentence templates and a pool of general news sentences, chosen and
ordered at random, so articles on one event share names and vocabulary but little exact
wording. Some articles are republished copies: exact (another outlet, same text) or near
(a changed headline, one sentence dropped, a line added). Nothing here is real news.
Everything is drawn from `random.Random(seed)`: the same arguments give the same stream.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from newsweave.model import Document

_SYLLABLE_TEXT = "ka lo ve mar tin sol da ren bri ost fal gor hel ith mun nor pel quin rav sta"
_SYLLABLES = _SYLLABLE_TEXT.split()
_SUBJECTS: dict[str, tuple[str, list[str]]] = {
    "flood": (
        "Floods swamp {place} after {n} days of rain",
        [
            "Rivers burst their banks around {place}, forcing {n2} residents from their homes.",
            "Emergency crews used boats to reach families stranded on rooftops in {place}.",
            "{person}, who leads the {org}, said water levels would keep rising overnight.",
            "The flooding cut the main rail line and closed {n} schools across the region.",
            "Farmers near {place} said whole harvests had been lost to the muddy water.",
            "Forecasters warned of more heavy rain over the catchment in the coming days.",
        ],
    ),
    "strike": (
        "Dock workers in {place} walk out over pay",
        [
            "Thousands of port workers in {place} stopped work at dawn in a dispute over wages.",
            "The union, led by {person}, wants a rise of {n} percent over two years.",
            "Container ships queued offshore as cranes stood idle along the quays.",
            "The {org} called the walkout reckless and said its offer was final.",
            "Retailers warned that shelves could empty if the stoppage lasted a week.",
            "Talks between the union and the port operator broke down on the eve of the strike.",
        ],
    ),
    "merger": (
        "{org} agrees to buy rival in {n} billion deal",
        [
            "The {org} said it would pay {n} billion for its smaller rival based in {place}.",
            "Shares in both companies jumped in early trading after the announcement.",
            "Chief executive {person} said the deal would create a regional champion.",
            "Competition regulators are expected to examine the takeover closely.",
            "Analysts said the combined group would control a large share of the market.",
            "About {n2} jobs could go as the two businesses merge their head offices.",
        ],
    ),
    "election": (
        "{person} claims victory in {place} mayoral race",
        [
            "{person} won the mayoral election in {place} with {n} percent of the vote.",
            "Turnout was the highest in decades, officials at the {org} said.",
            "The defeated incumbent conceded shortly after midnight.",
            "Supporters gathered in the central square to celebrate the result.",
            "The new mayor promised cheaper transport and more housing within a year.",
            "Counting was delayed in two districts after a power cut at a polling station.",
        ],
    ),
    "wildfire": (
        "Wildfire forces evacuations near {place}",
        [
            "A fast-moving wildfire burned through {n} square kilometres of forest near {place}.",
            "Firefighters from the {org} battled the blaze through the night.",
            "About {n2} people were told to leave villages in the path of the fire.",
            "Strong winds and dry weather fanned the flames, {person} said.",
            "Water-bombing aircraft were grounded for hours because of thick smoke.",
            "Several holiday homes and a sawmill were destroyed before the front was held.",
        ],
    ),
    "verdict": (
        "Court convicts former {org} chief of fraud",
        [
            "A court in {place} found {person} guilty of defrauding investors.",
            "Prosecutors said {n} million had been moved through shell companies.",
            "The judge said the former executive had shown no remorse.",
            "Defence lawyers said they would appeal against the conviction.",
            "Dozens of former employees watched the verdict from the public gallery.",
            "Sentencing is due next month, the court said.",
        ],
    ),
    "launch": (
        "{org} rocket puts weather satellite into orbit",
        [
            "A rocket built by the {org} lifted off from the coastal site near {place}.",
            "The satellite will track storms and measure sea temperatures, {person} said.",
            "Engineers cheered as the payload separated {n} minutes after launch.",
            "It was the agency's {n2}th launch and the first from its new pad.",
            "Previous attempts had been delayed by a fuel leak and high winds.",
            "The first images are expected within a few weeks.",
        ],
    ),
    "outbreak": (
        "Health officials in {place} confirm measles outbreak",
        [
            "Health officials confirmed {n} cases of measles in and around {place}.",
            "Most of those infected were children who had not been vaccinated, {person} said.",
            "The {org} opened extra clinics to give vaccines at weekends.",
            "Schools were asked to keep unvaccinated pupils at home for three weeks.",
            "Doctors urged parents to check their children's vaccination records.",
            "Two patients remained in hospital in a stable condition.",
        ],
    ),
}
_GENERAL = [
    "Officials said more details would be released later in the day.",
    "Local media carried live coverage throughout the afternoon.",
    "Residents described scenes of confusion as news spread through the town.",
    "{person} said the coming days would be decisive.",
    "The {org} said it was working closely with national authorities.",
    "A spokesperson declined to comment further when reached by telephone.",
    "The government in the capital said it was monitoring the situation in {place}.",
    "Opposition politicians demanded an inquiry.",
    "Similar events have been recorded in the region in previous years.",
    "Observers expect the issue to dominate debate for weeks.",
]
_OUTLETS = [
    "Harbour Ledger",
    "Northgate Post",
    "Valley Courier",
    "Morning Lantern",
    "Civic Herald",
    "Riverside Dispatch",
    "Plainfield Chronicle",
    "Summit Gazette",
    "Coastline Review",
    "Meridian Daily",
]


@dataclass(frozen=True)
class Labelled:
    """A synthetic document and the event it reports (copies carry their original's)."""

    document: Document
    event: str
    copy_of: str | None = None  # origin of the original when this is a republished copy


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def synthetic_stream(
    articles: int,
    *,
    seed: int = 0,
    per_event: tuple[int, int] = (3, 8),
    events_per_day: float = 5.0,
    copies: float = 0.1,
    start: date = date(2024, 1, 1),
    subjects: tuple[str, ...] | None = None,
) -> Iterator[Labelled]:
    """`articles` documents in stream order (roughly by day), each with its event label."""
    rng = random.Random(seed)
    names = sorted(subjects or _SUBJECTS)
    produced: list[Labelled] = []
    pending: list[tuple[int, int, Labelled]] = []
    event_index = 0
    while len(produced) < articles:
        subject = names[event_index % len(names)] if event_index < len(names) else rng.choice(names)
        day = start + timedelta(days=int(event_index / events_per_day))
        event = _event(rng, f"e{event_index}", subject, day)
        for k in range(rng.randint(*per_event)):
            published = day + timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
            document = _article(rng, event, published, f"synthetic/{event.key}-{k}.txt")
            pending.append((published.toordinal(), len(pending), Labelled(document, event.key)))
            if rng.random() < copies:
                copy = _copy(rng, document, f"synthetic/{event.key}-{k}-copy.txt")
                labelled = Labelled(copy, event.key, document.origin)
                pending.append((published.toordinal(), len(pending), labelled))
        event_index += 1
        pending.sort(key=lambda item: (item[0], item[1]))
        while pending and pending[0][0] < day.toordinal() - 3 and len(produced) < articles:
            produced.append(pending.pop(0)[2])
            yield produced[-1]
    for _, _, item in pending[: max(0, articles - len(produced))]:
        yield item


@dataclass(frozen=True)
class _Event:
    key: str
    subject: str
    slots: dict[str, str]


def _event(rng: random.Random, key: str, subject: str, day: date) -> _Event:
    slots = {
        "place": _name(rng, 3),
        "person": f"{_name(rng, 3)} {_name(rng, 3)}",
        "org": f"{_name(rng, 3)} {rng.choice(['Authority', 'Group', 'Council', 'Agency'])}",
        "n": str(rng.randint(3, 95)),
        "n2": str(rng.randint(100, 9000)),
    }
    return _Event(key, subject, slots)


def _vocabulary(texts: list[str]) -> list[str]:
    words = {w.strip(".,'").lower() for t in texts for w in t.split() if "{" not in w}
    return sorted(w for w in words if w.isalpha() and len(w) > 3)


_GENERAL_WORDS = _vocabulary(_GENERAL)
_SUBJECT_WORDS = {k: _vocabulary([t, *s]) for k, (t, s) in _SUBJECTS.items()}


def _filler(rng: random.Random, subject: str, slots: dict[str, str]) -> str:
    """A sentence of words drawn from the subject's and the general vocabulary, with one
    of the event's names: it makes articles news-length without repeating wording."""
    words = [
        rng.choice(_SUBJECT_WORDS[subject] if rng.random() < 0.7 else _GENERAL_WORDS)
        for _ in range(rng.randint(10, 18))
    ]
    words.insert(rng.randrange(1, len(words)), rng.choice((slots["place"], slots["person"])))
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def _article(rng: random.Random, event: _Event, published: date, origin: str) -> Document:
    title, specific = _SUBJECTS[event.subject]
    sentences = rng.sample(specific, k=rng.randint(4, len(specific)))
    sentences += rng.sample(_GENERAL, k=rng.randint(3, 6))
    sentences += [_filler(rng, event.subject, event.slots) for _ in range(rng.randint(12, 22))]
    rng.shuffle(sentences)
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    body = "\n\n".join(p.format(**event.slots) if "{" in p else p for p in paragraphs)
    return Document(
        origin=origin,
        format="text",
        body=body + "\n",
        title=title.format(**event.slots),
        source=rng.choice(_OUTLETS),
        published=published.isoformat(),
    )


def _copy(rng: random.Random, original: Document, origin: str) -> Document:
    outlet = rng.choice([o for o in _OUTLETS if o != original.source])
    if rng.random() < 0.5:
        return Document(
            origin, original.format, original.body, original.title, outlet, None, original.published
        )
    paragraphs = original.body.strip().split("\n\n")
    if len(paragraphs) > 4:
        paragraphs.pop(rng.randrange(1, len(paragraphs)))
    paragraphs.append(f"This story was first published by {original.source}.")
    title = f"{original.title} - {outlet}" if original.title else None
    return Document(
        origin,
        original.format,
        "\n\n".join(paragraphs) + "\n",
        title,
        outlet,
        None,
        original.published,
    )
