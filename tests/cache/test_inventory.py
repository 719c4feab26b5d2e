"""The inventory view's reads (cache/inventory.py) on a hand-built station cache.

One small chain: store 1 (Amsterdam time, the station's) and store 2; a few products in
two departments with stock chosen for each case; fulfillments whose documents carry
``ready_at``/``completed_at``/``rejections`` (in ``Z`` and ``+00:00`` forms) and some
written before those fields existed. "Now" is 2026-11-29 14:00 UTC, 15:00 in Amsterdam,
whose day began at 2026-11-28 23:00 UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from desktop_oms.cache import inventory, outbox, state
from desktop_oms.cache.db import CacheDB
from desktop_oms.cache.inventory import (
    DepartmentRow,
    ReasonFigure,
    StockLevelRow,
    Thresholds,
)
from desktop_oms.cache.rows import utc_text
from tests.cache import datagen
from tests.cache.helpers import load_snapshot

NOW = datetime(2026, 11, 29, 14, 0, tzinfo=UTC)
SYNCED = "2026-11-29T13:55:00.000000+00:00"
MANAGER = 7

PRODUCTS = [
    # sku, name, department, price
    ("SKU-A1", "Apple mug", "Kitchen", 1000),
    ("SKU-A2", "Bowl", "Kitchen", 250),
    ("SKU-A3", "Cup", "Kitchen", 300),
    ("SKU-B1", "Boot", "Footwear", 5000),
    ("SKU-B2", "Sandal", "Footwear", 2000),
    ("SKU-C1", "Scarf", "Clothing", 1500),  # not stocked at store 1
]
STOCK = [
    # store, sku, on hand, reserved, safety -> available at store 1
    (1, "SKU-A1", 10, 2, 1),  # 7: fine
    (1, "SKU-A2", 3, 1, 1),  # 1: low
    (1, "SKU-A3", 2, 2, 1),  # -1: out (2 on hand still count as value)
    (1, "SKU-B1", 0, 0, 0),  # 0: out
    (1, "SKU-B2", 5, 1, 1),  # 3: low at the default threshold
    (2, "SKU-A1", 100, 0, 0),  # another store: never counted
    (2, "SKU-C1", 4, 0, 0),
]


def t(text: str) -> str:
    """A time of the test's world, ``MM-DD HH:MM`` in UTC, as the server's ISO text."""
    month_day, clock = text.split()
    month, day = month_day.split("-")
    hour, minute = clock.split(":")
    return datetime(2026, int(month), int(day), int(hour), int(minute), tzinfo=UTC).isoformat()


def fdoc(fid: int, store_id: int = 1, **fields: Any) -> dict[str, Any]:
    """A fulfillment document with ``fields`` replaced (``number`` names its order)."""
    method = fields.pop("method", "store_pickup")
    status = fields.pop("status", "open")
    destination = fields.pop("destination_store_id", None)
    doc = datagen.fulfillment_doc(
        fid, store_id, method=method, status=status, destination_store_id=destination
    )
    number = fields.pop("number", None)
    if number is not None:
        doc["order_number"] = number
        doc["order"]["number"] = number
    doc["promised_at"] = t("12-05 12:00")  # far ahead unless a test says otherwise
    doc.update(fields)
    return doc


def rejection(line_no: int, quantity: int, reason: str, at: str) -> dict[str, Any]:
    """A ``reject_line`` record as the server keeps it on the document."""
    return {
        "line_no": line_no,
        "sku": "SKU-A3",
        "quantity": quantity,
        "reason": reason,
        "at": at,
        "staff_id": MANAGER,
    }


FULFILLMENTS = [
    # completed today (local day): f1 and f6 are one order
    fdoc(
        1,
        number="WEB-1",
        status="handed_over",
        created_at=t("11-29 08:00"),
        updated_at=t("11-29 10:15"),
        ready_at="2026-11-29T09:30:00Z",
        completed_at="2026-11-29T10:15:00Z",
    ),
    fdoc(
        6,
        number="WEB-1",
        status="handed_over",
        created_at=t("11-29 08:00"),
        updated_at=t("11-29 10:20"),
        completed_at=t("11-29 10:20"),
    ),
    fdoc(
        2,
        method="ship_from_store",
        status="shipped",
        created_at=t("11-29 07:00"),
        updated_at=t("11-29 12:05"),
        ready_at=t("11-29 08:00"),
        completed_at=t("11-29 12:05"),
    ),
    # handed over yesterday evening (local): not today
    fdoc(
        3,
        status="handed_over",
        created_at=t("11-28 08:00"),
        updated_at=t("11-28 20:00"),
        ready_at=t("11-28 12:00"),
        completed_at=t("11-28 20:00"),
    ),
    # 23:30 UTC on the 28th is 00:30 on the 29th in Amsterdam: today
    fdoc(
        33,
        status="handed_over",
        created_at=t("11-28 08:00"),
        updated_at=t("11-28 23:30"),
        ready_at=t("11-28 12:00"),
        completed_at=t("11-28 23:30"),
    ),
    # written before completed_at/ready_at existed: completed at its last update
    fdoc(4, status="handed_over", created_at=t("11-29 06:00"), updated_at=t("11-29 13:00")),
    # still ready, old document: ready at its last update (5 h after creation)
    fdoc(
        5,
        status="ready_for_pickup",
        created_at=t("11-29 06:00"),
        updated_at=t("11-29 11:00"),
        bin="P-005",
    ),
    # another store's pickup, handed over there today
    fdoc(
        7,
        store_id=2,
        status="handed_over",
        created_at=t("11-29 06:00"),
        updated_at=t("11-29 09:00"),
        completed_at=t("11-29 09:00"),
    ),
    # a transfer from store 2 collected here today
    fdoc(
        8,
        store_id=2,
        method="ship_to_store",
        destination_store_id=1,
        status="handed_over",
        created_at=t("11-27 06:00"),
        updated_at=t("11-29 13:30"),
        ready_at=t("11-28 09:00"),
        completed_at=t("11-29 13:30"),
    ),
    # rejections here: today's count, yesterday's do not
    fdoc(
        9,
        method="ship_from_store",
        status="picking",
        created_at=t("11-29 06:00"),
        updated_at=t("11-29 10:00"),
        rejections=[
            rejection(1, 2, "not_found", "2026-11-29T09:00:00Z"),
            rejection(2, 1, "damaged", t("11-29 10:00")),
        ],
    ),
    fdoc(
        10,
        status="rejected",
        created_at=t("11-28 06:00"),
        updated_at=t("11-29 08:00"),
        rejections=[
            rejection(1, 5, "damaged", t("11-28 10:00")),
            rejection(2, 1, "not_found", t("11-29 08:00")),
        ],
    ),
    fdoc(
        11,
        store_id=2,
        status="rejected",
        updated_at=t("11-29 08:00"),
        rejections=[rejection(1, 9, "damaged", t("11-29 08:00"))],
    ),
    # ready pickups: aged (ready_at long ago, moved bin since), fresh, aged (old document)
    fdoc(
        21,
        status="ready_for_pickup",
        created_at=t("11-19 10:00"),
        updated_at=t("11-28 10:00"),
        ready_at=t("11-20 10:00"),
        pickup_deadline=t("11-30 10:00"),
        bin="P-021",
        customer={"id": 21, "name": "Ada Aged", "email": "a@example.com", "phone": "+3161"},
    ),
    fdoc(
        22,
        status="ready_for_pickup",
        created_at=t("11-27 10:00"),
        updated_at=t("11-28 10:00"),
        ready_at=t("11-28 10:00"),
        bin="P-022",
    ),
    fdoc(
        23,
        status="ready_for_pickup",
        created_at=t("11-24 10:00"),
        updated_at=t("11-25 10:00"),
        bin="P-023",
    ),
    fdoc(
        24,
        store_id=2,
        status="ready_for_pickup",
        created_at=t("11-01 10:00"),
        updated_at=t("11-01 12:00"),
        ready_at=t("11-01 12:00"),
    ),
    # overdue: promised before now and not ready
    fdoc(31, status="open", promised_at=t("11-29 12:00"), updated_at=t("11-29 06:00")),
    fdoc(
        32,
        method="ship_from_store",
        status="picking",
        promised_at=t("11-28 14:00"),
        updated_at=t("11-28 06:00"),
    ),
    fdoc(
        34,
        method="ship_from_store",
        status="packed",
        promised_at=t("11-28 14:00"),
        updated_at=t("11-28 06:00"),
    ),
    fdoc(35, status="open", promised_at=t("11-29 18:00"), updated_at=t("11-29 06:00")),
    fdoc(
        36,
        store_id=2,
        method="ship_to_store",
        destination_store_id=1,
        status="in_transit",
        promised_at=t("11-29 10:00"),
        updated_at=t("11-29 06:00"),
    ),
    fdoc(37, store_id=2, status="open", promised_at=t("11-28 10:00"), updated_at=t("11-28 6:00")),
]


def build(cache: CacheDB, settings: dict[str, Any] | None = None) -> CacheDB:
    """Load the chain into ``cache``, with ``settings`` from the server, synced at SYNCED."""
    products: list[list[Any]] = [
        [sku, name, dept, price, "EUR", {}, None, 1] for sku, name, dept, price in PRODUCTS
    ]
    kinds: dict[str, list[list[Any]]] = {
        "setting": [[key, value] for key, value in (settings or {}).items()],
        "reason_code": [
            ["reject", "not_found", "Item not found on the shelf"],
            ["reject", "damaged", "Item damaged"],
            ["cancel", "damaged", "Not this one"],
        ],
        "store": [[1, datagen.store_doc(1)], [2, datagen.store_doc(2)]],
        "staff": [[MANAGER, datagen.staff_doc(MANAGER, 1, "manager")]],
        "product": products,
        "inventory": [[s, sku, oh, r, ss, 1] for s, sku, oh, r, ss in STOCK],
        "fulfillment": [[d["id"], d] for d in sorted(FULFILLMENTS, key=lambda d: d["id"])],
    }
    load_snapshot(cache, kinds, store_id=1, nearby=(2,))
    with cache.write() as conn:
        state.put(conn, state.Key.LAST_SYNC_AT, SYNCED)
    return cache


def read(cache: CacheDB, fn: Any) -> Any:
    with cache.read() as conn:
        return fn(conn)


def enqueue(cache: CacheDB, name: str, kind: str, key: str, args: dict[str, Any]) -> str:
    """Queue a command as the manager (predicted into the overlay); its issued time."""
    with cache.write() as conn:
        base = 1
        entry = outbox.enqueue(
            conn,
            name=name,
            target_kind=kind,
            target_key=key,
            base_version=base,
            staff_id=MANAGER,
            approved_by=None,
            args=args,
            now=NOW - timedelta(minutes=2),
        )
    return entry.issued_at


# --- thresholds ----------------------------------------------------------------------------


def test_thresholds_default_without_settings_and_follow_the_server(cache: CacheDB) -> None:
    build(cache)
    assert read(cache, inventory.thresholds) == Thresholds(3, 3)


def test_thresholds_from_server_settings_and_bad_values_fall_back(tmp_path: Any) -> None:
    db = build(
        CacheDB(tmp_path / "a.sqlite3"),
        {"inventory.low_stock_units": 1, "inventory.aged_pickup_days": 7},
    )
    try:
        assert read(db, inventory.thresholds) == Thresholds(1, 7)
    finally:
        db.close()
    db = build(
        CacheDB(tmp_path / "b.sqlite3"),
        {"inventory.low_stock_units": "lots", "inventory.aged_pickup_days": -2},
    )
    try:
        assert read(db, inventory.thresholds) == Thresholds(3, 3)
    finally:
        db.close()


# --- stock ---------------------------------------------------------------------------------


def test_departments_sum_units_value_out_and_low_of_the_own_store(cache: CacheDB) -> None:
    build(cache)
    rows = read(cache, lambda conn: inventory.departments(conn, 1, 3))
    assert rows == [
        # Footwear: B1 0 x 5000 + B2 5 x 2000; B1 out, B2 low (3 available)
        DepartmentRow("Footwear", "EUR", 2, 5, 10_000, 1, 1),
        # Kitchen: 10 x 1000 + 3 x 250 + 2 x 300; A3 out (-1), A2 low (1)
        DepartmentRow("Kitchen", "EUR", 3, 15, 11_350, 1, 1),
    ]
    strict = read(cache, lambda conn: inventory.departments(conn, 1, 1))
    assert [(d.department, d.low_stock) for d in strict] == [("Footwear", 0), ("Kitchen", 1)]
    other = read(cache, lambda conn: inventory.departments(conn, 2, 3))
    assert [(d.department, d.skus, d.on_hand) for d in other] == [
        ("Clothing", 1, 4),
        ("Kitchen", 1, 100),
    ]
    assert inventory.totals(rows) == DepartmentRow("All departments", "EUR", 5, 20, 21_350, 2, 2)


def test_out_and_low_stock_lists_with_their_figures(cache: CacheDB) -> None:
    build(cache)
    out = read(cache, lambda conn: inventory.out_of_stock(conn, 1))
    assert out == [
        StockLevelRow("SKU-B1", "Boot", "Footwear", 0, 0, 0, 0, SYNCED, False),
        StockLevelRow("SKU-A3", "Cup", "Kitchen", 2, 2, 1, 0, SYNCED, False),
    ]
    low = read(cache, lambda conn: inventory.low_stock(conn, 1, 3))
    assert low == [
        StockLevelRow("SKU-B2", "Sandal", "Footwear", 5, 1, 1, 3, SYNCED, False),
        StockLevelRow("SKU-A2", "Bowl", "Kitchen", 3, 1, 1, 1, SYNCED, False),
    ]
    kitchen = read(cache, lambda conn: inventory.low_stock(conn, 1, 3, "Kitchen"))
    assert [r.sku for r in kitchen] == ["SKU-A2"]
    assert read(cache, lambda conn: inventory.low_stock(conn, 1, 2)) == low[1:]
    assert read(cache, lambda conn: inventory.out_of_stock(conn, 1, "Clothing")) == []


def test_pending_adjustment_counts_as_predicted(cache: CacheDB) -> None:
    """A cycle count of A1 to 0 not yet confirmed: A1 is out of stock, in the department
    sums too, and its figures are as of when the count was made."""
    build(cache)
    issued = enqueue(
        cache,
        "adjust_inventory",
        "inventory",
        "1:SKU-A1",
        {"mode": "count", "quantity": 0, "reason": "cycle_count"},
    )
    out = read(cache, lambda conn: inventory.out_of_stock(conn, 1, "Kitchen"))
    assert out == [
        StockLevelRow("SKU-A1", "Apple mug", "Kitchen", 0, 2, 1, 0, issued, True),
        StockLevelRow("SKU-A3", "Cup", "Kitchen", 2, 2, 1, 0, SYNCED, False),
    ]
    kitchen = read(cache, lambda conn: inventory.departments(conn, 1, 3))[1]
    assert kitchen == DepartmentRow("Kitchen", "EUR", 3, 5, 1_350, 2, 1)
    # and a count of a SKU the store had no row for adds one
    enqueue(
        cache,
        "adjust_inventory",
        "inventory",
        "1:SKU-C1",
        {"mode": "count", "quantity": 2, "reason": "found"},
    )
    rows = read(cache, lambda conn: inventory.departments(conn, 1, 3))
    assert rows[0] == DepartmentRow("Clothing", "EUR", 1, 2, 3_000, 0, 1)


# --- fulfillments --------------------------------------------------------------------------


def test_aged_pickups_from_ready_at_or_the_last_update(cache: CacheDB) -> None:
    build(cache)
    aged = read(cache, lambda conn: inventory.aged_pickups(conn, 1, NOW, 3))
    assert [(r.id, r.ready_since, r.bin) for r in aged] == [
        (21, utc_text(t("11-20 10:00")), "P-021"),  # not its last update (28th)
        (23, utc_text(t("11-25 10:00")), "P-023"),  # old document: its last update
    ]
    first = aged[0]
    assert (first.order_number, first.customer_name, first.pickup_deadline) == (
        "WEB-1000021",
        "Ada Aged",
        utc_text(t("11-30 10:00")),
    )
    assert [r.id for r in read(cache, lambda conn: inventory.aged_pickups(conn, 1, NOW, 7))] == [21]


def test_overdue_fulfillments_not_ready_after_their_promised_time(cache: CacheDB) -> None:
    build(cache)
    rows = read(cache, lambda conn: inventory.overdue(conn, 1, NOW))
    assert [(r.id, r.method, r.status, r.late_seconds, r.pending) for r in rows] == [
        (32, "ship_from_store", "picking", 24 * 3600, False),
        (36, "ship_to_store", "in_transit", 4 * 3600, False),
        (31, "store_pickup", "open", 2 * 3600, False),
    ]
    # picking started but not confirmed: still overdue, shown as pending
    enqueue(cache, "start_picking", "fulfillment", "31", {})
    rows = read(cache, lambda conn: inventory.overdue(conn, 1, NOW))
    assert (rows[-1].id, rows[-1].status, rows[-1].pending) == (31, "picking", True)


def test_today_figures_on_the_store_local_day(cache: CacheDB) -> None:
    build(cache)
    figures = read(cache, lambda conn: inventory.today(conn, 1, NOW))
    assert figures.day.isoformat() == "2026-11-29"
    assert figures.since == "2026-11-28T23:00:00.000000+00:00"
    # WEB-1 (two fulfillments, once), f2 shipped, f33 (00:30 local), f4 (old doc), f8
    assert figures.orders_fulfilled == 5
    hours = {h: n for h, n in enumerate(figures.per_hour) if n}
    assert hours == {0: 1, 11: 1, 13: 1, 14: 2}
    assert sum(figures.per_hour) == figures.orders_fulfilled
    # ready today: f1 1.5 h, f2 1 h, f5 5 h (old document, still ready)
    assert figures.ready == 3
    assert figures.average_ready_seconds == pytest.approx((1.5 + 1 + 5) * 3600 / 3)
    assert figures.rejections == (
        ReasonFigure("not_found", "Item not found on the shelf", 3, 2),
        ReasonFigure("damaged", "Item damaged", 1, 1),
    )
    assert figures.rejected_units == 4


def test_today_figures_of_a_quiet_day(cache: CacheDB) -> None:
    build(cache)
    later = NOW + timedelta(days=3)
    figures = read(cache, lambda conn: inventory.today(conn, 1, later))
    assert (figures.orders_fulfilled, figures.ready, figures.average_ready_seconds) == (
        0,
        0,
        None,
    )
    assert figures.per_hour == (0,) * 24
    assert figures.rejections == ()


def test_overview_reads_everything_at_once(cache: CacheDB) -> None:
    build(cache)
    view = read(
        cache,
        lambda conn: inventory.overview(conn, 1, NOW, department="Kitchen", lists=["low_stock"]),
    )
    assert view.department_names == ["Footwear", "Kitchen"]
    assert view.stock_counts() == (1, 1)
    assert view.out_of_stock is None
    assert [r.sku for r in view.low_stock or []] == ["SKU-A2"]
    assert [r.id for r in view.aged_pickups] == [21, 23]
    assert [r.id for r in view.overdue] == [32, 36, 31]
    assert view.today.orders_fulfilled == 5
    assert view.last_sync_at == SYNCED
    assert str(view.timezone) == "Europe/Amsterdam"
