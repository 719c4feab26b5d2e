"""The pickup queue page: tabs with counts, search, the queue table and the order panel.

Every read runs on the database worker (:mod:`desktop_oms.gui.tasks`); the page keeps a
generation number so an answer to an older question (a search typed over) is dropped.
Live updates (sync applied changes, a local command) re-read the tab and apply the
difference to the model, keeping the selected order selected and the rows on screen
where they were.

A confirmed handover is written to the outbox at once, held back from the push for the
undo window (so a crash in those seconds loses nothing); Undo takes it back before it
ever leaves the station, and the end of the window releases it and wakes the push loop.
Its receipt can be printed from the order panel or with Ctrl+P.

Ended pickups whose goods are still in a bin fill the Expired tab; "Return to stock"
(Ctrl+R, or scanning the bin label with the order open) and, for a manager, "Expire
pickup…" once a hold has ended are queued like any command, their prediction shown at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Connection

from desktop_oms.cache import outbox, queries
from desktop_oms.cache.db import APP_NAME
from desktop_oms.cache.queries import FulfillmentView, OrderDetail, PickupTab, QueueRow
from desktop_oms.domain.commands import COMMANDS, CommandName, TargetKind
from desktop_oms.domain.errors import DomainError, InvalidCode
from desktop_oms.domain.identifiers import (
    ORDER_NUMBER_RE,
    BinCode,
    DecodedCode,
    OrderCode,
    parse_code,
)
from desktop_oms.domain.status import (
    Action,
    FulfillmentMethod,
    FulfillmentStatus,
    allowed_actions,
    awaits_return_to_stock,
)
from desktop_oms.gui import theme
from desktop_oms.gui.errortext import error_text
from desktop_oms.gui.pickups.detail import OrderDetailPanel, pick_fulfillment
from desktop_oms.gui.pickups.handover import Handover, HandoverDialog
from desktop_oms.gui.pickups.model import ID_ROLE, PickupQueueModel
from desktop_oms.gui.pickups.queue import (
    Column,
    Located,
    QueueRequest,
    QueueResult,
    fetch,
    locate,
    tab_title,
)
from desktop_oms.gui.pickups.receipt import (
    Printed,
    Receipt,
    StoreAddress,
    build_receipt,
    store_address,
)
from desktop_oms.gui.pickups.receipt import output as receipt_output
from desktop_oms.gui.pickups.tabs import QueueTabs
from desktop_oms.gui.queuetable import empty_label, setup_queue_table, update_keeping_scroll
from desktop_oms.gui.station import Station, StationEvents
from desktop_oms.gui.tasks import TaskManager
from desktop_oms.gui.toast import Toast
from desktop_oms.scanner.router import ScanRefused
from desktop_oms.scanner.scan import Scan, ScanKind

#: Row height of the queue: a comfortable touch target.
ROW_HEIGHT = 48
#: Column widths (the customer column takes the rest).
WIDTHS = {
    Column.ORDER: 176,
    Column.ITEMS: 72,
    Column.BIN: 88,
    Column.STATUS: 112,
    Column.PROMISED: 188,
    Column.AGE: 184,
}
SEARCH_DELAY_MS = 150
RETURN = CommandName.RETURN_TO_STOCK
#: How long "Handed over — Undo" holds the handover back from the server.
UNDO_MS = 5_000
TICK_MS = 30_000
REREAD_MS = 60_000


def parse_order_input(text: str) -> OrderCode | None:
    """An order code (``OMS:O:...``) or a bare order number typed in; None otherwise."""
    value = text.strip()
    if not value:
        return None
    if value[:4].upper() == "OMS:":
        try:
            code = parse_code(value)
        except InvalidCode:
            return None
        return code if isinstance(code, OrderCode) else None
    if ORDER_NUMBER_RE.fullmatch(value.upper()):
        return OrderCode(value.upper())
    return None


def _now() -> datetime:
    return datetime.now(UTC)


def default_receipts_dir() -> Path:
    """Where receipts go as PDF files when no printer is set up."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME)) / "receipts"


class PickupsView(QWidget):
    """The counter's pickup queue.

    Signals: ``loaded()`` after the first read shows; ``refreshed()`` after every read
    is shown; ``orderOpened(str)`` with the order number shown in the panel;
    ``message(str, str)`` with a text and a level (``info``/``warn``/``bad``) for the
    window to show; ``handedOver(object)`` with the :class:`Handover` once it is in the
    outbox (held for the undo window); ``receiptPrinted(object)`` with the
    :class:`~desktop_oms.gui.pickups.receipt.Printed` of a receipt sent to a printer or file;
    ``scanProblem(str)`` when a scanned code could not be acted on after all (the order is
    not here, its pickup code does not match, another store's bin), for the bad-scan sound.

    Scans: the queue takes bin labels (:meth:`scan_bin`); order and pickup codes reach it
    through the window, which opens them from anywhere (:meth:`open_order`).
    """

    scan_target_name = "Pickups"

    loaded = Signal()
    refreshed = Signal()
    handedOver = Signal(object)  # noqa: N815
    orderOpened = Signal(str)  # noqa: N815
    message = Signal(str, str)
    receiptPrinted = Signal(object)  # noqa: N815
    scanProblem = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pickupsView")
        self.station: Station | None = None
        self.events: StationEvents | None = None
        self.tasks: TaskManager | None = None
        self.toast: Toast | None = None
        self.undo_ms = UNDO_MS
        self.handover_dialog: HandoverDialog | None = None
        self._handing: set[int] = set()
        self._ending: set[int] = set()  # fulfillments with a return or expiry being written
        self.expire_confirm: QMessageBox | None = None
        #: Receipts of this session's handovers, by fulfillment; the last one for Ctrl+P.
        self.receipts: dict[int, Receipt] = {}
        self.last_receipt: Receipt | None = None
        self.receipts_dir: Path | None = None  # None: the user's data directory
        self.use_printer = True  # False: always a PDF (tests, no printer wanted)
        self.tz: tzinfo = UTC
        self._generation = 0
        self._tab: PickupTab = "ready"
        self._sort = (Column.PROMISED, False)
        self._first = True
        self._shown_tab: PickupTab | None = None
        self._shown_search: str | None = None
        self._pending_select: int | None = None
        self._detail_generation = 0
        self._pickup_code: tuple[str, str] | None = None
        self.last_result: QueueResult | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(16)

        head = QHBoxLayout()
        head.setSpacing(16)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel(self.tr("Pickups"), self)
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel("", self)
        self.subtitle.setObjectName("pageSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles)
        head.addStretch(1)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchEdit")
        self.search.setPlaceholderText(self.tr("Search order, name, phone or e-mail"))
        self.search.setAccessibleName(self.tr("Search pickups"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(360)
        self.search.addAction(
            theme.icon("search", theme.FAINT), QLineEdit.ActionPosition.LeadingPosition
        )
        head.addWidget(self.search, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(head)

        tabs_row = QHBoxLayout()
        self.tabs = QueueTabs(self)
        tabs_row.addWidget(self.tabs)
        tabs_row.addStretch(1)
        layout.addLayout(tabs_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(16)
        self.stack = QStackedWidget(self.splitter)
        self.table = QTableView(self.stack)
        self.table.setObjectName("queueTable")
        self.table.setAccessibleName(self.tr("Pickup queue"))
        self.table.setAccessibleDescription(
            self.tr(
                "Arrow keys choose an order; Enter opens it, Enter again hands it over; "
                "Escape closes it"
            )
        )
        self.model = PickupQueueModel(parent=self)
        self.table.setModel(self.model)
        self._setup_table()
        self.empty = empty_label(self.stack)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.detail = OrderDetailPanel(self.splitter)
        self.detail.hide()
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._reread = QTimer(self)
        self._reread.setInterval(REREAD_MS)
        self._reread.timeout.connect(self.refresh)

        self.tabs.tabChanged.connect(self._on_tab)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._on_search_enter)
        self.model.sortRequested.connect(self._on_sort)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.activated.connect(self._on_activated)
        self.detail.closed.connect(self.close_order)
        self.detail.handOverRequested.connect(self.start_handover)
        self.detail.returnRequested.connect(self.return_to_stock)
        self.detail.expireRequested.connect(self.confirm_expire)
        self.detail.printRequested.connect(self.print_receipt)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.activated.connect(self.close_order)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)
        self.print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        self.print_shortcut.activated.connect(self.print_receipt)

    def _setup_table(self) -> None:
        setup_queue_table(
            self.table,
            row_height=ROW_HEIGHT,
            widths=WIDTHS,
            stretch=Column.CUSTOMER,
            sort_column=Column.PROMISED,
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the queue (to the order panel)

    # --- wiring --------------------------------------------------------------------------

    def attach(self, station: Station, events: StationEvents, tasks: TaskManager) -> None:
        """Show ``station``'s queue, re-reading it whenever its data changes."""
        self.station, self.events, self.tasks = station, events, tasks
        events.dataChanged.connect(self._on_data_changed)
        self._tick.start()
        self._reread.start()

    def set_timezone(self, tz: tzinfo) -> None:
        """Show times in the store's time zone."""
        self.tz = tz
        self.model.tz = tz
        self.model.tick(_now())

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    @property
    def tab(self) -> PickupTab:
        """The tab shown."""
        return self._tab

    def set_tab(self, tab: PickupTab) -> None:
        """Show ``tab`` (and read it)."""
        self.tabs.set_current(tab)
        self._on_tab(tab)

    # --- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the shown tab again (with the search text and order on screen)."""
        if self.station is None or self.tasks is None:
            return
        self._generation += 1
        generation = self._generation
        request = QueueRequest(
            store_id=self.station.store_id,
            tab=self._tab,
            search=self.search.text(),
            sort_column=self._sort[0],
            descending=self._sort[1],
        )
        now = _now()

        def job(conn: Connection) -> QueueResult:
            return fetch(conn, request, now)

        self.tasks.read(job, key="pickups.queue", name="pickups.fetch").then(
            lambda result: self._apply(result, generation)
        )

    def _apply(self, result: QueueResult, generation: int) -> None:
        if generation != self._generation:
            return  # an older question; a newer answer is on its way
        request = result.request
        if self._shown_tab == request.tab:
            update_keeping_scroll(self.table, self.model, result.rows, result.now, ROW_HEIGHT)
        else:
            self.model.reset(result.rows, result.now)
        self._shown_tab, self._shown_search = request.tab, request.search.strip()
        self._fit_columns()
        self.last_result = result
        self.tabs.set_counts(result.counts)
        self._show_empty_state(result)
        self._subtitle(result)
        if self._pending_select is not None:
            self._select(self._pending_select)
        if self.detail.isVisible() and self.detail.order_number:
            self._reload_detail()
        self.refreshed.emit()
        if self._first:
            self._first = False
            self.loaded.emit()

    def _show_empty_state(self, result: QueueResult) -> None:
        if result.rows:
            self.stack.setCurrentWidget(self.table)
            return
        search = result.request.search.strip()
        elsewhere = {t: n for t, n in result.counts.items() if n and t != result.request.tab}
        if search:
            text = self.tr("No pickup in {tab} matches “{search}”.").format(
                tab=tab_title(result.request.tab), search=search
            )
            if elsewhere:
                found = ", ".join(
                    self.tr("{count} in {tab}").format(count=n, tab=tab_title(t))
                    for t, n in elsewhere.items()
                )
                text += "\n" + self.tr("Found: {where}.").format(where=found)
        else:
            text = {
                "ready": self.tr("No pickups are waiting for customers right now."),
                "preparing": self.tr("Nothing is being prepared for pickup."),
                "handed_over_today": self.tr("Nothing has been handed over today yet."),
                "expiring": self.tr("No pickups are close to their deadline."),
                "expired": self.tr(
                    "Nothing to put back: no expired or cancelled pickup is in a bin."
                ),
            }[result.request.tab]
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def _subtitle(self, result: QueueResult) -> None:
        counts = result.counts
        overdue = result.overdue
        parts = [
            self.tr("{count} ready").format(count=counts.get("ready", 0)),
            self.tr("{count} in preparation").format(count=counts.get("preparing", 0)),
        ]
        if result.request.search.strip():
            parts.insert(0, self.tr("Filtered"))
        if counts.get("expired", 0):
            parts.append(self.tr("{count} to return to stock").format(count=counts["expired"]))
        if overdue:
            parts.append(self.tr("{count} overdue in this tab").format(count=overdue))
        self.subtitle.setText(" · ".join(parts))

    def _on_tab(self, tab: str) -> None:
        self._tab = tab  # type: ignore[assignment]
        # Promised is hidden on Expired: sort there by how long the goods have waited, and
        # go back to the promised time after (unless someone picked another order)
        header = self.table.horizontalHeader()
        if tab == "expired" and self._sort == (Column.PROMISED, False):
            self._sort = (Column.AGE, False)
            header.setSortIndicator(Column.AGE, Qt.SortOrder.AscendingOrder)
        elif tab != "expired" and self._sort == (Column.AGE, False):
            self._sort = (Column.PROMISED, False)
            header.setSortIndicator(Column.PROMISED, Qt.SortOrder.AscendingOrder)
        self.refresh()

    def _on_sort(self, column: int, descending: bool) -> None:
        if (column, descending) != self._sort:
            self._sort = (column, descending)
            self.refresh()

    def _on_data_changed(self) -> None:
        self.refresh()

    def _on_tick(self) -> None:
        self.model.tick(_now())

    # --- selection and the order panel ---------------------------------------------------

    def _select(self, fulfillment_id: int) -> None:
        row = self.model.row_of(fulfillment_id)
        if row is None:
            return
        self._pending_select = None
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def selected_id(self) -> int | None:
        """The fulfillment of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return None if not rows else int(rows[0].data(ID_ROLE))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.row_at(current.row())
        shown = self.detail.fulfillment
        if self.detail.isVisible() and shown is not None and shown.id == row.id:
            self._detail_generation += 1  # it is on screen: drop answers still on their way
            return
        code = self._pickup_code[1] if self._pickup_code else None
        keep = code if self._pickup_code and self._pickup_code[0] == row.order_number else None
        self._load_detail(row.order_number, row.id, keep)

    def _on_activated(self, index: QModelIndex) -> None:
        """Enter on a row: open the order; Enter again on the order shown starts its
        handover (the keyboard's way to "Hand over…")."""
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        shown = self.detail.fulfillment
        button = self.detail.hand_over_button
        if self.detail.isVisible() and shown is not None and shown.id == row.id:
            if button.isVisible() and button.isEnabled():
                self.start_handover(shown)
            return
        self._load_detail(row.order_number, row.id, None)

    def _on_search_enter(self) -> None:
        code = parse_order_input(self.search.text())
        if code is not None:
            self.search.clear()
            self.open_order(code.order_number, code.pickup_code)

    def open_order(
        self, order_number: str, pickup_code: str | None = None, *, scanned: bool = False
    ) -> None:
        """Find an order (scanned or typed): show its tab, select it, open its panel.

        ``scanned``: the code came from a scan, so a miss also emits ``scanProblem``.
        """
        if self.station is None or self.tasks is None:
            return
        store_id = self.station.store_id
        now = _now()

        def job(conn: Connection) -> tuple[Located, OrderDetail | None]:
            return locate(conn, store_id, order_number, now), queries.order_detail(
                conn, order_number
            )

        self.tasks.read(job, name="pickups.open").then(
            lambda found: self._opened(found[0], found[1], pickup_code, scanned)
        )

    def _opened(
        self, where: Located, detail: OrderDetail | None, code: str | None, scanned: bool
    ) -> None:
        self._detail_generation += 1  # this answer wins over detail reads still under way
        if detail is None:
            text = self.tr("Order {order} is not at this store.").format(order=where.order_number)
            self.message.emit(text, "warn")
            if scanned:
                self.scanProblem.emit(text)
            return
        select_now = False
        if where.tab is not None and where.fulfillment_id is not None:
            if self.search.text():
                self.search.blockSignals(True)
                self.search.clear()
                self.search.blockSignals(False)
            self._pending_select = where.fulfillment_id
            if where.tab != self._tab or self._shown_search:
                self.tabs.set_current(where.tab)
                self._tab = where.tab
                self.refresh()
            else:
                select_now = True
        self._show_detail(detail, where.fulfillment_id, code)
        if select_now and where.fulfillment_id is not None:
            # After the panel shows it: selecting first would start a read of the order
            # without the scanned pickup code, whose answer would hide the code's check.
            self._select(where.fulfillment_id)
        if scanned and code and self._pickup_code is None:
            self.scanProblem.emit(self.tr("The scanned pickup code does not match this order."))

    def _load_detail(self, order_number: str, fid: int | None, code: str | None) -> None:
        if self.tasks is None:
            return
        self._detail_generation += 1
        generation = self._detail_generation
        self.tasks.read(
            lambda conn: queries.order_detail(conn, order_number),
            key="pickups.detail",
            name="pickups.detail",
        ).then(lambda detail: self._loaded_detail(detail, fid, code, generation))

    def _loaded_detail(
        self, detail: OrderDetail | None, fid: int | None, code: str | None, generation: int
    ) -> None:
        if generation != self._detail_generation:
            return  # the panel was asked to show something else meanwhile
        if detail is None:
            self.close_order()  # the order left this station (re-routed, purged)
            return
        if self.detail.isVisible() or self.table.selectionModel().hasSelection():
            self._show_detail(detail, fid, code)

    def _reload_detail(self) -> None:
        shown = self.detail.fulfillment
        code = self._pickup_code[1] if self._pickup_code else None
        if self.detail.order_number is not None:
            self._load_detail(self.detail.order_number, shown.id if shown else None, code)

    def _show_detail(self, detail: OrderDetail, fid: int | None, code: str | None) -> None:
        assert self.station is not None
        view = pick_fulfillment(detail, self.station.store_id, fid)
        code_ok = bool(code) and view is not None and view.doc.get("pickup_code") == code
        if code and not code_ok:
            self.message.emit(self.tr("The scanned pickup code does not match this order."), "bad")
        self._pickup_code = (detail.order_number, code) if code_ok and code else None
        session = self.station.session
        may = may_expire = False
        if session is not None and view is not None:
            try:
                actions = allowed_actions(
                    FulfillmentMethod(view.method), FulfillmentStatus(view.status), session.role
                )
            except ValueError:
                actions = []
            may = Action.HAND_OVER in actions
            may_expire = Action.EXPIRE in actions
        may_return = session is not None and session.role in COMMANDS[RETURN].roles
        if view is not None and view.id in self._ending:
            may_return = may_expire = False  # a click is being written: no second one
        self.detail.show_order(
            detail,
            view,
            tz=self.tz,
            can_hand_over=may,
            pickup_code_ok=code_ok,
            now=_now(),
            can_return=may_return,
            can_expire=may_expire,
        )
        self.detail.show_print(view is not None and view.id in self.receipts)
        if view is not None and view.id in self._handing:
            self.detail.hand_over_button.setEnabled(False)
            self.detail.hand_over_why.setText(self.tr("Being handed over…"))
            self.detail.hand_over_why.show()
        if not self.detail.isVisible():
            self.detail.show()
            self.splitter.setSizes([max(1, self.width() - 460), 440])
            self._fit_columns()
        self.orderOpened.emit(detail.order_number)

    def _fit_columns(self) -> None:
        """Status only where it varies (Preparing; Expired says it in Age); Promised hides
        beside the order panel and where nothing is promised any more (Expired)."""
        self.table.setColumnHidden(Column.STATUS, self._tab != "preparing")
        self.table.setColumnHidden(
            Column.PROMISED, self.detail.isVisible() or self._tab == "expired"
        )

    def close_order(self) -> None:
        """Close the order panel."""
        self.detail.hide()
        self.detail.clear()
        self._fit_columns()
        self._pickup_code = None
        self.table.setFocus()

    # --- handing over ---------------------------------------------------------------------

    def start_handover(self, view: FulfillmentView) -> None:
        """Open the handover dialog for a ready pickup."""
        station = self.station
        if station is None or station.session is None:
            return
        number = str(view.doc["order_number"])
        code = (
            self._pickup_code[1] if self._pickup_code and self._pickup_code[0] == number else None
        )
        dialog = HandoverDialog(
            view, station.session, store_id=station.store_id, pickup_code=code, parent=self
        )
        dialog.setModal(True)
        dialog.accepted.connect(lambda: self._confirmed(dialog.handover, view))
        dialog.finished.connect(lambda _result: self.table.setFocus())  # back to the queue
        dialog.finished.connect(dialog.deleteLater)
        self.handover_dialog = dialog
        dialog.open()
        if self.tasks is not None:  # the order's barcodes, for scanning each item
            skus = [str(line["sku"]) for line in view.doc.get("lines", [])]

            def barcodes(found: dict[str, str]) -> None:
                if shiboken6.isValid(dialog):
                    dialog.set_barcodes(found)

            self.tasks.read(
                lambda conn: queries.identifiers_of(conn, skus), name="handover.barcodes"
            ).then(barcodes)

    def _confirmed(self, handover: Handover | None, view: FulfillmentView) -> None:
        """Write the handover to the outbox at once, held for the undo window."""
        station, tasks = self.station, self.tasks
        if handover is None or station is None or tasks is None:
            return
        self._handing.add(handover.fulfillment_id)
        shown = self.detail.fulfillment
        if shown is not None and shown.id == handover.fulfillment_id:
            self.detail.hand_over_button.setEnabled(False)
            self.detail.hand_over_why.setText(self.tr("Being handed over…"))
            self.detail.hand_over_why.show()
        now = _now()
        hold = timedelta(milliseconds=self.undo_ms if self.toast is not None else 0)
        store_id = station.store_id

        def job(conn: Connection) -> tuple[outbox.OutboxEntry, StoreAddress | None]:
            entry = outbox.enqueue(
                conn,
                name=CommandName.HAND_OVER,
                target_kind=TargetKind.FULFILLMENT,
                target_key=str(handover.fulfillment_id),
                base_version=handover.base_version,
                staff_id=handover.staff_id,
                approved_by=None,
                args=handover.args,
                now=now,
                hold_until=now + hold if hold else None,
            )
            return entry, store_address(conn, store_id)

        def held(result: tuple[outbox.OutboxEntry, StoreAddress | None]) -> None:
            entry, store = result
            self._handing.discard(handover.fulfillment_id)
            self._keep_receipt(handover, view, store, now)
            self._outbox_changed()
            self.handedOver.emit(handover)
            if self.toast is None or not hold:
                station.kick()
                return
            items = self.tr("%n item(s)", "", handover.units)
            self.toast.show_message(
                self.tr("Handed over {order} · {items}").format(
                    order=handover.order_number, items=items
                ),
                "info",
                action=self.tr("Undo"),
                on_action=lambda: self._undo(handover, entry),
                on_expire=lambda: self._release(entry),
                msecs=self.undo_ms,
            )

        def refused(exc: BaseException) -> None:
            self._handing.discard(handover.fulfillment_id)
            if not isinstance(exc, DomainError):
                raise exc
            self.message.emit(
                self.tr("{order} was not handed over: {why}").format(
                    order=handover.order_number, why=error_text(exc)
                ),
                "bad",
            )
            self._reload_detail()

        tasks.write(job, name="hand over").then(held, refused)

    def _outbox_changed(self) -> None:
        """Tell the status bar and the views that the outbox and the overlay changed."""
        if self.events is not None:
            self.events.outboxChanged.emit()
            self.events.changed()

    def _undo(self, handover: Handover, entry: outbox.OutboxEntry) -> None:
        """Take the held handover back out of the outbox, before it leaves the station."""
        if self.tasks is None:
            return

        def undone(_entry: outbox.OutboxEntry) -> None:
            self.receipts.pop(handover.fulfillment_id, None)
            if self.last_receipt is not None and (
                self.last_receipt.order_number == handover.order_number
            ):
                self.last_receipt = None
            self._outbox_changed()
            self._reload_detail()
            self.message.emit(
                self.tr("Handover of {order} undone.").format(order=handover.order_number), "info"
            )

        def refused(exc: BaseException) -> None:
            if not isinstance(exc, DomainError):
                raise exc
            self.message.emit(
                self.tr("The handover of {order} stands: {why}.").format(
                    order=handover.order_number, why=error_text(exc)
                ),
                "bad",
            )
            self._release(entry)

        self.tasks.write(lambda conn: outbox.withdraw(conn, entry.seq), name="undo").then(
            undone, refused
        )

    def _release(self, entry: outbox.OutboxEntry) -> None:
        """The undo window closed: let the held command go now and wake the push loop."""
        station, tasks = self.station, self.tasks
        if station is None or tasks is None:
            return

        def released(_held: bool) -> None:
            station.kick()

        # An undo moves the seqs after it down: look the command up by its id.
        def job(conn: Connection) -> bool:
            row = conn.exec_driver_sql("SELECT seq FROM outbox WHERE id = ?", (entry.id,))
            seq = row.scalar()
            return seq is not None and outbox.release(conn, int(seq))

        tasks.write(job, name="release hold").then(released)

    # --- receipts ------------------------------------------------------------------------

    def _keep_receipt(
        self, handover: Handover, view: FulfillmentView, store: StoreAddress | None, at: datetime
    ) -> None:
        station = self.station
        if station is None:
            return
        session = station.session
        found = store or StoreAddress(
            "", self.tr("Store {id}").format(id=station.store_id), "", "", "", ""
        )
        staff = self.tr("Staff {id}").format(id=handover.staff_id)
        receipt = build_receipt(
            view.doc,
            handover.args,
            store=found,
            staff=session.display_name if session is not None else staff,
            station=self.tr("Station {id}").format(id=station.enrolment.station_id),
            at=at.astimezone(self.tz),
        )
        self.receipts[handover.fulfillment_id] = receipt
        self.last_receipt = receipt
        shown = self.detail.fulfillment
        if shown is not None and shown.id == handover.fulfillment_id:
            self.detail.show_print(True)

    def receipt_to_print(self) -> Receipt | None:
        """The receipt of the order in the panel if it has one, else the last handover's."""
        shown = self.detail.fulfillment if self.detail.isVisible() else None
        if shown is not None and shown.id in self.receipts:
            return self.receipts[shown.id]
        return self.last_receipt

    def print_receipt(self) -> None:
        """Print the receipt (Ctrl+P): on the default printer, else as a PDF file."""
        receipt = self.receipt_to_print()
        if receipt is None or self.tasks is None:
            self.message.emit(self.tr("There is no handover to print a receipt for yet."), "warn")
            return
        folder = self.receipts_dir or default_receipts_dir()
        use_printer = self.use_printer

        def job() -> Printed:
            return receipt_output(receipt, folder, use_printer=use_printer)

        def done(printed: Printed) -> None:
            self.message.emit(printed.describe(), "info")
            self.receiptPrinted.emit(printed)

        def failed(exc: BaseException) -> None:
            self.message.emit(
                self.tr("The receipt could not be printed: {why}").format(why=exc), "bad"
            )

        self.tasks.run(job, name="receipt").then(done, failed)

    # --- ended pickups: expire by hand, return to stock ----------------------------------

    def return_to_stock(self, view: FulfillmentView, scanned_bin: str | None = None) -> None:
        """Queue ``return_to_stock``: the goods of an ended pickup are back on the shelf.

        ``scanned_bin``: the bin label scanned to confirm it (the server checks it too).
        """
        number = str(view.doc["order_number"])
        args: dict[str, Any] = {} if scanned_bin is None else {"bin": scanned_bin}
        bin_name = view.doc.get("bin")
        self._send(
            RETURN,
            view,
            args,
            done=self.tr("{order} returned to stock: bin {bin} is free.").format(
                order=number, bin=bin_name
            ),
            failed=self.tr("{order} was not returned to stock").format(order=number),
        )

    def confirm_expire(self, view: FulfillmentView) -> None:
        """Ask before expiring a ready pickup whose hold has ended (it cannot be undone)."""
        number = str(view.doc["order_number"])
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Expire {order}?").format(order=number),
            self.tr(
                "The hold of {order} has ended. Expiring it ends the order for the customer "
                "(they are told) and books its stock back; its goods then wait in bin "
                "{bin} to be returned to stock."
            ).format(order=number, bin=view.doc.get("bin")),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("expireConfirm")
        expire = box.addButton(self.tr("Expire pickup"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def chosen() -> None:
            if box.clickedButton() is expire:
                self._send(
                    CommandName.EXPIRE,
                    view,
                    {},
                    done=self.tr("{order} expired: return its goods to stock.").format(
                        order=number
                    ),
                    failed=self.tr("{order} was not expired").format(order=number),
                )

        box.finished.connect(chosen)
        box.finished.connect(box.deleteLater)
        self.expire_confirm = box
        box.open()

    # --- scans ---------------------------------------------------------------------------

    def accepts(self, kind: ScanKind) -> bool:
        """The queue takes bin labels (returning an ended pickup's goods to stock)."""
        return kind is ScanKind.BIN

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """A bin label was scanned with the queue in front (see :meth:`scan_bin`)."""
        if not isinstance(code, BinCode):
            raise ScanRefused(self.tr("The pickup queue takes bin labels here"))
        if self.station is None or self.tasks is None:
            raise ScanRefused(self.tr("The station is still starting — scan again in a moment"))
        self.scan_bin(code)

    def scan_bin(self, code: BinCode) -> None:
        """A bin label was scanned: return the order shown if it is the one in that bin,
        else open the ended pickup waiting in that bin to be returned."""
        station, tasks = self.station, self.tasks
        if station is None or tasks is None:
            return
        store_id, now = station.store_id, _now()
        shown = self.detail.fulfillment if self.detail.isVisible() else None
        if (
            shown is not None
            and shown.doc.get("bin") == code.bin
            and awaits_return_to_stock(
                shown.status, code.bin, shown.doc.get("returned_at") is not None
            )
        ):
            if self.detail.return_button.isEnabled():
                self.return_to_stock(shown, scanned_bin=code.bin)
            else:
                why = self.detail.return_why.text() or self.tr("Not now.")
                self.message.emit(why, "warn")
                self.scanProblem.emit(why)
            return

        def job(conn: Connection) -> tuple[str | None, list[QueueRow]]:
            found = conn.exec_driver_sql("SELECT code FROM stores WHERE id = ?", (store_id,))
            here = found.scalar()
            rows = queries.pickup_queue(conn, store_id, "expired", None, now)
            return (None if here is None else str(here)), [r for r in rows if r.bin == code.bin]

        def found(answer: tuple[str | None, list[QueueRow]]) -> None:
            here, rows = answer
            if here is not None and here != code.store_code:
                text = self.tr("That bin label belongs to store {store}.").format(
                    store=code.store_code
                )
                self.message.emit(text, "warn")
                self.scanProblem.emit(text)
            elif not rows:
                self.message.emit(
                    self.tr("Bin {bin} holds nothing to return to stock.").format(bin=code.bin),
                    "info",
                )
            else:
                self.open_order(rows[0].order_number)

        tasks.read(job, name="pickups.bin").then(found)

    def _send(
        self,
        name: CommandName,
        view: FulfillmentView,
        args: Mapping[str, Any],
        *,
        done: str,
        failed: str,
    ) -> None:
        """Queue one command on a fulfillment with its predicted effect; wake the push loop."""
        station, tasks = self.station, self.tasks
        session = station.session if station is not None else None
        if station is None or tasks is None or session is None or view.id in self._ending:
            return
        self._ending.add(view.id)
        self.detail.return_button.setEnabled(False)
        self.detail.expire_button.setEnabled(False)
        now = _now()

        def job(conn: Connection) -> outbox.OutboxEntry:
            return outbox.enqueue(
                conn,
                name=name,
                target_kind=TargetKind.FULFILLMENT,
                target_key=str(view.id),
                base_version=view.version,
                staff_id=session.staff_id,
                approved_by=None,
                args=args,
                now=now,
            )

        def queued(_entry: outbox.OutboxEntry) -> None:
            self._ending.discard(view.id)
            station.kick()
            if self.events is not None:
                self.events.outboxChanged.emit()
                self.events.changed()
            self.message.emit(done, "info")

        def refused(exc: BaseException) -> None:
            self._ending.discard(view.id)
            if not isinstance(exc, DomainError):
                raise exc
            self.message.emit(
                self.tr("{failed}: {why}").format(failed=failed, why=error_text(exc)), "bad"
            )
            self._reload_detail()

        tasks.write(job, name=name.value.replace("_", " ")).then(queued, refused)

    # --- test and screenshot helpers -----------------------------------------------------

    def visible_orders(self) -> list[str]:
        """The order numbers in the table, top to bottom."""
        return [r.order_number for r in self.model.rows]

    def counts(self) -> dict[str, int]:
        """The counts shown on the tabs."""
        return {tab: int(b.count.text().replace(",", "")) for tab, b in self.tabs.buttons.items()}
