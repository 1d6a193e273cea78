"""Quantities in news sentences: text, offsets, value, interval, qualifier, unit, kind; compare."""

from __future__ import annotations

import math

import pytest

from newsweave import number_words as nw
from newsweave.quantities import (
    UNIT_SYNONYMS,
    Quantity,
    compare,
    counted_noun,
    find_quantities,
    same_thing,
)

INF = math.inf
# (text, value, low, high, qualifier, unit, kind) for each mention, in order.
Row = tuple[str, float, float, float, str, str | None, str]

CASES: list[tuple[str, list[Row]]] = [
    # --- troops: the conflicting-outlets example
    ("Russia has massed more than 100,000 troops near the border with Ukraine.",
     [("more than 100,000", 1e5, 1e5, INF, "more_than", "troop", "count")]),
    ("Some 100,000 Russian soldiers are stationed along the frontier.",
     [("Some 100,000", 1e5, 9e4, 1.1e5, "approximate", "soldier", "count")]),
    ("Washington deployed thousands more troops to Eastern Europe.",
     [("thousands", 5000, 2000, 9999, "vague", "troop", "count")]),
    ("Tens of thousands of troops have been deployed, officials said.",
     [("Tens of thousands", 5e4, 2e4, 99_999, "vague", "troop", "count")]),
    ("Moscow has now deployed well over 100,000 troops.",
     [("well over 100,000", 1e5, 105_000, INF, "more_than", "troop", "count")]),
    ("Russia has about 190,000 troops, up from 100,000 last month, a U.S. official said.",
     [("about 190,000", 190_000, 171_000, 209_000, "approximate", "troop", "count"),
      ("100,000", 1e5, 1e5, 1e5, "exact", None, "count")]),
    # --- durations
    ("Macron spoke to Biden for 40 minutes on Sunday.",
     [("40", 40, 40, 40, "exact", "minute", "duration")]),
    ("During the 40-minute call, the two leaders discussed sanctions.",
     [("40-minute", 40, 40, 40, "exact", "minute", "duration"),
      ("two", 2, 2, 2, "exact", "leader", "count")]),
    ("Rescuers worked for 48 hours to free the miners.",
     [("48", 48, 48, 48, "exact", "hour", "duration")]),
    ("The talks lasted more than two hours.",
     [("more than two", 2, 2, INF, "more_than", "hour", "duration")]),
    ("Five years ago, the plant employed 2,000 workers.",
     [("Five", 5, 5, 5, "exact", "year", "duration"),
      ("2,000", 2000, 2000, 2000, "exact", "worker", "count")]),
    ("The embassy will stay closed for one day.",
     [("one", 1, 1, 1, "exact", "day", "duration")]),
    ("Half an hour later, police moved in.",
     [("Half", 0.5, 0.5, 0.5, "exact", "hour", "duration")]),
    # --- deaths, people, homes
    ("Fourteen people died when the bridge collapsed.",
     [("Fourteen", 14, 14, 14, "exact", "people", "count")]),
    ("The blast ripped through the market, killing nine people.",
     [("nine", 9, 9, 9, "exact", "people", "count")]),
    ("Nine dead after floods hit the region",
     [("Nine", 9, 9, 9, "exact", "dead", "count")]),
    ("Twenty-one soldiers were killed in the attack.",
     [("Twenty-one", 21, 21, 21, "exact", "soldier", "count")]),
    ("Three hundred and forty-two people were rescued.",
     [("Three hundred and forty-two", 342, 342, 342, "exact", "people", "count")]),
    ("Around two thousand inhabitants were evacuated overnight.",
     [("Around two thousand", 2000, 1800, 2200, "approximate", "inhabitant", "count")]),
    ("By Tuesday, 2,100 people had been taken from their homes.",
     [("2,100", 2100, 2100, 2100, "exact", "people", "count")]),
    ("The town, which has a population of 41,000, was cut off.",
     [("41,000", 41_000, 41_000, 41_000, "exact", "population", "count")]),
    ("The death toll rose to 14 on Monday.",
     [("14", 14, 14, 14, "exact", "death", "count")]),
    ("The storm killed at least 22 people, including six children.",
     [("at least 22", 22, 22, INF, "at_least", "people", "count"),
      ("six", 6, 6, 6, "exact", "child", "count")]),
    ("Up to 300 people may have been trapped under the rubble.",
     [("Up to 300", 300, 0, 300, "up_to", "people", "count")]),
    ("As many as 14 people were killed.",
     [("As many as 14", 14, 7, 14, "up_to", "people", "count")]),
    ("Fewer than 10 civilians remain in the town.",
     [("Fewer than 10", 10, 0, 10, "less_than", "civilian", "count")]),
    ("Nearly 700 Wagner mercenaries were reported killed.",
     [("Nearly 700", 700, 630, 700, "approximate", "mercenary", "count")]),
    ("Just over 50 people attended the vigil.",
     [("Just over 50", 50, 50, 55, "more_than", "people", "count")]),
    ("Hundreds of residents fled to neighbouring villages.",
     [("Hundreds", 500, 200, 999, "vague", "resident", "count")]),
    ("Dozens of homes were destroyed by the fire.",
     [("Dozens", 50, 24, 99, "vague", "home", "count")]),
    ("Thousands of people took to the streets.",
     [("Thousands", 5000, 2000, 9999, "vague", "people", "count")]),
    ("Several hundred villagers blocked the road.",
     [("Several hundred", 500, 300, 999, "vague", "villager", "count")]),
    ("A few thousand migrants crossed the border.",
     [("A few thousand", 3000, 2000, 5999, "vague", "migrant", "count")]),
    ("A dozen protesters were arrested.",
     [("A dozen", 12, 10, 14, "approximate", "protester", "count")]),
    ("Half a million people signed the petition.",
     [("Half a million", 5e5, 5e5, 5e5, "exact", "people", "count")]),
    ("The war has displaced 1.5 million people.",
     [("1.5 million", 1.5e6, 1.5e6, 1.5e6, "exact", "people", "count")]),
    ("Some 2000 people marched through the capital.",
     [("Some 2000", 2000, 1800, 2200, "approximate", "people", "count")]),
    ("300 police officers were deployed.",
     [("300", 300, 300, 300, "exact", "officer", "count")]),
    ("Officials said 30 Palestinians were killed.",
     [("30", 30, 30, 30, "exact", "palestinian", "count")]),
    ("The plane was carrying 132 passengers and crew.",
     [("132", 132, 132, 132, "exact", "passenger", "count")]),
    ("The suspect handed over 300 documents to investigators.",
     [("300", 300, 300, 300, "exact", "document", "count")]),
    ("The 100-strong crowd chanted slogans.",
     [("100-strong", 100, 100, 100, "exact", "crowd", "count")]),
    ("A crowd of 100-odd protesters gathered.",
     [("100-odd", 100, 90, 110, "approximate", "protester", "count")]),
    ("200 or so reporters waited outside.",
     [("200 or so", 200, 180, 220, "approximate", "reporter", "count")]),
    ("The 3rd Armoured Brigade was redeployed.",
     [("3rd", 3, 3, 3, "exact", "brigade", "ordinal")]),
    # --- ranges
    ("Between 300 and 400 protesters gathered outside parliament.",
     [("Between 300 and 400", 350, 300, 400, "range", "protester", "count")]),
    ("Police estimated the crowd at 3,000-4,000 people.",
     [("3,000-4,000", 3500, 3000, 4000, "range", "people", "count")]),
    ("The rebels said they had captured 20 to 30 soldiers.",
     [("20 to 30", 25, 20, 30, "range", "soldier", "count")]),
    ("Two or three journalists were detained.",
     [("Two or three", 2.5, 2, 3, "range", "journalist", "count")]),
    ("An estimated 3,000 to 5,000 fighters remain in the city.",
     [("An estimated 3,000 to 5,000", 4000, 3000, 5000, "range", "fighter", "count")]),
    ("The number of refugees rose from 300 to 400 in a week.",
     [("300", 300, 300, 300, "exact", None, "count"),
      ("400", 400, 400, 400, "exact", None, "count")]),
    ("Between 3 and 4 million people live in the region.",
     [("Between 3 and 4 million", 3.5e6, 3e6, 4e6, "range", "people", "count")]),
    ("The treaty would cut emissions by 25 percent to 40 percent by 2020.",
     [("25 percent to 40 percent", 32.5, 25, 40, "range", "percent", "percent"),
      ("2020", 2020, 2020, 2020, "exact", None, "year")]),
    ("Nations should cut emissions by between 25 to 40 percent.",
     [("between 25 to 40 percent", 32.5, 25, 40, "range", "percent", "percent")]),
    ("The quake struck at 22.00 UTC, and again at 9.30 local time.",
     [("22.00", 22, 22, 22, "exact", None, "time"),
      ("9.30", 9.5, 9.5, 9.5, "exact", None, "time")]),
    ("The quake came at 00:36:08 UTC.",
     [("00:36:08", 0.6, 0.6, 0.6, "exact", None, "time")]),
    ("Shares fell 25 percent to 40 cents.",
     [("25 percent", 25, 25, 25, "exact", "percent", "percent"),
      ("40", 40, 40, 40, "exact", "cent", "money")]),
    ("Unemployment fell by 0.5 percent to 9.8 percent.",
     [("0.5 percent", 0.5, 0.5, 0.5, "exact", "percent", "percent"),
      ("9.8 percent", 9.8, 9.8, 9.8, "exact", "percent", "percent")]),
    ("The team scored 22.00 points.",
     [("22.00", 22, 22, 22, "exact", "point", "count")]),
    ("Support rose from 10 percent to 12 percent.",
     [("10 percent", 10, 10, 10, "exact", "percent", "percent"),
      ("12 percent", 12, 12, 12, "exact", "percent", "percent")]),
    # --- money, percent, multipliers, measures, fractions
    ("The government has pledged $4.2 million in emergency aid.",
     [("$4.2 million", 4.2e6, 4.2e6, 4.2e6, "exact", "dollar", "money")]),
    ("The EU approved €60 million for reconstruction.",
     [("€60 million", 6e7, 6e7, 6e7, "exact", "euro", "money")]),
    ("The company was fined 500,000 euros.",
     [("500,000", 5e5, 5e5, 5e5, "exact", "euro", "money")]),
    ("Washington sent US$5 billion and London £1.5bn.",
     [("US$5 billion", 5e9, 5e9, 5e9, "exact", "dollar", "money"),
      ("£1.5bn", 1.5e9, 1.5e9, 1.5e9, "exact", "pound", "money")]),
    ("Turnout fell to 40% from 52% in 2019.",
     [("40%", 40, 40, 40, "exact", "percent", "percent"),
      ("52%", 52, 52, 52, "exact", "percent", "percent"),
      ("2019", 2019, 2019, 2019, "exact", None, "year")]),
    ("Prices rose 40 percent in a year.",
     [("40 percent", 40, 40, 40, "exact", "percent", "percent")]),
    ("The central bank raised rates by 0.5 percentage points.",
     [("0.5 percentage points", 0.5, 0.5, 0.5, "exact", "percentage point", "percent")]),
    ("One in five Ukrainians has left the country.",
     [("One in five", 20, 20, 20, "exact", "percent", "percent")]),
    ("Nine out of 10 doctors agreed.",
     [("Nine out of 10", 90, 90, 90, "exact", "percent", "percent")]),
    ("Exports have grown three times faster than imports.",
     [("three times", 3, 3, 3, "exact", None, "multiplier")]),
    ("Fuel prices have risen tenfold since March.",
     [("tenfold", 10, 10, 10, "exact", None, "multiplier")]),
    ("The convoy stretched some 40 km along the road.",
     [("some 40", 40, 36, 44, "approximate", "kilometre", "measure")]),
    ("Temperatures reached 40 degrees in the shade.",
     [("40", 40, 40, 40, "exact", "degree", "measure")]),
    ("About a third of the residents have returned.",
     [("About a third", 1 / 3, 0.3, 1 / 3 * 1.1, "approximate", "resident", "fraction")]),
    ("Half of the village's 300 houses were flooded.",
     [("Half", 0.5, 0.5, 0.5, "exact", None, "fraction"),
      ("300", 300, 300, 300, "exact", "house", "count")]),
    # --- years, dates, times, ages, ordinals
    ("The cathedral was last restored in 1958.",
     [("1958", 1958, 1958, 1958, "exact", None, "year")]),
    ("The 2022 elections were marred by violence.",
     [("2022", 2022, 2022, 2022, "exact", None, "year")]),
    ("In the 1990s, the city had about 2.5 million inhabitants.",
     [("1990s", 1994.5, 1990, 1999, "range", None, "year"),
      ("about 2.5 million", 2.5e6, 2.25e6, 2.75e6, "approximate", "inhabitant", "count")]),
    ("The first explosion was heard at 2 a.m. on March 10.",
     [("first", 1, 1, 1, "exact", "explosion", "ordinal"),
      ("2 a.m.", 2, 2, 2, "exact", None, "time"),
      ("March 10", 10, 10, 10, "exact", "march", "date")]),
    ("The ceasefire took effect at 4 p.m. local time on 10 March 2025.",
     [("4 p.m.", 16, 16, 16, "exact", None, "time"),
      ("10 March 2025", 10, 10, 10, "exact", "march", "date")]),
    ("The meeting ended at 14:30 on Feb. 7.",
     [("14:30", 14.5, 14.5, 14.5, "exact", None, "time"),
      ("Feb. 7", 7, 7, 7, "exact", "february", "date")]),
    ("A 10-year-old boy was among the victims.",
     [("10-year-old", 10, 10, 10, "exact", "year", "age")]),
    ("One protester, Xiao Tan, 32, was arrested.",
     [("One", 1, 1, 1, "exact", "protester", "count"),
      ("32", 32, 32, 32, "exact", "year", "age")]),
    ("Of the passengers, 12, were hurt.",
     [("12", 12, 12, 12, "exact", None, "count")]),
    ("The 66-year-old was sentenced to 12 years in prison.",
     [("66-year-old", 66, 66, 66, "exact", "year", "age"),
      ("12", 12, 12, 12, "exact", "year", "duration")]),
    ("For the second time in a week, sirens sounded.",
     [("second", 2, 2, 2, "exact", "time", "ordinal")]),
    ("Article 5 was invoked for the first time after the Sept. 11, 2001 attacks.",
     [("first", 1, 1, 1, "exact", "time", "ordinal"),
      ("Sept. 11, 2001", 11, 11, 11, "exact", "september", "date")]),
    # --- the word "one", identifiers: nothing to report
    ("One soldier was killed and another wounded.",
     [("One", 1, 1, 1, "exact", "soldier", "count")]),
    ("At least one person died in the crash.",
     [("At least one", 1, 1, INF, "at_least", "person", "count")]),
    ("No one was injured, but one of the guards was questioned.", []),
    ("One day after the vote, the protests grew.", []),
    ("They blamed one another, and one said the talks had failed.", []),
    ("The one-time champion was at one point the favourite.", []),
    ("Ukraine has asked for F-16 jets and S-400 systems.", []),
    ("Berlin halted the Nord Stream 2 gas pipeline in February 2022.",
     [("2022", 2022, 2022, 2022, "exact", None, "year")]),
    ("His visit in August 2019 unnerved other Western governments.",
     [("2019", 2019, 2019, 2019, "exact", None, "year")]),
    ("Covid-19 cases rose by 12% in the G7.",
     [("12%", 12, 12, 12, "exact", "percent", "percent")]),
    ("The letter, dated 10/03/2025, reached No. 10 the next day.", []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_find_quantities(sentence: str, expected: list[Row]) -> None:
    found = find_quantities(sentence)
    assert [q.text for q in found] == [row[0] for row in expected]
    position = 0
    for quantity, (text, value, low, high, qualifier, unit, kind) in zip(
        found, expected, strict=True
    ):
        position = sentence.index(text, position)
        assert (quantity.start, quantity.end) == (position, position + len(text))
        assert sentence[quantity.start : quantity.end] == quantity.text
        assert quantity.value == pytest.approx(value)
        assert (quantity.low, quantity.high) == pytest.approx((low, high))
        assert (quantity.qualifier, quantity.unit, quantity.kind) == (qualifier, unit, kind)
        position = quantity.end


def test_case_table_is_large() -> None:
    assert len(CASES) >= 60


def _one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


COMPARE_CASES = [
    # the examples of the brief
    ("nine dead", "Fourteen people died", "contradiction"),
    ("some 100,000 troops", "more than 100,000 soldiers", "compatible"),
    ("tens of thousands of troops", "more than 100,000 troops", "tension"),
    ("about 2,000 residents", "2,100 people", "compatible"),
    # rule 1: same wording
    ("9 dead", "nine dead", "same"),
    ("some 100,000 troops", "about 100,000 troops", "same"),
    ("for 40 minutes", "a 40-minute call", "same"),
    # rule 2: two exact figures
    ("2,000 residents", "2,100 people", "tension"),  # 2,100 rounds to 2,000, 4.8 % apart
    ("100 people", "104 people", "tension"),
    ("2,000 residents", "2,300 people", "contradiction"),  # rounds to 2,000 but 13 % apart
    ("2,000 residents", "2,600 people", "contradiction"),  # rounds to 3,000
    ("10 people", "11 people", "contradiction"),  # under 100: no rounding excuse
    ("in 1958", "in 1959", "contradiction"),  # years are never rounded
    ("in 2000", "in 2001", "contradiction"),
    ("40%", "41%", "contradiction"),
    # rule 3: overlap, with open ends read as at most 3x
    ("well over 100,000 troops", "some 100,000 troops", "compatible"),
    ("nearly 700 fighters", "700 fighters", "compatible"),
    ("more than 100,000 troops", "100,000 troops", "compatible"),
    ("at least 9 dead", "27 dead", "compatible"),
    ("at least 9 dead", "28 dead", "tension"),
    ("more than 1,000 people", "5,000 people", "tension"),
    ("up to 30 people", "10 people", "compatible"),
    ("up to 30 people", "9 people", "tension"),
    ("between 300 and 400 protesters", "350 protesters", "compatible"),
    ("tens of thousands of troops", "some 100,000 troops", "compatible"),
    ("about a dozen people", "14 people", "compatible"),
    # rule 4: disjoint
    ("up to 9 dead", "14 dead", "tension"),
    ("up to 9 dead", "18 dead", "tension"),  # exactly 2x
    ("up to 9 dead", "19 dead", "contradiction"),
    ("fewer than 10 civilians", "100 civilians", "contradiction"),
    ("between 300 and 400 protesters", "500 protesters", "tension"),
    ("between 300 and 400 protesters", "1,000 protesters", "contradiction"),
    ("about a dozen people", "15 people", "tension"),
    ("dozens of homes", "300 homes", "tension"),  # vague: up to 5x
    ("dozens of homes", "1,000 homes", "contradiction"),
    ("hundreds of homes", "dozens of homes", "tension"),
]


@pytest.mark.parametrize(("first", "second", "expected"), COMPARE_CASES)
def test_compare(first: str, second: str, expected: str) -> None:
    a, b = _one(first), _one(second)
    assert compare(a, b) == expected
    assert compare(b, a) == expected  # symmetric


def test_compare_with_zero() -> None:
    zero = _one("zero casualties")
    assert (zero.value, zero.low, zero.high) == (0, 0, 0)
    assert compare(zero, _one("no more than 5 casualties")) == "tension"  # [5/3, 5] plausible
    assert compare(zero, _one("more than 5 casualties")) == "contradiction"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("nine", (9, 1, False)),
        ("twenty - one people", (21, 3, False)),
        ("three hundred and forty - two", (342, 6, False)),
        ("two thousand five hundred", (2500, 4, False)),
        ("fifteen hundred", (1500, 2, False)),
        ("a hundred", (100, 2, False)),
        ("a million", (1e6, 2, False)),
        ("a dozen", (12, 2, True)),
        ("two dozen", (24, 2, True)),
        ("one two", (1, 1, False)),
        ("twenty twelve", (20, 1, False)),
        ("a few", None),
        ("hundred", None),
        ("and nine", None),
    ],
)
def test_parse_cardinal(words: str, expected: tuple[float, int, bool] | None) -> None:
    assert nw.parse_cardinal(words.split()) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("dozens of", (24, 99, 50, 1)),
        ("tens of thousands of", (20_000, 99_999, 50_000, 3)),
        ("hundreds of thousands", (200_000, 999_999, 500_000, 3)),
        ("tens of millions", (2e7, 99_999_999, 5e7, 3)),
        ("several dozen", (36, 119, 60, 2)),
        ("tens", None),
        ("scores", None),
        ("scores of", (40, 99, 60, 1)),
    ],
)
def test_parse_vague(words: str, expected: tuple[float, float, float, int] | None) -> None:
    assert nw.parse_vague(words.split()) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("troops", "troop"), ("soldiers", "soldier"), ("people", "people"),
        ("police", "police"), ("staff", "staff"), ("children", "child"), ("men", "man"),
        ("women", "woman"), ("servicemen", "serviceman"), ("casualties", "casualty"),
        ("witnesses", "witness"), ("houses", "house"), ("churches", "church"),
        ("lives", "life"), ("crises", "crisis"), ("status", "status"), ("lei", "leu"),
        ("Ukrainians", "ukrainian"), ("town's", "town"), ("aircraft", "aircraft"),
    ],
)  # fmt: skip
def test_lemma(word: str, expected: str) -> None:
    assert nw.lemma(word) == expected


def test_units_and_synonyms() -> None:
    assert nw.unit_name("km") == "kilometre"
    assert nw.unit_name("kilometers") == "kilometre"
    assert nw.unit_name("USD") == "dollar"
    assert nw.unit_name("mins") == "minute"
    assert same_thing("troop", "soldier")
    assert same_thing("servicemen", "troops")
    assert same_thing("resident", "inhabitant")
    assert same_thing("fatalities", "dead")
    assert not same_thing("dead", "people")  # a death toll of people: the caller decides
    assert not same_thing("troop", "minute")
    assert not same_thing(None, None)
    assert "civilian" in UNIT_SYNONYMS["people"]
    members = [m for group in UNIT_SYNONYMS.values() for m in group]
    assert len(members) == len(set(members))  # no word in two sets


def test_same_thing_on_quantities() -> None:
    troops = _one("more than 100,000 troops")
    soldiers = _one("some 100,000 soldiers")
    call = _one("during the 40-minute call")
    assert same_thing(troops, soldiers)
    assert not same_thing(troops, call)
    assert not same_thing(_one("killing nine"), _one("killing nine"))  # no unit


def test_counted_noun() -> None:
    sentence = "Officials said 2,000 Kyiv residents and nine were hurt; its population of 41,000."
    start = sentence.index("2,000")
    assert counted_noun(sentence, start, start + 5) == "resident"
    start = sentence.index("nine")
    assert counted_noun(sentence, start, start + 4) is None
    start = sentence.index("41,000")
    assert counted_noun(sentence, start, start + 6) == "population"


def test_offsets_hold_for_unicode_and_repeats() -> None:
    sentence = "Über 40 Menschen? No: “40 people” and 40 km, then 40% of €40m."
    found = find_quantities(sentence)
    assert all(sentence[q.start : q.end] == q.text for q in found)
    assert [q.kind for q in found] == ["count", "count", "measure", "percent", "money"]
    assert found[-1].value == 40e6


def test_empty_and_numberless() -> None:
    assert find_quantities("") == []
    assert find_quantities("The minister said talks would continue.") == []
