"""Reservations under real concurrency (PostgreSQL): never more reserved than available."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlalchemy.engine import Connection

from desktop_oms.protocol import API_PREFIX
from desktop_oms.protocol.intake import OrderIn, OrderOut
from desktop_oms.server import intake, reservations
from desktop_oms.server import schema as t
from desktop_oms.server.errors import ApiError
from desktop_oms.server.payments import APPROVE_CARD, TestPaymentProvider
from desktop_oms.server.services import Services
from tests.server.factories import bearer, make_channel, make_store

pytestmark = pytest.mark.postgres

THREADS = 16

#: code: (kind, latitude, longitude, on hand, safety stock) of the scarce SKU.
LOCATIONS = {
    "AMS1": ("store", 52.3702, 4.8952, 6, 2),  # ATP 4
    "HAA1": ("store", 52.3874, 4.6462, 3, 0),  # ATP 3
    "UTR1": ("store", 52.0907, 5.1214, 0, 0),  # ATP 0
    "DC1": ("dc", 52.3000, 4.7600, 2, 1),  # ATP 1
}
STOCK = 8


@pytest.fixture
def database_url(pg_url: str) -> str:
    """Concurrency is only real on PostgreSQL."""
    return pg_url


@pytest.fixture
def stores(services: Services) -> dict[str, int]:
    """The locations with their stock of SKU ``HOT``; store ids by code."""
    with services.db.write() as conn:
        conn.execute(
            sa.insert(t.products).values(
                sku="HOT",
                name="Hot item",
                department="toys",
                price_minor=1999,
                currency="EUR",
                attributes={},
            )
        )
        ids = {}
        for code, (kind, lat, lon, on_hand, safety) in LOCATIONS.items():
            ids[code] = make_store(conn, code=code, kind=kind, lat=lat, lon=lon)
            conn.execute(
                sa.insert(t.inventory).values(
                    store_id=ids[code], sku="HOT", on_hand=on_hand, safety_stock=safety
                )
            )
    return ids


def _order(i: int, qty: int) -> OrderIn:
    address = {
        "name": f"Buyer {i}",
        "line1": "Damrak 1",
        "city": "Amsterdam",
        "postal_code": "1012 LG",
        "country": "NL",
    }
    return OrderIn.model_validate(
        {
            "channel": "web",
            "external_ref": f"r-{i}",
            "customer": {
                "external_id": f"c-{i}",
                "name": f"Buyer {i}",
                "email": f"buyer{i}@example.com",
                "phone": "+31201234567",
            },
            "delivery": "pickup",
            "pickup_store_code": "AMS1",
            "billing_address": address,
            "lines": [{"sku": "HOT", "quantity": qty, "unit_price_minor": 1999}],
            "payment": {"card_number": APPROVE_CARD, "holder": f"Buyer {i}"},
        }
    )


def _together(n: int, fn: Callable[[int], Any]) -> list[Any]:
    """Run ``fn(0..n-1)`` on ``n`` threads released at the same moment."""
    barrier = threading.Barrier(n)

    def run(i: int) -> Any:
        barrier.wait()
        return fn(i)

    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(run, range(n)))


def test_concurrent_orders_never_over_reserve(services: Services, stores: dict[str, int]) -> None:
    """16 orders race for 8 units: exactly 8 are reserved, no location goes over its ATP."""

    def place(i: int) -> OrderOut | ApiError:
        qty = 1 if i % 2 else 2  # twos force splits across locations
        try:
            with services.db.write() as conn:
                return intake.place_order(conn, TestPaymentProvider(), _order(i, qty))
        except ApiError as exc:
            return exc

    results = _together(THREADS, place)
    placed = [r for r in results if isinstance(r, OrderOut)]
    refused = [r for r in results if isinstance(r, ApiError)]
    assert all(e.code.value == "insufficient_stock" for e in refused), refused
    allocated = sum(a.quantity for r in placed for a in r.allocations)
    assert allocated == STOCK
    inv = t.inventory.c
    with services.db.read() as conn:
        rows = conn.execute(
            sa.select(inv.store_id, inv.on_hand, inv.reserved, inv.safety_stock)
        ).all()
        fl = conn.execute(sa.select(sa.func.sum(t.fulfillment_lines.c.quantity))).scalar_one()
    for r in rows:
        assert r.reserved <= r.on_hand - r.safety_stock or r.reserved == 0, r
    assert sum(r.reserved for r in rows) == STOCK
    assert fl == STOCK
    per_store = {r.store_id: r.reserved for r in rows}
    assert per_store == {
        stores["AMS1"]: 4,
        stores["HAA1"]: 3,
        stores["UTR1"]: 0,
        stores["DC1"]: 1,
    }


def test_reserve_is_atomic_under_contention(services: Services, stores: dict[str, int]) -> None:
    """Bare reserve() calls from 16 threads succeed exactly as often as there are units."""

    def take(_i: int) -> bool:
        with services.db.write() as conn:
            ok = reservations.reserve(conn, stores["AMS1"], "HOT", 1)
            time.sleep(0.01)  # hold the row lock a moment: the others must wait, not pass
            return ok

    results = _together(THREADS, take)
    assert results.count(True) == 4
    with services.db.read() as conn:
        (row,) = reservations.available(conn, "HOT", [stores["AMS1"]])
    assert (row.reserved, row.atp) == (4, 0)


def test_racing_requests_with_one_key_place_one_order(
    client: TestClient, services: Services, stores: dict[str, int]
) -> None:
    """Eight identical requests with one Idempotency-Key at once: one order, one answer."""
    with services.db.write() as conn:
        _, key = make_channel(conn)
    data = _order(1, 1).model_dump(mode="json")
    headers = {**bearer(key), "Idempotency-Key": "same-key"}

    def post(_i: int) -> tuple[int, Any]:
        r = client.post(f"{API_PREFIX}/orders", json=data, headers=headers)
        return r.status_code, r.json()

    results = _together(8, post)
    assert {status for status, _ in results} == {201}
    assert len({answer["number"] for _, answer in results}) == 1
    with services.db.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(t.orders)).scalar_one() == 1
        assert conn.execute(sa.select(sa.func.sum(t.inventory.c.reserved))).scalar_one() == 1


def test_with_idempotency_loser_waits_for_the_winner(services: Services) -> None:
    """A second claim of a key blocks until the first commits, then replays its answer."""
    started = threading.Event()
    calls: list[int] = []

    def slow(_conn: Connection) -> tuple[int, dict[str, Any]]:
        calls.append(1)
        started.set()
        time.sleep(0.3)
        return 201, {"n": 1}

    def first() -> intake.Answer:
        with services.db.write() as conn:
            return intake.with_idempotency(conn, "p", "k", "h", slow)

    with ThreadPoolExecutor(max_workers=1) as pool:
        winner = pool.submit(first)
        assert started.wait(5)
        with services.db.write() as conn:
            loser = intake.with_idempotency(conn, "p", "k", "h", slow)
        assert winner.result().replayed is False
    assert (loser.status, loser.body, loser.replayed) == (201, {"n": 1}, True)
    assert calls == [1]


def test_availability_sorted_by_distance(
    client: TestClient, services: Services, stores: dict[str, int]
) -> None:
    """Nearest store first from Haarlem; DCs are not listed."""
    with services.db.write() as conn:
        _, key = make_channel(conn)
    r = client.get(
        f"{API_PREFIX}/availability/HOT", params={"lat": 52.38, "lon": 4.64}, headers=bearer(key)
    )
    assert r.status_code == 200, r.text
    got = [(s["store_code"], s["available"]) for s in r.json()["stores"]]
    assert got == [("HAA1", 3), ("AMS1", 4), ("UTR1", 0)]
