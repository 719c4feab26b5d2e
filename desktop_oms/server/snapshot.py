"""Snapshot pages of a station's scope, keyset-paginated per kind, in columnar rows.

A snapshot is taken at a fixed cursor (the top seq when it starts). Pages read the live
tables, so a row may already be newer than the cursor; the station then replays the feed
from the cursor and keeps a document only if its version is not lower than the one it has.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_oms.protocol.base import MAX_DB_INT
from desktop_oms.protocol.sync import SNAPSHOT_COLUMNS, Kind
from desktop_oms.server import documents
from desktop_oms.server import schema as t
from desktop_oms.server.feed import Scope


def _after_id(text: str) -> int:
    """The id part of an ``after`` key; ValueError unless the database can hold it."""
    value = int(text)
    if not 0 <= value <= MAX_DB_INT:
        raise ValueError(f"id out of range: {text!r}")
    return value


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def count(conn: Connection, scope: Scope, kind: Kind) -> int:
    """How many rows of ``kind`` the scope's snapshot holds."""
    query = _base(scope, kind)
    return int(conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one())


def _inventory_stores(scope: Scope) -> list[int]:
    return [scope.store_id, *scope.nearby_store_ids]


def _base(scope: Scope, kind: Kind) -> sa.Select[Any]:
    if kind is Kind.STORE:
        return sa.select(t.stores.c.id)
    if kind is Kind.PRODUCT:
        return sa.select(t.products.c.sku)
    if kind is Kind.IDENTIFIER:
        return sa.select(t.product_identifiers.c.value)
    if kind is Kind.INVENTORY:
        return sa.select(t.inventory.c.sku).where(
            t.inventory.c.store_id.in_(_inventory_stores(scope))
        )
    if kind is Kind.FULFILLMENT:
        f = t.fulfillments.c
        return sa.select(f.id).where(
            sa.or_(f.store_id == scope.store_id, f.destination_store_id == scope.store_id)
        )
    if kind is Kind.STAFF:
        return sa.select(t.staff.c.id).where(t.staff.c.store_id == scope.store_id)
    if kind is Kind.REASON_CODE:
        return sa.select(t.reason_codes.c.code)
    return sa.select(t.settings.c.key)


def page(
    conn: Connection, scope: Scope, kind: Kind, after: str | None, limit: int
) -> tuple[list[list[Any]], str | None]:
    """Rows of ``kind`` after the key ``after``, at most ``limit``; and the next ``after``."""
    rows: list[list[Any]]
    q: Any
    if kind is Kind.PRODUCT:
        c = t.products.c
        q = sa.select(
            c.sku,
            c.name,
            c.department,
            c.price_minor,
            c.currency,
            c.attributes,
            c.image_ref,
            c.version,
        ).order_by(c.sku)
        if after is not None:
            q = q.where(c.sku > after)
        rows = [list(r) for r in conn.execute(q.limit(limit))]
        return rows, (rows[-1][0] if len(rows) == limit else None)
    if kind is Kind.IDENTIFIER:
        c2 = t.product_identifiers.c
        q = sa.select(c2.value, c2.kind, c2.sku).order_by(c2.value)
        if after is not None:
            q = q.where(c2.value > after)
        rows = [list(r) for r in conn.execute(q.limit(limit))]
        return rows, (rows[-1][0] if len(rows) == limit else None)
    if kind is Kind.INVENTORY:
        i = t.inventory.c
        q = (
            sa.select(i.store_id, i.sku, i.on_hand, i.reserved, i.safety_stock, i.version)
            .where(i.store_id.in_(_inventory_stores(scope)))
            .order_by(i.store_id, i.sku)
        )
        if after is not None:
            store_text, sku = after.split(":", 1)
            q = q.where(sa.tuple_(i.store_id, i.sku) > sa.tuple_(_after_id(store_text), sku))
        rows = [list(r) for r in conn.execute(q.limit(limit))]
        nxt = f"{rows[-1][0]}:{rows[-1][1]}" if len(rows) == limit else None
        return rows, nxt
    if kind in (Kind.STORE, Kind.FULFILLMENT, Kind.STAFF):
        id_col = {
            Kind.STORE: t.stores.c.id,
            Kind.FULFILLMENT: t.fulfillments.c.id,
            Kind.STAFF: t.staff.c.id,
        }[kind]
        q = _base(scope, kind).order_by(id_col)
        if after is not None:
            q = q.where(id_col > _after_id(after))
        ids = [str(i) for i in conn.execute(q.limit(limit)).scalars()]
        docs = {d.key: d for d in documents.build_documents(conn, kind, ids)}
        rows = [[int(k), docs[k].data] for k in ids if docs[k].op == "upsert"]
        return rows, (ids[-1] if len(ids) == limit else None)
    if kind is Kind.REASON_CODE:
        r = t.reason_codes.c
        rows = [
            list(x)
            for x in conn.execute(sa.select(r.kind, r.code, r.label).order_by(r.kind, r.code))
        ]
        return rows, None
    s = t.settings.c
    rows = [[k, _json(v)] for k, v in conn.execute(sa.select(s.key, s.value).order_by(s.key))]
    return rows, None


def columns(kind: Kind) -> list[str]:
    """The column names of ``kind``'s rows."""
    return list(SNAPSHOT_COLUMNS[kind])
