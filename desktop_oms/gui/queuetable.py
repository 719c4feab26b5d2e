"""The table of a queue page (pickups, fulfil, conflicts): its setup, its empty state and
a live update that keeps what is on screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from desktop_oms.gui.rowmodel import R, RowTableModel

C = TypeVar("C", bound=int)  # a column number (an int, or an IntEnum member)


def setup_queue_table(
    table: QTableView,
    *,
    row_height: int,
    widths: Mapping[C, int],
    stretch: int,
    selection: QAbstractItemView.SelectionMode = QAbstractItemView.SelectionMode.SingleSelection,
    sort_column: int | None = None,
    min_section: int = 60,
) -> QHeaderView:
    """Rows of ``row_height`` selected whole, no grid, ``widths`` per column with the
    ``stretch`` column taking the rest; with ``sort_column``, a clickable header that asks
    the table's model to sort (ascending on ``sort_column`` first). Returns the header."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setCornerButtonEnabled(False)
    table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
    vertical = table.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(row_height)
    vertical.setMinimumSectionSize(row_height)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionsClickable(sort_column is not None)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setMinimumSectionSize(min_section)
    header.setFixedHeight(44)
    for column, width in widths.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if sort_column is not None:
        header.setSortIndicatorShown(True)
        header.setSortIndicator(sort_column, Qt.SortOrder.AscendingOrder)
        model = table.model()
        header.sortIndicatorChanged.connect(lambda column, order: model.sort(column, order))
    table.setIconSize(QSize(18, 18))
    return header


def empty_label(parent: QWidget) -> QLabel:
    """The centred, wrapping text shown in place of an empty queue."""
    label = QLabel("", parent)
    label.setObjectName("emptyState")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


def update_keeping_scroll(
    table: QTableView,
    model: RowTableModel[R],
    rows: Sequence[R],
    now: datetime,
    row_height: int,
) -> None:
    """Show a new read of the same tab; the row at the top of the table stays there (at
    the same offset) when rows come or go above it."""
    bar = table.verticalScrollBar()
    value = bar.value()
    top = table.rowAt(0)
    anchor: int | None = model.row_at(top)[0] if value > 0 and top >= 0 else None
    offset = value - top * row_height if anchor is not None else 0
    model.update(rows, now)
    if anchor is not None:
        row = model.row_of(anchor)
        if row is not None:
            bar.setValue(row * row_height + offset)
