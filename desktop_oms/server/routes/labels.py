"""Routes: shipping labels for signed-in staff — buy a packed parcel's labels, void one.

See docs/api.md ("Shipping labels"). Buying is idempotent by ``Idempotency-Key``, like
order intake: a station retrying after a dropped answer gets the labels it bought.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path
from fastapi.responses import JSONResponse
from sqlalchemy.engine import Connection

from desktop_oms.domain.shipping import LABEL_BUYERS, LABEL_VOIDERS
from desktop_oms.protocol.base import MAX_DB_INT
from desktop_oms.protocol.errors import ErrorCode, ErrorEnvelope
from desktop_oms.protocol.labels import LabelRequest, LabelsOut, VoidOut
from desktop_oms.server import documents, intake, labels
from desktop_oms.server.auth import require_staff
from desktop_oms.server.errors import ApiError
from desktop_oms.server.principals import StaffPrincipal
from desktop_oms.server.services import Services, get_services

router = APIRouter(tags=["labels"])

ServicesDep = Annotated[Services, Depends(get_services)]
BuyerDep = Annotated[StaffPrincipal, Depends(require_staff(*LABEL_BUYERS))]
VoiderDep = Annotated[StaffPrincipal, Depends(require_staff(*LABEL_VOIDERS))]

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorEnvelope, "description": "idempotency_key_missing"},
    401: {"model": ErrorEnvelope, "description": "not signed in"},
    403: {"model": ErrorEnvelope, "description": "forbidden (role), out_of_scope (store)"},
    404: {"model": ErrorEnvelope, "description": "no such fulfillment or label"},
    409: {"model": ErrorEnvelope, "description": "conflict: not packed, labels active, shipped"},
    422: {
        "model": ErrorEnvelope,
        "description": "validation_error, carrier_refused, idempotency_key_reused",
    },
    503: {"model": ErrorEnvelope, "description": "carrier_unavailable: retry, same key"},
}


def _fulfillment(conn: Connection, fid: int) -> dict[str, Any]:
    [doc] = documents.fulfillment_docs(conn, [fid])
    assert doc.data is not None
    return doc.data


@router.post(
    "/fulfillments/{fulfillment_id}/labels",
    response_model=LabelsOut,
    status_code=201,
    responses=ERRORS,
    summary="Buy a packed parcel's shipping labels",
)
def buy_labels(
    fulfillment_id: Annotated[int, Path(ge=1, le=MAX_DB_INT)],
    staff: BuyerDep,
    services: ServicesDep,
    body: LabelRequest | None = None,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            max_length=200,
            description="unique per purchase attempt; a retry with the same key and body "
            "gets the stored answer",
        ),
    ] = None,
) -> JSONResponse:
    """One label per packed box from the carrier; the labels and the fulfillment after."""
    key = (idempotency_key or "").strip()
    if not key:
        raise ApiError(
            400,
            ErrorCode.IDEMPOTENCY_KEY_MISSING,
            "send an Idempotency-Key header, unique per label purchase",
        )
    request = body or LabelRequest()
    now = datetime.now(UTC)

    def run(conn: Connection) -> tuple[int, dict[str, Any]]:
        bought = labels.buy(conn, staff, fulfillment_id, request, now)
        out = {"labels": bought, "fulfillment": _fulfillment(conn, fulfillment_id)}
        return 201, LabelsOut.model_validate(out).model_dump(mode="json")

    body_hash = intake.request_hash(
        {"fulfillment_id": fulfillment_id, **request.model_dump(mode="json")}
    )
    with services.db.write() as conn:
        # the key is the parcel's: whoever retries (a colleague after a sign-in switch)
        # gets the same answer; the scope and role checks above and in buy() still apply
        labels.check_buy_scope(conn, staff, fulfillment_id)
        answer = intake.with_idempotency(
            conn, f"labels:{fulfillment_id}", key, body_hash, run, now=now
        )
    headers = {"Idempotent-Replayed": "true"} if answer.replayed else None
    return JSONResponse(answer.body, status_code=answer.status, headers=headers)


@router.post(
    "/labels/{tracking}/void",
    response_model=VoidOut,
    responses=ERRORS,
    summary="Void a shipping label",
)
def void_label(
    tracking: Annotated[str, Path(pattern=r"^[A-Z0-9]{6,40}$")],
    staff: VoiderDep,
    services: ServicesDep,
) -> Any:
    """Void a label not yet shipped (a void label answers as it is); lead and up."""
    with services.db.write() as conn:
        fid, label = labels.void(conn, staff, tracking, datetime.now(UTC))
        return VoidOut.model_validate({"label": label, "fulfillment": _fulfillment(conn, fid)})
