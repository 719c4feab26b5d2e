"""The settings dialog (form: ``ui/settings.ui``): the scanners, and their live scan log.

The Scanner tab holds the keyboard-wedge timing (how fast keys must come, the pause that
ends a scan, the shortest code, the Enter/Tab suffix, a prefix), the serial scanner (the
port, picked from this PC's ports — ``/dev/serial/by-id`` names first, as they survive
replugging — its speed and line ending, and the port's live status) and the sound
(volume, mute, and buttons that play the two sounds). Save applies the settings at once;
the window stores them (:mod:`desktop_oms.gui.scanning`).

While the dialog is open every scan comes to it and is only shown — on the Scanner tab's
"try" line and in the Scan log tab — so a test scan never opens an order behind it. The
Scan log tab is the scanner room's diagnostics page
(:class:`~desktop_oms.scanner.qtdiagnostics.ScanLogWidget`) over the station's log, which
keeps every scan since the station started: raw characters, the time between them, what
the code means and where it went.
"""

from __future__ import annotations

import contextlib
import html
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from desktop_oms.domain.identifiers import DecodedCode
from desktop_oms.gui import theme
from desktop_oms.gui.forms.ui_settings import Ui_SettingsDialog
from desktop_oms.gui.scanning import ScanFlash, StationScanners
from desktop_oms.gui.tasks import Task
from desktop_oms.scanner.diagnostics import LogEntry, runs
from desktop_oms.scanner.qtdiagnostics import ScanLogWidget
from desktop_oms.scanner.router import RouteResult
from desktop_oms.scanner.scan import Scan, ScanKind
from desktop_oms.scanner.serial import PortState, PortStatus
from desktop_oms.scanner.settings import (
    BAUD_RATES,
    InvalidSettings,
    LineEnding,
    ScannerSettings,
    Terminator,
)

TABS = ("scanner", "log")
LINE_ENDINGS = (
    (LineEnding.ANY, "CR, LF or CR LF"),
    (LineEnding.CR, "CR"),
    (LineEnding.LF, "LF"),
    (LineEnding.CRLF, "CR LF"),
)
NO_PORT = "None"
#: The settings' fields in words, for "this value is not right" messages.
FIELD_NAMES = {
    "max_average_ms": "Keys come at least every",
    "timeout_ms": "A pause ends a scan after",
    "min_length": "Shortest code",
    "terminators": "Code ends with",
    "prefix": "Prefix",
    "serial_port": "Port",
    "baud_rate": "Speed",
    "line_ending": "Line ending",
    "volume": "Volume",
}
_PORT_STATES = {
    PortState.OFF: "muted",
    PortState.CONNECTED: "ok",
    PortState.LOST: "warn",
}
TRY_HINT = (
    "Scan a barcode to try these settings: it shows here and in the Scan log, and "
    "nothing else happens while this window is open."
)


@dataclass(frozen=True, slots=True)
class PortChoice:
    """A serial port to offer: the name stored in the settings, and how it is shown."""

    name: str
    label: str


def available_ports() -> list[PortChoice]:
    """This PC's serial ports, ``/dev/serial/by-id`` names first (reads the system: call it
    off the UI thread)."""
    from PySide6.QtSerialPort import QSerialPortInfo

    by_id: dict[str, str] = {}
    links = Path("/dev/serial/by-id")
    if links.is_dir():
        for link in sorted(links.iterdir()):
            with contextlib.suppress(OSError):
                by_id.setdefault(str(link.resolve()), str(link))
    choices = []
    for info in QSerialPortInfo.availablePorts():
        location = info.systemLocation()
        fallback = info.portName() if sys.platform == "win32" else location
        name = by_id.get(location, fallback)
        details = " · ".join(d for d in (info.description(), info.manufacturer()) if d)
        choices.append(PortChoice(name, f"{name} — {details}" if details else name))
    choices.sort(key=lambda c: (not c.name.startswith(str(links)), c.name))
    return choices


class SettingsDialog(QDialog):
    """The station's settings: scanners (tab ``scanner``) and the scan log (tab ``log``).

    Signal ``saved(object)``: Save was pressed with valid settings, the new
    :class:`ScannerSettings` (the window applies and stores them);
    ``exportDiagnosticsRequested()``: "Export diagnostics…" on the log tab was pressed
    (the window asks where to save, over this dialog).
    """

    saved = Signal(object)
    exportDiagnosticsRequested = Signal()  # noqa: N815

    scan_target_name = "Scanner settings"

    def __init__(
        self,
        scanners: StationScanners,
        parent: QWidget | None = None,
        *,
        list_ports: Callable[[], Task[list[PortChoice]]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        cast(Any, self.ui).setupUi(self)  # generated code is untyped
        self.setObjectName("settingsDialog")
        self.scanners = scanners
        self._list_ports = list_ports
        ui = self.ui
        ui.saveButton.setProperty("accent", True)
        ui.saveButton.setDefault(True)
        ui.settingsError.hide()
        for rate in BAUD_RATES:
            ui.baudCombo.addItem(f"{rate:,} baud".replace(",", " "), rate)
        for ending, text in LINE_ENDINGS:
            ui.lineEndingCombo.addItem(text, str(ending))
        ui.portCombo.addItem(NO_PORT, "")
        for spin in (ui.maxAverageSpin, ui.timeoutSpin, ui.minLengthSpin):
            spin.lineEdit().setTextMargins(10, 0, 0, 0)  # QSS padding misses the inner field
        ui.tryIcon.setPixmap(theme.pixmap("scan", "#1D4ED8", 22, self.devicePixelRatioF()))
        self.log_widget = ScanLogWidget(scanners.log, ui.diagnosticsTab)
        ui.diagnosticsLayout.addWidget(self.log_widget)
        # support's bundle (logs, versions, sync state), also before anyone signs in
        self.export_button = QPushButton("Export diagnostics…", ui.diagnosticsTab)
        self.export_button.setObjectName("exportDiagnosticsButton")
        self.export_button.setIcon(theme.icon("upload", theme.INK))
        self.export_button.setToolTip(
            "One file for support: the station's logs (no PINs, tokens or customer data), "
            "versions and sync state"
        )
        self.export_button.clicked.connect(self.exportDiagnosticsRequested)
        ui.diagnosticsLayout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)
        self.flash = ScanFlash(self)

        ui.volumeSlider.valueChanged.connect(self._show_volume)
        ui.muteCheck.toggled.connect(lambda muted: ui.volumeSlider.setEnabled(not muted))
        ui.wedgeEnabled.toggled.connect(self._show_wedge_enabled)
        ui.playGoodButton.clicked.connect(lambda: self._play(good=True))
        ui.playBadButton.clicked.connect(lambda: self._play(good=False))
        ui.refreshPortsButton.clicked.connect(self.refresh_ports)
        ui.restoreButton.clicked.connect(lambda: self.show_settings(ScannerSettings()))
        ui.cancelButton.clicked.connect(self.reject)
        ui.saveButton.clicked.connect(self.save)
        scanners.portStatusChanged.connect(self._show_port_status)
        scanners.dispatcher.routed.connect(self._on_routed)
        for effect in scanners.feedback.effects:
            effect.statusChanged.connect(self._show_sound_status)

        self.show_settings(scanners.settings)
        self._show_port_status(scanners.port_status)
        self._show_sound_status()
        self._show_try(None)
        self.refresh_ports()

    # --- the form ------------------------------------------------------------------------

    def open_tab(self, tab: str) -> None:
        """Show the ``scanner`` or the ``log`` tab."""
        self.ui.tabs.setCurrentIndex(TABS.index(tab))

    @property
    def tab(self) -> str:
        """The tab shown: ``scanner`` or ``log``."""
        return TABS[self.ui.tabs.currentIndex()]

    def show_settings(self, settings: ScannerSettings) -> None:
        """Fill the form with ``settings``."""
        ui = self.ui
        ui.wedgeEnabled.setChecked(settings.wedge_enabled)
        ui.maxAverageSpin.setValue(round(settings.max_average_ms))
        ui.timeoutSpin.setValue(round(settings.timeout_ms))
        ui.minLengthSpin.setValue(settings.min_length)
        ui.enterCheck.setChecked(Terminator.ENTER in settings.terminators)
        ui.tabCheck.setChecked(Terminator.TAB in settings.terminators)
        ui.prefixEdit.setText(settings.prefix)
        self._select_port(settings.serial_port)
        ui.baudCombo.setCurrentIndex(max(0, ui.baudCombo.findData(settings.baud_rate)))
        ending = ui.lineEndingCombo.findData(str(settings.line_ending))
        ui.lineEndingCombo.setCurrentIndex(max(0, ending))
        ui.volumeSlider.setValue(settings.volume)
        ui.muteCheck.setChecked(settings.muted)
        ui.volumeSlider.setEnabled(not settings.muted)
        self._show_volume(settings.volume)
        self._show_wedge_enabled(settings.wedge_enabled)
        self._error(None)

    def settings(self) -> ScannerSettings:
        """The settings as the form has them (InvalidSettings names a field out of range)."""
        ui = self.ui
        terminators = tuple(
            t
            for t, box in ((Terminator.ENTER, ui.enterCheck), (Terminator.TAB, ui.tabCheck))
            if box.isChecked()
        )
        return replace(
            self.scanners.settings,
            wedge_enabled=ui.wedgeEnabled.isChecked(),
            max_average_ms=float(ui.maxAverageSpin.value()),
            timeout_ms=float(ui.timeoutSpin.value()),
            min_length=ui.minLengthSpin.value(),
            terminators=terminators,
            prefix=ui.prefixEdit.text(),
            serial_port=self.port_name(),
            baud_rate=int(ui.baudCombo.currentData()),
            line_ending=LineEnding(str(ui.lineEndingCombo.currentData())),
            volume=ui.volumeSlider.value(),
            muted=ui.muteCheck.isChecked(),
        )

    def save(self) -> None:
        """Check the form; emit ``saved`` and close, or say what is wrong."""
        try:
            settings = self.settings()
        except InvalidSettings as exc:
            self._error(f"{FIELD_NAMES.get(exc.field, exc.field)}: {exc.message}.")
            return
        self.saved.emit(settings)
        self.accept()

    def done(self, result: int) -> None:
        """Closing: the sound plays at the settings in use again (not a tried volume)."""
        self.scanners.feedback.apply(self.scanners.settings)
        super().done(result)

    def _error(self, message: str | None) -> None:
        self.ui.settingsError.setText(message or "")
        self.ui.settingsError.setVisible(bool(message))

    def _show_volume(self, value: int) -> None:
        self.ui.volumeValue.setText(f"{value} %")

    def _show_wedge_enabled(self, enabled: bool) -> None:
        ui = self.ui
        for widget in (
            ui.maxAverageSpin,
            ui.timeoutSpin,
            ui.minLengthSpin,
            ui.enterCheck,
            ui.tabCheck,
            ui.prefixEdit,
        ):
            widget.setEnabled(enabled)

    # --- the serial port -----------------------------------------------------------------

    def port_name(self) -> str:
        """The port chosen (or typed): its name as stored, empty for none."""
        combo = self.ui.portCombo
        text = combo.currentText().strip()
        index = combo.findText(text)
        return str(combo.itemData(index) or "") if index >= 0 else text

    def _select_port(self, name: str) -> None:
        combo = self.ui.portCombo
        index = combo.findData(name) if name else 0
        if index < 0:
            combo.addItem(name, name)  # not in the system's list (unplugged, or a link)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def refresh_ports(self) -> None:
        """Look for this PC's serial ports again (off the UI thread when it can)."""
        if self._list_ports is None:
            self.show_ports(available_ports())
            return
        self.ui.refreshPortsButton.setEnabled(False)

        def found(ports: list[PortChoice]) -> None:
            if shiboken6.isValid(self):
                self.ui.refreshPortsButton.setEnabled(True)
                self.show_ports(ports)

        self._list_ports().then(found)

    def show_ports(self, ports: list[PortChoice]) -> None:
        """Offer ``ports`` (keeping the one chosen, even when it is not plugged in)."""
        chosen = self.port_name()
        combo = self.ui.portCombo
        combo.clear()
        combo.addItem(NO_PORT, "")
        for port in ports:
            combo.addItem(port.label, port.name)
        self._select_port(chosen)

    def _show_port_status(self, status: PortStatus) -> None:
        label = self.ui.portStatusLabel
        if status.state is PortState.OFF and self.scanners.settings.serial_port:
            text = "Not listening (the station has not started its scanners)"
        else:
            text = status.message
        label.setText(f"●  {text}")
        label.setToolTip(status.detail)
        label.setProperty("state", _PORT_STATES.get(status.state, "bad"))
        theme.restyle(label)

    # --- sound ---------------------------------------------------------------------------

    def _play(self, *, good: bool) -> None:
        """Play a sound at the volume the form has now (the flash shows with it)."""
        ui = self.ui
        feedback = self.scanners.feedback
        feedback.apply(
            replace(
                self.scanners.settings,
                volume=ui.volumeSlider.value(),
                muted=ui.muteCheck.isChecked(),
            )
        )
        if good:
            feedback.good("")
        else:
            feedback.bad("")

    def _show_sound_status(self) -> None:
        state = self.scanners.sound_state
        if state == "none":
            text = "No sound device found: scans are silent here, the flash still shows."
        elif state == "loading":
            text = "Loading the sounds…"
        else:
            text = ""
        self.ui.soundStatus.setText(text)
        self.ui.soundStatus.setVisible(bool(text))

    # --- scans ---------------------------------------------------------------------------

    def accepts(self, kind: ScanKind) -> bool:
        """Every scan comes here while the dialog is open (to be looked at, not acted on)."""
        return True

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """A test scan: it is shown (the try line, the log), nothing more."""

    def show_scan_feedback(self, good: bool, message: str) -> None:
        """The flash of a scan (or of a sound tried) made with the dialog open."""
        self.flash.flash(good)

    def _on_routed(self, result: RouteResult | None) -> None:
        self._show_try(result)

    def _show_try(self, result: RouteResult | None) -> None:
        label = self.ui.lastScanLabel
        if result is None:
            label.setText(TRY_HINT)
            return
        entry = LogEntry.of_result(result)
        colour = theme.OK if entry.good else theme.BAD
        timing = f" · {entry.timing}" if result.scan.gaps_ms else ""
        label.setText(
            f"<b style='color:{colour}'>{html.escape(entry.meaning)}</b><br>"
            f"<span style='color:{theme.MUTED}'>{html.escape(entry.source)}{timing} · "
            f"{entry.length} characters: </span>{raw_html(entry.raw)}"
        )


def raw_html(shown: str) -> str:
    """What a scanner sent (text from ``visible``) as rich text, control characters as
    small tags (no font needed for their pictures)."""
    return "".join(
        f"<span style='background-color:#E2E6EC; color:#3B4452; font-size:11px; "
        f"font-weight:700'>&nbsp;{name}&nbsp;</span>"
        if tag
        else f"<tt>{html.escape(name)}</tt>"
        for name, tag in runs(shown)
    )
