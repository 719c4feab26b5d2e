"""The server's clock, as the ``Date`` headers of its answers tell it.

DESIGN §4: the server decides; nothing is decided by the station's clock. Where the
station still needs "now" against server timestamps (the retention purge compares with
the ``updated_at`` the server stamped), it uses :meth:`ServerClock.now`: this PC's time
corrected by the offset last seen. A PC clock days off is reported in plain words
(:meth:`ServerClock.warning`) so someone sets it right.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

#: A station clock further than this from the server's is reported (the ``Date`` header
#: has a one-second resolution and the answer takes its time to arrive).
SKEW_LIMIT = timedelta(minutes=5)


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Skew:
    """How far this PC's clock is off the server's, rounded to the unit people read:
    the GUI words it in the station's language, :meth:`describe` in English for logs."""

    count: int
    #: ``day``, ``hour`` or ``minute``.
    unit: str
    #: Whether the PC's clock is ahead of the server's (else behind).
    ahead: bool

    @classmethod
    def of(cls, offset: timedelta) -> Skew:
        """The skew of an offset of the PC against the server (positive: ahead)."""
        size = abs(offset)
        if size >= timedelta(days=1):
            count, unit = round(size / timedelta(days=1)), "day"
        elif size >= timedelta(hours=1):
            count, unit = round(size / timedelta(hours=1)), "hour"
        else:
            count, unit = max(1, round(size / timedelta(minutes=1))), "minute"
        return cls(count, unit, offset > timedelta(0))

    def describe(self) -> str:
        """``This PC's clock is 3 days ahead of the server's: ...``"""
        plural = "s" if self.count != 1 else ""
        side = "ahead" if self.ahead else "behind"
        return (
            f"This PC's clock is {self.count} {self.unit}{plural} {side}"
            " of the server's: set it right (the server's time counts)"
        )


def describe(offset: timedelta) -> str:
    """``This PC's clock is 3 days ahead`` for an offset of the PC against the server."""
    return Skew.of(offset).describe()


class ServerClock:
    """The offset of this PC's clock against the server's, from its answers' ``Date``.

    :meth:`hook` is a ``requests`` response hook; it may be called from any thread.
    """

    def __init__(self, now: Callable[[], datetime] = _utcnow) -> None:
        self._now = now
        self._lock = threading.Lock()
        self._offset: timedelta | None = None

    def observe(self, date_header: str | None) -> None:
        """Note a server answer's ``Date`` header (ignored when missing or unreadable)."""
        if not date_header:
            return
        try:
            server = parsedate_to_datetime(date_header)
        except (TypeError, ValueError):
            return
        if server.tzinfo is None:
            return
        with self._lock:
            self._offset = self._now() - server

    def hook(self, response: Any, *_args: Any, **_kwargs: Any) -> Any:
        """A ``requests`` response hook: observe the answer's ``Date``."""
        self.observe(response.headers.get("Date"))
        return response

    @property
    def offset(self) -> timedelta | None:
        """This PC's clock minus the server's (positive: the PC is ahead); None before an answer."""
        with self._lock:
            return self._offset

    def now(self) -> datetime:
        """The server's time now, estimated (this PC's time until an answer was seen)."""
        offset = self.offset
        return self._now() - (offset or timedelta(0))

    def skew(self) -> Skew | None:
        """How far this PC's clock is off, when by more than :data:`SKEW_LIMIT`."""
        offset = self.offset
        if offset is None or abs(offset) <= SKEW_LIMIT:
            return None
        return Skew.of(offset)

    def warning(self) -> str | None:
        """What to tell staff (in English, for logs) when this PC's clock is far off."""
        skew = self.skew()
        return None if skew is None else skew.describe()
