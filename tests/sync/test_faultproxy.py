"""The fault proxy itself, against a tiny counting HTTP server: each fault kind does what it
says (and only to the requests its rule picks), and every injected fault is counted."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from tests.sync.faultproxy import Fault, FaultProxy

BODY = b"x" * 4000


class _Upstream(ThreadingHTTPServer):
    """Answers every request with :data:`BODY` and counts the requests it handled."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hits = 0
        self.lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        server = self.server
        assert isinstance(server, _Upstream)
        with server.lock:
            server.hits += 1
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def do_GET(self) -> None:
        """Answer a GET."""
        self._answer()

    def do_POST(self) -> None:
        """Answer a POST."""
        self._answer()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: no access log on stderr."""


@pytest.fixture
def upstream() -> Iterator[_Upstream]:
    """The counting server, in a thread."""
    server = _Upstream()
    th = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    th.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        th.join(5)


@pytest.fixture
def proxy(upstream: _Upstream) -> Iterator[FaultProxy]:
    """A fault proxy in front of it."""
    with FaultProxy(int(upstream.server_address[1])) as p:
        yield p


def _raw(proxy: FaultProxy, path: str = "/x") -> bytes:
    """Send a GET by hand and read every byte until the proxy closes."""
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=10) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        out = bytearray()
        while chunk := sock.recv(65536):
            out += chunk
        return bytes(out)


def test_no_rule_passes_everything_and_counts_no_fault(
    proxy: FaultProxy, upstream: _Upstream
) -> None:
    """Without rules the answer is the server's, whole; nothing is counted as a fault."""
    r = requests.post(proxy.url + "/a", data=b"hello", timeout=10)
    assert (r.status_code, r.content) == (200, BODY)
    assert upstream.hits == 1
    assert proxy.faults() == {}
    assert [(s.method, s.path, s.fault, s.status) for s in proxy.requests()] == [
        ("POST", "/a", None, 200)
    ]


def test_drop_resets_without_asking_the_server(proxy: FaultProxy, upstream: _Upstream) -> None:
    """``drop``: the connection is torn down and the server never sees the request."""
    proxy.add("/a", Fault.drop())
    with pytest.raises(requests.ConnectionError):
        requests.post(proxy.url + "/a", data=b"hello", timeout=10)
    assert upstream.hits == 0
    assert proxy.faults() == {"drop": 1}
    assert requests.post(proxy.url + "/a", data=b"again", timeout=10).content == BODY
    assert upstream.hits == 1


def test_drop_answer_lets_the_server_commit_then_resets(
    proxy: FaultProxy, upstream: _Upstream
) -> None:
    """``drop_answer``: the server handled the request, the client gets no byte of it."""
    proxy.add("/a", Fault.drop_answer())
    with pytest.raises(requests.ConnectionError):
        requests.post(proxy.url + "/a", data=b"hello", timeout=10)
    assert upstream.hits == 1
    assert proxy.requests("/a")[0].status == 200  # the server answered; the proxy kept it
    assert proxy.faults() == {"drop_answer": 1}


def test_cut_sends_the_head_and_part_of_the_body(proxy: FaultProxy) -> None:
    """``cut``: the head promises the whole body, a quarter of it arrives, then the end."""
    proxy.add("/x", Fault.cut(0.25))
    got = _raw(proxy)
    head, _, body = got.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    assert f"Content-Length: {len(BODY)}".encode() in head
    assert body == BODY[: len(BODY) // 4]
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        proxy.add("/x", Fault.cut(0.5))
        requests.get(proxy.url + "/x", timeout=10)
    assert proxy.faults() == {"cut": 2}


def test_delay_holds_the_answer(proxy: FaultProxy, upstream: _Upstream) -> None:
    """``delay``: the server has answered, the client still waits (and times out)."""
    proxy.add("/x", Fault.delay(5.0))
    with pytest.raises(requests.ReadTimeout):
        requests.get(proxy.url + "/x", timeout=(5, 1.0))
    assert upstream.hits == 1
    assert proxy.faults() == {"delay": 1}


def test_status_answers_for_the_server(proxy: FaultProxy, upstream: _Upstream) -> None:
    """``status``: a bare 5xx page as a load balancer gives, the server not asked."""
    proxy.add("/x", Fault.status(502, b"bad gateway"))
    r = requests.get(proxy.url + "/x", timeout=10)
    assert (r.status_code, r.content) == (502, b"bad gateway")
    assert upstream.hits == 0
    assert proxy.faults() == {"status": 1}


def test_rewrite_changes_the_body_with_a_matching_length(proxy: FaultProxy) -> None:
    """``rewrite``: the body is replaced and Content-Length follows it."""
    proxy.add("/x", Fault.rewrite(lambda b: b[:3] + b"!"))
    r = requests.get(proxy.url + "/x", timeout=10)
    assert r.content == b"xxx!"
    assert r.headers["Content-Length"] == "4"
    assert proxy.faults() == {"rewrite": 1}


def test_unplug_refuses_connections_until_plugged(proxy: FaultProxy, upstream: _Upstream) -> None:
    """``unplug``: nothing connects; ``plug``: the same port serves again. Each pull counts."""
    proxy.unplug()
    with pytest.raises(requests.ConnectionError):
        requests.get(proxy.url + "/x", timeout=10)
    proxy.plug()
    assert requests.get(proxy.url + "/x", timeout=10).content == BODY
    assert upstream.hits == 1
    assert proxy.faults() == {"unplug": 1}


def test_rules_pick_by_path_method_skip_and_times(proxy: FaultProxy, upstream: _Upstream) -> None:
    """A rule skips its first ``skip`` matches, then faults ``times`` of them; other paths
    and methods pass; counts are per kind."""
    proxy.add("/a", Fault.status(503), method="POST", skip=1, times=2)
    proxy.add("/b", Fault.drop())
    codes = [requests.post(proxy.url + "/a", timeout=10).status_code for _ in range(4)]
    assert codes == [200, 503, 503, 200]
    assert requests.get(proxy.url + "/a", timeout=10).status_code == 200  # GET: not matched
    with pytest.raises(requests.ConnectionError):
        requests.get(proxy.url + "/b", timeout=10)
    assert proxy.faults() == {"status": 2, "drop": 1}
    assert upstream.hits == 3
