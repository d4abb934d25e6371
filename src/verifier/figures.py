"""The figure every reader builds and every comparer reads: :class:`Quantity` (a value with what
it counts, its qualifier and where it stands in the sentence), :func:`make_quantity` (one built
from the words that name what it counts) and :func:`measure` (what kind of figure it is).

Separate from :mod:`verifier.quantities` because more than one module builds figures: the main
reader there, the readers of figures said only in words (:mod:`verifier.spelled`) that it calls,
and the passes that join neighbouring figures (:mod:`verifier.neighbours`). With the type here,
those import it and quantities.py imports them without a cycle; the comparers
(:mod:`verifier.compare`, :mod:`verifier.judge`, ...) need only this module.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from verifier.lexicon import MEASURES
from verifier.units import PEAK_BOUNDS, is_currency

# Ordinals are figures of their own kind: "ranked 4th" answers "ranked fourth" and refutes
# "ranked fifth", but no ordinal is a count ("the 5th round" is not "5 rounds").
ORDINAL = "#th"
# The unit of a time of day ("3:12 a.m.", in minutes after midnight), and the mark of a
# percentage that is a probability ("90% probability"): each is compared only with its own kind.
CLOCK = "clock"
_TO_THE_SECOND = re.compile(r"\d:[0-5]\d(?:\.\d+)?$|\bminutes?\s+\d+(?:\.\d+)?$")
CHANCE = "chance"


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
    # "up to 70 km/h", "as many as 40 people": a bound that reports the highest figure reached,
    # not a limit; against another such bound it is compared as that figure (compare.py).
    peak: bool = False

    def interval(self) -> tuple[float, float]:
        v = self.value
        if self.upper is not None:
            return v, self.upper
        if self.head == CLOCK:
            # A time of day, in minutes after midnight: "about 5:40 p.m." is within a quarter
            # of an hour, "5:40 p.m." is that minute.
            return (v - 15, v + 15) if self.qualifier == "approx" else (v - 0.5, v + 0.4995)
        if self.qualifier == "exact" and _TO_THE_SECOND.search(self.text):
            return v - 0.5, v + 0.5  # a race time, "2:04:51" or "2 hours 4 minutes 51", is to the second
        if self.qualifier == "approx":
            # "About" widens a round figure by a tenth, a precise one by a few steps of its
            # last digit: "about 2,500" may be 2,300, "about 91.3%" is not 95%.
            spread = abs(v) * 0.1
            step = written_step(self.text, v)
            if step is not None:
                spread = min(spread, APPROX_STEPS * step)
            return v - spread, v + spread
        if self.qualifier in ("more", "atleast"):
            return v, math.inf
        if self.qualifier in ("less", "atmost"):
            return -math.inf, v
        if abs(v) >= 1000:
            # Large exact figures are still rounded in prose ("2,500" may be 2,480), by a
            # hundredth at most: a figure written more precisely is read to its last digit
            # ("9.85 billion" is not 9.75 billion, "7,492" not 7,450).
            step = written_step(self.text, v)
            spread = abs(v) * 0.01 if step is None else min(abs(v) * 0.01, step / 2)
            return v - spread, v + spread
        # A small one is exact to its last digit: "45 %" is 45.4 but not 46, "90" is not 89.
        if v != int(v) and not re.search(r"\d", self.text):
            return v * 0.99, v * 1.01  # a fraction in words: "a quarter of a point" is 0.25
        fraction = re.search(r"\d\.(\d+)", self.text)
        decimals = len(fraction.group(1)) if fraction else 0
        half = 0.5 * 10.0**-decimals
        return v - half, v + half * 0.999

    def describe(self) -> str:
        return self.text


APPROX_STEPS = 2.5

# Words a whole may carry after "of its" that say what kind of total it is: "310 of its usual
# 2,150 daily trains", "40 of the planned 120 flights".
WHOLE_ADJECTIVES = frozenset(
    "usual normal regular scheduled planned total original available possible".split()
)


def written_step(text: str, value: float) -> float | None:
    """The size of the last significant digit of a figure written in digits, in the figure's
    value ("91.3" -> 0.1, "2,500" -> 100, "7.4 million" -> 100,000); None for words."""
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    if m is None:
        return None
    written = float(m.group(0).replace(",", ""))
    if not written:
        return None
    scale = value / written
    if m.group(1):
        return abs(scale) * 10.0 ** -len(m.group(1))
    digits = m.group(0).split(".")[0].replace(",", "")
    return abs(scale) * 10.0 ** (len(digits) - len(digits.rstrip("0")))


_RATE_POINTS = {("basis", "point"): "basis-point", ("percentage", "point"): "percentage-point"}


_PEAK = re.compile(r"\b(?:" + "|".join(PEAK_BOUNDS) + r")\s*(?:US\$|[$£€¥₹])?\s*$", re.I)


def make_quantity(value: float, text: str, start: int, end: int, unit: list[str], qual: str) -> Quantity:
    """The figure ``text[start:end]`` with the words it counts (``unit``, lemmas in reading order),
    its head the word it is compared by."""
    # "25 basis points" is a quarter of "1 percentage point", not 25 of them.
    if tuple(unit[:2]) in _RATE_POINTS:
        unit = [_RATE_POINTS[(unit[0], unit[1])], *unit[2:]]
    elif unit[:1] in (["bps"], ["bp"]):
        unit = ["basis-point", *unit[1:]]
    elif len(unit) > 1 and unit[0] in ("square", "sq") and f"square-{unit[1]}" in MEASURES:
        unit = [f"square-{unit[1]}", *unit[2:]]  # "12 square kilometres" is an area, not a length
    # A unit of measure is what the figure counts, whatever follows: "1.2 km long", "a 12-month
    # timeline" count kilometres and months.
    head = unit[0] if unit and unit[0] in MEASURES else unit[-1] if unit else ""
    peak = qual == "atmost" and _PEAK.search(text, max(0, start - 30), start) is not None
    return Quantity(value, text[start:end].strip(), frozenset(unit), qual, start, end, head, peak=peak)


def measure(q: Quantity) -> str:
    """What kind of figure: a percentage, a rank, a currency, a rating scale, or a plain count."""
    special = [u for u in q.unit if u in ("%", ORDINAL) or u.startswith("/") or is_currency(u)]
    return special[0] if special else "count"
