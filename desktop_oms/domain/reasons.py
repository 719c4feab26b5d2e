"""Reason codes for rejects, cancellations, refusals at handover, inventory adjustments,
unpacking and order changes (pickup <-> delivery)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop_oms.domain.errors import MissingRequirement


class ReasonKind(StrEnum):
    """Which decision a reason code explains."""

    REJECT = "reject"
    CANCEL = "cancel"
    REFUSE = "refuse"
    ADJUST = "adjust"
    UNPACK = "unpack"
    CHANGE = "change"


@dataclass(frozen=True, slots=True)
class ReasonCode:
    """One reason a user can pick: a stable ``code`` and its label."""

    kind: ReasonKind
    code: str
    label: str


REASON_CODES: tuple[ReasonCode, ...] = (
    ReasonCode(ReasonKind.REJECT, "not_found", "Item not found on the shelf"),
    ReasonCode(ReasonKind.REJECT, "damaged", "Item damaged"),
    ReasonCode(ReasonKind.REJECT, "wrong_item", "Wrong item in the location"),
    ReasonCode(ReasonKind.REJECT, "expired_goods", "Past its best-before date"),
    ReasonCode(ReasonKind.REJECT, "store_capacity", "Store cannot fulfil in time"),
    ReasonCode(ReasonKind.CANCEL, "customer_request", "Customer asked to cancel"),
    ReasonCode(ReasonKind.CANCEL, "fraud", "Suspected fraud"),
    ReasonCode(ReasonKind.CANCEL, "out_of_stock", "No stock anywhere"),
    ReasonCode(ReasonKind.CANCEL, "payment_failed", "Payment failed"),
    ReasonCode(ReasonKind.CANCEL, "duplicate", "Duplicate order"),
    ReasonCode(ReasonKind.CANCEL, "not_collected", "Not collected by the deadline"),
    ReasonCode(ReasonKind.CANCEL, "other", "Other"),
    ReasonCode(ReasonKind.REFUSE, "damaged", "Damaged"),
    ReasonCode(ReasonKind.REFUSE, "wrong_item", "Not what was ordered"),
    ReasonCode(ReasonKind.REFUSE, "changed_mind", "Customer changed their mind"),
    ReasonCode(ReasonKind.REFUSE, "size_fit", "Wrong size or fit"),
    ReasonCode(ReasonKind.REFUSE, "other", "Other"),
    ReasonCode(ReasonKind.ADJUST, "cycle_count", "Cycle count"),
    ReasonCode(ReasonKind.ADJUST, "damaged", "Damaged or unsellable"),
    ReasonCode(ReasonKind.ADJUST, "theft", "Theft or loss"),
    ReasonCode(ReasonKind.ADJUST, "receiving_error", "Receiving error"),
    ReasonCode(ReasonKind.ADJUST, "found", "Found stock"),
    ReasonCode(ReasonKind.ADJUST, "return_to_stock", "Returned to stock"),
    ReasonCode(ReasonKind.UNPACK, "repack", "Repack into other boxes"),
    ReasonCode(ReasonKind.UNPACK, "wrong_item_packed", "Wrong item packed"),
    ReasonCode(ReasonKind.UNPACK, "order_changed", "Order changed after packing"),
    ReasonCode(ReasonKind.CHANGE, "customer_request", "Customer asked for the change"),
    ReasonCode(ReasonKind.CHANGE, "address_error", "Address was wrong"),
    ReasonCode(ReasonKind.CHANGE, "store_unavailable", "Pickup store cannot serve the order"),
    ReasonCode(ReasonKind.CHANGE, "other", "Other"),
)

_BY_KIND: dict[ReasonKind, dict[str, ReasonCode]] = {}
for _r in REASON_CODES:
    _BY_KIND.setdefault(_r.kind, {})[_r.code] = _r


def reasons_for(kind: ReasonKind) -> list[ReasonCode]:
    """The reason codes a user may pick for one kind of decision, in display order."""
    return list(_BY_KIND.get(kind, {}).values())


def require_reason(kind: ReasonKind, code: str | None) -> ReasonCode:
    """The reason code ``code`` of ``kind``, or MissingRequirement naming the valid ones."""
    known = _BY_KIND.get(kind, {})
    if code is None or code not in known:
        valid = ", ".join(known)
        given = "no reason" if code is None else f"reason {code!r}"
        raise MissingRequirement(
            f"{given} is not a {kind.value} reason; use one of: {valid}", why="reason"
        )
    return known[code]
