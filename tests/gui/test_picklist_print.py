"""The printed pick list: A4 pages with the head, the totes, the stops by department with
their barcodes, and page numbers; its barcodes read back from the rasterised page.

The PDF's text is read with ``pdftotext`` and its pages rasterised with ``pdftoppm``
(poppler-utils) where they are installed; the barcodes are read with zxing-cpp.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import zxingcpp
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter

from desktop_oms.cache.queries import PickItem, PickList, PickNeed, PickOrder, shelf_location
from desktop_oms.domain.identifiers import make_gtin13
from desktop_oms.gui.fulfil import picklist_print as pp
from tests.gui.test_receipt import pdf_pages, pdf_text

AT = datetime(2026, 3, 2, 14, 5, tzinfo=ZoneInfo("Europe/Amsterdam"))
A4_PT = (595.0, 842.0)
ORDERS = (
    PickOrder(
        11,
        "WEB-1000231",
        "store_pickup",
        "picking",
        2,
        "Sanne de Vries",
        "2026-03-02T08:00:00.000000Z",
        "2026-03-02T16:00:00.000000Z",
        5,
        "A",
        False,
    ),
    PickOrder(
        12,
        "MKT-1000245",
        "ship_from_store",
        "picking",
        2,
        "Pieter Bakker",
        "2026-03-02T09:10:00.000000Z",
        None,
        5,
        "B",
        False,
    ),
)


def _item(n: int, department: str, name: str, needs: list[tuple[int, int]]) -> PickItem:
    sku = f"{department[:3].upper()}-{n:06d}"
    by_id = {o.fulfillment_id: o for o in ORDERS}
    return PickItem(
        sku,
        name,
        department,
        shelf_location(department, sku),
        make_gtin13(f"8712423{n:05d}"),
        frozenset(),
        tuple(PickNeed(fid, by_id[fid].order_number, n, q, by_id[fid].tote) for fid, q in needs),
    )


def sheet(stops: int = 3) -> pp.PickSheet:
    """A pick list of two orders with ``stops`` stops over two departments."""
    items = [
        _item(123, "Home", "Linen duvet cover 200×220, sand", [(11, 1), (12, 2)]),
        _item(4512, "Kitchen", "Stoneware mug 350 ml, sage", [(12, 3)]),
        _item(77, "Home", "Wool throw blanket", [(11, 1)]),
        *(_item(500 + i, "Garden", f"Terracotta pot {i} cm", [(11, 1)]) for i in range(stops - 3)),
    ]
    items.sort(key=lambda i: (i.department, i.location, i.sku))
    found = PickList(ORDERS, tuple(items), (), True)
    return pp.PickSheet(
        found, "PL03-260302-140512", "AMS1", "Amsterdam Kalverstraat", "Anna de Vries", AT
    )


def test_pick_list_pdf_text(qapp: Any, tmp_path: Path) -> None:
    """One A4 page with the head, the totes and each stop in walk order, by department."""
    s = sheet()
    path = pp.save_pdf(s, tmp_path / "picklist.pdf")
    pages, boxes = pdf_pages(path)
    assert pages == 1 and boxes[0] == pytest.approx(A4_PT, abs=1.0)
    text = pdf_text(path)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    home = [i for i in s.pick_list.items if i.department == "Home"]
    expected = [
        "PICK LIST",
        "PL03-260302-140512",
        "Amsterdam Kalverstraat · store AMS1",
        "PICKER",
        "Anna de Vries",
        "Mon 2 Mar 2026, 14:05",
        "TOTES",
        "A WEB-1000231 Sanne de Vries · 2 units Store pickup by Mon 2 Mar, 17:00",
        "B MKT-1000245 Pieter Bakker · 5 units Ship from store",
        "LOCATION ITEM BARCODE QTY TOTE · ORDER · UNITS",
        "HOME 2 stops · 4 units",
        home[0].location,
        home[1].location,
        "KITCHEN 1 stop · 3 units",
        "Stoneware mug 350 ml, sage",
        "SKU KIT-004512",
        "Page 1 of 1",
    ]
    at = 0
    for words in expected:
        found = text.find(words, at)
        assert found >= 0, (words, text[at:])
        at = found + len(words)
    duvet = next(i for i in home if i.sku == "HOM-000123")
    shares = text.replace("× ", "×")  # the gap after × is not always a space in the text
    for share in ("A WEB-1000231 ×1", "B MKT-1000245 ×2", "B MKT-1000245 ×3"):
        assert share in shares, share
    assert f"GTIN {duvet.barcode}" in text


def test_long_pick_lists_run_over_pages_with_numbers(qapp: Any, tmp_path: Path) -> None:
    """Forty stops take more than one page; every page says which of how many it is and
    the continued department says so."""
    path = pp.save_pdf(sheet(40), tmp_path / "long.pdf")
    pages = pdf_pages(path)[0]
    assert pages >= 2
    text = pdf_text(path)
    if text is not None:
        for n in range(1, pages + 1):
            assert f"Page {n} of {pages}" in text
        assert "GARDEN (continued)" in text


def test_barcodes_read_back_from_the_rasterised_page(qapp: Any, tmp_path: Path) -> None:
    """The page rasterised at 300 dpi: zxing reads every stop's GTIN and the list's id."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    s = sheet()
    path = pp.save_pdf(s, tmp_path / "picklist.pdf")
    subprocess.run(
        [tool, "-png", "-r", "300", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    assert not image.isNull()
    read = {(r.text, r.format.name) for r in zxingcpp.read_barcodes(image)}
    wanted = {(i.barcode, "Code128") for i in s.pick_list.items} | {(s.pick_list_id, "Code128")}
    assert wanted <= read, read


def test_pick_list_prints_through_qprinter(qapp: Any, tmp_path: Path) -> None:
    """The printer path paints the same pick list on A4 (here a printer writing PDF)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pp.print_sheet(sheet(), printer)
    pages, boxes = pdf_pages(tmp_path / "printed.pdf")
    assert pages == 1 and boxes[0] == pytest.approx(A4_PT, abs=1.0)
    printed = pp.output(sheet(), tmp_path / "out", use_printer=False)
    assert printed.printer is None and printed.path == tmp_path / "out" / pp.pdf_name(sheet())
    assert printed.path.exists() and "saved as" in printed.describe()
