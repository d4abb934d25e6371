"""Smoke tests of scripts/evaluate.py on a tiny labelled set, pooled and per claim document."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "evaluate.py"
LABELS = ("supported", "contradicted", "unknown")
SYSTEMS = ("verifier", "majority", "similarity")
SYSTEM_KEYS = {
    "accuracy",
    "macro_f1",
    "per_class",
    "confusion",
    "recall_at_1",
    "recall_at_5",
    "numeric",
    "claims_per_second",
}

CORPUS = [
    (
        "d-ice",
        "Arctic sea ice",
        [
            "Arctic sea ice extent reached a record low in September 2012.",
            "The decline is linked to warming.",
        ],
    ),
    (
        "d-sea",
        "Sea level",
        [
            "Global mean sea level rose by about 20 centimetres between 1901 and 2018.",
            "The rate of rise is accelerating.",
        ],
    ),
    (
        "d-co2",
        "Carbon dioxide",
        [
            "Atmospheric carbon dioxide passed 400 parts per million in 2015.",
            "Concentrations were about 280 ppm before the industrial revolution.",
        ],
    ),
    (
        "d-coral",
        "Coral reefs",
        ["Coral bleaching events have become more frequent since the 1980s.", "Warmer oceans stress corals."],
    ),
    (
        "d-glacier",
        "Glaciers",
        ["Most mountain glaciers are retreating worldwide.", "The Alps lost half of their ice since 1900."],
    ),
]

# (claim, label, evidence_ids, source_doc, has_number); source_doc is a string or a list, as in the data
CLAIMS = [
    ("Arctic sea ice hit a record low in September 2012.", "SUPPORTED", ["d-ice:0"], "d-ice", True),
    ("Arctic sea ice reached a record low in 2015.", "CONTRADICTED", ["d-ice:0"], ["d-ice"], True),
    (
        "Sea level rose by about 20 centimetres between 1901 and 2018.",
        "SUPPORTED",
        ["d-sea:0"],
        "d-sea",
        True,
    ),
    ("Sea level rose by 90 centimetres between 1901 and 2018.", "CONTRADICTED", ["d-sea:0"], "d-sea", True),
    ("Carbon dioxide passed 400 parts per million in 2015.", "SUPPORTED", ["d-co2:0"], ["d-co2"], True),
    ("Coral bleaching is caused by sunscreen.", "UNKNOWN", [], "d-coral", False),
    ("Mountain glaciers are retreating worldwide.", "SUPPORTED", ["d-glacier:0"], "d-glacier", False),
    ("Glaciers in Norway are growing fast.", "UNKNOWN", [], ["d-glacier", "d-ice"], False),
]

# The train file's majority (unknown) differs from the claims' (supported), so the test can tell them apart.
TRAIN = [
    ("The rate of sea level rise is accelerating.", "SUPPORTED", "d-sea"),
    ("Coral reefs are thriving in warmer oceans.", "CONTRADICTED", "d-coral"),
    ("Penguins prefer the Arctic.", "UNKNOWN", "d-ice"),
    ("Volcanoes emit more carbon dioxide than people.", "UNKNOWN", "d-co2"),
    ("The Alps are the highest mountains on Earth.", "UNKNOWN", "d-glacier"),
    ("Coral reefs cover a tenth of the ocean floor.", "UNKNOWN", "d-coral"),
]


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("data") / "tiny"
    folder.mkdir()
    _jsonl(
        folder / "corpus.jsonl",
        # the text joins sentences with "\n", like the shared corpora; one uses a double space instead
        [
            {"doc_id": d, "title": t, "text": ("  " if d == "d-coral" else "\n").join(s), "sentences": s}
            for d, t, s in CORPUS
        ],
    )
    _jsonl(
        folder / "dev.jsonl",
        [
            {
                "id": f"c{i}",
                "claim": claim,
                "label": label,
                "orig_label": label,
                "evidence": [],
                "evidence_ids": ids,
                "source_doc": source,
                "has_number": number,
            }
            for i, (claim, label, ids, source, number) in enumerate(CLAIMS)
        ],
    )
    _jsonl(
        folder / "train.jsonl",
        [
            {"id": f"t{i}", "claim": claim, "label": label, "evidence_ids": [], "source_doc": source}
            for i, (claim, label, source) in enumerate(TRAIN)
        ],
    )
    return folder


def run_script(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def results(data: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Both modes, sharing one --index-cache: the second run must reuse the first run's index."""
    out = tmp_path_factory.mktemp("out")
    cache = out / "index-cache"
    found = {}
    for mode, extra in (("pooled", []), ("per_doc", ["--per-claim-doc"])):
        target = out / f"{mode}.json"
        proc = run_script(
            "--claims",
            data / "dev.jsonl",
            "--corpus",
            data / "corpus.jsonl",
            "--train",
            data / "train.jsonl",
            "--json",
            target,
            "--index-cache",
            cache,
            "--predictions",
            out / f"{mode}.jsonl",
            *extra,
        )
        assert proc.returncode == 0, proc.stderr
        assert "verifier confusion" in proc.stdout
        for name in SYSTEMS:
            assert name in proc.stdout
        found[mode] = json.loads(target.read_text(encoding="utf-8"))
        found[mode]["_stdout"] = proc.stdout
        found[mode]["_predictions"] = [
            json.loads(line) for line in (out / f"{mode}.jsonl").read_text(encoding="utf-8").splitlines()
        ]
    return found


def _rate(value: object) -> bool:
    return value is None or (isinstance(value, float) and 0.0 <= value <= 1.0)


@pytest.mark.parametrize("mode", ["pooled", "per_doc"])
def test_json_has_every_documented_key_in_range(results: dict[str, dict[str, Any]], mode: str) -> None:
    result = results[mode]
    assert result["dataset"] == "tiny/dev"
    assert result["n_claims"] == len(CLAIMS)
    assert set(result["systems"]) == set(SYSTEMS)
    assert "index_build_seconds" in result
    for name, system in result["systems"].items():
        assert SYSTEM_KEYS <= set(system), name
        assert 0.0 <= system["accuracy"] <= 1.0
        assert 0.0 <= system["macro_f1"] <= 1.0
        assert set(system["per_class"]) == set(LABELS)
        supports = {label: system["per_class"][label]["support"] for label in LABELS}
        assert supports == {"supported": 4, "contradicted": 2, "unknown": 2}
        for scores in system["per_class"].values():
            assert set(scores) == {"precision", "recall", "f1", "support"}
            assert all(0.0 <= scores[k] <= 1.0 for k in ("precision", "recall", "f1"))
        matrix = system["confusion"]
        assert len(matrix) == 3 and all(len(row) == 3 for row in matrix)
        assert sum(map(sum, matrix)) == len(CLAIMS)
        assert [sum(row) for row in matrix] == [4, 2, 2]  # rows are gold
        assert system["numeric"]["n"] == 5
        assert _rate(system["numeric"]["accuracy"]) and _rate(system["numeric"]["macro_f1"])
        assert system["claims_per_second"] is None or system["claims_per_second"] > 0
        if name == "majority":
            assert system["recall_at_1"] is None and system["recall_at_5"] is None
        else:
            assert 0.0 <= system["recall_at_1"] <= system["recall_at_5"] <= 1.0
            assert system["claims_per_second"] > 0
    assert isinstance(result["systems"]["similarity"]["threshold"], float)


def test_majority_predicts_the_train_majority(results: dict[str, dict[str, Any]]) -> None:
    for result in results.values():
        majority = result["systems"]["majority"]
        # every prediction is in the "unknown" column: the train majority, not the claims' (supported)
        assert [row[:2] for row in majority["confusion"]] == [[0, 0], [0, 0], [0, 0]]
        assert majority["per_class"]["unknown"]["recall"] == 1.0
        assert majority["accuracy"] == pytest.approx(2 / 8)


def test_per_claim_doc_finds_the_gold_sentence_in_its_own_document(
    results: dict[str, dict[str, Any]],
) -> None:
    # each document has two sentences, so top-5 within the claim's own document always holds the gold one
    for name in ("verifier", "similarity"):
        assert results["per_doc"]["systems"][name]["recall_at_5"] == 1.0


def test_predictions_file_has_one_verdict_per_claim(results: dict[str, dict[str, Any]]) -> None:
    for result in results.values():
        rows = result["_predictions"]
        assert [r["id"] for r in rows] == [f"c{i}" for i in range(len(CLAIMS))]
        matrix = result["systems"]["verifier"]["confusion"]
        for gold_row, label in zip(matrix, LABELS, strict=True):
            predicted = [sum(r["gold"] == label and r["label"] == other for r in rows) for other in LABELS]
            assert predicted == gold_row
        assert all(0.0 <= r["confidence"] <= 1.0 and r["explanation"] for r in rows)
        assert all(r["gold_evidence_found"] is None for r in rows if r["gold"] == "unknown")
    # the per-document run always has its gold sentence in the top 5 (above)
    assert all(r["gold_evidence_found"] for r in results["per_doc"]["_predictions"] if r["gold"] != "unknown")


def test_index_is_built_once_and_reused(results: dict[str, dict[str, Any]]) -> None:
    assert results["pooled"]["index_reused"] is False
    assert results["pooled"]["index_build_seconds"] > 0
    assert results["per_doc"]["index_reused"] is True
    assert results["per_doc"]["index_build_seconds"] is None


def test_without_train_the_threshold_is_fixed_and_said(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    proc = run_script(
        "--claims", data / "dev.jsonl", "--corpus", data / "corpus.jsonl", "--limit", "3", "--json", target
    )
    assert proc.returncode == 0, proc.stderr
    assert "fixed" in proc.stdout
    result = json.loads(target.read_text(encoding="utf-8"))
    assert result["n_claims"] == 3
    assert result["systems"]["similarity"]["threshold"] == 0.5
    assert result["majority_label"] == "supported"  # of the claims themselves: 2 supported, 1 contradicted


def _bad(tmp_path: Path, data: Path, claims: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "claims.jsonl"
    path.write_text(claims, encoding="utf-8")
    return run_script("--claims", path, "--corpus", data / "corpus.jsonl")


def _one_line_error(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    for needle in needles:
        assert needle in lines[0]


def test_bad_json_line_is_named(data: Path, tmp_path: Path) -> None:
    good = (data / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    proc = _bad(tmp_path, data, f"{good[0]}\n{good[1]}\n{{not json\n")
    _one_line_error(proc, "claims.jsonl:3", "not valid JSON")


def test_missing_field_is_named(data: Path, tmp_path: Path) -> None:
    row = json.loads((data / "dev.jsonl").read_text(encoding="utf-8").splitlines()[0])
    del row["label"]
    proc = _bad(tmp_path, data, json.dumps(row) + "\n")
    _one_line_error(proc, "claims.jsonl:1", "'label'")


def test_wrong_label_and_unknown_evidence_doc_are_named(data: Path, tmp_path: Path) -> None:
    row = json.loads((data / "dev.jsonl").read_text(encoding="utf-8").splitlines()[0])
    _one_line_error(_bad(tmp_path, data, json.dumps({**row, "label": "TRUE"}) + "\n"), ":1", "TRUE")
    bad_id = {**row, "evidence_ids": ["nowhere:0"]}
    _one_line_error(_bad(tmp_path, data, json.dumps(bad_id) + "\n"), ":1", "nowhere:0")


def test_missing_file_is_named(data: Path, tmp_path: Path) -> None:
    proc = run_script("--claims", tmp_path / "absent.jsonl", "--corpus", data / "corpus.jsonl")
    _one_line_error(proc, "absent.jsonl")


def test_unknown_source_doc_with_per_claim_doc(data: Path, tmp_path: Path) -> None:
    row = json.loads((data / "dev.jsonl").read_text(encoding="utf-8").splitlines()[0])
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps({**row, "source_doc": "d-missing"}) + "\n", encoding="utf-8")
    proc = run_script("--claims", path, "--corpus", data / "corpus.jsonl", "--per-claim-doc")
    _one_line_error(proc, "claims.jsonl:1", "d-missing")


# --- the threshold search, in-process ---------------------------------------------------------


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("evaluate_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_threshold_is_tuned_between_train_scores() -> None:
    evaluate = _load_script()
    scores = [0.9, 0.8, 0.3, 0.2, float("-inf")]
    gold = ["supported", "supported", "unknown", "unknown", "unknown"]
    tau, f1 = evaluate.tune_threshold(scores, gold)
    # 0.55 separates them perfectly: F1 1 for supported and unknown, 0 for contradicted -> 2/3
    assert tau == pytest.approx(0.55)
    assert f1 == pytest.approx(2 / 3)


def test_the_heldout_vitaminc_slice_is_the_one_the_judge_records(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    data = root.parent / "shared" / "data"
    if not (data / "nli").is_dir():
        pytest.skip("../shared/data is not here")
    sys.path.insert(0, str(root / "scripts"))
    try:
        import heldout_vitaminc as h
    finally:
        sys.path.remove(str(root / "scripts"))
    hold = h.heldout_pairs(data)
    assert h.slice_digest(hold) == h.recorded_hash()
    claims, corpus, n = h.write_set(hold, tmp_path)
    rows = [json.loads(line) for line in claims.read_text("utf-8").splitlines()]
    assert n == len(rows) == 673 and sum(r["has_number"] for r in rows) == 370
    assert len(corpus.read_text("utf-8").splitlines()) == n
