"""Keeps a station in sync: a pull loop (long-poll) and a push loop, each with backoff.

Two plain threads so a long-poll never delays a push. The push loop wakes when
:meth:`SyncRunner.kick` is called (a local write, the end of an undo window), when the
link comes back up, and on a timer while commands wait, so transient failures retry
without a new local write. State changes go out through the ``on_state`` callback
(online/offline, last error) for the GUI or the CLI to show.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from desktop_oms.cache.db import DiskFull
from desktop_oms.sync.backoff import Backoff
from desktop_oms.sync.clock import Skew
from desktop_oms.sync.engine import SyncEngine
from desktop_oms.sync.errors import NotAuthorized, ResetRequired, SyncError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LinkState:
    """Whether the server answers, and the last failure if it does not."""

    online: bool
    error: str | None = None
    authorized: bool = True
    #: This PC's clock is far off the server's: by how much (see sync.clock).
    skew: Skew | None = None
    #: A problem on this PC that stops the sync (the disk is full), in plain words.
    problem: str | None = None

    @property
    def clock(self) -> str | None:
        """The clock warning in English (for logs), when the clock is far off."""
        return None if self.skew is None else self.skew.describe()


StateCallback = Callable[[LinkState], None]


def _drop(_state: LinkState) -> None:
    """Ignore state changes."""


class SyncRunner:
    """Runs the engine's pull and push loops until stopped."""

    def __init__(
        self,
        engine: SyncEngine,
        *,
        feed_wait: float = 25.0,
        retry_interval: float = 5.0,
        on_state: StateCallback = _drop,
    ) -> None:
        self.engine = engine
        self.feed_wait = feed_wait
        self.retry_interval = retry_interval
        self.on_state = on_state
        self._stop = threading.Event()
        self._kick = threading.Event()
        self._threads: list[threading.Thread] = []
        self._state_lock = threading.Lock()
        self._state = LinkState(online=False)

    @property
    def state(self) -> LinkState:
        """The latest link state."""
        with self._state_lock:
            return self._state

    def _set_state(self, new: LinkState) -> None:
        with self._state_lock:
            changed = new != self._state
            back = new.online and not self._state.online
            self._state = new
        if back:  # the server answers again: send what waits now, not after a backoff
            self._kick.set()
        if changed:
            self.on_state(new)

    def start(self) -> None:
        """Start both loops."""
        for name, target in (("oms-pull", self._pull_loop), ("oms-push", self._push_loop)):
            th = threading.Thread(target=target, name=name, daemon=True)
            th.start()
            self._threads.append(th)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop both loops (a long-poll in flight finishes or times out first)."""
        self._stop.set()
        self._kick.set()
        self.engine.client.close()
        for th in self._threads:
            th.join(timeout)

    def kick(self) -> None:
        """A command was queued: push now."""
        self._kick.set()

    def _failed(self, exc: SyncError, backoff: Backoff) -> float:
        if isinstance(exc, NotAuthorized):
            self._set_state(
                LinkState(False, exc.message, authorized=False, skew=self.engine.clock.skew())
            )
            return 60.0
        self._set_state(LinkState(False, exc.message, skew=self.engine.clock.skew()))
        return backoff.next_delay()

    def _disk_full(self, exc: DiskFull, backoff: Backoff) -> float:
        """Nothing can be saved: say so (the link itself may be fine) and try again later."""
        log.error("sync stopped: %s", exc.message)
        now = self.state
        self._set_state(
            LinkState(now.online, now.error, now.authorized, now.skew, problem=exc.message)
        )
        return backoff.next_delay()

    def _pull_loop(self) -> None:
        backoff = Backoff()
        while not self._stop.is_set():
            try:
                if self.engine.needs_snapshot():
                    self.engine.initial_sync(self._stop)
                # Until the link is known to be up, ask without waiting, so "online" shows
                # as soon as the server answers, not after a long-poll's timeout.
                self.engine.pull_once(wait=self.feed_wait if self.state.online else 0)
                backoff.reset()
                self._set_state(LinkState(True, skew=self.engine.clock.skew()))
                continue
            except ResetRequired:
                continue  # the next round takes the new snapshot
            except SyncError as exc:
                delay = self._failed(exc, backoff)
            except DiskFull as exc:
                delay = self._disk_full(exc, backoff)
            except Exception:  # never let the loop die; the error is logged
                log.exception("pull failed")
                delay = backoff.next_delay()
            self._stop.wait(delay)

    def _push_loop(self) -> None:
        backoff = Backoff()
        while not self._stop.is_set():
            self._kick.clear()
            delay = self.retry_interval
            try:
                result = self.engine.push_all()
                backoff.reset()
                if result.sent:
                    self._set_state(LinkState(True, skew=self.engine.clock.skew()))
                if self.engine.status().outbox == 0:
                    delay = 60.0  # nothing waits: sleep until kicked
            except SyncError as exc:
                delay = self._failed(exc, backoff)
            except DiskFull as exc:
                delay = self._disk_full(exc, backoff)
            except Exception:  # never let the loop die; the error is logged
                log.exception("push failed")
                delay = backoff.next_delay()
            self._kick.wait(delay)
