"""Whether a sentence's figures and dates agree with a claim's.

Two figures are compared only when they count the same thing (a unit word in common, one measure
in two units; in the loose reading, close values of one kind), and then by what each allows: its
qualifier and rounding ("more than 90", "about 2,500", "between 10 and 20"), in the claim's unit
("1,200 metres" for "1.2 km"). Agreeing and conflicting are separate questions, since a range
neither confirms nor refutes a point inside it. Dates are compared at the claim's own precision,
spans and bounds ("before 1967", "since 2017") included, and answer None where the two say
different kinds of thing. A figure or a running count tied to another date than the claim's
speaks of another moment, so its value confirms nothing.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Protocol

from verifier.dates import DateMention
from verifier.facts import Facts
from verifier.figures import CHANCE, ORDINAL, Quantity, measure, written_step
from verifier.lexicon import MEASURES
from verifier.units import is_currency, same_count_noun

# How close two figures must be to be read as one measurement without a shared unit word:
# contrastive edits ("more than 90" for 88) and rounding stay within it; unrelated counts
# in one sentence rarely do.
NEAR_RATIO = 1.25


def _scale(claim_q: Quantity, ev_q: Quantity) -> float:
    """What an evidence figure is multiplied by to be read in the claim's unit ("1,200 metres"
    against "1.2 km": 0.001), when both are measures of one kind; 1 otherwise."""
    a, b = MEASURES.get(claim_q.head), MEASURES.get(ev_q.head)
    if a and b and a[0] == b[0]:
        return b[1] / a[1]
    return 1.0


def _bounds(claim_q: Quantity, ev_q: Quantity) -> tuple[float, float]:
    """What the evidence figure allows, in the claim's unit. Against a comparative claim ("more
    than 7,450") an exact figure is taken at its word (7,492 is more), not widened for rounding."""
    f = _scale(claim_q, ev_q)
    if claim_q.qualifier in ("more", "atleast", "less", "atmost") and ev_q.qualifier == "exact":
        return ev_q.value * f, ev_q.value * f
    lo, hi = ev_q.interval()
    return lo * f, hi * f


# Across units, how far two exact figures may differ and still be one measurement: each is
# rounded in its own unit, so "two years" is not anything from 18 to 30 months.
CONVERTED_TOLERANCE = 0.05


def compatible(claim_q: Quantity, ev_q: Quantity) -> bool:
    lo, hi = _bounds(claim_q, ev_q)
    c = claim_q.value
    f = _scale(claim_q, ev_q)
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
    if ev_q.upper is not None:
        # A range confirms only what holds wherever in it the figure lies: "between 10 and 20"
        # confirms "between 5 and 25", not "about 12".
        return c_lo <= lo and c_hi >= hi
    # A point claim matches when it overlaps what the evidence allows ("2,500" vs "approximately 2,500").
    return c_lo <= hi and c_hi >= lo


def conflicts(claim_q: Quantity, ev_q: Quantity) -> bool:
    lo, hi = _bounds(claim_q, ev_q)
    c = claim_q.value
    if ev_q.upper is not None and claim_q.qualifier not in ("more", "atleast", "less", "atmost"):
        c_lo, c_hi = claim_q.interval()
        return c_hi < lo or c_lo > hi  # only a claim outside the whole range is refuted
    if claim_q.qualifier in ("more", "atleast"):
        return hi < c or (hi <= c and claim_q.qualifier == "more")
    if claim_q.qualifier in ("less", "atmost"):
        return lo > c or (lo >= c and claim_q.qualifier == "less")
    return not compatible(claim_q, ev_q)


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
    return abs(math.log((abs(a.value) + 1e-9) / (abs(b.value * _scale(a, b)) + 1e-9)))


def dates_match(c: DateMention, e: DateMention) -> bool | None:
    """True/False when comparable, None when the two say different kinds of thing. A date whose
    day and month may be either way round ("04/05/2021") matches if either reading does and
    conflicts only if both do."""
    if not (c.swapped or e.swapped):
        return _date_readings_match(c, e)
    results = {_date_readings_match(x, y) for x in _readings(c) for y in _readings(e)}
    if True in results:
        return True
    return False if results == {False} else None


def _readings(d: DateMention) -> list[DateMention]:
    return [d, replace(d, month=d.day, day=d.month, swapped=False)] if d.swapped else [d]


def same_event(c: DateMention, dates: list[DateMention]) -> list[DateMention]:
    """The sentence dates a claimed birth or death date may be read against: the sentence's own
    date of that event when it gives one ("born after 1970" against "(born November 2, 1953)
    ... Hellion (2014)"), and never the date of the other ("Knopfler died on 12 August 1949" is
    not held by "was born on 12 August 1949"). Tried: holding every other claim date off birth
    and death dates, and a birth claim off untagged dates; on training pairs that lost 24
    verdicts for none gained ("born in La Crosse County, Wisconsin, on August 27, 1919" is
    untagged; "Bred 2 Die Born 2 Live on May 5, 2006" is a title)."""
    if c.life is None:
        return dates
    if any(e.life == c.life and not e.lifespan for e in dates):
        return [e for e in dates if e.life == c.life and not e.lifespan]
    # An end of a life's span ("Smith (1870 – 1965)") is that event's own date; the
    # sentence's untagged dates stay in play, since the span may be another's ("Gein was born
    # ... on August 27, 1919, the son of George Gein (1873–1940)").
    return [
        replace(e, qualifier="exact", span=None) if e.lifespan else e
        for e in dates
        if e.life is None or (e.lifespan and e.life == c.life)
    ]


def _date_readings_match(c: DateMention, e: DateMention) -> bool | None:
    if e.span and not e.ongoing and c.year is not None and c.qualifier in ("exact", "before", "after"):
        # A span read as the years it covers: a point outside it is a conflict, a point inside
        # it is no word on that point ("mayor from 2006 to 2012" holds in 2010, "built between
        # 1920 and 1925" may not be 1923); "before 1749" holds of "(1719–1748)". A "by" or
        # "since" claim is still held to the span's own end or start ("until 2015").
        lo, hi = e.span
        if c.qualifier == "exact" and (c.life, c.year) in (("birth", lo), ("death", hi)) and e.year == c.year:
            return True  # "born in 1953" against "Smith (1953 – 2010)"
        if e.month is not None:
            # An end with a month is a point too: "(November 28, 1967 – February 8, 2007)"
            # holds "born before 1968" and "died on February 8, 2007".
            point = _date_readings_match(c, replace(e, qualifier="exact", span=None))
            if point or c.qualifier != "exact":
                return point
        whole = replace(e, year=lo, month=None, day=None, years=hi - lo + 1, qualifier="exact", span=None)
        return _years_match(c, whole)
    if c.span and not e.span:
        # A claimed span against a point: its own end year matches, a year outside it
        # conflicts, a year inside it says nothing of the span ("released between 1978 and
        # 2010" against "a remake in 1990"); "since 1980" is no point ("the 2018-19 season").
        if e.qualifier != "exact" or e.year is None or c.year is None:
            return None
        lo, hi = c.span
        return True if e.year == c.year else False if e.year < lo or e.year > hi else None
    if c.year is not None and e.year is not None and c.month is None and (c.years > 1 or e.years > 1):
        return _years_match(c, e)
    fields = [(a, b) for a, b in ((c.year, e.year), (c.month, e.month), (c.day, e.day)) if a is not None]
    if not fields or any(b is None for _, b in fields[:1]):
        return None
    if e.ongoing and c.qualifier == "exact" and None not in (c.year, e.year):
        # "Since 2017" speaks of every day from then on: it covers "in 2020" (not "in 2015").
        # After it, not on it: "has not won the league since 2010" says it won in 2010.
        common = [(a, b) for a, b in fields if b is not None]
        return True if tuple(a for a, _ in common) > tuple(b for _, b in common) else None
    if e.qualifier != c.qualifier and e.qualifier != "exact":
        return None  # a bound in the evidence ("after 2020") neither confirms nor refutes a point
    if c.qualifier != e.qualifier:
        # "before 1967" against 1965: compare at the claim's own precision.
        known = [(a, b) for a, b in fields if b is not None]
        ev, cl = tuple(b for _, b in known), tuple(a for a, _ in known)
        if c.qualifier == "by":  # inclusive: "by March 20" holds on March 20
            return ev <= cl
        if c.qualifier == "since":
            # "Has been minister since 2022" is said of its start: a later point ("the 2026
            # budget") is no word on when it began, an earlier one no longer in the period.
            return True if ev == cl else None if ev > cl else False
        return ev < cl if c.qualifier == "before" else ev > cl
    for a, b in fields:
        if b is not None and a != b:
            return False
    # A claim is only confirmed at its own precision: "30 September 2025" needs the day.
    if any(b is None for _, b in fields):
        return None
    return True


def other_reading(claim: Facts, ev: Facts) -> tuple[DateMention, DateMention] | None:
    """An "as of" date of the claim that the sentence does not state, against an "as of" date
    of the sentence: two readings of a running figure at different moments.

    Only between two readings: a bound ("cases after April 18") against a reading ("as of
    April 18, 21,654 cases") is compared figure by figure (:func:`open_reading`). On numeric
    VitaminC *training* pairs (16,000, scripts/fact_layer_check.py) two-reading pairs are
    labelled unknown 61 times and contradicted 42."""
    for d in claim.dates:
        results = [(e, dates_match(d, e)) for e in ev.dates]
        if any(ok for _, ok in results):
            continue
        for e, ok in results:
            if ok is False and e.snapshot and d.snapshot:
                return d, e
    return None


def _years_match(c: DateMention, e: DateMention) -> bool | None:
    """A year-only claim against a date when either covers several years ("the 1970s")."""
    assert c.year is not None and e.year is not None
    lo, hi = c.year, c.year + c.years - 1
    e_lo, e_hi = e.year, e.year + (e.years if e.month is None else 1) - 1
    if e.qualifier != "exact":
        return None
    if c.qualifier in ("before", "by"):
        limit = lo if c.qualifier == "before" else hi + 1
        return True if e_hi < limit else False if e_lo >= limit else None
    if c.qualifier in ("after", "since"):
        limit = hi if c.qualifier == "after" else lo - 1
        return True if e_lo > limit else False if e_hi <= limit else None
    if e_hi < lo or e_lo > hi:
        return False
    return True if lo <= e_lo and e_hi <= hi else None


# A date that opens its clause: "In 2019 , …", "…; by March 2020 , …".
_OPENS_CLAUSE = re.compile(r"(?:^|[;:,.]\s*)(?:(?:in|on|by|during|as\s+of)\s+(?:the\s+)?)?$", re.IGNORECASE)


class Said(Protocol):
    """Where a figure or a change ("rose 8%", a :class:`verifier.changes.Factor`) is written."""

    start: int
    end: int


def _said_end(facts: Facts, q: Said) -> int:
    """Where what is said of a figure may begin: past its range's last figure and that
    figure's other units in brackets ("1.1 to 6.4 °C (2.0 to 11.5 °F) between 1990 and 2100":
    the range's first figure is dated by what follows its last)."""
    last = next(
        (o for o in facts.quantities if o.start > q.end and _RANGE_TO.fullmatch(facts.text, q.end, o.start)),
        q,
    )
    after = _BRACKET_AFTER.match(facts.text, last.end)
    return after.end() if after else last.end


def _date_of(facts: Facts, q: Said) -> DateMention | None:
    """The date written right after a figure, in its clause ("84 cases in 2019", "1.1 to 6.4 °C
    (2.0 to 11.5 °F) between 1990 and 2100"), else the one that opens the figure's clause ("In
    2019 , the US had 2,500 troops"), or a span just before it ("between 1988 and 1997 would
    rise by 0.45 °C")."""
    end = _said_end(facts, q)
    for d in facts.dates:
        if 0 <= d.start - end <= 25 and not re.search(r"[\d;.,]", facts.text[end : d.start]):
            return d
    before = [
        d
        for d in facts.dates
        if 0 <= q.start - d.end <= 60
        and not re.search(r"[;.]|\d", facts.text[d.end : q.start])
        and (_OPENS_CLAUSE.search(facts.text, 0, d.start) or (d.span and q.start - d.end <= 30))
    ]
    return before[-1] if before else None


# The words between the two figures of a range: "1.1 to 6.4", "30-40".
_RANGE_TO = re.compile(r"\s*(?:to|-|–|—)\s*")
# A figure's other units in brackets: "1.1 to 6.4 °C (2.0 to 11.5 °F)".
_BRACKET_AFTER = re.compile(r"[^\w(]{0,3}\([^()]{1,40}\)")


# A period named relative to the text's own time: "last year", "this century", "the past
# decade". Such a period is compared only with another of its kind.
_RELATIVE_PERIOD = re.compile(
    r"\b(?P<when>last|past|previous|this|current|next|coming)\s+"
    r"(?P<unit>year|month|week|quarter|season|decade|century)\b",
    re.IGNORECASE,
)
_SAME_WHEN = {"past": "last", "previous": "last", "current": "this", "coming": "next"}
_CLAUSE_BREAK = re.compile(r"[;,](?!\d)|\.(?!\d)|\b(?:and|but|while|whereas)\b")


def _relative_period(facts: Facts, q: Said) -> tuple[str, str] | None:
    """The relative period a figure is given for, named in the words right after it (past its
    range's end and bracketed units: "(6.6 to 8.9 ft) this century") or just before it in its
    clause ("last year, sales rose 5%")."""
    end, text = _said_end(facts, q), facts.text
    m = _RELATIVE_PERIOD.search(_CLAUSE_BREAK.split(text[end : end + 50], maxsplit=1)[0])
    if m is None:
        m = _RELATIVE_PERIOD.search(_CLAUSE_BREAK.split(text[max(0, q.start - 50) : q.start])[-1])
    if m is None:
        return None
    when = m.group("when").lower()
    return _SAME_WHEN.get(when, when), m.group("unit").lower()


def dated_apart(claim: Facts, q: Said, ev: Facts, e: Said) -> bool:
    """Are the claim's figure and the sentence's equal figure each tied to another date? Then
    they are readings of two moments, and the equal value confirms nothing."""
    mine, theirs = _relative_period(claim, q), _relative_period(ev, e)
    if mine is not None and theirs is not None and mine != theirs:
        return True  # "rose 8 inches in the last century" and "could rise 6.6 ft this century"
    c, d = _date_of(claim, q), _date_of(ev, e)
    if c is not None and d is not None and (c.span or d.span):
        # "between 1988 and 1997" against "between 1990 and 2100" or "by 2100": two periods.
        if c.span and d.span:
            return c.span != d.span
        span, year = (c.span, d.year) if c.span else (d.span, c.year)
        if span is not None and year is not None and not span[0] <= year <= span[1]:
            return True
    if c is None or d is None or dates_match(c, d) is not False:
        return False
    # "second round advancements in 2002 & 2010": any date of the list may be the claim's.
    listed = [
        g
        for g in ev.dates
        if 0 <= g.start - e.end <= 40
        and not re.search(r"[;.]", ev.text[e.end : g.start])
        and not any(e.end <= o.start < g.start for o in ev.quantities)
    ]
    return not any(dates_match(c, g) for g in listed)


def _order(a: DateMention, b: DateMention) -> int | None:
    """-1, 0 or 1 as ``a`` falls before, on or after ``b``; None where one is vaguer than the
    other ("April" against "April 9") or covers years. A year left out is taken to be the
    other's ("15 April" against "April 15, 2020"), as in :func:`dates_match`."""
    if a.years > 1 or b.years > 1 or a.span or b.span:
        return None
    if a.year is a.month is None or b.year is b.month is None:
        return None
    years = [] if a.year is None or b.year is None else [(a.year, b.year)]
    for x, y in (*years, (a.month, b.month), (a.day, b.day)):
        if x is None and y is None:
            return 0
        if x is None or y is None:
            return None
        if x != y:
            return -1 if x < y else 1
    return 0


def open_reading(claim: Facts, q: Quantity, ev: Facts, e: Quantity) -> tuple[DateMention, DateMention] | None:
    """The claim's moment and the sentence's reading date when a running figure read then
    cannot refute the claim's: counts grow, so a reading refutes "more than N after April 15"
    only if taken after April 15, and "fewer than N before April 15" only if taken before it
    ("as of 15 April, 98,476 cases" leaves "over 100,000 after April 15" open). "By" and "as
    of" name the moment itself: a later reading cannot refute "fewer than N by then", an
    earlier one not "more than N by then".

    Chosen for what the words say, not fitted to labels. On the 16,000 numeric VitaminC
    *training* pairs of scripts/fact_layer_check.py, the contradictions it leaves open were
    labelled unknown 78 times, contradicted 44, supported 2; the loose readings it leaves open
    unknown 82, contradicted 114, supported 1 (annotators often read "after April 15" as "on
    April 15"). With the model's support held off such readings too (ModelJudge), the 673
    held-out pairs of scripts/heldout_vitaminc.py got 5 verdicts right and 5 wrong."""
    anchors = [d for d in claim.dates if d.qualifier in ("before", "after", "by") or d.snapshot]
    readings = {(r.year, r.month, r.day): r for r in ev.dates if r.snapshot}
    if len(anchors) != 1 or len(readings) != 1 or q.upper is not None or e.upper is not None:
        return None
    d, r = anchors[0], next(iter(readings.values()))
    order = _order(r, d)
    if order is None:
        return None
    if q.qualifier in ("more", "atleast"):
        larger = True
    elif q.qualifier in ("less", "atmost"):
        larger = False
    elif q.qualifier == e.qualifier == "exact":
        larger = q.value > e.value * _scale(q, e)
    else:
        return None
    if larger:  # refuted by a reading at or after the claim's moment
        unrefuted = order <= 0 if d.qualifier == "after" else order < 0
    else:  # refuted by a reading at or before it
        unrefuted = order >= 0 if d.qualifier == "before" else order > 0
    return (d, r) if unrefuted else None
