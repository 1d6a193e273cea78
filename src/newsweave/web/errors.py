"""Errors as answers: newsweave's own exceptions become 4xx statuses with their one-line
message; the API answers JSON `{"detail": ...}` and the pages an HTML error page."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from newsweave.errors import ConfigError, InputError, NewsweaveError, TooMuchText
from newsweave.web.headers import SECURITY_HEADERS
from newsweave.web.service import TooManyArticles
from newsweave.web.templating import render
from newsweave.web.urls import FetchDisabled

UNPROCESSABLE = 422
LOG = logging.getLogger("newsweave.web")


def status_of(error: NewsweaveError) -> int:
    """413 for requests above the limits (articles, sentences), 403 for URLs sent to a
    server that does not fetch, 422 for input or options that cannot be used."""
    if isinstance(error, TooManyArticles | TooMuchText):
        return 413
    if isinstance(error, FetchDisabled):
        return 403
    if isinstance(error, InputError | ConfigError):
        return UNPROCESSABLE
    return 400


@contextmanager
def digest_errors() -> Iterator[None]:
    """Turns a newsweave error raised inside the block into an HTTPException."""
    try:
        yield
    except NewsweaveError as error:
        raise HTTPException(status_of(error), str(error)) from error


def wants_json(request: Request) -> bool:
    return is_api_path(request.url.path)


def is_api_path(path: str) -> bool:
    return path.startswith("/api/") or path == "/openapi.json"


def error_page(status: int, detail: str) -> str:
    """The HTML page that reports an error to a person."""
    return render("error.html.j2", status=status, detail=detail, page_title=f"Error {status}")


def error_response(request: Request, status: int, detail: str, **extra: Any) -> Response:
    """The error as JSON for the API, as a page for everything else."""
    if wants_json(request):
        return JSONResponse({"detail": detail, **extra}, status_code=status)
    return HTMLResponse(error_page(status, detail), status_code=status)


def field_message(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
    message = str(error.get("msg", "invalid value"))
    return f"{where}: {message}" if where else message


async def on_http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    response = error_response(request, error.status_code, str(error.detail))
    if error.headers:
        response.headers.update(error.headers)
    return response


async def on_unexpected_error(request: Request, error: Exception) -> Response:
    """A 500 in the page's or the API's own form (JSON `{"detail"}` for the API), with the
    traceback in the server's log, not in the answer."""
    LOG.error("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
    detail = f"internal error ({type(error).__name__}); the server's log has the details"
    response = error_response(request, 500, detail)
    # Starlette answers this from outside every middleware: the security headers are added
    # here, as the middleware adds them to every other answer
    for name, value in SECURITY_HEADERS:
        response.headers.setdefault(name.decode("latin-1"), value.decode("latin-1"))
    return response


async def on_validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = [field_message(e) for e in error.errors()]
    errors = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in error.errors()]
    detail = "; ".join(problems[:5]) or "invalid request"
    sent = request.headers.get("content-type", "")
    whole_body = any(tuple(e.get("loc", ())) == ("body",) for e in error.errors())
    if whole_body and "json" not in sent:  # JSON posted as text/plain or a form
        detail = f"send the body as JSON with Content-Type: application/json (got {sent or 'none'})"
    return error_response(request, UNPROCESSABLE, detail, errors=errors)
