"""Server auth: sign-in, throttling, sessions, station enrolment and revocation, secrets at rest."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from desktop_oms.domain.entities import Channel
from desktop_oms.domain.roles import Role
from desktop_oms.protocol import API_PREFIX
from desktop_oms.protocol.sync import Kind
from desktop_oms.server import auth, feed
from desktop_oms.server import schema as t
from desktop_oms.server.errors import ApiError
from desktop_oms.server.principals import ChannelPrincipal, StaffPrincipal, StationPrincipal
from desktop_oms.server.services import Services
from tests.server.factories import (
    DEFAULT_PIN,
    AppFactory,
    bearer,
    make_channel,
    make_staff,
    make_station,
    make_store,
    sign_in_token,
)

SIGN_IN = f"{API_PREFIX}/auth/sign-in"
ME = f"{API_PREFIX}/auth/me"
SIGN_OUT = f"{API_PREFIX}/auth/sign-out"
ENROL = f"{API_PREFIX}/stations/enrol"


def _revoke_url(station_id: int) -> str:
    return f"{API_PREFIX}/stations/{station_id}/revoke"


def _error(r: Any) -> str:
    code = r.json()["error"]["code"]
    assert isinstance(code, str)
    return code


def _store_and_staff(services: Services, **staff: Any) -> tuple[int, int]:
    with services.db.write() as conn:
        store_id = make_store(conn)
        staff.setdefault("store_id", store_id)
        return store_id, make_staff(conn, **staff)


# --------------------------------------------------------------------------- sign-in


def test_sign_in_by_username_and_by_badge(client: TestClient, services: Services) -> None:
    """Username + PIN and badge + PIN both open a session that /auth/me recognises."""
    store_id, staff_id = _store_and_staff(
        services, username="ann", badge_id="B1234", role=Role.LEAD
    )
    r = client.post(SIGN_IN, json={"username": "ann", "pin": DEFAULT_PIN})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["token"].startswith("st_")
    assert body["staff"] == {
        "id": staff_id,
        "username": "ann",
        "display_name": "Ann",
        "role": "lead",
        "store_id": store_id,
        "store_code": body["staff"]["store_code"],
    }
    expires = datetime.fromisoformat(body["expires_at"])
    ttl = services.config.staff_token_ttl
    assert timedelta(0) < expires - datetime.now(UTC) <= ttl

    by_badge = sign_in_token(client, badge_id="B1234")
    assert by_badge != body["token"]
    for token in (body["token"], by_badge):
        me = client.get(ME, headers=bearer(token))
        assert me.status_code == 200, me.text
        assert me.json()["id"] == staff_id and me.json()["role"] == "lead"


def test_wrong_pin_and_unknown_user_answer_alike(client: TestClient, services: Services) -> None:
    """A wrong PIN, an unknown user and an unknown badge get the same 401: no user probing."""
    _store_and_staff(services, username="bob", badge_id="BOB1")
    answers = [
        client.post(SIGN_IN, json={"username": "bob", "pin": "00000000"}),
        client.post(SIGN_IN, json={"username": "nobody", "pin": DEFAULT_PIN}),
        client.post(SIGN_IN, json={"badge_id": "NOPE1", "pin": DEFAULT_PIN}),
        client.post(SIGN_IN, json={"badge_id": "BOB1", "pin": "00000000"}),
    ]
    assert {r.status_code for r in answers} == {401}
    assert len({json.dumps(r.json(), sort_keys=True) for r in answers}) == 1
    assert _error(answers[0]) == "unauthenticated"


def test_inactive_staff_cannot_sign_in_and_loses_sessions(
    client: TestClient, services: Services
) -> None:
    """A deactivated account is refused like a wrong PIN, and its open session stops."""
    _, staff_id = _store_and_staff(services, username="cy")
    token = sign_in_token(client, username="cy")
    with services.db.write() as conn:
        conn.execute(sa.update(t.staff).where(t.staff.c.id == staff_id).values(active=False))
    r = client.post(SIGN_IN, json={"username": "cy", "pin": DEFAULT_PIN})
    assert r.status_code == 401 and _error(r) == "unauthenticated"
    assert client.get(ME, headers=bearer(token)).status_code == 401


def test_sign_in_validates_body(client: TestClient) -> None:
    """Exactly one of username and badge, and a PIN of sensible length."""
    both = client.post(SIGN_IN, json={"username": "a", "badge_id": "ABCD", "pin": "1234"})
    neither = client.post(SIGN_IN, json={"pin": "1234"})
    short = client.post(SIGN_IN, json={"username": "a", "pin": "12"})
    assert [r.status_code for r in (both, neither, short)] == [422, 422, 422]


# --------------------------------------------------------------------------- throttling


def _age_attempts(services: Services, by: timedelta) -> None:
    a = t.signin_attempts.c
    with services.db.write() as conn:
        for row in list(conn.execute(sa.select(a.id, a.at))):
            conn.execute(sa.update(t.signin_attempts).where(a.id == row.id).values(at=row.at - by))


def test_throttle_refuses_even_the_right_pin_until_the_window_passes(
    make_app: AppFactory,
) -> None:
    """After N failures the subject gets 429 + Retry-After, right PIN or not; later it works."""
    window = timedelta(minutes=10)
    app = make_app(signin_max_failures=3, signin_window=window)
    services: Services = app.state.services
    _store_and_staff(services, username="dee")
    _store_and_staff(services, username="eve")
    with TestClient(app) as client:
        for _ in range(3):
            r = client.post(SIGN_IN, json={"username": "dee", "pin": "99999999"})
            assert r.status_code == 401
        r = client.post(SIGN_IN, json={"username": "dee", "pin": DEFAULT_PIN})
        assert r.status_code == 429 and _error(r) == "throttled"
        retry = int(r.headers["Retry-After"])
        assert 1 <= retry <= window.total_seconds()
        assert r.json()["error"]["details"]["retry_after"] == retry
        # throttled attempts are not counted, and other users are not affected
        with services.db.read() as conn:
            n = conn.execute(sa.select(sa.func.count()).select_from(t.signin_attempts)).scalar()
        assert n == 3
        assert sign_in_token(client, username="eve")

        _age_attempts(services, window - timedelta(seconds=30))
        r = client.post(SIGN_IN, json={"username": "dee", "pin": DEFAULT_PIN})
        assert r.status_code == 429 and int(r.headers["Retry-After"]) <= 30
        _age_attempts(services, timedelta(seconds=31))
        assert sign_in_token(client, username="dee")


def test_throttle_applies_to_unknown_users_too(make_app: AppFactory) -> None:
    """An unknown username is throttled like a real one, so 429 reveals nothing."""
    app = make_app(signin_max_failures=2)
    with TestClient(app) as client:
        codes = [
            client.post(SIGN_IN, json={"username": "ghost", "pin": "12345678"}).status_code
            for _ in range(3)
        ]
    assert codes == [401, 401, 429]


def test_success_resets_the_failure_count(make_app: AppFactory) -> None:
    """Failures before a successful sign-in do not count towards the next throttle."""
    app = make_app(signin_max_failures=3)
    _store_and_staff(app.state.services, username="fay")
    with TestClient(app) as client:
        for _ in range(2):
            bad = client.post(SIGN_IN, json={"username": "fay", "pin": "11111111"})
            assert bad.status_code == 401
        sign_in_token(client, username="fay")
        for _ in range(2):
            bad = client.post(SIGN_IN, json={"username": "fay", "pin": "11111111"})
            assert bad.status_code == 401
        assert sign_in_token(client, username="fay")


def test_concurrent_guesses_cannot_pass_the_throttle(make_app: AppFactory) -> None:
    """Parallel sign-ins of one subject are serialized: exactly N failures are counted."""
    app = make_app(signin_max_failures=3)
    services: Services = app.state.services
    _store_and_staff(services, username="gus")
    outcomes: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(8)

    def guess() -> None:
        barrier.wait()
        status = 200
        with services.db.write() as conn:
            try:
                auth.sign_in(conn, services.config, username="gus", pin="22222222")
            except ApiError as exc:
                status = exc.status
        with lock:
            outcomes.append(status)

    threads = [threading.Thread(target=guess) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    assert sorted(outcomes) == [401] * 3 + [429] * 5


# --------------------------------------------------------------------------- sessions


def test_expired_token_answers_token_expired(make_app: AppFactory) -> None:
    """A session past its TTL answers 401 token_expired (the client signs in again)."""
    app = make_app(staff_token_ttl=timedelta(microseconds=1))
    _store_and_staff(app.state.services, username="hal")
    with TestClient(app) as client:
        token = sign_in_token(client, username="hal")
        r = client.get(ME, headers=bearer(token))
    assert r.status_code == 401 and _error(r) == "token_expired"
    assert r.headers["WWW-Authenticate"].startswith("Bearer")


def test_sign_out_revokes_the_session_despite_the_cache(
    client: TestClient, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The verified-token cache skips Argon2, but a revoked session is refused at once."""
    _store_and_staff(services, username="ida")
    token = sign_in_token(client, username="ida")
    verifies: list[str] = []
    real = auth._verify

    def counting(hasher: PasswordHasher, stored: str, secret: str) -> bool:
        verifies.append(stored)
        return real(hasher, stored, secret)

    monkeypatch.setattr(auth, "_verify", counting)
    auth.VERIFIED.clear()
    for _ in range(3):
        assert client.get(ME, headers=bearer(token)).status_code == 200
    assert len(verifies) == 1  # verified once, then served from the cache

    r = client.post(SIGN_OUT, headers=bearer(token))
    assert r.status_code == 204 and r.content == b""
    r = client.get(ME, headers=bearer(token))
    assert r.status_code == 401 and _error(r) == "unauthenticated"


def test_missing_malformed_and_forged_tokens_are_refused(
    client: TestClient, services: Services
) -> None:
    """No token, a garbage token, another kind of token, or a wrong secret: 401."""
    _store_and_staff(services, username="jo")
    token = sign_in_token(client, username="jo")
    lookup = token.split(".", 1)[0]
    forged = f"{lookup}.{'A' * 43}"
    with services.db.write() as conn:
        store_id = make_store(conn)
        station = make_station(conn, store_id=store_id)
    for headers in (
        {},
        {"Authorization": "Basic am86MTIzNA=="},
        bearer("nonsense"),
        bearer(forged),
        bearer(station.station_token),
    ):
        r = client.get(ME, headers=headers)
        assert r.status_code == 401, headers
        assert _error(r) == "unauthenticated"
        assert r.headers["WWW-Authenticate"] == "Bearer"


def test_role_change_applies_to_open_sessions(client: TestClient, services: Services) -> None:
    """The session carries no role copy: a demoted manager is refused at once."""
    _, staff_id = _store_and_staff(services, username="kim", role=Role.MANAGER)
    token = sign_in_token(client, username="kim")
    assert client.post(ENROL, json={"name": "A"}, headers=bearer(token)).status_code == 201
    with services.db.write() as conn:
        conn.execute(sa.update(t.staff).where(t.staff.c.id == staff_id).values(role="associate"))
    r = client.post(ENROL, json={"name": "B"}, headers=bearer(token))
    assert r.status_code == 403 and _error(r) == "forbidden"


# --------------------------------------------------------------------------- stations


def test_enrol_needs_a_manager_or_admin(client: TestClient, services: Services) -> None:
    """Associates, leads and customer service get 403; managers enrol for their own store."""
    with services.db.write() as conn:
        store_id = make_store(conn)
        other = make_store(conn)
        for role in (Role.ASSOCIATE, Role.LEAD, Role.MANAGER):
            make_staff(conn, store_id=store_id, role=role, username=f"{role.value}-x")
        make_staff(conn, store_id=None, role=Role.CUSTOMER_SERVICE, username="cs-x")
    for name in ("associate-x", "lead-x", "cs-x"):
        token = sign_in_token(client, username=name)
        r = client.post(ENROL, json={"name": "Till"}, headers=bearer(token))
        assert r.status_code == 403 and _error(r) == "forbidden", name

    manager = sign_in_token(client, username="manager-x")
    r = client.post(ENROL, json={"name": "Till", "store_id": other}, headers=bearer(manager))
    assert r.status_code == 403 and _error(r) == "out_of_scope"
    assert client.post(ENROL, json={"name": "Till"}).status_code == 401

    r = client.post(ENROL, json={"name": "Till"}, headers=bearer(manager))
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["store_id"] == store_id and out["station_token"].startswith("sn_")
    assert len(out["client_id"]) == 32

    status = client.get(f"{API_PREFIX}/sync/status", headers=bearer(out["station_token"]))
    assert status.status_code == 200, status.text
    assert status.json()["store_id"] == store_id
    assert client.get(f"{API_PREFIX}/sync/status", headers=bearer(manager)).status_code == 401


def test_admin_enrols_for_a_named_store(client: TestClient, services: Services) -> None:
    """An admin must say which store; an unknown store is refused."""
    with services.db.write() as conn:
        store_id = make_store(conn)
        make_staff(conn, store_id=None, role=Role.ADMIN, username="root")
    admin = sign_in_token(client, username="root")
    r = client.post(ENROL, json={"name": "Till"}, headers=bearer(admin))
    assert r.status_code == 422 and _error(r) == "validation_error"
    r = client.post(ENROL, json={"name": "Till", "store_id": 999_999}, headers=bearer(admin))
    assert r.status_code == 422 and _error(r) == "unknown_store"
    r = client.post(ENROL, json={"name": "Till", "store_id": store_id}, headers=bearer(admin))
    assert r.status_code == 201 and r.json()["store_id"] == store_id


def test_revoked_station_and_its_sessions_are_refused(
    client: TestClient, services: Services
) -> None:
    """Revoking a station ends its token and the sessions signed in at it, on the next call."""
    with services.db.write() as conn:
        store_id = make_store(conn)
        other_store = make_store(conn)
        make_staff(conn, store_id=store_id, role=Role.MANAGER, username="mgr")
        make_staff(conn, store_id=store_id, username="clerk")
        make_staff(conn, store_id=other_store, role=Role.MANAGER, username="elsewhere")
    manager = sign_in_token(client, username="mgr")
    station = client.post(ENROL, json={"name": "Till"}, headers=bearer(manager)).json()
    sn = station["station_token"]
    at_station = sign_in_token(client, username="clerk", station_token=sn)
    assert client.get(ME, headers=bearer(at_station)).status_code == 200
    with services.db.read() as conn:
        tied = conn.execute(
            sa.select(t.sessions.c.station_id).where(t.sessions.c.station_id.is_not(None))
        ).scalar_one()
    assert tied == station["station_id"]

    foreign = sign_in_token(client, username="elsewhere")
    r = client.post(_revoke_url(station["station_id"]), headers=bearer(foreign))
    assert r.status_code == 403 and _error(r) == "out_of_scope"
    assert client.post(_revoke_url(999_999), headers=bearer(manager)).status_code == 404

    r = client.post(_revoke_url(station["station_id"]), headers=bearer(manager))
    assert r.status_code == 204
    assert (
        client.post(_revoke_url(station["station_id"]), headers=bearer(manager)).status_code == 204
    )

    r = client.get(f"{API_PREFIX}/sync/status", headers=bearer(sn))
    assert r.status_code == 401 and _error(r) == "unauthenticated"
    assert client.get(ME, headers=bearer(at_station)).status_code == 401
    with services.db.read() as conn:
        ended = conn.execute(
            sa.select(t.sessions.c.revoked_at).where(
                t.sessions.c.station_id == station["station_id"]
            )
        ).scalar_one()
    assert ended is not None
    assert client.get(ME, headers=bearer(manager)).status_code == 200  # not at that station
    r = client.post(
        SIGN_IN,
        json={"username": "clerk", "pin": DEFAULT_PIN},
        headers={"X-Station-Authorization": f"Bearer {sn}"},
    )
    assert r.status_code == 401


def test_session_at_a_station_dies_with_the_station(client: TestClient, services: Services) -> None:
    """A session tied to a station is refused once the station is revoked by any means."""
    with services.db.write() as conn:
        store_id = make_store(conn)
        make_staff(conn, store_id=store_id, username="lou")
        station = make_station(conn, store_id=store_id)
    token = sign_in_token(client, username="lou", station_token=station.station_token)
    assert client.get(ME, headers=bearer(token)).status_code == 200
    with services.db.write() as conn:
        conn.execute(
            sa.update(t.stations)
            .where(t.stations.c.id == station.station_id)
            .values(revoked_at=datetime.now(UTC))
        )
    r = client.get(ME, headers=bearer(token))
    assert r.status_code == 401 and _error(r) == "unauthenticated"


def test_sign_in_at_another_stores_station_is_out_of_scope(
    client: TestClient, services: Services
) -> None:
    """Store staff sign in only at their store's stations; chain-wide staff anywhere."""
    with services.db.write() as conn:
        store_a = make_store(conn)
        store_b = make_store(conn)
        make_staff(conn, store_id=store_a, username="ada")
        make_staff(conn, store_id=None, role=Role.CUSTOMER_SERVICE, username="carl")
        station_b = make_station(conn, store_id=store_b)
    headers = {"X-Station-Authorization": f"Bearer {station_b.station_token}"}
    r = client.post(SIGN_IN, json={"username": "ada", "pin": DEFAULT_PIN}, headers=headers)
    assert r.status_code == 403 and _error(r) == "out_of_scope"
    assert sign_in_token(client, username="carl", station_token=station_b.station_token)
    r = client.post(
        SIGN_IN,
        json={"username": "ada", "pin": DEFAULT_PIN},
        headers={"X-Station-Authorization": "sn_not-a-bearer"},
    )
    assert r.status_code == 401


# --------------------------------------------------------------------------- channels, scope


def test_channel_key_and_principals(app: FastAPI, client: TestClient, services: Services) -> None:
    """require_channel accepts a channel key and nothing else."""

    @app.get("/test/channel")
    def whoami(ch: Annotated[ChannelPrincipal, Depends(auth.require_channel)]) -> dict[str, str]:
        return {"name": ch.name, "channel": ch.channel.value}

    with services.db.write() as conn:
        _, key = make_channel(conn, name="webshop", channel=Channel.WEB)
        store_id = make_store(conn)
        station = make_station(conn, store_id=store_id)
    assert key.startswith("ch_")
    r = client.get("/test/channel", headers=bearer(key))
    assert r.status_code == 200 and r.json() == {"name": "webshop", "channel": "web"}
    for headers in ({}, bearer(station.station_token), bearer(key[:-1] + "x")):
        assert client.get("/test/channel", headers=headers).status_code == 401


def test_check_store_scope() -> None:
    """Store roles and stations stay in their store; chain roles and channels do not."""
    clerk = StaffPrincipal(staff_id=1, store_id=7, role=Role.LEAD, session_id=1, station_id=None)
    admin = StaffPrincipal(
        staff_id=2, store_id=None, role=Role.ADMIN, session_id=2, station_id=None
    )
    station = StationPrincipal(station_id=1, store_id=7, client_id="c" * 32)
    channel = ChannelPrincipal(channel_id=1, name="web", channel=Channel.WEB)
    scoped: list[StaffPrincipal | StationPrincipal] = [clerk, station]
    for principal in scoped:
        auth.check_store_scope(principal, 7)
        with pytest.raises(ApiError) as caught:
            auth.check_store_scope(principal, 8)
        assert caught.value.status == 403 and caught.value.code == "out_of_scope"
    unscoped: list[StaffPrincipal | ChannelPrincipal] = [admin, channel]
    for free in unscoped:
        auth.check_store_scope(free, 8)


def test_create_staff_checks_store_and_pin(services: Services) -> None:
    """Store roles need a store, chain roles have none, PINs have at least 4 characters."""
    with services.db.write() as conn:
        store_id = make_store(conn)
        with pytest.raises(ValueError, match="belongs to a store"):
            auth.create_staff(
                conn, store_id=None, username="x", display_name="X", role=Role.LEAD, pin="1234"
            )
        with pytest.raises(ValueError, match="chain-wide"):
            auth.create_staff(
                conn, store_id=store_id, username="y", display_name="Y", role=Role.ADMIN, pin="1234"
            )
        with pytest.raises(ValueError, match="PIN"):
            make_staff(conn, store_id=store_id, pin="123")


# --------------------------------------------------------------------------- secrets at rest


def _all_text(services: Services) -> list[tuple[str, str, str]]:
    """Every non-null value of every column of every table, as text."""
    found: list[tuple[str, str, str]] = []
    with services.db.read() as conn:
        for table in t.metadata.sorted_tables:
            for row in conn.execute(sa.select(table)):
                for column, value in row._mapping.items():
                    if value is None:
                        continue
                    text = value if isinstance(value, str) else json.dumps(value, default=str)
                    found.append((table.name, str(column), text))
    return found


def test_only_argon2id_hashes_are_stored(client: TestClient, services: Services) -> None:
    """No table holds a PIN, a token or a token's secret; every stored secret is Argon2id."""
    pin = "73925180"
    with services.db.write() as conn:
        store_id = make_store(conn)
        make_staff(conn, store_id=store_id, role=Role.MANAGER, username="max", pin=pin)
        _, channel_key = make_channel(conn)
    manager = sign_in_token(client, username="max", pin=pin)
    station = client.post(ENROL, json={"name": "Till"}, headers=bearer(manager)).json()
    at_station = sign_in_token(
        client, username="max", pin=pin, station_token=station["station_token"]
    )
    bad = client.post(SIGN_IN, json={"username": "max", "pin": pin[::-1]})
    assert bad.status_code == 401

    secrets = [pin, pin[::-1]]
    for token in (manager, station["station_token"], at_station, channel_key):
        secrets += [token, token.split(".", 1)[1]]
    everything = _all_text(services)
    assert everything
    leaks = [(table, col) for table, col, text in everything for s in secrets if s in text]
    assert leaks == []

    with services.db.read() as conn:
        hashes = [
            *conn.execute(sa.select(t.staff.c.pin_hash, t.staff.c.verifier)).one(),
            *conn.execute(sa.select(t.sessions.c.token_hash)).scalars(),
            *conn.execute(sa.select(t.stations.c.token_hash)).scalars(),
            *conn.execute(sa.select(t.channels.c.key_hash)).scalars(),
        ]
    assert len(hashes) == 6
    assert all(h.startswith("$argon2id$v=19$") for h in hashes), hashes


def test_offline_verifier_checks_the_pin(services: Services) -> None:
    """The verifier stations receive is its own Argon2id hash of the PIN (own salt)."""
    with services.db.write() as conn:
        store_id = make_store(conn)
        staff_id = make_staff(conn, store_id=store_id, pin="2468")
    with services.db.read() as conn:
        row = conn.execute(
            sa.select(t.staff.c.pin_hash, t.staff.c.verifier).where(t.staff.c.id == staff_id)
        ).one()
        published = feed.read(conn, feed.Scope(store_id, ()), 0, 1000).rows
    assert row.verifier != row.pin_hash
    assert row.verifier.split("$")[4] != row.pin_hash.split("$")[4]  # distinct salts
    assert PasswordHasher().verify(row.verifier, "2468")
    with pytest.raises(VerifyMismatchError):
        PasswordHasher().verify(row.verifier, "2469")

    docs = [r.data for r in published if r.kind == Kind.STAFF.value and r.key == str(staff_id)]
    assert len(docs) == 1
    assert docs[0]["verifier"] == row.verifier and "pin_hash" not in docs[0]


def test_set_pin_replaces_hash_and_verifier(client: TestClient, services: Services) -> None:
    """A new PIN works, the old one does not, and the new verifier is published."""
    with services.db.write() as conn:
        store_id = make_store(conn)
        staff_id = make_staff(conn, store_id=store_id, username="nia")
    with services.db.read() as conn:
        before, _ = feed.top_seq(conn)
    with services.db.write() as conn:
        auth.set_pin(conn, staff_id, "97531")
    assert client.post(SIGN_IN, json={"username": "nia", "pin": DEFAULT_PIN}).status_code == 401
    assert sign_in_token(client, username="nia", pin="97531")
    with services.db.read() as conn:
        rows = feed.read(conn, feed.Scope(store_id, ()), before, 100).rows
        verifier = conn.execute(
            sa.select(t.staff.c.verifier).where(t.staff.c.id == staff_id)
        ).scalar_one()
    assert [r.data["verifier"] for r in rows if r.kind == "staff"] == [verifier]
    assert auth.verify_pin(verifier, "97531")


def test_purge_drops_old_attempts_and_ended_sessions(
    client: TestClient, services: Services
) -> None:
    """Old sign-in attempts and long-ended sessions are deleted; live ones stay."""
    _store_and_staff(services, username="olga")
    live = sign_in_token(client, username="olga")
    sign_in_token(client, username="olga")
    assert client.post(SIGN_IN, json={"username": "olga", "pin": "10101010"}).status_code == 401
    later = datetime.now(UTC) + services.config.signin_window + timedelta(seconds=1)
    with services.db.write() as conn:
        assert auth.purge_auth_records(conn, services.config, now=later) == 3
        assert conn.execute(sa.select(sa.func.count()).select_from(t.sessions)).scalar() == 2
    assert client.get(ME, headers=bearer(live)).status_code == 200
    much_later = later + services.config.staff_token_ttl + timedelta(days=8)
    with services.db.write() as conn:
        assert auth.purge_auth_records(conn, services.config, now=much_later) == 2
