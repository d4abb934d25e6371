"""Figures in a sentence: counts, amounts, percentages, ratings, ranks, temperatures and ages in
every written form ("2,500", "2.5bn", "twenty-one", "4th", "40C", "died aged 83"), each as a
:class:`~verifier.figures.Quantity` with its unit and qualifier.

:func:`extract_quantities` reads them all: first the figures said in phrases
(:mod:`verifier.spelled`: "two-thirds of the members", "half a dozen", "no deaths"), then digits,
ordinals and number words, and last the figures read with their neighbours
(:mod:`verifier.neighbours`: "between 10 and 20", "2 hours and 3 minutes"). Number words go
through text2num; what a figure counts and how it is qualified are read by :mod:`verifier.units`.
:func:`extract_quantities` leaves alone the date spans it is given and any bare year
(:func:`verifier.dates.is_year`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from text_to_num import text2num

from verifier.clock import clock_times, elapsed_times
from verifier.dates import is_year
from verifier.figures import CHANCE, ORDINAL, Quantity, make_quantity
from verifier.lexicon import (
    CURRENCY_WORDS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    RANK_NO_RE,
    SCALES,
    STOPWORDS,
    ranks,
)
from verifier.neighbours import join_neighbours
from verifier.spelled import fraction_figures, zero_counts
from verifier.units import (
    counted_event,
    currency_before,
    fahrenheit_to_celsius,
    in_fahrenheit,
    names_it,
    qualifier_at,
    qualifier_before,
    temperature_change,
    unit_after,
    unit_before,
    unit_of,
)

_NUM_WORD = r"(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_TENS = {
    t: 10 * (i + 2) for i, t in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
ORDINAL_WORD_RE = re.compile(
    r"(?<![\w-])(?:(?P<tens>"
    + "|".join(_TENS)
    + r")[\s-])?(?P<unit>"
    + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
NUMBER_RE = re.compile(
    # Not the digits of a code word: "WWE 2K15", "A4B2".
    r"(?<![\w./])(?<!\w-)(?![\d.,]*\d[A-Za-z]+\d)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}(?![.,]?\d)"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![.,]?\d)|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<suffix>k|m|mn|bn|b|tn)\b|\s*(?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?P<pct>\s?%|\s+per\s?cent\b|\s+percent\b)?",
    re.IGNORECASE,
)
WORDNUM_RE = re.compile(
    rf"\b{_NUM_WORD}(?:(?:\s+and\s+|[\s-]+){_NUM_WORD})*\b(?P<pct>\s+per\s?cent\b|\s+percent\b)?",
    re.IGNORECASE,
)


# "8.8/10", "4/5": a rating out of its scale.
RATING_RE = re.compile(r"/(\d{1,3})\b")
# "a score of 61 out of 100", "8.3 out of 10": the same rating in words. Not a part of a whole
# ("8 out of 10 voters", "14 out of 19 provinces"): the scale is a usual one and no noun follows.
RATING_WORDS_RE = re.compile(
    r"\s+out\s+of\s+(10|100|5|4)\b(?!\s+(?!(?:based|from|on|by|and|with|in|at|according|indicating|"
    r"points?|stars?)\b)[A-Za-z])",
    re.IGNORECASE,
)
# "40C", "104°F", "40 degrees Celsius": temperatures, read in Celsius so that the two scales
# compare.
_TEMPERATURE = re.compile(
    r"(?:\s?°\s?(?P<a>[CF])|(?P<b>[CF])|\s+degrees?\s+(?P<c>Celsius|Fahrenheit|centigrade|C|F))(?![\w-])"
)
# A percentage that is a probability ("90% probability", "a 66% chance", "95% confidence",
# "a likelihood of 90%") is not a share of anything: "90% of the warming" is not it.
_CHANCE_AFTER = re.compile(
    r"\s*(?:chance|probability|likelihood|confidence|certainty|likely|odds)\b", re.IGNORECASE
)
_CHANCE_BEFORE = re.compile(
    r"\b(?:chance|probability|likelihood|confidence|odds)\s+(?:of|is|was|at)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _percent_unit(text: str, end: int, before: str = "") -> list[str]:
    """A percentage's unit: a probability's when words around it say so."""
    chance = _CHANCE_AFTER.match(text, end) or (before and _CHANCE_BEFORE.search(before))
    return [CHANCE, "%"] if chance else ["%"]


# Ages as wire copy gives them: "died aged 83", "age 45", and "The minister, 52, resigned".
_AGED = re.compile(r"\b(?:aged|age|ages)\s+(?:of\s+)?$", re.IGNORECASE)
# "Varga is 22 years old" is the age that "Varga, 22," gives.
_YEARS_OLD = re.compile(r"\s+years?\s+old\b", re.IGNORECASE)
# "aged 65 or over", "aged 20 to 39", "ages 25-64": the group a statistic is about, not anyone's
# age nor a figure to check (a claim about those aged 65 or over is not refuted by a figure for
# those aged 20 to 39).
_AGE_BRACKET = re.compile(
    r"\s*(?:(?:or|and)\s+(?:over|older|above|under|younger|more)\b|\+|(?:to|-|–)\s*\d+\b)", re.I
)
# "children under 15", "people over 65", "those aged under 18": an age group, not a figure.
_GROUP_BEFORE = re.compile(
    r"\b(?:children|people|those|pupils|students|adults|residents|women|men|girls|boys|teenagers|"
    r"youngsters|kids|aged)\s+(?:aged\s+)?(?:under|over|below|above|younger\s+than|older\s+than)\s+$",
    re.IGNORECASE,
)
_APPOSITIVE_BEFORE = re.compile(r"\b([A-Za-z][\w'’.-]*),\s*$")
_APPOSITIVE_AFTER = re.compile(r"\s*,\s*[A-Za-z]")
# "324 m tall", "the 100m final", "a depth of 10m": a bare "m" is metres when a dimension,
# a race or a length names it; after a currency ("£30m") or before a count ("5m people") it is
# a million, and where nothing says which it stays a million, as in most money prose.
_METRES_AFTER = re.compile(
    r"\s*(?:tall|long|high|wide|deep|thick|across|above|below|under\s?water|away|in\s+(?:height|length|"
    r"diameter|depth|width)|final|race|sprint|dash|hurdles|freestyle|butterfly|backstroke|breaststroke|"
    r"medley|relay|platform|springboard|swim)\b",
    re.IGNORECASE,
)
_METRES_BEFORE = re.compile(
    r"\b(?:height|depth|length|altitude|elevation|width|diameter|distance|radius|span|jump|throw)\s+"
    r"(?:of\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|around\s+)?$",
    re.IGNORECASE,
)


# A rate, not a span: "open seven days a week", "twice … three times a year", "48 hours a week".
_PER_PERIOD = re.compile(
    r"[\s-]*(?P<unit>hours?|days?|weeks?|months?|times)\s+(?:a|an|per|each|every)\s+"
    r"(?P<period>day|week|fortnight|month|year)\b",
    re.IGNORECASE,
)


def _number_value(num: str) -> float:
    """ "2,500", "15 899" and "1.234.567" group thousands; so does "250.000": a decimal part of
    exactly three zeros is written by nobody, while European text groups thousands with dots."""
    grouped = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3})", "", num).replace(",", "")
    if grouped.count(".") > 1 or re.fullmatch(r"\d{1,3}\.000", grouped):
        grouped = grouped.replace(".", "")
    return float(grouped)


# "ranked above the 150th", "below the 6th": a bound on a rank runs against its number (above
# 150th is 149th or better); not read.
_RANK_BOUND = re.compile(
    r"\b(?:above|below|over|under|higher|lower|better|worse|top|than)(?:\s+the)?\s*$", re.I
)


_BY_A_PART = re.compile(r"\bby\s+(?:a|one)\s+$", re.IGNORECASE)


def _from_word_start(text: str, start: int, end: int) -> str:
    while 0 < start < end and text[start - 1].isalnum():
        start += 1
    return text[start:end]


def _ordinal(value: float, text: str, start: int, end: int, qual: str) -> Quantity | None:
    """ "4th place", "fifth-round pick": the ordinal marker first, so the head is what is ranked."""
    if _RANK_BOUND.search(text[max(0, start - 20) : start]):
        return None
    after = text[end:]
    unit = [ORDINAL, *unit_after(after[1:] if after.startswith("-") else after)]
    return make_quantity(value, text, start, end, unit, qual)


_A_SCALE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
SCALE_NUMBER_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})


def _appositive_age(text: str, start: int, end: int) -> bool:
    """ "Smith, 45, of Leeds": a figure set off by commas right after a word is that person's age."""
    m = _APPOSITIVE_BEFORE.search(text, max(0, start - 40), start)
    if m is None or not _APPOSITIVE_AFTER.match(text, end):
        return False
    word = m.group(1).lower().rstrip(".")
    return word not in STOPWORDS and word not in MONTHS and not ranks(word)


def extract_quantities(text: str, date_spans: list[tuple[int, int]]) -> list[Quantity]:
    found: list[Quantity] = []
    taken = list(date_spans)

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for q in fraction_figures(text, free):  # first: "two-thirds" is not 2, "half a million" not a million
        found.append(q)
        taken.append((q.start, q.end))
    for q in zero_counts(text):
        found.append(q)
        taken.append((q.start, q.end))
    for q in [*elapsed_times(text, free), *clock_times(text, free, taken)]:
        if not free(q.start, q.end):
            continue
        found.append(q)
        taken.append((q.start, q.end))
    for m in RANK_NO_RE.finditer(text):
        if free(m.start(), m.end()) and int(m.group(1)) > 0:
            unit = [ORDINAL, *unit_after(text[m.end() :])]
            found.append(make_quantity(float(m.group(1)), text, m.start(), m.end(), unit, "exact"))
            taken.append((m.start(), m.end()))
    for m in NUMBER_RE.finditer(text):
        num = m.group("num")
        if not free(m.start(), m.end()):
            continue
        try:
            value = _number_value(num)
        except ValueError:
            continue
        plain = not (m.group("pct") or m.group("suffix") or m.group("scale"))
        ordinal = _ORDINAL_SUFFIX.match(text, m.end()) if plain and "." not in num else None
        if ordinal:
            rank = _ordinal(value, text, m.start(), ordinal.end(), qualifier_at(text, m.start()))
            if rank is not None:
                found.append(rank)
            taken.append((m.start(), ordinal.end()))
            continue
        if text[m.end() : m.end() + 1] == "-" and not m.group("pct"):
            after = text[m.end() + 1 :]  # "12-month": the number counts months
        else:
            after = text[m.end() :]
        if plain and is_year(value, num, after, text[max(0, m.start() - 12) : m.start()]):
            continue  # a bare year is a date, compared as such
        temperature = _TEMPERATURE.match(text, m.end()) if plain else None
        if temperature and temperature.group("b") and re.match(r"\s*[A-Z]", text[temperature.end() :]):
            temperature = None  # "the 4C Deterioration model": a name
        if temperature:
            scale = (temperature.group("a") or temperature.group("b") or temperature.group("c"))[0].upper()
            celsius = value
            if scale == "F":
                change = temperature_change(text, m.start(), temperature.end())
                celsius = fahrenheit_to_celsius(value, change)
            qual = qualifier_before(text[max(0, m.start() - 25) : m.start()])
            found.append(make_quantity(celsius, text, m.start(), temperature.end(), ["celsius"], qual))
            taken.append((m.start(), temperature.end()))
            continue
        bracket = _AGE_BRACKET.match(text, m.end()) if plain else None
        if bracket and _AGED.search(text, max(0, m.start() - 12), m.start()):
            taken.append((m.start(), bracket.end()))
            continue
        if plain and _GROUP_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "children under 15": the group a share is of, as "aged 65 or over" is
        if plain and "," not in m.group("num") and names_it(text, m.start()):
            # "Chapter 3", "Windows 10", "Apollo 11": a name, not a figure. Names do not group
            # thousands: "… and Serrano 225,000 tonnes" is Serrano's figure.
            continue
        scale = (m.group("suffix") or m.group("scale") or "").lower()
        before = text[max(0, m.start() - 25) : m.start()]
        metres = (
            scale == "m"
            and not currency_before(before)
            and bool(_METRES_AFTER.match(text, m.end()) or _METRES_BEFORE.search(before))
        )
        if metres:
            scale = ""
        value *= SCALES.get(scale, 1.0)
        # "the population of Eritrea is", "the population grew 3.2 percent over the past decade
        # to": from a word's start, so that a cut word ("…ion grew") is not read as a noun.
        wide = _from_word_start(text, max(0, m.start() - 90), m.start())
        age_like = plain and not scale and value == int(value) and 0 < value < 120
        rating = RATING_RE.match(text, m.end()) or (
            RATING_WORDS_RE.match(text, m.end()) if plain and not scale else None
        )
        if m.group("pct"):
            unit = _percent_unit(text, m.end(), before)
        elif age_like and (
            _AGED.search(before)
            or _YEARS_OLD.match(text, m.end())
            or _appositive_age(text, m.start(), m.end())
        ):
            unit = ["age"]
        elif metres:
            unit = ["metre", *unit_after(after)]
        elif rating:
            # What is rated stays a word of it ("a score of 57 out of 100" answers "a score lower
            # than 60"); the scale is the head.
            unit = [*unit_before(wide), f"/{rating.group(1)}"]
        else:
            currency = currency_before(before)
            # Money is what a currency figure counts, whatever words follow: the symbol is the head.
            unit = (
                [*unit_after(after), currency]
                if currency
                else unit_after(after) or unit_before(wide, age_like) or unit_of(after)
            )
            if not currency and unit and unit[0] in CURRENCY_WORDS and (unit[0] != "pound" or scale):
                # "30 million pounds" is "£30 million"; a bare "200 pounds" may be a weight.
                unit = [*unit[1:], CURRENCY_WORDS[unit[0]]]
                currency = unit[-1]
            event = None if currency else counted_event(before, after)
            if event and event not in unit:
                unit = [*unit, event]  # "7,844 people have died": the head is "death"
        qual = qualifier_at(text, m.start())
        # A rating in words takes its scale along: "out of 100" is no figure of its own.
        end = rating.end() if rating and not text.startswith("/", m.end()) else m.end()
        found.append(make_quantity(value, text, m.start(), end, unit, qual))
        taken.append((m.start(), end))
    for m in ORDINAL_WORD_RE.finditer(text):
        if not free(m.start(), m.end()) or (
            m.group("unit").lower() == "second" and re.search(r"\d\s*$", text[: m.start()])
        ):
            continue  # "30 second": a time unit, not an ordinal
        if m.group("unit").lower() == "first" and not m.group("tens"):
            continue  # "first" orders nothing checkable far more often than it ranks
        if _BY_A_PART.search(text, max(0, m.start() - 12), m.start()):
            taken.append((m.start(), m.end()))
            continue  # "fell by a fifth": a part of the whole, read as a change (verifier.changes)
        value = _TENS.get((m.group("tens") or "").lower(), 0) + ORDINAL_WORDS[m.group("unit").lower()]
        rank = _ordinal(value, text, m.start(), m.end(), qualifier_at(text, m.start()))
        if rank is not None:
            found.append(rank)
        taken.append((m.start(), m.end()))
    for m in WORDNUM_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        words = text[m.start() : m.end() - len(m.group("pct") or "")]
        if re.match(r"-(?:thirds?|quarters?|fifths?|tenths?)\b", text[m.end() :], re.IGNORECASE):
            continue  # "a two-thirds majority": a share, not two of anything
        if words.lower() in ("one", "zero") and not re.match(r"-[a-z]", text[m.end() : m.end() + 2]):
            continue  # "one of dozens": almost never a checkable count; "a one-year term" is
        try:
            value = float(text2num(words.lower().replace(" and ", " "), "en"))
        except ValueError:
            continue
        unit = _percent_unit(text, m.end()) if m.group("pct") else unit_after(text[m.end() :])
        if unit and unit[0] in CURRENCY_WORDS and (unit[0] != "pound" or value >= 1000):
            unit = [*unit[1:], CURRENCY_WORDS[unit[0]]]  # "one billion euros" is "€1bn"
        start = m.start()
        lead = _A_SCALE.search(text, max(0, start - 4), start)
        if lead and words.split()[0].lower() in SCALE_NUMBER_WORDS:
            start = lead.start()  # "over a billion dollars": the qualifier stands before "a"
        elif words.lower() in SCALE_NUMBER_WORDS:
            continue  # "the million-unit mark", "sold.906.95 million": no count of its own
        qual = qualifier_at(text, start)
        found.append(make_quantity(value, text, start, m.end(), unit, qual))
    # "children under five" in words too: an age group, as "children under 15" is.
    found = [
        q
        for q in found
        if not (
            q.value == int(q.value)
            and 0 < q.value < 120
            and _GROUP_BEFORE.search(text, max(0, q.start - 40), q.start)
        )
    ]
    return [_as_rate(text, q) for q in join_neighbours(text, found)]


# Any measure over a period: "0.2 degrees Celsius per decade", "0.54F (0.3C) per decade", "3.3 mm
# per year". Not "a year", which is as often a time ("a year ago", "a year earlier"); not past a
# comma or semicolon.
_PER_SPAN = re.compile(
    r"(?:[^()\d,;]{0,12}\))?(?:\s*\([^(),;]{1,30}\))?(?:\s+[A-Za-z°%]+){0,3}?(?:\s*\([^(),;]{1,30}\))?\s+"
    r"(?:(?:per|a|each|every)\s+(?P<period>decade|century)|per\s+(?P<period2>year|annum|month|week|day|hour))\b"
    # "from 31 a decade ago" is when, not how often
    r"(?!\s+(?:ago|earlier|before|later)\b)",
    re.IGNORECASE,
)


def _as_rate(text: str, q: Quantity) -> Quantity:
    """ "Seven days a week" counts days-a-week, "0.2 degrees Celsius per decade" celsius-per-decade:
    compared only with another such rate, never with a span ("15 years") or a level ("rose by
    0.12 degrees Celsius")."""
    m = _PER_PERIOD.match(text, q.end)
    if m is not None:
        rate = "-a-".join(w.lower().rstrip("s") for w in (m.group("unit"), m.group("period")))
        return replace(q, unit=frozenset({rate}), head=rate)
    m = _PER_SPAN.match(text, q.end)
    if m is None:
        return q
    period = (m.group("period") or m.group("period2")).lower()
    rate = f"{q.head or 'count'}-per-{'year' if period == 'annum' else period}"
    value = q.value
    raw = re.match(r"\d[\d,]*(?:\.\d+)?", q.text)
    if q.head == "celsius" and raw and in_fahrenheit(q.text):
        # A warming rate in Fahrenheit is a difference: 0.34F is 0.19C, no offset.
        value = fahrenheit_to_celsius(_number_value(raw.group()), change=True)
    return replace(q, value=value, unit=frozenset({rate}), head=rate)
