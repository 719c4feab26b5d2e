"""The model of DESIGN §3 as immutable values: stores, products, stock, orders, staff.

These are what the server and the station agree on; persistence and the wire format map
to and from them. Each checks its own invariants on construction, so a value that exists
is a valid one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from zoneinfo import ZoneInfo

from desktop_oms.domain.identifiers import (
    IdentifierKind,
    normalize_gtin,
    validate_badge_id,
    validate_bin,
    validate_order_number,
    validate_pickup_code,
    validate_store_code,
)
from desktop_oms.domain.money import Money
from desktop_oms.domain.roles import Role
from desktop_oms.domain.status import FulfillmentMethod, FulfillmentStatus

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Weekday keys of the opening-hours JSON form, Monday first (``datetime.weekday()`` order)."""

DayHours = tuple[dt.time, dt.time]
_CLOCK_RE = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
_MIDNIGHT = dt.time(0, 0)


def _parse_clock(text: object, *, closing: bool) -> dt.time:
    if closing and text == "24:00":
        return _MIDNIGHT
    match = _CLOCK_RE.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"opening hours need times as 'HH:MM', got {text!r}")
    return dt.time(int(match.group(1)), int(match.group(2)))


def _require_aware(name: str, value: dt.datetime | None) -> None:
    if value is not None and value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """A store's weekly hours, Monday first: (opens, closes) local times, or None when closed.

    A day whose closing time is not after its opening time runs past midnight
    (``("18:00", "02:00")``); ``("00:00", "24:00")`` is open round the clock.
    """

    week: tuple[DayHours | None, ...] = (None,) * 7

    def __post_init__(self) -> None:
        if len(self.week) != 7:
            raise ValueError(f"opening hours need 7 days, got {len(self.week)}")
        for day in self.week:
            if day is not None and any(t.tzinfo is not None for t in day):
                raise ValueError("opening hours are local wall-clock times without a timezone")

    @classmethod
    def parse(cls, data: Mapping[str, object]) -> OpeningHours:
        """Hours from the JSON form ``{"mon": ["09:00", "20:00"], ..., "sun": null}``.

        A missing day is closed; an unknown key is an error, so a typo cannot close a day.
        """
        unknown = set(data) - set(WEEKDAYS)
        if unknown:
            raise ValueError(f"unknown weekdays in opening hours: {', '.join(sorted(unknown))}")
        week: list[DayHours | None] = []
        for key in WEEKDAYS:
            day = data.get(key)
            if day is None:
                week.append(None)
                continue
            if not isinstance(day, list | tuple) or len(day) != 2:
                raise ValueError(f"{key}: expected [opens, closes] or null, got {day!r}")
            week.append((_parse_clock(day[0], closing=False), _parse_clock(day[1], closing=True)))
        return cls(tuple(week))

    def to_dict(self) -> dict[str, list[str] | None]:
        """The JSON form read by :meth:`parse` (a closing time of midnight is ``"24:00"``)."""
        result: dict[str, list[str] | None] = {}
        for key, day in zip(WEEKDAYS, self.week, strict=True):
            if day is None:
                result[key] = None
            else:
                closes = "24:00" if day[1] == _MIDNIGHT else day[1].strftime("%H:%M")
                result[key] = [day[0].strftime("%H:%M"), closes]
        return result

    @property
    def closed_days(self) -> tuple[str, ...]:
        """The weekday keys on which the store does not open."""
        return tuple(key for key, day in zip(WEEKDAYS, self.week, strict=True) if day is None)

    def is_open(self, at: dt.datetime, tz: str | dt.tzinfo) -> bool:
        """Whether the store is open at the instant ``at``, read on its local clock ``tz``."""
        _require_aware("at", at)
        local = at.astimezone(ZoneInfo(tz) if isinstance(tz, str) else tz)
        now, weekday = local.time(), local.weekday()
        today = self.week[weekday]
        if today is not None:
            opens, closes = today
            if opens < closes:
                if opens <= now < closes:
                    return True
            elif now >= opens:
                return True
        yesterday = self.week[weekday - 1]
        return yesterday is not None and yesterday[1] <= yesterday[0] and now < yesterday[1]


class StoreKind(StrEnum):
    """A shop that serves customers, or a distribution centre that only ships."""

    STORE = "store"
    DC = "dc"


@dataclass(frozen=True, slots=True)
class Store:
    """A store or DC: where it is (for routing by distance) and when it is open."""

    id: int
    code: str
    name: str
    kind: StoreKind
    address: str
    city: str
    postal_code: str
    country: str
    latitude: float
    longitude: float
    timezone: str
    opening_hours: OpeningHours = field(default_factory=OpeningHours)

    def __post_init__(self) -> None:
        validate_store_code(self.code)
        if not -90.0 <= self.latitude <= 90.0 or not -180.0 <= self.longitude <= 180.0:
            raise ValueError(f"store {self.code}: no such place {self.latitude}, {self.longitude}")
        if len(self.country) != 2 or not self.country.isalpha() or not self.country.isupper():
            raise ValueError(f"store {self.code}: country must be ISO 3166 alpha-2, like 'FR'")

    @property
    def zone(self) -> ZoneInfo:
        """The store's timezone, for showing local times and reading its opening hours."""
        return ZoneInfo(self.timezone)

    def is_open(self, at: dt.datetime) -> bool:
        """Whether the store is open at the instant ``at``."""
        return self.opening_hours.is_open(at, self.zone)


_GTIN_KINDS = frozenset(IdentifierKind) - {IdentifierKind.STORE}


@dataclass(frozen=True, slots=True)
class ProductIdentifier:
    """One barcode of a product: a GTIN format, UPC-E, or a store-specific code."""

    kind: IdentifierKind
    value: str

    def __post_init__(self) -> None:
        if self.kind in _GTIN_KINDS:
            normalize_gtin(self.value)  # raises InvalidCode with the reason
        elif not self.value or self.value != self.value.strip():
            raise ValueError(f"store code {self.value!r} must be non-empty and unpadded")

    @property
    def key(self) -> str:
        """The lookup key: GTIN-14 for GTIN kinds and UPC-E, the code itself otherwise."""
        return self.value if self.kind is IdentifierKind.STORE else normalize_gtin(self.value)


@dataclass(frozen=True, slots=True)
class Product:
    """A catalogue item; ``price`` is the current selling price."""

    sku: str
    name: str
    department: str
    price: Money
    attributes: Mapping[str, str] = field(default_factory=dict, hash=False)
    image_ref: str | None = None
    identifiers: tuple[ProductIdentifier, ...] = ()

    def __post_init__(self) -> None:
        if not self.sku:
            raise ValueError("a product needs a SKU")
        if self.price.minor < 0:
            raise ValueError(f"product {self.sku}: price cannot be negative")
        object.__setattr__(self, "attributes", MappingProxyType(dict(self.attributes)))
        object.__setattr__(self, "identifiers", tuple(self.identifiers))


@dataclass(frozen=True, slots=True)
class InventoryLevel:
    """Stock of one SKU in one store; on hand may go negative after a miscount, ATP never does."""

    store_id: int
    sku: str
    on_hand: int
    reserved: int = 0
    safety_stock: int = 0
    version: int = 0

    def __post_init__(self) -> None:
        if self.reserved < 0 or self.safety_stock < 0:
            raise ValueError(f"{self.sku}: reserved and safety stock cannot be negative")

    @property
    def available_to_promise(self) -> int:
        """What can still be promised to new orders: on hand - reserved - safety, at least 0."""
        return max(0, self.on_hand - self.reserved - self.safety_stock)


@dataclass(frozen=True, slots=True)
class Customer:
    """Who placed an order; contact details are optional (a call-centre order may have none)."""

    id: int
    name: str
    email: str | None = None
    phone: str | None = None


def _require_quantity(what: str, value: int) -> None:
    if value < 0:
        raise ValueError(f"{what} cannot be negative, got {value}")


@dataclass(frozen=True, slots=True)
class OrderLine:
    """One ordered SKU with its quantity and the unit price the customer was charged."""

    line_no: int
    sku: str
    name: str
    quantity: int
    unit_price: Money

    def __post_init__(self) -> None:
        _require_quantity(f"line {self.line_no} quantity", self.quantity)

    @property
    def total(self) -> Money:
        """Unit price times quantity."""
        return self.unit_price * self.quantity


@dataclass(frozen=True, slots=True)
class FulfillmentLine:
    """An order line's share in one fulfillment and what became of it.

    ``rejected`` left the store (to be re-routed); ``refused`` was picked but declined by the
    customer at handover, so it is part of ``picked``.
    """

    line_no: int
    sku: str
    quantity: int
    picked: int = 0
    rejected: int = 0
    refused: int = 0

    def __post_init__(self) -> None:
        for what in ("quantity", "picked", "rejected", "refused"):
            _require_quantity(f"line {self.line_no} {what}", getattr(self, what))
        if self.picked + self.rejected > self.quantity:
            raise ValueError(f"line {self.line_no}: picked + rejected exceeds {self.quantity}")
        if self.refused > self.picked:
            raise ValueError(f"line {self.line_no}: cannot refuse more than was picked")

    @property
    def remaining(self) -> int:
        """Quantity still to pick: neither picked nor rejected."""
        return self.quantity - self.picked - self.rejected

    @property
    def handed_over(self) -> int:
        """Quantity the customer takes: picked and not refused."""
        return self.picked - self.refused


def _unique_line_numbers(owner: str, line_numbers: list[int]) -> None:
    if len(set(line_numbers)) != len(line_numbers):
        raise ValueError(f"{owner}: line numbers must be unique")


@dataclass(frozen=True, slots=True)
class Fulfillment:
    """The lines of one order that one store (or DC) fulfils by one method."""

    id: int
    order_number: str
    store_id: int
    method: FulfillmentMethod
    status: FulfillmentStatus
    lines: tuple[FulfillmentLine, ...]
    destination_store_id: int | None = None
    bin: str | None = None
    pickup_code: str | None = None
    promised_at: dt.datetime | None = None
    version: int = 0

    def __post_init__(self) -> None:
        validate_order_number(self.order_number)
        object.__setattr__(self, "lines", tuple(self.lines))
        _unique_line_numbers(f"fulfillment {self.id}", [line.line_no for line in self.lines])
        if self.method is FulfillmentMethod.SHIP_TO_STORE and self.destination_store_id is None:
            raise ValueError(f"fulfillment {self.id}: ship to store needs a destination store")
        if self.bin is not None:
            validate_bin(self.bin)
        if self.pickup_code is not None:
            validate_pickup_code(self.pickup_code)
        _require_aware("promised_at", self.promised_at)

    @property
    def pickup_store_id(self) -> int | None:
        """The store where the customer collects, or None when the goods are shipped."""
        if self.method is FulfillmentMethod.SHIP_FROM_STORE:
            return None
        return self.destination_store_id if self.destination_store_id is not None else self.store_id


class Channel(StrEnum):
    """Where an order came in."""

    WEB = "web"
    MARKETPLACE = "marketplace"
    CALL_CENTRE = "call_centre"
    STORE = "store"


class PaymentState(StrEnum):
    """The state of an order's payment."""

    AUTHORIZED = "authorized"
    DECLINED = "declined"
    FAILED = "failed"
    CAPTURED = "captured"
    VOIDED = "voided"


class FraudState(StrEnum):
    """The fraud check's verdict; ``review`` holds the order until someone releases it."""

    CLEAR = "clear"
    REVIEW = "review"
    RELEASED = "released"
    REJECTED = "rejected"


_PAID = frozenset({PaymentState.AUTHORIZED, PaymentState.CAPTURED})
_TRUSTED = frozenset({FraudState.CLEAR, FraudState.RELEASED})


@dataclass(frozen=True, slots=True)
class Order:
    """A customer's order from one channel, with its payment and fraud states."""

    number: str
    channel: Channel
    customer: Customer
    lines: tuple[OrderLine, ...]
    payment_state: PaymentState
    fraud_state: FraudState
    created_at: dt.datetime
    version: int = 0

    def __post_init__(self) -> None:
        validate_order_number(self.number)
        object.__setattr__(self, "lines", tuple(self.lines))
        _unique_line_numbers(f"order {self.number}", [line.line_no for line in self.lines])
        if len({line.unit_price.currency for line in self.lines}) > 1:
            raise ValueError(f"order {self.number}: lines in more than one currency")
        _require_aware("created_at", self.created_at)

    @property
    def total(self) -> Money:
        """Sum of the line totals (zero in the default currency for an order without lines)."""
        if not self.lines:
            return Money(0)
        total = Money(0, self.lines[0].unit_price.currency)
        for line in self.lines:
            total += line.total
        return total

    @property
    def may_fulfil(self) -> bool:
        """Whether stores may work on the order: payment authorised and no fraud hold."""
        return self.payment_state in _PAID and self.fraud_state in _TRUSTED


@dataclass(frozen=True, slots=True)
class Staff:
    """A person who signs in on stations; store roles belong to one store."""

    id: int
    store_id: int | None
    username: str
    display_name: str
    role: Role
    badge_id: str | None = None

    def __post_init__(self) -> None:
        if not self.username:
            raise ValueError("staff need a username")
        if self.store_id is None and not self.role.chain_wide:
            raise ValueError(f"{self.username}: a {self.role.value} belongs to a store")
        if self.badge_id is not None:
            validate_badge_id(self.badge_id)
