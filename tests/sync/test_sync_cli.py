"""``desktop-oms-sync``: enrol, sync, status, and an exit code and message per failure."""

from __future__ import annotations

import io
import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from desktop_oms.cache import integrity
from desktop_oms.cache.db import CacheDB
from desktop_oms.server import auth
from desktop_oms.server import schema as t
from desktop_oms.server.db import new_epoch
from desktop_oms.sync import credentials
from desktop_oms.sync.cli import Exit, main
from desktop_oms.sync.enrolment import pointer_path, read_enrolment
from tests.server.factories import DEFAULT_PIN, username_of
from tests.sync.faultproxy import Fault, FaultProxy
from tests.sync.live import World, cache_rows, server_rows, wait_for

ROOT = Path(__file__).resolve().parents[2]


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def _manager(world: World, side: str = "a") -> str:
    with world.services.db.read() as conn:
        return username_of(conn, (world.chain.a if side == "a" else world.chain.b).manager)


def _enrol(world: World, *extra: str, url: str | None = None) -> tuple[int, str]:
    return _run(
        "enrol",
        "--server",
        url or world.url,
        "--username",
        _manager(world),
        "--pin",
        DEFAULT_PIN,
        "--name",
        "Till 3",
        *extra,
    )


def test_enrol_then_status_and_sync(world: World) -> None:
    """A manager enrols the PC; the identity is in the cache, the token in a 0600 file (no
    keyring here), the manager's session is signed out; sync brings the store's data."""
    code, out = _enrol(world)
    assert code == Exit.OK, out
    assert "token stored in an owner-only file" in out
    enrolment = read_enrolment()
    assert enrolment.store_id == world.chain.a.store_id
    assert pointer_path().is_file()
    token_file = credentials.token_file(world.url, enrolment.station_id)
    assert token_file.is_file() and (token_file.stat().st_mode & 0o077) == 0
    with world.services.db.read() as conn:
        station = conn.execute(
            sa.select(t.stations).where(t.stations.c.id == enrolment.station_id)
        ).one()
        sessions = conn.execute(
            sa.select(t.sessions.c.revoked_at).where(t.sessions.c.staff_id == world.chain.a.manager)
        ).all()
    assert (station.name, station.client_id) == ("Till 3", enrolment.client_id)
    assert sessions and all(s.revoked_at is not None for s in sessions)
    # the identity is kept beside the cache at once (a cache lost before the first restart
    # still comes back as this station), owner-only, without the token
    identity = integrity.identity_path(enrolment.cache_path)
    assert identity.is_file() and (identity.stat().st_mode & 0o077) == 0
    kept = json.loads(identity.read_text(encoding="utf-8"))
    assert (kept["station_id"], kept["client_id"]) == (enrolment.station_id, enrolment.client_id)
    assert set(kept) == {"server_url", "station_id", "store_id", "client_id"}

    code, out = _run("status")
    assert code == Exit.OK
    assert "cursor     none yet" in out and "outbox     0 commands" in out

    code, out = _run("sync", "--once")
    assert code == Exit.OK, out
    assert "in sync at" in out and "snapshot: product page" in out
    cache = CacheDB(enrolment.cache_path)
    try:
        assert cache_rows(cache) == server_rows(world.services, enrolment.store_id)
    finally:
        cache.close()

    code, out = _run("status")
    assert code == Exit.OK
    assert "last sync  20" in out and "conflicts  0 unacknowledged" in out


def test_not_enrolled(world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No enrolment on this PC, or a cache file that is none: exit 3 and say what to do."""
    assert _run("sync", "--once")[0] == Exit.NOT_ENROLLED
    assert "not enrolled" in capsys.readouterr().err
    assert _run("status", "--cache", str(tmp_path / "nothing.sqlite3"))[0] == Exit.NOT_ENROLLED
    assert "enrol this PC first" in capsys.readouterr().err

    assert _enrol(world)[0] == Exit.OK
    credentials.forget_token(world.url, read_enrolment().station_id)
    assert _run("sync")[0] == Exit.NOT_ENROLLED
    assert "no token is stored" in capsys.readouterr().err


def test_server_unreachable(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    """The server down: exit 4, naming the server and why."""
    assert _enrol(world)[0] == Exit.OK
    world.server.stop()
    assert _run("sync", "--once")[0] == Exit.UNREACHABLE
    err = capsys.readouterr().err
    assert f"server unreachable: the server at {world.url} is unreachable" in err
    assert "connection was refused" in err
    assert _enrol(world)[0] == Exit.UNREACHABLE


def test_token_and_sign_in_refused(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    """A wrong PIN, or a revoked station: exit 5 with the server's reason."""
    code, _ = _run(
        "enrol", "--server", world.url, "--username", _manager(world), "--pin", "00000000"
    )
    assert code == Exit.REFUSED
    assert "sign-in refused" in capsys.readouterr().err

    assert _enrol(world)[0] == Exit.OK
    with world.services.db.write() as conn:
        auth.revoke_station(conn, read_enrolment().station_id)
    assert _run("sync", "--once")[0] == Exit.REFUSED
    assert "refused:" in capsys.readouterr().err


def test_reset_is_reported_and_the_sync_completes(world: World) -> None:
    """After the server's database got a new epoch, sync says so and finishes (exit 0)."""
    assert _enrol(world)[0] == Exit.OK
    assert _run("sync")[0] == Exit.OK
    with world.services.db.write() as conn:
        epoch = new_epoch(conn)
    code, out = _run("sync", "--once", "--quiet")
    assert code == Exit.OK, out
    assert "reset: the server asked for a full resync (epoch)" in out
    assert "re-created or restored" in out and f"in sync at {epoch}:" in out


def test_malformed_answer(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    """A reply that breaks the protocol: exit 7, nothing applied."""
    with FaultProxy(world.server.port) as proxy:
        assert _enrol(world, url=proxy.url)[0] == Exit.OK
        proxy.add("/api/v1/sync/snapshot", Fault.rewrite(lambda _b: b'{"cursor": 5}'))
        assert _run("sync", "--once")[0] == Exit.MALFORMED
    assert "the server's answer was malformed: malformed snapshot" in capsys.readouterr().err
    assert read_enrolment().cache_path.exists()


def test_enrolling_an_enrolled_cache_needs_force(world: World, tmp_path: Path) -> None:
    """A cache that belongs to a station is not taken over silently."""
    cache = tmp_path / "till.sqlite3"
    assert _enrol(world, "--cache", str(cache))[0] == Exit.OK
    first = read_enrolment(cache)
    assert _enrol(world, "--cache", str(cache))[0] == Exit.FAILED
    assert read_enrolment(cache) == first
    assert _enrol(world, "--cache", str(cache), "--force")[0] == Exit.OK
    second = read_enrolment(cache)
    assert second.station_id != first.station_id and second.client_id != first.client_id
    assert credentials.load_token(world.url, first.station_id) is None  # the old one is gone


def test_sync_forever_follows_the_server_until_interrupted(world: World) -> None:
    """The console script in a real process: online, a new order arrives, Ctrl-C stops it."""
    assert _enrol(world)[0] == Exit.OK
    enrolment = read_enrolment()
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_oms.sync.cli", "sync", "--forever"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    stdout = proc.stdout
    assert stdout is not None

    def read() -> None:
        for line in stdout:
            lines.put(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        got: list[str] = []

        def online() -> bool:
            while not lines.empty():
                got.append(lines.get())
            return any(line.startswith("online") for line in got)

        assert wait_for(online, 30), got
        number = world.chain.order(store="a", lines={"X-0004": 1})
        fid = int(world.chain.fulfillment(number).id)
        cache = CacheDB(enrolment.cache_path)
        try:

            def arrived() -> bool:
                with cache.read() as conn:
                    row = conn.exec_driver_sql(
                        "SELECT 1 FROM fulfillments WHERE id = ?", (fid,)
                    ).first()
                return row is not None

            assert wait_for(arrived, 20)
        finally:
            cache.close()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == Exit.OK
        reader.join(5)
        online()
        assert got[-1].strip() == "stopped"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def test_sync_on_a_damaged_cache_keeps_it_aside_and_resyncs(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    """``desktop-oms-sync sync`` runs the station's start-up integrity check: garbage over
    the catalogue's pages is found, the file is kept aside, and the sync rebuilds the cache
    from the server (as the station does, cache/integrity.py)."""
    assert _enrol(world)[0] == Exit.OK
    assert _run("sync", "--once")[0] == Exit.OK
    path = read_enrolment().cache_path
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = [
            int(p)
            for (p,) in con.execute(
                "SELECT pageno FROM dbstat WHERE name = 'products' AND pagetype = 'leaf'"
            )
        ]
    con.close()
    with path.open("r+b") as f:
        for page in pages[:3]:
            f.seek((page - 1) * 4096)
            f.write(bytes((i * 37 + 11) % 256 for i in range(4096)))
    capsys.readouterr()
    code, out = _run("sync", "--once")
    assert code == Exit.OK, out
    said = capsys.readouterr().err
    kept = sorted(path.parent.glob(f"{path.name}.damaged-*"))
    assert kept and str(kept[0].name) in said  # the message says where the file is
    enrolment = read_enrolment()
    assert enrolment.cache_path == path
    cache = CacheDB(path)
    try:
        assert cache_rows(cache) == server_rows(world.services, enrolment.store_id)
    finally:
        cache.close()
