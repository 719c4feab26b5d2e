"""An order's timeline on the Orders page: every change, who made it (and who approved
it), on which station, when and why — from the server when online; offline, what the
station's cache can tell, with a note saying so. Shown as a feed, newest first: what
happened in bold, then when, who and where, then why."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.cache.orders import TimelineRow
from desktop_oms.gui import theme
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.orders.model import META_ROLE, WHY_ROLE, TimeColumn, TimelineModel

#: The note over a timeline the server could not be asked for.
OFFLINE_NOTE = QT_TRANSLATE_NOOP(
    "TimelinePanel",
    "Offline: this is what the station's cache knows (placed, ready, collected, rejections). "
    "Who changed what, and why, shows when the server is back.",
)
NO_SESSION_NOTE = QT_TRANSLATE_NOOP(
    "TimelinePanel",
    "Only what the station's cache knows: sign in with your PIN while online to see "
    "every change, who made it and why.",
)
PAD = 10
GAP = 3
Index = QModelIndex | QPersistentModelIndex


class TimelineDelegate(QStyledItemDelegate):
    """One timeline entry: a dot on a rail, what happened (bold), when/who/station, why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bold = QFont()
        self.bold.setPixelSize(14)
        self.bold.setWeight(QFont.Weight.DemiBold)
        self.small = QFont()
        self.small.setPixelSize(13)

    def _texts(self, index: Index) -> tuple[str, str, str]:
        """What, the meta line, and "Why: …" ("" without a why), as drawn and measured."""
        why = str(index.data(WHY_ROLE) or "")
        return (
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            str(index.data(META_ROLE) or ""),
            QCoreApplication.translate("TimelinePanel", "Why: {why}").format(why=why)
            if why
            else "",
        )

    def _heights(self, width: int, index: Index) -> tuple[int, int, int]:
        what, meta, why = self._texts(index)
        flags = int(Qt.TextFlag.TextWordWrap)
        bold, small = QFontMetrics(self.bold), QFontMetrics(self.small)
        h1 = bold.boundingRect(QRect(0, 0, width, 10_000), flags, what).height()
        h2 = small.boundingRect(QRect(0, 0, width, 10_000), flags, meta).height()
        h3 = small.boundingRect(QRect(0, 0, width, 10_000), flags, why).height() if why else 0
        return h1, h2, h3

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        """Tall enough for the wrapped text at the view's width."""
        width = max(120, option.rect.width() - 2 * PAD - 22)
        h1, h2, h3 = self._heights(width, index)
        return QSize(width, PAD + h1 + GAP + h2 + (GAP + h3 if h3 else 0) + PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """The rail, the dot and the three lines of text."""
        painter.save()
        rect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor(theme.ACCENT_TINT))
        rail_x = rect.left() + 11
        painter.setPen(QPen(QColor("#E2E6EC"), 2))
        painter.drawLine(rail_x, rect.top(), rail_x, rect.bottom())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.ACCENT if index.row() == 0 else "#AEB6C2"))
        painter.drawEllipse(rail_x - 5, rect.top() + PAD + 4, 10, 10)
        what, meta, why = self._texts(index)
        left = rect.left() + 22 + PAD
        width = rect.width() - (left - rect.left()) - PAD
        h1, h2, h3 = self._heights(width, index)
        flags = int(Qt.TextFlag.TextWordWrap)
        top = rect.top() + PAD
        painter.setFont(self.bold)
        painter.setPen(QColor(theme.INK))
        painter.drawText(QRect(left, top, width, h1), flags, what)
        top += h1 + GAP
        painter.setFont(self.small)
        painter.setPen(QColor(theme.MUTED))
        painter.drawText(QRect(left, top, width, h2), flags, meta)
        if why:
            top += h2 + GAP
            painter.setPen(QColor(theme.WARN))
            painter.drawText(QRect(left, top, width, h3), flags, why)
        painter.restore()


class TimelinePanel(QFrame):
    """A titled feed of an order's timeline (newest first) with a note about its source."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ordersTimeline")
        self.setProperty("card", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 6, 8)
        layout.setSpacing(6)
        head = QHBoxLayout()
        self.title = QLabel(self.tr("TIMELINE"), self)
        self.title.setProperty("section", True)
        head.addWidget(self.title)
        head.addStretch(1)
        self.source = QLabel("", self)
        self.source.setProperty("faint", True)
        head.addWidget(self.source)
        layout.addLayout(head)
        self.note = QLabel("", self)
        self.note.setObjectName("ordersTimelineNote")
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        self.feed = QListView(self)
        self.feed.setObjectName("ordersTimelineFeed")
        self.feed.setAccessibleName(self.tr("Timeline of the order"))
        self.model = TimelineModel(self)
        self.feed.setModel(self.model)
        self.feed.setModelColumn(TimeColumn.ENTRY)
        self.feed.setItemDelegate(TimelineDelegate(self.feed))
        self.feed.setFrameShape(QFrame.Shape.NoFrame)
        self.feed.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.feed.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.feed.setResizeMode(QListView.ResizeMode.Adjust)
        self.feed.setWordWrap(True)
        self.feed.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.feed, 1)

    def show_rows(
        self,
        rows: list[TimelineRow],
        *,
        from_server: bool,
        note: str,
        now: datetime,
        tz: tzinfo,
    ) -> None:
        """Show ``rows`` (oldest first as read; shown newest first) and where they are from."""
        self.model.tz = tz
        self.model.set_rows(list(reversed(rows)), now)
        count = len(rows)
        self.title.setText(self.tr("TIMELINE · %n EVENT(S)", "", count))
        self.source.setText(
            self.tr("From the server") if from_server else self.tr("From this station")
        )
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def set_waiting(self, text: str) -> None:
        """The server is being asked: say so above the cache's rows."""
        self.source.setText(text)
