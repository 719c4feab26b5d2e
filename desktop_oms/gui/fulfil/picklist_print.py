"""The printed pick list: an A4 sheet a picker walks the store with.

Head: the store, the pick list's id (also as a Code 128, for the record), the picker, when
it was made, and the counts of orders, units and stops; then the totes: which order goes
into which tote (letter), for whom, by which method and by when. Body: the stops in walk
order, grouped by department, each with its location, the product's name and SKU, a
Code 128 of its barcode (the GTIN as on the pack, so the picker's scanner reads the shelf
label and the sheet alike), the total to pick and each order's share with its tote letter
and a check box. Foot: the list id, the store, and "Page n of m" on every page.

:func:`paint_sheet` draws on any paged device (two passes: the first counts the pages);
:func:`save_pdf`, :func:`print_sheet` and :func:`output` block and run on a worker thread,
never on the UI thread (Qt allows painting on a printer or PDF writer off the GUI thread).

The sheet is written in the station's language (context ``PickSheet``); days and months
follow the language's locale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

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

from desktop_oms.cache.queries import PickItem, PickList
from desktop_oms.gui import printing
from desktop_oms.gui.barcodes import paint_code128
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.pickups import timefmt
from desktop_oms.gui.printing import Printed as Printed
from desktop_oms.gui.printing import paint_on, pdf_writer, print_font, safe_file_name

#: The PDF's resolution (dots per inch): fine enough for a barcode's modules to be exact.
PDF_DPI = 600
MARGIN_MM = 12.0
METHODS = {
    "store_pickup": QT_TRANSLATE_NOOP("PickSheet", "Store pickup"),
    "ship_from_store": QT_TRANSLATE_NOOP("PickSheet", "Ship from store"),
    "ship_to_store": QT_TRANSLATE_NOOP("PickSheet", "Ship to store"),
}
INK = QColor("#111111")
GREY = QColor("#555555")
RULE = QColor("#9AA1AB")
SHADE = QColor("#ECEEF1")


class PickSheetWords(QObject):
    """Counted words of the sheet (a QObject, so ``lupdate`` files their plural forms)."""

    def units(self, count: int) -> str:
        """``1 unit``, ``3 units``."""
        return self.tr("%n unit(s)", "", count)

    def stops(self, count: int) -> str:
        """``1 stop``, ``3 stops``."""
        return self.tr("%n stop(s)", "", count)


def _day(moment: datetime, pattern: str) -> str:
    """The date of ``moment`` as ``pattern`` (``ddd d MMM``) in the station's language."""
    return QLocale().toString(QDate(moment.year, moment.month, moment.day), pattern)


def _method(code: str) -> str:
    """How an order leaves, in the station's language."""
    if code in METHODS:
        return QCoreApplication.translate("PickSheet", METHODS[code])
    return code


@dataclass(frozen=True, slots=True)
class PickSheet:
    """Everything a printed pick list shows (``created`` in the store's time zone)."""

    pick_list: PickList
    pick_list_id: str
    store_code: str
    store_name: str
    picker: str
    created: datetime


class _Fonts:
    def __init__(self) -> None:
        self.title = print_font(17, bold=True)
        self.section = print_font(7.6, bold=True, spacing=0.8)
        self.body = print_font(9.2)
        self.bold = print_font(9.2, bold=True)
        self.small = print_font(7.6)
        self.location = print_font(12.5, bold=True)
        self.quantity = print_font(16, bold=True)
        self.tote = print_font(10.5, bold=True)


_LEFT_TOP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_WRAP = _LEFT_TOP | int(Qt.TextFlag.TextWordWrap)


class _Page:
    """Draws the sheet top to bottom on one device; with ``painter`` None it only counts
    pages (the first pass), so the footer can say "Page n of m"."""

    def __init__(
        self, device: QPagedPaintDevice, painter: QPainter | None, sheet: PickSheet, pages: int
    ) -> None:
        self.device = device
        self.painter = painter
        self.sheet = sheet
        self.pages = pages
        self.page = 1
        self.dpi = float(device.logicalDpiY())
        self.width = float(device.width())
        self.bottom = float(device.height()) - self.mm(9)  # above the footer
        self.y = 0.0
        self.f = _Fonts()

    def mm(self, value: float) -> float:
        """Millimetres in device pixels."""
        return value * self.dpi / 25.4

    def metrics(self, font: QFont) -> QFontMetricsF:
        """Font metrics on this device."""
        return QFontMetricsF(font, self.device)

    def text_height(self, text: str, font: QFont, width: float) -> float:
        """Height of ``text`` wrapped to ``width``."""
        box = self.metrics(font).boundingRect(QRectF(0, 0, width, 1e6), _WRAP, text)
        return max(box.height(), self.metrics(font).height())

    def text(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        font: QFont,
        *,
        colour: QColor = INK,
        align: int = _WRAP,
    ) -> float:
        """Draw wrapped text at ``(x, y)``; its height."""
        height = self.text_height(text, font, width)
        if self.painter is not None:
            self.painter.setFont(font)
            self.painter.setPen(colour)
            self.painter.drawText(QRectF(x, y, width, height), align, text)
        return height

    def line(self, y: float, *, colour: QColor = RULE, width_mm: float = 0.25) -> None:
        """A rule across the page."""
        if self.painter is not None:
            pen = QPen(colour)
            pen.setWidthF(self.mm(width_mm))
            self.painter.setPen(pen)
            self.painter.drawLine(QPointF(0, y), QPointF(self.width, y))

    def box(self, x: float, y: float, side_mm: float = 4.2) -> None:
        """An empty check box."""
        if self.painter is not None:
            pen = QPen(INK)
            pen.setWidthF(self.mm(0.3))
            self.painter.setPen(pen)
            self.painter.setBrush(Qt.BrushStyle.NoBrush)
            side = self.mm(side_mm)
            self.painter.drawRect(QRectF(x, y, side, side))

    def shade(self, y: float, height: float) -> None:
        """A grey band across the page."""
        if self.painter is not None:
            self.painter.fillRect(QRectF(0, y, self.width, height), SHADE)

    def room(self, height: float) -> bool:
        """Start a new page unless ``height`` fits; whether a page was started."""
        if self.y + height <= self.bottom:
            return False
        self.footer()
        self.page += 1
        if self.painter is not None:
            self.device.newPage()
        self.y = 0.0
        self.running_head()
        return True

    # --- the parts -----------------------------------------------------------------------

    def head(self) -> None:
        """The first page's head: title, store, id barcode, facts, totes."""
        s, f = self.sheet, self.f
        pick = s.pick_list
        self.text(
            0,
            0,
            self.width * 0.6,
            QCoreApplication.translate("PickSheet", "PICK LIST"),
            f.section,
            colour=GREY,
        )
        self.y = self.mm(4.2)
        self.y += self.text(0, self.y, self.width * 0.6, s.pick_list_id, f.title)
        self.y += self.text(
            0,
            self.y,
            self.width * 0.6,
            QCoreApplication.translate("PickSheet", "{name} · store {code}").format(
                name=s.store_name, code=s.store_code
            ),
            f.body,
        )
        code_w, code_h = self.mm(62), self.mm(11)
        if self.painter is not None:
            paint_code128(
                self.painter, QRectF(self.width - code_w, 0, code_w, code_h), s.pick_list_id
            )
        self.text(
            self.width - code_w,
            code_h + self.mm(0.8),
            code_w,
            s.pick_list_id,
            f.small,
            colour=GREY,
            align=int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
        )
        self.y = max(self.y, code_h + self.mm(5)) + self.mm(3)
        facts = (
            (QCoreApplication.translate("PickSheet", "PICKER"), s.picker),
            (
                QCoreApplication.translate("PickSheet", "CREATED"),
                f"{_day(s.created, 'ddd d MMM yyyy')}, {s.created:%H:%M}",
            ),
            (QCoreApplication.translate("PickSheet", "ORDERS"), str(len(pick.orders))),
            (QCoreApplication.translate("PickSheet", "UNITS"), str(pick.units)),
            (QCoreApplication.translate("PickSheet", "STOPS"), str(len(pick.items))),
        )
        widths = (0.26, 0.32, 0.14, 0.14, 0.14)
        band = self.mm(12.5)
        self.shade(self.y, band)
        x = self.mm(3)
        for (label, value), share in zip(facts, widths, strict=True):
            column = self.width * share - self.mm(3)
            self.text(x, self.y + self.mm(1.8), column, label, f.section, colour=GREY)
            self.text(x, self.y + self.mm(5.6), column, value, f.bold)
            x += self.width * share
        self.y += band + self.mm(5)
        self.totes()

    def totes(self) -> None:
        """Which order goes into which tote."""
        f, pick = self.f, self.sheet.pick_list
        title = QCoreApplication.translate("PickSheet", "TOTES")
        self.y += self.text(0, self.y, self.width, title, f.section, colour=GREY)
        self.y += self.mm(1.2)
        cols = (0.07, 0.2, 0.33, 0.2, 0.2)
        for order in pick.orders:
            row_h = self.metrics(f.body).height() + self.mm(1.6)
            self.room(row_h)
            units = sum(n.quantity for i in pick.items for n in i.needs if n.tote == order.tote)
            promised = "—"
            due = timefmt.parse_utc(order.promised_at)
            if due is not None:
                when = due.astimezone(self.sheet.created.tzinfo)
                promised = QCoreApplication.translate("PickSheet", "by {when}").format(
                    when=f"{_day(when, 'ddd d MMM')}, {when:%H:%M}"
                )
            cells = (
                (order.tote, f.tote),
                (order.order_number, f.bold),
                (
                    f"{order.customer_name} · " + PickSheetWords().units(units),
                    f.body,
                ),
                (_method(order.method), f.body),
                (promised, f.body),
            )
            x = 0.0
            for (value, font), share in zip(cells, cols, strict=True):
                self.text(x, self.y, self.width * share - self.mm(2), value, font)
                x += self.width * share
            self.y += row_h
            self.line(self.y - self.mm(0.8), colour=SHADE)
        self.y += self.mm(4)

    def running_head(self) -> None:
        """The head of every page after the first: the id and the store, one line."""
        s, f = self.sheet, self.f
        head = QCoreApplication.translate("PickSheet", "PICK LIST {id} · {store}").format(
            id=s.pick_list_id, store=s.store_name
        )
        self.text(0, 0, self.width, head, f.section)
        self.y = self.mm(5)
        self.line(self.y, colour=INK, width_mm=0.35)
        self.y += self.mm(3)

    def columns(self) -> tuple[float, float, float, float, float, float]:
        """x of: check box, location, item, barcode, quantity, orders; in device pixels."""
        w = self.width
        return (0.0, self.mm(7), w * 0.15, w * 0.43, w * 0.685, w * 0.755)

    def column_titles(self) -> None:
        """The table's column titles under a heavy rule."""
        f = self.f
        _box, loc, item, code, qty, orders = self.columns()
        titles = (
            (loc, item - loc, QCoreApplication.translate("PickSheet", "LOCATION")),
            (item, code - item, QCoreApplication.translate("PickSheet", "ITEM")),
            (code, qty - code, QCoreApplication.translate("PickSheet", "BARCODE")),
            (qty, orders - qty, QCoreApplication.translate("PickSheet", "QTY")),
            (
                orders,
                self.width - orders,
                QCoreApplication.translate("PickSheet", "TOTE · ORDER · UNITS"),
            ),
        )
        for x, width, title in titles:
            self.text(x, self.y, width, title, f.section, colour=GREY)
        self.y += self.metrics(f.section).height() + self.mm(1)
        self.line(self.y, colour=INK, width_mm=0.35)
        self.y += self.mm(1.5)

    def department(self, name: str, items: list[PickItem], *, more: bool = False) -> None:
        """A department's heading band."""
        f = self.f
        units = sum(i.quantity for i in items)
        height = self.metrics(f.bold).height() + self.mm(2)
        self.shade(self.y, height)
        label = (name or QCoreApplication.translate("PickSheet", "Other")).upper()
        if more:
            label += " " + QCoreApplication.translate("PickSheet", "(continued)")
        words = PickSheetWords()
        stops = f"{words.stops(len(items))} · {words.units(units)}"
        self.text(self.mm(2), self.y + self.mm(1), self.width * 0.6, label, f.bold)
        self.text(
            0,
            self.y + self.mm(1),
            self.width - self.mm(2),
            stops,
            f.small,
            colour=GREY,
            align=int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
        )
        self.y += height + self.mm(1.5)

    def stop_height(self, item: PickItem) -> float:
        """How tall a stop's row is."""
        f = self.f
        _box, _loc, x_item, x_code, _qty, _x_orders = self.columns()
        name = self.text_height(item.name, f.bold, x_code - x_item - self.mm(3))
        detail = self.metrics(f.small).height() * 2
        orders = len(item.needs) * (self.metrics(f.body).height() + self.mm(1.2))
        return max(name + detail, self.mm(15), orders) + self.mm(2.5)

    def stop(self, item: PickItem) -> None:
        """One stop: box, location, item, barcode, quantity and each order's share."""
        f = self.f
        x_box, x_loc, x_item, x_code, x_qty, x_orders = self.columns()
        top = self.y
        self.box(x_box, top + self.mm(0.6))
        self.text(x_loc, top, x_item - x_loc - self.mm(2), item.location, f.location)
        name_w = x_code - x_item - self.mm(3)
        used = self.text(x_item, top, name_w, item.name, f.bold)
        self.text(x_item, top + used, name_w, f"SKU {item.sku}", f.small, colour=GREY)
        if item.barcode != item.sku:
            self.text(
                x_item,
                top + used + self.metrics(f.small).height(),
                name_w,
                f"GTIN {item.barcode}",
                f.small,
                colour=GREY,
            )
        code_w = x_qty - x_code - self.mm(4)
        if self.painter is not None:
            paint_code128(self.painter, QRectF(x_code, top, code_w, self.mm(10)), item.barcode)
        self.text(
            x_code,
            top + self.mm(10.6),
            code_w,
            item.barcode,
            f.small,
            colour=GREY,
            align=int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
        )
        self.text(
            x_qty, top - self.mm(0.8), x_orders - x_qty - self.mm(2), str(item.quantity), f.quantity
        )
        y = top
        line_h = self.metrics(f.body).height() + self.mm(1.2)
        for need in item.needs:
            self.box(x_orders, y + self.mm(0.3), 3.6)
            self.text(x_orders + self.mm(5.5), y, self.mm(7), need.tote, f.tote)
            self.text(x_orders + self.mm(12), y, self.mm(30), need.order_number, f.body)
            self.text(
                x_orders,
                y,
                self.width - x_orders,
                f"× {need.quantity}",
                f.bold,
                align=int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
            )
            y += line_h
        self.y = top + self.stop_height(item)
        self.line(self.y - self.mm(1.2), colour=SHADE)

    def footer(self) -> None:
        """The page's foot: id, store and page number."""
        s, f = self.sheet, self.f
        y = float(self.device.height()) - self.mm(5)
        self.line(y - self.mm(1.2))
        self.text(
            0,
            y,
            self.width * 0.7,
            QCoreApplication.translate("PickSheet", "{id} · {store} · picker {name}").format(
                id=s.pick_list_id, store=s.store_code, name=s.picker
            ),
            f.small,
            colour=GREY,
        )
        self.text(
            0,
            y,
            self.width,
            QCoreApplication.translate("PickSheet", "Page {page} of {pages}").format(
                page=self.page, pages=self.pages
            ),
            f.small,
            colour=GREY,
            align=int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
        )

    def body(self) -> None:
        """Every stop, department by department, in walk order."""
        groups: dict[str, list[PickItem]] = {}
        for item in self.sheet.pick_list.items:
            groups.setdefault(item.department, []).append(item)
        self.room(self.mm(20))
        self.column_titles()
        for name, items in groups.items():
            heading = self.metrics(self.f.bold).height() + self.mm(3.5)
            if self.room(heading + self.stop_height(items[0])):
                self.column_titles()
            self.department(name, items)
            for item in items:
                if self.room(self.stop_height(item)):
                    self.column_titles()
                    self.department(name, items, more=True)
                self.stop(item)
        if not groups:
            nothing = QCoreApplication.translate("PickSheet", "Nothing to pick.")
            self.text(0, self.y, self.width, nothing, self.f.body)
        self.footer()


def _draw(device: QPagedPaintDevice, painter: QPainter | None, sheet: PickSheet, pages: int) -> int:
    page = _Page(device, painter, sheet, pages)
    page.head()
    page.body()
    return page.page


def page_count(sheet: PickSheet, device: QPagedPaintDevice) -> int:
    """How many pages the sheet takes on ``device``."""
    return _draw(device, None, sheet, 0)


def paint_sheet(painter: QPainter, device: QPagedPaintDevice, sheet: PickSheet) -> int:
    """Draw the pick list on ``device`` (begun by ``painter``); the number of pages."""
    pages = page_count(sheet, device)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    return _draw(device, painter, sheet, pages)


def _a4(device: QPagedPaintDevice) -> None:
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    device.setPageMargins(margins, QPageLayout.Unit.Millimeter)


def save_pdf(sheet: PickSheet, path: Path) -> Path:
    """Blocking: write the pick list as an A4 PDF."""
    title = QCoreApplication.translate("PickSheet", "Pick list {id}").format(id=sheet.pick_list_id)
    writer = pdf_writer(path, title=title, dpi=PDF_DPI)
    _a4(writer)
    paint_on(writer, lambda painter: paint_sheet(painter, writer, sheet), job=str(path))
    return path


def print_sheet(sheet: PickSheet, printer: QPrinter) -> None:
    """Blocking: print the pick list on ``printer`` (A4)."""
    job = QCoreApplication.translate("PickSheet", "Pick list {id}").format(id=sheet.pick_list_id)
    printer.setDocName(job)
    _a4(printer)
    paint_on(printer, lambda painter: paint_sheet(painter, printer, sheet), job=job)


def pdf_name(sheet: PickSheet) -> str:
    """A file name for the pick list's PDF, safe on every system."""
    return safe_file_name(f"picklist-{sheet.pick_list_id}") + ".pdf"


def output(sheet: PickSheet, folder: Path, *, use_printer: bool = True) -> Printed:
    """Blocking (a worker thread): print on the default printer, or save a PDF in
    ``folder`` when there is none (or ``use_printer`` is off)."""
    return printing.output(
        QCoreApplication.translate("PickSheet", "Pick list"),
        lambda printer: print_sheet(sheet, printer),
        lambda into: save_pdf(sheet, into / pdf_name(sheet)),
        folder,
        use_printer=use_printer,
        document="picklist",
    )
