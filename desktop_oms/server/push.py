"""The command push: each station's commands applied once, in seq order, results kept.

Per command, one transaction: lock the station row, answer a replay (seq at or below
``last_seq``) with the stored result, refuse a gap, else apply the command inside a
savepoint. A refusal is a result too: it is recorded and ``last_seq`` advances, so a
command that can never succeed never blocks the queue.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_oms.domain.errors import DomainError, PermissionDenied
from desktop_oms.domain.roles import Role
from desktop_oms.protocol.base import parse_db_id
from desktop_oms.protocol.errors import ErrorCode
from desktop_oms.protocol.sync import (
    CommandIn,
    CommandResult,
    CommandStatus,
    Kind,
    PushRequest,
    PushResponse,
)
from desktop_oms.server import commands, feed
from desktop_oms.server import schema as t
from desktop_oms.server.documents import Doc, build_documents
from desktop_oms.server.errors import ApiError
from desktop_oms.server.principals import StationPrincipal
from desktop_oms.server.services import Services

log = logging.getLogger(__name__)
#: What a station shows for a command the server failed to handle.
SERVER_FAULT_MESSAGE = (
    "The server could not apply this change because of an error on the server; "
    "it was not applied. Head office has the details."
)


def _actor(conn: Connection, station: StationPrincipal, cmd: CommandIn) -> commands.Actor:
    """The staff member who made the command, re-checked against the station's store."""
    s = t.staff.c
    who = conn.execute(
        sa.select(s.id, s.role, s.store_id, s.active).where(s.id == cmd.staff_id)
    ).first()
    if who is None or not who.active:
        raise PermissionDenied(f"staff {cmd.staff_id} is unknown or no longer active")
    role = Role(who.role)
    if not role.chain_wide and who.store_id != station.store_id:
        raise PermissionDenied(f"staff {cmd.staff_id} does not work at this station's store")
    approved_by = None
    if cmd.approved_by is not None:
        boss = conn.execute(
            sa.select(s.id, s.role, s.store_id, s.active).where(s.id == cmd.approved_by)
        ).first()
        if boss is None or not boss.active:
            raise PermissionDenied(f"approver {cmd.approved_by} is unknown or inactive")
        boss_role = Role(boss.role)
        if boss_role not in (Role.MANAGER, Role.ADMIN, Role.CUSTOMER_SERVICE):
            raise PermissionDenied("only a manager can approve on someone's behalf")
        if not boss_role.chain_wide and boss.store_id != station.store_id:
            raise PermissionDenied("the approving manager works at another store")
        role, approved_by = boss_role, boss.id
    return commands.Actor(
        staff_id=who.id,
        role=role,
        store_id=station.store_id,
        station_id=station.station_id,
        approved_by=approved_by,
    )


def _visible(doc: Doc, station: StationPrincipal) -> bool:
    return doc.store_id is None or station.store_id in (doc.store_id, doc.store2_id)


def current_state(conn: Connection, station: StationPrincipal, cmd: CommandIn) -> list[Any]:
    """The server's current documents of a command's target, as the station may see them."""
    kind: Kind
    keys: list[str]
    if cmd.target_kind.value == "fulfillment":
        if parse_db_id(cmd.target_key) is None:
            return []
        kind, keys = Kind.FULFILLMENT, [cmd.target_key]
    elif cmd.target_kind.value == "order":
        o, f = t.orders.c, t.fulfillments.c
        ids = conn.execute(
            sa.select(f.id).join(t.orders, o.id == f.order_id).where(o.number == cmd.target_key)
        ).scalars()
        kind, keys = Kind.FULFILLMENT, [str(i) for i in ids]
    else:
        store, _, sku = cmd.target_key.partition(":")
        if parse_db_id(store) is None or not sku:
            return []
        kind, keys = Kind.INVENTORY, [cmd.target_key]
    out = []
    for doc in build_documents(conn, kind, keys):
        if doc.op == "upsert" and _visible(doc, station):
            out.append(
                {"seq": 0, "kind": kind.value, "key": doc.key, "op": "upsert", "data": doc.data}
            )
    return out


def _one(services: Services, station: StationPrincipal, cmd: CommandIn) -> CommandResult:
    db = services.db
    with db.write() as conn:
        st = t.stations.c
        query = sa.select(st.last_seq).where(st.id == station.station_id)
        if db.is_postgres:
            query = query.with_for_update()
        last_seq = int(conn.execute(query).scalar_one())
        if cmd.seq <= last_seq:
            cl = t.command_log.c
            stored = conn.execute(
                sa.select(cl.command_id, cl.result).where(
                    cl.station_id == station.station_id, cl.seq == cmd.seq
                )
            ).first()
            if stored is None or stored.command_id != str(cmd.id):
                raise ApiError(
                    409,
                    ErrorCode.SEQUENCE_GAP,
                    f"command seq {cmd.seq} was already used by another command",
                    {"seq": cmd.seq, "last_seq": last_seq},
                )
            return CommandResult.model_validate(stored.result)
        if cmd.seq != last_seq + 1:
            raise ApiError(
                409,
                ErrorCode.SEQUENCE_GAP,
                f"expected command seq {last_seq + 1}, got {cmd.seq}",
                {"expected": last_seq + 1, "last_seq": last_seq},
            )
        mark = feed.checkpoint(conn)
        savepoint = conn.begin_nested()
        try:
            actor = _actor(conn, station, cmd)
            commands.run(
                conn,
                actor,
                cmd.name,
                cmd.target_key,
                cmd.args,
                cmd.base_version,
                pickup_hold_days=services.config.pickup_hold_days,
                command_seq=cmd.seq,
            )
            savepoint.commit()
            result = CommandResult(seq=cmd.seq, id=cmd.id, status=CommandStatus.APPLIED)
        except DomainError as exc:
            savepoint.rollback()
            feed.rollback_to(conn, mark)
            result = CommandResult.model_validate(
                {
                    "seq": cmd.seq,
                    "id": cmd.id,
                    "status": CommandStatus.REJECTED,
                    "code": exc.code,
                    "message": exc.message,
                    "current": current_state(conn, station, cmd),
                }
            )
        except sa.exc.DBAPIError:
            raise  # the database failed (a lock, the connection): the station pushes again
        except Exception:
            # A fault in the server's handling of this one command. Retrying would fail
            # the same way and hold up every command behind it, so it is refused (and
            # recorded) like a domain refusal; the log keeps the traceback for support.
            log.exception(
                "command %s (seq %s of station %s) failed on the server; refused",
                cmd.name.value,
                cmd.seq,
                station.station_id,
            )
            savepoint.rollback()
            feed.rollback_to(conn, mark)
            result = CommandResult(
                seq=cmd.seq,
                id=cmd.id,
                status=CommandStatus.REJECTED,
                code=ErrorCode.INTERNAL.value,
                message=SERVER_FAULT_MESSAGE,
                current=_current_or_nothing(conn, station, cmd),
            )
        now = datetime.now(UTC)
        conn.execute(
            sa.insert(t.command_log).values(
                station_id=station.station_id,
                seq=cmd.seq,
                command_id=str(cmd.id),
                name=cmd.name.value,
                status=result.status.value,
                result=result.model_dump(mode="json"),
                received_at=now,
            )
        )
        conn.execute(
            sa.update(t.stations)
            .where(st.id == station.station_id)
            .values(last_seq=cmd.seq, last_seen_at=now)
        )
    return result


def _current_or_nothing(conn: Connection, station: StationPrincipal, cmd: CommandIn) -> list[Any]:
    """The command's current documents, or none when reading them fails too."""
    try:
        return list(current_state(conn, station, cmd))
    except sa.exc.DBAPIError:
        raise
    except Exception:
        log.exception("current state of command seq %s could not be read", cmd.seq)
        return []


def apply_push(services: Services, station: StationPrincipal, push: PushRequest) -> PushResponse:
    """Apply a station's pushed commands in order; the results and the new ``last_seq``."""
    if push.client_id != station.client_id:
        raise ApiError(403, ErrorCode.FORBIDDEN, "client_id does not belong to this station")
    results = [_one(services, station, cmd) for cmd in push.commands]
    return PushResponse(results=results, last_seq=max(r.seq for r in results))
