"""Writing an initial snapshot into shadow tables and switching it in atomically.

Pages go into ``snap_<table>`` copies of the confirmed tables, created from the same DDL
but without secondary indexes, each page in its own transaction together with the
progress record (kind, ``next_after``, row counts) in ``sync_state``: an interrupted
snapshot resumes at the page after the last one committed, with no gap and no duplicate.
Until :meth:`SnapshotWriter.finish` the old confirmed data stays what every reader sees;
``finish`` swaps the tables, builds the indexes and the search index and records the
cursor in one transaction. The outbox, the pending overlay and conflicts are not touched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection
from sqlalchemy.schema import CreateIndex, CreateTable

from desktop_oms.cache import rows as row_build
from desktop_oms.cache import search_index, state
from desktop_oms.cache.db import CacheDB, driver_cursor
from desktop_oms.cache.schema import CONFIRMED, KINDS, columns_of, shadow_name
from desktop_oms.cache.state import Key

ConnFactory = Callable[[], AbstractContextManager[Connection]]

_DIALECT = sqlite_dialect.dialect()


class SnapshotError(RuntimeError):
    """A snapshot step out of order: no snapshot begun, a page after its kind ended, ..."""


class ResumePoint(NamedTuple):
    """Where a snapshot goes on: cursor, kind to fetch (None: only finish left), key after."""

    cursor: str
    kind: str | None
    after: str | None


def shadow_ddl(table: sa.Table) -> str:
    """``CREATE TABLE snap_<name>``: the table's DDL (keys included, no secondary index)."""
    ddl = str(CreateTable(table).compile(dialect=_DIALECT)).strip()
    head = f"CREATE TABLE {table.name} ("
    if not ddl.startswith(head):  # pragma: no cover - guards a change of SQLAlchemy output
        raise RuntimeError(f"unexpected DDL for {table.name}: {ddl[:60]!r}")
    return f"CREATE TABLE {shadow_name(table)} (" + ddl[len(head) :]


def index_ddl(table: sa.Table) -> list[str]:
    """The ``CREATE INDEX`` statements of a table's secondary indexes."""
    return [str(CreateIndex(ix).compile(dialect=_DIALECT)).strip() for ix in table.indexes]


def _insert_sql(table: sa.Table) -> str:
    names = columns_of(table)
    marks = ", ".join("?" * len(names))
    return f"INSERT OR REPLACE INTO {shadow_name(table)} ({', '.join(names)}) VALUES ({marks})"  # noqa: S608


_INSERT = {kind: _insert_sql(table) for kind, table in CONFIRMED.items()}
# kinds whose snapshot rows are stored exactly as they come
_AS_IS = frozenset({"inventory", "reason_code"})


class _Progress(NamedTuple):
    cursor: str
    kind: str | None
    after: str | None
    done: list[str]
    counts: dict[str, int]


def _progress(conn: Connection) -> _Progress | None:
    cursor = state.get(conn, Key.SNAPSHOT_CURSOR)
    if cursor is None:
        return None
    return _Progress(
        cursor=str(cursor),
        kind=state.get(conn, Key.SNAPSHOT_KIND),
        after=state.get(conn, Key.SNAPSHOT_AFTER),
        done=list(state.get(conn, Key.SNAPSHOT_DONE, [])),
        counts=dict(state.get(conn, Key.SNAPSHOT_COUNTS, {})),
    )


def _next(progress: _Progress) -> ResumePoint:
    if progress.kind is not None:
        return ResumePoint(progress.cursor, progress.kind, progress.after)
    left = [k for k in KINDS if k not in progress.done]
    return ResumePoint(progress.cursor, left[0] if left else None, None)


def _reorder(
    kind: str, columns: Sequence[str], page: Sequence[Sequence[Any]]
) -> Sequence[Sequence[Any]]:
    expected = row_build.SNAPSHOT_COLUMNS[kind]
    if tuple(columns) == expected:
        return page
    missing = [c for c in expected if c not in columns]
    if missing:
        raise SnapshotError(f"{kind} page lacks columns {missing}")
    positions = [list(columns).index(c) for c in expected]
    return [[r[i] for i in positions] for r in page]


class SnapshotWriter:
    """Writes one snapshot page by page and switches it in; resumable after a crash."""

    def __init__(self, target: CacheDB | ConnFactory) -> None:
        self._connect: ConnFactory = target.write if isinstance(target, CacheDB) else target

    def begin(self, cursor: str, store_id: int, nearby: Sequence[int]) -> None:
        """Start a snapshot at ``cursor`` (discarding any unfinished one): empty shadow tables."""
        with self._connect() as conn:
            cur = driver_cursor(conn)
            for table in CONFIRMED.values():
                cur.execute(f"DROP TABLE IF EXISTS {shadow_name(table)}")
                cur.execute(shadow_ddl(table))
            state.delete(conn, state.SNAPSHOT_KEYS)
            state.put_many(
                conn,
                {
                    Key.SNAPSHOT_CURSOR: cursor,
                    Key.SNAPSHOT_STORE_ID: store_id,
                    Key.SNAPSHOT_NEARBY: list(nearby),
                    Key.SNAPSHOT_DONE: [],
                    Key.SNAPSHOT_COUNTS: {},
                },
            )

    def resume_point(self) -> ResumePoint | None:
        """Where the unfinished snapshot continues, or None when none is under way."""
        with self._connect() as conn:
            progress = _progress(conn)
        return None if progress is None else _next(progress)

    def counts(self) -> dict[str, int]:
        """Rows written so far per kind."""
        with self._connect() as conn:
            progress = _progress(conn)
        return {} if progress is None else progress.counts

    def write_page(
        self,
        kind: str,
        columns: Sequence[str],
        rows: Sequence[Sequence[Any]],
        next_after: str | None = None,
    ) -> int:
        """Write one page and its progress (``next_after``; None ends the kind) atomically."""
        if kind not in CONFIRMED:
            raise SnapshotError(f"unknown snapshot kind {kind!r}")
        page = _reorder(kind, columns, rows)
        with self._connect() as conn:
            progress = _progress(conn)
            if progress is None:
                raise SnapshotError("no snapshot under way: call begin() first")
            if kind in progress.done:
                raise SnapshotError(f"the {kind} pages are already complete")
            cur = driver_cursor(conn)
            if kind in _AS_IS:
                cur.executemany(_INSERT[kind], page)
            else:
                cur.executemany(_INSERT[kind], map(row_build.SNAPSHOT_ROW[kind], page))
            counts = progress.counts
            counts[kind] = counts.get(kind, 0) + len(page)
            done = progress.done if next_after is not None else [*progress.done, kind]
            state.put_many(
                conn,
                {
                    Key.SNAPSHOT_KIND: kind if next_after is not None else None,
                    Key.SNAPSHOT_AFTER: next_after,
                    Key.SNAPSHOT_DONE: done,
                    Key.SNAPSHOT_COUNTS: counts,
                },
            )
        return len(page)

    def finish(self) -> None:
        """Switch the snapshot in: swap tables, build indexes and search, store the cursor."""
        with self._connect() as conn:
            progress = _progress(conn)
            if progress is None:
                raise SnapshotError("no snapshot under way")
            left = _next(progress)
            if left.kind is not None:
                raise SnapshotError(f"snapshot incomplete: {left.kind} pages are missing")
            cur = driver_cursor(conn)
            _swap_tables(cur)
            search_index.rebuild(cur)
            scope = {
                Key.STORE_ID: state.get(conn, Key.SNAPSHOT_STORE_ID),
                Key.NEARBY_STORE_IDS: state.get(conn, Key.SNAPSHOT_NEARBY, []),
            }
            state.delete(conn, state.SNAPSHOT_KEYS)
            state.put_many(conn, scope)
            state.set_cursor(conn, progress.cursor)


def _swap_tables(cur: sqlite3.Cursor) -> None:
    # Views name the confirmed tables; with the legacy rename SQLite neither re-parses
    # them against the momentarily missing table nor rewrites them.
    cur.execute("PRAGMA legacy_alter_table=ON")
    try:
        for table in CONFIRMED.values():
            cur.execute(f"DROP TABLE {table.name}")
            cur.execute(f"ALTER TABLE {shadow_name(table)} RENAME TO {table.name}")
            for ddl in index_ddl(table):
                cur.execute(ddl)
    finally:
        cur.execute("PRAGMA legacy_alter_table=OFF")
