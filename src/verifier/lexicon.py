"""The plain English vocabulary the fact readers share: stopwords, month and weekday names,
number words and scales, ordinal words, lemmas, units of measure and currencies.

The figure readers (:mod:`verifier.quantities`, :mod:`verifier.spelled`, :mod:`verifier.units`)
and the date reader (:mod:`verifier.dates`) read text with these words; they live here, apart from
any of them, so that quantities.py can import dates.py and spelled.py without a cycle.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

import simplemma

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself nor of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves said says say according currently now which whose per via as well still
    being amid since""".split()
)
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Prepositions after a measure's or a mover's noun that say where, when or whose it is: the noun
# before them is the head ("Reservoirs in southern Tarsenia", "spending on maintenance"). Not
# "of", which can name the measure itself ("the number of visitors", "sales of cars").
PLACING = frozenset("in on at for across among within from during".split())
TOKEN_RE = re.compile(r"[A-Za-z](?:[A-Za-z.'’-]*[A-Za-z])?\.?|\d+(?:[.,]\d+)*")
# The words that make a count the increase rather than the total: "nine new cases", "14
# additional deaths" (`changes.new_count` reads them after a figure; `neighbours` strips them
# from a unit a total inherits).
INCREMENT_WORDS = ("new", "additional", "further")
NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion trillion"
).split()
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
ORDINAL_WORDS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
ORDINAL_WORDS.update(
    {f"{t}ieth": 10 * (i + 3) for i, t in enumerate("thirt fort fift sixt sevent eight ninet".split())}
)


def ranks(word: str) -> bool:
    """Is this word an ordinal ("fifth", "fifth-round")? "second" after a number is time."""
    first = word.split("-")[0]
    return first in ORDINAL_WORDS and first != "second"


# Forms the lemmatiser reads as other words: "won" (a currency), "rose" (a flower).
_LEMMA_FIXES = {"won": "win", "rose": "rise"}


@lru_cache(maxsize=65536)  # called for every word of every sentence judged: a few thousand distinct ones
def lemma(word: str) -> str:
    w = word.lower().replace("’", "'").strip(".'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _LEMMA_FIXES:
        return _LEMMA_FIXES[w]
    return simplemma.lemmatize(w, lang="en").lower() if w.isalpha() else w


def content_lemmas(text: str) -> frozenset[str]:
    """The lemmas of a text's words, stopwords aside: what two sentences are compared on."""
    return frozenset(lemma(t.lower()) for t in TOKEN_RE.findall(text) if t.lower() not in STOPWORDS)


def said_in(word: str, seen: Collection[str]) -> bool:
    """Is the word among ``seen``, or do five letters or more of it open one ("closure" for
    "closures")?"""
    return word in seen or (len(word) >= 5 and any(s.startswith(word[:5]) for s in seen))


# Units of measure, as (kind, size in the kind's base unit), so that "two weeks" answers "14
# days" and "1.2 km" answers "1,200 metres" (months and years at their average length: "6
# months" is about 183 days, within the rounding prose allows). Not "pound": money or weight.
_MEASURE_WORDS = {
    "time": {
        "second": 1 / 86400,
        "minute": 1 / 1440,
        "hour": 1 / 24,
        "day": 1.0,
        "week": 7.0,
        "fortnight": 14.0,
        "month": 30.44,
        "year": 365.25,
        "decade": 3652.5,
        "century": 36525.0,
    },
    "rate": {"percentage-point": 1.0, "basis-point": 0.01},
    # "aged 45", "a 45-year-old", "a 12-month-old": ages, in years.
    "age": {"age": 1.0, "year-old": 1.0, "month-old": 1 / 12, "week-old": 7 / 365.25, "day-old": 1 / 365.25},
    "length": {
        "millimetre": 0.001,
        "millimeter": 0.001,
        "mm": 0.001,
        "centimetre": 0.01,
        "centimeter": 0.01,
        "cm": 0.01,
        "metre": 1.0,
        "meter": 1.0,
        "m": 1.0,
        "kilometre": 1000.0,
        "kilometer": 1000.0,
        "km": 1000.0,
        "inch": 0.0254,
        "foot": 0.3048,
        "feet": 0.3048,
        "ft": 0.3048,
        "yard": 0.9144,
        "mile": 1609.344,
    },
    # "12 square kilometres" (read as one word, "square-kilometre"; "sq km" and "km²" are read
    # so too), "1,200 hectares", "3,000 acres".
    "area": {
        "square-metre": 1e-4,
        "square-meter": 1e-4,
        "hectare": 1.0,
        "ha": 1.0,
        "acre": 0.40468564,
        "square-kilometre": 100.0,
        "square-kilometer": 100.0,
        "square-mile": 258.998811,
    },
    "mass": {
        "gram": 0.001,
        "g": 0.001,
        "kilogram": 1.0,
        "kg": 1.0,
        "tonne": 1000.0,
        "ton": 1000.0,
        "lb": 0.45359237,
    },
}
MEASURES = {
    form: (kind, size)
    for kind, words in _MEASURE_WORDS.items()
    for word, size in words.items()
    for form in {word, lemma(word)}
}


# A currency before a figure is what it counts: "$ 159.8 million" and "over $81 million"
# are both dollars (and the qualifier sits before the symbol); "US $ 900" is written spaced too.
CURRENCY_RE = re.compile(
    r"(?:\bUS ?\$|A\$|C\$|\bHK ?\$|\$|£|€|¥|₹|\bRs\.?"
    r"|\b(?:USD|EUR|GBP|JPY|INR|CHF|SEK|NOK|DKK|CNY|RUB|TRY|PLN|ZAR|MXN|ILS|AED|SAR|KWD|HUF))\s?$"
)
# One name per currency, whichever way it is written: "US$3.4 billion" is "$3.4bn", "EUR 5m" is
# "€5m", "Rs 500 crore" is "₹500 crore" (crore and lakh stay units: sums in them are
# compared with each other).
CURRENCY_CODES = {"US$": "$", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "RS": "₹"}
CURRENCY_WORDS = {"dollar": "$", "euro": "€", "pound": "£", "yen": "¥", "rupee": "₹"}
# Currencies written only as words, as their ISO codes: "540 Swiss francs" is not "540 euros".
CURRENCY_WORDS.update(
    {
        "franc": "CHF",
        "krona": "SEK",
        "kronor": "SEK",
        "krone": "NOK",
        "kroner": "NOK",
        "yuan": "CNY",
        "renminbi": "CNY",
        "rouble": "RUB",
        "ruble": "RUB",
        "lira": "TRY",
        "zloty": "PLN",
        "rand": "ZAR",
        "peso": "MXN",
        "shekel": "ILS",
        "dirham": "AED",
        "riyal": "SAR",
        "dinar": "KWD",
        "forint": "HUF",
        "forints": "HUF",
    }
)

# "world No.1", "from No.14 to No.6": a rank, said from its "No." on (not a name "No.14").
RANK_NO_RE = re.compile(r"\bNo\.\s?(\d{1,3})\b(?![.,]\d)")
