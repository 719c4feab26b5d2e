"""Ended pickups with goods left in a bin: what may go back to stock, and who may say so."""

from __future__ import annotations

import pytest

from desktop_oms.domain.commands import COMMANDS, CommandName, TargetKind
from desktop_oms.domain.errors import IllegalTransition
from desktop_oms.domain.roles import Role
from desktop_oms.domain.status import (
    RESTOCKABLE,
    FulfillmentStatus,
    awaits_return_to_stock,
    check_return_to_stock,
)


@pytest.mark.parametrize("status", list(FulfillmentStatus))
def test_only_ended_staged_unreturned_pickups_await_a_return(status: FulfillmentStatus) -> None:
    """Expired or cancelled, staged in a bin, not yet returned: exactly those wait."""
    ended = status in (FulfillmentStatus.EXPIRED, FulfillmentStatus.CANCELLED)
    assert awaits_return_to_stock(status.value, "P-014", returned=False) is ended
    assert awaits_return_to_stock(status.value, None, returned=False) is False
    assert awaits_return_to_stock(status.value, "P-014", returned=True) is False
    if ended:
        check_return_to_stock(status.value, "P-014", returned=False)
    else:
        with pytest.raises(IllegalTransition, match=status.value.replace("_", " ")):
            check_return_to_stock(status.value, "P-014", returned=False)


def test_refusals_say_why() -> None:
    """Never staged, or already back on the shelf: the reason names it."""
    assert {FulfillmentStatus.EXPIRED, FulfillmentStatus.CANCELLED} == RESTOCKABLE
    with pytest.raises(IllegalTransition, match="never staged"):
        check_return_to_stock("cancelled", None, returned=False)
    with pytest.raises(IllegalTransition, match="already returned"):
        check_return_to_stock("expired", "P-014", returned=True)


def test_floor_staff_return_goods_to_stock() -> None:
    """Putting goods back is store floor work: not for customer service, who is not there."""
    spec = COMMANDS[CommandName.RETURN_TO_STOCK]
    assert spec.target is TargetKind.FULFILLMENT and spec.action is None
    assert spec.roles == {Role.ASSOCIATE, Role.LEAD, Role.MANAGER, Role.ADMIN}
