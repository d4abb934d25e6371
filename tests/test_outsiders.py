"""An outside expert: "X, who was not involved in the study" against a claim that gives X a part
in the work, or none."""

from __future__ import annotations

import pytest

from verifier.facts import extract
from verifier.judge import FactJudge
from verifier.outsiders import outside_expert

ASHDOWN = (
    '"Patients care about living longer, and this trial did not show that," said Professor Ruben '
    "Ashdown of the Kaltberg Institute, who was not involved in the study."
)
BAUM = (
    "Professor Ilka Baum of the University of Tesmaria, who was not involved in the study, noted that "
    "it did not include children."
)
SZANTO = (
    "said Mirela Szanto, a neurologist at Vessmere General Hospital in Port Almer who was not involved "
    "in the study."
)


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # A part in the work: contradicted (nw8 tb-11), whatever the claim calls the work.
        (
            "Professor Ilka Baum led the MBX-4 trial.",
            BAUM,
            (False, "led the MBX-4 trial", "Ilka Baum was not involved in the study"),
        ),
        (
            "Ruben Ashdown was the lead investigator of the VESTA trial.",
            ASHDOWN,
            (
                False,
                "was the lead investigator of the VESTA trial",
                "Ruben Ashdown was not involved in the study",
            ),
        ),
        # No part in it: what the sentence says (nw15 dt-05).
        (
            "Professor Ruben Ashdown had no role in the VESTA study.",
            ASHDOWN,
            (True, "had no role in the VESTA study", "Ruben Ashdown was not involved in the study"),
        ),
        # The person named before a post and a place.
        (
            "Mirela Szanto was not involved in the study.",
            SZANTO,
            (True, "was not involved in the study", "Mirela Szanto was not involved in the study"),
        ),
        # Another person, or nothing said of the work: no reading.
        ("Professor Ilka Baum led the MBX-4 trial.", ASHDOWN, None),
        ("Dr Anna Baum led the MBX-4 trial.", BAUM, None),
        ("Professor Ilka Baum said the trial left out children.", BAUM, None),
        (
            "Professor Ilka Baum led the MBX-4 trial.",
            "Professor Ilka Baum led the study, which was not involved in it.",
            None,
        ),
    ],
)
def test_an_outside_expert_had_no_part_in_the_work(
    claim: str, sentence: str, expected: tuple[bool, str, str] | None
) -> None:
    assert outside_expert(claim, sentence) == expected


def test_the_judge_reads_an_outside_expert_either_way() -> None:
    judge = FactJudge()
    led = judge.assess(extract("Professor Ilka Baum led the MBX-4 trial."), extract(BAUM), 0.5)
    assert led.stance == "contradicts" and "was not involved" in led.reason, led
    none = judge.assess(
        extract("Professor Ruben Ashdown had no role in the VESTA study."), extract(ASHDOWN), 0.5
    )
    assert none.stance == "supports" and none.kind == "uninvolved", none
