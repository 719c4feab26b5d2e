"""The outbox: commands waiting for the server, each with its optimistic local effect.

:func:`enqueue` appends the next command seq (1, 2, 3, ... per station ``client_id``) and
writes the predicted documents into the pending overlay in the same transaction, inside a
savepoint, so a refused command leaves neither. An entry leaves the outbox only when the
server confirmed it: its result (:func:`confirm`) or a pull showing ``last_seq`` at or past
it (:func:`confirm_through`). A refused command becomes a conflict record holding the
command, the server's reason and its current documents, which are applied at once.

A command may be *held* (``state = 'held'``, ``next_attempt_at`` = the end of the hold):
it is written at once, so a crash loses nothing, but :func:`due` does not hand it, nor
any command after it, to the push before the hold ends. Until then :func:`withdraw`
takes it back (undo) without a seq gap reaching the server; :func:`release` ends a hold
early.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.engine import Connection

from desktop_oms.cache import overlay, predict, rows, state
from desktop_oms.cache.apply import apply_changes
from desktop_oms.cache.db import driver_cursor
from desktop_oms.cache.state import Key
from desktop_oms.domain.commands import COMMANDS, CommandName, TargetKind, check_role
from desktop_oms.domain.errors import DomainError, NotFound, PermissionDenied
from desktop_oms.domain.roles import Role

COLUMNS = (
    "seq, id, name, target_kind, target_key, base_version, staff_id, approved_by, args, "
    "issued_at, state, attempts, next_attempt_at, last_error"
)
_APPROVER_ROLES = frozenset({Role.MANAGER, Role.ADMIN, Role.CUSTOMER_SERVICE})
#: ``state`` of a command held back from the push until ``next_attempt_at``.
HELD = "held"
QUEUED = "queued"


class UndoRefused(DomainError):
    """A command cannot be taken back: it left the station, or others build on it."""

    code = "undo_refused"


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One command waiting for the server's confirmation."""

    seq: int
    id: str
    name: str
    target_kind: str
    target_key: str
    base_version: int
    staff_id: int
    approved_by: int | None
    args: dict[str, Any]
    issued_at: str
    state: str
    attempts: int
    next_attempt_at: str | None
    last_error: str | None

    def command(self) -> dict[str, Any]:
        """The entry as the push sends it (a ``protocol.sync.CommandIn`` JSON object)."""
        return {
            "seq": self.seq,
            "id": self.id,
            "name": self.name,
            "target_kind": self.target_kind,
            "target_key": self.target_key,
            "base_version": self.base_version,
            "staff_id": self.staff_id,
            "approved_by": self.approved_by,
            "issued_at": self.issued_at,
            "args": self.args,
        }


def entry_from_row(row: tuple[Any, ...]) -> OutboxEntry:
    """An entry from an ``outbox`` row selected in :data:`COLUMNS` order."""
    (seq, id_, name, kind, key, base, staff, approver, args, issued, st, tries, nxt, err) = row
    return OutboxEntry(
        seq,
        id_,
        name,
        kind,
        key,
        base,
        staff,
        approver,
        json.loads(args),
        issued,
        st,
        tries,
        nxt,
        err,
    )


def client_id(conn: Connection) -> str:
    """This station's sync client id (32 hex digits), created once on first use."""
    value = state.get(conn, Key.CLIENT_ID)
    if value is None:
        value = uuid.uuid4().hex
        state.put(conn, Key.CLIENT_ID, value)
    return str(value)


def _actor_role(cur: sqlite3.Cursor, staff_id: int, approved_by: int | None) -> Role:
    """The role a command runs with: the staff member's, or the approving manager's."""
    who = cur.execute("SELECT role, active FROM staff WHERE id = ?", (staff_id,)).fetchone()
    if who is None or not who[1]:
        raise PermissionDenied(f"staff {staff_id} is not known at this station or not active")
    if approved_by is None:
        return Role(who[0])
    boss = cur.execute("SELECT role, active FROM staff WHERE id = ?", (approved_by,)).fetchone()
    if boss is None or not boss[1]:
        raise PermissionDenied(f"approver {approved_by} is not known at this station or inactive")
    if Role(boss[0]) not in _APPROVER_ROLES:
        raise PermissionDenied("only a manager can approve on someone's behalf")
    return Role(boss[0])


def _hold_days(cur: sqlite3.Cursor) -> int:
    row = cur.execute("SELECT value FROM settings WHERE key = 'pickup_hold_days'").fetchone()
    return predict.DEFAULT_PICKUP_HOLD_DAYS if row is None else int(json.loads(row[0]))


def _predict(
    cur: sqlite3.Cursor,
    ctx: predict.Context,
    name: CommandName,
    kind: TargetKind,
    key: str,
    base_version: int,
    args: Mapping[str, Any],
) -> predict.Prediction:
    out = predict.Prediction()
    if kind is TargetKind.FULFILLMENT:
        try:
            fid = int(key)
        except ValueError:
            raise NotFound(f"{key!r} is not a fulfillment id") from None
        row = cur.execute("SELECT doc FROM v_fulfillments WHERE id = ?", (fid,)).fetchone()
        if row is None:
            raise NotFound(f"fulfillment {fid} is not at this station")
        out.fulfillments.append(
            predict.fulfillment(ctx, name, json.loads(row[0]), base_version, args)
        )
    elif kind is TargetKind.ORDER:
        docs = [
            json.loads(doc)
            for (doc,) in cur.execute(
                "SELECT doc FROM v_fulfillments WHERE order_number = ? ORDER BY id", (key,)
            )
        ]
        out.fulfillments.extend(predict.order(ctx, name, docs, base_version, args))
    else:
        store_text, _, sku = key.partition(":")
        stock = cur.execute(
            "SELECT store_id, sku, on_hand, reserved, safety_stock, version FROM v_inventory "
            "WHERE store_id = ? AND sku = ?",
            (int(store_text) if store_text.isdigit() else -1, sku),
        ).fetchone()
        known = cur.execute("SELECT 1 FROM products WHERE sku = ?", (sku,)).fetchone()
        out.inventory.append(
            predict.adjust_inventory(ctx, key, stock, known is not None, base_version, args)
        )
    return out


def enqueue(
    conn: Connection,
    *,
    name: CommandName | str,
    target_kind: TargetKind | str,
    target_key: str,
    base_version: int,
    staff_id: int,
    approved_by: int | None,
    args: Mapping[str, Any],
    now: datetime,
    role: Role | None = None,
    hold_until: datetime | None = None,
) -> OutboxEntry:
    """Append a command and its predicted effect, or raise the DomainError refusing it."""
    # ``role``: the session's role for staff not synced to the station (chain-wide staff
    # signed in online); otherwise the role comes from the ``staff`` table.
    # ``hold_until``: keep it (and all after it) from the push until then: an undo window.
    command = CommandName(name)
    kind = TargetKind(target_kind)
    if COMMANDS[command].target is not kind:
        raise ValueError(f"{command.value} targets a {COMMANDS[command].target.value}")
    with conn.begin_nested():
        cur = driver_cursor(conn)
        acting = role if role is not None else _actor_role(cur, staff_id, approved_by)
        check_role(command, acting)
        ctx = predict.Context(acting, state.store_id(conn), now, _hold_days(cur), staff_id=staff_id)
        effect = _predict(cur, ctx, command, kind, target_key, base_version, args)
        seq = int(state.get(conn, Key.LAST_COMMAND_SEQ, 0)) + 1
        entry = OutboxEntry(
            seq=seq,
            id=str(uuid.uuid4()),
            name=command.value,
            target_kind=kind.value,
            target_key=target_key,
            base_version=base_version,
            staff_id=staff_id,
            approved_by=approved_by,
            args=dict(args),
            issued_at=rows.utc_text(now) or "",
            state=QUEUED if hold_until is None else HELD,
            attempts=0,
            next_attempt_at=rows.utc_text(hold_until),
            last_error=None,
        )
        cur.execute(
            "INSERT INTO outbox (seq, id, name, target_kind, target_key, base_version, staff_id, "
            "approved_by, args, issued_at, state, attempts, next_attempt_at, last_error) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _row(entry),
        )
        overlay.put_fulfillments(cur, [rows.fulfillment_row(d) for d in effect.fulfillments], seq)
        overlay.put_inventory(cur, effect.inventory, seq)
        state.put(conn, Key.LAST_COMMAND_SEQ, seq)
    return entry


def _row(entry: OutboxEntry) -> tuple[Any, ...]:
    """The entry as an ``outbox`` row (arguments as JSON text)."""
    return (
        entry.seq,
        entry.id,
        entry.name,
        entry.target_kind,
        entry.target_key,
        entry.base_version,
        entry.staff_id,
        entry.approved_by,
        rows.dumps(entry.args),
        entry.issued_at,
        entry.state,
        entry.attempts,
        entry.next_attempt_at,
        entry.last_error,
    )


def pending(conn: Connection, limit: int = 100) -> list[OutboxEntry]:
    """The oldest unconfirmed commands, in seq order (the order they must be pushed in)."""
    found = driver_cursor(conn).execute(
        f"SELECT {COLUMNS} FROM outbox ORDER BY seq LIMIT ?",  # noqa: S608 - constant columns
        (limit,),
    )
    return [entry_from_row(r) for r in found]


#: The longest undo window a command is held for; a longer one is a clock set back.
MAX_HOLD = timedelta(minutes=10)


def due(conn: Connection, now: datetime, limit: int = 100) -> list[OutboxEntry]:
    """The commands the push may send now, in seq order: those before the first one still
    held at ``now``. Holds that have ended are released first, so an undo can no longer
    take back a command once the push may have it (call in a write transaction).

    A hold that ends further from ``now`` than :data:`MAX_HOLD` can only mean that the
    PC's clock was set back after the command was made: it is released too, rather than
    keeping the command (and every one after it) from the server for days."""
    cur = driver_cursor(conn)
    cur.execute(
        "UPDATE outbox SET state = ?, next_attempt_at = NULL "
        "WHERE state = ? AND (next_attempt_at <= ? OR next_attempt_at > ?)",
        (QUEUED, HELD, rows.utc_text(now), rows.utc_text(now + MAX_HOLD)),
    )
    found = cur.execute(
        f"SELECT {COLUMNS} FROM outbox "  # noqa: S608 - constant columns
        "WHERE seq < coalesce((SELECT min(seq) FROM outbox WHERE state = ?), seq + 1) "
        "ORDER BY seq LIMIT ?",
        (HELD, limit),
    )
    return [entry_from_row(r) for r in found]


def release(conn: Connection, seq: int) -> bool:
    """End the hold of command ``seq`` now (its undo window closed); whether it was held."""
    cur = driver_cursor(conn)
    cur.execute(
        "UPDATE outbox SET state = ?, next_attempt_at = NULL WHERE seq = ? AND state = ?",
        (QUEUED, seq, HELD),
    )
    return cur.rowcount == 1


def _touches(cur: sqlite3.Cursor, entry: OutboxEntry) -> tuple[set[int], set[str], str | None]:
    """The fulfillment ids, order numbers and stock key a command's target covers."""
    if entry.target_kind == TargetKind.INVENTORY.value:
        return set(), set(), entry.target_key
    if entry.target_kind == TargetKind.ORDER.value:
        ids = cur.execute(
            "SELECT id FROM v_fulfillments WHERE order_number = ?", (entry.target_key,)
        )
        return {int(i) for (i,) in ids}, {entry.target_key}, None
    fid = int(entry.target_key)
    number = cur.execute("SELECT order_number FROM v_fulfillments WHERE id = ?", (fid,))
    return {fid}, {str(n) for (n,) in number}, None


def withdraw(conn: Connection, seq: int) -> OutboxEntry:
    """Take back a held command before it leaves the station (undo); the entry withdrawn.

    Its predicted rows go, and the commands after it move one seq down so that no gap
    reaches the server. Raises :class:`UndoRefused` when the command is no longer held
    (the push has it, or the server confirmed it) or when another waiting command on the
    same fulfillment, order or stock builds on it or under it (its prediction would be lost).
    """
    cur = driver_cursor(conn)
    entry = get(conn, seq)
    if entry is None:
        raise UndoRefused("the change has already reached the server and cannot be undone")
    if entry.state != HELD:
        raise UndoRefused("the change is being sent to the server and cannot be undone")
    ids, numbers, stock = _touches(cur, entry)
    for other in pending(conn, limit=-1):
        if other.seq == seq:
            continue
        key = other.target_key
        if (
            (other.target_kind == TargetKind.FULFILLMENT.value and int(key) in ids)
            or (other.target_kind == TargetKind.ORDER.value and key in numbers)
            or (other.target_kind == TargetKind.INVENTORY.value and key == stock)
        ):
            when = "later" if other.seq > seq else "earlier"
            raise UndoRefused(
                f"a {when} change to the same order ({other.name.replace('_', ' ')}) is "
                "waiting to be sent, so this one cannot be undone"
            )
    cur.execute("DELETE FROM outbox WHERE seq = ?", (seq,))
    cur.execute("DELETE FROM pending_fulfillments WHERE outbox_seq = ?", (seq,))
    cur.execute("DELETE FROM pending_inventory WHERE outbox_seq = ?", (seq,))
    renumber(conn, 1, above=seq)
    return entry


def renumber(conn: Connection, shift: int, *, above: int = 0) -> None:
    """Move the commands after seq ``above`` and their predicted rows ``shift`` seqs down
    (up when negative), and the station's last command seq with them.

    Used when the server expects other numbers (``409 sequence_gap``: it never saw these
    commands, and seqs only deduplicate) and when an undo takes a held command out.
    """
    cur = driver_cursor(conn)
    _renumber_count_refs(cur, shift, above)
    for table, column in (
        ("outbox", "seq"),
        ("pending_fulfillments", "outbox_seq"),
        ("pending_inventory", "outbox_seq"),
    ):
        # through negatives, so no two rows ever share a primary key on the way
        cur.execute(f"UPDATE {table} SET {column} = -{column} WHERE {column} > ?", (above,))  # noqa: S608
        cur.execute(f"UPDATE {table} SET {column} = -{column} - ? WHERE {column} < 0", (shift,))  # noqa: S608
    last = int(state.get(conn, Key.LAST_COMMAND_SEQ, 0))
    state.put(conn, Key.LAST_COMMAND_SEQ, max(0, last - shift))


def _renumber_count_refs(cur: sqlite3.Cursor, shift: int, above: int) -> None:
    """Keep cycle counts pointing at the same commands when the outbox is renumbered.

    A count line's ``counted_at_seq`` (and a queued count's ``args.counted_at_seq``) names
    the last command issued before the SKU was counted; the server excludes that station's
    commands up to it. Seqs of commands still waiting move with them; a seq naming a
    withdrawn command (undo: ``above`` itself, now gone) falls back to the one before it.
    """
    first = cur.execute("SELECT MIN(seq) FROM outbox WHERE seq > ?", (above,)).fetchone()[0]
    gone = cur.execute("SELECT 1 FROM outbox WHERE seq = ?", (above,)).fetchone() is None
    if above > 0 and gone and shift > 0:
        # the undo case: the command at ``above`` was taken back, so a count taken after
        # it was counted after the command before it (before the shift below reuses ``above``)
        cur.execute(
            "UPDATE count_lines SET counted_at_seq = ? WHERE counted_at_seq = ?", (above - 1, above)
        )
        cur.execute(
            "UPDATE outbox SET args = json_set(args, '$.counted_at_seq', ?) "
            "WHERE name = 'adjust_inventory' AND json_extract(args, '$.counted_at_seq') = ?",
            (above - 1, above),
        )
    cur.execute(
        "UPDATE count_lines SET outbox_seq = outbox_seq - ? WHERE outbox_seq > ?", (shift, above)
    )
    if first is not None:
        cur.execute(
            "UPDATE count_lines SET counted_at_seq = counted_at_seq - ? WHERE counted_at_seq >= ?",
            (shift, first),
        )
        cur.execute(
            "UPDATE outbox SET args = json_set(args, '$.counted_at_seq', "
            "json_extract(args, '$.counted_at_seq') - ?) "
            "WHERE name = 'adjust_inventory' AND json_extract(args, '$.counted_at_seq') >= ?",
            (shift, first),
        )


def get(conn: Connection, seq: int) -> OutboxEntry | None:
    """One outbox entry by seq."""
    row = driver_cursor(conn).execute(
        f"SELECT {COLUMNS} FROM outbox WHERE seq = ?",  # noqa: S608 - constant columns
        (seq,),
    )
    found = row.fetchone()
    return None if found is None else entry_from_row(found)


def record_attempt(
    conn: Connection, seqs: Iterable[int], *, error: str | None, next_attempt_at: datetime | None
) -> None:
    """Note a failed push of these entries (for display and backoff); they stay queued."""
    driver_cursor(conn).executemany(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, "
        "state = 'retrying' WHERE seq = ?",
        [(error, rows.utc_text(next_attempt_at), seq) for seq in seqs],
    )


def confirm(
    conn: Connection, seq: int, result: Mapping[str, Any], *, now: datetime | None = None
) -> None:
    """Take the server's result of command ``seq``; a refusal becomes a conflict record."""
    # The server's current documents of a refused command replace the confirmed rows and
    # the command's predicted rows at once, so the view shows the state that won.
    cur = driver_cursor(conn)
    entry = get(conn, seq)
    if entry is not None and "id" in result and str(result["id"]) != entry.id:
        raise ValueError(f"result {result['id']} is not the result of outbox entry {seq}")
    cur.execute("DELETE FROM outbox WHERE seq = ?", (seq,))
    if result.get("status") == "rejected":
        current = list(result.get("current") or [])
        command = entry.command() if entry is not None else {"seq": seq, "id": result.get("id")}
        cur.execute(
            "INSERT INTO conflicts (outbox_seq, command, code, message, current, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                seq,
                rows.dumps(command),
                str(result.get("code") or "rejected"),
                str(result.get("message") or ""),
                rows.dumps(current),
                rows.utc_text(now or datetime.now(UTC)),
            ),
        )
        if entry is not None:
            overlay.drop_target(cur, entry.target_kind, entry.target_key)
        if current:
            apply_changes(conn, current)
    overlay.settle(cur)


def confirm_through(conn: Connection, last_seq: int) -> int:
    """Confirm every entry at or below ``last_seq`` (seen in a pull); how many left the outbox."""
    cur = driver_cursor(conn)
    cur.execute("DELETE FROM outbox WHERE seq <= ?", (last_seq,))
    confirmed = cur.rowcount
    overlay.settle(cur)
    return confirmed


def settle(conn: Connection, *, caught_up: bool = False) -> int:
    """Drop confirmed predictions; ``caught_up`` (feed read to its end) drops them all."""
    return overlay.settle(driver_cursor(conn), force=caught_up)


def acknowledge(conn: Connection, conflict_id: int, now: datetime) -> bool:
    """Mark a conflict as seen by staff; False when there is no such open conflict."""
    cur = driver_cursor(conn)
    cur.execute(
        "UPDATE conflicts SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL",
        (rows.utc_text(now), conflict_id),
    )
    return cur.rowcount == 1
