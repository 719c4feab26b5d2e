"""Translations: catalogues complete and current, no bare English in the code, Dutch screens.

Three checks, each able to fail on its own:

* the catalogues (``resources/translations``) hold every string the code has, every string
  has a finished Dutch translation (and English its plural forms), and the committed
  ``.qm`` files are compiled from them (:mod:`desktop_oms.gui.forms.translate`);
* no visible string is written in the GUI code without ``tr``/``translate`` (a source
  scan of calls such as ``setText("...")``, ``QLabel("...")``, ``addItem(f"...")``);
* a station started in Dutch shows no English on any page (:mod:`tests.gui.i18n_check`).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from desktop_oms.domain.reasons import REASON_CODES
from desktop_oms.gui import translations, words
from desktop_oms.gui.forms import translate
from tests.gui.conftest import Counter
from tests.gui.i18n_check import english_in, language, untranslated

ROOT = Path(__file__).resolve().parents[2]

#: Methods whose string arguments a user reads (argument positions; None = all).
VISIBLE_SETTERS: dict[str, tuple[int, ...] | None] = {
    "setText": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setWindowTitle": (0,),
    "setPlaceholderText": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setTitle": (0,),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "addTab": (1, 2),
    "insertTab": (2, 3),
    "addItem": (0, 1),
    "addItems": (0,),
    "insertItem": (1,),
    "setItemText": (1,),
    "setHorizontalHeaderLabels": (0,),
    "setVerticalHeaderLabels": (0,),
    "setHeaderLabels": (0,),
    "addAction": (0, 1),
    "addMenu": (0, 1),
    "addRow": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "setSpecialValueText": (0,),
    "setLabelText": (0,),
    "setInformativeText": (0,),
    "setDetailedText": (0,),
    "setFormat": (0,),
    "showMessage": (0,),
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
}
#: Widgets whose constructor's first string is shown.
VISIBLE_CONSTRUCTORS = frozenset(
    {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu"}
)
_TAG = re.compile(r"<[^>]+>|&[a-z]+;|\{[^}]*\}")


def _wording(node: ast.expr) -> str:
    """The literal wording in ``node`` (a string, an f-string, a list of them), or ''."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " ".join(_wording(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.List | ast.Tuple):
        return " ".join(_wording(e) for e in node.elts)
    if isinstance(node, ast.BinOp):
        return f"{_wording(node.left)} {_wording(node.right)}"
    if isinstance(node, ast.IfExp):
        return f"{_wording(node.body)} {_wording(node.orelse)}"
    return ""


def _is_wording(text: str) -> bool:
    return bool(re.search("[A-Za-z]{2}", _TAG.sub(" ", text)))


def bare_strings(path: Path) -> list[str]:
    """``file:line: call("...")`` for each visible string not passed through tr/translate."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in VISIBLE_CONSTRUCTORS:
            positions: tuple[int, ...] | None = (0,)
        elif isinstance(func, ast.Attribute) and name in VISIBLE_SETTERS:
            positions = VISIBLE_SETTERS[name]
        else:
            continue
        args = [a for i, a in enumerate(node.args) if positions is None or i in positions]
        args += [k.value for k in node.keywords if k.arg in {"text", "title", "toolTip"}]
        for arg in args:
            text = _wording(arg)
            if _is_wording(text):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}({text!r})")
    return found


def area_python_files(area: str) -> list[Path]:
    """The Python sources of one area of :data:`translations.AREAS`."""
    return [p for p in translate.sources(area) if p.suffix == ".py"]


def test_every_gui_file_belongs_to_one_area() -> None:
    """A new GUI module must be put in an area, or its strings are never extracted."""
    owned: dict[Path, list[str]] = {}
    for area in translations.AREAS:
        for path in translate.sources(area):
            owned.setdefault(path, []).append(area)
    gui = ROOT / "desktop_oms" / "gui"
    expected = {
        p
        for p in gui.rglob("*.py")
        if "forms" not in p.parts and p.name != "__init__.py" and p.name != "translations.py"
    }
    expected |= set((ROOT / "ui").glob("*.ui"))
    unowned = sorted(str(p.relative_to(ROOT)) for p in expected if p not in owned)
    twice = sorted(str(p.relative_to(ROOT)) for p, areas in owned.items() if len(areas) > 1)
    assert unowned == [], f"in no area of translations.AREAS: {unowned}"
    assert twice == [], f"in more than one area: {twice}"


@pytest.mark.parametrize("area", sorted(translations.AREAS))
def test_no_visible_string_bypasses_translation(area: str) -> None:
    """Every string a widget shows goes through tr()/translate(), so lupdate finds it."""
    found = [hit for path in area_python_files(area) for hit in bare_strings(path)]
    assert found == [], "wrap these in self.tr()/QCoreApplication.translate():\n" + "\n".join(found)


def test_catalogues_are_complete_current_and_compiled() -> None:
    """lupdate would change nothing, every string is translated, the .qm files are fresh."""
    behind = [str(p.relative_to(ROOT)) for p in translate.stale_catalogues()]
    assert behind == [], "run: python -m desktop_oms.gui.forms.translate update"
    gaps = [str(m) for code in translations.LANGUAGES for m in translate.missing(code)]
    assert gaps == [], "translate these:\n" + "\n".join(gaps)
    uncompiled = [str(p.relative_to(ROOT)) for p in translate.stale_compiled()]
    assert uncompiled == [], "run: python -m desktop_oms.gui.forms.translate release"


def test_the_check_notices_a_missing_translation(tmp_path: Path, monkeypatch: Any) -> None:
    """The completeness check fails on an unfinished message (it is not a check that cannot)."""
    target = tmp_path / "nl"
    target.mkdir()
    (target / "x.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="nl">'
        "<context><name>Page</name>"
        "<message><source>Ready</source><translation>Klaar</translation></message>"
        '<message><source>Picked</source><translation type="unfinished"></translation>'
        "</message></context></TS>",
        encoding="utf-8",
    )
    monkeypatch.setattr(translate, "TS_DIR", tmp_path)
    assert [m.source for m in translate.missing("nl")] == ["Picked"]


def test_every_domain_reason_label_is_in_the_catalogue() -> None:
    """words.REASON_LABELS lists every domain label, so each one is extracted."""
    assert {r.label for r in REASON_CODES} <= set(words.REASON_LABELS)


def test_reason_labels_and_qt_buttons_in_dutch(qapp: QApplication) -> None:
    with language("nl"):
        assert words.reason_label("Item damaged") != "Item damaged"
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        texts = {b.text().replace("&", "") for b in box.buttons()}
        box.deleteLater()
    assert texts == {"Opslaan", "Annuleren"}
    assert words.reason_label("Item damaged") == "Item damaged"


def test_the_screen_check_finds_english(qapp: QApplication) -> None:
    """i18n_check flags an English label on a Dutch screen, and passes a Dutch one."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    with language("nl"):
        root = QWidget()
        layout = QVBoxLayout(root)
        layout.addWidget(QLabel("Nothing is waiting for pickup"))
        layout.addWidget(QLabel(QCoreApplication.translate("Reasons", "Item damaged")))
        root.show()
        found = untranslated(root)
        root.deleteLater()
    assert len(found) == 1 and "Nothing is waiting" in found[0]
    assert english_in("Jan de Vries") is None


PAGES = ("pickups", "fulfil", "stock", "orders", "count", "inventory", "conflicts")


@pytest.fixture
def dutch(qapp: QApplication) -> Any:
    """The station's Dutch catalogue installed before the window is built."""
    with language("nl"):
        yield


def test_sign_in_in_dutch(dutch: None, counter: Counter) -> None:
    """The sign-in screen, before anyone signs in, in Dutch."""
    counter.qtbot.waitUntil(lambda: counter.window.page == "sign_in", timeout=10_000)
    found = untranslated(counter.window)
    assert found == [], "English on the Dutch sign-in screen:\n" + "\n".join(found)


@pytest.mark.parametrize("page", PAGES)
def test_pages_in_dutch(dutch: None, counter: Counter, page: str) -> None:
    """Each page a manager sees, in Dutch, has no English chrome left."""
    counter.signed_in("ams1.manager")
    counter.window.show_page(page)
    counter.qtbot.wait(300)  # the page's first read answers
    found = untranslated(counter.window)
    assert found == [], f"English on the Dutch {page} page:\n" + "\n".join(found)


def test_the_language_option_offers_every_language() -> None:
    """``desktop-oms --language`` lists exactly the languages the station has catalogues for."""
    from desktop_oms.cli import _station_parser

    option = next(a for a in _station_parser()._actions if "--language" in a.option_strings)
    assert tuple(option.choices or ()) == tuple(translations.LANGUAGES)
    for code in translations.LANGUAGES:
        assert translations.catalogue_path(code).is_file()


def test_numbers_and_money_follow_the_language(qapp: QApplication) -> None:
    """Digit grouping, decimal mark and currency placement come from the language."""
    from desktop_oms.gui.numbers import decimal, grouped, money

    with language("en"):
        assert (grouped(1957), money(4598, "EUR"), money(-350, "EUR")) == (
            "1,957",
            "€45.98",
            "-€3.50",
        )
        assert (decimal(12.5, 1), money(123456, "SEK")) == ("12.5", "1,234.56 SEK")
    with language("nl"):
        assert (grouped(1957), money(11840044, "EUR"), money(-350, "EUR")) == (
            "1.957",
            "€\u00a0118.400,44",  # a no-break space: the amount never wraps from its sign
            "-€\u00a03,50",
        )
        assert decimal(12.5, 1) == "12,5"
