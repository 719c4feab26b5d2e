"""Shipping labels: buying one per packed box from a carrier, voiding them, and the
records the fulfillment document carries (``FulfillmentDoc.labels``).

Everything runs in the caller's write transaction with the fulfillment row locked, so a
purchase, a void and a ``ship`` of the same fulfillment never interleave. Labels are an
attachment of the fulfillment, not a status change: buying or voiding one republishes the
document on the feed but keeps its ``version``, so a station's queued ``ship`` based on
the packed version stays valid.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_oms.domain.errors import IllegalTransition, MissingRequirement, NotFound, OutOfScope
from desktop_oms.domain.shipping import LabelStatus, ServiceLevel, check_label_role
from desktop_oms.domain.status import FulfillmentMethod, FulfillmentStatus
from desktop_oms.protocol.errors import ErrorCode
from desktop_oms.protocol.labels import LabelRequest
from desktop_oms.protocol.sync import AddressDoc, Kind
from desktop_oms.server import feed
from desktop_oms.server import schema as t
from desktop_oms.server.carriers import (
    CarrierRefused,
    CarrierUnavailable,
    Shipment,
    carrier_for,
)
from desktop_oms.server.documents import label_doc, ship_to_doc
from desktop_oms.server.errors import ApiError
from desktop_oms.server.principals import StaffPrincipal

S = FulfillmentStatus


def _lock_fulfillment(conn: Connection, fid: int) -> Any:
    query = sa.select(t.fulfillments).where(t.fulfillments.c.id == fid)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).first()
    if row is None:
        raise NotFound(f"fulfillment {fid} does not exist")
    return row


def _check_scope(staff: StaffPrincipal, store_id: int) -> None:
    if not staff.may_see_store(store_id):
        raise OutOfScope("this parcel belongs to another store")


def check_buy_scope(conn: Connection, staff: StaffPrincipal, fid: int) -> None:
    """Refuse another store's parcel before its idempotency record is read."""
    store_id = conn.execute(
        sa.select(t.fulfillments.c.store_id).where(t.fulfillments.c.id == fid)
    ).scalar()
    if store_id is None:
        raise NotFound(f"fulfillment {fid} does not exist")
    _check_scope(staff, int(store_id))


def _audit(
    conn: Connection,
    staff: StaffPrincipal,
    fid: int,
    action: str,
    details: dict[str, Any],
    now: datetime,
    reason: str | None = None,
) -> None:
    conn.execute(
        sa.insert(t.audit).values(
            at=now,
            entity="fulfillment",
            entity_key=str(fid),
            action=action,
            staff_id=staff.staff_id,
            approved_by=None,
            station_id=staff.station_id,
            reason=reason,
            details=details,
        )
    )


def _touch(conn: Connection, fid: int, now: datetime) -> None:
    """Republish the fulfillment (its labels changed) without a new version."""
    conn.execute(sa.update(t.fulfillments).where(t.fulfillments.c.id == fid).values(updated_at=now))
    feed.touch(conn, Kind.FULFILLMENT, fid)


def _store_address(conn: Connection, store_id: int) -> AddressDoc:
    st = conn.execute(sa.select(t.stores).where(t.stores.c.id == store_id)).one()
    return AddressDoc(
        name=st.name,
        line1=st.address,
        postal_code=st.postal_code,
        city=st.city,
        country=st.country,
    )


def _addresses(conn: Connection, row: Any) -> tuple[AddressDoc, AddressDoc]:
    """Where the parcel leaves from (the store) and goes to: the order's address, or for a
    ship-to-store transfer the destination store."""
    ship_from = _store_address(conn, row.store_id)
    if row.method == FulfillmentMethod.SHIP_TO_STORE.value:
        if row.destination_store_id is None:
            raise MissingRequirement("the transfer has no destination store")
        return ship_from, _store_address(conn, row.destination_store_id)
    o = conn.execute(
        sa.select(t.orders.c.shipping_address, t.customers.c.phone)
        .join(t.customers, t.customers.c.id == t.orders.c.customer_id)
        .where(t.orders.c.id == row.order_id)
    ).one()
    ship_to = ship_to_doc(o.shipping_address, o.phone)
    if ship_to is None:
        raise MissingRequirement("the order has no shipping address")
    return ship_from, AddressDoc.model_validate(ship_to)


#: Methods whose parcels leave with a carrier: home deliveries and transfers out.
_LABELLED = frozenset(
    {FulfillmentMethod.SHIP_FROM_STORE.value, FulfillmentMethod.SHIP_TO_STORE.value}
)


def _label_rows(conn: Connection, fid: int) -> list[Any]:
    c = t.shipping_labels.c
    return list(
        conn.execute(sa.select(t.shipping_labels).where(c.fulfillment_id == fid).order_by(c.id))
    )


def buy(
    conn: Connection, staff: StaffPrincipal, fid: int, request: LabelRequest, now: datetime
) -> list[dict[str, Any]]:
    """Buy one label per box of a packed ship-from-store parcel or ship-to-store transfer
    (to the destination store); the label documents.

    The service is the request's, else the order's ``shipping_service``.

    Refused: a role that may not (403), another store's parcel (403), not leaving with a
    carrier or not packed (409), labels still active (409: void them first), no boxes or no address
    (422), an unknown carrier (422), the carrier's refusal (422) or failure (503).
    """
    check_label_role(staff.role)
    row = _lock_fulfillment(conn, fid)
    _check_scope(staff, row.store_id)
    if row.method not in _LABELLED:
        raise IllegalTransition(
            "only ship-from-store parcels and ship-to-store transfers get a carrier label"
        )
    if row.status != S.PACKED.value:
        raise IllegalTransition(
            f"pack it first: labels are bought for packed parcels, this one is "
            f"{row.status.replace('_', ' ')}"
        )
    live = [r.tracking for r in _label_rows(conn, fid) if r.status == LabelStatus.ACTIVE.value]
    if live:
        raise IllegalTransition(
            f"this parcel already has labels ({', '.join(live)}): void them to buy new ones"
        )
    boxes = list(row.boxes or [])
    if not boxes:
        raise MissingRequirement("the parcel has no boxes: pack it again")
    try:
        carrier = carrier_for(request.carrier, conn)
    except KeyError:
        raise ApiError(
            422,
            ErrorCode.VALIDATION,
            f"unknown carrier {request.carrier!r}",
            {"carrier": request.carrier},
        ) from None
    ship_from, ship_to = _addresses(conn, row)
    order = conn.execute(
        sa.select(t.orders.c.number, t.orders.c.shipping_service).where(
            t.orders.c.id == row.order_id
        )
    ).one()
    order_number = order.number
    service = request.service or ServiceLevel(order.shipping_service)
    bought = []
    for n, box in enumerate(boxes, start=1):
        shipment = Shipment(
            ship_from=ship_from,
            ship_to=ship_to,
            service=service,
            reference=order_number,
            box_index=n,
            box_count=len(boxes),
            weight_g=int(box["weight_g"]),
            length_cm=int(box["length_cm"]),
            width_cm=int(box["width_cm"]),
            height_cm=int(box["height_cm"]),
        )
        try:
            label = carrier.buy_label(shipment)
        except CarrierRefused as exc:
            raise ApiError(
                422, ErrorCode.CARRIER_REFUSED, f"{carrier.name}: {exc.message}"
            ) from None
        except CarrierUnavailable as exc:
            raise ApiError(
                503, ErrorCode.CARRIER_UNAVAILABLE, f"{carrier.name}: {exc.message}"
            ) from None
        shown = {
            "carrier_name": label.carrier_name,
            "box_count": len(boxes),
            "weight_g": shipment.weight_g,
            "length_cm": shipment.length_cm,
            "width_cm": shipment.width_cm,
            "height_cm": shipment.height_cm,
            "routing_code": label.routing_code,
            "ship_from": ship_from.model_dump(mode="json"),
            "ship_to": ship_to.model_dump(mode="json"),
            "reference": order_number,
            "zpl": label.zpl,
        }
        conn.execute(
            sa.insert(t.shipping_labels).values(
                tracking=label.tracking,
                fulfillment_id=fid,
                carrier=label.carrier,
                service=service.value,
                box_index=n,
                status=LabelStatus.ACTIVE.value,
                label=shown,
                created_at=now,
                created_by=staff.staff_id,
            )
        )
        bought.append(label.tracking)
    _audit(
        conn,
        staff,
        fid,
        "buy_labels",
        {"carrier": request.carrier, "service": service.value, "tracking": bought},
        now,
    )
    _touch(conn, fid, now)
    return [label_doc(r) for r in _label_rows(conn, fid) if r.tracking in bought]


def void(
    conn: Connection, staff: StaffPrincipal, tracking: str, now: datetime
) -> tuple[int, dict[str, Any]]:
    """Void a label not yet shipped; the fulfillment id and the label document.

    A label already void is answered as it is (a retried void). Refused: a role below lead
    (403), another store's label (403), an unknown label (404), a shipped parcel (409).
    """
    check_label_role(staff.role, void=True)
    c = t.shipping_labels.c
    fid = conn.execute(sa.select(c.fulfillment_id).where(c.tracking == tracking)).scalar()
    if fid is None:
        raise NotFound(f"no label with tracking number {tracking}")
    row = _lock_fulfillment(conn, int(fid))
    _check_scope(staff, row.store_id)
    label = conn.execute(sa.select(t.shipping_labels).where(c.tracking == tracking)).one()
    if label.status == LabelStatus.VOID.value:
        return int(fid), label_doc(label)
    if row.status in (S.SHIPPED.value, S.IN_TRANSIT.value, S.ARRIVED.value):
        raise IllegalTransition(
            f"the parcel has shipped under {row.tracking}: a label cannot be voided after it"
        )
    _void_rows(conn, [label], staff.staff_id, now)
    _audit(conn, staff, int(fid), "void_label", {"tracking": tracking}, now)
    _touch(conn, int(fid), now)
    return int(fid), label_doc(
        conn.execute(sa.select(t.shipping_labels).where(c.id == label.id)).one()
    )


def _void_rows(conn: Connection, rows: Sequence[Any], staff_id: int, now: datetime) -> None:
    """Void labels at their carrier and here."""
    for label in rows:
        try:
            carrier_for(label.carrier, conn).void(label.tracking)
        except KeyError:
            pass  # a carrier no longer configured: nothing to tell it
        except CarrierRefused as exc:
            raise IllegalTransition(
                f"the carrier would not void {label.tracking}: {exc.message}"
            ) from None
        conn.execute(
            sa.update(t.shipping_labels)
            .where(t.shipping_labels.c.id == label.id)
            .values(status=LabelStatus.VOID.value, voided_at=now, voided_by=staff_id)
        )


def void_all(conn: Connection, fid: int, staff_id: int, now: datetime) -> list[str]:
    """Void a fulfillment's active labels (unpacked or cancelled: the boxes are gone); the
    tracking numbers voided. The caller audits and republishes the fulfillment."""
    live = [r for r in _label_rows(conn, fid) if r.status == LabelStatus.ACTIVE.value]
    _void_rows(conn, live, staff_id, now)
    return [r.tracking for r in live]


def active_label_docs(conn: Connection, fid: int) -> list[dict[str, Any]]:
    """The fulfillment's active label documents (for the ``ship`` check)."""
    return [label_doc(r) for r in _label_rows(conn, fid) if r.status == LabelStatus.ACTIVE.value]
