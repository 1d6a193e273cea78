"""A cap on request bodies, checked before and while a body is read.

A declared Content-Length above the cap is refused at once, without reading the body; a
body sent in chunks is counted as it arrives and refused as soon as it passes the cap, so
no more than the cap is ever held, whatever the client claims.
"""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsweave.ingest.options import format_size
from newsweave.web.errors import error_page, is_api_path

PAYLOAD_TOO_LARGE = 413


def too_large_detail(limit: int) -> str:
    return f"request body is above the {format_size(limit, trim=True)} limit"


class BodyLimitMiddleware:
    """Refuses HTTP requests whose body is longer than `max_bytes` with 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await _refuse(send, scope["path"], too_large_detail(self.max_bytes))
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise HTTPException(PAYLOAD_TOO_LARGE, too_large_detail(self.max_bytes))
            return message

        await self.app(scope, counting_receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _refuse(send: Send, path: str, detail: str) -> None:
    """413 as JSON for the API, as an error page for the pages (a form too big)."""
    if is_api_path(path):
        body, kind = json.dumps({"detail": detail}).encode("utf-8"), b"application/json"
    else:
        body = error_page(PAYLOAD_TOO_LARGE, detail).encode("utf-8")
        kind = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": PAYLOAD_TOO_LARGE,
            "headers": [
                (b"content-type", kind),
                (b"content-length", str(len(body)).encode("ascii")),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
