"""The pickup queue's item model: rows read on the database worker, shown as a table.

The model holds the rows of one tab as read (and sorted) by :func:`queue.fetch`; it never
sorts or filters itself, and there is no proxy model (DESIGN, "Known pitfalls"). When the
view re-reads the same tab, :meth:`PickupQueueModel.update` turns the difference into
row removals, one reordering and row insertions, then one ``dataChanged`` over the rows
(their content may have changed), so the selection (persistent indexes) and what is on
screen survive a live update. Switching tab is a model reset.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from itertools import compress, count
from operator import itemgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon

from desktop_oms.cache.queries import QueueRow
from desktop_oms.gui import theme
from desktop_oms.gui.pickups import timefmt
from desktop_oms.gui.pickups.queue import HEADERS, Column

Index = QModelIndex | QPersistentModelIndex

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
_ID = itemgetter(0)  # QueueRow.id, read in C
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)


class PickupQueueModel(QAbstractTableModel):
    """The rows of one pickup tab; sorting is asked of the view, which re-reads in SQL.

    Signal ``sortRequested(int column, bool descending)``: a header was clicked.
    """

    sortRequested = Signal(int, bool)  # noqa: N815

    def __init__(self, tz: tzinfo = UTC, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        self._now = datetime.now(UTC)
        self.tz = tz
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)
        self._pending_font = QFont()
        self._pending_font.setItalic(True)
        self._faint = QColor(theme.FAINT)
        self._icons: dict[str, QIcon] = {}

    # --- reading -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows of the tab (none below a row: it is a table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """The columns of :data:`HEADERS`."""
        return 0 if parent.isValid() else Column.COUNT

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; rows have no header."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < Column.COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_CENTER if section == Column.ITEMS else _ALIGN_LEFT
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.PROMISED:
            return timefmt.PROMISED_MEANING
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be selected, not edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def row_at(self, row: int) -> QueueRow:
        """The queue row shown at ``row``."""
        return self._rows[row]

    def row_of(self, fulfillment_id: int) -> int | None:
        """The row showing a fulfillment, if it is in this tab."""
        for n, r in enumerate(self._rows):
            if r.id == fulfillment_id:
                return n
        return None

    @property
    def rows(self) -> list[QueueRow]:
        """The rows, in display order (a copy)."""
        return list(self._rows)

    def _icon(self, name: str, colour: str) -> QIcon:
        key = f"{name}:{colour}"
        if key not in self._icons:
            self._icons[key] = theme.icon(name, colour)
        return self._icons[key]

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
                notes.append("A change is waiting to be sent to the server")
            if row.fraud_state == "review":
                notes.append("Held for fraud review: do not hand over")
            return "\n".join(notes) or None
        if col == Column.CUSTOMER:
            return row.customer_phone or None
        if col == Column.PROMISED:
            return timefmt.promise(row, self._now, self.tz).tooltip
        if col == Column.AGE:
            return timefmt.age(row, self._now, self.tz).tooltip
        return None

    # --- sorting: asked of the view ------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask for the rows in another order (the view re-reads them sorted)."""
        if 0 <= column < Column.COUNT:
            self.sortRequested.emit(column, order == Qt.SortOrder.DescendingOrder)

    # --- writing -------------------------------------------------------------------------

    def reset(self, rows: list[QueueRow], now: datetime) -> None:
        """Show another set of rows (another tab)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._now = now
        self.endResetModel()

    def tick(self, now: datetime) -> None:
        """Time passed: refresh ages, overdue flags and relative dates."""
        self._now = now
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, Column.PROMISED), self.index(last, Column.AGE))

    def update(self, rows: list[QueueRow], now: datetime) -> None:
        """Show a new read of the same tab, keeping selection and scroll position."""
        # It runs on the UI thread for every live update of a tab that may hold 10k rows:
        # the per-row work is done by C loops (map, set, compress), a few ms for 10k rows.
        # Content changes go out as one dataChanged over all rows: finding the changed
        # rows (10k tuple comparisons) took 10 ms, and the view repaints only what is on
        # screen either way.
        ids = list(map(_ID, rows))
        wanted = set(ids)
        if len(wanted) != len(ids):  # never expected; a reset is always correct
            self.reset(rows, now)
            return
        self._now = now
        self._remove_missing(wanted)
        present = set(map(_ID, self._rows))
        self._reorder(ids if len(present) == len(ids) else [i for i in ids if i in present])
        self._insert_new(rows, ids, wanted - present)
        assert len(self._rows) == len(rows)
        self._rows = list(rows)
        if rows:
            last = len(rows) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last, Column.COUNT - 1))

    def _remove_missing(self, keep: set[int]) -> None:
        old_ids = list(map(_ID, self._rows))
        gone_ids = set(old_ids) - keep
        if not gone_ids:
            return
        gone = list(compress(count(), map(gone_ids.__contains__, old_ids)))
        for first, last in reversed(_runs(gone)):  # from the end: earlier rows keep their place
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()

    def _reorder(self, wanted: list[int]) -> None:
        old_ids = list(map(_ID, self._rows))
        if old_ids == wanted:
            return
        self.layoutAboutToBeChanged.emit()
        by_id = {r.id: r for r in self._rows}
        position = {fid: n for n, fid in enumerate(wanted)}
        self._rows = [by_id[fid] for fid in wanted]
        before = self.persistentIndexList()
        after = [self.index(position[old_ids[p.row()]], p.column()) for p in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _insert_new(self, rows: list[QueueRow], ids: list[int], new_ids: set[int]) -> None:
        # The rows present are already in the order of ``rows``: inserting the new ones run
        # by run, first to last, puts each at its final position.
        if not new_ids:
            return
        new = list(compress(count(), map(new_ids.__contains__, ids)))
        for first, last in _runs(new):
            self.beginInsertRows(QModelIndex(), first, last)
            self._rows[first:first] = rows[first : last + 1]
            self.endInsertRows()


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs in sorted ``numbers`` as ``(first, last)`` pairs."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs
