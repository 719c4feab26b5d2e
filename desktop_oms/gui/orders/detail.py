"""One order on the Orders page: what it is, where each line stands, payment and fraud,
the customer and who else may collect, changes waiting for the server, its timeline, and
the buttons for the modifications that fit its state.

Buttons are never hidden by role (an action beyond the signed-in role asks a manager to
approve, see :mod:`desktop_oms.gui.orders.actions`); those that cannot apply to the
order's state are disabled with a tooltip saying why (:func:`orders.why_not`).
"""

from __future__ import annotations

import html
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import Qt, Signal
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
from desktop_oms.gui.orders.model import LineColumn, OrderLinesModel, method_text
from desktop_oms.gui.orders.timeline import TimelinePanel
from desktop_oms.gui.pickups.detail import CHANNELS, money
from desktop_oms.gui.pickups.timefmt import parse_utc, status_label, when
from desktop_oms.gui.queuetable import setup_queue_table

LINE_HEIGHT = 48
#: The width of the timeline feed beside the order.
TIMELINE_WIDTH = 300
LINE_WIDTHS = {
    LineColumn.LINE: 30,
    LineColumn.QUANTITY: 44,
    LineColumn.PICKED: 58,
    LineColumn.PROBLEMS: 92,
    LineColumn.WHERE: 122,
    LineColumn.STATUS: 112,
    LineColumn.BIN: 56,
}

#: Button text of each modification (:data:`orders.ACTIONS`).
ACTION_LABELS = {
    "change_quantity": "Change quantity",
    "cancel_line": "Cancel a line",
    "cancel_order": "Cancel order",
    "change_pickup_store": "Change pickup store",
    "change_delivery": "Pickup ⇄ delivery",
    "replace_item": "Replace item",
    "edit_contact": "Edit contact",
    "resend_ready_notice": "Resend ready notice",
    "release_fraud_hold": "Release fraud hold",
}
#: What each button does, for its tooltip when it is enabled.
ACTION_HELP = {
    "change_quantity": "Change how many of a line the customer gets",
    "cancel_line": "Cancel a whole line of the order",
    "cancel_order": "Cancel every open part of the order",
    "change_pickup_store": "Collect at another store (shows what nearby stores have)",
    "change_delivery": "Switch between pickup at a store and delivery to an address",
    "replace_item": "Write off a damaged item and send a new one from a store with stock",
    "edit_contact": "Change the customer's name, e-mail, phone or the alternate pickup person",
    "resend_ready_notice": "Send the customer the ready-for-pickup message again",
    "release_fraud_hold": "Release the order from fraud review (manager or customer service)",
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
    "change_quantity": "Change quantity",
    "cancel_order": "Cancel the order",
    "change_pickup_store": "Change the pickup store",
    "change_delivery": "Change delivery",
    "replace_item": "Replace an item",
    "edit_contact": "Edit contact details",
    "resend_ready_notice": "Resend the ready notice",
    "release_fraud_hold": "Release the fraud hold",
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
    min-height: 30px; max-height: 30px; padding: 0 6px; font-size: 13px; border-radius: 8px;
}}
"""


def _chip(text: str, level: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("chip", level)
    return label


def pending_text(change: PendingChange) -> str:
    """A queued change in words: what, by whom, and how far it got."""
    what = PENDING_WORDS.get(change.name, change.name.replace("_", " ").capitalize())
    args = change.args
    details = []
    if "line_no" in args:
        details.append(f"line {args['line_no']}")
    if "quantity" in args:
        details.append(f"to {args['quantity']}")
    if "store_id" in args and args["store_id"] is not None:
        details.append(f"store #{args['store_id']}")
    if "method" in args:
        details.append(str(args["method"]))
    if args.get("reason"):
        details.append(f"reason: {str(args['reason']).replace('_', ' ')}")
    head = f"{what} ({', '.join(details)})" if details else what
    who = change.staff + (f", approved by {change.approved_by}" if change.approved_by else "")
    tail = f" — last try: {change.last_error}" if change.last_error else ""
    return f"{head} — by {who}, waiting to be sent{tail}"


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
        self.reload_button = QPushButton("Reload", self)
        self.reload_button.setProperty("flat", True)
        self.reload_button.setIcon(theme.icon("retry", theme.ACCENT))
        self.reload_button.setToolTip("Read the order again (F5)")
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
        self.customer_card, self.customer_body = self._card(body, "CUSTOMER")
        self.payment_card, self.payment_body = self._card(body, "PAYMENT · FRAUD")
        self.delivery_card, self.delivery_body = self._card(body, "DELIVERY")
        for card in (self.customer_card, self.payment_card, self.delivery_card):
            cards.addWidget(card, 1)
        layout.addLayout(cards)

        lines_title = QLabel("LINES", body)
        lines_title.setProperty("section", True)
        layout.addWidget(lines_title)
        self.lines = QTableView(body)
        self.lines.setObjectName("ordersLines")
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
        actions_title = QLabel("CHANGE THIS ORDER", self.actions_frame)
        actions_title.setProperty("section", True)
        grid.addWidget(actions_title, 0, 0, 1, 3)
        self.buttons: dict[str, QPushButton] = {}
        for n, name in enumerate(orders.ACTIONS):
            button = QPushButton(ACTION_LABELS[name], self.actions_frame)
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
        self.fraud_chip.setText("Fraud hold" if fraud == "review" else "Fraud: rejected")
        self.fraud_chip.setProperty("chip", FRAUD_LEVELS.get(fraud, "warn"))
        self.fraud_chip.setVisible(held)
        theme.restyle(self.fraud_chip)
        count = len(view.pending)
        self.pending_chip.setText(f"{count} change{'s' if count != 1 else ''} waiting to send")
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

    @staticmethod
    def _meta(view: OrderView, now: datetime, tz: tzinfo) -> str:
        order = view.order
        placed = parse_utc(utc_text(order.get("created_at")))
        channel = CHANNELS.get(str(order.get("channel")), str(order.get("channel", "")))
        units = sum(x.quantity for x in view.lines)
        parts = [
            f"Placed {when(placed, now, tz)}" if placed else "",
            channel,
            money(int(order.get("total_minor", 0)), str(order.get("currency", "EUR"))),
            f"{units} item{'s' if units != 1 else ''}" if view.lines else "",
            f"version {view.version}",
        ]
        return "  ·  ".join(p for p in parts if p)

    def _show_buttons(self, view: OrderView) -> None:
        reasons = orders.why_not(view)
        for name, button in self.buttons.items():
            why = reasons[name]
            button.setEnabled(why is None)
            button.setToolTip(why if why is not None else ACTION_HELP[name])

    def _show_banners(self, view: OrderView) -> None:
        if view.pending:
            items = "".join(f"<li>{html.escape(pending_text(p))}</li>" for p in view.pending)
            self.pending_text.setText(
                "<b>Changes waiting for the server</b> — shown here as they will be once it "
                f"confirms them:<ul style='margin:4px 0 0 -20px'>{items}</ul>"
            )
        self.pending_banner.setVisible(bool(view.pending))
        if view.conflicts:
            first = view.conflicts[-1]
            more = len(view.conflicts) - 1
            extra = f" (and {more} more in the Conflicts inbox)" if more else ""
            self.conflict_text.setText(
                f"<b>The server refused a change</b>: {html.escape(first.message)}{extra}"
            )
        self.conflict_banner.setVisible(bool(view.conflicts))

    @staticmethod
    def _customer(view: OrderView) -> str:
        c = view.customer
        alternate = view.order.get("alternate_pickup_name")
        lines = [
            f"<span style='font-size:16px; font-weight:700'>{html.escape(str(c['name']))}</span>",
            html.escape(str(c.get("phone") or "no phone")),
            html.escape(str(c.get("email") or "no e-mail")),
        ]
        if alternate:
            lines.append(
                f"<span style='color:{theme.MUTED}'>Also may collect:</span> "
                f"<b>{html.escape(str(alternate))}</b>"
            )
        else:
            lines.append(f"<span style='color:{theme.FAINT}'>No alternate pickup person</span>")
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
        lines = [
            f"Payment: <b style='color:{pay_colour}'>{html.escape(payment.capitalize())}</b>",
            f"Fraud check: <b style='color:{fraud_colour}'>{html.escape(fraud.capitalize())}</b>",
        ]
        if rules:
            lines.append(
                f"<span style='color:{theme.MUTED}'>Rules hit:</span> "
                + html.escape(", ".join(r.replace("_", " ") for r in rules))
            )
        elif fraud in ("clear", "released"):
            lines.append(f"<span style='color:{theme.FAINT}'>No fraud rules hit</span>")
        return "<br>".join(lines)

    @staticmethod
    def _delivery(view: OrderView, now: datetime, tz: tzinfo) -> str:
        if not view.fulfillments:
            return f"<span style='color:{theme.FAINT}'>Not routed to a store yet</span>"
        parts = []
        for f in view.fulfillments:
            doc = f.doc
            store = view.stores.get(f.store_id)
            where = store.code if store else f"store {f.store_id}"
            text = f"<b>{html.escape(method_text(f.method))}</b> · {html.escape(where)}"
            pickup = orders.pickup_store_of(f)
            if pickup is not None and pickup != f.store_id:
                target = view.stores.get(pickup)
                text += f" → {html.escape(target.code if target else str(pickup))}"
            text += f" · {html.escape(status_label(f.status))}"
            if doc.get("bin"):
                text += f" · bin <b>{html.escape(str(doc['bin']))}</b>"
            deadline = parse_utc(utc_text(doc.get("pickup_deadline")))
            if deadline is not None and f.status == "ready_for_pickup":
                text += f"<br><span style='color:{theme.MUTED}'>Held until "
                text += f"{when(deadline, now, tz)}</span>"
            parts.append(text)
        if view.ship_to:
            a = view.ship_to
            parts.append(
                f"<span style='color:{theme.MUTED}'>To:</span> "
                + html.escape(f"{a.get('name', '')}, {a.get('line1', '')}, ")
                + html.escape(f"{a.get('postal_code', '')} {a.get('city', '')}")
            )
        return "<br>".join(parts)

    # --- actions -------------------------------------------------------------------------

    def _request(self, action: str) -> None:
        if self.view is not None and self.buttons[action].isEnabled():
            self.actionRequested.emit(action, self.view.number)
