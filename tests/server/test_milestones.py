"""A fulfillment's ``ready_at``, ``completed_at`` and ``rejections``, set by the commands and
carried in its document (feed, snapshot), the rejections loaded in one query per page."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from desktop_oms.protocol import API_PREFIX
from desktop_oms.protocol.sync import FulfillmentDoc, Kind, SnapshotPage, SnapshotStart
from desktop_oms.server import schema as t
from desktop_oms.server.documents import build_documents
from desktop_oms.server.services import Services
from tests.server.chain import Chain, build_chain
from tests.server.factories import bearer

BOX = {"box_type": "S", "length_cm": 30, "width_cm": 20, "height_cm": 10, "weight_g": 800}


@pytest.fixture
def chain(client: TestClient, services: Services) -> Chain:
    """The two-store chain on the test app (more stock: several orders per test)."""
    return build_chain(client, services, stock=20)


def _doc(chain: Chain, fid: int) -> FulfillmentDoc:
    with chain.services.db.read() as conn:
        (doc,) = build_documents(conn, Kind.FULFILLMENT, [str(fid)])
    return FulfillmentDoc.model_validate(doc.data)


def _updated_at(chain: Chain, fid: int) -> datetime:
    with chain.services.db.read() as conn:
        value = conn.execute(
            sa.select(t.fulfillments.c.updated_at).where(t.fulfillments.c.id == fid)
        ).scalar_one()
    assert isinstance(value, datetime)
    return value


def test_pickup_ready_then_completed(chain: Chain) -> None:
    """Marking ready stamps ``ready_at``; handing over stamps ``completed_at`` and keeps it."""
    f = chain.fulfillment(chain.order(lines={"SKU-1": 1}))
    chain.result(chain.a, "start_picking", f.id)
    assert _doc(chain, f.id).ready_at is None
    chain.result(chain.a, "mark_ready", f.id, bin="A-1")
    ready = _doc(chain, f.id)
    assert ready.ready_at == _updated_at(chain, f.id)
    assert ready.completed_at is None
    r = chain.result(
        chain.a,
        "hand_over",
        f.id,
        verification={"method": "pickup_code", "pickup_code": ready.pickup_code},
    )
    assert r["status"] == "applied", r
    done = _doc(chain, f.id)
    assert done.ready_at == ready.ready_at
    assert done.completed_at == _updated_at(chain, f.id)
    assert done.completed_at is not None and ready.ready_at is not None
    assert done.completed_at >= ready.ready_at


def test_ship_from_store_is_ready_when_packed_and_unpack_clears_it(chain: Chain) -> None:
    """Ship from store: packed is ready, unpack clears it, shipping completes it."""
    f = chain.fulfillment(chain.order(lines={"SKU-1": 1}))
    with chain.services.db.write() as conn:
        conn.execute(
            sa.update(t.fulfillments)
            .where(t.fulfillments.c.id == f.id)
            .values(method="ship_from_store", pickup_code=None)
        )
    chain.result(chain.a, "start_picking", f.id)
    chain.result(chain.a, "pack", f.id, boxes=[BOX])
    assert _doc(chain, f.id).ready_at is not None
    chain.result(chain.a, "unpack", f.id, staff=chain.a.lead, reason="repack")
    assert _doc(chain, f.id).ready_at is None
    chain.result(chain.a, "pack", f.id, boxes=[BOX])
    packed_at = _doc(chain, f.id).ready_at
    assert packed_at == _updated_at(chain, f.id)
    r = chain.result(chain.a, "ship", f.id, carrier="DEMO", tracking="1Z999AA10123456784")
    assert r["status"] == "applied", r
    shipped = _doc(chain, f.id)
    assert (shipped.ready_at, shipped.completed_at) == (packed_at, _updated_at(chain, f.id))


def test_cancel_and_order_level_cancel_complete(chain: Chain) -> None:
    """Cancelling (the fulfillment or the whole order) stamps ``completed_at``."""
    one = chain.fulfillment(chain.order(lines={"SKU-1": 1}))
    chain.result(chain.a, "cancel", one.id, staff=chain.a.lead, reason="customer_request")
    assert _doc(chain, one.id).completed_at == _updated_at(chain, one.id)
    number = chain.order(lines={"SKU-2": 1})
    two = chain.fulfillment(number)
    with chain.services.db.read() as conn:
        version = conn.execute(
            sa.select(t.orders.c.version).where(t.orders.c.number == number)
        ).scalar_one()
    r = chain.result(
        chain.a,
        "cancel_order",
        number,
        staff=chain.a.lead,
        base_version=version,
        reason="duplicate",
    )
    assert r["status"] == "applied", r
    assert _doc(chain, two.id).completed_at is not None
    assert _doc(chain, two.id).status == "cancelled"


def test_rejections_are_listed_and_the_last_one_completes(chain: Chain) -> None:
    """Each reject_line is a rejection record; rejecting everything ends it as rejected."""
    f = chain.fulfillment(chain.order(lines={"SKU-1": 1, "SKU-3": 2}))
    chain.result(chain.a, "start_picking", f.id)
    r = chain.result(chain.a, "reject_line", f.id, line_no=2, quantity=1, reason="not_found")
    assert r["status"] == "applied", r
    assert _doc(chain, f.id).completed_at is None
    chain.result(chain.a, "reject_line", f.id, line_no=2, quantity=1, reason="damaged")
    chain.result(chain.a, "reject_line", f.id, line_no=1, quantity=1, reason="damaged")
    doc = _doc(chain, f.id)
    assert doc.status == "rejected"
    assert doc.completed_at == _updated_at(chain, f.id)
    got = [(x.line_no, x.sku, x.quantity, x.reason, x.staff_id) for x in doc.rejections]
    assert got == [
        (2, "SKU-3", 1, "not_found", chain.a.associate),
        (2, "SKU-3", 1, "damaged", chain.a.associate),
        (1, "SKU-1", 1, "damaged", chain.a.associate),
    ]
    assert doc.rejections[0].at <= doc.rejections[-1].at


def _snapshot_fulfillments(chain: Chain) -> list[dict[str, Any]]:
    token = chain.a.station_token
    r = chain.client.get(f"{API_PREFIX}/sync/snapshot", headers=bearer(token))
    assert r.status_code == 200, r.text
    start = SnapshotStart.model_validate(r.json())
    r = chain.client.get(
        f"{API_PREFIX}/sync/snapshot/fulfillment",
        params={"cursor": start.cursor, "limit": 50},
        headers=bearer(token),
    )
    assert r.status_code == 200, r.text
    page = SnapshotPage.model_validate(r.json())
    return [doc for _, doc in page.rows]


def test_snapshot_page_carries_rejections_loaded_in_one_query(chain: Chain) -> None:
    """A snapshot page of several fulfillments reads the rejection table once."""
    ids = []
    for _ in range(4):
        f = chain.fulfillment(chain.order(lines={"SKU-1": 1, "SKU-2": 1}))
        chain.result(chain.a, "start_picking", f.id)
        chain.result(chain.a, "reject_line", f.id, line_no=1, quantity=1, reason="not_found")
        ids.append(f.id)
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    engine = chain.services.db.engine
    sa.event.listen(engine, "before_cursor_execute", seen)
    try:
        docs = _snapshot_fulfillments(chain)
    finally:
        sa.event.remove(engine, "before_cursor_execute", seen)
    rejected = {d["id"]: d["rejections"] for d in docs if d["id"] in ids}
    assert set(rejected) == set(ids)
    assert all(
        [(x["line_no"], x["reason"]) for x in v] == [(1, "not_found")] for v in rejected.values()
    )
    reads = [s for s in statements if "FROM fulfillment_rejections" in s]
    assert len(reads) == 1, reads
