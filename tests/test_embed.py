"""Tests for verifier.embed: the ONNX and torch backends agree; shapes, order, round trip."""

from __future__ import annotations

import numpy as np
import pytest

from verifier.embed import DIMENSION, Embedder

SENTENCES = [
    "Global warming is driving polar bears toward extinction.",
    "The Arctic sea ice extent reached a record low in September 2012, well below the 1979-2000 average.",
    "Carbon dioxide concentrations have risen from 280 ppm before the industrial era to over 410 ppm today.",
    "Volcanoes emit far less CO2 than human activities.",
    "Short.",
    "How many US troops are in Iraq?",
]


def test_backends_agree(embedder: Embedder) -> None:
    pytest.importorskip("sentence_transformers")
    onnx_vectors = embedder.encode(SENTENCES)
    torch_vectors = Embedder(backend="torch").encode(SENTENCES)
    assert onnx_vectors.shape == torch_vectors.shape == (len(SENTENCES), DIMENSION)
    cosine = (onnx_vectors * torch_vectors).sum(axis=1)
    # The same fp32 weights on both sides: only float rounding may differ (the issue's
    # floor is 0.999; the int8 model this replaced reached 0.9995).
    assert cosine.min() >= 0.99999, cosine


def test_encode_is_normalised_and_order_preserving(embedder: Embedder) -> None:
    vectors = embedder.encode(SENTENCES)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    single = np.stack([embedder.encode([s])[0] for s in SENTENCES])
    # Batching (padding) must not change a sentence's vector beyond float rounding.
    assert (single * vectors).sum(axis=1).min() >= 0.99999
    assert embedder.encode([]).shape == (0, DIMENSION)


def test_to_dict_round_trip() -> None:
    e = Embedder(backend="torch", batch_size=8)
    assert Embedder.from_dict(e.to_dict()).to_dict() == e.to_dict()
    with pytest.raises(ValueError):
        Embedder(backend="nope")


def test_weights_of_another_layout_are_refused() -> None:
    """The graph reads the packaged safetensors by byte offset: a file laid out otherwise
    must stop with a clear error, not embed garbage."""
    from verifier.embed import WEIGHTS_FILE, _check_weights_layout, _gt_model_dir
    from verifier.errors import VerifierError

    weights = (_gt_model_dir() / WEIGHTS_FILE).read_bytes()
    _check_weights_layout(weights)
    header_len = 8 + int.from_bytes(weights[:8], "little")
    shifted = weights[:header_len].replace(b'"data_offsets":[0,', b'"data_offsets":[1,', 1)
    assert shifted != weights[:header_len]
    with pytest.raises(VerifierError, match="laid out differently"):
        _check_weights_layout(shifted + weights[header_len:])


def test_export_script_rebuilds_the_shipped_graph(tmp_path) -> None:
    """scripts/export_embedder.py (train extra) must keep producing a graph that embeds like
    the shipped one, so the shipped 110 kB file can always be rebuilt from the packages."""
    pytest.importorskip("torch")
    pytest.importorskip("onnx")
    import importlib.util
    import json
    from pathlib import Path

    from verifier.embed import GRAPH_FILE, WEIGHTS_FILE, _gt_model_dir, onnx_session

    path = Path(__file__).resolve().parents[1] / "scripts" / "export_embedder.py"
    spec = importlib.util.spec_from_file_location("export_embedder", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    meta = module.export(tmp_path)
    shipped = json.loads((GRAPH_FILE.parent / "embedder.json").read_text(encoding="utf-8"))
    assert meta["weights_header_sha256"] == shipped["weights_header_sha256"]
    assert meta["max_abs_diff_vs_torch"] < 1e-4
    weights = {WEIGHTS_FILE: (_gt_model_dir() / WEIGHTS_FILE).read_bytes()}
    feeds = {
        "input_ids": np.array([[101, 7592, 2088, 102]]),
        "attention_mask": np.ones((1, 4), dtype=np.int64),
        "token_type_ids": np.zeros((1, 4), dtype=np.int64),
    }
    new = onnx_session(tmp_path / "model.onnx", external=weights).run(None, feeds)[0]
    old = onnx_session(GRAPH_FILE, external=weights).run(None, feeds)[0]
    np.testing.assert_allclose(new, old, atol=1e-5)
