"""The Count page with the real demo server: a scan-driven cycle count of a shelf, its
variance review, CSV export and submit; and the same with the store's network down, the
count reaching the server once it is back and applied against a sale made meanwhile.

The station reaches the server through a proxy on loopback (as in the offline handover
test), so a test can pull the cable; sales channels and staff commands on the server side
go to the server directly.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.modeltest import ModelTester

from desktop_oms.cache import counts, outbox, queries
from desktop_oms.gui.count.model import TITLES, Col
from desktop_oms.scanner.router import Destination
from tests.gui.conftest import Counter, LiveDemo
from tests.gui.test_expired import staff_command
from tests.gui.test_scanning import PERSON_MS, focus_window, listen, scanner_scan
from tests.scanner.test_qtwedge import type_keys
from tests.sync.faultproxy import FaultProxy


@pytest.fixture
def cable(demo: LiveDemo) -> Iterator[FaultProxy]:
    """The store's network: a proxy between the station and the demo server."""
    port = urlsplit(demo.url).port
    assert port is not None
    with FaultProxy(port) as proxy:
        yield proxy


@pytest.fixture
def counter_url(cable: FaultProxy) -> str:
    """The station of these tests talks to the server through :func:`cable`."""
    return cable.url


Item = tuple[str, str, int]  # sku, GTIN-13, on hand here


def shelf_to_count(
    counter: Counter, *, units: int = 2, least: int = 2
) -> tuple[str, list[Item], str]:
    """A bay (``H-07``) at AMS1 with ``least`` to 4 products in stock (each at least ``units`` on
    hand, each with a GTIN-13), picked at random so tests do not count one bay twice; its
    stocked items, and the GTIN-13 of a stocked product in another aisle."""
    store = counter.station.store_id

    def read(conn: Any) -> list[tuple[str, str, int, str | None]]:
        return [
            (str(s), str(d), int(h or 0), None if g is None else str(g)[-13:])
            for s, d, h, g in conn.exec_driver_sql(
                "SELECT p.sku, p.department, v.on_hand, (SELECT min(value) FROM identifiers i "
                "WHERE i.sku = p.sku AND i.kind = 'GTIN-13') FROM products p "
                "LEFT JOIN v_inventory v ON v.sku = p.sku AND v.store_id = ?",
                (store,),
            )
        ]

    bays: dict[str, list[tuple[str, str, int, str | None]]] = {}
    for sku, dept, on_hand, gtin in counter.read(read):
        bays.setdefault(queries.shelf_location(dept, sku)[:4], []).append(
            (sku, dept, on_hand, gtin)
        )
    fits = []
    for bay, rows in bays.items():
        stocked = [r for r in rows if r[2] > 0]
        if least <= len(stocked) <= 4 and all(r[2] >= units and r[3] for r in stocked):
            fits.append(bay)
    bay = random.choice(sorted(fits))
    items = [(s, str(g), h) for s, _d, h, g in bays[bay] if h > 0]
    other = next(
        str(g)
        for b, rows in sorted(bays.items())
        if b[0] != bay[0]
        for _s, _d, h, g in rows
        if h > 0 and g
    )
    return bay, items, other


def open_count_page(counter: Counter) -> Any:
    """Click "Count" in the navigation rail; the page."""
    window = counter.window
    rail = window.ui.navRail
    item = rail.item(window.page_names.index("count"))
    counter.qtbot.mouseClick(
        rail.viewport(), Qt.MouseButton.LeftButton, pos=rail.visualItemRect(item).center()
    )
    assert window.work_page == "count"
    view = window.count
    counter.qtbot.waitUntil(lambda: view.department.count() > 0, timeout=10_000)
    return view


def start_shelf(counter: Counter, bay: str) -> Any:
    """Type the bay into "Count a shelf" and press Enter; the page, counting."""
    view = open_count_page(counter)
    with counter.qtbot.waitSignal(view.opened, timeout=10_000):
        counter.qtbot.keyClicks(view.shelf, bay.lower().replace("-", ""))
        counter.qtbot.keyClick(view.shelf, Qt.Key.Key_Return)
    assert (
        view.step_name == "counting"
        and view.title.text() == f"Counting Aisle {bay[0]}, bay {bay[2:]}"
    )
    return view


def scan_counted(counter: Counter, view: Any, code: str) -> None:
    """Scan ``code`` with the USB scanner; it is taken (good) and its line written."""
    with counter.qtbot.waitSignal(view.counted, timeout=10_000):
        result = scanner_scan(counter, code)
    assert result.destination is Destination.VIEW and result.good, result
    assert counter.window.flash.state == "good"


def counted_in_table(view: Any) -> dict[str, int | None]:
    """SKU -> counted, as the counting table shows it."""
    return dict(view.lines())


def select_row(counter: Counter, view: Any, sku: str) -> None:
    """Click a line of the counting table."""
    row = view.model.row_of(sku)
    rect = view.table.visualRect(view.model.index(row, 0))
    counter.qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view.table.setFocus()
    counter.qtbot.waitUntil(view.table.hasFocus)


def server_on_hand(counter: Counter, sku: str) -> tuple[int, int]:
    """On hand and version of ``sku`` at AMS1 in the server's own database."""
    [(on_hand, version)] = counter.demo.query(
        "SELECT i.on_hand, i.version FROM inventory i JOIN stores s ON s.id = i.store_id "
        "WHERE s.code = 'AMS1' AND i.sku = ?",
        sku,
    )
    return int(on_hand), int(version)


def station_version(counter: Counter, sku: str) -> int | None:
    """The version of ``sku``'s stock at the station's store as last confirmed by sync."""
    store_id = counter.station.store_id
    rows = counter.read(
        lambda conn: conn.exec_driver_sql(
            "SELECT version FROM inventory WHERE store_id = ? AND sku = ?", (store_id, sku)
        ).all()
    )
    return int(rows[0][0]) if rows else None


def review(counter: Counter, view: Any) -> None:
    """Press "Review variances" and wait for the review."""
    with counter.qtbot.waitSignal(view.reviewed, timeout=10_000):
        counter.qtbot.mouseClick(view.review_button, Qt.MouseButton.LeftButton)
    assert view.step_name == "review"


def test_a_shelf_counted_by_scans_and_keys_reviewed_exported_and_submitted(
    counter: Counter, qtmodeltester: ModelTester, tmp_path: Path
) -> None:
    """A manager counts a bay: scans +1 (good sound, line highlighted), ``+``/``-`` and a
    typed quantity on the selected line; a product of another aisle is refused naming
    where it belongs; a unit found stolen after counting is written off on its own. The
    review shows every stocked SKU of the bay with its variance, largest value first; a
    reason is picked per line; the CSV export holds the cache's raw figures; Submit queues
    one count command per line and the server then has the counted quantities, less the
    unit written off after the count."""
    counter.signed_in("ams1.manager")
    bay, items, other = shelf_to_count(counter, least=3)  # one is left not counted
    (a_sku, a_gtin, a_on_hand), (b_sku, b_gtin, _b), *rest = items
    view = start_shelf(counter, bay)
    counter.qtbot.waitUntil(lambda: view.codes is not None, timeout=10_000)
    listen(counter, signed_in=False)

    scan_counted(counter, view, a_gtin)
    scan_counted(counter, view, a_gtin)
    scan_counted(counter, view, b_gtin)
    assert counted_in_table(view) == {a_sku: 2, b_sku: 1}
    assert view.model.highlight == b_sku
    assert view.units.text() == "3" and view.items.text() == "units · 2 items counted"
    assert view.banner_text.text().endswith(f"({b_sku}) · 1 counted (scanned)")
    qtmodeltester.check(view.model, force_py=True)

    select_row(counter, view, a_sku)
    with counter.qtbot.waitSignal(view.counted, timeout=10_000):
        counter.qtbot.keyClick(view.table, Qt.Key.Key_Plus)
    assert counted_in_table(view)[a_sku] == 3
    with counter.qtbot.waitSignal(view.counted, timeout=10_000):
        counter.qtbot.keyClick(view.table, Qt.Key.Key_Minus)
    assert counted_in_table(view)[a_sku] == 2
    select_row(counter, view, b_sku)
    with counter.qtbot.waitSignal(view.counted, timeout=10_000):
        type_keys(counter.qtbot, focus_window(counter), "4", PERSON_MS)
    assert counted_in_table(view) == {a_sku: 2, b_sku: 4}

    # One unit of A turns out damaged after it was counted: written off on its own. The
    # correction is version-checked, so first let the station catch up with the server
    # (an earlier test's order may have just moved this stock row's reservations).
    counter.qtbot.waitUntil(
        lambda: station_version(counter, a_sku) == server_on_hand(counter, a_sku)[1],
        timeout=10_000,
    )
    select_row(counter, view, a_sku)
    counter.qtbot.mouseClick(view.correct_button, Qt.MouseButton.LeftButton)
    dialog = view.adjust_dialog
    counter.qtbot.waitUntil(lambda: dialog.isVisible(), timeout=5_000)
    assert dialog.units.value() == -1 and dialog.reason.currentData() == "damaged"
    for _ in range(dialog.reason.findData("theft") - dialog.reason.currentIndex()):
        counter.qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)
    assert dialog.reason.currentData() == "theft"
    with counter.qtbot.waitSignal(view.corrected, timeout=10_000) as corrected:
        counter.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    correction = corrected.args[0]
    assert correction.args == {"mode": "delta", "quantity": -1, "reason": "theft"}
    assert correction.base_version == station_version(counter, a_sku)

    refused = scanner_scan(counter, other)
    assert refused.destination is Destination.REFUSED
    assert refused.message == f"That item is not part of this count (Aisle {bay[0]}, bay {bay[2:]})"
    outside = counter.read(lambda conn: queries.product_by_identifier(conn, other))
    where = queries.shelf_location(outside.department, outside.sku)
    counter.qtbot.waitUntil(
        lambda: f"it belongs to {outside.department}, shelf {where}" in view.banner_text.text(),
        timeout=5_000,
    )
    assert view.add_outside.isVisible() and other not in counted_in_table(view)

    review(counter, view)
    qtmodeltester.check(view.review_model, force_py=True)
    rows = {r.sku: r for r in view.review_model.rows}
    assert set(rows) == {sku for sku, _g, _h in items}
    assert (rows[a_sku].expected, rows[a_sku].counted) == (a_on_hand, 2)
    assert rows[b_sku].counted == 4
    assert all(rows[sku].counted is None for sku, _g, _h in rest)
    counted_values = [
        abs(r.variance_minor or 0) for r in view.review_model.rows if r.counted is not None
    ]
    assert counted_values == sorted(counted_values, reverse=True)
    status = view.review_model.column(Col.STATUS)
    for sku, _g, _h in rest:
        index = view.review_model.index(view.review_model.row_of(sku), status)
        assert index.data() == "Not counted"
    assert view.figures["lines"].text() == "2" and view.figures["missing"].text() == str(len(rest))
    assert view.submit_button.isEnabled()

    reason_column = view.review_model.column(Col.REASON)
    combo = view.review_table.indexWidget(
        view.review_model.index(view.review_model.row_of(b_sku), reason_column)
    )
    assert isinstance(combo, QComboBox) and combo.currentData() == "cycle_count"
    with counter.qtbot.waitSignal(view.reviewed, timeout=10_000):
        counter.qtbot.keyClick(combo, Qt.Key.Key_Down)
    picked = combo.itemData(1)
    session_id = view.session.id
    assert (
        counter.read(lambda conn: counts.line(conn, session_id, b_sku)).reason
        == picked
        == "damaged"
    )

    view.export_dir = tmp_path
    with counter.qtbot.waitSignal(view.exported, timeout=10_000) as exported:
        counter.qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    with Path(exported.args[0]).open(encoding="utf-8-sig", newline="") as handle:
        header, *lines = list(csv.reader(handle))
    assert header == [TITLES[c] for c in Col]
    cached = counter.read(lambda conn: counts.review(conn, session_id))
    assert [line[1] for line in lines] == [r.sku for r in cached.lines]
    for line, row in zip(lines, cached.lines, strict=True):
        assert line[3] == str(row.expected)
        assert line[4] == ("" if row.counted is None else str(row.counted))
        assert line[5] == ("" if row.variance is None else str(row.variance))
        value = row.variance_minor
        assert line[6] == ("" if value is None else str(round(value / 100, 2)))
        assert line[7] == ("" if row.counted is None else row.reason)
    assert lines[[r.sku for r in cached.lines].index(b_sku)][7] == "damaged"

    with counter.qtbot.waitSignal(view.submitted, timeout=10_000) as submitted:
        counter.qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    result = submitted.args[0]
    assert view.step_name == "done" and view.done_title.text() == "2 stock counts queued"
    assert [e.seq for e in result.entries] == [correction.seq + 1, correction.seq + 2]
    assert {(e.target_key, e.args["quantity"], e.args["reason"]) for e in result.entries} == {
        (f"{counter.station.store_id}:{a_sku}", 2, "cycle_count"),
        (f"{counter.station.store_id}:{b_sku}", 4, "damaged"),
    }
    # A: 2 counted, then the unit stolen after the count (a later movement) is still off.
    counter.qtbot.waitUntil(
        lambda: server_on_hand(counter, a_sku)[0] == 1 and server_on_hand(counter, b_sku)[0] == 4,
        timeout=30_000,
    )
    counter.qtbot.waitUntil(
        lambda: view.done_waiting.text() == "All sent to the server", timeout=30_000
    )


def test_a_count_taken_offline_reaches_the_server_against_a_later_sale(
    counter: Counter, cable: FaultProxy
) -> None:
    """Network down: an associate counts a bay by scanning and may not submit (the count
    waits, saved); a manager signs in, resumes it and submits it: the commands wait in the
    outbox. A customer then collects one unit of the counted item at the server. Network
    back: the count reaches the server, whose on hand is the count less that sale."""
    counter.signed_in("ams1.associate")
    status = counter.window.status
    counter.qtbot.waitUntil(lambda: "Online" in status.link.text(), timeout=15_000)
    bay, items, _other = shelf_to_count(counter, units=3)
    sku, gtin, _on_hand = items[0]
    cable.unplug()
    counter.qtbot.waitUntil(lambda: "Offline" in status.link.text(), timeout=15_000)

    view = start_shelf(counter, bay)
    counter.qtbot.waitUntil(lambda: view.codes is not None, timeout=10_000)
    listen(counter, signed_in=False)
    for _ in range(3):
        scan_counted(counter, view, gtin)
    assert counted_in_table(view) == {sku: 3}
    review(counter, view)
    assert not view.submit_button.isEnabled()
    assert view.submit_note.text() == counts.MANAGER_SUBMITS + "."
    counter.window.scanners.uninstall()

    counter.window.sign_out()
    counter.signed_in("ams1.manager")
    view = open_count_page(counter)
    counter.qtbot.waitUntil(lambda: view.open_list.count() >= 1, timeout=10_000)
    assert view.open_list.item(0).text().startswith(f"Aisle {bay[0]}, bay {bay[2:]}")
    assert "1 item, 3 units counted" in view.open_list.item(0).text()
    with counter.qtbot.waitSignal(view.opened, timeout=10_000):
        counter.qtbot.mouseClick(view.resume_button, Qt.MouseButton.LeftButton)
    review(counter, view)
    assert view.submit_button.isEnabled()
    with counter.qtbot.waitSignal(view.submitted, timeout=10_000) as submitted:
        counter.qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)
    (entry,) = submitted.args[0].entries
    counter.qtbot.waitUntil(
        lambda: status.pending.text() == "1 change waiting to send", timeout=10_000
    )
    assert view.done_waiting.text() == "1 waiting to send"
    base_on_hand, base_version = server_on_hand(counter, sku)
    assert entry.base_version == base_version and entry.args["quantity"] == 3

    def tried() -> bool:
        waiting = counter.read(outbox.pending)
        return len(waiting) == 1 and waiting[0].attempts >= 1

    counter.qtbot.waitUntil(tried, timeout=20_000)
    assert server_on_hand(counter, sku) == (base_on_hand, base_version)

    # A customer collects one unit at the server meanwhile (after the count was taken).
    price = counter.read(lambda conn: queries.product_by_identifier(conn, sku)).price_minor
    number = counter.demo.place_pickup(sku, price, name="Sal Later")
    [(fid, code)] = counter.demo.query(
        "SELECT f.id, f.pickup_code FROM fulfillments f JOIN orders o ON o.id = f.order_id "
        "WHERE o.number = ?",
        number,
    )
    staff_command(counter, "ams1.associate", fid, "start_picking")
    staff_command(counter, "ams1.associate", fid, "mark_ready", bin=f"C-{fid}")
    staff_command(
        counter,
        "ams1.associate",
        fid,
        "hand_over",
        verification={"method": "pickup_code", "pickup_code": code},
    )
    assert server_on_hand(counter, sku)[0] == base_on_hand - 1

    cable.plug()
    counter.qtbot.waitUntil(lambda: counter.read(outbox.pending) == [], timeout=45_000)
    assert server_on_hand(counter, sku)[0] == 3 - 1
    counter.qtbot.waitUntil(
        lambda: view.done_waiting.text() == "All sent to the server", timeout=15_000
    )
    counter.qtbot.waitUntil(
        lambda: counter.read(lambda conn: queries.inventory_for(conn, sku))[0].on_hand == 2,
        timeout=30_000,
    )
