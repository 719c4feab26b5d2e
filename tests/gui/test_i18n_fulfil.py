"""The fulfil area in Dutch: the order panel, the pack dialog, the pick walk with its
dialogs, and the printed pick list and packing slip, with no English left.

The screens are read with :func:`tests.gui.i18n_check.untranslated` (every label, button,
tooltip, placeholder, header and accessible name); the printed documents are rendered to
PDF and read back with ``pdftotext``, line by line, with the same check. Data (product,
customer and store names, order numbers) is not translated and carries no English words
the check knows. The carrier's shipping label stays in English on purpose (see
:mod:`desktop_oms.gui.fulfil.labels`), so it is not checked here.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_oms.domain.identifiers import GtinCode, parse_code
from desktop_oms.gui.fulfil import packing_slip as ps
from desktop_oms.gui.fulfil import picklist_print as pp
from desktop_oms.gui.fulfil.picking_model import PickListModel, PickProgress
from desktop_oms.gui.fulfil.view import FulfilView
from desktop_oms.gui.productpanel import look_up
from desktop_oms.protocol.sync import FulfillmentDoc
from desktop_oms.scanner.qtdiagnostics import ScanLogWidget
from tests.gui.conftest import Counter
from tests.gui.i18n_check import english_in, language, untranslated
from tests.gui.test_labels import STORE, _doc, buy
from tests.gui.test_picking import place, stocked, synced
from tests.gui.test_picklist_print import sheet


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    """The station's Dutch catalogue installed before anything is built."""
    with language("nl"):
        yield


def _pdf_lines(path: Path) -> list[str]:
    """The PDF's text, one entry per printed line (``pdftotext -layout``)."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [" ".join(line.split()) for line in out.splitlines() if line.strip()]


def _english(lines: list[str]) -> list[str]:
    return [f"{line!r}: {why}" for line in lines if (why := english_in(line)) is not None]


def test_printed_pick_list_and_packing_slip_in_dutch(dutch: None, tmp_path: Path) -> None:
    """Both documents a Dutch station prints are Dutch: headings, counts, dates, notes."""
    picklist = pp.save_pdf(sheet(stops=5), tmp_path / "picklist.pdf")
    lines = _pdf_lines(picklist)
    text = " ".join(lines)
    for part in ("PICKLIJST", "BAKKEN", "Pagina 1 van 1", "ma 2 mrt", "2 plekken · 4 stuks"):
        assert part in text, part
    assert _english(lines) == [], "English on the Dutch pick list"

    slip = ps.build_packing_slip(FulfillmentDoc.model_validate(_doc(buy())), STORE)
    lines = _pdf_lines(ps.render_packing_slip_pdf(slip, tmp_path / "slip.pdf"))
    text = " ".join(lines)
    for part in ("PAKBON", "VERZENDEN NAAR", "5 artikelen in 2 dozen", "Levering: Spoed"):
        assert part in text, part
    assert "Besteld 5 dec" in text and "2,35 kg" in text  # a Dutch date and decimal comma
    assert _english(lines) == [], "English on the Dutch packing slip"


def test_scan_log_in_dutch(dutch: None, qtbot: QtBot) -> None:
    """The scanner diagnostics page's own words (its rows are the scanner's data)."""
    widget = ScanLogWidget()
    qtbot.addWidget(widget)
    widget.show()
    assert widget.model.headerData(5, Qt.Orientation.Horizontal) == "Ging naar"
    found = untranslated(widget)
    assert found == [], "English on the Dutch scan log:\n" + "\n".join(found)


def test_pick_list_rows_and_english_plurals(qapp: QApplication) -> None:
    """In English the plural forms read as before (the English catalogue has them)."""
    progress = PickProgress(sheet().pick_list)
    model = PickListModel()
    model.reset(progress)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Orders · totes"
    assert pp.PickSheetWords().units(1) == "1 unit"
    assert pp.PickSheetWords().stops(3) == "3 stops"
    assert ps.PackingSlipWords().boxes(2) == "2 boxes"


def open_fulfil_by_keys(counter: Counter, login: str = "ams1.manager") -> FulfilView:
    """Sign in (keys) and show the fulfil page; the page once it has read."""
    counter.signed_in(login)
    view: FulfilView = counter.window.fulfil
    with counter.qtbot.waitSignal(view.refreshed, timeout=10_000):
        counter.window.show_page("fulfil")
        view.refresh()
    return view


def test_fulfil_panel_pack_dialog_and_pick_walk_in_dutch(dutch: None, counter: Counter) -> None:
    """A Dutch station's fulfil page with an order open, the pack dialog, the pick walk
    and its count-by-hand and reject dialogs: no English chrome anywhere."""
    ((sku, price, gtin),) = stocked(counter, 1)
    number = place(counter, [(sku, 2, price)], "Joop Vertaal")
    [fid] = synced(counter, [number])
    name = counter.read(
        lambda conn: conn.exec_driver_sql(
            "SELECT name FROM products WHERE sku = ?", (sku,)
        ).scalar()
    )

    def data(where: str, text: str) -> bool:
        """The product's name and the nearby stores' list are data (the demo's product
        names are English, and one store is in The Hague)."""
        return str(name) in text or where.startswith("QLabel(nearbyStock)")

    view = open_fulfil_by_keys(counter)
    counter.qtbot.waitUntil(lambda: view.model.row_of(fid) is not None, timeout=15_000)
    with counter.qtbot.waitSignal(view.opened, timeout=10_000):
        assert view.select(fid)
    counter.qtbot.waitUntil(view.detail.isVisible, timeout=10_000)
    assert view.title.text() == "Orderverwerking"
    found = untranslated(counter.window, allow=data)
    assert found == [], "English on the Dutch fulfil page:\n" + "\n".join(found)

    # the card of a product scanned where no workflow takes it
    store_id = counter.station.store_id
    info = counter.read(lambda conn: look_up(conn, gtin, store_id))
    code = parse_code(gtin)
    assert info is not None and isinstance(code, GtinCode)
    panel = counter.window.product_panel
    panel.show_product(info, code, "AMS1")
    assert panel.here_title.text() == "Hier (AMS1)"
    found = untranslated(panel, allow=data)
    panel.dismiss()
    assert found == [], "English on the product card:\n" + "\n".join(found)

    # the pick walk, with its dialogs
    pick = view.pick_view
    with counter.qtbot.waitSignal(pick.loaded, timeout=15_000):
        counter.qtbot.keyClick(view.detail.pick_button, Qt.Key.Key_Space)
    counter.qtbot.waitUntil(lambda: pick.current_item() is not None, timeout=10_000)
    found = untranslated(counter.window, allow=data)
    assert found == [], "English on the Dutch pick walk:\n" + "\n".join(found)
    pick.count_by_hand()
    count_dialog = pick.count_dialog
    assert count_dialog is not None
    counter.qtbot.waitExposed(count_dialog)
    found = untranslated(count_dialog, allow=data)
    count_dialog.reject()
    assert found == [], "English in the count-by-hand dialog:\n" + "\n".join(found)
    pick.reject_at_stop()
    reject_dialog = pick.reject_dialog
    assert reject_dialog is not None
    counter.qtbot.waitExposed(reject_dialog)
    found = untranslated(reject_dialog, allow=data)
    reject_dialog.reject()
    assert found == [], "English in the reject dialog:\n" + "\n".join(found)

    # the pack dialog (of a delivery being picked)
    from desktop_oms.gui.fulfil.pack import PackDialog

    dialog = PackDialog("WEB-1", 3, view.box_types, view)
    dialog.show()
    counter.qtbot.waitExposed(dialog)
    found = untranslated(dialog)
    dialog.close()
    assert found == [], "English in the pack dialog:\n" + "\n".join(found)
