"""The Count and Inventory pages by keyboard and screen reader: every control named, large
enough to touch and reached by Tab (choosing what to count, counting, the review, the
correction dialog; the Inventory page with a list shown); a shelf counted and submitted
with keys alone; the Inventory lists switched and read with keys alone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_oms.gui.count.adjust import AdjustDialog
from desktop_oms.gui.inventory.view import InventoryView
from tests.gui.conftest import Counter
from tests.gui.test_a11y_orders import check, go_to, press_until
from tests.gui.test_count import shelf_to_count


def test_a_shelf_is_counted_reviewed_and_submitted_with_the_keyboard_alone(
    counter: Counter,
) -> None:
    """Rail to Count, Tab to "Count a shelf", type the bay, Enter; Tab to the SKU field,
    type a SKU and Enter (twice: 2 counted); Tab to "Review variances", Space; Tab to
    "Submit count", Space: the count's commands are queued. Each step passes the checks."""
    counter.signed_in("ams1.manager")
    qtbot = counter.qtbot
    bay, items, _other = shelf_to_count(counter, least=2)
    (sku, _gtin, _on_hand), *_rest = items
    go_to(counter, "count")
    view = counter.window.count
    qtbot.waitUntil(lambda: view.department.count() > 0, timeout=10_000)
    press_until(counter, Qt.Key.Key_Tab, view.shelf)
    check(view, counter.window)

    with qtbot.waitSignal(view.opened, timeout=10_000):
        qtbot.keyClicks(view.shelf, bay)
        qtbot.keyClick(view.shelf, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.codes is not None, timeout=10_000)
    press_until(counter, Qt.Key.Key_Tab, view.code_edit)
    for _ in range(2):
        with qtbot.waitSignal(view.counted, timeout=10_000):
            qtbot.keyClicks(view.code_edit, sku)
            qtbot.keyClick(view.code_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dict(view.lines()).get(sku) == 2, timeout=10_000)
    view.table.setFocus()
    check(view, counter.window)

    view.table.selectRow(0)
    view.correct_selected()
    dialog = view.adjust_dialog
    assert isinstance(dialog, AdjustDialog)
    qtbot.waitExposed(dialog)
    try:
        check(dialog, dialog)
    finally:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    counter.window.activateWindow()  # a window manager does this when the dialog closes
    qtbot.waitUntil(lambda: view.table.hasFocus(), timeout=5_000)

    press_until(counter, Qt.Key.Key_Tab, view.review_button)
    with qtbot.waitSignal(view.reviewed, timeout=10_000):
        qtbot.keyClick(view.review_button, Qt.Key.Key_Space)
    qtbot.waitUntil(view.submit_button.isEnabled, timeout=10_000)
    view.review_table.setFocus()
    check(view, counter.window)
    press_until(counter, Qt.Key.Key_Tab, view.submit_button)
    with qtbot.waitSignal(view.submitted, timeout=10_000) as submitted:
        qtbot.keyClick(view.submit_button, Qt.Key.Key_Space)
    assert submitted.args[0].entries


def test_inventory_lists_are_switched_and_read_with_the_keyboard_alone(
    counter: Counter,
) -> None:
    """Rail to Inventory; Ctrl+2 shows the out-of-stock list, Tab reaches its table and
    Down moves in it; Ctrl+1 goes back to departments. The page passes the checks."""
    counter.signed_in("ams1.manager")
    qtbot = counter.qtbot
    view: InventoryView = counter.window.inventory
    with qtbot.waitSignal(view.refreshed, timeout=15_000):
        go_to(counter, "inventory")
    with qtbot.waitSignal(view.refreshed, timeout=15_000):
        qtbot.keyClick(counter.window.ui.navRail, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert view.list_shown == "out_of_stock"
    table = view.tables["out_of_stock"]
    press_until(counter, Qt.Key.Key_Tab, table)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().isValid()
    check(view, counter.window)
    press_until(counter, Qt.Key.Key_Tab, table)  # the check left the keyboard elsewhere
    qtbot.keyClick(table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert view.list_shown == "departments"
