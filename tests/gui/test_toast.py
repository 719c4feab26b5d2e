"""The toast: a message arriving while a handover waits out its Undo must not end the wait."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop_oms.gui.toast import Toast


def test_a_plain_message_does_not_end_an_undo_wait(qtbot: QtBot) -> None:
    """The Undo toast keeps its button and deadline; the bad-scan note shows just above it
    and goes on its own; Undo still works afterwards and the deadline never runs."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    toast = Toast(window)
    sent: list[str] = []
    toast.show_message(
        "Handed over WEB-1",
        action="Undo",
        on_action=lambda: sent.append("undone"),
        on_expire=lambda: sent.append("sent"),
        msecs=60_000,
    )
    assert toast.waiting

    toast.show_message("No product has this barcode", "bad", msecs=50)
    assert sent == []
    assert (
        toast.isVisible() and toast.button.isVisible() and toast.text.text() == "Handed over WEB-1"
    )
    side = toast.side
    assert side.isVisible() and side.text.text() == "No product has this barcode"
    assert side.geometry().bottom() < toast.geometry().top()
    qtbot.waitUntil(lambda: not side.isVisible(), timeout=2_000)
    assert toast.waiting and sent == []

    qtbot.mouseClick(toast.button, Qt.MouseButton.LeftButton)
    assert sent == ["undone"] and not toast.isVisible()


def test_a_new_deadline_runs_the_old_one_first(qtbot: QtBot) -> None:
    """A second toast with a deadline replaces the first, whose deadline runs at once
    (nothing waits forever and nothing is lost)."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    toast = Toast(window)
    sent: list[str] = []
    toast.show_message("First", action="Undo", on_expire=lambda: sent.append("1"), msecs=60_000)
    toast.show_message("Second", action="Undo", on_expire=lambda: sent.append("2"), msecs=60_000)
    assert sent == ["1"] and toast.text.text() == "Second" and toast.waiting
    toast.flush()
    assert sent == ["1", "2"] and not toast.waiting
