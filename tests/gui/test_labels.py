"""Shipping labels and the packing slip on paper: the 4x6 in label PDF rasterised by
``pdftoppm`` and its barcode decoded by zxing-cpp back to the tracking number; the
carrier's ZPL saved as is; the packing slip's text read back by ``pdftotext``.

The labels are bought from the built-in carrier itself (its ZPL and S10 numbers are real),
without a server: the carrier only needs a serial counter.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from desktop_oms.domain.shipping import ServiceLevel, format_s10, is_s10
from desktop_oms.gui.fulfil import labels as lb
from desktop_oms.gui.fulfil import packing_slip as ps
from desktop_oms.gui.pickups.receipt import StoreAddress
from desktop_oms.protocol.sync import AddressDoc, FulfillmentDoc, LabelDoc
from desktop_oms.server.carriers.base import Shipment
from desktop_oms.server.carriers.omspost import OmsPost

STORE = StoreAddress(
    "AMS1", "Amsterdam Kalverstraat", "Kalverstraat 152", "1012 XE", "Amsterdam", "NL"
)
FROM = AddressDoc(
    name=STORE.name, line1=STORE.street, postal_code="1012 XE", city="Amsterdam", country="NL"
)
TO = AddressDoc(
    name="Sanne de Vries",
    line1="Prinsengracht 263",
    line2="3rd floor",
    postal_code="1016 GV",
    city="Amsterdam",
    country="NL",
    phone="+31 6 2345 6789",
)
AT = datetime(2026, 12, 5, 10, 30, tzinfo=UTC)
BOXES = [
    {"box_type": "M", "length_cm": 40, "width_cm": 30, "height_cm": 20, "weight_g": 2350},
    {"box_type": "S", "length_cm": 30, "width_cm": 20, "height_cm": 10, "weight_g": 640},
]
_serials = itertools.count(40_000_001)


def buy(service: ServiceLevel = ServiceLevel.EXPRESS, count: int = 2) -> list[LabelDoc]:
    """Labels bought from OMS Post for ``count`` boxes of order WEB-1000042."""
    carrier = OmsPost(lambda: next(_serials), clock=lambda: AT)
    out = []
    for n, box in enumerate(BOXES[:count], start=1):
        dims = (box["length_cm"], box["width_cm"], box["height_cm"])
        label = carrier.buy_label(
            Shipment(FROM, TO, service, "WEB-1000042", n, count, box["weight_g"], *dims)
        )
        out.append(
            LabelDoc(
                tracking=label.tracking,
                carrier=label.carrier,
                carrier_name=label.carrier_name,
                service=service,
                box_index=n,
                box_count=count,
                weight_g=box["weight_g"],
                length_cm=dims[0],
                width_cm=dims[1],
                height_cm=dims[2],
                routing_code=label.routing_code,
                ship_from=FROM,
                ship_to=TO,
                reference="WEB-1000042",
                status="active",
                created_at=AT,
                zpl=label.zpl,
            )
        )
    return out


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return path


def rasterise(pdf: Path, dpi: int) -> list[Path]:
    """The PDF's pages as grey PNGs at ``dpi`` (``pdftoppm``)."""
    prefix = pdf.with_suffix("")
    subprocess.run(
        [_tool("pdftoppm"), "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)],
        check=True,
        capture_output=True,
    )
    return sorted(pdf.parent.glob(f"{prefix.name}-*.png"))


def _media_boxes(pdf: Path) -> list[tuple[float, float]]:
    """Each page's size in points, rounded, read from the PDF itself."""
    found = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    return [(round(float(w)), round(float(h))) for w, h in found]


def decode(png: Path) -> list[tuple[str, str]]:
    """Every barcode zxing-cpp finds on the image: (text, format)."""
    image = QImage(str(png))
    assert not image.isNull(), png
    return [(r.text, r.format.name) for r in zxingcpp.read_barcodes(image)]


def pdf_text(path: Path) -> str:
    """The PDF's text in reading order (``pdftotext -layout``), spaces collapsed."""
    out = subprocess.run(
        [_tool("pdftotext"), "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    # pdftotext may drop the space before a multiplication sign: "1×" for "1 ×"
    return re.sub(r"\s*×\s*", " × ", " ".join(out.split()))


@pytest.mark.parametrize("dpi", [203, 300])
def test_label_pdf_barcode_reads_back_as_the_tracking_number(
    qapp: object, tmp_path: Path, dpi: int
) -> None:
    """Each page of the labels' PDF is a 4x6 in label whose only 1-D barcode is a Code 128
    of its box's tracking number, readable at a thermal printer's 203 dpi and at 300 dpi."""
    labels = buy()
    pdf = lb.render_labels_pdf(labels, tmp_path / "labels.pdf")
    pages = rasterise(pdf, dpi)
    assert len(pages) == 2
    for page, label in zip(pages, labels, strict=True):
        image = QImage(str(page))
        assert (image.width(), image.height()) == (4 * dpi, 6 * dpi)
        assert is_s10(label.tracking)
        assert decode(page) == [(label.tracking, "Code128")]


def test_label_pdf_shows_what_a_carrier_label_shows(qapp: object, tmp_path: Path) -> None:
    """Sender, recipient, service, box n of m and weight, sort code, tracking number in
    print, the order reference; one page, 4x6 in."""
    [label] = buy(ServiceLevel.STANDARD, count=1)
    pdf = lb.render_label_pdf(label.model_dump(mode="json"), tmp_path / "one.pdf")
    assert _media_boxes(pdf) == [(288.0, 432.0)]  # 4 x 6 in, in points
    text = pdf_text(pdf)
    for part in (
        "OMS POST",
        "STANDARD",
        "FROM",
        "Amsterdam Kalverstraat",
        "BOX 1 OF 1",
        "2.35 kg",
        "SHIP TO",
        "SANNE DE VRIES",
        "PRINSENGRACHT 263",
        "1016 GV AMSTERDAM",
        "NETHERLANDS",
        "NL-AMS-10",
        format_s10(label.tracking),
        "Order WEB-1000042",
    ):
        assert part in text, part
    assert "VOID" not in text
    void = LabelDoc.model_validate({**label.model_dump(), "status": "void"})
    assert "VOID — DO NOT USE" in pdf_text(lb.render_label_pdf(void, tmp_path / "void.pdf"))


def test_zpl_is_the_carriers_and_fits_a_203_dpi_4x6_label(tmp_path: Path) -> None:
    """The ZPL is saved as bought: one ^XA…^XZ per box, 812 x 1218 dots, a Code 128
    (^BC) of the tracking number with its human text, UTF-8 (^CI28)."""
    labels = buy()
    for label in labels:
        zpl = lb.label_zpl(label)
        assert zpl == label.zpl
        assert zpl.startswith("^XA\n^CI28\n^PW812\n^LL1218\n") and zpl.endswith("^XZ\n")
        assert f"^BY3,3,200^BCN,200,N,N,N,A^FD{label.tracking}^FS" in zpl
        assert f"^FD{format_s10(label.tracking)}^FS" in zpl
        assert f"BOX {label.box_index} OF 2" in zpl and "^FDEXPRESS^FS" in zpl
        assert "^FDSANNE DE VRIES^FS" in zpl and "NL-AMS-10" in zpl
        for x, y in _origins(zpl):
            assert 0 <= x < 812 and 0 <= y < 1218
    files = lb.save_labels(labels, tmp_path / "out")
    saved = files.zpl.read_text("utf-8")
    assert saved == labels[0].zpl + labels[1].zpl and saved.count("^XA") == 2
    assert files.pdf.exists() and files.zpl.name.startswith("labels-WEB-1000042-EE")


def _origins(zpl: str) -> list[tuple[int, int]]:
    return [(int(x), int(y)) for x, y in re.findall(r"\^FO(\d+),(\d+)", zpl)]


def test_print_label_goes_through_qprinter_on_a_4x6_page(qapp: object, tmp_path: Path) -> None:
    """A QPrinter (here one printing to a PDF file) gets one 4x6 in page per label."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    labels = buy()
    lb.print_labels(labels, printer)
    pages = rasterise(out, 203)
    assert len(pages) == 2
    assert [decode(p) for p in pages] == [[(x.tracking, "Code128")] for x in labels]


def _doc(labels: list[LabelDoc], *, per_box: bool = True) -> dict[str, Any]:
    boxes = [dict(b) for b in BOXES]
    if per_box:
        boxes[0]["items"] = [{"line_no": 1, "quantity": 1}, {"line_no": 2, "quantity": 2}]
        boxes[1]["items"] = [{"line_no": 2, "quantity": 1}, {"line_no": 3, "quantity": 1}]
    line = {"picked": 0, "rejected": 0, "refused": 0}
    return {
        "id": 42,
        "order_number": "WEB-1000042",
        "store_id": 1,
        "destination_store_id": None,
        "method": "ship_from_store",
        "status": "packed",
        "bin": None,
        "pickup_code": None,
        "promised_at": None,
        "pickup_deadline": None,
        "tracking": None,
        "carrier": None,
        "boxes": boxes,
        "created_at": AT.isoformat(),
        "updated_at": AT.isoformat(),
        "order": {
            "number": "WEB-1000042",
            "channel": "web",
            "created_at": AT.isoformat(),
            "payment_state": "authorized",
            "fraud_state": "clear",
            "fraud_rules": [],
            "total_minor": 18_470,
            "currency": "EUR",
            "alternate_pickup_name": None,
            "version": 1,
        },
        "customer": {"id": 7, "name": "Sanne de Vries", "email": "s@example.com", "phone": ""},
        "lines": [
            {
                **line,
                "line_no": 1,
                "sku": "HOM-000123",
                "name": "Linen duvet cover, sand",
                "quantity": 1,
                "unit_price_minor": 7995,
            },
            {
                **line,
                "line_no": 2,
                "sku": "KIT-004512",
                "name": "Stoneware mug 350 ml",
                "quantity": 3,
                "unit_price_minor": 899,
            },
            {
                **line,
                "line_no": 3,
                "sku": "HOM-000981",
                "name": "Scented candle, fig",
                "quantity": 2,
                "rejected": 1,
                "unit_price_minor": 1450,
            },
        ],
        "version": 4,
        "ship_to": TO.model_dump(),
        "labels": [x.model_dump(mode="json") for x in labels],
    }


def test_packing_slip_lists_the_boxes_and_their_items(qapp: object, tmp_path: Path) -> None:
    """Store, order, ship-to, carrier and tracking, the items and quantities of each box,
    and a QR code of the order code that reads back; A4 and US Letter."""
    labels = buy()
    slip = ps.build_packing_slip(FulfillmentDoc.model_validate(_doc(labels)), STORE)
    assert slip.per_box and slip.units == 5
    pdf = ps.render_packing_slip_pdf(slip, tmp_path / "slip.pdf")
    assert _media_boxes(pdf) == [(595.0, 842.0)]  # A4
    text = pdf_text(pdf)
    for part in (
        "Amsterdam Kalverstraat",
        "PACKING SLIP",
        "WEB-1000042",
        "SHIP TO",
        "Sanne de Vries",
        "Prinsengracht 263",
        "1016 GV Amsterdam",
        "OMS Post",
        "Express delivery",
        "5 items in 2 boxes",
        "Box 1 of 2",
        format_s10(labels[0].tracking),
        "1 × Linen duvet cover, sand HOM-000123",
        "2 × Stoneware mug 350 ml KIT-004512",
        "Box 2 of 2",
        format_s10(labels[1].tracking),
        "1 × Stoneware mug 350 ml KIT-004512",
        "1 × Scented candle, fig HOM-000981",
    ):
        assert part in text, part
    assert "79.95" not in text  # no prices on a packing slip
    [page] = rasterise(pdf, 150)
    assert ("OMS:O:WEB-1000042", "QRCode") in decode(page)

    letter = ps.render_packing_slip_pdf(slip, tmp_path / "letter.pdf", paper="Letter")
    assert _media_boxes(letter) == [(612.0, 792.0)]


def test_packing_slip_without_box_contents_lists_the_items_once(
    qapp: object, tmp_path: Path
) -> None:
    """Boxes that do not say what they hold: every item once, then the boxes; before a
    label is bought the carrier is still to be chosen."""
    slip = ps.build_packing_slip(_doc([], per_box=False), STORE)
    assert not slip.per_box
    text = pdf_text(ps.render_packing_slip_pdf(slip, tmp_path / "slip.pdf"))
    assert "Items" in text and "5 items in 2 boxes" in text
    assert "3 × Stoneware mug 350 ml" in text and "1 × Scented candle, fig" in text
    assert "Box 1 of 2: M · 40 × 30 × 20 cm · 2.35 kg" in text
    assert "Carrier to be chosen" in text


def test_code128_of_an_s10_number_fits_a_label_width(qapp: object) -> None:
    """The label's barcode rectangle holds the symbol at a module a 203 dpi head prints."""
    image = QImage(812, 240, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    from desktop_oms.gui.barcodes import paint_code128

    module = paint_code128(painter, QRectF(8, 10, 796, 220), "CP400000015NL")
    painter.end()
    assert module >= 3.0  # dots per module at 203 dpi: well above a 2-dot minimum
    assert [(r.text) for r in zxingcpp.read_barcodes(image)] == ["CP400000015NL"]
