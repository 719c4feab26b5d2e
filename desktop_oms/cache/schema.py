"""The station cache's tables: confirmed (synced) data, sync bookkeeping, outbox and overlay.

Confirmed tables hold the server's documents as last synced; the outbox holds commands
not yet confirmed; the pending tables hold their predicted effect, read together with the
confirmed rows through the views ``v_fulfillments`` and ``v_inventory``. Timestamps are
ISO-8601 UTC text in one canonical form (see :mod:`desktop_oms.cache.rows`) so that text
order is time order. JSON columns hold compact JSON text.

The product search index (``product_fts``, FTS5 trigram, external content from the view
``v_product_search``) and the views live in the migrations only: SQLAlchemy has no
models for them.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING)

#: The FTS5 product search table and the view it indexes.
PRODUCT_FTS = "product_fts"
PRODUCT_SEARCH_VIEW = "v_product_search"
#: The pending-over-confirmed views.
VIEWS = ("v_fulfillments", "v_inventory", PRODUCT_SEARCH_VIEW)


def _nocase() -> sa.Text:
    return sa.Text(collation="NOCASE")


stores = sa.Table(
    "stores",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("address", sa.Text, nullable=False),
    sa.Column("city", sa.Text, nullable=False),
    sa.Column("postal_code", sa.Text, nullable=False),
    sa.Column("country", sa.Text, nullable=False),
    sa.Column("latitude", sa.Float, nullable=False),
    sa.Column("longitude", sa.Float, nullable=False),
    sa.Column("timezone", sa.Text, nullable=False),
    sa.Column("opening_hours", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
)

# A rowid table (the search index refers to products by rowid); ``name`` sorts and
# prefix-matches case-insensitively through its NOCASE index.
products = sa.Table(
    "products",
    metadata,
    sa.Column("sku", sa.Text, primary_key=True),
    sa.Column("name", _nocase(), nullable=False),
    sa.Column("department", sa.Text, nullable=False),
    sa.Column("price_minor", sa.Integer, nullable=False),
    sa.Column("currency", sa.Text, nullable=False),
    sa.Column("attributes", sa.Text, nullable=False),
    sa.Column("attribute_values", sa.Text, nullable=False),
    sa.Column("image_ref", sa.Text, nullable=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Index("ix_products_name", "name"),
)

identifiers = sa.Table(
    "identifiers",
    metadata,
    sa.Column("value", sa.Text, primary_key=True),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("sku", sa.Text, nullable=False),
    sa.Index("ix_identifiers_sku", "sku"),
    sqlite_with_rowid=False,
)


def _inventory_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("store_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("sku", sa.Text, primary_key=True),
        sa.Column("on_hand", sa.Integer, nullable=False),
        sa.Column("reserved", sa.Integer, nullable=False),
        sa.Column("safety_stock", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    ]


inventory = sa.Table(
    "inventory",
    metadata,
    *_inventory_columns(),
    sa.Index("ix_inventory_sku", "sku"),
    sqlite_with_rowid=False,
)


def _fulfillment_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("store_id", sa.Integer, nullable=False),
        sa.Column("destination_store_id", sa.Integer, nullable=True),
        # where the customer collects: the destination of a ship-to-store, the store of a
        # store pickup, NULL for ship from store
        sa.Column("pickup_store_id", sa.Integer, nullable=True),
        sa.Column("method", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("order_number", sa.Text, nullable=False),
        sa.Column("customer_name", sa.Text, nullable=False),
        sa.Column("customer_phone", sa.Text, nullable=False),
        sa.Column("customer_email", sa.Text, nullable=False),
        sa.Column("promised_at", sa.Text, nullable=True),
        sa.Column("pickup_deadline", sa.Text, nullable=True),
        sa.Column("bin", sa.Text, nullable=True),
        # when an ended pickup's goods went from its bin back to the shelf (return_to_stock)
        sa.Column("returned_at", sa.Text, nullable=True),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Column("fraud_state", sa.Text, nullable=False),
        # units still to hand over or ship: quantity - rejected - refused over the lines
        sa.Column("items", sa.Integer, nullable=False),
        # order number, customer name, phone, e-mail and collector, case and accent folded
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("order_version", sa.Integer, nullable=False),
        sa.Column("doc", sa.Text, nullable=False),
    ]


fulfillments = sa.Table(
    "fulfillments",
    metadata,
    *_fulfillment_columns(),
    sa.Index("ix_fulfillments_order_number", "order_number"),
    sa.Index("ix_fulfillments_pickup_queue", "pickup_store_id", "status", "updated_at"),
    sa.Index("ix_fulfillments_fulfil_queue", "store_id", "status", "promised_at"),
)

staff = sa.Table(
    "staff",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("store_id", sa.Integer, nullable=True),
    sa.Column("username", _nocase(), nullable=False),
    sa.Column("display_name", sa.Text, nullable=False),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("badge_id", sa.Text, nullable=True),
    sa.Column("verifier", sa.Text, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Index("ix_staff_username", "username"),
    sa.Index("ix_staff_badge_id", "badge_id"),
)

reason_codes = sa.Table(
    "reason_codes",
    metadata,
    sa.Column("kind", sa.Text, primary_key=True),
    sa.Column("code", sa.Text, primary_key=True),
    sa.Column("label", sa.Text, nullable=False),
)

settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

sync_state = sa.Table(
    "sync_state",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

outbox = sa.Table(
    "outbox",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("id", sa.Text, nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("target_kind", sa.Text, nullable=False),
    sa.Column("target_key", sa.Text, nullable=False),
    sa.Column("base_version", sa.Integer, nullable=False),
    sa.Column("staff_id", sa.Integer, nullable=False),
    sa.Column("approved_by", sa.Integer, nullable=True),
    sa.Column("args", sa.Text, nullable=False),
    sa.Column("issued_at", sa.Text, nullable=False),
    sa.Column("state", sa.Text, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("next_attempt_at", sa.Text, nullable=True),
    sa.Column("last_error", sa.Text, nullable=True),
)

pending_fulfillments = sa.Table(
    "pending_fulfillments",
    metadata,
    *_fulfillment_columns(),
    sa.Column("outbox_seq", sa.Integer, nullable=False),
)

pending_inventory = sa.Table(
    "pending_inventory",
    metadata,
    *_inventory_columns(),
    sa.Column("outbox_seq", sa.Integer, nullable=False),
    sqlite_with_rowid=False,
)

conflicts = sa.Table(
    "conflicts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("outbox_seq", sa.Integer, nullable=False),
    sa.Column("command", sa.Text, nullable=False),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("current", sa.Text, nullable=False),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("acknowledged_at", sa.Text, nullable=True),
)

# Cycle counts (:mod:`desktop_oms.cache.counts`): the station's own work, never synced, so
# a count survives restarts, sign-outs and resyncs until it is submitted or cancelled.
count_sessions = sa.Table(
    "count_sessions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("store_id", sa.Integer, nullable=False),
    # ``department`` (value: the department's name) or ``shelf`` (``H-07`` or ``H-07-C``)
    sa.Column("scope_kind", sa.Text, nullable=False),
    sa.Column("scope_value", sa.Text, nullable=False),
    sa.Column("started_at", sa.Text, nullable=False),
    sa.Column("started_by", sa.Integer, nullable=False),
    # ``open``, ``submitted`` or ``cancelled``
    sa.Column("state", sa.Text, nullable=False),
    sa.Column("submitted_at", sa.Text, nullable=True),
    sa.Column("submitted_by", sa.Integer, nullable=True),
    sa.Column("cancelled_at", sa.Text, nullable=True),
    sa.Index("ix_count_sessions_state", "state"),
)

# One counted SKU of a count, with what the station knew when it was first counted: the
# expected quantity (``v_inventory``), the confirmed stock version and the last outbox
# seq issued (the server applies the count against the movements after those).
count_lines = sa.Table(
    "count_lines",
    metadata,
    sa.Column("session_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("sku", sa.Text, primary_key=True),
    sa.Column("counted", sa.Integer, nullable=False),
    sa.Column("expected", sa.Integer, nullable=False),
    sa.Column("base_version", sa.Integer, nullable=False),
    sa.Column("counted_at_seq", sa.Integer, nullable=True),
    sa.Column("first_scanned_at", sa.Text, nullable=False),
    sa.Column("last_scanned_at", sa.Text, nullable=False),
    # units scanned; ``source``: ``scan``, ``hand`` (typed or +/-), ``not_found`` (counted
    # as 0 at review because it was not on the shelf)
    sa.Column("scans", sa.Integer, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    # False: outside the count's scope, added on purpose
    sa.Column("in_scope", sa.Boolean, nullable=False),
    sa.Column("counted_by", sa.Integer, nullable=False),
    # the adjust_inventory command queued for it at submit
    sa.Column("outbox_seq", sa.Integer, nullable=True),
    sqlite_with_rowid=False,
)

#: Synced tables by document kind, in the snapshot order of the protocol
#: (``protocol.sync.SNAPSHOT_ORDER``; a test keeps the two equal).
CONFIRMED: dict[str, sa.Table] = {
    "setting": settings,
    "reason_code": reason_codes,
    "store": stores,
    "staff": staff,
    "product": products,
    "identifier": identifiers,
    "inventory": inventory,
    "fulfillment": fulfillments,
}

KINDS: tuple[str, ...] = tuple(CONFIRMED)

#: Column names of each table, in DDL order (rows are written positionally in this order).
FULFILLMENT_COLUMNS: tuple[str, ...] = tuple(c.name for c in fulfillments.columns)
INVENTORY_COLUMNS: tuple[str, ...] = tuple(c.name for c in inventory.columns)


def columns_of(table: sa.Table) -> tuple[str, ...]:
    """The column names of ``table`` in DDL order."""
    return tuple(c.name for c in table.columns)


def shadow_name(table: sa.Table) -> str:
    """The name of the snapshot's shadow copy of a confirmed table."""
    return f"snap_{table.name}"
