"""The scanner diagnostics page: a live list of raw scans (model and widget).

:class:`ScanLogModel` keeps the last :data:`MAX_ROWS` scans as
:class:`~desktop_oms.scanner.diagnostics.LogEntry` rows — time, source, the raw text with
control characters made visible, per-character timing, meaning or bad-scan reason, and
where the scan went. :class:`ScanLogWidget` shows it with a Clear button; the gui puts it
on a settings page and connects ``ScanDispatcher.routed`` to :meth:`ScanLogModel.add_result`.
Control characters are drawn as small tags (``GS``, ``CR``: :class:`ControlTagDelegate`),
which no font can lack, where the model's text has their Unicode pictures (␝, ␍).
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.gui.scanwords import log_entry, source_name, timing_summary
from desktop_oms.scanner.diagnostics import LogEntry, runs
from desktop_oms.scanner.router import RouteResult
from desktop_oms.scanner.scan import Scan, Source

#: Rows kept; older ones drop off the top.
MAX_ROWS = 500
#: Data role: True for a good scan, False for a bad or refused one.
GOOD_ROLE = Qt.ItemDataRole.UserRole + 1
_BAD_COLOUR = QColor("#B42318")
_TAG_FILL = QColor("#E2E6EC")
_TAG_TEXT = QColor("#3B4452")

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The columns of the scan log."""

    TIME = 0
    SOURCE = 1
    RAW = 2
    TIMING = 3
    MEANING = 4
    ROUTED = 5


#: Column titles (English; translated when shown, context ``ScanLogModel``).
_HEADERS = {
    Column.TIME: QT_TRANSLATE_NOOP("ScanLogModel", "Time"),
    Column.SOURCE: QT_TRANSLATE_NOOP("ScanLogModel", "Source"),
    Column.RAW: QT_TRANSLATE_NOOP("ScanLogModel", "Received"),
    Column.TIMING: QT_TRANSLATE_NOOP("ScanLogModel", "Timing"),
    Column.MEANING: QT_TRANSLATE_NOOP("ScanLogModel", "Meaning"),
    Column.ROUTED: QT_TRANSLATE_NOOP("ScanLogModel", "Went to"),
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
        """Log a routed scan (connect ``ScanDispatcher.routed`` here), worded in the
        station's language (:func:`desktop_oms.gui.scanwords.log_entry`)."""
        self.add(log_entry(result))

    def add_scan(self, scan: Scan) -> None:
        """Log a scan that was not routed (e.g. while testing a scanner)."""
        self.add(log_entry(scan))

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
            return QCoreApplication.translate("ScanLogModel", str(_HEADERS[Column(section)]))
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
        count = QCoreApplication.translate("ScanLogModel", "{count} characters").format(
            count=entry.length
        )
        if not entry.symbology:
            return count
        return QCoreApplication.translate("ScanLogModel", "{count}, probably {symbology}").format(
            count=count, symbology=entry.symbology
        )
    if column in (Column.MEANING, Column.ROUTED):
        return entry.meaning if column == Column.MEANING else entry.routed
    return None


class ControlTagDelegate(QStyledItemDelegate):
    """Draws a cell's control-character pictures (␝, ␍) as small tags (``GS``, ``CR``)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Paint the cell; text without control characters the usual way."""
        text = index.data(Qt.ItemDataRole.DisplayRole)
        parts = runs(text) if isinstance(text, str) else []
        if not any(tag for _, tag in parts):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = QRectF(style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget))
        font = QFont(opt.font)
        small = QFont(font)
        if font.pixelSize() > 0:
            small.setPixelSize(max(8, round(font.pixelSize() * 0.72)))
        else:
            small.setPointSizeF(max(6.0, font.pointSizeF() * 0.72))
        small.setBold(True)
        metrics, tag_metrics = QFontMetricsF(font), QFontMetricsF(small)
        colour = index.data(Qt.ItemDataRole.ForegroundRole)
        pen = colour if isinstance(colour, QColor) else opt.palette.color(QPalette.ColorRole.Text)
        painter.save()
        painter.setClipRect(rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = rect.left()
        for part, tag in parts:
            if not tag:
                painter.setFont(font)
                painter.setPen(pen)
                width = metrics.horizontalAdvance(part)
                box = QRectF(x, rect.top(), width + 1, rect.height())
                painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, part)
                x += width
                continue
            width = tag_metrics.horizontalAdvance(part) + 6
            height = tag_metrics.height() + 2
            box = QRectF(x + 1, rect.center().y() - height / 2, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_TAG_FILL)
            painter.drawRoundedRect(box, 3, 3)
            painter.setFont(small)
            painter.setPen(_TAG_TEXT)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, part)
            x += width + 3
        painter.restore()


class ScanLogWidget(QWidget):
    """The diagnostics page: what each scanner sent, live, with a Clear button."""

    def __init__(self, model: ScanLogModel | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model or ScanLogModel(self)
        self.intro = QLabel(
            self.tr(
                "Scan something: every scan shows here as it arrived — each character (control "
                "characters as tags: GS between GS1 fields, CR for Enter), how fast the "
                "characters came, what it means and where it went."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("scanLog")
        self.table.setAccessibleName(self.tr("Scan log"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setItemDelegateForColumn(Column.RAW, ControlTagDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        widths = {
            Column.TIME: 118,
            Column.SOURCE: 140,
            Column.RAW: 230,
            Column.TIMING: 186,
            Column.MEANING: 240,
        }
        # the source and timing fit whole in any language (Dutch is longer than English)
        metrics, pad = self.table.fontMetrics(), 28
        sample = Scan("", Source.WEDGE, datetime.now(UTC))
        fits = {
            Column.SOURCE: metrics.horizontalAdvance(source_name(sample)) + pad,
            Column.TIMING: metrics.horizontalAdvance(timing_summary((88.8, 120.0))) + pad,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(column, max(width, fits.get(column, 0)))
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.clicked.connect(self.model.clear)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.model.rowsInserted.connect(self._follow)

    def _follow(self) -> None:
        """Keep the newest scan in sight, unless a row is selected (someone is reading it)."""
        if not self.table.selectionModel().hasSelection():
            self.table.scrollToBottom()
