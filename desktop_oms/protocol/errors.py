"""The one JSON error envelope of every failure: ``{"error": {code, message, details}}``."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from desktop_oms.protocol.base import WireModel


class ErrorCode(StrEnum):
    """Stable machine-readable error names; clients branch on these, never on messages."""

    BAD_REQUEST = "bad_request"
    VALIDATION = "validation_error"
    MALFORMED_JSON = "malformed_json"
    BODY_TOO_LARGE = "body_too_large"
    UNAUTHENTICATED = "unauthenticated"
    TOKEN_EXPIRED = "token_expired"
    FORBIDDEN = "forbidden"
    OUT_OF_SCOPE = "out_of_scope"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    THROTTLED = "throttled"
    IDEMPOTENCY_KEY_MISSING = "idempotency_key_missing"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    PAYMENT_DECLINED = "payment_declined"
    PAYMENT_UNAVAILABLE = "payment_unavailable"
    UNKNOWN_SKU = "unknown_sku"
    UNKNOWN_STORE = "unknown_store"
    INSUFFICIENT_STOCK = "insufficient_stock"
    RESYNC_REQUIRED = "resync_required"
    SEQUENCE_GAP = "sequence_gap"
    CONFLICT = "conflict"
    CARRIER_REFUSED = "carrier_refused"
    CARRIER_UNAVAILABLE = "carrier_unavailable"
    INTERNAL = "internal_error"


class ErrorBody(WireModel):
    """What went wrong: ``code`` to branch on, ``message`` to show, ``details`` to act on."""

    code: ErrorCode
    message: str
    details: dict[str, Any] = {}


class ErrorEnvelope(WireModel):
    """The body of every non-2xx answer."""

    error: ErrorBody
