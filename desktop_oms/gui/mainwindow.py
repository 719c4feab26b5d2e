"""The station window (form: ``ui/mainwindow.ui``): top bar, pages, navigation, status bar.

Pages: start-up (demo start, first sync), sign-in, and the work area with a navigation
rail (Pickups; the Conflicts inbox with its count) beside the workflow pages. The top
bar's "Scan or type an order number" field takes order and pickup codes
(``OMS:O:<number>[:<pickup code>]``), bare order numbers and staff badges (a quick switch
of the signed-in person); recognising a scanner's keystroke burst anywhere in the window
is the scanner room's job (issue #5).
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidgetItem, QMainWindow, QMenu, QWidget

from desktop_oms.domain.errors import InvalidCode
from desktop_oms.domain.identifiers import BinCode, Gs1Code, GtinCode, parse_code
from desktop_oms.gui import theme
from desktop_oms.gui.conflicts.view import ConflictsView
from desktop_oms.gui.forms.ui_mainwindow import Ui_MainWindow
from desktop_oms.gui.idle import IdleWatcher
from desktop_oms.gui.navbadge import BADGE_ROLE, NavBadgeDelegate
from desktop_oms.gui.pickups.queue import StoreInfo, store_info
from desktop_oms.gui.pickups.view import PickupsView, parse_order_input
from desktop_oms.gui.signin import SignInView
from desktop_oms.gui.staff import StaffSession, is_badge_scan
from desktop_oms.gui.station import Station, StationEvents
from desktop_oms.gui.statusbar import StationStatusBar, SyncCounts, read_counts
from desktop_oms.gui.sync_progress import SyncProgressView
from desktop_oms.gui.tasks import TaskManager
from desktop_oms.gui.toast import Toast
from desktop_oms.sync.progress import Progress
from desktop_oms.sync.runner import LinkState

#: Signed-in staff are signed out after this long without input.
IDLE_MINUTES = 5.0
#: How often the status bar re-reads the outbox and conflict counts anyway.
STATUS_MS = 5_000

PAGES = ("pickups", "conflicts")


class MainWindow(QMainWindow):
    """The station's one window.

    Signals: ``closing()`` when the window is about to close; ``workShown()`` when the
    work area is shown to a signed-in staff member.
    """

    closing = Signal()
    workShown = Signal()  # noqa: N815

    def __init__(
        self, parent: QWidget | None = None, *, idle_minutes: float = IDLE_MINUTES
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        cast(Any, self.ui).setupUi(self)  # generated code is untyped
        self.station: Station | None = None
        self.events: StationEvents | None = None
        self.tasks: TaskManager | None = None
        self.store: StoreInfo | None = None

        self.ui.brandIcon.setPixmap(theme.app_icon().pixmap(32, 32))
        self.ui.scanEdit.addAction(
            theme.icon("scan", "#9CA3AF"), self.ui.scanEdit.ActionPosition.LeadingPosition
        )
        self.ui.scanEdit.returnPressed.connect(self._on_scan)
        self.ui.staffButton.setIcon(theme.icon("user", "#F9FAFB"))
        self.ui.staffButton.setIconSize(QSize(20, 20))
        menu = QMenu(self.ui.staffButton)
        self.switch_action = QAction(theme.icon("switch-user", theme.INK), "Switch user", self)
        self.switch_action.triggered.connect(self.switch_user)
        self.sign_out_action = QAction(theme.icon("sign-out", theme.INK), "Sign out", self)
        self.sign_out_action.triggered.connect(self.sign_out)
        menu.addAction(self.switch_action)
        menu.addAction(self.sign_out_action)
        self.ui.staffButton.setMenu(menu)

        self.sync_view = SyncProgressView(self.ui.startPage)
        self.ui.startLayout.addWidget(self.sync_view)
        self.sign_in = SignInView(self.ui.signInPage)
        self.ui.signInLayout.addWidget(self.sign_in)
        self.sign_in.signedIn.connect(self._signed_in)
        self.sign_in.signedOutByServer.connect(self._signed_out_by_server)
        self.sign_in.failed.connect(self._sign_in_failed)

        self.pickups = PickupsView(self.ui.workStack)
        self.ui.workStack.addWidget(self.pickups)
        item = QListWidgetItem(theme.icon("pickups", theme.MUTED, "#1D4ED8"), "Pickups")
        item.setData(Qt.ItemDataRole.UserRole, "pickups")
        item.setSizeHint(QSize(180, 48))
        self.ui.navRail.addItem(item)
        self.conflicts = ConflictsView(self.ui.workStack)
        self.ui.workStack.addWidget(self.conflicts)
        self.conflicts_item = QListWidgetItem(
            theme.icon("inbox", theme.MUTED, "#1D4ED8"), "Conflicts"
        )
        self.conflicts_item.setData(Qt.ItemDataRole.UserRole, "conflicts")
        self.conflicts_item.setSizeHint(QSize(180, 48))
        self.ui.navRail.addItem(self.conflicts_item)
        self.ui.navRail.setItemDelegate(NavBadgeDelegate(self.ui.navRail))
        self.ui.navRail.setCurrentRow(0)
        self.ui.navRail.currentRowChanged.connect(self._on_nav)
        self.pickups.message.connect(self.notify)
        self.conflicts.message.connect(self.notify)
        self.conflicts.orderRequested.connect(self.open_order)

        self.status = StationStatusBar(self.ui.statusbar)
        self.status.conflictsClicked.connect(self.show_conflicts)
        self.toast = Toast(self.ui.central)
        self.pickups.toast = self.toast
        self.idle = IdleWatcher(int(idle_minutes * 60_000), self)
        self.idle.idle.connect(self._idle)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(lambda: self.status.tick())

        scan = QShortcut(QKeySequence("F2"), self)
        scan.activated.connect(self.focus_scan)
        self._set_chrome(signed_in=False)
        self.show_start("Starting…")

    # --- wiring --------------------------------------------------------------------------

    def attach(self, station: Station, events: StationEvents, tasks: TaskManager) -> None:
        """Work with ``station`` from now on."""
        self.station, self.events, self.tasks = station, events, tasks
        events.linkChanged.connect(self._on_link)
        events.outboxChanged.connect(self.refresh_status)
        events.dataChanged.connect(self.refresh_status)
        events.sessionChanged.connect(self._on_session)
        events.progress.connect(self._on_progress)
        self.sign_in.attach(station, tasks)
        self.pickups.attach(station, events, tasks)
        self.conflicts.attach(station, events, tasks)
        self.status.set_link(None)
        self.status.set_station(f"Station {station.enrolment.station_id}")
        self._status_timer.start()
        self._clock.start()
        self.load_store()
        self.refresh_status()

    def load_store(self) -> None:
        """Read the store's name and time zone (after the first sync they are there)."""
        if self.station is None or self.tasks is None:
            return
        store_id = self.station.store_id
        self.tasks.read(lambda conn: store_info(conn, store_id), name="store info").then(
            self._show_store
        )

    def _show_store(self, info: StoreInfo | None) -> None:
        if info is None or self.station is None:
            return
        self.store = info
        self.ui.storeLabel.setText(f"{info.code} · {info.name}")
        self.pickups.set_timezone(info.tz())
        self.conflicts.set_timezone(info.tz())
        demo = " · demo" if self.station.demo else ""
        self.status.set_station(f"Station {self.station.enrolment.station_id} · {info.code}{demo}")

    def refresh_status(self) -> None:
        """Re-read the outbox, conflicts and last sync for the status bar."""
        if self.tasks is not None:
            self.tasks.read(read_counts, key="status.counts", name="status").then(self._show_counts)

    def _show_counts(self, counts: SyncCounts) -> None:
        self.status.set_counts(counts)
        self.conflicts_item.setData(BADGE_ROLE, counts.conflicts)
        self.conflicts_item.setToolTip(
            f"{counts.conflicts} refused change{'s' if counts.conflicts != 1 else ''} to review"
            if counts.conflicts
            else "Changes the server refused"
        )

    def _on_link(self, link: LinkState) -> None:
        self.status.set_link(link)
        if link.online:
            self.refresh_status()

    def _on_progress(self, progress: Progress) -> None:
        if self.ui.pages.currentWidget() is self.ui.startPage:
            self.sync_view.show_progress(progress)

    # --- pages ---------------------------------------------------------------------------

    def _set_chrome(self, *, signed_in: bool) -> None:
        self.ui.scanEdit.setVisible(signed_in)
        self.ui.staffButton.setVisible(signed_in)

    def show_start(self, title: str, detail: str = "") -> None:
        """The start-up page with an indeterminate progress."""
        self.sync_view.starting(title, detail)
        self.ui.pages.setCurrentWidget(self.ui.startPage)
        self._set_chrome(signed_in=False)

    def show_sign_in(self, message: str | None = None) -> None:
        """The sign-in page, empty (with ``message`` if given)."""
        self.idle.stop()
        self._set_chrome(signed_in=False)
        self.ui.pages.setCurrentWidget(self.ui.signInPage)
        self.sign_in.reset(message)
        self.load_store()

    def show_work(self) -> None:
        """The work area (someone is signed in)."""
        self._set_chrome(signed_in=True)
        self.ui.pages.setCurrentWidget(self.ui.workPage)
        self.pickups.refresh()
        self.focus_scan()
        self.workShown.emit()

    def _on_nav(self, row: int) -> None:
        self.ui.workStack.setCurrentIndex(row)
        if 0 <= row < len(PAGES) and PAGES[row] == "conflicts":
            self.conflicts.refresh()
            self.conflicts.focus_list()

    def show_conflicts(self) -> None:
        """Open the conflict inbox (the status bar's badge does this)."""
        if self.page == "work":
            self.ui.navRail.setCurrentRow(PAGES.index("conflicts"))

    def open_order(self, order_number: str) -> None:
        """Show an order in the pickup queue (from anywhere in the work area)."""
        self.ui.navRail.setCurrentRow(PAGES.index("pickups"))
        self.pickups.open_order(order_number)

    @property
    def page(self) -> str:
        """``start``, ``sign_in`` or ``work``: the page shown."""
        current = self.ui.pages.currentWidget()
        if current is self.ui.signInPage:
            return "sign_in"
        return "work" if current is self.ui.workPage else "start"

    # --- staff ---------------------------------------------------------------------------

    def _signed_in(self, session: StaffSession) -> None:
        self.ui.staffButton.setText(f"{session.short_name}  ·  {session.role.value}")
        self.ui.staffButton.setToolTip(
            f"{session.display_name} ({session.username}) — switch user or sign out"
        )
        self.idle.start()
        self.show_work()
        self.notify(f"Signed in as {session.display_name}.", "info")

    def _on_session(self, session: StaffSession | None) -> None:
        if session is None and self.page == "work":
            self.show_sign_in()

    def _sign_in_failed(self, reason: str) -> None:
        if self.page == "work" and reason:
            self.notify(reason, "bad")

    def _signed_out_by_server(self, reason: str) -> None:
        self.show_sign_in(reason)

    def sign_out(self) -> None:
        """Sign the current staff member out (online too, in the background)."""
        if self.station is None:
            return
        self.toast.flush()
        ended = self.station.end_session()
        self.show_sign_in()
        if ended is not None and ended.token and self.tasks is not None:
            token = ended.token
            station = self.station
            self.tasks.run(lambda: station.sign_out_online(token), name="sign-out")

    def switch_user(self) -> None:
        """Hand the station to someone else: sign out, ready for the next sign-in."""
        self.sign_out()

    def _idle(self) -> None:
        if self.station is not None and self.station.session is not None:
            self.sign_out()
            self.sign_in.reset("Signed out after a while without use.")

    # --- scanning and typing order codes -------------------------------------------------

    def focus_scan(self) -> None:
        """Put the cursor in the scan field."""
        if self.ui.scanEdit.isVisible():
            self.ui.scanEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_scan(self) -> None:
        text = self.ui.scanEdit.text().strip()
        self.ui.scanEdit.clear()
        self.handle_code(text)

    def handle_code(self, text: str) -> None:
        """Act on a scanned or typed code: open an order, switch user, empty a bin, or search."""
        if not text:
            return
        if is_badge_scan(text):
            self.sign_in.quick_switch(text)
            return
        order = parse_order_input(text)
        if order is not None:
            self.ui.navRail.setCurrentRow(PAGES.index("pickups"))
            self.pickups.open_order(order.order_number, order.pickup_code)
            return
        try:
            code = parse_code(text)
        except InvalidCode:
            code = None
        if isinstance(code, GtinCode | Gs1Code):
            self.notify("That is a product barcode. Scan the order's code instead.", "warn")
            return
        if isinstance(code, BinCode):  # returning an ended pickup's goods to stock
            self.ui.navRail.setCurrentRow(PAGES.index("pickups"))
            self.pickups.scan_bin(code)
            return
        if code is not None:
            self.notify("That code does not name an order.", "warn")
            return
        self.pickups.search.setText(text)  # a name, a phone number: search the queue

    def notify(self, text: str, level: str = "info") -> None:
        """Show a short message at the bottom of the window."""
        self.toast.show_message(text, level)

    # --- closing -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Run a delayed action (an undo window) now, then let the owner clean up."""
        self.toast.flush()
        self.idle.stop()
        self._status_timer.stop()
        self._clock.stop()
        self.closing.emit()
        super().closeEvent(event)
