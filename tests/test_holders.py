"""Another holder of the claim's superlative, in the same scope, contradicts it."""

from __future__ import annotations

import pytest

from verifier.facts import extract
from verifier.holders import ended_superlative, other_superlative_holder, other_top_doer
from verifier.judge import FactJudge

LEAD = (
    "KELMARSH, Oct 23 (Wire) - Halcyra Communications, Drossland's largest telecoms operator, "
    "reported an 18% rise in third-quarter net profit on Thursday."
)


def test_the_sentence_gives_the_superlative_to_another_name() -> None:
    assert other_superlative_holder("Brinnet is Drossland's largest telecoms operator.", LEAD) == (
        "Brinnet",
        "Halcyra Communications",
        "Drossland's largest telecoms operator",
    )
    # "the largest X in Scope" against "Scope's largest X"; a place after the name is no holder.
    hospital = (
        "St. Aldric University Hospital in Marvik, Kessland's largest hospital, diverted ambulances "
        "for a third day."
    )
    found = other_superlative_holder("Marvik General Hospital is the largest hospital in Kessland.", hospital)
    assert found is not None and found[1] == "St. Aldric University Hospital"
    # Said with a verb of being, not in apposition.
    said = "Halcyra Communications is Drossland's largest telecoms operator."
    assert other_superlative_holder("Brinnet is Drossland's largest telecoms operator.", said) is not None
    # "biggest" is "largest".
    assert other_superlative_holder("Brinnet is Drossland's biggest telecoms operator.", LEAD) is not None


@pytest.mark.parametrize(
    "claim",
    [
        "Halcyra is Drossland's largest telecoms operator.",  # the same one
        "Brinnet is Drossland's largest bank.",  # another noun
        "Brinnet is Kestria's largest telecoms operator.",  # another scope
        "Brinnet is one of Drossland's largest telecoms operators.",  # no single holder
        "Brinnet is Drossland's second-largest telecoms operator.",  # a rank, read elsewhere
    ],
)
def test_only_the_same_superlative_of_the_same_thing_in_the_same_scope(claim: str) -> None:
    assert other_superlative_holder(claim, LEAD) is None


def test_the_fact_layer_reads_it_as_a_contradiction() -> None:
    verdict = FactJudge().assess(
        extract("Brinnet is Drossland's largest telecoms operator."), extract(LEAD), 0.6
    )
    assert verdict.stance == "contradicts" and "Halcyra Communications" in verdict.reason
    ranked = "Halcyra Communications, Drossland's second-largest telecoms operator, reported a profit."
    assert other_superlative_holder("Brinnet is Drossland's largest telecoms operator.", ranked) is None


def test_the_same_person_given_the_same_post_at_another_body_contradicts() -> None:
    from verifier.holders import other_body

    sentence = "Professor Aleksander Morck, the rector of Kardis, said the university had lost funding."
    claim = (
        "Aleksander Morck, rector of the Tamsvik Institute of Technology, said the decline was predictable."
    )
    assert other_body(claim, sentence) == (
        "Aleksander Morck",
        "rector of Tamsvik Institute of Technology",
        "rector of Kardis",
    )
    assert (
        other_body(
            "Lena Holm, chief executive of Orvik Bank, said profits rose.",
            ("Lena Holm, Velda Group's chief executive, said profits fell."),
        )
        is not None
    )
    # The same body, another person, or another post: not this reading.
    assert other_body("Aleksander Morck, rector of Kardis, said so.", sentence) is None
    assert other_body("Ivo Morck, rector of Tamsvik University, said so.", sentence) is None
    assert other_body("Aleksander Morck, dean of Tamsvik University, said so.", sentence) is None


def test_a_person_at_the_top_of_another_body_contradicts() -> None:
    from verifier.holders import other_body

    # Two posts at the top ("leader", "chief executive") of bodies that share no word (nw7 tr-11);
    # a plain word may stand before the body's name.
    claim = "Mattias Breck, leader of the Railwaymen's Syndicate, said the union had raised staff shortages."
    sentence = "Mattias Breck, chief executive of state-owned Lunessan Railways, apologised to the families."
    assert other_body(claim, sentence) == (
        "Mattias Breck",
        "leader of Railwaymen's Syndicate",
        "chief executive of Lunessan Railways",
    )
    # The body and post before the name (nw7 te-11).
    dolhan = "Ecologists' Bloc leader Radim Dolhan said his party was ready to talk."
    assert other_body("Radim Dolhan, the leader of the Tavrenian Patriots, campaigned on it.", dolhan) == (
        "Radim Dolhan",
        "leader of Tavrenian Patriots",
        "leader of Ecologists' Bloc",
    )
    # The same body, a post that is not at the top, or a sentence-opening word taken for a body:
    # not this reading.
    assert other_body("Radim Dolhan, the leader of the Ecologists' Bloc, said so.", dolhan) is None
    assert other_body("Mattias Breck, spokesman of the Railwaymen's Syndicate, said so.", sentence) is None
    assert (
        other_body(
            "Pieter Lanske, leader of the Civic Party, said so.",
            "Opposition finance spokesman Pieter Lanske said the government had caved in.",
        )
        is None
    )


def test_another_name_doing_the_claims_superlative_act_contradicts() -> None:
    claim = "Tessen University recorded the biggest funding increase of any public university."
    calder = (
        "The University of Calder recorded the biggest increase among the country's 14 public universities."
    )
    assert other_top_doer(claim, calder) == (
        "Tessen University",
        "University of Calder",
        "recorded the biggest funding increase",
    )
    # "most goals" holds its noun; a named kind of thing ("fire") is part of the doer.
    goals = "Vestra United scored the most goals in the Drevland league."
    assert other_top_doer(goals, "Brakke scored the most goals in the league, 71.") is not None
    fire = "The Belmira fire burned the largest area of the season."
    assert other_top_doer(fire, "The Terrava fire burned the largest area, 58,000 hectares.") is not None
    # Not the claimed one, another act, another scope, or a sentence that names the claimed one too.
    assert other_top_doer(claim, "Tessen University recorded the biggest increase.") is None
    assert other_top_doer(goals, "Brakke conceded the most goals in the league, 71.") is None
    assert other_top_doer(goals, "Brakke scored the most goals in the Norland league, 71.") is None
    assert other_top_doer(goals, "Brakke and Vestra scored the most goals in the league.") is None
    assert (
        other_top_doer("Tessen University is the biggest university.", "Calder is the biggest university.")
        is None
    )
    j = FactJudge().assess(extract(claim), extract(calder), 0.6)
    assert j.stance == "contradicts" and "University of Calder, not Tessen University" in j.reason, j


def test_a_superlative_held_until_a_date_is_not_held_now() -> None:
    claim = "The Kessel Bridge is currently Ardenia's longest road bridge."
    until = "The bridge, opened in 1994, was the longest road bridge in Ardenia until 2019."
    assert ended_superlative(claim, until) == (
        "longest road bridge now",
        "longest road bridge in Ardenia until 2019",
    )
    # Held now, said of the past by the claim, or held again: no conflict.
    assert ended_superlative(claim, "The bridge is the longest road bridge in Ardenia.") is None
    assert ended_superlative("The Kessel Bridge was Ardenia's longest road bridge.", until) is None
    assert (
        ended_superlative(
            "Halvik is the largest copper producer in Norland.",
            "Halvik was the largest copper producer in Norland until 2021 and regained the title in 2024.",
        )
        is None
    )
    j = FactJudge().assess(extract(claim), extract("The Kessel Bridge" + until[10:]), 0.6)
    assert j.stance == "contradicts" and "until 2019" in j.reason, j
