"""Retrieve the evidence sentences for each claim.

Hybrid: dense (FAISS) and lexical (BM25) candidates are fused by reciprocal rank, then,
when a reranker is given (the verification model), the pool is re-ordered by how
decisive each sentence is for the claim. Every returned sentence carries its dense
cosine similarity to the claim, whichever side found it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from verifier.coref import (
    NAME_REACH,
    QUOTE_REACH,
    continued_quote,
    names_post,
    opens_quote,
    opens_with_pronoun,
    quote_read_whole,
    read_post,
    resolve,
    whole_quote,
)
from verifier.embed import Embedder
from verifier.index import EvidenceIndex
from verifier.lexical import overlap_order
from verifier.types import Evidence

# Extra candidates fetched so that dropping repeated sentences (a headline
# printed three times) still leaves top_k distinct ones.
_OVERFETCH = 3
# Reciprocal-rank fusion constant (Cormack et al. 2009): damps the head of each list.
_RRF_K = 60


class Reranker(Protocol):
    def relevance(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """A decisiveness score per (claim, sentence) pair; pairs of many claims at once."""
        ...


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


class Retriever:
    """Top-k evidence sentences per claim from an :class:`EvidenceIndex`."""

    def __init__(
        self,
        index: EvidenceIndex,
        embedder: Embedder,
        top_k: int = 5,
        *,
        hybrid: bool = True,
        pool: int = 30,
        reranker: Reranker | None = None,
        rerank_weight: float = 1.0,
        rerank_depth: int | None = None,
        sentence_overlap: bool = True,
    ) -> None:
        if top_k < 1 or pool < 1:
            raise ValueError("top_k and pool must be at least 1")
        if rerank_depth is not None and rerank_depth < 1:
            raise ValueError("rerank_depth must be at least 1")
        self.index = index
        self.embedder = embedder
        self.top_k = top_k
        self.hybrid = hybrid
        self.sentence_overlap = sentence_overlap
        self.pool = pool
        self.reranker = reranker
        self.rerank_weight = rerank_weight
        # How many of the fused pool the reranker reads: each one is a pass of the cross-encoder,
        # the dominant cost of a check.
        self.rerank_depth = rerank_depth or pool

    def to_dict(self) -> dict[str, Any]:
        return {
            "top_k": self.top_k,
            "hybrid": self.hybrid,
            "sentence_overlap": self.sentence_overlap,
            "pool": self.pool,
            "rerank": self.reranker is not None,
            "rerank_weight": self.rerank_weight,
            "rerank_depth": self.rerank_depth,
        }

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
        if doc_ids is not None and len(doc_ids) != len(claims):
            raise ValueError("doc_ids must have one entry per claim")
        vectors = self.embedder.encode(list(claims))
        depth = max(self.pool, k * _OVERFETCH + 2)
        candidates: list[list[tuple[int, float, dict]]] = []
        unrestricted = [i for i in range(len(claims)) if doc_ids is None or doc_ids[i] is None]
        fused = (
            dict(
                zip(
                    unrestricted,
                    self._fused([claims[i] for i in unrestricted], vectors[unrestricted], depth),
                    strict=True,
                )
            )
            if unrestricted
            else {}
        )
        for i, vector in enumerate(vectors):
            if i in fused:
                candidates.append(fused[i])
                continue
            rows = self.index.rows_of_documents(doc_ids[i])  # type: ignore[index]
            scores, found = self.index.search_within(vector, rows, depth)
            hits = [(int(r), float(s)) for r, s in zip(found[0], scores[0], strict=True)]
            records = self.index.sentence_rows([r for r, _ in hits])
            candidates.append([(r, s, rec) for (r, s), rec in zip(hits, records, strict=True)])
        pools = [_unique(cands) for cands in candidates]
        if self.reranker is not None:
            pools = self._rerank(claims, pools)
        return [self._evidence(pool, k) for pool in pools]

    def _fused(
        self, claims: Sequence[str], vectors: np.ndarray, depth: int
    ) -> list[list[tuple[int, float, dict]]]:
        """Per claim, (row, dense cosine, stored row) candidates in fused rank order."""
        dense_scores, dense_rows = self.index.search(vectors, depth)
        lexical = self.index.lexical if self.hybrid else None
        lex_rows = lexical.search(claims, depth)[1] if lexical is not None else None
        out = []
        for q in range(len(claims)):
            cosine = {int(r): float(s) for r, s in zip(dense_rows[q], dense_scores[q], strict=True) if r >= 0}
            rrf: dict[int, float] = {}
            for rank, r in enumerate(r for r in dense_rows[q] if r >= 0):
                rrf[int(r)] = rrf.get(int(r), 0.0) + 1.0 / (_RRF_K + rank)
            if lex_rows is not None:
                for rank, r in enumerate(r for r in lex_rows[q] if r >= 0):
                    rrf[int(r)] = rrf.get(int(r), 0.0) + 1.0 / (_RRF_K + rank)
            order = sorted(rrf, key=lambda r: -rrf[r])[:depth]
            stored = dict(zip(order, self.index.sentence_rows(order), strict=True))
            if self.sentence_overlap and len(order) > 1:
                order = self._within_documents(claims[q], order, [stored[r] for r in order], rrf)
            missing = [r for r in order if r not in cosine]
            if missing:
                sims = self.index.vectors_of(missing) @ vectors[q]
                cosine.update({r: float(s) for r, s in zip(missing, sims, strict=True)})
            out.append([(r, cosine[r], stored[r]) for r in order])
        return out

    def _within_documents(
        self, claim: str, order: list[int], records: list[dict], rrf: dict[int, float]
    ) -> list[int]:
        """The fused order with each document's sentences re-ordered among the places they hold,
        by a third ranking of the bare sentences (lexical.overlap_order). Both indexes read a
        sentence after its title, which ranks documents well but barely tells one document's
        sentences apart; which documents come first is left as the fused ranks have it.
        ``records`` are the stored rows of ``order``."""
        score = dict(rrf)
        for rank, i in enumerate(overlap_order(claim, [rec["text"] for rec in records])):
            score[order[i]] += 1.0 / (_RRF_K + rank)
        slots: dict[str, list[int]] = {}
        for at, rec in enumerate(records):
            slots.setdefault(rec["doc_id"], []).append(at)
        out = list(order)
        for places in slots.values():
            for at, row in zip(
                places, sorted((order[p] for p in places), key=lambda r: -score[r]), strict=True
            ):
                out[at] = row
        return out

    def _rerank(
        self, claims: Sequence[str], pools: list[list[tuple[int, float, dict]]]
    ) -> list[list[tuple[int, float, dict]]]:
        """Re-order the head of each pool by the model, all claims' pairs in one call."""
        assert self.reranker is not None
        heads = [pool[: self.rerank_depth] if len(pool) > 1 else [] for pool in pools]
        pairs = [(c, rec["text"]) for c, head in zip(claims, heads, strict=True) for _, _, rec in head]
        relevance = self.reranker.relevance(pairs) if pairs else np.zeros(0)
        out, at = [], 0
        for pool, head in zip(pools, heads, strict=True):
            n = len(head)
            if n == 0:
                out.append(pool)
                continue
            rel = relevance[at : at + n]
            at += n
            # Fused rank keeps its say; the model's decisiveness re-orders within the head.
            score = [self.rerank_weight * float(r) + (n - i) / n for i, r in enumerate(rel)]
            ranked = [u for _, u in sorted(zip(score, head, strict=True), key=lambda t: -t[0])]
            out.append(ranked + pool[n:])
        return out

    def _evidence(self, unique: list[tuple[int, float, dict]], k: int) -> list[Evidence]:
        found = []
        for row, sim, rec in unique[:k]:
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
                    similarity=round(sim, 4),
                    row=row,
                    read_as=self._read_as(rec, doc.get("title", ""), row),
                )
            )
        return found

    def _quote_read_whole(self, rec: dict, row: int) -> str:
        """A sentence that opens a quote, read with the sentences after it to the quote's close
        and its attribution (:func:`verifier.coref.quote_read_whole`): who said it is there."""
        at = int(rec["sentence_index"])
        later = self.index.sentence_rows(list(range(row + 1, min(row + 1 + QUOTE_REACH, len(self.index)))))
        after = {
            int(r["sentence_index"]): r["text"]
            for r in later
            if r["doc_id"] == rec["doc_id"] and at < int(r["sentence_index"]) <= at + QUOTE_REACH
        }
        run = [after[i] for i in range(at + 1, at + 1 + QUOTE_REACH) if i in after]
        return quote_read_whole(rec["text"], run) or ""

    def _read_as(self, rec: dict, title: str, row: int) -> str:
        """The sentence with its opening pronoun read as who or what the sentences before it
        name, or a post it names as the person the story gives it to (:mod:`verifier.coref`),
        or "" where it reads as written."""
        if opens_quote(rec["text"]):
            return self._quote_read_whole(rec, row)
        at = int(rec["sentence_index"])
        if whole_quote(rec["text"]):
            read = continued_quote(rec["text"], self._before(rec, row, QUOTE_REACH))
            if read is None or not opens_with_pronoun(read):
                return read or ""
            # '"…," she said' before it: the pronoun is read as the person named before that.
            return resolve(read, self._before(rec, row, NAME_REACH), title) or read
        if opens_with_pronoun(rec["text"]):
            return resolve(rec["text"], self._before(rec, row, NAME_REACH), title) or ""
        if names_post(rec["text"]):
            around = self._document_texts(rec, row, at - NAME_REACH, at + NAME_REACH + 1)
            return read_post(rec["text"], [t for i, t in sorted(around.items()) if i != at]) or ""
        return ""

    def _before(self, rec: dict, row: int, reach: int) -> list[str]:
        """The texts of the (at most ``reach``) sentences of ``rec``'s document before it, in order."""
        at = int(rec["sentence_index"])
        earlier = self._document_texts(rec, row, at - reach, at)
        return [earlier[i] for i in sorted(earlier)]

    def _document_texts(self, rec: dict, row: int, lo: int, hi: int) -> dict[int, str]:
        """Sentence index -> text of the sentences of ``rec``'s document from ``lo`` up to
        ``hi`` (those the document has)."""
        at = int(rec["sentence_index"])
        if hi <= at + 1:
            # A document's sentences are stored in order, one after another: read the rows just
            # before this one, and search the document's rows only where they are not all there
            # (an index updated document by document), which on a large index costs a sort.
            # Sentences after this one are always searched for: where the document ends is
            # not known from the rows around it.
            near = self.index.sentence_rows(list(range(max(0, row - (at - max(0, lo))), row)))
            found = {
                int(r["sentence_index"]): r["text"]
                for r in near
                if r["doc_id"] == rec["doc_id"] and lo <= int(r["sentence_index"]) < hi
            }
            if set(found) == set(range(max(0, lo), at)):
                return found
        rows = self.index.rows_of_documents([rec["doc_id"]])
        where = self.index.sentences.column("sentence_index").take(rows).to_numpy()
        wanted = rows[(where >= lo) & (where < hi)]
        return {int(r["sentence_index"]): r["text"] for r in self.index.sentence_rows(wanted)}


def _unique(candidates: list[tuple[int, float, dict]]) -> list[tuple[int, float, dict]]:
    """Candidates with repeated sentences dropped (the first one kept)."""
    seen: set[str] = set()
    unique = []
    for row, sim, rec in candidates:
        key = _norm(rec["text"])
        if key not in seen:
            seen.add(key)
            unique.append((row, sim, rec))
    return unique
