"""The public API: open an index, check claims.

from verifier.api import Verifier
v = Verifier.open()                    # the default corpus
v.check("The US has 2,500 troops in Iraq").label   # 'supported'
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from verifier.aggregate import Aggregator
from verifier.claims import checkable, parts
from verifier.embed import Embedder
from verifier.errors import VerifierError
from verifier.index import EvidenceIndex
from verifier.judge import FactJudge
from verifier.judgement import Judge
from verifier.retrieve import Retriever
from verifier.types import Verdict

MAX_CLAIM_CHARS = 2000


def validate_claim(claim: object) -> str:
    if not isinstance(claim, str) or not claim.strip():
        raise VerifierError("empty claim: give the sentence to check")
    if len(claim) > MAX_CLAIM_CHARS:
        raise VerifierError(f"claim is {len(claim)} characters long; the limit is {MAX_CLAIM_CHARS}")
    return claim.strip()


def combine(claim: str, verdicts: Sequence[Verdict]) -> Verdict:
    """One verdict for a claim checked part by part: a contradicted part contradicts it, and
    only every part supported supports it. The explanation names the part that decided, and
    the parts whose sources disagree."""
    contradicted = [v for v in verdicts if v.label == "contradicted"]
    unsettled = [v for v in verdicts if v.label == "unknown"]
    if contradicted:
        decider = max(contradicted, key=lambda v: v.confidence)
        label, confidence = "contradicted", decider.confidence
        explanation = f"The part “{decider.claim}” is contradicted: {decider.explanation}"
    elif unsettled:
        decider = min(unsettled, key=lambda v: v.confidence)
        label, confidence = "unknown", decider.confidence
        explanation = f"The part “{decider.claim}” is not settled: {decider.explanation}"
    else:
        decider = min(verdicts, key=lambda v: v.confidence)
        label, confidence = "supported", decider.confidence
        explanation = " ".join(f"“{v.claim}”: {v.explanation}" for v in verdicts)
        in_dispute = [v for v in verdicts if v.disputed]
        if in_dispute:
            # A part that only leans supported while its sources disagree must not be reported
            # as settled: say which parts are in dispute before the parts' own reasons.
            named = " and ".join(f"“{v.claim.rstrip('.')}”" for v in in_dispute)
            explanation = f"Every part leans supported, but the sources disagree on {named}. {explanation}"
        else:
            explanation = f"Every part is supported. {explanation}"
    seen: set[tuple[str, int]] = set()
    evidence = []
    for v in [decider, *(v for v in verdicts if v is not decider)]:
        for e in v.evidence:
            if (e.doc_id, e.start) not in seen:
                seen.add((e.doc_id, e.start))
                evidence.append(e)
    disputed = decider.disputed or (label == "supported" and any(v.disputed for v in verdicts))
    return Verdict(claim, label, confidence, explanation, evidence, disputed=disputed)


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
        from verifier.modeljudge import ModelJudge
        from verifier.nli import NLIModel, model_available

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
        split = [parts(checkable(c)) for c in claims]
        cores = [p for ps in split for p in ps]
        scopes = None if doc_ids is None else [d for d, ps in zip(doc_ids, split, strict=True) for _ in ps]
        found = self.retriever.run(cores, top_k, scopes)
        prefetch = getattr(self.judge, "prefetch", None)
        if prefetch is not None:
            # One model pass over every claim's evidence: large length-sorted batches instead
            # of a few pairs per claim (with the fact layer's readings taken meanwhile);
            # judging each claim then reuses both.
            prefetch(list(zip(cores, found, strict=True)))
        out, at = [], 0
        for claim, ps in zip(claims, split, strict=True):
            verdicts = [
                self.aggregator.run(claim if len(ps) == 1 else p, found[i], self.judge.judge(p, found[i]))
                for i, p in enumerate(ps, start=at)
            ]
            at += len(ps)
            out.append(verdicts[0] if len(ps) == 1 else combine(claim, verdicts))
        return out
