"""The review server's API and page, through FastAPI's TestClient."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from verifier.api import MAX_CLAIM_CHARS, Verifier
from verifier.embed import Embedder
from verifier.index import EvidenceIndex
from verifier.review import ReviewStore
from verifier.serve import MAX_BODY_BYTES, create_app

# Against the small test corpus of conftest.py.
DRAFT = (
    "Troops in Iraq\n\n"
    "The U.S. has 10,000 troops in Iraq, according to a U.N. report published in March 2024. "
    "Spending on schools rose by 3.2 percent.\n\n"
    "Who will pay for it? I think this is a wonderful budget.\n"
)
XSS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]
ROUTES = {
    ("GET", "/healthz"),
    ("POST", "/api/check"),
    ("POST", "/api/articles"),
    ("GET", "/api/claims"),
    ("PATCH", "/api/claims/{claim_id}"),
    ("GET", "/api/claims/{claim_id}/history"),
    ("GET", "/api/claims/{claim_id}/claimreview"),
    ("GET", "/api/export.csv"),
    ("GET", "/api/export.jsonl"),
    ("POST", "/api/documents"),
    ("GET", "/"),
}


@pytest.fixture(scope="module")
def verifier(built_index, embedder: Embedder) -> Verifier:
    """Read-only: tests that add documents work on their own index copy."""
    return Verifier.from_index(EvidenceIndex.load(built_index.path), embedder, judge="facts")


def client(verifier: Verifier, db: Path, **kwargs) -> TestClient:
    return TestClient(create_app(verifier, ReviewStore(db), **kwargs))


@pytest.fixture
def api(verifier: Verifier, tmp_path: Path) -> TestClient:
    return client(verifier, tmp_path / "reviews.sqlite3", allow_documents=False)


@pytest.fixture
def writable(index_copy: Path, embedder: Embedder, tmp_path: Path) -> TestClient:
    v = Verifier.from_index(EvidenceIndex.load(index_copy), embedder, judge="facts")
    return client(v, tmp_path / "reviews.sqlite3")


def post_article(api: TestClient, title: str = "Troops draft", text: str = DRAFT) -> dict:
    response = api.post("/api/articles", json={"title": title, "text": text})
    assert response.status_code == 201, response.text
    return response.json()


def test_exactly_the_routes_of_the_interface(api: TestClient) -> None:
    found = {
        (method, route.path)
        for route in api.app.routes
        for method in getattr(route, "methods", ()) or ()
        if method != "HEAD" and not route.path.startswith(("/docs", "/redoc", "/openapi"))
    }
    assert found == ROUTES
    assert api.get("/openapi.json").status_code == 200


def test_healthz_and_check(api: TestClient, verifier: Verifier) -> None:
    health = api.get("/healthz").json()
    assert (
        health["status"] == "ok" and health["documents"] == 4 and health["sentences"] == len(verifier.index)
    )
    response = api.post("/api/check", json={"claim": "The US has 2,500 troops in Iraq", "top_k": 3})
    assert response.status_code == 200
    body = response.json()
    assert body == verifier.check("The US has 2,500 troops in Iraq", 3).to_dict()  # same as check --json
    assert body["label"] == "supported" and len(body["evidence"]) == 3


def test_article_review_history_claimreview_and_restart(verifier: Verifier, tmp_path: Path) -> None:
    db = tmp_path / "reviews.sqlite3"
    api = client(verifier, db)
    article = post_article(api)
    assert article["title"] == "Troops draft" and isinstance(article["id"], int)
    claims = {c["text"]: c for c in article["claims"]}
    assert set(claims) == {
        "The U.S. has 10,000 troops in Iraq, according to a U.N. report published in March 2024.",
        "Spending on schools rose by 3.2 percent.",
    }
    troops = claims["The U.S. has 10,000 troops in Iraq, according to a U.N. report published in March 2024."]
    for c in article["claims"]:
        assert DRAFT[c["start"] : c["end"]] == c["text"] and c["checkworthiness"] >= 0.5
        assert {"label", "confidence", "explanation", "evidence"} <= set(c["verdict"])
    assert troops["verdict"]["label"] == "contradicted" and troops["status"] == "pending"

    listed = api.get("/api/claims", params={"status": "pending"}).json()
    assert {c["id"] for c in listed} == {c["id"] for c in article["claims"]}
    assert [c["id"] for c in api.get("/api/claims", params={"label": "contradicted"}).json()] == [
        troops["id"]
    ]
    assert api.get(f"/api/claims/{troops['id']}/claimreview").status_code == 409  # not reviewed yet

    patched = api.patch(
        f"/api/claims/{troops['id']}",
        json={"label": "unknown", "note": "The U.N. figure is from 2024; ask the desk.", "reviewer": "alice"},
    )
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert body["label"] == body["human_label"] == "unknown" and body["status"] == "reviewed"
    assert body["verdict"] == troops["verdict"]  # the automatic verdict kept beside it
    assert body["review"]["reviewer"] == "alice"
    assert api.get("/api/claims", params={"status": "reviewed"}).json()[0]["id"] == troops["id"]

    # A new app on the same database (a restart) sees everything.
    api.app.state.verifier_state.store.close()
    restarted = client(verifier, db)
    again = restarted.get("/api/claims").json()
    assert len(again) == 2 and {c["status"] for c in again} == {"pending", "reviewed"}
    history = restarted.get(f"/api/claims/{troops['id']}/history").json()
    assert [(h["reviewer"], h["old_label"], h["new_label"]) for h in history] == [
        ("verifier", None, "contradicted"),
        ("alice", "contradicted", "unknown"),
    ]
    assert history[1]["note"] == "The U.N. figure is from 2024; ask the desk." and history[1]["at"]

    review = restarted.get(f"/api/claims/{troops['id']}/claimreview")
    assert review.status_code == 200 and review.headers["content-type"].startswith("application/ld+json")
    data = review.json()
    assert data["@type"] == "ClaimReview" and data["claimReviewed"] == troops["text"]
    assert data["reviewRating"]["alternateName"].startswith("Unverified")
    assert {"ratingValue", "bestRating", "worstRating"} <= set(data["reviewRating"])
    assert data["author"]["name"] == "alice" and re.fullmatch(r"\d{4}-\d\d-\d\d", data["datePublished"])
    assert data["itemReviewed"]["appearance"]["headline"] == "Troops draft"
    assert data["citation"] and data["citation"][0]["text"].startswith("The U.S. has approx. 2,500 troops")


def test_bad_requests(api: TestClient) -> None:
    huge = b'{"claim": "' + b"a" * (MAX_BODY_BYTES + 10) + b'"}'
    response = api.post("/api/check", content=huge, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "too large" in response.json()["detail"]
    chunked = api.post(
        "/api/articles",
        content=iter([b'{"title": "t", "text": "', b"b" * MAX_BODY_BYTES, b'"}']),
        headers={"content-type": "application/json"},
    )
    assert chunked.status_code == 413
    long_claim = api.post("/api/check", json={"claim": "a" * (MAX_CLAIM_CHARS + 1)})
    assert long_claim.status_code == 422
    assert "at most 2000 characters" in long_claim.json()["message"]
    assert "aaaa" not in long_claim.text  # the rejected input is not echoed back
    assert api.post("/api/check", json={"claim": "   "}).status_code == 422
    assert api.post("/api/check", json={"claim": "x", "top_k": 0}).status_code == 422
    assert api.post("/api/check", json={"claim": "x", "evil": 1}).status_code == 422
    assert api.post("/api/articles", json={"title": "t", "text": " \n "}).status_code == 422
    assert api.get("/api/claims", params={"status": "done"}).status_code == 422
    assert api.patch("/api/claims/99", json={"label": "unknown", "reviewer": "a"}).status_code == 404
    assert api.get("/api/claims/99/history").status_code == 404
    assert api.get("/api/claims/99/claimreview").status_code == 404
    article = post_article(api)
    claim_id = article["claims"][0]["id"]
    bad_label = api.patch(f"/api/claims/{claim_id}", json={"label": "true", "reviewer": "a"})
    assert bad_label.status_code == 422
    other = "supported" if article["claims"][0]["verdict"]["label"] != "supported" else "unknown"
    no_note = api.patch(f"/api/claims/{claim_id}", json={"label": other, "reviewer": "a"})
    assert no_note.status_code == 422 and "needs a note" in no_note.json()["detail"]
    no_reviewer = api.patch(f"/api/claims/{claim_id}", json={"label": other, "note": "n", "reviewer": ""})
    assert no_reviewer.status_code == 422
    assert api.get(f"/api/claims/{claim_id}/history").json()[-1]["reviewer"] == "verifier"  # nothing logged


def test_bad_json_is_400_with_its_position(api: TestClient) -> None:
    # FastAPI reported this as 422 "13: JSON decode error", the position reading like a field name.
    response = api.post(
        "/api/check", content=b'{"claim":\n "x",}', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    message = (
        "invalid JSON at line 2, column 6 (character 15): Expecting property name enclosed in double quotes"
    )
    assert response.json() == {"detail": message, "message": message}
    garbage = api.post("/api/articles", content=b"not json", headers={"content-type": "application/json"})
    assert garbage.status_code == 400
    assert garbage.json()["detail"] == "invalid JSON at line 1, column 1 (character 0): Expecting value"
    # Valid JSON that breaks the schema is still a 422 naming the field.
    schema = api.post("/api/check", json={"claim": ""})
    assert schema.status_code == 422 and schema.json()["message"].startswith("claim: ")


def test_head_on_the_page_and_health_check(api: TestClient) -> None:
    # Uptime monitors and `curl -I` send HEAD; both answered 405 before.
    for path in ("/", "/healthz"):
        head, get = api.head(path), api.get(path)
        assert head.status_code == 200, path
        assert head.headers["content-type"] == get.headers["content-type"]
    assert "Content-Security-Policy" in api.head("/").headers
    assert api.head("/", params={"status": "done"}).status_code == 422  # the same checks as GET
    assert {"get"} == set(api.get("/openapi.json").json()["paths"]["/healthz"])  # no HEAD twin listed


def test_exports(api: TestClient) -> None:
    article = post_article(api, title='=HYPERLINK("http://evil")')
    first = article["claims"][0]["id"]
    api.patch(f"/api/claims/{first}", json={"label": "unknown", "note": "@SUM(A1)", "reviewer": "-bob"})
    response = api.get("/api/export.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 2
    row = next(r for r in rows if r["claim_id"] == str(first))
    assert row["article_title"].startswith("'=") and row["note"] == "'@SUM(A1)" and row["reviewer"] == "'-bob"
    assert row["auto_label"] and row["human_label"] == "unknown" and row["label"] == "unknown"
    lines = api.get("/api/export.jsonl").text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [c["id"] for c in article["claims"]]
    assert json.loads(lines[0])["verdict"]["evidence"]


def test_added_document_is_cited_by_the_next_check(writable: TestClient) -> None:
    claim = {"claim": "Officials counted 7,300 ballots in Kirkuk on Sunday"}
    assert writable.post("/api/check", json=claim).json()["label"] == "unknown"
    response = writable.post(
        "/api/documents",
        json={
            "text": "Officials counted 7,300 ballots in Kirkuk on Sunday. Turnout was low.",
            "title": "Kirkuk count",
            "source": "Election board",
            "date": "2025-03-02",
            "url": "https://example.org/kirkuk",
        },
    )
    assert response.status_code == 201, response.text
    added = response.json()
    assert added["doc_id"].startswith("api-") and added["sentences"] == 2
    assert added["index"]["documents"] == 5
    assert writable.get("/healthz").json()["documents"] == 5
    verdict = writable.post("/api/check", json=claim).json()
    assert verdict["label"] == "supported"
    assert (
        verdict["evidence"][0]["doc_id"] == added["doc_id"]
        and verdict["evidence"][0]["title"] == "Kirkuk count"
    )
    again = writable.post(
        "/api/documents",
        json={"text": "Officials counted 7,300 ballots in Kirkuk on Sunday. Turnout was low."},
    )
    assert again.status_code == 409
    named = writable.post("/api/documents", json={"text": "Another note here.", "doc_id": "bad id!"})
    assert named.status_code == 422


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "not a date", "date: Value error, not a date: 'not a date' (write it like 2025-01-15"),
        ("date", "2025-13-45", "date: Value error, not a date"),
        ("date", 20250115, "date: Input should be a valid string"),
        ("title", 5, "title: Input should be a valid string"),
    ],
)
def test_document_fields_are_validated(writable: TestClient, field: str, value: object, message: str) -> None:
    response = writable.post("/api/documents", json={"text": "Something new happened in 2025.", field: value})
    assert response.status_code == 422, response.text
    assert response.json()["message"].startswith(message)
    assert writable.get("/healthz").json()["documents"] == 4  # nothing was added


def test_document_dates_that_read_as_dates_are_kept_as_given(writable: TestClient) -> None:
    for i, date in enumerate(["", "2025-03-02", "2 March 2025"]):
        body = {"text": f"Note {i}: officials counted 7,300 ballots.", "date": date}
        assert writable.post("/api/documents", json=body).status_code == 201
    dates = sorted(d["date"] for d in writable.app.state.verifier_state.verifier.index.documents.values())
    assert {"", "2025-03-02", "2 March 2025"} <= set(dates)


def test_documents_are_refused_on_the_shipped_corpus(api: TestClient) -> None:
    response = api.post("/api/documents", json={"text": "Something new happened in 2025."})
    assert response.status_code == 409 and "--index" in response.json()["detail"]


def test_markup_from_documents_and_drafts_is_shown_as_text(writable: TestClient) -> None:
    document = f"Officials counted 7,300 ballots in Kirkuk on Sunday {XSS[0]} {XSS[1]} after a long delay."
    response = writable.post(
        "/api/documents", json={"text": document, "title": f"Count {XSS[1]}", "url": "javascript:alert(1)"}
    )
    assert response.status_code == 201
    draft = f"Officials counted 7,300 ballots in Kirkuk on Sunday, said {XSS[1]} in 2025.\n\nNote {XSS[0]}\n"
    article = post_article(writable, title=f"Kirkuk {XSS[0]}", text=draft)
    assert article["claims"] and article["claims"][0]["verdict"]["evidence"][0]["text"].count("<script>") == 1
    writable.patch(
        f"/api/claims/{article['claims'][0]['id']}",
        json={"label": "unknown", "note": f"see {XSS[1]}", "reviewer": f"eve {XSS[0]}"},
    )
    page = writable.get("/")
    assert page.status_code == 200
    html = page.text
    for payload in XSS:
        assert payload not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "javascript:" not in html
    assert len(re.findall(r"<script\b", html)) == 1  # only the page's own, nonce-bound script
    nonce = re.search(r'<script nonce="([^"]+)">', html).group(1)
    csp = page.headers["content-security-policy"]
    assert f"script-src 'nonce-{nonce}'" in csp and "default-src 'none'" in csp
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # no external assets


def test_review_page_queue_and_filters(api: TestClient) -> None:
    empty = api.get("/").text
    assert "No claims here" in empty and "0 claims ·" in empty
    article = post_article(api)
    ids = {c["verdict"]["label"]: c["id"] for c in article["claims"]}
    html = api.get("/").text
    # Contradicted first.
    assert html.index(f'id="claim-{ids["contradicted"]}"') < html.index(f'id="claim-{ids["supported"]}"')
    assert "automatic: contradicted" in html and "Spending on schools rose by 3.2 percent." in html
    assert "<mark" in html and "Budget brief" in html  # evidence in its paragraph, with its document
    api.patch(f"/api/claims/{ids['supported']}", json={"label": "supported", "reviewer": "alice"})
    reviewed = api.get("/", params={"status": "reviewed"}).text
    assert (
        f'id="claim-{ids["supported"]}"' in reviewed and f'id="claim-{ids["contradicted"]}"' not in reviewed
    )
    assert "reviewed: supported" in reviewed and "by alice" in reviewed
    by_label = api.get("/", params={"label": "contradicted"}).text
    assert (
        f'id="claim-{ids["contradicted"]}"' in by_label and f'id="claim-{ids["supported"]}"' not in by_label
    )


def test_serve_command_loads_once_and_binds_loopback(built_index, tmp_path: Path, monkeypatch) -> None:
    import uvicorn

    from verifier.cli import cli

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    db = tmp_path / "r.sqlite3"
    result = CliRunner().invoke(cli, ["serve", "--index", str(built_index.path), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    ((app, kw),) = calls
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8000
    assert db.exists()
    assert len(app.state.verifier_state.verifier.index.documents) == 4  # loaded before serving
    assert result.output == ""  # -q: no start-up message
    public = CliRunner().invoke(
        cli, ["serve", "--index", str(built_index.path), "--db", str(db), "--host", "0.0.0.0", "-q"]
    )
    assert public.output.splitlines() == [
        "warning: 0.0.0.0 is not a loopback address; anyone who can reach it can review"
    ]  # warnings still show
    loud = CliRunner().invoke(cli, ["serve", "--index", str(built_index.path), "--db", str(db)])
    assert "open http://127.0.0.1:8000/" in loud.stderr


def test_docs_page_works_offline(api: TestClient) -> None:
    """The OpenAPI page must not depend on a CDN: its scripts are served by the app itself."""
    page = api.get("/docs")
    assert page.status_code == 200
    assert "cdn.jsdelivr.net" not in page.text and "unpkg.com" not in page.text
    for src in re.findall(r'(?:src|href)="(/[^"]+\.(?:js|css))"', page.text):
        assert api.get(src).status_code == 200, src


def test_review_page_flags_a_verdict_whose_sources_disagree(verifier: Verifier, tmp_path: Path) -> None:
    store = ReviewStore(tmp_path / "reviews.sqlite3")
    verdict = {"claim": "A", "label": "supported", "confidence": 0.5, "explanation": "e.", "evidence": []}
    claims = [
        {"text": "A.", "start": 0, "end": 2, "checkworthiness": 0.9, "features": {}, "contexts": [],
         "verdict": {**verdict, "disputed": True}},
        # A row stored before verdicts said so has no "disputed" key: it still renders.
        {"text": "B.", "start": 3, "end": 5, "checkworthiness": 0.9, "features": {}, "contexts": [],
         "verdict": {**verdict, "claim": "B"}},
    ]  # fmt: skip
    store.add_article("Draft", "A. B.", claims)
    page = TestClient(create_app(verifier, store, allow_documents=False)).get("/")
    assert page.status_code == 200, page.text
    assert page.text.count("sources disagree") == 1
