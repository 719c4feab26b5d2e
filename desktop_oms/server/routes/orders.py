"""Routes: orders and fulfillments for signed-in staff — read, search, and run commands.

Store roles see only what concerns their store (another store's orders answer 404, so
their existence does not leak); customer service and admins see the whole chain.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy.engine import Connection

from desktop_oms.protocol.base import MAX_DB_INT
from desktop_oms.protocol.errors import ErrorCode, ErrorEnvelope
from desktop_oms.protocol.sync import (
    FulfillmentDoc,
    OrderDetail,
    OrderSummary,
    StaffCommandIn,
)
from desktop_oms.server import commands, documents
from desktop_oms.server import schema as t
from desktop_oms.server.auth import require_staff
from desktop_oms.server.errors import ApiError
from desktop_oms.server.principals import StaffPrincipal
from desktop_oms.server.services import Services, get_services

router = APIRouter(tags=["orders"])

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorEnvelope, "description": "not signed in"},
    404: {"model": ErrorEnvelope, "description": "no such order in your scope"},
}

StaffDep = Annotated[StaffPrincipal, Depends(require_staff())]
ServicesDep = Annotated[Services, Depends(get_services)]


def _visible_docs(
    conn: Connection, staff: StaffPrincipal, fulfillment_ids: list[int]
) -> list[documents.Doc]:
    docs = documents.fulfillment_docs(conn, fulfillment_ids)
    return [
        d
        for d in docs
        if staff.may_see_store(d.store_id)
        or (d.store2_id is not None and staff.may_see_store(d.store2_id))
    ]


#: A search text that looks like (part of) a phone number.
PHONE_QUERY = re.compile(r"^\+?[0-9 ()./-]+$")


def phone_digits_sql(column: sa.ColumnElement[str]) -> sa.ColumnElement[str]:
    """``column`` without the usual phone separators (works on SQLite and PostgreSQL)."""
    expr = column
    for ch in (" ", "-", "(", ")", ".", "/", "+"):
        expr = sa.func.replace(expr, ch, "")
    return expr


def _not_found(what: str) -> ApiError:
    return ApiError(404, ErrorCode.NOT_FOUND, f"{what} not found")


@router.get("/orders/{number}", response_model=OrderDetail, responses=ERRORS)
def get_order(number: str, staff: StaffDep, services: ServicesDep) -> OrderDetail:
    """An order with its lines, the fulfillments you may see, and its timeline."""
    with services.db.read() as conn:
        o = conn.execute(sa.select(t.orders).where(t.orders.c.number == number)).first()
        if o is None:
            raise _not_found(f"order {number}")
        docs = _visible_docs(conn, staff, documents.order_fulfillment_ids(conn, o.id))
        if not docs and not staff.role.chain_wide:
            raise _not_found(f"order {number}")
        cu = conn.execute(sa.select(t.customers).where(t.customers.c.id == o.customer_id)).one()
        ol = t.order_lines.c
        lines = [
            dict(r._mapping)
            for r in conn.execute(
                sa.select(
                    ol.line_no,
                    ol.sku,
                    ol.name,
                    ol.quantity,
                    ol.unit_price_minor,
                    ol.cancelled,
                    ol.unfillable,
                )
                .where(ol.order_id == o.id)
                .order_by(ol.line_no)
            )
        ]
        a = t.audit.c
        keys = [d.key for d in docs]
        who, boss, station = t.staff.alias("who"), t.staff.alias("boss"), t.stations.c
        timeline = [
            dict(r._mapping)
            for r in conn.execute(
                sa.select(
                    a.at,
                    a.entity,
                    a.entity_key,
                    a.action,
                    a.staff_id,
                    a.approved_by,
                    a.station_id,
                    a.reason,
                    a.details,
                    who.c.display_name.label("staff_name"),
                    boss.c.display_name.label("approved_by_name"),
                    station.name.label("station_name"),
                )
                .select_from(t.audit)
                .outerjoin(who, who.c.id == a.staff_id)
                .outerjoin(boss, boss.c.id == a.approved_by)
                .outerjoin(t.stations, station.id == a.station_id)
                .where(
                    sa.or_(
                        sa.and_(a.entity == "order", a.entity_key == number),
                        sa.and_(a.entity == "fulfillment", a.entity_key.in_(keys)),
                    )
                )
                .order_by(a.at, a.id)
            )
        ]
    header = {
        "number": o.number,
        "channel": o.channel,
        "created_at": o.created_at,
        "payment_state": o.payment_state,
        "fraud_state": o.fraud_state,
        "fraud_rules": o.fraud_rules,
        "total_minor": o.total_minor,
        "currency": o.currency,
        "alternate_pickup_name": o.alternate_pickup_name,
        "version": o.version,
    }
    return OrderDetail.model_validate(
        {
            "order": header,
            "customer": {"id": cu.id, "name": cu.name, "email": cu.email, "phone": cu.phone},
            "lines": lines,
            "fulfillments": [d.data for d in docs],
            "timeline": timeline,
            "delivery": o.delivery,
            "pickup_store_id": o.pickup_store_id,
            "shipping_address": documents.ship_to_doc(o.shipping_address, cu.phone),
            "shipping_service": o.shipping_service,
        }
    )


@router.get("/orders", response_model=list[OrderSummary], responses=ERRORS)
def search_orders(
    staff: StaffDep,
    services: ServicesDep,
    q: Annotated[str, Query(min_length=2, max_length=100)],
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[OrderSummary]:
    """Orders whose number, customer name, e-mail, phone or a line's SKU contains ``q``
    (your scope). A ``q`` made of phone characters with 3+ digits matches the phone's
    digits whatever the formatting: "612-345" finds "+31 6 1234 5678"."""
    o, cu, f, ol = t.orders.c, t.customers.c, t.fulfillments.c, t.order_lines.c
    like = f"%{q.lower()}%"
    matches: list[sa.ColumnElement[bool]] = [
        sa.func.lower(o.number).like(like),
        sa.func.lower(cu.name).like(like),
        sa.func.lower(cu.email).like(like),
        cu.phone.like(f"%{q}%"),
        sa.exists().where(ol.order_id == o.id, sa.func.lower(ol.sku).like(like)),
    ]
    digits = "".join(ch for ch in q if ch.isdigit())
    if len(digits) >= 3 and PHONE_QUERY.match(q):
        matches.append(phone_digits_sql(cu.phone).like(f"%{digits}%"))
    query = (
        sa.select(
            o.id,
            o.number,
            o.channel,
            o.created_at,
            cu.name,
            o.total_minor,
            o.currency,
            o.fraud_state,
        )
        .join(t.customers, cu.id == o.customer_id)
        .where(sa.or_(*matches))
        .order_by(o.created_at.desc())
        .limit(limit)
    )
    if not staff.role.chain_wide:
        mine = sa.select(f.order_id).where(
            sa.or_(f.store_id == staff.store_id, f.destination_store_id == staff.store_id)
        )
        query = query.where(o.id.in_(mine))
    with services.db.read() as conn:
        rows = list(conn.execute(query))
        stores: dict[int, set[int]] = {}
        if rows:
            for r in conn.execute(
                sa.select(f.order_id, f.store_id, f.destination_store_id).where(
                    f.order_id.in_([r.id for r in rows])
                )
            ):
                stores.setdefault(r.order_id, set()).update(
                    s for s in (r.store_id, r.destination_store_id) if s is not None
                )
    return [
        OrderSummary(
            number=r.number,
            channel=r.channel,
            created_at=r.created_at,
            customer_name=r.name,
            total_minor=r.total_minor,
            currency=r.currency,
            fraud_state=r.fraud_state,
            store_ids=sorted(stores.get(r.id, set())),
        )
        for r in rows
    ]


@router.get("/fulfillments/{fulfillment_id}", response_model=FulfillmentDoc, responses=ERRORS)
def get_fulfillment(
    fulfillment_id: Annotated[int, Path(ge=1, le=MAX_DB_INT)],
    staff: StaffDep,
    services: ServicesDep,
) -> Any:
    """One fulfillment document, if it concerns your store."""
    with services.db.read() as conn:
        docs = _visible_docs(conn, staff, [fulfillment_id])
    if not docs:
        raise _not_found(f"fulfillment {fulfillment_id}")
    return docs[0].data


@router.post("/commands", response_model=list[FulfillmentDoc], responses=ERRORS)
def run_command(body: StaffCommandIn, staff: StaffDep, services: ServicesDep) -> list[Any]:
    """Run one command online as yourself; answers the target's fulfillments afterwards."""
    actor = commands.Actor(
        staff_id=staff.staff_id,
        role=staff.role,
        store_id=staff.store_id,
        station_id=staff.station_id,
    )
    with services.db.write() as conn:
        commands.run(
            conn,
            actor,
            body.name,
            body.target_key,
            body.args,
            body.base_version,
            pickup_hold_days=services.config.pickup_hold_days,
        )
    with services.db.read() as conn:
        if body.target_kind.value == "fulfillment" and body.target_key.isdigit():
            ids = [int(body.target_key)]
        elif body.target_kind.value == "order":
            oid = conn.execute(
                sa.select(t.orders.c.id).where(t.orders.c.number == body.target_key)
            ).scalar_one()
            ids = documents.order_fulfillment_ids(conn, oid)
        else:
            ids = []
        return [d.data for d in _visible_docs(conn, staff, ids)]
