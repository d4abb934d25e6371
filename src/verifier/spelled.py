"""Figures said in phrases, which the digit and number-word readers would miss or misread:
fractions of a unit, a scale or a whole ("a quarter of a percentage point", "half a million",
"two-thirds of the members"), "two and a half million", "half a dozen", "a decade", and counts of
nothing ("no deaths", "did not cut any jobs").

Separate from :mod:`verifier.quantities` to keep each module small. These readers build their
figures with :func:`verifier.figures.make_quantity` and never call the main reader, so
quantities.py imports them (it reads these first, and leaves their words alone) and nothing here
imports it back.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from verifier.figures import Quantity, make_quantity
from verifier.lexicon import NUMBER_WORDS, SCALES, TOKEN_RE
from verifier.negation import negation_spans
from verifier.units import is_count_synonym, qualifier_at, unit_after

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
# "a quarter point", "a half-point rise", "three-quarter point": a fraction of a point, which
# with no other word is a percentage point (rates, yields, shares of the vote).
POINT_FRACTION_RE = re.compile(
    r"(?<![\w-])(?:(?P<n>an?|one|three)[\s-]+)?(?P<f>half|quarter)[\s-]+(?P<pct>percentage[\s-]+)?points?\b",
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
# "A decade in prison", "over a century": one of a long unit, as "ten years" is ten of a short one.
A_DECADE_RE = re.compile(r"\b(?:a|one)\s+(?P<unit>decade|century)\b", re.IGNORECASE)
DOZEN_RE = re.compile(
    r"\b(?:(?P<half>half\s+a)|(?P<n>a|one|two|three|four|five|six))\s+dozen\b", re.IGNORECASE
)


# "dozens of", "hundreds of", "tens of thousands of": a count known only by its order, read as
# a range from the word's own size ("hundreds" is 100-1,999, "thousands" 1,000 or more), so
# "hundreds of flights" is met by 640 and refuted by 64, and "tens of thousands" leaves 50,000
# open.
VAGUE_RE = re.compile(
    r"(?<![\w-])(?:(?P<many>tens|hundreds)\s+of\s+)?(?P<w>dozens|hundreds|thousands|millions|billions)"
    r"(?=\s+of\s+[a-z])",
    re.IGNORECASE,
)
_VAGUE_SIZES = {"dozens": 12, "hundreds": 100, "thousands": 1000, "millions": 1e6, "billions": 1e9}
_VAGUE_TIMES = {"tens": 10, "hundreds": 100}


# "One in three patients", "nine in 10 voters", "1 in every 5 homes": a share, as "a third of
# patients" is. Not "one in 2021" (a year), "two in three hours" (a time), a chart place ("number
# one in 17 countries"), nor "X out of Y", which counts a part of a whole ("ten out of 13 winners")
# or gives a score ("70 out of 100").
_RATIO_NUMBER = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand"
ONE_IN_RE = re.compile(
    rf"(?<![\d.,])\b(?P<n>{_RATIO_NUMBER})\s+in\s+(?:every\s+)?(?P<d>{_RATIO_NUMBER})\b"
    r"(?=\s+(?!(?:hours?|minutes?|days?|weeks?|months?|years?|seconds?|stars?|points?|based)\b)[a-z]+)",
    re.IGNORECASE,
)
_NOT_A_SHARE = re.compile(
    r"\b(?:number|no\.|#|score(?:d)?|rat(?:ed|ing)|gave(?:\s+\w+){0,2}|of)\s*$", re.IGNORECASE
)
_RATIO_WORDS = {**_SMALL_NUMBERS, "twenty": 20, "hundred": 100, "thousand": 1000}


def _percent(unit: list[str]) -> list[str]:
    """ "Half a percent", "a quarter of a per cent": a percentage."""
    return (
        ["%", *unit[1:]]
        if unit[:1] == ["percent"]
        else ["%", *unit[2:]]
        if unit[:2] == ["per", "cent"]
        else unit
    )


def fraction_figures(text: str, free: Callable[[int, int], bool]) -> Iterator[Quantity]:
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
            yield make_quantity(value, text, m.start(), m.end(), unit, qualifier_at(text, m.start()))
    for m in UNIT_AND_A_HALF_RE.finditer(text):
        if free(m.start(), m.end()):
            unit = [m.group("unit").lower()]
            yield make_quantity(1.5, text, m.start(), m.end(), unit, qualifier_at(text, m.start()))
    for m in DOZEN_RE.finditer(text):
        if free(m.start(), m.end()):
            value = 6 if m.group("half") else 12 * _SMALL_NUMBERS[m.group("n").lower()]
            unit = unit_after(text[m.end() :])
            yield make_quantity(value, text, m.start(), m.end(), unit, qualifier_at(text, m.start()))
    for m in A_DECADE_RE.finditer(text):
        if free(m.start(), m.end()):
            unit = [m.group("unit").lower()]
            # Not to the last digit: "a decade" is about ten years, not anything from five to 15.
            qual = qualifier_at(text, m.start())
            yield make_quantity(1.0, text, m.start(), m.end(), unit, "approx" if qual == "exact" else qual)
    for m in ONE_IN_RE.finditer(text):
        n, d = (m.group(g).lower() for g in ("n", "d"))
        num = float(n) if n.isdigit() else _RATIO_WORDS[n]
        den = float(d) if d.isdigit() else _RATIO_WORDS[d]
        if _NOT_A_SHARE.search(text, 0, m.start()):
            continue
        if 0 < num < den and free(m.start(), m.end()):
            qual = qualifier_at(text, m.start())
            share = "approx" if qual == "exact" else qual
            yield make_quantity(100 * num / den, text, m.start(), m.end(), ["%"], share)
    for m in VAGUE_RE.finditer(text):
        if not free(m.start(), m.end()) or qualifier_at(text, m.start()) != "exact":
            continue  # "more than a thousands of": the bound is the reading, as before
        word, many = m.group("w").lower(), (m.group("many") or "").lower()
        unit = unit_after(re.sub(r"^\s+of\b", "", text[m.end() :]))
        if not unit or (many and word == "dozens"):
            continue  # "hundreds of SR20s": no count noun to compare by
        size = _VAGUE_SIZES[word] * _VAGUE_TIMES.get(many, 1)
        low = 2 * size if word == "dozens" else size  # "dozens" is two dozen or more
        # Large orders are said loosely upwards ("millions of copies" for 31 million); "dozens"
        # and "hundreds" are not ("dozens" of 5,000 misleads).
        high = 20 * size - 1 if size < 1000 else math.inf
        yield replace(make_quantity(low, text, m.start(), m.end(), unit, "range"), upper=high)
    for m in POINT_FRACTION_RE.finditer(text):
        if free(m.start(), m.end()):
            n = _SMALL_NUMBERS[(m.group("n") or "one").lower()]
            value = n / _DENOMINATORS[m.group("f").lower()]
            yield make_quantity(
                value, text, m.start(), m.end(), ["percentage-point"], qualifier_at(text, m.start())
            )
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
        if unit[:1] == ["point"]:
            unit = ["percentage-point", *unit[1:]]  # "half a point": of a rate or a share
        if m.group("scale"):
            value *= SCALES[m.group("scale").strip(" -").lower()]
            yield make_quantity(value, text, m.start(), m.end(), unit, qual)
        elif det in ("a", "an"):
            # The span ends at "a": the unit words that follow are the phrase's to quote.
            yield make_quantity(value, text, m.start(), m.end("det"), unit, qual)
        else:
            # A share is a rounded statement: "half the vote" for 48% or 52%.
            share = "approx" if qual == "exact" else qual
            yield make_quantity(100 * value, text, m.start(), m.end("f"), ["%"], share)


# "No deaths were reported", "did not cut any jobs", "not a single vote", "zero cases": a count
# of nothing, which any other count of the same thing contradicts.
ZERO_RE = re.compile(
    r"\b(?:(?P<no>no)|(?P<zero>zero)|(?:not|n't|never)\s+(?:[a-z]+\s+){0,2}?(?P<any>any|a\s+single))\s+(?=[a-z])",
    re.IGNORECASE,
)
_PLURAL_SURFACE = re.compile(r"(?:[^s]s|ies|people|children|men|women|police|staff)$")


def zero_counts(text: str) -> Iterator[Quantity]:
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
        yield make_quantity(0.0, text, start, m.end(group), unit, "exact")
