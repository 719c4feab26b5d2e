"""Accessibility of the Pickups and Conflicts pages: named controls, reach by Tab, target
sizes, and each page's workflow with the keyboard alone (no mouse) at a real counter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop_oms.cache import outbox
from desktop_oms.domain.commands import CommandName, TargetKind
from desktop_oms.gui import theme
from tests.gui.a11y_check import too_small, unnamed, unreachable
from tests.gui.conftest import Counter
from tests.gui.test_handover import ready_pickup

TOUCH_MIN = getattr(theme, "TOUCH_MIN", 40)


def key(counter: Counter, k: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """Press a key in whatever has the keyboard focus (the window if nothing has)."""
    target: QWidget = QApplication.focusWidget() or counter.window
    if modifier is None:
        counter.qtbot.keyClick(target, k)
    else:
        counter.qtbot.keyClick(target, k, modifier)


def type_text(counter: Counter, text: str) -> None:
    """Type into whatever has the keyboard focus."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    counter.qtbot.keyClicks(target, text)


def tab_to(counter: Counter, widget: QWidget, limit: int = 80) -> None:
    """Press Tab until ``widget`` has the keyboard focus (it must be reachable)."""
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        key(counter, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {widget.objectName() or widget}")


def sign_in_by_keys(counter: Counter, login: str = "ams1.associate") -> None:
    """Type login, Enter, PIN, Enter into the focused fields, as staff do."""
    counter.qtbot.waitUntil(lambda: counter.window.page == "sign_in", timeout=10_000)
    counter.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
    with counter.qtbot.waitSignal(counter.window.workShown, timeout=10_000):
        type_text(counter, login)
        key(counter, Qt.Key.Key_Return)
        type_text(counter, "1234")
        key(counter, Qt.Key.Key_Return)
    with counter.qtbot.waitSignal(counter.pickups.refreshed, timeout=10_000):
        counter.pickups.refresh()


def open_by_keys(counter: Counter, number: str) -> None:
    """F2 to the scan field, type the order number, Enter: the order opens in its panel."""
    key(counter, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is counter.window.ui.scanEdit
    with counter.qtbot.waitSignal(counter.pickups.orderOpened, timeout=10_000):
        type_text(counter, number)
        key(counter, Qt.Key.Key_Return)


def checks(root: QWidget, window: QWidget) -> dict[str, list[str]]:
    """The three structural checks of a page or dialog."""
    return {
        "unnamed": unnamed(root),
        "too small": too_small(root, TOUCH_MIN),
        "unreachable": unreachable(root, window),
    }


NOTHING: dict[str, list[str]] = {"unnamed": [], "too small": [], "unreachable": []}


def test_pickups_handover_and_undo_with_the_keyboard_alone(counter: Counter) -> None:
    """Sign in, open a ready pickup from the scan field, hand it over (Ctrl+Enter, the
    pickup code, Enter) and undo it (Ctrl+Z): no mouse. The page with its order panel and
    the handover dialog name every control, reach it by Tab and are big enough to touch."""
    counter.pickups.undo_ms = 60_000  # the undo must still be possible when Ctrl+Z comes
    sign_in_by_keys(counter)
    view, window = counter.pickups, counter.window
    doc = ready_pickup(counter)
    number = doc["order_number"]
    open_by_keys(counter, number)
    counter.qtbot.waitUntil(view.detail.hand_over_button.isEnabled, timeout=10_000)
    assert checks(view, window) == NOTHING

    key(counter, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    counter.qtbot.waitUntil(
        lambda: view.handover_dialog is not None and view.handover_dialog.isVisible()
    )
    dialog = view.handover_dialog
    assert dialog is not None
    # the dialog window takes focus when the platform activates it
    counter.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.code, timeout=5_000)
    assert checks(dialog, dialog) == NOTHING  # Tab round the dialog: ends one past the code
    key(counter, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is dialog.code
    with counter.qtbot.waitSignal(view.handedOver, timeout=10_000):
        type_text(counter, doc["pickup_code"])
        key(counter, Qt.Key.Key_Return)
    assert len(counter.read(outbox.pending)) == 1
    # the window manager gives the window back its focus when the dialog closes
    counter.window.activateWindow()
    counter.qtbot.waitUntil(lambda: QApplication.activeWindow() is counter.window)
    assert QApplication.focusWidget() is view.table

    with counter.qtbot.waitSignal(view.message, timeout=10_000) as said:
        key(counter, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert said.args == [f"Handover of {number} undone.", "info"]
    assert counter.read(outbox.pending) == []


def test_enter_on_a_queue_row_opens_it_and_enter_again_hands_it_over(counter: Counter) -> None:
    """In the queue, arrows choose, Enter opens the order, Enter again starts its handover,
    Escape leaves the dialog and Escape closes the panel."""
    sign_in_by_keys(counter)
    view = counter.pickups
    tab_to(counter, view.table)
    key(counter, Qt.Key.Key_Down)
    counter.qtbot.waitUntil(lambda: view.detail.isVisible(), timeout=10_000)
    counter.qtbot.waitUntil(view.detail.hand_over_button.isEnabled, timeout=10_000)
    shown = view.detail.order_number
    key(counter, Qt.Key.Key_Return)
    counter.qtbot.waitUntil(
        lambda: view.handover_dialog is not None and view.handover_dialog.isVisible()
    )
    dialog = view.handover_dialog
    assert dialog is not None and dialog.view.doc["order_number"] == shown
    counter.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.code, timeout=5_000)
    with counter.qtbot.waitSignal(dialog.rejected, timeout=5_000):
        key(counter, Qt.Key.Key_Escape)
    counter.window.activateWindow()  # the window manager's part when a dialog closes
    counter.qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table, timeout=5_000)
    key(counter, Qt.Key.Key_Escape)
    assert not view.detail.isVisible()


def refuse_a_handover(counter: Counter) -> str:
    """A handover the server refused, recorded in the cache as the sync records one (held
    back from the push, then confirmed as rejected); the order number."""
    doc = ready_pickup(counter)
    now = datetime.now(UTC)
    session = counter.station.session
    assert session is not None

    def job(conn: Any) -> None:
        entry = outbox.enqueue(
            conn,
            name=CommandName.HAND_OVER,
            target_kind=TargetKind.FULFILLMENT,
            target_key=str(doc["id"]),
            base_version=int(doc["version"]),
            staff_id=session.staff_id,
            approved_by=None,
            args={"verification": {"method": "pickup_code", "pickup_code": doc["pickup_code"]}},
            now=now,
            hold_until=now + timedelta(hours=1),
        )
        outbox.confirm(
            conn,
            entry.seq,
            {
                "id": entry.id,
                "status": "rejected",
                "code": "verification_failed",
                "message": "the pickup code does not match",
            },
            now=now,
        )

    with counter.station.cache.write() as conn:
        job(conn)
    counter.events.changed()
    return str(doc["order_number"])


def test_conflicts_page_with_the_keyboard_alone(counter: Counter) -> None:
    """The nav rail takes the keyboard to Conflicts; arrows and Enter open the refused
    handover; Ctrl+2 and Ctrl+1 switch lists; A acknowledges it. The page with its panel
    names every control, reaches it by Tab and is big enough to touch."""
    sign_in_by_keys(counter, "ams1.manager")
    window, view = counter.window, counter.window.conflicts
    number = refuse_a_handover(counter)
    tab_to(counter, window.ui.navRail)
    key(counter, Qt.Key.Key_End)
    counter.qtbot.waitUntil(lambda: window.work_page == "conflicts", timeout=5_000)
    counter.qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    tab_to(counter, view.table)
    key(counter, Qt.Key.Key_Down)
    key(counter, Qt.Key.Key_Return)
    counter.qtbot.waitUntil(lambda: view.detail.isVisible(), timeout=5_000)
    assert view.detail.entry is not None and view.detail.entry.order_number == number
    assert checks(view, window) == NOTHING

    with counter.qtbot.waitSignal(view.refreshed, timeout=5_000):
        key(counter, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert view.show_name == "acknowledged" and view.model.rowCount() == 0
    with counter.qtbot.waitSignal(view.refreshed, timeout=5_000):
        key(counter, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    counter.qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5_000)
    key(counter, Qt.Key.Key_Down)
    with counter.qtbot.waitSignal(view.acknowledged, timeout=5_000):
        key(counter, Qt.Key.Key_A)
    counter.qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=5_000)
