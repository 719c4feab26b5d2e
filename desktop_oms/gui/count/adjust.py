"""One stock correction outside a count: a number of units off (or on) with a reason.

For goods found damaged or stolen (or found again) between counts: the manager picks
the line on the Count page, presses "Correct stock…", says how many units and why. It
goes out as an ``adjust_inventory`` command in mode ``delta``, based on the stock
version the station shows (see :func:`desktop_oms.cache.counts.adjust`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.gui.numbers import grouped
from desktop_oms.gui.words import reason_label

#: The largest correction one command makes (bigger differences are counted).
MAX_UNITS = 999


class AdjustDialog(QDialog):
    """Ask for a correction of one SKU: units (+/-, not 0) and a reason code."""

    def __init__(
        self,
        sku: str,
        name: str,
        on_hand: int,
        reasons: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct stock"))
        self.setObjectName("adjustDialog")
        self.sku = sku
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        title = QLabel(name)
        title.setObjectName("conflictTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        here = QLabel(
            self.tr("{sku} · {on_hand} on hand here as this station sees it").format(
                sku=sku, on_hand=grouped(on_hand)
            )
        )
        here.setProperty("muted", "true")
        layout.addWidget(here)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.units = QSpinBox()
        self.units.setObjectName("adjustUnits")
        self.units.setRange(-MAX_UNITS, MAX_UNITS)
        self.units.setValue(-1)
        self.units.setMinimumHeight(40)
        self.units.valueChanged.connect(self._check)
        form.addRow(self.tr("Units (− off, + on)"), self.units)
        self.reason = QComboBox()
        self.reason.setObjectName("adjustReason")
        self.reason.setMinimumHeight(40)
        for code, label in reasons.items():
            if code != "cycle_count":  # a count is taken on the Count page
                self.reason.addItem(reason_label(label), code)
        self.reason.setCurrentIndex(max(0, self.reason.findData("damaged")))
        form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(form)
        self.why = QLabel("")
        self.why.setWordWrap(True)
        self.why.setProperty("faint", "true")
        layout.addWidget(self.why)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.clicked.connect(self.reject)
        self.ok = QPushButton(self.tr("Queue correction"))
        self.ok.setProperty("accent", True)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.accept)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok)
        layout.addLayout(buttons)
        self._check()

    def _check(self) -> None:
        units = self.units.value()
        self.ok.setEnabled(units != 0)
        if units == 0:
            self.why.setText(self.tr("Say how many units to take off (−) or put on (+)."))
        else:
            self.why.setText(
                self.tr(
                    "Sent to the server as a stock correction; if stock moved there meanwhile it "
                    "is refused and shows in the Conflicts inbox."
                )
            )

    def chosen(self) -> tuple[int, str]:
        """The units and the reason code chosen."""
        return self.units.value(), str(self.reason.currentData())
