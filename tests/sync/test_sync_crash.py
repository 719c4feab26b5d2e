"""The station process killed (SIGKILL) at chosen points, then restarted on the same cache.

The station runs as a real subprocess (``tests/sync/station_proc.py``); after the kill the
test opens the same cache file again, as a restarted station would, and checks that
nothing was lost and nothing was applied twice.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from desktop_oms.cache import queries
from desktop_oms.cache.state import Key
from desktop_oms.server import schema as t
from desktop_oms.sync.progress import Phase, Progress
from tests.sync.live import (
    Station,
    World,
    cache_rows,
    command_log,
    dump,
    fulfillment_state,
    fulfillments_of,
    server_rows,
)

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

SCRIPT = Path(__file__).with_name("station_proc.py")


def _run_station(world: World, station: Station, mode: str) -> subprocess.CompletedProcess[str]:
    """Run the station process on ``station``'s cache (closed here first); bounded."""
    station.close()
    env = {**os.environ, "OMS_STATION_TOKEN": station.creds.token}
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(station.path), world.url, mode],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _restart(world: World, station: Station) -> Station:
    """The station after a restart: the same cache file, opened afresh."""
    world.stations.remove(station)
    again = Station(station.path, world.url, station.creds)
    world.stations.append(again)
    return again


def _killed(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, proc.stdout, proc.stderr)


def test_killed_after_the_server_committed_a_push(world: World) -> None:
    """The server applied (and refused) the pushed commands, the station died before it
    recorded the answers: after the restart the replay returns the stored results, each
    command is applied once, and the refusal becomes exactly one conflict."""
    station = world.station(world.creds("a"))
    other = world.station(world.second_station("a"), "other")
    station.engine.sync_once()
    other.engine.sync_once()
    f1, f2 = fulfillments_of(world.services, station.creds.store_id)[:2]
    _, v1 = fulfillment_state(world.services, f1)
    other.enqueue("start_picking", f2, staff=world.chain.a.associate)
    other.engine.push_all()  # the station does not know yet: its cancel will be stale
    applied = station.enqueue("start_picking", f1, staff=world.chain.a.associate)
    refused = station.enqueue("cancel", f2, staff=world.chain.a.lead, reason="customer_request")

    _killed(_run_station(world, station, "push-kill-before-confirm"))
    log = command_log(world.services, station.creds.station_id)
    assert log == [
        (1, applied.id, "start_picking", "applied"),
        (2, refused.id, "cancel", "rejected"),
    ]

    station = _restart(world, station)
    assert [e.id for e in station.outbox()] == [applied.id, refused.id]  # nothing recorded
    assert station.engine.status().conflicts == 0
    result = station.engine.push_all()
    assert (result.sent, result.applied, result.rejected) == (2, 1, 1)
    assert command_log(world.services, station.creds.station_id) == log  # no second run
    assert fulfillment_state(world.services, f1) == ("picking", v1 + 1)  # applied once
    with world.services.db.read() as conn:
        stored = conn.execute(
            sa.select(t.command_log.c.result).where(
                t.command_log.c.station_id == station.creds.station_id, t.command_log.c.seq == 2
            )
        ).scalar_one()
    with station.cache.read() as conn:
        (conflict,) = queries.conflicts(conn)
    assert (conflict.code, conflict.message) == (stored["code"], stored["message"])
    assert conflict.command["id"] == refused.id
    assert station.outbox() == []
    station.engine.sync_once()
    assert station.engine.status().conflicts == 1
    assert cache_rows(station.cache) == server_rows(world.services, station.creds.store_id)


def test_killed_between_snapshot_pages_resumes_without_gap_or_duplicate(world: World) -> None:
    """Killed in the middle of the products (pages of 10): the restarted station keeps the
    committed pages, goes on after the last committed key, and ends with the server's rows,
    each row written once."""
    station = world.station(world.creds("a"))
    # pages: setting, reason_code, store, staff, then products: die before the 4th product page
    _killed(_run_station(world, station, "snapshot-kill-after-pages:7"))

    station = _restart(world, station)
    assert station.state(Key.CURSOR) is None
    assert station.state(Key.SNAPSHOT_KIND) == "product"
    assert station.state(Key.SNAPSHOT_COUNTS)["product"] == 30
    skus = sorted(r[0] for r in server_rows(world.services, station.creds.store_id)["products"])
    assert station.state(Key.SNAPSHOT_AFTER) == skus[29]

    seen: list[Progress] = []
    station.engine.page_limit = 10
    station.engine.progress = seen.append
    station.engine.sync_once()
    want = server_rows(world.services, station.creds.store_id)
    assert cache_rows(station.cache) == want
    snap = [p for p in seen if p.phase is Phase.SNAPSHOT]
    assert snap[0].kind == "product"
    assert snap[-1].rows == sum(len(rows) for rows in want.values())  # none counted twice


def test_killed_while_applying_a_feed_page_keeps_the_old_cursor(world: World) -> None:
    """Killed after applying a feed page but before its commit: the restarted station has
    neither the page nor a cursor past it, and its next pull brings the page again."""
    station = world.station(world.creds("a"))
    station.engine.sync_once()
    world.chain.order(store="a", lines={"X-0002": 2}, email="gus@example.com")
    before = dump(station.cache)
    proc = _run_station(world, station, "pull-kill-before-commit")
    _killed(proc)
    assert proc.stdout == ""

    station = _restart(world, station)
    assert dump(station.cache) == before
    assert station.engine.catch_up() > 0
    assert cache_rows(station.cache) == server_rows(world.services, station.creds.store_id)


def test_killed_in_an_undo_window_the_held_command_is_pushed_after_restart(
    world: World,
) -> None:
    """The station dies a moment after a command was held for its undo window: the command
    was on disk already, and once the hold is over the restarted station pushes it."""
    station = world.station(world.creds("a"))
    station.engine.sync_once()
    fid = fulfillments_of(world.services, station.creds.store_id)[0]
    _, version = fulfillment_state(world.services, fid)
    staff = world.chain.a.associate
    _killed(_run_station(world, station, f"hold-kill:{fid}:{staff}:1.0"))

    station = _restart(world, station)
    (held,) = station.outbox()
    assert (held.seq, held.name, held.state) == (1, "start_picking", "held")
    assert station.fulfillment(fid) == ("picking", version + 1, True)
    assert held.next_attempt_at is not None
    left = datetime.fromisoformat(held.next_attempt_at) - datetime.now(UTC)
    time.sleep(max(0.0, left.total_seconds()) + 0.05)  # the hold ends (it is at most 1 s)
    result = station.engine.push_all()
    assert (result.sent, result.applied) == (1, 1)
    assert command_log(world.services, station.creds.station_id) == [
        (1, held.id, "start_picking", "applied")
    ]
    assert fulfillment_state(world.services, fid) == ("picking", version + 1)
    assert station.outbox() == []
