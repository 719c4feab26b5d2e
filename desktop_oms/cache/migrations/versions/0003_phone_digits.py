"""Phone search: fulfillments' search text also holds the customer's phone as digits only

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 10:00:00

Rows written from now on carry the digits (``cache.rows.fulfillment_row``); this appends
them to the rows already cached, so ``06 1234`` finds ``+31 6 1234 5678`` there too. The
downgrade leaves the extra digits: they only ever widen a search.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_DIGITS = "customer_phone"
for _mark in (" ", "+", "-", "(", ")", ".", "/"):
    _DIGITS = f"replace({_DIGITS}, '{_mark}', '')"


def upgrade() -> None:
    """Apply this revision."""
    names = {
        name
        for (name,) in op.get_bind().exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        )
    }
    for table in ("fulfillments", "pending_fulfillments", "snap_fulfillments"):
        if table in names:
            op.execute(f"UPDATE {table} SET search_text = search_text || ' ' || {_DIGITS}")  # noqa: S608


def downgrade() -> None:
    """Revert this revision (nothing to undo: see the module docstring)."""
