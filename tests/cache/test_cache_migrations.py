"""Every cache migration runs up and down, and head matches ``cache.schema.metadata``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from desktop_oms.cache import migrate
from desktop_oms.cache.db import CacheDB, create_engine
from desktop_oms.cache.schema import PRODUCT_FTS, VIEWS, metadata


def _ours(name: str | None) -> bool:
    """Not the search index (and its FTS5 shadow tables), not a view."""
    return name is not None and not name.startswith(PRODUCT_FTS) and name not in VIEWS


def _include_name(name: str | None, type_: str, _parents: Any) -> bool:
    return type_ != "table" or _ours(name)


def _include_object(_obj: Any, name: str | None, type_: str, _reflected: bool, _cmp: Any) -> bool:
    return type_ != "table" or _ours(name)


def _diff(engine: sa.Engine) -> list[object]:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": _include_name,
                "include_object": _include_object,
            },
        )
        return list(compare_metadata(ctx, metadata))


def _objects(engine: sa.Engine) -> set[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT type, name FROM sqlite_master").all()
    return {(r[0], r[1]) for r in rows if not r[1].startswith("sqlite_autoindex")}


def test_each_revision_up_and_down_then_head_matches_schema(tmp_path: Path) -> None:
    """Walk every revision up one by one, all the way down, up again; head == schema."""
    engine = create_engine(tmp_path / "cache.sqlite3")
    cfg = migrate.alembic_config(engine)
    revisions = [r.revision for r in ScriptDirectory.from_config(cfg).walk_revisions()]
    for rev in reversed(revisions):
        migrate.upgrade(engine, rev)
    assert _diff(engine) == []
    head_objects = _objects(engine)
    assert {("view", v) for v in VIEWS} <= head_objects
    assert ("table", PRODUCT_FTS) in head_objects
    for rev in revisions[1:]:
        migrate.downgrade(engine, rev)
    migrate.downgrade(engine, "base")
    assert _objects(engine) == {("table", "alembic_version")}
    migrate.upgrade(engine)
    assert _diff(engine) == []
    assert _objects(engine) == head_objects
    engine.dispose()


def test_head_constant_is_the_newest_revision(tmp_path: Path) -> None:
    """``migrate.HEAD`` (the no-Alembic fast path on open) names the newest revision."""
    engine = create_engine(tmp_path / "cache.sqlite3")
    script = ScriptDirectory.from_config(migrate.alembic_config(engine))
    assert script.get_current_head() == migrate.HEAD
    engine.dispose()


def test_opening_migrates_once_and_reopening_skips_alembic(tmp_path: Path) -> None:
    """A new file is migrated to head on open; reopening finds it there and leaves it be."""
    path = tmp_path / "cache.sqlite3"
    CacheDB(path).close()
    db = CacheDB(path)
    assert migrate.current_revision(db.engine) == migrate.HEAD
    assert _diff(db.engine) == []
    db.close()


def test_0003_gives_cached_rows_their_phone_digits(tmp_path: Path) -> None:
    """A row cached before 0003 (search text without the phone's digits) is found by a
    national-format phone search after the upgrade."""
    from desktop_oms.cache import queries
    from desktop_oms.cache.apply import apply_changes
    from tests.cache import datagen

    path = tmp_path / "cache.sqlite3"
    db = CacheDB(path)
    doc = datagen.fulfillment_doc(12, 1, status="ready_for_pickup")
    doc["customer"]["phone"] = "+31 6 1234 5678"
    with db.write() as conn:
        apply_changes(conn, [datagen.change("fulfillment", "12", doc)])
        conn.exec_driver_sql(
            "UPDATE fulfillments SET search_text = replace(search_text, ' 31612345678', '')"
        )
        assert queries.pickup_queue(conn, 1, "ready", "06 1234 5678", datagen.BASE_TIME) == []
    db.close()
    engine = create_engine(path)
    migrate.downgrade(engine, "0002")
    migrate.upgrade(engine)
    engine.dispose()
    db = CacheDB(path)
    with db.read() as conn:
        found = queries.pickup_queue(conn, 1, "ready", "06 1234 5678", datagen.BASE_TIME)
    assert [r.id for r in found] == [12]
    db.close()
