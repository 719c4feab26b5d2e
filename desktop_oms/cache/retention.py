"""Customer data leaves the station a set number of days after its fulfillment ended.

DESIGN §7: a station keeps customers only of its store's open orders, and purges them a
set number of days after completion. An ended fulfillment (handed over, shipped,
cancelled, expired, rejected) whose last change is older than the retention period is
deleted with its document (customer, address, lines); so are conflict records
acknowledged that long ago (they hold a copy of the order). A fulfillment with a change
still waiting for the server is kept until the server has answered. The period is the
server's setting ``privacy.retention_days`` (default :data:`DEFAULT_DAYS`); the sync
engine runs the purge at most every :data:`PURGE_EVERY`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.engine import Connection

from desktop_oms.cache import queries, state
from desktop_oms.cache.db import driver_cursor
from desktop_oms.cache.rows import utc_text
from desktop_oms.cache.state import Key
from desktop_oms.domain.status import TERMINAL

#: The server setting naming the retention period in days.
RETENTION_SETTING = "privacy.retention_days"
#: Days an ended fulfillment's customer data stays on the station without that setting.
DEFAULT_DAYS = 30
#: How often the purge runs at most.
PURGE_EVERY = timedelta(hours=1)

_ENDED = tuple(sorted(status.value for status in TERMINAL))


@dataclass(frozen=True, slots=True)
class Purged:
    """What a purge deleted."""

    fulfillments: int
    conflicts: int


def retention_days(conn: Connection) -> int:
    """The retention period in days (the server's setting, else the default; at least 1)."""
    value = queries.setting(conn, RETENTION_SETTING)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return DEFAULT_DAYS


def purge(conn: Connection, now: datetime, days: int | None = None) -> Purged:
    """Delete ended fulfillments and acknowledged conflicts older than the retention period."""
    cutoff = utc_text(now - timedelta(days=days if days is not None else retention_days(conn)))
    cur = driver_cursor(conn)
    marks = ", ".join("?" for _ in _ENDED)
    gone = cur.execute(
        f"DELETE FROM fulfillments WHERE status IN ({marks}) AND updated_at < ? "  # noqa: S608
        "AND id NOT IN (SELECT id FROM pending_fulfillments)",
        (*_ENDED, cutoff),
    ).rowcount
    seen = cur.execute(
        "DELETE FROM conflicts WHERE acknowledged_at IS NOT NULL AND acknowledged_at < ?",
        (cutoff,),
    ).rowcount
    state.put(conn, Key.RETENTION_PURGED_AT, utc_text(now))
    return Purged(int(gone), int(seen))


def purge_if_due(conn: Connection, now: datetime) -> Purged | None:
    """Purge unless the last purge was less than :data:`PURGE_EVERY` ago.

    ``now`` is the server's time (the sync engine's estimate): ``updated_at`` is stamped
    by the server, so a PC clock days ahead must not make live orders look ended long
    ago. A last purge stamped in the future (a clock set back since) does not wait.
    """
    last = state.get(conn, Key.RETENTION_PURGED_AT)
    recent = utc_text(now - PURGE_EVERY) or ""
    if isinstance(last, str) and recent < last <= (utc_text(now) or ""):
        return None
    return purge(conn, now)
