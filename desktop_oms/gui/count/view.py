"""The Count page: cycle count a department or a shelf by scanning, review, submit.

Four steps on one page: choose what to count (a department, or a shelf or bay by its
location; or resume a count in progress), count (each scan of an item in scope is +1 on
its line, with the good sound and the line highlighted; ``+``/``-`` on the selected line,
a number typed into it sets the quantity, Delete takes it out to recount), review the
variances (largest value first, a reason per line, totals, what to do with the items not
counted) and submit. Any store role may count; submitting needs a manager (the count
waits, saved, until one signs in). Everything goes to the cache and the outbox
(:mod:`desktop_oms.cache.counts`), so counting and submitting work offline; the status
bar shows the commands waiting to send.

A scan is judged at once against the codes of the count's products (read when the count
opens), so the sound is right straight away; the line is then written on the database
worker. A product outside the count is refused, and the page then names where it belongs
and offers to add it anyway.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Connection

from desktop_oms.cache import counts, outbox, queries
from desktop_oms.cache.counts import CountSession, Review, Submitted
from desktop_oms.domain.errors import DomainError
from desktop_oms.domain.identifiers import DecodedCode, Gs1Code, GtinCode
from desktop_oms.domain.reasons import ReasonKind, reasons_for
from desktop_oms.gui import csvexport, theme
from desktop_oms.gui.count.adjust import AdjustDialog
from desktop_oms.gui.count.model import Col, CountModel
from desktop_oms.gui.errortext import error_text
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.numbers import grouped, money
from desktop_oms.gui.pickups.queue import store_info
from desktop_oms.gui.pickups.timefmt import locale_text
from desktop_oms.gui.queuetable import setup_queue_table
from desktop_oms.gui.station import Station, StationEvents
from desktop_oms.gui.tasks import TaskManager
from desktop_oms.gui.words import reason_label
from desktop_oms.scanner.router import ScanRefused
from desktop_oms.scanner.scan import Scan, ScanKind

ROW_HEIGHT = 44
#: The steps of the page (indexes of its stack).
CHOOSE, COUNTING, REVIEW, DONE = 0, 1, 2, 3
#: How long "Cancel count" waits for the second click.
CONFIRM_MS = 4000


#: The page's subtitle while choosing what to count.
SUBTITLE = QT_TRANSLATE_NOOP(
    "CountView",
    "Count a department or a shelf by scanning; the variances go to the server as stock counts.",
)
#: :data:`counts.MANAGER_SUBMITS` in the catalogue.
MANAGER_SUBMITS = QT_TRANSLATE_NOOP(
    "CountView",
    "Only a manager can submit a count: the count is saved here — a manager signs in to "
    "review and submit it",
)


def scope_label(scope: counts.Scope) -> str:
    """What a count covers, in words: ``Home department``, ``Aisle H, bay 07``, ``Shelf H-07-C``."""
    if scope.kind == "department":
        return QCoreApplication.translate("CountView", "{department} department").format(
            department=scope.value
        )
    parts = scope.value.split("-")
    if len(parts) == 2:
        return QCoreApplication.translate("CountView", "Aisle {aisle}, bay {bay}").format(
            aisle=parts[0], bay=parts[1]
        )
    return QCoreApplication.translate("CountView", "Shelf {shelf}").format(shelf=scope.value)


def refusal_words(exc: DomainError) -> str:
    """A refusal from :mod:`desktop_oms.cache.counts` in the station's language, where the
    page can word it (a product outside the count, a manager's submit); else as it came."""
    if isinstance(exc, counts.OutsideScope):
        product = exc.product
        return QCoreApplication.translate(
            "CountView",
            "{name} ({sku}) is not part of this count: it belongs to {department}, shelf "
            "{shelf}. Add it to the count to count it here anyway",
        ).format(
            name=product.name, sku=product.sku, department=product.department, shelf=exc.location
        )
    if exc.message == counts.MANAGER_SUBMITS:
        return QCoreApplication.translate("CountView", MANAGER_SUBMITS)
    for pattern, words in _REFUSALS:
        found = pattern.match(exc.message)
        if found is not None:
            return QCoreApplication.translate("CountView", words).format(*found.groups())
    return error_text(exc)


#: The refusals of :mod:`desktop_oms.cache.counts` (English there, for logs and tests) and
#: their words here; the fields are filled in by position.
_REFUSALS = (
    (
        re.compile(
            r"“(.*)” is not a shelf: type an aisle and bay such as H-07 \(bays 01-40\), "
            r"or one shelf such as H-07-C \(shelves A-E\)$"
        ),
        QT_TRANSLATE_NOOP(
            "CountView",
            "“{0}” is not a shelf: type an aisle and bay such as H-07 (bays 01-40), or one "
            "shelf such as H-07-C (shelves A-E)",
        ),
    ),
    (
        re.compile(r"No department is called “(.*)”: pick one from the list$"),
        QT_TRANSLATE_NOOP("CountView", "No department is called “{0}”: pick one from the list"),
    ),
    (
        re.compile(r"There is no aisle (\S+) in this store \(aisles: (.*)\)$"),
        QT_TRANSLATE_NOOP("CountView", "There is no aisle {0} in this store (aisles: {1})"),
    ),
    (
        re.compile(r"No product has the barcode (.*)$"),
        QT_TRANSLATE_NOOP("CountView", "No product has the barcode {0}"),
    ),
    (
        re.compile(r"(\S+) already has (\d+) counted$"),
        QT_TRANSLATE_NOOP("CountView", "{0} already has {1} counted"),
    ),
    (
        re.compile(r"A counted quantity is a whole number from 0 to (\S+)$"),
        QT_TRANSLATE_NOOP("CountView", "A counted quantity is a whole number from 0 to {0}"),
    ),
    (
        re.compile(r"SKU (\S+) is not in the catalogue$"),
        QT_TRANSLATE_NOOP("CountView", "SKU {0} is not in the catalogue"),
    ),
    (
        re.compile(r"(\S+) has not been counted: count it first, then give a reason$"),
        QT_TRANSLATE_NOOP(
            "CountView", "{0} has not been counted: count it first, then give a reason"
        ),
    ),
    (
        re.compile(r"Nothing has been counted yet: scan the items on the shelf first$"),
        QT_TRANSLATE_NOOP(
            "CountView", "Nothing has been counted yet: scan the items on the shelf first"
        ),
    ),
    (
        re.compile(r"A correction needs a number of units other than 0$"),
        QT_TRANSLATE_NOOP("CountView", "A correction needs a number of units other than 0"),
    ),
    (
        re.compile(r"This count was submitted at (.*) UTC: start a new count$"),
        QT_TRANSLATE_NOOP("CountView", "This count was submitted at {0} UTC: start a new count"),
    ),
    (
        re.compile(r"This count was cancelled: start a new count$"),
        QT_TRANSLATE_NOOP("CountView", "This count was cancelled: start a new count"),
    ),
)


def _now() -> datetime:
    return datetime.now(UTC)


def _label(text: str = "", *, name: str = "", **props: str) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    for key, value in props.items():
        label.setProperty(key, value)
    return label


def _button(
    text: str, *, accent: bool = False, flat: bool = False, danger: bool = False
) -> QPushButton:
    button = QPushButton(text)
    if accent:
        button.setProperty("accent", True)
    if flat:
        button.setProperty("flat", True)
    if danger:
        button.setProperty("danger", True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def _card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("card", True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(20, 16, 20, 16)
    layout.setSpacing(10)
    return frame, layout


class QuantityDelegate(QStyledItemDelegate):
    """The Counted cell's editor: a whole number from 0, typed (no arrows)."""

    def createEditor(  # noqa: N802
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        """A spin box without buttons."""
        editor = QSpinBox(parent)
        editor.setRange(0, counts.MAX_QUANTITY)
        editor.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        """The quantity counted so far."""
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """The typed quantity goes to the model (which tells the page)."""
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class ReasonDelegate(QStyledItemDelegate):
    """The Reason cell of a counted review line: a combo of the adjustment reasons."""

    def __init__(self, model: CountModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.count_model = model

    def createEditor(  # noqa: N802
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        """A combo that commits as soon as a reason is picked."""
        combo = QComboBox(parent)
        combo.setObjectName("reasonCombo")
        combo.setAccessibleName(self.tr("Reason"))
        for code, label in self.count_model.reasons.items():
            combo.addItem(reason_label(label), code)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        """Tab and Shift+Tab move the keyboard on as anywhere else (to the next line's
        reason, then the buttons below), rather than round the table's cells for ever."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            return False
        return super().eventFilter(editor, event)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        """The line's reason."""
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """The reason picked goes to the model (which tells the page)."""
        assert isinstance(editor, QComboBox)
        if editor.currentData() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class CountTable(QTableView):
    """The counting table: ``+``/``-`` change the selected line by one, a digit starts
    typing its quantity, Delete takes it out of the count (to recount it)."""

    step = Signal(str, int)
    remove = Signal(str)

    def __init__(self, model: CountModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count_model = model

    def _sku(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.count_model.rows[index.row()].sku

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """The count's keys; the rest as a table does."""
        key = event.key()
        sku = self._sku()
        if sku is not None and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus):
            self.step.emit(sku, -1 if key == Qt.Key.Key_Minus else 1)
            return
        if sku is not None and key == Qt.Key.Key_Delete:
            self.remove.emit(sku)
            return
        if sku is not None and event.text().isdigit() and self.state() != self.State.EditingState:
            column = self.count_model.column(Col.COUNTED)
            self.setCurrentIndex(self.count_model.index(self.currentIndex().row(), column))
        super().keyPressEvent(event)


class CountView(QWidget):
    """The cycle count page.

    Signals: ``message(str, str)`` with a text and a level for the window; ``scanProblem(str)``
    when a scan taken failed after all; ``counted(str)`` with the SKU of a line written (a
    scan or a key) once the table shows it; ``opened(int)`` with the count shown for
    counting; ``reviewed()`` when the review shows a fresh read; ``submitted(object)`` with
    the :class:`~desktop_oms.cache.counts.Submitted` count; ``exported(str)`` with a CSV
    file written.

    Scans: product codes, while counting.
    """

    scan_target_name = "Count"

    message = Signal(str, str)
    scanProblem = Signal(str)  # noqa: N815
    counted = Signal(str)
    opened = Signal(int)
    reviewed = Signal()
    submitted = Signal(object)
    exported = Signal(str)
    shown = Signal()
    corrected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countView")
        self.station: Station | None = None
        self.events: StationEvents | None = None
        self.tasks: TaskManager | None = None
        self.tz: tzinfo = UTC
        self.session: CountSession | None = None  # the count open on the page
        self.codes: dict[str, str] | None = None  # the count's barcodes and SKUs, once read
        self.review: Review | None = None
        self.last_submitted: Submitted | None = None
        self.outside: str | None = None  # a code refused as outside, to add on request
        self.export_dir: Path | None = None  # tests: export here without asking
        self._generation = 0
        self._cancel_armed = False
        self._then: list[Callable[[], None]] = []  # to call once the next read shows
        self.adjust_dialog: AdjustDialog | None = None

        root = QVBoxLayout(self)
        root.setContentsMargins(28, 22, 28, 18)
        root.setSpacing(14)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = _label(self.tr("Cycle count"), name="pageTitle")
        self.subtitle = _label(self.tr(SUBTITLE), name="pageSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        self.state_chip = _label("", chip="info")
        self.state_chip.hide()
        head.addWidget(self.state_chip, 0, Qt.AlignmentFlag.AlignTop)
        root.addLayout(head)

        self.steps = QStackedWidget(self)
        root.addWidget(self.steps, 1)
        self.steps.addWidget(self._build_choose())
        self.steps.addWidget(self._build_counting())
        self.steps.addWidget(self._build_review())
        self.steps.addWidget(self._build_done())

        self._cancel_timer = QTimer(self)
        self._cancel_timer.setSingleShot(True)
        self._cancel_timer.timeout.connect(self._disarm_cancel)

    # --- building ------------------------------------------------------------------------

    def _build_choose(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        row = QHBoxLayout()
        row.setSpacing(16)

        dept, dept_layout = _card()
        dept_layout.addWidget(_label(self.tr("COUNT A DEPARTMENT"), section="true"))
        dept_layout.addWidget(
            _label(
                self.tr("Every product of the department, wherever it is in the store."),
                muted="true",
            )
        )
        self.department = QComboBox()
        self.department.setObjectName("departmentCombo")
        self.department.setAccessibleName(self.tr("Department to count"))
        self.department.setMinimumHeight(42)
        self.start_department = _button(self.tr("Start counting the department"), accent=True)
        self.start_department.clicked.connect(
            lambda: self.start("department", self.department.currentText())
        )
        dept_layout.addWidget(self.department)
        dept_layout.addStretch(1)
        dept_layout.addWidget(self.start_department)
        row.addWidget(dept, 1)

        shelf, shelf_layout = _card()
        shelf_layout.addWidget(_label(self.tr("COUNT A SHELF"), section="true"))
        shelf_layout.addWidget(
            _label(
                self.tr(
                    "An aisle and bay (H-07: all its shelves) or one shelf (H-07-C), as on the "
                    "shelf label."
                ),
                muted="true",
            )
        )
        self.shelf = QLineEdit()
        self.shelf.setObjectName("shelfEdit")
        self.shelf.setAccessibleName(self.tr("Shelf to count"))
        self.shelf.setPlaceholderText(self.tr("Aisle-bay or aisle-bay-shelf, e.g. H-07 or H-07-C"))
        self.shelf.setMinimumHeight(42)
        self.shelf.returnPressed.connect(lambda: self.start("shelf", self.shelf.text()))
        self.start_shelf = _button(self.tr("Start counting the shelf"), accent=True)
        self.start_shelf.clicked.connect(lambda: self.start("shelf", self.shelf.text()))
        self.choose_error = _label("")
        self.choose_error.setStyleSheet(f"color: {theme.BAD};")
        self.choose_error.setWordWrap(True)
        shelf_layout.addWidget(self.shelf)
        shelf_layout.addWidget(self.choose_error)
        shelf_layout.addStretch(1)
        shelf_layout.addWidget(self.start_shelf)
        row.addWidget(shelf, 1)
        layout.addLayout(row)

        resume, resume_layout = _card()
        resume_layout.addWidget(_label(self.tr("COUNTS IN PROGRESS"), section="true"))
        self.open_list = QListWidget()
        self.open_list.setObjectName("openCounts")
        self.open_list.setAccessibleName(self.tr("Counts in progress"))
        self.open_list.setMinimumHeight(140)
        self.open_list.itemActivated.connect(self._resume_item)
        self.no_open = _label(self.tr("No count in progress at this store."), muted="true")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.resume_button = _button(self.tr("Resume count"))
        self.resume_button.clicked.connect(lambda: self._resume_item(self.open_list.currentItem()))
        buttons.addWidget(self.resume_button)
        resume_layout.addWidget(self.open_list, 1)
        resume_layout.addWidget(self.no_open)
        resume_layout.addLayout(buttons)
        layout.addWidget(resume, 1)
        return page

    def _build_counting(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)

        top = QHBoxLayout()
        top.setSpacing(12)
        self.banner = QFrame()
        self.banner.setProperty("banner", "info")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(16, 10, 12, 10)
        self.banner_text = _label("")
        self.banner_text.setWordWrap(True)
        self.banner_text.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.add_outside = _button(self.tr("Add to this count"))
        self.add_outside.hide()
        self.add_outside.clicked.connect(self.add_outside_product)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.add_outside)
        top.addWidget(self.banner, 1)

        tally, tally_layout = _card()
        tally.setMinimumWidth(210)
        tally_layout.setSpacing(0)
        self.units = _label("0")
        self.units.setStyleSheet("font-size: 30px; font-weight: 800;")
        self.items = _label(self.tr("units · %n item(s) counted", "", 0), muted="true")
        tally_layout.addWidget(self.units)
        tally_layout.addWidget(self.items)
        top.addWidget(tally)
        layout.addLayout(top)

        entry = QHBoxLayout()
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("countCodeEdit")
        self.code_edit.setPlaceholderText(
            self.tr("No barcode? Type the SKU or barcode and press Enter")
        )
        self.code_edit.setAccessibleName(self.tr("SKU or barcode"))
        self.code_edit.setMinimumHeight(40)
        self.code_edit.returnPressed.connect(self._typed_code)
        entry.addWidget(self.code_edit, 1)
        self.keys_hint = _label(
            self.tr("+ / − change the selected line · type a number to set it · Del recounts"),
            faint="true",
        )
        entry.addWidget(self.keys_hint)
        layout.addLayout(entry)

        self.model = CountModel("counting", self)
        self.model.quantityEdited.connect(self.set_quantity)
        self.table = CountTable(self.model)
        self.table.setObjectName("countTable")
        self.table.setAccessibleName(self.tr("Items counted"))
        self.table.setModel(self.model)
        setup_queue_table(
            self.table,
            row_height=ROW_HEIGHT,
            widths={0: 110, 1: 150, 3: 110, 4: 220},
            stretch=2,
        )
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setItemDelegateForColumn(
            self.model.column(Col.COUNTED), QuantityDelegate(self.table)
        )
        self.table.step.connect(self.step)
        self.table.remove.connect(self.remove_line)
        self.empty = _label("", name="emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)

        bottom = QHBoxLayout()
        self.cancel_button = _button(self.tr("Cancel count"), danger=True)
        self.cancel_button.clicked.connect(self._cancel_clicked)
        self.leave_button = _button(self.tr("Count something else"), flat=True)
        self.leave_button.clicked.connect(self.show_choose)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.leave_button)
        bottom.addStretch(1)
        self.saved_note = _label(self.tr("Saved on this station as you count."), faint="true")
        self.saved_note.setToolTip(self.saved_note.text())
        self.saved_note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # the buttons keep their width; a narrow window clips this note, not their words
        self.saved_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bottom.addWidget(self.saved_note, 4)
        self.correct_button = _button(self.tr("Correct stock…"))
        self.correct_button.setToolTip(
            self.tr(
                "Take units off (damaged, theft) or put them on (found) for the selected line, "
                "outside the count (manager)"
            )
        )
        self.correct_button.clicked.connect(self.correct_selected)
        bottom.addWidget(self.correct_button)
        self.review_button = _button(self.tr("Review variances  →"), accent=True)
        self.review_button.clicked.connect(self.show_review)
        bottom.addWidget(self.review_button)
        layout.addLayout(bottom)
        return page

    def _build_review(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)

        totals = QFrame()
        totals.setProperty("card", True)
        grid = QGridLayout(totals)
        grid.setContentsMargins(20, 14, 20, 14)
        grid.setHorizontalSpacing(28)
        self.figures: dict[str, QLabel] = {}
        for column, (key, title) in enumerate(
            (
                ("lines", self.tr("ITEMS COUNTED")),
                ("units", self.tr("UNITS COUNTED")),
                ("expected", self.tr("UNITS EXPECTED")),
                ("variance", self.tr("NET VARIANCE")),
                ("value", self.tr("NET VALUE")),
                ("absolute", self.tr("ABSOLUTE VALUE")),
                ("missing", self.tr("NOT COUNTED")),
            )
        ):
            grid.addWidget(_label(title, section="true"), 0, column)
            figure = _label("0")
            figure.setStyleSheet("font-size: 22px; font-weight: 800;")
            grid.addWidget(figure, 1, column)
            self.figures[key] = figure
        layout.addWidget(totals)

        self.review_model = CountModel("review", self)
        self.review_model.reasonEdited.connect(self.set_reason)
        self.review_table = QTableView()
        self.review_table.setObjectName("reviewTable")
        self.review_table.setAccessibleName(self.tr("Variances"))
        self.review_table.setModel(self.review_model)
        setup_queue_table(
            self.review_table,
            row_height=ROW_HEIGHT,
            widths={0: 96, 1: 112, 3: 98, 4: 90, 5: 92, 6: 106, 7: 190, 8: 128},
            stretch=2,
        )
        self.review_table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.review_table.setItemDelegateForColumn(
            self.review_model.column(Col.REASON),
            ReasonDelegate(self.review_model, self.review_table),
        )
        layout.addWidget(self.review_table, 1)

        bottom = QHBoxLayout()
        self.back_button = _button(self.tr("←  Back to counting"))
        self.back_button.clicked.connect(self.show_counting)
        bottom.addWidget(self.back_button)
        self.export_button = _button(self.tr("Export CSV"))
        self.export_button.setIcon(theme.icon("upload", theme.INK))
        self.export_button.clicked.connect(lambda: self.export_csv())
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        uncounted_label = _label(self.tr("Items not counted:"), muted="true")
        bottom.addWidget(uncounted_label)
        self.uncounted = QComboBox()
        self.uncounted.setObjectName("uncountedCombo")
        uncounted_label.setBuddy(self.uncounted)
        self.uncounted.addItem(self.tr("Leave them out"), userData="leave")
        self.uncounted.addItem(self.tr("Count them as 0"), userData="zero")
        self.uncounted.setMinimumHeight(42)
        bottom.addWidget(self.uncounted)
        self.submit_button = _button(self.tr("Submit count"), accent=True)
        self.submit_button.clicked.connect(self.submit)
        bottom.addWidget(self.submit_button)
        layout.addLayout(bottom)
        self.submit_note = _label("", muted="true")
        self.submit_note.setWordWrap(True)
        self.submit_note.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.submit_note)
        return page

    def _build_done(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        card, inner = _card()
        inner.setContentsMargins(28, 24, 28, 24)
        self.done_title = _label(self.tr("Count submitted"), name="orderTitle")
        self.done_text = _label("", muted="true")
        self.done_text.setWordWrap(True)
        self.done_waiting = _label("", chip="info")
        self.another = _button(self.tr("Start another count"), accent=True)
        self.another.clicked.connect(self.show_choose)
        inner.addWidget(self.done_title)
        inner.addWidget(self.done_text)
        chip_row = QHBoxLayout()
        chip_row.addWidget(self.done_waiting)
        chip_row.addStretch(1)
        inner.addLayout(chip_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.another)
        inner.addLayout(buttons)
        layout.addWidget(card)
        layout.addStretch(1)
        return page

    # --- wiring --------------------------------------------------------------------------

    def attach(self, station: Station, events: StationEvents, tasks: TaskManager) -> None:
        """Work with ``station`` from now on."""
        self.station, self.events, self.tasks = station, events, tasks
        events.sessionChanged.connect(self._on_session)
        events.outboxChanged.connect(self._refresh_waiting)
        events.dataChanged.connect(self._refresh_waiting)
        self._load_setup()

    def _load_setup(self) -> None:
        """Read the store's time zone, the departments and the adjustment reasons."""
        if self.station is None or self.tasks is None:
            return
        store_id = self.station.store_id

        def loaded(found: tuple[Any, list[str], list[tuple[str, str]]]) -> None:
            info, names, reasons = found
            if info is not None:
                self.tz = info.tz()
            current = self.department.currentText()
            self.department.clear()
            self.department.addItems(names)
            if current in names:
                self.department.setCurrentText(current)
            known = reasons or [(r.code, r.label) for r in reasons_for(ReasonKind.ADJUST)]
            self.review_model.reasons = dict(known)
            self.model.reasons = dict(known)

        self.tasks.read(
            lambda conn: (
                store_info(conn, store_id),
                counts.departments(conn),
                queries.reason_codes(conn, ReasonKind.ADJUST.value),
            ),
            name="count.setup",
        ).then(loaded)

    def _on_session(self, session: object) -> None:
        """Signed out: back to the first step (the count stays saved, listed there)."""
        if session is None and self.steps.currentIndex() != CHOOSE:
            self.show_choose()
        self._update_submit()

    def page_shown(self) -> None:
        """The page came to the front: re-read what it shows."""
        if self.session is None and self.steps.currentIndex() == CHOOSE:
            self.show_choose()
        elif self.steps.currentIndex() == REVIEW:
            self.reload()
        elif self.steps.currentIndex() == COUNTING:
            self.reload()
            self.table.setFocus()
        self._update_submit()

    @property
    def step_name(self) -> str:
        """``choose``, ``counting``, ``review`` or ``done``."""
        return ("choose", "counting", "review", "done")[self.steps.currentIndex()]

    # --- choosing ------------------------------------------------------------------------

    def show_choose(self) -> None:
        """The first step: what to count, and the counts in progress."""
        self.session = None
        self.codes = None
        self.steps.setCurrentIndex(CHOOSE)
        self.title.setText(self.tr("Cycle count"))
        self.subtitle.setText(self.tr(SUBTITLE))
        self.state_chip.hide()
        self.choose_error.setText("")
        if self.station is None or self.tasks is None:
            return
        if self.department.count() == 0:
            self._load_setup()  # the first sync came after the page was attached
        store_id = self.station.store_id
        self.tasks.read(lambda conn: counts.open_counts(conn, store_id), name="count.open").then(
            self._show_open
        )

    def _show_open(self, found: list[CountSession]) -> None:
        self.open_list.clear()
        for session in found:
            who = session.started_by_name or self.tr("staff {id}").format(id=session.started_by)
            items = self.tr("%n item(s)", "", session.lines)
            units = self.tr("%n unit(s) counted", "", session.units)
            item = QListWidgetItem(
                self.tr("{scope}   ·   started {when} by {who}   ·   {items}, {units}").format(
                    scope=scope_label(session.scope),
                    when=self._time(session.started_at),
                    who=who,
                    items=items,
                    units=units,
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            item.setSizeHint(QSize(0, 40))
            self.open_list.addItem(item)
        self.open_list.setVisible(bool(found))
        self.no_open.setVisible(not found)
        self.resume_button.setEnabled(bool(found))
        if found:
            self.open_list.setCurrentRow(0)

    def _time(self, text: str | None) -> str:
        if not text:
            return ""
        when = datetime.fromisoformat(text).astimezone(self.tz)
        today = datetime.now(self.tz).date()
        if when.date() == today:
            return f"{when:%H:%M}"
        return locale_text(when, "d MMM HH:mm")

    def start(self, kind: str, value: str) -> None:
        """Begin a count of a department (by name) or a shelf (``H-07``, ``H-07-C``)."""
        station, tasks = self.station, self.tasks
        session = station.session if station is not None else None
        if station is None or tasks is None or session is None:
            return
        store_id, staff_id, now = station.store_id, session.staff_id, _now()
        scope_kind: Any = kind

        def job(conn: Connection) -> CountSession:
            scope = counts.make_scope(conn, scope_kind, value)
            return counts.start(conn, store_id=store_id, scope=scope, staff_id=staff_id, now=now)

        def refused(exc: BaseException) -> None:
            if not isinstance(exc, DomainError):
                raise exc
            self.choose_error.setText(refusal_words(exc))

        tasks.write(job, name="count.start").then(self.open_count, refused)

    def _resume_item(self, item: QListWidgetItem | None) -> None:
        if item is None or self.tasks is None:
            return
        session_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.tasks.read(lambda conn: counts.get(conn, session_id), name="count.get").then(
            lambda found: self.open_count(found) if found is not None else None
        )

    def open_count(self, session: CountSession) -> None:
        """Count ``session``: read its products' codes, then show its lines."""
        if self.tasks is None:
            return
        self.session = session
        self.codes = None
        self.outside = None
        self.model.set_rows([])
        self.steps.setCurrentIndex(COUNTING)
        self._show_header()
        self._say(
            self.tr("Scan the items of {scope}. Each scan counts one.").format(
                scope=scope_label(session.scope)
            ),
            "info",
        )
        session_id = session.id

        def loaded(codes: dict[str, str]) -> None:
            if self.session is None or self.session.id != session_id:
                return
            self.codes = codes
            self.opened.emit(session_id)

        self.tasks.read(lambda conn: counts.scope_codes(conn, session_id), name="count.codes").then(
            loaded
        )
        self.reload()
        self.table.setFocus()

    def _show_header(self) -> None:
        session = self.session
        if session is None:
            return
        who = session.started_by_name or self.tr("staff {id}").format(id=session.started_by)
        self.title.setText(self.tr("Counting {scope}").format(scope=scope_label(session.scope)))
        self.subtitle.setText(
            self.tr("Started {when} by {who} · saved on this station as you go").format(
                when=self._time(session.started_at), who=who
            )
        )
        self.state_chip.setText(self.tr("In progress"))
        self.state_chip.setProperty("chip", "info")
        theme.restyle(self.state_chip)
        self.state_chip.show()

    # --- reading -------------------------------------------------------------------------

    def reload(self, highlight: str | None = None, then: Callable[[], None] | None = None) -> None:
        """Re-read the count's lines (and its review); ``then`` once a read shows them (a
        newer read replaces a waiting one, so the callbacks wait for whichever shows)."""
        session, tasks = self.session, self.tasks
        if session is None or tasks is None:
            return
        if then is not None:
            self._then.append(then)
        self._generation += 1
        generation = self._generation
        session_id = session.id
        full = self.steps.currentIndex() != COUNTING  # while counting, the lines will do
        tasks.read(
            lambda conn: counts.review(conn, session_id, uncounted=full),
            key="count.review",
            name="count.review",
        ).then(lambda review: self._show(review, generation, highlight))

    def _show(self, review: Review, generation: int, highlight: str | None) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            return
        self.review = review
        self.session = review.count
        counted = sorted(review.counted, key=lambda r: (r.location, r.sku))
        current = self.model.highlight if highlight is None else highlight
        self.model.set_rows(counted, current)
        self.units.setText(grouped(review.units_counted))
        lines = len(review.counted)
        self.items.setText(self.tr("units · %n item(s) counted", "", lines))
        self.table.setVisible(bool(counted))
        self.empty.setVisible(not counted)
        self.empty.setText(
            self.tr("Nothing counted yet.\nScan the first item of {scope}.").format(
                scope=scope_label(review.count.scope)
            )
        )
        if current is not None and (row := self.model.row_of(current)) is not None:
            index = self.model.index(row, self.model.column(Col.COUNTED))
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
        self._show_review(review)
        pending, self._then = self._then, []
        for callback in pending:
            callback()
        self.shown.emit()

    def _show_review(self, review: Review) -> None:
        for row in range(self.review_model.rowCount()):
            self.review_table.closePersistentEditor(
                self.review_model.index(row, self.review_model.column(Col.REASON))
            )
        self.review_model.set_rows(review.lines)
        column = self.review_model.column(Col.REASON)
        for row, line in enumerate(review.lines):
            if line.counted is not None:
                self.review_table.openPersistentEditor(self.review_model.index(row, column))
        f = self.figures
        currency = review.currency
        f["lines"].setText(grouped(len(review.counted)))
        f["units"].setText(grouped(review.units_counted))
        f["expected"].setText(grouped(review.units_expected))
        f["variance"].setText(f"{review.variance_units:+,}" if review.variance_units else "0")
        value = review.variance_minor
        f["value"].setText(
            ("−" if value < 0 else "+" if value > 0 else "") + money(abs(value), currency)
        )
        f["absolute"].setText(money(review.absolute_minor, currency))
        f["missing"].setText(grouped(len(review.not_counted)))
        for key, number in (("variance", review.variance_units), ("value", value)):
            colour = theme.BAD if number < 0 else theme.OK if number > 0 else theme.INK
            f[key].setStyleSheet(f"font-size: 22px; font-weight: 800; color: {colour};")
        missing = theme.WARN if review.not_counted else theme.INK
        f["missing"].setStyleSheet(f"font-size: 22px; font-weight: 800; color: {missing};")
        self._update_submit()
        if self.steps.currentIndex() == REVIEW:
            self.reviewed.emit()

    # --- counting ------------------------------------------------------------------------

    def _say(self, text: str, level: str) -> None:
        """The banner over the count: ``info``, ``ok`` or ``bad``."""
        self.banner.setProperty("banner", {"ok": "info", "bad": "bad"}.get(level, "info"))
        theme.restyle(self.banner)
        colour = {"ok": theme.OK, "bad": theme.BAD}.get(level, theme.INK)
        self.banner_text.setStyleSheet(f"font-size: 16px; font-weight: 600; color: {colour};")
        self.banner_text.setText(text)
        if level != "bad":
            self.add_outside.hide()

    def _write(
        self,
        job: Callable[[Connection], counts.CountLine],
        *,
        scanned: bool,
        name: str,
    ) -> None:
        """Write a line change, then show it (or say why not)."""
        if self.tasks is None:
            return

        def done(found: counts.CountLine) -> None:
            if not shiboken6.isValid(self):
                return
            self._said_line(found, scanned)
            self.reload(found.sku, then=lambda: self.counted.emit(found.sku))

        def refused(exc: BaseException) -> None:
            if not isinstance(exc, DomainError):
                raise exc
            if not shiboken6.isValid(self):
                return
            self._refused(exc)
            if scanned:
                self.scanProblem.emit(refusal_words(exc))

        self.tasks.write(job, name=name).then(done, refused)

    def _said_line(self, found: counts.CountLine, scanned: bool) -> None:
        name = next((r.name for r in self.model.rows if r.sku == found.sku), found.sku)
        self.announce(found.sku, name, found.counted, scanned=scanned)

    def announce(self, sku: str, name: str, counted: int, *, scanned: bool = True) -> None:
        """Say which line a scan or key just changed, and its count now."""
        text = (
            self.tr("✓ {name} ({sku}) · {count} counted (scanned)")
            if scanned
            else self.tr("✓ {name} ({sku}) · {count} counted (set)")
        )
        self._say(text.format(name=name, sku=sku, count=grouped(counted)), "ok")

    def _refused(self, exc: DomainError) -> None:
        self._say(refusal_words(exc), "bad")
        if isinstance(exc, counts.OutsideScope):
            self.add_outside.show()

    def _staff(self) -> int | None:
        session = self.station.session if self.station is not None else None
        return None if session is None else session.staff_id

    def record(self, code: str, *, add_outside: bool = False, scanned: bool = True) -> None:
        """Count one unit of the product ``code`` names (a scan or a typed code)."""
        session, staff = self.session, self._staff()
        if session is None or staff is None:
            return
        session_id, now = session.id, _now()
        self._write(
            lambda conn: counts.record_scan(
                conn, session_id, code, staff_id=staff, now=now, add_outside=add_outside
            ),
            scanned=scanned,
            name="count.scan",
        )

    def set_quantity(self, sku: str, quantity: int) -> None:
        """Set a line's counted quantity (typed into the table)."""
        session, staff = self.session, self._staff()
        if session is None or staff is None:
            return
        session_id, now = session.id, _now()
        self._write(
            lambda conn: counts.set_quantity(
                conn, session_id, sku, quantity, staff_id=staff, now=now
            ),
            scanned=False,
            name="count.set",
        )

    def step(self, sku: str, delta: int) -> None:
        """One more or one less of a line (the ``+`` and ``-`` keys)."""
        row = self.model.row_of(sku)
        if row is None:
            return
        quantity = (self.model.rows[row].counted or 0) + delta
        if quantity < 0:
            self._say(self.tr("A count cannot go below 0"), "bad")
            return
        self.set_quantity(sku, quantity)

    def remove_line(self, sku: str) -> None:
        """Take a line out to count it again from scratch (Delete)."""
        session = self.session
        if session is None or self.tasks is None:
            return
        session_id = session.id

        def done(_removed: bool) -> None:
            self._say(
                self.tr("{sku} taken out of the count: scan it again to recount it").format(
                    sku=sku
                ),
                "info",
            )
            self.reload()

        self.tasks.write(
            lambda conn: counts.remove_line(conn, session_id, sku), name="count.remove"
        ).then(done, self._refused_any)

    def _refused_any(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self._say(refusal_words(exc), "bad")

    def _typed_code(self) -> None:
        text = self.code_edit.text().strip()
        self.code_edit.clear()
        if text:
            self.record(text, scanned=False)

    def add_outside_product(self) -> None:
        """Count the product just refused as outside the count, on purpose."""
        code = self.outside
        if code is None:
            return
        self.outside = None
        self.add_outside.hide()

        def refresh_codes() -> None:
            session = self.session
            if session is None or self.tasks is None:
                return
            session_id = session.id
            self.tasks.read(
                lambda conn: counts.scope_codes(conn, session_id), name="count.codes"
            ).then(lambda codes: setattr(self, "codes", codes))

        self.record(code, add_outside=True, scanned=False)
        refresh_codes()

    # --- cancelling ----------------------------------------------------------------------

    def _cancel_clicked(self) -> None:
        if not self._cancel_armed:
            self._cancel_armed = True
            self.cancel_button.setText(self.tr("Click again to cancel the count"))
            self._cancel_timer.start(CONFIRM_MS)
            return
        self._disarm_cancel()
        self.cancel_count()

    def _disarm_cancel(self) -> None:
        self._cancel_armed = False
        self._cancel_timer.stop()
        self.cancel_button.setText(self.tr("Cancel count"))

    def cancel_count(self) -> None:
        """Abandon the count shown (nothing is sent)."""
        session = self.session
        if session is None or self.tasks is None:
            return
        session_id, now = session.id, _now()

        def done(_none: None) -> None:
            self.message.emit(
                self.tr("Count of {scope} cancelled: nothing was sent.").format(
                    scope=scope_label(session.scope)
                ),
                "info",
            )
            self.show_choose()

        self.tasks.write(
            lambda conn: counts.cancel(conn, session_id, now), name="count.cancel"
        ).then(done, self._refused_any)

    # --- review and submit ---------------------------------------------------------------

    def show_counting(self) -> None:
        """Back to the counting step."""
        if self.session is None:
            return
        self.steps.setCurrentIndex(COUNTING)
        self._show_header()
        self.reload()
        self.table.setFocus()

    def show_review(self) -> None:
        """The variance review of the count shown."""
        session = self.session
        if session is None:
            return
        self.steps.setCurrentIndex(REVIEW)
        self.title.setText(self.tr("Review: {scope}").format(scope=scope_label(session.scope)))
        self.state_chip.setText(self.tr("Review"))
        self.reload()
        self.review_table.setFocus()

    def set_reason(self, sku: str, reason: str) -> None:
        """The reason a line goes to the server with."""
        session = self.session
        if session is None or self.tasks is None:
            return
        session_id = session.id
        self.tasks.write(
            lambda conn: counts.set_reason(conn, session_id, sku, reason), name="count.reason"
        ).then(lambda _none: self.reload(), self._refused_any)

    def _update_submit(self) -> None:
        session = self.station.session if self.station is not None else None
        role = session.role if session is not None else None
        allowed = counts.may_submit(role)
        self.correct_button.setVisible(allowed)
        has_lines = self.review is not None and bool(self.review.counted)
        self.submit_button.setEnabled(allowed and has_lines and self.session is not None)
        if not allowed:
            text = self.tr(MANAGER_SUBMITS) + "."
        elif not has_lines:
            text = self.tr("Nothing has been counted yet.")
        else:
            n = len(self.review.counted) if self.review is not None else 0
            text = self.tr(
                "Submitting sends %n stock count(s); the server applies each against the sales "
                "and receipts since the item was counted.",
                "",
                n,
            )
        self.submit_note.setText(text)
        self.submit_button.setToolTip(text)

    def submit(self) -> None:
        """Queue the count's commands (manager), then show what was queued."""
        station, tasks, count = self.station, self.tasks, self.session
        session = station.session if station is not None else None
        if station is None or tasks is None or session is None or count is None:
            return
        if not counts.may_submit(session.role):
            self.message.emit(self.tr(MANAGER_SUBMITS), "warn")
            return
        session_id, staff, role, now = count.id, session.staff_id, session.role, _now()
        uncounted: Any = self.uncounted.currentData()
        self.submit_button.setEnabled(False)

        def job(conn: Connection) -> Submitted:
            return counts.submit(
                conn, session_id, staff_id=staff, now=now, uncounted=uncounted, role=role
            )

        def done(result: Submitted) -> None:
            station.kick()
            if self.events is not None:
                self.events.outboxChanged.emit()
                self.events.changed()
            self.last_submitted = result
            self._show_done(result)
            n = len(result.entries)
            self.message.emit(
                self.tr("Count submitted: %n stock count(s) queued for the server.", "", n),
                "info",
            )
            self.submitted.emit(result)

        def refused(exc: BaseException) -> None:
            self._update_submit()
            if not isinstance(exc, DomainError):
                raise exc
            self.message.emit(
                self.tr("The count was not submitted: {why}").format(why=refusal_words(exc)), "bad"
            )

        tasks.write(job, name="count.submit").then(done, refused)

    def _show_done(self, result: Submitted) -> None:
        self.session = None
        self.steps.setCurrentIndex(DONE)
        scope = scope_label(result.count.scope)
        self.title.setText(self.tr("Submitted: {scope}").format(scope=scope))
        self.subtitle.setText(
            self.tr("The stock counts are in the outbox and go to the server with the next sync.")
        )
        self.state_chip.setText(self.tr("Submitted"))
        self.state_chip.setProperty("chip", "ok")
        theme.restyle(self.state_chip)
        seqs = [e.seq for e in result.entries]
        n = len(seqs)
        zeroed = (
            " " + self.tr("%n item(s) not found counted as 0.", "", result.zeroed)
            if result.zeroed
            else ""
        )
        self.done_title.setText(self.tr("%n stock count(s) queued", "", n))
        self.done_text.setText(
            self.tr("{scope}: commands #{first}–#{last} with their reasons.").format(
                scope=scope, first=min(seqs), last=max(seqs)
            )
            + zeroed
            + " "
            + self.tr(
                "The server applies each count against the movements since the item was "
                "counted, so sales made meanwhile still count. Refusals appear in the "
                "Conflicts inbox."
            )
        )
        self._show_waiting(n)
        self._refresh_waiting()

    def _show_waiting(self, waiting: int) -> None:
        if waiting:
            self.done_waiting.setText(self.tr("%n waiting to send", "", waiting))
            self.done_waiting.setProperty("chip", "warn")
        else:
            self.done_waiting.setText(self.tr("All sent to the server"))
            self.done_waiting.setProperty("chip", "ok")
        theme.restyle(self.done_waiting)

    def _refresh_waiting(self) -> None:
        result, tasks = self.last_submitted, self.tasks
        if result is None or tasks is None or self.steps.currentIndex() != DONE:
            return
        session_id = result.count.id
        tasks.read(lambda conn: counts.waiting(conn, session_id), name="count.waiting").then(
            self._show_waiting
        )

    def export_csv(self, path: Path | None = None) -> None:
        """Export the variance list (raw values) to a CSV file, asked for unless given."""
        tasks, review = self.tasks, self.review
        if tasks is None or review is None:
            return
        now = datetime.now(self.tz)
        suggested = csvexport.default_name(f"count {review.count.scope.value}", now)
        if path is None and self.export_dir is not None:
            path = self.export_dir / suggested
        if path is None:
            path = csvexport.ask_path(self, suggested)
        if path is None:
            return
        target = path

        def done(rows: int) -> None:
            self.message.emit(
                self.tr("Exported %n line(s) to {file}.", "", rows).format(file=target.name), "info"
            )
            self.exported.emit(str(target))

        def failed(exc: BaseException) -> None:
            self.message.emit(self.tr("The export failed: {error}").format(error=exc), "bad")

        csvexport.export_model(self.review_model, target, tasks).then(done, failed)

    # --- scans ---------------------------------------------------------------------------

    def accepts(self, kind: ScanKind) -> bool:
        """Product codes while counting."""
        return (
            kind is ScanKind.PRODUCT
            and self.session is not None
            and self.steps.currentIndex() == COUNTING
        )

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """A product scanned while counting: +1 on its line, or refused when it is not part
        of this count (the page then says where it belongs)."""
        session = self.session
        if session is None:
            raise ScanRefused(self.tr("Choose what to count first"))
        if self.codes is None:
            raise ScanRefused(self.tr("The count is still loading — scan again in a moment"))
        keys: tuple[str, ...] = ()
        if isinstance(code, GtinCode):
            keys = code.lookup_keys
        elif isinstance(code, Gs1Code):
            keys = (code.gtin14,)
        text = scan.text.strip()
        codes = self.codes
        sku = next((codes[k] for k in (*keys, text, text.upper()) if k in codes), None)
        if sku is None:
            self.outside = text
            self._name_outside(text)
            raise ScanRefused(
                self.tr("That item is not part of this count ({scope})").format(
                    scope=scope_label(session.scope)
                )
            )
        self.record(keys[0] if keys else text)

    def _name_outside(self, raw: str) -> None:
        """Say what the refused product is and where it belongs (read on the worker)."""
        session, tasks = self.session, self.tasks
        if session is None or tasks is None:
            return
        scope = session.scope
        self._say(
            self.tr("That item is not part of this count ({scope})").format(
                scope=scope_label(scope)
            ),
            "bad",
        )

        def named(product: queries.ProductRow | None) -> None:
            if not shiboken6.isValid(self) or self.outside != raw:
                return
            if product is None:
                self.outside = None
                self._say(
                    self.tr("No product has the barcode {code}: it cannot be counted").format(
                        code=raw
                    ),
                    "bad",
                )
                return
            self._refused(counts.outside_message(product, scope))

        tasks.read(
            lambda conn: queries.product_by_identifier(conn, raw), name="count.outside"
        ).then(named)

    # --- one correction ----------------------------------------------------------------

    def correct_selected(self) -> None:
        """Ask for a correction of the selected line's stock (units and reason), then queue
        it (manager)."""
        index = self.table.currentIndex()
        if not index.isValid():
            self._say(self.tr("Select a line first, then press Correct stock…"), "bad")
            return
        row = self.model.rows[index.row()]
        dialog = AdjustDialog(row.sku, row.name, row.current, self.model.reasons, self)
        dialog.setModal(True)
        self.adjust_dialog = dialog

        def done(result: int) -> None:
            self.adjust_dialog = None
            self.table.setFocus()  # the keyboard goes back to the line corrected
            if result == QDialog.DialogCode.Accepted:
                units, reason = dialog.chosen()
                self.correct(row.sku, units, reason)

        dialog.finished.connect(done)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def correct(self, sku: str, units: int, reason: str) -> None:
        """Queue a stock correction of ``sku`` by ``units`` with ``reason``."""
        station, tasks = self.station, self.tasks
        session = station.session if station is not None else None
        if station is None or tasks is None or session is None:
            return
        store_id, staff, role, now = station.store_id, session.staff_id, session.role, _now()

        def job(conn: Connection) -> outbox.OutboxEntry:
            return counts.adjust(
                conn,
                store_id=store_id,
                sku=sku,
                delta=units,
                reason=reason,
                staff_id=staff,
                now=now,
                role=role,
            )

        def done(entry: outbox.OutboxEntry) -> None:
            station.kick()
            if self.events is not None:
                self.events.outboxChanged.emit()
                self.events.changed()
            label = reason_label(self.model.reasons.get(reason, reason)).lower()
            self.message.emit(
                self.tr("Stock of {sku} corrected by {units} ({reason}): queued.").format(
                    sku=sku, units=f"{units:+d}", reason=label
                ),
                "info",
            )
            self.reload()
            self.corrected.emit(entry)

        tasks.write(job, name="count.correct").then(done, self._refused_any)

    # --- tests and screenshots -------------------------------------------------------------

    def lines(self) -> list[tuple[str, int | None]]:
        """``(sku, counted)`` of the counting table, top to bottom."""
        return [(r.sku, r.counted) for r in self.model.rows]
