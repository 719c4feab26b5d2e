"""The command lines: ``desktop-oms-server`` (in-process and as a real process) and ``desktop-oms``.

The process tests start the server the way a user does, wait for ``/health``, use the
printed credentials over HTTP and stop it with a signal, as an operator would.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from desktop_oms.server import schema as t
from desktop_oms.server.app import create_app
from desktop_oms.server.cli import CONFIG_ENV, _prepare_demo, app_from_env, main
from desktop_oms.server.config import ServerConfig
from desktop_oms.server.db import Database
from desktop_oms.server.feed import epoch
from desktop_oms.server.payments import TestPaymentProvider

#: Paths the demo server must offer: intake, availability, auth and sync.
EXPECTED_PATHS = {
    "/health",
    "/api/v1/orders",
    "/api/v1/availability/{sku}",
    "/api/v1/auth/sign-in",
    "/api/v1/auth/sign-out",
    "/api/v1/auth/me",
    "/api/v1/stations/enrol",
    "/api/v1/sync/snapshot",
    "/api/v1/sync/snapshot/{kind}",
    "/api/v1/sync/feed",
    "/api/v1/sync/commands",
}
START_TIMEOUT = 60.0
STOP_TIMEOUT = 30.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _process(args: list[str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A child process with its output in ``log``; killed if the test leaves it running."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            yield proc
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)


def _wait_healthy(proc: subprocess.Popen[bytes], base: str, log: Path) -> float:
    """Seconds until ``/health`` answers (fails if the process dies or takes too long)."""
    started = time.monotonic()
    while time.monotonic() - started < START_TIMEOUT:
        if proc.poll() is not None:
            pytest.fail(f"server exited with {proc.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return time.monotonic() - started
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    pytest.fail(f"server not healthy after {START_TIMEOUT} s:\n{log.read_text()}")


def _stop(proc: subprocess.Popen[bytes], sig: signal.Signals, log: Path) -> int:
    proc.send_signal(sig)
    try:
        return proc.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"server ignored {sig.name} for {STOP_TIMEOUT} s:\n{log.read_text()}")


def _wait_for(log: Path, pattern: str, proc: subprocess.Popen[bytes]) -> re.Match[str]:
    started = time.monotonic()
    while time.monotonic() - started < START_TIMEOUT:
        found = re.search(pattern, log.read_text(errors="replace"))
        if found:
            return found
        if proc.poll() is not None:
            pytest.fail(f"process exited with {proc.returncode}:\n{log.read_text()}")
        time.sleep(0.1)
    pytest.fail(f"{pattern!r} not printed within {START_TIMEOUT} s:\n{log.read_text()}")


# --- in-process --------------------------------------------------------------------------


def test_help_names_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    """``--help`` documents the options of the brief."""
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for option in (
        "--database",
        "--host",
        "--port",
        "--workers",
        "--demo",
        "--seed-size",
        "--simulate-orders",
        "--notifications-dir",
        "--smtp",
        "--new-epoch",
    ):
        assert option in out


def test_bad_arguments_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """Nonsense counts are usage errors (exit 2), not crashes."""
    for argv in (["--workers", "0"], ["--port", "70000"], ["--simulate-orders", "-1"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
    assert "--workers must be at least 1" in capsys.readouterr().err


def test_new_epoch_changes_the_epoch_and_exits(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--new-epoch`` migrates if needed, gives a new epoch and does not serve."""
    assert main(["--database", sqlite_url, "--new-epoch"]) == 0
    db = Database(sqlite_url)
    with db.read() as conn:
        first = epoch(conn)
    assert main(["--database", sqlite_url, "--new-epoch"]) == 0
    with db.read() as conn:
        second = epoch(conn)
    db.dispose()
    assert first != second
    assert second in capsys.readouterr().out


def test_app_factory_reads_its_config_from_the_environment(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers build the app from the environment the CLI set."""
    monkeypatch.delenv(CONFIG_ENV, raising=False)
    with pytest.raises(RuntimeError, match=CONFIG_ENV):
        app_from_env()
    monkeypatch.setenv(
        CONFIG_ENV,
        f'{{"database_url": "{sqlite_url}", "notification_dir": "{tmp_path}", "smtp_url": null}}',
    )
    app = app_from_env()
    config = app.state.services.config
    assert config.database_url == sqlite_url and config.notification_dir == tmp_path
    assert "/health" in app.openapi()["paths"]
    app.state.services.db.dispose()


def test_app_offers_the_expected_paths(sqlite_url: str) -> None:
    """The in-process app lists the paths the process test checks for."""
    app = create_app(ServerConfig(database_url=sqlite_url, run_jobs=False))
    assert set(app.openapi()["paths"]) >= EXPECTED_PATHS
    app.state.services.db.dispose()


# --- real processes ----------------------------------------------------------------------


@pytest.mark.slow
def test_server_demo_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``desktop-oms-server --demo`` on an empty database seeds, serves the API the printed
    credentials work with, trickles in orders, and stops cleanly on SIGINT."""
    port = _free_port()
    database = tmp_path / "demo.sqlite3"
    url = f"sqlite:///{database}"
    log = tmp_path / "server.log"
    args = [
        sys.executable,
        "-m",
        "desktop_oms.server.cli",
        "--demo",
        "--port",
        str(port),
        "--database",
        url,
        "--simulate-orders",
        "120",
        "--notifications-dir",
        str(tmp_path / "mail"),
    ]
    base = f"http://127.0.0.1:{port}"
    with _process(args, log) as proc:
        startup = _wait_healthy(proc, base, log)
        print(f"demo server (small) healthy {startup:.1f} s after start on an empty database")
        text = log.read_text()
        assert "ams1.manager" in text and f"listening on {base}" in text
        web_key = re.search(r"^\s+web\s+(ch_\S+)$", text, re.MULTILINE)
        assert web_key is not None, text

        paths = set(httpx.get(f"{base}/openapi.json", timeout=10).json()["paths"])
        reference = create_app(ServerConfig(database_url=f"sqlite:///{tmp_path / 'ref.db'}"))
        assert paths == set(reference.openapi()["paths"])
        reference.state.services.db.dispose()
        assert paths >= EXPECTED_PATHS

        signed_in = httpx.post(
            f"{base}/api/v1/auth/sign-in",
            json={"username": "ams1.manager", "pin": "1234"},
            timeout=10,
        )
        assert signed_in.status_code == 200, signed_in.text
        staff = {"Authorization": f"Bearer {signed_in.json()['token']}"}
        stock = httpx.get(f"{base}/api/v1/availability/AP-000001", headers=staff, timeout=10)
        assert stock.status_code == 200, stock.text
        assert any(s["store_code"] == "AMS1" for s in stock.json()["stores"])

        channel = {"Authorization": f"Bearer {web_key.group(1)}"}
        assert httpx.get(
            f"{base}/api/v1/availability/AP-000001", headers=channel, timeout=10
        ).is_success

        db = Database(url)
        try:
            with db.read() as conn:
                seeded = conn.execute(sa.select(sa.func.count()).select_from(t.orders)).scalar()
            deadline = time.monotonic() + 30
            now = seeded
            while now == seeded and time.monotonic() < deadline:
                time.sleep(0.25)
                with db.read() as conn:
                    now = conn.execute(sa.select(sa.func.count()).select_from(t.orders)).scalar()
            assert now is not None and seeded is not None and now > seeded, "no simulated order"
        finally:
            db.dispose()

        assert _stop(proc, signal.SIGINT, log) == 0
    assert "Application shutdown complete" in log.read_text()

    # A second --demo run on the same database shows the credentials, with fresh keys.
    db = Database(url)
    try:
        _prepare_demo(db, "small", 42, TestPaymentProvider())
    finally:
        db.dispose()
    again = capsys.readouterr().out
    assert "already holds the small demo chain" in again and "ams1.manager" in again
    assert web_key.group(1) not in again


@pytest.mark.slow
def test_station_demo_process(tmp_path: Path) -> None:
    """``desktop-oms --demo`` picks a free port, says where it listens, stops on SIGTERM and
    removes its temporary data."""
    log = tmp_path / "station.log"
    script = Path(sys.executable).with_name("desktop-oms")
    args = (
        [str(script), "--demo", "--simulate-orders", "0"]
        if script.exists()
        else [
            sys.executable,
            "-c",
            "import sys; from desktop_oms.cli import station_main; "
            "sys.exit(station_main(['--demo', '--simulate-orders', '0']))",
        ]
    )
    with _process(args, log) as proc:
        found = _wait_for(log, r"listening on (http://127\.0\.0\.1:(\d+))", proc)
        data_dir = Path(_wait_for(log, r"data in (\S+)", proc).group(1))
        assert data_dir.exists()
        assert int(found.group(2)) > 0
        _wait_healthy(proc, found.group(1), log)
        assert _stop(proc, signal.SIGTERM, log) == 0
    assert not data_dir.exists()


@pytest.mark.slow
def test_server_with_workers(tmp_path: Path) -> None:
    """``--workers 2`` serves from two processes built by the import-string factory."""
    port = _free_port()
    log = tmp_path / "workers.log"
    url = f"sqlite:///{tmp_path / f'w{uuid.uuid4().hex[:6]}.sqlite3'}"
    args = [sys.executable, "-m", "desktop_oms.server.cli", "--workers", "2", "--port", str(port)]
    args += ["--database", url]
    with _process(args, log) as proc:
        base = f"http://127.0.0.1:{port}"
        _wait_healthy(proc, base, log)
        for _ in range(6):
            assert httpx.get(f"{base}/health", timeout=5).json()["status"] == "ok"
        text = _wait_for(log, r"(Started parent process|Started process)", proc).string
        assert text.count("Application startup complete") >= 1
        assert _stop(proc, signal.SIGTERM, log) == 0


@pytest.mark.slow
def test_sigterm_does_not_wait_for_a_long_poll(sqlite_url: str, tmp_path: Path) -> None:
    """A stopping server cancels a station's long-poll after its short grace period instead
    of waiting out the poll (the station simply polls again later)."""
    from desktop_oms.server.cli import GRACEFUL_SHUTDOWN_SECONDS
    from desktop_oms.server.migrate import prepare_database
    from tests.server.factories import bearer, make_station, make_store

    db = Database(sqlite_url)
    prepare_database(db)
    with db.write() as conn:
        station = make_station(conn, store_id=make_store(conn))
    db.dispose()
    wait = 30.0  # the longest long-poll the server allows
    assert wait / 3 > GRACEFUL_SHUTDOWN_SECONDS
    port = _free_port()
    log = tmp_path / "server.log"
    args = [sys.executable, "-m", "desktop_oms.server.cli", "--database", sqlite_url]
    args += ["--port", str(port)]
    base = f"http://127.0.0.1:{port}/api/v1/sync"
    headers = bearer(station.station_token)
    with _process(args, log) as proc:
        _wait_healthy(proc, f"http://127.0.0.1:{port}", log)
        cursor = httpx.get(f"{base}/snapshot", headers=headers, timeout=10).json()["cursor"]
        params = {"cursor": cursor, "wait": 0}
        assert httpx.get(f"{base}/feed", params=params, headers=headers, timeout=10).is_success
        ended: list[float] = []

        def long_poll() -> None:
            # cut off by the shutdown: what a station sees, and retries
            with contextlib.suppress(httpx.HTTPError):
                httpx.get(
                    f"{base}/feed",
                    params={"cursor": cursor, "wait": wait},
                    headers=headers,
                    timeout=wait + 10,
                )
            ended.append(time.monotonic())

        poller = threading.Thread(target=long_poll, daemon=True)
        poller.start()
        poller.join(1.0)  # let the poll reach the server and start waiting
        assert not ended, "the long-poll should be waiting for changes"
        stopped_at = time.monotonic()
        code = _stop(proc, signal.SIGTERM, log)
        took = time.monotonic() - stopped_at
        poller.join(10)
    assert code == 0, log.read_text()
    assert took < wait / 3, f"shutdown took {took:.1f} s of a {wait:.0f} s long-poll"
    assert ended and ended[0] - stopped_at < wait / 3
    text = log.read_text()
    assert "timeout graceful shutdown exceeded" in text, text
    assert "Application shutdown complete" in text


@pytest.mark.slow
def test_a_long_poll_whose_station_hung_up_ends_early(sqlite_url: str, tmp_path: Path) -> None:
    """When a station gives up on a long-poll (closed, or its own timeout), the server ends
    the request at its next recheck: a later shutdown has nothing to wait for or cancel."""
    from desktop_oms.server.migrate import prepare_database
    from tests.server.factories import bearer, make_station, make_store

    db = Database(sqlite_url)
    prepare_database(db)
    with db.write() as conn:
        station = make_station(conn, store_id=make_store(conn))
    db.dispose()
    port = _free_port()
    log = tmp_path / "server.log"
    args = [sys.executable, "-m", "desktop_oms.server.cli", "--database", sqlite_url]
    args += ["--port", str(port)]
    base = f"http://127.0.0.1:{port}/api/v1/sync"
    headers = bearer(station.station_token)
    with _process(args, log) as proc:
        _wait_healthy(proc, f"http://127.0.0.1:{port}", log)
        cursor = httpx.get(f"{base}/snapshot", headers=headers, timeout=10).json()["cursor"]
        with pytest.raises(httpx.ReadTimeout):
            httpx.get(
                f"{base}/feed",
                params={"cursor": cursor, "wait": 30},
                headers=headers,
                timeout=httpx.Timeout(10, read=1.0),
            )
        time.sleep(1.0)  # a few rechecks: the server notices the hang-up
        code = _stop(proc, signal.SIGTERM, log)
    text = log.read_text()
    assert code == 0, text
    assert "timeout graceful shutdown exceeded" not in text, text
    assert "Exception in ASGI application" not in text, text
