"""A handover at a counter whose network is gone: queued, shown as waiting, confirmed once
the network is back.

The station reaches the demo server through a proxy on loopback, and the test pulls the
cable (:meth:`FaultProxy.unplug`: connections drop, new ones are refused) and puts it
back: the station's own sync loops find out, as they would at a store.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt

from desktop_oms.cache import outbox
from tests.gui.conftest import Counter, LiveDemo
from tests.gui.test_handover import open_handover, ready_pickup, server_state
from tests.gui.test_pickups import click_tab
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


def test_handover_made_offline_is_queued_and_confirmed_later(
    counter: Counter, cable: FaultProxy
) -> None:
    """Network down: the status bar says offline; a verified handover leaves the Ready
    queue and shows as one change waiting to send, and the server does not have it. Network
    back: it is sent by itself, the status bar says all sent, the server has it handed
    over and the order is in "Handed over today"."""
    counter.signed_in()
    view = counter.pickups
    view.undo_ms = 400
    status = counter.window.status
    counter.qtbot.waitUntil(lambda: "Online" in status.link.text(), timeout=15_000)
    doc = ready_pickup(counter)
    number, fid = doc["order_number"], doc["id"]

    cable.unplug()
    counter.qtbot.waitUntil(lambda: "Offline" in status.link.text(), timeout=15_000)
    dialog = open_handover(counter, f"OMS:O:{number}:{doc['pickup_code']}")
    with counter.qtbot.waitSignal(view.handedOver, timeout=10_000):
        counter.qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    counter.qtbot.waitUntil(lambda: number not in view.visible_orders(), timeout=10_000)
    counter.qtbot.waitUntil(
        lambda: status.pending.text() == "1 change waiting to send", timeout=10_000
    )

    def tried() -> bool:  # the undo window closed, the push tried and failed
        entries = counter.read(outbox.pending)
        return len(entries) == 1 and entries[0].state != "held" and entries[0].attempts >= 1

    counter.qtbot.waitUntil(tried, timeout=15_000)
    (waiting,) = counter.read(outbox.pending)
    assert (waiting.name, waiting.target_key) == ("hand_over", str(fid))
    assert "unreachable" in (waiting.last_error or "")
    assert server_state(counter, fid)[0] == "ready_for_pickup"
    assert "Offline" in status.link.text()
    assert status.pending.text() == "1 change waiting to send"
    assert view.detail.isVisible() and view.detail.title.text() == number
    assert "waiting to be sent" in view.detail.banner_text.text()

    cable.plug()
    counter.qtbot.waitUntil(lambda: server_state(counter, fid)[0] == "handed_over", timeout=45_000)
    counter.qtbot.waitUntil(lambda: status.pending.text() == "All changes sent", timeout=15_000)
    assert "Online" in status.link.text()
    assert counter.read(outbox.pending) == []
    click_tab(counter, "handed_over_today")
    counter.qtbot.waitUntil(lambda: number in view.visible_orders(), timeout=10_000)
