"""The review store: articles, their claims, automatic verdicts and human reviews, in SQLite.

- A claim keeps its automatic verdict for ever (a trigger refuses any change to it); a
  review sets the human label, note and reviewer beside it.
- Every change is appended to ``history`` (created by the verifier, then each review):
  who, when, old label, new label, note. Triggers refuse UPDATE and DELETE on it.
- One connection, WAL journal, every write in one transaction: a crash loses at most
  the change being written, and a restarted server sees everything committed before.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from verifier.articlereport import priority
from verifier.claimreview import claim_dict
from verifier.errors import VerifierError
from verifier.templating import neutralise
from verifier.types import LABELS

SCHEMA_VERSION = 1
STATUSES = ("pending", "reviewed")
AUTOMATIC_REVIEWER = "verifier"
MAX_NOTE_CHARS = 5000
MAX_REVIEWER_CHARS = 200

_LABEL_CHECK = "({})".format(", ".join(f"'{label}'" for label in LABELS))
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY,
    article_id INTEGER REFERENCES articles(id),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    checkworthiness REAL NOT NULL,
    features TEXT NOT NULL DEFAULT '[]',
    auto_label TEXT NOT NULL CHECK (auto_label IN {_LABEL_CHECK}),
    auto_confidence REAL NOT NULL,
    verdict TEXT NOT NULL,
    contexts TEXT NOT NULL DEFAULT '[]',
    human_label TEXT CHECK (human_label IS NULL OR human_label IN {_LABEL_CHECK}),
    note TEXT,
    reviewer TEXT,
    reviewed_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_by_article ON claims(article_id);
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims(id),
    at TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    action TEXT NOT NULL,
    old_label TEXT,
    new_label TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS history_by_claim ON history(claim_id, id);
CREATE TRIGGER IF NOT EXISTS history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'review history is append-only'); END;
CREATE TRIGGER IF NOT EXISTS history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'review history is append-only'); END;
CREATE TRIGGER IF NOT EXISTS claims_keep_automatic_verdict
BEFORE UPDATE OF article_id, text, start, "end", checkworthiness, auto_label, auto_confidence, verdict
ON claims
BEGIN SELECT RAISE(ABORT, 'the automatic verdict of a claim is never overwritten'); END;
CREATE TRIGGER IF NOT EXISTS claims_no_delete BEFORE DELETE ON claims
BEGIN SELECT RAISE(ABORT, 'claims are kept for the audit trail'); END;
"""


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class ReviewStore:
    """Thread-safe access to one review database file (``":memory:"`` for a throwaway one)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = FULL")
            self._conn.executescript(_SCHEMA)
            version = self._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise VerifierError(f"{self.path} is not a usable review database ({exc})") from None
        if version is None:
            self._conn.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
        elif version["value"] != str(SCHEMA_VERSION):
            raise VerifierError(
                f"{self.path} has review schema {version['value']}; this verifier reads {SCHEMA_VERSION}"
            )
        self._lock = threading.RLock()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    # ------------------------------------------------------------ writing

    def add_article(self, title: str, text: str, claims: Sequence[dict[str, Any]], source: str = "") -> int:
        """Store an article and its checked claims (``text, start, end, checkworthiness, features,
        verdict, contexts``); each claim's creation is its first history entry. Returns the article id."""
        now = utc_now()
        with self._tx() as db:
            article_id = db.execute(
                "INSERT INTO articles (title, text, source, created_at) VALUES (?, ?, ?, ?)",
                (title, text, source, now),
            ).lastrowid
            for claim in claims:
                self._insert_claim(db, article_id, claim, now)
        return int(article_id)  # type: ignore[arg-type]

    def _insert_claim(
        self, db: sqlite3.Connection, article_id: int | None, claim: dict[str, Any], now: str
    ) -> int:
        verdict = claim["verdict"]
        claim_id = db.execute(
            'INSERT INTO claims (article_id, text, start, "end", checkworthiness, features, auto_label, '
            "auto_confidence, verdict, contexts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                claim["text"],
                int(claim["start"]),
                int(claim["end"]),
                float(claim["checkworthiness"]),
                json.dumps(list(claim.get("features", []))),
                verdict["label"],
                float(verdict["confidence"]),
                json.dumps(verdict, ensure_ascii=False),
                json.dumps(list(claim.get("contexts", [])), ensure_ascii=False),
                now,
            ),
        ).lastrowid
        db.execute(
            "INSERT INTO history (claim_id, at, reviewer, action, old_label, new_label, note) "
            "VALUES (?, ?, ?, 'created', NULL, ?, ?)",
            (claim_id, now, AUTOMATIC_REVIEWER, verdict["label"], verdict.get("explanation", "")),
        )
        return int(claim_id)  # type: ignore[arg-type]

    def review(self, claim_id: int, label: str, note: str, reviewer: str) -> dict[str, Any]:
        """Set the human label of a claim (accept: the automatic label; override: another, with a note)."""
        if label not in LABELS:
            raise VerifierError(f"label must be one of {', '.join(LABELS)}")
        reviewer, note = reviewer.strip(), note.strip()
        if not reviewer:
            raise VerifierError("say who reviews: 'reviewer' is empty")
        if len(reviewer) > MAX_REVIEWER_CHARS or len(note) > MAX_NOTE_CHARS:
            raise VerifierError(
                f"reviewer is limited to {MAX_REVIEWER_CHARS} characters and note to {MAX_NOTE_CHARS}"
            )
        now = utc_now()
        with self._tx() as db:
            row = db.execute(
                "SELECT auto_label, human_label FROM claims WHERE id = ?", (claim_id,)
            ).fetchone()
            if row is None:
                raise KeyError(claim_id)
            if label != row["auto_label"] and not note:
                raise VerifierError("an override needs a note saying why the automatic verdict is wrong")
            old = row["human_label"] or row["auto_label"]
            action = "accepted" if label == row["auto_label"] else "overridden"
            db.execute(
                "UPDATE claims SET human_label = ?, note = ?, reviewer = ?, reviewed_at = ? WHERE id = ?",
                (label, note, reviewer, now, claim_id),
            )
            db.execute(
                "INSERT INTO history (claim_id, at, reviewer, action, old_label, new_label, note) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (claim_id, now, reviewer, action, old, label, note),
            )
        claim = self.claim(claim_id)
        assert claim is not None
        return claim

    # ------------------------------------------------------------ reading

    _SELECT = (
        "SELECT c.*, a.title AS article_title, a.source AS article_source "
        "FROM claims c LEFT JOIN articles a ON a.id = c.article_id"
    )

    def claim(self, claim_id: int, *, contexts: bool = False) -> dict[str, Any] | None:
        with self._lock:
            row = self._conn.execute(f"{self._SELECT} WHERE c.id = ?", (claim_id,)).fetchone()
        return claim_dict(row, contexts) if row else None

    def claims(
        self, status: str | None = None, label: str | None = None, *, contexts: bool = False
    ) -> list[dict[str, Any]]:
        """Claims in id order, filtered on status (pending/reviewed) and current label (human, else auto)."""
        where, args = [], []
        if status == "pending":
            where.append("c.human_label IS NULL")
        elif status == "reviewed":
            where.append("c.human_label IS NOT NULL")
        elif status is not None:
            raise VerifierError(f"status must be one of {', '.join(STATUSES)}")
        if label is not None:
            if label not in LABELS:
                raise VerifierError(f"label must be one of {', '.join(LABELS)}")
            where.append("COALESCE(c.human_label, c.auto_label) = ?")
            args.append(label)
        sql = self._SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY c.id"
        with self._lock:
            rows = self._conn.execute(sql, args).fetchall()
        return [claim_dict(r, contexts) for r in rows]

    def queue(self, status: str | None = None, label: str | None = None) -> list[dict[str, Any]]:
        """Claims in review order: pending first; contradicted, then unknown/uncertain, then supported."""
        claims = self.claims(status, label, contexts=True)
        return sorted(
            claims,
            key=lambda c: (
                c["status"] != "pending",
                priority(c["verdict"]["label"], c["verdict"]["confidence"]),
                c["id"],
            ),
        )

    def article(self, article_id: int) -> dict[str, Any] | None:
        with self._lock:
            row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        return {
            "id": row["id"],
            "title": row["title"],
            "source": row["source"],
            "created_at": row["created_at"],
            "claims": [c for c in self.claims() if c["article_id"] == article_id],
        }

    def history(self, claim_id: int) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT * FROM history WHERE claim_id = ? ORDER BY id", (claim_id,)
            ).fetchall()
        return [
            {
                "id": r["id"],
                "claim_id": r["claim_id"],
                "at": r["at"],
                "reviewer": r["reviewer"],
                "action": r["action"],
                "old_label": r["old_label"],
                "new_label": r["new_label"],
                "note": r["note"],
            }
            for r in rows
        ]

    def counts(self) -> dict[str, int]:
        with self._lock:
            row = self._conn.execute(
                "SELECT COUNT(*) AS claims, SUM(human_label IS NULL) AS pending FROM claims"
            ).fetchone()
        claims, pending = int(row["claims"] or 0), int(row["pending"] or 0)
        return {"claims": claims, "pending": pending, "reviewed": claims - pending}

    # ------------------------------------------------------------ export

    EXPORT_COLUMNS = (
        "claim_id", "article_id", "article_title", "claim", "start", "end", "checkworthiness",
        "auto_label", "auto_confidence", "auto_explanation", "evidence", "evidence_doc",
        "status", "human_label", "note", "reviewer", "reviewed_at", "label", "created_at",
    )  # fmt: skip

    def export_rows(self) -> list[dict[str, Any]]:
        rows = []
        for c in self.claims():
            v = c["verdict"]
            cited = [e for e in v.get("evidence", []) if e.get("stance") != "neutral"] or v.get(
                "evidence", []
            )[:1]
            review = c["review"] or {}
            rows.append(
                {
                    "claim_id": c["id"],
                    "article_id": c["article_id"],
                    "article_title": c["article_title"],
                    "claim": c["text"],
                    "start": c["start"],
                    "end": c["end"],
                    "checkworthiness": c["checkworthiness"],
                    "auto_label": v["label"],
                    "auto_confidence": v["confidence"],
                    "auto_explanation": v.get("explanation", ""),
                    "evidence": " | ".join(e["text"] for e in cited),
                    "evidence_doc": " | ".join(e["doc_id"] for e in cited),
                    "status": c["status"],
                    "human_label": c["human_label"] or "",
                    "note": review.get("note", ""),
                    "reviewer": review.get("reviewer", ""),
                    "reviewed_at": review.get("reviewed_at", ""),
                    "label": c["label"],
                    "created_at": c["created_at"],
                }
            )
        return rows

    def export_csv(self) -> str:
        """Every claim, automatic and human verdicts side by side; formula-like cells quoted."""
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(self.EXPORT_COLUMNS), lineterminator="\r\n")
        writer.writeheader()
        for row in self.export_rows():
            writer.writerow({k: neutralise(v) for k, v in row.items()})
        return out.getvalue()

    def export_jsonl(self) -> str:
        """Every claim as JSON (raw text, full automatic verdict with its evidence), one a line."""
        lines = []
        for c in self.claims():
            c = dict(c)
            lines.append(json.dumps(c, ensure_ascii=False))
        return "".join(line + "\n" for line in lines)
