"""Judge each (claim, evidence sentence) pair: supports, contradicts or neutral.

:class:`Judge` is the interface a trained model can implement later; the first
implementation, :class:`FactJudge`, compares the checkable facts of both
sentences (quantities, dates, entities, negation) and only calls a mismatch a
contradiction when both sentences are about the same thing (scope): the claim's
named entities appear in the evidence and the number counts the same unit.

The values themselves are compared in :mod:`verifier.compare` (figures) and
:mod:`verifier.datecompare` (dates) and the words around a figure read in
:mod:`verifier.wording`; the checks that put those comparisons together (figures, dates,
changes, ranks, directions, swapped names, weekdays) are in :mod:`verifier.checks` and
:mod:`verifier.datechecks`, run in order by :meth:`FactJudge._compare`. This module decides
which of them count (how much of the claim the sentence repeats: the coverage bars), how sure
each verdict is, and the negation and support decisions that come after them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from verifier.agents import claim_agent, other_agent, other_winner
from verifier.changes import is_factor_word
from verifier.checks import (
    Cleared,
    Conflict,
    changes_against_changes,
    figures_against_figures,
    other_rank,
    other_weekday,
    swapped_names,
    turned_direction,
)
from verifier.datechecks import dates_against_dates
from verifier.datecompare import other_reading
from verifier.dates import about_saying, dateline_end, weekdays
from verifier.entities import entity_present, other_subject
from verifier.facts import Facts, extract
from verifier.lexicon import CURRENCY_WORDS, MEASURES, TOKEN_RE, lemma
from verifier.markets import market_move
from verifier.names import name_repeated, named_words, of_a_name, rival_named, sibling_named
from verifier.negation import restates_mark
from verifier.phrasing import figure_phrase, surface
from verifier.roles import body_named, only_the_post, other_holder, other_post
from verifier.scope import governed, negation_in_scope, superlative_words
from verifier.tallies import tally_against
from verifier.types import Evidence, Stance
from verifier.units import is_count_synonym, same_count_noun
from verifier.wording import POLE_WORDS, opposed, says_too, torn, unread_figures

# Share of the claim's content words an evidence sentence must repeat to count as
# talking about the same thing (below it, a differing number is not a contradiction).
SCOPE_COVERAGE = 0.5
SUPPORT_COVERAGE = 0.6
NEGATION_COVERAGE = 0.7
# Support from word overlap alone (no figure or date matched) needs nearly every word:
# one swapped word ("comedy" for "drama") is all a false claim usually changes.
OVERLAP_SUPPORT = 0.85
# The coverage bar of the tentative reading (FactJudge._compare, relaxed). Measured with
# scripts/fact_layer_check.py on 4,000 numeric VitaminC-real *training* pairs (the fact layer
# learns nothing from them): readings right for supports / contradicts at bar 0.5: 663/768,
# 479/580; at 0.34: 688/803, 495/604 (strict verdicts: 572/664, 326/411). Before capitalised
# words were set aside, 0.2 gave 838/1004, 595/754. 0.34 keeps both above 0.8. Session 5's
# parsing and scoping fixes (names the sentence repeats are shared words, "a population of 1.5
# million", "Chapter 3" is a name, the closest figure of a kind is the one compared): 712/813,
# 570/695 (strict 620/683, 351/436; a headline's capitalised words are not names). Session 6's
# units (synonyms, "people have died", ranks, lengths of time, "as of" readings): 689/786,
# 563/681 (strict 668/728, 371/455); on 16,000 pairs strict 2558/2764, 1490/1849.
# Session 14 (ratings in words, dates left open by an undated sentence), 16,000 pairs:
# at 0.34 2619/3029, 2160/2622; at 0.25 2976/3455, 2454/3006 (86% / 82%; the readings it
# adds are right 84% / 77% of the time); at 0.2 2995/3491, 2469/3041; at 0 the contradictions
# it adds are right 58% of the time. 0.25 keeps both above 0.8 again.
RELAXED_COVERAGE = 0.25
# Units that say little about what is counted ("35 years" vs "30 years" of different
# things); a mismatch in them is a contradiction only when the sentences agree on the rest
# (verifier.checks gets both through Cleared).
GENERIC_UNITS = frozenset(
    {"year", "month", "week", "day", "hour", "minute", "second", "time", "century", "%"}
)
GENERIC_COVERAGE = 0.75
# The tentative reading's bar for them where the sentence gives one figure of the unit (see
# checks.Cleared): with names set aside a short claim rarely repeats three words in four ("Mimic
# was rated more than 60% on Rotten Tomatoes" against "holds a 59% rotten rating on Rotten
# Tomatoes"). On the 16,000 numeric VitaminC training pairs, tentative contradictions went
# 2417/2871 -> 2465/2924 at 0.6 and 2506/2972 at 0.5 (the readings added right 91% and 88% of
# the time), supports unchanged. 0.6 was chosen on the newsroom sets: at 0.5 "reached the museum
# eleven minutes after the alarm" was refuted by "a raid that lasted less than seven minutes".
RELAXED_GENERIC = 0.6

# Judgement kinds for which the fact layer compared the values themselves: a figure, a date,
# or the direction of a change ("rose" / "fell"). Direction contradictions were right on 61 of
# 63 training pairs where they fired (COVID-Fact, FEVER, VitaminC; never on VitaminC's numeric
# pairs), so they are as decisive as a figure that differs.
VALUE_KINDS = ("quantity", "date", "direction", "role")


@dataclass
class Judgement:
    stance: Stance
    probability: float  # probability of ``stance``
    reason: str
    kind: str = ""  # which fact decided: quantity, date, negation, overlap, entity, ...
    # For a neutral verdict on a claim with figures or dates: what the sentence's figures and
    # dates say when read loosely, as a Judgement of kind quantity/date (or a neutral one of kind
    # snapshot: a figure read at another moment), else None. Loosely:
    # as if a sentence that does not name the claim's subject ("He scored 25 goals") were
    # about it, and a figure close to the claim's with no unit in common ("88 reviews" for
    # "90 critics") counted the same thing. Not a verdict: the fitted model combination
    # decides how far to trust it.
    tentative: Judgement | None = None


class Judge(Protocol):
    name: str

    def judge(self, claim: str, evidence: Sequence[Evidence]) -> list[Judgement]: ...

    def to_dict(self) -> dict[str, Any]: ...


_SYMBOL_WORDS = {symbol: word for word, symbol in CURRENCY_WORDS.items()}


def _money_words(facts: Facts) -> frozenset[str]:
    return frozenset(_SYMBOL_WORDS[u] for q in facts.quantities for u in q.unit if u in _SYMBOL_WORDS)


def _coverage(claim: Facts, ev: Facts, skip: frozenset[str] = frozenset()) -> float:
    """Share of the claim's content words (less ``skip``) that the evidence repeats."""
    # A currency is a word of the claim whether written "€" or "euros" ("a profit of €2.1
    # billion" shares "euro" with "a profit of 1.2 billion euros").
    content = (claim.content | _money_words(claim)) - skip
    if not content:
        return 1.0
    hit = 0
    words = ev.words | _money_words(ev)
    ev_measures = {MEASURES[w][0] for w in ev.content if w in MEASURES}
    long_words = [other for other in ev.content if len(other) >= 5]
    for word in content:
        if (
            word in words
            or (len(word) >= 5 and any(other.startswith(word[:5]) for other in long_words))
            # a unit said in other words: "fatalities" for "deaths", "two weeks" for "14 days"
            or (word in MEASURES and MEASURES[word][0] in ev_measures)
            # a currency against a currency: which one is for the figures to settle
            or (word in CURRENCY_WORDS and not words.isdisjoint(CURRENCY_WORDS))
            or (is_count_synonym(word) and any(same_count_noun(word, other) for other in ev.content))
            # a change against a change ("doubled" / "rose 100%", "tripled" / "doubled"): how large
            # is for the figures to settle
            or ((is_factor_word(word) or word in POLE_WORDS) and any(map(is_factor_word, ev.content)))
            or (is_factor_word(word) and not ev.content.isdisjoint(POLE_WORDS))
        ):
            hit += 1
    return hit / len(content)


def _done_by_another(claim: Facts, ev: Facts, missing: Sequence[str]) -> tuple[str, str, str] | None:
    """(claimed person, the sentence's person, what the claim says was done) when the sentence
    has someone else do or say it, and leaves out nothing of the claim but who did it."""
    agent = claim_agent(claim.text)
    if agent is None:
        return None
    subject = claim.text[: claim.text.find(agent.act)].lower() if agent.act in claim.text else ""
    if not all(m in subject for m in missing):
        return None
    other = other_agent(claim.text, ev.text)
    return None if other is None else (other[0], other[1], agent.act)


def _market(
    claim: Facts, ev: Facts, similarity: float, title: str, missing: Sequence[str]
) -> Judgement | None:
    """A share price, currency or yield the sentence moves the other way (or the same way) as
    the claim (:mod:`verifier.markets`), on the same day where both name one."""
    moved = market_move(claim.text, ev.text, title)
    if moved is None:
        return None
    owner = moved[0].lower()
    if not all(all(w in owner for w in m.split()) for m in missing):
        return None  # the sentence leaves out more of the claim than whose price moved
    # Every day either names, the day a source spoke included ("fell 4.2%, it said on Tuesday").
    days = set(weekdays(claim.text, saying=True)), set(weekdays(ev.text, saying=True))
    if days[0] and days[1] and not days[0] & days[1]:
        return None
    strength = min(1.0, max(0.0, similarity))
    if moved[2]:
        return Judgement("supports", 0.45 + 0.45 * strength, f"states '{moved[1]}'", "overlap")
    return _contradiction(
        Conflict("direction", f"claim says '{moved[0]}'; the evidence says '{moved[1]}'"), strength
    )


def _lead_day(claim: Facts, ev: Facts) -> tuple[str, str] | None:
    """An announcement's weekday against the day a wire story's lead (its dateline sentence)
    says it was made: "Hallberg announced the Greyford closure on a Thursday" against
    "GREYFORD, May 20 (Wire) - Hallberg Motors will close …, the carmaker said on Tuesday". The
    lead tells of the story's news, so its one day is the announcement's, whatever verbs the two
    use. Only for a claim with no figure or other date, whose names the lead mentions."""
    if not dateline_end(ev.text) or not about_saying(claim.text) or claim.quantities or claim.dates:
        return None
    claim_days, ev_days = set(weekdays(claim.text, saying=True)), set(weekdays(ev.text, saying=True))
    if len(claim_days) != 1 or len(ev_days) != 1 or claim_days == ev_days or claim.negated:
        return None
    return next(iter(claim_days)).capitalize(), next(iter(ev_days)).capitalize()


def _in_scope(coverage: float, similarity: float, bar: float) -> bool:
    """Is a sentence about the claim's subject: it repeats the claim to ``bar``, or is very
    similar and repeats some of it?"""
    return coverage >= bar or (similarity >= 0.7 and coverage >= 0.3)


def _one_way(claim: Facts, ev: Facts, verdict: Judgement) -> Judgement:
    """A date or the words confirm a claim of change only where the sentence says one way; a
    figure's own direction is checked where it matched."""
    if verdict.stance != "supports" or verdict.kind not in ("date", "overlap", "quantity"):
        return verdict
    lower = [t.lower() for t in TOKEN_RE.findall(claim.text)], [t.lower() for t in TOKEN_RE.findall(ev.text)]
    both = torn(*lower) if verdict.kind != "quantity" else None
    if both is not None:
        reason = f"says both '{both[1]}' and '{both[2]}', not which way '{both[0]}' went"
        return Judgement("neutral", 0.0, reason, "direction")
    # The date matched, or the words did, but the sentence says the other way ("the council
    # approved a renovation in March 2024" against "rejected a plan … in 2024").
    # Likewise a matched figure, for acts only ("accepted a 45 million crown offer" against
    # "offered 45 million crowns …, but the company turned the offer down"): a rise or fall
    # is checked at the figure itself.
    if verdict.kind in ("date", "quantity"):
        flip = opposed(*lower, acts_only=verdict.kind == "quantity")
        if flip is not None:
            reason = f"claim says '{flip[0]}'; the evidence says '{flip[1]}'"
            return _contradiction(Conflict("direction", reason), verdict.probability)
    return verdict


# How sure a contradiction of each kind is, as base + slope * strength (strength: how much of the
# claim the sentence repeats and how similar it is), in one table so the kinds are weighed side
# by side; the checks that find them (verifier.checks) only say what differs.
_CONTRADICTION = {
    "quantity": (0.55, 0.4),
    "date": (0.5, 0.35),
    "negation": (0.45, 0.35),
    "direction": (0.45, 0.35),
    "role": (0.45, 0.35),
}


def _contradiction(conflict: Conflict, strength: float) -> Judgement:
    base, slope = _CONTRADICTION[conflict.kind]
    return Judgement("contradicts", base + slope * strength, conflict.reason, conflict.kind)


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
        return [self.assess(claim_facts, extract(e.text), e.similarity, e.title) for e in evidence]

    def assess(self, claim: Facts, ev: Facts, similarity: float, title: str = "") -> Judgement:
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
        if (winner := other_winner(claim.text, ev.text)) is not None:
            reason = f"the evidence says {winner[1]} won, beating {winner[0]}"
            verdict = _contradiction(Conflict("role", reason), min(1.0, max(0.0, similarity)))
        elif (moved := other_post(claim.text, ev.text)) is not None:
            mine, theirs = moved
            reason = f"claim says {mine.name} is the {mine.post}; the evidence says {theirs.post}"
            verdict = _contradiction(Conflict("role", reason), min(1.0, max(0.0, similarity)))
        elif held is not None and (
            bare is not None or self._says_the_rest(claim, ev, held[0].name, similarity)
        ):
            mine, theirs = held
            reason = f"claim says {mine.name} is the {mine.post}; the evidence names {theirs.name}"
            verdict = _contradiction(Conflict("role", reason), min(1.0, max(0.0, similarity)))
        elif missing and (done := _done_by_another(claim, ev, missing)) is not None:
            reason = f"the evidence says {done[1]}, not {done[0]}, {done[2]}"
            verdict = _contradiction(Conflict("role", reason), min(1.0, max(0.0, similarity)))
        elif missing:
            names = ", ".join(surface(claim.text, m) for m in missing)
            verdict = Judgement("neutral", 0.0, f"does not mention {names}", "entity")
        elif swap is not None:
            verdict = Judgement("neutral", 0.0, f"is about {swap[1]}, not {swap[0]}", "entity")
        else:
            # A direction word the sentence turns round is what a flipped claim changes ("shares
            # fell 7.4%" against "rose 7.4%"): it does not count against the sentence being about
            # the same thing.
            turned = (
                frozenset(w for w in claim.content if w in POLE_WORDS and w not in ev.content)
                if ev.content & POLE_WORDS
                else frozenset()
            )
            # So is a superlative the sentence ranks another way ("biggest" / "second-largest"),
            # and there a name of the subject that the document's title gives ("Corvaris Air
            # cancels …", then "The carrier, Talvoria's second-largest airline").
            if superlative_words(ev.text) and superlative_words(claim.text):
                turned |= superlative_words(claim.text) - ev.content
                turned |= named_words(claim.text) & frozenset(lemma(t) for t in TOKEN_RE.findall(title))
            verdict = _one_way(claim, ev, self._compare(claim, ev, similarity, _coverage(claim, ev, turned)))
        if verdict.stance == "neutral" and not missing and (days := _lead_day(claim, ev)) is not None:
            reason = f"claim says {days[0]}; the story's lead says {days[1]}"
            verdict = _contradiction(Conflict("date", reason), min(1.0, max(0.0, similarity)))
        market = _market(claim, ev, similarity, title, missing)
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
            loose = _one_way(
                claim, ev, self._compare(titled, ev, similarity, _coverage(claim, ev, unnamed), relaxed=True)
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
        return _in_scope(_coverage(claim, ev, skip), similarity, self.scope_coverage)

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
        if not _in_scope(coverage, similarity, scope_coverage):
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
            all_but=lambda words: _coverage(claim, ev, words) >= NEGATION_COVERAGE,
        )
        tally = tally_against(claim.text, ev.text)
        if tally is not None and not tally[2] and cleared.support:
            reason = f"claim says {tally[0].text}; the evidence says {tally[1].text}"
            return _contradiction(Conflict("quantity", reason), strength)
        if tally is not None:
            # The two numbers of a matched score are that score, not counts of their own.
            outside = [
                q
                for q in claim.quantities
                if not tally[0].start <= q.start < tally[0].start + len(tally[0].text)
            ]
            claim = replace(claim, quantities=outside)
        supported_q, conflict = figures_against_figures(claim, ev, cleared, relaxed)
        if conflict is not None and conflict.kind == "snapshot":
            return Judgement("neutral", 0.0, conflict.reason, "snapshot")
        if conflict is not None:
            return _contradiction(conflict, strength)
        supported_d, conflict = dates_against_dates(claim, ev, cleared, relaxed)
        if conflict is not None:
            return _contradiction(conflict, strength)
        supported_f, conflict = changes_against_changes(claim, ev, supported_q, cleared)
        if conflict is not None:
            return _contradiction(conflict, strength)
        saying = about_saying(claim.text)
        claim_days, ev_days = weekdays(claim.text, saying), weekdays(ev.text, saying)
        conflict = (
            other_rank(claim, ev, cleared)
            or turned_direction(claim, ev, supported_q, cleared)
            or swapped_names(claim, ev, cleared)
            or other_weekday(claim, ev, claim_days, ev_days, cleared)
        )
        if conflict is not None:
            return _contradiction(conflict, strength)

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
                return _contradiction(Conflict("negation", reason), strength)

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
        firm = supported_q or supported_f or [d for d, e in supported_d if not e.ongoing] or tally
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
                + ([tally[1].text] if tally else [])
            )
            reason = "states " + "; ".join(pieces) if pieces else "states the same"
            bonus = 0.1 if (supported_q or supported_d or supported_f or tally) else 0.0
            return Judgement(
                "supports",
                min(0.97, 0.45 + 0.45 * strength + bonus),
                reason,
                "quantity" if supported_q or supported_f or tally else "date" if supported_d else "overlap",
            )
        return Judgement("neutral", 0.0, "is related but does not state the claim", "overlap")
