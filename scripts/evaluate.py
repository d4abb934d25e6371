#!/usr/bin/env python
"""Measure the verifier and two baselines on a labelled claim set.

    python scripts/evaluate.py --claims CLAIMS.jsonl --corpus CORPUS.jsonl [--train TRAIN.jsonl]
        [--per-claim-doc] [--limit N] [--json OUT.json] [--top-k 5] [--index-cache DIR]

File formats are those of ``shared/data/README.md``. One index of the whole corpus is
built through the package (or reused from ``--index-cache`` when its corpus fingerprint
matches), then the same claims go through three systems:

- ``verifier``: the real pipeline, ``Verifier.check_many`` in batches of 64;
- ``majority``: always the most frequent label of ``--train`` (of the claims without it);
- ``similarity``: retrieval only, ``supported`` when the top-1 cosine is at least a
  threshold, else ``unknown``. The threshold maximises macro-F1 on the ``--train``
  claims; without ``--train`` it is a fixed 0.5. It is never chosen on the claims
  being measured.

Evidence recall@k uses the corpus's own sentence ids (``evidence_ids``); the verifier
splits text its own way, so each retrieved sentence is mapped to the corpus sentences
it overlaps (:func:`verifier.metrics.map_sentences`). For the verifier the ranking is
the order of ``Verdict.evidence`` (the sentences it cites first, then by similarity);
for the similarity baseline it is the retrieval order. Claims per second is the wall
time of each system's own work including embedding and retrieving the claims; the
index build (and the one-off model load) is reported apart.

Bad input (missing file, bad JSON, missing or wrong fields) is one line on stderr,
naming the file and line, and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from verifier.errors import VerifierError
from verifier.metrics import (
    accuracy,
    confusion,
    expected_calibration_error,
    macro_f1,
    map_sentences,
    per_class_prf,
    recall_at_k,
    reliability_bins,
)
from verifier.types import LABELS

BATCH = 64
FIXED_THRESHOLD = 0.5
GOLD_LABELS = {label.upper(): label for label in LABELS}
SYSTEMS = ("verifier", "majority", "similarity")


class InputError(Exception):
    """Bad input named in one line: file, line and what is wrong."""


@dataclass(frozen=True)
class CorpusDoc:
    doc_id: str
    title: str
    text: str
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    label: str  # lower-case
    evidence_ids: frozenset[str]
    source_docs: tuple[str, ...]
    has_number: bool


# --- reading -------------------------------------------------------------------------------------------


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
                if not isinstance(row, dict):
                    raise InputError(f"{path}:{number}: expected a JSON object, got {type(row).__name__}")
                yield number, row
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc.__class__.__name__})") from None


def _field(row: dict[str, Any], name: str, kind: type | tuple[type, ...], where: str) -> Any:
    if name not in row:
        raise InputError(f"{where}: missing field {name!r}")
    value = row[name]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InputError(f"{where}: field {name!r} has the wrong type ({type(value).__name__})")
    return value


def load_corpus(path: Path) -> dict[str, CorpusDoc]:
    docs: dict[str, CorpusDoc] = {}
    for number, row in read_jsonl(path):
        where = f"{path}:{number}"
        doc_id = _field(row, "doc_id", str, where)
        text = _field(row, "text", str, where)
        sentences = _field(row, "sentences", list, where)
        if not doc_id:
            raise InputError(f"{where}: empty doc_id")
        if not all(isinstance(s, str) for s in sentences):
            raise InputError(f"{where}: field 'sentences' must be a list of strings")
        title = row.get("title") or ""
        if not isinstance(title, str):
            raise InputError(f"{where}: field 'title' has the wrong type ({type(title).__name__})")
        if doc_id in docs:
            raise InputError(f"{where}: doc_id {doc_id!r} appears twice")
        docs[doc_id] = CorpusDoc(doc_id, title, text, tuple(sentences))
    if not docs:
        raise InputError(f"{path}: no documents")
    return docs


def _source_docs(row: dict[str, Any], where: str) -> tuple[str, ...]:
    value = _field(row, "source_doc", (str, list), where)
    docs = (value,) if isinstance(value, str) else tuple(value)
    if not docs or not all(isinstance(d, str) and d for d in docs):
        raise InputError(f"{where}: field 'source_doc' must be a doc_id or a non-empty list of them")
    return docs


def load_claims(
    path: Path,
    corpus: dict[str, CorpusDoc],
    *,
    need_source: bool,
    scored: bool,
    limit: int | None = None,
) -> list[Claim]:
    """Read a claim file. ``scored`` files must carry gold evidence ids and ``has_number`` too."""
    from verifier.api import MAX_CLAIM_CHARS

    claims: list[Claim] = []
    for number, row in read_jsonl(path):
        if limit is not None and len(claims) >= limit:
            break
        where = f"{path}:{number}"
        claim_id = _field(row, "id", (str, int), where)
        text = _field(row, "claim", str, where)
        if not text.strip():
            raise InputError(f"{where}: empty claim")
        if len(text) > MAX_CLAIM_CHARS:
            raise InputError(f"{where}: claim is {len(text)} characters long; the limit is {MAX_CLAIM_CHARS}")
        gold = _field(row, "label", str, where)
        if gold not in GOLD_LABELS:
            raise InputError(f"{where}: label {gold!r} is not one of {', '.join(GOLD_LABELS)}")
        sources: tuple[str, ...] = ()
        if need_source:
            sources = _source_docs(row, where)
            missing = [d for d in sources if d not in corpus]
            if missing:
                raise InputError(f"{where}: source_doc {missing[0]!r} is not in the corpus")
        evidence: frozenset[str] = frozenset()
        has_number = False
        if scored:
            ids = _field(row, "evidence_ids", list, where)
            for gold_id in ids:
                _check_gold_id(gold_id, corpus, where)
            evidence = frozenset(ids)
            has_number = _field(row, "has_number", bool, where)
        claims.append(Claim(str(claim_id), text, GOLD_LABELS[gold], evidence, sources, has_number))
    if not claims:
        raise InputError(f"{path}: no claims")
    return claims


def _check_gold_id(gold_id: object, corpus: dict[str, CorpusDoc], where: str) -> None:
    if not isinstance(gold_id, str) or ":" not in gold_id:
        raise InputError(f"{where}: evidence id {gold_id!r} is not 'doc_id:sentence_index'")
    doc_id, _, index = gold_id.rpartition(":")
    if doc_id not in corpus:
        raise InputError(f"{where}: evidence id {gold_id!r} names a document that is not in the corpus")
    if not index.isdigit() or int(index) >= len(corpus[doc_id].sentences):
        raise InputError(f"{where}: evidence id {gold_id!r} is past the end of its document's sentences")


# --- index ---------------------------------------------------------------------------------------------


@dataclass
class OpenedIndex:
    index: Any  # EvidenceIndex
    build_seconds: float | None  # None when reused from the cache
    reused: bool
    tmp: tempfile.TemporaryDirectory[str] | None


def open_index(docs: Sequence[Any], cache: Path | None, embedder: Any) -> OpenedIndex:
    """Build one index of ``docs`` (into ``cache`` or a temp dir), or reuse ``cache`` when it matches."""
    from verifier.errors import IndexLoadError
    from verifier.index import MANIFEST, EvidenceIndex, build_index, corpus_fingerprint, read_manifest

    tmp = None
    if cache is None:
        tmp = tempfile.TemporaryDirectory(prefix="verifier-eval-")
        directory = Path(tmp.name) / "index"
    else:
        directory = cache
        if directory.exists() and not directory.is_dir():
            raise InputError(f"{directory}: --index-cache must be a folder")
        if directory.is_dir() and any(directory.iterdir()) and not (directory / MANIFEST).exists():
            raise InputError(f"{directory}: not empty and not an index; choose another --index-cache folder")
        try:
            manifest = read_manifest(directory)
        except IndexLoadError:
            manifest = {}
        if manifest.get("corpus_fingerprint") == corpus_fingerprint(docs):
            try:
                return OpenedIndex(EvidenceIndex.load(directory), None, True, None)
            except IndexLoadError:
                pass  # damaged: build it again below
    start = time.perf_counter()
    build_index(docs, directory, embedder, progress=None)
    index = EvidenceIndex.load(directory)
    return OpenedIndex(index, time.perf_counter() - start, False, tmp)


class GoldMapper:
    """Turn a retrieved (doc_id, verifier sentence index) into the corpus sentence ids it covers."""

    def __init__(self, corpus: dict[str, CorpusDoc]) -> None:
        self.corpus = corpus
        self._spans: dict[str, list[tuple[int, int]]] = {}
        self._maps: dict[str, dict[int, set[int]]] = {}

    def ids(self, doc_id: str, sentence_index: int, start: int, end: int) -> frozenset[str]:
        from verifier.segment import split_sentences

        if doc_id not in self._maps:
            doc = self.corpus[doc_id]
            spans = split_sentences(doc.text)
            self._spans[doc_id] = spans
            self._maps[doc_id] = map_sentences(doc.text, doc.sentences, spans)
        spans = self._spans[doc_id]
        if sentence_index >= len(spans) or spans[sentence_index] != (start, end):
            raise RuntimeError(
                f"the index's sentence {doc_id}:{sentence_index} ({start}-{end}) is not the verifier's "
                "own split of the corpus text; was the index built from another corpus?"
            )
        return frozenset(f"{doc_id}:{i}" for i in self._maps[doc_id][sentence_index])

    def ranked(self, evidence: Sequence[Any]) -> list[frozenset[str]]:
        return [self.ids(e.doc_id, e.sentence_index, e.start, e.end) for e in evidence]


# --- systems -------------------------------------------------------------------------------------------


def doc_restriction(claims: Sequence[Claim], per_claim_doc: bool) -> list[list[str]] | None:
    return [list(c.source_docs) for c in claims] if per_claim_doc else None


def batches(n: int, size: int = BATCH) -> Iterator[slice]:
    for lo in range(0, n, size):
        yield slice(lo, min(n, lo + size))


def retrieve(retriever: Any, claims: Sequence[Claim], top_k: int, per_claim_doc: bool) -> list[list[Any]]:
    texts = [c.text for c in claims]
    doc_ids = doc_restriction(claims, per_claim_doc)
    found: list[list[Any]] = []
    for part in batches(len(texts)):
        found.extend(retriever.run(texts[part], top_k, None if doc_ids is None else doc_ids[part]))
    return found


def top1(evidence: Sequence[Any]) -> float:
    return max((e.similarity for e in evidence), default=-math.inf)


def similarity_confidence(top: float, tau: float) -> float:
    """The baseline's confidence: a logistic of the cosine's distance from its threshold
    (uncalibrated by design: it is what a user of plain similarity would have)."""
    if not math.isfinite(top):
        return 1.0
    p_supported = 1.0 / (1.0 + math.exp(-10.0 * (top - tau)))
    return p_supported if top >= tau else 1.0 - p_supported


def reliability_plot(path: Path, runs: dict[str, SystemRun], claims: Sequence[Claim]) -> None:
    """Reliability diagram (10 bins): accuracy against mean confidence per bin, one line per system."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    gold = [c.label for c in claims]
    fig, ax = plt.subplots(figsize=(5, 5), dpi=120)
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfectly calibrated")
    for name, run in runs.items():
        if run.confidences is None:
            continue
        correct = [p == g for p, g in zip(run.predictions, gold, strict=True)]
        xs, ys = [], []
        for _lo, _hi, idx in reliability_bins(run.confidences):
            if idx:
                xs.append(sum(run.confidences[i] for i in idx) / len(idx))
                ys.append(sum(correct[i] for i in idx) / len(idx))
        ece = expected_calibration_error(run.confidences, correct)
        ax.plot(xs, ys, marker="o", label=f"{name} (ECE {ece:.3f})")
    ax.set_xlabel("confidence")
    ax.set_ylabel("accuracy")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_title("Reliability")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp.png")
    fig.savefig(tmp)
    plt.close(fig)
    os.replace(tmp, path)


def threshold_predictions(scores: Sequence[float], tau: float) -> list[str]:
    return ["supported" if s >= tau else "unknown" for s in scores]


def tune_threshold(scores: Sequence[float], gold: Sequence[str]) -> tuple[float, float]:
    """The threshold with the best macro-F1 on (train) ``scores``; ties go to the lowest threshold.

    Candidates sit halfway between consecutive distinct scores, plus just below the lowest
    (everything supported) and just above the highest (everything unknown).
    """
    values = sorted({s for s in scores if math.isfinite(s)})
    if not values:
        return FIXED_THRESHOLD, macro_f1(confusion(gold, threshold_predictions(scores, FIXED_THRESHOLD)))
    candidates = [values[0] - 1e-4]
    candidates += [(a + b) / 2 for a, b in zip(values, values[1:], strict=False)]
    candidates.append(values[-1] + 1e-4)
    best_tau, best_f1 = candidates[0], -1.0
    for tau in candidates:
        f1 = macro_f1(confusion(gold, threshold_predictions(scores, tau)))
        if f1 > best_f1 + 1e-12:
            best_tau, best_f1 = tau, f1
    return round(best_tau, 5), best_f1


@dataclass
class SystemRun:
    predictions: list[str]
    ranked: list[list[frozenset[str]]] | None  # None: the system retrieves nothing
    seconds: float
    confidences: list[float] | None = None  # the system's probability that its label is right


def score(run: SystemRun, claims: Sequence[Claim]) -> dict[str, Any]:
    gold = [c.label for c in claims]
    matrix = confusion(gold, run.predictions)
    numeric = [i for i, c in enumerate(claims) if c.has_number]
    num_matrix = confusion([gold[i] for i in numeric], [run.predictions[i] for i in numeric])
    gold_ids = [c.evidence_ids for c in claims]
    return {
        "accuracy": accuracy(matrix),
        "macro_f1": macro_f1(matrix),
        "per_class": per_class_prf(matrix),
        "confusion": matrix,
        "recall_at_1": None if run.ranked is None else recall_at_k(run.ranked, gold_ids, 1),
        "recall_at_5": None if run.ranked is None else recall_at_k(run.ranked, gold_ids, 5),
        "numeric": {
            "n": len(numeric),
            "accuracy": accuracy(num_matrix) if numeric else None,
            "macro_f1": macro_f1(num_matrix) if numeric else None,
        },
        "claims_per_second": len(claims) / run.seconds if run.seconds > 0 else None,
        "seconds": run.seconds,
        "ece": None
        if run.confidences is None
        else expected_calibration_error(
            run.confidences, [p == g for p, g in zip(run.predictions, gold, strict=True)]
        ),
    }


# --- output --------------------------------------------------------------------------------------------


def _num(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _rate(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 1e6:
        return f"{value / 1e6:.1f}M"
    if value >= 1e4:
        return f"{value / 1e3:.0f}k"
    return f"{value:.0f}" if value >= 100 else f"{value:.1f}"


def render(result: dict[str, Any]) -> str:
    systems = result["systems"]
    reranked = ", reranked" if result.get("retrieval", {}).get("rerank") else ""
    lines = [
        f"dataset {result['dataset']}: {result['n_claims']} claims "
        f"({systems['verifier']['numeric']['n']} numeric), corpus {result['corpus_documents']} documents / "
        f"{result['index_sentences']} verifier sentences, top-k {result['top_k']}, "
        f"judge {result['judge']}{reranked}, retrieval "
        + ("within each claim's source_doc" if result["per_claim_doc"] else "from the whole pool"),
    ]
    if result["index_reused"]:
        lines.append("index: reused from --index-cache (corpus fingerprint matches)")
    else:
        lines.append(f"index: built in {result['index_build_seconds']:.1f} s")
    sim = systems["similarity"]
    lines.append(
        f"similarity threshold {sim['threshold']:.4f} ({sim['threshold_source']})"
        + ("" if sim["train_macro_f1"] is None else f", train macro-F1 {sim['train_macro_f1']:.3f}")
    )
    if result["majority_label"]:
        lines.append(f"majority label: {result['majority_label']} ({result['majority_source']})")
    lines.append("")
    header = (
        f"{'system':<11}{'acc':>7}{'macroF1':>9}{'F1 sup':>8}{'F1 con':>8}{'F1 unk':>8}"
        f"{'R@1':>7}{'R@5':>7}{'num acc':>9}{'num F1':>8}{'ECE':>7}{'claims/s':>10}"
    )
    lines += [header, "-" * len(header)]
    for name in SYSTEMS:
        s = systems[name]
        f1 = [s["per_class"][label]["f1"] for label in LABELS]
        lines.append(
            f"{name:<11}{_num(s['accuracy']):>7}{_num(s['macro_f1']):>9}"
            + "".join(f"{_num(v):>8}" for v in f1)
            + f"{_num(s['recall_at_1']):>7}{_num(s['recall_at_5']):>7}"
            f"{_num(s['numeric']['accuracy']):>9}{_num(s['numeric']['macro_f1']):>8}"
            f"{_num(s['ece']):>7}{_rate(s['claims_per_second']):>10}"
        )
    lines += ["", "verifier confusion (rows = gold, columns = predicted):"]
    width = max(len(label) for label in LABELS) + 2
    lines.append(" " * width + "".join(f"{label:>{width}}" for label in LABELS) + f"{'total':>{width}}")
    for label, row in zip(LABELS, systems["verifier"]["confusion"], strict=True):
        lines.append(f"{label:<{width}}" + "".join(f"{v:>{width}}" for v in row) + f"{sum(row):>{width}}")
    per_class = systems["verifier"]["per_class"]
    lines.append(
        "verifier precision / recall: "
        + ", ".join(
            f"{label} {per_class[label]['precision']:.3f} / {per_class[label]['recall']:.3f}"
            for label in LABELS
        )
    )
    return "\n".join(lines)


def write_json(path: Path, data: dict[str, Any]) -> None:
    from verifier.diskio import write_atomic_text

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic_text(path, json.dumps(data, indent=2) + "\n")


def write_predictions(
    path: Path, claims: Sequence[Claim], verdicts: Sequence[Any], run: SystemRun, top_k: int
) -> None:
    """One line per claim, for reading the errors: what was expected, what came back, with which
    evidence, and whether any gold evidence sentence was among the first ``top_k``."""
    from verifier.diskio import write_atomic_text

    lines = []
    for claim, verdict, ranked in zip(claims, verdicts, run.ranked or [], strict=True):
        found = None
        if claim.evidence_ids:
            found = any(claim.evidence_ids & ids for ids in ranked[:top_k])
        row = {
            "id": claim.id,
            "claim": claim.text,
            "gold": claim.label,
            "label": verdict.label,
            "confidence": verdict.confidence,
            "explanation": verdict.explanation,
            "gold_evidence_found": found,
            "evidence": [
                {"doc_id": e.doc_id, "text": e.text, "stance": e.stance, "probability": e.stance_probability}
                for e in verdict.evidence
            ],
        }
        lines.append(json.dumps(row, ensure_ascii=False))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic_text(path, "\n".join(lines) + "\n")


# --- main ----------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=Path, required=True, help="claims to measure (JSONL)")
    parser.add_argument("--corpus", type=Path, required=True, help="corpus to retrieve from (JSONL)")
    parser.add_argument("--train", type=Path, help="train claims: majority label and similarity threshold")
    parser.add_argument(
        "--per-claim-doc", action="store_true", help="judge each claim only against its own source_doc"
    )
    parser.add_argument("--limit", type=_positive, help="only the first N claims (smoke runs)")
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    parser.add_argument("--top-k", type=_positive, default=5, help="evidence sentences per claim (default 5)")
    parser.add_argument("--index-cache", type=Path, help="build the index here, or reuse it when it matches")
    parser.add_argument(
        "--judge",
        choices=("auto", "model", "facts"),
        default="auto",
        help="the verifier's judge: the shipped model with the fact layer (auto/model) or facts alone",
    )
    parser.add_argument("--plot", type=Path, help="draw a reliability diagram of every system to this PNG")
    parser.add_argument(
        "--predictions",
        type=Path,
        help="write each claim's verdict here (JSONL: gold, label, confidence, evidence found)",
    )
    parser.add_argument(
        "--model", type=Path, help="another trained judge folder (model.onnx, tokenizer.json, judge.json)"
    )
    parser.add_argument(
        "--rerank",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="re-order the candidate pool with the model before judging (default: the model's own choice)",
    )
    return parser.parse_args(argv)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def evaluate(args: argparse.Namespace) -> dict[str, Any]:
    corpus = load_corpus(args.corpus)
    claims = load_claims(args.claims, corpus, need_source=args.per_claim_doc, scored=True, limit=args.limit)
    train = (
        load_claims(args.train, corpus, need_source=args.per_claim_doc, scored=False) if args.train else None
    )

    from verifier.api import Verifier
    from verifier.embed import Embedder
    from verifier.retrieve import Retriever
    from verifier.types import Document

    embedder = Embedder()
    docs = [Document(doc_id=d.doc_id, text=d.text, title=d.title, source="") for d in corpus.values()]
    opened = open_index(docs, args.index_cache, embedder)
    try:
        embedder.encode(["load the model before any timing"])
        mapper = GoldMapper(corpus)
        runs: dict[str, SystemRun] = {}

        # majority: the most frequent train label (ties: the first in LABELS order)
        source = train if train is not None else claims
        counts = Counter(c.label for c in source)
        majority = max(LABELS, key=lambda label: (counts[label], -LABELS.index(label)))
        start = time.perf_counter()
        share = counts[majority] / max(1, sum(counts.values()))
        runs["majority"] = SystemRun(
            [majority for _ in claims], None, time.perf_counter() - start, [share for _ in claims]
        )

        # similarity: top-1 cosine against a threshold tuned on train only
        retriever = Retriever(opened.index, embedder, args.top_k)
        if train is not None:
            train_scores = [top1(ev) for ev in retrieve(retriever, train, args.top_k, args.per_claim_doc)]
            tau, train_f1 = tune_threshold(train_scores, [c.label for c in train])
            tau_source = f"maximises macro-F1 on {len(train)} --train claims"
        else:
            tau, train_f1 = FIXED_THRESHOLD, None
            tau_source = "fixed: no --train file to tune it on"
        start = time.perf_counter()
        found = retrieve(retriever, claims, args.top_k, args.per_claim_doc)
        tops = [top1(ev) for ev in found]
        predictions = threshold_predictions(tops, tau)
        seconds = time.perf_counter() - start
        runs["similarity"] = SystemRun(
            predictions,
            [mapper.ranked(ev) for ev in found],
            seconds,
            [similarity_confidence(t, tau) for t in tops],
        )

        # verifier: the real pipeline through the public API
        verifier = Verifier.from_index(
            opened.index,
            embedder,
            top_k=args.top_k,
            judge=args.judge,
            model_dir=args.model,
            rerank=args.rerank,
        )
        texts = [c.text for c in claims]
        doc_ids = doc_restriction(claims, args.per_claim_doc)
        verdicts = []
        start = time.perf_counter()
        for part in batches(len(texts)):
            verdicts.extend(
                verifier.check_many(texts[part], None, None if doc_ids is None else doc_ids[part])
            )
        seconds = time.perf_counter() - start
        runs["verifier"] = SystemRun(
            [v.label for v in verdicts],
            [mapper.ranked(v.evidence) for v in verdicts],
            seconds,
            [v.confidence for v in verdicts],
        )

        if args.predictions is not None:
            write_predictions(args.predictions, claims, verdicts, runs["verifier"], args.top_k)
        systems = {name: score(runs[name], claims) for name in SYSTEMS}
        if args.plot is not None:
            reliability_plot(args.plot, runs, claims)
        systems["similarity"].update(
            {"threshold": tau, "threshold_source": tau_source, "train_macro_f1": train_f1}
        )
        systems["majority"]["label"] = majority
        return {
            "dataset": f"{args.claims.resolve().parent.name}/{args.claims.stem}",
            "n_claims": len(claims),
            "labels": list(LABELS),
            "systems": systems,
            "index_build_seconds": opened.build_seconds,
            "index_reused": opened.reused,
            "index_sentences": len(opened.index),
            "corpus_documents": len(corpus),
            "top_k": args.top_k,
            "judge": args.judge,
            "retrieval": verifier.retriever.to_dict(),
            "per_claim_doc": args.per_claim_doc,
            "majority_label": majority,
            "majority_source": f"most frequent label of {'--train' if train is not None else 'the claims'}",
            "claims_file": str(args.claims),
            "corpus_file": str(args.corpus),
            "train_file": None if args.train is None else str(args.train),
        }
    finally:
        if opened.tmp is not None:
            opened.tmp.cleanup()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    prog = Path(sys.argv[0]).name or "evaluate.py"
    try:
        result = evaluate(args)
        print(render(result))
        if args.json is not None:
            write_json(args.json, result)
            print(f"\nwrote {args.json}")
    except (InputError, VerifierError) as exc:
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"{prog}: error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
