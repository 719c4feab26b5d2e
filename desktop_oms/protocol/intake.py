"""Order intake from sales channels, and the availability ('check stock before driving') API."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field, model_validator

from desktop_oms.domain.entities import Channel, FraudState, PaymentState
from desktop_oms.domain.shipping import ServiceLevel
from desktop_oms.domain.status import FulfillmentMethod, FulfillmentStatus
from desktop_oms.protocol.base import WireModel

Sku = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
Latitude = Annotated[float, Field(ge=-90, le=90)]
Longitude = Annotated[float, Field(ge=-180, le=180)]


class Delivery(StrEnum):
    """What the customer chose at checkout."""

    PICKUP = "pickup"
    DELIVERY = "delivery"


class AddressIn(WireModel):
    """A postal address; delivery addresses carry the channel's geocode."""

    name: Annotated[str, Field(min_length=1, max_length=200)]
    line1: Annotated[str, Field(min_length=1, max_length=200)]
    line2: Annotated[str, Field(max_length=200)] = ""
    city: Annotated[str, Field(min_length=1, max_length=100)]
    postal_code: Annotated[str, Field(min_length=1, max_length=20)]
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
    latitude: Latitude | None = None
    longitude: Longitude | None = None


class CustomerIn(WireModel):
    """Who ordered; the channel's own customer reference keys repeat customers."""

    external_id: Annotated[str, Field(min_length=1, max_length=100)]
    name: Annotated[str, Field(min_length=1, max_length=200)]
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254)]
    phone: Annotated[str, Field(min_length=3, max_length=40)]


class LineIn(WireModel):
    """One ordered SKU at the price the channel sold it for."""

    sku: Sku
    quantity: Annotated[int, Field(ge=1, le=999)]
    unit_price_minor: Annotated[int, Field(ge=0, le=100_000_000)]


class PaymentIn(WireModel):
    """Card details for authorisation (test provider: see docs/api.md for the test cards)."""

    card_number: Annotated[str, Field(pattern=r"^\d{12,19}$")]
    holder: Annotated[str, Field(min_length=1, max_length=200)]


class OrderIn(WireModel):
    """A new order from a sales channel; ``shipping_service`` is how fast a delivery goes."""

    channel: Channel
    external_ref: Annotated[str, Field(min_length=1, max_length=100)]
    currency: Currency = "EUR"
    customer: CustomerIn
    delivery: Delivery
    pickup_store_code: Annotated[str, Field(pattern=r"^[A-Z0-9]{2,8}$")] | None = None
    shipping_address: AddressIn | None = None
    billing_address: AddressIn
    alternate_pickup_name: Annotated[str, Field(max_length=200)] | None = None
    lines: Annotated[list[LineIn], Field(min_length=1, max_length=200)]
    payment: PaymentIn
    shipping_service: ServiceLevel = ServiceLevel.STANDARD

    @model_validator(mode="after")
    def _delivery_details(self) -> OrderIn:
        if self.delivery is Delivery.PICKUP and self.pickup_store_code is None:
            raise ValueError("a pickup order needs pickup_store_code")
        if self.delivery is Delivery.PICKUP and self.shipping_service is ServiceLevel.EXPRESS:
            raise ValueError("shipping_service express is for delivery orders only")
        if self.delivery is Delivery.DELIVERY:
            addr = self.shipping_address
            if addr is None or addr.latitude is None or addr.longitude is None:
                raise ValueError("a delivery order needs a shipping_address with coordinates")
        skus = [line.sku for line in self.lines]
        if len(set(skus)) != len(skus):
            raise ValueError("each SKU may appear on one line only")
        return self


class AllocationOut(WireModel):
    """Where the server routed (part of) a line."""

    line_no: int
    sku: str
    quantity: int
    store_code: str | None
    method: FulfillmentMethod | None
    fulfillment_id: int | None


class FulfillmentOut(WireModel):
    """One fulfillment of the new order."""

    id: int
    store_code: str
    destination_store_code: str | None
    method: FulfillmentMethod
    status: FulfillmentStatus


class OrderOut(WireModel):
    """The accepted order: its number, payment and fraud state, and how it was routed."""

    number: str
    channel: Channel
    created_at: datetime
    total_minor: int
    currency: str
    payment_state: PaymentState
    fraud_state: FraudState
    fraud_rules: list[str]
    fulfillments: list[FulfillmentOut]
    allocations: list[AllocationOut]
    unfillable: list[AllocationOut]


class StoreAvailability(WireModel):
    """Available-to-promise of one SKU at one store, with its distance from the asker."""

    store_code: str
    store_name: str
    city: str
    distance_km: float | None
    available: int
    open_now: bool
    opening_hours: dict[str, list[str] | None]


class AvailabilityOut(WireModel):
    """Per-store availability of one SKU, nearest first."""

    sku: str
    name: str
    stores: list[StoreAvailability]
