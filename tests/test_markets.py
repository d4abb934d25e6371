"""Which way a market moved: a share price or currency turned round contradicts the claim."""

from __future__ import annotations

import pytest

from verifier.facts import extract
from verifier.judge import FactJudge
from verifier.markets import market_move, moves


def test_moves_are_read_with_whose_price_moved() -> None:
    [move] = moves("Veltrane's shares gained 3.2% after the closure announcement.")
    assert (move.owner, move.head, move.up) == (frozenset({"veltrane"}), "shares", True)
    [move] = moves("The Marvanian crown weakened sharply after the decision.")
    assert (move.owner, move.head, move.up) == (frozenset({"marvanian"}), "crown", False)
    assert list(moves("The shares were sold to a pension fund.")) == []
    # A currency in lower case is read where the sentence prices it against another.
    [move] = moves("The tavren firmed 1.3% against the dollar on Monday.")
    assert (move.owner, move.head, move.up) == (frozenset({"tavren"}), "tavren", True)
    assert list(moves("The rate fell 0.2 points in May.")) == []
    # The owner may follow the head: "Shares in Arkwell", "stock of Halden Air".
    [move] = moves("Shares in Arkwell fell 18% on Wednesday.")
    assert (move.owner, move.head, move.up) == (frozenset({"arkwell"}), "shares", False)
    [move] = moves("The stock of Halden Air rose 4%.")
    assert (move.owner, move.head, move.up) == (frozenset({"halden", "air"}), "shares", True)
    assert list(moves("Shares in Arkwell were suspended.")) == []


@pytest.mark.parametrize(
    ("claim", "sentence", "title", "agree"),
    [
        (
            "Veltrane's shares gained 3.2% in Sarnholm.",
            "Veltrane shares fell 3.2% in Sarnholm trading.",
            "",
            False,
        ),
        (
            "The Merovian dalen strengthened after the decision.",
            "The Merovian dalen weakened 0.7% to 23.45.",
            "",
            False,
        ),
        # Whose: "Halvik shares" are Halvik Mining's, "Serrano shares" are not.
        (
            "Halvik Mining's shares rose on the day of the deal.",
            "Serrano shares jumped 22%, while Halvik shares fell 3.5%.",
            "",
            False,
        ),
        (
            "Serrano Copper's share price rose.",
            "Serrano shares jumped 22%, while Halvik shares fell 3.5%.",
            "",
            True,
        ),
        # "Its shares": whose the title says.
        (
            "Corvaris Air shares gained on Tuesday.",
            "Its shares fell 4.2% on Tuesday.",
            "Corvaris Air cancels flights",
            False,
        ),
        (
            "Corvaris Air shares gained on Tuesday.",
            "Its shares fell 4.2% on Tuesday.",
            "SkyNord adds flights",
            None,
        ),
        (
            "The euro weakened against the dollar after the vote.",
            "The euro rose 0.4% to $1.09 against the dollar after the vote.",
            "",
            False,
        ),
        (
            "The euro weakened against the dollar after the vote.",
            "The pound fell 0.4% against the dollar after the vote.",
            "",
            None,
        ),
        # Both ways in one sentence: which one is the claim's is not read.
        ("Arvedal shares rose.", "Arvedal shares rose early but Arvedal shares fell by the close.", "", None),
    ],
)
def test_the_claims_mover_is_compared(claim: str, sentence: str, title: str, agree: bool | None) -> None:
    moved = market_move(claim, sentence, title)
    assert (moved[2] if moved else None) == agree


def test_a_move_turned_round_contradicts_on_the_same_day_only() -> None:
    judge = FactJudge()
    claim = extract("Corvaris Air shares gained on Tuesday as the strike began.")
    title = "Corvaris Air cancels 640 flights as pilots stage first strike"
    j = judge.assess(claim, extract("Its shares fell 4.2% on Tuesday."), 0.7, title)
    assert j.stance == "contradicts" and j.kind == "direction", j
    j = judge.assess(claim, extract("Its shares fell 1.8% on Wednesday."), 0.7, title)
    assert j.stance != "contradicts", j


def test_a_move_the_same_way_is_a_stated_direction_unless_a_figure_is_claimed() -> None:
    judge = FactJudge()
    sentence = extract("Dunmoor shares fell 18% on the Ulmsted stock exchange on Tuesday.")
    title = "Collapse at Dunmoor mine"
    j = judge.assess(
        extract("Dunmoor Coal's share price fell on the day after the collapse."), sentence, 0.6, title
    )
    assert (j.stance, j.kind) == ("supports", "direction"), j
    # The claim's own figure is not checked by the move: word overlap, for the model to weigh.
    j = judge.assess(extract("Dunmoor Coal's shares fell 28% after the collapse."), sentence, 0.6, title)
    assert j.kind != "direction", j


def test_a_move_over_a_period_is_not_the_days_move() -> None:
    judge = FactJudge()
    sentence = extract("The zel has lost about 11% of its value against the dollar since October.")
    title = "Zelmora central bank raises rates"
    j = judge.assess(
        extract("The zel weakened against the dollar after the rate decision."), sentence, 0.6, title
    )
    assert j.kind != "direction", j
    j = judge.assess(extract("The zel has weakened against the dollar since October."), sentence, 0.6, title)
    assert j.stance == "supports", j


def test_shares_in_an_owner_named_in_apposition() -> None:
    sentence = "Shares in Tessant's listed parent company, Ambrecia Power Holdings, fell 5.8% in Dunvarra."
    (move,) = moves(sentence)
    assert move.owner == {"ambrecia", "power", "holdings"} and not move.up
    assert market_move("Shares in Ambrecia Power Holdings rose after the ruling.", sentence)[2] is False


def test_a_balance_narrows_widens_and_is_reduced() -> None:
    assert [(m.owner, m.head, m.up) for m in moves("Halcyra reduced its net debt during the quarter.")] == [
        ({"halcyra"}, "debt", False)
    ]
    # "Net" names the balance, not its owner; the title says whose it is.
    (m,) = moves("Net debt fell to 18.7 billion drax from 20.3 billion drax.")
    assert (m.owner, m.head, m.up) == (frozenset(), "debt", False)
    assert [m.up for m in moves("Brannock's operating margin narrowed last year.")] == [False]
    assert [m.up for m in moves("Lumora's operating margin widened.")] == [True]
    assert [m.up for m in moves("Arvelle's net debt went down during the first quarter.")] == [False]
    moved = market_move(
        "Halcyra increased its net debt.", "Net debt fell to 18.7 billion.", "Halcyra results"
    )
    assert moved is not None and moved[2] is False


def test_a_days_close_against_its_peak() -> None:
    from verifier.markets import close_against

    sentence = "The shares rose as much as 7.2% to 58.40 marks in early trading, before closing up 5.9%."
    assert close_against("Arvelle shares ended the day 7.2% higher.", sentence) == (
        False,
        "ended the day 7.2%",
        "closing up 5.9%",
    )
    assert close_against("Arvelle shares closed up 5.9%.", sentence)[0] is True
    # A move with no close claimed, or a sentence that gives no peak, is read by the other checks.
    assert close_against("Arvelle shares rose 7.2%.", sentence) is None
    assert close_against("Arvelle shares closed up 7.2%.", "The shares closed up 5.9%.") is None
    j = FactJudge().assess(
        extract("Arvelle shares ended the day 7.2% higher."), extract(sentence), 0.7, "Arvelle results"
    )
    assert j.stance == "contradicts" and "5.9%" in j.reason, j


def test_a_move_knows_where_its_words_end() -> None:
    # The phrase leaves out the auxiliary ("the zel lost"), so it is no substring to look for.
    sentence = "The zel has lost about 11% of its value against the dollar since October."
    moved = market_move("The zel weakened against the dollar.", sentence, "Zelmora raises rates")
    assert moved is not None and moved[1] == "the zel lost"
    assert sentence[moved[3] :].startswith(" about 11%")
