"""A station's sync scope: its store and the nearest other stores whose stock it mirrors."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_oms.domain.geo import haversine_km
from desktop_oms.server import schema as t
from desktop_oms.server.feed import Scope


def station_scope(conn: Connection, store_id: int, nearby: int) -> Scope:
    """The scope of a station of ``store_id``: the ``nearby`` nearest stores (not DCs)."""
    rows = list(
        conn.execute(
            sa.select(t.stores.c.id, t.stores.c.kind, t.stores.c.latitude, t.stores.c.longitude)
        )
    )
    own = next((r for r in rows if r.id == store_id), None)
    if own is None:
        return Scope(store_id, ())
    others = sorted(
        (haversine_km(own.latitude, own.longitude, r.latitude, r.longitude), r.id)
        for r in rows
        if r.id != store_id and r.kind == "store"
    )
    return Scope(store_id, tuple(sid for _, sid in others[:nearby]))
