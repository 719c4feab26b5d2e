"""Every server migration runs up and down, and head matches the schema in ``schema.py``."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from desktop_oms.server import migrate
from desktop_oms.server.schema import metadata


def _diff(engine: sa.Engine) -> list[object]:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(ctx, metadata))


def test_each_revision_up_and_down_then_head_matches_models(db_url: str) -> None:
    """Walk every revision up one by one, all the way down, up again; head == models."""
    engine = sa.create_engine(db_url)
    cfg = migrate.alembic_config(engine)
    revisions = [r.revision for r in ScriptDirectory.from_config(cfg).walk_revisions()]
    for rev in reversed(revisions):
        migrate.upgrade(engine, rev)
    assert _diff(engine) == []
    migrate.downgrade(engine, "base")
    assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert _diff(engine) == []
    engine.dispose()
