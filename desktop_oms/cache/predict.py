"""The optimistic local effect of a command: the documents the server would produce.

Each prediction checks what the server checks and can be checked offline (status
machine, role, requirements, reasons, store scope, the target's version, a pickup code)
and raises the same :class:`DomainError`, so the UI can say why at once. It returns new
documents with the version the server would give them; the server still decides.
Order-level changes that depend on data the station does not hold (line quantities
across other stores, re-routing, another location's stock) are validated but only their
local part is predicted: the fulfillments here that end or lose units; the new
fulfillments come from the server.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from desktop_oms.cache.rows import utc_text
from desktop_oms.domain.commands import CommandName
from desktop_oms.domain.errors import (
    IllegalTransition,
    InsufficientStock,
    MissingRequirement,
    NotFound,
    OutOfScope,
    StaleVersion,
    VerificationFailed,
)
from desktop_oms.domain.identifiers import validate_bin
from desktop_oms.domain.reasons import ReasonKind, require_reason
from desktop_oms.domain.roles import Role
from desktop_oms.domain.status import (
    ACTIVE,
    Action,
    FulfillmentMethod,
    FulfillmentStatus,
    Requirement,
    check_return_to_stock,
    transition,
)
from desktop_oms.protocol import commands as args_mod

Doc = dict[str, Any]
M = FulfillmentMethod
S = FulfillmentStatus

DEFAULT_PICKUP_HOLD_DAYS = 7


@dataclass
class Context:
    """What a prediction may look at: the actor, the station's store, the clock, settings."""

    role: Role
    store_id: int | None
    now: datetime
    pickup_hold_days: int = DEFAULT_PICKUP_HOLD_DAYS
    staff_id: int | None = None


@dataclass
class Prediction:
    """Predicted documents: fulfillments and stock rows (as ``inventory`` rows)."""

    fulfillments: list[Doc] = field(default_factory=list)
    inventory: list[tuple[int, str, int, int, int, int]] = field(default_factory=list)


def _provided(args: Mapping[str, Any]) -> set[Requirement]:
    given = {
        Requirement.BIN: args.get("bin"),
        Requirement.VERIFICATION: args.get("verification"),
        Requirement.REASON: args.get("reason"),
        Requirement.TRACKING: args.get("tracking"),
        Requirement.BOXES: args.get("boxes"),
    }
    return {req for req, value in given.items() if value}


def _check_scope(ctx: Context, *store_ids: int | None) -> None:
    if ctx.role.chain_wide or ctx.store_id is None:
        return
    if ctx.store_id not in store_ids:
        raise OutOfScope("this belongs to another store", why="other_store")


def _pickup_store(doc: Mapping[str, Any]) -> int | None:
    key = "destination_store_id" if doc["method"] == M.SHIP_TO_STORE else "store_id"
    value = doc[key]
    return None if value is None else int(value)


def _remaining(line: Mapping[str, Any]) -> int:
    return int(line["quantity"] - line["rejected"] - line["refused"])


def _step(ctx: Context, doc: Doc, action: Action, args: Mapping[str, Any]) -> FulfillmentStatus:
    return transition(M(doc["method"]), S(doc["status"]), action, ctx.role, _provided(args))


def _bumped(ctx: Context, doc: Doc, **values: Any) -> Doc:
    new = copy.deepcopy(doc)
    new.update(values)
    new["version"] = doc["version"] + 1
    new["updated_at"] = utc_text(ctx.now)
    return new


def _bump_order(doc: Doc, **values: Any) -> None:
    doc["order"] = {**doc["order"], **values, "version": doc["order"]["version"] + 1}


# --- fulfillment commands ----------------------------------------------------------------


def _start_picking(ctx: Context, doc: Doc, args: Mapping[str, Any]) -> Doc:
    _check_scope(ctx, doc["store_id"])
    status = _step(ctx, doc, Action.START_PICKING, args).value
    picker = args.get("picker_id")
    return _bumped(ctx, doc, status=status, picker_id=ctx.staff_id if picker is None else picker)


def _mark_ready(ctx: Context, doc: Doc, args: Mapping[str, Any]) -> Doc:
    _check_scope(ctx, _pickup_store(doc))
    status = _step(ctx, doc, Action.MARK_READY, args)
    deadline = utc_text(ctx.now + timedelta(days=ctx.pickup_hold_days))
    new = _bumped(
        ctx, doc, status=status.value, bin=validate_bin(args["bin"]), pickup_deadline=deadline
    )
    for line in new["lines"]:
        line["picked"] = line["quantity"] - line["rejected"]
    return new


def _verify(doc: Mapping[str, Any], proof: Mapping[str, Any]) -> None:
    if proof.get("method") == "pickup_code":
        if not proof.get("pickup_code"):
            raise MissingRequirement("hand over by pickup code needs the code", why="pickup_code")
        if proof["pickup_code"] != doc.get("pickup_code"):
            raise VerificationFailed("the pickup code does not match this order", why="pickup_code")
        return
    missing = [n for n in ("collector_name", "id_type", "id_last_digits") if not proof.get(n)]
    if missing:
        raise MissingRequirement(
            f"an ID check needs: {', '.join(missing)}", why="id_check", missing=", ".join(missing)
        )


def _hand_over(ctx: Context, doc: Doc, args: Mapping[str, Any]) -> Doc:
    _check_scope(ctx, _pickup_store(doc))
    status = _step(ctx, doc, Action.HAND_OVER, args)
    _verify(doc, args["verification"])
    lines = {line["line_no"]: line for line in doc["lines"]}
    refused: dict[int, int] = {}
    for item in args.get("refused", []):
        require_reason(ReasonKind.REFUSE, item.get("reason"))
        line = lines.get(item["line_no"])
        if line is None:
            raise NotFound(
                f"line {item['line_no']} is not part of this fulfillment",
                why="line",
                line=str(item["line_no"]),
            )
        refused[item["line_no"]] = refused.get(item["line_no"], 0) + item["quantity"]
        if refused[item["line_no"]] > _remaining(line):
            raise IllegalTransition(
                f"line {item['line_no']}: cannot refuse {refused[item['line_no']]}, "
                f"only {_remaining(line)} to hand over",
                why="refuse_too_many",
                line=str(item["line_no"]),
                quantity=str(refused[item["line_no"]]),
                left=str(_remaining(line)),
            )
    if lines and all(refused.get(n, 0) == _remaining(line) for n, line in lines.items()):
        raise IllegalTransition(
            "every item was refused: cancel the order instead", why="all_refused"
        )
    new = _bumped(ctx, doc, status=status.value)
    for line in new["lines"]:
        line["refused"] += refused.get(line["line_no"], 0)
    return new


def _pack(ctx: Context, doc: Doc, args: Mapping[str, Any]) -> Doc:
    _check_scope(ctx, doc["store_id"])
    status = _step(ctx, doc, Action.PACK, args)
    return _bumped(ctx, doc, status=status.value, boxes=list(args["boxes"]))


def _unpack(ctx: Context, doc: Doc, args: Mapping[str, Any]) -> Doc:
    _check_scope(ctx, doc["store_id"])
    require_reason(ReasonKind.UNPACK, args.get("reason"))
    status = _step(ctx, doc, Action.UNPACK, args)
    return _bumped(ctx, doc, status=status.value, boxes=[])


def _ship(ctx: Context, doc: Doc, args: Mapping[str, Any]) -> Doc:
    _check_scope(ctx, doc["store_id"])
    status = _step(ctx, doc, Action.SHIP, args)
    if not args.get("carrier"):
        raise MissingRequirement("ship needs: carrier", why="carrier")
    return _bumped(
        ctx, doc, status=status.value, carrier=args["carrier"], tracking=args["tracking"]
    )


def _dispatch(ctx: Context, doc: Doc, args: Mapping[str, Any]) -> Doc:
    _check_scope(ctx, doc["store_id"])
    status = _step(ctx, doc, Action.DISPATCH_TRANSFER, args)
    return _bumped(ctx, doc, status=status.value, tracking=args["tracking"])


def _receive(ctx: Context, doc: Doc, args: Mapping[str, Any]) -> Doc:
    _check_scope(ctx, doc["destination_store_id"])
    return _bumped(ctx, doc, status=_step(ctx, doc, Action.RECEIVE_TRANSFER, args).value)


def _cancel(ctx: Context, doc: Doc, args: Mapping[str, Any]) -> Doc:
    _check_scope(ctx, doc["store_id"], doc["destination_store_id"])
    require_reason(ReasonKind.CANCEL, args.get("reason"))
    return _bumped(ctx, doc, status=_step(ctx, doc, Action.CANCEL, args).value)


def _expire(ctx: Context, doc: Doc, args: Mapping[str, Any]) -> Doc:
    _check_scope(ctx, _pickup_store(doc))
    return _bumped(ctx, doc, status=_step(ctx, doc, Action.EXPIRE, args).value)


def _return_to_stock(ctx: Context, doc: Doc, args: Mapping[str, Any]) -> Doc:
    _check_scope(ctx, _pickup_store(doc))
    check_return_to_stock(doc["status"], doc.get("bin"), doc.get("returned_at") is not None)
    scanned = args.get("bin")
    if scanned is not None and scanned != doc.get("bin"):
        raise VerificationFailed(
            f"this order was in bin {doc.get('bin')}, not in bin {scanned}",
            why="wrong_bin",
            bin=str(doc.get("bin")),
            scanned=str(scanned),
        )
    return _bumped(ctx, doc, returned_at=utc_text(ctx.now), returned_by=ctx.staff_id)


def _reject_line(ctx: Context, doc: Doc, args: Mapping[str, Any]) -> Doc:
    _check_scope(ctx, doc["store_id"])
    require_reason(ReasonKind.REJECT, args.get("reason"))
    if S(doc["status"]) not in (S.OPEN, S.PICKING):
        raise IllegalTransition(
            f"cannot reject lines of a fulfillment that is {doc['status']}",
            why="reject_status",
            status=str(doc["status"]),
        )
    line_no, quantity = args["line_no"], args["quantity"]
    line = next((x for x in doc["lines"] if x["line_no"] == line_no), None)
    if line is None:
        raise NotFound(
            f"line {line_no} is not part of this fulfillment", why="line", line=str(line_no)
        )
    if quantity > _remaining(line):
        raise IllegalTransition(
            f"line {line_no}: cannot reject {quantity}, only {_remaining(line)} left",
            why="reject_too_many",
            line=str(line_no),
            quantity=str(quantity),
            left=str(_remaining(line)),
        )
    new = _bumped(ctx, doc)
    for item in new["lines"]:
        if item["line_no"] == line_no:
            item["rejected"] += quantity
    if sum(_remaining(x) for x in new["lines"]) == 0:
        new["status"] = _step(ctx, doc, Action.REJECT, args).value
    _bump_order(new)
    return new


FulfillmentPredictor = Callable[[Context, Doc, Mapping[str, Any]], Doc]

FULFILLMENT: dict[CommandName, FulfillmentPredictor] = {
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


def fulfillment(
    ctx: Context, name: CommandName, doc: Doc, base_version: int, args: Mapping[str, Any]
) -> Doc:
    """The fulfillment after ``name``, or the DomainError the server would answer."""
    _check_scope(ctx, doc["store_id"], doc["destination_store_id"])
    if base_version != doc["version"]:
        raise StaleVersion(f"fulfillment {doc['id']}", base_version, doc["version"])
    return FULFILLMENT[name](ctx, doc, args)


# --- order commands ----------------------------------------------------------------------


def order(
    ctx: Context, name: CommandName, docs: list[Doc], base_version: int, args: Mapping[str, Any]
) -> list[Doc]:
    """The order's fulfillments at this station after ``name`` (none when not predictable)."""
    if not docs:
        raise NotFound("the order is not at this station", why="order_not_here")
    number = docs[0]["order_number"]
    current = max(d["order"]["version"] for d in docs)
    if base_version != current:
        raise StaleVersion(f"order {number}", base_version, current)
    stores: set[int | None] = set()
    for d in docs:
        stores.update((d["store_id"], d["destination_store_id"]))
    _check_scope(ctx, *stores)
    if name is CommandName.CANCEL_ORDER:
        require_reason(ReasonKind.CANCEL, args.get("reason"))
        open_ones = [d for d in docs if not S(d["status"]).terminal]
        if not open_ones:
            raise IllegalTransition(
                f"order {number} has nothing left to cancel", why="nothing_to_cancel", number=number
            )
        out = []
        for d in open_ones:
            new = _bumped(ctx, d, status=_step(ctx, d, Action.CANCEL, args).value)
            _bump_order(new)
            out.append(new)
        return out
    if name is CommandName.RELEASE_FRAUD_HOLD:
        if docs[0]["order"]["fraud_state"] != "review":
            raise IllegalTransition(
                f"order {number} is not on fraud review", why="not_on_review", number=number
            )
        out = []
        for d in docs:
            new = copy.deepcopy(d)
            _bump_order(new, fraud_state="released")
            out.append(new)
        return out
    if name is CommandName.CHANGE_QUANTITY:
        require_reason(ReasonKind.CANCEL, args.get("reason"))
        return _change_quantity(ctx, docs, args_mod.parse_args(name, args))
    if name in ORDER:
        return ORDER[name](ctx, number, docs, args_mod.parse_args(name, args))
    return []


def _change_quantity(ctx: Context, docs: list[Doc], args: Any) -> list[Doc]:
    """Lower a line as the server does (from the open or picking fulfillments, oldest
    first), when the fulfillments here hold all of the line; else leave it to the server."""
    assert isinstance(args, args_mod.ChangeQuantityArgs)
    holding = []
    for d in docs:
        line = next((x for x in d["lines"] if x["line_no"] == args.line_no), None)
        if line is not None and S(d["status"]) in ACTIVE and _remaining(line) > 0:
            holding.append((d, line))
    active = sum(_remaining(line) for _, line in holding)
    cut = active - args.quantity
    cuttable = sum(_remaining(line) for d, line in holding if S(d["status"]) in (S.OPEN, S.PICKING))
    if cut <= 0 or cut > cuttable:
        return []  # a raise, or units elsewhere: the server decides
    out = []
    for d, line in sorted(holding, key=lambda pair: int(pair[0]["id"])):
        if cut == 0:
            break
        if S(d["status"]) not in (S.OPEN, S.PICKING):
            continue
        take = min(cut, _remaining(line))
        cut -= take
        new = _bumped(ctx, d)
        for item in new["lines"]:
            if item["line_no"] == args.line_no:
                item["quantity"] -= take
        if sum(_remaining(x) for x in new["lines"]) == 0:
            new["status"] = S.CANCELLED.value
        _bump_order(new)
        out.append(new)
    return out


def _change_delivery(ctx: Context, number: str, docs: list[Doc], args: Any) -> list[Doc]:
    """The open fulfillments here end (cancelled); the server routes the lines again."""
    assert isinstance(args, args_mod.ChangeDeliveryArgs)
    require_reason(ReasonKind.CHANGE, args.reason)
    live = [d for d in docs if S(d["status"]) in ACTIVE]
    moving = [d for d in live if S(d["status"]) is S.IN_TRANSIT]
    if moving:
        raise IllegalTransition(
            f"order {number}: goods are on their way to the pickup store "
            f"(fulfillment {moving[0]['id']}); change it once they arrived"
        )
    if not live:
        done = sorted({d["status"] for d in docs if S(d["status"]).completed})
        why = f"it was already {' and '.join(done).replace('_', ' ')}" if done else "it ended"
        raise IllegalTransition(
            f"order {number} has nothing left to change: {why}",
            why="nothing_to_change",
            number=number,
        )
    out = []
    for d in live:
        status = transition(
            M(d["method"]), S(d["status"]), Action.CANCEL, ctx.role, {Requirement.REASON}
        )
        new = _bumped(ctx, d, status=status.value)
        _bump_order(new)
        out.append(new)
    return out


#: Where damaged units can be replaced: not yet packed, shipped or on a truck.
REPLACEABLE = frozenset({S.OPEN, S.PICKING, S.ARRIVED, S.READY_FOR_PICKUP})


def _replace_item(ctx: Context, number: str, docs: list[Doc], args: Any) -> list[Doc]:
    """The damaged units leave their fulfillment here (recorded as rejected, damaged); the
    replacement from the source store is the server's to create."""
    assert isinstance(args, args_mod.ReplaceItemArgs)
    require_reason(ReasonKind.REJECT, args.reason)
    held: list[tuple[Doc, Doc]] = []
    for d in docs:
        if S(d["status"]) not in REPLACEABLE:
            continue
        line = next((x for x in d["lines"] if x["line_no"] == args.line_no), None)
        if line is not None and _remaining(line) > 0:
            held.append((d, line))
    available = sum(_remaining(line) for _, line in held)
    if args.quantity > available:
        if ctx.role.chain_wide:
            return []  # other stores' fulfillments are not here: the server decides
        raise IllegalTransition(
            f"line {args.line_no}: cannot replace {args.quantity}, only {available} "
            "not yet packed or shipped"
        )
    out = []
    left = args.quantity
    for d, line in held:
        if left == 0:
            break
        take = min(left, _remaining(line))
        left -= take
        left_source = d["method"] == M.SHIP_TO_STORE and d["status"] in (
            S.ARRIVED,
            S.READY_FOR_PICKUP,
        )
        _check_scope(ctx, d["destination_store_id"] if left_source else d["store_id"])
        new = _bumped(ctx, d)
        for item in new["lines"]:
            if item["line_no"] == args.line_no:
                item["rejected"] += take
        new["rejections"] = [
            *new.get("rejections", []),
            {
                "line_no": args.line_no,
                "sku": line["sku"],
                "quantity": take,
                "reason": args.reason,
                "at": utc_text(ctx.now),
                "staff_id": ctx.staff_id,
            },
        ]
        if sum(_remaining(x) for x in new["lines"]) == 0:
            if S(d["status"]) in (S.OPEN, S.PICKING):
                new["status"] = _step(ctx, d, Action.REJECT, {"reason": args.reason}).value
            else:  # a staged pickup whose goods were all written off: its bin is empty
                new["status"] = S.CANCELLED.value
                new["returned_at"] = utc_text(ctx.now)
                new["returned_by"] = ctx.staff_id
        _bump_order(new)
        out.append(new)
    return out


def _edit_contact(ctx: Context, number: str, docs: list[Doc], args: Any) -> list[Doc]:
    """The customer's details and the alternate pickup person, as given, on every
    fulfillment of the order here."""
    assert isinstance(args, args_mod.EditContactArgs)
    given = args.model_fields_set
    customer = {k: getattr(args, k) for k in ("name", "email", "phone") if k in given}
    first = docs[0]
    changed = any(first["customer"].get(k) != v for k, v in customer.items())
    if "alternate_pickup_name" in given:
        changed |= args.alternate_pickup_name != (
            first["order"].get("alternate_pickup_name") or None
        )
    if not changed:
        raise IllegalTransition(
            "nothing changed: the details given are the current ones", why="unchanged"
        )
    out = []
    for d in docs:
        new = copy.deepcopy(d)
        new["customer"] = {**new["customer"], **customer}
        if "alternate_pickup_name" in given:
            _bump_order(new, alternate_pickup_name=args.alternate_pickup_name)
        else:
            _bump_order(new)
        out.append(new)
    return out


def _resend_ready_notice(ctx: Context, number: str, docs: list[Doc], args: Any) -> list[Doc]:
    """Nothing changes; refused when nothing of the order is ready for pickup here."""
    ready = [d for d in docs if d["status"] == S.READY_FOR_PICKUP]
    if not ready and not ctx.role.chain_wide:
        raise IllegalTransition(
            f"order {number} has nothing ready for pickup: there is no notice to resend",
            why="nothing_ready",
            number=number,
        )
    mine = ctx.role.chain_wide or ctx.store_id is None
    if ready and not mine and all(_pickup_store(d) != ctx.store_id for d in ready):
        raise OutOfScope(f"order {number} is ready at another store, not yours", why="other_store")
    return []


OrderPredictor = Callable[[Context, str, list[Doc], Any], list[Doc]]

#: Order commands whose arguments are validated here with the server's own models.
ORDER: dict[CommandName, OrderPredictor] = {
    CommandName.CHANGE_DELIVERY: _change_delivery,
    CommandName.REPLACE_ITEM: _replace_item,
    CommandName.EDIT_CONTACT: _edit_contact,
    CommandName.RESEND_READY_NOTICE: _resend_ready_notice,
}


# --- stock -------------------------------------------------------------------------------


def adjust_inventory(
    ctx: Context,
    key: str,
    row: tuple[int, str, int, int, int, int] | None,
    product_known: bool,
    base_version: int,
    args: Mapping[str, Any],
) -> tuple[int, str, int, int, int, int]:
    """The stock row after an adjustment (by a delta, or to a counted quantity)."""
    require_reason(ReasonKind.ADJUST, args.get("reason"))
    try:
        store_text, sku = key.split(":", 1)
        store_id = int(store_text)
    except ValueError:
        raise NotFound(f"{key!r} is not a stock key (store_id:sku)") from None
    _check_scope(ctx, store_id)
    if row is None:
        if not product_known:
            raise NotFound(f"SKU {sku} does not exist", why="sku", sku=sku)
        row = (store_id, sku, 0, 0, 0, 0)
    _store, _sku, on_hand, reserved, safety, version = row
    quantity = int(args["quantity"])
    if args.get("mode") == "delta":
        if base_version != version:
            raise StaleVersion("stock", base_version, version)
        new_on_hand = on_hand + quantity
    elif args.get("mode") == "count":
        if quantity < 0:
            raise MissingRequirement("a counted quantity cannot be negative", why="negative_count")
        new_on_hand = quantity
    else:
        raise MissingRequirement("adjust_inventory: mode must be 'delta' or 'count'")
    if new_on_hand < 0:
        raise InsufficientStock(
            f"stock of {sku} cannot go below zero (on hand {on_hand})",
            why="below_zero",
            sku=sku,
            on_hand=str(on_hand),
        )
    return (store_id, sku, new_on_hand, reserved, safety, version + 1)
