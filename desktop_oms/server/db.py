"""Engine set-up and transactions for SQLite and PostgreSQL.

Writes go through :meth:`Database.write`, which on SQLite takes the write lock up front
(``BEGIN IMMEDIATE``) so two writers never deadlock on a lock upgrade, and which flushes
the transaction's staged feed changes last, just before commit (see :mod:`feed`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from desktop_oms.server import schema

CommitHook = Callable[[], None]


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of an SQLite file."""
    return f"sqlite:///{path}"


def _sqlite_engine(url: str) -> Engine:
    engine = sa.create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        pool_size=8,
        max_overflow=16,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Database:
    """One database: its engine, its write/read transactions and commit hooks."""

    def __init__(self, url: str, *, pool_size: int = 10) -> None:
        self.url = url
        if url.startswith("sqlite"):
            self.engine = _sqlite_engine(url)
        else:
            self.engine = sa.create_engine(
                url, pool_size=pool_size, max_overflow=20, pool_pre_ping=True
            )
        self.commit_hooks: list[CommitHook] = []

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @property
    def is_postgres(self) -> bool:
        """Whether row locks (``FOR UPDATE``, ``SKIP LOCKED``) are real."""
        return self.dialect == "postgresql"

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction; staged feed changes are appended last, then it commits."""
        from desktop_oms.server import feed  # feed imports db types only

        with self.engine.connect().execution_options(sqlite_immediate=True) as conn:
            feed.reset_staged(conn)
            try:
                with conn.begin():
                    yield conn
                    appended = feed.flush_staged(conn)
            finally:
                feed.reset_staged(conn)
        if appended:
            for hook in self.commit_hooks:
                hook()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction (deferred on SQLite, so it never blocks writers)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def initialize(conn: Connection) -> None:
    """Fill a freshly migrated database: its epoch, the feed counter, reason codes; on an
    existing database, add (and publish) reason codes a newer release introduced."""
    from desktop_oms.domain.reasons import REASON_CODES
    from desktop_oms.protocol.sync import Kind
    from desktop_oms.server import feed

    if not conn.execute(sa.select(schema.meta.c.value).where(schema.meta.c.key == "epoch")).first():
        conn.execute(sa.insert(schema.meta).values(key="epoch", value=uuid.uuid4().hex))
        conn.execute(sa.insert(schema.feed_state).values(id=1, seq=0, pruned_through=0))
    lock = sa.select(schema.feed_state.c.seq).where(schema.feed_state.c.id == 1)
    if conn.dialect.name == "postgresql":  # workers starting together add the codes once
        conn.execute(lock.with_for_update())
    rc = schema.reason_codes.c
    known = {(r.kind, r.code) for r in conn.execute(sa.select(rc.kind, rc.code))}
    new = [r for r in REASON_CODES if (r.kind.value, r.code) not in known]
    if not new:
        return
    conn.execute(
        sa.insert(schema.reason_codes),
        [{"kind": r.kind.value, "code": r.code, "label": r.label} for r in new],
    )
    for r in new:
        feed.touch(conn, Kind.REASON_CODE, f"{r.kind.value}:{r.code}")


def new_epoch(conn: Connection) -> str:
    """Give the database a new epoch (after a restore): every station will resync."""
    epoch = uuid.uuid4().hex
    conn.execute(sa.update(schema.meta).where(schema.meta.c.key == "epoch").values(value=epoch))
    return epoch
