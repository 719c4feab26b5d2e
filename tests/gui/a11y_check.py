"""Accessibility checks on a real widget tree: names, reach by keyboard, target sizes.

* :func:`unnamed` — focusable controls whose accessible name (what a screen reader says:
  the accessible name set, else the button's text, else the label buddy's text) is empty.
* :func:`tab_order` — the controls Tab visits from the focused one, in order, until it
  comes round again; :func:`unreachable` — controls Tab never reaches.
* :func:`too_small` — clickable controls smaller than the touch minimum.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QTabBar,
    QTextEdit,
    QPlainTextEdit,
)
#: Controls a finger presses (item views and text areas are large by nature).
TARGETS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


def _where(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or '?'})"


def controls(root: QWidget) -> list[QWidget]:
    """The visible, enabled controls under ``root`` that take keyboard focus."""
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, CONTROLS)
        and w.isVisibleTo(root)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
    ]


def accessible_name(widget: QWidget) -> str:
    """What a screen reader announces as ``widget``'s name."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return ""
    return interface.text(QAccessible.Text.Name).strip()


def unnamed(root: QWidget) -> list[str]:
    """Controls under ``root`` with no accessible name."""
    return sorted(_where(w) for w in controls(root) if not accessible_name(w))


def too_small(root: QWidget, minimum: int) -> list[str]:
    """Visible pressable controls under ``root`` lower (or narrower) than ``minimum`` px."""
    return sorted(
        f"{_where(w)} {w.width()}x{w.height()}"
        for w in controls(root)
        if isinstance(w, TARGETS) and (w.height() < minimum or w.width() < minimum)
    )


def tab_order(window: QWidget, limit: int = 400) -> list[QWidget]:
    """Press Tab in ``window`` until focus comes back round; the widgets visited, in order."""
    visited: list[QWidget] = []
    for _ in range(limit):
        focused = QApplication.focusWidget()
        QTest.keyClick(focused or window, Qt.Key.Key_Tab)
        QApplication.processEvents()
        now = QApplication.focusWidget()
        if now is None or (visited and now is visited[0]):
            break
        if now in visited:
            break
        visited.append(now)
    return visited


def unreachable(root: QWidget, window: QWidget) -> list[str]:
    """Controls under ``root`` that Tab, pressed round ``window``, never focuses."""
    reached = set(tab_order(window))
    return sorted(_where(w) for w in controls(root) if w not in reached)
