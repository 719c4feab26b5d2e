"""The server's settings, from the command line or the tests; no global state."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import platformdirs


def default_database_url() -> str:
    """An SQLite file under the platform's data directory."""
    data = Path(platformdirs.user_data_dir("desktop-oms-server", appauthor=False))
    data.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data / 'oms.sqlite3'}"


@dataclass(frozen=True)
class ServerConfig:
    """Everything the app factory needs to know."""

    database_url: str = field(default_factory=default_database_url)
    staff_token_ttl: timedelta = timedelta(hours=12)
    signin_max_failures: int = 5
    signin_window: timedelta = timedelta(minutes=15)
    max_body_bytes: int = 1_000_000
    feed_page_limit: int = 2_000
    snapshot_page_limit: int = 20_000
    longpoll_max_seconds: float = 30.0
    longpoll_recheck_seconds: float = 0.25
    feed_retention: timedelta = timedelta(days=14)
    nearby_store_count: int = 5
    pickup_hold_days: int = 7
    notification_dir: Path | None = None
    smtp_url: str | None = None
    run_jobs: bool = True
    job_interval_seconds: float = 2.0
