"""The sync endpoints end to end through HTTP: snapshot, feed, push, replay, conflicts."""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from desktop_oms.protocol import API_PREFIX
from desktop_oms.protocol.sync import SNAPSHOT_ORDER, FeedPage, SnapshotPage, SnapshotStart
from desktop_oms.server import db as dbmod
from desktop_oms.server import schema as t
from desktop_oms.server.services import Services
from tests.server.chain import Chain, build_chain
from tests.server.factories import bearer


@pytest.fixture
def chain(client: TestClient, services: Services) -> Chain:
    """The two-store chain on the test app."""
    return build_chain(client, services)


def _snapshot(chain: Chain, token: str) -> tuple[str, dict[str, list[list[Any]]]]:
    c = chain.client
    r = c.get(f"{API_PREFIX}/sync/snapshot", headers=bearer(token))
    assert r.status_code == 200, r.text
    start = SnapshotStart.model_validate(r.json())
    rows: dict[str, list[list[Any]]] = {}
    for kind in SNAPSHOT_ORDER:
        after = None
        rows[kind.value] = []
        while True:
            params: dict[str, Any] = {"cursor": start.cursor, "limit": 2}
            if after:
                params["after"] = after
            r = c.get(
                f"{API_PREFIX}/sync/snapshot/{kind.value}", params=params, headers=bearer(token)
            )
            assert r.status_code == 200, r.text
            page = SnapshotPage.model_validate(r.json())
            rows[kind.value] += page.rows
            after = page.next_after
            if after is None:
                break
    return start.cursor, rows


def _feed(chain: Chain, token: str, cursor: str, wait: float = 0) -> FeedPage:
    r = chain.client.get(
        f"{API_PREFIX}/sync/feed", params={"cursor": cursor, "wait": wait}, headers=bearer(token)
    )
    assert r.status_code == 200, r.text
    return FeedPage.model_validate(r.json())


def test_snapshot_is_scoped_and_paged(chain: Chain) -> None:
    """A station's snapshot holds its own fulfillments and customers, never another store's."""
    mine = chain.order(store="a", email="alice@example.com")
    theirs = chain.order(store="b", email="bob@example.com")
    _, rows = _snapshot(chain, chain.a.station_token)
    numbers = {doc["order_number"] for _, doc in rows["fulfillment"]}
    assert numbers == {mine}
    assert theirs not in str(rows) and "bob@example.com" not in str(rows)
    assert {r[0] for r in rows["product"]} == {"SKU-1", "SKU-2", "SKU-3"}
    assert len(rows["inventory"]) == 6  # own store and the nearby one, three SKUs each
    staff_stores = {doc["store_id"] for _, doc in rows["staff"]}
    assert staff_stores == {chain.a.store_id}
    assert all(doc["verifier"].startswith("$argon2id$") for _, doc in rows["staff"])


def test_feed_delivers_new_order_via_long_poll(chain: Chain) -> None:
    """A long-poll that is waiting returns the new order's fulfillment when it is placed."""
    cursor, _ = _snapshot(chain, chain.a.station_token)
    got: dict[str, Any] = {}

    def poll() -> None:
        started = time.monotonic()
        got["page"] = _feed(chain, chain.a.station_token, cursor, wait=20)
        got["waited"] = time.monotonic() - started

    th = threading.Thread(target=poll)
    th.start()
    time.sleep(0.5)
    number = chain.order(store="a")
    th.join(timeout=30)
    page: FeedPage = got["page"]
    kinds = {(c.kind.value, getattr(c.data, "order_number", None)) for c in page.changes}
    assert ("fulfillment", number) in kinds
    assert got["waited"] < 20  # woke up on the change, not at the timeout
    again = _feed(chain, chain.a.station_token, page.cursor)
    assert again.changes == []


def test_push_applies_once_and_replay_returns_stored_result(chain: Chain) -> None:
    """A replayed command gets the stored answer and is not applied twice."""
    f = chain.fulfillment(chain.order())
    cid = str(uuid.uuid4())
    first = chain.result(
        chain.a, "start_picking", f.id, seq=1, command_id=cid, base_version=f.version
    )
    assert first["status"] == "applied"
    with chain.services.db.read() as conn:
        version = conn.execute(
            sa.select(t.fulfillments.c.version).where(t.fulfillments.c.id == f.id)
        ).scalar_one()
    assert version == f.version + 1
    replay = chain.result(
        chain.a, "start_picking", f.id, seq=1, command_id=cid, base_version=f.version
    )
    assert replay == first
    with chain.services.db.read() as conn:
        assert (
            conn.execute(
                sa.select(t.fulfillments.c.version).where(t.fulfillments.c.id == f.id)
            ).scalar_one()
            == version
        )
        assert (
            conn.execute(
                sa.select(t.stations.c.last_seq).where(t.stations.c.client_id == chain.a.client_id)
            ).scalar_one()
            == 1
        )
    other_id = chain.command(chain.a, "start_picking", f.id, seq=1, base_version=f.version)
    assert other_id.status_code == 409
    assert other_id.json()["error"]["code"] == "sequence_gap"
    gap = chain.command(chain.a, "start_picking", f.id, seq=5)
    assert gap.status_code == 409
    assert gap.json()["error"]["details"]["expected"] == 2


def test_stale_version_is_rejected_with_current_state(chain: Chain) -> None:
    """A command based on an old version is rejected; the result carries the server's state."""
    f = chain.fulfillment(chain.order())
    assert chain.result(chain.a, "start_picking", f.id, base_version=f.version)["status"] == (
        "applied"
    )
    stale = chain.result(
        chain.a,
        "cancel",
        f.id,
        base_version=f.version,
        staff=chain.a.lead,
        reason="customer_request",
    )
    assert stale["status"] == "rejected"
    assert stale["code"] == "stale_version"
    assert stale["current"][0]["data"]["status"] == "picking"
    assert stale["current"][0]["data"]["version"] == f.version + 1
    # the rejected command was processed: the queue moves on
    ok = chain.result(chain.a, "cancel", f.id, staff=chain.a.lead, reason="customer_request")
    assert ok["status"] == "applied"


def test_feed_confirms_last_seq(chain: Chain) -> None:
    """A pull reports the station's last processed command seq."""
    cursor, _ = _snapshot(chain, chain.a.station_token)
    f = chain.fulfillment(chain.order())
    chain.result(chain.a, "start_picking", f.id)
    page = _feed(chain, chain.a.station_token, cursor)
    assert page.last_seq == 1
    assert any(
        c.key == str(f.id) and c.data is not None and getattr(c.data, "status", None) == "picking"
        for c in page.changes
    )


def test_reset_answers(chain: Chain) -> None:
    """Cursors from another epoch, the future or past compaction get 410 resync_required."""
    cursor, _ = _snapshot(chain, chain.a.station_token)
    epoch, seq = cursor.split(":")
    for bad, reason in ((f"{'0' * 32}:{seq}", "epoch"), (f"{epoch}:{int(seq) + 1000}", "future")):
        r = chain.client.get(
            f"{API_PREFIX}/sync/feed", params={"cursor": bad}, headers=bearer(chain.a.station_token)
        )
        assert r.status_code == 410, r.text
        assert r.json()["error"]["code"] == "resync_required"
        assert r.json()["error"]["details"]["reason"] == reason
    with chain.services.db.write() as conn:
        conn.execute(sa.update(t.feed_state).values(pruned_through=int(seq) + 1))
        conn.execute(sa.update(t.feed_state).values(seq=int(seq) + 5))
    r = chain.client.get(
        f"{API_PREFIX}/sync/feed", params={"cursor": cursor}, headers=bearer(chain.a.station_token)
    )
    assert r.json()["error"]["details"]["reason"] == "compacted"
    with chain.services.db.write() as conn:
        dbmod.new_epoch(conn)
    r = chain.client.get(
        f"{API_PREFIX}/sync/snapshot/product",
        params={"cursor": cursor},
        headers=bearer(chain.a.station_token),
    )
    assert r.status_code == 410
    r = chain.client.get(
        f"{API_PREFIX}/sync/feed",
        params={"cursor": "nonsense"},
        headers=bearer(chain.a.station_token),
    )
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "validation_error"


def test_client_id_must_match_station(chain: Chain) -> None:
    """A station cannot push under another station's client id."""
    f = chain.fulfillment(chain.order())
    r = chain.client.post(
        f"{API_PREFIX}/sync/commands",
        json={
            "client_id": chain.b.client_id,
            "commands": [
                {
                    "seq": 1,
                    "id": str(uuid.uuid4()),
                    "name": "start_picking",
                    "target_kind": "fulfillment",
                    "target_key": str(f.id),
                    "base_version": f.version,
                    "staff_id": chain.a.associate,
                    "issued_at": "2026-01-01T00:00:00Z",
                    "args": {},
                }
            ],
        },
        headers=bearer(chain.a.station_token),
    )
    assert r.status_code == 403
