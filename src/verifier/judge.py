"""Judge each (claim, evidence sentence) pair: supports, contradicts or neutral.

:class:`verifier.judgement.Judge` is the interface a trained model can implement later; the first
implementation, :class:`FactJudge`, compares the checkable facts of both sentences (quantities,
dates, entities, negation) and only calls a mismatch a contradiction when both sentences are about
the same thing (scope): the claim's named entities appear in the evidence and the number counts
the same unit.

The values themselves are compared in :mod:`verifier.compare` (figures) and
:mod:`verifier.datecompare` (dates) and the words around a figure read in :mod:`verifier.wording`;
the checks that put those comparisons together are in :mod:`verifier.checks` and
:mod:`verifier.datechecks`, run in order by :func:`verifier.factcompare.facts_against_facts`,
with the negation and support decisions that come after them. This module first reads who and
when (another holder of the claimed post, winner, superlative or fate; a bound; the story's lead
date), then hands what is left to that comparison and keeps a looser reading of it for the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from verifier.agents import other_winner, winner_as_loser
from verifier.checks import Conflict
from verifier.comparisons import against_reference, preference_swapped
from verifier.coverage import SCOPE_COVERAGE, SUPPORT_COVERAGE, claim_coverage, in_scope
from verifier.disclosures import spoke_against_silence, withheld_alike
from verifier.dissents import side_against
from verifier.entities import entity_present, other_subject
from verifier.factcompare import facts_against_facts
from verifier.facts import Facts, extract
from verifier.fates import other_fate_of
from verifier.holders import ended_superlative, other_body, other_superlative_holder, other_top_doer
from verifier.judgement import VALUE_KINDS, Judgement, contradiction
from verifier.keeps import fell_short, kept_against, ruled_out
from verifier.lexicon import TOKEN_RE, lemma
from verifier.markets import close_against
from verifier.names import named_words, of_a_name, rival_named, sibling_named
from verifier.outsiders import outside_expert
from verifier.phrasing import surface
from verifier.placings import other_placing
from verifier.readings import (
    baseline_words,
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
from verifier.scope import superlative_words
from verifier.types import Evidence
from verifier.weekdates import weekday_dates
from verifier.wording import POLE_WORDS, joined_pole_words, unturned_measure


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
        ev = weekday_dates(publication_years(ev, published), published, claim)
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
        elif (outside := outside_expert(claim.text, ev.text)) is not None:
            # "X, who was not involved in the study" names the claimed person and the work.
            verdict = _stated(outside, "uninvolved", "role", strength)
        elif (split := side_against(claim.text, ev.text)) is not None:
            verdict = _differs(*split, "role", strength)
        elif (placed := other_placing(claim.text, ev.text)) is not None:
            verdict = _differs(*placed, "quantity", strength)
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
            verdict = _differs(*ended, "quantity", strength)
        elif not missing and (kept := kept_against(claim.text, ev.text)) is not None:
            verdict = _stated(kept, "kept", "direction", strength)
        elif not missing and (ruled := ruled_out(claim.text, ev.text)) is not None:
            verdict = _stated(ruled, "ruled-out", "direction", strength)
        elif not missing and (short := fell_short(claim.text, ev.text)) is not None:
            verdict = _stated(short, "fell-short", "direction", strength)
        elif (spoke := spoke_against_silence(claim.text, ev.text)) is not None:
            verdict = _differs(*spoke, "direction", strength)
        elif (silent := withheld_alike(claim.text, ev.text)) is not None:
            # The sentence's "he declined to say" stands for the claim's named person.
            verdict = _stated((True, *silent), "withheld", "direction", strength)
        elif not missing and (compared := against_reference(claim.text, ev.text)) is not None:
            verdict = _differs(*compared, "direction", strength)
        elif not missing and (closed := close_against(claim.text, ev.text)) is not None:
            verdict = _stated(closed, "quantity", "quantity", strength)
        elif not missing and (preferred := preference_swapped(claim.text, ev.text)) is not None:
            verdict = _differs(*preferred, "direction", strength)
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
            verdict = _differs(*bound, "quantity", strength)
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
            turned |= baseline_words(claim.text, ev.text)
            if superlative_words(ev.text) and superlative_words(claim.text):
                turned |= superlative_words(claim.text) - ev.content
                turned |= named_words(claim.text) & frozenset(lemma(t) for t in TOKEN_RE.findall(title))
            verdict = one_way(
                claim, ev, self._against(claim, ev, similarity, claim_coverage(claim, ev, turned))
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
                self._against(titled, ev, similarity, claim_coverage(claim, ev, unnamed), relaxed=True),
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

    def _against(
        self, claim: Facts, ev: Facts, similarity: float, coverage: float, relaxed: bool = False
    ) -> Judgement:
        return facts_against_facts(
            claim, ev, similarity, coverage, self.scope_coverage, self.support_coverage, relaxed
        )


def _stated(read: tuple[bool, str, str], kind: str, against: str, strength: float) -> Judgement:
    """A reading that found the sentence saying the claim's thing (agrees) or its opposite:
    (agrees, the claim's words, the sentence's) as a support of ``kind`` or a contradiction
    of kind ``against``."""
    agrees, mine, theirs = read
    if agrees:
        return Judgement("supports", min(0.97, 0.6 + 0.35 * strength), f"states it as '{theirs}'", kind)
    return _differs(mine, theirs, against, strength)


def _differs(mine: str, theirs: str, kind: str, strength: float) -> Judgement:
    """A contradiction of ``kind`` that quotes the claim's words and the sentence's."""
    return contradiction(Conflict(kind, f"claim says '{mine}'; the evidence says '{theirs}'"), strength)
