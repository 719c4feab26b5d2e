"""The settings dialog in Dutch: every tab, the messages it shows for wrong values and a
refused connection, and the printed test page, with no English left.

The dialog is read with :func:`tests.gui.i18n_check.untranslated` (labels, buttons,
tooltips, placeholders, combo items, tab texts, accessible names); the test page is
written as a PDF and read back with ``pdftotext``. Technical names stay as they are:
the ``/dev/serial/by-id`` folder, ``CR``/``LF``, ``PEM``, URLs.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_oms.gui import printing, theme
from desktop_oms.gui.settingsdialog import TABS, port_status_text
from desktop_oms.scanner.serial import PortState, PortStatus
from tests.gui.i18n_check import english_in, language, untranslated
from tests.gui.test_settings import Open, closed_port, open_dialog

#: Names of things, not words: left out before a text is checked for English.
NAMES = ("/dev/serial/by-id",)


def allow_names(where: str, text: str) -> bool:
    """A text whose only English is a technical name (a folder on Linux)."""
    for name in NAMES:
        text = text.replace(name, "")
    return english_in(text) is None


@pytest.fixture
def dutch_settings(qtbot: QtBot, tmp_path: Path, qapp: QApplication) -> Iterator[Open]:
    """The settings dialog of a Dutch station (catalogue installed before it is built)."""
    with language("nl"):
        found = open_dialog(qtbot, tmp_path)
        try:
            yield found
        finally:
            if found.dialog.isVisible():
                found.dialog.reject()
            theme.apply(qapp, "light")
            printing.use_printers({})


def _pdf_lines(path: Path) -> list[str]:
    """The PDF's text, one entry per printed line."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [" ".join(line.split()) for line in out.splitlines() if line.strip()]


def test_every_settings_tab_in_dutch(dutch_settings: Open) -> None:
    """Each tab of the Dutch dialog (tab bar, title, buttons included) has no English."""
    dialog = dutch_settings.dialog
    assert dialog.windowTitle() == "Instellingen"
    found = {}
    for tab in TABS:
        dialog.open_tab(tab)
        QApplication.processEvents()
        english = untranslated(dialog, allow=allow_names)
        if english:
            found[tab] = english
    assert found == {}, "English on the Dutch settings dialog:\n" + "\n".join(
        f"{tab}: {line}" for tab, lines in found.items() for line in lines
    )
    names = [dialog.ui.tabs.tabText(i) for i in range(dialog.ui.tabs.count())]
    assert names == ["Verbinding", "Printers", "Scanner", "Geluiden", "Weergave", "Scanlogboek"]


def test_messages_of_the_dutch_dialog(dutch_settings: Open, qtbot: QtBot) -> None:
    """What the dialog says back is Dutch too: a wrong address, a scanner value out of
    range, a refused connection, a serial port's state."""
    settings, dialog = dutch_settings, dutch_settings.dialog
    dialog.open_tab("connection")
    settings.type_into(dialog.server_edit, "oms example")
    message = settings.refused()
    assert message == "Serveradres: een adres heeft geen spaties."

    settings.type_into(dialog.server_edit, "")
    dialog.open_tab("scanner")
    dialog.ui.maxAverageSpin.setValue(100)
    settings.type_into(dialog.ui.timeoutSpin, "50")
    message = settings.refused()
    assert message.startswith("Een pauze sluit de scan af na: moet minstens"), message
    assert english_in(message) is None, message
    dialog.ui.timeoutSpin.setValue(200)

    dialog.open_tab("connection")
    url = f"http://127.0.0.1:{closed_port()}"
    settings.type_into(dialog.server_edit, url)
    with qtbot.waitSignal(dialog.connectionTested, timeout=15_000):
        qtbot.keyClick(dialog.test_connection_button, Qt.Key.Key_Space)
    text = dialog.connection_result.text()
    assert text.startswith(f"De verbinding is geweigerd: er luistert niets op {url}."), text
    assert english_in(text) is None, text

    for state in PortState:
        said = port_status_text(PortStatus(state, "/dev/ttyUSB0", "Permission denied"))
        assert english_in(said) is None or state is PortState.ERROR, said
    assert port_status_text(PortStatus(PortState.NOT_FOUND, "COM3")) == (
        "Scanner op COM3 niet gevonden — controleer de kabel"
    )


def test_printed_test_page_in_dutch(dutch_settings: Open, qtbot: QtBot) -> None:
    """A test page printed by a Dutch station (as a PDF: Save as PDF) is Dutch, and so is
    the message that says where it went."""
    settings, dialog = dutch_settings, dutch_settings.dialog
    dialog.open_tab("printers")
    settings.choose(dialog.printer_combos["label"], printing.SAVE_AS_PDF)
    with qtbot.waitSignal(dialog.testPrinted, timeout=15_000) as printed:
        qtbot.keyClick(dialog.test_print_buttons["label"], Qt.Key.Key_Space)
    result = printed.args[0]
    assert isinstance(result, printing.Printed) and result.path is not None, result
    assert result.reason == "In de instellingen is Opslaan als pdf gekozen"
    assert result.describe().startswith(
        "In de instellingen is Opslaan als pdf gekozen: verzendlabel opgeslagen als "
    )
    assert dialog.print_result.text() == f"Testpagina opgeslagen als {result.path}"
    lines = _pdf_lines(result.path)
    assert lines[:2] == ["Testpagina: Verzendlabel", "Printer: PDF"], lines
    english = [f"{line!r}: {why}" for line in lines if (why := english_in(line)) is not None]
    assert english == [], "English on the Dutch test page"
