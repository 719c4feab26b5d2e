"""Held commands against a live server: nothing from a held command on is pushed before its
hold ends; an undo in the window leaves the server a gap-free sequence; a hold that ends
is pushed by the running sync loop."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop_oms.cache import outbox
from desktop_oms.sync.runner import SyncRunner
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


def _held(station: Station, name: str, fid: int, *, staff: int, seconds: float, **args: Any) -> Any:
    """Queue a command held for ``seconds``, based on the version the view shows."""
    found = station.fulfillment(fid)
    assert found is not None
    now = datetime.now(UTC)
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
            hold_until=now + timedelta(seconds=seconds),
        )


def _three_fulfillments(world: World, station: Station) -> list[int]:
    store = station.creds.store_id
    while len(fulfillments_of(world.services, store)) < 3:
        world.chain.order(store="a", lines={"X-0001": 1})
    station.engine.sync_once()
    return fulfillments_of(world.services, store)[:3]


def test_undo_in_the_hold_leaves_the_server_no_gap(world: World) -> None:
    """1 queued, 2 held, 3 queued: only 1 goes; undoing 2 moves 3 down to 2, and the server
    applies 1 and 2 (no ``sequence_gap``); the held command never reached it."""
    station = world.station(world.creds("a"))
    station.engine.sync_once()
    f1, f2, f3 = _three_fulfillments(world, station)
    staff = world.chain.a.associate
    before = fulfillment_state(world.services, f2)

    e1 = station.enqueue("start_picking", f1, staff=staff)
    e2 = _held(station, "start_picking", f2, staff=staff, seconds=300)
    e3 = station.enqueue("start_picking", f3, staff=staff)
    assert [e.seq for e in (e1, e2, e3)] == [1, 2, 3]
    result = station.engine.push_all()
    assert (result.sent, result.applied) == (1, 1)
    assert command_log(world.services, station.creds.station_id) == [
        (1, e1.id, "start_picking", "applied")
    ]
    assert [(e.seq, e.id) for e in station.outbox()] == [(2, e2.id), (3, e3.id)]
    assert station.engine.push_all().sent == 0  # still held: 3 waits behind it

    with station.cache.write() as conn:
        outbox.withdraw(conn, e2.seq)
    assert [(e.seq, e.id) for e in station.outbox()] == [(2, e3.id)]
    result = station.engine.push_all()
    assert (result.sent, result.applied, result.rejected) == (1, 1, 0)
    assert command_log(world.services, station.creds.station_id) == [
        (1, e1.id, "start_picking", "applied"),
        (2, e3.id, "start_picking", "applied"),
    ]
    assert fulfillment_state(world.services, f2) == before  # never left the station
    assert station.fulfillment(f2) == (before[0], before[1], False)
    station.engine.catch_up()
    assert cache_rows(station.cache) == server_rows(world.services, station.creds.store_id)


def test_a_held_handover_goes_out_when_its_hold_ends(world: World) -> None:
    """A ready pickup handed over with a short hold: the running sync loop, woken by the
    write, leaves it alone while held and pushes it once the hold is over."""
    station = world.station(world.creds("a"))
    station.engine.sync_once()
    fid = fulfillments_of(world.services, station.creds.store_id)[0]
    staff = world.chain.a.associate
    station.enqueue("start_picking", fid, staff=staff)
    station.enqueue("mark_ready", fid, staff=staff, bin="A-01")
    assert station.engine.push_all().applied == 2
    station.engine.catch_up()
    with station.cache.read() as conn:
        doc = conn.exec_driver_sql("SELECT doc FROM fulfillments WHERE id = ?", (fid,)).scalar_one()
    code = json.loads(doc)["pickup_code"]
    runner = SyncRunner(station.engine, feed_wait=1.0, retry_interval=0.2)
    runner.start()
    try:
        assert wait_for(lambda: runner.state.online, 10)
        hold = 1.5
        held = _held(
            station,
            "hand_over",
            fid,
            staff=staff,
            seconds=hold,
            verification={"method": "pickup_code", "pickup_code": code},
            refused=[],
        )
        ends = time.monotonic() + hold
        runner.kick()  # a local write wakes the loop, as the station does
        shown = station.fulfillment(fid)
        assert shown is not None and shown[0] == "handed_over"  # predicted at once
        # while held the loop runs (every 0.2 s) and pushes nothing
        assert not wait_for(
            lambda: fulfillment_state(world.services, fid)[0] == "handed_over",
            max(0.0, ends - time.monotonic() - 0.3),
        )
        assert [e.id for e in station.outbox()] == [held.id]
        assert wait_for(lambda: fulfillment_state(world.services, fid)[0] == "handed_over", 15)
        assert wait_for(lambda: station.outbox() == [], 15)
    finally:
        runner.stop(timeout=10)
    log = command_log(world.services, station.creds.station_id)
    assert [(seq, name, status) for seq, _id, name, status in log] == [
        (1, "start_picking", "applied"),
        (2, "mark_ready", "applied"),
        (3, "hand_over", "applied"),
    ]
