"""scripts/reversals.py: claims turned round for training the judge."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


@pytest.fixture(scope="module")
def rv():
    sys.path.insert(0, str(SCRIPTS))  # reversals imports its sibling hard_negatives
    try:
        spec = importlib.util.spec_from_file_location("reversals", SCRIPTS / "reversals.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(SCRIPTS))
    return module


@pytest.mark.parametrize(
    ("claim", "turned"),
    [
        ("Acme is the largest drugmaker.", "Acme is the smallest drugmaker."),
        ("Acme is the largest drugmaker.", "Acme is not the largest drugmaker."),
        ("Acme is the largest drugmaker.", "Acme is the second-largest drugmaker."),
        ("Acme is the second-largest maker.", "Acme is the largest maker."),
        ("He never warned the captain.", "He always warned the captain."),
        ("The film has not been released.", "The film has been released."),
        ("Sales rose 5% last year.", "Sales fell 5% last year."),
        ("More than 40 people died.", "Fewer than 40 people died."),
    ],
)
def test_each_turning_changes_one_place(rv, claim: str, turned: str) -> None:
    assert turned in rv.turnings(claim)


@pytest.mark.parametrize(
    "claim",
    [
        "He starred in The Last Samurai.",  # a word inside a name is not turned
        "The novel is definitely not a movie script.",  # no "is not definitely not"
        "Paris has a population of 2 million.",  # "has" before a noun is no auxiliary
    ],
)
def test_names_and_double_negation_are_left_alone(rv, claim: str) -> None:
    assert rv.turnings(claim) == []


def test_supported_pairs_become_contradicted_and_unknown_stay_unknown(rv) -> None:
    pairs = [
        {"hypothesis": f"Team {i} won the cup.", "premise": f"Team {i} won the cup in 1990.", "label": i % 3,
         "source": "fever_symmetric"}
        for i in range(60)
    ]  # fmt: skip
    out = rv.reversed_pairs(pairs, 20, seed=1)
    assert len(out) == 20 and out == rv.reversed_pairs(pairs, 20, seed=1)
    by_claim = {p["hypothesis"]: p for p in pairs}
    for turned in out:
        original = by_claim[turned["hypothesis"].replace("lost", "won").replace("did not", "")]
        assert turned["premise"] == original["premise"] and original["label"] != rv.CONTRADICTED
        assert turned["label"] == (rv.CONTRADICTED if original["label"] == rv.SUPPORTED else rv.UNKNOWN)
    assert sum(p["label"] == rv.CONTRADICTED for p in out) == 14  # 70% of 20
