"""A station against a live server: first sync, the live feed, offline work, conflicts, progress.

Every test runs the real server under uvicorn on loopback and real SQLite cache files;
nothing under test is mocked. Waits are bounded; no test asserts wall-clock speed.
"""

from __future__ import annotations

import itertools
import threading

import pytest

from desktop_oms.protocol.sync import SNAPSHOT_ORDER
from desktop_oms.sync.errors import ServerUnavailable
from desktop_oms.sync.progress import Phase, Progress
from desktop_oms.sync.runner import SyncRunner
from tests.sync.faultproxy import FaultProxy, Seen
from tests.sync.live import (
    World,
    cache_rows,
    command_log,
    fulfillment_state,
    fulfillments_of,
    server_rows,
    wait_for,
)

#: The long-poll of the live-feed test: a change must arrive well before it times out.
FEED_WAIT = 20.0


def long_poll(request: Seen) -> bool:
    """Whether a feed request waits for changes (rather than asking without waiting)."""
    return float(request.query.get("wait", ["0"])[0]) == FEED_WAIT


def test_fresh_station_reaches_the_servers_state(world: World) -> None:
    """A new station's cache holds exactly its scope of the server's documents, paged or not,
    and still does after the server changes (feed applied on top of the snapshot)."""
    station = world.station(world.creds("a"), page_limit=7)
    station.engine.sync_once()
    want = server_rows(world.services, station.creds.store_id)
    assert cache_rows(station.cache) == want
    assert len(want["products"]) > 7 * 5 and len(want["inventory"]) > 7 * 5  # many pages
    assert all(r[0] != world.far_store for r in want["inventory"])  # the far store is out
    assert not any("bob@example.com" in r[-1] for r in want["fulfillments"])  # store B's

    world.chain.order(store="a", lines={"X-0005": 1}, email="carol@example.com")
    world.chain.order(store="b", lines={"X-0006": 1}, email="dave@example.com")
    _, pulled = station.engine.sync_once()
    assert pulled > 0
    assert cache_rows(station.cache) == server_rows(world.services, station.creds.store_id)


def test_server_change_arrives_through_the_live_feed(world: World) -> None:
    """With a runner long-polling, a new order and another station's command show up at the
    station long before the long-poll would have timed out: the wake-up worked."""
    proxy = FaultProxy(world.server.port)  # passes everything; shows the long-poll in flight
    try:
        station = world.station(world.creds("a"), url=proxy.url)
        other = world.station(world.second_station("a"), "other")
        other.engine.sync_once()
        runner = SyncRunner(station.engine, feed_wait=FEED_WAIT)
        runner.start()
        try:
            assert wait_for(lambda: station.engine.status().cursor is not None, 15)
            assert proxy.wait_in_flight("/api/v1/sync/feed", 10, long_poll)

            number = world.chain.order(store="a", lines={"X-0010": 1})
            fid = int(world.chain.fulfillment(number).id)
            # Bounded well below the long-poll: arrival at the timeout would fail this.
            assert wait_for(lambda: station.fulfillment(fid) is not None, FEED_WAIT - 5)
            assert station.fulfillment(fid) == (
                "open",
                fulfillment_state(world.services, fid)[1],
                False,
            )

            other.engine.catch_up()
            assert proxy.wait_in_flight("/api/v1/sync/feed", 10, long_poll)
            other.enqueue("start_picking", fid, staff=world.chain.a.associate)
            assert other.engine.push_all().applied == 1
            _, version = fulfillment_state(world.services, fid)
            assert wait_for(
                lambda: station.fulfillment(fid) == ("picking", version, False), FEED_WAIT - 5
            )
            polls = proxy.requests("/api/v1/sync/feed")
            assert all(p.status == 200 for p in polls if p.done)
        finally:
            runner.stop(timeout=10)
        # stop() aborts the long-poll in flight instead of waiting it out
        assert not any(th.is_alive() for th in threading.enumerate() if th.name == "oms-pull")
    finally:
        proxy.close()


def test_offline_commands_apply_locally_and_reach_the_server_once_in_order(
    world: World,
) -> None:
    """Server down: commands queue with their predicted effect shown; back up: each reaches
    the server once, in seq order, and the views show the server's confirmed state."""
    station = world.station(world.creds("a"))
    station.engine.sync_once()
    f1, f2 = fulfillments_of(world.services, station.creds.store_id)[:2]
    _, v1 = fulfillment_state(world.services, f1)
    _, v2 = fulfillment_state(world.services, f2)
    staff = world.chain.a.associate

    world.server.stop()
    e1 = station.enqueue("start_picking", f1, staff=staff)
    e2 = station.enqueue("mark_ready", f1, staff=staff, bin="A-01")
    e3 = station.enqueue("start_picking", f2, staff=staff)
    assert station.fulfillment(f1) == ("ready_for_pickup", v1 + 2, True)
    assert station.fulfillment(f2) == ("picking", v2 + 1, True)
    with pytest.raises(ServerUnavailable, match="unreachable"):
        station.engine.sync_once()
    queued = station.outbox()
    assert [e.seq for e in queued] == [1, 2, 3]
    assert all(e.attempts == 1 and e.last_error for e in queued)
    assert station.fulfillment(f1) == ("ready_for_pickup", v1 + 2, True)  # still predicted

    world.server.start()
    pushed, _ = station.engine.sync_once()
    assert (pushed.sent, pushed.applied, pushed.rejected) == (3, 3, 0)
    assert command_log(world.services, station.creds.station_id) == [
        (1, e1.id, "start_picking", "applied"),
        (2, e2.id, "mark_ready", "applied"),
        (3, e3.id, "start_picking", "applied"),
    ]
    assert fulfillment_state(world.services, f1) == ("ready_for_pickup", v1 + 2)
    assert fulfillment_state(world.services, f2) == ("picking", v2 + 1)
    assert station.outbox() == []
    assert station.fulfillment(f1) == ("ready_for_pickup", v1 + 2, False)
    assert station.fulfillment(f2) == ("picking", v2 + 1, False)
    assert station.engine.sync_once()[0].sent == 0
    assert len(command_log(world.services, station.creds.station_id)) == 3
    assert cache_rows(station.cache) == server_rows(world.services, station.creds.store_id)


def test_two_stations_change_one_fulfillment_one_wins_one_gets_a_conflict(world: World) -> None:
    """Both stations act on the same version: the first push wins, the second is recorded
    as rejected on the server and as a conflict holding the server's state at the station."""
    first = world.station(world.creds("a"), "first")
    second = world.station(world.second_station("a"), "second")
    first.engine.sync_once()
    second.engine.sync_once()
    fid = fulfillments_of(world.services, first.creds.store_id)[0]
    _, version = fulfillment_state(world.services, fid)

    mine = first.enqueue("start_picking", fid, staff=world.chain.a.associate)
    theirs = second.enqueue("cancel", fid, staff=world.chain.a.lead, reason="customer_request")
    assert second.fulfillment(fid) == ("cancelled", version + 1, True)

    assert first.engine.push_all().applied == 1
    result = second.engine.push_all()
    assert (result.sent, result.rejected) == (1, 1)

    assert command_log(world.services, first.creds.station_id) == [
        (1, mine.id, "start_picking", "applied")
    ]
    assert command_log(world.services, second.creds.station_id) == [
        (1, theirs.id, "cancel", "rejected")
    ]
    assert fulfillment_state(world.services, fid) == ("picking", version + 1)
    # the refused command is in the conflict inbox, with the server's state that won
    assert second.engine.status().conflicts == 1
    from desktop_oms.cache import queries

    with second.cache.read() as conn:
        (conflict,) = queries.conflicts(conn)
    assert conflict.code == "stale_version"
    assert conflict.command["id"] == theirs.id and conflict.command["name"] == "cancel"
    (current,) = conflict.current
    assert current["key"] == str(fid)
    assert (current["data"]["status"], current["data"]["version"]) == ("picking", version + 1)
    assert second.fulfillment(fid) == ("picking", version + 1, False)  # server's state shown
    assert second.outbox() == []

    for station in (first, second):
        station.engine.sync_once()
        assert cache_rows(station.cache) == server_rows(world.services, station.creds.store_id)


def test_progress_reports_phase_pages_and_rows(world: World) -> None:
    """Snapshot progress: kinds in protocol order, every page counted, rows up to the total
    the server announced; then the switch, the pull and the push."""
    seen: list[Progress] = []
    limit = 10
    station = world.station(world.creds("a"), page_limit=limit, progress=seen.append)
    start = station.client.snapshot_start()
    station.engine.sync_once()
    want = {info.kind.value: info.rows for info in start.kinds}
    total = sum(want.values())

    snap = [p for p in seen if p.phase is Phase.SNAPSHOT]
    assert [p.pages for p in snap] == list(range(1, len(snap) + 1))
    assert all(p.total_rows == total for p in snap)
    assert all(a.rows <= b.rows for a, b in itertools.pairwise(snap))
    assert snap[-1].rows == total
    kinds = [p.kind for p in snap]
    assert kinds == sorted(kinds, key=lambda k: [x.value for x in SNAPSHOT_ORDER].index(str(k)))
    paged = {"product", "identifier", "inventory", "store", "staff", "fulfillment"}
    for kind, rows in want.items():
        pages = kinds.count(kind)
        assert pages == (rows // limit + 1 if kind in paged else 1), kind

    phases = [p.phase for p in seen]
    switch = phases.index(Phase.SWITCHING)
    assert seen[switch].rows == total and seen[switch].pages == len(snap)
    assert Phase.PULL in phases[switch:]

    fid = fulfillments_of(world.services, station.creds.store_id)[0]
    station.enqueue("start_picking", fid, staff=world.chain.a.associate)
    seen.clear()
    station.engine.sync_once()
    assert [(p.phase, p.rows) for p in seen if p.phase is Phase.PUSH] == [(Phase.PUSH, 1)]
    assert any(p.phase is Phase.PULL and p.rows >= 1 for p in seen)
