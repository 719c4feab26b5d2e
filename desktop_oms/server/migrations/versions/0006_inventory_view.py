"""Inventory view: fulfillment ready/completed times, line rejections, movement attribution

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desktop_oms.server.schema

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.add_column(
        "fulfillments",
        sa.Column("ready_at", desktop_oms.server.schema.UTCDateTime(timezone=True), nullable=True),
    )
    op.add_column(
        "fulfillments",
        sa.Column(
            "completed_at", desktop_oms.server.schema.UTCDateTime(timezone=True), nullable=True
        ),
    )
    # existing rows: the last change of an ended fulfillment is (about) when it ended
    op.execute(
        "UPDATE fulfillments SET completed_at = updated_at WHERE status IN "
        "('handed_over', 'shipped', 'cancelled', 'expired', 'rejected')"
    )
    op.execute(
        "UPDATE fulfillments SET ready_at = updated_at WHERE status = 'ready_for_pickup' "
        "OR (status = 'packed' AND method = 'ship_from_store')"
    )
    op.add_column("stock_movements", sa.Column("station_id", sa.Integer(), nullable=True))
    op.add_column("stock_movements", sa.Column("command_seq", sa.BigInteger(), nullable=True))
    op.create_table(
        "fulfillment_rejections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("fulfillment_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("at", desktop_oms.server.schema.UTCDateTime(timezone=True), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["fulfillment_id"],
            ["fulfillments.id"],
            name=op.f("fk_fulfillment_rejections_fulfillment_id_fulfillments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fulfillment_rejections")),
    )
    op.create_index(
        op.f("ix_fulfillment_rejections_fulfillment_id"),
        "fulfillment_rejections",
        ["fulfillment_id"],
        unique=False,
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index(
        op.f("ix_fulfillment_rejections_fulfillment_id"), table_name="fulfillment_rejections"
    )
    op.drop_table("fulfillment_rejections")
    # plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35), as in 0002
    op.drop_column("stock_movements", "command_seq")
    op.drop_column("stock_movements", "station_id")
    op.drop_column("fulfillments", "completed_at")
    op.drop_column("fulfillments", "ready_at")
