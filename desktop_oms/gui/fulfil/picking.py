"""On-screen picking: a batch pick list walked stop by stop, each unit verified by a scan.

Embedding (the fulfil queue does this)::

    view = PickView(station, tasks, parent, events=events)
    view.finished.connect(on_picked)          # a PickResult
    view.start(selected_fulfillment_ids, picker)  # picker: a queries.Picker, or None

:meth:`PickView.start` reads the pick list on the database worker (what is left to pick of
each fulfillment, by SKU, in walk order: department, then location) and, in the same write
transaction, queues ``start_picking`` with the assigned ``picker_id`` for every open
fulfillment, so the back room and the server see who picks what even offline. The view
is a :class:`~desktop_oms.scanner.router.ScanTarget` (product, order and pickup codes):

* a product scan of the stop's SKU (GTIN, UPC-E or a GS1 code carrying its GTIN) counts
  one unit into the tote of the oldest order still needing it;
* a product that is on the list elsewhere counts there (the picker went ahead);
* a product not on the list is refused (bad sound) naming what is expected at this stop;
  the view then names the scanned product, looked up in the cache, in its message;
* a scan beyond what the orders need is refused: "All 3 already picked".

Items without a usable barcode are counted by hand with a reason ("Count by hand…").
"Reject…" takes units of one order's line out of the walk with a reject reason — part of
a line, or only whole lines when the store setting ``partial_reject_allowed`` is false.
"Finish" (once every unit is picked or rejected) queues one ``reject_line`` per reject
through the outbox (the server re-routes the quantity to another store, or marks it
unfillable) and emits ``finished`` with the :class:`PickResult`; staging or packing is
the caller's next step. "Print" previews the pick list (:mod:`.picklist_print`) for the
default printer, or saves it as a PDF when there is none, rendered off the UI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Connection

from desktop_oms.cache import outbox, queries
from desktop_oms.cache.db import APP_NAME, driver_cursor
from desktop_oms.cache.queries import Picker, PickItem, PickList, PickNeed, PickOrder
from desktop_oms.domain.commands import CommandName, TargetKind
from desktop_oms.domain.errors import DomainError
from desktop_oms.domain.identifiers import DecodedCode, Gs1Code, GtinCode, OrderCode
from desktop_oms.gui import printing, theme
from desktop_oms.gui.errortext import error_text
from desktop_oms.gui.fulfil import picklist_print
from desktop_oms.gui.fulfil.picking_model import (
    MANUAL_REASONS,
    Column,
    LineKey,
    ManualCount,
    OverPick,
    PickListModel,
    PickProgress,
    Reject,
    manual_reason_label,
)
from desktop_oms.gui.station import Station, StationEvents
from desktop_oms.gui.tasks import TaskManager
from desktop_oms.gui.words import reason_label
from desktop_oms.scanner.router import ScanRefused
from desktop_oms.scanner.scan import Scan, ScanKind

ROW_HEIGHT = 52
_STYLE = f"""
QFrame#pickStop {{ background: {theme.ACCENT_TINT}; border-radius: 10px; }}
QLabel#pickLocation {{ font-size: 30px; font-weight: 700; color: {theme.ACCENT}; }}
QLabel#pickItem {{ font-size: 19px; font-weight: 600; color: {theme.INK}; }}
QLabel#pickTote {{ font-size: 17px; color: {theme.INK}; }}
QLabel#pickNotice[level="ok"] {{ color: {theme.OK}; font-weight: 600; }}
QLabel#pickNotice[level="bad"] {{ color: {theme.BAD}; font-weight: 600; }}
QLabel#pickNotice[level="warn"] {{ color: {theme.WARN}; font-weight: 600; }}
"""


def _now() -> datetime:
    return datetime.now(UTC)


def default_picklists_dir() -> Path:
    """Where pick lists go as PDF files when no printer is set up."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME)) / "picklists"


def describe(item: PickItem) -> str:
    """A product as staff name it: ``Stoneware mug 350 ml (KIT-004512)``."""
    return f"{item.name} ({item.sku})"


@dataclass(frozen=True, slots=True)
class PickResult:
    """A finished pick walk: who picked which orders, what went into each tote, what was
    counted by hand and rejected, and the ``reject_line`` commands queued for the rejects."""

    pick_list_id: str
    picker: Picker
    orders: tuple[PickOrder, ...]
    picked: dict[LineKey, int]
    rejects: tuple[Reject, ...]
    manual: tuple[ManualCount, ...]
    commands: tuple[outbox.OutboxEntry, ...]
    started_at: datetime
    finished_at: datetime

    def units_for(self, fulfillment_id: int) -> int:
        """Units picked for one fulfillment (into its tote)."""
        return sum(q for (fid, _line), q in self.picked.items() if fid == fulfillment_id)


@dataclass(frozen=True, slots=True)
class _Started:
    """What :meth:`PickView.start`'s write job found and did."""

    pick_list: PickList
    commands: list[outbox.OutboxEntry]
    refused: list[tuple[str, str]]
    reasons: list[tuple[str, str]]
    store: tuple[str, str]


@dataclass
class _Walk:
    """The walk on screen: its list, progress and header facts."""

    pick_list_id: str
    picker: Picker
    progress: PickProgress
    reasons: list[tuple[str, str]]
    store_code: str
    store_name: str
    started_at: datetime
    commands: list[outbox.OutboxEntry] = field(default_factory=list)


class _Stepper(QWidget):
    """A quantity with large − and + buttons (touch) around a spin box (keyboard)."""

    def __init__(self, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.minus = QPushButton("−", self)
        self.minus.setAccessibleName(self.tr("One fewer"))
        self.spin = QSpinBox(self)
        self.spin.setAccessibleName(self.tr("Units"))
        self.plus = QPushButton("+", self)
        self.plus.setAccessibleName(self.tr("One more"))
        for button in (self.minus, self.plus):
            button.setProperty("stepper", True)
            button.setFixedSize(44, 40)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.spin.setRange(1, max(1, maximum))
        self.spin.setMinimumHeight(40)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.minus.clicked.connect(self.spin.stepDown)
        self.plus.clicked.connect(self.spin.stepUp)
        row.addWidget(self.minus)
        row.addWidget(self.spin, 1)
        row.addWidget(self.plus)
        self.setFocusProxy(self.spin)

    def value(self) -> int:
        """The quantity chosen."""
        return int(self.spin.value())


class ManualCountDialog(QDialog):
    """Count units of a stop by hand (no scan), saying why."""

    def __init__(self, item: PickItem, left: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manualCountDialog")
        self.setWindowTitle(self.tr("Count by hand"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        title = QLabel(
            self.tr("{item} at {location}").format(item=describe(item), location=item.location),
            self,
        )
        title.setWordWrap(True)
        title.setObjectName("pickItem")
        layout.addWidget(title)
        form = QFormLayout()
        self.quantity = _Stepper(left, self)
        self.reason = QComboBox(self)
        for code, label in MANUAL_REASONS:
            self.reason.addItem(manual_reason_label(label), code)
        form.addRow(self.tr("Units picked"), self.quantity)
        form.addRow(self.tr("Not scanned because"), self.reason)
        layout.addLayout(form)
        buttons = QDialogButtonBox(self)
        self.confirm = buttons.addButton(self.tr("Count"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setProperty("accent", True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.quantity.setFocus()

    def chosen(self) -> tuple[int, str]:
        """Units and the reason code."""
        return self.quantity.value(), str(self.reason.currentData())


class RejectDialog(QDialog):
    """Reject units of one order's line at a stop, with a reason: part of the line when the
    store allows it, else the whole line."""

    def __init__(
        self,
        item: PickItem,
        progress: PickProgress,
        reasons: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rejectDialog")
        self.setWindowTitle(self.tr("Reject"))
        self.progress = progress
        self.needs = [n for n in item.needs if progress.rejectable(n) > 0]
        partial = progress.pick_list.partial_reject_allowed
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        title = QLabel(
            self.tr("Reject {item} at {location}").format(
                item=describe(item), location=item.location
            ),
            self,
        )
        title.setWordWrap(True)
        title.setObjectName("pickItem")
        layout.addWidget(title)
        note = QLabel(
            self.tr(
                "The store hands these units back: head office sends them from another store, "
                "or tells the customer they cannot be supplied."
            )
            + ("" if partial else " " + self.tr("This store rejects whole lines only.")),
            self,
        )
        note.setWordWrap(True)
        note.setProperty("muted", True)
        layout.addWidget(note)
        form = QFormLayout()
        self.order = QComboBox(self)
        for need in self.needs:
            self.order.addItem(
                self.tr("Tote {tote} · {order} · {count} ordered").format(
                    tote=need.tote, order=need.order_number, count=need.quantity
                ),
                need,
            )
        most = max((progress.rejectable(n) for n in self.needs), default=1)
        self.quantity = _Stepper(most, self)
        self.quantity.setEnabled(partial)
        self.reason = QComboBox(self)
        for code, label in reasons:
            self.reason.addItem(reason_label(label), code)
        form.addRow(self.tr("Order"), self.order)
        form.addRow(self.tr("Units"), self.quantity)
        form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(form)
        self.picked_back = QLabel(self)
        self.picked_back.setWordWrap(True)
        self.picked_back.setProperty("muted", True)
        layout.addWidget(self.picked_back)
        buttons = QDialogButtonBox(self)
        self.confirm = buttons.addButton(self.tr("Reject"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setProperty("danger", True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.order.currentIndexChanged.connect(self._order_changed)
        self._order_changed()

    def _order_changed(self) -> None:
        need = self.need()
        if need is None:
            return
        most = self.progress.rejectable(need)
        self.quantity.spin.setRange(1, max(1, most))
        if not self.progress.pick_list.partial_reject_allowed:
            self.quantity.spin.setValue(most)
        picked = self.progress.picked_of(need)
        whole = not self.progress.pick_list.partial_reject_allowed
        self.picked_back.setText(
            self.tr("Put the {count} picked back on the shelf.").format(count=picked)
            if whole and picked
            else ""
        )
        self.picked_back.setVisible(whole and picked > 0)

    def need(self) -> PickNeed | None:
        """The order line chosen."""
        value = self.order.currentData()
        return value if isinstance(value, PickNeed) else None

    def chosen(self) -> tuple[PickNeed | None, int, str]:
        """The order line, units and reason code."""
        return self.need(), self.quantity.value(), str(self.reason.currentData())


class PickView(QWidget):
    """The pick walk of a batch pick list (see the module for how to embed it).

    Signals: ``loaded(object)`` with the :class:`~desktop_oms.cache.queries.PickList` once
    shown (``start_picking`` queued); ``progressed()`` after every counted unit or reject;
    ``message(str, str)`` with a text and a level (``info``/``ok``/``warn``/``bad``) for
    the window; ``printed(object)`` with the :class:`picklist_print.Printed` of the list;
    ``finished(object)`` with the :class:`PickResult` once the rejects are queued.
    """

    scan_target_name = "Picking"

    loaded = Signal(object)
    progressed = Signal()
    message = Signal(str, str)
    printed = Signal(object)
    finished = Signal(object)

    def __init__(
        self,
        station: Station | None = None,
        tasks: TaskManager | None = None,
        parent: QWidget | None = None,
        *,
        events: StationEvents | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pickView")
        self.setStyleSheet(_STYLE)
        self.station = station
        self.tasks = tasks
        self.events = events
        self.tz: tzinfo = UTC
        self.walk: _Walk | None = None
        self.use_printer = True  # False: always a PDF (tests, no printer wanted)
        self.picklists_dir: Path | None = None  # None: the user's data directory
        self.preview_dialog: QWidget | None = None  # the print preview open, if any
        self.reject_dialog: RejectDialog | None = None
        self.count_dialog: ManualCountDialog | None = None
        self._scan_generation = 0
        self._busy = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(14)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel(self.tr("Pick list"), self)
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel("", self)
        self.subtitle.setObjectName("pageSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        self.progress_label = QLabel("", self)
        self.progress_bar = QProgressBar(self)
        # the bar gives way first, so the title (longer in Dutch) is never clipped
        self.progress_bar.setMinimumWidth(80)
        self.progress_bar.setMaximumWidth(220)
        self.title.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName(self.tr("Picking progress"))
        head.addWidget(self.progress_label)
        head.addWidget(self.progress_bar)
        self.print_button = QPushButton(self.tr("Print pick list"), self)
        self.print_button.setIcon(theme.icon("printer"))
        self.finish_button = QPushButton(self.tr("Finish picking"), self)
        self.finish_button.setProperty("accent", True)
        head.addWidget(self.print_button)
        head.addWidget(self.finish_button)
        layout.addLayout(head)

        self.stop = QFrame(self)
        self.stop.setObjectName("pickStop")
        card = QHBoxLayout(self.stop)
        card.setContentsMargins(20, 14, 20, 14)
        card.setSpacing(20)
        self.location = QLabel("—", self.stop)
        self.location.setObjectName("pickLocation")
        self.location.setMinimumWidth(150)
        card.addWidget(self.location)
        what = QVBoxLayout()
        what.setSpacing(4)
        self.item_label = QLabel("", self.stop)
        self.item_label.setObjectName("pickItem")
        self.item_label.setWordWrap(True)
        self.tote_label = QLabel("", self.stop)
        self.tote_label.setObjectName("pickTote")
        self.tote_label.setWordWrap(True)
        self.hint = QLabel(self.tr("Scan each item as you pick it."), self.stop)
        self.hint.setProperty("muted", True)
        what.addWidget(self.item_label)
        what.addWidget(self.tote_label)
        what.addWidget(self.hint)
        card.addLayout(what, 1)
        actions = QVBoxLayout()
        self.count_button = QPushButton(self.tr("Count by hand…"), self.stop)
        self.reject_button = QPushButton(self.tr("Reject…"), self.stop)
        self.reject_button.setProperty("danger", True)
        for button in (self.count_button, self.reject_button):
            button.setMinimumHeight(40)
            actions.addWidget(button)
        card.addLayout(actions)
        layout.addWidget(self.stop)

        self.notice = QLabel("", self)
        self.notice.setObjectName("pickNotice")
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)

        self.model = PickListModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("pickTable")
        self.table.setAccessibleName(self.tr("Pick list stops"))
        self.table.setAccessibleDescription(
            self.tr("Arrows choose the stop; scan each item, or count or reject it by hand")
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(Column.ITEM, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Column.LOCATION, 110),
            (Column.ORDERS, 260),
            (Column.PICKED, 90),
            (Column.STATE, 170),
        ):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)

        self.print_button.clicked.connect(self.print_list)
        self.finish_button.clicked.connect(self.finish)
        self.count_button.clicked.connect(self.count_by_hand)
        self.reject_button.clicked.connect(self.reject_at_stop)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._row_chosen)
        self._show_walk()

    # --- starting ------------------------------------------------------------------------

    def start(self, fulfillment_ids: Sequence[int], picker: Picker | None = None) -> None:
        """Read the pick list of these fulfillments and queue ``start_picking`` (with
        ``picker`` assigned; the signed-in person when None) for the open ones."""
        station, tasks = self.station, self.tasks
        session = station.session if station is not None else None
        if station is None or tasks is None or session is None or self._busy:
            return
        who = picker or Picker(
            session.staff_id, session.username, session.display_name, session.role.value
        )
        ids = [int(i) for i in fulfillment_ids]
        store_id, now = station.store_id, _now()
        list_id = f"PL{station.enrolment.station_id:02d}-{now.astimezone(self.tz):%y%m%d-%H%M%S}"
        self._busy = True
        self.title.setText(self.tr("Pick list"))
        self.subtitle.setText(self.tr("Reading the orders…"))

        def job(conn: Connection) -> _Started:
            first = queries.pick_list(conn, store_id, ids)
            entries: list[outbox.OutboxEntry] = []
            refused: list[tuple[str, str]] = []
            for order in first.orders:
                if order.status != "open":
                    continue
                try:
                    entries.append(
                        outbox.enqueue(
                            conn,
                            name=CommandName.START_PICKING,
                            target_kind=TargetKind.FULFILLMENT,
                            target_key=str(order.fulfillment_id),
                            base_version=order.version,
                            staff_id=session.staff_id,
                            approved_by=None,
                            args={"picker_id": who.id},
                            now=now,
                        )
                    )
                except DomainError as exc:
                    refused.append((order.order_number, error_text(exc)))
            bad = {n for n, _ in refused}
            kept = [o.fulfillment_id for o in first.orders if o.order_number not in bad]
            found = queries.pick_list(conn, store_id, kept) if entries or refused else first
            row = (
                driver_cursor(conn)
                .execute("SELECT code, name FROM stores WHERE id = ?", (store_id,))
                .fetchone()
            )
            unknown = QCoreApplication.translate("PickView", "Store {id}").format(id=store_id)
            store = (str(row[0]), str(row[1])) if row is not None else ("", unknown)
            return _Started(found, entries, refused, queries.reason_codes(conn, "reject"), store)

        def started(result: _Started) -> None:
            self._busy = False
            self.walk = _Walk(
                list_id,
                who,
                PickProgress(result.pick_list),
                result.reasons,
                result.store[0],
                result.store[1],
                now,
                list(result.commands),
            )
            self._show_walk()
            if result.commands:
                station.kick()
                self._outbox_changed()
            for number, why in result.refused:
                self.message.emit(
                    self.tr("{number} cannot be picked: {why}").format(number=number, why=why),
                    "bad",
                )
            skipped = len(result.pick_list.skipped)
            if skipped:
                self.message.emit(
                    self.tr("%n of the chosen orders have nothing to pick here.", "", skipped),
                    "warn",
                )
            self.loaded.emit(result.pick_list)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.subtitle.setText(self.tr("The pick list could not be read."))
            raise exc

        tasks.write(job, name="pick list").then(started, failed)

    def _outbox_changed(self) -> None:
        if self.events is not None:
            self.events.outboxChanged.emit()
            self.events.changed()

    # --- showing -------------------------------------------------------------------------

    @property
    def progress(self) -> PickProgress | None:
        """The walk's progress (None before a list is shown)."""
        return None if self.walk is None else self.walk.progress

    def _show_walk(self) -> None:
        walk = self.walk
        self.model.reset(None if walk is None else walk.progress)
        if walk is None:
            self.subtitle.setText(self.tr("No pick list yet: choose orders in the fulfil queue."))
            for button in (
                self.print_button,
                self.finish_button,
                self.count_button,
                self.reject_button,
            ):
                button.setEnabled(False)
            return
        pick = walk.progress.pick_list
        orders = len(pick.orders)
        self.title.setText(self.tr("Pick list {id}").format(id=walk.pick_list_id))
        self.subtitle.setText(
            " · ".join(
                (
                    self.tr("%n order(s)", "", orders),
                    self.tr("%n unit(s)", "", pick.units),
                    self.tr("%n stop(s)", "", len(pick.items)),
                    self.tr("picker {name}").format(name=walk.picker.display_name),
                )
            )
        )
        self.print_button.setEnabled(bool(pick.items))
        self._go_to(walk.progress.next_stop())

    def _go_to(self, row: int | None) -> None:
        """Make stop ``row`` the current one (selected in the table, shown in the card)."""
        self.model.set_current(row)
        if row is not None:
            index = self.model.index(row, 0)
            selection = self.table.selectionModel()
            if selection.currentIndex().row() != row:
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            self.table.scrollTo(index)
        self._show_stop()

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() != self.model.current:
            self.model.set_current(current.row())
            self._show_stop()

    def current_item(self) -> PickItem | None:
        """The stop the picker is at."""
        row = self.model.current
        progress = self.progress
        return None if progress is None or row is None else progress.items[row]

    def _show_stop(self) -> None:
        progress, item = self.progress, self.current_item()
        if progress is None:
            return
        done, total = progress.picked_units + progress.rejected_units, progress.units
        self.progress_label.setText(
            self.tr("{picked} of {total} picked").format(picked=progress.picked_units, total=total)
        )
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(done)
        self.finish_button.setEnabled(progress.complete and not self._busy)
        self.finish_button.setToolTip(
            ""
            if progress.complete
            else self.tr("%n unit(s) left to pick or reject", "", progress.left_units)
        )
        if item is None:
            self.location.setText("✓")
            self.item_label.setText(self.tr("Everything is picked."))
            self.tote_label.setText("")
            self.hint.setText(self.tr("Press Finish picking, then stage or pack the orders."))
            self.count_button.setEnabled(False)
            self.reject_button.setEnabled(False)
            return
        self.location.setText(item.location)
        self.item_label.setText(describe(item))
        need = next((n for n in item.needs if progress.left_of(n) > 0), None)
        left = progress.left_at(item)
        if need is None:
            self.tote_label.setText(
                self.tr("All {count} picked here.").format(count=progress.wanted(item))
            )
        else:
            here = progress.left_of(need)
            self.tote_label.setText(
                self.tr("Put {count} in tote {tote} ({order})").format(
                    count=here, tote=need.tote, order=need.order_number
                )
                + (
                    " · " + self.tr("{count} to pick here").format(count=left)
                    if left != here
                    else ""
                )
            )
        self.hint.setText(
            self.tr("{department} · scan each item (barcode {barcode})").format(
                department=item.department, barcode=item.barcode
            )
            if left
            else self.tr("Done here: go to the next stop.")
        )
        self.count_button.setEnabled(left > 0)
        self.reject_button.setEnabled(any(progress.rejectable(n) for n in item.needs))

    def _say(self, text: str, level: str) -> None:
        self.notice.setText(text)
        if self.notice.property("level") != level:
            self.notice.setProperty("level", level)
            theme.restyle(self.notice)

    def _counted(self, row: int, text: str) -> None:
        """A count or reject changed stop ``row``: repaint it, move on when it is done."""
        progress = self.progress
        assert progress is not None
        self.model.stop_changed(row)
        if progress.done_at(progress.items[row]):
            self._go_to(progress.next_stop(row))
        else:
            self._go_to(row)
        self._say(text, "ok")
        self.progressed.emit()

    # --- scans ---------------------------------------------------------------------------

    def accepts(self, kind: ScanKind) -> bool:
        """Product codes (to verify each unit), and order or pickup codes (refused: the
        pick comes first)."""
        return self.walk is not None and kind in (
            ScanKind.PRODUCT,
            ScanKind.ORDER,
            ScanKind.PICKUP,
        )

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """Verify a scanned unit against the pick list (see the module), or refuse it."""
        progress = self.progress
        if progress is None:
            raise ScanRefused(self.tr("The pick list is still loading — scan again in a moment"))
        if isinstance(code, OrderCode):
            order = next(
                (o for o in progress.pick_list.orders if o.order_number == code.order_number),
                None,
            )
            if order is None:
                raise ScanRefused(self.tr("Finish this pick list before opening another order"))
            raise ScanRefused(
                self.tr("{order} goes in tote {tote}: scan its items").format(
                    order=order.order_number, tote=order.tote
                )
            )
        if not isinstance(code, GtinCode | Gs1Code):
            raise ScanRefused(self.tr("Scan the item's barcode"))
        keys = code.lookup_keys if isinstance(code, GtinCode) else (code.gtin14,)
        text = scan.text.strip()
        self._scan_generation += 1
        row = progress.stop_of((*keys, text, text.upper()), prefer=self.model.current)
        if row is None:
            expected = self._expected()
            self._name_scanned(text, expected, self._scan_generation)
            raise self._refuse(self.tr("That item is not on this pick list.") + " " + expected)
        item = progress.items[row]
        try:
            placed = progress.count(row)
        except OverPick as over:
            raise self._refuse(f"{over.message} — {describe(item)}") from None
        need = placed.need
        self._counted(
            row,
            self.tr("✓ {item} → tote {tote} ({order}) · {picked} of {wanted}").format(
                item=describe(item),
                tote=need.tote,
                order=need.order_number,
                picked=progress.picked_at(item),
                wanted=progress.wanted(item),
            ),
        )

    def _expected(self) -> str:
        item = self.current_item()
        if item is None:
            return self.tr("Nothing is left to pick: press Finish picking.")
        return self.tr("Expected: {item} at {location}.").format(
            item=describe(item), location=item.location
        )

    def _refuse(self, text: str) -> ScanRefused:
        self._say(text, "bad")
        return ScanRefused(text)

    def _name_scanned(self, raw: str, expected: str, generation: int) -> None:
        """Look the wrongly scanned product up and say what it is (on the DB worker)."""
        if self.tasks is None:
            return

        def named(product: queries.ProductRow | None) -> None:
            if generation != self._scan_generation or not shiboken6.isValid(self):
                return
            if product is None:
                self._say(self.tr("That barcode is not in the catalogue.") + " " + expected, "bad")
            else:
                that = self.tr("That is {name} ({sku}).").format(name=product.name, sku=product.sku)
                self._say(f"{that} {expected}", "bad")

        self.tasks.read(
            lambda conn: queries.product_by_identifier(conn, raw), name="pick.scanned"
        ).then(named)

    # --- by hand -------------------------------------------------------------------------

    def count_by_hand(self) -> None:
        """Ask how many units of the current stop were picked without a scan, and why."""
        progress, item, row = self.progress, self.current_item(), self.model.current
        if progress is None or item is None or row is None:
            return
        dialog = ManualCountDialog(item, progress.left_at(item), self)
        dialog.setModal(True)
        self.count_dialog = dialog

        def done(result: int) -> None:
            self.count_dialog = None
            if result != QDialog.DialogCode.Accepted:
                return
            quantity, reason = dialog.chosen()
            placed: list[str] = []
            try:
                for _ in range(quantity):
                    step = progress.count(row, manual_reason=reason)
                    placed.append(step.need.tote)
            except OverPick as over:
                self._say(over.message, "warn")
            totes = ", ".join(dict.fromkeys(placed))
            self._counted(
                row,
                self.tr("✓ {count} × {item} counted by hand → tote {totes}").format(
                    count=len(placed), item=describe(item), totes=totes
                ),
            )

        dialog.finished.connect(done)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def reject_at_stop(self) -> None:
        """Ask which order's units of the current stop to reject, how many, and why."""
        walk, item, row = self.walk, self.current_item(), self.model.current
        if walk is None or item is None or row is None:
            return
        dialog = RejectDialog(item, walk.progress, walk.reasons, self)
        dialog.setModal(True)
        self.reject_dialog = dialog

        def done(result: int) -> None:
            self.reject_dialog = None
            need, quantity, reason = dialog.chosen()
            if result != QDialog.DialogCode.Accepted or need is None:
                return
            rejected = walk.progress.reject(row, need, quantity, reason)
            label = reason_label(dict(walk.reasons).get(reason, reason))
            self._counted(
                row,
                self.tr(
                    "{count} × {item} of {order} rejected ({reason}): "
                    "sent to head office when you finish."
                ).format(
                    count=rejected.quantity,
                    item=describe(item),
                    order=need.order_number,
                    reason=label,
                ),
            )

        dialog.finished.connect(done)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # --- finishing -----------------------------------------------------------------------

    def finish(self) -> None:
        """Queue the rejects (``reject_line``) and hand the result on (``finished``)."""
        station, tasks, walk = self.station, self.tasks, self.walk
        session = station.session if station is not None else None
        if station is None or tasks is None or walk is None or session is None or self._busy:
            return
        progress = walk.progress
        if not progress.complete:
            self._say(
                self.tr("%n unit(s) left to pick or reject.", "", progress.left_units), "warn"
            )
            return
        self._busy = True
        self.finish_button.setEnabled(False)
        rejects, now = list(progress.rejects), _now()

        def job(conn: Connection) -> tuple[list[outbox.OutboxEntry], list[str]]:
            entries, problems = [], []
            cur = driver_cursor(conn)
            for r in rejects:
                row = cur.execute(
                    "SELECT version FROM v_fulfillments WHERE id = ?", (r.fulfillment_id,)
                ).fetchone()
                try:
                    entries.append(
                        outbox.enqueue(
                            conn,
                            name=CommandName.REJECT_LINE,
                            target_kind=TargetKind.FULFILLMENT,
                            target_key=str(r.fulfillment_id),
                            base_version=int(row[0]) if row is not None else 0,
                            staff_id=session.staff_id,
                            approved_by=None,
                            args={"line_no": r.line_no, "quantity": r.quantity, "reason": r.reason},
                            now=now,
                        )
                    )
                except DomainError as exc:
                    problems.append(f"{r.order_number}: {error_text(exc)}")
            return entries, problems

        def queued(answer: tuple[list[outbox.OutboxEntry], list[str]]) -> None:
            entries, problems = answer
            self._busy = False
            if entries:
                station.kick()
                self._outbox_changed()
            for problem in problems:
                self.message.emit(
                    self.tr("A reject was not sent: {why}").format(why=problem), "bad"
                )
            result = PickResult(
                walk.pick_list_id,
                walk.picker,
                progress.pick_list.orders,
                dict(progress.picked),
                tuple(progress.rejects),
                tuple(progress.manual),
                (*walk.commands, *entries),
                walk.started_at,
                now,
            )
            units = progress.picked_units
            self._say(self.tr("Picked %n unit(s).", "", units), "ok")
            self.message.emit(
                self.tr("Pick list {id} done: {picked} picked, {rejected} rejected.").format(
                    id=walk.pick_list_id, picked=units, rejected=progress.rejected_units
                ),
                "info",
            )
            self.finished.emit(result)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.finish_button.setEnabled(True)
            raise exc

        tasks.write(job, name="finish picking").then(queued, failed)

    # --- printing ------------------------------------------------------------------------

    def sheet(self) -> picklist_print.PickSheet | None:
        """The printable pick list of the walk shown."""
        walk = self.walk
        if walk is None:
            return None
        return picklist_print.PickSheet(
            pick_list=walk.progress.pick_list,
            pick_list_id=walk.pick_list_id,
            store_code=walk.store_code,
            store_name=walk.store_name,
            picker=walk.picker.display_name,
            created=walk.started_at.astimezone(self.tz),
        )

    def print_list(self) -> None:
        """Preview and print the pick list on the default printer, else save it as a PDF
        (off the UI thread); ``printed`` says where it went."""
        sheet, tasks = self.sheet(), self.tasks
        if sheet is None or tasks is None:
            return
        if self.use_printer and printing.has_printer():
            self.preview_list(sheet)
            return
        folder = self.picklists_dir or default_picklists_dir()
        use_printer = self.use_printer

        def job() -> picklist_print.Printed:
            return picklist_print.output(sheet, folder, use_printer=use_printer)

        def done(printed: picklist_print.Printed) -> None:
            self.message.emit(printed.describe(), "info")
            self.printed.emit(printed)

        def failed(exc: BaseException) -> None:
            self.message.emit(
                self.tr("The pick list could not be printed: {why}").format(why=exc), "bad"
            )

        tasks.run(job, name="pick list print").then(done, failed)

    def preview_list(self, sheet: picklist_print.PickSheet) -> None:
        """Open the print preview of ``sheet`` (it paints on the UI thread, as Qt's preview
        asks); printing from it emits ``printed``."""
        dialog = printing.preview(
            self,
            lambda printer: picklist_print.print_sheet(sheet, printer),
            self.tr("Pick list · {id}").format(id=sheet.pick_list_id),
            doc_name=self.tr("Pick list {id}").format(id=sheet.pick_list_id),
            document="picklist",
        )
        printer = dialog.target

        def accepted() -> None:
            name = printer.printerName() or printer.outputFileName() or self.tr("(default)")
            printed = printing.Printed(self.tr("Pick list"), name, None)
            self.message.emit(printed.describe(), "info")
            self.printed.emit(printed)

        dialog.accepted.connect(accepted)
        self.preview_dialog = dialog

    # --- test and screenshot helpers -----------------------------------------------------

    def stops(self) -> list[tuple[str, str, int, int]]:
        """Each stop as ``(location, sku, picked, wanted)``, in walk order."""
        progress = self.progress
        if progress is None:
            return []
        return [
            (i.location, i.sku, progress.picked_at(i), progress.wanted(i)) for i in progress.items
        ]
