"""The settings dialog (form: ``ui/settings.ui``): connection, printers, scanners, sounds,
appearance, and the scanners' live scan log.

The Connection, Printers, Sounds and Appearance tabs are built in code
(:class:`PreferencesTabs`) around the form's Scanner and Scan log tabs; their values are
the station's :class:`~desktop_oms.gui.preferences.Preferences` (a QSettings file), saved
with the scanner settings by Save. "Test connection" asks the server's ``/health`` with
the address and CA bundle typed (on the pool) and says what failed; "Test print" prints a
small page for one kind of document on the printer chosen for it (a PDF with "Save as
PDF"). A theme chosen shows at once (Cancel goes back); a language at the next start.

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
import itertools
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.domain.identifiers import DecodedCode
from desktop_oms.gui import preferences, printing, theme
from desktop_oms.gui.forms.ui_settings import Ui_SettingsDialog
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.preferences import DOCUMENTS, InvalidPreference, Preferences
from desktop_oms.gui.scanning import ScanFlash, StationScanners
from desktop_oms.gui.scanwords import meaning as scan_meaning
from desktop_oms.gui.tasks import Pool, Task, TaskManager
from desktop_oms.gui.translations import LANGUAGES
from desktop_oms.scanner.diagnostics import LogEntry, runs
from desktop_oms.scanner.qtdiagnostics import ScanLogWidget
from desktop_oms.scanner.router import RouteResult
from desktop_oms.scanner.scan import Scan, ScanKind, Source
from desktop_oms.scanner.serial import PortState, PortStatus
from desktop_oms.scanner.settings import (
    BAUD_RATES,
    InvalidSettings,
    LineEnding,
    ScannerSettings,
    Terminator,
)

TABS = ("connection", "printers", "scanner", "sounds", "appearance", "log")
LINE_ENDINGS = (
    (LineEnding.ANY, QT_TRANSLATE_NOOP("SettingsDialog", "CR, LF or CR LF")),
    (LineEnding.CR, "CR"),
    (LineEnding.LF, "LF"),
    (LineEnding.CRLF, "CR LF"),
)
NO_PORT = QT_TRANSLATE_NOOP("SettingsDialog", "None")
#: The settings' fields in words, for "this value is not right" messages.
FIELD_NAMES: dict[str, object] = {
    "max_average_ms": QT_TRANSLATE_NOOP("SettingsDialog", "Keys come at least every"),
    "timeout_ms": QT_TRANSLATE_NOOP("SettingsDialog", "A pause ends a scan after"),
    "min_length": QT_TRANSLATE_NOOP("SettingsDialog", "Shortest code"),
    "terminators": QT_TRANSLATE_NOOP("SettingsDialog", "Code ends with"),
    "prefix": QT_TRANSLATE_NOOP("SettingsDialog", "Prefix"),
    "serial_port": QT_TRANSLATE_NOOP("SettingsDialog", "Port"),
    "baud_rate": QT_TRANSLATE_NOOP("SettingsDialog", "Speed"),
    "line_ending": QT_TRANSLATE_NOOP("SettingsDialog", "Line ending"),
    "volume": QT_TRANSLATE_NOOP("SettingsDialog", "Volume"),
    "server_url": QT_TRANSLATE_NOOP("SettingsDialog", "Server address"),
    "ca_bundle": QT_TRANSLATE_NOOP("SettingsDialog", "CA bundle"),
    "theme": QT_TRANSLATE_NOOP("SettingsDialog", "Theme"),
    "language": QT_TRANSLATE_NOOP("SettingsDialog", "Language"),
    "printers": QT_TRANSLATE_NOOP("SettingsDialog", "Printers"),
    "reconnect_ms": QT_TRANSLATE_NOOP("SettingsDialog", "Reconnect after"),
}
#: What is wrong with a scanner setting out of range, by field (the scanner room's
#: InvalidSettings carries English for logs; staff read these).
SCANNER_PROBLEMS: dict[str, object] = {
    "terminators": QT_TRANSLATE_NOOP("SettingsDialog", "choose Enter, Tab or both"),
    "line_ending": QT_TRANSLATE_NOOP("SettingsDialog", "choose one of the line endings"),
    "max_average_ms": QT_TRANSLATE_NOOP("SettingsDialog", "must be between 1 and 200 ms"),
    "timeout_ms": QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "must be at least the time between keys above, and at most 1000 ms",
    ),
    "min_length": QT_TRANSLATE_NOOP("SettingsDialog", "must be between 1 and 100 characters"),
    "prefix": QT_TRANSLATE_NOOP("SettingsDialog", "at most 8 characters, no Enter or Tab"),
    "serial_port": QT_TRANSLATE_NOOP("SettingsDialog", "remove the spaces around the port name"),
    "baud_rate": QT_TRANSLATE_NOOP("SettingsDialog", "choose one of the speeds in the list"),
    "reconnect_ms": QT_TRANSLATE_NOOP("SettingsDialog", "must be between 200 ms and 60 s"),
    "volume": QT_TRANSLATE_NOOP("SettingsDialog", "must be between 0 and 100 percent"),
}
#: The serial port's state in words; ``{port}`` is the port's name.
PORT_MESSAGES: dict[PortState, object] = {
    PortState.OFF: QT_TRANSLATE_NOOP("SettingsDialog", "No serial scanner set up"),
    PortState.CONNECTED: QT_TRANSLATE_NOOP("SettingsDialog", "Scanner on {port} connected"),
    PortState.NOT_FOUND: QT_TRANSLATE_NOOP(
        "SettingsDialog", "Scanner on {port} not found — check the cable"
    ),
    PortState.NO_PERMISSION: QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "Scanner on {port} cannot be opened: no permission "
        "(on Linux, add this user to the dialout group)",
    ),
    PortState.BUSY: QT_TRANSLATE_NOOP(
        "SettingsDialog", "Scanner on {port} is in use by another program"
    ),
    PortState.LOST: QT_TRANSLATE_NOOP(
        "SettingsDialog", "Scanner on {port} disconnected — reconnecting…"
    ),
    PortState.ERROR: QT_TRANSLATE_NOOP("SettingsDialog", "Scanner on {port}: {detail}"),
}
#: How each scanner a scan came from is named on the try line.
SOURCE_NAMES: dict[Source, object] = {
    Source.WEDGE: QT_TRANSLATE_NOOP("SettingsDialog", "Keyboard scanner"),
    Source.SERIAL: QT_TRANSLATE_NOOP("SettingsDialog", "Serial scanner"),
    Source.TYPED: QT_TRANSLATE_NOOP("SettingsDialog", "Typed"),
}
#: The tab that holds each preference, to show it with its error.
FIELD_TABS = {"server_url": "connection", "ca_bundle": "connection", "printers": "printers"}
_PORT_STATES = {
    PortState.OFF: "muted",
    PortState.CONNECTED: "ok",
    PortState.LOST: "warn",
}
TRY_HINT = QT_TRANSLATE_NOOP(
    "SettingsDialog",
    "Scan a barcode to try these settings: it shows here and in the Scan log, and "
    "nothing else happens while this window is open.",
)


@dataclass(frozen=True, slots=True)
class PortChoice:
    """A serial port to offer: the name stored in the settings, and how it is shown."""

    name: str
    label: str


def _translated(text: object) -> str:
    return QCoreApplication.translate("SettingsDialog", str(text))


def port_status_text(status: PortStatus) -> str:
    """The serial port's state as a sentence for staff, in the station's language (the
    scanner room's ``PortStatus.message`` is the English one, for logs)."""
    template = PORT_MESSAGES.get(status.state, PORT_MESSAGES[PortState.ERROR])
    detail = status.detail or _translated(QT_TRANSLATE_NOOP("SettingsDialog", "port error"))
    return _translated(template).format(port=status.port, detail=detail)


def timing_words(gaps_ms: tuple[float, ...]) -> str:
    """The time between a scan's characters: ``mean 8.2 ms, max 12 ms``, translated."""
    if not gaps_ms:
        return "—"
    mean = sum(gaps_ms) / len(gaps_ms)
    return _translated(QT_TRANSLATE_NOOP("SettingsDialog", "mean {mean} ms, max {max} ms")).format(
        mean=QLocale().toString(mean, "f", 1), max=QLocale().toString(max(gaps_ms), "f", 0)
    )


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
    """The station's settings, one tab each (names in :data:`TABS`): ``connection``,
    ``printers``, ``scanner``, ``sounds``, ``appearance`` and the scan ``log``.

    Signals ``saved(object)``: Save was pressed with valid settings, the new
    :class:`ScannerSettings` (the window applies and stores them);
    ``preferencesSaved(object)``: the new :class:`Preferences`, already stored and in use
    (printers, CA bundle, theme), emitted just before ``saved``;
    ``preferencesLoaded()``: the stored preferences are in the form;
    ``connectionTested(object)``: a :class:`~desktop_oms.sync.probe.ProbeResult`;
    ``testPrinted(object)``: a :class:`~desktop_oms.gui.printing.Printed` (or the
    exception); ``exportDiagnosticsRequested()``: "Export diagnostics…" on the log tab was
    pressed (the window asks where to save, over this dialog).

    ``preferences_path`` is the QSettings file (default: the user's), ``pool`` runs the
    disk and network work (default: a pool of the dialog's own), ``pdf_dir`` is where test
    pages go as PDF files, ``enrolled_url`` the address the station was enrolled with
    (shown when no other is set).
    """

    saved = Signal(object)
    preferencesSaved = Signal(object)  # noqa: N815
    preferencesLoaded = Signal()  # noqa: N815
    connectionTested = Signal(object)  # noqa: N815
    testPrinted = Signal(object)  # noqa: N815
    exportDiagnosticsRequested = Signal()  # noqa: N815

    scan_target_name = "Scanner settings"

    def __init__(
        self,
        scanners: StationScanners,
        parent: QWidget | None = None,
        *,
        list_ports: Callable[[], Task[list[PortChoice]]] | None = None,
        preferences_path: Path | None = None,
        pool: Pool | TaskManager | None = None,
        pdf_dir: Path | None = None,
        enrolled_url: str = "",
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        cast(Any, self.ui).setupUi(self)  # generated code is untyped
        self.setObjectName("settingsDialog")
        self.scanners = scanners
        self._list_ports = list_ports
        self.preferences_path = preferences_path
        self.pool: Pool | TaskManager = pool or Pool(self)
        self.pdf_dir = pdf_dir
        self.enrolled_url = enrolled_url
        #: The preferences stored (None until read), and the theme in use when opened.
        self.stored: Preferences | None = None
        self._theme_at_open = theme.CURRENT
        self._saving = False
        ui = self.ui
        ui.saveButton.setProperty("accent", True)
        ui.saveButton.setDefault(True)
        ui.settingsError.hide()
        for rate in BAUD_RATES:
            spaced = f"{rate:,}".replace(",", " ")  # 115 200: the same in every language
            ui.baudCombo.addItem(self.tr("{rate} baud").format(rate=spaced), rate)
        for ending, text in LINE_ENDINGS:
            ui.lineEndingCombo.addItem(_translated(text), str(ending))
        ui.portCombo.addItem(self.tr(str(NO_PORT)), "")
        for spin in (ui.maxAverageSpin, ui.timeoutSpin, ui.minLengthSpin):
            spin.lineEdit().setTextMargins(10, 0, 0, 0)  # QSS padding misses the inner field
        ui.tryIcon.setPixmap(theme.pixmap("scan", "#1D4ED8", 22, self.devicePixelRatioF()))
        self.log_widget = ScanLogWidget(scanners.log, ui.diagnosticsTab)
        ui.diagnosticsLayout.addWidget(self.log_widget)
        # support's bundle (logs, versions, sync state), also before anyone signs in
        self.export_button = QPushButton(self.tr("Export diagnostics…"), ui.diagnosticsTab)
        self.export_button.setObjectName("exportDiagnosticsButton")
        self.export_button.setIcon(theme.icon("upload", theme.INK))
        self.export_button.setToolTip(
            self.tr(
                "One file for support: the station's logs (no PINs, tokens or customer "
                "data), versions and sync state"
            )
        )
        self.export_button.clicked.connect(self.exportDiagnosticsRequested)
        ui.diagnosticsLayout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)
        self.flash = ScanFlash(self)
        # a slider has no label buddy: name it for screen readers; check boxes are a
        # finger's height like every other control (the stylesheet's 32 px minimum would
        # override a minimum size set here, so a rule of their own)
        ui.volumeSlider.setAccessibleName(self.tr("Volume"))
        ui.volumeSlider.setAccessibleDescription(self.tr("Loudness of the scan sounds"))
        for check in (ui.wedgeEnabled, ui.enterCheck, ui.tabCheck, ui.muteCheck):
            check.setStyleSheet(f"QCheckBox {{ min-height: {theme.TOUCH_MIN}px; }}")

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

        self._build_preference_tabs()
        self._set_tab_order()
        # Restore defaults is the scanner's: shown with the Scanner tab only
        ui.tabs.currentChanged.connect(
            lambda _i: ui.restoreButton.setVisible(ui.tabs.currentWidget() is ui.scannerTab)
        )
        self.show_settings(scanners.settings)
        self._show_port_status(scanners.port_status)
        self._show_sound_status()
        self._show_try(None)
        self.refresh_ports()
        self.load_preferences()

    def _set_tab_order(self) -> None:
        """Tab goes from the tab bar into the tab shown, then to the dialog's buttons (the
        tabs built in code would otherwise come after Cancel and Save). Controls of hidden
        tabs are skipped by Tab, so one chain serves every tab."""
        ui = self.ui
        chain: list[QWidget] = [ui.tabs.tabBar(), self.server_edit, self.ca_edit]
        chain += [self.browse_ca_button, self.test_connection_button]
        for key, combo in self.printer_combos.items():
            chain += [combo, self.test_print_buttons[key]]
        chain += [ui.wedgeEnabled, ui.maxAverageSpin, ui.timeoutSpin, ui.minLengthSpin]
        chain += [ui.enterCheck, ui.tabCheck, ui.prefixEdit, ui.portCombo]
        chain += [ui.refreshPortsButton, ui.baudCombo, ui.lineEndingCombo]
        chain += [ui.volumeSlider, ui.muteCheck, ui.playGoodButton, ui.playBadButton]
        chain += [self.theme_combo, self.language_combo]
        chain += [self.log_widget.table, self.log_widget.clear_button, self.export_button]
        chain += [ui.restoreButton, ui.cancelButton, ui.saveButton]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- the form ------------------------------------------------------------------------

    def _tab_pages(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "connection": self.connection_tab,
            "printers": self.printers_tab,
            "scanner": ui.scannerTab,
            "sounds": self.sounds_tab,
            "appearance": self.appearance_tab,
            "log": ui.diagnosticsTab,
        }

    def open_tab(self, tab: str) -> None:
        """Show tab ``tab`` (a name of :data:`TABS`)."""
        self.ui.tabs.setCurrentWidget(self._tab_pages()[tab])

    @property
    def tab(self) -> str:
        """The name of the tab shown (one of :data:`TABS`)."""
        current = self.ui.tabs.currentWidget()
        return next(name for name, page in self._tab_pages().items() if page is current)

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
        """Check the form; store the preferences (on the pool: the CA file is read), then
        emit ``preferencesSaved`` and ``saved`` and close, or say what is wrong."""
        if self._saving:
            return
        try:
            settings = self.settings()
        except InvalidSettings as exc:
            problem = SCANNER_PROBLEMS.get(exc.field)
            why = _translated(problem) if problem is not None else exc.message
            self._error(f"{self._field_name(exc.field)}: {why}.")
            self.open_tab("scanner")
            return
        try:
            prefs = self.preferences()
        except InvalidPreference as exc:
            self._preference_error(exc)
            return
        path = self.preferences_path
        self._saving = True
        self.ui.saveButton.setEnabled(False)

        def store() -> Preferences:
            return preferences.save(preferences.validate(prefs), path)

        def stored(checked: Preferences) -> None:
            if not shiboken6.isValid(self):
                return
            self._saving = False
            self.ui.saveButton.setEnabled(True)
            self.stored = checked
            self._theme_at_open = checked.theme
            printing.use_printers(checked.printers)
            from desktop_oms.sync.client import use_ca_bundle

            use_ca_bundle(checked.ca_bundle or None)
            self.preferencesSaved.emit(checked)
            self.saved.emit(settings)
            self.accept()

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self._saving = False
            self.ui.saveButton.setEnabled(True)
            if isinstance(exc, InvalidPreference):
                self._preference_error(exc)
            else:
                self._error(self.tr("The settings could not be stored: {error}").format(error=exc))

        self.pool.run(store, name="save settings").then(stored, failed)

    def done(self, result: int) -> None:
        """Closing: the sound plays at the settings in use again (not a tried volume), and
        the theme is the one saved (a theme tried and cancelled goes back)."""
        self.scanners.feedback.apply(self.scanners.settings)
        if self._theme_at_open != theme.CURRENT:
            self._apply_theme(self._theme_at_open)
        super().done(result)

    def _field_name(self, field: str) -> str:
        return QCoreApplication.translate("SettingsDialog", str(FIELD_NAMES.get(field, field)))

    def _preference_error(self, exc: InvalidPreference) -> None:
        self._error(f"{self._field_name(exc.field)}: {exc.message}.")
        tab = FIELD_TABS.get(exc.field)
        if tab is not None:
            self.open_tab(tab)
        widget = {"server_url": self.server_edit, "ca_bundle": self.ca_edit}.get(exc.field)
        if widget is not None:
            widget.setFocus()
            widget.selectAll()

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

    # --- the preference tabs ---------------------------------------------------------------

    def _page(self, name: str, title: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        page.setObjectName(f"{name}Tab")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 18, 4, 4)
        layout.setSpacing(14)
        return page, layout

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setSpacing(12)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return form

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        """A form row's label, as tall as its field (so their texts line up), naming it
        for Alt+key and screen readers."""
        label = QLabel(text)
        label.setBuddy(buddy)
        label.setMinimumHeight(theme.TOUCH_MIN + 2)
        return label

    def _note(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setProperty("muted", True)
        return label

    def _build_preference_tabs(self) -> None:
        """The Connection, Printers, Sounds and Appearance tabs, around the form's two."""
        tabs = self.ui.tabs
        # connection
        self.connection_tab, layout = self._page("connection", "Connection")
        form = self._form()
        self.server_edit = QLineEdit()
        self.server_edit.setObjectName("serverUrlEdit")
        self.server_edit.setPlaceholderText(self.enrolled_url or "https://oms.example.com")
        self.server_edit.setAccessibleName(self.tr("Server address"))
        form.addRow(self._label(self.tr("Server address"), self.server_edit), self.server_edit)
        self.ca_edit = QLineEdit()
        self.ca_edit.setObjectName("caBundleEdit")
        self.ca_edit.setPlaceholderText(self.tr("This PC's certificate authorities"))
        self.ca_edit.setAccessibleName(self.tr("CA bundle file"))
        self.browse_ca_button = QPushButton(self.tr("Choose…"))
        self.browse_ca_button.setObjectName("browseCaButton")
        self.browse_ca_button.clicked.connect(self._browse_ca)
        row = QHBoxLayout()
        row.addWidget(self.ca_edit, 1)
        row.addWidget(self.browse_ca_button)
        form.addRow(self._label(self.tr("CA bundle file"), self.ca_edit), row)
        layout.addLayout(form)
        layout.addWidget(
            self._note(
                self.tr(
                    "Leave the address empty to use the one this station was enrolled with, "
                    "and the CA bundle empty to trust this PC's certificate authorities. "
                    "A CA bundle is a PEM file of the certificates that sign the server's "
                    "certificate. Saving uses the new address from the next sync."
                ),
                "connectionHint",
            )
        )
        self.test_connection_button = QPushButton(self.tr("Test connection"))
        self.test_connection_button.setObjectName("testConnectionButton")
        self.test_connection_button.clicked.connect(self.test_connection)
        self.connection_result = QLabel()
        self.connection_result.setObjectName("connectionResult")
        self.connection_result.setWordWrap(True)
        self.connection_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_connection_button)
        test_row.addWidget(self.connection_result, 1)
        layout.addLayout(test_row)
        layout.addStretch(1)
        tabs.insertTab(0, self.connection_tab, self.tr("Connection"))

        # printers
        self.printers_tab, layout = self._page("printers", "Printers")
        grid = self._form()
        self.printer_combos: dict[str, QComboBox] = {}
        self.test_print_buttons: dict[str, QPushButton] = {}
        names = {
            "receipt": self.tr("Receipts"),
            "picklist": self.tr("Pick lists"),
            "label": self.tr("Labels"),
        }
        for key in DOCUMENTS:
            combo = QComboBox()
            combo.setObjectName(f"{key}PrinterCombo")
            combo.setAccessibleName(self.tr("Printer for {document}").format(document=names[key]))
            button = QPushButton(self.tr("Test print"))
            button.setObjectName(f"{key}TestPrintButton")
            button.setAccessibleName(self.tr("Test print: {document}").format(document=names[key]))
            button.clicked.connect(lambda _=False, k=key: self.test_print(k))
            line = QHBoxLayout()
            line.addWidget(combo, 1)
            line.addWidget(button)
            grid.addRow(self._label(names[key], combo), line)
            self.printer_combos[key] = combo
            self.test_print_buttons[key] = button
        layout.addLayout(grid)
        self.print_result = QLabel()
        self.print_result.setObjectName("printResult")
        self.print_result.setWordWrap(True)
        layout.addWidget(self.print_result)
        layout.addWidget(
            self._note(
                self.tr(
                    "Each kind of document prints on its own printer. With Save as PDF, or "
                    "when a chosen printer is not installed, the document is saved as a PDF "
                    "file and the message says where."
                ),
                "printersHint",
            )
        )
        layout.addStretch(1)
        tabs.insertTab(1, self.printers_tab, self.tr("Printers"))
        self.show_printers([])
        self.pool.run(QPrinterInfo.availablePrinterNames, name="printers").then(
            self._printers_found
        )

        # sounds: the form's sound card, on a tab of its own
        self.sounds_tab, layout = self._page("sounds", "Sounds")
        layout.addWidget(self.ui.soundCard)
        layout.addStretch(1)
        tabs.insertTab(tabs.indexOf(self.ui.scannerTab) + 1, self.sounds_tab, self.tr("Sounds"))

        # appearance
        self.appearance_tab, layout = self._page("appearance", "Appearance")
        form = self._form()
        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("themeCombo")
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        for name, label in (
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
            ("high-contrast", self.tr("High contrast")),
        ):
            self.theme_combo.addItem(label, name)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(theme.CURRENT)))
        self.theme_combo.currentIndexChanged.connect(
            lambda _i: self._apply_theme(str(self.theme_combo.currentData()))
        )
        form.addRow(self._label(self.tr("Theme"), self.theme_combo), self.theme_combo)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setAccessibleName(self.tr("Language"))
        for code, native in LANGUAGES.items():
            self.language_combo.addItem(native, code)
        form.addRow(self._label(self.tr("Language"), self.language_combo), self.language_combo)
        layout.addLayout(form)
        layout.addWidget(
            self._note(
                self.tr(
                    "A theme shows at once; a few coloured details (icons, some labels) "
                    "change when the station starts again. The language changes when the "
                    "station starts again."
                ),
                "appearanceHint",
            )
        )
        layout.addStretch(1)
        tabs.insertTab(
            tabs.indexOf(self.ui.diagnosticsTab), self.appearance_tab, self.tr("Appearance")
        )

    # --- preferences: the form -------------------------------------------------------------

    def load_preferences(self) -> None:
        """Read the stored preferences (on the pool) into the form; ``preferencesLoaded``."""
        path = self.preferences_path

        def loaded(prefs: Preferences) -> None:
            if shiboken6.isValid(self):
                self.show_preferences(prefs)
                self.preferencesLoaded.emit()

        self.pool.run(lambda: preferences.load(path), name="settings").then(loaded)

    def show_preferences(self, prefs: Preferences) -> None:
        """Fill the Connection, Printers and Appearance tabs with ``prefs``."""
        self.stored = prefs
        self.server_edit.setText(prefs.server_url)
        self.ca_edit.setText(prefs.ca_bundle)
        for key, combo in self.printer_combos.items():
            self._select_printer(combo, prefs.printer_for(key))
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(prefs.language)))
        # the theme combo shows the theme in use (a --theme run may differ from the stored)

    def preferences(self) -> Preferences:
        """The preferences as the form has them (InvalidPreference: the server address is
        not one; the CA file is checked when saving, as that reads the disk)."""
        base = self.stored or Preferences()
        return replace(
            base,
            server_url=preferences.check_server_url(self.server_edit.text()),
            ca_bundle=self.ca_edit.text().strip(),
            printers={key: str(c.currentData() or "") for key, c in self.printer_combos.items()},
            theme=str(self.theme_combo.currentData()),
            language=str(self.language_combo.currentData()),
        )

    def _browse_ca(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("CA bundle file"),
            self.ca_edit.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if name:
            self.ca_edit.setText(name)

    # --- preferences: connection -----------------------------------------------------------

    def test_connection(self) -> None:
        """Ask the server typed (or the enrolled one) for ``/health`` with the CA bundle
        typed, on the pool; the result shows beside the button (``connectionTested``)."""
        from desktop_oms.sync.probe import probe

        try:
            url = preferences.check_server_url(self.server_edit.text()) or self.enrolled_url
        except InvalidPreference as exc:
            self._show_connection(False, f"{self._field_name(exc.field)}: {exc.message}.")
            return
        if not url:
            self._show_connection(False, self.tr("Type the server's address first."))
            return
        ca = self.ca_edit.text()
        self.test_connection_button.setEnabled(False)
        self._show_connection(None, self.tr("Asking {url}…").format(url=url))

        def ask() -> object:
            try:
                bundle = preferences.check_ca_bundle(ca)
            except InvalidPreference as exc:
                return exc
            return probe(url, bundle or True)

        def answered(result: object) -> None:
            if not shiboken6.isValid(self):
                return
            self.test_connection_button.setEnabled(True)
            if isinstance(result, InvalidPreference):
                self._show_connection(False, f"{self._field_name(result.field)}: {result.message}.")
            else:
                self._show_probe(url, result)
            self.connectionTested.emit(result)

        self.pool.run(ask, name="test connection").then(answered)

    def _show_probe(self, url: str, result: Any) -> None:
        from desktop_oms.sync.probe import Outcome

        messages = {
            Outcome.OK: self.tr("Connected: the server at {url} answers (version {detail})."),
            Outcome.DNS: self.tr(
                "The server's name cannot be found (DNS): check the address {url}."
            ),
            Outcome.REFUSED: self.tr(
                "The connection was refused: nothing listens at {url}. Is the server "
                "running, and is the port right?"
            ),
            Outcome.TIMEOUT: self.tr(
                "The server at {url} did not answer in time: a firewall, or the wrong address."
            ),
            Outcome.TLS: self.tr(
                "The secure connection failed (TLS certificate): the server's certificate "
                "is not trusted by the CA bundle, or its name does not match {url}."
            ),
            Outcome.NOT_OURS: self.tr(
                "Something answered at {url}, but it is not the order server ({detail})."
            ),
            Outcome.UNREACHABLE: self.tr("The server at {url} cannot be reached."),
        }
        text = messages[result.outcome].format(url=url, detail=result.detail or "?")
        self._show_connection(result.ok, text)
        if not result.ok:
            self.connection_result.setToolTip(result.detail)

    def _show_connection(self, ok: bool | None, text: str) -> None:
        label = self.connection_result
        label.setText(text)
        label.setToolTip("")
        colour = theme.MUTED if ok is None else (theme.OK if ok else theme.BAD)
        label.setStyleSheet(f"color: {colour}; font-weight: 600;")

    # --- preferences: printers -------------------------------------------------------------

    def _printers_found(self, names: list[str]) -> None:
        if shiboken6.isValid(self):
            self.show_printers(names)

    def show_printers(self, names: list[str]) -> None:
        """Offer ``names`` (this PC's printers) for each document, keeping the choices."""
        for combo in self.printer_combos.values():
            chosen = str(combo.currentData() or "") if combo.count() else None
            combo.clear()
            combo.addItem(self.tr("This PC's default printer"), printing.DEFAULT_PRINTER)
            for name in names:
                combo.addItem(name, name)
            combo.addItem(self.tr("Save as PDF"), printing.SAVE_AS_PDF)
            if chosen is not None:
                self._select_printer(combo, chosen)
        if self.stored is not None:
            for key, combo in self.printer_combos.items():
                self._select_printer(combo, self.stored.printer_for(key))

    def _select_printer(self, combo: QComboBox, choice: str) -> None:
        index = combo.findData(choice)
        if index < 0:  # chosen once, not installed now: keep it, say so
            combo.insertItem(
                combo.count() - 1, self.tr("{name} (not installed)").format(name=choice), choice
            )
            index = combo.findData(choice)
        combo.setCurrentIndex(index)

    def test_print(self, document: str) -> None:
        """Print a test page for ``document`` on the printer chosen in the form (on the
        pool); the result shows below (``testPrinted``)."""
        combo = self.printer_combos[document]
        choice = str(combo.currentData() or "")
        what = QCoreApplication.translate("Preferences", DOCUMENTS[document])
        folder = self.pdf_dir or printing.default_test_pages_dir()
        button = self.test_print_buttons[document]
        button.setEnabled(False)

        def done(result: object) -> None:
            if not shiboken6.isValid(self):
                return
            button.setEnabled(True)
            if isinstance(result, printing.Printed):
                if result.printer is not None:
                    text = self.tr("Test page sent to the printer {name}.").format(
                        name=result.printer
                    )
                else:
                    text = self.tr("Test page saved as {path}").format(path=result.path)
                self.print_result.setStyleSheet(f"color: {theme.OK}; font-weight: 600;")
            else:
                text = self.tr("The test page could not be printed: {error}").format(error=result)
                self.print_result.setStyleSheet(f"color: {theme.BAD}; font-weight: 600;")
            self.print_result.setText(text)
            self.testPrinted.emit(result)

        self.pool.run(
            lambda: printing.print_test_page(document, what, folder, choice), name="test print"
        ).then(done, done)

    # --- preferences: appearance -----------------------------------------------------------

    def _apply_theme(self, name: str) -> None:
        """Restyle the application in theme ``name`` at once."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, name)
        else:
            theme.use(name)

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
        combo.addItem(self.tr(str(NO_PORT)), "")
        for port in ports:
            combo.addItem(port.label, port.name)
        self._select_port(chosen)

    def _show_port_status(self, status: PortStatus) -> None:
        label = self.ui.portStatusLabel
        if status.state is PortState.OFF and self.scanners.settings.serial_port:
            text = self.tr("Not listening (the station has not started its scanners)")
        else:
            text = port_status_text(status)
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
            text = self.tr("No sound device found: scans are silent here, the flash still shows.")
        elif state == "loading":
            text = self.tr("Loading the sounds…")
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
            label.setText(self.tr(str(TRY_HINT)))
            return
        entry = LogEntry.of_result(result)
        colour = theme.OK if entry.good else theme.BAD
        timing = f" · {timing_words(result.scan.gaps_ms)}" if result.scan.gaps_ms else ""
        source = _translated(SOURCE_NAMES.get(result.scan.source, entry.source))
        if result.scan.device and result.scan.source is Source.SERIAL:
            source += f" ({result.scan.device})"
        length = self.tr("%n character(s):", "", entry.length)
        label.setText(
            f"<b style='color:{colour}'>{html.escape(scan_meaning(result.decoded))}</b><br>"
            f"<span style='color:{theme.MUTED}'>{html.escape(source)}{timing} · "
            f"{length} </span>{raw_html(entry.raw)}"
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
