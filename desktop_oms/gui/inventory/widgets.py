"""The inventory page's small widgets: a figure tile and a list switcher button."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from desktop_oms.gui import theme
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.numbers import grouped

#: The lists of the inventory page, in tab order, and their titles.
ListName = Literal["departments", "out_of_stock", "low_stock", "aged_pickups", "overdue"]
TITLES: dict[ListName, str] = {
    "departments": QT_TRANSLATE_NOOP("ListButton", "Departments"),
    "out_of_stock": QT_TRANSLATE_NOOP("ListButton", "Out of stock"),
    "low_stock": QT_TRANSLATE_NOOP("ListButton", "Low stock"),
    "aged_pickups": QT_TRANSLATE_NOOP("ListButton", "Aged pickups"),
    "overdue": QT_TRANSLATE_NOOP("ListButton", "Overdue"),
}


class Tile(QFrame):
    """One figure: a big number, what it is, and a detail line.

    Signal ``clicked()``: the tile was clicked (the list tiles open their list).
    """

    clicked = Signal()

    def __init__(self, name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"tile_{name}")
        self.setProperty("card", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(0)
        self.caption = QLabel(caption, self)
        self.caption.setProperty("muted", True)
        self.caption.setWordWrap(True)  # longer words than English (Dutch) wrap, never cut
        self.value = QLabel("–", self)
        self.value.setObjectName("tileValue")
        self.detail = QLabel("", self)
        self.detail.setProperty("faint", True)
        self.detail.setWordWrap(True)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """A click on the tile."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def show_figure(self, value: str, detail: str = "", level: str = "") -> None:
        """Show ``value`` (coloured for ``level``: ``bad``, ``warn``, ``ok`` or plain)."""
        self.value.setText(value)
        self.detail.setText(detail)
        if self.value.property("level") != level:
            self.value.setProperty("level", level)
            theme.restyle(self.value)


class ListButton(QToolButton):
    """One list of the page with its row count (the segmented switcher's button)."""

    def __init__(self, name: ListName, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_name: ListName = name
        self.setObjectName(f"list_{name}")
        self.setProperty("queueTab", True)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 0, 10, 0)
        layout.setSpacing(8)
        self.title = QLabel(self.tr(TITLES[name]), self)
        self.setAccessibleName(self.title.text())
        self.title.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.count = QLabel("0", self)
        self.count.setObjectName("tabCount")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.title)
        layout.addWidget(self.count)
        self.toggled.connect(self._restyle)

    def _restyle(self, checked: bool) -> None:
        self.count.setProperty("active", checked)
        theme.restyle(self.count)

    def set_count(self, count: int, alert: bool = False) -> None:
        """Show ``count`` (red while not the list shown, for lists that need action)."""
        self.count.setText(grouped(count))
        if self.count.property("alert") != (alert and count > 0):
            self.count.setProperty("alert", alert and count > 0)
            theme.restyle(self.count)

    def sizeHint(self) -> QSize:  # noqa: N802
        """Wide enough for the title and the count."""
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else super().sizeHint()
        hint.setHeight(max(hint.height(), 40))
        return hint


#: The page's own styles (the tiles' figures, the offline banner's text).
STYLE = """
QLabel#tileValue { font-size: 28px; font-weight: 800; color: #17202C; }
QLabel#tileValue[level="bad"] { color: #B91C1C; }
QLabel#tileValue[level="warn"] { color: #B45309; }
QLabel#tileValue[level="ok"] { color: #15803D; }
QLabel#offlineTitle { font-weight: 700; color: #92400E; }
QLabel#offlineText { color: #92400E; }
"""
