"""Sync bookkeeping in ``sync_state``: cursor, identity, scope and snapshot progress.

Values are stored as JSON text under fixed keys, read and written inside the caller's
transaction so that, for example, a feed page and the cursor after it commit together.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.engine import Connection

from desktop_oms.cache.db import driver_cursor
from desktop_oms.cache.rows import dumps, utc_text


class Key(StrEnum):
    """The keys of ``sync_state``."""

    EPOCH = "epoch"
    CURSOR = "cursor"
    CLIENT_ID = "client_id"
    LAST_COMMAND_SEQ = "last_command_seq"
    STATION_ID = "station_id"
    STORE_ID = "store_id"
    NEARBY_STORE_IDS = "nearby_store_ids"
    SERVER_URL = "server_url"
    LAST_SYNC_AT = "last_sync_at"
    RETENTION_PURGED_AT = "retention.purged_at"
    SNAPSHOT_CURSOR = "snapshot.cursor"
    SNAPSHOT_STORE_ID = "snapshot.store_id"
    SNAPSHOT_NEARBY = "snapshot.nearby_store_ids"
    SNAPSHOT_KIND = "snapshot.kind"
    SNAPSHOT_AFTER = "snapshot.after"
    SNAPSHOT_DONE = "snapshot.done"
    SNAPSHOT_COUNTS = "snapshot.counts"


SNAPSHOT_KEYS = tuple(k for k in Key if k.startswith("snapshot."))


def get(conn: Connection, key: Key, default: Any = None) -> Any:
    """The value stored under ``key``, or ``default``."""
    row = (
        driver_cursor(conn)
        .execute("SELECT value FROM sync_state WHERE key = ?", (key.value,))
        .fetchone()
    )
    return default if row is None else json.loads(row[0])


def put(conn: Connection, key: Key, value: Any) -> None:
    """Store ``value`` under ``key``."""
    put_many(conn, {key: value})


def put_many(conn: Connection, values: dict[Key, Any]) -> None:
    """Store several values at once."""
    driver_cursor(conn).executemany(
        "INSERT INTO sync_state(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [(k.value, dumps(v)) for k, v in values.items()],
    )


def delete(conn: Connection, keys: Iterable[Key]) -> None:
    """Forget the values under ``keys``."""
    driver_cursor(conn).executemany(
        "DELETE FROM sync_state WHERE key = ?", [(k.value,) for k in keys]
    )


def cursor(conn: Connection) -> str | None:
    """The feed cursor (``epoch:seq``) the confirmed tables are at, or None before a snapshot."""
    value = get(conn, Key.CURSOR)
    return None if value is None else str(value)


def set_cursor(conn: Connection, value: str, now: datetime | None = None) -> None:
    """Record the feed cursor (and its epoch) in the transaction that applied its changes."""
    values: dict[Key, Any] = {Key.CURSOR: value, Key.EPOCH: value.split(":", 1)[0]}
    if now is not None:
        values[Key.LAST_SYNC_AT] = utc_text(now)
    put_many(conn, values)


def store_id(conn: Connection) -> int | None:
    """The station's store, as recorded by the last snapshot (or set at enrolment)."""
    value = get(conn, Key.STORE_ID)
    return None if value is None else int(value)
