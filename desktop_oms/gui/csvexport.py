"""CSV export of any list on screen: the rows of a table model, as values, not as shown.

A model gives the raw value of a cell (a number, an ISO time) under :data:`EXPORT_ROLE`,
so a spreadsheet gets ``1234.50`` rather than ``€ 1.234,50``; cells without one export
their display text. The file is written on a worker (:meth:`TaskManager.run`), never on
the UI thread; UTF-8 with a byte-order mark, because spreadsheet programs need it to read
accents in names.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_oms.gui.tasks import Task, TaskManager

#: The raw value of a cell for export (falls back to the display text when None); asked of
#: ``headerData`` too, for a column title naming the raw value's unit.
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 50

Cell = str | int | float | None


def model_table(model: QAbstractItemModel) -> tuple[list[str], list[list[Cell]]]:
    """The header and every row of a (flat) table model, as exported."""
    columns = model.columnCount()
    header = [_title(model, c) for c in range(columns)]
    rows: list[list[Cell]] = []
    for r in range(model.rowCount()):
        row: list[Cell] = []
        for c in range(columns):
            index = model.index(r, c, QModelIndex())
            value = model.data(index, EXPORT_ROLE)
            if value is None:
                value = model.data(index, Qt.ItemDataRole.DisplayRole)
            row.append(_cell(value))
        rows.append(row)
    return header, rows


def _title(model: QAbstractItemModel, column: int) -> str:
    """A column's title in the file: its :data:`EXPORT_ROLE` header (which can name the
    unit of a raw value, "Late (hours)"), else the title on screen."""
    horizontal = Qt.Orientation.Horizontal
    title = model.headerData(column, horizontal, EXPORT_ROLE)
    if title is None:
        title = model.headerData(column, horizontal, Qt.ItemDataRole.DisplayRole)
    return str(title or "")


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    """Disk: write a CSV file (UTF-8 with BOM, comma separated); the number of rows."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
            count += 1
    return count


def default_name(title: str, now: datetime) -> str:
    """A file name for a list: ``low-stock-2026-11-29-1042.csv``."""
    slug = "-".join("".join(c if c.isalnum() else " " for c in title.lower()).split())
    return f"{slug or 'export'}-{now:%Y-%m-%d-%H%M}.csv"


def ask_path(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to save (a native dialog; starts in the Documents folder), or None."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("CsvExport", "Export to CSV"),
        str(Path(folder) / suggested),
        QCoreApplication.translate("CsvExport", "CSV files (*.csv)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".csv" else path.with_suffix(".csv")


def export_model(model: QAbstractItemModel, path: Path, tasks: TaskManager) -> Task[int]:
    """Export ``model`` to ``path``: rows taken now on the UI thread, written on a worker."""
    header, rows = model_table(model)
    return tasks.run(lambda: write_csv(path, header, rows), name="export CSV")
