"""The manager approval dialog at a live counter: badges come to it (never a user switch),
wrong people and wrong PINs are refused with why, and a locked login stays locked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_oms.cache import outbox
from desktop_oms.gui.approval import ManagerApprovalDialog
from desktop_oms.scanner.scan import Scan
from tests.gui.conftest import Counter
from tests.gui.test_order_changes import (
    approval_for,
    badge,
    place,
    sign_in,
    staff_id,
    start,
    try_pin,
)


def scan(counter: Counter, text: str) -> tuple[bool, str]:
    """A scanner reads ``text``; whether it was taken, and the message."""
    routed = counter.window.scanners.dispatcher.route(Scan.typed(text))
    return routed.good, routed.message


def test_a_badge_during_a_change_does_not_switch_user(counter: Counter) -> None:
    """While a change's dialog is open a badge is refused (it takes no scans): the person
    signed in stays; behind the approval dialog the badge goes to the approval."""
    number = place(counter, 1)
    sign_in(counter, "ams1.associate")
    dialog = start(counter, "cancel_order", number)
    good, message = scan(counter, badge(counter.demo, "ams1.manager"))
    assert not good and message == "Close “Cancel order” first, then scan again"
    assert counter.station.session.username == "ams1.associate"
    counter.qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    counter.qtbot.waitUntil(lambda: counter.window.order_actions.dialog is None, timeout=5_000)
    assert counter.read(outbox.pending) == []


def test_wrong_people_are_refused_by_name(counter: Counter) -> None:
    """An unknown badge, the associate's own badge and a lead's badge do not approve; each
    says why, in the dialog."""
    number = place(counter, 1)
    sign_in(counter, "ams1.associate")
    approval = approval_for(counter, "cancel_order", number)

    def scanned(text: str) -> str:
        with counter.qtbot.waitSignal(approval.refused, timeout=10_000) as said:
            assert scan(counter, text)[0]  # the dialog took it; the check says no
        return str(said.args[0])

    assert scanned("OMS:S:B9999ZZZ") == (
        "This badge is not known at this store: scan a manager's badge."
    )
    assert scanned(badge(counter.demo, "ams1.associate")) == (
        "You cannot approve your own change: ask a manager."
    )
    assert scanned(badge(counter.demo, "ams1.lead")).endswith(
        "is a lead: only a manager can approve this change."
    )
    assert approval.error.isVisible() and approval.approver is None
    assert approval.failures == 0  # badges are no PIN tries
    good, message = scan(counter, "OMS:B:AMS1:C-01")
    assert not good and message == "Scan a manager's staff badge to approve, or press Cancel"
    assert approval.error.text() == message
    counter.qtbot.mouseClick(approval.cancel_button, Qt.MouseButton.LeftButton)
    assert counter.read(outbox.pending) == []


def test_three_wrong_pins_lock_the_login_but_not_the_badge(counter: Counter) -> None:
    """After three wrong PINs the manager's login is locked, also in the next approval;
    their badge still approves, and the change is queued with them as approver."""
    number = place(counter, 2)
    sign_in(counter, "ams1.associate")
    first = approval_for(counter, "cancel_order", number)
    for pin in ("1111", "2222", "3333"):
        try_pin(counter, first, "ams1.manager", pin)
    assert not first.pin.isEnabled()
    counter.qtbot.mouseClick(first.cancel_button, Qt.MouseButton.LeftButton)

    second = approval_for(counter, "cancel_order", number)
    assert isinstance(second, ManagerApprovalDialog) and second is not first
    said = try_pin(counter, second, "ams1.manager", "1234")  # right PIN, locked login
    assert said.startswith("Too many wrong attempts.") and "badge still works" in said
    counter.station.runner.stop(1.0)  # keep the entry here to look at it
    actions = counter.window.order_actions
    with counter.qtbot.waitSignal(actions.queued, timeout=10_000):
        assert scan(counter, badge(counter.demo, "ams1.manager"))[0]
    (entry,) = counter.read(outbox.pending)
    assert entry.name == "cancel_order"
    assert entry.approved_by == staff_id(counter.demo, "ams1.manager")
    assert entry.staff_id == staff_id(counter.demo, "ams1.associate")


def test_signing_out_drops_the_open_change(counter: Counter) -> None:
    """The station signs out (idle, or the person leaves) with an approval open: the dialog
    closes and nothing is queued for the next person."""
    number = place(counter, 1)
    sign_in(counter, "ams1.associate")
    approval = approval_for(counter, "cancel_order", number)
    assert approval.isVisible()
    counter.window.sign_out()
    counter.qtbot.waitUntil(lambda: counter.window.order_actions.approval is None, timeout=5_000)
    assert counter.window.page == "sign_in"
    assert counter.read(outbox.pending) == []
