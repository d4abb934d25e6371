"""The public API: open an index, check claims.

from verifier.api import Verifier
v = Verifier.open()                    # the default corpus
v.check("The US has 2,500 troops in Iraq").label   # 'supported'
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from verifier.aggregate import aggregate
from verifier.embed import Embedder
from verifier.errors import VerifierError
from verifier.index import EvidenceIndex
from verifier.judge import FactJudge, Judge
from verifier.retrieve import Retriever
from verifier.types import Verdict

MAX_CLAIM_CHARS = 2000


def validate_claim(claim: object) -> str:
    if not isinstance(claim, str) or not claim.strip():
        raise VerifierError("empty claim: give the sentence to check")
    if len(claim) > MAX_CLAIM_CHARS:
        raise VerifierError(f"claim is {len(claim)} characters long; the limit is {MAX_CLAIM_CHARS}")
    return claim.strip()


class Verifier:
    """Retrieve → judge → aggregate, over one loaded index."""

    def __init__(
        self,
        index: EvidenceIndex,
        embedder: Embedder | None = None,
        judge: Judge | None = None,
        top_k: int = 5,
    ) -> None:
        if top_k < 1:
            raise ValueError("top_k must be at least 1")
        self.index = index
        self.embedder = embedder or Embedder()
        self.judge = judge or FactJudge()
        self.retriever = Retriever(index, self.embedder, top_k)
        self.top_k = top_k

    @classmethod
    def open(
        cls, index_dir: str | Path | None = None, *, backend: str = "onnx", quiet: bool = True, top_k: int = 5
    ) -> Verifier:
        embedder = Embedder(backend=backend)
        if index_dir is None:
            from verifier.cache import default_index_dir

            index_dir = default_index_dir(embedder=embedder, progress=False if quiet else None)
        return cls(EvidenceIndex.load(index_dir), embedder, top_k=top_k)

    def check(self, claim: str, top_k: int | None = None) -> Verdict:
        return self.check_many([validate_claim(claim)], top_k)[0]

    def check_many(
        self,
        claims: Sequence[str],
        top_k: int | None = None,
        doc_ids: Sequence[Sequence[str] | None] | None = None,
    ) -> list[Verdict]:
        """Check claims in one embedding batch; ``doc_ids[i]`` limits claim i to those documents."""
        claims = [validate_claim(c) for c in claims]
        verdicts = []
        for claim, evidence in zip(claims, self.retriever.run(claims, top_k, doc_ids), strict=True):
            verdicts.append(aggregate(claim, evidence, self.judge.judge(claim, evidence)))
        return verdicts
