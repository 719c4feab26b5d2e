"""The shipping service a delivery order names at intake (standard or express): stored on
the order, carried on the fulfillment document, and the default of the parcel's labels."""

from __future__ import annotations

import uuid
from typing import Any

import pydantic
import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from desktop_oms.protocol.intake import OrderIn
from desktop_oms.protocol.labels import LabelsOut
from desktop_oms.protocol.sync import FulfillmentDoc
from desktop_oms.server import documents
from desktop_oms.server import schema as t
from desktop_oms.server.services import Services
from tests.server.chain import Chain, build_chain
from tests.server.test_labels import _buy, _feed_doc, _token, delivery_order, packed_parcel


@pytest.fixture
def chain(client: TestClient, services: Services) -> Chain:
    """The two-store chain on the test app."""
    return build_chain(client, services)


def _doc(chain: Chain, fid: int) -> FulfillmentDoc:
    with chain.services.db.read() as conn:
        [doc] = documents.fulfillment_docs(conn, [fid])
    return FulfillmentDoc.model_validate(doc.data)


def _order_service(chain: Chain, fid: int) -> str:
    with chain.services.db.read() as conn:
        return str(
            conn.execute(
                sa.select(t.orders.c.shipping_service)
                .join(t.fulfillments, t.fulfillments.c.order_id == t.orders.c.id)
                .where(t.fulfillments.c.id == fid)
            ).scalar_one()
        )


def test_express_is_stored_and_on_the_document(chain: Chain) -> None:
    """An express delivery keeps its service on the order and on the document the feed
    carries; a delivery that names none is standard, and so is a pickup."""
    express = delivery_order(chain, service="express")
    plain = delivery_order(chain, email="piet@example.com")
    pickup = chain.fulfillment(chain.order()).id
    assert _order_service(chain, express) == "express"
    assert _doc(chain, express).shipping_service.value == "express"
    assert _feed_doc(chain, express).shipping_service.value == "express"
    assert _order_service(chain, plain) == "standard"
    assert _doc(chain, plain).shipping_service.value == "standard"
    assert _doc(chain, pickup).shipping_service.value == "standard"


def test_intake_validation() -> None:
    """Only standard and express are services, and express is for deliveries only; a
    document written before the field existed reads as standard."""
    pickup: dict[str, Any] = {
        "channel": "web",
        "external_ref": uuid.uuid4().hex,
        "customer": {
            "external_id": "x",
            "name": "Jane Doe",
            "email": "jane@example.com",
            "phone": "+31 6 1234 5678",
        },
        "delivery": "pickup",
        "pickup_store_code": "AMS1",
        "billing_address": {
            "name": "Jane Doe",
            "line1": "Dam 1",
            "city": "Amsterdam",
            "postal_code": "1012 JS",
            "country": "NL",
        },
        "lines": [{"sku": "SKU-1", "quantity": 1, "unit_price_minor": 1299}],
        "payment": {"card_number": "4242424242424242", "holder": "Jane Doe"},
    }
    assert OrderIn.model_validate(pickup).shipping_service.value == "standard"
    with pytest.raises(pydantic.ValidationError, match="delivery orders only"):
        OrderIn.model_validate({**pickup, "shipping_service": "express"})
    with pytest.raises(pydantic.ValidationError):
        OrderIn.model_validate({**pickup, "shipping_service": "overnight"})


def test_old_documents_read_as_standard(chain: Chain) -> None:
    """A feed entry without ``shipping_service`` still validates, as standard."""
    fid = delivery_order(chain, service="express")
    data = _doc(chain, fid).model_dump(mode="json")
    del data["shipping_service"]
    assert FulfillmentDoc.model_validate(data).shipping_service.value == "standard"


def test_labels_default_to_the_shipping_service(chain: Chain) -> None:
    """Labels bought without a service go at the order's (express: EE numbers); a service
    in the request still wins."""
    token = _token(chain, chain.a.associate)
    express = packed_parcel(chain, service="express")
    r = _buy(chain, express, token, "k-express")
    assert r.status_code == 201, r.text
    out = LabelsOut.model_validate(r.json())
    assert {x.service.value for x in out.labels} == {"express"}
    assert all(x.tracking.startswith("EE") for x in out.labels)

    chosen = packed_parcel(chain, service="express")
    r = _buy(chain, chosen, token, "k-chosen", {"service": "standard"})
    assert r.status_code == 201, r.text
    labels = LabelsOut.model_validate(r.json()).labels
    assert {x.service.value for x in labels} == {"standard"}
    assert all(x.tracking.startswith("CP") for x in labels)

    plain = packed_parcel(chain)
    r = _buy(chain, plain, token, "k-plain", {"carrier": "omspost"})
    assert r.status_code == 201, r.text
    assert {x.service.value for x in LabelsOut.model_validate(r.json()).labels} == {"standard"}
