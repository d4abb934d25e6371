"""Figures read together with the figure before them: a range ("between 10 and 20 villages"),
one length of time in several units ("2 hours, 3 minutes and 12 seconds"), and a figure that
names nothing taking the unit or scale of its neighbour ("killed 23 people and displaced 8,000",
"22 of the 28 provinces", "from 1.2 to 1.5 million").

Separate from :mod:`verifier.quantities` to keep each module small. These passes run once every
figure of a sentence has been read and rewrite only :class:`~verifier.figures.Quantity` values,
so quantities.py calls :func:`join_neighbours` last and nothing here imports it back.
"""

from __future__ import annotations

import re
from dataclasses import replace

from verifier.figures import CLOCK, WHOLE_ADJECTIVES, Quantity, measure
from verifier.lexicon import INCREMENT_WORDS, MEASURES, SCALES
from verifier.units import fahrenheit_to_celsius, in_fahrenheit, temperature_change


def join_neighbours(text: str, found: list[Quantity]) -> list[Quantity]:
    """Each pass compares a figure with the one before it in the sentence, so the figures go in
    the order the text gives them; a shared unit is settled before durations and ranges are
    joined, since both look at what the figures count."""
    return _ranges(text, _durations(text, _shared_units(text, sorted(found, key=lambda q: q.start))))


# Only "between": "from 5% to 7%" is as often a change ("rose from 5% to 7%": now 7%) as a range.
_RANGE_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


# "10 to 20 people", "1.1 to 6.4 °C", "$5 million to $7 million", "30–130 cm": a range too,
# unless "from" or a change verb makes it a change ("rose from 5% to 7%", "cut 0.25% to
# 4.5%") or a vote or score makes it a tally ("voted 48 to 52", "lost 1 to 2").
_RANGE_TO = re.compile(r"\s*(?:to|–|—)\s*(?:US\$|\$|£|€)?\s*")
_NOT_A_RANGE_BEFORE = re.compile(
    r"\b(?:from|rose|rises|risen|fell|falls|fallen|increased|decreased|grew|grown|dropped|climbed|"
    r"jumped|declined|cut|cuts|raised|lowered|slashed|up|down|vote[ds]?|won|lost|beat|defeated|drew|"
    r"score[ds]?|tied|trail(?:ed|ing)|lead(?:ing)?|led)\b[^.;,]{0,12}$",
    re.IGNORECASE,
)
_NOT_A_RANGE_AFTER = re.compile(r"\s*(?:votes?|against|win|victory|loss|defeat|draw|in\s+favou?r)\b", re.I)


def _range_start(text: str, prev: Quantity, q: Quantity) -> int | None:
    """Where a range written from ``prev`` to ``q`` starts: at "between" in "between 10 and
    20", at the first figure in "10 to 20 people"; None where the two are no range's ends."""
    lead = max(0, prev.start - 12)
    between = _RANGE_BETWEEN.search(text[lead : prev.start])
    if between is not None:
        return lead + between.start() if re.fullmatch(r"\s*and\s*", text[prev.end : q.start]) else None
    link = _RANGE_TO.fullmatch(text, prev.end, q.start)
    if (
        link is not None
        and ("to" in link.group() or bool(q.unit))  # "trailing 1–2" is a score
        and not _NOT_A_RANGE_BEFORE.search(text, max(0, prev.start - 30), prev.start)
        and not _NOT_A_RANGE_AFTER.match(text, q.end)
        and CLOCK not in q.unit
    ):
        return prev.start
    return None


def _ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "Between 10 and 20 villages": one figure that lies somewhere in the range, so "about 12
    villages" is neither confirmed nor refuted by it, and "30" is refuted."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        start = None if prev is None else _range_start(text, prev, q)
        low = None if prev is None else _low_end(text, prev, q)
        if (
            prev is not None
            and low is not None
            and start is not None
            and prev.upper is None
            and prev.qualifier == "exact"
            and q.qualifier == "exact"
            and low < q.value
            and (not prev.unit or prev.unit == q.unit)
        ):
            out[-1] = replace(
                q, value=low, upper=q.value, text=text[start : q.end], start=start, qualifier="range"
            )
            continue
        out.append(q)
    return out


def _low_end(text: str, low: Quantity, high: Quantity) -> float | None:
    """The value of a range's first figure in its last one's unit: "2.7 to 8.1 degrees
    Fahrenheit" starts at 1.5 °C of warming, as its end is 4.5 (figures are read in Celsius)."""
    if high.head != "celsius" or not in_fahrenheit(high.text) or in_fahrenheit(low.text):
        return low.value
    if re.search(r"°|degrees?|Celsius|\dC\b", low.text):
        return None  # "0.3 °C to 2 °F": two scales are no range
    return fahrenheit_to_celsius(low.value, temperature_change(text, high.start, high.end))


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


# A running total after the count that moved it: "nine new cases were confirmed, bringing the
# total to 63" (63 cases, all of them, not new ones).
_TOTAL_TO = re.compile(
    r"[^.;:()]{0,60}\b(?:bring|rais|tak|push|lift)(?:s|es|ed|ing)?\s+(?:the|its|their)\s+"
    r"(?:total|tally|count|number|toll)\b(?:\s+[\w-]+){0,4}?\s+to\s*$",
    re.IGNORECASE,
)
# A count broken down by place after a comma: "93 cases, 59 in Republika Srpska, and 34 in ...".
_LIST_COMMA = re.compile(r"[^.;:()\d]{0,40}?,\s*")
_BY_PLACE = re.compile(r"\s+(?:in|at|from)\s+(?:the\s+)?[A-Z]")
_INCREMENT_WORDS = frozenset({*INCREMENT_WORDS, "more"})

_PART_OF_WHICH = re.compile(r"\b(?:of\s+wh(?:ich|om)|among\s+them|including)\b", re.IGNORECASE)
# A part of a whole: "22 of the 28 provinces", "five out of nine members", "14 of the
# country's 19 provinces".
_PART_LINK = re.compile(
    r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+|an\s+)?(?:[A-Za-z][\w-]*['’]s\s+)?"
    # "63 of the roughly 4,000 markers", "of an estimated 9,000": the whole's own hedge.
    r"(?:(?:roughly|about|around|some|nearly|almost|approximately|estimated|more\s+than|over)\s+)?"
    rf"(?:(?:{'|'.join(sorted(WHOLE_ADJECTIVES))})\s+)?",
    re.IGNORECASE,
)


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
        if (
            not q.unit
            and prev.unit
            and measure(prev) == "count"
            and CLOCK not in prev.unit
            and _TOTAL_TO.fullmatch(between)
        ):
            unit = prev.unit - _INCREMENT_WORDS
            if unit:
                q = replace(q, unit=unit, head=prev.head if prev.head in unit else sorted(unit)[0])
        elif tight and q.unit and (not prev.unit or measure(prev) != measure(q)):
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
            and (
                _SAME_COUNT_LINK.fullmatch(between)
                or (_LIST_COMMA.fullmatch(between) and _BY_PLACE.match(text, q.end))
            )
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
