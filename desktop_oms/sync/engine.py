"""The sync engine: initial snapshot, change feed, outbox push, resets — plain functions of
a cache and a client, no threads of its own (see :mod:`runner` for the loops).

Every network reply is validated by the client before anything is applied; each feed
page is applied with its cursor in one cache transaction, so a crash never leaves a page
half applied or the cursor ahead of the data.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from desktop_oms.cache import outbox, retention, rows, state
from desktop_oms.cache.apply import apply_changes
from desktop_oms.cache.db import CacheDB, driver_cursor
from desktop_oms.cache.snapshot import SnapshotWriter
from desktop_oms.cache.state import Key
from desktop_oms.protocol.sync import SNAPSHOT_ORDER, CommandIn, Kind
from desktop_oms.sync.client import ServerClient
from desktop_oms.sync.clock import ServerClock
from desktop_oms.sync.errors import Refused, ResetRequired, SyncError
from desktop_oms.sync.progress import Phase, Progress, ProgressCallback, ignore


class Cancelled(SyncError):
    """The user cancelled a long sync; what was done so far is kept (and resumable)."""


@dataclass(frozen=True, slots=True)
class PullResult:
    """One feed page applied: how many changes, whether more wait, the new cursor."""

    applied: int
    more: bool
    cursor: str


@dataclass(frozen=True, slots=True)
class PushResult:
    """One push: how many commands were sent, applied and rejected."""

    sent: int
    applied: int
    rejected: int


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the status bar and ``desktop-oms-sync status`` show."""

    cursor: str | None
    outbox: int
    conflicts: int
    last_sync_at: str | None
    snapshot_under_way: bool


def _now() -> datetime:
    return datetime.now(UTC)


def cache_status(cache: CacheDB) -> SyncStatus:
    """Cursor, outbox length, conflicts and the last successful sync, read from the cache."""
    with cache.read() as conn:
        cur = driver_cursor(conn)
        pending = cur.execute("SELECT count(*) FROM outbox").fetchone()[0]
        conflicts = cur.execute(
            "SELECT count(*) FROM conflicts WHERE acknowledged_at IS NULL"
        ).fetchone()[0]
        return SyncStatus(
            cursor=state.cursor(conn),
            outbox=int(pending),
            conflicts=int(conflicts),
            last_sync_at=state.get(conn, Key.LAST_SYNC_AT),
            snapshot_under_way=state.get(conn, Key.SNAPSHOT_CURSOR) is not None,
        )


class SyncEngine:
    """Moves data both ways between one station cache and its server."""

    def __init__(
        self,
        cache: CacheDB,
        client: ServerClient,
        *,
        progress: ProgressCallback = ignore,
        page_limit: int | None = None,
        push_batch: int = 100,
    ) -> None:
        self.cache = cache
        self.client = client
        self.progress = progress
        self.page_limit = page_limit
        self.push_batch = push_batch
        self._lock = threading.Lock()  # one snapshot/reset at a time
        # Row counts of the snapshot under way, by cursor: kept across a resume in this
        # process (a resume after a restart reports the total as unknown, 0).
        self._totals: dict[str, dict[str, int]] = {}
        #: The server's time from its answers' Date headers: "now" against server stamps.
        self.clock = ServerClock(lambda: _now())
        client.session.hooks["response"].append(self.clock.hook)

    # --- identity and status -----------------------------------------------------------

    def client_id(self) -> str:
        """The station's persisted sync client id."""
        with self.cache.write() as conn:
            return outbox.client_id(conn)

    def status(self) -> SyncStatus:
        """Cursor, outbox length, conflicts and the last successful sync."""
        return cache_status(self.cache)

    # --- pull: snapshot ----------------------------------------------------------------

    def needs_snapshot(self) -> bool:
        """Whether there is no confirmed data yet (or a snapshot is half done)."""
        with self.cache.read() as conn:
            return state.cursor(conn) is None or state.get(conn, Key.SNAPSHOT_CURSOR) is not None

    def initial_sync(self, cancel: threading.Event | None = None) -> str:
        """Fetch a snapshot page by page (resuming one under way) and switch it in."""
        with self._lock:
            return self._snapshot(cancel)

    def _snapshot(self, cancel: threading.Event | None) -> str:
        writer = SnapshotWriter(self.cache)
        resume = writer.resume_point()
        if resume is None or resume.cursor is None:
            start = self.client.snapshot_start()
            writer.begin(start.cursor, start.store_id, start.nearby_store_ids)
            resume = writer.resume_point()
            assert resume is not None
            self._totals = {start.cursor: {info.kind.value: info.rows for info in start.kinds}}
        cursor = str(resume.cursor)
        done = writer.counts()
        total = sum(self._totals.get(cursor, {}).values())
        rows_done = sum(done.values())
        pages = 0
        kinds = list(SNAPSHOT_ORDER)
        first = kinds.index(Kind(resume.kind)) if resume.kind else len(kinds)
        after = resume.after
        for kind in kinds[first:]:
            while True:
                if cancel is not None and cancel.is_set():
                    raise Cancelled("the first sync was cancelled; it resumes where it stopped")
                try:
                    page = self.client.snapshot_page(kind, cursor, after, self.page_limit)
                except ResetRequired:
                    writer.begin(cursor, 0, [])  # drop the stale shadow tables
                    with self.cache.write() as conn:
                        state.delete(conn, state.SNAPSHOT_KEYS)
                    raise
                writer.write_page(kind.value, page.columns, page.rows, page.next_after)
                pages += 1
                rows_done += len(page.rows)
                self.progress(Progress(Phase.SNAPSHOT, kind.value, pages, rows_done, total))
                after = page.next_after
                if after is None:
                    break
        self.progress(Progress(Phase.SWITCHING, None, pages, rows_done, total))
        writer.finish()
        with self.cache.write() as conn:
            state.set_cursor(conn, cursor, _now())
        return cursor

    def reset(self, cancel: threading.Event | None = None, reason: str = "") -> str:
        """Take a new snapshot and switch it in; the outbox, overlay and conflicts stay.

        The old confirmed rows stay readable until the new snapshot is switched in, so a
        connection lost during the resync never leaves the station with empty screens;
        the stale cursor is never used again (a snapshot under way is finished first).
        """
        with self._lock:
            why = f" ({reason})" if reason else ""
            self.progress(Progress(Phase.RESET, message=f"the server asked for a full resync{why}"))
            with self.cache.write() as conn:
                state.delete(conn, state.SNAPSHOT_KEYS)  # an unfinished one is stale too
            return self._snapshot(cancel)

    # --- pull: feed ----------------------------------------------------------------------

    def pull_once(self, wait: float = 0) -> PullResult:
        """Apply one feed page (long-polling up to ``wait`` s); a reset answer resyncs."""
        if self.needs_snapshot():  # none yet, or one under way (a resync's): finish it
            self.initial_sync()
        with self.cache.read() as conn:
            cursor = str(state.cursor(conn))
        try:
            page = self.client.feed_raw(cursor, wait=wait, limit=self.page_limit)
        except ResetRequired as exc:
            cursor = self.reset(reason=exc.reason)
            return PullResult(0, True, cursor)
        changes = page.changes
        with self.cache.write() as conn:
            if state.cursor(conn) != cursor:  # a reset ran meanwhile: this page is stale
                return PullResult(0, True, str(state.cursor(conn)))
            if changes:
                apply_changes(conn, changes)
            state.set_cursor(conn, page.cursor, _now())
            outbox.settle(conn, caught_up=not page.more)
        self.progress(Progress(Phase.PULL, rows=len(changes)))
        return PullResult(len(changes), page.more, page.cursor)

    def catch_up(self) -> int:
        """Pull until the feed has nothing more; the number of changes applied. Once up to
        date, ended orders past the retention period leave the station (at most hourly)."""
        total = 0
        while True:
            got = self.pull_once()
            total += got.applied
            if not got.more:
                # server time: a PC clock days off purges nothing still live
                with self.cache.write() as conn:
                    retention.purge_if_due(conn, self.clock.now())
                return total

    # --- push ----------------------------------------------------------------------------

    def push_once(self) -> PushResult:
        """Push the oldest queued commands in order and record each result.

        A command still held (its undo window open) stops the batch before it: it and the
        commands after it wait until its hold ends.
        """
        with self.cache.write() as conn:
            client_id = outbox.client_id(conn)
            entries = outbox.due(conn, _now(), self.push_batch)
        if not entries:
            return PushResult(0, 0, 0)
        return self._push(client_id, entries)

    def _push(self, client_id: str, entries: list[outbox.OutboxEntry]) -> PushResult:
        commands: list[CommandIn] = []
        for entry in entries:
            try:
                commands.append(CommandIn.model_validate(entry.command()))
            except ValidationError as exc:
                if commands:
                    break  # the ones before it go first
                self._set_aside(entry, exc)
                return self.push_once()
        entries = entries[: len(commands)]
        try:
            response = self.client.push(client_id, commands)
        except Refused as exc:
            if exc.code == "sequence_gap":
                fixed = self._after_gap(client_id, entries, exc.details)
                if fixed is not None:
                    return fixed
            raise
        except SyncError as exc:
            with self.cache.write() as conn:
                outbox.record_attempt(
                    conn, [e.seq for e in entries], error=exc.message, next_attempt_at=None
                )
            raise
        applied = rejected = 0
        with self.cache.write() as conn:
            for result in response.results:
                outbox.confirm(conn, result.seq, result.model_dump(mode="json"), now=_now())
                if result.status.value == "applied":
                    applied += 1
                else:
                    rejected += 1
        self.progress(Progress(Phase.PUSH, rows=len(response.results)))
        return PushResult(len(response.results), applied, rejected)

    def _set_aside(self, entry: outbox.OutboxEntry, exc: ValidationError) -> None:
        """A queued command the protocol does not accept (written by an older version, say)
        can never be sent: it goes to the conflict inbox instead of blocking the queue.

        It is the oldest waiting command and was never sent, so the server never saw its
        seq: the commands after it move one seq down (as after an undo), leaving no gap.
        """
        errors = exc.errors()
        where, why = (
            (".".join(str(p) for p in errors[0]["loc"]), errors[0]["msg"])
            if errors
            else ("", "invalid")
        )
        message = (
            "This change could not be sent: the server does not accept it in this form "
            f"({where or 'command'}: {why}). Make it again if needed."
        )
        with self.cache.write() as conn:
            cur = driver_cursor(conn)
            cur.execute(
                "INSERT INTO conflicts (outbox_seq, command, code, message, current, created_at) "
                "VALUES (?, ?, 'unsendable', ?, '[]', ?)",
                (entry.seq, rows.dumps(entry.command()), message, rows.utc_text(_now())),
            )
            cur.execute("DELETE FROM outbox WHERE seq = ?", (entry.seq,))
            for table in ("pending_fulfillments", "pending_inventory"):
                cur.execute(f"DELETE FROM {table} WHERE outbox_seq = ?", (entry.seq,))  # noqa: S608
            outbox.renumber(conn, 1, above=entry.seq)
        self.progress(Progress(Phase.PUSH, rows=1, message=message))

    def _after_gap(
        self, client_id: str, entries: list[outbox.OutboxEntry], details: dict[str, Any]
    ) -> PushResult | None:
        """Recover from ``409 sequence_gap``; None when it cannot be recovered from.

        ``expected`` below our first seq: the server lost commands we saw confirmed (it was
        restored from a backup). ``seq`` used by another command (``last_seq`` at or past
        it): this cache lost commands the server has (the cache was restored). Either way
        the server never saw our pending commands, so they take the numbers it expects
        next; commands before a reused seq are replays and are pushed alone first.
        """
        expected, seq, last_seq = (details.get(k) for k in ("expected", "seq", "last_seq"))
        if isinstance(expected, int) and self._renumber(entries, expected):
            return self.push_once()
        if not isinstance(seq, int) or not isinstance(last_seq, int) or last_seq < seq:
            return None
        before = [e for e in entries if e.seq < seq]
        if before:
            return self._push(client_id, before)
        if entries[0].seq == seq and self._renumber(entries, last_seq + 1):
            return self.push_once()
        return None

    def push_all(self) -> PushResult:
        """Push until the outbox is empty."""
        sent = applied = rejected = 0
        while True:
            got = self.push_once()
            if got.sent == 0:
                return PushResult(sent, applied, rejected)
            sent, applied, rejected = (
                sent + got.sent,
                applied + got.applied,
                (rejected + got.rejected),
            )

    def _renumber(self, entries: list[outbox.OutboxEntry], first: int) -> bool:
        """Give the pending commands the seqs ``first``, ``first + 1``, ... the server expects.

        After a server restore the server lost commands we saw confirmed (a gap: ``first``
        is lower); after a cache restore the server has commands we forgot (``first`` is
        higher). Either way the server never saw our pending ones, and seqs only
        deduplicate, so renumbering them is safe. Returns whether anything was renumbered.
        """
        if not entries or first == entries[0].seq or first < 1:
            return False
        with self.cache.write() as conn:
            outbox.renumber(conn, entries[0].seq - first)
        return True

    # --- both ----------------------------------------------------------------------------

    def sync_once(self) -> tuple[PushResult, int]:
        """Push what is queued, then pull to the end of the feed."""
        if self.needs_snapshot():
            self.initial_sync()
        pushed = self.push_all()
        pulled = self.catch_up()
        return pushed, pulled
