"""The Orders page against a real demo server: search as you type by number, name, phone,
e-mail or SKU from the cache; an order's detail (lines and where each stands, payment and
fraud, customer); its timeline from the server saying who, on which station and why;
customer service searching every store through the server, and told plainly when the
network is gone; a scanned order code opens the order; the buttons fit the order's state.

The station reaches the demo server through a proxy on loopback (as in
``test_handover_offline.py``) so a test can pull the cable.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desktop_oms.cache import orders, outbox
from desktop_oms.cache.orders import OrderView
from desktop_oms.domain.identifiers import order_code
from desktop_oms.gui.orders.model import LineColumn
from desktop_oms.gui.orders.view import OrdersView
from desktop_oms.sync.client import ORDERS_OFFLINE
from tests.gui.conftest import Counter, LiveDemo
from tests.gui.test_scanning import listen, scanner_scan
from tests.sync.faultproxy import FaultProxy


@pytest.fixture
def cable(demo: LiveDemo) -> Iterator[FaultProxy]:
    """The store's network: a proxy between the counter and the demo server."""
    port = urlsplit(demo.url).port
    assert port is not None
    with FaultProxy(port) as proxy:
        yield proxy


@pytest.fixture
def counter_url(cable: FaultProxy) -> str:
    """The counter of these tests talks to the server through :func:`cable`."""
    return cable.url


@pytest.fixture
def station(counter: Counter) -> Iterator[Counter]:
    """The counter, with the order modifications kept out of the way (their dialogs are
    tested elsewhere) and its scanners stopped after the test."""
    window = counter.window
    actions = getattr(window, "order_actions", None)
    if actions is not None:
        with contextlib.suppress(RuntimeError, TypeError):
            window.orders.actionRequested.disconnect(actions.start)
    yield counter
    window.scanners.uninstall()


def open_orders(counter: Counter) -> OrdersView:
    """Click "Orders" in the navigation rail."""
    window = counter.window
    rail = window.ui.navRail
    item = rail.item(window.page_names.index("orders"))
    counter.qtbot.mouseClick(
        rail.viewport(), Qt.MouseButton.LeftButton, pos=rail.visualItemRect(item).center()
    )
    assert window.work_page == "orders"
    view: OrdersView = window.orders
    counter.qtbot.waitUntil(view.search.hasFocus, timeout=5_000)
    return view


def type_search(counter: Counter, view: OrdersView, text: str) -> None:
    """Clear the search (Esc) and type ``text`` key by key."""
    view.search.setFocus()
    if view.search.text():
        counter.qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert view.search.text() == ""
    counter.qtbot.keyClicks(view.search, text)


def docs_of(counter: Counter, number: str) -> list[dict[str, Any]]:
    """The cached documents of an order's fulfillments here."""

    def read(conn: Any) -> list[dict[str, Any]]:
        rows = conn.exec_driver_sql(
            "SELECT doc FROM v_fulfillments WHERE order_number = ? ORDER BY id", (number,)
        )
        return [json.loads(doc) for (doc,) in rows]

    found: list[dict[str, Any]] = counter.read(read)
    return found


def showcase(counter: Counter) -> tuple[str, str]:
    """The demo's showcase order here: a last name to search by, and its number."""
    found = counter.read(orders.showcase)
    assert found is not None
    return found


def open_hit(counter: Counter, view: OrdersView, number: str, *, server: bool) -> OrderView:
    """Click the order in the results; the view shown (the server's when ``server``)."""
    row = view.model.row_of(number)
    assert row is not None
    rect = view.table.visualRect(view.model.index(row, 0))
    with counter.qtbot.waitSignal(
        view.orderOpened,
        timeout=15_000,
        check_params_cb=lambda v: v.number == number and v.from_server == server,
    ) as opened:
        counter.qtbot.mouseClick(
            view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    shown: OrderView = opened.args[0]
    return shown


def online_token(counter: Counter) -> None:
    """Wait for the signed-in person's online session (the PIN sign-in confirms it)."""
    counter.qtbot.waitUntil(
        lambda: counter.station.session is not None and bool(counter.station.session.token),
        timeout=15_000,
    )


def sign_in_online(counter: Counter, login: str) -> None:
    """Sign a chain-wide staff member in at the server, as the sign-in view does for staff
    the station does not know (chain staff are not synced to a store's station)."""
    from desktop_oms.gui.signin import session_from_token

    counter.qtbot.waitUntil(lambda: counter.station.link.online, timeout=20_000)
    session = session_from_token(counter.station.sign_in_online(login, "1234"))
    with counter.qtbot.waitSignal(counter.window.workShown, timeout=10_000):
        counter.station.begin_session(session)
        counter.window.sign_in.signedIn.emit(session)


def stocked_sku(demo: LiveDemo, store: str) -> tuple[str, int]:
    """A product with plenty of stock at ``store``: SKU and price."""
    rows = demo.query(
        "SELECT p.sku, p.price_minor FROM products p JOIN inventory i ON i.sku = p.sku "
        "JOIN stores s ON s.id = i.store_id WHERE s.code = ? AND i.on_hand - i.reserved >= 3 "
        "ORDER BY p.sku LIMIT 1",
        store,
    )
    return str(rows[0][0]), int(rows[0][1])


# --- search from the cache ---------------------------------------------------------------


def test_search_as_you_type_by_number_name_phone_email_and_sku(
    station: Counter, qtmodeltester: ModelTester
) -> None:
    """An associate finds the same order typing its number, the customer's last name,
    their phone the way they say it (06 …, +31 6 …), their e-mail or a line's SKU; the
    results come from the cache as each key is typed, and Enter opens the first."""
    counter = station
    counter.signed_in()
    view = open_orders(counter)
    assert not view.scope_box.isVisibleTo(view)  # store staff search their store only
    surname, number = showcase(counter)
    doc = docs_of(counter, number)[0]
    phone = doc["customer"]["phone"]
    digits = "".join(c for c in phone if c.isdigit())
    assert digits.startswith("31")
    national = f"0{digits[2]} {digits[3:7]} {digits[7:]}"
    keys = [
        number,
        surname.lower(),
        national,
        f"+{digits[:2]} {digits[2]} {digits[3:]}",
        doc["customer"]["email"].upper(),
        doc["lines"][0]["sku"],
    ]
    for text in keys:
        type_search(counter, view, text)
        counter.qtbot.waitUntil(
            lambda text=text: view.search.text() == text and number in view.visible_orders(),
            timeout=10_000,
        )
        assert view.last_scope == "store"
    qtmodeltester.check(view.model)
    assert "SKU " + doc["lines"][0]["sku"] in str(
        view.model.data(view.model.index(view.model.row_of(number) or 0, 0))
    )

    type_search(counter, view, number)
    counter.qtbot.waitUntil(lambda: view.visible_orders() == [number], timeout=10_000)
    with counter.qtbot.waitSignal(view.orderOpened, timeout=10_000):
        counter.qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.current is not None and view.current.number == number

    type_search(counter, view, "zzqx-nobody")
    counter.qtbot.waitUntil(lambda: view.hit_count.text() == "No matches", timeout=10_000)
    assert "No order matches" in view.empty.text()


# --- one order in full ---------------------------------------------------------------------


def test_detail_shows_lines_states_payment_fraud_customer_and_buttons(
    station: Counter, qtmodeltester: ModelTester
) -> None:
    """The showcase order (ready here, a line rejected, a second fulfillment on its way
    from another store): every line with its store, method and status; the customer,
    payment and fraud state; the buttons that fit it enabled and the others disabled
    saying why; a button asks for its action with the order's number."""
    counter = station
    counter.signed_in()
    online_token(counter)
    view = open_orders(counter)
    surname, number = showcase(counter)
    docs = docs_of(counter, number)
    type_search(counter, view, surname)
    counter.qtbot.waitUntil(lambda: number in view.visible_orders(), timeout=10_000)
    shown = open_hit(counter, view, number, server=True)

    detail = view.detail
    expected = sorted(
        (ln["line_no"], d["id"], d["status"], ln["quantity"], ln["rejected"])
        for d in docs
        for ln in d["lines"]
    )
    got = sorted(
        (x.line_no, x.fulfillment_id, x.status, x.quantity, x.rejected) for x in shown.lines
    )
    assert got == expected
    model = detail.lines_model
    assert model.rowCount() == len(expected)
    cells = [
        (
            model.data(model.index(r, LineColumn.WHERE)),
            model.data(model.index(r, LineColumn.STATUS)),
            model.data(model.index(r, LineColumn.PROBLEMS)),
        )
        for r in range(model.rowCount())
    ]
    codes = set(view.store_codes.values())
    assert all(str(where).split(" · ")[0] in codes for where, _s, _p in cells)
    assert any(str(status).startswith("Ready") for _w, status, _p in cells)
    rejected = sum(ln["rejected"] for d in docs for ln in d["lines"])
    if rejected:
        assert any("rejected" in str(p) for _w, _s, p in cells)
    qtmodeltester.check(model)

    customer = docs[0]["customer"]
    text = detail.customer_body.text()
    assert customer["name"] in text and customer["email"] in text
    assert customer["phone"] in text
    payment = detail.payment_body.text()
    assert docs[0]["order"]["payment_state"].capitalize() in payment
    assert docs[0]["order"]["fraud_state"].capitalize() in payment
    assert detail.status_chip.text() == "Ready"
    assert "bin" in detail.delivery_body.text()

    buttons = detail.buttons
    assert set(buttons) == set(orders.ACTIONS)
    assert buttons["resend_ready_notice"].isEnabled()
    assert buttons["cancel_order"].isEnabled() and buttons["edit_contact"].isEnabled()
    assert not buttons["release_fraud_hold"].isEnabled()
    assert "No fraud hold" in buttons["release_fraud_hold"].toolTip()
    with counter.qtbot.waitSignal(view.actionRequested, timeout=5_000) as asked:
        counter.qtbot.mouseClick(buttons["edit_contact"], Qt.MouseButton.LeftButton)
    assert asked.args == ["edit_contact", number]
    with counter.qtbot.assertNotEmitted(view.actionRequested):
        counter.qtbot.mouseClick(buttons["release_fraud_hold"], Qt.MouseButton.LeftButton)


def test_timeline_from_the_server_says_who_which_station_when_and_why(
    station: Counter, qtmodeltester: ModelTester
) -> None:
    """A line of a new order is rejected at this station ("damaged"): once the server has
    it, the order's timeline shows the rejection by the lead, on this station, with its
    reason — and the order being placed before it. A change still queued shows as pending
    on the order."""
    counter = station
    counter.signed_in("ams1.lead")
    online_token(counter)
    session = counter.station.session
    assert session is not None
    sku, price = stocked_sku(counter.demo, "AMS1")
    tag = uuid.uuid4().hex[:6]
    number = counter.demo.place_pickup(sku, price, name=f"Rosa Timeline{tag}", quantity=2)
    counter.qtbot.waitUntil(lambda: bool(docs_of(counter, number)), timeout=20_000)
    doc = docs_of(counter, number)[0]

    with counter.station.cache.write() as conn:
        outbox.enqueue(
            conn,
            name="reject_line",
            target_kind="fulfillment",
            target_key=str(doc["id"]),
            base_version=doc["version"],
            staff_id=session.staff_id,
            approved_by=None,
            args={"line_no": 1, "quantity": 1, "reason": "damaged"},
            now=datetime.now(UTC),
        )
    counter.events.changed()
    counter.station.kick()
    counter.qtbot.waitUntil(
        lambda: bool(
            counter.demo.query(
                "SELECT 1 FROM audit WHERE entity = 'fulfillment' AND entity_key = ? "
                "AND action = 'reject_line'",
                str(doc["id"]),
            )
        ),
        timeout=30_000,
    )

    view = open_orders(counter)
    type_search(counter, view, f"timeline{tag}")
    counter.qtbot.waitUntil(lambda: view.visible_orders() == [number], timeout=15_000)
    shown = open_hit(counter, view, number, server=True)
    rows = shown.timeline
    assert rows[0].what.startswith("Order placed")
    rejection = next(r for r in rows if r.what.startswith("Line rejected"))
    assert rejection.who == session.display_name
    assert rejection.why == "damaged"
    station_id = counter.station.enrolment.station_id
    assert rejection.station and (
        str(station_id) in rejection.station or "counter" in rejection.station.lower()
    )
    panel = view.detail.timeline
    assert panel.source.text() == "From the server" and not panel.note.isVisible()
    qtmodeltester.check(panel.model)
    first = panel.model.index(0, 0)
    assert panel.model.rowCount() == len(rows) and panel.model.data(first)  # newest first

    # a change queued but not sent yet shows as pending on the order
    with counter.station.cache.write() as conn:
        held = outbox.enqueue(
            conn,
            name="cancel_order",
            target_kind="order",
            target_key=number,
            base_version=shown.version,
            staff_id=session.staff_id,
            approved_by=None,
            args={"reason": "customer_request"},
            now=datetime.now(UTC),
            hold_until=datetime(2999, 1, 1, tzinfo=UTC),
        )
    view.reload()
    counter.qtbot.waitUntil(lambda: view.detail.pending_banner.isVisible(), timeout=10_000)
    assert "waiting to be sent" in view.detail.pending_text.text()
    assert view.detail.pending_chip.text() == "1 change waiting to send"
    with counter.station.cache.write() as conn:
        outbox.withdraw(conn, held.seq)


# --- customer service: every store, online -------------------------------------------------


def test_customer_service_searches_every_store_and_is_told_when_offline(
    station: Counter, cable: FaultProxy
) -> None:
    """Customer service signs in online at a store's station, finds an order of another
    store through the server and opens it with its timeline. With the cable pulled, the
    page says all-store search needs the network and still finds this store's orders."""
    counter = station
    sku, price = stocked_sku(counter.demo, "UTR1")
    tag = uuid.uuid4().hex[:6]
    theirs = counter.demo.place_pickup(sku, price, name=f"Ilse Elsewhere{tag}", store="UTR1")
    sign_in_online(counter, "service1")
    session = counter.station.session
    assert session is not None and session.role.chain_wide and session.token
    view = open_orders(counter)
    assert view.scope_box.isVisible() and view.scope_chain.isChecked()
    assert view.scope == "chain"

    type_search(counter, view, f"elsewhere{tag}")
    counter.qtbot.waitUntil(lambda: view.visible_orders() == [theirs], timeout=15_000)
    assert view.last_scope == "chain"
    (hit,) = view.last_hits
    assert counter.station.store_id not in hit.store_ids
    assert "UTR1" in str(view.model.data(view.model.index(0, 0)))
    shown = open_hit(counter, view, theirs, server=True)
    assert [x.store for x in shown.lines] == ["UTR1"]
    assert shown.timeline[0].what.startswith("Order placed")
    assert not docs_of(counter, theirs)  # not in this store's cache: read online

    ours_surname, ours = showcase(counter)
    cable.unplug()
    status = counter.window.status
    counter.qtbot.waitUntil(lambda: "Offline" in status.link.text(), timeout=20_000)
    counter.qtbot.waitUntil(view.banner.isVisible, timeout=5_000)
    assert ORDERS_OFFLINE in view.banner_text.text()
    assert "needs the network" in view.banner_text.text()
    type_search(counter, view, f"elsewhere{tag}")
    counter.qtbot.waitUntil(lambda: view.hit_count.text() == "No matches", timeout=10_000)
    type_search(counter, view, ours_surname)
    counter.qtbot.waitUntil(lambda: ours in view.visible_orders(), timeout=10_000)
    assert view.last_scope == "store" and "in this store" in view.hit_count.text()
    shown = open_hit(counter, view, ours, server=False)
    assert view.detail.timeline.note.isVisible()
    assert "Offline" in view.detail.timeline.note.text()
    assert shown.timeline and shown.timeline[0].what.startswith("Order placed")

    cable.plug()
    counter.qtbot.waitUntil(lambda: not view.banner.isVisible(), timeout=30_000)


# --- scans -----------------------------------------------------------------------------------


def test_a_scanned_order_code_opens_the_order(station: Counter) -> None:
    """With the Orders page in front, scanning an order's code opens that order there."""
    counter = station
    listen(counter)
    view = open_orders(counter)
    _surname, number = showcase(counter)
    with counter.qtbot.waitSignal(
        view.orderOpened, timeout=15_000, check_params_cb=lambda v: v.number == number
    ):
        result = scanner_scan(counter, order_code(number))
    assert result.good, result.message
    assert counter.window.work_page == "orders"
    assert view.search.text() == number
