"""The pick list of a batch of fulfillments: lines left to pick, by SKU with each order's
need, in walk order (department, location), with the codes to verify scans against."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from desktop_oms.cache import outbox, queries
from desktop_oms.cache.apply import apply_changes
from desktop_oms.cache.db import CacheDB
from desktop_oms.cache.rows import identifier_key
from tests.cache import datagen
from tests.cache.datagen import change
from tests.cache.helpers import load_chain

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
ASSOCIATE = 1


def _line(no: int, product: int, quantity: int, **kw: int) -> dict[str, Any]:
    return {
        "line_no": no,
        "sku": datagen.sku_of(product),
        "name": datagen.product_name(product),
        "quantity": quantity,
        "picked": 0,
        "rejected": kw.get("rejected", 0),
        "refused": 0,
        "unit_price_minor": 1000,
    }


def _order(fid: int, age_hours: int, lines: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    doc = datagen.fulfillment_doc(fid, kw.pop("store", 1), **kw)
    doc["created_at"] = datagen.iso(NOW - timedelta(hours=age_hours))
    doc["lines"] = lines
    return doc


@pytest.fixture
def station(cache: CacheDB) -> CacheDB:
    """A store-1 station with four orders to pick, one past picking, one of another store;
    order 1 has ``start_picking`` in flight."""
    load_chain(cache, datagen.Chain(skus=30, stores=3))
    docs = [
        _order(1, 5, [_line(1, 7, 2), _line(2, 3, 1)]),  # 7: Clothing, 3: Outdoor
        _order(2, 9, [_line(1, 7, 1), _line(2, 9, 3, rejected=1)]),  # 9: Kitchen
        _order(3, 2, [_line(1, 3, 2), _line(2, 14, 1, rejected=1)]),  # all of 14 rejected
        _order(4, 1, [_line(1, 9, 1)], status="ready_for_pickup"),
        _order(5, 3, [_line(1, 7, 1)], store=2),
    ]
    with cache.write() as conn:
        apply_changes(
            conn,
            [change("fulfillment", str(d["id"]), d) for d in docs]
            + [change("staff", "1", datagen.staff_doc(ASSOCIATE, 1))],
        )
        outbox.enqueue(
            conn,
            name="start_picking",
            target_kind="fulfillment",
            target_key="1",
            base_version=1,
            staff_id=ASSOCIATE,
            approved_by=None,
            args={"picker_id": ASSOCIATE},
            now=NOW,
        )
    return cache


def test_pick_list_aggregates_by_sku_in_walk_order(station: CacheDB) -> None:
    """Orders get totes oldest first; each SKU is one stop with every order's need (what is
    left after rejects), oldest order first; stops go department by department, then by
    location; the barcode is the GTIN-13 as printed and the keys are its lookup keys."""
    with station.read() as conn:
        found = queries.pick_list(conn, 1, [1, 2, 3, 4, 5, 99])
    assert [(o.fulfillment_id, o.tote) for o in found.orders] == [(2, "A"), (1, "B"), (3, "C")]
    first = found.orders[1]
    assert (first.status, first.version, first.picker_id, first.pending) == (
        "picking",
        2,
        ASSOCIATE,
        True,
    )
    assert found.skipped == (4, 5, 99)  # past picking, another store's, unknown
    assert found.partial_reject_allowed  # no setting: allowed
    stops = [
        (i.sku, i.department, [(n.fulfillment_id, n.line_no, n.quantity, n.tote) for n in i.needs])
        for i in found.items
    ]
    assert stops == [
        (datagen.sku_of(7), "Clothing", [(2, 1, 1, "A"), (1, 1, 2, "B")]),
        (datagen.sku_of(9), "Kitchen", [(2, 2, 2, "A")]),
        (datagen.sku_of(3), "Outdoor", [(1, 2, 1, "B"), (3, 1, 2, "C")]),
    ]
    assert [i.quantity for i in found.items] == [3, 2, 3] and found.units == 8
    mug = found.items[1]
    gtin = datagen.gtin_of(9)
    assert mug.barcode == gtin and len(gtin) == 13
    assert identifier_key("GTIN-13", gtin) in mug.keys
    assert mug.location == queries.shelf_location("Kitchen", datagen.sku_of(9))
    assert mug.name == datagen.product_name(9)


def test_locations_are_stable_and_shaped(station: CacheDB) -> None:
    """A derived location is aisle (department initial), bay 01-40 and shelf A-E, the same
    every time; totes run A..Z without I and O, then AA."""
    where = queries.shelf_location("Kitchen", "KIT-004512")
    assert where == queries.shelf_location("Kitchen", "KIT-004512")
    aisle, bay, shelf = where.split("-")
    assert aisle == "K" and 1 <= int(bay) <= 40 and shelf in "ABCDE"
    assert queries.shelf_location("Électroménager", "X").startswith("L-")  # first ASCII letter
    assert [queries.tote_letter(i) for i in (0, 7, 8, 23, 24, 25)] == [
        "A",
        "H",
        "J",
        "Z",
        "AA",
        "AB",
    ]


def test_partial_rejects_follow_the_store_setting(station: CacheDB) -> None:
    """``partial_reject_allowed`` false in the settings makes the list whole-line only."""
    with station.write() as conn:
        apply_changes(
            conn,
            [
                change(
                    "setting",
                    queries.PARTIAL_REJECT_SETTING,
                    {"key": queries.PARTIAL_REJECT_SETTING, "value": False},
                )
            ],
        )
    with station.read() as conn:
        assert not queries.pick_list(conn, 1, [1]).partial_reject_allowed
        row = conn.exec_driver_sql(
            "SELECT value FROM settings WHERE key = ?", (queries.PARTIAL_REJECT_SETTING,)
        ).scalar()
    assert json.loads(row) is False


def test_pickers_are_the_stores_floor_staff(station: CacheDB) -> None:
    """Active associates, leads and managers of the store, by name."""
    with station.write() as conn:
        apply_changes(
            conn,
            [
                change("staff", "2", datagen.staff_doc(2, 1, "lead")),
                change("staff", "3", datagen.staff_doc(3, 2, "associate")),
                change("staff", "4", {**datagen.staff_doc(4, 1), "active": False}),
            ],
        )
    with station.read() as conn:
        assert {p.id for p in queries.pickers(conn, 1)} == {1, 2}
