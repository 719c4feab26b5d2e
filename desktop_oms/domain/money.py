"""Money as integer minor units with an ISO 4217 currency: never floats."""

from __future__ import annotations

from dataclasses import dataclass

_MINOR_DIGITS = {"JPY": 0, "KWD": 3, "BHD": 3}


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in minor units (cents) of one currency."""

    minor: int
    currency: str = "EUR"

    def __post_init__(self) -> None:
        if len(self.currency) != 3 or not self.currency.isalpha() or not self.currency.isupper():
            raise ValueError(f"currency must be a 3-letter ISO code, got {self.currency!r}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def __mul__(self, factor: int) -> Money:
        return Money(self.minor * factor, self.currency)

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot combine {self.currency} with {other.currency}")

    @property
    def digits(self) -> int:
        """Number of minor-unit digits of the currency."""
        return _MINOR_DIGITS.get(self.currency, 2)

    def format(self) -> str:
        """Human form such as ``12.50 EUR``."""
        if self.digits == 0:
            return f"{self.minor} {self.currency}"
        sign = "-" if self.minor < 0 else ""
        whole, frac = divmod(abs(self.minor), 10**self.digits)
        return f"{sign}{whole}.{frac:0{self.digits}d} {self.currency}"
