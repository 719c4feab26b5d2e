"""The FastAPI application factory."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware

from desktop_oms import __version__
from desktop_oms.protocol import API_PREFIX
from desktop_oms.protocol.errors import ErrorEnvelope
from desktop_oms.server import errors
from desktop_oms.server.config import ServerConfig
from desktop_oms.server.db import Database
from desktop_oms.server.jobs import JobRunner
from desktop_oms.server.limits import BodyLimit
from desktop_oms.server.migrate import prepare_database
from desktop_oms.server.notify import make_sender
from desktop_oms.server.payments import PaymentProvider, TestPaymentProvider
from desktop_oms.server.routes import auth, intake, labels, orders, sync
from desktop_oms.server.services import Services

log = logging.getLogger(__name__)


def create_app(
    config: ServerConfig | None = None,
    *,
    payments: PaymentProvider | None = None,
) -> FastAPI:
    """Build the app: database migrated, jobs running while it serves."""
    config = config or ServerConfig()
    db = Database(config.database_url)
    services = Services(
        config=config,
        db=db,
        payments=payments or TestPaymentProvider(),
        sender=make_sender(config.notification_dir, config.smtp_url),
    )
    db.commit_hooks.append(services.waker.notify)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        runner = JobRunner(services, config.job_interval_seconds) if config.run_jobs else None
        if runner:
            runner.start()
        try:
            yield
        finally:
            if runner:
                runner.stop()
            db.dispose()

    prepare_database(db)
    app = FastAPI(
        title="desktop_oms central OMS",
        version=__version__,
        lifespan=lifespan,
        description="Order intake, availability, staff auth and the station sync protocol.",
    )
    app.state.services = services
    errors.install(app)
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=5)
    app.add_middleware(BodyLimit, limit=config.max_body_bytes)
    # every route may answer 422 (a bad path, query or body): in the envelope, not in
    # FastAPI's default {"detail": [...]}, so the schema must say so
    invalid: dict[int | str, dict[str, Any]] = {
        422: {"model": ErrorEnvelope, "description": "validation_error: bad path, query or body"}
    }
    for module in (auth, intake, orders, labels, sync):
        app.include_router(module.router, prefix=API_PREFIX, responses=invalid)

    @app.get("/health", tags=["ops"])
    def health() -> dict[str, str]:
        """Liveness: answers when the app is up."""
        return {"status": "ok", "version": __version__}

    return app
