"""Judge each (claim, evidence sentence) pair: supports, contradicts or neutral.

:class:`verifier.judgement.Judge` is the interface a trained model can implement later; the first
implementation, :class:`FactJudge`, compares the checkable facts of both sentences (quantities,
dates, entities, negation) and only calls a mismatch a contradiction when both sentences are about
the same thing (scope): the claim's named entities appear in the evidence and the number counts
the same unit.

The values themselves are compared in :mod:`verifier.compare` (figures) and
:mod:`verifier.datecompare` (dates) and the words around a figure read in :mod:`verifier.wording`;
the checks that put those comparisons together (figures, dates, changes, ranks, directions,
swapped names, weekdays) are in :mod:`verifier.checks` and :mod:`verifier.datechecks`, run in
order by :meth:`FactJudge._compare`. This module decides which of them count (how much of the
claim the sentence repeats, against the coverage bars of :mod:`verifier.coverage`), how sure each
verdict is, and the negation and support decisions that come after them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from verifier.agents import other_winner, winner_as_loser
from verifier.checks import (
    Cleared,
    Conflict,
    changes_against_changes,
    figures_against_figures,
    other_rank,
)
from verifier.comparisons import against_reference
from verifier.coverage import (
    GENERIC_COVERAGE,
    GENERIC_UNITS,
    NEGATION_COVERAGE,
    OVERLAP_SUPPORT,
    RELAXED_COVERAGE,
    RELAXED_GENERIC,
    SCOPE_COVERAGE,
    SUPPORT_COVERAGE,
    claim_coverage,
    in_scope,
)
from verifier.datechecks import dates_against_dates
from verifier.datecompare import other_reading
from verifier.entities import entity_present, other_subject
from verifier.facts import Facts, extract
from verifier.fates import other_fate_of
from verifier.figurelabels import relabelled
from verifier.holders import ended_superlative, other_body, other_superlative_holder, other_top_doer
from verifier.judgement import VALUE_KINDS, Judgement, contradiction
from verifier.keeps import kept_against
from verifier.lexicon import TOKEN_RE, lemma
from verifier.names import name_repeated, named_words, of_a_name, rival_named, sibling_named
from verifier.negation import restates_mark
from verifier.phrasing import figure_phrase, surface
from verifier.readings import (
    bounded,
    done_by_another,
    lead_date,
    lead_day,
    market_reading,
    one_way,
    previous_year,
    publication_years,
)
from verifier.rivals import states_rivalry
from verifier.roles import body_named, only_the_post, other_holder, other_post
from verifier.scope import governed, negation_in_scope, superlative_words
from verifier.tallies import Margin, Tally, majority_against_seats, margin_against, tally_against
from verifier.types import Evidence
from verifier.wholes import names_a_period, who_by_age
from verifier.wordchecks import (
    about_saying,
    other_weekday,
    reversed_route,
    swapped_names,
    turned_direction,
    weekdays,
)
from verifier.wording import (
    POLE_WORDS,
    joined_pole_words,
    says_too,
    unread_figures,
    unturned_measure,
)


class FactJudge:
    """Rule-based judge over extracted facts; explains itself with the values it compared."""

    name = "facts"

    def __init__(
        self, scope_coverage: float = SCOPE_COVERAGE, support_coverage: float = SUPPORT_COVERAGE
    ) -> None:
        if not 0 < scope_coverage <= 1 or not 0 < support_coverage <= 1:
            raise ValueError("coverage thresholds must be in (0, 1]")
        self.scope_coverage = scope_coverage
        self.support_coverage = support_coverage

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.name,
            "scope_coverage": self.scope_coverage,
            "support_coverage": self.support_coverage,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FactJudge:
        return cls(
            float(data.get("scope_coverage", SCOPE_COVERAGE)),
            float(data.get("support_coverage", SUPPORT_COVERAGE)),
        )

    def judge(self, claim: str, evidence: Sequence[Evidence]) -> list[Judgement]:
        claim_facts = extract(claim)
        return [
            self.assess(claim_facts, extract(e.judged_text), e.similarity, e.title, e.date) for e in evidence
        ]

    def assess(
        self, claim: Facts, ev: Facts, similarity: float, title: str = "", published: str = ""
    ) -> Judgement:
        ev = publication_years(ev, published)
        strength = min(1.0, max(0.0, similarity))

        def role(reason: str) -> Judgement:
            """Another person, body or winner holds what the claim gives its subject."""
            return contradiction(Conflict("role", reason), strength)

        missing = sorted(
            e
            for e in claim.entities
            if not entity_present(e, ev, title)
            or (not entity_present(e, ev) and rival_named(e, claim.text, ev.text))
        )
        swap = None if missing else other_subject(claim, ev, title)
        held = other_holder(claim.text, ev.text) if missing else None
        bare = only_the_post(claim.text) if held is not None else None
        if bare is not None and not body_named(claim.text, bare, ev.text, title):
            held = bare = None
        if held is not None and not all(
            set(m.split()) <= set(held[0].name.lower().split())
            or (bare is not None and m not in bare.name.lower())
            for m in missing
        ):
            held = None  # the sentence leaves out more than the claimed person: another body's post
        if (top := states_rivalry(claim.text, ev.text, ev.negated)) is not None:
            # "No dam in Tarvonia is taller than Ardel" against "the tallest in the country": the
            # claim's denial of any rival is the sentence's superlative, not a denial of it.
            reason = f"states it as '{top}'"
            verdict = Judgement("supports", min(0.97, 0.6 + 0.35 * strength), reason, "rivalry")
        elif (winner := other_winner(claim.text, ev.text)) is not None:
            reason = f"the evidence says {winner[1]} won, beating {winner[0]}"
            verdict = role(reason)
        elif (beaten := winner_as_loser(claim.text, ev.text)) is not None:
            reason = f"the evidence says {beaten[0]} beat {beaten[1]}"
            verdict = role(reason)
        elif (top_of := other_superlative_holder(claim.text, ev.text)) is not None:
            reason = f"the evidence says {top_of[1]}, not {top_of[0]}, is {top_of[2]}"
            verdict = role(reason)
        elif (top_done := other_top_doer(claim.text, ev.text)) is not None:
            reason = f"the evidence says {top_done[1]}, not {top_done[0]}, {top_done[2]}"
            verdict = role(reason)
        elif not missing and (ended := ended_superlative(claim.text, ev.text)) is not None:
            reason = f"claim says '{ended[0]}'; the evidence says '{ended[1]}'"
            verdict = contradiction(Conflict("quantity", reason), strength)
        elif not missing and (kept := kept_against(claim.text, ev.text)) is not None:
            if kept[0]:
                reason = f"states it as '{kept[2]}'"
                verdict = Judgement("supports", min(0.97, 0.6 + 0.35 * strength), reason, "kept")
            else:
                reason = f"claim says '{kept[1]}'; the evidence says '{kept[2]}'"
                verdict = contradiction(Conflict("direction", reason), strength)
        elif not missing and (compared := against_reference(claim.text, ev.text)) is not None:
            reason = f"claim says '{compared[0]}'; the evidence says '{compared[1]}'"
            verdict = contradiction(Conflict("direction", reason), strength)
        elif (moved_to := other_body(claim.text, ev.text)) is not None:
            reason = f"claim says {moved_to[0]} is {moved_to[1]}; the evidence says {moved_to[2]}"
            verdict = role(reason)
        elif (fate := other_fate_of(claim.text, ev.text)) is not None:
            who = "the" + fate[0][3:] if fate[0].startswith("The ") else fate[0]
            reason = f"claim says {who} {fate[1]}; the evidence says they {fate[2]}"
            verdict = role(reason)
        elif (moved := other_post(claim.text, ev.text)) is not None:
            mine, theirs = moved
            reason = f"claim says {mine.name} is the {mine.post}; the evidence says {theirs.post}"
            verdict = role(reason)
        elif held is not None and (
            bare is not None or self._says_the_rest(claim, ev, held[0].name, similarity)
        ):
            mine, theirs = held
            reason = f"claim says {mine.name} is the {mine.post}; the evidence names {theirs.name}"
            verdict = role(reason)
        elif (bound := bounded(claim, ev, missing)) is not None:
            reason = f"claim says '{bound[0]}'; the evidence says '{bound[1]}'"
            verdict = contradiction(Conflict("quantity", reason), strength)
        elif not missing and (years := previous_year(claim.text, ev.text)) is not None:
            # "first since 2004" dates the one before: the claim's "previous ... in 2004".
            if years[0] == years[1]:
                reason = f"says this is the first since {years[1]}"
                verdict = Judgement("supports", 0.6 + 0.35 * strength, reason, "date")
            else:
                reason = f"claim says {years[0]}; the evidence says the one before was in {years[1]}"
                verdict = contradiction(Conflict("date", reason), strength)
        elif missing and (done := done_by_another(claim, ev, missing)) is not None:
            reason = f"the evidence says {done[1]}, not {done[0]}, {done[2]}"
            verdict = role(reason)
        elif missing:
            names = ", ".join(surface(claim.text, m) for m in missing)
            verdict = Judgement("neutral", 0.0, f"does not mention {names}", "entity")
        elif swap is not None:
            verdict = Judgement("neutral", 0.0, f"is about {swap[1]}, not {swap[0]}", "entity")
        else:
            # A direction word the sentence turns round is what a flipped claim changes ("shares
            # fell 7.4%" against "rose 7.4%"): it does not count against the sentence being about
            # the same thing.
            turned = frozenset(
                w
                for w in claim.content
                if w in POLE_WORDS
                and w not in ev.content
                and ev.content & POLE_WORDS
                and not unturned_measure(w, ev.content)
            )
            # So is a superlative the sentence ranks another way ("biggest" / "second-largest"),
            # and there a name of the subject that the document's title gives ("Corvaris Air
            # cancels …", then "The carrier, Talvoria's second-largest airline").
            lower = (
                [t.lower() for t in TOKEN_RE.findall(claim.text)],
                [t.lower() for t in TOKEN_RE.findall(ev.text)],
            )
            turned |= joined_pole_words(*lower)
            if superlative_words(ev.text) and superlative_words(claim.text):
                turned |= superlative_words(claim.text) - ev.content
                turned |= named_words(claim.text) & frozenset(lemma(t) for t in TOKEN_RE.findall(title))
            verdict = one_way(
                claim, ev, self._compare(claim, ev, similarity, claim_coverage(claim, ev, turned))
            )
        if verdict.stance == "neutral" and not missing and (days := lead_day(claim, ev)) is not None:
            reason = f"claim says {days[0]}; the story's lead says {days[1]}"
            verdict = contradiction(Conflict("date", reason), min(1.0, max(0.0, similarity)))
        elif (
            verdict.stance == "neutral"
            and not missing
            and in_scope(claim_coverage(claim, ev), similarity, self.scope_coverage)
            and (dated := lead_date(claim, ev, published)) is not None
        ):
            if dated[0]:
                verdict = Judgement(
                    "supports", 0.6 + 0.35 * strength, f"the story's lead dates it {dated[2]}", "date"
                )
            else:
                reason = f"claim says {dated[1]}; the story's lead dates it {dated[2]}"
                verdict = contradiction(Conflict("date", reason), strength)
        market = market_reading(claim, ev, similarity, title, missing)
        if market is not None and (
            verdict.stance == "neutral" or (verdict.stance, verdict.kind) == ("supports", "overlap")
        ):
            verdict = market
        if (
            verdict.stance == "neutral"
            and (claim.quantities or claim.dates)
            and not sibling_named(missing, title)
        ):
            # Read as if the sentence's subject were the claim's: the words of its names
            # (missing entities, and any capitalised word: titles like "Mistress of Evil") aside,
            # unless the sentence repeats them ("Rotten Tomatoes" is shared scope, not a name
            # to overlook).
            named = frozenset(w for m in missing for w in m.split()) | named_words(claim.text)
            unnamed = frozenset(w for w in named if w not in ev.words)
            titled = replace(claim, quantities=[q for q in claim.quantities if not of_a_name(claim.text, q)])
            loose = one_way(
                claim,
                ev,
                self._compare(titled, ev, similarity, claim_coverage(claim, ev, unnamed), relaxed=True),
            )
            # A loose reading that finds the sentence's figure read at another moment is kept
            # too: the model's support cannot stand on it (ModelJudge).
            if (loose.kind in VALUE_KINDS and loose.stance != "neutral") or (
                loose.kind == "snapshot" != verdict.kind
            ):
                verdict.tentative = loose
        return verdict

    def _says_the_rest(self, claim: Facts, ev: Facts, name: str, similarity: float) -> bool:
        """Does the sentence repeat the claim, the claimed person's name aside, to the scope bar?
        Then it is about the same act, and who did it is what differs."""
        skip = frozenset(w.lower() for w in name.split()) | named_words(name)
        return in_scope(claim_coverage(claim, ev, skip), similarity, self.scope_coverage)

    def _compare(
        self, claim: Facts, ev: Facts, similarity: float, coverage: float, relaxed: bool = False
    ) -> Judgement:
        """Figures, dates, negation and wording of a sentence taken to be about the claim's subject.

        ``relaxed`` (the tentative reading, a hint for the model combination, not a verdict):
        claims are short once their subject's name is set aside, so one unrepeated word must
        not hide a figure that counts the same thing; the coverage bars stop at RELAXED_COVERAGE,
        and a claim figure no sentence figure shares a unit with is compared with a near one."""
        scope_coverage = min(self.scope_coverage, RELAXED_COVERAGE) if relaxed else self.scope_coverage
        support_coverage = min(self.support_coverage, RELAXED_COVERAGE) if relaxed else self.support_coverage
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
                if not names_a_period(claim.text, q)
                and (relaxed or not who_by_age(claim.text, q, ev.content))
            ]
            or supported_f
            or [d for d, e in supported_d if not e.ongoing]
            or voted
        )
        needed = scope_coverage if firm else OVERLAP_SUPPORT
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
            reason = "states " + "; ".join(pieces) if pieces else "states the same"
            bonus = 0.1 if (supported_q or supported_d or supported_f or voted) else 0.0
            return Judgement(
                "supports",
                min(0.97, 0.45 + 0.45 * strength + bonus),
                reason,
                "quantity" if supported_q or supported_f or voted else "date" if supported_d else "overlap",
            )
        return Judgement("neutral", 0.0, "is related but does not state the claim", "overlap")


def _without(facts: Facts, said: Tally | Margin) -> Facts:
    """``facts`` less the figures inside a score, a vote's split or its margin."""
    end = said.start + len(said.text)
    return replace(facts, quantities=[q for q in facts.quantities if not said.start <= q.start < end])
