"""ASGI middleware refusing request bodies over a size limit, declared or streamed."""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from desktop_oms.protocol.errors import ErrorBody, ErrorCode, ErrorEnvelope


class BodyTooLarge(Exception):
    """Raised inside the receive channel when a streamed body passes the limit."""


def _body(limit: int) -> bytes:
    env = ErrorEnvelope(
        error=ErrorBody(
            code=ErrorCode.BODY_TOO_LARGE,
            message=f"request body over {limit} bytes",
            details={"limit": limit},
        )
    )
    return json.dumps(env.model_dump(mode="json")).encode()


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
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = _body(self.limit)
        headers: list[Any] = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})
