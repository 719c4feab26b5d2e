"""The server's long-lived parts, built once per app and handed to routes by dependency."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request

from desktop_oms.server.config import ServerConfig
from desktop_oms.server.db import Database
from desktop_oms.server.feed import FeedWaker
from desktop_oms.server.notify import Sender
from desktop_oms.server.payments import PaymentProvider


@dataclass
class Services:
    """Configuration, database, feed waker, payment provider and notification sender."""

    config: ServerConfig
    db: Database
    payments: PaymentProvider
    sender: Sender
    waker: FeedWaker = field(default_factory=FeedWaker)


def get_services(request: Request) -> Services:
    """FastAPI dependency: the app's services."""
    services = request.app.state.services
    assert isinstance(services, Services)
    return services
