"""Measure check-worthiness against hand labels: precision, recall and F1 per split.

    .venv/bin/python scripts/checkworthiness.py                    # tests/data/checkworthiness.jsonl
    .venv/bin/python scripts/checkworthiness.py --errors           # also list every mistake

The labels file has one JSON object a line: {"draft", "split", "text", "checkworthy"}; drafts
live in tests/data/drafts. Every sentence the scorer finds in a labelled draft must have a
label (and every label a sentence), so the figures cover each draft whole. A label covers every
occurrence of its text (a headline repeated in the body is counted each time). A row whose
"draft" is null is one sentence scored on its own, as the only sentence of a draft without
headline: a hard case added without inventing a draft around it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from verifier.checkworthy import THRESHOLD, Sentence, score_sentences
from verifier.draft import read_draft

ROOT = Path(__file__).resolve().parents[1]
_CELL = {(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}


def evaluate(labels_path: Path, drafts_dir: Path, threshold: float) -> tuple[dict, list[str]]:
    labels: dict[str, dict[str, bool]] = defaultdict(dict)
    splits: dict[str, str] = {}
    alone: list[tuple[str, str, bool]] = []  # (split, text, label) of sentences without a draft
    for line in labels_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if row["draft"] is None:
                alone.append((row["split"], row["text"], bool(row["checkworthy"])))
                continue
            labels[row["draft"]][row["text"]] = bool(row["checkworthy"])
            splits[row["draft"]] = row["split"]
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0, "tn": 0})
    errors: list[str] = []

    def count(split: str, where: str, s: Sentence, gold: bool) -> None:
        key = _CELL[(gold, s.checkworthy(threshold))]
        for name in (split, "all"):
            counts[name][key] += 1
        if key in ("fp", "fn"):
            errors.append(f"{key.upper()} {s.score:.2f} [{where}] {s.text}  ({', '.join(s.features)})")

    for draft, by_text in labels.items():
        text, title = read_draft(drafts_dir / draft)
        found = score_sentences(text, title)
        missing = set(by_text) - {s.text for s in found}
        if missing:
            raise SystemExit(f"{draft}: labelled sentences not found by the splitter: {sorted(missing)}")
        for s in found:
            if s.text not in by_text:
                raise SystemExit(f"{draft}: unlabelled sentence {s.text!r}")
            count(splits[draft], draft, s, by_text[s.text])
    for split, text, gold in alone:
        found = score_sentences(text)
        if [s.text for s in found] != [text]:
            raise SystemExit(f"not one sentence on its own: {text!r} splits as {[s.text for s in found]}")
        count(split, "sentence", found[0], gold)
    return counts, errors


def table(counts: dict[str, dict[str, int]]) -> str:
    rows = ["| split | sentences | check-worthy | precision | recall | F1 |", "|---|---|---|---|---|---|"]
    for split in sorted(counts, key=lambda s: (s == "all", s)):
        c = counts[split]
        p = c["tp"] / max(1, c["tp"] + c["fp"])
        r = c["tp"] / max(1, c["tp"] + c["fn"])
        f1 = 2 * p * r / max(1e-9, p + r)
        rows.append(
            f"| {split} | {sum(c.values())} | {c['tp'] + c['fn']} | {p:.2f} ({c['tp']}/{c['tp'] + c['fp']}) "
            f"| {r:.2f} ({c['tp']}/{c['tp'] + c['fn']}) | {f1:.2f} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--labels", type=Path, default=ROOT / "tests/data/checkworthiness.jsonl")
    parser.add_argument("--drafts", type=Path, default=ROOT / "tests/data/drafts")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--errors", action="store_true", help="list false positives and negatives")
    args = parser.parse_args(argv)
    counts, errors = evaluate(args.labels, args.drafts, args.threshold)
    print(table(counts))
    if args.errors:
        print("\n".join(["", *errors]) if errors else "\nno errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
