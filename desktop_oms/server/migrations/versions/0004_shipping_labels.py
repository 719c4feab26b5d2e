"""Shipping labels bought from carriers, and the built-in carrier's serial counter

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import desktop_oms.server.schema

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "shipping_labels",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tracking", sa.String(length=40), nullable=False),
        sa.Column("fulfillment_id", sa.Integer(), nullable=False),
        sa.Column("carrier", sa.String(length=40), nullable=False),
        sa.Column("service", sa.String(length=10), nullable=False),
        sa.Column("box_index", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=6), nullable=False),
        sa.Column(
            "label", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column(
            "created_at", desktop_oms.server.schema.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("voided_at", desktop_oms.server.schema.UTCDateTime(timezone=True), nullable=True),
        sa.Column("voided_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["fulfillment_id"],
            ["fulfillments.id"],
            name=op.f("fk_shipping_labels_fulfillment_id_fulfillments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipping_labels")),
        sa.UniqueConstraint("tracking", name=op.f("uq_shipping_labels_tracking")),
    )
    op.create_index(
        op.f("ix_shipping_labels_fulfillment_id"),
        "shipping_labels",
        ["fulfillment_id"],
        unique=False,
    )
    op.create_table(
        "carrier_serials",
        sa.Column("carrier", sa.String(length=40), nullable=False),
        sa.Column("last_serial", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("carrier", name=op.f("pk_carrier_serials")),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("carrier_serials")
    op.drop_index(op.f("ix_shipping_labels_fulfillment_id"), table_name="shipping_labels")
    op.drop_table("shipping_labels")
