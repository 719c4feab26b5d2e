"""Printing shared by every printed document (receipts, pick lists, slips, labels).

One place for the plumbing around a document's own drawing: begin/end a QPainter on a
printer or PDF writer (with a clear error when it refuses), a PDF writer set up the same
way everywhere, file names safe on every system, the "printer, else a PDF file" output
and what it tells staff, and the print preview dialog.

Each kind of document (receipt, pick list, label) may have a printer of its own, chosen in
the settings (:mod:`desktop_oms.gui.preferences`): :func:`use_printers` sets the choices
(at start and when the settings are saved) and :func:`output`, :func:`preview` and
:func:`has_printer` honour them — a printer by name, the system's default, or "Save as
PDF". A chosen printer that is not installed any more never loses a document: it is saved
as a PDF and the message says why.

Everything but :func:`preview` blocks and runs on a worker thread, never on the UI thread:
a printer driver or the disk may be slow, and Qt allows painting on a printer or PDF
writer off the GUI thread. :func:`preview` runs on the UI thread, as Qt's preview dialog
asks for its pages there.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

CREATOR = "desktop-oms"
#: A printer choice: the operating system's default printer.
DEFAULT_PRINTER = ""
#: A printer choice: no printer, save the document as a PDF file.
SAVE_AS_PDF = "@pdf"
#: The documents with a printer of their own, by the name staff see on them (``what``).
DOCUMENT_OF: dict[str, str] = {
    "Receipt": "receipt",
    "Pick list": "picklist",
    "Label": "label",
    "Labels": "label",
    "Shipping labels": "label",
}
#: Document key -> printer choice, set by :func:`use_printers` (replaced whole, never
#: changed in place, so a worker thread always reads one consistent set).
_choices: Mapping[str, str] = {}


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
    #: Why a document went to a file: "" (no printer set up), or the chosen printer is
    #: missing, or "Save as PDF" is chosen.
    reason: str = ""

    def describe(self) -> str:
        """A message for staff: which printer, or which file."""
        if self.printer is not None:
            return QCoreApplication.translate(
                "Printed", "{what} sent to the printer {name}."
            ).format(what=self.what, name=self.printer)
        if self.reason:
            return QCoreApplication.translate(
                "Printed", "{reason}: the {what} was saved as {path}."
            ).format(reason=self.reason, what=self.what.lower(), path=self.path)
        return QCoreApplication.translate(
            "Printed", "No printer is set up: the {what} was saved as {path}."
        ).format(what=self.what.lower(), path=self.path)


def use_printers(choices: Mapping[str, str]) -> None:
    """Print each document (key: ``receipt``, ``picklist``, ``label``) on the printer
    chosen for it from now on: a printer's name, :data:`DEFAULT_PRINTER` or
    :data:`SAVE_AS_PDF`."""
    global _choices
    _choices = dict(choices)


def document_of(what: str) -> str | None:
    """The document key of ``what`` ("Pick list · 12" -> ``picklist``), None if it has no
    printer of its own."""
    head = what.split(" · ")[0].strip()
    return DOCUMENT_OF.get(head) or next(
        (key for name, key in DOCUMENT_OF.items() if head.startswith(name + " ")), None
    )


def choice_for(document: str | None) -> str:
    """The printer chosen for ``document`` (the default printer when none is chosen)."""
    return _choices.get(document or "", DEFAULT_PRINTER)


def choose_printer(document: str | None, choice: str | None = None) -> tuple[QPrinter | None, str]:
    """The printer for ``document`` (or for the printer ``choice``, when given) and, when
    there is none, why (for staff): the chosen printer, else the system's default; None
    with "Save as PDF" chosen, a chosen printer not installed, or no printer at all."""
    chosen = choice_for(document) if choice is None else choice
    if chosen == SAVE_AS_PDF:
        return None, QCoreApplication.translate("Printed", "Save as PDF is chosen in the settings")
    if chosen:
        info = QPrinterInfo.printerInfo(chosen)
        if info.isNull():
            log.warning("printer %r chosen for %s is not installed", chosen, document)
            return None, QCoreApplication.translate(
                "Printed", "The printer {name} is not installed"
            ).format(name=chosen)
        return QPrinter(info, QPrinter.PrinterMode.HighResolution), ""
    return default_printer(), ""


def paint_on(device: QPagedPaintDevice, paint: Callable[[QPainter], object], *, job: str) -> None:
    """Blocking: begin a painter on ``device``, ``paint`` with it, and end it.

    ``job`` names the work in the error: raises :class:`OSError` when a printer refuses
    the job or a PDF file cannot be written (the painter does not begin).
    """
    painter = QPainter()
    if not painter.begin(device):
        if isinstance(device, QPrinter):
            name = device.printerName() or QCoreApplication.translate("Printed", "(default)")
            raise OSError(
                QCoreApplication.translate(
                    "Printed", "the printer {name} refused the job ({job})"
                ).format(name=name, job=job)
            )
        raise OSError(QCoreApplication.translate("Printed", "cannot write {job}").format(job=job))
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


def has_printer(document: str | None = None) -> bool:
    """Whether ``document`` (a key of the printer choices) goes to a printer: the one
    chosen for it, else the operating system's default one."""
    chosen = choice_for(document)
    if chosen == SAVE_AS_PDF:
        return False
    if chosen:
        return not QPrinterInfo.printerInfo(chosen).isNull()
    return not QPrinterInfo.defaultPrinter().isNull()


def output(
    what: str,
    paint_printer: Callable[[QPrinter], object],
    save_pdf: Callable[[Path], Path],
    folder: Path,
    *,
    use_printer: bool = True,
    document: str | None = None,
    choice: str | None = None,
) -> Printed:
    """Blocking (a worker thread): print ``what`` with ``paint_printer`` on the printer
    chosen for ``document`` (default: the document ``what`` names; else the default
    printer), or save it with ``save_pdf(folder)`` when there is none (or ``use_printer``
    is off); ``choice`` overrides the printer chosen (a test page of an unsaved choice)."""
    printer, reason = None, ""
    if use_printer:
        printer, reason = choose_printer(document or document_of(what), choice)
    if printer is not None:
        paint_printer(printer)
        return Printed(what, printer.printerName(), None)
    return Printed(what, None, save_pdf(folder), reason)


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
    document: str | None = None,
) -> PrintPreview:
    """UI thread: open (non-modal) a print preview of ``paint``, titled ``title``; the
    printer's job is ``doc_name`` (default: the title). It prints on the printer chosen
    for ``document`` (default: the document the title names). The dialog's ``target`` is
    the printer printed on; it deletes itself when closed."""
    chosen, _why = choose_printer(document or document_of(title))
    printer = chosen or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc_name or title)
    dialog = PrintPreview(printer, parent)
    dialog.setObjectName("printPreview")
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(paint)
    dialog.finished.connect(dialog.deleteLater)
    dialog.resize(900, 760)
    dialog.open()
    return dialog


# --- test pages ---------------------------------------------------------------------------


def paint_test_page(painter: QPainter, device: QPagedPaintDevice, what: str, target: str) -> None:
    """A small test page: a frame, what it tests, where it went and when (so staff can
    tell which printer printed which page)."""
    dpi = device.logicalDpiX() or 300
    page = QRectF(0, 0, device.width(), device.height())
    margin = dpi * 0.15
    box = page.adjusted(margin, margin, -margin, -margin)
    painter.setPen(QPen(Qt.GlobalColor.black, max(1.0, dpi / 100)))
    painter.drawRect(box)
    inner = box.adjusted(margin, margin, -margin, -margin)
    painter.setFont(print_font(12, bold=True))
    title = QCoreApplication.translate("Printed", "Test page: {what}").format(what=what)
    painter.drawText(inner, int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft), title)
    painter.setFont(print_font(8))
    lines = [
        QCoreApplication.translate("Printed", "Printer: {target}").format(target=target),
        datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
        "desktop-oms",
    ]
    body = inner.adjusted(0, dpi * 0.3, 0, 0)
    flags = int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    painter.drawText(body, flags, "\n".join(lines))


def default_test_pages_dir() -> Path:
    """Where test pages go as PDF files when no printer is chosen."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("desktop-oms")) / "test-pages"


def print_test_page(document: str, what: str, folder: Path, choice: str | None = None) -> Printed:
    """Blocking (a worker thread): print a test page for ``document`` on the printer chosen
    for it (or ``choice``), or save it as a PDF in ``folder`` (the size of the document)."""

    title = QCoreApplication.translate("Printed", "Test page {what}").format(what=what)

    def on_printer(printer: QPrinter) -> None:
        job = title
        printer.setDocName(job)
        name = printer.printerName() or QCoreApplication.translate("Printed", "(default)")
        paint_on(printer, lambda p: paint_test_page(p, printer, what, name), job=job)

    def as_pdf(into: Path) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = into / (safe_file_name(f"test-page-{document}-{stamp}") + ".pdf")
        writer = pdf_writer(path, title=title, dpi=300)
        if document == "label":
            writer.setPageSize(QPageSize(QSizeF(4, 6), QPageSize.Unit.Inch, "4x6"))
        elif document == "receipt":
            writer.setPageSize(QPageSize(QSizeF(80, 120), QPageSize.Unit.Millimeter, "80mm"))
        paint_on(writer, lambda p: paint_test_page(p, writer, what, "PDF"), job=str(path))
        return path

    return output(what, on_printer, as_pdf, folder, document=document, choice=choice)
