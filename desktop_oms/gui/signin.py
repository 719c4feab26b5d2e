"""The sign-in view: username + PIN, or a scanned badge (form: ``ui/signin.ui``).

The check runs offline first, against the staff rows synced to this station (see
:mod:`desktop_oms.gui.staff`), so staff can sign in when the network is down. When the
station is online, the server is asked too, in the background: it hands out the staff
session token, and if it refuses a PIN the station accepted (changed on the server, not
yet synced), the staff member is signed out again. A login this station does not know
yet (a new colleague) is checked online only.
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.engine import Connection

from desktop_oms.cache import queries
from desktop_oms.cache.queries import StaffRow
from desktop_oms.domain.identifiers import BadgeCode, DecodedCode, badge_code
from desktop_oms.domain.roles import Role
from desktop_oms.gui import theme
from desktop_oms.gui.demo import DEMO_LOGINS
from desktop_oms.gui.forms.ui_signin import Ui_SignInView
from desktop_oms.gui.staff import SignInRefused, StaffSession, is_badge_scan
from desktop_oms.gui.station import Station
from desktop_oms.gui.tasks import TaskManager, async_slot
from desktop_oms.gui.words import role_label
from desktop_oms.protocol.auth import TokenOut
from desktop_oms.scanner.router import ScanRefused
from desktop_oms.scanner.scan import Scan, ScanKind
from desktop_oms.sync.errors import NotAuthorized, Refused, SyncError


def session_from_token(token: TokenOut, method: str = "pin") -> StaffSession:
    """A session for a staff member the server signed in."""
    staff = token.staff
    return StaffSession(
        staff_id=staff.id,
        username=staff.username,
        display_name=staff.display_name,
        role=Role(staff.role),
        store_id=staff.store_id,
        method="badge" if method == "badge" else "pin",
        started_at=datetime.now(UTC),
        token=token.token,
    )


class SignInView(QWidget):
    """Who is at the counter.

    Signals: ``signedIn(object)`` with the new :class:`StaffSession`; ``failed(str)``
    with the reason a sign-in was refused; ``signedOutByServer(str)`` with the reason,
    when the server refused a PIN the station had accepted offline; ``scanFailed(str)``
    with the reason a scanned badge signed nobody in.

    Scans: the view takes staff badges (:meth:`scan_badge`, also the router's sign-in hook
    from anywhere); a scanner's keys never reach its fields.
    """

    signedIn = Signal(object)  # noqa: N815
    signedOutByServer = Signal(str)  # noqa: N815
    failed = Signal(str)
    scanFailed = Signal(str)  # noqa: N815

    scan_target_name = "Sign-in"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SignInView()
        cast(Any, self.ui).setupUi(self)  # generated code is untyped
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.station: Station | None = None
        self.tasks: TaskManager | None = None
        self.busy = False
        self.ui.logoLabel.setPixmap(theme.app_icon().pixmap(56, 56))
        self.ui.signInError.hide()
        self.ui.demoBox.hide()
        self.ui.footnoteLabel.setText(
            self.tr(
                "Works offline: your PIN is checked on this PC, and with the server when it "
                "can be reached."
            )
        )
        self.ui.usernameEdit.returnPressed.connect(self._username_entered)
        self.ui.pinEdit.returnPressed.connect(self.submit)
        self.ui.signInButton.clicked.connect(self.submit)

    def attach(self, station: Station, tasks: TaskManager) -> None:
        """Sign staff in at ``station``."""
        self.station, self.tasks = station, tasks

    def reset(self, message: str | None = None) -> None:
        """Empty the fields (showing ``message``, if any) and wait for the next person."""
        self.ui.usernameEdit.clear()
        self.ui.pinEdit.clear()
        self._error(message)
        self.ui.usernameEdit.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.station is not None and self.station.demo and not self.ui.demoBox.isVisible():
            self._load_demo_logins()

    def _error(self, message: str | None) -> None:
        self.ui.signInError.setText(message or "")
        self.ui.signInError.setVisible(bool(message))

    def show_error(self, message: str) -> None:
        """Say under the fields why something did not work (a bad scan, for one)."""
        self._error(message)

    # --- scans ---------------------------------------------------------------------------

    def accepts(self, kind: ScanKind) -> bool:
        """The sign-in takes staff badges."""
        return kind is ScanKind.BADGE

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """A badge was scanned here: sign its owner in."""
        if not isinstance(code, BadgeCode):
            raise ScanRefused(self.tr("Scan your staff badge to sign in"))
        self.scan_badge(code)

    def scan_badge(self, code: BadgeCode) -> None:
        """Sign in (or switch to) the owner of a scanned badge, in the background; emits
        ``scanFailed`` if the badge signs nobody in. Raises ScanRefused when it cannot
        start now."""
        if self.station is None or self.tasks is None:
            raise ScanRefused(
                self.tr("The station is still starting — scan your badge again in a moment")
            )
        if self.busy:
            raise ScanRefused(self.tr("Still checking the last sign-in — scan your badge again"))
        self._sign_in_badge(badge_code(code.badge_id))

    @async_slot(str)
    async def _sign_in_badge(self, badge: str) -> None:
        if await self.sign_in_with(badge, "") is None:
            self.scanFailed.emit(
                self.ui.signInError.text() or self.tr("This badge signs nobody in.")
            )

    def _username_entered(self) -> None:
        if is_badge_scan(self.ui.usernameEdit.text()):
            self.submit()
        else:
            self.ui.pinEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.ui.signInButton.setEnabled(not busy)
        self.ui.signInButton.setText(self.tr("Checking…") if busy else self.tr("Sign in"))

    @async_slot()
    async def submit(self) -> None:
        """Check what was typed or scanned; emit ``signedIn`` or show why not."""
        await self.sign_in_with(self.ui.usernameEdit.text(), self.ui.pinEdit.text())

    @async_slot(str)
    async def quick_switch(self, badge: str) -> None:
        """Someone scanned their badge while another person is signed in: switch to them."""
        await self.sign_in_with(badge, "")

    async def sign_in_with(self, login: str, pin: str) -> StaffSession | None:
        """Check ``login`` (+ ``pin``) and make them the signed-in staff member, or say why not.

        Emits ``signedIn`` on success, ``failed`` with the reason otherwise.
        """
        if self.busy or self.station is None or self.tasks is None:
            return None
        station, tasks = self.station, self.tasks
        login = login.strip()
        self._set_busy(True)
        try:
            session = await self._check(station, tasks, login, pin)
        finally:
            self._set_busy(False)
        if session is None:
            self.ui.pinEdit.clear()
            (self.ui.pinEdit if login else self.ui.usernameEdit).setFocus()
            self.failed.emit(self.ui.signInError.text())
            return None
        self.reset()
        previous = station.session
        station.begin_session(session)
        if previous is not None and previous.token and previous.staff_id != session.staff_id:
            token = previous.token
            tasks.run(lambda: station.sign_out_online(token), name="sign-out")
        self.signedIn.emit(session)
        if pin and session.token is None:
            self._confirm_online(station, tasks, session, login, pin)
        return session

    async def _check(
        self, station: Station, tasks: TaskManager, login: str, pin: str
    ) -> StaffSession | None:
        try:
            return await tasks.read(
                lambda conn: station.check_sign_in(conn, login, pin or None), name="sign-in"
            )
        except SignInRefused as refused:
            if refused.reason != "unknown" or not pin or not station.link.online:
                self._error(refused.message)
                return None
            offline_refusal = refused.message
        # Not known here yet (a new colleague): the server decides.
        try:
            token = await tasks.run(lambda: station.sign_in_online(login, pin), name="sign-in")
        except Refused as exc:
            self._error(exc.message if exc.code == "throttled" else offline_refusal)
            return None
        except NotAuthorized:
            self._error(offline_refusal)
            return None
        except SyncError:
            self._error(
                self.tr("This login is not known on this PC and the server cannot be reached.")
            )
            return None
        if token.staff.store_id not in (None, station.store_id):
            self._error(
                self.tr("{name} works at another store.").format(name=token.staff.display_name)
            )
            return None
        return session_from_token(token)

    def _confirm_online(
        self, station: Station, tasks: TaskManager, session: StaffSession, login: str, pin: str
    ) -> None:
        def done(token: TokenOut) -> None:
            if station.session is not None and station.session.staff_id == session.staff_id:
                station.session = replace(station.session, token=token.token)

        def failed(exc: BaseException) -> None:
            current = station.session
            refused = isinstance(exc, NotAuthorized) or (
                isinstance(exc, Refused) and exc.status == 403
            )
            if not refused:
                return  # offline, slow or throttled: the offline check stands
            if current is not None and current.staff_id == session.staff_id:
                station.end_session()
                self.signedOutByServer.emit(
                    self.tr("The server did not accept this PIN (was it changed?). Sign in again.")
                )

        tasks.run(lambda: station.sign_in_online(login, pin), name="sign-in online").then(
            done, failed
        )

    # --- demo ------------------------------------------------------------------------------

    def _load_demo_logins(self) -> None:
        assert self.tasks is not None

        def job(conn: Connection) -> list[StaffRow]:
            found = [queries.staff_by_login(conn, name) for name in DEMO_LOGINS]
            return [row for row in found if row is not None]

        self.tasks.read(job, name="demo logins").then(self._show_demo)

    def _show_demo(self, rows: list[StaffRow]) -> None:
        if not rows or self.station is None:
            return
        pin = html.escape(self.station.demo_pin or "")
        logins = "".join(
            f"<tr><td><b>{html.escape(row.username)}</b>&nbsp;&nbsp;</td>"
            f"<td>{html.escape(role_label(row.role))}&nbsp;&nbsp;</td>"
            f"<td style='color:#3B5BA9'>{html.escape(_badge(row))}</td></tr>"
            for row in rows
        )
        intro = self.tr("<b>Demo store.</b> Every PIN is <b>{pin}</b>. Sign in as:").format(pin=pin)
        hint = self.tr("Type a badge code in the first field to sign in as if you scanned it.")
        self.ui.demoLabel.setText(
            f"<p style='margin:0 0 6px 0'>{intro}</p>"
            f"<table cellspacing='0' cellpadding='2'>{logins}</table>"
            f"<p style='margin:6px 0 0 0; color:#3B5BA9'>{hint}</p>"
        )
        self.ui.demoBox.show()


def _badge(row: StaffRow) -> str:
    """The text of a staff member's badge barcode, or nothing."""
    return f"OMS:S:{row.badge_id}" if row.badge_id else ""
