"""The English word lists that quantity reading relies on (data only, no parsing).

- Number words: `ONES`, `TENS`, `SCALES` (and abbreviated / currency scales), `ORDINALS`,
  `FRACTIONS`, `MULTIPLIER_WORDS`, vague amounts (`VAGUE`, `PLURAL_SCALES`, `FEW_WORDS`);
  read by `newsweave.number_words`.
- The words around numbers that the rules in `newsweave.quantities` look at: qualifiers,
  months, identifier words, stop words, modifiers, the "one" idioms; used by
  `newsweave.quantity_parser` and `newsweave.counted_nouns`.
- Nouns and units: irregular plurals for `newsweave.number_words.lemma`, unit spellings and
  classes (`UNIT_ALIASES`, `CURRENCIES`, `DURATIONS`, `MEASURES`) and the synonym sets of
  news counts (`UNIT_SYNONYMS`).
"""

from __future__ import annotations

import re


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _list(text: str) -> list[str]:
    return text.split()


def _pairs(text: str) -> dict[str, str]:
    """ "a:b c:d_e" -> {"a": "b", "c": "d e"}."""
    return {key: value.replace("_", " ") for key, value in (p.split(":") for p in text.split())}


# ---- number words --------------------------------------------------------------------------
ONES = {word: value for value, word in enumerate(_list(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen"))}  # fmt: skip
TENS = {w: 10 * (v + 2) for v, w in enumerate(_list("twenty thirty forty fifty sixty seventy"
                                                    " eighty ninety"))}  # fmt: skip
SCALES: dict[str, float] = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Scale abbreviations after digits: always ("bn") or only after a currency ("$4m", "£10k").
ABBREVIATED_SCALES: dict[str, float] = {"bn": 1e9, "mn": 1e6, "tn": 1e12, "trn": 1e12}
CURRENCY_SCALES: dict[str, float] = {"m": 1e6, "b": 1e9, "k": 1e3}
_ORDINAL_WORDS = _list(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
    " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
ORDINALS = {word: value for value, word in enumerate(_ORDINAL_WORDS) if value}
ORDINAL_ONES = {word for word, value in ORDINALS.items() if value <= 9}
ORDINALS.update({word.replace("y", "ieth"): value for word, value in TENS.items()})
ORDINALS.update({"hundredth": 100, "thousandth": 1000, "millionth": 1_000_000})
FRACTIONS = {"half": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4, "quarters": 1 / 4}
MULTIPLIER_WORDS = {"twice": 2.0, "thrice": 3.0}
# Vague plurals: (low, high, nominal value), alone ("hundreds") or before "of" and a plural
# scale ("tens of thousands" = 20,000-99,999). "tens" and "scores" need the "of".
VAGUE: dict[str, tuple[float, float, float]] = {
    "tens": (20, 99, 50), "dozens": (24, 99, 50), "scores": (40, 99, 60),
    "hundreds": (200, 999, 500), "thousands": (2e3, 9_999, 5e3),
    "millions": (2e6, 9_999_999, 5e6), "billions": (2e9, 9_999_999_999, 5e9),
}  # fmt: skip
PLURAL_SCALES = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
# "several hundred" = 300-999, "a few thousand" = 2,000-5,999: (low, high, nominal) factors.
FEW_WORDS = {("several",): (3, 9, 5), ("a", "few"): (2, 5, 3)}

# ---- the words around numbers (see the rules in `newsweave.quantities`) ----------------
QUALIFIERS: dict[str, list[str]] = {  # mode -> phrases (tokens split by spaces)
    "well_over": ["well over", "well above", "far more than", "well in excess of"],
    "just_over": ["just over", "just above", "slightly more than", "a little over",
                  "just more than", "slightly over"],
    "more": ["more than", "over", "above", "upwards of", "in excess of"],
    "at_least": ["at least", "no fewer than", "no less than", "a minimum of"],
    "just_under": ["just under", "just below", "slightly fewer than", "slightly less than",
                   "a little under", "just short of", "just shy of"],
    "less": ["fewer than", "less than", "under", "below"],
    "up_to": ["up to", "no more than", "not more than", "a maximum of", "at most"],
    "as_many": ["as many as", "as much as", "as high as"],
    "nearly": ["nearly", "almost", "close to", "not quite"],
    "approx": ["some", "about", "around", "roughly", "approximately", "approx .", "approx",
               "an estimated", "estimated", "circa", "an approximate", "more or less"],
    "between": ["between"],
}  # fmt: skip
POST_QUALIFIERS = {("or", "so"): "approx", ("or", "more"): "at_least",
                   ("or", "fewer"): "up_to", ("or", "less"): "up_to"}  # fmt: skip
PHRASAL_OVER = _set("hand handed hands handing turn turned turning take took taken taking"
                    " pass passed win won hold held carry carried")  # fmt: skip
MONTHS = {m[:3]: m for m in _list("january february march april may june july august"
                                  " september october november december")}  # fmt: skip
MONTHS.update({m: m for m in MONTHS.values()} | {"sept": "september"})
ID_WORDS = _set("article no nos resolution chapter flight route highway section room gate"
                " terminal platform paragraph amendment phase level category apollo boeing"
                " airbus page line channel version model decree law bill directive item"
                " exit")  # fmt: skip
ATTACHED_OK = _set("m bn mn tn trn k b km kg cm mm ft mph mw gw kw ha s am pm pct h")
YEAR_PREV = _set("in since until till by from of before after during the early late mid"
                 " between and to through circa , its this that")  # fmt: skip
STOP = _set(
    "a an the and or but nor of in on at to for from by with as than that which who whom whose"
    " is are was were be been being has have had will would could should can may might must do"
    " did does said says say told tell tells added adds according so if when while after before"
    " since during into onto over under about around near across against between among through"
    " out up down off away back there here not no also still just only even then now yet"
    " already again reportedly apiece each per ago less fewer it its they them their he"
    " she his her we us our you your i me my this these those what where why how all both"
    " either neither such every any some most fled fell went came took left ran stood rose"
    " grew got made saw lost won held met sent spent kept brought fought paid sold hit cut put"
    " struck began became gave knew spoke died dies die live remain remains remained another"
    " including include includes like unlike plus minus within without toward towards upon"
    " whereas whether though although because till until last next")  # fmt: skip
ADJECTIVES = _set("new old young other additional extra further small large big great few"
                  " many several top senior junior high low foreign elderly dead total same"
                  " first second third such whole entire own fresh key major minor main"
                  " full")  # fmt: skip
ADJ_ONLY = ADJECTIVES - _set("senior junior foreign elderly dead key first second third")
ADJ_ENDINGS = tuple(_list("ian ese ish ic ive ous ful less ary ern al able ible"))
NOMINAL = _set("killed injured wounded dead missing detained arrested displaced hurt evacuated"
               " rescued abducted kidnapped infected homeless elderly")  # fmt: skip
NOUN_ING = _set("building meeting sibling wedding ceiling ruling hearing shooting bombing"
                " killing uprising warning offering")  # fmt: skip
PLURAL_NOUNS = _set("people police personnel staff cattle dead wounded injured killed")
OF_DETERMINERS = _set("the its their his her our those these your my")
PRONOUNS = _set("them us you whom which it those these")
DETERMINERS = _set("the a an its his her their our this that whose")
ONE_BLOCK = _set("no the this that which any every each another someone anyone")
ONE_IDIOMS = _set("day time way side thing hand point night morning")
ONE_GLUED_IDIOMS = _set("time off way sided on")
ONE_DURATION_PREV = _set("for in only just than within over")
BACK_LINKS = _set("of to at from rose climbed jumped increased reached stood stands is was has"
                  " had risen now hit grew")  # fmt: skip
BACK_NOUNS = {"population": "population", "toll": "death", "tally": "death"}

# ---- nouns and units ---------------------------------------------------------------------
IRREGULAR_PLURALS = _pairs(
    "people:people police:police staff:staff personnel:personnel children:child men:man feet:foot"
    " teeth:tooth mice:mouse geese:goose lives:life wives:wife knives:knife wolves:wolf"
    " thieves:thief leaves:leaf shelves:shelf halves:half lei:leu kronor:krona lire:lira"
    " crises:crisis analyses:analysis buses:bus gases:gas heroes:hero echoes:echo vetoes:veto"
    " potatoes:potato tomatoes:tomato barracks:barracks headquarters:headquarters means:means"
)
UNCHANGED_PLURALS = _set("news series species aircraft sheep fish media data dead wounded"
                         " injured killed missing yen yuan")  # fmt: skip

# Spellings and abbreviations of units (after `lemma`) -> one canonical name.
UNIT_ALIASES = _pairs(
    "min:minute mins:minute hr:hour hrs:hour sec:second secs:second yr:year yrs:year"
    " km:kilometre kilometer:kilometre m:metre meter:metre cm:centimetre centimeter:centimetre"
    " mm:millimetre millimeter:millimetre kg:kilogram kilo:kilogram ton:tonne liter:litre"
    " ft:foot ha:hectare mw:megawatt gw:gigawatt kw:kilowatt mph:mile_per_hour pct:percent"
    " usd:dollar eur:euro gbp:pound sterling:pound ron:leu rub:rouble ruble:rouble"
    " uah:hryvnia jpy:yen cny:yuan rmb:yuan renminbi:yuan chf:franc inr:rupee"
)
CURRENCY_SYMBOLS = _pairs("$:dollar €:euro £:pound ¥:yen ₹:rupee ₽:rouble ₴:hryvnia")
CURRENCY_CODES = _set("USD EUR GBP RON RUB UAH JPY CNY CHF INR")
CURRENCIES = _set("dollar euro pound leu rouble hryvnia yen yuan franc rupee peso shekel zloty"
                  " krona krone lira dinar riyal dirham cent penny kopeck")  # fmt: skip
DURATIONS = _set("second minute hour day week fortnight month year decade century")
MEASURES = _set("kilometre metre centimetre millimetre mile foot inch yard kilogram tonne"
                " litre gallon barrel hectare acre degree knot megawatt gigawatt kilowatt") | {
    "mile per hour"
}  # fmt: skip

# What counts the same thing in news copy, keyed by a canonical member. "dead" and "people"
# can both describe one death toll ("nine dead" / "nine people died") but no set joins them:
# deciding that two quantities count the same subject is the caller's job.
UNIT_SYNONYMS: dict[str, frozenset[str]] = {
    "soldier": _set("soldier troop serviceman servicewoman servicemember personnel trooper"
                    " paratrooper conscript infantryman"),
    "people": _set("people person resident inhabitant civilian villager citizen local"
                   " individual population"),
    "dead": _set("dead death fatality victim killed body life"),
    "injured": _set("injured wounded injury hurt"),
    "protester": _set("protester protestor demonstrator marcher"),
    "home": _set("home house dwelling residence"),
    "police": _set("police policeman policewoman"),
    "migrant": _set("migrant immigrant"),
    "hostage": _set("hostage captive abductee"),
    "arrest": _set("arrest arrested detainee detained detention"),
    "aircraft": _set("aircraft plane airplane jet warplane"),
    "child": _set("child kid minor"),
}  # fmt: skip


# verbs of a change: "rose 2 percent to 12 percent" is a rise to 12, not a range
CHANGE_VERBS = frozenset(
    {"rose", "rise", "rises", "risen", "fell", "fall", "falls", "fallen", "dropped", "drop"}
    | {"drops", "jumped", "jump", "jumps", "climbed", "climb", "climbs", "increased"}
    | {"increase", "increases", "decreased", "decrease", "decreases", "grew", "grow", "grows"}
    | {"slipped", "slip", "slips", "gained", "gain", "gains", "declined", "decline"}
    | {"declines", "edged", "plunged", "soared", "slid", "lost"}
)
# a clock time written with a dot, read as one before a time zone ("22.00 UTC")
DOTTED_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
TIME_ZONES = frozenset(
    {"utc", "gmt", "bst", "cet", "cest", "eet", "eest", "est", "edt", "cst", "cdt", "mst"}
    | {"mdt", "pst", "pdt", "ist", "jst"}
)
