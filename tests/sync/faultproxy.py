"""A small threaded HTTP/1.1 proxy on loopback that injects faults, chosen per request.

Put it between a station and a live server: ``proxy = FaultProxy(server_port)``; the
station talks to ``proxy.url``. Each request is forwarded on its own upstream connection
and answered with ``Connection: close``; a rule (path prefix, optional method, skip the
first ``skip`` matches, then fault ``times`` of them) picks what happens to it:

* :meth:`Fault.drop` — reset the connection without asking the server: no answer at all;
* :meth:`Fault.drop_answer` — forward the request (the server commits it), then reset the
  connection before any byte of the answer: "the server did it, the station never heard";
* :meth:`Fault.cut` — forward the response head and a part of the body, then close;
* :meth:`Fault.delay` — hold the response for some seconds first;
* :meth:`Fault.status` — answer a bare error (503 by default) without asking the server;
* :meth:`Fault.rewrite` — change the (decompressed) body, with a matching Content-Length.

Every request is logged (:attr:`FaultProxy.seen`), and requests waiting for the server are
counted, so a test can tell that a long-poll is in flight without sleeping. Faults injected
are counted by kind (:attr:`FaultProxy.injected`, ``unplug`` included) for the figures of
``docs/reliability.md``.

:meth:`FaultProxy.unplug` pulls the cable: open connections are dropped and new ones
refused until :meth:`FaultProxy.plug` listens on the same port again.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

Rewrite = Callable[[bytes], bytes]


@dataclass(frozen=True)
class Fault:
    """What to do to one response."""

    kind: str  # "drop", "drop_answer", "cut", "delay", "status", "rewrite"
    fraction: float = 0.5
    seconds: float = 0.0
    code: int = 503
    body: bytes = b"<html><body>503 Service Unavailable</body></html>"
    change: Rewrite | None = None

    @classmethod
    def drop(cls) -> Fault:
        """Reset the connection once the request is read, without asking the server."""
        return cls("drop")

    @classmethod
    def drop_answer(cls) -> Fault:
        """Let the server handle the request, then reset the connection before any byte
        of its answer reaches the station (the server committed; the station never heard)."""
        return cls("drop_answer")

    @classmethod
    def cut(cls, fraction: float = 0.5) -> Fault:
        """Send the head and ``fraction`` of the body, then drop the connection."""
        return cls("cut", fraction=fraction)

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Hold the (complete) response for ``seconds``."""
        return cls("delay", seconds=seconds)

    @classmethod
    def status(cls, code: int = 503, body: bytes | None = None) -> Fault:
        """Answer ``code`` with a non-protocol body, as a load balancer would."""
        return cls("status", code=code, body=cls.body if body is None else body)

    @classmethod
    def rewrite(cls, change: Rewrite) -> Fault:
        """Replace the body by ``change(body)`` (gzip undone first)."""
        return cls("rewrite", change=change)


@dataclass
class Rule:
    """Which requests a fault hits: path prefix, method, skip the first ``skip``, ``times``."""

    path: str
    fault: Fault
    method: str | None = None
    skip: int = 0
    times: int = 1
    matched: int = 0
    fired: int = 0

    def take(self, method: str, path: str) -> bool:
        """Count a request; whether the fault applies to it."""
        if not path.startswith(self.path) or (self.method and self.method != method):
            return False
        self.matched += 1
        if self.matched <= self.skip or self.fired >= self.times:
            return False
        self.fired += 1
        return True


@dataclass
class Seen:
    """One request through the proxy and what became of it."""

    method: str
    path: str
    query: dict[str, list[str]]
    fault: str | None = None
    status: int | None = None
    done: bool = False


@dataclass
class _Response:
    status: int
    head: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""


class ProxyError(Exception):
    """The proxy could not parse or relay a message."""


def _read_head(sock: socket.socket, buf: bytearray) -> bytes | None:
    """Read up to the blank line ending a message head; None if the peer closed first."""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buf += chunk
    end = buf.index(b"\r\n\r\n") + 4
    head = bytes(buf[:end])
    del buf[:end]
    return head


def _headers(lines: list[bytes]) -> list[tuple[str, str]]:
    out = []
    for line in lines:
        name, _, value = line.decode("latin-1").partition(":")
        out.append((name.strip(), value.strip()))
    return out


def _get(headers: list[tuple[str, str]], name: str) -> str | None:
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def _read_exact(sock: socket.socket, buf: bytearray, n: int) -> bytes:
    while len(buf) < n:
        chunk = sock.recv(65536)
        if not chunk:
            raise ProxyError("peer closed in the middle of a body")
        buf += chunk
    body = bytes(buf[:n])
    del buf[:n]
    return body


def _dechunk(data: bytes) -> bytes:
    out = bytearray()
    pos = 0
    while True:
        end = data.index(b"\r\n", pos)
        size = int(data[pos:end].split(b";")[0], 16)
        if size == 0:
            return bytes(out)
        out += data[end + 2 : end + 2 + size]
        pos = end + 2 + size + 2


def _read_response(sock: socket.socket) -> _Response:
    buf = bytearray()
    head = _read_head(sock, buf)
    if head is None:
        raise ProxyError("the server closed without answering")
    lines = head[:-4].split(b"\r\n")
    status = int(lines[0].split()[1])
    headers = _headers(lines[1:])
    length = _get(headers, "content-length")
    if length is not None:
        body = _read_exact(sock, buf, int(length))
    else:  # Connection: close was asked for, so the body ends when the server closes
        while chunk := sock.recv(65536):
            buf += chunk
        body = bytes(buf)
        if (_get(headers, "transfer-encoding") or "").lower() == "chunked":
            body = _dechunk(body)
    return _Response(status, headers, body)


def _reset(sock: socket.socket) -> None:
    """Close ``sock`` with a TCP reset (linger 0): the peer sees the connection torn down,
    not an orderly end, and no byte of an answer."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def _encode(resp: _Response) -> bytes:
    drop = {"connection", "content-length", "transfer-encoding", "keep-alive"}
    lines = [f"HTTP/1.1 {resp.status} X".encode()]
    lines += [f"{k}: {v}".encode("latin-1") for k, v in resp.head if k.lower() not in drop]
    lines += [f"Content-Length: {len(resp.body)}".encode(), b"Connection: close"]
    return b"\r\n".join(lines) + b"\r\n\r\n" + resp.body


class FaultProxy:
    """A threaded proxy from ``127.0.0.1:<port>`` to an upstream port on loopback."""

    def __init__(self, upstream_port: int, upstream_host: str = "127.0.0.1") -> None:
        self.upstream = (upstream_host, upstream_port)
        self.rules: list[Rule] = []
        self.seen: list[Seen] = []
        #: faults injected so far, by kind (``unplug`` counts each pull of the cable)
        self.injected: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._stop = threading.Event()
        self._open: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._accepter = self._start_accepting()

    def _start_accepting(self) -> threading.Thread:
        th = threading.Thread(
            target=self._accept, args=(self._listener,), name="faultproxy", daemon=True
        )
        th.start()
        return th

    @property
    def url(self) -> str:
        """The proxy's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def add(
        self,
        path: str,
        fault: Fault,
        *,
        method: str | None = None,
        skip: int = 0,
        times: int = 1,
    ) -> Rule:
        """Fault requests whose path starts with ``path`` (after ``skip`` good ones)."""
        rule = Rule(path, fault, method, skip, times)
        with self._lock:
            self.rules.append(rule)
        return rule

    def clear(self) -> None:
        """Drop every rule: all requests pass."""
        with self._lock:
            self.rules.clear()

    def faults(self) -> dict[str, int]:
        """A copy of the faults injected so far, by kind."""
        with self._lock:
            return dict(self.injected)

    def requests(self, path: str = "") -> list[Seen]:
        """The logged requests whose path starts with ``path``."""
        with self._lock:
            return [s for s in self.seen if s.path.startswith(path)]

    def in_flight(self, path: str = "") -> int:
        """How many requests on ``path`` wait for the server now."""
        with self._lock:
            return sum(1 for s in self.seen if s.path.startswith(path) and not s.done)

    def wait_in_flight(
        self, path: str, timeout: float, where: Callable[[Seen], bool] | None = None
    ) -> bool:
        """Wait until a request on ``path`` (and ``where`` it) waits for the server; False
        after ``timeout``."""
        deadline = time.monotonic() + timeout

        def waiting(s: Seen) -> bool:
            return s.path.startswith(path) and not s.done and (where is None or where(s))

        with self._changed:
            while not any(waiting(s) for s in self.seen):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
        return True

    def _disconnect(self) -> None:
        """Stop listening and drop every open connection (both ways)."""
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        with self._lock:
            socks = list(self._open)
        for s in socks:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
        self._accepter.join(5)
        for th in list(self._threads):
            th.join(5)

    def unplug(self) -> None:
        """The network is gone: open connections drop, new ones are refused."""
        with self._lock:
            self.injected["unplug"] += 1
        self._disconnect()

    def plug(self) -> None:
        """The network is back: listen on the same port again."""
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._accepter = self._start_accepting()

    def close(self) -> None:
        """Stop accepting, drop every open connection, join the threads."""
        self._stop.set()
        self._disconnect()

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- inside --------------------------------------------------------------------------

    def _accept(self, listener: socket.socket) -> None:
        while not self._stop.is_set():
            try:
                conn, _addr = listener.accept()
            except OSError:
                return
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            th = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(th)
            th.start()

    def _track(self, sock: socket.socket, add: bool) -> None:
        with self._lock:
            if add:
                self._open.add(sock)
            else:
                self._open.discard(sock)

    def _serve(self, client: socket.socket) -> None:
        self._track(client, True)
        try:
            with contextlib.suppress(OSError, ProxyError):
                self._one(client)
        finally:
            self._track(client, False)
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)
            client.close()

    def _one(self, client: socket.socket) -> None:
        buf = bytearray()
        head = _read_head(client, buf)
        if head is None:
            return
        lines = head[:-4].split(b"\r\n")
        method, target, _version = lines[0].decode("latin-1").split(" ", 2)
        headers = _headers(lines[1:])
        body = _read_exact(client, buf, int(_get(headers, "content-length") or 0))
        parts = urlsplit(target)
        seen = Seen(method, parts.path, parse_qs(parts.query))
        with self._lock:
            fault = next((r.fault for r in self.rules if r.take(method, parts.path)), None)
            seen.fault = fault.kind if fault else None
            if fault is not None:
                self.injected[fault.kind] += 1
            self.seen.append(seen)
            self._changed.notify_all()
        try:
            if fault is not None and fault.kind == "drop":
                _reset(client)
                return
            if fault is not None and fault.kind == "status":
                resp = _Response(fault.code, [("Content-Type", "text/html")], fault.body)
            else:
                resp = self._forward(method, target, headers, body)
            seen.status = resp.status
            if fault is not None and fault.kind == "drop_answer":
                _reset(client)
                return
            if fault is not None and fault.kind == "delay":
                self._stop.wait(fault.seconds)  # cut short when the proxy closes
            self._answer(client, resp, fault)
        finally:
            with self._lock:
                seen.done = True
                self._changed.notify_all()

    def _forward(
        self, method: str, target: str, headers: list[tuple[str, str]], body: bytes
    ) -> _Response:
        keep = [(k, v) for k, v in headers if k.lower() not in ("connection", "keep-alive")]
        lines = [f"{method} {target} HTTP/1.1".encode()]
        lines += [f"{k}: {v}".encode("latin-1") for k, v in keep]
        lines.append(b"Connection: close")
        upstream = socket.create_connection(self.upstream, timeout=60)
        upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._track(upstream, True)
        try:
            upstream.sendall(b"\r\n".join(lines) + b"\r\n\r\n" + body)
            return _read_response(upstream)
        finally:
            self._track(upstream, False)
            upstream.close()

    @staticmethod
    def _answer(client: socket.socket, resp: _Response, fault: Fault | None) -> None:
        if fault is not None and fault.kind == "rewrite" and fault.change is not None:
            if (_get(resp.head, "content-encoding") or "").lower() == "gzip":
                resp.body = gzip.decompress(resp.body)
                resp.head = [(k, v) for k, v in resp.head if k.lower() != "content-encoding"]
            resp.body = fault.change(resp.body)
        data = _encode(resp)
        if fault is not None and fault.kind == "cut":
            head_len = data.index(b"\r\n\r\n") + 4
            keep = head_len + int(len(resp.body) * fault.fraction)
            client.sendall(data[:keep])
            return
        client.sendall(data)
