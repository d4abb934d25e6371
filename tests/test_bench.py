"""scripts/bench.py: the quick run yields every figure with a sane type, and the large-corpus index works.

No timing thresholds here: speed targets are met (or not) in the benchmark itself. The quick
run takes about 1.5-2 minutes on 2 cores (a little more when other work keeps them busy).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from verifier.faissindex import FLAT_MAX_SENTENCES, LARGE_FAISS_TYPE, choose_faiss_type
from verifier.index import EvidenceIndex, write_index_from_vectors

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "scripts" / "bench.py"
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

SCALE_FIELDS = {
    "n_sentences": int,
    "faiss_type": str,
    "build_s": float,
    "index_bytes": int,
    "build_peak_rss_mb": float,
    "serve_peak_rss_mb": float,
    "search_p50_ms": float,
    "search_p95_ms": float,
    "recall_at_10": float,
}


def load_bench() -> Any:
    if "bench_script" in sys.modules:
        return sys.modules["bench_script"]
    spec = importlib.util.spec_from_file_location("bench_script", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_script"] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


def positive(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


@pytest.mark.skipif(
    not (DATA / "climate_fever" / "corpus.jsonl").exists(), reason=f"shared data not found at {DATA}"
)
def test_quick_run_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "tmp" / "out.json"
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--quick", "--json", str(out), "--data", str(DATA)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["quick"] is True
    assert not list(out.parent.glob(".*.tmp")), "the atomic write left a temp file"

    for key in ("build_speedup_vs_st", "cold_check_vs_import_st", "batch_speedup_vs_obvious"):
        assert positive(result[key]), key
    machine = result["machine"]
    assert isinstance(machine["cpu_count"], int) and machine["cpu_count"] >= 1
    assert isinstance(machine["platform"], str) and machine["platform"]

    build = result["build"]
    assert build["sentences"] >= 500
    for key in ("verifier_sentences_per_s", "st_sentences_per_s", "st_one_thread_sentences_per_s"):
        assert positive(build[key]), key
    cold = result["cold_check"]
    assert len(cold["check_runs_s"]) == len(cold["import_st_runs_s"]) == cold["runs"] >= 3
    assert positive(cold["check_median_s"]) and positive(cold["import_st_median_s"])
    batch = result["batch"]
    assert batch["claims"] == 50
    for key in ("verifier_claims_per_s", "obvious_claims_per_s", "obvious_one_thread_claims_per_s"):
        assert positive(batch[key]), key
    assert 0.0 <= batch["label_agreement"] <= 1.0
    # The ratio is taken between medians of interleaved runs, each listed.
    assert batch["runs"] == len(batch["verifier_runs_s"]) == len(batch["obvious_runs_s"]) == 1
    assert batch["verifier_s"] == batch["verifier_runs_s"][0]

    assert isinstance(result["scale_setup"]["query_model"], str)
    assert [e["n_sentences"] for e in result["scale"]] == [20_000]
    for entry in result["scale"]:
        for key, kind in SCALE_FIELDS.items():
            value = entry[key]
            assert isinstance(value, kind) or (kind is float and isinstance(value, int)), (key, value)
        assert entry["faiss_type"] == choose_faiss_type(entry["n_sentences"])
        assert 0.0 <= entry["recall_at_10"] <= 1.0
        assert 0 < entry["search_p50_ms"] <= entry["search_p95_ms"]
        assert entry["index_bytes"] > 0 and positive(entry["serve_peak_rss_mb"])

    targets = result["targets"]
    assert set(targets) >= {"build_speedup_vs_st", "cold_check_vs_import_st", "batch_speedup_vs_obvious"}
    assert targets["recall_at_10@1000000"]["met"] is None  # not measured by a quick run
    assert "build_speedup_vs_st" in proc.stdout  # the printed table


def test_large_corpus_index_type_round_trip(tmp_path: Path) -> None:
    """The type chosen above FLAT_MAX_SENTENCES builds, records its parameters, loads and searches."""
    assert choose_faiss_type(FLAT_MAX_SENTENCES) == "flat"
    assert choose_faiss_type(FLAT_MAX_SENTENCES + 1) == LARGE_FAISS_TYPE
    bench = load_bench()
    n = 4000
    vectors = bench.synthetic_vectors(n, seed=3)
    docs, sentences = bench.synthetic_corpus(n)
    by_id = {d.doc_id: d for d in docs}
    assert all(by_id[s.doc_id].text[s.start : s.end] == s.text for s in sentences)

    manifest = write_index_from_vectors(
        docs, sentences, vectors, tmp_path / "index", faiss_type=LARGE_FAISS_TYPE, lexical=False
    )
    meta = manifest["faiss"]
    assert meta["type"] == LARGE_FAISS_TYPE
    assert {"factory", "k_factor", "pq_subquantizers", "refine", "train_vectors"} <= set(meta)
    assert "lexical" not in manifest

    index = EvidenceIndex.load(tmp_path / "index")
    assert index.faiss_index.k_factor == meta["k_factor"]
    queries, targets = bench.synthetic_queries(vectors, 50, seed=3)
    _, rows = index.search(queries, 10)
    assert np.mean(rows[:, 0] == targets) > 0.9
    scores, rows = index.search_within(vectors[7], np.array([5, 6, 7, 8]), 2)  # reconstructs vectors
    assert rows[0, 0] == 7 and scores[0, 0] > 0.95
