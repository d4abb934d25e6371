"""Retrieval: hybrid candidates, reranking batched across claims, the rerank depth."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from verifier.embed import Embedder
from verifier.index import EvidenceIndex
from verifier.nli import NLIModel, model_available
from verifier.retrieve import Retriever


class CountingReranker:
    """Prefers sentences that mention a keyword; records every call it gets."""

    def __init__(self, keyword: str) -> None:
        self.keyword = keyword
        self.calls: list[list[tuple[str, str]]] = []

    def relevance(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        self.calls.append(list(pairs))
        return np.array([1.0 if self.keyword in s else 0.0 for _, s in pairs])


CLAIMS = ["How many US troops are in Iraq?", "Who leads the coalition?", "What happened in Baghdad?"]


def test_rerank_scores_every_claim_in_one_call(built_index, embedder: Embedder) -> None:
    index = EvidenceIndex.load(built_index.path)
    reranker = CountingReranker("2,500")
    retriever = Retriever(index, embedder, top_k=2, pool=6, reranker=reranker, rerank_weight=5.0)
    results = retriever.run(CLAIMS)
    assert len(reranker.calls) == 1
    assert {c for c, _ in reranker.calls[0]} == set(CLAIMS)
    # The reranker's favourite rises to the top for every claim whose pool holds it.
    for claim, evidence in zip(CLAIMS, results, strict=True):
        pool = [s for c, s in reranker.calls[0] if c == claim]
        if any("2,500" in s for s in pool):
            assert "2,500" in evidence[0].text


def test_rerank_depth_limits_what_the_model_reads(built_index, embedder: Embedder) -> None:
    index = EvidenceIndex.load(built_index.path)
    plain = Retriever(index, embedder, top_k=5, pool=8).run(CLAIMS[:1])[0]
    reranker = CountingReranker("no such word")
    shallow = Retriever(index, embedder, top_k=5, pool=8, reranker=reranker, rerank_depth=3)
    got = shallow.run(CLAIMS[:1])[0]
    assert len(reranker.calls[0]) == 3
    # Nothing the reranker likes: the fused order stands.
    assert [e.row for e in got] == [e.row for e in plain]
    with pytest.raises(ValueError, match="rerank_depth"):
        Retriever(index, embedder, rerank_depth=0)


@pytest.mark.skipif(not model_available(), reason="the package carries no verification model")
def test_model_runs_each_pair_once() -> None:
    model = NLIModel(memo_size=3)
    calls: list[int] = []
    run = model._run
    model._run = lambda pairs: (calls.append(len(pairs)), run(pairs))[1]  # type: ignore[method-assign]
    pairs = [("The US has troops in Iraq", "The U.S. keeps 2,500 troops in Iraq."), ("a", "b")]
    first = model.predict(pairs)
    again = model.predict([pairs[1], pairs[0], pairs[0]])
    assert calls == [2]
    np.testing.assert_allclose(again, first[[1, 0, 0]])
    model.predict([("c", "d"), ("e", "f")])  # over the memo's size: the oldest pair is forgotten
    assert len(model._memo) == 3
    model.predict([pairs[0]])
    assert calls == [2, 2, 1]


@pytest.mark.skipif(not model_available(), reason="the package carries no verification model")
def test_a_pair_scores_the_same_whatever_it_is_batched_with() -> None:
    pair = ("The US has 2,500 troops in Iraq", "The U.S. maintains approximately 2,500 troops in Iraq.")
    mates = [("Cats sleep a lot", "A very long sentence about something else entirely, " * 5)] * 3
    alone = NLIModel(memo_size=0).predict([pair])[0]
    batched = NLIModel(memo_size=0).predict([*mates, pair])[-1]
    np.testing.assert_allclose(alone, batched, rtol=0, atol=1e-6)


def test_document_title_gives_a_sentence_its_subject(tmp_path, embedder: Embedder) -> None:
    """A sentence that never names its subject is found through its document's title, on both
    the dense and the lexical side, and comes back as the bare sentence."""
    from verifier.index import build_index, evidence_text
    from verifier.types import Document

    docs = [
        Document("glacier", "It has lost 40 percent of its ice since 1950.", title="Aletsch Glacier"),
        Document("harbour", "It handled 12 million containers last year.", title="Port of Rotterdam"),
        Document("budget", "Spending on schools rose by 3.2 percent.", title="Budget brief"),
    ]
    build_index(docs, tmp_path / "index", embedder, progress=False)
    index = EvidenceIndex.load(tmp_path / "index")
    claim = "The Aletsch Glacier has lost ice"
    _, lex_rows = index.lexical.search([claim], 1)
    assert index.sentence_rows([int(lex_rows[0][0])])[0]["doc_id"] == "glacier"
    _, dense_rows = index.search(embedder.encode([claim]), 1)
    assert index.sentence_rows([int(dense_rows[0][0])])[0]["doc_id"] == "glacier"
    top = Retriever(index, embedder, top_k=1).run([claim])[0][0]
    assert (top.doc_id, top.text) == ("glacier", docs[0].text)
    assert evidence_text("Plain.", "") == "Plain."
    assert evidence_text("It rose.", " Sea\n level ") == "Sea level: It rose."


def test_overlap_order_weighs_the_words_few_sentences_share() -> None:
    from verifier.lexical import overlap_order

    claim = "Ostrania's 2024 census put the country's population at 8.31 million."
    sentences = [
        "Foreign-born residents numbered 276,000, or 3.3% of the population.",
        "Ostrania's population fell to 8.31 million, down 2.4% from the previous census.",
        "The median age rose to 45.1 years from 42.8.",
    ]
    assert overlap_order(claim, sentences)[0] == 1
    assert overlap_order(claim, []) == []


def test_a_documents_own_sentences_are_told_apart_by_their_words(tmp_path, embedder: Embedder) -> None:
    """Under a title that says the claim, every sentence of the story sits near the claim's
    cosine; the one that states it comes first, and the other document keeps its place."""
    from verifier.index import build_index
    from verifier.types import Document

    story = " ".join(
        [
            "The result beat the office's own projection of 8.19 million.",
            "Foreign-born residents numbered 276,000, or 3.3% of the population.",
            "The median age rose to 45.1 years from 42.8.",
            "Detailed results on language and religion will be published in the autumn.",
            "The statistics office said Ostrania's population fell to 8.31 million in the 2024 census.",
        ]
    )
    docs = [
        Document("census", story, title="Ostrania's population falls to 8.31 million in first census"),
        Document("other", "Velmar's census counted 4.2 million people.", title="Velmar census"),
    ]
    build_index(docs, tmp_path / "index", embedder, progress=False)
    index = EvidenceIndex.load(tmp_path / "index")
    claim = "Ostrania's 2024 census put the country's population at 8.31 million."
    top = Retriever(index, embedder, top_k=1).run([claim])[0][0]
    assert "fell to 8.31 million" in top.text
    plain = Retriever(index, embedder, top_k=6, sentence_overlap=False).run([claim])[0]
    ordered = Retriever(index, embedder, top_k=6).run([claim])[0]
    # Only the order within each document moves.
    assert [e.doc_id for e in plain] == [e.doc_id for e in ordered]
    assert Retriever(index, embedder).to_dict()["sentence_overlap"] is True
