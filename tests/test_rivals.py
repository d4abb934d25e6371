"""A denial that anything beats it is a superlative: the fact layer reads "no dam is taller than
Ardel" as "the tallest in the country", and the verification model may not call it denied."""

from __future__ import annotations

import numpy as np
import pytest

from verifier.judge import FactJudge
from verifier.modeljudge import ModelJudge
from verifier.rivals import rivalry, states_rivalry
from verifier.types import Evidence


def ev(text: str, similarity: float = 0.6) -> Evidence:
    return Evidence(text, "d", "t", "", "", 0, 0, len(text), similarity)


@pytest.mark.parametrize(
    ("claim", "sentence", "said"),
    [
        (
            "No player in the league has scored more goals this season than Tomas Ybarlo, who has 27.",
            "Ybarlo's two goals took his tally for the season to 27, the most of any player in the league.",
            "the most of any player in the league",
        ),
        (
            "No Northern League club had ever paid a bigger fee than Rovers paid for Okonjo.",
            "VELDHAM, July 14 (Wire) - Veldham Rovers signed Daniel Okonjo for a fee of 85 million "
            "euros, the highest ever paid by a club in the Northern League.",
            "the highest ever paid by a club in the Northern League",
        ),
        (
            "Vestria has not suffered a deadlier flood since 2010.",
            "It is the deadliest flood in Vestria since 2010, when 43 people died in the north.",
            "the deadliest flood in Vestria since 2010",
        ),
        (
            "No dam in Tarvonia is taller than Ardel.",
            "The 184-metre dam, the tallest in the country, has four turbines.",
            "the tallest in the country",
        ),
        (
            "The Kessel Institute has not measured a less popular bill since it began polling in 2004.",
            "It was the least popular bill the institute has measured since it began polling in 2004.",
            "the least popular bill the institute has measured since it began polling",
        ),
        (
            "The lead investigator said no TB vaccine candidate had produced a better phase 3 result.",
            '"This is the best result any TB vaccine candidate has produced in a phase 3 trial," she said.',
            "the best result any TB vaccine candidate has produced in a phase",
        ),
    ],
)
def test_the_sentences_superlative_states_the_denial_of_any_rival(
    claim: str, sentence: str, said: str
) -> None:
    assert states_rivalry(claim, sentence, ev_negated=False) == said
    j = FactJudge().judge(claim, [ev(sentence)])[0]
    assert (j.stance, j.kind) == ("supports", "rivalry") and said in j.reason


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        # The superlative is another's: the rival is named only as the one beaten.
        ("No club has won the Lusvanian Cup more often than Drammel City.",
         "Harwick, who have won the Cup a record 14 times, beat Drammel City 2-0."),
        ("No player scored more goals than Ybarlo.",
         "Marant finished as the top scorer with nine goals, the most of any player, two more than Ybarlo."),
        # Another dam is named before the superlative; a superlative below the top; no kind.
        ("No dam in Tarvonia is taller than Ardel.",
         "The Kessel dam, the tallest in the country, opened in 1990."),
        ("No dam in Tarvonia is taller than Ardel.", "Ardel is the second-tallest dam in the country."),
        ("No dam in Tarvonia is taller than Ardel.", "Ardel has the largest reservoir in the region."),
        # Another period than the claim's "since".
        ("Vestria has not suffered a deadlier flood since 2010.",
         "It is the deadliest flood in Vestria since 1998."),
    ],
)  # fmt: skip
def test_no_superlative_of_the_rival_no_reading(claim: str, sentence: str) -> None:
    assert states_rivalry(claim, sentence, ev_negated=False) is None


def test_only_denials_of_a_rival_are_read() -> None:
    assert rivalry("No one has been arrested over the fire.") is None
    assert rivalry("No player has ever been sold for more money.") is not None
    assert rivalry("The club had never won the cup.") is None
    # A denying sentence states no superlative.
    denied = states_rivalry("No dam in Tarvonia is taller than Ardel.", "Ardel is not the tallest dam.", True)
    assert denied is None


class _Contradicting:
    """A stand-in model that reads every pair as a contradiction, as the real one often does
    with a claim's "no"."""

    meta: dict = {}

    def predict(self, pairs):
        return np.tile([0.1, 0.8, 0.1], (len(pairs), 1))


def test_the_model_may_not_deny_what_the_fact_layer_read_as_a_superlative() -> None:
    judge = ModelJudge(_Contradicting(), rules=("value_mismatch",))
    sentence = "The 184-metre dam, the tallest in the country, has four turbines."
    (j,) = judge.judge("No dam in Tarvonia is taller than Ardel.", [ev(sentence)])
    assert j.stance == "supports" and "tallest" in j.reason
    (j,) = judge.judge("Ardel is the oldest dam in Tarvonia.", [ev(sentence)])
    assert j.stance == "contradicts"  # no rivalry: the model's reading stands


def test_never_before_is_for_the_first_time() -> None:
    story = (
        "ESSENFORD, May 31 (Wire) - The Brackwater Falcons won the Premier Rugby League title for the "
        "first time on Saturday, beating the Tollmouth Rams 27-24."
    )
    claim = "The Falcons had never won the Premier Rugby League title before Saturday."
    assert (
        states_rivalry(claim, story, ev_negated=False)
        == "won the Premier Rugby League title for the first time"
    )
    # Another verb, another time than the claim's "before", or a sentence that denies it: no reading.
    assert states_rivalry("The Falcons had never reached a final before Saturday.", story, False) is None
    assert states_rivalry("The Falcons had never won the title before 2020.", story, False) is None
    assert states_rivalry(claim, story.replace("won", "had not won"), True) is None
