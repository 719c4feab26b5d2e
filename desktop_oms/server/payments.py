"""Payment authorisation through a provider interface, with a built-in test provider.

Test cards (any holder): ``4242424242424242`` approves, ``4000000000000002`` declines,
``4000000000000119`` fails with a processing error; any other number that passes the
Luhn check approves, one that fails it declines.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class AuthOutcome(StrEnum):
    """What the provider said."""

    APPROVED = "approved"
    DECLINED = "declined"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Authorization:
    """The provider's answer: outcome, its reference and a human reason."""

    outcome: AuthOutcome
    reference: str | None
    reason: str


class PaymentProvider(Protocol):
    """Authorises an amount on a card."""

    def authorize(self, amount_minor: int, currency: str, card_number: str) -> Authorization:
        """Ask for an authorisation; never raises for a declined card."""
        ...


APPROVE_CARD = "4242424242424242"
DECLINE_CARD = "4000000000000002"
ERROR_CARD = "4000000000000119"


def luhn_ok(number: str) -> bool:
    """Whether a card number passes the Luhn check."""
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


class TestPaymentProvider:
    """Deterministic provider for demos and tests (see the module docstring for cards)."""

    __test__ = False  # not a pytest class

    def authorize(self, amount_minor: int, currency: str, card_number: str) -> Authorization:
        """Approve, decline or fail by card number."""
        if card_number == ERROR_CARD:
            return Authorization(AuthOutcome.ERROR, None, "the payment processor did not answer")
        if card_number == DECLINE_CARD or not luhn_ok(card_number):
            return Authorization(AuthOutcome.DECLINED, None, "the card was declined")
        reference = f"AUTH-{secrets.token_hex(6).upper()}"
        return Authorization(AuthOutcome.APPROVED, reference, "approved")
