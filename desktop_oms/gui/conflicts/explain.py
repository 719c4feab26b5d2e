"""Refused commands in counter words: what was done, why it was refused, whether to retry.

No widgets and no cache here: plain functions over the stored command, the server's code
and message, and the order as the server has it now, so the wording is tested on its own
(in the station's language: ``QCoreApplication.translate``, context "Conflicts"; the
server's own message stays as it sent it). The
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

from PySide6.QtCore import QCoreApplication, QObject

from desktop_oms.domain.commands import COMMANDS, CommandName, TargetKind, check_role
from desktop_oms.domain.errors import IllegalTransition, MissingRequirement, PermissionDenied
from desktop_oms.domain.roles import Role
from desktop_oms.domain.status import (
    FulfillmentMethod,
    FulfillmentStatus,
    Requirement,
    transition,
)
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP

#: Codes a retry of the same command cannot cure: the same arguments fail the same way.
NEVER_RETRY = frozenset(
    {"verification_failed", "missing_requirement", "not_found", "out_of_scope", "invalid_code"}
)

_STATUS_WORDS = {
    "open": QT_TRANSLATE_NOOP("Conflicts", "new"),
    "picking": QT_TRANSLATE_NOOP("Conflicts", "being picked"),
    "packed": QT_TRANSLATE_NOOP("Conflicts", "packed"),
    "in_transit": QT_TRANSLATE_NOOP("Conflicts", "on its way to the store"),
    "arrived": QT_TRANSLATE_NOOP("Conflicts", "arrived at the store"),
    "ready_for_pickup": QT_TRANSLATE_NOOP("Conflicts", "ready for pickup"),
    "handed_over": QT_TRANSLATE_NOOP("Conflicts", "collected"),
    "shipped": QT_TRANSLATE_NOOP("Conflicts", "shipped"),
    "cancelled": QT_TRANSLATE_NOOP("Conflicts", "cancelled"),
    "expired": QT_TRANSLATE_NOOP("Conflicts", "expired"),
    "rejected": QT_TRANSLATE_NOOP("Conflicts", "rejected by the store"),
}

#: What staff call each command's effect ("your handover", "your change").
_NOUNS = {
    CommandName.HAND_OVER: QT_TRANSLATE_NOOP("Conflicts", "your handover"),
    CommandName.PACK: QT_TRANSLATE_NOOP("Conflicts", "your packing"),
    CommandName.SHIP: QT_TRANSLATE_NOOP("Conflicts", "your shipment"),
    CommandName.DISPATCH_TRANSFER: QT_TRANSLATE_NOOP("Conflicts", "your dispatch"),
    CommandName.CANCEL: QT_TRANSLATE_NOOP("Conflicts", "your cancellation"),
    CommandName.REJECT_LINE: QT_TRANSLATE_NOOP("Conflicts", "your rejection"),
    CommandName.CANCEL_ORDER: QT_TRANSLATE_NOOP("Conflicts", "your cancellation"),
    CommandName.ADJUST_INVENTORY: QT_TRANSLATE_NOOP("Conflicts", "your stock correction"),
    CommandName.CHANGE_QUANTITY: QT_TRANSLATE_NOOP("Conflicts", "your change"),
    CommandName.CHANGE_PICKUP_STORE: QT_TRANSLATE_NOOP("Conflicts", "your move"),
    CommandName.CHANGE_DELIVERY: QT_TRANSLATE_NOOP("Conflicts", "your change of delivery"),
    CommandName.REPLACE_ITEM: QT_TRANSLATE_NOOP("Conflicts", "your replacement"),
    CommandName.EDIT_CONTACT: QT_TRANSLATE_NOOP("Conflicts", "your contact change"),
    CommandName.RESEND_READY_NOTICE: QT_TRANSLATE_NOOP("Conflicts", "your reminder"),
}

#: Each command as a verb phrase ("Your role may not {hand over}").
_VERBS = {
    CommandName.START_PICKING: QT_TRANSLATE_NOOP("Conflicts", "start picking"),
    CommandName.MARK_READY: QT_TRANSLATE_NOOP("Conflicts", "mark ready"),
    CommandName.HAND_OVER: QT_TRANSLATE_NOOP("Conflicts", "hand over"),
    CommandName.PACK: QT_TRANSLATE_NOOP("Conflicts", "pack"),
    CommandName.UNPACK: QT_TRANSLATE_NOOP("Conflicts", "unpack"),
    CommandName.SHIP: QT_TRANSLATE_NOOP("Conflicts", "ship"),
    CommandName.DISPATCH_TRANSFER: QT_TRANSLATE_NOOP("Conflicts", "dispatch transfer"),
    CommandName.RECEIVE_TRANSFER: QT_TRANSLATE_NOOP("Conflicts", "receive transfer"),
    CommandName.CANCEL: QT_TRANSLATE_NOOP("Conflicts", "cancel"),
    CommandName.EXPIRE: QT_TRANSLATE_NOOP("Conflicts", "expire"),
    CommandName.REJECT_LINE: QT_TRANSLATE_NOOP("Conflicts", "reject line"),
    CommandName.CHANGE_QUANTITY: QT_TRANSLATE_NOOP("Conflicts", "change quantity"),
    CommandName.CANCEL_ORDER: QT_TRANSLATE_NOOP("Conflicts", "cancel order"),
    CommandName.CHANGE_PICKUP_STORE: QT_TRANSLATE_NOOP("Conflicts", "change pickup store"),
    CommandName.RELEASE_FRAUD_HOLD: QT_TRANSLATE_NOOP("Conflicts", "release fraud hold"),
    CommandName.CHANGE_DELIVERY: QT_TRANSLATE_NOOP("Conflicts", "change delivery"),
    CommandName.REPLACE_ITEM: QT_TRANSLATE_NOOP("Conflicts", "replace item"),
    CommandName.EDIT_CONTACT: QT_TRANSLATE_NOOP("Conflicts", "edit contact"),
    CommandName.RESEND_READY_NOTICE: QT_TRANSLATE_NOOP("Conflicts", "resend ready notice"),
    CommandName.ADJUST_INVENTORY: QT_TRANSLATE_NOOP("Conflicts", "adjust inventory"),
    CommandName.RETURN_TO_STOCK: QT_TRANSLATE_NOOP("Conflicts", "return to stock"),
}

_DONT_HAND_OVER = QT_TRANSLATE_NOOP(
    "Conflicts",
    "Don't hand the goods over; if the customer already has them, call customer service.",
)


class Plurals(QObject):
    """Counted words ("1 item", "3 items"): ``lupdate`` finds plural forms only in
    ``self.tr``, so they are made by this small object (a plain QObject: any thread)."""

    def items(self, count: int) -> str:
        """``count`` items."""
        return self.tr("%n item(s)", "", count)

    def boxes(self, count: int) -> str:
        """``count`` boxes."""
        return self.tr("%n box(es)", "", count)


def _tr(text: str) -> str:
    """``text`` (marked for ``lupdate`` where it is written) in the station's language."""
    return QCoreApplication.translate("Conflicts", text)


def status_words(status: str) -> str:
    """A fulfillment status as a phrase: ``cancelled``, ``ready for pickup``."""
    found = _STATUS_WORDS.get(status)
    return _tr(found) if found is not None else status.replace("_", " ")


def command_words(name: str) -> str:
    """A command's name as a verb phrase in the station's language: ``hand over``."""
    for command, words in _VERBS.items():
        if command.value == name:
            return _tr(words)
    return name.replace("_", " ")


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


def _line_name(now: OrderNow | None, line_no: Any) -> str:
    if now is not None:
        for line in now.lines:
            if line.line_no == line_no:
                return line.name
    return QCoreApplication.translate("Conflicts", "line {number}").format(number=line_no)


def describe(
    command: Mapping[str, Any], now: OrderNow | None, order_number: str | None = None
) -> str:
    """What the user did, in plain words: ``Hand over WEB-1000042 (2 items)``."""
    name = str(command.get("name", ""))
    args: Mapping[str, Any] = command.get("args") or {}
    key = str(command.get("target_key", ""))
    number = order_number or (now.order_number if now is not None else None)
    if number:
        target = number
    elif command.get("target_kind") == "order":
        target = key
    else:
        target = QCoreApplication.translate("Conflicts", "fulfillment {id}").format(id=key)
    try:
        cmd = CommandName(name)
    except ValueError:
        return f"{name.replace('_', ' ').capitalize()} {target}"
    if cmd is CommandName.HAND_OVER:
        refused = sum(int(r.get("quantity", 0)) for r in args.get("refused", []))
        if now is None or not now.lines:
            return QCoreApplication.translate("Conflicts", "Hand over {order}").format(order=target)
        handed = max(0, now.units - refused)
        items = Plurals().items(handed)
        if refused:
            text = QCoreApplication.translate(
                "Conflicts", "Hand over {order} ({items}, {refused} refused)"
            )
            return text.format(order=target, items=items, refused=refused)
        return QCoreApplication.translate("Conflicts", "Hand over {order} ({items})").format(
            order=target, items=items
        )
    if cmd is CommandName.MARK_READY:
        return QCoreApplication.translate("Conflicts", "Mark {order} ready in bin {bin}").format(
            order=target, bin=args.get("bin", "?")
        )
    if cmd is CommandName.PACK:
        boxes = Plurals().boxes(len(args.get("boxes", [])))
        return QCoreApplication.translate("Conflicts", "Pack {order} ({boxes})").format(
            order=target, boxes=boxes
        )
    if cmd is CommandName.SHIP:
        carrier = args.get("carrier") or QCoreApplication.translate("Conflicts", "the carrier")
        return QCoreApplication.translate("Conflicts", "Ship {order} with {carrier}").format(
            order=target, carrier=carrier
        )
    if cmd is CommandName.REJECT_LINE:
        what = _line_name(now, args.get("line_no"))
        return QCoreApplication.translate(
            "Conflicts", "Reject {quantity} × {item} of {order}"
        ).format(quantity=args.get("quantity", "?"), item=what, order=target)
    if cmd is CommandName.CHANGE_QUANTITY:
        what = _line_name(now, args.get("line_no"))
        return QCoreApplication.translate(
            "Conflicts", "Change {item} of {order} to {quantity}"
        ).format(item=what, order=target, quantity=args.get("quantity", "?"))
    if cmd is CommandName.CHANGE_DELIVERY:
        if args.get("method") == "delivery":
            address = args.get("address") or {}
            where = ", ".join(str(address[k]) for k in ("line1", "city") if address.get(k))
            return QCoreApplication.translate(
                "Conflicts", "Deliver {order} to {address} instead"
            ).format(
                order=target, address=where or QCoreApplication.translate("Conflicts", "an address")
            )
        return QCoreApplication.translate(
            "Conflicts", "Switch {order} to pickup in a store"
        ).format(order=target)
    if cmd is CommandName.REPLACE_ITEM:
        what = _line_name(now, args.get("line_no"))
        return QCoreApplication.translate(
            "Conflicts", "Replace {quantity} × {item} of {order} from another store"
        ).format(quantity=args.get("quantity", "?"), item=what, order=target)
    if cmd is CommandName.EDIT_CONTACT:
        labels = {
            "name": QCoreApplication.translate("Conflicts", "name"),
            "email": QCoreApplication.translate("Conflicts", "email"),
            "phone": QCoreApplication.translate("Conflicts", "phone"),
        }
        fields = [labels[k] for k in ("name", "email", "phone") if k in args]
        if "alternate_pickup_name" in args:
            fields.append(QCoreApplication.translate("Conflicts", "alternate pickup person"))
        joined = QCoreApplication.translate("Conflicts", " and ").join(
            fields
        ) or QCoreApplication.translate("Conflicts", "contact details")
        return QCoreApplication.translate("Conflicts", "Change the {fields} of {order}").format(
            fields=joined, order=target
        )
    if cmd is CommandName.RESEND_READY_NOTICE:
        return QCoreApplication.translate(
            "Conflicts", "Send the ready-for-pickup message of {order} again"
        ).format(order=target)
    if cmd is CommandName.ADJUST_INVENTORY:
        sku = key.partition(":")[2] or key
        quantity = int(args.get("quantity", 0))
        if args.get("mode") == "count":
            return QCoreApplication.translate(
                "Conflicts", "Count stock of {sku}: {quantity}"
            ).format(sku=sku, quantity=quantity)
        return QCoreApplication.translate("Conflicts", "Correct stock of {sku} by {change}").format(
            sku=sku, change=f"{quantity:+d}"
        )
    verbs = {
        CommandName.START_PICKING: QCoreApplication.translate("Conflicts", "Start picking {order}"),
        CommandName.UNPACK: QCoreApplication.translate("Conflicts", "Unpack {order}"),
        CommandName.DISPATCH_TRANSFER: QCoreApplication.translate("Conflicts", "Send off {order}"),
        CommandName.RECEIVE_TRANSFER: QCoreApplication.translate("Conflicts", "Receive {order}"),
        CommandName.CANCEL: QCoreApplication.translate("Conflicts", "Cancel {order}"),
        CommandName.EXPIRE: QCoreApplication.translate("Conflicts", "Expire the pickup {order}"),
        CommandName.CANCEL_ORDER: QCoreApplication.translate("Conflicts", "Cancel order {order}"),
        CommandName.CHANGE_PICKUP_STORE: QCoreApplication.translate(
            "Conflicts", "Move the pickup of {order}"
        ),
        CommandName.RELEASE_FRAUD_HOLD: QCoreApplication.translate(
            "Conflicts", "Release from fraud review: {order}"
        ),
        CommandName.RETURN_TO_STOCK: QCoreApplication.translate(
            "Conflicts", "Return {order} to stock"
        ),
    }
    found = verbs.get(cmd)
    if found is None:
        return f"{command_words(cmd.value).capitalize()} {target}"
    return found.format(order=target)


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


def _explanation(headline: str, sentence: str, next_step: str) -> Explanation:
    """An :class:`Explanation` of three texts already in the station's language."""
    return Explanation(headline, sentence, next_step)


def _hand_over(code: str, status: str | None) -> Explanation | None:

    if status == "cancelled":
        return _explanation(
            QCoreApplication.translate("Conflicts", "Order cancelled"),
            QCoreApplication.translate(
                "Conflicts",
                "The order was cancelled at head office before your handover reached it.",
            ),
            _tr(_DONT_HAND_OVER),
        )
    if status == "expired":
        return _explanation(
            QCoreApplication.translate("Conflicts", "Pickup expired"),
            QCoreApplication.translate(
                "Conflicts",
                "The pickup had expired and its stock was put back before your handover "
                "reached head office.",
            ),
            _tr(_DONT_HAND_OVER),
        )
    if status == "handed_over":
        return _explanation(
            QCoreApplication.translate("Conflicts", "Already collected"),
            QCoreApplication.translate(
                "Conflicts",
                "Someone else had already handed this order over before your handover "
                "reached head office.",
            ),
            QCoreApplication.translate(
                "Conflicts",
                "Nothing to do if the customer got their goods once; if they got them twice, "
                "call customer service.",
            ),
        )
    if status == "rejected":
        return _explanation(
            QCoreApplication.translate("Conflicts", "Sent to another store"),
            QCoreApplication.translate(
                "Conflicts",
                "The order was taken from this store and re-routed before your handover "
                "reached head office.",
            ),
            _tr(_DONT_HAND_OVER),
        )
    if code == "verification_failed":
        return _explanation(
            QCoreApplication.translate("Conflicts", "Pickup code not accepted"),
            QCoreApplication.translate(
                "Conflicts",
                "Head office did not accept the pickup code your handover was checked with.",
            ),
            QCoreApplication.translate(
                "Conflicts",
                "Check the customer's code or ID, then hand the order over again from Pickups.",
            ),
        )
    if status == "ready_for_pickup" and code == "stale_version":
        return _explanation(
            QCoreApplication.translate("Conflicts", "Order changed meanwhile"),
            QCoreApplication.translate(
                "Conflicts", "Head office changed the order while your handover was on its way."
            ),
            QCoreApplication.translate(
                "Conflicts",
                "Check the order as it is now; if it is still right, retry the handover.",
            ),
        )
    if status is not None and status != "ready_for_pickup":
        return _explanation(
            QCoreApplication.translate("Conflicts", "Not ready any more"),
            QCoreApplication.translate(
                "Conflicts",
                "Head office has the order as {status}, not ready for pickup, "
                "so your handover could not be recorded.",
            ).format(status=status_words(status)),
            QCoreApplication.translate(
                "Conflicts", "Don't hand the goods over; ask a lead to check the order."
            ),
        )
    return None


def explain(
    command: Mapping[str, Any], code: str, message: str, now: OrderNow | None
) -> Explanation:
    """Why the server refused ``command`` and what to do next, in counter words (the
    server's own ``message`` is quoted as it was sent)."""
    name = str(command.get("name", ""))
    status = now.status if now is not None else None
    if name == CommandName.HAND_OVER.value:
        special = _hand_over(code, status)
        if special is not None:
            return special
    found = next((v for k, v in _NOUNS.items() if k.value == name), None)
    noun = (
        _tr(found) if found is not None else QCoreApplication.translate("Conflicts", "your change")
    )
    if command.get("target_kind") == "inventory":
        subject = QCoreApplication.translate("Conflicts", "stock")
    else:
        subject = QCoreApplication.translate("Conflicts", "order")
    detail = message.rstrip(".")
    if status in ("cancelled", "expired", "rejected") and code in (
        "stale_version",
        "illegal_transition",
    ):
        words = status_words(status)
        return _explanation(
            QCoreApplication.translate("Conflicts", "Order {status}").format(status=words),
            QCoreApplication.translate(
                "Conflicts", "The order was {status} at head office before {change} reached it."
            ).format(status=words, change=noun),
            QCoreApplication.translate(
                "Conflicts", "Stop working on it and put its items back; ask a lead if unsure."
            ),
        )
    if code == "stale_version":
        return _explanation(
            QCoreApplication.translate("Conflicts", "Changed meanwhile"),
            QCoreApplication.translate(
                "Conflicts",
                "Someone changed this {subject} at head office before {change} reached it.",
            ).format(subject=subject, change=noun),
            QCoreApplication.translate(
                "Conflicts", "Check it as it is now below; retry if your change still makes sense."
            ),
        )
    if code == "illegal_transition":
        if status:
            sentence = QCoreApplication.translate(
                "Conflicts",
                "{change} no longer fits the order (head office has it as {status}): {detail}.",
            ).format(change=noun, status=status_words(status), detail=detail)
        else:
            sentence = QCoreApplication.translate(
                "Conflicts", "{change} no longer fits the order: {detail}."
            ).format(change=noun, detail=detail)
        return _explanation(
            QCoreApplication.translate("Conflicts", "Not possible any more"),
            sentence[:1].upper() + sentence[1:],
            QCoreApplication.translate(
                "Conflicts", "Check the order below; nothing was changed at head office."
            ),
        )
    if code == "permission_denied":
        return _explanation(
            QCoreApplication.translate("Conflicts", "Not allowed"),
            QCoreApplication.translate(
                "Conflicts", "Head office did not allow {change}: {detail}."
            ).format(change=noun, detail=detail),
            QCoreApplication.translate("Conflicts", "Ask a lead or manager to do it."),
        )
    if code == "verification_failed":
        return _explanation(
            QCoreApplication.translate("Conflicts", "Check failed"),
            QCoreApplication.translate(
                "Conflicts", "Head office did not accept the check that came with {change}."
            ).format(change=noun),
            QCoreApplication.translate(
                "Conflicts", "Check again with the customer and do it anew."
            ),
        )
    if code == "out_of_scope":
        return _explanation(
            QCoreApplication.translate("Conflicts", "Another store's order"),
            QCoreApplication.translate("Conflicts", "The order belongs to another store now."),
            QCoreApplication.translate(
                "Conflicts", "Nothing to do here: that store takes care of it."
            ),
        )
    if code == "not_found":
        return _explanation(
            QCoreApplication.translate("Conflicts", "Not found"),
            QCoreApplication.translate(
                "Conflicts", "Head office does not know what {change} was for (any more)."
            ).format(change=noun),
            QCoreApplication.translate(
                "Conflicts", "If a customer is waiting, call customer service."
            ),
        )
    if code == "insufficient_stock":
        return _explanation(
            QCoreApplication.translate("Conflicts", "Not enough stock"),
            QCoreApplication.translate(
                "Conflicts", "Head office does not have the stock {change} needs: {detail}."
            ).format(change=noun, detail=detail),
            QCoreApplication.translate("Conflicts", "Count the stock again and correct it."),
        )
    if code == "missing_requirement":
        return _explanation(
            QCoreApplication.translate("Conflicts", "Something was missing"),
            QCoreApplication.translate(
                "Conflicts", "Head office needs more for {change}: {detail}."
            ).format(change=noun, detail=detail),
            QCoreApplication.translate(
                "Conflicts", "Do it again and fill in everything it asks for."
            ),
        )
    return _explanation(
        QCoreApplication.translate("Conflicts", "Refused"),
        QCoreApplication.translate("Conflicts", "Head office refused {change}: {detail}.").format(
            change=noun, detail=detail
        ),
        QCoreApplication.translate("Conflicts", "Check the order below; ask a lead if unsure."),
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
        return _no(QCoreApplication.translate("Conflicts", "Already acknowledged."))
    if code in NEVER_RETRY:
        return _no(_never_why(code, str(command.get("name", ""))))
    if role is None:
        return _no(QCoreApplication.translate("Conflicts", "Sign in to retry."))
    try:
        name = CommandName(str(command.get("name", "")))
        kind = TargetKind(str(command.get("target_kind", "")))
    except ValueError:
        return _no(
            QCoreApplication.translate(
                "Conflicts", "This station does not know this kind of change."
            )
        )
    args: Mapping[str, Any] = command.get("args") or {}
    try:
        check_role(name, role)
    except PermissionDenied:
        return _no(
            QCoreApplication.translate(
                "Conflicts", "Your role may not {action}: ask a lead or manager."
            ).format(action=command_words(name.value))
        )
    if not targets:
        return _no(QCoreApplication.translate("Conflicts", "The order is no longer at this store."))
    if any(t.pending for t in targets):
        return _no(
            QCoreApplication.translate(
                "Conflicts", "A newer change to this is still being sent: wait for it."
            )
        )
    if kind is TargetKind.INVENTORY:
        if args.get("mode") == "count":
            # a count is applied against the movements since it was taken; re-sent against
            # today's version it would silently overwrite them
            return _no(
                QCoreApplication.translate(
                    "Conflicts",
                    "A count holds only for the moment it was taken: count the item again.",
                )
            )
        return RetryCheck(
            True,
            QCoreApplication.translate("Conflicts", "Sends the stock correction again."),
            targets[0].version,
        )
    if kind is TargetKind.ORDER:
        active = [t for t in targets if t.status and not FulfillmentStatus(t.status).terminal]
        if not active:
            return _no(
                QCoreApplication.translate(
                    "Conflicts", "Nothing of the order is open any more ({statuses})."
                ).format(statuses=_statuses(targets))
            )
        version = targets[0].order_version
        return RetryCheck(
            True, QCoreApplication.translate("Conflicts", "Sends the change again."), version
        )
    return _fulfillment_retry(name, code, args, targets[0], role)


def _statuses(targets: Sequence[OrderNow]) -> str:
    return ", ".join(sorted({status_words(t.status or "?") for t in targets}))


def _fulfillment_retry(
    name: CommandName, code: str, args: Mapping[str, Any], now: OrderNow, role: Role
) -> RetryCheck:
    if now.status is None or now.method is None:
        return _no(QCoreApplication.translate("Conflicts", "The order is no longer at this store."))
    status = FulfillmentStatus(now.status)
    action = COMMANDS[name].action
    words = command_words(name.value)
    again = QCoreApplication.translate("Conflicts", "Sends the change again.")
    if name is CommandName.REJECT_LINE:  # open or picking only
        if status not in (FulfillmentStatus.OPEN, FulfillmentStatus.PICKING):
            return _no(
                QCoreApplication.translate(
                    "Conflicts", "The order is {status} now: nothing to {action}."
                ).format(status=status_words(now.status), action=words)
            )
        return RetryCheck(True, again, now.version)
    if action is None:  # no status change to check: only a version that moved on is cured
        if code != "stale_version":
            return _no(_same_again(name.value))
        return RetryCheck(True, again, now.version)
    try:
        transition(FulfillmentMethod(now.method), status, action, role, _provided(args))
    except IllegalTransition:
        return _no(
            QCoreApplication.translate(
                "Conflicts", "The order is {status} now: it cannot be {done}."
            ).format(status=status_words(now.status), done=_done(name))
        )
    except PermissionDenied:
        return _no(
            QCoreApplication.translate(
                "Conflicts", "Your role may not {action} an order that is {status}."
            ).format(action=words, status=status_words(now.status))
        )
    except MissingRequirement as exc:
        return _no(
            QCoreApplication.translate("Conflicts", "Something is missing: {detail}.").format(
                detail=exc.message
            )
        )
    if name is CommandName.HAND_OVER and now.fraud_state == "review":
        return _no(
            QCoreApplication.translate("Conflicts", "Held for fraud review: call a manager.")
        )
    return RetryCheck(
        True,
        QCoreApplication.translate(
            "Conflicts", "Sends the {action} again against the order as it is now."
        ).format(action=words),
        now.version,
    )


_DONE = {
    CommandName.START_PICKING: QT_TRANSLATE_NOOP("Conflicts", "picked"),
    CommandName.MARK_READY: QT_TRANSLATE_NOOP("Conflicts", "marked ready"),
    CommandName.HAND_OVER: QT_TRANSLATE_NOOP("Conflicts", "handed over"),
    CommandName.PACK: QT_TRANSLATE_NOOP("Conflicts", "packed"),
    CommandName.UNPACK: QT_TRANSLATE_NOOP("Conflicts", "unpacked"),
    CommandName.SHIP: QT_TRANSLATE_NOOP("Conflicts", "shipped"),
    CommandName.DISPATCH_TRANSFER: QT_TRANSLATE_NOOP("Conflicts", "sent off"),
    CommandName.RECEIVE_TRANSFER: QT_TRANSLATE_NOOP("Conflicts", "received"),
    CommandName.CANCEL: QT_TRANSLATE_NOOP("Conflicts", "cancelled"),
    CommandName.EXPIRE: QT_TRANSLATE_NOOP("Conflicts", "expired"),
}


def _done(name: CommandName) -> str:
    found = _DONE.get(name)
    return _tr(found) if found is not None else name.value.replace("_", " ") + "d"


def _same_again(name: str) -> str:
    return QCoreApplication.translate(
        "Conflicts", "Sending the same {action} again would fail the same way."
    ).format(action=command_words(name))


def _never_why(code: str, name: str) -> str:
    if code == "verification_failed":
        return QCoreApplication.translate(
            "Conflicts",
            "The same check would be refused again: hand the order over anew from Pickups.",
        )
    if code == "missing_requirement":
        return QCoreApplication.translate(
            "Conflicts",
            "The same details would be refused again: do it anew with everything filled in.",
        )
    if code == "out_of_scope":
        return QCoreApplication.translate("Conflicts", "The order belongs to another store now.")
    if code == "not_found":
        return QCoreApplication.translate(
            "Conflicts", "Head office does not know the order (any more)."
        )
    return _same_again(name)
