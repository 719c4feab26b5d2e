"""The station's look: compiled resources, font, themes (stylesheet and palette) and icons.

Three themes (:data:`THEMES`): light, dark and high contrast. Each is a palette of colours
by role (:data:`PALETTES`) that fills the stylesheet template; :func:`use` makes one the
theme in use before pages are built (the ``theme.INK``-style constants follow it) and
:func:`apply` restyles the application at once. Every theme shows the keyboard focus and
keeps touch targets at least :data:`TOUCH_MIN` px high.

Icons and the stylesheet come from ``resources/`` compiled into ``forms/rc_station.py``
(see :mod:`desktop_oms.gui.forms.compile`), so the station needs no files beside its
package. Icons are single-colour line drawings whose ``currentColor`` is replaced by the
colour asked for, so one SVG serves the dark top bar and the light pages.
"""

from __future__ import annotations

import functools
import string

from PySide6.QtCore import QByteArray, QFile, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_oms.gui.forms import rc_station

#: Sans-serif families in order of preference; the first one installed wins.
FONT_FAMILIES = ("Inter", "Segoe UI", "SF Pro Text", "Noto Sans", "Cantarell", "DejaVu Sans")
#: Base text size in pixels: readable at arm's length on a counter screen.
BASE_PX = 15

#: The smallest height (and width, for square buttons) of anything a finger presses, in px.
TOUCH_MIN = 40

#: The themes, by name, with the label staff see (translated where shown).
THEMES = ("light", "dark", "high-contrast")
DEFAULT_THEME = "light"

#: Each theme's colours by role. The stylesheet template (``resources/style/station.qss``)
#: names roles as ``${role}``; ``focus``/``focus_width`` draw the keyboard focus.
PALETTES: dict[str, dict[str, str]] = {
    "light": {
        "check_icon": "check-white",
        "count_bg": "#D5DAE3",
        "count_line": "#D5DAE3",
        "canvas": "#F3F5F8",
        "surface": "#FFFFFF",
        "surface_alt": "#FAFBFC",
        "line": "#E2E6EC",
        "line_soft": "#EEF1F4",
        "line_strong": "#D5DAE3",
        "border": "#CBD2DB",
        "border_strong": "#AEB6C2",
        "segmented_bg": "#E7EAF0",
        "ink": "#17202C",
        "ink_soft": "#3B4452",
        "muted": "#5B6472",
        "faint": "#636B78",
        "disabled_fg": "#8A93A1",
        "accent": "#2563EB",
        "accent_hover": "#1D4ED8",
        "accent_pressed": "#1E40AF",
        "accent_text": "#1D4ED8",
        "link": "#2563EB",
        "accent_tint": "#E8EFFD",
        "selection": "#BFD3FB",
        "accent_disabled": "#A9C1F5",
        "on_accent": "#FFFFFF",
        "on_accent_disabled": "#F3F6FD",
        "ok": "#15803D",
        "warn": "#B45309",
        "bad": "#B91C1C",
        "bad_strong": "#991B1B",
        "warn_strong": "#92400E",
        "info_strong": "#1E3A8A",
        "ok_tint": "#DCFCE7",
        "warn_tint": "#FEF3C7",
        "bad_tint": "#FEE2E2",
        "bad_tint_hover": "#FECACA",
        "danger_border": "#F3B4B4",
        "warn_banner": "#FFFBEB",
        "warn_banner_line": "#FCD34D",
        "bad_banner": "#FEF2F2",
        "bad_banner_line": "#FCA5A5",
        "info_banner": "#EFF6FF",
        "info_banner_line": "#BFDBFE",
        "topbar": "#111827",
        "topbar_raised": "#1F2937",
        "topbar_line": "#374151",
        "topbar_focus": "#60A5FA",
        "on_dark": "#E5E7EB",
        "on_dark_bright": "#F9FAFB",
        "on_dark_muted": "#AEB6C2",
        "toast_bg": "#17202C",
        "toast_link": "#93C5FD",
        "flash_good": "#16A34A",
        "flash_bad": "#DC2626",
        "focus": "#1E40AF",
        "focus_width": "2",
    },
    "dark": {
        "check_icon": "check-white",
        "count_bg": "#334052",
        "count_line": "#334052",
        "canvas": "#0F141B",
        "surface": "#18202B",
        "surface_alt": "#1C2531",
        "line": "#2C3644",
        "line_soft": "#232C38",
        "line_strong": "#334052",
        "border": "#3E4A5B",
        "border_strong": "#5A6A80",
        "segmented_bg": "#1F2835",
        "ink": "#E8ECF2",
        "ink_soft": "#CDD4DE",
        "muted": "#AAB4C2",
        "faint": "#98A3B3",
        "disabled_fg": "#6B7788",
        "accent": "#2563EB",
        "accent_hover": "#1D4ED8",
        "accent_pressed": "#1E40AF",
        "accent_text": "#93B4FF",
        "link": "#8AB4FF",
        "accent_tint": "#1E3354",
        "selection": "#2A4C80",
        "accent_disabled": "#27385A",
        "on_accent": "#FFFFFF",
        "on_accent_disabled": "#8A97AD",
        "ok": "#4ADE80",
        "warn": "#FBBF24",
        "bad": "#F87171",
        "bad_strong": "#FCA5A5",
        "warn_strong": "#FCD34D",
        "info_strong": "#BFDBFE",
        "ok_tint": "#12311F",
        "warn_tint": "#33260A",
        "bad_tint": "#3A1717",
        "bad_tint_hover": "#4D1C1C",
        "danger_border": "#7F2A2A",
        "warn_banner": "#2A210C",
        "warn_banner_line": "#8A6A1A",
        "bad_banner": "#2A1414",
        "bad_banner_line": "#8A2E2E",
        "info_banner": "#132238",
        "info_banner_line": "#2D4E7E",
        "topbar": "#0A0E14",
        "topbar_raised": "#1A222D",
        "topbar_line": "#3E4A5B",
        "topbar_focus": "#60A5FA",
        "on_dark": "#E5E7EB",
        "on_dark_bright": "#F9FAFB",
        "on_dark_muted": "#AEB6C2",
        "toast_bg": "#2B3646",
        "toast_link": "#93C5FD",
        "flash_good": "#22C55E",
        "flash_bad": "#EF4444",
        "focus": "#7DB3FF",
        "focus_width": "2",
    },
    "high-contrast": {
        "check_icon": "check-black",
        "count_bg": "#000000",
        "count_line": "#FFFFFF",
        "canvas": "#000000",
        "surface": "#000000",
        "surface_alt": "#0D0D0D",
        "line": "#FFFFFF",
        "line_soft": "#1F1F1F",
        "line_strong": "#FFFFFF",
        "border": "#FFFFFF",
        "border_strong": "#FFFFFF",
        "segmented_bg": "#000000",
        "ink": "#FFFFFF",
        "ink_soft": "#FFFFFF",
        "muted": "#E0E0E0",
        "faint": "#D0D0D0",
        "disabled_fg": "#A8A8A8",
        "accent": "#FFFF00",
        "accent_hover": "#FFF04D",
        "accent_pressed": "#E6E600",
        "accent_text": "#FFFF00",
        "link": "#FFFF00",
        "accent_tint": "#2E2E00",
        "selection": "#00367A",
        "accent_disabled": "#3A3A3A",
        "on_accent": "#000000",
        "on_accent_disabled": "#D0D0D0",
        "ok": "#7CFC00",
        "warn": "#FFD24D",
        "bad": "#FF9A9A",
        "bad_strong": "#FF9A9A",
        "warn_strong": "#FFD24D",
        "info_strong": "#FFFFFF",
        "ok_tint": "#000000",
        "warn_tint": "#000000",
        "bad_tint": "#000000",
        "bad_tint_hover": "#2A0000",
        "danger_border": "#FF9A9A",
        "warn_banner": "#000000",
        "warn_banner_line": "#FFD24D",
        "bad_banner": "#000000",
        "bad_banner_line": "#FF9A9A",
        "info_banner": "#000000",
        "info_banner_line": "#FFFF00",
        "topbar": "#000000",
        "topbar_raised": "#000000",
        "topbar_line": "#FFFFFF",
        "topbar_focus": "#FFFF00",
        "on_dark": "#FFFFFF",
        "on_dark_bright": "#FFFFFF",
        "on_dark_muted": "#E0E0E0",
        "toast_bg": "#000000",
        "toast_link": "#FFFF00",
        "flash_good": "#00FF00",
        "flash_bad": "#FF3030",
        "focus": "#FFFF00",
        "focus_width": "3",
    },
}

#: The colour constants of the theme in use (set by :func:`use` before any page is
#: built; read them as ``theme.INK`` at the time of use, never copied at import).
INK = "#17202C"
MUTED = "#5B6472"
FAINT = "#636B78"
ACCENT = "#2563EB"
ON_DARK = "#E5E7EB"
OK = "#15803D"
WARN = "#B45309"
BAD = "#B91C1C"
OK_TINT = "#DCFCE7"
WARN_TINT = "#FEF3C7"
BAD_TINT = "#FEE2E2"
ACCENT_TINT = "#E8EFFD"
#: The theme in use.
CURRENT = DEFAULT_THEME

#: Module constant -> palette role.
_CONSTANTS = {
    "INK": "ink",
    "MUTED": "muted",
    "FAINT": "faint",
    "ACCENT": "link",
    "ON_DARK": "on_dark",
    "OK": "ok",
    "WARN": "warn",
    "BAD": "bad",
    "OK_TINT": "ok_tint",
    "WARN_TINT": "warn_tint",
    "BAD_TINT": "bad_tint",
    "ACCENT_TINT": "accent_tint",
}


class UnknownTheme(ValueError):
    """A theme name that is not one of :data:`THEMES`."""


def palette(name: str) -> dict[str, str]:
    """The colours of theme ``name`` by role (UnknownTheme for another name)."""
    try:
        return PALETTES[name]
    except KeyError:
        raise UnknownTheme(f"unknown theme {name!r}: choose one of {', '.join(THEMES)}") from None


def use(name: str) -> None:
    """Make ``name`` the theme in use: the colour constants (``theme.INK``...) take its
    colours. Call it before pages are built; :func:`apply` restyles the application."""
    global CURRENT
    colours = palette(name)
    for constant, role in _CONSTANTS.items():
        globals()[constant] = colours[role]
    CURRENT = name


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


def template() -> str:
    """The stylesheet template, with ``${role}`` placeholders for a palette's colours."""
    return _read(":/oms/style/station.qss").decode("utf-8")


def stylesheet(name: str | None = None) -> str:
    """The application stylesheet of theme ``name`` (default: the theme in use)."""
    values = dict(palette(name or CURRENT), touch_min=str(TOUCH_MIN))
    return string.Template(template()).substitute(values)


def qpalette_colours(name: str | None = None) -> dict[QPalette.ColorRole, str]:
    """The QPalette roles of theme ``name`` (text drawn outside the stylesheet follows it)."""
    c = palette(name or CURRENT)
    role = QPalette.ColorRole
    return {
        role.Window: c["canvas"],
        role.Base: c["surface"],
        role.AlternateBase: c["surface_alt"],
        role.Text: c["ink"],
        role.WindowText: c["ink"],
        role.ButtonText: c["ink"],
        role.Button: c["surface"],
        role.Highlight: c["accent_tint"],
        role.HighlightedText: c["ink"],
        role.PlaceholderText: c["faint"],
        role.Link: c["link"],
        role.ToolTipBase: c["toast_bg"],
        role.ToolTipText: c["on_dark_bright"],
    }


def app_font() -> QFont:
    """The UI font: the first installed family of :data:`FONT_FAMILIES`, at :data:`BASE_PX`."""
    font = QFont()
    font.setFamilies(list(FONT_FAMILIES))
    font.setPixelSize(BASE_PX)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def apply(app: QApplication, name: str | None = None) -> None:
    """Give the application its font, palette, stylesheet and icon, in theme ``name``
    (default: the theme in use; another name becomes the theme in use, see :func:`use`)."""
    if name is not None:
        use(name)
    app.setFont(app_font())
    colours = app.palette()
    for role, colour in qpalette_colours().items():
        colours.setColor(role, QColor(colour))
    app.setPalette(colours)
    app.setStyleSheet(stylesheet())
    app.setWindowIcon(app_icon())


@functools.cache
def _svg(name: str) -> bytes:
    return _read(f":/oms/icons/{name}.svg")


def pixmap(name: str, colour: str | None = None, size: int = 24, ratio: float = 1.0) -> QPixmap:
    """Icon ``name`` drawn in ``colour`` (default: the theme's ink) at ``size`` logical
    pixels."""
    colour = colour or INK
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


def icon(name: str, colour: str | None = None, active: str | None = None) -> QIcon:
    """Icon ``name`` in ``colour`` (default: the theme's ink; ``active`` for the
    selected/checked state)."""
    colour = colour or INK
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
