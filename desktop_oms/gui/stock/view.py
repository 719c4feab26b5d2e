"""The Stock page: search the catalogue as you type or scan a product, and see its stock
here and at nearby stores (issue #7). Every role may use it.

Each keystroke in the search field asks the database worker for the hits
(:func:`desktop_oms.cache.stock.search`) under one task key, so a search still waiting is
replaced by the newer one and the table only ever shows the latest text's hits. Opening a
product (Enter or a click on a hit, a scan, "Open in Stock" on the product panel) reads it
in full (:func:`desktop_oms.cache.stock.product_detail`). Everything comes from the
station's cache, so the page works offline; a banner then says so and since when the
figures are, and every figure says how old it is.

Keys: Down in the search field moves into the results, Enter opens the selected hit (the
first one from the search field), Esc clears the search (from the results: back to the
search field).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.cache import state, stock
from desktop_oms.cache.stock import ProductDetail, SearchResult
from desktop_oms.domain.identifiers import DecodedCode, Gs1Code, GtinCode
from desktop_oms.gui import theme
from desktop_oms.gui.banner import warn_banner
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.numbers import grouped
from desktop_oms.gui.productpanel import code_text
from desktop_oms.gui.queuetable import empty_label, setup_queue_table
from desktop_oms.gui.station import Station, StationEvents
from desktop_oms.gui.stock.detail import ProductDetailPanel
from desktop_oms.gui.stock.model import SKU_ROLE, Column, StockResultsModel
from desktop_oms.gui.stock.timewords import as_of
from desktop_oms.gui.tasks import TaskManager
from desktop_oms.scanner.router import ScanRefused
from desktop_oms.scanner.scan import Scan, ScanKind
from desktop_oms.sync.progress import Phase, Progress
from desktop_oms.sync.runner import LinkState

ROW_HEIGHT = 48
WIDTHS = {Column.SKU: 116, Column.DEPARTMENT: 112, Column.PRICE: 90, Column.HERE: 66}
#: How often the ages ("3 min ago") and the stores' open/closed state are brought up to date.
TICK_MS = 30_000
#: Online but not synced for this long: the banner warns that figures may be out of date
#: (a live station syncs at least every half minute, even when nothing changed).
STALE_AFTER = timedelta(minutes=10)

#: The page's own looks (the application stylesheet has the shared ones).
STYLE = f"""
QLabel#stockProductName {{ font-size: 22px; font-weight: 700; color: {theme.INK}; }}
QLabel#stockPrice {{ font-size: 22px; font-weight: 700; color: {theme.INK}; }}
QLabel#stockCode {{ font-size: 15px; font-family: "DejaVu Sans Mono", "Consolas", monospace; }}
QLabel#stockAtp {{ font-size: 60px; font-weight: 800; color: {theme.INK}; }}
QLabel#stockAtp[level="ok"] {{ color: {theme.OK}; }}
QLabel#stockAtp[level="warn"] {{ color: {theme.WARN}; }}
QLabel#stockAtp[level="bad"] {{ color: {theme.BAD}; }}
QLabel#stockAtp[level="muted"] {{ color: {theme.FAINT}; }}
QLabel#stockAtpCaption {{ font-size: 15px; font-weight: 600; color: {theme.MUTED}; }}
QLabel#stockFigure {{ font-size: 19px; font-weight: 700; color: {theme.INK}; }}
QLabel#stockPendingNote {{ color: #1D4ED8; font-size: 14px; }}
QLabel#stockGridHead {{
    color: {theme.MUTED}; font-size: 12px; font-weight: 700;
    border-bottom: 1px solid #E2E6EC; padding: 4px 0 6px 0;
}}
QLabel#stockGridCell {{ font-size: 15px; padding: 8px 0; border-bottom: 1px solid #EEF1F4; }}
QLabel#stockGridFigure {{
    font-size: 16px; font-weight: 700; padding: 8px 0; border-bottom: 1px solid #EEF1F4;
}}
QLabel#stockGridFigure[level="ok"] {{ color: {theme.OK}; }}
QLabel#stockGridFigure[level="warn"] {{ color: {theme.WARN}; }}
QLabel#stockGridFigure[level="bad"] {{ color: {theme.BAD}; }}
QLabel#stockHitCount {{ color: {theme.MUTED}; font-size: 14px; }}
QLabel#stockOfflineText {{ color: #92400E; font-size: 14px; }}
QLabel#stockPlaceholder {{ color: {theme.MUTED}; font-size: 16px; }}
"""


#: The results area before anything is typed.
EMPTY_HINT = QT_TRANSLATE_NOOP(
    "StockView", "Type to search the catalogue:\nname, SKU, barcode, brand, colour or size."
)


def _now() -> datetime:
    return datetime.now(UTC)


def hit_count_text(result: SearchResult) -> str:
    """``1 product``, ``214 products``, ``More than 1,000 products — showing the first 50``."""
    shown = len(result.hits)
    if result.more:
        return QCoreApplication.translate(
            "StockView", "More than {total} products — showing the first {shown}"
        ).format(total=grouped(result.total), shown=shown)
    if result.total > shown:
        return QCoreApplication.translate(
            "StockView", "{total} products — showing the first {shown}"
        ).format(total=grouped(result.total), shown=shown)
    if result.total == 1:
        return QCoreApplication.translate("StockView", "1 product")
    return QCoreApplication.translate("StockView", "{total} products").format(
        total=grouped(result.total)
    )


class StockView(QWidget):
    """Stock lookup.

    Signals: ``searched(object)`` with the :class:`SearchResult` just shown in the table;
    ``productOpened(object)`` with the :class:`ProductDetail` just shown; ``scanProblem(str)``
    when a scanned code names no product; ``message(str, str)`` text and level for the
    window to show.
    """

    scan_target_name = "Stock"

    searched = Signal(object)
    productOpened = Signal(object)  # noqa: N815
    scanProblem = Signal(str)  # noqa: N815
    message = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stockView")
        self.setStyleSheet(STYLE)
        self.station: Station | None = None
        self.events: StationEvents | None = None
        self.tasks: TaskManager | None = None
        self.tz: tzinfo = UTC
        self.store_code = ""
        self.link: LinkState | None = None
        self.last_result: SearchResult | None = None
        self.last_sync_at: str | None = None
        self._stale = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(14)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel(self.tr("Stock"), self)
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel(self.tr("Search the catalogue or scan a product"), self)
        self.subtitle.setObjectName("pageSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        self.age = QLabel("", self)
        self.age.setProperty("faint", True)
        self.age.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.age.setFixedWidth(440)  # its text changes: its width must not move the layout
        head.addWidget(self.age, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(head)

        self.banner, self.banner_text, _ = warn_banner(self, "stockOffline", "stockOfflineText")
        layout.addWidget(self.banner)

        search_row = QHBoxLayout()
        search_row.setSpacing(14)
        self.search = QLineEdit(self)
        self.search.setObjectName("stockSearch")
        self.search.setPlaceholderText(
            self.tr("Search by name, SKU, barcode, brand, colour, size…")
        )
        self.search.setAccessibleName(self.tr("Search products"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(
            theme.icon("search", theme.FAINT), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search.setMinimumWidth(420)
        self.search.textChanged.connect(self._on_text)
        self.search.installEventFilter(self)
        search_row.addWidget(self.search, 3)
        self.hit_count = QLabel("", self)
        self.hit_count.setObjectName("stockHitCount")
        # its text changes with every keystroke: its width must not re-lay the page out
        self.hit_count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        search_row.addWidget(self.hit_count, 2)
        self.keys_hint = QLabel(self.tr("↓ results · Enter opens · Esc clears"), self)
        self.keys_hint.setProperty("faint", True)
        search_row.addWidget(self.keys_hint, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(search_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(18)
        self.results = QStackedWidget(self.splitter)
        self.table = QTableView(self.results)
        self.table.setObjectName("stockTable")
        self.table.setAccessibleName(self.tr("Products found"))
        self.model = StockResultsModel(self)
        self.table.setModel(self.model)
        setup_queue_table(self.table, row_height=ROW_HEIGHT, widths=WIDTHS, stretch=Column.NAME)
        self.table.setAlternatingRowColors(False)
        # variants share a long brand-and-product start: keep both ends of a name in view
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # the department is on the detail card; its room goes to the names (CSV keeps it)
        self.table.setColumnHidden(Column.DEPARTMENT, True)
        self.table.clicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.installEventFilter(self)
        self.empty = empty_label(self.results)
        self.results.addWidget(self.table)
        self.results.addWidget(self.empty)
        self.detail_stack = QStackedWidget(self.splitter)
        self.placeholder = QLabel(
            self.tr(
                "Scan a product, or type a name, SKU or barcode above.\n"
                "Its stock here and in nearby stores shows here."
            ),
            self.detail_stack,
        )
        self.placeholder.setObjectName("stockPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.detail = ProductDetailPanel(self.detail_stack)
        self.detail_stack.addWidget(self.placeholder)
        self.detail_stack.addWidget(self.detail)
        self.splitter.addWidget(self.results)
        self.splitter.addWidget(self.detail_stack)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([600, 580])
        layout.addWidget(self.splitter, 1)
        self._show_empty(self.tr(EMPTY_HINT))

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)

    # --- wiring --------------------------------------------------------------------------

    def attach(self, station: Station, events: StationEvents, tasks: TaskManager) -> None:
        """Read from ``station``'s cache; follow its link and data changes."""
        self.station, self.events, self.tasks = station, events, tasks
        events.linkChanged.connect(self.set_link)
        events.dataChanged.connect(self._on_data)
        events.progress.connect(self._on_progress)
        link = station.link
        if link.online or link.error:
            self.set_link(link)
        self._tick.start()

    def set_store(self, code: str, tz: tzinfo) -> None:
        """The station's store code and time zone (times show in it)."""
        self.store_code, self.tz = code, tz
        self._update_age()

    def page_shown(self) -> None:
        """The page came to the front: bring it up to date and put the cursor in the search."""
        if self._stale:
            self._on_data()
        self._read_synced()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- search --------------------------------------------------------------------------

    def search_for(self, text: str) -> None:
        """Search for ``text`` as if typed (the top bar's field hands text over)."""
        self.search.setText(text)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_text(self, text: str) -> None:
        self.run_search(text)

    def run_search(self, text: str) -> None:
        """Ask the database worker for the hits of ``text`` (replacing a search waiting)."""
        if not text.strip():
            self.last_result = None
            self.model.set_hits([])
            self.hit_count.setText("")
            self._show_empty(self.tr(EMPTY_HINT))
            return
        if self.tasks is None or self.station is None:
            return
        store_id = self.station.store_id
        self.tasks.read(
            lambda conn: stock.search(conn, text, store_id), key="stock.search", name="stock search"
        ).then(self._show_results, self._failed)

    def _show_results(self, result: SearchResult) -> None:
        if result.text != self.search.text():
            return  # typed on meanwhile: the newer search answers next
        self.last_result = result
        self.last_sync_at = result.last_sync_at
        current = self._selected_sku()
        self.model.set_hits(result.hits)
        if result.hits:
            self.results.setCurrentWidget(self.table)
            row = self.model.row_of(current) if current is not None else None
            if row is not None:
                self.table.selectRow(row)
        else:
            self._show_empty(
                self.tr(
                    "No product matches “{text}”.\n"
                    "Check the spelling, or try fewer or shorter words."
                ).format(text=result.text.strip())
            )
        self.hit_count.setText(hit_count_text(result) if result.hits else self.tr("No matches"))
        self._update_age()
        self.searched.emit(result)

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.results.setCurrentWidget(self.empty)

    def _selected_sku(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = self.model.data(index, SKU_ROLE)
        return str(value) if value is not None else None

    # --- a product -----------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_sku(self.model.hit_at(index.row()).sku)

    def open_sku(self, sku: str) -> None:
        """Show the product ``sku`` in full."""
        if self.tasks is None or self.station is None:
            return
        store_id = self.station.store_id
        self.tasks.read(
            lambda conn: stock.product_detail(conn, sku, store_id),
            key="stock.detail",
            name="stock detail",
        ).then(lambda found: self._show_detail(found, sku), self._failed)

    def _show_detail(self, detail: ProductDetail | None, sku: str = "") -> None:
        if detail is None:
            self.message.emit(
                self.tr("Product {sku} is no longer in the catalogue.").format(sku=sku), "warn"
            )
            return
        self.last_sync_at = detail.last_sync_at
        self.detail.show_detail(detail, self.store_code, self.tz)
        self.detail_stack.setCurrentWidget(self.detail)
        row = self.model.row_of(detail.product.sku)
        if row is not None and self.table.currentIndex().row() != row:
            self.table.selectRow(row)
        self._update_age()
        self.productOpened.emit(detail)

    def _failed(self, exc: BaseException) -> None:
        self.message.emit(
            self.tr("The stock could not be read from this PC's cache: {error}").format(error=exc),
            "bad",
        )

    # --- scans ---------------------------------------------------------------------------

    def accepts(self, kind: ScanKind) -> bool:
        """Product barcodes (GTIN, UPC-E, GS1, the store's own codes) open the product."""
        return kind is ScanKind.PRODUCT

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """Look the scanned product up; a code no product has is a bad scan, said why."""
        if not isinstance(code, GtinCode | Gs1Code):
            raise ScanRefused(self.tr("Scan a product barcode here"))
        if self.tasks is None or self.station is None:
            raise ScanRefused(self.tr("The station is still starting — scan again in a moment"))
        raw, store_id = scan.text, self.station.store_id

        def shown(found: ProductDetail | None) -> None:
            if found is None:
                self.scanProblem.emit(
                    self.tr("No product has this barcode: {code}").format(code=code_text(code))
                )
                return
            self._show_detail(found)

        self.tasks.read(
            lambda conn: stock.lookup(conn, raw, store_id), key="stock.detail", name="stock scan"
        ).then(shown, self._failed)

    # --- live: link, data, time ----------------------------------------------------------

    def set_link(self, link: LinkState) -> None:
        """Online or not: offline, a banner says the figures come from the cache."""
        self.link = link
        self._update_age()

    @property
    def offline(self) -> bool:
        """Whether the server is known not to answer."""
        return self.link is not None and not self.link.online

    def _on_data(self) -> None:
        """The cache changed (a sync, a command): re-read what is on show."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        if self.search.text().strip():
            self.run_search(self.search.text())
        if self.detail.detail is not None and self.detail_stack.currentWidget() is self.detail:
            self.open_sku(self.detail.detail.product.sku)

    def _on_progress(self, progress: Progress) -> None:
        """A pull ended (with changes or not): the cache is now as of then."""
        if progress.phase is Phase.PULL and self.isVisible():
            self._read_synced()

    def _read_synced(self) -> None:
        if self.tasks is None:
            return
        self.tasks.read(
            lambda conn: state.get(conn, state.Key.LAST_SYNC_AT),
            key="stock.synced",
            name="stock last sync",
        ).then(self._show_synced)

    def _show_synced(self, last_sync_at: str | None) -> None:
        if last_sync_at is not None:
            self.last_sync_at = last_sync_at
        self._update_age()

    def _on_tick(self) -> None:
        if not self.isVisible():
            return
        if self.detail.detail is not None:  # opening hours and open/closed move with time
            self.open_sku(self.detail.detail.product.sku)
        self._read_synced()

    def _update_age(self) -> None:
        now = _now()
        age = as_of(self.last_sync_at, now, self.tz) if self.last_sync_at else ""
        self.age.setText(self.tr("Stock figures {age}").format(age=age) if age else "")
        self.detail.refresh_age(now, self.last_sync_at)
        synced = stock.parse_utc(self.last_sync_at)
        if self.offline:
            text = (
                self.tr(
                    "<b>Offline — working from this station's cache.</b> Figures are {age}. "
                    "Lookups and searches still work; the figures update when the server is back."
                )
                if age
                else self.tr(
                    "<b>Offline — working from this station's cache.</b> Lookups and searches "
                    "still work; the figures update when the server is back."
                )
            )
            self.banner_text.setText(text.format(age=age))
            self.banner.show()
        elif synced is not None and now - synced > STALE_AFTER:
            self.banner_text.setText(
                self.tr(
                    "<b>Stock figures may be out of date</b> — they are {age}: this station "
                    "has not heard from the server since. Check with a colleague before "
                    "promising the last units."
                ).format(age=age)
            )
            self.banner.show()
        else:
            self.banner.hide()

    # --- keys ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Down from the search into the results, Enter opens, Esc clears or goes back."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if watched is self.search:
            if key == Qt.Key.Key_Down and self.model.rowCount() > 0:
                self.results.setCurrentWidget(self.table)
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                current = self.table.currentIndex()
                if not current.isValid():
                    self.table.setCurrentIndex(self.model.index(0, Column.NAME))
                    self.table.selectRow(0)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.model.rowCount() > 0:
                current = self.table.currentIndex()
                row = current.row() if current.isValid() else 0
                self.table.selectRow(row)
                self.open_sku(self.model.hit_at(row).sku)
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
            return False
        if watched is self.table:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.table.currentIndex()
                if current.isValid():
                    self.open_sku(self.model.hit_at(current.row()).sku)
                return True
            if key == Qt.Key.Key_Escape:
                self.search.setFocus(Qt.FocusReason.OtherFocusReason)
                self.search.selectAll()
                return True
            if key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
                self.search.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False
