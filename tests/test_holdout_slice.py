"""scripts/holdout_slice.py: run 3's held-out slice drawn again, checked against the judge's record."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from verifier.nli import default_model_dir, model_available

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"

pytestmark = [
    pytest.mark.skipif(not (SHARED / "nli").is_dir(), reason="../shared/data is not here"),
    pytest.mark.skipif(not model_available(), reason="no shipped judge"),
]


def test_the_slice_is_the_one_the_shipped_judge_recorded(tmp_path: Path, run_script) -> None:
    out = tmp_path / "judge3" / "holdout_pairs.jsonl"
    run_script("holdout_slice.py", "--data", str(SHARED), "--out", str(out))
    meta = json.loads((default_model_dir() / "judge.json").read_text(encoding="utf-8"))
    assert hashlib.sha256(out.read_bytes()).hexdigest() == meta["data_sha256"]["holdout:holdout_pairs.jsonl"]
    pairs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(pairs) == 1500
    assert {"premise", "hypothesis", "label"} <= set(pairs[0])


def test_a_slice_that_differs_from_the_record_is_refused_and_not_written(tmp_path: Path, run_script) -> None:
    judge = tmp_path / "judge"
    judge.mkdir()
    meta = json.loads((default_model_dir() / "judge.json").read_text(encoding="utf-8"))
    meta["data_sha256"]["holdout:holdout_pairs.jsonl"] = "0" * 64
    (judge / "judge.json").write_text(json.dumps(meta), encoding="utf-8")
    out = tmp_path / "holdout_pairs.jsonl"
    bad = run_script(
        "holdout_slice.py", "--data", str(SHARED), "--out", str(out), "--judge", str(judge), status=2
    )
    assert bad.stderr.strip().splitlines()[-1].startswith("error: the slice drawn from")
    assert not out.exists()
    shutil.rmtree(judge)
