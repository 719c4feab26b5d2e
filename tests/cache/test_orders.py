"""Order search and one order's view from the cache (:mod:`desktop_oms.cache.orders`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop_oms.cache import orders, outbox
from desktop_oms.cache.apply import apply_changes
from desktop_oms.cache.db import CacheDB
from tests.cache import datagen
from tests.cache.datagen import change
from tests.cache.helpers import load_chain

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def _doc(fid: int, **kw: Any) -> dict[str, Any]:
    return datagen.fulfillment_doc(fid, kw.pop("store_id", 1), **kw)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CacheDB, dict[int, Any]]]:
    """A station of store 1 with a dozen orders, one split over two fulfillments."""
    db = CacheDB(tmp_path_factory.mktemp("orders") / "station.sqlite3")
    load_chain(db, datagen.Chain(skus=300, stores=3))
    docs = {fid: _doc(fid, customer=f"Customer {fid}") for fid in range(1, 13)}
    docs[3] = _doc(3, customer="Chloé de Vries", status="ready_for_pickup")
    docs[3]["ready_at"] = datagen.iso(NOW - timedelta(hours=2))
    docs[3]["rejections"] = [
        {
            "line_no": 2,
            "sku": docs[3]["lines"][1]["sku"],
            "quantity": 1,
            "reason": "damaged",
            "at": datagen.iso(NOW - timedelta(hours=3)),
            "staff_id": 1,
        }
    ]
    docs[3]["lines"][1]["rejected"] = 1
    # a second fulfillment of order 3, shipped to store 1 from store 2
    second = _doc(
        40,
        store_id=2,
        method="ship_to_store",
        destination_store_id=1,
        status="in_transit",
        customer="Chloé de Vries",
    )
    second["order_number"] = docs[3]["order_number"]
    second["order"] = docs[3]["order"]
    second["customer"] = docs[3]["customer"]
    docs[40] = second
    with db.write() as conn:
        apply_changes(
            conn,
            [change("fulfillment", str(i), d) for i, d in docs.items()]
            + [change("staff", "1", datagen.staff_doc(1, 1, "lead"))],
        )
    try:
        yield db, docs
    finally:
        db.close()


def _search(db: CacheDB, text: str) -> list[str]:
    with db.read() as conn:
        return [h.number for h in orders.search(conn, text).hits]


def test_search_by_number_name_email(world: tuple[CacheDB, dict[int, Any]]) -> None:
    """An order is found by its number, its customer's name (accents, case ignored) or
    e-mail; a split order is one hit."""
    db, docs = world
    number = docs[3]["order_number"]
    assert _search(db, number) == [number]
    assert _search(db, "chloe DE") == [number]
    assert _search(db, "customer3@example") == [number]
    with db.read() as conn:
        (hit,) = orders.search(conn, "chloé").hits
    assert hit.status == "ready_for_pickup"
    assert set(hit.methods) == {"store_pickup", "ship_to_store"}
    assert hit.store_ids == (1, 2)
    assert hit.matched == ""


def test_search_by_phone_in_any_form(world: tuple[CacheDB, dict[int, Any]]) -> None:
    """``+31 6 …``, ``0031 6…`` and ``06 …`` all find the customer's order."""
    db, docs = world
    phone = docs[5]["customer"]["phone"]  # +3161000000 5
    national = "0" + phone[3:]
    for typed in (f"{phone[:3]} {phone[3]} {phone[4:8]} {phone[8:]}", f"00{phone[1:]}", national):
        assert docs[5]["order_number"] in _search(db, typed), typed


def test_search_by_sku_says_what_matched(world: tuple[CacheDB, dict[int, Any]]) -> None:
    """A line's SKU finds every order with it, and the hit names the SKU."""
    db, docs = world
    sku = docs[7]["lines"][0]["sku"]
    found = [d["order_number"] for d in docs.values() if any(x["sku"] == sku for x in d["lines"])]
    with db.read() as conn:
        result = orders.search(conn, sku.lower())
    assert sorted(h.number for h in result.hits) == sorted(set(found))
    assert all(h.matched == f"SKU {sku}" for h in result.hits)


def test_short_or_unknown_search_finds_nothing(world: tuple[CacheDB, dict[int, Any]]) -> None:
    """One character is no search; a text nobody has finds nothing (LIKE marks literal)."""
    db, _docs = world
    assert _search(db, "C") == []
    assert _search(db, "zzzz") == []
    assert _search(db, "%_%") == []


def test_order_view_lines_events_and_pending(tmp_path: Path) -> None:
    """The view of a split order: every line with its fulfillment, store and status, the
    cache's events (placed, rejection with who and why, ready), and a queued change shown
    as pending with its predicted effect."""
    db = CacheDB(tmp_path / "station.sqlite3")
    try:
        load_chain(db, datagen.Chain(skus=300, stores=3))
        doc = _doc(3, customer="Chloé de Vries", status="ready_for_pickup")
        doc["ready_at"] = datagen.iso(NOW - timedelta(hours=2))
        doc["rejections"] = [
            {
                "line_no": 2,
                "sku": doc["lines"][1]["sku"],
                "quantity": 1,
                "reason": "damaged",
                "at": datagen.iso(NOW - timedelta(hours=3)),
                "staff_id": 1,
            }
        ]
        with db.write() as conn:
            apply_changes(
                conn,
                [
                    change("fulfillment", "3", doc),
                    change("staff", "1", datagen.staff_doc(1, 1, "lead")),
                ],
            )
        number = doc["order_number"]
        with db.read() as conn:
            view = orders.order_view(conn, number)
            assert orders.order_view(conn, "WEB-404") is None
        assert view is not None
        assert [(x.line_no, x.status, x.store, x.bin) for x in view.lines] == [
            (1, "ready_for_pickup", datagen.store_doc(1)["code"], doc["bin"]),
            (2, "ready_for_pickup", datagen.store_doc(1)["code"], doc["bin"]),
        ]
        assert view.customer["name"] == "Chloé de Vries"
        whats = [e.what for e in view.timeline]
        assert whats[0].startswith("Order placed")
        rejection = next(e for e in view.timeline if "rejected" in e.what)
        assert (rejection.who, rejection.why) == ("User 1", "damaged")
        assert any(e.what.startswith("Ready for pickup") for e in view.timeline)
        assert view.pending == []

        with db.write() as conn:
            outbox.enqueue(
                conn,
                name="cancel_order",
                target_kind="order",
                target_key=number,
                base_version=view.version,
                staff_id=1,
                approved_by=None,
                args={"reason": "customer_request"},
                now=NOW,
            )
        with db.read() as conn:
            after = orders.order_view(conn, number)
        assert after is not None
        (pending,) = after.pending
        assert (pending.name, pending.staff, pending.args) == (
            "cancel_order",
            "User 1",
            {"reason": "customer_request"},
        )
        assert all(x.pending for x in after.lines)
        assert after.status == "cancelled"
    finally:
        db.close()


def _view(world: tuple[CacheDB, dict[int, Any]], fid: int) -> orders.OrderView:
    db, docs = world
    with db.read() as conn:
        view = orders.order_view(conn, docs[fid]["order_number"])
    assert view is not None
    return view


def test_buttons_fit_the_order_state(world: tuple[CacheDB, dict[int, Any]]) -> None:
    """A ready pickup may be changed in every way but a fraud release; an open one cannot
    be announced ready again; a collected one can only have its contact edited."""
    ready = orders.why_not(_view(world, 3))
    assert [a for a, why in ready.items() if why] == ["release_fraud_hold"]
    assert "No fraud hold" in str(ready["release_fraud_hold"])
    fresh = orders.why_not(_view(world, 5))
    assert "ready for pickup" in str(fresh["resend_ready_notice"])
    db, docs = world
    done = {**docs[6], "status": "handed_over", "version": docs[6]["version"] + 1}
    held = {**docs[8], "order": {**docs[8]["order"], "fraud_state": "review"}}
    held["order"]["version"] += 1
    with db.write() as conn:
        apply_changes(conn, [change("fulfillment", "6", done), change("fulfillment", "8", held)])
    over = orders.why_not(_view(world, 6))
    assert [a for a, why in over.items() if why is None] == ["edit_contact"]
    assert "collected" not in str(over["cancel_order"]) and "handed over" in str(
        over["cancel_order"]
    )
    assert orders.why_not(_view(world, 8))["release_fraud_hold"] is None


def test_the_server_detail_wins_but_pending_predictions_stay_on_top(
    world: tuple[CacheDB, dict[int, Any]],
) -> None:
    """Built with the server's order detail: its header, documents of other stores and its
    timeline (names from the entries, else from the station's staff); an order the cache
    does not have at all is built from the server alone."""
    db, docs = world
    doc = docs[4]
    other = {**_doc(77, store_id=2, customer="Customer 4"), "order_number": doc["order_number"]}
    other["order"] = {**doc["order"], "version": doc["order"]["version"] + 1}
    server = {
        "order": other["order"],
        "customer": doc["customer"],
        "lines": [],
        "fulfillments": [doc, other],
        "timeline": [
            {
                "at": "2026-03-02T10:00:00Z",
                "entity": "order",
                "entity_key": doc["order_number"],
                "action": "place_order",
                "staff_id": None,
                "approved_by": None,
                "station_id": None,
                "reason": None,
                "details": {"channel": "web"},
            },
            {
                "at": "2026-03-02T11:00:00Z",
                "entity": "order",
                "entity_key": doc["order_number"],
                "action": "change_quantity",
                "staff_id": 1,
                "approved_by": 9,
                "station_id": 4,
                "reason": "customer_request",
                "details": {"line_no": 2, "quantity": 1, "note": "called in"},
                "approved_by_name": "Mia Manager",
                "station_name": "Counter 2",
            },
        ],
    }
    with db.read() as conn:
        found = orders.local(conn, doc["order_number"])
        missing = orders.local(conn, "WEB-0000001")
    view = orders.build(found, server)
    assert view is not None and view.from_server
    assert [f.id for f in view.fulfillments] == [4, 77]
    assert view.version == other["order"]["version"]
    placed, changed = view.timeline
    assert placed.what == "Order placed: via web" and placed.who == ""
    assert changed.what == "Quantity changed: line 2, 1 unit"
    assert (changed.who, changed.approved_by, changed.station) == (
        "User 1",
        "Mia Manager",
        "Counter 2",
    )
    assert changed.why == "customer_request — called in"
    assert orders.build(missing) is None
    alone = orders.build(missing, {**server, "fulfillments": [other]})
    assert alone is not None and [x.store for x in alone.lines] == ["S002", "S002"]
