"""Parts said in words: a fraction of a point ("a quarter point", "half a point") is a rate's
percentage points, "fell by a fifth" is a change of 20%, and a change read off its two ends is
dated where its new end is."""

from __future__ import annotations

import pytest

from verifier.facts import extract
from verifier.judge import FactJudge
from verifier.types import Evidence

JUDGE = FactJudge()


def stance(claim: str, sentence: str) -> str:
    return JUDGE.judge(claim, [Evidence(sentence, "d", "Wire story", "", "", 0, 0, len(sentence), 0.8)])[
        0
    ].stance


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        ("The bank raised rates by half a point.", "The bank raised rates by 50 basis points.", "supports"),
        (
            "The bank raised rates by a quarter point.",
            "The bank raised rates by 25 basis points.",
            "supports",
        ),
        # Before, "a quarter point" was no figure, and the claim was supported word for word.
        (
            "The bank raised rates by a quarter point.",
            "The bank raised rates by 50 basis points.",
            "contradicts",
        ),
        ("The bank made a half-point cut.", "The bank cut rates by 50 basis points.", "supports"),
        (
            "The bank cut rates by a quarter point.",
            "The bank cut rates by 0.25 percentage points.",
            "supports",
        ),
        ("Sales fell by a fifth.", "Sales fell 20%.", "supports"),
        ("Sales fell by a fifth.", "Sales fell 40%.", "contradicts"),
        ("Sales rose by a third.", "Sales rose 33%.", "supports"),
        ("Sales fell by a fifth.", "Sales fell to 80 million from 100 million.", "supports"),
        ("Sales fell by half.", "Sales fell 50%.", "supports"),
        # A change of ends is dated by its new end, not by the old one's date after it.
        (
            "Unemployment fell 0.3 points in March.",
            "Unemployment fell to 5.1% in March from 5.4% in February.",
            "supports",
        ),
        (
            "Unemployment fell 0.3 points in February.",
            "Unemployment fell to 5.1% in March from 5.4% in February.",
            "neutral",
        ),
    ],
)
def test_parts_said_in_words(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_a_part_is_no_rank() -> None:
    assert extract("Sales fell by a fifth.").quantities == []
    assert [q.value for q in extract("The team finished fifth.").quantities] == [5]
    [quarter] = extract("The bank raised rates by a quarter point.").quantities
    assert (quarter.value, quarter.unit) == (0.25, frozenset({"percentage-point"}))


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # Areas convert between hectares, acres and square kilometres or miles; a square
        # kilometre is no kilometre.
        ("The fire destroyed 1,200 hectares.", "The fire destroyed 12 square kilometres.", "supports"),
        ("The fire destroyed 1,200 hectares.", "The fire destroyed 3,000 acres.", "supports"),
        ("The fire destroyed 1,200 hectares.", "The fire destroyed 30 square kilometres.", "contradicts"),
        ("The park covers 46 square miles.", "The park covers 119 square kilometres.", "supports"),
        (
            "The fire destroyed 12 kilometres of forest.",
            "The fire destroyed 12 square kilometres of forest.",
            "neutral",
        ),
        # A count known by its order: "hundreds" is 100-1,999, "thousands" 1,000 or more.
        ("Hundreds of flights were cancelled.", "640 flights were cancelled.", "supports"),
        ("Hundreds of flights were cancelled.", "64 flights were cancelled.", "contradicts"),
        ("Dozens of people were injured.", "54 people were injured.", "supports"),
        ("Dozens of people were injured.", "Five people were injured.", "contradicts"),
        ("Thousands of people were evacuated.", "About 12,000 people were evacuated.", "supports"),
        ("The rally drew 50,000 people.", "The rally drew tens of thousands of people.", "neutral"),
        ("The rally drew 2,000 people.", "The rally drew tens of thousands of people.", "contradicts"),
        # A bill's split is a tally, written either way.
        ("The bill passed 214-187.", "The bill passed by 214 votes to 187.", "supports"),
        ("The bill passed 214-178.", "The bill passed by 214 votes to 187.", "contradicts"),
    ],
)
def test_areas_orders_and_splits(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_an_order_without_a_count_noun_is_left_to_the_words() -> None:
    # "Hundreds of SR20s": no noun to compare by, so the phrase is matched as words, as before.
    assert extract("Hundreds of SR20s have been sold.").quantities == []
    [q] = extract("Hundreds of flights were cancelled.").quantities
    assert (q.value, q.upper, q.unit) == (100, 1999, frozenset({"flight"}))
