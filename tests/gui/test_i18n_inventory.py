"""The Count and Inventory pages in Dutch beyond their first screen: a count in progress,
the stock correction dialog and the variance review; every list of the Inventory page and
the CSV file it exports (whose header follows the station's language). Each screen is
scanned for English left over (:mod:`tests.gui.i18n_check`)."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_oms.gui.inventory.view import LISTS, InventoryView
from tests.gui.conftest import Counter
from tests.gui.i18n_check import language, untranslated
from tests.gui.test_count import shelf_to_count


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    """The Dutch catalogue installed before the window is built."""
    with language("nl"):
        yield


def product_names(counter: Counter) -> list[str]:
    """Every product name of the catalogue (data, not wording: "The Golden River")."""
    rows = counter.read(lambda conn: conn.exec_driver_sql("SELECT name FROM products").all())
    return [str(name) for (name,) in rows]


def english(root: Any, names: Sequence[str] = ()) -> str:
    """The English under ``root`` ("" when none), product ``names`` taken out first."""

    def data(_where: str, text: str) -> bool:
        return any(name in text for name in names if len(name) > 3)

    return "\n".join(untranslated(root, allow=data))


def test_a_count_its_correction_and_review_in_dutch(dutch: None, counter: Counter) -> None:
    """A manager counts a bay in Dutch: the counting screen with a line counted, the stock
    correction dialog and the review show no English."""
    counter.signed_in("ams1.manager")
    names = product_names(counter)
    bay, items, _other = shelf_to_count(counter, least=2)
    (sku, _gtin, _on_hand), *_rest = items
    window = counter.window
    window.show_page("count")
    view = window.count
    counter.qtbot.waitUntil(lambda: view.department.count() > 0, timeout=10_000)
    found = english(window, names)
    assert found == "", f"English on the Dutch count page:\n{found}"
    counter.qtbot.keyClicks(view.shelf, "H-99")  # no such bay: the cache says why, in Dutch
    counter.qtbot.keyClick(view.shelf, Qt.Key.Key_Return)
    counter.qtbot.waitUntil(lambda: view.choose_error.text() != "", timeout=10_000)
    assert view.choose_error.text().startswith("“H-99” is geen schap")
    view.shelf.clear()

    with counter.qtbot.waitSignal(view.opened, timeout=10_000):
        counter.qtbot.keyClicks(view.shelf, bay)
        counter.qtbot.keyClick(view.shelf, Qt.Key.Key_Return)
    assert view.title.text() == f"Gangpad {bay[0]}, stelling {bay[2:]} tellen"
    counter.qtbot.waitUntil(lambda: view.codes is not None, timeout=10_000)
    with counter.qtbot.waitSignal(view.counted, timeout=10_000):
        counter.qtbot.keyClicks(view.code_edit, sku)
        counter.qtbot.keyClick(view.code_edit, Qt.Key.Key_Return)
    counter.qtbot.waitUntil(lambda: dict(view.lines()).get(sku) == 1, timeout=10_000)
    assert view.items.text() == "stuks · 1 artikel geteld"
    found = english(window, names)
    assert found == "", f"English while counting in Dutch:\n{found}"

    view.table.selectRow(0)
    view.correct_selected()
    dialog = view.adjust_dialog
    assert dialog is not None
    counter.qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    try:
        found = english(dialog, names)
        assert found == "", f"English in the Dutch correction dialog:\n{found}"
    finally:
        dialog.reject()

    with counter.qtbot.waitSignal(view.reviewed, timeout=10_000):
        counter.qtbot.mouseClick(view.review_button, Qt.MouseButton.LeftButton)
    found = english(window, names)
    assert found == "", f"English on the Dutch count review:\n{found}"
    assert view.submit_note.text().startswith("Indienen verstuurt")


def test_every_inventory_list_and_its_csv_in_dutch(
    dutch: None, counter: Counter, tmp_path: Path
) -> None:
    """Each list of the Inventory page in Dutch; the exported CSV's header is Dutch too
    (the file is for the store's own spreadsheet; its values stay raw numbers)."""
    counter.signed_in("ams1.manager")
    window = counter.window
    view: InventoryView = window.inventory
    with counter.qtbot.waitSignal(view.refreshed, timeout=15_000):
        window.show_page("inventory")
    for name in LISTS:
        if name in ("out_of_stock", "low_stock"):
            with counter.qtbot.waitSignal(view.refreshed, timeout=15_000):
                view.show_list(name)
        else:
            view.show_list(name)
        found = english(window)
        assert found == "", f"English on the Dutch inventory list {name}:\n{found}"

    view.show_list("departments")
    target = tmp_path / "afdelingen.csv"
    with counter.qtbot.waitSignal(view.exported, timeout=10_000):
        view.export_csv(target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        header, first, *_rest = list(csv.reader(handle))
    assert header[:4] == ["Afdeling", "SKU's", "Stuks aanwezig", "Voorraadwaarde"]
    assert float(first[3]) >= 0  # the value is a number, not "€ 1.234,50"
