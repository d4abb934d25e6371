"""Write the training pool's held-out slice that the shipped judge was calibrated on.

    python scripts/holdout_slice.py                       # -> runs/judge3/holdout_pairs.jsonl

Every judge since run 4 keeps run 3's 1,500 held-out pairs out of training
(``train_judge.py --holdout-from``) and is calibrated on them (``calibrate_judge.py``), so
calibration, ``device_judge.py pack`` and ``heldout_vitaminc.py`` all need that file. It
lived only under ``runs/``, which is not in git and is lost with a machine. The slice is a
function of the training data, run 3's mix and seed, so it is drawn again here the way
``train_judge.py`` drew it, and its sha256 is checked against the one the judge recorded
(``data_sha256["holdout:holdout_pairs.jsonl"]`` in judge.json): a file that differs is
refused, never written.

Exit status 2, with one line on stderr, when the data are missing or the slice does not
match.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_judge import DEFAULT_MIX, load_pairs, split_holdout  # noqa: E402

# Run 3's stage-1 mix and seed (README, "The verification model"): the held-out slice every
# later stage and calibration kept.
RUN3_MIX = {
    **DEFAULT_MIX,
    "vitaminc_real": 34321,
    "vitaminc_synthetic": 12000,
    "covidfact": 2000,
    "healthver": 3413,
    "mnli": 6000,
    "snli": 4000,
    "scitail": 2126,
}
SEED = 13
RANDOM_NEGATIVES = 0.1
HOLDOUT = 1500
HASH_KEY = "holdout:holdout_pairs.jsonl"
SHIPPED_JUDGE = ROOT / "src" / "verifier" / "models" / "judge"


def heldout_pairs(data: Path) -> list[dict]:
    """Run 3's held-out pairs, in the order train_judge.py wrote them."""
    pairs, _ = load_pairs(data, RUN3_MIX, SEED, RANDOM_NEGATIVES)
    _, hold = split_holdout(pairs, HOLDOUT, SEED)
    return hold


def serialise(hold: list[dict]) -> bytes:
    """Byte for byte what train_judge.py writes (one JSON line per pair), so the hash it
    recorded can confirm the slice."""
    return "".join(json.dumps(p) + "\n" for p in hold).encode("utf-8")


def slice_digest(hold: list[dict]) -> str:
    return hashlib.sha256(serialise(hold)).hexdigest()


def recorded_hash(judge_dir: Path | None = None) -> str | None:
    """The held-out file's sha256 as a judge folder's judge.json records it (default: the shipped judge)."""
    judge_dir = judge_dir or SHIPPED_JUDGE
    meta = json.loads((judge_dir / "judge.json").read_text(encoding="utf-8"))
    return meta.get("data_sha256", {}).get(HASH_KEY)


def main(argv: list[str] | None = None) -> int:
    from verifier.diskio import write_atomic_text

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "runs" / "judge3" / "holdout_pairs.jsonl")
    ap.add_argument(
        "--judge",
        type=Path,
        default=None,
        help="judge folder whose recorded hash the slice must match (default: the shipped judge)",
    )
    args = ap.parse_args(argv)
    judge = args.judge or SHIPPED_JUDGE
    if not (args.data / "nli").is_dir():
        print(f"error: no training data at {args.data / 'nli'}", file=sys.stderr)
        return 2
    if not (judge / "judge.json").is_file():
        print(f"error: no judge.json in {judge}", file=sys.stderr)
        return 2
    want = recorded_hash(judge)
    if want is None:
        print(f"error: {judge / 'judge.json'} records no {HASH_KEY!r} hash to check against", file=sys.stderr)
        return 2
    body = serialise(heldout_pairs(args.data))
    got = hashlib.sha256(body).hexdigest()
    if got != want:
        print(
            f"error: the slice drawn from {args.data} has sha256 {got[:12]}…, "
            f"not the {want[:12]}… that {judge / 'judge.json'} records: the data or train_judge.py's "
            "sampling changed",
            file=sys.stderr,
        )
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic_text(args.out, body.decode("utf-8"))
    n = body.count(b"\n")
    print(f"wrote {n} pairs to {args.out} (sha256 {got[:12]}…, as {judge / 'judge.json'} records)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
