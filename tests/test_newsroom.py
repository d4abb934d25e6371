"""End to end on a small newsroom corpus (seven invented wire stories, tests/data/newsroom):
claims a fact-checker checks against the archive, each one a behaviour fixed after an
exploratory QA pass, through retrieval, the shipped judge, aggregation and claim parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.api import Verifier
from verifier.embed import Embedder
from verifier.index import EvidenceIndex, build_index
from verifier.ingest import load_documents

CORPUS = Path(__file__).parent / "data" / "newsroom"


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Verifier:
    directory = tmp_path_factory.mktemp("newsroom-index")
    embedder = Embedder()
    build_index(load_documents([CORPUS]), directory, embedder, progress=False)
    return Verifier.from_index(EvidenceIndex.load(directory), embedder)


@pytest.mark.parametrize(
    ("claim", "label", "reason"),
    [
        # The figure matches; the direction does not.
        ("Nordland's unemployment rate rose to 4.2% in June 2023.", "contradicted", "'rose'"),
        ("Nordland's unemployment rate fell to 4.2% in June 2023.", "supported", "4.2%"),
        # The same sum in another currency.
        ("The Harbour Bridge cost 420 million euros.", "contradicted", "$420 million"),
        # A figure with no unit of its own counts what the one before it counts.
        ("The Kasara floods displaced over 8,000 people.", "supported", "8,000"),
        ("The Kasara floods displaced fewer than 1,000 people.", "contradicted", "8,000"),
        # A compound claim: the wrong part decides, and is named.
        ("Solvex will hire 2,000 workers in 2023 and was founded in 1977.", "contradicted", "1977"),
        ("Solvex will hire 2,000 workers in 2023 and was founded in 1987.", "supported", "1987"),
        # A length of time in several units.
        ("Peter Kimani won the Berlin Marathon in just over two hours and three minutes.", "supported", ""),
        # Who said it is not checked.
        (
            "Solvex's net profit was 2.1 billion euros in 2022, the company said on Thursday.",
            "contradicted",
            "1.2",
        ),
    ],
)
def test_newsroom_claims(newsroom: Verifier, claim: str, label: str, reason: str) -> None:
    verdict = newsroom.check(claim)
    assert verdict.label == label, verdict.explanation
    assert reason in verdict.explanation
    assert verdict.claim == claim  # the verdict keeps the claim as written


@pytest.mark.parametrize(
    "claim",
    [
        "Unemployment in Sweden fell to 4.2% in June 2023.",  # the corpus: Nordland
        "The Tokyo Marathon was won by Peter Kimani in 2 hours 3 minutes.",  # the corpus: Berlin
    ],
)
def test_a_figure_about_another_subject_is_not_confirmed(newsroom: Verifier, claim: str) -> None:
    assert newsroom.check(claim).label != "supported"
