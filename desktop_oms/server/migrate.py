"""Alembic, driven from code: upgrade a database to head, or step it down, on any URL."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

from desktop_oms.server.db import Database, initialize

HERE = Path(__file__).parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    """An Alembic config that runs against ``engine``'s database."""
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database up to ``revision``."""
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate the database down to ``revision``."""
    command.downgrade(alembic_config(engine), revision)


def prepare_database(db: Database) -> None:
    """Migrate to head and fill a new database's epoch, feed counter and reason codes."""
    upgrade(db.engine)
    with db.write() as conn:
        initialize(conn)
