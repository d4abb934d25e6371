"""Ranking data for the judge's relevance output: which retrieved sentence is the evidence.

For each Climate-FEVER *train* claim that training may see (not ``is_calibration_claim``)
and that has gold evidence, the pooled corpus is searched the way the verifier searches it
(hybrid dense + BM25, the shipped embedder); each gold sentence becomes a group with
``negatives`` of the other retrieved sentences — on-topic, often another claim's annotated
candidates, which is exactly what crowds gold out of the top 5. The model learns to put the
group's first sentence above the rest (a listwise softmax loss in train_judge.py).

:func:`general_groups` adds the same task from the fact-checking pairs of other sources
(FEVER, Fool Me Twice): a claim's evidence against other premises of its source that BM25
ranks high for it, so that what the output learns is not only about climate.

Used by ``train_judge.py --relevance``; nothing here touches a dev file.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def build_groups(
    data: Path,
    work: Path,
    is_held_out: Any,
    *,
    negatives: int = 7,
    depth: int = 30,
    seed: int = 13,
    max_claims: int = 0,
) -> list[dict]:
    """Groups ``{"hypothesis": claim, "premises": [gold, neg, ...]}``; the gold one is first.

    ``max_claims`` (smoke runs): only the first claims, searched among only the documents
    their annotated candidates come from."""
    from climate_fever import SentenceIds, candidate_documents, pooled_index, read_corpus

    from verifier.embed import Embedder
    from verifier.retrieve import Retriever

    claims = [
        c
        for c in map(json.loads, (data / "climate_fever" / "train.jsonl").open(encoding="utf-8"))
        if c.get("evidence_ids") and not is_held_out(c["id"])
    ]
    corpus = read_corpus(data)
    if max_claims:
        claims = claims[:max_claims]
        corpus = candidate_documents(corpus, claims)
    embedder = Embedder()
    # The plain retriever (no reranking, no judge): the candidates the relevance output will
    # be asked to re-order at check time.
    retriever = Retriever(pooled_index(corpus, work / "cf-index", embedder), embedder, depth)
    corpus_ids = SentenceIds(corpus)

    rng = random.Random(seed + 3)
    found = retriever.run([c["claim"] for c in claims], depth)
    groups = []
    for claim, evidence in zip(claims, found, strict=True):
        gold_ids = set(claim["evidence_ids"])
        gold_texts = {_norm(t) for t in claim.get("evidence") or []}
        pool = [
            e.text
            for e in evidence
            if not corpus_ids(e.doc_id, e.start, e.end) & gold_ids and _norm(e.text) not in gold_texts
        ]
        if not pool:
            continue
        for gold in claim.get("evidence") or []:
            negs = rng.sample(pool, min(negatives, len(pool)))
            groups.append({"hypothesis": claim["claim"], "premises": [gold, *negs]})
    rng.shuffle(groups)
    return groups


GENERAL_SOURCES = ("fever_symmetric", "fever_adversarial", "fm2")


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def general_groups(
    data: Path, held: set[tuple[str, str]], cap: int, *, negatives: int = 7, seed: int = 13
) -> list[dict]:
    """Groups from decisive (supported/contradicted) pairs of GENERAL_SOURCES, at most ``cap``.

    Negatives are the source's other premises BM25 ranks highest for the claim, minus any
    that restate the gold one (FEVER-symmetric pairs come as edited twins of a sentence);
    ``held`` pairs (premise, hypothesis) are the calibration slice and are never used."""
    import gzip

    import bm25s
    import numpy as np

    from verifier.lexical import _tokenize

    rng = random.Random(seed + 4)
    rows = []
    for source in GENERAL_SOURCES:
        with gzip.open(data / "nli" / f"{source}.jsonl.gz", "rt", encoding="utf-8") as f:
            rows.extend(r for r in map(json.loads, f) if (r["premise"], r["hypothesis"]) not in held)
    premises = sorted({r["premise"] for r in rows})
    retriever = bm25s.BM25()
    retriever.index(_tokenize(premises), show_progress=False)
    decisive = [r for r in rows if r["label"] in ("SUPPORTED", "CONTRADICTED")]
    rng.shuffle(decisive)
    decisive = decisive[:cap]
    found, _ = retriever.retrieve(
        _tokenize([r["hypothesis"] for r in decisive]), k=30, show_progress=False, n_threads=1
    )
    groups = []
    for r, hits in zip(decisive, np.asarray(found), strict=True):
        gold = _words(r["premise"])
        pool = []
        for i in hits:
            text = premises[int(i)]
            words = _words(text)
            if len(gold & words) / max(1, len(gold | words)) < 0.5:
                pool.append(text)
        if len(pool) >= negatives:
            groups.append({"hypothesis": r["hypothesis"], "premises": [r["premise"], *pool[:15]]})
    for g in groups:
        g["premises"] = [g["premises"][0], *rng.sample(g["premises"][1:], negatives)]
    return groups
