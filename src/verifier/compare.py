"""Whether a sentence's figures agree with a claim's.

Two figures are compared only when they count the same thing (a unit word in common, one measure
in two units; in the loose reading, close values of one kind), and then by what each allows: its
qualifier and rounding ("more than 90", "about 2,500", "between 10 and 20"), in the claim's unit
("1,200 metres" for "1.2 km"). Agreeing and conflicting are separate questions, since a range
neither confirms nor refutes a point inside it. Dates, and figures tied to them, are compared in
:mod:`verifier.datecompare`.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from verifier.figures import CHANCE, CLOCK, ORDINAL, Quantity, measure, written_step
from verifier.lexicon import MEASURES
from verifier.units import is_currency, same_count_noun

# How close two figures must be to be read as one measurement without a shared unit word:
# contrastive edits ("more than 90" for 88) and rounding stay within it; unrelated counts
# in one sentence rarely do.
NEAR_RATIO = 1.25


def scale(claim_q: Quantity, ev_q: Quantity) -> float:
    """What an evidence figure is multiplied by to be read in the claim's unit ("1,200 metres"
    against "1.2 km": 0.001), when both are measures of one kind; 1 otherwise."""
    a, b = MEASURES.get(claim_q.head), MEASURES.get(ev_q.head)
    if a and b and a[0] == b[0]:
        return b[1] / a[1]
    return 1.0


def _bounds(claim_q: Quantity, ev_q: Quantity) -> tuple[float, float]:
    """What the evidence figure allows, in the claim's unit. Against a comparative claim ("more
    than 7,450") an exact figure is taken at its word (7,492 is more), not widened for rounding."""
    f = scale(claim_q, ev_q)
    if claim_q.qualifier in ("more", "atleast", "less", "atmost") and ev_q.qualifier == "exact":
        return ev_q.value * f, ev_q.value * f
    lo, hi = ev_q.interval()
    return lo * f, hi * f


# Across units, how far two exact figures may differ and still be one measurement: each is
# rounded in its own unit, so "two years" is not anything from 18 to 30 months.
CONVERTED_TOLERANCE = 0.05


def _reported(claim_q: Quantity, ev_q: Quantity) -> tuple[Quantity, Quantity] | None:
    """Two bounds that report one figure: "gusts of up to 90 km/h" against "up to 70 km/h" (each
    the highest reached) are 90 against 70, though "at most 70" would allow "at most 90"."""
    if claim_q.peak and ev_q.peak:
        return replace(claim_q, qualifier="exact", peak=False), replace(ev_q, qualifier="exact", peak=False)
    return None


def _peak_met(claim_q: Quantity, ev_q: Quantity) -> bool | None:
    """Whether a point the evidence gives confirms a claim's reported peak. "Up to 300
    passengers" says about 300 were reached: "carrying 212 passengers" stays within it but does
    not confirm it (nor refute it: a limit, "fines of up to $10,000", reads the same)."""
    if not claim_q.peak or ev_q.peak or ev_q.upper is not None or ev_q.qualifier not in ("exact", "approx"):
        return None
    return compatible(replace(claim_q, qualifier="approx", peak=False), ev_q)


def compatible(claim_q: Quantity, ev_q: Quantity) -> bool:
    if (points := _reported(claim_q, ev_q)) is not None:
        return compatible(*points)
    if (met := _peak_met(claim_q, ev_q)) is not None:
        return met
    lo, hi = _bounds(claim_q, ev_q)
    c = claim_q.value
    f = scale(claim_q, ev_q)
    if f != 1.0 and claim_q.qualifier == ev_q.qualifier == "exact" and claim_q.upper is ev_q.upper is None:
        v = ev_q.value * f
        return abs(c - v) <= CONVERTED_TOLERANCE * max(abs(c), abs(v))
    if claim_q.qualifier in ("more", "atleast"):
        return (
            lo >= c * 0.99
            if claim_q.qualifier == "atleast"
            else lo > c or (lo >= c and ev_q.qualifier == "more")
        )
    if claim_q.qualifier in ("less", "atmost"):
        return (
            hi <= c * 1.01
            if claim_q.qualifier == "atmost"
            else hi < c or (hi <= c and ev_q.qualifier == "less")
        )
    c_lo, c_hi = claim_q.interval()
    if (
        claim_q.qualifier == ev_q.qualifier == "approx"
        and claim_q.upper is None
        and ev_q.upper is None
        and claim_q.head != CLOCK
    ):
        # Two "about" figures are one where each lies within the other's rounding, not wherever
        # their roundings touch: "about 4,600" is not "about 4,100" (times of day keep their
        # quarter of an hour each way: "around 3pm" may be "around 3:30").
        v = ev_q.value * f
        # Each figure's rounding is at least half a step of its last digit: "around 0.2" is
        # anything that rounds to 0.2, about 0.17 included.
        own = max(c_hi - c, (_last_digit_step(claim_q) or 0.0) / 2)
        theirs = max(hi - v, (_last_digit_step(ev_q) or 0.0) * f / 2)
        return abs(c - v) <= max(own, theirs)
    if ev_q.upper is not None:
        # A range confirms only what holds wherever in it the figure lies: "between 10 and 20"
        # confirms "between 5 and 25", not "about 12".
        return c_lo <= lo and c_hi >= hi
    if ev_q.qualifier in _BOUNDS:
        # A bound confirms a point only at the bound ("killed 12" / "at least 12"): "at least
        # 12" leaves 30 open, though it allows it.
        b_lo, b_hi = replace(ev_q, qualifier="exact").interval()
        return c_lo <= b_hi * f and c_hi >= b_lo * f
    # A point claim matches when it overlaps what the evidence allows ("2,500" vs "approximately 2,500").
    return c_lo <= hi and c_hi >= lo


_BOUNDS = ("more", "atleast", "less", "atmost")


def conflicts(claim_q: Quantity, ev_q: Quantity) -> bool:
    if (points := _reported(claim_q, ev_q)) is not None:
        return conflicts(*points)
    lo, hi = _bounds(claim_q, ev_q)
    c = claim_q.value
    if claim_q.qualifier == ev_q.qualifier == "atleast":
        # "At least 37 homes destroyed" is the count so far: it refutes "at least 57", as a
        # count of 37 would, and confirms "at least 30".
        return ev_q.value < c * 0.99
    if ev_q.upper is not None and claim_q.qualifier not in ("more", "atleast", "less", "atmost"):
        c_lo, c_hi = claim_q.interval()
        return c_hi < lo or c_lo > hi  # only a claim outside the whole range is refuted
    if claim_q.qualifier in ("more", "atleast"):
        return hi < c or (hi <= c and claim_q.qualifier == "more")
    if claim_q.qualifier in ("less", "atmost"):
        return lo > c or (lo >= c and claim_q.qualifier == "less")
    if compatible(claim_q, ev_q):
        return False
    if ev_q.qualifier in _BOUNDS:
        c_lo, c_hi = claim_q.interval()
        return c_hi < lo or c_lo > hi  # "killed 10" against "at least 12"; not 30
    return True


def _last_digit_step(q: Quantity) -> float | None:
    """The size of the last significant digit of a figure as written: 1 million for "112
    million", 0.1 million for "7.4 million", 100 for "2,700", 10 for "50"; for a number in
    words ("six million", "fifty") its leading digit's."""
    if re.search(r"\d", q.text):
        return written_step(q.text, q.value)
    return 10.0 ** math.floor(math.log10(abs(q.value))) if q.value else None


def reported_bound(q: Quantity) -> Quantity:
    """A bound as reports round it: "over 112 million" is 112 million and some (under 113
    million), "more than 50 people" fewer than 60, "less than 100" at least 90. A reading, not
    logic: the tentative reading uses it, so that "grossed over $6 million" answers "more than
    $7.5 million"."""
    if q.upper is not None or q.qualifier not in ("more", "less") or q.value <= 0:
        return q
    step = _last_digit_step(q)
    if step is None:
        return q
    if q.qualifier == "more":
        return replace(q, upper=q.value + step * 0.999)  # "over six million" is under 7 million
    return replace(q, value=q.value - step, upper=q.value)


def other_currency(claim_q: Quantity, ev_q: Quantity) -> bool:
    """The claim's sum in another currency: "420 million euros" against "$420 million"."""
    a, b = measure(claim_q), measure(ev_q)
    return is_currency(a) and is_currency(b) and a != b and compatible(claim_q, ev_q)


def same_unit(a: Quantity, b: Quantity) -> bool:
    """Do the two figures count the same thing? The head word of one unit must be in the
    other: "2,500 troops" and "2,500 U.S. troops" do, "7,450 confirmed cases" and "293
    confirmed deaths" do not, though they share a word."""
    if (ORDINAL in a.unit) != (ORDINAL in b.unit):
        return False  # "the sixth album" is not "five albums"
    if (CHANCE in a.unit) != (CHANCE in b.unit):
        return False  # "90% probability" is not "90% of the warming"
    if ORDINAL in a.unit:
        # Ranks of the same thing: "4th place" and "fourth place", or two bare ranks ("drop to
        # 4th"); a bare rank is not matched to a named one ("seventh Ordinance", "second time").
        return (a.head == ORDINAL) == (b.head == ORDINAL) and (
            a.head == ORDINAL or bool((a.unit & b.unit) - {ORDINAL})
        )
    if {a.head, b.head} == {"%", "/100"}:
        return True  # "a score of 55 out of 100" is a 55% score
    if a.head in MEASURES and b.head in MEASURES:
        # "two weeks" and "14 days", "1.2 km" and "1,200 metres": one measure in two units
        return MEASURES[a.head][0] == MEASURES[b.head][0]
    if a.head and b.head:
        return any(same_count_noun(a.head, u) for u in b.unit) or any(
            same_count_noun(b.head, u) for u in a.unit
        )
    return bool(a.unit & b.unit)


def near(a: Quantity, b: Quantity) -> bool:
    """Close enough in value, and of the same kind, to be read as the same measurement when
    no unit word says so ("more than 90 critics" against "based on 88 reviews")."""
    if measure(a) != measure(b) or a.value <= 0 or b.value <= 0 or (CHANCE in a.unit) != (CHANCE in b.unit):
        return False
    return max(a.value, b.value) / min(a.value, b.value) <= NEAR_RATIO


def distance(a: Quantity, b: Quantity) -> float:
    """How far apart two figures are, as a ratio (so that 10 vs 12 is as far as 1,000 vs 1,200)."""
    return abs(math.log((abs(a.value) + 1e-9) / (abs(b.value * scale(a, b)) + 1e-9)))
