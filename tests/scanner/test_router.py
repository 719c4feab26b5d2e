"""Routing: every kind of scan from every kind of view, sign-in, refusals and bad scans.

The workflow views of the gui come later; the views here are stand-ins with the shapes the
station has (a queue that takes no scans itself, a handover that verifies the customer's
pickup QR, a staging view that takes bins and products). They are the callers of the
router, not what is tested.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop_oms.domain.identifiers import BadgeCode, DecodedCode, OrderCode
from desktop_oms.scanner.qtrouter import ScanDispatcher, front_target, widget_target
from desktop_oms.scanner.router import (
    NO_PLACE,
    SIGN_IN_FIRST,
    Destination,
    RouteResult,
    RouterHooks,
    ScanRefused,
    ScanRouter,
    ScanTarget,
)
from desktop_oms.scanner.scan import ProductCode, Scan, ScanKind, Source

CODES = {
    ScanKind.PRODUCT: "4006381333931",
    ScanKind.ORDER: "OMS:O:WEB-1000234",
    ScanKind.PICKUP: "OMS:O:WEB-1000234:123456",
    ScanKind.BIN: "OMS:B:AMS1:P-014",
    ScanKind.BADGE: "OMS:S:B0042",
}
GS1 = "]C1010950110153000317270531"


def scan(text: str) -> Scan:
    """A wedge scan of ``text``."""
    return Scan(text, Source.WEDGE, datetime.now(UTC), terminator="\r")


@dataclass
class FakeView:
    """A view that takes the kinds it is given and records what it handled."""

    kinds: frozenset[ScanKind] = frozenset()
    scan_target_name: str = "Fake view"
    handled: list[DecodedCode] = field(default_factory=list)

    def accepts(self, kind: ScanKind) -> bool:
        """Whether scans of ``kind`` come here."""
        return kind in self.kinds

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """Record the code."""
        self.handled.append(code)


class HandoverView(FakeView):
    """Hands order WEB-1000234 over: takes its customer's pickup QR, refuses another's."""

    def __init__(self) -> None:
        super().__init__(frozenset({ScanKind.PICKUP}), "Handover")

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """Check the QR belongs to the order being handed over."""
        assert isinstance(code, OrderCode)
        if code.order_number != "WEB-1000234":
            raise ScanRefused(f"This QR is for order {code.order_number}, not WEB-1000234")
        super().handle(scan, code)


@dataclass
class Station:
    """The gui side: who is signed in, what is in front, and what got opened."""

    front: ScanTarget | None = None
    signed_in: bool = True
    opened: list[OrderCode] = field(default_factory=list)
    signed: list[BadgeCode] = field(default_factory=list)
    shown: list[ProductCode] = field(default_factory=list)

    def router(self) -> ScanRouter:
        """A router with this station's hooks."""
        return ScanRouter(
            RouterHooks(
                front=lambda: self.front,
                signed_in=lambda: self.signed_in,
                sign_in=lambda _s, code: self.signed.append(code),
                open_order=lambda _s, code: self.opened.append(code),
                show_product=lambda _s, code: self.shown.append(code),
            )
        )


QUEUE = "queue"
HANDOVER = "handover"
STAGING = "staging"
VIEWS = {
    None: None,
    QUEUE: lambda: FakeView(frozenset(), "Pickup queue"),
    HANDOVER: HandoverView,
    STAGING: lambda: FakeView(frozenset({ScanKind.BIN, ScanKind.PRODUCT}), "Staging"),
}
# Where each kind goes from each view: the view itself, or the router's fallbacks.
EXPECTED = {
    (None, ScanKind.PRODUCT): Destination.PRODUCT,
    (None, ScanKind.ORDER): Destination.OPEN_ORDER,
    (None, ScanKind.PICKUP): Destination.OPEN_ORDER,
    (None, ScanKind.BIN): Destination.REFUSED,
    (None, ScanKind.BADGE): Destination.SIGN_IN,
    (QUEUE, ScanKind.PRODUCT): Destination.PRODUCT,
    (QUEUE, ScanKind.ORDER): Destination.OPEN_ORDER,
    (QUEUE, ScanKind.PICKUP): Destination.OPEN_ORDER,
    (QUEUE, ScanKind.BIN): Destination.REFUSED,
    (QUEUE, ScanKind.BADGE): Destination.SIGN_IN,
    (HANDOVER, ScanKind.PRODUCT): Destination.PRODUCT,
    (HANDOVER, ScanKind.ORDER): Destination.OPEN_ORDER,
    (HANDOVER, ScanKind.PICKUP): Destination.VIEW,
    (HANDOVER, ScanKind.BIN): Destination.REFUSED,
    (HANDOVER, ScanKind.BADGE): Destination.SIGN_IN,
    (STAGING, ScanKind.PRODUCT): Destination.VIEW,
    (STAGING, ScanKind.ORDER): Destination.OPEN_ORDER,
    (STAGING, ScanKind.PICKUP): Destination.OPEN_ORDER,
    (STAGING, ScanKind.BIN): Destination.VIEW,
    (STAGING, ScanKind.BADGE): Destination.SIGN_IN,
}


@pytest.mark.parametrize(("view", "kind"), list(EXPECTED), ids=lambda v: str(v))
def test_each_kind_of_scan_routes_correctly_from_each_view(
    view: str | None, kind: ScanKind
) -> None:
    """The view in front takes what it accepts; orders open and badges switch from anywhere;
    products show in the panel; a bin outside staging is refused with what to do."""
    make = VIEWS[view]
    front = make() if make is not None else None
    station = Station(front=front)
    result = station.router().route(scan(CODES[kind]))
    expected = EXPECTED[(view, kind)]
    assert result.destination is expected
    assert result.kind is kind
    assert result.good is (expected is not Destination.REFUSED)
    handled = front.handled if front is not None else []
    reached = {
        Destination.VIEW: handled,
        Destination.OPEN_ORDER: station.opened,
        Destination.SIGN_IN: station.signed,
        Destination.PRODUCT: station.shown,
    }
    for destination, calls in reached.items():
        assert calls == ([result.decoded] if destination is expected else []), destination
    if expected is Destination.VIEW:
        assert front is not None
        assert result.target == front.scan_target_name
    if expected is Destination.REFUSED:
        assert result.message == NO_PLACE[kind]


def test_gs1_product_codes_route_like_gtins() -> None:
    """A GS1 DataMatrix with batch and expiry is a product scan too."""
    station = Station()
    result = station.router().route(scan(GS1))
    assert result.destination is Destination.PRODUCT
    assert station.shown == [result.decoded]


def test_on_the_sign_in_screen_only_a_badge_does_anything() -> None:
    """Nobody signed in: a badge signs in; an order code does not open anything."""
    station = Station(signed_in=False, front=FakeView(frozenset(ScanKind)))
    router = station.router()
    badge = router.route(scan(CODES[ScanKind.BADGE]))
    assert badge.destination is Destination.SIGN_IN
    assert station.signed == [BadgeCode("B0042")]
    for kind in (ScanKind.ORDER, ScanKind.PICKUP, ScanKind.PRODUCT, ScanKind.BIN):
        refused = router.route(scan(CODES[kind]))
        assert refused.destination is Destination.REFUSED
        assert refused.message == SIGN_IN_FIRST
        assert not refused.good
    assert station.opened == []
    assert station.shown == []


def test_a_view_can_refuse_a_scan_with_a_reason() -> None:
    """The handover refuses another order's pickup QR: bad feedback with its reason."""
    handover = HandoverView()
    result = Station(front=handover).router().route(scan("OMS:O:WEB-1000999:654321"))
    assert result.destination is Destination.REFUSED
    assert result.message == "This QR is for order WEB-1000999, not WEB-1000234"
    assert result.target == "Handover"
    assert handover.handled == []


def test_a_callback_can_refuse_too() -> None:
    """The gui's own callbacks (an order not at this store) refuse the same way."""

    def not_here(_scan: Scan, code: OrderCode) -> None:
        raise ScanRefused(f"Order {code.order_number} is not at this store")

    hooks = RouterHooks(
        front=lambda: None,
        signed_in=lambda: True,
        sign_in=lambda _s, _c: None,
        open_order=not_here,
        show_product=lambda _s, _c: None,
    )
    result = ScanRouter(hooks).route(scan("OMS:O:WEB-1000234"))
    assert (result.destination, result.good) == (Destination.REFUSED, False)
    assert result.message == "Order WEB-1000234 is not at this store"


@pytest.mark.parametrize("raw", ["4006381333932", "OMS:Q:1", "", "hello"])
def test_bad_scans_reach_nobody(raw: str) -> None:
    """A scan that does not decode is bad feedback with its reason, whoever is in front."""
    everything = FakeView(frozenset(ScanKind))
    station = Station(front=everything)
    result = station.router().route(scan(raw))
    assert result.destination is Destination.BAD
    assert not result.good
    assert result.kind is None
    assert result.message
    assert everything.handled == station.opened == station.shown == station.signed == []


# --- the Qt side -----------------------------------------------------------------------


class ScanPage(QWidget):
    """A real widget that takes product scans (a ScanTarget)."""

    scan_target_name = "Stock count"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        QVBoxLayout(self).addWidget(self.field)
        self.handled: list[DecodedCode] = []

    def accepts(self, kind: ScanKind) -> bool:
        """Product codes only."""
        return kind is ScanKind.PRODUCT

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """Record the code."""
        self.handled.append(code)


def test_front_target_is_the_view_around_the_focus_or_the_modal_dialog(qtbot: QtBot) -> None:
    """The nearest ScanTarget above the focused widget; inside a modal dialog, only there."""
    window = QWidget()
    qtbot.addWidget(window)
    page = ScanPage(window)
    plain = QLineEdit(window)
    layout = QVBoxLayout(window)
    layout.addWidget(page)
    layout.addWidget(plain)
    window.show()
    qtbot.waitActive(window)
    assert isinstance(page, ScanTarget)
    page.field.setFocus()
    qtbot.waitUntil(page.field.hasFocus)
    assert front_target() is page
    plain.setFocus()
    qtbot.waitUntil(plain.hasFocus)
    assert front_target() is None
    assert widget_target(page.field) is page
    dialog = QDialog(window)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    QVBoxLayout(dialog).addWidget(QLineEdit(dialog))
    dialog.show()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    page.field.setFocus()
    assert front_target() is None  # the page is behind the dialog
    dialog.close()


def test_dispatcher_emits_every_result(qtbot: QtBot) -> None:
    """Scans in, ``routed(RouteResult)`` out, good and bad alike."""
    station = Station()
    dispatcher = ScanDispatcher(station.router())
    results: list[RouteResult] = []
    dispatcher.routed.connect(results.append)
    good = dispatcher.route(scan(CODES[ScanKind.ORDER]))
    bad = dispatcher.route(scan("4006381333932"))
    assert results == [good, bad]
    assert good.good
    assert not bad.good
    hooks_dispatcher = ScanDispatcher(station.router().hooks)
    assert hooks_dispatcher.route(scan(GS1)).destination is Destination.PRODUCT
