"""The start-up page: starting the demo, the first sync's progress, and what went wrong.

The first sync of a station downloads its whole scope (catalogue, stock, orders, staff)
page by page; the page shows the phase, the kind of data, the rows so far out of the
total, and a Cancel button (what was fetched is kept: the next start resumes there).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.gui import theme
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.sync.progress import Phase, Progress

#: What is being downloaded, in English (context "SyncProgress"; translated at display).
KIND_LABELS = {
    "setting": QT_TRANSLATE_NOOP("SyncProgress", "Settings"),
    "reason_code": QT_TRANSLATE_NOOP("SyncProgress", "Reason codes"),
    "store": QT_TRANSLATE_NOOP("SyncProgress", "Stores"),
    "staff": QT_TRANSLATE_NOOP("SyncProgress", "Staff"),
    "product": QT_TRANSLATE_NOOP("SyncProgress", "Products"),
    "identifier": QT_TRANSLATE_NOOP("SyncProgress", "Barcodes"),
    "inventory": QT_TRANSLATE_NOOP("SyncProgress", "Stock levels"),
    "fulfillment": QT_TRANSLATE_NOOP("SyncProgress", "Orders"),
}
PHASE_LABELS = {
    Phase.SNAPSHOT: QT_TRANSLATE_NOOP("SyncProgress", "Downloading this store's data"),
    Phase.SWITCHING: QT_TRANSLATE_NOOP("SyncProgress", "Putting the new data in place"),
    Phase.RESET: QT_TRANSLATE_NOOP("SyncProgress", "The server asked for a full resync"),
    Phase.PULL: QT_TRANSLATE_NOOP("SyncProgress", "Catching up"),
}


class SyncProgressView(QWidget):
    """Start-up and first-sync progress.

    Signals: ``cancelRequested()`` (Cancel pressed during a sync); ``retryRequested()``
    (Try again pressed after a failure); ``quitRequested()`` (Quit pressed).
    """

    cancelRequested = Signal()  # noqa: N815
    retryRequested = Signal()  # noqa: N815
    quitRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncProgressView")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        card = QFrame(self)
        card.setObjectName("syncCard")
        card.setProperty("card", True)
        card.setFixedWidth(520)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(36, 32, 36, 30)
        layout.setSpacing(12)
        logo = QLabel(card)
        logo.setPixmap(theme.app_icon().pixmap(48, 48))
        layout.addWidget(logo)
        self.title = QLabel(self.tr("Starting…"), card)
        self.title.setObjectName("signInTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.detail = QLabel("", card)
        self.detail.setProperty("muted", True)
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        self.bar = QProgressBar(card)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        layout.addSpacing(6)
        layout.addWidget(self.bar)
        self.rows = QLabel("", card)
        self.rows.setProperty("faint", True)
        layout.addWidget(self.rows)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.quit_button = QPushButton(self.tr("Quit"), card)
        self.quit_button.clicked.connect(self.quitRequested)
        self.retry_button = QPushButton(self.tr("Try again"), card)
        self.retry_button.setProperty("accent", True)
        self.retry_button.clicked.connect(self.retryRequested)
        self.cancel_button = QPushButton(self.tr("Cancel"), card)
        self.cancel_button.clicked.connect(self._cancel)
        for button in (self.quit_button, self.cancel_button, self.retry_button):
            buttons.addWidget(button)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.starting(self.tr("Starting…"))

    def _buttons(self, *, cancel: bool, retry: bool) -> None:
        self.cancel_button.setVisible(cancel)
        self.cancel_button.setEnabled(True)
        self.retry_button.setVisible(retry)
        self.quit_button.setVisible(retry)

    def starting(self, title: str, detail: str = "") -> None:
        """Something without a measurable progress is under way."""
        self.title.setText(title)
        self.detail.setText(detail)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.rows.setText("")
        self._buttons(cancel=False, retry=False)

    def first_sync(self) -> None:
        """The first sync starts: it can be cancelled."""
        self.title.setText(self.tr("Setting up this station"))
        self.detail.setText(self.tr("Downloading the catalogue, stock and this store's orders."))
        self.bar.setRange(0, 0)
        self.bar.show()
        self.rows.setText("")
        self._buttons(cancel=True, retry=False)

    def show_progress(self, progress: Progress) -> None:
        """One report of the sync engine."""
        phase_label = PHASE_LABELS.get(progress.phase)
        if phase_label is None:
            return
        phase = QCoreApplication.translate("SyncProgress", phase_label)
        known = KIND_LABELS.get(progress.kind or "")
        kind = (
            QCoreApplication.translate("SyncProgress", known)
            if known is not None
            else (progress.kind or "")
        )
        self.detail.setText(f"{phase}: {kind.lower()}…" if kind else f"{phase}…")
        locale = QLocale()
        if progress.total_rows > 0:
            self.bar.setRange(0, progress.total_rows)
            self.bar.setValue(min(progress.rows, progress.total_rows))
            self.rows.setText(
                self.tr("{rows} of {total} rows").format(
                    rows=locale.toString(progress.rows), total=locale.toString(progress.total_rows)
                )
            )
        elif progress.rows:
            self.bar.setRange(0, 0)
            self.rows.setText(self.tr("{rows} rows").format(rows=locale.toString(progress.rows)))

    def failed(self, title: str, message: str, *, retry: bool = True) -> None:
        """Something failed: say what, offer to try again (or quit)."""
        self.title.setText(title)
        self.detail.setText(message)
        self.bar.hide()
        self.rows.setText("")
        self._buttons(cancel=False, retry=retry)
        self.quit_button.setVisible(True)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.detail.setText(self.tr("Stopping after the current page…"))
        self.cancelRequested.emit()
