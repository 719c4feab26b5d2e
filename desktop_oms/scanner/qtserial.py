"""A serial barcode scanner read through QtSerialPort, reconnecting when its port returns.

:class:`SerialScanner` opens the port named in the settings (``/dev/ttyUSB0``,
``/dev/serial/by-id/...``, ``COM3``) at the set baud rate, 8N1, reads whatever arrives on
the main thread's event loop (``readyRead``; no thread of its own, no blocking) and emits a
:class:`~desktop_oms.scanner.scan.Scan` for each line. A port that cannot be opened — not
plugged in, no permission, used by another program — or that goes away (unplugged: Qt
reports a resource error) is retried every ``reconnect_ms``; every change of state is
emitted as a :class:`~desktop_oms.scanner.serial.PortStatus` with a sentence for staff.
Characters left without their line ending for :data:`LINE_TIMEOUT_MS`, or when the port
goes away, become a scan marked cut off — never half a code taken as a whole one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QIODevice, QObject, QTimer, Signal
from PySide6.QtSerialPort import QSerialPort

from desktop_oms.scanner.qtwedge import monotonic_ms
from desktop_oms.scanner.scan import Scan, Source
from desktop_oms.scanner.serial import Line, LineSplitter, PortState, PortStatus
from desktop_oms.scanner.settings import ScannerSettings

#: How long characters may wait for their line ending before they count as a cut-off scan.
LINE_TIMEOUT_MS = 1000


def _system_path(port: str) -> str:
    """The device file of a port name as QSerialPort resolves it on Unix."""
    return port if port.startswith(("/", "./", "../")) else f"/dev/{port}"


class SerialScanner(QObject):
    """Reads scans from a serial port and keeps trying to reach it.

    Signals: ``scanned(Scan)`` for every line (or cut-off line) received;
    ``statusChanged(PortStatus)`` when the port's state changes.
    """

    scanned = Signal(Scan)
    statusChanged = Signal(PortStatus)  # noqa: N815

    def __init__(
        self,
        settings: ScannerSettings | None = None,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = monotonic_ms,
    ) -> None:
        super().__init__(parent)
        self._settings = settings or ScannerSettings()
        self._clock = clock
        self._running = False
        self._status = PortStatus(PortState.OFF)
        self._splitter = LineSplitter(self._settings.line_ending)
        self._port = QSerialPort(self)
        self._port.readyRead.connect(self._read)
        self._port.errorOccurred.connect(self._port_error)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._open)
        self._line_timer = QTimer(self)
        self._line_timer.setSingleShot(True)
        self._line_timer.setInterval(LINE_TIMEOUT_MS)
        self._line_timer.timeout.connect(self._line_timed_out)

    @property
    def status(self) -> PortStatus:
        """The port's current state."""
        return self._status

    @property
    def settings(self) -> ScannerSettings:
        """The settings in use."""
        return self._settings

    def start(self) -> None:
        """Open the configured port (or report that none is set up) and keep it open."""
        self._running = True
        if not self._settings.serial_port:
            self._set_status(PortStatus(PortState.OFF))
            return
        self._open()

    def stop(self) -> None:
        """Close the port and stop retrying."""
        self._running = False
        self._retry.stop()
        self._close(None)
        self._set_status(PortStatus(PortState.OFF, self._settings.serial_port))

    def apply(self, settings: ScannerSettings) -> None:
        """Use new settings; a running scanner reopens its port with them."""
        running = self._running
        self.stop()
        self._settings = settings
        self._splitter = LineSplitter(settings.line_ending)
        if running:
            self.start()

    # --- the port ----------------------------------------------------------------------------

    def _open(self) -> None:
        if not self._running or self._port.isOpen():
            return
        name = self._settings.serial_port
        port = self._port
        port.setPortName(name)
        port.setBaudRate(self._settings.baud_rate)
        port.setDataBits(QSerialPort.DataBits.Data8)
        port.setParity(QSerialPort.Parity.NoParity)
        port.setStopBits(QSerialPort.StopBits.OneStop)
        port.setFlowControl(QSerialPort.FlowControl.NoFlowControl)
        if port.open(QIODevice.OpenModeFlag.ReadOnly):
            self._splitter = LineSplitter(self._settings.line_ending)
            self._set_status(PortStatus(PortState.CONNECTED, name))
            return
        self._set_status(self._open_failure(port.error(), port.errorString()))
        port.clearError()
        self._retry.start(self._settings.reconnect_ms)

    def _open_failure(self, error: QSerialPort.SerialPortError, text: str) -> PortStatus:
        name = self._settings.serial_port
        if error == QSerialPort.SerialPortError.DeviceNotFoundError:
            return PortStatus(PortState.NOT_FOUND, name, text)
        if error == QSerialPort.SerialPortError.PermissionError:
            # Qt says "permission" both for file modes and for a port another program holds.
            readable = sys.platform == "win32" or os.access(_system_path(name), os.R_OK)
            return PortStatus(PortState.BUSY if readable else PortState.NO_PERMISSION, name, text)
        return PortStatus(PortState.ERROR, name, text)

    def _port_error(self, error: QSerialPort.SerialPortError) -> None:
        lost = (QSerialPort.SerialPortError.ResourceError, QSerialPort.SerialPortError.ReadError)
        if error not in lost or not self._port.isOpen():
            return  # open failures are handled where open() returns
        self._close("the port went away before the line ended")
        self._set_status(PortStatus(PortState.LOST, self._settings.serial_port))
        if self._running:
            self._retry.start(self._settings.reconnect_ms)

    def _close(self, why: str | None) -> None:
        self._line_timer.stop()
        if self._port.isOpen():
            self._read()
            self._port.close()
        self._port.clearError()
        line = self._splitter.flush(why) if why is not None else None
        self._splitter = LineSplitter(self._settings.line_ending)
        if line is not None:
            self._emit(line)

    def _read(self) -> None:
        data = self._port.readAll().data()
        if not data:
            return
        for line in self._splitter.feed(bytes(data), self._clock()):
            self._emit(line)
        if self._splitter.partial:
            self._line_timer.start()
        else:
            self._line_timer.stop()

    def _line_timed_out(self) -> None:
        why = (
            f"no line ending ({self._splitter.expected_ending()}) within "
            f"{LINE_TIMEOUT_MS / 1000:g} s — check the scanner's suffix setting"
        )
        line = self._splitter.flush(why)
        if line is not None:
            self._emit(line)

    def _emit(self, line: Line) -> None:
        self.scanned.emit(
            Scan(
                line.text,
                Source.SERIAL,
                datetime.now(UTC),
                gaps_ms=line.gaps_ms,
                terminator=line.ending,
                device=self._settings.serial_port,
                problem=line.problem,
            )
        )

    def _set_status(self, status: PortStatus) -> None:
        if status != self._status:
            self._status = status
            self.statusChanged.emit(status)
