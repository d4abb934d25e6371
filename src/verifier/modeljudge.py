"""The judge that combines the trained model with the fact layer: ``ModelJudge``.

It turns :class:`verifier.nli.NLIModel`'s probabilities and the fact layer's findings into
one stance per (claim, sentence): the features the fitted combiner weighs, the rules by which
the fact layer overrides the model, and the reasons a verdict gives. It is separate from
:mod:`verifier.nli` because that module runs the model, which retrieval and the training
scripts use alone; this one holds the decisions calibrate_judge.py tunes.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from verifier.errors import VerifierError
from verifier.judgement import VALUE_KINDS
from verifier.nli import NLIModel, softmax

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
RULES = ("value_mismatch", "unrelated", "entity_scope", "entity_conflict", "missing_fact", "denial")


# A sentence that is itself a denial in other words ("refused to concede", "cannot"), or only
# hedges, intends or reports it ("allegedly", "aims to"), or a question, does not state plainly
# what a negated claim denies.
_NOT_PLAIN = re.compile(
    r"\b(?:fail(?:s|ed|ing)?|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|unable|tr(?:y|ies|ied)|sought|"
    r"seeks?|aims?|hopes?|wants?|set|going|appl(?:y|ies|ied)|claims?|claimed) to\b"
    r"|\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|without|cannot|incapable|lacks?|lacking|"
    r"stopped|ceased|halted|suspended|postponed|delayed|reversed|barred|banned|allegedly|"
    r"reportedly|rumou?red|believed|false|dismissed|may|might|should|could|would|will)\b|\?\s*$",
    re.IGNORECASE,
)
# A claim whose negation sits in a condition, reported speech or a modal ("if Solvex does not",
# "said it would not") denies nothing the sentence can state.
_NOT_PLAIN_CLAIM = re.compile(
    r"\b(?:if|unless|whether|said|says|say|told|claims?|claimed|reportedly|allegedly|would|will|"
    r"may|might|should|could|can|cannot)\b|\?\s*$",
    re.IGNORECASE,
)
# Another time than the claim's, unless the claim says it too ("once", "last year"). Modals
# are _NOT_PLAIN's: a claim carrying one is never read as a denial.
_OTHER_TIME = re.compile(
    r"\b(?:until|till|formerly|previously|once|used to|plans?|planned|"
    r"intends?|expects?|expected|former|earlier|last)\b",
    re.IGNORECASE,
)


def denies(claim_facts: Any, sentence: str) -> bool:
    """Does a negated claim deny what ``sentence`` states? Only when the sentence names the
    claim's named things and opens with no other name (its subject is the claim's: "Voltra,
    which supplies Solvex, makes batteries" is not about Solvex), states it plainly and speaks of
    no other time (no date, "until", "would")."""
    from verifier.entities import entity_present
    from verifier.facts import extract

    if not claim_facts.negated or _NOT_PLAIN_CLAIM.search(claim_facts.text):
        return False
    # A figure or date is the fact layer's to compare: "did not cut jobs in 2023" is not denied
    # by "cut jobs", nor "did not hire 2,000" by "hired 1,500".
    if claim_facts.dates or claim_facts.quantities:
        return False
    ev = extract(sentence)
    times = {w.lower() for w in _OTHER_TIME.findall(sentence)}
    if times - {w.lower() for w in _OTHER_TIME.findall(claim_facts.text)}:
        return False  # "until 2019" against "does not make"
    if ev.dates or _NOT_PLAIN.search(sentence):
        return False
    if not all(entity_present(x, ev) for x in claim_facts.entities):
        return False
    # The sentence's first name is its subject, and must be one the claim names.
    low = re.sub(r"[.’']", "", sentence.lower())
    found = [(i, x) for x in ev.entities if (i := low.find(x)) >= 0]
    return not found or entity_present(min(found)[1], claim_facts)


# A claim that something will happen, against a sentence that says it only may: "the union will
# go ahead with the strike" / "has warned of a strike if no agreement is reached", "price growth
# will slow" / "X predicted that price growth would slow", "will resume on Thursday" / "would not
# sail until Thursday at the earliest". Case matters: "May" is a month.
_WILL = re.compile(r"\bwill\b(?!\s+not\b)", re.IGNORECASE)
_HEDGE = re.compile(
    r"\b(?:if|unless|subject to|at the earliest|could|might|may|predict(?:s|ed)?|forecast(?:s)?|"
    r"warned of|threaten(?:s|ed)?|hopes? to|aims? to|considering|weighing|possibly|likely)\b"
)


def hedged(claim: str, sentence: str) -> bool:
    """Does the claim say flatly that something will happen where the sentence hedges it?"""
    return bool(_WILL.search(claim)) and not _HEDGE.search(claim) and bool(_HEDGE.search(sentence))


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


_WORD = re.compile(r"\w+(?:[.,'’-]\w+)*")
# A contrast is named only when the sentence repeats most of the claim around it: then the
# differing words are what the verdict turns on, not two unrelated phrasings.
CONTRAST_COVERAGE = 0.6
CONTRAST_MAX_WORDS = 6


def _alignment(claim: str, sentence: str) -> tuple[float, list[tuple[int, int, int, int]], list, list]:
    """Word-level alignment of claim and sentence: the share of claim words the sentence
    repeats, the 'replace' spans (claim words i1:i2 stand where sentence words j1:j2 are),
    and both word lists with their character offsets."""
    a = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(claim)]
    b = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(sentence)]
    if not a or not b:
        return 0.0, [], a, b
    matcher = difflib.SequenceMatcher(
        None, [w.lower() for w, _, _ in a], [w.lower() for w, _, _ in b], autojunk=False
    )
    same = sum(block.size for block in matcher.get_matching_blocks())
    spans = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag == "replace"]
    return same / len(a), spans, a, b


def contrast(claim: str, sentence: str) -> tuple[str, str] | None:
    """The words of the claim that the sentence replaces, and what it says instead:
    ("will stay", "will withdraw") for a sentence that repeats the rest of the claim."""
    coverage, spans, a, b = _alignment(claim, sentence)
    if coverage < CONTRAST_COVERAGE:
        return None
    pieces = []
    for i1, i2, j1, j2 in spans:
        if i2 - i1 > CONTRAST_MAX_WORDS:
            continue
        if i2 == len(a):
            # At the claim's end the sentence often just goes on: keep about as many words.
            j2 = min(j2, j1 + i2 - i1 + 1)
        if j2 - j1 <= CONTRAST_MAX_WORDS:
            pieces.append((claim[a[i1][1] : a[i2 - 1][2]], sentence[b[j1][1] : b[j2 - 1][2]]))
    if not pieces or len(pieces) > 3:
        return None  # more than a few swaps: not one sentence restated with a change
    return " … ".join(x for x, _ in pieces), " … ".join(y for _, y in pieces)


# A claim about another subject: the claim names it in its first words and the sentence opens
# with another name ("Unemployment in Sweden fell to 4.2%" against "Nordland's unemployment
# rate fell to 4.2%"), though word alignment does not pair them. On the held-out training pool
# this costs 2 of 892 VitaminC pairs (pool macro-F1 0.738 -> 0.736, within calibration's tie
# margin); on a newsroom-style QA set it stopped two "SUPPORTED" verdicts about the wrong place.
SUBJECT_SWAP = 6
# Where something happened, not who did it: "In the United States", "across Northern Ireland".
_PLACE_PHRASE = re.compile(
    r"\b(?i:in|at|across|throughout|within|outside|inside)\s+(?i:the\s+)?(?:[A-Z][\w.'’-]*\s*)+"
)


def replaced_entity(claim_facts: Any, sentence: str) -> bool:
    """Does the sentence put another named entity where the claim names one ("Iraq" where
    the claim says "Syria")? Aligned word by word; an entity merely left out does not count."""
    from verifier.entities import _norm_entity, entity_present
    from verifier.facts import extract

    _, spans, a, b = _alignment(claim_facts.text, sentence)
    ev = extract(sentence)
    missing = [e for e in claim_facts.entities if not entity_present(e, ev)]
    others = [e for e in ev.entities if not entity_present(e, claim_facts)]
    if not missing or not others:
        return False

    def names(words: list[tuple[str, int, int]]) -> str:
        # The words and their normalised aliases: "UK" names "united kingdom", "U.S." "united states".
        return " ".join([w for w, _, _ in words] + [_norm_entity(w) for w, _, _ in words]).lower()

    # Where something happened is no stand-in for who did it: a place phrase of the sentence
    # ("In the United States alone, the band ...") answers only a place phrase of the claim
    # ("troops in Syria" / "troops in Iraq").
    claim_placed = [m.span() for m in _PLACE_PHRASE.finditer(claim_facts.text)]
    placed = [m.span() for m in _PLACE_PHRASE.finditer(sentence)]

    def unplaced(words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        return [w for w in words if not any(s <= w[1] < e for s, e in placed)]

    for i1, i2, j1, j2 in spans:
        in_place = any(s <= w[1] < e for w in a[i1:i2] for s, e in claim_placed)
        claim_words = names(a[i1:i2])
        sentence_words = names(b[j1:j2] if in_place else unplaced(b[j1:j2]))
        if any(m in claim_words for m in missing) and any(o in sentence_words for o in others):
            return True
    # The first words of each: where a wire sentence names its subject; not a place it opens
    # with.
    head_c, head_e = names(a[:SUBJECT_SWAP]), names(unplaced(b[:SUBJECT_SWAP]))
    return any(m in head_c for m in missing) and any(o in head_e for o in others)


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
    return (claim, tuple((e.text, e.similarity, e.title) for e in evidence))


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
        pairs = [(claim, e.text) for claim, evidence in items for e in evidence]
        scoring = _background().submit(self.model.predict, pairs)
        try:
            self._readings = {
                _reading_key(claim, evidence): self.facts.judge(claim, evidence)
                for claim, evidence in items
                if evidence
            }
        finally:
            scoring.result()

    def stance_probs(self, claim: str, evidence: Sequence[Any]) -> tuple[np.ndarray, list[Any]]:
        probs = self.model.predict([(claim, e.text) for e in evidence])
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
        return replaced_entity(claim_facts, evidence.text)

    def judge(self, claim: str, evidence: Sequence[Any]) -> list[Any]:
        from verifier.facts import extract
        from verifier.judgement import Judgement

        if not evidence:
            return []
        probs, facts = self.stance_probs(claim, evidence)
        claim_facts = extract(claim)
        out = []
        for p, fact, e in zip(probs, facts, evidence, strict=True):
            denial = "denial" in self.rules and fact.kind == "negation" and denies(claim_facts, e.text)
            if fact.stance == "contradicts" and (
                ("value_mismatch" in self.rules and fact.kind in VALUE_KINDS) or denial
            ):
                # A scoped figure or date mismatch, or a claim denying what the sentence states,
                # is a contradiction whatever the model reads: the fact layer checked the values
                # (or the negation's scope) and that both sentences are about the same thing.
                prob = max(fact.probability, float(p[1]))
                out.append(Judgement("contradicts", prob, fact.reason, fact.kind))
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
            elif k == 0 and SNAPSHOT in readings:
                # The sentence gives the figure read at another moment, and another value: it
                # cannot confirm the claim's (the model, which does not compare, often reads it so).
                k = 2
            if k == 0 and hedged(claim, e.text):
                k = 2  # the claim says it will happen; the sentence only that it may
            stance = STANCES[k]
            changed = contrast(claim, e.text) if stance == "contradicts" else None
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
