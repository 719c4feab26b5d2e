"""Printed barcodes decode back to what was painted (rendered to an image, read by zxing)."""

from __future__ import annotations

import pytest
import zxingcpp
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from desktop_oms.gui.barcodes import code128_modules, paint_code128, paint_qr


def _image(width: int, height: int) -> tuple[QImage, QPainter]:
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    return image, QPainter(image)


def _decode(image: QImage) -> list[tuple[str, str]]:
    return [(r.text, r.format.name) for r in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize("text", ["1Z999AA10123456784", "DP00000012345NL", "SKU-000123", "AB"])
def test_code128_paints_what_zxing_reads(qapp: object, text: str) -> None:
    """A Code 128 painted at print-like scale reads back as the same text."""
    image, painter = _image(900, 220)
    paint_code128(painter, QRectF(0, 20, 900, 180), text)
    painter.end()
    assert _decode(image) == [(text, "Code128")]


def test_qr_paints_what_zxing_reads(qapp: object) -> None:
    """A QR code painted into a rectangle reads back as the same text."""
    image, painter = _image(400, 400)
    paint_qr(painter, QRectF(40, 40, 320, 320), "OMS:O:WEB-1000042")
    painter.end()
    assert _decode(image) == [("OMS:O:WEB-1000042", "QRCode")]


def test_code128_refuses_what_it_cannot_carry() -> None:
    """Empty or non-ASCII text is refused with a clear error, not a broken symbol."""
    with pytest.raises(ValueError, match="ASCII"):
        code128_modules("")
    with pytest.raises(ValueError, match="ASCII"):
        code128_modules("Café")
