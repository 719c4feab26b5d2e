"""Scanners at the counter: real key events into the real window, at a scanner's and at a
person's speed, and every kind of scan from every workflow view there is.

The station's scanners are installed as the app's bootstrap installs them (the wedge
filter on the application); keys go in through the window system's path (``QTest`` on the
focused ``QWindow``) one every 8 ms for a scanner and every 150 ms for a person, with the
event loop running in between (:func:`tests.scanner.test_qtwedge.type_keys`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QDialog

from desktop_oms.cache import queries
from desktop_oms.domain.identifiers import GS, badge_code, bin_code, order_code
from desktop_oms.gui.fulfil.queue import Column
from desktop_oms.gui.scanning import load_settings
from desktop_oms.scanner.router import SIGN_IN_FIRST, Destination, RouteResult
from desktop_oms.scanner.scan import BadScan, BadScanReason, Source
from desktop_oms.scanner.serial import PortState
from desktop_oms.scanner.settings import ScannerSettings
from tests.gui.conftest import Counter
from tests.gui.test_expired import staff_command, staged_pickup
from tests.gui.test_handover import ready_pickup
from tests.gui.test_picking import stocked
from tests.scanner.test_qtwedge import type_keys
from tests.scanner.test_serial import Cable

#: A scanner types a character every 8 ms; a person every 150 ms.
SCANNER_MS = 8
PERSON_MS = 150
#: The textbook EAN-13 4006381333931 with its last digit wrong.
CORRUPT_GTIN = "4006381333932"
CHECK_DIGIT_TITLE = "Check digit wrong — scan again or type the number"


@pytest.fixture
def station(counter: Counter) -> Iterator[Counter]:
    """The counter, whose scanners :func:`listen` starts (stopped after the test, and
    dialogs left open closed: closing the window does not close them)."""
    yield counter
    counter.window.scanners.uninstall()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


def listen(counter: Counter, *, signed_in: bool = True) -> None:
    """Start the scanners as ``desktop-oms`` does, with the associate signed in first (the
    fixture types the login at test speed, which a listening station takes for a scan)."""
    if signed_in:
        counter.signed_in()
    window = counter.window
    window.scanners.install()
    window.activateWindow()
    counter.qtbot.waitActive(window)


def routed_results(counter: Counter) -> list[RouteResult]:
    """Every scan the station routes from now on."""
    found: list[RouteResult] = []
    counter.window.scanners.dispatcher.routed.connect(found.append)
    return found


def focus_window(counter: Counter) -> QWindow:
    """The window the keyboard types into (a modal dialog's, when one is open)."""
    modal = QApplication.activeModalWidget()
    window = (modal or counter.window).windowHandle()
    assert window is not None
    return window


def drain(counter: Counter) -> None:
    """Wait until the database jobs asked for so far have answered (they answer in order)."""
    done = counter.tasks.read(lambda _conn: None, name="drain")
    counter.qtbot.waitUntil(done.done, timeout=10_000)


def scanner_scan(counter: Counter, text: str) -> RouteResult:
    """Scan ``text`` with a USB scanner: its keys at 8 ms each, then Enter; the result."""
    dispatcher = counter.window.scanners.dispatcher
    with counter.qtbot.waitSignal(dispatcher.routed, timeout=5_000) as routed:
        type_keys(counter.qtbot, focus_window(counter), text, SCANNER_MS)
    result: RouteResult = routed.args[0]
    assert result.scan.source is Source.WEDGE and result.scan.text == text
    return result


# --- a scanner and a person --------------------------------------------------------------


def test_a_scanner_burst_in_the_search_field_is_one_scan_and_leaves_it_untouched(
    station: Counter,
) -> None:
    """With the queue's search field focused and holding a search, a product barcode
    scanned at 8 ms a key is exactly one routed Scan (the product panel shows); the field
    keeps its text and its focus, and nothing was typed into it."""
    counter = station
    listen(counter)
    window, view = counter.window, counter.pickups
    search = view.search
    search.setFocus()
    counter.qtbot.waitUntil(search.hasFocus)
    type_keys(counter.qtbot, focus_window(counter), "jan", PERSON_MS, end=None)
    counter.qtbot.waitUntil(lambda: search.text() == "jan", timeout=1_000)
    counter.qtbot.wait(400)  # the search runs
    edits: list[str] = []
    search.textChanged.connect(edits.append)
    routed = routed_results(counter)
    gtin = item_gtin(counter, ready_pickup(counter))
    with counter.qtbot.waitSignal(window.productShown, timeout=10_000) as shown:
        type_keys(counter.qtbot, focus_window(counter), gtin, SCANNER_MS)
    counter.qtbot.wait(200)  # anything late would show by now
    assert len(routed) == 1
    (result,) = routed
    assert (result.scan.source, result.scan.text, result.scan.terminator) == (
        Source.WEDGE,
        gtin,
        "\r",
    )
    assert result.scan.mean_gap_ms is not None and result.scan.mean_gap_ms < 30
    assert result.destination is Destination.PRODUCT and result.good
    assert search.text() == "jan" and edits == [] and search.hasFocus()
    assert window.product_panel.isVisible()
    assert window.product_panel.name.text() == shown.args[0].product.name
    (entry,) = window.scanners.log.entries  # the diagnostics log has it, with its timing
    assert entry.source == "Keyboard scanner" and entry.raw == f"{gtin}␍"
    assert entry.timing.startswith("mean ")


def test_a_person_typing_is_never_taken_for_a_scanner(station: Counter) -> None:
    """A person at 150 ms a key types into the search field (no scan); typing an order
    number into the scan field at that speed, then Enter, is one typed scan that opens it."""
    counter = station
    listen(counter)
    view = counter.pickups
    routed = routed_results(counter)
    view.search.setFocus()
    counter.qtbot.waitUntil(view.search.hasFocus)
    type_keys(counter.qtbot, focus_window(counter), "Jansen", PERSON_MS, end=None)
    counter.qtbot.waitUntil(lambda: view.search.text() == "Jansen", timeout=1_000)
    assert routed == []

    number = ready_pickup(counter)["order_number"]
    counter.window.focus_scan()
    counter.qtbot.waitUntil(counter.window.ui.scanEdit.hasFocus)
    with counter.qtbot.waitSignal(view.orderOpened, timeout=10_000) as opened:
        type_keys(counter.qtbot, focus_window(counter), number, PERSON_MS)
    assert opened.args == [number]
    assert [(r.scan.source, r.destination) for r in routed] == [
        (Source.TYPED, Destination.OPEN_ORDER)
    ]
    assert counter.window.ui.scanEdit.text() == ""


# --- every kind of scan from every view ----------------------------------------------------


@dataclass
class Codes:
    """What the matrix scans, from the station's own data."""

    ready: dict[str, Any]  # a ready pickup: the order open, or being handed over
    other: tuple[str, str]  # another ready pickup: number, pickup code
    expired: tuple[str, str]  # an ended pickup whose goods wait in a bin: number, bin
    badge: str  # ams1.manager's badge
    item: str  # GTIN-13 of an item of ``ready`` (picking: of an item on the pick list)
    foreign: str  # GTIN-14 of a product that is not in ``ready``

    def code(self, kind: str) -> str:
        """The barcode of ``kind`` as a scanner types it."""
        number, pickup = self.other
        return {
            "order_qr": order_code(number),
            "pickup_qr": order_code(number, pickup),
            "bin": bin_code("AMS1", self.expired[1]),
            "badge": self.badge,
            "gtin": self.item,
            "gs1": f"01{self.foreign}10LOT42{GS}17271231",
            "bad": CORRUPT_GTIN,
        }[kind]


def item_gtin(counter: Counter, doc: dict[str, Any]) -> str:
    """The EAN-13 barcode of one of the items of ``doc``."""
    skus = [str(line["sku"]) for line in doc["lines"]]
    found = counter.read(lambda conn: queries.identifiers_of(conn, skus))
    return next(v[1:] for v in sorted(found) if len(v) == 14 and v.startswith("0"))


def gather_codes(counter: Counter) -> Codes:
    """Pick the orders, bins, badge and products the matrix scans."""
    store = counter.station.store_id
    ready = ready_pickup(counter)
    skus = [str(line["sku"]) for line in ready["lines"]]

    def read(conn: Any) -> tuple[list[Any], list[Any], str, str]:
        now = datetime.now(UTC)
        rows = queries.pickup_queue(conn, store, "ready", None, now)
        ended = [r for r in queries.pickup_queue(conn, store, "expired", None, now) if r.bin]
        badge = conn.exec_driver_sql(
            "SELECT badge_id FROM staff WHERE username = 'ams1.manager'"
        ).scalar_one()
        marks = ",".join("?" * len(skus))
        foreign = conn.exec_driver_sql(
            "SELECT value FROM identifiers WHERE length(value) = 14 AND value LIKE '0%' "
            f"AND sku NOT IN ({marks}) ORDER BY value LIMIT 1",
            tuple(skus),
        ).scalar_one()
        return rows, ended, str(badge), str(foreign)

    rows, ended, badge, foreign = counter.read(read)
    other = next(
        r for r in rows if r.order_number != ready["order_number"] and r.fraud_state != "review"
    )
    other_doc = counter.read(lambda conn: queries.order_detail(conn, other.order_number))
    pickup = next(f.doc["pickup_code"] for f in other_doc.fulfillments if f.id == other.id)
    if ended:
        expired = (ended[0].order_number, str(ended[0].bin))
    else:  # earlier tests returned them all: end one
        number, fid, bin_name = staged_pickup(counter, "Scan Matrix")
        staff_command(counter, "ams1.manager", fid, "cancel", reason="customer_request")
        counter.qtbot.waitUntil(
            lambda: bool(
                counter.read(
                    lambda conn: queries.pickup_queue(
                        conn, store, "expired", number, datetime.now(UTC)
                    )
                )
            ),
            timeout=15_000,
        )
        expired = (number, bin_name)
    return Codes(
        ready=ready,
        other=(other.order_number, str(pickup)),
        expired=expired,
        badge=badge_code(badge),
        item=item_gtin(counter, ready),
        foreign=foreign,
    )


def open_view(counter: Counter, view: str, codes: Codes) -> Any:
    """Bring ``view`` to the front, as staff get there; what the checks need of it."""
    window, pickups = counter.window, counter.pickups
    listen(counter, signed_in=view != "signin")
    if view == "signin":
        window.sign_in.ui.usernameEdit.setFocus()
        counter.qtbot.waitUntil(window.sign_in.ui.usernameEdit.hasFocus)
        return None
    if view == "conflicts":
        with counter.qtbot.waitSignal(window.conflicts.refreshed, timeout=10_000):
            counter.qtbot.mouseClick(
                window.ui.navRail.viewport(),
                Qt.MouseButton.LeftButton,
                pos=window.ui.navRail.visualItemRect(window.conflicts_item).center(),
            )
        assert window.work_page == "conflicts"
        return None
    if view in ("fulfil", "picking"):
        open_fulfil(counter, codes, pick=view == "picking")
        return None
    if view == "count":
        open_count(counter, codes)
        return None
    if view == "stock":
        rail = window.ui.navRail
        item = rail.item(window.page_names.index("stock"))
        counter.qtbot.mouseClick(
            rail.viewport(), Qt.MouseButton.LeftButton, pos=rail.visualItemRect(item).center()
        )
        assert window.work_page == "stock"
        counter.qtbot.waitUntil(window.stock.search.hasFocus)
        return None
    if view == "orders":
        rail = window.ui.navRail
        item = rail.item(window.page_names.index("orders"))
        counter.qtbot.mouseClick(
            rail.viewport(), Qt.MouseButton.LeftButton, pos=rail.visualItemRect(item).center()
        )
        assert window.work_page == "orders"
        counter.qtbot.waitUntil(window.orders.search.hasFocus)
        return None
    if view == "queue":
        pickups.table.setFocus()
        return None
    number = codes.ready["order_number"]
    with counter.qtbot.waitSignal(pickups.orderOpened, timeout=10_000):
        window.handle_code(order_code(number))
    pickups.table.setFocus()
    if view == "order":
        return None
    counter.qtbot.waitUntil(pickups.detail.hand_over_button.isEnabled, timeout=10_000)
    counter.qtbot.mouseClick(pickups.detail.hand_over_button, Qt.MouseButton.LeftButton)
    counter.qtbot.waitUntil(
        lambda: pickups.handover_dialog is not None and pickups.handover_dialog.isVisible()
    )
    dialog = pickups.handover_dialog
    counter.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    counter.qtbot.waitUntil(lambda: dialog.barcodes is not None, timeout=5_000)
    return dialog


def open_fulfil(counter: Counter, codes: Codes, *, pick: bool) -> None:
    """Click "Fulfil" in the navigation rail; to pick, a new pickup of a stocked product is
    chosen in the queue and "Pick selected" clicked (its GTIN becomes ``codes.item``: the
    matrix's GTIN is on the pick list, its GS1 product is not)."""
    window = counter.window
    fulfil = window.fulfil
    number = None
    if pick:
        sku, price, gtin = next(
            found for found in stocked(counter, 3, units=1) if found[2].zfill(14) != codes.foreign
        )
        number = counter.demo.place_pickup(sku, price, name="Pim Qxmatrix")
        codes.item = gtin
    with counter.qtbot.waitSignal(fulfil.refreshed, timeout=10_000):
        if window.work_page == "fulfil":  # still on the page since the last person
            fulfil.refresh()
        else:
            counter.qtbot.mouseClick(
                window.ui.navRail.viewport(),
                Qt.MouseButton.LeftButton,
                pos=window.ui.navRail.visualItemRect(window.fulfil_item).center(),
            )
    assert window.work_page == "fulfil" and fulfil.pages.currentIndex() == 0
    if number is None:
        fulfil.table.setFocus()
        return
    counter.qtbot.waitUntil(lambda: number in fulfil.visible_orders(), timeout=15_000)
    index = fulfil.model.index(fulfil.visible_orders().index(number), Column.CUSTOMER)
    fulfil.table.scrollTo(index)
    counter.qtbot.mouseClick(
        fulfil.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=fulfil.table.visualRect(index).center(),
    )
    assert fulfil.pick_selected.text() == "Pick selected (1)"
    with counter.qtbot.waitSignal(fulfil.pick_view.loaded, timeout=15_000):
        counter.qtbot.mouseClick(fulfil.pick_selected, Qt.MouseButton.LeftButton)
    assert fulfil.pages.currentWidget() is fulfil.pick_host
    fulfil.pick_view.table.setFocus()


def open_count(counter: Counter, codes: Codes) -> None:
    """Click "Count" in the navigation rail, type the shelf of ``codes.item``'s product
    (at a person's speed) and press Enter: counting that shelf, its item in scope."""
    window = counter.window
    rail = window.ui.navRail
    item = rail.item(window.page_names.index("count"))
    counter.qtbot.mouseClick(
        rail.viewport(), Qt.MouseButton.LeftButton, pos=rail.visualItemRect(item).center()
    )
    view = window.count
    product = counter.read(lambda conn: queries.product_by_identifier(conn, codes.item))
    shelf = queries.shelf_location(product.department, product.sku)
    view.shelf.setFocus()
    counter.qtbot.waitUntil(view.shelf.hasFocus)
    with counter.qtbot.waitSignal(view.opened, timeout=10_000):
        type_keys(counter.qtbot, focus_window(counter), shelf, PERSON_MS)
    assert window.work_page == "count" and view.step_name == "counting"
    view.table.setFocus()


Check = Callable[[Counter, Codes, RouteResult, Any], None]


def opens(which: str, *, pickup_ok: bool = False) -> Check:
    """The scan opens ``other`` or ``expired`` in the pickup queue."""

    def check(counter: Counter, codes: Codes, result: RouteResult, _view: Any) -> None:
        number = codes.other[0] if which == "other" else codes.expired[0]
        pickups = counter.pickups
        counter.qtbot.waitUntil(lambda: pickups.detail.title.text() == number, timeout=10_000)
        drain(counter)  # reads started meanwhile must not change what the panel says
        assert pickups.detail.title.text() == number
        assert counter.window.work_page == "pickups" and pickups.detail.isVisible()
        assert pickups.detail.pickup_code_ok is pickup_ok

    return check


def switches_user(counter: Counter, codes: Codes, result: RouteResult, _view: Any) -> None:
    """The badge's owner is signed in (or takes over)."""
    counter.qtbot.waitUntil(
        lambda: (
            counter.station.session is not None
            and counter.station.session.username == "ams1.manager"
        ),
        timeout=10_000,
    )
    assert counter.station.session.method == "badge"
    counter.qtbot.waitUntil(lambda: counter.window.page == "work", timeout=10_000)


def product_panel(counter: Counter, codes: Codes, result: RouteResult, _view: Any) -> None:
    """The product shows with its stock; a GS1 code's batch and expiry are spelled out."""
    panel = counter.window.product_panel
    counter.qtbot.waitUntil(panel.isVisible, timeout=10_000)
    assert panel.info is not None and panel.name.text() == panel.info.product.name
    assert panel.here_title.text() == "Here (AMS1)"
    if result.scan.text.startswith("01"):
        assert "batch LOT42" in panel.code.text() and "expires 2027-12-31" in panel.code.text()


def bad_scan_message(counter: Counter, codes: Codes, result: RouteResult, view: Any) -> None:
    """Bad: the reason shows (a message; in an open dialog, in the dialog)."""
    assert isinstance(result.decoded, BadScan)
    assert result.decoded.reason is BadScanReason.CHECK_DIGIT
    assert result.message.startswith(CHECK_DIGIT_TITLE)
    window = counter.window
    if view is not None:  # the handover dialog says it itself
        assert view.error.isVisible() and view.error.text().startswith(CHECK_DIGIT_TITLE)
    elif window.page == "sign_in":
        assert window.sign_in.ui.signInError.text().startswith(CHECK_DIGIT_TITLE)
    else:
        assert window.toast.isVisible()
        assert window.toast.text.text().startswith(CHECK_DIGIT_TITLE)


def refused_sign_in_first(counter: Counter, codes: Codes, result: RouteResult, _v: Any) -> None:
    """Nobody is signed in: only a badge does anything, and the page says so."""
    assert result.message == SIGN_IN_FIRST
    assert counter.window.sign_in.ui.signInError.text() == SIGN_IN_FIRST
    assert counter.window.page == "sign_in" and counter.station.session is None


def refused_in_dialog(words: str) -> Check:
    """The handover dialog refuses the scan with ``words``; it stays open, nothing else moves."""

    def check(counter: Counter, codes: Codes, result: RouteResult, dialog: Any) -> None:
        assert result.target == "Handover" and words in result.message
        assert dialog.isVisible() and dialog.error.text() == result.message
        assert counter.pickups.detail.title.text() == codes.ready["order_number"]
        assert counter.station.session.username == "ams1.associate"

    return check


def handover_takes_pickup_qr(counter: Counter, codes: Codes, result: RouteResult, d: Any) -> None:
    """The customer's QR fills in the pickup code of the order being handed over."""
    assert d.code.text() == codes.ready["pickup_code"] and d.code.isReadOnly()
    assert d.by_code.isChecked() and d.flash.state == "good"


def handover_takes_own_bin(counter: Counter, codes: Codes, result: RouteResult, d: Any) -> None:
    """The order's own bin label is taken (the goods came from the right bin)."""
    assert result.target == "Handover" and d.isVisible() and not d.error.isVisible()


def handover_counts_item(counter: Counter, codes: Codes, result: RouteResult, d: Any) -> None:
    """An item of the order is checked off on its line."""
    assert d.scanned_units() == 1
    assert "1 of" in d.scan_hint.text() or "All 1 item" in d.scan_hint.text()
    line = next(row for row in d.lines if row.scanned)
    assert "scanned" in line.label.text()


def conflicts_open_in_pickups(counter: Counter, codes: Codes, r: RouteResult, v: Any) -> None:
    """An order barcode with no entry in the inbox opens the order in Pickups."""
    assert r.target == "Conflict inbox"
    opens("other")(counter, codes, r, v)


def fulfil_open_in_pickups(counter: Counter, codes: Codes, r: RouteResult, v: Any) -> None:
    """An order code taken by the Fulfil page whose order is no back-room work here (a
    ready pickup) opens it at the counter, in Pickups."""
    assert r.target == "Fulfil"
    opens("other")(counter, codes, r, v)


def picking_refused(words: str) -> Check:
    """The pick view refuses the scan with ``words``, said in a message; the pick list
    stays in front and nothing else opens."""

    def check(counter: Counter, codes: Codes, result: RouteResult, _view: Any) -> None:
        window, fulfil = counter.window, counter.window.fulfil
        assert result.target == "Fulfil" and words in result.message
        assert window.toast.isVisible() and window.toast.text.text() == result.message
        assert window.work_page == "fulfil"
        assert fulfil.pages.currentWidget() is fulfil.pick_host
        assert not window.product_panel.isVisible()
        assert all(picked == 0 for *_, picked, _wanted in fulfil.pick_view.stops())

    return check


def picking_names_the_product(counter: Counter, codes: Codes, r: RouteResult, v: Any) -> None:
    """A product not on the pick list is refused; the pick view then names what it is."""
    picking_refused("That item is not on this pick list")(counter, codes, r, v)
    name = counter.read(lambda conn: queries.product_by_identifier(conn, codes.foreign)).name
    notice = counter.window.fulfil.pick_view.notice
    counter.qtbot.waitUntil(lambda: notice.text().startswith(f"That is {name} ("), timeout=5_000)


def picking_counts_item(counter: Counter, codes: Codes, result: RouteResult, _v: Any) -> None:
    """An item on the pick list is counted into its order's tote; the panel stays away."""
    fulfil = counter.window.fulfil
    pick = fulfil.pick_view
    assert result.target == "Fulfil" and fulfil.pages.currentWidget() is fulfil.pick_host
    assert pick.notice.text().startswith("✓ ") and "→ tote A" in pick.notice.text()
    assert [stop[2:] for stop in pick.stops()] == [(1, 1)]
    assert not counter.window.product_panel.isVisible()


def opens_leaving_the_pick_list(counter: Counter, codes: Codes, r: RouteResult, v: Any) -> None:
    """A bin label opens its pickup in Pickups (whichever page is open); the pick list
    waits on the Fulfil page."""
    opens("expired")(counter, codes, r, v)
    fulfil = counter.window.fulfil
    assert fulfil.pages.currentWidget() is fulfil.pick_host
    assert fulfil.pick_view.progress is not None


def stock_opens(which: str) -> Check:
    """The Stock page opens the scanned product (``item``: the GTIN-13; ``foreign``: the
    GS1 code's GTIN) with its stock here; the product panel stays away."""

    def check(counter: Counter, codes: Codes, result: RouteResult, _view: Any) -> None:
        window, view = counter.window, counter.window.stock
        code = codes.item if which == "item" else codes.foreign
        sku = counter.read(lambda conn: queries.product_by_identifier(conn, code)).sku
        assert result.target == "Stock"
        counter.qtbot.waitUntil(
            lambda: view.detail.detail is not None and view.detail.detail.product.sku == sku,
            timeout=10_000,
        )
        assert window.work_page == "stock" and view.detail.isVisible()
        assert view.detail.here_title.text() == "THIS STORE · AMS1"
        assert not window.product_panel.isVisible()

    return check


def orders_opens_other(counter: Counter, codes: Codes, result: RouteResult, _v: Any) -> None:
    """An order code or pickup QR opens its order on the Orders page, which stays in front."""
    number = codes.other[0]
    view = counter.window.orders
    assert result.target == "Orders"
    counter.qtbot.waitUntil(
        lambda: view.current is not None and view.current.number == number, timeout=10_000
    )
    assert counter.window.work_page == "orders" and view.detail.isVisible()
    assert view.search.text() == number


def count_counts_item(counter: Counter, codes: Codes, result: RouteResult, _v: Any) -> None:
    """An item of the shelf being counted is one more on its line; no panel opens."""
    view = counter.window.count
    assert result.target == "Count"
    sku = counter.read(lambda conn: queries.product_by_identifier(conn, codes.item)).sku
    counter.qtbot.waitUntil(lambda: view.lines() == [(sku, 1)], timeout=10_000)
    assert view.banner_text.text().startswith("✓ ")
    assert not counter.window.product_panel.isVisible()


def count_refuses_outside(counter: Counter, codes: Codes, result: RouteResult, _v: Any) -> None:
    """A product of another shelf is refused; the page then says where it belongs."""
    view = counter.window.count
    assert result.target == "Count" and "is not part of this count" in result.message
    product = counter.read(lambda conn: queries.product_by_identifier(conn, codes.foreign))
    where = queries.shelf_location(product.department, product.sku)
    counter.qtbot.waitUntil(
        lambda: f"belongs to {product.department}, shelf {where}" in view.banner_text.text(),
        timeout=5_000,
    )
    assert view.lines() == [] and view.add_outside.isVisible()


#: view -> kind -> (where the scan goes, what then shows).
MATRIX: dict[str, dict[str, tuple[Destination, Check]]] = {
    "queue": {
        "order_qr": (Destination.OPEN_ORDER, opens("other")),
        "pickup_qr": (Destination.OPEN_ORDER, opens("other", pickup_ok=True)),
        "bin": (Destination.VIEW, opens("expired")),
        "badge": (Destination.SIGN_IN, switches_user),
        "gtin": (Destination.PRODUCT, product_panel),
        "gs1": (Destination.PRODUCT, product_panel),
        "bad": (Destination.BAD, bad_scan_message),
    },
    "order": {
        "order_qr": (Destination.OPEN_ORDER, opens("other")),
        "pickup_qr": (Destination.OPEN_ORDER, opens("other", pickup_ok=True)),
        "bin": (Destination.VIEW, opens("expired")),
        "badge": (Destination.SIGN_IN, switches_user),
        "gtin": (Destination.PRODUCT, product_panel),
        "gs1": (Destination.PRODUCT, product_panel),
        "bad": (Destination.BAD, bad_scan_message),
    },
    "handover": {
        "order_qr": (Destination.REFUSED, refused_in_dialog("finish or cancel it")),
        "pickup_qr": (Destination.REFUSED, refused_in_dialog("finish or cancel it")),
        "bin": (Destination.REFUSED, refused_in_dialog("waits in bin")),
        "badge": (Destination.REFUSED, refused_in_dialog("before switching user")),
        "gtin": (Destination.VIEW, handover_counts_item),
        "gs1": (Destination.REFUSED, refused_in_dialog("not in this order")),
        "bad": (Destination.BAD, bad_scan_message),
    },
    "conflicts": {
        "order_qr": (Destination.VIEW, conflicts_open_in_pickups),
        "pickup_qr": (Destination.OPEN_ORDER, opens("other", pickup_ok=True)),
        "bin": (Destination.VIEW, opens("expired")),
        "badge": (Destination.SIGN_IN, switches_user),
        "gtin": (Destination.PRODUCT, product_panel),
        "gs1": (Destination.PRODUCT, product_panel),
        "bad": (Destination.BAD, bad_scan_message),
    },
    "fulfil": {
        "order_qr": (Destination.VIEW, fulfil_open_in_pickups),
        "pickup_qr": (Destination.OPEN_ORDER, opens("other", pickup_ok=True)),
        "bin": (Destination.VIEW, opens("expired")),
        "badge": (Destination.SIGN_IN, switches_user),
        "gtin": (Destination.PRODUCT, product_panel),
        "gs1": (Destination.PRODUCT, product_panel),
        "bad": (Destination.BAD, bad_scan_message),
    },
    "count": {
        "order_qr": (Destination.OPEN_ORDER, opens("other")),
        "pickup_qr": (Destination.OPEN_ORDER, opens("other", pickup_ok=True)),
        "bin": (Destination.VIEW, opens("expired")),
        "badge": (Destination.SIGN_IN, switches_user),
        "gtin": (Destination.VIEW, count_counts_item),
        "gs1": (Destination.REFUSED, count_refuses_outside),
        "bad": (Destination.BAD, bad_scan_message),
    },
    "picking": {
        "order_qr": (Destination.REFUSED, picking_refused("Finish this pick list")),
        "pickup_qr": (Destination.REFUSED, picking_refused("Finish this pick list")),
        "bin": (Destination.VIEW, opens_leaving_the_pick_list),
        "badge": (Destination.SIGN_IN, switches_user),
        "gtin": (Destination.VIEW, picking_counts_item),
        "gs1": (Destination.REFUSED, picking_names_the_product),
        "bad": (Destination.BAD, bad_scan_message),
    },
    "stock": {
        "order_qr": (Destination.OPEN_ORDER, opens("other")),
        "pickup_qr": (Destination.OPEN_ORDER, opens("other", pickup_ok=True)),
        "bin": (Destination.VIEW, opens("expired")),
        "badge": (Destination.SIGN_IN, switches_user),
        "gtin": (Destination.VIEW, stock_opens("item")),
        "gs1": (Destination.VIEW, stock_opens("foreign")),
        "bad": (Destination.BAD, bad_scan_message),
    },
    "orders": {
        "order_qr": (Destination.VIEW, orders_opens_other),
        "pickup_qr": (Destination.VIEW, orders_opens_other),
        "bin": (Destination.VIEW, opens("expired")),
        "badge": (Destination.SIGN_IN, switches_user),
        "gtin": (Destination.PRODUCT, product_panel),
        "gs1": (Destination.PRODUCT, product_panel),
        "bad": (Destination.BAD, bad_scan_message),
    },
    "signin": {
        "order_qr": (Destination.REFUSED, refused_sign_in_first),
        "pickup_qr": (Destination.REFUSED, refused_sign_in_first),
        "bin": (Destination.REFUSED, refused_sign_in_first),
        "badge": (Destination.SIGN_IN, switches_user),
        "gtin": (Destination.REFUSED, refused_sign_in_first),
        "gs1": (Destination.REFUSED, refused_sign_in_first),
        "bad": (Destination.BAD, bad_scan_message),
    },
}
CASES = [(view, kind) for view, kinds in MATRIX.items() for kind in kinds]


@pytest.mark.parametrize(("view", "kind"), CASES, ids=[f"{v}-{k}" for v, k in CASES])
def test_each_kind_of_scan_routes_from_each_view(station: Counter, view: str, kind: str) -> None:
    """A scanner scan of ``kind`` made with ``view`` in front goes where the routing rules
    send it (DESIGN §6), with a good or bad sound and flash to match."""
    counter = station
    codes = gather_codes(counter)
    shown = open_view(counter, view, codes)
    destination, check = MATRIX[view][kind]
    result = scanner_scan(counter, codes.code(kind))
    assert result.destination is destination, result
    flash = counter.window.flash if shown is None else shown.flash  # a dialog has its own
    assert flash.state == ("good" if result.good else "bad")
    check(counter, codes, result, shown)


def test_handover_takes_the_customers_qr_its_bin_and_each_item(station: Counter) -> None:
    """In the handover dialog the customer's pickup QR fills the code in, the order's own
    bin label is taken, and each item scanned is checked off until all are; one more of an
    item is refused."""
    counter = station
    codes = gather_codes(counter)
    dialog = open_view(counter, "handover", codes)
    ready = codes.ready
    result = scanner_scan(counter, order_code(ready["order_number"], ready["pickup_code"]))
    assert result.destination is Destination.VIEW
    handover_takes_pickup_qr(counter, codes, result, dialog)
    result = scanner_scan(counter, bin_code("AMS1", ready["bin"]))
    assert result.destination is Destination.VIEW
    handover_takes_own_bin(counter, codes, result, dialog)

    barcodes = {sku: code for code, sku in sorted(dialog.barcodes.items())}
    for row in dialog.lines:
        key = barcodes[row.sku]
        for _ in range(row.to_hand_over):
            scanned = key[1:] if len(key) == 14 and key.startswith("0") else key
            assert scanner_scan(counter, scanned).destination is Destination.VIEW
    units = dialog.units()
    assert dialog.scanned_units() == units
    assert dialog.scan_hint.text().startswith(f"✓ All {units} item")
    one_more = scanner_scan(counter, codes.item)
    assert one_more.destination is Destination.REFUSED
    assert "scanned already" in one_more.message
    assert dialog.scanned_units() == units


def test_scans_taken_that_fail_later_sound_bad(station: Counter) -> None:
    """A badge nobody has (on the sign-in page) and a product the catalogue lacks are taken
    at first; when the answer comes they turn into a bad scan with the reason."""
    counter = station
    listen(counter, signed_in=False)
    window = counter.window
    flashes: list[tuple[bool, str]] = []
    window.scanners.feedback.flash.connect(lambda good, text: flashes.append((good, text)))
    with counter.qtbot.waitSignal(window.sign_in.scanFailed, timeout=10_000) as failed:
        result = scanner_scan(counter, "OMS:S:ZZZZ9999")
    assert result.destination is Destination.SIGN_IN
    assert "badge" in failed.args[0] and counter.station.session is None
    assert flashes == [(True, result.message), (False, failed.args[0])]
    assert window.sign_in.ui.signInError.text() == failed.args[0]

    window.scanners.uninstall()  # the fixture types the login at test speed
    counter.signed_in()
    listen(counter, signed_in=False)
    flashes.clear()
    result = scanner_scan(counter, "4006381333931")  # a valid EAN-13 the demo does not sell
    assert result.destination is Destination.PRODUCT
    counter.qtbot.waitUntil(lambda: len(flashes) == 2, timeout=10_000)
    assert flashes[1] == (False, "No product has this barcode: GTIN-13 4006381333931")
    assert window.flash.state == "bad" and not window.product_panel.isVisible()
    assert window.toast.text.text() == flashes[1][1]


# --- serial scanner and settings ----------------------------------------------------------


def test_settings_choose_a_serial_scanner_whose_scans_open_orders(
    station: Counter, tmp_path: Path
) -> None:
    """In the settings (the gear), a serial port is chosen and saved: the port opens, the
    status bar shows it, a line from it opens an order from the queue, the scan log lists
    it with its source; the settings are stored for the next start."""
    counter = station
    listen(counter)
    window = counter.window
    cable = Cable(tmp_path)
    pty = cable.plug()
    try:
        counter.qtbot.mouseClick(window.ui.settingsButton, Qt.MouseButton.LeftButton)
        dialog = window.settings_dialog
        assert dialog is not None
        counter.qtbot.waitUntil(dialog.isVisible)
        assert dialog.tab == "scanner"
        assert dialog.ui.portStatusLabel.text().endswith("No serial scanner set up")
        dialog.ui.portCombo.setEditText(str(cable.name))
        dialog.ui.baudCombo.setCurrentIndex(dialog.ui.baudCombo.findData(115200))
        counter.qtbot.mouseClick(dialog.ui.muteCheck, Qt.MouseButton.LeftButton)
        with counter.qtbot.waitSignal(window.settingsSaved, timeout=10_000):
            counter.qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
        settings = window.scanners.settings
        assert (settings.serial_port, settings.baud_rate, settings.muted) == (
            str(cable.name),
            115200,
            True,
        )
        assert load_settings() == settings  # stored for the next start
        counter.qtbot.waitUntil(
            lambda: window.scanners.port_status.state is PortState.CONNECTED, timeout=5_000
        )
        assert window.status.scanner.isVisible()
        assert window.status.scanner.text().endswith("Scanner connected")

        number = codes_other_number(counter)
        with counter.qtbot.waitSignal(counter.pickups.orderOpened, timeout=10_000):
            pty.write(f"{order_code(number)}\r\n".encode())
        entry = window.scanners.log.entries[-1]
        assert entry.source == f"Serial scanner ({cable.name})" and entry.good

        # serial scans bring no key events, yet they keep the person signed in
        window.idle.set_timeout(1_000)
        for _ in range(5):
            pty.write(f"{CORRUPT_GTIN}\r\n".encode())
            counter.qtbot.wait(400)
        assert window.page == "work" and counter.station.session is not None
        window.idle.set_timeout(300_000)

        log = window.open_settings("log")
        counter.qtbot.waitUntil(log.isVisible)
        assert log.tab == "log" and log.log_widget.model is window.scanners.log
        result = scanner_scan(counter, CORRUPT_GTIN)  # scanned with the dialog open
        assert (result.destination, result.target) == (Destination.BAD, "")
        assert log.flash.state == "bad"
        assert CHECK_DIGIT_TITLE in log.ui.lastScanLabel.text()
        test = scanner_scan(counter, order_code(number))  # a test scan opens nothing
        assert (test.destination, test.target) == (Destination.VIEW, "Scanner settings")
        rows = log.log_widget.model.rowCount()
        assert rows == len(window.scanners.log.entries) >= 3
        log.reject()
        counter.qtbot.waitUntil(lambda: window.settings_dialog is None)
    finally:
        window.scanners.apply(ScannerSettings())
        cable.close()


def codes_other_number(counter: Counter) -> str:
    """The number of a ready pickup here."""
    return str(ready_pickup(counter)["order_number"])


def test_unreadable_settings_fall_back_to_the_defaults(isolated_home: Path) -> None:
    """A hand-edited settings file with wrong values keeps the right ones, defaults the
    rest (logged), and never stops the station."""
    from desktop_oms.gui.scanning import save_settings, settings_path

    path = settings_path()
    save_settings(ScannerSettings(min_length=6, serial_port="/dev/ttyUSB0"))
    assert load_settings() == ScannerSettings(min_length=6, serial_port="/dev/ttyUSB0")
    data = json.loads(path.read_text())
    data.update(max_average_ms="fast", volume=250, min_length=8, terminators=["tab", "space"])
    path.write_text(json.dumps(data))
    assert load_settings() == ScannerSettings(min_length=8, serial_port="/dev/ttyUSB0")
    data.update(max_average_ms=90.0)  # over the default pause that ends a scan
    path.write_text(json.dumps(data))
    assert load_settings().max_average_ms == ScannerSettings().max_average_ms
    path.write_text("{not json")
    assert load_settings() == ScannerSettings()
