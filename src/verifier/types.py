"""Result and record types shared by every pipeline stage.

Plain dataclasses so that each stage can be tested alone and results can be
turned into JSON without a framework.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Label = Literal["supported", "contradicted", "unknown"]
Stance = Literal["supports", "contradicts", "neutral"]
LABELS: tuple[Label, ...] = ("supported", "contradicted", "unknown")


@dataclass(frozen=True)
class Document:
    """One trusted source document as ingested."""

    doc_id: str
    text: str
    title: str = ""
    source: str = ""
    date: str = ""  # ISO-like string as given; empty when unknown, never invented
    url: str = ""
    path: str = ""  # where it was read from, for messages only


@dataclass(frozen=True)
class Sentence:
    """One piece of sentence-level evidence; ``doc.text[start:end] == text``."""

    doc_id: str
    sentence_index: int
    start: int
    end: int
    text: str


@dataclass
class Evidence:
    """A retrieved sentence with its document metadata and the judge's view of it."""

    text: str
    doc_id: str
    title: str
    source: str
    date: str
    sentence_index: int
    start: int
    end: int
    similarity: float
    stance: Stance = "neutral"
    stance_probability: float = 0.0
    reason: str = ""
    row: int = -1  # position in the index's sentence table
    # The sentence as the judge reads it where a pronoun in it ("She had not dropped a set",
    # '"…," she said') is read as who or what the sentences before name (verifier.coref);
    # empty where it reads the text as written.
    read_as: str = ""

    @property
    def judged_text(self) -> str:
        return self.read_as or self.text

    @property
    def reading(self) -> str:
        """How the judge read the sentence's pronoun ("“She” read as Maya Halloran"), or the
        sentences it read an open quote on with; "" where it read the text as written."""
        if not self.read_as:
            return ""
        if self.read_as.startswith(self.text):
            # A quote read on to its close: who said it is in the words that follow.
            return f"read with the rest of its quote: {self.read_as[len(self.text) :].strip()}"
        stripped = self.text.strip()
        if stripped[:1] in '"“' and stripped[-1:] in '"”':
            # A sentence that only quotes, read with the attribution of the quote before it.
            speaker = re.sub(r"[\"“][^\"“”]*[\"”]", "…", self.read_as).strip()
            return f"a quote carried on from the one before: {speaker}"
        said, read = self.text.split(), self.read_as.split()
        head = 0
        while head < min(len(said), len(read)) and said[head] == read[head]:
            head += 1
        tail = 0
        while tail < min(len(said), len(read)) - head and said[-1 - tail] == read[-1 - tail]:
            tail += 1
        pronoun, person = said[head : len(said) - tail], read[head : len(read) - tail]
        if not pronoun:
            # A name set after the post it reads ("education minister" read as Oskar Tellmann).
            pronoun = said[max(0, head - 2) : head]
        return f"“{' '.join(pronoun)}” read as {' '.join(person)}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("row")
        if d["read_as"]:
            d["reading"] = self.reading
        else:
            d.pop("read_as")
        return d


@dataclass
class Verdict:
    claim: str
    label: Label
    confidence: float
    explanation: str
    evidence: list[Evidence] = field(default_factory=list)
    # Strong evidence points both ways (the label is the stronger side's). Kept as a field,
    # not only in the explanation's words, so that a claim checked part by part can say so.
    disputed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "label": self.label,
            "confidence": round(float(self.confidence), 4),
            "explanation": self.explanation,
            "disputed": self.disputed,
            "evidence": [e.to_dict() for e in self.evidence],
        }
