"""The Orders and Stock pages in Dutch beyond their first screen: an order open with its
lines, cards and buttons; every order change dialog (and what they say when a change
makes no sense); a product open on the Stock page with nearby stores and opening hours.
Each screen is scanned for English left over (:mod:`tests.gui.i18n_check`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_oms.cache.ordercmds import OrderRefused
from desktop_oms.gui.orders.actions import load_context, make_dialog
from desktop_oms.gui.orders.view import OrdersView
from desktop_oms.gui.stock.view import StockView
from tests.gui.conftest import Counter
from tests.gui.i18n_check import english_in, language, untranslated
from tests.gui.test_order_changes import place
from tests.gui.test_stock import showcase as stock_showcase

#: Every order change, in the order the detail's buttons list them.
ACTIONS = (
    "change_quantity",
    "cancel_line",
    "cancel_order",
    "change_pickup_store",
    "change_delivery",
    "replace_item",
    "edit_contact",
    "resend_ready_notice",
    "release_fraud_hold",
)


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    """The Dutch catalogue installed before the window is built."""
    with language("nl"):
        yield


def english(root: Any, data: frozenset[str] = frozenset()) -> str:
    """The English found under ``root``, one finding a line ("" when none); ``data``:
    texts that are data (store names), not wording."""
    return "\n".join(untranslated(root, allow=lambda _where, text: text in data))


def test_an_order_and_its_change_dialogs_in_dutch(dutch: None, counter: Counter) -> None:
    """A manager opens an order in Dutch: the detail, and each change dialog (or the reason
    it cannot be made), show no English."""
    number = place(counter, 2)
    counter.signed_in("ams1.manager")
    counter.window.show_page("orders")
    page: OrdersView = counter.window.orders
    counter.qtbot.waitUntil(lambda: page.search.placeholderText() != "", timeout=5_000)
    counter.qtbot.keyClicks(page.search, number)
    counter.qtbot.waitUntil(lambda: page.model.row_of(number) is not None, timeout=10_000)
    with counter.qtbot.waitSignal(page.orderOpened, timeout=10_000):
        counter.qtbot.keyClick(page.search, Qt.Key.Key_Return)
    counter.qtbot.waitUntil(lambda: page.detail.meta.text() != "", timeout=5_000)
    assert page.detail.buttons["cancel_order"].text() == "Bestelling annuleren"
    assert page.hit_count.text() == "1 bestelling"
    found = english(counter.window)
    assert found == "", f"English on the Dutch order detail:\n{found}"
    tips = [b.toolTip() for b in page.detail.buttons.values()]
    assert [t for t in tips if english_in(t)] == []

    store, now = counter.station.store_id, datetime.now(UTC)
    refused: list[str] = []
    for action in ACTIONS:
        try:
            context = counter.read(lambda conn, a=action: load_context(conn, a, number, store, now))
        except OrderRefused as exc:
            refused.append(exc.message)
            continue
        dialog = make_dialog(action, context, counter.window)
        dialog.show()
        counter.qtbot.waitExposed(dialog)
        try:
            found = english(dialog)
            assert found == "", f"English in the Dutch {action} dialog:\n{found}"
            if hasattr(dialog, "reason"):  # no reason chosen: the dialog says so, in Dutch
                dialog.reason.setCurrentIndex(0)
                dialog.accept()
                assert dialog.isVisible() and dialog.error.text() != ""
                assert english_in(dialog.error.text()) is None, dialog.error.text()
            if action == "edit_contact":  # a check of the cache says what is wrong, in Dutch
                dialog.email.setText("klant.voorbeeld.nl")
                dialog.accept()
                assert dialog.error.text() == (
                    "Het e-mailadres heeft een @ nodig (zoals naam@voorbeeld.nl)."
                )
        finally:
            dialog.reject()
            dialog.deleteLater()
    # a new pickup is neither ready nor on fraud review: those two say why, in Dutch
    assert len(refused) == 2
    assert [m for m in refused if english_in(m)] == []


def test_a_product_on_the_stock_page_in_dutch(dutch: None, counter: Counter) -> None:
    """A product looked up on the Stock page: its figures, nearby stores and their opening
    hours, in Dutch."""
    _text, sku, _gtin = stock_showcase(counter)
    counter.signed_in("ams1.associate")
    counter.window.show_page("stock")
    page: StockView = counter.window.stock
    with counter.qtbot.waitSignal(page.searched, timeout=10_000):
        counter.qtbot.keyClicks(page.search, sku)
    with counter.qtbot.waitSignal(page.productOpened, timeout=10_000):
        counter.qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.detail.on_hand.caption.text() == "Aanwezig"
    assert page.detail.store_rows, "the showcase product has nearby stores"
    names = frozenset(
        str(n)
        for (n,) in counter.read(lambda c: c.exec_driver_sql("SELECT name FROM stores").all())
    )
    found = english(counter.window, names)
    assert found == "", f"English on the Dutch stock detail:\n{found}"
    tips = [w.toolTip() for row in page.detail.store_rows for w in row if w.toolTip() not in names]
    assert [t for t in tips if english_in(t)] == [], tips


def test_the_caches_english_is_recognised_and_said_in_dutch(qapp: QApplication) -> None:
    """The GUI re-words what the Qt-free cache says in English (timeline entries, refused
    changes and counts, opening hours) by its shape: every shape the cache produces today
    comes out Dutch, so a change of wording there fails here rather than showing English."""
    from datetime import timedelta

    from desktop_oms.cache import counts, ordercmds, stock
    from desktop_oms.cache import orders as cache_orders
    from desktop_oms.domain.errors import DomainError
    from desktop_oms.gui.count.view import refusal_words
    from desktop_oms.gui.orders.refusals import refusal_text
    from desktop_oms.gui.orders.timelinewords import entry_text, why_text
    from desktop_oms.gui.stock import timewords

    timeline = [cache_orders.action_text(a) for a in cache_orders._ACTIONS]
    timeline += [f"{e} (fulfillment 7)" for e in cache_orders._ENDED.values()]
    timeline += [
        "Order placed (call_centre)",
        "Fulfillment 7: ship from store at AMS1",
        "2 × AP-000002 (line 1) rejected at AMS1",
        "Ready for pickup in bin A-21 (fulfillment 7)",
        "Goods of fulfillment 7 back on the shelf",
        "Quantity changed (fulfillment 7): line 1, AP-000002, 2 units, → UTR1",
    ]
    refusals = [ordercmds.email_problem(e) for e in ("", "ab", "a b@c.nl", "a@@b.nl", "a@b")] + [
        ordercmds.phone_problem(p) for p in ("", "06-abc", "06+1", "0612", "0" * 16)
    ]
    refusals += [ordercmds.name_problem(n, "customer's name") for n in ("", "A", "A" * 121)]
    refusals += list(
        ordercmds.address_problems(
            {"name": "", "line1": "Straat", "postal_code": "12", "city": "", "country": "NL"}
        ).values()
    )
    refusals.append(" ".join(ordercmds.address_problems({"country": "XX"}).values()))
    hours = {d: ["09:00", "18:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat")}
    now = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)  # a Sunday: closed all day
    clocks = [
        stock.store_clock(hours, "Europe/Amsterdam", now + timedelta(hours=h))
        for h in (-4, 0, 20, 26, 40)
    ]
    with language("nl"):
        untouched = [t for t in timeline if entry_text(t) == t]
        # (country codes aside: "BE" reads as the English "be" to the check)
        english = [
            m
            for m in refusals
            if m and (refusal_text(m) == m or english_in(refusal_text(m).replace("BE,", "")))
        ]
        shelf: list[str] = []
        try:
            counts.parse_shelf("zz")
        except DomainError as exc:
            shelf.append(refusal_words(exc))
        opening = [(timewords.status(c), c.status) for c in clocks]
        opening.append((timewords.hours_today(clocks[1]), clocks[1].today))
        why = why_text("damaged")
    assert untouched == []
    assert english == []
    assert shelf and shelf[0].startswith("“zz” is geen schap")
    assert why == "Artikel beschadigd"
    assert [source for dutch, source in opening if dutch == source] == [], opening
