"""A comparison with a year's level against the side of it the sentence puts the figure."""

from __future__ import annotations

import pytest

from verifier.comparisons import against_reference
from verifier.facts import extract
from verifier.judge import FactJudge

WATER = (
    "Water use in Lower Vessen fell 6 percent last year to 212 million cubic metres, but it remains "
    "above the 2015 level of 198 million cubic metres."
)


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        (
            "Arkwell has flown fewer missions so far this year than in the whole of 2025.",
            "Wednesday's flight was Arkwell's fifth this year, up from three in the whole of 2025.",
            (
                "fewer missions so far this year than in the whole of 2025",
                "up from three in the whole of 2025",
            ),
        ),
        # "Lower" in a name is no comparison.
        (
            "Lower Vessen now uses less water than it did in 2015.",
            WATER,
            ("less water than it did in 2015", "above the 2015"),
        ),
        (
            "Exports were higher than in 2019.",
            "Exports fell to 4 billion from 5 billion in 2019.",
            ("higher than in 2019", "fell to 4 billion from 5 billion in 2019"),
        ),
        # A decimal point is no clause's end; a claim may open on its comparative.
        (
            "Drevania has more workers per pensioner today than it did in 2000.",
            "Drevania now has 2.9 workers for every pensioner, down from 4.1 in 2000, he said.",
            ("more workers per pensioner today than it did in 2000", "down from 4.1 in 2000"),
        ),
        (
            "Fewer people watched the final game online than the peak audience for the 2024 match.",
            "The final was watched by 3.2 million, more than double the peak audience for the 2024 match.",
            (
                "Fewer people watched the final game online than the peak audience for the 2024",
                "more than double the peak audience for the 2024",
            ),
        ),
        # The same side, both sides, or another year: nothing to read.
        ("Lower Vessen now uses more water than it did in 2015.", WATER, None),
        (
            "Exports were higher than in 2019.",
            "Exports rose above 2019 levels but fell below 2019 in May.",
            None,
        ),
        ("Exports were higher than in 2019.", "Exports fell to 4 billion from 5 billion in 2018.", None),
    ],
)
def test_the_sentence_puts_the_figure_on_the_other_side(
    claim: str, sentence: str, expected: tuple | None
) -> None:
    assert against_reference(claim, sentence) == expected


def test_the_fact_layer_reads_it_as_a_contradiction() -> None:
    j = FactJudge().assess(
        extract("Lower Vessen now uses less water than it did in 2015."), extract(WATER), 0.6
    )
    assert j.stance == "contradicts" and "above the 2015" in j.reason, j


def test_a_preference_turned_round_contradicts() -> None:
    from verifier.comparisons import preference_swapped

    sentence = (
        '"We chose to protect our margins rather than chase volume," chief executive Ottilie Brandvold said.'
    )
    claim = "Brandvold said Tessarine had chosen to chase sales volume rather than protect its margins."
    assert preference_swapped(claim, sentence) == (
        "to chase sales volume rather than protect its margins",
        "to protect our margins rather than chase volume",
    )
    assert (
        preference_swapped("Tessarine chose to protect its margins rather than chase volume.", sentence)
        is None
    )
    assert preference_swapped("Tessarine chose to chase volume.", sentence) is None
    # A word on both sides tells neither apart: the others are turned round.
    assert preference_swapped(
        "It chose to cut costs rather than cut jobs.", "It chose to cut jobs rather than cut costs."
    )
