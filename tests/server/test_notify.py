"""Customer notices: queued with the change, sent by the job, retried when sending fails."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from desktop_oms.server import notify
from desktop_oms.server import schema as t
from desktop_oms.server.services import Services
from tests.server.chain import Chain, build_chain


@pytest.fixture
def database_url(sqlite_url: str) -> str:
    """The job's row claiming is covered on PostgreSQL by the command tests' jobs."""
    return sqlite_url


class FlakySender:
    """Fails the first ``failures`` sends, then records what it sends."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.sent: list[notify.Notice] = []

    def send(self, notice: notify.Notice) -> None:
        """Fail or record."""
        if self.failures:
            self.failures -= 1
            raise ConnectionError("SMTP server down")
        self.sent.append(notice)


def _ready(chain: Chain) -> int:
    f = chain.fulfillment(chain.order())
    chain.result(chain.a, "start_picking", f.id)
    chain.result(chain.a, "mark_ready", f.id, bin="P-001")
    return int(f.id)


def test_ready_notice_goes_out_through_the_file_sender(
    client: TestClient, services: Services, tmp_path: Path
) -> None:
    """The ready notice carries the pickup code and lands in the configured directory."""
    chain = build_chain(client, services)
    fid = _ready(chain)
    sender = notify.FileSender(tmp_path / "out")
    assert notify.dispatch_due(services.db, sender) == 1
    line = json.loads((tmp_path / "out" / "outbox.jsonl").read_text().splitlines()[0])
    with services.db.read() as conn:
        pickup = conn.execute(
            sa.select(t.fulfillments.c.pickup_code).where(t.fulfillments.c.id == fid)
        ).scalar_one()
    assert line["kind"] == "ready_for_pickup"
    assert line["to"] == "jane@example.com"
    assert pickup in line["body"]
    assert notify.dispatch_due(services.db, sender) == 0  # sent once only


def test_failed_send_is_retried_later_not_lost(client: TestClient, services: Services) -> None:
    """A failing sender leaves the notice pending with a backoff; it goes out later."""
    chain = build_chain(client, services)
    _ready(chain)
    sender = FlakySender(failures=1)
    assert notify.dispatch_due(services.db, sender) == 0
    with services.db.read() as conn:
        row = conn.execute(sa.select(t.notifications)).one()
    assert row.status == "pending"
    assert row.attempts == 1
    assert "SMTP server down" in row.last_error
    assert row.next_attempt_at > datetime.now(UTC)
    with services.db.write() as conn:  # time passes
        conn.execute(
            sa.update(t.notifications).values(
                next_attempt_at=datetime.now(UTC) - timedelta(seconds=1)
            )
        )
    assert notify.dispatch_due(services.db, sender) == 1
    assert [n.kind for n in sender.sent] == ["ready_for_pickup"]


def test_smtp_url_is_parsed() -> None:
    """The SMTP sender reads host, port, credentials and sender from its URL."""
    s = notify.SmtpSender("smtp+starttls://user:pw@mail.example.com:587?from=shop@example.com")
    assert (s.host, s.port, s.user, s.password, s.sender, s.starttls) == (
        "mail.example.com",
        587,
        "user",
        "pw",
        "shop@example.com",
        True,
    )
