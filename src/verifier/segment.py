"""Split documents into sentence-level evidence with exact character offsets.

syntok does the sentence boundary work (it keeps "U.S.-led", "U.N. report",
"approx. 2,500", decimals and quotations whole) and reports the offset of every
token, so ``text[start:end]`` is the sentence without re-searching the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import syntok.segmenter as syntok_segmenter

from verifier.types import Document, Sentence

# A short line with no closing punctuation, followed by a line break, is a
# headline or a dateline ("BAGHDAD"); syntok only breaks paragraphs at blank
# lines and would glue it onto the next sentence.
_HEADING_MAX_WORDS = 12
_LINE = re.compile(r"[^\n]*(?:\n|$)")
_ENDS_SENTENCE = tuple('.!?:;,"”’)')


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """Yield (offset, block) pieces: the text cut after heading-like lines."""
    start = 0
    pos = 0
    for match in _LINE.finditer(text):
        line = match.group()
        if not line:
            break
        pos = match.end()
        stripped = line.strip()
        if (
            line.endswith("\n")
            and stripped
            and not stripped.endswith(_ENDS_SENTENCE)
            and len(stripped.split()) <= _HEADING_MAX_WORDS
        ):
            yield start, text[start:pos]
            start = pos
    if start < len(text):
        yield start, text[start:]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) character spans of the sentences of ``text``."""
    spans: list[tuple[int, int]] = []
    for offset, block in _blocks(text):
        if not block.strip():
            continue
        for paragraph in syntok_segmenter.analyze(block):
            for sentence in paragraph:
                tokens = [t for t in sentence if t.value]
                if not tokens:
                    continue
                start = offset + tokens[0].offset
                end = offset + tokens[-1].offset + len(tokens[-1].value)
                if text[start:end].strip():
                    spans.append((start, end))
    return spans


def segment_document(doc: Document) -> list[Sentence]:
    return [
        Sentence(doc.doc_id, i, start, end, doc.text[start:end])
        for i, (start, end) in enumerate(split_sentences(doc.text))
    ]


def segment_documents(docs: Iterable[Document]) -> list[Sentence]:
    return [s for doc in docs for s in segment_document(doc)]
