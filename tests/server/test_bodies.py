"""Hostile request bodies on every POST route of a real server process on loopback.

Oversized (declared, chunked without a length, lying lengths), deeply nested, invalid
UTF-8, wrong content type, duplicate keys, huge numbers, NaN/Infinity, empty, truncated,
gzip-encoded bombs: each answered with a 4xx in the error envelope (never a 5xx, never
a hang), and the server still serves afterwards.
"""

from __future__ import annotations

import gzip
import json
import socket
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from desktop_oms.protocol.errors import ErrorEnvelope
from desktop_oms.server import schema as t
from desktop_oms.server.services import Services
from tests.server.chain import build_chain
from tests.server.factories import DEFAULT_PIN, make_channel, make_station, username_of
from tests.server.liveserver import LiveServer, prepare, serve
from tests.server.test_labels import packed_parcel

LIMIT = 1_000_000  # ServerConfig.max_body_bytes, the documented limit


@dataclass
class Setup:
    """Rows the routes act on, prepared before the server starts."""

    username: str
    station_token: str
    client_id: str
    channel_key: str
    fid: int
    parcel_fid: int
    spare_station: int
    staff_id: int
    number: str


def _build(client: TestClient, services: Services) -> Setup:
    chain = build_chain(client, services, stock=500)
    number = chain.order(store="a", lines={"SKU-1": 1})
    parcel = packed_parcel(chain)
    with services.db.write() as conn:
        _, key = make_channel(conn)
        spare = make_station(conn, store_id=chain.a.store_id, enrolled_by=chain.a.manager)
        spare_id = conn.execute(
            t.stations.select()
            .with_only_columns(t.stations.c.id)
            .where(t.stations.c.client_id == spare.client_id)
        ).scalar_one()
    with services.db.read() as conn:
        username = username_of(conn, chain.a.manager)
    return Setup(
        username=username,
        station_token=chain.a.station_token,
        client_id=chain.a.client_id,
        channel_key=key,
        fid=int(chain.fulfillment(number).id),
        parcel_fid=parcel,
        spare_station=int(spare_id),
        staff_id=chain.a.manager,
        number=number,
    )


@dataclass
class Live:
    """The running server, its rows, and a staff token (renewed after a sign-out)."""

    server: LiveServer
    setup: Setup
    http: httpx.Client
    staff_token: str = ""
    seq: int = 0
    tried: dict[str, int] = field(default_factory=dict)

    def sign_in(self) -> str:
        """A new staff session token."""
        r = self.http.post(
            "/api/v1/auth/sign-in", json={"username": self.setup.username, "pin": DEFAULT_PIN}
        )
        assert r.status_code == 200, r.text
        token = r.json()["token"]
        assert isinstance(token, str)
        return token


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """One server process for the module (starting one per case would dominate)."""
    root: Path = tmp_path_factory.mktemp("bodies")
    database = root / "oms.sqlite3"
    setup = prepare(database, _build)
    with (
        serve(database, root / "server.log") as server,
        httpx.Client(base_url=server.base, timeout=30) as http,
    ):
        w = Live(server=server, setup=setup, http=http)
        w.staff_token = w.sign_in()
        yield w
        print(f"\nbody cases tried per category: {sorted(w.tried.items())}")
        text = server.log_text()
        assert "Traceback" not in text and "Logging error" not in text, text[-4000:]


@dataclass(frozen=True)
class Route:
    """A POST route: its path, who calls it, and a valid body."""

    path: Callable[[Setup], str]
    auth: str  # staff, station, channel, none
    body: Callable[[Live], Any]
    idempotent: bool = False


def _push(w: Live) -> Any:
    status = w.http.get(
        "/api/v1/sync/status", headers={"Authorization": f"Bearer {w.setup.station_token}"}
    )
    w.seq = int(status.json()["last_seq"]) + 1
    return {
        "client_id": w.setup.client_id,
        "commands": [
            {
                "seq": w.seq,
                "id": str(uuid.uuid4()),
                "name": "adjust_inventory",
                "target_kind": "inventory",
                "target_key": "1:SKU-1",
                "base_version": 0,
                "staff_id": w.setup.staff_id,
                "issued_at": datetime.now(UTC).isoformat(),
                "args": {"mode": "delta", "quantity": 1, "reason": "found"},
            }
        ],
    }


def _order(_w: Live) -> Any:
    address = {"name": "Jane Doe", "line1": "Dam 1", "city": "Amsterdam"}
    address |= {"postal_code": "1012 JS", "country": "NL"}
    return {
        "channel": "web",
        "external_ref": uuid.uuid4().hex,
        "customer": {"external_id": "jane", "name": "Jane Doe", "email": "jane@example.com"},
        "delivery": "delivery",
        "shipping_address": {**address, "latitude": 52.373, "longitude": 4.893},
        "billing_address": address,
        "lines": [{"sku": "SKU-1", "quantity": 1, "unit_price_minor": 1299}],
        "payment": {"card_number": "4242424242424242", "holder": "Jane Doe"},
    }


ROUTES: dict[str, Route] = {
    "/api/v1/auth/sign-in": Route(
        lambda s: "/api/v1/auth/sign-in",
        "none",
        lambda w: {"username": w.setup.username, "pin": DEFAULT_PIN},
    ),
    "/api/v1/auth/sign-out": Route(lambda s: "/api/v1/auth/sign-out", "fresh", lambda w: {}),
    "/api/v1/stations/enrol": Route(
        lambda s: "/api/v1/stations/enrol", "staff", lambda w: {"name": "Till 9", "store_id": 1}
    ),
    "/api/v1/stations/{station_id}/revoke": Route(
        lambda s: f"/api/v1/stations/{s.spare_station}/revoke", "staff", lambda w: {}
    ),
    "/api/v1/orders": Route(lambda s: "/api/v1/orders", "channel", _order, idempotent=True),
    "/api/v1/commands": Route(
        lambda s: "/api/v1/commands",
        "staff",
        lambda w: {
            "name": "adjust_inventory",
            "target_kind": "inventory",
            "target_key": "1:SKU-2",
            "args": {"mode": "delta", "quantity": 1, "reason": "found"},
        },
    ),
    "/api/v1/sync/commands": Route(lambda s: "/api/v1/sync/commands", "station", _push),
    "/api/v1/fulfillments/{fulfillment_id}/labels": Route(
        lambda s: f"/api/v1/fulfillments/{s.parcel_fid}/labels",
        "staff",
        lambda w: {"carrier": "postnl", "service": "standard"},
        idempotent=True,
    ),
    "/api/v1/labels/{tracking}/void": Route(
        lambda s: "/api/v1/labels/AB123456789NL/void", "staff", lambda w: {"reason": 1.5}
    ),
}


def test_table_covers_every_post_route(live: Live) -> None:
    """Every POST/PUT/PATCH route of the served API has a row here."""
    spec = live.http.get("/openapi.json").json()
    writes = {
        path
        for path, item in spec["paths"].items()
        for method in item
        if method in ("post", "put", "patch")
    }
    assert writes == set(ROUTES)


def _headers(w: Live, route: Route) -> dict[str, str]:
    h: dict[str, str] = {}
    if route.auth == "staff":
        h["Authorization"] = f"Bearer {w.staff_token}"
    elif route.auth == "fresh":
        h["Authorization"] = f"Bearer {w.sign_in()}"
    elif route.auth == "station":
        h["Authorization"] = f"Bearer {w.setup.station_token}"
    elif route.auth == "channel":
        h["Authorization"] = f"Bearer {w.setup.channel_key}"
    if route.idempotent:
        h["Idempotency-Key"] = uuid.uuid4().hex
    return h


def _numbers_as(body: Any, literal: str) -> bytes:
    """``body`` as JSON with every number written as ``literal`` (raw JSON text)."""

    def mark(v: Any) -> Any:
        if isinstance(v, bool):
            return v
        if isinstance(v, int | float):
            return "\x01NUM\x01"
        if isinstance(v, dict):
            return {k: mark(x) for k, x in v.items()}
        if isinstance(v, list):
            return [mark(x) for x in v]
        return v

    text = json.dumps(mark(body))
    assert "NUM" in text, body
    return text.replace('"\\u0001NUM\\u0001"', literal).encode()


def _valid(body: Any) -> bytes:
    return json.dumps(body).encode()


#: name -> (content bytes from the valid body, extra headers, allowed statuses)
JSON = {"Content-Type": "application/json"}
NESTED = 100_000
CASES: dict[str, tuple[Callable[[Any], bytes], dict[str, str], set[int]]] = {
    "nested_arrays_100k": (lambda b: b"[" * NESTED + b"]" * NESTED, JSON, {400, 422}),
    "nested_objects_100k": (
        lambda b: b'{"a":' * NESTED + b"1" + b"}" * NESTED,
        JSON,
        {400, 422},
    ),
    "nested_in_field": (
        lambda b: _valid(b)[:-1] + b', "args": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
        JSON,
        {400, 422},
    ),
    "invalid_utf8": (lambda b: _valid(b).replace(b'"', b'"\xff\xfe', 1), JSON, {400, 422}),
    "lone_surrogate": (lambda b: b'{"name": "\\ud800"}', JSON, {400, 422}),
    "nul_escape": (lambda b: b'{"name": "a\\u0000b"}', JSON, {422}),
    "wrong_content_type": (_valid, {"Content-Type": "text/plain"}, {204, 400, 415, 422}),
    "form_content_type": (
        lambda b: b"a=1&b=2",
        {"Content-Type": "application/x-www-form-urlencoded"},
        {204, 400, 415, 422},
    ),
    "no_content_type": (_valid, {}, {204, 400, 415, 422}),
    "duplicate_keys": (
        lambda b: (
            _valid(b)[:-1] + b", " + _valid(b)[1:] if _valid(b) != b"{}" else b'{"a":1,"a":2}'
        ),
        JSON,
        {200, 201, 204, 400, 401, 403, 404, 409, 422},
    ),
    "huge_integer": (lambda b: _numbers_as(b, "1" + "0" * 5000), JSON, {400, 422}),
    "big_integer": (lambda b: _numbers_as(b, str(2**70)), JSON, {400, 404, 422}),
    "huge_float": (lambda b: _numbers_as(b, "1e400"), JSON, {400, 422}),
    "nan": (lambda b: _numbers_as(b, "NaN"), JSON, {400, 422}),
    "infinity": (lambda b: _numbers_as(b, "-Infinity"), JSON, {400, 422}),
    "empty_body": (lambda b: b"", JSON, {204, 400, 422}),
    "whitespace_body": (lambda b: b"  \n ", JSON, {204, 400, 422}),
    "truncated": (lambda b: _valid(b)[: max(1, len(_valid(b)) // 2)], JSON, {400, 422}),
    "json_null": (lambda b: b"null", JSON, {204, 400, 422}),
    "json_array": (lambda b: b"[1, 2, 3]", JSON, {204, 400, 422}),
    # a UTF-8 byte order mark is tolerated (RFC 8259 allows ignoring it): not a 5xx
    "bom_prefixed": (lambda b: b"\xef\xbb\xbf" + _valid(b), JSON, {200, 201, 204, 400, 422}),
    "gzip_bomb": (
        lambda b: gzip.compress(b"[" * 10_000_000, compresslevel=9),
        {**JSON, "Content-Encoding": "gzip"},
        {400, 415, 422},
    ),
    "over_limit_declared": (lambda b: b" " * (LIMIT + 1), JSON, {413}),
}

# A route whose body is all optional may accept an empty, null or foreign one: no body
# (sign-out, revoke, void) and labels (every field has a default).
BODYLESS = {
    "/api/v1/auth/sign-out",
    "/api/v1/stations/{station_id}/revoke",
    "/api/v1/labels/{tracking}/void",
    "/api/v1/fulfillments/{fulfillment_id}/labels",
}
NUMBERLESS = {
    "/api/v1/auth/sign-out",
    "/api/v1/stations/{station_id}/revoke",
    "/api/v1/auth/sign-in",  # username and PIN are strings
    "/api/v1/fulfillments/{fulfillment_id}/labels",  # carrier and service are strings
}


def _allowed(route_name: str, case: str, base: set[int]) -> set[int]:
    if route_name in BODYLESS and case != "over_limit_declared" and case != "nul_escape":
        # the body is ignored or optional: the route's own answer is fine
        return base | {200, 201, 204, 400, 403, 404, 409, 422}
    return base


def _check(r: httpx.Response, allowed: set[int], label: str) -> None:
    assert r.status_code < 500, f"{label}: {r.status_code} {r.text[:500]}"
    assert r.status_code in allowed, f"{label}: {r.status_code} {r.text[:500]}"
    if r.status_code >= 400:
        ErrorEnvelope.model_validate(r.json())
        assert "Traceback" not in r.text


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("route_name", sorted(ROUTES))
def test_hostile_body(live: Live, route_name: str, case: str) -> None:
    """The body is refused in the envelope (or ignored where the route takes none)."""
    route = ROUTES[route_name]
    make, headers, allowed = CASES[case]
    numeric = case in ("huge_integer", "big_integer", "huge_float", "nan", "infinity")
    if numeric and route_name in NUMBERLESS:
        pytest.skip("the route's body has no numbers")
    content = make(route.body(live))
    r = live.http.post(
        route.path(live.setup), content=content, headers={**_headers(live, route), **headers}
    )
    live.tried[case] = live.tried.get(case, 0) + 1
    _check(r, _allowed(route_name, case, allowed), f"{case} on {route_name}")
    if r.status_code == 413:
        assert r.json()["error"]["code"] == "body_too_large"


def _raw(live: Live, request: bytes, *, then: bytes = b"", read_timeout: float = 20) -> bytes:
    """Send raw bytes on a fresh connection; everything the server answers."""
    with socket.create_connection((live.server.host, live.server.port), timeout=read_timeout) as s:
        try:
            s.sendall(request)
            if then:
                s.sendall(then)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed early: read what it said
        s.shutdown(socket.SHUT_WR)
        chunks = []
        try:
            while data := s.recv(65536):
                chunks.append(data)
        except (ConnectionResetError, TimeoutError):
            pass
    return b"".join(chunks)


def _status_and_body(raw: bytes) -> tuple[int, bytes]:
    head, _, body = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    if b"transfer-encoding: chunked" in head.lower():
        out, rest = b"", body
        while rest:
            size_text, _, rest = rest.partition(b"\r\n")
            size = int(size_text, 16)
            if size == 0:
                break
            out, rest = out + rest[:size], rest[size + 2 :]
        body = out
    return status, body


def _head(live: Live, path: str, extra: str) -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {live.setup.station_token}\r\n"
        f"Content-Type: application/json\r\n{extra}\r\n"
    ).encode()


@pytest.mark.parametrize("route_name", ["/api/v1/sync/commands", "/api/v1/auth/sign-in"])
def test_chunked_body_over_the_limit_is_413(live: Live, route_name: str) -> None:
    """A streamed body without Content-Length is cut off at the limit with 413."""
    chunk = b"x" * 65536
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(LIMIT // 65536 + 2))
    raw = _raw(
        live,
        _head(live, route_name, "Transfer-Encoding: chunked\r\n"),
        then=body + b"0\r\n\r\n",
    )
    status, payload = _status_and_body(raw)
    assert status == 413, raw[:300]
    assert ErrorEnvelope.model_validate_json(payload).error.code.value == "body_too_large"
    live.tried["chunked_over_limit"] = live.tried.get("chunked_over_limit", 0) + 1


def test_huge_declared_length_is_413_without_reading(live: Live) -> None:
    """A declared length of a terabyte is refused at once, before any body byte arrives."""
    raw = _raw(live, _head(live, "/api/v1/sync/commands", f"Content-Length: {10**12}\r\n"))
    status, payload = _status_and_body(raw)
    assert status == 413
    ErrorEnvelope.model_validate_json(payload)
    live.tried["huge_declared_length"] = live.tried.get("huge_declared_length", 0) + 1


@pytest.mark.parametrize(
    "length", ["-1", "abc", "5, 7", "1e3", " 12", "99999999999999999999999999"], ids=str
)
def test_malformed_content_length(live: Live, length: str) -> None:
    """A Content-Length that is no number is a 4xx or a closed connection (the HTTP
    layer's choice), and the server goes on serving."""
    raw = _raw(live, _head(live, "/api/v1/sync/commands", f"Content-Length: {length}\r\n") + b"{}")
    if raw:
        status = int(raw.split(b" ", 2)[1])
        assert 400 <= status < 500, raw[:300]
    assert live.http.get("/health").status_code == 200
    live.tried["malformed_content_length"] = live.tried.get("malformed_content_length", 0) + 1


def test_length_shorter_than_the_body(live: Live) -> None:
    """Bytes past the declared length are not read as the body (they make a bad next
    request, answered 4xx or dropped), and the first answer is a clean envelope."""
    body = json.dumps({"client_id": live.setup.client_id, "commands": []}).encode()
    raw = _raw(live, _head(live, "/api/v1/sync/commands", "Content-Length: 5\r\n") + body)
    status = int(raw.split(b" ", 2)[1])
    assert status == 400, raw[:300]  # '{"cli' is truncated JSON
    live.tried["length_shorter"] = live.tried.get("length_shorter", 0) + 1


def test_length_longer_than_the_body(live: Live) -> None:
    """A client that declares more than it sends and hangs up leaves the server serving."""
    raw = _raw(live, _head(live, "/api/v1/sync/commands", "Content-Length: 5000\r\n") + b"{}")
    if raw:
        assert int(raw.split(b" ", 2)[1]) < 500, raw[:300]
    assert live.http.get("/health").status_code == 200
    live.tried["length_longer"] = live.tried.get("length_longer", 0) + 1


def test_server_still_serves_after_the_table(live: Live) -> None:
    """After every hostile body the server still answers a normal request."""
    r = live.http.get(
        "/api/v1/sync/status", headers={"Authorization": f"Bearer {live.setup.station_token}"}
    )
    assert r.status_code == 200
