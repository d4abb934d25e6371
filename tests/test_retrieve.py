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
