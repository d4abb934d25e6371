"""The trained verification model: a cross-encoder over (claim, evidence sentence).

It ships inside the package (``verifier/models/judge``: int8 ONNX + tokenizer + judge.json)
and runs with onnxruntime and tokenizers only, so the check path never imports torch.
``scripts/train_judge.py`` makes it; its model card says on what.

This module only runs the model; how its reading is combined with the fact layer's into a
verdict is :mod:`verifier.modeljudge`'s, so that the model can be loaded and scored (by
retrieval's reranker, the training and calibration scripts) without the judge's rules.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Sequence
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from verifier.embed import WEIGHTS_FILE, length_batches, onnx_session, packaged_weights, parallel_map
from verifier.errors import VerifierError

MODEL_FILES = ("model.onnx", "tokenizer.json", "judge.json")


def default_model_dir() -> Path:
    return Path(str(resources.files("verifier") / "models" / "judge"))


def model_available(model_dir: Path | None = None) -> bool:
    directory = model_dir or default_model_dir()
    return all((directory / name).is_file() for name in MODEL_FILES)


_BARE_NUMBER = re.compile(r"(?<![\w.,/:-])(\d{4,})(?![\w]|[.,:/-]\d)")


def grouped(text: str) -> str:
    """Large figures written the way the model read them in training: "2500 troops" as "2,500
    troops" (tokenised, "2500" and "2,500" are unrelated strings, and the model read the
    same figure as a different one). Four-digit numbers that could be years stay as written."""

    def group(m: re.Match[str]) -> str:
        digits = m.group(1)
        if len(digits) == 4 and 1000 <= int(digits) <= 2100 or digits.startswith("0"):
            return digits
        return f"{int(digits):,}"

    return _BARE_NUMBER.sub(group, text)


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class NLIModel:
    """Calibrated probabilities over (supported, contradicted, unknown) for claim/evidence pairs,
    and, where the model was trained with one (``relevance_output`` in judge.json), a relevance
    logit: how likely the sentence is the claim's evidence among other retrieved sentences."""

    def __init__(
        self, model_dir: str | Path | None = None, batch_size: int = 1, memo_size: int = 50_000
    ) -> None:
        self.model_dir = Path(model_dir) if model_dir else default_model_dir()
        if not model_available(self.model_dir):
            raise VerifierError(f"no verification model in {self.model_dir} (needs {', '.join(MODEL_FILES)})")
        self.meta: dict[str, Any] = json.loads((self.model_dir / "judge.json").read_text(encoding="utf-8"))
        if list(self.meta.get("labels", [])) != ["supported", "contradicted", "unknown"]:
            raise VerifierError(
                f"{self.model_dir / 'judge.json'} has unexpected labels {self.meta.get('labels')}"
            )
        # One pair per run: dynamic int8 quantisation scales activations over the whole input
        # tensor, so in a batch a pair's scores would depend on its batch mates (and a claim's
        # verdict on what else was checked with it). It is also the fastest here: on
        # Climate-FEVER pairs batch 1 ran ~310 pairs/s on 2 cores, batch 32 ~225.
        self.batch_size = batch_size
        self.max_length = int(self.meta.get("max_length", 128))
        self.temperature = float(self.meta.get("temperature", 1.0))
        relevance = self.meta.get("relevance_output")
        if relevance is not None and relevance != 3:
            raise VerifierError(
                f"{self.model_dir / 'judge.json'}: relevance_output must be 3, not {relevance}"
            )
        self.has_relevance = relevance is not None
        self.width = 4 if self.has_relevance else 3
        # Reranking scores the pool and the judge then scores the chosen top-k: the same pairs.
        # Remembering logits per pair means each pair runs through the model once.
        self.memo_size = memo_size
        self._memo: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()

    @cached_property
    def _session(self) -> Any:
        shared = self.meta.get("external_weights")
        if not shared:
            return onnx_session(self.model_dir / "model.onnx")
        # The word-embedding table is the packaged base model's own (frozen in training): the
        # graph reads it from that safetensors file by offset, in fp32, instead of carrying
        # an int8 copy of it.
        weights = packaged_weights(shared["header_sha256"], user="verification model")
        return onnx_session(self.model_dir / "model.onnx", external={WEIGHTS_FILE: weights})

    @cached_property
    def _tokenizer(self) -> Any:
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        # Truncate the evidence, never the claim: the claim is what is being judged.
        tok.enable_truncation(max_length=self.max_length, strategy="only_second")
        tok.enable_padding(pad_id=0, pad_token="[PAD]")
        return tok

    def logits(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Raw outputs per pair: the three stance logits, then relevance where the model has it."""
        out = np.zeros((len(pairs), self.width), dtype=np.float32)
        todo: dict[tuple[str, str], list[int]] = {}
        for i, pair in enumerate(pairs):
            key = (pair[0], pair[1])
            hit = self._memo.get(key)
            if hit is not None:
                out[i] = hit
            else:
                todo.setdefault(key, []).append(i)
        if todo:
            keys = list(todo)
            fresh = self._run(keys)
            for key, row in zip(keys, fresh, strict=True):
                out[todo[key]] = row
                self._memo[key] = row
            while len(self._memo) > self.memo_size:
                self._memo.popitem(last=False)
        return out

    def _run(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """One pass of the model over distinct pairs, in length-sorted batches (little padding)."""
        out = np.zeros((len(pairs), self.width), dtype=np.float32)
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        names = {i.name for i in self._session.get_inputs()}
        tokenizer = self._tokenizer  # built here, not raced for by the worker threads

        def run(idx: list[int]) -> np.ndarray:
            enc = tokenizer.encode_batch([(grouped(pairs[i][0]), grouped(pairs[i][1])) for i in idx])
            feeds = {
                "input_ids": np.array([e.ids for e in enc], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in enc], dtype=np.int64),
                "token_type_ids": np.array([e.type_ids for e in enc], dtype=np.int64),
            }
            return self._session.run(None, {k: v for k, v in feeds.items() if k in names})[0]

        batches = length_batches(order, self.batch_size)
        for idx, logits in zip(batches, parallel_map(run, batches), strict=True):
            out[idx] = logits
        return out

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Temperature-scaled probabilities, columns in the order of ``labels``."""
        return softmax(self.logits(pairs)[:, :3] / self.temperature)

    def relevance(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray | None:
        """The relevance logit per pair (only its order within a claim's candidates means
        anything), or None for a stance-only model."""
        return self.logits(pairs)[:, 3] if self.has_relevance else None
