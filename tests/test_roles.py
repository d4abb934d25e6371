"""Who holds a post: the wrong person named in a post one person holds contradicts."""

from __future__ import annotations

import pytest

from verifier.facts import extract
from verifier.judge import FactJudge
from verifier.roles import holders, other_holder


@pytest.mark.parametrize(
    ("text", "post", "name"),
    [
        ("Governor Elena Marsh told a news conference.", "governor", "Elena Marsh"),
        ("Hallberg chief executive Lotte Brandt said so.", "chief executive", "Lotte Brandt"),
        ("Simon Reyes, Ardessa's health minister, said so.", "health minister", "Simon Reyes"),
        ("Pieter Koval, the governor of the central bank, said so.", "governor", "Pieter Koval"),
        ("Henrik Vaal is general secretary of the union.", "general secretary", "Henrik Vaal"),
        ("The minister of health, Oriana Fell, spoke.", None, None),  # post after the name only
        ("Acme CEO Jane Doe resigned.", "chief executive", "Jane Doe"),
    ],
)
def test_posts_and_their_holders_are_read(text: str, post: str | None, name: str | None) -> None:
    found = holders(text)
    if post is None:
        assert found == []
    else:
        assert [(h.post, h.name) for h in found] == [(post, name)]


@pytest.mark.parametrize(
    "text",
    [
        "Five members voted for the cut, including deputy governor Pieter Koval.",
        "Former chief executive Lotte Brandt said so.",
        "Acting mayor Tom Hale opened the bridge.",
    ],
)
def test_a_qualified_post_is_another_post(text: str) -> None:
    assert holders(text) == []


def test_another_holder_of_the_same_post_is_found_only_for_the_same_body() -> None:
    claim = "Hallberg chief executive Lotte Brandt described the closure as painful."
    assert other_holder(claim, '"It is painful," chief executive Maren Ostby told reporters.') is not None
    assert other_holder(claim, "Volvo chief executive Jim Rowan described the closure as painful.") is None
    # The claimed person is in the sentence: no other holder is read.
    assert other_holder(claim, "Chief executive Maren Ostby and Lotte Brandt met.") is None


def test_the_wrong_holder_of_a_post_contradicts_the_claim() -> None:
    judge = FactJudge()
    claim = "Simon Reyes, Ardessa's health minister, said the curve of infections was bending."
    sentence = '"We are seeing the curve of infections bend," Ardessa\'s Health Minister Oriana Fell said.'
    j = judge.assess(extract(claim), extract(sentence), 0.6)
    assert j.stance == "contradicts" and j.kind == "role", j
    assert "Simon Reyes" in j.reason and "Oriana Fell" in j.reason
    # Another act by the other holder is no word on the claim.
    other = "Health Minister Oriana Fell opened a new hospital in the capital."
    assert judge.assess(extract(claim), extract(other), 0.3).stance != "contradicts"
