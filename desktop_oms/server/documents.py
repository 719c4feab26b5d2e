"""Builds the feed's documents (see ``protocol.sync``) from the server's tables.

Used by the feed at commit, by snapshot pages and by command results, so that a
document has one shape wherever it travels.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_oms.protocol.sync import Kind
from desktop_oms.server import schema as t


@dataclass(frozen=True, slots=True)
class Doc:
    """A built document with the stores whose stations should receive it."""

    key: str
    op: str
    data: dict[str, Any] | None
    store_id: int | None
    store2_id: int | None = None


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None else None


def store_docs(conn: Connection, ids: Sequence[int]) -> list[Doc]:
    """Store documents by id."""
    rows = conn.execute(sa.select(t.stores).where(t.stores.c.id.in_(ids)))
    docs = []
    for r in rows:
        data = dict(r._mapping)
        docs.append(Doc(str(r.id), "upsert", data, None))
    return docs


def product_docs(conn: Connection, skus: Sequence[str]) -> list[Doc]:
    """Product documents (with identifiers) by SKU."""
    idents: dict[str, list[list[str]]] = defaultdict(list)
    for r in conn.execute(
        sa.select(
            t.product_identifiers.c.sku, t.product_identifiers.c.kind, t.product_identifiers.c.value
        ).where(t.product_identifiers.c.sku.in_(skus))
    ):
        idents[r.sku].append([r.kind, r.value])
    docs = []
    for r in conn.execute(sa.select(t.products).where(t.products.c.sku.in_(skus))):
        data = dict(r._mapping)
        data["identifiers"] = idents.get(r.sku, [])
        docs.append(Doc(r.sku, "upsert", data, None))
    return docs


def inventory_key(store_id: int, sku: str) -> str:
    """The feed key of a stock level."""
    return f"{store_id}:{sku}"


def inventory_docs(conn: Connection, keys: Sequence[str]) -> list[Doc]:
    """Stock documents by ``store_id:sku`` key (grouped per store so the primary key is used)."""
    by_store: dict[int, list[str]] = defaultdict(list)
    for key in keys:
        store_text, sku = key.split(":", 1)
        by_store[int(store_text)].append(sku)
    c = t.inventory.c
    docs = []
    for store_id, skus in by_store.items():
        for r in conn.execute(
            sa.select(c.store_id, c.sku, c.on_hand, c.reserved, c.safety_stock, c.version).where(
                c.store_id == store_id, c.sku.in_(skus)
            )
        ):
            docs.append(
                Doc(inventory_key(r.store_id, r.sku), "upsert", dict(r._mapping), r.store_id)
            )
    return docs


def staff_docs(conn: Connection, ids: Sequence[int]) -> list[Doc]:
    """Staff documents (with offline verifiers) by id; chain staff go to no station."""
    c = t.staff.c
    docs = []
    for r in conn.execute(
        sa.select(
            c.id,
            c.store_id,
            c.username,
            c.display_name,
            c.role,
            c.badge_id,
            c.verifier,
            c.active,
            c.version,
        ).where(c.id.in_(ids))
    ):
        docs.append(Doc(str(r.id), "upsert", dict(r._mapping), r.store_id))
    return docs


def reason_docs(conn: Connection, keys: Sequence[str]) -> list[Doc]:
    """Reason-code documents by ``kind:code``."""
    pairs = [tuple(k.split(":", 1)) for k in keys]
    c = t.reason_codes.c
    rows = conn.execute(sa.select(t.reason_codes).where(sa.tuple_(c.kind, c.code).in_(pairs)))
    return [Doc(f"{r.kind}:{r.code}", "upsert", dict(r._mapping), None) for r in rows]


def setting_docs(conn: Connection, keys: Sequence[str]) -> list[Doc]:
    """Setting documents by key."""
    rows = conn.execute(sa.select(t.settings).where(t.settings.c.key.in_(keys)))
    return [Doc(r.key, "upsert", {"key": r.key, "value": r.value}, None) for r in rows]


def label_doc(row: Any) -> dict[str, Any]:
    """A ``LabelDoc`` (as JSON) from a ``shipping_labels`` row."""
    return {
        **row.label,
        "tracking": row.tracking,
        "carrier": row.carrier,
        "service": row.service,
        "box_index": row.box_index,
        "status": row.status,
        "created_at": _iso(row.created_at),
        "voided_at": _iso(row.voided_at),
    }


def _label_docs(conn: Connection, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """The label documents of each fulfillment, in the order they were bought."""
    c = t.shipping_labels.c
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute(
        sa.select(t.shipping_labels).where(c.fulfillment_id.in_(ids)).order_by(c.id)
    ):
        out[row.fulfillment_id].append(label_doc(row))
    return out


def _rejection_docs(conn: Connection, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """The ``RejectionDoc`` list of each fulfillment (one query for all), oldest first."""
    c = t.fulfillment_rejections.c
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in conn.execute(
        sa.select(c.fulfillment_id, c.line_no, c.sku, c.quantity, c.reason, c.at, c.staff_id)
        .where(c.fulfillment_id.in_(ids))
        .order_by(c.fulfillment_id, c.id)
    ):
        out[r.fulfillment_id].append(
            {
                "line_no": r.line_no,
                "sku": r.sku,
                "quantity": r.quantity,
                "reason": r.reason,
                "at": _iso(r.at),
                "staff_id": r.staff_id,
            }
        )
    return out


def ship_to_doc(address: dict[str, Any] | None, phone: str) -> dict[str, Any] | None:
    """An order's stored shipping address (``AddressIn`` JSON) as an ``AddressDoc``; the
    phone is the address's own (given with ``change_delivery``), else the customer's."""
    if not address:
        return None
    return {
        "name": str(address.get("name", "")),
        "line1": str(address.get("line1", "")),
        "line2": str(address.get("line2") or ""),
        "postal_code": str(address.get("postal_code", "")),
        "city": str(address.get("city", "")),
        "country": str(address.get("country", "")),
        "phone": str(address.get("phone") or phone),
    }


def fulfillment_docs(conn: Connection, ids: Sequence[int]) -> list[Doc]:
    """Fulfillment documents with their lines, order header and customer."""
    f, o, cu = t.fulfillments.c, t.orders.c, t.customers.c
    rows = list(
        conn.execute(
            sa.select(
                t.fulfillments,
                o.number.label("o_number"),
                o.channel.label("o_channel"),
                o.created_at.label("o_created_at"),
                o.payment_state,
                o.fraud_state,
                o.fraud_rules,
                o.total_minor,
                o.currency,
                o.alternate_pickup_name,
                o.shipping_address,
                o.shipping_service,
                o.version.label("o_version"),
                cu.id.label("c_id"),
                cu.name.label("c_name"),
                cu.email.label("c_email"),
                cu.phone.label("c_phone"),
            )
            .join(t.orders, o.id == f.order_id)
            .join(t.customers, cu.id == o.customer_id)
            .where(f.id.in_(ids))
        )
    )
    lines: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if rows:
        fl, ol = t.fulfillment_lines.c, t.order_lines.c
        for r in conn.execute(
            sa.select(
                fl.fulfillment_id,
                fl.line_no,
                fl.sku,
                ol.name,
                fl.quantity,
                fl.picked,
                fl.rejected,
                fl.refused,
                ol.unit_price_minor,
            )
            .join(t.fulfillments, f.id == fl.fulfillment_id)
            .join(t.order_lines, sa.and_(ol.order_id == f.order_id, ol.line_no == fl.line_no))
            .where(fl.fulfillment_id.in_(ids))
            .order_by(fl.fulfillment_id, fl.line_no)
        ):
            d = dict(r._mapping)
            lines[d.pop("fulfillment_id")].append(d)
    labels = _label_docs(conn, ids) if rows else {}
    rejections = _rejection_docs(conn, ids) if rows else {}
    docs = []
    for r in rows:
        data = {
            "id": r.id,
            "order_number": r.o_number,
            "store_id": r.store_id,
            "destination_store_id": r.destination_store_id,
            "method": r.method,
            "status": r.status,
            "bin": r.bin,
            "pickup_code": r.pickup_code,
            "promised_at": _iso(r.promised_at),
            "pickup_deadline": _iso(r.pickup_deadline),
            "tracking": r.tracking,
            "carrier": r.carrier,
            "boxes": r.boxes,
            "created_at": _iso(r.created_at),
            "updated_at": _iso(r.updated_at),
            "order": {
                "number": r.o_number,
                "channel": r.o_channel,
                "created_at": _iso(r.o_created_at),
                "payment_state": r.payment_state,
                "fraud_state": r.fraud_state,
                "fraud_rules": r.fraud_rules,
                "total_minor": r.total_minor,
                "currency": r.currency,
                "alternate_pickup_name": r.alternate_pickup_name,
                "version": r.o_version,
            },
            "customer": {"id": r.c_id, "name": r.c_name, "email": r.c_email, "phone": r.c_phone},
            "lines": lines.get(r.id, []),
            "version": r.version,
            "returned_at": _iso(r.returned_at),
            "returned_by": r.returned_by,
            "picker_id": r.picker_id,
            "ship_to": ship_to_doc(r.shipping_address, r.c_phone)
            if r.method == "ship_from_store"
            else None,
            "labels": labels.get(r.id, []),
            "shipping_service": r.shipping_service,
            "ready_at": _iso(r.ready_at),
            "completed_at": _iso(r.completed_at),
            "rejections": rejections.get(r.id, []),
        }
        docs.append(Doc(str(r.id), "upsert", data, r.store_id, r.destination_store_id))
    return docs


def _store_docs(conn: Connection, keys: Sequence[str]) -> list[Doc]:
    return store_docs(conn, [int(k) for k in keys])


def _staff_docs(conn: Connection, keys: Sequence[str]) -> list[Doc]:
    return staff_docs(conn, [int(k) for k in keys])


def _fulfillment_docs(conn: Connection, keys: Sequence[str]) -> list[Doc]:
    return fulfillment_docs(conn, [int(k) for k in keys])


_BUILDERS: dict[Kind, Callable[[Connection, Sequence[str]], list[Doc]]] = {
    Kind.STORE: _store_docs,
    Kind.PRODUCT: product_docs,
    Kind.INVENTORY: inventory_docs,
    Kind.STAFF: _staff_docs,
    Kind.REASON_CODE: reason_docs,
    Kind.SETTING: setting_docs,
    Kind.FULFILLMENT: _fulfillment_docs,
}

_CHUNK = 500


def build_documents(conn: Connection, kind: Kind, keys: Sequence[str]) -> list[Doc]:
    """Documents of ``kind`` for ``keys``; a key with no row gives a delete."""
    builder = _BUILDERS[kind]
    docs: list[Doc] = []
    for start in range(0, len(keys), _CHUNK):
        chunk = list(keys[start : start + _CHUNK])
        built = builder(conn, chunk)
        found = {d.key for d in built}
        docs.extend(built)
        docs.extend(Doc(k, "delete", None, None) for k in chunk if k not in found)
    return docs


def order_fulfillment_ids(conn: Connection, order_id: int) -> list[int]:
    """Every fulfillment of an order (to republish after an order-level change)."""
    return list(
        conn.execute(
            sa.select(t.fulfillments.c.id).where(t.fulfillments.c.order_id == order_id)
        ).scalars()
    )
