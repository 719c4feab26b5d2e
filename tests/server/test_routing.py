"""Routing: the pure decision on hand-made candidates, and the choices on a small chain."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_oms.domain.status import FulfillmentMethod
from desktop_oms.protocol.intake import OrderIn, OrderOut
from desktop_oms.server import intake, routing
from desktop_oms.server import schema as t
from desktop_oms.server.db import Database
from desktop_oms.server.migrate import prepare_database
from desktop_oms.server.payments import APPROVE_CARD, TestPaymentProvider
from desktop_oms.server.routing import Allocation, Candidate, Plan

M = FulfillmentMethod

# --- the pure decision -----------------------------------------------------------------


def test_pickup_at_a_store_that_has_it_all() -> None:
    """The pickup store fulfils from its own stock, even when a DC has more."""
    cands = [Candidate(1, 0.0, atp=2), Candidate(9, 5.0, atp=100, kind="dc")]
    assert routing.plan_pickup(1, cands, 2) == Plan((Allocation(1, 2, M.STORE_PICKUP),))


def test_pickup_without_stock_ships_to_store_from_the_nearest_that_has_it_all() -> None:
    """Short at the pickup store: the nearest location holding the whole quantity ships in."""
    cands = [
        Candidate(1, 0.0, atp=1),
        Candidate(2, 4.0, atp=2),  # nearest, but not enough
        Candidate(3, 12.0, atp=3),
        Candidate(4, 30.0, atp=50),
    ]
    assert routing.plan_pickup(1, cands, 3) == Plan((Allocation(3, 3, M.SHIP_TO_STORE, 1),))


def test_pickup_split_takes_own_stock_first_then_nearest() -> None:
    """When nobody has it all, the store's own units first, then the others by distance."""
    cands = [Candidate(3, 20.0, atp=2), Candidate(2, 4.0, atp=1), Candidate(1, 0.0, atp=1)]
    assert routing.plan_pickup(1, cands, 3) == Plan(
        (
            Allocation(1, 1, M.STORE_PICKUP),
            Allocation(2, 1, M.SHIP_TO_STORE, 1),
            Allocation(3, 1, M.SHIP_TO_STORE, 1),
        )
    )


def test_pickup_what_nobody_has_is_unfillable() -> None:
    """Quantity beyond the chain's stock is unfillable; no stock at all gives no allocation."""
    got = routing.plan_pickup(1, [Candidate(2, 4.0, atp=2), Candidate(3, 9.0, atp=0)], 5)
    assert got == Plan((Allocation(2, 2, M.SHIP_TO_STORE, 1),), unfillable=3)
    assert routing.plan_pickup(1, [], 4) == Plan((), unfillable=4)


def test_delivery_ships_from_the_nearest_location_with_stock() -> None:
    """The nearest location that has the whole quantity ships it (far ones are not close)."""
    cands = [Candidate(5, 400.0, atp=9), Candidate(6, 60.0, atp=9), Candidate(7, 2.0, atp=1)]
    assert routing.plan_delivery(cands, 2) == Plan((Allocation(6, 2, M.SHIP_FROM_STORE),))


def test_delivery_close_distances_prefer_more_days_of_inventory() -> None:
    """Within 25 km of the nearest, the location whose stock lasts longest ships."""
    fast = Candidate(1, 10.0, atp=5, on_hand=10, daily_sales=5.0)  # 2 days
    slow = Candidate(2, 30.0, atp=5, on_hand=10, daily_sales=1.0)  # 10 days, 20 km further
    idle = Candidate(3, 40.0, atp=5, on_hand=10, daily_sales=0.0)  # forever, but 30 km further
    assert routing.plan_delivery([fast, slow, idle], 1).allocations[0].store_id == 2
    assert routing.plan_delivery([fast, idle], 1).allocations[0].store_id == 1


def test_delivery_closeness_grows_with_distance() -> None:
    """Far from everything, 15 % of the nearest distance counts as close too."""
    near = Candidate(1, 200.0, atp=5, on_hand=5, daily_sales=5.0)
    within = Candidate(2, 229.0, atp=5, on_hand=5, daily_sales=0.0)  # +29 km <= 30 km
    beyond = Candidate(3, 231.0, atp=5, on_hand=5, daily_sales=0.0)  # +31 km > 30 km
    assert routing.plan_delivery([near, within], 1).allocations[0].store_id == 2
    assert routing.plan_delivery([near, beyond], 1).allocations[0].store_id == 1


def test_delivery_split_and_unfillable() -> None:
    """Nobody has it all: split nearest first; the rest is unfillable."""
    cands = [Candidate(1, 50.0, atp=2), Candidate(2, 10.0, atp=1)]
    assert routing.plan_delivery(cands, 4) == Plan(
        (Allocation(2, 1, M.SHIP_FROM_STORE), Allocation(1, 2, M.SHIP_FROM_STORE)), unfillable=1
    )


def test_days_of_inventory() -> None:
    """On hand over daily sales; nothing selling lasts forever."""
    assert Candidate(1, 0.0, atp=1, on_hand=30, daily_sales=3.0).days_of_inventory == 10.0
    assert math.isinf(Candidate(1, 0.0, atp=1, on_hand=30).days_of_inventory)


def test_merge_adds_same_destination() -> None:
    """Allocations from retry rounds to the same place become one."""
    merged = routing.merge(
        [Allocation(2, 1, M.SHIP_TO_STORE, 1), Allocation(2, 2, M.SHIP_TO_STORE, 1)]
    )
    assert merged == (Allocation(2, 3, M.SHIP_TO_STORE, 1),)


# --- on a small chain ------------------------------------------------------------------

HOURS = {d: ["08:00", "20:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat")}
#: code: (kind, latitude, longitude); distances from PAR1: PAR2 ~4 km, VER1 ~19 km,
#: DC1 ~20 km, LYO1 ~390 km.
CHAIN = {
    "PAR1": ("store", 48.8566, 2.3522),
    "PAR2": ("store", 48.8930, 2.3522),
    "VER1": ("store", 48.8049, 2.1204),
    "DC1": ("dc", 48.9800, 2.5400),
    "LYO1": ("store", 45.7640, 4.8357),
}


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A migrated database with the chain and two products, no stock yet."""
    database = Database(db_url)
    prepare_database(database)
    with database.write() as conn:
        for code, (kind, lat, lon) in CHAIN.items():
            conn.execute(
                sa.insert(t.stores).values(
                    code=code,
                    name=f"Store {code}",
                    kind=kind,
                    address="1 rue X",
                    city="Paris",
                    postal_code="75001",
                    country="FR",
                    latitude=lat,
                    longitude=lon,
                    timezone="Europe/Paris",
                    opening_hours=HOURS,
                )
            )
        for sku in ("SKU-A", "SKU-B"):
            conn.execute(
                sa.insert(t.products).values(
                    sku=sku,
                    name=f"Product {sku}",
                    department="tools",
                    price_minor=1000,
                    currency="EUR",
                    attributes={},
                )
            )
    yield database
    database.dispose()


def _ids(conn: Connection) -> dict[str, int]:
    return {r.code: r.id for r in conn.execute(sa.select(t.stores.c.code, t.stores.c.id))}


def stock(db: Database, sku: str, levels: dict[str, tuple[int, float]]) -> None:
    """Set on-hand and daily sales of ``sku`` per store code."""
    with db.write() as conn:
        ids = _ids(conn)
        for code, (on_hand, daily) in levels.items():
            conn.execute(
                sa.insert(t.inventory).values(
                    store_id=ids[code], sku=sku, on_hand=on_hand, daily_sales=daily
                )
            )


def order(lines: dict[str, int], *, pickup: str | None = None, at: str = "PAR1") -> OrderIn:
    """A pickup order at ``pickup``, or a delivery to the position of store ``at``."""
    _, lat, lon = CHAIN[at]
    address: dict[str, Any] = {
        "name": "Ann Buyer",
        "line1": "2 rue Y",
        "city": "Paris",
        "postal_code": "75002",
        "country": "FR",
    }
    return OrderIn.model_validate(
        {
            "channel": "web",
            "external_ref": "r-1",
            "customer": {
                "external_id": "c-1",
                "name": "Ann Buyer",
                "email": "ann@example.com",
                "phone": "+33100000000",
            },
            "delivery": "pickup" if pickup else "delivery",
            "pickup_store_code": pickup,
            "shipping_address": None if pickup else {**address, "latitude": lat, "longitude": lon},
            "billing_address": address,
            "lines": [
                {"sku": sku, "quantity": q, "unit_price_minor": 1000} for sku, q in lines.items()
            ],
            "payment": {"card_number": APPROVE_CARD, "holder": "Ann Buyer"},
        }
    )


def place(db: Database, o: OrderIn) -> OrderOut:
    """Place an order in its own transaction."""
    with db.write() as conn:
        return intake.place_order(conn, TestPaymentProvider(), o)


def routed(out: OrderOut) -> list[tuple[str | None, str | None, int]]:
    """(store, method, quantity) of each allocation."""
    return [
        (a.store_code, a.method.value if a.method else None, a.quantity) for a in out.allocations
    ]


def reserved(db: Database, sku: str) -> dict[str, int]:
    """Reserved quantity per store code (non-zero only)."""
    s, inv = t.stores.c, t.inventory.c
    with db.read() as conn:
        rows = conn.execute(
            sa.select(s.code, inv.reserved)
            .join(t.stores, s.id == inv.store_id)
            .where(inv.sku == sku)
        )
        return {r.code: r.reserved for r in rows if r.reserved}


def test_chain_pickup_at_store_with_stock(db: Database) -> None:
    """A pickup at PAR1, which has the item, is picked at PAR1 and reserved there."""
    stock(db, "SKU-A", {"PAR1": (3, 0.0), "PAR2": (10, 0.0)})
    out = place(db, order({"SKU-A": 2}, pickup="PAR1"))
    assert routed(out) == [("PAR1", "store_pickup", 2)]
    assert [(f.store_code, f.destination_store_code) for f in out.fulfillments] == [("PAR1", None)]
    assert reserved(db, "SKU-A") == {"PAR1": 2}


def test_chain_pickup_without_stock_ships_to_store_from_nearest(db: Database) -> None:
    """PAR1 lacks it: PAR2 (4 km) ships it to PAR1 rather than the DC (20 km)."""
    stock(db, "SKU-A", {"PAR1": (1, 0.0), "PAR2": (5, 0.0), "DC1": (500, 0.0)})
    out = place(db, order({"SKU-A": 2}, pickup="PAR1"))
    assert routed(out) == [("PAR2", "ship_to_store", 2)]
    assert [(f.store_code, f.destination_store_code) for f in out.fulfillments] == [
        ("PAR2", "PAR1")
    ]


def test_chain_pickup_from_a_dc(db: Database) -> None:
    """Only the DC has it: the DC ships it to the pickup store."""
    stock(db, "SKU-A", {"DC1": (500, 0.0)})
    out = place(db, order({"SKU-A": 2}, pickup="VER1"))
    assert routed(out) == [("DC1", "ship_to_store", 2)]


def test_chain_delivery_picks_nearest(db: Database) -> None:
    """A delivery to central Paris ships from PAR1, not Lyon."""
    stock(db, "SKU-A", {"PAR1": (3, 0.0), "LYO1": (30, 0.0)})
    out = place(db, order({"SKU-A": 1}, at="PAR1"))
    assert routed(out) == [("PAR1", "ship_from_store", 1)]
    assert out.fulfillments[0].method is M.SHIP_FROM_STORE


def test_chain_delivery_close_prefers_days_of_inventory(db: Database) -> None:
    """PAR2 is 4 km further but its stock lasts 10x longer: PAR2 ships."""
    stock(db, "SKU-A", {"PAR1": (4, 2.0), "PAR2": (20, 1.0)})
    out = place(db, order({"SKU-A": 1}, at="PAR1"))
    assert routed(out) == [("PAR2", "ship_from_store", 1)]


def test_chain_split_and_unfillable(db: Database) -> None:
    """Nobody has 6: PAR1's 2 for pickup, PAR2's 3 shipped in, 1 unfillable."""
    stock(db, "SKU-A", {"PAR1": (2, 0.0), "PAR2": (3, 0.0)})
    stock(db, "SKU-B", {"PAR1": (9, 0.0)})
    out = place(db, order({"SKU-A": 6, "SKU-B": 1}, pickup="PAR1"))
    assert routed(out) == [
        ("PAR1", "store_pickup", 2),
        ("PAR2", "ship_to_store", 3),
        ("PAR1", "store_pickup", 1),
    ]
    # both lines picked at PAR1 share one fulfillment; the customer has one pickup code
    assert len(out.fulfillments) == 2
    assert [(u.line_no, u.sku, u.quantity) for u in out.unfillable] == [(1, "SKU-A", 1)]
    with db.read() as conn:
        codes = set(conn.execute(sa.select(t.fulfillments.c.pickup_code)).scalars())
        unfillable = conn.execute(
            sa.select(t.order_lines.c.unfillable).where(t.order_lines.c.line_no == 1)
        ).scalar_one()
    assert len(codes) == 1 and unfillable == 1


def test_reroute_reserves_elsewhere_and_extends_open_fulfillment(db: Database) -> None:
    """A rejected pickup line moves to the open ship-to-store fulfillment from PAR2."""
    stock(db, "SKU-A", {"PAR1": (1, 0.0), "PAR2": (5, 0.0)})
    stock(db, "SKU-B", {"PAR1": (1, 0.0), "PAR2": (5, 0.0)})
    out = place(db, order({"SKU-A": 2, "SKU-B": 1}, pickup="PAR1"))
    assert routed(out) == [("PAR2", "ship_to_store", 2), ("PAR1", "store_pickup", 1)]
    with db.write() as conn:
        ids = _ids(conn)
        order_id = conn.execute(sa.select(t.orders.c.id)).scalar_one()
        conn.execute(  # what reject_line does before rerouting: give PAR1's unit back
            sa.update(t.inventory)
            .where(t.inventory.c.store_id == ids["PAR1"], t.inventory.c.sku == "SKU-B")
            .values(reserved=0)
        )
        got = routing.reroute(
            conn, order_id, 2, "SKU-B", 1, exclude_store_ids={ids["PAR1"]}, destination=ids["PAR1"]
        )
    sts = next(f for f in out.fulfillments if f.method is M.SHIP_TO_STORE)
    assert [(a.store_id, a.method, a.quantity, a.fulfillment_id) for a in got] == [
        (ids["PAR2"], M.SHIP_TO_STORE, 1, sts.id)
    ]
    assert reserved(db, "SKU-B") == {"PAR2": 1}
    fl = t.fulfillment_lines.c
    with db.read() as conn:
        lines = conn.execute(
            sa.select(fl.line_no, fl.quantity)
            .where(fl.fulfillment_id == sts.id)
            .order_by(fl.line_no)
        ).all()
        version = conn.execute(
            sa.select(t.fulfillments.c.version).where(t.fulfillments.c.id == sts.id)
        ).scalar_one()
        audit = conn.execute(
            sa.select(t.audit.c.action).where(t.audit.c.entity_key == out.number)
        ).scalars()
        assert "reroute" in set(audit)
    assert [tuple(r) for r in lines] == [(1, 2), (2, 1)]
    assert version == 2


def test_reroute_delivery_and_unfillable(db: Database) -> None:
    """A rejected delivery line ships from the next location; beyond stock it is unfillable."""
    stock(db, "SKU-A", {"PAR1": (2, 0.0), "VER1": (1, 0.0)})
    out = place(db, order({"SKU-A": 2}, at="PAR1"))
    assert routed(out) == [("PAR1", "ship_from_store", 2)]
    with db.write() as conn:
        ids = _ids(conn)
        order_id = conn.execute(sa.select(t.orders.c.id)).scalar_one()
        got = routing.reroute(
            conn,
            order_id,
            1,
            "SKU-A",
            2,
            exclude_store_ids={ids["PAR1"]},
            destination=None,
            now=datetime.now(UTC),
        )
        unfillable = conn.execute(sa.select(t.order_lines.c.unfillable)).scalar_one()
    assert [(a.store_id, a.method, a.quantity) for a in got] == [
        (ids["VER1"], M.SHIP_FROM_STORE, 1)
    ]
    assert unfillable == 1
