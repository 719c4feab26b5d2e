"""'Export diagnostics': one zip for support with the logs, versions and sync state.

:func:`read_sync_state` reads the cache (on the database worker): cursor, last sync,
outbox counts by state, conflicts, schema revision and ``PRAGMA quick_check``; never a
row of customer data, never a token. :func:`write_bundle` (on a worker thread) writes the
zip: ``manifest.json`` (versions), ``sync_state.json``, ``scanner_settings.json`` and
``logs/`` (every log file, redacted again on the way in, in case an older version of the
app wrote it). Every text entry goes through :func:`~.redact.redact` last.
"""

from __future__ import annotations

import json
import platform
import sqlite3
import sys
import zipfile
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from desktop_oms.cache import state
from desktop_oms.cache.db import driver_cursor
from desktop_oms.cache.state import Key
from desktop_oms.diagnostics.logfile import log_files
from desktop_oms.diagnostics.redact import redact

#: The entries of a bundle (the logs are ``logs/<file name>``).
MANIFEST = "manifest.json"
SYNC_STATE = "sync_state.json"
SCANNER = "scanner_settings.json"
LOGS = "logs/"
#: At most this much of each log file goes in (the newest part).
LOG_LIMIT = 8 * 1024 * 1024


def versions(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The app's, Python's, SQLite's and the OS's versions, with ``extra`` (Qt's)."""
    from importlib import metadata

    found: dict[str, str] = {}
    for dist in ("desktop-oms", "PySide6", "SQLAlchemy", "requests", "qasync"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found[dist] = "not installed"
    found["python"] = sys.version.split()[0]
    found["python_implementation"] = platform.python_implementation()
    found["sqlite"] = sqlite3.sqlite_version
    found["os"] = platform.platform()
    found["machine"] = platform.machine()
    if extra:
        found.update(extra)
    return found


def read_sync_state(conn: Connection) -> dict[str, Any]:
    """Disk: the station's sync state for support (no customer data, no token)."""
    cur = driver_cursor(conn)
    snapshot_kind = state.get(conn, Key.SNAPSHOT_KIND)
    outbox = dict(cur.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
    oldest = cur.execute("SELECT min(issued_at), max(attempts) FROM outbox").fetchone()
    conflicts_total, conflicts_open = cur.execute(
        "SELECT count(*), count(*) - count(acknowledged_at) FROM conflicts"
    ).fetchone()
    try:
        revision = cur.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        revision = None
    check = [row[0] for row in cur.execute("PRAGMA quick_check").fetchall()]
    server_url = state.get(conn, Key.SERVER_URL)
    return {
        "station_id": state.get(conn, Key.STATION_ID),
        "store_id": state.get(conn, Key.STORE_ID),
        "server_url": None if server_url is None else redact(str(server_url)),
        "epoch": state.get(conn, Key.EPOCH),
        "cursor": state.get(conn, Key.CURSOR),
        "last_sync_at": state.get(conn, Key.LAST_SYNC_AT),
        "last_command_seq": state.get(conn, Key.LAST_COMMAND_SEQ),
        "snapshot_in_progress": snapshot_kind is not None,
        "outbox_by_state": outbox,
        "outbox_oldest_issued_at": oldest[0],
        "outbox_max_attempts": oldest[1],
        "conflicts": conflicts_total,
        "conflicts_open": conflicts_open,
        "cache_schema_revision": None if revision is None else revision[0],
        "cache_quick_check": check,
    }


def default_name(now: datetime | None = None) -> str:
    """``desktop-oms-diagnostics-20261129-1305.zip``."""
    now = now or datetime.now(UTC)
    return f"desktop-oms-diagnostics-{now:%Y%m%d-%H%M}.zip"


def _json(value: object) -> str:
    return redact(json.dumps(value, indent=2, sort_keys=True, default=str)) + "\n"


def write_bundle(
    dest: Path,
    *,
    log_dir: Path | None,
    sync_state: Mapping[str, Any] | None,
    scanner: Mapping[str, Any] | None = None,
    extra_versions: Mapping[str, str] | None = None,
    station: Mapping[str, Any] | None = None,
) -> Path:
    """Write the diagnostics zip to ``dest`` (a temporary file first, then renamed, so a
    failed export leaves no half file); ``dest``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    files = log_files(log_dir) if log_dir is not None and log_dir.is_dir() else []
    manifest = {
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "versions": versions(extra_versions),
        "station": dict(station or {}),
        "log_dir": None if log_dir is None else str(log_dir),
        "logs": [f.name for f in files],
        "entries": [MANIFEST, SYNC_STATE, SCANNER] + [LOGS + f.name for f in files],
    }
    partial = dest.with_name(dest.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            bundle.writestr(MANIFEST, _json(manifest))
            sync = dict(sync_state) if sync_state is not None else {"unavailable": True}
            bundle.writestr(SYNC_STATE, _json(sync))
            bundle.writestr(SCANNER, _json(dict(scanner or {})))
            for path in files:
                bundle.writestr(LOGS + path.name, _read_log(path))
        partial.replace(dest)
    finally:
        partial.unlink(missing_ok=True)
    return dest


def _read_log(path: Path) -> str:
    """The newest :data:`LOG_LIMIT` bytes of a log file, redacted line by line."""
    with path.open("rb") as f:
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - LOG_LIMIT))
        data = f.read()
    text = data.decode("utf-8", errors="replace")
    return "".join(redact(line) for line in text.splitlines(keepends=True))
