"""Faults on the station's PC: a damaged cache file, a clock days off, a full disk.

A real enrolled station queues a command offline-style (not pushed), is closed, and its
cache file gets garbage over some catalogue pages, as a failing disk leaves it. Started
again (``desktop-oms --cache``), the station keeps the damaged file under a dated name,
shows on the sign-in page what happened, takes a new copy from the demo server and sends
the saved command, which the server applies once. A PC clock days off, and a disk too
full to save a feed page, are named in the status bar.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from desktop_oms.cache import outbox
from desktop_oms.cache.db import CacheDB, DiskFull, driver_cursor
from desktop_oms.gui.app import Options, StationApp
from desktop_oms.gui.demo import enrol_station
from desktop_oms.gui.mainwindow import MainWindow
from desktop_oms.sync import credentials
from desktop_oms.sync import engine as engine_module
from desktop_oms.sync.client import ServerClient
from desktop_oms.sync.engine import SyncEngine
from tests.gui.conftest import Counter, LiveDemo


def _one(cache: CacheDB, sql: str, *params: Any) -> tuple[Any, ...]:
    with cache.read() as conn:
        row = driver_cursor(conn).execute(sql, params).fetchone()
    assert row is not None, sql
    return tuple(row)


#: A product the station's store has in stock, with its price.
STOCKED = (
    "SELECT p.sku, p.price_minor FROM v_inventory i JOIN products p ON p.sku = i.sku "
    "WHERE i.store_id = (SELECT value FROM sync_state WHERE key = 'store_id') "
    "AND i.on_hand - i.reserved - i.safety_stock >= 3 AND p.price_minor < 15000 "
    "ORDER BY p.sku LIMIT 1"
)


def _queue_a_command(demo: LiveDemo, cache: CacheDB, engine: SyncEngine) -> outbox.OutboxEntry:
    """A new pickup order reaches the station; the associate starts picking it (queued)."""
    sku, price = _one(cache, STOCKED)
    number = demo.place_pickup(sku, price, name="Ria Damaged")
    engine.catch_up()
    fid, version = _one(
        cache, "SELECT id, version FROM v_fulfillments WHERE order_number = ?", number
    )
    (staff,) = _one(cache, "SELECT id FROM staff WHERE username = 'ams1.associate'")
    with cache.write() as conn:
        return outbox.enqueue(
            conn,
            name="start_picking",
            target_kind="fulfillment",
            target_key=str(fid),
            base_version=int(version),
            staff_id=int(staff),
            approved_by=None,
            args={},
            now=datetime.now(UTC),
        )


def _garble_catalogue(path: Path) -> None:
    """Garbage over a few leaf pages of the products table (4 KiB pages)."""
    con = sqlite3.connect(path)
    try:
        pages = [
            int(p)
            for (p,) in con.execute(
                "SELECT pageno FROM dbstat WHERE name = 'products' AND pagetype = 'leaf' "
                "ORDER BY pageno"
            )
        ]
    finally:
        con.close()
    assert len(pages) > 4
    with path.open("r+b") as f:
        for page in pages[1:4]:
            f.seek((page - 1) * 4096)
            f.write(bytes((i * 53 + 7) % 256 for i in range(4096)))


def test_a_damaged_cache_is_kept_resynced_and_its_command_sent(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, demo: LiveDemo, tmp_path: Path
) -> None:
    """The sign-in page says the data was damaged, that the one unsent change was saved
    and where the damaged file is; the catalogue comes back; the change is applied once."""
    enrolment, token = enrol_station(demo.url, tmp_path / "station")
    credentials.save_token(enrolment.server_url, enrolment.station_id, token)
    cache = CacheDB(enrolment.cache_path)
    client = ServerClient(enrolment.server_url, token, timeout=15.0)
    try:
        engine = SyncEngine(cache, client)
        engine.initial_sync()
        entry = _queue_a_command(demo, cache, engine)
        (products,) = _one(cache, "SELECT count(*) FROM products")
    finally:
        client.close()
        cache.close()
    _garble_catalogue(enrolment.cache_path)

    window = MainWindow()
    qtbot.addWidget(window)
    app = StationApp(Options(demo=False, cache=enrolment.cache_path, feed_wait=1.0), window)
    with qtbot.waitSignal(app.booted, timeout=60_000):
        run = asyncio.ensure_future(app.main())

    (kept,) = enrolment.cache_path.parent.glob("*.damaged-*[0-9Z]")
    assert window.page == "sign_in"
    shown = window.sign_in.ui.signInError
    assert shown.isVisible()
    assert "copy of the store's data was damaged" in shown.text()
    assert "1 change not yet sent was saved and will be sent" in shown.text()
    assert str(kept) in shown.text() and "may be lost" not in shown.text()
    station = app.station
    assert station is not None

    def applied() -> bool:
        return demo.query("SELECT seq, status FROM command_log WHERE command_id = ?", entry.id) == [
            (entry.seq, "applied")
        ]

    qtbot.waitUntil(applied, timeout=30_000)
    qtbot.waitUntil(lambda: station.engine.status().outbox == 0, timeout=30_000)
    assert _one(station.cache, "SELECT count(*) FROM products") == (products,)
    qtbot.waitUntil(
        lambda: (
            _one(
                station.cache,
                "SELECT status FROM v_fulfillments WHERE id = ?",
                int(entry.target_key),
            )
            == ("picking",)
        ),
        timeout=30_000,
    )

    window.close()
    qtbot.waitUntil(run.done, timeout=15_000)
    assert run.result() == 0


def test_the_status_bar_says_when_this_pcs_clock_is_days_off(
    counter: Counter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PC's clock jumps 3 days ahead: the next answers' Date headers show it, and the
    status bar says so (the server's time still counts: nothing else changes)."""
    bar = counter.window.status
    assert not bar.clock.isVisible()
    monkeypatch.setattr(
        engine_module, "_now", lambda: datetime.now(UTC) + timedelta(days=3, minutes=2)
    )
    qtbot = counter.qtbot
    qtbot.waitUntil(bar.clock.isVisible, timeout=15_000)
    assert "clock is 3" in bar.clock.text() and "ahead" in bar.clock.text()
    assert "server" in bar.clock.toolTip()
    monkeypatch.setattr(engine_module, "_now", lambda: datetime.now(UTC))
    qtbot.waitUntil(lambda: not bar.clock.isVisible(), timeout=15_000)


def test_the_status_bar_says_when_the_disk_is_full(counter: Counter) -> None:
    """The cache file cannot grow (a full disk): a new order's feed page cannot be saved;
    the status bar says the disk is full instead of pretending all is well."""
    bar = counter.window.status
    cache = counter.station.cache
    with cache.engine.connect() as conn:
        driver_cursor(conn).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = int(driver_cursor(conn).execute("PRAGMA page_count").fetchone()[0])

    def cap(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(cache.engine, "connect", cap)
    cache.engine.dispose()
    filled = 0
    with contextlib.suppress(DiskFull):  # take what room is left in the file
        while filled < 10_000:
            with cache.write() as conn:
                driver_cursor(conn).execute(
                    "INSERT INTO sync_state(key, value) VALUES (?, ?)",
                    (f"test.filler.{filled}", json.dumps("x" * 3000)),
                )
            filled += 1
    sku, price = _one(cache, STOCKED)
    number = counter.demo.place_pickup(sku, price, name="Full Disk")
    qtbot = counter.qtbot
    qtbot.waitUntil(lambda: "Disk full" in bar.link.text(), timeout=20_000)
    assert "disk is full" in bar.link.toolTip()
    event.remove(cache.engine, "connect", cap)
    cache.engine.dispose()  # room again: the sync carries on by itself
    qtbot.waitUntil(lambda: "Online" in bar.link.text(), timeout=30_000)
    qtbot.waitUntil(
        lambda: (
            counter.read(
                lambda conn: conn.exec_driver_sql(
                    "SELECT count(*) FROM fulfillments WHERE order_number = ?", (number,)
                ).scalar()
            )
            == 1
        ),
        timeout=30_000,
    )
