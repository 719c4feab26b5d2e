"""Scans in the station's language: what a scan meant, why it was bad, where it went.

The scanner room is Qt-free and words everything in English for logs
(:func:`desktop_oms.scanner.scan.describe`, :class:`~desktop_oms.scanner.diagnostics.LogEntry`,
the router's messages). Staff see the words made here instead, from the same structured
values (the decoded code, the bad scan's reason, the route's destination): the tables the
scanner room marks with its no-op ``QT_TRANSLATE_NOOP`` (bad-scan titles, the router's
refusals) are translated under their contexts, the rest is worded here. In English every
function gives exactly the scanner room's text.

The domain's reason for a bad code (``InvalidCode.reason``) is English prose; the common
ones are recognised by pattern and worded here; in another language an unrecognised one is
left out (the title says what to do; the scanner room's English keeps it for logs).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QLocale

from desktop_oms.domain.identifiers import (
    BadgeCode,
    BinCode,
    Gs1Code,
    GtinCode,
    IdentifierKind,
    OrderCode,
)
from desktop_oms.gui import translations
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.scanner.diagnostics import LogEntry
from desktop_oms.scanner.router import NO_PLACE, SIGN_IN_FIRST, Destination, RouteResult
from desktop_oms.scanner.scan import (
    BAD_SCAN_TITLES,
    BadScan,
    Decoded,
    Scan,
    Source,
    decode,
    describe,
)

CONTEXT = "ScanWords"


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def speaks_english() -> bool:
    """Whether the station's language is the source language (English)."""
    code = QLocale().name().split("_")[0]
    return code not in translations.LANGUAGES or code == translations.SOURCE_LANGUAGE


# --- bad scans ---------------------------------------------------------------------------


def bad_scan_title(bad: BadScan) -> str:
    """The kind of mistake, e.g. "Scan incomplete — scan again", translated."""
    return QCoreApplication.translate("BadScan", BAD_SCAN_TITLES[bad.reason])


def _detail_patterns() -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
    """The domain's and the scanners' common bad-scan details, each with its wording."""
    return [
        (
            re.compile(r"check digit should be (\d) \(EAN-8\) or (\d) \(UPC-E\), not (\d)"),
            lambda m: QCoreApplication.translate(
                "ScanWords", "check digit should be {ean} (EAN-8) or {upc} (UPC-E), not {actual}"
            ).format(ean=m[1], upc=m[2], actual=m[3]),
        ),
        (
            re.compile(r"check digit should be (\d), not (\d)"),
            lambda m: QCoreApplication.translate(
                "ScanWords", "check digit should be {expected}, not {actual}"
            ).format(expected=m[1], actual=m[2]),
        ),
        (
            re.compile(r"GTIN needs 8, 12, 13 or 14 digits, got (\d+)"),
            lambda m: QCoreApplication.translate(
                "ScanWords", "GTIN needs 8, 12, 13 or 14 digits, got {count}"
            ).format(count=m[1]),
        ),
        (
            re.compile(r"contains the control character U\+([0-9A-F]{4,6})"),
            lambda m: QCoreApplication.translate(
                "ScanWords", "contains the control character U+{code}"
            ).format(code=m[1]),
        ),
        (
            re.compile(r"(.+) is not in any barcode we read; check the scanner's keyboard layout"),
            lambda m: QCoreApplication.translate(
                "ScanWords",
                "{char} is not in any barcode we read; check the scanner's keyboard layout",
            ).format(char=m[1]),
        ),
        (
            re.compile(r"GS1 code carries no GTIN \(AI 01\); it is a shipping label \(SSCC\)"),
            lambda m: QCoreApplication.translate(
                "ScanWords", "GS1 code carries no GTIN (AI 01); it is a shipping label (SSCC)"
            ),
        ),
        (
            re.compile(r"no GS1 application identifier at (.+)"),
            lambda m: QCoreApplication.translate(
                "ScanWords", "no GS1 application identifier at {text}"
            ).format(text=m[1]),
        ),
        (
            re.compile(r"GS1 field \((\d+)\) (.+) has an invalid value (.+) \(expected (.+)\)"),
            lambda m: QCoreApplication.translate(
                "ScanWords",
                "GS1 field ({ai}) {title} has an invalid value {value} (expected {format})",
            ).format(ai=m[1], title=m[2], value=m[3], format=m[4]),
        ),
        (
            re.compile(r"GS1 field \((\d+)\) appears twice with different values"),
            lambda m: QCoreApplication.translate(
                "ScanWords", "GS1 field ({ai}) appears twice with different values"
            ).format(ai=m[1]),
        ),
        (
            re.compile(r"symbology \](.+) does not carry a plain GTIN"),
            lambda m: QCoreApplication.translate(
                "ScanWords", "symbology ]{symbology} does not carry a plain GTIN"
            ).format(symbology=m[1]),
        ),
        (
            re.compile(r"unknown OMS code type (.+)"),
            lambda m: QCoreApplication.translate(
                "ScanWords", "unknown OMS code type {kind}"
            ).format(kind=m[1]),
        ),
        (
            re.compile(r"a GTIN payload has 7, 11, 12 or 13 digits, got (\d+)"),
            lambda m: QCoreApplication.translate(
                "ScanWords", "a GTIN payload has 7, 11, 12 or 13 digits, got {count}"
            ).format(count=m[1]),
        ),
        (
            re.compile(r"the scan was cut off \(no (.+) at the end\)"),
            lambda m: QCoreApplication.translate(
                "ScanWords", "the scan was cut off (no {ends} at the end)"
            ).format(
                ends=m[1].replace(" or ", " " + QCoreApplication.translate("ScanWords", "or") + " ")
            ),
        ),
        (
            re.compile(r"the scanner sent keys that are not characters: (.+)"),
            lambda m: QCoreApplication.translate(
                "ScanWords", "the scanner sent keys that are not characters: {keys}"
            ).format(keys=m[1]),
        ),
        (
            re.compile(
                r"no line ending \((.+)\) within ([\d.]+) s — check the scanner's suffix setting"
            ),
            lambda m: QCoreApplication.translate(
                "ScanWords",
                "no line ending ({ending}) within {seconds} s — check the scanner's suffix setting",
            ).format(ending=m[1], seconds=m[2]),
        ),
    ]


#: Details that are whole sentences without values (English, translated when shown).
_FIXED_DETAILS = (
    QT_TRANSLATE_NOOP("ScanWords", "nothing was scanned"),
    QT_TRANSLATE_NOOP("ScanWords", "not a product barcode or an OMS code"),
    QT_TRANSLATE_NOOP("ScanWords", "a GTIN cannot be all zeros"),
    QT_TRANSLATE_NOOP("ScanWords", "a GTIN has digits only"),
    QT_TRANSLATE_NOOP("ScanWords", "a GTIN payload has digits only"),
    QT_TRANSLATE_NOOP("ScanWords", "a UPC-E code starts with 0 or 1"),
    QT_TRANSLATE_NOOP("ScanWords", "OMS code has no type (O, B or S)"),
    QT_TRANSLATE_NOOP("ScanWords", "an order code is OMS:O:<order number>[:<pickup code>]"),
    QT_TRANSLATE_NOOP("ScanWords", "a bin label is OMS:B:<store code>:<bin>"),
    QT_TRANSLATE_NOOP("ScanWords", "a staff badge is OMS:S:<badge id>"),
    QT_TRANSLATE_NOOP("ScanWords", "GS1 code carries no GTIN (AI 01)"),
    QT_TRANSLATE_NOOP("ScanWords", "GS1 text should look like (01)09501101530003(17)251231"),
    QT_TRANSLATE_NOOP("ScanWords", "web address is not a GS1 Digital Link of a product"),
    QT_TRANSLATE_NOOP("ScanWords", "starts with ']' but has no valid symbology identifier"),
    QT_TRANSLATE_NOOP("ScanWords", "nothing follows the symbology identifier"),
    QT_TRANSLATE_NOOP("ScanWords", "the port went away before the line ended"),
    QT_TRANSLATE_NOOP("ScanWords", "a GTIN-13 payload is 12 digits"),
    QT_TRANSLATE_NOOP(
        "ScanWords",
        "order number should be 2-4 capital letters, a hyphen and 5-10 digits (WEB-1000234)",
    ),
    QT_TRANSLATE_NOOP("ScanWords", "pickup code must be 6 digits"),
    QT_TRANSLATE_NOOP("ScanWords", "store code must be 2-8 capital letters or digits"),
    QT_TRANSLATE_NOOP(
        "ScanWords",
        "bin must be 1-12 capital letters, digits or hyphens, starting with a letter or digit",
    ),
    QT_TRANSLATE_NOOP("ScanWords", "badge id must be 4-16 capital letters or digits"),
)


def bad_scan_detail(detail: str) -> str:
    """The detail of a bad scan in the station's language; "" when it is not known here
    and the station speaks another language than English (the title says enough)."""
    if detail in _FIXED_DETAILS:
        return _tr(detail)
    for pattern, words in _detail_patterns():
        match = pattern.fullmatch(detail)
        if match is not None:
            return words(match)
    return detail if speaks_english() else ""


def bad_scan_message(bad: BadScan) -> str:
    """What staff see of a bad scan: the kind of mistake, then the detail (as
    ``BadScan.message``)."""
    title, detail = bad_scan_title(bad), bad_scan_detail(bad.detail)
    return (
        QCoreApplication.translate("ScanWords", "{title}: {detail}").format(
            title=title, detail=detail
        )
        if detail
        else title
    )


# --- meanings ----------------------------------------------------------------------------


def meaning(code: Decoded) -> str:
    """One line saying what a decoded scan means (or why it is bad): ``describe`` translated."""
    if isinstance(code, BadScan):
        return bad_scan_message(code)
    if isinstance(code, GtinCode):
        kind = "UPC-E" if code.kind is IdentifierKind.UPC_E else code.kind.value
        if code.alternative is not None:
            return QCoreApplication.translate(
                "ScanWords", "Product {kind} {digits} (or UPC-E, GTIN {alternative})"
            ).format(kind=kind, digits=code.digits, alternative=code.alternative)
        return QCoreApplication.translate("ScanWords", "Product {kind} {digits}").format(
            kind=kind, digits=code.digits
        )
    if isinstance(code, Gs1Code):
        parts = [
            QCoreApplication.translate("ScanWords", "Product GTIN {gtin}").format(gtin=code.gtin14)
        ]
        if code.batch is not None:
            parts.append(
                QCoreApplication.translate("ScanWords", "batch {batch}").format(batch=code.batch)
            )
        if code.expiry is not None:
            parts.append(
                QCoreApplication.translate("ScanWords", "expiry {date}").format(
                    date=code.expiry.isoformat()
                )
            )
        if code.serial is not None:
            parts.append(
                QCoreApplication.translate("ScanWords", "serial {serial}").format(
                    serial=code.serial
                )
            )
        return ", ".join(parts)
    if isinstance(code, OrderCode):
        if code.pickup_code is None:
            return QCoreApplication.translate("ScanWords", "Order {number}").format(
                number=code.order_number
            )
        return QCoreApplication.translate(
            "ScanWords", "Pickup QR of order {number} (code {code})"
        ).format(number=code.order_number, code=code.pickup_code)
    if isinstance(code, BinCode):
        return QCoreApplication.translate("ScanWords", "Bin {bin} of store {store}").format(
            bin=code.bin, store=code.store_code
        )
    assert isinstance(code, BadgeCode)
    return QCoreApplication.translate("ScanWords", "Staff badge {badge}").format(
        badge=code.badge_id
    )


#: The views' ``scan_target_name`` values (English, set in each view), translated when shown.
TARGET_NAMES = (
    QT_TRANSLATE_NOOP("ScanTarget", "Pickups"),
    QT_TRANSLATE_NOOP("ScanTarget", "Handover"),
    QT_TRANSLATE_NOOP("ScanTarget", "Fulfil"),
    QT_TRANSLATE_NOOP("ScanTarget", "Picking"),
    QT_TRANSLATE_NOOP("ScanTarget", "Orders"),
    QT_TRANSLATE_NOOP("ScanTarget", "Stock"),
    QT_TRANSLATE_NOOP("ScanTarget", "Count"),
    QT_TRANSLATE_NOOP("ScanTarget", "Sign-in"),
    QT_TRANSLATE_NOOP("ScanTarget", "Conflict inbox"),
    QT_TRANSLATE_NOOP("ScanTarget", "Manager approval"),
    QT_TRANSLATE_NOOP("ScanTarget", "Scanner settings"),
)


def target_label(name: str) -> str:
    """A view's ``scan_target_name`` in the station's language (a name already translated,
    such as a dialog's title, is returned as it is)."""
    return QCoreApplication.translate("ScanTarget", name) if name else ""


#: Where a routed scan went, by destination (English as ``Destination``'s values).
_DESTINATIONS = {
    Destination.VIEW: QT_TRANSLATE_NOOP("ScanWords", "view"),
    Destination.OPEN_ORDER: QT_TRANSLATE_NOOP("ScanWords", "open order"),
    Destination.SIGN_IN: QT_TRANSLATE_NOOP("ScanWords", "sign in"),
    Destination.PRODUCT: QT_TRANSLATE_NOOP("ScanWords", "product panel"),
    Destination.REFUSED: QT_TRANSLATE_NOOP("ScanWords", "refused"),
    Destination.BAD: QT_TRANSLATE_NOOP("ScanWords", "bad scan"),
}


def destination_name(destination: Destination) -> str:
    """Where a scan went, in a word or two (the scan log's "Went to" column)."""
    return _tr(_DESTINATIONS[destination])


def refusal(message: str) -> str:
    """A refusal's message: the router's own (English, marked) translated; a view's refusal
    is worded by the view already and is returned as it is."""
    if message == SIGN_IN_FIRST or message in NO_PLACE.values():
        return QCoreApplication.translate("ScanRouter", message)
    return message


def result_message(result: RouteResult) -> str:
    """What the flash and the message say about a routed scan (``RouteResult.message``)."""
    if result.destination is Destination.BAD and isinstance(result.decoded, BadScan):
        return bad_scan_message(result.decoded)
    if result.destination is Destination.REFUSED:
        return refusal(result.message)
    return meaning(result.decoded)


# --- the scan log ------------------------------------------------------------------------

_SOURCES = {
    Source.WEDGE: QT_TRANSLATE_NOOP("ScanWords", "Keyboard scanner"),
    Source.SERIAL: QT_TRANSLATE_NOOP("ScanWords", "Serial scanner"),
    Source.TYPED: QT_TRANSLATE_NOOP("ScanWords", "Typed"),
}


def source_name(scan: Scan) -> str:
    """Where a scan came from (with the serial port's name)."""
    name = _tr(_SOURCES[scan.source])
    if scan.device and scan.source is Source.SERIAL:
        name += f" ({scan.device})"
    return name


def _number(value: float, decimals: int) -> str:
    # English keeps the logs' dot; another language its own decimal separator.
    if speaks_english():
        return f"{value:.{decimals}f}"
    return QLocale().toString(value, "f", decimals)


def timing_summary(gaps_ms: tuple[float, ...]) -> str:
    """The time between characters in words: ``mean 8.2 ms, max 12 ms``, or ``—``."""
    if not gaps_ms:
        return "—"
    mean = sum(gaps_ms) / len(gaps_ms)
    return QCoreApplication.translate("ScanWords", "mean {mean} ms, max {max} ms").format(
        mean=_number(mean, 1), max=_number(max(gaps_ms), 0)
    )


def timing_detail(gaps_ms: tuple[float, ...]) -> str:
    """Every gap between characters, for a tooltip."""
    if not gaps_ms:
        return QCoreApplication.translate(
            "ScanWords", "No timings (typed, or one chunk from the port)"
        )
    return QCoreApplication.translate("ScanWords", "Time between characters (ms): {gaps}").format(
        gaps=" ".join(f"{g:.0f}" for g in gaps_ms)
    )


def routed_text(result: RouteResult) -> str:
    """Where a routed scan went, with the view's name and, if refused, why."""
    text = destination_name(result.destination)
    if result.target:
        text += f": {target_label(result.target)}"
    if not result.good and result.message != describe(result.decoded):
        text += f" — {result_message(result)}"
    return text


def log_entry(result: RouteResult | Scan) -> LogEntry:
    """The scan log's row of a routed scan (or of a scan not routed) in the station's
    language; :meth:`LogEntry.of_result` / :meth:`LogEntry.of` give the English one."""
    if isinstance(result, Scan):
        english = LogEntry.of(result)
        scan, decoded, routed = result, None, ""
    else:
        english = LogEntry.of_result(result)
        scan, decoded, routed = result.scan, result.decoded, routed_text(result)
    return replace(
        english,
        source=source_name(scan),
        timing=timing_summary(scan.gaps_ms),
        timing_detail=timing_detail(scan.gaps_ms),
        meaning=meaning(decode(scan) if decoded is None else decoded),
        routed=routed,
    )
