"""The station's scanners: one keyboard-wedge filter, an optional serial scanner, one router.

:class:`StationScanners` holds the scanner room's Qt pieces for the window (DESIGN §6):
the :class:`~desktop_oms.scanner.qtwedge.WedgeFilter` (installed on the application by
:meth:`StationScanners.install`, which the app's bootstrap calls), a
:class:`~desktop_oms.scanner.qtserial.SerialScanner` while the settings name a port, the
:class:`~desktop_oms.scanner.qtrouter.ScanDispatcher` both feed, the good/bad
:class:`~desktop_oms.scanner.qtfeedback.ScanFeedback` and the diagnostics log. The window
supplies the router's hooks (what is in front, sign-in, opening an order, the product
panel) and shows the flash (:class:`ScanFlash`).

The settings live in ``scanner.json`` in the user's config directory (beside the
station's token file, :func:`desktop_oms.sync.credentials.config_dir`): scanners belong
to the PC, not to a station's cache. Reading and writing it are disk work: the app does
them on its thread pool (:func:`load_settings`, :func:`save_settings`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import tempfile
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLoggingCategory, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QWidget

from desktop_oms.gui import theme
from desktop_oms.scanner.qtdiagnostics import ScanLogModel
from desktop_oms.scanner.qtrouter import ScanDispatcher
from desktop_oms.scanner.qtserial import SerialScanner
from desktop_oms.scanner.qtwedge import WedgeFilter
from desktop_oms.scanner.router import RouterHooks
from desktop_oms.scanner.serial import PortState, PortStatus
from desktop_oms.scanner.settings import InvalidSettings, ScannerSettings
from desktop_oms.scanner.sounds import QUIET_MULTIMEDIA_RULES

if TYPE_CHECKING:
    from desktop_oms.scanner.qtfeedback import ScanFeedback

log = logging.getLogger(__name__)

SETTINGS_FILE = "scanner.json"
#: How long the window's edge shows the colour of a good or a bad scan.
GOOD_FLASH_MS = 450
BAD_FLASH_MS = 1200
#: The settings a serial scanner reads; a change of only these reopens the port.
_SERIAL_FIELDS = ("serial_port", "baud_rate", "line_ending", "reconnect_ms")


# --- the settings file -------------------------------------------------------------------


def settings_path() -> Path:
    """Where the scanner settings are kept: ``scanner.json`` in the user's config dir."""
    from desktop_oms.sync.credentials import config_dir

    return config_dir() / SETTINGS_FILE


def settings_from_dict(data: object) -> ScannerSettings:
    """Settings from their saved form; a value of the wrong type or out of range falls back
    to its default (logged), so a hand-edited file never stops the station."""
    defaults = ScannerSettings()
    values: dict[str, Any] = {}
    if isinstance(data, dict):
        for f in dataclasses.fields(ScannerSettings):
            if f.name in data:
                value = _typed(data[f.name], getattr(defaults, f.name))
                if value is None:
                    log.warning("scanner setting %s=%r ignored: wrong type", f.name, data[f.name])
                else:
                    values[f.name] = value
    while True:
        try:
            return ScannerSettings(**values)
        except InvalidSettings as exc:
            log.warning("scanner setting ignored: %s", exc)
            if values.pop(exc.field, None) is None:
                # a rule between two fields: keep the defaults for the timing pair
                values.pop("max_average_ms", None)
                values.pop("timeout_ms", None)


def _typed(value: object, default: object) -> object | None:
    """``value`` as the type of ``default``, or None when it is not of that kind."""
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, int) and not isinstance(default, Enum):
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(default, float):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return float(value) if ok else None  # type: ignore[arg-type]
    if isinstance(default, tuple):
        ok = isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
        return tuple(value) if ok else None  # type: ignore[arg-type]
    return value if isinstance(value, str) else None


def settings_to_dict(settings: ScannerSettings) -> dict[str, Any]:
    """The saved form of ``settings`` (plain JSON values)."""
    data = dataclasses.asdict(settings)
    data["terminators"] = [str(t) for t in settings.terminators]
    data["line_ending"] = str(settings.line_ending)
    return data


def load_settings(path: Path | None = None) -> ScannerSettings:
    """Disk: the saved scanner settings, or the defaults (none saved, or unreadable)."""
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ScannerSettings()
    except (OSError, ValueError) as exc:
        log.warning("scanner settings %s unreadable (%s): using the defaults", path, exc)
        return ScannerSettings()
    return settings_from_dict(data)


def save_settings(settings: ScannerSettings, path: Path | None = None) -> Path:
    """Disk: write the settings (whole or not at all); the file written."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(settings_to_dict(settings), indent=2, sort_keys=True) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=".scanner-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


# --- the scanners ------------------------------------------------------------------------


def _feedback_type() -> type[ScanFeedback]:
    """ScanFeedback, its module imported only after QtMultimedia's own logging is quiet."""
    QLoggingCategory.setFilterRules(QUIET_MULTIMEDIA_RULES)
    from desktop_oms.scanner.qtfeedback import ScanFeedback

    return ScanFeedback


class StationScanners(QObject):
    """Every scanner of the station, feeding one router, with sound and a diagnostics log.

    Signals: ``settingsChanged(object)`` with the :class:`ScannerSettings` just applied;
    ``portStatusChanged(object)`` with the serial port's new
    :class:`~desktop_oms.scanner.serial.PortStatus`. The dispatcher's ``routed`` and the
    feedback's ``flash`` are the other signals the window listens to.
    """

    settingsChanged = Signal(object)  # noqa: N815
    portStatusChanged = Signal(object)  # noqa: N815

    def __init__(
        self,
        hooks: RouterHooks,
        settings: ScannerSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings or ScannerSettings()
        self.wedge = WedgeFilter(self._settings, self)
        self.dispatcher = ScanDispatcher(hooks, self)
        self.feedback = _feedback_type()(self._settings, self)
        self.log = ScanLogModel(self)
        self.serial: SerialScanner | None = None
        self._port_status = PortStatus(PortState.OFF)
        self._installed = False
        self.wedge.scanned.connect(self.dispatcher.route)
        self.dispatcher.routed.connect(self.log.add_result)
        self.dispatcher.routed.connect(self.feedback.give)

    @property
    def settings(self) -> ScannerSettings:
        """The settings in use."""
        return self._settings

    @property
    def installed(self) -> bool:
        """Whether the scanners are listening (the wedge filter is on the application)."""
        return self._installed

    @property
    def sound_state(self) -> str:
        """``ready``; ``loading``; ``none`` when there is no audio device (silent scans)."""
        names = {effect.status().name for effect in self.feedback.effects}
        if "Error" in names:
            return "none"
        return "loading" if names - {"Ready"} else "ready"

    @property
    def port_status(self) -> PortStatus:
        """The serial scanner's port state (``off`` when none is set up)."""
        return self._port_status

    def install(self) -> None:
        """Start listening: the wedge filter on the application, the serial port if set."""
        if self._installed:
            return
        self.wedge.install()
        self._installed = True
        self._sync_serial()

    def uninstall(self) -> None:
        """Stop listening (keys held back go to their widgets; the serial port closes)."""
        self.wedge.uninstall()
        self._installed = False
        self._sync_serial()

    def apply(self, settings: ScannerSettings) -> None:
        """Use new settings everywhere (reopening the serial port only if its settings
        changed); emits ``settingsChanged``."""
        old, self._settings = self._settings, settings
        if old != settings:
            self.wedge.apply(settings)
            self.feedback.apply(settings)
            self._sync_serial(reopen=_serial_part(old) != _serial_part(settings))
        self.settingsChanged.emit(settings)

    def _sync_serial(self, *, reopen: bool = False) -> None:
        """A serial scanner exactly while listening with a port set up."""
        wanted = self._installed and bool(self._settings.serial_port)
        serial = self.serial
        if wanted and serial is None:
            serial = SerialScanner(self._settings, self)
            serial.scanned.connect(self.dispatcher.route)
            serial.statusChanged.connect(self._on_port)
            self.serial = serial
            serial.start()
        elif wanted and serial is not None:
            if reopen:
                serial.apply(self._settings)
        elif serial is not None:
            self.serial = None
            serial.stop()
            serial.deleteLater()
            self._on_port(PortStatus(PortState.OFF))

    def _on_port(self, status: PortStatus) -> None:
        self._port_status = status
        self.portStatusChanged.emit(status)


def _serial_part(settings: ScannerSettings) -> tuple[object, ...]:
    return tuple(getattr(settings, name) for name in _SERIAL_FIELDS)


# --- the flash ---------------------------------------------------------------------------


class ScanFlash(QFrame):
    """A coloured edge drawn over ``parent`` for a moment: green for a good scan, red for a
    bad one (styled as ``QFrame#scanFlash[scan="good"|"bad"]``). It never takes a click."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("scanFlash")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setProperty("scan", "")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._done)
        parent.installEventFilter(self)
        self.hide()

    @property
    def state(self) -> str:
        """``good`` or ``bad`` while the flash shows, else empty."""
        return str(self.property("scan")) if self.isVisible() else ""

    def flash(self, good: bool) -> None:
        """Show the colour of a good or a bad scan."""
        state = "good" if good else "bad"
        if self.property("scan") != state:
            self.setProperty("scan", state)
            theme.restyle(self)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self._timer.start(GOOD_FLASH_MS if good else BAD_FLASH_MS)

    def _done(self) -> None:
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Cover the parent when it resizes."""
        parent = self.parentWidget()
        if watched is parent and parent is not None and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False
