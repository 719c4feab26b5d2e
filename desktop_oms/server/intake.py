"""Order intake: validate, authorise payment, check fraud, route, reserve, record.

:func:`place_order` runs inside the caller's write transaction and stores nothing unless
the payment was authorised. :func:`with_idempotency` wraps it for the HTTP route: the
stored answer and the order commit together, and a retry gets the stored answer.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from desktop_oms.domain.entities import Channel, PaymentState
from desktop_oms.domain.identifiers import validate_order_number
from desktop_oms.protocol.errors import ErrorBody, ErrorCode, ErrorEnvelope
from desktop_oms.protocol.intake import (
    AllocationOut,
    Delivery,
    FulfillmentOut,
    OrderIn,
    OrderOut,
)
from desktop_oms.server import feed, fraud, routing
from desktop_oms.server import schema as t
from desktop_oms.server.errors import ApiError
from desktop_oms.server.payments import AuthOutcome, PaymentProvider
from desktop_oms.server.reservations import ATP

log = logging.getLogger(__name__)

#: Order number prefix per channel: ``WEB-1000042``.
PREFIX: dict[Channel, str] = {
    Channel.WEB: "WEB",
    Channel.MARKETPLACE: "MKT",
    Channel.CALL_CENTRE: "CC",
    Channel.STORE: "POS",
}
#: Order numbers are the prefix and this plus the row id (7 digits for the first 9M).
NUMBER_BASE = 1_000_000

#: Error answers that are final for the request and so are stored for its retries.
#: A provider outage (503) is not: the client retries with the same key.
STORED_ERROR_STATUSES = frozenset({402})


def _upsert(conn: Connection, table: sa.Table) -> Any:
    """An ``INSERT`` that can say ``ON CONFLICT`` on this connection's dialect."""
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)


# --- idempotency -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    """An HTTP answer to send: status, JSON body, and whether it is a stored replay."""

    status: int
    body: dict[str, Any]
    replayed: bool = False


def request_hash(body: dict[str, Any]) -> str:
    """The fingerprint of a request body (canonical JSON, so key order does not matter)."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def error_body(exc: ApiError) -> dict[str, Any]:
    """The JSON envelope of an API error, as the error handler would send it."""
    envelope = ErrorEnvelope(
        error=ErrorBody(code=exc.code, message=exc.message, details=exc.details)
    )
    return envelope.model_dump(mode="json")


def with_idempotency(
    conn: Connection,
    principal_key: str,
    key: str,
    body_hash: str,
    fn: Callable[[Connection], tuple[int, dict[str, Any]]],
    *,
    now: datetime | None = None,
) -> Answer:
    """Run ``fn`` once per (principal, key); a retry gets the stored status and body.

    The key is claimed first with ``INSERT ... ON CONFLICT DO NOTHING``: a concurrent
    request with the same key waits on the unique index until the first commits, then
    reads its answer (it never runs ``fn`` twice). The same key with another body is
    ``422 idempotency_key_reused``. Answers in :data:`STORED_ERROR_STATUSES` are stored
    with ``fn``'s effects rolled back; any other error rolls everything back.
    """
    ik = t.idempotency_keys.c
    claimed = conn.execute(
        _upsert(conn, t.idempotency_keys)
        .values(
            principal=principal_key,
            key=key,
            request_hash=body_hash,
            status_code=0,
            response={},
            created_at=now or datetime.now(UTC),
        )
        .on_conflict_do_nothing(index_elements=["principal", "key"])
        .returning(ik.id)
    ).scalar_one_or_none()
    if claimed is None:
        stored = conn.execute(
            sa.select(ik.request_hash, ik.status_code, ik.response).where(
                ik.principal == principal_key, ik.key == key
            )
        ).one()
        if stored.request_hash != body_hash:
            raise ApiError(
                422,
                ErrorCode.IDEMPOTENCY_KEY_REUSED,
                "this Idempotency-Key was already used with another request body",
                {"idempotency_key": key},
            )
        return Answer(int(stored.status_code), dict(stored.response), replayed=True)
    mark = feed.checkpoint(conn)
    savepoint = conn.begin_nested()
    try:
        status, body = fn(conn)
        savepoint.commit()
    except ApiError as exc:
        if exc.status not in STORED_ERROR_STATUSES:
            raise
        savepoint.rollback()
        feed.rollback_to(conn, mark)
        status, body = exc.status, error_body(exc)
    conn.execute(
        sa.update(t.idempotency_keys)
        .where(ik.principal == principal_key, ik.key == key)
        .values(status_code=status, response=body)
    )
    return Answer(status, body)


# --- intake ----------------------------------------------------------------------------


def normalize_email(email: str) -> str:
    """E-mail addresses compare case-insensitively (for velocity and repeat customers)."""
    return email.strip().lower()


def _products(conn: Connection, order: OrderIn) -> dict[str, str]:
    """SKU -> product name for the order's lines; unknown SKUs are a 422 naming them."""
    p = t.products.c
    skus = [line.sku for line in order.lines]
    names = {r.sku: r.name for r in conn.execute(sa.select(p.sku, p.name).where(p.sku.in_(skus)))}
    unknown = [sku for sku in skus if sku not in names]
    if unknown:
        raise ApiError(
            422,
            ErrorCode.UNKNOWN_SKU,
            f"unknown SKU{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}",
            {"skus": unknown},
        )
    return names


def _pickup_store(conn: Connection, order: OrderIn) -> Any:
    """The pickup store's row (a store, not a DC), or None for a delivery; else a 422."""
    if order.delivery is not Delivery.PICKUP:
        return None
    code = order.pickup_store_code
    s = t.stores.c
    row = conn.execute(
        sa.select(s.id, s.code, s.kind, s.latitude, s.longitude).where(s.code == code)
    ).first()
    if row is None or row.kind != "store":
        raise ApiError(
            422,
            ErrorCode.UNKNOWN_STORE,
            f"unknown store: {code}"
            if row is None
            else f"{code} is a distribution centre: customers cannot pick up there",
            {"store_codes": [code]},
        )
    return row


def _require_some_stock(conn: Connection, skus: list[str]) -> None:
    """Refuse, before any payment, an order of which no location has a single unit."""
    inv = t.inventory.c
    any_stock = conn.execute(sa.select(inv.sku).where(inv.sku.in_(skus), ATP > 0).limit(1)).first()
    if any_stock is None:
        raise ApiError(
            409,
            ErrorCode.INSUFFICIENT_STOCK,
            "none of the ordered items is in stock anywhere",
            {"skus": skus},
        )


def _authorize(payments: PaymentProvider, order: OrderIn, total_minor: int) -> str | None:
    """Authorise the total; a decline is a 402, a provider failure a 503."""
    try:
        auth = payments.authorize(total_minor, order.currency, order.payment.card_number)
    except Exception as exc:  # a provider that raises is a provider that is down
        log.warning("payment provider failed: %s", exc)
        raise ApiError(
            503,
            ErrorCode.PAYMENT_UNAVAILABLE,
            "the payment provider is unavailable; retry with the same Idempotency-Key",
        ) from None
    if auth.outcome is AuthOutcome.DECLINED:
        raise ApiError(402, ErrorCode.PAYMENT_DECLINED, f"payment declined: {auth.reason}")
    if auth.outcome is not AuthOutcome.APPROVED:
        raise ApiError(
            503,
            ErrorCode.PAYMENT_UNAVAILABLE,
            f"payment could not be authorised ({auth.reason}); retry with the same Idempotency-Key",
        )
    return auth.reference


def _upsert_customer(conn: Connection, order: OrderIn, email: str, now: datetime) -> int:
    """The customer by (channel, external id), created or refreshed with today's details."""
    c = order.customer
    stmt = (
        _upsert(conn, t.customers)
        .values(
            channel=order.channel.value,
            external_id=c.external_id,
            name=c.name,
            email=email,
            phone=c.phone,
            created_at=now,
        )
        .returning(t.customers.c.id)
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=["channel", "external_id"],
        set_={
            "name": stmt.excluded.name,
            "email": stmt.excluded.email,
            "phone": stmt.excluded.phone,
        },
    )
    return int(conn.execute(stmt).scalar_one())


def order_number(channel: Channel, order_id: int) -> str:
    """The order number of a row: unique because the row id is."""
    return validate_order_number(f"{PREFIX[channel]}-{NUMBER_BASE + order_id}")


def _insert_order(
    conn: Connection,
    order: OrderIn,
    *,
    customer_id: int,
    total_minor: int,
    payment_ref: str | None,
    fraud_rules: list[str],
    pickup_store_id: int | None,
    now: datetime,
) -> tuple[int, str]:
    """Insert the order header; its id and number (derived from the id)."""
    o = t.orders.c
    order_id = int(
        conn.execute(
            sa.insert(t.orders)
            .values(
                number=f"TMP-{secrets.token_hex(8)}",  # replaced below, once the id is known
                channel=order.channel.value,
                external_ref=order.external_ref,
                customer_id=customer_id,
                currency=order.currency,
                total_minor=total_minor,
                payment_state=PaymentState.AUTHORIZED.value,
                payment_ref=payment_ref,
                fraud_state=fraud.verdict(fraud_rules).value,
                fraud_rules=fraud_rules,
                delivery=order.delivery.value,
                pickup_store_id=pickup_store_id,
                shipping_address=(
                    order.shipping_address.model_dump(mode="json")
                    if order.shipping_address
                    else None
                ),
                billing_address=order.billing_address.model_dump(mode="json"),
                alternate_pickup_name=order.alternate_pickup_name,
                shipping_service=order.shipping_service.value,
                created_at=now,
                updated_at=now,
                version=1,
            )
            .returning(o.id)
        ).scalar_one()
    )
    number = order_number(order.channel, order_id)
    conn.execute(sa.update(t.orders).where(o.id == order_id).values(number=number))
    return order_id, number


def place_order(
    conn: Connection,
    payments: PaymentProvider,
    order: OrderIn,
    *,
    now: datetime | None = None,
    pickup_hold_days: int = 7,
    fraud_config: fraud.FraudConfig | None = None,
) -> OrderOut:
    """Accept an order in the caller's write transaction: validated, paid, routed, reserved.

    Raises :class:`ApiError`: 422 ``unknown_sku``/``unknown_store``, 409
    ``insufficient_stock`` when no line has stock anywhere, 402 ``payment_declined``,
    503 ``payment_unavailable`` — all before anything is written. A line (or part of
    one) that no location can fill is recorded as unfillable; the rest is routed.
    ``pickup_hold_days`` is accepted for callers that pass the server setting: a pickup's
    deadline is set when it becomes ready, not at intake.
    """
    del pickup_hold_days  # the deadline starts when the fulfillment is ready
    now = now or datetime.now(UTC)
    names = _products(conn, order)
    pickup = _pickup_store(conn, order)
    total_minor = sum(line.quantity * line.unit_price_minor for line in order.lines)
    _require_some_stock(conn, list(names))
    payment_ref = _authorize(payments, order, total_minor)

    email = normalize_email(order.customer.email)
    facts = fraud.gather_facts(
        conn, order, email=email, total_minor=total_minor, now=now, config=fraud_config
    )
    rules = fraud.evaluate(facts, fraud_config)
    customer_id = _upsert_customer(conn, order, email, now)
    order_id, number = _insert_order(
        conn,
        order,
        customer_id=customer_id,
        total_minor=total_minor,
        payment_ref=payment_ref,
        fraud_rules=rules,
        pickup_store_id=pickup.id if pickup is not None else None,
        now=now,
    )
    conn.execute(
        sa.insert(t.order_lines),
        [
            {
                "order_id": order_id,
                "line_no": line_no,
                "sku": line.sku,
                "name": names[line.sku],
                "quantity": line.quantity,
                "unit_price_minor": line.unit_price_minor,
                "unfillable": 0,
                "cancelled": 0,
            }
            for line_no, line in enumerate(order.lines, start=1)
        ],
    )
    if pickup is not None:
        target = routing.Target(pickup.latitude, pickup.longitude, pickup_store_id=pickup.id)
    else:
        ship = order.shipping_address
        assert ship is not None and ship.latitude is not None and ship.longitude is not None
        target = routing.Target(ship.latitude, ship.longitude)

    placed: list[routing.Allocated] = []
    missing: list[tuple[int, str, int]] = []
    numbered = sorted(enumerate(order.lines, start=1), key=lambda item: item[1].sku)
    for line_no, line in numbered:  # SKU order: a stable lock order across orders
        got, unfillable = routing.route_line(
            conn, order_id, line_no, line.sku, line.quantity, target, now=now
        )
        placed.extend(got)
        if unfillable:
            missing.append((line_no, line.sku, unfillable))
    placed.sort(key=lambda a: (a.line_no, a.fulfillment_id))
    missing.sort()

    out = _order_out(conn, order, number, now, total_minor, rules, placed, missing)
    conn.execute(
        sa.insert(t.audit).values(
            at=now,
            entity="order",
            entity_key=number,
            action="place_order",
            details={
                "channel": order.channel.value,
                "external_ref": order.external_ref,
                "total_minor": total_minor,
                "currency": order.currency,
                "fraud_rules": rules,
                "allocations": [a.model_dump(mode="json") for a in out.allocations],
                "unfillable": [a.model_dump(mode="json") for a in out.unfillable],
            },
        )
    )
    return out


def _order_out(
    conn: Connection,
    order: OrderIn,
    number: str,
    now: datetime,
    total_minor: int,
    rules: list[str],
    placed: list[routing.Allocated],
    missing: list[tuple[int, str, int]],
) -> OrderOut:
    """The answer to the channel: number, states, fulfillments and allocations."""
    f, s = t.fulfillments.c, t.stores.c
    fids = sorted({a.fulfillment_id for a in placed})
    store_ids = {a.store_id for a in placed} | {
        a.destination_store_id for a in placed if a.destination_store_id is not None
    }
    codes: dict[int, str] = {
        r.id: r.code for r in conn.execute(sa.select(s.id, s.code).where(s.id.in_(store_ids)))
    }
    fulfillments = [
        FulfillmentOut(
            id=r.id,
            store_code=codes[r.store_id],
            destination_store_code=(
                codes[r.destination_store_id] if r.destination_store_id is not None else None
            ),
            method=r.method,
            status=r.status,
        )
        for r in conn.execute(
            sa.select(f.id, f.store_id, f.destination_store_id, f.method, f.status)
            .where(f.id.in_(fids))
            .order_by(f.id)
        )
    ]
    return OrderOut(
        number=number,
        channel=order.channel,
        created_at=now,
        total_minor=total_minor,
        currency=order.currency,
        payment_state=PaymentState.AUTHORIZED,
        fraud_state=fraud.verdict(rules),
        fraud_rules=rules,
        fulfillments=fulfillments,
        allocations=[
            AllocationOut(
                line_no=a.line_no,
                sku=a.sku,
                quantity=a.quantity,
                store_code=codes[a.store_id],
                method=a.method,
                fulfillment_id=a.fulfillment_id,
            )
            for a in placed
        ],
        unfillable=[
            AllocationOut(
                line_no=line_no,
                sku=sku,
                quantity=qty,
                store_code=None,
                method=None,
                fulfillment_id=None,
            )
            for line_no, sku, qty in missing
        ],
    )
