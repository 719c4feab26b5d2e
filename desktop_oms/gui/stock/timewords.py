"""The Stock page's times in the station's language: how old figures are, clock times, and
a store's opening hours today.

:mod:`desktop_oms.cache.stock` works out the times (Qt-free, in English for logs and
tests); these functions say the same in the language of the catalogue installed.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication

from desktop_oms.cache.stock import StoreClock, parse_utc
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.pickups.timefmt import locale_text

#: Day names as :func:`desktop_oms.cache.stock.store_clock` writes them ("Opens Mon 09:00").
_DAYS = {
    "Mon": QT_TRANSLATE_NOOP("StockTime", "Mon"),
    "Tue": QT_TRANSLATE_NOOP("StockTime", "Tue"),
    "Wed": QT_TRANSLATE_NOOP("StockTime", "Wed"),
    "Thu": QT_TRANSLATE_NOOP("StockTime", "Thu"),
    "Fri": QT_TRANSLATE_NOOP("StockTime", "Fri"),
    "Sat": QT_TRANSLATE_NOOP("StockTime", "Sat"),
    "Sun": QT_TRANSLATE_NOOP("StockTime", "Sun"),
}
_OPEN_UNTIL = re.compile(r"Open until (\d\d:\d\d)$")
_OPENS = re.compile(r"Opens (\d\d:\d\d)$")
_OPENS_TOMORROW = re.compile(r"Opens tomorrow (\d\d:\d\d)$")
_OPENS_DAY = re.compile(r"Opens (\w+) (\d\d:\d\d)$")


def _tr(text: str) -> str:
    return QCoreApplication.translate("StockTime", text)


def ago(moment: datetime, now: datetime) -> str:
    """``just now``, ``40 s ago``, ``3 min ago``, ``2 h 5 min ago``, ``3 days ago``."""
    seconds = (now - moment).total_seconds()
    if seconds < 10:
        return QCoreApplication.translate("StockTime", "just now")
    if seconds < 60:
        return QCoreApplication.translate("StockTime", "{seconds} s ago").format(
            seconds=int(seconds)
        )
    minutes = int(seconds // 60)
    if minutes < 60:
        return QCoreApplication.translate("StockTime", "{minutes} min ago").format(minutes=minutes)
    hours, rest = divmod(minutes, 60)
    if hours < 24:
        if rest:
            return QCoreApplication.translate("StockTime", "{hours} h {minutes} min ago").format(
                hours=hours, minutes=rest
            )
        return QCoreApplication.translate("StockTime", "{hours} h ago").format(hours=hours)
    days = hours // 24
    if days == 1:
        return QCoreApplication.translate("StockTime", "1 day ago")
    return QCoreApplication.translate("StockTime", "{days} days ago").format(days=days)


def clock_text(moment: datetime, now: datetime, tz: tzinfo) -> str:
    """``10:42`` today, ``yesterday 10:42``, ``Mon 23 Nov 10:42`` before that (in ``tz``)."""
    local, today = moment.astimezone(tz), now.astimezone(tz).date()
    days = (today - local.date()).days
    hm = local.strftime("%H:%M")
    if days == 0:
        return hm
    if days == 1:
        return QCoreApplication.translate("StockTime", "yesterday {time}").format(time=hm)
    return locale_text(local, "ddd d MMM HH:mm")


def as_of(last_sync_at: str | None, now: datetime, tz: tzinfo) -> str:
    """How old cached figures are: ``as of 10:42, 3 min ago`` (``not synced yet``)."""
    moment = parse_utc(last_sync_at)
    if moment is None:
        return QCoreApplication.translate("StockTime", "not synced yet")
    return QCoreApplication.translate("StockTime", "as of {time}, {ago}").format(
        time=clock_text(moment, now, tz), ago=ago(moment, now)
    )


def hours_today(clock: StoreClock) -> str:
    """Today's opening hours (``09:00–18:00``, or closed today)."""
    return (
        QCoreApplication.translate("StockTime", "Closed today")
        if clock.today == "Closed today"
        else clock.today
    )


def status(clock: StoreClock) -> str:
    """Open or closed now and until when: ``Open until 18:00``, ``Opens tomorrow 09:00``."""
    text = clock.status
    if (found := _OPEN_UNTIL.match(text)) is not None:
        return QCoreApplication.translate("StockTime", "Open until {time}").format(
            time=found.group(1)
        )
    if (found := _OPENS.match(text)) is not None:
        return QCoreApplication.translate("StockTime", "Opens {time}").format(time=found.group(1))
    if (found := _OPENS_TOMORROW.match(text)) is not None:
        return QCoreApplication.translate("StockTime", "Opens tomorrow {time}").format(
            time=found.group(1)
        )
    if (found := _OPENS_DAY.match(text)) is not None and found.group(1) in _DAYS:
        day = _tr(_DAYS[found.group(1)])
        return QCoreApplication.translate("StockTime", "Opens {day} {time}").format(
            day=day, time=found.group(2)
        )
    if text == "Closed":
        return QCoreApplication.translate("StockTime", "Closed")
    return text


def chip_text(clock: StoreClock | None) -> str:
    """The open/closed chip: ``Open now``, ``Opens 12:00`` (later today), ``Closed``."""
    if clock is None:
        return QCoreApplication.translate("StockTime", "Hours unknown")
    if clock.open_now:
        return QCoreApplication.translate("StockTime", "Open now")
    if _OPENS.match(clock.status) is not None:
        return status(clock)
    return QCoreApplication.translate("StockTime", "Closed")
