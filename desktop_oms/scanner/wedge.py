"""Telling a keyboard-wedge scanner from a person at the keyboard, by timing alone.

A USB scanner in keyboard mode is a keyboard: it "types" the code, a few milliseconds a
key, and presses Enter (or Tab). A person types 100-300 ms a key. :class:`BurstDetector`
is a Qt-free state machine over (key, timestamp) events that says, for every key, whether
the application may have it now, and when a run of keys turns out to be a scan.

**The first keys of a burst cannot be told apart from typing**, so every key that could
start a scan is *held*: the Qt filter (:mod:`~desktop_oms.scanner.qtwedge`) swallows it
and keeps a copy. The run of held keys (the *candidate*) then ends one of three ways:

* a terminator (Enter/Tab) arrives — the candidate is a scan if it has at least
  ``min_length`` characters after the ``prefix`` and the average time between its keys,
  the terminator included, is at most ``max_average_ms``: the scan is reported and no key
  of it ever reaches a widget. Otherwise the held keys are *replayed* (sent to the widget
  they were meant for, in order) and the terminator goes through after them;
* no key for ``timeout_ms`` (a QTimer calls :meth:`BurstDetector.expire`) — a candidate
  that was scanner-fast and long enough is a scan cut off half-way (or, with no
  terminator configured, a complete scan): it is reported as such and dropped, never
  half-typed into the field. Anything slower or shorter was a person: replayed;
* something only a person does — a key held down (auto-repeat), or a click while the held
  keys are not scanner-fast — replays what is held at once, before the click lands.

A person's key is therefore late by at most ``timeout_ms`` (60 ms by default), below what
is noticed while typing, and reaches the same widget in the same order. A key that is
not text (arrows, Backspace, F-keys) is held like text while a candidate runs — so it
cannot overtake held text — and a scanner burst that contains one is reported as a bad
scan. Modifier keys (Shift around capitals) pass through and do not count.

Known limits: a burst of fewer than ``min_length`` characters that stops without its
terminator is indistinguishable from a fast person and is replayed; a key typed by a
person less than ``timeout_ms`` before a scanner burst becomes part of that (bad) scan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise
from statistics import fmean
from typing import Generic, TypeVar

from desktop_oms.scanner.settings import ScannerSettings, Terminator

T = TypeVar("T")

#: What a terminator key puts into :attr:`Burst.terminator`.
TERMINATOR_TEXT = {Terminator.ENTER: "\r", Terminator.TAB: "\t"}


@dataclass(frozen=True, slots=True)
class Burst:
    """A run of keys the detector took for a scanner.

    ``text``: the characters without the prefix; ``gaps_ms``: the time between successive
    keys (the last one up to the terminator); ``terminator``: ``"\\r"``, ``"\\t"`` or
    ``""``; ``problem``: why the scan cannot be trusted (cut off, a key that is no text).
    """

    text: str
    gaps_ms: tuple[float, ...]
    terminator: str = ""
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Decision(Generic[T]):
    """What to do after one event.

    ``consume``: the key just fed is taken (held, or part of a scan); False lets it
    through. ``replay``: held keys to hand back, in order, before the key just fed goes on.
    ``burst``: a scanner burst that has just ended.
    """

    consume: bool
    replay: tuple[T, ...] = ()
    burst: Burst | None = None


class _Kind(Enum):
    TEXT = "text"
    OTHER = "other"


@dataclass(slots=True)
class _Held(Generic[T]):
    kind: _Kind
    text: str  # the characters, or the key's name for a key that is no text
    at: float
    token: T


@dataclass(slots=True)
class BurstDetector(Generic[T]):
    """The keyboard-wedge state machine; ``T`` is whatever the caller needs to replay a key.

    Feed it every key press with a timestamp in milliseconds (any clock that only moves
    forward): :meth:`text`, :meth:`terminator`, :meth:`other_key`; call :meth:`expire`
    when ``timeout_ms`` passed without a key while :attr:`holding`, and :meth:`interrupt`
    on signs of a person (auto-repeat, a click). Each returns a :class:`Decision`.
    """

    settings: ScannerSettings = field(default_factory=ScannerSettings)
    _held: list[_Held[T]] = field(default_factory=list)

    @property
    def holding(self) -> bool:
        """Whether keys are held back, waiting for the candidate to be decided."""
        return bool(self._held)

    @property
    def held_tokens(self) -> tuple[T, ...]:
        """The tokens of the keys held back right now, oldest first."""
        return tuple(h.token for h in self._held)

    @property
    def held_text(self) -> str:
        """The characters held back right now."""
        return "".join(h.text for h in self._held if h.kind is _Kind.TEXT)

    def text(self, chars: str, at_ms: float, token: T) -> Decision[T]:
        """A key that types ``chars``: always held (it may be the start of a scan)."""
        before = self._end_if_quiet(at_ms)
        self._held.append(_Held(_Kind.TEXT, chars, at_ms, token))
        return Decision(True, before.replay, before.burst)

    def other_key(self, name: str, at_ms: float, token: T) -> Decision[T]:
        """A key that is no text (arrow, Backspace, F5, ...): held only inside a candidate."""
        before = self._end_if_quiet(at_ms)
        if not self._held:
            return Decision(False, before.replay, before.burst)
        self._held.append(_Held(_Kind.OTHER, name, at_ms, token))
        return Decision(True)

    def terminator(self, which: Terminator, at_ms: float, token: T) -> Decision[T]:
        """Enter or Tab: ends a candidate as a scan, or lets it and the key through."""
        before = self._end_if_quiet(at_ms)
        if not self._held:
            return Decision(False, before.replay, before.burst)
        if which in self.settings.terminators and self._scanner_like(at_ms):
            return Decision(True, burst=self._take_burst(TERMINATOR_TEXT[which], at_ms))
        return Decision(False, self._take_replay())

    def expire(self) -> Decision[T]:
        """``timeout_ms`` passed without a key: decide what is held."""
        if not self._held:
            return Decision(False)
        if not self._scanner_like(None):
            return Decision(False, self._take_replay())
        if self.settings.terminators:
            ends = " or ".join(t.value.capitalize() for t in self.settings.terminators)
            burst = self._take_burst("", None, f"the scan was cut off (no {ends} at the end)")
        else:
            burst = self._take_burst("", None)
        return Decision(False, burst=burst)

    def interrupt(self) -> Decision[T]:
        """Something only a person does happened (a key held down): give back what is held."""
        return Decision(False, self._take_replay())

    def pointer(self) -> Decision[T]:
        """A click or touch: give back what is held unless a scanner is typing right now."""
        gaps = self._gaps(None)
        if gaps and fmean(gaps) <= self.settings.max_average_ms:
            return Decision(False)
        return Decision(False, self._take_replay())

    def reset(self) -> tuple[T, ...]:
        """Forget the candidate (e.g. the window went away); the keys that were held."""
        return self._take_replay()

    # --- internals -------------------------------------------------------------------------

    def _end_if_quiet(self, at_ms: float) -> Decision[T]:
        """Decide a candidate whose last key is older than the timeout (a late timer)."""
        if self._held and not 0 <= at_ms - self._held[-1].at <= self.settings.timeout_ms:
            return self.expire()
        return Decision(False)

    def _gaps(self, end_ms: float | None) -> list[float]:
        times = [h.at for h in self._held]
        if end_ms is not None:
            times.append(end_ms)
        return [b - a for a, b in pairwise(times)]

    def _scanner_like(self, end_ms: float | None) -> bool:
        """Fast enough, long enough and with the prefix: what a scanner sends."""
        text = self.held_text
        prefix = self.settings.prefix
        if not text.startswith(prefix) or len(text) - len(prefix) < self.settings.min_length:
            return False
        gaps = self._gaps(end_ms)
        return bool(gaps) and fmean(gaps) <= self.settings.max_average_ms

    def _take_burst(
        self, terminator: str, end_ms: float | None, problem: str | None = None
    ) -> Burst:
        others = [h.text for h in self._held if h.kind is _Kind.OTHER]
        if others and problem is None:
            problem = f"the scanner sent keys that are not characters: {', '.join(others)}"
        burst = Burst(
            self.held_text[len(self.settings.prefix) :],
            tuple(self._gaps(end_ms)),
            terminator,
            problem,
        )
        self._held.clear()
        return burst

    def _take_replay(self) -> tuple[T, ...]:
        tokens = tuple(h.token for h in self._held)
        self._held.clear()
        return tokens
