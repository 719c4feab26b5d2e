"""The order panel beside the queue: status, bin, customer, items, and what to do next.

A ready pickup offers "Hand over…" (and, once its hold has ended, "Expire pickup…" to
whoever may expire it); an expired or cancelled pickup whose goods are still in its bin
offers "Return to stock" (Ctrl+R) instead.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.cache.queries import FulfillmentView, OrderDetail
from desktop_oms.domain.status import RESTOCKABLE, awaits_return_to_stock
from desktop_oms.gui import theme
from desktop_oms.gui.detailcard import DetailCard, card_label, lines_html
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.numbers import money
from desktop_oms.gui.pickups import timefmt


class TranslatedWords(Mapping[str, str]):
    """A table of English words (marked with ``QT_TRANSLATE_NOOP``) that reads them in the
    station's language: ``words[key]`` and ``words.get(key)`` are translated."""

    def __init__(self, context: str, words: Mapping[str, str]) -> None:
        self._context = context
        self._words = dict(words)

    def __getitem__(self, key: str) -> str:
        return QCoreApplication.translate(self._context, self._words[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


#: Sales channels as staff name them, in the station's language (context "Channels").
CHANNELS = TranslatedWords(
    "Channels",
    {
        "web": QT_TRANSLATE_NOOP("Channels", "Web shop"),
        "marketplace": QT_TRANSLATE_NOOP("Channels", "Marketplace"),
        "call_centre": QT_TRANSLATE_NOOP("Channels", "Call centre"),
    },
)
#: Fulfillment methods in words (context "Channels").
METHODS = TranslatedWords(
    "Channels",
    {
        "pickup": QT_TRANSLATE_NOOP("Channels", "pickup"),
        "ship_to_store": QT_TRANSLATE_NOOP("Channels", "ship to store"),
        "ship_from_store": QT_TRANSLATE_NOOP("Channels", "ship from store"),
    },
)
#: Payment states in words (context "Channels").
PAYMENTS = TranslatedWords(
    "Channels",
    {
        "authorized": QT_TRANSLATE_NOOP("Channels", "authorized"),
        "captured": QT_TRANSLATE_NOOP("Channels", "captured"),
        "voided": QT_TRANSLATE_NOOP("Channels", "voided"),
        "declined": QT_TRANSLATE_NOOP("Channels", "declined"),
        "failed": QT_TRANSLATE_NOOP("Channels", "failed"),
        "pending": QT_TRANSLATE_NOOP("Channels", "pending"),
        "refunded": QT_TRANSLATE_NOOP("Channels", "refunded"),
        "partially_refunded": QT_TRANSLATE_NOOP("Channels", "partially refunded"),
    },
)
PICKUP_STATUSES = ("ready_for_pickup", "arrived", "in_transit", "picking", "open", "packed")
#: The key that returns the goods of the ended pickup shown to stock.
RETURN_SHORTCUT = "Ctrl+R"
#: The key that starts the handover of the order shown (Enter on its row does too).
HAND_OVER_SHORTCUT = "Ctrl+Return"


def pick_fulfillment(
    detail: OrderDetail, store_id: int, preferred: int | None = None
) -> FulfillmentView | None:
    """The fulfillment the counter cares about: ``preferred``, else a pickup at this store."""
    views = detail.fulfillments
    for view in views:
        if view.id == preferred:
            return view

    def pickup_here(v: FulfillmentView) -> bool:
        target = v.destination_store_id if v.method == "ship_to_store" else v.store_id
        return v.method != "ship_from_store" and target == store_id

    here = [v for v in views if pickup_here(v)]
    for status in PICKUP_STATUSES:
        for view in here:
            if view.status == status:
                return view
    return here[0] if here else (views[0] if views else None)


class OrderDetailPanel(DetailCard):
    """One order at the counter.

    Signals: ``closed()`` when the user closes the panel; ``handOverRequested(object)``
    with the :class:`FulfillmentView` to hand over; ``printRequested()`` for the receipt
    of the handover shown; ``returnRequested(object)`` and ``expireRequested(object)``
    with the :class:`FulfillmentView` whose goods are back on the shelf, or to expire.
    """

    handOverRequested = Signal(object)  # noqa: N815
    returnRequested = Signal(object)  # noqa: N815
    expireRequested = Signal(object)  # noqa: N815
    printRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: OrderDetail | None = None
        self.fulfillment: FulfillmentView | None = None
        self.pickup_code_ok = False
        #: Whether the order shown is one to hand over (not an ended one).
        self.hand_over_applies = True

        self.status_chip.setProperty("chip", "ok")

        self.banner = QFrame(self)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 10, 12, 10)
        self.banner_text = card_label()
        banner_layout.addWidget(self.banner_text)
        self.body.addWidget(self.banner)

        bin_card = QFrame(self)
        bin_card.setObjectName("binCard")
        bin_card.setProperty("card", True)
        bin_layout = QHBoxLayout(bin_card)
        bin_layout.setContentsMargins(16, 12, 16, 12)
        bin_text = QVBoxLayout()
        bin_text.setSpacing(0)
        bin_text.addWidget(card_label(self.tr("BIN"), section=True))
        self.bin = card_label(name="binLabel")
        bin_text.addWidget(self.bin)
        bin_layout.addLayout(bin_text)
        bin_layout.addStretch(1)
        self.hold = card_label(muted=True)
        self.hold.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bin_layout.addWidget(self.hold)
        self.body.addWidget(bin_card)

        self.body.addWidget(card_label(self.tr("CUSTOMER"), section=True))
        self.customer = card_label()
        self.customer.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.customer)

        self.items_title = card_label(self.tr("ITEMS"), section=True)
        self.body.addWidget(self.items_title)
        self.items = card_label()
        self.items.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.items)
        self.total = card_label(muted=True)
        self.body.addWidget(self.total)
        self.others = card_label(faint=True)
        self.body.addWidget(self.others)
        self.body.addStretch(1)

        self.hand_over_button = QPushButton(self.tr("Hand over…"), self)
        self.hand_over_button.setObjectName("handOverButton")
        self.hand_over_button.setProperty("accent", True)
        self.hand_over_button.setMinimumHeight(48)
        self.hand_over_button.setShortcut(QKeySequence(HAND_OVER_SHORTCUT))
        self.hand_over_button.setToolTip(
            self.tr("Check who collects the order and hand it over ({key})").format(
                key=HAND_OVER_SHORTCUT
            )
        )
        self.hand_over_button.clicked.connect(self._hand_over)
        self.hand_over_why = card_label(faint=True)
        self.print_button = QPushButton(self.tr("Print receipt"), self)
        self.print_button.setObjectName("printReceiptButton")
        self.print_button.setMinimumHeight(48)
        self.print_button.setToolTip(self.tr("Print the handover receipt (Ctrl+P)"))
        self.print_button.clicked.connect(self.printRequested)
        self.print_button.hide()
        self.return_button = QPushButton(self.tr("Return to stock"), self)
        self.return_button.setObjectName("returnButton")
        self.return_button.setProperty("accent", True)
        self.return_button.setMinimumHeight(48)
        self.return_button.setShortcut(QKeySequence(RETURN_SHORTCUT))
        self.return_button.setToolTip(
            self.tr(
                "The goods are back on the shelf and the bin is empty ({key}, "
                "or scan the bin label)"
            ).format(key=RETURN_SHORTCUT)
        )
        self.return_button.clicked.connect(self._return)
        self.return_button.hide()
        self.expire_button = QPushButton(self.tr("Expire pickup…"), self)
        self.expire_button.setObjectName("expireButton")
        self.expire_button.setProperty("danger", True)
        self.expire_button.setMinimumHeight(44)
        self.expire_button.clicked.connect(self._expire)
        self.expire_button.hide()
        self.return_why = card_label(faint=True)
        self.return_why.hide()
        self.foot.addWidget(self.print_button)
        self.foot.addWidget(self.hand_over_button)
        self.foot.addWidget(self.return_button)
        self.foot.addWidget(self.expire_button)
        self.foot.addWidget(self.hand_over_why)
        self.foot.addWidget(self.return_why)

    @property
    def order_number(self) -> str | None:
        """The order shown, if any."""
        return None if self.detail is None else self.detail.order_number

    def show_order(
        self,
        detail: OrderDetail,
        fulfillment: FulfillmentView | None,
        *,
        tz: tzinfo,
        can_hand_over: bool,
        pickup_code_ok: bool = False,
        now: datetime | None = None,
        can_return: bool = False,
        can_expire: bool = False,
    ) -> None:
        """Fill the panel with ``detail``, focused on ``fulfillment``; ``can_return`` and
        ``can_expire``: whether the signed-in role may return goods to stock, or expire."""
        now = now or datetime.now(UTC)
        self.detail, self.fulfillment = detail, fulfillment
        self.pickup_code_ok = pickup_code_ok
        view = fulfillment or (detail.fulfillments[0] if detail.fulfillments else None)
        self.title.setText(detail.order_number)
        if view is None:
            self.subtitle.setText(self.tr("Not at this store"))
            return
        doc = view.doc
        order, customer = doc["order"], doc["customer"]
        level = timefmt.STATUS_LEVELS.get(view.status, "info")
        self.status_chip.setText(timefmt.status_label(view.status))
        self.status_chip.setProperty("chip", "info" if level == "muted" else level)
        theme.restyle(self.status_chip)
        created = timefmt.parse_utc(order.get("created_at"))
        channel = CHANNELS.get(order.get("channel", ""), str(order.get("channel", "")).title())
        placed = ""
        if created:
            placed = " · " + self.tr("ordered {when}").format(when=timefmt.when(created, now, tz))
        self.subtitle.setText(f"{channel}{placed}")

        self._banner(view, detail, order, pickup_code_ok, tz=tz, now=now)

        self.bin.setText(view.doc.get("bin") or "—")
        deadline = timefmt.parse_utc(doc.get("pickup_deadline"))
        promised = timefmt.parse_utc(doc.get("promised_at"))
        ended = timefmt.parse_utc(doc.get("updated_at"))
        returned = timefmt.parse_utc(doc.get("returned_at"))
        if view.status == "ready_for_pickup" and deadline:
            self.hold.setText(self.tr("Hold until") + f"\n{timefmt.when(deadline, now, tz)}")
        elif returned is not None:
            self.hold.setText(self.tr("Returned") + f"\n{timefmt.when(returned, now, tz)}")
        elif view.status in RESTOCKABLE and ended is not None:
            label = timefmt.status_label(view.status)
            self.hold.setText(f"{label}\n{timefmt.when(ended, now, tz)}")
        elif promised:
            self.hold.setText(self.tr("Promised") + f"\n{timefmt.when(promised, now, tz)}")
        else:
            self.hold.setText("")

        parts = [f"<b>{html.escape(customer.get('name', ''))}</b>"]
        for key in ("phone", "email"):
            if customer.get(key):
                parts.append(html.escape(customer[key]))
        if order.get("alternate_pickup_name"):
            who = html.escape(order["alternate_pickup_name"])
            collected = self.tr("Collected by: <b>{name}</b>").format(name=who)
            parts.append(f"<span style='color:{theme.WARN}'>{collected}</span>")
        self.customer.setText("<br>".join(parts))

        items, units = lines_html(doc.get("lines", []))
        self.items_title.setText(self.tr("ITEMS ({units})").format(units=units))
        self.items.setText(items)
        total = money(int(order.get("total_minor", 0)), str(order.get("currency", "EUR")))
        state = str(order.get("payment_state", ""))
        payment = PAYMENTS.get(state) or state.replace("_", " ")
        self.total.setText(
            self.tr("Order total {total} · {payment}").format(total=total, payment=payment)
        )

        others = [v for v in detail.fulfillments if v.id != view.id]
        if others:
            words = [
                f"{timefmt.status_label(v.status).lower()} "
                f"({METHODS.get(v.method) or v.method.replace('_', ' ')})"
                for v in others
            ]
            self.others.setText(self.tr("Also in this order:") + "  " + "; ".join(words))
        else:
            self.others.setText("")
        self.others.setVisible(bool(others))

        allowed, why = self._can_hand_over(view, order, can_hand_over)
        self.hand_over_button.setEnabled(allowed)
        self.hand_over_why.setText(why)
        self.hand_over_why.setVisible(bool(why))
        self._ended_actions(view, can_return=can_return, can_expire=can_expire, now=now)

    def _ended_actions(
        self, view: FulfillmentView, *, can_return: bool, can_expire: bool, now: datetime
    ) -> None:
        """Return to stock for an ended pickup with goods in its bin (in place of the
        handover); Expire for a ready pickup whose hold has ended."""
        doc = view.doc
        ended = view.status in RESTOCKABLE
        self.hand_over_applies = not ended
        self.hand_over_button.setVisible(not ended)
        if ended:
            self.hand_over_why.hide()
        waiting = awaits_return_to_stock(
            view.status, doc.get("bin"), doc.get("returned_at") is not None
        )
        why = ""
        if ended and not doc.get("bin"):
            why = self.tr("It was never staged in a bin: there is nothing to put back.")
        elif ended and not waiting:
            why = self.tr("Its goods are back on the shelf.")
        elif waiting and view.pending:
            why = self.tr("Wait until the last change is sent.")
        elif waiting and not can_return:
            why = self.tr("Your role may not return goods to stock.")
        self.return_button.setVisible(waiting)
        self.return_button.setEnabled(waiting and can_return and not view.pending)
        self.return_why.setText(why)
        self.return_why.setVisible(bool(why))
        deadline = timefmt.parse_utc(doc.get("pickup_deadline"))
        overdue = view.status == "ready_for_pickup" and deadline is not None and deadline <= now
        self.expire_button.setVisible(overdue)
        self.expire_button.setEnabled(overdue and can_expire and not view.pending)
        self.expire_button.setToolTip(
            self.tr("End the hold: the order expires, the customer is told and the stock goes back")
            if can_expire
            else self.tr("Only a manager can expire a pickup")
        )

    def _banner(
        self,
        view: FulfillmentView,
        detail: OrderDetail,
        order: dict[str, Any],
        code_ok: bool,
        *,
        tz: tzinfo,
        now: datetime,
    ) -> None:
        kind, text = "", ""
        ended = self._ended_text(view, tz, now)
        if ended and not detail.conflicts and not view.pending:
            kind, text = ended
        elif order.get("fraud_state") == "review":
            kind = "bad"
            text = self.tr("Held for fraud review. Do not hand over: call a manager.")
        elif detail.conflicts:
            kind = "bad"
            text = self.tr("The server refused a change: {message}").format(
                message=detail.conflicts[0].message
            )
        elif view.pending:
            kind = "info"
            text = self.tr("A change to this order is waiting to be sent to the server.")
        elif code_ok:
            kind, text = "info", self.tr("✓ Pickup code scanned and matches this order.")
        self.banner.setProperty("banner", kind or "info")
        theme.restyle(self.banner)
        self.banner_text.setText(text)
        self.banner.setVisible(bool(text))

    @staticmethod
    def _ended_text(view: FulfillmentView, tz: tzinfo, now: datetime) -> tuple[str, str] | None:
        """The banner of an expired or cancelled pickup: where its goods are, what to do."""
        if view.status not in RESTOCKABLE:
            return None
        doc = view.doc
        label = timefmt.status_label(view.status)
        ended = timefmt.parse_utc(doc.get("updated_at"))
        when = f" {timefmt.when(ended, now, tz)}" if ended else ""
        returned = timefmt.parse_utc(doc.get("returned_at"))
        if returned is not None:
            at = timefmt.when(returned, now, tz)
            text = QCoreApplication.translate(
                "OrderDetailPanel", "{status}. Returned to stock {when}; bin {bin} is free."
            )
            return "info", text.format(status=f"{label}{when}", when=at, bin=doc.get("bin"))
        if not doc.get("bin"):
            text = QCoreApplication.translate(
                "OrderDetailPanel", "{status}, before it was staged in a bin."
            )
            return "info", text.format(status=f"{label}{when}")
        text = QCoreApplication.translate(
            "OrderDetailPanel",
            "{status}. Its goods are still in bin {bin}: put them back on the shelf, then "
            "press Return to stock ({key}) or scan the bin label.",
        )
        return "warn", text.format(status=f"{label}{when}", bin=doc["bin"], key=RETURN_SHORTCUT)

    @staticmethod
    def _can_hand_over(
        view: FulfillmentView, order: dict[str, Any], role_may: bool
    ) -> tuple[bool, str]:
        if view.status != "ready_for_pickup":
            return False, QCoreApplication.translate(
                "OrderDetailPanel", "Only orders that are ready can be handed over."
            )
        if order.get("fraud_state") == "review":
            return False, QCoreApplication.translate("OrderDetailPanel", "Held for fraud review.")
        if view.pending:
            return False, QCoreApplication.translate(
                "OrderDetailPanel", "Wait until the last change is sent."
            )
        if not role_may:
            return False, QCoreApplication.translate(
                "OrderDetailPanel", "Your role may not hand orders over."
            )
        return True, ""

    def show_print(self, available: bool) -> None:
        """Offer "Print receipt" (for a handover made at this station in this session) in
        place of the handover button."""
        self.print_button.setVisible(available)
        self.hand_over_button.setVisible(not available and self.hand_over_applies)
        if available:
            self.hand_over_why.hide()

    def _hand_over(self) -> None:
        if self.fulfillment is not None:
            self.handOverRequested.emit(self.fulfillment)

    def _return(self) -> None:
        if self.fulfillment is not None and self.return_button.isEnabled():
            self.returnRequested.emit(self.fulfillment)

    def _expire(self) -> None:
        if self.fulfillment is not None:
            self.expireRequested.emit(self.fulfillment)

    def clear(self) -> None:
        """Forget the order shown."""
        self.detail = None
        self.fulfillment = None
