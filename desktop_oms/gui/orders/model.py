"""The Orders page's table models: search hits, an order's lines, its timeline.

Each shows one read (a search's hits, one order) and is reset when the next read comes;
they never sort or filter themselves (the reads come sorted).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_oms.cache.orders import LineState, OrderHit, TimelineRow
from desktop_oms.gui import theme
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.numbers import money
from desktop_oms.gui.orders.timelinewords import entry_text, why_text
from desktop_oms.gui.pickups.timefmt import locale_text, parse_utc, status_label, when

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

#: The role holding a hit's order number (any column).
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1

METHODS = {
    "store_pickup": QT_TRANSLATE_NOOP("OrderModels", "Pickup"),
    "ship_to_store": QT_TRANSLATE_NOOP("OrderModels", "Ship to store"),
    "ship_from_store": QT_TRANSLATE_NOOP("OrderModels", "Delivery"),
}
LEVELS = {
    "ready_for_pickup": theme.OK,
    "cancelled": theme.BAD,
    "expired": theme.BAD,
    "rejected": theme.BAD,
    "handed_over": theme.MUTED,
    "shipped": theme.MUTED,
}


def method_text(method: str) -> str:
    """A fulfillment method in staff's words."""
    known = METHODS.get(method)
    return _tr(known) if known else method.replace("_", " ").capitalize()


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrderModels", text)


class _Table(QAbstractTableModel, Generic[T]):
    """Rows of one read, with headers; subclasses say what each cell shows."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: Any = None, tz: tzinfo = UTC) -> None:
        super().__init__(parent)
        self.tz = tz
        self._rows: list[T] = []
        self._now = datetime.now(UTC)
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)
        self._italic = QFont()
        self._italic.setItalic(True)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows of the read (none below a row: a table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """The table's columns."""
        return 0 if parent.isValid() else len(self.headers)

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
            and 0 <= section < len(self.headers)
        ):
            return _tr(self.headers[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be selected, not edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def set_rows(self, rows: Sequence[T], now: datetime | None = None) -> None:
        """Show another read."""
        self.beginResetModel()
        self._rows = list(rows)
        self._now = now or datetime.now(UTC)
        self.endResetModel()

    def row_at(self, row: int) -> T:
        """The row shown at ``row``."""
        return self._rows[row]

    @property
    def rows(self) -> list[T]:
        """The rows shown (a copy)."""
        return list(self._rows)

    def _when(self, text: str) -> str:
        moment = parse_utc(text)
        return when(moment, self._now, self.tz) if moment is not None else ""


class StackedTextDelegate(QStyledItemDelegate):
    """A cell of several lines: the first bold, the middle ones plain, the last muted (or
    in the cell's foreground colour)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bold = QFont()
        self.bold.setPixelSize(15)
        self.bold.setWeight(QFont.Weight.Bold)
        self.plain = QFont()
        self.plain.setPixelSize(14)
        self.small = QFont()
        self.small.setPixelSize(13)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Background and selection as usual, then the lines one under the other."""
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, QColor(theme.ACCENT_TINT))
        lines = str(index.data(Qt.ItemDataRole.DisplayRole) or "").split("\n")
        rect = option.rect.adjusted(12, 7, -8, -6)
        top = rect.top()
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for n, text in enumerate(lines):
            last = n == len(lines) - 1 and n > 0
            font = self.bold if n == 0 else self.small if last else self.plain
            painter.setFont(font)
            colour = QColor(theme.INK)
            if last:
                brush = index.data(Qt.ItemDataRole.ForegroundRole)
                colour = brush.color() if isinstance(brush, QBrush) else QColor(theme.MUTED)
            painter.setPen(colour)
            height = painter.fontMetrics().height() + 1
            elided = painter.fontMetrics().elidedText(
                text, Qt.TextElideMode.ElideRight, rect.width()
            )
            painter.drawText(QRect(rect.left(), top, rect.width(), height), flags, elided)
            top += height
        painter.restore()


class HitColumn(IntEnum):
    """Columns of the search results."""

    ORDER = 0
    CUSTOMER = 1
    PLACED = 2
    STATUS = 3
    TOTAL = 4


class OrderResultsModel(_Table[OrderHit]):
    """The orders a search found, newest first; ``store_codes`` names their stores."""

    headers = (
        QT_TRANSLATE_NOOP("OrderModels", "Order"),
        QT_TRANSLATE_NOOP("OrderModels", "Customer"),
        QT_TRANSLATE_NOOP("OrderModels", "Placed"),
        QT_TRANSLATE_NOOP("OrderModels", "Status"),
        QT_TRANSLATE_NOOP("OrderModels", "Total"),
    )

    def __init__(self, parent: Any = None, tz: tzinfo = UTC) -> None:
        super().__init__(parent, tz)
        self.store_codes: dict[int, str] = {}
        self.home_store: int | None = None

    def row_of(self, number: str) -> int | None:
        """Where the order ``number`` is shown, if it is."""
        for n, hit in enumerate(self._rows):
            if hit.number == number:
                return n
        return None

    def _second_line(self, hit: OrderHit) -> str:
        """Its status here, or the stores handling it elsewhere."""
        if hit.status:
            return status_label(hit.status) + (
                QCoreApplication.translate("OrderModels", " · waiting to send")
                if hit.pending
                else ""
            )
        return self._stores(hit)

    def _stores(self, hit: OrderHit) -> str:
        return ", ".join(self.store_codes.get(s, f"#{s}") for s in hit.store_ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Number (and what matched), customer (and contact), when placed, status, total."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hit, column = self._rows[index.row()], index.column()
        if role == NUMBER_ROLE:
            return hit.number
        if role == Qt.ItemDataRole.DisplayRole:
            if column == HitColumn.ORDER:
                third = hit.matched or self._second_line(hit)
                return f"{hit.number}\n{hit.customer_name}\n{self._when(hit.created_at)} · {third}"
            if column == HitColumn.CUSTOMER:
                return f"{hit.customer_name}\n{hit.matched or self._second_line(hit)}"
            if column == HitColumn.PLACED:
                return self._when(hit.created_at)
            if column == HitColumn.STATUS:
                if not hit.status:
                    return (
                        QCoreApplication.translate("OrderModels", "Other store")
                        if self.home_store not in hit.store_ids
                        else ""
                    )
                text = status_label(hit.status)
                return (
                    text + QCoreApplication.translate("OrderModels", " · waiting to send")
                    if hit.pending
                    else text
                )
            if column == HitColumn.TOTAL:
                return money(hit.total_minor, hit.currency) if hit.currency else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            methods = ", ".join(method_text(m) for m in hit.methods)
            parts = [hit.number, hit.customer_name, hit.customer_email, hit.customer_phone]
            parts += [
                QCoreApplication.translate("OrderModels", "Stores: {stores}").format(
                    stores=self._stores(hit)
                ),
                methods,
                QCoreApplication.translate("OrderModels", "Fraud check: {state}").format(
                    state=hit.fraud_state
                ),
            ]
            return "\n".join(p for p in parts if p)
        if role == Qt.ItemDataRole.ForegroundRole and column in (HitColumn.STATUS, HitColumn.ORDER):
            return QBrush(QColor(LEVELS.get(hit.status, theme.MUTED)))
        if role == Qt.ItemDataRole.FontRole:
            if column == HitColumn.ORDER:
                return self._bold
            if hit.pending and column == HitColumn.STATUS:
                return self._italic
        if role == Qt.ItemDataRole.TextAlignmentRole and column == HitColumn.TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class LineColumn(IntEnum):
    """Columns of an order's lines."""

    LINE = 0
    PRODUCT = 1
    QUANTITY = 2
    PICKED = 3
    PROBLEMS = 4
    WHERE = 5
    STATUS = 6
    BIN = 7


class OrderLinesModel(_Table[LineState]):
    """An order's lines, each in the fulfillment that carries it: how many, how far, where."""

    headers = (
        "#",
        QT_TRANSLATE_NOOP("OrderModels", "Product"),
        QT_TRANSLATE_NOOP("OrderModels", "Qty"),
        QT_TRANSLATE_NOOP("OrderModels", "Picked"),
        QT_TRANSLATE_NOOP("OrderModels", "Problems"),
        QT_TRANSLATE_NOOP("OrderModels", "Where"),
        QT_TRANSLATE_NOOP("OrderModels", "Status"),
        QT_TRANSLATE_NOOP("OrderModels", "Bin"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The line's cells; a line whose change waits for the server is in italics."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            where = QCoreApplication.translate("OrderModels", "{method} from {store}").format(
                method=method_text(line.method), store=line.store
            )
            if line.pickup_store and line.pickup_store != line.store:
                where += QCoreApplication.translate("OrderModels", ", collected at {store}").format(
                    store=line.pickup_store
                )
            pending = (
                "\n"
                + QCoreApplication.translate("OrderModels", "A change to it is waiting to be sent.")
                if line.pending
                else ""
            )
            fulfillment = QCoreApplication.translate(
                "OrderModels", "Fulfillment {id}: {where}"
            ).format(id=line.fulfillment_id, where=where)
            return f"{line.name} ({line.sku})\n{fulfillment}{pending}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == LineColumn.STATUS:
                return QBrush(QColor(LEVELS.get(line.status, theme.INK)))
            if column == LineColumn.PROBLEMS and (line.rejected or line.refused):
                return QBrush(QColor(theme.WARN))
        if role == Qt.ItemDataRole.FontRole:
            if line.pending:
                return self._italic
            if column == LineColumn.PRODUCT:
                return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            LineColumn.LINE,
            LineColumn.QUANTITY,
            LineColumn.PICKED,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _text(line: LineState, column: int) -> str:
        if column == LineColumn.LINE:
            return str(line.line_no)
        if column == LineColumn.PRODUCT:
            return f"{line.name}\n{line.sku}"
        if column == LineColumn.QUANTITY:
            return str(line.quantity)
        if column == LineColumn.PICKED:
            return str(line.picked)
        if column == LineColumn.PROBLEMS:
            parts = []
            if line.rejected:
                parts.append(
                    QCoreApplication.translate("OrderModels", "{count} rejected").format(
                        count=line.rejected
                    )
                )
            if line.refused:
                parts.append(
                    QCoreApplication.translate("OrderModels", "{count} refused").format(
                        count=line.refused
                    )
                )
            return ", ".join(parts) or "—"
        if column == LineColumn.WHERE:
            where = f"{line.store} · {method_text(line.method)}"
            if line.pickup_store and line.pickup_store != line.store:
                where += f" → {line.pickup_store}"
            return where
        if column == LineColumn.STATUS:
            text = status_label(line.status) + (
                QCoreApplication.translate("OrderModels", " (pending)") if line.pending else ""
            )
            if line.picked and line.status not in ("handed_over", "shipped", "cancelled"):
                text += "\n" + QCoreApplication.translate(
                    "OrderModels", "{picked}/{quantity} picked"
                ).format(picked=line.picked, quantity=line.quantity)
            return text
        if column == LineColumn.BIN:
            return line.bin or "—"
        return ""


class TimeColumn(IntEnum):
    """Columns of an order's timeline."""

    WHEN = 0
    WHAT = 1
    WHO = 2
    STATION = 3
    WHY = 4
    ENTRY = 5


#: The line under an entry of the timeline feed: when, who (approved by), station.
META_ROLE = Qt.ItemDataRole.UserRole + 2
#: Why (a reason code or note), "" without one.
WHY_ROLE = Qt.ItemDataRole.UserRole + 3


class TimelineModel(_Table[TimelineRow]):
    """An order's timeline, newest first: when, what, who (approved by), station, why;
    column ``ENTRY`` is the whole entry for the feed (what, and ``META_ROLE``/``WHY_ROLE``)."""

    headers = (
        QT_TRANSLATE_NOOP("OrderModels", "When"),
        QT_TRANSLATE_NOOP("OrderModels", "What"),
        QT_TRANSLATE_NOOP("OrderModels", "Who"),
        QT_TRANSLATE_NOOP("OrderModels", "Station"),
        QT_TRANSLATE_NOOP("OrderModels", "Why"),
        QT_TRANSLATE_NOOP("OrderModels", "Entry"),
    )

    def _meta(self, row: TimelineRow) -> str:
        who = row.who or QCoreApplication.translate("OrderModels", "automatic")
        if row.approved_by:
            who = QCoreApplication.translate(
                "OrderModels", "{name}, approved by {approver}"
            ).format(name=who, approver=row.approved_by)
        parts = [self._when(row.at), who, row.station]
        return "  ·  ".join(p for p in parts if p)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The entry's cells; the full text as a tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TimeColumn.WHEN:
                return self._when(row.at)
            if column == TimeColumn.WHAT:
                return entry_text(row.what)
            if column == TimeColumn.WHO:
                if row.approved_by:
                    return f"{row.who}\n" + QCoreApplication.translate(
                        "OrderModels", "approved by {approver}"
                    ).format(approver=row.approved_by)
                return row.who or "—"
            if column == TimeColumn.STATION:
                return row.station or "—"
            if column == TimeColumn.WHY:
                return why_text(row.why) if row.why else "—"
            if column == TimeColumn.ENTRY:
                return entry_text(row.what)
        if role == META_ROLE:
            return self._meta(row)
        if role == WHY_ROLE:
            return why_text(row.why) if row.why else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            moment = parse_utc(row.at)
            stamp = (
                locale_text(moment.astimezone(self.tz), "ddd d MMM yyyy HH:mm:ss") if moment else ""
            )
            parts = [
                stamp,
                entry_text(row.what),
                QCoreApplication.translate("OrderModels", "By {name}").format(name=row.who)
                if row.who
                else "",
            ]
            if row.approved_by:
                parts.append(
                    QCoreApplication.translate("OrderModels", "Approved by {approver}").format(
                        approver=row.approved_by
                    )
                )
            station = (
                QCoreApplication.translate("OrderModels", "Station: {station}").format(
                    station=row.station
                )
                if row.station
                else ""
            )
            parts += [station, why_text(row.why)]
            return "\n".join(p for p in parts if p)
        if role == Qt.ItemDataRole.ForegroundRole and column in (
            TimeColumn.WHEN,
            TimeColumn.STATION,
        ):
            return QBrush(QColor(theme.MUTED))
        return None
