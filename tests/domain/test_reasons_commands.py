"""Reason codes and the command table: every command names its roles, once."""

from __future__ import annotations

import pytest

from desktop_oms.domain.commands import COMMANDS, CommandName, TargetKind, check_role
from desktop_oms.domain.errors import MissingRequirement, PermissionDenied
from desktop_oms.domain.reasons import REASON_CODES, ReasonKind, reasons_for, require_reason
from desktop_oms.domain.roles import Role
from desktop_oms.domain.status import TRANSITIONS, Action


@pytest.mark.parametrize("kind", list(ReasonKind))
def test_every_kind_has_unique_reasons(kind: ReasonKind) -> None:
    """Each decision offers reasons, each code once, in table order."""
    reasons = reasons_for(kind)
    assert reasons
    codes = [r.code for r in reasons]
    assert len(codes) == len(set(codes))
    assert reasons == [r for r in REASON_CODES if r.kind is kind]
    assert all(r.label for r in reasons)


def test_require_reason() -> None:
    """A known code of the right kind passes; others name the valid choices."""
    assert require_reason(ReasonKind.REJECT, "damaged").label == "Item damaged"
    with pytest.raises(MissingRequirement, match="no reason is not a cancel reason"):
        require_reason(ReasonKind.CANCEL, None)
    with pytest.raises(MissingRequirement, match="customer_request, fraud"):
        require_reason(ReasonKind.CANCEL, "bored")
    with pytest.raises(MissingRequirement):
        require_reason(ReasonKind.REJECT, "changed_mind")  # a refuse reason, not a reject one


def test_every_command_has_a_spec() -> None:
    """The table covers every command name, under its own name."""
    assert set(COMMANDS) == set(CommandName)
    assert all(name is spec.name for name, spec in COMMANDS.items())
    assert all(spec.roles for spec in COMMANDS.values())


def test_status_commands_take_their_roles_from_the_transition_table() -> None:
    """A status command's roles are exactly those of its action's rows: one source of truth."""
    with_action = [spec for spec in COMMANDS.values() if spec.action is not None]
    assert {spec.action for spec in with_action} == set(Action) - {Action.REJECT}
    for spec in with_action:
        assert spec.target is TargetKind.FULFILLMENT
        assert spec.name.value == spec.action
        table_roles = {role for t in TRANSITIONS if t.action is spec.action for role in t.roles}
        assert spec.roles == table_roles


@pytest.mark.parametrize("name", list(CommandName))
@pytest.mark.parametrize("role", list(Role))
def test_check_role(name: CommandName, role: Role) -> None:
    """check_role lets exactly the spec's roles through, and says who may not do what."""
    spec = COMMANDS[name]
    if role in spec.roles:
        assert check_role(name, role) is spec
    else:
        words = f"a {role.value.replace('_', ' ')} may not {name.value.replace('_', ' ')}"
        with pytest.raises(PermissionDenied, match=words):
            check_role(name, role)


def test_role_rules_that_matter_at_the_counter() -> None:
    """Spot checks of the rules staff meet every day."""
    assert Role.ASSOCIATE in COMMANDS[CommandName.HAND_OVER].roles
    assert Role.ASSOCIATE in COMMANDS[CommandName.REJECT_LINE].roles
    assert Role.ASSOCIATE not in COMMANDS[CommandName.CANCEL].roles
    assert Role.ASSOCIATE not in COMMANDS[CommandName.ADJUST_INVENTORY].roles
    assert Role.CUSTOMER_SERVICE in COMMANDS[CommandName.CHANGE_PICKUP_STORE].roles
    assert Role.CUSTOMER_SERVICE not in COMMANDS[CommandName.HAND_OVER].roles
    assert COMMANDS[CommandName.ADJUST_INVENTORY].target is TargetKind.INVENTORY
    assert COMMANDS[CommandName.CHANGE_QUANTITY].target is TargetKind.ORDER


def test_order_change_roles() -> None:
    """Issue #8: contact edits and notice resends are for everyone at the counter; delivery
    changes and replacements need a lead or above (or a manager's approval)."""
    for name in (CommandName.EDIT_CONTACT, CommandName.RESEND_READY_NOTICE):
        assert COMMANDS[name].roles == frozenset(Role)
    for name in (CommandName.CHANGE_DELIVERY, CommandName.REPLACE_ITEM):
        assert COMMANDS[name].roles == COMMANDS[CommandName.CHANGE_QUANTITY].roles
        assert Role.ASSOCIATE not in COMMANDS[name].roles
    assert all(
        COMMANDS[n].target is TargetKind.ORDER
        for n in (
            CommandName.CHANGE_DELIVERY,
            CommandName.REPLACE_ITEM,
            CommandName.EDIT_CONTACT,
            CommandName.RESEND_READY_NOTICE,
        )
    )
    assert require_reason(ReasonKind.CHANGE, "address_error").label == "Address was wrong"
