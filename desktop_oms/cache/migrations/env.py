"""Alembic environment of the station cache: runs against the engine in ``config.attributes``."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Engine

from desktop_oms.cache.schema import metadata

config = context.config


def run() -> None:
    """Run the migrations online in one write transaction (``BEGIN IMMEDIATE``)."""
    engine = config.attributes.get("engine")
    if not isinstance(engine, Engine):
        raise RuntimeError("run cache migrations through desktop_oms.cache.migrate")
    with engine.connect().execution_options(sqlite_immediate=True) as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run()
