"""Commands through the push endpoint: every workflow step, its stock and notice effects."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from desktop_oms.server import commands
from desktop_oms.server import schema as t
from desktop_oms.server.services import Services
from tests.server.chain import Chain, build_chain


@pytest.fixture
def chain(client: TestClient, services: Services) -> Chain:
    """The two-store chain on the test app."""
    return build_chain(client, services)


def _stock(chain: Chain, store_id: int, sku: str) -> tuple[int, int]:
    with chain.services.db.read() as conn:
        row = conn.execute(
            sa.select(t.inventory.c.on_hand, t.inventory.c.reserved).where(
                t.inventory.c.store_id == store_id, t.inventory.c.sku == sku
            )
        ).one()
    return int(row.on_hand), int(row.reserved)


def _notices(chain: Chain) -> list[str]:
    with chain.services.db.read() as conn:
        return list(
            conn.execute(sa.select(t.notifications.c.kind).order_by(t.notifications.c.id)).scalars()
        )


def _doc(chain: Chain, fid: int) -> Any:
    with chain.services.db.read() as conn:
        return conn.execute(sa.select(t.fulfillments).where(t.fulfillments.c.id == fid)).one()


def test_pickup_flow_with_partial_pickup(chain: Chain) -> None:
    """Pick, stage in a bin, refuse a wrong code, hand over with one refused unit."""
    f = chain.fulfillment(chain.order(lines={"SKU-1": 1, "SKU-2": 2}))
    assert _stock(chain, chain.a.store_id, "SKU-2") == (5, 2)
    assert chain.result(chain.a, "start_picking", f.id)["status"] == "applied"
    assert chain.result(chain.a, "mark_ready", f.id, bin="P-014")["status"] == "applied"
    ready = _doc(chain, f.id)
    assert ready.status == "ready_for_pickup"
    assert ready.bin == "P-014"
    assert ready.pickup_deadline > datetime.now(UTC) + timedelta(days=6)
    assert _notices(chain) == ["ready_for_pickup"]
    wrong = "000000" if ready.pickup_code != "000000" else "111111"
    bad = chain.result(
        chain.a, "hand_over", f.id, verification={"method": "pickup_code", "pickup_code": wrong}
    )
    assert bad["status"] == "rejected"
    assert bad["code"] == "verification_failed"
    ok = chain.result(
        chain.a,
        "hand_over",
        f.id,
        verification={"method": "pickup_code", "pickup_code": ready.pickup_code},
        refused=[{"line_no": 2, "quantity": 1, "reason": "damaged"}],
    )
    assert ok["status"] == "applied", ok
    assert _doc(chain, f.id).status == "handed_over"
    assert _stock(chain, chain.a.store_id, "SKU-1") == (4, 0)
    assert _stock(chain, chain.a.store_id, "SKU-2") == (4, 0)  # one sold, one back on shelf
    assert _notices(chain) == ["ready_for_pickup", "handed_over"]


def test_hand_over_by_id_check_needs_the_details(chain: Chain) -> None:
    """An ID check without the ID's details is refused; with them it passes."""
    f = chain.fulfillment(chain.order())
    chain.result(chain.a, "start_picking", f.id)
    chain.result(chain.a, "mark_ready", f.id, bin="A-1")
    r = chain.result(chain.a, "hand_over", f.id, verification={"method": "id_check"})
    assert r["code"] == "missing_requirement"
    r = chain.result(
        chain.a,
        "hand_over",
        f.id,
        verification={
            "method": "id_check",
            "collector_name": "John Doe",
            "id_type": "passport",
            "id_last_digits": "1234",
            "relationship": "family",
        },
    )
    assert r["status"] == "applied"
    with chain.services.db.read() as conn:
        audit = conn.execute(
            sa.select(t.audit.c.details).where(t.audit.c.action == "hand_over")
        ).scalar_one()
    assert audit["verification"]["collector_name"] == "John Doe"


def test_reject_line_reroutes_to_other_store(chain: Chain) -> None:
    """A rejected line leaves store A and is shipped to A from B, which has stock."""
    number = chain.order(lines={"SKU-1": 1, "SKU-3": 2})
    f = chain.fulfillment(number)
    chain.result(chain.a, "start_picking", f.id)
    r = chain.result(chain.a, "reject_line", f.id, line_no=2, quantity=2, reason="not_found")
    assert r["status"] == "applied", r
    assert _stock(chain, chain.a.store_id, "SKU-3") == (5, 0)
    assert _stock(chain, chain.b.store_id, "SKU-3") == (5, 2)
    with chain.services.db.read() as conn:
        rows = conn.execute(
            sa.select(
                t.fulfillments.c.store_id,
                t.fulfillments.c.destination_store_id,
                t.fulfillments.c.method,
            )
            .join(t.orders, t.orders.c.id == t.fulfillments.c.order_id)
            .where(t.orders.c.number == number, t.fulfillments.c.id != f.id)
        ).all()
    assert [tuple(x) for x in rows] == [(chain.b.store_id, chain.a.store_id, "ship_to_store")]
    # rejecting the last line ends the fulfillment as rejected
    r = chain.result(chain.a, "reject_line", f.id, line_no=1, quantity=1, reason="damaged")
    assert r["status"] == "applied"
    assert _doc(chain, f.id).status == "rejected"


def test_reject_more_than_left_is_refused(chain: Chain) -> None:
    """Rejecting more than a line holds is refused with a clear reason."""
    f = chain.fulfillment(chain.order(lines={"SKU-1": 1}))
    r = chain.result(chain.a, "reject_line", f.id, line_no=1, quantity=3, reason="damaged")
    assert r["status"] == "rejected"
    assert "only 1 left" in r["message"]


def test_ship_to_store_arrives_and_is_handed_over(chain: Chain) -> None:
    """Dispatch at B, receive and stage at A, hand over at A; stock leaves B at dispatch."""
    number = chain.order(lines={"SKU-1": 1})
    with chain.services.db.write() as conn:  # A runs out: the next order ships from B
        conn.execute(
            sa.update(t.inventory)
            .where(t.inventory.c.store_id == chain.a.store_id)
            .values(on_hand=0, reserved=0)
        )
    number = chain.order(lines={"SKU-2": 1}, email="late@example.com")
    f = chain.fulfillment(number)
    assert (f.store_id, f.destination_store_id, f.method) == (
        chain.b.store_id,
        chain.a.store_id,
        "ship_to_store",
    )
    # store A may not pick what B ships
    assert chain.result(chain.a, "start_picking", f.id)["code"] == "out_of_scope"
    assert chain.result(chain.b, "start_picking", f.id)["status"] == "applied"
    assert (
        chain.result(chain.b, "dispatch_transfer", f.id, tracking="TRF123456")["status"]
        == "applied"
    )
    assert _stock(chain, chain.b.store_id, "SKU-2") == (4, 0)
    assert chain.result(chain.b, "receive_transfer", f.id)["code"] == "out_of_scope"
    assert chain.result(chain.a, "receive_transfer", f.id)["status"] == "applied"
    assert chain.result(chain.a, "mark_ready", f.id, bin="T-1")["status"] == "applied"
    code = _doc(chain, f.id).pickup_code
    r = chain.result(
        chain.a, "hand_over", f.id, verification={"method": "pickup_code", "pickup_code": code}
    )
    assert r["status"] == "applied"


def test_role_rules_and_manager_override(chain: Chain) -> None:
    """An associate may not cancel; with a manager's approval the cancel goes through."""
    f = chain.fulfillment(chain.order())
    r = chain.result(chain.a, "cancel", f.id, reason="customer_request")
    assert r["code"] == "permission_denied"
    r = chain.result(
        chain.a, "cancel", f.id, reason="customer_request", approved_by=chain.a.manager
    )
    assert r["status"] == "applied"
    assert _stock(chain, chain.a.store_id, "SKU-1") == (5, 0)
    with chain.services.db.read() as conn:
        row = conn.execute(
            sa.select(t.audit.c.staff_id, t.audit.c.approved_by).where(t.audit.c.action == "cancel")
        ).one()
    assert tuple(row) == (chain.a.associate, chain.a.manager)
    # another store's manager cannot approve here
    f2 = chain.fulfillment(chain.order(email="x@example.com"))
    r = chain.result(
        chain.a, "cancel", f2.id, reason="customer_request", approved_by=chain.b.manager
    )
    assert r["code"] == "permission_denied"


def test_change_quantity_and_pickup_store(chain: Chain) -> None:
    """Lower a line (stock released), then move the pickup to store B."""
    number = chain.order(lines={"SKU-1": 3})
    f = chain.fulfillment(number)
    with chain.services.db.read() as conn:
        version = conn.execute(
            sa.select(t.orders.c.version).where(t.orders.c.number == number)
        ).scalar_one()
    r = chain.result(
        chain.a,
        "change_quantity",
        number,
        staff=chain.a.lead,
        base_version=version,
        line_no=1,
        quantity=1,
        reason="customer_request",
    )
    assert r["status"] == "applied", r
    assert _stock(chain, chain.a.store_id, "SKU-1") == (5, 1)
    r = chain.result(
        chain.a,
        "change_quantity",
        number,
        staff=chain.a.lead,
        base_version=version,
        line_no=1,
        quantity=0,
        reason="customer_request",
    )
    assert r["code"] == "stale_version"
    r = chain.result(
        chain.a,
        "change_pickup_store",
        number,
        staff=chain.a.lead,
        base_version=version + 1,
        store_id=chain.b.store_id,
    )
    assert r["status"] == "applied", r
    assert _doc(chain, f.id).status == "cancelled"
    assert _stock(chain, chain.a.store_id, "SKU-1") == (5, 0)
    assert _stock(chain, chain.b.store_id, "SKU-1") == (5, 1)


def test_pack_ship_and_unpack(chain: Chain) -> None:
    """Ship from store: pack, unpack (lead), pack again, ship; stock leaves at shipping."""
    f = chain.fulfillment(chain.order(lines={"SKU-1": 1}))
    with chain.services.db.write() as conn:
        conn.execute(
            sa.update(t.fulfillments)
            .where(t.fulfillments.c.id == f.id)
            .values(method="ship_from_store", pickup_code=None)
        )
    box = {"box_type": "S", "length_cm": 30, "width_cm": 20, "height_cm": 10, "weight_g": 800}
    chain.result(chain.a, "start_picking", f.id)
    assert chain.result(chain.a, "pack", f.id, boxes=[box])["status"] == "applied"
    assert chain.result(chain.a, "unpack", f.id, reason="repack")["code"] == ("permission_denied")
    assert (
        chain.result(chain.a, "unpack", f.id, staff=chain.a.lead, reason="repack")["status"]
        == "applied"
    )
    chain.result(chain.a, "pack", f.id, boxes=[box, box])
    r = chain.result(chain.a, "ship", f.id, carrier="DEMO", tracking="1Z999AA10123456784")
    assert r["status"] == "applied"
    assert _stock(chain, chain.a.store_id, "SKU-1") == (4, 0)
    assert "shipped" in _notices(chain)


def test_expire_job_returns_stock(chain: Chain) -> None:
    """A ready pickup past its deadline expires and its stock goes back."""
    f = chain.fulfillment(chain.order(lines={"SKU-1": 2}))
    chain.result(chain.a, "start_picking", f.id)
    chain.result(chain.a, "mark_ready", f.id, bin="A-2")
    assert commands.expire_overdue(chain.services.db) == 0
    later = datetime.now(UTC) + timedelta(days=30)
    assert commands.expire_overdue(chain.services.db, now=later) == 1
    assert _doc(chain, f.id).status == "expired"
    assert _stock(chain, chain.a.store_id, "SKU-1") == (5, 0)
    assert _notices(chain)[-1] == "expired"


def test_cycle_count_applies_against_movements(chain: Chain) -> None:
    """A count taken before a sale sets on-hand to counted minus what sold since."""
    key = f"{chain.a.store_id}:SKU-3"
    with chain.services.db.read() as conn:
        version_at_count = conn.execute(
            sa.select(t.inventory.c.version).where(
                t.inventory.c.store_id == chain.a.store_id, t.inventory.c.sku == "SKU-3"
            )
        ).scalar_one()
    f = chain.fulfillment(chain.order(lines={"SKU-3": 1}))  # reserve: not a movement
    chain.result(chain.a, "start_picking", f.id)
    chain.result(chain.a, "mark_ready", f.id, bin="A-3")
    code = _doc(chain, f.id).pickup_code
    chain.result(
        chain.a, "hand_over", f.id, verification={"method": "pickup_code", "pickup_code": code}
    )  # sold: -1
    r = chain.result(
        chain.a,
        "adjust_inventory",
        key,
        staff=chain.a.associate,
        base_version=version_at_count,
        mode="count",
        quantity=7,
        reason="cycle_count",
    )
    assert r["code"] == "permission_denied"
    r = chain.result(
        chain.a,
        "adjust_inventory",
        key,
        staff=chain.a.manager,
        base_version=version_at_count,
        mode="count",
        quantity=7,
        reason="cycle_count",
    )
    assert r["status"] == "applied", r
    assert _stock(chain, chain.a.store_id, "SKU-3")[0] == 6  # 7 counted, 1 sold since
