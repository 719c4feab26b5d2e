"""A pick walk's progress and its item model: what is picked, counted by hand and rejected.

:class:`PickProgress` is the walk itself, without Qt: each unit verified by a scan (or
counted by hand, with a reason) goes to the oldest order of the list still needing that
SKU, never beyond what was ordered; a reject takes units of one order's line out of the
walk (whole lines only when the store does not allow partial rejects).
:class:`PickListModel` shows the stops of a :class:`~desktop_oms.cache.queries.PickList`
in walk order as a table over a :class:`PickProgress`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop_oms.cache.queries import PickItem, PickList, PickNeed
from desktop_oms.gui import theme
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
#: ``(fulfillment id, line no)`` of an order line.
LineKey = tuple[int, int]

#: Why a unit was counted by hand instead of scanned (kept with the pick, not sent).
#: The labels are English; :func:`manual_reason_label` gives them in the station's language.
MANUAL_REASONS: tuple[tuple[str, str], ...] = (
    ("no_barcode", QT_TRANSLATE_NOOP("PickListModel", "Item has no barcode")),
    ("unreadable", QT_TRANSLATE_NOOP("PickListModel", "Barcode damaged or unreadable")),
    ("scanner_fault", QT_TRANSLATE_NOOP("PickListModel", "Scanner not working")),
    ("bulky", QT_TRANSLATE_NOOP("PickListModel", "Too bulky to scan")),
)


def manual_reason_label(label: str) -> str:
    """A label of :data:`MANUAL_REASONS` in the station's language."""
    return QCoreApplication.translate("PickListModel", label)


class OverPick(Exception):
    """More units than the orders need at a stop; ``message`` says so for staff."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Reject:
    """Units of one order line the store cannot fulfil, and why (a ``reject`` reason)."""

    fulfillment_id: int
    order_number: str
    line_no: int
    sku: str
    quantity: int
    reason: str


@dataclass(frozen=True, slots=True)
class ManualCount:
    """Units of a SKU counted by hand, with the reason they were not scanned."""

    sku: str
    quantity: int
    reason: str


@dataclass(frozen=True, slots=True)
class Placed:
    """Where counted units went: ``quantity`` units into ``need``'s tote."""

    need: PickNeed
    quantity: int


@dataclass
class PickProgress:
    """The state of a pick walk over a :class:`PickList` (see the module)."""

    pick_list: PickList
    picked: dict[LineKey, int] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    manual: list[ManualCount] = field(default_factory=list)

    @property
    def items(self) -> tuple[PickItem, ...]:
        """The stops, in walk order."""
        return self.pick_list.items

    # --- per line and per stop -----------------------------------------------------------

    def picked_of(self, need: PickNeed) -> int:
        """Units of an order line picked so far."""
        return self.picked.get((need.fulfillment_id, need.line_no), 0)

    def rejected_of(self, need: PickNeed) -> int:
        """Units of an order line rejected in this walk."""
        key = (need.fulfillment_id, need.line_no)
        return sum(r.quantity for r in self.rejects if (r.fulfillment_id, r.line_no) == key)

    def left_of(self, need: PickNeed) -> int:
        """Units of an order line still to pick (neither picked nor rejected)."""
        return need.quantity - self.picked_of(need) - self.rejected_of(need)

    def wanted(self, item: PickItem) -> int:
        """Units to pick at a stop: ordered minus rejected."""
        return sum(n.quantity - self.rejected_of(n) for n in item.needs)

    def picked_at(self, item: PickItem) -> int:
        """Units picked at a stop."""
        return sum(self.picked_of(n) for n in item.needs)

    def rejected_at(self, item: PickItem) -> int:
        """Units rejected at a stop."""
        return sum(self.rejected_of(n) for n in item.needs)

    def left_at(self, item: PickItem) -> int:
        """Units still to pick at a stop."""
        return sum(self.left_of(n) for n in item.needs)

    def done_at(self, item: PickItem) -> bool:
        """Whether every unit of a stop is picked or rejected."""
        return self.left_at(item) == 0

    # --- the whole walk ------------------------------------------------------------------

    @property
    def units(self) -> int:
        """Units on the list."""
        return self.pick_list.units

    @property
    def picked_units(self) -> int:
        """Units picked so far."""
        return sum(self.picked.values())

    @property
    def rejected_units(self) -> int:
        """Units rejected so far."""
        return sum(r.quantity for r in self.rejects)

    @property
    def left_units(self) -> int:
        """Units neither picked nor rejected."""
        return self.units - self.picked_units - self.rejected_units

    @property
    def complete(self) -> bool:
        """Whether every unit is picked or rejected (the walk may be finished)."""
        return self.left_units == 0

    def next_stop(self, after: int = -1) -> int | None:
        """The first stop after ``after`` (wrapping round) with units left, or None."""
        count = len(self.items)
        for step in range(1, count + 1):
            row = (after + step) % count
            if not self.done_at(self.items[row]):
                return row
        return None

    def stop_of(self, keys: Iterable[str], prefer: int | None = None) -> int | None:
        """The stop whose product has one of the identifier ``keys`` (``prefer`` first)."""
        wanted = set(keys)
        rows = range(len(self.items))
        order = [prefer, *rows] if prefer is not None else list(rows)
        for row in order:
            if row is not None and 0 <= row < len(self.items) and wanted & self.items[row].keys:
                return row
        return None

    # --- changes -------------------------------------------------------------------------

    def count(self, row: int, quantity: int = 1, *, manual_reason: str | None = None) -> Placed:
        """Count ``quantity`` units picked at stop ``row`` into the oldest order still needing
        them (one order at a time); raise :class:`OverPick` beyond what is left there."""
        item = self.items[row]
        need = next((n for n in item.needs if self.left_of(n) > 0), None)
        if need is None:
            raise OverPick(
                QCoreApplication.translate("PickListModel", "All {count} already picked").format(
                    count=self.wanted(item)
                )
            )
        if quantity > self.left_of(need):
            raise OverPick(
                QCoreApplication.translate(
                    "PickListModel", "Only {count} more for {order} (tote {tote})"
                ).format(count=self.left_of(need), order=need.order_number, tote=need.tote)
            )
        key = (need.fulfillment_id, need.line_no)
        self.picked[key] = self.picked.get(key, 0) + quantity
        if manual_reason is not None:
            self.manual.append(ManualCount(item.sku, quantity, manual_reason))
        return Placed(need, quantity)

    def rejectable(self, need: PickNeed) -> int:
        """Units of a line that may be rejected now: those not picked (a whole-line reject
        puts the picked ones back on the shelf)."""
        if self.pick_list.partial_reject_allowed:
            return need.quantity - self.picked_of(need) - self.rejected_of(need)
        return 0 if self.rejected_of(need) else need.quantity

    def reject(self, row: int, need: PickNeed, quantity: int, reason: str) -> Reject:
        """Reject ``quantity`` units of ``need`` at stop ``row``; whole lines only when the
        store allows no partial rejects (picked units then go back to the shelf)."""
        item = self.items[row]
        if need not in item.needs:
            raise ValueError(f"{need} is not at stop {row}")
        most = self.rejectable(need)
        if not 1 <= quantity <= most:
            raise ValueError(f"cannot reject {quantity} of {need.order_number}: at most {most}")
        if not self.pick_list.partial_reject_allowed:
            quantity = need.quantity
            self.picked.pop((need.fulfillment_id, need.line_no), None)
        found = Reject(
            need.fulfillment_id, need.order_number, need.line_no, item.sku, quantity, reason
        )
        self.rejects.append(found)
        return found


# --- the item model ---------------------------------------------------------------------


class Column(IntEnum):
    """The pick list table's columns."""

    LOCATION = 0
    ITEM = 1
    ORDERS = 2
    PICKED = 3
    STATE = 4
    COUNT = 5


HEADERS = (
    QT_TRANSLATE_NOOP("PickListModel", "Location"),
    QT_TRANSLATE_NOOP("PickListModel", "Item"),
    QT_TRANSLATE_NOOP("PickListModel", "Orders · totes"),
    QT_TRANSLATE_NOOP("PickListModel", "Picked"),
    "",
)
#: The stop's :class:`PickItem`, and whether it is the current stop.
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
CURRENT_ROLE = Qt.ItemDataRole.UserRole + 2
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


def breakdown(progress: PickProgress, item: PickItem) -> str:
    """Each order's need at a stop: ``A ×1 · B ×2`` (tote and units), rejected struck as
    ``C ×0 (1 rejected)``."""
    parts = []
    for need in item.needs:
        rejected = progress.rejected_of(need)
        text = f"{need.tote} ×{need.quantity - rejected}"
        if rejected:
            text += " " + QCoreApplication.translate("PickListModel", "({count} rejected)").format(
                count=rejected
            )
        parts.append(text)
    return " · ".join(parts)


class PickListModel(QAbstractTableModel):
    """The stops of a pick walk (rows, in walk order) over its :class:`PickProgress`.

    The rows never change during a walk; :meth:`stop_changed` repaints one stop after a
    count or a reject, :meth:`set_current` marks the stop the picker is at.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.progress: PickProgress | None = None
        self.current: int | None = None
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)
        self._colours = {
            "ok": QColor(theme.OK),
            "bad": QColor(theme.BAD),
            "muted": QColor(theme.MUTED),
            "tint": QColor(theme.ACCENT_TINT),
        }

    def reset(self, progress: PickProgress | None) -> None:
        """Show another walk (or none)."""
        self.beginResetModel()
        self.progress = progress
        self.current = None
        self.endResetModel()

    @property
    def items(self) -> Sequence[PickItem]:
        """The stops shown."""
        return () if self.progress is None else self.progress.items

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """One row per stop (none under a row)."""
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """The :class:`Column` count (none under a row)."""
        return 0 if parent.isValid() else int(Column.COUNT)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; rows have no header."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < Column.COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("PickListModel", HEADERS[section])
                if HEADERS[section]
                else ""
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRE if section == Column.PICKED else _LEFT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, colours and fonts of one cell; the stop under :data:`ITEM_ROLE`."""
        progress = self.progress
        if progress is None or not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(progress, item, col)
        if role == ITEM_ROLE:
            return item
        if role == CURRENT_ROLE:
            return index.row() == self.current
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRE if col in (Column.PICKED, Column.STATE) else _LEFT
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if col in (Column.LOCATION, Column.PICKED) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Column.STATE:
                return self._colours[self._state(progress, item)[1]]
            if progress.done_at(item) and col != Column.PICKED:
                return self._colours["muted"]
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._colours["tint"] if index.row() == self.current else None
        if role == Qt.ItemDataRole.ToolTipRole and col == Column.ITEM:
            return f"{item.name}\n" + self.tr("{sku} · {department} · barcode {barcode}").format(
                sku=item.sku, department=item.department, barcode=item.barcode
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(progress, item, col)
        return None

    def _display(self, progress: PickProgress, item: PickItem, col: int) -> str:
        if col == Column.LOCATION:
            return item.location
        if col == Column.ITEM:
            return f"{item.name}\n{item.sku}"
        if col == Column.ORDERS:
            return breakdown(progress, item)
        if col == Column.PICKED:
            return f"{progress.picked_at(item)} / {progress.wanted(item)}"
        return self._state(progress, item)[0]

    @staticmethod
    def _state(progress: PickProgress, item: PickItem) -> tuple[str, str]:
        left, rejected = progress.left_at(item), progress.rejected_at(item)
        if left:
            return QCoreApplication.translate("PickListModel", "{count} to pick").format(
                count=left
            ), "muted"
        if rejected and not progress.picked_at(item):
            return QCoreApplication.translate("PickListModel", "Rejected"), "bad"
        if rejected:
            return QCoreApplication.translate("PickListModel", "✓ Picked, {count} rejected").format(
                count=rejected
            ), "ok"
        return QCoreApplication.translate("PickListModel", "✓ Picked"), "ok"

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be selected (to go to that stop), not edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def stop_changed(self, row: int) -> None:
        """Repaint stop ``row`` (a count or a reject changed it)."""
        if 0 <= row < len(self.items):
            self.dataChanged.emit(self.index(row, 0), self.index(row, Column.COUNT - 1))

    def set_current(self, row: int | None) -> None:
        """Mark the stop the picker is at (highlighted)."""
        old, self.current = self.current, row
        for changed in {old, row}:
            if changed is not None:
                self.stop_changed(changed)
