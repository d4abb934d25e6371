"""Compare the facts of a sentence taken to be about the claim's subject: the last stage of
:class:`verifier.judge.FactJudge`, after the readings of who and when have found nothing.

The checks run in order (scores and vote margins, figures, dates, changes, seats, labels, ranks,
directions, swapped names, routes, weekdays), and the first difference past the coverage bar it
needs decides; then negation, what the sentence leaves unstated, and support.
"""

from __future__ import annotations

from dataclasses import replace

from verifier.checks import (
    Cleared,
    Conflict,
    changes_against_changes,
    figures_against_figures,
    other_rank,
)
from verifier.coverage import (
    GENERIC_COVERAGE,
    GENERIC_UNITS,
    NEGATION_COVERAGE,
    OVERLAP_SUPPORT,
    RELAXED_COVERAGE,
    RELAXED_GENERIC,
    claim_coverage,
    in_scope,
)
from verifier.datechecks import dates_against_dates
from verifier.datecompare import other_reading
from verifier.facts import Facts
from verifier.figurelabels import relabelled
from verifier.judgement import Judgement, contradiction
from verifier.movers import Move, asserted, quoted, read_against
from verifier.names import name_repeated
from verifier.negation import restates_mark
from verifier.phrasing import figure_phrase
from verifier.readings import baseline_unsaid
from verifier.scope import governed, negation_in_scope
from verifier.tallies import Margin, Tally, majority_against_seats, margin_against, tally_against
from verifier.wholes import names_a_period, who_by_age
from verifier.wordchecks import (
    about_saying,
    other_weekday,
    reversed_route,
    swapped_names,
    turned_direction,
    weekdays,
)
from verifier.wording import says_too, unread_figures


def facts_against_facts(
    claim: Facts,
    ev: Facts,
    similarity: float,
    coverage: float,
    scope_bar: float,
    support_bar: float,
    relaxed: bool = False,
) -> Judgement:
    """Figures, dates, negation and wording of a sentence taken to be about the claim's subject.

    ``relaxed`` (the tentative reading, a hint for the model combination, not a verdict):
    claims are short once their subject's name is set aside, so one unrepeated word must
    not hide a figure that counts the same thing; the coverage bars stop at RELAXED_COVERAGE,
    and a claim figure no sentence figure shares a unit with is compared with a near one."""
    scope_coverage = min(scope_bar, RELAXED_COVERAGE) if relaxed else scope_bar
    support_coverage = min(support_bar, RELAXED_COVERAGE) if relaxed else support_bar
    if not in_scope(coverage, similarity, scope_coverage):
        return Judgement("neutral", 0.0, "is about something else", "overlap")
    strength = min(1.0, 0.5 * coverage + 0.5 * max(0.0, similarity))
    stale = other_reading(claim, ev)
    if stale is not None:
        # Running figures read at two dates ("as of 5 April" against "as of 6 April") are two
        # readings: neither confirms nor refutes the other, whatever their values.
        d, e = stale
        return Judgement(
            "neutral", 0.0, f"reports as of {e.text} where the claim speaks of {d.text}", "snapshot"
        )

    # The checks, in order: the first difference past the bar it needs decides.
    cleared = Cleared(
        support=coverage >= support_coverage,
        negation=coverage >= NEGATION_COVERAGE,
        generic=coverage >= GENERIC_COVERAGE,
        generic_units=GENERIC_UNITS,
        lone_generic=relaxed and coverage >= RELAXED_GENERIC,
        all_but=lambda words: claim_coverage(claim, ev, words) >= NEGATION_COVERAGE,
    )
    tally = tally_against(claim.text, ev.text)
    if tally is not None and not tally[2] and cleared.support:
        reason = f"claim says {tally[0].text}; the evidence says {tally[1].text}"
        return contradiction(Conflict("quantity", reason), strength)
    if tally is not None:
        # The two numbers of a matched score are that score, not counts of their own.
        claim = _without(claim, tally[0])
    # A vote's margin against its split ("passed by nine votes" / "by 48 votes to 39").
    margin = margin_against(claim.text, ev.text) if tally is None else None
    if margin is not None and not margin[2] and cleared.support:
        reason = f"claim says {margin[0].text}; the evidence says {margin[1].text}"
        return contradiction(Conflict("quantity", reason), strength)
    if margin is not None:
        # Its figures are the vote, read as one: not counts of their own.
        claim, ev = _without(claim, margin[0]), _without(ev, margin[1])
    voted = tally[1].text if tally else margin[1].text if margin else ""
    supported_q, conflict = figures_against_figures(claim, ev, cleared, relaxed)
    if conflict is not None and conflict.kind == "snapshot":
        return Judgement("neutral", 0.0, conflict.reason, "snapshot")
    if conflict is not None:
        return contradiction(conflict, strength)
    supported_d, conflict = dates_against_dates(claim, ev, cleared, relaxed)
    if conflict is not None:
        return contradiction(conflict, strength)
    supported_f, conflict = changes_against_changes(claim, ev, supported_q, cleared)
    if conflict is not None:
        return contradiction(conflict, strength)
    saying = about_saying(claim.text)
    claim_days, ev_days = weekdays(claim.text, saying), weekdays(ev.text, saying)
    seats = cleared.support and next(
        (r for q, e in supported_q if (r := majority_against_seats(claim.text, q.value, ev.text, e.end))),
        None,
    )
    if seats:
        return contradiction(Conflict("quantity", seats), strength)
    conflict = (
        relabelled(claim, ev, supported_q, cleared)
        or other_rank(claim, ev, cleared)
        or turned_direction(claim, ev, supported_q, cleared)
        or swapped_names(claim, ev, cleared)
        or reversed_route(claim, ev, cleared)
        or other_weekday(claim, ev, claim_days, ev_days, cleared)
    )
    if conflict is not None:
        return contradiction(conflict, strength)

    # A count of nothing that no figure answers ("no deaths") is the negation it says, read as such.
    factored = {(c.start, c.end) for c, _ in supported_f}
    # A name's number the sentence repeats with the name ("Fallout 76", "10 Cloverfield
    # Lane") is stated, as the name is; it confirms nothing of its own.
    unverified_q = [
        q
        for q in claim.quantities
        if q.value != 0
        and all(q is not s for s, _ in supported_q)
        and (q.start, q.end) not in factored
        and not name_repeated(claim.text, q, ev.text)
        and not names_a_period(claim.text, q)
    ]
    # In the tentative reading a sentence that gives no date at all leaves the claim's date
    # open rather than unstated: a figure is usually current where its sentence stands
    # ("there have been 188 confirmed cases" for "… 170 cases in 2020").
    unverified_d = [
        d for d in claim.dates if all(d is not s for s, _ in supported_d) and (ev.dates or not relaxed)
    ]
    # "Solvex did not cut 500 jobs" is no denial of "Solvex cut 300 jobs": the negation is of
    # a figure the other sentence does not state.
    # Nor does "was not approved in 2015, but regulators cleared it in 2017" deny "was approved
    # in 2017": the claim's figure or date is stated outside the negation's clause.
    negated, other = (claim, ev) if claim.negated else (ev, claim)
    side = 0 if claim.negated else 1  # the negated sentence's value in each matched pair
    beside = any(not governed(negated, pair[side]) for pair in (*supported_q, *supported_d))
    if (
        claim.negated != ev.negated
        and coverage >= NEGATION_COVERAGE
        and not (unverified_q or unverified_d)
        and not beside
    ):
        if negation_in_scope(negated, other) and not restates_mark(negated.text, other.text):
            cue = negated.negations[0]
            reason = (
                f"claim says '{cue}'; the evidence states it without negation"
                if claim.negated
                else f"the evidence says '{cue}' where the claim states it"
            )
            return contradiction(Conflict("negation", reason), strength)

    spans = [(x.start, x.end) for x in (*claim.quantities, *claim.dates)] + list(factored)
    units = frozenset(w for q in claim.quantities for w in q.unit)
    unread = [w for w in unread_figures(claim.text, spans, units) if not says_too(ev.text, w)]
    unread += [day.capitalize() for day in dict.fromkeys(claim_days) if day not in ev_days]
    if unverified_q or unverified_d or unread:
        # Both ends of a span carry its words: name it once.
        items = dict.fromkeys([q.text for q in unverified_q] + [d.text for d in unverified_d] + unread)
        return Judgement("neutral", 0.0, f"does not state {', '.join(items)}", "missing-fact")
    # A figure or date that matches, about the same named things, lowers the bar on the other
    # words; a date that only falls in a "since" period does not ("erupted in 2015" against
    # "dormant since 1950").
    # Nor does a quarter's rank ("the third quarter"): it says when, as a date would.
    firm = (
        [
            q
            for q, _ in supported_q
            if not names_a_period(claim.text, q) and (relaxed or not who_by_age(claim.text, q, ev.content))
        ]
        or supported_f
        or [d for d, e in supported_d if not e.ongoing]
        or voted
    )
    # So does the sentence moving the claim's one named thing its way ("the success rate for
    # applications dropped to 19% from 23%" for "the success rate for grant applications fell"):
    # the move is checked as a figure is, what moved and which way.
    read = read_against(claim.text, ev.text)
    alike = None if firm else same_move(claim.text, ev.text, read)
    if only_planned(claim.text, ev.text, read):
        # "raised its fees" is not stated by "is expected to raise its fees". (The reverse is
        # left alone: "is set to rise by 19%" is what a budget that "lifts" it says.)
        return Judgement("neutral", 0.0, "says it only as planned, expected or possible", "overlap")
    needed = scope_coverage if firm or alike else OVERLAP_SUPPORT
    # A negation elsewhere in a sentence that states the claim's figure ("Nobody was hurt in
    # the fire, which destroyed 30 homes") does not stop it stating it. Without a figure or
    # date to hold on to, any negation does: on training pairs, word overlap alone beside a
    # negation was wrong about as often as right.
    denied = claim.negated != ev.negated and (not firm or negation_in_scope(negated, other))
    if coverage >= needed and not denied:
        pieces = dict.fromkeys(
            [figure_phrase(ev.text, e) for _, e in supported_q]
            + [e.text for _, e in supported_d]
            + [f.text for _, f in supported_f]
            + ([voted] if voted else [])
        )
        if alike is not None and not pieces:
            pieces = {quoted(ev.text, alike): None}
        reason = "states " + "; ".join(pieces) if pieces else "states the same"
        bonus = 0.1 if (supported_q or supported_d or supported_f or voted) else 0.0
        kind = "quantity" if supported_q or supported_f or voted else "date" if supported_d else "overlap"
        if alike is not None and not claim.quantities and not claim.dates:
            kind = "direction"  # the move is all there is to check, as with a share price
        return Judgement("supports", min(0.97, 0.45 + 0.45 * strength + bonus), reason, kind)
    return Judgement("neutral", 0.0, "is related but does not state the claim", "overlap")


def same_move(claim: str, sentence: str, read: tuple[Move, Move] | None) -> Move | None:
    """The sentence's move of what the claim's one direction word moves (``read``, from
    :func:`read_against`), the claim's way, where both say it happened: "will raise its fees" is
    not stated by "whether fees rise", nor "ruled out further increases" by "raises rates"."""
    if read is None or read[0].pole != read[1].pole or baseline_unsaid(claim, sentence):
        return None
    mine, theirs = read
    return theirs if asserted(claim, mine) and asserted(sentence, theirs) else None


def only_planned(claim: str, sentence: str, read: tuple[Move, Move] | None) -> bool:
    """Does the sentence move the claim's thing the claim's way (``read``), but only as what
    will, may or is planned to happen, where the claim says it happened?"""
    if read is None or read[0].pole != read[1].pole:
        return False
    return asserted(claim, read[0]) and not asserted(sentence, read[1])


def _without(facts: Facts, said: Tally | Margin) -> Facts:
    """``facts`` less the figures inside a score, a vote's split or its margin."""
    end = said.start + len(said.text)
    return replace(facts, quantities=[q for q in facts.quantities if not said.start <= q.start < end])
