"""Figures in a sentence: counts, amounts, percentages, ratings, ranks, ranges and lengths of
time in every written form ("2,500", "2.5bn", "twenty-one", "4th", "two-thirds of the members",
"half a dozen", "no deaths"), each as a :class:`Quantity` with its unit and qualifier.

Number words go through text2num; what a figure counts and how it is qualified are read by
:mod:`verifier.units`. :func:`extract_quantities` leaves alone the date spans it is given and
any bare year (:func:`verifier.dates.is_year`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from text_to_num import text2num

from verifier.dates import is_year
from verifier.lexicon import (
    CURRENCY_WORDS,
    MEASURES,
    MONTHS,
    ORDINAL_WORDS,
    SCALES,
    STOPWORDS,
    TOKEN_RE,
    ranks,
)
from verifier.negation import negation_spans
from verifier.units import (
    counted_event,
    currency_before,
    is_count_synonym,
    is_currency,
    names_it,
    qualifier_at,
    qualifier_before,
    unit_after,
    unit_before,
    unit_of,
)

NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion trillion"
).split()
_NUM_WORD = r"(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
# Ordinals are figures of their own kind: "ranked 4th" answers "ranked fourth" and refutes
# "ranked fifth", but no ordinal is a count ("the 5th round" is not "5 rounds").
ORDINAL = "#th"
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
    r"(?<![\w./])(?<!\w-)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}(?![.,]?\d)"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![.,]?\d)|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<suffix>k|m|mn|bn|b|tn)\b|\s*(?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?P<pct>\s?%|\s+per\s?cent\b|\s+percent\b)?",
    re.IGNORECASE,
)
WORDNUM_RE = re.compile(
    rf"\b{_NUM_WORD}(?:(?:\s+and\s+|[\s-]+){_NUM_WORD})*\b(?P<pct>\s+per\s?cent\b|\s+percent\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    value: float
    text: str
    unit: frozenset[str]  # lemmas of the words the number counts ("troop"), {"%"} for percentages
    qualifier: str  # exact | approx | more | atleast | less | atmost
    start: int
    end: int
    head: str = ""  # the last word of the unit: "confirmed cases" counts cases, not "confirmed"
    upper: float | None = None  # a range's upper end ("between 10 and 20": value 10, upper 20)
    # A part of a whole the sentence also gives ("two of the three reactors", "12 novels, of
    # which three"): where the whole's figure starts, so a claim about the whole is not answered
    # by the part.
    whole_at: int | None = None

    def interval(self) -> tuple[float, float]:
        v = self.value
        if self.upper is not None:
            return v, self.upper
        if self.qualifier == "approx":
            return v * 0.9, v * 1.1
        if self.qualifier in ("more", "atleast"):
            return v, math.inf
        if self.qualifier in ("less", "atmost"):
            return -math.inf, v
        if abs(v) >= 1000:
            # Large exact figures are still rounded in prose ("2,500" may be 2,480).
            return v * 0.99, v * 1.01
        # A small one is exact to its last digit: "45 %" is 45.4 but not 46, "90" is not 89.
        if v != int(v) and not re.search(r"\d", self.text):
            return v * 0.99, v * 1.01  # a fraction in words: "a quarter of a point" is 0.25
        fraction = re.search(r"\d\.(\d+)", self.text)
        decimals = len(fraction.group(1)) if fraction else 0
        half = 0.5 * 10.0**-decimals
        return v - half, v + half * 0.999

    def describe(self) -> str:
        return self.text


# "8.8/10", "4/5": a rating out of its scale.
RATING_RE = re.compile(r"/(\d{1,3})\b")
# "40C", "104°F", "40 degrees Celsius": temperatures, read in Celsius so that the two scales
# compare.
_TEMPERATURE = re.compile(
    r"(?:\s?°\s?(?P<a>[CF])|(?P<b>[CF])|\s+degrees?\s+(?P<c>Celsius|Fahrenheit|centigrade|C|F))(?![\w-])"
)
# Ages as wire copy gives them: "died aged 83", "age 45", and "The minister, 52, resigned".
_AGED = re.compile(r"\b(?:aged|age|ages)\s+(?:of\s+)?$", re.IGNORECASE)
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


def _ordinal(value: float, text: str, start: int, end: int, qual: str) -> Quantity | None:
    """ "4th place", "fifth-round pick": the ordinal marker first, so the head is what is ranked."""
    if _RANK_BOUND.search(text[max(0, start - 20) : start]):
        return None
    after = text[end:]
    unit = [ORDINAL, *unit_after(after[1:] if after.startswith("-") else after)]
    return _quantity(value, text, start, end, unit, qual)


_RATE_POINTS = {("basis", "point"): "basis-point", ("percentage", "point"): "percentage-point"}


def _quantity(value: float, text: str, start: int, end: int, unit: list[str], qual: str) -> Quantity:
    # "25 basis points" is a quarter of "1 percentage point", not 25 of them.
    if tuple(unit[:2]) in _RATE_POINTS:
        unit = [_RATE_POINTS[(unit[0], unit[1])], *unit[2:]]
    elif unit[:1] in (["bps"], ["bp"]):
        unit = ["basis-point", *unit[1:]]
    # A unit of measure is what the figure counts, whatever follows: "1.2 km long", "a 12-month
    # timeline" count kilometres and months.
    head = unit[0] if unit and unit[0] in MEASURES else unit[-1] if unit else ""
    return Quantity(value, text[start:end].strip(), frozenset(unit), qual, start, end, head)


_DENOMINATORS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_SMALL_NUMBERS.update({w: n for n, w in enumerate("seven eight nine ten".split(), start=7)})
# "a quarter of a percentage point", "half a million", "two-thirds of the members", "half the
# vote". Not "the third of June", "a third term", "the second half of the season", "half-time".
FRACTION_RE = re.compile(
    r"(?<![\w-])(?:(?P<n>an?|one|two|three|four|nine)[\s-]+)?(?P<f>half|halves|thirds?|quarters?|fifths?|tenths?)"
    r"(?:(?:\s+of)?\s+(?P<det>an?|the|its|their|his|her|our|all|those|these)\b"
    r"|(?P<bare>\s+of)(?=\s+[A-Za-z]+[^su\W]s\b))?"  # "a third of adults", "half of Americans"
    r"(?P<scale>[\s-]+(?:million|billion|trillion))?(?<=[a-z])(?![\w-])",
    re.IGNORECASE,
)
_HALF_OF_WHAT = re.compile(
    r"\b(?:first|second|final|latter|former|other|better|bottom|top|back|front|lower|upper|last|next)\s+$",
    re.IGNORECASE,
)


# "two and a half million", "an hour and a half", "half a dozen", "two dozen".
AND_A_HALF_RE = re.compile(
    r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+and\s+a\s+half"
    r"(?P<scale>\s+(?:million|billion|trillion))?\b",
    re.IGNORECASE,
)
UNIT_AND_A_HALF_RE = re.compile(
    r"\ban?\s+(?P<unit>hour|day|week|month|year|mile|minute|second|century|decade)\s+and\s+a\s+half\b",
    re.IGNORECASE,
)
_A_SCALE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
SCALE_NUMBER_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
# "A decade in prison", "over a century": one of a long unit, as "ten years" is ten of a short one.
A_DECADE_RE = re.compile(r"\b(?:a|one)\s+(?P<unit>decade|century)\b", re.IGNORECASE)
DOZEN_RE = re.compile(
    r"\b(?:(?P<half>half\s+a)|(?P<n>a|one|two|three|four|five|six))\s+dozen\b", re.IGNORECASE
)


def _percent(unit: list[str]) -> list[str]:
    """ "Half a percent", "a quarter of a per cent": a percentage."""
    return (
        ["%", *unit[1:]]
        if unit[:1] == ["percent"]
        else ["%", *unit[2:]]
        if unit[:2] == ["per", "cent"]
        else unit
    )


def _fractions(text: str, free: Any) -> Iterator[Quantity]:
    """Figures said as fractions: of a unit or a scale ("a quarter of a percentage point" is 0.25
    percentage points, "half a million" 500,000, "two and a half million", "half a dozen"), or a
    share of a whole ("two-thirds of the members": about 67%)."""
    for m in AND_A_HALF_RE.finditer(text):
        n = m.group("n").lower()
        value = (float(n) if n.isdigit() else _SMALL_NUMBERS[n]) + 0.5
        if m.group("scale"):
            value *= SCALES[m.group("scale").strip().lower()]
        if free(m.start(), m.end()):
            unit = _percent(unit_after(text[m.end() :]))
            yield _quantity(value, text, m.start(), m.end(), unit, qualifier_at(text, m.start()))
    for m in UNIT_AND_A_HALF_RE.finditer(text):
        if free(m.start(), m.end()):
            unit = [m.group("unit").lower()]
            yield _quantity(1.5, text, m.start(), m.end(), unit, qualifier_at(text, m.start()))
    for m in DOZEN_RE.finditer(text):
        if free(m.start(), m.end()):
            value = 6 if m.group("half") else 12 * _SMALL_NUMBERS[m.group("n").lower()]
            unit = unit_after(text[m.end() :])
            yield _quantity(value, text, m.start(), m.end(), unit, qualifier_at(text, m.start()))
    for m in A_DECADE_RE.finditer(text):
        if free(m.start(), m.end()):
            unit = [m.group("unit").lower()]
            # Not to the last digit: "a decade" is about ten years, not anything from five to 15.
            qual = qualifier_at(text, m.start())
            yield _quantity(1.0, text, m.start(), m.end(), unit, "approx" if qual == "exact" else qual)
    for m in FRACTION_RE.finditer(text):
        word = m.group("f").lower().rstrip("s")
        n = m.group("n")
        if word != "half" and n is None:
            continue  # "third" alone is a rank ("the third of June")
        if word == "half" and _HALF_OF_WHAT.search(text, 0, m.start()):
            continue  # "the second half of the season"
        if not free(m.start(), m.end()):
            continue
        value = _SMALL_NUMBERS[(n or "one").lower()] / _DENOMINATORS[word]
        qual = qualifier_at(text, m.start())
        det = (m.group("det") or ("the" if m.group("bare") else "")).lower()
        if (
            not det
            and n is not None
            and text[m.start("f") - 1] == "-"
            and re.match(r"\s+of\b", text[m.end() :])
        ):
            det = "the"  # "two-thirds of registered voters": a share, whatever follows "of"
        if not det and not m.group("scale"):
            continue  # "a third term", "half-time"
        unit = _percent(unit_after(text[m.end() :]))
        if m.group("scale"):
            value *= SCALES[m.group("scale").strip(" -").lower()]
            yield _quantity(value, text, m.start(), m.end(), unit, qual)
        elif det in ("a", "an"):
            # The span ends at "a": the unit words that follow are the phrase's to quote.
            yield _quantity(value, text, m.start(), m.end("det"), unit, qual)
        else:
            # A share is a rounded statement: "half the vote" for 48% or 52%.
            share = "approx" if qual == "exact" else qual
            yield _quantity(100 * value, text, m.start(), m.end("f"), ["%"], share)


# "No deaths were reported", "did not cut any jobs", "not a single vote", "zero cases": a count
# of nothing, which any other count of the same thing contradicts.
ZERO_RE = re.compile(
    r"\b(?:(?P<no>no)|(?P<zero>zero)|(?:not|n't|never)\s+(?:[a-z]+\s+){0,2}?(?P<any>any|a\s+single))\s+(?=[a-z])",
    re.IGNORECASE,
)
_PLURAL_SURFACE = re.compile(r"(?:[^s]s|ies|people|children|men|women|police|staff)$")


def _zeros(text: str) -> Iterator[Quantity]:
    denying_no = {start for cue, start, _ in negation_spans(text) if cue == "no"}
    for m in ZERO_RE.finditer(text):
        group = next(g for g in ("no", "zero", "any") if m.group(g))
        if group == "no" and m.start("no") not in denying_no:
            continue  # "no longer", "No 10", "no-fly", a title
        unit = unit_after(text[m.end() :])
        surface = [t.lower() for t in TOKEN_RE.findall(text[m.end() : m.end() + 60])][: len(unit)]
        if not unit or unit[0] in NUMBER_WORDS or surface[:1] in (["longer"], ["more"]) or len(unit) > 2:
            continue  # "no one", "no longer operates", "no more"
        # A count of things: "no deaths", "any jobs", "not a single vote" (not "no evidence").
        single = "single" in (m.group("any") or "")
        if not (single or _PLURAL_SURFACE.search(surface[-1]) or is_count_synonym(unit[-1])):
            continue
        # "did not cut any jobs": quoted from the negation, so the explanation reads as a denial.
        start = m.start() if group == "any" else m.start(group)
        yield _quantity(0.0, text, start, m.end(group), unit, "exact")


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

    for q in _fractions(text, free):  # first: "two-thirds" is not 2, "half a million" not a million
        found.append(q)
        taken.append((q.start, q.end))
    for q in _zeros(text):
        found.append(q)
        taken.append((q.start, q.end))
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
            celsius = (value - 32) * 5 / 9 if scale == "F" else value
            qual = qualifier_before(text[max(0, m.start() - 25) : m.start()])
            found.append(_quantity(celsius, text, m.start(), temperature.end(), ["celsius"], qual))
            taken.append((m.start(), temperature.end()))
            continue
        if plain and names_it(text, m.start()):
            continue  # "Chapter 3", "Windows 10", "Apollo 11": a name, not a figure
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
        wide = text[max(0, m.start() - 45) : m.start()]  # "the population of Eritrea is"
        age_like = plain and not scale and value == int(value) and 0 < value < 120
        rating = RATING_RE.match(text, m.end())
        if m.group("pct"):
            unit = ["%"]
        elif age_like and (_AGED.search(before) or _appositive_age(text, m.start(), m.end())):
            unit = ["age"]
        elif metres:
            unit = ["metre", *unit_after(after)]
        elif rating:
            unit = [f"/{rating.group(1)}"]
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
        qual = qualifier_before(before)
        found.append(_quantity(value, text, m.start(), m.end(), unit, qual))
        taken.append((m.start(), m.end()))
    for m in ORDINAL_WORD_RE.finditer(text):
        if not free(m.start(), m.end()) or (
            m.group("unit").lower() == "second" and re.search(r"\d\s*$", text[: m.start()])
        ):
            continue  # "30 second": a time unit, not an ordinal
        if m.group("unit").lower() == "first" and not m.group("tens"):
            continue  # "first" orders nothing checkable far more often than it ranks
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
        unit = ["%"] if m.group("pct") else unit_after(text[m.end() :])
        if unit and unit[0] in CURRENCY_WORDS and (unit[0] != "pound" or value >= 1000):
            unit = [*unit[1:], CURRENCY_WORDS[unit[0]]]  # "one billion euros" is "€1bn"
        start = m.start()
        lead = _A_SCALE.search(text, max(0, start - 4), start)
        if lead and words.split()[0].lower() in SCALE_NUMBER_WORDS:
            start = lead.start()  # "over a billion dollars": the qualifier stands before "a"
        elif words.lower() in SCALE_NUMBER_WORDS:
            continue  # "the million-unit mark", "sold.906.95 million": no count of its own
        qual = qualifier_at(text, start)
        found.append(_quantity(value, text, start, m.end(), unit, qual))
    return _ranges(text, _durations(text, _shared_units(text, sorted(found, key=lambda q: q.start))))


# Only "between": "from 5% to 7%" is as often a change ("rose from 5% to 7%": now 7%) as a range.
_RANGE_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "Between 10 and 20 villages": one figure that lies somewhere in the range, so "about 12
    villages" is neither confirmed nor refuted by it, and "30" is refuted."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        between = (
            _RANGE_BETWEEN.search(text[max(0, prev.start - 12) : prev.start]) if prev is not None else None
        )
        if (
            prev is not None
            and between is not None
            and prev.upper is None
            and prev.qualifier == "exact"
            and q.qualifier == "exact"
            and prev.value < q.value
            and re.fullmatch(r"\s*and\s*", text[prev.end : q.start])
            and (not prev.unit or prev.unit == q.unit)
        ):
            start = max(0, prev.start - 12) + between.start()  # "between 10 and 20", as written
            out[-1] = replace(
                q, value=prev.value, upper=q.value, text=text[start : q.end], start=start, qualifier="range"
            )
            continue
        out.append(q)
    return out


def _durations(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "2 hours, 3 minutes and 12 seconds" is one length of time, counted in its smallest unit
    (7,392 seconds), so that "two hours and three minutes" is compared with all of it, not
    with "2 hours"."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        kind = MEASURES.get(q.head, ("", 0.0))
        prev_kind = MEASURES.get(prev.head, ("", 0.0)) if prev is not None else ("", 0.0)
        if (
            prev is not None
            and kind[0] == "time"
            and prev_kind[0] == "time"
            and prev_kind[1] > kind[1]
            and q.qualifier == "exact"
            and re.fullmatch(r"\W*(?:\w+\W+)?(?:and\s+)?", text[prev.end : q.start])
        ):
            value = round(prev.value * prev_kind[1] / kind[1] + q.value, 6)
            out[-1] = replace(
                prev, value=value, text=text[prev.start : q.end], unit=q.unit, end=q.end, head=q.head
            )
            continue
        out.append(q)
    return out


# Between the two figures of a change: "rose to 52 from 40", "52 on Tuesday, up from 40",
# "from 40 to 52".
_CHANGE_LINK = re.compile(r"[^.;:()]{0,25}\b(?:from|to)\s*", re.IGNORECASE)
# Between two figures of one count in a clause: "killed 23 people and displaced 8,000",
# "696 cases, of which 304 were in Republika Srpska", "12 deaths, including 3 children".
_SAME_COUNT_LINK = re.compile(
    r"[^.;:()]{0,40}\b(?:and|or|but|while|with|of\s+which|of\s+whom|among\s+them|including)\b[^.;:()]{0,40}",
    re.IGNORECASE,
)
# The two ends of a range or change written once for both: "from 1.2 to 1.5 million", "between
# 4.1 and 4.5%", "from $3 to $5 billion".
_RANGE_LINK = re.compile(r"\s*(?:to|and|-|–|—)\s*\$?", re.IGNORECASE)
_RANGE_LEAD = re.compile(r"\b(?:from|between)\s+\$?$", re.IGNORECASE)
_SCALE_WORD = re.compile(r"\b(thousand|million|billion|trillion)\b|\d\s*(bn|mn|tn|k)\b", re.IGNORECASE)


def _scale_of(text: str) -> float:
    m = _SCALE_WORD.search(text)
    return SCALES[(m.group(1) or m.group(2)).lower()] if m else 0.0


_PART_OF_WHICH = re.compile(r"\b(?:of\s+wh(?:ich|om)|among\s+them|including)\b", re.IGNORECASE)
# A part of a whole: "22 of the 28 provinces", "five out of nine members".
_PART_LINK = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?", re.IGNORECASE)


def _shared_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """A figure that names nothing takes the unit of the count just before it in the same
    clause: "killed 23 people and displaced more than 8,000" displaced 8,000 people. The two
    figures of a change count one thing, whichever of them names it ("the death toll rose to
    52 from 40": both are the toll; "from 40 to 52 deaths")."""
    out: list[Quantity] = []
    for q in found:
        if not out:
            out.append(q)
            continue
        prev = out[-1]
        between = text[prev.end : q.start]
        tight = _RANGE_LINK.fullmatch(between) and _RANGE_LEAD.search(text[: prev.start])
        if tight and not _scale_of(prev.text) and (scale := _scale_of(q.text)):
            # "from 1.2 to 1.5 million": 1.2 million; "from 4.1 to 4.5%": 4.1%.
            prev = out[-1] = replace(prev, value=prev.value * scale)
        if (
            re.fullmatch(r"\s*from\s*\$?", between)
            and re.search(r"\bto\s+\$?$", text[: prev.start])
            and not _scale_of(q.text)
            and (scale := _scale_of(prev.text))
        ):
            q = replace(q, value=q.value * scale)  # "rose to 5 billion from 3": 3 billion
        part_of_which = _PART_OF_WHICH.search(between)
        if tight and q.unit and (not prev.unit or measure(prev) != measure(q)):
            out[-1] = replace(prev, unit=q.unit, head=q.head)
        elif not prev.unit and q.unit and _PART_LINK.fullmatch(between):
            if measure(q) == "count":  # "22 of the 28 provinces": 22 provinces
                out[-1] = replace(prev, unit=q.unit, head=q.head, whole_at=q.start)
        elif bool(prev.unit) != bool(q.unit) and _CHANGE_LINK.fullmatch(between):
            named, bare = (prev, q) if prev.unit else (q, prev)
            if measure(named) == "count":
                bare = replace(bare, unit=named.unit, head=named.head)
                q, out[-1] = (bare, prev) if bare.start == q.start else (q, bare)
        elif (
            prev.unit
            and measure(prev) == "count"
            and _SAME_COUNT_LINK.fullmatch(between)
            and (part_of_which or (not q.unit and prev.unit.isdisjoint(MEASURES)))
        ):
            # A part ("300 pages, of which 40 deal with tax", "12 days, of which 3 were spent")
            # counts what its whole counts, whatever word follows it, and keeps what it says of
            # itself ("of which 117 have died": deaths too); what befell the whole befell it
            # ("killed 52, of whom 40 were passengers"). Otherwise what befell the first
            # ("killed 23") is not said of the second ("displaced 8,000").
            whole_at = prev.start if part_of_which else None
            unit = prev.unit | q.unit if part_of_which else prev.unit - {"death", "recovery"}
            if unit:
                head = prev.head if prev.head in unit else sorted(unit)[0]
                q = replace(q, unit=unit, head=head, whole_at=whole_at)
        out.append(q)
    return out


def measure(q: Quantity) -> str:
    """What kind of figure: a percentage, a rank, a currency, a rating scale, or a plain count."""
    special = [u for u in q.unit if u in ("%", ORDINAL) or u.startswith("/") or is_currency(u)]
    return special[0] if special else "count"
