"""Barcode and identifier parsing: GTINs, UPC-E, GS1 element strings and our own OMS codes.

Every scan or typed code goes through :func:`parse_code`, which returns one of the code
dataclasses below or raises :class:`InvalidCode` with a reason a user can act on. Product
lookups use the 14-digit GTIN key (:func:`normalize_gtin`), so an EAN-13, its UPC-A twin
and its UPC-E form all find the same product.

The GTIN check digit is computed here (it is one line, and a product lookup per scan must
be cheap); biip, imported on first use because loading it takes ~80 ms, expands UPC-E and
reads GS1 element strings and Digital Links.

Our own codes are plain ASCII (``OMS:O:WEB-1000234:123456``) so that a keyboard-wedge
scanner types them the same on any keyboard layout; they are read case-insensitively
because a scanner on a caps-locked keyboard inverts letter case.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, TypeAlias

from desktop_oms.domain.errors import InvalidCode

if TYPE_CHECKING:
    from biip.gs1_element_strings import GS1ElementString

GS = "\x1d"
"""ASCII group separator: what scanners send for FNC1 between GS1 fields."""


class IdentifierKind(StrEnum):
    """The kind of a product identifier: a GTIN format, UPC-E, or a store's own code."""

    GTIN_8 = "GTIN-8"
    GTIN_12 = "GTIN-12"
    GTIN_13 = "GTIN-13"
    GTIN_14 = "GTIN-14"
    UPC_E = "UPC-E"
    STORE = "store"


_KIND_BY_LENGTH = {
    8: IdentifierKind.GTIN_8,
    12: IdentifierKind.GTIN_12,
    13: IdentifierKind.GTIN_13,
    14: IdentifierKind.GTIN_14,
}


@dataclass(frozen=True, slots=True)
class GtinCode:
    """A product barcode: its 14-digit lookup key, the digits as scanned, and their format.

    ``alternative`` is set only for an 8-digit scan without a symbology identifier that is
    valid both as EAN-8 and as UPC-E: it is the UPC-E reading's key, to try as well.
    """

    gtin14: str
    digits: str
    kind: IdentifierKind
    alternative: str | None = None

    @property
    def lookup_keys(self) -> tuple[str, ...]:
        """The GTIN-14 keys to look the product up by, most likely first."""
        return (self.gtin14,) if self.alternative is None else (self.gtin14, self.alternative)


@dataclass(frozen=True, slots=True)
class Gs1Code:
    """A GS1 element string (GS1-128, GS1 DataMatrix/QR, Digital Link) carrying a GTIN."""

    gtin14: str
    batch: str | None = None
    expiry: dt.date | None = None
    serial: str | None = None


@dataclass(frozen=True, slots=True)
class OrderCode:
    """An order code (``OMS:O:<number>``) or a pickup QR (``OMS:O:<number>:<pickup code>``)."""

    order_number: str
    pickup_code: str | None = None


@dataclass(frozen=True, slots=True)
class BinCode:
    """A pickup/staging bin label of one store (``OMS:B:<store>:<bin>``)."""

    store_code: str
    bin: str


@dataclass(frozen=True, slots=True)
class BadgeCode:
    """A staff badge (``OMS:S:<badge id>``), used to sign in by scan."""

    badge_id: str


DecodedCode: TypeAlias = GtinCode | Gs1Code | OrderCode | BinCode | BadgeCode

# --- our own codes ---------------------------------------------------------------------

ORDER_NUMBER_RE = re.compile(r"[A-Z]{2,4}-[0-9]{5,10}")
PICKUP_CODE_RE = re.compile(r"[0-9]{6}")
STORE_CODE_RE = re.compile(r"[A-Z0-9]{2,8}")
BIN_RE = re.compile(r"[A-Z0-9][A-Z0-9-]{0,11}")
BADGE_ID_RE = re.compile(r"[A-Z0-9]{4,16}")

_ORDER_REASON = "order number should be 2-4 capital letters, a hyphen and 5-10 digits (WEB-1000234)"
_PICKUP_REASON = "pickup code must be 6 digits"
_STORE_REASON = "store code must be 2-8 capital letters or digits"
_BIN_REASON = "bin must be 1-12 capital letters, digits or hyphens, starting with a letter or digit"
_BADGE_REASON = "badge id must be 4-16 capital letters or digits"


def _require(pattern: re.Pattern[str], value: str, reason: str, raw: str | None = None) -> str:
    if not isinstance(value, str) or pattern.fullmatch(value) is None:
        raise InvalidCode(value if raw is None else raw, reason)
    return value


def validate_order_number(value: str) -> str:
    """``value`` if it is a well-formed order number such as ``WEB-1000234``, else InvalidCode."""
    return _require(ORDER_NUMBER_RE, value, _ORDER_REASON)


def validate_pickup_code(value: str) -> str:
    """``value`` if it is a 6-digit pickup code, else InvalidCode."""
    return _require(PICKUP_CODE_RE, value, _PICKUP_REASON)


def validate_store_code(value: str) -> str:
    """``value`` if it is a well-formed store code such as ``S014``, else InvalidCode."""
    return _require(STORE_CODE_RE, value, _STORE_REASON)


def validate_bin(value: str) -> str:
    """``value`` if it is a well-formed bin name such as ``P-014``, else InvalidCode."""
    return _require(BIN_RE, value, _BIN_REASON)


def validate_badge_id(value: str) -> str:
    """``value`` if it is a well-formed badge id, else InvalidCode."""
    return _require(BADGE_ID_RE, value, _BADGE_REASON)


def order_code(order_number: str, pickup_code: str | None = None) -> str:
    """The text of an order barcode, or of a pickup QR when a pickup code is given."""
    validate_order_number(order_number)
    if pickup_code is None:
        return f"OMS:O:{order_number}"
    return f"OMS:O:{order_number}:{validate_pickup_code(pickup_code)}"


def bin_code(store_code: str, bin: str) -> str:
    """The text of a bin label."""
    return f"OMS:B:{validate_store_code(store_code)}:{validate_bin(bin)}"


def badge_code(badge_id: str) -> str:
    """The text of a staff badge barcode."""
    return f"OMS:S:{validate_badge_id(badge_id)}"


def _parse_oms(raw: str, text: str) -> OrderCode | BinCode | BadgeCode:
    _, _, rest = text.upper().partition(":")
    kind, _, rest = rest.partition(":")
    args = rest.split(":") if rest else []
    if not kind:
        raise InvalidCode(raw, "OMS code has no type (O, B or S)")
    if kind == "O":
        if len(args) not in (1, 2):
            raise InvalidCode(raw, "an order code is OMS:O:<order number>[:<pickup code>]")
        number = _require(ORDER_NUMBER_RE, args[0], _ORDER_REASON, raw)
        pickup = _require(PICKUP_CODE_RE, args[1], _PICKUP_REASON, raw) if len(args) == 2 else None
        return OrderCode(number, pickup)
    if kind == "B":
        if len(args) != 2:
            raise InvalidCode(raw, "a bin label is OMS:B:<store code>:<bin>")
        store = _require(STORE_CODE_RE, args[0], _STORE_REASON, raw)
        return BinCode(store, _require(BIN_RE, args[1], _BIN_REASON, raw))
    if kind == "S":
        if len(args) != 1:
            raise InvalidCode(raw, "a staff badge is OMS:S:<badge id>")
        return BadgeCode(_require(BADGE_ID_RE, args[0], _BADGE_REASON, raw))
    raise InvalidCode(raw, f"unknown OMS code type {kind!r}")


# --- GTIN and UPC-E ----------------------------------------------------------------------

_DIGITS_RE = re.compile(r"[0-9]+")
_PAYLOAD_LENGTHS = (7, 11, 12, 13)


def _check_digit(payload: str) -> str:
    """GS1 mod-10 check digit (weights 3, 1, 3, ... from the right) of an ASCII-digit payload."""
    tripled = sum(map(int, payload[-1::-2]))
    single = sum(map(int, payload[-2::-2]))
    return str(-(3 * tripled + single) % 10)


def gtin_check_digit(payload: str) -> str:
    """The GS1 check digit of a 7, 11, 12 or 13 digit GTIN payload (the GTIN minus its last)."""
    if _DIGITS_RE.fullmatch(payload) is None:
        raise InvalidCode(payload, "a GTIN payload has digits only")
    if len(payload) not in _PAYLOAD_LENGTHS:
        raise InvalidCode(payload, f"a GTIN payload has 7, 11, 12 or 13 digits, got {len(payload)}")
    return _check_digit(payload)


def make_gtin13(payload12: str) -> str:
    """A complete GTIN-13 from its first 12 digits, for generating catalogue barcodes."""
    if _DIGITS_RE.fullmatch(payload12) is None or len(payload12) != 12:
        raise InvalidCode(payload12, "a GTIN-13 payload is 12 digits")
    return payload12 + _check_digit(payload12)


def _upc_e_check_digit(digits8: str) -> str | None:
    """The check digit that would make an 8-digit UPC-E valid, or None if it cannot be UPC-E."""
    if digits8[0] not in "01":
        return None
    from biip.upc import Upc

    return str(Upc.parse(digits8[:7]).check_digit)


def _upc_e_to_gtin14(digits8: str) -> str:
    from biip.upc import Upc

    return Upc.parse(digits8).as_upc_a().zfill(14)


def _gtin_from_eight(raw: str, digits: str, symbology: str | None) -> GtinCode:
    actual = digits[7]
    ean = _check_digit(digits[:7]) if symbology not in _UPC_E_SYMBOLOGIES else None
    upc = _upc_e_check_digit(digits) if symbology not in _EAN_8_SYMBOLOGIES else None
    ean_ok, upc_ok = ean == actual, upc == actual
    if ean_ok:
        alternative = _upc_e_to_gtin14(digits) if upc_ok else None
        return GtinCode(digits.zfill(14), digits, IdentifierKind.GTIN_8, alternative)
    if upc_ok:
        return GtinCode(_upc_e_to_gtin14(digits), digits, IdentifierKind.UPC_E)
    if ean is not None and upc is not None and ean != upc:
        raise InvalidCode(
            raw, f"check digit should be {ean} (EAN-8) or {upc} (UPC-E), not {actual}"
        )
    expected = ean if ean is not None else upc
    if expected is None:
        raise InvalidCode(raw, "a UPC-E code starts with 0 or 1")
    raise InvalidCode(raw, f"check digit should be {expected}, not {actual}")


def _gtin_from_digits(raw: str, digits: str, symbology: str | None) -> GtinCode:
    if symbology in _ADDON_SYMBOLOGIES and len(digits) in _MAIN_LENGTH_WITH_ADDON:
        digits = digits[: _MAIN_LENGTH_WITH_ADDON[len(digits)]]
    length = len(digits)
    if length not in (8, 12, 13, 14):
        raise InvalidCode(raw, f"GTIN needs 8, 12, 13 or 14 digits, got {length}")
    if digits.count("0") == length:
        raise InvalidCode(raw, "a GTIN cannot be all zeros")
    if length == 8:
        return _gtin_from_eight(raw, digits, symbology)
    expected, actual = _check_digit(digits[:-1]), digits[-1]
    if expected != actual:
        raise InvalidCode(raw, f"check digit should be {expected}, not {actual}")
    return GtinCode(digits.zfill(14), digits, _KIND_BY_LENGTH[length])


def _gtin_digits(raw: str, body: str) -> str:
    """The digits of a GTIN body, allowing the spaces of a printed EAN-13 (``4 006381 333931``)."""
    digits = body.replace(" ", "")
    if _DIGITS_RE.fullmatch(digits) is None:
        raise InvalidCode(raw, "a GTIN has digits only")
    return digits


def parse_gtin(raw: str) -> GtinCode:
    """Read a GTIN-8/12/13/14 or UPC-E (with or without a symbology identifier), checking it."""
    symbology, body = _split_symbology(raw, _clean(raw))
    if symbology is not None and symbology not in _EAN_SYMBOLOGIES:
        raise InvalidCode(raw, f"symbology ]{symbology} does not carry a plain GTIN")
    return _gtin_from_digits(raw, _gtin_digits(raw, body), symbology)


def normalize_gtin(raw: str) -> str:
    """The 14-digit key of a GTIN or UPC-E, used to store and look up product identifiers."""
    return parse_gtin(raw).gtin14


# --- GS1 element strings -----------------------------------------------------------------

_FIXED_FORMAT_RE = re.compile(r"N[0-9]\+[NX]([0-9]+)")
_HRI_RE = re.compile(r"(?:\([0-9]{2,4}\)[^()]+)+")
_HRI_GROUP_RE = re.compile(r"\(([0-9]{2,4})\)([^()]+)")


def _gs1_elements(raw: str, body: str) -> list[GS1ElementString]:
    """Split a GS1 element string (fields separated by GS where variable-length) into fields."""
    from biip.gs1_application_identifiers import GS1ApplicationIdentifier
    from biip.gs1_element_strings import GS1ElementString

    elements: list[GS1ElementString] = []
    rest = body.lstrip(GS)
    while rest:
        try:
            ai = GS1ApplicationIdentifier.extract(rest)
        except Exception:  # biip is a parser of untrusted input: any failure is a bad code
            raise InvalidCode(raw, f"no GS1 application identifier at {rest[:8]!r}") from None
        try:
            element = GS1ElementString.extract(rest)
        except Exception:
            value = rest[len(ai.ai) :].split(GS, 1)[0]
            fixed = _FIXED_FORMAT_RE.fullmatch(ai.format)
            if fixed is not None:
                value = value[: int(fixed.group(1))]
            raise InvalidCode(
                raw,
                f"GS1 field ({ai.ai}) {ai.data_title} has an invalid value {value!r} "
                f"(expected {ai.format})",
            ) from None
        elements.append(element)
        rest = rest[len(element) :].lstrip(GS)
    return elements


def _gs1_code(raw: str, elements: Iterable[GS1ElementString]) -> Gs1Code:
    fields: dict[str, GS1ElementString] = {}
    for element in elements:
        seen = fields.setdefault(element.ai.ai, element)
        if seen.value != element.value:
            raise InvalidCode(
                raw, f"GS1 field ({element.ai.ai}) appears twice with different values"
            )
    gtin = fields.get("01")
    if gtin is None:
        what = "; it is a shipping label (SSCC)" if "00" in fields else ""
        raise InvalidCode(raw, f"GS1 code carries no GTIN (AI 01){what}")
    code = _gtin_from_digits(raw, gtin.value, None)
    expiry = fields.get("17")
    batch, serial = fields.get("10"), fields.get("21")
    return Gs1Code(
        gtin14=code.gtin14,
        batch=batch.value if batch is not None else None,
        expiry=expiry.date if expiry is not None else None,
        serial=serial.value if serial is not None else None,
    )


def _parse_gs1(raw: str, body: str) -> Gs1Code:
    if body.startswith(("http://", "https://", "HTTP://", "HTTPS://")):
        return _parse_digital_link(raw, body)
    if body.startswith("("):
        return _parse_gs1_hri(raw, body)
    return _gs1_code(raw, _gs1_elements(raw, body))


def _parse_gs1_hri(raw: str, body: str) -> Gs1Code:
    """Read the human-readable form printed under a GS1-128 symbol, as someone types it."""
    text = body.replace(" ", "")
    if _HRI_RE.fullmatch(text) is None:
        raise InvalidCode(raw, "GS1 text should look like (01)09501101530003(17)251231")
    joined = GS.join(ai + value for ai, value in _HRI_GROUP_RE.findall(text))
    return _gs1_code(raw, _gs1_elements(raw, joined))


def _parse_digital_link(raw: str, body: str) -> Gs1Code:
    from biip.gs1_digital_link_uris import GS1DigitalLinkURI

    try:
        uri = GS1DigitalLinkURI.parse(body)
    except Exception:
        raise InvalidCode(raw, "web address is not a GS1 Digital Link of a product") from None
    return _gs1_code(raw, uri.element_strings)


# --- scanner input -----------------------------------------------------------------------

_SYMBOLOGY_RE = re.compile(r"\]([A-Za-z])([0-9A-Za-z])")
_GS1_SYMBOLOGIES = frozenset({"C1", "e0", "d2", "Q3", "J1"})
_EAN_8_SYMBOLOGIES = frozenset({"E4"})
_UPC_E_SYMBOLOGIES = frozenset({"E0"})
_ADDON_SYMBOLOGIES = frozenset({"E3"})
_EAN_SYMBOLOGIES = frozenset({"E0", "E3", "E4", "I1"})
# Length of the main symbol within an EAN/UPC scan that has a 2- or 5-digit add-on.
_MAIN_LENGTH_WITH_ADDON = {10: 8, 13: 8, 14: 12, 15: 13, 17: 12, 18: 13}
_ALLOWED_RE = re.compile(r"[\x20-\x7e\x1d]+")


def _clean(raw: str) -> str:
    """The scan without surrounding whitespace/CR/LF; refuses characters no code of ours has."""
    text = raw.strip()
    if not text:
        raise InvalidCode(raw, "nothing was scanned")
    if _ALLOWED_RE.fullmatch(text) is None:
        bad = next(c for c in text if not (c == GS or " " <= c <= "~"))
        if bad.isprintable():
            raise InvalidCode(
                raw, f"{bad!r} is not in any barcode we read; check the scanner's keyboard layout"
            )
        raise InvalidCode(raw, f"contains the control character U+{ord(bad):04X}")
    return text


def _split_symbology(raw: str, text: str) -> tuple[str | None, str]:
    """Split off an ISO 15424 symbology identifier such as ``]C1``, ``]d2`` or ``]E0``."""
    if not text.startswith("]"):
        return None, text
    match = _SYMBOLOGY_RE.match(text)
    if match is None:
        raise InvalidCode(raw, "starts with ']' but has no valid symbology identifier")
    body = text[match.end() :].strip()
    if not body:
        raise InvalidCode(raw, "nothing follows the symbology identifier")
    return match.group(1) + match.group(2), body


def _parse_long_digits(raw: str, digits: str) -> Gs1Code:
    """An all-digit scan too long for a GTIN: a GS1 string sent without separators, or junk."""
    try:
        return _parse_gs1(raw, digits)
    except InvalidCode:
        if digits.startswith(("00", "01")):
            raise
    raise InvalidCode(raw, f"GTIN needs 8, 12, 13 or 14 digits, got {len(digits)}")


def parse_code(raw: str) -> DecodedCode:
    """Decode any scan or typed code: GTIN, UPC-E, GS1 element string or an OMS code."""
    symbology, body = _split_symbology(raw, _clean(raw))
    if symbology in _GS1_SYMBOLOGIES:
        return _parse_gs1(raw, body)
    if body[:4].upper() == "OMS:" and symbology not in _EAN_SYMBOLOGIES:
        return _parse_oms(raw, body)
    compact = body.replace(" ", "")
    if _DIGITS_RE.fullmatch(compact) is not None:
        if symbology is None and len(compact) > 14:
            return _parse_long_digits(raw, compact)
        return _gtin_from_digits(raw, compact, symbology)
    if symbology in _EAN_SYMBOLOGIES:
        raise InvalidCode(raw, "a GTIN has digits only")
    if body.startswith(("(", "http://", "https://", "HTTP://", "HTTPS://")):
        return _parse_gs1(raw, body)
    if GS in body or (body[:2].isdigit() and len(body) > 14):
        return _parse_gs1(raw, body)
    raise InvalidCode(raw, "not a product barcode or an OMS code")
