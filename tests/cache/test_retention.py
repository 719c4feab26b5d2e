"""Customer data leaves the station a set number of days after its fulfillment ended."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from desktop_oms.cache import outbox, retention, state
from desktop_oms.cache.apply import apply_changes
from desktop_oms.cache.db import CacheDB
from desktop_oms.cache.rows import utc_text
from desktop_oms.cache.state import Key
from tests.cache import datagen
from tests.cache.datagen import change
from tests.cache.helpers import load_chain

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
ASSOCIATE = 1


def _fill(cache: CacheDB) -> None:
    """Ended and open fulfillments of various ages, and two acknowledged conflicts."""
    load_chain(cache, datagen.Chain(skus=20, stores=3))
    ages = {
        1: ("handed_over", 40),
        2: ("shipped", 31),
        3: ("cancelled", 29),  # inside the period
        4: ("expired", 45),  # goods still in its bin, returned to stock below (pending)
        5: ("open", 90),  # old but not ended: kept whatever its age
        6: ("ready_for_pickup", 60),
    }
    docs = []
    for fid, (status, days) in ages.items():
        doc = datagen.fulfillment_doc(fid, 1, status=status, updated_at=NOW - timedelta(days=days))
        doc["bin"] = f"P-{fid:03d}" if status in ("expired", "ready_for_pickup") else None
        docs.append(doc)
    with cache.write() as conn:
        apply_changes(
            conn,
            [
                change("staff", "1", datagen.staff_doc(ASSOCIATE, 1, "associate")),
                *(change("fulfillment", str(d["id"]), d) for d in docs),
            ],
        )
        for fid, acknowledged in ((1, NOW - timedelta(days=35)), (2, NOW - timedelta(days=2))):
            conn.exec_driver_sql(
                "INSERT INTO conflicts (outbox_seq, command, code, message, current, "
                "created_at, acknowledged_at) VALUES (?, '{}', 'stale_version', '', ?, ?, ?)",
                (
                    fid,
                    json.dumps({"customer": f"Customer {fid}"}),
                    utc_text(acknowledged),
                    utc_text(acknowledged),
                ),
            )
        outbox.enqueue(
            conn,
            name="return_to_stock",
            target_kind="fulfillment",
            target_key="4",
            base_version=1,
            staff_id=ASSOCIATE,
            approved_by=None,
            args={},
            now=NOW,
        )


def _ids(cache: CacheDB) -> list[int]:
    with cache.read() as conn:
        rows = conn.exec_driver_sql("SELECT id FROM fulfillments ORDER BY id").all()
    return [int(r[0]) for r in rows]


def _customers(cache: CacheDB) -> set[str]:
    with cache.read() as conn:
        found = conn.exec_driver_sql(
            "SELECT customer_name FROM fulfillments UNION SELECT current FROM conflicts"
        ).all()
    return {str(r[0]) for r in found}


def test_ended_orders_past_the_period_are_purged_with_their_customers(cache: CacheDB) -> None:
    """Handed over / shipped over 30 days ago go, with the customer's name, e-mail and
    phone; an ended one inside the period, open ones of any age, one with a change still
    waiting for the server and a conflict acknowledged recently stay."""
    _fill(cache)
    with cache.write() as conn:
        purged = retention.purge(conn, NOW)
    assert purged == retention.Purged(fulfillments=2, conflicts=1)
    assert _ids(cache) == [3, 4, 5, 6]
    left = _customers(cache)
    assert "Customer 1" not in left and "Customer 2" not in left
    assert {"Customer 3", "Customer 4", '{"customer": "Customer 2"}'} <= left
    with cache.read() as conn:
        assert state.get(conn, Key.RETENTION_PURGED_AT) == utc_text(NOW)


def test_the_server_sets_the_period(cache: CacheDB) -> None:
    """``privacy.retention_days`` from the server shortens (or lengthens) the period; a
    nonsense value falls back to the default."""
    _fill(cache)
    with cache.write() as conn:
        apply_changes(
            conn,
            [
                change(
                    "setting",
                    retention.RETENTION_SETTING,
                    {"key": retention.RETENTION_SETTING, "value": 14},
                )
            ],
        )
        assert retention.retention_days(conn) == 14
        assert retention.purge(conn, NOW).fulfillments == 3
    assert _ids(cache) == [4, 5, 6]
    with cache.write() as conn:
        apply_changes(
            conn,
            [
                change(
                    "setting",
                    retention.RETENTION_SETTING,
                    {"key": retention.RETENTION_SETTING, "value": "soon"},
                )
            ],
        )
        assert retention.retention_days(conn) == retention.DEFAULT_DAYS


def test_the_purge_runs_at_most_hourly(cache: CacheDB) -> None:
    """The sync engine asks after every catch-up; the purge itself runs once an hour."""
    _fill(cache)
    with cache.write() as conn:
        assert retention.purge_if_due(conn, NOW) is not None
        assert retention.purge_if_due(conn, NOW + timedelta(minutes=30)) is None
        later = retention.purge_if_due(conn, NOW + timedelta(minutes=61))
    assert later is not None and later.fulfillments == 0
