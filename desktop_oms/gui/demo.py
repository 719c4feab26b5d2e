"""The embedded demo: a seeded ``desktop-oms-server`` on loopback and a station of AMS1.

:class:`DemoServer` runs the server as a child process (``python -m
desktop_oms.gui.demo serve ...``, which is ``desktop-oms-server`` plus a watch on its
stdin): its own interpreter, so seeding and serving never compete with the UI thread for
the GIL, and its own SQLite file in the demo's data directory. The child ends when its
stdin closes, so it never outlives the station, even when the station is killed.

:func:`enrol_station` enrols a station of the demo's main store with the demo manager's
login, the way a manager enrols a counter PC, and writes the identity into a fresh cache
file in the data directory. The demo station's token stays in memory: the demo never
writes to the user's keyring or the station pointer of a real enrolment.

No Qt here: the GUI runs these calls on its network pool.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop_oms.cache import state
from desktop_oms.cache.db import CacheDB
from desktop_oms.cache.state import Key
from desktop_oms.protocol.auth import SignInRequest
from desktop_oms.sync.client import ServerClient
from desktop_oms.sync.enrolment import Enrolment
from desktop_oms.sync.errors import SyncError

#: The demo's staff PIN, main store and the logins shown on the sign-in screen (the
#: server's seed defines them; a test keeps these equal to ``server.seed``).
DEMO_PIN = "1234"
DEMO_STORE = "AMS1"
DEMO_MANAGER = "ams1.manager"
DEMO_LOGINS = ("ams1.associate", "ams1.lead", "ams1.manager")
DATABASE_NAME = "oms-demo.sqlite3"

_LISTENING_RE = re.compile(r"listening on (https?://\S+)")
_CHANNEL_RE = re.compile(r"^\s{2}(\S+)\s+(ch_\S+)\s*$")
#: uvicorn's access log lines (one per request: long-polls, snapshot pages) are not echoed.
_ACCESS_RE = re.compile(r'^INFO:\s+\S+:\d+ - "')


class DemoError(Exception):
    """The demo could not start; ``str()`` says why (with the server's last output)."""


def server_command() -> list[str]:
    """How to start the demo's server child, before its ``desktop-oms-server`` arguments:
    this interpreter with ``-m desktop_oms.gui.demo serve``, or in a frozen bundle (no
    ``-m`` there) the bundled binary itself with its hidden ``--run-demo-server`` flag."""
    if getattr(sys, "frozen", False):
        from desktop_oms.cli import DEMO_SERVER_FLAG

        return [sys.executable, DEMO_SERVER_FLAG]
    return [sys.executable, "-m", "desktop_oms.gui.demo", "serve"]


def _echo_stdout(line: str) -> None:
    print(line, flush=True)


class DemoServer:
    """A seeded demo server in a child process on ``127.0.0.1``."""

    def __init__(
        self,
        data_dir: Path,
        *,
        port: int = 0,
        seed_size: str = "small",
        simulate_orders: float = 6.0,
        echo: Callable[[str], None] | None = _echo_stdout,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.port = port
        self.seed_size = seed_size
        self.simulate_orders = simulate_orders
        self.echo = echo
        self.url: str | None = None
        self.channel_keys: dict[str, str] = {}
        self.lines: list[str] = []
        self._proc: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None
        self._listening = threading.Event()

    @property
    def database(self) -> Path:
        """The demo server's SQLite file."""
        return self.data_dir / DATABASE_NAME

    def server_args(self) -> list[str]:
        """The ``desktop-oms-server`` arguments of this demo."""
        return [
            "--demo",
            "--database",
            f"sqlite:///{self.database}",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--seed-size",
            self.seed_size,
            "--simulate-orders",
            str(self.simulate_orders),
            "--notifications-dir",
            str(self.data_dir / "notifications"),
        ]

    def start(self, timeout: float = 600.0) -> str:
        """Start the server and wait until it answers; its URL. DemoError if it cannot."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        args = [*server_command(), *self.server_args()]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self._proc = subprocess.Popen(  # noqa: S603 - our own interpreter (or bundle)
            args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
        )
        self._reader = threading.Thread(target=self._read, name="oms-demo-output", daemon=True)
        self._reader.start()
        deadline = time.monotonic() + timeout
        while not self._listening.wait(0.1):
            if self._proc.poll() is not None:
                raise DemoError(
                    f"the demo server exited with {self._proc.returncode}{self._tail()}"
                )
            if time.monotonic() > deadline:
                self.stop()
                raise DemoError(f"the demo server did not start within {timeout:.0f} s")
        assert self.url is not None
        self._wait_healthy(deadline)
        return self.url

    def _read(self) -> None:
        proc = self._proc
        assert proc is not None and proc.stdout is not None
        for raw in proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.lines = [*self.lines[-199:], line]
            if (found := _CHANNEL_RE.match(line)) is not None:
                self.channel_keys[found.group(1)] = found.group(2)
            if not self._listening.is_set() and (found := _LISTENING_RE.search(line)):
                self.url = found.group(1)
                self._listening.set()
            if self.echo is not None and not _ACCESS_RE.match(line):
                self.echo(line)

    def _wait_healthy(self, deadline: float) -> None:
        import requests

        assert self.url is not None
        while True:
            try:
                if requests.get(f"{self.url}/health", timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            if time.monotonic() > deadline or (self._proc and self._proc.poll() is not None):
                raise DemoError(f"the demo server at {self.url} does not answer{self._tail()}")
            time.sleep(0.1)

    def _tail(self) -> str:
        shown = "\n".join(self.lines[-15:])
        return f":\n{shown}" if shown else ""

    @property
    def running(self) -> bool:
        """Whether the child process is alive."""
        return self._proc is not None and self._proc.poll() is None

    def stop(self, timeout: float = 3.0) -> int | None:
        """Ask the server to stop (close its stdin), then make sure; its exit code.

        The server shuts down gracefully, cutting requests still in flight (a long-poll)
        after a short grace period; after ``timeout`` it is killed (SQLite keeps its
        committed data).
        """
        proc, self._proc = self._proc, None
        if proc is None:
            return None
        if proc.stdin is not None:
            with contextlib.suppress(OSError):
                proc.stdin.close()
        try:
            code = proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait(5)
        if self._reader is not None:
            self._reader.join(2)
        if proc.stdout is not None:
            with contextlib.suppress(OSError):
                proc.stdout.close()
        return code


def enrol_station(
    url: str,
    data_dir: Path,
    *,
    username: str = DEMO_MANAGER,
    pin: str = DEMO_PIN,
    name: str = "Demo counter",
    timeout: float = 15.0,
) -> tuple[Enrolment, str]:
    """Enrol a station of the manager's store; its identity (cache in ``data_dir``) and token.

    Earlier demo caches in ``data_dir`` are removed: each demo start is a new station.
    """
    client = ServerClient(url, timeout=timeout)
    try:
        session = client.sign_in(SignInRequest(username=username, pin=pin))
        try:
            out = client.enrol(session.token, name)
        finally:
            with contextlib.suppress(SyncError):
                client.sign_out(session.token)
    finally:
        client.close()
    data_dir.mkdir(parents=True, exist_ok=True)
    for old in data_dir.glob("station-*.sqlite3*"):
        with contextlib.suppress(OSError):
            old.unlink()
    path = data_dir / f"station-{out.station_id}.sqlite3"
    cache = CacheDB(path)
    try:
        with cache.write() as conn:
            state.put_many(
                conn,
                {
                    Key.SERVER_URL: url,
                    Key.STATION_ID: out.station_id,
                    Key.STORE_ID: out.store_id,
                    Key.CLIENT_ID: out.client_id,
                    Key.LAST_COMMAND_SEQ: 0,
                },
            )
    finally:
        cache.close()
    enrolment = Enrolment(
        server_url=url,
        station_id=out.station_id,
        store_id=out.store_id,
        client_id=out.client_id,
        cache_path=path,
        store_code=out.store_code,
    )
    return enrolment, out.station_token


# --- the child process -------------------------------------------------------------------


def _stop_when_orphaned() -> None:
    """End this process gracefully when stdin closes (the station ended or died)."""
    with contextlib.suppress(OSError, ValueError):
        while sys.stdin.buffer.read(4096):
            pass
    if hasattr(signal, "SIGTERM") and os.name == "posix":
        os.kill(os.getpid(), signal.SIGTERM)  # uvicorn shuts down gracefully
        time.sleep(15)
    os._exit(0)


def serve_main(argv: Sequence[str]) -> int:
    """``python -m desktop_oms.gui.demo serve <desktop-oms-server arguments>``."""
    threading.Thread(target=_stop_when_orphaned, name="oms-orphan-watch", daemon=True).start()
    from desktop_oms.server.cli import main

    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse's --help and usage errors
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    # The watcher thread sits in a read of stdin holding its lock; a normal interpreter
    # shutdown would then abort ("could not acquire lock for stdin"). Finish by hand.
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] != "serve":
        print("usage: python -m desktop_oms.gui.demo serve <desktop-oms-server args>")
        sys.exit(2)
    sys.exit(serve_main(sys.argv[2:]))
