"""Stock reservations and available-to-promise, safe under concurrent order intake.

A reservation is one conditional ``UPDATE``: the row is changed only while its ATP
(on hand - reserved - safety stock) still covers the quantity. PostgreSQL re-checks the
condition after waiting for a concurrent writer's row lock, and SQLite serializes writers,
so two orders can never both take the last unit.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_oms.domain.entities import OpeningHours
from desktop_oms.domain.geo import haversine_km
from desktop_oms.protocol.intake import AvailabilityOut, StoreAvailability
from desktop_oms.protocol.sync import Kind
from desktop_oms.server import feed
from desktop_oms.server import schema as t
from desktop_oms.server.documents import inventory_key

log = logging.getLogger(__name__)
_inv = t.inventory.c


def _not_below_zero(expr: sa.ColumnElement[int]) -> sa.ColumnElement[int]:
    return sa.case((expr < 0, 0), else_=expr)


#: SQL expression of available-to-promise, never below zero.
ATP = _not_below_zero(_inv.on_hand - _inv.reserved - _inv.safety_stock)


@dataclass(frozen=True, slots=True)
class StockRow:
    """One stock level with its available-to-promise quantity."""

    store_id: int
    sku: str
    on_hand: int
    reserved: int
    safety_stock: int
    daily_sales: float
    atp: int


def reserve(conn: Connection, store_id: int, sku: str, qty: int) -> bool:
    """Reserve ``qty`` at a store if its ATP covers it (atomically); whether it did."""
    if qty <= 0:
        raise ValueError(f"cannot reserve {qty} of {sku}")
    changed = conn.execute(
        sa.update(t.inventory)
        .where(
            _inv.store_id == store_id,
            _inv.sku == sku,
            _inv.on_hand - _inv.reserved - _inv.safety_stock >= qty,
        )
        .values(reserved=_inv.reserved + qty, version=_inv.version + 1)
    ).rowcount
    if changed != 1:
        return False
    feed.touch(conn, Kind.INVENTORY, inventory_key(store_id, sku))
    return True


def release(conn: Connection, store_id: int, sku: str, qty: int) -> None:
    """Give a reservation back (an order line was cancelled or moved elsewhere)."""
    if qty <= 0:
        return
    conn.execute(
        sa.update(t.inventory)
        .where(_inv.store_id == store_id, _inv.sku == sku)
        .values(reserved=_not_below_zero(_inv.reserved - qty), version=_inv.version + 1)
    )
    feed.touch(conn, Kind.INVENTORY, inventory_key(store_id, sku))


def consume(
    conn: Connection,
    store_id: int,
    sku: str,
    qty: int,
    *,
    now: datetime | None = None,
    station_id: int | None = None,
    command_seq: int | None = None,
    kind: str = "sold",
) -> None:
    """Goods left the store: on hand and reserved both drop; the movement is recorded as
    ``kind`` (``sold``; ``damaged`` for reserved goods written off), with the station and
    outbox seq of the command that caused it, when one did."""
    if qty <= 0:
        return
    version = conn.execute(
        sa.update(t.inventory)
        .where(_inv.store_id == store_id, _inv.sku == sku)
        .values(
            on_hand=_not_below_zero(_inv.on_hand - qty),
            reserved=_not_below_zero(_inv.reserved - qty),
            version=_inv.version + 1,
        )
        .returning(_inv.version)
    ).scalar_one_or_none()
    if version is None:
        return
    conn.execute(
        sa.insert(t.stock_movements).values(
            store_id=store_id,
            sku=sku,
            delta=-qty,
            kind=kind,
            version=version,
            at=now or datetime.now(UTC),
            station_id=station_id,
            command_seq=command_seq,
        )
    )
    feed.touch(conn, Kind.INVENTORY, inventory_key(store_id, sku))


def available(
    conn: Connection, sku: str, store_ids: Collection[int] | None = None
) -> list[StockRow]:
    """Stock levels of ``sku`` (at ``store_ids``, or everywhere) with their ATP."""
    query = sa.select(
        _inv.store_id,
        _inv.sku,
        _inv.on_hand,
        _inv.reserved,
        _inv.safety_stock,
        _inv.daily_sales,
        ATP.label("atp"),
    ).where(_inv.sku == sku)
    if store_ids is not None:
        query = query.where(_inv.store_id.in_(list(store_ids)))
    return [
        StockRow(
            store_id=r.store_id,
            sku=r.sku,
            on_hand=r.on_hand,
            reserved=r.reserved,
            safety_stock=r.safety_stock,
            daily_sales=float(r.daily_sales),
            atp=int(r.atp),
        )
        for r in conn.execute(query.order_by(_inv.store_id))
    ]


def _hours(raw: Any) -> tuple[OpeningHours | None, dict[str, list[str] | None]]:
    try:
        hours = OpeningHours.parse(raw)
    except (ValueError, TypeError):
        log.warning("store has malformed opening hours: %r", raw)
        return None, {}
    return hours, hours.to_dict()


def store_availability(
    conn: Connection,
    sku: str,
    *,
    near: tuple[float, float] | None = None,
    limit: int = 20,
    now: datetime | None = None,
) -> AvailabilityOut | None:
    """ATP of ``sku`` at every store (not DCs: customers cannot go there), with whether
    each is open now; nearest first when ``near`` is given, else by store code. None when
    the SKU does not exist."""
    p, s = t.products.c, t.stores.c
    name = conn.execute(sa.select(p.name).where(p.sku == sku)).scalar_one_or_none()
    if name is None:
        return None
    now = now or datetime.now(UTC)
    rows = conn.execute(
        sa.select(
            s.id,
            s.code,
            s.name,
            s.city,
            s.latitude,
            s.longitude,
            s.timezone,
            s.opening_hours,
            sa.func.coalesce(ATP, 0).label("atp"),
        )
        .select_from(t.stores)
        .outerjoin(t.inventory, sa.and_(_inv.store_id == s.id, _inv.sku == sku))
        .where(s.kind == "store")
        .order_by(s.code)
    ).all()
    entries: list[tuple[float, StoreAvailability]] = []
    for r in rows:
        distance = haversine_km(near[0], near[1], r.latitude, r.longitude) if near else None
        hours, hours_json = _hours(r.opening_hours)
        try:
            open_now = hours is not None and hours.is_open(now, r.timezone)
        except (ValueError, KeyError):  # unknown timezone name
            open_now = False
        entry = StoreAvailability(
            store_code=r.code,
            store_name=r.name,
            city=r.city,
            distance_km=round(distance, 1) if distance is not None else None,
            available=int(r.atp),
            open_now=open_now,
            opening_hours=hours_json,
        )
        entries.append((distance if distance is not None else 0.0, entry))
    entries.sort(key=lambda pair: pair[0])  # stable: store code order among equals
    return AvailabilityOut(sku=sku, name=name, stores=[e for _, e in entries[:limit]])


def add_on_hand(
    conn: Connection,
    store_id: int,
    sku: str,
    delta: int,
    *,
    kind: str,
    now: datetime,
    station_id: int | None = None,
    command_seq: int | None = None,
) -> int:
    """Change on-hand stock by ``delta`` (counts, returns, found goods), recording the
    movement with the stock level's new version (and the station and outbox seq of the
    command that caused it, when one did); creates the level if the store had none."""
    exists = conn.execute(
        sa.select(_inv.version).where(_inv.store_id == store_id, _inv.sku == sku)
    ).first()
    if exists is None:
        conn.execute(
            sa.insert(t.inventory).values(
                store_id=store_id,
                sku=sku,
                on_hand=0,
                reserved=0,
                safety_stock=0,
                daily_sales=0.0,
                version=0,
            )
        )
    version = conn.execute(
        sa.update(t.inventory)
        .where(_inv.store_id == store_id, _inv.sku == sku)
        .values(on_hand=_inv.on_hand + delta, version=_inv.version + 1)
        .returning(_inv.version)
    ).scalar_one()
    if delta:
        conn.execute(
            sa.insert(t.stock_movements).values(
                store_id=store_id,
                sku=sku,
                delta=delta,
                kind=kind,
                version=version,
                at=now,
                station_id=station_id,
                command_seq=command_seq,
            )
        )
    feed.touch(conn, Kind.INVENTORY, inventory_key(store_id, sku))
    return int(version)
