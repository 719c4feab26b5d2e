"""Routes: order intake from sales channels, and per-store availability of a SKU.

See docs/api.md ("Order intake") for the idempotency contract and the test cards.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Connection

from desktop_oms.protocol.errors import ErrorCode, ErrorEnvelope
from desktop_oms.protocol.intake import AvailabilityOut, Latitude, Longitude, OrderIn, OrderOut
from desktop_oms.server import intake, reservations
from desktop_oms.server.auth import require_channel, resolve_channel_key, resolve_staff_token
from desktop_oms.server.errors import ApiError
from desktop_oms.server.principals import ChannelPrincipal, StaffPrincipal
from desktop_oms.server.services import Services, get_services

router = APIRouter(tags=["intake"])

ServicesDep = Annotated[Services, Depends(get_services)]
ChannelDep = Annotated[ChannelPrincipal, Depends(require_channel)]

_reader_bearer = HTTPBearer(
    scheme_name="StaffTokenOrChannelKey",
    description="a staff session token (`st_…`) or a sales channel key (`ch_…`).",
    auto_error=False,
)


def require_reader(
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_reader_bearer)],
) -> StaffPrincipal | ChannelPrincipal:
    """A dependency accepting any signed-in staff member or any sales channel."""
    token = credentials.credentials if credentials is not None else ""
    if not token:
        raise ApiError(
            401,
            ErrorCode.UNAUTHENTICATED,
            "sign in first: no bearer token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    with services.db.read() as conn:
        if token.startswith("ch_"):
            return resolve_channel_key(conn, token)
        return resolve_staff_token(conn, token)


ReaderDep = Annotated[StaffPrincipal | ChannelPrincipal, Depends(require_reader)]

ORDER_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorEnvelope, "description": "idempotency_key_missing"},
    401: {"model": ErrorEnvelope, "description": "no or bad sales channel key"},
    402: {"model": ErrorEnvelope, "description": "payment_declined (stored for retries)"},
    403: {"model": ErrorEnvelope, "description": "the key belongs to another channel"},
    409: {"model": ErrorEnvelope, "description": "insufficient_stock: nothing in stock"},
    422: {
        "model": ErrorEnvelope,
        "description": "validation_error, unknown_sku, unknown_store, idempotency_key_reused",
    },
    503: {"model": ErrorEnvelope, "description": "payment_unavailable: retry, same key"},
}


@router.post(
    "/orders",
    response_model=OrderOut,
    status_code=201,
    responses=ORDER_ERRORS,
    summary="Place an order",
)
def create_order(
    body: OrderIn,
    channel: ChannelDep,
    services: ServicesDep,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            max_length=200,
            description="unique per order attempt; a retry with the same key and body "
            "gets the stored answer",
        ),
    ] = None,
) -> JSONResponse:
    """Accept an order from a sales channel: payment authorised, fraud-checked, routed."""
    key = (idempotency_key or "").strip()
    if not key:
        raise ApiError(
            400,
            ErrorCode.IDEMPOTENCY_KEY_MISSING,
            "send an Idempotency-Key header, unique per order attempt",
        )
    if body.channel is not channel.channel:
        raise ApiError(
            403,
            ErrorCode.FORBIDDEN,
            f"this key places {channel.channel.value} orders, not {body.channel.value} ones",
            {"channel": channel.channel.value},
        )

    def run(conn: Connection) -> tuple[int, dict[str, Any]]:
        out = intake.place_order(
            conn, services.payments, body, pickup_hold_days=services.config.pickup_hold_days
        )
        return 201, out.model_dump(mode="json")

    body_hash = intake.request_hash(body.model_dump(mode="json"))
    with services.db.write() as conn:
        answer = intake.with_idempotency(conn, f"channel:{channel.channel_id}", key, body_hash, run)
    headers = {"Idempotent-Replayed": "true"} if answer.replayed else None
    return JSONResponse(answer.body, status_code=answer.status, headers=headers)


@router.get(
    "/availability/{sku}",
    response_model=AvailabilityOut,
    responses={
        401: {"model": ErrorEnvelope, "description": "not signed in"},
        404: {"model": ErrorEnvelope, "description": "unknown_sku"},
        422: {"model": ErrorEnvelope, "description": "lat without lon, or the reverse"},
    },
    summary="Stock of a SKU per store",
)
def availability(
    sku: Annotated[str, Path(min_length=1, max_length=64)],
    _reader: ReaderDep,
    services: ServicesDep,
    lat: Annotated[Latitude | None, Query(description="the asker's latitude")] = None,
    lon: Annotated[Longitude | None, Query(description="the asker's longitude")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
) -> AvailabilityOut:
    """Available-to-promise of a SKU per store, nearest first when a point is given."""
    if (lat is None) != (lon is None):
        raise ApiError(422, ErrorCode.VALIDATION, "give both lat and lon, or neither")
    near = (lat, lon) if lat is not None and lon is not None else None
    with services.db.read() as conn:
        out = reservations.store_availability(conn, sku, near=near, limit=limit)
    if out is None:
        raise ApiError(404, ErrorCode.UNKNOWN_SKU, f"unknown SKU: {sku}", {"skus": [sku]})
    return out
