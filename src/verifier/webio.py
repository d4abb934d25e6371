"""The review server's edge: what a request may carry, and the headers its pages are served with.

Split from :mod:`verifier.serve`, which keeps the app's routes and the command, so that every
rule about input that arrives over the network reads in one place: the request bodies and
their field limits (FastAPI answers 422 naming the field), the ASGI middleware that answers a
body over :data:`MAX_BODY_BYTES` with 413 before it is read whole, the wording of a 400 for a
body that is not JSON, the Content-Security-Policy of HTML pages, and which bind addresses
are local.
"""

from __future__ import annotations

import ipaddress
import json
from typing import Any, Literal

from verifier.api import MAX_CLAIM_CHARS
from verifier.checkworthy import THRESHOLD
from verifier.draft import MAX_DRAFT_CHARS
from verifier.errors import VerifierError
from verifier.review import MAX_NOTE_CHARS, MAX_REVIEWER_CHARS

MAX_BODY_BYTES = 1_000_000
MAX_DOCUMENT_CHARS = MAX_BODY_BYTES  # the body limit bounds it first

try:  # pydantic is only needed by the server; import errors surface when it is used
    from pydantic import BaseModel, ConfigDict, Field, field_validator
except ImportError as exc:  # pragma: no cover - a broken install
    raise VerifierError(
        f"the review server needs fastapi and uvicorn ({exc}); reinstall claim-verifier"
    ) from exc


# ---------------------------------------------------------------- request bodies


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CheckRequest(_Body):
    claim: str = Field(min_length=1, max_length=MAX_CLAIM_CHARS, description="The sentence to check.")
    top_k: int | None = Field(default=None, ge=1, le=100, description="How many evidence sentences.")


class ArticleRequest(_Body):
    title: str = Field(max_length=500)
    text: str = Field(min_length=1, max_length=MAX_DRAFT_CHARS, description="The draft as plain text.")
    threshold: float = Field(default=THRESHOLD, ge=0.0, le=1.0, description="Check-worthiness needed.")


class ReviewRequest(_Body):
    label: Literal["supported", "contradicted", "unknown"]
    note: str = Field(default="", max_length=MAX_NOTE_CHARS)
    reviewer: str = Field(min_length=1, max_length=MAX_REVIEWER_CHARS)


class DocumentRequest(_Body):
    text: str = Field(min_length=1, max_length=MAX_DOCUMENT_CHARS)
    title: str = Field(default="", max_length=500)
    source: str = Field(default="", max_length=500)
    date: str = Field(
        default="", max_length=100, description="Publication date, e.g. 2025-01-15; empty when unknown."
    )
    url: str = Field(default="", max_length=2000)
    doc_id: str | None = Field(default=None, min_length=1, max_length=200, pattern=r"^[\w.:/@+-]+$")

    @field_validator("date")
    @classmethod
    def _date_reads_as_a_date(cls, value: str) -> str:
        # The same rule as a NAME.meta.json sidecar's date, so both ways in accept the same dates.
        from verifier.formats import is_date

        if value.strip() and not is_date(value.strip()):
            raise ValueError(f"not a date: {value[:40]!r} (write it like 2025-01-15, or leave it empty)")
        return value


# ---------------------------------------------------------------- the body limit


class BodyLimit:
    """ASGI middleware: a request body over ``limit`` bytes is answered 413 before the app sees it."""

    def __init__(self, app: Any, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.limit
            except ValueError:
                await _send_json(send, 400, {"detail": "invalid Content-Length header"})
                return
            if too_big:
                await _send_json(send, 413, {"detail": self._message()})
                return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.limit:
                await _send_json(send, 413, {"detail": self._message()})
                return
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _message(self) -> str:
        return f"request body too large: the limit is {self.limit} bytes"


async def _send_json(send: Any, status: int, payload: dict[str, Any]) -> None:
    data = json.dumps(payload).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": data})


# ---------------------------------------------------------------- error messages and headers


def json_error_message(error: dict[str, Any], body: Any) -> str:
    """ "invalid JSON at line 1, column 14 (character 13): Expecting ..." for FastAPI's json_invalid error."""
    loc = error.get("loc", ())
    reason = (error.get("ctx") or {}).get("error") or error.get("msg") or "JSON decode error"
    pos = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else None
    if pos is None:
        return f"invalid JSON: {reason}"
    where = f"character {pos}"  # 0-based, as Python's json module counts
    if isinstance(body, str):  # the document FastAPI failed to decode: line and column for an editor
        line = body.count("\n", 0, pos) + 1
        column = pos - (body.rfind("\n", 0, pos) + 1) + 1
        where = f"line {line}, column {column} ({where})"
    return f"invalid JSON at {where}: {reason}"


def html_headers(nonce: str) -> dict[str, str]:
    """Headers for an HTML page: only scripts and styles carrying ``nonce`` run, and the page is
    never framed, sniffed as another type, kept in a cache or named in a Referer header."""
    return {
        "Content-Security-Policy": (
            f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
            "connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'"
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cache-Control": "no-store",
    }


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach (the server has no authentication)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
