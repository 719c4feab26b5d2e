"""ASGI middleware refusing request bodies over a size limit, declared or streamed, and
NUL characters anywhere in a request (PostgreSQL text cannot hold them)."""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from desktop_oms.protocol.errors import ErrorBody, ErrorCode, ErrorEnvelope


def _body(limit: int) -> bytes:
    env = ErrorEnvelope(
        error=ErrorBody(
            code=ErrorCode.BODY_TOO_LARGE,
            message=f"request body over {limit} bytes",
            details={"limit": limit},
        )
    )
    return json.dumps(env.model_dump(mode="json")).encode()


_NUL_MESSAGE = json.dumps(
    ErrorEnvelope(
        error=ErrorBody(
            code=ErrorCode.VALIDATION,
            message="text must not contain NUL characters (\\u0000)",
            details={"reason": "nul_character"},
        )
    ).model_dump(mode="json")
).encode()


def _has_nul(data: bytes, *, escape: bytes) -> bool:
    """Whether a request part holds a NUL, raw or written as ``escape`` (%00, \\u0000)."""
    return b"\x00" in data or escape in data.lower()


def _replay(messages: list[Message], then: Receive | None = None) -> Receive:
    """A receive channel that yields ``messages`` first, then defers to ``then``."""
    pending = list(messages)

    async def receive() -> Message:
        if pending:
            return pending.pop(0)
        if then is None:
            return {"type": "http.disconnect"}
        return await then()

    return receive


class BodyLimit:
    """Answers 413 in the error envelope when a body is larger than ``limit`` bytes, and
    422 when the path, query or body holds a NUL character."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if "\x00" in scope.get("path", "") or _has_nul(
            scope.get("query_string", b""), escape=b"%00"
        ):
            await self._refuse(send, 422, _NUL_MESSAGE)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.limit:
                    await self._refuse(send, 413, _body(self.limit))
                    return
        # Read the whole body first (it is small by definition), so a streamed body over
        # the limit is refused before the app sees any of it.
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message]), send)
                return
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.limit:
                await self._refuse(send, 413, _body(self.limit))
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if _has_nul(body, escape=b"\\u0000"):
            await self._refuse(send, 422, _NUL_MESSAGE)
            return
        await self.app(
            scope,
            _replay([{"type": "http.request", "body": body, "more_body": False}], receive),
            send,
        )

    async def _refuse(self, send: Send, status: int, body: bytes) -> None:
        headers: list[Any] = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
