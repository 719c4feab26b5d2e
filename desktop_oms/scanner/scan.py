"""The :class:`Scan` value every scanner produces, and :func:`decode`, which reads it.

Decoding is the domain's (:func:`desktop_oms.domain.identifiers.parse_code`: GTIN-8/12/
13/14, UPC-E, GS1 element strings and Digital Links through biip, our order, pickup, bin
and badge codes). This module adds what a *scanner* needs on top: a scan that went wrong
on the way in (cut off, odd keys) is a bad scan before it is parsed, and every failure
gets a :class:`BadScanReason` — the kind of mistake, for the sound, the diagnostics page
and the wording — besides the domain's precise message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from statistics import fmean
from typing import TypeAlias

from desktop_oms.domain.errors import InvalidCode
from desktop_oms.domain.identifiers import (
    GS,
    BadgeCode,
    BinCode,
    DecodedCode,
    Gs1Code,
    GtinCode,
    IdentifierKind,
    OrderCode,
    parse_code,
)


class Source(StrEnum):
    """Where a scan came from: a keyboard-wedge burst, a serial port, or typed by hand."""

    WEDGE = "wedge"
    SERIAL = "serial"
    TYPED = "typed"


@dataclass(frozen=True, slots=True)
class Scan:
    """One read of a barcode, as it arrived.

    ``text`` is what the scanner sent without its configured prefix and terminator (control
    characters such as GS kept); ``terminator`` is the end it sent (``"\\r"``, ``"\\t"``,
    ``"\\r\\n"``, or ``""`` when the burst ended by silence); ``gaps_ms`` the time between
    successive characters (the last one up to the terminator), for diagnostics; ``device``
    the keyboard or the serial port; ``problem`` says what went wrong on the way in (a
    burst cut off half-way, a key that is no character), in which case the scan is bad
    whatever its text.
    """

    text: str
    source: Source
    at: datetime
    gaps_ms: tuple[float, ...] = ()
    terminator: str = ""
    device: str = ""
    problem: str | None = None

    @classmethod
    def typed(cls, text: str) -> Scan:
        """A code typed into a scan field by hand (no timings)."""
        return cls(text, Source.TYPED, datetime.now(UTC), device="keyboard")

    @property
    def symbology(self) -> str | None:
        """The barcode type this probably was, from its symbology identifier or its shape."""
        return guess_symbology(self.text)

    @property
    def mean_gap_ms(self) -> float | None:
        """Average time between characters, or None for a scan without timings."""
        return fmean(self.gaps_ms) if self.gaps_ms else None

    @property
    def max_gap_ms(self) -> float | None:
        """Longest time between two characters, or None for a scan without timings."""
        return max(self.gaps_ms) if self.gaps_ms else None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate knows)
    """``text`` unchanged: marks an English literal for ``lupdate`` (under ``context``) that
    the GUI translates when it shows it; the scanner room stays Qt-free and English."""
    return text


# --- symbology ---------------------------------------------------------------------------

#: ISO/IEC 15424 symbology identifiers (what a scanner prefixes when told to), by code.
AIM_SYMBOLOGIES = {
    "A": "Code 39",
    "C": "Code 128",
    "C1": "GS1-128",
    "d": "Data Matrix",
    "d2": "GS1 DataMatrix",
    "E": "EAN/UPC",
    "E0": "EAN-13/UPC-A/UPC-E",
    "E3": "EAN/UPC with add-on",
    "E4": "EAN-8",
    "e": "GS1 DataBar",
    "F": "Codabar",
    "G": "Code 93",
    "I": "Interleaved 2 of 5",
    "I1": "ITF-14",
    "J1": "GS1 DotCode",
    "L": "PDF417",
    "Q": "QR Code",
    "Q3": "GS1 QR Code",
    "z": "Aztec",
}
_AIM_RE = re.compile(r"\]([A-Za-z])([0-9A-Za-z])")
_GTIN_NAMES = {8: "EAN-8 or UPC-E", 12: "UPC-A", 13: "EAN-13", 14: "ITF-14 or GTIN-14"}


def guess_symbology(text: str) -> str | None:
    """The symbology named by the scan's ``]Xn`` identifier, or a guess from its content."""
    body = text.strip()
    match = _AIM_RE.match(body)
    if match is not None:
        letter, modifier = match.groups()
        return AIM_SYMBOLOGIES.get(letter + modifier) or AIM_SYMBOLOGIES.get(letter)
    compact = body.replace(" ", "")
    if compact.isascii() and compact.isdigit():
        return _GTIN_NAMES.get(len(compact), "GS1-128" if len(compact) > 14 else None)
    if body[:4].upper() == "OMS:":
        return "QR Code or Code 128"
    if GS in body:
        return "GS1-128 or GS1 DataMatrix"
    if body.lower().startswith(("http://", "https://")):
        return "QR Code"
    return None


# --- kinds and decoding ------------------------------------------------------------------


class ScanKind(StrEnum):
    """What a decoded scan is about, as views declare what they take."""

    PRODUCT = "product"
    ORDER = "order"
    PICKUP = "pickup"
    BIN = "bin"
    BADGE = "badge"


ProductCode: TypeAlias = GtinCode | Gs1Code


def kind_of(code: DecodedCode) -> ScanKind:
    """The kind of a decoded code: a pickup QR is an order code that carries a pickup code."""
    if isinstance(code, GtinCode | Gs1Code):
        return ScanKind.PRODUCT
    if isinstance(code, OrderCode):
        return ScanKind.ORDER if code.pickup_code is None else ScanKind.PICKUP
    if isinstance(code, BinCode):
        return ScanKind.BIN
    return ScanKind.BADGE


class BadScanReason(StrEnum):
    """The kind of mistake in a bad scan."""

    EMPTY = "empty"
    INCOMPLETE = "incomplete"
    CHARACTERS = "characters"
    CHECK_DIGIT = "check_digit"
    LENGTH = "length"
    GS1 = "gs1"
    OMS = "oms"
    UNKNOWN = "unknown"


#: What each kind of mistake is called (English, for logs; marked for the GUI, which
#: translates them under the context ``BadScan``: :mod:`desktop_oms.gui.scanwords`).
BAD_SCAN_TITLES = {
    BadScanReason.EMPTY: QT_TRANSLATE_NOOP("BadScan", "Nothing was scanned"),
    BadScanReason.INCOMPLETE: QT_TRANSLATE_NOOP("BadScan", "Scan incomplete — scan again"),
    BadScanReason.CHARACTERS: QT_TRANSLATE_NOOP(
        "BadScan", "Unexpected characters — check the scanner's keyboard setting"
    ),
    BadScanReason.CHECK_DIGIT: QT_TRANSLATE_NOOP(
        "BadScan", "Check digit wrong — scan again or type the number"
    ),
    BadScanReason.LENGTH: QT_TRANSLATE_NOOP("BadScan", "Not a product barcode"),
    BadScanReason.GS1: QT_TRANSLATE_NOOP("BadScan", "Malformed GS1 barcode"),
    BadScanReason.OMS: QT_TRANSLATE_NOOP("BadScan", "Malformed order, bin or badge code"),
    BadScanReason.UNKNOWN: QT_TRANSLATE_NOOP("BadScan", "Unknown barcode"),
}


@dataclass(frozen=True, slots=True)
class BadScan:
    """A scan that means nothing we can act on: the kind of mistake and the detail."""

    raw: str
    reason: BadScanReason
    detail: str

    @property
    def message(self) -> str:
        """What staff see: the kind of mistake, then the detail."""
        return f"{BAD_SCAN_TITLES[self.reason]}: {self.detail}"

    def __str__(self) -> str:
        return self.message


Decoded: TypeAlias = DecodedCode | BadScan

_GTIN_LENGTHS = frozenset({8, 12, 13, 14})
_GS1_AIM = frozenset({"C1", "d2", "Q3", "e0", "J1"})
_ALLOWED_RE = re.compile(r"[\x20-\x7e\x1d]*")


def decode(scan: Scan | str) -> Decoded:
    """The decoded code of a scan (or of typed text), or a :class:`BadScan` saying why not.

    Never raises for any input.
    """
    if isinstance(scan, Scan) and scan.problem is not None:
        return BadScan(scan.text, BadScanReason.INCOMPLETE, scan.problem)
    raw = scan.text if isinstance(scan, Scan) else scan
    try:
        return parse_code(raw)
    except InvalidCode as exc:
        return BadScan(raw, _classify(raw), exc.reason)


def _classify(raw: str) -> BadScanReason:
    """The kind of mistake in text the domain refused, from the shape of the text."""
    body = raw.strip()
    if not body:
        return BadScanReason.EMPTY
    if _ALLOWED_RE.fullmatch(body) is None:
        return BadScanReason.CHARACTERS
    symbology = None
    match = _AIM_RE.match(body)
    if match is not None:
        symbology, body = match.group(1) + match.group(2), body[match.end() :].strip()
    if body[:4].upper() == "OMS:":
        return BadScanReason.OMS
    if (
        symbology in _GS1_AIM
        or GS in body
        or body.startswith("(")
        or body.lower().startswith(("http://", "https://"))
    ):
        return BadScanReason.GS1
    digits = body.replace(" ", "")
    if digits.isascii() and digits.isdigit():
        if len(digits) in _GTIN_LENGTHS:
            # A digit string of a GTIN's length fails on its check digit, or is all zeros.
            return BadScanReason.UNKNOWN if digits.strip("0") == "" else BadScanReason.CHECK_DIGIT
        if len(digits) > 14 and digits.startswith(("00", "01")):
            return BadScanReason.GS1
        return BadScanReason.LENGTH
    return BadScanReason.UNKNOWN


def describe(code: Decoded) -> str:
    """One line saying what a decoded scan means (or why it is bad), for people."""
    if isinstance(code, BadScan):
        return code.message
    if isinstance(code, GtinCode):
        kind = "UPC-E" if code.kind is IdentifierKind.UPC_E else code.kind.value
        text = f"Product {kind} {code.digits}"
        if code.alternative is not None:
            text += f" (or UPC-E, GTIN {code.alternative})"
        return text
    if isinstance(code, Gs1Code):
        parts = [f"Product GTIN {code.gtin14}"]
        if code.batch is not None:
            parts.append(f"batch {code.batch}")
        if code.expiry is not None:
            parts.append(f"expiry {code.expiry.isoformat()}")
        if code.serial is not None:
            parts.append(f"serial {code.serial}")
        return ", ".join(parts)
    if isinstance(code, OrderCode):
        if code.pickup_code is None:
            return f"Order {code.order_number}"
        return f"Pickup QR of order {code.order_number} (code {code.pickup_code})"
    if isinstance(code, BinCode):
        return f"Bin {code.bin} of store {code.store_code}"
    assert isinstance(code, BadgeCode)
    return f"Staff badge {code.badge_id}"
