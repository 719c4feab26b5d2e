"""Return to stock: fulfillments remember when an ended pickup's goods left its bin

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 10:00:00

``returned_at`` goes right after ``bin`` in ``fulfillments``, ``pending_fulfillments``
and an unfinished snapshot's ``snap_fulfillments``: the tables are copied (Alembic batch
mode) so their column order stays that of ``cache.schema``, as a snapshot would make it.
The pending-over-confirmed view lists its columns, so it is dropped and made again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The pending-over-confirmed view before and after this revision.
V_FULFILLMENTS_0001 = """
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

V_FULFILLMENTS_0002 = """
CREATE VIEW v_fulfillments AS
SELECT id, store_id, destination_store_id, pickup_store_id, method, status, order_number,
       customer_name, customer_phone, customer_email, promised_at, pickup_deadline, bin,
       returned_at, created_at, updated_at, fraud_state, items, search_text, version,
       order_version, doc, outbox_seq, 1 AS pending
FROM pending_fulfillments
UNION ALL
SELECT id, store_id, destination_store_id, pickup_store_id, method, status, order_number,
       customer_name, customer_phone, customer_email, promised_at, pickup_deadline, bin,
       returned_at, created_at, updated_at, fraud_state, items, search_text, version,
       order_version, doc, NULL, 0
FROM fulfillments f
WHERE NOT EXISTS (SELECT 1 FROM pending_fulfillments p WHERE p.id = f.id)
"""


def _tables() -> list[str]:
    """The fulfillment tables present: confirmed, pending and a snapshot's shadow copy."""
    names = {
        name
        for (name,) in op.get_bind().exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        )
    }
    wanted = ("fulfillments", "pending_fulfillments", "snap_fulfillments")
    return [name for name in wanted if name in names]


def upgrade() -> None:
    """Apply this revision."""
    op.execute("DROP VIEW v_fulfillments")
    for table in _tables():
        with op.batch_alter_table(table, recreate="always") as batch_op:
            batch_op.add_column(
                sa.Column("returned_at", sa.Text(), nullable=True), insert_after="bin"
            )
    op.execute(V_FULFILLMENTS_0002)


def downgrade() -> None:
    """Revert this revision."""
    op.execute("DROP VIEW v_fulfillments")
    for table in _tables():
        with op.batch_alter_table(table, recreate="always") as batch_op:
            batch_op.drop_column("returned_at")
    op.execute(V_FULFILLMENTS_0001)
