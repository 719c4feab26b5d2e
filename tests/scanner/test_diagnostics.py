"""The diagnostics log (checked by Qt's model tester), and the whole room end to end:
real keys into a real window, routed to the view in front, with feedback and a log row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_oms.domain.identifiers import GS, DecodedCode, GtinCode, OrderCode
from desktop_oms.scanner.diagnostics import LogEntry, timing_summary, visible
from desktop_oms.scanner.qtdiagnostics import GOOD_ROLE, Column, ScanLogModel, ScanLogWidget
from desktop_oms.scanner.qtfeedback import ScanFeedback
from desktop_oms.scanner.qtrouter import ScanDispatcher, front_target
from desktop_oms.scanner.qtwedge import WedgeFilter
from desktop_oms.scanner.router import Destination, RouteResult, RouterHooks, ScanRouter
from desktop_oms.scanner.scan import ProductCode, Scan, ScanKind, Source, decode
from tests.scanner.test_qtwedge import type_keys


def test_control_characters_are_made_visible() -> None:
    """GS, CR, LF, Tab, NUL and DEL show as their Unicode pictures; the rest is untouched."""
    assert visible(f"01{GS}10A\r\n") == "01␝10A␍␊"
    assert visible("\t\x00\x7f é") == "␉␀␡ é"


def test_timing_summary() -> None:
    """Mean and max of the gaps; a dash without timings."""
    assert timing_summary((8.0, 9.0, 13.0)) == "mean 10.0 ms, max 13 ms"
    assert timing_summary(()) == "—"


def make_scan(text: str, source: Source = Source.WEDGE, **extra: object) -> Scan:
    """A scan with timings."""
    return Scan(text, source, datetime.now(UTC), gaps_ms=(8.0, 12.0), terminator="\r", **extra)  # type: ignore[arg-type]


def test_log_entries_say_what_arrived_and_what_it_meant() -> None:
    """Raw text with its terminator, source and port, meaning or reason, where it went."""
    serial = make_scan(f"]C10109501101530003{GS}21X", Source.SERIAL, device="/dev/ttyUSB0")
    entry = LogEntry.of(serial)
    assert entry.raw == "]C10109501101530003␝21X␍"
    assert entry.source == "Serial scanner (/dev/ttyUSB0)"
    assert entry.meaning == "Product GTIN 09501101530003, serial X"
    assert entry.symbology == "GS1-128"
    assert entry.good
    assert entry.timing == "mean 10.0 ms, max 12 ms"
    assert "8 12" in entry.timing_detail
    bad = LogEntry.of(make_scan("4006381333932"))
    assert not bad.good
    assert bad.meaning.startswith("Check digit wrong")
    refused = RouteResult(
        make_scan("OMS:B:AMS1:P-1"),
        decode("OMS:B:AMS1:P-1"),
        Destination.REFUSED,
        "A bin label is scanned while staging an order",
    )
    logged = LogEntry.of_result(refused)
    assert not logged.good
    assert logged.meaning == "Bin P-1 of store AMS1"
    assert logged.routed == "refused — A bin label is scanned while staging an order"


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
def test_the_log_model_passes_the_model_tester(qtmodeltester: ModelTester, force_py: bool) -> None:
    """Rows added, dropped at the limit and cleared, under Qt's model tester."""
    model = ScanLogModel(max_rows=3)
    qtmodeltester.check(model, force_py=force_py)
    for text in ("4006381333931", "4006381333932", "OMS:O:WEB-1000234", "x", f"01{GS}"):
        model.add_scan(make_scan(text))
    assert model.rowCount() == 3
    assert [e.raw for e in model.entries] == ["OMS:O:WEB-1000234␍", "x␍", "01␝␍"]
    assert model.columnCount() == len(Column)
    assert model.rowCount(model.index(0, 0)) == 0
    index = model.index(0, Column.MEANING)
    assert model.data(index) == "Order WEB-1000234"
    assert model.data(index, GOOD_ROLE) is True
    assert model.data(model.index(1, Column.MEANING), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(0, Column.TIMING), Qt.ItemDataRole.ToolTipRole).startswith(
        "Time between"
    )
    assert model.data(model.index(0, Column.RAW), Qt.ItemDataRole.ToolTipRole) == (
        "17 characters, probably QR Code or Code 128"
    )
    assert model.data(QModelIndex()) is None
    assert model.headerData(Column.RAW, Qt.Orientation.Horizontal) == "Received"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    model.clear()
    assert model.rowCount() == 0


# --- end to end ------------------------------------------------------------------------


class StockPage(QWidget):
    """A workflow view that takes product scans, with a text field of its own."""

    scan_target_name = "Stock count"

    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit(self)
        QVBoxLayout(self).addWidget(self.field)
        self.handled: list[DecodedCode] = []

    def accepts(self, kind: ScanKind) -> bool:
        """Product codes only."""
        return kind is ScanKind.PRODUCT

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """Count the product."""
        self.handled.append(code)


def test_a_scanner_in_the_real_window_is_routed_heard_and_logged(qtbot: QtBot) -> None:
    """Scanner bursts typed into a focused field: one routed scan each, the field untouched,
    a flash per scan, a log row per scan; a person's typing stays in the field."""
    from desktop_oms.gui.forms import rc_station  # the sounds, as the station loads them

    assert rc_station is not None
    page = StockPage()
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    page.field.setFocus()
    qtbot.waitUntil(page.field.hasFocus)
    opened: list[OrderCode] = []
    shown: list[ProductCode] = []
    dispatcher = ScanDispatcher(
        ScanRouter(
            RouterHooks(
                front=front_target,
                signed_in=lambda: True,
                sign_in=lambda _s, _c: None,
                open_order=lambda _s, code: opened.append(code),
                show_product=lambda _s, code: shown.append(code),
            )
        )
    )
    wedge = WedgeFilter()
    wedge.scanned.connect(dispatcher.route)
    feedback = ScanFeedback()
    flashes: list[tuple[bool, str]] = []
    feedback.flash.connect(lambda good, message: flashes.append((good, message)))
    dispatcher.routed.connect(feedback.give)
    log = ScanLogWidget()
    qtbot.addWidget(log)
    dispatcher.routed.connect(log.model.add_result)
    results: list[RouteResult] = []
    dispatcher.routed.connect(results.append)
    wedge.install()
    try:
        handle = page.windowHandle()
        with qtbot.waitSignal(dispatcher.routed, timeout=3000):
            type_keys(qtbot, handle, "4006381333931", 8)
        with qtbot.waitSignal(dispatcher.routed, timeout=3000):
            type_keys(qtbot, handle, "OMS:O:WEB-1000234", 8)
        with qtbot.waitSignal(dispatcher.routed, timeout=3000):
            type_keys(qtbot, handle, "4006381333932", 8)
        type_keys(qtbot, handle, "12 boxes", 150, end=None)
        qtbot.waitUntil(lambda: not wedge.holding, timeout=2000)
        qtbot.wait(50)
    finally:
        wedge.uninstall()
    assert page.field.text() == "12 boxes"
    assert [r.destination for r in results] == [
        Destination.VIEW,
        Destination.OPEN_ORDER,
        Destination.BAD,
    ]
    assert len(page.handled) == 1
    assert isinstance(page.handled[0], GtinCode)
    assert page.handled[0].gtin14 == "04006381333931"
    assert opened == [OrderCode("WEB-1000234")]
    assert shown == []
    assert [good for good, _ in flashes] == [True, True, False]
    assert flashes[2][1].startswith("Check digit wrong")
    rows = log.model.entries
    assert [r.raw for r in rows] == ["4006381333931␍", "OMS:O:WEB-1000234␍", "4006381333932␍"]
    assert [r.routed for r in rows] == ["view: Stock count", "open order", "bad scan"]
    assert all(r.timing.startswith("mean ") for r in rows)
    assert log.table.model() is log.model
