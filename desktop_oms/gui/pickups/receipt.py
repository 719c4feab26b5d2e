"""The pickup receipt: what went over the counter, to whom, checked how.

Laid out for an 80 mm receipt roll (it prints as one column on A4 too): the store's name
and address, the order, date and time, who served, the items handed over and those the
customer refused (with the reason), how the collector was verified, a signature line
after an ID check, and a QR code of the order code (``OMS:O:<number>``) that the
station's scanner opens the order from.

:func:`build_receipt` gathers the facts (plain Python); :func:`paint_receipt` draws them
with a QPainter on a paged device; :func:`save_pdf`, :func:`print_receipt` and
:func:`output` run on a worker thread, never on the UI thread: a printer driver or the
disk may be slow, and Qt allows painting on a printer or PDF writer off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
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
from sqlalchemy.engine import Connection

from desktop_oms.cache.db import driver_cursor
from desktop_oms.domain.identifiers import order_code
from desktop_oms.domain.reasons import ReasonKind, reasons_for
from desktop_oms.gui import printing
from desktop_oms.gui.barcodes import paint_qr
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.numbers import money
from desktop_oms.gui.pickups.detail import CHANNELS
from desktop_oms.gui.pickups.handover import ID_TYPES, RELATIONSHIPS
from desktop_oms.gui.printing import Printed as Printed
from desktop_oms.gui.printing import paint_on, pdf_writer, print_font, safe_file_name
from desktop_oms.gui.words import reason_label

#: Paper width and the printable column of a receipt roll, in millimetres.
PAPER_MM = 80.0
COLUMN_MM = 70.0
#: The PDF's resolution (dots per inch): fine enough for the QR's modules to be exact.
PDF_DPI = 600

ID_TYPE_LABELS = dict(ID_TYPES)
RELATIONSHIP_LABELS = dict(RELATIONSHIPS)
#: Payment states in English (context "Receipt"; translated when the receipt is built).
PAYMENT_LABELS = {
    "authorized": QT_TRANSLATE_NOOP("Receipt", "Paid online (card authorised)"),
    "captured": QT_TRANSLATE_NOOP("Receipt", "Paid online"),
    "voided": QT_TRANSLATE_NOOP("Receipt", "Payment voided"),
    "declined": QT_TRANSLATE_NOOP("Receipt", "Payment declined"),
    "failed": QT_TRANSLATE_NOOP("Receipt", "Payment failed"),
}


def _tr(context: str, text: str | None) -> str | None:
    """``text`` (marked for ``lupdate`` elsewhere) in the station's language."""
    return None if text is None else QCoreApplication.translate(context, text)


@dataclass(frozen=True, slots=True)
class StoreAddress:
    """The store as its receipts head it."""

    code: str
    name: str
    street: str
    postal_code: str
    city: str
    country: str


@dataclass(frozen=True, slots=True)
class ReceiptItem:
    """A line of the receipt: units of one product (and why refused, for a refusal)."""

    quantity: int
    name: str
    sku: str
    unit_price_minor: int
    reason: str | None = None

    @property
    def total_minor(self) -> int:
        """The line's value."""
        return self.quantity * self.unit_price_minor


@dataclass(frozen=True, slots=True)
class Receipt:
    """Everything a pickup receipt shows."""

    store: StoreAddress
    order_number: str
    channel: str
    customer: str
    at: datetime
    staff: str
    station: str
    handed: tuple[ReceiptItem, ...]
    refused: tuple[ReceiptItem, ...]
    currency: str
    payment: str
    method: str
    collector: str | None = None
    id_type: str | None = None
    id_last_digits: str | None = None
    relationship: str | None = None

    @property
    def code(self) -> str:
        """The order code of the QR (what the station's scanner opens the order from)."""
        return order_code(self.order_number)

    @property
    def id_checked(self) -> bool:
        """Whether the collector showed an ID (then the receipt wants a signature)."""
        return self.method == "id_check"

    @property
    def units(self) -> int:
        """Units handed over."""
        return sum(item.quantity for item in self.handed)

    @property
    def value_minor(self) -> int:
        """Value of the units handed over."""
        return sum(item.total_minor for item in self.handed)


def store_address(conn: Connection, store_id: int) -> StoreAddress | None:
    """Disk: the store's name and address as synced."""
    row = (
        driver_cursor(conn)
        .execute(
            "SELECT code, name, address, postal_code, city, country FROM stores WHERE id = ?",
            (store_id,),
        )
        .fetchone()
    )
    return None if row is None else StoreAddress(*(str(v) for v in row))


def build_receipt(
    doc: Mapping[str, Any],
    args: Mapping[str, Any],
    *,
    store: StoreAddress,
    staff: str,
    station: str,
    at: datetime,
) -> Receipt:
    """The receipt of a ``hand_over`` with ``args`` of the fulfillment ``doc`` as it was
    before (``at`` in the store's time zone)."""
    reasons = {r.code: reason_label(r.label) for r in reasons_for(ReasonKind.REFUSE)}
    refused_by_line: dict[int, list[tuple[int, str]]] = {}
    for item in args.get("refused", []):
        refused_by_line.setdefault(int(item["line_no"]), []).append(
            (int(item["quantity"]), reasons.get(str(item.get("reason")), str(item.get("reason"))))
        )
    handed: list[ReceiptItem] = []
    refused: list[ReceiptItem] = []
    for line in doc.get("lines", []):
        left = int(line["quantity"]) - int(line["rejected"]) - int(line["refused"])
        price = int(line.get("unit_price_minor", 0))
        name, sku = str(line["name"]), str(line["sku"])
        for quantity, reason in refused_by_line.get(int(line["line_no"]), []):
            refused.append(ReceiptItem(quantity, name, sku, price, reason))
            left -= quantity
        if left > 0:
            handed.append(ReceiptItem(left, name, sku, price))
    order = doc.get("order", {})
    channel = str(order.get("channel", ""))
    proof = args.get("verification", {})
    method = str(proof.get("method", "pickup_code"))
    id_check = method == "id_check"
    return Receipt(
        store=store,
        order_number=str(doc["order_number"]),
        channel=CHANNELS.get(channel, channel.replace("_", " ").title()),
        customer=str(doc.get("customer", {}).get("name", "")),
        at=at,
        staff=staff,
        station=station,
        handed=tuple(handed),
        refused=tuple(refused),
        currency=str(order.get("currency", "EUR")),
        payment=_tr("Receipt", PAYMENT_LABELS.get(str(order.get("payment_state")), "")) or "",
        method=method,
        collector=str(proof.get("collector_name")) if id_check else None,
        id_type=_tr(
            "HandoverDialog",
            ID_TYPE_LABELS.get(str(proof.get("id_type")), str(proof.get("id_type"))),
        )
        if id_check
        else None,
        id_last_digits=str(proof.get("id_last_digits")) if id_check else None,
        relationship=_tr("HandoverDialog", RELATIONSHIP_LABELS.get(str(proof.get("relationship"))))
        if id_check and proof.get("relationship")
        else None,
    )


# --- painting ----------------------------------------------------------------------------

INK = QColor("#111111")
GREY = QColor("#555555")


class _Flow:
    """Lays the receipt out top to bottom; measures only when ``painter`` is None.

    Painting the same sequence twice (measure, then draw) keeps the page exactly as tall
    as the content.
    """

    def __init__(
        self, device: QPagedPaintDevice, painter: QPainter | None, left: float, width: float
    ) -> None:
        self.device = device
        self.painter = painter
        self.dpi = float(device.logicalDpiY())
        self.left = left
        self.width = width
        self.y = 0.0
        self.page_bottom = float(device.height())

    def mm(self, value: float) -> float:
        """Millimetres in device pixels."""
        return value * self.dpi / 25.4

    def _room(self, height: float) -> None:
        """Start a new page when ``height`` does not fit (long receipts on cut sheets)."""
        if self.painter is not None and self.y + height > self.page_bottom and self.y > 0:
            self.device.newPage()
            self.y = 0.0

    def _metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def space(self, millimetres: float) -> None:
        """Empty space."""
        self.y += self.mm(millimetres)

    def text(
        self,
        text: str,
        font: QFont,
        *,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        colour: QColor = INK,
        indent: float = 0.0,
    ) -> None:
        """A paragraph, wrapped to the column."""
        left = self.left + self.mm(indent)
        width = self.width - self.mm(indent)
        flags = int(align | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)
        box = self._metrics(font).boundingRect(QRectF(0, 0, width, 1e6), flags, text)
        height = max(box.height(), self._metrics(font).height())
        self._room(height)
        if self.painter is not None:
            self.painter.setFont(font)
            self.painter.setPen(colour)
            self.painter.drawText(QRectF(left, self.y, width, height), flags, text)
        self.y += height

    def pair(
        self,
        left_text: str,
        right_text: str,
        font: QFont,
        *,
        right_font: QFont | None = None,
        colour: QColor = INK,
        indent: float = 0.0,
        gutter_mm: float = 3.0,
    ) -> None:
        """A label (wrapped) and a value flush right on the same line."""
        value_font = right_font or font
        right_w = self._metrics(value_font).horizontalAdvance(right_text)
        left = self.left + self.mm(indent)
        left_w = max(self.mm(10), self.width - self.mm(indent) - right_w - self.mm(gutter_mm))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
            Qt.TextFlag.TextWordWrap
        )
        box = self._metrics(font).boundingRect(QRectF(0, 0, left_w, 1e6), flags, left_text)
        height = max(box.height(), self._metrics(value_font).height())
        self._room(height)
        if self.painter is not None:
            self.painter.setPen(colour)
            self.painter.setFont(font)
            self.painter.drawText(QRectF(left, self.y, left_w, height), flags, left_text)
            self.painter.setFont(value_font)
            self.painter.drawText(
                QRectF(self.left, self.y, self.width, height),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                right_text,
            )
        self.y += height

    def item(
        self, quantity: int, name: str, price: str, note: str, font: QFont, small: QFont
    ) -> None:
        """An item: quantity in its own column, the name wrapped beside it (the note under
        it, in grey), the price flush right."""
        qty_w = self.mm(7.0)
        price_w = self._metrics(font).horizontalAdvance(price)
        name_w = max(self.mm(10), self.width - qty_w - price_w - self.mm(3))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
            Qt.TextFlag.TextWordWrap
        )
        name_h = self._metrics(font).boundingRect(QRectF(0, 0, name_w, 1e6), flags, name).height()
        note_h = (
            self._metrics(small)
            .boundingRect(QRectF(0, 0, self.width - qty_w, 1e6), flags, note)
            .height()
        )
        self._room(name_h + note_h)
        if self.painter is not None:
            x = self.left
            self.painter.setPen(INK)
            self.painter.setFont(font)
            self.painter.drawText(QRectF(x, self.y, qty_w, name_h), flags, f"{quantity} ×")
            self.painter.drawText(QRectF(x + qty_w, self.y, name_w, name_h), flags, name)
            right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.painter.drawText(QRectF(x, self.y, self.width, name_h), right, price)
            self.painter.setPen(GREY)
            self.painter.setFont(small)
            self.painter.drawText(
                QRectF(x + qty_w, self.y + name_h, self.width - qty_w, note_h), flags, note
            )
        self.y += name_h + note_h

    def rule(self, *, dashed: bool = True, heavy: bool = False, gap_mm: float = 2.2) -> None:
        """A horizontal line across the column, with space above and below."""
        self.space(gap_mm)
        self._room(self.mm(0.5))
        if self.painter is not None:
            pen = QPen(INK if heavy else GREY)
            pen.setWidthF(self.mm(0.45 if heavy else 0.25))
            if dashed:
                pen.setDashPattern([4.0, 3.0])
            self.painter.setPen(pen)
            self.painter.drawLine(
                QPointF(self.left, self.y), QPointF(self.left + self.width, self.y)
            )
        self.space(gap_mm)

    def signature(self, name: str | None, font: QFont) -> None:
        """A line to sign on, with the signer's name under it."""
        self.space(12.0)
        self._room(self.mm(8))
        if self.painter is not None:
            pen = QPen(INK)
            pen.setWidthF(self.mm(0.3))
            self.painter.setPen(pen)
            self.painter.drawLine(
                QPointF(self.left, self.y), QPointF(self.left + self.width, self.y)
            )
        self.space(1.0)
        caption = QCoreApplication.translate("Receipt", "Signature of the collector")
        caption += f" — {name}" if name else ""
        self.text(caption, font, colour=GREY)

    def qr(self, data: str, side_mm: float) -> None:
        """A QR code of ``data``, centred (with its quiet zone)."""
        side = self.mm(side_mm)
        self._room(side)
        if self.painter is not None:
            x0 = self.left + (self.width - side) / 2
            paint_qr(self.painter, QRectF(x0, self.y, side, side), data)
        self.y += side


def _lay_out(flow: _Flow, receipt: Receipt) -> None:
    """The receipt, top to bottom."""
    title = print_font(13.5, bold=True)
    body = print_font(8.6)
    bold = print_font(8.6, bold=True)
    small = print_font(7.4)
    section = print_font(7.6, bold=True, spacing=0.8)
    big = print_font(11.5, bold=True)
    centre = Qt.AlignmentFlag.AlignHCenter
    store = receipt.store
    cur = receipt.currency

    flow.text(store.name, title, align=centre)
    flow.space(0.6)
    flow.text(store.street, body, align=centre)
    flow.text(f"{store.postal_code} {store.city}".strip(), body, align=centre)
    flow.text(
        QCoreApplication.translate("Receipt", "Store {code} · {station}").format(
            code=store.code, station=receipt.station
        ),
        small,
        align=centre,
        colour=GREY,
    )
    flow.rule(heavy=True, dashed=False, gap_mm=2.6)

    flow.text(QCoreApplication.translate("Receipt", "PICKUP RECEIPT"), section, align=centre)
    flow.space(1.2)
    flow.text(receipt.order_number, big, align=centre)
    flow.space(1.6)
    at = receipt.at
    locale, short = QLocale(), QLocale.FormatType.ShortFormat
    date = QCoreApplication.translate("Receipt", "{weekday} {day} {month} {year}, {clock}").format(
        weekday=locale.dayName(at.isoweekday(), short).rstrip("."),
        day=at.day,
        month=locale.monthName(at.month, short).rstrip("."),
        year=at.year,
        clock=f"{at:%H:%M}",
    )
    flow.pair(QCoreApplication.translate("Receipt", "Date"), date, body)
    flow.pair(QCoreApplication.translate("Receipt", "Ordered via"), receipt.channel, body)
    flow.pair(QCoreApplication.translate("Receipt", "Customer"), receipt.customer, body)
    flow.pair(QCoreApplication.translate("Receipt", "Served by"), receipt.staff, body)
    flow.rule()

    flow.text(
        QCoreApplication.translate("Receipt", "HANDED OVER ({units})").format(units=receipt.units),
        section,
    )
    flow.space(1.0)
    for item in receipt.handed:
        each = ""
        if item.quantity > 1:
            each = " · " + QCoreApplication.translate("Receipt", "{price} each").format(
                price=money(item.unit_price_minor, cur)
            )
        price = money(item.total_minor, cur)
        flow.item(item.quantity, item.name, price, f"{item.sku}{each}", body, small)
        flow.space(1.0)
    if receipt.refused:
        flow.rule()
        flow.text(QCoreApplication.translate("Receipt", "REFUSED AT THE COUNTER"), section)
        flow.space(1.0)
        for item in receipt.refused:
            price = money(item.total_minor, cur)
            note = QCoreApplication.translate("Receipt", "{sku} · Reason: {reason}").format(
                sku=item.sku, reason=item.reason
            )
            flow.item(item.quantity, item.name, price, note, body, small)
            flow.space(1.0)
        flow.text(
            QCoreApplication.translate(
                "Receipt", "Refused items were not handed over and stay with the store."
            ),
            small,
            colour=GREY,
        )
    flow.rule(heavy=True, dashed=False)
    flow.pair(QCoreApplication.translate("Receipt", "Items handed over"), str(receipt.units), bold)
    flow.pair(
        QCoreApplication.translate("Receipt", "Value handed over"),
        money(receipt.value_minor, cur),
        bold,
    )
    if receipt.payment:
        flow.pair(QCoreApplication.translate("Receipt", "Payment"), receipt.payment, body)
    flow.rule()

    flow.text(QCoreApplication.translate("Receipt", "COLLECTION"), section)
    flow.space(1.0)
    verified = QCoreApplication.translate("Receipt", "Verified by")
    if receipt.id_checked:
        flow.pair(verified, QCoreApplication.translate("Receipt", "ID check"), body)
        document = receipt.id_type or QCoreApplication.translate("Receipt", "Document")
        flow.pair(
            QCoreApplication.translate("Receipt", "Document"),
            QCoreApplication.translate("Receipt", "{document} ending {digits}").format(
                document=document, digits=receipt.id_last_digits or "—"
            ),
            body,
        )
        flow.pair(
            QCoreApplication.translate("Receipt", "Collected by"), receipt.collector or "—", body
        )
        if receipt.relationship:
            flow.pair(
                QCoreApplication.translate("Receipt", "Relationship"), receipt.relationship, body
            )
        flow.signature(receipt.collector, small)
    else:
        flow.pair(verified, QCoreApplication.translate("Receipt", "Pickup code"), body)
    flow.rule()

    flow.space(2.0)  # with the rule's gap: the QR's quiet zone
    flow.qr(receipt.code, 26.0)
    flow.space(2.0)
    flow.text(receipt.order_number, bold, align=centre)
    flow.text(
        QCoreApplication.translate("Receipt", "Scan for returns and questions"),
        small,
        align=centre,
        colour=GREY,
    )
    flow.space(2.4)
    flow.text(
        QCoreApplication.translate("Receipt", "Thank you for shopping with us!"),
        body,
        align=centre,
    )
    flow.space(3.0)


def receipt_height_mm(receipt: Receipt, device: QPagedPaintDevice) -> float:
    """How tall the receipt is on ``device`` (column :data:`COLUMN_MM` wide)."""
    flow = _Flow(device, None, 0.0, 0.0)
    flow.width = flow.mm(COLUMN_MM)
    _lay_out(flow, receipt)
    return flow.y * 25.4 / flow.dpi


def paint_receipt(painter: QPainter, device: QPagedPaintDevice, receipt: Receipt) -> None:
    """Draw the receipt on ``device`` (begun by ``painter``): one column, centred, new
    pages as needed on cut sheets."""
    flow = _Flow(device, painter, 0.0, 0.0)
    width = min(float(device.width()), flow.mm(COLUMN_MM))
    flow.width = width
    flow.left = (float(device.width()) - width) / 2
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _lay_out(flow, receipt)


def save_pdf(receipt: Receipt, path: Path) -> Path:
    """Write the receipt as a one-page PDF on an 80 mm wide page as tall as it is."""
    title = QCoreApplication.translate("Receipt", "Pickup receipt {order}")
    writer = pdf_writer(path, title=title.format(order=receipt.order_number), dpi=PDF_DPI)
    margin = (PAPER_MM - COLUMN_MM) / 2
    writer.setPageSize(QPageSize(QSizeF(PAPER_MM, 297.0), QPageSize.Unit.Millimeter, "Receipt"))
    writer.setPageMargins(QMarginsF(margin, margin, margin, margin), QPageLayout.Unit.Millimeter)
    height = receipt_height_mm(receipt, writer) + 2 * margin
    writer.setPageSize(
        QPageSize(QSizeF(PAPER_MM, height), QPageSize.Unit.Millimeter, "Receipt roll")
    )
    paint_on(writer, lambda painter: paint_receipt(painter, writer, receipt), job=str(path))
    return path


def print_receipt(receipt: Receipt, printer: QPrinter) -> None:
    """Print the receipt on ``printer`` (a receipt roll, or a sheet with the column centred)."""
    job = QCoreApplication.translate("Receipt", "Pickup receipt {order}").format(
        order=receipt.order_number
    )
    printer.setDocName(job)
    paint_on(printer, lambda painter: paint_receipt(painter, printer, receipt), job=job)


def pdf_name(receipt: Receipt) -> str:
    """A file name for the receipt's PDF: order number and time, safe on every system."""
    stamp = receipt.at.strftime("%Y%m%d-%H%M%S")
    return safe_file_name(f"receipt-{receipt.order_number}-{stamp}") + ".pdf"


def output(receipt: Receipt, folder: Path, *, use_printer: bool = True) -> Printed:
    """Blocking (a worker thread): print on the default printer, or save a PDF in
    ``folder`` when there is none (or ``use_printer`` is off)."""
    return printing.output(
        "Receipt",
        lambda printer: print_receipt(receipt, printer),
        lambda into: save_pdf(receipt, into / pdf_name(receipt)),
        folder,
        use_printer=use_printer,
    )
