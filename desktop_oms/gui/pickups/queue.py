"""What the pickup queue asks the cache, and how its rows are ordered (QtCore only, for its words).

One database job (:func:`fetch`) reads the rows of the tab on screen and the count of
every tab, filtered by the search text in SQL (``cache.queries.pickup_queue``), and sorts
them on the worker thread, never in a proxy model on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication
from sqlalchemy.engine import Connection

from desktop_oms.cache import queries, state
from desktop_oms.cache.db import driver_cursor
from desktop_oms.cache.queries import PickupTab, QueueRow
from desktop_oms.cache.state import Key
from desktop_oms.domain.status import RESTOCKABLE
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.pickups import timefmt

TABS: tuple[PickupTab, ...] = get_args(PickupTab)
#: Tab titles in English (context "PickupQueue"; :func:`tab_title` translates).
TAB_TITLES: dict[PickupTab, str] = {
    "ready": QT_TRANSLATE_NOOP("PickupQueue", "Ready"),
    "preparing": QT_TRANSLATE_NOOP("PickupQueue", "Preparing"),
    "handed_over_today": QT_TRANSLATE_NOOP("PickupQueue", "Handed over today"),
    "expiring": QT_TRANSLATE_NOOP("PickupQueue", "Expiring"),
    "expired": QT_TRANSLATE_NOOP("PickupQueue", "Expired"),
}
#: What each tab holds (its tooltip; English, translated by :func:`tab_tip`).
TAB_TIPS: dict[PickupTab, str] = {
    "ready": QT_TRANSLATE_NOOP("PickupQueue", "Staged in a bin, waiting for the customer"),
    "preparing": QT_TRANSLATE_NOOP(
        "PickupQueue", "Not ready yet: being picked, packed or on its way to this store"
    ),
    "handed_over_today": QT_TRANSLATE_NOOP("PickupQueue", "Collected since midnight (store time)"),
    "expiring": QT_TRANSLATE_NOOP(
        "PickupQueue", "Ready pickups whose hold ends within a day, or has ended"
    ),
    "expired": QT_TRANSLATE_NOOP(
        "PickupQueue",
        "Expired or cancelled pickups whose goods are still in their bin:\n"
        "put them back on the shelf, then Return to stock",
    ),
}


def tab_title(tab: PickupTab) -> str:
    """A tab's title in the station's language."""
    return QCoreApplication.translate("PickupQueue", TAB_TITLES[tab])


def tab_tip(tab: PickupTab) -> str:
    """A tab's tooltip in the station's language."""
    return QCoreApplication.translate("PickupQueue", TAB_TIPS[tab])


class Column:
    """The queue's columns, in display order."""

    ORDER = 0
    CUSTOMER = 1
    ITEMS = 2
    BIN = 3
    STATUS = 4
    PROMISED = 5
    AGE = 6
    COUNT = 7


#: Column titles in English (context "PickupQueue"; the model translates them).
HEADERS = (
    QT_TRANSLATE_NOOP("PickupQueue", "Order"),
    QT_TRANSLATE_NOOP("PickupQueue", "Customer"),
    QT_TRANSLATE_NOOP("PickupQueue", "Items"),
    QT_TRANSLATE_NOOP("PickupQueue", "Bin"),
    QT_TRANSLATE_NOOP("PickupQueue", "Status"),
    QT_TRANSLATE_NOOP("PickupQueue", "Promised"),
    QT_TRANSLATE_NOOP("PickupQueue", "Age"),
)


def _text(value: str | None) -> tuple[bool, str]:
    return (value is None, (value or "").casefold())


def _time(value: str | None) -> tuple[bool, str]:
    # canonical UTC text sorts as time; rows without a time go last
    return (value is None, value or "")


def _age(r: QueueRow) -> Any:
    # an ended pickup's age counts from when it ended; the others' follow the promise
    if r.status in RESTOCKABLE:
        return (False, r.updated_at, r.id)
    return (*_time(r.promised_at), r.id)


#: Sort key of each column (row id breaks ties, so the order is stable across refreshes).
SORT_KEYS: dict[int, Callable[[QueueRow], Any]] = {
    Column.ORDER: lambda r: (r.order_number, r.id),
    Column.CUSTOMER: lambda r: (r.customer_name.casefold(), r.id),
    Column.ITEMS: lambda r: (r.items, r.id),
    Column.BIN: lambda r: (*_text(r.bin), r.id),
    Column.STATUS: lambda r: (r.status, r.id),
    Column.PROMISED: lambda r: (*_time(r.promised_at), r.id),
    Column.AGE: _age,
}


@dataclass(frozen=True, slots=True)
class QueueRequest:
    """One read of the queue: which store, tab, search text and order."""

    store_id: int
    tab: PickupTab
    search: str
    sort_column: int = Column.PROMISED
    descending: bool = False


@dataclass(frozen=True, slots=True)
class QueueResult:
    """The rows of the requested tab, the count of every tab, and when they were read;
    ``overdue``: how many of the rows are late (counted here, off the UI thread)."""

    request: QueueRequest
    rows: list[QueueRow]
    counts: dict[PickupTab, int]
    now: datetime
    last_sync_at: str | None
    overdue: int = 0


def fetch(conn: Connection, request: QueueRequest, now: datetime) -> QueueResult:
    """Disk: the queue as ``request`` asks for it (run on the database worker)."""
    search = request.search.strip() or None
    shown = queries.pickup_queue(conn, request.store_id, request.tab, search, now)
    counts = queries.pickup_counts(conn, request.store_id, search, now, TABS)
    shown.sort(key=SORT_KEYS[request.sort_column], reverse=request.descending)
    overdue = sum(1 for r in shown if timefmt.is_overdue(r, now))
    return QueueResult(request, shown, counts, now, state.get(conn, Key.LAST_SYNC_AT), overdue)


@dataclass(frozen=True, slots=True)
class Located:
    """Where an order is in the queue: its tab and fulfillment, or None if not a pickup here."""

    order_number: str
    tab: PickupTab | None
    fulfillment_id: int | None


def locate(conn: Connection, store_id: int, order_number: str, now: datetime) -> Located:
    """Disk: the tab an order's pickup is in at ``store_id`` (the first tab that has it)."""
    for tab in TABS:
        for row in queries.pickup_queue(conn, store_id, tab, order_number, now):
            if row.order_number == order_number:
                return Located(order_number, tab, row.id)
    return Located(order_number, None, None)


@dataclass(frozen=True, slots=True)
class StoreInfo:
    """The station's store as the views show it."""

    id: int
    code: str
    name: str
    city: str
    timezone: str

    def tz(self) -> tzinfo:
        """The store's time zone (UTC when the name is unknown to this PC)."""
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            return UTC


def store_info(conn: Connection, store_id: int) -> StoreInfo | None:
    """Disk: the store's code, name, city and time zone, once it is synced."""
    row = (
        driver_cursor(conn)
        .execute("SELECT id, code, name, city, timezone FROM stores WHERE id = ?", (store_id,))
        .fetchone()
    )
    return None if row is None else StoreInfo(*row)
