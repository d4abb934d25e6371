"""The pooled Climate-FEVER corpus as the training-side scripts use it: its index (built once
into a cache folder and reused while the corpus is unchanged), and which of the corpus's own
sentences ("doc_id:index", as in a claim's ``evidence_ids``) a retrieved sentence covers.

Used by calibrate_judge.py and relevance_groups.py; evaluate.py has its own, stricter opener
(temporary folders, refusing a non-index folder) for what users point it at.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any


def read_corpus(data: Path) -> list[dict[str, Any]]:
    path = data / "climate_fever" / "corpus.jsonl"
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def candidate_documents(corpus: Iterable[Mapping[str, Any]], claims: Iterable[Mapping[str, Any]]) -> list:
    """The corpus documents the claims' annotated candidates come from: a small pool for smoke runs."""
    wanted = {cand["id"].rsplit(":", 1)[0] for c in claims for cand in c.get("candidates") or []}
    return [d for d in corpus if d["doc_id"] in wanted]


def pooled_index(corpus: Iterable[Mapping[str, Any]], cache: Path, embedder: Any) -> Any:
    """The EvidenceIndex of ``corpus`` in ``cache``, built there unless it already holds it."""
    from verifier.index import EvidenceIndex, build_index, corpus_fingerprint, read_manifest
    from verifier.types import Document

    docs = [Document(d["doc_id"], d["text"], d.get("title", "")) for d in corpus]
    try:
        reuse = read_manifest(cache).get("corpus_fingerprint") == corpus_fingerprint(docs)
    except Exception:  # missing or damaged: build it again
        reuse = False
    if not reuse:
        build_index(docs, cache, embedder, progress=None)
    return EvidenceIndex.load(cache)


class SentenceIds:
    """Corpus sentence ids a span of a document overlaps; each document is located once."""

    def __init__(self, corpus: Iterable[Mapping[str, Any]]) -> None:
        self._spans = {d["doc_id"]: (d["text"], d["sentences"]) for d in corpus}
        self._located: dict[str, list] = {}

    def __call__(self, doc_id: str, start: int, end: int) -> set[str]:
        from verifier.metrics import locate_sentences

        if doc_id not in self._located:
            self._located[doc_id] = locate_sentences(*self._spans[doc_id])
        return {
            f"{doc_id}:{i}"
            for i, span in enumerate(self._located[doc_id])
            if span and start < span[1] and span[0] < end
        }
