"""The arguments of each command, validated by the server before it is applied."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from desktop_oms.domain.commands import CommandName
from desktop_oms.protocol.base import WireModel
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

    picker_id: int | None = None


class MarkReadyArgs(WireModel):
    """Stage a pickup in a bin."""

    bin: Bin


class ReturnToStockArgs(WireModel):
    """An ended pickup's goods are back on the shelf; ``bin`` is the bin label scanned to
    confirm it (when given, it must be the bin the pickup was staged in)."""

    bin: Bin | None = None


class RefusedLine(WireModel):
    """Quantity of a line the customer refused at handover, and why."""

    line_no: int
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

    line_no: int
    quantity: Annotated[int, Field(ge=1, le=999)]
    reason: Reason


class ChangeQuantityArgs(WireModel):
    """Lower (or raise) an order line's quantity; 0 cancels the line."""

    line_no: int
    quantity: Qty
    reason: Reason


class ChangePickupStoreArgs(WireModel):
    """Move an order's pickup to another store."""

    store_id: int


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
    counted_at_seq: Annotated[int, Field(ge=0)] | None = None


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
    CommandName.ADJUST_INVENTORY: AdjustInventoryArgs,
    CommandName.RETURN_TO_STOCK: ReturnToStockArgs,
}
