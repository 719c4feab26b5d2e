"""Small builders of server rows for tests: stores, staff, stations, channels, tokens.

Plain functions over a SQLAlchemy ``Connection`` (use ``services.db.write()``), with
defaults that make each call unique, so any test can set up just what it needs.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.engine import Connection

from desktop_oms.domain.entities import Channel
from desktop_oms.domain.roles import Role
from desktop_oms.protocol import API_PREFIX
from desktop_oms.protocol.auth import EnrolOut
from desktop_oms.protocol.sync import Kind
from desktop_oms.server import auth, feed
from desktop_oms.server import schema as t

#: The PIN every factory-made staff member has unless told otherwise.
DEFAULT_PIN = "48151623"

#: ``make_app(**config_overrides)``: the fixture that builds an app on the test database.
AppFactory = Callable[..., FastAPI]

_serial = itertools.count(1)

OPENING_HOURS: dict[str, list[str]] = {
    day: ["09:00", "20:00"] for day in ("mon", "tue", "wed", "thu", "fri", "sat")
}


def make_store(
    conn: Connection,
    *,
    code: str | None = None,
    lat: float = 52.3702,
    lon: float = 4.8952,
    name: str | None = None,
    kind: str = "store",
    **overrides: Any,
) -> int:
    """Insert a store (published to the feed); its id."""
    n = next(_serial)
    code = code or f"S{n:03d}"
    values: dict[str, Any] = {
        "code": code,
        "name": name or f"Store {code}",
        "kind": kind,
        "address": f"{n} Main Street",
        "city": "Amsterdam",
        "postal_code": "1012 AB",
        "country": "NL",
        "latitude": lat,
        "longitude": lon,
        "timezone": "Europe/Amsterdam",
        "opening_hours": OPENING_HOURS,
    }
    values.update(overrides)
    store_id = conn.execute(sa.insert(t.stores).values(**values).returning(t.stores.c.id))
    sid = int(store_id.scalar_one())
    feed.touch(conn, Kind.STORE, sid)
    return sid


def make_staff(
    conn: Connection,
    *,
    store_id: int | None,
    role: Role = Role.ASSOCIATE,
    username: str | None = None,
    pin: str = DEFAULT_PIN,
    badge_id: str | None = None,
    display_name: str | None = None,
) -> int:
    """Create a staff member through :func:`auth.create_staff`; its id."""
    n = next(_serial)
    username = username or f"{role.value}{n}"
    return auth.create_staff(
        conn,
        store_id=store_id,
        username=username,
        display_name=display_name or username.title(),
        role=role,
        pin=pin,
        badge_id=badge_id,
    )


def make_station(
    conn: Connection, *, store_id: int, name: str = "Counter 1", enrolled_by: int | None = None
) -> EnrolOut:
    """Enrol a station of ``store_id`` (by a new manager unless ``enrolled_by``)."""
    if enrolled_by is None:
        enrolled_by = make_staff(conn, store_id=store_id, role=Role.MANAGER)
    return auth.enrol_station(conn, store_id=store_id, name=name, enrolled_by=enrolled_by)


def make_channel(
    conn: Connection, *, name: str | None = None, channel: Channel = Channel.WEB
) -> tuple[int, str]:
    """Register a sales channel; its id and API key."""
    return auth.create_channel(
        conn, name=name or f"{channel.value}-{next(_serial)}", channel=channel
    )


def bearer(token: str) -> dict[str, str]:
    """The ``Authorization`` header of a bearer token."""
    return {"Authorization": f"Bearer {token}"}


def sign_in_token(
    client: TestClient,
    *,
    username: str | None = None,
    badge_id: str | None = None,
    pin: str = DEFAULT_PIN,
    station_token: str | None = None,
) -> str:
    """Sign in through the API and return the session token (asserts success)."""
    body: dict[str, Any] = {"pin": pin}
    if username is not None:
        body["username"] = username
    if badge_id is not None:
        body["badge_id"] = badge_id
    headers = {"X-Station-Authorization": f"Bearer {station_token}"} if station_token else {}
    r = client.post(f"{API_PREFIX}/auth/sign-in", json=body, headers=headers)
    assert r.status_code == 200, r.text
    token = r.json()["token"]
    assert isinstance(token, str)
    return token


def username_of(conn: Connection, staff_id: int) -> str:
    """A staff member's username."""
    return str(
        conn.execute(sa.select(t.staff.c.username).where(t.staff.c.id == staff_id)).scalar_one()
    )
