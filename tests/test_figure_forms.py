"""Figure forms read in session 10: a bare "m" as metres, and the other readings below.

Each case is a claim, an evidence sentence and the stance the fact layer must give.
"""

from __future__ import annotations

import pytest

from verifier.facts import extract
from verifier.judge import FactJudge

JUDGE = FactJudge()


def stance(claim: str, evidence: str) -> str:
    return JUDGE.assess(extract(claim), extract(evidence), 0.8).stance


@pytest.mark.parametrize(
    ("claim", "evidence", "expected"),
    [
        ("The tower is 324 metres tall.", "The tower is 324 m tall.", "supports"),
        ("The tower is 300 metres tall.", "The tower is 324 m tall.", "contradicts"),
        ("The bridge is 1,149 m long.", "The bridge is 1,149 metres long.", "supports"),
        ("The road is 100 km long.", "The road is 100,000 m long.", "supports"),
        ("The diver reached a depth of 40 metres.", "The diver reached a depth of 40m.", "supports"),
        # A million where money or a count says so.
        ("The firm raised £30 million.", "The firm raised £30m from investors.", "supports"),
        ("The city has 5 million people.", "The city has 5m people.", "supports"),
        ("The club paid €45 million for him.", "The club paid €45m for him.", "supports"),
    ],
)
def test_bare_m_reads_as_metres_where_a_length_names_it(claim: str, evidence: str, expected: str) -> None:
    assert stance(claim, evidence) == expected


@pytest.mark.parametrize(
    ("claim", "evidence", "expected"),
    [
        ("Revenue reached $3.4bn.", "Revenue reached US$3.4 billion.", "supports"),
        ("Revenue reached US$3.4bn.", "Revenue reached $3.4 billion.", "supports"),
        ("The fine was €4.5 billion.", "The fine was EUR 4.5 billion.", "supports"),
        ("The project cost Rs 500 crore.", "The project cost Rs 50 crore.", "contradicts"),
        ("The project cost Rs 500 crore.", "The project cost ₹500 crore.", "supports"),
        # Other dollars stay other currencies.
        ("The deal was worth A$5 billion.", "The deal was worth US$5 billion.", "contradicts"),
    ],
)
def test_one_name_per_currency(claim: str, evidence: str, expected: str) -> None:
    assert stance(claim, evidence) == expected


def test_a_currency_code_is_no_entity() -> None:
    assert extract("Revenue reached US$3.4 billion.").entities == frozenset()
    assert extract("It cost USD 5m.").entities == frozenset()


@pytest.mark.parametrize(
    ("claim", "evidence", "expected"),
    [
        ("The suspect was 45.", "The suspect, aged 45, was arrested.", "supports"),
        ("The minister is 52.", "The minister, 52, resigned on Monday.", "supports"),
        ("The actor died aged 83.", "The actor died at the age of 85.", "contradicts"),
        ("A 45-year-old man was arrested.", "The man, aged 45, was arrested.", "supports"),
        ("A 12-year-old girl was found.", "A 12-month-old girl was found.", "contradicts"),
        # An age answers nothing about a count.
        ("There were 17 victims.", "The youngest victim was 17.", "neutral"),
    ],
)
def test_ages_in_every_form_compare(claim: str, evidence: str, expected: str) -> None:
    assert stance(claim, evidence) == expected
