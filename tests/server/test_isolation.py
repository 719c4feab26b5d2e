"""Store isolation, route by route: store B's staff and station never read or change A's data.

The table must name every route the app serves, so a new route cannot ship untested.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient

from desktop_oms.protocol import API_PREFIX
from desktop_oms.protocol.sync import SNAPSHOT_ORDER
from desktop_oms.server import schema as t
from desktop_oms.server.app import create_app
from desktop_oms.server.config import ServerConfig
from desktop_oms.server.services import Services
from tests.server.chain import Chain, build_chain
from tests.server.factories import bearer, sign_in_token, username_of

A_EMAIL = "alice.secret@example.com"


class World:
    """Chain plus store A's order and store B's tokens."""

    def __init__(self, chain: Chain) -> None:
        self.chain = chain
        self.number = chain.order(store="a", email=A_EMAIL)
        self.fid = int(chain.fulfillment(self.number).id)
        c = chain.client
        with chain.services.db.read() as conn:
            b_manager = username_of(conn, chain.b.manager)
            b_associate = username_of(conn, chain.b.associate)
            a_station = conn.execute(
                t.stations.select().where(t.stations.c.store_id == chain.a.store_id)
            ).first()
        assert a_station is not None
        self.a_station_id = int(a_station.id)
        self.b_manager = sign_in_token(c, username=b_manager)
        self.b_associate = sign_in_token(c, username=b_associate)
        self.b_station = chain.b.station_token

    def get(self, path: str, token: str, **params: Any) -> Any:
        """GET as ``token``."""
        return self.chain.client.get(f"{API_PREFIX}{path}", params=params, headers=bearer(token))

    def post(self, path: str, token: str, body: Any) -> Any:
        """POST as ``token``."""
        return self.chain.client.post(f"{API_PREFIX}{path}", json=body, headers=bearer(token))


def _leaks(w: World, payload: Any) -> bool:
    text = str(payload)
    return A_EMAIL in text or w.number in text


def _order_detail(w: World) -> None:
    r = w.get(f"/orders/{w.number}", w.b_manager)
    assert r.status_code == 404
    assert A_EMAIL not in r.text  # the number asked for may be echoed, nothing more


def _order_search(w: World) -> None:
    for q in (w.number, "alice", A_EMAIL):
        r = w.get("/orders", w.b_manager, q=q)
        assert r.status_code == 200
        assert r.json() == []


def _fulfillment(w: World) -> None:
    r = w.get(f"/fulfillments/{w.fid}", w.b_manager)
    assert r.status_code == 404
    assert not _leaks(w, r.json())


def _staff_command(w: World) -> None:
    body = {"name": "start_picking", "target_kind": "fulfillment", "target_key": str(w.fid)}
    r = w.post("/commands", w.b_manager, body)
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "out_of_scope"
    body = {
        "name": "cancel_order",
        "target_kind": "order",
        "target_key": w.number,
        "args": {"reason": "customer_request"},
    }
    r = w.post("/commands", w.b_manager, body)
    assert r.status_code == 403


def _snapshot_start(w: World) -> None:
    r = w.get("/sync/snapshot", w.b_station)
    assert r.status_code == 200
    assert r.json()["store_id"] == w.chain.b.store_id


def _snapshot_pages(w: World) -> None:
    cursor = w.get("/sync/snapshot", w.b_station).json()["cursor"]
    for kind in SNAPSHOT_ORDER:
        r = w.get(f"/sync/snapshot/{kind.value}", w.b_station, cursor=cursor)
        assert r.status_code == 200
        assert not _leaks(w, r.json()), kind


def _feed(w: World) -> None:
    cursor = w.get("/sync/snapshot", w.b_station).json()["cursor"]
    epoch = cursor.split(":")[0]
    r = w.get("/sync/feed", w.b_station, cursor=f"{epoch}:0")
    assert r.status_code == 200
    assert not _leaks(w, r.json())
    w.chain.result(w.chain.a, "start_picking", w.fid)  # A's change after B's cursor
    r = w.get("/sync/feed", w.b_station, cursor=cursor)
    assert not _leaks(w, r.json())


def _station_push(w: World) -> None:
    r = w.chain.result(
        w.chain.b, "cancel", w.fid, staff=w.chain.b.manager, reason="customer_request"
    )
    assert r["status"] == "rejected"
    assert r["code"] == "out_of_scope"
    assert r["current"] == []  # the rejection does not leak A's document either
    r = w.chain.result(
        w.chain.b,
        "cancel_order",
        w.number,
        staff=w.chain.b.manager,
        base_version=None,
        reason="customer_request",
    )
    assert r["code"] == "out_of_scope"
    r = w.chain.result(
        w.chain.b,
        "adjust_inventory",
        f"{w.chain.a.store_id}:SKU-1",
        staff=w.chain.b.manager,
        mode="delta",
        quantity=5,
        reason="found",
    )
    assert r["code"] == "out_of_scope"


def _status(w: World) -> None:
    r = w.get("/sync/status", w.b_station)
    assert r.json()["store_id"] == w.chain.b.store_id


def _enrol(w: World) -> None:
    r = w.post("/stations/enrol", w.b_manager, {"name": "rogue", "store_id": w.chain.a.store_id})
    assert r.status_code == 403


def _revoke(w: World) -> None:
    r = w.post(f"/stations/{w.a_station_id}/revoke", w.b_manager, {})
    assert r.status_code in (403, 404)
    r = w.get("/sync/status", w.chain.a.station_token)
    assert r.status_code == 200  # A's station still works


def _me(w: World) -> None:
    r = w.get("/auth/me", w.b_associate)
    assert r.json()["store_id"] == w.chain.b.store_id


def _buy_labels(w: World) -> None:
    r = w.chain.client.post(
        f"{API_PREFIX}/fulfillments/{w.fid}/labels",
        headers={**bearer(w.b_associate), "Idempotency-Key": "b-tries"},
    )
    assert r.status_code == 403 and r.json()["error"]["code"] == "out_of_scope"
    assert not _leaks(w, r.json())


def _void_label(w: World) -> None:
    from tests.server.test_labels import packed_parcel

    fid = packed_parcel(w.chain)
    with w.chain.services.db.read() as conn:
        a_associate = username_of(conn, w.chain.a.associate)
    r = w.chain.client.post(
        f"{API_PREFIX}/fulfillments/{fid}/labels",
        headers={
            **bearer(sign_in_token(w.chain.client, username=a_associate)),
            "Idempotency-Key": "a",
        },
    )
    tracking = r.json()["labels"][0]["tracking"]
    r = w.post(f"/labels/{tracking}/void", w.b_manager, None)
    assert r.status_code == 403 and r.json()["error"]["code"] == "out_of_scope"
    assert "Sanne" not in r.text and tracking not in r.json()["error"]["message"]


def _not_store_data(_w: World) -> None:
    """Sign-in, sign-out, intake (sales channels) and chain-wide stock hold no store's data."""


ROUTES: dict[tuple[str, str], Callable[[World], None]] = {
    ("GET", "/health"): _not_store_data,
    ("POST", "/api/v1/auth/sign-in"): _not_store_data,
    ("POST", "/api/v1/auth/sign-out"): _not_store_data,
    ("GET", "/api/v1/auth/me"): _me,
    ("POST", "/api/v1/stations/enrol"): _enrol,
    ("POST", "/api/v1/stations/{station_id}/revoke"): _revoke,
    ("POST", "/api/v1/orders"): _not_store_data,
    ("GET", "/api/v1/availability/{sku}"): _not_store_data,
    ("GET", "/api/v1/orders/{number}"): _order_detail,
    ("GET", "/api/v1/orders"): _order_search,
    ("GET", "/api/v1/fulfillments/{fulfillment_id}"): _fulfillment,
    ("POST", "/api/v1/commands"): _staff_command,
    ("GET", "/api/v1/sync/snapshot"): _snapshot_start,
    ("GET", "/api/v1/sync/snapshot/{kind}"): _snapshot_pages,
    ("GET", "/api/v1/sync/feed"): _feed,
    ("POST", "/api/v1/sync/commands"): _station_push,
    ("GET", "/api/v1/sync/status"): _status,
    ("POST", "/api/v1/fulfillments/{fulfillment_id}/labels"): _buy_labels,
    ("POST", "/api/v1/labels/{tracking}/void"): _void_label,
}


def test_table_covers_every_route(app: FastAPI) -> None:
    """Every served route has an isolation probe (add one with each new route)."""
    served = {
        (method.upper(), path) for path, item in app.openapi()["paths"].items() for method in item
    }
    assert served == set(ROUTES)


@pytest.fixture
def world(client: TestClient, services: Services) -> World:
    """Stores A and B with an order at A."""
    return World(build_chain(client, services))


@pytest.mark.parametrize("route", sorted(ROUTES), ids=lambda r: f"{r[0]} {r[1]}")
def test_store_b_cannot_reach_store_a(world: World, route: tuple[str, str]) -> None:
    """Store B's principals get 403/404 or nothing of store A's on this route."""
    ROUTES[route](world)


# --- every route, as each kind of store B principal --------------------------------------

B_PRINCIPALS = ("b_station", "b_associate", "b_manager")


@pytest.fixture(scope="module")
def shared_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One world (SQLite) for the sweep below: 19 routes x 3 principals on one database."""
    root = tmp_path_factory.mktemp("isolation_sweep")
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
        yield World(build_chain(client, services))
    services.db.dispose()


def _a_state(w: World) -> tuple[Any, ...]:
    """What store B must never change: A's order, fulfillment, stock and station."""
    with w.chain.services.db.read() as conn:
        order = conn.execute(
            sa.select(t.orders.c.version).where(t.orders.c.number == w.number)
        ).scalar_one()
        ful = conn.execute(
            sa.select(t.fulfillments.c.version, t.fulfillments.c.status).where(
                t.fulfillments.c.id == w.fid
            )
        ).one()
        stock = conn.execute(
            sa.select(t.inventory.c.on_hand, t.inventory.c.version).where(
                t.inventory.c.store_id == w.chain.a.store_id
            )
        ).all()
        station = conn.execute(
            sa.select(t.stations.c.revoked_at).where(t.stations.c.id == w.a_station_id)
        ).scalar_one()
    return order, tuple(ful), tuple(map(tuple, stock)), station


def _sweep_request(w: World, method: str, path: str, who: str) -> Any:
    """``method path`` as ``who``, aimed at store A's things wherever the route names any."""
    token = getattr(w, who)
    url = (
        path.replace("{number}", w.number)
        .replace("{fulfillment_id}", str(w.fid))
        .replace("{station_id}", str(w.a_station_id))
        .replace("{tracking}", "AB123456789NL")
        .replace("{sku}", "SKU-1")
        .replace("{kind}", "fulfillment")
    )
    params: dict[str, Any] = {}
    if "/sync/" in path and path != "/api/v1/sync/snapshot":
        own = w.get("/sync/snapshot", w.b_station).json()["cursor"]
        params["cursor"] = f"{own.split(':')[0]}:0"
    if path == "/api/v1/orders" and method == "GET":
        params["q"] = A_EMAIL
    bodies: dict[str, Any] = {
        "/api/v1/commands": {
            "name": "cancel_order",
            "target_kind": "order",
            "target_key": w.number,
            "args": {"reason": "customer_request"},
        },
        "/api/v1/stations/enrol": {"name": "rogue", "store_id": w.chain.a.store_id},
        "/api/v1/sync/commands": {"client_id": w.chain.b.client_id, "commands": []},
    }
    if method == "POST" and path == "/api/v1/sync/commands" and who == "b_station":
        return w.chain.command(
            w.chain.b, "cancel_order", w.number, staff=w.chain.b.manager, reason="customer_request"
        )
    if method == "POST" and path == "/api/v1/auth/sign-in":
        return w.chain.client.post(url, json={"username": "nobody", "pin": "00000000"})
    return w.chain.client.request(
        method,
        url,
        params=params,
        json=bodies.get(path, {}) if method == "POST" else None,
        headers={**bearer(token), "Idempotency-Key": "sweep"},
    )


@pytest.mark.parametrize("route", sorted(ROUTES), ids=lambda r: f"{r[0]} {r[1]}")
def test_every_route_as_every_store_b_principal(
    shared_world: World, route: tuple[str, str]
) -> None:
    """Store B's station, associate and manager on each route, aimed at A's things: no
    5xx, none of A's data in the answer, and A's order, stock and station unchanged."""
    w = shared_world
    method, path = route
    for who in B_PRINCIPALS:
        before = _a_state(w)
        r = _sweep_request(w, method, path, who)
        assert r.status_code < 500, (who, r.text)
        assert A_EMAIL not in r.text, (who, r.text)
        if r.status_code < 300 and path != "/api/v1/orders/{number}":
            assert w.number not in r.text or path == "/api/v1/sync/commands", (who, r.text)
        assert _a_state(w) == before, (who, method, path, r.text)
        if path == "/api/v1/auth/sign-out" and r.status_code == 204:
            with w.chain.services.db.read() as conn:  # that session ended: a new one
                name = username_of(conn, getattr(w.chain.b, who.removeprefix("b_")))
            setattr(w, who, sign_in_token(w.chain.client, username=name))
