"""The cache file: pragmas, transactions, integrity, where it lives, the kinds it mirrors."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_oms.cache import db as cache_db
from desktop_oms.cache import rows
from desktop_oms.cache.db import CacheDB, default_cache_path
from desktop_oms.cache.schema import KINDS
from desktop_oms.protocol.sync import SNAPSHOT_COLUMNS, SNAPSHOT_ORDER


def test_connections_use_wal_normal_sync_and_a_busy_timeout(cache: CacheDB) -> None:
    """Readers never wait for the writer; a second writer waits instead of failing."""
    with cache.read() as conn:
        pragma = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 1,
        "foreign_keys": 0,
        "busy_timeout": cache_db.BUSY_TIMEOUT_MS,
    }


def test_write_commits_and_a_failed_write_leaves_nothing(cache: CacheDB) -> None:
    """``write()`` commits on success and rolls back on an exception."""
    with cache.write() as conn:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('a', '1')")
    with pytest.raises(RuntimeError), cache.write() as conn:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('b', '2')")
        raise RuntimeError("boom")
    with cache.read() as conn:
        keys = conn.exec_driver_sql("SELECT key FROM settings").scalars().all()
    assert keys == ["a"]


def test_a_reader_keeps_its_snapshot_while_a_writer_commits(cache: CacheDB) -> None:
    """WAL: a read transaction sees one state even across another connection's commit."""
    with cache.read() as reader:
        before = reader.exec_driver_sql("SELECT count(*) FROM settings").scalar_one()
        with cache.write() as writer:
            writer.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('a', '1')")
        during = reader.exec_driver_sql("SELECT count(*) FROM settings").scalar_one()
    with cache.read() as conn:
        after = conn.exec_driver_sql("SELECT count(*) FROM settings").scalar_one()
    assert (before, during, after) == (0, 0, 1)


def test_integrity_ok_on_a_sound_file_and_not_on_garbage(tmp_path: Path, cache: CacheDB) -> None:
    """A sound file passes quick_check; a file of garbage does not (and does not raise)."""
    assert cache.integrity_ok()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 500)
    broken = CacheDB(junk, migrate_on_open=False)
    assert not broken.integrity_ok()
    broken.close()


def test_default_cache_path_is_one_file_per_server_and_station(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Under the user data directory; server URL spellings that mean the same agree."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    a = default_cache_path("https://oms.example.com/", 7)
    assert a == default_cache_path("HTTPS://OMS.example.com:443", 7)
    assert a != default_cache_path("https://oms.example.com", 8)
    assert a != default_cache_path("https://oms.example.com:8443", 7)
    assert a != default_cache_path("http://oms.example.com", 7)
    assert a.suffix == ".sqlite3"
    assert "oms.example.com" in a.name
    assert tmp_path in a.parents


def test_cache_creates_its_directory_owner_only(tmp_path: Path) -> None:
    """The directory of a new cache is created, readable by its owner only."""
    path = tmp_path / "deep" / "dir" / "station.sqlite3"
    db = CacheDB(path)
    db.close()
    assert path.exists()
    assert path.parent.stat().st_mode & 0o777 == 0o700


def test_cache_kinds_follow_the_protocol() -> None:
    """The cache mirrors exactly the protocol's snapshot kinds, order and columns."""
    assert tuple(k.value for k in SNAPSHOT_ORDER) == KINDS
    assert {k.value: v for k, v in SNAPSHOT_COLUMNS.items()} == rows.SNAPSHOT_COLUMNS


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-02T08:00:00+00:00", "2026-03-02T08:00:00.000000+00:00"),
        ("2026-03-02T08:00:00Z", "2026-03-02T08:00:00.000000+00:00"),
        ("2026-03-02T09:00:00.5+01:00", "2026-03-02T08:00:00.500000+00:00"),
        ("2026-03-02T08:00:00", "2026-03-02T08:00:00.000000+00:00"),
        ("2026-03-02T08:00:00.000000+00:00", "2026-03-02T08:00:00.000000+00:00"),
        (None, None),
    ],
)
def test_timestamps_are_stored_in_one_canonical_utc_form(
    value: str | None, expected: str | None
) -> None:
    """Text order is time order whatever offset or precision the server used."""
    assert rows.utc_text(value) == expected


@pytest.mark.parametrize(
    ("kind", "value", "key"),
    [
        ("GTIN-13", "4006381333931", "04006381333931"),
        ("GTIN-12", "036000291452", "00036000291452"),
        ("GTIN-8", "96385074", "00000096385074"),
        ("GTIN-14", "04006381333931", "04006381333931"),
        ("UPC-E", "04252614", "00042100005264"),
        ("store", "ST000010", "ST000010"),
        ("GTIN-13", "not-a-gtin", "not-a-gtin"),
    ],
)
def test_identifiers_are_stored_under_their_lookup_key(kind: str, value: str, key: str) -> None:
    """GTINs under their GTIN-14 (as a scan is looked up), other codes as they are."""
    assert rows.identifier_key(kind, value) == key
