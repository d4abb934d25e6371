"""The judge that combines the trained model with the fact layer: ``ModelJudge``.

It turns :class:`verifier.nli.NLIModel`'s probabilities and the fact layer's findings into
one stance per (claim, sentence): the features the fitted combiner weighs, the rules by which
the fact layer overrides the model, and the reasons a verdict gives. It is separate from
:mod:`verifier.nli` because that module runs the model, which retrieval and the training
scripts use alone; this one holds the decisions calibrate_judge.py tunes. The readings of a
pair's wording those decisions consult are :mod:`verifier.pairwording`'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from verifier.errors import VerifierError
from verifier.judgement import STATED_DENIALS, VALUE_KINDS
from verifier.nli import NLIModel, softmax
from verifier.pairwording import contrast, denies, hedged, opposed_act, replaced_entity, settled_by_values
from verifier.readings import counted
from verifier.scope import superlative_words

FEATURES = (
    "bias",
    "log_p_supported",
    "log_p_contradicted",
    "log_p_unknown",
    "fact_supports",
    "fact_supports_values",
    "fact_contradicts_values",
    "fact_contradicts_negation",
    "fact_missing_entity",
    "fact_missing_value",
    "similarity",
    "fact_tentative_supports",
    "fact_tentative_contradicts",
)
STANCES = ("supports", "contradicts", "neutral")
# Below this cosine (all-MiniLM-L6-v2) a sentence shares no topic with the claim; chosen from
# the model's known similarity scale (unrelated pairs sit near 0-0.2), not tuned on any set.
MIN_SIMILARITY = 0.25
MISSING_FACT = ("neutral", "missing-fact")
SNAPSHOT = ("neutral", "snapshot")
# A contradiction only the model reads says so: it is not a figure or date that was checked.
MODEL_CONTRADICTS = (
    "reads as contradicting the claim (the model's reading, not a figure or date that differs)"
)
# The fact layer's overrides of the model, each switchable so that calibrate_judge.py can
# measure what each one is worth on held-out training data:
# - value_mismatch: a scoped number/date mismatch is a contradiction whatever the model reads;
# - unrelated: a sentence below MIN_SIMILARITY is neutral;
# - entity_scope: a sentence missing the claim's named entity cannot contradict it, nor
#   confirm its figures; entity_conflict: the same, only for a figure or date claim and
#   where the sentence names another entity instead;
# - missing_fact: a sentence lacking the claim's figure or date cannot confirm it;
# - denial: a claim that denies what the sentence states, about the same named things,
#   is contradicted ("Solvex does not make batteries" against "Solvex makes batteries").
#   Only the claim's negation: a sentence's "not" often governs another clause than the
#   one the claim repeats (on training pairs it was right 0.86 of the time when the claim
#   carried it, 0.59 when the sentence did).
# - value_match: the mirror of value_mismatch: a scoped sentence that states the claim's figures
#   or dates, all of them, supports it whatever the model reads ("Net profit for April to June
#   was 84 million thalers" for "a second-quarter net profit of 84 million thalers", which the
#   model reads as unknown). On 16,000 numeric VitaminC training pairs the fact layer's strict
#   support was right 3479 times of 3697 (scripts/fact_layer_check.py). Not a forecast, a rank
#   or a figure that only names a noun (pairwording.settled_by_values).
RULES = (
    "value_mismatch",
    "unrelated",
    "entity_scope",
    "entity_conflict",
    "missing_fact",
    "denial",
    "value_match",
)


def similarity_of(evidence: Any) -> float:
    return float(getattr(evidence, "similarity", 1.0))


def pair_features(probs: np.ndarray, fact: Any, similarity: float) -> np.ndarray:
    """One row of :data:`FEATURES` for a (claim, sentence) pair."""
    logp = np.log(np.clip(probs, 1e-6, 1.0))
    supports = fact.stance == "supports"
    contradicts = fact.stance == "contradicts"
    values = fact.kind in VALUE_KINDS
    tentative = getattr(fact, "tentative", None)
    return np.array(
        [
            1.0,
            logp[0],
            logp[1],
            logp[2],
            fact.probability if supports else 0.0,
            1.0 if supports and values else 0.0,
            fact.probability if contradicts and values else 0.0,
            fact.probability if contradicts and fact.kind == "negation" else 0.0,
            1.0 if fact.stance == "neutral" and fact.kind == "entity" else 0.0,
            1.0 if fact.stance == "neutral" and fact.kind == "missing-fact" else 0.0,
            similarity,
            tentative.probability if tentative is not None and tentative.stance == "supports" else 0.0,
            tentative.probability if tentative is not None and tentative.stance == "contradicts" else 0.0,
        ],
        dtype=np.float64,
    )


_PREFETCH: ThreadPoolExecutor | None = None


def _background() -> ThreadPoolExecutor:
    """One thread that waits on the model while the caller's thread works: not the model's
    own pool, whose workers it would otherwise hold while waiting for them."""
    global _PREFETCH
    if _PREFETCH is None:
        _PREFETCH = ThreadPoolExecutor(1, thread_name_prefix="verifier-prefetch")
    return _PREFETCH


def _reading_key(claim: str, evidence: Sequence[Any]) -> tuple:
    # Everything FactJudge.judge reads of a sentence.
    return (claim, tuple((e.judged_text, e.similarity, e.title) for e in evidence))


_LEVEL_CLAIMED = re.compile(r"\b(?:record|all-time|to\s+(?:a|an|its|their|the)\s+\w+\s+(?:low|high))\b")


def moved_alike(fact: Any, claim_facts: Any) -> bool:
    """A price or balance the sentence moves the way a claim with no figure or date says
    ("Dunmoor Coal's share price fell" / "Dunmoor shares fell 18%"): the direction is all there
    is to check, and the fact layer checked it with whose price or balance moved."""
    if fact.kind != "direction" or counted(claim_facts) or claim_facts.dates:
        return False
    # Where the move ends up ("fell to an all-time low") is more than which way it went.
    return not (superlative_words(claim_facts.text) or _LEVEL_CLAIMED.search(claim_facts.text))


class ModelJudge:
    """The trained cross-encoder and the fact layer, combined by weights fitted on train.

    The fact layer keeps its say where it is precise (a scoped number or date mismatch, a
    figure the claim gives that the sentence lacks); the model reads everything else. The
    combination is a multinomial logistic regression over :data:`FEATURES`, fitted by
    scripts/calibrate_judge.py on training-split pairs the model never saw. Without fitted
    weights the model's own probabilities decide.
    """

    name = "model+facts"

    def __init__(
        self,
        model: NLIModel | None = None,
        facts: Any = None,
        rules: Sequence[str] | None = None,
        bars: Sequence[float] | None = None,
    ) -> None:
        from verifier.judge import FactJudge

        self.model = model or NLIModel()
        self.facts = facts or FactJudge()
        chosen = rules if rules is not None else self.model.meta.get("rules", RULES)
        unknown = set(chosen) - set(RULES)
        if unknown:
            raise VerifierError(f"unknown judge rules {sorted(unknown)}: choose from {', '.join(RULES)}")
        self.rules = frozenset(chosen)
        combiner = self.model.meta.get("combiner")
        self.weights = np.array(combiner["weights"], dtype=np.float64) if combiner else None
        # The combiner names its features, so one fitted before a feature was added still loads.
        names = list(combiner.get("features", FEATURES)) if combiner else list(FEATURES)
        unknown_features = [n for n in names if n not in FEATURES]
        if unknown_features:
            raise VerifierError(
                f"{self.model.model_dir / 'judge.json'}: unknown combiner features {unknown_features}"
            )
        self.columns = [FEATURES.index(n) for n in names]
        if self.weights is not None and self.weights.shape != (3, len(names)):
            raise VerifierError(
                f"{self.model.model_dir / 'judge.json'}: combiner weights have the wrong shape"
            )
        self.bars = bars if bars is not None else (combiner or {}).get("stance_bars")
        # Whether the model reads a sentence after its document's title ("Halcyra profit jumps
        # 18% …: Its shares rose 7.3% …"), as the index embeds it; chosen by calibrate_judge.py.
        self.titled = bool(self.model.meta.get("evidence_title", False))
        # The fact layer's readings taken by prefetch, keyed by what they were computed from,
        # so a stale or missing entry only means reading again.
        self._readings: dict[tuple, list[Any]] = {}

    @property
    def bars(self) -> tuple[float, float] | None:
        """(supports, contradicts) bars a sentence's combined probability must clear for that
        stance when a claim is judged against several sentences, fitted on training claims;
        None: the most probable stance wins. Over several sentences the verdict follows the
        strongest of each side, so a support read at 0.4 in one of five sentences is weaker
        evidence than the same reading of a claim's only sentence, while a contradiction read
        at 0.2 still says something. A claim judged against one sentence keeps the most
        probable stance."""
        return self._bars

    @bars.setter
    def bars(self, value: Sequence[float] | None) -> None:
        if value is not None:
            value = tuple(float(v) for v in value)
            if len(value) != 2 or not all(0.0 < v < 1.0 for v in value):
                raise VerifierError(f"stance bars must be two numbers in (0, 1), not {value}")
        self._bars = value

    def _stance_index(self, p: np.ndarray, several: bool) -> int:
        """0 supports, 1 contradicts, 2 neutral: with bars (and ``several`` sentences), the side
        that clears its bar by more, else neutral; otherwise the most probable."""
        if self._bars is None or not several:
            return int(np.argmax(p))
        margins = (p[0] - self._bars[0], p[1] - self._bars[1])
        if max(margins) < 0:
            return 2
        return 0 if margins[0] >= margins[1] else 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.name,
            "model_dir": str(self.model.model_dir),
            "facts": self.facts.to_dict(),
            "rules": sorted(self.rules),
        }

    def relevance(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """The reranking score: the model's relevance output where it has one (trained to rank
        a claim's evidence above the other retrieved sentences), else how decisive the
        sentence is for the claim (1 - P(unknown)).

        Takes (claim, sentence) pairs of any number of claims, so that a batch is scored in
        one pass of the model; the judge later reuses these pairs' scores."""
        relevance = self.model.relevance(pairs)
        return relevance if relevance is not None else 1.0 - self.model.predict(pairs)[:, 2]

    def prefetch(self, items: Sequence[tuple[str, Sequence[Any]]]) -> None:
        """Score the (claim, sentence) pairs of many claims in one pass, ahead of judging them.

        The model runs on its worker threads while this thread reads the same pairs with the
        fact layer: that is single-threaded Python, and run after the model it left one of
        the two cores idle for about a tenth of a batch. Judging then reuses both readings."""
        pairs = [(claim, self.model_text(e)) for claim, evidence in items for e in evidence]
        scoring = _background().submit(self.model.predict, pairs)
        try:
            self._readings = {
                _reading_key(claim, evidence): self.facts.judge(claim, evidence)
                for claim, evidence in items
                if evidence
            }
        finally:
            scoring.result()

    def model_text(self, evidence: Any) -> str:
        """What the model reads of a sentence: as the judge reads it, after its title if the
        fitted judge says so."""
        title = getattr(evidence, "title", "") if self.titled else ""
        return f"{title}: {evidence.judged_text}" if title else evidence.judged_text

    def stance_probs(self, claim: str, evidence: Sequence[Any]) -> tuple[np.ndarray, list[Any]]:
        probs = self.model.predict([(claim, self.model_text(e)) for e in evidence])
        facts = self._readings.pop(_reading_key(claim, evidence), None)
        if facts is None:
            facts = self.facts.judge(claim, evidence)
        if self.weights is None:
            return probs, facts  # columns already supports/contradicts/unknown(=neutral)
        x = np.vstack(
            [pair_features(p, f, e.similarity) for p, f, e in zip(probs, facts, evidence, strict=True)]
        )
        return softmax(x[:, self.columns] @ self.weights.T), facts

    def _out_of_scope(self, claim_facts: Any, evidence: Any) -> bool:
        """The fact layer found a named entity of the claim missing from the sentence; does
        that put the sentence out of the claim's scope? ``entity_scope``: always;
        ``entity_conflict``: only for a claim about a figure or date, and only when the sentence
        names another entity in its place ("900 troops in Syria" against "2,500 troops in
        Iraq": another fact, not a contradiction). A sentence that merely leaves the name out
        ("the virus"), or swaps only the name ("born in France" / "in Germany"), is the model's."""
        if "entity_scope" in self.rules:
            return True
        if "entity_conflict" not in self.rules or not (claim_facts.quantities or claim_facts.dates):
            return False
        return replaced_entity(claim_facts, evidence.judged_text)

    def _said_by_another(self, claim_facts: Any, evidence: Any) -> Any:
        """A contradiction where the sentence states the claim of another person than the one
        the claim names (:mod:`verifier.speakers`): the model, asked again with each person the
        sentence names in the claimed person's place, reads one of those claims as stated."""
        from verifier.facts import extract
        from verifier.judgement import Judgement
        from verifier.speakers import STATED, reattributed

        found = reattributed(claim_facts, extract(evidence.judged_text), getattr(evidence, "title", ""))
        if found is None:
            return None
        agent, claims = found
        probs = self.model.predict([(text, self.model_text(evidence)) for _, text in claims])
        best = int(np.argmax(probs[:, 0]))
        if probs[best, 0] < STATED:
            return None
        other = claims[best][0]
        reason = f"says it of {other}, not {agent.name} (read with {other} in the claim, it states the claim)"
        return Judgement("contradicts", float(probs[best, 0]), reason, "role")

    def judge(self, claim: str, evidence: Sequence[Any]) -> list[Any]:
        from verifier.facts import extract
        from verifier.judgement import Judgement

        if not evidence:
            return []
        probs, facts = self.stance_probs(claim, evidence)
        claim_facts = extract(claim)
        out = []
        for p, fact, e in zip(probs, facts, evidence, strict=True):
            denial = "denial" in self.rules and fact.kind == "negation" and denies(claim_facts, e.judged_text)
            if fact.stance == "contradicts" and (
                ("value_mismatch" in self.rules and fact.kind in VALUE_KINDS) or denial
            ):
                # A scoped figure or date mismatch, or a claim denying what the sentence states,
                # is a contradiction whatever the model reads: the fact layer checked the values
                # (or the negation's scope) and that both sentences are about the same thing.
                prob = max(fact.probability, float(p[1]))
                out.append(Judgement("contradicts", prob, fact.reason, fact.kind))
                continue
            if (
                "value_match" in self.rules
                and fact.stance == "supports"
                and fact.kind in VALUE_KINDS
                and (settled_by_values(claim_facts) or moved_alike(fact, claim_facts))
            ):
                out.append(Judgement("supports", max(fact.probability, float(p[0])), fact.reason, fact.kind))
                continue
            if fact.kind in STATED_DENIALS:
                # The claim's "no … bigger than" is the sentence's superlative ("did not change" its
                # "kept"): the fact layer read the two as one statement, where the model reads the
                # claim's "no" as a denial.
                out.append(Judgement("supports", max(fact.probability, float(p[0])), fact.reason, fact.kind))
                continue
            if fact.stance == "neutral" and fact.kind == "entity":
                said = self._said_by_another(claim_facts, e)
                if said is not None:
                    out.append(said)
                    continue
            k = self._stance_index(p, several=len(evidence) > 1)
            tentative = getattr(fact, "tentative", None)
            readings = {(r.stance, r.kind) for r in (fact, tentative) if r is not None}
            if "unrelated" in self.rules and similarity_of(e) < MIN_SIMILARITY:
                k = 2  # an unrelated sentence says nothing about the claim, whatever the model reads
            elif fact.stance == "neutral" and fact.kind == "entity" and self._out_of_scope(claim_facts, e):
                # Scope: a sentence about another place, person or organisation cannot contradict
                # the claim, nor confirm its figures ("900 troops in Syria" vs "2,500 troops in Iraq").
                if k == 1 or (k == 0 and (claim_facts.quantities or claim_facts.dates)):
                    k = 2
            elif "missing_fact" in self.rules and k == 0 and (fact.stance, fact.kind) == MISSING_FACT:
                k = 2  # the claim's figure or date is not in the sentence: it cannot confirm it
            elif (
                k == 0
                and fact.stance == "neutral"
                and tentative is not None
                and tentative.stance == "contradicts"
                and tentative.kind in VALUE_KINDS
            ):
                # The fact layer found no match, and read loosely the sentence gives the claim's
                # figure another value ("12 countries" against "in nine countries"): it cannot
                # confirm it, however the model reads it.
                k = 2
            elif k == 0 and SNAPSHOT in readings:
                # The sentence gives the figure read at another moment, and another value: it
                # cannot confirm the claim's (the model, which does not compare, often reads it so).
                k = 2
            if k == 0 and fact.stance == "neutral" and opposed_act(claim, e.judged_text):
                # The sentence does the claim's act the other way ("rejected a pay offer" against
                # "accepted"), which the model, reading the rest as the same, takes for support.
                k = 2
            if (k == 0 or (k == 1 and fact.stance != "contradicts")) and hedged(claim, e.judged_text):
                # The claim says it will happen; the sentence only that it may, which neither
                # confirms nor denies it: "will lease two extra aircraft" against "in talks to
                # lease two extra planes, but no agreement has been reached" leaves it open.
                k = 2
            stance = STANCES[k]
            changed = contrast(claim, e.judged_text) if stance == "contradicts" else None
            if stance == fact.stance and fact.stance != "neutral":
                reason = fact.reason  # the fact layer names the values it compared
            elif tentative is not None and stance == tentative.stance and tentative.reason != fact.reason:
                reason = f"{tentative.reason.rstrip('.')} (a loose reading: the sentence {fact.reason})"
            elif stance == "supports":
                reason = "says the same in other words"
            elif stance == "contradicts" and changed:
                reason = f"says {changed[1]!r} where the claim says {changed[0]!r}"
            elif stance == "contradicts":
                reason = MODEL_CONTRADICTS
            else:
                reason = fact.reason if fact.stance == "neutral" else "is related but not decisive"
            # A neutral sentence carries no weight towards a verdict: its probability is that of "unknown".
            prob = float(p[k]) if k != 2 else float(p[2])
            out.append(Judgement(stance, prob, reason, "model" if reason != fact.reason else fact.kind))
        return out
