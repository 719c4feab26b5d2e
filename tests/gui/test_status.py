"""The status bar: online, changes waiting, last sync, and the conflict-inbox badge."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import requests
from PySide6.QtCore import Qt

from desktop_oms.gui.statusbar import since_text
from tests.gui.conftest import Counter
from tests.gui.test_handover import open_handover, ready_pickup


def test_since_text() -> None:
    """How long ago the last sync was, in words."""
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    assert since_text(None, now) == "Not synced yet"
    assert since_text(now - timedelta(seconds=3), now) == "Synced just now"
    assert since_text(now - timedelta(seconds=42), now) == "Synced 42 s ago"
    assert since_text(now - timedelta(minutes=75), now) == "Synced 1 h 15 min ago"


def test_status_bar_shows_online_and_the_last_sync(counter: Counter) -> None:
    """Once the sync loops reach the server: Online, nothing waiting, synced just now."""
    status = counter.window.status
    counter.qtbot.waitUntil(lambda: status.link.property("state") == "online", timeout=10_000)
    assert "Online" in status.link.text()
    counter.qtbot.waitUntil(lambda: status.synced.text() == "Synced just now", timeout=10_000)
    assert status.pending.text() == "All changes sent"
    assert not status.conflicts.isVisible()


def _staff_command(url: str, username: str, fid: int, name: str, **args: Any) -> None:
    """Another member of staff runs a command online (at another till, say)."""
    token = requests.post(
        f"{url}/api/v1/auth/sign-in", json={"username": username, "pin": "1234"}, timeout=10
    ).json()["token"]
    done = requests.post(
        f"{url}/api/v1/commands",
        json={"name": name, "target_kind": "fulfillment", "target_key": str(fid), "args": args},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert done.status_code == 200, done.text


def test_a_refused_handover_lands_in_the_conflict_inbox(counter: Counter) -> None:
    """The station hands over an order that a manager cancelled meanwhile (its feed was
    slow): the server refuses the command, the status bar shows a conflict badge, and the
    order panel shows the server's cancelled state and why."""
    counter.signed_in()
    view, station = counter.pickups, counter.station
    view.undo_ms = 50
    doc = ready_pickup(counter)
    dialog = open_handover(counter, f"OMS:O:{doc['order_number']}:{doc['pickup_code']}")

    parked, release = threading.Event(), threading.Event()
    pull = station.engine.pull_once

    def slow_feed(*args: Any, **kwargs: Any) -> Any:
        parked.set()
        release.wait(30)
        return pull(*args, **kwargs)

    station.engine.pull_once = slow_feed  # the feed stalls (between long-polls)
    try:
        assert parked.wait(10)
        _staff_command(counter.demo.url, "ams1.manager", doc["id"], "cancel", reason="fraud")
        with counter.qtbot.waitSignal(view.handedOver, timeout=10_000):
            counter.qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
        status = counter.window.status
        counter.qtbot.waitUntil(status.conflicts.isVisible, timeout=15_000)
        assert status.conflicts.text() == "1 refused change"
    finally:
        release.set()
        station.engine.pull_once = pull
    counter.qtbot.waitUntil(lambda: view.detail.status_chip.text() == "Cancelled", timeout=10_000)
    assert "refused" in view.detail.banner_text.text()
    assert not view.detail.hand_over_button.isEnabled()
