"""Customer notifications: queued in the database with the change, sent by a job.

The queue is the ``notifications`` table, written in the same transaction as the change
that caused it; :func:`dispatch_due` claims due rows (``FOR UPDATE SKIP LOCKED`` on
PostgreSQL, so several workers can send side by side) and hands them to a sender.
"""

from __future__ import annotations

import json
import logging
import smtplib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from enum import StrEnum
from pathlib import Path
from typing import Protocol
from urllib.parse import urlparse

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_oms.server import schema as t
from desktop_oms.server.db import Database

log = logging.getLogger(__name__)


class NoticeKind(StrEnum):
    """Why the customer is told something."""

    READY_FOR_PICKUP = "ready_for_pickup"
    HANDED_OVER = "handed_over"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class Notice:
    """One message to send."""

    id: int
    kind: str
    recipient: str
    subject: str
    body: str


class Sender(Protocol):
    """Delivers a notice; raises on failure so the job retries later."""

    def send(self, notice: Notice) -> None:
        """Deliver one notice."""
        ...


class FileSender:
    """Appends each notice as a JSON line to ``outbox.jsonl`` in a directory (the default)."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / "outbox.jsonl"
        directory.mkdir(parents=True, exist_ok=True)

    def send(self, notice: Notice) -> None:
        """Write the notice."""
        line = json.dumps(
            {
                "id": notice.id,
                "kind": notice.kind,
                "to": notice.recipient,
                "subject": notice.subject,
                "body": notice.body,
                "sent_at": datetime.now(UTC).isoformat(),
            }
        )
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")


class LogSender:
    """Logs each notice (when no directory is configured)."""

    def send(self, notice: Notice) -> None:
        """Log the notice without its body (it may hold a pickup code)."""
        log.info("notice %s (%s) to customer queued #%d", notice.kind, notice.subject, notice.id)


class SmtpSender:
    """Sends notices by SMTP: ``smtp://user:password@host:port?from=shop@example.com``."""

    def __init__(self, url: str) -> None:
        parsed = urlparse(url)
        self.host = parsed.hostname or "localhost"
        self.port = parsed.port or 25
        self.user = parsed.username
        self.password = parsed.password
        query = dict(p.split("=", 1) for p in parsed.query.split("&") if "=" in p)
        self.sender = query.get("from", "orders@localhost")
        self.starttls = parsed.scheme == "smtp+starttls"

    def send(self, notice: Notice) -> None:
        """Send one e-mail."""
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = notice.recipient
        msg["Subject"] = notice.subject
        msg.set_content(notice.body)
        with smtplib.SMTP(self.host, self.port, timeout=10) as smtp:
            if self.starttls:
                smtp.starttls()
            if self.user and self.password:
                smtp.login(self.user, self.password)
            smtp.send_message(msg)


_TEXT = {
    NoticeKind.READY_FOR_PICKUP: (
        "Your order {number} is ready for pickup",
        "Hello {name},\n\nyour order {number} is ready at {store}.\n"
        "Show this pickup code at the counter: {code}\n",
    ),
    NoticeKind.HANDED_OVER: (
        "Your order {number} was collected",
        "Hello {name},\n\nyour order {number} was collected at {store}. Thank you!\n",
    ),
    NoticeKind.SHIPPED: (
        "Your order {number} is on its way",
        "Hello {name},\n\nyour order {number} was shipped with {carrier}, "
        "tracking number {tracking}.\n",
    ),
    NoticeKind.CANCELLED: (
        "Your order {number} was cancelled",
        "Hello {name},\n\npart or all of your order {number} was cancelled. "
        "Any payment for it will be released.\n",
    ),
    NoticeKind.EXPIRED: (
        "Your order {number} was not collected",
        "Hello {name},\n\nyour order {number} was not collected by its deadline at {store} "
        "and has been returned to stock.\n",
    ),
}


def enqueue(conn: Connection, fulfillment_id: int, kind: NoticeKind) -> None:
    """Queue a notice about a fulfillment, in the caller's transaction."""
    f, o, c, s = t.fulfillments.c, t.orders.c, t.customers.c, t.stores.c
    dest = t.stores.alias("dest")
    row = conn.execute(
        sa.select(
            o.id.label("order_id"),
            o.number,
            c.name,
            c.email,
            f.pickup_code,
            f.tracking,
            f.carrier,
            s.name.label("store"),
            dest.c.name.label("dest_store"),
        )
        .join(t.orders, o.id == f.order_id)
        .join(t.customers, c.id == o.customer_id)
        .join(t.stores, s.id == f.store_id)
        .outerjoin(dest, dest.c.id == f.destination_store_id)
        .where(f.id == fulfillment_id)
    ).one()
    subject, body = _TEXT[kind]
    values = {
        "number": row.number,
        "name": row.name,
        "code": row.pickup_code or "",
        "tracking": row.tracking or "",
        "carrier": row.carrier or "",
        "store": row.dest_store or row.store,
    }
    now = datetime.now(UTC)
    conn.execute(
        sa.insert(t.notifications).values(
            order_id=row.order_id,
            kind=kind.value,
            recipient=row.email,
            subject=subject.format(**values),
            body=body.format(**values),
            status="pending",
            attempts=0,
            created_at=now,
            next_attempt_at=now,
        )
    )


def dispatch_due(db: Database, sender: Sender, limit: int = 50) -> int:
    """Send up to ``limit`` due notices; failures are retried with backoff. Returns sent."""
    n = t.notifications.c
    now = datetime.now(UTC)
    sent = 0
    with db.write() as conn:
        query = (
            sa.select(n.id, n.kind, n.recipient, n.subject, n.body, n.attempts)
            .where(n.status == "pending", n.next_attempt_at <= now)
            .order_by(n.id)
            .limit(limit)
        )
        if db.is_postgres:
            query = query.with_for_update(skip_locked=True)
        for row in conn.execute(query).all():
            notice = Notice(row.id, row.kind, row.recipient, row.subject, row.body)
            try:
                sender.send(notice)
            except Exception as exc:  # any sender failure is retried, never lost
                attempts = row.attempts + 1
                conn.execute(
                    sa.update(t.notifications)
                    .where(n.id == row.id)
                    .values(
                        attempts=attempts,
                        last_error=str(exc)[:500],
                        status="failed" if attempts >= 8 else "pending",
                        next_attempt_at=now + timedelta(seconds=min(3600, 2**attempts * 5)),
                    )
                )
                continue
            conn.execute(
                sa.update(t.notifications)
                .where(n.id == row.id)
                .values(status="sent", sent_at=now, attempts=row.attempts + 1)
            )
            sent += 1
    return sent


def make_sender(directory: Path | None, smtp_url: str | None) -> Sender:
    """The configured sender: SMTP, a directory, or the log."""
    if smtp_url:
        return SmtpSender(smtp_url)
    if directory is not None:
        return FileSender(directory)
    return LogSender()
