"""Barcodes on paper: Code 128 (python-barcode) and QR (segno) painted with QPainter.

The libraries do the encoding (start/stop codes, code sets, check symbols, error
correction); this module only turns their module patterns into rectangles, one per run
of dark modules, so a barcode prints as crisp vectors on a PDF or a thermal printer.
"""

from __future__ import annotations

from collections.abc import Sequence

import segno
from barcode import Code128
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

INK = QColor("#000000")
#: Quiet zone each side of a Code 128 symbol, in modules (GS1 asks for at least 10).
CODE128_QUIET = 10


def code128_modules(text: str) -> list[bool]:
    """The dark (True) and light modules of ``text`` as Code 128, without quiet zones."""
    if not text or not text.isascii():
        raise ValueError(f"Code 128 needs ASCII text, not {text!r}")
    pattern = Code128(text).build()[0]
    return [bit == "1" for bit in pattern]


def qr_modules(text: str, *, error: str = "m") -> list[list[bool]]:
    """The rows of a QR code of ``text`` (no border; never a Micro QR)."""
    code = segno.make(text, error=error, micro=False)
    return [[bool(m) for m in row] for row in code.matrix_iter(border=0)]


def _runs(row: Sequence[bool]) -> list[tuple[int, int]]:
    """(start, length) of each run of dark modules."""
    runs: list[tuple[int, int]] = []
    i, count = 0, len(row)
    while i < count:
        if not row[i]:
            i += 1
            continue
        start = i
        while i < count and row[i]:
            i += 1
        runs.append((start, i - start))
    return runs


def paint_code128(painter: QPainter, rect: QRectF, text: str) -> float:
    """Paint ``text`` as Code 128 filling ``rect`` (quiet zones inside it); the module width.

    The symbol is centred; modules keep one width, so a scanner reads it at any size the
    printer resolves.
    """
    modules = code128_modules(text)
    total = len(modules) + 2 * CODE128_QUIET
    module = rect.width() / total
    x0 = rect.left() + CODE128_QUIET * module
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(INK)
    for start, length in _runs(modules):
        painter.drawRect(QRectF(x0 + start * module, rect.top(), length * module, rect.height()))
    painter.restore()
    return module


def paint_qr(painter: QPainter, rect: QRectF, text: str) -> None:
    """Paint ``text`` as a QR code, square and centred in ``rect`` (no quiet zone added)."""
    rows = qr_modules(text)
    side = min(rect.width(), rect.height())
    module = side / len(rows)
    x0 = rect.left() + (rect.width() - side) / 2
    y0 = rect.top() + (rect.height() - side) / 2
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(INK)
    for r, row in enumerate(rows):
        for start, length in _runs(row):
            painter.drawRect(QRectF(x0 + start * module, y0 + r * module, length * module, module))
    painter.restore()
