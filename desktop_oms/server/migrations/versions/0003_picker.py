"""Picker: the staff member assigned to pick a fulfillment (start_picking)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.add_column("fulfillments", sa.Column("picker_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    # plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35), as in 0002
    op.drop_column("fulfillments", "picker_id")
