"""The scanner diagnostics page: a live list of raw scans (model and widget).

:class:`ScanLogModel` keeps the last :data:`MAX_ROWS` scans as
:class:`~desktop_oms.scanner.diagnostics.LogEntry` rows — time, source, the raw text with
control characters made visible, per-character timing, meaning or bad-scan reason, and
where the scan went. :class:`ScanLogWidget` shows it with a Clear button; the gui puts it
on a settings page and connects ``ScanDispatcher.routed`` to :meth:`ScanLogModel.add_result`.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.scanner.diagnostics import LogEntry
from desktop_oms.scanner.router import RouteResult
from desktop_oms.scanner.scan import Scan

#: Rows kept; older ones drop off the top.
MAX_ROWS = 500
#: Data role: True for a good scan, False for a bad or refused one.
GOOD_ROLE = Qt.ItemDataRole.UserRole + 1
_BAD_COLOUR = QColor("#B42318")

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The columns of the scan log."""

    TIME = 0
    SOURCE = 1
    RAW = 2
    TIMING = 3
    MEANING = 4
    ROUTED = 5


_HEADERS = {
    Column.TIME: "Time",
    Column.SOURCE: "Source",
    Column.RAW: "Received",
    Column.TIMING: "Timing",
    Column.MEANING: "Meaning",
    Column.ROUTED: "Went to",
}


class ScanLogModel(QAbstractTableModel):
    """The last scans, oldest first (a flat table: no signals beyond the model's own)."""

    def __init__(self, parent: QObject | None = None, max_rows: int = MAX_ROWS) -> None:
        super().__init__(parent)
        self._rows: list[LogEntry] = []
        self._max_rows = max(1, max_rows)

    @property
    def entries(self) -> tuple[LogEntry, ...]:
        """The rows, oldest first."""
        return tuple(self._rows)

    def add(self, entry: LogEntry) -> None:
        """Append ``entry``, dropping the oldest rows beyond the limit."""
        overflow = len(self._rows) + 1 - self._max_rows
        if overflow > 0:
            self.beginRemoveRows(QModelIndex(), 0, overflow - 1)
            del self._rows[:overflow]
            self.endRemoveRows()
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(entry)
        self.endInsertRows()

    def add_result(self, result: RouteResult) -> None:
        """Log a routed scan (connect ``ScanDispatcher.routed`` here)."""
        self.add(LogEntry.of_result(result))

    def add_scan(self, scan: Scan) -> None:
        """Log a scan that was not routed (e.g. while testing a scanner)."""
        self.add(LogEntry.of(scan))

    def clear(self) -> None:
        """Forget every row."""
        self.beginResetModel()
        self._rows.clear()
        self.endResetModel()

    # --- QAbstractItemModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """The number of scans (a table: children of a cell have none)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """The number of columns."""
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return _HEADERS[Column(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text, tooltip, colour, or whether its scan was good."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole and not entry.good:
            return _BAD_COLOUR
        if role == Qt.ItemDataRole.FontRole and column == Column.RAW:
            return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        if role == GOOD_ROLE:
            return entry.good
        return None


def _display(entry: LogEntry, column: Column) -> str:
    match column:
        case Column.TIME:
            return entry.at.astimezone().strftime("%H:%M:%S.%f")[:-3]
        case Column.SOURCE:
            return entry.source
        case Column.RAW:
            return entry.raw
        case Column.TIMING:
            return entry.timing
        case Column.MEANING:
            return entry.meaning
    return entry.routed


def _tooltip(entry: LogEntry, column: Column) -> str | None:
    if column == Column.TIMING:
        return entry.timing_detail
    if column == Column.RAW:
        guess = f", probably {entry.symbology}" if entry.symbology else ""
        return f"{entry.length} characters{guess}"
    if column in (Column.MEANING, Column.ROUTED):
        return entry.meaning if column == Column.MEANING else entry.routed
    return None


class ScanLogWidget(QWidget):
    """The diagnostics page: what each scanner sent, live, with a Clear button."""

    def __init__(self, model: ScanLogModel | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model or ScanLogModel(self)
        intro = QLabel(
            "Scan something: every scan shows here as it arrived — each character "
            "(␝ is GS, ␍ is Enter), how fast the characters came, what it means and "
            "where it went."
        )
        intro.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("scanLog")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((Column.TIME, 100), (Column.SOURCE, 150), (Column.RAW, 260)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(Column.TIMING, 170)
        self.table.setColumnWidth(Column.MEANING, 300)
        self.clear_button = QPushButton("Clear", self)
        self.clear_button.clicked.connect(self.model.clear)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.model.rowsInserted.connect(self._follow)

    def _follow(self) -> None:
        """Keep the newest scan in sight, unless a row is selected (someone is reading it)."""
        if not self.table.selectionModel().hasSelection():
            self.table.scrollToBottom()
