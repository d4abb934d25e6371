"""A range written "X to Y" is one figure that lies somewhere between its ends, as "between X
and Y" is; changes, votes and scores written the same way are not ranges."""

from __future__ import annotations

import pytest

from verifier.facts import extract
from verifier.judge import FactJudge
from verifier.types import Evidence

JUDGE = FactJudge()


def judged(claim: str, text: str) -> str:
    return JUDGE.judge(claim, [Evidence(text, "d", "", "", "", 0, 0, len(text), 0.8)])[0].stance


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("10 to 20 people died .", (10.0, 20.0)),
        ("It cost $5 million to $7 million .", (5e6, 7e6)),
        ("Temperatures will increase by 1.1 to 6.4 °C by 2100 .", (1.1, 6.4)),
        ("Sea level will rise 30–130 cm .", (30.0, 130.0)),
        ("Viewers in the 18–49 demographic .", (18.0, 49.0)),
    ],
)
def test_a_range_written_with_to_or_a_dash(text: str, ends: tuple[float, float]) -> None:
    (q,) = extract(text).quantities
    assert (q.value, q.upper, q.qualifier) == (*ends, "range")


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose from 5% to 7% .",  # a change
        "Rates were cut 0.25% to 4.5% .",  # a change
        "The Senate voted 48 to 52 .",  # a vote
        "The Raptors are trailing the series 1–2 .",  # a score
    ],
)
def test_changes_votes_and_scores_are_not_ranges(text: str) -> None:
    assert [q.upper for q in extract(text).quantities] == [None, None]


def test_a_figure_inside_a_range_is_neither_confirmed_nor_refuted() -> None:
    sentence = "10 to 20 people died in the fire ."
    # Read as two figures, 15 was refuted by the nearer end.
    assert judged("15 people died in the fire .", sentence) == "neutral"
    assert judged("25 people died in the fire .", sentence) == "contradicts"
    assert judged("Between 10 and 20 people died in the fire .", sentence) == "supports"


@pytest.mark.parametrize(
    ("claim", "text", "stance"),
    [
        # A bound confirms a figure only at the bound: "at least 12" allows 30 but does not say it.
        ("The storm killed 12 people.", "The storm killed at least 12 people.", "supports"),
        ("The storm killed 30 people.", "The storm killed at least 12 people.", "neutral"),
        ("The storm killed 10 people.", "The storm killed at least 12 people.", "contradicts"),
        ("The storm killed 30 people.", "The storm killed fewer than 40 people.", "neutral"),
        ("The storm killed 50 people.", "The storm killed fewer than 40 people.", "contradicts"),
        ("The album sold 998,000 copies.", "The album has sold over 983,000 copies.", "neutral"),
        # Comparatives of a measure bound it too.
        ("The first victim was older than 60.", "The first victim was a 61-year-old woman.", "supports"),
        ("The first victim was older than 60.", "The first victim was a 60-year-old woman.", "contradicts"),
        (
            "Their career was shorter than 16 years.",
            "Over their 15-year career, they sold 50 million records.",
            "supports",
        ),
    ],
)
def test_a_bound_against_a_point(claim: str, text: str, stance: str) -> None:
    assert judged(claim, text) == stance


@pytest.mark.parametrize(
    ("claim", "text", "stance"),
    [
        # "Up to" and "as many as" report the highest figure reached: two of them are compared
        # as the figures they report, not as limits ("at most 70" would allow "at most 90").
        (
            "Gusts of up to 90 km/h drove the fire through the pine forest.",
            "A wildfire driven by gusts of up to 70 km/h swept through the pine forest.",
            "contradicts",
        ),
        (
            "Gusts of up to 70 km/h drove the fire through the pine forest.",
            "A wildfire driven by gusts of up to 70 km/h swept through the pine forest.",
            "supports",
        ),
        (
            "Violators can be fined up to 50,000 euros.",
            "Violators face fines of up to 25,000 euros.",
            "contradicts",
        ),
        (
            "As many as 40 people were hurt in the blast.",
            "As many as 40 people were hurt in the blast.",
            "supports",
        ),
        # Against a point a reported peak is confirmed only near it: "carrying 212" stays within
        # "up to 300" but does not say 300 were aboard; a point over it refutes it.
        (
            "The ferry was carrying up to 300 passengers.",
            "The ferry was carrying 212 passengers when it ran aground.",
            "neutral",
        ),
        (
            "The ferry was carrying up to 300 passengers.",
            "The ferry was carrying 296 passengers when it ran aground.",
            "supports",
        ),
        (
            "The ferry was carrying up to 300 passengers.",
            "The ferry was carrying 350 passengers when it ran aground.",
            "contradicts",
        ),
        # "At least 37" is the count so far: it refutes a higher count so far, confirms a lower.
        (
            "The fire has destroyed at least 57 homes.",
            "At least 37 homes have been destroyed.",
            "contradicts",
        ),
        ("The fire has destroyed at least 30 homes.", "At least 37 homes have been destroyed.", "supports"),
    ],
)
def test_two_bounds_that_report_a_figure(claim: str, text: str, stance: str) -> None:
    assert judged(claim, text) == stance


def test_a_limit_is_still_a_limit() -> None:
    # "No more than" limits: it is not a figure reached, so "at most 70" leaves "at most 90" true.
    assert judged(
        "Speeds are limited to no more than 90 km/h.", "Speeds are limited to no more than 70 km/h."
    ) != ("contradicts")
