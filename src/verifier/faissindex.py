"""The FAISS side of an index: which index type a corpus gets, its parameters, and building it.

A small corpus gets exact flat search; a large one a product-quantised fast scan re-ranked on
8-bit vectors. The choice and its parameters are recorded in the manifest, and the FAISS thread
count is pinned. It is separate from :mod:`verifier.index` (files, manifest, loading) because
these are the measured trade-offs of search speed and recall, which ``scripts/bench.py``
exercises on their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from verifier.embed import DIMENSION

# Exact (flat) search up to this many sentences: exact, instant to build, but one query
# scans every vector: p50 ~4 ms at 50k on one core of a busy 2-core machine, 15-21 ms at
# 100k (the vectors no longer fit in cache), ~120 ms at 1M.
FLAT_MAX_SENTENCES = 50_000
# Above it: a 4-bit product-quantiser "fast scan" (128 sub-quantisers of 3 dimensions,
# 64 bytes/vector, scanned with SIMD lookup tables) shortlists k * k_factor candidates,
# re-ranked on 8-bit scalar-quantised vectors (384 bytes/vector): 448 MB for 1M
# sentences, p50 ~6-10 ms per query and recall@10 ~0.97 against flat on 1M random unit
# vectors (scripts/bench.py). HNSW-SQ8 was measured and rejected: on such vectors it
# stays below 0.8 recall@10 even at efSearch 512 (100k), and takes minutes to build.
LARGE_FAISS_TYPE = "pq4fs_sq8"
PQ_SUBQUANTIZERS = 128
PQ_K_FACTOR = 300
PQ_TRAIN_MAX = 50_000  # a seeded sample trains the quantisers: more changes recall by < 0.005
# OpenMP threads FAISS may use. On the 2-core machines this runs on, two threads made a
# single-query flat search ~4x slower and quantiser training ~70x slower (threads
# spin-waiting against the embedder and other processes), and a single query gains
# nothing from more: one thread, for building and serving.
FAISS_THREADS = 1


def choose_faiss_type(n: int) -> str:
    """Exact flat search for small corpora, PQ fast scan + SQ8 re-ranking for large ones."""
    return "flat" if n <= FLAT_MAX_SENTENCES else LARGE_FAISS_TYPE


def faiss_params(kind: str, n: int) -> dict[str, Any]:
    """What the manifest records about a FAISS index of ``kind`` over ``n`` vectors."""
    params: dict[str, Any] = {"type": kind, "metric": "inner_product"}
    if kind == "hnsw_sq8":
        params.update(m=32, ef_construction=80, ef_search=128)
    elif kind == LARGE_FAISS_TYPE:
        params.update(
            factory=f"PQ{PQ_SUBQUANTIZERS}x4fs,Refine(SQ8)",
            pq_subquantizers=PQ_SUBQUANTIZERS,
            pq_bits=4,
            refine="SQ8",
            k_factor=PQ_K_FACTOR,
            train_vectors=min(n, PQ_TRAIN_MAX),
        )
    elif kind != "flat":
        raise ValueError(f"unknown FAISS index type {kind!r}")
    return params


@contextmanager
def _faiss_threads(n: int) -> Iterator[None]:
    import faiss

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(n)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


def make_faiss_index(kind: str, vectors: np.ndarray) -> Any:
    import faiss

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    params = faiss_params(kind, len(vectors))
    with _faiss_threads(FAISS_THREADS):
        if kind == "flat":
            index = faiss.IndexFlatIP(DIMENSION)
        elif kind == "hnsw_sq8":
            index = faiss.IndexHNSWSQ(
                DIMENSION, faiss.ScalarQuantizer.QT_8bit, params["m"], faiss.METRIC_INNER_PRODUCT
            )
            index.hnsw.efConstruction = params["ef_construction"]
            index.train(vectors)
            index.hnsw.efSearch = params["ef_search"]
        else:  # LARGE_FAISS_TYPE
            index = faiss.index_factory(DIMENSION, params["factory"], faiss.METRIC_INNER_PRODUCT)
            n_train = params["train_vectors"]
            sample = np.sort(np.random.default_rng(0).choice(len(vectors), n_train, replace=False))
            index.train(vectors[sample])
            index.k_factor = float(params["k_factor"])
        index.add(vectors)
    return index
