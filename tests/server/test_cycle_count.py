"""Cycle counts through the push endpoint: a count is applied against the movements since
it was counted (never a blind overwrite), and movements record the command that made them."""

from __future__ import annotations

import dataclasses

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from desktop_oms.server import schema as t
from desktop_oms.server.services import Services
from tests.server.chain import Chain, Side, build_chain
from tests.server.factories import make_station


@pytest.fixture
def chain(client: TestClient, services: Services) -> Chain:
    """The two-store chain on the test app."""
    return build_chain(client, services)


def _level(chain: Chain, sku: str) -> tuple[int, int]:
    """On hand and version of ``sku`` at store A."""
    i = t.inventory.c
    with chain.services.db.read() as conn:
        row = conn.execute(
            sa.select(i.on_hand, i.version).where(i.store_id == chain.a.store_id, i.sku == sku)
        ).one()
    return int(row.on_hand), int(row.version)


def _station_id(chain: Chain, side: Side) -> int:
    with chain.services.db.read() as conn:
        return int(
            conn.execute(
                sa.select(t.stations.c.id).where(t.stations.c.client_id == side.client_id)
            ).scalar_one()
        )


def _ready_pickup(chain: Chain, sku: str, qty: int = 1) -> tuple[int, str]:
    """A ready pickup of ``qty`` x ``sku`` at store A: its id and pickup code."""
    f = chain.fulfillment(chain.order(lines={sku: qty}))
    assert chain.result(chain.a, "start_picking", f.id)["status"] == "applied"
    assert chain.result(chain.a, "mark_ready", f.id, bin="A-1")["status"] == "applied"
    with chain.services.db.read() as conn:
        code = conn.execute(
            sa.select(t.fulfillments.c.pickup_code).where(t.fulfillments.c.id == f.id)
        ).scalar_one()
    return int(f.id), str(code)


def _hand_over(chain: Chain, side: Side, fid: int, code: str) -> dict[str, object]:
    return chain.result(
        side,
        "hand_over",
        fid,
        staff=side.associate,
        verification={"method": "pickup_code", "pickup_code": code},
    )


def _count(
    chain: Chain,
    sku: str,
    quantity: int,
    *,
    base_version: int,
    counted_at_seq: int | None,
) -> dict[str, object]:
    return chain.result(
        chain.a,
        "adjust_inventory",
        f"{chain.a.store_id}:{sku}",
        staff=chain.a.manager,
        base_version=base_version,
        mode="count",
        quantity=quantity,
        reason="cycle_count",
        counted_at_seq=counted_at_seq,
    )


def test_count_with_no_movements_overwrites(chain: Chain) -> None:
    """Nothing moved since the confirmed version: the counted quantity becomes on hand."""
    on_hand, version = _level(chain, "SKU-1")
    assert on_hand == 5
    r = _count(
        chain, "SKU-1", 9, base_version=version, counted_at_seq=chain.seq.get(chain.a.client_id, 0)
    )
    assert r["status"] == "applied", r
    assert _level(chain, "SKU-1")[0] == 9


def test_sale_after_the_count_started_is_kept(chain: Chain) -> None:
    """Another till of the store sells one while the shelf is counted: it stays sold."""
    fid, code = _ready_pickup(chain, "SKU-2")
    _, version = _level(chain, "SKU-2")  # what station A had confirmed when it counted
    counted_at_seq = chain.seq[chain.a.client_id]
    with chain.services.db.write() as conn:
        other = make_station(conn, store_id=chain.a.store_id, name="Counter 2")
    till = dataclasses.replace(
        chain.a, station_token=other.station_token, client_id=other.client_id
    )
    assert _hand_over(chain, till, fid, code)["status"] == "applied"  # 5 -> 4 on the server
    r = _count(chain, "SKU-2", 5, base_version=version, counted_at_seq=counted_at_seq)
    assert r["status"] == "applied", r
    assert _level(chain, "SKU-2")[0] == 4  # 5 counted, 1 sold after: not a blind overwrite


def test_own_handover_pushed_after_the_count_is_not_double_counted(chain: Chain) -> None:
    """Offline, the station hands one over, then counts the shelf (4 left); the handover
    reaches the server first but physically preceded the count, so it is not subtracted."""
    fid, code = _ready_pickup(chain, "SKU-3")
    _, confirmed = _level(chain, "SKU-3")  # the last version the station synced
    assert _hand_over(chain, chain.a, fid, code)["status"] == "applied"  # issued offline
    handover_seq = chain.seq[chain.a.client_id]
    assert _level(chain, "SKU-3")[0] == 4
    r = _count(chain, "SKU-3", 4, base_version=confirmed, counted_at_seq=handover_seq)
    assert r["status"] == "applied", r
    assert _level(chain, "SKU-3")[0] == 4
    # the same count without saying which own commands came first would subtract it again
    fid, code = _ready_pickup(chain, "SKU-3")
    _, confirmed = _level(chain, "SKU-3")
    assert _hand_over(chain, chain.a, fid, code)["status"] == "applied"
    r = _count(chain, "SKU-3", 3, base_version=confirmed, counted_at_seq=None)
    assert r["status"] == "applied", r
    assert _level(chain, "SKU-3")[0] == 2


def test_count_going_below_zero_is_refused(chain: Chain) -> None:
    """Counted 0 but one was sold after the count: refused, stock unchanged, reason given."""
    fid, code = _ready_pickup(chain, "SKU-1")
    _, version = _level(chain, "SKU-1")
    counted_at_seq = chain.seq[chain.a.client_id]
    assert _hand_over(chain, chain.a, fid, code)["status"] == "applied"
    r = _count(chain, "SKU-1", 0, base_version=version, counted_at_seq=counted_at_seq)
    assert r["status"] == "rejected"
    assert r["code"] == "insufficient_stock"
    assert "0 counted, -1 moved since the count" in str(r["message"])
    assert _level(chain, "SKU-1")[0] == 4


def test_movements_record_the_station_and_command_seq(chain: Chain) -> None:
    """A pushed handover's and a pushed count's movements carry the station and seq."""
    fid, code = _ready_pickup(chain, "SKU-2")
    assert _hand_over(chain, chain.a, fid, code)["status"] == "applied"
    handover_seq = chain.seq[chain.a.client_id]
    _, version = _level(chain, "SKU-2")
    assert (
        _count(chain, "SKU-2", 2, base_version=version, counted_at_seq=handover_seq)["status"]
        == "applied"
    )
    count_seq = chain.seq[chain.a.client_id]
    sm = t.stock_movements.c
    with chain.services.db.read() as conn:
        rows = conn.execute(
            sa.select(sm.delta, sm.kind, sm.station_id, sm.command_seq)
            .where(sm.store_id == chain.a.store_id, sm.sku == "SKU-2")
            .order_by(sm.id)
        ).all()
    station = _station_id(chain, chain.a)
    assert [tuple(r) for r in rows] == [
        (-1, "sold", station, handover_seq),
        (-2, "adjust:cycle_count", station, count_seq),
    ]
