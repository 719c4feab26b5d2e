"""Scanner test fixtures: Qt offscreen, Qt warnings as failures, a window with a text field.

Every test here fails on a Qt warning, as GUI tests do (the item model tester reports
through them). QtMultimedia on a machine without a sound server is noisy in two ways,
both handled narrowly: its own ``qt.multimedia.*`` categories (libraries it probes for)
are switched off by a logging rule, and the two warnings it writes to the *default*
category — which no rule can single out — are ignored by their exact text.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

from pathlib import Path

import pytest
from PySide6.QtCore import QLoggingCategory
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop_oms.scanner.sounds import QUIET_MULTIMEDIA_RULES

QLoggingCategory.setFilterRules(QUIET_MULTIMEDIA_RULES)  # before QtMultimedia is imported

#: Qt messages that say nothing about our code: the offscreen platform's, and QtMultimedia's
#: when the machine has no audio (the sounds then stay silent, which the tests allow).
QT_LOG_IGNORE = (
    "This plugin does not support",
    "propagateSizeHints",
    r"PulseAudioService: pa_context_connect\(\) failed",
    "QSoundEffect: playback of this format is not supported on the selected audio device",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every scanner test fails on a Qt warning, except the known-harmless ones above."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORE))


class Counter(QWidget):
    """A stand-in for a station window: a text field with focus and a button."""

    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit(self)
        self.field.setObjectName("field")
        self.button = QPushButton("Hand over", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.button)


@pytest.fixture
def window(qtbot: QtBot) -> Counter:
    """A shown, active window whose text field has the keyboard focus."""
    counter = Counter()
    qtbot.addWidget(counter)
    counter.show()
    counter.activateWindow()
    qtbot.waitActive(counter)
    counter.field.setFocus()
    qtbot.waitUntil(counter.field.hasFocus)
    return counter
