"""Alembic, driven from code: the cache migrates itself to head when it is opened.

Opening a cache that is already at :data:`HEAD` reads one row and imports nothing from
Alembic (it costs ~100 ms at start-up); a test keeps :data:`HEAD` equal to the newest
revision in ``migrations/versions``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

if TYPE_CHECKING:
    from alembic.config import Config

HERE = Path(__file__).parent / "migrations"

#: The newest revision; a cache stamped with it needs no migration.
HEAD = "0004"


def alembic_config(engine: Engine) -> Config:
    """An Alembic config that runs the cache's migrations against ``engine``."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The revision the database is stamped with, or None for an empty database."""
    with engine.connect() as conn:
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        if exists is None:
            return None
        value = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        return None if value is None else str(value)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the cache up to ``revision``."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate the cache down to ``revision``."""
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def ensure_head(engine: Engine) -> None:
    """Migrate to head unless the database is already there (the fast path at start-up)."""
    if current_revision(engine) != HEAD:
        upgrade(engine)
