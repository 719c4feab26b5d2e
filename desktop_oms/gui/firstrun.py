"""First run: enrol this PC as a station of a store (a manager signs in once).

The dialog asks for the server's address, a manager's username and PIN and a name for
the station, then enrols through :func:`desktop_oms.sync.enrolment.enrol` on the
network pool: the station token goes to the OS keyring (or an owner-only file), the
identity into a new cache file, and the manager's session is closed again.
"""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.gui import theme
from desktop_oms.gui.tasks import Pool, async_slot
from desktop_oms.sync.credentials import CredentialsError
from desktop_oms.sync.enrolment import AlreadyEnrolled, Enrolment, enrol
from desktop_oms.sync.errors import NotAuthorized, Refused, ServerUnavailable, SyncError

DEFAULT_URL = "http://127.0.0.1:8700"


def explain(exc: BaseException) -> str:
    """Why an enrolment failed, in words for the manager at the PC."""
    if isinstance(exc, NotAuthorized):
        return QCoreApplication.translate("FirstRun", "The username or PIN is not right.")
    if isinstance(exc, Refused) and exc.code == "forbidden":
        return QCoreApplication.translate("FirstRun", "Only a store manager can enrol a station.")
    if isinstance(exc, Refused) and exc.code == "throttled":
        return QCoreApplication.translate(
            "FirstRun", "Too many wrong attempts: wait a few minutes and try again."
        )
    if isinstance(exc, ServerUnavailable):
        return QCoreApplication.translate(
            "FirstRun", "The server cannot be reached. Check the address. ({why})"
        ).format(why=exc.message)
    if isinstance(exc, SyncError | CredentialsError):
        return str(exc)
    return QCoreApplication.translate("FirstRun", "Enrolment failed: {why}").format(why=exc)


class EnrolDialog(QDialog):
    """Asks for the server and a manager's login, and enrols this PC.

    Signal ``enrolled(object)``: the new :class:`Enrolment` (the dialog then accepts).
    """

    enrolled = Signal(object)

    def __init__(
        self, pool: Pool, parent: QWidget | None = None, *, cache_path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.pool = pool
        self.cache_path = cache_path
        self.enrolment: Enrolment | None = None
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("Set up this station"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(12)
        logo = QLabel(self)
        logo.setPixmap(theme.app_icon().pixmap(48, 48))
        layout.addWidget(logo)
        title = QLabel(self.tr("Set up this station"), self)
        title.setObjectName("signInTitle")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "This PC is not a station of a store yet. A store manager enrols it once: "
                "the station then syncs its store's orders and stock and keeps working offline."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setProperty("muted", True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.url = QLineEdit(DEFAULT_URL, self)
        self.url.setObjectName("serverUrlEdit")
        self.username = QLineEdit(self)
        self.username.setObjectName("managerEdit")
        self.username.setPlaceholderText(self.tr("e.g. ams1.manager"))
        self.pin = QLineEdit(self)
        self.pin.setObjectName("managerPinEdit")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.name = QLineEdit(socket.gethostname() or "Counter", self)
        self.name.setObjectName("stationNameEdit")
        form.addRow(self.tr("Server address"), self.url)
        form.addRow(self.tr("Manager username"), self.username)
        form.addRow(self.tr("Manager PIN"), self.pin)
        form.addRow(self.tr("Station name"), self.name)
        layout.addLayout(form)
        self.error = QLabel("", self)
        self.error.setObjectName("signInError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.quit_button = QPushButton(self.tr("Quit"), self)
        self.quit_button.clicked.connect(self.reject)
        self.enrol_button = QPushButton(self.tr("Enrol this station"), self)
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.setProperty("accent", True)
        self.enrol_button.setDefault(True)
        self.enrol_button.clicked.connect(self.submit)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.enrol_button)
        layout.addLayout(buttons)
        self.username.setFocus()

    def show_error(self, message: str) -> None:
        """Say what went wrong."""
        self.error.setText(message)
        self.error.setVisible(bool(message))

    @async_slot()
    async def submit(self) -> None:
        """Enrol with what was typed; accept on success, else show why not."""
        url, user, pin = self.url.text().strip(), self.username.text().strip(), self.pin.text()
        name = self.name.text().strip() or "Counter"
        if not url or not user or not pin:
            self.show_error(
                self.tr("Fill in the server address and the manager's username and PIN.")
            )
            return
        self.enrol_button.setEnabled(False)
        self.enrol_button.setText(self.tr("Enrolling…"))
        self.show_error("")
        path = self.cache_path
        try:
            enrolment, _storage = await self.pool.run(
                lambda: enrol(url, user, pin, name=name, cache_path=path), name="enrol"
            )
        except AlreadyEnrolled as exc:
            self.show_error(exc.message)
            return
        except (SyncError, CredentialsError, OSError, ValueError) as exc:
            self.show_error(explain(exc))
            return
        finally:
            self.enrol_button.setEnabled(True)
            self.enrol_button.setText(self.tr("Enrol this station"))
            self.pin.clear()
        self.enrolment = enrolment
        self.enrolled.emit(enrolment)
        self.accept()
