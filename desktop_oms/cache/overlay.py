"""The pending overlay: predicted rows of commands the server has not confirmed yet.

A pending row carries the seq of the last outbox command that shaped it. It is dropped
once every command up to that seq is confirmed *and* the confirmed row has caught up with
the prediction (its version is not behind), or the confirmed row is gone; a caught-up feed
(``force``) drops it regardless, as the server's state then is the whole truth. So the
view never flickers back to the old state between a push result and the next pull.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from desktop_oms.cache.rows import Row
from desktop_oms.cache.schema import FULFILLMENT_COLUMNS, INVENTORY_COLUMNS

_F_COLS = ", ".join((*FULFILLMENT_COLUMNS, "outbox_seq"))
_I_COLS = ", ".join((*INVENTORY_COLUMNS, "outbox_seq"))

_SETTLE_FULFILLMENTS = """
DELETE FROM pending_fulfillments
WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.seq <= pending_fulfillments.outbox_seq)
  AND (? OR NOT EXISTS (
        SELECT 1 FROM fulfillments f
        WHERE f.id = pending_fulfillments.id
          AND (f.version < pending_fulfillments.version
               OR (f.version = pending_fulfillments.version
                   AND f.order_version < pending_fulfillments.order_version))))
"""

_SETTLE_INVENTORY = """
DELETE FROM pending_inventory
WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.seq <= pending_inventory.outbox_seq)
  AND (? OR NOT EXISTS (
        SELECT 1 FROM inventory i
        WHERE i.store_id = pending_inventory.store_id AND i.sku = pending_inventory.sku
          AND i.version < pending_inventory.version))
"""


def put_fulfillments(cur: sqlite3.Cursor, rows: Iterable[Row], outbox_seq: int) -> None:
    """Write predicted fulfillment rows (``fulfillments`` column order) for a command."""
    marks = ", ".join("?" * (len(FULFILLMENT_COLUMNS) + 1))
    cur.executemany(
        f"INSERT OR REPLACE INTO pending_fulfillments ({_F_COLS}) VALUES ({marks})",  # noqa: S608
        [(*row, outbox_seq) for row in rows],
    )


def put_inventory(cur: sqlite3.Cursor, rows: Iterable[Row], outbox_seq: int) -> None:
    """Write predicted stock rows (``inventory`` column order) for a command."""
    marks = ", ".join("?" * (len(INVENTORY_COLUMNS) + 1))
    cur.executemany(
        f"INSERT OR REPLACE INTO pending_inventory ({_I_COLS}) VALUES ({marks})",  # noqa: S608
        [(*row, outbox_seq) for row in rows],
    )


def drop_target(cur: sqlite3.Cursor, target_kind: str, target_key: str) -> None:
    """Drop the predicted rows of one command target (the server refused: its state wins)."""
    if target_kind == "fulfillment":
        cur.execute("DELETE FROM pending_fulfillments WHERE id = ?", (int(target_key),))
    elif target_kind == "order":
        cur.execute("DELETE FROM pending_fulfillments WHERE order_number = ?", (target_key,))
    elif target_kind == "inventory":
        store_text, sku = target_key.split(":", 1)
        cur.execute(
            "DELETE FROM pending_inventory WHERE store_id = ? AND sku = ?", (int(store_text), sku)
        )


def settle(cur: sqlite3.Cursor, *, force: bool = False) -> int:
    """Drop pending rows whose commands are all confirmed and that the confirmed rows reached."""
    cur.execute(_SETTLE_FULFILLMENTS, (force,))
    dropped = cur.rowcount
    cur.execute(_SETTLE_INVENTORY, (force,))
    return dropped + cur.rowcount
