"""Takes and sales by market: a claim figure for the world, the home market or abroad is read
against the sentence figure for the same market, however near another one is."""

from __future__ import annotations

import pytest

from verifier.facts import extract
from verifier.figurepairs import market_of
from verifier.judge import FactJudge
from verifier.types import Evidence

JUDGE = FactJudge()

BOX_OFFICE = (
    "The House That Jack Built has grossed $ 215,577 in the United States , and $ 1,195,926 in "
    "other territories , for a worldwide total of $ 1,411,503 ."
)


def judged(claim: str, text: str) -> str:
    return JUDGE.judge(claim, [Evidence(text, "d", "", "", "", 0, 0, len(text), 0.8)])[0].stance


def markets(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, market_of(text, q)) for q in extract(text).quantities]


def test_each_figure_of_a_box_office_sentence_has_its_market() -> None:
    assert markets(BOX_OFFICE) == [("215,577", None), ("1,195,926", "abroad"), ("1,411,503", "world")]
    text = "The film has grossed $5.1 million in North America and $19.2 million in other territories."
    assert markets(text) == [("5.1 million", "home"), ("19.2 million", "abroad")]
    claim = "The film earned over $15 million outside North America and more than $20 million globally."
    assert markets(claim) == [("15 million", "abroad"), ("20 million", "world")]
    # A linking word ends a market's reach: only the second figure is the world's.
    linked = "It grossed $9 million and $14 million worldwide."
    assert markets(linked) == [("9 million", None), ("14 million", "world")]
    # Where the sentence names no market, there is none.
    assert markets("The club sold 40,000 tickets.") == [("40,000", None)]


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # The world's figure answers the world, not the nearer take from abroad.
        ("The House That Jack Built grossed more than $ 1.2 million worldwide .", "supports"),
        ("The House That Jack Built grossed less than $ 1.2 million worldwide .", "contradicts"),
        ("The House That Jack Built grossed more than $ 1.1 million in other territories .", "supports"),
    ],
)
def test_a_claim_figure_is_read_against_its_own_market(claim: str, expected: str) -> None:
    assert judged(claim, BOX_OFFICE) == expected


def test_a_market_the_sentence_does_not_give_is_not_stated() -> None:
    sentence = "It has earned 62.06 crore worldwide ."
    assert judged("The movie grossed 62.06 crore domestically .", sentence) == "neutral"
    assert judged("The movie grossed 62.06 crore globally .", sentence) == "supports"


def test_a_market_word_is_not_what_a_figure_counts() -> None:
    # "units worldwide" and "units globally" both count units.
    (q,) = extract("Mario Kart Wii had sold 37.10 million units worldwide .").quantities
    assert q.head == "unit"
    sentence = "The best-selling game , Mario Kart Wii , had sold 37.10 million units worldwide ."
    assert judged("Mario Kart Wii had sold over 37 million units globally .", sentence) == "supports"
    assert judged("Mario Kart Wii had sold over 38 million units globally .", sentence) == "contradicts"
