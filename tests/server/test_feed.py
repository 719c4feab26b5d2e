"""The change feed: commit-ordered seqs, scoping, compaction — on SQLite and PostgreSQL."""

from __future__ import annotations

import random
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from desktop_oms.protocol.sync import Kind
from desktop_oms.server import feed
from desktop_oms.server import schema as t
from desktop_oms.server.db import Database
from desktop_oms.server.feed import Scope
from desktop_oms.server.migrate import prepare_database


def _db(url: str) -> Database:
    db = Database(url)
    prepare_database(db)
    return db


def _row(kind: Kind, key: str, store_id: int | None = None) -> dict[str, object]:
    return {
        "kind": kind.value,
        "key": key,
        "op": "upsert",
        "data": {"k": key},
        "store_id": store_id,
        "store2_id": None,
        "created_at": datetime.now(UTC),
    }


def test_touch_publishes_document_once_per_transaction(db_url: str) -> None:
    """Touching the same document twice in a transaction appends it once, at commit."""
    db = _db(db_url)
    with db.read() as conn:
        before, _ = feed.top_seq(conn)
    with db.write() as conn:
        conn.execute(sa.insert(t.settings).values(key="pickup_hold_days", value=7))
        feed.touch(conn, Kind.SETTING, "pickup_hold_days")
        feed.touch(conn, Kind.SETTING, "pickup_hold_days")
    with db.read() as conn:
        got = feed.read(conn, Scope(1, ()), before, 100)
    assert [(r.kind, r.key, r.data) for r in got.rows] == [
        ("setting", "pickup_hold_days", {"key": "pickup_hold_days", "value": 7})
    ]
    assert got.seq == before + 1 and not got.more
    db.dispose()


def test_rolled_back_transaction_publishes_nothing(sqlite_url: str) -> None:
    """A failed transaction leaves no change behind and no staged state on the connection."""
    db = _db(sqlite_url)
    with db.read() as conn:
        before, _ = feed.top_seq(conn)
    with pytest.raises(RuntimeError), db.write() as conn:
        conn.execute(sa.insert(t.settings).values(key="x", value=1))
        feed.touch(conn, Kind.SETTING, "x")
        raise RuntimeError("boom")
    with db.write() as conn:  # same pooled connection: nothing leaks into this one
        pass
    with db.read() as conn:
        assert feed.top_seq(conn)[0] == before
    db.dispose()


def test_scope_filters_other_stores(sqlite_url: str) -> None:
    """A station sees global kinds, its own store, and only inventory of nearby stores."""
    db = _db(sqlite_url)
    with db.read() as conn:
        start, _ = feed.top_seq(conn)
    with db.write() as conn:
        feed.append_rows(
            conn,
            [
                _row(Kind.PRODUCT, "SKU1"),
                _row(Kind.FULFILLMENT, "10", store_id=1),
                _row(Kind.FULFILLMENT, "11", store_id=2),
                _row(Kind.INVENTORY, "2:SKU1", store_id=2),
                _row(Kind.INVENTORY, "3:SKU1", store_id=3),
                _row(Kind.STAFF, "5", store_id=2),
            ],
        )
    with db.read() as conn:
        keys = [r.key for r in feed.read(conn, Scope(1, (2,)), start, 100).rows]
        assert keys == ["SKU1", "10", "2:SKU1"]
        # a destination store sees a ship-to-store fulfillment too
    with db.write() as conn:
        row = _row(Kind.FULFILLMENT, "12", store_id=3)
        row["store2_id"] = 1
        feed.append_rows(conn, [row])
    with db.read() as conn:
        keys = [r.key for r in feed.read(conn, Scope(1, ()), start, 100).rows]
        assert keys == ["SKU1", "10", "12"]
    db.dispose()


def test_pages_are_contiguous(sqlite_url: str) -> None:
    """Paging with a small limit yields every change once, in order, with ``more`` set."""
    db = _db(sqlite_url)
    with db.read() as conn:
        cursor, _ = feed.top_seq(conn)
    with db.write() as conn:
        feed.append_rows(conn, [_row(Kind.PRODUCT, f"S{i}") for i in range(25)])
    seen: list[str] = []
    with db.read() as conn:
        while True:
            page = feed.read(conn, Scope(1, ()), cursor, 10)
            seen += [r.key for r in page.rows]
            cursor = page.seq
            if not page.more:
                break
    assert seen == [f"S{i}" for i in range(25)]
    db.dispose()


def test_compaction_moves_the_horizon(sqlite_url: str) -> None:
    """Changes past retention are deleted and the pruned horizon advances."""
    db = _db(sqlite_url)
    old = datetime.now(UTC) - timedelta(days=30)
    with db.write() as conn:
        rows = [_row(Kind.PRODUCT, f"S{i}") for i in range(3)]
        for r in rows:
            r["created_at"] = old
        feed.append_rows(conn, rows)
        feed.append_rows(conn, [_row(Kind.PRODUCT, "fresh")])
    with db.write() as conn:
        deleted = feed.compact(conn, timedelta(days=14))
    with db.read() as conn:
        top, pruned = feed.top_seq(conn)
        remaining = conn.execute(sa.select(t.changes.c.key)).scalars().all()
    assert deleted >= 3 and "fresh" in remaining and "S0" not in remaining
    assert 0 < pruned < top
    db.dispose()


@pytest.mark.postgres
def test_concurrent_writers_reader_sees_each_change_once_in_order(pg_url: str) -> None:
    """Many writers commit late on purpose while a reader follows: no gap, no duplicate."""
    db = Database(pg_url, pool_size=20)
    prepare_database(db)
    with db.read() as conn:
        start, _ = feed.top_seq(conn)
    writers, per_writer = 12, 15
    done = threading.Event()
    errors: list[BaseException] = []

    def write(w: int) -> None:
        rnd = random.Random(w)
        try:
            for i in range(per_writer):
                with db.write() as conn:
                    feed.append_rows(
                        conn,
                        [_row(Kind.PRODUCT, f"w{w}-{i}-{j}") for j in range(rnd.randint(1, 3))],
                    )
                    time.sleep(rnd.uniform(0, 0.01))  # commit late, holding the append
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    seen: list[tuple[int, str]] = []

    def follow() -> None:
        cursor = start
        while True:
            finished = done.is_set()
            with db.read() as conn:
                page = feed.read(conn, Scope(1, ()), cursor, 50)
            seen.extend((int(r.seq), r.key) for r in page.rows)
            cursor = page.seq
            if finished and not page.more and not page.rows:
                return

    reader = threading.Thread(target=follow)
    reader.start()
    threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    done.set()
    reader.join(timeout=60)
    assert not errors
    with db.read() as conn:
        committed = conn.execute(
            sa.select(t.changes.c.seq, t.changes.c.key)
            .where(t.changes.c.seq > start)
            .order_by(t.changes.c.seq)
        ).all()
    seqs = [s for s, _ in seen]
    assert seqs == sorted(seqs), "reader saw changes out of cursor order"
    assert len(seqs) == len(set(seqs)), "reader saw a change twice"
    assert [(int(s), k) for s, k in committed] == seen, "reader missed a change"
    assert seqs == list(range(start + 1, start + 1 + len(seqs))), "gap in seqs"
    db.dispose()
