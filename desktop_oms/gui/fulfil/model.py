"""The fulfil queue's item model: the rows of one tab as the database worker read them.

Live updates keep the selection (several rows may be selected for a bulk action) and
what is on screen (see :mod:`desktop_oms.gui.rowmodel`).
"""

from __future__ import annotations

from datetime import UTC, tzinfo
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from desktop_oms.cache.queries import FulfilRow
from desktop_oms.gui import theme
from desktop_oms.gui.fulfil.queue import HEADERS, Column, method_label, translated
from desktop_oms.gui.pickups import timefmt
from desktop_oms.gui.rowmodel import Index, RowTableModel

#: Custom data roles.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the FulfilRow
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the fulfillment id
ORDER_ROLE = Qt.ItemDataRole.UserRole + 3  # the order number
LATE_ROLE = Qt.ItemDataRole.UserRole + 4  # bool: past its promised time
EXPRESS_ROLE = Qt.ItemDataRole.UserRole + 5  # bool: express delivery (the method's badge)

_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_METHOD_ICONS = {
    "Store pickup": "pickups",
    "Ship from store": "truck",
    "Transfer in": "inbox",
    "Transfer out": "truck",
}


class FulfilQueueWords(QObject):
    """Counted words of the queue's cells (a QObject, so ``lupdate`` files their plural
    forms: it reads plurals from ``tr`` calls only)."""

    def boxes(self, count: int) -> str:
        """``1 box``, ``2 boxes``."""
        return self.tr("%n box(es)", "", count)

    def labels(self, count: int) -> str:
        """``1 label``, ``2 labels``."""
        return self.tr("%n label(s)", "", count)


def status_text(row: FulfilRow) -> str:
    """``New``, ``Picking``, ``In transit``, ``Packed · 2 boxes · label``..."""
    text = timefmt.status_label(row.status)
    if row.status == "packed":
        words = FulfilQueueWords()
        text += " · " + words.boxes(row.boxes)
        if row.labels:
            text += " · " + words.labels(row.labels)
    return text


class FulfilQueueModel(RowTableModel[FulfilRow]):
    """The rows of one fulfil tab; sorting is asked of the view, which re-reads them.

    Signal ``sortRequested(int column, bool descending)``: a header was clicked.
    """

    column_count = Column.COUNT
    time_columns = (Column.PROMISED, Column.AGE)

    def __init__(self, tz: tzinfo = UTC, parent: Any = None) -> None:
        super().__init__(tz, parent)
        self._colours = {
            "ok": QColor(theme.OK),
            "warn": QColor(theme.WARN),
            "bad": QColor(theme.BAD),
            "muted": QColor(theme.MUTED),
            "faint": QColor(theme.FAINT),
        }

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; rows have no header."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < Column.COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translated(HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_CENTER if section == Column.ITEMS else _ALIGN_LEFT
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.AGE:
            return self.tr("Time since the order was placed")
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.PROMISED:
            return self.tr("When the order was promised ready (store time); red once it is late")
        return None

    def late(self, row: FulfilRow) -> bool:
        """Whether ``row`` is still in the back room after its promised time."""
        promised = timefmt.parse_utc(row.promised_at)
        return promised is not None and promised <= self._now

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, colours, fonts, icons, tooltips and the custom roles of one cell."""
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
        if role == LATE_ROLE:
            return self.late(row)
        if role == EXPRESS_ROLE:
            return col == Column.METHOD and row.express
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_CENTER if col == Column.ITEMS else _ALIGN_LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, col)
        if role == Qt.ItemDataRole.FontRole:
            if row.pending:
                return self._pending_font
            return self._bold if col == Column.ORDER else None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        return None

    def _display(self, row: FulfilRow, col: int) -> str:
        if col == Column.ORDER:
            return row.order_number
        if col == Column.METHOD:
            return translated(method_label(row))
        if col == Column.CUSTOMER:
            return row.customer_name
        if col == Column.ITEMS:
            return str(row.items)
        if col == Column.STATUS:
            return status_text(row)
        if col == Column.PROMISED:
            promised = timefmt.parse_utc(row.promised_at)
            return "—" if promised is None else timefmt.when(promised, self._now, self.tz)
        created = timefmt.parse_utc(row.created_at)
        return "—" if created is None else timefmt.duration(self._now - created)

    def _foreground(self, row: FulfilRow, col: int) -> QColor | None:
        if col == Column.PROMISED:
            if not row.promised_at:
                return self._colours["faint"]
            return self._colours["bad"] if self.late(row) else None
        if col == Column.STATUS:
            if row.status == "packed" and row.labels:
                return self._colours["ok"]
            if row.arrival:
                return self._colours["warn"]
            return self._colours["muted"]
        if col in (Column.METHOD, Column.AGE):
            return self._colours["muted"]
        return None

    def _decoration(self, row: FulfilRow, col: int) -> QIcon | None:
        if col == Column.ORDER:
            if row.pending:
                return self._icon("upload", theme.MUTED)
            if row.fraud_state == "review":
                return self._icon("flag", theme.WARN)
        if col == Column.METHOD:
            return self._icon(_METHOD_ICONS.get(method_label(row), "pickups"), theme.MUTED)
        if col == Column.PROMISED and self.late(row):
            return self._icon("alert", theme.BAD)
        return None

    def _tooltip(self, row: FulfilRow, col: int) -> str | None:
        if col == Column.METHOD and row.express:
            return self.tr("Express delivery: the customer paid to have it fast")
        if col == Column.ORDER:
            notes = []
            if row.pending:
                notes.append(self.tr("A change is waiting to be sent to the server"))
            if row.fraud_state == "review":
                notes.append(self.tr("Held for fraud review: do not pick"))
            return "\n".join(notes) or None
        if col == Column.STATUS and row.status == "packed":
            if row.labels:
                return self.tr("Labelled by {carrier}: ready to ship").format(carrier=row.carrier)
            return self.tr("No shipping label yet: buy one before shipping")
        if col == Column.AGE:
            created = timefmt.parse_utc(row.created_at)
            if created is None:
                return None
            return self.tr("Placed {when}").format(when=timefmt.when(created, self._now, self.tz))
        return None


#: The express badge's text (translated when painted), height and right margin (px).
EXPRESS_TEXT = "EXPRESS"
_PILL_HEIGHT = 20
_PILL_RIGHT = 8


class ExpressBadgeDelegate(QStyledItemDelegate):
    """Paints the method cell as usual, then an amber ``EXPRESS`` pill on its right when
    :data:`EXPRESS_ROLE` is true."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """The cell, then the badge of an express row."""
        super().paint(painter, option, index)
        if not index.data(EXPRESS_ROLE):
            return
        text = self.tr("EXPRESS")
        font = QFont(option.font)
        font.setPixelSize(11)
        font.setWeight(QFont.Weight.Bold)
        width = QFontMetrics(font).horizontalAdvance(text) + 14
        area = option.rect
        pill = QRectF(
            area.right() - _PILL_RIGHT - width,
            area.top() + (area.height() - _PILL_HEIGHT) / 2,
            width,
            _PILL_HEIGHT,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.WARN_TINT))
        painter.drawRoundedRect(pill, _PILL_HEIGHT / 2, _PILL_HEIGHT / 2)
        painter.setPen(QColor(theme.WARN))
        painter.setFont(font)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
