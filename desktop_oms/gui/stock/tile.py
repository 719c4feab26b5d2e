"""The product picture of the Stock page: a placeholder tile in the department's colour.

Products carry an ``image_ref`` for the server's media store, which the station does not
mirror (images would multiply the cache and the first sync for little at the shelf), and
the demo has none. So every product shows a tile in its department's colour with the
department's initial as a large monogram and the department's name: the same department
always looks the same, so staff recognise it at a glance, and nothing pretends to be a
photo. See docs/decisions.md ("Stock lookup").
"""

from __future__ import annotations

import zlib

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Tile colours (top of the gradient), one per department; chosen to carry white text.
DEPARTMENT_COLOURS: dict[str, str] = {
    "Apparel": "#7C3AED",
    "Footwear": "#B45309",
    "Home": "#0F766E",
    "Kitchen": "#C2410C",
    "Electronics": "#1D4ED8",
    "Toys": "#DB2777",
    "Beauty": "#BE185D",
    "Sports": "#15803D",
    "Garden": "#4D7C0F",
    "Books": "#92400E",
}
#: Colours for departments not named above, picked by a stable hash of the name.
SPARE_COLOURS = ("#0E7490", "#6D28D9", "#A16207", "#BE123C", "#047857", "#4338CA", "#9D174D")


def department_colour(department: str) -> QColor:
    """The tile colour of ``department`` (stable across runs and stations)."""
    known = DEPARTMENT_COLOURS.get(department.strip().title())
    if known is None:
        known = SPARE_COLOURS[zlib.crc32(department.encode("utf-8")) % len(SPARE_COLOURS)]
    return QColor(known)


def monogram(department: str) -> str:
    """The department's initial (``?`` when it has no letter)."""
    return next((c.upper() for c in department if c.isalpha()), "?")


class ProductTile(QWidget):
    """A square placeholder picture for a product of one department."""

    def __init__(self, side: int = 132, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("productTile")
        self.side = side
        self.department = ""
        self.setFixedSize(side, side)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_department(self, department: str) -> None:
        """Draw the tile of ``department``."""
        self.department = department
        self.setToolTip(
            self.tr("{department} — no product photo on this station").format(department=department)
        )
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        """A square of :attr:`side`."""
        return QSize(self.side, self.side)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """A rounded square in the department's colour, a monogram and the name."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        base = department_colour(self.department or "?")
        gradient = QLinearGradient(rect.topLeft(), rect.bottomRight())
        gradient.setColorAt(0.0, base.lighter(118))
        gradient.setColorAt(1.0, base.darker(118))
        path = QPainterPath()
        path.addRoundedRect(rect, 16, 16)
        painter.fillPath(path, gradient)
        painter.setClipPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 28))  # a soft disc behind the monogram
        side = rect.width()
        painter.drawEllipse(QRectF(side * 0.42, -side * 0.18, side * 0.8, side * 0.8))
        painter.setClipping(False)
        font = QFont(self.font())
        font.setPixelSize(int(side * 0.46))
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        painter.setPen(QColor(255, 255, 255, 235))
        painter.drawText(
            rect.adjusted(0, 0, 0, -side * 0.18),
            Qt.AlignmentFlag.AlignCenter,
            monogram(self.department),
        )
        small = QFont(self.font())
        small.setPixelSize(max(10, int(side * 0.095)))
        small.setWeight(QFont.Weight.DemiBold)
        small.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        painter.setFont(small)
        painter.setPen(QColor(255, 255, 255, 215))
        label = (self.department or self.tr("Product")).upper()
        caption = rect.adjusted(8, side * 0.66, -8, -side * 0.08)
        painter.drawText(
            caption,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(
                label, Qt.TextElideMode.ElideRight, int(caption.width())
            ),
        )
        painter.end()
