"""The keyboard-wedge filter with real key events in a real window.

Keys go in through the window (``QTest`` on the ``QWindow``: the window system's path,
with event timestamps, shortcut handling and delivery to the focused widget), at real
speed: a scanner 8 ms a key, a person 150 ms a key, with the event loop running between
keys so the filter's timer runs as it does in the app.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_oms.domain.identifiers import GS, Gs1Code, GtinCode, OrderCode
from desktop_oms.scanner.qtwedge import WedgeFilter, is_scan_text
from desktop_oms.scanner.scan import BadScan, BadScanReason, Scan, Source, decode
from desktop_oms.scanner.settings import ScannerSettings
from tests.scanner.conftest import Counter

NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CLICK = QTest.KeyAction.Click


def key_of(char: str) -> Qt.Key:
    """The Qt key that types an ASCII ``char`` (its upper-case code)."""
    return Qt.Key(ord(char.upper()))


def press_char(window: QWindow, char: str) -> None:
    """One character as a keyboard sends it: Shift around capitals, Ctrl+] for GS."""
    if char == GS:
        QTest.sendKeyEvent(
            CLICK, window, Qt.Key.Key_BracketRight, GS, Qt.KeyboardModifier.ControlModifier
        )
    elif char.isupper():
        QTest.keyPress(window, Qt.Key.Key_Shift)
        QTest.sendKeyEvent(CLICK, window, key_of(char), char, SHIFT)
        QTest.keyRelease(window, Qt.Key.Key_Shift, SHIFT)
    else:
        QTest.sendKeyEvent(CLICK, window, key_of(char), char, NO)


def type_keys(
    qtbot: QtBot, window: QWindow, text: str, ms: int, end: Qt.Key | None = Qt.Key.Key_Return
) -> None:
    """Type ``text`` one key every ``ms`` ms (then ``end``), the event loop running between."""
    for char in text:
        qtbot.wait(ms)
        press_char(window, char)
    if end is not None:
        qtbot.wait(ms)
        QTest.keyClick(window, end)


@pytest.fixture
def wedge(qapp: QApplication) -> Iterator[WedgeFilter]:
    """The filter, installed on the application, with default settings."""
    found = WedgeFilter()
    found.install()
    yield found
    found.uninstall()
    found.deleteLater()


@pytest.fixture
def scans(wedge: WedgeFilter) -> list[Scan]:
    """Every scan the filter emits."""
    seen: list[Scan] = []
    wedge.scanned.connect(seen.append)
    return seen


def settle(qtbot: QtBot, wedge: WedgeFilter) -> None:
    """Wait until nothing is held back and pending scans are out."""
    qtbot.waitUntil(lambda: not wedge.holding, timeout=2000)
    qtbot.wait(20)


# --- the two cases -------------------------------------------------------------


def test_a_scanner_at_8ms_a_key_is_one_scan_and_leaves_the_field_untouched(
    qtbot: QtBot, window: Counter, wedge: WedgeFilter, scans: list[Scan]
) -> None:
    """The burst lands as exactly one Scan; the focused field keeps what it had."""
    window.field.setText("note: ")
    entered: list[str] = []
    window.field.returnPressed.connect(lambda: entered.append(window.field.text()))
    with qtbot.waitSignal(wedge.scanned, timeout=2000):
        type_keys(qtbot, window.windowHandle(), "OMS:O:WEB-1000234", 8)
    settle(qtbot, wedge)
    assert window.field.text() == "note: "
    assert entered == []
    assert len(scans) == 1
    scan = scans[0]
    assert scan.text == "OMS:O:WEB-1000234"
    assert scan.source is Source.WEDGE
    assert scan.terminator == "\r"
    assert scan.problem is None
    assert len(scan.gaps_ms) == len(scan.text)
    assert scan.mean_gap_ms is not None
    assert scan.mean_gap_ms < 30
    assert decode(scan) == OrderCode("WEB-1000234")


def test_a_person_at_150ms_a_key_types_into_the_field(
    qtbot: QtBot, window: Counter, wedge: WedgeFilter, scans: list[Scan]
) -> None:
    """Every key reaches the field in order; Enter arrives after them; no scan."""
    entered: list[str] = []
    window.field.returnPressed.connect(lambda: entered.append(window.field.text()))
    type_keys(qtbot, window.windowHandle(), "WEB-1000234", 150)
    settle(qtbot, wedge)
    assert window.field.text() == "WEB-1000234"
    assert entered == ["WEB-1000234"]
    assert scans == []


# --- cut off, mixed, special keys ------------------------------------------------------


def test_a_burst_cut_off_half_way_is_not_half_applied(
    qtbot: QtBot, window: Counter, wedge: WedgeFilter, scans: list[Scan]
) -> None:
    """Half an EAN-13 and silence: nothing in the field, one scan that decodes as bad."""
    with qtbot.waitSignal(wedge.scanned, timeout=2000):
        type_keys(qtbot, window.windowHandle(), "4006381", 8, end=None)
    settle(qtbot, wedge)
    assert window.field.text() == ""
    assert len(scans) == 1
    assert scans[0].text == "4006381"
    bad = decode(scans[0])
    assert isinstance(bad, BadScan)
    assert bad.reason is BadScanReason.INCOMPLETE


def test_typing_around_a_scan_keeps_both_apart(
    qtbot: QtBot, window: Counter, wedge: WedgeFilter, scans: list[Scan]
) -> None:
    """A person types, a scanner fires, the person goes on: the field has only the typing."""
    handle = window.windowHandle()
    type_keys(qtbot, handle, "ab", 150, end=None)
    qtbot.wait(150)
    type_keys(qtbot, handle, "4006381333931", 8)
    qtbot.wait(150)
    type_keys(qtbot, handle, "cd", 150, end=None)
    settle(qtbot, wedge)
    assert window.field.text() == "abcd"
    assert [s.text for s in scans] == ["4006381333931"]
    code = decode(scans[0])
    assert isinstance(code, GtinCode)
    assert code.gtin14 == "04006381333931"


def test_gs1_with_group_separators_and_capitals_arrives_whole(
    qtbot: QtBot, window: Counter, wedge: WedgeFilter, scans: list[Scan]
) -> None:
    """GS typed as Ctrl+], capitals with Shift: every character is in the scan, none typed."""
    text = f"0109501101530003172705311037AB{GS}21SN01"
    with qtbot.waitSignal(wedge.scanned, timeout=3000):
        type_keys(qtbot, window.windowHandle(), text, 4)
    settle(qtbot, wedge)
    assert window.field.text() == ""
    assert [s.text for s in scans] == [text]
    code = decode(scans[0])
    assert isinstance(code, Gs1Code)
    assert (code.gtin14, code.batch, code.serial) == ("09501101530003", "37AB", "SN01")


def test_a_scan_ended_by_tab_does_not_move_the_focus(
    qtbot: QtBot, window: Counter, wedge: WedgeFilter, scans: list[Scan]
) -> None:
    """The terminator is part of the scan: Tab never reaches the window to move focus."""
    type_keys(qtbot, window.windowHandle(), "4006381333931", 8, end=Qt.Key.Key_Tab)
    settle(qtbot, wedge)
    assert [(s.text, s.terminator) for s in scans] == [("4006381333931", "\t")]
    assert window.field.hasFocus()


def test_a_person_pressing_space_on_a_button_clicks_it_once(
    qtbot: QtBot, window: Counter, wedge: WedgeFilter, scans: list[Scan]
) -> None:
    """A held Space is replayed as press and release, so the button sees a whole click."""
    window.button.setFocus()
    qtbot.waitUntil(window.button.hasFocus)
    with qtbot.waitSignal(window.button.clicked, timeout=2000):
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_Space)
    settle(qtbot, wedge)
    assert not window.button.isDown()
    clicks: list[bool] = []
    window.button.clicked.connect(clicks.append)
    type_keys(qtbot, window.windowHandle(), "AB 12345", 8)  # a scan with a space in it
    settle(qtbot, wedge)
    assert clicks == []
    assert [s.text for s in scans] == ["AB 12345"]


def test_a_key_held_down_is_a_person(
    qtbot: QtBot, window: Counter, wedge: WedgeFilter, scans: list[Scan]
) -> None:
    """Auto-repeat (30 ms apart, like a scanner) types the repeated key, never a scan."""
    handle = window.windowHandle()
    QTest.simulateEvent(handle, True, Qt.Key.Key_X, NO, "x", False)
    for _ in range(8):
        qtbot.wait(30)
        QTest.simulateEvent(handle, True, Qt.Key.Key_X, NO, "x", True)
    QTest.simulateEvent(handle, False, Qt.Key.Key_X, NO, "x", False)
    settle(qtbot, wedge)
    assert window.field.text() == "x" * 9
    assert scans == []


def test_a_click_lands_after_the_keys_typed_before_it(
    qtbot: QtBot, window: Counter, wedge: WedgeFilter
) -> None:
    """A letter then, at once, a click into another field: the letter stays where it was typed."""
    other = type(window.field)(window)
    window.layout().addWidget(other)
    other.show()
    press_char(window.windowHandle(), "q")
    assert wedge.holding
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)
    assert not wedge.holding
    assert window.field.text() == "q"


# --- events sent to a widget, settings ------------------------------------------------


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_events_without_timestamps_use_the_monotonic_clock(
    qtbot: QtBot, window: Counter, qapp: QApplication
) -> None:
    """``QTest.keyClick`` on a widget has no timestamp: the injected clock times it."""
    clock = FakeClock()
    wedge = WedgeFilter(clock=clock)
    wedge.install()
    try:
        scans: list[Scan] = []
        wedge.scanned.connect(scans.append)
        for char in "12345670":
            clock.now += 5
            QTest.keyClick(window.field, char)
        clock.now += 5
        QTest.keyClick(window.field, Qt.Key.Key_Return)
        for char in "hello":
            clock.now += 150  # a person: each key ends the last one's candidate
            QTest.keyClick(window.field, char)
        settle(qtbot, wedge)
        assert [s.text for s in scans] == ["12345670"]
        assert scans[0].gaps_ms == (5.0,) * 8
        assert window.field.text() == "hello"
    finally:
        wedge.uninstall()


def test_disabled_filter_and_uninstall_pass_keys_through(
    qtbot: QtBot, window: Counter, wedge: WedgeFilter, scans: list[Scan]
) -> None:
    """With the wedge off, a burst is plain typing; uninstalling gives held keys back."""
    wedge.apply(ScannerSettings(wedge_enabled=False))
    type_keys(qtbot, window.windowHandle(), "12345670", 8, end=None)
    assert window.field.text() == "12345670"
    wedge.apply(ScannerSettings())
    window.field.clear()
    press_char(window.windowHandle(), "z")
    assert wedge.holding
    assert window.field.text() == ""
    wedge.uninstall()
    assert window.field.text() == "z"
    type_keys(qtbot, window.windowHandle(), "12345670", 8)
    settle(qtbot, wedge)
    assert window.field.text() == "z12345670"
    assert scans == []


def test_synthesised_auto_repeat_and_modifier_keys_pass(
    window: Counter, wedge: WedgeFilter
) -> None:
    """Modifier keys and events with ``isAutoRepeat`` are never held."""
    shift = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, NO)
    assert not wedge.eventFilter(window.field, shift)
    repeat = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, NO, "a", True)
    assert not wedge.eventFilter(window.field, repeat)
    assert not wedge.holding


@pytest.mark.parametrize(
    ("text", "modifiers", "expected"),
    [
        ("a", NO, True),
        ("A", SHIFT, True),
        (GS, Qt.KeyboardModifier.ControlModifier, True),
        ("\x03", Qt.KeyboardModifier.ControlModifier, False),  # Ctrl+C
        ("c", Qt.KeyboardModifier.ControlModifier, False),  # Ctrl+C on some platforms
        (
            "@",
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
            True,
        ),  # AltGr on Windows
        ("\x08", NO, False),  # Backspace
        ("", NO, False),
    ],
)
def test_what_counts_as_scanned_text(
    text: str, modifiers: Qt.KeyboardModifier, expected: bool
) -> None:
    """Printable characters and the scanners' control characters; not shortcuts or editing."""
    assert is_scan_text(text, modifiers) is expected
