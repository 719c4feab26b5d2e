"""Picking in the back room: a batch pick list walked with scans, refused scans, counting
by hand, a reject re-routed at the server, and the item model.

The walks run in a real station against the session's demo server: orders are placed
through the web shop's API, synced to the station, and the pick view is shown on the
work page, where the window's scan router sends it the scans.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desktop_oms.cache import outbox, queries
from desktop_oms.cache.queries import PickItem, PickList, PickNeed, PickOrder
from desktop_oms.domain.identifiers import GS
from desktop_oms.gui import printing
from desktop_oms.gui.fulfil import picklist_print
from desktop_oms.gui.fulfil.picking import PickResult, PickView
from desktop_oms.gui.fulfil.picking_model import Column, OverPick, PickListModel, PickProgress
from desktop_oms.scanner.router import RouteResult
from desktop_oms.scanner.scan import Scan
from tests.gui.conftest import Counter
from tests.scanner.test_qtwedge import type_keys


def stocked(counter: Counter, count: int, *, units: int = 4) -> list[tuple[str, int, str]]:
    """``count`` SKUs with ``units`` available at AMS1 and at another store, a GTIN-13 each:
    ``(sku, price, gtin13)``, picked at random so tests do not drain one product."""

    def read(conn: Any) -> list[tuple[str, int, str]]:
        rows = conn.exec_driver_sql(
            "SELECT p.sku, p.price_minor, min(d.value) FROM v_inventory i "
            "JOIN products p ON p.sku = i.sku JOIN identifiers d ON d.sku = p.sku "
            "AND d.kind = 'GTIN-13' WHERE i.store_id = ? "
            "AND i.on_hand - i.reserved - i.safety_stock >= ? AND p.price_minor < 9000 "
            "AND EXISTS (SELECT 1 FROM v_inventory o WHERE o.sku = i.sku AND o.store_id != ? "
            "AND o.on_hand - o.reserved - o.safety_stock >= ?) "
            "GROUP BY p.sku ORDER BY random() LIMIT ?",
            (counter.station.store_id, units + 2, counter.station.store_id, units, count),
        )
        return [(str(s), int(p), str(g)[-13:]) for s, p, g in rows]

    found: list[tuple[str, int, str]] = counter.read(read)
    assert len(found) == count
    return found


def place(counter: Counter, lines: list[tuple[str, int, int]], name: str) -> str:
    """The web shop places a pickup at AMS1 of ``(sku, quantity, price)`` lines; its number."""
    demo = counter.demo
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    body = {
        "channel": "web",
        "external_ref": uuid.uuid4().hex,
        "customer": {
            "external_id": email,
            "name": name,
            "email": email,
            "phone": "+31 6 5555 0303",
        },
        "delivery": "pickup",
        "pickup_store_code": "AMS1",
        "billing_address": {
            "name": name,
            "line1": "Dam 1",
            "city": "Amsterdam",
            "postal_code": "1012 JS",
            "country": "NL",
        },
        "lines": [{"sku": s, "quantity": q, "unit_price_minor": p} for s, q, p in lines],
        "payment": {"card_number": "4242424242424242", "holder": name},
    }
    answer = requests.post(
        f"{demo.url}/api/v1/orders",
        json=body,
        headers={
            "Authorization": f"Bearer {demo.channel_keys['web']}",
            "Idempotency-Key": uuid.uuid4().hex,
        },
        timeout=15,
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["number"])


def synced(counter: Counter, numbers: list[str]) -> list[int]:
    """The fulfillment ids of these orders at AMS1, once the station has them all (open)."""

    def read(conn: Any) -> list[int]:
        rows = conn.exec_driver_sql(
            "SELECT id, order_number FROM v_fulfillments WHERE store_id = ? AND status = 'open' "
            "AND order_number IN (SELECT value FROM json_each(?))",
            (counter.station.store_id, json.dumps(numbers)),
        )
        by_number = {str(n): int(i) for i, n in rows}
        return [by_number[n] for n in numbers if n in by_number]

    counter.qtbot.waitUntil(lambda: len(counter.read(read)) == len(numbers), timeout=15_000)
    ids: list[int] = counter.read(read)
    return ids


def pick_view(counter: Counter) -> PickView:
    """A pick view on the window's work page, in front for the scan router."""
    view = PickView(counter.station, counter.tasks, events=counter.events)
    view.use_printer = False
    stack = counter.window.ui.workStack
    stack.addWidget(view)
    stack.setCurrentWidget(view)
    view.table.setFocus()
    return view


def start(counter: Counter, view: PickView, ids: list[int]) -> PickList:
    """Start the pick list of ``ids`` and wait until it shows."""
    with counter.qtbot.waitSignal(view.loaded, timeout=10_000) as shown:
        view.start(ids)
    found = shown.args[0]
    assert isinstance(found, PickList)
    return found


def scan(counter: Counter, text: str) -> RouteResult:
    """A scan through the window's router, as any scanner's scan goes."""
    result: RouteResult = counter.window.scanners.dispatcher.route(Scan.typed(text))
    return result


def server_fulfillment(counter: Counter, fid: int) -> tuple[str, int | None]:
    """Status and picker of a fulfillment as the server has them."""
    rows = counter.demo.query("SELECT status, picker_id FROM fulfillments WHERE id = ?", fid)
    return str(rows[0][0]), rows[0][1]


def test_a_batch_pick_list_walked_with_scans(counter: Counter) -> None:
    """Three orders in one walk: totes by age, ``start_picking`` with the picker queued at
    once and applied at the server; each GTIN or GS1 scan counts one unit into the oldest
    order still needing it; a wrong item is refused naming the expected item (and then
    what was scanned); a fourth unit of three is refused; an unscannable item is counted
    by hand with a reason; Finish hands the walk on."""
    counter.signed_in()
    session = counter.station.session
    (a, a_price, a_gtin), (b, b_price, _), (c, c_price, c_gtin), (x, _, x_gtin) = stocked(
        counter, 4
    )
    numbers = [
        place(counter, [(a, 1, a_price), (b, 1, b_price)], "Sanne de Vries"),
        place(counter, [(a, 2, a_price)], "Pieter Bakker"),
        place(counter, [(c, 1, c_price)], "Eva Jansen"),
    ]
    ids = synced(counter, numbers)
    view = pick_view(counter)
    found = start(counter, view, ids)

    assert [(o.order_number, o.tote) for o in found.orders] == list(
        zip(numbers, "ABC", strict=True)
    )
    assert {o.status for o in found.orders} == {"picking"}  # predicted at once
    assert {i.sku: i.quantity for i in found.items} == {a: 3, b: 1, c: 1}
    queued = counter.read(outbox.pending)
    assert sorted(int(e.target_key) for e in queued if e.name == "start_picking") == sorted(ids)
    assert {json.dumps(e.args) for e in queued} == {json.dumps({"picker_id": session.staff_id})}
    assert "picker" in view.subtitle.text() and session.display_name in view.subtitle.text()

    row_a = next(r for r, i in enumerate(found.items) if i.sku == a)
    view.table.selectRow(row_a)
    assert view.current_item() is not None and view.current_item().sku == a
    totes = []
    for _ in range(3):
        result = scan(counter, a_gtin)
        assert result.good, result.message
        totes.append(view.notice.text().split("tote ")[1][0])
    assert totes == ["A", "B", "B"]  # the oldest order first
    assert view.stops()[row_a][2:] == (3, 3)

    over = scan(counter, a_gtin)
    assert not over.good and over.message.startswith("All 3 already picked")
    current = view.current_item()
    assert current is not None and current.sku != a  # moved on to the next stop
    wrong = scan(counter, x_gtin)
    assert not wrong.good
    expected = f"Expected: {current.name} ({current.sku}) at {current.location}."
    assert wrong.message == f"That item is not on this pick list. {expected}"
    x_name = counter.read(lambda conn: queries.product_by_identifier(conn, x_gtin)).name
    counter.qtbot.waitUntil(
        lambda: view.notice.text() == f"That is {x_name} ({x}). {expected}", timeout=5_000
    )

    gs1 = f"01{c_gtin.zfill(14)}{GS}10LOT42"  # a GS1 code carrying the GTIN counts too
    assert scan(counter, gs1).good
    row_b = next(r for r, i in enumerate(found.items) if i.sku == b)
    view.table.selectRow(row_b)
    assert not view.finish_button.isEnabled()
    counter.qtbot.mouseClick(view.count_button, Qt.MouseButton.LeftButton)
    dialog = view.count_dialog
    assert dialog is not None and dialog.quantity.spin.maximum() == 1
    dialog.reason.setCurrentIndex(1)
    with counter.qtbot.waitSignal(view.progressed):
        counter.qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert view.progress is not None and view.progress.complete
    assert [(m.sku, m.quantity, m.reason) for m in view.progress.manual] == [(b, 1, "unreadable")]

    assert view.finish_button.isEnabled()
    with counter.qtbot.waitSignal(view.finished, timeout=10_000) as done:
        counter.qtbot.mouseClick(view.finish_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    assert isinstance(result, PickResult)
    assert [result.units_for(f) for f in ids] == [2, 2, 1] and result.rejects == ()
    assert result.picker.id == session.staff_id
    for fid in ids:
        counter.qtbot.waitUntil(
            lambda fid=fid: server_fulfillment(counter, fid) == ("picking", session.staff_id),
            timeout=15_000,
        )


def test_a_reject_is_queued_and_rerouted_at_the_server(counter: Counter) -> None:
    """One of two units is not on the shelf: the picker scans one, rejects the other as
    "not found" (partial rejects allowed), finishes; ``reject_line`` goes out through the
    outbox and the server takes the unit from this store and routes it elsewhere."""
    counter.signed_in()
    [(sku, price, gtin)] = stocked(counter, 1)
    number = place(counter, [(sku, 2, price)], "Noor Visser")
    [fid] = synced(counter, [number])
    view = pick_view(counter)
    start(counter, view, [fid])
    assert scan(counter, gtin).good
    counter.qtbot.mouseClick(view.reject_button, Qt.MouseButton.LeftButton)
    dialog = view.reject_dialog
    assert dialog is not None and dialog.quantity.isEnabled()
    assert dialog.quantity.spin.maximum() == 1  # the picked unit stays picked
    codes = [dialog.reason.itemData(i) for i in range(dialog.reason.count())]
    assert "not_found" in codes and "damaged" in codes
    dialog.reason.setCurrentIndex(codes.index("not_found"))
    with counter.qtbot.waitSignal(view.progressed):
        counter.qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert "rejected" in view.notice.text() and view.progress is not None
    assert view.progress.complete and view.stops()[0][2:] == (1, 1)
    with counter.qtbot.waitSignal(view.finished, timeout=10_000) as done:
        counter.qtbot.mouseClick(view.finish_button, Qt.MouseButton.LeftButton)
    [reject] = [e for e in done.args[0].commands if e.name == "reject_line"]
    assert reject.args == {"line_no": 1, "quantity": 1, "reason": "not_found"}

    def server() -> tuple[int, list[tuple[int, str]]]:
        [(rejected,)] = counter.demo.query(
            "SELECT rejected FROM fulfillment_lines WHERE fulfillment_id = ?", fid
        )
        others = counter.demo.query(
            "SELECT f.store_id, f.method FROM fulfillments f JOIN orders o ON o.id = f.order_id "
            "WHERE o.number = ? AND f.id != ?",
            number,
            fid,
        )
        return int(rejected), [(int(s), str(m)) for s, m in others]

    counter.qtbot.waitUntil(lambda: server()[0] == 1, timeout=15_000)
    _rejected, others = server()
    assert others and all(s != counter.station.store_id for s, _m in others)
    assert {m for _s, m in others} == {"ship_to_store"}  # sent to AMS1 for the customer
    [(details,)] = counter.demo.query(
        "SELECT details FROM audit WHERE action = 'reroute' AND entity_key = ?", number
    )
    assert json.loads(details)["quantity"] == 1


def test_scans_at_scanner_speed_reach_the_pick_view(counter: Counter) -> None:
    """A USB scanner's burst of keys (8 ms apart, then Enter) on the window is one scan,
    routed to the pick view in front: the unit counts; never typed into a field."""
    counter.signed_in()
    [(sku, price, gtin)] = stocked(counter, 1)
    [fid] = synced(counter, [place(counter, [(sku, 1, price)], "Daan Smit")])
    view = pick_view(counter)
    start(counter, view, [fid])
    scanners = counter.window.scanners
    scanners.install()
    try:
        window = counter.window.windowHandle()
        counter.window.activateWindow()
        counter.qtbot.waitUntil(counter.window.isActiveWindow, timeout=5_000)
        with counter.qtbot.waitSignal(view.progressed, timeout=5_000):
            type_keys(counter.qtbot, window, gtin, 8)
        assert view.stops()[0][2:] == (1, 1)
        assert counter.window.ui.scanEdit.text() == ""
    finally:
        scanners.uninstall()


# --- the walk and its model, without a station ----------------------------------------------


def _walk(*, partial: bool = True) -> PickProgress:
    orders = (
        PickOrder(1, "WEB-1000001", "store_pickup", "picking", 2, "A", "t1", None, 7, "A", True),
        PickOrder(2, "WEB-1000002", "store_pickup", "picking", 2, "B", "t2", None, 7, "B", True),
    )
    items = (
        PickItem(
            "HOM-000123",
            "Linen duvet cover 200×220",
            "Home",
            "H-03-A",
            "8712423001234",
            frozenset({"08712423001234"}),
            (PickNeed(1, "WEB-1000001", 1, 1, "A"), PickNeed(2, "WEB-1000002", 1, 2, "B")),
        ),
        PickItem(
            "KIT-004512",
            "Stoneware mug 350 ml",
            "Kitchen",
            "K-11-C",
            "8712431045127",
            frozenset({"08712431045127"}),
            (PickNeed(2, "WEB-1000002", 2, 3, "B"),),
        ),
    )
    return PickProgress(PickList(orders, items, (), partial))


def test_the_pick_list_is_previewed_with_a_printer_else_saved_as_a_pdf(
    counter: Counter, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """ "Print pick list" opens a print preview painting the sheet when a printer is set
    up; without one it saves the PDF off the UI thread and says where."""
    counter.signed_in()
    [(sku, price, _gtin)] = stocked(counter, 1)
    number = place(counter, [(sku, 1, price)], "Lotte Smit")
    [fid] = synced(counter, [number])
    view = pick_view(counter)
    start(counter, view, [fid])
    view.use_printer = True
    monkeypatch.setattr(printing, "has_printer", lambda: True)
    painted: list[object] = []
    monkeypatch.setattr(picklist_print, "print_sheet", lambda sheet, printer: painted.append(sheet))
    counter.qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    counter.qtbot.waitUntil(
        lambda: view.preview_dialog is not None and view.preview_dialog.isVisible(), timeout=10_000
    )
    counter.qtbot.waitUntil(lambda: bool(painted), timeout=10_000)
    assert view.preview_dialog is not None
    assert view.preview_dialog.windowTitle().startswith("Pick list · ")
    view.preview_dialog.close()

    monkeypatch.undo()  # the real print_sheet; use_printer off: a PDF file
    view.use_printer = False
    view.picklists_dir = tmp_path / "picklists"
    with counter.qtbot.waitSignal(view.printed, timeout=20_000) as printed:
        counter.qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    result = printed.args[0]
    assert result.printer is None and result.path.parent == view.picklists_dir
    assert result.path.read_bytes().startswith(b"%PDF")
    assert str(result.path) in result.describe()


def test_whole_line_rejects_when_the_store_allows_no_partial_ones() -> None:
    """Without partial rejects a reject takes the whole line, picked units included."""
    walk = _walk(partial=False)
    walk.count(1)
    need = walk.items[1].needs[0]
    assert walk.rejectable(need) == 3
    rejected = walk.reject(1, need, 1, "damaged")
    assert rejected.quantity == 3 and walk.picked_at(walk.items[1]) == 0
    assert walk.done_at(walk.items[1]) and walk.rejectable(need) == 0
    partial = _walk()
    partial.count(1)
    assert partial.rejectable(partial.items[1].needs[0]) == 2
    with pytest.raises(OverPick, match="All 3 already picked"):
        for _ in range(4):
            partial.count(1)


def test_pick_list_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    """The tester stays attached through counts, rejects, the current stop and resets."""
    model = PickListModel()
    walk = _walk()
    model.reset(walk)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == Column.COUNT
    assert model.index(0, Column.ORDERS).data() == "A ×1 · B ×2"
    walk.count(0)
    model.stop_changed(0)
    model.set_current(0)
    assert model.index(0, Column.PICKED).data() == "1 / 3"
    walk.reject(0, walk.items[0].needs[1], 2, "not_found")
    model.stop_changed(0)
    assert model.index(0, Column.ORDERS).data() == "A ×1 · B ×0 (2 rejected)"
    assert model.index(0, Column.STATE).data() == "✓ Picked, 2 rejected"
    model.set_current(1)
    model.reset(None)
    assert model.rowCount() == 0
    model.reset(_walk())
    assert model.rowCount() == 2
