"""What of a claim's text is checked, and how figures reach the model (no model needed)."""

from __future__ import annotations

import pytest

from verifier.api import checkable
from verifier.nli import grouped


@pytest.mark.parametrize(
    ("claim", "core"),
    [
        ("The US has 10,000 troops in Iraq, officials said on Monday.", "The US has 10,000 troops in Iraq"),
        (
            "The US has 2,500 troops in Iraq, a Pentagon spokesman told Reuters on Monday.",
            "The US has 2,500 troops in Iraq",
        ),
        ("Troops will stay, the minister said, until 2026.", "Troops will stay until 2026."),
        ("China's case count is not unusual, health official says", "China's case count is not unusual"),
        # What is claimed stays: a passive verb, a thousands separator, a reported statement
        # that is the claim itself, the source of a figure, a date that is content.
        ("More than 1,550 cases of COVID-19 have been confirmed .", None),
        ("On March 15 , 2020 , the 24th case was reported in Orašje .", None),
        ("Fabio Coentrao stated that he would only play for Benfica .", None),
        ("The film has a 91 % rating , according to Rotten Tomatoes .", None),
        ("The apps were free from 2013 onwards , as announced in 2013 .", None),
        ("He said so.", None),
    ],
)
def test_an_attribution_is_not_part_of_the_claim(claim: str, core: str | None) -> None:
    assert checkable(claim) == (core if core is not None else claim)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The US has 2500 troops in Iraq", "The US has 2,500 troops in Iraq"),
        ("In 2015 there were 15000 cases", "In 2015 there were 15,000 cases"),
        ("from 1998 to 2003", "from 1998 to 2003"),  # could be years: left as written
        ("ID 007 and 0123, 3.14159, 1:2500, 2500.5 km", "ID 007 and 0123, 3.14159, 1:2500, 2500.5 km"),
        ("$2500000", "$2,500,000"),
    ],
)
def test_large_figures_reach_the_model_grouped(text: str, expected: str) -> None:
    assert grouped(text) == expected
