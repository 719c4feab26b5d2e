"""Shipping service: how fast the customer chose a delivery to go (standard or express)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.add_column(
        "orders",
        sa.Column(
            "shipping_service", sa.String(length=10), server_default="standard", nullable=False
        ),
    )


def downgrade() -> None:
    """Revert this revision."""
    # plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35), as in 0002
    op.drop_column("orders", "shipping_service")
