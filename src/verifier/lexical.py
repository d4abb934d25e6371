"""Lexical (BM25) retrieval beside the dense index.

Dense retrieval alone misses evidence that shares rare words with a claim but not its
phrasing (names, figures, technical terms); BM25 finds those. The bm25s index is saved
with numpy's non-pickle format and JSON, inside the index folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

BM25_DIR = "bm25"


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang="en").lower()


def _stem(words: list[str]) -> list[str]:
    # bm25s hands the stemmer the list of distinct words.
    return [_lemma(w) for w in words]


def _tokenize(texts: Sequence[str]) -> Any:
    import bm25s

    return bm25s.tokenize(list(texts), stopwords="en", stemmer=_stem, show_progress=False)


def build_bm25(texts: Sequence[str], directory: Path) -> None:
    import bm25s

    retriever = bm25s.BM25()
    retriever.index(_tokenize(texts), show_progress=False)
    retriever.save(str(directory / BM25_DIR), show_progress=False)


class LexicalIndex:
    def __init__(self, directory: Path, n_docs: int) -> None:
        import bm25s

        self.retriever = bm25s.BM25.load(str(directory / BM25_DIR), allow_pickle=False)
        self.n_docs = n_docs

    def search(self, queries: Sequence[str], k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, rows) of shape (len(queries), k'), k' = min(k, corpus size); -1 pads empty hits."""
        k = max(1, min(k, self.n_docs))
        rows, scores = self.retriever.retrieve(_tokenize(queries), k=k, show_progress=False, n_threads=1)
        rows = np.asarray(rows, dtype=np.int64)
        scores = np.asarray(scores, dtype=np.float32)
        rows[scores <= 0] = -1  # no shared word: not a hit
        return scores, rows


@lru_cache(maxsize=50_000)
def _content_words(text: str) -> frozenset[str]:
    # Remembered: a corpus sentence turns up in the candidate pools of many claims of a batch.
    from verifier.lexicon import STOPWORDS, TOKEN_RE

    return frozenset(_lemma(t.lower().rstrip(".")) for t in TOKEN_RE.findall(text)) - STOPWORDS


def overlap_order(claim: str, sentences: Sequence[str]) -> list[int]:
    """Indices of ``sentences`` from the one that shares the most of the claim's words to the
    least, each shared word weighted by how rare it is among these sentences.

    Both indexes read a sentence after its document's title, which is what finds the right
    document, but inside one document every sentence then carries the title's words and
    nearly its cosine ("Ostrania's population falls to 8.31 million": its story's 18 sentences
    all sit within 0.07 of each other). Read bare, the sentence that states the claim stands
    out; rarity within the pool is what keeps a word every candidate shares from counting."""
    words = _content_words(claim)
    bags = [_content_words(s) & words for s in sentences]
    n = len(sentences)
    df: dict[str, int] = {}
    for bag in bags:
        for w in bag:
            df[w] = df.get(w, 0) + 1
    score = [sum(np.log((n + 1) / (df[w] + 0.5)) for w in bag) for bag in bags]
    return sorted(range(n), key=lambda i: -score[i])
