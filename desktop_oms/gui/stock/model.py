"""The Stock page's results table: the hits of one search, with the stock here.

A search shows at most :data:`~desktop_oms.cache.stock.SEARCH_LIMIT` rows, read and
ranked on the database worker; each new search replaces the rows (a model reset: there is
no selection worth keeping between two different searches).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop_oms.cache.stock import StockHit, stock_level
from desktop_oms.gui import theme
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.numbers import grouped, money

Index = QModelIndex | QPersistentModelIndex

#: The SKU of a row (``Qt.UserRole``).
SKU_ROLE = Qt.ItemDataRole.UserRole


class Column(IntEnum):
    """The results table's columns."""

    SKU = 0
    NAME = 1
    DEPARTMENT = 2
    PRICE = 3
    HERE = 4


HEADERS = {
    Column.SKU: QT_TRANSLATE_NOOP("StockResultsModel", "SKU"),
    Column.NAME: QT_TRANSLATE_NOOP("StockResultsModel", "Product"),
    Column.DEPARTMENT: QT_TRANSLATE_NOOP("StockResultsModel", "Department"),
    Column.PRICE: QT_TRANSLATE_NOOP("StockResultsModel", "Price"),
    Column.HERE: QT_TRANSLATE_NOOP("StockResultsModel", "Here"),
}
_LEVEL_COLOURS = {"ok": theme.OK, "warn": theme.WARN, "bad": theme.BAD, "muted": theme.FAINT}
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def here_text(hit: StockHit) -> str:
    """The "Here" cell: units to promise, ``–`` when the store does not stock it."""
    if hit.available is None:
        return "–"
    return grouped(hit.available) + (" *" if hit.pending else "")


class StockResultsModel(QAbstractTableModel):
    """Search hits, one per row, in the order the search ranked them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[StockHit] = []
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)
        self._pending = QFont()
        self._pending.setWeight(QFont.Weight.DemiBold)
        self._pending.setItalic(True)
        self._colours = {level: QColor(c) for level, c in _LEVEL_COLOURS.items()}
        self._muted = QColor(theme.MUTED)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Hits shown (none below a row: it is a table)."""
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """The table's columns."""
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be selected, not edited."""
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def hit_at(self, row: int) -> StockHit:
        """The hit shown at ``row``."""
        return self._hits[row]

    def row_of(self, sku: str) -> int | None:
        """Where ``sku`` is shown, if it is among the hits."""
        return next((n for n, h in enumerate(self._hits) if h.sku == sku), None)

    @property
    def hits(self) -> list[StockHit]:
        """The hits, in display order (a copy)."""
        return list(self._hits)

    def set_hits(self, hits: Sequence[StockHit]) -> None:
        """Show the hits of another search."""
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, alignment, colour and font of a cell; its SKU under :data:`SKU_ROLE`."""
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.SKU:
                return hit.sku
            if column == Column.NAME:
                return hit.name
            if column == Column.DEPARTMENT:
                return hit.department
            if column == Column.PRICE:
                return money(hit.price_minor, hit.currency)
            if column == Column.HERE:
                return here_text(hit)
            return None
        if role == SKU_ROLE:
            return hit.sku
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column in (Column.PRICE, Column.HERE) else _LEFT)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.HERE:
                return self._colours[stock_level(hit.available)]
            if column in (Column.SKU, Column.DEPARTMENT):
                return self._muted
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == Column.HERE:
                return self._pending if hit.pending else self._bold
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.HERE:
                if hit.available is None:
                    return self.tr("This store does not stock it")
                if hit.pending:
                    return self.tr(
                        "{count} available to promise here — includes a change not yet confirmed"
                    ).format(count=grouped(hit.available))
                return self.tr("{count} available to promise here").format(
                    count=grouped(hit.available)
                )
            if column == Column.NAME:
                return hit.name
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; "Here" and "Price" right-aligned like their figures."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[Column(section)])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if section in (Column.PRICE, Column.HERE) else _LEFT)
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.HERE:
            return self.tr("Available to promise in this store")
        return None
