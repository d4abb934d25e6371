"""Misattribution read by the model (verifier.speakers and ModelJudge._said_by_another)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from verifier.facts import extract
from verifier.modeljudge import ModelJudge
from verifier.speakers import people, reattributed
from verifier.types import Evidence

HOLM = (
    '"The ash concentration over Veldra is above the safe limit for jet engines, and we will not '
    'reopen the airspace until the readings fall," said Mara Holm, the head of SkyVel.'
)
DANNER = "Veldair chief executive Piet Danner said the airspace would stay closed until ash readings fell."


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (HOLM, ["Mara Holm"]),
        ('"Passengers will pay the price," said its director, Piet Hollander.', ["Piet Hollander"]),
        (
            '"Never been prouder of them," Calder told reporters at the harbour in Port Vendrel.',
            ["Calder"],
        ),
        ("Chief financial officer Anton Reisz said the company would cut 1,100 jobs.", ["Anton Reisz"]),
        ('Divers resumed the search, but Esterhal said the chances were "very low".', ["Esterhal"]),
        ('"Slowing, not stopping," said Dr. Mirela Szanto, a neurologist.', ["Mirela Szanto"]),
        # A place or a venue is no one to give the claim to, nor a name nothing shows is a person's.
        ("The final at Breska's Kessmark Stadium finished 2-2 after extra time.", []),
        ("Flights from Port Vendrel resumed on Friday.", []),
        ("The report was written by Tomas Reinholt and Anna Berg.", []),
    ],
)
def test_people_are_the_persons_a_sentence_has_speak_or_act(sentence: str, expected: list[str]) -> None:
    assert people(sentence) == expected


def test_the_claim_is_said_again_of_each_person_the_sentence_names() -> None:
    agent, claims = reattributed(extract(DANNER), extract(HOLM))
    assert agent.name == "Piet Danner"
    assert claims == [("Mara Holm", "Mara Holm said the airspace would stay closed until ash readings fell.")]


@pytest.mark.parametrize(
    "sentence",
    [
        # The sentence names the claimed person: who said it is read from the words, not asked.
        "Piet Danner said the airspace would stay closed, Mara Holm added.",
        # "he" may be the claimed person.
        '"We will not reopen the airspace until the readings fall," he said, citing Mara Holm.',
        # The sentence leaves out more of the claim than who said it (Veldra, not Kessmere).
        '"Flights over Veldra will resume," said Mara Holm, the head of SkyVel.',
    ],
)
def test_no_question_of_another_speaker(sentence: str) -> None:
    claim = "Veldair chief executive Piet Danner said flights over Kessmere would resume."
    assert reattributed(extract(claim), extract(sentence)) is None


def test_a_bare_name_counts_as_a_person_only_where_it_says_something() -> None:
    sentence = extract('"We lacked the money to compete in Europe," said club president Tomas Dorrance.')
    claim = extract("Elena Moravec said the club lacked the money to compete in Europe.")
    said = reattributed(claim, sentence)
    assert said is not None and said[1][0][0] == "Tomas Dorrance"
    # "Norvane Shipping estimated …": two capitalised words with no title may be a company.
    acted = extract("Norvane Shipping estimated the club lacked the money to compete in Europe.")
    assert reattributed(acted, sentence) is None


def test_a_pronoun_in_what_was_said_is_no_speaker() -> None:
    # nw11 ct-07: "said he would appeal" names its speaker; "he" is the client.
    claim = extract("Dominic Ashworth, Anselm's defence lawyer, said his client would appeal.")
    sentence = extract("Anselm's lawyer, Clara Benedetti, said he would appeal within the 30-day deadline.")
    found = reattributed(claim, sentence)
    assert found is not None and found[1][0][0] == "Clara Benedetti"
    # '"… ," said he' is the pronoun's own saying: it may be the claimed person's.
    spoken = extract('"We will appeal," said he, leaving the court with Clara Benedetti.')
    assert reattributed(claim, spoken) is None


def test_that_someone_else_did_not_act_leaves_a_denial_open() -> None:
    claim = extract("Finance Minister Oskar Breyde did not back the rate hike.")
    sentence = extract("Deputy governor Elin Varga, a member of the board, did not back the rate hike.")
    assert reattributed(claim, sentence) is None


def test_a_claim_without_a_named_person_who_acts_is_left_alone() -> None:
    claim = extract("The airspace would stay closed until ash readings fell.")
    assert reattributed(claim, extract(HOLM)) is None


class SwapModel:
    """Reads the claim as stated only when it names ``speaker``; unknown otherwise."""

    def __init__(self, speaker: str, support: float) -> None:
        self.speaker, self.support = speaker, support
        self.meta: dict = {}
        self.model_dir = Path("fake")

    def predict(self, pairs):
        stated = [self.support, (1.0 - self.support) / 2, (1.0 - self.support) / 2]
        return np.array([stated if c.startswith(self.speaker) else [0.15, 0.15, 0.7] for c, _ in pairs])

    def relevance(self, pairs):
        return None


def _ev(text: str) -> Evidence:
    return Evidence(text, "d", "Ash grounds flights across Veldoria", "wire", "", 0, 0, len(text), 0.6)


def test_a_claim_the_sentence_states_of_someone_else_is_contradicted() -> None:
    out = ModelJudge(SwapModel("Mara Holm", 0.78)).judge(DANNER, [_ev(HOLM)])
    assert out[0].stance == "contradicts"
    assert out[0].probability == pytest.approx(0.78)
    assert "Mara Holm, not Piet Danner" in out[0].reason


def test_a_weak_reading_of_the_swapped_claim_leaves_the_sentence_out_of_scope() -> None:
    out = ModelJudge(SwapModel("Mara Holm", 0.45)).judge(DANNER, [_ev(HOLM)])
    assert out[0].stance == "neutral"
