"""Signing in at the counter: PIN, wrong PIN, badge, quick switch, throttling, idle sign-out."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_oms.gui.staff import MAX_FAILURES
from tests.gui.conftest import Counter


def test_right_pin_signs_in_and_shows_the_queue(counter: Counter) -> None:
    """Username + the right PIN, checked against the synced verifier, opens the work area."""
    counter.signed_in("ams1.associate")
    session = counter.station.session
    assert session is not None and session.username == "ams1.associate"
    assert session.method == "pin" and session.role.value == "associate"
    assert counter.window.ui.staffButton.text().endswith("associate")
    assert counter.window.ui.scanEdit.isVisible()
    # the server signs the same person in too, in the background (a staff session token)
    counter.qtbot.waitUntil(lambda: counter.station.session.token is not None, timeout=10_000)


def test_wrong_pin_is_refused_and_says_so(counter: Counter) -> None:
    """A wrong PIN keeps the sign-in page, explains, and empties the PIN field."""
    view = counter.window.sign_in
    with counter.qtbot.waitSignal(view.failed, timeout=10_000) as failed:
        counter.sign_in("ams1.associate", "9999")
    assert counter.window.page == "sign_in" and counter.station.session is None
    assert "not right" in failed.args[0]
    assert view.ui.signInError.isVisible() and view.ui.signInError.text() == failed.args[0]
    assert view.ui.pinEdit.text() == ""


def test_customer_service_signs_in_by_pin_through_the_server(counter: Counter) -> None:
    """Chain staff are not synced to a store's station: their username is unknown here, so
    the sign-in asks the server, which knows them (a customer-service agent at the store)."""
    counter.signed_in("service1")
    session = counter.station.session
    assert session is not None and session.username == "service1"
    assert session.role.value == "customer_service" and session.token is not None
    assert counter.window.page == "work"


def test_unknown_user_is_refused(counter: Counter) -> None:
    """A username nobody has is refused like a wrong PIN (it does not say which)."""
    with counter.qtbot.waitSignal(counter.window.sign_in.failed, timeout=10_000) as failed:
        counter.sign_in("nobody.here", "1234")
    assert counter.station.session is None and "not right" in failed.args[0]


def test_badge_scan_signs_in_without_pin(counter: Counter) -> None:
    """A scanned badge (typed into the first field, Enter) signs its owner in."""
    badge = counter.read(
        lambda conn: conn.exec_driver_sql(
            "SELECT badge_id FROM staff WHERE username = 'ams1.lead'"
        ).scalar_one()
    )
    with counter.qtbot.waitSignal(counter.pickups.refreshed, timeout=10_000):
        counter.sign_in(f"OMS:S:{badge}", pin="")
    session = counter.station.session
    assert session is not None and session.username == "ams1.lead" and session.method == "badge"


def test_unknown_badge_is_refused(counter: Counter) -> None:
    """A badge no one at this store has is refused."""
    with counter.qtbot.waitSignal(counter.window.sign_in.failed, timeout=10_000) as failed:
        counter.sign_in("OMS:S:ZZZZ9999", pin="")
    assert counter.station.session is None and "badge" in failed.args[0]


def test_badge_in_the_scan_field_switches_user(counter: Counter) -> None:
    """Someone else scans their badge at the counter: they take over at once."""
    counter.signed_in("ams1.associate")
    badge = counter.read(
        lambda conn: conn.exec_driver_sql(
            "SELECT badge_id FROM staff WHERE username = 'ams1.manager'"
        ).scalar_one()
    )
    scan = counter.window.ui.scanEdit
    with counter.qtbot.waitSignal(counter.window.sign_in.signedIn, timeout=10_000):
        counter.qtbot.keyClicks(scan, f"OMS:S:{badge}")
        counter.qtbot.keyClick(scan, Qt.Key.Key_Return)
    assert counter.station.session.username == "ams1.manager"
    assert counter.window.page == "work" and counter.window.ui.staffButton.text().endswith(
        "manager"
    )


def test_sign_out_from_the_staff_menu(counter: Counter) -> None:
    """Sign out ends the session and shows the empty sign-in page."""
    counter.signed_in()
    counter.window.sign_out_action.trigger()
    assert counter.station.session is None and counter.window.page == "sign_in"
    assert counter.window.sign_in.ui.usernameEdit.text() == ""
    assert not counter.window.ui.scanEdit.isVisible()


def test_too_many_wrong_pins_lock_the_login(counter: Counter) -> None:
    """After the allowed failures even the right PIN is refused for a while."""
    view = counter.window.sign_in
    for _ in range(MAX_FAILURES):
        with counter.qtbot.waitSignal(view.failed, timeout=10_000):
            counter.sign_in("ams1.lead", "0000")
        view.ui.usernameEdit.clear()
    with counter.qtbot.waitSignal(view.failed, timeout=10_000) as failed:
        counter.sign_in("ams1.lead", "1234")
    assert counter.station.session is None and "Too many" in failed.args[0]


def test_idle_station_signs_out(counter: Counter) -> None:
    """Nobody touches the station for the idle time: the staff member is signed out."""
    counter.signed_in()
    counter.window.idle.set_timeout(300)
    counter.qtbot.waitUntil(lambda: counter.window.page == "sign_in", timeout=5_000)
    assert counter.station.session is None
    assert "without use" in counter.window.sign_in.ui.signInError.text()


def test_demo_logins_are_shown_on_the_sign_in_page(counter: Counter) -> None:
    """In the demo the sign-in page lists the store's logins, badges and the PIN."""
    box = counter.window.sign_in.ui
    counter.qtbot.waitUntil(box.demoBox.isVisible, timeout=5_000)
    text = box.demoLabel.text()
    assert "ams1.associate" in text and "1234" in text and "OMS:S:B" in text
