"""Place names of several ordinary words read as one entity (verifier.places)."""

from __future__ import annotations

import pytest

from verifier.entities import entity_present
from verifier.facts import extract
from verifier.judge import FactJudge
from verifier.types import Evidence


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("Flights to the Dominican Republic were suspended .", {"dominican republic"}),
        ("Cases rose in South Korea and New Zealand .", {"south korea", "new zealand"}),
        ("Cases rose in North Carolina and in Iraq .", {"north carolina", "iraq"}),
        ("The Czech Republic closed its borders .", {"czechia"}),  # one place, by any name
    ],
)
def test_a_place_of_several_words_is_one_entity(text: str, entities: set[str]) -> None:
    assert set(extract(text).entities) == entities


def test_any_name_of_a_country_mentions_it() -> None:
    assert entity_present("czechia", extract("Czechia closed its borders ."))
    assert entity_present("czechia", extract("The Czech Republic closed its borders ."))
    assert not entity_present("north korea", extract("South Korea fired three missiles ."))


def test_north_is_not_south() -> None:
    text = "South Korea fired 3 missiles on Tuesday ."
    judged = FactJudge().judge(
        "North Korea fired 3 missiles on Tuesday .", [Evidence(text, "d", "", "", "", 0, 0, len(text), 0.8)]
    )
    assert judged[0].stance == "neutral" and "North Korea" in judged[0].reason
