"""Role rules, command by command and role by role, on both ways in to the server.

For every command of ``domain.commands`` and every role, the station push and the staff
API (``POST /commands``) refuse exactly the roles the domain table refuses — with the
push result ``permission_denied`` and the API's ``403 forbidden`` envelope, both with the
domain's words — and let every other role past the role check (what happens next, e.g.
an illegal transition for a command that does not fit the target's state, is not this
test's business).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from desktop_oms.domain.commands import COMMANDS, CommandName, TargetKind
from desktop_oms.domain.roles import Role
from desktop_oms.protocol import API_PREFIX
from desktop_oms.protocol.errors import ErrorEnvelope
from desktop_oms.server.app import create_app
from desktop_oms.server.config import ServerConfig
from desktop_oms.server.services import Services
from tests.server.chain import Chain, build_chain
from tests.server.factories import bearer, make_staff, sign_in_token, username_of


@dataclass
class World:
    """Store A's chain with a staff member and a session of every role."""

    chain: Chain
    staff: dict[Role, int]
    tokens: dict[Role, str]
    number: str
    fid: int


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One app for the module: 210 probes on one database."""
    root: Path = tmp_path_factory.mktemp("roles")
    (root / "mail").mkdir()
    app = create_app(
        ServerConfig(
            database_url=f"sqlite:///{root / 'oms.sqlite3'}",
            run_jobs=False,
            notification_dir=root / "mail",
        )
    )
    with TestClient(app) as client:
        services = app.state.services
        assert isinstance(services, Services)
        chain = build_chain(client, services, stock=100)
        number = chain.order(store="a")
        with services.db.write() as conn:
            staff = {
                Role.ASSOCIATE: chain.a.associate,
                Role.LEAD: chain.a.lead,
                Role.MANAGER: chain.a.manager,
                Role.CUSTOMER_SERVICE: make_staff(conn, store_id=None, role=Role.CUSTOMER_SERVICE),
                Role.ADMIN: make_staff(conn, store_id=None, role=Role.ADMIN),
            }
        with services.db.read() as conn:
            tokens = {
                role: sign_in_token(client, username=username_of(conn, sid))
                for role, sid in staff.items()
            }
        yield World(chain, staff, tokens, number, int(chain.fulfillment(number).id))
    services.db.dispose()


def _key(w: World, name: CommandName) -> str:
    target = COMMANDS[name].target
    if target is TargetKind.FULFILLMENT:
        return str(w.fid)
    if target is TargetKind.ORDER:
        return w.number
    return f"{w.chain.a.store_id}:SKU-3"


def _role_words(role: Role, name: CommandName) -> str:
    """The domain's refusal (``check_role``) of ``role`` running ``name``."""
    return f"a {role.value.replace('_', ' ')} may not {name.value.replace('_', ' ')}"


CASES = [(name, role) for name in CommandName for role in Role]


def _ids(case: tuple[CommandName, Role]) -> str:
    return f"{case[0].value}-{case[1].value}"


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_station_push_allows_exactly_the_domain_roles(
    world: World, case: tuple[CommandName, Role]
) -> None:
    """A pushed command of ``role``'s staff is refused for its role iff the domain says so."""
    name, role = case
    result: dict[str, Any] = world.chain.result(
        world.chain.a, name.value, _key(world, name), staff=world.staff[role]
    )
    refused_for_role = (
        result["status"] == "rejected"
        and result["code"] == "permission_denied"
        and result["message"] == _role_words(role, name)
    )
    allowed = role in COMMANDS[name].roles
    assert refused_for_role is not allowed, result


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_staff_api_allows_exactly_the_domain_roles(
    world: World, case: tuple[CommandName, Role]
) -> None:
    """``POST /commands`` as ``role`` is 403 forbidden for its role iff the domain says so."""
    name, role = case
    body = {
        "name": name.value,
        "target_kind": COMMANDS[name].target.value,
        "target_key": _key(world, name),
        "args": {},
    }
    r = world.chain.client.post(
        f"{API_PREFIX}/commands", json=body, headers=bearer(world.tokens[role])
    )
    assert r.status_code < 500, r.text
    refused_for_role = False
    if r.status_code >= 400:
        err = ErrorEnvelope.model_validate(r.json()).error
        refused_for_role = r.status_code == 403 and err.message == _role_words(role, name)
        if refused_for_role:
            assert err.code.value == "forbidden"
            assert err.details == {"reason": "permission_denied"}
    allowed = role in COMMANDS[name].roles
    assert refused_for_role is not allowed, (r.status_code, r.text)


def test_every_command_has_a_role_that_may_and_the_table_is_complete() -> None:
    """The table above covers every command and role (a new one is probed at once)."""
    assert {c for c, _ in CASES} == set(CommandName) == set(COMMANDS)
    assert {r for _, r in CASES} == set(Role)
