"""Test helpers: load a generated chain into a cache through the snapshot writer."""

from __future__ import annotations

from typing import Any

from desktop_oms.cache.apply import SnapshotWriter
from desktop_oms.cache.db import CacheDB
from desktop_oms.cache.rows import SNAPSHOT_COLUMNS
from desktop_oms.cache.schema import KINDS
from tests.cache import datagen

CURSOR = f"{datagen.EPOCH}:100"


def load_snapshot(
    db: CacheDB,
    kinds: dict[str, list[list[Any]]],
    *,
    page: int = 1000,
    store_id: int = 1,
    nearby: tuple[int, ...] = (2, 3),
    cursor: str = CURSOR,
) -> None:
    """Write every kind page by page and switch the snapshot in."""
    writer = SnapshotWriter(db)
    writer.begin(cursor, store_id, list(nearby))
    for kind in KINDS:
        for rows, after in datagen.pages(kind, kinds.get(kind, []), page):
            writer.write_page(kind, SNAPSHOT_COLUMNS[kind], rows, after)
    writer.finish()


def load_chain(db: CacheDB, chain: datagen.Chain, *, page: int = 1000) -> None:
    """Load a generated chain (settings, stores, staff, products, stock, fulfillments)."""
    load_snapshot(
        db,
        datagen.snapshot_kinds(chain),
        page=page,
        store_id=chain.store_id,
        nearby=tuple(range(2, chain.stores + 1)),
    )


def count(db: CacheDB, table: str) -> int:
    """Rows in a table or view."""
    with db.read() as conn:
        return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())
