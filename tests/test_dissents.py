"""Majority against dissent (verifier.dissents) and the judge's reading of it."""

from __future__ import annotations

import pytest

from verifier.dissents import side_against
from verifier.judge import FactJudge
from verifier.types import Evidence

LED = "Three dissenting judges, led by Justice Marek Tolland, said the law was a legitimate tool."
WROTE = "Writing for the majority, Chief Justice Hanna Vesterlund called the measure disproportionate."
LISTED = "The two dissenters were Deputy Governor Sven Aldrich and external member Ruth Hallam."


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        # The claimed person on the other side.
        ("Justice Marek Tolland wrote the majority opinion striking down the law.", LED),
        (
            "Chief Justice Corvina Maltby warned in a dissent that investigators would lose a tool.",
            '"Not every one of us is a suspect," Chief Justice Corvina Maltby wrote for the majority.',
        ),
        (
            "Justice Lidia Marsk wrote the majority opinion.",
            "Justices Konrad Reinholt and Lidia Marsk dissented.",
        ),
        # The majority's pen or the dissent's lead given to another.
        ("Justice Marek Tolland wrote the majority opinion.", WROTE),
        ("Justice Ilse Varn led the dissent.", LED),
        # A full list of dissenters without the claimed one.
        ("Governor Matthias Oberlin voted against the rate cut.", LISTED),
    ],
)
def test_other_side_contradicts(claim: str, sentence: str) -> None:
    assert side_against(claim, sentence) is not None


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        ("Ruth Hallam voted against the rate cut.", LISTED),
        ("The court ruled six votes to three, with Justice Marek Tolland leading the dissent.", LED),
        ("Chief Justice Hanna Vesterlund wrote for the majority.", WROTE),
        # Several may dissent: another dissenter named, or a count without names, denies nothing.
        ("Justice Ilse Varn dissented.", LED),
        ("Judges Emil Rask and Dora Veyl dissented.", "Three judges dissented, arguing the law was sound."),
        # "led by" names the dissent's leader, not every dissenter.
        (
            "Governor Oberlin voted against.",
            "The four dissenters, led by Deputy Governor Karl Brenner, argued.",
        ),
        ("The court struck down the law.", LED),
    ],
)
def test_same_side_or_unread_is_none(claim: str, sentence: str) -> None:
    assert side_against(claim, sentence) is None


def test_judge_names_both_sides() -> None:
    claim = "Justice Marek Tolland wrote the majority opinion striking down the data law."
    e = Evidence(LED, "d", "Court strikes down data law", "", "", 1, 0, len(LED), 0.6)
    verdict = FactJudge().judge(claim, [e])[0]
    assert (verdict.stance, verdict.kind) == ("contradicts", "role")
    assert "wrote the majority opinion" in verdict.reason and "dissenting judges, led by" in verdict.reason
