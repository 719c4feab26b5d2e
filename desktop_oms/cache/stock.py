"""What the Stock page reads: a product in full with its stock here and at nearby stores,
search hits with the stock here, store opening hours, and how old the figures are.

Qt-free; every function taking a ``Connection`` runs on the caller's (read) transaction.
Stock comes through the pending overlay (:func:`queries.inventory_for`): a row a command
in flight changed is marked ``pending`` with the time that command was made here. The
cache is only as fresh as its last sync (``state.Key.LAST_SYNC_AT``: the end of the last
pull, even one that brought no changes), so every figure carries that time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.engine import Connection

from desktop_oms.cache import queries, state
from desktop_oms.cache.db import driver_cursor
from desktop_oms.cache.queries import ProductRow, StockRow

#: Opening-hours keys by ``date.weekday()``.
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: How many search hits the page shows.
SEARCH_LIMIT = 50
#: Stock at or below this (and above zero) is "low".
LOW_STOCK = 2
#: Identifier kinds in the order the detail lists them.
_KIND_ORDER = ("GTIN-13", "GTIN-12", "GTIN-8", "GTIN-14", "UPC-E", "store")
_DIGITS = {"GTIN-8": 8, "GTIN-12": 12, "GTIN-13": 13, "GTIN-14": 14, "UPC-E": 12}
_CLOCK = re.compile(r"([01]?\d|2[0-4]):([0-5]\d)")


# --- time: opening hours and the age of figures -------------------------------------------


def zone(name: str | None) -> tzinfo:
    """The time zone called ``name``; UTC when it is unknown (never an error)."""
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def _clock(text: object) -> time | None:
    """``"09:30"`` as a time; ``"24:00"`` as the last moment of the day; None if malformed."""
    match = _CLOCK.fullmatch(str(text).strip())
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    if hour == 24:
        return time.max if minute == 0 else None
    return time(hour, minute)


def day_hours(opening_hours: Mapping[str, Any], day: date) -> tuple[time, time] | None:
    """The ``(opens, closes)`` of a store on ``day`` (its local date), None when closed.

    ``opening_hours`` maps ``mon``..``sun`` to ``["09:30", "18:00"]`` or null; a closing
    time at or before the opening time means after midnight (``["22:00", "02:00"]``).
    """
    value = opening_hours.get(WEEKDAYS[day.weekday()])
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    opens, closes = _clock(value[0]), _clock(value[1])
    if opens is None or closes is None or opens == closes:
        return None
    return opens, closes


def _span(day: date, hours: tuple[time, time], tz: tzinfo) -> tuple[datetime, datetime]:
    opens = datetime.combine(day, hours[0], tz)
    closes_day = day if hours[1] > hours[0] else day + timedelta(days=1)
    return opens, datetime.combine(closes_day, hours[1], tz)


def _hm(value: time) -> str:
    return "24:00" if value == time.max else value.strftime("%H:%M")


@dataclass(frozen=True, slots=True)
class StoreClock:
    """A store's opening hours today (its own time zone) and whether it is open now.

    ``today``: ``"09:30–18:00"`` or ``"Closed today"``; ``status``: ``"Open until
    18:00"``, ``"Opens 12:00"``, ``"Closed"``, ...; ``local_now``: the time at the store.
    """

    today: str
    open_now: bool
    status: str
    local_now: datetime


def store_clock(opening_hours: Mapping[str, Any] | str, tz_name: str, now: datetime) -> StoreClock:
    """Today's hours and open/closed at ``now`` for a store in time zone ``tz_name``."""
    hours: Mapping[str, Any]
    if isinstance(opening_hours, str):
        try:
            loaded = json.loads(opening_hours)
        except ValueError:
            loaded = {}
        hours = loaded if isinstance(loaded, dict) else {}
    else:
        hours = opening_hours
    tz = zone(tz_name)
    local = now.astimezone(tz)
    today = local.date()
    spans = []
    for offset in (-1, 0):  # yesterday's hours may run past midnight into today
        day = today + timedelta(days=offset)
        found = day_hours(hours, day)
        if found is not None:
            spans.append((offset, found, _span(day, found, tz)))
    mine = day_hours(hours, today)
    today_text = f"{_hm(mine[0])}–{_hm(mine[1])}" if mine else "Closed today"
    for _offset, found, (start, end) in spans:
        if start <= local < end:
            return StoreClock(today_text, True, f"Open until {_hm(found[1])}", local)
    if mine is not None and local < datetime.combine(today, mine[0], tz):
        return StoreClock(today_text, False, f"Opens {_hm(mine[0])}", local)
    for ahead in range(1, 8):
        day = today + timedelta(days=ahead)
        found = day_hours(hours, day)
        if found is not None:
            when = "tomorrow" if ahead == 1 else WEEKDAYS[day.weekday()].capitalize()
            return StoreClock(today_text, False, f"Opens {when} {_hm(found[0])}", local)
    return StoreClock(today_text, False, "Closed", local)


def parse_utc(text: str | None) -> datetime | None:
    """A canonical UTC timestamp from the cache (None stays None, junk too)."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def ago(moment: datetime, now: datetime) -> str:
    """``just now``, ``40 s ago``, ``3 min ago``, ``2 h 5 min ago``, ``3 days ago``."""
    seconds = (now - moment).total_seconds()
    if seconds < 10:
        return "just now"
    if seconds < 60:
        return f"{int(seconds)} s ago"
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min ago"
    hours, rest = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {rest} min ago" if rest else f"{hours} h ago"
    days = hours // 24
    return "1 day ago" if days == 1 else f"{days} days ago"


def clock_text(moment: datetime, now: datetime, tz: tzinfo) -> str:
    """``10:42`` today, ``yesterday 10:42``, ``Mon 23 Nov 10:42`` before that (in ``tz``)."""
    local, today = moment.astimezone(tz), now.astimezone(tz).date()
    days = (today - local.date()).days
    hm = local.strftime("%H:%M")
    if days == 0:
        return hm
    if days == 1:
        return f"yesterday {hm}"
    return f"{local.strftime('%a')} {local.day} {local.strftime('%b')} {hm}"


def as_of(last_sync_at: str | None, now: datetime, tz: tzinfo) -> str:
    """How old cached figures are: ``as of 10:42, 3 min ago`` (``not synced yet``)."""
    moment = parse_utc(last_sync_at)
    if moment is None:
        return "not synced yet"
    return f"as of {clock_text(moment, now, tz)}, {ago(moment, now)}"


# --- the product in full ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Identifier:
    """One barcode of a product: the digits as printed on the pack, and their kind."""

    value: str
    kind: str
    key: str  # as stored (GTIN-14 for GTINs)


def printed(kind: str, key: str) -> str:
    """An identifier as printed: a GTIN-14 key back to its own digit count (a UPC-E as
    the UPC-A it expands to); anything else as stored."""
    digits = _DIGITS.get(kind)
    if kind == "store" and len(key) == 14 and key.isdigit() and key.startswith("0"):
        digits = 13
    if digits is not None and key.isdigit() and len(key) >= digits:
        head = key[: len(key) - digits]
        if head.strip("0") == "":
            return key[-digits:]
    return key


@dataclass(frozen=True, slots=True)
class StoreStock:
    """Stock of the product at one store, with the store's distance, hours and state.

    ``pending_since``: when the command (made at this station) that changed the row was
    made, if it is still waiting for the server (the figure is a prediction).
    """

    stock: StockRow
    code: str
    name: str
    city: str
    clock: StoreClock | None
    pending_since: str | None

    @property
    def available(self) -> int:
        """Available to promise: on hand - reserved - safety stock, never below zero."""
        return self.stock.available

    @property
    def level(self) -> str:
        """``ok``, ``warn`` (low) or ``bad`` (none to promise)."""
        return stock_level(self.stock.available)


def stock_level(available: int | None) -> str:
    """``ok``, ``warn`` (at most :data:`LOW_STOCK`), ``bad`` (none), ``muted`` (not stocked)."""
    if available is None:
        return "muted"
    if available <= 0:
        return "bad"
    return "warn" if available <= LOW_STOCK else "ok"


@dataclass(frozen=True, slots=True)
class ProductDetail:
    """A product with everything the Stock page shows of it.

    ``here``: the station's store (None when it has no stock row: not stocked here);
    ``nearby``: the other stores the station mirrors, nearest first (with or without
    stock); ``last_sync_at``: when the cache was last brought up to date.
    """

    product: ProductRow
    identifiers: tuple[Identifier, ...]
    attributes: tuple[tuple[str, str], ...]
    store_id: int
    here: StoreStock | None
    nearby: tuple[StoreStock, ...]
    last_sync_at: str | None
    read_at: datetime

    @property
    def pending(self) -> bool:
        """Whether any figure shown is a prediction awaiting the server."""
        return (self.here is not None and self.here.stock.pending) or any(
            s.stock.pending for s in self.nearby
        )


def _identifiers(cur: Any, sku: str) -> tuple[Identifier, ...]:
    found = [
        Identifier(printed(str(kind), str(value)), str(kind), str(value))
        for value, kind in cur.execute(
            "SELECT value, kind FROM identifiers WHERE sku = ? ORDER BY value", (sku,)
        )
    ]
    rank = {kind: n for n, kind in enumerate(_KIND_ORDER)}
    found.sort(key=lambda i: (rank.get(i.kind, len(rank)), i.value))
    return tuple(found)


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def product_detail(
    conn: Connection, sku: str, store_id: int, now: datetime | None = None
) -> ProductDetail | None:
    """The product ``sku`` with its barcodes, attributes and stock here and nearby."""
    now = now or datetime.now(UTC)
    cur = driver_cursor(conn)
    row = cur.execute(queries._BY_SKU, (sku,)).fetchone()
    if row is None:
        return None
    product = ProductRow(*row)
    stock = queries.inventory_for(conn, sku)
    ids = [s.store_id for s in stock]
    stores = {
        int(r[0]): r
        for r in cur.execute(
            "SELECT id, code, name, city, timezone, opening_hours FROM stores "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
    }
    since = {
        int(r[0]): str(r[1])
        for r in cur.execute(
            "SELECT p.store_id, o.issued_at FROM pending_inventory p "
            "JOIN outbox o ON o.seq = p.outbox_seq WHERE p.sku = ?",
            (sku,),
        )
    }
    here: StoreStock | None = None
    nearby: list[StoreStock] = []
    for s in stock:
        info = stores.get(s.store_id)
        clock = store_clock(info[5], info[4], now) if info is not None else None
        entry = StoreStock(
            s,
            str(info[1]) if info else (s.store_code or str(s.store_id)),
            str(info[2]) if info else (s.store_name or f"Store {s.store_id}"),
            str(info[3]) if info else "",
            clock,
            since.get(s.store_id) if s.pending else None,
        )
        if s.store_id == store_id:
            here = entry
        else:
            nearby.append(entry)
    nearby.sort(
        key=lambda e: (
            e.stock.distance_km if e.stock.distance_km is not None else float("inf"),
            e.code,
        )
    )
    try:
        attrs = product.attribute_map()
    except ValueError:
        attrs = {}
    attributes = tuple((_label(k), str(v)) for k, v in attrs.items())
    return ProductDetail(
        product,
        _identifiers(cur, sku),
        attributes,
        store_id,
        here,
        tuple(nearby),
        state.get(conn, state.Key.LAST_SYNC_AT),
        now,
    )


def lookup(
    conn: Connection, raw_code: str, store_id: int, now: datetime | None = None
) -> ProductDetail | None:
    """The product a scanned or typed code names (GTIN, UPC-E, GS1, store code, SKU) in
    full, or None when the catalogue has no product with that code."""
    found = queries.product_by_identifier(conn, raw_code)
    return None if found is None else product_detail(conn, found.sku, store_id, now)


# --- search ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StockHit:
    """A search hit: the product and how many the station's store can promise."""

    sku: str
    name: str
    department: str
    price_minor: int
    currency: str
    available: int | None  # None: no stock row here (not stocked)
    pending: bool


@dataclass(frozen=True, slots=True)
class SearchResult:
    """What a search found: ``total`` matches (at least, when ``more``), the first hits."""

    text: str
    hits: tuple[StockHit, ...]
    total: int
    more: bool
    last_sync_at: str | None


def available_here(
    conn: Connection, store_id: int, skus: Sequence[str]
) -> dict[str, tuple[int, bool]]:
    """Available to promise at ``store_id`` and the pending flag per SKU (those stocked)."""
    if not skus:
        return {}
    cur = driver_cursor(conn)
    wanted = json.dumps(list(skus))
    found: dict[str, tuple[int, bool]] = {}
    for table, pending in (("pending_inventory", True), ("inventory", False)):
        for sku, on_hand, reserved, safety in cur.execute(
            f"SELECT sku, on_hand, reserved, safety_stock FROM {table} "  # noqa: S608
            "WHERE store_id = ? AND sku IN (SELECT value FROM json_each(?))",
            (store_id, wanted),
        ):
            if sku not in found:  # a pending row wins over the confirmed one
                found[str(sku)] = (max(0, on_hand - reserved - safety), pending)
    return found


def search(conn: Connection, text: str, store_id: int, limit: int = SEARCH_LIMIT) -> SearchResult:
    """Products matching ``text`` (see :func:`queries.search_products`), with the stock
    here, how many match in all, and the age of the figures."""
    found = queries.search_products_counted(conn, text, limit)
    stock = available_here(conn, store_id, [p.sku for p in found.rows])
    hits = []
    for p in found.rows:
        here = stock.get(p.sku)
        hits.append(
            StockHit(
                p.sku,
                p.name,
                p.department,
                p.price_minor,
                p.currency,
                None if here is None else here[0],
                here is not None and here[1],
            )
        )
    return SearchResult(
        text,
        tuple(hits),
        found.total,
        found.more,
        state.get(conn, state.Key.LAST_SYNC_AT),
    )


def showcase(conn: Connection, store_id: int) -> tuple[str, str] | None:
    """A search as staff would type it and the product it finds, for the screenshot and
    the demo: a product well stocked here (its name plain ASCII) that nearby stores have
    too; the search is its name's first word (the brand) and longest word, in lower case."""
    cur = driver_cursor(conn)
    row = cur.execute(
        "SELECT i.sku, p.name FROM inventory i JOIN products p ON p.sku = i.sku "
        "WHERE i.store_id = ? AND i.on_hand - i.reserved - i.safety_stock >= 4 "
        "AND (SELECT count(*) FROM inventory o WHERE o.sku = i.sku AND o.store_id != i.store_id "
        "     AND o.on_hand - o.reserved - o.safety_stock > 0) >= 2 "
        "AND p.name NOT GLOB '*[^ -~]*' "  # plain ASCII: typed on any keyboard"
        "ORDER BY i.on_hand DESC, i.sku LIMIT 1",
        (store_id,),
    ).fetchone()
    if row is None:
        return None
    sku, name = str(row[0]), str(row[1])
    words = [w.strip("()-") for w in name.split(",")[0].split()]
    nouns = sorted((w for w in words[1:] if w.isalpha()), key=len, reverse=True)
    text = f"{words[0]} {nouns[0]}" if words and nouns else name
    return text.lower(), sku
