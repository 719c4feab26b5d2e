"""Ended pickups whose goods are still in a bin: the "expired" queue and returning them."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from desktop_oms.cache import outbox, queries
from desktop_oms.cache.apply import apply_changes
from desktop_oms.cache.db import CacheDB
from desktop_oms.cache.rows import utc_text
from desktop_oms.domain.errors import (
    IllegalTransition,
    OutOfScope,
    PermissionDenied,
    VerificationFailed,
)
from tests.cache import datagen
from tests.cache.datagen import change
from tests.cache.helpers import load_chain

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
ASSOCIATE, CUSTOMER_SERVICE = 1, 4


def _doc(fid: int, status: str, *, bin_name: str | None, store: int = 1, **kw: Any) -> Any:
    doc = datagen.fulfillment_doc(
        fid, store, status=status, updated_at=NOW - timedelta(hours=fid), **kw
    )
    doc["bin"] = bin_name
    return doc


@pytest.fixture
def station(cache: CacheDB) -> CacheDB:
    """A store-1 station holding ended pickups with and without goods in a bin."""
    load_chain(cache, datagen.Chain(skus=20, stores=3))
    returned = _doc(5, "expired", bin_name="P-005")
    returned["returned_at"] = datagen.iso(NOW - timedelta(hours=1))
    docs = [
        _doc(1, "expired", bin_name="P-001"),
        _doc(2, "cancelled", bin_name="P-002"),
        _doc(3, "cancelled", bin_name=None),  # cancelled before it was staged
        _doc(4, "ready_for_pickup", bin_name="P-004", pickup_deadline=NOW + timedelta(days=2)),
        returned,
        _doc(6, "expired", bin_name="P-006", store=2),  # another store's
        _doc(
            7, "expired", bin_name="T-007", store=2, method="ship_to_store", destination_store_id=1
        ),
        _doc(8, "handed_over", bin_name="P-008"),
    ]
    service = datagen.staff_doc(CUSTOMER_SERVICE, 1, "customer_service")
    with cache.write() as conn:
        apply_changes(
            conn,
            [
                change("staff", "1", datagen.staff_doc(ASSOCIATE, 1, "associate")),
                change("staff", "4", {**service, "store_id": None}),
                *(change("fulfillment", str(d["id"]), d) for d in docs),
            ],
        )
    return cache


def _expired(db: CacheDB, search: str | None = None) -> list[int]:
    with db.read() as conn:
        return [r.id for r in queries.pickup_queue(conn, 1, "expired", search, NOW)]


def _return(db: CacheDB, fid: int, base: int = 1, **kw: Any) -> outbox.OutboxEntry:
    with db.write() as conn:
        return outbox.enqueue(
            conn,
            name="return_to_stock",
            target_kind="fulfillment",
            target_key=str(fid),
            base_version=base,
            staff_id=kw.pop("staff_id", ASSOCIATE),
            approved_by=None,
            args=kw.pop("args", {}),
            now=NOW,
        )


def _view_doc(db: CacheDB, fid: int) -> tuple[int, dict[str, Any]]:
    with db.read() as conn:
        pending, doc = conn.exec_driver_sql(
            "SELECT pending, doc FROM v_fulfillments WHERE id = ?", (fid,)
        ).one()
    return int(pending), json.loads(doc)


def test_the_expired_tab_lists_ended_pickups_with_goods_in_a_bin(station: CacheDB) -> None:
    """Expired and cancelled pickups collected here that were staged and not yet returned,
    oldest first; a search narrows them like any tab."""
    assert _expired(station) == [7, 2, 1]  # updated 7, 2 and 1 hours ago
    assert _expired(station, "Customer 2") == [2]
    with station.read() as conn:
        rows = queries.pickup_queue(conn, 1, "expired", None, NOW)
    assert [(r.status, r.bin) for r in rows] == [
        ("expired", "T-007"),
        ("cancelled", "P-002"),
        ("expired", "P-001"),
    ]


def test_return_to_stock_predicts_the_return_and_leaves_the_list(station: CacheDB) -> None:
    """The queued command shows at once: the pickup leaves the list, its document says when
    and by whom; the server's document later takes over without a flicker back."""
    entry = _return(station, 1, args={"bin": "P-001"})
    assert (entry.seq, entry.name, entry.args) == (1, "return_to_stock", {"bin": "P-001"})
    assert _expired(station) == [7, 2]
    pending, doc = _view_doc(station, 1)
    assert pending == 1
    assert (doc["status"], doc["bin"], doc["version"]) == ("expired", "P-001", 2)
    assert (doc["returned_at"], doc["returned_by"]) == (utc_text(NOW), ASSOCIATE)

    server = {**_doc(1, "expired", bin_name="P-001"), "version": 2}
    server["returned_at"] = datagen.iso(NOW + timedelta(seconds=3))
    server["returned_by"] = ASSOCIATE
    with station.write() as conn:
        outbox.confirm_through(conn, 1)
        apply_changes(conn, [change("fulfillment", "1", server)])
    pending, doc = _view_doc(station, 1)
    assert pending == 0 and doc["returned_at"] == server["returned_at"]
    assert _expired(station) == [7, 2]


def test_a_ship_to_store_pickup_is_returned_at_its_destination(station: CacheDB) -> None:
    """The goods of a ship-to-store pickup are in a bin of the store that received them."""
    _return(station, 7)
    assert _expired(station) == [2, 1]


@pytest.mark.parametrize(
    ("fid", "error", "words", "kw"),
    [
        (4, IllegalTransition, "this one is ready for pickup", {}),
        (3, IllegalTransition, "never staged", {}),
        (5, IllegalTransition, "already returned", {}),
        (8, IllegalTransition, "this one is handed over", {}),
        (6, OutOfScope, "another store", {}),
        (1, VerificationFailed, "in bin P-001, not in bin P-009", {"args": {"bin": "P-009"}}),
        (
            1,
            PermissionDenied,
            "customer service may not return to stock",
            {"staff_id": CUSTOMER_SERVICE},
        ),
    ],
)
def test_what_cannot_be_returned_is_refused_at_once(
    station: CacheDB, fid: int, error: type[Exception], words: str, kw: dict[str, Any]
) -> None:
    """The station refuses what the server would, and queues nothing."""
    with pytest.raises(error, match=words):
        _return(station, fid, **kw)
    with station.read() as conn:
        assert queries.outbox_length(conn) == 0
    assert _expired(station) == [7, 2, 1]
