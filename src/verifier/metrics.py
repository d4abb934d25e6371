"""Scores for measuring the verifier: label metrics, evidence recall and sentence mapping.

Pure functions over plain lists and dicts (no numpy), so every number the
evaluation script prints can be checked by hand in a test.

Conventions (the same for every system, so they compare fairly):

- A confusion matrix is ``matrix[gold][predicted]``: rows are gold labels, columns
  are predictions, both in the order of ``labels`` (by default supported,
  contradicted, unknown).
- Precision of a class that is never predicted is 0; recall of a class with no
  gold claims is 0; F1 is 0 whenever precision + recall is 0. So a class with no
  gold and no predictions scores F1 = 0, and it is *still* averaged in:
  macro-F1 is always the plain mean over all ``len(labels)`` classes. That
  penalises a system that never says "contradicted", which is the point: a
  subset average would let a two-label system look as good as a three-label one.
- Accuracy of an empty set of claims is 0 (callers that can have an empty slice
  should report it as missing instead).
- Evidence recall@k counts only claims that have gold evidence; with none it is
  ``None`` (not 0: there is nothing to recall).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Hashable, Sequence

from verifier.types import LABELS

Matrix = list[list[int]]


def confusion(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS) -> Matrix:
    """Count (gold, predicted) pairs into ``matrix[gold][predicted]`` in the order of ``labels``."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    position = {label: i for i, label in enumerate(labels)}
    if len(position) != len(labels):
        raise ValueError("labels must be distinct")
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        for value in (g, p):
            if value not in position:
                raise ValueError(f"label {value!r} is not one of {', '.join(labels)}")
        matrix[position[g]][position[p]] += 1
    return matrix


def _check_square(matrix: Matrix) -> int:
    n = len(matrix)
    if any(len(row) != n for row in matrix):
        raise ValueError("a confusion matrix must be square")
    return n


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def per_class_prf(matrix: Matrix, labels: Sequence[str] = LABELS) -> dict[str, dict[str, float | int]]:
    """Precision, recall, F1 and support (number of gold claims) of every class, by label."""
    n = _check_square(matrix)
    if n != len(labels):
        raise ValueError(f"a {n}x{n} matrix needs {n} labels, got {len(labels)}")
    scores: dict[str, dict[str, float | int]] = {}
    for i, label in enumerate(labels):
        tp = matrix[i][i]
        support = sum(matrix[i])
        predicted = sum(row[i] for row in matrix)
        precision = _ratio(tp, predicted)
        recall = _ratio(tp, support)
        f1 = _ratio(2 * precision * recall, precision + recall)
        scores[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    return scores


def macro_f1(matrix: Matrix) -> float:
    """Unweighted mean of the per-class F1 over *all* classes of the matrix (see module docstring)."""
    n = _check_square(matrix)
    if n == 0:
        return 0.0
    labels = [str(i) for i in range(n)]
    return sum(float(s["f1"]) for s in per_class_prf(matrix, labels).values()) / n


def accuracy(matrix: Matrix) -> float:
    """Share of claims on the diagonal; 0 for an empty matrix."""
    n = _check_square(matrix)
    total = sum(sum(row) for row in matrix)
    return _ratio(sum(matrix[i][i] for i in range(n)), total)


def recall_at_k(
    retrieved: Sequence[Sequence[Collection[Hashable]]],
    gold: Sequence[Collection[Hashable]],
    k: int,
) -> float | None:
    """Share of claims with gold evidence whose first ``k`` retrieved items hit any gold id.

    ``retrieved[i]`` is claim i's ranked list; each item is the *set* of gold-space ids
    that retrieved sentence stands for (a verifier sentence can cover several corpus
    sentences, or none). Claims with no gold ids are skipped; ``None`` when no claim has any.
    """
    if len(retrieved) != len(gold):
        raise ValueError(f"{len(retrieved)} retrieval lists but {len(gold)} gold sets")
    if k < 1:
        raise ValueError("k must be at least 1")
    counted = hits = 0
    for ranked, wanted in zip(retrieved, gold, strict=True):
        if not wanted:
            continue
        counted += 1
        wanted_set = set(wanted)
        if any(wanted_set.intersection(item) for item in ranked[:k]):
            hits += 1
    return hits / counted if counted else None


def _locate(text: str, sentence: str, pos: int) -> tuple[int, int] | None:
    """Find ``sentence`` in ``text`` at or after ``pos``, exactly or up to whitespace."""
    found = text.find(sentence, pos)
    if found >= 0:
        return found, found + len(sentence)
    tokens = sentence.split()
    # Any run of whitespace (tab, newline, double space) matches any other; then also
    # whitespace that one side has and the other lacks ("79.On" vs "79. On").
    for gap in (r"\s+", r"\s*"):
        match = re.compile(gap.join(re.escape(t) for t in tokens)).search(text, pos)
        if match:
            return match.start(), match.end()
    return None


def locate_sentences(text: str, sentences: Sequence[str]) -> list[tuple[int, int] | None]:
    """Character span of each sentence in ``text`` (``None`` where it cannot be found).

    Sentences are searched in order, each from the end of the previous one found, so a
    sentence repeated in the text maps to its own occurrence; one that is not found
    after that point is looked for from the start before giving up.
    """
    spans: list[tuple[int, int] | None] = []
    pos = 0
    for sentence in sentences:
        if not sentence.strip():
            spans.append(None)
            continue
        span = _locate(text, sentence.strip(), pos)
        if span is None and pos:
            span = _locate(text, sentence.strip(), 0)
        spans.append(span)
        if span is not None and span[1] > pos:
            pos = span[1]
    return spans


def map_sentences(
    text: str,
    corpus_sentences: Sequence[str],
    verifier_spans: Sequence[tuple[int, int]],
) -> dict[int, set[int]]:
    """Map each verifier sentence (its index in ``verifier_spans``) to the corpus sentences it overlaps.

    The corpus's own sentence split (``corpus_sentences``, texts) and the verifier's split
    (``verifier_spans``, (start, end) offsets into ``text``) can differ: the verifier may
    merge two corpus sentences (its sentence maps to both) or cut one in two (both pieces
    map to it). Overlap means sharing at least one character. Every verifier index is a
    key; a sentence that overlaps no located corpus sentence maps to an empty set.
    """
    located = [(i, span) for i, span in enumerate(locate_sentences(text, corpus_sentences)) if span]
    mapping: dict[int, set[int]] = {}
    for v, (start, end) in enumerate(verifier_spans):
        mapping[v] = {i for i, (c_start, c_end) in located if start < c_end and c_start < end}
    return mapping


def reliability_bins(confidences: Sequence[float], bins: int = 10) -> list[tuple[float, float, list[int]]]:
    """Equal-width confidence bins (lo, hi], the first one closed: the indices in each."""
    if bins < 1:
        raise ValueError("bins must be at least 1")
    out: list[tuple[float, float, list[int]]] = [(i / bins, (i + 1) / bins, []) for i in range(bins)]
    for i, c in enumerate(confidences):
        if not 0.0 <= c <= 1.0:
            raise ValueError(f"confidence {c} is not a probability")
        b = min(bins - 1, max(0, math.ceil(c * bins) - 1))
        out[b][2].append(i)
    return out


def expected_calibration_error(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = 10
) -> float | None:
    """ECE: the bin-size-weighted mean gap between accuracy and mean confidence (10 bins)."""
    if len(confidences) != len(correct):
        raise ValueError(f"{len(confidences)} confidences but {len(correct)} outcomes")
    if not confidences:
        return None
    total = 0.0
    for _, _, idx in reliability_bins(confidences, bins):
        if idx:
            conf = sum(confidences[i] for i in idx) / len(idx)
            acc = sum(1.0 for i in idx if correct[i]) / len(idx)
            total += len(idx) / len(confidences) * abs(acc - conf)
    return total
