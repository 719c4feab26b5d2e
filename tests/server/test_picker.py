"""Assigning a picker with ``start_picking``: recorded, audited, published, and checked."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from desktop_oms.domain.roles import Role
from desktop_oms.protocol.sync import FulfillmentDoc
from desktop_oms.server import documents
from desktop_oms.server import schema as t
from desktop_oms.server.services import Services
from tests.server.chain import Chain, build_chain
from tests.server.factories import make_staff


@pytest.fixture
def chain(client: TestClient, services: Services) -> Chain:
    """The two-store chain on the test app."""
    return build_chain(client, services)


def _row(chain: Chain, fid: int) -> Any:
    with chain.services.db.read() as conn:
        return conn.execute(sa.select(t.fulfillments).where(t.fulfillments.c.id == fid)).one()


def test_a_lead_assigns_a_picker(chain: Chain) -> None:
    """The lead starts picking for an associate: the fulfillment names the picker, the
    audit says who assigned whom, and the feed document carries the picker."""
    f = chain.fulfillment(chain.order(lines={"SKU-1": 1}))
    r = chain.result(
        chain.a, "start_picking", f.id, staff=chain.a.lead, picker_id=chain.a.associate
    )
    assert r["status"] == "applied", r
    row = _row(chain, f.id)
    assert (row.status, row.picker_id) == ("picking", chain.a.associate)
    with chain.services.db.read() as conn:
        audit = conn.execute(
            sa.select(t.audit.c.staff_id, t.audit.c.details).where(
                t.audit.c.action == "start_picking", t.audit.c.entity_key == str(f.id)
            )
        ).one()
        [doc] = documents.fulfillment_docs(conn, [f.id])
    assert (audit.staff_id, audit.details) == (chain.a.lead, {"picker_id": chain.a.associate})
    assert doc.data is not None
    assert FulfillmentDoc.model_validate(doc.data).picker_id == chain.a.associate


def test_without_a_picker_the_one_who_starts_picks(chain: Chain) -> None:
    """No ``picker_id``: the staff member who starts picking is the picker (as before)."""
    f = chain.fulfillment(chain.order(lines={"SKU-1": 1}))
    assert chain.result(chain.a, "start_picking", f.id)["status"] == "applied"
    assert _row(chain, f.id).picker_id == chain.a.associate


def test_a_picker_must_be_active_staff_of_the_store_who_may_pick(chain: Chain) -> None:
    """Another store's associate, an unknown or inactive one and a customer-service agent
    are refused, with the fulfillment left open; the refusal names the problem."""
    with chain.services.db.write() as conn:
        agent = make_staff(conn, store_id=None, role=Role.CUSTOMER_SERVICE)
        gone = make_staff(conn, store_id=chain.a.store_id)
        conn.execute(sa.update(t.staff).where(t.staff.c.id == gone).values(active=False))
    f = chain.fulfillment(chain.order(lines={"SKU-1": 1}))
    other = chain.result(chain.a, "start_picking", f.id, picker_id=chain.b.associate)
    assert (other["status"], other["code"]) == ("rejected", "out_of_scope")
    assert "another store" in other["message"]
    for missing in (999_999, gone):
        unknown = chain.result(chain.a, "start_picking", f.id, picker_id=missing)
        assert (unknown["status"], unknown["code"]) == ("rejected", "not_found")
    service = chain.result(chain.a, "start_picking", f.id, picker_id=agent)
    assert (service["status"], service["code"]) == ("rejected", "permission_denied")
    bad = chain.result(chain.a, "start_picking", f.id, picker_id="anna")
    assert bad["status"] == "rejected" and "picker_id" in bad["message"]
    row = _row(chain, f.id)
    assert (row.status, row.picker_id) == ("open", None)
