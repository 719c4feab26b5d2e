"""WCAG 2.x contrast of every theme: the stylesheet's text/background pairs, the palette
roles, and real widgets rendered in each theme.

High contrast must reach 7:1 for text (AAA), light and dark 4.5:1 (AA); large text (24 px,
or 19 px bold) 3:1 in light/dark and 4.5:1 in high contrast; focus indicators 3:1 against
what is around them. Disabled controls are exempt (WCAG 1.4.3). A grey-on-grey rule
anywhere in the stylesheet fails :func:`test_every_stylesheet_text_pair_is_readable`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_oms.gui import theme

THEMES = theme.THEMES


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#RRGGBB``."""
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_minimum(name: str, *, large: bool = False) -> float:
    """The ratio text must reach in theme ``name``."""
    if name == "high-contrast":
        return 4.5 if large else 7.0
    return 3.0 if large else 4.5


FOCUS_MINIMUM = 3.0


# --- the stylesheet ------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One rule of the filled stylesheet: its selectors and declarations."""

    selectors: str
    decls: dict[str, str]

    def colour(self, prop: str) -> str | None:
        """The ``#RRGGBB`` colour of ``prop`` (``border``: the colour in its shorthand)."""
        found = re.search(r"#[0-9A-Fa-f]{6}\b", self.decls.get(prop, ""))
        return found.group(0).upper() if found else None

    @property
    def large(self) -> bool:
        """Large text in WCAG's sense: 24 px, or 19 px and bold."""
        size = re.match(r"(\d+)px", self.decls.get("font-size", ""))
        px = int(size.group(1)) if size else theme.BASE_PX
        weight = self.decls.get("font-weight", "400")
        bold = weight.isdigit() and int(weight) >= 700
        return px >= 24 or (px >= 19 and bold)


def rules(qss: str) -> list[Rule]:
    """The rules of ``qss`` (comments dropped)."""
    text = re.sub(r"/\*.*?\*/", "", qss, flags=re.DOTALL)
    found = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        decls = {}
        for decl in body.split(";"):
            if ":" in decl:
                prop, value = decl.split(":", 1)
                decls[prop.strip()] = value.strip()
        found.append(Rule(" ".join(selectors.split()), decls))
    return found


#: Where a rule without a background of its own draws its text: selectors -> roles.
_DARK_CHROME = ("topBar", "brandLabel", "storeLabel", "scanEdit", "staffButton", "settingsButton")
_TOAST = ("toast", "QToolTip")


def backdrops(rule: Rule, colours: dict[str, str]) -> list[str]:
    """The backgrounds ``rule``'s text may sit on."""
    own = rule.colour("background") or rule.colour("background-color")
    if own is not None:
        return [own]
    if any(key in rule.selectors for key in _DARK_CHROME):
        return [colours["topbar"], colours["topbar_raised"]]
    if any(key in rule.selectors for key in _TOAST):
        return [colours["toast_bg"]]
    return [colours["canvas"], colours["surface"], colours["surface_alt"]]


def text_problems(qss: str, name: str) -> list[str]:
    """Every text/background pair of ``qss`` below theme ``name``'s minimum, in words."""
    colours = theme.palette(name)
    problems = []
    for rule in rules(qss):
        if "disabled" in rule.selectors:
            continue  # WCAG 1.4.3: inactive controls are exempt
        minimum = text_minimum(name, large=rule.large)
        fg = rule.colour("color")
        if fg is not None:
            for bg in backdrops(rule, colours):
                if ratio(fg, bg) < minimum:
                    problems.append(
                        f"{rule.selectors}: {fg} on {bg} is {ratio(fg, bg):.2f}:1 < {minimum}"
                    )
        sel_fg, sel_bg = rule.colour("selection-color"), rule.colour("selection-background-color")
        if sel_fg is not None and sel_bg is not None and ratio(sel_fg, sel_bg) < minimum:
            problems.append(f"{rule.selectors} selection: {sel_fg} on {sel_bg} < {minimum}")
    return problems


def focus_problems(qss: str, name: str) -> list[str]:
    """Focus borders that do not stand out 3:1 from the page (and the control) in ``name``."""
    colours = theme.palette(name)
    problems = []
    focus_rules = [r for r in rules(qss) if ":focus" in r.selectors and "border" in r.decls]
    assert focus_rules, "the stylesheet draws no focus"
    for rule in focus_rules:
        edge = rule.colour("border")
        if edge is None:
            continue  # "border: 0": an inner part (a combo's editor) of a focused control
        around = [colours["canvas"], colours["surface"]]
        if any(key in rule.selectors for key in _DARK_CHROME):
            around = [colours["topbar"]]
        for bg in around:
            if ratio(edge, bg) < FOCUS_MINIMUM:
                problems.append(f"{rule.selectors}: focus {edge} on {bg} < {FOCUS_MINIMUM}")
    return problems


@pytest.mark.parametrize("name", THEMES)
def test_every_stylesheet_text_pair_is_readable(name: str) -> None:
    """Each rule's text colour against its own background (or the page and card
    backgrounds it may sit on) reaches the theme's minimum."""
    qss = theme.stylesheet(name)
    assert "$" not in qss, "a placeholder of the template has no colour in this theme"
    assert text_problems(qss, name) == []


@pytest.mark.parametrize("name", THEMES)
def test_every_focus_indicator_stands_out(name: str) -> None:
    """Every ``:focus`` border reaches 3:1 against the page; every theme styles the focus
    of buttons, inputs, tables and tabs."""
    qss = theme.stylesheet(name)
    assert focus_problems(qss, name) == []
    selectors = " ".join(r.selectors for r in rules(qss) if ":focus" in r.selectors)
    for kind in ("QPushButton:focus", "QLineEdit:focus", "QTableView:focus", "QTabBar::tab:focus"):
        assert kind in selectors, f"{name}: no focus style for {kind}"


def test_grey_on_grey_is_caught() -> None:
    """The check is real: a grey-on-grey rule, or a faint focus, is reported."""
    qss = theme.stylesheet("light")
    grey = qss + "\nQLabel#bad { color: #9A9A9A; background: #B0B0B0; }\n"
    assert any("QLabel#bad" in p for p in text_problems(grey, "light"))
    unstyled_grey = qss + "\nQLabel#pale { color: #C8C8C8; }\n"
    assert any("QLabel#pale" in p for p in text_problems(unstyled_grey, "light"))
    faint_focus = qss + "\nQLineEdit#x:focus { border: 2px solid #E9ECF0; }\n"
    assert any("QLineEdit#x" in p for p in focus_problems(faint_focus, "light"))
    # the high-contrast bar is higher: a light theme's muted grey is not enough there
    muted = qss + "\nQLabel#m { color: #5B6472; background: #000000; }\n"
    assert any("QLabel#m" in p for p in text_problems(muted, "high-contrast"))


# --- palette roles and colour constants ------------------------------------------------------


@pytest.mark.parametrize("name", THEMES)
def test_palette_roles_and_constants_are_readable(name: str) -> None:
    """The QPalette's text roles on their backgrounds, and the ``theme.X`` text colours on
    the page, the cards and their tints, reach the theme's minimum."""
    roles = theme.qpalette_colours(name)
    role = QPalette.ColorRole
    pairs = [
        (role.Text, role.Base),
        (role.WindowText, role.Window),
        (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight),
        (role.PlaceholderText, role.Base),
        (role.Link, role.Base),
        (role.ToolTipText, role.ToolTipBase),
    ]
    minimum = text_minimum(name)
    low = [
        f"{fg.name}/{bg.name}: {ratio(roles[fg], roles[bg]):.2f}"
        for fg, bg in pairs
        if ratio(roles[fg], roles[bg]) < minimum
    ]
    c = theme.palette(name)
    for text in ("ink", "muted", "faint", "link", "ok", "warn", "bad", "accent_text"):
        for bg in ("canvas", "surface", "surface_alt"):
            if ratio(c[text], c[bg]) < minimum:
                low.append(f"{text} on {bg}: {ratio(c[text], c[bg]):.2f}")
    for text, tint in (("ok", "ok_tint"), ("warn", "warn_tint"), ("bad", "bad_tint")):
        if ratio(c[text], c[tint]) < minimum:
            low.append(f"{text} on {tint}: {ratio(c[text], c[tint]):.2f}")
    if ratio(c["on_accent"], c["accent"]) < minimum:
        low.append(f"on_accent on accent: {ratio(c['on_accent'], c['accent']):.2f}")
    assert low == []


# --- rendered widgets -------------------------------------------------------------------------


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    """The application in a theme for one test, back to light after it."""
    yield qapp
    theme.apply(qapp, "light")


def _hex(image: QImage, x: int, y: int) -> str:
    return QColor(image.pixel(x, y)).name().upper()


def _background(image: QImage) -> str:
    """The commonest pixel colour of ``image``: what the text is drawn on."""
    counts: Counter[str] = Counter(
        _hex(image, x, y) for y in range(image.height()) for x in range(image.width())
    )
    return counts.most_common(1)[0][0]


def _extreme(image: QImage, bg: str) -> str:
    """The pixel colour of ``image`` with the most contrast to ``bg`` (the text's core)."""
    best, best_ratio = bg, 1.0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = _hex(image, x, y)
            r = ratio(colour, bg)
            if r > best_ratio:
                best, best_ratio = colour, r
    return best


@pytest.mark.parametrize("name", THEMES)
def test_rendered_button_and_label_reach_the_minimum(
    themed: QApplication, qtbot: Any, name: str
) -> None:
    """A page with a plain button, an accent button and a label, drawn in the theme: the
    text pixels against the pixels behind them reach the minimum, the buttons are at least
    ``TOUCH_MIN`` high, and the focused button shows a border in the focus colour."""
    theme.apply(themed, name)
    page = QWidget()
    page.setObjectName("central")
    layout = QVBoxLayout(page)
    plain = QPushButton("Hand over WEB-1000115")
    accent = QPushButton("Save")
    accent.setProperty("accent", True)
    label = QLabel("Waiting 2 h 44 min")
    for widget in (plain, accent, label):
        layout.addWidget(widget)
    qtbot.addWidget(page)
    page.resize(420, 220)
    page.show()
    qtbot.waitExposed(page)
    minimum = text_minimum(name)
    for widget in (plain, accent, label):
        image = widget.grab().toImage()
        inner = image.copy(6, 6, image.width() - 12, image.height() - 12)
        bg = _background(inner)
        text = _extreme(inner, bg)
        assert ratio(text, bg) >= minimum, f"{name} {widget.text()}: {text} on {bg}"
    for button in (plain, accent):
        assert button.height() >= theme.TOUCH_MIN
    plain.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(plain.hasFocus)
    image = plain.grab().toImage()
    focus = theme.palette(name)["focus"]
    edge = _hex(image, image.width() // 2, 1)
    assert ratio(edge, focus) < 1.2, f"{name}: focus edge {edge}, not {focus}"
    assert ratio(edge, theme.palette(name)["canvas"]) >= FOCUS_MINIMUM
