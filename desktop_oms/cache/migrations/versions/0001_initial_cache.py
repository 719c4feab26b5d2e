"""Initial station cache: confirmed tables, sync state, outbox, pending overlay, search

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-27 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _fulfillment_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("destination_store_id", sa.Integer(), nullable=True),
        sa.Column("pickup_store_id", sa.Integer(), nullable=True),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("order_number", sa.Text(), nullable=False),
        sa.Column("customer_name", sa.Text(), nullable=False),
        sa.Column("customer_phone", sa.Text(), nullable=False),
        sa.Column("customer_email", sa.Text(), nullable=False),
        sa.Column("promised_at", sa.Text(), nullable=True),
        sa.Column("pickup_deadline", sa.Text(), nullable=True),
        sa.Column("bin", sa.Text(), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Text(), nullable=False),
        sa.Column("fraud_state", sa.Text(), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("order_version", sa.Integer(), nullable=False),
        sa.Column("doc", sa.Text(), nullable=False),
    ]


def _inventory_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("store_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("sku", sa.Text(), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("reserved", sa.Integer(), nullable=False),
        sa.Column("safety_stock", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


# Pending rows where a command is in flight, else the confirmed row.
V_FULFILLMENTS = """
CREATE VIEW v_fulfillments AS
SELECT id, store_id, destination_store_id, pickup_store_id, method, status, order_number,
       customer_name, customer_phone, customer_email, promised_at, pickup_deadline, bin,
       created_at, updated_at, fraud_state, items, search_text, version, order_version, doc,
       outbox_seq, 1 AS pending
FROM pending_fulfillments
UNION ALL
SELECT id, store_id, destination_store_id, pickup_store_id, method, status, order_number,
       customer_name, customer_phone, customer_email, promised_at, pickup_deadline, bin,
       created_at, updated_at, fraud_state, items, search_text, version, order_version, doc,
       NULL, 0
FROM fulfillments f
WHERE NOT EXISTS (SELECT 1 FROM pending_fulfillments p WHERE p.id = f.id)
"""

V_INVENTORY = """
CREATE VIEW v_inventory AS
SELECT store_id, sku, on_hand, reserved, safety_stock, version, outbox_seq, 1 AS pending
FROM pending_inventory
UNION ALL
SELECT store_id, sku, on_hand, reserved, safety_stock, version, NULL, 0
FROM inventory i
WHERE NOT EXISTS (
    SELECT 1 FROM pending_inventory p WHERE p.store_id = i.store_id AND p.sku = i.sku
)
"""

# What the search index holds per product. Identifier values come in a fixed order so that
# the values indexed and the values later handed to an FTS 'delete' are always the same.
V_PRODUCT_SEARCH = """
CREATE VIEW v_product_search AS
SELECT p.rowid AS rid, p.sku AS sku, p.name AS name, p.department AS department,
       p.attribute_values AS attrs,
       (SELECT group_concat(x.value, ' ')
        FROM (SELECT i.value AS value FROM identifiers i WHERE i.sku = p.sku ORDER BY i.value) x
       ) AS idents,
       p.version AS version
FROM products p
"""

# Trigram FTS5 over the view, storing no copy of the text; bm25 weights make a hit in the
# SKU, the name or an identifier count more than one in the department or attributes.
PRODUCT_FTS = """
CREATE VIRTUAL TABLE product_fts USING fts5(
    sku, name, department, attrs, idents,
    content='v_product_search', content_rowid='rid', tokenize='trigram'
)
"""
PRODUCT_FTS_RANK = (
    "INSERT INTO product_fts(product_fts, rank) VALUES ('rank', 'bm25(4.0, 3.0, 1.0, 1.0, 4.0)')"
)


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "stores",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("city", sa.Text(), nullable=False),
        sa.Column("postal_code", sa.Text(), nullable=False),
        sa.Column("country", sa.Text(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("timezone", sa.Text(), nullable=False),
        sa.Column("opening_hours", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stores")),
    )
    op.create_table(
        "products",
        sa.Column("sku", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(collation="NOCASE"), nullable=False),
        sa.Column("department", sa.Text(), nullable=False),
        sa.Column("price_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("attributes", sa.Text(), nullable=False),
        sa.Column("attribute_values", sa.Text(), nullable=False),
        sa.Column("image_ref", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("sku", name=op.f("pk_products")),
    )
    op.create_index("ix_products_name", "products", ["name"])
    op.create_table(
        "identifiers",
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("sku", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("value", name=op.f("pk_identifiers")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_identifiers_sku", "identifiers", ["sku"])
    op.create_table(
        "inventory",
        *_inventory_columns(),
        sa.PrimaryKeyConstraint("store_id", "sku", name=op.f("pk_inventory")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_inventory_sku", "inventory", ["sku"])
    op.create_table(
        "fulfillments",
        *_fulfillment_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fulfillments")),
    )
    op.create_index("ix_fulfillments_order_number", "fulfillments", ["order_number"])
    op.create_index(
        "ix_fulfillments_pickup_queue", "fulfillments", ["pickup_store_id", "status", "updated_at"]
    )
    op.create_index(
        "ix_fulfillments_fulfil_queue", "fulfillments", ["store_id", "status", "promised_at"]
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.Text(collation="NOCASE"), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("badge_id", sa.Text(), nullable=True),
        sa.Column("verifier", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
    )
    op.create_index("ix_staff_username", "staff", ["username"])
    op.create_index("ix_staff_badge_id", "staff", ["badge_id"])
    op.create_table(
        "reason_codes",
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "code", name=op.f("pk_reason_codes")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("target_kind", sa.Text(), nullable=False),
        sa.Column("target_key", sa.Text(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.Column("args", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.Text(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox")),
        sa.UniqueConstraint("id", name=op.f("uq_outbox_id")),
    )
    op.create_table(
        "pending_fulfillments",
        *_fulfillment_columns(),
        sa.Column("outbox_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_fulfillments")),
    )
    op.create_table(
        "pending_inventory",
        *_inventory_columns(),
        sa.Column("outbox_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("store_id", "sku", name=op.f("pk_pending_inventory")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("outbox_seq", sa.Integer(), nullable=False),
        sa.Column("command", sa.Text(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("current", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("acknowledged_at", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    for ddl in (V_FULFILLMENTS, V_INVENTORY, V_PRODUCT_SEARCH, PRODUCT_FTS, PRODUCT_FTS_RANK):
        op.execute(ddl)


def downgrade() -> None:
    """Revert this revision."""
    op.execute("DROP TABLE product_fts")
    for view in ("v_product_search", "v_inventory", "v_fulfillments"):
        op.execute(f"DROP VIEW {view}")
    for table in (
        "conflicts",
        "pending_inventory",
        "pending_fulfillments",
        "outbox",
        "sync_state",
        "settings",
        "reason_codes",
        "staff",
        "fulfillments",
        "inventory",
        "identifiers",
        "products",
        "stores",
    ):
        op.drop_table(table)
