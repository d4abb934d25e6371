"""The review server: ``verifier serve``, a FastAPI app over one loaded index and a review database.

The index is loaded once, before the server accepts requests; ``POST /api/documents``
adds to it in place (:mod:`verifier.update`) and swaps the loaded copy under a lock.
Claims, reviews and their history live in SQLite (:mod:`verifier.review`) and survive
restarts. What a request may carry is :mod:`verifier.webio`: request bodies over
:data:`~verifier.webio.MAX_BODY_BYTES` get 413; invalid fields (an empty or over-long
claim, an unknown label) get 422 with the reason; a body that is not JSON gets 400
naming where it breaks. HTML is rendered with autoescaping and served with a
Content-Security-Policy that only runs this page's own script, so text from a draft or a
document is always shown as text.
"""

from __future__ import annotations

import json
import secrets
import threading
from pathlib import Path
from typing import Annotated, Any, Literal

import click

from verifier.articlereport import UNCERTAIN_BELOW
from verifier.claimreview import claimreview
from verifier.draft import check_article
from verifier.errors import VerifierError
from verifier.review import ReviewStore
from verifier.templating import plural
from verifier.types import LABELS
from verifier.webio import (
    MAX_BODY_BYTES,
    ArticleRequest,
    BodyLimit,
    CheckRequest,
    DocumentRequest,
    ReviewRequest,
    html_headers,
    is_loopback,
    json_error_message,
)

DEFAULT_DB_NAME = "reviews.sqlite3"

try:  # fastapi is only needed by the server; import errors surface when it is used
    from fastapi import HTTPException, Query, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
    from fastapi_offline import FastAPIOffline
except ImportError as exc:  # pragma: no cover - a broken install
    raise VerifierError(
        f"the review server needs fastapi and uvicorn ({exc}); reinstall claim-verifier"
    ) from exc


# ---------------------------------------------------------------- the app


class ServerState:
    """The loaded verifier (swapped when documents are added) and the review store."""

    def __init__(self, verifier: Any, store: ReviewStore, allow_documents: bool) -> None:
        self.verifier = verifier
        self.store = store
        self.allow_documents = allow_documents
        self.lock = threading.RLock()  # checks and index updates take turns


def reload_verifier(verifier: Any) -> Any:
    """The same pipeline (embedder, judge, reranking, aggregation) over the index as now on disk."""
    from verifier.api import Verifier
    from verifier.index import EvidenceIndex

    retriever = verifier.retriever
    index = EvidenceIndex.load(verifier.index.directory)
    _ = index.lexical
    return Verifier(
        index,
        verifier.embedder,
        verifier.judge,
        top_k=verifier.top_k,
        rerank=retriever.reranker is not None,
        rerank_weight=retriever.rerank_weight,
        rerank_depth=retriever.rerank_depth,
        aggregator=verifier.aggregator,
    )


def create_app(
    verifier: Any,
    store: ReviewStore,
    *,
    allow_documents: bool = True,
    max_body: int = MAX_BODY_BYTES,
) -> FastAPIOffline:
    """The review app over a loaded :class:`verifier.api.Verifier` and a :class:`ReviewStore`.

    ``allow_documents=False`` refuses ``POST /api/documents`` (the shipped corpus's cached
    index is not for editing).
    """
    from verifier import __version__

    _ = verifier.index.lexical  # load BM25 now: loaded lazily, it could come from a later update on disk
    state = ServerState(verifier, store, allow_documents)
    # FastAPIOffline serves the /docs page's Swagger UI files itself: plain FastAPI links a CDN,
    # which this offline tool cannot reach.
    app = FastAPIOffline(
        title="claim-verifier review server",
        version=__version__,
        description="Check claims and drafts against the loaded index; review verdicts; export ClaimReview.",
    )
    app.state.verifier_state = state
    app.add_middleware(BodyLimit, limit=max_body)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # A body that is not JSON at all is a malformed request (400), not a field that failed its
        # schema (422); FastAPI reports it as loc ["body", 13], which would read as a field "13".
        bad_json = next((e for e in exc.errors() if e.get("type") == "json_invalid"), None)
        if bad_json is not None:
            message = json_error_message(bad_json, exc.body)
            return JSONResponse({"detail": message, "message": message}, status_code=400)
        # FastAPI's default echoes every rejected input back (a 1 MB claim included): name the field only.
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        message = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}" for e in errors)
        return JSONResponse({"detail": errors, "message": message}, status_code=422)

    @app.exception_handler(VerifierError)
    async def _user_error(request: Request, exc: VerifierError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    def _claim_or_404(claim_id: int, **kwargs: Any) -> dict[str, Any]:
        claim = state.store.claim(claim_id, **kwargs)
        if claim is None:
            raise HTTPException(404, f"no claim with id {claim_id}")
        return claim

    # Uptime monitors and `curl -I` send HEAD; FastAPI routes answer only the methods they list. The
    # HEAD twins are left out of the OpenAPI schema, where they would repeat the GET operations.
    @app.head("/healthz", include_in_schema=False)
    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        """Ready: the index is loaded. Also says what it holds."""
        index = state.verifier.index
        return {
            "status": "ok",
            "index": str(index.directory),
            "documents": len(index.documents),
            "sentences": len(index),
            "claims": state.store.counts(),
        }

    @app.post("/api/check")
    def api_check(req: CheckRequest) -> dict[str, Any]:
        """One claim: the same verdict object as ``verifier check --json``."""
        with state.lock:
            verdict = state.verifier.check(req.claim, req.top_k)
        return verdict.to_dict()

    @app.post("/api/articles", status_code=201)
    def api_articles(req: ArticleRequest) -> dict[str, Any]:
        """Find the check-worthy claims of a draft, check them, and store them for review."""
        with state.lock:
            report = check_article(state.verifier, req.text, req.title, threshold=req.threshold)
        claims = [{**c.to_dict(), "contexts": c.contexts} for c in report.claims]
        article_id = state.store.add_article(req.title, req.text, claims)
        article = state.store.article(article_id)
        assert article is not None
        return {"id": article_id, "title": req.title, "claims": article["claims"]}

    @app.get("/api/claims")
    def api_claims(
        status: Annotated[Literal["pending", "reviewed"] | None, Query()] = None,
        label: Annotated[Literal["supported", "contradicted", "unknown"] | None, Query()] = None,
    ) -> list[dict[str, Any]]:
        """Stored claims with their automatic verdict and review; ``label`` filters on the current label
        (the human one once reviewed, else the automatic one)."""
        return state.store.claims(status, label)

    @app.patch("/api/claims/{claim_id}")
    def api_review(claim_id: int, req: ReviewRequest) -> dict[str, Any]:
        """Accept (same label as the automatic verdict) or override (another label, with a note)."""
        try:
            return state.store.review(claim_id, req.label, req.note, req.reviewer)
        except KeyError:
            raise HTTPException(404, f"no claim with id {claim_id}") from None

    @app.get("/api/claims/{claim_id}/history")
    def api_history(claim_id: int) -> list[dict[str, Any]]:
        """Every change to the claim, oldest first: who, when, old label, new label, note."""
        _claim_or_404(claim_id)
        return state.store.history(claim_id)

    @app.get("/api/claims/{claim_id}/claimreview")
    def api_claimreview(claim_id: int) -> Response:
        """schema.org ClaimReview JSON-LD of a reviewed claim (409 while it is pending)."""
        claim = _claim_or_404(claim_id)
        try:
            data = claimreview(claim, state.verifier.index.documents)
        except VerifierError as exc:
            raise HTTPException(409, str(exc)) from None
        return Response(json.dumps(data, ensure_ascii=False, indent=2), media_type="application/ld+json")

    @app.get("/api/export.csv")
    def api_export_csv() -> Response:
        """All claims, automatic and human verdicts; cells starting with = + - @ are quoted."""
        return Response(
            state.store.export_csv(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="claims.csv"'},
        )

    @app.get("/api/export.jsonl")
    def api_export_jsonl() -> Response:
        """All claims as JSON lines: raw text (data for programs, as in `verifier batch`), full verdicts."""
        return PlainTextResponse(
            state.store.export_jsonl(),
            media_type="application/x-ndjson; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="claims.jsonl"'},
        )

    @app.post("/api/documents", status_code=201)
    def api_documents(req: DocumentRequest) -> dict[str, Any]:
        """Add a document to the index without rebuilding it; the next check can cite it."""
        from verifier.types import Document
        from verifier.update import add_documents, document_id_for

        if not state.allow_documents:
            raise HTTPException(
                409, "this server uses the shipped corpus; start it with --index DIR to add documents"
            )
        text = req.text.replace("\r\n", "\n")
        if not text.strip():
            raise HTTPException(422, "the document text is empty")
        doc_id = req.doc_id or document_id_for(text, "api")
        doc = Document(
            doc_id, text, req.title.strip(), req.source.strip(), req.date.strip(), req.url.strip(), "api"
        )
        with state.lock:
            if doc_id in state.verifier.index.documents:
                raise HTTPException(409, f"document id '{doc_id}' is already in the index")
            manifest = add_documents(state.verifier.index.directory, [doc], state.verifier.embedder)
            state.verifier = reload_verifier(state.verifier)
            added = len(state.verifier.index.rows_of_documents([doc_id]))
        return {
            "doc_id": doc_id,
            "sentences": added,
            "index": {"documents": manifest["documents"], "sentences": manifest["sentences"]},
        }

    @app.head("/", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/", response_class=HTMLResponse)
    def review_page(
        status: Annotated[Literal["pending", "reviewed"] | None, Query()] = None,
        label: Annotated[Literal["supported", "contradicted", "unknown"] | None, Query()] = None,
    ) -> HTMLResponse:
        """The review queue: pending first, contradicted and uncertain first."""
        from verifier.templating import render

        claims = state.store.queue(status, label)
        for claim in claims:
            claim["history"] = state.store.history(claim["id"])
        nonce = secrets.token_urlsafe(16)
        html = render(
            "review.html",
            claims=claims,
            counts=state.store.counts(),
            status=status or "",
            label=label or "",
            labels=LABELS,
            nonce=nonce,
            uncertain_below=UNCERTAIN_BELOW,
            index_documents=len(state.verifier.index.documents),
        )
        return HTMLResponse(html, headers=html_headers(nonce))

    return app


# ---------------------------------------------------------------- the command


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("claim-verifier")) / DEFAULT_DB_NAME


@click.command("serve")
@click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Index folder (default: the shipped corpus; then documents cannot be added).",
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=f"SQLite file for claims and reviews (default: {DEFAULT_DB_NAME} in the user data folder).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to bind.")
@click.option(
    "--top-k", type=click.IntRange(1, 100), default=5, show_default=True, help="Evidence per claim."
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="No progress bars, start-up message or request log; errors and warnings still show.",
)
def serve_command(
    index_dir: Path | None, db_path: Path | None, host: str, port: int, top_k: int, quiet: bool
) -> None:
    """Run the review server: API, review page at /, OpenAPI docs at /docs.

    The index is loaded once at start-up. There is no authentication: keep the default
    127.0.0.1 unless the network in front of it is trusted.
    """
    import uvicorn

    from verifier.api import Verifier

    db_path = db_path or default_db_path()
    verifier = Verifier.open(index_dir, quiet=quiet, top_k=top_k)  # before the database: fail early
    store = ReviewStore(db_path)
    app = create_app(verifier, store, allow_documents=index_dir is not None)
    if not is_loopback(host):
        click.echo(f"warning: {host} is not a loopback address; anyone who can reach it can review", err=True)
    if not quiet:
        click.echo(
            f"index {verifier.index.directory} ({plural(len(verifier.index.documents), 'document')}), "
            f"reviews in {db_path}; "
            f"open http://{host if ':' not in host else f'[{host}]'}:{port}/",
            err=True,
        )
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning" if quiet else "info")
    finally:
        store.close()
