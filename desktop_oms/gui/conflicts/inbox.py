"""The conflict inbox's reads and writes, run on the database worker (QtCore for words only).

:func:`fetch` turns the cache's conflict records into :class:`InboxEntry` rows ready to
show: what was done and by whom, why it was refused (see :mod:`.explain`), the order as
the server has it now and whether Retry makes sense. The order "now" is the newer of the
documents stored with the refusal and the confirmed row the feed has brought since.
:func:`acknowledge` marks one seen; :func:`retry` re-queues the same command against the
current version through :func:`outbox.enqueue` and acknowledges the conflict in the same
transaction, so a retried conflict never stays open beside its new command.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication
from sqlalchemy.engine import Connection

from desktop_oms.cache import outbox, queries
from desktop_oms.cache.db import driver_cursor
from desktop_oms.cache.queries import ConflictRow
from desktop_oms.domain.errors import DomainError
from desktop_oms.domain.roles import Role
from desktop_oms.gui.conflicts.explain import (
    Explanation,
    OrderNow,
    RetryCheck,
    describe,
    explain,
    order_now,
    retry_check,
)

Show = Literal["open", "acknowledged"]
SHOWS: tuple[Show, ...] = ("open", "acknowledged")


class CannotRetry(DomainError):
    """Retry was asked for a conflict whose command no longer makes sense (or is gone)."""

    code = "cannot_retry"


@dataclass(frozen=True, slots=True)
class InboxEntry:
    """One refused command as the inbox shows it."""

    id: int
    command: dict[str, Any]
    what: str
    order_number: str | None
    staff_name: str
    issued_at: str | None
    refused_at: str
    acknowledged_at: str | None
    code: str
    message: str
    why: Explanation
    now: OrderNow | None
    retry: RetryCheck

    @property
    def name(self) -> str:
        """The command's name (``hand_over``)."""
        return str(self.command.get("name", ""))


@dataclass(frozen=True, slots=True)
class InboxResult:
    """One read: the entries of ``show`` (newest first) and the count of each list."""

    show: Show
    entries: list[InboxEntry]
    counts: dict[Show, int] = field(default_factory=dict)


def _staff_name(cur: sqlite3.Cursor, staff_id: Any) -> str:
    row = cur.execute("SELECT display_name FROM staff WHERE id = ?", (staff_id,)).fetchone()
    if row is not None:
        return str(row[0])
    if staff_id is not None:
        return QCoreApplication.translate("Conflicts", "Head office staff")
    return QCoreApplication.translate("Conflicts", "Unknown")


def _fulfillment_now(cur: sqlite3.Cursor, fid: int, stored: OrderNow | None) -> OrderNow | None:
    """A fulfillment as the server has it now: the stored or the confirmed doc, newer wins."""
    confirmed = cur.execute("SELECT doc FROM fulfillments WHERE id = ?", (fid,)).fetchone()
    pending = (
        cur.execute("SELECT 1 FROM pending_fulfillments WHERE id = ?", (fid,)).fetchone()
        is not None
    )
    best = stored
    if confirmed is not None:
        doc = json.loads(confirmed[0])
        found = order_now({"kind": "fulfillment", "key": str(fid), "data": doc})
        if found is not None and (best is None or found.version >= best.version):
            best = found
    if best is None:
        return None
    return replace(best, pending=pending)


def _inventory_now(cur: sqlite3.Cursor, key: str, stored: OrderNow | None) -> OrderNow | None:
    store_text, _, sku = key.partition(":")
    row = cur.execute(
        "SELECT on_hand, version FROM inventory WHERE store_id = ? AND sku = ?",
        (int(store_text) if store_text.isdigit() else -1, sku),
    ).fetchone()
    pending = (
        cur.execute(
            "SELECT 1 FROM pending_inventory WHERE store_id = ? AND sku = ?",
            (int(store_text) if store_text.isdigit() else -1, sku),
        ).fetchone()
        is not None
    )
    if row is not None and (stored is None or row[1] >= stored.version):
        return OrderNow(
            "inventory", key, None, None, None, None, row[1], None, None, (), row[0], pending
        )
    if stored is None:
        return None
    return replace(stored, pending=pending)


def targets_now(cur: sqlite3.Cursor, conflict: ConflictRow) -> list[OrderNow]:
    """The command's targets as the server has them now (as far as this station knows)."""
    command = conflict.command
    kind, key = command.get("target_kind"), str(command.get("target_key", ""))
    stored = {
        (found.kind, found.key): found
        for found in (order_now(c) for c in conflict.current if isinstance(c, Mapping))
        if found is not None
    }
    if kind == "fulfillment":
        if not key.isdigit():
            return []
        one = _fulfillment_now(cur, int(key), stored.get(("fulfillment", key)))
        return [] if one is None else [one]
    if kind == "inventory":
        one = _inventory_now(cur, key, stored.get(("inventory", key)))
        return [] if one is None else [one]
    ids = {int(k) for (kd, k) in stored if kd == "fulfillment" and k.isdigit()}
    ids |= {r[0] for r in cur.execute("SELECT id FROM fulfillments WHERE order_number = ?", (key,))}
    found = [_fulfillment_now(cur, fid, stored.get(("fulfillment", str(fid)))) for fid in ids]
    return sorted((f for f in found if f is not None), key=lambda f: int(f.key))


def entry(cur: sqlite3.Cursor, conflict: ConflictRow, role: Role | None) -> InboxEntry:
    """One conflict record as the inbox shows it, for someone of ``role`` (None: nobody)."""
    command = conflict.command
    targets = targets_now(cur, conflict)
    now = targets[0] if targets else None
    number = now.order_number if now is not None else None
    if number is None and command.get("target_kind") == "order":
        number = str(command.get("target_key", ""))
    acknowledged = conflict.acknowledged_at is not None
    return InboxEntry(
        id=conflict.id,
        command=command,
        what=describe(command, now, number),
        order_number=number,
        staff_name=_staff_name(cur, command.get("staff_id")),
        issued_at=command.get("issued_at"),
        refused_at=conflict.created_at,
        acknowledged_at=conflict.acknowledged_at,
        code=conflict.code,
        message=conflict.message,
        why=explain(command, conflict.code, conflict.message, now),
        now=now,
        retry=retry_check(command, conflict.code, targets, role, acknowledged=acknowledged),
    )


def fetch(conn: Connection, show: Show, role: Role | None) -> InboxResult:
    """Disk: the open or the acknowledged conflicts, newest first, and both counts."""
    every = queries.conflicts(conn, unacknowledged_only=False)
    opened = [c for c in every if c.acknowledged_at is None]
    seen = [c for c in every if c.acknowledged_at is not None]
    chosen = opened if show == "open" else seen
    cur = driver_cursor(conn)
    entries = [entry(cur, c, role) for c in reversed(chosen)]
    return InboxResult(show, entries, {"open": len(opened), "acknowledged": len(seen)})


def open_count(conn: Connection) -> int:
    """Disk: how many conflicts wait to be looked at."""
    return len(queries.conflicts(conn))


def acknowledge(conn: Connection, conflict_id: int, now: datetime) -> bool:
    """Disk (write): mark a conflict seen; False when it was not open any more."""
    return outbox.acknowledge(conn, conflict_id, now)


def retry(
    conn: Connection,
    conflict_id: int,
    *,
    staff_id: int,
    role: Role,
    chain_wide: bool,
    now: datetime,
) -> outbox.OutboxEntry:
    """Disk (write): queue the refused command again against the current version and
    acknowledge its conflict; CannotRetry (or the enqueue's DomainError) when it makes no
    sense now. ``chain_wide`` staff are not in the station's staff table: their session's
    role is used."""
    found = [c for c in queries.conflicts(conn) if c.id == conflict_id]
    if not found:
        raise CannotRetry(
            QCoreApplication.translate("Conflicts", "This conflict was already dealt with.")
        )
    shown = entry(driver_cursor(conn), found[0], role)
    if not shown.retry.allowed or shown.retry.base_version is None:
        raise CannotRetry(shown.retry.why)
    command = shown.command
    queued = outbox.enqueue(
        conn,
        name=str(command["name"]),
        target_kind=str(command["target_kind"]),
        target_key=str(command["target_key"]),
        base_version=shown.retry.base_version,
        staff_id=staff_id,
        approved_by=None,
        args=dict(command.get("args") or {}),
        now=now,
        role=role if chain_wide else None,
    )
    outbox.acknowledge(conn, conflict_id, now)
    return queued
