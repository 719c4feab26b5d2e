"""A table model over rows read on the database worker, updated in place by id.

The queues hold the rows of one tab as read (and sorted) off the UI thread; a model never
sorts or filters itself, and there is no proxy model (DESIGN, "Known pitfalls"). When a
view re-reads the same tab, :meth:`RowTableModel.update` turns the difference into row
removals, one reordering and row insertions, then one ``dataChanged`` over the rows (their
content may have changed), so the selection (persistent indexes) and what is on screen
survive a live update. Switching tab is a model reset.

Rows are tuples (NamedTuples) whose first field is a unique id. Subclasses give the
columns (``column_count``, ``time_columns``) and ``data``/``headerData``; the base holds
what the queue models share (store time zone, bold and pending fonts, an icon cache,
``tick``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo
from itertools import compress, count
from operator import itemgetter
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QIcon

from desktop_oms.gui import theme

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R", bound=tuple[Any, ...])

_ID = itemgetter(0)  # the row's id, read in C


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows of one queue tab keyed by their first field; sorting is asked of the view.

    Signal ``sortRequested(int column, bool descending)``: a header was clicked.
    """

    sortRequested = Signal(int, bool)  # noqa: N815

    #: How many columns the table has (set by subclasses).
    column_count = 0
    #: The first and last columns whose text depends on the time now (see :meth:`tick`).
    time_columns: tuple[int, int] | None = None

    def __init__(self, tz: tzinfo = UTC, parent: Any = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self._rows: list[R] = []
        self._now = datetime.now(UTC)
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)
        self._pending_font = QFont()
        self._pending_font.setItalic(True)
        self._icons: dict[str, QIcon] = {}

    def _icon(self, name: str, colour: str) -> QIcon:
        """The theme icon ``name`` in ``colour``, made once."""
        key = f"{name}:{colour}"
        if key not in self._icons:
            self._icons[key] = theme.icon(name, colour)
        return self._icons[key]

    # --- reading -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows of the tab (none below a row: it is a table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """The table's columns."""
        return 0 if parent.isValid() else self.column_count

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be selected, not edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def row_at(self, row: int) -> R:
        """The row shown at ``row``."""
        return self._rows[row]

    def row_of(self, row_id: int) -> int | None:
        """Where the row with ``row_id`` is shown, if it is in this tab."""
        for n, r in enumerate(self._rows):
            if r[0] == row_id:
                return n
        return None

    @property
    def rows(self) -> list[R]:
        """The rows, in display order (a copy)."""
        return list(self._rows)

    # --- sorting: asked of the view ------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask for the rows in another order (the view re-reads them sorted)."""
        if 0 <= column < self.column_count:
            self.sortRequested.emit(column, order == Qt.SortOrder.DescendingOrder)

    # --- writing -------------------------------------------------------------------------

    def tick(self, now: datetime) -> None:
        """Time passed: refresh the ``time_columns`` (ages, late flags, relative dates)."""
        self._now = now
        if self._rows and self.time_columns is not None:
            first, last = self.time_columns
            end = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, first), self.index(end, last))

    def reset(self, rows: Sequence[R], now: datetime) -> None:
        """Show another set of rows (another tab)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._now = now
        self.endResetModel()

    def update(self, rows: Sequence[R], now: datetime) -> None:
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
        if rows and self.column_count:
            last = len(rows) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last, self.column_count - 1))

    def _remove_missing(self, keep: set[int]) -> None:
        old_ids = list(map(_ID, self._rows))
        gone_ids = set(old_ids) - keep
        if not gone_ids:
            return
        gone = list(compress(count(), map(gone_ids.__contains__, old_ids)))
        for first, last in reversed(runs(gone)):  # from the end: earlier rows keep their place
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()

    def _reorder(self, wanted: list[int]) -> None:
        old_ids = list(map(_ID, self._rows))
        if old_ids == wanted:
            return
        self.layoutAboutToBeChanged.emit()
        by_id = {r[0]: r for r in self._rows}
        position = {rid: n for n, rid in enumerate(wanted)}
        self._rows = [by_id[rid] for rid in wanted]
        before = self.persistentIndexList()
        after = [self.index(position[old_ids[p.row()]], p.column()) for p in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _insert_new(self, rows: Sequence[R], ids: list[int], new_ids: set[int]) -> None:
        # The rows present are already in the order of ``rows``: inserting the new ones run
        # by run, first to last, puts each at its final position.
        if not new_ids:
            return
        new = list(compress(count(), map(new_ids.__contains__, ids)))
        for first, last in runs(new):
            self.beginInsertRows(QModelIndex(), first, last)
            self._rows[first:first] = rows[first : last + 1]
            self.endInsertRows()


def runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs in sorted ``numbers`` as ``(first, last)`` pairs."""
    found: list[tuple[int, int]] = []
    for n in numbers:
        if found and found[-1][1] == n - 1:
            found[-1] = (found[-1][0], n)
        else:
            found.append((n, n))
    return found
