"""Combine per-sentence judgements into one verdict with a plain-English reason."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from verifier.judgement import STATED_DENIALS, VALUE_KINDS, Judgement
from verifier.types import LABELS, Evidence, Verdict

# A stance below this probability is not decisive on its own.
DECISIVE = 0.5


@dataclass(frozen=True)
class Aggregator:
    """Claim-level decision: the decisive threshold (``decisive_contradicts``, when given, is the
    one for contradicting evidence: the model's contradictions run less confident than its
    supports) and, per verdict label, a Platt map from raw to calibrated confidence (slope
    never negative), fitted on training claims by scripts/calibrate_judge.py. A verdict the
    fact layer decided (a compared figure or date) uses the map ``"<label>/facts"`` when there
    is one: its confidence means something else than the model's. Labels without a map keep
    their raw confidence."""

    decisive: float = DECISIVE
    platt: dict[str, tuple[float, float]] = field(default_factory=dict)
    decisive_contradicts: float | None = None

    def __post_init__(self) -> None:
        for threshold in (self.decisive, self.decisive_contradicts):
            if threshold is not None and not 0.0 < threshold < 1.0:
                raise ValueError("decisive thresholds must be in (0, 1)")
        for key, (a, _) in self.platt.items():
            label, _, source = key.partition("/")
            if label not in LABELS or source not in ("", "facts") or a < 0:
                raise ValueError(f"bad calibration for {key!r}: a label and a slope >= 0 are needed")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"decisive": self.decisive}
        if self.decisive_contradicts is not None:
            out["decisive_contradicts"] = self.decisive_contradicts
        out["platt"] = {k: list(v) for k, v in self.platt.items()}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Aggregator:
        platt = {k: (float(v[0]), float(v[1])) for k, v in (data.get("platt") or {}).items()}
        contra = data.get("decisive_contradicts")
        return cls(float(data.get("decisive", DECISIVE)), platt, None if contra is None else float(contra))

    def calibrate(self, confidence: float, label: str) -> float:
        """``label`` is a verdict label, or ``"<label>/facts"`` (falls back to the label's map)."""
        if label not in self.platt:
            label = label.partition("/")[0]
        if label not in self.platt:
            return confidence
        a, b = self.platt[label]
        p = min(max(confidence, 1e-6), 1 - 1e-6)
        z = a * math.log(p / (1 - p)) + b
        return 1.0 / (1.0 + math.exp(-z))

    def run(self, claim: str, evidence: Sequence[Evidence], judgements: Sequence[Judgement]) -> Verdict:
        verdict = aggregate(
            claim,
            evidence,
            judgements,
            decisive=self.decisive,
            decisive_contradicts=self.decisive_contradicts,
        )
        key = calibration_key(verdict.label, judgements)
        verdict.confidence = round(self.calibrate(verdict.confidence, key), 4)
        return verdict


def calibration_key(label: str, judgements: Sequence[Judgement]) -> str:
    """``"<label>/facts"`` when the strongest judgement behind the verdict is the fact layer's
    figure or date comparison, else the label."""
    stance = {"supported": "supports", "contradicted": "contradicts"}.get(label)
    backing = [j for j in judgements if j.stance == stance]
    if backing and max(backing, key=lambda j: j.probability).kind in VALUE_KINDS:
        return f"{label}/facts"
    return label


def _cite(evidence: Evidence) -> str:
    where = evidence.title or evidence.doc_id
    return f"{where!r}, sentence {evidence.sentence_index + 1}"


def aggregate(
    claim: str,
    evidence: Sequence[Evidence],
    judgements: Sequence[Judgement],
    decisive: float = DECISIVE,
    decisive_contradicts: float | None = None,
) -> Verdict:
    """Decisive evidence wins over weak; strong evidence both ways is reported as a disagreement.
    ``decisive`` is the bar for supporting evidence, and for contradicting evidence too unless
    ``decisive_contradicts`` is given."""
    bar_c = decisive if decisive_contradicts is None else decisive_contradicts
    for e, j in zip(evidence, judgements, strict=True):
        e.stance = j.stance
        e.stance_probability = round(float(j.probability), 4)
        e.reason = j.reason
    pairs = list(zip(evidence, judgements, strict=True))
    supports = sorted((p for p in pairs if p[1].stance == "supports"), key=lambda p: -p[1].probability)
    contras = sorted((p for p in pairs if p[1].stance == "contradicts"), key=lambda p: -p[1].probability)
    best_s = supports[0][1].probability if supports else 0.0
    best_c = contras[0][1].probability if contras else 0.0
    # Evidence that takes a side first, then the rest by relevance; each branch below moves the
    # sentences its explanation cites to the front, so that a reader (or the batch output's
    # `evidence` column) sees first the sentence the reason is about.
    ordered = sorted((e for e, _ in pairs), key=lambda e: (e.stance == "neutral", -e.similarity))

    def citing(*cited: Evidence) -> list[Evidence]:
        return [*cited, *(e for e in ordered if all(e is not c for c in cited))]

    strong_s, strong_c = best_s >= decisive, best_c >= bar_c
    if strong_s and strong_c:
        # A figure or date the fact layer checked is decisive; the model's reading of another
        # sentence counts against it only when it is at least as sure ("45 elephants" stated
        # outright is not undone by a loose reading of a sentence about a museum).
        s_checked, c_checked = supports[0][1].kind in VALUE_KINDS, contras[0][1].kind in VALUE_KINDS
        same_story = supports[0][0].doc_id == contras[0][0].doc_id
        if (
            s_checked
            and not c_checked
            and (best_c < best_s or (same_story and contras[0][1].kind == "model"))
        ):
            # Nor, within one story, however sure: "Quillon sold 45.2 million shares" stated
            # is not undone by the model's reading of its headline.
            strong_c = False
        elif s_checked and c_checked and same_story:
            # One story does not contradict itself: where it states the claim's figure and,
            # elsewhere, another figure of the same kind ("net profit rose to 1.48 billion" /
            # "analysts had expected 1.31 billion"; a country's population / its capital's),
            # the other figure counts something else.
            strong_c = False
        elif c_checked and not s_checked and best_s < best_c:
            strong_s = False
        elif (
            contras[0][1].kind == "model"
            and same_story
            and (supports[0][1].kind in STATED_DENIALS or _both_deny(claim, supports[0][0]))
        ):
            # A claim that denies something ("no one was killed"), supported by a sentence that
            # denies it too ("no deaths have been reported") or that states the superlative its
            # denial of any rival is: the model's reading of another sentence of the same story
            # as contradicting it is the negation word's pull, not the story contradicting
            # itself (on the newsroom sets it was wrong 8 times of 8). Across documents the
            # sources may disagree: on Climate-FEVER *train*, "there is no evidence that …"
            # quoted from a contrarian is contradicted by the rest of the corpus.
            strong_c = False
    if not strong_s and not strong_c:
        if not evidence:
            return Verdict(claim, "unknown", 0.5, "The corpus has no evidence for this claim.", [])
        top = max(evidence, key=lambda e: e.similarity)
        top_j = judgements[list(evidence).index(top)]
        confidence = 0.5 + 0.4 * (1.0 - max(best_s, best_c))
        explanation = (
            f"Nothing in the corpus states or contradicts this. The closest sentence "
            f"(similarity {top.similarity:.2f}) {top_j.reason}."
        )
        return Verdict(claim, "unknown", round(confidence, 4), explanation, citing(top))

    if strong_s and strong_c:
        (win_e, win_j), (lose_e, lose_j) = (
            (supports[0], contras[0]) if best_s >= best_c else (contras[0], supports[0])
        )
        label = "supported" if best_s >= best_c else "contradicted"
        # Sources disagree: confidence shrinks with the strength of the other side.
        confidence = win_j.probability * (1.0 - 0.5 * lose_j.probability)
        explanation = f"The sources disagree. {_side(win_j, win_e)} But {_side(lose_j, lose_e)}"
        return Verdict(
            claim, label, round(max(confidence, 0.34), 4), explanation, citing(win_e, lose_e), disputed=True
        )

    if strong_s:
        e, j = supports[0]
        return Verdict(
            claim, "supported", round(j.probability, 4), f"The corpus {j.reason} ({_cite(e)}).", citing(e)
        )
    e, j = contras[0]
    return Verdict(
        claim, "contradicted", round(j.probability, 4), f"{_capital(j.reason)} ({_cite(e)}).", citing(e)
    )


def _both_deny(claim: str, evidence: Evidence) -> bool:
    from verifier.facts import extract  # the fact layer's parse, cached; not needed elsewhere here

    return extract(claim).negated and extract(evidence.judged_text).negated


def _side(j: Judgement, e: Evidence) -> str:
    verb = "supports" if j.stance == "supports" else "contradicts"
    return f"{_capital(_cite(e))} {verb} it: {j.reason.rstrip('.')}."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
