"""The pickup receipt: its facts, its PDF (80 mm roll, one page), the printer path, and
printing it at the counter after a handover with the panel's button and with Ctrl+P.

The PDF's text is read with ``pdftotext`` (poppler-utils) where it is installed; its page
count and size are read from the file itself everywhere.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import segno
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from desktop_oms.gui.pickups import receipt as r
from tests.gui.conftest import Counter
from tests.gui.test_handover import open_handover, ready_pickup, server_state

STORE = r.StoreAddress(
    "AMS1", "Amsterdam Kalverstraat", "Kalverstraat 152", "1012 XE", "Amsterdam", "NL"
)
AT = datetime(2026, 3, 2, 14, 5, tzinfo=ZoneInfo("Europe/Amsterdam"))
DOC: dict[str, Any] = {
    "order_number": "WEB-1000042",
    "order": {"channel": "web", "currency": "EUR", "payment_state": "authorized"},
    "customer": {"name": "Sanne de Vries"},
    "lines": [
        {
            "line_no": 1,
            "sku": "HOM-000123",
            "name": "Linen duvet cover, sand",
            "quantity": 1,
            "rejected": 0,
            "refused": 0,
            "unit_price_minor": 7995,
        },
        {
            "line_no": 2,
            "sku": "KIT-004512",
            "name": "Stoneware mug 350 ml",
            "quantity": 4,
            "rejected": 1,
            "refused": 0,
            "unit_price_minor": 899,
        },
    ],
}
ID_CHECK = {
    "verification": {
        "method": "id_check",
        "collector_name": "Pieter de Vries",
        "id_type": "driving_licence",
        "id_last_digits": "X7K9",
        "relationship": "family",
    },
    "refused": [{"line_no": 2, "quantity": 1, "reason": "damaged"}],
}
PICKUP_CODE = {"verification": {"method": "pickup_code", "pickup_code": "123456"}, "refused": []}
#: 80 mm in PDF points.
ROLL_WIDTH_PT = 80 / 25.4 * 72


def pdf_pages(path: Path) -> tuple[int, list[tuple[float, float]]]:
    """The page count and each page's size in points, read from the PDF file itself."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    counts = re.findall(rb"/Type /Pages\s.*?/Count (\d+)", data, re.DOTALL)
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    return int(counts[0]), [(float(w), float(h)) for w, h in boxes]


def pdf_text(path: Path) -> str | None:
    """The PDF's text, in reading order, on one line (``pdftotext -layout``); None where
    pdftotext is not installed."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    done = subprocess.run(
        [tool, "-layout", str(path), "-"], capture_output=True, text=True, timeout=30, check=True
    )
    return " ".join(done.stdout.split())  # one line, single spaces


def test_receipt_facts_of_a_partial_id_checked_handover() -> None:
    """Handed over = left to hand over minus refused; refusals carry the reason's label;
    the ID check's words and the order code of the QR are there."""
    receipt = r.build_receipt(
        DOC, ID_CHECK, store=STORE, staff="Eva Jansen", station="Station 3", at=AT
    )
    assert [(i.quantity, i.sku, i.total_minor) for i in receipt.handed] == [
        (1, "HOM-000123", 7995),
        (2, "KIT-004512", 1798),
    ]
    assert [(i.quantity, i.sku, i.reason) for i in receipt.refused] == [
        (1, "KIT-004512", "Damaged")
    ]
    assert (receipt.units, receipt.value_minor) == (3, 9793)
    assert receipt.id_checked
    assert (receipt.collector, receipt.id_type, receipt.id_last_digits, receipt.relationship) == (
        "Pieter de Vries",
        "Driving licence",
        "X7K9",
        "Family member",
    )
    assert receipt.code == "OMS:O:WEB-1000042"
    assert receipt.payment == "Paid online (card authorised)"
    plain = r.build_receipt(DOC, PICKUP_CODE, store=STORE, staff="E", station="S", at=AT)
    assert not plain.id_checked and plain.collector is None and plain.refused == ()


def test_receipt_pdf_is_one_80mm_page(qapp: Any, tmp_path: Path) -> None:
    """The PDF is one page of a receipt roll, as tall as the receipt, and an ID-checked
    one is taller (its collection block and signature line)."""
    plain = r.build_receipt(DOC, PICKUP_CODE, store=STORE, staff="Eva", station="S 3", at=AT)
    checked = r.build_receipt(DOC, ID_CHECK, store=STORE, staff="Eva", station="S 3", at=AT)
    sizes = []
    for receipt, name in ((plain, "plain.pdf"), (checked, "checked.pdf")):
        path = r.save_pdf(receipt, tmp_path / name)
        pages, boxes = pdf_pages(path)
        assert pages == 1 and len(boxes) == 1
        width, height = boxes[0]
        assert width == pytest.approx(ROLL_WIDTH_PT, abs=1.0)
        assert 100 * 72 / 25.4 < height < 297 * 72 / 25.4  # a receipt, not an A4 sheet
        sizes.append(height)
    assert sizes[1] > sizes[0] + 20


def test_receipt_pdf_text(qapp: Any, tmp_path: Path) -> None:
    """Everything the counter and the customer need is on it, in order."""
    receipt = r.build_receipt(
        DOC, ID_CHECK, store=STORE, staff="Eva Jansen", station="Station 3", at=AT
    )
    text = pdf_text(r.save_pdf(receipt, tmp_path / "receipt.pdf"))
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    expected = [
        "Amsterdam Kalverstraat",
        "Kalverstraat 152",
        "1012 XE Amsterdam",
        "Store AMS1 · Station 3",
        "PICKUP RECEIPT",
        "WEB-1000042",
        "Date Mon 2 Mar 2026, 14:05",
        "Served by Eva Jansen",
        "HANDED OVER (3)",
        "1 × Linen duvet cover, sand €79.95",
        "2 × Stoneware mug 350 ml €17.98",
        "KIT-004512 · €8.99 each",
        "REFUSED AT THE COUNTER",
        "1 × Stoneware mug 350 ml €8.99",
        "KIT-004512 · Reason: Damaged",
        "Items handed over 3",
        "Value handed over €97.93",
        "COLLECTION",
        "ID check",
        "Driving licence ending X7K9",
        "Collected by Pieter de Vries",
        "Relationship Family member",
        "Signature of the collector — Pieter de Vries",
        "WEB-1000042",
        "Thank you",
    ]
    at = 0
    for words in expected:
        found = text.find(words, at)
        assert found >= 0, (words, text[at:])
        at = found + len(words)
    plain = r.build_receipt(DOC, PICKUP_CODE, store=STORE, staff="E", station="S", at=AT)
    plain_text = pdf_text(r.save_pdf(plain, tmp_path / "plain.pdf")) or ""
    assert "Verified by Pickup code" in plain_text
    assert "Signature" not in plain_text and "REFUSED" not in plain_text
    assert "123456" not in plain_text  # the pickup code is a secret: never printed


def test_receipt_prints_through_qprinter(qapp: Any, tmp_path: Path) -> None:
    """The printer path paints the same receipt (here a printer writing PDF on A4: one
    centred column)."""
    receipt = r.build_receipt(DOC, ID_CHECK, store=STORE, staff="Eva", station="S", at=AT)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    r.print_receipt(receipt, printer)
    pages, boxes = pdf_pages(tmp_path / "printed.pdf")
    assert pages == 1 and boxes[0][0] > ROLL_WIDTH_PT  # a sheet wider than the roll
    text = pdf_text(tmp_path / "printed.pdf")
    assert text is None or "Driving licence ending X7K9" in text


def test_the_qr_is_the_order_code() -> None:
    """The QR drawn is a full QR code (not Micro QR) of ``OMS:O:<number>``: scanners and
    the station's own scan field read it."""
    receipt = r.build_receipt(DOC, PICKUP_CODE, store=STORE, staff="E", station="S", at=AT)
    code = segno.make(receipt.code, error="m", micro=False)
    assert not code.is_micro and receipt.code == "OMS:O:WEB-1000042"


def test_print_receipt_after_a_handover_at_the_counter(counter: Counter, tmp_path: Path) -> None:
    """An ID-checked partial handover: the panel offers "Print receipt" in place of the
    handover button; the button and Ctrl+P both print it (here as a PDF: no printer), with
    the store, the staff member, the refusal and the ID check on it."""
    counter.signed_in()
    view = counter.pickups
    view.undo_ms = 300
    view.use_printer = False
    view.receipts_dir = tmp_path / "receipts"
    doc = ready_pickup(counter, units=2)
    number, fid = doc["order_number"], doc["id"]
    dialog = open_handover(counter, f"OMS:O:{number}")
    bot = counter.qtbot
    bot.mouseClick(dialog.by_id, Qt.MouseButton.LeftButton)
    dialog.collector.selectAll()
    bot.keyClicks(dialog.collector, "Pieter Jansen")
    bot.keyClick(dialog.id_type, Qt.Key.Key_Down)  # passport
    bot.keyClicks(dialog.id_digits, "k42x")
    bot.keyClick(dialog.relationship, Qt.Key.Key_Down)  # family member
    line = next(row for row in dialog.lines if row.left >= 1)
    bot.mouseClick(line.refused.plus, Qt.MouseButton.LeftButton)
    with bot.waitSignal(view.handedOver, timeout=10_000):
        bot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)

    panel = view.detail
    assert panel.isVisible() and panel.title.text() == number
    assert panel.print_button.isVisible() and not panel.hand_over_button.isVisible()
    with bot.waitSignal(view.receiptPrinted, timeout=20_000) as printed:
        bot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    path = printed.args[0].path
    assert printed.args[0].printer is None and path.parent == tmp_path / "receipts"
    assert path.name.startswith(f"receipt-{number}-") and path.suffix == ".pdf"
    toast = counter.window.toast  # during the Undo wait the note shows above the Undo toast
    assert str(path) in (toast.side.text.text() if toast.waiting else toast.text.text())
    path.unlink()

    counter.window.activateWindow()  # shortcuts go to the active window
    bot.waitUntil(counter.window.isActiveWindow, timeout=5_000)
    with bot.waitSignal(view.receiptPrinted, timeout=20_000) as again:
        bot.keyClick(view.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert again.args[0].path == path and path.exists()
    assert pdf_pages(path)[0] == 1
    text = pdf_text(path)
    if text is not None:  # (the file's own structure is checked above everywhere)
        store_name, street = counter.demo.query(
            "SELECT name, address FROM stores WHERE id = ?", counter.station.store_id
        )[0]
        for words in (
            store_name,
            street,
            "PICKUP RECEIPT",
            number,
            f"Served by {counter.station.session.display_name}",
            "REFUSED AT THE COUNTER",
            "Reason: Damaged",
            "Passport ending K42X",
            "Collected by Pieter Jansen",
            "Relationship Family member",
            "Signature of the collector — Pieter Jansen",
        ):
            assert words in text, words
    bot.waitUntil(lambda: server_state(counter, fid) == ("handed_over", 1), timeout=15_000)
