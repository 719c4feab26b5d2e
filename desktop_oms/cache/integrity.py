"""A damaged station cache found at start: checked, kept aside, its unsent commands saved.

DESIGN §4: the cache is a copy of the server's data plus the commands not yet sent. When
the file is damaged (``PRAGMA quick_check`` fails, or it cannot be opened or migrated),
:func:`recover` renames it (and its ``-wal``/``-shm``) to ``<name>.damaged-<UTC time>``,
never deleting it, reads from it row by row what can still be read — the station's
identity, its outbox and its conflict records — and writes them into a new cache at the
same path. The station then resyncs from scratch; the saved commands keep their ids and
seqs so that the server's replay protection still applies them exactly once. Where the
outbox cannot be read, :class:`Recovery` says how many commands may be lost and where
the damaged file was kept. :func:`reconcile` closes holes in the saved seqs once the
server's ``last_seq`` is known. No Qt: the GUI and the CLI both call this.

The station's identity (server, station, store, sync client id; never the token) is also
kept in a small file beside the cache (:func:`remember_identity`), so that a cache file
deleted, or damaged past reading its identity, is replaced by a fresh cache of the same
station, which resyncs, instead of needing a manager to enrol the PC again.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from desktop_oms.cache import outbox
from desktop_oms.cache.db import CacheDB, driver_cursor
from desktop_oms.cache.state import Key

log = logging.getLogger(__name__)

#: ``sync_state`` keys carried into the new cache (who the station is); the cursor and
#: snapshot progress are not: the new cache resyncs from scratch.
IDENTITY_KEYS = (Key.SERVER_URL, Key.STATION_ID, Key.STORE_ID, Key.CLIENT_ID)
_CONFLICT_COLUMNS = "id, outbox_seq, command, code, message, current, created_at, acknowledged_at"
#: Companion files SQLite keeps next to a cache in WAL mode; they move with it.
_COMPANIONS = ("-wal", "-shm")
#: The identity file beside a cache: ``<cache name>`` + this.
IDENTITY_SUFFIX = ".identity.json"


@dataclass(frozen=True, slots=True)
class Salvage:
    """What could still be read from a damaged cache file."""

    identity: dict[Key, Any]
    #: Outbox rows in :data:`outbox.COLUMNS` order, by seq.
    commands: list[tuple[Any, ...]]
    conflicts: list[tuple[Any, ...]]
    last_command_seq: int | None
    #: Whether every outbox row could be read (else some commands may be lost).
    outbox_whole: bool


@dataclass(frozen=True, slots=True)
class Recovery:
    """A damaged cache replaced by a new one: what was wrong, kept and saved."""

    problem: str
    #: Where the damaged file was kept (None: there was no file, it was deleted).
    kept_at: Path | None
    salvaged: int
    #: Commands not yet sent that could not be read: a count, or None when unknown.
    lost: int | None
    identity_saved: bool
    seqs: list[int] = field(default_factory=list)
    #: The last command seq the damaged cache had issued, when that could be read.
    last_issued: int | None = None

    def with_server(self, server_last_seq: int) -> Recovery:
        """The count of lost commands made exact by the last seq the server processed: the
        unsent ones were those after it, up to the last one issued here."""
        if self.last_issued is None:
            return self
        saved = set(self.seqs)
        unsent = range(server_last_seq + 1, self.last_issued + 1)
        return replace(self, lost=sum(1 for seq in unsent if seq not in saved))

    def message(self) -> str:
        """What staff read: what happened, what was saved, what may be lost, where the file is."""
        sent = "change" if self.salvaged == 1 else "changes"
        how = "damaged" if self.kept_at is not None else "missing"
        parts = [
            f"This PC's copy of the store's data was {how}, so the station fetched a new "
            "copy from the server."
        ]
        if self.salvaged:
            were = "was" if self.salvaged == 1 else "were"
            parts.append(f"{self.salvaged} {sent} not yet sent {were} saved and will be sent.")
        if self.lost is None:
            parts.append(
                "Changes not yet sent could not be read and may be lost (how many is not "
                "known): check the orders worked on last."
            )
        elif self.lost:
            lost = "change" if self.lost == 1 else "changes"
            parts.append(
                f"{self.lost} {lost} not yet sent could not be read and may be lost: check "
                "the orders worked on last."
            )
        if self.kept_at is not None:
            parts.append(f"The damaged file was kept at {self.kept_at}.")
        return " ".join(parts)


class CacheLost(Exception):
    """The damaged cache no longer says which station it is: enrol this PC again."""

    def __init__(self, recovery: Recovery) -> None:
        kept = f" The damaged file was kept at {recovery.kept_at}." if recovery.kept_at else ""
        saved = (
            f" {recovery.salvaged} change(s) not yet sent could be read from it."
            if recovery.salvaged
            else " Changes not yet sent could not be read and may be lost (how many is not known)."
        )
        super().__init__(
            "This PC's copy of the store's data was damaged and no longer says which station "
            f"it belongs to: enrol this PC again (a manager signs in).{saved}{kept}"
        )
        self.recovery = recovery


# --- check -----------------------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    """A plain connection to an existing file (never creating one)."""
    return sqlite3.connect(f"file:{path}?mode=rw", uri=True, isolation_level=None)


def check(path: Path) -> str | None:
    """None when the cache file at ``path`` is sound; else what is wrong, in a few words.

    A missing file is not checked here (there is nothing to keep or save): None.
    """
    if not path.exists():
        return None
    try:
        with closing(_connect(path)) as con:
            found = [str(r[0]) for r in con.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        return f"the file cannot be read as a database ({exc})"
    if found != ["ok"]:
        return "the integrity check failed: " + "; ".join(found[:3])
    return None


def open_problem(path: Path) -> str | None:
    """None when the file opens and migrates as a cache; else what went wrong."""
    try:
        db = CacheDB(path)
    except (sa.exc.DatabaseError, sqlite3.DatabaseError) as exc:
        return f"the file cannot be opened as a station cache ({exc})"
    db.close()
    return None


# --- keep aside ------------------------------------------------------------------------------


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename the cache and its WAL files to ``<name>.damaged-<UTC time>``; the new path."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    for suffix in _COMPANIONS:  # the WAL first, so the main file is never left without it
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.replace(companion, f"{target}{suffix}")
    os.replace(path, target)
    return target


# --- salvage ---------------------------------------------------------------------------------


def _rows(con: sqlite3.Connection, sql: str, *params: Any) -> Iterator[tuple[Any, ...]]:
    """The rows of a query until the first unreadable page (which ends it, raising)."""
    yield from con.execute(sql, params)


def _identity(con: sqlite3.Connection) -> tuple[dict[Key, Any], int | None]:
    found: dict[Key, Any] = {}
    for key in (*IDENTITY_KEYS, Key.LAST_COMMAND_SEQ):
        try:
            row = con.execute("SELECT value FROM sync_state WHERE key = ?", (key.value,)).fetchone()
            if row is not None:
                found[key] = json.loads(row[0])
        except (sqlite3.DatabaseError, ValueError, TypeError):
            continue
    last = found.pop(Key.LAST_COMMAND_SEQ, None)
    return found, (last if isinstance(last, int) else None)


def _commands(con: sqlite3.Connection, last: int | None) -> tuple[dict[int, tuple[Any, ...]], bool]:
    """The readable outbox rows by seq, and whether the whole table could be read.

    A scan stops at the first damaged page; the seqs it did not reach are then looked up
    one by one (each lookup reads only the pages on its own path through the b-tree).
    """
    sql = f"SELECT {outbox.COLUMNS} FROM outbox"  # noqa: S608 - constant columns
    found: dict[int, tuple[Any, ...]] = {}
    try:
        for row in _rows(con, f"{sql} ORDER BY seq"):
            found[int(row[0])] = tuple(row)
        return found, True
    except sqlite3.DatabaseError:
        pass
    top = max([last or 0, *found])
    for seq in range(1, top + 1):
        if seq in found:
            continue
        try:
            row = con.execute(f"{sql} WHERE seq = ?", (seq,)).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row is not None:
            found[seq] = tuple(row)
    return found, False


def _readable(row: tuple[Any, ...]) -> bool:
    """Whether an outbox row holds a command that can be sent (its JSON parses)."""
    try:
        outbox.entry_from_row(row)
    except (ValueError, TypeError):
        return False
    return True


def _conflicts(con: sqlite3.Connection) -> list[tuple[Any, ...]]:
    sql = f"SELECT {_CONFLICT_COLUMNS} FROM conflicts"  # noqa: S608 - constant columns
    found: list[tuple[Any, ...]] = []
    # conflicts the server already decided: a copy, not worth a lookup per id
    with suppress(sqlite3.DatabaseError):
        found.extend(tuple(r) for r in _rows(con, f"{sql} ORDER BY id"))
    return found


def _cut_short(path: Path) -> int | None:
    """The pages a file cut short still has, when its header names more (else None)."""
    try:
        with path.open("rb") as f:
            header = f.read(100)
        size = path.stat().st_size
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    named = int.from_bytes(header[28:32], "big")
    have = size // page_size if page_size else 0
    return have if 0 < have < named else None


def salvage(path: Path) -> Salvage:
    """Read what can be read from a damaged cache: identity, outbox, conflict records.

    A file cut short is read through a copy whose header names the pages it still has
    (SQLite refuses a file shorter than its header says); the kept file is not changed.
    """
    pages = _cut_short(path)
    if pages is None:
        return _salvage(path)
    copy = path.with_name(f"{path.name}.reading")
    shutil.copyfile(path, copy)
    try:
        with copy.open("r+b") as f:
            f.seek(28)
            f.write(pages.to_bytes(4, "big"))
        return _salvage(copy)
    finally:
        for suffix in ("", *_COMPANIONS):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)


def _salvage(path: Path) -> Salvage:
    try:
        con = _connect(path)
    except sqlite3.DatabaseError:
        return Salvage({}, [], [], None, outbox_whole=False)
    with closing(con):
        try:
            con.execute("PRAGMA query_only=ON")
        except sqlite3.DatabaseError:
            return Salvage({}, [], [], None, outbox_whole=False)
        identity, last = _identity(con)
        commands, whole = _commands(con, last)
        good = {seq: row for seq, row in commands.items() if _readable(row)}
        return Salvage(
            identity,
            [good[s] for s in sorted(good)],
            _conflicts(con),
            last,
            outbox_whole=whole and len(good) == len(commands),
        )


def _lost(found: Salvage) -> int | None:
    """How many unsent commands could not be read (None: unknown)."""
    if found.outbox_whole:
        return 0
    seqs = [int(r[0]) for r in found.commands]
    if not seqs or found.last_command_seq is None:
        return None
    # The unsent commands are a run of seqs ending at the last one issued.
    low, high = min(seqs), max(found.last_command_seq, *seqs)
    return high - low + 1 - len(seqs)


# --- the identity beside the cache -----------------------------------------------------------


def identity_path(path: Path) -> Path:
    """The identity file of the cache at ``path``."""
    return path.with_name(f"{path.name}{IDENTITY_SUFFIX}")


def _whole_identity(path: Path) -> dict[Key, Any]:
    """A sound cache's identity when every part of it is there, else empty."""
    try:
        with closing(_connect(path)) as con:
            found, _ = _identity(con)
    except sqlite3.DatabaseError:
        return {}
    return found if all(found.get(k) is not None for k in IDENTITY_KEYS) else {}


def remember_identity(path: Path) -> None:
    """Copy a sound cache's identity into the file beside it (when it changed); the token
    stays in the keyring. Unreadable or incomplete identities are left alone."""
    found = _whole_identity(path)
    if not found:
        return
    body = json.dumps({k.value: found[k] for k in IDENTITY_KEYS}, indent=2, sort_keys=True)
    target = identity_path(path)
    with suppress(OSError):
        if target.read_text(encoding="utf-8") == body:
            return
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(body)
        os.replace(tmp, target)
    except OSError as exc:  # a convenience: the cache itself still says who it is
        log.warning("could not keep the station identity beside %s: %s", path, exc)
        tmp.unlink(missing_ok=True)


def remembered_identity(path: Path) -> dict[Key, Any]:
    """The identity kept beside the cache at ``path`` (empty when there is none)."""
    try:
        data = json.loads(identity_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: data[k.value] for k in IDENTITY_KEYS if data.get(k.value) is not None}


# --- recover ---------------------------------------------------------------------------------


def _write(db: CacheDB, found: Salvage) -> None:
    """Put the saved identity, commands and conflicts into a new cache."""
    last = max([found.last_command_seq or 0, *(int(r[0]) for r in found.commands)])
    with db.write() as conn:
        cur = driver_cursor(conn)
        cur.executemany(
            "INSERT INTO sync_state(key, value) VALUES (?, ?)",
            [(k.value, json.dumps(v)) for k, v in found.identity.items()]
            + [(Key.LAST_COMMAND_SEQ.value, json.dumps(last))],
        )
        marks = ", ".join("?" for _ in outbox.COLUMNS.split(","))
        cur.executemany(
            f"INSERT INTO outbox ({outbox.COLUMNS}) VALUES ({marks})",  # noqa: S608
            found.commands,
        )
        cur.executemany(
            f"INSERT INTO conflicts ({_CONFLICT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
            found.conflicts,
        )


def _identified(found: Salvage, path: Path) -> Salvage:
    """``found`` with the identity kept beside the cache filling what was unreadable."""
    kept = remembered_identity(path)
    same = all(found.identity.get(k) in (None, kept.get(k)) for k in IDENTITY_KEYS)
    if not kept or not same:  # never mix two stations' identities
        return found
    return Salvage(
        {**kept, **found.identity},
        found.commands,
        found.conflicts,
        found.last_command_seq,
        found.outbox_whole,
    )


def recover(path: Path, now: datetime | None = None) -> Recovery | None:
    """Check the cache at ``path``; when damaged or deleted, start a new one there.

    None when the file is sound (its identity is then kept beside it), or when there is
    neither a file nor a kept identity (not enrolled). Otherwise a damaged file is renamed,
    what can be read is written into a new cache at ``path`` (which then resyncs) and the
    :class:`Recovery` says what happened. Raises :class:`CacheLost` when nothing tells
    which station it is any more (no new cache is created then).
    """
    if not path.exists():
        if not remembered_identity(path):
            return None
        return _renew(path, "the file was deleted", None, Salvage({}, [], [], None, False))
    problem = check(path)
    if problem is None and not _whole_identity(path) and remembered_identity(path):
        problem = "the file no longer says which station it is (emptied)"
    problem = problem or open_problem(path)  # opening migrates: only once checked
    if problem is None:
        remember_identity(path)
        return None
    kept = move_aside(path, now)
    return _renew(path, problem, kept, salvage(kept))


def _renew(path: Path, problem: str, kept: Path | None, found: Salvage) -> Recovery:
    """Write what was saved (and the kept identity) into a new cache at ``path``."""
    found = _identified(found, path)
    recovery = Recovery(
        problem=problem,
        kept_at=kept,
        salvaged=len(found.commands),
        lost=_lost(found),
        identity_saved=all(found.identity.get(k) is not None for k in IDENTITY_KEYS),
        seqs=[int(r[0]) for r in found.commands],
        last_issued=found.last_command_seq,
    )
    log.warning(
        "station cache %s replaced (%s): kept at %s, %d commands saved, lost: %s",
        path,
        problem,
        kept,
        recovery.salvaged,
        recovery.lost,
    )
    if not recovery.identity_saved:
        raise CacheLost(recovery)
    db = CacheDB(path)
    try:
        _write(db, found)
    finally:
        db.close()
    return recovery


def reconcile(db: CacheDB, server_last_seq: int) -> int:
    """Close holes left in the saved seqs, knowing the last seq the server processed.

    Commands at or below ``server_last_seq`` keep their seqs (the push replays them and
    gets their stored results); those above take ``server_last_seq + 1, + 2, ...`` in
    order: the server never saw them, and seqs only deduplicate. How many moved.
    """
    moved = 0
    with db.write() as conn:
        cur = driver_cursor(conn)
        above = [
            int(s)
            for (s,) in cur.execute(
                "SELECT seq FROM outbox WHERE seq > ? ORDER BY seq", (server_last_seq,)
            )
        ]
        for new, old in enumerate(above, start=server_last_seq + 1):
            if new != old:  # new < old and every seq below is free by now
                cur.execute("UPDATE outbox SET seq = ? WHERE seq = ?", (new, old))
                moved += 1
        row = cur.execute("SELECT max(seq) FROM outbox").fetchone()
        top = max(server_last_seq, int(row[0] or 0))
        cur.execute(
            "UPDATE sync_state SET value = ? WHERE key = ?",
            (json.dumps(top), Key.LAST_COMMAND_SEQ.value),
        )
    return moved
