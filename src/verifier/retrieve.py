"""Retrieve the evidence sentences closest to each claim."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from verifier.embed import Embedder
from verifier.index import EvidenceIndex
from verifier.types import Evidence

# Extra candidates fetched so that dropping repeated sentences (a headline
# printed three times) still leaves top_k distinct ones.
_OVERFETCH = 3


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


class Retriever:
    """Dense retrieval over an :class:`EvidenceIndex` with the index's own model."""

    def __init__(self, index: EvidenceIndex, embedder: Embedder, top_k: int = 5) -> None:
        if top_k < 1:
            raise ValueError("top_k must be at least 1")
        self.index = index
        self.embedder = embedder
        self.top_k = top_k

    def run(
        self,
        claims: Sequence[str],
        top_k: int | None = None,
        doc_ids: Sequence[Sequence[str] | None] | None = None,
    ) -> list[list[Evidence]]:
        """Top-k evidence per claim; ``doc_ids[i]`` limits claim i to those documents."""
        k = top_k or self.top_k
        if not claims:
            return []
        vectors = self.embedder.encode(list(claims))
        if doc_ids is None:
            return self.search_vectors(vectors, k)
        if len(doc_ids) != len(claims):
            raise ValueError("doc_ids must have one entry per claim")
        results = []
        for vector, docs in zip(vectors, doc_ids, strict=True):
            if docs is None:
                results.extend(self.search_vectors(vector[None, :], k))
                continue
            scores, rows = self.index.search_within(
                vector, self.index.rows_of_documents(docs), k * _OVERFETCH + 2
            )
            results.extend(self._evidence(scores, rows, k))
        return results

    def search_vectors(self, vectors: np.ndarray, k: int) -> list[list[Evidence]]:
        scores, rows = self.index.search(vectors, k * _OVERFETCH + 2)
        return self._evidence(scores, rows, k)

    def _evidence(self, scores: np.ndarray, rows: np.ndarray, k: int) -> list[list[Evidence]]:
        wanted = sorted({int(r) for r in rows.ravel() if r >= 0})
        table = dict(zip(wanted, self.index.sentence_rows(wanted), strict=True))
        results: list[list[Evidence]] = []
        for score_row, id_row in zip(scores, rows, strict=True):
            seen: set[str] = set()
            found: list[Evidence] = []
            for score, row in zip(score_row, id_row, strict=True):
                if row < 0:
                    continue
                rec = table[int(row)]
                key = _norm(rec["text"])
                if key in seen:
                    continue
                seen.add(key)
                doc = self.index.documents.get(rec["doc_id"], {})
                found.append(
                    Evidence(
                        text=rec["text"],
                        doc_id=rec["doc_id"],
                        title=doc.get("title", ""),
                        source=doc.get("source", ""),
                        date=doc.get("date", ""),
                        sentence_index=int(rec["sentence_index"]),
                        start=int(rec["start"]),
                        end=int(rec["end"]),
                        similarity=round(float(score), 4),
                        row=int(row),
                    )
                )
                if len(found) == k:
                    break
            results.append(found)
        return results
