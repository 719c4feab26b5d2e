"""Accessibility of the settings dialog: every control on every tab named, big enough to
touch and reached by Tab (tabs switched with Ctrl+Tab), and a theme changed and saved at
a real counter with the keyboard alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_oms.gui import preferences, printing, theme
from desktop_oms.gui.preferences import Preferences
from desktop_oms.gui.settingsdialog import TABS, SettingsDialog
from tests.gui.a11y_check import tab_order, too_small, unnamed, unreachable
from tests.gui.conftest import Counter
from tests.gui.test_settings import Open, open_dialog

TOUCH_MIN = getattr(theme, "TOUCH_MIN", 40)
TAB_BAR = "qt_tabwidget_tabbar"


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """Press ``key`` in whatever has the keyboard focus."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    if modifier is None:
        qtbot.keyClick(target, key)
    else:
        qtbot.keyClick(target, key, modifier)


def tab_to(qtbot: QtBot, widget: QWidget, limit: int = 60) -> None:
    """Press Tab until ``widget`` has the focus (it must be reachable)."""
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {widget.objectName()}")


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path, qapp: QApplication) -> Iterator[Open]:
    """An open settings dialog over a bare main window."""
    found = open_dialog(qtbot, tmp_path)
    try:
        yield found
    finally:
        if found.dialog.isVisible():
            found.dialog.reject()
        theme.apply(qapp, "light")
        printing.use_printers({})


def test_every_tab_named_reachable_and_big_enough(dialog: Open, qtbot: QtBot) -> None:
    """Tab by tab (Ctrl+Tab from the tab bar): no control without an accessible name,
    none smaller than a finger, none that Tab does not reach."""
    settings = dialog.dialog
    settings.activateWindow()
    settings.open_tab(TABS[0])
    tab_bar = settings.ui.tabs.tabBar()
    found = {}
    for index, tab in enumerate(TABS):
        if index:
            tab_bar.setFocus()
            press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        assert settings.tab == tab
        QApplication.processEvents()
        problems = {
            "unnamed": unnamed(settings),
            "too small": too_small(settings, TOUCH_MIN),
            "unreachable": unreachable(settings, settings),
        }
        if any(problems.values()):
            found[tab] = problems
    assert found == {}


def test_tab_goes_through_the_tab_shown_then_to_the_buttons(dialog: Open) -> None:
    """From the tab bar, Tab visits the fields of the tab shown in reading order, then
    Cancel and Save (not the buttons first)."""
    settings = dialog.dialog
    settings.activateWindow()
    settings.open_tab("appearance")
    settings.ui.tabs.tabBar().setFocus()
    visited = [w.objectName() for w in tab_order(settings)]
    assert visited == ["themeCombo", "languageCombo", "cancelButton", "saveButton", TAB_BAR]
    settings.open_tab("connection")
    settings.ui.tabs.tabBar().setFocus()
    first = ["serverUrlEdit", "caBundleEdit", "browseCaButton", "testConnectionButton"]
    assert [w.objectName() for w in tab_order(settings)][:4] == first


def test_ctrl_tab_goes_round_the_tabs_from_a_field(dialog: Open, qtbot: QtBot) -> None:
    """Ctrl+Tab and Ctrl+Shift+Tab switch tabs from inside a tab's field too, and Esc
    closes the dialog without saving."""
    settings = dialog.dialog
    settings.open_tab("connection")
    settings.server_edit.setFocus()
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert settings.tab == "printers"
    press(
        qtbot,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert settings.tab == "connection"
    press(qtbot, Qt.Key.Key_Escape)
    assert not settings.isVisible()
    assert not dialog.path.exists()


def test_change_theme_and_save_with_the_keyboard_alone(
    counter: Counter, qapp: QApplication
) -> None:
    """At a real counter, no mouse: sign in (login, Enter, PIN, Enter), Tab to the
    settings button, Space opens the dialog, Ctrl+Tab to Appearance, Tab to the theme,
    Down picks Dark (shown at once), Enter saves; the dark theme is stored and stays
    after the dialog closes."""
    qtbot, window = counter.qtbot, counter.window
    qtbot.waitUntil(lambda: window.page == "sign_in", timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
    with qtbot.waitSignal(window.workShown, timeout=10_000):
        for step in ("ams1.manager", "1234"):
            focused = QApplication.focusWidget()
            assert focused is not None
            qtbot.keyClicks(focused, step)
            press(qtbot, Qt.Key.Key_Return)
    try:
        tab_to(qtbot, window.ui.settingsButton)
        press(qtbot, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: window.settings_dialog is not None, timeout=5_000)
        settings = window.settings_dialog
        assert isinstance(settings, SettingsDialog)
        qtbot.waitUntil(lambda: settings.stored is not None, timeout=10_000)  # read
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
        assert settings.tab == "scanner"
        if not settings.isAncestorOf(QApplication.focusWidget()):
            tab_to(qtbot, settings.ui.tabs.tabBar())
        while settings.tab != "appearance":
            press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        tab_to(qtbot, settings.theme_combo)
        assert settings.theme_combo.currentData() == "light"
        press(qtbot, Qt.Key.Key_Down)
        assert settings.theme_combo.currentData() == "dark"
        assert theme.CURRENT == "dark"  # shown at once, before Save
        with qtbot.waitSignal(settings.preferencesSaved, timeout=10_000) as saved:
            press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not settings.isVisible(), timeout=5_000)
        stored = saved.args[0]
        assert isinstance(stored, Preferences) and stored.theme == "dark"
        assert preferences.load().theme == "dark"
        assert theme.CURRENT == "dark"
    finally:
        theme.apply(qapp, "light")
