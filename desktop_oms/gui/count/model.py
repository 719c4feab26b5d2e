"""The count page's table model: the lines of a count while counting, and its variance review.

One model, two column sets. While counting (``counting``) it lists the SKUs counted so far,
by location, with no expected figure (a blind count: the counter counts what is there);
the review (``review``) lists every counted line by absolute variance value, then the
SKUs in scope with stock here that nobody counted, flagged "Not counted". The Counted
column is editable while counting (type a number); in the review the Reason column is.
Every cell has its raw value under :data:`~desktop_oms.gui.csvexport.EXPORT_ROLE`.
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
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_oms.cache.counts import ReviewLine
from desktop_oms.gui import theme
from desktop_oms.gui.csvexport import EXPORT_ROLE
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.numbers import grouped, money
from desktop_oms.gui.words import reason_label

Index = QModelIndex | QPersistentModelIndex
#: The SKU of a row (both modes).
SKU_ROLE = Qt.ItemDataRole.UserRole + 1


class Col(IntEnum):
    """The columns: every mode shows a subset (see :data:`COLUMNS`)."""

    LOCATION = 0
    SKU = 1
    PRODUCT = 2
    EXPECTED = 3
    COUNTED = 4
    VARIANCE = 5
    VALUE = 6
    REASON = 7
    STATUS = 8


TITLES = {
    Col.LOCATION: QT_TRANSLATE_NOOP("CountModel", "Location"),
    Col.SKU: QT_TRANSLATE_NOOP("CountModel", "SKU"),
    Col.PRODUCT: QT_TRANSLATE_NOOP("CountModel", "Product"),
    Col.EXPECTED: QT_TRANSLATE_NOOP("CountModel", "Expected"),
    Col.COUNTED: QT_TRANSLATE_NOOP("CountModel", "Counted"),
    Col.VARIANCE: QT_TRANSLATE_NOOP("CountModel", "Variance"),
    Col.VALUE: QT_TRANSLATE_NOOP("CountModel", "Value"),
    Col.REASON: QT_TRANSLATE_NOOP("CountModel", "Reason"),
    Col.STATUS: QT_TRANSLATE_NOOP("CountModel", "Status"),
}
COLUMNS: dict[str, tuple[Col, ...]] = {
    "counting": (Col.LOCATION, Col.SKU, Col.PRODUCT, Col.COUNTED, Col.STATUS),
    "review": tuple(Col),
}
_NUMERIC = {Col.EXPECTED, Col.COUNTED, Col.VARIANCE, Col.VALUE}


class CountModel(QAbstractTableModel):
    """Rows of :class:`~desktop_oms.cache.counts.ReviewLine`; ``mode`` picks the columns.

    Signals: ``quantityEdited(str, int)`` with a SKU and the quantity typed into its Counted
    cell; ``reasonEdited(str, str)`` with a SKU and the reason code picked for it. The page
    writes them to the cache and re-reads; the model itself never changes its rows.
    """

    quantityEdited = Signal(str, int)  # noqa: N815
    reasonEdited = Signal(str, str)  # noqa: N815

    def __init__(self, mode: str = "counting", parent: Any = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.columns = COLUMNS[mode]
        self.rows: list[ReviewLine] = []
        self.reasons: dict[str, str] = {"cycle_count": "Cycle count"}
        self.highlight: str | None = None  # the SKU just scanned

    # --- content -----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[ReviewLine], highlight: str | None = None) -> None:
        """Show new rows (a fresh read)."""
        self.beginResetModel()
        self.rows = list(rows)
        self.highlight = highlight
        self.endResetModel()

    def row_of(self, sku: str) -> int | None:
        """The row showing ``sku``."""
        return next((i for i, r in enumerate(self.rows) if r.sku == sku), None)

    def column(self, col: Col) -> int:
        """The model column of ``col`` in this mode (-1 when not shown)."""
        return self.columns.index(col) if col in self.columns else -1

    # --- Qt ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows: none under a valid parent (a flat table)."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Columns of the mode."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles; numbers right-aligned."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(TITLES[col])
        if role == Qt.ItemDataRole.TextAlignmentRole and col in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable rows; Counted editable while counting, Reason on counted review rows."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = self.columns[index.column()]
        row = self.rows[index.row()]
        if self.mode == "counting" and col is Col.COUNTED:
            return base | Qt.ItemFlag.ItemIsEditable
        if self.mode == "review" and col is Col.REASON and row.counted is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text, raw value (export), alignment, colour and font."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.EditRole:
            if col is Col.COUNTED:
                return row.counted or 0
            if col is Col.REASON:
                return row.reason
            return self._text(row, col)
        if role == EXPORT_ROLE:
            return self._raw(row, col)
        if role == SKU_ROLE:
            return row.sku
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if col in _NUMERIC else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._ink(row, col)
        if role == Qt.ItemDataRole.BackgroundRole and row.sku == self.highlight:
            return QBrush(QColor(theme.OK_TINT))
        if role == Qt.ItemDataRole.FontRole and (
            col is Col.COUNTED or (col in (Col.VARIANCE, Col.VALUE) and row.variance)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """A quantity typed, or a reason picked: said through a signal (the page writes it)."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if col is Col.COUNTED and self.mode == "counting":
            try:
                quantity = int(value)
            except (TypeError, ValueError):
                return False
            if quantity < 0:
                return False
            self.quantityEdited.emit(row.sku, quantity)
            return True
        if col is Col.REASON and self.mode == "review" and str(value) in self.reasons:
            self.reasonEdited.emit(row.sku, str(value))
            return True
        return False

    # --- cells -------------------------------------------------------------------------

    def _text(self, row: ReviewLine, col: Col) -> str:
        if col is Col.LOCATION:
            return row.location
        if col is Col.SKU:
            return row.sku
        if col is Col.PRODUCT:
            if row.in_scope:
                return row.name
            return self.tr("{name}  (added: {department})").format(
                name=row.name, department=row.department
            )
        if col is Col.EXPECTED:
            return grouped(row.expected)
        if col is Col.COUNTED:
            return "—" if row.counted is None else grouped(row.counted)
        if col is Col.VARIANCE:
            v = row.variance
            return "—" if v is None else ("0" if v == 0 else f"{v:+,}")
        if col is Col.VALUE:
            value = row.variance_minor
            if value is None:
                return "—"
            text = money(abs(value), row.currency)
            return text if value == 0 else ("+" if value > 0 else "−") + text
        if col is Col.REASON:
            if row.counted is None:
                return ""
            return reason_label(self.reasons.get(row.reason, row.reason))
        return self._status(row)

    def _status(self, row: ReviewLine) -> str:
        if row.counted is None:
            return self.tr("Not counted")
        if row.outbox_seq is not None:
            return self.tr("Submitted")
        if self.mode == "counting":
            scans = (
                self.tr("{count} scanned").format(count=row.scans)
                if row.scans
                else self.tr("typed")
            )
            if row.source == "scan":
                return scans
            return self.tr("{how} · set by hand").format(how=scans)
        if row.source == "not_found":
            return self.tr("Not found (0)")
        v = row.variance or 0
        return self.tr("Matches") if v == 0 else (self.tr("Over") if v > 0 else self.tr("Short"))

    def _raw(self, row: ReviewLine, col: Col) -> Any:
        # "" (not None) for a line not counted: an empty cell, not the "—" shown
        if col is Col.EXPECTED:
            return row.expected
        if col is Col.COUNTED:
            return "" if row.counted is None else row.counted
        if col is Col.VARIANCE:
            return "" if row.variance is None else row.variance
        if col is Col.VALUE:
            value = row.variance_minor
            return "" if value is None else round(value / 100, 2)
        if col is Col.REASON:
            return row.reason if row.counted is not None else ""
        if col is Col.PRODUCT:
            return row.name
        return self._text(row, col)

    def _ink(self, row: ReviewLine, col: Col) -> QBrush | None:
        if col is Col.STATUS and row.counted is None:
            return QBrush(QColor(theme.WARN))
        blind = self.mode == "counting"  # a blind count: no hint of what is expected
        if not blind and col in (Col.VARIANCE, Col.VALUE, Col.STATUS) and row.variance:
            return QBrush(QColor(theme.BAD if row.variance < 0 else theme.OK))
        if col in (Col.LOCATION, Col.SKU) or (col is Col.EXPECTED and row.counted is None):
            return QBrush(QColor(theme.MUTED))
        return None

    def _tip(self, row: ReviewLine) -> str:
        if row.counted is None:
            return self.tr(
                "Nobody counted {sku}: {expected} expected here. Count it, or choose "
                "at submit whether uncounted items count as 0 or are left out."
            ).format(sku=row.sku, expected=row.expected)
        moved = row.moved_since
        if moved:
            return self.tr(
                "{scans} scanned, expected {expected} when first counted; "
                "on hand moved {moved} since it was counted"
            ).format(scans=row.scans, expected=row.expected, moved=f"{moved:+}")
        return self.tr("{scans} scanned, expected {expected} when first counted").format(
            scans=row.scans, expected=row.expected
        )
