"""The settings dialog's preference tabs, driven with the keyboard and mouse: Connection
(server address, CA bundle, Test connection against the real demo server and a closed
port), Printers (a test page per document, the choice used by the real print path),
Sounds, Appearance (theme at once, language stored) — each saved to a real QSettings INI
file in the test's tmp dir and read back.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import certifi
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop_oms.gui import preferences, printing, theme
from desktop_oms.gui.preferences import InvalidPreference, Preferences
from desktop_oms.gui.settingsdialog import SettingsDialog
from desktop_oms.sync.probe import Outcome, ProbeResult
from tests.gui.conftest import LiveDemo

#: Sizes of the test pages' PDFs in points: an 80 mm receipt roll, a 4x6 in label.
MM = 72 / 25.4


@dataclass
class Open:
    """A settings dialog over a bare main window, its preferences in ``path``."""

    dialog: SettingsDialog
    path: Path
    pdf_dir: Path
    qtbot: QtBot

    def click(self, widget: QWidget) -> None:
        """A left click on ``widget``."""
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def type_into(self, edit: Any, text: str) -> None:
        """Replace what ``edit`` holds with ``text``, typed."""
        edit.setFocus()
        edit.selectAll()
        self.qtbot.keyClick(edit, Qt.Key.Key_Delete)
        self.qtbot.keyClicks(edit, text)

    def choose(self, combo: QComboBox, data: str) -> None:
        """Pick the item with ``data`` in ``combo`` with the arrow keys."""
        combo.setFocus()
        target = combo.findData(data)
        assert target >= 0, data
        for _ in range(combo.count()):
            if combo.currentIndex() == target:
                return
            key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
            self.qtbot.keyClick(combo, key)
        assert combo.currentIndex() == target

    def save(self) -> Preferences:
        """Press Save; the preferences stored."""
        with self.qtbot.waitSignal(self.dialog.preferencesSaved, timeout=10_000) as saved:
            self.click(self.dialog.ui.saveButton)
        prefs = saved.args[0]
        assert isinstance(prefs, Preferences)
        return prefs

    def refused(self) -> str:
        """Press Save on a wrong value: the message shown (the dialog stays open)."""
        dialog = self.dialog
        self.click(dialog.ui.saveButton)
        self.qtbot.waitUntil(
            lambda: dialog.ui.settingsError.isVisible() and dialog._saving is False
        )
        assert dialog.isVisible()
        return str(dialog.ui.settingsError.text())


def open_dialog(qtbot: QtBot, tmp_path: Path, **kwargs: Any) -> Open:
    """The settings of a bare main window (no station), preferences in tmp_path."""
    from desktop_oms.gui.app import make_application
    from desktop_oms.gui.mainwindow import MainWindow

    make_application(["desktop-oms"])
    window = MainWindow(idle_minutes=5.0)
    qtbot.addWidget(window)
    path = tmp_path / "settings.ini"
    pdf_dir = tmp_path / "pdf"
    dialog = SettingsDialog(
        window.scanners, window, preferences_path=path, pdf_dir=pdf_dir, **kwargs
    )
    with qtbot.waitSignal(dialog.preferencesLoaded, timeout=10_000):
        dialog.open()
    qtbot.waitExposed(dialog)
    return Open(dialog, path, pdf_dir, qtbot)


@pytest.fixture
def settings(qtbot: QtBot, tmp_path: Path, qapp: QApplication) -> Iterator[Open]:
    """An open settings dialog; the light theme and no printer choices again after."""
    found = open_dialog(qtbot, tmp_path)
    try:
        yield found
    finally:
        if found.dialog.isVisible():
            found.dialog.reject()
        theme.apply(qapp, "light")
        printing.use_printers({})
        from desktop_oms.sync.client import use_ca_bundle

        use_ca_bundle(None)


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pdf_size(path: Path) -> tuple[float, float]:
    """The first page's size in points, read from the PDF itself."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert box is not None
    return float(box.group(1)), float(box.group(2))


# --- connection ---------------------------------------------------------------------------


def test_connection_tab_saves_and_reloads(settings: Open, qtbot: QtBot, tmp_path: Path) -> None:
    """An address and a CA bundle typed and saved are stored (tidied), used at once for
    new clients' ``verify=``, and shown again by the next dialog."""
    from desktop_oms.sync.client import ServerClient

    dialog = settings.dialog
    settings.click(dialog.ui.tabs.tabBar())
    dialog.open_tab("connection")
    settings.type_into(dialog.server_edit, "  https://oms.example.com:8443/  ")
    settings.type_into(dialog.ca_edit, certifi.where())
    stored = settings.save()
    assert (stored.server_url, stored.ca_bundle) == (
        "https://oms.example.com:8443",
        certifi.where(),
    )
    assert preferences.load(settings.path) == stored
    assert ServerClient("https://oms.example.com").session.verify == certifi.where()
    assert not dialog.isVisible()

    again = open_dialog(qtbot, tmp_path)
    assert again.dialog.server_edit.text() == "https://oms.example.com:8443"
    assert again.dialog.ca_edit.text() == certifi.where()
    again.dialog.reject()


def test_a_bad_address_or_ca_file_is_refused_with_what_is_wrong(
    settings: Open, tmp_path: Path
) -> None:
    """No scheme, a space, a missing file, a file without certificates: each named, the
    Connection tab shown with the field focused, nothing stored."""
    dialog = settings.dialog
    dialog.open_tab("appearance")
    settings.type_into(dialog.server_edit, "oms.example.com")
    message = settings.refused()
    assert message == "Server address: it must start with https:// (or http:// on a test network)."
    assert dialog.tab == "connection" and dialog.server_edit.hasFocus()
    settings.type_into(dialog.server_edit, "https://oms example.com")
    assert settings.refused() == "Server address: an address has no spaces."

    settings.type_into(dialog.server_edit, "https://oms.example.com")
    missing = tmp_path / "nowhere" / "ca.pem"
    settings.type_into(dialog.ca_edit, str(missing))
    assert settings.refused() == f"CA bundle: there is no file {missing}."
    assert dialog.ca_edit.hasFocus()
    junk = tmp_path / "notes.pem"
    junk.write_text("not a certificate\n", encoding="utf-8")
    settings.type_into(dialog.ca_edit, str(junk))
    assert "holds no certificate" in settings.refused()
    assert not settings.path.exists() or preferences.load(settings.path) == Preferences()


def test_test_connection_reaches_the_demo_and_names_a_refused_port(
    settings: Open, qtbot: QtBot, demo: LiveDemo
) -> None:
    """Test connection asks ``/health`` of the address typed: the demo server answers; a
    closed port is "refused"; a CA file that is not one is named before any request."""
    dialog = settings.dialog
    dialog.open_tab("connection")
    settings.type_into(dialog.server_edit, demo.url)
    with qtbot.waitSignal(dialog.connectionTested, timeout=15_000) as tested:
        settings.click(dialog.test_connection_button)
    result = tested.args[0]
    assert isinstance(result, ProbeResult) and result.ok, result
    assert dialog.connection_result.text().startswith(f"Connected: the server at {demo.url}")

    url = f"http://127.0.0.1:{closed_port()}"
    settings.type_into(dialog.server_edit, url)
    with qtbot.waitSignal(dialog.connectionTested, timeout=15_000) as tested:
        qtbot.keyClick(dialog.test_connection_button, Qt.Key.Key_Space)
    assert tested.args[0].outcome is Outcome.REFUSED
    assert dialog.connection_result.text() == (
        f"The connection was refused: nothing listens at {url}. Is the server running, and "
        "is the port right?"
    )

    settings.type_into(dialog.server_edit, demo.url + "/not-here")
    with qtbot.waitSignal(dialog.connectionTested, timeout=15_000) as tested:
        settings.click(dialog.test_connection_button)
    assert tested.args[0].outcome is Outcome.NOT_OURS
    assert "it is not the order server (HTTP 404" in dialog.connection_result.text()


def test_probe_names_dns_and_tls_failures() -> None:
    """The probe tells a name that does not resolve, and a TLS failure (an HTTPS request
    to a plain-HTTP port)."""
    from desktop_oms.sync.probe import probe

    assert probe("http://no-such-host.invalid", timeout=3).outcome is Outcome.DNS
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        # the handshake gets no TLS answer: the socket is accepted, then closed
        import threading

        def answer() -> None:
            conn, _ = server.accept()
            conn.recv(1024)
            conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            conn.close()

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        result = probe(f"https://127.0.0.1:{port}", timeout=3)
        thread.join(5)
    assert result.outcome is Outcome.TLS, result


# --- printers -----------------------------------------------------------------------------


def test_test_print_writes_a_pdf_for_each_document(settings: Open, qtbot: QtBot) -> None:
    """With Save as PDF (and with no printer installed) each document's Test print writes
    a PDF of that document's size, and says where."""
    dialog = settings.dialog
    dialog.open_tab("printers")
    written = {}
    for key in preferences.DOCUMENTS:
        settings.choose(dialog.printer_combos[key], printing.SAVE_AS_PDF)
        with qtbot.waitSignal(dialog.testPrinted, timeout=15_000) as printed:
            settings.click(dialog.test_print_buttons[key])
        result = printed.args[0]
        assert isinstance(result, printing.Printed), result
        assert result.printer is None and result.path is not None
        assert result.reason == "Save as PDF is chosen in the settings"
        assert result.path.parent == settings.pdf_dir and result.path.stat().st_size > 500
        assert dialog.print_result.text() == f"Test page saved as {result.path}"
        written[key] = pdf_size(result.path)
    assert written["receipt"][0] == pytest.approx(80 * MM, abs=1)
    assert written["label"] == (pytest.approx(4 * 72, abs=1), pytest.approx(6 * 72, abs=1))
    assert written["picklist"][0] > 500  # a sheet of paper


def test_the_chosen_printer_is_used_by_the_real_print_path(settings: Open, tmp_path: Path) -> None:
    """Save as PDF chosen for receipts (keyboard, Save): the receipt's real print path
    saves a PDF because of that choice; a chosen printer that is not installed never
    loses a pick list either (a PDF, and the message says which printer is missing)."""
    from desktop_oms.gui.app import use_preferences
    from desktop_oms.gui.fulfil import picklist_print
    from desktop_oms.gui.pickups import receipt as r
    from tests.gui.test_picklist_print import sheet as sheet_of
    from tests.gui.test_receipt import AT, DOC, PICKUP_CODE, STORE

    dialog = settings.dialog
    dialog.open_tab("printers")
    settings.choose(dialog.printer_combos["receipt"], printing.SAVE_AS_PDF)
    stored = settings.save()
    assert stored.printers["receipt"] == printing.SAVE_AS_PDF
    assert not printing.has_printer("receipt")

    receipt = r.build_receipt(DOC, PICKUP_CODE, store=STORE, staff="Eva", station="S 3", at=AT)
    printed = r.output(receipt, tmp_path / "receipts")
    assert printed.path is not None and printed.path.exists()
    assert printed.describe() == (
        f"Save as PDF is chosen in the settings: the receipt was saved as {printed.path}."
    )

    # at the next start the stored choices are used again (a printer since removed here)
    preferences.save(stored.with_printer("picklist", "Back-office laser"))
    use_preferences()
    assert printing.choice_for("receipt") == printing.SAVE_AS_PDF
    sheet = sheet_of()
    printed = picklist_print.output(sheet, tmp_path / "lists")
    assert printed.path is not None and printed.path.exists()
    assert printed.describe().startswith("The printer Back-office laser is not installed:")


# --- sounds, appearance -------------------------------------------------------------------


def test_sounds_tab_saves_mute_and_volume(settings: Open, qtbot: QtBot) -> None:
    """The sound settings have their own tab: mute and volume (keyboard) are saved with the
    scanner settings."""
    dialog = settings.dialog
    dialog.open_tab("sounds")
    assert dialog.ui.soundCard.isVisible() and dialog.ui.playGoodButton.isVisible()
    slider = dialog.ui.volumeSlider
    slider.setFocus()
    before = slider.value()
    qtbot.keyClick(slider, Qt.Key.Key_PageDown)
    assert slider.value() < before
    settings.click(dialog.ui.muteCheck)
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        settings.click(dialog.ui.saveButton)
    assert saved.args[0].muted and saved.args[0].volume == slider.value()


def test_theme_switch_restyles_at_once_and_cancel_goes_back(
    settings: Open, qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """Choosing Dark restyles the application at once (its stylesheet and ``theme.INK``);
    Cancel goes back to light; High contrast saved stays and is stored."""
    dialog = settings.dialog
    dialog.open_tab("appearance")
    light = qapp.styleSheet()
    settings.choose(dialog.theme_combo, "dark")
    assert qapp.styleSheet() == theme.stylesheet("dark") != light
    assert theme.PALETTES["dark"]["ink"] == theme.INK
    hint = dialog.findChild(QLabel, "appearanceHint")
    assert hint is not None and "language changes when the station starts again" in hint.text()
    settings.click(dialog.ui.cancelButton)
    assert qapp.styleSheet() == light and theme.CURRENT == "light"

    again = open_dialog(qtbot, tmp_path)
    again.dialog.open_tab("appearance")
    again.choose(again.dialog.theme_combo, "high-contrast")
    stored = again.save()
    assert stored.theme == "high-contrast" == preferences.load(again.path).theme
    assert qapp.styleSheet() == theme.stylesheet("high-contrast")


def test_language_choice_is_stored_for_the_next_start(settings: Open) -> None:
    """The language list is the catalogue's; Nederlands chosen is stored (it applies at the
    next start, as the tab says)."""
    from desktop_oms.gui.translations import LANGUAGES

    dialog = settings.dialog
    dialog.open_tab("appearance")
    combo = dialog.language_combo
    assert [combo.itemText(i) for i in range(combo.count())] == list(LANGUAGES.values())
    settings.choose(combo, "nl")
    assert settings.save().language == "nl"
    assert preferences.load(settings.path).language == "nl"


# --- the preferences file -----------------------------------------------------------------


def test_a_hand_edited_file_falls_back_value_by_value(tmp_path: Path) -> None:
    """Wrong values in the INI file are their defaults; the right ones are kept."""
    path = tmp_path / "settings.ini"
    path.write_text(
        "[appearance]\ntheme=purple\nlanguage=nl\n"
        "[connection]\nserver_url=ftp://x\nca_bundle=/etc/ca.pem\n"
        "[printers]\nlabel=Zebra\n",
        encoding="utf-8",
    )
    assert preferences.load(path) == Preferences(
        ca_bundle="/etc/ca.pem", printers={"label": "Zebra"}, language="nl"
    )
    with pytest.raises(InvalidPreference, match="there is no theme"):
        preferences.validate(Preferences(theme="purple"))
    assert preferences.check_server_url("http://[::1]:8000/") == "http://[::1]:8000"
    with pytest.raises(InvalidPreference, match="port"):
        preferences.check_server_url("https://oms.example.com:99999")


def test_a_new_server_address_moves_the_running_sync(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, demo: LiveDemo
) -> None:
    """An enrolled (not demo) station: the same server saved under another address
    (localhost for 127.0.0.1) is where the station's client asks from then on, its token
    still found under the address it was enrolled with."""
    from desktop_oms.gui.app import make_application
    from desktop_oms.gui.demo import enrol_station
    from desktop_oms.gui.mainwindow import MainWindow
    from desktop_oms.gui.station import Station, StationEvents
    from desktop_oms.gui.tasks import Pool, TaskManager

    make_application(["desktop-oms"])
    from desktop_oms.sync import credentials

    enrolment, token = enrol_station(demo.url, tmp_path / "station")
    credentials.save_token(enrolment.server_url, enrolment.station_id, token)  # as enrol does
    station = Station(enrolment, token, timeout=10.0)
    window = MainWindow(idle_minutes=5.0)
    qtbot.addWidget(window)
    pool = Pool()
    events = StationEvents(station)
    tasks = TaskManager(station.cache, pool)
    window.attach(station, events, tasks)
    try:
        dialog = window.open_settings("connection")
        with qtbot.waitSignal(dialog.preferencesLoaded, timeout=10_000):
            pass
        assert dialog.server_edit.placeholderText() == demo.url
        moved = demo.url.replace("127.0.0.1", "localhost")
        found = Open(dialog, tmp_path, tmp_path, qtbot)
        found.type_into(dialog.server_edit, moved)
        assert found.save().server_url == moved
        assert station.client.base_url == moved == station.enrolment.server_url
        assert station.enrolment.token() == token  # kept under the enrolled address
        assert station.client.status()  # the server answers at its new address
    finally:
        window.close()
        station.close()
        tasks.shutdown()
        pool.shutdown()
        events.deleteLater()
        pool.deleteLater()
