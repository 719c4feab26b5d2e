"""The model's values: opening hours, stock, orders, fulfillments, staff and money."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_oms.domain.entities import (
    Channel,
    Customer,
    FraudState,
    Fulfillment,
    FulfillmentLine,
    InventoryLevel,
    OpeningHours,
    Order,
    OrderLine,
    PaymentState,
    Product,
    ProductIdentifier,
    Staff,
    Store,
    StoreKind,
)
from desktop_oms.domain.errors import InvalidCode
from desktop_oms.domain.identifiers import IdentifierKind
from desktop_oms.domain.money import Money
from desktop_oms.domain.roles import Role
from desktop_oms.domain.status import FulfillmentMethod, FulfillmentStatus

PARIS = ZoneInfo("Europe/Paris")
UTC = dt.UTC
HOURS_JSON = {
    "mon": ["09:00", "20:00"],
    "tue": ["09:00", "20:00"],
    "wed": ["09:00", "20:00"],
    "thu": ["09:00", "20:00"],
    "fri": ["09:00", "22:00"],
    "sat": ["18:00", "02:00"],
    "sun": None,
}


def _paris(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=PARIS)


# --- opening hours ---------------------------------------------------------------------


def test_opening_hours_round_trip() -> None:
    """parse and to_dict are inverse on the JSON form."""
    hours = OpeningHours.parse(HOURS_JSON)
    assert hours.to_dict() == HOURS_JSON
    assert OpeningHours.parse(hours.to_dict()) == hours
    assert hours.closed_days == ("sun",)


def test_is_open_on_the_local_clock() -> None:
    """Open and close are wall-clock times in the store's zone; close is exclusive."""
    hours = OpeningHours.parse(HOURS_JSON)
    monday = (2026, 3, 2)
    assert not hours.is_open(_paris(*monday, 8, 59), PARIS)
    assert hours.is_open(_paris(*monday, 9, 0), "Europe/Paris")
    assert hours.is_open(_paris(*monday, 19, 59, 59), PARIS)
    assert not hours.is_open(_paris(*monday, 20, 0), PARIS)
    # 08:30 UTC is 09:30 in Paris in winter: open, although 08:30 alone would not be.
    assert hours.is_open(dt.datetime(*monday, 8, 30, tzinfo=UTC), PARIS)
    assert not hours.is_open(dt.datetime(*monday, 8, 30, tzinfo=UTC), "UTC")


def test_is_open_past_midnight_and_closed_days() -> None:
    """Saturday 18:00-02:00 covers early Sunday; the rest of Sunday is closed."""
    hours = OpeningHours.parse(HOURS_JSON)
    assert hours.is_open(_paris(2026, 3, 7, 23, 30), PARIS)
    assert hours.is_open(_paris(2026, 3, 8, 1, 59), PARIS)
    assert not hours.is_open(_paris(2026, 3, 8, 2, 0), PARIS)
    assert not hours.is_open(_paris(2026, 3, 8, 12, 0), PARIS)
    assert not hours.is_open(_paris(2026, 3, 7, 17, 59), PARIS)


def test_is_open_across_dst() -> None:
    """On the spring-forward day, 08:30 UTC is 10:30 in Paris."""
    hours = OpeningHours.parse({"sun": ["10:00", "12:00"]})
    assert hours.is_open(dt.datetime(2026, 3, 29, 8, 30, tzinfo=UTC), PARIS)
    assert not hours.is_open(dt.datetime(2026, 3, 22, 8, 30, tzinfo=UTC), PARIS)


def test_round_the_clock_and_until_midnight() -> None:
    """00:00-24:00 is always open; 24:00 closes at midnight without spilling over."""
    hours = OpeningHours.parse({"mon": ["00:00", "24:00"], "tue": ["09:00", "24:00"]})
    assert hours.to_dict()["mon"] == ["00:00", "24:00"]
    assert hours.is_open(_paris(2026, 3, 2, 0, 0), PARIS)
    assert hours.is_open(_paris(2026, 3, 2, 23, 59), PARIS)
    assert hours.is_open(_paris(2026, 3, 3, 23, 59), PARIS)
    assert not hours.is_open(_paris(2026, 3, 4, 0, 0), PARIS)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"mon": ["9:00", "20:00"]}, "HH:MM"),
        ({"mon": ["24:00", "20:00"]}, "HH:MM"),
        ({"mon": ["09:00"]}, "expected \\[opens, closes\\]"),
        ({"mon": "09:00-20:00"}, "expected \\[opens, closes\\]"),
        ({"tues": ["09:00", "20:00"]}, "unknown weekdays"),
    ],
)
def test_opening_hours_refuse_bad_json(data: dict[str, object], message: str) -> None:
    """Bad hours are refused with the day and the expected form."""
    with pytest.raises(ValueError, match=message):
        OpeningHours.parse(data)


def test_is_open_needs_an_aware_time() -> None:
    """A naive datetime has no instant; comparing it would silently use the host's zone."""
    with pytest.raises(ValueError, match="timezone-aware"):
        OpeningHours().is_open(dt.datetime(2026, 3, 2, 10, 0), PARIS)


# --- stores and products ---------------------------------------------------------------


def _store(**changes: object) -> Store:
    store = Store(
        id=1,
        code="PAR01",
        name="Paris Rivoli",
        kind=StoreKind.STORE,
        address="1 rue de Rivoli",
        city="Paris",
        postal_code="75001",
        country="FR",
        latitude=48.8566,
        longitude=2.3522,
        timezone="Europe/Paris",
        opening_hours=OpeningHours.parse(HOURS_JSON),
    )
    return dataclasses.replace(store, **changes)  # type: ignore[arg-type]


def test_store_is_open_in_its_zone() -> None:
    """A store reads its hours on its own clock."""
    store = _store()
    assert store.zone == PARIS
    assert store.is_open(dt.datetime(2026, 3, 2, 8, 30, tzinfo=UTC))
    assert not store.is_open(dt.datetime(2026, 3, 2, 19, 30, tzinfo=UTC))


def test_store_validation() -> None:
    """Bad coordinates, country or code are refused."""
    with pytest.raises(ValueError, match="no such place"):
        _store(latitude=91.0)
    with pytest.raises(ValueError, match="ISO 3166"):
        _store(country="FRA")
    with pytest.raises(InvalidCode, match="store code"):
        _store(code="paris-1")


def test_product_identifiers_and_attributes() -> None:
    """GTIN identifiers are checked and keyed by GTIN-14; attributes cannot be changed."""
    attributes = {"colour": "blue"}
    product = Product(
        sku="SKU-1",
        name="Mug",
        department="Kitchen",
        price=Money(1299),
        attributes=attributes,
        identifiers=(
            ProductIdentifier(IdentifierKind.GTIN_13, "4006381333931"),
            ProductIdentifier(IdentifierKind.UPC_E, "04252614"),
            ProductIdentifier(IdentifierKind.STORE, "MUG-BLUE"),
        ),
    )
    attributes["colour"] = "red"
    assert product.attributes == {"colour": "blue"}
    with pytest.raises(TypeError):
        product.attributes["colour"] = "red"  # type: ignore[index]
    assert [i.key for i in product.identifiers] == ["04006381333931", "00042100005264", "MUG-BLUE"]
    assert hash(product) == hash(dataclasses.replace(product))
    with pytest.raises(InvalidCode, match="check digit"):
        ProductIdentifier(IdentifierKind.GTIN_13, "4006381333932")
    with pytest.raises(ValueError, match="price cannot be negative"):
        dataclasses.replace(product, price=Money(-1))


# --- inventory -------------------------------------------------------------------------


@given(
    on_hand=st.integers(-1000, 10**6),
    reserved=st.integers(0, 10**6),
    safety=st.integers(0, 10**4),
)
def test_atp_is_never_negative(on_hand: int, reserved: int, safety: int) -> None:
    """ATP = on hand - reserved - safety stock, floored at zero."""
    level = InventoryLevel(1, "SKU-1", on_hand, reserved, safety)
    assert level.available_to_promise >= 0
    assert level.available_to_promise == max(0, on_hand - reserved - safety)


def test_atp_examples() -> None:
    """Worked examples, and negative reservations refused."""
    assert InventoryLevel(1, "A", 10, 3, 2).available_to_promise == 5
    assert InventoryLevel(1, "A", 2, 3, 2).available_to_promise == 0
    assert InventoryLevel(1, "A", -4).available_to_promise == 0
    with pytest.raises(ValueError, match="cannot be negative"):
        InventoryLevel(1, "A", 10, -1)


# --- orders and fulfillments -----------------------------------------------------------

CREATED = dt.datetime(2026, 3, 2, 9, 15, tzinfo=UTC)


def _order(**changes: object) -> Order:
    order = Order(
        number="WEB-1000234",
        channel=Channel.WEB,
        customer=Customer(7, "Ada Lovelace", "ada@example.com"),
        lines=(
            OrderLine(1, "SKU-1", "Mug", 2, Money(1299)),
            OrderLine(2, "SKU-2", "Plate", 1, Money(450)),
        ),
        payment_state=PaymentState.AUTHORIZED,
        fraud_state=FraudState.CLEAR,
        created_at=CREATED,
    )
    return dataclasses.replace(order, **changes)  # type: ignore[arg-type]


def test_order_total_and_holds() -> None:
    """The total sums line totals; review and failed payments hold the order."""
    order = _order()
    assert order.lines[0].total == Money(2598)
    assert order.total == Money(3048)
    assert order.total.format() == "30.48 EUR"
    assert order.may_fulfil
    assert not _order(fraud_state=FraudState.REVIEW).may_fulfil
    assert _order(fraud_state=FraudState.RELEASED).may_fulfil
    assert not _order(payment_state=PaymentState.DECLINED).may_fulfil
    assert _order(lines=()).total == Money(0)


def test_order_validation() -> None:
    """Bad numbers, naive times, duplicate line numbers and mixed currencies are refused."""
    with pytest.raises(InvalidCode, match="order number"):
        _order(number="1000234")
    with pytest.raises(ValueError, match="timezone-aware"):
        _order(created_at=dt.datetime(2026, 3, 2, 9, 15))
    line = OrderLine(1, "SKU-1", "Mug", 1, Money(100))
    with pytest.raises(ValueError, match="unique"):
        _order(lines=(line, line))
    with pytest.raises(ValueError, match="currency"):
        _order(lines=(line, OrderLine(2, "SKU-2", "Plate", 1, Money(100, "GBP"))))
    with pytest.raises(ValueError, match="negative"):
        OrderLine(1, "SKU-1", "Mug", -1, Money(100))


def test_fulfillment_line_quantities() -> None:
    """Remaining excludes picked and rejected; refused is part of picked."""
    line = FulfillmentLine(1, "SKU-1", quantity=5, picked=3, rejected=1, refused=1)
    assert line.remaining == 1
    assert line.handed_over == 2
    with pytest.raises(ValueError, match="exceeds"):
        FulfillmentLine(1, "SKU-1", quantity=5, picked=4, rejected=2)
    with pytest.raises(ValueError, match="refuse more"):
        FulfillmentLine(1, "SKU-1", quantity=5, picked=1, refused=2)
    with pytest.raises(ValueError, match="negative"):
        FulfillmentLine(1, "SKU-1", quantity=5, rejected=-1)


def _fulfillment(**changes: object) -> Fulfillment:
    fulfillment = Fulfillment(
        id=11,
        order_number="WEB-1000234",
        store_id=1,
        method=FulfillmentMethod.STORE_PICKUP,
        status=FulfillmentStatus.READY_FOR_PICKUP,
        lines=(FulfillmentLine(1, "SKU-1", 2, picked=2),),
        bin="P-014",
        pickup_code="042137",
        promised_at=CREATED + dt.timedelta(hours=2),
    )
    return dataclasses.replace(fulfillment, **changes)  # type: ignore[arg-type]


def test_fulfillment_pickup_store() -> None:
    """Pickups are collected at their store, ship-to-store at the destination, shipments nowhere."""
    assert _fulfillment().pickup_store_id == 1
    transfer = _fulfillment(method=FulfillmentMethod.SHIP_TO_STORE, destination_store_id=2)
    assert transfer.pickup_store_id == 2
    assert _fulfillment(method=FulfillmentMethod.SHIP_FROM_STORE).pickup_store_id is None


def test_fulfillment_validation() -> None:
    """Ship to store needs a destination; bins and pickup codes follow the code rules."""
    with pytest.raises(ValueError, match="destination"):
        _fulfillment(method=FulfillmentMethod.SHIP_TO_STORE)
    with pytest.raises(InvalidCode, match="bin must be"):
        _fulfillment(bin="p 14")
    with pytest.raises(InvalidCode, match="pickup code"):
        _fulfillment(pickup_code="12345")
    with pytest.raises(ValueError, match="timezone-aware"):
        _fulfillment(promised_at=dt.datetime(2026, 3, 2, 11, 0))


def test_staff_scope_and_badge() -> None:
    """Store roles belong to a store; chain-wide roles need not; badges follow the code rule."""
    assert Staff(1, None, "cs1", "Agent", Role.CUSTOMER_SERVICE).store_id is None
    assert Staff(2, 1, "ann", "Ann", Role.ASSOCIATE, "B0042").badge_id == "B0042"
    with pytest.raises(ValueError, match="belongs to a store"):
        Staff(3, None, "bob", "Bob", Role.LEAD)
    with pytest.raises(InvalidCode, match="badge id"):
        Staff(4, 1, "cy", "Cy", Role.ASSOCIATE, "b1")


def test_entities_are_frozen() -> None:
    """Values cannot be changed in place; a change makes a new value."""
    level = InventoryLevel(1, "A", 10)
    with pytest.raises(dataclasses.FrozenInstanceError):
        level.on_hand = 3  # type: ignore[misc]


# --- money -----------------------------------------------------------------------------


@given(a=st.integers(-(10**12), 10**12), b=st.integers(-(10**12), 10**12), n=st.integers(0, 999))
def test_money_arithmetic(a: int, b: int, n: int) -> None:
    """Addition, subtraction and multiplication work on exact minor units."""
    assert Money(a) + Money(b) == Money(a + b)
    assert Money(a) - Money(b) == Money(a - b)
    assert Money(a) * n == Money(a * n)


@pytest.mark.parametrize(
    ("money", "text"),
    [
        (Money(1250), "12.50 EUR"),
        (Money(5), "0.05 EUR"),
        (Money(-5), "-0.05 EUR"),
        (Money(0), "0.00 EUR"),
        (Money(1500, "JPY"), "1500 JPY"),
        (Money(1234, "KWD"), "1.234 KWD"),
        (Money(-123456, "USD"), "-1234.56 USD"),
    ],
)
def test_money_format(money: Money, text: str) -> None:
    """Format shows the currency's own number of minor digits."""
    assert money.format() == text


def test_money_refuses_mixing_and_bad_currencies() -> None:
    """Different currencies never add up silently."""
    with pytest.raises(ValueError, match="cannot combine EUR with GBP"):
        Money(1) + Money(1, "GBP")
    for bad in ("eur", "EURO", "E1R"):
        with pytest.raises(ValueError, match="3-letter ISO code"):
            Money(1, bad)
