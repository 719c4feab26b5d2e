"""The conflict inbox page: changes the server refused, why, and what to do about each.

Every read and write runs on the database worker (:mod:`desktop_oms.gui.tasks`); a
generation number drops answers to older questions. The page re-reads whenever the
station's data changes (sync confirming a push is what brings new conflicts), applying
the difference to the model so the selection and the open entry stay put.

Keys (while the page has focus): Enter opens the selected entry, A acknowledges it, R
retries it, Esc closes it. An order's barcode scanned here opens that order's entry (a
pickup QR is a customer at the counter: it opens the order in Pickups, as from anywhere).
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Connection

from desktop_oms.cache import outbox
from desktop_oms.domain.errors import DomainError
from desktop_oms.domain.identifiers import DecodedCode, OrderCode
from desktop_oms.gui import theme
from desktop_oms.gui.conflicts import inbox
from desktop_oms.gui.conflicts.detail import ConflictDetailPanel
from desktop_oms.gui.conflicts.inbox import SHOWS, InboxEntry, InboxResult, Show
from desktop_oms.gui.conflicts.model import Column, ConflictInboxModel
from desktop_oms.gui.errortext import error_text
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.numbers import grouped
from desktop_oms.gui.queuetable import empty_label, setup_queue_table
from desktop_oms.gui.station import Station, StationEvents
from desktop_oms.gui.tasks import TaskManager
from desktop_oms.scanner.router import ScanRefused
from desktop_oms.scanner.scan import Scan, ScanKind

#: Row height of the inbox: a comfortable touch target.
ROW_HEIGHT = 52
WIDTHS = {Column.WHY: 184, Column.BY: 190, Column.WHEN: 144}
TICK_MS = 60_000

#: The lists' titles and empty texts in English (context "Conflicts"; translated at display).
TITLES: dict[Show, str] = {
    "open": QT_TRANSLATE_NOOP("Conflicts", "To review"),
    "acknowledged": QT_TRANSLATE_NOOP("Conflicts", "Acknowledged"),
}
EMPTY: dict[Show, str] = {
    "open": QT_TRANSLATE_NOOP("Conflicts", "No conflicts — everything you did has been accepted"),
    "acknowledged": QT_TRANSLATE_NOOP("Conflicts", "Nothing acknowledged yet"),
}
#: The key that shows each list.
SHOW_KEYS: dict[Show, str] = {"open": "Ctrl+1", "acknowledged": "Ctrl+2"}


def _now() -> datetime:
    return datetime.now(UTC)


class _FilterButton(QToolButton):
    """One list of the inbox (to review / acknowledged) with its count."""

    def __init__(self, show: Show, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_name: Show = show
        self.setObjectName(f"filter_{show}")
        self.setProperty("queueTab", True)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 0, 10, 0)
        layout.setSpacing(8)
        self.title = QLabel(QCoreApplication.translate("Conflicts", TITLES[show]), self)
        self.setToolTip(
            QCoreApplication.translate("Conflicts", "Show this list ({key})").format(
                key=SHOW_KEYS[show]
            )
        )
        self.title.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.count = QLabel("0", self)
        self.count.setObjectName("tabCount")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.title)
        layout.addWidget(self.count)
        self.toggled.connect(self._restyle)

    def _restyle(self, checked: bool) -> None:
        self.count.setProperty("active", checked)
        theme.restyle(self.count)

    def set_count(self, count: int) -> None:
        """Show ``count``; open conflicts are red while not the list shown."""
        self.count.setText(grouped(count))
        alert = self.show_name == "open" and count > 0
        if self.count.property("alert") != alert:
            self.count.setProperty("alert", alert)
            theme.restyle(self.count)

    def sizeHint(self) -> QSize:  # noqa: N802
        """Wide enough for the title and the count."""
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else super().sizeHint()
        hint.setHeight(max(hint.height(), 40))
        return hint


class ConflictsView(QWidget):
    """The conflict inbox.

    Signals: ``loaded()`` after the first read shows; ``refreshed()`` after every read is
    shown; ``message(str, str)`` with a text and a level (``info``/``warn``/``bad``) for
    the window to show; ``orderRequested(str)`` with an order number to open in Pickups;
    ``acknowledged(int)`` and ``retried(int)`` with the conflict id once that is stored;
    ``orderScanned(str)`` with the number of a scanned order that has no entry in the list
    shown (the window opens it in Pickups).
    """

    scan_target_name = "Conflict inbox"

    loaded = Signal()
    refreshed = Signal()
    message = Signal(str, str)
    orderRequested = Signal(str)  # noqa: N815
    acknowledged = Signal(int)
    retried = Signal(int)
    orderScanned = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsView")
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.station: Station | None = None
        self.events: StationEvents | None = None
        self.tasks: TaskManager | None = None
        self.tz: tzinfo = UTC
        self._show: Show = "open"
        self._shown: Show | None = None
        self._generation = 0
        self._first = True
        self._busy: set[int] = set()
        self._follow_row: int | None = None
        self.last_result: InboxResult | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(16)

        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel(self.tr("Conflicts"), self)
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel("", self)
        self.subtitle.setObjectName("pageSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        layout.addLayout(titles)

        filters_row = QHBoxLayout()
        self.filters = QFrame(self)
        self.filters.setObjectName("conflictFilters")
        self.filters.setProperty("segmented", True)
        filters_layout = QHBoxLayout(self.filters)
        filters_layout.setContentsMargins(4, 4, 4, 4)
        filters_layout.setSpacing(4)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.filter_buttons: dict[Show, _FilterButton] = {}
        for show in SHOWS:
            button = _FilterButton(show, self.filters)
            self._group.addButton(button)
            filters_layout.addWidget(button)
            self.filter_buttons[show] = button
            button.clicked.connect(lambda _checked=False, s=show: self.set_show(s))
            key = QShortcut(QKeySequence(SHOW_KEYS[show]), self)
            key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            key.activated.connect(lambda s=show: self._pick_show(s))
        self.filter_buttons["open"].setChecked(True)
        filters_row.addWidget(self.filters)
        filters_row.addStretch(1)
        self.keys_hint = QLabel(self.tr("Enter opens · A acknowledges · R retries"), self)
        self.keys_hint.setProperty("faint", True)
        filters_row.addWidget(self.keys_hint, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(filters_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(16)
        self.stack = QStackedWidget(self.splitter)
        self.table = QTableView(self.stack)
        self.table.setObjectName("conflictTable")
        self.table.setAccessibleName(self.tr("Refused changes"))
        self.table.setAccessibleDescription(
            self.tr(
                "Arrow keys choose a change; Enter opens it; A acknowledges; R retries; "
                "Ctrl+1 and Ctrl+2 switch lists"
            )
        )
        self.model = ConflictInboxModel(parent=self)
        self.table.setModel(self.model)
        self._setup_table()
        self.empty = QWidget(self.stack)
        self.empty.setObjectName("conflictsEmpty")
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_icon = QLabel(self.empty)
        self.empty_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_icon.setPixmap(theme.pixmap("check", theme.OK, 40, 2.0))
        self.empty_text = empty_label(self.empty)
        empty_layout.addWidget(self.empty_icon)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addStretch(2)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.detail = ConflictDetailPanel(self.splitter)
        self.detail.hide()
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        layout.addWidget(self.splitter, 1)

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(lambda: self.model.tick(_now()))

        self.table.activated.connect(self._open_index)
        self.table.clicked.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.detail.closed.connect(self.close_entry)
        self.detail.acknowledgeRequested.connect(self.acknowledge)
        self.detail.retryRequested.connect(self.retry)
        self.detail.orderRequested.connect(self.orderRequested)
        self.table.installEventFilter(self)  # before its type-ahead search takes letters

    def _setup_table(self) -> None:
        setup_queue_table(
            self.table,
            row_height=ROW_HEIGHT,
            widths=WIDTHS,
            stretch=Column.WHAT,
            min_section=80,
        )
        self.table.setTabKeyNavigation(False)

    # --- keys ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """The list's A, R and Esc are the page's keys (not a type-ahead search)."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._key(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """A, R and Esc pressed anywhere on the page (a button of the panel, say)."""
        if not self._key(event):
            super().keyPressEvent(event)

    def _key(self, event: QKeyEvent) -> bool:
        """Act on a page key; whether it was one. Keys with Ctrl, Alt or Meta are not."""
        held = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if held != Qt.KeyboardModifier.NoModifier:
            return False
        key = event.key()
        if key == Qt.Key.Key_A:
            self.acknowledge_current()
        elif key == Qt.Key.Key_R:
            self.retry_current()
        elif key == Qt.Key.Key_Escape and self.detail.isVisible():
            self.close_entry()
        else:
            return False
        return True

    # --- wiring --------------------------------------------------------------------------

    def attach(self, station: Station, events: StationEvents, tasks: TaskManager) -> None:
        """Show ``station``'s conflicts, re-reading them whenever its data changes."""
        self.station, self.events, self.tasks = station, events, tasks
        events.dataChanged.connect(self.refresh)
        events.sessionChanged.connect(lambda _session: self.refresh())
        self._tick.start()
        self.refresh()

    def set_timezone(self, tz: tzinfo) -> None:
        """Show times in the store's time zone."""
        self.tz = tz
        self.model.tz = tz
        self.model.tick(_now())
        if self.detail.isVisible() and self.detail.entry is not None:
            self._show_detail(self.detail.entry)

    def focus_list(self) -> None:
        """Put the keyboard focus on the list, or on the page while the list is empty (the
        page's keys work from either)."""
        if self.stack.currentWidget() is self.table:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def show_name(self) -> Show:
        """The list shown: ``open`` or ``acknowledged``."""
        return self._show

    def set_show(self, show: Show) -> None:
        """Show the open or the acknowledged conflicts (and read them)."""
        self.filter_buttons[show].setChecked(True)
        if show != self._show:
            self._show = show
            self.close_entry()
            self.refresh()

    def _pick_show(self, show: Show) -> None:
        """Ctrl+1 / Ctrl+2: show that list and put the keyboard on it."""
        self.set_show(show)
        self.focus_list()

    # --- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the list shown again."""
        if self.station is None or self.tasks is None:
            return
        self._generation += 1
        generation = self._generation
        show = self._show
        session = self.station.session
        role = session.role if session is not None else None

        def job(conn: Connection) -> InboxResult:
            return inbox.fetch(conn, show, role)

        self.tasks.read(job, key="conflicts.inbox", name="conflicts.fetch").then(
            lambda result: self._apply(result, generation)
        )

    def _apply(self, result: InboxResult, generation: int) -> None:
        if generation != self._generation:
            return  # an older question; a newer answer is on its way
        now = _now()
        if self._shown == result.show:
            self.model.update(result.entries, now)
        else:
            self.model.reset(result.entries, now)
        self._shown = result.show
        self.last_result = result
        for show, button in self.filter_buttons.items():
            button.set_count(result.counts.get(show, 0))
        self._subtitle(result)
        self.keys_hint.setVisible(bool(result.entries))
        if result.entries:
            self.stack.setCurrentWidget(self.table)
            if self.hasFocus():  # the page waited empty with the focus: the list takes it
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.empty_text.setText(QCoreApplication.translate("Conflicts", EMPTY[result.show]))
            self.empty_icon.setVisible(result.show == "open")
            self.stack.setCurrentWidget(self.empty)
        self._after_update()
        self.refreshed.emit()
        if self._first:
            self._first = False
            self.loaded.emit()

    def _after_update(self) -> None:
        """Keep the open entry on screen, or move on to the next one when it left the list."""
        shown = self.detail.entry
        follow, self._follow_row = self._follow_row, None
        if not self.detail.isVisible() or shown is None:
            return
        row = self.model.row_of(shown.id)
        if row is None and follow is not None and self.model.rowCount() > 0:
            row = min(follow, self.model.rowCount() - 1)
        if row is None:
            self.close_entry()
            return
        self._select(row)
        self._show_detail(self.model.entry_at(row))

    def _subtitle(self, result: InboxResult) -> None:
        waiting = result.counts.get("open", 0)
        if waiting:
            text = self.tr(
                "%n change(s) the server refused · look at each one and acknowledge it", "", waiting
            )
        else:
            text = self.tr("Changes the server refused show up here")
        self.subtitle.setText(text)

    # --- the open entry ------------------------------------------------------------------

    def _select(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self._show_detail(self.model.entry_at(index.row()))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Arrowing through the list: the open panel follows the current entry."""
        if current.isValid() and self.detail.isVisible():
            self._show_detail(self.model.entry_at(current.row()))

    def open_entry(self, row: int = 0) -> None:
        """Select and open the entry at ``row`` (Enter and a click do this too)."""
        if 0 <= row < self.model.rowCount():
            self._select(row)
            self._show_detail(self.model.entry_at(row))

    def _show_detail(self, found: InboxEntry) -> None:
        self.detail.show_entry(found, tz=self.tz, now=_now(), busy=found.id in self._busy)
        if not self.detail.isVisible():
            self.detail.show()
            self.splitter.setSizes([max(1, self.width() - 500), 480])
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Who did it is in the open panel: its column makes room for what was done."""
        self.table.setColumnHidden(Column.BY, self.detail.isVisible())

    def close_entry(self) -> None:
        """Close the entry's panel."""
        if self.detail.isVisible():
            self.detail.hide()
            self._fit_columns()
            self.table.setFocus()
        self.detail.clear()

    # --- scans ---------------------------------------------------------------------------

    def accepts(self, kind: ScanKind) -> bool:
        """The inbox takes order barcodes (not pickup QRs: those are customers to serve)."""
        return kind is ScanKind.ORDER

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """Open the scanned order's entry in the list shown; without one, ask the window to
        open the order (``orderScanned``)."""
        if not isinstance(code, OrderCode):
            raise ScanRefused(self.tr("The conflict inbox takes order barcodes"))
        for row in range(self.model.rowCount()):
            if self.model.entry_at(row).order_number == code.order_number:
                self.open_entry(row)
                return
        self.orderScanned.emit(code.order_number)

    def current_entry(self) -> InboxEntry | None:
        """The open entry, else the selected one."""
        if self.detail.isVisible() and self.detail.entry is not None:
            return self.detail.entry
        current = self.table.selectionModel().currentIndex()
        return self.model.entry_at(current.row()) if current.isValid() else None

    # --- actions -------------------------------------------------------------------------

    def acknowledge_current(self) -> None:
        """Acknowledge the open (or selected) entry: the A key."""
        found = self.current_entry()
        if found is not None and found.acknowledged_at is None:
            self.acknowledge(found.id)

    def retry_current(self) -> None:
        """Retry the open (or selected) entry: the R key; says why not when it cannot."""
        found = self.current_entry()
        if found is None or found.acknowledged_at is not None:
            return
        if not found.retry.allowed:
            self.message.emit(self.tr("Cannot retry: {why}").format(why=found.retry.why), "warn")
            return
        self.retry(found.id)

    def _begin(self, conflict_id: int) -> bool:
        if self.tasks is None or conflict_id in self._busy:
            return False
        self._busy.add(conflict_id)
        if self.detail.entry is not None and self.detail.entry.id == conflict_id:
            self._show_detail(self.detail.entry)
        return True

    def _end(self, conflict_id: int) -> None:
        """The action's write finished: re-read (the entry may leave the list)."""
        self._busy.discard(conflict_id)
        self._follow_row = self.model.row_of(conflict_id)
        if self.events is not None:
            self.events.changed()
        else:
            self.refresh()

    def acknowledge(self, conflict_id: int) -> None:
        """Mark a conflict as seen: it leaves the open list."""
        if self.tasks is None or not self._begin(conflict_id):
            return
        now = _now()

        def done(stored: bool) -> None:
            self._end(conflict_id)
            if stored:
                self.acknowledged.emit(conflict_id)

        def failed(exc: BaseException) -> None:
            self._end(conflict_id)
            raise exc

        self.tasks.write(
            lambda conn: inbox.acknowledge(conn, conflict_id, now), name="conflicts.acknowledge"
        ).then(done, failed)

    def retry(self, conflict_id: int) -> None:
        """Queue the refused command again against the order as it is now."""
        station, tasks = self.station, self.tasks
        if station is None or tasks is None or station.session is None:
            return
        session = station.session
        found = next((e for e in self.model.entries if e.id == conflict_id), None)
        if not self._begin(conflict_id):
            return
        now = _now()

        def job(conn: Connection) -> outbox.OutboxEntry:
            return inbox.retry(
                conn,
                conflict_id,
                staff_id=session.staff_id,
                role=session.role,
                chain_wide=session.role.chain_wide,
                now=now,
            )

        def queued(_entry: outbox.OutboxEntry) -> None:
            station.kick()
            if self.events is not None:
                self.events.outboxChanged.emit()
            self._end(conflict_id)
            what = found.what if found is not None else self.tr("The change")
            self.message.emit(self.tr("{what}: sent again.").format(what=what), "info")
            self.retried.emit(conflict_id)

        def refused(exc: BaseException) -> None:
            self._end(conflict_id)
            if not isinstance(exc, DomainError):
                raise exc
            self.message.emit(self.tr("Not sent again: {why}").format(why=error_text(exc)), "bad")

        tasks.write(job, name="conflicts.retry").then(queued, refused)

    # --- test and screenshot helpers -----------------------------------------------------

    def counts(self) -> dict[Show, int]:
        """The counts shown on the list buttons."""
        return {s: int(b.count.text().replace(",", "")) for s, b in self.filter_buttons.items()}
