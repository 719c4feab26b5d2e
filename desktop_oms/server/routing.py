"""Routing order lines to stores and DCs: a pure decision, a thin database layer around it.

The decision (:func:`plan_pickup`, :func:`plan_delivery`) is a function of the candidate
locations (distance and stock) and the quantity, so it is tested without a database.
:func:`allocate` gathers candidates, plans, and reserves; a reservation lost to a
concurrent order is re-planned from fresh stock. :func:`attach` turns a reserved
allocation into fulfillment rows (creating or extending an open fulfillment), and
:func:`reroute` does all of that again for quantity a store rejected.
"""

from __future__ import annotations

import logging
import math
import secrets
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_oms.domain.geo import haversine_km
from desktop_oms.domain.status import FulfillmentMethod, FulfillmentStatus
from desktop_oms.protocol.sync import Kind
from desktop_oms.server import feed, reservations
from desktop_oms.server import schema as t

log = logging.getLogger(__name__)
M = FulfillmentMethod

#: Candidates within this many km of the nearest one count as "close" for delivery ...
CLOSE_KM = 25.0
#: ... or within this fraction of the nearest one's distance, whichever is larger.
CLOSE_RATIO = 0.15
#: Rounds of plan-and-reserve before what is still missing counts as unfillable. A round
#: repeats only when a concurrent order took stock we planned with, so the rounds are
#: bounded by the stock in play; the cap is a safety net, not a routine limit.
MAX_ROUNDS = 20

#: Attempts at a line when PostgreSQL breaks a deadlock by failing this transaction.
DEADLOCK_ATTEMPTS = 3
DEADLOCK_SQLSTATE = "40P01"

#: When a new fulfillment is promised: ready at the counter, ready after a transfer,
#: handed to the carrier.
PROMISE: dict[FulfillmentMethod, timedelta] = {
    M.STORE_PICKUP: timedelta(hours=2),
    M.SHIP_TO_STORE: timedelta(days=2),
    M.SHIP_FROM_STORE: timedelta(days=1),
}


# --- the decision ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    """A location that stocks the SKU: its distance from the target and its stock."""

    store_id: int
    distance_km: float
    atp: int
    on_hand: int = 0
    daily_sales: float = 0.0
    kind: str = "store"

    @property
    def days_of_inventory(self) -> float:
        """How long its stock lasts at its sales rate (infinite when nothing sells)."""
        if self.daily_sales <= 0:
            return math.inf
        return self.on_hand / self.daily_sales


@dataclass(frozen=True, slots=True)
class Allocation:
    """A quantity a location fulfils by one method (ship to store names the destination)."""

    store_id: int
    quantity: int
    method: FulfillmentMethod
    destination_store_id: int | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """How one line is fulfilled: its allocations and the quantity nobody has."""

    allocations: tuple[Allocation, ...]
    unfillable: int = 0


def _nearest_first(candidates: Iterable[Candidate]) -> list[Candidate]:
    return sorted((c for c in candidates if c.atp > 0), key=lambda c: (c.distance_km, c.store_id))


def _split(ordered: Sequence[Candidate], qty: int, make: Callable[[int, int], Allocation]) -> Plan:
    """Take what each location has, in the given order, until ``qty`` is covered."""
    out: list[Allocation] = []
    left = qty
    for c in ordered:
        if left == 0:
            break
        take = min(c.atp, left)
        out.append(make(c.store_id, take))
        left -= take
    return Plan(tuple(out), left)


def plan_pickup(pickup_store_id: int, candidates: Iterable[Candidate], qty: int) -> Plan:
    """Pickup at a store: from its own stock, else shipped in from the nearest with stock.

    Distances are from the pickup store. The store itself fulfils if it has all of it;
    else the nearest other location that has all of it ships it to the store; else the
    quantity is split nearest first (the store's own stock first); the rest is unfillable.
    """
    if qty <= 0:
        return Plan(())
    ordered = _nearest_first(candidates)
    ordered.sort(key=lambda c: c.store_id != pickup_store_id)  # stable: own store first
    own = next((c for c in ordered if c.store_id == pickup_store_id), None)
    if own is not None and own.atp >= qty:
        return Plan((Allocation(pickup_store_id, qty, M.STORE_PICKUP),))
    for c in ordered:
        if c.store_id != pickup_store_id and c.atp >= qty:
            return Plan((Allocation(c.store_id, qty, M.SHIP_TO_STORE, pickup_store_id),))

    def make(store_id: int, take: int) -> Allocation:
        if store_id == pickup_store_id:
            return Allocation(store_id, take, M.STORE_PICKUP)
        return Allocation(store_id, take, M.SHIP_TO_STORE, pickup_store_id)

    return _split(ordered, qty, make)


def _is_close(distance_km: float, nearest_km: float) -> bool:
    return distance_km - nearest_km <= max(CLOSE_KM, CLOSE_RATIO * nearest_km)


def plan_delivery(candidates: Iterable[Candidate], qty: int) -> Plan:
    """Delivery: ship from the nearest location that has it all, else split nearest first.

    Among locations close to the nearest one (within ``max(CLOSE_KM, CLOSE_RATIO x its
    distance)``) the one with the most days of inventory ships, so fast sellers keep
    their stock for walk-in customers. Distances are from the delivery address.
    """
    if qty <= 0:
        return Plan(())
    ordered = _nearest_first(candidates)
    whole = [c for c in ordered if c.atp >= qty]
    if whole:
        nearest = whole[0].distance_km
        close = [c for c in whole if _is_close(c.distance_km, nearest)]
        best = max(close, key=lambda c: (c.days_of_inventory, -c.distance_km, -c.store_id))
        return Plan((Allocation(best.store_id, qty, M.SHIP_FROM_STORE),))
    return _split(
        ordered, qty, lambda store_id, take: Allocation(store_id, take, M.SHIP_FROM_STORE)
    )


def plan(candidates: Iterable[Candidate], qty: int, *, pickup_store_id: int | None = None) -> Plan:
    """:func:`plan_pickup` when a pickup store is given, else :func:`plan_delivery`."""
    if pickup_store_id is not None:
        return plan_pickup(pickup_store_id, candidates, qty)
    return plan_delivery(candidates, qty)


def merge(allocations: Iterable[Allocation]) -> tuple[Allocation, ...]:
    """Allocations with the same location, method and destination added together."""
    total: dict[tuple[int, FulfillmentMethod, int | None], int] = {}
    for a in allocations:
        key = (a.store_id, a.method, a.destination_store_id)
        total[key] = total.get(key, 0) + a.quantity
    return tuple(Allocation(s, q, m, d) for (s, m, d), q in total.items() if q > 0)


# --- the database layer ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Target:
    """Where goods must end up: a pickup store (with its position), or a delivery point."""

    latitude: float
    longitude: float
    pickup_store_id: int | None = None


def candidates(
    conn: Connection, sku: str, target: Target, exclude: Collection[int] = ()
) -> list[Candidate]:
    """Every location with ATP of ``sku`` (but ``exclude``), with its distance to ``target``."""
    s, inv = t.stores.c, t.inventory.c
    query = (
        sa.select(
            s.id,
            s.kind,
            s.latitude,
            s.longitude,
            inv.on_hand,
            inv.daily_sales,
            reservations.ATP.label("atp"),
        )
        .join(t.stores, s.id == inv.store_id)
        .where(inv.sku == sku, inv.on_hand - inv.reserved - inv.safety_stock > 0)
    )
    if exclude:
        query = query.where(s.id.not_in(list(exclude)))
    return [
        Candidate(
            store_id=r.id,
            distance_km=haversine_km(target.latitude, target.longitude, r.latitude, r.longitude),
            atp=int(r.atp),
            on_hand=int(r.on_hand),
            daily_sales=float(r.daily_sales),
            kind=r.kind,
        )
        for r in conn.execute(query)
    ]


def _is_deadlock(exc: sa.exc.DBAPIError) -> bool:
    return getattr(exc.orig, "sqlstate", None) == DEADLOCK_SQLSTATE


def allocate(
    conn: Connection, sku: str, qty: int, target: Target, exclude: Collection[int] = ()
) -> Plan:
    """Plan and reserve ``qty`` of ``sku``; the reserved allocations and what is unfillable.

    Runs in a savepoint: should PostgreSQL pick this transaction as a deadlock victim
    (a retry round may lock a row below one already held), the line's reservations are
    rolled back, releasing their locks, and the line is allocated afresh.
    """
    for attempt in range(1, DEADLOCK_ATTEMPTS + 1):
        mark = feed.checkpoint(conn)
        savepoint = conn.begin_nested()
        try:
            result = _allocate_once(conn, sku, qty, target, exclude)
        except sa.exc.DBAPIError as exc:
            savepoint.rollback()
            feed.rollback_to(conn, mark)
            if not _is_deadlock(exc) or attempt == DEADLOCK_ATTEMPTS:
                raise
            log.info("deadlock while reserving %s; allocating the line again", sku)
            continue
        savepoint.commit()
        return result
    raise AssertionError("unreachable")


def _allocate_once(
    conn: Connection, sku: str, qty: int, target: Target, exclude: Collection[int]
) -> Plan:
    """Reserve in store order (a stable lock order across transactions); a reservation
    lost to a concurrent order sends the missing quantity round again with fresh stock."""
    got: list[Allocation] = []
    left = qty
    for _ in range(MAX_ROUNDS):
        if left == 0:
            break
        proposal = plan(
            candidates(conn, sku, target, exclude), left, pickup_store_id=target.pickup_store_id
        )
        if not proposal.allocations:
            break
        for a in sorted(proposal.allocations, key=lambda a: a.store_id):
            if reservations.reserve(conn, a.store_id, sku, a.quantity):
                got.append(a)
                left -= a.quantity
    else:
        if left:
            log.warning(
                "gave up reserving %d of %s after %d contended rounds", left, sku, MAX_ROUNDS
            )
    return Plan(merge(got), left)


@dataclass(frozen=True, slots=True)
class Allocated:
    """A reserved allocation of an order line and the fulfillment that carries it."""

    line_no: int
    sku: str
    store_id: int
    quantity: int
    method: FulfillmentMethod
    destination_store_id: int | None
    fulfillment_id: int


def _pickup_store(method: FulfillmentMethod, store_id: int, destination: int | None) -> int | None:
    if method is M.SHIP_TO_STORE:
        return destination
    return store_id if method is M.STORE_PICKUP else None


def _pickup_code(conn: Connection, order_id: int, pickup_store_id: int) -> str:
    """The order's code at that pickup store (one code per store), or a new random one."""
    f = t.fulfillments.c
    for r in conn.execute(
        sa.select(f.store_id, f.method, f.destination_store_id, f.pickup_code)
        .where(f.order_id == order_id, f.pickup_code.is_not(None))
        .order_by(f.id)
    ):
        if _pickup_store(M(r.method), r.store_id, r.destination_store_id) == pickup_store_id:
            return str(r.pickup_code)
    return f"{secrets.randbelow(1_000_000):06d}"


def attach(
    conn: Connection,
    order_id: int,
    allocation: Allocation,
    *,
    line_no: int,
    sku: str,
    now: datetime,
) -> Allocated:
    """Put a reserved allocation on a fulfillment: the order's open one for the same store,
    method and destination (extended), or a new one; the fulfillment is published."""
    f, fl = t.fulfillments.c, t.fulfillment_lines.c
    dest = allocation.destination_store_id
    existing = conn.execute(
        sa.select(f.id)
        .where(
            f.order_id == order_id,
            f.store_id == allocation.store_id,
            f.method == allocation.method.value,
            f.destination_store_id.is_(None) if dest is None else f.destination_store_id == dest,
            f.status == FulfillmentStatus.OPEN.value,
        )
        .order_by(f.id)
        .limit(1)
    ).scalar_one_or_none()
    if existing is None:
        pickup_at = _pickup_store(allocation.method, allocation.store_id, dest)
        fid = int(
            conn.execute(
                sa.insert(t.fulfillments)
                .values(
                    order_id=order_id,
                    store_id=allocation.store_id,
                    destination_store_id=dest,
                    method=allocation.method.value,
                    status=FulfillmentStatus.OPEN.value,
                    pickup_code=(
                        _pickup_code(conn, order_id, pickup_at) if pickup_at is not None else None
                    ),
                    promised_at=now + PROMISE[allocation.method],
                    pickup_deadline=None,
                    boxes=[],
                    created_at=now,
                    updated_at=now,
                    version=1,
                )
                .returning(f.id)
            ).scalar_one()
        )
    else:
        fid = int(existing)
        conn.execute(
            sa.update(t.fulfillments)
            .where(f.id == fid)
            .values(version=f.version + 1, updated_at=now)
        )
    grown = conn.execute(
        sa.update(t.fulfillment_lines)
        .where(fl.fulfillment_id == fid, fl.line_no == line_no)
        .values(quantity=fl.quantity + allocation.quantity)
    ).rowcount
    if not grown:
        conn.execute(
            sa.insert(t.fulfillment_lines).values(
                fulfillment_id=fid, line_no=line_no, sku=sku, quantity=allocation.quantity
            )
        )
    feed.touch(conn, Kind.FULFILLMENT, fid)
    return Allocated(
        line_no=line_no,
        sku=sku,
        store_id=allocation.store_id,
        quantity=allocation.quantity,
        method=allocation.method,
        destination_store_id=dest,
        fulfillment_id=fid,
    )


def route_line(
    conn: Connection,
    order_id: int,
    line_no: int,
    sku: str,
    qty: int,
    target: Target,
    *,
    exclude: Collection[int] = (),
    now: datetime,
) -> tuple[list[Allocated], int]:
    """Allocate, reserve and attach one line's quantity; what was placed and what is not."""
    result = allocate(conn, sku, qty, target, exclude)
    placed = [
        attach(conn, order_id, a, line_no=line_no, sku=sku, now=now) for a in result.allocations
    ]
    if result.unfillable:
        ol = t.order_lines.c
        conn.execute(
            sa.update(t.order_lines)
            .where(ol.order_id == order_id, ol.line_no == line_no)
            .values(unfillable=ol.unfillable + result.unfillable)
        )
    return placed, result.unfillable


def _store_target(conn: Connection, store_id: int) -> Target:
    s = t.stores.c
    row = conn.execute(sa.select(s.latitude, s.longitude).where(s.id == store_id)).one()
    return Target(row.latitude, row.longitude, pickup_store_id=store_id)


def _delivery_target(conn: Connection, order_id: int) -> Target:
    o = t.orders.c
    address: Any = conn.execute(sa.select(o.shipping_address).where(o.id == order_id)).scalar_one()
    if not address or address.get("latitude") is None or address.get("longitude") is None:
        raise ValueError(f"order {order_id} has no delivery coordinates to route to")
    return Target(float(address["latitude"]), float(address["longitude"]))


def target_for(conn: Connection, order_id: int, destination: int | None) -> Target:
    """Pickup at ``destination`` when given, else delivery to the order's address."""
    if destination is not None:
        return _store_target(conn, destination)
    return _delivery_target(conn, order_id)


def reroute(
    conn: Connection,
    order_id: int,
    line_no: int,
    sku: str,
    qty: int,
    exclude_store_ids: Collection[int],
    destination: int | None,
    *,
    now: datetime | None = None,
) -> list[Allocated]:
    """Route ``qty`` of an order line again (a store rejected it, or the pickup moved).

    ``destination`` is the pickup store (None: deliver to the order's address); the
    ``exclude_store_ids`` are not asked again. Reserves elsewhere and creates or extends
    fulfillments exactly like intake; what nobody has is added to the line's
    ``unfillable``. The caller already released the old reservation.
    """
    now = now or datetime.now(UTC)
    placed, unfillable = route_line(
        conn,
        order_id,
        line_no,
        sku,
        qty,
        target_for(conn, order_id, destination),
        exclude=exclude_store_ids,
        now=now,
    )
    number = conn.execute(
        sa.select(t.orders.c.number).where(t.orders.c.id == order_id)
    ).scalar_one()
    conn.execute(
        sa.insert(t.audit).values(
            at=now,
            entity="order",
            entity_key=number,
            action="reroute",
            details={
                "line_no": line_no,
                "sku": sku,
                "quantity": qty,
                "excluded": sorted(exclude_store_ids),
                "allocations": [
                    {
                        "store_id": a.store_id,
                        "quantity": a.quantity,
                        "method": a.method.value,
                        "fulfillment_id": a.fulfillment_id,
                    }
                    for a in placed
                ],
                "unfillable": unfillable,
            },
        )
    )
    return placed
