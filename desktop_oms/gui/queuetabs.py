"""A queue's tabs as a segmented control, each with a count badge (Ctrl+1, Ctrl+2, ...)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from desktop_oms.gui import theme
from desktop_oms.gui.numbers import grouped

T = TypeVar("T", bound=str)


class _TabButton(QToolButton):
    """One tab: its title and a count badge."""

    def __init__(self, tab: str, title: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab = tab
        self.setObjectName(f"tab_{tab}")
        self.setProperty("queueTab", True)
        self.setCheckable(True)
        self.setToolTip(tip)
        self.setAccessibleName(title)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 0, 10, 0)
        layout.setSpacing(8)
        self.title = QLabel(title, self)
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
        font = self.title.font()
        font.setWeight(font.Weight.Bold if checked else font.Weight.DemiBold)
        self.title.setFont(font)

    def set_count(self, count: int, alert: bool) -> None:
        """Show ``count``; ``alert`` paints it red (something there needs attention)."""
        self.count.setText(grouped(count))
        if self.count.property("alert") != alert:
            self.count.setProperty("alert", alert)
            theme.restyle(self.count)

    def sizeHint(self) -> QSize:  # noqa: N802
        """Wide enough for the title and the badge."""
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else super().sizeHint()
        hint.setHeight(max(hint.height(), 40))
        return hint


class QueueTabs(QFrame, Generic[T]):
    """A queue's tabs (``tabs`` in order, with their titles and tooltips), with counts;
    Ctrl+1, Ctrl+2, ... pick them. A tab in ``alert`` shows a non-zero count in red.

    Signal ``tabChanged(str)``: the tab the user picked.
    """

    tabChanged = Signal(str)  # noqa: N815

    def __init__(
        self,
        tabs: Sequence[T],
        titles: Mapping[T, str],
        tips: Mapping[T, str],
        alert: Collection[T] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("queueTabs")
        self._tabs = tuple(tabs)
        self._alert = frozenset(alert)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[T, _TabButton] = {}
        for n, tab in enumerate(self._tabs):
            button = _TabButton(tab, titles[tab], tips.get(tab, ""), self)
            self._group.addButton(button)
            layout.addWidget(button)
            self.buttons[tab] = button
            button.clicked.connect(lambda _=False, t=tab: self.tabChanged.emit(t))
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda t=tab: self._pick(t))
        self.buttons[self._tabs[0]].setChecked(True)
        self.buttons[self._tabs[0]]._restyle(True)

    @property
    def current(self) -> T:
        """The tab shown."""
        for tab, button in self.buttons.items():
            if button.isChecked():
                return tab
        return self._tabs[0]

    def set_current(self, tab: T) -> None:
        """Show ``tab`` as picked (without emitting ``tabChanged``)."""
        self.buttons[tab].setChecked(True)

    def _pick(self, tab: T) -> None:
        if tab != self.current:
            self.set_current(tab)
            self.tabChanged.emit(tab)

    def set_counts(self, counts: Mapping[T, int]) -> None:
        """Show the number of rows in each tab."""
        for tab, button in self.buttons.items():
            count = counts.get(tab, 0)
            button.set_count(count, alert=tab in self._alert and count > 0)
