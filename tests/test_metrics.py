"""Tests for verifier.metrics: hand-computed scores, evidence recall and the sentence mapping."""

from __future__ import annotations

import pytest

from verifier.metrics import (
    accuracy,
    confusion,
    locate_sentences,
    macro_f1,
    map_sentences,
    per_class_prf,
    recall_at_k,
)
from verifier.segment import split_sentences
from verifier.types import LABELS

S, C, U = LABELS


def test_labels_are_in_the_documented_order() -> None:
    assert LABELS == ("supported", "contradicted", "unknown")


def test_confusion_rows_are_gold_columns_are_predicted() -> None:
    gold = [S, S, C, U, U, U]
    pred = [S, U, S, U, U, C]
    assert confusion(gold, pred) == [
        [1, 0, 1],
        [1, 0, 0],
        [0, 1, 2],
    ]


def test_confusion_rejects_unknown_labels_and_length_mismatch() -> None:
    with pytest.raises(ValueError, match="not one of"):
        confusion([S], ["SUPPORTED"])
    with pytest.raises(ValueError, match="2 gold labels but 1 predictions"):
        confusion([S, U], [S])


def test_symmetric_matrix() -> None:
    #            pred S  C  U
    matrix = [
        [5, 1, 2],  # gold S: support 8
        [1, 3, 0],  # gold C: support 4
        [2, 0, 4],  # gold U: support 6
    ]
    # column sums equal row sums (8, 4, 6), so precision = recall for every class:
    # F1_S = 5/8 = 0.625, F1_C = 3/4 = 0.75, F1_U = 4/6 = 0.6667
    # macro-F1 = (0.625 + 0.75 + 0.666667) / 3 = 0.680556; accuracy = 12/18
    scores = per_class_prf(matrix)
    assert scores[S] == pytest.approx({"precision": 0.625, "recall": 0.625, "f1": 0.625, "support": 8})
    assert scores[C]["f1"] == pytest.approx(0.75)
    assert scores[U]["f1"] == pytest.approx(2 / 3)
    assert macro_f1(matrix) == pytest.approx((0.625 + 0.75 + 2 / 3) / 3)
    assert macro_f1(matrix) == pytest.approx(0.680556, abs=1e-6)
    assert accuracy(matrix) == pytest.approx(12 / 18)


def test_asymmetric_matrix() -> None:
    matrix = [
        [3, 0, 1],  # gold S: support 4
        [1, 1, 0],  # gold C: support 2
        [2, 0, 2],  # gold U: support 4
    ]
    # predicted: S 6, C 1, U 3
    # S: P = 3/6 = 0.5, R = 3/4 = 0.75, F1 = 2*0.5*0.75/1.25 = 0.6
    # C: P = 1/1 = 1, R = 1/2 = 0.5, F1 = 2*1*0.5/1.5 = 2/3
    # U: P = 2/3, R = 2/4 = 0.5, F1 = 2*(2/3)*(1/2)/(7/6) = 4/7
    # macro-F1 = (0.6 + 0.666667 + 0.571429) / 3 = 0.612698; accuracy = 6/10
    scores = per_class_prf(matrix)
    assert scores[S] == pytest.approx({"precision": 0.5, "recall": 0.75, "f1": 0.6, "support": 4})
    assert scores[C] == pytest.approx({"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 2})
    assert scores[U] == pytest.approx({"precision": 2 / 3, "recall": 0.5, "f1": 4 / 7, "support": 4})
    assert macro_f1(matrix) == pytest.approx(0.612698, abs=1e-6)
    assert accuracy(matrix) == pytest.approx(0.6)


def test_empty_class_counts_as_zero_in_the_macro_average() -> None:
    matrix = [
        [3, 0, 1],
        [0, 0, 0],  # no contradicted claims, and none predicted
        [1, 0, 3],
    ]
    # S: P = R = 3/4 -> F1 0.75; C: F1 0 by convention; U: P = R = 3/4 -> F1 0.75
    # macro-F1 = (0.75 + 0 + 0.75) / 3 = 0.5 (not 0.75: the empty class is still averaged)
    scores = per_class_prf(matrix)
    assert scores[C] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    assert macro_f1(matrix) == pytest.approx(0.5)
    assert accuracy(matrix) == pytest.approx(6 / 8)


def test_class_never_predicted_has_zero_precision() -> None:
    # always "supported": S [2,0,0], C [1,0,0], U [1,0,0]
    matrix = confusion([S, S, C, U], [S, S, S, S])
    # S: P = 2/4, R = 1, F1 = 2/3; C and U: P = 0 (never predicted), R = 0, F1 = 0
    # macro-F1 = (2/3) / 3 = 2/9
    scores = per_class_prf(matrix)
    assert scores[C]["precision"] == 0.0 and scores[U]["precision"] == 0.0
    assert scores[S]["f1"] == pytest.approx(2 / 3)
    assert macro_f1(matrix) == pytest.approx(2 / 9)
    assert accuracy(matrix) == pytest.approx(0.5)


def test_all_correct() -> None:
    gold = [S, C, U, S, U]
    matrix = confusion(gold, gold)
    assert accuracy(matrix) == 1.0
    assert macro_f1(matrix) == 1.0
    assert all(s["precision"] == s["recall"] == s["f1"] == 1.0 for s in per_class_prf(matrix).values())


def test_all_correct_with_a_missing_class_is_two_thirds() -> None:
    gold = [S, U, S, U]
    assert macro_f1(confusion(gold, gold)) == pytest.approx(2 / 3)


def test_all_wrong() -> None:
    matrix = confusion([S, C, U, S], [C, U, S, U])
    assert accuracy(matrix) == 0.0
    assert macro_f1(matrix) == 0.0


def test_empty_input() -> None:
    matrix = confusion([], [])
    assert matrix == [[0, 0, 0], [0, 0, 0], [0, 0, 0]]
    assert accuracy(matrix) == 0.0
    assert macro_f1(matrix) == 0.0


def test_per_class_needs_a_square_matrix_and_matching_labels() -> None:
    with pytest.raises(ValueError):
        per_class_prf([[1, 2], [3]], ["a", "b"])
    with pytest.raises(ValueError):
        per_class_prf([[1, 0], [0, 1]])


# --- recall@k ----------------------------------------------------------------------------------


def test_recall_at_k_counts_only_claims_with_gold_ids() -> None:
    retrieved = [
        [{"d:0"}, {"d:1"}],  # gold d:1 at rank 2
        [{"x:0"}],  # no gold: skipped
        [{"e:2", "e:3"}, {"e:9"}],  # a merged sentence covering gold e:2 at rank 1
        [],  # nothing retrieved: a miss
    ]
    gold = [{"d:1"}, set(), {"e:0", "e:2"}, {"f:0"}]
    assert recall_at_k(retrieved, gold, 1) == pytest.approx(1 / 3)
    assert recall_at_k(retrieved, gold, 2) == pytest.approx(2 / 3)
    assert recall_at_k(retrieved, gold, 5) == pytest.approx(2 / 3)


def test_recall_at_k_without_gold_ids_is_none() -> None:
    assert recall_at_k([[{"d:0"}], []], [set(), frozenset()], 1) is None
    assert recall_at_k([], [], 5) is None


def test_recall_at_k_ignores_sentences_that_map_to_nothing() -> None:
    assert recall_at_k([[set(), {"d:3"}]], [{"d:3"}], 1) == 0.0
    assert recall_at_k([[set(), {"d:3"}]], [{"d:3"}], 2) == 1.0


def test_recall_at_k_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        recall_at_k([[{"a"}]], [], 1)
    with pytest.raises(ValueError):
        recall_at_k([[{"a"}]], [{"a"}], 0)


# --- mapping the verifier's sentences to the corpus's ------------------------------------------


def test_map_when_the_verifier_merges_two_corpus_sentences() -> None:
    text = "First one. Second one. Third one."
    # corpus: [0,10) [11,22) [23,33); the verifier keeps the first two together
    spans = [(0, 22), (23, 33)]
    assert map_sentences(text, ["First one.", "Second one.", "Third one."], spans) == {0: {0, 1}, 1: {2}}


def test_map_when_the_verifier_splits_one_corpus_sentence() -> None:
    text = "Alpha beta; gamma delta. Next."
    spans = [(0, 11), (12, 24), (25, 30)]
    assert map_sentences(text, ["Alpha beta; gamma delta.", "Next."], spans) == {0: {0}, 1: {0}, 2: {1}}


def test_map_tolerates_whitespace_differences() -> None:
    text = "Heat\trose  sharply.\nSea  levels\n rose.\r\nThe end."
    corpus = ["Heat rose sharply.", "Sea levels rose.", "The  end."]
    located = locate_sentences(text, corpus)
    assert [text[a:b] for a, b in located] == ["Heat\trose  sharply.", "Sea  levels\n rose.", "The end."]
    first_end = text.index("sharply.") + len("sharply.")
    spans = [(0, first_end), (text.index("Sea"), text.index("rose.\r") + 5), (text.index("The"), len(text))]
    assert map_sentences(text, corpus, spans) == {0: {0}, 1: {1}, 2: {2}}


def test_map_tolerates_a_space_missing_from_the_text() -> None:
    # VitaminC-style text where the source joined two sentences without a space
    text = "Cases rose to 79.On 22 February the bill passed."
    corpus = ["Cases rose to 79 .", "On 22 February the bill passed ."]
    located = locate_sentences(text, corpus)
    assert located[0] is not None and located[1] is not None
    assert text[located[0][0] : located[0][1]] == "Cases rose to 79."
    assert text[located[1][0] : located[1][1]] == "On 22 February the bill passed."
    assert map_sentences(text, corpus, [(0, len(text))]) == {0: {0, 1}}


def test_map_repeated_sentences_follow_their_own_occurrence() -> None:
    text = "Yes. No. Yes."
    assert map_sentences(text, ["Yes.", "No.", "Yes."], [(0, 4), (5, 8), (9, 13)]) == {
        0: {0},
        1: {1},
        2: {2},
    }


def test_map_every_verifier_sentence_is_a_key_even_without_a_match() -> None:
    text = "Known sentence. Something the corpus list lacks."
    mapping = map_sentences(text, ["Known sentence.", "Not in the text at all."], [(0, 15), (16, 48)])
    assert mapping == {0: {0}, 1: set()}


def test_map_with_the_verifiers_own_split() -> None:
    text = (
        "Arctic sea ice\n"
        "Sea ice extent reached a record low in September 2012. The U.N. report linked it to warming.\n"
        "Older ice is thinner."
    )
    corpus = [
        "Arctic sea ice",
        "Sea ice extent reached a record low in September 2012.",
        "The U.N. report linked it to warming.",
        "Older ice is thinner.",
    ]
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == corpus  # here both splits agree: one to one
    assert map_sentences(text, corpus, spans) == {0: {0}, 1: {1}, 2: {2}, 3: {3}}
    # a verifier split that glues the heading onto the next sentence maps it to both
    glued = [(spans[0][0], spans[1][1]), *spans[2:]]
    assert map_sentences(text, corpus, glued) == {0: {0, 1}, 1: {2}, 2: {3}}


def test_ece_perfect_and_overconfident() -> None:
    from verifier.metrics import expected_calibration_error

    # Confidence 1.0 and always right: no gap.
    assert expected_calibration_error([1.0, 1.0], [True, True]) == 0.0
    # Confidence 0.9 but right half the time: |0.5 - 0.9| = 0.4 in the one bin used.
    assert abs(expected_calibration_error([0.9, 0.9], [True, False]) - 0.4) < 1e-12
    # Two bins: (0.3, wrong) -> gap 0.3; (0.8, right) -> gap 0.2; weighted 0.5 each = 0.25.
    assert abs(expected_calibration_error([0.3, 0.8], [False, True]) - 0.25) < 1e-12
    assert expected_calibration_error([], []) is None


def test_reliability_bins_edges() -> None:
    from verifier.metrics import reliability_bins

    bins = reliability_bins([0.0, 0.1, 0.1000001, 1.0])
    assert bins[0][2] == [0, 1]  # 0.0 and 0.1 share the first, closed bin
    assert bins[1][2] == [2]
    assert bins[9][2] == [3]
    with pytest.raises(ValueError):
        reliability_bins([1.5])
