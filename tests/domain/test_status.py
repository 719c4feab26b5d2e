"""The fulfillment status machine: the table is followed exactly, roles and requirements hold."""

from __future__ import annotations

from collections import deque

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_oms.domain.errors import IllegalTransition, MissingRequirement, PermissionDenied
from desktop_oms.domain.roles import Role
from desktop_oms.domain.status import (
    ACTIVE,
    TERMINAL,
    TRANSITIONS,
    Action,
    FulfillmentMethod,
    FulfillmentStatus,
    Requirement,
    Transition,
    allowed_actions,
    find_transition,
    transition,
)

M = FulfillmentMethod
S = FulfillmentStatus
ALL_REQUIREMENTS = frozenset(Requirement)


def _row(method: M, status: S, action: Action) -> Transition | None:
    rows = [t for t in TRANSITIONS if t.action is action and method in t.methods]
    rows = [t for t in rows if status in t.sources]
    assert len(rows) <= 1
    return rows[0] if rows else None


def _reachable(method: M) -> frozenset[S]:
    seen = {S.OPEN}
    queue = deque([S.OPEN])
    while queue:
        state = queue.popleft()
        for row in TRANSITIONS:
            if method in row.methods and state in row.sources and row.target not in seen:
                seen.add(row.target)
                queue.append(row.target)
    return frozenset(seen)


REACHABLE = {method: _reachable(method) for method in M}


@given(method=st.sampled_from(M), data=st.data())
def test_random_sequences_follow_the_table(method: M, data: st.DataObject) -> None:
    """Any sequence of attempts stays in the reachable set and moves exactly as the table says.

    Half the attempts pick an action the table offers from the current state, so that walks
    get deep; the rest are anything at all.
    """
    state = S.OPEN
    for _ in range(data.draw(st.integers(0, 30), label="steps")):
        offered = allowed_actions(method, state)
        guided = data.draw(st.booleans(), label="guided")
        if offered and guided:
            action = data.draw(st.sampled_from(offered), label="action")
        else:
            action = data.draw(st.sampled_from(Action), label="action")
        role = data.draw(st.sampled_from(Role), label="role")
        provided = data.draw(
            st.one_of(st.just(ALL_REQUIREMENTS), st.frozensets(st.sampled_from(Requirement))),
            label="provided",
        )
        row = _row(method, state, action)
        try:
            new = transition(method, state, action, role, provided)
        except IllegalTransition:
            assert row is None
            continue
        except PermissionDenied:
            assert row is not None
            assert role not in row.roles
            continue
        except MissingRequirement:
            assert row is not None
            assert role in row.roles
            assert not row.requires <= provided
            continue
        assert not state.terminal, f"left terminal state {state}"
        assert row is not None
        assert role in row.roles
        assert row.requires <= provided
        assert new is row.target
        assert new in REACHABLE[method]
        state = new


@pytest.mark.parametrize("method", list(M))
@pytest.mark.parametrize("state", sorted(TERMINAL))
@pytest.mark.parametrize("action", list(Action))
def test_terminal_states_are_final(method: M, state: S, action: Action) -> None:
    """No action, by anyone, with everything provided, leaves a terminal state."""
    for role in Role:
        with pytest.raises(IllegalTransition):
            transition(method, state, action, role, ALL_REQUIREMENTS)
    assert allowed_actions(method, state) == []


@pytest.mark.parametrize("method", list(M))
@pytest.mark.parametrize("state", sorted(ACTIVE))
def test_every_active_state_can_be_cancelled_by_a_lead(method: M, state: S) -> None:
    """A lead can cancel anything not yet completed, given a reason."""
    assert transition(method, state, Action.CANCEL, Role.LEAD, {Requirement.REASON}) is S.CANCELLED
    with pytest.raises(MissingRequirement, match="reason"):
        transition(method, state, Action.CANCEL, Role.LEAD)
    with pytest.raises(PermissionDenied):
        transition(method, state, Action.CANCEL, Role.ASSOCIATE, {Requirement.REASON})


ROW_CASES = [
    (row, method, source) for row in TRANSITIONS for method in row.methods for source in row.sources
]


def _case_id(case: tuple[Transition, M, S]) -> str:
    row, method, source = case
    return f"{row.action}-{method}-{source}"


@pytest.mark.parametrize("case", ROW_CASES, ids=[_case_id(c) for c in ROW_CASES])
def test_each_requirement_is_enforced(case: tuple[Transition, M, S]) -> None:
    """Leaving out any one requirement of a row raises MissingRequirement naming it."""
    row, method, source = case
    role = min(row.roles)
    assert transition(method, source, row.action, role, row.requires) is row.target
    for requirement in row.requires:
        with pytest.raises(MissingRequirement, match=requirement.value):
            transition(method, source, row.action, role, row.requires - {requirement})


@pytest.mark.parametrize("case", ROW_CASES, ids=[_case_id(c) for c in ROW_CASES])
def test_each_role_rule_is_enforced(case: tuple[Transition, M, S]) -> None:
    """Every role outside a row's roles is refused, even with every requirement provided."""
    row, method, source = case
    for role in Role:
        if role in row.roles:
            assert transition(method, source, row.action, role, ALL_REQUIREMENTS) is row.target
        else:
            with pytest.raises(PermissionDenied, match=role.value.replace("_", " ")):
                transition(method, source, row.action, role, ALL_REQUIREMENTS)


@pytest.mark.parametrize("method", list(M))
@pytest.mark.parametrize("state", list(S))
@pytest.mark.parametrize("role", [None, *Role])
def test_allowed_actions_match_transition(method: M, state: S, role: Role | None) -> None:
    """``allowed_actions`` lists exactly the actions that succeed with everything provided."""
    expected = []
    for action in Action:
        roles = list(Role) if role is None else [role]
        for who in roles:
            try:
                transition(method, state, action, who, ALL_REQUIREMENTS)
            except (IllegalTransition, PermissionDenied):
                continue
            expected.append(action)
            break
    assert sorted(allowed_actions(method, state, role)) == sorted(expected)


def _walk(method: M, path: list[tuple[Action, set[Requirement]]]) -> list[S]:
    state, seen = S.OPEN, [S.OPEN]
    for action, provided in path:
        state = transition(method, state, action, Role.ASSOCIATE, provided)
        seen.append(state)
    return seen


def test_pickup_path() -> None:
    """open -> picking -> ready_for_pickup -> handed_over."""
    path = [
        (Action.START_PICKING, set()),
        (Action.MARK_READY, {Requirement.BIN}),
        (Action.HAND_OVER, {Requirement.VERIFICATION}),
    ]
    assert _walk(M.STORE_PICKUP, path) == [S.OPEN, S.PICKING, S.READY_FOR_PICKUP, S.HANDED_OVER]


def test_ship_from_store_path() -> None:
    """open -> picking -> packed -> shipped."""
    path = [
        (Action.START_PICKING, set()),
        (Action.PACK, {Requirement.BOXES}),
        (Action.SHIP, {Requirement.TRACKING}),
    ]
    assert _walk(M.SHIP_FROM_STORE, path) == [S.OPEN, S.PICKING, S.PACKED, S.SHIPPED]


def test_ship_to_store_path() -> None:
    """Ship to store adds in_transit -> arrived before ready_for_pickup."""
    path = [
        (Action.START_PICKING, set()),
        (Action.PACK, {Requirement.BOXES}),
        (Action.DISPATCH_TRANSFER, {Requirement.TRACKING}),
        (Action.RECEIVE_TRANSFER, set()),
        (Action.MARK_READY, {Requirement.BIN}),
        (Action.HAND_OVER, {Requirement.VERIFICATION}),
    ]
    assert _walk(M.SHIP_TO_STORE, path) == [
        S.OPEN,
        S.PICKING,
        S.PACKED,
        S.IN_TRANSIT,
        S.ARRIVED,
        S.READY_FOR_PICKUP,
        S.HANDED_OVER,
    ]


def test_methods_do_not_borrow_each_others_steps() -> None:
    """A pickup is never shipped and a shipment is never handed over at a counter."""
    with pytest.raises(IllegalTransition, match="ship a store pickup"):
        find_transition(M.STORE_PICKUP, S.PACKED, Action.SHIP)
    with pytest.raises(IllegalTransition):
        find_transition(M.SHIP_FROM_STORE, S.READY_FOR_PICKUP, Action.HAND_OVER)
    with pytest.raises(IllegalTransition):
        find_transition(M.STORE_PICKUP, S.PICKING, Action.PACK)
    assert S.SHIPPED not in REACHABLE[M.STORE_PICKUP]
    assert S.HANDED_OVER not in REACHABLE[M.SHIP_FROM_STORE]
    assert S.EXPIRED not in REACHABLE[M.SHIP_FROM_STORE]


def test_only_managers_expire_ready_pickups() -> None:
    """Expiry returns stock: only a manager (or admin, or the server's job as admin) does it."""
    for method in (M.STORE_PICKUP, M.SHIP_TO_STORE):
        assert transition(method, S.READY_FOR_PICKUP, Action.EXPIRE, Role.MANAGER) is S.EXPIRED
        with pytest.raises(PermissionDenied):
            transition(method, S.READY_FOR_PICKUP, Action.EXPIRE, Role.LEAD)
        with pytest.raises(IllegalTransition):
            transition(method, S.PICKING, Action.EXPIRE, Role.MANAGER)


@pytest.mark.parametrize("method", list(M))
def test_every_reachable_state_can_end(method: M) -> None:
    """No dead ends: from each reachable active state some terminal state is reachable."""
    for state in REACHABLE[method] - TERMINAL:
        seen, queue = {state}, deque([state])
        while queue:
            current = queue.popleft()
            for row in TRANSITIONS:
                if method in row.methods and current in row.sources and row.target not in seen:
                    seen.add(row.target)
                    queue.append(row.target)
        assert seen & TERMINAL, f"{state} cannot end for {method}"


def test_terminal_and_completed_flags() -> None:
    """Completed states are terminal; active and terminal partition the states."""
    assert frozenset(S) == ACTIVE | TERMINAL
    assert not ACTIVE & TERMINAL
    assert {s for s in S if s.completed} == {S.HANDED_OVER, S.SHIPPED}
    assert all(s.terminal for s in S if s.completed)
