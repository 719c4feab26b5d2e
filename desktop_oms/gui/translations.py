"""The station's languages: which there are, where their catalogues live, and installing one.

Visible strings are written in English in the code, wrapped in ``self.tr("...")`` inside a
Qt class or ``QCoreApplication.translate("Context", "...")`` elsewhere, and in Designer
forms. Qt Linguist sources (``.ts``) live under ``resources/translations/<language>/``,
one file per *area* of the GUI (so a change to the pick list does not touch the pickup
counter's catalogue); :mod:`desktop_oms.gui.forms.translate` extracts them with
``lupdate`` and compiles each language into one ``desktop_oms_<language>.qm`` beside the
compiled forms, which is committed like them. English is the source language; its
catalogue holds only the plural forms (``%n order(s)`` → "1 order", "3 orders").

``qtbase.ts`` in each language is written by hand: the few strings of Qt's own widgets the
station shows (standard dialog buttons, the line edit's context menu), because the Qt
wheels carry no ``qtbase`` catalogues.

The language is chosen at start (``Preferences.language``); switching it applies at the
next start, as rebuilding every page in place is not worth its bugs for a setting that
changes once per station.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

#: Languages the station speaks: code -> the language's own name, as the settings list it.
LANGUAGES: dict[str, str] = {"en": "English", "nl": "Nederlands"}
#: The language of the strings in the code.
SOURCE_LANGUAGE = "en"

#: Where the compiled catalogues are (committed, bundled by pyinstaller.spec).
CATALOGUE_DIR = Path(__file__).resolve().parent / "forms"

#: The GUI's areas: each area's catalogue covers these sources (relative to the repository,
#: ``**`` globs). Every visible string of the station belongs to exactly one area.
AREAS: dict[str, tuple[str, ...]] = {
    "frame": (
        "ui/mainwindow.ui",
        "ui/signin.ui",
        "desktop_oms/gui/app.py",
        "desktop_oms/gui/approval.py",
        "desktop_oms/gui/banner.py",
        "desktop_oms/gui/demo.py",
        "desktop_oms/gui/diagnostics.py",
        "desktop_oms/gui/firstrun.py",
        "desktop_oms/gui/idle.py",
        "desktop_oms/gui/mainwindow.py",
        "desktop_oms/gui/navbadge.py",
        "desktop_oms/gui/selftest.py",
        "desktop_oms/gui/signin.py",
        "desktop_oms/gui/staff.py",
        "desktop_oms/gui/station.py",
        "desktop_oms/gui/statusbar.py",
        "desktop_oms/gui/sync_progress.py",
        "desktop_oms/gui/tasks.py",
        "desktop_oms/gui/toast.py",
        "desktop_oms/gui/words.py",
        "desktop_oms/gui/marks.py",
        "desktop_oms/gui/numbers.py",
    ),
    "pickups": (
        "desktop_oms/gui/pickups/*.py",
        "desktop_oms/gui/conflicts/*.py",
    ),
    "fulfil": (
        "desktop_oms/gui/fulfil/*.py",
        "desktop_oms/gui/barcodes.py",
        "desktop_oms/gui/detailcard.py",
        "desktop_oms/gui/productpanel.py",
        "desktop_oms/gui/scanning.py",
        "desktop_oms/scanner/qt*.py",
        "desktop_oms/gui/scanwords.py",
        "desktop_oms/gui/errortext.py",
        "desktop_oms/scanner/scan.py",
        "desktop_oms/scanner/router.py",
    ),
    "orders": (
        "desktop_oms/gui/orders/*.py",
        "desktop_oms/gui/stock/*.py",
    ),
    "inventory": (
        "desktop_oms/gui/inventory/*.py",
        "desktop_oms/gui/count/*.py",
        "desktop_oms/gui/csvexport.py",
        "desktop_oms/gui/queuetable.py",
        "desktop_oms/gui/queuetabs.py",
        "desktop_oms/gui/rowmodel.py",
    ),
    "settings": (
        "ui/settings.ui",
        "desktop_oms/gui/settingsdialog.py",
        "desktop_oms/gui/preferences.py",
        "desktop_oms/gui/printing.py",
        "desktop_oms/gui/theme.py",
    ),
}


def catalogue_path(language: str) -> Path:
    """The compiled catalogue of ``language``."""
    return CATALOGUE_DIR / f"desktop_oms_{language}.qm"


def normalise(language: str | None) -> str:
    """A supported language code for ``language`` (``nl_NL`` → ``nl``); else English."""
    code = (language or "").replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else SOURCE_LANGUAGE


class LanguageUnavailable(RuntimeError):
    """A language's compiled catalogue is missing or unreadable."""


def install(app: QCoreApplication, language: str) -> QTranslator:
    """Load ``language``'s catalogue into ``app`` and set the default locale to match.

    Returns the installed translator (keep it: Qt does not own it) so a caller can remove
    it again. English installs its plural-forms catalogue. Raises
    :class:`LanguageUnavailable` when the catalogue cannot be loaded.
    """
    code = normalise(language)
    translator = QTranslator(app)
    path = catalogue_path(code)
    if not translator.load(str(path)):
        raise LanguageUnavailable(f"the {LANGUAGES[code]} catalogue {path} cannot be loaded")
    app.installTranslator(translator)
    QLocale.setDefault(QLocale(code))
    return translator


def uninstall(app: QCoreApplication, translator: QTranslator) -> None:
    """Remove a translator installed by :func:`install` and return to the source locale."""
    app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
