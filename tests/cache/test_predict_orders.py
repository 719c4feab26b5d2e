"""Predictions of the order modifications (issue #8): what the station shows as pending
until the server answers, and the refusals it can tell at once."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from desktop_oms.cache import outbox
from desktop_oms.cache.apply import apply_changes
from desktop_oms.cache.db import CacheDB
from desktop_oms.domain.errors import (
    IllegalTransition,
    MissingRequirement,
    OutOfScope,
    PermissionDenied,
    StaleVersion,
)
from tests.cache import datagen
from tests.cache.datagen import change
from tests.cache.helpers import load_chain

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
ASSOCIATE, LEAD, MANAGER = 1, 2, 3
ADDRESS = {
    "name": "Jane Doe",
    "line1": "Keizersgracht 10",
    "postal_code": "1015 CS",
    "city": "Amsterdam",
    "country": "NL",
}


@pytest.fixture
def station(cache: CacheDB) -> CacheDB:
    """A store-1 station: an open pickup (1), a ready pickup (2), a shipped parcel (6),
    an order at store 2 only (4) and an in-transit transfer to store 1 (7)."""
    load_chain(cache, datagen.Chain(skus=20, stores=3))
    docs = [
        change("staff", "1", datagen.staff_doc(ASSOCIATE, 1, "associate")),
        change("staff", "2", datagen.staff_doc(LEAD, 1, "lead")),
        change("staff", "3", datagen.staff_doc(MANAGER, 1, "manager")),
        change("fulfillment", "1", datagen.fulfillment_doc(1, 1, status="picking")),
        change("fulfillment", "2", datagen.fulfillment_doc(2, 1, status="ready_for_pickup")),
        change("fulfillment", "4", datagen.fulfillment_doc(4, 2, status="open")),
        change(
            "fulfillment",
            "6",
            datagen.fulfillment_doc(6, 1, method="ship_from_store", status="shipped"),
        ),
        change(
            "fulfillment",
            "7",
            datagen.fulfillment_doc(
                7, 2, method="ship_to_store", destination_store_id=1, status="in_transit"
            ),
        ),
    ]
    with cache.write() as conn:
        apply_changes(conn, docs)
    return cache


def _enqueue(db: CacheDB, name: str, number: str, args: dict[str, Any], **kw: Any) -> Any:
    with db.write() as conn:
        return outbox.enqueue(
            conn,
            name=name,
            target_kind="order",
            target_key=number,
            base_version=kw.pop("base", 1),
            staff_id=kw.pop("staff_id", LEAD),
            approved_by=kw.pop("approved_by", None),
            args=args,
            now=NOW,
        )


def _view(db: CacheDB, fid: int) -> dict[str, Any]:
    with db.read() as conn:
        row = conn.exec_driver_sql(
            "SELECT status, version, pending, doc FROM v_fulfillments WHERE id = ?", (fid,)
        ).one()
    return {"status": row[0], "version": row[1], "pending": row[2], "doc": json.loads(row[3])}


def _pending_count(db: CacheDB) -> int:
    with db.read() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM pending_fulfillments").scalar_one())


def test_change_delivery_shows_the_pickup_ended(station: CacheDB) -> None:
    """The open pickup here shows cancelled (pending) with the order's next version."""
    _enqueue(
        station,
        "change_delivery",
        "WEB-1000001",
        {"method": "delivery", "address": ADDRESS, "reason": "customer_request"},
    )
    view = _view(station, 1)
    assert (view["status"], view["version"], view["pending"]) == ("cancelled", 2, 1)
    assert view["doc"]["order"]["version"] == 2


def test_change_delivery_refusals(station: CacheDB) -> None:
    """What the station can tell at once, in the server's words."""
    kw = {"method": "delivery", "address": ADDRESS, "reason": "customer_request"}
    with pytest.raises(PermissionDenied):
        _enqueue(station, "change_delivery", "WEB-1000001", kw, staff_id=ASSOCIATE)
    with pytest.raises(StaleVersion):
        _enqueue(station, "change_delivery", "WEB-1000001", kw, base=7)
    with pytest.raises(MissingRequirement, match=r"address\.country: 'Holland' is not a country"):
        _enqueue(
            station,
            "change_delivery",
            "WEB-1000001",
            {**kw, "address": {**ADDRESS, "country": "Holland"}},
        )
    with pytest.raises(MissingRequirement, match="not a change reason"):
        _enqueue(station, "change_delivery", "WEB-1000001", {**kw, "reason": "damaged"})
    with pytest.raises(IllegalTransition, match="nothing left to change: it was already shipped"):
        _enqueue(station, "change_delivery", "WEB-1000006", kw)
    with pytest.raises(IllegalTransition, match="on their way"):
        _enqueue(station, "change_delivery", "WEB-1000007", kw)
    assert _pending_count(station) == 0
    # an associate with a manager's approval may
    _enqueue(station, "change_delivery", "WEB-1000001", kw, staff_id=ASSOCIATE, approved_by=MANAGER)
    assert _view(station, 1)["status"] == "cancelled"


def test_replace_item_marks_the_damaged_units(station: CacheDB) -> None:
    """The written-off units show as rejected (damaged); a ready pickup whose only units
    are replaced ends with its bin free."""
    _enqueue(
        station,
        "replace_item",
        "WEB-1000001",
        {"line_no": 2, "quantity": 1, "source_store_id": 2, "reason": "damaged"},
    )
    view = _view(station, 1)
    assert view["status"] == "picking"
    assert [line["rejected"] for line in view["doc"]["lines"]] == [0, 1]
    assert view["doc"]["rejections"][-1]["reason"] == "damaged"
    assert view["doc"]["order"]["version"] == 2
    doc = datagen.fulfillment_doc(9, 1, status="ready_for_pickup", lines=1)
    with station.write() as conn:
        apply_changes(conn, [change("fulfillment", "9", doc)])
    _enqueue(
        station,
        "replace_item",
        "WEB-1000009",
        {"line_no": 1, "quantity": 1, "source_store_id": 1, "reason": "damaged"},
        staff_id=MANAGER,
    )
    view = _view(station, 9)
    assert view["status"] == "cancelled"
    assert view["doc"]["returned_at"] is not None


def test_replace_item_refusals(station: CacheDB) -> None:
    """Too many units, a reason of the wrong kind, bad numbers, the wrong role."""
    args = {"line_no": 1, "quantity": 2, "source_store_id": 2, "reason": "damaged"}
    with pytest.raises(IllegalTransition, match="cannot replace 2, only 1 not yet packed"):
        _enqueue(station, "replace_item", "WEB-1000001", args)
    with pytest.raises(MissingRequirement, match="not a reject reason"):
        _enqueue(station, "replace_item", "WEB-1000001", {**args, "quantity": 1, "reason": "fraud"})
    with pytest.raises(MissingRequirement, match="replace_item: quantity"):
        _enqueue(station, "replace_item", "WEB-1000001", {**args, "quantity": 0})
    with pytest.raises(PermissionDenied):
        _enqueue(station, "replace_item", "WEB-1000001", {**args, "quantity": 1}, staff_id=1)


def test_edit_contact_changes_the_documents(station: CacheDB) -> None:
    """Name, phone and the alternate person show at once; nothing else changes."""
    _enqueue(
        station,
        "edit_contact",
        "WEB-1000002",
        {"name": "Janet Doe", "phone": "06 9876 5432", "alternate_pickup_name": "John Doe"},
        staff_id=ASSOCIATE,
    )
    view = _view(station, 2)
    assert view["status"] == "ready_for_pickup"
    assert view["version"] == 1  # the fulfillment itself did not change, its order did
    assert view["doc"]["order"]["version"] == 2
    assert view["doc"]["customer"]["name"] == "Janet Doe"
    assert view["doc"]["customer"]["phone"] == "06 9876 5432"
    assert view["doc"]["customer"]["email"] == "customer2@example.com"
    assert view["doc"]["order"]["alternate_pickup_name"] == "John Doe"
    with station.read() as conn:
        name = conn.exec_driver_sql("SELECT customer_name FROM v_fulfillments WHERE id = 2")
        assert name.scalar_one() == "Janet Doe"
    _enqueue(station, "edit_contact", "WEB-1000002", {"alternate_pickup_name": ""}, base=2)
    assert _view(station, 2)["doc"]["order"]["alternate_pickup_name"] is None


def test_edit_contact_refusals(station: CacheDB) -> None:
    """Bad values and no change at all are refused before anything is queued."""
    with pytest.raises(MissingRequirement, match="'jane' is not an e-mail address"):
        _enqueue(station, "edit_contact", "WEB-1000002", {"email": "jane"})
    with pytest.raises(MissingRequirement, match="nothing to change"):
        _enqueue(station, "edit_contact", "WEB-1000002", {})
    with pytest.raises(IllegalTransition, match="nothing changed"):
        _enqueue(station, "edit_contact", "WEB-1000002", {"name": "Customer 2"})
    with pytest.raises(OutOfScope):
        _enqueue(station, "edit_contact", "WEB-1000004", {"name": "Janet"})
    assert _pending_count(station) == 0


def test_resend_ready_notice_predicts_nothing(station: CacheDB) -> None:
    """A resend is queued without a predicted change; only for a ready pickup."""
    entry = _enqueue(station, "resend_ready_notice", "WEB-1000002", {}, staff_id=ASSOCIATE)
    assert entry.name == "resend_ready_notice"
    assert _pending_count(station) == 0
    with pytest.raises(IllegalTransition, match="nothing ready for pickup"):
        _enqueue(station, "resend_ready_notice", "WEB-1000001", {}, staff_id=ASSOCIATE)


def test_cancel_line_shows_the_line_gone(station: CacheDB) -> None:
    """change_quantity to 0 (cancel a line) lowers the line here; the last line's cut
    ends the fulfillment."""
    _enqueue(
        station,
        "change_quantity",
        "WEB-1000001",
        {"line_no": 2, "quantity": 0, "reason": "customer_request"},
    )
    view = _view(station, 1)
    assert [line["quantity"] for line in view["doc"]["lines"]] == [1, 0]
    assert view["status"] == "picking"
    _enqueue(
        station,
        "change_quantity",
        "WEB-1000001",
        {"line_no": 1, "quantity": 0, "reason": "customer_request"},
        base=2,
    )
    assert _view(station, 1)["status"] == "cancelled"
