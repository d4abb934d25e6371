"""verifier.fates: a person the claim says died, whom the sentence says lived (or the reverse)."""

from __future__ import annotations

import pytest

from verifier.facts import extract
from verifier.fates import other_fate_of
from verifier.judge import FactJudge


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        (
            "The bus's driver was killed in the crash.",
            "The driver, who survived with a broken arm, was questioned by police.",
            ("The bus's driver", "died", "lived"),
        ),
        (
            "The Aurel Star's captain was among those killed.",
            "The operator said the captain, who survived, had received the storm warning.",
            ("The Aurel Star's captain", "died", "lived"),
        ),
        (
            "Ivo Marn survived the avalanche.",
            "Marn was killed when the slope gave way.",
            ("Ivo Marn", "lived", "died"),
        ),
    ],
)
def test_the_sentence_says_the_claims_person_met_the_other_fate(
    claim: str, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert other_fate_of(claim, sentence) == expected


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        (
            "The bus's driver survived the crash.",
            "The driver, who survived with a broken arm, was questioned.",
        ),
        # Another person: the co-pilot is not the pilot, another ship's captain not this one's.
        ("The pilot died in the crash.", "The co-pilot survived."),
        ("The ferry's captain was killed.", "The tug's captain, who survived, was questioned."),
    ],
)
def test_no_other_fate(claim: str, sentence: str) -> None:
    assert other_fate_of(claim, sentence) is None


def test_the_judge_contradicts_a_death_the_sentence_says_was_survived() -> None:
    j = FactJudge().assess(
        extract("The bus's driver was killed in the crash."),
        extract("The driver, who survived with a broken arm, was questioned by police."),
        0.6,
    )
    assert j.stance == "contradicts" and "the bus's driver died" in j.reason and "lived" in j.reason, j


def test_a_count_of_the_dead_is_not_a_count_of_the_injured() -> None:
    j = FactJudge().assess(
        extract("More than 50 people were injured in the collapse."),
        extract("Two people were killed and 17 injured, most of them by falling rocks."),
        0.3,
    )
    assert "Two people" not in j.reason, j  # 17 injured is the count to read, not the two dead


BRIDGE = (
    "A section of the Old Tarrow Bridge in Selwick collapsed on Monday, killing four people and "
    "injuring 11, officials said."
)
FERRY = (
    "Rescuers had pulled 143 survivors from the water by Friday afternoon, and 34 people remained missing."
)


@pytest.mark.parametrize(
    ("claim", "sentence", "stance"),
    [
        # A fate said right before a figure is that figure's: "killing four", "injuring 11".
        ("Four people died in the Selwick bridge collapse.", BRIDGE, "supports"),
        ("Eleven people died in the Selwick bridge collapse.", BRIDGE, "contradicts"),
        # Those brought out alive are not those still missing.
        ("More than 140 people were rescued alive from the water.", FERRY, "neutral"),
    ],
)
def test_each_figure_counts_those_of_its_own_fate(claim: str, sentence: str, stance: str) -> None:
    j = FactJudge().judge(claim, [_evidence(sentence)])[0]
    assert j.stance == stance, j
    if claim.startswith("More than 140"):
        assert j.tentative is not None and j.tentative.stance == "supports" and "143" in j.tentative.reason


def test_a_count_of_people_is_no_person_whose_fate_differs() -> None:
    # "More than 140 people were rescued alive" is a figure, for the figures to settle.
    assert (
        other_fate_of("More than 140 people were rescued alive.", "In 2011, 58 people died when it sank.")
        is None
    )


def _evidence(text: str):
    from verifier.types import Evidence

    return Evidence(text, "d", "Bridge collapse kills four; ferry survivors", "", "", 0, 0, len(text), 0.8)
