"""How the queue shows times: promised times in the store's time zone, ages, overdue.

The words are in the station's language (``QCoreApplication.translate``, contexts "Time"
and "Status"; weekday and month names from the default :class:`QLocale`); only QtCore is
used, so the functions run off the UI thread too.

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
from datetime import date, datetime, timedelta, tzinfo
from typing import Literal

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from desktop_oms.cache.queries import QueueRow
from desktop_oms.domain.status import ACTIVE, RESTOCKABLE, FulfillmentStatus
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP

Level = Literal["ok", "warn", "bad", "muted"]

#: A ready pickup whose deadline is this close is flagged.
SOON = timedelta(hours=24)
#: A pickup being prepared whose promised time is this close is flagged.
DUE_SOON = timedelta(hours=2)

#: Status words in English (translated by :func:`status_label`, context "Status").
STATUS_LABELS = {
    "open": QT_TRANSLATE_NOOP("Status", "New"),
    "picking": QT_TRANSLATE_NOOP("Status", "Picking"),
    "packed": QT_TRANSLATE_NOOP("Status", "Packed"),
    "in_transit": QT_TRANSLATE_NOOP("Status", "In transit"),
    "arrived": QT_TRANSLATE_NOOP("Status", "Arrived"),
    "ready_for_pickup": QT_TRANSLATE_NOOP("Status", "Ready"),
    "handed_over": QT_TRANSLATE_NOOP("Status", "Collected"),
    "shipped": QT_TRANSLATE_NOOP("Status", "Shipped"),
    "cancelled": QT_TRANSLATE_NOOP("Status", "Cancelled"),
    "expired": QT_TRANSLATE_NOOP("Status", "Expired"),
    "rejected": QT_TRANSLATE_NOOP("Status", "Rejected"),
}

STATUS_LEVELS: dict[str, Level] = {
    "ready_for_pickup": "ok",
    "handed_over": "muted",
    "cancelled": "bad",
    "expired": "bad",
    "rejected": "bad",
}


def locale_text(moment: datetime | date, pattern: str) -> str:
    """``moment`` (naive: as it is; aware: in its own zone) in the station's language,
    by a Qt date pattern such as ``"ddd d MMM HH:mm"`` (month and day names translated)."""
    day = QDate(moment.year, moment.month, moment.day)
    if not isinstance(moment, datetime):
        return QLocale().toString(day, pattern)
    clock = QTime(moment.hour, moment.minute, moment.second)
    return QLocale().toString(QDateTime(day, clock), pattern)


def status_label(status: str) -> str:
    """A fulfillment status in words staff use, in the station's language."""
    label = STATUS_LABELS.get(status)
    if label is None:
        return status.replace("_", " ").capitalize()
    return QCoreApplication.translate("Status", label)


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
        return QCoreApplication.translate("Time", "Today {clock}").format(clock=clock)
    if days == 1:
        return QCoreApplication.translate("Time", "Tomorrow {clock}").format(clock=clock)
    if days == -1:
        return QCoreApplication.translate("Time", "Yesterday {clock}").format(clock=clock)
    locale = QLocale()
    short = QLocale.FormatType.ShortFormat
    return QCoreApplication.translate("Time", "{weekday} {day} {month} {clock}").format(
        weekday=locale.dayName(local.isoweekday(), short).rstrip("."),
        day=local.day,
        month=locale.monthName(local.month, short).rstrip("."),
        clock=clock,
    )


def duration(span: timedelta) -> str:
    """A short, rounded-down duration: ``4 min``, ``2 h 5 min``, ``3 d 4 h``."""
    minutes = max(0, int(span.total_seconds() // 60))
    if minutes < 60:
        return QCoreApplication.translate("Time", "{minutes} min").format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        if minutes:
            return QCoreApplication.translate("Time", "{hours} h {minutes} min").format(
                hours=hours, minutes=minutes
            )
        return QCoreApplication.translate("Time", "{hours} h").format(hours=hours)
    days, hours = divmod(hours, 24)
    if hours:
        return QCoreApplication.translate("Time", "{days} d {hours} h").format(
            days=days, hours=hours
        )
    return QCoreApplication.translate("Time", "{days} d").format(days=days)


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
#: What the queue's Promised column means (its header tooltip; translate at display,
#: context "Time").
PROMISED_MEANING = QT_TRANSLATE_NOOP(
    "Time",
    "When the customer was told the order would be ready to collect (store time).\n"
    "Red: that time has passed and the order is still being prepared.",
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
        return Promise("—", False, QCoreApplication.translate("Time", "No promised time"))
    shown = when(promised, now, tz)
    if promise_broken(row, now):
        late = duration(now - promised)
        tip = QCoreApplication.translate("Time", "Promised {late} ago ({when}) and not ready yet")
        return Promise(shown, True, tip.format(late=late, when=shown))
    return Promise(
        shown,
        False,
        QCoreApplication.translate("Time", "Promised ready to collect {when}").format(when=shown),
    )


def age(row: QueueRow, now: datetime, tz: tzinfo) -> Age:
    """How old or late ``row`` is, as the counter cares about it (see the module doc)."""
    if row.status in RESTOCKABLE:
        ended = parse_utc(row.updated_at)
        verb = status_label(row.status)
        text = f"{verb} {duration(_to_hours(now - ended))}" if ended else verb
        tip = f"{verb} {when(ended, now, tz)}" if ended else verb
        if row.bin:
            tip += QCoreApplication.translate(
                "Time", ": its goods are still in bin {bin}. Put them back on the shelf."
            ).format(bin=row.bin)
        return Age(text, "warn", tip)
    if row.status == "handed_over":
        at = parse_utc(row.updated_at)
        text = (
            QCoreApplication.translate("Time", "Collected {when}").format(when=when(at, now, tz))
            if at
            else QCoreApplication.translate("Time", "Collected")
        )
        return Age(text, "muted", text)
    if row.status == "ready_for_pickup":
        deadline = parse_utc(row.pickup_deadline)
        if deadline is not None:
            shown = when(deadline, now, tz)
            if deadline <= now:
                return Age(
                    QCoreApplication.translate("Time", "{span} past deadline").format(
                        span=duration(now - deadline)
                    ),
                    "bad",
                    QCoreApplication.translate(
                        "Time",
                        "Not collected by its deadline ({when}): expire it or call the customer",
                    ).format(when=shown),
                )
            if deadline - now <= SOON:
                return Age(
                    QCoreApplication.translate("Time", "Expires in {span}").format(
                        span=duration(deadline - now)
                    ),
                    "warn",
                    QCoreApplication.translate("Time", "Pickup deadline {when}").format(when=shown),
                )
        since = parse_utc(row.updated_at)
        if deadline:
            tip = QCoreApplication.translate("Time", "Hold until {when}").format(
                when=when(deadline, now, tz)
            )
        else:
            tip = QCoreApplication.translate("Time", "Ready for pickup")
        if since is None:
            return Age(QCoreApplication.translate("Time", "Waiting"), "ok", tip)
        return Age(
            QCoreApplication.translate("Time", "Waiting {span}").format(span=duration(now - since)),
            "ok",
            tip,
        )
    promised = parse_utc(row.promised_at)
    if promised is None:
        return Age(
            status_label(row.status),
            "muted",
            QCoreApplication.translate("Time", "No promised time"),
        )
    shown = when(promised, now, tz)
    if promised <= now:
        return Age(
            QCoreApplication.translate("Time", "{span} late").format(span=duration(now - promised)),
            "bad",
            QCoreApplication.translate("Time", "Promised ready {when}: it is overdue").format(
                when=shown
            ),
        )
    level: Level = "warn" if promised - now <= DUE_SOON else "muted"
    return Age(
        QCoreApplication.translate("Time", "Due in {span}").format(span=duration(promised - now)),
        level,
        QCoreApplication.translate("Time", "Promised ready {when}").format(when=shown),
    )
