"""The conflict inbox: refused commands in counter words, acknowledge, retry, and the model.

The live tests put a fault-injecting proxy between the station and the demo server, so
the station can be taken offline (every request answered 503) while head office changes
an order, and brought back to push what it queued meanwhile.
"""

from __future__ import annotations

import asyncio
import dataclasses
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_oms.cache import outbox
from desktop_oms.domain.commands import CommandName, TargetKind
from desktop_oms.domain.roles import Role
from desktop_oms.gui.conflicts.explain import (
    Explanation,
    LineNow,
    OrderNow,
    RetryCheck,
    describe,
    explain,
    retry_check,
)
from desktop_oms.gui.conflicts.inbox import InboxEntry
from desktop_oms.gui.conflicts.model import ID_ROLE, Column, ConflictInboxModel
from desktop_oms.gui.navbadge import BADGE_ROLE, badge_text
from tests.gui.conftest import Counter, LiveDemo
from tests.gui.test_handover import open_handover
from tests.sync.faultproxy import Fault, FaultProxy

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
CANCELLED_SENTENCE = "The order was cancelled at head office before your handover reached it."
CANCELLED_NEXT = (
    "Don't hand the goods over; if the customer already has them, call customer service."
)


# --- the words ----------------------------------------------------------------------------


def fulfillment(status: str, *, units: int = 2, version: int = 4, bin_: str = "C-23") -> OrderNow:
    """A pickup as the server has it now, with one line of ``units``."""
    line = LineNow(1, "AP-000123", "Stretch Blazer", units, units, 0, 0)
    return OrderNow(
        kind="fulfillment",
        key="17",
        order_number="WEB-1000042",
        method="store_pickup",
        status=status,
        bin=bin_,
        version=version,
        order_version=3,
        fraud_state="clear",
        lines=(line,),
    )


def hand_over(**args: Any) -> dict[str, Any]:
    """A stored hand_over command on fulfillment 17."""
    return {
        "seq": 3,
        "name": "hand_over",
        "target_kind": "fulfillment",
        "target_key": "17",
        "base_version": 3,
        "staff_id": 5,
        "args": {"verification": {"method": "pickup_code", "pickup_code": "123456"}, **args},
    }


def test_what_was_done_in_plain_words() -> None:
    """Commands read as staff would say them, with the order number and item counts."""
    now = fulfillment("cancelled")
    assert describe(hand_over(), now) == "Hand over WEB-1000042 (2 items)"
    refused = hand_over(refused=[{"line_no": 1, "quantity": 1, "reason": "damaged"}])
    assert describe(refused, now) == "Hand over WEB-1000042 (1 item, 1 refused)"
    ready = {"name": "mark_ready", "target_kind": "fulfillment", "target_key": "17"}
    assert describe({**ready, "args": {"bin": "D-05"}}, now) == "Mark WEB-1000042 ready in bin D-05"
    assert describe({**ready, "name": "start_picking", "args": {}}, None) == (
        "Start picking fulfillment 17"
    )
    stock = {"name": "adjust_inventory", "target_kind": "inventory", "target_key": "1:AP-1"}
    assert describe({**stock, "args": {"mode": "delta", "quantity": -2}}, None) == (
        "Correct stock of AP-1 by -2"
    )
    order = {"target_kind": "order", "target_key": "WEB-7"}
    moved = {"method": "delivery", "address": {"line1": "Dam 1", "city": "Amsterdam"}}
    assert describe({**order, "name": "change_delivery", "args": moved}, None) == (
        "Deliver WEB-7 to Dam 1, Amsterdam instead"
    )
    assert describe({**order, "name": "change_delivery", "args": {"method": "pickup"}}, None) == (
        "Switch WEB-7 to pickup in a store"
    )
    replaced = {"line_no": 2, "quantity": 1, "source_store_id": 3, "reason": "damaged"}
    assert describe({**order, "name": "replace_item", "args": replaced}, None) == (
        "Replace 1 × line 2 of WEB-7 from another store"
    )
    contact = {"phone": "+31 6 1", "alternate_pickup_name": "Piet"}
    assert describe({**order, "name": "edit_contact", "args": contact}, None) == (
        "Change the phone and alternate pickup person of WEB-7"
    )
    assert describe({**order, "name": "resend_ready_notice", "args": {}}, None) == (
        "Send the ready-for-pickup message of WEB-7 again"
    )


def test_why_a_handover_was_refused_depends_on_the_order_now() -> None:
    """The server refuses a handover of a changed order as a stale version; what the clerk
    reads depends on what happened to the order."""
    cancelled = explain(
        hand_over(), "stale_version", "fulfillment 17 changed", fulfillment("cancelled")
    )
    assert cancelled == Explanation("Order cancelled", CANCELLED_SENTENCE, CANCELLED_NEXT)
    collected = explain(hand_over(), "stale_version", "", fulfillment("handed_over"))
    assert collected.headline == "Already collected"
    changed = explain(hand_over(), "stale_version", "", fulfillment("ready_for_pickup"))
    assert "retry the handover" in changed.next_step
    wrong = explain(hand_over(), "verification_failed", "code", fulfillment("ready_for_pickup"))
    assert "pickup code" in wrong.sentence and "again" in wrong.next_step
    other = explain({"name": "start_picking"}, "permission_denied", "a nobody may not.", None)
    assert other.headline == "Not allowed" and "a nobody may not" in other.sentence


def test_retry_only_when_the_status_machine_allows_it() -> None:
    """Retry is offered for a changed but still ready order (against its new version), not
    for a cancelled one, a wrong code, a role that may not, or a change still in flight."""
    ready = fulfillment("ready_for_pickup", version=7)
    assert retry_check(hand_over(), "stale_version", [ready], Role.ASSOCIATE) == RetryCheck(
        True, "Sends the hand over again against the order as it is now.", 7
    )
    gone = retry_check(hand_over(), "stale_version", [fulfillment("cancelled")], Role.ASSOCIATE)
    assert not gone.allowed and gone.why == "The order is cancelled now: it cannot be handed over."
    assert not retry_check(hand_over(), "verification_failed", [ready], Role.ASSOCIATE).allowed
    assert not retry_check(hand_over(), "stale_version", [ready], None).allowed
    assert not retry_check(hand_over(), "stale_version", [ready], Role.CUSTOMER_SERVICE).allowed
    busy = dataclasses.replace(ready, pending=True)
    assert "still being sent" in retry_check(hand_over(), "stale_version", [busy], Role.LEAD).why
    assert not retry_check(hand_over(), "stale_version", [], Role.LEAD).allowed
    seen = retry_check(hand_over(), "stale_version", [ready], Role.LEAD, acknowledged=True)
    assert not seen.allowed


def test_a_refused_count_is_not_retried_a_refused_correction_is() -> None:
    """A count holds for the moment it was taken (the server applies it against the
    movements since): re-sent later against the current version it would overwrite them,
    so Retry is not offered; a delta correction is re-sent against the stock as it is."""
    stock = OrderNow("inventory", "1:AP-1", None, None, None, None, 9, None, None, (), 4)
    command = {"name": "adjust_inventory", "target_kind": "inventory", "target_key": "1:AP-1"}
    count = {**command, "args": {"mode": "count", "quantity": 0, "reason": "cycle_count"}}
    refused = retry_check(count, "insufficient_stock", [stock], Role.MANAGER)
    assert not refused.allowed and "count the item again" in refused.why
    delta = {**command, "args": {"mode": "delta", "quantity": -1, "reason": "damaged"}}
    assert retry_check(delta, "stale_version", [stock], Role.MANAGER) == RetryCheck(
        True, "Sends the stock correction again.", 9
    )


def test_nav_badge_text() -> None:
    """The rail's count: nothing for none, the number, then 99+."""
    assert (badge_text(0), badge_text(7), badge_text(120)) == ("", "7", "99+")


# --- the model ----------------------------------------------------------------------------


def make_entry(n: int, *, acknowledged: bool = False, status: str = "cancelled") -> InboxEntry:
    """An inbox entry for conflict ``n``."""
    now = fulfillment(status)
    command = hand_over()
    return InboxEntry(
        id=n,
        command=command,
        what=describe(command, now),
        order_number=now.order_number,
        staff_name=f"Clerk {n}",
        issued_at=(NOW - timedelta(minutes=n)).isoformat(),
        refused_at=(NOW - timedelta(minutes=n) + timedelta(seconds=5)).isoformat(),
        acknowledged_at=NOW.isoformat() if acknowledged else None,
        code="stale_version",
        message="changed meanwhile",
        why=explain(command, "stale_version", "", now),
        now=now,
        retry=retry_check(command, "stale_version", [now], Role.ASSOCIATE),
    )


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
def test_model_passes_the_model_tester_through_live_updates(
    qapp: object, qtmodeltester: ModelTester, force_py: bool
) -> None:
    """Qt's model tester stays attached while conflicts arrive and leave; the selected one
    stays selected."""
    model = ConflictInboxModel()
    model.reset([make_entry(n) for n in range(12, 0, -1)], NOW)
    qtmodeltester.check(model, force_py=force_py)
    selection = QItemSelectionModel(model)
    selection.setCurrentIndex(
        model.index(4, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    chosen = model.entry_at(4).id
    rng = random.Random(4)
    entries = model.entries
    next_id = 13
    for _ in range(30):
        entries = [e for e in entries if e.id == chosen or rng.random() > 0.2]
        for _ in range(rng.randrange(3)):
            entries.insert(0, make_entry(next_id))
            next_id += 1
        entries = [
            dataclasses.replace(e, staff_name="Someone else") if rng.random() < 0.1 else e
            for e in entries
        ]
        model.update(entries, NOW)
        assert model.entries == entries
        assert [i.data(ID_ROLE) for i in selection.selectedRows()] == [chosen]
    model.reset([make_entry(1, acknowledged=True)], NOW)
    assert model.index(0, Column.WHY).data() == "Order cancelled"
    assert model.index(0, Column.WHAT).data() == "Hand over WEB-1000042 (2 items)"
    model.tick(NOW + timedelta(days=1))
    model.update([], NOW)
    assert model.rowCount() == 0


# --- live: a station behind a proxy that can take it offline --------------------------------


@pytest.fixture
def proxied(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, demo: LiveDemo, tmp_path: Path
) -> Iterator[tuple[Counter, FaultProxy]]:
    """A counter PC of AMS1 that reaches the demo server through a fault proxy."""
    from desktop_oms.gui.app import make_application
    from desktop_oms.gui.demo import DEMO_PIN, enrol_station
    from desktop_oms.gui.mainwindow import MainWindow
    from desktop_oms.gui.station import Station, StationEvents
    from desktop_oms.gui.tasks import Pool, TaskManager

    make_application(["desktop-oms"])
    port = int(demo.url.rsplit(":", 1)[1])
    proxy = FaultProxy(port)
    enrolment, token = enrol_station(demo.url, tmp_path / "station")
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


def sign_in(counter: Counter) -> None:
    """The clerk signs in (sync may refresh the queue meanwhile: wait for the work area)."""
    with counter.qtbot.waitSignal(counter.window.workShown, timeout=10_000):
        counter.sign_in()


def go_offline(counter: Counter, proxy: FaultProxy) -> None:
    """Every request of the station fails (503) until :func:`go_online`; wait until the
    station says it is offline, so no feed page is on its way any more."""
    proxy.add("/", Fault.status(503), times=1_000_000)
    status = counter.window.status
    counter.qtbot.waitUntil(lambda: status.link.property("state") == "offline", timeout=15_000)


def go_online(proxy: FaultProxy) -> None:
    """Let the station's requests through again."""
    proxy.clear()


def staff_token(url: str, username: str) -> str:
    """Sign a member of staff in online (customer service at head office, a clerk)."""
    answer = requests.post(
        f"{url}/api/v1/auth/sign-in", json={"username": username, "pin": "1234"}, timeout=10
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["token"])


def staff_command(url: str, username: str, kind: str, key: str, name: str, **args: Any) -> None:
    """Run a command online at head office as ``username``."""
    done = requests.post(
        f"{url}/api/v1/commands",
        json={"name": name, "target_kind": kind, "target_key": key, "args": args},
        headers={"Authorization": f"Bearer {staff_token(url, username)}"},
        timeout=10,
    )
    assert done.status_code == 200, done.text


def place_order(counter: Counter, quantity: int) -> str:
    """The web shop places a pickup at AMS1 of ``quantity`` units of one stocked SKU."""

    def stocked(conn: Any) -> tuple[str, int]:
        return tuple(
            conn.exec_driver_sql(
                "SELECT p.sku, p.price_minor FROM v_inventory i JOIN products p ON p.sku = i.sku "
                "WHERE i.store_id = ? AND i.on_hand - i.reserved - i.safety_stock >= ? "
                "AND p.price_minor < 15000 ORDER BY p.sku DESC LIMIT 1",
                (counter.station.store_id, quantity + 2),
            ).one()
        )

    sku, price = counter.read(stocked)
    return counter.demo.place_pickup(sku, price, name="Noor Visser", quantity=quantity)


def at_station(counter: Counter, number: str) -> dict[str, Any] | None:
    """The station's (confirmed) document of the order's pickup here, once synced."""
    import json

    def read(conn: Any) -> list[str]:
        return [
            doc
            for (doc,) in conn.exec_driver_sql(
                "SELECT doc FROM fulfillments WHERE order_number = ? AND pickup_store_id = ?",
                (number, counter.station.store_id),
            )
        ]

    docs = counter.read(read)
    return json.loads(docs[0]) if docs else None


def wait_at_station(counter: Counter, number: str, status: str) -> dict[str, Any]:
    """Wait until the station has the order's pickup in ``status``; its document."""
    counter.qtbot.waitUntil(
        lambda: (doc := at_station(counter, number)) is not None and doc["status"] == status,
        timeout=15_000,
    )
    found = at_station(counter, number)
    assert found is not None
    return found


def server_status(demo: LiveDemo, fid: int) -> str:
    """A fulfillment's status at head office."""
    return str(demo.query("SELECT status FROM fulfillments WHERE id = ?", fid)[0][0])


def open_inbox_from_status_bar(counter: Counter) -> Any:
    """Click the status bar's conflict badge; the inbox page, shown."""
    status, view = counter.window.status, counter.window.conflicts
    counter.qtbot.waitUntil(status.conflicts.isVisible, timeout=20_000)
    counter.qtbot.mouseClick(status.conflicts, Qt.MouseButton.LeftButton)
    assert counter.window.ui.workStack.currentWidget() is view
    counter.qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    return view


def test_a_handover_of_an_order_cancelled_meanwhile_lands_in_the_inbox(
    proxied: tuple[Counter, FaultProxy], qtmodeltester: ModelTester
) -> None:
    """The counter hands over an order while offline; head office cancelled it meanwhile.
    Back online the server refuses the handover: the inbox says so in counter words, with
    who did it and the order as head office has it now; Retry is refused by the status
    machine; A acknowledges it, the badges count down and the Acknowledged list keeps it."""
    counter, proxy = proxied
    number = place_order(counter, quantity=2)
    doc = wait_at_station(counter, number, "open")
    fid = doc["id"]
    clerk = "ams1.associate"
    staff_command(counter.demo.url, clerk, "fulfillment", str(fid), "start_picking")
    staff_command(counter.demo.url, clerk, "fulfillment", str(fid), "mark_ready", bin="Z-07")
    doc = wait_at_station(counter, number, "ready_for_pickup")
    sign_in(counter)
    window, view = counter.window, counter.window.conflicts
    assert window.conflicts_item.text() == "Conflicts"
    assert not window.conflicts_item.data(BADGE_ROLE)
    counter.pickups.undo_ms = 100

    go_offline(counter, proxy)
    staff_command(
        counter.demo.url, "service1", "fulfillment", str(fid), "cancel", reason="customer_request"
    )
    assert server_status(counter.demo, fid) == "cancelled"
    dialog = open_handover(counter, f"OMS:O:{number}:{doc['pickup_code']}")
    with counter.qtbot.waitSignal(counter.pickups.handedOver, timeout=10_000):
        counter.qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    counter.qtbot.waitUntil(lambda: len(counter.read(outbox.pending)) == 1, timeout=5_000)
    assert not window.status.conflicts.isVisible()

    go_online(proxy)
    view = open_inbox_from_status_bar(counter)
    assert window.status.conflicts.text() == "1 refused change"
    assert window.conflicts_item.data(BADGE_ROLE) == 1
    assert counter.read(outbox.pending) == []
    qtmodeltester.check(view.model)
    found = view.model.entry_at(0)
    assert view.model.rowCount() == 1 and view.counts() == {"open": 1, "acknowledged": 0}
    assert found.what == f"Hand over {number} (2 items)"
    assert view.model.index(0, Column.WHY).data() == "Order cancelled"
    assert view.model.index(0, Column.BY).data() == counter.station.session.display_name
    assert view.model.index(0, Column.WHEN).data().startswith("Today ")

    counter.qtbot.mouseClick(
        view.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.table.visualRect(view.model.index(0, Column.WHAT)).center(),
    )
    detail = view.detail
    assert detail.isVisible() and detail.entry is not None and detail.entry.id == found.id
    assert detail.sentence.text() == CANCELLED_SENTENCE
    assert CANCELLED_NEXT in detail.next_step.text().replace("&#x27;", "'")
    assert detail.status_chip.text() == "Cancelled" and detail.bin.text() == "Z-07"
    assert doc["lines"][0]["name"] in detail.items.text()
    assert counter.station.session.display_name in detail.subtitle.text()
    assert "stale_version" in detail.server_said.text()
    assert not detail.retry_button.isEnabled()
    assert detail.retry_why.text() == "The order is cancelled now: it cannot be handed over."

    with counter.qtbot.waitSignal(view.message, timeout=5_000) as said:
        counter.qtbot.keyClick(view.table, Qt.Key.Key_R)
    assert said.args == ["Cannot retry: " + detail.retry_why.text(), "warn"]
    with counter.qtbot.waitSignal(view.acknowledged, timeout=5_000):
        counter.qtbot.keyClick(view.table, Qt.Key.Key_A)
    counter.qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=5_000)
    assert view.stack.currentWidget() is view.empty and not detail.isVisible()
    assert view.empty_text.text() == "No conflicts — everything you did has been accepted"
    assert view.counts() == {"open": 0, "acknowledged": 1}
    counter.qtbot.waitUntil(lambda: not window.status.conflicts.isVisible(), timeout=10_000)
    assert not window.conflicts_item.data(BADGE_ROLE)

    with counter.qtbot.waitSignal(view.refreshed, timeout=5_000):
        counter.qtbot.mouseClick(view.filter_buttons["acknowledged"], Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 1
    old = view.model.entry_at(0)
    assert old.id == found.id and old.acknowledged_at is not None
    view.open_entry(0)
    assert detail.chip.text() == "Acknowledged" and not detail.ack_button.isVisible()
    assert server_status(counter.demo, fid) == "cancelled"


def test_retry_of_a_change_overtaken_by_head_office_succeeds(
    proxied: tuple[Counter, FaultProxy],
) -> None:
    """Offline, the back room starts picking an order whose quantity customer service
    lowered meanwhile: the server refuses it as a stale version. The status machine still
    allows picking, so Retry (the R key, after Enter opened it) queues it again against
    the current version, and head office accepts it. The inbox, open meanwhile, shows the
    refusal as soon as sync brings it."""
    counter, proxy = proxied
    number = place_order(counter, quantity=3)
    doc = wait_at_station(counter, number, "open")
    fid, base = doc["id"], doc["version"]
    sign_in(counter)
    go_offline(counter, proxy)
    staff_command(
        counter.demo.url,
        "service1",
        "order",
        number,
        "change_quantity",
        line_no=doc["lines"][0]["line_no"],
        quantity=2,
        reason="customer_request",
    )
    session = counter.station.session
    queued = counter.tasks.write(
        lambda conn: outbox.enqueue(
            conn,
            name=CommandName.START_PICKING,
            target_kind=TargetKind.FULFILLMENT,
            target_key=str(fid),
            base_version=base,
            staff_id=session.staff_id,
            approved_by=None,
            args={},
            now=datetime.now(UTC),
        )
    )
    counter.qtbot.waitUntil(queued.done, timeout=5_000)
    counter.station.kick()
    counter.events.changed()

    window, view = counter.window, counter.window.conflicts
    rail = window.ui.navRail
    with counter.qtbot.waitSignal(view.refreshed, timeout=5_000):
        counter.qtbot.mouseClick(
            rail.viewport(),
            Qt.MouseButton.LeftButton,
            pos=rail.visualItemRect(window.conflicts_item).center(),
        )
    assert window.ui.workStack.currentWidget() is view
    assert view.stack.currentWidget() is view.empty and view.model.rowCount() == 0

    go_online(proxy)  # the inbox is on screen: the refusal shows up in it by itself
    counter.qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=20_000)
    assert window.focusWidget() is view.table  # the keys below work without a click
    counter.qtbot.waitUntil(lambda: window.conflicts_item.data(BADGE_ROLE) == 1, timeout=10_000)
    found = view.model.entry_at(0)
    assert found.what == f"Start picking {number}" and found.code == "stale_version"
    assert found.why.headline == "Changed meanwhile"
    assert found.now is not None and found.now.status == "open" and found.now.units == 2
    assert found.retry.allowed and found.retry.base_version == found.now.version > base

    counter.qtbot.keyClick(view.table, Qt.Key.Key_Down)
    counter.qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.detail.isVisible() and view.detail.retry_button.isEnabled()
    with counter.qtbot.waitSignal(view.retried, timeout=5_000):
        counter.qtbot.keyClick(view.table, Qt.Key.Key_R)
    counter.qtbot.waitUntil(lambda: server_status(counter.demo, fid) == "picking", timeout=20_000)
    counter.qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=10_000)
    assert view.counts() == {"open": 0, "acknowledged": 1}
    wait_at_station(counter, number, "picking")
    counter.qtbot.waitUntil(lambda: counter.read(outbox.pending) == [], timeout=10_000)
    counter.qtbot.waitUntil(lambda: not window.conflicts_item.data(BADGE_ROLE), timeout=10_000)
