"""The arguments of each command, validated by the server before it is applied."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, ValidationInfo, field_validator, model_validator

from desktop_oms.domain.commands import CommandName
from desktop_oms.domain.errors import MissingRequirement
from desktop_oms.domain.shipping import ServiceLevel
from desktop_oms.protocol.base import MAX_DB_INT, DbInt, WireModel
from desktop_oms.protocol.sync import BoxDoc, Verification

Qty = Annotated[int, Field(ge=0, le=999)]
Reason = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z_]+$")]
Note = Annotated[str, Field(max_length=500)]
Bin = Annotated[str, Field(pattern=r"^[A-Z0-9][A-Z0-9-]{0,11}$")]


class NoArgs(WireModel):
    """A command that needs nothing beyond its target."""


class StartPickingArgs(WireModel):
    """Start picking a fulfillment; ``picker_id`` is the staff member of the fulfilling store
    assigned to pick it (a pick list's picker), the one who issues the command when absent."""

    picker_id: DbInt | None = None


class MarkReadyArgs(WireModel):
    """Stage a pickup in a bin."""

    bin: Bin


class ReturnToStockArgs(WireModel):
    """An ended pickup's goods are back on the shelf; ``bin`` is the bin label scanned to
    confirm it (when given, it must be the bin the pickup was staged in)."""

    bin: Bin | None = None


class RefusedLine(WireModel):
    """Quantity of a line the customer refused at handover, and why."""

    line_no: DbInt
    quantity: Annotated[int, Field(ge=1, le=999)]
    reason: Reason


class HandOverArgs(WireModel):
    """Hand a pickup to the customer (or their collector), possibly refusing some lines."""

    verification: Verification
    refused: list[RefusedLine] = []


class PackArgs(WireModel):
    """The boxes the goods were packed into."""

    boxes: Annotated[list[BoxDoc], Field(min_length=1, max_length=50)]


class ReasonArgs(WireModel):
    """A command that only needs a reason (cancel, unpack, cancel order)."""

    reason: Reason
    note: Note = ""


class ShipArgs(WireModel):
    """Hand the parcel(s) to a carrier."""

    carrier: Annotated[str, Field(min_length=1, max_length=40)]
    tracking: Annotated[str, Field(pattern=r"^[A-Z0-9]{6,40}$")]


class DispatchArgs(WireModel):
    """Send a ship-to-store transfer on its way."""

    tracking: Annotated[str, Field(pattern=r"^[A-Z0-9]{6,40}$")]


class RejectLineArgs(WireModel):
    """The store cannot fulfil ``quantity`` of a line; the server re-routes it."""

    line_no: DbInt
    quantity: Annotated[int, Field(ge=1, le=999)]
    reason: Reason


class ChangeQuantityArgs(WireModel):
    """Lower (or raise) an order line's quantity; 0 cancels the line."""

    line_no: DbInt
    quantity: Qty
    reason: Reason


class ChangePickupStoreArgs(WireModel):
    """Move an order's pickup to another store."""

    store_id: DbInt


_PHONE_CHARS = r"^\+?[0-9 ()./-]{3,40}$"
_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def _phone(value: str) -> str:
    """A phone number: digits with the usual separators, at least 6 digits."""
    text = value.strip()
    if sum(ch.isdigit() for ch in text) < 6:
        raise ValueError(f"{value!r} is not a phone number: it needs at least 6 digits")
    if not re.match(_PHONE_CHARS, text):
        raise ValueError(f"{value!r} is not a phone number (digits, spaces, + ( ) . / - only)")
    return text


def _required_text(value: str, what: str) -> str:
    text = value.strip()
    if not text:
        raise ValueError(f"{what} cannot be empty")
    return text


class DeliveryAddress(WireModel):
    """Where a delivery goes (an ``AddressDoc`` with an optional geocode).

    Without ``latitude``/``longitude`` the server places the address near the order's
    previous delivery address in the same postal code, else a store in the same city,
    else the order's pickup store, to choose the shipping store (see docs/api.md).
    """

    name: Annotated[str, Field(max_length=200)]
    line1: Annotated[str, Field(max_length=200)]
    line2: Annotated[str, Field(max_length=200)] = ""
    postal_code: Annotated[str, Field(max_length=20)]
    city: Annotated[str, Field(max_length=100)]
    country: str
    phone: Annotated[str, Field(max_length=40)] = ""
    latitude: Annotated[float, Field(ge=-90, le=90)] | None = None
    longitude: Annotated[float, Field(ge=-180, le=180)] | None = None

    @field_validator("name", "line1", "city")
    @classmethod
    def _not_blank(cls, value: str, info: ValidationInfo) -> str:
        return _required_text(value, f"the address {info.field_name}")

    @field_validator("postal_code")
    @classmethod
    def _postal(cls, value: str) -> str:
        text = value.strip().upper()
        if not re.match(r"^[A-Z0-9][A-Z0-9 -]{1,9}$", text):
            raise ValueError(f"{value!r} is not a postal code (2-10 letters and digits)")
        return text

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        text = value.strip().upper()
        if not re.match(r"^[A-Z]{2}$", text):
            raise ValueError(f"{value!r} is not a country code (two letters, e.g. NL)")
        return text

    @field_validator("phone")
    @classmethod
    def _phone_ok(cls, value: str) -> str:
        return _phone(value) if value.strip() else ""

    @model_validator(mode="after")
    def _both_coordinates(self) -> DeliveryAddress:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("give both latitude and longitude, or neither")
        return self


class ChangeDeliveryArgs(WireModel):
    """Switch an order between pickup (at ``store_id``) and delivery (to ``address``).

    The order's open fulfillments are cancelled and its lines routed again as the new
    method; ``reason`` is a reason code of kind ``change``.
    """

    method: Literal["pickup", "delivery"]
    store_id: DbInt | None = None
    address: DeliveryAddress | None = None
    shipping_service: ServiceLevel = ServiceLevel.STANDARD
    reason: Reason

    @model_validator(mode="after")
    def _method_details(self) -> ChangeDeliveryArgs:
        if self.method == "pickup":
            if self.store_id is None:
                raise ValueError("a change to pickup needs store_id (the pickup store)")
            if self.address is not None:
                raise ValueError("a change to pickup takes no address")
            if self.shipping_service is not ServiceLevel.STANDARD:
                raise ValueError("shipping_service express is for delivery only")
        else:
            if self.address is None:
                raise ValueError("a change to delivery needs address")
            if self.store_id is not None:
                raise ValueError("a change to delivery takes no store_id")
        return self


class ReplaceItemArgs(WireModel):
    """``quantity`` units of a line are damaged where they are: written off there, and
    replaced from ``source_store_id``; ``reason`` is a reason code of kind ``reject``."""

    line_no: Annotated[int, Field(ge=1, le=MAX_DB_INT)]
    quantity: Annotated[int, Field(ge=1, le=999)]
    source_store_id: DbInt
    reason: Reason


class EditContactArgs(WireModel):
    """New customer contact details; only the keys given change. ``alternate_pickup_name``
    ``""`` or null removes the alternate pickup person."""

    name: Annotated[str, Field(max_length=200)] | None = None
    email: Annotated[str, Field(max_length=254)] | None = None
    phone: Annotated[str, Field(max_length=40)] | None = None
    alternate_pickup_name: Annotated[str, Field(max_length=200)] | None = None

    @field_validator("name")
    @classmethod
    def _name(cls, value: str | None) -> str:
        if value is None:
            raise ValueError("the customer name cannot be removed")
        return _required_text(value, "the customer name")

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str:
        if value is None:
            raise ValueError("the e-mail address cannot be removed")
        text = value.strip()
        if not re.match(_EMAIL, text):
            raise ValueError(f"{value!r} is not an e-mail address")
        return text

    @field_validator("phone")
    @classmethod
    def _phone_number(cls, value: str | None) -> str:
        if value is None:
            raise ValueError("the phone number cannot be removed")
        return _phone(value)

    @field_validator("alternate_pickup_name")
    @classmethod
    def _alternate(cls, value: str | None) -> str | None:
        return (value or "").strip() or None

    @model_validator(mode="after")
    def _something(self) -> EditContactArgs:
        if not self.model_fields_set:
            raise ValueError("nothing to change: give name, email, phone or alternate_pickup_name")
        return self


class ReleaseHoldArgs(WireModel):
    """Release an order from fraud review."""

    note: Note = ""


class AdjustInventoryArgs(WireModel):
    """Correct stock: by a ``delta``, or (mode ``count``) to a counted ``quantity``.

    A count is applied against the movements since it was counted, never as a blind
    overwrite: the command's ``base_version`` is the stock version the station had
    confirmed (synced) when the SKU was counted, and ``counted_at_seq`` the station's last
    outbox seq issued before it was counted. The server sets on hand to the counted
    quantity plus every movement of the stock level after ``base_version``, except those
    made by this station's own commands with seq <= ``counted_at_seq`` (they happened
    physically before the count, so the counted quantity already reflects them).
    """

    mode: Literal["delta", "count"]
    quantity: Annotated[int, Field(ge=-100_000, le=100_000)]
    reason: Reason
    counted_at_seq: Annotated[int, Field(ge=0, le=MAX_DB_INT)] | None = None


ARGS: dict[CommandName, type[WireModel]] = {
    CommandName.START_PICKING: StartPickingArgs,
    CommandName.MARK_READY: MarkReadyArgs,
    CommandName.HAND_OVER: HandOverArgs,
    CommandName.PACK: PackArgs,
    CommandName.UNPACK: ReasonArgs,
    CommandName.SHIP: ShipArgs,
    CommandName.DISPATCH_TRANSFER: DispatchArgs,
    CommandName.RECEIVE_TRANSFER: NoArgs,
    CommandName.CANCEL: ReasonArgs,
    CommandName.EXPIRE: NoArgs,
    CommandName.REJECT_LINE: RejectLineArgs,
    CommandName.CHANGE_QUANTITY: ChangeQuantityArgs,
    CommandName.CANCEL_ORDER: ReasonArgs,
    CommandName.CHANGE_PICKUP_STORE: ChangePickupStoreArgs,
    CommandName.RELEASE_FRAUD_HOLD: ReleaseHoldArgs,
    CommandName.CHANGE_DELIVERY: ChangeDeliveryArgs,
    CommandName.REPLACE_ITEM: ReplaceItemArgs,
    CommandName.EDIT_CONTACT: EditContactArgs,
    CommandName.RESEND_READY_NOTICE: NoArgs,
    CommandName.ADJUST_INVENTORY: AdjustInventoryArgs,
    CommandName.RETURN_TO_STOCK: ReturnToStockArgs,
}


def parse_args(name: CommandName, raw: Mapping[str, Any]) -> WireModel:
    """Validate a command's arguments; MissingRequirement names the first problem
    (``<command>: <field>: <what is wrong>``), the same words on the station and server."""
    model = ARGS[name]
    try:
        return model.model_validate(dict(raw))
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "args"
        msg = str(err["msg"]).removeprefix("Value error, ")
        raise MissingRequirement(f"{name.value}: {where}: {msg}") from None
