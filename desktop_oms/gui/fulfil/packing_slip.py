"""The packing slip that travels in the parcel: what was sent, in which box, to whom.

API for the fulfil views (blocking; run on the network pool, never on the UI thread):

* ``build_packing_slip(fulfillment, store) -> PackingSlip`` — the facts, from a
  fulfillment document (``FulfillmentDoc`` or its JSON dict) and the shipping store
  (:class:`desktop_oms.gui.pickups.receipt.StoreAddress`, see ``store_address(conn, id)``).
* ``render_packing_slip_pdf(slip, path, paper="A4"|"Letter") -> Path``
* ``print_packing_slip(slip, printer)`` — through a ``QPrinter``, on its paper.

It shows the store (sender), the order and its date, the ship-to address, the carrier and
tracking numbers when labels were bought, the items and quantities per box (when the
boxes say what they hold; else all items and the boxes), and a QR code of the order code
(``OMS:O:<number>``) for returns. No prices: a parcel may be a gift.

The slip is written in the station's language (context ``PackingSlip``), as the customer
who opens the parcel reads it; dates follow the language's locale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QMarginsF,
    QObject,
    QPointF,
    QRectF,
    Qt,
)
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

from desktop_oms.domain.identifiers import order_code
from desktop_oms.domain.shipping import active_labels, format_s10
from desktop_oms.gui.barcodes import paint_qr
from desktop_oms.gui.fulfil.detail import CHANNELS
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.pickups.receipt import StoreAddress
from desktop_oms.gui.printing import paint_on, pdf_writer, print_font, safe_file_name
from desktop_oms.protocol.sync import FulfillmentDoc

Paper = Literal["A4", "Letter"]
PDF_DPI = 300
MARGIN_MM = 16.0
INK = QColor("#111111")
GREY = QColor("#5b6470")
RULE = QColor("#c9ced6")
BAND = QColor("#eef1f4")
SERVICES = {
    "standard": QT_TRANSLATE_NOOP("PackingSlip", "Standard"),
    "express": QT_TRANSLATE_NOOP("PackingSlip", "Express"),
}
CARRIERS = {"omspost": "OMS Post"}


@dataclass(frozen=True, slots=True)
class SlipItem:
    """Units of one product."""

    quantity: int
    sku: str
    name: str


@dataclass(frozen=True, slots=True)
class SlipBox:
    """One box: its type and size, weight, tracking number, and contents (may be empty)."""

    index: int
    box_type: str
    dimensions: str
    weight_g: int
    tracking: str | None
    items: tuple[SlipItem, ...]


@dataclass(frozen=True, slots=True)
class PackingSlip:
    """Everything a packing slip shows."""

    store: StoreAddress
    order_number: str
    ordered_at: datetime
    channel: str
    ship_to: tuple[str, ...]
    customer: str
    carrier: str | None
    service: str | None
    boxes: tuple[SlipBox, ...]
    items: tuple[SlipItem, ...]

    @property
    def code(self) -> str:
        """The QR's text: the order code the station's scanner opens the order from."""
        return order_code(self.order_number)

    @property
    def per_box(self) -> bool:
        """Whether the boxes say what they hold (else the items are listed once)."""
        return any(box.items for box in self.boxes)

    @property
    def units(self) -> int:
        """Units in the parcel."""
        return sum(item.quantity for item in self.items)


class PackingSlipWords(QObject):
    """Counted words of the slip (a QObject, so ``lupdate`` files their plural forms)."""

    def items(self, count: int) -> str:
        """``1 item``, ``3 items``."""
        return self.tr("%n item(s)", "", count)

    def boxes(self, count: int) -> str:
        """``1 box``, ``2 boxes``."""
        return self.tr("%n box(es)", "", count)


def _channel(code: str) -> str:
    """Where the order was placed, in the station's language."""
    if code in CHANNELS:
        return QCoreApplication.translate("FulfilDetailPanel", CHANNELS[code])
    return code.title()


def _service(code: str) -> str | None:
    """The shipping service's name in the station's language."""
    if code in SERVICES:
        return QCoreApplication.translate("PackingSlip", SERVICES[code])
    return None


def _date(moment: datetime) -> str:
    """``3 Mar 2026`` in the station's language."""
    return QLocale().toString(QDate(moment.year, moment.month, moment.day), "d MMM yyyy")


def _items_in_boxes(units: int, boxes: int) -> str:
    """``3 items in 2 boxes``."""
    words = PackingSlipWords()
    return QCoreApplication.translate("PackingSlip", "{items} in {boxes}").format(
        items=words.items(units), boxes=words.boxes(boxes)
    )


def build_packing_slip(
    fulfillment: FulfillmentDoc | Mapping[str, Any], store: StoreAddress
) -> PackingSlip:
    """The packing slip of a (packed) ship-from-store fulfillment shipped from ``store``."""
    doc = (
        fulfillment
        if isinstance(fulfillment, FulfillmentDoc)
        else FulfillmentDoc.model_validate(dict(fulfillment))
    )
    by_line = {line.line_no: line for line in doc.lines}
    items = tuple(
        SlipItem(line.quantity - line.rejected - line.refused, line.sku, line.name)
        for line in doc.lines
        if line.quantity - line.rejected - line.refused > 0
    )
    labels = active_labels([x.model_dump(mode="json") for x in doc.labels])
    tracking = {int(x["box_index"]): str(x["tracking"]) for x in labels}
    boxes = tuple(
        SlipBox(
            index=n,
            box_type=box.box_type,
            dimensions=f"{box.length_cm} × {box.width_cm} × {box.height_cm} cm",
            weight_g=box.weight_g,
            tracking=tracking.get(n),
            items=tuple(
                SlipItem(i.quantity, by_line[i.line_no].sku, by_line[i.line_no].name)
                for i in box.items
                if i.line_no in by_line
            ),
        )
        for n, box in enumerate(doc.boxes, start=1)
    )
    address: tuple[str, ...] = ()
    if doc.ship_to is not None:
        a = doc.ship_to
        address = tuple(
            x for x in (a.name, a.line1, a.line2, f"{a.postal_code} {a.city}", a.country) if x
        )
    first = labels[0] if labels else None
    return PackingSlip(
        store=store,
        order_number=doc.order_number,
        ordered_at=doc.order.created_at,
        channel=_channel(doc.order.channel.value),
        ship_to=address,
        customer=doc.customer.name,
        carrier=CARRIERS.get(str(first["carrier"]), str(first["carrier"]))
        if first
        else doc.carrier,
        service=_service(str(first["service"])) if first else None,
        boxes=boxes,
        items=items,
    )


# --- painting ----------------------------------------------------------------------------


class _Sheet:
    """Top-to-bottom layout on the page's printable area, starting new pages as needed."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice, slip: PackingSlip) -> None:
        self.p = painter
        self.device = device
        self.slip = slip
        self.dpi = float(device.logicalDpiY())
        self.width = float(device.width())
        self.bottom = float(device.height()) - self.mm(12)
        self.y = 0.0
        self.page = 1

    def mm(self, value: float) -> float:
        """Millimetres in device pixels."""
        return value * self.dpi / 25.4

    def height(self, font: QFont) -> float:
        """A line's height in ``font``."""
        return QFontMetricsF(font, self.device).height()

    def room(self, needed: float) -> None:
        """A new page (with a continuation header) when ``needed`` does not fit."""
        if self.y + needed <= self.bottom:
            return
        self.footer()
        self.device.newPage()
        self.page += 1
        self.y = 0.0
        self.text(
            0,
            self.width,
            QCoreApplication.translate("PackingSlip", "Packing slip {number} (continued)").format(
                number=self.slip.order_number
            ),
            print_font(9, bold=True),
        )
        self.y += self.mm(4)

    def text(
        self,
        x: float,
        w: float,
        text: str,
        font: QFont,
        *,
        colour: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        advance: bool = True,
    ) -> float:
        """One line at the current y; its height (added to y when ``advance``)."""
        h = self.height(font)
        self.p.setFont(font)
        self.p.setPen(colour)
        self.p.drawText(QRectF(x, self.y, w, h), int(align | Qt.AlignmentFlag.AlignVCenter), text)
        if advance:
            self.y += h
        return h

    def rule(self, colour: QColor = RULE, width_mm: float = 0.25) -> None:
        """A hairline across the page."""
        pen = QPen(colour)
        pen.setWidthF(self.mm(width_mm))
        self.p.setPen(pen)
        self.p.drawLine(QPointF(0, self.y), QPointF(self.width, self.y))

    def footer(self) -> None:
        """The page's foot: store and page number."""
        font = print_font(7)
        y = float(self.device.height()) - self.height(font)
        self.p.setFont(font)
        self.p.setPen(GREY)
        store = self.slip.store
        self.p.drawText(
            QRectF(0, y, self.width, self.height(font)),
            int(Qt.AlignmentFlag.AlignLeft),
            f"{store.name} · {store.street}, {store.postal_code} {store.city}",
        )
        self.p.drawText(
            QRectF(0, y, self.width, self.height(font)),
            int(Qt.AlignmentFlag.AlignRight),
            QCoreApplication.translate("PackingSlip", "{number} · page {page}").format(
                number=self.slip.order_number, page=self.page
            ),
        )


def _header(s: _Sheet) -> None:
    slip = s.slip
    store = slip.store
    qr = s.mm(28)
    top = s.y
    s.text(0, s.width - qr, store.name, print_font(16, bold=True))
    s.text(0, s.width - qr, store.street, print_font(9), colour=GREY)
    s.text(
        0,
        s.width - qr,
        f"{store.postal_code} {store.city} · {store.country}",
        print_font(9),
        colour=GREY,
    )
    s.y += s.mm(5)
    s.text(
        0,
        s.width - qr,
        QCoreApplication.translate("PackingSlip", "PACKING SLIP"),
        print_font(9, bold=True, spacing=1.2),
        colour=GREY,
    )
    s.text(0, s.width - qr, slip.order_number, print_font(22, bold=True))
    paint_qr(s.p, QRectF(s.width - qr, top, qr, qr), slip.code)
    s.p.setFont(print_font(7))
    s.p.setPen(GREY)
    s.p.drawText(
        QRectF(s.width - qr - s.mm(4), top + qr + s.mm(1), qr + s.mm(4), s.height(print_font(7))),
        int(Qt.AlignmentFlag.AlignHCenter),
        QCoreApplication.translate("PackingSlip", "Scan for returns"),
    )
    s.y = max(s.y, top + qr + s.mm(5)) + s.mm(4)


def _facts(s: _Sheet) -> None:
    slip = s.slip
    col = (s.width - s.mm(8)) / 3
    top = s.y
    small, body, bold = (
        print_font(7.5, bold=True, spacing=0.8),
        print_font(9.5),
        print_font(9.5, bold=True),
    )

    def block(x: float, title: str, lines: list[tuple[str, QFont]]) -> float:
        s.y = top
        s.text(x, col, title, small, colour=GREY)
        s.y += s.mm(1)
        for text, font in lines:
            s.text(x, col, text, font)
        return s.y

    ship_to = [(line, bold if n == 0 else body) for n, line in enumerate(slip.ship_to)]
    at = slip.ordered_at
    order = [
        (QCoreApplication.translate("PackingSlip", "Ordered {date}").format(date=_date(at)), body),
        (
            QCoreApplication.translate("PackingSlip", "via {channel}").format(channel=slip.channel),
            body,
        ),
        (
            QCoreApplication.translate("PackingSlip", "Customer: {name}").format(
                name=slip.customer
            ),
            body,
        ),
    ]
    shipping = [
        (slip.carrier or QCoreApplication.translate("PackingSlip", "Carrier to be chosen"), bold)
    ]
    if slip.service:
        shipping.append(
            (
                QCoreApplication.translate("PackingSlip", "{service} delivery").format(
                    service=slip.service
                ),
                body,
            )
        )
    shipping.append((_items_in_boxes(slip.units, len(slip.boxes)), body))
    ends = [
        block(0, QCoreApplication.translate("PackingSlip", "SHIP TO"), ship_to or [("—", body)]),
        block(col + s.mm(4), QCoreApplication.translate("PackingSlip", "ORDER"), order),
        block(2 * (col + s.mm(4)), QCoreApplication.translate("PackingSlip", "SHIPPING"), shipping),
    ]
    s.y = max(ends) + s.mm(6)


def _table_head(s: _Sheet, title: str, note: str) -> None:
    head = print_font(10.5, bold=True)
    s.room(s.height(head) * 3 + s.mm(6))
    s.p.fillRect(QRectF(0, s.y, s.width, s.height(head) + s.mm(3)), BAND)
    s.y += s.mm(1.5)
    s.text(s.mm(2), s.width * 0.55, title, head, advance=False)
    s.text(
        s.width * 0.45,
        s.width * 0.55 - s.mm(2),
        note,
        print_font(8.5),
        colour=GREY,
        align=Qt.AlignmentFlag.AlignRight,
    )
    s.y += s.mm(1.5)
    cols = print_font(7.5, bold=True, spacing=0.6)
    s.y += s.mm(1)
    _row(
        s,
        QCoreApplication.translate("PackingSlip", "QTY"),
        QCoreApplication.translate("PackingSlip", "ITEM"),
        QCoreApplication.translate("PackingSlip", "SKU"),
        cols,
        GREY,
    )
    s.rule(INK, 0.3)
    s.y += s.mm(1)


def _row(s: _Sheet, qty: str, name: str, sku: str, font: QFont, colour: QColor = INK) -> None:
    h = s.height(font) + s.mm(1.6)
    s.room(h)
    qty_w, sku_w = s.mm(16), s.mm(38)
    s.p.setFont(font)
    s.p.setPen(colour)
    mid = int(Qt.AlignmentFlag.AlignVCenter)
    s.p.drawText(QRectF(s.mm(2), s.y, qty_w, h), mid | int(Qt.AlignmentFlag.AlignLeft), qty)
    name_w = s.width - qty_w - sku_w - s.mm(4)
    elided = QFontMetricsF(font, s.device).elidedText(name, Qt.TextElideMode.ElideRight, name_w)
    s.p.drawText(
        QRectF(s.mm(2) + qty_w, s.y, name_w, h), mid | int(Qt.AlignmentFlag.AlignLeft), elided
    )
    s.p.drawText(
        QRectF(s.width - sku_w - s.mm(2), s.y, sku_w, h),
        mid | int(Qt.AlignmentFlag.AlignRight),
        sku,
    )
    s.y += h


def _items(s: _Sheet, items: tuple[SlipItem, ...]) -> None:
    body = print_font(9.5)
    for item in items:
        _row(s, f"{item.quantity} ×", item.name, item.sku, body)
        s.rule()
    s.y += s.mm(6)


def _box_note(box: SlipBox) -> str:
    kg = QLocale().toString(box.weight_g / 1000, "f", 2)
    parts = [f"{box.box_type} · {box.dimensions}", f"{kg} kg"]
    if box.tracking:
        parts.append(format_s10(box.tracking))
    return " · ".join(parts)


def _lay_out(s: _Sheet) -> None:
    slip = s.slip
    _header(s)
    s.rule(INK, 0.5)
    s.y += s.mm(5)
    _facts(s)
    count = len(slip.boxes)
    if slip.per_box:
        for box in slip.boxes:
            title = QCoreApplication.translate("PackingSlip", "Box {number} of {count}").format(
                number=box.index, count=count
            )
            _table_head(s, title, _box_note(box))
            _items(s, box.items)
    else:
        _table_head(
            s,
            QCoreApplication.translate("PackingSlip", "Items"),
            _items_in_boxes(slip.units, count),
        )
        _items(s, slip.items)
        if slip.boxes:
            small = print_font(8.5)
            for box in slip.boxes:
                s.room(s.height(small))
                s.text(
                    s.mm(2),
                    s.width,
                    QCoreApplication.translate(
                        "PackingSlip", "Box {number} of {count}: {box}"
                    ).format(number=box.index, count=count, box=_box_note(box)),
                    small,
                    colour=GREY,
                )
            s.y += s.mm(6)
    note = print_font(8.5)
    s.room(s.height(note) * 3)
    s.rule()
    s.y += s.mm(2)
    s.text(
        0,
        s.width,
        QCoreApplication.translate(
            "PackingSlip",
            "Something missing or damaged? Keep this slip and scan the code above, "
            "or show it at any of our stores.",
        ),
        note,
        colour=GREY,
    )
    s.text(
        0,
        s.width,
        QCoreApplication.translate("PackingSlip", "Returns are free within 30 days."),
        note,
        colour=GREY,
    )
    s.footer()


def paint_packing_slip(painter: QPainter, device: QPagedPaintDevice, slip: PackingSlip) -> None:
    """Draw the slip on ``device`` (begun by ``painter``), new pages as needed."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _lay_out(_Sheet(painter, device, slip))


def _page_size(paper: Paper) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.Letter if paper == "Letter" else QPageSize.PageSizeId.A4)


def render_packing_slip_pdf(slip: PackingSlip, path: Path, paper: Paper = "A4") -> Path:
    """Blocking: write the slip as a PDF on A4 or US Letter to ``path``."""
    title = QCoreApplication.translate("PackingSlip", "Packing slip {number}").format(
        number=slip.order_number
    )
    writer = pdf_writer(path, title=title, dpi=PDF_DPI)
    writer.setPageSize(_page_size(paper))
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageMargins(margins, QPageLayout.Unit.Millimeter)
    paint_on(writer, lambda painter: paint_packing_slip(painter, writer, slip), job=str(path))
    return path


def print_packing_slip(slip: PackingSlip, printer: QPrinter) -> None:
    """Blocking: print the slip on ``printer`` (its own paper size and margins)."""
    job = QCoreApplication.translate("PackingSlip", "Packing slip {number}").format(
        number=slip.order_number
    )
    printer.setDocName(job)
    paint_on(printer, lambda painter: paint_packing_slip(painter, printer, slip), job=job)


def pdf_name(slip: PackingSlip) -> str:
    """``packing-slip-WEB-1000042.pdf``, safe on every system."""
    return safe_file_name(f"packing-slip-{slip.order_number}") + ".pdf"
