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
