"""Schema-driven fuzzing of every API operation (schemathesis over ``app.openapi()``).

Each operation gets valid and invalid requests generated from its OpenAPI schema, sent
in-process as a real principal (a station, staff of every role, a sales channel, or
nobody). Whatever comes in: never a 5xx, every error in the one envelope, and answers
that match the schema where the schema declares them. ``DESKTOP_OMS_API_FUZZ_EXAMPLES``
raises the examples per operation and mode for a long run (default: a quick pass), and
``DESKTOP_OMS_API_FUZZ_DB_URL`` runs it on another (empty) database, e.g. PostgreSQL.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from desktop_oms.domain.roles import Role
from desktop_oms.protocol.errors import ErrorEnvelope
from desktop_oms.server import schema as t
from desktop_oms.server.app import create_app
from desktop_oms.server.config import ServerConfig
from desktop_oms.server.services import Services
from tests.server.chain import Chain, build_chain
from tests.server.factories import (
    make_channel,
    make_staff,
    make_station,
    sign_in_token,
    username_of,
)
from tests.server.test_isolation import ROUTES

EXAMPLES = int(os.environ.get("DESKTOP_OMS_API_FUZZ_EXAMPLES", "6"))


@dataclass
class Tally:
    """What the run tried, for the long-run figures (printed with ``-s``)."""

    cases: int = 0
    statuses: dict[int, int] = field(default_factory=dict)


@dataclass
class World:
    """An app on SQLite with the two-store chain and a token for every kind of caller."""

    app: FastAPI
    client: TestClient
    chain: Chain
    tokens: dict[str, str]
    usernames: dict[str, str]
    spare_station_ids: set[int]
    protected_station_ids: set[int]
    real_keys: dict[str, Any] = field(default_factory=dict)
    tally: Tally = field(default_factory=Tally)

    def spare_station(self) -> int:
        """A station of store A nobody uses (for probing revocation without losing A's)."""
        with self.chain.services.db.write() as conn:
            out = make_station(
                conn, store_id=self.chain.a.store_id, enrolled_by=self.chain.a.manager
            )
            sid = conn.execute(
                t.stations.select()
                .with_only_columns(t.stations.c.id)
                .where(t.stations.c.client_id == out.client_id)
            ).scalar_one()
        self.spare_station_ids.add(int(sid))
        return int(sid)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One app for the whole module: building it per operation would dominate the run."""
    root: Path = tmp_path_factory.mktemp("api_schema")
    (root / "notices").mkdir()
    app = create_app(
        ServerConfig(
            database_url=os.environ.get("DESKTOP_OMS_API_FUZZ_DB_URL")
            or f"sqlite:///{root / 'oms.sqlite3'}",
            run_jobs=False,
            notification_dir=root / "notices",
            longpoll_max_seconds=0.01,  # generated ``wait`` values must not idle the run
        )
    )
    with TestClient(app) as client:
        services = app.state.services
        assert isinstance(services, Services)
        chain = build_chain(client, services)
        number = chain.order(store="a")
        chain.order(store="b", delivery=True)
        with services.db.write() as conn:
            cs = make_staff(conn, store_id=None, role=Role.CUSTOMER_SERVICE, username="cs1")
            admin = make_staff(conn, store_id=None, role=Role.ADMIN, username="admin1")
            _, channel_key = make_channel(conn)
            stations = {
                int(r)
                for r in conn.execute(
                    t.stations.select().with_only_columns(t.stations.c.id)
                ).scalars()
            }
        with services.db.read() as conn:
            names = {
                "associate": username_of(conn, chain.a.associate),
                "lead": username_of(conn, chain.a.lead),
                "manager": username_of(conn, chain.a.manager),
                "customer_service": username_of(conn, cs),
                "admin": username_of(conn, admin),
            }
        tokens = {role: sign_in_token(client, username=name) for role, name in names.items()}
        tokens["station"] = chain.a.station_token
        tokens["channel"] = channel_key
        w = World(
            app=app,
            client=client,
            chain=chain,
            tokens=tokens,
            usernames=names,
            spare_station_ids=set(),
            protected_station_ids=stations,
            real_keys={
                "number": number,
                "fulfillment_id": int(chain.fulfillment(number).id),
                "station_id": max(stations),
                "cursor": client.get(
                    "/api/v1/sync/snapshot",
                    headers={"Authorization": f"Bearer {tokens['station']}"},
                ).json()["cursor"],
            },
        )
        yield w
        if os.environ.get("DESKTOP_OMS_API_FUZZ_EXAMPLES"):
            print(f"\nAPI fuzz: {w.tally.cases} cases, statuses {sorted(w.tally.statuses.items())}")
    services.db.dispose()


STAFF = ("associate", "lead", "manager", "customer_service", "admin")
ANYONE = ("station", *STAFF, "channel", "none", "forged")
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


def _principals(path: str, method: str) -> st.SearchStrategy[str]:
    """Anyone at all, but mostly the kind of caller the route is for (else: 401s only)."""
    if path.startswith("/api/v1/sync/"):
        meant: tuple[str, ...] = ("station",)
    elif path == "/api/v1/orders" and method == "POST":
        meant = ("channel",)
    elif path.startswith("/api/v1/availability/"):
        meant = (*STAFF, "channel")
    else:
        meant = STAFF
    return st.sampled_from(meant * 3 + ANYONE)


def _envelope_check(response: Any) -> None:
    """Every non-2xx answer is the project's envelope, with no trace in it."""
    if response.status_code < 400:
        return
    assert response.headers.get("content-type", "").startswith("application/json"), response.text
    ErrorEnvelope.model_validate(response.json())
    assert "Traceback" not in response.text


def _send(w: World, case: Any, principal: str) -> Any:
    """Send ``case`` as ``principal`` through the app's in-process client."""
    kwargs = case.as_transport_kwargs(base_url="http://testserver")
    headers = {
        k: v
        for k, v in (kwargs.get("headers") or {}).items()
        if k.lower() not in ("authorization", "x-station-authorization")
    }
    if principal == "forged":
        headers["Authorization"] = "Bearer st_AAAA.BBBB"
    elif principal != "none":
        headers["Authorization"] = f"Bearer {w.tokens[principal]}"
    if case.path.endswith("/revoke"):
        station_id = case.path_parameters.get("station_id")
        if isinstance(station_id, int) and station_id in w.protected_station_ids:
            case.path_parameters["station_id"] = w.spare_station()
            kwargs = case.as_transport_kwargs(base_url="http://testserver")
    content = kwargs.get("data")
    if isinstance(content, str):
        content = content.encode()
    response = w.client.request(
        kwargs["method"],
        kwargs["url"],
        params=kwargs.get("params"),
        headers=headers,
        json=kwargs.get("json") if "json" in kwargs else None,
        content=content,
    )
    if case.path.endswith("/auth/sign-out") and response.status_code == 204:
        # the session the other cases use has ended: sign in again
        w.tokens[principal] = sign_in_token(w.client, username=w.usernames[principal])
    w.tally.cases += 1
    w.tally.statuses[response.status_code] = w.tally.statuses.get(response.status_code, 0) + 1
    return response


@pytest.mark.parametrize("route", sorted(ROUTES), ids=lambda r: f"{r[0]} {r[1]}")
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_operation_never_fails_and_answers_per_schema(
    world: World, route: tuple[str, str], mode: GenerationMode
) -> None:
    """Generated requests as any principal: no 5xx, errors enveloped, bodies per schema."""
    method, path = route
    schema = schemathesis.openapi.from_dict(world.app.openapi())
    operation = schema[path][method]
    if mode is GenerationMode.NEGATIVE and path == "/health":
        pytest.skip("nothing to make invalid: no parameters, no body")

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        derandomize=not os.environ.get("DESKTOP_OMS_API_FUZZ_EXAMPLES"),
    )
    @given(
        case=operation.as_strategy(generation_mode=mode),
        principal=_principals(path, method),
        real=st.booleans(),
    )
    def run(case: Any, principal: str, real: bool) -> None:
        if real:  # half the time, name things that exist
            for name, value in world.real_keys.items():
                if name in (case.path_parameters or {}):
                    case.path_parameters[name] = value
                if name in (case.query or {}):
                    case.query[name] = value
        response = _send(world, case, principal)
        _envelope_check(response)
        case.validate_response(response, checks=CHECKS)

    run()
