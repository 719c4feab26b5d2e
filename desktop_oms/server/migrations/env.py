"""Alembic environment: runs against the engine handed over in ``config.attributes``."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Engine

from desktop_oms.server.schema import metadata

config = context.config


def run() -> None:
    """Run the migrations online, in one transaction per migration run."""
    engine = config.attributes.get("engine")
    if not isinstance(engine, Engine):
        raise RuntimeError("run migrations through desktop_oms.server.migrate")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=engine.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run()
