"""The warning strip pages show under their title (the station offline, figures old)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from desktop_oms.gui import theme


def warn_banner(
    parent: QWidget, name: str, text_name: str, title: str | None = None
) -> tuple[QFrame, QLabel, QLabel | None]:
    """A hidden warning banner (alert mark, optional bold title, wrapping text): the frame,
    its text label and its title label (None without a title)."""
    banner = QFrame(parent)
    banner.setObjectName(name)
    banner.setProperty("banner", "warn")
    row = QHBoxLayout(banner)
    row.setContentsMargins(14, 10, 14, 10)
    row.setSpacing(12 if title else 10)
    mark = QLabel(banner)
    mark.setPixmap(theme.pixmap("alert", theme.WARN, 20, parent.devicePixelRatioF()))
    row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
    heading = None
    if title is not None:
        heading = QLabel(title, banner)
        heading.setObjectName("offlineTitle")
        row.addWidget(heading, 0, Qt.AlignmentFlag.AlignTop)
    text = QLabel("", banner)
    text.setObjectName(text_name)
    text.setWordWrap(True)
    row.addWidget(text, 1)
    banner.hide()
    return banner, text, heading
