"""The checks :class:`verifier.judge.FactJudge` runs, in this order, on a claim and a sentence
taken to be about the same subject: each claim figure against the sentence's figures, each claim
date against its dates (in :mod:`verifier.datechecks`), changes said as factors or in points,
and ranks; the checks of words (the direction of a change, two names the other way round, the
day of the week) are in :mod:`verifier.wordchecks`.

A check says what differs (a :class:`Conflict`) and, where it compares values, which of them
agree; the later checks and the support decision read those agreements. How much of the claim
the sentence must repeat before a difference counts, and how sure a contradiction is, are the
judge's policy: it holds the sentence to the bars of :mod:`verifier.coverage` and hands each
check the ones it clears (:class:`Cleared`). Kept apart so that each check reads on its own, and
the judge's own method reads as the order the checks run in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from verifier.changes import (
    RANK_STEPS,
    Factor,
    amount_change,
    amounts_agree,
    change_factors,
    claimed_amounts,
    claimed_points,
    count_change,
    count_total,
    end_amounts,
    factor_agrees,
    factors,
    is_change,
    new_count,
    percent_changes,
    point_changes,
    points_agree,
    rank_moves,
)
from verifier.compare import (
    compatible,
    conflicts,
    distance,
    other_currency,
    reported_bound,
    same_unit,
)
from verifier.datecompare import dated_apart, dates_match, open_reading
from verifier.dates import DateMention
from verifier.facts import Facts
from verifier.fates import fate_apart, other_fate
from verifier.figurepairs import aligned, candidates_for
from verifier.figures import Quantity
from verifier.phrasing import figure_phrase
from verifier.scope import (
    bounded_conflict,
    denied_at,
    governed,
    new_value,
    of_the_same_event,
    old_value,
    rank_conflict,
    struck,
    superlative_window,
    zero_in_scope,
)
from verifier.wholes import measure_label, names_whole, other_measure, part_shares


@dataclass(frozen=True)
class Conflict:
    """A difference that contradicts the claim; FactJudge weighs it by ``kind``."""

    kind: str  # quantity, date, negation or direction
    reason: str


@dataclass(frozen=True)
class Cleared:
    """Which of FactJudge's coverage bars the sentence clears. A difference under a bar it does
    not clear is passed over, and the next one is looked at."""

    support: bool  # a figure, date, change or rank that differs
    negation: bool  # a count of nothing, or two names the other way round
    generic: bool  # a figure in one of ``generic_units``, which say little of what is counted
    generic_units: frozenset[str]
    # The lower bar of the tentative reading for such a figure, when the sentence gives no
    # other figure of its unit to choose from (several percentages in one sentence are often
    # of different things: a pay rise's 8.5% and 14% are no answer to a vote's 70%).
    lone_generic: bool
    # Does the sentence repeat the claim to the negation bar, leaving aside the words a
    # difference itself changes ("rose" for "fell", "Monday" for "Sunday")? A function, since
    # only the judge measures coverage and only the check knows the words.
    all_but: Callable[[frozenset[str]], bool]

    def figure(self, q: Quantity, rivals: int) -> bool:
        """The bar for a claim figure that differs, by what its unit counts; ``rivals``: how
        many sentence figures count the same thing."""
        if q.unit <= self.generic_units:
            return self.generic or (self.lone_generic and rivals == 1)
        return self.support


# A figure or date a negation governs is not stated, so a differing one is no
# contradiction: "Kimani did not win in 2023" against "Kimani won in 2022", or against
# "did not win in 2022" (both denied: on numeric training pairs 5 of the 8 such firings
# were wrong). One beside a negation is: "Nobody was hurt in the fire, which destroyed
# 30 homes" against "... 12 homes".
def polar(claim: Facts, ev: Facts, a: Quantity | DateMention, b: Quantity | DateMention) -> bool:
    return governed(claim, a) or governed(ev, b)


# A level the claim says something will be taken to ("will raise its aid above 150 million"),
# which the level a sentence gives now does not answer unless it too speaks of what will be.
_TARGET = re.compile(
    r"\bwill\s+(?:\w+\s+){0,2}(?:raise|increase|lift|boost|cut|reduce|lower|expand|double|triple)\b"
    r"[^.;:]{0,40}\b(?:to|above|over|below|beyond|past)\s+(?:about\s+|around\s+|some\s+)?$",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|would|plans?|planned|aims?|expects?|expected|intends?|target)\b", re.IGNORECASE
)
# A figure someone forecast ("the office's own projection, which had forecast a population of
# 8.19 million") is not the figure that came about: it answers only a claim about a forecast.
_FORECAST_BEFORE = re.compile(
    r"\b(?:forecast|forecasts|forecasting|projected|projecting|predicted|predicting|"
    r"projections?\s+(?:of|for)|"
    # Possible, not come about: "insured losses could reach 900 million escudos".
    r"(?:could|may|might)\s+(?:\w+\s+){0,2}?(?:reach|top|exceed|hit|cost|total|surpass|rise\s+to|"
    r"fall\s+to|climb\s+to|drop\s+to))\b[^.;:\d]{0,30}$",
    re.IGNORECASE,
)
_FORECAST_CLAIM = re.compile(
    r"\b(?:forecasts?|forecasting|project(?:s|ed|ing|ions?)?|predict(?:ed|ing|ions?|s)?|expect(?:s|ed|ations?)?|"
    r"estimates?|will|would|plans?|target|could|(?-i:may)|might)\b",
    re.IGNORECASE,
)


def forecast_only(claim_text: str, ev_text: str, e: Quantity) -> bool:
    """Is the sentence's figure a forecast, against a claim that speaks of no forecast?"""
    return bool(_FORECAST_BEFORE.search(ev_text, 0, e.start)) and not _FORECAST_CLAIM.search(claim_text)


# A claim in the present tense speaks of the current value, not the old one of a change:
# "unemployment is 5.1%" against "fell to 4.2% from 5.1%".
_NOW = re.compile(
    r"\b(?:is|are|has|have|stands|remains|now|makes\s+up|make\s+up|accounts\s+for|account\s+for)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# A claim that says when ("last year", "in 2024") is not about a value of another time; one that
# does not ("Turnout was 62%") may be about the old value of a change.
_RELATIVE_TIME = re.compile(
    r"\b(?:last|this|next)\s+(?:year|month|week|quarter|season|decade)\b|\b(?:yesterday|today)\b", re.I
)


# How a claim's moment is said: "as of" for a reading's own date.
_MOMENT = {"before": "before", "after": "after", "by": "by", "exact": "as of"}


def _point_of(claim_q: Quantity, ev_q: Quantity) -> bool:
    """Is the sentence's "about" figure read at its value against the claim's bound?"""
    return (
        ev_q.qualifier == "approx"
        and ev_q.upper is None
        and claim_q.upper is None
        and claim_q.qualifier in ("more", "atleast", "less", "atmost")
    )


def figures_against_figures(
    claim: Facts, ev: Facts, cleared: Cleared, relaxed: bool
) -> tuple[list[tuple[Quantity, Quantity]], Conflict | None]:
    """Each claim figure against the sentence figures that count the same thing: the pairs that
    agree, and the first difference that contradicts (which ends the reading: the pairs found
    before it are then moot), else a "snapshot" conflict, not a contradiction, where a figure
    differs only as a reading at another moment would (:func:`open_reading`). ``relaxed``: a
    claim figure no sentence figure shares a unit with is compared with a near one."""
    supported_q: list[tuple[Quantity, Quantity]] = []
    left_open: Conflict | None = None  # a figure a reading at another moment cannot refute
    ev = replace(ev, quantities=[e for e in ev.quantities if not forecast_only(claim.text, ev.text, e)])
    if relaxed:
        ev = replace(ev, quantities=[reported_bound(e) for e in ev.quantities])
    shares = part_shares(ev.quantities)
    # A figure the sentence corrects ("45%, not 60%") answers only a claim figure denied too.
    # The size of a change ("rose 3%") is not a level ("rose to 3%"), nor the other way round.
    same_units = [
        []
        if other_fate(claim.text, q, ev.text)
        or (_TARGET.search(claim.text, 0, q.start) and not _FUTURE.search(ev.text))
        else [
            e
            for e in [*ev.quantities, *(s for s, whole in shares if names_whole(claim.text, q, whole))]
            if same_unit(q, e)
            and not fate_apart(claim.text, q, ev.text, e)
            and (not struck(ev, e) or governed(claim, q))
            and not (is_change(claim.text, q) and new_value(ev.text, e) and not is_change(ev.text, e))
            and not (is_change(ev.text, e) and new_value(claim.text, q) and not is_change(claim.text, q))
            and not (count_total(claim.text, q) and count_change(ev.text, e))
            and not (new_count(ev.text, e) and not new_count(claim.text, q))
            and not (count_total(ev.text, e) and count_change(claim.text, q))
            and not (amount_change(claim.text, q) and _level_of_change(ev.text, e))
            and superlative_window(claim.text, q) == superlative_window(ev.text, e)
            and of_the_same_event(claim.text, q, ev.text, e)
        ]
        for q in claim.quantities
    ]

    # A new value ("rose to 3.4%") is not the old one of a change ("fell to 2.8% from 3.4%"):
    # it is read against the change's new value.
    # (Unless the old value carries the claim's date: "fell to 5.1% in 2019" against "down
    # from 5.1% in 2019".)
    def dated(e: Quantity) -> list[DateMention]:
        # "down from 390,000 in 2019": the time a figure carries of its own.
        return [d for d in ev.dates if e.end <= d.start <= e.end + 30]

    def old_of_another_time(e: Quantity) -> bool:
        return old_value(ev.text, e) and not any(dates_match(c, d) for c in claim.dates for d in dated(e))

    timed = bool(claim.dates) or _RELATIVE_TIME.search(claim.text) is not None

    same_units = [
        [e for e in same if not old_of_another_time(e)] or same
        if new_value(claim.text, q)
        or (not claim.dates and _NOW.search(claim.text, 0, q.start))
        or (timed and any(old_of_another_time(e) and dated(e) for e in same))
        else same
        for q, same in zip(claim.quantities, same_units, strict=True)
    ]
    if relaxed:
        # Against a claimed bound, an "about" figure is read at its value, as reports round
        # it: "selling approximately 11 million units" answers "more than 10.8 million units"
        # (and refutes "more than 11.5 million"), where strictly it leaves both open.
        points: dict[int, Quantity] = {}
        same_units = [
            [points.setdefault(id(e), replace(e, qualifier="exact")) if _point_of(q, e) else e for e in same]
            for q, same in zip(claim.quantities, same_units, strict=True)
        ]
    candidates = [
        candidates_for(claim, ev, q, same, relaxed)
        for q, same in zip(claim.quantities, same_units, strict=True)
    ]
    # As with dates below: a sentence figure that answers one claim figure ("50 cases" for
    # "from 10 cases to 50 cases") is not a rival of the others. Which one each claim figure
    # speaks of is read one to one and in the order both give them: by nearest value alone
    # "more than $9 million in the US and more than $14 million worldwide" would take the
    # US's $12.2 million for the world and answer the US with the $4.9 million from abroad.
    own = aligned(claim.quantities, [c or [] for c in candidates])
    pairs = zip(claim.quantities, candidates, strict=True)
    agrees = [{id(e) for e in c or [] if compatible(q, e)} for q, c in pairs]
    for i, (q, same) in enumerate(zip(claim.quantities, candidates, strict=True)):
        if same is None:
            other = next((e for e in ev.quantities if other_currency(q, e)), None)
            if other is not None and cleared.support and not polar(claim, ev, q, other):
                # The same amount in another currency: almost always the currency is wrong.
                reason = (
                    f"claim says {figure_phrase(claim.text, q)}; "
                    f"the evidence says {figure_phrase(ev.text, other)}"
                )
                return supported_q, Conflict("quantity", reason)
            continue
        if not same:
            continue
        closest = own.get(i)
        if closest is None:
            # A figure left over by the alignment (no sentence figure within a few per cent of
            # it in the claim's order) is read against the nearest that agrees with no other
            # claim figure, or that it agrees with too ("100 cases ... all 100").
            taken = set().union(*(a for j, a in enumerate(agrees) if j != i))
            rivals = [e for e in same if id(e) not in taken or compatible(q, e)]
            closest = min(rivals, key=lambda e: distance(q, e), default=None)
        match = closest if closest is not None and compatible(q, closest) else None
        if match is not None and dated_apart(claim, q, ev, match):
            continue  # "84 cases in 2019" against "rose to 84 in 2020 from 40 in 2019"
        if match is not None:
            supported_q.append((q, match))
            continue
        conflict = (
            closest if closest is not None and conflicts(q, closest) and not _apart(q, closest) else None
        )
        if conflict is not None and cleared.figure(q, len(same)) and not polar(claim, ev, q, conflict):
            if dated_apart(claim, q, ev, conflict):
                # "2,500 troops in 2019" against "5,000 troops in 2020": two moments, two values.
                left_open = left_open or Conflict(
                    "snapshot",
                    f"gives {figure_phrase(ev.text, conflict)} for another time than "
                    f"the claim's {figure_phrase(claim.text, q)}",
                )
                continue
            if (moments := open_reading(claim, q, ev, conflict)) is not None:
                left_open = left_open or Conflict(
                    "snapshot",
                    f"gives {figure_phrase(ev.text, conflict)} as of {moments[1].text}, which leaves "
                    f"{figure_phrase(claim.text, q)} {_MOMENT[moments[0].qualifier]} {moments[0].text} open",
                )
                continue
            theirs = _named(ev, conflict, shares)
            reason = f"claim says {figure_phrase(claim.text, q)}; the evidence says {theirs}"
            if 0 in (q.value, conflict.value):
                # A count of nothing is a denial, read as one: not decisive, since its scope
                # is often narrower than the claim's ("no new cases in the capital, but 14
                # elsewhere", "no teams from Asia"), and never beside a count it leaves.
                others = [e for e in same if e.value != 0] if conflict.value == 0 else []
                zero, text = (q, claim.text) if q.value == 0 else (conflict, ev.text)
                other = ev if q.value == 0 else claim
                if cleared.negation and not others and zero_in_scope(text, zero, other):
                    return supported_q, Conflict("negation", reason)
                continue
            return supported_q, Conflict("quantity", reason)
    return supported_q, left_open


# A figure mistaken by a scale word is a thousand times off ("$1.4 million" for "$1.4
# billion"); ten thousand times and more is another measure: a share price against the sum an
# offering raised ("$38.50" / "$1.4 billion"), not a value of it.
_APART = 1e4


def _apart(q: Quantity, e: Quantity) -> bool:
    low, high = sorted((abs(q.value), abs(e.value)))
    return low > 0 and high / low >= _APART


def _level_of_change(text: str, e: Quantity) -> bool:
    """Is ``e`` an end of a change the sentence gives ("rose to 1.42 billion from 1.20
    billion"), not its amount? Such a level is no amount a claim says a change came to."""
    return (new_value(text, e) or old_value(text, e)) and not (
        amount_change(text, e) or count_change(text, e)
    )


def _named(ev: Facts, e: Quantity, shares: Sequence[tuple[Quantity, Quantity]] = ()) -> str:
    """The sentence's figure, after the measure it is given to where the sentence gives
    another figure of its unit ("unemployment 4.1%" of "Inflation was 5.8%, while the
    unemployment rate stood at 4.1%"): which of the two the claim was read against; a share
    it gives as a part of a whole, as the two figures and their ratio."""
    if any(e is s for s, _ in shares):
        return f"{ev.text[e.start : e.end]} ({e.text})"
    phrase = figure_phrase(ev.text, e)
    label = measure_label(ev.text, e)
    if label is None or not any(f is not e and f.unit == e.unit for f in ev.quantities):
        return phrase
    return f"{' '.join(sorted(label))} {phrase}"


def changes_against_changes(
    claim: Facts, ev: Facts, supported_q: list[tuple[Quantity, Quantity]], cleared: Cleared
) -> tuple[list[tuple[Factor, Factor]], Conflict | None]:
    """Changes said as factors ("doubled", "rose 100%") against the sentence's own factor words,
    changes in percent or the two ends of its change, and changes in points against its points:
    the pairs that agree, and the first difference that contradicts."""
    supported_f: list[tuple[Factor, Factor]] = []
    claim_factors = [*factors(claim.text), *percent_changes(claim)]
    ev_factors = change_factors(ev) if claim_factors else []
    points = claimed_points(claim) if claim.quantities else []
    ev_points = point_changes(ev) if points else []
    checks = [(c, ev_factors, factor_agrees) for c in claim_factors]
    checks += [(c, ev_points, points_agree) for c in points]
    # "rose by 220 million drax" against "rose to 1.42 billion drax from 1.20 billion drax".
    amounts = claimed_amounts(claim) if claim.quantities else []
    ends = end_amounts(ev) if amounts else []
    checks += [(c, [f for f, new in ends if same_unit(q, new)], amounts_agree) for c, q in amounts]
    # "climbed eight places" against "will rise from No.14 to No.6".
    moves = rank_moves(ev) if any(q.head in RANK_STEPS for _, q in amounts) else []
    checks += [(c, moves, amounts_agree) for c, q in amounts if q.head in RANK_STEPS]
    for c, stated, agrees in checks:
        if c.start in {q.start for q, _ in supported_q}:
            continue  # "rose 3%" that "rose 3%" already answered
        results = [
            (f, agrees(c, f))
            for f in stated
            if not (denied_at(claim, c.start, c.end) or denied_at(ev, f.start, f.end))
            and not other_measure(claim.text, c, ev.text, f)  # "shares fell 7.3%" / "net debt fell to …"
        ]
        match = next((f for f, ok in results if ok), None)
        if match is not None:
            if not dated_apart(claim, c, ev, match):  # "rose 8% last year" / "this year"
                supported_f.append((c, match))
            continue
        conflict = next((f for f, ok in results if ok is False), None)
        if conflict is not None and cleared.support:
            reason = f"claim says '{c.text}'; the evidence says '{conflict.text}'"
            return supported_f, Conflict("quantity", reason)
    return supported_f, None


def other_rank(claim: Facts, ev: Facts, cleared: Cleared) -> Conflict | None:
    """A rank one side gives and the other does not: "the largest" against "the second-largest"
    (see :func:`verifier.scope.rank_conflict`)."""
    ranked = rank_conflict(claim.text, ev.text) or bounded_conflict(claim.text, ev.text)
    if ranked is not None and cleared.support:
        return Conflict("quantity", f"claim says '{ranked[0]}'; the evidence says '{ranked[1]}'")
    return None
