"""scripts/hard_negatives.py: on-topic UNKNOWN pairs for training the judge."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

PATH = Path(__file__).resolve().parents[1] / "scripts" / "hard_negatives.py"


@pytest.fixture(scope="module")
def hn():
    spec = importlib.util.spec_from_file_location("hard_negatives", PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("claim", "name"),
    [
        ("The Big Wedding has a rating of 10 % .", "big wedding"),
        ("On Rotten Tomatoes the film has a rating of 10 % .", "rotten tomatoes"),
        ("Amy Winehouse died on 23 July 2011 .", "amy winehouse"),
        ("In 2019 the company made a loss .", None),
    ],
)
def test_subject_is_the_longest_name(hn, claim: str, name: str | None) -> None:
    assert hn.subject(claim) == name


def _pair(claim: str, sentence: str, label: int = 0, source: str = "vitaminc_real") -> dict:
    return {"hypothesis": claim, "premise": sentence, "label": label, "source": source}


def test_topical_negatives_keep_only_other_facts_about_the_subject(hn) -> None:
    claim = "Solvex employs 15,000 people ."
    pairs = [
        _pair(claim, "Solvex has a workforce of 15,000 ."),
        # A revision of the claim's own evidence: it decides the claim, never unknown.
        _pair("Solvex was founded in 1987 .", "Solvex has a workforce of 16,000 ."),
        # Repeats most of the claim: more likely to decide it than not.
        _pair("Solvex is based in Lyon .", "Solvex employs 15,000 people in Lyon ."),
        # Another fact about the subject: the hard negative wanted.
        _pair("Solvex makes batteries .", "Solvex reported a profit of 1.2 billion euros ."),
        # Does not name the subject: not on topic.
        _pair("Nordland cut its rates .", "The bank raised its rate by 0.25 points ."),
        # NLI captions are not claims about a subject.
        _pair("Solvex is a dog .", "Solvex barks at a man .", source="snli"),
    ]
    out = [n for n in hn.topical_negatives(pairs, 100, seed=0) if n["hypothesis"] == claim]
    assert [n["premise"] for n in out] == ["Solvex reported a profit of 1.2 billion euros ."]
    assert out[0]["label"] == hn.UNKNOWN and out[0]["source"] == "topical_negative"


def test_topical_negatives_are_capped_and_deterministic(hn) -> None:
    facts = ["trained in Iten", "was born in Eldoret", "married Grace", "ran for Kenya", "studied law"]
    pairs = [_pair(f"Kimani won race {i} .", f"Kimani {facts[i % 5]} in {2000 + i} .") for i in range(20)]
    first = hn.topical_negatives(pairs, 5, seed=3)
    assert len(first) == 5
    assert first == hn.topical_negatives(pairs, 5, seed=3)
    own = {(p["hypothesis"], p["premise"]) for p in pairs}
    assert not any((n["hypothesis"], n["premise"]) in own for n in first)
