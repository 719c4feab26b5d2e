"""Order intake over HTTP and as a service: idempotency, payment, fraud, availability."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlalchemy.engine import Connection

from desktop_oms.domain.entities import Channel
from desktop_oms.domain.roles import Role
from desktop_oms.protocol import API_PREFIX
from desktop_oms.protocol.errors import ErrorCode
from desktop_oms.protocol.intake import AddressIn, Delivery, OrderIn
from desktop_oms.server import documents, fraud, intake
from desktop_oms.server import schema as t
from desktop_oms.server.errors import ApiError
from desktop_oms.server.payments import (
    APPROVE_CARD,
    DECLINE_CARD,
    ERROR_CARD,
    Authorization,
    AuthOutcome,
    TestPaymentProvider,
)
from desktop_oms.server.services import Services
from tests.server.factories import bearer, make_channel, make_staff, make_store, sign_in_token

ORDERS = f"{API_PREFIX}/orders"
NUMBER = re.compile(r"^[A-Z]{2,4}-\d{5,10}$")

# Amsterdam centre, Haarlem (~18 km), Utrecht (~35 km), a DC near Amsterdam.
CHAIN = {
    "AMS1": ("store", 52.3702, 4.8952),
    "HAA1": ("store", 52.3874, 4.6462),
    "UTR1": ("store", 52.0907, 5.1214),
    "DC1": ("dc", 52.3000, 4.7600),
}


@dataclass
class Chain:
    """Store ids by code, and a sales channel's id and key."""

    stores: dict[str, int]
    channel_id: int
    key: str


@pytest.fixture
def chain(services: Services) -> Chain:
    """Four locations, three products, stock of each; a web channel."""
    with services.db.write() as conn:
        ids = {
            code: make_store(conn, code=code, kind=kind, lat=lat, lon=lon)
            for code, (kind, lat, lon) in CHAIN.items()
        }
        for sku, price in (("DRILL", 8999), ("SAW", 2500), ("TV", 180000)):
            conn.execute(
                sa.insert(t.products).values(
                    sku=sku,
                    name=sku.title(),
                    department="tools",
                    price_minor=price,
                    currency="EUR",
                    attributes={},
                )
            )
        stock = {
            ("AMS1", "DRILL"): 5,
            ("HAA1", "DRILL"): 3,
            ("UTR1", "DRILL"): 2,
            ("AMS1", "SAW"): 4,
            ("DC1", "SAW"): 40,
            ("AMS1", "TV"): 3,
        }
        for (code, sku), on_hand in stock.items():
            conn.execute(
                sa.insert(t.inventory).values(
                    store_id=ids[code], sku=sku, on_hand=on_hand, safety_stock=1
                )
            )
        channel_id, key = make_channel(conn)
    return Chain(ids, channel_id, key)


ADDRESS: dict[str, Any] = {
    "name": "Ann Buyer",
    "line1": "Damrak 1",
    "city": "Amsterdam",
    "postal_code": "1012 LG",
    "country": "NL",
}


def body(**changes: Any) -> dict[str, Any]:
    """A valid pickup order at AMS1 for one drill; keyword args replace top-level fields."""
    data: dict[str, Any] = {
        "channel": "web",
        "external_ref": "web-1",
        "currency": "EUR",
        "customer": {
            "external_id": "cust-1",
            "name": "Ann Buyer",
            "email": "Ann@Example.com",
            "phone": "+31201234567",
        },
        "delivery": "pickup",
        "pickup_store_code": "AMS1",
        "billing_address": ADDRESS,
        "lines": [{"sku": "DRILL", "quantity": 1, "unit_price_minor": 8999}],
        "payment": {"card_number": APPROVE_CARD, "holder": "Ann Buyer"},
    }
    data.update(copy.deepcopy(changes))
    return data


def delivery(**changes: Any) -> dict[str, Any]:
    """A delivery order to central Amsterdam."""
    fields: dict[str, Any] = {
        "delivery": "delivery",
        "pickup_store_code": None,
        "shipping_address": {**ADDRESS, "latitude": 52.3730, "longitude": 4.8900},
    }
    fields.update(changes)
    return body(**fields)


def post(client: TestClient, chain: Chain, data: dict[str, Any], key: str | None = "k-1") -> Any:
    """POST an order with the channel's key and an Idempotency-Key (None: no header)."""
    headers = bearer(chain.key)
    if key is not None:
        headers["Idempotency-Key"] = key
    return client.post(ORDERS, json=data, headers=headers)


def count(services: Services, table: sa.Table) -> int:
    """Rows in a table."""
    with services.db.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def reserved(services: Services) -> int:
    """Reserved units over all stock."""
    with services.db.read() as conn:
        return int(conn.execute(sa.select(sa.func.sum(t.inventory.c.reserved))).scalar_one())


@dataclass
class CountingProvider:
    """A payment provider that answers from a script (then approves) and counts calls."""

    script: list[AuthOutcome | Exception] = field(default_factory=list)
    calls: int = 0

    def authorize(self, amount_minor: int, currency: str, card_number: str) -> Authorization:
        """Next scripted outcome, else the test provider's answer."""
        self.calls += 1
        if self.script:
            step = self.script.pop(0)
            if isinstance(step, Exception):
                raise step
            return Authorization(step, "AUTH-1" if step is AuthOutcome.APPROVED else None, "x")
        return TestPaymentProvider().authorize(amount_minor, currency, card_number)


# --- the happy path --------------------------------------------------------------------


def test_order_is_routed_reserved_recorded_and_published(
    client: TestClient, services: Services, chain: Chain
) -> None:
    """201: number, payment, fulfillment with pickup code; stock reserved; audit; feed."""
    r = post(client, chain, body())
    assert r.status_code == 201, r.text
    out = r.json()
    assert NUMBER.match(out["number"]) and out["number"].startswith("WEB-")
    assert out["payment_state"] == "authorized" and out["fraud_state"] == "clear"
    assert out["total_minor"] == 8999
    assert [(f["store_code"], f["method"], f["status"]) for f in out["fulfillments"]] == [
        ("AMS1", "store_pickup", "open")
    ]
    assert out["allocations"] == [
        {
            "line_no": 1,
            "sku": "DRILL",
            "quantity": 1,
            "store_code": "AMS1",
            "method": "store_pickup",
            "fulfillment_id": out["fulfillments"][0]["id"],
        }
    ]
    assert out["unfillable"] == []
    assert reserved(services) == 1
    with services.db.read() as conn:
        f = conn.execute(sa.select(t.fulfillments)).one()
        assert re.fullmatch(r"\d{6}", f.pickup_code)
        assert f.promised_at is not None and f.pickup_deadline is None
        customer = conn.execute(sa.select(t.customers)).one()
        assert customer.email == "ann@example.com"
        actions = conn.execute(
            sa.select(t.audit.c.action).where(t.audit.c.entity_key == out["number"])
        ).scalars()
        assert list(actions) == ["place_order"]
        feed_rows = conn.execute(
            sa.select(t.changes.c.kind, t.changes.c.key, t.changes.c.data).where(
                t.changes.c.kind.in_(["fulfillment", "inventory"])
            )
        ).all()
    published = {(r.kind, r.key) for r in feed_rows}
    assert ("fulfillment", str(f.id)) in published
    assert ("inventory", f"{chain.stores['AMS1']}:DRILL") in published
    doc = next(r.data for r in feed_rows if r.kind == "fulfillment")
    assert doc["pickup_code"] == f.pickup_code and doc["customer"]["name"] == "Ann Buyer"


def test_order_numbers_are_unique_per_channel_prefix(
    client: TestClient, services: Services, chain: Chain
) -> None:
    """Each order gets its own number with its channel's prefix."""
    with services.db.write() as conn:
        _, mkt_key = make_channel(conn, channel=Channel.MARKETPLACE)
    numbers = [post(client, chain, body(), key=f"k-{i}").json()["number"] for i in range(3)]
    r = client.post(
        ORDERS,
        json=body(channel="marketplace"),
        headers={**bearer(mkt_key), "Idempotency-Key": "k-0"},
    )
    assert r.status_code == 201, r.text
    numbers.append(r.json()["number"])
    assert len(set(numbers)) == 4
    assert all(NUMBER.match(n) for n in numbers)
    assert numbers[-1].startswith("MKT-")


# --- idempotency -----------------------------------------------------------------------


def test_same_key_same_body_gets_the_stored_answer(
    client: TestClient, services: Services, chain: Chain
) -> None:
    """A retry answers the first status and body again and places nothing new."""
    first = post(client, chain, body())
    again = post(client, chain, body())
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert count(services, t.orders) == 1
    assert reserved(services) == 1


def test_same_key_other_body_is_refused(
    client: TestClient, services: Services, chain: Chain
) -> None:
    """Reusing a key for another order is a 422; the first order stands alone."""
    assert post(client, chain, body()).status_code == 201
    other = body(lines=[{"sku": "DRILL", "quantity": 2, "unit_price_minor": 8999}])
    r = post(client, chain, other)
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "idempotency_key_reused"
    assert count(services, t.orders) == 1


def test_missing_key_is_refused(client: TestClient, services: Services, chain: Chain) -> None:
    """No Idempotency-Key header: 400 and nothing placed."""
    r = post(client, chain, body(), key=None)
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "idempotency_key_missing"
    assert count(services, t.orders) == 0


def test_keys_are_per_channel(client: TestClient, services: Services, chain: Chain) -> None:
    """Two channels may use the same key for different orders."""
    with services.db.write() as conn:
        _, other_key = make_channel(conn)
    assert post(client, chain, body()).status_code == 201
    r = client.post(ORDERS, json=body(), headers={**bearer(other_key), "Idempotency-Key": "k-1"})
    assert r.status_code == 201
    assert count(services, t.orders) == 2


def test_a_key_may_only_place_its_own_channels_orders(
    client: TestClient, services: Services, chain: Chain
) -> None:
    """A web shop's key cannot send marketplace orders; no key at all is a 401."""
    r = post(client, chain, body(channel="marketplace"))
    assert r.status_code == 403
    assert client.post(ORDERS, json=body(), headers={"Idempotency-Key": "x"}).status_code == 401
    assert count(services, t.orders) == 0


# --- payment ---------------------------------------------------------------------------


def test_declined_payment_stores_nothing_and_replays_the_decline(
    client: TestClient, services: Services, chain: Chain
) -> None:
    """402: no order, customer, fulfillment or reservation; a retry is not charged again."""
    provider = CountingProvider()
    services.payments = provider
    data = body(payment={"card_number": DECLINE_CARD, "holder": "Ann Buyer"})
    r = post(client, chain, data)
    assert r.status_code == 402
    assert r.json()["error"]["code"] == "payment_declined"
    for table in (t.orders, t.order_lines, t.customers, t.fulfillments, t.fulfillment_lines):
        assert count(services, table) == 0
    assert reserved(services) == 0
    with services.db.read() as conn:
        assert conn.execute(sa.select(t.audit).where(t.audit.c.entity == "order")).first() is None
    again = post(client, chain, data)
    assert again.status_code == 402 and again.json() == r.json()
    assert provider.calls == 1


@pytest.mark.parametrize(
    "failure", [AuthOutcome.ERROR, ConnectionError("processor timed out")], ids=["error", "raises"]
)
def test_provider_failure_stores_nothing_and_a_retry_succeeds(
    client: TestClient, services: Services, chain: Chain, failure: AuthOutcome | Exception
) -> None:
    """503 payment_unavailable leaves no trace, not even the key: the same key retries."""
    services.payments = CountingProvider(script=[failure])
    r = post(client, chain, body())
    assert r.status_code == 503
    assert r.json()["error"]["code"] == "payment_unavailable"
    for table in (t.orders, t.customers, t.fulfillments, t.idempotency_keys):
        assert count(services, table) == 0
    assert reserved(services) == 0
    retry = post(client, chain, body())
    assert retry.status_code == 201
    assert count(services, t.orders) == 1


def test_test_card_that_fails_is_a_503(client: TestClient, chain: Chain) -> None:
    """The built-in provider's error card answers 503."""
    r = post(client, chain, body(payment={"card_number": ERROR_CARD, "holder": "A"}))
    assert r.status_code == 503


# --- validation ------------------------------------------------------------------------


def test_unknown_skus_and_stores_are_named(
    client: TestClient, services: Services, chain: Chain
) -> None:
    """422 unknown_sku lists the SKUs; unknown_store names the store; a DC is no pickup."""
    lines = [
        {"sku": "NOPE-1", "quantity": 1, "unit_price_minor": 1},
        {"sku": "DRILL", "quantity": 1, "unit_price_minor": 1},
        {"sku": "NOPE-2", "quantity": 1, "unit_price_minor": 1},
    ]
    r = post(client, chain, body(lines=lines), key="a")
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "unknown_sku"
    assert r.json()["error"]["details"]["skus"] == ["NOPE-1", "NOPE-2"]
    r = post(client, chain, body(pickup_store_code="XX99"), key="b")
    assert (r.status_code, r.json()["error"]["code"]) == (422, "unknown_store")
    assert "XX99" in r.json()["error"]["message"]
    r = post(client, chain, body(pickup_store_code="DC1"), key="c")
    assert (r.status_code, r.json()["error"]["code"]) == (422, "unknown_store")
    assert count(services, t.orders) == 0 and count(services, t.idempotency_keys) == 0


def test_nothing_in_stock_is_refused_before_payment(
    client: TestClient, services: Services, chain: Chain
) -> None:
    """409 insufficient_stock when no location has any unit; the card is not touched."""
    provider = CountingProvider()
    services.payments = provider
    with services.db.write() as conn:
        conn.execute(sa.update(t.inventory).where(t.inventory.c.sku == "TV").values(on_hand=1))
    lines = [{"sku": "TV", "quantity": 1, "unit_price_minor": 1}]
    r = post(client, chain, body(lines=lines))
    assert (r.status_code, r.json()["error"]["code"]) == (409, "insufficient_stock")
    assert provider.calls == 0


def test_partly_unfillable_order_is_accepted(
    client: TestClient, services: Services, chain: Chain
) -> None:
    """What the chain lacks comes back in ``unfillable`` and on the order line."""
    lines = [{"sku": "DRILL", "quantity": 9, "unit_price_minor": 100}]
    r = post(client, chain, body(lines=lines))
    assert r.status_code == 201, r.text
    out = r.json()
    # ATP: AMS1 4, HAA1 2, UTR1 1 (safety stock 1 each) -> 7 placed, 2 unfillable
    assert sum(a["quantity"] for a in out["allocations"]) == 7
    assert [(u["sku"], u["quantity"], u["store_code"]) for u in out["unfillable"]] == [
        ("DRILL", 2, None)
    ]
    with services.db.read() as conn:
        assert conn.execute(sa.select(t.order_lines.c.unfillable)).scalar_one() == 2


# --- fraud -----------------------------------------------------------------------------


def _order(data: dict[str, Any]) -> OrderIn:
    return OrderIn.model_validate(data)


def _place(services: Services, data: dict[str, Any], now: datetime | None = None) -> Any:
    with services.db.write() as conn:
        return intake.place_order(conn, TestPaymentProvider(), _order(data), now=now)


def _repeat_customer(services: Services, now: datetime) -> None:
    """One earlier, small order by the same e-mail, long enough ago not to be 'recent'."""
    _place(services, body(external_ref="old"), now=now - timedelta(days=30))


TV_LINE = [{"sku": "TV", "quantity": 1, "unit_price_minor": 160000}]
FOREIGN = {**ADDRESS, "country": "BE", "postal_code": "1000", "latitude": 50.85, "longitude": 4.35}
ELSEWHERE = {**ADDRESS, "postal_code": "3511 AA", "latitude": 52.09, "longitude": 5.12}


@pytest.mark.parametrize(
    ("rule", "data", "repeat"),
    [
        ("country_mismatch", delivery(shipping_address=FOREIGN), False),
        ("postal_code_mismatch", delivery(shipping_address=ELSEWHERE), False),
        ("high_value", body(lines=TV_LINE), True),
        (
            "first_order_high_value",
            body(lines=[{"sku": "DRILL", "quantity": 1, "unit_price_minor": 120000}]),
            False,
        ),
    ],
)
def test_each_fraud_rule_holds_the_order_for_review(
    services: Services, chain: Chain, rule: str, data: dict[str, Any], repeat: bool
) -> None:
    """The rule alone hits; the order is on review, still routed and reserved, and the
    store sees the hold in the fulfillment document."""
    now = datetime.now(UTC)
    if repeat:
        _repeat_customer(services, now)
    before = reserved(services)
    out = _place(services, data, now=now)
    assert out.fraud_state.value == "review"
    assert out.fraud_rules == [rule]
    assert out.allocations and reserved(services) == before + out.allocations[0].quantity
    with services.db.read() as conn:
        doc = documents.fulfillment_docs(conn, [out.fulfillments[0].id])[0]
        stored = conn.execute(
            sa.select(t.orders.c.fraud_state, t.orders.c.fraud_rules).where(
                t.orders.c.number == out.number
            )
        ).one()
    assert doc.data is not None
    assert doc.data["order"]["fraud_state"] == "review"
    assert doc.data["order"]["fraud_rules"] == [rule]
    assert (stored.fraud_state, stored.fraud_rules) == ("review", [rule])


def test_velocity_counts_orders_by_email_in_ten_minutes(services: Services, chain: Chain) -> None:
    """A fourth order by one address within 10 minutes is held; older ones do not count."""
    now = datetime.now(UTC)
    _place(services, body(external_ref="old"), now=now - timedelta(minutes=11))
    for i in range(3):
        # other customer ids, the address in another case: still the same person. Had the
        # 11-minute-old order counted, the third of these would already be held.
        customer = {**body()["customer"], "external_id": f"c{i}", "email": "ANN@example.com"}
        out = _place(services, body(customer=customer), now=now - timedelta(seconds=50 - 10 * i))
        assert out.fraud_rules == [], i
    out = _place(services, body(), now=now)
    assert out.fraud_rules == ["velocity"]
    assert out.fraud_state.value == "review"


def test_clear_order_and_pure_rules() -> None:
    """The rules as pure functions: postal codes compare without spaces and case."""
    billing = AddressIn.model_validate(ADDRESS)
    same = AddressIn.model_validate({**ADDRESS, "postal_code": "1012lg"})
    facts = fraud.OrderFacts(Delivery.DELIVERY, billing, same, 10_000, 0, 2)
    assert fraud.evaluate(facts) == []
    assert fraud.verdict([]).value == "clear"
    pickup = fraud.OrderFacts(Delivery.PICKUP, billing, None, 10_000, 0, 0)
    assert fraud.evaluate(pickup) == []
    strict = fraud.FraudConfig(high_value_minor=5_000)
    assert fraud.evaluate(facts, strict) == ["high_value"]
    busy = fraud.OrderFacts(Delivery.PICKUP, billing, None, 100, 3, 3)
    assert fraud.evaluate(busy) == ["velocity"]


# --- idempotency as a service ----------------------------------------------------------


def test_with_idempotency_rolls_back_effects_of_a_stored_error(
    services: Services, chain: Chain
) -> None:
    """A stored decline keeps the claim and the answer but none of ``fn``'s writes."""

    def fn(conn: Connection) -> tuple[int, dict[str, Any]]:
        conn.execute(sa.insert(t.settings).values(key="leak", value=1))
        raise ApiError(402, ErrorCode.PAYMENT_DECLINED, "no")

    with services.db.write() as conn:
        answer = intake.with_idempotency(conn, "p", "k", "h", fn)
    assert answer.status == 402 and not answer.replayed
    assert answer.body["error"]["code"] == "payment_declined"
    with services.db.read() as conn:
        assert conn.execute(sa.select(t.settings).where(t.settings.c.key == "leak")).first() is None
        row = conn.execute(sa.select(t.idempotency_keys)).one()
    assert (row.principal, row.key, row.status_code) == ("p", "k", 402)


# --- availability ----------------------------------------------------------------------


def test_availability_nearest_first_for_staff_and_channels(
    client: TestClient, services: Services, chain: Chain
) -> None:
    """Stores (no DCs) nearest first with ATP; staff and channels may read; others not."""
    with services.db.write() as conn:
        staff_id = make_staff(conn, store_id=chain.stores["AMS1"], role=Role.ASSOCIATE)
        username = conn.execute(
            sa.select(t.staff.c.username).where(t.staff.c.id == staff_id)
        ).scalar_one()
    token = sign_in_token(client, username=username)
    url = f"{API_PREFIX}/availability/DRILL"
    near_utrecht = {"lat": 52.09, "lon": 5.12}
    for who in (token, chain.key):
        r = client.get(url, params=near_utrecht, headers=bearer(who))
        assert r.status_code == 200, r.text
        out = r.json()
        assert out["sku"] == "DRILL" and out["name"] == "Drill"
        got = [(s["store_code"], s["available"]) for s in out["stores"]]
        assert got == [("UTR1", 1), ("AMS1", 4), ("HAA1", 2)]
        distances = [s["distance_km"] for s in out["stores"]]
        assert distances == sorted(distances) and distances[0] < 1
        assert all(isinstance(s["open_now"], bool) for s in out["stores"])
        assert out["stores"][0]["opening_hours"]["sun"] is None
    r = client.get(url, params={**near_utrecht, "limit": 1}, headers=bearer(token))
    assert [s["store_code"] for s in r.json()["stores"]] == ["UTR1"]
    assert client.get(url).status_code == 401
    r = client.get(f"{API_PREFIX}/availability/NOPE", headers=bearer(token))
    assert (r.status_code, r.json()["error"]["code"]) == (404, "unknown_sku")
    r = client.get(url, params={"lat": 52.0}, headers=bearer(token))
    assert r.status_code == 422


def test_availability_open_now_follows_the_stores_clock(services: Services, chain: Chain) -> None:
    """Open at 10:00 Amsterdam time on a Monday, closed on Sunday; without a point by code."""
    from desktop_oms.server import reservations

    monday_10 = datetime(2024, 6, 3, 8, 0, tzinfo=UTC)  # 10:00 CEST
    sunday_10 = datetime(2024, 6, 2, 8, 0, tzinfo=UTC)
    with services.db.read() as conn:
        open_ = reservations.store_availability(conn, "SAW", now=monday_10)
        closed = reservations.store_availability(conn, "SAW", now=sunday_10)
    assert open_ is not None and closed is not None
    assert [s.store_code for s in open_.stores] == ["AMS1", "HAA1", "UTR1"]
    assert [s.available for s in open_.stores] == [3, 0, 0]
    assert all(s.open_now for s in open_.stores)
    assert not any(s.open_now for s in closed.stores)
    assert all(s.distance_km is None for s in open_.stores)
