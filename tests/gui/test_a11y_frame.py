"""Accessibility of the window's frame: the sign-in screen, the top bar and the staff
menu, the navigation rail, manager approval and setting up a station; signing in, moving
between pages and signing out with the keyboard alone."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from desktop_oms.gui.approval import ManagerApprovalDialog, approval_throttle
from desktop_oms.gui.firstrun import EnrolDialog
from desktop_oms.gui.tasks import Pool
from tests.gui.conftest import Counter
from tests.gui.test_a11y_pickups import NOTHING, checks, key, sign_in_by_keys, tab_to


def test_sign_in_screen_is_named_reachable_and_big_enough(counter: Counter) -> None:
    """Every control of the sign-in screen has a name, Tab reaches it, a finger fits."""
    window = counter.window
    counter.qtbot.waitUntil(lambda: window.page == "sign_in", timeout=10_000)
    assert QApplication.focusWidget() is window.sign_in.ui.usernameEdit
    assert checks(window.sign_in, window) == NOTHING


def test_sign_in_move_between_pages_and_sign_out_by_keyboard(counter: Counter) -> None:
    """Sign in with keys; the top bar and the navigation rail pass the checks; arrows in the
    rail change pages; the staff menu opens from the keyboard and signs out."""
    sign_in_by_keys(counter, "ams1.manager")
    window = counter.window
    assert checks(window.ui.topBar, window) == NOTHING
    rail = window.ui.navRail
    assert checks(rail.parentWidget(), window) == NOTHING
    tab_to(counter, rail)
    key(counter, Qt.Key.Key_Down)
    assert window.work_page == "fulfil"
    key(counter, Qt.Key.Key_Home)
    assert window.work_page == "pickups"

    staff = window.ui.staffButton
    tab_to(counter, staff)
    menu = cast(QMenu, staff.menu())

    def choose_sign_out() -> None:  # the menu runs its own loop: keys go in from a timer
        counter.qtbot.keyClick(menu, Qt.Key.Key_Down)
        counter.qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(300, choose_sign_out)
    key(counter, Qt.Key.Key_Space)  # opens the staff menu; Down, Enter: "Sign out"
    counter.qtbot.waitUntil(lambda: window.page == "sign_in", timeout=5_000)
    assert counter.station.session is None


def test_dialogs_are_named_reachable_and_big_enough(qtbot: Any) -> None:
    """Manager approval and setting up a station."""
    approval = ManagerApprovalDialog(
        cast(Any, None),
        action="cancel_order",
        what="Cancel WEB-1000042",
        store_id=1,
        requester_id=5,
        throttle=approval_throttle(),
    )
    qtbot.addWidget(approval)
    approval.show()
    approval.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is approval)
    assert checks(approval, approval) == NOTHING
    pool = Pool()
    try:
        enrol = EnrolDialog(pool)
        qtbot.addWidget(enrol)
        enrol.show()
        enrol.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is enrol)
        assert checks(enrol, enrol) == NOTHING
    finally:
        pool.shutdown()
        pool.deleteLater()
