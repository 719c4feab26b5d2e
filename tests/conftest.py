"""Shared fixtures: fresh SQLite files and fresh PostgreSQL databases for server tests.

PostgreSQL comes from ``DESKTOP_OMS_TEST_PG_URL`` (a role allowed to create databases);
each test gets its own database. Without the URL the PostgreSQL tests skip, unless
``DESKTOP_OMS_REQUIRE_PG=1`` (CI sets it), where a missing server fails the run.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

PG_ENV = "DESKTOP_OMS_TEST_PG_URL"
REQUIRE_PG_ENV = "DESKTOP_OMS_REQUIRE_PG"


def _pg_admin_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get(REQUIRE_PG_ENV) == "1":
            pytest.fail(f"{REQUIRE_PG_ENV}=1 but {PG_ENV} is not set: PostgreSQL tests must run")
        pytest.skip(f"{PG_ENV} not set")
    return url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    admin_url = _pg_admin_url()
    assert admin_url is not None
    name = f"oms_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as exc:
        if os.environ.get(REQUIRE_PG_ENV) == "1":
            pytest.fail(f"PostgreSQL at {PG_ENV} is not reachable: {exc}")
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    url = sa.engine.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        for attempt in range(10):  # autovacuum may hold the database for a moment
            try:
                with admin.connect() as conn:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                break
            except sa.exc.DBAPIError:
                if attempt == 9:
                    raise
                time.sleep(0.5)
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of a new SQLite file."""
    return f"sqlite:///{tmp_path / 'oms.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'oms.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Where PostgreSQL is required, a run in which no PostgreSQL test passed fails."""
    if os.environ.get(REQUIRE_PG_ENV) != "1" or exitstatus != 0:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    ran = [r for r in reporter.stats.get("passed", []) if "postgres" in getattr(r, "keywords", {})]
    skipped = [
        r for r in reporter.stats.get("skipped", []) if "postgres" in getattr(r, "keywords", {})
    ]
    if skipped or (session.testscollected and not ran):
        reporter.write_line(
            f"FAILED: PostgreSQL is required but {len(skipped)} PostgreSQL tests skipped "
            f"and {len(ran)} passed",
            red=True,
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
