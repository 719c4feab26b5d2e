"""The inventory page's lists as table models: departments, stock lists, aged pickups and
overdue fulfillments.

Each model is declared as columns: a header, the raw value (what CSV export writes under
:data:`~desktop_oms.gui.csvexport.EXPORT_ROLE`: numbers as numbers, times as ISO UTC) and
the text shown (money with its symbol, times in the store's zone, durations in words).
Rows are the cache's NamedTuples as read on the database worker; a new read updates the
model in place (:class:`~desktop_oms.gui.rowmodel.RowTableModel`), keeping the selection.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any, Generic

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop_oms.cache.inventory import (
    AgedPickupRow,
    DepartmentRow,
    OverdueRow,
    StockLevelRow,
)
from desktop_oms.gui import theme
from desktop_oms.gui.csvexport import EXPORT_ROLE
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.numbers import grouped, money
from desktop_oms.gui.pickups.timefmt import duration, parse_utc, status_label, when
from desktop_oms.gui.rowmodel import R, RowTableModel

Index = QModelIndex | QPersistentModelIndex

METHOD_LABELS = {
    "store_pickup": QT_TRANSLATE_NOOP("InventoryModels", "Store pickup"),
    "ship_from_store": QT_TRANSLATE_NOOP("InventoryModels", "Ship from store"),
    "ship_to_store": QT_TRANSLATE_NOOP("InventoryModels", "Ship to store"),
}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: header, raw value (exported), shown text, and how it is drawn."""

    title: str
    raw: Callable[[R], Any]
    text: Callable[[R], str] | None = None
    numeric: bool = False
    width: int = 120
    colour: Callable[[R], str | None] | None = None
    tooltip: Callable[[R], str] | None = None
    #: The title in a CSV file when the raw value needs its unit named.
    export_title: str | None = None


class ListModel(RowTableModel[R]):
    """A read-only table of cache rows described by :attr:`columns` (set by subclasses).

    ``context`` is what the text of some cells needs: the store's time zone and the time
    the rows were read (durations and "today" are relative to it).
    """

    columns: Sequence[Column[R]] = ()

    def __init__(self, tz: tzinfo = UTC, parent: Any = None) -> None:
        super().__init__(tz, parent)
        self.column_count = len(self.columns)

    def set_rows(self, rows: Sequence[R], now: datetime, tz: tzinfo) -> None:
        """Show a new read (in place when it is the same list read again)."""
        self.tz = tz
        self.update(rows, now)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, raw export value, alignment, colour and tooltip of a cell."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = self.columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.text is not None:
                return column.text(row)
            value = column.raw(row)
            if value is None:
                return ""
            return grouped(value) if isinstance(value, int) else str(value)
        if role == EXPORT_ROLE:
            return column.raw(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column.numeric else _LEFT)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(row)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and getattr(row, "pending", False):
            return self._pending_font
        if role == Qt.ItemDataRole.ToolTipRole:
            if getattr(row, "pending", False):
                return QCoreApplication.translate(
                    "InventoryModels",
                    "Changed on this station; the server has not confirmed it yet",
                )
            if column.tooltip is not None:
                return column.tooltip(row)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles (numbers are right-aligned under a right-aligned title)."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(column.title)
        if role == EXPORT_ROLE:
            return _tr(column.export_title) if column.export_title else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column.numeric else _LEFT)
        return None

    # --- text helpers for the columns (the model's zone and reading time) -----------------

    def _when(self, text: str | None) -> str:
        moment = parse_utc(text)
        return "" if moment is None else when(moment, self._now, self.tz)


def _value_text(row: DepartmentRow) -> str:
    return money(row.stock_value_minor, row.currency)


class DepartmentModel(ListModel[DepartmentRow]):
    """Stock by department: SKUs, units, value, out of stock, low stock."""

    columns = (
        Column[DepartmentRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Department"), lambda r: r.department, width=240
        ),
        Column[DepartmentRow](
            QT_TRANSLATE_NOOP("InventoryModels", "SKUs"), lambda r: r.skus, numeric=True
        ),
        Column[DepartmentRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Units on hand"),
            lambda r: r.on_hand,
            numeric=True,
            width=140,
        ),
        Column[DepartmentRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Stock value"),
            lambda r: r.stock_value_minor / 100,
            _value_text,
            numeric=True,
            width=160,
        ),
        Column[DepartmentRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Currency"), lambda r: r.currency, width=100
        ),
        Column[DepartmentRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Out of stock"),
            lambda r: r.out_of_stock,
            numeric=True,
            width=140,
            colour=lambda r: theme.BAD if r.out_of_stock else theme.FAINT,
        ),
        Column[DepartmentRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Low stock"),
            lambda r: r.low_stock,
            numeric=True,
            width=160,
            colour=lambda r: theme.WARN if r.low_stock else theme.FAINT,
        ),
    )


class StockLevelModel(ListModel[StockLevelRow]):
    """SKUs out of stock or low on stock, with the figures behind "available"."""

    def _last_known(self, row: StockLevelRow) -> str:
        text = self._when(row.last_known)
        return (
            QCoreApplication.translate("InventoryModels", "{time} (this station)").format(time=text)
            if row.pending
            else text
        )

    columns = (
        Column[StockLevelRow](
            QT_TRANSLATE_NOOP("InventoryModels", "SKU"), lambda r: r.sku, width=150
        ),
        Column[StockLevelRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Product"), lambda r: r.name, width=300
        ),
        Column[StockLevelRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Department"), lambda r: r.department, width=150
        ),
        Column[StockLevelRow](
            QT_TRANSLATE_NOOP("InventoryModels", "On hand"),
            lambda r: r.on_hand,
            numeric=True,
            width=100,
        ),
        Column[StockLevelRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Reserved"),
            lambda r: r.reserved,
            numeric=True,
            width=100,
        ),
        Column[StockLevelRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Safety stock"),
            lambda r: r.safety_stock,
            numeric=True,
            width=120,
        ),
        Column[StockLevelRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Available"),
            lambda r: r.available,
            numeric=True,
            width=100,
            colour=lambda r: theme.BAD if r.available <= 0 else theme.WARN,
        ),
        Column[StockLevelRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Last known"), lambda r: r.last_known, width=190
        ),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """As :class:`ListModel`; "Last known" in the store's time."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and index.isValid()
            and index.column() == len(self.columns) - 1
            and 0 <= index.row() < len(self._rows)
        ):
            return self._last_known(self._rows[index.row()])
        return super().data(index, role)


class AgedPickupModel(ListModel[AgedPickupRow]):
    """Pickups waiting at the counter for longer than the aged-pickup threshold."""

    columns = (
        Column[AgedPickupRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Order"), lambda r: r.order_number, width=150
        ),
        Column[AgedPickupRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Customer"), lambda r: r.customer_name, width=240
        ),
        Column[AgedPickupRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Ready since"), lambda r: r.ready_since, width=190
        ),
        Column[AgedPickupRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Waiting"),
            lambda r: r.ready_since,
            numeric=True,
            width=120,
            colour=lambda r: theme.WARN,
            export_title=QT_TRANSLATE_NOOP("InventoryModels", "Days waiting"),
        ),
        Column[AgedPickupRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Deadline"), lambda r: r.pickup_deadline, width=190
        ),
        Column[AgedPickupRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Bin"), lambda r: r.bin, width=100
        ),
    )
    time_columns = (2, 4)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Times in the store's zone, "Waiting" as a duration (raw: days waiting)."""
        if index.isValid() and 0 <= index.row() < len(self._rows):
            row, column = self._rows[index.row()], index.column()
            if column == 3 and role in (Qt.ItemDataRole.DisplayRole, EXPORT_ROLE):
                waited = self._waited(row)
                if role == EXPORT_ROLE:
                    return round(waited.total_seconds() / 86400, 2)
                return duration(waited)
            if column in (2, 4) and role == Qt.ItemDataRole.DisplayRole:
                return self._when(row.ready_since if column == 2 else row.pickup_deadline)
            if column == 4 and role == Qt.ItemDataRole.ForegroundRole:
                deadline = parse_utc(row.pickup_deadline)
                if deadline is not None and deadline <= self._now:
                    return QBrush(QColor(theme.BAD))
        return super().data(index, role)

    def _waited(self, row: AgedPickupRow) -> timedelta:
        since = parse_utc(row.ready_since)
        return timedelta(0) if since is None else self._now - since


class OverdueModel(ListModel[OverdueRow]):
    """Fulfillments past their promised time and not ready yet, latest first."""

    columns = (
        Column[OverdueRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Order"), lambda r: r.order_number, width=150
        ),
        Column[OverdueRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Customer"), lambda r: r.customer_name, width=220
        ),
        Column[OverdueRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Method"),
            lambda r: r.method,
            lambda r: _method(r.method),
            width=150,
        ),
        Column[OverdueRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Status"),
            lambda r: r.status,
            lambda r: status_label(r.status),
            width=120,
        ),
        Column[OverdueRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Promised"), lambda r: r.promised_at, width=190
        ),
        Column[OverdueRow](
            QT_TRANSLATE_NOOP("InventoryModels", "Late by"),
            lambda r: round(r.late_seconds / 3600, 2),
            lambda r: duration(timedelta(seconds=r.late_seconds)),
            numeric=True,
            width=120,
            colour=lambda r: theme.BAD,
            export_title=QT_TRANSLATE_NOOP("InventoryModels", "Hours late"),
        ),
    )
    time_columns = (4, 4)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The promised time in the store's zone."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and index.isValid()
            and index.column() == 4
            and 0 <= index.row() < len(self._rows)
        ):
            return self._when(self._rows[index.row()].promised_at)
        return super().data(index, role)


def _method(method: str) -> str:
    known = METHOD_LABELS.get(method)
    return _tr(known) if known else method.replace("_", " ").capitalize()


def _tr(text: str) -> str:
    """``text`` (a literal marked for the "InventoryModels" context) in the station's language."""
    return QCoreApplication.translate("InventoryModels", text)
