"""The scanner room's and the domain's wording in Dutch (gui.scanwords, gui.errortext).

Scans go through the real router, scan log model and widget, and, on the station, through
the real window's scan field typed with keys; domain errors come from the real domain and
the cache's predictor. In English everything stays exactly the scanner room's and the
domain's text, which the logs keep in any language.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop_oms.cache.predict import _verify
from desktop_oms.domain.errors import (
    DomainError,
    InvalidCode,
    MissingRequirement,
    NotFound,
    StaleVersion,
)
from desktop_oms.domain.identifiers import order_code, parse_code
from desktop_oms.domain.roles import Role
from desktop_oms.domain.status import Action, FulfillmentMethod, FulfillmentStatus, transition
from desktop_oms.gui.errortext import error_text
from desktop_oms.gui.scanwords import log_entry, meaning, result_message
from desktop_oms.scanner.diagnostics import LogEntry
from desktop_oms.scanner.qtdiagnostics import Column, ScanLogModel, ScanLogWidget
from desktop_oms.scanner.router import (
    SIGN_IN_FIRST,
    Destination,
    RouterHooks,
    ScanRouter,
    ScanTarget,
)
from desktop_oms.scanner.scan import BadScan, Scan, ScanKind, Source, decode, describe
from tests.gui.conftest import Counter
from tests.gui.i18n_check import english_in, language, untranslated

GS = "\x1d"
#: Codes of every kind and the common bad ones (a wrong check digit, a cut-off burst, ...).
CODES = (
    "4006381333931",  # EAN-13
    "4006381333932",  # check digit wrong
    "96385074",  # EAN-8
    "01234565",  # EAN-8 or UPC-E
    f"]C10109501101530003{GS}10LOT42{GS}17271231",  # GS1-128 with batch and expiry
    "0109501101530003",
    "OMS:O:WEB-1000234",
    "OMS:O:WEB-1000234:483920",
    "OMS:B:AMS1:C-41",
    "OMS:S:B1234",
    "OMS:X:1",
    "12345",
    "0000000000000",
    "   ",
    "abc\x07",
    "]Zz",
    "00123456789012345675",
)


class FakeView:
    """A page that takes product codes (as a real one would) and refuses bin labels."""

    scan_target_name = "Pickups"

    def accepts(self, kind: ScanKind) -> bool:
        return kind is ScanKind.PRODUCT

    def handle(self, scan: Scan, code: Any) -> None:
        """Take it."""


def router(signed_in: bool = True) -> ScanRouter:
    """The real router, with hooks that take everything they are given."""
    view: ScanTarget = FakeView()
    return ScanRouter(
        RouterHooks(
            front=lambda: view,
            signed_in=lambda: signed_in,
            sign_in=lambda scan, code: None,
            open_order=lambda scan, code: None,
            show_product=lambda scan, code: None,
        )
    )


def wedge_scan(text: str, problem: str | None = None) -> Scan:
    """A scan as a USB scanner's burst arrives (8 ms a key, Enter at the end)."""
    gaps = tuple(8.0 + (i % 3) for i in range(len(text)))
    return Scan(text, Source.WEDGE, datetime.now(UTC), gaps, "\r", "keyboard", problem)


@pytest.fixture
def dutch() -> Iterator[None]:
    """The Dutch catalogue installed (build widgets inside)."""
    with language("nl"):
        yield


def no_english(text: str) -> None:
    why = english_in(text)
    assert why is None, f"{text!r} {why}"


# --- scans -------------------------------------------------------------------------------


def test_english_scan_words_are_the_scanner_rooms(qapp: Any) -> None:
    """In English every scan is worded exactly as the scanner room words it for logs."""
    for signed_in in (True, False):
        for text in CODES:
            result = router(signed_in).route(wedge_scan(text))
            assert result_message(result) == result.message
            assert meaning(result.decoded) == describe(result.decoded)
            assert log_entry(result) == LogEntry.of_result(result)
    cut = wedge_scan("40063813", "the scan was cut off (no Enter or Tab at the end)")
    assert log_entry(cut) == LogEntry.of(cut)


def test_bad_product_and_order_scans_in_dutch(dutch: None) -> None:
    """A bad scan, a product, an order, a pickup QR and a refusal, as staff read them."""
    route = router().route
    bad = route(wedge_scan("4006381333932"))
    assert bad.destination is Destination.BAD
    assert result_message(bad) == (
        "Controlecijfer klopt niet — scan opnieuw of typ het nummer: "
        "controlecijfer moet 1 zijn, niet 2"
    )
    product = route(wedge_scan("4006381333931"))
    assert result_message(product) == "Product GTIN-13 4006381333931"
    gs1 = route(wedge_scan(f"0109501101530003{GS}10LOT42{GS}17271231"))
    assert (
        result_message(gs1) == "Product GTIN 09501101530003, partij LOT42, houdbaar tot 2027-12-31"
    )
    order = route(wedge_scan(order_code("WEB-1000234")))
    assert order.destination is Destination.OPEN_ORDER
    assert result_message(order) == "Bestelling WEB-1000234"
    pickup = route(wedge_scan("OMS:O:WEB-1000234:483920"))
    assert result_message(pickup) == "Afhaal-QR van bestelling WEB-1000234 (code 483920)"
    refused = router(signed_in=False).route(wedge_scan("4006381333931"))
    assert refused.message == SIGN_IN_FIRST  # English for the logs
    assert result_message(refused) == (
        "Meld je eerst aan: scan je personeelspas of typ je gebruikersnaam en pincode"
    )
    cut = decode(wedge_scan("40063813", "the scan was cut off (no Enter or Tab at the end)"))
    assert isinstance(cut, BadScan)
    assert (
        meaning(cut)
        == "Scan onvolledig — scan opnieuw: de scan is afgebroken (geen Enter of Tab aan het eind)"
    )
    for signed_in in (True, False):
        for text in CODES:
            result = router(signed_in).route(wedge_scan(text))
            no_english(result_message(result))
            assert result.message == router(signed_in).route(wedge_scan(text)).message


def test_scan_log_rows_in_dutch(dutch: None, qtbot: Any) -> None:
    """The Scan log tab: every cell and tooltip of every kind of scan reads Dutch; the
    rows' English twins (``LogEntry.of_result``) stay for the logs."""
    widget = ScanLogWidget()
    qtbot.addWidget(widget)
    model: ScanLogModel = widget.model
    results = [router(signed_in).route(wedge_scan(t)) for t in CODES for signed_in in (1, 0)]
    for result in results:
        model.add_result(result)
    model.add_scan(Scan.typed("OMS:S:B1234"))
    widget.show()
    qtbot.waitExposed(widget)
    assert untranslated(widget) == []
    texts = []
    for row in range(model.rowCount()):
        for column in Column:
            index = model.index(row, column, QModelIndex())
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str) and column is not Column.RAW:
                    texts.append(value)
    for text in texts:
        no_english(text)
    first = model.entries[0]
    assert first.source == "Toetsenbordscanner" and first.timing.startswith("gemiddeld ")
    assert first.routed == "scherm: Afhalen"
    assert "Toetsenbordscanner" not in LogEntry.of_result(results[0]).source  # English kept


# --- domain errors -----------------------------------------------------------------------


def domain_errors() -> list[DomainError]:
    """Errors staff meet, raised by the real domain and the cache's predictor."""
    found: list[DomainError] = []
    attempts = [
        lambda: transition(
            FulfillmentMethod.STORE_PICKUP,
            FulfillmentStatus.SHIPPED,
            Action.PACK,
            Role.ASSOCIATE,
        ),
        lambda: transition(
            FulfillmentMethod.STORE_PICKUP,
            FulfillmentStatus.READY_FOR_PICKUP,
            Action.HAND_OVER,
            Role.ASSOCIATE,
        ),
        lambda: _verify({"pickup_code": "111111"}, {"method": "pickup_code", "pickup_code": "2"}),
        lambda: _verify({}, {"method": "id", "collector_name": "Ann"}),
        lambda: parse_code("4006381333932"),
    ]
    for attempt in attempts:
        with pytest.raises(DomainError) as raised:
            attempt()
        found.append(raised.value)
    found += [
        StaleVersion("order WEB-1000234", 3, 4),
        NotFound("a message no case knows"),
        MissingRequirement("something new"),
    ]
    return found


def test_domain_errors_in_english_are_their_messages(qapp: Any) -> None:
    """English: the domain's own sentence, unchanged."""
    for exc in domain_errors():
        assert error_text(exc) == exc.message
    assert error_text(ValueError("plain")) == "plain"


def test_domain_errors_in_dutch(dutch: None) -> None:
    """Dutch: a sentence per case with its values in Dutch words, else one per kind."""
    texts = [error_text(exc) for exc in domain_errors()]
    assert texts[:5] == [
        "Je kunt deze bestelling niet inpakken: ze is verzonden.",
        "Voor overhandigen is nog nodig: controle van de afhaalcode of legitimatie.",
        "De afhaalcode hoort niet bij deze bestelling.",
        "Voor de legitimatiecontrole is nog nodig: het soort legitimatie, "
        "de laatste cijfers van de legitimatie.",
        "“4006381333932” is geen geldige code. Controlecijfer moet 1 zijn, niet 2.",
    ]
    assert texts[5] == "Dit is intussen gewijzigd: bekijk het opnieuw en probeer het nog eens."
    assert texts[6:] == [
        "Dit is niet gevonden op dit werkstation.",
        "Er ontbreekt nog iets: controleer het formulier.",
    ]
    for text in texts:
        no_english(text)
    assert isinstance(domain_errors()[4], InvalidCode)


# --- on the station ----------------------------------------------------------------------


def test_scans_typed_at_the_station_in_dutch(dutch: None, counter: Counter) -> None:
    """Signed in, keys only: a bad code in the scan field says why in Dutch; an order's
    code opens it; the scan log holds both in Dutch."""
    counter.signed_in("ams1.manager")
    window, qtbot = counter.window, counter.qtbot
    number = counter.read(
        lambda conn: conn.exec_driver_sql(
            "SELECT order_number FROM fulfillments ORDER BY id LIMIT 1"
        ).scalar_one()
    )
    window.focus_scan()
    qtbot.waitUntil(window.ui.scanEdit.hasFocus, timeout=5_000)
    with qtbot.waitSignal(window.scanners.dispatcher.routed, timeout=5_000):
        qtbot.keyClicks(window.ui.scanEdit, "4006381333932")
        qtbot.keyClick(window.ui.scanEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(window.toast.isVisible, timeout=5_000)
    toast = window.toast.text.text()
    assert toast.startswith("Controlecijfer klopt niet"), toast
    no_english(toast)
    window.focus_scan()
    with qtbot.waitSignal(window.scanners.dispatcher.routed, timeout=5_000) as routed:
        qtbot.keyClicks(window.ui.scanEdit, order_code(str(number)))
        qtbot.keyClick(window.ui.scanEdit, Qt.Key.Key_Return)
    assert routed.args[0].good
    rows = window.scanners.log.entries[-2:]
    assert rows[0].meaning.startswith("Controlecijfer klopt niet") and not rows[0].good
    assert rows[1].meaning == f"Bestelling {number}"
    for row in rows:
        for text in (row.source, row.timing_detail, row.meaning, row.routed):
            no_english(text)
