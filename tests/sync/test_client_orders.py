"""The station client's order calls: search and read orders online in the signed-in
person's scope, with clear errors offline, without a sign-in, and for a reply that breaks
the protocol."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from desktop_oms.domain.roles import Role
from desktop_oms.protocol.auth import SignInRequest
from desktop_oms.sync.client import ORDERS_NEED_SIGN_IN, ORDERS_OFFLINE, ServerClient
from desktop_oms.sync.errors import MalformedReply, Refused, ServerUnavailable
from tests.server.factories import DEFAULT_PIN, make_staff, username_of
from tests.sync.live import World


def _token(world: World, staff_id: int) -> str:
    with world.services.db.read() as conn:
        name = username_of(conn, staff_id)
    client = ServerClient(world.url, timeout=10)
    try:
        return client.sign_in(SignInRequest(username=name, pin=DEFAULT_PIN)).token
    finally:
        client.close()


def test_store_staff_search_their_store_customer_service_the_chain(world: World) -> None:
    """An associate of store a finds store a's order by e-mail, not store b's; customer
    service finds both, and reads store b's order with its lines and timeline."""
    client = ServerClient(world.url, timeout=10)
    try:
        associate = _token(world, world.chain.a.associate)
        (mine,) = client.search_orders("alice@example", associate)
        assert mine.store_ids == [world.chain.a.store_id]
        assert client.search_orders("bob@example", associate) == []

        with world.services.db.write() as conn:
            agent = make_staff(conn, store_id=None, role=Role.CUSTOMER_SERVICE)
        service = _token(world, agent)
        (theirs,) = client.search_orders("  bob@example ", service)
        assert theirs.store_ids == [world.chain.b.store_id]
        detail = client.get_order(theirs.number, service)
        assert detail.order.number == theirs.number
        assert detail.customer.email == "bob@example.com"
        assert detail.lines and detail.fulfillments
        assert any(e.action for e in detail.timeline)

        with pytest.raises(Refused) as hidden:
            client.get_order(theirs.number, associate)
        assert hidden.value.status == 404
    finally:
        client.close()


def test_errors_without_sign_in_offline_and_too_short(world: World) -> None:
    """No online session asks for a PIN sign-in; a dead server says the search needs the
    network; one character is refused before asking."""
    client = ServerClient(world.url, timeout=10)
    try:
        for call in (
            lambda: client.search_orders("alice", None),
            lambda: client.get_order("X", ""),
        ):
            with pytest.raises(Refused) as refused:
                call()
            assert refused.value.message == ORDERS_NEED_SIGN_IN
        with pytest.raises(Refused) as expired:
            client.search_orders("alice", "not-a-session")
        assert expired.value.message == ORDERS_NEED_SIGN_IN
        with pytest.raises(Refused) as short:
            client.search_orders(" a ", "token")
        assert "at least 2" in short.value.message
    finally:
        client.close()

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dead = ServerClient(f"http://127.0.0.1:{port}", timeout=2)
    try:
        with pytest.raises(ServerUnavailable) as offline:
            dead.search_orders("alice", "token")
        assert offline.value.message == ORDERS_OFFLINE
        assert "network" in ORDERS_OFFLINE and "still searchable" in ORDERS_OFFLINE
    finally:
        dead.close()


# --- a server that answers off the protocol --------------------------------------------------

HIT = {
    "number": "WEB-1",
    "channel": "web",
    "created_at": "2026-03-02T12:00:00Z",
    "customer_name": "Ann",
    "total_minor": 1200,
    "currency": "EUR",
    "fraud_state": "clear",
    "store_ids": [1],
}


@pytest.fixture
def liar() -> Iterator[tuple[str, dict[str, Any]]]:
    """A local HTTP server answering every GET with ``answer["body"]`` (bytes or JSON)."""
    answer: dict[str, Any] = {"body": b"[]"}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = answer["body"]
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", answer
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ([{**HIT, "total_minor": "1200"}], "0.total_minor"),  # strict: no coercion
        ([{k: v for k, v in HIT.items() if k != "customer_name"}], "0.customer_name"),
        ([{**HIT, "fraud_state": "suspicious"}], "0.fraud_state"),
        ({"orders": [HIT]}, "the whole answer: Input should be a valid array"),
        (b"<html>proxy login</html>", "valid JSON"),
    ],
)
def test_a_malformed_search_reply_is_refused_and_named(
    liar: tuple[str, dict[str, Any]], body: Any, where: str
) -> None:
    """Every reply off the protocol is a MalformedReply naming where it breaks."""
    url, answer = liar
    answer["body"] = body
    client = ServerClient(url, timeout=5)
    try:
        with pytest.raises(MalformedReply) as bad:
            client.search_orders("ann", "token")
        assert where in bad.value.message
    finally:
        client.close()


def test_a_good_search_reply_and_a_detail_of_another_order(
    liar: tuple[str, dict[str, Any]], world: World
) -> None:
    """A well-formed hit parses; an order detail for another number than asked is refused."""
    url, answer = liar
    answer["body"] = [HIT]
    client = ServerClient(url, timeout=5)
    live = ServerClient(world.url, timeout=10)
    try:
        (hit,) = client.search_orders("ann", "token")
        assert (hit.number, hit.total_minor) == ("WEB-1", 1200)
        token = _token(world, world.chain.a.associate)
        (mine,) = live.search_orders("alice@example", token)
        real = live._orders_call(f"/orders/{mine.number}", token)
        answer["body"] = real
        assert client.get_order(mine.number, "token").order.number == mine.number
        with pytest.raises(MalformedReply) as other:
            client.get_order("WEB-999", "token")
        assert "WEB-999" in other.value.message and mine.number in other.value.message
        broken = json.loads(real)
        del broken["timeline"]
        answer["body"] = broken
        with pytest.raises(MalformedReply) as missing:
            client.get_order(mine.number, "token")
        assert "timeline" in missing.value.message
    finally:
        client.close()
        live.close()
