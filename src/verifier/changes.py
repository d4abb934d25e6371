"""Changes said as factors: "doubled", "halved", "a threefold rise", "twice as many", which no
figure reader turns into a value, read as the ratio of new to old. A sentence answers one with
its own factor word, a change in percent ("rose 100%", "fell by half") or the two ends of the
change ("rose from 2 million to 4 million"): "The price doubled to $10" is refuted by "rose to
$10 from $8", though the $10 matches.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from verifier.facts import Facts
from verifier.figures import CLOCK, ORDINAL, Quantity
from verifier.lexicon import INCREMENT_WORDS
from verifier.scope import new_value, old_value

_FACTOR_LEMMAS = frozenset({"double", "triple", "quadruple", "halve", "half", "twice", "thrice"})
_FACTOR_WORDS = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "twice": 2.0, "thrice": 3.0, "halv": 0.5}
_FOLD_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_FOLD_NUMBERS |= {"twenty": 20, "hundred": 100}
_PARTS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}

_RISE = (
    r"(?:rose|rise[sn]?|rising|increased?|increases|grew|grow[sn]?|growing|climb(?:s|ed|ing)?|"
    # Not "make up", "made up", "take up": "children make up 13.2%" is a share, no rise.
    r"jump(?:s|ed|ing)?|gained|surged|soared|rais(?:es|ed|ing)|lift(?:s|ed|ing)|boost(?:s|ed|ing)|(?<!make\s)(?<!makes\s)(?<!made\s)(?<!making\s)(?<!take\s)(?<!takes\s)(?<!took\s)up)"
)
_FALL = (
    r"(?:fell|fall[sn]?|falling|decreased?|decreases|drop(?:s|ped|ping)?|declined?|declines|shrank|shrunk|"
    r"cut|cuts|cutting|reduc(?:es|ed|ing)|lower(?:s|ed|ing)|trimm(?:ed|ing)|slashed|down|plunged|slumped|lost|slip(?:s|ped|ping)?|slid(?:es?)?)"
)
FACTOR_RE = re.compile(
    r"\b(?:(?P<word>doubl|tripl|quadrupl)(?:ed|ing)\b|(?P<halv>halv)(?:ed|ing)\b"
    r"|(?P<times>twice|thrice)(?=\s+(?:as|the|that|its|their|what)\b)|(?P<n>[a-z]+|\d+(?:\.\d+)?)[\s-]?fold\b"
    r"|(?P<x>two|three|four|five|ten|\d+(?:\.\d+)?)\s+times\s+(?:as|more|higher|larger|bigger|greater|over)\b"
    rf"|(?P<by>{_RISE}|{_FALL})\s+(?:[\w'’-]+\s+){{0,10}}?by\s+(?P<bound>(?:more\s+than|over|at\s+least|nearly|almost|"
    r"less\s+than|about|around|roughly|some)\s+)?(?:(?P<pn>a|one|two|three|four)[\s-]+)?"
    r"(?P<part>half|third|quarter|fifth|tenth)(?P<parts>s)?(?![\w-]))",  # not "by half-time"
    re.IGNORECASE,
)
# "more than doubled", "nearly tripled": a bound, not the factor itself.
_MORE = re.compile(r"\b(?:more\s+than|over|at\s+least)\s+$", re.IGNORECASE)
_LESS = re.compile(r"\b(?:nearly|almost|close\s+to|just\s+under|less\s+than)\s+$", re.IGNORECASE)
# The change's object may stand between its verb and "by": "cut hospital admissions among
# people over 70 by 71%", "raised the tax on bank profits by five points".
_OBJECT_BY = r"(?:by\s+|(?:[\w'’-]+\s+){1,10}?by\s+)?"
_RISE_BEFORE = re.compile(
    rf"\b{_RISE}\s+{_OBJECT_BY}(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$", re.I
)
_FALL_BEFORE = re.compile(
    rf"\b{_FALL}\s+{_OBJECT_BY}(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$", re.I
)
_FALL_WORD = re.compile(rf"^{_FALL}$", re.IGNORECASE)


@dataclass(frozen=True)
class Factor:
    """A change as the ratio of new to old: 2.0 for "doubled", 0.5 for "fell by half"."""

    value: float
    text: str
    start: int
    end: int
    qualifier: str = "exact"  # exact | more | less
    # How far rounding lets an amount of change stray (its figure's, or its two ends'); 0 for a ratio.
    spread: float = 0.0


def is_factor_word(word: str) -> bool:
    """Is this lemma a change said as a factor ("double", "halve", "threefold")?"""
    return word in _FACTOR_LEMMAS or (word.endswith("fold") and len(word) > 4)


def _direction(text: str, q: Quantity) -> int:
    """+1 for a figure a rise comes right before ("rose 3%", "up by 2 points"), -1 for a fall, 0
    for neither (a level: "rose to 3%")."""
    before = text[max(0, q.start - 80) : q.start]
    return 1 if _RISE_BEFORE.search(before) else -1 if _FALL_BEFORE.search(before) else 0


def is_change(text: str, q: Quantity) -> bool:
    """Is this percentage the size of a change ("rose 3%"), not a level ("rose to 3%")?"""
    return "%" in q.unit and _direction(text, q) != 0


# A count something gained or lost ("added 84,000 customers", "shed 1,200 jobs"): a change of a
# total, not the total ("now has 1.26 million customers").
_COUNT_CHANGE = re.compile(
    r"\b(?:add(?:ed|s|ing)?|gain(?:ed|s|ing)?|los(?:t|es|ing)|shed(?:s|ding)?|hir(?:ed|es|ing)|"
    r"recruit(?:ed|s|ing)?|signed\s+up|net(?:ted)?)\s+(?:a\s+net\s+|a\s+further\s+|another\s+|some\s+|"
    r"about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$",
    re.IGNORECASE,
)
# A total said as one: "has 1.26 million customers", "now 1.26 million", "the total to 1.26 million".
_TOTAL = re.compile(
    r"\b(?:is|are|has|have|had|stands?\s+at|stood\s+at|remains?|now|total(?:led|ing|s)?(?:\s+to)?)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?$", re.IGNORECASE)


def count_change(text: str, q: Quantity) -> bool:
    """Is this count what something gained or lost, not its total? Not in the perfect tense:
    "has gained 7 caps so far" is a career's total."""
    if "%" in q.unit:
        return False
    m = _COUNT_CHANGE.search(text, max(0, q.start - 30), q.start)
    return m is not None and not _PERFECT.search(text, max(0, m.start() - 20), m.start())


# "nine new cases", "14 additional deaths": what a count grew by that day, not its total.
_NEW_AFTER = re.compile(rf"\s+(?:more\s+)?(?:{'|'.join(INCREMENT_WORDS)})\b", re.IGNORECASE)


def new_count(text: str, q: Quantity) -> bool:
    """Is this count the new ones ("nine new cases were confirmed, bringing the total to 63")?"""
    return "%" not in q.unit and _NEW_AFTER.match(text, q.end) is not None


def count_total(text: str, q: Quantity) -> bool:
    """Is this count a total ("has 1.26 million customers")?"""
    return "%" not in q.unit and bool(_TOTAL.search(text, max(0, q.start - 40), q.start))


def _factor_value(m: re.Match[str]) -> float | None:
    if m.group("word") or m.group("halv") or m.group("times"):
        key = (m.group("word") or m.group("halv") or m.group("times")).lower()
        return _FACTOR_WORDS[key]
    if m.group("by"):
        # "fell by a fifth" is 0.8 of the old value, "rose by a third" 4/3 of it, "cut by
        # two-thirds" 1/3 of it.
        n = _FOLD_NUMBERS.get((m.group("pn") or "one").lower(), 1)
        if m.group("parts") and n == 1:
            return None  # "by thirds": no share of one whole
        part = n / _PARTS[m.group("part").lower()]
        if part >= 1 and _FALL_WORD.match(m.group("by")):
            return None
        return 1 - part if _FALL_WORD.match(m.group("by")) else 1 + part
    n = (m.group("n") or m.group("x")).lower()
    if n[0].isdigit():
        return float(n)
    return float(_FOLD_NUMBERS[n]) if n in _FOLD_NUMBERS else None


def factors(text: str) -> list[Factor]:
    """The changes ``text`` says as factors, in order."""
    found = []
    for m in FACTOR_RE.finditer(text):
        value = _factor_value(m)
        if value is None or value <= 0:
            continue
        before = text[max(0, m.start() - 20) : m.start()]
        qual = "more" if _MORE.search(before) else "less" if _LESS.search(before) else "exact"
        if m.group("bound"):
            # "cut by more than two-thirds": the share is the bound; for a fall the factor it
            # leaves is bounded the other way.
            more = bool(_MORE.search(m.group("bound")))
            less = bool(_LESS.search(m.group("bound")))
            if more or less:
                qual = "more" if more != bool(_FALL_WORD.match(m.group("by"))) else "less"
        said = m.group()
        if m.group("by"):
            # Quoted without the object between: "cut by more than two-thirds".
            said = m.group("by") + said[said.lower().rindex(" by ") :]
        found.append(Factor(value, said, m.start(), m.end(), qual))
    return found


def percent_changes(facts: Facts) -> list[Factor]:
    """ "Rose 100%", "fell by 50%": a change in percent, as a factor (not "rose to 5%")."""
    found = []
    for q in facts.quantities:
        if "%" not in q.unit or q.upper is not None:
            continue
        sign = _direction(facts.text, q)
        if sign and (sign > 0 or q.value < 100):
            found.append(Factor(1 + sign * q.value / 100, q.text, q.start, q.end))
    return found


def _same_unit(old: Quantity, new: Quantity) -> bool:
    return old.unit == new.unit


def _ranks(old: Quantity, new: Quantity) -> bool:
    return ORDINAL in old.unit and ORDINAL in new.unit


def _pairs(
    facts: Facts, kin: Callable[[Quantity, Quantity], bool] = _same_unit
) -> list[tuple[Quantity, Quantity]]:
    """The (old, new) ends of each change: "from 2 million to 4 million", "rose to $10 from $8";
    ``kin`` says which two figures can be ends of one change (by default, of one unit)."""
    text = facts.text
    olds = [q for q in facts.quantities if old_value(text, q)]
    pairs = []
    for new in (q for q in facts.quantities if new_value(text, q)):
        old = min(
            (q for q in olds if kin(q, new) and abs(q.start - new.start) < 60),
            key=lambda q: abs(q.start - new.start),
            default=None,
        )
        if old is not None:
            pairs.append((old, new))
    return pairs


def _across(text: str, old: Quantity, new: Quantity, value: float) -> Factor:
    """A change read off its two ends, quoted as "from $8 to $10", and placed where its new end
    is: what is said around that end (its date: "fell to 5.1% in March from 5.4% in February")
    is said of the change."""
    said = f"from {_said(text, old)} to {_said(text, new)}"
    return Factor(value, said, new.start, new.end)


def _ends(facts: Facts) -> list[Factor]:
    """The ratio of a change's two ends."""
    return [
        _across(facts.text, old, new, new.value / old.value) for old, new in _pairs(facts) if old.value > 0
    ]


def point_changes(facts: Facts) -> list[Factor]:
    """A change in percentage points said by its two ends ("from 25% to 30%": 5 points up)."""
    return [
        _across(facts.text, old, new, new.value - old.value)
        for old, new in _pairs(facts)
        if "%" in old.unit and "%" in new.unit
    ]


def claimed_points(facts: Facts) -> list[Factor]:
    """A change said in points ("rose 5 percentage points", "fell 1.2 points"), signed."""
    found = []
    for q in facts.quantities:
        if q.head not in ("percentage-point", "point") or q.upper is not None:
            continue
        sign = _direction(facts.text, q)
        if sign:
            unit = re.match(r"\s*(?:percentage\s+)?points?\b", facts.text[q.end :])
            said = facts.text[q.start : q.end + (unit.end() if unit else 0)]  # "5 percentage points"
            found.append(Factor(sign * q.value, said, q.start, q.end, q.qualifier))
    return found


# A change in points derived from two percentages matches to rounding, and refutes from a
# quarter of a point off.
POINTS_MATCH = 0.06
POINTS_CONFLICT = 0.25


def points_agree(claim: Factor, ev: Factor) -> bool | None:
    off = abs(claim.value - ev.value)
    if claim.qualifier != "exact":
        return True if off <= 0.1 * abs(claim.value) + POINTS_MATCH else None
    return True if off <= POINTS_MATCH else False if off >= POINTS_CONFLICT else None


def _said(text: str, q: Quantity) -> str:
    """The figure as written, with a currency symbol just before it."""
    symbol = text[max(0, q.start - 1) : q.start]
    return (symbol if symbol in "$£€¥₹" and symbol.strip() else "") + q.text


def change_factors(facts: Facts) -> list[Factor]:
    """Every way a sentence states a change's factor."""
    return [*factors(facts.text), *percent_changes(facts), *_ends(facts)]


# How far a stated factor may stray from the claim's and still be it ("doubled" for 1.95
# times), and how far before it refutes it: between the two, neither.
MATCH_RATIO = 1.1
CONFLICT_RATIO = 1.25
# The same, for two changes in percent, as a share of the larger change: "rose 5.1%" is "about
# 5%" (2% apart) and not "rose 4.2%" (18% apart).
PERCENT_MATCH = 0.05
PERCENT_CONFLICT = 0.15


def factor_agrees(claim: Factor, ev: Factor) -> bool | None:
    """True when the evidence's factor is the claim's, False when it clearly is not."""
    c, e = math.log(claim.value), math.log(ev.value)
    match, conflict = math.log(MATCH_RATIO), math.log(CONFLICT_RATIO)
    if claim.qualifier == "more":
        return True if e >= c - 0.02 else False if e < c - conflict else None
    if claim.qualifier == "less":
        return True if c - 2 * match <= e <= c else False if e > c + match or e < c - 2 * conflict else None
    if claim.text.endswith("%") and ev.text.endswith("%"):
        # Two changes in percent are compared as percentages: as factors, any two small ones
        # ("rose 3.3%" / "rose 1.4%": 1.033 / 1.014) would be within the match ratio.
        gap = abs(claim.value - ev.value) / max(abs(claim.value - 1), abs(ev.value - 1), 1e-9)
        if ev.qualifier != "exact":
            return None if gap <= PERCENT_CONFLICT else False
        return True if gap <= PERCENT_MATCH else False if gap > PERCENT_CONFLICT else None
    if ev.qualifier != "exact":
        return None if abs(e - c) <= conflict else False
    return True if abs(e - c) <= match else False if abs(e - c) > conflict else None


# Units an amount of change is not read in: percentages and points have their own readers, and
# a rank, a clock time or a range is no amount.
_NOT_AMOUNTS = frozenset({"%", "percentage-point", "point", "basis-point", CLOCK, ORDINAL})


def _half_width(q: Quantity) -> float:
    lo, hi = q.interval()
    return (hi - lo) / 2 if math.isfinite(lo) and math.isfinite(hi) else 0.0


def amount_change(text: str, q: Quantity) -> bool:
    """Is ``q`` a change said in its own unit ("rose by 220 million drax", "cut 1,200 jobs"),
    not a level ("rose to 1.42 billion drax")?"""
    if q.upper is not None or q.head == CLOCK or q.unit & _NOT_AMOUNTS:
        return False
    return _direction(text, q) != 0


def claimed_amounts(facts: Facts) -> list[tuple[Factor, Quantity]]:
    """Each change the text says as an amount (signed), with its figure."""
    return [
        (Factor(_direction(facts.text, q) * q.value, q.text, q.start, q.end, q.qualifier, _half_width(q)), q)
        for q in facts.quantities
        if amount_change(facts.text, q)
    ]


def end_amounts(facts: Facts) -> list[tuple[Factor, Quantity]]:
    """Each change a sentence gives by its two ends, as the amount from one to the other
    ("rose to 1.42 billion from 1.20 billion": 220 million up), with its new end."""
    return [
        (
            replace(
                _across(facts.text, old, new, new.value - old.value),
                spread=_half_width(old) + _half_width(new),
            ),
            new,
        )
        for old, new in _pairs(facts)
        if not (new.unit & _NOT_AMOUNTS)
        and old.upper is None
        and new.upper is None
        and "exact" == old.qualifier == new.qualifier
    ]


def amounts_agree(claim: Factor, ev: Factor) -> bool | None:
    """True when the ends give the claimed amount to rounding, False when they clearly give
    another (or a change the other way), None between."""
    if claim.value * ev.value < 0:
        return False  # "rose by 220 million" against a fall
    c, e = abs(claim.value), abs(ev.value)
    tolerance = claim.spread + ev.spread
    if claim.qualifier == "more":
        return True if e >= c - ev.spread else False if e < 0.8 * c - tolerance else None
    if claim.qualifier == "less":
        return True if e <= c + ev.spread else False if e > 1.25 * c + tolerance else None
    off = abs(c - e)
    return True if off <= tolerance else False if off > max(2 * tolerance, 0.1 * c) else None


# Steps of a ranking that a move is counted in: "climbed eight places", "fell three spots".
RANK_STEPS = frozenset({"place", "spot", "position", "rung", "notch"})


def rank_moves(facts: Facts) -> list[Factor]:
    """Each move up a ranking the sentence gives by its two ranks ("from No.14 to No.6": eight
    places up; down is negative)."""
    return [_across(facts.text, old, new, old.value - new.value) for old, new in _pairs(facts, _ranks)]
