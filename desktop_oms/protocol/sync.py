"""The sync protocol: scope documents, snapshot pages, the change feed and the command push.

Every entity travels as a *document*: its whole current state, keyed by ``kind`` and
``key``, with a ``version``. A change is a document (upsert) or a tombstone (delete).
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import Field

from desktop_oms.domain.commands import CommandName, TargetKind
from desktop_oms.domain.entities import Channel, FraudState, PaymentState
from desktop_oms.domain.roles import Role
from desktop_oms.domain.shipping import LabelStatus, ServiceLevel
from desktop_oms.domain.status import FulfillmentMethod, FulfillmentStatus
from desktop_oms.protocol.base import MAX_DB_INT, DbInt, WireModel

_CURSOR = re.compile(r"^([0-9a-f]{32}):(\d{1,18})$")


class Cursor(WireModel):
    """A position in the change feed: the server database's ``epoch`` and a ``seq`` in it."""

    epoch: str
    seq: int

    @classmethod
    def parse(cls, text: str) -> Cursor:
        """Parse ``epoch:seq``; ValueError names what is wrong."""
        match = _CURSOR.match(text)
        if match is None:
            raise ValueError(f"cursor {text!r} is not of the form <32 hex epoch>:<seq>")
        return cls(epoch=match.group(1), seq=int(match.group(2)))

    def __str__(self) -> str:
        return f"{self.epoch}:{self.seq}"


class Kind(StrEnum):
    """The kinds of document in a station's scope."""

    STORE = "store"
    PRODUCT = "product"
    IDENTIFIER = "identifier"
    INVENTORY = "inventory"
    FULFILLMENT = "fulfillment"
    STAFF = "staff"
    REASON_CODE = "reason_code"
    SETTING = "setting"


class StoreDoc(WireModel):
    """A store or distribution centre."""

    id: int
    code: str
    name: str
    kind: Literal["store", "dc"]
    address: str
    city: str
    postal_code: str
    country: str
    latitude: float
    longitude: float
    timezone: str
    opening_hours: dict[str, list[str] | None]
    version: int


class ProductDoc(WireModel):
    """A catalogue product with its identifiers (``[kind, value]`` pairs)."""

    sku: str
    name: str
    department: str
    price_minor: int
    currency: str
    attributes: dict[str, str]
    image_ref: str | None
    identifiers: list[tuple[str, str]]
    version: int


class InventoryDoc(WireModel):
    """Stock of one SKU at one store."""

    store_id: int
    sku: str
    on_hand: int
    reserved: int
    safety_stock: int
    version: int


class CustomerDoc(WireModel):
    """The customer of an order, as much as the store needs to hand over."""

    id: int
    name: str
    email: str
    phone: str


class OrderHeaderDoc(WireModel):
    """The order a fulfillment belongs to."""

    number: str
    channel: Channel
    created_at: datetime
    payment_state: PaymentState
    fraud_state: FraudState
    fraud_rules: list[str]
    total_minor: int
    currency: str
    alternate_pickup_name: str | None
    version: int


class FulfillmentLineDoc(WireModel):
    """A line of a fulfillment and how much of it was picked, rejected or refused."""

    line_no: int
    sku: str
    name: str
    quantity: int
    picked: int
    rejected: int
    refused: int
    unit_price_minor: int


class BoxItemDoc(WireModel):
    """Units of one fulfillment line in a box (for the packing slip)."""

    line_no: int
    quantity: Annotated[int, Field(ge=1, le=999)]


class BoxDoc(WireModel):
    """One packed box; ``items`` says what is in it (optional: empty when not recorded)."""

    box_type: str
    length_cm: int
    width_cm: int
    height_cm: int
    weight_g: int
    items: list[BoxItemDoc] = []


class AddressDoc(WireModel):
    """A postal address as a carrier prints it (``phone`` for the courier, may be empty)."""

    name: str
    line1: str
    line2: str = ""
    postal_code: str
    city: str
    country: str
    phone: str = ""


class LabelDoc(WireModel):
    """A shipping label bought for one box of a fulfillment: what the label shows.

    ``box_index`` counts from 1 of ``box_count``; ``status`` is ``active`` or ``void``
    (:class:`desktop_oms.domain.shipping.LabelStatus`); ``zpl`` is the carrier's ZPL II
    for a 4x6 in label at 203 dpi, sent to a thermal printer as is.
    """

    tracking: str
    carrier: str
    carrier_name: str
    service: ServiceLevel
    box_index: int
    box_count: int
    weight_g: int
    length_cm: int
    width_cm: int
    height_cm: int
    routing_code: str
    ship_from: AddressDoc
    ship_to: AddressDoc
    reference: str
    status: LabelStatus
    created_at: datetime
    voided_at: datetime | None = None
    zpl: str


class RejectionDoc(WireModel):
    """Units of a line the fulfilling store could not supply (``reject_line``): which line
    and SKU, how many, the reject reason code, when and by whom."""

    line_no: int
    sku: str
    quantity: int
    reason: str
    at: datetime
    staff_id: int | None


class FulfillmentDoc(WireModel):
    """A fulfillment with its lines, its order and its customer: what a store works on.

    ``promised_at`` is when the fulfillment was promised ready (for a pickup: ready to
    collect at the store); ``pickup_deadline`` is how long a ready pickup is held before it
    expires. ``returned_at``/``returned_by``: when and by whom the goods of an ended pickup
    were taken out of its bin and put back on the shelf (``return_to_stock``); ``picker_id``:
    the staff member picking it (set by ``start_picking``). Absent from documents written
    before those fields existed, hence the defaults. ``ship_to`` is where a ship-from-store
    fulfillment goes (null otherwise); ``labels`` are its shipping labels, active and void,
    in the order they were bought. ``shipping_service`` is the delivery speed the customer
    chose (the order's; ``standard`` for pickups and for documents written before it).
    ``ready_at`` is when it became ready (a pickup or ship-to-store reached
    ``ready_for_pickup``; a ship-from-store reached ``packed``; cleared by ``unpack``);
    ``completed_at`` when it reached a terminal status; ``rejections`` the store's
    ``reject_line`` records, oldest first. Null/empty for documents written before them.
    """

    id: int
    order_number: str
    store_id: int
    destination_store_id: int | None
    method: FulfillmentMethod
    status: FulfillmentStatus
    bin: str | None
    pickup_code: str | None
    promised_at: datetime | None
    pickup_deadline: datetime | None
    tracking: str | None
    carrier: str | None
    boxes: list[BoxDoc]
    created_at: datetime
    updated_at: datetime
    order: OrderHeaderDoc
    customer: CustomerDoc
    lines: list[FulfillmentLineDoc]
    version: int
    returned_at: datetime | None = None
    returned_by: int | None = None
    picker_id: int | None = None
    ship_to: AddressDoc | None = None
    labels: list[LabelDoc] = []
    shipping_service: ServiceLevel = ServiceLevel.STANDARD
    ready_at: datetime | None = None
    completed_at: datetime | None = None
    rejections: list[RejectionDoc] = []


class StaffDoc(WireModel):
    """A staff member of the station's store, with the offline sign-in verifier of their PIN."""

    id: int
    store_id: int | None
    username: str
    display_name: str
    role: Role
    badge_id: str | None
    verifier: str
    active: bool
    version: int


class ReasonCodeDoc(WireModel):
    """A reason a user can pick."""

    kind: str
    code: str
    label: str


class SettingDoc(WireModel):
    """A setting the server pushes to stations (``value`` is any JSON)."""

    key: str
    value: Any


#: Settings (``SettingDoc`` keys) of the station's inventory view, and the values a station
#: uses while the server has not sent them: available-to-promise at or below
#: ``LOW_STOCK_UNITS_SETTING`` units is "low stock"; a ready pickup waiting longer than
#: ``AGED_PICKUP_DAYS_SETTING`` days is "aged".
LOW_STOCK_UNITS_SETTING = "inventory.low_stock_units"
LOW_STOCK_UNITS_DEFAULT = 3
AGED_PICKUP_DAYS_SETTING = "inventory.aged_pickup_days"
AGED_PICKUP_DAYS_DEFAULT = 3


Document = (
    StoreDoc | ProductDoc | InventoryDoc | FulfillmentDoc | StaffDoc | ReasonCodeDoc | SettingDoc
)


class _ChangeBase(WireModel):
    seq: int
    key: str
    op: Literal["upsert", "delete"]


class StoreChange(_ChangeBase):
    """A store's document changed."""

    kind: Literal[Kind.STORE] = Kind.STORE
    data: StoreDoc | None


class ProductChange(_ChangeBase):
    """A product's document changed."""

    kind: Literal[Kind.PRODUCT] = Kind.PRODUCT
    data: ProductDoc | None


class InventoryChange(_ChangeBase):
    """A stock level changed."""

    kind: Literal[Kind.INVENTORY] = Kind.INVENTORY
    data: InventoryDoc | None


class FulfillmentChange(_ChangeBase):
    """A fulfillment (or its order or customer) changed."""

    kind: Literal[Kind.FULFILLMENT] = Kind.FULFILLMENT
    data: FulfillmentDoc | None


class StaffChange(_ChangeBase):
    """A staff member changed."""

    kind: Literal[Kind.STAFF] = Kind.STAFF
    data: StaffDoc | None


class ReasonCodeChange(_ChangeBase):
    """A reason code changed."""

    kind: Literal[Kind.REASON_CODE] = Kind.REASON_CODE
    data: ReasonCodeDoc | None


class SettingChange(_ChangeBase):
    """A setting changed."""

    kind: Literal[Kind.SETTING] = Kind.SETTING
    data: SettingDoc | None


Change = Annotated[
    StoreChange
    | ProductChange
    | InventoryChange
    | FulfillmentChange
    | StaffChange
    | ReasonCodeChange
    | SettingChange,
    Field(discriminator="kind"),
]


class FeedPage(WireModel):
    """Changes after the asked cursor, in cursor order; ``more`` when the page was full.

    ``last_seq`` is the highest command seq the server has processed for this station's
    client id, so a pull alone confirms outbox entries.
    """

    cursor: str
    changes: list[Change]
    more: bool
    last_seq: int


#: Columns of each snapshot kind, in row order. Rows are JSON arrays in this order.
SNAPSHOT_COLUMNS: dict[Kind, tuple[str, ...]] = {
    Kind.STORE: ("id", "doc"),
    Kind.PRODUCT: (
        "sku",
        "name",
        "department",
        "price_minor",
        "currency",
        "attributes",
        "image_ref",
        "version",
    ),
    Kind.IDENTIFIER: ("value", "kind", "sku"),
    Kind.INVENTORY: ("store_id", "sku", "on_hand", "reserved", "safety_stock", "version"),
    Kind.FULFILLMENT: ("id", "doc"),
    Kind.STAFF: ("id", "doc"),
    Kind.REASON_CODE: ("kind", "code", "label"),
    Kind.SETTING: ("key", "value"),
}

#: The order in which a snapshot is fetched (identifiers after their products).
SNAPSHOT_ORDER: tuple[Kind, ...] = (
    Kind.SETTING,
    Kind.REASON_CODE,
    Kind.STORE,
    Kind.STAFF,
    Kind.PRODUCT,
    Kind.IDENTIFIER,
    Kind.INVENTORY,
    Kind.FULFILLMENT,
)


class SnapshotKindInfo(WireModel):
    """How many rows of one kind the snapshot holds."""

    kind: Kind
    rows: int


class SnapshotStart(WireModel):
    """A snapshot's fixed cursor and its kinds; pages are fetched with this cursor."""

    cursor: str
    kinds: list[SnapshotKindInfo]
    nearby_store_ids: list[int]
    store_id: int


class SnapshotPage(WireModel):
    """One page of one kind: ``rows`` in ``columns`` order, resumable from ``next_after``."""

    cursor: str
    kind: Kind
    columns: list[str]
    rows: list[list[Any]]
    next_after: str | None


class Verification(WireModel):
    """How the collector proved who they are at handover."""

    method: Literal["pickup_code", "id_check"]
    pickup_code: Annotated[str, Field(pattern=r"^\d{6}$")] | None = None
    collector_name: Annotated[str, Field(max_length=200)] | None = None
    id_type: Literal["passport", "id_card", "driving_licence", "other"] | None = None
    id_last_digits: Annotated[str, Field(pattern=r"^[A-Za-z0-9]{3,6}$")] | None = None
    relationship: Literal["self", "family", "colleague", "courier", "other"] | None = None


class CommandIn(WireModel):
    """One command from a station's outbox.

    ``seq`` numbers the station's commands 1, 2, 3, ...; ``id`` is the command's UUID;
    ``base_version`` is the target's version the station based the command on;
    ``staff_id`` is who did it (signed in at the station, re-checked by the server).
    """

    seq: Annotated[int, Field(ge=1, le=MAX_DB_INT)]
    id: UUID
    name: CommandName
    target_kind: TargetKind
    target_key: Annotated[str, Field(min_length=1, max_length=200)]
    base_version: Annotated[int, Field(ge=0, le=MAX_DB_INT)]
    staff_id: DbInt
    approved_by: DbInt | None = None
    issued_at: datetime
    args: dict[str, Any] = {}


class PushRequest(WireModel):
    """Commands of one station, in seq order."""

    client_id: Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]
    commands: Annotated[list[CommandIn], Field(min_length=1, max_length=500)]


class CommandStatus(StrEnum):
    """What the server did with a command."""

    APPLIED = "applied"
    REJECTED = "rejected"


class CommandResult(WireModel):
    """The server's answer to one command; a replay gets the stored answer again.

    ``current`` holds the server's current documents of what the command touched, so a
    rejected command's conflict record can show the state that won.
    """

    seq: int
    id: UUID
    status: CommandStatus
    code: str | None = None
    message: str | None = None
    current: list[Change] = []


class PushResponse(WireModel):
    """Results of the pushed commands, in order, and the client's new ``last_seq``."""

    results: list[CommandResult]
    last_seq: int


class StaffCommandIn(WireModel):
    """A command run online by a signed-in staff member (customer service, a manager)."""

    name: CommandName
    target_kind: TargetKind
    target_key: Annotated[str, Field(min_length=1, max_length=200)]
    base_version: Annotated[int, Field(ge=0, le=MAX_DB_INT)] | None = None
    args: dict[str, Any] = {}


class OrderLineDoc(WireModel):
    """An order line and how much of it was cancelled or could not be routed."""

    line_no: int
    sku: str
    name: str
    quantity: int
    unit_price_minor: int
    cancelled: int
    unfillable: int


class TimelineEntry(WireModel):
    """One audited change: when, what, who, on which station, why.

    ``staff_name``/``approved_by_name`` are the display names of ``staff_id`` and of the
    manager who approved (``approved_by``), ``station_name`` the station's name (null when
    unknown, e.g. server jobs). ``details`` of order changes hold ``before``/``after``.
    """

    at: datetime
    entity: str
    entity_key: str
    action: str
    staff_id: int | None
    approved_by: int | None
    station_id: int | None
    reason: str | None
    details: dict[str, Any]
    staff_name: str | None = None
    approved_by_name: str | None = None
    station_name: str | None = None


class OrderDetail(WireModel):
    """An order as a staff member may see it: header, lines, fulfillments, timeline.

    ``delivery`` is ``pickup`` (at ``pickup_store_id``) or ``delivery`` (to
    ``shipping_address``, at ``shipping_service`` speed); the alternate pickup person is
    ``order.alternate_pickup_name``. Defaults for servers that predate these fields.
    """

    order: OrderHeaderDoc
    customer: CustomerDoc
    lines: list[OrderLineDoc]
    fulfillments: list[FulfillmentDoc]
    timeline: list[TimelineEntry]
    delivery: Literal["pickup", "delivery"] = "pickup"
    pickup_store_id: int | None = None
    shipping_address: AddressDoc | None = None
    shipping_service: ServiceLevel = ServiceLevel.STANDARD


class OrderSummary(WireModel):
    """A search hit."""

    number: str
    channel: Channel
    created_at: datetime
    customer_name: str
    total_minor: int
    currency: str
    fraud_state: FraudState
    store_ids: list[int]
