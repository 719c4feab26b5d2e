"""The window's frame in Dutch beyond the first screens: a refused sign-in, the start-up
and first-sync screens, setting up a station, manager approval and the status bar's
states (offline, a clock far off, the scanner)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any, cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStatusBar, QWidget

from desktop_oms.gui.approval import ManagerApprovalDialog, approval_throttle
from desktop_oms.gui.firstrun import EnrolDialog
from desktop_oms.gui.statusbar import StationStatusBar, SyncCounts
from desktop_oms.gui.sync_progress import SyncProgressView
from desktop_oms.gui.tasks import Pool
from desktop_oms.scanner.serial import PortState, PortStatus
from desktop_oms.sync.clock import Skew
from desktop_oms.sync.progress import Phase, Progress
from desktop_oms.sync.runner import LinkState
from tests.gui.conftest import Counter
from tests.gui.i18n_check import language, untranslated
from tests.gui.test_a11y_pickups import key, type_text


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    """The Dutch catalogue installed before the widgets are built."""
    with language("nl"):
        yield


def shown(widget: QWidget) -> list[str]:
    """English left on ``widget`` once it is on screen."""
    widget.show()
    QApplication.processEvents()
    try:
        return untranslated(widget)
    finally:
        widget.close()
        widget.deleteLater()


def test_refused_sign_in_in_dutch(dutch: None, counter: Counter) -> None:
    """A wrong PIN says so in Dutch under the fields."""
    counter.qtbot.waitUntil(lambda: counter.window.page == "sign_in", timeout=10_000)
    with counter.qtbot.waitSignal(counter.window.sign_in.failed, timeout=10_000) as failed:
        type_text(counter, "ams1.associate")
        key(counter, Qt.Key.Key_Return)
        type_text(counter, "9999")
        key(counter, Qt.Key.Key_Return)
    assert failed.args == ["Gebruikersnaam of pincode klopt niet. Probeer het opnieuw."]
    found = untranslated(counter.window)
    assert found == [], "English on the Dutch sign-in screen:\n" + "\n".join(found)


def test_start_up_screens_in_dutch(dutch: None, qtbot: Any) -> None:
    """The first sync's progress and failure, and setting up a station."""
    view = SyncProgressView()
    view.first_sync()
    view.show_progress(Progress(Phase.SNAPSHOT, "inventory", rows=1200, total_rows=5000))
    assert view.rows.text() == "1.200 van 5.000 rijen"
    assert shown(view) == []
    view = SyncProgressView()
    view.show_progress(Progress(Phase.PULL, "fulfillment", rows=12))
    view.failed("De eerste synchronisatie is mislukt", "connection refused")
    assert untranslated(view, allow=lambda _w, text: text == "connection refused") == []
    pool = Pool()
    try:
        assert shown(EnrolDialog(pool)) == []
    finally:
        pool.shutdown()
        pool.deleteLater()


def test_manager_approval_in_dutch(dutch: None, qtbot: Any) -> None:
    """The approval dialog, with its checks said in Dutch."""
    dialog = ManagerApprovalDialog(
        cast(Any, None),
        action="cancel_order",
        what="Bestelling WEB-1000042 annuleren",
        store_id=1,
        requester_id=5,
        throttle=approval_throttle(),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)  # nothing typed: it asks for the username
    assert (
        dialog.error.text()
        == "Vul de gebruikersnaam van de manager in (of scan diens personeelspas)."
    )
    found = untranslated(dialog)
    assert found == [], "English in the Dutch approval dialog:\n" + "\n".join(found)


def test_status_bar_states_in_dutch(dutch: None, qtbot: Any) -> None:
    """Offline with changes waiting and conflicts, a clock far off, a lost scanner."""
    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = StationStatusBar(bar)
    status.set_counts(SyncCounts(pending=3, conflicts=1, last_sync_at=None))
    status.set_link(LinkState(False, "connection refused", skew=Skew.of(timedelta(days=3))))
    status.set_scanner(PortStatus(PortState.LOST, "COM3"))
    bar.show()
    assert status.pending.text() == "3 wijzigingen nog niet verzonden"
    assert status.conflicts.text() == "1 geweigerde wijziging"
    assert status.clock.text() == "●  De klok van deze pc loopt 3 d voor"
    found = untranslated(bar, allow=lambda _w, text: text.endswith("connection refused"))
    assert found == [], "English in the Dutch status bar:\n" + "\n".join(found)
