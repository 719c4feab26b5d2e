"""The Orders page (issue #8): find an order by number, customer name, phone, e-mail or
SKU, and see it in full — lines and where each stands, payment and fraud, the customer,
changes waiting for the server, its timeline — with the modifications that fit it.

Store staff search their store's orders in the station's cache, as they type (a read on
the database worker under one task key, so only the latest text answers). Customer
service (a chain-wide role) searches every store through the server on the network pool,
in their own name (the session's token); this needs the network, and the page says so
plainly when the station is offline, searching this store's orders meanwhile. A scanned
order or pickup QR opens its order.

Opening an order reads the cache first (at once, offline too) and then, when online with
a server session, asks the server for the order with its full timeline (who, which
station, when, why); the cache's predicted state of changes still queued stays on top.

Keys: Down from the search moves into the results, Enter opens the selected order (the
first from the search field), Esc clears the search, F5 reloads the order shown.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.cache import orders
from desktop_oms.cache.orders import OrderHit, OrderLocal, OrderSearch, OrderView
from desktop_oms.cache.rows import utc_text
from desktop_oms.domain.identifiers import DecodedCode, OrderCode
from desktop_oms.gui import theme
from desktop_oms.gui.banner import warn_banner
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.orders.detail import OrderDetailPanel
from desktop_oms.gui.orders.model import (
    NUMBER_ROLE,
    HitColumn,
    OrderResultsModel,
    StackedTextDelegate,
)
from desktop_oms.gui.orders.timeline import NO_SESSION_NOTE, OFFLINE_NOTE
from desktop_oms.gui.pickups.view import parse_order_input
from desktop_oms.gui.queuetable import empty_label, setup_queue_table
from desktop_oms.gui.staff import StaffSession
from desktop_oms.gui.station import Station, StationEvents
from desktop_oms.gui.tasks import TaskManager
from desktop_oms.protocol.sync import OrderDetail, OrderSummary
from desktop_oms.scanner.router import ScanRefused
from desktop_oms.scanner.scan import Scan, ScanKind
from desktop_oms.sync.client import ORDERS_NEED_SIGN_IN, ORDERS_OFFLINE, ServerClient
from desktop_oms.sync.errors import Refused, SyncError
from desktop_oms.sync.runner import LinkState

ROW_HEIGHT = 70
WIDTHS = {HitColumn.ORDER: 128, HitColumn.PLACED: 112, HitColumn.STATUS: 104, HitColumn.TOTAL: 84}
#: A server search starts once typing pauses this long (every keystroke would be a request).
SERVER_SEARCH_DELAY_MS = 250
#: Seconds an online order search or read may take.
ORDERS_TIMEOUT = 10.0

STYLE = f"""
QLabel#ordersOfflineText {{ color: #92400E; font-size: 14px; }}
QLabel#ordersHitCount {{ color: {theme.MUTED}; font-size: 14px; }}
QLabel#ordersPlaceholder {{ color: {theme.MUTED}; font-size: 16px; }}
QPushButton[scope="true"] {{ min-height: 40px; padding: 0 14px; font-size: 14px; }}
QPushButton[scope="true"]:checked {{
    background: #E8EFFD; border: 2px solid #2563EB; color: #1D4ED8; padding: 0 13px;
}}
"""

EMPTY_HINT = QT_TRANSLATE_NOOP(
    "OrdersView",
    "Type an order number, a customer's name, phone or e-mail, or a SKU —\n"
    "or scan the order's QR code.",
)
PLACEHOLDER = QT_TRANSLATE_NOOP(
    "OrdersView", "Search or scan an order.\nIts lines, payment, customer and timeline show here."
)
#: The sync client's English for the chain's orders being out of reach, in staff's language.
_SYNC_WORDS = {
    ORDERS_OFFLINE: QT_TRANSLATE_NOOP(
        "OrdersView",
        "Searching all stores needs the network: the station is offline. "
        "This store's orders are still searchable.",
    ),
    ORDERS_NEED_SIGN_IN: QT_TRANSLATE_NOOP(
        "OrdersView",
        "Orders of other stores are read online in your name: sign in again with your PIN "
        "while the station is online.",
    ),
}


def sync_words(message: str) -> str:
    """A sync error's message in the station's language (the ones the client words
    itself; a server's own message stays as sent)."""
    known = _SYNC_WORDS.get(message)
    return QCoreApplication.translate("OrdersView", known) if known else message


def _now() -> datetime:
    return datetime.now(UTC)


def _hit_of(summary: OrderSummary) -> OrderHit:
    """A server search hit as a row of the results (what the server's summary has)."""
    return OrderHit(
        number=summary.number,
        customer_name=summary.customer_name,
        customer_phone="",
        customer_email="",
        created_at=utc_text(summary.created_at) or "",
        status="",
        methods=(),
        items=0,
        total_minor=summary.total_minor,
        currency=summary.currency,
        fraud_state=summary.fraud_state.value,
        store_ids=tuple(summary.store_ids),
        pending=False,
        matched="",
    )


class OrdersView(QWidget):
    """Order search and one order in full.

    Signals: ``searched(object)`` with the hits shown (a list of :class:`OrderHit`) after
    each search; ``orderOpened(object)`` with the :class:`OrderView` just shown (again when
    the server's timeline arrives); ``actionRequested(str action, str order_number)`` when
    a modification button is pressed; ``scanProblem(str)``; ``message(str, str)`` text and
    level for the window.
    """

    scan_target_name = "Orders"

    searched = Signal(object)
    orderOpened = Signal(object)  # noqa: N815
    actionRequested = Signal(str, str)  # noqa: N815
    scanProblem = Signal(str)  # noqa: N815
    message = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ordersView")
        self.setStyleSheet(STYLE)
        self.station: Station | None = None
        self.events: StationEvents | None = None
        self.tasks: TaskManager | None = None
        self.tz: tzinfo = UTC
        self.link: LinkState | None = None
        self.store_codes: dict[int, str] = {}
        self.current: OrderView | None = None
        self.last_hits: list[OrderHit] = []
        self.last_scope = "store"
        self._search_seq = 0
        self._open_seq = 0
        #: The server's answer awaited: a new ask, opening or closing an order drops older
        #: ones; a refresh that finds the order unchanged keeps waiting for it.
        self._server_seq = 0
        self._stale = False
        self._shown_signature: tuple[Any, ...] = ()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(14)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel(self.tr("Orders"), self)
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel(
            self.tr("Find an order by number, customer, phone, e-mail or SKU"), self
        )
        self.subtitle.setObjectName("pageSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        self.scope_box = QFrame(self)
        self.scope_box.setProperty("segmented", True)
        scope_row = QHBoxLayout(self.scope_box)
        scope_row.setContentsMargins(4, 4, 4, 4)
        scope_row.setSpacing(4)
        self.scope_store = QPushButton(self.tr("This store"), self.scope_box)
        self.scope_chain = QPushButton(self.tr("All stores · online"), self.scope_box)
        self.scope_chain.setToolTip(
            self.tr("Search every store's orders on the server (needs the network)")
        )
        self.scope_store.setToolTip(
            self.tr("Search this store's orders on this station (works offline)")
        )
        self.scope_group = QButtonGroup(self)
        for button in (self.scope_store, self.scope_chain):
            button.setCheckable(True)
            button.setProperty("scope", True)
            self.scope_group.addButton(button)
            scope_row.addWidget(button)
        self.scope_store.setChecked(True)
        self.scope_group.buttonClicked.connect(lambda _b: self._scope_changed())
        self.scope_box.hide()
        head.addWidget(self.scope_box, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(head)

        self.banner, self.banner_text, _ = warn_banner(self, "ordersOffline", "ordersOfflineText")
        layout.addWidget(self.banner)

        search_row = QHBoxLayout()
        search_row.setSpacing(14)
        self.search = QLineEdit(self)
        self.search.setObjectName("ordersSearch")
        self.search.setPlaceholderText(
            self.tr("Order number, customer name, phone, e-mail or SKU…")
        )
        self.search.setAccessibleName(self.tr("Search orders"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(
            theme.icon("search", theme.FAINT), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search.textChanged.connect(self._on_text)
        self.search.installEventFilter(self)
        search_row.addWidget(self.search, 3)
        self.hit_count = QLabel("", self)
        self.hit_count.setObjectName("ordersHitCount")
        self.hit_count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        search_row.addWidget(self.hit_count, 2)
        hint = QLabel(self.tr("↓ results · Enter opens · Esc clears · F5 reloads"), self)
        hint.setProperty("faint", True)
        search_row.addWidget(hint, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(search_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(18)
        self.results = QStackedWidget(self.splitter)
        self.table = QTableView(self.results)
        self.table.setObjectName("ordersTable")
        self.table.setAccessibleName(self.tr("Orders found"))
        self.model = OrderResultsModel(self)
        self.table.setModel(self.model)
        setup_queue_table(self.table, row_height=ROW_HEIGHT, widths=WIDTHS, stretch=HitColumn.ORDER)
        self.table.setItemDelegateForColumn(HitColumn.ORDER, StackedTextDelegate(self.table))
        self.table.setWordWrap(True)
        # one column: number, customer, when placed and how it stands (the rest in tooltips)
        for hidden in (HitColumn.CUSTOMER, HitColumn.PLACED, HitColumn.STATUS, HitColumn.TOTAL):
            self.table.setColumnHidden(hidden, True)
        self.table.clicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.installEventFilter(self)
        self.empty = empty_label(self.results)
        self.results.addWidget(self.table)
        self.results.addWidget(self.empty)
        self.detail_stack = QStackedWidget(self.splitter)
        self.placeholder = QLabel(self.tr(PLACEHOLDER), self.detail_stack)
        self.placeholder.setObjectName("ordersPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.detail = OrderDetailPanel(self.detail_stack)
        self.detail.actionRequested.connect(self.actionRequested)
        self.detail.reloadRequested.connect(self.reload)
        self.detail_stack.addWidget(self.placeholder)
        self.detail_stack.addWidget(self.detail)
        self.splitter.addWidget(self.results)
        self.splitter.addWidget(self.detail_stack)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([270, 1090])
        layout.addWidget(self.splitter, 1)
        self._show_empty(self.tr(EMPTY_HINT))

        self._server_timer = QTimer(self)
        self._server_timer.setSingleShot(True)
        self._server_timer.setInterval(SERVER_SEARCH_DELAY_MS)
        self._server_timer.timeout.connect(self._search_server)
        reload_key = QShortcut(QKeySequence("F5"), self)
        reload_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reload_key.activated.connect(self.reload)

    # --- wiring --------------------------------------------------------------------------

    def attach(self, station: Station, events: StationEvents, tasks: TaskManager) -> None:
        """Read from ``station``'s cache and its server; follow link, data and sign-ins."""
        self.station, self.events, self.tasks = station, events, tasks
        events.linkChanged.connect(self.set_link)
        events.dataChanged.connect(self._on_data)
        events.outboxChanged.connect(self._on_data)
        events.sessionChanged.connect(self.set_session)
        self.link = station.link
        self.set_session(station.session)
        self._read_store_codes()

    def _set_store_codes(self, codes: dict[int, str]) -> None:
        self.store_codes = codes
        self.model.store_codes = codes
        if self.station is not None:
            self.model.home_store = self.station.store_id
        if self.model.rowCount():
            last = self.model.rowCount() - 1
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(last, 0))

    def set_timezone(self, tz: tzinfo) -> None:
        """The store's time zone (times show in it); the stores are synced by now."""
        self.tz = tz
        self.model.tz = tz
        self._read_store_codes()

    def _read_store_codes(self) -> None:
        if self.tasks is None:
            return
        self.tasks.read(orders.store_codes, key="orders.stores", name="orders store codes").then(
            self._set_store_codes
        )

    @property
    def session(self) -> StaffSession | None:
        """Who is signed in (read each time: the online sign-in adds the token later)."""
        return self.station.session if self.station is not None else None

    def set_session(self, session: StaffSession | None) -> None:
        """Someone signed in (or out): customer service may search all stores."""
        chain = session is not None and session.role.chain_wide
        self.scope_box.setVisible(chain)
        if chain:
            self.scope_chain.setChecked(True)
        else:
            self.scope_store.setChecked(True)
        # the next person does not see what the last one looked up
        self.search.clear()
        self.close_order()
        self._update_banner()

    def set_link(self, link: LinkState) -> None:
        """Online or not: searching all stores needs the network."""
        was_online = self.online
        self.link = link
        self._update_banner()
        if self.online and not was_online and self.scope == "chain" and self.search.text():
            self.run_search(self.search.text())
        back = self.online and not was_online
        if back and self.current is not None and not self.current.from_server:
            self.reload()  # the server's detail and timeline, now that it answers

    @property
    def online(self) -> bool:
        """Whether the server answers (as far as the station knows)."""
        return self.link is not None and self.link.online

    @property
    def scope(self) -> str:
        """``chain`` (all stores, online) or ``store`` (this station's cache)."""
        chain = self.session is not None and self.session.role.chain_wide
        return "chain" if chain and self.scope_chain.isChecked() else "store"

    def page_shown(self) -> None:
        """The page came to the front: bring it up to date, cursor in the search."""
        if self._stale:
            self._on_data()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _scope_changed(self) -> None:
        self._update_banner()
        self.run_search(self.search.text())

    def _update_banner(self) -> None:
        if self.scope == "chain" and not self.online:
            self.banner_text.setText(f"<b>{sync_words(ORDERS_OFFLINE)}</b>")
            self.banner.show()
        elif self.scope == "chain" and self.session is not None and not self.session.token:
            self.banner_text.setText(
                self.tr(
                    "<b>Searching all stores needs an online sign-in:</b> sign in again with "
                    "your PIN while the station is online. This store's orders are searchable."
                )
            )
            self.banner.show()
        else:
            self.banner.hide()

    # --- search --------------------------------------------------------------------------

    def search_for(self, text: str) -> None:
        """Search for ``text`` as if typed."""
        self.search.setText(text)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_text(self, text: str) -> None:
        self.run_search(text)

    def run_search(self, text: str) -> None:
        """Search the cache at once (the only source offline or for store staff); for
        customer service online, the server once typing pauses."""
        self._search_seq += 1
        self._server_timer.stop()
        if len(text.strip()) < orders.MIN_SEARCH:
            self.last_hits = []
            self.model.set_rows([])
            self.hit_count.setText("")
            self._show_empty(self.tr(EMPTY_HINT))
            return
        if self.tasks is None:
            return
        if self.scope == "chain" and self.online and self._token():
            self.hit_count.setText(self.tr("Searching all stores…"))
            self._server_timer.start()
            return
        seq = self._search_seq
        self.tasks.read(
            lambda conn: orders.search(conn, text), key="orders.search", name="order search"
        ).then(lambda result: self._cache_results(result, seq), self._failed)

    def _token(self) -> str | None:
        return self.session.token if self.session is not None else None

    def _cache_results(self, result: OrderSearch, seq: int) -> None:
        if seq != self._search_seq or result.text != self.search.text():
            return  # typed on meanwhile: the newer search answers next
        count = len(result.hits)
        if self.scope == "chain":
            text = (
                self.tr("%n order(s) in this store (the newest 50)", "", count)
                if result.more
                else self.tr("%n order(s) in this store", "", count)
            )
        else:
            text = (
                self.tr("%n order(s) (the newest 50)", "", count)
                if result.more
                else self.tr("%n order(s)", "", count)
            )
        self._show_hits(result.hits, "store", text)

    def _search_server(self) -> None:
        station, tasks, token = self.station, self.tasks, self._token()
        text = self.search.text()
        if station is None or tasks is None or not token:
            return
        seq = self._search_seq
        url = station.enrolment.server_url

        def job() -> list[OrderSummary]:
            client = ServerClient(url, timeout=ORDERS_TIMEOUT)
            try:
                return client.search_orders(text, token)
            finally:
                client.close()

        def found(hits: list[OrderSummary]) -> None:
            if seq != self._search_seq:
                return
            rows = [_hit_of(h) for h in hits]
            self._show_hits(rows, "chain", self.tr("%n order(s) in all stores", "", len(rows)))

        def failed(exc: BaseException) -> None:
            if seq != self._search_seq:
                return
            if not isinstance(exc, SyncError):
                raise exc
            self.banner_text.setText(f"<b>{sync_words(exc.message)}</b>")
            self.banner.show()
            # the station's own orders are still there to search
            self.tasks.read(  # type: ignore[union-attr]
                lambda conn: orders.search(conn, text), key="orders.search", name="order search"
            ).then(lambda result: self._cache_results(result, seq), self._failed)

        tasks.run(job, name="order search online").then(found, failed)

    def _show_hits(self, hits: list[OrderHit], scope: str, count: str) -> None:
        self.last_hits, self.last_scope = hits, scope
        current = self.current.number if self.current is not None else None
        self.model.set_rows(hits, _now())
        if hits:
            self.results.setCurrentWidget(self.table)
            row = self.model.row_of(current) if current is not None else None
            if row is not None:
                self.table.selectRow(row)
            self.hit_count.setText(count)
        else:
            text = self.search.text().strip()
            self._show_empty(
                self.tr(
                    "No order matches “{text}”.\nCheck the number or spelling; a phone number "
                    "can be typed any way (+31 6…, 06…)."
                ).format(text=text)
            )
            self.hit_count.setText(self.tr("No matches"))
        self.searched.emit(hits)

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.results.setCurrentWidget(self.empty)

    def visible_orders(self) -> list[str]:
        """The order numbers in the results, in order."""
        return [h.number for h in self.model.rows]

    # --- one order -----------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_order(str(self.model.data(index, NUMBER_ROLE)))

    def open_order(self, number: str, *, refresh: bool = False) -> None:
        """Show order ``number``: the cache's view at once, the server's when it answers.
        ``refresh``: the cache changed; only if this order's part of it did is it shown
        (and the server asked) again."""
        if self.tasks is None:
            return
        self._open_seq += 1
        if not refresh:
            self._server_seq += 1
        seq = self._open_seq
        self.tasks.read(
            lambda conn: orders.local(conn, number), key="orders.detail", name="order detail"
        ).then(lambda found: self._local_read(found, seq, refresh), self._failed)

    def reload(self) -> None:
        """Read the order shown again (after a change was queued, or on F5)."""
        if self.current is not None:
            self.open_order(self.current.number)

    def close_order(self) -> None:
        """Show no order."""
        self._open_seq += 1
        self._server_seq += 1
        self.current = None
        self.detail.view = None
        self.detail_stack.setCurrentWidget(self.placeholder)

    def _local_read(self, found: OrderLocal, seq: int, refresh: bool = False) -> None:
        if seq != self._open_seq:
            return
        signature = _signature(found)
        same = self.current is not None and self.current.number == found.number
        if refresh and same and signature == self._shown_signature:
            return  # the cache changed elsewhere: this order is as shown
        self._shown_signature = signature
        view = orders.build(found)
        token = self._token()
        ask_server = self.online and bool(token) and self.station is not None
        if view is not None:
            note = self.detail.timeline.tr(OFFLINE_NOTE if not self.online else NO_SESSION_NOTE)
            self._show(view, "" if ask_server else note)
            if ask_server:
                self.detail.timeline.set_waiting(self.tr("Asking the server for every change…"))
        elif not ask_server:
            why = (
                sync_words(ORDERS_OFFLINE)
                if not self.online
                else self.tr("Sign in with your PIN to read it online.")
            )
            self.message.emit(
                self.tr("Order {number} is not in this store's orders. {why}").format(
                    number=found.number, why=why
                ),
                "warn",
            )
            return
        if ask_server:
            self._ask_server(found)

    def _ask_server(self, found: OrderLocal) -> None:
        self._server_seq += 1
        seq = self._server_seq
        station, tasks, token = self.station, self.tasks, self._token()
        assert station is not None and tasks is not None
        url, number = station.enrolment.server_url, found.number

        def job() -> dict[str, Any]:
            client = ServerClient(url, timeout=ORDERS_TIMEOUT)
            try:
                detail: OrderDetail = client.get_order(number, token)
            finally:
                client.close()
            return detail.model_dump(mode="json")

        def answered(data: dict[str, Any]) -> None:
            if seq != self._server_seq:
                return
            view = orders.build(found, data)
            if view is not None:
                self._show(view, "")

        def failed(exc: BaseException) -> None:
            if seq != self._server_seq:
                return
            if not isinstance(exc, SyncError):
                raise exc
            shown = self.current is not None and self.current.number == number
            if isinstance(exc, Refused) and exc.status == 404 and not shown:
                self.message.emit(
                    self.tr("No order {number} in your stores.").format(number=number), "warn"
                )
                return
            if shown:
                note = self.tr("The server could not be asked ({why}). {note}").format(
                    why=sync_words(exc.message), note=self.detail.timeline.tr(OFFLINE_NOTE)
                )
                assert self.current is not None
                self._show(self.current, note)
            else:
                self.message.emit(
                    self.tr("Order {number} could not be read: {why}").format(
                        number=number, why=sync_words(exc.message)
                    ),
                    "bad",
                )

        tasks.run(job, name="order detail online").then(answered, failed)

    def _show(self, view: OrderView, note: str) -> None:
        self.current = view
        self.detail.show_order(view, _now(), self.tz, note)
        self.detail_stack.setCurrentWidget(self.detail)
        row = self.model.row_of(view.number)
        if row is not None and self.table.currentIndex().row() != row:
            self.table.selectRow(row)
        self.orderOpened.emit(view)

    def _failed(self, exc: BaseException) -> None:
        self.message.emit(
            self.tr("Orders could not be read from this PC's cache: {error}").format(error=exc),
            "bad",
        )

    # --- live ----------------------------------------------------------------------------

    def _on_data(self) -> None:
        """The cache changed (a sync, a queued change): re-read what is on show."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        if self.search.text().strip() and self.last_scope == "store":
            self.run_search(self.search.text())
        if self.current is not None:
            self.open_order(self.current.number, refresh=True)

    # --- scans ---------------------------------------------------------------------------

    def accepts(self, kind: ScanKind) -> bool:
        """Order codes and pickup QRs open their order."""
        return kind in (ScanKind.ORDER, ScanKind.PICKUP)

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """Open the scanned order (a pickup QR's code is not needed here)."""
        if not isinstance(code, OrderCode):
            raise ScanRefused(self.tr("Scan an order or pickup code here"))
        if self.tasks is None:
            raise ScanRefused(self.tr("The station is still starting — scan again in a moment"))
        self.search.blockSignals(True)
        self.search.setText(code.order_number)
        self.search.blockSignals(False)
        self.run_search(code.order_number)
        self.open_order(code.order_number)

    # --- keys ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Down into the results, Enter opens, Esc clears or goes back to the search."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if watched is self.search:
            if key == Qt.Key.Key_Down and self.model.rowCount() > 0:
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.table.currentIndex().isValid():
                    self.table.selectRow(0)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                typed = parse_order_input(self.search.text())
                if self.model.rowCount() > 0:
                    current = self.table.currentIndex()
                    row = current.row() if current.isValid() else 0
                    self.table.selectRow(row)
                    self.open_order(self.model.row_at(row).number)
                elif typed is not None:
                    self.open_order(typed.order_number)
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
            return False
        if watched is self.table:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.table.currentIndex()
                if current.isValid():
                    self.open_order(self.model.row_at(current.row()).number)
                return True
            if key == Qt.Key.Key_Escape:
                self.search.setFocus(Qt.FocusReason.OtherFocusReason)
                self.search.selectAll()
                return True
        return False


def _signature(found: OrderLocal) -> tuple[Any, ...]:
    """What of an order's cache part changes when the order does (versions, pending state,
    queued commands, conflicts)."""
    return (
        tuple((f.id, f.version, f.pending, f.doc["order"]["version"]) for f in found.fulfillments),
        tuple((c.seq, c.state, c.attempts) for c in found.commands),
        tuple(c.id for c in found.conflicts),
    )
