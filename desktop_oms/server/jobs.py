"""Background jobs each worker runs: send notices, expire pickups, compact the feed.

Every job claims its rows in the database (row locks, ``SKIP LOCKED`` on PostgreSQL), so
any number of workers may run them side by side.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa

from desktop_oms.server import feed, notify, schema
from desktop_oms.server.services import Services

log = logging.getLogger(__name__)

Job = Callable[[Services], object]


def send_notices(services: Services) -> int:
    """Send due notices."""
    return notify.dispatch_due(services.db, services.sender)


def compact_feed(services: Services) -> int:
    """Drop feed rows older than the retention window."""
    with services.db.write() as conn:
        return feed.compact(conn, services.config.feed_retention)


def expire_pickups(services: Services) -> int:
    """Expire ready pickups past their deadline (stock goes back)."""
    from desktop_oms.server.commands import expire_overdue

    return expire_overdue(services.db)


def purge_auth(services: Services) -> int:
    """Drop old sign-in attempts and ended sessions."""
    from desktop_oms.server.auth import purge_auth_records

    with services.db.write() as conn:
        return purge_auth_records(conn, services.config)


def purge_idempotency(services: Services) -> int:
    """Forget idempotency records older than the feed's retention window."""
    cutoff = datetime.now(UTC) - services.config.feed_retention
    with services.db.write() as conn:
        done = conn.execute(
            sa.delete(schema.idempotency_keys).where(schema.idempotency_keys.c.created_at < cutoff)
        )
        return int(done.rowcount or 0)


JOBS: tuple[Job, ...] = (
    send_notices,
    expire_pickups,
    compact_feed,
    purge_auth,
    purge_idempotency,
)


class JobRunner:
    """A daemon thread running every job each ``interval`` seconds until stopped."""

    def __init__(self, services: Services, interval: float) -> None:
        self.services = services
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="oms-jobs", daemon=True)

    def start(self) -> None:
        """Start the thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop the thread and wait for it."""
        self._stop.set()
        self._thread.join(timeout=10)

    def run_once(self) -> None:
        """Run each job once (tests call this directly)."""
        for job in JOBS:
            try:
                job(self.services)
            except Exception:  # a failing job must not stop the others
                log.exception("job %s failed", job.__name__)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.run_once()
