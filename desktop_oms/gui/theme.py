"""The station's look: compiled resources, font, stylesheet, palette and tinted icons.

Icons and the stylesheet come from ``resources/`` compiled into ``forms/rc_station.py``
(see :mod:`desktop_oms.gui.forms.compile`), so the station needs no files beside its
package. Icons are single-colour line drawings whose ``currentColor`` is replaced by the
colour asked for, so one SVG serves the dark top bar and the light pages.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QFile, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_oms.gui.forms import rc_station

#: Sans-serif families in order of preference; the first one installed wins.
FONT_FAMILIES = ("Inter", "Segoe UI", "SF Pro Text", "Noto Sans", "Cantarell", "DejaVu Sans")
#: Base text size in pixels: readable at arm's length on a counter screen.
BASE_PX = 15

INK = "#17202C"
MUTED = "#5B6472"
FAINT = "#8A93A1"
ACCENT = "#2563EB"
ON_DARK = "#E5E7EB"
OK = "#15803D"
WARN = "#B45309"
BAD = "#B91C1C"
OK_TINT = "#DCFCE7"
WARN_TINT = "#FEF3C7"
BAD_TINT = "#FEE2E2"
ACCENT_TINT = "#E8EFFD"


#: Importing the compiled module registers the resources (":/oms/...").
RESOURCES = rc_station


def _read(path: str) -> bytes:
    f = QFile(path)
    if not f.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(path)
    try:
        return bytes(f.readAll().data())
    finally:
        f.close()


def stylesheet() -> str:
    """The application stylesheet."""
    return _read(":/oms/style/station.qss").decode("utf-8")


def app_font() -> QFont:
    """The UI font: the first installed family of :data:`FONT_FAMILIES`, at :data:`BASE_PX`."""
    font = QFont()
    font.setFamilies(list(FONT_FAMILIES))
    font.setPixelSize(BASE_PX)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def apply(app: QApplication) -> None:
    """Give the application its font, palette, stylesheet and icon."""
    app.setFont(app_font())
    palette = app.palette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#F3F5F8"),
        (QPalette.ColorRole.Base, "#FFFFFF"),
        (QPalette.ColorRole.AlternateBase, "#FAFBFC"),
        (QPalette.ColorRole.Text, INK),
        (QPalette.ColorRole.WindowText, INK),
        (QPalette.ColorRole.ButtonText, INK),
        (QPalette.ColorRole.Button, "#FFFFFF"),
        (QPalette.ColorRole.Highlight, ACCENT_TINT),
        (QPalette.ColorRole.HighlightedText, INK),
        (QPalette.ColorRole.PlaceholderText, FAINT),
        (QPalette.ColorRole.Link, ACCENT),
    ):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    app.setStyleSheet(stylesheet())
    app.setWindowIcon(app_icon())


@functools.cache
def _svg(name: str) -> bytes:
    return _read(f":/oms/icons/{name}.svg")


def pixmap(name: str, colour: str = INK, size: int = 24, ratio: float = 1.0) -> QPixmap:
    """Icon ``name`` drawn in ``colour`` at ``size`` logical pixels."""
    data = _svg(name).replace(b"currentColor", colour.encode())
    renderer = QSvgRenderer(QByteArray(data))
    side = max(1, round(size * ratio))
    image = QPixmap(side, side)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


def icon(name: str, colour: str = INK, active: str | None = None) -> QIcon:
    """Icon ``name`` in ``colour`` (and ``active`` for the selected/checked state)."""
    result = QIcon()
    for size in (16, 20, 24, 32, 48):
        result.addPixmap(pixmap(name, colour, size, 2.0), QIcon.Mode.Normal, QIcon.State.Off)
        if active is not None:
            selected = pixmap(name, active, size, 2.0)
            result.addPixmap(selected, QIcon.Mode.Selected, QIcon.State.Off)
            result.addPixmap(selected, QIcon.Mode.Normal, QIcon.State.On)
    return result


def app_icon() -> QIcon:
    """The application icon."""
    result = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        renderer = QSvgRenderer(QByteArray(_svg("app")))
        image = QPixmap(QSize(size, size))
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(image)
    return result


def restyle(widget: QWidget) -> None:
    """Re-apply the stylesheet to a widget after one of its style properties changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
