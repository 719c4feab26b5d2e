"""Routes: staff sign-in and sign-out, who am I, and station enrolment and revocation."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Response
from fastapi.security import APIKeyHeader

from desktop_oms.domain.roles import MANAGERS, Role
from desktop_oms.protocol.auth import EnrolOut, EnrolRequest, SignInRequest, StaffOut, TokenOut
from desktop_oms.protocol.base import MAX_DB_INT
from desktop_oms.protocol.errors import ErrorCode, ErrorEnvelope
from desktop_oms.server import auth
from desktop_oms.server.errors import ApiError
from desktop_oms.server.principals import StaffPrincipal
from desktop_oms.server.services import Services, get_services

router = APIRouter()

ServicesDep = Annotated[Services, Depends(get_services)]
StaffDep = Annotated[StaffPrincipal, Depends(auth.require_staff())]
ManagerDep = Annotated[StaffPrincipal, Depends(auth.require_staff(*MANAGERS))]

station_on_behalf = APIKeyHeader(
    name="X-Station-Authorization",
    scheme_name="StationOnBehalf",
    description="`Bearer sn_…`: the station the staff member signs in at (optional).",
    auto_error=False,
)

_401: dict[str, Any] = {"model": ErrorEnvelope, "description": "not signed in"}
_403: dict[str, Any] = {"model": ErrorEnvelope, "description": "wrong role or another store"}


def _station_token(header: str | None) -> str | None:
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401,
            ErrorCode.UNAUTHENTICATED,
            "X-Station-Authorization must be 'Bearer sn_…'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return token.strip()


@router.post(
    "/auth/sign-in",
    response_model=TokenOut,
    tags=["auth"],
    responses={
        401: {"model": ErrorEnvelope, "description": "wrong username, badge or PIN"},
        403: {"model": ErrorEnvelope, "description": "not a staff member of the station's store"},
        429: {"model": ErrorEnvelope, "description": "too many failures: see Retry-After"},
    },
)
def sign_in(
    body: SignInRequest,
    services: ServicesDep,
    station_header: Annotated[str | None, Depends(station_on_behalf)],
) -> TokenOut:
    """Sign in with username or badge plus PIN; a short-lived token scoped to store and role.

    Send the station's token as ``X-Station-Authorization: Bearer sn_…`` to tie the session
    to that station (then the staff member must work at its store, unless chain-wide).
    After too many failures for one username or badge the answer is ``429 throttled`` with
    ``Retry-After``, even for the right PIN, until the window has passed.
    """
    station_token = _station_token(station_header)
    station_id: int | None = None
    if station_token is not None:
        with services.db.read() as conn:
            station_id = auth.resolve_station_token(conn, station_token).station_id
    failure: ApiError | None = None
    out: TokenOut | None = None
    with services.db.write() as conn:
        try:
            out = auth.sign_in(
                conn,
                services.config,
                username=body.username,
                badge_id=body.badge_id,
                pin=body.pin,
                station_id=station_id,
            )
        except ApiError as exc:
            failure = exc  # commit the recorded attempt, then answer the error
    if failure is not None:
        raise failure
    assert out is not None
    return out


@router.post(
    "/auth/sign-out",
    status_code=204,
    response_class=Response,
    response_model=None,
    tags=["auth"],
    responses={401: _401},
)
def sign_out(staff: StaffDep, services: ServicesDep) -> Response:
    """End the current session: its token stops working at once, on every worker."""
    with services.db.write() as conn:
        auth.revoke_session(conn, staff.session_id)
    return Response(status_code=204)


@router.get("/auth/me", response_model=StaffOut, tags=["auth"], responses={401: _401})
def me(staff: StaffDep, services: ServicesDep) -> StaffOut:
    """The signed-in staff member: name, role and store."""
    with services.db.read() as conn:
        return auth.staff_out(conn, staff.staff_id)


@router.post(
    "/stations/enrol",
    response_model=EnrolOut,
    status_code=201,
    tags=["stations"],
    responses={
        401: _401,
        403: _403,
        422: {"model": ErrorEnvelope, "description": "bad body, or no such store"},
    },
)
def enrol(body: EnrolRequest, staff: ManagerDep, services: ServicesDep) -> EnrolOut:
    """Enrol this PC as a station (managers: of their store; admins: of ``store_id``).

    The answer holds the station's token once; the server keeps only its hash. The
    station sends it as ``Authorization: Bearer sn_…`` on every sync request.
    """
    if staff.role is Role.ADMIN:
        if body.store_id is None:
            raise ApiError(422, ErrorCode.VALIDATION, "store_id: an admin must say which store", {})
        store_id = body.store_id
    else:
        assert staff.store_id is not None  # managers belong to a store
        store_id = staff.store_id if body.store_id is None else body.store_id
        auth.check_store_scope(staff, store_id)
    with services.db.write() as conn:
        return auth.enrol_station(
            conn, store_id=store_id, name=body.name, enrolled_by=staff.staff_id
        )


@router.post(
    "/stations/{station_id}/revoke",
    status_code=204,
    response_class=Response,
    response_model=None,
    tags=["stations"],
    responses={
        401: _401,
        403: _403,
        404: {"model": ErrorEnvelope, "description": "no such station"},
    },
)
def revoke(
    station_id: Annotated[int, Path(ge=1, le=MAX_DB_INT)],
    staff: ManagerDep,
    services: ServicesDep,
) -> Response:
    """Revoke a station (a manager of its store, or an admin): its token and sessions end.

    Revoking a station that is already revoked succeeds and changes nothing.
    """
    with services.db.write() as conn:
        store_id = auth.station_store(conn, station_id)
        if store_id is None:
            raise ApiError(404, ErrorCode.NOT_FOUND, f"station {station_id} not found")
        auth.check_store_scope(staff, store_id)
        auth.revoke_station(conn, station_id, revoked_by=staff.staff_id)
    return Response(status_code=204)
