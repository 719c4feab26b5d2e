"""Faults between station and server, injected by a proxy: drops, 503s, stalls, bad bodies.

A dropped snapshot resumes at the page that failed (no gap, no duplicate); a dropped or
malformed feed page, snapshot page or push answer changes nothing in the cache, and the
next try converges on the server's state.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from desktop_oms.cache.state import Key
from desktop_oms.sync.errors import MalformedReply, ServerUnavailable
from desktop_oms.sync.progress import Phase, Progress
from tests.sync.faultproxy import Fault, FaultProxy
from tests.sync.live import (
    Station,
    World,
    cache_rows,
    command_log,
    dump,
    fulfillments_of,
    server_rows,
)

SNAP = "/api/v1/sync/snapshot/"
FEED = "/api/v1/sync/feed"
PUSH = "/api/v1/sync/commands"


@pytest.fixture
def proxy(world: World) -> Iterator[FaultProxy]:
    """A fault proxy in front of the live server."""
    with FaultProxy(world.server.port) as p:
        yield p


def _json_edit(edit: Callable[[Any], Any]) -> Callable[[bytes], bytes]:
    """A body rewrite that edits the decoded JSON and encodes it again."""

    def change(body: bytes) -> bytes:
        return json.dumps(edit(json.loads(body))).encode()

    return change


def _after(proxy: FaultProxy, kind: str) -> list[str | None]:
    """The ``after`` keys the station asked for, page by page, for one kind."""
    asked: list[str | None] = []
    for seen in proxy.requests(SNAP + kind):
        after = seen.query.get("after")
        asked.append(after[0] if after else None)
    return asked


def test_snapshot_resumes_after_drops_503s_and_stalls(world: World, proxy: FaultProxy) -> None:
    """Each failure leaves the snapshot resumable at the failed page: the retry asks for the
    same page again, and the switched-in tables equal the server's, row for row."""
    seen: list[Progress] = []
    station = world.station(
        world.creds("a"), url=proxy.url, page_limit=10, timeout=1.0, progress=seen.append
    )
    proxy.add(SNAP + "product", Fault.cut(0.5), skip=3)  # 4th product page cut mid-body
    proxy.add(SNAP + "identifier", Fault.status(503), skip=2)
    proxy.add(SNAP + "inventory", Fault.delay(4.5), skip=5)  # pages time out after 4 s

    failures = []
    for _ in range(4):
        try:
            station.engine.sync_once()
            break
        except ServerUnavailable as exc:
            failures.append(exc.message)
            assert station.state(Key.CURSOR) is None  # nothing switched in yet
            assert station.state(Key.SNAPSHOT_CURSOR) is not None  # resumable
    assert len(failures) == 3, failures
    assert "dropped in the middle" in failures[0]
    assert "HTTP 503" in failures[1]
    assert "did not answer in time" in failures[2]

    for kind, bad in (("product", 3), ("identifier", 2), ("inventory", 5)):
        asked = _after(proxy, kind)
        assert asked[bad + 1] == asked[bad], kind  # the failed page is asked for again
        assert len(set(asked)) == len(asked) - 1, kind  # ... and no other page twice
    assert cache_rows(station.cache) == server_rows(world.services, station.creds.store_id)
    snap = [p for p in seen if p.phase is Phase.SNAPSHOT]
    assert snap[-1].rows == snap[-1].total_rows  # rows counted once each: no duplicate


def test_feed_page_cut_midway_applies_nothing(world: World, proxy: FaultProxy) -> None:
    """A feed page whose body is cut leaves cache and cursor as they were; a retry converges."""
    station = world.station(world.creds("a"), url=proxy.url)
    station.engine.sync_once()
    for n in range(3):
        world.chain.order(store="a", lines={f"X-{n:04d}": 1, "SKU-1": 1})
    proxy.add(FEED, Fault.cut(0.5))
    before = dump(station.cache)
    with pytest.raises(ServerUnavailable, match="dropped in the middle"):
        station.engine.pull_once()
    assert dump(station.cache) == before
    assert station.engine.catch_up() >= 3
    assert cache_rows(station.cache) == server_rows(world.services, station.creds.store_id)


def _feed_fault(case: str) -> Fault:
    def bad_version(page: Any) -> Any:
        page["changes"][0]["data"]["version"] = "seven"
        return page

    def bad_kind(page: Any) -> Any:
        for change in page["changes"]:  # stock as fulfillments and the other way round
            change["kind"] = "fulfillment" if change["kind"] == "inventory" else "inventory"
        return page

    def no_cursor(page: Any) -> Any:
        del page["cursor"]
        return page

    return {
        "wrong-typed field": Fault.rewrite(_json_edit(bad_version)),
        "document of another kind": Fault.rewrite(_json_edit(bad_kind)),
        "missing cursor": Fault.rewrite(_json_edit(no_cursor)),
        "list instead of object": Fault.rewrite(lambda _b: b"[1, 2, 3]"),
        "truncated JSON, consistent length": Fault.rewrite(lambda b: b[: len(b) // 2]),
        "HTML with 200": Fault.rewrite(lambda _b: b"<html>maintenance</html>"),
        "404 HTML": Fault.status(404, b"<html>not here</html>"),
        "404 JSON without error envelope": Fault.status(404, b'{"detail": "Not Found"}'),
        "502 from a proxy": Fault.status(502, b""),
    }[case]


FEED_CASES = {
    "wrong-typed field": (MalformedReply, "malformed feed page from the server: changes"),
    "document of another kind": (MalformedReply, "malformed feed page"),
    "missing cursor": (MalformedReply, "malformed feed page from the server: cursor"),
    "list instead of object": (MalformedReply, "malformed feed page"),
    "truncated JSON, consistent length": (MalformedReply, "is not valid JSON"),
    "HTML with 200": (MalformedReply, "is not valid JSON"),
    "404 HTML": (MalformedReply, "is not valid JSON (HTTP 404"),
    "404 JSON without error envelope": (
        MalformedReply,
        "HTTP 404 from GET /sync/feed without an error body",
    ),
    "502 from a proxy": (ServerUnavailable, "failed (HTTP 502"),
}


@pytest.mark.parametrize("case", list(FEED_CASES))
def test_bad_feed_answer_is_refused_and_changes_nothing(
    world: World, proxy: FaultProxy, case: str
) -> None:
    """A malformed, truncated or wrong-typed feed page: a clear error, the cache untouched."""
    station = world.station(world.creds("a"), url=proxy.url)
    station.engine.sync_once()
    world.chain.order(store="a", lines={"X-0001": 1})
    proxy.add(FEED, _feed_fault(case))
    error, message = FEED_CASES[case]
    before = dump(station.cache)
    with pytest.raises(error) as caught:
        station.engine.pull_once()
    assert message in caught.value.message
    assert dump(station.cache) == before
    station.engine.catch_up()
    assert cache_rows(station.cache) == server_rows(world.services, station.creds.store_id)


def _rows_edit(edit: Callable[[list[Any]], None]) -> Fault:
    def change(page: Any) -> Any:
        edit(page["rows"])
        return page

    return Fault.rewrite(_json_edit(change))


def _set(rows: list[Any], index: int, value: Any) -> None:
    rows[0][index] = value


SNAPSHOT_CASES: dict[str, tuple[Fault, str]] = {
    "price as text": (
        _rows_edit(lambda rows: _set(rows, 3, "12.99")),
        "snapshot product row 0: str where int was expected",
    ),
    "row too short": (_rows_edit(lambda rows: rows[1].pop()), "row 1: 7 values, not 8"),
    "bool as version": (
        _rows_edit(lambda rows: _set(rows, 7, True)),
        "bool where int was expected",
    ),
    "columns renamed": (
        Fault.rewrite(_json_edit(lambda p: {**p, "columns": ["sku", *p["columns"][1:-1], "v"]})),
        "snapshot product: columns",
    ),
    "row not a list": (_rows_edit(lambda rows: rows.__setitem__(0, {"sku": 1})), "not a list"),
}


@pytest.mark.parametrize("case", list(SNAPSHOT_CASES))
def test_bad_snapshot_page_is_refused_and_changes_nothing(
    world: World, proxy: FaultProxy, case: str
) -> None:
    """A snapshot page with wrong-typed or misshapen rows is refused before it is written;
    the snapshot under way resumes at that page."""
    station = world.station(world.creds("a"), url=proxy.url, page_limit=10)
    fault, message = SNAPSHOT_CASES[case]
    proxy.add(SNAP + "product", fault, skip=2)
    with pytest.raises(MalformedReply) as caught:
        station.engine.sync_once()
    assert message in caught.value.message
    before = dump(station.cache)
    assert station.state(Key.SNAPSHOT_KIND) == "product"
    proxy.add(SNAP + "product", fault)  # the same page, bad again
    with pytest.raises(MalformedReply):
        station.engine.sync_once()
    assert dump(station.cache) == before
    station.engine.sync_once()
    assert cache_rows(station.cache) == server_rows(world.services, station.creds.store_id)


def _drop_first_result(body: Any) -> Any:
    body["results"] = body["results"][1:]  # answers for seq 2 only
    return body


def _swap_result_ids(body: Any) -> Any:
    first, second = body["results"]
    first["id"], second["id"] = second["id"], first["id"]
    return body


PUSH_CASES = {
    "a result missing": (_drop_first_result, "push answer covers seqs [2], sent [1, 2]"),
    "another command's result": (_swap_result_ids, "push answer for seq 1 is the result of"),
}


@pytest.mark.parametrize("case", list(PUSH_CASES))
def test_bad_push_answer_keeps_the_outbox_and_the_replay_confirms_once(
    world: World, proxy: FaultProxy, case: str
) -> None:
    """The server applied the commands but its answer came back garbled: the station keeps
    them queued (nothing confirmed on a 200 alone); the retry gets the stored results."""
    station: Station = world.station(world.creds("a"), url=proxy.url)
    station.engine.sync_once()
    f1, f2 = fulfillments_of(world.services, station.creds.store_id)[:2]
    staff = world.chain.a.associate
    e1 = station.enqueue("start_picking", f1, staff=staff)
    e2 = station.enqueue("start_picking", f2, staff=staff)

    edit, message = PUSH_CASES[case]
    proxy.add(PUSH, Fault.rewrite(_json_edit(edit)))
    with pytest.raises(MalformedReply) as caught:
        station.engine.push_all()
    assert message in caught.value.message
    assert [e.id for e in station.outbox()] == [e1.id, e2.id]
    assert station.engine.status().conflicts == 0
    log = command_log(world.services, station.creds.station_id)
    assert [(seq, cid) for seq, cid, _n, _s in log] == [(1, e1.id), (2, e2.id)]

    result = station.engine.push_all()
    assert (result.sent, result.applied) == (2, 2)
    assert command_log(world.services, station.creds.station_id) == log  # nothing twice
    assert station.outbox() == []
    station.engine.catch_up()
    assert cache_rows(station.cache) == server_rows(world.services, station.creds.store_id)
