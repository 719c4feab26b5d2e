"""Wire documents (plain dicts, as decoded from JSON) turned into cache table rows.

Rows are plain tuples in the column order of :mod:`desktop_oms.cache.schema`, built once
per document and handed to ``executemany``: the hot paths (snapshot pages, feed deltas)
create no objects beyond them. Timestamps are stored in one canonical UTC text form so
that comparing the text compares the instants.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any
from uuid import UUID

from desktop_oms.domain.errors import InvalidCode
from desktop_oms.domain.identifiers import normalize_gtin

Row = tuple[Any, ...]

_CANONICAL_LEN = len("2026-01-01T00:00:00.000000+00:00")


def _json_default(value: object) -> object:
    if isinstance(value, datetime):
        return utc_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"cannot store {type(value).__name__} as JSON")


_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, default=_json_default)


def dumps(value: object) -> str:
    """Compact JSON text of ``value`` (datetimes as canonical UTC text)."""
    return _ENCODER.encode(value)


def utc_text(value: str | datetime | None) -> str | None:
    """Canonical UTC text (``2026-01-01T09:30:00.000000+00:00``) of ISO text or a datetime."""
    # Any offset or Z is accepted, naive values are UTC; canonical text passes unparsed.
    if value is None:
        return None
    if isinstance(value, str):
        if len(value) == _CANONICAL_LEN and value[19] == "." and value.endswith("+00:00"):
            return value
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="microseconds")


_PADDED_KINDS = frozenset({"GTIN-8", "GTIN-12", "GTIN-13", "GTIN-14"})
_GTIN_LENGTHS = frozenset({8, 12, 13, 14})


def identifier_key(kind: str, value: str) -> str:
    """The lookup key an identifier is stored under: GTIN-14 for GTINs, else the value."""
    # GTIN-8/12/13 pad to GTIN-14 with zeros (the check digit is weighted from the right, so
    # it stays valid); UPC-E is expanded; a malformed code is kept as it came.
    if kind in _PADDED_KINDS and len(value) in _GTIN_LENGTHS and value.isdigit():
        return value.zfill(14)
    if kind.startswith(("GTIN", "UPC")):
        try:
            return normalize_gtin(value)
        except InvalidCode:
            return value
    return value


def _attribute_values(attributes: Mapping[str, Any]) -> str:
    return " ".join(str(v) for v in attributes.values())


def _attributes(value: Mapping[str, Any] | str | None) -> tuple[str, str]:
    if value is None:
        return "{}", ""
    if isinstance(value, str):
        return value, _attribute_values(json.loads(value))
    return dumps(value), _attribute_values(value)


def attributes_text(value: Mapping[str, Any] | str | None) -> str:
    """The ``attributes`` column text of a document's attributes, as :func:`product_row` has it."""
    if value is None:
        return "{}"
    return value if isinstance(value, str) else dumps(value)


# --- documents (feed changes, command results, predictions) ------------------------------


def store_row(d: Mapping[str, Any]) -> Row:
    """A ``stores`` row from a StoreDoc."""
    return (
        d["id"],
        d["code"],
        d["name"],
        d["kind"],
        d["address"],
        d["city"],
        d["postal_code"],
        d["country"],
        d["latitude"],
        d["longitude"],
        d["timezone"],
        dumps(d["opening_hours"]),
        d["version"],
    )


def product_row(d: Mapping[str, Any]) -> Row:
    """A ``products`` row from a ProductDoc (its identifiers go to :func:`identifier_rows`)."""
    attributes, values = _attributes(d["attributes"])
    return (
        d["sku"],
        d["name"],
        d["department"],
        d["price_minor"],
        d["currency"],
        attributes,
        values,
        d["image_ref"],
        d["version"],
    )


def identifier_rows(d: Mapping[str, Any]) -> list[Row]:
    """``identifiers`` rows of a ProductDoc's ``[kind, value]`` pairs."""
    sku = d["sku"]
    return [(identifier_key(kind, value), kind, sku) for kind, value in d["identifiers"]]


def inventory_row(d: Mapping[str, Any]) -> Row:
    """An ``inventory`` row from an InventoryDoc."""
    return (d["store_id"], d["sku"], d["on_hand"], d["reserved"], d["safety_stock"], d["version"])


def fold(text: str) -> str:
    """``text`` for matching regardless of case and accents (``Chloé`` -> ``chloe``)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def phone_digits(phone: str) -> str:
    """A phone number's digits alone (``+31 6 1234-5678`` -> ``31612345678``), for search."""
    return "".join(c for c in phone if c.isdigit())


def phone_search_digits(text: str) -> str | None:
    """The digits a typed phone number should match, or None when ``text`` is no phone.

    Staff type numbers as the customer says them: ``+31 6 1234``, ``0031 6 1234`` or
    ``06 1234``. The international prefix ``00`` and a national trunk ``0`` are dropped, so
    each matches inside the stored digits-only form of ``+31 6 1234 5678``.
    """
    stripped = text.strip()
    if not stripped or any(not (c.isdigit() or c in _PHONE_MARKS) for c in stripped):
        return None
    digits = phone_digits(stripped)
    if digits.startswith("00"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = digits[1:]
    return digits if len(digits) >= 4 else None


_PHONE_MARKS = frozenset(" +-()./")


def pickup_store(method: str, store_id: int, destination_store_id: int | None) -> int | None:
    """Where a fulfillment is collected: None for ship from store."""
    if method == "ship_to_store":
        return destination_store_id
    if method == "store_pickup":
        return store_id
    return None


def remaining_items(lines: Sequence[Mapping[str, Any]]) -> int:
    """Units still to hand over or ship: quantity less rejected and refused, over the lines."""
    return sum(line["quantity"] - line["rejected"] - line["refused"] for line in lines)


def fulfillment_row(d: Mapping[str, Any], doc_text: str | None = None) -> Row:
    """A ``fulfillments`` row from a FulfillmentDoc; ``doc`` keeps the whole document."""
    order = d["order"]
    customer = d["customer"]
    method = d["method"]
    store_id = d["store_id"]
    destination = d["destination_store_id"]
    return (
        d["id"],
        store_id,
        destination,
        pickup_store(method, store_id, destination),
        method,
        d["status"],
        d["order_number"],
        customer["name"],
        customer["phone"],
        customer["email"],
        utc_text(d["promised_at"]),
        utc_text(d["pickup_deadline"]),
        d["bin"],
        utc_text(d.get("returned_at")),
        utc_text(d["created_at"]),
        utc_text(d["updated_at"]),
        order["fraud_state"],
        remaining_items(d["lines"]),
        fold(
            " ".join(
                (
                    d["order_number"],
                    customer["name"],
                    customer["phone"],
                    phone_digits(customer["phone"]),
                    customer["email"],
                    order.get("alternate_pickup_name") or "",
                )
            )
        ),
        d["version"],
        order["version"],
        doc_text if doc_text is not None else dumps(d),
    )


def staff_row(d: Mapping[str, Any]) -> Row:
    """A ``staff`` row from a StaffDoc."""
    return (
        d["id"],
        d["store_id"],
        d["username"],
        d["display_name"],
        d["role"],
        d["badge_id"],
        d["verifier"],
        bool(d["active"]),
        d["version"],
    )


def reason_code_row(d: Mapping[str, Any]) -> Row:
    """A ``reason_codes`` row from a ReasonCodeDoc."""
    return (d["kind"], d["code"], d["label"])


def setting_row(d: Mapping[str, Any]) -> Row:
    """A ``settings`` row from a SettingDoc (the value as JSON text)."""
    return (d["key"], dumps(d["value"]))


DOC_ROW: dict[str, Callable[[Mapping[str, Any]], Row]] = {
    "store": store_row,
    "product": product_row,
    "inventory": inventory_row,
    "fulfillment": fulfillment_row,
    "staff": staff_row,
    "reason_code": reason_code_row,
    "setting": setting_row,
}


# --- snapshot pages ----------------------------------------------------------------------

#: Columns of each snapshot kind, in row order: ``protocol.sync.SNAPSHOT_COLUMNS``
#: (a test keeps the two equal; the cache imports nothing from ``protocol``).
SNAPSHOT_COLUMNS: dict[str, tuple[str, ...]] = {
    "store": ("id", "doc"),
    "product": (
        "sku",
        "name",
        "department",
        "price_minor",
        "currency",
        "attributes",
        "image_ref",
        "version",
    ),
    "identifier": ("value", "kind", "sku"),
    "inventory": ("store_id", "sku", "on_hand", "reserved", "safety_stock", "version"),
    "fulfillment": ("id", "doc"),
    "staff": ("id", "doc"),
    "reason_code": ("kind", "code", "label"),
    "setting": ("key", "value"),
}


def _snap_product(r: Sequence[Any]) -> Row:
    attributes, values = _attributes(r[5])
    return (r[0], r[1], r[2], r[3], r[4], attributes, values, r[6], r[7])


def _snap_identifier(r: Sequence[Any]) -> Row:
    return (identifier_key(r[1], r[0]), r[1], r[2])


def _snap_inventory(r: Sequence[Any]) -> Row:
    return tuple(r)


def _snap_reason(r: Sequence[Any]) -> Row:
    return tuple(r)


def _snap_setting(r: Sequence[Any]) -> Row:
    return (r[0], dumps(r[1]))


def _snap_doc(convert: Callable[[Mapping[str, Any]], Row]) -> Callable[[Sequence[Any]], Row]:
    def row(r: Sequence[Any]) -> Row:
        """The row of an ``[id, document]`` snapshot row."""
        return convert(r[1])

    return row


SNAPSHOT_ROW: dict[str, Callable[[Sequence[Any]], Row]] = {
    "store": _snap_doc(store_row),
    "product": _snap_product,
    "identifier": _snap_identifier,
    "inventory": _snap_inventory,
    "fulfillment": _snap_doc(fulfillment_row),
    "staff": _snap_doc(staff_row),
    "reason_code": _snap_reason,
    "setting": _snap_setting,
}
