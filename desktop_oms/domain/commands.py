"""The station-to-server commands: what each targets and which roles may run it.

Status-changing commands defer to the transition table in :mod:`status`; the others
(line changes, store moves, inventory) name their roles here. The server re-checks every
command on arrival, whatever the station let through offline.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop_oms.domain.errors import PermissionDenied
from desktop_oms.domain.roles import Role
from desktop_oms.domain.status import TRANSITIONS, Action


class TargetKind(StrEnum):
    """What a command changes, and so whose ``version`` it carries."""

    FULFILLMENT = "fulfillment"
    ORDER = "order"
    INVENTORY = "inventory"


class CommandName(StrEnum):
    """Every command a station can push."""

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
    REJECT_LINE = "reject_line"
    CHANGE_QUANTITY = "change_quantity"
    CANCEL_ORDER = "cancel_order"
    CHANGE_PICKUP_STORE = "change_pickup_store"
    RELEASE_FRAUD_HOLD = "release_fraud_hold"
    CHANGE_DELIVERY = "change_delivery"
    REPLACE_ITEM = "replace_item"
    EDIT_CONTACT = "edit_contact"
    RESEND_READY_NOTICE = "resend_ready_notice"
    ADJUST_INVENTORY = "adjust_inventory"
    RETURN_TO_STOCK = "return_to_stock"


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """A command's target kind, its roles, and the status action it performs (if any)."""

    name: CommandName
    target: TargetKind
    roles: frozenset[Role]
    action: Action | None = None


def _roles_of(action: Action) -> frozenset[Role]:
    roles: set[Role] = set()
    for row in TRANSITIONS:
        if row.action is action:
            roles |= row.roles
    return frozenset(roles)


_F = TargetKind.FULFILLMENT
_FLOOR = frozenset({Role.ASSOCIATE, Role.LEAD, Role.MANAGER, Role.ADMIN})
_CHANGERS = frozenset({Role.LEAD, Role.MANAGER, Role.CUSTOMER_SERVICE, Role.ADMIN})
_APPROVERS = frozenset({Role.MANAGER, Role.CUSTOMER_SERVICE, Role.ADMIN})
_STOCK = frozenset({Role.MANAGER, Role.ADMIN})
#: customer-care chores any store role may do at the counter (and customer service)
_EVERYONE = frozenset(Role)

COMMANDS: dict[CommandName, CommandSpec] = {
    spec.name: spec
    for spec in (
        *(
            CommandSpec(CommandName(action.value), _F, _roles_of(action), action)
            for action in (
                Action.START_PICKING,
                Action.MARK_READY,
                Action.HAND_OVER,
                Action.PACK,
                Action.UNPACK,
                Action.SHIP,
                Action.DISPATCH_TRANSFER,
                Action.RECEIVE_TRANSFER,
                Action.CANCEL,
                Action.EXPIRE,
            )
        ),
        CommandSpec(CommandName.REJECT_LINE, _F, _FLOOR),
        # putting an ended pickup's goods back on the shelf is floor work, done in the store
        CommandSpec(CommandName.RETURN_TO_STOCK, _F, _FLOOR),
        CommandSpec(CommandName.CHANGE_QUANTITY, TargetKind.ORDER, _CHANGERS),
        CommandSpec(CommandName.CANCEL_ORDER, TargetKind.ORDER, _CHANGERS),
        CommandSpec(CommandName.CHANGE_PICKUP_STORE, TargetKind.ORDER, _CHANGERS),
        CommandSpec(CommandName.RELEASE_FRAUD_HOLD, TargetKind.ORDER, _APPROVERS),
        CommandSpec(CommandName.CHANGE_DELIVERY, TargetKind.ORDER, _CHANGERS),
        CommandSpec(CommandName.REPLACE_ITEM, TargetKind.ORDER, _CHANGERS),
        CommandSpec(CommandName.EDIT_CONTACT, TargetKind.ORDER, _EVERYONE),
        CommandSpec(CommandName.RESEND_READY_NOTICE, TargetKind.ORDER, _EVERYONE),
        CommandSpec(CommandName.ADJUST_INVENTORY, TargetKind.INVENTORY, _STOCK),
    )
}


def check_role(name: CommandName, role: Role) -> CommandSpec:
    """The spec of ``name`` if ``role`` may run it, else PermissionDenied."""
    spec = COMMANDS[name]
    if role not in spec.roles:
        raise PermissionDenied(
            f"a {role.value.replace('_', ' ')} may not {name.value.replace('_', ' ')}",
            why="role",
            role=role.value,
            action=name.value,
        )
    return spec
