"""The fulfillment status machine: one transition table, with who may act and what each needs.

Pickup:          open -> picking -> ready_for_pickup -> handed_over
Ship from store: open -> picking -> packed -> shipped
Ship to store:   open -> picking [-> packed] -> in_transit -> arrived -> ready_for_pickup
                 -> handed_over
Any state before completion may be cancelled; a ready pickup not collected by its deadline
expires (stock goes back); a fulfillment whose every line was rejected by the store ends
as rejected (the server re-routes the quantity).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from desktop_oms.domain.errors import IllegalTransition, MissingRequirement, PermissionDenied
from desktop_oms.domain.roles import Role


class FulfillmentMethod(StrEnum):
    """How a fulfillment reaches the customer."""

    STORE_PICKUP = "store_pickup"
    SHIP_FROM_STORE = "ship_from_store"
    SHIP_TO_STORE = "ship_to_store"


class FulfillmentStatus(StrEnum):
    """Where a fulfillment is in its life."""

    OPEN = "open"
    PICKING = "picking"
    PACKED = "packed"
    IN_TRANSIT = "in_transit"
    ARRIVED = "arrived"
    READY_FOR_PICKUP = "ready_for_pickup"
    HANDED_OVER = "handed_over"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    REJECTED = "rejected"

    @property
    def terminal(self) -> bool:
        """Whether nothing can happen to the fulfillment any more."""
        return self in TERMINAL

    @property
    def completed(self) -> bool:
        """Whether the customer got the goods (handed over or shipped)."""
        return self in (FulfillmentStatus.HANDED_OVER, FulfillmentStatus.SHIPPED)


TERMINAL = frozenset(
    {
        FulfillmentStatus.HANDED_OVER,
        FulfillmentStatus.SHIPPED,
        FulfillmentStatus.CANCELLED,
        FulfillmentStatus.EXPIRED,
        FulfillmentStatus.REJECTED,
    }
)
ACTIVE = frozenset(FulfillmentStatus) - TERMINAL


class Action(StrEnum):
    """A status-changing action on a fulfillment."""

    START_PICKING = "start_picking"
    MARK_READY = "mark_ready"
    HAND_OVER = "hand_over"
    PACK = "pack"
    UNPACK = "unpack"
    SHIP = "ship"
    DISPATCH_TRANSFER = "dispatch_transfer"
    RECEIVE_TRANSFER = "receive_transfer"
    CANCEL = "cancel"
    EXPIRE = "expire"
    REJECT = "reject"


class Requirement(StrEnum):
    """Something an action must come with."""

    BIN = "bin"
    VERIFICATION = "verification"
    REASON = "reason"
    TRACKING = "tracking"
    BOXES = "boxes"


@dataclass(frozen=True, slots=True)
class Transition:
    """One row of the table: ``action`` moves ``methods`` from ``sources`` to ``target``."""

    action: Action
    methods: frozenset[FulfillmentMethod]
    sources: frozenset[FulfillmentStatus]
    target: FulfillmentStatus
    roles: frozenset[Role]
    requires: frozenset[Requirement] = frozenset()


M = FulfillmentMethod
S = FulfillmentStatus
R = Role
PICKUP_METHODS = frozenset({M.STORE_PICKUP, M.SHIP_TO_STORE})
ALL_METHODS = frozenset(M)
FLOOR = frozenset({R.ASSOCIATE, R.LEAD, R.MANAGER, R.ADMIN})
SUPERVISORS = frozenset({R.LEAD, R.MANAGER, R.ADMIN})
CANCELLERS = frozenset({R.LEAD, R.MANAGER, R.CUSTOMER_SERVICE, R.ADMIN})

TRANSITIONS: tuple[Transition, ...] = (
    Transition(Action.START_PICKING, ALL_METHODS, frozenset({S.OPEN}), S.PICKING, FLOOR),
    Transition(
        Action.MARK_READY,
        frozenset({M.STORE_PICKUP}),
        frozenset({S.PICKING}),
        S.READY_FOR_PICKUP,
        FLOOR,
        frozenset({Requirement.BIN}),
    ),
    Transition(
        Action.MARK_READY,
        frozenset({M.SHIP_TO_STORE}),
        frozenset({S.ARRIVED}),
        S.READY_FOR_PICKUP,
        FLOOR,
        frozenset({Requirement.BIN}),
    ),
    Transition(
        Action.HAND_OVER,
        PICKUP_METHODS,
        frozenset({S.READY_FOR_PICKUP}),
        S.HANDED_OVER,
        FLOOR,
        frozenset({Requirement.VERIFICATION}),
    ),
    Transition(
        Action.PACK,
        frozenset({M.SHIP_FROM_STORE, M.SHIP_TO_STORE}),
        frozenset({S.PICKING}),
        S.PACKED,
        FLOOR,
        frozenset({Requirement.BOXES}),
    ),
    Transition(
        Action.UNPACK,
        frozenset({M.SHIP_FROM_STORE, M.SHIP_TO_STORE}),
        frozenset({S.PACKED}),
        S.PICKING,
        SUPERVISORS,
        frozenset({Requirement.REASON}),
    ),
    Transition(
        Action.SHIP,
        frozenset({M.SHIP_FROM_STORE}),
        frozenset({S.PACKED}),
        S.SHIPPED,
        FLOOR,
        frozenset({Requirement.TRACKING}),
    ),
    Transition(
        Action.DISPATCH_TRANSFER,
        frozenset({M.SHIP_TO_STORE}),
        frozenset({S.PICKING, S.PACKED}),
        S.IN_TRANSIT,
        FLOOR,
        frozenset({Requirement.TRACKING}),
    ),
    Transition(
        Action.RECEIVE_TRANSFER,
        frozenset({M.SHIP_TO_STORE}),
        frozenset({S.IN_TRANSIT}),
        S.ARRIVED,
        FLOOR,
    ),
    Transition(
        Action.CANCEL,
        ALL_METHODS,
        ACTIVE,
        S.CANCELLED,
        CANCELLERS,
        frozenset({Requirement.REASON}),
    ),
    Transition(
        Action.EXPIRE,
        PICKUP_METHODS,
        frozenset({S.READY_FOR_PICKUP}),
        S.EXPIRED,
        frozenset({R.MANAGER, R.ADMIN}),
    ),
    Transition(
        Action.REJECT,
        ALL_METHODS,
        frozenset({S.OPEN, S.PICKING}),
        S.REJECTED,
        FLOOR,
        frozenset({Requirement.REASON}),
    ),
)

_INDEX: dict[tuple[Action, FulfillmentMethod, FulfillmentStatus], Transition] = {}
for _t in TRANSITIONS:
    for _m in _t.methods:
        for _s in _t.sources:
            key = (_t.action, _m, _s)
            if key in _INDEX:  # pragma: no cover - guarded by tests
                raise RuntimeError(f"ambiguous transition {key}")
            _INDEX[key] = _t


def find_transition(
    method: FulfillmentMethod, status: FulfillmentStatus, action: Action
) -> Transition:
    """The table row for ``action`` on a fulfillment, or IllegalTransition naming why not."""
    found = _INDEX.get((action, method, status))
    if found is None:
        raise IllegalTransition(
            f"cannot {action.value.replace('_', ' ')} a {method.value.replace('_', ' ')} "
            f"fulfillment that is {status.value.replace('_', ' ')}",
            why="transition",
            action=action.value,
            method=method.value,
            status=status.value,
        )
    return found


def transition(
    method: FulfillmentMethod,
    status: FulfillmentStatus,
    action: Action,
    role: Role,
    provided: Iterable[Requirement] = (),
) -> FulfillmentStatus:
    """Check an action against the table, the role and its requirements; return the new status."""
    row = find_transition(method, status, action)
    if role not in row.roles:
        raise PermissionDenied(
            f"a {role.value.replace('_', ' ')} may not {action.value.replace('_', ' ')}",
            why="role",
            role=role.value,
            action=action.value,
        )
    missing = row.requires - frozenset(provided)
    if missing:
        names = ", ".join(sorted(m.value for m in missing))
        raise MissingRequirement(
            f"{action.value.replace('_', ' ')} needs: {names}",
            why="requirements",
            action=action.value,
            missing=names,
        )
    return row.target


def allowed_actions(
    method: FulfillmentMethod, status: FulfillmentStatus, role: Role | None = None
) -> list[Action]:
    """Actions the table allows from a state (for one role, when given), in table order."""
    seen: list[Action] = []
    for row in TRANSITIONS:
        applies = method in row.methods and status in row.sources
        if applies and row.action not in seen and (role is None or role in row.roles):
            seen.append(row.action)
    return seen


# --- goods left in a bin ------------------------------------------------------------------
#
# Ending a pickup (expiry, cancellation) puts its stock back in the books at once, but a
# pickup that was staged still has its goods in a bin at the counter: someone must carry
# them back to the shelf and say so (``return_to_stock``), which frees the bin.

#: Ended states in which a staged pickup's goods can still be in its bin.
RESTOCKABLE = frozenset({FulfillmentStatus.EXPIRED, FulfillmentStatus.CANCELLED})


def awaits_return_to_stock(status: str, staged_bin: str | None, returned: bool) -> bool:
    """Whether a fulfillment ended with its goods still in a bin that nobody emptied yet."""
    return status in RESTOCKABLE and bool(staged_bin) and not returned


def check_return_to_stock(status: str, staged_bin: str | None, returned: bool) -> None:
    """IllegalTransition saying why a fulfillment's goods cannot be returned to stock now."""
    if status not in RESTOCKABLE:
        words = status.replace("_", " ")
        raise IllegalTransition(
            f"only an expired or cancelled pickup goes back to stock; this one is {words}",
            why="not_restockable",
            status=status,
        )
    if not staged_bin:
        raise IllegalTransition(
            "it was never staged in a bin: there is nothing to put back", why="never_staged"
        )
    if returned:
        raise IllegalTransition("its goods were already returned to stock", why="returned")
