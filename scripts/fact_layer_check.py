"""How often the fact layer's verdicts and tentative readings are right, on numeric training pairs.

    python scripts/fact_layer_check.py [--pairs 4000] [--relaxed-coverage 0.25 0.34]

Reads ../shared/data/nli/vitaminc_real.jsonl.gz (training data; the fact layer learns nothing
from it, so this is a fair check of its rules), keeps the pairs whose claim has a digit, and
prints, per coverage bar of the tentative reading, how many of its supports / contradicts agree
with the pair's label, beside the same for the strict verdicts. The figures in
verifier/coverage.py (RELAXED_COVERAGE) come from this script.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

STANCE_OF = {"SUPPORTED": "supports", "CONTRADICTED": "contradicts", "UNKNOWN": "neutral"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--pairs", type=int, default=4000, help="numeric pairs to read (a seeded sample)")
    ap.add_argument(
        "--relaxed-coverage",
        type=float,
        nargs="+",
        help="coverage bars of the tentative reading to try (default: the judge's RELAXED_COVERAGE)",
    )
    args = ap.parse_args()

    import verifier.factcompare as factcompare
    import verifier.judge as judge
    from verifier.types import Evidence

    path = args.data / "nli" / "vitaminc_real.jsonl.gz"
    if not path.exists():
        print(f"error: no training pairs at {path}", file=sys.stderr)
        return 2
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [r for r in map(json.loads, f) if re.search(r"\d", r["hypothesis"])]
    random.Random(0).shuffle(rows)
    rows = rows[: args.pairs]
    for bar in args.relaxed_coverage or [factcompare.RELAXED_COVERAGE]:
        # The name the comparison reads: verifier.factcompare imports it from verifier.coverage.
        factcompare.RELAXED_COVERAGE = bar
        facts = judge.FactJudge()
        strict: Counter[tuple[str, bool]] = Counter()
        loose: Counter[tuple[str, bool]] = Counter()
        for r in rows:
            e = Evidence(r["premise"], "d", "", "", "", 0, 0, len(r["premise"]), 0.8)
            j = facts.judge(r["hypothesis"], [e])[0]
            gold = STANCE_OF[r["label"]]
            if j.stance != "neutral":
                strict[j.stance, j.stance == gold] += 1
            if j.tentative is not None:
                loose[j.tentative.stance, j.tentative.stance == gold] += 1

        def right(c: Counter) -> str:
            return ", ".join(
                f"{s} {c[s, True]}/{c[s, True] + c[s, False]}" for s in ("supports", "contradicts")
            )

        print(f"bar {bar}: strict {right(strict)}; tentative {right(loose)} (of {len(rows)} pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
