"""Who came where (verifier.placings) and the judge's reading of it."""

from __future__ import annotations

import pytest

from verifier.judge import FactJudge
from verifier.placings import other_placing, placings
from verifier.types import Evidence

LIST = (
    "The far-right Homeland party came third with 15.2%, its best result in the constituency, "
    "and the Social Democrats fourth with 6.9%."
)
RACE = (
    "Kipsang finished second in 2:05:02, 11 seconds behind, and Estrenia's Dusan Vrabec was third in 2:06:40."
)


def test_each_ordinal_is_tied_to_the_name_it_places() -> None:
    assert [(sorted(n), r) for n, r, _, _ in placings(LIST)] == [
        (["homeland"], 3),
        (["democrats", "social"], 4),
    ]
    assert [r for _, r, _, _ in placings(RACE)] == [2, 3]
    # "was first proposed" is no placing; nor a count over part of a contest.
    assert placings("The museum was first proposed in 2009.") == ()
    assert placings("In the south the Homeland Party came first in four of seven districts.") == ()


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        ("The Social Democrats came third in the by-election.", LIST),
        (
            "Viktor Lanz came first in the first round of the mayoral election.",
            "Viktor Lanz of the nationalist Heritage Party came third with 17.2% and endorsed nobody.",
        ),
        ("Dusan Vrabec finished second in the men's race.", RACE),
        ("Rovers finished second last season.", "Rovers finished third in the Northern League last season."),
    ],
)
def test_another_rank_for_the_same_name_contradicts(claim: str, sentence: str) -> None:
    assert other_placing(claim, sentence) is not None


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        ("The Homeland party came third in the by-election.", LIST),
        ("Dusan Vrabec finished third in the men's race.", RACE),
        # Another season, another table; another name at another rank says nothing of the claim's.
        ("Rovers finished second this season.", "Rovers finished third in the Northern League last season."),
        ("The Greens came second.", "The Homeland party came third with 15.2%."),
    ],
)
def test_the_same_rank_or_another_contest_is_none(claim: str, sentence: str) -> None:
    assert other_placing(claim, sentence) is None


def test_judge_contradicts_a_shared_ordinal_given_to_another_name() -> None:
    # "third" and "Social Democrats" are both in the sentence, but not together.
    claim = "The Social Democrats came third in the by-election."
    e = Evidence(LIST, "d", "Greens take Lisk Valley seat in by-election", "", "", 4, 0, len(LIST), 0.4)
    verdict = FactJudge().judge(claim, [e])[0]
    assert verdict.stance == "contradicts"
    assert "Social Democrats fourth" in verdict.reason


def test_a_placing_that_borrows_a_verb_is_read_once() -> None:
    found = placings("Kipsang finished second, Lanz came third, and the Social Democrats fourth with 6.9%.")
    assert sorted(r for _, r, _, _ in found) == [2, 3, 4]
