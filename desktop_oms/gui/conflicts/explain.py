"""Refused commands in counter words: what was done, why it was refused, whether to retry.

No Qt and no cache here: plain functions over the stored command, the server's code and
message, and the order as the server has it now, so the wording is tested on its own. The
server's codes are the :class:`~desktop_oms.domain.errors.DomainError` codes; the server
checks the version before the status machine, so a command on an order that was
cancelled meanwhile is refused as ``stale_version`` and the current status tells the real
story. Whether a retry makes sense is the domain status machine's call
(:func:`retry_check`), never the code's alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_oms.domain.commands import COMMANDS, CommandName, TargetKind, check_role
from desktop_oms.domain.errors import IllegalTransition, MissingRequirement, PermissionDenied
from desktop_oms.domain.roles import Role
from desktop_oms.domain.status import (
    FulfillmentMethod,
    FulfillmentStatus,
    Requirement,
    transition,
)

#: Codes a retry of the same command cannot cure: the same arguments fail the same way.
NEVER_RETRY = frozenset(
    {"verification_failed", "missing_requirement", "not_found", "out_of_scope", "invalid_code"}
)

_STATUS_WORDS = {
    "open": "new",
    "picking": "being picked",
    "packed": "packed",
    "in_transit": "on its way to the store",
    "arrived": "arrived at the store",
    "ready_for_pickup": "ready for pickup",
    "handed_over": "collected",
    "shipped": "shipped",
    "cancelled": "cancelled",
    "expired": "expired",
    "rejected": "rejected by the store",
}

#: What staff call each command's effect ("your handover", "your change").
_NOUNS = {
    CommandName.HAND_OVER: "your handover",
    CommandName.PACK: "your packing",
    CommandName.SHIP: "your shipment",
    CommandName.DISPATCH_TRANSFER: "your dispatch",
    CommandName.CANCEL: "your cancellation",
    CommandName.REJECT_LINE: "your rejection",
    CommandName.CANCEL_ORDER: "your cancellation",
    CommandName.ADJUST_INVENTORY: "your stock correction",
    CommandName.CHANGE_QUANTITY: "your change",
    CommandName.CHANGE_PICKUP_STORE: "your move",
    CommandName.CHANGE_DELIVERY: "your change of delivery",
    CommandName.REPLACE_ITEM: "your replacement",
    CommandName.EDIT_CONTACT: "your contact change",
    CommandName.RESEND_READY_NOTICE: "your reminder",
}

_DONT_HAND_OVER = (
    "Don't hand the goods over; if the customer already has them, call customer service."
)


def status_words(status: str) -> str:
    """A fulfillment status as a phrase: ``cancelled``, ``ready for pickup``."""
    return _STATUS_WORDS.get(status, status.replace("_", " "))


@dataclass(frozen=True, slots=True)
class LineNow:
    """One line of the order as the server has it now."""

    line_no: int
    sku: str
    name: str
    quantity: int
    left: int
    rejected: int
    refused: int


@dataclass(frozen=True, slots=True)
class OrderNow:
    """The command's target as the server has it now (a fulfillment, or a stock level).

    ``pending`` is True while a newer change of this station to it waits for the server.
    """

    kind: str
    key: str
    order_number: str | None
    method: str | None
    status: str | None
    bin: str | None
    version: int
    order_version: int | None
    fraud_state: str | None
    lines: tuple[LineNow, ...]
    on_hand: int | None = None
    pending: bool = False

    @property
    def units(self) -> int:
        """Units still to hand over or ship (not rejected, not refused)."""
        return sum(line.left for line in self.lines)


def order_now(change: Mapping[str, Any], *, pending: bool = False) -> OrderNow | None:
    """An :class:`OrderNow` from one stored ``current`` change (feed document)."""
    data = change.get("data")
    if not isinstance(data, Mapping):
        return None
    if change.get("kind") == "inventory":
        return OrderNow(
            kind="inventory",
            key=str(change.get("key", "")),
            order_number=None,
            method=None,
            status=None,
            bin=None,
            version=int(data.get("version", 0)),
            order_version=None,
            fraud_state=None,
            lines=(),
            on_hand=int(data.get("on_hand", 0)),
            pending=pending,
        )
    if change.get("kind") != "fulfillment":
        return None
    order = data.get("order") or {}
    lines = tuple(
        LineNow(
            line_no=int(ln["line_no"]),
            sku=str(ln.get("sku", "")),
            name=str(ln.get("name", "")),
            quantity=int(ln["quantity"]),
            left=max(0, int(ln["quantity"]) - int(ln["rejected"]) - int(ln["refused"])),
            rejected=int(ln["rejected"]),
            refused=int(ln["refused"]),
        )
        for ln in data.get("lines", [])
    )
    return OrderNow(
        kind="fulfillment",
        key=str(data.get("id", change.get("key", ""))),
        order_number=data.get("order_number") or order.get("number"),
        method=data.get("method"),
        status=data.get("status"),
        bin=data.get("bin"),
        version=int(data.get("version", 0)),
        order_version=int(order["version"]) if "version" in order else None,
        fraud_state=order.get("fraud_state"),
        lines=lines,
        pending=pending,
    )


# --- what the user did ---------------------------------------------------------------------


def _plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


def _line_name(now: OrderNow | None, line_no: Any) -> str:
    if now is not None:
        for line in now.lines:
            if line.line_no == line_no:
                return line.name
    return f"line {line_no}"


def describe(
    command: Mapping[str, Any], now: OrderNow | None, order_number: str | None = None
) -> str:
    """What the user did, in plain words: ``Hand over WEB-1000042 (2 items)``."""
    name = str(command.get("name", ""))
    args: Mapping[str, Any] = command.get("args") or {}
    key = str(command.get("target_key", ""))
    number = order_number or (now.order_number if now is not None else None)
    target = number or (key if command.get("target_kind") == "order" else f"fulfillment {key}")
    try:
        cmd = CommandName(name)
    except ValueError:
        return f"{name.replace('_', ' ').capitalize()} {target}"
    if cmd is CommandName.HAND_OVER:
        refused = sum(int(r.get("quantity", 0)) for r in args.get("refused", []))
        if now is None or not now.lines:
            return f"Hand over {target}"
        handed = max(0, now.units - refused)
        extra = f", {refused} refused" if refused else ""
        return f"Hand over {target} ({_plural(handed, 'item')}{extra})"
    if cmd is CommandName.MARK_READY:
        return f"Mark {target} ready in bin {args.get('bin', '?')}"
    if cmd is CommandName.PACK:
        return f"Pack {target} ({_plural(len(args.get('boxes', [])), 'box', 'boxes')})"
    if cmd is CommandName.SHIP:
        return f"Ship {target} with {args.get('carrier', 'the carrier')}"
    if cmd is CommandName.REJECT_LINE:
        what = _line_name(now, args.get("line_no"))
        return f"Reject {args.get('quantity', '?')} × {what} of {target}"
    if cmd is CommandName.CHANGE_QUANTITY:
        what = _line_name(now, args.get("line_no"))
        return f"Change {what} of {target} to {args.get('quantity', '?')}"
    if cmd is CommandName.CHANGE_DELIVERY:
        if args.get("method") == "delivery":
            address = args.get("address") or {}
            where = ", ".join(str(address[k]) for k in ("line1", "city") if address.get(k))
            return f"Deliver {target} to {where or 'an address'} instead"
        return f"Switch {target} to pickup in a store"
    if cmd is CommandName.REPLACE_ITEM:
        what = _line_name(now, args.get("line_no"))
        return f"Replace {args.get('quantity', '?')} × {what} of {target} from another store"
    if cmd is CommandName.EDIT_CONTACT:
        fields = [k.replace("_", " ") for k in ("name", "email", "phone") if k in args]
        if "alternate_pickup_name" in args:
            fields.append("alternate pickup person")
        return f"Change the {' and '.join(fields) or 'contact details'} of {target}"
    if cmd is CommandName.RESEND_READY_NOTICE:
        return f"Send the ready-for-pickup message of {target} again"
    if cmd is CommandName.ADJUST_INVENTORY:
        sku = key.partition(":")[2] or key
        quantity = int(args.get("quantity", 0))
        if args.get("mode") == "count":
            return f"Count stock of {sku}: {quantity}"
        return f"Correct stock of {sku} by {quantity:+d}"
    verbs = {
        CommandName.START_PICKING: "Start picking",
        CommandName.UNPACK: "Unpack",
        CommandName.DISPATCH_TRANSFER: "Send off",
        CommandName.RECEIVE_TRANSFER: "Receive",
        CommandName.CANCEL: "Cancel",
        CommandName.EXPIRE: "Expire the pickup",
        CommandName.CANCEL_ORDER: "Cancel order",
        CommandName.CHANGE_PICKUP_STORE: "Move the pickup of",
        CommandName.RELEASE_FRAUD_HOLD: "Release from fraud review:",
    }
    return f"{verbs.get(cmd, cmd.value.replace('_', ' ').capitalize())} {target}"


# --- why it was refused --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why the server refused a command: a short ``headline`` for the list, the
    ``sentence`` saying what happened, and ``next_step`` saying what to do now."""

    headline: str
    sentence: str
    next_step: str

    @property
    def text(self) -> str:
        """The sentence and the next step together."""
        return f"{self.sentence} {self.next_step}"


def _hand_over(code: str, status: str | None) -> Explanation | None:
    if status == "cancelled":
        return Explanation(
            "Order cancelled",
            "The order was cancelled at head office before your handover reached it.",
            _DONT_HAND_OVER,
        )
    if status == "expired":
        return Explanation(
            "Pickup expired",
            "The pickup had expired and its stock was put back before your handover "
            "reached head office.",
            _DONT_HAND_OVER,
        )
    if status == "handed_over":
        return Explanation(
            "Already collected",
            "Someone else had already handed this order over before your handover "
            "reached head office.",
            "Nothing to do if the customer got their goods once; if they got them twice, "
            "call customer service.",
        )
    if status == "rejected":
        return Explanation(
            "Sent to another store",
            "The order was taken from this store and re-routed before your handover "
            "reached head office.",
            _DONT_HAND_OVER,
        )
    if code == "verification_failed":
        return Explanation(
            "Pickup code not accepted",
            "Head office did not accept the pickup code your handover was checked with.",
            "Check the customer's code or ID, then hand the order over again from Pickups.",
        )
    if status == "ready_for_pickup" and code == "stale_version":
        return Explanation(
            "Order changed meanwhile",
            "Head office changed the order while your handover was on its way.",
            "Check the order as it is now; if it is still right, retry the handover.",
        )
    if status is not None and status != "ready_for_pickup":
        return Explanation(
            "Not ready any more",
            f"Head office has the order as {status_words(status)}, not ready for pickup, "
            "so your handover could not be recorded.",
            "Don't hand the goods over; ask a lead to check the order.",
        )
    return None


def explain(
    command: Mapping[str, Any], code: str, message: str, now: OrderNow | None
) -> Explanation:
    """Why the server refused ``command`` and what to do next, in counter words."""
    name = str(command.get("name", ""))
    status = now.status if now is not None else None
    if name == CommandName.HAND_OVER.value:
        special = _hand_over(code, status)
        if special is not None:
            return special
    noun = next((v for k, v in _NOUNS.items() if k.value == name), "your change")
    subject = "stock" if command.get("target_kind") == "inventory" else "order"
    detail = message.rstrip(".")
    if status in ("cancelled", "expired", "rejected") and code in (
        "stale_version",
        "illegal_transition",
    ):
        return Explanation(
            f"Order {status_words(status)}",
            f"The order was {status_words(status)} at head office before {noun} reached it.",
            "Stop working on it and put its items back; ask a lead if unsure.",
        )
    if code == "stale_version":
        return Explanation(
            "Changed meanwhile",
            f"Someone changed this {subject} at head office before {noun} reached it.",
            "Check it as it is now below; retry if your change still makes sense.",
        )
    if code == "illegal_transition":
        now_text = f" (head office has it as {status_words(status)})" if status else ""
        return Explanation(
            "Not possible any more",
            f"{noun.capitalize()} no longer fits the order{now_text}: {detail}.",
            "Check the order below; nothing was changed at head office.",
        )
    if code == "permission_denied":
        return Explanation(
            "Not allowed",
            f"Head office did not allow {noun}: {detail}.",
            "Ask a lead or manager to do it.",
        )
    if code == "verification_failed":
        return Explanation(
            "Check failed",
            f"Head office did not accept the check that came with {noun}.",
            "Check again with the customer and do it anew.",
        )
    if code == "out_of_scope":
        return Explanation(
            "Another store's order",
            "The order belongs to another store now.",
            "Nothing to do here: that store takes care of it.",
        )
    if code == "not_found":
        return Explanation(
            "Not found",
            f"Head office does not know what {noun} was for (any more).",
            "If a customer is waiting, call customer service.",
        )
    if code == "insufficient_stock":
        return Explanation(
            "Not enough stock",
            f"Head office does not have the stock {noun} needs: {detail}.",
            "Count the stock again and correct it.",
        )
    if code == "missing_requirement":
        return Explanation(
            "Something was missing",
            f"Head office needs more for {noun}: {detail}.",
            "Do it again and fill in everything it asks for.",
        )
    return Explanation(
        "Refused",
        f"Head office refused {noun}: {detail}.",
        "Check the order below; ask a lead if unsure.",
    )


# --- whether a retry makes sense -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RetryCheck:
    """Whether Retry is offered; ``why`` says why not (or what it will do)."""

    allowed: bool
    why: str
    base_version: int | None = None


def _provided(args: Mapping[str, Any]) -> set[Requirement]:
    given = {
        Requirement.BIN: args.get("bin"),
        Requirement.VERIFICATION: args.get("verification"),
        Requirement.REASON: args.get("reason"),
        Requirement.TRACKING: args.get("tracking"),
        Requirement.BOXES: args.get("boxes"),
    }
    return {req for req, value in given.items() if value}


def _no(why: str) -> RetryCheck:
    return RetryCheck(False, why)


def retry_check(
    command: Mapping[str, Any],
    code: str,
    targets: Sequence[OrderNow],
    role: Role | None,
    *,
    acknowledged: bool = False,
) -> RetryCheck:
    """Whether re-sending ``command`` against the current version makes sense now.

    ``targets`` are the command's targets as this station has them now (the server's state
    after the refusal, or newer); ``role`` is the role of whoever would retry. The status
    machine decides for status changes; codes that the same arguments would meet again
    (a wrong pickup code, a missing field) never retry.
    """
    if acknowledged:
        return _no("Already acknowledged.")
    if code in NEVER_RETRY:
        return _no(_never_why(code, str(command.get("name", ""))))
    if role is None:
        return _no("Sign in to retry.")
    try:
        name = CommandName(str(command.get("name", "")))
        kind = TargetKind(str(command.get("target_kind", "")))
    except ValueError:
        return _no("This station does not know this kind of change.")
    args: Mapping[str, Any] = command.get("args") or {}
    try:
        check_role(name, role)
    except PermissionDenied:
        return _no(f"Your role may not {name.value.replace('_', ' ')}: ask a lead or manager.")
    if not targets:
        return _no("The order is no longer at this store.")
    if any(t.pending for t in targets):
        return _no("A newer change to this is still being sent: wait for it.")
    if kind is TargetKind.INVENTORY:
        if args.get("mode") == "count":
            # a count is applied against the movements since it was taken; re-sent against
            # today's version it would silently overwrite them
            return _no("A count holds only for the moment it was taken: count the item again.")
        return RetryCheck(True, "Sends the stock correction again.", targets[0].version)
    if kind is TargetKind.ORDER:
        active = [t for t in targets if t.status and not FulfillmentStatus(t.status).terminal]
        if not active:
            return _no(f"Nothing of the order is open any more ({_statuses(targets)}).")
        version = targets[0].order_version
        return RetryCheck(True, "Sends the change again.", version)
    return _fulfillment_retry(name, code, args, targets[0], role)


def _statuses(targets: Sequence[OrderNow]) -> str:
    return ", ".join(sorted({status_words(t.status or "?") for t in targets}))


def _fulfillment_retry(
    name: CommandName, code: str, args: Mapping[str, Any], now: OrderNow, role: Role
) -> RetryCheck:
    if now.status is None or now.method is None:
        return _no("The order is no longer at this store.")
    status = FulfillmentStatus(now.status)
    action = COMMANDS[name].action
    words = name.value.replace("_", " ")
    if name is CommandName.REJECT_LINE:  # open or picking only
        if status not in (FulfillmentStatus.OPEN, FulfillmentStatus.PICKING):
            return _no(f"The order is {status_words(now.status)} now: nothing to {words}.")
        return RetryCheck(True, "Sends the change again.", now.version)
    if action is None:  # no status change to check: only a version that moved on is cured
        if code != "stale_version":
            return _no(f"Sending the same {words} again would fail the same way.")
        return RetryCheck(True, "Sends the change again.", now.version)
    try:
        transition(FulfillmentMethod(now.method), status, action, role, _provided(args))
    except IllegalTransition:
        return _no(f"The order is {status_words(now.status)} now: it cannot be {_done(name)}.")
    except PermissionDenied:
        return _no(f"Your role may not {words} an order that is {status_words(now.status)}.")
    except MissingRequirement as exc:
        return _no(f"Something is missing: {exc.message}.")
    if name is CommandName.HAND_OVER and now.fraud_state == "review":
        return _no("Held for fraud review: call a manager.")
    return RetryCheck(True, f"Sends the {words} again against the order as it is now.", now.version)


_DONE = {
    CommandName.START_PICKING: "picked",
    CommandName.MARK_READY: "marked ready",
    CommandName.HAND_OVER: "handed over",
    CommandName.PACK: "packed",
    CommandName.UNPACK: "unpacked",
    CommandName.SHIP: "shipped",
    CommandName.DISPATCH_TRANSFER: "sent off",
    CommandName.RECEIVE_TRANSFER: "received",
    CommandName.CANCEL: "cancelled",
    CommandName.EXPIRE: "expired",
}


def _done(name: CommandName) -> str:
    return _DONE.get(name, name.value.replace("_", " ") + "d")


def _never_why(code: str, name: str) -> str:
    if code == "verification_failed":
        return "The same check would be refused again: hand the order over anew from Pickups."
    if code == "missing_requirement":
        return "The same details would be refused again: do it anew with everything filled in."
    if code == "out_of_scope":
        return "The order belongs to another store now."
    if code == "not_found":
        return "Head office does not know the order (any more)."
    return f"Sending the same {name.replace('_', ' ')} again would fail the same way."
