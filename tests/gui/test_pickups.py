"""The pickup queue as counter staff use it: tabs and counts, search, sorting, scanning an
order code, and orders arriving live from the server while someone works the queue."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QPoint, Qt

from desktop_oms.gui.pickups.model import ID_ROLE
from desktop_oms.gui.pickups.queue import Column
from desktop_oms.gui.pickups.view import ROW_HEIGHT
from tests.gui.conftest import Counter

#: The server's pickups collected at AMS1, by status (read from its own database).
_SERVER_PICKUPS = """
SELECT o.number, f.status, f.pickup_code FROM fulfillments f
JOIN orders o ON o.id = f.order_id
JOIN stores s ON s.id = CASE WHEN f.method = 'ship_to_store'
                             THEN f.destination_store_id ELSE f.store_id END
WHERE s.code = 'AMS1' AND f.method != 'ship_from_store'
"""
PREPARING = ("open", "picking", "packed", "in_transit", "arrived")


def server_pickups(counter: Counter, *statuses: str) -> list[tuple[str, str | None]]:
    """(order number, pickup code) of each of AMS1's pickups in ``statuses``, sorted, as the
    server has them (an order may have two fulfillments here)."""
    rows = counter.demo.query(_SERVER_PICKUPS)
    return sorted((number, code) for number, status, code in rows if status in statuses)


def numbers(pickups: list[tuple[str, str | None]]) -> list[str]:
    """The order numbers of :func:`server_pickups`."""
    return [number for number, _code in pickups]


def click_tab(counter: Counter, tab: str) -> None:
    """Click a queue tab and wait for its rows."""
    with counter.qtbot.waitSignal(counter.pickups.refreshed, timeout=10_000):
        counter.qtbot.mouseClick(counter.pickups.tabs.buttons[tab], Qt.MouseButton.LeftButton)


def click_row(counter: Counter, row: int) -> None:
    """Click a row of the queue table."""
    table = counter.pickups.table
    rect = table.visualRect(counter.pickups.model.index(row, Column.CUSTOMER))
    counter.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_header(counter: Counter, column: int) -> None:
    """Click a column header and wait for the rows in that order."""
    header = counter.pickups.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    with counter.qtbot.waitSignal(counter.pickups.refreshed, timeout=10_000):
        counter.qtbot.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
        )


def search(counter: Counter, text: str) -> None:
    """Type into the search box (replacing what was there) and wait for the filtered rows."""
    # Wait for the answer to *this* search: a refresh already under way (live sync) may
    # answer first, with the rows of the previous search.
    box = counter.pickups.search
    box.selectAll()
    if text:
        counter.qtbot.keyClicks(box, text)
    else:
        counter.qtbot.keyClick(box, Qt.Key.Key_Delete)
    view = counter.pickups

    def answered() -> bool:
        result = view.last_result
        return result is not None and result.request.search.strip() == text.strip()

    counter.qtbot.waitUntil(answered, timeout=10_000)


def scan(counter: Counter, text: str) -> None:
    """Type a code into the top bar's scan field and press Enter."""
    field = counter.window.ui.scanEdit
    counter.qtbot.keyClicks(field, text)
    counter.qtbot.keyClick(field, Qt.Key.Key_Return)


def test_ready_tab_lists_the_stores_ready_orders_with_counts(counter: Counter) -> None:
    """The Ready tab shows exactly the server's ready pickups at AMS1, by promised time;
    every tab's count matches; another tab is one click away."""
    counter.signed_in()
    ready = server_pickups(counter, "ready_for_pickup")
    preparing = server_pickups(counter, *PREPARING)
    assert ready and preparing, "the demo seed has ready and preparing pickups at AMS1"
    view = counter.pickups
    assert view.tab == "ready"
    assert sorted(view.visible_orders()) == numbers(ready)
    promised = [r.promised_at or "~" for r in view.model.rows]
    assert promised == sorted(promised)
    assert view.counts()["ready"] == len(ready)
    assert view.counts()["preparing"] == len(preparing)
    click_tab(counter, "preparing")
    assert sorted(view.visible_orders()) == numbers(preparing)
    assert view.tabs.current == "preparing"


def test_search_filters_by_name_phone_email_and_number(counter: Counter) -> None:
    """The search box narrows the queue by customer name, phone, e-mail or order number."""
    counter.signed_in()
    click_tab(counter, "preparing")
    view = counter.pickups
    everyone = view.model.rows
    target = everyone[len(everyone) // 2]
    doc = counter.read(
        lambda conn: json.loads(
            conn.exec_driver_sql(
                "SELECT doc FROM v_fulfillments WHERE id = ?", (target.id,)
            ).scalar_one()
        )
    )
    surname = target.customer_name.split()[-1]
    search(counter, surname.lower())
    assert target.order_number in view.visible_orders()
    assert all(surname.lower() in r.customer_name.lower() for r in view.model.rows)
    assert view.counts()["preparing"] == len(view.model.rows) < len(everyone)

    for term in (target.order_number, doc["customer"]["email"], target.customer_phone[-9:]):
        search(counter, term)
        assert target.order_number in view.visible_orders(), term
        assert len(view.model.rows) < len(everyone), term

    search(counter, "no such customer anywhere")
    assert view.model.rowCount() == 0 and view.stack.currentWidget() is view.empty
    assert "matches" in view.empty.text()
    search(counter, "")
    assert len(view.model.rows) == len(everyone)


def test_header_click_sorts_the_queue(counter: Counter) -> None:
    """Clicking Customer sorts by name; clicking again reverses."""
    counter.signed_in()
    click_tab(counter, "preparing")
    view = counter.pickups
    click_header(counter, Column.CUSTOMER)
    names = [r.customer_name.casefold() for r in view.model.rows]
    assert names == sorted(names)
    click_header(counter, Column.CUSTOMER)
    names = [r.customer_name.casefold() for r in view.model.rows]
    assert names == sorted(names, reverse=True)


def test_typing_an_order_code_opens_the_order(counter: Counter) -> None:
    """``OMS:O:<number>`` in the scan field finds the order in its tab, selects it and
    opens its panel; a bare order number works too."""
    counter.signed_in()
    view = counter.pickups
    ready = set(numbers(server_pickups(counter, "ready_for_pickup")))
    number = next(n for n in numbers(server_pickups(counter, *PREPARING)) if n not in ready)
    with counter.qtbot.waitSignal(view.orderOpened, timeout=10_000) as opened:
        scan(counter, f"OMS:O:{number}")
    assert opened.args == [number]
    counter.qtbot.waitUntil(lambda: view.selected_id() is not None, timeout=10_000)
    assert view.tab == "preparing" and view.tabs.current == "preparing"
    selected = view.model.row_at(view.table.currentIndex().row())
    assert selected.order_number == number
    assert view.detail.isVisible() and view.detail.title.text() == number

    other = numbers(server_pickups(counter, "ready_for_pickup"))[0]
    with counter.qtbot.waitSignal(view.orderOpened, timeout=10_000):
        scan(counter, other.lower())  # typed by hand, in lower case
    counter.qtbot.waitUntil(lambda: view.tab == "ready", timeout=10_000)
    counter.qtbot.waitUntil(
        lambda: (
            view.selected_id() is not None
            and view.model.row_at(view.table.currentIndex().row()).order_number == other
        ),
        timeout=10_000,
    )
    assert view.detail.title.text() == other
    assert view.detail.hand_over_button.isEnabled()


def test_pickup_code_is_checked_against_the_order(counter: Counter) -> None:
    """A pickup QR (order + pickup code) that matches says so; one that does not warns."""
    counter.signed_in()
    view = counter.pickups
    number, code = server_pickups(counter, "ready_for_pickup")[0]
    assert code is not None
    with counter.qtbot.waitSignal(view.orderOpened, timeout=10_000):
        scan(counter, f"OMS:O:{number}:{code}")
    assert view.detail.banner.isVisible() and "matches" in view.detail.banner_text.text()

    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    with counter.qtbot.waitSignal(view.message, timeout=10_000) as warned:
        scan(counter, f"OMS:O:{number}:{wrong}")
    assert "does not match" in warned.args[0]
    counter.qtbot.waitUntil(lambda: not view.detail.banner.isVisible(), timeout=5_000)


def test_unknown_order_and_product_codes_are_explained(counter: Counter) -> None:
    """An order that is not here gets a message; a product barcode shows that product's
    name and stock (the product panel), not a crash."""
    counter.signed_in()
    with counter.qtbot.waitSignal(counter.pickups.message, timeout=10_000) as warned:
        scan(counter, "OMS:O:WEB-9999999")
    assert "not at this store" in warned.args[0]
    gtin = counter.read(
        lambda conn: conn.exec_driver_sql(
            "SELECT value FROM identifiers WHERE length(value) = 13 LIMIT 1"
        ).scalar_one()
    )
    with counter.qtbot.waitSignal(counter.window.productShown, timeout=10_000) as shown:
        scan(counter, gtin)
    panel = counter.window.product_panel
    assert panel.isVisible() and panel.name.text() == shown.args[0].product.name


def test_new_server_order_appears_live_keeping_selection(counter: Counter) -> None:
    """A sales channel places a pickup at AMS1: it shows in Preparing within seconds, above
    the selected order, which stays selected with its panel open; the rows on screen do not
    move."""
    counter.signed_in()
    view = counter.pickups
    click_tab(counter, "preparing")
    click_header(counter, Column.CUSTOMER)  # by name: "Aaa…" lands at the top
    before = len(view.model.rows)
    click_row(counter, 3)
    counter.qtbot.waitUntil(view.detail.isVisible, timeout=10_000)
    chosen = view.selected_id()
    chosen_number = view.model.row_at(3).order_number
    assert chosen is not None
    bar = view.table.verticalScrollBar()
    assert bar.maximum() > ROW_HEIGHT, "the queue is longer than the table"
    bar.setValue(2 * ROW_HEIGHT + 10)  # scrolled a little: row 2 at the top, cut by 10 px
    top_number = view.model.row_at(view.table.rowAt(0)).order_number

    def stocked(conn: Any) -> tuple[str, int]:
        return tuple(
            conn.exec_driver_sql(
                "SELECT p.sku, p.price_minor FROM v_inventory i JOIN products p ON p.sku = i.sku "
                "WHERE i.store_id = ? AND i.on_hand - i.reserved - i.safety_stock >= 3 "
                "AND p.price_minor < 20000 ORDER BY p.sku LIMIT 1",
                (counter.station.store_id,),
            ).one()
        )

    sku, price = counter.read(stocked)
    number = counter.demo.place_pickup(sku, price, name="Aaron Aabeck")
    counter.qtbot.waitUntil(lambda: number in view.visible_orders(), timeout=10_000)
    assert view.visible_orders()[0] == number
    assert len(view.model.rows) == before + 1
    assert view.counts()["preparing"] == before + 1
    assert view.selected_id() == chosen
    assert view.model.row_at(view.table.currentIndex().row()).order_number == chosen_number
    assert view.table.currentIndex().row() == 4
    assert view.detail.isVisible() and view.detail.title.text() == chosen_number
    # what was on screen stays where it was: the new row went in above, out of view
    assert bar.value() == 3 * ROW_HEIGHT + 10
    assert view.model.row_at(view.table.rowAt(0)).order_number == top_number
    assert [i.data(ID_ROLE) for i in view.table.selectionModel().selectedRows()] == [chosen]
