"""The GPU-training path of the judge: train_judge.py's cut models and saved weights, and
device_judge.py's packing of weights into the parts a borrowed machine can send back."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "scripts"))

torch = pytest.importorskip("torch")
pytest.importorskip("safetensors")


# A two-layer cut of the base on a handful of pairs: the GPU path, small enough for CPU tests.
CUT = ("--data", str(SHARED), "--holdout", "16", "--layers", "0,1", "--threads", "1")


def _train_cut(run_script, tmp_path: Path, work: Path, *extra: str) -> None:
    """Train the cut on 16 pairs in batches of 8, without export (the GPU machine's way)."""
    run_script(
        "train_judge.py",
        "--out",
        str(tmp_path / "unused"),
        "--work",
        str(work),
        "--max-pairs",
        "16",
        "--batch-size",
        "8",
        "--no-export",
        *extra,
        *CUT,
    )


def test_split_and_join_round_trip(tmp_path: Path) -> None:
    """Parts stay under the size cap, together hold every tensor, and join gives fp32 back
    equal to the original to fp16 precision."""
    import device_judge
    from safetensors.torch import load_file, save_file

    torch.manual_seed(0)
    state = {f"w{i}": torch.randn(300, 256) for i in range(6)}
    save_file(state, str(tmp_path / "w.safetensors"))
    old = device_judge.PART_BYTES
    device_judge.PART_BYTES = 2 * 300 * 256 * 2  # two fp16 tensors a part
    try:
        names = device_judge.split(tmp_path / "w.safetensors", tmp_path / "out", "m")
    finally:
        device_judge.PART_BYTES = old
    assert names == ["m.part0.safetensors", "m.part1.safetensors", "m.part2.safetensors"]
    device_judge.join(tmp_path / "back.safetensors", [tmp_path / "out" / n for n in names])
    back = load_file(str(tmp_path / "back.safetensors"))
    assert set(back) == set(state)
    for k, v in state.items():
        assert back[k].dtype == torch.float32
        torch.testing.assert_close(back[k], v, atol=2e-3, rtol=1e-3)
        assert not torch.equal(back[k], v)  # it did travel as fp16


def test_soup_is_the_mean_and_refuses_other_shapes(tmp_path: Path) -> None:
    import device_judge
    from safetensors.torch import load_file, save_file

    save_file({"a": torch.zeros(2), "b": torch.ones(2)}, str(tmp_path / "x.safetensors"))
    save_file({"a": torch.full((2,), 2.0), "b": torch.ones(2)}, str(tmp_path / "y.safetensors"))
    save_file({"a": torch.zeros(2)}, str(tmp_path / "z.safetensors"))
    device_judge.soup(tmp_path / "s.safetensors", [tmp_path / "x.safetensors", tmp_path / "y.safetensors"])
    s = load_file(str(tmp_path / "s.safetensors"))
    assert s["a"].tolist() == [1.0, 1.0] and s["b"].tolist() == [1.0, 1.0]
    with pytest.raises(SystemExit, match="same weights"):
        device_judge.soup(
            tmp_path / "t.safetensors", [tmp_path / "x.safetensors", tmp_path / "z.safetensors"]
        )


def test_pick_takes_the_soup_the_best_single_and_the_best_small(tmp_path: Path) -> None:
    import device_judge
    from safetensors.torch import save_file

    work = tmp_path / "work"
    for name, f1 in {"s13": 0.70, "s14": 0.72, "soup": 0.71, "l4a": 0.69, "l4b": 0.66}.items():
        (work / name).mkdir(parents=True)
        (work / name / "metrics.json").write_text(json.dumps({"heldout_macro_f1_torch": f1}))
        save_file({"w": torch.ones(3)}, str(work / name / "weights.safetensors"))
        (work / f"{name}.log").write_text("log")
    save_file({"w": torch.ones(3)}, str(work / "soup.safetensors"))
    summary = device_judge.pick(work, tmp_path / "out")
    assert summary["chosen"] == {"single": "s14", "soup": "soup", "small": "l4a"}
    sent = {p.name for p in (tmp_path / "out").iterdir()}
    want = {"summary.json", "logs.tar.gz", "single-s14.part0.safetensors", "small-l4a.part0.safetensors"}
    assert want <= sent


def test_keep_layers_cuts_and_renumbers() -> None:
    from train_judge import keep_layers
    from transformers import BertConfig, BertForSequenceClassification

    config = BertConfig(
        vocab_size=50, hidden_size=16, num_hidden_layers=4, num_attention_heads=2, intermediate_size=32
    )
    model = BertForSequenceClassification(config)
    third = model.bert.encoder.layer[3].output.dense.weight.clone()
    keep_layers(model, (0, 3))
    assert len(model.bert.encoder.layer) == 2 and model.config.num_hidden_layers == 2
    assert torch.equal(model.state_dict()["bert.encoder.layer.1.output.dense.weight"], third)
    for bad in ((), (0, 4)):
        with pytest.raises(ValueError, match="--layers wants"):
            keep_layers(BertForSequenceClassification(config), bad)


@pytest.mark.skipif(not (SHARED / "nli").is_dir(), reason="../shared/data is not here")
def test_cut_model_trains_saves_and_exports(tmp_path: Path, run_script) -> None:
    """The GPU path on CPU: a two-layer cut trains two passes with --no-export and saves its
    weights; a second run loads them with no training and exports a model the verifier loads."""
    pytest.importorskip("onnx")
    from verifier.nli import NLIModel

    work, weights = tmp_path / "work", tmp_path / "w.safetensors"
    _train_cut(run_script, tmp_path, work, "--epochs", "2", "--save-weights", str(weights))
    metrics = json.loads((work / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["steps"] == 4  # two passes over two batches
    assert 0.0 <= metrics["heldout_macro_f1_torch"] <= 1.0
    assert not (tmp_path / "unused").exists()
    out = tmp_path / "judge"
    run_script(
        "train_judge.py",
        "--out",
        str(out),
        "--work",
        str(tmp_path / "work2"),
        "--init-weights",
        str(weights),
        "--epochs",
        "0",
        "--holdout-from",
        str(work / "holdout_pairs.jsonl"),
        *CUT,
    )
    model = NLIModel(out)
    assert model.meta["training"]["steps"] == 0
    assert model.meta["base_model"].endswith("encoder layers 0,1 of 6")
    # Weights that were not trained would not give the held-out score the first run measured.
    assert model.meta["heldout_train_slice"]["macro_f1_torch"] == metrics["heldout_macro_f1_torch"]
    assert model.predict([("a claim", "a sentence")]).shape == (1, 3)


@pytest.mark.skipif(not (SHARED / "nli").is_dir(), reason="../shared/data is not here")
def test_bf16_on_the_cpu_trains_in_autocast_and_keeps_fp32_weights(tmp_path: Path, run_script) -> None:
    """--bf16 on the CPU: the run records it, and the weights it saves stay fp32 (autocast, not
    a bf16 model), so an export or a later run starts from full-precision weights."""
    from safetensors.torch import load_file

    work, weights = tmp_path / "work", tmp_path / "w.safetensors"
    _train_cut(run_script, tmp_path, work, "--bf16", "--save-weights", str(weights))
    metrics = json.loads((work / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["config"]["bf16"] is True
    assert metrics["steps"] == 2
    assert 0.0 <= metrics["heldout_macro_f1_torch"] <= 1.0
    dtypes = {t.dtype for t in load_file(str(weights)).values()}
    assert dtypes == {torch.float32}


def test_record_puts_the_gpu_run_into_judge_json(tmp_path: Path) -> None:
    """The export knows only its own zero-step run; record writes what trained the weights."""
    import device_judge

    (tmp_path / "judge.json").write_text(
        json.dumps({"config": {"epochs": 0}, "training": {"steps": 0}, "data_sha256": {"init:w": "b"}})
    )
    metrics = tmp_path / "metrics.json"
    metrics.write_text(
        json.dumps(
            {
                "config": {"epochs": 3, "mix": "mnli=9815"},
                "data_sha256": {"nli/mnli.jsonl.gz": "a"},
                "pairs_seen": 300,
                "steps": 10,
                "seconds": 3.0,
                "heldout_macro_f1_torch": 0.7,
            }
        )
    )
    device_judge.record(tmp_path, metrics, "abc123", "a GPU")
    meta = json.loads((tmp_path / "judge.json").read_text())
    assert meta["config"] == {"epochs": 3, "mix": "mnli=9815"}
    assert meta["export_config"] == {"epochs": 0}
    assert meta["mix"]["mnli"] == 9815 and meta["mix"]["climate_fever_train"] == 99999
    assert meta["data_sha256"] == {"nli/mnli.jsonl.gz": "a", "init:w": "b"}
    assert meta["training"]["steps"] == 10 and meta["training"]["pairs_per_second"] == 100.0
    assert meta["training"]["code_revision"] == "abc123"


def test_distillation_loss_is_zero_at_the_teacher_and_pulls_towards_it() -> None:
    from train_judge import distillation_loss

    teacher = torch.tensor([[2.0, -1.0, 0.5], [-0.5, 1.5, 0.0]])
    assert distillation_loss(teacher.clone(), teacher, 2.0).item() == pytest.approx(0.0, abs=1e-6)
    student = torch.zeros(2, 3, requires_grad=True)
    loss = distillation_loss(student, teacher, 2.0)
    assert loss.item() > 0.01
    loss.backward()
    # One step against the gradient moves the student's preferences towards the teacher's.
    stepped = (student - 0.5 * student.grad).detach()
    assert distillation_loss(stepped, teacher, 2.0).item() < loss.item()
    assert stepped.argmax(1).tolist() == teacher.argmax(1).tolist()


@pytest.mark.skipif(not (SHARED / "nli").is_dir(), reason="../shared/data is not here")
def test_a_cut_model_learns_from_a_teacher_judge(tmp_path: Path, run_script) -> None:
    """--teacher: the shipped judge's logits over the training pairs join the loss, and the
    run records which teacher it learned from."""
    from verifier.nli import default_model_dir, model_available

    if not model_available():
        pytest.skip("no shipped judge")
    work = tmp_path / "work"
    _train_cut(run_script, tmp_path, work, "--teacher", str(default_model_dir()), "--distil-weight", "0.7")
    metrics = json.loads((work / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["steps"] == 2
    assert metrics["config"]["teacher"] == str(default_model_dir())
    assert metrics["config"]["distil_weight"] == 0.7
    assert len(metrics["data_sha256"]["teacher:judge/model.onnx"]) == 64
    bad = run_script(
        "train_judge.py",
        "--out",
        str(tmp_path / "x"),
        "--work",
        str(tmp_path / "w"),
        "--teacher",
        str(tmp_path),
        "--max-pairs",
        "16",
        *CUT,
        status=2,
    )
    assert bad.stderr.strip().splitlines()[-1].startswith(f"error: no verification model in {tmp_path}")


def test_distillation_settings_are_checked_before_any_work(tmp_path: Path, run_script) -> None:
    bad = run_script(
        "train_judge.py", "--out", str(tmp_path / "x"), "--distil-weight", "1.5", status=2, timeout=120
    )
    assert "--distil-weight must be in [0, 1]" in bad.stderr.strip().splitlines()[-1]
