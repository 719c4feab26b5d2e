"""The station's SQLite cache file: engine, pragmas, transactions, integrity, location.

One file per server and station, in WAL mode so that the UI's reads never wait for the
sync engine's writes. Writes take the write lock up front (``BEGIN IMMEDIATE``) so two
writers never deadlock on a lock upgrade; reads run in a deferred transaction and see one
consistent snapshot. Hot paths reach the ``sqlite3`` driver through :func:`driver_cursor`.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from desktop_oms.cache import migrate
from desktop_oms.domain.errors import DomainError

BUSY_TIMEOUT_MS = 30_000
#: Page cache per connection, in KiB (negative: SQLite's unit is then KiB).
CACHE_KIB = 32 * 1024
APP_NAME = "desktop-oms"


#: SQLite's result code for "database or disk is full" (``SQLITE_FULL``).
SQLITE_FULL = 13


class DiskFull(DomainError):
    """The disk (or the file's size limit) is full: the write was rolled back, nothing of
    it saved; what was saved before is kept."""

    code = "disk_full"


DISK_FULL_MESSAGE = (
    "This PC's disk is full, so nothing more can be saved: free some disk space. Changes "
    "saved before are kept, and the sync carries on by itself once there is room."
)


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` (sqlite3's, or SQLAlchemy's wrapping it) is SQLite's disk-full error,
    or an error it caused (SQLite rolls the transaction back, so the savepoint's own
    rollback fails next)."""
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        orig = seen.orig if isinstance(seen, sa.exc.DBAPIError) else seen
        if isinstance(orig, sqlite3.Error) and (
            getattr(orig, "sqlite_errorcode", None) == SQLITE_FULL
            or "database or disk is full" in str(orig)
        ):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # transactions are begun explicitly (see _on_begin)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=OFF")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    # Zero deleted content in b-tree pages (customer data is purged), without extra I/O.
    cur.execute("PRAGMA secure_delete=FAST")
    cur.close()


def _on_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_engine(path: Path) -> Engine:
    """An engine on the cache file with the cache's pragmas and explicit transactions."""
    engine = sa.create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        pool_size=4,
        max_overflow=4,
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def driver_cursor(conn: Connection) -> sqlite3.Cursor:
    """A ``sqlite3`` cursor on ``conn``'s connection, inside its current transaction."""
    raw = conn.connection.driver_connection
    if not isinstance(raw, sqlite3.Connection):  # pragma: no cover - engine is sqlite3
        raise TypeError("the cache runs on the sqlite3 driver")
    return raw.cursor()


class CacheDB:
    """One station cache file, migrated to head when opened."""

    def __init__(self, path: Path, *, migrate_on_open: bool = True) -> None:
        self.path = Path(path)
        if not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, mode=0o700)
        self.engine = create_engine(self.path)
        if migrate_on_open:
            migrate.ensure_head(self.engine)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction (``BEGIN IMMEDIATE``), committed on success.

        A full disk rolls it back and raises :class:`DiskFull` (a clear message for staff).
        """
        try:
            with (
                self.engine.connect().execution_options(sqlite_immediate=True) as conn,
                conn.begin(),
            ):
                yield conn
        except (sa.exc.DBAPIError, sqlite3.Error) as exc:
            if is_disk_full(exc):
                raise DiskFull(DISK_FULL_MESSAGE) from exc
            raise

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot that never blocks the writer."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def integrity_ok(self) -> bool:
        """Whether ``PRAGMA quick_check`` finds the file sound (else: delete and resync)."""
        try:
            with self.engine.connect() as conn:
                rows = conn.exec_driver_sql("PRAGMA quick_check").scalars().all()
        except sa.exc.DatabaseError:
            return False
        return rows == ["ok"]

    def vacuum(self) -> None:
        """Compact the file; VACUUM may renumber product rowids, so the search is rebuilt."""
        from desktop_oms.cache import search_index

        with self.engine.connect() as conn:
            driver_cursor(conn).execute("VACUUM")  # outside any transaction, as VACUUM needs
        with self.write() as conn:
            search_index.rebuild(driver_cursor(conn))

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


_SLUG_RE = re.compile(r"[^A-Za-z0-9.-]+")


def default_cache_path(server_url: str, station_id: int | str) -> Path:
    """The cache file of one station of one server, under the user's data directory."""
    # The name shows host and port and carries a hash of the whole normalised URL, so two
    # servers on one host never share a file and URL spellings of one server agree.
    from platformdirs import user_data_dir

    parts = urlsplit(server_url.strip())
    scheme = (parts.scheme or "http").lower()
    host = (parts.hostname or "local").lower()
    default_port = 443 if scheme == "https" else 80
    port = parts.port or default_port
    normalized = f"{scheme}://{host}:{port}{parts.path.rstrip('/')}"
    digest = hashlib.sha256(normalized.encode()).hexdigest()[:10]
    slug = _SLUG_RE.sub("-", f"{host}-{port}").strip("-")
    station = _SLUG_RE.sub("-", str(station_id)).strip("-") or "station"
    return Path(user_data_dir(APP_NAME)) / "caches" / f"{slug}-{digest}-station-{station}.sqlite3"
