"""The station with its server really stopped: stock lookup, the inventory view and a cycle
count work from the cache, and the count reaches the server once it is started again.

Unlike the "pulled cable" tests (a :class:`FaultProxy` between station and server), this
module runs its own demo server process, stops it (the process ends) and starts a new one
on the same data directory and port, so the station finds the server at the URL it was
enrolled with, as after a server restart at head office.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt

from desktop_oms.cache import outbox, queries
from desktop_oms.gui.demo import DemoServer
from desktop_oms.gui.inventory.view import InventoryView
from desktop_oms.gui.stock.view import StockView
from desktop_oms.scanner.router import Destination
from desktop_oms.sync.runner import LinkState
from tests.gui.conftest import Counter, LiveDemo, copy_database
from tests.gui.test_count import (
    counted_in_table,
    review,
    scan_counted,
    server_on_hand,
    shelf_to_count,
    start_shelf,
)
from tests.gui.test_inventory import expected, rows_of
from tests.gui.test_scanning import listen, scanner_scan
from tests.gui.test_stock import check_detail_against_cache, showcase

#: How long the demo server may take to start (it is seeded already: a few seconds).
START_TIMEOUT = 120.0


def free_port() -> int:
    """A TCP port on loopback nobody listens on now (the server keeps it across restarts)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class StoppableDemo(LiveDemo):
    """This module's own demo server, which a test may stop and start again (same data
    directory, same port, so the same URL)."""

    server: DemoServer
    data_dir: Path
    port: int

    @property
    def running(self) -> bool:
        """Whether the server process is alive."""
        return self.server.running

    def stop(self) -> None:
        """End the server process (gracefully, killed if it lingers)."""
        self.server.stop()

    def start(self) -> None:
        """Start a new server process on the same database and port."""
        self.server = _server(self.data_dir, self.port)
        url = self.server.start(timeout=START_TIMEOUT)
        assert url == self.url, f"the restarted server listens on {url}, not {self.url}"


def _server(data_dir: Path, port: int) -> DemoServer:
    return DemoServer(data_dir, port=port, simulate_orders=0, echo=None)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, seeded_demo: Path) -> Iterator[StoppableDemo]:
    """A demo server of this module only (tests here stop it), on a fixed port."""
    data_dir = tmp_path_factory.mktemp("stoppable-demo")
    database = copy_database(seeded_demo, data_dir)
    port = free_port()
    server = _server(data_dir, port)
    url = server.start(timeout=START_TIMEOUT)
    found = StoppableDemo(url, database, dict(server.channel_keys), server, data_dir, port)
    try:
        yield found
    finally:
        found.stop()


@pytest.fixture
def station(counter: Counter) -> Iterator[Counter]:
    """The counter, whose scanners are stopped after the test."""
    yield counter
    counter.window.scanners.uninstall()


def answers(url: str) -> bool:
    """Whether anything answers HTTP at ``url``."""
    try:
        return requests.get(f"{url}/health", timeout=2).ok
    except requests.RequestException:
        return False


def stock_offline(counter: Counter, text: str, sku: str, gtin: str) -> None:
    """The Stock page with the server stopped: the banner says offline; typing a search
    shows hits from the cache; a scan opens the product with its stock here and nearby,
    equal to the cache."""
    window = counter.window
    window.show_page("stock")
    assert window.work_page == "stock"
    view: StockView = window.stock
    counter.qtbot.waitUntil(view.search.hasFocus, timeout=5_000)
    counter.qtbot.waitUntil(view.banner.isVisible, timeout=5_000)
    assert "Offline — working from this station's cache" in view.banner_text.text()

    with counter.qtbot.waitSignal(
        view.searched, timeout=10_000, check_params_cb=lambda r: r.text == text
    ) as searched:
        counter.qtbot.keyClicks(view.search, text)
    assert view.search.text() == text
    assert sku in [h.sku for h in searched.args[0].hits]
    assert sku in [h.sku for h in view.model.hits] and view.results.currentWidget() is view.table

    listen(counter, signed_in=False)  # from here on, fast keys are a scanner's
    with counter.qtbot.waitSignal(view.productOpened, timeout=10_000) as opened:
        result = scanner_scan(counter, gtin)
    assert (result.destination, result.target) == (Destination.VIEW, "Stock")
    assert opened.args[0].product.sku == sku
    check_detail_against_cache(counter, view, sku)
    assert view.banner.isVisible() and "Figures are as of " in view.banner_text.text()


def inventory_offline(counter: Counter) -> None:
    """The Inventory page with the server stopped: it reads its figures from the cache
    (equal to a direct read) and the banner says the server cannot be reached."""
    window = counter.window
    view: InventoryView = window.inventory
    with counter.qtbot.waitSignal(view.refreshed, timeout=15_000):
        window.show_page("inventory")
    assert window.work_page == "inventory"
    assert view.banner.isVisible() and "cannot be reached" in view.banner_text.text()
    want = expected(counter, view)
    assert rows_of(view.models["departments"]) == want.departments
    assert rows_of(view.models["aged_pickups"]) == want.aged_pickups
    assert rows_of(view.models["overdue"]) == want.overdue
    assert view.tiles["fulfilled"].value.text() == f"{want.today.orders_fulfilled:,}"


def test_lookup_inventory_and_a_count_work_with_the_server_stopped(
    station: Counter, demo: StoppableDemo
) -> None:
    """The server process ends: the station goes offline by itself. Stock lookup (typed
    and scanned), the inventory view and a scan-driven count of a shelf, reviewed and
    submitted by the manager, all work from the cache; the count's commands wait in the
    outbox. A new server process starts on the same data and port: the station sends
    them by itself and the server's on hand is what was counted."""
    counter = station
    counter.signed_in("ams1.manager")
    status = counter.window.status
    counter.qtbot.waitUntil(lambda: "Online" in status.link.text(), timeout=15_000)
    text, sku, gtin = showcase(counter)
    bay, items, _other = shelf_to_count(counter)
    before = {s: server_on_hand(counter, s) for s, _g, _h in items}

    def offline(link: LinkState) -> bool:
        return not link.online

    with counter.qtbot.waitSignal(
        counter.events.linkChanged, timeout=20_000, check_params_cb=offline
    ):
        demo.stop()
    assert not demo.running and not answers(demo.url)
    counter.qtbot.waitUntil(lambda: "Offline" in status.link.text(), timeout=5_000)
    assert not counter.station.link.online

    # 1. Stock lookup.
    stock_offline(counter, text, sku, gtin)

    # 2. The inventory view.
    inventory_offline(counter)

    # 3. A cycle count of a shelf: each item scanned once more than the one before.
    view = start_shelf(counter, bay)
    counter.qtbot.waitUntil(lambda: view.codes is not None, timeout=10_000)
    counted: dict[str, int] = {}
    for n, (item_sku, item_gtin, _on_hand) in enumerate(items, start=1):
        for _ in range(n):
            scan_counted(counter, view, item_gtin)
        counted[item_sku] = n
    assert counted_in_table(view) == counted
    review(counter, view)
    assert {r.sku: r.counted for r in view.review_model.rows} == counted
    assert view.submit_button.isEnabled()
    with counter.qtbot.waitSignal(view.submitted, timeout=10_000) as submitted:
        counter.qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    entries = submitted.args[0].entries
    store_id = counter.station.store_id
    assert {(e.target_key, e.args["quantity"]) for e in entries} == {
        (f"{store_id}:{s}", q) for s, q in counted.items()
    }
    n = len(entries)
    counter.qtbot.waitUntil(
        lambda: status.pending.text() == f"{n} change{'s' if n != 1 else ''} waiting to send",
        timeout=10_000,
    )
    assert view.done_waiting.text() == f"{n} waiting to send"

    def tried() -> bool:  # the push tried, and the server was not there
        waiting = counter.read(outbox.pending)
        return len(waiting) == n and waiting[0].attempts >= 1

    counter.qtbot.waitUntil(tried, timeout=20_000)
    assert "Offline" in status.link.text()
    assert {s: server_on_hand(counter, s) for s in counted} == before

    # The server is back: the station finds out and sends the count by itself.
    demo.start()
    counter.qtbot.waitUntil(lambda: counter.read(outbox.pending) == [], timeout=60_000)
    assert {s: server_on_hand(counter, s)[0] for s in counted} == counted
    counter.qtbot.waitUntil(lambda: "Online" in status.link.text(), timeout=15_000)
    counter.qtbot.waitUntil(lambda: status.pending.text() == "All changes sent", timeout=15_000)
    counter.qtbot.waitUntil(
        lambda: view.done_waiting.text() == "All sent to the server", timeout=15_000
    )

    def cached_on_hand() -> dict[str, int]:
        return {
            s: next(
                r.on_hand
                for r in counter.read(lambda conn, s=s: queries.inventory_for(conn, s))
                if r.store_id == store_id
            )
            for s in counted
        }

    counter.qtbot.waitUntil(lambda: cached_on_hand() == counted, timeout=30_000)
