"""One order on the Orders page: what it is, where each line stands, payment and fraud,
the customer and who else may collect, changes waiting for the server, its timeline, and
the buttons for the modifications that fit its state.

Buttons are never hidden by role (an action beyond the signed-in role asks a manager to
approve, see :mod:`desktop_oms.gui.orders.actions`); those that cannot apply to the
order's state are disabled with a tooltip saying why (:func:`orders.why_not`).
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.cache import orders
from desktop_oms.cache.orders import OrderView, PendingChange
from desktop_oms.cache.rows import utc_text
from desktop_oms.gui import theme
from desktop_oms.gui.detailcard import card_label
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.numbers import money
from desktop_oms.gui.orders.model import LineColumn, OrderLinesModel, method_text
from desktop_oms.gui.orders.timeline import TimelinePanel
from desktop_oms.gui.pickups.detail import CHANNELS
from desktop_oms.gui.pickups.timefmt import parse_utc, status_label, when
from desktop_oms.gui.queuetable import setup_queue_table

LINE_HEIGHT = 48
#: The width of the timeline feed beside the order.
TIMELINE_WIDTH = 300
LINE_WIDTHS = {
    LineColumn.LINE: 30,
    LineColumn.QUANTITY: 72,
    LineColumn.PICKED: 58,
    LineColumn.PROBLEMS: 112,
    LineColumn.WHERE: 122,
    LineColumn.STATUS: 112,
    LineColumn.BIN: 56,
}

#: Button text of each modification (:data:`orders.ACTIONS`).
ACTION_LABELS = {
    "change_quantity": QT_TRANSLATE_NOOP("OrderDetailPanel", "Change quantity"),
    "cancel_line": QT_TRANSLATE_NOOP("OrderDetailPanel", "Cancel a line"),
    "cancel_order": QT_TRANSLATE_NOOP("OrderDetailPanel", "Cancel order"),
    "change_pickup_store": QT_TRANSLATE_NOOP("OrderDetailPanel", "Change pickup store"),
    "change_delivery": QT_TRANSLATE_NOOP("OrderDetailPanel", "Pickup ⇄ delivery"),
    "replace_item": QT_TRANSLATE_NOOP("OrderDetailPanel", "Replace item"),
    "edit_contact": QT_TRANSLATE_NOOP("OrderDetailPanel", "Edit contact"),
    "resend_ready_notice": QT_TRANSLATE_NOOP("OrderDetailPanel", "Resend ready notice"),
    "release_fraud_hold": QT_TRANSLATE_NOOP("OrderDetailPanel", "Release fraud hold"),
}
#: What each button does, for its tooltip when it is enabled.
ACTION_HELP = {
    "change_quantity": QT_TRANSLATE_NOOP(
        "OrderDetailPanel", "Change how many of a line the customer gets"
    ),
    "cancel_line": QT_TRANSLATE_NOOP("OrderDetailPanel", "Cancel a whole line of the order"),
    "cancel_order": QT_TRANSLATE_NOOP("OrderDetailPanel", "Cancel every open part of the order"),
    "change_pickup_store": QT_TRANSLATE_NOOP(
        "OrderDetailPanel", "Collect at another store (shows what nearby stores have)"
    ),
    "change_delivery": QT_TRANSLATE_NOOP(
        "OrderDetailPanel", "Switch between pickup at a store and delivery to an address"
    ),
    "replace_item": QT_TRANSLATE_NOOP(
        "OrderDetailPanel", "Write off a damaged item and send a new one from a store with stock"
    ),
    "edit_contact": QT_TRANSLATE_NOOP(
        "OrderDetailPanel",
        "Change the customer's name, e-mail, phone or the alternate pickup person",
    ),
    "resend_ready_notice": QT_TRANSLATE_NOOP(
        "OrderDetailPanel", "Send the customer the ready-for-pickup message again"
    ),
    "release_fraud_hold": QT_TRANSLATE_NOOP(
        "OrderDetailPanel", "Release the order from fraud review (manager or customer service)"
    ),
}
PAYMENT_LEVELS = {"authorized": "ok", "captured": "ok", "voided": "muted"}
FRAUD_LEVELS = {"clear": "ok", "released": "ok", "review": "warn", "rejected": "bad"}
STATUS_CHIPS = {
    "ready_for_pickup": "ok",
    "handed_over": "muted",
    "shipped": "muted",
    "cancelled": "bad",
    "expired": "bad",
    "rejected": "bad",
}
PENDING_WORDS = {
    "change_quantity": QT_TRANSLATE_NOOP("OrderDetailPanel", "Change quantity"),
    "cancel_order": QT_TRANSLATE_NOOP("OrderDetailPanel", "Cancel the order"),
    "change_pickup_store": QT_TRANSLATE_NOOP("OrderDetailPanel", "Change the pickup store"),
    "change_delivery": QT_TRANSLATE_NOOP("OrderDetailPanel", "Change delivery"),
    "replace_item": QT_TRANSLATE_NOOP("OrderDetailPanel", "Replace an item"),
    "edit_contact": QT_TRANSLATE_NOOP("OrderDetailPanel", "Edit contact details"),
    "resend_ready_notice": QT_TRANSLATE_NOOP("OrderDetailPanel", "Resend the ready notice"),
    "release_fraud_hold": QT_TRANSLATE_NOOP("OrderDetailPanel", "Release the fraud hold"),
}

STYLE = f"""
QLabel#ordersNumber {{ font-size: 24px; font-weight: 800; color: {theme.INK}; }}
QLabel#ordersMeta {{ color: {theme.MUTED}; font-size: 14px; }}
QLabel#ordersCardValue {{ font-size: 14px; color: {theme.INK}; }}
QLabel#ordersCardBig {{ font-size: 17px; font-weight: 700; color: {theme.INK}; }}
QLabel#ordersTimelineNote {{
    background: #FFFBEB; border: 1px solid #FCD34D; border-radius: 8px; padding: 8px 10px;
    color: #92400E; font-size: 13px;
}}
QFrame#ordersActions {{ background: #F8F9FB; border: 1px solid #E2E6EC; border-radius: 12px; }}
QFrame#ordersActions QPushButton {{
    min-height: 40px; padding: 0 6px; font-size: 13px; border-radius: 8px;
}}
"""


def _chip(text: str, level: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("chip", level)
    return label


def pending_text(change: PendingChange) -> str:
    """A queued change in words: what, by whom, and how far it got."""
    word = PENDING_WORDS.get(change.name)
    what = _tr(word) if word else change.name.replace("_", " ").capitalize()
    args = change.args
    details = []
    if "line_no" in args:
        details.append(
            QCoreApplication.translate("OrderDetailPanel", "line {line}").format(
                line=args["line_no"]
            )
        )
    if "quantity" in args:
        details.append(
            QCoreApplication.translate("OrderDetailPanel", "to {quantity}").format(
                quantity=args["quantity"]
            )
        )
    if "store_id" in args and args["store_id"] is not None:
        details.append(
            QCoreApplication.translate("OrderDetailPanel", "store #{store}").format(
                store=args["store_id"]
            )
        )
    if "method" in args:
        details.append(method_text(str(args["method"])))
    if args.get("reason"):
        details.append(
            QCoreApplication.translate("OrderDetailPanel", "reason: {reason}").format(
                reason=str(args["reason"]).replace("_", " ")
            )
        )
    head = f"{what} ({', '.join(details)})" if details else what
    if change.approved_by:
        who = QCoreApplication.translate(
            "OrderDetailPanel", "{name}, approved by {approver}"
        ).format(name=change.staff, approver=change.approved_by)
    else:
        who = change.staff
    if change.last_error:
        return QCoreApplication.translate(
            "OrderDetailPanel", "{change} — by {who}, waiting to be sent — last try: {error}"
        ).format(change=head, who=who, error=change.last_error)
    return QCoreApplication.translate(
        "OrderDetailPanel", "{change} — by {who}, waiting to be sent"
    ).format(change=head, who=who)


def _span(colour: str, text: str) -> str:
    """``text`` (escaped) in ``colour``."""
    return f"<span style='color:{colour}'>{html.escape(text)}</span>"


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrderDetailPanel", text)


#: Why a change does not fit the order (:func:`orders.why_not`), in the station's language.
_WHY_NOT = (
    (
        re.compile(r"Nothing left to change: the order is (.*)\.$"),
        QT_TRANSLATE_NOOP("OrderDetailPanel", "Nothing left to change: the order is {status}."),
    ),
    (
        re.compile(r"No line has units left to change\.$"),
        QT_TRANSLATE_NOOP("OrderDetailPanel", "No line has units left to change."),
    ),
    (
        re.compile(r"Not collected at a store: it is delivered to the customer\.$"),
        QT_TRANSLATE_NOOP(
            "OrderDetailPanel", "Not collected at a store: it is delivered to the customer."
        ),
    ),
    (
        re.compile(r"Only once the order is ready for pickup \(it is (.*)\)\.$"),
        QT_TRANSLATE_NOOP(
            "OrderDetailPanel", "Only once the order is ready for pickup (it is {status})."
        ),
    ),
    (
        re.compile(r"No fraud hold to release \(fraud check: (.*)\)\.$"),
        QT_TRANSLATE_NOOP("OrderDetailPanel", "No fraud hold to release (fraud check: {status})."),
    ),
)
_FRAUD_WORDS = {
    "clear": QT_TRANSLATE_NOOP("OrderDetailPanel", "clear"),
    "released": QT_TRANSLATE_NOOP("OrderDetailPanel", "released"),
    "review": QT_TRANSLATE_NOOP("OrderDetailPanel", "review"),
    "rejected": QT_TRANSLATE_NOOP("OrderDetailPanel", "rejected"),
}
_PAYMENT_WORDS = {
    "authorized": QT_TRANSLATE_NOOP("OrderDetailPanel", "Authorized"),
    "captured": QT_TRANSLATE_NOOP("OrderDetailPanel", "Captured"),
    "voided": QT_TRANSLATE_NOOP("OrderDetailPanel", "Voided"),
    "failed": QT_TRANSLATE_NOOP("OrderDetailPanel", "Failed"),
    "pending": QT_TRANSLATE_NOOP("OrderDetailPanel", "Pending"),
    "refunded": QT_TRANSLATE_NOOP("OrderDetailPanel", "Refunded"),
}


def _statuses(text: str) -> str:
    """A list of statuses as why_not words them ("picking, ready for pickup"), translated."""
    if text == "not routed":
        return QCoreApplication.translate("OrderDetailPanel", "not routed")
    if text in _FRAUD_WORDS:
        return _tr(_FRAUD_WORDS[text])
    return ", ".join(status_label(s.strip().replace(" ", "_")).lower() for s in text.split(","))


def why_not_text(why: str) -> str:
    """:func:`orders.why_not`'s English reason in the station's language."""
    for pattern, words in _WHY_NOT:
        found = pattern.match(why)
        if found is not None:
            return _tr(words).format(status=_statuses(found.group(1)) if found.groups() else "")
    return why


class OrderDetailPanel(QWidget):
    """The order shown on the Orders page.

    Signal ``actionRequested(str action, str order_number)``: a modification button was
    pressed (action names of :data:`orders.ACTIONS`); ``reloadRequested()``: the reload
    button.
    """

    actionRequested = Signal(str, str)  # noqa: N815
    reloadRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ordersDetail")
        self.setStyleSheet(STYLE)
        self.view: OrderView | None = None
        self.tz: tzinfo = UTC
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(10)

        head = QHBoxLayout()
        head.setSpacing(10)
        self.number = QLabel("", self)
        self.number.setObjectName("ordersNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.number)
        self.status_chip = _chip("", "muted")
        self.fraud_chip = _chip("", "warn")
        self.pending_chip = _chip("", "info")
        for chip in (self.status_chip, self.fraud_chip, self.pending_chip):
            head.addWidget(chip, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addStretch(1)
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setProperty("flat", True)
        self.reload_button.setIcon(theme.icon("retry", theme.ACCENT))
        self.reload_button.setToolTip(self.tr("Read the order again (F5)"))
        self.reload_button.clicked.connect(self.reloadRequested)
        head.addWidget(self.reload_button)
        outer.addLayout(head)
        self.meta = QLabel("", self)
        self.meta.setObjectName("ordersMeta")
        self.meta.setWordWrap(True)
        outer.addWidget(self.meta)

        self.banners = QVBoxLayout()
        self.banners.setSpacing(8)
        self.pending_banner, self.pending_text = self._banner(self, "info", "upload")
        self.conflict_banner, self.conflict_text = self._banner(self, "bad", "alert")
        outer.addLayout(self.banners)

        # the order on the left (scrolling when long), its timeline on the right
        columns = QHBoxLayout()
        columns.setSpacing(14)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self.scroller)
        body.setObjectName("ordersDetailBody")
        self.scroller.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 4, 8)
        layout.setSpacing(12)

        cards = QHBoxLayout()
        cards.setSpacing(12)
        self.customer_card, self.customer_body = self._card(body, self.tr("CUSTOMER"))
        self.payment_card, self.payment_body = self._card(body, self.tr("PAYMENT · FRAUD"))
        self.delivery_card, self.delivery_body = self._card(body, self.tr("DELIVERY"))
        for card in (self.customer_card, self.payment_card, self.delivery_card):
            cards.addWidget(card, 1)
        layout.addLayout(cards)

        lines_title = QLabel(self.tr("LINES"), body)
        lines_title.setProperty("section", True)
        layout.addWidget(lines_title)
        self.lines = QTableView(body)
        self.lines.setObjectName("ordersLines")
        self.lines.setAccessibleName(self.tr("Lines of the order"))
        self.lines_model = OrderLinesModel(self)
        self.lines.setModel(self.lines_model)
        setup_queue_table(
            self.lines, row_height=LINE_HEIGHT, widths=LINE_WIDTHS, stretch=LineColumn.PRODUCT
        )
        # the delivery card names the bin; the status says how many were picked
        self.lines.setColumnHidden(LineColumn.BIN, True)
        self.lines.setColumnHidden(LineColumn.PICKED, True)
        self.lines.setWordWrap(True)
        self.lines.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.lines)

        self.actions_frame = QFrame(body)
        self.actions_frame.setObjectName("ordersActions")
        grid = QGridLayout(self.actions_frame)
        grid.setContentsMargins(10, 8, 10, 10)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        actions_title = QLabel(self.tr("CHANGE THIS ORDER"), self.actions_frame)
        actions_title.setProperty("section", True)
        grid.addWidget(actions_title, 0, 0, 1, 3)
        self.buttons: dict[str, QPushButton] = {}
        for n, name in enumerate(orders.ACTIONS):
            button = QPushButton(self.tr(ACTION_LABELS[name]), self.actions_frame)
            button.setObjectName(f"orderAction_{name}")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            if name in ("cancel_order", "cancel_line"):
                button.setProperty("danger", True)
            button.clicked.connect(lambda _=False, a=name: self._request(a))
            grid.addWidget(button, 1 + n // 3, n % 3)
            self.buttons[name] = button
        layout.addWidget(self.actions_frame)
        layout.addStretch(1)
        columns.addWidget(self.scroller, 1)

        self.timeline = TimelinePanel(self)
        self.timeline.setFixedWidth(TIMELINE_WIDTH)
        columns.addWidget(self.timeline)
        outer.addLayout(columns, 1)

    # --- building blocks -----------------------------------------------------------------

    def _banner(self, parent: QWidget, level: str, icon: str) -> tuple[QFrame, QLabel]:
        frame = QFrame(parent)
        frame.setProperty("banner", level)
        row = QHBoxLayout(frame)
        row.setContentsMargins(12, 8, 12, 8)
        row.setSpacing(10)
        mark = QLabel(frame)
        colour = {"info": theme.ACCENT, "bad": theme.BAD}.get(level, theme.WARN)
        mark.setPixmap(theme.pixmap(icon, colour, 20, self.devicePixelRatioF()))
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        text = QLabel("", frame)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(text, 1)
        frame.hide()
        self.banners.addWidget(frame)
        return frame, text

    @staticmethod
    def _card(parent: QWidget, title: str) -> tuple[QFrame, QLabel]:
        frame = QFrame(parent)
        frame.setProperty("card", True)
        box = QVBoxLayout(frame)
        box.setContentsMargins(12, 10, 12, 10)
        box.setSpacing(6)
        head = QLabel(title, frame)
        head.setProperty("section", True)
        box.addWidget(head)
        text = card_label(name="ordersCardValue")
        text.setTextFormat(Qt.TextFormat.RichText)
        box.addWidget(text)
        box.addStretch(1)
        return frame, text

    # --- showing an order ----------------------------------------------------------------

    def show_order(self, view: OrderView, now: datetime, tz: tzinfo, timeline_note: str) -> None:
        """Show ``view``; ``timeline_note`` explains a timeline not from the server."""
        self.view, self.tz = view, tz
        order = view.order
        self.number.setText(view.number)
        status = view.status if view.fulfillments else ""
        self._set_chip(self.status_chip, status_label(status) if status else "", status)
        fraud = str(order.get("fraud_state", ""))
        held = fraud in ("review", "rejected")
        self.fraud_chip.setText(
            self.tr("Fraud hold") if fraud == "review" else self.tr("Fraud: rejected")
        )
        self.fraud_chip.setProperty("chip", FRAUD_LEVELS.get(fraud, "warn"))
        self.fraud_chip.setVisible(held)
        theme.restyle(self.fraud_chip)
        count = len(view.pending)
        self.pending_chip.setText(self.tr("%n change(s) waiting to send", "", count))
        self.pending_chip.setVisible(count > 0)
        self.meta.setText(self._meta(view, now, tz))
        self._show_buttons(view)
        self._show_banners(view)
        self.customer_body.setText(self._customer(view))
        self.payment_body.setText(self._payment(view))
        self.delivery_body.setText(self._delivery(view, now, tz))
        self.lines_model.tz = tz
        self.lines_model.set_rows(view.lines, now)
        header = self.lines.horizontalHeader().height()
        self.lines.setFixedHeight(header + max(1, len(view.lines)) * LINE_HEIGHT + 2)
        self.timeline.show_rows(
            view.timeline,
            from_server=view.from_server,
            note="" if view.from_server else timeline_note,
            now=now,
            tz=tz,
        )

    def _set_chip(self, chip: QLabel, text: str, status: str) -> None:
        chip.setText(text)
        chip.setProperty("chip", STATUS_CHIPS.get(status, "info"))
        chip.setVisible(bool(text))
        theme.restyle(chip)

    def _meta(self, view: OrderView, now: datetime, tz: tzinfo) -> str:
        order = view.order
        placed = parse_utc(utc_text(order.get("created_at")))
        channel = CHANNELS.get(str(order.get("channel")), str(order.get("channel", "")))
        units = sum(x.quantity for x in view.lines)
        parts = [
            QCoreApplication.translate("OrderDetailPanel", "Placed {when}").format(
                when=when(placed, now, tz)
            )
            if placed
            else "",
            channel,
            money(int(order.get("total_minor", 0)), str(order.get("currency", "EUR"))),
            self.tr("%n item(s)", "", units) if view.lines else "",
            QCoreApplication.translate("OrderDetailPanel", "version {version}").format(
                version=view.version
            ),
        ]
        return "  ·  ".join(p for p in parts if p)

    def _show_buttons(self, view: OrderView) -> None:
        reasons = orders.why_not(view)
        for name, button in self.buttons.items():
            why = reasons[name]
            button.setEnabled(why is None)
            button.setToolTip(why_not_text(why) if why is not None else self.tr(ACTION_HELP[name]))

    def _show_banners(self, view: OrderView) -> None:
        if view.pending:
            items = "".join(f"<li>{html.escape(pending_text(p))}</li>" for p in view.pending)
            self.pending_text.setText(
                self.tr(
                    "<b>Changes waiting for the server</b> — shown here as they will be once it "
                    "confirms them:"
                )
                + f"<ul style='margin:4px 0 0 -20px'>{items}</ul>"
            )
        self.pending_banner.setVisible(bool(view.pending))
        if view.conflicts:
            first = view.conflicts[-1]
            more = len(view.conflicts) - 1
            text = (
                self.tr(
                    "<b>The server refused a change</b>: {why} "
                    "(and %n more in the Conflicts inbox)",
                    "",
                    more,
                )
                if more
                else self.tr("<b>The server refused a change</b>: {why}")
            )
            self.conflict_text.setText(text.format(why=html.escape(first.message)))
        self.conflict_banner.setVisible(bool(view.conflicts))

    @staticmethod
    def _customer(view: OrderView) -> str:
        c = view.customer
        alternate = view.order.get("alternate_pickup_name")
        lines = [
            f"<span style='font-size:16px; font-weight:700'>{html.escape(str(c['name']))}</span>",
            html.escape(
                str(c.get("phone") or QCoreApplication.translate("OrderDetailPanel", "no phone"))
            ),
            html.escape(
                str(c.get("email") or QCoreApplication.translate("OrderDetailPanel", "no e-mail"))
            ),
        ]
        if alternate:
            lines.append(
                _span(
                    theme.MUTED, QCoreApplication.translate("OrderDetailPanel", "Also may collect:")
                )
                + f" <b>{html.escape(str(alternate))}</b>"
            )
        else:
            none = QCoreApplication.translate("OrderDetailPanel", "No alternate pickup person")
            lines.append(f"<span style='color:{theme.FAINT}'>{none}</span>")
        return "<br>".join(lines)

    @staticmethod
    def _payment(view: OrderView) -> str:
        order = view.order
        payment = str(order.get("payment_state", ""))
        fraud = str(order.get("fraud_state", ""))
        colours = {"ok": theme.OK, "warn": theme.WARN, "bad": theme.BAD, "muted": theme.MUTED}
        pay_colour = colours[PAYMENT_LEVELS.get(payment, "bad")]
        fraud_colour = colours[FRAUD_LEVELS.get(fraud, "warn")]
        rules = [str(r) for r in order.get("fraud_rules") or []]
        pay_word = _tr(_PAYMENT_WORDS[payment]) if payment in _PAYMENT_WORDS else payment
        fraud_word = _tr(_FRAUD_WORDS[fraud]) if fraud in _FRAUD_WORDS else fraud
        fraud_word = fraud_word[:1].upper() + fraud_word[1:]
        lines = [
            QCoreApplication.translate("OrderDetailPanel", "Payment: {state}").format(
                state=f"<b style='color:{pay_colour}'>{html.escape(pay_word)}</b>"
            ),
            QCoreApplication.translate("OrderDetailPanel", "Fraud check: {state}").format(
                state=f"<b style='color:{fraud_colour}'>{html.escape(fraud_word)}</b>"
            ),
        ]
        if rules:
            lines.append(
                _span(theme.MUTED, QCoreApplication.translate("OrderDetailPanel", "Rules hit:"))
                + " "
                + html.escape(", ".join(r.replace("_", " ") for r in rules))
            )
        elif fraud in ("clear", "released"):
            lines.append(
                _span(
                    theme.FAINT,
                    QCoreApplication.translate("OrderDetailPanel", "No fraud rules hit"),
                )
            )
        return "<br>".join(lines)

    @staticmethod
    def _delivery(view: OrderView, now: datetime, tz: tzinfo) -> str:
        if not view.fulfillments:
            return _span(
                theme.FAINT,
                QCoreApplication.translate("OrderDetailPanel", "Not routed to a store yet"),
            )
        parts = []
        for f in view.fulfillments:
            doc = f.doc
            store = view.stores.get(f.store_id)
            where = (
                store.code
                if store
                else QCoreApplication.translate("OrderDetailPanel", "store {store}").format(
                    store=f.store_id
                )
            )
            text = f"<b>{html.escape(method_text(f.method))}</b> · {html.escape(where)}"
            pickup = orders.pickup_store_of(f)
            if pickup is not None and pickup != f.store_id:
                target = view.stores.get(pickup)
                text += f" → {html.escape(target.code if target else str(pickup))}"
            text += f" · {html.escape(status_label(f.status))}"
            if doc.get("bin"):
                text += " · " + QCoreApplication.translate("OrderDetailPanel", "bin {bin}").format(
                    bin=f"<b>{html.escape(str(doc['bin']))}</b>"
                )
            deadline = parse_utc(utc_text(doc.get("pickup_deadline")))
            if deadline is not None and f.status == "ready_for_pickup":
                held = QCoreApplication.translate("OrderDetailPanel", "Held until {when}").format(
                    when=when(deadline, now, tz)
                )
                text += f"<br><span style='color:{theme.MUTED}'>{held}</span>"
            parts.append(text)
        if view.ship_to:
            a = view.ship_to
            parts.append(
                _span(theme.MUTED, QCoreApplication.translate("OrderDetailPanel", "To:"))
                + " "
                + html.escape(f"{a.get('name', '')}, {a.get('line1', '')}, ")
                + html.escape(f"{a.get('postal_code', '')} {a.get('city', '')}")
            )
        return "<br>".join(parts)

    # --- actions -------------------------------------------------------------------------

    def _request(self, action: str) -> None:
        if self.view is not None and self.buttons[action].isEnabled():
            self.actionRequested.emit(action, self.view.number)
