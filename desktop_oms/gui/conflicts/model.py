"""The conflict inbox's item model: refused commands read on the database worker, as a table.

The rows are :class:`~desktop_oms.gui.conflicts.inbox.InboxEntry` values from
:func:`inbox.fetch` (newest first); the model never queries or sorts by itself. A new read
of the same list is applied as row removals, insertions and ``dataChanged`` for entries
whose content changed, so the selection survives a live update (sync bringing a new
conflict, someone acknowledging one); switching between the open and the acknowledged
list is a model reset.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon

from desktop_oms.gui import theme
from desktop_oms.gui.conflicts.inbox import InboxEntry
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.pickups import timefmt

Index = QModelIndex | QPersistentModelIndex

#: Custom data roles.
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the InboxEntry
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the conflict id
ORDER_ROLE = Qt.ItemDataRole.UserRole + 3  # the order number (or None)


class Column(IntEnum):
    """The inbox's columns."""

    WHAT = 0
    WHY = 1
    BY = 2
    WHEN = 3


#: Column titles in English (context "Conflicts"; the model translates them).
HEADERS = {
    Column.WHAT: QT_TRANSLATE_NOOP("Conflicts", "What was done"),
    Column.WHY: QT_TRANSLATE_NOOP("Conflicts", "Why it was refused"),
    Column.BY: QT_TRANSLATE_NOOP("Conflicts", "By"),
    Column.WHEN: QT_TRANSLATE_NOOP("Conflicts", "When"),
}
COLUMNS = len(HEADERS)

_ALIGN = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class ConflictInboxModel(QAbstractTableModel):
    """The entries of the open (or the acknowledged) conflict list."""

    def __init__(self, tz: tzinfo = UTC, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[InboxEntry] = []
        self._now = datetime.now(UTC)
        self.tz = tz
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)
        self._bad = QColor(theme.BAD)
        self._muted = QColor(theme.MUTED)
        self._icons: dict[str, QIcon] = {}

    # --- reading -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Entries of the list (none below an entry: it is a table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """The columns of :data:`HEADERS`."""
        return 0 if parent.isValid() else COLUMNS

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; rows have no header."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Conflicts", HEADERS[Column(section)])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Entries can be selected, not edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    @property
    def entries(self) -> list[InboxEntry]:
        """The entries, in display order (a copy)."""
        return list(self._rows)

    def entry_at(self, row: int) -> InboxEntry:
        """The entry shown at ``row``."""
        return self._rows[row]

    def row_of(self, conflict_id: int) -> int | None:
        """The row showing a conflict, if it is in this list."""
        for n, e in enumerate(self._rows):
            if e.id == conflict_id:
                return n
        return None

    def _icon(self, name: str, colour: str) -> QIcon:
        key = f"{name}:{colour}"
        if key not in self._icons:
            self._icons[key] = theme.icon(name, colour)
        return self._icons[key]

    def when(self, moment: str | None) -> str:
        """A stored UTC time as the store's local time (``Today 14:32``)."""
        parsed = timefmt.parse_utc(moment)
        return timefmt.when(parsed, self._now, self.tz) if parsed is not None else "—"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, colours, icons, tooltips and the custom roles of one cell."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        found = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(found, col)
        if role == ENTRY_ROLE:
            return found
        if role == ID_ROLE:
            return found.id
        if role == ORDER_ROLE:
            return found.order_number
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Column.WHY:
                return self._bad if found.acknowledged_at is None else self._muted
            if col in (Column.BY, Column.WHEN):
                return self._muted
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if col == Column.WHAT else None
        if role == Qt.ItemDataRole.DecorationRole and col == Column.WHAT:
            if found.acknowledged_at is None:
                return self._icon("alert", theme.BAD)
            return self._icon("check", theme.FAINT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Column.WHY:
                return found.why.text
            if col == Column.WHEN:
                return self.tr("Done {done}, refused {refused}").format(
                    done=self.when(found.issued_at), refused=self.when(found.refused_at)
                )
            return None
        return None

    def _display(self, found: InboxEntry, col: int) -> str:
        if col == Column.WHAT:
            return found.what
        if col == Column.WHY:
            return found.why.headline
        if col == Column.BY:
            return found.staff_name
        return self.when(found.issued_at)

    # --- writing -------------------------------------------------------------------------

    def reset(self, entries: list[InboxEntry], now: datetime) -> None:
        """Show another list (the open or the acknowledged one)."""
        self.beginResetModel()
        self._rows = list(entries)
        self._now = now
        self.endResetModel()

    def tick(self, now: datetime) -> None:
        """Time passed: refresh relative dates (``Today``, ``Yesterday``)."""
        self._now = now
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, Column.WHEN), self.index(last, Column.WHEN))

    def update(self, entries: list[InboxEntry], now: datetime) -> None:
        """Show a new read of the same list, keeping the selection on its entry."""
        ids = [e.id for e in entries]
        keep = set(ids)
        survivors = [e.id for e in self._rows if e.id in keep]
        if len(keep) != len(ids) or survivors != [i for i in ids if i in set(survivors)]:
            self.reset(entries, now)  # never expected (ids only come and go); always correct
            return
        self._now = now
        self._remove_missing(keep)
        self._insert_new(entries)
        changed = [
            n for n, (old, new) in enumerate(zip(self._rows, entries, strict=True)) if old != new
        ]
        self._rows = list(entries)
        for n in changed:
            self.dataChanged.emit(self.index(n, 0), self.index(n, COLUMNS - 1))

    def _remove_missing(self, keep: set[int]) -> None:
        n = len(self._rows) - 1
        while n >= 0:
            if self._rows[n].id in keep:
                n -= 1
                continue
            first = n
            while first > 0 and self._rows[first - 1].id not in keep:
                first -= 1
            self.beginRemoveRows(QModelIndex(), first, n)
            del self._rows[first : n + 1]
            self.endRemoveRows()
            n = first - 1

    def _insert_new(self, entries: list[InboxEntry]) -> None:
        present = {e.id for e in self._rows}
        pos = 0
        while pos < len(entries):
            if pos < len(self._rows) and self._rows[pos].id == entries[pos].id:
                pos += 1
                continue
            end = pos
            while end < len(entries) and entries[end].id not in present:
                end += 1
            self.beginInsertRows(QModelIndex(), pos, end - 1)
            self._rows[pos:pos] = entries[pos:end]
            self.endInsertRows()
            pos = end
