"""Who holds a post: the wrong person named in a post one person holds contradicts."""

from __future__ import annotations

import pytest

from verifier.facts import extract
from verifier.judge import FactJudge
from verifier.roles import body_named, holders, only_the_post, other_holder, other_post


@pytest.mark.parametrize(
    ("text", "post", "name"),
    [
        ("Governor Elena Marsh told a news conference.", "governor", "Elena Marsh"),
        ("Hallberg chief executive Lotte Brandt said so.", "chief executive", "Lotte Brandt"),
        ("Simon Reyes, Ardessa's health minister, said so.", "health minister", "Simon Reyes"),
        ("Pieter Koval, the governor of the central bank, said so.", "governor", "Pieter Koval"),
        ("Henrik Vaal is general secretary of the union.", "general secretary", "Henrik Vaal"),
        ("The minister of health, Oriana Fell, spoke.", "health minister", "Oriana Fell"),
        ("Kestovia's health minister, Anja Voltrec, said so.", "health minister", "Anja Voltrec"),
        ("Acme CEO Jane Doe resigned.", "chief executive", "Jane Doe"),
        # A post's own words stay; a capitalised body or a body noun goes.
        ("said regional fire chief Nuria Castell, 56.", "regional fire chief", "Nuria Castell"),
        (
            "Regional transport commissioner Ferdinand Lusk said so.",
            "regional transport commissioner",
            "Ferdinand Lusk",
        ),
        ("Interior Minister Anja Voltrec told state radio.", "interior minister", "Anja Voltrec"),
        ("said agency director Henrik Strand.", "director", "Henrik Strand"),
        ('"Not statistics," NIPH director Dr. Agnes Kolar said.', "director", "Agnes Kolar"),
        ("said chief medical officer Lena Orbach-Pryce.", "chief medical officer", "Lena Orbach-Pryce"),
        (
            "said Clara Voss, head of housing statistics at the bureau.",
            "head of housing statistics",
            "Clara Voss",
        ),
        ("The authority's director, Simon Reyes, said so.", "director", "Simon Reyes"),
        ("Marat Dulov is the Selka-2 mission director.", "mission director", "Marat Dulov"),
        ("Culture Minister Rosa Ellmann ordered reviews.", "culture minister", "Rosa Ellmann"),
        # A minister without a portfolio is one of many; "Premier League" names nobody.
        ("Minister Tom Hale spoke.", None, None),
        ("The Premier League Asia Trophy was renamed.", None, None),
    ],
)
def test_posts_and_their_holders_are_read(text: str, post: str | None, name: str | None) -> None:
    found = holders(text)
    if post is None:
        assert list(found) == []
    else:
        assert [(h.post, h.name) for h in found] == [(post, name)]


@pytest.mark.parametrize(
    "text",
    [
        "Five members voted for the cut, including deputy governor Pieter Koval.",
        "Former chief executive Lotte Brandt said so.",
        "Acting mayor Tom Hale opened the bridge.",
        "Vice-chancellor Ingrid Moss said so.",
        "He will join the board as non-executive director Martin Gale did.",
    ],
)
def test_a_qualified_post_is_another_post(text: str) -> None:
    assert list(holders(text)) == []


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


def test_another_post_for_the_claimed_person_contradicts_unless_one_person_holds_both() -> None:
    claim = "Kestovia's health minister, Anja Voltrec, said rescuers were still pulling people out."
    moved = other_post(claim, '"We are still pulling people out," Interior Minister Anja Voltrec said.')
    assert moved is not None and (moved[0].post, moved[1].post) == ("health minister", "interior minister")
    assert other_post(claim, "Health Minister Anja Voltrec visited Bresk.") is None
    # A chairman may be chief executive too; "chief" only says who is in charge.
    chair = "Lotte Brandt, Hallberg's chairman, said so."
    assert other_post(chair, "Chief executive Lotte Brandt said so.") is None
    assert other_post("Agency chief Marat Dulov said so.", "Mission director Marat Dulov said so.") is None
    # Another person of the same surname is another person.
    assert other_post(claim, "Interior Minister Petra Voltrec said so.") is None


def test_a_claim_of_who_holds_a_post_needs_its_body_named() -> None:
    claim = "Viktor Sandahl is the director of the National Institute of Public Health."
    held = only_the_post(claim)
    assert held is not None and held.post == "director"
    assert body_named(claim, held, '"Not statistics," NIPH director Dr. Agnes Kolar said.')
    assert not body_named(claim, held, "Museum director Agnes Kolar said so.")
    # Without a body, any chief executive anywhere would be another holder.
    assert only_the_post("Rolf Iversen is the chief executive.") is None
    assert only_the_post("Rolf Iversen said the chief executive would resign.") is None


def test_the_claimed_person_in_another_post_or_another_holder_contradicts() -> None:
    judge = FactJudge()
    claim = extract("Viktor Sandahl is the director of the National Institute of Public Health.")
    j = judge.assess(claim, extract("Health Minister Viktor Sandahl announced a campaign."), 0.3)
    assert j.stance == "contradicts" and j.kind == "role" and "health minister" in j.reason, j
    j = judge.assess(claim, extract('"Not statistics," NIPH director Dr. Agnes Kolar said.'), 0.2)
    assert j.stance == "contradicts" and "Agnes Kolar" in j.reason, j
    # The director of another institute is no word on it.
    j = judge.assess(claim, extract("Museum director Agnes Kolar said so."), 0.2)
    assert j.stance != "contradicts", j
