"""`casualty-check serve`: a local web page where an editor checks a draft against the archive.

The page (web_static/index.html: inline CSS and JS, no external assets) posts the draft to
`POST /api/check`, which answers what `check --format json` answers for a draft (findings and a
verdict per claim) plus the draft's text and date, so the page can highlight each claim.

The archive and reference are read once, when the app is made; a request carries only the draft's
text, never a path, so nothing outside the configured archive is ever read. Bad input gets one
clear message and the fitting status: 413 too large, 422 empty, 415 binary or of an unknown type,
400 malformed JSON or date.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

from .corpus import InputError, html_text
from .model import Claim, Document, line_starts_of
from .pipeline import check_draft, default_reference, extract_claims
from .report.json_format import record as finding_record
from .rules import Rules
from .series import load_reference
from .verdicts import counts, record as verdict_record

if TYPE_CHECKING:
    import pandas as pd

#: the largest request body (a draft, or an upload with its form fields) the API accepts
MAX_DRAFT_BYTES = 1_000_000
TEXT_SUFFIXES = (".txt", ".md", ".markdown", "")
HTML_SUFFIXES = (".html", ".htm")


class BadDraft(HTTPException):
    """A request the API refuses; `detail` is the one sentence shown to the editor."""


@dataclass(frozen=True)
class Archive:
    """What the app checks drafts against, read once at start-up."""

    documents: int
    claims: list[Claim]
    reference: pd.DataFrame


def load_archive(paths: Sequence[str | Path], rules: Rules, reference_path: str | Path | None = None,
                 manifest: str | Path | None = None) -> Archive:
    """Extract the archive's claims and load the reference series (InputError/ReferenceError if unreadable)."""
    documents, claims, _ = extract_claims(list(paths), rules, manifest) if paths else (0, [], [])
    return Archive(documents, claims, load_reference(reference_path or default_reference()))


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it grows past `limit` bytes."""
    declared = request.headers.get("content-length", "")
    too_large = BadDraft(413, f"The draft is too large: the limit is {limit:,} bytes.")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    return bytes(body)


def _decode(data: bytes, what: str) -> str:
    """UTF-8 text of a draft; binary data (NUL bytes, invalid UTF-8) is refused with 415."""
    if b"\x00" in data:
        raise BadDraft(415, f"The {what} is binary, not text: paste the article or upload a .txt, .md or .html file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadDraft(415, f"The {what} is not UTF-8 text (invalid byte at offset {exc.start}).") from None


def _date(value: object) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise BadDraft(400, f"Bad date {value!r}: expected YYYY-MM-DD.") from None


async def _draft(request: Request, limit: int) -> tuple[str, str, date | None]:
    """(name, text, date) of the draft a request carries, as JSON or as a form with a text or file."""
    body = await _body(request, limit)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            payload = json.loads(_decode(body, "request"))
        except json.JSONDecodeError as exc:
            raise BadDraft(400, f"Malformed JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.") from None
        if not isinstance(payload, dict) or not isinstance(payload.get("text", ""), str):
            raise BadDraft(400, 'Expected a JSON object like {"text": "the draft", "date": "YYYY-MM-DD"}.')
        return "draft", payload.get("text", ""), _date(payload.get("date"))
    if kind not in ("multipart/form-data", "application/x-www-form-urlencoded"):
        raise BadDraft(415, "Send the draft as JSON or as a form (a text field or a file upload).")

    async def replay() -> dict:
        return {"type": "http.request", "body": body, "more_body": False}

    async with Request(request.scope, replay).form(max_files=1, max_fields=10, max_part_size=limit) as form:
        when = _date(form.get("date"))
        upload = form.get("file")
        if isinstance(upload, UploadFile) and upload.filename:
            name = Path(upload.filename).name
            suffix = Path(name).suffix.lower()
            if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
                raise BadDraft(415, f"{name}: not a draft file; upload a .txt, .md or .html file.")
            text = _decode(await upload.read(), "upload")
            return name, html_text(text) if suffix in HTML_SUFFIXES else text, when
        text = form.get("text", "")
        return "draft", text if isinstance(text, str) else "", when


def create_app(archive: Archive, rules: Rules, *, max_bytes: int = MAX_DRAFT_BYTES,
               hosts: Sequence[str] | None = None) -> Starlette:
    """The app checking drafts against `archive`; `hosts`, when given, are the only Host headers
    answered (a page on another site cannot then reach the local server through DNS rebinding)."""
    page = (resources.files("checker") / "web_static" / "index.html").read_text(encoding="utf-8")

    async def index(request: Request) -> HTMLResponse:
        return HTMLResponse(page)

    async def check(request: Request) -> JSONResponse:
        name, text, when = await _draft(request, max_bytes)
        if not text.strip():
            raise BadDraft(422, "The draft is empty: paste its text or upload a file.")
        if "\x00" in text:
            raise BadDraft(415, "The draft holds NUL characters: it is binary, not text.")
        draft = Document(doc="draft", path=name, text=text, published=when, line_starts=line_starts_of(text))
        try:
            result = await run_in_threadpool(check_draft, [draft], archive.claims, rules, archive.reference,
                                             when or date.today())
        except InputError as exc:  # e.g. a malformed `casualty-check: ignore` comment
            raise BadDraft(422, str(exc)) from None
        return JSONResponse({
            "findings": [finding_record(f) for f in result.findings],
            "verdicts": [verdict_record(v) for v in result.verdicts],
            "counts": counts(result.verdicts),
            "draft": {"name": name, "text": text, "date": (when or date.today()).isoformat()},
            "archive": {"documents": archive.documents, "claims": len(archive.claims)},
        })

    async def refused(request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)

    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))] if hosts else []
    return Starlette(routes=[Route("/", index), Route("/api/check", check, methods=["POST"])],
                     middleware=middleware, exception_handlers={HTTPException: refused})
