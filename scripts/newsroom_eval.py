"""Accuracy on the newsroom QA sets: invented wire stories and the claims a fact-checker would
check against them, labelled by hand before any run.

    python scripts/newsroom_eval.py [--sets eval/newsroom] [--work runs/newsroom] [--json FILE]

Each set (`eval/newsroom/nwN/`) holds `corpus/` (one story per `.txt`, with its `.meta.json`),
`claims.csv` (`id, claim, label, story, kind`) and `LABELS.md` (why each label). The sets were
written by QA passes that did not read the code; none is a dev file, so they may be used to
choose between candidates, like the training-side measures. Some of them guided fact-layer fixes
(the README's Quality section says which), so they measure generalisation only where they did not.

Prints accuracy per set and overall, and per claim kind; `--json` also keeps every verdict.
Indexes are built once into `--work` and reused.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ("supported", "contradicted", "unknown")


def read_claims(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    bad = [r.get("id", "?") for r in rows if r.get("label") not in LABELS or not r.get("claim")]
    if bad:
        raise ValueError(f"{path}: rows without a claim or a known label: {', '.join(bad[:5])}")
    return rows


def score(rows: list[dict[str, str]], predicted: list[str]) -> dict:
    """Accuracy, per-kind accuracy and the confusion counts (gold, predicted)."""
    right = [r["label"] == p for r, p in zip(rows, predicted, strict=True)]
    kinds: dict[str, list[int]] = {}
    for r, ok in zip(rows, right, strict=True):
        tally = kinds.setdefault(r.get("kind", ""), [0, 0])
        tally[0] += ok
        tally[1] += 1
    confusion = Counter(f"{r['label']}->{p}" for r, p in zip(rows, predicted, strict=True))
    return {"right": sum(right), "claims": len(rows), "kinds": kinds, "confusion": dict(confusion)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", type=Path, default=ROOT / "eval" / "newsroom")
    ap.add_argument("--work", type=Path, default=ROOT / "runs" / "newsroom", help="where indexes are kept")
    ap.add_argument("--json", type=Path, help="write the scores and every verdict here")
    ap.add_argument("--model", type=Path, help="a judge folder to use instead of the shipped one")
    args = ap.parse_args()

    found = (p for p in args.sets.iterdir() if (p / "claims.csv").exists() and (p / "corpus").is_dir())
    # In number order: nw9 before nw10.
    sets = sorted(found, key=lambda p: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", p.name)])
    if not sets:
        print(f"error: no set (claims.csv + corpus/) under {args.sets}", file=sys.stderr)
        return 2

    from verifier.api import Verifier
    from verifier.embed import Embedder
    from verifier.index import EvidenceIndex, build_index
    from verifier.ingest import load_documents

    embedder = Embedder()
    report: dict[str, dict] = {}
    every_row: list[dict[str, str]] = []
    every_label: list[str] = []
    for folder in sets:
        rows = read_claims(folder / "claims.csv")
        index_dir = args.work / folder.name
        if not (index_dir / "manifest.json").exists():
            build_index(load_documents([folder / "corpus"]), index_dir, embedder, progress=False)
        verifier = Verifier.from_index(EvidenceIndex.load(index_dir), embedder, model_dir=args.model)
        verdicts = verifier.check_many([r["claim"] for r in rows])
        result = score(rows, [v.label for v in verdicts])
        every_row += rows
        every_label += [v.label for v in verdicts]
        result["verdicts"] = [
            {"id": r["id"], "gold": r["label"], "label": v.label, "confidence": v.confidence,
             "explanation": v.explanation}
            for r, v in zip(rows, verdicts, strict=True)
        ]  # fmt: skip
        report[folder.name] = result
        print(
            f"{folder.name}: {result['right']}/{result['claims']} = {result['right'] / result['claims']:.3f}"
        )

    overall = score(every_row, every_label)
    right, total = overall["right"], overall["claims"]
    print(f"all: {right}/{total} = {right / total:.3f}")
    for kind, (ok, n) in sorted(overall["kinds"].items(), key=lambda kv: kv[1][0] / kv[1][1]):
        print(f"  {kind:<24} {ok:>3}/{n:<3}")
    if args.json:
        from verifier.diskio import write_atomic_text

        write_atomic_text(args.json, json.dumps({"all": [right, total], "sets": report}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
