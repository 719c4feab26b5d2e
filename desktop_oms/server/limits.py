"""ASGI middleware refusing request bodies over a size limit, declared or streamed."""

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
    """Answers 413 in the error envelope when a body is larger than ``limit`` bytes."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.limit:
                    await self._refuse(send)
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
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        await self.app(
            scope,
            _replay([{"type": "http.request", "body": body, "more_body": False}], receive),
            send,
        )

    async def _refuse(self, send: Send) -> None:
        body = _body(self.limit)
        headers: list[Any] = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})
