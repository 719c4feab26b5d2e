"""Applying station and staff commands: version checks, the status machine, side effects.

Every command runs inside the caller's write transaction: it locks its target row, checks
store scope, role and ``version``, changes state, touches the feed documents it changed,
queues notices and writes an audit row. Refusals raise :class:`DomainError` subclasses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_oms.domain.commands import COMMANDS, CommandName, check_role
from desktop_oms.domain.errors import (
    IllegalTransition,
    InsufficientStock,
    MissingRequirement,
    NotFound,
    OutOfScope,
    StaleVersion,
    VerificationFailed,
)
from desktop_oms.domain.reasons import ReasonKind, require_reason
from desktop_oms.domain.roles import Role
from desktop_oms.domain.shipping import check_ship_tracking
from desktop_oms.domain.status import (
    Action,
    FulfillmentMethod,
    FulfillmentStatus,
    Requirement,
    check_return_to_stock,
    transition,
)
from desktop_oms.protocol import commands as args_mod
from desktop_oms.protocol.base import WireModel, parse_db_id
from desktop_oms.protocol.sync import Kind
from desktop_oms.server import feed, labels, notify, reservations
from desktop_oms.server import schema as t
from desktop_oms.server.db import Database
from desktop_oms.server.documents import order_fulfillment_ids

M = FulfillmentMethod
S = FulfillmentStatus


@dataclass(frozen=True, slots=True)
class Actor:
    """Who runs a command: the staff member, their role and store, the station, an approver."""

    staff_id: int
    role: Role
    store_id: int | None
    station_id: int | None = None
    approved_by: int | None = None


@dataclass
class Context:
    """One command's run: connection, actor, clock and settings; ``command_seq`` is the
    station's outbox seq of the command (None for staff API and jobs), recorded on the
    stock movements it causes."""

    conn: Connection
    actor: Actor
    now: datetime
    pickup_hold_days: int = 7
    command_seq: int | None = None
    touched_inventory: set[tuple[int, str]] = field(default_factory=set)


def _lock(ctx: Context, query: sa.Select[Any]) -> sa.Select[Any]:
    return query.with_for_update() if ctx.conn.dialect.name == "postgresql" else query


def _load_fulfillment(ctx: Context, fid: int) -> Any:
    row = ctx.conn.execute(
        _lock(ctx, sa.select(t.fulfillments).where(t.fulfillments.c.id == fid))
    ).first()
    if row is None:
        raise NotFound(f"fulfillment {fid} does not exist")
    return row


def _check_scope(actor: Actor, *store_ids: int | None) -> None:
    if actor.role.chain_wide:
        return
    if actor.store_id is None or actor.store_id not in store_ids:
        raise OutOfScope("this belongs to another store")


def _check_version(entity: str, base: int | None, current: int) -> None:
    if base is not None and base != current:
        raise StaleVersion(entity, base, current)


def _lines(ctx: Context, fid: int) -> list[Any]:
    fl = t.fulfillment_lines.c
    return list(
        ctx.conn.execute(
            sa.select(t.fulfillment_lines).where(fl.fulfillment_id == fid).order_by(fl.line_no)
        )
    )


def _remaining(line: Any) -> int:
    return int(line.quantity - line.rejected - line.refused)


def _audit(
    ctx: Context, entity: str, key: str, action: str, reason: str | None, details: Mapping[str, Any]
) -> None:
    ctx.conn.execute(
        sa.insert(t.audit).values(
            at=ctx.now,
            entity=entity,
            entity_key=key,
            action=action,
            staff_id=ctx.actor.staff_id,
            approved_by=ctx.actor.approved_by,
            station_id=ctx.actor.station_id,
            reason=reason,
            details=dict(details),
        )
    )


#: The status in which a fulfillment of each method is ready (``ready_at``).
READY_STATUS: dict[FulfillmentMethod, FulfillmentStatus] = {
    M.STORE_PICKUP: S.READY_FOR_PICKUP,
    M.SHIP_TO_STORE: S.READY_FOR_PICKUP,
    M.SHIP_FROM_STORE: S.PACKED,
}


def _milestones(ctx: Context, row: Any, status: str) -> dict[str, Any]:
    """``ready_at``/``completed_at`` for a fulfillment moving to ``status``: stamped when it
    becomes ready or ends; ``ready_at`` cleared when it leaves readiness other than by
    ending (unpack)."""
    new = S(status)
    if new.terminal:
        return {"completed_at": ctx.now}
    if new is READY_STATUS[M(row.method)]:
        return {"ready_at": ctx.now}
    return {"ready_at": None}


def _update_fulfillment(ctx: Context, row: Any, **values: Any) -> None:
    if "status" in values and values["status"] != row.status:
        values = {**_milestones(ctx, row, values["status"]), **values}
    ctx.conn.execute(
        sa.update(t.fulfillments)
        .where(t.fulfillments.c.id == row.id)
        .values(version=t.fulfillments.c.version + 1, updated_at=ctx.now, **values)
    )
    feed.touch(ctx.conn, Kind.FULFILLMENT, row.id)


def _bump_order(ctx: Context, order_id: int, **values: Any) -> None:
    ctx.conn.execute(
        sa.update(t.orders)
        .where(t.orders.c.id == order_id)
        .values(version=t.orders.c.version + 1, updated_at=ctx.now, **values)
    )
    feed.touch_many(ctx.conn, Kind.FULFILLMENT, order_fulfillment_ids(ctx.conn, order_id))


# --- stock effects -------------------------------------------------------------------


def _release(ctx: Context, store_id: int, sku: str, qty: int) -> None:
    reservations.release(ctx.conn, store_id, sku, qty)


def _consume(ctx: Context, store_id: int, sku: str, qty: int) -> None:
    reservations.consume(
        ctx.conn,
        store_id,
        sku,
        qty,
        now=ctx.now,
        station_id=ctx.actor.station_id,
        command_seq=ctx.command_seq,
    )


def _receive_goods(ctx: Context, store_id: int, sku: str, qty: int) -> None:
    if qty > 0:
        reservations.add_on_hand(
            ctx.conn,
            store_id,
            sku,
            qty,
            kind="returned",
            now=ctx.now,
            station_id=ctx.actor.station_id,
            command_seq=ctx.command_seq,
        )


def _goods_left_source(row: Any) -> bool:
    """Whether a ship-to-store fulfillment's goods already left the source store."""
    return row.method == M.SHIP_TO_STORE and row.status in (
        S.IN_TRANSIT,
        S.ARRIVED,
        S.READY_FOR_PICKUP,
    )


def _return_goods(ctx: Context, row: Any, lines: list[Any]) -> None:
    """Stock of an ended, not completed fulfillment goes back where it physically is."""
    for line in lines:
        qty = _remaining(line)
        if _goods_left_source(row):
            _receive_goods(ctx, row.destination_store_id, line.sku, qty)
        else:
            _release(ctx, row.store_id, line.sku, qty)


# --- fulfillment commands --------------------------------------------------------------


def _status_step(
    ctx: Context, row: Any, action: Action, provided: set[Requirement]
) -> FulfillmentStatus:
    return transition(M(row.method), S(row.status), action, ctx.actor.role, provided)


def _picker(ctx: Context, row: Any, picker_id: int | None) -> int:
    """The staff member who picks ``row``: the one named, else the actor; checked to be an
    active member of the fulfilling store whose role may pick."""
    if picker_id is None or picker_id == ctx.actor.staff_id:
        return ctx.actor.staff_id
    c = t.staff.c
    who = ctx.conn.execute(sa.select(c.store_id, c.role, c.active).where(c.id == picker_id)).first()
    if who is None or not who.active:
        raise NotFound(f"picker {picker_id} is not an active staff member")
    role = Role(who.role)
    check_role(CommandName.START_PICKING, role)
    if not role.chain_wide and who.store_id != row.store_id:
        raise OutOfScope(f"picker {picker_id} works at another store")
    return picker_id


def _start_picking(ctx: Context, row: Any, args: WireModel) -> None:
    assert isinstance(args, args_mod.StartPickingArgs)
    _check_scope(ctx.actor, row.store_id)
    new = _status_step(ctx, row, Action.START_PICKING, set())
    picker = _picker(ctx, row, args.picker_id)
    _update_fulfillment(ctx, row, status=new.value, picker_id=picker)
    _audit(ctx, "fulfillment", str(row.id), "start_picking", None, {"picker_id": picker})


def _mark_ready(ctx: Context, row: Any, args: WireModel) -> None:
    assert isinstance(args, args_mod.MarkReadyArgs)
    at_store = row.destination_store_id if row.method == M.SHIP_TO_STORE else row.store_id
    _check_scope(ctx.actor, at_store)
    new = _status_step(ctx, row, Action.MARK_READY, {Requirement.BIN})
    fl = t.fulfillment_lines.c
    ctx.conn.execute(
        sa.update(t.fulfillment_lines)
        .where(fl.fulfillment_id == row.id)
        .values(picked=fl.quantity - fl.rejected)
    )
    deadline = ctx.now + timedelta(days=ctx.pickup_hold_days)
    _update_fulfillment(ctx, row, status=new.value, bin=args.bin, pickup_deadline=deadline)
    notify.enqueue(ctx.conn, row.id, notify.NoticeKind.READY_FOR_PICKUP)


def _verify(row: Any, v: Any) -> dict[str, Any]:
    if v.method == "pickup_code":
        if not v.pickup_code:
            raise MissingRequirement("hand over by pickup code needs the code")
        if v.pickup_code != row.pickup_code:
            raise VerificationFailed("the pickup code does not match this order")
        return {"method": "pickup_code"}
    missing = [n for n in ("collector_name", "id_type", "id_last_digits") if not getattr(v, n)]
    if missing:
        raise MissingRequirement(f"an ID check needs: {', '.join(missing)}")
    return {
        "method": "id_check",
        "collector_name": v.collector_name,
        "id_type": v.id_type,
        "id_last_digits": v.id_last_digits,
        "relationship": v.relationship or "self",
    }


def _hand_over(ctx: Context, row: Any, args: WireModel) -> None:
    assert isinstance(args, args_mod.HandOverArgs)
    at_store = row.destination_store_id if row.method == M.SHIP_TO_STORE else row.store_id
    _check_scope(ctx.actor, at_store)
    new = _status_step(ctx, row, Action.HAND_OVER, {Requirement.VERIFICATION})
    proof = _verify(row, args.verification)
    lines = {line.line_no: line for line in _lines(ctx, row.id)}
    refused: dict[int, int] = {}
    for r in args.refused:
        require_reason(ReasonKind.REFUSE, r.reason)
        line = lines.get(r.line_no)
        if line is None:
            raise NotFound(f"line {r.line_no} is not part of this fulfillment")
        refused[r.line_no] = refused.get(r.line_no, 0) + r.quantity
        if refused[r.line_no] > _remaining(line):
            raise IllegalTransition(
                f"line {r.line_no}: cannot refuse {refused[r.line_no]}, "
                f"only {_remaining(line)} to hand over"
            )
    if lines and all(refused.get(n, 0) == _remaining(line) for n, line in lines.items()):
        raise IllegalTransition("every item was refused: cancel the order instead")
    fl = t.fulfillment_lines.c
    for line_no, qty in refused.items():
        line = lines[line_no]
        ctx.conn.execute(
            sa.update(t.fulfillment_lines).where(fl.id == line.id).values(refused=fl.refused + qty)
        )
    for line_no, line in lines.items():
        handed = _remaining(line) - refused.get(line_no, 0)
        back = refused.get(line_no, 0)
        if row.method == M.SHIP_TO_STORE:
            _receive_goods(ctx, row.destination_store_id, line.sku, back)
        else:
            _consume(ctx, row.store_id, line.sku, handed)
            _release(ctx, row.store_id, line.sku, back)
    _update_fulfillment(ctx, row, status=new.value)
    _audit(
        ctx,
        "fulfillment",
        str(row.id),
        "hand_over",
        None,
        {"verification": proof, "refused": [r.model_dump() for r in args.refused]},
    )
    notify.enqueue(ctx.conn, row.id, notify.NoticeKind.HANDED_OVER)


def _pack(ctx: Context, row: Any, args: WireModel) -> None:
    assert isinstance(args, args_mod.PackArgs)
    _check_scope(ctx.actor, row.store_id)
    new = _status_step(ctx, row, Action.PACK, {Requirement.BOXES})
    _check_box_items(ctx, row, args.boxes)
    _update_fulfillment(ctx, row, status=new.value, boxes=[b.model_dump() for b in args.boxes])


def _check_box_items(ctx: Context, row: Any, boxes: list[Any]) -> None:
    """What the boxes say they hold (optional) must be lines of this fulfillment, at most
    what is left of each."""
    left = {line.line_no: _remaining(line) for line in _lines(ctx, row.id)}
    packed: dict[int, int] = {}
    for box in boxes:
        for item in box.items:
            if item.line_no not in left:
                raise NotFound(f"line {item.line_no} is not part of this fulfillment")
            packed[item.line_no] = packed.get(item.line_no, 0) + item.quantity
    for line_no, qty in packed.items():
        if qty > left[line_no]:
            raise IllegalTransition(f"line {line_no}: {qty} packed, only {left[line_no]} to ship")


def _unpack(ctx: Context, row: Any, args: WireModel) -> None:
    assert isinstance(args, args_mod.ReasonArgs)
    _check_scope(ctx.actor, row.store_id)
    require_reason(ReasonKind.UNPACK, args.reason)
    new = _status_step(ctx, row, Action.UNPACK, {Requirement.REASON})
    _void_labels(ctx, row, Action.UNPACK)
    _update_fulfillment(ctx, row, status=new.value, boxes=[])


def _void_labels(ctx: Context, row: Any, why: Action) -> None:
    """The boxes are gone (unpacked, cancelled): their active labels are voided too."""
    voided = labels.void_all(ctx.conn, row.id, ctx.actor.staff_id, ctx.now)
    if voided:
        _audit(
            ctx,
            "fulfillment",
            str(row.id),
            "void_label",
            None,
            {"tracking": voided, "by": why.value},
        )


def _ship(ctx: Context, row: Any, args: WireModel) -> None:
    assert isinstance(args, args_mod.ShipArgs)
    _check_scope(ctx.actor, row.store_id)
    new = _status_step(ctx, row, Action.SHIP, {Requirement.TRACKING})
    check_ship_tracking(labels.active_label_docs(ctx.conn, row.id), args.carrier, args.tracking)
    for line in _lines(ctx, row.id):
        _consume(ctx, row.store_id, line.sku, _remaining(line))
    _update_fulfillment(ctx, row, status=new.value, carrier=args.carrier, tracking=args.tracking)
    notify.enqueue(ctx.conn, row.id, notify.NoticeKind.SHIPPED)


def _dispatch(ctx: Context, row: Any, args: WireModel) -> None:
    assert isinstance(args, args_mod.DispatchArgs)
    _check_scope(ctx.actor, row.store_id)
    new = _status_step(ctx, row, Action.DISPATCH_TRANSFER, {Requirement.TRACKING})
    # a labelled transfer leaves under one of its labels (and their carrier)
    live = labels.active_label_docs(ctx.conn, row.id)
    carrier: dict[str, Any] = {}
    if live:
        carrier["carrier"] = str(live[0]["carrier"])
        check_ship_tracking(live, carrier["carrier"], args.tracking)
    for line in _lines(ctx, row.id):
        _consume(ctx, row.store_id, line.sku, _remaining(line))
    _update_fulfillment(ctx, row, status=new.value, tracking=args.tracking, **carrier)


def _receive(ctx: Context, row: Any, _args: WireModel) -> None:
    _check_scope(ctx.actor, row.destination_store_id)
    new = _status_step(ctx, row, Action.RECEIVE_TRANSFER, set())
    _update_fulfillment(ctx, row, status=new.value)


def _end(
    ctx: Context, row: Any, action: Action, reason: str | None, notice: notify.NoticeKind
) -> None:
    provided = {Requirement.REASON} if reason else set()
    new = _status_step(ctx, row, action, provided)
    if row.status == S.PACKED:
        _void_labels(ctx, row, action)
    _return_goods(ctx, row, _lines(ctx, row.id))
    _update_fulfillment(ctx, row, status=new.value)
    _audit(ctx, "fulfillment", str(row.id), action.value, reason, {})
    notify.enqueue(ctx.conn, row.id, notice)


def _cancel(ctx: Context, row: Any, args: WireModel) -> None:
    assert isinstance(args, args_mod.ReasonArgs)
    _check_scope(ctx.actor, row.store_id, row.destination_store_id)
    require_reason(ReasonKind.CANCEL, args.reason)
    _end(ctx, row, Action.CANCEL, args.reason, notify.NoticeKind.CANCELLED)


def _expire(ctx: Context, row: Any, _args: WireModel) -> None:
    at_store = row.destination_store_id if row.method == M.SHIP_TO_STORE else row.store_id
    _check_scope(ctx.actor, at_store)
    _end(ctx, row, Action.EXPIRE, None, notify.NoticeKind.EXPIRED)


def _return_to_stock(ctx: Context, row: Any, args: WireModel) -> None:
    """The goods of an ended pickup left its bin for the shelf: the bin is free again.

    The stock was booked back when the pickup ended; this records the physical move.
    """
    assert isinstance(args, args_mod.ReturnToStockArgs)
    at_store = row.destination_store_id if row.method == M.SHIP_TO_STORE else row.store_id
    _check_scope(ctx.actor, at_store)
    check_return_to_stock(row.status, row.bin, row.returned_at is not None)
    if args.bin is not None and args.bin != row.bin:
        raise VerificationFailed(f"this order was in bin {row.bin}, not in bin {args.bin}")
    _update_fulfillment(ctx, row, returned_at=ctx.now, returned_by=ctx.actor.staff_id)
    _audit(
        ctx,
        "fulfillment",
        str(row.id),
        "return_to_stock",
        None,
        {"bin": row.bin, "bin_scanned": args.bin is not None},
    )


def _reject_line(ctx: Context, row: Any, args: WireModel) -> None:
    assert isinstance(args, args_mod.RejectLineArgs)
    from desktop_oms.server import routing

    _check_scope(ctx.actor, row.store_id)
    require_reason(ReasonKind.REJECT, args.reason)
    if S(row.status) not in (S.OPEN, S.PICKING):
        raise IllegalTransition(f"cannot reject lines of a fulfillment that is {row.status}")
    lines = _lines(ctx, row.id)
    line = next((x for x in lines if x.line_no == args.line_no), None)
    if line is None:
        raise NotFound(f"line {args.line_no} is not part of this fulfillment")
    if args.quantity > _remaining(line):
        raise IllegalTransition(
            f"line {args.line_no}: cannot reject {args.quantity}, only {_remaining(line)} left"
        )
    fl = t.fulfillment_lines.c
    ctx.conn.execute(
        sa.update(t.fulfillment_lines)
        .where(fl.id == line.id)
        .values(rejected=fl.rejected + args.quantity)
    )
    ctx.conn.execute(
        sa.insert(t.fulfillment_rejections).values(
            fulfillment_id=row.id,
            line_no=line.line_no,
            sku=line.sku,
            quantity=args.quantity,
            reason=args.reason,
            at=ctx.now,
            staff_id=ctx.actor.staff_id,
        )
    )
    _release(ctx, row.store_id, line.sku, args.quantity)
    destination = row.destination_store_id if row.method == M.SHIP_TO_STORE else None
    if row.method == M.STORE_PICKUP:
        destination = row.store_id
    routing.reroute(
        ctx.conn,
        row.order_id,
        line.line_no,
        line.sku,
        args.quantity,
        exclude_store_ids={row.store_id},
        destination=destination,
    )
    left = sum(_remaining(x) for x in lines) - args.quantity
    values: dict[str, Any] = {}
    if left == 0:
        values["status"] = _status_step(ctx, row, Action.REJECT, {Requirement.REASON}).value
    _update_fulfillment(ctx, row, **values)
    _bump_order(ctx, row.order_id)
    _audit(
        ctx,
        "fulfillment",
        str(row.id),
        "reject_line",
        args.reason,
        {"line_no": args.line_no, "quantity": args.quantity},
    )


# --- order commands --------------------------------------------------------------------


def _load_order(ctx: Context, number: str) -> Any:
    row = ctx.conn.execute(_lock(ctx, sa.select(t.orders).where(t.orders.c.number == number)))
    found = row.first()
    if found is None:
        raise NotFound(f"order {number} does not exist")
    return found


def _order_fulfillments(ctx: Context, order_id: int) -> list[Any]:
    f = t.fulfillments.c
    return list(
        ctx.conn.execute(
            _lock(ctx, sa.select(t.fulfillments).where(f.order_id == order_id).order_by(f.id))
        )
    )


def _check_order_scope(ctx: Context, fulfillments: list[Any]) -> None:
    stores: set[int | None] = set()
    for f in fulfillments:
        stores.update((f.store_id, f.destination_store_id))
    _check_scope(ctx.actor, *stores)


def _change_quantity(ctx: Context, order: Any, args: WireModel) -> None:
    assert isinstance(args, args_mod.ChangeQuantityArgs)
    require_reason(ReasonKind.CANCEL, args.reason)
    ful = _order_fulfillments(ctx, order.id)
    _check_order_scope(ctx, ful)
    ol = t.order_lines.c
    oline = ctx.conn.execute(
        sa.select(t.order_lines).where(ol.order_id == order.id, ol.line_no == args.line_no)
    ).first()
    if oline is None:
        raise NotFound(f"order {order.number} has no line {args.line_no}")
    active = oline.quantity - oline.cancelled - oline.unfillable
    if args.quantity > active:
        raise IllegalTransition("a quantity can only be lowered; add a new order for more")
    cut = active - args.quantity
    if cut == 0:
        return
    fl = t.fulfillment_lines.c
    for f in ful:
        if cut == 0:
            break
        if S(f.status) not in (S.OPEN, S.PICKING):
            continue
        line = ctx.conn.execute(
            sa.select(t.fulfillment_lines).where(
                fl.fulfillment_id == f.id, fl.line_no == args.line_no
            )
        ).first()
        if line is None or _remaining(line) == 0:
            continue
        take = min(cut, _remaining(line))
        ctx.conn.execute(
            sa.update(t.fulfillment_lines)
            .where(fl.id == line.id)
            .values(quantity=fl.quantity - take)
        )
        _release(ctx, f.store_id, line.sku, take)
        cut -= take
        if sum(_remaining(x) for x in _lines(ctx, f.id)) == 0:
            _update_fulfillment(ctx, f, status=S.CANCELLED.value)
        else:
            _update_fulfillment(ctx, f)
    if cut:
        raise IllegalTransition(
            f"line {args.line_no}: {cut} of it is already being picked, packed or handed over"
        )
    ctx.conn.execute(
        sa.update(t.order_lines)
        .where(ol.id == oline.id)
        .values(cancelled=ol.cancelled + (active - args.quantity))
    )
    _bump_order(ctx, order.id)
    _audit(
        ctx,
        "order",
        order.number,
        "change_quantity",
        args.reason,
        {"line_no": args.line_no, "quantity": args.quantity},
    )


def _cancel_order(ctx: Context, order: Any, args: WireModel) -> None:
    assert isinstance(args, args_mod.ReasonArgs)
    require_reason(ReasonKind.CANCEL, args.reason)
    ful = _order_fulfillments(ctx, order.id)
    _check_order_scope(ctx, ful)
    open_ones = [f for f in ful if not S(f.status).terminal]
    if not open_ones:
        raise IllegalTransition(f"order {order.number} has nothing left to cancel")
    for f in open_ones:
        _end(ctx, f, Action.CANCEL, args.reason, notify.NoticeKind.CANCELLED)
    _bump_order(ctx, order.id)
    _audit(ctx, "order", order.number, "cancel_order", args.reason, {"note": args.note})


def _change_pickup_store(ctx: Context, order: Any, args: WireModel) -> None:
    assert isinstance(args, args_mod.ChangePickupStoreArgs)
    from desktop_oms.server import routing

    if order.delivery != "pickup":
        raise IllegalTransition(f"order {order.number} is delivered, not picked up")
    store = ctx.conn.execute(
        sa.select(t.stores.c.id, t.stores.c.kind).where(t.stores.c.id == args.store_id)
    ).first()
    if store is None or store.kind != "store":
        raise NotFound(f"store {args.store_id} does not exist")
    if store.id == order.pickup_store_id:
        raise IllegalTransition("the order is already picked up at that store")
    ful = _order_fulfillments(ctx, order.id)
    _check_order_scope(ctx, ful)
    movable = [f for f in ful if S(f.status) in (S.OPEN, S.PICKING)]
    if len(movable) != len([f for f in ful if not S(f.status).terminal]):
        raise IllegalTransition(
            "part of the order is already on its way or ready: cancel and re-order instead"
        )
    if not movable:
        raise IllegalTransition(f"order {order.number} has nothing left to move")
    for f in movable:
        lines = _lines(ctx, f.id)
        _return_goods(ctx, f, lines)
        new = _status_step(ctx, f, Action.CANCEL, {Requirement.REASON})
        _update_fulfillment(ctx, f, status=new.value)
        for line in lines:
            qty = _remaining(line)
            if qty:
                routing.reroute(
                    ctx.conn,
                    order.id,
                    line.line_no,
                    line.sku,
                    qty,
                    exclude_store_ids=set(),
                    destination=store.id,
                )
    _bump_order(ctx, order.id, pickup_store_id=store.id)
    _audit(
        ctx,
        "order",
        order.number,
        "change_pickup_store",
        None,
        {"from": order.pickup_store_id, "to": store.id},
    )


def _release_hold(ctx: Context, order: Any, args: WireModel) -> None:
    assert isinstance(args, args_mod.ReleaseHoldArgs)
    if order.fraud_state != "review":
        raise IllegalTransition(f"order {order.number} is not on fraud review")
    _check_order_scope(ctx, _order_fulfillments(ctx, order.id))
    _bump_order(ctx, order.id, fraud_state="released")
    _audit(ctx, "order", order.number, "release_fraud_hold", None, {"note": args.note})


def _store_row(ctx: Context, store_id: int, *, pickup: bool) -> Any:
    """A store (``pickup``: a store customers can go to, not a DC), else NotFound."""
    s = t.stores.c
    row = ctx.conn.execute(
        sa.select(s.id, s.code, s.name, s.kind, s.city, s.latitude, s.longitude).where(
            s.id == store_id
        )
    ).first()
    if row is None or (pickup and row.kind != "store"):
        what = "store" if pickup else "location"
        raise NotFound(f"{what} {store_id} does not exist")
    return row


def _locate(
    ctx: Context, order: Any, address: args_mod.DeliveryAddress
) -> tuple[float, float, str]:
    """Where a new delivery address is, to choose the shipping store: its own geocode, else
    the order's old delivery point in the same postal code, else a store in the same
    city, else the pickup store; and how it was placed."""
    if address.latitude is not None and address.longitude is not None:
        return address.latitude, address.longitude, "given"
    old = order.shipping_address or {}
    same_postal = str(old.get("postal_code", "")).replace(" ", "").upper() == (
        address.postal_code.replace(" ", "")
    )
    if same_postal and old.get("latitude") is not None and old.get("longitude") is not None:
        return float(old["latitude"]), float(old["longitude"]), "previous_address"
    s = t.stores.c
    city = ctx.conn.execute(
        sa.select(s.latitude, s.longitude)
        .where(sa.func.lower(s.city) == address.city.strip().lower(), s.kind == "store")
        .order_by(s.id)
        .limit(1)
    ).first()
    if city is not None:
        return float(city.latitude), float(city.longitude), "city"
    if order.pickup_store_id is not None:
        store = _store_row(ctx, order.pickup_store_id, pickup=False)
        return float(store.latitude), float(store.longitude), "pickup_store"
    raise MissingRequirement(
        f"cannot place {address.city}: give the address's latitude and longitude"
    )


def _delivery_state(order: Any) -> dict[str, Any]:
    """How an order reaches its customer, for the before/after of an audit row."""
    return {
        "method": order.delivery,
        "store_id": order.pickup_store_id,
        "address": order.shipping_address,
        "shipping_service": order.shipping_service,
    }


def _change_delivery(ctx: Context, order: Any, args: WireModel) -> None:
    """Switch between pickup and delivery (or move either): the open fulfillments end
    (goods back in stock where they are, labels voided) and the lines are routed again."""
    assert isinstance(args, args_mod.ChangeDeliveryArgs)
    from desktop_oms.server import routing

    require_reason(ReasonKind.CHANGE, args.reason)
    values: dict[str, Any]
    if args.method == "pickup":
        assert args.store_id is not None
        store = _store_row(ctx, args.store_id, pickup=True)
        if order.delivery == "pickup" and order.pickup_store_id == store.id:
            raise IllegalTransition(f"order {order.number} is already picked up at {store.name}")
        destination: int | None = store.id
        values = {
            "delivery": "pickup",
            "pickup_store_id": store.id,
            "shipping_address": None,
            "shipping_service": "standard",
        }
    else:
        assert args.address is not None
        lat, lon, located_by = _locate(ctx, order, args.address)
        address = args.address.model_dump(mode="json")
        address.update(latitude=lat, longitude=lon, located_by=located_by)
        destination = None
        values = {
            "delivery": "delivery",
            "pickup_store_id": None,
            "shipping_address": address,
            "shipping_service": args.shipping_service.value,
        }
    ful = _order_fulfillments(ctx, order.id)
    live = [f for f in ful if not S(f.status).terminal]
    moving = [f for f in live if S(f.status) is S.IN_TRANSIT]
    if moving:
        raise IllegalTransition(
            f"order {order.number}: goods are on their way to the pickup store "
            f"(fulfillment {moving[0].id}); change it once they arrived"
        )
    if not live:
        done = sorted({f.status for f in ful if S(f.status).completed})
        why = f"it was already {' and '.join(done).replace('_', ' ')}" if done else "it ended"
        raise IllegalTransition(f"order {order.number} has nothing left to change: {why}")
    requeue: dict[tuple[int, str], int] = {}
    for f in live:
        new = _status_step(ctx, f, Action.CANCEL, {Requirement.REASON})
        if f.status == S.PACKED:
            _void_labels(ctx, f, Action.CANCEL)
        lines = _lines(ctx, f.id)
        _return_goods(ctx, f, lines)
        _update_fulfillment(ctx, f, status=new.value)
        for line in lines:
            if _remaining(line):
                key = (line.line_no, line.sku)
                requeue[key] = requeue.get(key, 0) + _remaining(line)
    before = _delivery_state(order)
    ctx.conn.execute(sa.update(t.orders).where(t.orders.c.id == order.id).values(**values))
    for (line_no, sku), qty in sorted(requeue.items()):
        routing.reroute(
            ctx.conn,
            order.id,
            line_no,
            sku,
            qty,
            exclude_store_ids=set(),
            destination=destination,
            now=ctx.now,
        )
    _bump_order(ctx, order.id)
    after = {
        "method": values["delivery"],
        "store_id": values["pickup_store_id"],
        "address": values["shipping_address"],
        "shipping_service": values["shipping_service"],
    }
    _audit(
        ctx,
        "order",
        order.number,
        "change_delivery",
        args.reason,
        {"before": before, "after": after, "cancelled": [f.id for f in live]},
    )


#: Where damaged units of a line can be replaced: goods not yet packed, shipped or on a truck.
REPLACEABLE = frozenset({S.OPEN, S.PICKING, S.ARRIVED, S.READY_FOR_PICKUP})


def _write_off(ctx: Context, f: Any, line: Any, take: int, reason: str) -> int:
    """Write ``take`` damaged units of a fulfillment line off where they are; the store."""
    fl = t.fulfillment_lines.c
    ctx.conn.execute(
        sa.update(t.fulfillment_lines).where(fl.id == line.id).values(rejected=fl.rejected + take)
    )
    ctx.conn.execute(
        sa.insert(t.fulfillment_rejections).values(
            fulfillment_id=f.id,
            line_no=line.line_no,
            sku=line.sku,
            quantity=take,
            reason=reason,
            at=ctx.now,
            staff_id=ctx.actor.staff_id,
        )
    )
    c = {"station_id": ctx.actor.station_id, "command_seq": ctx.command_seq}
    if _goods_left_source(f):
        # a transfer's goods are in no stock level at the pickup store: booked in, then out
        store = int(f.destination_store_id)
        for delta, kind in ((take, "returned"), (-take, "damaged")):
            reservations.add_on_hand(ctx.conn, store, line.sku, delta, kind=kind, now=ctx.now, **c)
    else:
        store = int(f.store_id)
        reservations.consume(ctx.conn, store, line.sku, take, kind="damaged", now=ctx.now, **c)
    return store


def _replace_item(ctx: Context, order: Any, args: WireModel) -> None:
    """Damaged units of a line are written off where they are and replaced from
    ``source_store_id`` (reserved there now; shipped to the pickup store, or to the
    customer for a delivery); refused when the source has too little available."""
    assert isinstance(args, args_mod.ReplaceItemArgs)
    from desktop_oms.server import routing

    require_reason(ReasonKind.REJECT, args.reason)
    source = _store_row(ctx, args.source_store_id, pickup=False)
    ol = t.order_lines.c
    oline = ctx.conn.execute(
        sa.select(t.order_lines).where(ol.order_id == order.id, ol.line_no == args.line_no)
    ).first()
    if oline is None:
        raise NotFound(f"order {order.number} has no line {args.line_no}")
    held: list[tuple[Any, Any]] = []
    elsewhere: list[str] = []
    for f in _order_fulfillments(ctx, order.id):
        line = next((x for x in _lines(ctx, f.id) if x.line_no == args.line_no), None)
        if line is None or _remaining(line) == 0 or S(f.status).terminal:
            continue
        if S(f.status) in REPLACEABLE:
            held.append((f, line))
        else:
            elsewhere.append(f.status.replace("_", " "))
    available = sum(_remaining(line) for _, line in held)
    if args.quantity > available:
        extra = f" (the rest is {', '.join(elsewhere)})" if elsewhere else ""
        raise IllegalTransition(
            f"line {args.line_no}: cannot replace {args.quantity}, only {available} "
            f"not yet packed or shipped{extra}"
        )
    plan: list[tuple[Any, Any, int]] = []
    left = args.quantity
    for f, line in held:
        if left == 0:
            break
        take = min(left, _remaining(line))
        plan.append((f, line, take))
        left -= take
        at_store = f.destination_store_id if _goods_left_source(f) else f.store_id
        _check_scope(ctx.actor, at_store)  # goods are written off where they are
    stock = reservations.available(ctx.conn, oline.sku, [source.id])
    atp = stock[0].atp if stock else 0
    if atp < args.quantity or not reservations.reserve(
        ctx.conn, source.id, oline.sku, args.quantity
    ):
        raise InsufficientStock(
            f"{source.name} has {atp} of {oline.sku} available, {args.quantity} needed"
        )
    written: list[dict[str, Any]] = []
    for f, line, take in plan:
        store = _write_off(ctx, f, line, take, args.reason)
        written.append({"fulfillment_id": f.id, "store_id": store, "quantity": take})
        if sum(_remaining(x) for x in _lines(ctx, f.id)) > 0:
            _update_fulfillment(ctx, f)
        elif S(f.status) in (S.OPEN, S.PICKING):
            _update_fulfillment(
                ctx, f, status=_status_step(ctx, f, Action.REJECT, {Requirement.REASON}).value
            )
        else:  # a staged pickup whose goods were all written off: its bin is empty
            _update_fulfillment(
                ctx,
                f,
                status=S.CANCELLED.value,
                returned_at=ctx.now,
                returned_by=ctx.actor.staff_id,
            )
    if order.delivery == "pickup" and order.pickup_store_id is not None:
        if source.id == order.pickup_store_id:
            alloc = routing.Allocation(source.id, args.quantity, M.STORE_PICKUP)
        else:
            alloc = routing.Allocation(
                source.id, args.quantity, M.SHIP_TO_STORE, order.pickup_store_id
            )
    else:
        alloc = routing.Allocation(source.id, args.quantity, M.SHIP_FROM_STORE)
    placed = routing.attach(
        ctx.conn, order.id, alloc, line_no=args.line_no, sku=oline.sku, now=ctx.now
    )
    _bump_order(ctx, order.id)
    _audit(
        ctx,
        "order",
        order.number,
        "replace_item",
        args.reason,
        {
            "line_no": args.line_no,
            "sku": oline.sku,
            "quantity": args.quantity,
            "before": written,
            "after": {
                "fulfillment_id": placed.fulfillment_id,
                "store_id": source.id,
                "method": alloc.method.value,
                "destination_store_id": alloc.destination_store_id,
            },
        },
    )


def _edit_contact(ctx: Context, order: Any, args: WireModel) -> None:
    """Change the customer's name, e-mail, phone and/or the order's alternate pickup
    person: only the fields given. The customer's other orders show the new details too."""
    assert isinstance(args, args_mod.EditContactArgs)
    given = args.model_fields_set
    cu = t.customers.c
    customer = ctx.conn.execute(sa.select(t.customers).where(cu.id == order.customer_id)).one()
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    changes: dict[str, Any] = {}
    for name in ("name", "email", "phone"):
        if name in given and getattr(args, name) != getattr(customer, name):
            before[name], after[name] = getattr(customer, name), getattr(args, name)
            changes[name] = getattr(args, name)
    order_values: dict[str, Any] = {}
    if "alternate_pickup_name" in given and args.alternate_pickup_name != (
        order.alternate_pickup_name or None
    ):
        before["alternate_pickup_name"] = order.alternate_pickup_name
        after["alternate_pickup_name"] = args.alternate_pickup_name
        order_values["alternate_pickup_name"] = args.alternate_pickup_name
    if not after:
        raise IllegalTransition("nothing changed: the details given are the current ones")
    if changes:
        ctx.conn.execute(sa.update(t.customers).where(cu.id == customer.id).values(**changes))
        o, f = t.orders.c, t.fulfillments.c
        others = ctx.conn.execute(
            sa.select(f.id)
            .join(t.orders, o.id == f.order_id)
            .where(o.customer_id == customer.id, o.id != order.id)
        ).scalars()
        feed.touch_many(ctx.conn, Kind.FULFILLMENT, list(others))
    _bump_order(ctx, order.id, **order_values)
    _audit(ctx, "order", order.number, "edit_contact", None, {"before": before, "after": after})


def _resend_ready_notice(ctx: Context, order: Any, args: WireModel) -> None:
    """Queue the ready-for-pickup notice again for each ready pickup of the order (at the
    actor's store, for store staff). Changes nothing on the order, so its version stays."""
    assert isinstance(args, args_mod.NoArgs)
    ready = [f for f in _order_fulfillments(ctx, order.id) if S(f.status) is S.READY_FOR_PICKUP]
    if not ready:
        raise IllegalTransition(
            f"order {order.number} has nothing ready for pickup: there is no notice to resend"
        )
    mine = [
        f
        for f in ready
        if ctx.actor.role.chain_wide
        or ctx.actor.store_id
        == (f.destination_store_id if f.method == M.SHIP_TO_STORE else f.store_id)
    ]
    if not mine:
        raise OutOfScope(f"order {order.number} is ready at another store, not yours")
    for f in mine:
        notify.enqueue(ctx.conn, f.id, notify.NoticeKind.READY_FOR_PICKUP)
    recipient = ctx.conn.execute(
        sa.select(t.customers.c.email).where(t.customers.c.id == order.customer_id)
    ).scalar_one()
    _audit(
        ctx,
        "order",
        order.number,
        "resend_ready_notice",
        None,
        {"fulfillment_ids": [f.id for f in mine], "recipient": recipient},
    )


# --- inventory -------------------------------------------------------------------------


def _moved_since(
    ctx: Context, store_id: int, sku: str, since: int, counted_at_seq: int | None
) -> int:
    """The net movement of a stock level after version ``since``, leaving out movements of
    this station's own commands with seq <= ``counted_at_seq`` (done before the count)."""
    sm = t.stock_movements.c
    where = [sm.store_id == store_id, sm.sku == sku, sm.version > since]
    if ctx.actor.station_id is not None and counted_at_seq is not None:
        where.append(
            sa.or_(
                sm.station_id.is_(None),
                sm.station_id != ctx.actor.station_id,
                sm.command_seq.is_(None),
                sm.command_seq > counted_at_seq,
            )
        )
    moved = ctx.conn.execute(
        sa.select(sa.func.coalesce(sa.func.sum(sm.delta), 0)).where(*where)
    ).scalar_one()
    return int(moved)


def _adjust(ctx: Context, key: str, args: WireModel, base_version: int | None) -> None:
    """Correct a stock level by a delta (version-checked), or to a count.

    A count is never a blind overwrite (it would lose sales made while the shelf was being
    counted): new on hand = counted + the movements after ``base_version`` (the version
    the station had confirmed when it counted), excluding the movements of this station's
    own commands with seq <= ``args.counted_at_seq`` (they physically preceded the count
    even when the server applied them after ``base_version``). Without a base version
    (staff API) the count overwrites. A result below zero is refused.
    """
    assert isinstance(args, args_mod.AdjustInventoryArgs)
    require_reason(ReasonKind.ADJUST, args.reason)
    store_text, _, sku = key.partition(":")
    parsed = parse_db_id(store_text)
    if parsed is None or not sku:
        raise NotFound(f"{key!r} is not a stock key (store_id:sku)")
    store_id = parsed
    _check_scope(ctx.actor, store_id)
    inv = t.inventory.c
    row = ctx.conn.execute(
        _lock(ctx, sa.select(t.inventory).where(inv.store_id == store_id, inv.sku == sku))
    ).first()
    if row is None:
        if ctx.conn.execute(sa.select(t.products.c.sku).where(t.products.c.sku == sku)).first():
            on_hand, version = 0, 0
        else:
            raise NotFound(f"SKU {sku} does not exist")
    else:
        on_hand, version = row.on_hand, row.version
    details: dict[str, Any] = {"quantity": args.quantity}
    if args.mode == "delta":
        _check_version("stock", base_version, version)
        delta = args.quantity
        if on_hand + delta < 0:
            raise InsufficientStock(f"stock of {sku} cannot go below zero (on hand {on_hand})")
    else:
        if args.quantity < 0:
            raise MissingRequirement("a counted quantity cannot be negative")
        since = base_version if base_version is not None else version
        moved = _moved_since(ctx, store_id, sku, since, args.counted_at_seq)
        if args.quantity + moved < 0:
            raise InsufficientStock(
                f"count of {sku}: {args.quantity} counted, {moved:+d} moved since the count "
                f"would leave {args.quantity + moved}: recount the shelf"
            )
        delta = args.quantity + moved - on_hand
        details.update(moved=moved, base_version=base_version, counted_at_seq=args.counted_at_seq)
    details["delta"] = delta
    reservations.add_on_hand(
        ctx.conn,
        store_id,
        sku,
        delta,
        kind=f"adjust:{args.reason}",
        now=ctx.now,
        station_id=ctx.actor.station_id,
        command_seq=ctx.command_seq,
    )
    _audit(ctx, "inventory", key, f"adjust_{args.mode}", args.reason, details)


# --- dispatch --------------------------------------------------------------------------

FulfillmentHandler = Callable[[Context, Any, WireModel], None]
OrderHandler = Callable[[Context, Any, WireModel], None]

_FULFILLMENT: dict[CommandName, FulfillmentHandler] = {
    CommandName.START_PICKING: _start_picking,
    CommandName.MARK_READY: _mark_ready,
    CommandName.HAND_OVER: _hand_over,
    CommandName.PACK: _pack,
    CommandName.UNPACK: _unpack,
    CommandName.SHIP: _ship,
    CommandName.DISPATCH_TRANSFER: _dispatch,
    CommandName.RECEIVE_TRANSFER: _receive,
    CommandName.CANCEL: _cancel,
    CommandName.EXPIRE: _expire,
    CommandName.REJECT_LINE: _reject_line,
    CommandName.RETURN_TO_STOCK: _return_to_stock,
}
_ORDER: dict[CommandName, OrderHandler] = {
    CommandName.CHANGE_QUANTITY: _change_quantity,
    CommandName.CANCEL_ORDER: _cancel_order,
    CommandName.CHANGE_PICKUP_STORE: _change_pickup_store,
    CommandName.RELEASE_FRAUD_HOLD: _release_hold,
    CommandName.CHANGE_DELIVERY: _change_delivery,
    CommandName.REPLACE_ITEM: _replace_item,
    CommandName.EDIT_CONTACT: _edit_contact,
    CommandName.RESEND_READY_NOTICE: _resend_ready_notice,
}


def parse_args(name: CommandName, raw: Mapping[str, Any]) -> WireModel:
    """Validate a command's arguments; MissingRequirement names the first problem."""
    return args_mod.parse_args(name, raw)


def run(
    conn: Connection,
    actor: Actor,
    name: CommandName,
    target_key: str,
    raw_args: Mapping[str, Any],
    base_version: int | None = None,
    *,
    now: datetime | None = None,
    pickup_hold_days: int = 7,
    command_seq: int | None = None,
) -> None:
    """Apply one command in the caller's transaction, or raise the DomainError refusing it.

    ``command_seq`` is the station's outbox seq of a pushed command (``actor.station_id``
    says which station); the stock movements it causes record both.
    """
    check_role(name, actor.role)
    args = parse_args(name, raw_args)
    ctx = Context(conn, actor, now or datetime.now(UTC), pickup_hold_days, command_seq=command_seq)
    spec = COMMANDS[name]
    if name in _FULFILLMENT:
        fid = parse_db_id(target_key)
        if fid is None:
            raise NotFound(f"{target_key!r} is not a fulfillment id")
        row = _load_fulfillment(ctx, fid)
        _check_scope(actor, row.store_id, row.destination_store_id)
        _check_version(f"fulfillment {fid}", base_version, row.version)
        _FULFILLMENT[name](ctx, row, args)
    elif name in _ORDER:
        order = _load_order(ctx, target_key)
        _check_order_scope(ctx, _order_fulfillments(ctx, order.id))
        _check_version(f"order {target_key}", base_version, order.version)
        _ORDER[name](ctx, order, args)
    else:
        assert spec.name is CommandName.ADJUST_INVENTORY
        _adjust(ctx, target_key, args, base_version)


def execute(
    db: Database,
    actor: Actor,
    name: CommandName,
    target_key: str,
    args: Mapping[str, Any],
    base_version: int | None = None,
    *,
    now: datetime | None = None,
) -> None:
    """Apply one command in its own write transaction (seeding, jobs, staff API)."""
    with db.write() as conn:
        run(conn, actor, name, target_key, args, base_version, now=now)


SYSTEM = Actor(staff_id=0, role=Role.ADMIN, store_id=None)


def expire_overdue(db: Database, *, now: datetime | None = None, limit: int = 100) -> int:
    """Expire ready pickups whose deadline has passed (stock goes back). Returns how many."""
    now = now or datetime.now(UTC)
    f = t.fulfillments.c
    done = 0
    with db.write() as conn:
        query = (
            sa.select(f.id)
            .where(f.status == S.READY_FOR_PICKUP.value, f.pickup_deadline < now)
            .order_by(f.id)
            .limit(limit)
        )
        if db.is_postgres:
            query = query.with_for_update(skip_locked=True)
        for fid in conn.execute(query).scalars().all():
            run(conn, SYSTEM, CommandName.EXPIRE, str(fid), {}, now=now)
            done += 1
    return done
