"""Order modifications end to end: each dialog driven with keys and clicks, the one command
it queues, the demo server applying it, and the station's cache catching up; a role
without the right asking a manager; a change made offline; two stations changing one order.

The Orders page (its ``actionRequested``) calls :meth:`OrderActions.start`; these tests
call it directly, as the page does, then work the dialogs it opens.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QSpinBox, QTableView, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_oms.cache import outbox, queries
from desktop_oms.gui.approval import ManagerApprovalDialog
from desktop_oms.gui.orders.action_dialogs import ActionDialog
from desktop_oms.scanner.scan import Scan
from tests.gui.conftest import Counter, LiveDemo
from tests.gui.test_conflicts import go_offline, go_online, staff_command
from tests.sync.faultproxy import FaultProxy

# --- helpers ------------------------------------------------------------------------------


def stocked(counter: Counter, quantity: int, *, elsewhere: bool = False) -> tuple[str, int]:
    """A SKU (and price) AMS1 has ``quantity`` + 2 of; with ``elsewhere``, also a store
    nearby (for moves and replacements)."""

    def find(conn: Any) -> tuple[str, int]:
        own = counter.station.store_id
        rows = conn.exec_driver_sql(
            "SELECT p.sku, p.price_minor FROM v_inventory i JOIN products p ON p.sku = i.sku "
            "WHERE i.store_id = ? AND i.on_hand - i.reserved - i.safety_stock >= ? "
            "AND p.price_minor < 15000 ORDER BY p.sku",
            (own, quantity + 2),
        ).all()
        for sku, price in rows:
            if not elsewhere:
                return sku, price
            others = [
                s
                for s in queries.inventory_for(conn, sku)
                if s.store_id != own and s.available >= quantity + 2
            ]
            if others:
                return sku, price
        raise AssertionError("no stocked SKU in the demo data")

    found: tuple[str, int] = counter.read(find)
    return found


def place(counter: Counter, quantity: int = 3, *, elsewhere: bool = False, price: int = 0) -> str:
    """The web shop places a pickup at AMS1; the number, once the station has it open."""
    sku, unit = stocked(counter, quantity, elsewhere=elsewhere)
    name = "Noor Visser"
    number = counter.demo.place_pickup(sku, price or unit, name=name, quantity=quantity)
    wait_doc(counter, number, lambda d: d["status"] == "open")
    return number


def docs(counter: Counter, number: str) -> list[dict[str, Any]]:
    """The station's confirmed documents of an order."""

    def read(conn: Any) -> list[dict[str, Any]]:
        return [
            json.loads(doc)
            for (doc,) in conn.exec_driver_sql(
                "SELECT doc FROM fulfillments WHERE order_number = ? ORDER BY id", (number,)
            )
        ]

    found: list[dict[str, Any]] = counter.read(read)
    return found


def wait_doc(counter: Counter, number: str, check: Any, timeout: int = 20_000) -> dict[str, Any]:
    """Wait until the station's first document of the order passes ``check``."""
    counter.qtbot.waitUntil(
        lambda: bool(found := docs(counter, number)) and check(found[0]), timeout=timeout
    )
    return docs(counter, number)[0]


def sign_in(counter: Counter, login: str) -> None:
    """Sign ``login`` in and wait for the work area."""
    with counter.qtbot.waitSignal(counter.window.workShown, timeout=10_000):
        counter.sign_in(login)


def start(counter: Counter, action: str, number: str) -> ActionDialog:
    """Ask for ``action`` on ``number`` as the Orders page does; the dialog it opens."""
    actions = counter.window.order_actions
    with counter.qtbot.waitSignal(actions.opened, timeout=10_000) as opened:
        actions.start(action, number)
    dialog = opened.args[0]
    assert isinstance(dialog, ActionDialog) and dialog.isVisible()
    return dialog


def choose(qtbot: QtBot, combo: QComboBox, data: Any) -> None:
    """Pick the entry holding ``data`` with the arrow keys, as staff do."""
    combo.setFocus()
    start = combo.currentIndex()
    target = combo.findData(data)
    assert target >= 0, f"{data!r} not in {combo.objectName()}"
    key = Qt.Key.Key_Down if target > start else Qt.Key.Key_Up
    for _ in range(abs(target - start)):
        qtbot.keyClick(combo, key)
    assert combo.currentData() == data


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace a field's text by typing (select all, then the keys)."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(widget, text)


def set_spin(qtbot: QtBot, spin: QSpinBox, value: int) -> None:
    """Type a number into a spin box."""
    type_into(qtbot, spin, str(value))
    assert spin.value() == value


def click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    """Click a row of a table."""
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def confirm(counter: Counter, dialog: QDialog, action: str, number: str) -> None:
    """Press the dialog's OK button and wait until the change is queued."""
    actions = counter.window.order_actions
    with counter.qtbot.waitSignal(actions.queued, timeout=10_000) as queued:
        counter.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert queued.args == [action, number]


def sent(counter: Counter) -> None:
    """Wait until every queued change reached the server and was confirmed."""
    counter.qtbot.waitUntil(lambda: counter.read(outbox.pending) == [], timeout=20_000)


def order_row(demo: LiveDemo, number: str, columns: str) -> tuple[Any, ...]:
    """Columns of an order at head office."""
    return demo.query(f"SELECT {columns} FROM orders WHERE number = ?", number)[0]


def line_row(demo: LiveDemo, number: str) -> tuple[int, int]:
    """Quantity and cancelled units of the order's line 1 at head office."""
    found = demo.query(
        "SELECT l.quantity, l.cancelled FROM order_lines l JOIN orders o ON o.id = l.order_id "
        "WHERE o.number = ? AND l.line_no = 1",
        number,
    )
    return found[0][0], found[0][1]


def server_statuses(demo: LiveDemo, number: str) -> list[tuple[int, str, str]]:
    """(store id, method, status) of each fulfillment of the order at head office."""
    return [
        (r[0], r[1], r[2])
        for r in demo.query(
            "SELECT f.store_id, f.method, f.status FROM fulfillments f "
            "JOIN orders o ON o.id = f.order_id WHERE o.number = ? ORDER BY f.id",
            number,
        )
    ]


def audit(demo: LiveDemo, number: str, action: str) -> list[tuple[Any, ...]]:
    """The audit rows (staff_id, approved_by, station_id, reason) of an order's action."""
    return demo.query(
        "SELECT staff_id, approved_by, station_id, reason FROM audit "
        "WHERE entity = 'order' AND entity_key = ? AND action = ?",
        number,
        action,
    )


def staff_id(demo: LiveDemo, username: str) -> int:
    """A member of staff's id."""
    return int(demo.query("SELECT id FROM staff WHERE username = ?", username)[0][0])


def badge(demo: LiveDemo, username: str) -> str:
    """The text of a member of staff's badge barcode."""
    return "OMS:S:" + str(
        demo.query("SELECT badge_id FROM staff WHERE username = ?", username)[0][0]
    )


# --- each modification ---------------------------------------------------------------------


def test_change_quantity_lowers_the_line(counter: Counter) -> None:
    """A lead lowers a line from 3 to 1 with a reason: the spin box stops at what is left,
    the server cancels 2 and the station's pickup shows 1."""
    number = place(counter, 3)
    sign_in(counter, "ams1.lead")
    dialog = start(counter, "change_quantity", number)
    spin = dialog.findChild(QSpinBox, "actionQuantity")
    assert (spin.minimum(), spin.maximum()) == (0, 3)
    set_spin(counter.qtbot, spin, 1)
    counter.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text() == "Choose a reason."
    choose(counter.qtbot, dialog.findChild(QComboBox, "actionReason"), "customer_request")
    confirm(counter, dialog, "change_quantity", number)
    sent(counter)
    assert line_row(counter.demo, number) == (3, 2)
    wait_doc(counter, number, lambda d: d["lines"][0]["quantity"] == 1)
    (row,) = audit(counter.demo, number, "change_quantity")
    assert row[0] == staff_id(counter.demo, "ams1.lead") and row[1] is None
    assert row[3] == "customer_request"


def test_cancel_line_releases_it(counter: Counter) -> None:
    """Cancelling the only line ends the pickup at head office and at the station."""
    number = place(counter, 2)
    sign_in(counter, "ams1.lead")
    dialog = start(counter, "cancel_line", number)
    assert "2 not yet picked" in dialog.note.text()
    choose(counter.qtbot, dialog.findChild(QComboBox, "actionReason"), "out_of_stock")
    confirm(counter, dialog, "cancel_line", number)
    sent(counter)
    assert line_row(counter.demo, number) == (2, 2)
    assert [s for _, _, s in server_statuses(counter.demo, number)] == ["cancelled"]
    wait_doc(counter, number, lambda d: d["status"] == "cancelled")


def test_cancel_order_names_what_it_releases(counter: Counter) -> None:
    """The cancel dialog says what goes back; a reason is required; the order ends."""
    number = place(counter, 2)
    sign_in(counter, "ams1.lead")
    dialog = start(counter, "cancel_order", number)
    line = docs(counter, number)[0]["lines"][0]
    assert f"2 × {line['name']} ({line['sku']})" in dialog.note.text()
    assert dialog.ok.text() == f"Cancel order {number}"
    counter.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Choose a reason."
    choose(counter.qtbot, dialog.findChild(QComboBox, "actionReason"), "customer_request")
    counter.qtbot.keyClicks(dialog.note_edit, "Called to cancel")
    confirm(counter, dialog, "cancel_order", number)
    sent(counter)
    assert [s for _, _, s in server_statuses(counter.demo, number)] == ["cancelled"]
    wait_doc(counter, number, lambda d: d["status"] == "cancelled")
    assert audit(counter.demo, number, "cancel_order")[0][3] == "customer_request"


def test_change_pickup_store_lists_nearby_stock(
    counter: Counter, qtmodeltester: ModelTester
) -> None:
    """The store list leaves out the own store and shows each store's stock of the SKU,
    distance and hours; a store short of stock is refused in the dialog; the move reaches
    head office and the station's pickup ends."""
    number = place(counter, 2, elsewhere=True)
    sign_in(counter, "ams1.lead")
    dialog = start(counter, "change_pickup_store", number)
    model = dialog.model  # type: ignore[attr-defined]
    qtmodeltester.check(model)
    own = counter.station.store_id
    assert model.rowCount() > 0 and own not in [c.id for c in model.choices]
    sku = docs(counter, number)[0]["lines"][0]["sku"]
    assert model.headers[3] == sku
    distances = [c.distance_km for c in model.choices]
    assert distances == sorted(distances)
    assert model.index(0, 1).data().endswith(" km")
    good = next(i for i, c in enumerate(model.choices) if c.has_all(model.need))
    short = [i for i, c in enumerate(model.choices) if c.short_of(model.need)]
    if short:
        click_row(counter.qtbot, dialog.table, short[0])  # type: ignore[attr-defined]
        counter.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        assert "does not have enough" in dialog.error.text()
    click_row(counter.qtbot, dialog.table, good)  # type: ignore[attr-defined]
    target = model.choices[good].id
    confirm(counter, dialog, "change_pickup_store", number)
    sent(counter)
    assert order_row(counter.demo, number, "pickup_store_id") == (target,)
    assert server_statuses(counter.demo, number)[0][2] == "cancelled"
    wait_doc(counter, number, lambda d: d["status"] == "cancelled")


def test_release_fraud_hold_needs_a_note(counter: Counter) -> None:
    """A first order above 1000.00 is on fraud review; a manager releases it with a note."""
    number = place(counter, 1, price=120_000)
    assert order_row(counter.demo, number, "fraud_state") == ("review",)
    sign_in(counter, "ams1.manager")
    dialog = start(counter, "release_fraud_hold", number)
    counter.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Write a note: why is the order safe to release?"
    counter.qtbot.keyClicks(dialog.note_edit, "ID checked at the counter")
    confirm(counter, dialog, "release_fraud_hold", number)
    sent(counter)
    assert order_row(counter.demo, number, "fraud_state") == ("released",)
    wait_doc(counter, number, lambda d: d["order"]["fraud_state"] == "released")


def test_actions_that_make_no_sense_say_why(counter: Counter) -> None:
    """No dialog for a hold that is not there or a notice of an order not ready."""
    number = place(counter, 1)
    sign_in(counter, "ams1.manager")
    actions = counter.window.order_actions
    for action, words in (
        ("release_fraud_hold", "is not on fraud review"),
        ("resend_ready_notice", "is not ready for pickup"),
    ):
        with counter.qtbot.waitSignal(actions.message, timeout=5_000) as said:
            actions.start(action, number)
        assert words in said.args[0] and said.args[1] == "warn"
    with counter.qtbot.waitSignal(actions.message, timeout=5_000) as said:
        actions.start("cancel_order", "WEB-0000000")
    assert said.args[0] == "Order WEB-0000000 is not at this station."
    assert actions.dialog is None


def test_edit_contact_validates_and_sends_only_changes(counter: Counter) -> None:
    """An associate edits the e-mail, phone and alternate pickup person; bad input is named
    specifically; only the changed fields are sent; head office and the station have them."""
    number = place(counter, 1)
    sign_in(counter, "ams1.associate")
    dialog = start(counter, "edit_contact", number)
    email, phone = dialog.email, dialog.phone  # type: ignore[attr-defined]
    type_into(counter.qtbot, email, "noor.example.com")
    counter.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "The e-mail address needs an @ (like name@example.com)."
    type_into(counter.qtbot, email, "noor@example")
    counter.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert "domain with a dot" in dialog.error.text()
    type_into(counter.qtbot, email, "noor.visser@example.nl")
    type_into(counter.qtbot, phone, "06 12")
    counter.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "The phone number has 4 digits: it needs at least 8."
    type_into(counter.qtbot, phone, "+31 6 1234 5678")
    counter.qtbot.keyClicks(dialog.alternate, "Sem Visser")  # type: ignore[attr-defined]
    confirm(counter, dialog, "edit_contact", number)
    sent(counter)
    assert order_row(counter.demo, number, "alternate_pickup_name") == ("Sem Visser",)
    email_now = counter.demo.query(
        "SELECT c.email, c.phone FROM customers c JOIN orders o ON o.customer_id = c.id "
        "WHERE o.number = ?",
        number,
    )[0]
    assert email_now == ("noor.visser@example.nl", "+31 6 1234 5678")
    doc = wait_doc(counter, number, lambda d: d["order"]["alternate_pickup_name"] == "Sem Visser")
    assert doc["customer"]["email"] == "noor.visser@example.nl"
    ((_, _, _, _),) = audit(counter.demo, number, "edit_contact")


def test_resend_ready_notice(counter: Counter) -> None:
    """An associate resends the ready notice of a ready pickup: one more notice queued."""
    number = place(counter, 1)
    fid = docs(counter, number)[0]["id"]
    for name, args in (("start_picking", {}), ("mark_ready", {"bin": "Z-08"})):
        staff_command(counter.demo.url, "ams1.associate", "fulfillment", str(fid), name, **args)
    wait_doc(counter, number, lambda d: d["status"] == "ready_for_pickup")

    def notices() -> int:
        return int(
            counter.demo.query(
                "SELECT count(*) FROM notifications n JOIN orders o ON o.id = n.order_id "
                "WHERE o.number = ? AND n.kind = 'ready_for_pickup'",
                number,
            )[0][0]
        )

    before = notices()
    sign_in(counter, "ams1.associate")
    dialog = start(counter, "resend_ready_notice", number)
    assert "@example.com" in dialog.note.text()
    confirm(counter, dialog, "resend_ready_notice", number)
    sent(counter)
    assert notices() == before + 1
    assert len(audit(counter.demo, number, "resend_ready_notice")) == 1


def test_switch_pickup_to_delivery(counter: Counter) -> None:
    """A lead switches a pickup to delivery: the address is checked field by field, then
    head office re-routes the order to ship to it and the pickup here ends."""
    number = place(counter, 1)
    sign_in(counter, "ams1.lead")
    dialog = start(counter, "change_delivery", number)
    assert dialog.to_delivery.isChecked()  # type: ignore[attr-defined]
    fields = dialog.fields  # type: ignore[attr-defined]
    type_into(counter.qtbot, fields["line1"], "Keizersgracht")
    type_into(counter.qtbot, fields["postal_code"], "10163")
    type_into(counter.qtbot, fields["city"], "Amsterdam")
    choose(counter.qtbot, dialog.findChild(QComboBox, "actionReason"), "customer_request")
    counter.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert "The street line needs a house number." in dialog.error.text()
    assert "A postal code in NL is four digits and two letters" in dialog.error.text()
    type_into(counter.qtbot, fields["line1"], "Keizersgracht 100")
    type_into(counter.qtbot, fields["postal_code"], "1015 CV")
    confirm(counter, dialog, "change_delivery", number)
    sent(counter)
    delivery, address = order_row(counter.demo, number, "delivery, shipping_address")
    assert delivery == "delivery" and json.loads(address)["line1"] == "Keizersgracht 100"
    assert server_statuses(counter.demo, number)[0][2] == "cancelled"
    wait_doc(counter, number, lambda d: d["status"] == "cancelled")


def test_replace_damaged_item_from_another_store(
    counter: Counter, qtmodeltester: ModelTester
) -> None:
    """A lead replaces a damaged unit from a nearby store that has it: the list shows each
    location's available units; head office writes the unit off here and sends one from
    there to this store."""
    number = place(counter, 2, elsewhere=True)
    sign_in(counter, "ams1.lead")
    dialog = start(counter, "replace_item", number)
    model = dialog.model  # type: ignore[attr-defined]
    qtmodeltester.check(model)
    own = counter.station.store_id
    assert model.rowCount() > 0 and own not in [c.id for c in model.choices]
    assert all(int(model.index(r, 3).data()) > 0 for r in range(model.rowCount()))
    assert dialog.findChild(QComboBox, "actionReason").currentData() == "damaged"
    click_row(counter.qtbot, dialog.table, 0)  # type: ignore[attr-defined]
    source = model.choices[0].id
    set_spin(counter.qtbot, dialog.quantity, 1)  # type: ignore[attr-defined]
    confirm(counter, dialog, "replace_item", number)
    sent(counter)
    statuses = server_statuses(counter.demo, number)
    assert (source, "ship_to_store", "open") in statuses
    (row,) = audit(counter.demo, number, "replace_item")
    assert row[3] == "damaged"
    wait_doc(counter, number, lambda d: d["lines"][0]["rejected"] == 1)


# --- who may -------------------------------------------------------------------------------


def approval_for(counter: Counter, action: str, number: str) -> ManagerApprovalDialog:
    """An associate fills in ``action`` and presses OK; the approval dialog that opens."""
    dialog = start(counter, action, number)
    choose(counter.qtbot, dialog.findChild(QComboBox, "actionReason"), "customer_request")
    actions = counter.window.order_actions
    with counter.qtbot.waitSignal(actions.opened, timeout=5_000) as opened:
        counter.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    approval = opened.args[0]
    assert isinstance(approval, ManagerApprovalDialog) and approval.isVisible()
    return approval


def try_pin(counter: Counter, approval: ManagerApprovalDialog, login: str, pin: str) -> str:
    """Type a login and PIN into the approval dialog, press Enter; what it says."""
    type_into(counter.qtbot, approval.username, login)
    counter.qtbot.keyClick(approval.username, Qt.Key.Key_Return)
    with counter.qtbot.waitSignal(approval.refused, timeout=10_000) as said:
        counter.qtbot.keyClicks(approval.pin, pin)
        counter.qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    assert approval.error.text() == said.args[0]
    return str(said.args[0])


def test_associate_needs_a_manager_and_cancel_queues_nothing(counter: Counter) -> None:
    """An associate's cancel asks for a manager; a lead's PIN is refused by name, wrong
    PINs are counted down to a lock, a product scan is refused, and Cancel leaves nothing
    queued."""
    number = place(counter, 2)
    sign_in(counter, "ams1.associate")
    approval = approval_for(counter, "cancel_order", number)
    assert approval.headline.text() == (
        "This needs a manager: scan a manager's badge or enter their username and PIN"
    )
    assert "asked by" in approval.what.text() and number in approval.what.text()
    said = try_pin(counter, approval, "ams1.lead", "1234")
    assert said.endswith(" is a lead: only a manager can approve this change.")
    assert try_pin(counter, approval, "ams1.manager", "9999").endswith("2 tries left.")
    assert try_pin(counter, approval, "ams1.manager", "9998").endswith("1 try left.")
    assert try_pin(counter, approval, "ams1.manager", "9997").startswith("Three wrong PINs")
    assert not approval.pin.isEnabled()
    routed = counter.window.scanners.dispatcher.route(Scan.typed(f"OMS:O:{number}"))
    assert not routed.good and "manager's staff badge" in routed.message
    actions = counter.window.order_actions
    with counter.qtbot.waitSignal(actions.message, timeout=5_000) as said_after:
        counter.qtbot.mouseClick(approval.cancel_button, Qt.MouseButton.LeftButton)
    assert said_after.args == ["Cancellation not made: no manager approved it.", "warn"]
    assert counter.read(outbox.pending) == []
    assert not audit(counter.demo, number, "cancel_order")
    assert docs(counter, number)[0]["status"] == "open"


def test_manager_badge_approves_an_associates_change(counter: Counter) -> None:
    """The manager scans their badge at the approval dialog: the associate's change is
    queued with approved_by, and head office's audit names both."""
    number = place(counter, 3)
    sign_in(counter, "ams1.associate")
    approval_for(counter, "change_quantity", number)
    actions = counter.window.order_actions
    manager = staff_id(counter.demo, "ams1.manager")
    associate = staff_id(counter.demo, "ams1.associate")
    with counter.qtbot.waitSignal(actions.queued, timeout=10_000):
        routed = counter.window.scanners.dispatcher.route(
            Scan.typed(badge(counter.demo, "ams1.manager"))
        )
        assert routed.good and routed.target == "Manager approval"
    assert counter.station.session.staff_id == associate  # no user switch
    sent(counter)
    (row,) = audit(counter.demo, number, "change_quantity")
    assert (row[0], row[1]) == (associate, manager)
    assert line_row(counter.demo, number) == (3, 1)


def test_manager_pin_approval_is_recorded_in_the_outbox(counter: Counter) -> None:
    """Username + PIN of the manager approves too; the entry carries both people."""
    number = place(counter, 2)
    sign_in(counter, "ams1.associate")
    counter.station.runner.stop(1.0)  # hold the push: look at the entry first
    approval = approval_for(counter, "cancel_order", number)
    actions = counter.window.order_actions
    type_into(counter.qtbot, approval.username, "ams1.manager")
    counter.qtbot.keyClick(approval.username, Qt.Key.Key_Return)
    with counter.qtbot.waitSignal(actions.queued, timeout=10_000):
        counter.qtbot.keyClicks(approval.pin, "1234")
        counter.qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    (entry,) = counter.read(outbox.pending)
    assert entry.staff_id == staff_id(counter.demo, "ams1.associate")
    assert entry.approved_by == staff_id(counter.demo, "ams1.manager")
    assert entry.base_version == docs(counter, number)[0]["order"]["version"]


# --- offline, and two stations -------------------------------------------------------------


@pytest.fixture
def proxied(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, demo: LiveDemo, tmp_path: Path
) -> Iterator[tuple[Counter, FaultProxy]]:
    """A second counter PC of AMS1 that reaches the demo server through a fault proxy."""
    from desktop_oms.gui.app import make_application
    from desktop_oms.gui.demo import DEMO_PIN, enrol_station
    from desktop_oms.gui.mainwindow import MainWindow
    from desktop_oms.gui.station import Station, StationEvents
    from desktop_oms.gui.tasks import Pool, TaskManager

    make_application(["desktop-oms"])
    port = int(demo.url.rsplit(":", 1)[1])
    proxy = FaultProxy(port)
    enrolment, token = enrol_station(demo.url, tmp_path / "second")
    enrolment = dataclasses.replace(enrolment, server_url=proxy.url)
    station = Station(
        enrolment, token, demo_pin=DEMO_PIN, feed_wait=1.0, timeout=5.0, retry_interval=0.5
    )
    window = MainWindow(idle_minutes=5.0)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    pool = Pool()
    events = StationEvents(station)
    tasks = TaskManager(station.cache, pool)
    window.attach(station, events, tasks)
    station.first_sync()
    station.start_sync()
    window.show()
    window.show_sign_in()
    try:
        yield Counter(station, events, tasks, pool, window, demo, qtbot), proxy
    finally:
        window.close()
        station.close()
        tasks.shutdown()
        pool.shutdown()
        events.deleteLater()
        pool.deleteLater()
        proxy.close()


def test_change_made_offline_waits_and_is_resolved_later(
    proxied: tuple[Counter, FaultProxy],
) -> None:
    """Offline, a lead moves a pickup to another store: the server must decide, so it is
    queued and shown as waiting; back online head office applies it and the station
    shows the outcome (its pickup ended, nothing waiting)."""
    station, proxy = proxied
    number = place(station, 2, elsewhere=True)
    sign_in(station, "ams1.lead")
    go_offline(station, proxy)
    station.window.show_page("orders")
    page = station.window.orders
    with station.qtbot.waitSignal(page.orderOpened, timeout=10_000):
        page.open_order(number)
    dialog = start(station, "change_pickup_store", number)
    model = dialog.model  # type: ignore[attr-defined]
    good = next(i for i, c in enumerate(model.choices) if c.has_all(model.need))
    click_row(station.qtbot, dialog.table, good)  # type: ignore[attr-defined]
    target = model.choices[good].id
    actions = station.window.order_actions
    with (
        station.qtbot.waitSignal(actions.message, timeout=10_000) as said,
        station.qtbot.waitSignal(page.orderOpened, timeout=10_000),  # the page reads it again
    ):
        confirm(station, dialog, "change_pickup_store", number)
    assert said.args[0].endswith("queued, it is sent when the network is back.")
    assert page.detail.pending_chip.isVisible()
    assert page.detail.pending_chip.text() == "1 change waiting to send"
    status = station.window.status
    station.qtbot.waitUntil(
        lambda: status.pending.text() == "1 change waiting to send", timeout=10_000
    )
    detail = station.read(lambda conn: queries.order_detail(conn, number))
    assert [c.name for c in detail.commands] == ["change_pickup_store"]
    assert order_row(station.demo, number, "pickup_store_id") == (station.station.store_id,)

    go_online(proxy)
    sent(station)
    assert order_row(station.demo, number, "pickup_store_id") == (target,)
    wait_doc(station, number, lambda d: d["status"] == "cancelled")
    station.qtbot.waitUntil(lambda: status.pending.text() == "All changes sent", timeout=15_000)
    assert station.read(queries.conflicts) == []
    with station.qtbot.waitSignal(page.orderOpened, timeout=10_000):
        page.reload()
    assert not page.detail.pending_chip.isVisible()  # the outcome, nothing waiting


def test_the_same_order_changed_at_two_stations(
    counter: Counter, proxied: tuple[Counter, FaultProxy]
) -> None:
    """Two counters lower the same line; the second, offline meanwhile, is refused as a
    stale version: its conflict inbox has the refusal with the order as it is now."""
    second, proxy = proxied
    number = place(counter, 3)
    wait_doc(second, number, lambda d: d["status"] == "open")
    sign_in(counter, "ams1.lead")
    sign_in(second, "ams1.lead")
    go_offline(second, proxy)

    first_dialog = start(counter, "change_quantity", number)
    set_spin(counter.qtbot, first_dialog.quantity, 2)  # type: ignore[attr-defined]
    choose(counter.qtbot, first_dialog.findChild(QComboBox, "actionReason"), "customer_request")
    confirm(counter, first_dialog, "change_quantity", number)
    sent(counter)
    assert line_row(counter.demo, number) == (3, 1)

    second_dialog = start(second, "change_quantity", number)
    set_spin(second.qtbot, second_dialog.quantity, 1)  # type: ignore[attr-defined]
    choose(second.qtbot, second_dialog.findChild(QComboBox, "actionReason"), "duplicate")
    confirm(second, second_dialog, "change_quantity", number)
    go_online(proxy)
    second.qtbot.waitUntil(lambda: second.read(queries.conflicts) != [], timeout=30_000)
    (conflict,) = second.read(queries.conflicts)
    assert conflict.code == "stale_version"
    assert (
        conflict.command["name"] == "change_quantity" and conflict.command["target_key"] == number
    )
    now = [c["data"] for c in conflict.current if c.get("kind") == "fulfillment"]
    assert now and now[0]["lines"][0]["quantity"] == 2  # the order as head office has it
    assert line_row(counter.demo, number) == (3, 1)  # the first change stands
    view = second.window.conflicts
    second.window.show_conflicts()
    second.qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    entry = view.model.entry_at(0)
    assert entry.order_number == number and entry.code == "stale_version"
    assert entry.why.headline
    wait_doc(second, number, lambda d: d["lines"][0]["quantity"] == 2)


def test_the_orders_page_button_opens_the_change(counter: Counter) -> None:
    """On the Orders page, the order's "cancel" button opens the cancel dialog; once queued
    the page reads the order again (showing the change as waiting or done)."""
    number = place(counter, 1)
    sign_in(counter, "ams1.lead")
    counter.window.show_page("orders")
    page = counter.window.orders
    with counter.qtbot.waitSignal(page.orderOpened, timeout=10_000):
        page.open_order(number)
    button = page.detail.buttons["cancel_order"]
    counter.qtbot.waitUntil(button.isEnabled, timeout=10_000)
    actions = counter.window.order_actions
    with counter.qtbot.waitSignal(actions.opened, timeout=10_000) as opened:
        counter.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    choose(counter.qtbot, dialog.findChild(QComboBox, "actionReason"), "customer_request")
    with counter.qtbot.waitSignal(page.orderOpened, timeout=10_000):
        confirm(counter, dialog, "cancel_order", number)
    sent(counter)
    assert [s for _, _, s in server_statuses(counter.demo, number)] == ["cancelled"]
