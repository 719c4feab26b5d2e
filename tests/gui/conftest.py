"""GUI test fixtures: Qt offscreen, a qasync loop, a live demo server and an open station.

The demo chain is seeded once per session (in-process, ~3 s) into a template file; the
session's demo server (a child process on loopback, as ``desktop-oms --demo`` runs it)
serves a copy. Each test that needs a station enrols a new one and takes its first sync
from that server, as a counter PC does. Qt warnings fail the tests (the item model tester
reports through them).
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import asyncio
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import pytest
import requests
from keyring.backend import KeyringBackend
from keyring.backends import fail
from pytestqt.qtbot import QtBot

#: Qt messages that say nothing about our code: the offscreen platform's, and the two that
#: QtMultimedia writes to the default category on a machine without audio (the scan sounds
#: then stay silent, which the tests allow; see tests/scanner/conftest.py).
QT_LOG_IGNORE = (
    "This plugin does not support",
    "propagateSizeHints",
    r"PulseAudioService: pa_context_connect\(\) failed",
    "QSoundEffect: playback of this format is not supported on the selected audio device",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every GUI test fails on a Qt warning (QAbstractItemModelTester reports through them)."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORE))


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Config, data, state and log dirs under the test's tmp dir; no keyring (as on a
    headless box)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("DESKTOP_OMS_LOG_DIR", str(home / "logs"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous: KeyringBackend = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield home
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(autouse=True, scope="session")
def english_catalogue(qapp: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The English catalogue, as the station installs it at start: its plural forms make
    ``tr("%n item(s)", "", n)`` read "1 item" / "3 items". Loaded from a copy: Qt maps the
    file, and a ``translate release`` rewriting it under a running session would crash it."""
    from PySide6.QtCore import QLocale, QTranslator

    from desktop_oms.gui import translations

    copy = tmp_path_factory.mktemp("catalogue") / "desktop_oms_en.qm"
    shutil.copy(translations.catalogue_path("en"), copy)
    translator = QTranslator(qapp)
    assert translator.load(str(copy)), f"cannot load {copy}"
    qapp.installTranslator(translator)
    QLocale.setDefault(QLocale("en"))
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


@pytest.fixture
def qloop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop marked running, so async slots run while qtbot waits on Qt's loop."""
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        # Not loop.stop(): it calls QApplication.exit(), after which every QEventLoop.exec()
        # (qtbot's waits) returns at once for the rest of the session.
        asyncio.events._set_running_loop(None)
        loop._QEventLoop__is_running = False  # type: ignore[attr-defined]
        loop.close()
        asyncio.set_event_loop(None)


# --- the demo server -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def seeded_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file holding the small demo chain, seeded once for the session."""
    from desktop_oms.server.db import Database
    from desktop_oms.server.migrate import prepare_database
    from desktop_oms.server.payments import TestPaymentProvider
    from desktop_oms.server.seed import seed_demo

    path = tmp_path_factory.mktemp("seed") / "oms-demo.sqlite3"
    db = Database(f"sqlite:///{path}")
    try:
        prepare_database(db)
        seed_demo(db, TestPaymentProvider(), "small")
    finally:
        db.dispose()
    return path


def copy_database(seeded: Path, data_dir: Path) -> Path:
    """Copy a seeded demo database (and any WAL beside it) into ``data_dir``."""
    from desktop_oms.gui.demo import DATABASE_NAME

    data_dir.mkdir(parents=True, exist_ok=True)
    for part in seeded.parent.glob(seeded.name + "*"):
        shutil.copy(part, data_dir / part.name.replace(seeded.name, DATABASE_NAME))
    return data_dir / DATABASE_NAME


@dataclass
class LiveDemo:
    """The session's demo server and what tests need to reach into it."""

    url: str
    database: Path
    channel_keys: dict[str, str]

    def query(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        """Read the server's own database (read-only), for expectations."""
        conn = sqlite3.connect(f"file:{self.database}?mode=ro", uri=True)
        try:
            return list(conn.execute(sql, params))
        finally:
            conn.close()

    def place_pickup(
        self, sku: str, price_minor: int, *, name: str, store: str = "AMS1", quantity: int = 1
    ) -> str:
        """A sales channel places a pickup order (as the web shop does); its number."""
        email = f"{uuid.uuid4().hex[:8]}@example.com"
        body = {
            "channel": "web",
            "external_ref": uuid.uuid4().hex,
            "customer": {
                "external_id": email,
                "name": name,
                "email": email,
                "phone": "+31 6 5555 0101",
            },
            "delivery": "pickup",
            "pickup_store_code": store,
            "billing_address": {
                "name": name,
                "line1": "Dam 1",
                "city": "Amsterdam",
                "postal_code": "1012 JS",
                "country": "NL",
            },
            "lines": [{"sku": sku, "quantity": quantity, "unit_price_minor": price_minor}],
            "payment": {"card_number": "4242424242424242", "holder": name},
        }
        answer = requests.post(
            f"{self.url}/api/v1/orders",
            json=body,
            headers={
                "Authorization": f"Bearer {self.channel_keys['web']}",
                "Idempotency-Key": uuid.uuid4().hex,
            },
            timeout=15,
        )
        assert answer.status_code == 201, answer.text
        return str(answer.json()["number"])


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory, seeded_demo: Path) -> Iterator[LiveDemo]:
    """The demo server of ``desktop-oms --demo`` (no simulated orders: tests place them)."""
    from desktop_oms.gui.demo import DemoServer

    data_dir = tmp_path_factory.mktemp("demo")
    database = copy_database(seeded_demo, data_dir)
    server = DemoServer(data_dir, simulate_orders=0, echo=None)
    url = server.start(timeout=120)
    try:
        yield LiveDemo(url, database, dict(server.channel_keys))
    finally:
        server.stop()


# --- an open station -----------------------------------------------------------------------


@dataclass
class Counter:
    """An enrolled, synced station of AMS1 in its window, nobody signed in yet."""

    station: Any
    events: Any
    tasks: Any
    pool: Any
    window: Any
    demo: LiveDemo
    qtbot: QtBot

    @property
    def pickups(self) -> Any:
        """The pickup queue page."""
        return self.window.pickups

    def sign_in(self, login: str = "ams1.associate", pin: str = "1234") -> None:
        """Type a login and PIN into the sign-in view and press Enter, as staff do."""
        from PySide6.QtCore import Qt

        ui = self.window.sign_in.ui
        self.qtbot.keyClicks(ui.usernameEdit, login)
        self.qtbot.keyClick(ui.usernameEdit, Qt.Key.Key_Return)
        if pin:
            self.qtbot.keyClicks(ui.pinEdit, pin)
            self.qtbot.keyClick(ui.pinEdit, Qt.Key.Key_Return)

    def signed_in(self, login: str = "ams1.associate") -> None:
        """Sign in and wait for the queue's first read."""
        # Not only ``refreshed``: a read that sync's changes started may answer first.
        with self.qtbot.waitSignal(self.window.workShown, timeout=10_000):
            self.sign_in(login)
        with self.qtbot.waitSignal(self.pickups.refreshed, timeout=10_000):
            self.pickups.refresh()  # older reads' answers are dropped: this one emits
        assert self.window.page == "work"

    def read(self, fn: Any) -> Any:
        """Run ``fn(conn)`` on the cache (from the test, for expectations)."""
        with self.station.cache.read() as conn:
            return fn(conn)


@pytest.fixture
def counter_url(demo: LiveDemo) -> str:
    """Where the counter reaches the server (a module may put a fault proxy in between)."""
    return demo.url


@pytest.fixture
def counter(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    demo: LiveDemo,
    counter_url: str,
    tmp_path: Path,
) -> Iterator[Counter]:
    """A counter PC of AMS1: enrolled, first sync done, sync running, sign-in shown."""
    from desktop_oms.gui.app import make_application
    from desktop_oms.gui.demo import DEMO_PIN, enrol_station
    from desktop_oms.gui.mainwindow import MainWindow
    from desktop_oms.gui.station import Station, StationEvents
    from desktop_oms.gui.tasks import Pool, TaskManager

    make_application(["desktop-oms"])  # the real font, palette and stylesheet
    enrolment, token = enrol_station(counter_url, tmp_path / "station")
    station = Station(enrolment, token, demo_pin=DEMO_PIN, feed_wait=1.0, timeout=10.0)
    window = MainWindow(idle_minutes=5.0)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    pool = Pool()
    events = StationEvents(station)
    tasks = TaskManager(station.cache, pool)
    window.attach(station, events, tasks)
    station.first_sync()
    station.start_sync()
    window.show()
    window.show_sign_in()
    found = Counter(station, events, tasks, pool, window, demo, qtbot)
    try:
        yield found
    finally:
        window.close()
        station.close()
        tasks.shutdown()
        pool.shutdown()
        events.deleteLater()
        pool.deleteLater()
