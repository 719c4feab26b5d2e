"""Exponential backoff with full jitter, reset by a success."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """Delays of ``base * 2**n`` seconds, capped, each drawn uniformly below the bound."""

    base: float = 1.0
    cap: float = 60.0
    failures: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def next_delay(self) -> float:
        """Record a failure and return how long to wait before the next try."""
        bound = min(self.cap, self.base * (2**self.failures))
        self.failures += 1
        return self.rng.uniform(bound / 2, bound)

    def reset(self) -> None:
        """Record a success."""
        self.failures = 0
