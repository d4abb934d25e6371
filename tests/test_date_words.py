"""What the words around a date say of it: a date a state ends on ("until 2027", "will end in
September 2025") is one end, read against another end, not a deadline that any earlier date
meets; a record "from 2018" is dated 2018; "from 2013 onwards" is a period."""

from __future__ import annotations

import pytest

from verifier.dates import extract_dates
from verifier.judge import FactJudge
from verifier.types import Evidence

JUDGE = FactJudge()


def judged(claim: str, text: str):
    return JUDGE.judge(claim, [Evidence(text, "d", "", "", "", 0, 0, len(text), 0.8)])[0]


def reading(claim: str, text: str):
    """The fact layer's reading: its verdict, else its loose reading where it has one (what
    the judge weighs when the sentence words the claim differently)."""
    verdict = judged(claim, text)
    return verdict.tentative if verdict.stance == "neutral" and verdict.tentative else verdict


@pytest.mark.parametrize(
    ("text", "closes"),
    [
        ("The coalition will stay in Baghdad until 2027.", True),
        ("The lockdown runs till the end of April 2020.", True),
        ("The presence will officially end in September 2025.", True),
        ("The licence expires on 30 June 2026.", True),
        ("Withdrawal is due by 2027.", False),  # a deadline
        ("The war did not end until 3 March 1919.", False),  # when it ended, not a bound
        ("He served from 2006 until 2012.", False),  # a span's end is read as the span
        ("The plant opened in 2012.", False),
    ],
)
def test_which_dates_close_a_state(text: str, closes: bool) -> None:
    dates = extract_dates(text)
    assert dates
    assert all(d.closes is closes for d in dates)


@pytest.mark.parametrize(
    ("claim", "sentence", "stance"),
    [
        # Two ends: the same date holds, another refutes.
        (
            "The coalition will stay in Baghdad until 2027.",
            "The coalition's presence in Baghdad will officially end in September 2025.",
            "contradicts",
        ),
        (
            "The coalition's mission in Baghdad ends in September 2025.",
            "The coalition will stay in Baghdad until September 2025.",
            "supports",
        ),
        (
            "Okonjo's contract with Veldham Rovers lasts until June 2030.",
            "Okonjo's contract with Veldham Rovers runs until June 2029.",
            "contradicts",
        ),
        # An earlier date of something else is no word on when the state ends.
        (
            "Okonjo's contract with Veldham Rovers lasts until June 2030.",
            "Okonjo signed his contract with Veldham Rovers in June 2024.",
            "neutral",
        ),
        # A deadline is still met by an earlier date.
        (
            "The coalition will leave Baghdad by 2027.",
            "The coalition will leave Baghdad in September 2025.",
            "supports",
        ),
    ],
)
def test_an_end_is_read_against_an_end(claim: str, sentence: str, stance: str) -> None:
    assert reading(claim, sentence).stance == stance


def test_the_reason_says_until() -> None:
    verdict = reading(
        "The coalition will stay in Baghdad until 2027.",
        "The coalition's presence in Baghdad will officially end in September 2025.",
    )
    assert "claim says until 2027; the evidence says September 2025" in verdict.reason


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("A UN report from 2018 said the grave was the largest.", "exact"),
        ("Data from 2019 show a rise.", "exact"),
        ("He worked there from 2010.", "since"),
        ("The apps were free from 2013 onwards .", "since"),
    ],
)
def test_from_a_year(text: str, qualifier: str) -> None:
    assert [d.qualifier for d in extract_dates(text)] == [qualifier]


def test_a_dated_record_is_read_as_of_its_year() -> None:
    verdict = reading(
        "A UN report from 2020 said the grave was the country's largest.",
        "A U.N. report from 2018 said the grave was likely the country's largest.",
    )
    assert verdict.stance == "contradicts"
    assert "claim says 2020; the evidence says 2018" in verdict.reason


def dated_judgement(claim: str, text: str, published: str):
    return JUDGE.judge(claim, [Evidence(text, "d", "", "", published, 0, 0, len(text), 0.8)])[0]


def test_last_year_is_the_year_before_the_story() -> None:
    """In a story published in 2026, "last year" is 2025: a claim dated 2025 is read against
    it, not against the earlier figure's 2024 beside it; without a publication date, as before."""
    claim = "The company carried over six million passengers in 2025."
    text = "The company carried 6.2 million passengers last year, up from 5.4 million in 2024."
    verdict = dated_judgement(claim, text, "2026-02-12")
    assert verdict.stance == "supports" and "last year (2025)" in verdict.reason
    assert dated_judgement(claim, text, "").stance == "contradicts"
    assert dated_judgement(
        "The ship ran aground in 1998.", "The ship ran aground last year.", "2026-05-01"
    ).stance == ("contradicts")
    # A comparison's base is not the sentence's own date.
    base = "The company carried 6.2 million passengers, more than last year's 5.4 million."
    assert dated_judgement(claim, base, "2026-02-12").stance != "supports"


@pytest.mark.parametrize(
    ("claim", "sentence", "stance"),
    [
        # "the first since 2004" dates the one before it.
        (
            "Before this season, Vestra United's most recent league title came in 2004.",
            "The title is Vestra's first since 2004 and their ninth in all.",
            "supports",
        ),
        (
            "The previous failure happened in 2024.",
            "It was the third failure of the Kestrel family and the first since March 2023.",
            "contradicts",
        ),
        # Another thing's first since: "its first increase since" does not date the last cut.
        (
            "The Bank of Norvessa's most recent rate cut came in May 2023.",
            "The bank raised its key rate on Wednesday, its first increase since October 2023.",
            "neutral",
        ),
    ],
)
def test_a_first_since_dates_the_one_before(claim: str, sentence: str, stance: str) -> None:
    assert judged(claim, sentence).stance == stance


def test_a_previous_date_that_is_not_the_claims_point_is_left_alone() -> None:
    from verifier.readings import previous_year

    said = "It is the first recall of a Palmira product since 2016, when it withdrew a syrup."
    assert previous_year("Palmira's previous recall, in 2016, involved a blood pressure pill.", said) is None
    assert previous_year("Palmira's previous recall came in 2016.", said) == ("2016", "2016")
