"""The SQLite review store: automatic verdicts kept, append-only history, persistence, exports."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from verifier.claimreview import claimreview
from verifier.errors import VerifierError
from verifier.review import AUTOMATIC_REVIEWER, ReviewStore
from verifier.templating import neutralise


def verdict(label: str, confidence: float = 0.9, stance: str = "neutral") -> dict:
    return {
        "claim": "c",
        "label": label,
        "confidence": confidence,
        "explanation": f"automatic {label}",
        "evidence": [
            {
                "text": "The U.S. has approx. 2,500 troops in Iraq.",
                "doc_id": "troops",
                "title": "Coalition troops",
                "source": "Wire",
                "date": "2024-03-01",
                "sentence_index": 1,
                "start": 10,
                "end": 52,
                "similarity": 0.8,
                "stance": stance,
                "stance_probability": 0.9,
                "reason": "",
            }
        ],
    }


def claims() -> list[dict]:
    return [
        {
            "text": "=1+1 troops",
            "start": 0,
            "end": 11,
            "checkworthiness": 0.8,
            "verdict": verdict("supported"),
        },
        {
            "text": "The U.S. has 10,000 troops.",
            "start": 12,
            "end": 39,
            "checkworthiness": 0.9,
            "features": ["number"],
            "verdict": verdict("contradicted", stance="contradicts"),
            "contexts": [{"before": "", "sentence": "x", "after": "", "url": ""}],
        },
        {
            "text": "Unclear.",
            "start": 40,
            "end": 48,
            "checkworthiness": 0.6,
            "verdict": verdict("unknown", 0.7),
        },
    ]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "reviews.sqlite3"


def test_review_keeps_the_automatic_verdict_and_logs_history(db: Path) -> None:
    store = ReviewStore(db)
    article = store.add_article("Draft", "text", claims())
    first, second, third = store.claims()
    assert {c["article_id"] for c in store.claims()} == {article}
    assert first["status"] == "pending" and first["review"] is None and first["label"] == "supported"

    with pytest.raises(VerifierError, match="needs a note"):
        store.review(second["id"], "supported", "", "alice")
    reviewed = store.review(second["id"], "unknown", "  Source is two years old.  ", " alice ")
    assert reviewed["verdict"] == second["verdict"]  # the automatic verdict, untouched
    assert reviewed["human_label"] == reviewed["label"] == "unknown" and reviewed["status"] == "reviewed"
    assert (
        reviewed["review"]["note"] == "Source is two years old." and reviewed["review"]["reviewer"] == "alice"
    )
    accepted = store.review(second["id"], "contradicted", "", "bob")  # back to the automatic label
    assert accepted["label"] == "contradicted"

    history = store.history(second["id"])
    assert [(h["reviewer"], h["action"], h["old_label"], h["new_label"]) for h in history] == [
        (AUTOMATIC_REVIEWER, "created", None, "contradicted"),
        ("alice", "overridden", "contradicted", "unknown"),
        ("bob", "accepted", "unknown", "contradicted"),
    ]
    assert history[1]["note"] == "Source is two years old."
    assert [h["at"] for h in history] == sorted(h["at"] for h in history)

    with pytest.raises(KeyError):
        store.review(999, "supported", "", "alice")
    with pytest.raises(VerifierError):
        store.review(first["id"], "true", "", "alice")
    with pytest.raises(VerifierError):
        store.review(first["id"], "supported", "", "   ")
    assert store.claim(third["id"])["status"] == "pending"


def test_history_and_automatic_verdicts_cannot_be_rewritten(db: Path) -> None:
    store = ReviewStore(db)
    store.add_article("Draft", "text", claims())
    store.review(1, "unknown", "why", "alice")
    store.close()
    raw = sqlite3.connect(db)
    for sql in (
        "UPDATE history SET note = 'forged'",
        "DELETE FROM history",
        "UPDATE claims SET auto_label = 'supported' WHERE id = 2",
        "UPDATE claims SET verdict = '{}' WHERE id = 2",
        "DELETE FROM claims",
    ):
        with pytest.raises(sqlite3.DatabaseError):
            raw.execute(sql)
    raw.execute("UPDATE claims SET note = 'edited' WHERE id = 1")  # the human side may change
    raw.close()


def test_everything_survives_reopening(db: Path) -> None:
    store = ReviewStore(db)
    store.add_article("Draft", "text", claims())
    store.review(2, "unknown", "old source", "alice")
    store.close()
    again = ReviewStore(db)
    assert [c["status"] for c in again.claims()] == ["pending", "reviewed", "pending"]
    assert again.claim(2)["review"]["note"] == "old source"
    assert len(again.history(2)) == 2
    assert again.counts() == {"claims": 3, "pending": 2, "reviewed": 1}


def test_filters_and_queue_order(db: Path) -> None:
    store = ReviewStore(db)
    store.add_article("Draft", "text", claims())
    assert [c["id"] for c in store.claims(status="pending")] == [1, 2, 3]
    assert [c["id"] for c in store.claims(label="contradicted")] == [2]
    # Pending first; contradicted, then unknown/uncertain, then supported.
    assert [c["id"] for c in store.queue()] == [2, 3, 1]
    store.review(2, "contradicted", "", "alice")
    assert [c["id"] for c in store.queue()] == [3, 1, 2]
    assert [c["id"] for c in store.claims(status="reviewed", label="contradicted")] == [2]
    assert store.claims(status="reviewed", label="supported") == []
    assert store.queue()[0]["contexts"] == []
    with pytest.raises(VerifierError):
        store.claims(status="done")


def test_claimreview_of_a_reviewed_claim(db: Path) -> None:
    store = ReviewStore(db)
    store.add_article("Coalition draft", "text", claims())
    with pytest.raises(VerifierError, match="not been reviewed"):
        claimreview(store.claim(2))
    claim = store.review(2, "contradicted", "", "Alice Editor")
    data = claimreview(claim, {"troops": {"url": "https://example.org/troops"}})
    assert data["@context"] == "https://schema.org" and data["@type"] == "ClaimReview"
    assert data["claimReviewed"] == "The U.S. has 10,000 troops."
    assert data["author"] == {"@type": "Person", "name": "Alice Editor"}
    assert data["datePublished"] == claim["review"]["reviewed_at"][:10]
    rating = data["reviewRating"]
    assert rating["ratingValue"] == 1 and rating["worstRating"] == 1 and rating["bestRating"] == 3
    assert rating["alternateName"].startswith("Contradicted")
    assert data["itemReviewed"]["@type"] == "Claim"
    assert data["itemReviewed"]["appearance"]["headline"] == "Coalition draft"
    (citation,) = data["citation"]
    assert citation["url"] == "https://example.org/troops" and citation["datePublished"] == "2024-03-01"
    assert citation["text"].startswith("The U.S. has approx. 2,500")


def test_exports_neutralise_formulas_in_csv(db: Path) -> None:
    store = ReviewStore(db)
    store.add_article("@evil", "text", claims())
    store.review(1, "unknown", "-2+3 looks wrong", "+reviewer")
    rows = list(csv.DictReader(io.StringIO(store.export_csv())))
    assert len(rows) == 3
    assert rows[0]["claim"] == "'=1+1 troops" and rows[0]["article_title"] == "'@evil"
    assert rows[0]["note"] == "'-2+3 looks wrong" and rows[0]["reviewer"] == "'+reviewer"
    assert rows[0]["auto_label"] == "supported" and rows[0]["human_label"] == "unknown"
    assert rows[1]["evidence_doc"] == "troops" and rows[1]["status"] == "pending"
    lines = [json.loads(line) for line in store.export_jsonl().splitlines()]
    assert lines[0]["text"] == "=1+1 troops"  # JSONL is data: raw text
    assert lines[0]["verdict"]["label"] == "supported" and lines[0]["human_label"] == "unknown"
    assert neutralise(5) == 5 and neutralise("plain") == "plain" and neutralise("\tx") == "'\tx"
    # As in `verifier batch`: a plain number is a number, a sum of two is a formula.
    assert neutralise("-5") == "-5" and neutralise("-2+3") == "'-2+3"


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(VerifierError, match="not a usable review database"):
        ReviewStore(bad)
