"""A short message at the bottom of the window, optionally with one action (Undo)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_oms.gui import theme

_ICONS = {"info": ("check", "#86EFAC"), "warn": ("alert", "#FCD34D"), "bad": ("alert", "#FCA5A5")}


class Toast(QFrame):
    """A message that hides itself after a while.

    A toast with a deadline (``on_expire``, e.g. a handover waiting out its Undo) keeps its
    place until then: a plain message arriving meanwhile (a bad scan, a note) shows in a
    second toast just above it instead of ending the wait early. A new toast with an
    action or a deadline does replace it, running the old deadline first.

    Signal ``actionTriggered()``: the action button (e.g. Undo) was pressed.
    """

    actionTriggered = Signal()  # noqa: N815

    def __init__(self, parent: QWidget, *, above: Toast | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        #: The toast this one stands above (a side toast), or None.
        self.above = above
        self._side: Toast | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 8, 8)
        layout.setSpacing(12)
        self.icon = QLabel(self)
        self.icon.setFixedSize(20, 20)
        self.text = QLabel(self)
        self.text.setObjectName("toastText")
        self.button = QPushButton(self)
        self.button.setObjectName("toastAction")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self._act)
        if above is None:  # the bottom toast's action (Undo) is Ctrl+Z from anywhere
            self.action_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), parent)
            self.action_key.setContext(Qt.ShortcutContext.WindowShortcut)
            self.action_key.activated.connect(self._act_by_key)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expired)
        self._on_action: Callable[[], None] | None = None
        self._on_expire: Callable[[], None] | None = None
        parent.installEventFilter(self)
        self.hide()

    def show_message(
        self,
        text: str,
        level: str = "info",
        *,
        action: str | None = None,
        on_action: Callable[[], None] | None = None,
        on_expire: Callable[[], None] | None = None,
        msecs: int = 4000,
    ) -> None:
        """Show ``text`` for ``msecs``; ``action`` names a button calling ``on_action``."""
        if self.waiting and action is None and on_expire is None:
            self.side.show_message(text, level, msecs=msecs)  # the deadline keeps its toast
            return
        if self._on_expire is not None:  # a previous toast's deadline comes first
            self._expired()
        name, colour = _ICONS.get(level, _ICONS["info"])
        self.icon.setPixmap(theme.pixmap(name, colour, 20, self.devicePixelRatioF()))
        self.text.setText(text)
        self.button.setText(action or "")
        self.button.setVisible(action is not None)
        self._on_action, self._on_expire = on_action, on_expire
        self._place()
        self.show()
        self.raise_()
        self._timer.start(msecs)

    @property
    def waiting(self) -> bool:
        """Whether a toast with a deadline (``on_expire``) is showing."""
        return self._on_expire is not None and self.isVisible()

    @property
    def side(self) -> Toast:
        """The toast shown above this one for messages while this one waits."""
        if self._side is None:
            parent = self.parentWidget()
            assert parent is not None
            self._side = Toast(parent, above=self)
        return self._side

    def _act_by_key(self) -> None:
        if self.isVisible() and self.button.isVisible():
            self._act()

    def _act(self) -> None:
        callback, self._on_action, self._on_expire = self._on_action, None, None
        self._timer.stop()
        self.hide()
        if callback is not None:
            callback()
        self.actionTriggered.emit()

    def _expired(self) -> None:
        callback, self._on_action, self._on_expire = self._on_expire, None, None
        self._timer.stop()
        self.hide()
        if callback is not None:
            callback()

    def flush(self) -> None:
        """Run the pending expiry now (the window closes: do not lose a delayed action)."""
        if self._on_expire is not None:
            self._expired()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.adjustSize()
        width = min(max(self.sizeHint().width(), 360), parent.width() - 48)
        self.resize(width, max(self.sizeHint().height(), 52))
        bottom = parent.height() - 56 if self.above is None else self.above.y() - 8
        self.move((parent.width() - width) // 2, bottom - self.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Stay at the bottom centre when the window resizes."""
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False
