"""Cycle counts: count sessions and their counted lines, kept until submitted or cancelled

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 12:00:00

The station's own work (see ``cache.counts``), like the outbox: never synced, untouched by
a snapshot, so an open count survives restarts, sign-outs and resyncs.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "count_sessions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("scope_kind", sa.Text(), nullable=False),
        sa.Column("scope_value", sa.Text(), nullable=False),
        sa.Column("started_at", sa.Text(), nullable=False),
        sa.Column("started_by", sa.Integer(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("submitted_at", sa.Text(), nullable=True),
        sa.Column("submitted_by", sa.Integer(), nullable=True),
        sa.Column("cancelled_at", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_count_sessions")),
    )
    op.create_index("ix_count_sessions_state", "count_sessions", ["state"])
    op.create_table(
        "count_lines",
        sa.Column("session_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("sku", sa.Text(), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("counted_at_seq", sa.Integer(), nullable=True),
        sa.Column("first_scanned_at", sa.Text(), nullable=False),
        sa.Column("last_scanned_at", sa.Text(), nullable=False),
        sa.Column("scans", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("in_scope", sa.Boolean(), nullable=False),
        sa.Column("counted_by", sa.Integer(), nullable=False),
        sa.Column("outbox_seq", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("session_id", "sku", name=op.f("pk_count_lines")),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("count_lines")
    op.drop_index("ix_count_sessions_state", table_name="count_sessions")
    op.drop_table("count_sessions")
