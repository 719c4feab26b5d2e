"""Order modifications through the push (issue #8): change delivery, replace a damaged item,
edit contact details, resend the ready notice; manager approval, two stations, reads."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from desktop_oms.domain.reasons import ReasonKind, reasons_for
from desktop_oms.protocol import API_PREFIX
from desktop_oms.server import db as server_db
from desktop_oms.server import documents
from desktop_oms.server import schema as t
from desktop_oms.server.services import Services
from tests.server.chain import Chain, Side, build_chain
from tests.server.factories import bearer, sign_in_token, username_of

ADDRESS = {
    "name": "Jane Doe",
    "line1": "Keizersgracht 10",
    "postal_code": "1015 cs",
    "city": "Amsterdam",
    "country": "NL",
    "phone": "+31 20 123 4567",
}


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


def _audit(chain: Chain, action: str) -> Any:
    with chain.services.db.read() as conn:
        return conn.execute(
            sa.select(t.audit).where(t.audit.c.action == action).order_by(t.audit.c.id.desc())
        ).first()


def _order(chain: Chain, number: str) -> Any:
    with chain.services.db.read() as conn:
        return conn.execute(sa.select(t.orders).where(t.orders.c.number == number)).one()


def _lines(chain: Chain, fid: int) -> dict[int, Any]:
    with chain.services.db.read() as conn:
        rows = conn.execute(
            sa.select(t.fulfillment_lines).where(t.fulfillment_lines.c.fulfillment_id == fid)
        )
        return {r.line_no: r for r in rows}


def _ready(chain: Chain, side: Side, fid: int, bin_: str = "A-1") -> None:
    assert chain.result(side, "start_picking", fid)["status"] == "applied"
    assert chain.result(side, "mark_ready", fid, bin=bin_)["status"] == "applied"


def _notices(chain: Chain) -> list[str]:
    with chain.services.db.read() as conn:
        return list(
            conn.execute(sa.select(t.notifications.c.kind).order_by(t.notifications.c.id)).scalars()
        )


# --- change_delivery ---------------------------------------------------------------------


def test_change_pickup_to_delivery(chain: Chain) -> None:
    """A pickup becomes a delivery: the pickup ends, the lines ship from the nearest store
    to the new address (placed by its city), audited with before and after."""
    number = chain.order(lines={"SKU-1": 1, "SKU-2": 2})
    old = chain.fulfillment(number)
    r = chain.result(
        chain.a,
        "change_delivery",
        number,
        staff=chain.a.lead,
        method="delivery",
        address=ADDRESS,
        shipping_service="express",
        reason="customer_request",
    )
    assert r["status"] == "applied", r
    ful = chain.fulfillments(number)
    assert (ful[0].id, ful[0].status) == (old.id, "cancelled")
    new = ful[1:]
    assert [(f.store_id, f.method, f.status) for f in new] == [
        (chain.a.store_id, "ship_from_store", "open")
    ]
    assert _stock(chain, chain.a.store_id, "SKU-2") == (5, 2)  # released, reserved again
    order = _order(chain, number)
    assert (order.delivery, order.pickup_store_id, order.shipping_service) == (
        "delivery",
        None,
        "express",
    )
    assert order.shipping_address["postal_code"] == "1015 CS"
    assert order.shipping_address["located_by"] == "city"
    audit = _audit(chain, "change_delivery")
    assert (audit.staff_id, audit.reason) == (chain.a.lead, "customer_request")
    assert audit.details["before"]["method"] == "pickup"
    assert audit.details["before"]["store_id"] == chain.a.store_id
    assert audit.details["after"]["method"] == "delivery"
    assert audit.details["after"]["address"]["line1"] == "Keizersgracht 10"
    assert audit.details["cancelled"] == [old.id]
    with chain.services.db.read() as conn:  # the station's document carries the address
        doc = documents.fulfillment_docs(conn, [new[0].id])[0].data
    assert doc is not None
    assert doc["ship_to"]["line1"] == "Keizersgracht 10"
    assert doc["ship_to"]["phone"] == "+31 20 123 4567"
    assert doc["shipping_service"] == "express"
    assert "cancelled" not in _notices(chain)  # a change is not a cancellation notice


def test_change_delivery_to_pickup_at_another_store(chain: Chain) -> None:
    """A delivery becomes a pickup at store B, which has the stock."""
    number = chain.order(delivery=True, lines={"SKU-3": 2})
    old = chain.fulfillment(number)
    assert old.method == "ship_from_store"
    r = chain.result(
        chain.a,
        "change_delivery",
        number,
        staff=chain.a.manager,
        method="pickup",
        store_id=chain.b.store_id,
        reason="customer_request",
    )
    assert r["status"] == "applied", r
    new = chain.fulfillments(number)[-1]
    assert (new.store_id, new.method, new.status) == (chain.b.store_id, "store_pickup", "open")
    assert new.pickup_code is not None
    assert _stock(chain, old.store_id, "SKU-3") == (5, 0)
    assert _stock(chain, chain.b.store_id, "SKU-3") == (5, 2)
    order = _order(chain, number)
    assert (order.delivery, order.pickup_store_id, order.shipping_address) == (
        "pickup",
        chain.b.store_id,
        None,
    )


def test_change_delivery_refusals(chain: Chain) -> None:
    """Wrong role, stale version, unknown store, a bad address and a wrong reason kind are
    each refused with a reason that says what to fix."""
    number = chain.order()
    version = chain.order_version(number)
    kw: dict[str, Any] = {"method": "delivery", "address": ADDRESS, "reason": "customer_request"}
    r = chain.result(chain.a, "change_delivery", number, **kw)
    assert (r["code"], r["message"]) == (
        "permission_denied",
        "a associate may not change delivery",
    )
    r = chain.result(chain.a, "change_delivery", number, staff=chain.a.lead, base_version=0, **kw)
    assert r["code"] == "stale_version"
    assert f"current version is {version}" in r["message"]
    assert r["current"] and r["current"][0]["data"]["order"]["version"] == version
    bad = {**ADDRESS, "postal_code": "!!"}
    r = chain.result(
        chain.a,
        "change_delivery",
        number,
        staff=chain.a.lead,
        method="delivery",
        address=bad,
        reason="customer_request",
    )
    assert r["code"] == "missing_requirement"
    assert r["message"] == "change_delivery: address.postal_code: '!!' is not a postal code " + (
        "(2-10 letters and digits)"
    )
    r = chain.result(
        chain.a,
        "change_delivery",
        number,
        staff=chain.a.lead,
        method="delivery",
        address={**ADDRESS, "zip": "x"},
        reason="customer_request",
    )
    assert r["message"] == "change_delivery: address.zip: Extra inputs are not permitted"
    r = chain.result(
        chain.a,
        "change_delivery",
        number,
        staff=chain.a.lead,
        method="pickup",
        reason="customer_request",
    )
    assert "needs store_id" in r["message"]
    r = chain.result(
        chain.a,
        "change_delivery",
        number,
        staff=chain.a.lead,
        method="pickup",
        store_id=99999,
        reason="customer_request",
    )
    assert (r["code"], r["message"]) == ("not_found", "store 99999 does not exist")
    r = chain.result(
        chain.a,
        "change_delivery",
        number,
        staff=chain.a.lead,
        method="pickup",
        store_id=chain.a.store_id,
        reason="customer_request",
    )
    assert r["code"] == "illegal_transition"
    assert "already picked up at" in r["message"]
    r = chain.result(
        chain.a,
        "change_delivery",
        number,
        staff=chain.a.lead,
        **{
            **kw,
            "reason": "damaged",
        },
    )
    assert r["code"] == "missing_requirement"
    assert "not a change reason" in r["message"]
    assert chain.order_version(number) == version  # nothing of it was applied


def test_change_delivery_after_shipping_is_refused(chain: Chain) -> None:
    """Once the parcel left, there is nothing to change."""
    number = chain.order(delivery=True, lines={"SKU-1": 1})
    f = chain.fulfillment(number)
    box = {"box_type": "S", "length_cm": 30, "width_cm": 20, "height_cm": 10, "weight_g": 800}
    chain.result(chain.a, "start_picking", f.id)
    chain.result(chain.a, "pack", f.id, boxes=[box])
    r = chain.result(chain.a, "ship", f.id, carrier="DEMO", tracking="1Z999AA10123456784")
    assert r["status"] == "applied", r
    r = chain.result(
        chain.a,
        "change_delivery",
        number,
        staff=chain.a.manager,
        method="pickup",
        store_id=chain.b.store_id,
        reason="customer_request",
    )
    assert (r["code"], r["message"]) == (
        "illegal_transition",
        f"order {number} has nothing left to change: it was already shipped",
    )


def test_change_delivery_while_in_transit_is_refused(chain: Chain) -> None:
    """Goods on a truck to the pickup store cannot be redirected."""
    with chain.services.db.write() as conn:  # A has none: B ships to A
        conn.execute(
            sa.update(t.inventory)
            .where(t.inventory.c.store_id == chain.a.store_id)
            .values(on_hand=0)
        )
    number = chain.order(lines={"SKU-2": 1})
    f = chain.fulfillment(number)
    assert f.method == "ship_to_store"
    chain.result(chain.b, "start_picking", f.id)
    chain.result(chain.b, "dispatch_transfer", f.id, tracking="TRF123456")
    r = chain.result(
        chain.a,
        "change_delivery",
        number,
        staff=chain.a.lead,
        method="delivery",
        address=ADDRESS,
        reason="customer_request",
    )
    assert r["code"] == "illegal_transition"
    assert "on their way" in r["message"]


# --- replace_item ------------------------------------------------------------------------


def test_replace_item_from_another_store(chain: Chain) -> None:
    """One damaged unit at A is written off there and replaced from B, shipped to A."""
    number = chain.order(lines={"SKU-1": 2})
    f = chain.fulfillment(number)
    chain.result(chain.a, "start_picking", f.id)
    r = chain.result(
        chain.a,
        "replace_item",
        number,
        staff=chain.a.lead,
        line_no=1,
        quantity=1,
        source_store_id=chain.b.store_id,
        reason="damaged",
    )
    assert r["status"] == "applied", r
    assert _stock(chain, chain.a.store_id, "SKU-1") == (4, 1)  # one written off, one still due
    assert _stock(chain, chain.b.store_id, "SKU-1") == (5, 1)  # the replacement reserved
    assert _lines(chain, f.id)[1].rejected == 1
    assert chain.fulfillment(number).status == "picking"
    new = chain.fulfillments(number)[-1]
    assert (new.store_id, new.destination_store_id, new.method) == (
        chain.b.store_id,
        chain.a.store_id,
        "ship_to_store",
    )
    assert _lines(chain, new.id)[1].quantity == 1
    with chain.services.db.read() as conn:
        moves = conn.execute(
            sa.select(t.stock_movements.c.store_id, t.stock_movements.c.delta).where(
                t.stock_movements.c.kind == "damaged"
            )
        ).all()
        rejection = conn.execute(sa.select(t.fulfillment_rejections)).one()
    assert [tuple(m) for m in moves] == [(chain.a.store_id, -1)]
    assert (rejection.fulfillment_id, rejection.reason) == (f.id, "damaged")
    audit = _audit(chain, "replace_item")
    assert audit.details["before"] == [
        {"fulfillment_id": f.id, "store_id": chain.a.store_id, "quantity": 1}
    ]
    assert audit.details["after"]["fulfillment_id"] == new.id
    assert audit.details["after"]["method"] == "ship_to_store"


def test_replace_staged_item_from_own_shelf(chain: Chain) -> None:
    """The only item of a ready pickup is damaged: the pickup ends (its bin free, nothing
    to put back) and a new pickup at the same store takes a unit from the shelf."""
    number = chain.order(lines={"SKU-3": 1})
    f = chain.fulfillment(number)
    _ready(chain, chain.a, f.id)
    r = chain.result(
        chain.a,
        "replace_item",
        number,
        staff=chain.a.manager,
        line_no=1,
        quantity=1,
        source_store_id=chain.a.store_id,
        reason="damaged",
    )
    assert r["status"] == "applied", r
    ended = chain.fulfillments(number)[0]
    assert ended.status == "cancelled"
    assert ended.returned_at is not None
    new = chain.fulfillments(number)[-1]
    assert (new.store_id, new.method, new.status) == (chain.a.store_id, "store_pickup", "open")
    assert new.pickup_code == ended.pickup_code  # one code per pickup store
    assert _stock(chain, chain.a.store_id, "SKU-3") == (4, 1)


def test_replace_item_refusals(chain: Chain) -> None:
    """Too little at the source, wrong role, wrong reason kind, stale, after handover."""
    number = chain.order(lines={"SKU-1": 1})
    f = chain.fulfillment(number)
    with chain.services.db.write() as conn:
        conn.execute(
            sa.update(t.inventory)
            .where(t.inventory.c.store_id == chain.b.store_id, t.inventory.c.sku == "SKU-1")
            .values(on_hand=3, reserved=3)
        )
    kw: dict[str, Any] = {"line_no": 1, "quantity": 1, "reason": "damaged"}
    r = chain.result(
        chain.a, "replace_item", number, staff=chain.a.lead, source_store_id=chain.b.store_id, **kw
    )
    assert (r["code"], r["message"]) == (
        "insufficient_stock",
        "Store RTM1 has 0 of SKU-1 available, 1 needed",
    )
    r = chain.result(chain.a, "replace_item", number, source_store_id=chain.a.store_id, **kw)
    assert r["code"] == "permission_denied"
    r = chain.result(
        chain.a,
        "replace_item",
        number,
        staff=chain.a.lead,
        source_store_id=chain.a.store_id,
        **{**kw, "reason": "customer_request"},
    )
    assert r["code"] == "missing_requirement"
    r = chain.result(
        chain.a,
        "replace_item",
        number,
        staff=chain.a.lead,
        source_store_id=chain.a.store_id,
        **{**kw, "quantity": 2},
    )
    assert (r["code"], r["message"]) == (
        "illegal_transition",
        "line 1: cannot replace 2, only 1 not yet packed or shipped",
    )
    r = chain.result(
        chain.a,
        "replace_item",
        number,
        staff=chain.a.lead,
        base_version=0,
        source_store_id=chain.a.store_id,
        **kw,
    )
    assert r["code"] == "stale_version"
    _ready(chain, chain.a, f.id)
    code = chain.fulfillment(number).pickup_code
    chain.result(
        chain.a, "hand_over", f.id, verification={"method": "pickup_code", "pickup_code": code}
    )
    r = chain.result(
        chain.a, "replace_item", number, staff=chain.a.lead, source_store_id=chain.a.store_id, **kw
    )
    assert (r["code"], r["message"]) == (
        "illegal_transition",
        "line 1: cannot replace 1, only 0 not yet packed or shipped",
    )


# --- edit_contact ------------------------------------------------------------------------


def test_edit_contact_changes_only_what_is_given(chain: Chain) -> None:
    """An associate may edit contact details; only the keys given change; the alternate
    pickup person is removed with an empty name."""
    number = chain.order()
    version = chain.order_version(number)
    r = chain.result(
        chain.a,
        "edit_contact",
        number,
        phone="06-9876 5432",
        alternate_pickup_name="John Doe",
    )
    assert r["status"] == "applied", r
    assert chain.order_version(number) == version + 1
    order = _order(chain, number)
    with chain.services.db.read() as conn:
        customer = conn.execute(
            sa.select(t.customers).where(t.customers.c.id == order.customer_id)
        ).one()
    assert (customer.name, customer.email, customer.phone) == (
        "Jane Doe",
        "jane@example.com",
        "06-9876 5432",
    )
    assert order.alternate_pickup_name == "John Doe"
    audit = _audit(chain, "edit_contact")
    assert audit.details == {
        "before": {"phone": "+31 6 1234 5678", "alternate_pickup_name": None},
        "after": {"phone": "06-9876 5432", "alternate_pickup_name": "John Doe"},
    }
    r = chain.result(chain.a, "edit_contact", number, alternate_pickup_name="")
    assert r["status"] == "applied", r
    assert _order(chain, number).alternate_pickup_name is None


def test_edit_contact_refusals(chain: Chain) -> None:
    """Bad values, nothing to change, a stale version, another store's station."""
    number = chain.order()
    r = chain.result(chain.a, "edit_contact", number, email="jane at example")
    assert (r["code"], r["message"]) == (
        "missing_requirement",
        "edit_contact: email: 'jane at example' is not an e-mail address",
    )
    r = chain.result(chain.a, "edit_contact", number, phone="12")
    assert "needs at least 6 digits" in r["message"]
    r = chain.result(chain.a, "edit_contact", number)
    assert "nothing to change" in r["message"]
    r = chain.result(chain.a, "edit_contact", number, name="Jane Doe")
    assert (r["code"], r["message"]) == (
        "illegal_transition",
        "nothing changed: the details given are the current ones",
    )
    r = chain.result(chain.a, "edit_contact", number, base_version=0, name="Janet")
    assert r["code"] == "stale_version"
    r = chain.result(chain.b, "edit_contact", number, name="Janet")
    assert r["code"] == "out_of_scope"


# --- resend_ready_notice -----------------------------------------------------------------


def test_resend_ready_notice(chain: Chain) -> None:
    """Only a ready pickup's notice is resent; it changes nothing on the order."""
    number = chain.order()
    r = chain.result(chain.a, "resend_ready_notice", number)
    assert r["code"] == "illegal_transition"
    assert "nothing ready for pickup" in r["message"]
    f = chain.fulfillment(number)
    _ready(chain, chain.a, f.id)
    version = chain.order_version(number)
    r = chain.result(chain.a, "resend_ready_notice", number)
    assert r["status"] == "applied", r
    assert _notices(chain) == ["ready_for_pickup", "ready_for_pickup"]
    assert chain.order_version(number) == version
    audit = _audit(chain, "resend_ready_notice")
    assert audit.details == {"fulfillment_ids": [f.id], "recipient": "jane@example.com"}
    assert (audit.staff_id, audit.approved_by) == (chain.a.associate, None)
    r = chain.result(chain.a, "resend_ready_notice", number, base_version=version - 1)
    assert r["code"] == "stale_version"
    r = chain.result(chain.b, "resend_ready_notice", number)
    assert r["code"] == "out_of_scope"
    r = chain.result(chain.a, "resend_ready_notice", number, nudge=True)
    assert r["message"] == "resend_ready_notice: nudge: Extra inputs are not permitted"


# --- approval, two stations ----------------------------------------------------------------


def test_manager_approval_of_an_associates_change(chain: Chain) -> None:
    """An associate's change with a manager's approval goes through and the audit row names
    both; without approval, or approved by an associate, it is refused."""
    number = chain.order(lines={"SKU-1": 2})
    kw: dict[str, Any] = {"line_no": 1, "quantity": 1, "reason": "customer_request"}
    r = chain.result(chain.a, "change_quantity", number, **kw)
    assert r["code"] == "permission_denied"
    other = chain.second_station(chain.a)
    with chain.services.db.write() as conn:
        from tests.server.factories import make_staff

        colleague = make_staff(conn, store_id=chain.a.store_id)
    r = chain.result(chain.a, "change_quantity", number, approved_by=colleague, **kw)
    assert (r["code"], r["message"]) == (
        "permission_denied",
        "only a manager can approve on someone's behalf",
    )
    r = chain.result(chain.a, "change_quantity", number, approved_by=chain.b.manager, **kw)
    assert r["code"] == "permission_denied"
    r = chain.result(other, "change_quantity", number, approved_by=chain.a.manager, **kw)
    assert r["status"] == "applied", r
    audit = _audit(chain, "change_quantity")
    assert (audit.staff_id, audit.approved_by) == (chain.a.associate, chain.a.manager)
    assert audit.station_id is not None
    token = sign_in_token(
        chain.client, username=_username(chain, chain.a.manager), station_token=other.station_token
    )
    detail = chain.client.get(f"{API_PREFIX}/orders/{number}", headers=bearer(token))
    assert detail.status_code == 200, detail.text
    entry = next(e for e in detail.json()["timeline"] if e["action"] == "change_quantity")
    assert entry["staff_name"] == _username(chain, chain.a.associate).title()
    assert entry["approved_by_name"] == _username(chain, chain.a.manager).title()
    assert entry["station_name"] == "Counter 2"
    assert entry["reason"] == "customer_request"


def _username(chain: Chain, staff_id: int) -> str:
    with chain.services.db.read() as conn:
        return username_of(conn, staff_id)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            ("edit_contact", {"name": "Janet Doe"}),
            ("change_delivery", {"method": "delivery", "address": ADDRESS}),
        ),
        (
            ("change_delivery", {"method": "delivery", "address": ADDRESS}),
            ("replace_item", {"line_no": 1, "quantity": 1, "source_store_id": 0}),
        ),
        (
            ("replace_item", {"line_no": 1, "quantity": 1, "source_store_id": 0}),
            ("edit_contact", {"alternate_pickup_name": "John"}),
        ),
    ],
)
def test_two_stations_change_the_same_order(
    chain: Chain, first: tuple[str, dict[str, Any]], second: tuple[str, dict[str, Any]]
) -> None:
    """Two stations change the order from the same version: the first wins, the second
    is refused stale_version with the order as it is now."""
    number = chain.order(lines={"SKU-1": 2})
    version = chain.order_version(number)
    other = chain.second_station(chain.a)
    results = []
    for side, (name, args) in ((chain.a, first), (other, second)):
        args = dict(args)
        if name == "replace_item":
            args["source_store_id"] = chain.a.store_id
        if name != "edit_contact":
            args.setdefault("reason", "damaged" if name == "replace_item" else "customer_request")
        results.append(
            chain.result(side, name, number, staff=side.lead, base_version=version, **args)
        )
    assert results[0]["status"] == "applied", results[0]
    loser = results[1]
    assert loser["code"] == "stale_version"
    assert f"based on version {version}, the current version is {version + 1}" in (loser["message"])
    current = loser["current"]
    assert current
    assert {c["data"]["order"]["version"] for c in current} == {version + 1}
    assert {c["data"]["order_number"] for c in current} == {number}


# --- reads ---------------------------------------------------------------------------------


def test_search_by_sku_and_phone_digits(chain: Chain) -> None:
    """Search finds orders by a line's SKU and by phone digits whatever their formatting;
    store staff see only their store's orders."""
    mine = chain.order(lines={"SKU-3": 1})
    theirs = chain.order(store="b", lines={"SKU-2": 1}, email="bob@example.com")
    token = sign_in_token(
        chain.client,
        username=_username(chain, chain.a.lead),
        station_token=chain.a.station_token,
    )

    def search(q: str) -> list[str]:
        r = chain.client.get(f"{API_PREFIX}/orders", params={"q": q}, headers=bearer(token))
        assert r.status_code == 200, r.text
        return [hit["number"] for hit in r.json()]

    assert search("sku-3") == [mine]
    assert search("SKU-2") == []  # store B's order
    assert search("0612345678"[1:]) == [mine]  # "612345678" in "+31 6 1234 5678"
    assert search("6-1234-5678") == [mine]
    assert search("(6) 1234") == [mine]
    assert theirs not in search("Jane")


def test_order_detail_shows_delivery(chain: Chain) -> None:
    """The detail says how the order reaches the customer, with the address for delivery."""
    number = chain.order(delivery=True)
    token = sign_in_token(
        chain.client,
        username=_username(chain, chain.a.lead),
        station_token=chain.a.station_token,
    )
    body = chain.client.get(f"{API_PREFIX}/orders/{number}", headers=bearer(token)).json()
    assert body["delivery"] == "delivery"
    assert body["shipping_address"]["line1"] == "Dam 1"
    assert body["pickup_store_id"] is None


def test_new_reason_codes_reach_an_existing_database(chain: Chain) -> None:
    """A database created before the ``change`` reasons existed gets them on start."""
    with chain.services.db.write() as conn:
        conn.execute(sa.delete(t.reason_codes).where(t.reason_codes.c.kind == "change"))
    with chain.services.db.write() as conn:
        server_db.initialize(conn)
        codes = conn.execute(
            sa.select(t.reason_codes.c.code).where(t.reason_codes.c.kind == "change")
        ).scalars()
        assert set(codes) == {r.code for r in reasons_for(ReasonKind.CHANGE)}
    with chain.services.db.read() as conn:
        published = conn.execute(
            sa.select(t.changes.c.key).where(t.changes.c.kind == "reason_code")
        ).scalars()
        assert "change:address_error" in set(published)
