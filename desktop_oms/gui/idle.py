"""Signing out a counter left alone: an application-wide watch on keyboard and pointer input."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

#: Input that counts as someone being at the station.
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle()`` after ``timeout_ms`` without keyboard, mouse or touch input.

    Signal ``idle()``: nobody touched the station for the timeout (emitted once per
    stretch of inactivity).
    """

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, timeout_ms))
        self._timer.timeout.connect(self.idle)
        self._watching = False

    @property
    def timeout_ms(self) -> int:
        """The idle time that signs out."""
        return self._timer.interval()

    def set_timeout(self, timeout_ms: int) -> None:
        """Change the idle time (restarts the count)."""
        self._timer.setInterval(max(1, timeout_ms))
        if self._watching:
            self._timer.start()

    def start(self) -> None:
        """Watch input from now on (someone just signed in)."""
        app = QCoreApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
        self._watching = True
        self._timer.start()

    def poke(self) -> None:
        """Count a scan as someone at the station (a serial scan brings no key event)."""
        if self._watching:
            self._timer.start()

    def stop(self) -> None:
        """Stop watching (nobody is signed in)."""
        app = QCoreApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
        self._watching = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Any key, click, move or touch restarts the count."""
        if event.type() in _ACTIVITY:
            self._timer.start()
        return False
