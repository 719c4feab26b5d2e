"""Server test fixtures: an app on a fresh database (SQLite and PostgreSQL), its client.

A test module that needs only one database overrides ``database_url``, e.g. with
``sqlite_url``. ``make_app(**config_overrides)`` builds an app with another config.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from desktop_oms.server.app import create_app
from desktop_oms.server.config import ServerConfig
from desktop_oms.server.services import Services
from tests.server.factories import AppFactory


@pytest.fixture
def database_url(db_url: str) -> str:
    """The database the app runs on: by default once on SQLite, once on PostgreSQL."""
    return db_url


@pytest.fixture
def make_app(database_url: str, tmp_path: Path) -> Iterator[AppFactory]:
    """Build apps on ``database_url`` with jobs off; keyword args override the config."""
    built: list[FastAPI] = []
    notices = tmp_path / "notices"
    notices.mkdir(exist_ok=True)

    def build(**overrides: Any) -> FastAPI:
        settings: dict[str, Any] = {
            "database_url": database_url,
            "run_jobs": False,
            "notification_dir": notices,
        }
        settings.update(overrides)
        app = create_app(ServerConfig(**settings))
        built.append(app)
        return app

    yield build
    for app in built:
        services = app.state.services
        assert isinstance(services, Services)
        services.db.dispose()


@pytest.fixture
def app(make_app: AppFactory) -> FastAPI:
    """The app with the default test config."""
    return make_app()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A client of ``app``, inside its lifespan."""
    with TestClient(app) as c:
        yield c


@pytest.fixture
def services(app: FastAPI) -> Services:
    """The app's services (config, database, ...)."""
    services = app.state.services
    assert isinstance(services, Services)
    return services
