"""The Qt side of logs and diagnostics: Qt's messages into the log, the station's events
into the log, and the 'Export diagnostics…' action that writes the support zip.

The zip is built off the main thread: the sync state is read on the database worker
(``TaskManager.read``), the file written on the pool (``TaskManager.run``). The Qt-free
parts are in :mod:`desktop_oms.diagnostics`.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QStandardPaths,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_oms.diagnostics.bundle import default_name, read_sync_state, write_bundle
from desktop_oms.diagnostics.journal import journal
from desktop_oms.diagnostics.logfile import LogSetup, active_log_dir, setup_logging

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def install_qt_messages() -> Any:
    """Send Qt's messages to the ``qt`` logger (and on to the handler installed before,
    if any); returns that previous handler, to restore with ``qInstallMessageHandler``."""
    previous: Any = None

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category or "default"
        qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "[%s] %s", category, message)
        if previous is not None:
            previous(kind, context, message)

    previous = qInstallMessageHandler(handler)
    return previous


def start_logging(directory: Path | None = None) -> LogSetup:
    """The app's logging: the rotating redacted file, uncaught exceptions, Qt's messages."""
    setup = setup_logging(directory)
    install_qt_messages()
    log.info("Qt %s", qVersion())
    return setup


def qt_versions() -> dict[str, str]:
    """The Qt runtime's version (PySide6's own is in the package list)."""
    return {"qt_runtime": qVersion()}


class DiagnosticsExport(QObject):
    """The 'Export diagnostics…' action: asks where, then writes the zip off the UI thread.

    Signals: ``exported(Path)`` with the file written; ``failed(str)`` with the reason.
    """

    exported = Signal(object)
    failed = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.station: Any = None
        self.tasks: Any = None
        self.dialog: QFileDialog | None = None
        self.action = QAction(self.tr("Export diagnostics…"), window)
        self.action.setObjectName("exportDiagnosticsAction")
        self.action.setToolTip(
            self.tr(
                "Save the logs, versions and sync state in one file for support "
                "(no PINs, tokens or customer data)"
            )
        )
        self.action.setEnabled(False)  # until a station is attached
        self.action.triggered.connect(self.choose)

    def attach(self, station: Any, tasks: Any) -> None:
        """Work with ``station`` from now on (and write its events to the log)."""
        self.station, self.tasks = station, tasks
        self.action.setEnabled(True)
        journal(station, station.enrolment.station_id)

    def choose(self, parent: QWidget | None = None) -> QFileDialog:
        """Ask where to save (a non-blocking save dialog over ``parent``, the window by
        default); export when a file is chosen."""
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DesktopLocation)
        dialog = QFileDialog(parent or self.window, self.tr("Export diagnostics"))
        dialog.setObjectName("diagnosticsFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setNameFilter(self.tr("Zip files (*.zip)"))
        dialog.setDefaultSuffix("zip")
        dialog.setDirectory(folder or str(Path.home()))
        dialog.selectFile(default_name())
        dialog.fileSelected.connect(lambda chosen: self.export_to(Path(chosen)))
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def export_to(self, path: Path) -> None:
        """Read the sync state on the DB worker, then write the zip to ``path`` on the pool."""
        tasks = self.tasks
        if tasks is None:
            self.failed.emit(self.tr("The station has not started yet: nothing to export."))
            return
        tasks.read(read_sync_state, name="diagnostics state").then(
            lambda found: self._write(path, found), lambda exc: self._write(path, None, exc)
        )

    def _write(
        self, path: Path, sync_state: dict[str, Any] | None, error: BaseException | None = None
    ) -> None:
        if error is not None:
            log.warning("diagnostics: the cache could not be read: %s", error)
            sync_state = {"unavailable": True, "error": str(error)}
        scanners = getattr(self.window, "scanners", None)
        scanner = asdict(scanners.settings) if scanners is not None else None
        station: dict[str, Any] = {}
        if self.station is not None:
            enrolment = self.station.enrolment
            link = self.station.link
            station = {
                "station_id": enrolment.station_id,
                "store_id": enrolment.store_id,
                "online": link.online,
                "authorized": link.authorized,
                "link_error": link.error,
            }
        log_dir = active_log_dir()

        def write() -> Path:
            return write_bundle(
                path,
                log_dir=log_dir,
                sync_state=sync_state,
                scanner=scanner,
                extra_versions=qt_versions(),
                station=station,
            )

        self.tasks.run(write, name="diagnostics zip").then(self._done, self._failed)

    def _done(self, path: Path) -> None:
        log.info("diagnostics exported")
        self.exported.emit(path)
        notify = getattr(self.window, "notify", None)
        if notify is not None:
            notify(self.tr("Diagnostics saved to {path}").format(path=path), "info")

    def _failed(self, exc: BaseException) -> None:
        message = self.tr("The diagnostics file could not be written: {why}").format(why=exc)
        log.warning("%s", message)
        self.failed.emit(message)
        notify = getattr(self.window, "notify", None)
        if notify is not None:
            notify(message, "bad")
