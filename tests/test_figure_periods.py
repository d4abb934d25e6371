"""A figure given for another period is no answer to the claim's: spans of years, years past
2099 and periods named relative to the text ("last century", "this year")."""

from __future__ import annotations

import pytest

from verifier.dates import extract_dates
from verifier.judge import FactJudge
from verifier.types import Evidence

JUDGE = FactJudge()

PROJECTION = (
    "Models referenced by the IPCC predict that global temperatures are likely to increase by "
    "1.1 to 6.4 °C (2.0 to 11.5 °F) between 1990 and 2100 ."
)


def judged(claim: str, text: str):
    return JUDGE.judge(claim, [Evidence(text, "d", "", "", "", 0, 0, len(text), 0.8)])[0]


def test_a_span_may_end_in_2100() -> None:
    spans = {d.span for d in extract_dates("Sea level will rise between 1990 and 2100 .")}
    assert spans == {(1990, 2100)}
    assert [d.year for d in extract_dates("Warming could reach 4 °C by 2100 .")] == [2100]


@pytest.mark.parametrize(
    "sentence",
    [
        PROJECTION,  # a range's first figure is dated by the span after its last
        "The likely rise in global average temperature was predicted to be 5.5 °C by 2100 .",
    ],
)
def test_a_figure_for_another_period_does_not_refute(sentence: str) -> None:
    claim = "That model predicted that global temperature between 1988 and 1997 would rise by 0.45 °C ."
    verdict = judged(claim, sentence)
    assert (verdict.stance, verdict.kind) == ("neutral", "snapshot")


def test_the_same_period_is_still_compared() -> None:
    claim = "Sales rose 8% between 2010 and 2015 ."
    assert judged(claim, "Sales rose 5% between 2010 and 2015 .").stance == "contradicts"
    assert (
        judged("Warming could reach 4 °C by 2100 .", "Warming could reach 5 °C by 2100 .").stance
        == "contradicts"
    )


@pytest.mark.parametrize(
    ("claim", "sentence", "stance"),
    [
        ("Sales rose 5% last year .", "Sales rose 8% this year .", "neutral"),
        ("Sales rose 8% last year .", "Sales rose 8% this year .", "neutral"),
        ("Sales rose 5% last year .", "Sales rose 8% in the past year .", "contradicts"),
        (
            "Global sea level rose about 8 inches in the last century .",
            "A global sea level rise of 200 to 270 cm ( 6.6 to 8.9 ft ) this century is plausible .",
            "neutral",
        ),
    ],
)
def test_periods_named_relative_to_the_text(claim: str, sentence: str, stance: str) -> None:
    assert judged(claim, sentence).stance == stance


KELAIR = "Kelair said on Wednesday it carried 8.6 million passengers in the third quarter, up 7.4 percent."


@pytest.mark.parametrize(
    "claim",
    [
        "Kelair carried 8.6 million passengers in the July-to-September quarter.",
        "Kelair carried 8.6 million passengers from July to September.",
        "Kelair carried 8.6 million passengers in the July-September period.",
    ],
)
def test_a_span_of_months_is_the_quarter_the_sentence_names(claim: str) -> None:
    j = judged(claim, KELAIR)
    assert j.stance == "supports" and "third quarter" in j.reason


def test_another_quarter_is_a_date_conflict_and_halves_read_alike() -> None:
    j = judged("Kelair carried 8.6 million passengers in the April-to-June quarter.", KELAIR)
    assert j.stance == "contradicts" and "April-to-June" in j.reason and "third quarter" in j.reason
    half = judged("Profit rose 5% in the January-June period.", "Profit rose 5% in the first half.")
    assert half.stance == "supports"
    assert judged("Profit rose 5% in the July through September period.", "Profit rose 5% in Q3.").stance == (
        "supports"
    )


def test_a_quarter_beside_another_is_not_read() -> None:
    # Which figure is of which quarter is not read, so neither quarter answers the months.
    two = "Kelair carried 8.6 million in the third quarter, up from 8.1 million in the second quarter."
    j = judged("Kelair carried 8.6 million passengers in the April-to-June quarter.", two)
    assert j.stance == "neutral"
    # Nor do two months that are no quarter, nor a year the sentence does not give.
    assert judged("Kelair carried 8.6 million passengers from August to October.", KELAIR).stance == "neutral"
    j = judged("Kelair carried 8.6 million passengers in the July-to-September quarter of 2024.", KELAIR)
    assert j.stance != "supports"
