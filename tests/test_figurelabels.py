"""verifier.figurelabels: a claim's figure given to the measure the sentence names for another."""

from __future__ import annotations

from verifier.facts import extract
from verifier.judge import FactJudge

_BALLOT = "In the ballot, 81% of members who voted backed a strike, on a turnout of 68%."


def test_a_figure_moved_to_the_measure_the_sentence_names_for_another_contradicts() -> None:
    judge = FactJudge()
    j = judge.assess(extract("Turnout in the dockers' strike ballot was 81%."), extract(_BALLOT), 0.6)
    assert j.stance == "contradicts" and "turnout 68%" in j.reason, j
    assert judge.assess(
        extract("Turnout in the dockers' strike ballot was 68%."), extract(_BALLOT), 0.6
    ).stance == ("supports")


def test_the_measure_is_named_by_its_distinguishing_word() -> None:
    judge = FactJudge()
    sentence = extract("Inflation was 5.8% in June, while the unemployment rate stood at 4.1%.")
    j = judge.assess(extract("Unemployment was 5.8% in June."), sentence, 0.7)
    assert j.stance == "contradicts" and "unemployment 4.1%" in j.reason, j
    # The sentence gives 5.8% to inflation, which the claim names: no move.
    assert judge.assess(extract("The inflation rate was 5.8% in June."), sentence, 0.7).stance == "supports"


def test_the_measures_earlier_value_is_not_another_measures() -> None:
    # A claim that does not say when may be about the old value (test_judge's QA 12 case).
    j = FactJudge().assess(
        extract("Turnout was 62%."),
        extract("Turnout was 67 percent, up 5 points from 62 percent in 2015."),
        0.6,
    )
    assert j.stance != "contradicts", j
