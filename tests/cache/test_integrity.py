"""A damaged cache file at start: found, kept aside under a new name, its commands saved.

Real cache files are damaged the way disks damage them: garbage over some pages (of the
catalogue, of the outbox, of the file header) and a file cut short. What the outbox
still holds is read row by row into a new cache with the same seqs and ids.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_oms.cache import integrity, outbox
from desktop_oms.cache.db import CacheDB, driver_cursor
from desktop_oms.cache.state import Key
from tests.cache import datagen
from tests.cache.helpers import count, load_chain

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
#: Commands queued in the damaged cache; their padding spreads them over many pages.
COMMANDS = 150
PAD = "x" * 300
IDENTITY = {
    Key.SERVER_URL: "http://oms.example:8000",
    Key.STATION_ID: 7,
    Key.STORE_ID: 1,
    Key.CLIENT_ID: "c" * 32,
}


def _queue(db: CacheDB, seqs: range) -> list[str]:
    """Outbox rows for ``seqs`` (stock corrections, padded), their ids."""
    ids = [str(uuid.uuid4()) for _ in seqs]
    rows = [
        (
            seq,
            cid,
            "adjust_inventory",
            "inventory",
            f"1:{datagen.sku_of(seq)}",
            1,
            1,
            None,
            json.dumps({"mode": "delta", "quantity": -1, "reason": "damaged", "note": PAD}),
            "2026-03-02T12:00:00.000000+00:00",
            "queued",
            0,
            None,
            None,
        )
        for seq, cid in zip(seqs, ids, strict=True)
    ]
    with db.write() as conn:
        raw = driver_cursor(conn)
        raw.executemany(
            f"INSERT INTO outbox ({outbox.COLUMNS}) VALUES ({', '.join('?' * 14)})", rows
        )
        raw.executemany(
            "INSERT INTO sync_state(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [(k.value, json.dumps(v)) for k, v in IDENTITY.items()]
            + [(Key.LAST_COMMAND_SEQ.value, json.dumps(seqs[-1]))],
        )
        raw.execute(
            "INSERT INTO conflicts (outbox_seq, command, code, message, current, created_at) "
            "VALUES (3, '{}', 'stale_version', 'changed meanwhile', '[]', ?)",
            ("2026-03-01T09:00:00.000000+00:00",),
        )
    return ids


@pytest.fixture
def station_file(tmp_path: Path) -> tuple[Path, list[str]]:
    """A closed cache file (WAL checkpointed) with a catalogue, identity and 150 commands."""
    path = tmp_path / "station.sqlite3"
    db = CacheDB(path)
    load_chain(db, datagen.Chain(skus=3000, stores=2))
    ids = _queue(db, range(11, 11 + COMMANDS))  # 1..10 went to the server earlier
    db.close()
    assert not Path(f"{path}-wal").exists()
    return path, ids


def _pages(path: Path, table: str) -> list[int]:
    """The leaf pages of a table, in b-tree order."""
    with sqlite3.connect(path) as con:
        found = con.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path",
            (table,),
        ).fetchall()
    con.close()
    return [int(p) for (p,) in found]


def _seqs_on(path: Path, page: int) -> list[int]:
    """The outbox seqs stored on one leaf page (read before it is damaged)."""
    with sqlite3.connect(path) as con:
        seqs = [int(s) for (s,) in con.execute("SELECT seq FROM outbox ORDER BY seq")]
        order = _pages(path, "outbox")
        sizes = [
            int(n)
            for (n,) in con.execute(
                "SELECT ncell FROM dbstat WHERE name = 'outbox' AND pagetype = 'leaf' ORDER BY path"
            )
        ]
    con.close()
    start = sum(sizes[: order.index(page)])
    return seqs[start : start + sizes[order.index(page)]]


def _garble(path: Path, page: int) -> None:
    """Write garbage over one page of the file (4 KiB pages)."""
    with path.open("r+b") as f:
        f.seek((page - 1) * 4096)
        f.write(bytes((i * 37 + 11) % 256 for i in range(4096)))


def _outbox(path: Path) -> list[tuple[int, str]]:
    db = CacheDB(path)
    try:
        with db.read() as conn:
            return [(e.seq, e.id) for e in outbox.pending(conn, 10_000)]
    finally:
        db.close()


def _state(path: Path, key: Key) -> object:
    with sqlite3.connect(path) as con:
        row = con.execute("SELECT value FROM sync_state WHERE key = ?", (key.value,)).fetchone()
    con.close()
    return None if row is None else json.loads(row[0])


def test_a_sound_file_is_left_alone(station_file: tuple[Path, list[str]]) -> None:
    """No problem found: nothing moved, nothing rewritten."""
    path, _ = station_file
    before = path.stat().st_mtime_ns
    assert integrity.check(path) is None
    assert integrity.recover(path, NOW) is None
    assert path.stat().st_mtime_ns == before
    assert list(path.parent.glob("*.damaged-*")) == []


def test_garbage_over_catalogue_pages_saves_every_command(
    station_file: tuple[Path, list[str]],
) -> None:
    """The catalogue's pages are garbage: quick_check finds it; the file is kept under a
    dated name; all commands, the identity and the conflict move to a new, empty cache."""
    path, ids = station_file
    products = _pages(path, "products")
    for page in products[len(products) // 3 : len(products) // 3 + 4]:
        _garble(path, page)
    assert integrity.check(path) is not None

    found = integrity.recover(path, NOW)

    assert found is not None
    assert found.kept_at == path.with_name("station.sqlite3.damaged-20260302T120000Z")
    assert found.kept_at.exists() and integrity.check(found.kept_at) is not None
    assert (found.salvaged, found.lost) == (COMMANDS, 0)
    assert _outbox(path) == list(zip(range(11, 11 + COMMANDS), ids, strict=True))
    for key, value in IDENTITY.items():
        assert _state(path, key) == value
    assert _state(path, Key.LAST_COMMAND_SEQ) == 10 + COMMANDS
    assert _state(path, Key.CURSOR) is None  # resyncs from scratch
    db = CacheDB(path)
    try:
        assert count(db, "products") == 0 and count(db, "conflicts") == 1
    finally:
        db.close()
    assert integrity.check(path) is None
    text = found.message()
    assert f"{COMMANDS} changes not yet sent were saved" in text
    assert str(found.kept_at) in text and "may be lost" not in text


def test_garbage_over_an_outbox_page_loses_only_its_commands(
    station_file: tuple[Path, list[str]],
) -> None:
    """One outbox page in the middle is garbage: the commands on the other pages are read
    one by one; the message names how many may be lost."""
    path, ids = station_file
    leaves = _pages(path, "outbox")
    assert len(leaves) >= 5
    page = leaves[len(leaves) // 2]
    gone = _seqs_on(path, page)
    _garble(path, page)

    found = integrity.recover(path, NOW)

    assert found is not None
    expected = [(s, i) for s, i in zip(range(11, 11 + COMMANDS), ids, strict=True)]
    assert _outbox(path) == [(s, i) for s, i in expected if s not in gone]
    assert (found.salvaged, found.lost) == (COMMANDS - len(gone), len(gone))
    assert f"{len(gone)} changes not yet sent could not be read and may be lost" in (
        found.message()
    )


def test_a_file_cut_short_keeps_the_commands_before_the_cut(
    station_file: tuple[Path, list[str]],
) -> None:
    """The file is truncated just after the outbox's first leaf pages."""
    path, _ = station_file
    leaves = _pages(path, "outbox")
    keep = sorted(leaves)[2]
    readable = {s for p in leaves if p < keep for s in _seqs_on(path, p)}
    with path.open("r+b") as f:
        f.truncate(keep * 4096 - 4096)

    found = integrity.recover(path, NOW)

    assert found is not None
    assert [s for s, _ in _outbox(path)] == sorted(readable)
    assert found.lost == COMMANDS - len(readable)


def test_an_unreadable_header_leaves_nothing_to_save(
    station_file: tuple[Path, list[str]],
) -> None:
    """Garbage over the first page: not a database any more. The file is kept and the
    station must be enrolled again (it no longer says which station it is)."""
    path, _ = station_file
    _garble(path, 1)
    with pytest.raises(integrity.CacheLost) as raised:
        integrity.recover(path, NOW)
    lost = raised.value.recovery
    assert lost.salvaged == 0 and lost.lost is None
    assert lost.kept_at is not None and lost.kept_at.exists() and not path.exists()
    assert "enrol this PC again" in str(raised.value)
    assert "how many is not known" in str(raised.value)


def test_reconcile_closes_holes_above_the_servers_last_seq(tmp_path: Path) -> None:
    """Saved seqs 11, 12, 14, 15 (13 lost); the server processed up to 11: 12 stays, 14 and
    15 become 13 and 14 (the server never saw them); at or below 11 nothing moves."""
    db = CacheDB(tmp_path / "c.sqlite3")
    try:
        ids = _queue(db, range(11, 16))
        with db.write() as conn:
            conn.exec_driver_sql("DELETE FROM outbox WHERE seq = 13")
        assert integrity.reconcile(db, 11) == 2
        with db.read() as conn:
            got = [(e.seq, e.id) for e in outbox.pending(conn, 100)]
        assert got == [(11, ids[0]), (12, ids[1]), (13, ids[3]), (14, ids[4])]
        assert _state(db.path, Key.LAST_COMMAND_SEQ) == 14
    finally:
        db.close()


def test_a_deleted_cache_comes_back_as_the_same_station(
    station_file: tuple[Path, list[str]],
) -> None:
    """A sound start keeps the identity beside the cache (no token in it); the file then
    deleted, the next start makes a fresh cache of the same station, which resyncs."""
    path, _ = station_file
    assert integrity.recover(path, NOW) is None
    kept = json.loads(integrity.identity_path(path).read_text(encoding="utf-8"))
    assert kept == {k.value: v for k, v in IDENTITY.items()}
    assert integrity.identity_path(path).stat().st_mode & 0o077 == 0
    path.unlink()

    found = integrity.recover(path, NOW)

    assert found is not None and found.kept_at is None
    assert (found.salvaged, found.lost) == (0, None)
    for key, value in IDENTITY.items():
        assert _state(path, key) == value
    assert _outbox(path) == [] and _state(path, Key.CURSOR) is None
    assert found.message().startswith("This PC's copy of the store's data was missing")
    assert "damaged file" not in found.message()


def test_an_unreadable_header_with_the_identity_kept_needs_no_enrolment(
    station_file: tuple[Path, list[str]],
) -> None:
    """Garbage over the first page, but the identity file beside it says which station:
    the damaged file is kept, a fresh cache of the same station takes its place."""
    path, _ = station_file
    assert integrity.recover(path, NOW) is None  # a sound start: the identity is kept
    _garble(path, 1)

    found = integrity.recover(path, NOW)

    assert found is not None and found.kept_at is not None and found.kept_at.exists()
    assert found.salvaged == 0 and found.lost is None
    assert _state(path, Key.CLIENT_ID) == IDENTITY[Key.CLIENT_ID]


def test_nothing_to_check_before_enrolment(tmp_path: Path) -> None:
    """No cache file and no identity beside it: not enrolled yet, nothing to do."""
    assert integrity.recover(tmp_path / "none.sqlite3", NOW) is None
    assert not (tmp_path / "none.sqlite3").exists()


def test_a_cache_emptied_to_nothing_comes_back_as_the_same_station(
    station_file: tuple[Path, list[str]],
) -> None:
    """A power cut left a zero-byte file: SQLite sees an empty, sound database. The identity
    kept beside it says it was a station's cache: it is kept aside and replaced."""
    path, _ = station_file
    assert integrity.recover(path, NOW) is None
    path.write_bytes(b"")

    found = integrity.recover(path, NOW)

    assert found is not None and found.kept_at is not None
    assert found.kept_at.stat().st_size == 0 and "emptied" in found.problem
    assert found.lost is None  # what it held is not known
    assert _state(path, Key.CLIENT_ID) == IDENTITY[Key.CLIENT_ID]
