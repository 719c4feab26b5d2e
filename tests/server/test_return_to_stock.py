"""Ended pickups at the counter: expiring one by hand, and returning the goods to stock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from desktop_oms.protocol.sync import FulfillmentDoc
from desktop_oms.server import commands, documents
from desktop_oms.server import schema as t
from desktop_oms.server.services import Services
from tests.server.chain import Chain, build_chain


@pytest.fixture
def chain(client: TestClient, services: Services) -> Chain:
    """The two-store chain on the test app."""
    return build_chain(client, services)


def _row(chain: Chain, fid: int) -> Any:
    with chain.services.db.read() as conn:
        return conn.execute(sa.select(t.fulfillments).where(t.fulfillments.c.id == fid)).one()


def _stock(chain: Chain, sku: str) -> tuple[int, int]:
    with chain.services.db.read() as conn:
        row = conn.execute(
            sa.select(t.inventory.c.on_hand, t.inventory.c.reserved).where(
                t.inventory.c.store_id == chain.a.store_id, t.inventory.c.sku == sku
            )
        ).one()
    return int(row.on_hand), int(row.reserved)


def _staged(chain: Chain, *, bin_name: str = "P-014", email: str = "jane@example.com") -> int:
    """A pickup at store A, picked and staged in ``bin_name``; its fulfillment id."""
    f = chain.fulfillment(chain.order(lines={"SKU-1": 2}, email=email))
    assert chain.result(chain.a, "start_picking", f.id)["status"] == "applied"
    assert chain.result(chain.a, "mark_ready", f.id, bin=bin_name)["status"] == "applied"
    return int(f.id)


def _audit(chain: Chain, action: str) -> list[Any]:
    with chain.services.db.read() as conn:
        return list(
            conn.execute(
                sa.select(t.audit.c.entity_key, t.audit.c.staff_id, t.audit.c.details).where(
                    t.audit.c.action == action
                )
            )
        )


def test_expired_pickup_goes_back_to_stock_once(chain: Chain) -> None:
    """After the expiry job, an associate returns the goods: when and who are recorded and
    audited, the document carries them, the books are not touched again, and a second
    return (another station, a double press) is refused with the reason."""
    fid = _staged(chain)
    later = datetime.now(UTC) + timedelta(days=30)
    assert commands.expire_overdue(chain.services.db, now=later) == 1
    assert _row(chain, fid).status == "expired"
    books = _stock(chain, "SKU-1")
    assert books == (5, 0)  # the expiry already put the stock back in the books
    before = _row(chain, fid)
    assert before.returned_at is None and before.bin == "P-014"

    r = chain.result(chain.a, "return_to_stock", fid)
    assert r["status"] == "applied", r
    after = _row(chain, fid)
    assert after.returned_at is not None and after.returned_by == chain.a.associate
    assert after.version == before.version + 1
    assert after.status == "expired" and after.bin == "P-014"  # the record of where it was
    assert _stock(chain, "SKU-1") == books
    [(key, staff, details)] = _audit(chain, "return_to_stock")
    assert (key, staff, details) == (
        str(fid),
        chain.a.associate,
        {"bin": "P-014", "bin_scanned": False},
    )
    with chain.services.db.read() as conn:
        [doc] = documents.fulfillment_docs(conn, [fid])
    assert doc.data is not None
    parsed = FulfillmentDoc.model_validate(doc.data)
    assert parsed.returned_at == after.returned_at and parsed.returned_by == chain.a.associate

    again = chain.result(chain.a, "return_to_stock", fid)
    assert again["status"] == "rejected" and again["code"] == "illegal_transition"
    assert "already returned" in again["message"]
    stale = chain.result(chain.a, "return_to_stock", fid, base_version=before.version)
    assert stale["code"] == "stale_version"
    assert len(_audit(chain, "return_to_stock")) == 1


def test_only_ended_staged_pickups_of_the_store_can_be_returned(chain: Chain) -> None:
    """A ready pickup, one cancelled before it was staged, another store's station and a
    wrong scanned bin are refused; a cancelled staged pickup with its bin scanned goes."""
    ready = _staged(chain, bin_name="A-1", email="a@example.com")
    r = chain.result(chain.a, "return_to_stock", ready)
    assert r["code"] == "illegal_transition" and "ready for pickup" in r["message"]

    never_staged = chain.fulfillment(chain.order(email="b@example.com")).id
    chain.result(chain.a, "cancel", never_staged, staff=chain.a.lead, reason="customer_request")
    assert _row(chain, never_staged).status == "cancelled"
    r = chain.result(chain.a, "return_to_stock", never_staged)
    assert r["code"] == "illegal_transition" and "never staged" in r["message"]

    chain.result(chain.a, "cancel", ready, staff=chain.a.lead, reason="customer_request")
    assert _row(chain, ready).status == "cancelled"
    r = chain.result(chain.b, "return_to_stock", ready, staff=chain.b.associate)
    assert r["code"] == "out_of_scope"
    r = chain.result(chain.a, "return_to_stock", ready, bin="A-2")
    assert r["code"] == "verification_failed" and "bin A-1" in r["message"]
    r = chain.result(chain.a, "return_to_stock", ready, bin="A-1")
    assert r["status"] == "applied", r
    assert _audit(chain, "return_to_stock")[0].details == {"bin": "A-1", "bin_scanned": True}


def test_a_manager_expires_a_ready_pickup_by_hand(chain: Chain) -> None:
    """An associate may not expire a pickup; a manager may, and its stock goes back."""
    fid = _staged(chain)
    assert _stock(chain, "SKU-1") == (5, 2)
    r = chain.result(chain.a, "expire", fid)
    assert r["code"] == "permission_denied"
    r = chain.result(chain.a, "expire", fid, staff=chain.a.manager)
    assert r["status"] == "applied", r
    assert _row(chain, fid).status == "expired"
    assert _stock(chain, "SKU-1") == (5, 0)
    assert chain.result(chain.a, "return_to_stock", fid)["status"] == "applied"
