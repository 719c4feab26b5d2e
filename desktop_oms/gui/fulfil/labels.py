"""The 4x6 in shipping label, drawn from a bought label (``LabelDoc``): PDF, printer, ZPL.

API for the fulfil views (every function that writes or prints is blocking: run it on
the network pool, never on the UI thread; Qt allows painting on a PDF writer or printer
off the GUI thread):

* ``render_label_pdf(label, path) -> Path`` — one label, one 4x6 in page;
  ``render_labels_pdf(labels, path) -> Path`` — one page per box.
* ``print_label(label, printer)`` / ``print_labels(labels, printer)`` — through a
  ``QPrinter`` (the operating system's printer), on a 4x6 in page.
* ``label_zpl(label) -> str`` — the carrier's ZPL II for a thermal printer, as bought;
  ``save_zpl(labels, path) -> Path`` writes it (the "raw ZPL" output: copy the file to
  the printer, e.g. ``lp -o raw``; Qt cannot send raw bytes to a queue).
* ``save_labels(labels, folder) -> LabelFiles`` — the PDF and the ZPL side by side.

A ``label`` is a :class:`LabelDoc` or its JSON dict (as in a cached fulfillment
document's ``labels``). The PDF shows what a carrier label shows: sender, recipient (big),
service, box n of m and weight, the sort code large, the Code 128 tracking barcode with
its number in print, and the order reference.

The label is not translated: its fields are the carrier's (as in the ZPL it sells, which
the thermal printer prints as is), read by sorting staff along the route, whatever the
station's language; the packing slip inside the parcel speaks the customer's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter

from desktop_oms.domain.shipping import LabelStatus, ServiceLevel, format_s10
from desktop_oms.gui.barcodes import paint_code128
from desktop_oms.gui.printing import paint_on, pdf_writer, print_font, safe_file_name
from desktop_oms.protocol.sync import AddressDoc, LabelDoc

#: The label: 4 x 6 in (101.6 x 152.4 mm), portrait.
WIDTH_MM = 101.6
HEIGHT_MM = 152.4
#: The PDF's resolution: barcode modules land on whole device pixels at 600 dpi.
PDF_DPI = 600
INK = QColor("#000000")
PAPER = QColor("#ffffff")
COUNTRIES = {
    "NL": "NETHERLANDS",
    "BE": "BELGIUM",
    "DE": "GERMANY",
    "FR": "FRANCE",
    "LU": "LUXEMBOURG",
    "GB": "UNITED KINGDOM",
}
SERVICE_NAMES = {ServiceLevel.STANDARD: "STANDARD", ServiceLevel.EXPRESS: "EXPRESS"}

LabelLike = LabelDoc | Mapping[str, Any]


def as_label(label: LabelLike) -> LabelDoc:
    """The label as a model (a dict from a cached document is validated)."""
    return label if isinstance(label, LabelDoc) else LabelDoc.model_validate(dict(label))


def label_page_size() -> QPageSize:
    """The 4x6 in page."""
    return QPageSize(QSizeF(4.0, 6.0), QPageSize.Unit.Inch, "4x6 in label")


# --- ZPL ---------------------------------------------------------------------------------


def label_zpl(label: LabelLike) -> str:
    """The carrier's ZPL II of the label (812 x 1218 dots at 203 dpi), exactly as bought."""
    return as_label(label).zpl


def save_zpl(labels: Sequence[LabelLike], path: Path) -> Path:
    """Blocking: write the labels' ZPL, one ``^XA…^XZ`` format per box, to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(label_zpl(x).rstrip("\n") + "\n" for x in labels)
    path.write_bytes(text.encode("utf-8"))
    return path


# --- painting ----------------------------------------------------------------------------


class _Page:
    """Millimetre geometry on a paint device whose top left is the label's."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice) -> None:
        self.p = painter
        self.device = device
        self.dpi = float(device.logicalDpiY())

    def mm(self, value: float) -> float:
        """Millimetres in device pixels."""
        return value * self.dpi / 25.4

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        """A rectangle given in millimetres."""
        return QRectF(self.mm(x), self.mm(y), self.mm(w), self.mm(h))

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float) -> None:
        """A straight line ``width`` mm thick."""
        pen = QPen(INK)
        pen.setWidthF(self.mm(width))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.p.setPen(pen)
        self.p.drawLine(QPointF(self.mm(x1), self.mm(y1)), QPointF(self.mm(x2), self.mm(y2)))

    def fill(self, x: float, y: float, w: float, h: float, colour: QColor = INK) -> None:
        """A filled box."""
        self.p.fillRect(self.rect(x, y, w, h), colour)

    def text(
        self,
        x: float,
        y: float,
        w: float,
        text: str,
        font: QFont,
        *,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        colour: QColor = INK,
        fit: bool = True,
    ) -> float:
        """One line of text with its top at ``y``, shrunk to fit ``w`` if need be; its
        height in mm."""
        if fit:
            font = QFont(font)
            metrics = QFontMetricsF(font, self.device)
            width = metrics.horizontalAdvance(text)
            if width > self.mm(w) and width > 0:
                font.setPointSizeF(max(4.0, font.pointSizeF() * self.mm(w) / width))
        metrics = QFontMetricsF(font, self.device)
        height = metrics.height()
        self.p.setFont(font)
        self.p.setPen(colour)
        flags = int(align | Qt.AlignmentFlag.AlignTop)
        self.p.drawText(QRectF(self.mm(x), self.mm(y), self.mm(w), height), flags, text)
        return height * 25.4 / self.dpi


def _address_lines(a: AddressDoc) -> list[str]:
    lines = [a.line1]
    if a.line2:
        lines.append(a.line2)
    return lines


def _kg(weight_g: int) -> str:
    return f"{weight_g / 1000:.2f} kg"


def paint_label(painter: QPainter, device: QPagedPaintDevice, label: LabelLike) -> None:
    """Draw the label on ``device`` (begun by ``painter``) with its top left at the
    device's origin, 4x6 in large."""
    lb = as_label(label)
    pg = _Page(painter, device)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    pg.fill(0, 0, WIDTH_MM, HEIGHT_MM, PAPER)
    left, right = 3.0, WIDTH_MM - 3.0
    width = right - left
    inner = width - 4.0
    # frame
    pen = QPen(INK)
    pen.setWidthF(pg.mm(0.6))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(pg.rect(left, 3.0, width, HEIGHT_MM - 6.0))

    # header: carrier and service
    pg.text(left + 2, 5.0, 58, lb.carrier_name.upper(), print_font(19, bold=True))
    pg.text(left + 2, 13.6, 58, "Parcel · tracked · signature not required", print_font(6.2))
    service = SERVICE_NAMES.get(ServiceLevel(lb.service), str(lb.service).upper())
    box_x, box_w = right - 36.0, 34.0
    if lb.service == ServiceLevel.EXPRESS:
        pg.fill(box_x, 5.0, box_w, 13.0)
        pg.text(
            box_x,
            7.6,
            box_w,
            service,
            print_font(14, bold=True),
            align=Qt.AlignmentFlag.AlignHCenter,
            colour=PAPER,
        )
    else:
        pen = QPen(INK)
        pen.setWidthF(pg.mm(0.8))
        painter.setPen(pen)
        painter.drawRect(pg.rect(box_x + 0.4, 5.4, box_w - 0.8, 12.2))
        pg.text(
            box_x,
            7.6,
            box_w,
            service,
            print_font(13, bold=True),
            align=Qt.AlignmentFlag.AlignHCenter,
        )
    pg.line(left, 20.5, right, 20.5, 0.5)

    # sender, and the parcel's facts
    y = 22.0
    y += pg.text(left + 2, y, 58, "FROM", print_font(6, bold=True))
    sender = lb.ship_from
    y += pg.text(left + 2, y, 58, sender.name, print_font(8, bold=True))
    for line in _address_lines(sender):
        y += pg.text(left + 2, y, 58, line, print_font(7.6))
    y += pg.text(
        left + 2, y, 58, f"{sender.postal_code} {sender.city} · {sender.country}", print_font(7.6)
    )
    fx = right - 34.0
    pg.line(fx - 2.0, 20.5, fx - 2.0, 43.0, 0.3)
    pg.text(fx, 22.0, 32, f"BOX {lb.box_index} OF {lb.box_count}", print_font(9, bold=True))
    pg.text(fx, 26.6, 32, _kg(lb.weight_g), print_font(15, bold=True))
    pg.text(fx, 34.4, 32, f"{lb.length_cm} × {lb.width_cm} × {lb.height_cm} cm", print_font(7))
    pg.text(fx, 38.2, 32, f"{lb.created_at:%d %b %Y}", print_font(7))
    pg.line(left, 43.0, right, 43.0, 0.5)

    # recipient
    to = lb.ship_to
    y = 44.6
    y += pg.text(left + 2, y, 40, "SHIP TO", print_font(7, bold=True)) + 0.8
    x = left + 5.0
    y += pg.text(x, y, inner - 3, to.name.upper(), print_font(15, bold=True))
    for line in _address_lines(to):
        y += pg.text(x, y, inner - 3, line.upper(), print_font(12.5))
    y += pg.text(x, y, inner - 3, f"{to.postal_code}  {to.city}".upper(), print_font(16, bold=True))
    country = COUNTRIES.get(to.country, to.country)
    y += pg.text(x, y, inner - 3, country, print_font(11, bold=True))
    if to.phone:
        pg.text(x, y + 0.6, inner - 3, f"Tel. {to.phone}", print_font(8))
    pg.line(left, 86.0, right, 86.0, 1.0)

    # sort code
    pg.text(left + 2, 87.4, 30, "ROUTE", print_font(6, bold=True))
    pg.text(left + 2, 90.0, inner, lb.routing_code, print_font(30, bold=True, condensed=True))
    pg.line(left, 107.0, right, 107.0, 0.5)

    # tracking barcode
    pg.text(left + 2, 108.2, 40, "TRACKING NUMBER", print_font(6, bold=True))
    paint_code128(painter, pg.rect(left + 1.0, 112.0, width - 2.0, 20.5), lb.tracking)
    pg.text(
        left,
        133.4,
        width,
        format_s10(lb.tracking),
        print_font(12.5, bold=True),
        align=Qt.AlignmentFlag.AlignHCenter,
    )
    pg.line(left, 140.5, right, 140.5, 0.5)

    # reference (a voided label says so instead)
    if lb.status != LabelStatus.ACTIVE:
        _void_stamp(pg)
    else:
        pg.text(left + 2, 142.0, 58, f"Order {lb.reference}", print_font(9.5, bold=True))
        pg.text(
            left + 50,
            142.6,
            width - 52,
            f"{lb.carrier_name} {service.title()} · box {lb.box_index}/{lb.box_count}",
            print_font(6.6),
            align=Qt.AlignmentFlag.AlignRight,
        )
    painter.restore()


def _void_stamp(pg: _Page) -> None:
    """A voided label says so across its face and in words: it must not be used."""
    pg.text(
        4.0,
        141.8,
        WIDTH_MM - 8.0,
        "VOID — DO NOT USE",
        print_font(13, bold=True),
        align=Qt.AlignmentFlag.AlignHCenter,
    )
    pg.p.save()
    pg.p.translate(pg.mm(WIDTH_MM / 2), pg.mm(HEIGHT_MM / 2))
    pg.p.rotate(-35)
    font = print_font(60, bold=True)
    pg.p.setFont(font)
    pg.p.setPen(QColor(0, 0, 0, 150))
    box = QRectF(-pg.mm(80), -pg.mm(15), pg.mm(160), pg.mm(30))
    pg.p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), "VOID")
    pg.p.restore()


def _paint_all(painter: QPainter, device: QPagedPaintDevice, labels: Sequence[LabelDoc]) -> None:
    for n, label in enumerate(labels):
        if n:
            device.newPage()
        paint_label(painter, device, label)


def render_labels_pdf(labels: Sequence[LabelLike], path: Path) -> Path:
    """Blocking: write the labels as a PDF, one 4x6 in page per box, to ``path``."""
    models = [as_label(x) for x in labels]
    if not models:
        raise ValueError("no labels to render")
    writer = pdf_writer(path, title=f"Shipping labels {models[0].reference}", dpi=PDF_DPI)
    writer.setPageSize(label_page_size())
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    paint_on(writer, lambda painter: _paint_all(painter, writer, models), job=str(path))
    return path


def render_label_pdf(label: LabelLike, path: Path) -> Path:
    """Blocking: write one label as a one-page 4x6 in PDF to ``path``."""
    return render_labels_pdf([label], path)


def print_labels(labels: Sequence[LabelLike], printer: QPrinter) -> None:
    """Blocking: print the labels on ``printer``, one 4x6 in page each (a label printer's
    stock, or the top left of a sheet)."""
    models = [as_label(x) for x in labels]
    if not models:
        raise ValueError("no labels to print")
    job = f"Shipping labels {models[0].reference}"
    printer.setDocName(job)
    printer.setPageSize(label_page_size())
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    paint_on(printer, lambda painter: _paint_all(painter, printer, models), job=job)


def print_label(label: LabelLike, printer: QPrinter) -> None:
    """Blocking: print one label on ``printer``."""
    print_labels([label], printer)


@dataclass(frozen=True, slots=True)
class LabelFiles:
    """Where :func:`save_labels` wrote a parcel's labels."""

    pdf: Path
    zpl: Path


def file_stem(labels: Sequence[LabelLike]) -> str:
    """``labels-WEB-1000042-CP400000013NL``: order and first tracking number, safe names."""
    first = as_label(labels[0])
    return safe_file_name(f"labels-{first.reference}-{first.tracking}")


def save_labels(labels: Sequence[LabelLike], folder: Path) -> LabelFiles:
    """Blocking: the labels as a PDF and as raw ZPL in ``folder``."""
    stem = file_stem(labels)
    return LabelFiles(
        render_labels_pdf(labels, folder / f"{stem}.pdf"), save_zpl(labels, folder / f"{stem}.zpl")
    )
