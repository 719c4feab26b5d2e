"""What the fulfil queue asks the cache, and how its rows are ordered (no Qt).

One database job (:func:`fetch`) reads the rows of the tab on screen and the count of
every tab, filtered by method and age in SQL (``cache.queries.fulfil_queue``), and sorts
them on the worker thread, never in a proxy model on the UI thread.

The titles below are English and marked for ``lupdate`` (context ``FulfilQueue``); the
views translate them when they show them (:func:`translated`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.engine import Connection

from desktop_oms.cache import queries, state
from desktop_oms.cache.queries import (
    FULFIL_TABS,
    FulfilMethod,
    FulfilRow,
    FulfilService,
    FulfilTab,
)
from desktop_oms.cache.rows import utc_text
from desktop_oms.cache.state import Key
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP

#: The translation context of this module's titles.
CONTEXT = "FulfilQueue"


def translated(text: str) -> str:
    """One of this module's titles in the station's language."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(CONTEXT, text)


TABS: tuple[FulfilTab, ...] = FULFIL_TABS
TAB_TITLES: dict[FulfilTab, str] = {
    "open": QT_TRANSLATE_NOOP("FulfilQueue", "Open"),
    "in_progress": QT_TRANSLATE_NOOP("FulfilQueue", "In progress"),
    "packed": QT_TRANSLATE_NOOP("FulfilQueue", "Packed"),
}
TAB_TIPS: dict[FulfilTab, str] = {
    "open": QT_TRANSLATE_NOOP(
        "FulfilQueue",
        "Not started yet: to pick; and ship-to-store transfers on their way here, to receive",
    ),
    "in_progress": QT_TRANSLATE_NOOP(
        "FulfilQueue",
        "Being picked: to stage in a bin or to pack; and transfers received, to stage",
    ),
    "packed": QT_TRANSLATE_NOOP("FulfilQueue", "Packed in boxes: buy the labels, then ship"),
}
#: The method filter: (value, title); None is every method.
METHOD_CHOICES: tuple[tuple[FulfilMethod | None, str], ...] = (
    (None, QT_TRANSLATE_NOOP("FulfilQueue", "All methods")),
    ("store_pickup", QT_TRANSLATE_NOOP("FulfilQueue", "Store pickup")),
    ("ship_from_store", QT_TRANSLATE_NOOP("FulfilQueue", "Ship from store")),
    ("ship_to_store", QT_TRANSLATE_NOOP("FulfilQueue", "Ship to store (outgoing)")),
    ("arrivals", QT_TRANSLATE_NOOP("FulfilQueue", "Ship-to-store arrivals")),
)
#: The shipping-service filter: (value, title); None is every service.
SERVICE_CHOICES: tuple[tuple[FulfilService | None, str], ...] = (
    (None, QT_TRANSLATE_NOOP("FulfilQueue", "Any service")),
    ("standard", QT_TRANSLATE_NOOP("FulfilQueue", "Standard")),
    ("express", QT_TRANSLATE_NOOP("FulfilQueue", "Express")),
)
#: The age filter: (minimum age, title).
AGE_CHOICES: tuple[tuple[timedelta | None, str], ...] = (
    (None, QT_TRANSLATE_NOOP("FulfilQueue", "Any age")),
    (timedelta(hours=1), QT_TRANSLATE_NOOP("FulfilQueue", "Older than 1 hour")),
    (timedelta(hours=4), QT_TRANSLATE_NOOP("FulfilQueue", "Older than 4 hours")),
    (timedelta(days=1), QT_TRANSLATE_NOOP("FulfilQueue", "Older than 1 day")),
    (timedelta(days=3), QT_TRANSLATE_NOOP("FulfilQueue", "Older than 3 days")),
)
METHOD_LABELS = {
    "store_pickup": QT_TRANSLATE_NOOP("FulfilQueue", "Store pickup"),
    "ship_from_store": QT_TRANSLATE_NOOP("FulfilQueue", "Ship from store"),
    "ship_to_store": QT_TRANSLATE_NOOP("FulfilQueue", "Ship to store"),
}
TRANSFER_IN = QT_TRANSLATE_NOOP("FulfilQueue", "Transfer in")
TRANSFER_OUT = QT_TRANSLATE_NOOP("FulfilQueue", "Transfer out")


def method_label(row: FulfilRow) -> str:
    """How the row's goods leave, in English (sort key and icon; shown :func:`translated`):
    ``Store pickup``, ``Ship from store``, ``Transfer in``..."""
    if row.arrival:
        return TRANSFER_IN
    if row.method == "ship_to_store":
        return TRANSFER_OUT
    return METHOD_LABELS.get(row.method, row.method.replace("_", " ").capitalize())


class Column:
    """The queue's columns, in display order."""

    ORDER = 0
    METHOD = 1
    CUSTOMER = 2
    ITEMS = 3
    STATUS = 4
    PROMISED = 5
    AGE = 6
    COUNT = 7


HEADERS = (
    QT_TRANSLATE_NOOP("FulfilQueue", "Order"),
    QT_TRANSLATE_NOOP("FulfilQueue", "Method"),
    QT_TRANSLATE_NOOP("FulfilQueue", "Customer"),
    QT_TRANSLATE_NOOP("FulfilQueue", "Items"),
    QT_TRANSLATE_NOOP("FulfilQueue", "Status"),
    QT_TRANSLATE_NOOP("FulfilQueue", "Promised"),
    QT_TRANSLATE_NOOP("FulfilQueue", "Age"),
)


def _time(value: str | None) -> tuple[bool, str]:
    # canonical UTC text sorts as time; rows without a time go last
    return (value is None, value or "")


#: Sort key of each column (row id breaks ties, so the order is stable across refreshes).
SORT_KEYS: dict[int, Callable[[FulfilRow], Any]] = {
    Column.ORDER: lambda r: (r.order_number, r.id),
    Column.METHOD: lambda r: (method_label(r), r.id),
    Column.CUSTOMER: lambda r: (r.customer_name.casefold(), r.id),
    Column.ITEMS: lambda r: (r.items, r.id),
    Column.STATUS: lambda r: (r.status, r.labels, r.id),
    Column.PROMISED: lambda r: (*_time(r.promised_at), r.id),
    # oldest first when ascending
    Column.AGE: lambda r: (r.created_at, r.id),
}


@dataclass(frozen=True, slots=True)
class FulfilRequest:
    """One read of the queue: which store, tab, filters and order."""

    store_id: int
    tab: FulfilTab
    method: FulfilMethod | None = None
    min_age: timedelta | None = None
    service: FulfilService | None = None
    sort_column: int = Column.PROMISED
    descending: bool = False

    @property
    def filtered(self) -> bool:
        """Whether any filter narrows the queue."""
        return self.method is not None or self.min_age is not None or self.service is not None


@dataclass(frozen=True, slots=True)
class FulfilResult:
    """The rows of the requested tab, the count of every tab (same filters), and when they
    were read; ``late``: how many of the rows are past their promised time."""

    request: FulfilRequest
    rows: list[FulfilRow]
    counts: dict[FulfilTab, int]
    now: datetime
    last_sync_at: str | None
    late: int = 0


def fetch(conn: Connection, request: FulfilRequest, now: datetime) -> FulfilResult:
    """Disk: the queue as ``request`` asks for it (run on the database worker)."""
    before = now - request.min_age if request.min_age is not None else None
    store, method, service = request.store_id, request.method, request.service
    rows = queries.fulfil_queue(
        conn, store, request.tab, method, created_before=before, service=service
    )
    counts = queries.fulfil_counts(conn, store, method, created_before=before, service=service)
    rows.sort(key=SORT_KEYS[request.sort_column], reverse=request.descending)
    stamp = utc_text(now) or ""
    late = len([r for r in rows if r.promised_at is not None and r.promised_at <= stamp])
    return FulfilResult(request, rows, counts, now, state.get(conn, Key.LAST_SYNC_AT), late)


def tab_of(
    status: str, method: str, store_id: int, destination_store_id: int | None, here: int
) -> FulfilTab | None:
    """The fulfil tab a fulfillment is in at store ``here`` (None: not the back room's)."""
    if method == "ship_to_store" and destination_store_id == here and store_id != here:
        return _ARRIVAL_TABS.get(status)
    return _OWN_TABS.get(status) if store_id == here else None


_OWN_TABS: dict[str, FulfilTab] = {"open": "open", "picking": "in_progress", "packed": "packed"}
_ARRIVAL_TABS: dict[str, FulfilTab] = {"in_transit": "open", "arrived": "in_progress"}
