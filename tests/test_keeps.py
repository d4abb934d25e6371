"""Kept against changed: a denied change is what "kept" says, an asserted one what it denies."""

from __future__ import annotations

import pytest

from verifier.facts import extract
from verifier.judge import FactJudge
from verifier.keeps import kept_against
from verifier.modeljudge import ModelJudge

KEPT = "Kelair kept its forecast of about 33 million passengers for the full year and will review it later."


@pytest.mark.parametrize(
    ("claim", "sentence", "agrees"),
    [
        ("Kelair did not change its full-year passenger forecast.", KEPT, True),
        ("Kelair changed its full-year passenger forecast.", KEPT, False),
        ("Kelair has not revised its forecast.", KEPT, True),
        (
            "The bank did not change its key rate.",
            "The central bank left its key rate unchanged at 4.25%.",
            True,
        ),
        # The kept thing as the sentence's subject.
        (
            "The budget does not change the top rate of income tax.",
            "The top income tax rate stays at 45%.",
            True,
        ),
        ("The bank changed its key rate.", "The key rate was left unchanged.", False),
        ("Kelair did not revise its forecast.", "Its passenger forecast remains the same.", True),
        # Not a keeping: "left" without "unchanged", a kept thing denied, another object, a rise.
        ("The bank did not change its key rate.", "The central bank left its key rate at 4.25%.", None),
        ("The bank changed its policy.", "The bank did not keep its policy.", None),
        ("Kelair did not change its dividend.", KEPT, None),
        ("Kelair raised its full-year passenger forecast.", KEPT, None),
        # A level, not a decision to keep it; something else kept.
        ("The budget does not change the top rate of income tax.", "The top income tax rate is 45%.", None),
        ("The budget does not change the top rate of income tax.", "Defence spending stays at 2%.", None),
    ],
)
def test_a_change_denied_or_asserted_against_a_thing_kept(
    claim: str, sentence: str, agrees: bool | None
) -> None:
    read = kept_against(claim, sentence)
    assert (read[0] if read else None) == agrees


def test_the_model_does_not_read_the_denial_against_it() -> None:
    class Contradicting:
        """A model that reads every pair as a contradiction, as the negation's pull does."""

        meta: dict = {}

        def predict(self, pairs):
            import numpy as np

            return np.tile([0.1, 0.8, 0.1], (len(pairs), 1))

    claim = "Kelair did not change its full-year passenger forecast."
    assert FactJudge().assess(extract(claim), extract(KEPT), 0.6).stance == "supports"
    from verifier.types import Evidence

    e = Evidence(KEPT, "d", "Kelair", "", "", 1, 0, len(KEPT), 0.6)
    (j,) = ModelJudge(Contradicting()).judge(claim, [e])
    assert j.stance == "supports" and "kept its forecast" in j.reason, j


def test_a_plan_ruled_out_is_one_that_will_not_happen() -> None:
    from verifier.keeps import ruled_out

    sentence = "Tillquist ruled out a special dividend this year, saying spare cash would go towards debt."
    assert ruled_out("Arvelle will not pay a special dividend this year.", sentence) == (
        True,
        "will not pay a special dividend this year",
        "ruled out a special dividend this year",
    )
    assert ruled_out("Arvelle has no plans to pay a special dividend this year.", sentence)[0] is True
    assert ruled_out("Arvelle will pay a special dividend this year.", sentence)[0] is False
    # Something else ruled out says nothing of the claim's act.
    assert ruled_out("Arvelle will not cut jobs this year.", sentence) is None
    assert ruled_out("Arvelle will pay a dividend.", "It ruled out a dividend cut.") is None


def test_judge_reads_a_ruled_out_plan_as_stated() -> None:
    from verifier.facts import extract
    from verifier.judge import FactJudge

    ev = extract("Tillquist ruled out a special dividend this year.")
    j = FactJudge().assess(
        extract("Arvelle will not pay a special dividend this year."), ev, 0.5, "Arvelle results"
    )
    assert (j.stance, j.kind) == ("supports", "ruled-out"), j
    j = FactJudge().assess(
        extract("Arvelle will pay a special dividend this year."), ev, 0.5, "Arvelle results"
    )
    assert j.stance == "contradicts", j


def test_a_goal_missed_is_one_not_won() -> None:
    from verifier.keeps import fell_short

    sentence = (
        "The Civic Alliance won with 34.2% of the vote but fell short of a majority and needs a partner."
    )
    assert fell_short("The Civic Alliance did not win a majority of seats.", sentence) == (
        True,
        "did not win a majority of seats",
        "fell short of a majority",
    )
    assert fell_short("The Civic Alliance won an outright majority.", sentence)[0] is False
    # What it fell short of is not what the claim says it won.
    assert fell_short("The Civic Alliance won the election.", sentence) is None
