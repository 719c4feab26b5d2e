"""Expired pickups at the counter: the Expired tab, Return to stock by keyboard and by bin
scan, and a manager expiring a pickup whose hold has ended."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_oms.domain.identifiers import bin_code
from desktop_oms.gui.pickups import view as view_module
from tests.gui.conftest import Counter
from tests.gui.test_pickups import scan

#: Ended pickups collected at AMS1 whose goods are still in a bin, as the server has them.
_SERVER_TO_RETURN = """
SELECT o.number FROM fulfillments f
JOIN orders o ON o.id = f.order_id
JOIN stores s ON s.id = CASE WHEN f.method = 'ship_to_store'
                             THEN f.destination_store_id ELSE f.store_id END
WHERE s.code = 'AMS1' AND f.method != 'ship_from_store'
  AND f.status IN ('expired', 'cancelled') AND f.bin IS NOT NULL AND f.returned_at IS NULL
ORDER BY f.updated_at, f.id
"""


def staff_command(counter: Counter, login: str, fid: int, name: str, **args: Any) -> None:
    """Run a command online as ``login`` (the staff API), as a manager's own PC would."""
    url = counter.demo.url
    token = requests.post(
        f"{url}/api/v1/auth/sign-in", json={"username": login, "pin": "1234"}, timeout=10
    ).json()["token"]
    done = requests.post(
        f"{url}/api/v1/commands",
        json={"name": name, "target_kind": "fulfillment", "target_key": str(fid), "args": args},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert done.status_code == 200, done.text


def staged_pickup(counter: Counter, name: str) -> tuple[str, int, str]:
    """A new pickup at AMS1, picked and staged in a bin of its own; number, id, bin."""

    def stocked(conn: Any) -> tuple[str, int]:
        return tuple(
            conn.exec_driver_sql(
                "SELECT p.sku, p.price_minor FROM v_inventory i JOIN products p ON p.sku = i.sku "
                "WHERE i.store_id = ? AND i.on_hand - i.reserved - i.safety_stock >= 3 "
                "AND p.price_minor < 20000 ORDER BY p.sku LIMIT 1",
                (counter.station.store_id,),
            ).one()
        )

    sku, price = counter.read(stocked)
    number = counter.demo.place_pickup(sku, price, name=name)
    [(fid,)] = counter.demo.query(
        "SELECT f.id FROM fulfillments f JOIN orders o ON o.id = f.order_id WHERE o.number = ?",
        number,
    )
    bin_name = f"X-{fid}"
    staff_command(counter, "ams1.associate", fid, "start_picking")
    staff_command(counter, "ams1.associate", fid, "mark_ready", bin=bin_name)
    return number, int(fid), bin_name


def server_returned(counter: Counter, fid: int) -> tuple[str | None, dict[str, Any] | None]:
    """When the server has the goods of ``fid`` back on the shelf, and the audit details."""
    [(at,)] = counter.demo.query("SELECT returned_at FROM fulfillments WHERE id = ?", fid)
    audit = counter.demo.query(
        "SELECT details FROM audit WHERE action = 'return_to_stock' AND entity_key = ?", str(fid)
    )
    return at, (json.loads(audit[0][0]) if audit else None)


def cached(counter: Counter, fid: int, expression: str) -> Any:
    """``expression`` over the station's row of fulfillment ``fid`` (predicted while pending)."""
    sql = f"SELECT {expression} FROM v_fulfillments WHERE id = ?"
    return counter.read(lambda conn: conn.exec_driver_sql(sql, (fid,)).scalar())


def expired_tab(counter: Counter) -> None:
    """Switch to the Expired tab from the keyboard (Ctrl+5) and wait for its rows."""
    view = counter.pickups
    counter.window.activateWindow()
    counter.qtbot.waitUntil(lambda: counter.window.isActiveWindow(), timeout=5_000)
    with counter.qtbot.waitSignal(view.refreshed, timeout=10_000):
        counter.qtbot.keyClick(view.table, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert view.tab == "expired" and view.tabs.current == "expired"


def test_expired_pickup_is_returned_to_stock_from_the_keyboard(counter: Counter) -> None:
    """The Expired tab lists exactly the server's ended pickups with goods in a bin, the
    longest waiting first; arrow keys open one, Ctrl+R returns it to stock: it leaves the
    list at once, the push takes it to the server, which records when and who."""
    counter.signed_in()
    number, fid, bin_name = staged_pickup(counter, "Rita Restock")
    staff_command(counter, "ams1.manager", fid, "expire")
    view = counter.pickups
    expired_tab(counter)
    counter.qtbot.waitUntil(lambda: number in view.visible_orders(), timeout=10_000)
    waiting = [number for (number,) in counter.demo.query(_SERVER_TO_RETURN)]
    assert view.visible_orders() == waiting  # the longest waiting first
    assert view.visible_orders()[-1] == number
    assert view.counts()["expired"] == len(waiting)
    assert view.table.isColumnHidden(view_module.Column.PROMISED)

    view.table.setFocus()
    counter.qtbot.keyClick(view.table, Qt.Key.Key_Home)
    for _ in range(view.visible_orders().index(number)):
        counter.qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.model.row_at(view.table.currentIndex().row()).order_number == number
    counter.qtbot.waitUntil(lambda: view.detail.title.text() == number, timeout=10_000)
    detail = view.detail
    counter.qtbot.waitUntil(detail.return_button.isEnabled, timeout=10_000)
    assert not detail.hand_over_button.isVisible()
    assert bin_name in detail.banner_text.text() and "Return to stock" in detail.banner_text.text()

    counter.qtbot.keyClick(view.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    counter.qtbot.waitUntil(lambda: number not in view.visible_orders(), timeout=10_000)
    assert view.counts()["expired"] == len(waiting) - 1
    counter.qtbot.waitUntil(lambda: server_returned(counter, fid)[0] is not None, timeout=15_000)
    assert server_returned(counter, fid)[1] == {"bin": bin_name, "bin_scanned": False}
    [(by,)] = counter.demo.query("SELECT returned_by FROM fulfillments WHERE id = ?", fid)
    session = counter.station.session
    assert session is not None and by == session.staff_id
    # the station's copy follows the server's once the push is confirmed and pulled
    counter.qtbot.waitUntil(
        lambda: cached(counter, fid, "returned_at IS NOT NULL AND pending = 0") == 1,
        timeout=15_000,
    )


def test_scanning_the_bin_label_finds_and_confirms_the_return(counter: Counter) -> None:
    """Scanning a bin label opens the ended pickup waiting in it; scanning it again with
    that order open returns it to stock, and the server notes the bin was scanned."""
    counter.signed_in()
    number, fid, bin_name = staged_pickup(counter, "Bert Binscan")
    staff_command(counter, "ams1.manager", fid, "cancel", reason="customer_request")
    view = counter.pickups
    label = bin_code("AMS1", bin_name)
    counter.qtbot.waitUntil(lambda: cached(counter, fid, "status") == "cancelled", timeout=10_000)
    with counter.qtbot.waitSignal(view.orderOpened, timeout=10_000):
        scan(counter, label)
    assert view.tab == "expired" and view.detail.title.text() == number
    assert view.detail.status_chip.text() == "Cancelled"
    counter.qtbot.waitUntil(view.detail.return_button.isEnabled, timeout=10_000)

    scan(counter, label)
    counter.qtbot.waitUntil(lambda: number not in view.visible_orders(), timeout=10_000)
    counter.qtbot.waitUntil(lambda: server_returned(counter, fid)[0] is not None, timeout=15_000)
    assert server_returned(counter, fid)[1] == {"bin": bin_name, "bin_scanned": True}


@pytest.mark.parametrize("login", ["ams1.manager", "ams1.associate"])
def test_a_manager_expires_a_pickup_whose_hold_ended(
    counter: Counter, monkeypatch: pytest.MonkeyPatch, login: str
) -> None:
    """Once a ready pickup's hold has ended, its panel offers "Expire pickup…": a manager
    confirms and it expires (at the server too) and moves to the Expired tab; an associate
    sees the button but may not use it."""
    later = datetime.now(UTC) + timedelta(days=8)  # the 7-day hold is over
    monkeypatch.setattr(view_module, "_now", lambda: later)
    counter.signed_in(login)
    number, fid, _bin = staged_pickup(counter, "Hilde Holdover")
    view = counter.pickups
    counter.qtbot.waitUntil(
        lambda: cached(counter, fid, "status") == "ready_for_pickup", timeout=10_000
    )
    with counter.qtbot.waitSignal(view.orderOpened, timeout=10_000):
        scan(counter, f"OMS:O:{number}")
    detail = view.detail
    counter.qtbot.waitUntil(detail.expire_button.isVisible, timeout=10_000)
    if login == "ams1.associate":
        assert not detail.expire_button.isEnabled()
        assert "manager" in detail.expire_button.toolTip()
        return
    assert detail.expire_button.isEnabled()
    counter.qtbot.mouseClick(detail.expire_button, Qt.MouseButton.LeftButton)
    counter.qtbot.waitUntil(
        lambda: view.expire_confirm is not None and view.expire_confirm.isVisible()
    )
    box = view.expire_confirm
    assert box is not None and number in box.text()
    sure = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    counter.qtbot.mouseClick(sure, Qt.MouseButton.LeftButton)
    counter.qtbot.waitUntil(lambda: detail.status_chip.text() == "Expired", timeout=10_000)
    counter.qtbot.waitUntil(
        lambda: (
            counter.demo.query("SELECT status FROM fulfillments WHERE id = ?", fid)[0][0]
            == "expired"
        ),
        timeout=15_000,
    )
    counter.qtbot.waitUntil(detail.return_button.isVisible, timeout=10_000)
    assert view.counts()["expired"] >= 1
