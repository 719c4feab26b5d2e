"""Return to stock: when and by whom an ended pickup's goods went back on the shelf

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desktop_oms.server.schema

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.add_column(
        "fulfillments",
        sa.Column(
            "returned_at", desktop_oms.server.schema.UTCDateTime(timezone=True), nullable=True
        ),
    )
    op.add_column("fulfillments", sa.Column("returned_by", sa.Integer(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    # plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35): a batch copy of the table would
    # trip over the foreign keys of its lines
    op.drop_column("fulfillments", "returned_by")
    op.drop_column("fulfillments", "returned_at")
