"""A real ``desktop-oms-server`` process on loopback over a database prepared in-process.

The test builds rows with the factories (through an in-process app on the same SQLite
file, closed before the server starts), then talks to the process over real sockets and
reads its log output afterwards.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import httpx
from fastapi.testclient import TestClient

from desktop_oms.server.app import create_app
from desktop_oms.server.config import ServerConfig
from desktop_oms.server.services import Services

START_TIMEOUT = 60.0
T = TypeVar("T")


@dataclass
class LiveServer:
    """A running server: its base URL, port and log file."""

    base: str
    host: str
    port: int
    log: Path
    proc: subprocess.Popen[bytes]

    def log_text(self) -> str:
        """What the process has written so far."""
        return self.log.read_text(encoding="utf-8", errors="replace")


def prepare(database: Path, build: Callable[[TestClient, Services], T]) -> T:
    """Migrate ``database`` and run ``build`` against an in-process app on it; its result."""
    app = create_app(
        ServerConfig(database_url=f"sqlite:///{database}", run_jobs=False),
    )
    try:
        with TestClient(app) as client:
            services = app.state.services
            assert isinstance(services, Services)
            return build(client, services)
    finally:
        app.state.services.db.dispose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(database: Path, log: Path, *extra: str) -> Iterator[LiveServer]:
    """Run the server CLI on ``database`` until the block ends (SIGINT, then kill)."""
    port = _free_port()
    args = [
        sys.executable,
        "-m",
        "desktop_oms.server.cli",
        "--database",
        f"sqlite:///{database}",
        "--port",
        str(port),
        "--notifications-dir",
        str(database.parent / "mail"),
        *extra,
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env)
        server = LiveServer(f"http://127.0.0.1:{port}", "127.0.0.1", port, log, proc)
        try:
            _wait_healthy(server)
            yield server
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
                try:
                    proc.wait(15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(10)


def _wait_healthy(server: LiveServer) -> None:
    started = time.monotonic()
    while time.monotonic() - started < START_TIMEOUT:
        if server.proc.poll() is not None:
            raise AssertionError(f"server exited:\n{server.log_text()}")
        try:
            if httpx.get(f"{server.base}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"server not healthy after {START_TIMEOUT} s:\n{server.log_text()}")
