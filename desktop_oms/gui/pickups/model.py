"""The pickup queue's item model: rows read on the database worker, shown as a table.

The model holds the rows of one tab as read (and sorted) by :func:`queue.fetch`; live
updates keep the selection and what is on screen (see :mod:`desktop_oms.gui.rowmodel`).
"""

from __future__ import annotations

from datetime import UTC, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon

from desktop_oms.cache.queries import QueueRow
from desktop_oms.gui import theme
from desktop_oms.gui.pickups import timefmt
from desktop_oms.gui.pickups.queue import HEADERS, Column
from desktop_oms.gui.rowmodel import Index, RowTableModel

#: Custom data roles.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the QueueRow
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the fulfillment id
ORDER_ROLE = Qt.ItemDataRole.UserRole + 3  # the order number
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 4  # "ok" | "warn" | "bad" | "muted" of the age
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 5  # bool

_LEVEL_COLOURS = {
    "ok": QColor(theme.OK),
    "warn": QColor(theme.WARN),
    "bad": QColor(theme.BAD),
    "muted": QColor(theme.MUTED),
}
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)


class PickupQueueModel(RowTableModel[QueueRow]):
    """The rows of one pickup tab; sorting is asked of the view, which re-reads in SQL.

    Signal ``sortRequested(int column, bool descending)``: a header was clicked.
    """

    column_count = Column.COUNT
    time_columns = (Column.PROMISED, Column.AGE)

    def __init__(self, tz: tzinfo = UTC, parent: Any = None) -> None:
        super().__init__(tz, parent)
        self._faint = QColor(theme.FAINT)

    # --- reading -------------------------------------------------------------------------

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; rows have no header."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < Column.COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("PickupQueue", HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_CENTER if section == Column.ITEMS else _ALIGN_LEFT
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.PROMISED:
            return QCoreApplication.translate("Time", timefmt.PROMISED_MEANING)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, colours, fonts, tooltips and the custom roles of one cell."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role == ORDER_ROLE:
            return row.order_number
        if role in (LEVEL_ROLE, OVERDUE_ROLE):
            age = timefmt.age(row, self._now, self.tz)
            return age.level if role == LEVEL_ROLE else age.overdue
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_CENTER if col == Column.ITEMS else _ALIGN_LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Column.AGE:
                return _LEVEL_COLOURS[timefmt.age(row, self._now, self.tz).level]
            if col == Column.STATUS:
                return _LEVEL_COLOURS[timefmt.STATUS_LEVELS.get(row.status, "muted")]
            if col == Column.BIN and not row.bin:
                return self._faint
            if col == Column.PROMISED:
                if not row.promised_at:
                    return self._faint
                if timefmt.promise_broken(row, self._now):
                    return _LEVEL_COLOURS["bad"]
            return None
        if role == Qt.ItemDataRole.FontRole:
            if row.pending:
                return self._pending_font
            if col in (Column.ORDER, Column.BIN):
                return self._bold
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        return None

    def _display(self, row: QueueRow, col: int) -> str:
        if col == Column.ORDER:
            return row.order_number
        if col == Column.CUSTOMER:
            return row.customer_name
        if col == Column.ITEMS:
            return str(row.items)
        if col == Column.BIN:
            return row.bin or "—"
        if col == Column.STATUS:
            return timefmt.status_label(row.status)
        if col == Column.PROMISED:
            return timefmt.promise(row, self._now, self.tz).text
        return timefmt.age(row, self._now, self.tz).text

    def _decoration(self, row: QueueRow, col: int) -> QIcon | None:
        if col == Column.ORDER:
            if row.pending:
                return self._icon("upload", theme.MUTED)
            if row.fraud_state == "review":
                return self._icon("flag", theme.WARN)
        if col == Column.AGE and timefmt.age(row, self._now, self.tz).overdue:
            return self._icon("alert", theme.BAD)
        if col == Column.PROMISED and timefmt.promise_broken(row, self._now):
            return self._icon("alert", theme.BAD)
        return None

    def _tooltip(self, row: QueueRow, col: int) -> str | None:
        if col == Column.ORDER:
            notes = []
            if row.pending:
                notes.append(self.tr("A change is waiting to be sent to the server"))
            if row.fraud_state == "review":
                notes.append(self.tr("Held for fraud review: do not hand over"))
            return "\n".join(notes) or None
        if col == Column.CUSTOMER:
            return row.customer_phone or None
        if col == Column.PROMISED:
            return timefmt.promise(row, self._now, self.tz).tooltip
        if col == Column.AGE:
            return timefmt.age(row, self._now, self.tz).tooltip
        return None
