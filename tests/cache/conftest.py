"""Fixtures of the cache tests: a fresh station cache file per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_oms.cache.db import CacheDB


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[CacheDB]:
    """A new, migrated cache file."""
    db = CacheDB(tmp_path / "station.sqlite3")
    try:
        yield db
    finally:
        db.close()
