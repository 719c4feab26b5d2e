"""The Stock page against a real demo server: a scan opens the product with its stock here
and nearby, search shows results as you type, the keyboard works, the product panel's
"Open in Stock" link, and lookups with the network gone (the offline banner shows).

The station reaches the demo server through a proxy on loopback (as in
``test_handover_offline.py``) so a test can pull the cable.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desktop_oms.cache import queries, stock
from desktop_oms.cache.stock import ProductDetail
from desktop_oms.gui.stock.model import Column, StockResultsModel
from desktop_oms.gui.stock.view import StockView
from desktop_oms.scanner.router import Destination
from tests.gui.conftest import Counter, LiveDemo
from tests.gui.test_scanning import listen, scanner_scan
from tests.sync.faultproxy import FaultProxy


@pytest.fixture
def cable(demo: LiveDemo) -> Iterator[FaultProxy]:
    """The store's network: a proxy between the counter and the demo server."""
    port = urlsplit(demo.url).port
    assert port is not None
    with FaultProxy(port) as proxy:
        yield proxy


@pytest.fixture
def counter_url(cable: FaultProxy) -> str:
    """The counter of these tests talks to the server through :func:`cable`."""
    return cable.url


@pytest.fixture
def station(counter: Counter) -> Iterator[Counter]:
    """The counter, whose scanners are stopped after the test."""
    yield counter
    counter.window.scanners.uninstall()


def open_stock(counter: Counter) -> StockView:
    """Click "Stock" in the navigation rail."""
    window = counter.window
    rail = window.ui.navRail
    item = rail.item(window.page_names.index("stock"))
    counter.qtbot.mouseClick(
        rail.viewport(), Qt.MouseButton.LeftButton, pos=rail.visualItemRect(item).center()
    )
    assert window.work_page == "stock"
    view: StockView = window.stock
    counter.qtbot.waitUntil(view.search.hasFocus, timeout=5_000)
    return view


def showcase(counter: Counter) -> tuple[str, str, str]:
    """A product stocked here and at nearby stores: search text, SKU, its EAN-13."""
    store = counter.station.store_id

    def read(conn: Any) -> tuple[str, str, str]:
        found = stock.showcase(conn, store)
        assert found is not None
        keys = queries.identifiers_of(conn, [found[1]])
        gtin = next(k[1:] for k in sorted(keys) if len(k) == 14 and k.startswith("0"))
        return found[0], found[1], gtin

    result: tuple[str, str, str] = counter.read(read)
    return result


def check_detail_against_cache(counter: Counter, view: StockView, sku: str) -> None:
    """What the detail shows is the cache's: name, price, the stock here, and the nearby
    stores nearest first with their available quantity and distance."""
    store = counter.station.store_id
    rows = counter.read(lambda conn: queries.inventory_for(conn, sku))
    product = counter.read(lambda conn: queries.product_by_identifier(conn, sku))
    panel = view.detail
    assert view.detail_stack.currentWidget() is panel and panel.isVisible()
    assert panel.name.text() == product.name
    here = next(r for r in rows if r.store_id == store)
    assert panel.atp.text() == f"{here.available:,}"
    assert panel.on_hand.value.text() == f"{here.on_hand:,}"
    assert panel.reserved.value.text() == f"{here.reserved:,}"
    assert panel.safety.value.text() == f"{here.safety_stock:,}"
    assert panel.here_title.text() == "THIS STORE · AMS1"
    others = [r for r in rows if r.store_id != store]
    assert others, "the demo mirrors nearby stores' stock"
    assert [r.distance_km for r in others] == sorted(r.distance_km or 0.0 for r in others)
    assert len(panel.store_rows) == len(others)
    for cells, r in zip(panel.store_rows, others, strict=True):
        assert cells[0].text().startswith(f"<b>{r.store_code}</b>")
        assert cells[1].text() == f"{r.distance_km:,.0f} km"
        assert cells[2].text() == f"{r.available:,}"
    for cells in panel.store_rows:
        assert cells[4].text() in ("Open now", "Closed") or cells[4].text().startswith("Opens ")
    assert "Figures as of " in panel.here_age.text()


def test_a_scan_on_the_stock_page_opens_the_product_with_own_and_nearby_stock(
    station: Counter,
) -> None:
    """On the Stock page a scanner's EAN-13 opens that product: its stock here (available
    to promise, on hand, reserved, safety stock) and at the nearby stores, nearest first,
    as the cache has them, with the age of the figures. A GTIN no product has is a bad
    scan that says so."""
    counter = station
    listen(counter)
    view = open_stock(counter)
    _text, sku, gtin = showcase(counter)
    with counter.qtbot.waitSignal(view.productOpened, timeout=10_000) as opened:
        result = scanner_scan(counter, gtin)
    assert (result.destination, result.target) == (Destination.VIEW, "Stock")
    detail: ProductDetail = opened.args[0]
    assert detail.product.sku == sku
    assert any(i.value == gtin and i.kind == "GTIN-13" for i in detail.identifiers)
    check_detail_against_cache(counter, view, sku)
    assert not counter.window.product_panel.isVisible()

    with counter.qtbot.waitSignal(view.scanProblem, timeout=10_000) as problem:
        scanner_scan(counter, "4006381333931")  # a valid EAN-13 the demo does not sell
    assert problem.args == ["No product has this barcode: GTIN-13 4006381333931"]
    counter.qtbot.waitUntil(lambda: counter.window.flash.state == "bad", timeout=5_000)
    assert counter.window.toast.text.text() == problem.args[0]
    assert view.detail.detail is not None and view.detail.detail.product.sku == sku


def test_search_shows_results_as_you_type_and_the_keys_work(station: Counter) -> None:
    """Typing key by key shows hits after the keystrokes (narrowing as the text grows),
    with the hit count and the stock here; Down moves into the results, Enter opens the
    hit, Esc goes back and clears; a text nothing matches says so."""
    counter = station
    counter.signed_in()
    view = open_stock(counter)
    text, sku, _gtin = showcase(counter)
    seen: list[tuple[str, int]] = []
    view.searched.connect(lambda r: seen.append((r.text, len(r.hits))))
    first = text.split()[0]
    counter.qtbot.keyClicks(view.search, first[:3])
    counter.qtbot.waitUntil(lambda: bool(seen) and seen[-1][0] == first[:3], timeout=10_000)
    assert view.model.rowCount() == seen[-1][1] > 0
    assert view.hit_count.text().endswith(("product", "products")) or "first" in (
        view.hit_count.text()
    )
    wide = view.model.rowCount()
    counter.qtbot.keyClicks(view.search, text[3:])
    counter.qtbot.waitUntil(lambda: seen[-1][0] == text, timeout=10_000)
    assert view.search.text() == text
    hits = [view.model.hit_at(n) for n in range(view.model.rowCount())]
    assert sku in [h.sku for h in hits] and len(hits) <= wide
    expected = counter.read(lambda conn: stock.search(conn, text, counter.station.store_id))
    assert [(h.sku, h.available) for h in hits] == [(h.sku, h.available) for h in expected.hits]
    assert view.results.currentWidget() is view.table

    counter.qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.table.hasFocus() and view.table.currentIndex().row() == 0
    row = view.model.row_of(sku)
    assert row is not None
    for _ in range(row):
        counter.qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.table.currentIndex().row() == row
    with counter.qtbot.waitSignal(view.productOpened, timeout=10_000) as opened:
        counter.qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args[0].product.sku == sku
    check_detail_against_cache(counter, view, sku)
    counter.qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    assert view.search.hasFocus()
    counter.qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert view.search.text() == "" and view.model.rowCount() == 0

    counter.qtbot.keyClicks(view.search, "zzqxw")
    counter.qtbot.waitUntil(lambda: seen[-1][0] == "zzqxw", timeout=10_000)
    assert view.results.currentWidget() is view.empty
    assert view.empty.text().startswith("No product matches “zzqxw”")
    assert view.hit_count.text() == "No matches"


def test_open_in_stock_from_the_product_panel(station: Counter) -> None:
    """Elsewhere (the pickup queue) a product scan shows the product panel; its "Open in
    Stock" link shows the Stock page with that product."""
    counter = station
    listen(counter)
    window = counter.window
    _text, sku, gtin = showcase(counter)
    with counter.qtbot.waitSignal(window.productShown, timeout=10_000):
        result = scanner_scan(counter, gtin)
    assert result.destination is Destination.PRODUCT and window.work_page == "pickups"
    panel = window.product_panel
    assert panel.open_stock.isVisible()
    with counter.qtbot.waitSignal(window.stock.productOpened, timeout=10_000) as opened:
        counter.qtbot.mouseClick(panel.open_stock, Qt.MouseButton.LeftButton)
    assert opened.args[0].product.sku == sku
    assert window.work_page == "stock" and not panel.isVisible()
    check_detail_against_cache(counter, window.stock, sku)


def test_lookup_and_search_work_offline_and_the_banner_says_so(
    station: Counter, cable: FaultProxy
) -> None:
    """Network gone: the page shows the offline banner with the age of the figures; a
    scan and a search still answer from the cache. Back online, the banner goes."""
    counter = station
    listen(counter)
    view = open_stock(counter)
    status = counter.window.status
    counter.qtbot.waitUntil(lambda: "Online" in status.link.text(), timeout=15_000)
    assert not view.banner.isVisible()
    text, sku, gtin = showcase(counter)

    cable.unplug()
    counter.qtbot.waitUntil(lambda: "Offline" in status.link.text(), timeout=15_000)
    counter.qtbot.waitUntil(view.banner.isVisible, timeout=5_000)
    assert "Offline — working from this station's cache" in view.banner_text.text()
    with counter.qtbot.waitSignal(view.productOpened, timeout=10_000):
        scanner_scan(counter, gtin)
    check_detail_against_cache(counter, view, sku)
    assert "Figures are as of " in view.banner_text.text()
    counter.window.scanners.uninstall()  # keyClicks type at a scanner's speed
    with counter.qtbot.waitSignal(view.searched, timeout=10_000) as searched:
        view.search.setFocus()
        counter.qtbot.keyClicks(view.search, text)
    counter.qtbot.waitUntil(lambda: view.last_result is not None and view.last_result.text == text)
    assert sku in [h.sku for h in view.model.hits] and searched.args[0].hits

    cable.plug()
    counter.qtbot.waitUntil(lambda: "Online" in status.link.text(), timeout=30_000)
    counter.qtbot.waitUntil(lambda: not view.banner.isVisible(), timeout=5_000)


def test_results_model_passes_the_model_tester(
    station: Counter, qtmodeltester: ModelTester
) -> None:
    """The results model over real searches of the synced catalogue passes Qt's tester,
    search after search."""
    counter = station
    store = counter.station.store_id
    model = StockResultsModel()
    texts = ["a", "al", "alo", "shirt", "zzqx", "BT-0001", "jacket blue"]
    results = [counter.read(lambda conn, t=t: stock.search(conn, t, store)) for t in texts]
    model.set_hits(results[0].hits)
    qtmodeltester.check(model)
    for result in results[1:]:
        model.set_hits(result.hits)
        assert model.rowCount() == len(result.hits)
        if result.hits:
            first = result.hits[0]
            assert model.index(0, Column.SKU).data() == first.sku
            assert model.index(0, Column.NAME).data() == first.name
