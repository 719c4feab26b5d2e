"""The Orders and Stock pages by keyboard and screen reader: every control named, large
enough to touch and reached by Tab (an order open with its change buttons, a change
dialog, a product open); an order found, opened and cancelled with keys alone; a product
looked up with keys alone."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from desktop_oms.gui import theme
from desktop_oms.gui.orders.action_dialogs import CancelOrderDialog
from desktop_oms.gui.orders.view import OrdersView
from desktop_oms.gui.stock.view import StockView
from tests.gui.a11y_check import tab_order, too_small, unnamed, unreachable
from tests.gui.conftest import Counter
from tests.gui.test_order_changes import place, server_statuses

TOUCH_MIN = getattr(theme, "TOUCH_MIN", 40)


def press_until(counter: Counter, key: Qt.Key, target: QWidget, limit: int = 80) -> None:
    """Press ``key`` (Tab, an arrow...) on the focused widget until ``target`` has focus."""
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        counter.qtbot.keyClick(QApplication.focusWidget() or counter.window, key)
    assert QApplication.focusWidget() is target, f"{key} never reached {target.objectName()}"


def go_to(counter: Counter, page: str) -> None:
    """Tab to the page rail and arrow down to ``page`` (Home first), as staff do by key."""
    window = counter.window
    rail = window.ui.navRail
    press_until(counter, Qt.Key.Key_Tab, rail)
    counter.qtbot.keyClick(rail, Qt.Key.Key_Home)
    for _ in range(len(window.page_names)):
        if window.work_page == page:
            return
        counter.qtbot.keyClick(rail, Qt.Key.Key_Down)
    assert window.work_page == page


def check(root: QWidget, window: QWidget) -> None:
    """Every control under ``root`` is named, big enough and reached by Tab in ``window``."""
    assert unnamed(root) == []
    assert too_small(root, TOUCH_MIN) == []
    missed = unreachable(root, window)
    order = [f"{type(w).__name__}({w.objectName()})" for w in tab_order(window)]
    assert missed == [], f"Tab never reaches {missed}; it visits {order}"


def test_an_order_is_found_opened_and_cancelled_with_the_keyboard_alone(
    counter: Counter,
) -> None:
    """Tab to the rail, arrow to Orders, Tab to the search, type the number, Down and
    Enter open it; Tab to "Cancel order", Space; Tab to the reason, arrow to one, Enter:
    the server has the order cancelled. The page and the dialog pass the checks."""
    number = place(counter, 2)
    counter.signed_in("ams1.manager")
    qtbot = counter.qtbot
    go_to(counter, "orders")
    page: OrdersView = counter.window.orders
    press_until(counter, Qt.Key.Key_Tab, page.search)
    qtbot.keyClicks(page.search, number)
    qtbot.waitUntil(lambda: page.model.row_of(number) is not None, timeout=10_000)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    with qtbot.waitSignal(page.orderOpened, timeout=10_000):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    cancel = page.detail.buttons["cancel_order"]
    qtbot.waitUntil(cancel.isEnabled, timeout=10_000)
    check(page, counter.window)

    actions = counter.window.order_actions
    press_until(counter, Qt.Key.Key_Tab, cancel)
    with qtbot.waitSignal(actions.opened, timeout=10_000) as opened:
        qtbot.keyClick(cancel, Qt.Key.Key_Space)
    dialog: Any = opened.args[0]
    assert isinstance(dialog, CancelOrderDialog)
    qtbot.waitExposed(dialog)
    check(dialog, dialog)
    reason = dialog.findChild(QComboBox, "actionReason")
    press_until(counter, Qt.Key.Key_Tab, reason)
    qtbot.keyClick(reason, Qt.Key.Key_Down)
    assert reason.currentData()
    with qtbot.waitSignal(actions.queued, timeout=10_000):
        qtbot.keyClick(reason, Qt.Key.Key_Return)
    counter.station.kick()
    qtbot.waitUntil(
        lambda: [s for _, _, s in server_statuses(counter.demo, number)] == ["cancelled"],
        timeout=20_000,
    )


def test_a_product_is_looked_up_with_the_keyboard_alone(counter: Counter) -> None:
    """Rail to Stock, Tab to the search, type a SKU, Down and Enter: the product opens. The
    page with a product open passes the checks."""
    counter.signed_in("ams1.associate")
    qtbot = counter.qtbot
    go_to(counter, "stock")
    page: StockView = counter.window.stock
    press_until(counter, Qt.Key.Key_Tab, page.search)
    sku = counter.read(
        lambda conn: conn.exec_driver_sql("SELECT min(sku) FROM products").scalar_one()
    )
    with qtbot.waitSignal(page.searched, timeout=10_000):
        qtbot.keyClicks(page.search, sku)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    with qtbot.waitSignal(page.productOpened, timeout=10_000) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args[0].product.sku == sku
    check(page, counter.window)
