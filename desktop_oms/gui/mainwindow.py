"""The station window (form: ``ui/mainwindow.ui``): top bar, pages, navigation, status bar.

Pages: start-up (demo start, first sync), sign-in, and the work area with a navigation
rail (Pickups; Fulfil, the back room, for those who may fulfil; the Conflicts inbox with
its count) beside the workflow pages.

Scans (DESIGN §6, :mod:`desktop_oms.gui.scanning`): a USB scanner's burst of keys is
caught application-wide (never typed into a field) and a serial scanner's lines are read,
and each scan goes through one router: to the view in front when it takes that kind of
scan (see :meth:`MainWindow.scan_front`), else an order or pickup code opens that order,
a badge signs in (on the sign-in page) or switches user, a product shows its name and
stock in a panel (:mod:`desktop_oms.gui.productpanel`). The top bar's "Scan or type an
order number" field takes the same codes typed by hand (and a bare order number); other
text in it searches the queue. Every scan sounds good or bad and flashes the window's
edge green or red; the reason for a bad one shows as a message. The gear opens the
settings: scanner settings and the live scan log.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QListWidgetItem, QMainWindow, QMenu, QWidget

from desktop_oms.domain.identifiers import BadgeCode, DecodedCode, OrderCode, order_code
from desktop_oms.gui import theme
from desktop_oms.gui.conflicts.view import ConflictsView
from desktop_oms.gui.count.view import CountView
from desktop_oms.gui.diagnostics import DiagnosticsExport
from desktop_oms.gui.forms.ui_mainwindow import Ui_MainWindow
from desktop_oms.gui.fulfil.view import FulfilView, may_fulfil
from desktop_oms.gui.idle import IdleWatcher
from desktop_oms.gui.inventory.view import InventoryView, may_see_inventory
from desktop_oms.gui.navbadge import BADGE_ROLE, NavBadgeDelegate
from desktop_oms.gui.orders.actions import OrderActions
from desktop_oms.gui.orders.view import OrdersView
from desktop_oms.gui.pickups.queue import StoreInfo, store_info
from desktop_oms.gui.pickups.view import PickupsView, parse_order_input
from desktop_oms.gui.productpanel import ProductInfo, ProductPanel, code_text, look_up
from desktop_oms.gui.scanning import ScanFlash, StationScanners, save_settings
from desktop_oms.gui.signin import SignInView
from desktop_oms.gui.staff import StaffSession
from desktop_oms.gui.station import Station, StationEvents
from desktop_oms.gui.statusbar import StationStatusBar, SyncCounts, read_counts
from desktop_oms.gui.stock.view import StockView
from desktop_oms.gui.sync_progress import SyncProgressView
from desktop_oms.gui.tasks import TaskManager
from desktop_oms.gui.toast import Toast
from desktop_oms.gui.words import role_label
from desktop_oms.scanner.qtrouter import front_target
from desktop_oms.scanner.router import (
    RouteResult,
    RouterHooks,
    ScanRefused,
    ScanTarget,
    target_name,
)
from desktop_oms.scanner.scan import (
    BadScan,
    BadScanReason,
    ProductCode,
    Scan,
    ScanKind,
    decode,
    kind_of,
)
from desktop_oms.scanner.settings import ScannerSettings
from desktop_oms.sync.progress import Progress
from desktop_oms.sync.runner import LinkState

if TYPE_CHECKING:
    from desktop_oms.gui.preferences import Preferences
    from desktop_oms.gui.settingsdialog import SettingsDialog

#: Signed-in staff are signed out after this long without input.
IDLE_MINUTES = 5.0
#: How often the status bar re-reads the outbox and conflict counts anyway.
STATUS_MS = 5_000

#: Bad reasons of text typed into the scan field that make it a search, not a code.
SEARCH_REASONS = frozenset({BadScanReason.UNKNOWN, BadScanReason.LENGTH})


class WorkArea:
    """The work page as a scan target: the view shown there, and the pickup queue for bin
    labels from any page (a bin holds pickups, whichever page is open)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def view(self) -> object:
        """The workflow page shown (a widget; a scan target if it takes scans)."""
        return self.window.ui.workStack.currentWidget()

    @property
    def scan_target_name(self) -> str:
        """The name of the page shown (for the diagnostics log)."""
        view = self.view
        return (
            target_name(view)
            if isinstance(view, ScanTarget)
            else QCoreApplication.translate("MainWindow", "Work area")
        )

    def accepts(self, kind: ScanKind) -> bool:
        """What the page shown takes, and bin labels."""
        view = self.view
        return kind is ScanKind.BIN or (isinstance(view, ScanTarget) and view.accepts(kind))

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """Give the scan to the page shown, or a bin label to the pickup queue."""
        view = self.view
        if isinstance(view, ScanTarget) and view.accepts(kind_of(code)):
            view.handle(scan, code)
            return
        self.window.show_page("pickups")
        self.window.pickups.handle(scan, code)


class ModalInFront:
    """A dialog that takes no scans is open: nothing may happen behind it."""

    def __init__(self, dialog: QWidget) -> None:
        self.scan_target_name = dialog.windowTitle() or type(dialog).__name__

    def accepts(self, kind: ScanKind) -> bool:
        """Every scan stops here."""
        return True

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """Refuse it: the dialog comes first."""
        raise ScanRefused(
            QCoreApplication.translate(
                "MainWindow", "Close “{dialog}” first, then scan again"
            ).format(dialog=self.scan_target_name)
        )


class MainWindow(QMainWindow):
    """The station's one window.

    Signals: ``closing()`` when the window is about to close; ``workShown()`` when the
    work area is shown to a signed-in staff member; ``productShown(object)`` with the
    :class:`~desktop_oms.gui.productpanel.ProductInfo` of a scanned product on show;
    ``settingsSaved(object)`` with new :class:`ScannerSettings` once applied and stored.

    The scanners (:attr:`scanners`) listen once the app's bootstrap calls
    ``scanners.install()``; until then only the scan field feeds the router.
    """

    closing = Signal()
    workShown = Signal()  # noqa: N815
    productShown = Signal(object)  # noqa: N815
    settingsSaved = Signal(object)  # noqa: N815

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        idle_minutes: float = IDLE_MINUTES,
        scanner_settings: ScannerSettings | None = None,
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
        self.switch_action = QAction(
            theme.icon("switch-user", theme.INK), self.tr("Switch user"), self
        )
        self.switch_action.triggered.connect(self.switch_user)
        self.sign_out_action = QAction(theme.icon("sign-out", theme.INK), self.tr("Sign out"), self)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.settings_action = QAction(
            theme.icon("settings", theme.INK), self.tr("Settings…"), self
        )
        self.settings_action.triggered.connect(lambda: self.open_settings())
        menu.addAction(self.switch_action)
        menu.addAction(self.sign_out_action)
        menu.addSeparator()
        menu.addAction(self.settings_action)
        #: 'Export diagnostics…': the logs, versions and sync state in one zip for support.
        self.diagnostics = DiagnosticsExport(self)
        menu.addAction(self.diagnostics.action)
        self.ui.staffButton.setMenu(menu)
        self.ui.settingsButton.setIcon(theme.icon("settings", "#D1D5DB"))
        self.ui.settingsButton.setIconSize(QSize(22, 22))
        self.ui.settingsButton.setCursor(Qt.CursorShape.PointingHandCursor)
        self.ui.settingsButton.clicked.connect(lambda: self.open_settings())
        self.settings_dialog: SettingsDialog | None = None
        #: Where Save stores the scanner settings (None: the user's config directory).
        self.scanner_settings_path: Path | None = None

        self.sync_view = SyncProgressView(self.ui.startPage)
        self.ui.startLayout.addWidget(self.sync_view)
        self.sign_in = SignInView(self.ui.signInPage)
        self.ui.signInLayout.addWidget(self.sign_in)
        self.sign_in.signedIn.connect(self._signed_in)
        self.sign_in.signedOutByServer.connect(self._signed_out_by_server)
        self.sign_in.failed.connect(self._sign_in_failed)

        #: The work area's pages, in navigation order (``show_page`` takes these names).
        self.page_names: list[str] = []
        self.pickups = PickupsView(self.ui.workStack)
        self.add_page(
            "pickups",
            self.pickups,
            "pickups",
            self.tr("Pickups"),
            self.tr("Customers collecting their orders: hand over, return to stock"),
        )
        self.fulfil = FulfilView(self.ui.workStack)
        self.fulfil_item = self.add_page(
            "fulfil",
            self.fulfil,
            "fulfil",
            self.tr("Fulfil"),
            self.tr("The back room: pick, stage, pack and ship"),
        )
        self.stock = StockView(self.ui.workStack)
        self.add_page(
            "stock",
            self.stock,
            "stock",
            self.tr("Stock"),
            self.tr("Look a product up: stock here and nearby"),
        )
        self.orders = OrdersView(self.ui.workStack)
        self.add_page(
            "orders",
            self.orders,
            "search",
            self.tr("Orders"),
            self.tr("Find an order by number, customer, phone, e-mail or SKU; see and change it"),
        )
        self.count = CountView(self.ui.workStack)
        self.add_page(
            "count",
            self.count,
            "check",
            self.tr("Count"),
            self.tr("Cycle count: scan a department or a shelf"),
        )
        self.inventory = InventoryView(self.ui.workStack)
        self.add_page(
            "inventory",
            self.inventory,
            "inventory",
            self.tr("Inventory"),
            self.tr("Stock by department, aged pickups, overdue orders and today's figures"),
        )
        self.conflicts = ConflictsView(self.ui.workStack)
        self.conflicts_item = self.add_page(
            "conflicts",
            self.conflicts,
            "inbox",
            self.tr("Conflicts"),
            self.tr("Changes the server refused"),
        )
        self.ui.navRail.setItemDelegate(NavBadgeDelegate(self.ui.navRail))
        self._fit_rail()
        # Tab reaches the rail (arrows then change pages); a click leaves the focus where it is
        self.ui.navRail.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.ui.navRail.setCurrentRow(0)
        self.ui.navRail.currentRowChanged.connect(self._on_nav)
        self.pickups.message.connect(self.notify)
        self.conflicts.message.connect(self.notify)
        self.fulfil.message.connect(self.notify)
        self.stock.message.connect(self.notify)
        self.count.message.connect(self.notify)
        self.inventory.message.connect(self.notify)
        self.orders.message.connect(self.notify)
        self.inventory.orderRequested.connect(self.open_order)
        self.inventory.fulfilRequested.connect(self.open_in_fulfil)
        self.fulfil.openElsewhere.connect(lambda number: self.open_order(number, scanned=True))
        self.conflicts.orderRequested.connect(self.open_order)
        self.conflicts.orderScanned.connect(lambda number: self.open_order(number, scanned=True))
        #: The order modifications (their dialogs, manager approval, the commands).
        self.order_actions = OrderActions(self)
        self.order_actions.message.connect(self.notify)
        self.orders.actionRequested.connect(self.order_actions.start)
        self.order_actions.queued.connect(lambda _action, _number: self.orders.reload())

        self.status = StationStatusBar(self.ui.statusbar)
        self.status.conflictsClicked.connect(self.show_conflicts)
        self.toast = Toast(self.ui.central)
        self.pickups.toast = self.toast
        self.idle = IdleWatcher(int(idle_minutes * 60_000), self)
        self.idle.idle.connect(self._idle)

        self.work_area = WorkArea(self)
        self.scanners = StationScanners(
            RouterHooks(
                front=self.scan_front,
                signed_in=self._someone_signed_in,
                sign_in=self._scan_sign_in,
                open_order=self._scan_open_order,
                show_product=self._scan_show_product,
            ),
            scanner_settings,
            self,
        )
        self.scanners.dispatcher.routed.connect(self._on_routed)
        self.scanners.feedback.flash.connect(self._on_flash)
        self.scanners.portStatusChanged.connect(self.status.set_scanner)
        self.pickups.scanProblem.connect(self._scan_problem)
        self.fulfil.scanProblem.connect(self._scan_problem)
        self.count.scanProblem.connect(self._scan_problem)
        self.stock.scanProblem.connect(self._scan_problem)
        self.orders.scanProblem.connect(self._scan_problem)
        self.sign_in.scanFailed.connect(self._scan_problem)
        self.flash = ScanFlash(self.ui.central)
        self.product_panel = ProductPanel(self.ui.central)
        self.product_panel.openInStock.connect(self.open_stock)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(lambda: self.status.tick())

        scan = QShortcut(QKeySequence("F2"), self)
        scan.activated.connect(self.focus_scan)
        self.ui.scanEdit.setAccessibleName(self.tr("Scan or type an order number"))
        self.ui.navRail.setAccessibleName(self.tr("Pages"))
        self.ui.navRail.setAccessibleDescription(
            self.tr("Arrow keys move between the pages; F2 goes to the scan field")
        )
        self._set_chrome(signed_in=False)
        self.show_start(self.tr("Starting…"))

    def add_page(
        self, name: str, widget: QWidget, icon: str, label: str, tooltip: str = ""
    ) -> QListWidgetItem:
        """Add a workflow page to the work area and its entry to the navigation rail."""
        self.ui.workStack.addWidget(widget)
        item = QListWidgetItem(theme.icon(icon, theme.MUTED, "#1D4ED8"), label)
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setSizeHint(QSize(180, 48))
        if tooltip:
            item.setToolTip(tooltip)
        self.ui.navRail.addItem(item)
        self.page_names.append(name)
        return item

    def _fit_rail(self) -> None:
        """Widen the navigation rail to its longest label (translations run longer)."""
        rail = self.ui.navRail
        font = QFont(rail.font())
        font.setPixelSize(15)  # the stylesheet's rail font
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(font)
        widest = max(metrics.horizontalAdvance(rail.item(n).text()) for n in range(rail.count()))
        # icon, its gap, the item's and the rail's padding, the badge's room
        item_width = max(180, widest + 22 + 10 + 2 * 12 + 30)
        for n in range(rail.count()):
            rail.item(n).setSizeHint(QSize(item_width, 48))
        width = max(208, item_width + 2 * 8 + 12)
        rail.setMinimumWidth(width)
        rail.setMaximumWidth(width)

    # --- wiring --------------------------------------------------------------------------

    def attach(self, station: Station, events: StationEvents, tasks: TaskManager) -> None:
        """Work with ``station`` from now on."""
        self.station, self.events, self.tasks = station, events, tasks
        events.linkChanged.connect(self._on_link)
        events.outboxChanged.connect(self.refresh_status)
        events.dataChanged.connect(self.refresh_status)
        events.sessionChanged.connect(self._on_session)
        events.progress.connect(self._on_progress)
        self.diagnostics.attach(station, tasks)
        self.sign_in.attach(station, tasks)
        self.pickups.attach(station, events, tasks)
        self.conflicts.attach(station, events, tasks)
        self.fulfil.attach(station, events, tasks)
        self.stock.attach(station, events, tasks)
        self.count.attach(station, events, tasks)
        self.inventory.attach(station, events, tasks)
        self.orders.attach(station, events, tasks)
        self.order_actions.attach(station, events, tasks)
        self.status.set_link(None)
        self.status.set_station(self.tr("Station {id}").format(id=station.enrolment.station_id))
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
        self.fulfil.set_store(info.code, info.tz())
        self.stock.set_store(info.code, info.tz())
        self.orders.set_timezone(info.tz())
        demo = " · " + self.tr("demo") if self.station.demo else ""
        station = self.tr("Station {id}").format(id=self.station.enrolment.station_id)
        self.status.set_station(f"{station} · {info.code}{demo}")

    def refresh_status(self) -> None:
        """Re-read the outbox, conflicts and last sync for the status bar."""
        if self.tasks is not None:
            self.tasks.read(read_counts, key="status.counts", name="status").then(self._show_counts)

    def _show_counts(self, counts: SyncCounts) -> None:
        self.status.set_counts(counts)
        self.conflicts_item.setData(BADGE_ROLE, counts.conflicts)
        self.conflicts_item.setToolTip(
            self.tr("%n refused change(s) to review", "", counts.conflicts)
            if counts.conflicts
            else self.tr("Changes the server refused")
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
        self.ui.settingsButton.setVisible(signed_in)
        if not signed_in:
            self.product_panel.dismiss()

    def show_start(self, title: str, detail: str = "") -> None:
        """The start-up page with an indeterminate progress."""
        self.sync_view.starting(title, detail)
        self.ui.pages.setCurrentWidget(self.ui.startPage)
        self._set_chrome(signed_in=False)

    def show_sign_in(self, message: str | None = None) -> None:
        """The sign-in page, empty (with ``message`` if given)."""
        self.idle.stop()
        if self.settings_dialog is not None:
            self.settings_dialog.reject()
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
        name = self.page_names[row] if 0 <= row < len(self.page_names) else ""
        if name == "conflicts":
            self.conflicts.refresh()
            self.conflicts.focus_list()
        if name == "fulfil":
            self.fulfil.refresh()
        if name == "stock":  # the page shows the product in full: the panel would cover it
            self.product_panel.dismiss()
        shown = getattr(self.ui.workStack.widget(row), "page_shown", None)
        if callable(shown):
            shown()  # a page that re-reads the cache whenever it comes to the front

    def show_conflicts(self) -> None:
        """Open the conflict inbox (the status bar's badge does this)."""
        if self.page == "work":
            self.show_page("conflicts")

    def show_page(self, name: str) -> None:
        """Show a workflow page of the work area (``pickups``, ``fulfil``, ``conflicts``)."""
        self.ui.navRail.setCurrentRow(self.page_names.index(name))

    @property
    def work_page(self) -> str:
        """The workflow page shown in the work area."""
        return self.page_names[self.ui.workStack.currentIndex()]

    def open_order(
        self, order_number: str, pickup_code: str | None = None, *, scanned: bool = False
    ) -> None:
        """Show an order in the pickup queue (from anywhere in the work area)."""
        self.show_page("pickups")
        self.pickups.open_order(order_number, pickup_code, scanned=scanned)

    def open_in_fulfil(self, order_number: str, fulfillment_id: int) -> None:
        """Open a back-room fulfillment on the Fulfil page (in Pickups for those who do not
        see that page)."""
        if self.ui.navRail.isRowHidden(self.page_names.index("fulfil")):
            self.open_order(order_number)
            return
        self.show_page("fulfil")
        self.fulfil.open_order(order_number, fulfillment_id)

    def open_stock(self, sku: str) -> None:
        """Show the Stock page with the product ``sku`` open (the product panel's link)."""
        self.product_panel.dismiss()
        self.show_page("stock")
        self.stock.open_sku(sku)

    @property
    def page(self) -> str:
        """``start``, ``sign_in`` or ``work``: the page shown."""
        current = self.ui.pages.currentWidget()
        if current is self.ui.signInPage:
            return "sign_in"
        return "work" if current is self.ui.workPage else "start"

    # --- staff ---------------------------------------------------------------------------

    def _signed_in(self, session: StaffSession) -> None:
        self.ui.staffButton.setText(f"{session.short_name}  ·  {role_label(session.role.value)}")
        self.ui.staffButton.setToolTip(
            self.tr("{name} ({username}) — switch user or sign out").format(
                name=session.display_name, username=session.username
            )
        )
        self.idle.start()
        self._offer_fulfil(session)
        self._offer_inventory(session)
        self.show_work()
        self.notify(self.tr("Signed in as {name}.").format(name=session.display_name), "info")

    def _offer_fulfil(self, session: StaffSession) -> None:
        """The Fulfil page only for those who work in the back room."""
        allowed = may_fulfil(session.role)
        self.ui.navRail.setRowHidden(self.page_names.index("fulfil"), not allowed)
        if not allowed and self.work_page == "fulfil":
            self.show_page("pickups")

    def _offer_inventory(self, session: StaffSession) -> None:
        """The Inventory page only for leads, managers and admins."""
        allowed = may_see_inventory(session.role)
        self.ui.navRail.setRowHidden(self.page_names.index("inventory"), not allowed)
        if not allowed and self.work_page == "inventory":
            self.show_page("pickups")

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
            self.sign_in.reset(self.tr("Signed out after a while without use."))

    # --- scanning ------------------------------------------------------------------------

    def focus_scan(self) -> None:
        """Put the cursor in the scan field."""
        if self.ui.scanEdit.isVisible():
            self.ui.scanEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_scan(self) -> None:
        text = self.ui.scanEdit.text().strip()
        self.ui.scanEdit.clear()
        self.handle_code(text)

    def handle_code(self, text: str) -> RouteResult | None:
        """Act on a code typed into the scan field: route it as a scan (a bare order number
        as its order code). Text that is no code (a name, a phone number) searches the
        pickup queue instead. The routing result, None for a search."""
        text = text.strip()
        if not text:
            return None
        order = parse_order_input(text)
        if order is not None and text[:4].upper() != "OMS:":
            text = order_code(order.order_number)
        elif self.page == "work" and text[:4].upper() != "OMS:":
            decoded = decode(text)
            if isinstance(decoded, BadScan) and decoded.reason in SEARCH_REASONS:
                if self.work_page == "stock":  # on the Stock page text searches products
                    self.stock.search_for(text)
                    return None
                self.show_page("pickups")
                self.pickups.search.setText(text)
                return None
        return self.scanners.dispatcher.route(Scan.typed(text))

    def scan_front(self) -> ScanTarget | None:
        """The view a scan goes to: the scan target of an open dialog (a dialog that takes
        no scans refuses them all), else the sign-in page or the work page shown."""
        modal = QApplication.activeModalWidget()
        if modal is not None:
            return front_target() or ModalInFront(modal)
        if self.page == "sign_in":
            return self.sign_in
        if self.page == "work":
            return self.work_area
        return None

    def _someone_signed_in(self) -> bool:
        return self.station is not None and self.station.session is not None

    def _scan_sign_in(self, scan: Scan, code: BadgeCode) -> None:
        """A badge: sign in on the sign-in page, switch user anywhere else."""
        if self.page == "start":
            raise ScanRefused(
                self.tr("The station is still starting — scan your badge in a moment")
            )
        self.sign_in.scan_badge(code)

    def _scan_open_order(self, scan: Scan, code: OrderCode) -> None:
        """An order or pickup code: open that order in the pickup queue."""
        if self.page != "work":
            raise ScanRefused(
                self.tr("Sign in first: scan your badge, or type your username and PIN")
            )
        self.product_panel.dismiss()
        self.open_order(code.order_number, code.pickup_code, scanned=True)

    def _scan_show_product(self, scan: Scan, code: ProductCode) -> None:
        """A product outside a workflow that takes it: its name and stock in the panel."""
        station, tasks = self.station, self.tasks
        if station is None or tasks is None:
            raise ScanRefused(self.tr("The station is still starting — scan again in a moment"))
        raw, store_id = scan.text, station.store_id
        store_code = self.store.code if self.store is not None else ""

        def shown(info: ProductInfo | None) -> None:
            if info is None:
                self.product_panel.dismiss()
                self._scan_problem(
                    self.tr("No product has this barcode: {code}").format(code=code_text(code))
                )
                return
            self.product_panel.show_product(info, code, store_code)
            self.productShown.emit(info)

        tasks.read(
            lambda conn: look_up(conn, raw, store_id), key="product.lookup", name="product"
        ).then(shown)

    def _on_routed(self, result: RouteResult) -> None:
        """Every scan counts as someone at the station."""
        self.idle.poke()

    def _scan_problem(self, message: str) -> None:
        """A scan taken at first failed after all (the order is not here, the badge signs
        nobody in, no such product): the bad sound and flash, and why."""
        self.scanners.feedback.bad(message)

    def _on_flash(self, good: bool, message: str) -> None:
        """Show a scan's flash, and why a bad one was bad: in an open dialog that shows
        its own, on the sign-in page, or as a message."""
        modal = QApplication.activeModalWidget()
        show = getattr(modal, "show_scan_feedback", None)
        if modal is not None and callable(show):
            show(good, message)
            return
        self.flash.flash(good)
        if good or not message:
            return
        if self.page == "sign_in":
            self.sign_in.show_error(message)
        else:
            self.notify(message, "bad")

    # --- settings ------------------------------------------------------------------------

    def open_settings(self, tab: str = "scanner") -> SettingsDialog:
        """Open the settings dialog on ``tab`` (a name of ``settingsdialog.TABS``)."""
        from desktop_oms.gui.settingsdialog import SettingsDialog, available_ports

        dialog = self.settings_dialog
        if dialog is None:
            tasks = self.tasks
            dialog = SettingsDialog(
                self.scanners,
                self,
                list_ports=(
                    (lambda: tasks.run(available_ports, name="serial ports"))
                    if tasks is not None
                    else None
                ),
                pool=tasks,
                enrolled_url=self._enrolled_url(),
            )
            dialog.setModal(True)
            dialog.preferencesSaved.connect(self._preferences_saved)
            dialog.saved.connect(self._settings_saved)
            dialog.exportDiagnosticsRequested.connect(lambda: self.diagnostics.choose(dialog))
            dialog.finished.connect(self._settings_closed)
            self.settings_dialog = dialog
        dialog.open_tab(tab)
        dialog.open()
        return dialog

    def _enrolled_url(self) -> str:
        enrolment = self.station.enrolment if self.station is not None else None
        if enrolment is None:
            return ""
        return enrolment.token_url or enrolment.server_url

    def _preferences_saved(self, prefs: Preferences) -> None:
        """The sync talks to the server address saved from its next request on (not the
        demo's: its server is the one on this PC)."""
        station = self.station
        if station is None or station.demo:
            return
        from desktop_oms.sync.client import default_verify

        moved = station.enrolment.moved_to(prefs.server_url or self._enrolled_url())
        station.enrolment = moved
        station.client.base_url = moved.server_url
        station.client.session.verify = default_verify()

    def _settings_closed(self) -> None:
        dialog, self.settings_dialog = self.settings_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _settings_saved(self, settings: ScannerSettings) -> None:
        """Use the new scanner settings at once and store them (on the pool)."""
        self.scanners.apply(settings)
        path = self.scanner_settings_path
        if self.tasks is None:
            return

        def saved(_path: object) -> None:
            self.notify(self.tr("Scanner settings saved."), "info")
            self.settingsSaved.emit(settings)

        def failed(exc: BaseException) -> None:
            self.notify(
                self.tr("The scanner settings could not be stored: {why}").format(why=exc), "bad"
            )

        self.tasks.run(lambda: save_settings(settings, path), name="scanner settings").then(
            saved, failed
        )

    def notify(self, text: str, level: str = "info") -> None:
        """Show a short message at the bottom of the window."""
        self.toast.show_message(text, level)

    # --- closing -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Run a delayed action (an undo window) now, then let the owner clean up."""
        self.toast.flush()
        self.idle.stop()
        self.scanners.uninstall()
        self._status_timer.stop()
        self._clock.stop()
        self.closing.emit()
        super().closeEvent(event)
