"""Another holder of the claim's superlative, in the same scope, contradicts it."""

from __future__ import annotations

import pytest

from verifier.facts import extract
from verifier.holders import other_superlative_holder
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
