"""What a judge says of one (claim, evidence sentence) pair (:class:`Judgement`), the interface
every judge implements (:class:`Judge`), and how sure a contradiction of each kind is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from verifier.checks import Conflict
from verifier.types import Evidence, Stance

# Judgement kinds for which the fact layer compared the values themselves: a figure, a date,
# or the direction of a change ("rose" / "fell"). Direction contradictions were right on 61 of
# 63 training pairs where they fired (COVID-Fact, FEVER, VitaminC; never on VitaminC's numeric
# pairs), so they are as decisive as a figure that differs.
VALUE_KINDS = ("quantity", "date", "direction", "role")
# Kinds where the fact layer read a claim's denial as what the sentence states: "no dam is
# taller than Ardel" as "the tallest" (rivalry), "did not change its forecast" as "kept its
# forecast" (kept), "would not say whether" as "declined to say whether" (withheld), "will not
# pay a dividend" as "ruled out a dividend" (ruled-out), "did not win a majority" as "fell short
# of a majority" (fell-short), "had no role in the study" as "who was not involved in the
# study" (uninvolved). The model reads the claim's "no"/"not" as a denial of the sentence.
STATED_DENIALS = ("rivalry", "kept", "withheld", "ruled-out", "fell-short", "uninvolved")


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


def contradiction(conflict: Conflict, strength: float) -> Judgement:
    base, slope = _CONTRADICTION[conflict.kind]
    return Judgement("contradicts", base + slope * strength, conflict.reason, conflict.kind)
