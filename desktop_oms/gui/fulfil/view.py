"""The fulfil page: the back room's queue with tabs and counts, filters, bulk actions, and
the fulfillment panel with each step (stage, pack, labels, ship, unpack, receive).

Every read runs on the database worker (:mod:`desktop_oms.gui.tasks`); a generation
number drops answers to older questions. Live updates (sync, a local command) re-read
the tab and apply the difference to the model, so the selected rows stay selected.
Commands go to the outbox with their predicted effect (they work offline) and wake the
push loop; labels are bought and voided online, on the network pool.

Picking is the pick view's (:mod:`desktop_oms.gui.fulfil.picking`): "Pick selected" (or
"Pick…" in the panel) hands it the open fulfillments chosen and the signed-in picker —
``PickView.start(fulfillment_ids, picker)`` — and shows it in place of the queue until
its ``finished`` signal.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Connection

from desktop_oms.cache import outbox, queries
from desktop_oms.cache.queries import (
    FulfillmentView,
    FulfilMethod,
    FulfilRow,
    FulfilService,
    FulfilTab,
    OrderDetail,
)
from desktop_oms.domain.boxes import BOX_TYPES_SETTING, BoxType, box_types_from_setting
from desktop_oms.domain.commands import COMMANDS, CommandName, TargetKind
from desktop_oms.domain.errors import DomainError, InvalidCode
from desktop_oms.domain.identifiers import BinCode, DecodedCode, OrderCode, parse_code, validate_bin
from desktop_oms.domain.reasons import ReasonKind, reasons_for
from desktop_oms.domain.roles import Role
from desktop_oms.domain.shipping import active_labels
from desktop_oms.gui import theme
from desktop_oms.gui.errortext import error_text
from desktop_oms.gui.fulfil.detail import FulfilDetailPanel
from desktop_oms.gui.fulfil.model import ExpressBadgeDelegate, FulfilQueueModel
from desktop_oms.gui.fulfil.pack import PackDialog
from desktop_oms.gui.fulfil.queue import (
    AGE_CHOICES,
    METHOD_CHOICES,
    SERVICE_CHOICES,
    TAB_TIPS,
    TAB_TITLES,
    TABS,
    Column,
    FulfilRequest,
    FulfilResult,
    fetch,
    tab_of,
    translated,
)
from desktop_oms.gui.queuetable import empty_label, setup_queue_table, update_keeping_scroll
from desktop_oms.gui.queuetabs import QueueTabs
from desktop_oms.gui.scanwords import bad_scan_detail
from desktop_oms.gui.station import Station, StationEvents
from desktop_oms.gui.tasks import TaskManager
from desktop_oms.gui.words import reason_label
from desktop_oms.scanner.router import ScanRefused
from desktop_oms.scanner.scan import Scan, ScanKind
from desktop_oms.sync.client import LABELS_NEED_SIGN_IN, LABELS_OFFLINE, ServerClient
from desktop_oms.sync.errors import SyncError

ROW_HEIGHT = 48
#: Column widths (px): room for Dutch, ~25% longer than English ("Vandaag 13:15").
WIDTHS = {
    Column.ORDER: 172,  # a flag icon and WEB-1000107
    Column.METHOD: 250,  # room for the express badge
    Column.ITEMS: 70,
    Column.STATUS: 152,
    Column.PROMISED: 178,  # an alert icon and "Vandaag 13:15"
    Column.AGE: 104,
}
#: Columns the panel repeats: hidden while it is open, so the table needs no scrolling.
IN_PANEL = (Column.METHOD, Column.AGE)
TICK_MS = 30_000
#: Seconds a label purchase or void may take (a carrier call behind the server).
LABEL_TIMEOUT = 30.0
REREAD_MS = 60_000


def may_fulfil(role: Role | None) -> bool:
    """Whether ``role`` works in the back room (may start picking)."""
    return role is not None and role in COMMANDS[CommandName.START_PICKING].roles


def _now() -> datetime:
    return datetime.now(UTC)


def parse_bin(text: str, store_code: str | None) -> str:
    """The bin named by a scanned label (``OMS:B:<store>:<bin>``) or a typed bin name;
    InvalidCode (with what is wrong) for anything else or another store's label."""
    value = text.strip()
    if value[:4].upper() == "OMS:":
        code = parse_code(value)
        if not isinstance(code, BinCode):
            raise InvalidCode(
                value, QCoreApplication.translate("FulfilView", "that is not a bin label")
            )
        if store_code is not None and code.store_code != store_code:
            raise InvalidCode(
                value,
                QCoreApplication.translate(
                    "FulfilView", "that bin label belongs to store {store}"
                ).format(store=code.store_code),
            )
        return code.bin
    try:
        return validate_bin(value.upper())
    except InvalidCode:
        why = QCoreApplication.translate(
            "FulfilView", "a bin name is 1 to 12 letters, digits or hyphens, such as C-41"
        )
        raise InvalidCode(value, why) from None


@dataclass(frozen=True, slots=True)
class Opened:
    """An order looked up for the panel: its detail and the fulfillment to show."""

    order_number: str
    detail: OrderDetail | None
    view: FulfillmentView | None
    tab: FulfilTab | None


def _pick_view() -> type[Any] | None:
    """The pick view class, once its module is in place."""
    try:
        from desktop_oms.gui.fulfil import picking
    except ModuleNotFoundError as exc:
        if exc.name != "desktop_oms.gui.fulfil.picking":
            raise
        return None
    found: type[Any] | None = getattr(picking, "PickView", None)
    return found


class FulfilView(QWidget):
    """The back room's fulfil queue.

    Signals: ``loaded()`` after the first read shows; ``refreshed()`` after every read is
    shown; ``opened(str)`` with the order number shown in the panel; ``message(str, str)``
    with a text and a level (``info``/``warn``/``bad``) for the window; ``queued(str, int)``
    with a command name and how many fulfillments it was queued for; ``labelsBought(int)``
    and ``labelsVoided(int)`` with the fulfillment id; ``printed(str)`` with where a label
    or slip went; ``scanProblem(str)`` when a scan taken could not be acted on after all;
    ``openElsewhere(str)`` with an order scanned here that is no back-room work (the window
    opens it at the counter).

    Scans: order codes (receive a transfer arriving here, else open the order) and, while a
    fulfillment waiting to be staged is shown, bin labels (stage it in that bin).
    """

    scan_target_name = "Fulfil"

    loaded = Signal()
    refreshed = Signal()
    opened = Signal(str)
    message = Signal(str, str)
    queued = Signal(str, int)
    labelsBought = Signal(int)  # noqa: N815
    labelsVoided = Signal(int)  # noqa: N815
    printed = Signal(str)
    scanProblem = Signal(str)  # noqa: N815
    openElsewhere = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fulfilView")
        self.station: Station | None = None
        self.events: StationEvents | None = None
        self.tasks: TaskManager | None = None
        self.tz: tzinfo = UTC
        self.store_code: str | None = None
        self.box_types: tuple[BoxType, ...] = box_types_from_setting(None)
        self.pack_dialog: PackDialog | None = None
        self.unpack_dialog: QInputDialog | None = None
        self.preview_dialog: QWidget | None = None  # the print preview open, if any
        self.documents_dir: Path | None = None  # None: the user's data directory
        self.use_printer = True  # False: PDF files (tests, no printer wanted)
        self._generation = 0
        self._detail_generation = 0
        self._tab: FulfilTab = "open"
        self._method: FulfilMethod | None = None
        self._min_age: timedelta | None = None
        self._service: FulfilService | None = None
        self._sort = (Column.PROMISED, False)
        self._first = True
        self._shown_key: tuple[Any, ...] | None = None
        self._busy: set[int] = set()
        self.last_result: FulfilResult | None = None
        self.pick_view: Any = None  # the PickView, once attached
        self.pick_host: QWidget | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages)
        queue_page = QWidget(self.pages)
        self.pages.addWidget(queue_page)
        layout = QVBoxLayout(queue_page)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(16)

        head = QHBoxLayout()
        head.setSpacing(12)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel(self.tr("Fulfil"), self)
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel("", self)
        self.subtitle.setObjectName("pageSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles)
        head.addStretch(1)
        self.method_filter = QComboBox(self)
        self.method_filter.setObjectName("methodFilter")
        for value, text in METHOD_CHOICES:
            self.method_filter.addItem(translated(text), value)
        self.method_filter.setToolTip(self.tr("Show one way of fulfilling only"))
        self.method_filter.setAccessibleName(self.tr("Method filter"))
        self.age_filter = QComboBox(self)
        self.age_filter.setObjectName("ageFilter")
        for span, text in AGE_CHOICES:
            self.age_filter.addItem(translated(text), span)
        self.age_filter.setToolTip(self.tr("Show orders placed at least this long ago"))
        self.age_filter.setAccessibleName(self.tr("Age filter"))
        self.service_filter = QComboBox(self)
        self.service_filter.setObjectName("serviceFilter")
        for service, text in SERVICE_CHOICES:
            self.service_filter.addItem(translated(text), service)
        self.service_filter.setToolTip(
            self.tr("Show one shipping service only (express: deliver fast)")
        )
        self.service_filter.setAccessibleName(self.tr("Shipping service filter"))
        for box in (self.method_filter, self.service_filter, self.age_filter):
            box.setMinimumHeight(40)
            box.setMinimumWidth(200)
            head.addWidget(box, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(head)

        tabs_row = QHBoxLayout()
        tabs_row.setSpacing(10)
        self.tabs: QueueTabs[FulfilTab] = QueueTabs(
            TABS,
            {tab: translated(title) for tab, title in TAB_TITLES.items()},
            {tab: translated(tip) for tab, tip in TAB_TIPS.items()},
            parent=self,
        )
        tabs_row.addWidget(self.tabs)
        tabs_row.addStretch(1)
        self.selection_label = QLabel("", self)
        self.selection_label.setObjectName("selectionLabel")
        self.selection_label.setProperty("muted", True)
        self.pick_selected = QPushButton(self.tr("Pick selected"), self)
        self.pick_selected.setObjectName("pickSelected")
        self.pick_selected.setToolTip(self.tr("Make one pick list for the selected open orders"))
        self.ship_selected = QPushButton(self.tr("Ship selected"), self)
        self.ship_selected.setObjectName("shipSelected")
        self.ship_selected.setIcon(theme.icon("truck", theme.INK))
        self.ship_selected.setToolTip(
            self.tr("Mark the selected labelled parcels as handed to the carrier")
        )
        for button in (self.pick_selected, self.ship_selected):
            button.setMinimumHeight(40)
        tabs_row.addWidget(self.selection_label, 0, Qt.AlignmentFlag.AlignVCenter)
        tabs_row.addWidget(self.pick_selected)
        tabs_row.addWidget(self.ship_selected)
        layout.addLayout(tabs_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(16)
        self.stack = QStackedWidget(self.splitter)
        self.table = QTableView(self.stack)
        self.table.setObjectName("fulfilTable")
        self.table.setAccessibleName(self.tr("Fulfil queue"))
        self.table.setAccessibleDescription(
            self.tr("Arrows move, Shift or Ctrl with Space selects several, Esc closes the order")
        )
        self.model = FulfilQueueModel(parent=self)
        self.table.setModel(self.model)
        self._setup_table()
        self.empty = empty_label(self.stack)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.detail = FulfilDetailPanel(self.splitter)
        self.detail.hide()
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        layout.addWidget(self.splitter, 1)

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(lambda: self.model.tick(_now()))
        self._reread = QTimer(self)
        self._reread.setInterval(REREAD_MS)
        self._reread.timeout.connect(self.refresh)

        self.tabs.tabChanged.connect(self._on_tab)
        self.method_filter.currentIndexChanged.connect(self._on_filter)
        self.age_filter.currentIndexChanged.connect(self._on_filter)
        self.service_filter.currentIndexChanged.connect(self._on_filter)
        self.model.sortRequested.connect(self._on_sort)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._on_current)
        self.table.clicked.connect(lambda index: self._on_current(index, QModelIndex()))
        selection.selectionChanged.connect(lambda *_: self._selection_changed())
        self.pick_selected.clicked.connect(self.pick_selection)
        self.ship_selected.clicked.connect(self.ship_selection)
        d = self.detail
        d.closed.connect(self.close_detail)
        d.pickRequested.connect(lambda view: self.start_pick([view.id]))
        d.receiveRequested.connect(self.receive)
        d.stageRequested.connect(self.stage)
        d.packRequested.connect(self.open_pack)
        d.buyLabelsRequested.connect(self.buy_labels)
        d.shipRequested.connect(lambda view: self.ship([view.id]))
        d.dispatchRequested.connect(self.dispatch)
        d.voidRequested.connect(self.void_labels)
        d.unpackRequested.connect(self.confirm_unpack)
        d.printLabelsRequested.connect(lambda view: self.print_document("labels", view))
        d.packingSlipRequested.connect(lambda view: self.print_document("packing_slip", view))
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.activated.connect(self.close_detail)
        self._selection_changed()

    def _setup_table(self) -> None:
        table = self.table
        setup_queue_table(
            table,
            row_height=ROW_HEIGHT,
            widths=WIDTHS,
            stretch=Column.CUSTOMER,
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
            sort_column=Column.PROMISED,
        )
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.express_delegate = ExpressBadgeDelegate(table)
        table.setItemDelegateForColumn(Column.METHOD, self.express_delegate)

    # --- wiring --------------------------------------------------------------------------

    def attach(self, station: Station, events: StationEvents, tasks: TaskManager) -> None:
        """Show ``station``'s back-room work, re-reading it whenever its data changes."""
        self.station, self.events, self.tasks = station, events, tasks
        events.dataChanged.connect(self.refresh)
        events.linkChanged.connect(lambda _link: self._reload_detail())
        events.sessionChanged.connect(self._on_session)
        self._tick.start()
        self._reread.start()
        view_class = _pick_view()
        if view_class is not None and self.pick_view is None:
            host = QWidget(self.pages)
            layout = QVBoxLayout(host)
            layout.setContentsMargins(28, 14, 28, 0)
            layout.setSpacing(0)
            back = QPushButton(self.tr("‹  Back to the queue"), host)
            back.setObjectName("backToQueue")
            back.setProperty("flat", True)
            back.setToolTip(self.tr("Leave the pick list (what is picked stays picked)"))
            back.clicked.connect(self._pick_finished)
            layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
            self.pick_view = view_class(station, tasks, host, events=events)
            layout.addWidget(self.pick_view, 1)
            self.pick_host = host
            self.pages.addWidget(host)
            self.pick_view.finished.connect(self._pick_finished)
            message = getattr(self.pick_view, "message", None)
            if message is not None:
                message.connect(self.message)

    def _on_session(self, session: object) -> None:
        """Someone else signed in (or nobody is): what they may do is different."""
        self._selection_changed()
        if session is None:
            self.close_detail()
        else:
            self._reload_detail()

    def set_store(self, code: str, tz: tzinfo) -> None:
        """The store's code (its bin labels) and time zone."""
        self.store_code = code
        self.tz = tz
        self.model.tz = tz
        self.model.tick(_now())

    @property
    def role(self) -> Role | None:
        """The signed-in staff member's role."""
        session = self.station.session if self.station is not None else None
        return None if session is None else session.role

    @property
    def tab(self) -> FulfilTab:
        """The tab shown."""
        return self._tab

    def set_tab(self, tab: FulfilTab) -> None:
        """Show ``tab`` (and read it)."""
        self.tabs.set_current(tab)
        self._on_tab(tab)

    def set_filters(
        self,
        method: FulfilMethod | None,
        min_age: timedelta | None = None,
        service: FulfilService | None = None,
    ) -> None:
        """Pick the method, age and shipping-service filters (as the combo boxes do)."""
        self.method_filter.setCurrentIndex(self.method_filter.findData(method))
        self.age_filter.setCurrentIndex(self.age_filter.findData(min_age))
        self.service_filter.setCurrentIndex(self.service_filter.findData(service))

    # --- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the shown tab again (with the filters and order on screen)."""
        if self.station is None or self.tasks is None or self.pages.currentIndex() != 0:
            return
        self._generation += 1
        generation = self._generation
        request = FulfilRequest(
            store_id=self.station.store_id,
            tab=self._tab,
            method=self._method,
            min_age=self._min_age,
            service=self._service,
            sort_column=self._sort[0],
            descending=self._sort[1],
        )
        now = _now()

        def job(conn: Connection) -> tuple[FulfilResult, Any]:
            return fetch(conn, request, now), queries.setting(conn, BOX_TYPES_SETTING)

        self.tasks.read(job, key="fulfil.queue", name="fulfil.fetch").then(
            lambda answer: self._apply(answer[0], answer[1], generation)
        )

    def _apply(self, result: FulfilResult, boxes: Any, generation: int) -> None:
        if generation != self._generation:
            return  # an older question; a newer answer is on its way
        self.box_types = box_types_from_setting(boxes)
        request = result.request
        key = (request.tab, request.method, request.min_age, request.service)
        if self._shown_key == key:
            update_keeping_scroll(self.table, self.model, result.rows, result.now, ROW_HEIGHT)
        else:
            self.model.reset(result.rows, result.now)
        self._shown_key = key
        self.last_result = result
        self.tabs.set_counts(result.counts)
        self._show_empty_state(result)
        self._subtitle(result)
        self._selection_changed()
        if self.detail.isVisible() and self.detail.order_number:
            self._reload_detail()
        self.refreshed.emit()
        if self._first:
            self._first = False
            self.loaded.emit()

    def _show_empty_state(self, result: FulfilResult) -> None:
        if result.rows:
            self.stack.setCurrentWidget(self.table)
            return
        tab = result.request.tab
        text = {
            "open": self.tr("Nothing new to pick, and no transfer on its way here."),
            "in_progress": self.tr("Nothing is being picked or waiting to be staged."),
            "packed": self.tr("No packed parcels are waiting for the carrier."),
        }[tab]
        if result.request.filtered:
            text = self.tr("No order in {tab} matches the filters.").format(
                tab=translated(TAB_TITLES[tab])
            )
            elsewhere = {t: n for t, n in result.counts.items() if n and t != tab}
            if elsewhere:
                found = ", ".join(
                    self.tr("{count} in {tab}").format(count=n, tab=translated(TAB_TITLES[t]))
                    for t, n in elsewhere.items()
                )
                text += "\n" + self.tr("Found: {found}.").format(found=found)
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def _subtitle(self, result: FulfilResult) -> None:
        counts = result.counts
        parts = [
            self.tr("{count} to start").format(count=counts.get("open", 0)),
            self.tr("{count} in progress").format(count=counts.get("in_progress", 0)),
            self.tr("{count} packed").format(count=counts.get("packed", 0)),
        ]
        if result.request.filtered:
            parts.insert(0, self.tr("Filtered"))
        if result.late:
            parts.append(self.tr("{count} late in this tab").format(count=result.late))
        self.subtitle.setText(" · ".join(parts))

    def _on_tab(self, tab: str) -> None:
        self._tab = tab  # type: ignore[assignment]
        self.refresh()

    def _on_filter(self, _index: int) -> None:
        self._method = self.method_filter.currentData()
        self._min_age = self.age_filter.currentData()
        self._service = self.service_filter.currentData()
        self.refresh()

    def _on_sort(self, column: int, descending: bool) -> None:
        if (column, descending) != self._sort:
            self._sort = (column, descending)
            self.refresh()

    # --- selection -----------------------------------------------------------------------

    def selected_rows(self) -> list[FulfilRow]:
        """The selected rows, top to bottom."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.row_at(r) for r in rows if 0 <= r < self.model.rowCount()]

    def _pickable(self, rows: Sequence[FulfilRow]) -> list[FulfilRow]:
        return [r for r in rows if r.status == "open" and not r.arrival and not r.pending]

    def _shippable(self, rows: Sequence[FulfilRow]) -> list[FulfilRow]:
        return [
            r
            for r in rows
            if r.status == "packed" and r.method == "ship_from_store" and r.labels and not r.pending
        ]

    def _selection_changed(self) -> None:
        rows = self.selected_rows()
        pick, ship = self._pickable(rows), self._shippable(rows)
        role = self.role
        self.selection_label.setText(
            self.tr("{count} selected").format(count=len(rows)) if len(rows) > 1 else ""
        )
        self.pick_selected.setVisible(self._tab == "open")
        self.ship_selected.setVisible(self._tab == "packed")
        self.pick_selected.setEnabled(bool(pick) and may_fulfil(role))
        self.pick_selected.setText(
            self.tr("Pick selected ({count})").format(count=len(pick))
            if pick
            else self.tr("Pick selected")
        )
        self.ship_selected.setEnabled(bool(ship) and may_fulfil(role))
        self.ship_selected.setText(
            self.tr("Ship selected ({count})").format(count=len(ship))
            if ship
            else self.tr("Ship selected")
        )
        if rows and not ship and self._tab == "packed":
            self.ship_selected.setToolTip(
                self.tr("Only parcels with shipping labels can be shipped")
            )
        else:
            self.ship_selected.setToolTip(
                self.tr("Mark the selected labelled parcels as handed to the carrier")
            )
        if len(rows) != 1 and self.detail.isVisible() and len(rows) > 1:
            self.close_detail()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or len(self.table.selectionModel().selectedRows()) > 1:
            return
        row = self.model.row_at(current.row())
        shown = self.detail.fulfillment
        if self.detail.isVisible() and shown is not None and shown.id == row.id:
            self._detail_generation += 1
            return
        self.open_order(row.order_number, row.id)

    def select(self, fulfillment_id: int) -> bool:
        """Select the row of a fulfillment (alone); whether it is in the tab shown."""
        row = self.model.row_of(fulfillment_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    # --- the panel -----------------------------------------------------------------------

    def open_order(
        self,
        order_number: str,
        preferred: int | None = None,
        then: Callable[[Opened], None] | None = None,
    ) -> None:
        """Show an order's back-room fulfillment here (``preferred`` first) in the panel."""
        if self.station is None or self.tasks is None:
            return
        here = self.station.store_id
        self._detail_generation += 1
        generation = self._detail_generation

        def job(conn: Connection) -> Opened:
            detail = queries.order_detail(conn, order_number)
            if detail is None:
                return Opened(order_number, None, None, None)
            ours = [
                (v, tab_of(v.status, v.method, v.store_id, v.destination_store_id, here))
                for v in detail.fulfillments
            ]
            ours = [(v, t) for v, t in ours if t is not None]
            chosen = next((p for p in ours if p[0].id == preferred), ours[0] if ours else None)
            if chosen is None:
                return Opened(order_number, detail, None, None)
            return Opened(order_number, detail, chosen[0], chosen[1])

        def shown(found: Opened) -> None:
            if generation != self._detail_generation:
                return
            if found.view is not None and found.detail is not None:
                self._show_detail(found.detail, found.view)
            if then is not None:
                then(found)

        self.tasks.read(job, name="fulfil.open").then(shown)

    def _show_detail(self, detail: OrderDetail, view: FulfillmentView) -> None:
        station = self.station
        if station is None:
            return
        self.detail.show_fulfillment(
            detail,
            view,
            here=station.store_id,
            role=self.role,
            tz=self.tz,
            online=station.link.online,
        )
        self.detail.set_busy(view.id in self._busy)
        self.detail.show()
        self._fit_columns()
        self.opened.emit(detail.order_number)

    def _reload_detail(self) -> None:
        shown = self.detail.fulfillment
        if shown is not None and self.detail.isVisible():
            self.open_order(str(shown.doc["order_number"]), shown.id)

    def close_detail(self) -> None:
        """Close the panel."""
        self._detail_generation += 1
        self.detail.hide()
        self.detail.clear()
        self._fit_columns()

    def _fit_columns(self) -> None:
        for column in IN_PANEL:
            self.table.setColumnHidden(column, self.detail.isVisible())

    # --- commands ------------------------------------------------------------------------

    def _queue(
        self,
        name: CommandName,
        targets: Sequence[tuple[int, int]],
        args: Mapping[str, Any] | Callable[[int], Mapping[str, Any]],
        *,
        done: str,
        failed: str,
        on_done: Callable[[list[outbox.OutboxEntry]], None] | None = None,
    ) -> None:
        """Queue ``name`` for each ``(fulfillment id, version)`` in one write (all or none),
        with its predicted effect; wake the push loop."""
        station, tasks = self.station, self.tasks
        session = station.session if station is not None else None
        if station is None or tasks is None or session is None or not targets:
            return
        ids = [fid for fid, _ in targets]
        if self._busy.intersection(ids):
            return
        self._busy.update(ids)
        shown = self.detail.fulfillment
        if shown is not None and shown.id in ids:
            self.detail.set_busy(True)
        now = _now()

        def job(conn: Connection) -> list[outbox.OutboxEntry]:
            entries = []
            for fid, version in targets:
                entries.append(
                    outbox.enqueue(
                        conn,
                        name=name,
                        target_kind=TargetKind.FULFILLMENT,
                        target_key=str(fid),
                        base_version=version,
                        staff_id=session.staff_id,
                        approved_by=None,
                        args=args(fid) if callable(args) else args,
                        now=now,
                    )
                )
            return entries

        def finish() -> None:
            self._busy.difference_update(ids)
            if shown is not None and shown.id in ids:
                self.detail.set_busy(False)

        def queued(entries: list[outbox.OutboxEntry]) -> None:
            finish()
            station.kick()
            if self.events is not None:
                self.events.outboxChanged.emit()
                self.events.changed()
            self.message.emit(done, "info")
            self.queued.emit(name.value, len(entries))
            if on_done is not None:
                on_done(entries)

        def refused(exc: BaseException) -> None:
            finish()
            if not isinstance(exc, DomainError):
                raise exc
            self.message.emit(f"{failed}: {error_text(exc)}", "bad")
            self._reload_detail()

        tasks.write(job, name=name.value.replace("_", " ")).then(queued, refused)

    def _number(self, view: FulfillmentView) -> str:
        return str(view.doc["order_number"])

    def receive(self, view: FulfillmentView) -> None:
        """Queue ``receive_transfer``: the transfer arrived here; then stage it."""
        number = self._number(view)

        def received(_entries: list[outbox.OutboxEntry]) -> None:
            self.open_order(number, view.id)

        self._queue(
            CommandName.RECEIVE_TRANSFER,
            [(view.id, view.version)],
            {},
            done=self.tr("{number} received: put it in a bin and scan the bin label.").format(
                number=number
            ),
            failed=self.tr("{number} was not received").format(number=number),
            on_done=received,
        )

    def stage(self, view: FulfillmentView, text: str) -> None:
        """Queue ``mark_ready`` in the bin scanned or typed: the order goes to the counter's
        Ready tab (and the server tells the customer)."""
        number = self._number(view)
        try:
            bin_name = parse_bin(text, self.store_code)
        except InvalidCode as exc:
            why = self.tr("“{text}” is no bin here: {why}.").format(
                text=text.strip(), why=bad_scan_detail(exc.reason) or exc.reason
            )
            self.message.emit(why, "warn")
            self.scanProblem.emit(why)
            return

        def staged(_entries: list[outbox.OutboxEntry]) -> None:
            self.detail.bin_edit.clear()
            self.close_detail()

        self._queue(
            CommandName.MARK_READY,
            [(view.id, view.version)],
            {"bin": bin_name},
            done=self.tr("{number} is ready for pickup in bin {bin}.").format(
                number=number, bin=bin_name
            ),
            failed=self.tr("{number} was not staged").format(number=number),
            on_done=staged,
        )

    def open_pack(self, view: FulfillmentView) -> PackDialog:
        """Open the pack dialog for a parcel being picked."""
        number = self._number(view)
        units = sum(
            int(x["quantity"]) - int(x["rejected"]) - int(x["refused"])
            for x in view.doc.get("lines", [])
        )
        dialog = PackDialog(number, units, self.box_types, self)
        dialog.setModal(True)
        dialog.accepted.connect(lambda: self.pack(view, dialog.boxes))
        dialog.finished.connect(dialog.deleteLater)
        self.pack_dialog = dialog
        dialog.open()
        return dialog

    def pack(self, view: FulfillmentView, boxes: list[dict[str, Any]]) -> None:
        """Queue ``pack`` with the boxes."""
        number = self._number(view)
        count = len(boxes)
        self._queue(
            CommandName.PACK,
            [(view.id, view.version)],
            {"boxes": boxes},
            done=self.tr("{number} packed in %n box(es): buy its labels.", "", count).format(
                number=number
            ),
            failed=self.tr("{number} was not packed").format(number=number),
        )

    def ship(self, ids: Sequence[int]) -> None:
        """Queue ``ship`` for labelled packed parcels (one or many), under their labels'
        carrier and first tracking number."""
        if self.tasks is None:
            return
        wanted = list(ids)

        def job(conn: Connection) -> list[FulfillmentView]:
            found: list[FulfillmentView] = []
            for fid in wanted:
                row = conn.exec_driver_sql(
                    "SELECT order_number FROM v_fulfillments WHERE id = ?", (fid,)
                ).scalar()
                detail = queries.order_detail(conn, str(row)) if row is not None else None
                found.extend(v for v in (detail.fulfillments if detail else []) if v.id == fid)
            return found

        self.tasks.read(job, name="fulfil.ship").then(self._ship_views)

    def _ship_views(self, views: list[FulfillmentView]) -> None:
        ready = [(v, active_labels(v.doc.get("labels") or [])) for v in views]
        labelled = [(v, labels) for v, labels in ready if labels and v.status == "packed"]
        skipped = len(views) - len(labelled)
        if not labelled:
            self.message.emit(
                self.tr("Buy the shipping labels first: nothing was shipped."), "warn"
            )
            return
        by_id = {v.id: labels[0] for v, labels in labelled}

        def args(fid: int) -> Mapping[str, Any]:
            label = by_id[fid]
            return {"carrier": str(label["carrier"]), "tracking": str(label["tracking"])}

        numbers = [self._number(v) for v, _ in labelled]
        if len(numbers) == 1:
            done = self.tr("{number} shipped.").format(number=numbers[0])
        else:
            done = self.tr("%n parcel(s) shipped.", "", len(numbers))
        if skipped:
            done += " " + self.tr("%n without labels stayed.", "", skipped)
        self._queue(
            CommandName.SHIP,
            [(v.id, v.version) for v, _ in labelled],
            args,
            done=done,
            failed=self.tr("Nothing was shipped"),
            on_done=lambda _entries: self.close_detail(),
        )

    def dispatch(self, view: FulfillmentView) -> None:
        """Queue ``dispatch_transfer`` for a labelled packed transfer out, under its first
        active label's tracking number."""
        labels = active_labels(view.doc.get("labels") or [])
        if view.status != "packed" or view.method != "ship_to_store" or not labels:
            self.message.emit(
                self.tr("Buy the shipping label first: nothing was dispatched."), "warn"
            )
            return
        number = self._number(view)
        self._queue(
            CommandName.DISPATCH_TRANSFER,
            [(view.id, view.version)],
            {"tracking": str(labels[0]["tracking"])},
            done=self.tr("{number} dispatched to its store.").format(number=number),
            failed=self.tr("{number} was not dispatched").format(number=number),
            on_done=lambda _entries: self.close_detail(),
        )

    def ship_selection(self) -> None:
        """Ship the selected labelled parcels (bulk)."""
        rows = self._shippable(self.selected_rows())
        if rows:
            self.ship([r.id for r in rows])

    def confirm_unpack(self, view: FulfillmentView) -> None:
        """Ask why, then queue ``unpack`` (a lead or a manager)."""
        if self.role not in COMMANDS[CommandName.UNPACK].roles:
            self.message.emit(self.tr("Only a lead or a manager may unpack a parcel."), "warn")
            return
        reasons = reasons_for(ReasonKind.UNPACK)
        labels = [reason_label(r.label) for r in reasons]
        number = self._number(view)
        dialog = QInputDialog(self)
        dialog.setObjectName("unpackDialog")
        dialog.setWindowTitle(self.tr("Unpack {number}").format(number=number))
        dialog.setLabelText(
            self.tr("Why is {number} unpacked? Its boxes are forgotten.").format(number=number)
        )
        dialog.setComboBoxItems(labels)
        dialog.setOkButtonText(self.tr("Unpack"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.setModal(True)

        def chosen() -> None:
            text = dialog.textValue()
            reason = next(
                (r.code for r, label in zip(reasons, labels, strict=True) if label == text),
                reasons[0].code,
            )
            self._queue(
                CommandName.UNPACK,
                [(view.id, view.version)],
                {"reason": reason},
                done=self.tr("{number} unpacked: pack it again.").format(number=number),
                failed=self.tr("{number} was not unpacked").format(number=number),
            )

        dialog.accepted.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        self.unpack_dialog = dialog
        dialog.open()

    # --- picking -------------------------------------------------------------------------

    def pick_selection(self) -> None:
        """Pick the selected open orders (one pick list)."""
        rows = self._pickable(self.selected_rows())
        if rows:
            self.start_pick([r.id for r in rows])

    def start_pick(self, ids: list[int]) -> None:
        """Hand the open fulfillments to the pick view with the signed-in picker; without a
        pick view, start picking them (so they move to In progress)."""
        station = self.station
        session = station.session if station is not None else None
        if session is None or not ids:
            return
        view, host = self.pick_view, self.pick_host
        if view is not None and host is not None:
            self.close_detail()
            self.pages.setCurrentWidget(host)
            view.start(ids, None)
            return
        rows = {r.id: r for r in self.model.rows}
        targets = [(fid, rows[fid].version) for fid in ids if fid in rows]
        count = len(targets)
        self._queue(
            CommandName.START_PICKING,
            targets,
            {},
            done=self.tr("Picking %n order(s): find them In progress.", "", count),
            failed=self.tr("Picking did not start"),
        )

    def _pick_finished(self, *_args: Any) -> None:
        self.pages.setCurrentIndex(0)
        self.refresh()

    # --- labels --------------------------------------------------------------------------

    def _label_client(self) -> ServerClient | None:
        station = self.station
        if station is None:
            return None
        return ServerClient(station.enrolment.server_url, timeout=LABEL_TIMEOUT)

    def buy_labels(self, view: FulfillmentView) -> None:
        """Buy a label per box from the carrier (online, on the network pool)."""
        number, key = self._number(view), str(uuid.uuid4())
        self._label_call(
            view,
            name="buy labels",
            offline=self.tr("No labels for {number} yet.").format(number=number)
            + " "
            + self._labels_offline(),
            call=lambda client, token: len(client.buy_labels(view.id, key, staff_token=token)),
            done=lambda count: self.tr(
                "%n label(s) bought for {number}: print them, then ship.", "", count
            ).format(number=number),
            refused=self.tr("No labels for {number}").format(number=number),
            signal=self.labelsBought,
        )

    def void_labels(self, view: FulfillmentView) -> None:
        """Void the parcel's active labels (a lead or above; online)."""
        number = self._number(view)
        trackings = [str(x["tracking"]) for x in active_labels(view.doc.get("labels") or [])]

        def void(client: ServerClient, token: str | None) -> int:
            for tracking in trackings:
                client.void_label(tracking, staff_token=token)
            return len(trackings)

        self._label_call(
            view,
            name="void labels",
            offline=self.tr("The labels of {number} stay valid for now.").format(number=number)
            + " "
            + self._labels_offline(),
            call=void,
            done=lambda count: self.tr(
                "%n label(s) of {number} voided: do not use them.", "", count
            ).format(number=number),
            refused=self.tr("The labels of {number} were not voided").format(number=number),
            signal=self.labelsVoided,
        )

    def _label_call(
        self,
        view: FulfillmentView,
        *,
        name: str,
        offline: str,
        call: Callable[[ServerClient, str | None], int],
        done: Callable[[int], str],
        refused: str,
        signal: SignalInstance,
    ) -> None:
        """Run ``call(client, staff token)`` (it returns how many labels it handled) on the
        network pool while the detail is busy; online only, else ``offline`` is shown. Then
        ``done(2)`` (the labels handled) is shown, ``signal`` emitted with the fulfillment
        id and the station kicked; a refusal is shown after ``refused`` and the detail re-read."""
        station, tasks = self.station, self.tasks
        session = station.session if station is not None else None
        if station is None or tasks is None or session is None or view.id in self._busy:
            return
        if not station.link.online:
            self.message.emit(offline, "warn")
            return
        token = session.token
        self._busy.add(view.id)
        self.detail.set_busy(True)

        def job() -> int:
            client = self._label_client()
            assert client is not None
            try:
                return call(client, token)
            finally:
                client.close()

        def finished(count: int) -> None:
            self._busy.discard(view.id)
            self.detail.set_busy(False)
            self.message.emit(done(count), "info")
            signal.emit(view.id)
            station.kick()

        def failed(exc: BaseException) -> None:
            self._busy.discard(view.id)
            self.detail.set_busy(False)
            if not isinstance(exc, SyncError):
                raise exc
            self.message.emit(
                f"{refused}: {self._sync_words(exc)}",
                "bad",
            )
            self._reload_detail()

        tasks.run(job, name=name).then(finished, failed)

    def _labels_offline(self) -> str:
        """:data:`LABELS_OFFLINE` in the station's language."""
        return self.tr(
            "Labels need the network: the station is offline. "
            "Pack now and buy the label when it is back."
        )

    def _sync_words(self, exc: SyncError) -> str:
        """A label call's error in the station's language where the station wrote it;
        the server's own words (a refusal's reason) as they came."""
        if exc.message == LABELS_OFFLINE:
            return self._labels_offline()
        if exc.message == LABELS_NEED_SIGN_IN:
            return self.tr(
                "Labels are bought online in your name: sign in again with your PIN while "
                "the station is online."
            )
        return exc.message

    def print_document(self, kind: str, view: FulfillmentView) -> None:
        """Print the parcel's labels or its packing slip (with a preview), or save a PDF."""
        from desktop_oms.gui.fulfil import documents

        documents.print_document(self, kind, view)

    # --- scans ---------------------------------------------------------------------------

    def _picking(self) -> Any:
        """The pick view while it is shown (it takes the scans then), else None."""
        shown = self.pick_host is not None and self.pages.currentWidget() is self.pick_host
        return self.pick_view if shown else None

    def accepts(self, kind: ScanKind) -> bool:
        """Order codes (receive or open), and bin labels while a fulfillment to stage is shown;
        while picking, what the pick view takes."""
        if (picking := self._picking()) is not None:
            return bool(picking.accepts(kind))
        if kind is ScanKind.ORDER:
            return True
        return kind is ScanKind.BIN and self.detail.stageable

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """A scan of an accepted kind with the fulfil page in front."""
        if (picking := self._picking()) is not None:
            picking.handle(scan, code)
            return
        if self.station is None or self.tasks is None:
            raise ScanRefused(self.tr("The station is still starting — scan again in a moment"))
        if isinstance(code, BinCode):
            view = self.detail.fulfillment
            if view is None or not self.detail.stage_button.isEnabled():
                raise ScanRefused(
                    self.detail.why.text() or self.tr("This order cannot be staged now")
                )
            if self.store_code is not None and code.store_code != self.store_code:
                raise ScanRefused(
                    self.tr("That bin label belongs to store {store}").format(store=code.store_code)
                )
            self.stage(view, code.bin)
            return
        if isinstance(code, OrderCode):
            self.scan_order(code.order_number)
            return
        raise ScanRefused(self.tr("The fulfil page takes order codes and bin labels"))

    def scan_order(self, order_number: str) -> None:
        """An order scanned here: receive its transfer if it is on its way here, else open
        its back-room work; an order with none is opened at the counter."""

        def found(opened: Opened) -> None:
            view = opened.view
            if opened.detail is None:
                text = self.tr("Order {number} is not at this store.").format(number=order_number)
                self.message.emit(text, "warn")
                self.scanProblem.emit(text)
            elif view is None:
                self.openElsewhere.emit(order_number)
            elif view.status == "in_transit" and self.detail.receive_button.isEnabled():
                self._show_tab_of(opened)
                self.receive(view)
            else:
                self._show_tab_of(opened)

        self.open_order(order_number, then=found)

    def _show_tab_of(self, opened: Opened) -> None:
        if opened.tab is not None and opened.tab != self._tab:
            self.set_tab(opened.tab)

    # --- test and screenshot helpers -----------------------------------------------------

    def visible_orders(self) -> list[str]:
        """The order numbers in the table, top to bottom."""
        return [r.order_number for r in self.model.rows]

    def counts(self) -> dict[str, int]:
        """The counts shown on the tabs."""
        return {tab: int(b.count.text().replace(",", "")) for tab, b in self.tabs.buttons.items()}

    def is_valid(self) -> bool:
        """Whether the view's C++ side still exists."""
        return shiboken6.isValid(self)
