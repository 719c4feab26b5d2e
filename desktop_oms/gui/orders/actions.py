"""Order modifications: the dialog of each, the role check with a manager's approval,
and the one outbox command each change becomes.

:meth:`OrderActions.start` (the Orders page's ``actionRequested``) reads the order as the
station has it on the database worker, says at once when the change makes no sense for
it (nothing left to lower, not on fraud review, not ready, ...), and otherwise opens the
change's dialog (:mod:`desktop_oms.gui.orders.action_dialogs`). Once filled in, a role
without the right (``domain.commands.COMMANDS``) is asked for a manager's badge or PIN
(:class:`~desktop_oms.gui.approval.ManagerApprovalDialog`); the command then goes to the
outbox with the order's version, ``staff_id`` = the signed-in person and ``approved_by``
= the manager, and the push is woken. Refusals the station can predict (a stale version,
a change the status machine forbids) are shown with their message; the rest the server
decides, and a refusal lands in the Conflicts inbox.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy.engine import Connection

from desktop_oms.cache import outbox
from desktop_oms.cache.ordercmds import (
    ACTIONS,
    REASON_KIND,
    OrderFacts,
    OrderRefused,
    Permission,
    StoreChoice,
    order_facts,
    permission,
    queue,
    reason_choices,
    stock_sources,
    store_choices,
)
from desktop_oms.domain.errors import DomainError
from desktop_oms.gui.approval import Approver, ManagerApprovalDialog, approval_throttle
from desktop_oms.gui.errortext import error_text
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.orders.action_dialogs import (
    ActionDialog,
    CancelOrderDialog,
    ChangeDeliveryDialog,
    ChangePickupStoreDialog,
    ChangeQuantityDialog,
    EditContactDialog,
    ReleaseHoldDialog,
    ReplaceItemDialog,
    ResendNoticeDialog,
)
from desktop_oms.gui.orders.refusals import refusal_text
from desktop_oms.gui.station import Station, StationEvents
from desktop_oms.gui.tasks import TaskManager

#: What each action is called in messages.
LABELS = {
    "change_quantity": QT_TRANSLATE_NOOP("OrderActions", "Quantity change"),
    "cancel_line": QT_TRANSLATE_NOOP("OrderActions", "Line cancel"),
    "cancel_order": QT_TRANSLATE_NOOP("OrderActions", "Cancellation"),
    "change_pickup_store": QT_TRANSLATE_NOOP("OrderActions", "Pickup store change"),
    "change_delivery": QT_TRANSLATE_NOOP("OrderActions", "Pickup/delivery switch"),
    "replace_item": QT_TRANSLATE_NOOP("OrderActions", "Replacement"),
    "edit_contact": QT_TRANSLATE_NOOP("OrderActions", "Contact change"),
    "resend_ready_notice": QT_TRANSLATE_NOOP("OrderActions", "Ready notice"),
    "release_fraud_hold": QT_TRANSLATE_NOOP("OrderActions", "Fraud hold release"),
}
#: Staff roles as messages name them.
ROLE_NAMES = {
    "associate": QT_TRANSLATE_NOOP("OrderActions", "an associate"),
    "lead": QT_TRANSLATE_NOOP("OrderActions", "a lead"),
    "manager": QT_TRANSLATE_NOOP("OrderActions", "a manager"),
    "customer_service": QT_TRANSLATE_NOOP("OrderActions", "customer service"),
    "admin": QT_TRANSLATE_NOOP("OrderActions", "an admin"),
}


def label(action: str) -> str:
    """What ``action`` is called in messages, in the station's language."""
    return QCoreApplication.translate("OrderActions", LABELS.get(action, action))


@dataclass(frozen=True, slots=True)
class ActionContext:
    """What a modification dialog needs, read in one go on the database worker."""

    facts: OrderFacts
    reasons: list[tuple[str, str]] = field(default_factory=list)
    stores: list[StoreChoice] = field(default_factory=list)
    sources: dict[int, list[StoreChoice]] = field(default_factory=dict)


def load_context(
    conn: Connection, action: str, number: str, own_store: int, now: datetime
) -> ActionContext:
    """Disk: the order and what ``action`` offers on it; OrderRefused when it makes no sense."""
    facts = order_facts(conn, number)
    if facts is None:
        raise OrderRefused(
            QCoreApplication.translate(
                "OrderActions", "Order {number} is not at this station."
            ).format(number=number)
        )
    if not facts.open and action != "edit_contact":
        raise OrderRefused(
            QCoreApplication.translate(
                "OrderActions", "Order {number} has ended (collected, shipped or cancelled)."
            ).format(number=number)
        )
    kind = REASON_KIND.get(action)
    reasons = reason_choices(conn, kind) if kind is not None else []
    if action in ("change_quantity", "cancel_line") and not any(
        line.changeable for line in facts.lines
    ):
        raise OrderRefused(
            QCoreApplication.translate(
                "OrderActions",
                "Everything of {number} is already picked, packed or handed over: "
                "no line can be lowered or cancelled any more.",
            ).format(number=number)
        )
    if action == "change_pickup_store" and not facts.pickup:
        raise OrderRefused(
            QCoreApplication.translate(
                "OrderActions", "{number} is delivered, not picked up: use Pickup or delivery."
            ).format(number=number)
        )
    if action == "change_delivery" and facts.left:
        raise OrderRefused(
            QCoreApplication.translate(
                "OrderActions",
                "The goods of {number} already left the store: it cannot switch now.",
            ).format(number=number)
        )
    if action == "resend_ready_notice" and not facts.ready:
        raise OrderRefused(
            QCoreApplication.translate(
                "OrderActions",
                "{number} is not ready for pickup: there is no ready notice to send.",
            ).format(number=number)
        )
    if action == "release_fraud_hold" and facts.fraud_state != "review":
        raise OrderRefused(
            QCoreApplication.translate(
                "OrderActions", "{number} is not on fraud review: there is no hold to release."
            ).format(number=number)
        )
    stores: list[StoreChoice] = []
    if action in ("change_pickup_store", "change_delivery"):
        skus = sorted({line.sku for line in facts.lines if line.changeable})
        if facts.pickup and facts.pickup_store_id is not None:
            stores = store_choices(conn, facts.pickup_store_id, skus, now)
        else:  # a delivery switching to pickup: this store first, then those nearby
            stores = store_choices(conn, own_store, skus, now, include_origin=True)
    sources: dict[int, list[StoreChoice]] = {}
    if action == "replace_item":
        for line in facts.lines:
            if line.active > 0:
                sources[line.line_no] = stock_sources(
                    conn, line.sku, now, exclude=list(line.stores) or [own_store]
                )
    return ActionContext(facts, reasons, stores, sources)


def make_dialog(action: str, context: ActionContext, parent: QWidget | None) -> ActionDialog:
    """The dialog of ``action`` for the order in ``context``."""
    facts, reasons = context.facts, context.reasons
    if action in ("change_quantity", "cancel_line"):
        return ChangeQuantityDialog(
            facts, reasons, cancel_line=action == "cancel_line", parent=parent
        )
    if action == "cancel_order":
        return CancelOrderDialog(facts, reasons, parent)
    if action == "change_pickup_store":
        return ChangePickupStoreDialog(facts, context.stores, parent)
    if action == "change_delivery":
        return ChangeDeliveryDialog(facts, context.stores, reasons, parent)
    if action == "replace_item":
        return ReplaceItemDialog(facts, context.sources, reasons, parent)
    if action == "edit_contact":
        return EditContactDialog(facts, parent)
    if action == "resend_ready_notice":
        return ResendNoticeDialog(facts, parent)
    if action == "release_fraud_hold":
        return ReleaseHoldDialog(facts, parent)
    raise KeyError(action)


class OrderActions(QObject):
    """Runs the modifications of orders (see the module).

    Signals: ``queued(str action, str order_number)`` once a change is in the outbox;
    ``message(str text, str level)`` for the window (``info``/``warn``/``bad``);
    ``opened(object)`` with each dialog shown (a modification's, then an approval's).
    """

    queued = Signal(str, str)
    message = Signal(str, str)
    opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = parent
        self.station: Station | None = None
        self.events: StationEvents | None = None
        self.tasks: TaskManager | None = None
        #: The modification dialog open (None when none is).
        self.dialog: ActionDialog | None = None
        #: The manager approval open (None when none is).
        self.approval: ManagerApprovalDialog | None = None
        #: Wrong approval PINs per login, kept across dialogs (3 tries, then locked).
        self.throttle = approval_throttle()
        self.busy = False

    def attach(self, station: Station, events: StationEvents, tasks: TaskManager) -> None:
        """Make changes at ``station``."""
        self.station, self.events, self.tasks = station, events, tasks
        events.sessionChanged.connect(self._session_changed)

    def _session_changed(self, _session: object) -> None:
        """Someone signed out or another person signed in: their open change is dropped."""
        for dialog in (self.approval, self.dialog):
            if dialog is not None:
                dialog.reject()

    # --- the flow ------------------------------------------------------------------------

    def start(self, action: str, order_number: str) -> None:
        """Begin ``action`` on ``order_number``: read the order, then open its dialog."""
        station, tasks = self.station, self.tasks
        if station is None or tasks is None:
            return
        session = station.session
        if session is None:
            self.message.emit(self.tr("Sign in first, then change the order."), "warn")
            return
        if action not in ACTIONS:
            self.message.emit(self.tr("Unknown change: {action}").format(action=action), "bad")
            return
        if self.busy or self.dialog is not None or self.approval is not None:
            self.message.emit(self.tr("Finish the change that is open first."), "warn")
            return
        if permission(action, session.role) is Permission.REFUSED:
            role = session.role.value
            who = ROLE_NAMES.get(role)
            self.message.emit(
                self.tr("{who} may not make this change ({change}).").format(
                    who=self.tr(who) if who else role.replace("_", " "), change=label(action)
                ),
                "bad",
            )
            return
        self.busy = True
        own, now = station.store_id, datetime.now(UTC)

        def loaded(context: ActionContext) -> None:
            self.busy = False
            self._open(action, context)

        def failed(exc: BaseException) -> None:
            self.busy = False
            if isinstance(exc, OrderRefused):
                self.message.emit(refusal_text(exc.message), "warn")
                return
            raise exc

        tasks.read(
            lambda conn: load_context(conn, action, order_number, own, now), name="order change"
        ).then(loaded, failed)

    def _open(self, action: str, context: ActionContext) -> None:
        dialog = make_dialog(action, context, self.host)
        self.dialog = dialog

        def closed(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                self._approve(action, context.facts, dialog.args, dialog.summary)

        dialog.finished.connect(closed)
        dialog.open()
        self.opened.emit(dialog)

    def _approve(self, action: str, facts: OrderFacts, args: dict[str, Any], summary: str) -> None:
        station, tasks = self.station, self.tasks
        session = station.session if station is not None else None
        if station is None or tasks is None or session is None:
            return
        if permission(action, session.role) is Permission.ALLOWED:
            self._queue(action, facts, args, summary, None)
            return
        approval = ManagerApprovalDialog(
            tasks,
            action=action,
            what=self.tr("{summary} — asked by {name}.").format(
                summary=summary, name=session.display_name
            ),
            store_id=station.store_id,
            requester_id=session.staff_id,
            throttle=self.throttle,
            parent=self.host,
        )
        self.approval = approval

        def closed(result: int) -> None:
            self.approval = None
            approval.deleteLater()
            approver = approval.approver
            if result == QDialog.DialogCode.Accepted and approver is not None:
                self._queue(action, facts, args, summary, approver)
            else:
                self.message.emit(
                    self.tr("{change} not made: no manager approved it.").format(
                        change=label(action)
                    ),
                    "warn",
                )

        approval.finished.connect(closed)
        approval.open()
        self.opened.emit(approval)

    def _queue(
        self,
        action: str,
        facts: OrderFacts,
        args: dict[str, Any],
        summary: str,
        approver: Approver | None,
    ) -> None:
        station, tasks, events = self.station, self.tasks, self.events
        session = station.session if station is not None else None
        if station is None or tasks is None or session is None:
            return
        now = datetime.now(UTC)
        role = session.role if approver is None and session.role.chain_wide else None
        number, version = facts.number, facts.version
        approved_by = approver.staff_id if approver is not None else None

        def job(conn: Connection) -> outbox.OutboxEntry:
            return queue(
                conn,
                action=action,
                number=number,
                base_version=version,
                args=args,
                staff_id=session.staff_id,
                approved_by=approved_by,
                now=now,
                role=role,
            )

        def done(_entry: outbox.OutboxEntry) -> None:
            station.kick()
            if events is not None:
                events.outboxChanged.emit()
                events.changed()
            offline = not station.link.online
            if approver is not None:
                text = (
                    self.tr(
                        "{summary}, approved by {name}: queued, "
                        "it is sent when the network is back."
                    )
                    if offline
                    else self.tr("{summary}, approved by {name}: queued, waiting for the server.")
                )
            else:
                text = (
                    self.tr("{summary}: queued, it is sent when the network is back.")
                    if offline
                    else self.tr("{summary}: queued, waiting for the server.")
                )
            name = approver.display_name if approver is not None else ""
            self.message.emit(text.format(summary=summary, name=name), "info")
            self.queued.emit(action, number)

        def refused(exc: BaseException) -> None:
            if not isinstance(exc, DomainError):
                raise exc
            self.message.emit(
                self.tr("{change} refused: {why}").format(change=label(action), why=_refusal(exc)),
                "bad",
            )

        tasks.write(job, name=action.replace("_", " ")).then(done, refused)


def _refusal(exc: DomainError) -> str:
    """A refusal in the station's language: the order checks' wording, else the domain's."""
    worded = refusal_text(exc.message)
    return error_text(exc) if worded == exc.message else worded
