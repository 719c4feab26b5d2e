"""The change feed: every committed change of a document, numbered in commit order.

A write transaction *touches* the documents it changed; :func:`flush_staged` runs last
in the transaction, builds each touched document once and appends it. The append first
bumps the single ``feed_state`` row, whose row lock (PostgreSQL) or the database write
lock (SQLite) is held until commit: appends are serialized, so seq order is commit order
and a reader that sees seq N has every change below N. A cursor is ``epoch:seq``.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_oms.protocol.sync import Kind
from desktop_oms.server import schema

_STAGED = "oms_feed_staged"

#: Kinds every station receives, whatever its store.
GLOBAL_KINDS = frozenset({Kind.STORE, Kind.PRODUCT, Kind.REASON_CODE, Kind.SETTING})


@dataclass
class Staged:
    """What one transaction changed: keys to publish and explicit tombstones."""

    touched: dict[tuple[Kind, str], None] = field(default_factory=dict)
    tombstones: list[tuple[Kind, str, int | None]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Scope:
    """Which changes one station receives: its store, and nearby stores' inventory."""

    store_id: int
    nearby_store_ids: tuple[int, ...]


def reset_staged(conn: Connection) -> None:
    """Forget anything staged on this connection (start or end of a transaction)."""
    conn.info.pop(_STAGED, None)


def _staged(conn: Connection) -> Staged:
    staged = conn.info.get(_STAGED)
    if staged is None:
        staged = conn.info[_STAGED] = Staged()
    assert isinstance(staged, Staged)
    return staged


def touch(conn: Connection, kind: Kind, key: str | int) -> None:
    """Mark a document changed in this transaction; it is published at commit."""
    _staged(conn).touched[(kind, str(key))] = None


def touch_many(conn: Connection, kind: Kind, keys: Iterable[str | int]) -> None:
    """Mark several documents of one kind changed."""
    touched = _staged(conn).touched
    for key in keys:
        touched[(kind, str(key))] = None


def tombstone(conn: Connection, kind: Kind, key: str | int, store_id: int | None) -> None:
    """Tell one store's stations a document left their scope (or was deleted)."""
    _staged(conn).tombstones.append((kind, str(key), store_id))


def checkpoint(conn: Connection) -> tuple[dict[tuple[Kind, str], None], int]:
    """A mark to roll staged changes back to, taken with a savepoint."""
    staged = _staged(conn)
    return dict(staged.touched), len(staged.tombstones)


def rollback_to(conn: Connection, mark: tuple[dict[tuple[Kind, str], None], int]) -> None:
    """Forget what was staged after ``mark`` (its savepoint was rolled back)."""
    staged = _staged(conn)
    staged.touched = dict(mark[0])
    del staged.tombstones[mark[1] :]


def flush_staged(conn: Connection) -> int:
    """Build the touched documents and append them to the feed; the number appended."""
    from desktop_oms.server.documents import build_documents

    staged = conn.info.pop(_STAGED, None)
    if not isinstance(staged, Staged) or not (staged.touched or staged.tombstones):
        return 0
    rows: list[dict[str, Any]] = []
    now = datetime.now(UTC)
    for kind, key, store_id in staged.tombstones:
        rows.append(
            {
                "kind": kind.value,
                "key": key,
                "op": "delete",
                "data": None,
                "store_id": store_id,
                "store2_id": None,
                "created_at": now,
            }
        )
    by_kind: dict[Kind, list[str]] = {}
    for kind, key in staged.touched:
        by_kind.setdefault(kind, []).append(key)
    for kind, keys in by_kind.items():
        for doc in build_documents(conn, kind, keys):
            rows.append(
                {
                    "kind": kind.value,
                    "key": doc.key,
                    "op": doc.op,
                    "data": doc.data,
                    "store_id": doc.store_id,
                    "store2_id": doc.store2_id,
                    "created_at": now,
                }
            )
    return append_rows(conn, rows)


def append_rows(conn: Connection, rows: list[dict[str, Any]]) -> int:
    """Append rows to the feed under the feed lock, numbering them in order."""
    if not rows:
        return 0
    top = conn.execute(
        sa.update(schema.feed_state)
        .where(schema.feed_state.c.id == 1)
        .values(seq=schema.feed_state.c.seq + len(rows))
        .returning(schema.feed_state.c.seq)
    ).scalar_one()
    first = int(top) - len(rows) + 1
    for offset, row in enumerate(rows):
        row["seq"] = first + offset
    conn.execute(sa.insert(schema.changes), rows)
    return len(rows)


def epoch(conn: Connection) -> str:
    """The database's epoch: changes when it is re-created or restored."""
    return str(
        conn.execute(
            sa.select(schema.meta.c.value).where(schema.meta.c.key == "epoch")
        ).scalar_one()
    )


def top_seq(conn: Connection) -> tuple[int, int]:
    """The highest committed seq and the seq through which the feed was compacted."""
    row = conn.execute(
        sa.select(schema.feed_state.c.seq, schema.feed_state.c.pruned_through).where(
            schema.feed_state.c.id == 1
        )
    ).one()
    return int(row.seq), int(row.pruned_through)


def scope_filter(scope: Scope) -> sa.ColumnElement[bool]:
    """The SQL condition selecting one station's changes."""
    c = schema.changes.c
    parts: list[sa.ColumnElement[bool]] = [
        c.kind.in_([k.value for k in GLOBAL_KINDS]),
        c.store_id == scope.store_id,
        c.store2_id == scope.store_id,
    ]
    if scope.nearby_store_ids:
        parts.append(
            sa.and_(c.kind == Kind.INVENTORY.value, c.store_id.in_(list(scope.nearby_store_ids)))
        )
    return sa.or_(*parts)


@dataclass(frozen=True, slots=True)
class FeedRead:
    """A page of a station's feed: rows after the cursor, the new seq, and if more wait."""

    rows: list[Any]
    seq: int
    more: bool


def read(conn: Connection, scope: Scope, after: int, limit: int) -> FeedRead:
    """Changes after ``after`` visible to ``scope``, at most ``limit``, in seq order.

    The new seq is the last row's when the page is full, else the top committed seq read
    first (so invisible changes of other stores are skipped, never committed ones missed).
    """
    top, _ = top_seq(conn)
    c = schema.changes.c
    rows = list(
        conn.execute(
            sa.select(c.seq, c.kind, c.key, c.op, c.data)
            .where(c.seq > after, c.seq <= top, scope_filter(scope))
            .order_by(c.seq)
            .limit(limit + 1)
        )
    )
    more = len(rows) > limit
    rows = rows[:limit]
    seq = int(rows[-1].seq) if more else max(top, after)
    return FeedRead(rows=rows, seq=seq, more=more)


def compact(conn: Connection, retention: timedelta) -> int:
    """Delete changes older than ``retention``; stations behind that must resync."""
    cutoff = datetime.now(UTC) - retention
    c = schema.changes.c
    through = conn.execute(sa.select(sa.func.max(c.seq)).where(c.created_at < cutoff)).scalar()
    if through is None:
        return 0
    deleted = conn.execute(sa.delete(schema.changes).where(c.seq <= through)).rowcount
    conn.execute(
        sa.update(schema.feed_state)
        .where(schema.feed_state.c.id == 1)
        .values(
            pruned_through=sa.func.max(schema.feed_state.c.pruned_through, through)
            if conn.dialect.name == "sqlite"
            else sa.func.greatest(schema.feed_state.c.pruned_through, through)
        )
    )
    return int(deleted or 0)


class FeedWaker:
    """Wakes long-polls of this process when a local transaction appended to the feed.

    Other workers' commits are seen by the long-poll's short re-read interval, so this is
    only the fast path; it holds no state another worker would need.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()

    def notify(self) -> None:
        """Wake every waiter (safe from any thread)."""
        with self._lock:
            waiters = list(self._waiters)
        for loop, ev in waiters:
            loop.call_soon_threadsafe(ev.set)

    async def wait(self, timeout: float) -> None:
        """Return when notified or after ``timeout`` seconds."""
        loop = asyncio.get_running_loop()
        ev = asyncio.Event()
        entry = (loop, ev)
        with self._lock:
            self._waiters.add(entry)
        try:
            await asyncio.wait_for(ev.wait(), timeout)
        except TimeoutError:
            pass
        finally:
            with self._lock:
                self._waiters.discard(entry)
