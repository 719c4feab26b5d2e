"""A command the server fails to handle (a bug, not a refusal) is refused and recorded, so it
does not hold up the station's queue; a database failure is not, so the station retries."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from desktop_oms.server import commands
from desktop_oms.server import schema as t
from desktop_oms.server.push import SERVER_FAULT_MESSAGE
from desktop_oms.server.services import Services
from tests.server.chain import Chain, build_chain


@pytest.fixture
def chain(client: TestClient, services: Services) -> Chain:
    """The two-store chain on the test app."""
    return build_chain(client, services)


def _last_seq(chain: Chain) -> int:
    with chain.services.db.read() as conn:
        return int(
            conn.execute(
                sa.select(t.stations.c.last_seq).where(t.stations.c.client_id == chain.a.client_id)
            ).scalar_one()
        )


def test_a_command_that_crashes_the_server_is_refused_and_the_next_applies(
    chain: Chain, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    first = chain.fulfillment(chain.order())
    second = chain.fulfillment(chain.order())
    real_run = commands.run

    def run(conn: Any, actor: Any, name: Any, key: Any, *args: Any, **kw: Any) -> Any:
        if str(key) == str(first.id):
            raise KeyError("a bug in the handler")
        return real_run(conn, actor, name, key, *args, **kw)

    monkeypatch.setattr(commands, "run", run)
    crashed = chain.result(chain.a, "start_picking", first.id, base_version=first.version)
    assert crashed["status"] == "rejected"
    assert crashed["code"] == "internal_error"
    assert crashed["message"] == SERVER_FAULT_MESSAGE
    assert "a bug in the handler" in caplog.text  # the trace is in the server's log
    assert _last_seq(chain) == 1  # recorded: a replay gets the same answer, not a retry
    replay = chain.result(chain.a, "start_picking", first.id, seq=1, command_id=crashed["id"])
    assert replay == crashed
    applied = chain.result(chain.a, "start_picking", second.id, base_version=second.version)
    assert applied["status"] == "applied"
    with chain.services.db.read() as conn:
        statuses = dict(
            conn.execute(
                sa.select(t.fulfillments.c.id, t.fulfillments.c.status).where(
                    t.fulfillments.c.id.in_([first.id, second.id])
                )
            ).all()
        )
    assert statuses[first.id] == first.status  # nothing of the crashed command stayed
    assert statuses[second.id] != second.status


def test_a_database_failure_is_not_recorded_so_the_push_is_retried(
    chain: Chain, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = chain.fulfillment(chain.order())
    real_run = commands.run
    calls = {"n": 0}

    def run(*args: Any, **kw: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            raise sa.exc.OperationalError("UPDATE ...", {}, Exception("database is locked"))
        return real_run(*args, **kw)

    monkeypatch.setattr(commands, "run", run)
    # The failure leaves the push (a 500 from a real server; the test client re-raises it).
    with pytest.raises(sa.exc.OperationalError):
        chain.command(chain.a, "start_picking", f.id, base_version=f.version, seq=1)
    assert _last_seq(chain) == 0
    again = chain.result(chain.a, "start_picking", f.id, base_version=f.version, seq=1)
    assert again["status"] == "applied"
