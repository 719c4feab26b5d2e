"""A manager's approval on the spot, for a change beyond the signed-in person's role.

The manager scans their badge (the dialog is the scan target while it is open: a badge
goes here, not to a user switch) or types their username and PIN. Both are checked
offline, like a sign-in (:func:`desktop_oms.gui.staff.sign_in_offline`), against the
staff rows synced to this station, so approval works without the network; the server
re-checks the approver when the command arrives (``server/push.py``). Someone who is not
a manager is refused by name, and after :data:`MAX_TRIES` wrong PINs the dialog takes
badges only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.engine import Connection

from desktop_oms.cache.ordercmds import approver_problem
from desktop_oms.domain.identifiers import BadgeCode, DecodedCode, badge_code
from desktop_oms.domain.roles import Role
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.staff import SignInRefused, SignInThrottle, sign_in_offline
from desktop_oms.gui.tasks import TaskManager
from desktop_oms.gui.words import role_label
from desktop_oms.scanner.router import ScanRefused
from desktop_oms.scanner.scan import Scan, ScanKind

#: Wrong PINs one approval may take; then only a badge scan approves.
MAX_TRIES = 3
#: How long a login stays locked after :data:`MAX_TRIES` wrong PINs (across dialogs).
LOCK = timedelta(minutes=15)
HEADLINE = QT_TRANSLATE_NOOP(
    "ManagerApprovalDialog",
    "This needs a manager: scan a manager's badge or enter their username and PIN",
)


#: "{name} is {role}": each role with its article (context "ManagerApprovalDialog").
_ROLE_PHRASES = {
    "associate": QT_TRANSLATE_NOOP("ManagerApprovalDialog", "an associate"),
    "lead": QT_TRANSLATE_NOOP("ManagerApprovalDialog", "a lead"),
    "manager": QT_TRANSLATE_NOOP("ManagerApprovalDialog", "a manager"),
    "customer_service": QT_TRANSLATE_NOOP("ManagerApprovalDialog", "in customer service"),
    "admin": QT_TRANSLATE_NOOP("ManagerApprovalDialog", "an admin"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ManagerApprovalDialog", text)


def _role_phrase(role: str) -> str:
    phrase = _ROLE_PHRASES.get(role)
    return _tr(phrase) if phrase is not None else role_label(role)


def approval_throttle() -> SignInThrottle:
    """The per-login lock of approvals: :data:`MAX_TRIES` wrong PINs within :data:`LOCK`."""
    return SignInThrottle(max_failures=MAX_TRIES, window=LOCK)


@dataclass(frozen=True, slots=True)
class Approver:
    """Who approved: their staff id (the outbox entry's ``approved_by``), name and role."""

    staff_id: int
    display_name: str
    role: Role


class ApprovalRefused(Exception):
    """The login does not approve; ``message`` is fit to show, ``wrong_pin`` counts a try."""

    def __init__(self, message: str, *, wrong_pin: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.wrong_pin = wrong_pin


def verify_approver(
    conn: Connection,
    login: str,
    pin: str | None,
    *,
    action: str,
    store_id: int,
    requester_id: int,
    throttle: SignInThrottle,
    now: datetime | None = None,
) -> Approver:
    """Disk: check a manager's badge (``pin`` None) or username + PIN offline, and that they
    may approve ``action``; the approver, or ApprovalRefused saying why not."""
    try:
        session = sign_in_offline(
            conn, login, pin, store_id=store_id, now=now or datetime.now(UTC), throttle=throttle
        )
    except SignInRefused as refused:
        message = refused.message
        if refused.reason == "empty":
            message = QCoreApplication.translate(
                "ManagerApprovalDialog", "Scan a manager's badge, or enter their username and PIN."
            )
        elif refused.reason == "unknown":
            message = QCoreApplication.translate(
                "ManagerApprovalDialog",
                "This badge is not known at this store: scan a manager's badge.",
            )
        elif refused.reason == "throttled":
            message = QCoreApplication.translate(
                "ManagerApprovalDialog",
                "Too many wrong attempts. Try again in {minutes} min. "
                "Scanning the badge still works.",
            ).format(minutes=refused.minutes or 1)
        return _refuse(message, wrong=refused.reason == "wrong_pin")
    if session.staff_id == requester_id:
        return _refuse(
            QCoreApplication.translate(
                "ManagerApprovalDialog", "You cannot approve your own change: ask a manager."
            )
        )
    if approver_problem(action, session.role, session.display_name) is not None:
        return _refuse(
            QCoreApplication.translate(
                "ManagerApprovalDialog",
                "{name} is {role}: only a manager can approve this change.",
            ).format(name=session.display_name, role=_role_phrase(session.role.value))
        )
    return Approver(session.staff_id, session.display_name, session.role)


def _refuse(message: str, *, wrong: bool = False) -> Approver:
    raise ApprovalRefused(message, wrong_pin=wrong)


class ManagerApprovalDialog(QDialog):
    """Ask for a manager's badge or username + PIN; accepted with :attr:`approver` set.

    Signals: ``approved(object)`` with the :class:`Approver`; ``refused(str)`` with why an
    attempt did not approve. Scans: takes staff badges while open (a scan target).
    """

    approved = Signal(object)
    refused = Signal(str)

    scan_target_name = "Manager approval"

    def __init__(
        self,
        tasks: TaskManager,
        *,
        action: str,
        what: str,
        store_id: int,
        requester_id: int,
        throttle: SignInThrottle,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle(self.tr("Manager approval"))
        self.setModal(True)
        self.setMinimumWidth(520)
        self.tasks = tasks
        self.action = action
        self.store_id = store_id
        self.requester_id = requester_id
        self.throttle = throttle
        self.approver: Approver | None = None
        self.failures = 0
        self.busy = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        self.headline = QLabel(_tr(HEADLINE), self)
        self.headline.setObjectName("conflictTitle")
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.what = QLabel(what, self)
        self.what.setWordWrap(True)
        self.what.setProperty("muted", True)
        layout.addWidget(self.what)
        self.username = QLineEdit(self)
        self.username.setObjectName("approvalUsername")
        self.username.setPlaceholderText(self.tr("Manager's username"))
        self.username.setAccessibleName(self.tr("Manager's username"))
        self.username.setMinimumHeight(40)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("approvalPin")
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setAccessibleName(self.tr("Manager's PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMinimumHeight(40)
        layout.addWidget(self.username)
        layout.addWidget(self.pin)
        self.error = QLabel("", self)
        self.error.setObjectName("approvalError")
        self.error.setWordWrap(True)
        self.error.setProperty("tone", "bad")
        self.error.setStyleSheet("color: #B91C1C;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.reject)
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.approve_button.setProperty("accent", True)
        self.approve_button.clicked.connect(self.submit)
        for button in (self.cancel_button, self.approve_button):
            button.setAutoDefault(False)  # Enter belongs to the fields (username, then PIN)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.username.returnPressed.connect(self._username_entered)
        self.pin.returnPressed.connect(self.submit)
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- scans ---------------------------------------------------------------------------

    def accepts(self, kind: ScanKind) -> bool:
        """Every scan stops at the dialog; badges approve, the rest are refused."""
        return True

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """A badge approves (once checked); anything else is refused with what to scan."""
        if not isinstance(code, BadgeCode):
            raise ScanRefused(self.tr("Scan a manager's staff badge to approve, or press Cancel"))
        if self.busy:
            raise ScanRefused(self.tr("Still checking — scan the badge again in a moment"))
        self._check(badge_code(code.badge_id), None)

    def show_scan_feedback(self, good: bool, message: str) -> None:
        """A bad scan's reason shows in the dialog (not behind it)."""
        if not good and message:
            self._error(message)

    # --- checking ------------------------------------------------------------------------

    def _username_entered(self) -> None:
        if self.username.text().strip()[:6].upper() == "OMS:S:":
            self._check(self.username.text().strip(), None)
        else:
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        """Check the username and PIN typed."""
        if self.busy:
            return
        if not self.pin.isEnabled():
            self._error(self.tr("Too many wrong PINs: the manager scans their badge instead."))
            return
        login, pin = self.username.text().strip(), self.pin.text()
        if not login:
            self._error(self.tr("Enter the manager's username (or scan their badge)."))
            self.username.setFocus()
            return
        if not pin:
            self._error(self.tr("Enter the manager's PIN."))
            self.pin.setFocus()
            return
        self._check(login, pin)

    def _check(self, login: str, pin: str | None) -> None:
        self.busy = True
        self.approve_button.setEnabled(False)
        self.approve_button.setText(self.tr("Checking…"))
        action, store, requester, throttle = (
            self.action,
            self.store_id,
            self.requester_id,
            self.throttle,
        )

        def job(conn: Connection) -> Approver:
            return verify_approver(
                conn,
                login,
                pin,
                action=action,
                store_id=store,
                requester_id=requester,
                throttle=throttle,
            )

        self.tasks.read(job, name="approval").then(self._approved, self._refused)

    def _idle(self) -> None:
        self.busy = False
        self.approve_button.setEnabled(True)
        self.approve_button.setText(self.tr("Approve"))

    def _approved(self, approver: Approver) -> None:
        if not isValid(self) or not self.isVisible():
            return  # cancelled while the check ran: nothing is approved
        self._idle()
        self.approver = approver
        self.approved.emit(approver)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        if not isinstance(exc, ApprovalRefused):
            raise exc
        if not isValid(self) or not self.isVisible():
            return
        self._idle()
        message = exc.message
        if exc.wrong_pin:
            self.failures += 1
            left = MAX_TRIES - self.failures
            if left <= 0:
                self.pin.setEnabled(False)
                self.username.setEnabled(False)
                message = self.tr(
                    "Three wrong PINs: only a manager's badge scan can approve this now."
                )
            else:
                message += " " + self.tr("%n try/tries left.", "", left)
        self.pin.clear()
        if self.pin.isEnabled():
            self.pin.setFocus()
        self._error(message)
        self.refused.emit(message)

    def _error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
