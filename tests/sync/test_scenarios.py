"""DESIGN §4's fault scenarios on a live server and real station caches (issue #10).

- A station clock days off: commands still apply, nothing is decided by station time, the
  retention purge goes by the server's time, and the station says its clock is off.
- A week-old outbox replayed after the server compacted its change log: the station
  resyncs from scratch and its outbox still reaches the server exactly once.
- A command that always fails does not block the queue: a refusal goes to the conflict
  inbox; one the protocol no longer accepts is set aside there without being sent.
- The cache file damaged: the commands still readable are saved into a new cache, which
  resyncs, and reach the server exactly once (a replay gets its stored result).
- The disk full mid-sync: the page rolls back, the cursor stays, the station says "disk
  full", a new command is refused loudly, and once there is room the sync resumes.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from desktop_oms.cache import integrity, outbox, retention, state
from desktop_oms.cache.db import CacheDB, DiskFull, driver_cursor
from desktop_oms.cache.state import Key
from desktop_oms.protocol.sync import CommandIn, Kind
from desktop_oms.server import feed
from desktop_oms.server import schema as t
from desktop_oms.sync import engine as engine_module
from desktop_oms.sync.client import ServerClient
from desktop_oms.sync.errors import ServerUnavailable
from desktop_oms.sync.progress import Phase, Progress
from desktop_oms.sync.runner import SyncRunner
from tests.sync.faultproxy import Fault, FaultProxy
from tests.sync.live import (
    Station,
    World,
    cache_rows,
    command_log,
    fulfillment_state,
    fulfillments_of,
    server_rows,
    wait_for,
)


def _enqueue(
    station: Station, name: str, fid: int, *, staff: int, now: datetime, **args: Any
) -> outbox.OutboxEntry:
    """Queue a command stamped with the station's (maybe wrong) clock."""
    found = station.fulfillment(fid)
    assert found is not None
    with station.cache.write() as conn:
        return outbox.enqueue(
            conn,
            name=name,
            target_kind="fulfillment",
            target_key=str(fid),
            base_version=found[1],
            staff_id=staff,
            approved_by=None,
            args=args,
            now=now,
        )


def _converged(world: World, station: Station) -> bool:
    return cache_rows(station.cache) == server_rows(world.services, station.creds.store_id)


# --- 1. a station clock days off ---------------------------------------------------------


@pytest.mark.parametrize("days", [3, -3])
def test_a_clock_days_off_decides_nothing_and_is_reported(
    world: World, monkeypatch: pytest.MonkeyPatch, days: int
) -> None:
    """With the PC's clock 3 days ahead (behind), the station's commands apply, the purge
    keeps an order cancelled just now and purges one that ended 2 days ago (retention: 1
    day, by the server's time), and the station says how far its clock is off."""
    skew = timedelta(days=days)
    monkeypatch.setattr(engine_module, "_now", lambda: datetime.now(UTC) + skew)
    with world.services.db.write() as conn:
        conn.execute(sa.insert(t.settings).values(key=retention.RETENTION_SETTING, value=1))
        feed.touch(conn, Kind.SETTING, retention.RETENTION_SETTING)
    station = world.station(world.creds("a"))
    station.engine.sync_once()
    f1, f2 = fulfillments_of(world.services, station.creds.store_id)[:2]
    lead = world.chain.a.lead
    when = datetime.now(UTC) + skew
    e1 = _enqueue(station, "cancel", f1, staff=lead, now=when, reason="customer_request")
    _enqueue(station, "cancel", f2, staff=lead, now=when, reason="customer_request")
    assert e1.issued_at.startswith(when.strftime("%Y-%m-%d"))

    result = station.engine.push_all()
    assert (result.sent, result.applied, result.rejected) == (2, 2, 0)
    assert fulfillment_state(world.services, f1)[0] == "cancelled"
    with world.services.db.write() as conn:  # f2 ended two days ago, by the server's clock
        f = t.fulfillments.c
        conn.execute(
            sa.update(t.fulfillments)
            .where(f.id == f2)
            .values(updated_at=datetime.now(UTC) - timedelta(days=2))
        )
        feed.touch(conn, Kind.FULFILLMENT, f2)
    with station.cache.write() as conn:
        state.delete(conn, [Key.RETENTION_PURGED_AT])  # the hourly purge is due
    station.engine.catch_up()

    assert station.fulfillment(f1) == ("cancelled", fulfillment_state(world.services, f1)[1], False)
    assert station.fulfillment(f2) is None  # purged: ended longer ago than the period
    offset = station.engine.clock.offset
    assert offset is not None and abs(offset - skew) < timedelta(minutes=1)
    side = "ahead" if days > 0 else "behind"
    warning = station.engine.clock.warning()
    assert warning is not None and warning.startswith(f"This PC's clock is 3 days {side}")

    runner = SyncRunner(station.engine, feed_wait=0.5)
    runner.start()
    try:
        assert wait_for(lambda: runner.state.online, 10)
        assert runner.state.clock == warning  # what the status bar shows
    finally:
        runner.stop()


def test_a_clock_close_to_the_servers_is_not_reported(world: World) -> None:
    """Within a few minutes of the server's time nothing is said."""
    station = world.station(world.creds("a"))
    station.engine.sync_once()
    offset = station.engine.clock.offset
    assert offset is not None and abs(offset) < timedelta(minutes=1)
    assert station.engine.clock.warning() is None


# --- 2. a week-old outbox after compaction ----------------------------------------------


def test_week_old_outbox_after_compaction_resyncs_and_reaches_the_server_once(
    world: World,
) -> None:
    """Offline a week with two commands queued; meanwhile the server changed and compacted
    its change log past the station's cursor. The feed answers "compacted": the station
    resyncs from scratch keeping its outbox and predictions, then pushes each command once."""
    seen: list[Progress] = []
    station = world.station(world.creds("a"), progress=seen.append, page_limit=25)
    station.engine.sync_once()
    f1 = fulfillments_of(world.services, station.creds.store_id)[0]
    staff = world.chain.a.associate
    week_ago = datetime.now(UTC) - timedelta(days=7)
    e1 = _enqueue(station, "start_picking", f1, staff=staff, now=week_ago)
    e2 = _enqueue(station, "mark_ready", f1, staff=staff, now=week_ago, bin="A-07")
    cursor = station.state(Key.CURSOR)

    world.chain.order(store="a", lines={"X-0011": 1}, email="gus@example.com")
    with world.services.db.write() as conn:  # the week passes on the server
        conn.execute(sa.update(t.changes).values(created_at=datetime.now(UTC) - timedelta(days=8)))
        assert feed.compact(conn, timedelta(days=7)) > 0
        assert feed.top_seq(conn)[1] > int(cursor.split(":")[1])

    station.engine.pull_once()  # 410 compacted -> a new snapshot, switched in
    assert [p.message for p in seen if p.phase is Phase.RESET] == [
        "the server asked for a full resync (compacted)"
    ]
    assert station.state(Key.CURSOR) != cursor
    assert [e.id for e in station.outbox()] == [e1.id, e2.id]
    status, version, pending = station.fulfillment(f1) or ("", 0, False)
    assert (status, pending) == ("ready_for_pickup", True)  # predictions kept

    result = station.engine.push_all()
    assert (result.sent, result.applied, result.rejected) == (2, 2, 0)
    assert station.engine.push_all().sent == 0
    assert command_log(world.services, station.creds.station_id) == [
        (1, e1.id, "start_picking", "applied"),
        (2, e2.id, "mark_ready", "applied"),
    ]
    station.engine.catch_up()
    assert station.fulfillment(f1) == ("ready_for_pickup", version, False)
    assert _converged(world, station)


# --- 3. a command that always fails ------------------------------------------------------


def test_a_refused_command_goes_to_the_inbox_and_the_queue_moves_on(world: World) -> None:
    """The associate who queued the first command was deactivated at head office: the
    server refuses it (every time it would be sent); the two after it apply; the refusal
    is one conflict; nothing is sent again."""
    world.chain.order(store="a", lines={"X-0005": 1}, email="hal@example.com")
    station = world.station(world.creds("a"))
    station.engine.sync_once()
    f1, f2, f3 = fulfillments_of(world.services, station.creds.store_id)[:3]
    now = datetime.now(UTC)
    gone = _enqueue(station, "start_picking", f1, staff=world.chain.a.associate, now=now)
    lead = world.chain.a.lead
    ok2 = _enqueue(station, "start_picking", f2, staff=lead, now=now)
    ok3 = _enqueue(station, "start_picking", f3, staff=lead, now=now)
    with world.services.db.write() as conn:
        conn.execute(
            sa.update(t.staff).where(t.staff.c.id == world.chain.a.associate).values(active=False)
        )
        feed.touch(conn, Kind.STAFF, world.chain.a.associate)

    result = station.engine.push_all()
    assert (result.sent, result.applied, result.rejected) == (3, 2, 1)
    assert command_log(world.services, station.creds.station_id) == [
        (1, gone.id, "start_picking", "rejected"),
        (2, ok2.id, "start_picking", "applied"),
        (3, ok3.id, "start_picking", "applied"),
    ]
    with station.cache.read() as conn:
        conflicts = driver_cursor(conn).execute("SELECT outbox_seq, code FROM conflicts").fetchall()
    assert conflicts == [(1, "permission_denied")]
    assert station.outbox() == [] and station.engine.push_all().sent == 0
    station.engine.catch_up()
    assert _converged(world, station)


def test_a_command_the_protocol_refuses_is_set_aside_without_a_gap(world: World) -> None:
    """A queued command that no longer validates (written by an older version) would fail
    on every push: it goes to the conflict inbox unsent; the commands after it take its
    seq and the ones after, so the server sees no gap, and each applies once."""
    world.chain.order(store="a", lines={"X-0005": 1}, email="hal@example.com")
    station = world.station(world.creds("a"))
    station.engine.sync_once()
    f1, f2, f3 = fulfillments_of(world.services, station.creds.store_id)[:3]
    staff, now = world.chain.a.associate, datetime.now(UTC)
    bad = _enqueue(station, "start_picking", f1, staff=staff, now=now)
    e2 = _enqueue(station, "start_picking", f2, staff=staff, now=now)
    e3 = _enqueue(station, "start_picking", f3, staff=staff, now=now)
    with station.cache.write() as conn:
        driver_cursor(conn).execute("UPDATE outbox SET name = 'teleport' WHERE seq = ?", (bad.seq,))

    result = station.engine.push_all()
    assert (result.sent, result.applied, result.rejected) == (2, 2, 0)
    assert command_log(world.services, station.creds.station_id) == [
        (1, e2.id, "start_picking", "applied"),
        (2, e3.id, "start_picking", "applied"),
    ]
    with station.cache.read() as conn:
        cur = driver_cursor(conn)
        ((seq, code, message, command),) = cur.execute(
            "SELECT outbox_seq, code, message, command FROM conflicts"
        ).fetchall()
    assert (seq, code, json.loads(command)["id"]) == (1, "unsendable", bad.id)
    assert message.startswith("This change could not be sent")
    assert station.state(Key.LAST_COMMAND_SEQ) == 2
    nxt = _enqueue(station, "mark_ready", f2, staff=staff, now=now, bin="B-01")
    assert nxt.seq == 3 and station.engine.push_all().applied == 1
    station.engine.catch_up()
    assert _converged(world, station)


def test_a_push_the_server_fails_on_is_retried_in_order_and_kept(world: World) -> None:
    """The server answers 500 to the push (a fault on its side, say one command crashing
    it): the commands stay queued in order with the failure noted (never skipped: seqs
    are applied in order, and a skipped one would be lost), and once the server answers
    again each applies once. The runner backs off between tries (sync.backoff)."""
    with FaultProxy(world.server.port) as proxy:
        station = world.station(world.creds("a"), url=proxy.url)
        station.engine.sync_once()
        f1, f2 = fulfillments_of(world.services, station.creds.store_id)[:2]
        staff, now = world.chain.a.associate, datetime.now(UTC)
        e1 = _enqueue(station, "start_picking", f1, staff=staff, now=now)
        e2 = _enqueue(station, "start_picking", f2, staff=staff, now=now)
        body = b'{"error":{"code":"internal","message":"boom","details":{}}}'
        proxy.add("/api/v1/sync/commands", Fault.status(500, body), times=3)
        for attempt in (1, 2, 3):
            with pytest.raises(ServerUnavailable):
                station.engine.push_all()
            waiting = station.outbox()
            assert [(e.id, e.attempts) for e in waiting] == [(e1.id, attempt), (e2.id, attempt)]
            assert all(e.last_error for e in waiting)
        assert command_log(world.services, station.creds.station_id) == []

        assert station.engine.push_all().applied == 2
        assert command_log(world.services, station.creds.station_id) == [
            (1, e1.id, "start_picking", "applied"),
            (2, e2.id, "start_picking", "applied"),
        ]


# --- 4. the cache file damaged ----------------------------------------------------------


def _garble(path: Path, table: str, pages: slice) -> list[int]:
    """Garbage over some leaf pages of ``table`` (4 KiB pages); which pages."""
    con = sqlite3.connect(path)
    try:
        found = [
            int(p)
            for (p,) in con.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path",
                (table,),
            )
        ]
    finally:
        con.close()
    chosen = found[pages]
    with path.open("r+b") as f:
        for page in chosen:
            f.seek((page - 1) * 4096)
            f.write(bytes((i * 29 + 3) % 256 for i in range(4096)))
    return chosen


def _reopen(world: World, station: Station) -> Station:
    """Close a station and open its cache file again, as a restart does."""
    station.close()
    world.stations.remove(station)
    again = Station(station.path, world.url, station.creds)
    world.stations.append(again)
    return again


def test_damaged_cache_saves_the_outbox_and_each_command_reaches_the_server_once(
    world: World,
) -> None:
    """Three commands queued; the first reached the server but its answer never came back.
    The catalogue's pages are then damaged. At start the file is kept aside; the three
    commands (same ids, same seqs) move into a new cache, which resyncs; the first is
    answered from the server's stored result, the others apply: each exactly once."""
    world.chain.order(store="a", lines={"X-0005": 1}, email="hal@example.com")
    station = world.station(world.creds("a"))
    station.engine.sync_once()
    f1, f2, f3 = fulfillments_of(world.services, station.creds.store_id)[:3]
    staff, now = world.chain.a.associate, datetime.now(UTC)
    queued = [_enqueue(station, "start_picking", fid, staff=staff, now=now) for fid in (f1, f2, f3)]
    side = ServerClient(world.url, station.creds.token)
    try:  # the push whose answer was lost
        side.push(station.creds.client_id, [CommandIn.model_validate(queued[0].command())])
    finally:
        side.close()
    station.close()
    world.stations.remove(station)
    _garble(station.path, "products", slice(1, 4))

    found = integrity.recover(station.path)
    assert found is not None and (found.salvaged, found.lost) == (3, 0)
    assert found.kept_at is not None and found.kept_at.exists()
    again = Station(station.path, world.url, station.creds)
    world.stations.append(again)
    assert integrity.reconcile(again.cache, 1) == 0  # no hole to close
    assert [(e.seq, e.id) for e in again.outbox()] == [(e.seq, e.id) for e in queued]
    assert again.engine.needs_snapshot()

    again.engine.sync_once()
    assert command_log(world.services, station.creds.station_id) == [
        (e.seq, e.id, "start_picking", "applied") for e in queued
    ]
    assert again.outbox() == [] and again.engine.status().conflicts == 0
    assert _converged(world, again)
    assert {again.fulfillment(f)[0] for f in (f1, f2, f3)} == {"picking"}  # type: ignore[index]


def test_damaged_outbox_page_loses_what_it_held_and_the_queue_goes_on(world: World) -> None:
    """The outbox's only page is garbage: its commands cannot be read (how many is not
    known), which the recovery says. The station resyncs; a command queued afterwards
    gets a seq after the lost ones, and the engine renumbers it after the server's last."""
    station = world.station(world.creds("a"))
    station.engine.sync_once()
    f1, f2 = fulfillments_of(world.services, station.creds.store_id)[:2]
    staff, now = world.chain.a.associate, datetime.now(UTC)
    _enqueue(station, "start_picking", f1, staff=staff, now=now)
    station.close()
    world.stations.remove(station)
    _garble(station.path, "outbox", slice(0, 1))

    found = integrity.recover(station.path)
    assert found is not None and (found.salvaged, found.lost) == (0, None)
    assert "may be lost (how many is not known)" in found.message()
    exact = found.with_server(0)  # the server processed none of this station's commands
    assert exact.lost == 1 and "1 change not yet sent could not be read" in exact.message()
    again = Station(station.path, world.url, station.creds)
    world.stations.append(again)
    again.engine.sync_once()
    later = _enqueue(again, "start_picking", f2, staff=staff, now=now)
    assert later.seq == 2  # after the lost command 1, which the server never saw
    assert again.engine.push_all().applied == 1
    assert command_log(world.services, station.creds.station_id) == [
        (1, later.id, "start_picking", "applied")
    ]
    again.engine.catch_up()
    assert _converged(world, again)


def test_deleted_cache_comes_back_as_the_same_station(world: World) -> None:
    """The cache file is deleted (its identity was kept beside it at a sound start): a
    fresh cache of the same station is made, resyncs, and its next command is numbered
    after the server's last seq, so it applies once without re-enrolling."""
    station = world.station(world.creds("a"))
    station.engine.sync_once()
    f1, f2 = fulfillments_of(world.services, station.creds.store_id)[:2]
    staff, now = world.chain.a.associate, datetime.now(UTC)
    first = _enqueue(station, "start_picking", f1, staff=staff, now=now)
    station.engine.push_all()
    station.close()
    world.stations.remove(station)
    assert integrity.recover(station.path) is None  # a sound start keeps the identity
    for suffix in ("", "-wal", "-shm"):
        Path(f"{station.path}{suffix}").unlink(missing_ok=True)

    found = integrity.recover(station.path)
    assert found is not None and found.kept_at is None
    fresh = CacheDB(station.path)  # the same station, before anything else touches it
    try:
        with fresh.read() as conn:
            assert state.get(conn, Key.CLIENT_ID) == station.creds.client_id
            assert state.get(conn, Key.STATION_ID) == station.creds.station_id
    finally:
        fresh.close()
    again = Station(station.path, world.url, station.creds)
    world.stations.append(again)
    assert integrity.reconcile(again.cache, int(again.client.status()["last_seq"])) == 0
    again.engine.sync_once()
    later = _enqueue(again, "start_picking", f2, staff=staff, now=now)
    assert later.seq == 2
    assert again.engine.push_all().applied == 1
    assert command_log(world.services, station.creds.station_id) == [
        (1, first.id, "start_picking", "applied"),
        (2, later.id, "start_picking", "applied"),
    ]
    again.engine.catch_up()
    assert _converged(world, again)


# --- 5. the disk full during sync -------------------------------------------------------


def _cap_file(cache: CacheDB, pages: int) -> None:
    """Limit the cache file to ``pages`` pages on every connection: a full disk."""

    def cap(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(cache.engine, "connect", cap)
    cache.engine.dispose()  # new connections get the limit


def test_disk_full_mid_sync_rolls_back_reports_and_resumes(world: World) -> None:
    """A feed page that needs more room than the disk has rolls back whole: the cursor
    stays, the queued command stays, the runner says "disk full", and queuing a new
    command fails with that message. With room again the sync resumes: nothing missing,
    nothing twice."""
    station = world.station(world.creds("a"))
    station.engine.sync_once()
    f1, f2 = fulfillments_of(world.services, station.creds.store_id)[:2]
    staff, now = world.chain.a.associate, datetime.now(UTC)
    queued = _enqueue(station, "start_picking", f1, staff=staff, now=now)
    with world.services.db.write() as conn:  # a big delta: every product renamed
        p = t.products.c
        conn.execute(sa.update(t.products).values(name=p.name + " — " + "new " * 60))
        feed.touch_many(conn, Kind.PRODUCT, conn.execute(sa.select(p.sku)).scalars().all())
    cursor = station.state(Key.CURSOR)
    with station.cache.engine.connect() as conn:  # outside a transaction, as it must be
        driver_cursor(conn).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with station.cache.read() as conn:
        pages = int(driver_cursor(conn).execute("PRAGMA page_count").fetchone()[0])
    before = cache_rows(station.cache)
    _cap_file(station.cache, pages + 2)

    with pytest.raises(DiskFull) as full:
        station.engine.pull_once()
    assert "disk is full" in full.value.message
    assert station.state(Key.CURSOR) == cursor
    assert cache_rows(station.cache) == before  # the page rolled back whole
    assert [e.id for e in station.outbox()] == [queued.id]

    runner = SyncRunner(station.engine, feed_wait=0.2)
    runner.start()
    try:
        assert wait_for(lambda: runner.state.problem is not None, 10)
        assert "disk is full" in str(runner.state.problem)
    finally:
        runner.stop()
    with pytest.raises(DiskFull):  # a new command: refused loudly, never half saved
        _enqueue(station, "start_picking", f2, staff=staff, now=now, note="x" * 200_000)
    # the runner's push may have sent the first command meanwhile (a confirm frees room)
    assert [e.id for e in station.outbox()] in ([queued.id], [])
    assert station.fulfillment(f2) == ("open", fulfillment_state(world.services, f2)[1], False)

    station = _reopen(world, station)  # room again (the stopped runner closed the client)
    station.engine.sync_once()
    assert command_log(world.services, station.creds.station_id) == [
        (1, queued.id, "start_picking", "applied")
    ]
    assert station.outbox() == []
    assert _converged(world, station)
