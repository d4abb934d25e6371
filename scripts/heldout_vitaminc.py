"""The verifier on the VitaminC-real pairs the shipped judge never trained on, VitaminC-sample style.

    python scripts/heldout_vitaminc.py [--work runs/heldout_vc] [--predictions FILE] [--model DIR]

The training pool's held-out slice (1,500 pairs, drawn by ``train_judge.py`` in run 3 with
seed 13 and held out of both training stages) holds 673 VitaminC-real pairs. This script
draws that slice again, checks it against the hash ``judge.json`` records, writes its
VitaminC-real pairs as claims and one-sentence documents (the VitaminC sample's format), and
runs ``scripts/evaluate.py --per-claim-doc`` on them.

It is training data: the fact layer's rules may be read and tuned against it (the dev files
and the VitaminC sample may not). The judge's combiner and calibration were fitted on the
same slice, so its figures say how fact-layer changes move the whole verifier on numeric
claims the model has not seen, not what a new data set would score.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from holdout_slice import heldout_pairs, recorded_hash, slice_digest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LABELS = ("SUPPORTED", "CONTRADICTED", "UNKNOWN")


def write_set(hold: list[dict], work: Path) -> tuple[Path, Path, int]:
    work.mkdir(parents=True, exist_ok=True)
    claims, corpus = work / "claims.jsonl", work / "corpus.jsonl"
    n = 0
    with open(claims, "w", encoding="utf-8") as c, open(corpus, "w", encoding="utf-8") as d:
        for i, p in enumerate(q for q in hold if q["source"] == "vitaminc_real"):
            doc, label = f"h-doc-{i}", LABELS[p["label"]]
            decisive = label != "UNKNOWN"
            row = {
                "id": f"h-{i}",
                "claim": p["hypothesis"],
                "label": label,
                "evidence": [p["premise"]] if decisive else [],
                "evidence_ids": [f"{doc}:0"] if decisive else [],
                "source_doc": doc,
                "has_number": bool(re.search(r"\d", p["hypothesis"])),
            }
            c.write(json.dumps(row) + "\n")
            d.write(
                json.dumps({"doc_id": doc, "title": "", "text": p["premise"], "sentences": [p["premise"]]})
                + "\n"
            )
            n += 1
    return claims, corpus, n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--work", type=Path, default=ROOT / "runs" / "heldout_vc")
    ap.add_argument("--predictions", type=Path, help="write every verdict here (JSONL)")
    ap.add_argument("--model", type=Path, help="another trained judge folder (a candidate run's --out)")
    args = ap.parse_args()
    if not (args.data / "nli").is_dir():
        print(f"error: no training data at {args.data / 'nli'}", file=sys.stderr)
        return 2
    hold = heldout_pairs(args.data)
    digest = slice_digest(hold)
    expected = recorded_hash()
    if expected and digest != expected:
        print(
            f"error: the held-out slice drawn here ({digest[:12]}) is not the one judge.json records "
            f"({expected[:12]}): other data files?",
            file=sys.stderr,
        )
        return 2
    claims, corpus, n = write_set(hold, args.work)
    print(f"{n} held-out VitaminC-real pairs (slice {digest[:12]}) in {args.work}", flush=True)
    cmd = [
        sys.executable,
        str(ROOT / "scripts" / "evaluate.py"),
        "--claims",
        str(claims),
        "--corpus",
        str(corpus),
        "--per-claim-doc",
        "--index-cache",
        str(args.work / "index"),
        "--json",
        str(args.work / "eval.json"),
    ]
    if args.predictions:
        cmd += ["--predictions", str(args.predictions)]
    if args.model:
        cmd += ["--model", str(args.model)]
    return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
