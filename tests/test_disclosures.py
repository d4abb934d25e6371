"""What someone would not say (verifier.disclosures) and the judge's reading of it."""

from __future__ import annotations

import pytest

from verifier.disclosures import withheld_alike
from verifier.facts import extract
from verifier.judge import FactJudge


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        (
            "Dorsza would not say whether the bank was likely to raise rates again in April.",
            "Dorsza declined to say whether another increase was likely then.",
        ),
        (
            "Goran Telvik did not say whether he would remain leader of Unity and Progress.",
            "Telvik, 63, conceded defeat but did not say whether he would stay on as party leader.",
        ),
        # The sentence's pronoun stands for the claim's named person.
        (
            "Governor Reszeny gave no timetable for when rate cuts might begin.",
            'He did not say when the bank might start cutting, but said a reduction "remains possible".',
        ),
        # Not commenting is one silence however it is said.
        (
            "Brekke did not comment on the reports of talks with Nordvik Kabel.",
            "Brekke declined to comment on reports that Arvelle was in talks to buy Nordvik Kabel.",
        ),
        (
            "Brekke made no comment on the talks with Nordvik Kabel.",
            "Brekke declined to comment on reports that Arvelle was in talks to buy Nordvik Kabel.",
        ),
        # The silence as a second verb after what was said, and "not yet".
        (
            "Gregor Stamm did not name the parties the Homeland Party would be prepared to work with.",
            'Stamm said his party was "ready to govern" but did not say which parties it would be '
            "willing to work with.",
        ),
        (
            "Transport Minister Ruth Aldane has not yet said when the line will reopen.",
            "Aldane did not say when the line would reopen.",
        ),
        # Not saying what she will do leaves open whether she will do any one thing (nw8 sp-05).
        (
            "President Eliska Varn has not revealed whether she will sign the pension law.",
            "Varn, a former judge, has not said what she will do.",
        ),
    ],
)
def test_the_same_silence_is_one_statement(claim: str, sentence: str) -> None:
    assert withheld_alike(claim, sentence) is not None


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        # Another question, another topic, another of-phrase, another speaker, or no silence at all.
        (
            "Holm did not say how the party would pay for it.",
            "Holm declined to say whether the party would try again.",
        ),
        (
            "Holm did not say whether the party would try again.",
            "Holm declined to say whether it would sell its offices.",
        ),
        (
            "The health ministry gave no age breakdown of the people admitted to hospital.",
            "The ministry did not give an age breakdown of the deaths.",
        ),
        (
            "Holm did not say whether the party would try again.",
            "Vasko declined to say whether the party would try again.",
        ),
        ("Holm did not say whether the party would try again.", "Holm said the party would try again."),
        # What she will do is no answer to what she did, nor said by another.
        ("Varn has not said how many votes she received.", "Varn has not said what she will do."),
        ("Varn has not said whether she will sign the law.", "Hale has not said what he will do."),
        # After "and", a new subject is a new speaker.
        (
            "Holm did not say whether the party would try again.",
            "Holm said he was tired and Vasko did not say whether the party would try again.",
        ),
    ],
)
def test_other_silences_are_none(claim: str, sentence: str) -> None:
    assert withheld_alike(claim, sentence) is None


def test_judge_reads_the_claims_not_as_the_sentences_silence() -> None:
    claim = "Dorsza would not say whether the bank was likely to raise rates again in April."
    j = FactJudge().assess(
        extract(claim), extract("Dorsza declined to say whether another increase was likely."), 0.6
    )
    assert (j.stance, j.kind) == ("supports", "withheld"), j
    assert "declined to say" in j.reason


def test_a_bare_the_names_no_speaker() -> None:
    assert (
        withheld_alike(
            "The union did not say whether it would strike again.",
            "The company declined to say whether it would strike a deal again.",
        )
        is None
    )


@pytest.mark.parametrize(
    ("claim", "sentence", "contradicted"),
    [
        # Commenting on, confirming or naming what the same person would not comment on, confirm
        # or say: a contradiction.
        (
            "Brekke commented on the reports of talks with Nordvik Kabel.",
            "Brekke declined to comment on reports that Arvelle was in talks to buy Nordvik Kabel.",
            True,
        ),
        (
            "Brekke confirmed the talks with Nordvik Kabel.",
            "Brekke declined to comment on reports that Arvelle was in talks to buy Nordvik Kabel.",
            True,
        ),
        # Another person, or another matter: not this reading.
        (
            "Lena Holm confirmed the talks with Nordvik Kabel.",
            "Brekke declined to comment on reports that Arvelle was in talks to buy Nordvik Kabel.",
            False,
        ),
        (
            "Brekke confirmed the dividend.",
            "Brekke declined to comment on reports that Arvelle was in talks to buy Nordvik Kabel.",
            False,
        ),
    ],
)
def test_speaking_against_a_silence_contradicts(claim: str, sentence: str, contradicted: bool) -> None:
    from verifier.disclosures import spoke_against_silence

    assert (spoke_against_silence(claim, sentence) is not None) == contradicted
    if contradicted:
        j = FactJudge().assess(extract(claim), extract(sentence), 0.6)
        assert j.stance == "contradicts" and "declined to comment" in j.reason, j
