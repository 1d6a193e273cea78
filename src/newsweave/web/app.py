"""The web app: FastAPI with the JSON API (api.py), the pages (pages.py), the static
script and styles, request body limits and security headers on every response."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from newsweave import __version__
from newsweave.web import api, pages
from newsweave.web.errors import on_http_error, on_unexpected_error, on_validation_error
from newsweave.web.headers import SecurityHeadersMiddleware
from newsweave.web.limits import BodyLimitMiddleware
from newsweave.web.service import DigestService
from newsweave.web.settings import WebSettings

DESCRIPTION = """\
Digest several outlets' articles about one event: a summary whose every sentence cites the
outlets that report it, what they agree on, where they differ, and who said what.

Digest answers follow `newsweave schema`. Errors answer `{"detail": "..."}` with a 4xx
status. No server path is ever taken from a request: send the articles' text or files.
"""


def fetch_note(settings: WebSettings) -> str:
    """What the API description says about fetching URLs, for this server's settings."""
    if not settings.fetch_urls:
        return "Nothing is fetched from the network: a request naming `urls` is refused (403)."
    if settings.allow_private_urls:
        return "This server fetches the `urls` a request names, private addresses included."
    return (
        "This server fetches the `urls` a request names, public addresses only: a URL whose "
        'host is loopback, private, link-local, multicast or reserved is skipped as "address '
        'not allowed".'
    )


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """The app, with its own digest service and limits."""
    settings = settings or WebSettings()
    app = FastAPI(
        title="newsweave",
        version=__version__,
        description=f"{DESCRIPTION}\n{fetch_note(settings)}",
        docs_url=None,  # FastAPI's docs pages load script from a CDN: see apidocs.py
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.service = DigestService(settings)
    app.include_router(api.router)
    app.include_router(pages.router)
    static = StaticFiles(packages=[("newsweave", "web/static")])
    app.mount("/static", static, name="static")
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_unexpected_error)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware)  # outermost: refusals get headers too
    return app
