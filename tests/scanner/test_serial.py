"""Serial scanners: the line splitter on its own, then QSerialPort through real pseudo-terminals.

The scanner's end of the cable is the master side of an ``os.openpty()`` pair: the test
writes what a scanner sends, and the station opens the slave device (``/dev/pts/N``) with
QSerialPort as it opens ``/dev/ttyUSB0``. The port is named through a symlink, as udev's
``/dev/serial/by-id/...`` names are: a new pty has a new number, so "the scanner comes
back" is the link pointing at a fresh pair, while the name the station knows stays.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QIODevice
from PySide6.QtSerialPort import QSerialPort
from pytestqt.qtbot import QtBot

from desktop_oms.domain.identifiers import GtinCode, OrderCode
from desktop_oms.scanner.qtserial import LINE_TIMEOUT_MS, SerialScanner
from desktop_oms.scanner.scan import BadScan, BadScanReason, Scan, Source, decode
from desktop_oms.scanner.serial import MAX_LINE, Line, LineSplitter, PortState, PortStatus
from desktop_oms.scanner.settings import LineEnding, ScannerSettings

# --- the line splitter -----------------------------------------------------------------


def test_lines_split_across_chunks_keep_their_timing() -> None:
    """Characters carry the time their chunk arrived; the ending is reported as sent."""
    splitter = LineSplitter(LineEnding.CRLF)
    assert splitter.feed(b"4006", 0.0) == []
    assert splitter.partial == "4006"
    lines = splitter.feed(b"381333931\r", 12.0) + splitter.feed(b"\nOMS:O:WEB-1", 20.0)
    assert lines == [Line("4006381333931", "\r\n", (0, 0, 0, 12) + (0,) * 9 + (8,))]
    assert splitter.feed(b"000234\r\n", 21.0)[0].text == "OMS:O:WEB-1000234"


@pytest.mark.parametrize(
    ("ending", "data", "texts"),
    [
        (LineEnding.CR, b"a1\rb2\r", ["a1", "b2"]),
        (LineEnding.LF, b"a1\nb2\n", ["a1", "b2"]),
        (LineEnding.CRLF, b"a1\r\nb2\r\n", ["a1", "b2"]),
        (LineEnding.CRLF, b"a\r1\r\n", ["a\r1"]),
        (LineEnding.ANY, b"a1\r\nb2\nc3\r\r\n\nd4\r", ["a1", "b2", "c3", "d4"]),
    ],
)
def test_line_endings(ending: LineEnding, data: bytes, texts: list[str]) -> None:
    """Each setting ends lines where it says; ``any`` takes CR, LF and CR LF, skipping blanks."""
    splitter = LineSplitter(ending)
    assert [line.text for line in splitter.feed(data, 0.0)] == texts
    one_by_one = LineSplitter(ending)
    lines = [line for byte in data for line in one_by_one.feed(bytes([byte]), 0.0)]
    assert [line.text for line in lines] == texts


def test_utf8_split_between_chunks_and_bad_bytes() -> None:
    """A character split over two reads is one character; a bad byte shows as U+FFFD."""
    splitter = LineSplitter(LineEnding.LF)
    encoded = "Café\n".encode()
    assert splitter.feed(encoded[:4], 0.0) == []
    assert splitter.feed(encoded[4:], 1.0)[0].text == "Café"
    assert splitter.feed(b"A\xffB\n", 2.0)[0].text == "A\ufffdB"


def test_a_line_that_never_ends_is_cut_and_flush_reports_the_rest() -> None:
    """Over ``MAX_LINE`` characters without an ending: a line with a problem, not a hang."""
    splitter = LineSplitter(LineEnding.CR)
    lines = splitter.feed(b"9" * (MAX_LINE + 3), 0.0)
    assert len(lines) == 1
    assert len(lines[0].text) == MAX_LINE
    assert lines[0].problem is not None
    rest = splitter.flush("the port went away")
    assert rest == Line("999", "", (0.0, 0.0), "the port went away")
    assert splitter.flush("again") is None
    assert splitter.expected_ending() == "CR"


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (PortStatus(PortState.OFF), "No serial scanner set up"),
        (PortStatus(PortState.CONNECTED, "/dev/ttyUSB0"), "Scanner on /dev/ttyUSB0 connected"),
        (
            PortStatus(PortState.NOT_FOUND, "/dev/ttyUSB0"),
            "Scanner on /dev/ttyUSB0 not found — check the cable",
        ),
        (PortStatus(PortState.BUSY, "COM3"), "Scanner on COM3 is in use by another program"),
        (PortStatus(PortState.NO_PERMISSION, "/dev/ttyS0"), "dialout group"),
        (PortStatus(PortState.LOST, "COM3"), "Scanner on COM3 disconnected — reconnecting…"),
        (PortStatus(PortState.ERROR, "COM3", "Unknown error"), "Scanner on COM3: Unknown error"),
    ],
)
def test_status_messages(status: PortStatus, message: str) -> None:
    """Each state says what is wrong and what to do, naming the port."""
    assert message in status.message
    assert status.ok is (status.state in (PortState.OFF, PortState.CONNECTED))


# --- QSerialPort on a pseudo-terminal --------------------------------------------------


class Pty:
    """A pseudo-terminal pair: ``write`` is the scanner, ``path`` the device the station opens."""

    def __init__(self) -> None:
        self.master, slave = os.openpty()
        self.path = os.ttyname(slave)
        os.close(slave)  # the station opens the slave by name, as a serial port

    def write(self, data: bytes) -> None:
        """Send ``data`` down the cable."""
        os.write(self.master, data)

    def unplug(self) -> None:
        """Pull the cable: the station's reads fail and the device goes away."""
        if self.master >= 0:
            os.close(self.master)
            self.master = -1


class Cable:
    """A stable port name (a symlink) in front of whichever pty is plugged in."""

    def __init__(self, directory: Path) -> None:
        self.name = directory / "ttyScanner"
        self.ptys: list[Pty] = []

    def plug(self) -> Pty:
        """Plug a scanner in: a new pty pair behind the port name."""
        pty = Pty()
        temporary = self.name.with_suffix(".new")
        temporary.symlink_to(pty.path)
        temporary.replace(self.name)
        self.ptys.append(pty)
        return pty

    def close(self) -> None:
        """Unplug everything."""
        for pty in self.ptys:
            pty.unplug()


@pytest.fixture
def cable(tmp_path: Path) -> Iterator[Cable]:
    """A port name with nothing plugged in yet."""
    found = Cable(tmp_path)
    yield found
    found.close()


MakeScanner = Callable[..., tuple[SerialScanner, list[Scan]]]


@pytest.fixture
def make_scanner(qtbot: QtBot) -> Iterator[MakeScanner]:
    """Build a :class:`SerialScanner` for a port (stopped again after the test)."""
    made: list[SerialScanner] = []

    def make(port: Path | str, **changes: Any) -> tuple[SerialScanner, list[Scan]]:
        settings = ScannerSettings(serial_port=str(port), reconnect_ms=200, **changes)
        scanner = SerialScanner(settings)
        scans: list[Scan] = []
        scanner.scanned.connect(scans.append)
        made.append(scanner)
        return scanner, scans

    yield make
    for scanner in made:
        scanner.stop()
        scanner.deleteLater()


def test_a_serial_scanner_on_a_pty_sends_scans(
    qtbot: QtBot, cable: Cable, make_scanner: MakeScanner
) -> None:
    """Opened through QSerialPort; each line, in whatever chunks it comes, is one Scan."""
    pty = cable.plug()
    scanner, scans = make_scanner(cable.name, line_ending=LineEnding.CRLF, baud_rate=115200)
    with qtbot.waitSignal(scanner.statusChanged, timeout=2000) as connected:
        scanner.start()
    assert connected.args == [PortStatus(PortState.CONNECTED, str(cable.name))]
    assert scanner.status.message == f"Scanner on {cable.name} connected"
    pty.write(b"400638")
    qtbot.wait(30)
    with qtbot.waitSignal(scanner.scanned, timeout=2000):
        pty.write(b"1333931\r\n")
    pty.write(b"OMS:O:WEB-1000234\r\nOMS:O:WEB-1000235\r\n")
    qtbot.waitUntil(lambda: len(scans) == 3, timeout=2000)
    first = scans[0]
    assert (first.text, first.source, first.device, first.terminator) == (
        "4006381333931",
        Source.SERIAL,
        str(cable.name),
        "\r\n",
    )
    assert first.max_gap_ms is not None
    assert first.max_gap_ms >= 20  # the pause between the two chunks shows
    assert isinstance(decode(first), GtinCode)
    assert [decode(s) for s in scans[1:]] == [OrderCode("WEB-1000234"), OrderCode("WEB-1000235")]


def test_a_missing_port_says_check_the_cable_and_connects_when_plugged_in(
    qtbot: QtBot, cable: Cable, make_scanner: MakeScanner
) -> None:
    """Nothing plugged in: a clear status, retried until the scanner appears."""
    scanner, scans = make_scanner(cable.name)
    statuses: list[PortStatus] = []
    scanner.statusChanged.connect(statuses.append)
    scanner.start()
    assert scanner.status.state is PortState.NOT_FOUND
    assert scanner.status.message == f"Scanner on {cable.name} not found — check the cable"
    pty = cable.plug()
    qtbot.waitUntil(lambda: scanner.status.state is PortState.CONNECTED, timeout=3000)
    assert [s.state for s in statuses] == [PortState.NOT_FOUND, PortState.CONNECTED]
    with qtbot.waitSignal(scanner.scanned, timeout=2000):
        pty.write(b"OMS:S:B0042\r")
    assert scans[0].text == "OMS:S:B0042"


def test_an_unplugged_scanner_reconnects_when_it_comes_back(
    qtbot: QtBot, cable: Cable, make_scanner: MakeScanner
) -> None:
    """Pulled mid-code: the half line is a cut-off scan, the status says so, then it returns."""
    first = cable.plug()
    scanner, scans = make_scanner(cable.name)
    statuses: list[PortStatus] = []
    scanner.statusChanged.connect(statuses.append)
    scanner.start()
    assert scanner.status.state is PortState.CONNECTED
    first.write(b"40063")
    qtbot.waitUntil(lambda: scanner._splitter.partial == "40063", timeout=2000)
    with qtbot.waitSignal(scanner.scanned, timeout=3000):
        first.unplug()
    assert scans[0].text == "40063"
    bad = decode(scans[0])
    assert isinstance(bad, BadScan)
    assert bad.reason is BadScanReason.INCOMPLETE
    qtbot.waitUntil(lambda: scanner.status.state is PortState.NOT_FOUND, timeout=3000)
    assert statuses[:2] == [
        PortStatus(PortState.CONNECTED, str(cable.name)),
        PortStatus(PortState.LOST, str(cable.name)),
    ]
    assert "disconnected — reconnecting" in statuses[1].message
    second = cable.plug()
    qtbot.waitUntil(lambda: scanner.status.state is PortState.CONNECTED, timeout=3000)
    with qtbot.waitSignal(scanner.scanned, timeout=2000):
        second.write(b"4006381333931\n")
    assert scans[-1].text == "4006381333931"
    assert scans[-1].problem is None


def test_a_port_held_by_another_program_is_busy(
    qtbot: QtBot, cable: Cable, make_scanner: MakeScanner
) -> None:
    """QSerialPort locks the device; a second opener is told the port is in use."""
    cable.plug()
    other = QSerialPort()
    other.setPortName(str(cable.name))
    assert other.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        scanner, _ = make_scanner(cable.name)
        scanner.start()
        assert scanner.status.state is PortState.BUSY
        assert scanner.status.message == f"Scanner on {cable.name} is in use by another program"
        other.close()
        qtbot.waitUntil(lambda: scanner.status.state is PortState.CONNECTED, timeout=3000)
    finally:
        other.close()


def test_characters_without_a_line_ending_become_a_cut_off_scan(
    qtbot: QtBot, cable: Cable, make_scanner: MakeScanner
) -> None:
    """A scanner set to the wrong suffix: after a second the data is reported, not kept."""
    pty = cable.plug()
    scanner, scans = make_scanner(cable.name, line_ending=LineEnding.CRLF)
    scanner.start()
    with qtbot.waitSignal(scanner.scanned, timeout=LINE_TIMEOUT_MS + 2000):
        pty.write(b"4006381333931\n")  # LF only, CR LF expected
    assert scans[0].text == "4006381333931\n"
    assert scans[0].problem is not None
    assert "no line ending (CR LF)" in scans[0].problem
    assert isinstance(decode(scans[0]), BadScan)


def test_settings_change_and_stop(qtbot: QtBot, cable: Cable, make_scanner: MakeScanner) -> None:
    """New settings reopen the port; stop closes it; no port set up is its own state."""
    cable.plug()
    scanner, _ = make_scanner(cable.name)
    scanner.start()
    assert scanner.status.state is PortState.CONNECTED
    scanner.apply(ScannerSettings(serial_port=str(cable.name), baud_rate=19200))
    assert scanner.status.state is PortState.CONNECTED
    assert scanner._port.baudRate() == 19200
    scanner.stop()
    assert scanner.status.state is PortState.OFF
    assert not scanner._port.isOpen()
    scanner.apply(ScannerSettings())
    scanner.start()
    assert scanner.status == PortStatus(PortState.OFF)
    assert scanner.status.message == "No serial scanner set up"
