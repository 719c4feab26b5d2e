"""A count badge on a navigation rail item (the conflict inbox's "3")."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop_oms.gui import theme

#: Item data role holding the badge count (an int; 0 or None shows no badge).
BADGE_ROLE = Qt.ItemDataRole.UserRole + 10
#: Above this the badge says ``99+``.
BADGE_MAX = 99
_HEIGHT = 22
_RIGHT = 12


def badge_text(count: int) -> str:
    """What the badge shows for ``count``: ``7``, ``99+``; empty for none."""
    if count <= 0:
        return ""
    return f"{BADGE_MAX}+" if count > BADGE_MAX else str(count)


class NavBadgeDelegate(QStyledItemDelegate):
    """Paints a rail item as the stylesheet does, then its count as a red pill on the right."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """The item, then the badge when :data:`BADGE_ROLE` holds a count above zero."""
        super().paint(painter, option, index)
        count = index.data(BADGE_ROLE)
        text = badge_text(int(count)) if isinstance(count, int) else ""
        if not text:
            return
        font = QFont(option.font)
        font.setPixelSize(13)
        font.setWeight(QFont.Weight.Bold)
        width = max(_HEIGHT, QFontMetrics(font).horizontalAdvance(text) + 14)
        area = option.rect
        pill = QRectF(
            area.right() - _RIGHT - width,
            area.top() + (area.height() - _HEIGHT) / 2,
            width,
            _HEIGHT,
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.BAD if selected else theme.BAD_TINT))
        painter.drawRoundedRect(pill, _HEIGHT / 2, _HEIGHT / 2)
        painter.setPen(QColor("#FFFFFF" if selected else theme.BAD))
        painter.setFont(font)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
