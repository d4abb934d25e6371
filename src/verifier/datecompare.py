"""Whether a sentence's dates agree with a claim's, and whether two figures speak of one moment.

Dates are compared at the claim's own precision, spans and bounds ("before 1967", "since 2017")
included, and answer None where the two say different kinds of thing. A figure or a running count
tied to another date than the claim's speaks of another moment, so its value confirms nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol

from verifier.compare import scale
from verifier.dates import DateMention
from verifier.facts import Facts
from verifier.figures import Quantity


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
    if c.closes and e.closes:
        # Two ends of a state: "stay in Baghdad until 2027" against "will end in September
        # 2025" is one end against another, compared as points.
        return _date_readings_match(
            replace(c, qualifier="exact", closes=False), replace(e, qualifier="exact", closes=False)
        )
    if c.closes and c.qualifier == "by" and e.qualifier == "exact":
        # "Until 2027" is no deadline: an earlier date ("signed in 2018") does not confirm it.
        return True if _date_readings_match(replace(c, qualifier="exact", closes=False), e) else None
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
        larger = q.value > e.value * scale(q, e)
    else:
        return None
    if larger:  # refuted by a reading at or after the claim's moment
        unrefuted = order <= 0 if d.qualifier == "after" else order < 0
    else:  # refuted by a reading at or before it
        unrefuted = order >= 0 if d.qualifier == "before" else order > 0
    return (d, r) if unrefuted else None
