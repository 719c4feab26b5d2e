"""A trickle of new orders for the demo, so stations see orders arrive as they would live.

:class:`OrderSimulator` is a daemon thread that places random plausible orders through
:func:`intake.place_order` (real payment, routing and reservations) at an average rate,
with exponential gaps between orders (a Poisson process). An order that cannot be placed
(nothing in stock, a refused payment) is logged; nothing stops the thread but :meth:`stop`.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa

from desktop_oms.protocol.intake import OrderOut
from desktop_oms.server import schema as t
from desktop_oms.server.db import Database
from desktop_oms.server.errors import ApiError
from desktop_oms.server.intake import place_order
from desktop_oms.server.payments import PaymentProvider
from desktop_oms.server.reservations import ATP
from desktop_oms.server.seed import (
    MAIN_STORE,
    Customer,
    OrderFactory,
    StoreInfo,
    load_stores,
    make_fakers,
    pick_channel,
    pick_quantity,
)

log = logging.getLogger(__name__)

#: Above the fraud rules' high-value threshold (1500.00), so such an order is held.
HIGH_VALUE_MINOR = 160_000


@dataclass
class _Pool:
    """A random sample of one store's stock: ``(sku, unit price, ATP)``, and its age."""

    items: list[tuple[str, int, int]]
    loaded_at: float
    uses: int = 0


class OrderSimulator:
    """Places random orders at ``per_minute`` on average until stopped.

    Pickups at random stores (a third at ``focus_store``, the demo's main store), home
    deliveries to points near stores, mostly small baskets paid with the test card that
    approves; a ``high_value_share`` of orders is large enough to be held for fraud review.
    """

    def __init__(
        self,
        db: Database,
        payments: PaymentProvider,
        per_minute: float,
        rng_seed: int | None = None,
        *,
        focus_store: str | None = MAIN_STORE,
        high_value_share: float = 0.04,
        pool_size: int = 120,
        pool_max_uses: int = 25,
        pool_max_age: float = 300.0,
    ) -> None:
        if per_minute <= 0:
            raise ValueError("the simulator needs a positive rate (orders per minute)")
        self.db = db
        self.payments = payments
        self.per_minute = per_minute
        self.focus_store = focus_store
        self.high_value_share = high_value_share
        self.pool_size = pool_size
        self.pool_max_uses = pool_max_uses
        self.pool_max_age = pool_max_age
        seed = rng_seed if rng_seed is not None else random.SystemRandom().randrange(2**31)
        self.rng = random.Random(seed)
        self.factory = OrderFactory(self.rng, make_fakers(seed))
        self.placed = 0
        self.failed = 0
        self._stores: list[StoreInfo] = []
        self._pools: dict[int, _Pool] = {}
        self._recent: list[tuple[StoreInfo, Customer]] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- the thread --

    @property
    def running(self) -> bool:
        """Whether the thread is placing orders."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start placing orders in a daemon thread."""
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="oms-order-simulator", daemon=True)
        self._thread.start()
        log.info("order simulator: about %.1f new orders a minute", self.per_minute)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the thread and wait (at most ``timeout`` seconds) for its current order."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.rng.expovariate(self.per_minute / 60.0)):
            try:
                self.place_one()
            except Exception:  # a bad order (or a database hiccup) must not end the trickle
                self.failed += 1
                log.exception("order simulator: placing an order failed")

    # -- one order --

    def _load_stores(self) -> list[StoreInfo]:
        if not self._stores:
            with self.db.read() as conn:
                self._stores = [s for s in load_stores(conn) if s.kind == "store"]
        return self._stores

    def _pool(self, store: StoreInfo) -> list[tuple[str, int, int]]:
        """A fresh-enough random sample of the store's available stock."""
        pool = self._pools.get(store.id)
        stale = (
            pool is None
            or not pool.items
            or pool.uses >= self.pool_max_uses
            or time.monotonic() - pool.loaded_at > self.pool_max_age
        )
        if pool is None or stale:
            inv, p = t.inventory.c, t.products.c
            with self.db.read() as conn:
                rows = conn.execute(
                    sa.select(inv.sku, p.price_minor, ATP.label("atp"))
                    .join(t.products, p.sku == inv.sku)
                    .where(inv.store_id == store.id, ATP > 0)
                    .order_by(sa.func.random())
                    .limit(self.pool_size)
                ).all()
            pool = _Pool([(r.sku, int(r.price_minor), int(r.atp)) for r in rows], time.monotonic())
            self._pools[store.id] = pool
        pool.uses += 1
        return pool.items

    def _customer(self, store: StoreInfo) -> Customer:
        regulars = [c for s, c in self._recent if s.id == store.id]
        if regulars and self.rng.random() < 0.15:
            return self.rng.choice(regulars)
        customer = self.factory.customer(store)
        self._recent = [*self._recent[-199:], (store, customer)]
        return customer

    def _basket(self, store: StoreInfo, high_value: bool) -> list[tuple[str, int, int]]:
        rng = self.rng
        items = self._pool(store)
        if not items:
            return []
        if high_value:  # the dearest items, until the basket is over the fraud threshold
            basket: list[tuple[str, int, int]] = []
            total = 0
            for sku, price, atp in sorted(items, key=lambda item: -item[1]):
                if total > HIGH_VALUE_MINOR or len(basket) == 10:
                    break
                qty = max(1, min(atp, 999, -(-(HIGH_VALUE_MINOR + 1 - total) // max(price, 1))))
                basket.append((sku, qty, price))
                total += qty * price
            return basket
        n = 1 if rng.random() < 0.6 else 2 if rng.random() < 0.7 else 3
        chosen: dict[str, tuple[int, int]] = {}
        for _ in range(4 * n):
            if len(chosen) >= n:
                break
            sku, price, atp = rng.choice(items)
            chosen.setdefault(sku, (pick_quantity(rng, atp), price))
        return [(sku, qty, price) for sku, (qty, price) in chosen.items()]

    def place_one(self) -> OrderOut | None:
        """Place one random order now; None when there is nothing to order or it was refused."""
        rng = self.rng
        stores = self._load_stores()
        if not stores:
            log.info("order simulator: no stores yet")
            return None
        focus = [s for s in stores if s.code == self.focus_store]
        store = focus[0] if focus and rng.random() < 1 / 3 else rng.choice(stores)
        high_value = rng.random() < self.high_value_share
        how: Literal["pickup", "delivery"] = "pickup" if rng.random() < 0.55 else "delivery"
        # Now and then a pickup of something another store has: a ship-to-store transfer.
        source = rng.choice(stores) if how == "pickup" and rng.random() < 0.15 else store
        lines = self._basket(source, high_value)
        if not lines:
            self.failed += 1
            log.info("order simulator: %s has nothing in stock to order", store.code)
            return None
        order = self.factory.order(
            pick_channel(rng),
            self._customer(store),
            lines,
            pickup=store if how == "pickup" else None,
        )
        try:
            with self.db.write() as conn:
                out = place_order(conn, self.payments, order)
        except ApiError as exc:
            self.failed += 1
            log.info("order simulator: order refused (%s): %s", exc.code, exc.message)
            return None
        self.placed += 1
        log.info(
            "order simulator: %s %s %s, %d line(s), %s%s",
            out.number,
            how,
            store.code,
            len(lines),
            f"{out.total_minor / 100:.2f} {out.currency}",
            " (fraud review)" if out.fraud_rules else "",
        )
        return out
