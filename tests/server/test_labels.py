"""Shipping labels: buying one per packed box from the built-in carrier (OMS Post), replaying
a purchase by its Idempotency-Key, voiding, shipping under a label, and every refusal."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from desktop_oms.domain.entities import Channel
from desktop_oms.domain.roles import Role
from desktop_oms.domain.shipping import is_s10
from desktop_oms.protocol import API_PREFIX
from desktop_oms.protocol.intake import OrderIn
from desktop_oms.protocol.labels import LabelsOut, VoidOut
from desktop_oms.protocol.sync import FulfillmentDoc
from desktop_oms.server import documents
from desktop_oms.server import schema as t
from desktop_oms.server.intake import place_order
from desktop_oms.server.services import Services
from tests.server.chain import Chain, build_chain
from tests.server.factories import bearer, make_staff, sign_in_token, username_of

BOX_M = {"box_type": "M", "length_cm": 40, "width_cm": 30, "height_cm": 20, "weight_g": 2350}
BOX_S = {"box_type": "S", "length_cm": 30, "width_cm": 20, "height_cm": 10, "weight_g": 640}


@pytest.fixture
def chain(client: TestClient, services: Services) -> Chain:
    """The two-store chain on the test app."""
    return build_chain(client, services)


def delivery_order(
    chain: Chain, *, email: str = "sanne@example.com", service: str | None = None
) -> int:
    """A home delivery near store A (so shipped from A), at ``service``; its fulfillment id."""
    extra = {} if service is None else {"shipping_service": service}
    body = OrderIn.model_validate(
        {
            **extra,
            "channel": Channel.WEB.value,
            "external_ref": uuid.uuid4().hex,
            "customer": {
                "external_id": email,
                "name": "Sanne de Vries",
                "email": email,
                "phone": "+31 6 2345 6789",
            },
            "delivery": "delivery",
            "shipping_address": {
                "name": "Sanne de Vries",
                "line1": "Prinsengracht 263",
                "line2": "3rd floor",
                "city": "Amsterdam",
                "postal_code": "1016 GV",
                "country": "NL",
                "latitude": 52.375,
                "longitude": 4.884,
            },
            "billing_address": {
                "name": "Sanne de Vries",
                "line1": "Prinsengracht 263",
                "city": "Amsterdam",
                "postal_code": "1016 GV",
                "country": "NL",
            },
            "lines": [
                {"sku": "SKU-1", "quantity": 1, "unit_price_minor": 1299},
                {"sku": "SKU-2", "quantity": 2, "unit_price_minor": 899},
            ],
            "payment": {"card_number": "4242424242424242", "holder": "Sanne de Vries"},
        }
    )
    with chain.services.db.write() as conn:
        number = place_order(conn, chain.services.payments, body).number
    f = chain.fulfillment(number)
    assert f.method == "ship_from_store" and f.store_id == chain.a.store_id
    return int(f.id)


def packed_parcel(
    chain: Chain, boxes: list[dict[str, Any]] | None = None, service: str | None = None
) -> int:
    """A home delivery from store A, picked and packed in ``boxes``; its fulfillment id."""
    fid = delivery_order(chain, service=service)
    assert chain.result(chain.a, "start_picking", fid)["status"] == "applied"
    r = chain.result(chain.a, "pack", fid, boxes=boxes or [BOX_M, BOX_S])
    assert r["status"] == "applied", r
    return fid


def _token(chain: Chain, staff_id: int) -> str:
    with chain.services.db.read() as conn:
        name = username_of(conn, staff_id)
    return sign_in_token(chain.client, username=name)


def _buy(
    chain: Chain,
    fid: int,
    token: str,
    key: str | None = None,
    body: dict[str, Any] | None = None,
) -> Any:
    headers = bearer(token)
    if key is not None:
        headers["Idempotency-Key"] = key
    return chain.client.post(f"{API_PREFIX}/fulfillments/{fid}/labels", json=body, headers=headers)


def _void(chain: Chain, tracking: str, token: str) -> Any:
    return chain.client.post(f"{API_PREFIX}/labels/{tracking}/void", headers=bearer(token))


def _row(chain: Chain, fid: int) -> Any:
    with chain.services.db.read() as conn:
        return conn.execute(sa.select(t.fulfillments).where(t.fulfillments.c.id == fid)).one()


def _label_rows(chain: Chain) -> list[Any]:
    with chain.services.db.read() as conn:
        return list(conn.execute(sa.select(t.shipping_labels).order_by(t.shipping_labels.c.id)))


def _audit(chain: Chain, action: str) -> list[Any]:
    with chain.services.db.read() as conn:
        return list(
            conn.execute(
                sa.select(t.audit.c.entity_key, t.audit.c.staff_id, t.audit.c.details)
                .where(t.audit.c.action == action)
                .order_by(t.audit.c.id)
            )
        )


def _feed_doc(chain: Chain, fid: int) -> FulfillmentDoc:
    """The newest document of the fulfillment on the change feed."""
    with chain.services.db.read() as conn:
        data = conn.execute(
            sa.select(t.changes.c.data)
            .where(t.changes.c.kind == "fulfillment", t.changes.c.key == str(fid))
            .order_by(t.changes.c.seq.desc())
            .limit(1)
        ).scalar_one()
    return FulfillmentDoc.model_validate(data)


def test_buy_one_label_per_box(chain: Chain) -> None:
    """An associate buys express labels for a two-box parcel: S10 numbers with a valid check
    digit, box n of 2, the sort code of the postcode, both addresses, ZPL for a 4x6 label at
    203 dpi with a Code 128 of the tracking number; stored, audited, and on the document the
    feed carries to the stations, without a new version."""
    fid = packed_parcel(chain)
    before = _row(chain, fid)
    r = _buy(chain, fid, _token(chain, chain.a.associate), "k-1", {"service": "express"})
    assert r.status_code == 201, r.text
    out = LabelsOut.model_validate(r.json())
    assert [x.box_index for x in out.labels] == [1, 2]
    first, second = out.labels
    assert first.tracking != second.tracking
    for label, box in zip(out.labels, (BOX_M, BOX_S), strict=True):
        assert is_s10(label.tracking) and label.tracking.startswith("EE")
        assert label.tracking.endswith("NL")
        assert label.carrier == "omspost" and label.carrier_name == "OMS Post"
        assert label.service.value == "express" and label.status.value == "active"
        assert label.box_count == 2 and label.weight_g == box["weight_g"]
        assert (label.length_cm, label.width_cm, label.height_cm) == (
            box["length_cm"],
            box["width_cm"],
            box["height_cm"],
        )
        assert label.routing_code == "NL-AMS-10"
        assert label.ship_to.name == "Sanne de Vries"
        assert label.ship_to.line1 == "Prinsengracht 263" and label.ship_to.line2 == "3rd floor"
        assert (label.ship_to.postal_code, label.ship_to.city) == ("1016 GV", "Amsterdam")
        assert label.ship_to.phone == "+31 6 2345 6789"
        assert label.ship_from.name == "Store AMS1" and label.ship_from.country == "NL"
        assert label.reference == out.fulfillment.order_number
        zpl = label.zpl
        assert zpl.startswith("^XA") and zpl.rstrip().endswith("^XZ")
        assert "^PW812" in zpl and "^LL1218" in zpl
        assert f"^BCN,200,N,N,N,A^FD{label.tracking}^FS" in zpl
        assert f"BOX {label.box_index} OF 2" in zpl and "EXPRESS" in zpl
    assert out.fulfillment.labels == out.labels
    assert out.fulfillment.ship_to is not None and out.fulfillment.ship_to.city == "Amsterdam"

    after = _row(chain, fid)
    assert after.version == before.version and after.status == "packed"
    rows = _label_rows(chain)
    assert [(x.tracking, x.status, x.created_by) for x in rows] == [
        (first.tracking, "active", chain.a.associate),
        (second.tracking, "active", chain.a.associate),
    ]
    [(key, staff, details)] = _audit(chain, "buy_labels")
    assert (key, staff) == (str(fid), chain.a.associate)
    assert details == {
        "carrier": "omspost",
        "service": "express",
        "tracking": [first.tracking, second.tracking],
    }
    assert _feed_doc(chain, fid).labels == out.labels


def test_a_retry_with_the_same_key_gets_the_same_labels(chain: Chain) -> None:
    """The same key answers the stored labels (replayed, nothing bought again), whoever of
    the store asks; another body with it is refused; a new key while labels are active is a
    conflict (void first), so a double press never buys twice."""
    fid = packed_parcel(chain)
    token = _token(chain, chain.a.associate)
    first = _buy(chain, fid, token, "same-key")
    assert first.status_code == 201 and "Idempotent-Replayed" not in first.headers
    again = _buy(chain, fid, _token(chain, chain.a.lead), "same-key")
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["labels"] == first.json()["labels"]
    assert len(_label_rows(chain)) == 2

    other_body = _buy(chain, fid, token, "same-key", {"service": "express"})
    assert other_body.status_code == 422
    assert other_body.json()["error"]["code"] == "idempotency_key_reused"
    new_key = _buy(chain, fid, token, "another-key")
    assert new_key.status_code == 409, new_key.text
    assert "void them" in new_key.json()["error"]["message"]
    assert len(_label_rows(chain)) == 2 and len(_audit(chain, "buy_labels")) == 1


def test_refusals(chain: Chain) -> None:
    """No key, not packed, a pickup, another store's staff, a role that may not, an unknown
    carrier, an overweight box: refused with a reason, nothing bought."""
    token = _token(chain, chain.a.associate)
    fid = delivery_order(chain)
    r = _buy(chain, fid, token)
    assert r.status_code == 400 and r.json()["error"]["code"] == "idempotency_key_missing"
    r = _buy(chain, fid, token, "k-open")
    assert r.status_code == 409 and "pack it first" in r.json()["error"]["message"]
    chain.result(chain.a, "start_picking", fid)
    chain.result(chain.a, "pack", fid, boxes=[BOX_M])

    pickup = chain.fulfillment(chain.order(email="p@example.com")).id
    r = _buy(chain, pickup, token, "k-pickup")
    assert r.status_code == 409 and "ship-from-store parcels" in r.json()["error"]["message"]

    r = _buy(chain, fid, _token(chain, chain.b.associate), "k-b")
    assert r.status_code == 403 and r.json()["error"]["code"] == "out_of_scope"
    with chain.services.db.write() as conn:
        service = make_staff(conn, store_id=None, role=Role.CUSTOMER_SERVICE)
    r = _buy(chain, fid, _token(chain, service), "k-cs")
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    r = _buy(chain, fid, token, "k-x", {"carrier": "pigeon"})
    assert r.status_code == 422 and "unknown carrier" in r.json()["error"]["message"]
    r = _buy(chain, 999_999, token, "k-none")
    assert r.status_code == 404

    heavy = packed_parcel(chain, [{**BOX_M, "weight_g": 40_000}])
    r = _buy(chain, heavy, token, "k-heavy")
    assert r.status_code == 422 and r.json()["error"]["code"] == "carrier_refused"
    assert "31.5 kg" in r.json()["error"]["message"]
    assert _label_rows(chain) == []
    # a refused purchase keeps no key: the same key may try again once the box is fixed
    assert _buy(chain, heavy, token, "k-heavy").status_code == 422


def test_void_rebuy_and_ship_under_the_label(chain: Chain) -> None:
    """A lead voids a label (an associate may not; a second void answers the same); new
    labels can then be bought; ship takes an active label's number and carrier only, and
    a shipped parcel's labels cannot be voided."""
    fid = packed_parcel(chain, [BOX_M])
    associate, lead = _token(chain, chain.a.associate), _token(chain, chain.a.lead)
    [old] = _buy(chain, fid, associate, "k-1").json()["labels"]

    r = _void(chain, old["tracking"], associate)
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    r = _void(chain, old["tracking"], _token(chain, chain.b.lead))
    assert r.status_code == 403 and r.json()["error"]["code"] == "out_of_scope"
    r = _void(chain, old["tracking"], lead)
    assert r.status_code == 200, r.text
    voided = VoidOut.model_validate(r.json())
    assert voided.label.status.value == "void" and voided.label.voided_at is not None
    assert voided.fulfillment.labels[0].status.value == "void"
    again = _void(chain, old["tracking"], lead)
    assert again.status_code == 200 and again.json()["label"] == r.json()["label"]
    assert len(_audit(chain, "void_label")) == 1
    assert _void(chain, "CP999999995NL", lead).status_code == 404

    r = chain.result(chain.a, "ship", fid, carrier="omspost", tracking=old["tracking"])
    assert r["code"] == "illegal_transition" and "buy the omspost label" in r["message"]

    [new] = _buy(chain, fid, associate, "k-2").json()["labels"]
    assert new["tracking"] != old["tracking"]
    r = chain.result(chain.a, "ship", fid, carrier="omspost", tracking=old["tracking"])
    assert r["code"] == "verification_failed" and new["tracking"] in r["message"]
    r = chain.result(chain.a, "ship", fid, carrier="DHL", tracking=new["tracking"])
    assert r["code"] == "verification_failed" and "from omspost" in r["message"]
    r = chain.result(chain.a, "ship", fid, carrier="omspost", tracking=new["tracking"])
    assert r["status"] == "applied", r
    row = _row(chain, fid)
    assert (row.status, row.carrier, row.tracking) == ("shipped", "omspost", new["tracking"])

    r = _void(chain, new["tracking"], lead)
    assert r.status_code == 409 and "has shipped" in r.json()["error"]["message"]
    with chain.services.db.read() as conn:
        [doc] = documents.fulfillment_docs(conn, [fid])
    assert doc.data is not None
    assert [x["status"] for x in doc.data["labels"]] == ["void", "active"]


def test_unpack_and_cancel_void_the_labels(chain: Chain) -> None:
    """Unpacking (the boxes are gone) and cancelling a packed parcel void its labels."""
    fid = packed_parcel(chain)
    [a, b] = _buy(chain, fid, _token(chain, chain.a.associate), "k-1").json()["labels"]
    r = chain.result(chain.a, "unpack", fid, staff=chain.a.lead, reason="repack")
    assert r["status"] == "applied", r
    assert [x.status for x in _label_rows(chain)] == ["void", "void"]
    [(_key, staff, details)] = _audit(chain, "void_label")
    assert staff == chain.a.lead
    assert details == {"tracking": [a["tracking"], b["tracking"]], "by": "unpack"}
    assert [x.status.value for x in _feed_doc(chain, fid).labels] == ["void", "void"]

    chain.result(chain.a, "pack", fid, boxes=[BOX_S])
    [c] = _buy(chain, fid, _token(chain, chain.a.associate), "k-2").json()["labels"]
    r = chain.result(chain.a, "cancel", fid, staff=chain.a.lead, reason="customer_request")
    assert r["status"] == "applied", r
    assert _label_rows(chain)[-1].status == "void"
    assert _audit(chain, "void_label")[-1].details == {"tracking": [c["tracking"]], "by": "cancel"}


def test_tracking_numbers_are_unique_and_counted(chain: Chain) -> None:
    """Serials count up per label across purchases (one counter row), never repeating."""
    token = _token(chain, chain.a.associate)
    seen: list[str] = []
    for n in range(3):
        fid = packed_parcel(chain, [BOX_S, BOX_S])
        labels = _buy(chain, fid, token, f"k-{n}").json()["labels"]
        seen += [x["tracking"] for x in labels]
    assert len(set(seen)) == 6
    serials = [int(x[2:10]) for x in seen]
    assert serials == list(range(serials[0], serials[0] + 6))
    assert all(is_s10(x) and x.startswith("CP") for x in seen)


def test_boxes_may_say_what_they_hold(chain: Chain) -> None:
    """A box's items (for the packing slip) are kept on the document; an unknown line or
    more than is left of one is refused."""
    fid = delivery_order(chain)
    chain.result(chain.a, "start_picking", fid)
    too_many = {**BOX_S, "items": [{"line_no": 2, "quantity": 3}]}
    r = chain.result(chain.a, "pack", fid, boxes=[too_many])
    assert r["code"] == "illegal_transition" and "only 2 to ship" in r["message"]
    r = chain.result(
        chain.a, "pack", fid, boxes=[{**BOX_S, "items": [{"line_no": 9, "quantity": 1}]}]
    )
    assert r["code"] == "not_found"
    boxes = [
        {**BOX_M, "items": [{"line_no": 1, "quantity": 1}, {"line_no": 2, "quantity": 1}]},
        {**BOX_S, "items": [{"line_no": 2, "quantity": 1}]},
    ]
    assert chain.result(chain.a, "pack", fid, boxes=boxes)["status"] == "applied"
    with chain.services.db.read() as conn:
        [doc] = documents.fulfillment_docs(conn, [fid])
    assert doc.data is not None
    parsed = FulfillmentDoc.model_validate(doc.data)
    assert [[(i.line_no, i.quantity) for i in b.items] for b in parsed.boxes] == [
        [(1, 1), (2, 1)],
        [(2, 1)],
    ]


def test_a_transfer_out_is_labelled_to_its_store_and_dispatched_under_the_label(
    chain: Chain,
) -> None:
    """A packed ship-to-store transfer gets a label addressed to the destination store;
    dispatch must name it (another number is refused), and the label cannot be voided
    once the transfer is on its way."""
    chain.order(lines={"SKU-1": 1})
    with chain.services.db.write() as conn:  # A runs out: the next order ships from B
        conn.execute(
            sa.update(t.inventory)
            .where(t.inventory.c.store_id == chain.a.store_id)
            .values(on_hand=0, reserved=0)
        )
    f = chain.fulfillment(chain.order(lines={"SKU-2": 1}, email="late@example.com"))
    assert (f.store_id, f.method) == (chain.b.store_id, "ship_to_store")
    assert chain.result(chain.b, "start_picking", f.id)["status"] == "applied"
    assert chain.result(chain.b, "pack", f.id, boxes=[BOX_S])["status"] == "applied"
    token = _token(chain, chain.b.associate)
    r = _buy(chain, f.id, token, "k-transfer")
    assert r.status_code == 201, r.text
    [label] = LabelsOut.model_validate(r.json()).labels
    assert label.ship_to.name == "Store AMS1" and label.service.value == "standard"
    assert label.ship_from.name != "Store AMS1"

    wrong = chain.result(chain.b, "dispatch_transfer", f.id, tracking="TRF123456")
    assert wrong["status"] == "rejected" and label.tracking in wrong["message"], wrong
    r = chain.result(chain.b, "dispatch_transfer", f.id, tracking=label.tracking)
    assert r["status"] == "applied", r
    row = _row(chain, f.id)
    assert (row.status, row.tracking, row.carrier) == ("in_transit", label.tracking, "omspost")
    assert _void(chain, label.tracking, _token(chain, chain.b.lead)).status_code == 409
