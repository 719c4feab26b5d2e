"""The keyboard-wedge scanner as an application-wide Qt event filter.

:class:`WedgeFilter` is installed on the QApplication, so it sees every key press before
any widget does — also when a text field has focus. It feeds the presses to a
:class:`~desktop_oms.scanner.wedge.BurstDetector` (see there for how a burst is told from
typing) and does what the detector decides:

* a held key is swallowed (the filter returns True) and a copy is kept;
* a replayed key is sent again, as a new QKeyEvent with the same key, text, modifiers and
  native codes, to the widget that had the focus when it was pressed (so a click that
  moves the focus meanwhile cannot redirect it), and passes this filter untouched;
* the release of a swallowed key is swallowed too; a replayed key gets its release
  replayed with it if the real one came while it was held, else the real one goes through
  (a button pressed by Space must see press, then release);
* a finished burst becomes a :class:`~desktop_oms.scanner.scan.Scan` emitted with
  ``scanned`` from a zero timer, after the filter has returned, so whatever the
  receivers do (open a dialog, run an event loop) never runs inside key delivery.

Timing uses the key event's own timestamp (the window system's, in ms), so keys that
queued up while the UI thread was busy keep their true spacing; events without one
(synthesised, e.g. ``QTest.keyClick`` on a widget) use the monotonic clock, which tests
may replace. A QTimer (precise) ends a candidate after ``timeout_ms`` of silence.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QWindow

from desktop_oms.domain.identifiers import GS
from desktop_oms.scanner.scan import Scan, Source
from desktop_oms.scanner.settings import ScannerSettings, Terminator
from desktop_oms.scanner.wedge import Burst, BurstDetector, Decision

#: Keys that only modify others: they pass through and do not count as keys of a burst.
_MODIFIER_KEYS: frozenset[int] = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_Mode_switch,
    }
)
#: Control characters scanners type inside codes: GS (FNC1 in GS1), RS and EOT (ISO 15434).
SCAN_CONTROL_CHARS = frozenset({GS, "\x1e", "\x04"})
_WATCHED = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
    }
)
_TERMINATOR_KEYS: dict[int, Terminator] = {
    Qt.Key.Key_Return: Terminator.ENTER,
    Qt.Key.Key_Enter: Terminator.ENTER,
    Qt.Key.Key_Tab: Terminator.TAB,
}
#: How long the real release of a swallowed key is waited for before it is forgotten.
_RELEASE_WAIT_MS = 2000.0


def monotonic_ms() -> float:
    """The monotonic clock in milliseconds."""
    return time.monotonic_ns() / 1e6


@dataclass(slots=True)
class KeyCopy:
    """What is needed to send a swallowed key press again, and whether it was released."""

    receiver: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    native_scan_code: int
    native_virtual_key: int
    native_modifiers: int
    released: bool = False

    @classmethod
    def of(cls, receiver: QObject, event: QKeyEvent) -> KeyCopy:
        """A copy of ``event`` (a key press) sent to ``receiver``."""
        return cls(
            receiver,
            event.key(),
            event.modifiers(),
            event.text(),
            event.nativeScanCode(),
            event.nativeVirtualKey(),
            event.nativeModifiers(),
        )

    def event(self, kind: QEvent.Type) -> QKeyEvent:
        """A new press or release event for this key."""
        return QKeyEvent(
            kind,
            self.key,
            self.modifiers,
            self.native_scan_code,
            self.native_virtual_key,
            self.native_modifiers,
            self.text,
        )


def is_scan_text(text: str, modifiers: Qt.KeyboardModifier) -> bool:
    """Whether a key press that produces ``text`` can be part of a scanned code.

    Printable characters and GS/RS/EOT (which scanners type as Ctrl+], Ctrl+^, Ctrl+D);
    a printable character with Ctrl or Meta held is a shortcut (Ctrl+Alt is AltGr).
    """
    if not text or not all(c.isprintable() or c in SCAN_CONTROL_CHARS for c in text):
        return False
    shortcut = modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)
    altgr = modifiers & Qt.KeyboardModifier.AltModifier and not (
        modifiers & Qt.KeyboardModifier.MetaModifier
    )
    return not shortcut or altgr or all(c in SCAN_CONTROL_CHARS for c in text)


class WedgeFilter(QObject):
    """Recognises keyboard-wedge scanner bursts in the application's key events.

    Signal ``scanned(Scan)``: a burst ended — a complete scan, or one with
    :attr:`Scan.problem` set (cut off, odd keys), which decodes as a bad scan. Typing is
    never reported; its keys reach their widget, late by at most ``timeout_ms``.
    """

    scanned = Signal(Scan)

    def __init__(
        self,
        settings: ScannerSettings | None = None,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = monotonic_ms,
    ) -> None:
        super().__init__(parent)
        self._settings = settings or ScannerSettings()
        self._detector: BurstDetector[KeyCopy] = BurstDetector(self._settings)
        self._clock = clock
        self._replaying = False
        self._installed = False
        self._owed: list[tuple[int, float]] = []  # releases to swallow: (key, when owed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._expire)
        self._pending: list[Scan] = []
        self._emitter = QTimer(self)
        self._emitter.setSingleShot(True)
        self._emitter.setInterval(0)
        self._emitter.timeout.connect(self._emit_pending)

    @property
    def settings(self) -> ScannerSettings:
        """The settings in use."""
        return self._settings

    @property
    def holding(self) -> bool:
        """Whether key presses are held back right now (a candidate burst is open)."""
        return self._detector.holding

    def install(self) -> None:
        """Watch the application's key events from now on."""
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def uninstall(self) -> None:
        """Stop watching; keys held back are given to their widgets."""
        self._apply(Decision(False, self._detector.reset()))
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False

    def apply(self, settings: ScannerSettings) -> None:
        """Use new settings (keys held back under the old ones are given back first)."""
        self._apply(Decision(False, self._detector.reset()))
        self._settings = settings
        self._detector = BurstDetector(settings)

    # --- the filter --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Hold, replay or swallow key presses and releases; True means swallowed."""
        kind = event.type()
        if kind not in _WATCHED or self._replaying or not self._settings.wedge_enabled:
            return False
        if kind == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._press(watched, event)
        if kind == QEvent.Type.KeyRelease:
            assert isinstance(event, QKeyEvent)
            return self._release(event)
        if self._detector.holding:  # a click or touch
            self._apply(self._detector.pointer())
        return False

    def _timestamp(self, event: QKeyEvent) -> float:
        stamp = event.timestamp()
        return float(stamp) if stamp else self._clock()

    def _press(self, watched: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False
        if event.isAutoRepeat():  # a key held down: a person
            self._apply(self._detector.interrupt())
            return False
        at = self._timestamp(event)
        receiver = watched
        if isinstance(watched, QWindow):  # the window hands keys to its focused widget
            receiver = QGuiApplication.focusObject() or watched
        copy = KeyCopy.of(receiver, event)
        terminator = _TERMINATOR_KEYS.get(key)
        if terminator is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            decision = self._detector.terminator(terminator, at, copy)
        elif is_scan_text(event.text(), event.modifiers()):
            decision = self._detector.text(event.text(), at, copy)
        else:
            name = QKeySequence(event.keyCombination()).toString() or f"key {key:#x}"
            decision = self._detector.other_key(name, at, copy)
        if decision.consume:
            self._owed.append((key, self._clock()))
        self._apply(decision)
        return decision.consume

    def _release(self, event: QKeyEvent) -> bool:
        if event.isAutoRepeat():
            return False
        key = event.key()
        now = self._clock()
        self._owed = [(k, t) for k, t in self._owed if now - t <= _RELEASE_WAIT_MS]
        owed = next((i for i, (k, _) in enumerate(self._owed) if k == key), None)
        if owed is None:
            return False
        del self._owed[owed]
        held = next(
            (c for c in self._detector.held_tokens if c.key == key and not c.released), None
        )
        if held is not None:
            held.released = True
        return True

    def _expire(self) -> None:
        self._apply(self._detector.expire())

    def _apply(self, decision: Decision[KeyCopy]) -> None:
        if decision.replay:
            self._replay(decision.replay)
        if decision.burst is not None:
            self._pending.append(self._scan(decision.burst))
            self._emitter.start()
        if self._detector.holding:
            self._timer.start(int(self._settings.timeout_ms) + 1)
        else:
            self._timer.stop()

    def _replay(self, copies: Sequence[KeyCopy]) -> None:
        self._replaying = True
        try:
            for copy in copies:
                if not copy.released:  # its real release is still to come: let it through
                    owed = next((i for i, (k, _) in enumerate(self._owed) if k == copy.key), None)
                    if owed is not None:
                        del self._owed[owed]
                if not shiboken6.isValid(copy.receiver):
                    continue  # the widget went away meanwhile, and its keys with it
                QCoreApplication.sendEvent(copy.receiver, copy.event(QEvent.Type.KeyPress))
                if copy.released:
                    QCoreApplication.sendEvent(copy.receiver, copy.event(QEvent.Type.KeyRelease))
        finally:
            self._replaying = False

    def _scan(self, burst: Burst) -> Scan:
        return Scan(
            burst.text,
            Source.WEDGE,
            datetime.now(UTC),
            gaps_ms=burst.gaps_ms,
            terminator=burst.terminator,
            device="keyboard",
            problem=burst.problem,
        )

    def _emit_pending(self) -> None:
        pending, self._pending = self._pending, []
        for scan in pending:
            self.scanned.emit(scan)
