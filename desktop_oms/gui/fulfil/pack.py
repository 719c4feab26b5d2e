"""The pack dialog: the boxes a parcel goes out in, each of a store box type, with its weight.

Box types (code, name, inside dimensions) come from the store setting ``box_types``
(:mod:`desktop_oms.domain.boxes`). The dialog starts with one box; "Add box" adds
another, each row can be removed while more than one is left. OK gives the boxes as
``pack`` command arguments (:attr:`PackDialog.boxes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.domain.boxes import BoxType
from desktop_oms.gui import theme

#: A finger's target (the theme's, once it names one).
TOUCH_MIN: int = getattr(theme, "TOUCH_MIN", 40)
#: The heaviest and lightest weight a box can be given, in kg.
MIN_KG, MAX_KG = 0.05, 31.5


class BoxRow:
    """One box of the dialog: its type and weight widgets."""

    def __init__(self, types: Sequence[BoxType], parent: QWidget) -> None:
        self.types = list(types)
        self.type = QComboBox(parent)
        self.type.setObjectName("boxType")
        self.type.setAccessibleName(QCoreApplication.translate("PackDialog", "Box type"))
        for box in self.types:
            self.type.addItem(f"{box.code} · {box.name} · {box.dimensions}", box.code)
        self.type.setCurrentIndex(min(1, len(self.types) - 1))
        self.weight = QDoubleSpinBox(parent)
        self.weight.setObjectName("boxWeight")
        self.weight.setRange(MIN_KG, MAX_KG)
        self.weight.setDecimals(2)
        self.weight.setSingleStep(0.1)
        self.weight.setSuffix(QCoreApplication.translate("PackDialog", " kg"))
        self.weight.setAccessibleName(QCoreApplication.translate("PackDialog", "Weight in kg"))
        self.weight.setValue(1.0)
        self.weight.setMinimumWidth(120)
        self.remove = QPushButton(QCoreApplication.translate("PackDialog", "Remove"), parent)
        self.remove.setObjectName("removeBox")
        self.remove.setProperty("flat", True)
        for widget in self.widgets():
            widget.setMinimumHeight(TOUCH_MIN)

    def box(self) -> dict[str, Any]:
        """The box as a ``BoxDoc`` of the pack command."""
        kind = self.types[self.type.currentIndex()]
        return kind.box(round(self.weight.value() * 1000))

    def widgets(self) -> tuple[QWidget, ...]:
        """Its widgets, left to right."""
        return (self.type, self.weight, self.remove)


class PackDialog(QDialog):
    """Pack a parcel into one or more boxes.

    Signals: QDialog's ``accepted()`` (then read :attr:`boxes`) and ``rejected()``.
    """

    def __init__(
        self, order_number: str, units: int, types: Sequence[BoxType], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("packDialog")
        self.setWindowTitle(self.tr("Pack {number}").format(number=order_number))
        self.setMinimumWidth(680)  # the box type's name and dimensions, in Dutch too
        self.types = list(types)
        self.rows: list[BoxRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(14)
        title = QLabel(self.tr("Pack {number}").format(number=order_number), self)
        title.setObjectName("dialogTitle")
        layout.addWidget(title)
        intro = QLabel(
            self.tr("%n item(s).", "", units)
            + " "
            + self.tr(
                "Choose the box each part goes in and weigh it: the carrier charges by "
                "weight and size."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setProperty("muted", True)
        layout.addWidget(intro)
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(8)
        layout.addWidget(self.grid_host)
        self.add_button = QPushButton(self.tr("Add box"), self)
        self.add_button.setObjectName("addBox")
        self.add_button.setMinimumHeight(TOUCH_MIN)
        self.add_button.clicked.connect(self.add_box)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Packed"))
        ok.setObjectName("packOk")
        ok.setProperty("accent", True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.add_box()

    def add_box(self) -> BoxRow:
        """Add a box row (of the type of the last one)."""
        row = BoxRow(self.types, self.grid_host)
        if self.rows:
            row.type.setCurrentIndex(self.rows[-1].type.currentIndex())
        row.remove.clicked.connect(lambda: self.remove_box(row))
        self.rows.append(row)
        self._layout_rows()
        return row

    def remove_box(self, row: BoxRow) -> None:
        """Take a box row out (never the last one)."""
        if len(self.rows) <= 1 or row not in self.rows:
            return
        self.rows.remove(row)
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._layout_rows()

    def _layout_rows(self) -> None:
        for n, row in enumerate(self.rows):
            number = self.grid.itemAtPosition(n, 0)
            if number is None:
                label = QLabel(self.tr("Box {number}").format(number=n + 1), self.grid_host)
                label.setProperty("muted", True)
                self.grid.addWidget(label, n, 0)
            for col, widget in enumerate(row.widgets(), 1):
                self.grid.addWidget(widget, n, col)
            row.remove.setEnabled(len(self.rows) > 1)
        for n in range(len(self.rows), self.grid.rowCount()):
            stale = self.grid.itemAtPosition(n, 0)
            stale_widget = stale.widget() if stale is not None else None
            if stale_widget is not None:
                self.grid.removeWidget(stale_widget)
                stale_widget.deleteLater()
        self.grid.setColumnStretch(1, 1)

    @property
    def boxes(self) -> list[dict[str, Any]]:
        """The boxes as the ``pack`` command takes them."""
        return [row.box() for row in self.rows]
