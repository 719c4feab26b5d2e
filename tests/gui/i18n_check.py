"""Finding English left on a screen that should be Dutch.

:func:`visible_texts` collects what a user can read or hear of a widget tree: labels,
buttons, titles, tooltips, placeholders, combo items, tab and header texts, accessible
names. :func:`untranslated` keeps those that are still English: a text matching a string of
the catalogue whose Dutch differs (placeholders ``{}``, ``%1``, ``%n`` match anything), or a
text with words that are English and not Dutch. Data (customer and product names, order
numbers) is not in the catalogue and carries no such words, so it passes; a caller can
exclude more with ``allow``.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QTabBar,
    QTabWidget,
    QWidget,
)

from desktop_oms.gui import translations

TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"

#: Words common in the station's English that are not Dutch words ("order", "scan",
#: "print", "open", "status", "online" are both, so they are not here).
ENGLISH_WORDS = frozenset(
    {
        "the",
        "and",
        "with",
        "this",
        "that",
        "your",
        "pickup",
        "pickups",
        "ready",
        "search",
        "cancel",
        "save",
        "close",
        "waiting",
        "items",
        "item",
        "store",
        "stores",
        "customer",
        "customers",
        "nothing",
        "please",
        "here",
        "not",
        "are",
        "has",
        "have",
        "will",
        "for",
        "from",
        "yes",
        "back",
        "stock",
        "count",
        "sign",
        "signed",
        "out",
        "to",
        "at",
        "by",
        "on",
        "new",
        "all",
        "none",
        "today",
        "ago",
        "no",
        "it",
        "be",
        "can",
        "cannot",
        "there",
        "which",
        "when",
        "what",
        "who",
        "why",
        "how",
        "line",
        "lines",
        "shelf",
        "reason",
        "changes",
        "change",
        "show",
        "send",
        "sent",
        "name",
        "phone",
        "address",
        "total",
        "error",
        "failed",
        "unknown",
        "picked",
        "packed",
        "shipped",
        "print",
        "printed",
        # not "printer": Dutch says printer too (glossary)
        "quantity",
        "available",
        "nearby",
        "hours",
        "refresh",
        "try",
        "again",
        "queued",
        "undo",
        "confirm",
        "confirmed",
        "done",
    }
)
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_TAG = re.compile(r"<[^>]+>")
_PLACEHOLDER = re.compile(r"\{[^}]*\}|%n|%L?\d|%s|%d")


@contextmanager
def language(code: str) -> Iterator[None]:
    """Install ``code``'s catalogue for the duration (build widgets inside)."""
    app = QCoreApplication.instance()
    assert app is not None
    translator = translations.install(app, code)
    try:
        yield
    finally:
        translations.uninstall(app, translator)


@cache
def catalogue(code: str = "nl") -> dict[str, str]:
    """English source → translation, for every finished message of ``code``."""
    found: dict[str, str] = {}
    for path in sorted((TS_DIR / code).glob("*.ts")):
        for message in ET.parse(path).getroot().iter("message"):  # noqa: S314
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            found[source] = forms[0] if forms else (translation.text or "")
    return found


@cache
def _kept(code: str) -> frozenset[str]:
    """English sources (as shown: no ``&``) that some context of ``code``'s catalogues
    translates to themselves (Dutch "Open" for the fulfil tab; Qt's "&Open" is "Openen")."""
    kept = set()
    for path in sorted((TS_DIR / code).glob("*.ts")):
        for message in ET.parse(path).getroot().iter("message"):  # noqa: S314
            translation = message.find("translation")
            if translation is not None and translation.text == message.findtext("source"):
                kept.add(_plain(message.findtext("source") or ""))
    return frozenset(kept)


@cache
def _patterns(code: str) -> list[tuple[re.Pattern[str], str]]:
    """A regular expression per English source that its Dutch does not equal."""
    found = []
    for source, target in catalogue(code).items():
        if _plain(source) in _kept(code):  # right as it is in some context ("Open" tab)
            continue
        if source == target or not re.search("[A-Za-z]{3}", _PLACEHOLDER.sub("", source)):
            continue
        parts = _PLACEHOLDER.split(_plain(source))
        if sum(len(p.strip()) for p in parts) < 4:
            continue
        found.append((re.compile("^" + ".+?".join(map(re.escape, parts)) + "$", re.S), source))
    return found


def _plain(text: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", text)).replace("&", "").split())


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """``(where, text)`` for every text a user can read or hear in ``root``'s visible tree."""
    found: list[tuple[str, str]] = []
    said: set[tuple[int, str]] = set()  # a widget's text once (a label's name is its text)

    def add(widget: QWidget, what: str, text: str | None) -> None:
        plain = _plain(text or "")
        if plain and (id(widget), plain) not in said:
            said.add((id(widget), plain))
            found.append((f"{type(widget).__name__}({widget.objectName()}).{what}", plain))

    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        add(widget, "windowTitle", widget.windowTitle() if widget.isWindow() else "")
        add(widget, "toolTip", widget.toolTip())
        add(widget, "accessibleName", widget.accessibleName())
        add(widget, "accessibleDescription", widget.accessibleDescription())
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, "text", widget.text())
        elif isinstance(widget, QLineEdit):
            add(widget, "placeholderText", widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for row in range(widget.count()):
                add(widget, f"item{row}", widget.itemText(row))
        elif isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(widget, f"tab{index}", widget.tabText(index))
                add(widget, f"tabToolTip{index}", widget.tabToolTip(index))
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget, f"tab{index}", widget.tabText(index))
        elif (
            isinstance(widget, QAbstractItemView)
            and not isinstance(widget, QListView)  # no header; columnCount is private
            and widget.model() is not None
        ):
            model = widget.model()
            for column in range(model.columnCount(QModelIndex())):
                add(
                    widget,
                    f"header{column}",
                    str(model.headerData(column, Qt.Orientation.Horizontal) or ""),
                )
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is not None and interface.isValid():
            add(widget, "accessible", interface.text(QAccessible.Text.Name))
    return found


def english_in(text: str, code: str = "nl") -> str | None:
    """Why ``text`` reads as English: the catalogue string it is, or its English words."""
    for pattern, source in _patterns(code):
        if pattern.match(text):
            return f"is the English of {source!r}"
    words = [w for w in _WORD.findall(text) if w.lower() in ENGLISH_WORDS]
    if words:
        return f"has English words {words}"
    return None


def untranslated(
    root: QWidget, *, code: str = "nl", allow: Callable[[str, str], bool] | None = None
) -> list[str]:
    """Texts in ``root`` that are still English, each with where it is and why.

    A text is reported once per widget, though a label's text is also its accessible name.
    """
    found: dict[tuple[str, str], str] = {}
    for where, text in visible_texts(root):
        if allow is not None and allow(where, text):
            continue
        why = english_in(text, code)
        widget = where.rsplit(".", 1)[0]
        if why is not None and (widget, text) not in found:
            found[widget, text] = f"{where}: {text!r} {why}"
    return sorted(found.values())
