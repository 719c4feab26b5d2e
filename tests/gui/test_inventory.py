"""The manager's Inventory page against the demo server: figures from the cache, who sees
the page, offline with the banner, CSV export equal to the cache, double-click to open.

The counter reaches the demo server through a proxy on loopback (the store's network
cable, :class:`FaultProxy`), so a test can pull it and the station finds out by itself.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from sqlalchemy.engine import Connection

from desktop_oms.cache import inventory, state
from desktop_oms.cache.db import driver_cursor
from desktop_oms.cache.inventory import (
    AgedPickupRow,
    DepartmentRow,
    InventoryOverview,
    OverdueRow,
    StockLevelRow,
)
from desktop_oms.gui import csvexport
from desktop_oms.gui.csvexport import EXPORT_ROLE
from desktop_oms.gui.inventory.models import (
    AgedPickupModel,
    DepartmentModel,
    OverdueModel,
    StockLevelModel,
)
from desktop_oms.gui.inventory.view import InventoryView, ListName
from tests.gui.conftest import Counter, LiveDemo
from tests.sync.faultproxy import FaultProxy

NOW = datetime(2026, 11, 29, 14, 0, tzinfo=UTC)
SYNCED = "2026-11-29T13:55:00.000000+00:00"


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


def open_inventory(counter: Counter, login: str = "ams1.manager") -> InventoryView:
    """Sign in and click "Inventory" in the navigation rail; the page once it has read."""
    counter.signed_in(login)
    window = counter.window
    rail = window.ui.navRail
    row = window.page_names.index("inventory")
    assert not rail.isRowHidden(row)
    view: InventoryView = window.inventory
    with counter.qtbot.waitSignal(view.refreshed, timeout=15_000):
        counter.qtbot.mouseClick(
            rail.viewport(),
            Qt.MouseButton.LeftButton,
            pos=rail.visualItemRect(rail.item(row)).center(),
        )
    assert window.work_page == "inventory"
    return view


def show_list(counter: Counter, view: InventoryView, name: ListName) -> None:
    """Click a list's button; wait for the read a stock list needs."""
    button = view.list_buttons[name]
    if name in ("out_of_stock", "low_stock"):
        with counter.qtbot.waitSignal(view.refreshed, timeout=15_000):
            counter.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    else:
        counter.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.list_shown == name


def expected(counter: Counter, view: InventoryView) -> InventoryOverview:
    """The page's figures read straight from the station's cache, at the page's time."""
    shown = view.last
    assert shown is not None
    store_id = counter.station.store_id

    def read(conn: Connection) -> InventoryOverview:
        return inventory.overview(
            conn,
            store_id,
            shown.now,
            department=shown.department,
            lists=("out_of_stock", "low_stock"),
        )

    found: InventoryOverview = counter.read(read)
    return found


def rows_of(model: Any) -> list[Any]:
    return list(model.rows)


# --- models --------------------------------------------------------------------------------


def _rows() -> dict[str, list[Any]]:
    return {
        "departments": [
            DepartmentRow("Footwear", "EUR", 2, 5, 10_000, 1, 1),
            DepartmentRow("Kitchen", "EUR", 3, 15, 11_350, 1, 1),
        ],
        "stock": [
            StockLevelRow("SKU-B1", "Boot", "Footwear", 0, 0, 0, 0, SYNCED, False),
            StockLevelRow("SKU-A3", "Cup", "Kitchen", 2, 2, 1, 0, SYNCED, True),
        ],
        "aged": [
            AgedPickupRow(
                21, "WEB-21", "Ada", "2026-11-20T10:00:00.000000+00:00", None, "P-1", False
            ),
            AgedPickupRow(
                23,
                "WEB-23",
                "Bo",
                "2026-11-25T10:00:00.000000+00:00",
                "2026-11-28T10:00:00.000000+00:00",
                None,
                True,
            ),
        ],
        "overdue": [
            OverdueRow(32, "WEB-32", "ship_from_store", "picking", "Cy", SYNCED, 86_400, False),
            OverdueRow(31, "WEB-31", "store_pickup", "open", "Di", SYNCED, 7_200, True),
        ],
    }


def test_inventory_models_pass_the_model_tester(qapp: Any, qtmodeltester: ModelTester) -> None:
    """Each list model, filled, refilled in place and emptied, keeps Qt's model rules; it
    gives raw values for export and text for the screen."""
    rows = _rows()
    cases: list[tuple[Any, list[Any]]] = [
        (DepartmentModel(), rows["departments"]),
        (StockLevelModel(), rows["stock"]),
        (AgedPickupModel(), rows["aged"]),
        (OverdueModel(), rows["overdue"]),
    ]
    for model, data in cases:  # one at a time: the tester follows the last model checked
        qtmodeltester.check(model, force_py=True)
        model.set_rows(data, NOW, UTC)
        model.set_rows(list(reversed(data)), NOW, UTC)
        model.set_rows(data[:1], NOW, UTC)
        model.set_rows([], NOW, UTC)
        assert model.rowCount() == 0
        model.set_rows(data, NOW, UTC)
        assert model.rowCount() == len(data)
    departments, stock, aged, overdue = (c[0] for c in cases)
    value = departments.index(0, 3)
    assert (value.data(), value.data(EXPORT_ROLE)) == ("€100.00", 100.0)
    assert stock.index(1, 7).data() == "Today 13:55 (this station)"
    assert stock.index(1, 7).data(EXPORT_ROLE) == SYNCED
    waited = aged.index(0, 3)
    assert (waited.data(), waited.data(EXPORT_ROLE)) == ("9 d 4 h", 9.17)
    late = overdue.index(0, 5)
    assert (late.data(), late.data(EXPORT_ROLE)) == ("1 d", 24.0)
    assert overdue.headerData(5, Qt.Orientation.Horizontal, EXPORT_ROLE) == "Hours late"
    header, table = csvexport.model_table(overdue)
    assert header[5] == "Hours late" and table[0][:4] == [
        "WEB-32",
        "Cy",
        "ship_from_store",
        "picking",
    ]


# --- the page --------------------------------------------------------------------------------


def test_manager_sees_the_figures_of_the_cache(counter: Counter) -> None:
    """Signed in as the manager, the Inventory page shows what the cache holds: today's
    figures and list sizes on the tiles and buttons, the departments' stock, the value
    chart's departments, and the stock lists narrowed to a department."""
    view = open_inventory(counter)
    want = expected(counter, view)
    today = want.today
    assert view.tiles["fulfilled"].value.text() == f"{today.orders_fulfilled:,}"
    assert view.tiles["rejected"].value.text() == f"{today.rejected_units:,}"
    out, low = want.stock_counts()
    assert out > 0 and low > 0, "the demo store has SKUs out of and low on stock"
    assert view.tiles["out_of_stock"].value.text() == f"{out:,}"
    assert view.tiles["low_stock"].value.text() == f"{low:,}"
    assert view.tiles["aged_pickups"].value.text() == str(len(want.aged_pickups))
    assert view.tiles["overdue"].value.text() == str(len(want.overdue))
    assert view.list_buttons["low_stock"].count.text() == f"{low:,}"
    assert rows_of(view.models["departments"]) == want.departments
    assert rows_of(view.models["aged_pickups"]) == want.aged_pickups
    assert [r.id for r in rows_of(view.models["overdue"])] == [r.id for r in want.overdue]
    top = sorted(want.departments, key=lambda d: -d.stock_value_minor)[:7]
    assert view.value_chart.categories == [d.department for d in reversed(top)]
    assert sum(view.hours_chart.values) == today.orders_fulfilled
    assert "Figures as of" in view.age.text()
    counter.qtbot.mouseClick(view.tiles["overdue"], Qt.MouseButton.LeftButton)
    assert view.list_shown == "overdue"

    show_list(counter, view, "out_of_stock")
    assert rows_of(view.models["out_of_stock"]) == expected(counter, view).out_of_stock
    busiest = max(want.departments, key=lambda d: d.low_stock).department
    combo = view.department
    with counter.qtbot.waitSignal(view.refreshed, timeout=15_000):
        combo.setFocus()
        counter.qtbot.keyClicks(combo, busiest)
    assert combo.currentText() == busiest
    show_list(counter, view, "low_stock")
    narrowed = expected(counter, view).low_stock
    assert narrowed and {r.department for r in narrowed} == {busiest}
    assert rows_of(view.models["low_stock"]) == narrowed
    assert view.tiles["low_stock"].value.text() == str(len(narrowed))


def test_associates_do_not_see_the_page(counter: Counter) -> None:
    """The associate has no Inventory in the rail; the lead who signs in next has."""
    counter.signed_in("ams1.associate")
    window = counter.window
    rail = window.ui.navRail
    row = window.page_names.index("inventory")
    assert rail.isRowHidden(row)
    window.sign_out()
    counter.signed_in("ams1.lead")
    assert not rail.isRowHidden(row)


def test_page_works_offline_and_says_so(counter: Counter, cable: FaultProxy) -> None:
    """The cable pulled: the page still reads every figure from the cache, a banner says
    the server cannot be reached and how old the figures are; back online, it goes."""
    status = counter.window.status
    counter.qtbot.waitUntil(lambda: "Online" in status.link.text(), timeout=15_000)
    cable.unplug()
    counter.qtbot.waitUntil(lambda: "Offline" in status.link.text(), timeout=20_000)
    view = open_inventory(counter)
    assert view.banner.isVisible()
    assert "cannot be reached" in view.banner_text.text()
    synced = counter.read(lambda conn: state.get(conn, state.Key.LAST_SYNC_AT))
    local = datetime.fromisoformat(synced).astimezone(view.last.timezone) if view.last else None
    assert local is not None and local.strftime("%H:%M") in view.banner_text.text()
    want = expected(counter, view)
    assert rows_of(view.models["departments"]) == want.departments
    assert view.tiles["fulfilled"].value.text() == f"{want.today.orders_fulfilled:,}"
    show_list(counter, view, "out_of_stock")
    assert rows_of(view.models["out_of_stock"]) == expected(counter, view).out_of_stock

    cable.plug()
    counter.qtbot.waitUntil(lambda: not view.banner.isVisible(), timeout=45_000)


def _csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        header, *rows = list(csv.reader(f))
    return header, rows


def low_threshold(conn: Connection) -> int:
    """The low-stock threshold the server set (3 when it set none), read directly."""
    row = (
        driver_cursor(conn)
        .execute("SELECT value FROM settings WHERE key = 'inventory.low_stock_units'")
        .fetchone()
    )
    return 3 if row is None else int(row[0])


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def test_csv_export_equals_the_cache(
    counter: Counter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Export CSV" (the save dialog answered with a path) writes the list shown; its rows
    equal what a plain query of the cache file gives: low stock, and departments."""
    view = open_inventory(counter)
    store_id = counter.station.store_id
    files = iter([tmp_path / "low-stock.csv", tmp_path / "departments.csv"])
    asked: list[str] = []

    def answer(parent: QWidget, suggested: str) -> Path:
        asked.append(suggested)
        return next(files)

    monkeypatch.setattr(csvexport, "ask_path", answer)
    show_list(counter, view, "low_stock")
    with counter.qtbot.waitSignal(view.exported, timeout=10_000) as done:
        counter.qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    path = Path(done.args[0])
    assert asked[0].startswith("low-stock-") and asked[0].endswith(".csv")
    header, rows = _csv(path)
    assert header == [
        "SKU",
        "Product",
        "Department",
        "On hand",
        "Reserved",
        "Safety stock",
        "Available",
        "Last known",
    ]

    def low_stock(conn: Connection) -> list[list[str]]:
        cur = driver_cursor(conn)
        synced = state.get(conn, state.Key.LAST_SYNC_AT)
        found = cur.execute(
            "SELECT v.sku, p.name, p.department, v.on_hand, v.reserved, v.safety_stock, "
            "v.on_hand - v.reserved - v.safety_stock AS available, v.pending "
            "FROM v_inventory v JOIN products p ON p.sku = v.sku "
            "WHERE v.store_id = ? AND available BETWEEN 1 AND ? "
            "ORDER BY p.department, available, p.name, v.sku",
            (store_id, low_threshold(conn)),
        ).fetchall()
        assert not any(r[7] for r in found), "no stock change waits to be sent"
        return [[_text(v) for v in r[:7]] + [synced] for r in found]

    direct = counter.read(low_stock)
    assert direct and rows == direct
    assert done.args[1] == len(direct)

    show_list(counter, view, "departments")
    with counter.qtbot.waitSignal(view.exported, timeout=10_000) as done:
        counter.qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    header, rows = _csv(Path(done.args[0]))
    assert header[:4] == ["Department", "SKUs", "Units on hand", "Stock value"]

    def departments(conn: Connection) -> list[list[str]]:
        return [
            [name, str(skus), str(units), str(value / 100), currency, str(out), str(low)]
            for name, currency, skus, units, value, out, low in driver_cursor(conn).execute(
                "SELECT p.department, p.currency, count(*), sum(v.on_hand), "
                "sum(v.on_hand * p.price_minor), "
                "sum(v.on_hand - v.reserved - v.safety_stock <= 0), "
                "sum(v.on_hand - v.reserved - v.safety_stock BETWEEN 1 AND ?) "
                "FROM v_inventory v JOIN products p ON p.sku = v.sku WHERE v.store_id = ? "
                "GROUP BY p.department, p.currency ORDER BY p.department",
                (low_threshold(conn), store_id),
            )
        ]

    assert rows == counter.read(departments)


def test_double_click_opens_the_order(counter: Counter) -> None:
    """Double-clicking an overdue or aged order opens it: in Pickups for a pickup, on the
    Fulfil page for a ship-from-store fulfillment."""
    view = open_inventory(counter)
    found = view.last
    assert found is not None
    aged = found.aged_pickups
    opened: list[tuple[str, Any]] = []
    view.orderRequested.connect(lambda number: opened.append(("pickups", number)))
    view.fulfilRequested.connect(lambda number, fid: opened.append(("fulfil", (number, fid))))
    targets: list[tuple[ListName, int, tuple[str, Any]]] = []
    if aged:
        targets.append(("aged_pickups", 0, ("pickups", aged[0].order_number)))
    rows = list(enumerate(found.overdue))
    shipped = [(n, r) for n, r in rows if r.method == "ship_from_store"]
    collected = [(n, r) for n, r in rows if r.method != "ship_from_store"]
    if shipped:
        n, r = shipped[0]
        targets.append(("overdue", n, ("fulfil", (r.order_number, r.id))))
    if collected:
        n, r = collected[0]
        targets.append(("overdue", n, ("pickups", r.order_number)))
    assert targets, "the demo store has aged or overdue orders"
    for name, row, target in targets:
        show_list(counter, view, name)
        table = view.tables[name]
        rect = table.visualRect(view.models[name].index(row, 0, QModelIndex()))
        # a double click is a press and release, then the second press (Qt needs both)
        counter.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        counter.qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert opened[-1] == target
        if target[0] == "pickups":
            assert counter.window.work_page == "pickups"
        else:
            assert counter.window.work_page == "fulfil"
        rail = counter.window.ui.navRail
        row_index = counter.window.page_names.index("inventory")
        with counter.qtbot.waitSignal(view.refreshed, timeout=15_000):
            counter.qtbot.mouseClick(
                rail.viewport(),
                Qt.MouseButton.LeftButton,
                pos=rail.visualItemRect(rail.item(row_index)).center(),
            )


def test_a_ship_from_store_order_opens_on_the_fulfil_page(counter: Counter) -> None:
    """What the page asks for a ship-from-store fulfillment (``fulfilRequested``, as a
    double-click on an overdue one does) opens it on the Fulfil page."""
    view = open_inventory(counter)
    store_id = counter.station.store_id
    number, fid = counter.read(
        lambda conn: (
            driver_cursor(conn)
            .execute(
                "SELECT order_number, id FROM v_fulfillments WHERE store_id = ? "
                "AND method = 'ship_from_store' AND status IN ('open', 'picking') ORDER BY id",
                (store_id,),
            )
            .fetchone()
        )
    )
    fulfil = counter.window.fulfil
    with counter.qtbot.waitSignal(fulfil.opened, timeout=15_000) as opened:
        view.fulfilRequested.emit(number, fid)
    assert counter.window.work_page == "fulfil"
    assert opened.args[0] == number
    assert fulfil.detail.isVisible()


def test_page_follows_new_data_while_in_front(
    counter: Counter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A web order reserves stock at the store: once the sync brings it, the page in front
    reads again by itself and its department figures are the cache's new ones."""
    from desktop_oms.gui.inventory import view as page

    monkeypatch.setattr(page, "MIN_REFRESH_MS", 300)
    view = open_inventory(counter)
    before = view.last
    assert before is not None
    store_id = counter.station.store_id

    def in_stock(conn: Connection) -> tuple[str, int, int]:
        row = (
            driver_cursor(conn)
            .execute(
                "SELECT v.sku, p.price_minor, v.reserved FROM v_inventory v "
                "JOIN products p ON p.sku = v.sku WHERE v.store_id = ? "
                "AND v.on_hand - v.reserved - v.safety_stock > 5 ORDER BY v.sku LIMIT 1",
                (store_id,),
            )
            .fetchone()
        )
        return str(row[0]), int(row[1]), int(row[2])

    sku, price, reserved = counter.read(in_stock)
    counter.demo.place_pickup(sku, price, name="Ines Inventory", quantity=2)

    def reserved_now(conn: Connection) -> int:
        return int(
            driver_cursor(conn)
            .execute(
                "SELECT reserved FROM v_inventory WHERE store_id = ? AND sku = ?", (store_id, sku)
            )
            .fetchone()[0]
        )

    counter.qtbot.waitUntil(lambda: counter.read(reserved_now) == reserved + 2, timeout=30_000)
    counter.qtbot.waitUntil(
        lambda: view.last is not None and view.last.now > before.now, timeout=15_000
    )
    counter.qtbot.waitUntil(
        lambda: rows_of(view.models["departments"]) == expected(counter, view).departments,
        timeout=15_000,
    )
