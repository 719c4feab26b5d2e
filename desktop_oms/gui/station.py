"""The station: its cache, server client, sync engine and runner, and who is signed in.

:class:`Station` is the core, free of Qt (as Dangerzone keeps its logic apart from its
GUI): plain objects and plain callbacks, which fire on whatever thread the sync runner or
engine happens to be on. :class:`StationEvents` is the thin Qt adapter that turns those
callbacks into signals delivered on the main thread, and tells the views when the data
they show has changed.

Blocking methods are marked: "disk" ones run on the database worker, "network" ones on
the network pool (see :mod:`desktop_oms.gui.tasks`), never on the main thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from sqlalchemy.engine import Connection

from desktop_oms.cache.db import CacheDB
from desktop_oms.domain.identifiers import BadgeCode, parse_code
from desktop_oms.gui.staff import SignInThrottle, StaffSession, is_badge_scan, sign_in_offline
from desktop_oms.protocol.auth import SignInRequest, TokenOut
from desktop_oms.sync.client import ServerClient
from desktop_oms.sync.engine import SyncEngine
from desktop_oms.sync.enrolment import Enrolment
from desktop_oms.sync.errors import SyncError
from desktop_oms.sync.progress import Phase, Progress
from desktop_oms.sync.runner import LinkState, SyncRunner

log = logging.getLogger(__name__)

#: Seconds an online sign-in (or sign-out) may take before the station gives up on it.
STAFF_CALL_TIMEOUT = 5.0


class Station:
    """One enrolled station of one store: cache, client, engine, runner, staff session.

    Callbacks registered with :meth:`on_progress`, :meth:`on_link` and :meth:`on_session`
    are called on the thread where the event happens.
    """

    def __init__(
        self,
        enrolment: Enrolment,
        token: str,
        *,
        demo_pin: str | None = None,
        feed_wait: float = 25.0,
        timeout: float = 15.0,
        retry_interval: float = 5.0,
    ) -> None:
        self.enrolment = enrolment
        self.demo_pin = demo_pin
        self.cache = CacheDB(enrolment.cache_path)
        self.client = ServerClient(enrolment.server_url, token, timeout=timeout)
        self.engine = SyncEngine(self.cache, self.client, progress=self._progress)
        self.runner = SyncRunner(
            self.engine, feed_wait=feed_wait, retry_interval=retry_interval, on_state=self._link
        )
        self.throttle = SignInThrottle()
        self.session: StaffSession | None = None
        self._progress_cbs: list[Callable[[Progress], None]] = []
        self._link_cbs: list[Callable[[LinkState], None]] = []
        self._session_cbs: list[Callable[[StaffSession | None], None]] = []
        self._sync_started = False
        self._closed = False

    @property
    def store_id(self) -> int:
        """The station's store."""
        return self.enrolment.store_id

    @property
    def demo(self) -> bool:
        """Whether this is the embedded demo's station (its logins are shown)."""
        return self.demo_pin is not None

    # --- callbacks -------------------------------------------------------------------------

    def on_progress(self, callback: Callable[[Progress], None]) -> None:
        """Call ``callback(progress)`` on every sync progress report."""
        self._progress_cbs.append(callback)

    def on_link(self, callback: Callable[[LinkState], None]) -> None:
        """Call ``callback(state)`` when the link to the server goes up or down."""
        self._link_cbs.append(callback)

    def on_session(self, callback: Callable[[StaffSession | None], None]) -> None:
        """Call ``callback(session)`` when someone signs in or out (None)."""
        self._session_cbs.append(callback)

    def _progress(self, progress: Progress) -> None:
        for callback in self._progress_cbs:
            callback(progress)

    def _link(self, state: LinkState) -> None:
        for callback in self._link_cbs:
            callback(state)

    # --- sync ------------------------------------------------------------------------------

    @property
    def link(self) -> LinkState:
        """The latest link state."""
        return self.runner.state

    def needs_first_sync(self) -> bool:
        """Disk: whether the cache has no data yet (or a first sync is half done)."""
        return self.engine.needs_snapshot()

    def first_sync(self, cancel: threading.Event | None = None) -> str:
        """Network: take the snapshot (resuming one under way); the feed cursor."""
        return self.engine.initial_sync(cancel)

    def start_sync(self) -> None:
        """Start the pull and push loops (once)."""
        if not self._sync_started and not self._closed:
            self._sync_started = True
            self.runner.start()

    def kick(self) -> None:
        """A command was queued: push it now."""
        self.runner.kick()

    # --- staff -----------------------------------------------------------------------------

    def check_sign_in(self, conn: Connection, login: str, pin: str | None) -> StaffSession:
        """Disk: check a login offline (see :func:`staff.sign_in_offline`)."""
        return sign_in_offline(
            conn, login, pin, store_id=self.store_id, now=_now(), throttle=self.throttle
        )

    def sign_in_online(self, login: str, pin: str) -> TokenOut:
        """Network: sign the staff member in at the server too (SyncError if it refuses)."""
        text = login.strip()
        request: SignInRequest
        if is_badge_scan(text):
            code = parse_code(text)
            assert isinstance(code, BadgeCode)
            request = SignInRequest(badge_id=code.badge_id, pin=pin)
        else:
            request = SignInRequest(username=text, pin=pin)
        client = ServerClient(self.enrolment.server_url, timeout=STAFF_CALL_TIMEOUT)
        try:
            return client.sign_in(request)
        finally:
            client.close()

    def sign_out_online(self, token: str) -> None:
        """Network: end a staff session at the server (errors are logged, not raised)."""
        client = ServerClient(self.enrolment.server_url, timeout=STAFF_CALL_TIMEOUT)
        try:
            client.sign_out(token)
        except SyncError as exc:
            log.info("online sign-out failed: %s", exc.message)
        finally:
            client.close()

    def begin_session(self, session: StaffSession) -> None:
        """Make ``session`` the signed-in staff member (replacing anyone before)."""
        self.session = session
        for callback in self._session_cbs:
            callback(session)

    def end_session(self) -> StaffSession | None:
        """Sign the current staff member out; the session that ended."""
        ended, self.session = self.session, None
        if ended is not None:
            for callback in self._session_cbs:
                callback(None)
        return ended

    # --- lifetime --------------------------------------------------------------------------

    def close(self, timeout: float = 1.0) -> None:
        """Stop syncing and close the cache; a long-poll in flight is abandoned."""
        if self._closed:
            return
        self._closed = True
        self._progress_cbs.clear()  # the loops may outlive the window by a long-poll
        self._link_cbs.clear()
        self._session_cbs.clear()
        if self._sync_started:
            self.runner.stop(timeout)
        else:
            self.client.close()
        with contextlib.suppress(Exception):
            self.cache.close()


def _now() -> datetime:
    return datetime.now(UTC)


class StationEvents(QObject):
    """Qt signals for a :class:`Station`, delivered on the main thread.

    Signals: ``progress(Progress)`` for every sync report; ``linkChanged(LinkState)``;
    ``dataChanged()`` when synced or local data changed (coalesced); ``outboxChanged()``
    when commands were pushed or queued; ``sessionChanged(object)`` with the new
    :class:`StaffSession` or None.
    """

    progress = Signal(object)
    linkChanged = Signal(object)  # noqa: N815
    dataChanged = Signal()  # noqa: N815
    outboxChanged = Signal()  # noqa: N815
    sessionChanged = Signal(object)  # noqa: N815

    # from the sync threads to the main thread (queued: the receiver lives there)
    _progressIn = Signal(object)  # noqa: N815
    _linkIn = Signal(object)  # noqa: N815

    #: Several reports within this many milliseconds make one ``dataChanged``.
    COALESCE_MS = 40

    def __init__(self, station: Station, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self._resyncing = False
        self._coalesce = QTimer(self)
        self._coalesce.setSingleShot(True)
        self._coalesce.setInterval(self.COALESCE_MS)
        self._coalesce.timeout.connect(self.dataChanged)
        self._progressIn.connect(self._on_progress)
        self._linkIn.connect(self.linkChanged)
        station.on_progress(self._progressIn.emit)
        station.on_link(self._linkIn.emit)
        station.on_session(self._session)

    def _session(self, session: Any) -> None:
        self.sessionChanged.emit(session)

    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        self.progress.emit(progress)
        if progress.phase in (Phase.SNAPSHOT, Phase.SWITCHING, Phase.RESET):
            self._resyncing = True
        elif progress.phase is Phase.PULL:
            if progress.rows or self._resyncing:
                self._resyncing = False
                self.changed()
        elif progress.phase is Phase.PUSH:
            self.outboxChanged.emit()
            self.changed()

    def changed(self) -> None:
        """Data changed (a local write, or sync): tell the views, once per burst."""
        if not self._coalesce.isActive():
            self._coalesce.start()
