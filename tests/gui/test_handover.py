"""Handing a pickup over at the counter: verification, refused items, undo, and the server."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt

from desktop_oms.cache import outbox
from tests.gui.conftest import Counter
from tests.gui.test_pickups import scan


def ready_pickup(counter: Counter, *, units: int = 1) -> dict[str, Any]:
    """The document of a ready pickup here with at least ``units`` units to hand over."""

    def find(conn: Any) -> list[dict[str, Any]]:
        rows = conn.exec_driver_sql(
            "SELECT doc FROM v_fulfillments WHERE pickup_store_id = ? "
            "AND status = 'ready_for_pickup' ORDER BY id",
            (counter.station.store_id,),
        )
        return [json.loads(doc) for (doc,) in rows]

    for doc in counter.read(find):
        left = sum(ln["quantity"] - ln["rejected"] - ln["refused"] for ln in doc["lines"])
        if left >= units and doc["order"]["fraud_state"] != "review":
            return doc
    raise AssertionError(f"no ready pickup with {units} units left at AMS1")


def server_state(counter: Counter, fulfillment_id: int) -> tuple[str, int]:
    """Status and units refused of a fulfillment, as the server has them."""
    rows = counter.demo.query(
        "SELECT f.status, coalesce(sum(l.refused), 0) FROM fulfillments f "
        "JOIN fulfillment_lines l ON l.fulfillment_id = f.id WHERE f.id = ? GROUP BY f.id",
        fulfillment_id,
    )
    return str(rows[0][0]), int(rows[0][1])


def open_handover(counter: Counter, code: str) -> Any:
    """Scan an order code, then press "Hand over…" in its panel; the dialog."""
    view = counter.pickups
    with counter.qtbot.waitSignal(view.orderOpened, timeout=10_000):
        scan(counter, code)
    counter.qtbot.waitUntil(view.detail.hand_over_button.isEnabled, timeout=10_000)
    counter.qtbot.mouseClick(view.detail.hand_over_button, Qt.MouseButton.LeftButton)
    counter.qtbot.waitUntil(
        lambda: view.handover_dialog is not None and view.handover_dialog.isVisible()
    )
    return view.handover_dialog


def test_hand_over_with_pickup_code_and_a_refused_item(counter: Counter) -> None:
    """A wrong code is refused at the counter; the right code, with one unit refused,
    hands the order over: it is in the outbox at once, held for the undo window, then
    pushed, and the server has it handed over with the refusal; the queue moves it to
    "Handed over today"."""
    counter.signed_in()
    view = counter.pickups
    view.undo_ms = 300
    doc = ready_pickup(counter, units=2)
    number, fid = doc["order_number"], doc["id"]
    dialog = open_handover(counter, f"OMS:O:{number}")

    wrong = f"{(int(doc['pickup_code']) + 1) % 1_000_000:06d}"
    counter.qtbot.keyClicks(dialog.code, wrong)
    counter.qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "does not match" in dialog.error.text()

    dialog.code.clear()
    counter.qtbot.keyClicks(dialog.code, doc["pickup_code"])
    line = next(r for r in dialog.lines if r.left >= 1)
    counter.qtbot.mouseClick(line.refused.plus, Qt.MouseButton.LeftButton)
    assert line.refused.value() == 1 and line.reason.isEnabled()
    refusal = {"line_no": line.line_no, "quantity": 1, "reason": line.reason.currentData()}
    units = dialog.units()
    assert dialog.confirm.text() == f"Hand over {units} item{'s' if units != 1 else ''}"
    with counter.qtbot.waitSignal(view.handedOver, timeout=10_000) as handed:
        counter.qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert handed.args[0].args["refused"] == [refusal]
    (held,) = counter.read(outbox.pending)  # on disk at once: a crash now loses nothing
    assert (held.name, held.target_key, held.state) == ("hand_over", str(fid), "held")
    assert held.args["refused"] == [refusal]
    assert counter.window.toast.isVisible()
    assert counter.window.toast.button.text() == "Undo"
    counter.qtbot.waitUntil(
        lambda: server_state(counter, fid) == ("handed_over", 1), timeout=15_000
    )
    counter.qtbot.waitUntil(lambda: number not in view.visible_orders(), timeout=10_000)
    counter.qtbot.waitUntil(lambda: view.counts()["handed_over_today"] >= 1, timeout=10_000)
    counter.qtbot.waitUntil(lambda: counter.read(outbox.pending) == [], timeout=10_000)


def test_undo_keeps_the_order_ready(counter: Counter) -> None:
    """An ID-check handover undone within its window never leaves the station: it was in
    the outbox, held, and Undo takes it and its predicted effect back out."""
    counter.signed_in()
    view = counter.pickups
    view.undo_ms = 10_000
    doc = ready_pickup(counter)
    dialog = open_handover(counter, f"OMS:O:{doc['order_number']}:{doc['pickup_code']}")
    assert dialog.code.isReadOnly() and dialog.code.text() == doc["pickup_code"]
    counter.qtbot.mouseClick(dialog.by_id, Qt.MouseButton.LeftButton)
    counter.qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "last digits" in dialog.error.text()
    counter.qtbot.keyClicks(dialog.id_digits, "x7k9")
    with counter.qtbot.waitSignal(view.handedOver, timeout=10_000):
        counter.qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    toast = counter.window.toast
    assert toast.isVisible() and toast.button.text() == "Undo"
    (held,) = counter.read(outbox.pending)
    assert (held.name, held.state) == ("hand_over", "held")
    assert held.args["verification"]["id_last_digits"] == "X7K9"
    counter.qtbot.waitUntil(lambda: doc["order_number"] not in view.visible_orders())
    with counter.qtbot.waitSignal(view.message, timeout=5_000) as undone:
        counter.qtbot.mouseClick(toast.button, Qt.MouseButton.LeftButton)
    assert "undone" in undone.args[0]
    assert counter.read(outbox.pending) == []
    assert (
        counter.read(
            lambda conn: conn.exec_driver_sql("SELECT count(*) FROM pending_fulfillments").scalar()
        )
        == 0
    )
    assert server_state(counter, doc["id"])[0] == "ready_for_pickup"
    counter.qtbot.waitUntil(view.detail.hand_over_button.isEnabled, timeout=5_000)
    counter.qtbot.waitUntil(lambda: doc["order_number"] in view.visible_orders(), timeout=5_000)
    assert counter.window.status.pending.text() == "All changes sent"
