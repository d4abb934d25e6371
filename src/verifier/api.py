"""The public API: open an index, check claims.

from verifier.api import Verifier
v = Verifier.open()                    # the default corpus
v.check("The US has 2,500 troops in Iraq").label   # 'supported'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from verifier.aggregate import Aggregator
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


# Who said it is not what is claimed: "The US has 10,000 troops in Iraq, officials said on
# Monday" is checked as "The US has 10,000 troops in Iraq". A speaker left in would be a name
# or a day every sentence must repeat. Only a closing (or inserted) attribution with at most a
# short "when/where" after the verb is cut: "X said that ..." at the start may be what is
# claimed ("Coentrao stated that he would only play for Benfica"), and "according to X" is
# often the scope of a figure (Rotten Tomatoes' rating is not Metacritic's).
_SAY = (
    r"(?:said|says|told\s+\w+|reported|reports|announced|announces|added|adds|stated|"
    r"claimed|claims|confirmed|confirms|noted|notes|insisted|insists|warned|warns)"
)
# One to six words, none of which joins a clause or makes the verb passive ("1,550 cases
# have been confirmed" states the figure; nobody is quoted).
_SPEAKER = (
    r"(?:(?!(?:as|and|but|that|which|who|while|was|were|been|be|is|are|has|have|had)\b)[\w'’.-]+\s+){1,6}?"
)
_WHEN = r"(?:\s+(?:on|in|last|this|at|during|via|yesterday|today|earlier|late|early)\b(?:\s+[\w'’-]+){0,3})?"
_ATTRIBUTION_AFTER = re.compile(r"(?<!\d),\s+" + _SPEAKER + _SAY + _WHEN + r"\s*[.!]?\s*$", re.IGNORECASE)
_ATTRIBUTION_INSIDE = re.compile(r"(?<!\d),\s+" + _SPEAKER + _SAY + _WHEN + r"\s*,\s*", re.IGNORECASE)


def checkable(claim: str) -> str:
    """The claim without a closing or inserted attribution ("…, officials said on Monday")."""
    core = _ATTRIBUTION_INSIDE.sub(" ", _ATTRIBUTION_AFTER.sub("", claim)).strip()
    # Nothing left that states anything: keep what the user wrote.
    return core if len(core.split()) >= 3 else claim


JUDGES = ("auto", "model", "facts")


class Verifier:
    """Retrieve → judge → aggregate, over one loaded index."""

    def __init__(
        self,
        index: EvidenceIndex,
        embedder: Embedder | None = None,
        judge: Judge | None = None,
        top_k: int = 5,
        *,
        rerank: bool = False,
        rerank_weight: float = 1.0,
        rerank_depth: int | None = None,
        aggregator: Aggregator | None = None,
    ) -> None:
        if top_k < 1:
            raise ValueError("top_k must be at least 1")
        self.index = index
        self.embedder = embedder or Embedder()
        self.judge = judge or FactJudge()
        reranker = self.judge if rerank and hasattr(self.judge, "relevance") else None
        self.retriever = Retriever(
            index,
            self.embedder,
            top_k,
            reranker=reranker,
            rerank_weight=rerank_weight,
            rerank_depth=rerank_depth,
        )
        self.aggregator = aggregator or Aggregator()
        self.top_k = top_k

    @classmethod
    def open(
        cls,
        index_dir: str | Path | None = None,
        *,
        backend: str = "onnx",
        quiet: bool = True,
        top_k: int = 5,
        judge: str = "auto",
        rerank: bool | None = None,
    ) -> Verifier:
        """Load an index (default: the shipped corpus) with the best judge available.

        ``judge="auto"`` uses the shipped verification model with the fact layer when the
        package carries it, else the fact layer alone; "model" insists on the model.
        ``rerank`` overrides the model's own choice (judge.json) of re-ordering the candidate
        pool with the model before judging the top k.
        """
        embedder = Embedder(backend=backend)
        if index_dir is None:
            from verifier.cache import default_index_dir

            index_dir = default_index_dir(embedder=embedder, progress=False if quiet else None)
        return cls.from_index(
            EvidenceIndex.load(index_dir), embedder, top_k=top_k, judge=judge, rerank=rerank
        )

    @classmethod
    def from_index(
        cls,
        index: EvidenceIndex,
        embedder: Embedder,
        *,
        top_k: int = 5,
        judge: str = "auto",
        model_dir: str | Path | None = None,
        rerank: bool | None = None,
    ) -> Verifier:
        """The configured pipeline over a loaded index: judge, reranking and thresholds as shipped
        (or as saved beside another trained model in ``model_dir``)."""
        if judge not in JUDGES:
            raise ValueError(f"judge must be one of {', '.join(JUDGES)}")
        from verifier.nli import ModelJudge, NLIModel, model_available

        directory = Path(model_dir) if model_dir else None
        if judge == "facts" or (judge == "auto" and not model_available(directory)):
            return cls(index, embedder, FactJudge(), top_k=top_k)
        model = NLIModel(directory)
        retrieval = model.meta.get("retrieval", {})
        return cls(
            index,
            embedder,
            ModelJudge(model),
            top_k=top_k,
            rerank=bool(retrieval.get("rerank", False)) if rerank is None else rerank,
            rerank_weight=float(retrieval.get("rerank_weight") or 1.0),
            rerank_depth=retrieval.get("rerank_depth"),
            aggregator=Aggregator.from_dict(model.meta.get("aggregation", {})),
        )

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
        cores = [checkable(c) for c in claims]
        found = self.retriever.run(cores, top_k, doc_ids)
        prefetch = getattr(self.judge, "prefetch", None)
        if prefetch is not None:
            # One model pass over every claim's evidence: large length-sorted batches instead
            # of a few pairs per claim; judging each claim then reuses the scores.
            prefetch([(c, e.text) for c, evidence in zip(cores, found, strict=True) for e in evidence])
        return [
            self.aggregator.run(claim, evidence, self.judge.judge(core, evidence))
            for claim, core, evidence in zip(claims, cores, found, strict=True)
        ]
