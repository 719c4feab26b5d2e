"""Fraud rules run at intake: each a small named function that names itself when it hits.

Any hit puts the order on ``review``: it is still routed and its stock reserved, and the
stores see the hold in the fulfillment document until someone releases it. The rules are
pure functions of :class:`OrderFacts`; :func:`gather_facts` reads the customer's history.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_oms.domain.entities import FraudState
from desktop_oms.protocol.intake import AddressIn, Delivery, OrderIn
from desktop_oms.server import schema as t


@dataclass(frozen=True, slots=True)
class FraudConfig:
    """Thresholds of the rules; amounts are in minor units of the order's currency."""

    high_value_minor: int = 150_000
    """Any order above this (1500.00) is held."""
    first_order_value_minor: int = 100_000
    """A customer's first order above this (1000.00) is held: a lower bar for strangers."""
    velocity_max_orders: int = 3
    """More orders than this by one e-mail address within the window are held."""
    velocity_window: timedelta = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class OrderFacts:
    """What the rules look at: the order and the customer's history before it."""

    delivery: Delivery
    billing: AddressIn
    shipping: AddressIn | None
    total_minor: int
    recent_orders: int
    """Earlier orders by the same e-mail address within the velocity window."""
    previous_orders: int
    """Earlier orders by the same e-mail address, ever."""


def _postal(code: str) -> str:
    return "".join(code.split()).upper()


def country_mismatch(facts: OrderFacts, _config: FraudConfig) -> str | None:
    """A delivery to another country than the card's billing address."""
    if facts.delivery is not Delivery.DELIVERY or facts.shipping is None:
        return None
    return "country_mismatch" if facts.shipping.country != facts.billing.country else None


def postal_code_mismatch(facts: OrderFacts, _config: FraudConfig) -> str | None:
    """A delivery within the billing country but to another postal code."""
    ship = facts.shipping
    if facts.delivery is not Delivery.DELIVERY or ship is None:
        return None
    if ship.country != facts.billing.country:
        return None  # country_mismatch already names it
    same = _postal(ship.postal_code) == _postal(facts.billing.postal_code)
    return None if same else "postal_code_mismatch"


def high_value(facts: OrderFacts, config: FraudConfig) -> str | None:
    """An order worth more than the high-value threshold."""
    return "high_value" if facts.total_minor > config.high_value_minor else None


def velocity(facts: OrderFacts, config: FraudConfig) -> str | None:
    """More orders by one e-mail address than allowed within the window (this one counted)."""
    return "velocity" if facts.recent_orders + 1 > config.velocity_max_orders else None


def first_order_high_value(facts: OrderFacts, config: FraudConfig) -> str | None:
    """A first-time customer's order above the (lower) first-order threshold."""
    if facts.previous_orders == 0 and facts.total_minor > config.first_order_value_minor:
        return "first_order_high_value"
    return None


Rule = Callable[[OrderFacts, FraudConfig], str | None]

RULES: tuple[Rule, ...] = (
    country_mismatch,
    postal_code_mismatch,
    high_value,
    velocity,
    first_order_high_value,
)


def evaluate(facts: OrderFacts, config: FraudConfig | None = None) -> list[str]:
    """The names of the rules that hit, in rule order."""
    config = config or FraudConfig()
    return [name for rule in RULES if (name := rule(facts, config)) is not None]


def verdict(hits: list[str]) -> FraudState:
    """``review`` when any rule hit, else ``clear``."""
    return FraudState.REVIEW if hits else FraudState.CLEAR


def gather_facts(
    conn: Connection,
    order: OrderIn,
    *,
    email: str,
    total_minor: int,
    now: datetime,
    config: FraudConfig | None = None,
) -> OrderFacts:
    """The facts of a new order, with the history of its (normalized) e-mail address."""
    config = config or FraudConfig()
    o, c = t.orders.c, t.customers.c
    base = (
        sa.select(sa.func.count())
        .select_from(t.orders)
        .join(t.customers, c.id == o.customer_id)
        .where(c.email == email)
    )
    recent = conn.execute(base.where(o.created_at >= now - config.velocity_window)).scalar_one()
    previous = conn.execute(base).scalar_one()
    return OrderFacts(
        delivery=order.delivery,
        billing=order.billing_address,
        shipping=order.shipping_address,
        total_minor=total_minor,
        recent_orders=int(recent),
        previous_orders=int(previous),
    )
