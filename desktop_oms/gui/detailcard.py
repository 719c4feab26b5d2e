"""The card beside a queue that shows one order: a head (title, status chip, close), a
scrolling body and a foot for the actions — the pattern of the pickup order panel, for
other workflows' panels.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.gui import theme


def card_label(text: str = "", *, name: str | None = None, **props: Any) -> QLabel:
    """A wrapping, selectable label with an object name and style properties
    (``section``, ``muted``, ``faint``, ``chip``...)."""
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    for key, value in props.items():
        label.setProperty(key, value)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def lines_html(lines: Iterable[Mapping[str, Any]]) -> tuple[str, int]:
    """The lines of a fulfillment document as an HTML table (units left, name, SKU, what
    was rejected or refused) and the number of units left."""
    units = 0
    rows = []
    for line in lines:
        left = int(line["quantity"]) - int(line["rejected"]) - int(line["refused"])
        units += max(0, left)
        extra = []
        if line["rejected"]:
            extra.append(
                QCoreApplication.translate("DetailCard", "{count} rejected").format(
                    count=line["rejected"]
                )
            )
        if line["refused"]:
            extra.append(
                QCoreApplication.translate("DetailCard", "{count} refused").format(
                    count=line["refused"]
                )
            )
        note = f" <span style='color:{theme.WARN}'>({', '.join(extra)})</span>" if extra else ""
        rows.append(
            f"<tr><td style='padding:4px 12px 4px 0; font-weight:700'>{left}×</td>"
            f"<td style='padding:4px 0'>{html.escape(str(line['name']))}{note}<br>"
            f"<span style='color:{theme.FAINT}; font-size:13px'>"
            f"{html.escape(str(line['sku']))}</span></td></tr>"
        )
    return f"<table cellspacing='0'>{''.join(rows)}</table>", units


class DetailCard(QFrame):
    """Head (``title``, ``status_chip``, close button, ``subtitle``), a scrolling ``body``
    layout and a ``foot`` layout for buttons.

    ``stacked``: the title wraps across the head and the chip sits beside the subtitle
    below it (for long titles).

    Signal ``closed()``: the close button (or the owner's Esc) closed the card.
    """

    closed = Signal()

    def __init__(self, parent: QWidget | None = None, *, stacked: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("detailPanel")
        self.setProperty("card", True)
        self.setMinimumWidth(380)
        self.setMaximumWidth(460)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        head = QWidget(self)
        head_layout = QVBoxLayout(head)
        head_layout.setContentsMargins(22, 18, 14, 8 if stacked else 10)
        head_layout.setSpacing(4)
        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        self.title = card_label(name="orderTitle")
        self.title.setWordWrap(stacked)
        self.status_chip = card_label(chip="info")
        self.status_chip.setWordWrap(False)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeDetail")
        self.close_button.setProperty("flat", True)
        self.close_button.setIcon(theme.icon("close", theme.MUTED))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setMinimumHeight(max(44, getattr(theme, "TOUCH_MIN", 40)))
        self.close_button.setFixedWidth(max(44, getattr(theme, "TOUCH_MIN", 40)))
        self.close_button.clicked.connect(self.closed)
        self.subtitle = card_label(muted=True)
        if stacked:
            title_row.addWidget(self.title, 1)
            title_row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
            head_layout.addLayout(title_row)
            meta_row = QHBoxLayout()
            meta_row.setSpacing(10)
            meta_row.addWidget(self.status_chip, 0, Qt.AlignmentFlag.AlignVCenter)
            meta_row.addWidget(self.subtitle, 1)
            head_layout.addLayout(meta_row)
        else:
            title_row.addWidget(self.title)
            title_row.addWidget(self.status_chip, 0, Qt.AlignmentFlag.AlignVCenter)
            title_row.addStretch(1)
            title_row.addWidget(self.close_button)
            head_layout.addLayout(title_row)
            head_layout.addWidget(self.subtitle)
        outer.addWidget(head)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
        )
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(22, 6, 22, 16)
        self.body.setSpacing(14)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        foot = QWidget(self)
        self.foot = QVBoxLayout(foot)
        self.foot.setContentsMargins(22, 10, 22, 18)
        self.foot.setSpacing(6)
        outer.addWidget(foot)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def set_chip(self, text: str, level: str) -> None:
        """The status chip's text and colour (``ok``, ``warn``, ``bad``, ``info``)."""
        self.status_chip.setText(text)
        self.status_chip.setProperty("chip", level)
        theme.restyle(self.status_chip)
