"""The three examples from the mission statement, end to end on the shipped corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.api import Verifier
from verifier.cache import corpus_dir
from verifier.embed import Embedder
from verifier.index import EvidenceIndex, build_index
from verifier.ingest import load_documents

TROOPS = "The U.S. currently maintains approximately 2,500 troops in Iraq as part of the mission."


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[EvidenceIndex, Embedder]:
    directory: Path = tmp_path_factory.mktemp("seed-index")
    embedder = Embedder()
    build_index(load_documents([corpus_dir()]), directory, embedder, progress=False)
    return EvidenceIndex.load(directory), embedder


@pytest.fixture(scope="module")
def verifier(seed_index: tuple[EvidenceIndex, Embedder]) -> Verifier:
    """The fact layer alone."""
    return Verifier(*seed_index)


@pytest.fixture(scope="module", params=["facts", "auto"])
def shipped(request: pytest.FixtureRequest, seed_index: tuple[EvidenceIndex, Embedder]) -> Verifier:
    """The fact layer alone, and the configuration as shipped (the trained model when present)."""
    index, embedder = seed_index
    return Verifier.from_index(index, embedder, judge=request.param)


def test_supported_cites_the_2500_sentence(shipped: Verifier) -> None:
    verdict = shipped.check("The US has 2,500 troops in Iraq")
    assert verdict.label == "supported"
    assert verdict.confidence >= 0.7
    top = verdict.evidence[0]
    assert top.text == TROOPS and top.stance == "supports"
    assert top.doc_id == "iraq-coalition-article" and top.source == "wire story" and top.date == ""
    assert "2,500" in verdict.explanation


def test_contradicted_names_both_numbers(shipped: Verifier) -> None:
    verdict = shipped.check("The US has 10,000 troops in Iraq")
    assert verdict.label == "contradicted"
    assert "10,000" in verdict.explanation and "2,500" in verdict.explanation
    assert verdict.evidence[0].text == TROOPS and verdict.evidence[0].stance == "contradicts"


def test_other_country_is_unknown(shipped: Verifier) -> None:
    verdict = shipped.check("The US has 900 troops in Syria")
    assert verdict.label == "unknown"
    assert all(e.stance == "neutral" for e in verdict.evidence)


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("The anti-ISIL coalition was formed in September 2014", "supported"),
        ("The Global Coalition against ISIL was formed in 2016", "contradicted"),
        (
            "The coalition's presence at Ain al-Asad Air Base will officially end in September 2025",
            "supported",
        ),
        ("The coalition's military presence in Syria will continue until September 2026", "supported"),
        ("The coalition's military presence in Syria will continue until September 2030", "contradicted"),
        ("The Global Coalition against ISIL has 89 partner states and institutions", "supported"),
        ("The Global Coalition against ISIL has 60 partner states and institutions", "contradicted"),
        ("The US has two thousand five hundred troops in Iraq", "supported"),
        ("France has 900 troops in Mali", "unknown"),
    ],
)
def test_more_claims_about_the_seed_article(verifier: Verifier, claim: str, label: str) -> None:
    assert verifier.check(claim).label == label


def test_evidence_offsets_point_into_the_document(verifier: Verifier) -> None:
    text = (corpus_dir() / "iraq-coalition-article.txt").read_text(encoding="utf-8")
    for e in verifier.check("The US has 2,500 troops in Iraq").evidence:
        assert text[e.start : e.end] == e.text


def test_check_many_matches_check(verifier: Verifier) -> None:
    claims = ["The US has 2,500 troops in Iraq", "The US has 900 troops in Syria"]
    many = verifier.check_many(claims)
    assert [v.label for v in many] == [verifier.check(c).label for c in claims]
