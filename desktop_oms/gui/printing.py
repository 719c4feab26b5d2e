"""Printing shared by every printed document (receipts, pick lists, slips, labels).

One place for the plumbing around a document's own drawing: begin/end a QPainter on a
printer or PDF writer (with a clear error when it refuses), a PDF writer set up the same
way everywhere, file names safe on every system, the "printer, else a PDF file" output
and what it tells staff, and the print preview dialog.

Everything but :func:`preview` blocks and runs on a worker thread, never on the UI thread:
a printer driver or the disk may be slow, and Qt allows painting on a printer or PDF
writer off the GUI thread. :func:`preview` runs on the UI thread, as Qt's preview dialog
asks for its pages there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QPagedPaintDevice, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

CREATOR = "desktop-oms"


#: Fonts for paper, in order of preference (DejaVu Sans ships with most Linux systems).
PRINT_FONT_FAMILIES = ("DejaVu Sans", "Inter", "Segoe UI", "Noto Sans", "Helvetica", "Arial")


def print_font(
    points: float, *, bold: bool = False, spacing: float = 0.0, condensed: bool = False
) -> QFont:
    """A font for printed documents: unhinted, and without ligatures so the PDF's text
    stays searchable and copyable as typed."""
    font = QFont()
    font.setFamilies(list(PRINT_FONT_FAMILIES))
    font.setPointSizeF(points)
    font.setBold(bold)
    if condensed:
        font.setStretch(QFont.Stretch.SemiCondensed)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setFeature(QFont.Tag("liga"), 0)
    if spacing:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    return font


@dataclass(frozen=True, slots=True)
class Printed:
    """Where a document went: a printer, or a PDF file when no printer is set up.

    ``what`` names the document for staff ("Receipt", "Pick list").
    """

    what: str
    printer: str | None
    path: Path | None

    def describe(self) -> str:
        """A message for staff: which printer, or which file."""
        if self.printer is not None:
            return f"{self.what} sent to the printer {self.printer}."
        return f"No printer is set up: the {self.what.lower()} was saved as {self.path}."


def paint_on(device: QPagedPaintDevice, paint: Callable[[QPainter], object], *, job: str) -> None:
    """Blocking: begin a painter on ``device``, ``paint`` with it, and end it.

    ``job`` names the work in the error: raises :class:`OSError` when a printer refuses
    the job or a PDF file cannot be written (the painter does not begin).
    """
    painter = QPainter()
    if not painter.begin(device):
        if isinstance(device, QPrinter):
            name = device.printerName() or "(default)"
            raise OSError(f"the printer {name} refused the job ({job})")
        raise OSError(f"cannot write {job}")
    try:
        paint(painter)
    finally:
        painter.end()


def pdf_writer(path: Path, *, title: str, dpi: int) -> QPdfWriter:
    """A PDF writer for ``path`` (its folder made), titled, at ``dpi`` dots per inch."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(dpi)
    writer.setTitle(title)
    writer.setCreator(CREATOR)
    return writer


def safe_file_name(stem: str) -> str:
    """``stem`` with every run of characters other than letters, digits, ``.`` and ``-``
    made one ``-``: a file name safe on every system."""
    return re.sub(r"[^A-Za-z0-9.-]+", "-", stem)


def default_printer() -> QPrinter | None:
    """The operating system's default printer (high resolution), or None if there is none."""
    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        return None
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def has_printer() -> bool:
    """Whether the operating system has a default printer."""
    return not QPrinterInfo.defaultPrinter().isNull()


def output(
    what: str,
    paint_printer: Callable[[QPrinter], object],
    save_pdf: Callable[[Path], Path],
    folder: Path,
    *,
    use_printer: bool = True,
) -> Printed:
    """Blocking (a worker thread): print ``what`` on the default printer with
    ``paint_printer``, or save it with ``save_pdf(folder)`` when there is none (or
    ``use_printer`` is off)."""
    printer = default_printer() if use_printer else None
    if printer is not None:
        paint_printer(printer)
        return Printed(what, printer.printerName(), None)
    return Printed(what, None, save_pdf(folder))


class PrintPreview(QPrintPreviewDialog):
    """A print preview that keeps its printer (``target``) alive as long as it lives."""

    def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
        super().__init__(printer, parent)
        self.target = printer


def preview(
    parent: QWidget,
    paint: Callable[[QPrinter], object],
    title: str,
    *,
    doc_name: str | None = None,
) -> PrintPreview:
    """UI thread: open (non-modal) a print preview of ``paint``, titled ``title``; the
    printer's job is ``doc_name`` (default: the title). The dialog's ``target`` is the
    printer printed on; it deletes itself when closed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc_name or title)
    dialog = PrintPreview(printer, parent)
    dialog.setObjectName("printPreview")
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(paint)
    dialog.finished.connect(dialog.deleteLater)
    dialog.resize(900, 760)
    dialog.open()
    return dialog
