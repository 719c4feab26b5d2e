"""The server's database re-created or restored, or the station's cache restored.

A new epoch, or a cursor from the server's future, gets the reset answer: the station
takes a new snapshot (its old rows stay readable until the new ones are switched in) and
keeps its outbox, which still reaches the server; where the server lost commands the
station saw confirmed, the engine renumbers its pending ones on ``sequence_gap``; where the
station's cache lost commands the server has, it renumbers them after the server's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_oms.cache import search_index
from desktop_oms.cache.db import driver_cursor
from desktop_oms.cache.state import Key
from desktop_oms.server.db import new_epoch
from desktop_oms.sync.errors import ServerUnavailable
from desktop_oms.sync.progress import Phase, Progress
from tests.sync.faultproxy import Fault, FaultProxy
from tests.sync.live import (
    Station,
    World,
    cache_rows,
    command_log,
    fulfillment_state,
    fulfillments_of,
    server_rows,
)


def _copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite file (WAL included), through the backup API."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _search_consistent(station: Station) -> bool:
    with station.cache.read() as conn:
        return search_index.consistent(driver_cursor(conn))


def test_new_epoch_resyncs_and_the_outbox_still_reaches_the_server(world: World) -> None:
    """After ``new_epoch`` the station resyncs; a drop during the resync leaves its old rows
    readable; the pending command keeps its prediction and is pushed afterwards."""
    seen: list[Progress] = []
    with FaultProxy(world.server.port) as proxy:
        station = world.station(
            world.creds("a"), url=proxy.url, page_limit=20, progress=seen.append
        )
        station.engine.sync_once()
        fid = fulfillments_of(world.services, station.creds.store_id)[0]
        _, version = fulfillment_state(world.services, fid)
        queued = station.enqueue("start_picking", fid, staff=world.chain.a.associate)
        old_rows = cache_rows(station.cache)

        with world.services.db.write() as conn:
            epoch = new_epoch(conn)
        world.chain.order(store="a", lines={"X-0003": 1}, email="erin@example.com")
        proxy.add("/api/v1/sync/snapshot/inventory", Fault.cut(0.3), skip=2)
        with pytest.raises(ServerUnavailable):
            station.engine.pull_once()  # 410 epoch -> resync, which drops mid-way
        assert [p.message for p in seen if p.phase is Phase.RESET] == [
            "the server asked for a full resync (epoch)"
        ]
        assert cache_rows(station.cache) == old_rows  # still what the screens show
        assert station.fulfillment(fid) == ("picking", version + 1, True)
        assert station.state(Key.SNAPSHOT_CURSOR).startswith(epoch)

        station.engine.pull_once()  # finishes the resync first
        assert station.state(Key.EPOCH) == epoch
        assert station.state(Key.SNAPSHOT_CURSOR) is None
        assert [e.id for e in station.outbox()] == [queued.id]
        assert station.fulfillment(fid) == ("picking", version + 1, True)  # prediction kept

        station.engine.sync_once()
        assert command_log(world.services, station.creds.station_id) == [
            (1, queued.id, "start_picking", "applied")
        ]
        assert station.outbox() == []
        assert cache_rows(station.cache) == server_rows(world.services, station.creds.store_id)
        assert _search_consistent(station)


@pytest.mark.parametrize("restore", ["with new epoch", "plain copy, station ahead"])
def test_restore_from_an_older_copy_renumbers_the_pending_commands(
    world: World, restore: str
) -> None:
    """The server goes back to a copy taken before the station's commands 3 and 4: the
    station resyncs to the restored state and its pending commands 5 and 6 reach the
    server as 3 and 4 (sequence_gap -> renumber), applied, each once."""
    station = world.station(world.creds("a"))
    world.chain.order(store="a", lines={"X-0007": 1}, email="fay@example.com")
    station.engine.sync_once()
    f1, f2, f3 = fulfillments_of(world.services, station.creds.store_id)[:3]
    staff = world.chain.a.associate
    station.enqueue("start_picking", f1, staff=staff)
    station.enqueue("mark_ready", f1, staff=staff, bin="A-01")
    station.engine.sync_once()
    backup = world.tmp / "backup.sqlite3"
    _copy_sqlite(world.db_path, backup)
    log_at_backup = command_log(world.services, station.creds.station_id)
    f2_at_backup = fulfillment_state(world.services, f2)

    station.enqueue("start_picking", f2, staff=staff)
    station.enqueue("mark_ready", f2, staff=staff, bin="A-02")
    station.engine.sync_once()  # the server has 1..4; the station's cursor is past them
    e5 = station.enqueue("start_picking", f3, staff=staff)
    e6 = station.enqueue("mark_ready", f3, staff=staff, bin="A-03")

    world.server.stop()
    world.services.db.dispose()
    _copy_sqlite(backup, world.db_path)
    if restore == "with new epoch":
        with world.services.db.write() as conn:
            new_epoch(conn)
    world.server.start()

    seen: list[Progress] = []
    station.engine.progress = seen.append
    if restore == "with new epoch":
        station.engine.sync_once()  # pushes first (renumbering), then resyncs
    else:
        station.engine.pull_once()  # the cursor is in the server's future: resync
        station.engine.sync_once()
    reset = [p.message for p in seen if p.phase is Phase.RESET]
    reason = "epoch" if restore == "with new epoch" else "future"
    assert reset == [f"the server asked for a full resync ({reason})"]

    assert command_log(world.services, station.creds.station_id) == [
        *log_at_backup,
        (3, e5.id, "start_picking", "applied"),
        (4, e6.id, "mark_ready", "applied"),
    ]
    assert station.state(Key.LAST_COMMAND_SEQ) == 4
    assert station.outbox() == [] and station.engine.status().conflicts == 0
    assert fulfillment_state(world.services, f2) == f2_at_backup  # lost with the restore
    assert station.fulfillment(f2) == (*f2_at_backup, False)  # the station shows that
    assert fulfillment_state(world.services, f3)[0] == "ready_for_pickup"
    assert cache_rows(station.cache) == server_rows(world.services, station.creds.store_id)
    assert _search_consistent(station)


def test_restored_station_cache_renumbers_after_the_servers_commands(world: World) -> None:
    """The station's cache goes back to a copy from before it pushed command 1: its next
    command, numbered 1 again, gets another command's stored result; the engine numbers
    it after the server's last seq instead of taking that result for its own."""
    station = world.station(world.creds("a"))
    station.engine.sync_once()
    f1, f2 = fulfillments_of(world.services, station.creds.store_id)[:2]
    staff = world.chain.a.associate
    backup = world.tmp / "cache-backup.sqlite3"
    _copy_sqlite(station.path, backup)
    first = station.enqueue("start_picking", f1, staff=staff)
    station.engine.push_all()
    station.close()
    world.stations.remove(station)

    _copy_sqlite(backup, station.path)
    restored = Station(station.path, world.url, station.creds)
    world.stations.append(restored)
    again = restored.enqueue("start_picking", f2, staff=staff)
    assert again.seq == 1
    result = restored.engine.push_all()
    assert (result.sent, result.applied, result.rejected) == (1, 1, 0)
    assert command_log(world.services, restored.creds.station_id) == [
        (1, first.id, "start_picking", "applied"),
        (2, again.id, "start_picking", "applied"),
    ]
    assert restored.state(Key.LAST_COMMAND_SEQ) == 2
    assert restored.engine.status().conflicts == 0
    restored.engine.sync_once()
    assert cache_rows(restored.cache) == server_rows(world.services, restored.creds.store_id)
