"""How the queue shows times: promised times in the store's time zone, ages, overdue (no Qt).

Ages are relative to what matters at the counter for the row's state:

* being prepared (open, picking, in transit, ...): time to the promised time, or how
  late it is — late is *overdue*;
* ready: time left to the pickup deadline when it is within :data:`SOON`, past the
  deadline is *overdue*; otherwise how long it has been waiting;
* handed over: when it was collected;
* expired or cancelled with the goods still in a bin: how long they have been waiting to
  go back on the shelf.

The promised time (``promised_at``) is when the customer was told the order would be
ready to collect; it is *overdue* while the order is still being prepared after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Literal

from desktop_oms.cache.queries import QueueRow
from desktop_oms.domain.status import ACTIVE, RESTOCKABLE, FulfillmentStatus

Level = Literal["ok", "warn", "bad", "muted"]

#: A ready pickup whose deadline is this close is flagged.
SOON = timedelta(hours=24)
#: A pickup being prepared whose promised time is this close is flagged.
DUE_SOON = timedelta(hours=2)

STATUS_LABELS = {
    "open": "New",
    "picking": "Picking",
    "packed": "Packed",
    "in_transit": "In transit",
    "arrived": "Arrived",
    "ready_for_pickup": "Ready",
    "handed_over": "Collected",
    "shipped": "Shipped",
    "cancelled": "Cancelled",
    "expired": "Expired",
    "rejected": "Rejected",
}

STATUS_LEVELS: dict[str, Level] = {
    "ready_for_pickup": "ok",
    "handed_over": "muted",
    "cancelled": "bad",
    "expired": "bad",
    "rejected": "bad",
}


def status_label(status: str) -> str:
    """A fulfillment status in words staff use."""
    return STATUS_LABELS.get(status, status.replace("_", " ").capitalize())


def parse_utc(text: str | None) -> datetime | None:
    """A canonical UTC timestamp from the cache, or None."""
    if not text:
        return None
    return datetime.fromisoformat(text)


def when(moment: datetime, now: datetime, tz: tzinfo) -> str:
    """``Today 14:30``, ``Tomorrow 09:00``, ``Yesterday 16:10``, or ``Mon 23 Nov 14:30``."""
    local, today = moment.astimezone(tz), now.astimezone(tz).date()
    clock = local.strftime("%H:%M")
    days = (local.date() - today).days
    if days == 0:
        return f"Today {clock}"
    if days == 1:
        return f"Tomorrow {clock}"
    if days == -1:
        return f"Yesterday {clock}"
    return f"{local.strftime('%a')} {local.day} {local.strftime('%b')} {clock}"


def duration(span: timedelta) -> str:
    """A short, rounded-down duration: ``4 min``, ``2 h 5 min``, ``3 d 4 h``."""
    minutes = max(0, int(span.total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


def _to_hours(span: timedelta) -> timedelta:
    """``span`` rounded down to whole hours once it is an hour or more (a short cell)."""
    hour = timedelta(hours=1)
    return span if span < hour else span // hour * hour


@dataclass(frozen=True, slots=True)
class Age:
    """The age cell of a row: text, how alarming it is, and a longer explanation."""

    text: str
    level: Level
    tooltip: str

    @property
    def overdue(self) -> bool:
        """Whether the row is late (flagged red)."""
        return self.level == "bad"


def is_overdue(row: QueueRow, now: datetime) -> bool:
    """Whether :func:`age` flags ``row`` as late, without building its text.

    A tab's overdue count looks at every row: formatting each one's age (``strftime``)
    cost 15 µs a row, a quarter of a second on the UI thread for a 10k-row tab.
    """
    if row.status == "handed_over" or row.status in RESTOCKABLE:
        return False
    if row.status == "ready_for_pickup":
        deadline = parse_utc(row.pickup_deadline)
        return deadline is not None and deadline <= now
    promised = parse_utc(row.promised_at)
    return promised is not None and promised <= now


#: States in which the order is still being prepared for the counter.
PREPARING = ACTIVE - {FulfillmentStatus.READY_FOR_PICKUP}
#: What the queue's Promised column means (its header tooltip).
PROMISED_MEANING = (
    "When the customer was told the order would be ready to collect (store time).\n"
    "Red: that time has passed and the order is still being prepared."
)


@dataclass(frozen=True, slots=True)
class Promise:
    """The promised-time cell of a row: text, whether the promise is broken, explanation."""

    text: str
    overdue: bool
    tooltip: str


def promise_broken(row: QueueRow, now: datetime) -> bool:
    """Whether ``row`` is still being prepared after its promised time (no text built)."""
    if row.status not in PREPARING or not row.promised_at:
        return False
    promised = parse_utc(row.promised_at)
    return promised is not None and promised <= now


def promise(row: QueueRow, now: datetime, tz: tzinfo) -> Promise:
    """The promised time in the store's time zone; overdue while preparing past it."""
    promised = parse_utc(row.promised_at)
    if promised is None:
        return Promise("—", False, "No promised time")
    shown = when(promised, now, tz)
    if promise_broken(row, now):
        late = duration(now - promised)
        return Promise(shown, True, f"Promised {late} ago ({shown}) and not ready yet")
    return Promise(shown, False, f"Promised ready to collect {shown}")


def age(row: QueueRow, now: datetime, tz: tzinfo) -> Age:
    """How old or late ``row`` is, as the counter cares about it (see the module doc)."""
    if row.status in RESTOCKABLE:
        ended = parse_utc(row.updated_at)
        verb = status_label(row.status)
        text = f"{verb} {duration(_to_hours(now - ended))}" if ended else verb
        tip = f"{verb} {when(ended, now, tz)}" if ended else verb
        if row.bin:
            tip += f": its goods are still in bin {row.bin}. Put them back on the shelf."
        return Age(text, "warn", tip)
    if row.status == "handed_over":
        at = parse_utc(row.updated_at)
        text = f"Collected {when(at, now, tz)}" if at else "Collected"
        return Age(text, "muted", text)
    if row.status == "ready_for_pickup":
        deadline = parse_utc(row.pickup_deadline)
        if deadline is not None:
            shown = when(deadline, now, tz)
            if deadline <= now:
                return Age(
                    f"{duration(now - deadline)} past deadline",
                    "bad",
                    f"Not collected by its deadline ({shown}): expire it or call the customer",
                )
            if deadline - now <= SOON:
                return Age(
                    f"Expires in {duration(deadline - now)}", "warn", f"Pickup deadline {shown}"
                )
        since = parse_utc(row.updated_at)
        tip = f"Hold until {when(deadline, now, tz)}" if deadline else "Ready for pickup"
        if since is None:
            return Age("Waiting", "ok", tip)
        return Age(f"Waiting {duration(now - since)}", "ok", tip)
    promised = parse_utc(row.promised_at)
    if promised is None:
        return Age(status_label(row.status), "muted", "No promised time")
    shown = when(promised, now, tz)
    if promised <= now:
        return Age(
            f"{duration(now - promised)} late", "bad", f"Promised ready {shown}: it is overdue"
        )
    level: Level = "warn" if promised - now <= DUE_SOON else "muted"
    return Age(f"Due in {duration(promised - now)}", level, f"Promised ready {shown}")
