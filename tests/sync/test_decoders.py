"""Property tests of the station's decoding of server replies (``ServerClient`` over the
``desktop_oms.protocol`` models): whatever bytes come back, a call either returns decoded
models or raises a :class:`SyncError` (``MalformedReply`` for a 2xx that breaks the
protocol) — never a KeyError, TypeError, AttributeError, RecursionError or a raw
ValidationError. Valid replies (captured from a real in-process server) decode, and
what decodes round-trips through the protocol models unchanged.

The replies are served by a requests adapter mounted on the client's own session, so
the client's whole decode path runs without a network.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pytest
import requests
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel
from requests.adapters import BaseAdapter

from desktop_oms.protocol import API_PREFIX
from desktop_oms.protocol.auth import SignInRequest
from desktop_oms.protocol.sync import CommandIn, Kind
from desktop_oms.server.app import create_app
from desktop_oms.server.config import ServerConfig
from desktop_oms.server.services import Services
from desktop_oms.sync.client import ServerClient
from desktop_oms.sync.errors import SyncError
from tests.server.chain import build_chain
from tests.server.factories import DEFAULT_PIN, bearer, sign_in_token, username_of
from tests.server.test_labels import packed_parcel

EXAMPLES = 12
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


class Canned(BaseAdapter):
    """A requests adapter answering every request with one status and body."""

    def __init__(self) -> None:
        super().__init__()
        self.status = 200
        self.content = b""

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        """The canned answer to ``request``."""
        resp = requests.Response()
        resp.status_code = self.status
        resp._content = self.content
        resp.headers["Content-Type"] = "application/json"
        resp.url = str(request.url)
        resp.request = request
        return resp

    def close(self) -> None:
        """Nothing to close."""


@dataclass
class Call:
    """One client method, how to call it, and the real reply it decodes."""

    invoke: Callable[[ServerClient], Any]
    reply: bytes


CLIENT_ID = "0" * 32
PUSHED = CommandIn.model_validate(
    {
        "seq": 1,
        "id": str(uuid.uuid4()),
        "name": "adjust_inventory",
        "target_kind": "inventory",
        "target_key": "1:SKU-1",
        "base_version": 0,
        "staff_id": 1,
        "issued_at": datetime.now(UTC).isoformat(),
        "args": {"mode": "delta", "quantity": 1, "reason": "found"},
    }
)


def _capture(tmp: Path) -> dict[str, Call]:
    """Real replies of every call the station decodes, from an in-process server."""
    (tmp / "mail").mkdir()
    app = create_app(
        ServerConfig(
            database_url=f"sqlite:///{tmp / 'oms.sqlite3'}",
            run_jobs=False,
            notification_dir=tmp / "mail",
        )
    )
    try:
        with TestClient(app) as c:
            services = app.state.services
            assert isinstance(services, Services)
            chain = build_chain(c, services)
            number = chain.order(store="a")
            fid = packed_parcel(chain)
            with services.db.read() as conn:
                manager = username_of(conn, chain.a.manager)
            staff = sign_in_token(c, username=manager)
            st_h, sn_h = bearer(staff), bearer(chain.a.station_token)
            a = API_PREFIX
            sign_in = c.post(f"{a}/auth/sign-in", json={"username": manager, "pin": DEFAULT_PIN})
            enrol = c.post(f"{a}/stations/enrol", json={"name": "Till 2"}, headers=st_h)
            start = c.get(f"{a}/sync/snapshot", headers=sn_h)
            cursor = start.json()["cursor"]
            pages = {
                k: c.get(f"{a}/sync/snapshot/{k.value}", params={"cursor": cursor}, headers=sn_h)
                for k in Kind
            }
            feed = c.get(f"{a}/sync/feed", params={"cursor": f"{cursor.split(':')[0]}:0"})
            feed = c.get(
                f"{a}/sync/feed", params={"cursor": f"{cursor.split(':')[0]}:0"}, headers=sn_h
            )
            push = {
                "results": [{"seq": 1, "id": str(PUSHED.id), "status": "applied", "current": []}],
                "last_seq": 1,
            }
            status = c.get(f"{a}/sync/status", headers=sn_h)
            search = c.get(f"{a}/orders", params={"q": number}, headers=st_h)
            detail = c.get(f"{a}/orders/{number}", headers=st_h)
            labels = c.post(
                f"{a}/fulfillments/{fid}/labels",
                json={},
                headers={**st_h, "Idempotency-Key": "k"},
            )
            tracking = labels.json()["labels"][0]["tracking"]
            void = c.post(f"{a}/labels/{tracking}/void", headers=st_h)
    finally:
        app.state.services.db.dispose()
    for r in (sign_in, enrol, start, feed, status, search, detail, labels, void, *pages.values()):
        assert r.status_code < 300, r.text
    calls = {
        "sign_in": Call(
            lambda cl: cl.sign_in(SignInRequest(username="x", pin="1234")), sign_in.content
        ),
        "enrol": Call(lambda cl: cl.enrol("st_x", "Till"), enrol.content),
        "snapshot_start": Call(lambda cl: cl.snapshot_start(), start.content),
        "feed": Call(lambda cl: cl.feed(cursor), feed.content),
        "feed_raw": Call(lambda cl: cl.feed_raw(cursor), feed.content),
        "push": Call(lambda cl: cl.push(CLIENT_ID, [PUSHED]), json.dumps(push).encode()),
        "status": Call(lambda cl: cl.status(), status.content),
        "search_orders": Call(lambda cl: cl.search_orders(number, "st_x"), search.content),
        "get_order": Call(lambda cl: cl.get_order(number, "st_x"), detail.content),
        "buy_labels": Call(lambda cl: cl.buy_labels(fid, "k", staff_token="st_x"), labels.content),
        "void_label": Call(lambda cl: cl.void_label(tracking, staff_token="st_x"), void.content),
    }
    for kind, page in pages.items():
        calls[f"snapshot_page_{kind.value}"] = Call(
            lambda cl, k=kind: cl.snapshot_page(k, cursor, None), page.content
        )
    return calls


@pytest.fixture(scope="module")
def calls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Call]:
    """The captured calls (one server for the module)."""
    return _capture(tmp_path_factory.mktemp("decoders"))


@pytest.fixture
def client() -> Iterator[tuple[ServerClient, Canned]]:
    """A client whose session answers from a :class:`Canned` adapter."""
    cl = ServerClient("http://station.test", token="sn_x", timeout=5)
    canned = Canned()
    cl.session.mount("http://", canned)
    try:
        yield cl, canned
    finally:
        cl.close()


NAMES = sorted(
    [
        "sign_in",
        "enrol",
        "snapshot_start",
        "feed",
        "feed_raw",
        "push",
        "status",
        "search_orders",
        "get_order",
        "buy_labels",
        "void_label",
        *(f"snapshot_page_{k.value}" for k in Kind),
    ]
)

JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
ANY_JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=30,
)


def _outcome(cl: ServerClient, call: Call) -> Any:
    """The call's result, or the SyncError it raised (anything else fails the test)."""
    try:
        return call.invoke(cl)
    except SyncError as exc:
        failed = exc
    assert failed.message, "a SyncError must say what went wrong"
    return failed


def _round_trips(value: Any) -> None:
    """A decoded model dumps to JSON that decodes to the same model."""
    models = value if isinstance(value, list) else [value]
    for m in models:
        if isinstance(m, BaseModel):
            again = type(m).model_validate_json(m.model_dump_json())
            assert again == m


@pytest.mark.parametrize("name", NAMES)
def test_real_replies_decode_and_round_trip(
    calls: dict[str, Call], client: tuple[ServerClient, Canned], name: str
) -> None:
    """Every captured reply decodes, and its models survive a dump and a decode."""
    cl, canned = client
    canned.content = calls[name].reply
    result = calls[name].invoke(cl)
    _round_trips(result)


@pytest.mark.parametrize("name", NAMES)
def test_arbitrary_json_decodes_or_is_malformed(
    calls: dict[str, Call], client: tuple[ServerClient, Canned], name: str
) -> None:
    """Any JSON value as a 2xx reply: decoded models, or a SyncError."""
    cl, canned = client

    @SETTINGS
    @given(payload=ANY_JSON)
    def run(payload: Any) -> None:
        canned.status, canned.content = 200, json.dumps(payload).encode()
        _round_trips(_outcome(cl, calls[name]))

    run()


def _paths(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [here]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*here, k))
    elif isinstance(value, list):
        for i, v in enumerate(value[:3]):
            out += _paths(v, (*here, i))
    return out


def _mutate(doc: Any, path: tuple[Any, ...], how: str, new: Any) -> Any:
    if not path:
        return new if how != "delete" else None
    head, rest = path[0], path[1:]
    if isinstance(doc, dict):
        copy = dict(doc)
        if not rest and how == "delete":
            copy.pop(head, None)
        elif not rest and how == "add":
            copy[f"{head}_extra"] = new
        else:
            copy[head] = _mutate(doc[head], rest, how, new)
        return copy
    copy_l = list(doc)
    if not rest and how == "delete":
        del copy_l[head]
    else:
        copy_l[head] = _mutate(doc[head], rest, how, new)
    return copy_l


@pytest.mark.parametrize("name", NAMES)
def test_mutated_real_replies_decode_or_are_malformed(
    calls: dict[str, Call], client: tuple[ServerClient, Canned], name: str
) -> None:
    """A real reply with one value replaced, removed or added: decoded, or a SyncError."""
    cl, canned = client
    original = json.loads(calls[name].reply)
    paths = _paths(original)

    @SETTINGS
    @given(
        path=st.sampled_from(paths),
        how=st.sampled_from(["replace", "delete", "add"]),
        new=ANY_JSON,
    )
    def run(path: tuple[Any, ...], how: str, new: Any) -> None:
        canned.status = 200
        canned.content = json.dumps(_mutate(original, path, how, new)).encode()
        _round_trips(_outcome(cl, calls[name]))

    run()


@pytest.mark.parametrize("name", NAMES)
def test_error_statuses_raise_sync_errors(
    calls: dict[str, Call], client: tuple[ServerClient, Canned], name: str
) -> None:
    """A 4xx/5xx with any body (envelope or not, JSON or not) raises a SyncError."""
    cl, canned = client
    envelope = st.builds(
        lambda code, msg, details: {"error": {"code": code, "message": msg, "details": details}},
        st.sampled_from(["validation_error", "resync_required", "nope", ""]),
        st.text(max_size=30),
        ANY_JSON,
    )
    bodies = st.one_of(
        envelope.map(lambda e: json.dumps(e).encode()),
        ANY_JSON.map(lambda v: json.dumps(v).encode()),
        st.binary(max_size=50),
    )

    @SETTINGS
    @given(
        status=st.sampled_from([400, 401, 403, 404, 409, 410, 413, 422, 429, 500, 503]), body=bodies
    )
    def run(status: int, body: bytes) -> None:
        canned.status, canned.content = status, body
        with pytest.raises(SyncError):
            calls[name].invoke(cl)

    run()


@pytest.mark.parametrize("name", NAMES)
def test_raw_bytes_decode_or_are_malformed(
    calls: dict[str, Call], client: tuple[ServerClient, Canned], name: str
) -> None:
    """Bytes that may not be JSON or UTF-8 at all, or a real reply cut short."""
    cl, canned = client
    reply = calls[name].reply

    @SETTINGS
    @given(body=st.binary(max_size=80) | st.integers(0, len(reply)).map(lambda n: reply[:n]))
    def run(body: bytes) -> None:
        canned.status, canned.content = 200, body
        _round_trips(_outcome(cl, calls[name]))

    run()


@pytest.mark.parametrize("depth", [1_000, 100_000])
@pytest.mark.parametrize("name", NAMES)
def test_deeply_nested_reply_is_malformed(
    client: tuple[ServerClient, Canned], calls: dict[str, Call], name: str, depth: int
) -> None:
    """A reply nested deeper than any parser's stack is a MalformedReply, not a crash."""
    cl, canned = client
    for status in (200, 500):
        canned.status, canned.content = status, b"[" * depth + b"]" * depth
        with pytest.raises(SyncError):
            calls[name].invoke(cl)
        canned.content = b'{"error": ' * depth + b"1" + b"}" * depth
        with pytest.raises(SyncError):
            calls[name].invoke(cl)
