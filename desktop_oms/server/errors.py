"""API errors and their one JSON envelope; no failure ever answers with a stack trace."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from desktop_oms.domain.errors import (
    DomainError,
    IllegalTransition,
    InsufficientStock,
    InvalidCode,
    MissingRequirement,
    NotFound,
    OutOfScope,
    PermissionDenied,
    StaleVersion,
    VerificationFailed,
)
from desktop_oms.protocol.errors import ErrorBody, ErrorCode, ErrorEnvelope

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error answer: HTTP status, stable code, human message and actionable details."""

    def __init__(
        self,
        status: int,
        code: ErrorCode,
        message: str,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}
        self.headers = headers


def envelope(
    status: int,
    code: ErrorCode,
    message: str,
    details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """The JSON response of an error."""
    body = ErrorEnvelope(error=ErrorBody(code=code, message=message, details=details or {}))
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


_DOMAIN_STATUS: dict[type[DomainError], tuple[int, ErrorCode]] = {
    PermissionDenied: (403, ErrorCode.FORBIDDEN),
    StaleVersion: (409, ErrorCode.CONFLICT),
    IllegalTransition: (409, ErrorCode.CONFLICT),
    MissingRequirement: (422, ErrorCode.VALIDATION),
    InvalidCode: (422, ErrorCode.VALIDATION),
    InsufficientStock: (409, ErrorCode.INSUFFICIENT_STOCK),
    VerificationFailed: (422, ErrorCode.VALIDATION),
    OutOfScope: (403, ErrorCode.OUT_OF_SCOPE),
    NotFound: (404, ErrorCode.NOT_FOUND),
}

_HTTP_CODES = {
    400: ErrorCode.BAD_REQUEST,
    401: ErrorCode.UNAUTHENTICATED,
    403: ErrorCode.FORBIDDEN,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED,
    413: ErrorCode.BODY_TOO_LARGE,
    429: ErrorCode.THROTTLED,
}


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        out.append(
            {
                "loc": [str(p) for p in err.get("loc", ())],
                "msg": str(err.get("msg", "")),
                "type": str(err.get("type", "")),
            }
        )
    return out


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the envelope."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return envelope(exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(DomainError)
    async def _domain_error(_request: Request, exc: DomainError) -> JSONResponse:
        status, code = _DOMAIN_STATUS.get(type(exc), (409, ErrorCode.CONFLICT))
        return envelope(status, code, exc.message, {"reason": exc.code})

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = _validation_details(exc)
        if any(d["type"] == "json_invalid" for d in details):
            return envelope(
                400, ErrorCode.MALFORMED_JSON, "the body is not valid JSON", {"errors": details}
            )
        first = details[0] if details else {"loc": [], "msg": "invalid request"}
        where = ".".join(p for p in first["loc"] if p != "body") or "request"
        return envelope(422, ErrorCode.VALIDATION, f"{where}: {first['msg']}", {"errors": details})

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, ErrorCode.BAD_REQUEST)
        return envelope(
            exc.status_code, code, str(exc.detail), None, dict(exc.headers) if exc.headers else None
        )

    @app.exception_handler(DataError)
    async def _unstorable(_request: Request, exc: DataError) -> JSONResponse:
        # the database refused a value of the request (a number out of range, text it
        # cannot hold): the caller's data, not a server fault; the value is not echoed
        log.warning("database refused a request value: %s", type(exc.orig).__name__)
        return envelope(
            422,
            ErrorCode.VALIDATION,
            "a value in the request is out of range or cannot be stored",
            {"reason": "unstorable_value"},
        )

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return envelope(500, ErrorCode.INTERNAL, "internal error; it has been logged")
