"""Sentence splitting keeps hard cases whole and offsets exact."""

from __future__ import annotations

import pytest

from verifier.cache import corpus_dir
from verifier.ingest import load_documents
from verifier.segment import segment_document, split_sentences
from verifier.types import Document


@pytest.fixture(scope="module")
def seed() -> Document:
    (doc,) = load_documents([corpus_dir()])
    return doc


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_seed_article_offsets_are_exact(seed: Document) -> None:
    sentences = segment_document(seed)
    assert len(sentences) == 17
    for i, s in enumerate(sentences):
        assert s.sentence_index == i
        assert seed.text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    # Sentences come in document order without overlap.
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))


def test_seed_article_hard_sentences_stay_whole(seed: Document) -> None:
    texts = [s.text for s in segment_document(seed)]
    assert "The U.S. currently maintains approximately 2,500 troops in Iraq as part of the mission." in texts
    assert any(t.startswith("The U.S.-led coalition fighting") and t.endswith("has said.") for t in texts)
    un = next(t for t in texts if "U.N. report" in t)
    assert un.startswith("There were no precise figures") and un.endswith("largest.")
    quoted = next(t for t in texts if t.startswith("“The coalition’s presence"))
    assert quoted.endswith("INA.")
    # The dateline is its own piece, not glued onto the headline below it.
    assert "BAGHDAD" in texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A U.N. report said approx. 2,500 troops remain. Then they left.",
            ["A U.N. report said approx. 2,500 troops remain.", "Then they left."],
        ),
        (
            "Growth was 3.5 percent in 2024. It was 2.1 percent before.",
            ["Growth was 3.5 percent in 2024.", "It was 2.1 percent before."],
        ),
        ('He said "We will go." Then he left.', ['He said "We will go."', "Then he left."]),
        (
            "The U.S.-led force grew. Mr. Smith disagreed.",
            ["The U.S.-led force grew.", "Mr. Smith disagreed."],
        ),
    ],
)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_empty_and_whitespace_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n\n \t") == []


def test_offsets_with_leading_whitespace_and_unicode() -> None:
    text = "\n\n  Café prices rose 5%.  Naïve estimates said “no”.\n"
    for a, b in split_sentences(text):
        assert text[a:b].strip() == text[a:b]
    assert _sentences(text) == ["Café prices rose 5%.", "Naïve estimates said “no”."]
