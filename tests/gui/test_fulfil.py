"""The back room's fulfil page as staff use it: tabs, counts and filters; staging a pickup
by its bin label so the counter sees it ready; packing, buying labels and shipping, alone
and in bulk; unpacking refused for an associate; receiving a ship-to-store arrival."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.modeltest import ModelTester

from desktop_oms.cache.queries import FulfilRow
from desktop_oms.domain.identifiers import bin_code, order_code
from desktop_oms.gui.fulfil import documents
from desktop_oms.gui.fulfil.model import EXPRESS_ROLE, ID_ROLE, FulfilQueueModel
from desktop_oms.gui.fulfil.queue import Column
from desktop_oms.gui.fulfil.view import FulfilView
from tests.gui.conftest import Counter
from tests.gui.test_expired import staff_command
from tests.gui.test_pickups import click_tab as click_pickup_tab
from tests.gui.test_pickups import scan

#: AMS1's back-room work as the server has it: (order number, fulfillment id, method,
#: status), its own (store AMS1) and transfers coming to it (destination AMS1).
_SERVER_WORK = """
SELECT o.number, f.id, f.method, f.status, f.created_at,
       s.code AS source, d.code AS destination
FROM fulfillments f JOIN orders o ON o.id = f.order_id
JOIN stores s ON s.id = f.store_id LEFT JOIN stores d ON d.id = f.destination_store_id
WHERE s.code = 'AMS1' OR d.code = 'AMS1'
"""


def server_tab(counter: Counter, tab: str, method: str | None = None) -> list[str]:
    """Order numbers of a fulfil tab as the server has AMS1's work, sorted."""
    own = {"open": "open", "in_progress": "picking", "packed": "packed"}[tab]
    incoming = {"open": "in_transit", "in_progress": "arrived"}.get(tab)
    found = []
    for number, _fid, kind, status, _created, source, destination in counter.demo.query(
        _SERVER_WORK
    ):
        mine = source == "AMS1" and status == own and method in (None, kind)
        arriving = destination == "AMS1" and status == incoming and method in (None, "arrivals")
        if (mine and method != "arrivals") or arriving:
            found.append(number)
    return sorted(found)


def server_status(counter: Counter, fid: int) -> str:
    """A fulfillment's status at the server."""
    [(status,)] = counter.demo.query("SELECT status FROM fulfillments WHERE id = ?", fid)
    return str(status)


def open_fulfil(counter: Counter, login: str = "ams1.associate") -> FulfilView:
    """Sign in and click "Fulfil" in the navigation rail; the page once it has read."""
    counter.signed_in(login)
    window = counter.window
    rail = window.ui.navRail
    view: FulfilView = window.fulfil
    assert not rail.isRowHidden(rail.row(window.fulfil_item))
    rect = rail.visualItemRect(window.fulfil_item)
    with counter.qtbot.waitSignal(view.refreshed, timeout=10_000):
        if window.work_page == "fulfil":  # still on the page since the last person
            view.refresh()
        else:
            counter.qtbot.mouseClick(rail.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.work_page == "fulfil"
    return view


def click_tab(counter: Counter, view: FulfilView, tab: str) -> None:
    """Click a fulfil tab and wait for its rows."""
    with counter.qtbot.waitSignal(view.refreshed, timeout=10_000):
        counter.qtbot.mouseClick(view.tabs.buttons[tab], Qt.MouseButton.LeftButton)


def click_row(counter: Counter, view: FulfilView, row: int, modifier: Any = None) -> None:
    """Click a row of the queue (with Ctrl or Shift held when given)."""
    rect = view.table.visualRect(view.model.index(row, Column.CUSTOMER))
    mods = modifier if modifier is not None else Qt.KeyboardModifier.NoModifier
    counter.qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, mods, rect.center())


def open_row(counter: Counter, view: FulfilView, fid: int) -> None:
    """Click a fulfillment's row and wait for its panel."""
    counter.qtbot.waitUntil(lambda: view.model.row_of(fid) is not None, timeout=15_000)
    row = view.model.row_of(fid)
    assert row is not None
    with counter.qtbot.waitSignal(view.opened, timeout=10_000):
        click_row(counter, view, row)
    counter.qtbot.waitUntil(
        lambda: view.detail.fulfillment is not None and view.detail.fulfillment.id == fid,
        timeout=10_000,
    )


def stocked_sku(counter: Counter, units: int = 3) -> tuple[str, int]:
    """A SKU with stock at AMS1 and its price."""

    def find(conn: Any) -> tuple[str, int]:
        row = conn.exec_driver_sql(
            "SELECT p.sku, p.price_minor FROM v_inventory i JOIN products p ON p.sku = i.sku "
            "WHERE i.store_id = ? AND i.on_hand - i.reserved - i.safety_stock >= ? "
            "AND p.price_minor < 20000 ORDER BY i.on_hand - i.reserved DESC, p.sku LIMIT 1",
            (counter.station.store_id, units),
        ).one()
        return str(row[0]), int(row[1])

    return counter.read(find)


def place_delivery(counter: Counter, name: str, service: str | None = None) -> int:
    """A web order delivered to an Amsterdam address (the station's store ships it), at
    shipping ``service`` when given; started picking at the server; its fulfillment id."""
    sku, price = stocked_sku(counter)
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    address = {
        "name": name,
        "line1": "Damrak 70",
        "city": "Amsterdam",
        "postal_code": "1012 LM",
        "country": "NL",
        "latitude": 52.3755,
        "longitude": 4.8960,
    }
    answer = requests.post(
        f"{counter.demo.url}/api/v1/orders",
        json={
            "channel": "web",
            "external_ref": uuid.uuid4().hex,
            "customer": {"external_id": email, "name": name, "email": email, "phone": "+31 6 1"},
            "delivery": "delivery",
            "shipping_address": address,
            "billing_address": address,
            "lines": [{"sku": sku, "quantity": 1, "unit_price_minor": price}],
            "payment": {"card_number": "4242424242424242", "holder": name},
            **({} if service is None else {"shipping_service": service}),
        },
        headers={
            "Authorization": f"Bearer {counter.demo.channel_keys['web']}",
            "Idempotency-Key": uuid.uuid4().hex,
        },
        timeout=15,
    )
    assert answer.status_code == 201, answer.text
    [(fid, method, store)] = counter.demo.query(
        "SELECT f.id, f.method, s.code FROM fulfillments f JOIN orders o ON o.id = f.order_id "
        "JOIN stores s ON s.id = f.store_id WHERE o.number = ?",
        answer.json()["number"],
    )
    assert (method, store) == ("ship_from_store", "AMS1")
    staff_command(counter, "ams1.associate", int(fid), "start_picking")
    return int(fid)


def buy_labels_online(counter: Counter, fid: int) -> str:
    """Buy a packed parcel's labels through the staff API (as another PC would); tracking."""
    url = counter.demo.url
    token = requests.post(
        f"{url}/api/v1/auth/sign-in", json={"username": "ams1.associate", "pin": "1234"}, timeout=10
    ).json()["token"]
    answer = requests.post(
        f"{url}/api/v1/fulfillments/{fid}/labels",
        json={},
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": uuid.uuid4().hex},
        timeout=15,
    )
    assert answer.status_code in (200, 201), answer.text
    return str(answer.json()["labels"][0]["tracking"])


def cached_status(counter: Counter, fid: int) -> str | None:
    """The station's status of a fulfillment (predicted while a command is pending)."""
    return counter.read(
        lambda conn: conn.exec_driver_sql(
            "SELECT status FROM v_fulfillments WHERE id = ?", (fid,)
        ).scalar()
    )


# --- the queue -----------------------------------------------------------------------------


def test_tabs_counts_and_filters_match_the_server(counter: Counter) -> None:
    """Open / In progress / Packed list the store's work (and transfers coming here) with
    counts; the method filter narrows to ship-to-store arrivals, the age filter to old orders."""
    view = open_fulfil(counter)
    assert view.tab == "open"
    for tab in ("open", "in_progress", "packed"):
        if tab != "open":
            click_tab(counter, view, tab)
        assert sorted(view.visible_orders()) == server_tab(counter, tab)
        assert view.counts()[tab] == len(view.visible_orders())
    assert view.counts() == {t: len(server_tab(counter, t)) for t in view.counts()}

    click_tab(counter, view, "open")
    arrivals = server_tab(counter, "open", "arrivals")
    assert arrivals, "the demo has ship-to-store transfers on their way to AMS1"
    with counter.qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.method_filter.setCurrentIndex(view.method_filter.findData("arrivals"))
    assert sorted(view.visible_orders()) == arrivals
    assert all(r.arrival and r.status == "in_transit" for r in view.model.rows)
    assert view.counts()["open"] == len(arrivals)
    assert view.subtitle.text().startswith("Filtered")

    with counter.qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.method_filter.setCurrentIndex(0)
    everyone = view.model.rows
    with counter.qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.age_filter.setCurrentIndex(view.age_filter.count() - 2)  # older than a day
    old = view.model.rows
    assert len(old) < len(everyone)
    cutoff = view.last_result.now.timestamp() - 24 * 3600 if view.last_result else 0
    from datetime import datetime

    assert all(datetime.fromisoformat(r.created_at).timestamp() <= cutoff for r in old)
    assert {r.id for r in old} <= {r.id for r in everyone}


def server_express(counter: Counter) -> set[str]:
    """Order numbers of AMS1's express deliveries as the server has them."""
    rows = counter.demo.query(
        "SELECT o.number FROM orders o JOIN fulfillments f ON f.order_id = o.id "
        "JOIN stores s ON s.id = f.store_id "
        "WHERE s.code = 'AMS1' AND o.shipping_service = 'express'"
    )
    return {str(number) for (number,) in rows}


def test_shipping_service_filter_narrows_to_express_orders(counter: Counter) -> None:
    """ "Express" keeps each tab's express deliveries as the server has them (counts alike),
    with the badge on the row and in the panel; "Standard" keeps the rest."""
    fid = place_delivery(counter, "Eva Snel", service="express")
    view = open_fulfil(counter)
    choices = [view.service_filter.itemText(i) for i in range(view.service_filter.count())]
    assert choices == ["Any service", "Standard", "Express"]
    click_tab(counter, view, "in_progress")
    counter.qtbot.waitUntil(lambda: view.model.row_of(fid) is not None, timeout=15_000)
    everyone = {tab: server_tab(counter, tab) for tab in ("open", "in_progress", "packed")}
    express = server_express(counter)
    assert express, "the demo and this test have express deliveries at AMS1"

    with counter.qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.service_filter.setCurrentIndex(view.service_filter.findData("express"))
    assert view.subtitle.text().startswith("Filtered")
    for tab in ("in_progress", "open", "packed"):
        if tab != "in_progress":
            click_tab(counter, view, tab)
        expected = sorted(set(everyone[tab]) & express)
        assert sorted(view.visible_orders()) == expected
        assert view.counts()[tab] == len(expected)
        assert all(r.express and r.method == "ship_from_store" for r in view.model.rows)
        for n in range(view.model.rowCount()):
            assert view.model.index(n, Column.METHOD).data(EXPRESS_ROLE) is True
    assert view.counts() == {t: len(set(everyone[t]) & express) for t in everyone}

    click_tab(counter, view, "in_progress")
    open_row(counter, view, fid)
    assert view.detail.express_badge.isVisibleTo(view.detail)
    assert view.detail.express_badge.text() == "EXPRESS"

    with counter.qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.service_filter.setCurrentIndex(view.service_filter.findData("standard"))
    assert sorted(view.visible_orders()) == sorted(set(everyone["in_progress"]) - express)
    assert not any(r.express for r in view.model.rows)
    with counter.qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.set_filters(None)
    assert sorted(view.visible_orders()) == everyone["in_progress"]
    assert not view.subtitle.text().startswith("Filtered")


def test_multi_select_and_bulk_ship(counter: Counter) -> None:
    """Two labelled parcels chosen with Ctrl+click (and all with Ctrl+A) ship in one go; a
    parcel without a label is left alone and the selection survives live updates."""
    first = place_delivery(counter, "Bulk Eerste")
    second = place_delivery(counter, "Bulk Tweede")
    unlabelled = place_delivery(counter, "Bulk Zonder")
    box = {"box_type": "M", "length_cm": 40, "width_cm": 30, "height_cm": 20, "weight_g": 900}
    for fid in (first, second, unlabelled):
        staff_command(counter, "ams1.associate", fid, "pack", boxes=[box])
    tracking = {fid: buy_labels_online(counter, fid) for fid in (first, second)}

    view = open_fulfil(counter)
    click_tab(counter, view, "packed")
    wanted = {first, second, unlabelled}
    counter.qtbot.waitUntil(
        lambda: (
            wanted <= {r.id for r in view.model.rows if r.id not in (first, second) or r.labels}
        ),
        timeout=15_000,
    )
    rows = {fid: view.model.row_of(fid) for fid in wanted}
    click_row(counter, view, rows[first] or 0)
    click_row(counter, view, rows[second] or 0, Qt.KeyboardModifier.ControlModifier)
    chosen = {r.id for r in view.selected_rows()}
    assert chosen == {first, second}
    assert view.ship_selected.isEnabled()
    assert view.ship_selected.text() == "Ship selected (2)"
    assert not view.detail.isVisible()  # several rows: no single panel

    counter.qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(view.selected_rows()) == view.model.rowCount()
    assert (
        view.ship_selected.text()
        == f"Ship selected ({sum(1 for r in view.model.rows if r.labels)})"
    )
    # back to the two; a live re-read keeps them selected
    view.table.clearSelection()
    selection = view.table.selectionModel()
    for fid in (first, second):
        index = view.model.index(view.model.row_of(fid) or 0, 0)
        selection.select(
            index,
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    with counter.qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.refresh()
    assert {r.id for r in view.selected_rows()} == {first, second}

    with counter.qtbot.waitSignal(view.queued, timeout=10_000) as queued:
        counter.qtbot.mouseClick(view.ship_selected, Qt.MouseButton.LeftButton)
    assert queued.args == ["ship", 2]
    counter.qtbot.waitUntil(lambda: first not in {r.id for r in view.model.rows}, timeout=10_000)
    for fid in (first, second):
        counter.qtbot.waitUntil(
            lambda f=fid: server_status(counter, f) == "shipped", timeout=15_000
        )
        [(got,)] = counter.demo.query("SELECT tracking FROM fulfillments WHERE id = ?", fid)
        assert got == tracking[fid]
    assert server_status(counter, unlabelled) == "packed"


# --- staging -------------------------------------------------------------------------------


def test_staging_by_typed_and_scanned_bin_shows_the_order_ready_at_the_counter(
    counter: Counter,
) -> None:
    """A picked pickup staged by typing its bin, another by scanning the bin label: the
    server makes them ready and, after sync, the counter's Ready tab lists them."""
    sku, price = stocked_sku(counter)
    numbers, ids = [], []
    for name in ("Stan Qxtyped", "Stan Qxscanned"):
        number = counter.demo.place_pickup(sku, price, name=name)
        [(fid,)] = counter.demo.query(
            "SELECT f.id FROM fulfillments f JOIN orders o ON o.id = f.order_id WHERE o.number = ?",
            number,
        )
        staff_command(counter, "ams1.associate", int(fid), "start_picking")
        numbers.append(number)
        ids.append(int(fid))
    view = open_fulfil(counter)
    click_tab(counter, view, "in_progress")

    # typed: a wrong bin is refused with the reason, then the right one
    open_row(counter, view, ids[0])
    assert view.detail.stage_box.isVisible() and view.detail.stage_button.isEnabled()
    with counter.qtbot.waitSignal(view.message, timeout=5_000) as refused:
        counter.qtbot.keyClicks(view.detail.bin_edit, "not a bin!")
        counter.qtbot.keyClick(view.detail.bin_edit, Qt.Key.Key_Return)
    assert refused.args[1] == "warn" and "bin" in refused.args[0]
    assert cached_status(counter, ids[0]) == "picking"
    view.detail.bin_edit.clear()
    with counter.qtbot.waitSignal(view.queued, timeout=10_000):
        counter.qtbot.keyClicks(view.detail.bin_edit, "c-41")
        counter.qtbot.keyClick(view.detail.bin_edit, Qt.Key.Key_Return)

    # scanned: the bin label of this store, with the order open
    open_row(counter, view, ids[1])
    with counter.qtbot.waitSignal(view.queued, timeout=10_000):
        scan(counter, bin_code("AMS1", "C-42"))

    for fid, bin_name in zip(ids, ("C-41", "C-42"), strict=True):
        counter.qtbot.waitUntil(
            lambda f=fid: server_status(counter, f) == "ready_for_pickup", timeout=15_000
        )
        [(stored,)] = counter.demo.query("SELECT bin FROM fulfillments WHERE id = ?", fid)
        assert stored == bin_name
    # the counter's Ready tab has them once the feed brought the server's word
    counter.window.show_page("pickups")
    click_pickup_tab(counter, "ready")
    pickups = counter.pickups
    counter.qtbot.waitUntil(
        lambda: (
            set(numbers) <= set(pickups.visible_orders())
            and all(not r.pending for r in pickups.model.rows if r.order_number in numbers)
        ),
        timeout=15_000,
    )


def test_receive_a_ship_to_store_arrival_by_scanning_then_stage_it(counter: Counter) -> None:
    """Scanning the order code of a transfer on its way here receives it; scanning a bin
    label then stages it like a pickup."""
    view = open_fulfil(counter)
    arriving = [
        (number, fid)
        for number, fid, method, status, _c, _s, destination in counter.demo.query(_SERVER_WORK)
        if method == "ship_to_store" and status == "in_transit" and destination == "AMS1"
    ]
    assert arriving, "the demo has transfers on their way to AMS1"
    number, fid = arriving[0]
    with counter.qtbot.waitSignal(view.queued, timeout=10_000) as queued:
        scan(counter, order_code(number))
    assert queued.args == ["receive_transfer", 1]
    counter.qtbot.waitUntil(lambda: server_status(counter, fid) == "arrived", timeout=15_000)
    counter.qtbot.waitUntil(
        lambda: (
            view.detail.isVisible()
            and view.detail.fulfillment is not None
            and view.detail.fulfillment.id == fid
            and view.detail.stage_box.isVisible()
            and view.detail.stage_button.isEnabled()
        ),
        timeout=15_000,
    )
    with counter.qtbot.waitSignal(view.queued, timeout=10_000):
        scan(counter, bin_code("AMS1", "T-07"))
    counter.qtbot.waitUntil(
        lambda: server_status(counter, fid) == "ready_for_pickup", timeout=15_000
    )


# --- packing, labels, shipping ------------------------------------------------------------


def test_pack_buy_label_print_and_ship(
    counter: Counter, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Pack into two boxes of the store's box types, buy the labels online, print them
    (preview, or PDF without a printer) with the packing slip, ship under the label's
    tracking number."""
    fid = place_delivery(counter, "Pak Verzend")
    view = open_fulfil(counter)
    counter.qtbot.waitUntil(lambda: counter.station.session.token is not None, timeout=10_000)
    click_tab(counter, view, "in_progress")
    open_row(counter, view, fid)
    assert view.detail.pack_button.isVisible() and not view.detail.stage_box.isVisible()
    counter.qtbot.mouseClick(view.detail.pack_button, Qt.MouseButton.LeftButton)
    dialog = view.pack_dialog
    assert dialog is not None and dialog.isVisible()
    types = [dialog.rows[0].type.itemData(i) for i in range(dialog.rows[0].type.count())]
    assert types == ["S", "M", "L", "XL"]  # the demo store's box_types setting
    counter.qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert len(dialog.rows) == 2
    dialog.rows[0].type.setCurrentIndex(types.index("L"))
    dialog.rows[0].weight.setValue(2.4)
    dialog.rows[1].type.setCurrentIndex(types.index("S"))
    dialog.rows[1].weight.setValue(0.6)
    with counter.qtbot.waitSignal(view.queued, timeout=10_000):
        counter.qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    counter.qtbot.waitUntil(lambda: server_status(counter, fid) == "packed", timeout=15_000)
    [(boxes,)] = counter.demo.query("SELECT boxes FROM fulfillments WHERE id = ?", fid)
    packed = [(b["box_type"], b["length_cm"], b["weight_g"]) for b in json.loads(boxes)]
    assert packed == [("L", 60, 2400), ("S", 30, 600)]

    click_tab(counter, view, "packed")
    open_row(counter, view, fid)
    counter.qtbot.waitUntil(view.detail.buy_button.isEnabled, timeout=10_000)
    assert not view.detail.ship_button.isVisible()
    with counter.qtbot.waitSignal(view.labelsBought, timeout=20_000):
        counter.qtbot.mouseClick(view.detail.buy_button, Qt.MouseButton.LeftButton)
    counter.qtbot.waitUntil(
        lambda: view.detail.ship_button.isVisible() and view.detail.ship_button.isEnabled(),
        timeout=15_000,
    )
    assert "No label yet" not in view.detail.parcel.text()
    labels = counter.demo.query(
        "SELECT tracking FROM shipping_labels WHERE fulfillment_id = ? ORDER BY box_index", fid
    )
    assert len(labels) == 2
    # print: a preview through the system's printer, or PDF files without one
    monkeypatch.setattr(documents, "has_printer", lambda: True)
    painted: list[object] = []
    monkeypatch.setattr(documents.Document, "paint", lambda self, printer: painted.append(self))
    counter.qtbot.mouseClick(view.detail.print_button, Qt.MouseButton.LeftButton)
    counter.qtbot.waitUntil(
        lambda: view.preview_dialog is not None and view.preview_dialog.isVisible(), timeout=10_000
    )
    counter.qtbot.waitUntil(lambda: bool(painted), timeout=10_000)
    assert painted[0].kind == "labels" and len(painted[0].labels) == 2
    view.preview_dialog.reject()
    monkeypatch.setattr(documents, "has_printer", lambda: False)
    view.documents_dir = tmp_path / "shipping"
    for button, stem in (
        (view.detail.print_button, "labels-"),
        (view.detail.slip_button, "packing-slip-"),
    ):
        with counter.qtbot.waitSignal(view.printed, timeout=20_000) as printed:
            counter.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        path = Path(printed.args[0])
        assert path.name.startswith(stem) and path.read_bytes().startswith(b"%PDF")
    assert list(view.documents_dir.glob("*.zpl"))  # the thermal printer's copy

    with counter.qtbot.waitSignal(view.queued, timeout=10_000) as queued:
        counter.qtbot.mouseClick(view.detail.ship_button, Qt.MouseButton.LeftButton)
    assert queued.args == ["ship", 1]
    counter.qtbot.waitUntil(lambda: server_status(counter, fid) == "shipped", timeout=15_000)
    [(tracking,)] = counter.demo.query("SELECT tracking FROM fulfillments WHERE id = ?", fid)
    assert tracking == labels[0][0]


def outgoing_transfer(counter: Counter) -> int:
    """A pickup at RTM1 of something only AMS1 has: a ship-to-store transfer leaving AMS1,
    picked and packed in one box at the server; its fulfillment id."""
    found = counter.demo.query(
        "SELECT i.sku, p.price_minor FROM inventory i JOIN stores s ON s.id = i.store_id "
        "JOIN products p ON p.sku = i.sku WHERE s.code = 'AMS1' "
        "AND i.on_hand - i.reserved - i.safety_stock >= 1 AND NOT EXISTS (SELECT 1 FROM "
        "inventory j WHERE j.sku = i.sku AND j.store_id != i.store_id "
        "AND j.on_hand - j.reserved - j.safety_stock > 0) ORDER BY i.sku LIMIT 1"
    )
    assert found, "the demo has a SKU only AMS1 stocks"
    [(sku, price)] = found
    number = counter.demo.place_pickup(str(sku), int(price), name="Tom Transfer", store="RTM1")
    [(fid, method, source)] = counter.demo.query(
        "SELECT f.id, f.method, s.code FROM fulfillments f JOIN orders o ON o.id = f.order_id "
        "JOIN stores s ON s.id = f.store_id WHERE o.number = ?",
        number,
    )
    assert (method, source) == ("ship_to_store", "AMS1")
    staff_command(counter, "ams1.associate", int(fid), "start_picking")
    box = {"box_type": "S", "length_cm": 30, "width_cm": 20, "height_cm": 10, "weight_g": 700}
    staff_command(counter, "ams1.associate", int(fid), "pack", boxes=[box])
    assert server_status(counter, int(fid)) == "packed"
    return int(fid)


def test_dispatch_a_packed_transfer_under_its_label(counter: Counter) -> None:
    """A packed transfer out gets its label (to the destination store) and is dispatched
    under it with "Dispatch transfer": on its way at the server with that tracking."""
    fid = outgoing_transfer(counter)
    view = open_fulfil(counter)
    counter.qtbot.waitUntil(lambda: counter.station.session.token is not None, timeout=10_000)
    click_tab(counter, view, "packed")
    open_row(counter, view, fid)
    counter.qtbot.waitUntil(view.detail.buy_button.isEnabled, timeout=10_000)
    assert not view.detail.dispatch_button.isVisible()
    with counter.qtbot.waitSignal(view.labelsBought, timeout=20_000):
        counter.qtbot.mouseClick(view.detail.buy_button, Qt.MouseButton.LeftButton)
    counter.qtbot.waitUntil(
        lambda: view.detail.dispatch_button.isVisible() and view.detail.dispatch_button.isEnabled(),
        timeout=15_000,
    )
    assert not view.detail.ship_button.isVisible()
    [(tracking, label)] = counter.demo.query(
        "SELECT tracking, label FROM shipping_labels WHERE fulfillment_id = ?", fid
    )
    [(destination,)] = counter.demo.query(
        "SELECT d.name FROM fulfillments f JOIN stores d ON d.id = f.destination_store_id "
        "WHERE f.id = ?",
        fid,
    )
    assert json.loads(label)["ship_to"]["name"] == destination

    with counter.qtbot.waitSignal(view.queued, timeout=10_000) as queued:
        counter.qtbot.mouseClick(view.detail.dispatch_button, Qt.MouseButton.LeftButton)
    assert queued.args == ["dispatch_transfer", 1]
    counter.qtbot.waitUntil(lambda: server_status(counter, fid) == "in_transit", timeout=15_000)
    [(sent,)] = counter.demo.query("SELECT tracking FROM fulfillments WHERE id = ?", fid)
    assert sent == tracking


def test_unpack_is_refused_for_an_associate_and_allowed_for_a_lead(counter: Counter) -> None:
    """An associate sees Unpack disabled and why; a lead unpacks with a reason."""
    fid = place_delivery(counter, "Uitpak Proef")
    box = {"box_type": "S", "length_cm": 30, "width_cm": 20, "height_cm": 10, "weight_g": 500}
    staff_command(counter, "ams1.associate", fid, "pack", boxes=[box])
    view = open_fulfil(counter)
    click_tab(counter, view, "packed")
    open_row(counter, view, fid)
    assert view.detail.unpack_button.isVisible()
    assert not view.detail.unpack_button.isEnabled()
    assert "lead or a manager" in view.detail.why.text()
    assert not view.detail.void_button.isVisible()  # no labels yet

    counter.window.sign_out()
    view = open_fulfil(counter, "ams1.lead")
    click_tab(counter, view, "packed")
    open_row(counter, view, fid)
    assert view.detail.unpack_button.isEnabled()
    counter.qtbot.mouseClick(view.detail.unpack_button, Qt.MouseButton.LeftButton)
    dialog = view.unpack_dialog
    counter.qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    with counter.qtbot.waitSignal(view.queued, timeout=10_000):
        dialog.accept()
    counter.qtbot.waitUntil(lambda: server_status(counter, fid) == "picking", timeout=15_000)


# --- the model -----------------------------------------------------------------------------


def _row(n: int, **changes: Any) -> FulfilRow:
    row = FulfilRow(
        id=n,
        order_number=f"WEB-{1_000_000 + n}",
        method="ship_from_store" if n % 2 else "store_pickup",
        status="packed" if n % 3 == 0 else "open",
        store_id=1,
        destination_store_id=None,
        customer_name=f"Customer {n:03d}",
        promised_at=f"2026-03-10T{10 + n % 10:02d}:00:00.000000+00:00",
        created_at="2026-03-09T08:00:00.000000+00:00",
        bin=None,
        items=1 + n % 3,
        updated_at="2026-03-09T08:00:00.000000+00:00",
        fraud_state="clear",
        version=1,
        boxes=1 if n % 3 == 0 else 0,
        labels=1 if n % 6 == 0 else 0,
        carrier="omspost" if n % 6 == 0 else None,
        shipping_service="express" if n % 4 == 1 else "standard",
        pending=n % 5 == 0,
    )
    return row._replace(**changes)


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
def test_model_passes_the_model_tester_and_keeps_selection(
    qtmodeltester: ModelTester, force_py: bool
) -> None:
    """The fulfil model through resets and live updates (removals, moves, inserts), with
    two selected rows kept across them."""
    from datetime import UTC, datetime

    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    model = FulfilQueueModel()
    qtmodeltester.check(model, force_py=force_py)
    model.reset([_row(n) for n in range(1, 13)], now)
    selection = QItemSelectionModel(model)
    for n in (3, 7):
        selection.select(
            model.index(n, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )

    def selected() -> set[int]:
        return {int(i.data(ID_ROLE)) for i in selection.selectedRows()}

    assert selected() == {4, 8}
    # 3, 7 and 10 gone, 20, 21 and 30 new, the rest in another order, 8 changed
    ids = (12, 11, 4, 30, 8, 20, 21, 1, 2, 5, 6, 9)
    model.update([_row(n, status="packed") if n == 8 else _row(n) for n in ids], now)
    assert [r.id for r in model.rows] == list(ids)
    assert selected() == {4, 8}
    model.update([_row(n) for n in (8, 4, 1, 2)], now)
    assert selected() == {4, 8}
    model.update([_row(n) for n in (8, 1, 2)], now)
    assert selected() == {8}
    assert model.data(model.index(0, Column.STATUS)) == "New"
    assert model.data(model.index(0, Column.METHOD)) == "Store pickup"
    model.tick(now)


def test_pick_selected_opens_the_pick_view_for_the_chosen_orders(counter: Counter) -> None:
    """Shift+click chooses a run of open orders; "Pick selected" hands them to the pick
    view (one pick list, picking started) and "Back to the queue" returns to the queue."""
    sku, price = stocked_sku(counter)
    # other tests search the queue by the last word of a name: one nobody else has
    numbers = [
        counter.demo.place_pickup(sku, price, name=f"Pim {n}") for n in ("Qxwalk", "Qxroute")
    ]
    view = open_fulfil(counter)
    counter.qtbot.waitUntil(lambda: set(numbers) <= set(view.visible_orders()), timeout=15_000)
    rows = sorted(view.visible_orders().index(n) for n in numbers)
    click_row(counter, view, rows[0])
    click_row(counter, view, rows[1], Qt.KeyboardModifier.ShiftModifier)
    chosen = view.selected_rows()
    assert len(chosen) == rows[1] - rows[0] + 1 >= 2
    pickable = [r for r in chosen if r.status == "open" and not r.arrival]
    assert view.pick_selected.text() == f"Pick selected ({len(pickable)})"
    assert view.pick_view is not None
    with counter.qtbot.waitSignal(view.pick_view.loaded, timeout=15_000):
        counter.qtbot.mouseClick(view.pick_selected, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is view.pick_host
    ids = {r.id for r in pickable}
    counter.qtbot.waitUntil(
        lambda: all(cached_status(counter, fid) == "picking" for fid in ids), timeout=10_000
    )
    back = view.pick_host.findChild(QPushButton, "backToQueue")
    with counter.qtbot.waitSignal(view.refreshed, timeout=10_000):
        counter.qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert view.pages.currentIndex() == 0
    assert not ids & {r.id for r in view.model.rows}  # they moved to In progress
