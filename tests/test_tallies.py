"""Scores and vote tallies: the wrong score of a final or split of a vote contradicts."""

from __future__ import annotations

import pytest

from verifier.facts import extract
from verifier.judge import FactJudge
from verifier.tallies import tallies, tally_against
from verifier.types import Evidence


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Rovers beat Dunmore City 3-1 in the final.", [(3, 1)]),
        ("The court ruled by six votes to three.", [(6, 3)]),
        ("Parliament approved the budget by 152 votes to 146.", [(152, 146)]),
        ("She won 4-6 7-6 6-3.", [(6, 4), (7, 6), (6, 3)]),
        # Spans of years, times, age bands and seasons are no scores.
        ("Prices rose from 2006-12.", []),
        ("The shop opens at 3-4 p.m.", []),
        ("Children aged 5-11 were vaccinated.", []),
        ("It was the 2018-19 season.", []),
    ],
)
def test_tallies_are_read(text: str, pairs: list[tuple[int, int]]) -> None:
    assert [t.pair for t in tallies(text)] == [tuple(map(float, p)) for p in pairs]


def test_a_tally_is_one_pair_either_way_round() -> None:
    agreed = tally_against("City lost the final 1-3.", "Rovers won the final 3-1.")
    assert agreed is not None and agreed[2]
    assert (
        tally_against("Rovers won the final 3-1.", "She won 4-6 7-6 6-3.") is None
    )  # several, none the claim's


def test_the_wrong_score_contradicts_and_the_right_one_supports() -> None:
    judge = FactJudge()
    sentence = extract(
        "Harwick Rovers came from behind to beat holders Dunmore City 2-1 in the National Cup final."
    )
    j = judge.assess(
        extract("Harwick Rovers beat Dunmore City 3-1 in the National Cup final."), sentence, 0.8
    )
    assert j.stance == "contradicts" and "3-1" in j.reason and "2-1" in j.reason, j
    j = judge.assess(
        extract("Harwick Rovers beat Dunmore City 2-1 in the National Cup final."), sentence, 0.8
    )
    assert j.stance == "supports", j


def test_a_claimed_majority_is_checked_against_the_share_of_seats() -> None:
    from verifier.facts import extract
    from verifier.judge import FactJudge

    judge = FactJudge()
    sentence = extract(
        "In the council election, the Harbour Party won 19 of the 45 seats, up from 11, becoming "
        "the largest group on the council."
    )
    j = judge.assess(
        extract("The Harbour Party won 19 council seats, giving it an outright majority on the council."),
        sentence,
        0.7,
    )
    assert j.stance == "contradicts" and "19 of 45 seats is no majority" in j.reason, j
    j = judge.assess(
        extract("The Harbour Party won 19 council seats, short of a majority on the council."), sentence, 0.7
    )
    assert j.stance != "contradicts", j
    won = extract("In the council election, the Harbour Party won 24 of the 45 seats, up from 11.")
    j = judge.assess(extract("The Harbour Party won 24 council seats, short of a majority."), won, 0.7)
    assert j.stance == "contradicts" and "claim says no majority" in j.reason, j


@pytest.mark.parametrize(
    ("claim", "sentence", "stance"),
    [
        # A margin against the split it is the difference of, either way round.
        (
            "The water bill was carried with 48 votes for and 39 against.",
            "The water bill passed by nine votes.",
            "supports",
        ),
        (
            "The budget passed by a margin of fewer than ten votes.",
            "The budget passed by 152 votes to 146.",
            "supports",
        ),
        ("The budget passed by 12 votes.", "The budget passed by 152 votes to 146.", "contradicts"),
        (
            "The water bill was carried with 48 votes for and 41 against.",
            "The water bill passed by nine votes.",
            "contradicts",
        ),
    ],
)
def test_a_votes_margin_is_read_against_its_split(claim: str, sentence: str, stance: str) -> None:
    j = FactJudge().judge(claim, [Evidence(sentence, "d", "", "", "", 0, 0, len(sentence), 0.8)])[0]
    assert j.stance == stance, j
