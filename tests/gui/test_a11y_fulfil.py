"""The fulfil area by keyboard and screen reader: every control named, large enough to
touch and reached by Tab (the queue with an order open, the pick walk, the pack dialog);
and a pickup picked and staged with keys alone, from the queue to the counter's Ready tab.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop_oms.gui import theme
from desktop_oms.gui.fulfil.pack import PackDialog
from desktop_oms.gui.fulfil.view import FulfilView
from tests.gui.a11y_check import tab_order, too_small, unnamed, unreachable
from tests.gui.conftest import Counter
from tests.gui.test_fulfil import cached_status, server_status
from tests.gui.test_picking import place, stocked, synced
from tests.scanner.test_qtwedge import type_keys

TOUCH_MIN = getattr(theme, "TOUCH_MIN", 40)


def show_fulfil(counter: Counter, login: str = "ams1.manager") -> FulfilView:
    """Sign in (typed) and bring the fulfil page to the front once it has read."""
    counter.signed_in(login)
    view: FulfilView = counter.window.fulfil
    with counter.qtbot.waitSignal(view.refreshed, timeout=10_000):
        counter.window.show_page("fulfil")
        view.refresh()
    return view


def press_until(counter: Counter, key: Qt.Key, target: QWidget, limit: int = 60) -> None:
    """Press ``key`` (Tab, an arrow...) on the focused widget until ``target`` has focus."""
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        focused = QApplication.focusWidget() or counter.window
        counter.qtbot.keyClick(focused, key)
    assert QApplication.focusWidget() is target, f"{key} never reached {target.objectName()}"


def check(root: QWidget, window: QWidget) -> None:
    """Every control under ``root`` is named, big enough and reached by Tab in ``window``."""
    assert unnamed(root) == []
    assert too_small(root, TOUCH_MIN) == []
    missed = unreachable(root, window)
    order = [f"{type(w).__name__}({w.objectName()})" for w in tab_order(window)]
    assert missed == [], f"Tab never reaches {missed}; it visits {order}"


def test_fulfil_queue_pick_walk_and_pack_dialog_are_named_big_and_reachable(
    counter: Counter,
) -> None:
    ((sku, price, _gtin),) = stocked(counter, 1)
    number = place(counter, [(sku, 1, price)], "Ada Toegang")
    [fid] = synced(counter, [number])
    view = show_fulfil(counter)
    counter.qtbot.waitUntil(lambda: view.model.row_of(fid) is not None, timeout=15_000)
    with counter.qtbot.waitSignal(view.opened, timeout=10_000):
        assert view.select(fid)
    counter.qtbot.waitUntil(view.detail.pick_button.isVisible, timeout=10_000)
    view.table.setFocus()
    check(view, counter.window)

    with counter.qtbot.waitSignal(view.pick_view.loaded, timeout=15_000):
        view.start_pick([fid])
    counter.qtbot.waitUntil(lambda: view.pick_view.current_item() is not None, timeout=10_000)
    view.pick_view.table.setFocus()
    check(view.pick_host, counter.window)

    dialog = PackDialog(number, 1, view.box_types, view)
    dialog.add_box()
    dialog.show()
    counter.qtbot.waitExposed(dialog)
    dialog.rows[0].type.setFocus()
    try:
        check(dialog, dialog)
    finally:
        dialog.close()


def test_a_pickup_is_picked_and_staged_with_the_keyboard_alone(counter: Counter) -> None:
    """Ctrl+1 the Open tab, arrow to the order, Tab to "Pick…", Space; the scanner (a
    keyboard) verifies the item; Finish; Ctrl+2, arrow to it, type the bin and Enter: the
    server has it ready in that bin. No mouse."""
    ((sku, price, gtin),) = stocked(counter, 1)
    number = place(counter, [(sku, 1, price)], "Kees Toetsenbord")
    [fid] = synced(counter, [number])
    view = show_fulfil(counter, "ams1.associate")
    qtbot = counter.qtbot

    qtbot.keyClick(counter.window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.tab == "in_progress", timeout=5_000)
    qtbot.keyClick(counter.window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.tab == "open", timeout=5_000)
    qtbot.waitUntil(lambda: view.model.row_of(fid) is not None, timeout=15_000)
    press_until(counter, Qt.Key.Key_Tab, view.table)
    row = view.model.row_of(fid)
    assert row is not None
    qtbot.keyClick(view.table, Qt.Key.Key_Home)
    for _ in range(row):
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    qtbot.waitUntil(
        lambda: view.detail.fulfillment is not None and view.detail.fulfillment.id == fid,
        timeout=10_000,
    )
    press_until(counter, Qt.Key.Key_Tab, view.detail.pick_button)
    pick = view.pick_view
    with qtbot.waitSignal(pick.loaded, timeout=15_000):
        qtbot.keyClick(view.detail.pick_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: pick.current_item() is not None, timeout=10_000)
    # the USB scanner is a keyboard too: its burst of keys and Enter counts the unit
    scanners = counter.window.scanners
    scanners.install()
    try:
        counter.window.activateWindow()
        qtbot.waitUntil(counter.window.isActiveWindow, timeout=5_000)
        with qtbot.waitSignal(pick.progressed, timeout=10_000):
            type_keys(qtbot, counter.window.windowHandle(), gtin, 8)
    finally:
        scanners.uninstall()
    qtbot.waitUntil(lambda: pick.progress is not None and pick.progress.complete, timeout=10_000)
    press_until(counter, Qt.Key.Key_Tab, pick.finish_button)
    with qtbot.waitSignal(view.refreshed, timeout=15_000):
        qtbot.keyClick(pick.finish_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: cached_status(counter, fid) == "picking", timeout=10_000)

    qtbot.keyClick(counter.window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.tab == "in_progress", timeout=5_000)
    qtbot.waitUntil(lambda: view.model.row_of(fid) is not None, timeout=15_000)
    press_until(counter, Qt.Key.Key_Tab, view.table)
    row = view.model.row_of(fid)
    assert row is not None
    qtbot.keyClick(view.table, Qt.Key.Key_Home)
    for _ in range(row):
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: view.detail.stage_box.isVisible(), timeout=10_000)
    qtbot.waitUntil(view.detail.bin_edit.isEnabled, timeout=10_000)
    press_until(counter, Qt.Key.Key_Tab, view.detail.bin_edit)
    with qtbot.waitSignal(view.queued, timeout=10_000):
        qtbot.keyClicks(view.detail.bin_edit, "d-17")
        qtbot.keyClick(view.detail.bin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: server_status(counter, fid) == "ready_for_pickup", timeout=15_000)
    [(stored,)] = counter.demo.query("SELECT bin FROM fulfillments WHERE id = ?", fid)
    assert stored == "D-17"
    # staged: its panel closed (the next row's may open: arrows go on from there)
    qtbot.waitUntil(
        lambda: view.detail.fulfillment is None or view.detail.fulfillment.id != fid,
        timeout=5_000,
    )
