"""The fulfillment panel beside the fulfil queue: what it is, and its next step.

Open work offers "Pick…"; a pickup being picked (or a transfer that arrived here) is
staged by scanning or typing its bin label; a parcel being picked is packed ("Pack…");
a packed parcel gets its shipping labels ("Buy labels"), printed with the packing slip,
and is shipped; a lead or manager may void a label or unpack it. A transfer on its way
here is received ("Receive", or scan its order code).
"""

from __future__ import annotations

import html
from datetime import UTC, datetime, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_oms.cache.queries import FulfillmentView, OrderDetail
from desktop_oms.domain.commands import COMMANDS, CommandName
from desktop_oms.domain.roles import Role
from desktop_oms.domain.shipping import LABEL_VOIDERS, active_labels
from desktop_oms.gui import theme
from desktop_oms.gui.detailcard import DetailCard, card_label, lines_html
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.numbers import money
from desktop_oms.gui.pickups import timefmt

METHODS = {
    "store_pickup": QT_TRANSLATE_NOOP("FulfilDetailPanel", "Store pickup"),
    "ship_from_store": QT_TRANSLATE_NOOP("FulfilDetailPanel", "Ship from store"),
    "ship_to_store": QT_TRANSLATE_NOOP("FulfilDetailPanel", "Ship to store"),
}
#: Where the order was placed (translated when shown).
CHANNELS = {
    "web": QT_TRANSLATE_NOOP("FulfilDetailPanel", "Web shop"),
    "marketplace": QT_TRANSLATE_NOOP("FulfilDetailPanel", "Marketplace"),
    "call_centre": QT_TRANSLATE_NOOP("FulfilDetailPanel", "Call centre"),
}
#: What a status means to the back room (the panel's chip).
STATUS_LEVELS = {"open": "info", "picking": "warn", "packed": "ok", "in_transit": "info"}


def _may(name: CommandName, role: Role | None) -> bool:
    return role is not None and role in COMMANDS[name].roles


def _button(text: str, name: str, parent: QWidget, *, accent: bool = False) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setMinimumHeight(44)
    if accent:
        button.setProperty("accent", True)
        button.setMinimumHeight(48)
    button.hide()
    return button


class FulfilDetailPanel(DetailCard):
    """One fulfillment in the back room.

    Signals, each with the :class:`FulfillmentView` shown: ``pickRequested(object)``,
    ``receiveRequested(object)``, ``stageRequested(object, str)`` (with the bin text as
    typed or scanned), ``packRequested(object)``, ``buyLabelsRequested(object)``,
    ``printLabelsRequested(object)``, ``packingSlipRequested(object)``,
    ``shipRequested(object)``, ``voidRequested(object)``, ``unpackRequested(object)``;
    and ``closed()``.
    """

    pickRequested = Signal(object)  # noqa: N815
    receiveRequested = Signal(object)  # noqa: N815
    stageRequested = Signal(object, str)  # noqa: N815
    packRequested = Signal(object)  # noqa: N815
    buyLabelsRequested = Signal(object)  # noqa: N815
    printLabelsRequested = Signal(object)  # noqa: N815
    packingSlipRequested = Signal(object)  # noqa: N815
    shipRequested = Signal(object)  # noqa: N815
    dispatchRequested = Signal(object)  # noqa: N815
    voidRequested = Signal(object)  # noqa: N815
    unpackRequested = Signal(object)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fulfilDetail")
        self.detail: OrderDetail | None = None
        self.fulfillment: FulfillmentView | None = None
        self.role: Role | None = None
        self.busy = False

        self.banner = QFrame(self)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 10, 12, 10)
        self.banner_text = card_label()
        banner_layout.addWidget(self.banner_text)
        self.body.addWidget(self.banner)

        facts = QFrame(self)
        facts.setObjectName("binCard")
        facts.setProperty("card", True)
        grid = QGridLayout(facts)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(2)
        grid.addWidget(card_label(self.tr("METHOD"), section=True), 0, 0)
        grid.addWidget(card_label(self.tr("PROMISED"), section=True), 0, 1)
        self.method = card_label(name="fulfilMethod")
        self.promised = card_label()
        self.express_badge = QLabel(self.tr("EXPRESS"), facts)
        self.express_badge.setObjectName("expressBadge")
        self.express_badge.setToolTip(
            self.tr("Express delivery: the customer paid to have it fast")
        )
        self.express_badge.setStyleSheet(
            f"background: {theme.WARN_TINT}; color: {theme.WARN}; font-weight: 700;"
            " font-size: 11px; border-radius: 9px; padding: 2px 10px;"
        )
        self.express_badge.hide()
        method_row = QHBoxLayout()
        method_row.setSpacing(8)
        method_row.addWidget(self.method)
        method_row.addWidget(self.express_badge)
        method_row.addStretch(1)
        grid.addLayout(method_row, 1, 0)
        grid.addWidget(self.promised, 1, 1)
        self.body.addWidget(facts)

        self.customer_title = card_label(self.tr("CUSTOMER"), section=True)
        self.body.addWidget(self.customer_title)
        self.customer = card_label()
        self.customer.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.customer)

        self.items_title = card_label(self.tr("ITEMS"), section=True)
        self.body.addWidget(self.items_title)
        self.items = card_label()
        self.items.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.items)

        self.parcel_title = card_label(self.tr("PARCEL"), section=True)
        self.body.addWidget(self.parcel_title)
        self.parcel = card_label(name="parcelText")
        self.parcel.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.parcel)
        self.body.addStretch(1)

        # staging: scan or type the bin label
        self.stage_box = QWidget(self)
        stage = QHBoxLayout(self.stage_box)
        stage.setContentsMargins(0, 0, 0, 0)
        stage.setSpacing(8)
        self.bin_edit = QLineEdit(self.stage_box)
        self.bin_edit.setObjectName("binEdit")
        self.bin_edit.setPlaceholderText(self.tr("Scan or type the bin (A-07)"))
        self.bin_edit.setAccessibleName(self.tr("Bin"))
        self.bin_edit.setAccessibleDescription(
            self.tr("Scan or type the bin the goods go in, then press Enter")
        )
        self.bin_edit.setMinimumHeight(48)
        self.bin_edit.returnPressed.connect(self._stage)
        self.stage_button = QPushButton(self.tr("Stage"), self.stage_box)
        self.stage_button.setObjectName("stageButton")
        self.stage_button.setProperty("accent", True)
        self.stage_button.setMinimumHeight(48)
        self.stage_button.setToolTip(
            self.tr("Put the goods in this bin: the order is ready for pickup")
        )
        self.stage_button.clicked.connect(self._stage)
        stage.addWidget(self.bin_edit, 1)
        stage.addWidget(self.stage_button)
        self.stage_box.hide()

        foot = self.foot
        self.pick_button = _button(self.tr("Pick…"), "pickButton", self, accent=True)
        self.receive_button = _button(
            self.tr("Receive transfer"), "receiveButton", self, accent=True
        )
        self.pack_button = _button(self.tr("Pack…"), "packButton", self, accent=True)
        self.buy_button = _button(
            self.tr("Buy shipping labels"), "buyLabelsButton", self, accent=True
        )
        self.ship_button = _button(self.tr("Mark shipped"), "shipButton", self, accent=True)
        self.dispatch_button = _button(
            self.tr("Dispatch transfer"), "dispatchButton", self, accent=True
        )
        self.dispatch_button.setToolTip(self.tr("Hand the transfer to the carrier under its label"))
        self.print_button = _button(self.tr("Print labels…"), "printLabelsButton", self)
        self.print_button.setIcon(theme.icon("printer", theme.INK))
        self.slip_button = _button(self.tr("Packing slip…"), "packingSlipButton", self)
        self.slip_button.setIcon(theme.icon("printer", theme.INK))
        self.void_button = _button(self.tr("Void label"), "voidButton", self)
        self.unpack_button = _button(self.tr("Unpack…"), "unpackButton", self)
        self.unpack_button.setProperty("danger", True)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.print_button)
        row.addWidget(self.slip_button)
        supervisor = QHBoxLayout()
        supervisor.setSpacing(8)
        supervisor.addWidget(self.void_button)
        supervisor.addWidget(self.unpack_button)
        self.why = card_label(name="actionWhy", faint=True)
        self.why.hide()
        foot.addWidget(self.stage_box)
        for button in (
            self.pick_button,
            self.receive_button,
            self.pack_button,
            self.buy_button,
            self.ship_button,
            self.dispatch_button,
        ):
            foot.addWidget(button)
        foot.addLayout(row)
        foot.addLayout(supervisor)
        foot.addWidget(self.why)

        self.pick_button.clicked.connect(lambda: self._emit(self.pickRequested))
        self.receive_button.clicked.connect(lambda: self._emit(self.receiveRequested))
        self.pack_button.clicked.connect(lambda: self._emit(self.packRequested))
        self.buy_button.clicked.connect(lambda: self._emit(self.buyLabelsRequested))
        self.ship_button.clicked.connect(lambda: self._emit(self.shipRequested))
        self.dispatch_button.clicked.connect(lambda: self._emit(self.dispatchRequested))
        self.print_button.clicked.connect(lambda: self._emit(self.printLabelsRequested))
        self.slip_button.clicked.connect(lambda: self._emit(self.packingSlipRequested))
        self.void_button.clicked.connect(lambda: self._emit(self.voidRequested))
        self.unpack_button.clicked.connect(lambda: self._emit(self.unpackRequested))

    @property
    def order_number(self) -> str | None:
        """The order shown, if any."""
        return None if self.detail is None else self.detail.order_number

    def _emit(self, signal: Any) -> None:
        if self.fulfillment is not None and not self.busy:
            signal.emit(self.fulfillment)

    def _stage(self) -> None:
        text = self.bin_edit.text().strip()
        if self.fulfillment is not None and text and self.stage_button.isEnabled():
            self.stageRequested.emit(self.fulfillment, text)

    @property
    def stageable(self) -> bool:
        """Whether the fulfillment shown is waiting to be staged in a bin here."""
        view = self.fulfillment
        return view is not None and self.isVisible() and self.stage_box.isVisible()

    # --- showing -------------------------------------------------------------------------

    def show_fulfillment(
        self,
        detail: OrderDetail,
        view: FulfillmentView,
        *,
        here: int,
        role: Role | None,
        tz: tzinfo,
        online: bool,
        now: datetime | None = None,
    ) -> None:
        """Fill the panel with ``view`` of ``detail`` as store ``here`` works on it, with the
        actions ``role`` may take (``online``: whether labels can be bought now)."""
        now = now or datetime.now(UTC)
        if self.fulfillment is None or self.fulfillment.id != view.id:
            self.bin_edit.clear()
        self.detail, self.fulfillment, self.role = detail, view, role
        doc = view.doc
        order, customer = doc["order"], doc["customer"]
        arrival = view.method == "ship_to_store" and view.destination_store_id == here
        self.title.setText(detail.order_number)
        self.set_chip(timefmt.status_label(view.status), STATUS_LEVELS.get(view.status, "info"))
        created = timefmt.parse_utc(order.get("created_at"))
        raw_channel = str(order.get("channel", ""))
        channel = (
            QCoreApplication.translate("FulfilDetailPanel", CHANNELS[raw_channel])
            if raw_channel in CHANNELS
            else raw_channel.title()
        )
        placed = (
            " · " + self.tr("ordered {when}").format(when=timefmt.when(created, now, tz))
            if created
            else ""
        )
        self.subtitle.setText(f"{channel}{placed}")
        method = (
            QCoreApplication.translate("FulfilDetailPanel", METHODS[view.method])
            if view.method in METHODS
            else view.method
        )
        if view.method == "ship_to_store":
            method += " " + (self.tr("(arriving here)") if arrival else self.tr("(transfer out)"))
        self.method.setText(method)
        self.express_badge.setVisible(doc.get("shipping_service") == "express")
        promised = timefmt.parse_utc(doc.get("promised_at"))
        self.promised.setText(timefmt.when(promised, now, tz) if promised else "—")
        late = promised is not None and promised <= now
        self.promised.setProperty("bad", late)
        self.promised.setStyleSheet(f"color: {theme.BAD}; font-weight: 600;" if late else "")

        parts = [f"<b>{html.escape(str(customer.get('name', '')))}</b>"]
        ship_to = doc.get("ship_to")
        if view.method == "ship_from_store" and isinstance(ship_to, dict):
            parts.append(html.escape(str(ship_to.get("line1", ""))))
            parts.append(
                html.escape(f"{ship_to.get('postal_code', '')} {ship_to.get('city', '')}".strip())
            )
        elif customer.get("phone"):
            parts.append(html.escape(str(customer["phone"])))
        self.customer.setText("<br>".join(parts))
        table, units = lines_html(doc.get("lines", []))
        self.items_title.setText(self.tr("ITEMS ({count})").format(count=units))
        total = money(int(order.get("total_minor", 0)), str(order.get("currency", "EUR")))
        total_text = html.escape(self.tr("Order total {total}").format(total=total))
        self.items.setText(
            table + f"<p style='color:{theme.MUTED}; margin-top:6px'>{total_text}</p>"
        )
        self._parcel(view)
        self._banner(view, detail, arrival)
        self._actions(view, detail, arrival=arrival, role=role, online=online)

    def _parcel(self, view: FulfillmentView) -> None:
        doc = view.doc
        boxes = doc.get("boxes") or []
        labels = active_labels(doc.get("labels") or [])
        shown = bool(boxes) or bool(doc.get("tracking"))
        self.parcel_title.setVisible(shown)
        self.parcel.setVisible(shown)
        if not shown:
            return
        rows = []
        for n, box in enumerate(boxes, 1):
            kg = int(box.get("weight_g", 0)) / 1000
            dims = f"{box['length_cm']}×{box['width_cm']}×{box['height_cm']} cm"
            label = next((x for x in labels if int(x.get("box_index", 0)) == n), None)
            tracking = (
                f"<br><span style='color:{theme.OK}'>{html.escape(str(label['carrier_name']))} "
                f"{html.escape(str(label['tracking']))}</span>"
                if label is not None
                else f"<br><span style='color:{theme.FAINT}'>{html.escape(self.tr('No label yet'))}"
                "</span>"
            )
            what = self.tr("Box {n} · {size} · {kg} kg").format(
                n=n, size=dims, kg=QLocale().toString(kg, "f", 1)
            )
            rows.append(
                f"<tr><td style='padding:4px 12px 4px 0; font-weight:700'>"
                f"{html.escape(str(box.get('box_type', '')))}</td>"
                f"<td style='padding:4px 0'>{html.escape(what)}{tracking}</td></tr>"
            )
        if doc.get("tracking") and not boxes:
            tracking_text = self.tr("Tracking {number}").format(number=doc["tracking"])
            rows.append(f"<tr><td>{html.escape(tracking_text)}</td></tr>")
        self.parcel.setText(f"<table cellspacing='0'>{''.join(rows)}</table>")

    def _banner(self, view: FulfillmentView, detail: OrderDetail, arrival: bool) -> None:
        kind, text = "", ""
        if view.doc["order"].get("fraud_state") == "review":
            kind = "bad"
            text = self.tr("Held for fraud review: do not pick or ship. Call a manager.")
        elif detail.conflicts:
            kind = "bad"
            text = self.tr("The server refused a change: {why}").format(
                why=detail.conflicts[0].message
            )
        elif view.pending:
            kind, text = "info", self.tr("A change is waiting to be sent to the server.")
        elif arrival and view.status == "in_transit":
            kind = "info"
            text = self.tr("On its way here: scan its order code when the parcel arrives.")
        elif arrival and view.status == "arrived":
            kind, text = "info", self.tr("Received: put it in a bin and scan the bin label.")
        self.banner.setProperty("banner", kind or "info")
        theme.restyle(self.banner)
        self.banner_text.setText(text)
        self.banner.setVisible(bool(text))

    def _actions(
        self,
        view: FulfillmentView,
        detail: OrderDetail,
        *,
        arrival: bool,
        role: Role | None,
        online: bool,
    ) -> None:
        status, method = view.status, view.method
        held = view.doc["order"].get("fraud_state") == "review"
        blocked = self.busy or view.pending or held
        labels = active_labels(view.doc.get("labels") or [])
        own = not arrival
        show = {
            self.pick_button: own and status == "open",
            self.receive_button: arrival and status == "in_transit",
            self.stage_box: (own and status == "picking" and method == "store_pickup")
            or (arrival and status == "arrived"),
            self.pack_button: own and status == "picking" and method != "store_pickup",
            self.buy_button: own
            and status == "packed"
            and method in ("ship_from_store", "ship_to_store")
            and not labels,
            self.ship_button: own
            and status == "packed"
            and method == "ship_from_store"
            and bool(labels),
            self.dispatch_button: own
            and status == "packed"
            and method == "ship_to_store"
            and bool(labels),
            self.print_button: own and status == "packed" and bool(labels),
            self.slip_button: own and status == "packed",
            self.void_button: own and status == "packed" and bool(labels),
            self.unpack_button: own and status == "packed",
        }
        for widget, visible in show.items():
            widget.setVisible(visible)
        whys: list[str] = []
        if view.pending:
            whys.append(self.tr("Wait until the last change is sent."))
        elif held:
            whys.append(self.tr("Held for fraud review."))
        floor = {
            self.pick_button: CommandName.START_PICKING,
            self.receive_button: CommandName.RECEIVE_TRANSFER,
            self.stage_button: CommandName.MARK_READY,
            self.pack_button: CommandName.PACK,
            self.ship_button: CommandName.SHIP,
            self.dispatch_button: CommandName.DISPATCH_TRANSFER,
        }
        for button, name in floor.items():
            button.setEnabled(not blocked and _may(name, role))
        self.bin_edit.setEnabled(self.stage_button.isEnabled())
        self.buy_button.setEnabled(not blocked and online and _may(CommandName.PACK, role))
        if show[self.buy_button] and not online:
            whys.append(
                self.tr("Labels are bought online: the server cannot be reached right now.")
            )
        self.print_button.setEnabled(not self.busy)
        self.slip_button.setEnabled(not self.busy)
        may_void = role is not None and role in LABEL_VOIDERS
        self.void_button.setEnabled(not blocked and online and may_void)
        self.void_button.setToolTip(
            self.tr("Void the shipping labels (they must not be used)")
            if may_void
            else self.tr("Only a lead or a manager may void a label")
        )
        may_unpack = _may(CommandName.UNPACK, role)
        self.unpack_button.setEnabled(not blocked and may_unpack and not labels)
        if show[self.unpack_button] and not may_unpack:
            whys.append(self.tr("Only a lead or a manager may unpack or void a label."))
        elif show[self.unpack_button] and labels:
            self.unpack_button.setToolTip(self.tr("Void the labels first, then unpack"))
        else:
            self.unpack_button.setToolTip(
                self.tr("Take the goods out of the boxes to pack them again")
            )
        self.why.setText(" ".join(whys))
        self.why.setVisible(bool(whys))

    def set_busy(self, busy: bool) -> None:
        """Disable the actions while a command or a label purchase is under way."""
        self.busy = busy
        for button in (
            self.pick_button,
            self.receive_button,
            self.stage_button,
            self.pack_button,
            self.buy_button,
            self.ship_button,
            self.dispatch_button,
            self.void_button,
            self.unpack_button,
        ):
            if busy:
                button.setEnabled(False)
        if busy:
            self.bin_edit.setEnabled(False)

    def clear(self) -> None:
        """Forget the fulfillment shown."""
        self.detail = None
        self.fulfillment = None
