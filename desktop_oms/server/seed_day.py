"""The main store's day in the demo: what the manager's inventory view shows for today.

The random demo orders leave some of the view's lists thin, so the main store gets at
least a few of each: parcels shipped since the store's midnight, lines rejected today
for several reasons, ready pickups waiting longer than the aged threshold, and pickups
still open past their promised time. Everything goes through intake and the commands,
at times drawn from the seed's random generator (reproducible for one seed and clock).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import sqlalchemy as sa

from desktop_oms.domain.commands import CommandName
from desktop_oms.domain.entities import FraudState
from desktop_oms.domain.status import FulfillmentMethod, FulfillmentStatus
from desktop_oms.protocol.sync import AGED_PICKUP_DAYS_DEFAULT
from desktop_oms.server import schema as t
from desktop_oms.server.db import Database

if TYPE_CHECKING:
    from desktop_oms.server.seed import OrderPlan, StoreInfo, _DemoOrders

C = CommandName
M = FulfillmentMethod
S = FulfillmentStatus

#: What the main store's day holds at least (see :func:`day_state`).
DAY: dict[str, int] = {
    "shipped_today": 4,
    "rejection_reasons_today": 4,
    "aged_ready": 5,
    "overdue": 4,
}
#: The reject reasons the day's rejections use, in turn.
REJECT_REASONS = ("not_found", "damaged", "wrong_item", "expired_goods", "store_capacity")


def day_state(db: Database, store: StoreInfo, now: datetime, since: datetime) -> dict[str, int]:
    """How much of each :data:`DAY` item ``store`` has (``since``: the store's midnight)."""
    f, r = t.fulfillments.c, t.fulfillment_rejections.c
    pickup_here = sa.or_(
        sa.and_(f.method == M.STORE_PICKUP.value, f.store_id == store.id),
        sa.and_(f.method == M.SHIP_TO_STORE.value, f.destination_store_id == store.id),
    )
    aged_before = now - timedelta(days=AGED_PICKUP_DAYS_DEFAULT)
    queries = {
        "shipped_today": sa.select(sa.func.count()).where(
            f.store_id == store.id,
            f.method == M.SHIP_FROM_STORE.value,
            f.status == S.SHIPPED.value,
            f.completed_at >= since,
        ),
        "rejection_reasons_today": sa.select(sa.func.count(sa.distinct(r.reason)))
        .select_from(t.fulfillment_rejections.join(t.fulfillments, f.id == r.fulfillment_id))
        .where(f.store_id == store.id, r.at >= since),
        "aged_ready": sa.select(sa.func.count()).where(
            pickup_here, f.status == S.READY_FOR_PICKUP.value, f.ready_at < aged_before
        ),
        "overdue": sa.select(sa.func.count()).where(
            f.store_id == store.id,
            f.status.in_([S.OPEN.value, S.PICKING.value]),
            f.promised_at < now,
        ),
    }
    with db.read() as conn:
        return {name: int(conn.execute(q).scalar_one()) for name, q in queries.items()}


def _minutes(rng: random.Random, low: float, high: float) -> timedelta:
    return timedelta(minutes=low + (high - low) * rng.random())


class _Day:
    """The scenes of the main store's day."""

    def __init__(self, orders: _DemoOrders, store: StoreInfo, since: datetime) -> None:
        self.orders = orders
        self.store = store
        self.rng = orders.rng
        self.now = orders.now
        self.since = since
        self.reasons_used: list[str] = []

    def _today(self, low: float, high: float) -> datetime:
        """A moment between ``low`` and ``high`` of the way from midnight to now."""
        return self.since + (self.now - self.since) * (low + (high - low) * self.rng.random())

    def _new(self, kind: str, at: datetime) -> tuple[OrderPlan, int] | None:
        """Place an order of ``kind`` (``pickup`` or ``delivery``) at the store at ``at``:
        its plan and the fulfillment the store itself fulfils (None when refused, held for
        review or routed elsewhere)."""
        plan = self.orders.plan(self.store, "pickup" if kind == "pickup" else "delivery", "today")
        plan.at = at
        out = self.orders.place(plan)
        if out is None or out.fraud_state is FraudState.REVIEW:
            return None
        method = M.STORE_PICKUP if kind == "pickup" else M.SHIP_FROM_STORE
        for f in out.fulfillments:
            if M(f.method) is method and f.store_code == self.store.code:
                return plan, f.id
        return None

    def shipped_today(self) -> None:
        """A parcel picked, packed and handed to the carrier today."""
        rng = self.rng
        shipped = self._today(0.2, 0.95)
        packed = shipped - _minutes(rng, 20, 150)
        placed = packed - _minutes(rng, 40, 300)
        found = self._new("delivery", placed)
        if found is None:
            return
        plan, fid = found
        picking = placed + (packed - placed) * 0.4
        self.orders.walk(
            fid, plan, [(C.START_PICKING, picking), (C.PACK, packed), (C.SHIP, shipped)]
        )

    def rejection_reasons_today(self) -> None:
        """A pickup of which the picker rejected a line today (a reason not used yet); the
        rest of a longer order is staged for collection."""
        rng = self.rng
        rejected = self._today(0.1, 0.9)
        picking = rejected - _minutes(rng, 5, 30)
        found = self._new("pickup", picking - _minutes(rng, 10, 40))
        if found is None:
            return
        plan, fid = found
        if not self.orders.step(fid, plan, C.START_PICKING, picking):
            return
        lines = self.orders.lines_of(fid)
        reason = REJECT_REASONS[len(self.reasons_used) % len(REJECT_REASONS)]
        self.reasons_used.append(reason)
        line = lines[0]
        args = {"line_no": line.line_no, "quantity": int(line.quantity), "reason": reason}
        if self.orders.step(fid, plan, C.REJECT_LINE, rejected, args) and len(lines) > 1:
            ready = rejected + (self.now - rejected) * (0.2 + 0.6 * rng.random())
            self.orders.step(fid, plan, C.MARK_READY, ready)

    def aged_ready(self) -> None:
        """A pickup ready for 3 to 5.5 days (its hold has 1.5 days or more left)."""
        rng = self.rng
        ready = self.now - timedelta(days=AGED_PICKUP_DAYS_DEFAULT) - _minutes(rng, 240, 3600)
        placed = ready - _minutes(rng, 40, 110)
        found = self._new("pickup", placed)
        if found is None:
            return
        plan, fid = found
        picking = placed + (ready - placed) * 0.3
        self.orders.walk(fid, plan, [(C.START_PICKING, picking), (C.MARK_READY, ready)])

    def overdue(self) -> None:
        """A pickup promised 30 minutes to 6 hours ago, still open or being picked."""
        rng = self.rng
        placed = self.now - _minutes(rng, 150, 480)
        found = self._new("pickup", placed)
        if found is not None and rng.random() < 0.5:
            plan, fid = found
            self.orders.step(fid, plan, C.START_PICKING, placed + _minutes(rng, 10, 60))


def fill_day(
    orders: _DemoOrders, store: StoreInfo, since: datetime, *, attempts: int = 20
) -> dict[str, int]:
    """Play scenes at ``store`` until each :data:`DAY` item has its few; what is missing."""
    day = _Day(orders, store, since)
    scenes: dict[str, Callable[[], None]] = {
        "shipped_today": day.shipped_today,
        "rejection_reasons_today": day.rejection_reasons_today,
        "aged_ready": day.aged_ready,
        "overdue": day.overdue,
    }
    missing = {}
    for kind, wanted in DAY.items():
        tries = 0
        while day_state(orders.db, store, orders.now, since)[kind] < wanted and tries < attempts:
            tries += 1
            scenes[kind]()
        short = wanted - day_state(orders.db, store, orders.now, since)[kind]
        if short > 0:
            missing[kind] = short
    return missing
