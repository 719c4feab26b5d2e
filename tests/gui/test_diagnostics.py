"""Logs and 'Export diagnostics' on a real station: a sign-in with a PIN and a sync that
fails against a URL carrying a token end up in the log file as events, and neither the
log nor the exported zip holds the PIN, a token or a customer's name, e-mail or phone."""

from __future__ import annotations

import json
import re
import socket
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_oms.diagnostics.bundle import MANIFEST, SCANNER, SYNC_STATE
from desktop_oms.diagnostics.logfile import LOG_NAME, LogSetup, setup_logging

URL_TOKEN = "Qm7vXk2PzL9wTr4NbY8cHs1JdG6fAe3U"  # a token someone put in the server URL
WRONG_PIN = "8642"


@pytest.fixture
def station_log(tmp_path: Path) -> Iterator[LogSetup]:
    """The station's rotating log in the test's directory (as ``run`` sets it up)."""
    setup = setup_logging(tmp_path / "logs", hooks=False)
    try:
        yield setup
    finally:
        setup.close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _customer_strings(counter: Any) -> set[str]:
    """Every customer name, e-mail and phone the station's cache holds."""

    def read(conn: Any) -> list[tuple[str, str, str]]:
        from desktop_oms.cache.db import driver_cursor

        return (
            driver_cursor(conn)
            .execute("SELECT customer_name, customer_email, customer_phone FROM fulfillments")
            .fetchall()
        )

    rows = counter.read(read)
    assert rows, "the demo store has orders with customers"
    return {value for row in rows for value in row if value and len(value) >= 5}


def _secrets(counter: Any) -> list[str]:
    found = [URL_TOKEN, counter.station.client.token]
    session = counter.station.session
    if session is not None and session.token:
        found.append(session.token)
    return found


def _assert_clean(text: str, counter: Any, customers: set[str]) -> None:
    for secret in _secrets(counter):
        assert secret not in text
    for pin in ("1234", WRONG_PIN):  # the demo PIN and the mistyped one
        assert not re.search(rf"(?<!\d){pin}(?!\d)", text), pin
    leaked = sorted(c for c in customers if c in text)
    assert not leaked, leaked


def _sign_in_with_a_wrong_pin_first(counter: Any, qtbot: QtBot) -> None:
    ui = counter.window.sign_in.ui
    qtbot.keyClicks(ui.usernameEdit, "ams1.associate")
    qtbot.keyClick(ui.usernameEdit, Qt.Key.Key_Return)
    with qtbot.waitSignal(counter.window.sign_in.failed, timeout=10_000):
        qtbot.keyClicks(ui.pinEdit, WRONG_PIN)
        qtbot.keyClick(ui.pinEdit, Qt.Key.Key_Return)
    ui.pinEdit.clear()
    with qtbot.waitSignal(counter.window.workShown, timeout=10_000):
        qtbot.keyClicks(ui.pinEdit, "1234")
        qtbot.keyClick(ui.pinEdit, Qt.Key.Key_Return)


def _fail_sync_with_a_token_in_the_url(counter: Any, qtbot: QtBot) -> None:
    client = counter.station.client
    client.base_url = f"http://station:{URL_TOKEN}@127.0.0.1:{_closed_port()}/?token={URL_TOKEN}"
    qtbot.waitUntil(lambda: not counter.station.link.online, timeout=20_000)


def _a_bug_with_a_customer_in_its_exception(counter: Any, qtbot: QtBot) -> None:
    """A database job fails with a customer's record in its message (as a buggy query
    would; the record's fields are named, as in a mapping row or a model's repr) and
    nobody handles the error: it goes to ``sys.excepthook``, so to the log."""
    import sqlalchemy as sa

    def buggy(conn: Any) -> None:
        row = (
            conn.execute(
                sa.text(
                    "SELECT order_number, customer_name, customer_email, customer_phone "
                    "FROM fulfillments LIMIT 1"
                )
            )
            .mappings()
            .first()
        )
        raise ValueError(f"cannot show {dict(row)!r}")

    counter.tasks.read(buggy, name="buggy").then(lambda _result: None)


def test_log_has_the_events_but_no_pin_token_or_customer(
    counter: Any, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sign in (a wrong PIN, then the right one), lose the server, hit a bug carrying a
    customer: all in the log, none of the PINs, tokens or customer details."""
    crashes: list[type[BaseException]] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, _value, _tb: crashes.append(kind))
    station_log = setup_logging(tmp_path / "logs")  # as ``run`` does, with the hooks
    try:
        customers = _customer_strings(counter)
        _sign_in_with_a_wrong_pin_first(counter, qtbot)
        staff_id = counter.station.session.staff_id
        _a_bug_with_a_customer_in_its_exception(counter, qtbot)
        qtbot.waitUntil(lambda: crashes == [ValueError], timeout=10_000)
        _fail_sync_with_a_token_in_the_url(counter, qtbot)
        counter.window.sign_out()
        station_log.flush()
        text = station_log.path.read_text("utf-8")
    finally:
        station_log.close()
    assert f"staff #{staff_id} signed in (associate, pin" in text
    assert "uncaught exception" in text and "ValueError: cannot show {'order_number': " in text
    assert "sync failed: the server at http://[redacted]@127.0.0.1" in text
    assert "token=[redacted]" in text
    assert "staff signed out" in text
    _assert_clean(text, counter, customers)


def test_export_diagnostics_zip(
    counter: Any, qtbot: QtBot, station_log: LogSetup, tmp_path: Path
) -> None:
    """'Export diagnostics…' asks where, writes the zip off the UI thread: versions, sync
    state, scanner settings and the log, with no PIN, token or customer data in it."""
    customers = _customer_strings(counter)
    _sign_in_with_a_wrong_pin_first(counter, qtbot)
    _fail_sync_with_a_token_in_the_url(counter, qtbot)
    export = counter.window.diagnostics
    assert export.action in counter.window.ui.staffButton.menu().actions()
    assert export.action.isEnabled()
    export.action.trigger()
    dialog = export.dialog
    assert dialog is not None and dialog.isVisible()
    dest = tmp_path / "support" / "diagnostics.zip"
    dest.parent.mkdir()
    dialog.selectFile(str(dest))
    with qtbot.waitSignal(export.exported, timeout=20_000) as written:
        dialog.accept()
    assert written.args == [dest]
    assert export.dialog is None

    with zipfile.ZipFile(dest) as bundle:
        names = bundle.namelist()
        assert names[:3] == [MANIFEST, SYNC_STATE, SCANNER]
        assert f"logs/{LOG_NAME}" in names
        manifest = json.loads(bundle.read(MANIFEST))
        sync = json.loads(bundle.read(SYNC_STATE))
        scanner = json.loads(bundle.read(SCANNER))
        log_text = bundle.read(f"logs/{LOG_NAME}").decode("utf-8")
        blob = b"\n".join(bundle.read(n) for n in names).decode("utf-8")

    versions = manifest["versions"]
    for key in ("desktop-oms", "PySide6", "qt_runtime", "python", "sqlite", "os"):
        assert versions[key], key
    assert manifest["station"]["station_id"] == counter.station.enrolment.station_id
    assert manifest["station"]["online"] is False

    def expected(conn: Any) -> dict[str, Any]:
        from desktop_oms.cache import state

        return {"cursor": state.cursor(conn), "store_id": state.store_id(conn)}

    assert {k: sync[k] for k in ("cursor", "store_id")} == counter.read(expected)
    assert sync["cache_quick_check"] == ["ok"]
    assert sync["cache_schema_revision"]
    assert isinstance(sync["outbox_by_state"], dict)
    assert sync["conflicts"] >= 0 and sync["conflicts_open"] >= 0
    assert scanner["wedge_enabled"] is True and scanner["baud_rate"] == 9600
    assert "signed in" in log_text and "sync failed" in log_text
    _assert_clean(blob, counter, customers)


def test_export_reports_a_file_it_cannot_write(
    counter: Any, qtbot: QtBot, station_log: LogSetup, tmp_path: Path
) -> None:
    """A destination that cannot be written is said in a toast, and no half file stays."""
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    export = counter.window.diagnostics
    with qtbot.waitSignal(export.failed, timeout=20_000) as failed:
        export.export_to(blocker / "diagnostics.zip")
    assert "could not be written" in failed.args[0]
    assert blocker.read_text() == "x"


def test_qt_messages_go_to_the_log(qapp: Any, station_log: LogSetup) -> None:
    """Qt's own messages reach the log file (redacted), and still reach the handler that
    was installed before (pytest-qt's here)."""
    from PySide6.QtCore import qInfo, qInstallMessageHandler

    from desktop_oms.gui.diagnostics import install_qt_messages

    previous = install_qt_messages()
    try:
        qInfo(f"QNetworkReply to /feed?token={URL_TOKEN} finished")
    finally:
        qInstallMessageHandler(previous)
    station_log.flush()
    text = station_log.path.read_text("utf-8")
    assert "qt: [default] QNetworkReply to /feed?token=[redacted] finished" in text
    assert URL_TOKEN not in text


def test_export_from_the_settings_log_tab_before_anyone_signs_in(
    counter: Any, qtbot: QtBot, station_log: LogSetup, tmp_path: Path
) -> None:
    """The settings' log tab offers the export too (support may need it at the sign-in
    screen); the save dialog opens over the settings dialog, not behind it."""
    assert counter.window.page == "sign_in"
    settings = counter.window.open_settings("log")
    qtbot.mouseClick(settings.export_button, Qt.MouseButton.LeftButton)
    dialog = counter.window.diagnostics.dialog
    assert dialog is not None and dialog.isVisible() and dialog.parent() is settings
    dest = tmp_path / "diagnostics.zip"
    dialog.selectFile(str(dest))
    with qtbot.waitSignal(counter.window.diagnostics.exported, timeout=20_000):
        dialog.accept()
    with zipfile.ZipFile(dest) as bundle:
        assert MANIFEST in bundle.namelist()
    settings.reject()
