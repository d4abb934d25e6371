"""A stored claim read out: the claim object of the review API, and its schema.org ClaimReview.

:mod:`verifier.review` keeps the database (schema, transactions, queries); this module holds
the two shapes a claim leaves it in, so the JSON every client sees (the API, the JSONL export,
the review page) and the fact-checkers' JSON-LD built from it are defined side by side.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from verifier.errors import VerifierError


def claim_dict(row: sqlite3.Row, contexts: bool = False) -> dict[str, Any]:
    """A claim as the API, the exports and :func:`claimreview` read it, from its ``claims`` row
    (joined to its article's title); ``contexts`` adds each evidence sentence's paragraph, which only
    the review page shows."""
    verdict = json.loads(row["verdict"])
    reviewed = row["human_label"] is not None
    out: dict[str, Any] = {
        "id": row["id"],
        "article_id": row["article_id"],
        "article_title": row["article_title"] or "",
        "text": row["text"],
        "start": row["start"],
        "end": row["end"],
        "checkworthiness": row["checkworthiness"],
        "features": json.loads(row["features"]),
        "verdict": verdict,
        "status": "reviewed" if reviewed else "pending",
        "human_label": row["human_label"],
        "label": row["human_label"] or row["auto_label"],
        "review": (
            {
                "label": row["human_label"],
                "note": row["note"] or "",
                "reviewer": row["reviewer"],
                "reviewed_at": row["reviewed_at"],
            }
            if reviewed
            else None
        ),
        "created_at": row["created_at"],
    }
    if contexts:
        out["contexts"] = json.loads(row["contexts"])
    return out


# ---------------------------------------------------------------- schema.org ClaimReview

RATINGS: dict[str, tuple[int, str]] = {
    # label: (ratingValue on a 1-3 scale, alternateName: the textual verdict)
    "contradicted": (1, "Contradicted by the sources"),
    "unknown": (2, "Unverified: the sources neither support nor contradict it"),
    "supported": (3, "Supported by the sources"),
}
PUBLISHER = "claim-verifier"


def claimreview(claim: dict[str, Any], documents: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """The schema.org ``ClaimReview`` JSON-LD of a reviewed claim.

    The rating is the human label (the reviewer is the author); the evidence the verdict
    cites becomes ``citation`` entries (document title, source, date, url, the sentence).
    """
    review = claim["review"]
    if review is None:
        raise VerifierError(f"claim {claim['id']} has not been reviewed yet; accept or override it first")
    value, name = RATINGS[review["label"]]
    verdict = claim["verdict"]
    evidence = verdict.get("evidence", [])
    cited = [e for e in evidence if e.get("stance") != "neutral"] or evidence
    documents = documents or {}
    citations = []
    for e in cited:
        doc = documents.get(e["doc_id"], {})
        citation: dict[str, Any] = {
            "@type": "CreativeWork",
            "name": e.get("title") or e["doc_id"],
            "text": e["text"],
        }
        if e.get("source"):
            citation["publisher"] = {"@type": "Organization", "name": e["source"]}
        if e.get("date"):
            citation["datePublished"] = e["date"]
        if doc.get("url"):
            citation["url"] = doc["url"]
        citations.append(citation)
    explanation = review["note"] or verdict.get("explanation", "")
    item: dict[str, Any] = {"@type": "Claim", "text": claim["text"]}
    if claim.get("article_title"):
        item["appearance"] = {"@type": "CreativeWork", "headline": claim["article_title"]}
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim["text"],
        "datePublished": review["reviewed_at"][:10],
        "author": {"@type": "Person", "name": review["reviewer"]},
        "publisher": {"@type": "Organization", "name": PUBLISHER},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 3,
            "worstRating": 1,
            "alternateName": name,
            "ratingExplanation": explanation,
        },
        "itemReviewed": item,
        "citation": citations,
    }
