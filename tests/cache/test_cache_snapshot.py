"""Initial sync: pages into shadow tables, resumable after a crash, switched in atomically."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_oms.cache import outbox, queries, search_index, state
from desktop_oms.cache.apply import SnapshotWriter
from desktop_oms.cache.db import CacheDB, driver_cursor
from desktop_oms.cache.rows import SNAPSHOT_COLUMNS
from desktop_oms.cache.schema import CONFIRMED, KINDS
from desktop_oms.cache.snapshot import ResumePoint, SnapshotError
from tests.cache import datagen
from tests.cache.helpers import CURSOR, count, load_chain, load_snapshot

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


Page = tuple[str, list[list[Any]], str | None]


def _all_pages(kinds: dict[str, list[list[Any]]], size: int) -> list[Page]:
    """The whole snapshot as the server pages it, in fetch order."""
    return [
        (kind, rows, after)
        for kind in KINDS
        for rows, after in datagen.pages(kind, kinds[kind], size)
    ]


def _first_key(kind: str, rows: list[list[Any]]) -> str:
    return f"{rows[0][0]}:{rows[0][1]}" if kind == "inventory" else str(rows[0][0])


def _next_page(pages: list[Page], point: ResumePoint) -> int:
    """The index of the page a resume point asks for, as the server would answer it."""
    for i, (kind, rows, _after) in enumerate(pages):
        if kind != point.kind:
            continue
        if point.after is None or (rows and _first_key(kind, rows) > point.after):
            return i
    raise AssertionError(f"no page after {point}")


def _shadow_keys(db: CacheDB, table: str, key: str) -> list[Any]:
    with db.read() as conn:
        return list(conn.exec_driver_sql(f"SELECT {key} FROM snap_{table} ORDER BY 1").scalars())


@pytest.mark.parametrize("stop_after", [0, 3, 7, 12])
def test_interrupted_snapshot_resumes_with_no_gap_and_no_duplicate(
    tmp_path: Path, stop_after: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash mid-page loses only that page; the next run continues right after the last."""
    chain = datagen.Chain(skus=2_500, stores=3, fulfillments=40)
    kinds = datagen.snapshot_kinds(chain)
    pages = _all_pages(kinds, 1_000)
    path = tmp_path / "station.sqlite3"
    db = CacheDB(path)
    writer = SnapshotWriter(db)
    writer.begin(CURSOR, 1, [2, 3])
    assert writer.resume_point() == ResumePoint(CURSOR, KINDS[0], None)
    for kind, rows, after in pages[:stop_after]:
        writer.write_page(kind, SNAPSHOT_COLUMNS[kind], rows, after)
    point = writer.resume_point()
    assert point is not None

    # the next page fails after its rows went in: rows and progress roll back together
    def crash(*_args: Any, **_kwargs: Any) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(state, "put_many", crash)
    kind, rows, after = pages[stop_after]
    with pytest.raises(OSError, match="power cut"):
        writer.write_page(kind, SNAPSHOT_COLUMNS[kind], rows, after)
    monkeypatch.undo()
    db.close()

    db = CacheDB(path)
    writer = SnapshotWriter(db)
    assert writer.resume_point() == point
    while (point := writer.resume_point()) is not None and point.kind is not None:
        kind, rows, after = pages[_next_page(pages, point)]
        writer.write_page(kind, SNAPSHOT_COLUMNS[kind], rows, after)
    assert writer.counts() == {k: len(v) for k, v in kinds.items()}
    assert _shadow_keys(db, "products", "sku") == [r[0] for r in kinds["product"]]
    assert _shadow_keys(db, "identifiers", "value") == sorted(r[0] for r in kinds["identifier"])
    assert count(db, "snap_inventory") == len(kinds["inventory"])
    writer.finish()
    assert count(db, "products") == chain.skus
    assert count(db, "inventory") == chain.skus * chain.stores
    assert count(db, "fulfillments") == chain.fulfillments
    db.close()


def test_old_data_stays_visible_until_finish_then_switches_at_once(cache: CacheDB) -> None:
    """Readers see the previous snapshot while pages load, and the new one after finish."""
    load_chain(cache, datagen.Chain(skus=300, stores=2))
    with cache.read() as conn:
        assert queries.product_by_identifier(conn, "SKU-0000300") is not None
        assert state.cursor(conn) == CURSOR
    new_kinds = datagen.snapshot_kinds(datagen.Chain(skus=100, stores=2))
    writer = SnapshotWriter(cache)
    writer.begin(f"{datagen.EPOCH}:900", 1, [2])
    for kind in KINDS:
        for rows, after in datagen.pages(kind, new_kinds[kind], 40):
            writer.write_page(kind, SNAPSHOT_COLUMNS[kind], rows, after)
    with cache.read() as conn:
        assert queries.product_by_identifier(conn, "SKU-0000300") is not None
        assert len(queries.search_products(conn, "SKU-00002", limit=500)) == 100
        assert state.cursor(conn) == CURSOR
        writer.finish()  # a reader that began before the switch keeps its snapshot
        assert queries.product_by_identifier(conn, "SKU-0000300") is not None
    with cache.read() as conn:
        assert queries.product_by_identifier(conn, "SKU-0000300") is None
        assert queries.product_by_identifier(conn, datagen.gtin_of(50)) is not None
        assert queries.search_products(conn, "SKU-00002", limit=500) == []
        assert state.cursor(conn) == f"{datagen.EPOCH}:900"
        assert state.get(conn, state.Key.NEARBY_STORE_IDS) == [2]
        assert search_index.consistent(driver_cursor(conn))
    assert writer.resume_point() is None


def test_finish_builds_the_canonical_indexes(cache: CacheDB) -> None:
    """After the switch the confirmed tables have exactly the schema's indexes again."""
    load_chain(cache, datagen.Chain(skus=50, stores=2))
    with cache.read() as conn:
        names = set(
            conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            ).scalars()
        )
        shadows = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name LIKE 'snap_%'"
        ).scalar_one()
    expected = {ix.name for table in CONFIRMED.values() for ix in table.indexes}
    assert expected <= names
    assert shadows == 0


def test_the_switch_keeps_outbox_overlay_and_conflicts(cache: CacheDB) -> None:
    """A resync replaces confirmed data only: queued commands and their effects survive."""
    load_chain(cache, datagen.Chain(skus=50, stores=2, fulfillments=5))
    with cache.write() as conn:
        entry = outbox.enqueue(
            conn,
            name="start_picking",
            target_kind="fulfillment",
            target_key="1",
            base_version=1,
            staff_id=1,
            approved_by=None,
            args={},
            now=NOW,
        )
        driver_cursor(conn).execute(
            "INSERT INTO conflicts (outbox_seq, command, code, message, current, created_at) "
            "VALUES (0, '{}', 'stale_version', 'changed meanwhile', '[]', '2026')"
        )
    load_chain(cache, datagen.Chain(skus=80, stores=2, fulfillments=5))
    with cache.read() as conn:
        assert [e.seq for e in outbox.pending(conn)] == [entry.seq]
        queue = queries.fulfil_queue(conn, 1, "in_progress")
        assert [(r.id, r.status, r.pending) for r in queue] == [(1, "picking", True)]
        assert len(queries.conflicts(conn)) == 1
    assert count(cache, "products") == 80


def test_pages_must_follow_begin_and_finish_needs_every_kind(cache: CacheDB) -> None:
    """Steps out of order are refused instead of corrupting the cache."""
    writer = SnapshotWriter(cache)
    with pytest.raises(SnapshotError, match="begin"):
        writer.write_page("setting", ["key", "value"], [["a", 1]], None)
    with pytest.raises(SnapshotError, match="no snapshot"):
        writer.finish()
    writer.begin(CURSOR, 1, [])
    writer.write_page("setting", ["key", "value"], [["a", 1]], None)
    with pytest.raises(SnapshotError, match="already complete"):
        writer.write_page("setting", ["key", "value"], [["b", 1]], None)
    with pytest.raises(SnapshotError, match="reason_code"):
        writer.finish()
    with pytest.raises(SnapshotError, match="unknown"):
        writer.write_page("voucher", ["id"], [[1]], None)


def test_columns_in_another_order_are_mapped_by_name(cache: CacheDB) -> None:
    """A page says its column order; rows are stored by name, not position."""
    kinds = datagen.snapshot_kinds(datagen.Chain(skus=3, stores=1))
    product_columns = list(SNAPSHOT_COLUMNS["product"])
    reordered = list(reversed(product_columns))
    kinds["product"] = [list(reversed(r)) for r in kinds["product"]]
    writer = SnapshotWriter(cache)
    writer.begin(CURSOR, 1, [])
    for kind in KINDS:
        columns = reordered if kind == "product" else list(SNAPSHOT_COLUMNS[kind])
        writer.write_page(kind, columns, kinds[kind], None)
    writer.finish()
    with cache.read() as conn:
        found = queries.product_by_identifier(conn, "SKU-0000002")
    assert found is not None
    assert found.name == datagen.product_name(2)


def test_a_snapshot_can_be_loaded_into_a_cache_that_has_data(cache: CacheDB) -> None:
    """Loading twice in a row (a resync) works and leaves one consistent copy."""
    load_snapshot(cache, datagen.snapshot_kinds(datagen.Chain(skus=20, stores=1)))
    load_snapshot(cache, datagen.snapshot_kinds(datagen.Chain(skus=30, stores=1)))
    assert count(cache, "products") == 30
    with cache.read() as conn:
        assert search_index.consistent(driver_cursor(conn))
