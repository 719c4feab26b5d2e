"""What the station's views read: queues, an order, products, stock, stores, staff, conflicts.

Every query runs on the ``sqlite3`` cursor of the caller's (read) transaction, uses an
index for its filter, and returns light rows (NamedTuples and frozen dataclasses), never
ORM objects. Fulfillments and stock are read through the overlay views, so a command in
flight shows its predicted effect. Timestamps are canonical UTC text (see ``rows``).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any, Literal, NamedTuple, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.engine import Connection

from desktop_oms.cache import state
from desktop_oms.cache.db import driver_cursor
from desktop_oms.cache.outbox import COLUMNS as OUTBOX_COLUMNS
from desktop_oms.cache.outbox import OutboxEntry, entry_from_row
from desktop_oms.cache.rows import fold, phone_search_digits, utc_text
from desktop_oms.domain.errors import InvalidCode
from desktop_oms.domain.geo import haversine_km
from desktop_oms.domain.identifiers import BadgeCode, Gs1Code, GtinCode, parse_code
from desktop_oms.domain.status import RESTOCKABLE

PickupTab = Literal["ready", "preparing", "handed_over_today", "expiring", "expired"]
#: Every pickup tab, in display order.
PICKUP_TABS: tuple[PickupTab, ...] = get_args(PickupTab)
FulfilTab = Literal["open", "in_progress", "packed"]

#: Rank search hits by relevance only when at most this many products match.
RANK_LIMIT = 1000
#: How far ahead the "expiring" pickup tab looks.
EXPIRING_WITHIN = timedelta(hours=24)


class QueueRow(NamedTuple):
    """One fulfillment in a queue; ``pending`` while a command on it awaits the server."""

    id: int
    order_number: str
    method: str
    status: str
    customer_name: str
    customer_phone: str
    promised_at: str | None
    pickup_deadline: str | None
    bin: str | None
    items: int
    updated_at: str
    fraud_state: str
    version: int
    order_version: int
    pending: bool


_QUEUE_COLUMNS = (
    "id, order_number, method, status, customer_name, customer_phone, promised_at, "
    "pickup_deadline, bin, items, updated_at, fraud_state, version, order_version"
)


def fulfillment_overlay(columns: str, where: str) -> str:
    """``columns`` and ``pending`` of the fulfillments matching ``where``, as ``v_fulfillments``
    has them (a pending row over its confirmed one), reading only those columns.

    The view's compound select builds every column of every matching row, the documents
    too: through it a 10k-row queue read took twice as long and a count 50x longer.
    """
    return (
        f"SELECT {columns}, 1 AS pending FROM pending_fulfillments WHERE {where} "  # noqa: S608
        f"UNION ALL SELECT {columns}, 0 FROM fulfillments f WHERE {where} "
        "AND NOT EXISTS (SELECT 1 FROM pending_fulfillments p WHERE p.id = f.id)"
    )


def _queue_sql(where: str, order: str) -> str:
    """The queue rows matching ``where`` (plain column names) in ``order``."""
    return f"SELECT * FROM ({fulfillment_overlay(_QUEUE_COLUMNS, where)}){order}"  # noqa: S608


def _queue_rows(cur: sqlite3.Cursor, sql: str, params: dict[str, Any]) -> list[QueueRow]:
    make = QueueRow._make
    return [make((*r[:-1], r[-1] == 1)) for r in cur.execute(sql, params)]


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere (``%``, ``_`` and ``\\`` taken literally)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_SEARCH = " AND search_text LIKE :p ESCAPE '\\'"


def _store_midnight(cur: sqlite3.Cursor, store_id: int, now: datetime) -> datetime:
    row = cur.execute("SELECT timezone FROM stores WHERE id = ?", (store_id,)).fetchone()
    try:
        tz = ZoneInfo(row[0]) if row is not None else UTC
    except (ZoneInfoNotFoundError, ValueError):
        tz = UTC
    local = now.astimezone(tz)
    return datetime.combine(local.date(), time(0), tz)


#: Ended pickups whose goods still sit in a bin (see ``domain.status.awaits_return_to_stock``).
_TO_RESTOCK = (
    f" AND status IN ({', '.join(repr(s.value) for s in sorted(RESTOCKABLE))})"
    " AND bin IS NOT NULL AND returned_at IS NULL"
)


def _tab_filter(
    cur: sqlite3.Cursor, store_id: int, tab: PickupTab, search: str | None, now: datetime
) -> tuple[str, str, dict[str, Any]]:
    """One tab's conditions (after ``pickup_store_id = :store``), ORDER BY and parameters."""
    # ready: by customer name; preparing (not yet ready): by promised time;
    # handed_over_today (since the store's local midnight): newest first;
    # expiring (ready, deadline within EXPIRING_WITHIN or past): by deadline;
    # expired (ended with the goods still in a bin: to return to stock): oldest first.
    params: dict[str, Any] = {"store": store_id}
    if tab == "ready":
        where, order = " AND status = 'ready_for_pickup'", " ORDER BY customer_name, id"
    elif tab == "preparing":
        where = " AND status IN ('open', 'picking', 'packed', 'in_transit', 'arrived')"
        order = " ORDER BY promised_at IS NULL, promised_at, id"
    elif tab == "handed_over_today":
        where = " AND status = 'handed_over' AND updated_at >= :since"
        order = " ORDER BY updated_at DESC, id"
        params["since"] = utc_text(_store_midnight(cur, store_id, now))
    elif tab == "expiring":
        where = " AND status = 'ready_for_pickup' AND pickup_deadline <= :until"
        order = " ORDER BY pickup_deadline, id"
        params["until"] = utc_text(now + EXPIRING_WITHIN)
    elif tab == "expired":
        where, order = _TO_RESTOCK, " ORDER BY updated_at, id"
    else:
        raise ValueError(f"unknown pickup tab {tab!r}")
    if search and search.strip():
        where += _SEARCH
        digits = phone_search_digits(search)
        params["p"] = _like(digits if digits is not None else fold(search.strip()))
    return where, order, params


def pickup_queue(
    conn: Connection,
    store_id: int,
    tab: PickupTab,
    search: str | None,
    now: datetime,
) -> list[QueueRow]:
    """The counter's pickups collected at ``store_id``, one tab, optionally searched."""
    cur = driver_cursor(conn)
    where, order, params = _tab_filter(cur, store_id, tab, search, now)
    return _queue_rows(cur, _queue_sql("pickup_store_id = :store" + where, order), params)


def pickup_counts(
    conn: Connection,
    store_id: int,
    search: str | None,
    now: datetime,
    tabs: Sequence[PickupTab] = PICKUP_TABS,
) -> dict[PickupTab, int]:
    """How many pickups each tab holds (searched like :func:`pickup_queue`), counted in SQL.

    The tab badges need numbers, not rows: counting on the index reads no row into Python.
    """
    cur = driver_cursor(conn)
    counts: dict[PickupTab, int] = {}
    for tab in tabs:
        where, _order, params = _tab_filter(cur, store_id, tab, search, now)
        matching = fulfillment_overlay("id", "pickup_store_id = :store" + where)
        sql = f"SELECT count(*) FROM ({matching})"  # noqa: S608
        counts[tab] = int(cur.execute(sql, params).fetchone()[0])
    return counts


#: The fulfil queue's method filter: a fulfillment method, or transfers arriving here.
FulfilMethod = Literal["store_pickup", "ship_from_store", "ship_to_store", "arrivals"]
FULFIL_METHODS: tuple[FulfilMethod, ...] = get_args(FulfilMethod)
#: The fulfil queue's shipping-service filter (the document's ``shipping_service``).
FulfilService = Literal["standard", "express"]
FULFIL_SERVICES: tuple[FulfilService, ...] = get_args(FulfilService)
#: A fulfillment's shipping service: documents written before it existed are standard.
_SERVICE = "coalesce(json_extract(doc, '$.shipping_service'), 'standard')"
#: Every fulfil tab, in display order.
FULFIL_TABS: tuple[FulfilTab, ...] = get_args(FulfilTab)
#: Per tab: the statuses of the store's own work, and of ship-to-store transfers arriving
#: here (in transit: to receive; arrived: to stage).
_FULFIL_STATUSES: dict[FulfilTab, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "open": (("open",), ("in_transit",)),
    "in_progress": (("picking",), ("arrived",)),
    "packed": (("packed",), ()),
}


class FulfilRow(NamedTuple):
    """One fulfillment in the back room's queue; ``boxes``: how many it is packed in,
    ``labels`` how many active shipping labels it has and from which ``carrier``;
    ``shipping_service`` the delivery speed the customer chose (``standard``/``express``);
    ``pending`` while a command on it awaits the server."""

    id: int
    order_number: str
    method: str
    status: str
    store_id: int
    destination_store_id: int | None
    customer_name: str
    promised_at: str | None
    created_at: str
    bin: str | None
    items: int
    updated_at: str
    fraud_state: str
    version: int
    boxes: int
    labels: int
    carrier: str | None
    shipping_service: str
    pending: bool

    @property
    def express(self) -> bool:
        """Whether the customer chose express delivery."""
        return self.shipping_service == "express"

    @property
    def arrival(self) -> bool:
        """Whether this is a ship-to-store transfer coming in to the station's store."""
        return self.method == "ship_to_store" and self.status in ("in_transit", "arrived")


#: Something of the active shipping labels of a packed fulfillment (none otherwise).
_ACTIVE_LABELS = (
    "CASE WHEN status = 'packed' THEN (SELECT {what} FROM json_each(doc, '$.labels') "
    "WHERE json_extract(value, '$.status') = 'active') END"
)
_FULFIL_COLUMNS = (
    "id, order_number, method, status, store_id, destination_store_id, customer_name, "
    "promised_at, created_at, bin, items, updated_at, fraud_state, version, "
    "CASE WHEN status = 'packed' THEN json_array_length(doc, '$.boxes') ELSE 0 END AS boxes, "
    + "coalesce("
    + _ACTIVE_LABELS.format(what="count(*)")
    + ", 0) AS labels, "
    + _ACTIVE_LABELS.format(what="min(json_extract(value, '$.carrier'))")
    + f" AS carrier, {_SERVICE} AS shipping_service"
)


def _in(values: Sequence[str]) -> str:
    return ", ".join(repr(v) for v in values)


def _fulfil_filter(
    store_id: int,
    tab: FulfilTab,
    method: FulfilMethod | None,
    created_before: datetime | None,
    service: FulfilService | None = None,
) -> tuple[str, dict[str, Any]]:
    """One fulfil tab's condition (parenthesised) and parameters."""
    if tab not in _FULFIL_STATUSES:
        raise ValueError(f"unknown fulfil tab {tab!r}")
    if method is not None and method not in FULFIL_METHODS:
        raise ValueError(f"unknown fulfil method {method!r}")
    if service is not None and service not in FULFIL_SERVICES:
        raise ValueError(f"unknown shipping service {service!r}")
    own, incoming = _FULFIL_STATUSES[tab]
    params: dict[str, Any] = {"store": store_id}
    parts = []
    if method != "arrivals":
        part = f"store_id = :store AND status IN ({_in(own)})"
        if method is not None:
            part += " AND method = :method"
            params["method"] = method
        parts.append(part)
    if incoming and method in (None, "arrivals"):
        # the pickup store of a ship-to-store is its destination (the pickup queue's index)
        parts.append(
            f"pickup_store_id = :store AND method = 'ship_to_store' AND status IN ({_in(incoming)})"
        )
    where = " OR ".join(f"({p})" for p in parts) or "0"
    if created_before is not None:
        where = f"({where}) AND created_at <= :before"
        params["before"] = utc_text(created_before)
    if service is not None:
        # read from the document only for rows the indexed conditions above let through
        where = f"({where}) AND {_SERVICE} = :service"
        params["service"] = service
    return f"({where})", params


def fulfil_queue(
    conn: Connection,
    store_id: int,
    tab: FulfilTab,
    method: FulfilMethod | None = None,
    *,
    created_before: datetime | None = None,
    service: FulfilService | None = None,
) -> list[FulfilRow]:
    """The back room's work at ``store_id``, by promised time: open (and transfers on their
    way here), being picked (and transfers arrived here, to stage), or packed; ``method``
    narrows it to one method (``arrivals``: transfers to this store), ``created_before`` to
    fulfillments at least that old, ``service`` to one shipping service."""
    where, params = _fulfil_filter(store_id, tab, method, created_before, service)
    sql = (
        f"SELECT * FROM ({fulfillment_overlay(_FULFIL_COLUMNS, where)})"  # noqa: S608
        " ORDER BY promised_at IS NULL, promised_at, id"
    )
    make = FulfilRow._make
    return [make((*r[:-1], r[-1] == 1)) for r in driver_cursor(conn).execute(sql, params)]


def fulfil_counts(
    conn: Connection,
    store_id: int,
    method: FulfilMethod | None = None,
    *,
    created_before: datetime | None = None,
    service: FulfilService | None = None,
) -> dict[FulfilTab, int]:
    """How many fulfillments each fulfil tab holds (filtered like :func:`fulfil_queue`),
    counted in SQL."""
    cur = driver_cursor(conn)
    counts: dict[FulfilTab, int] = {}
    for tab in FULFIL_TABS:
        where, params = _fulfil_filter(store_id, tab, method, created_before, service)
        sql = f"SELECT count(*) FROM ({fulfillment_overlay('id', where)})"  # noqa: S608
        counts[tab] = int(cur.execute(sql, params).fetchone()[0])
    return counts


def setting(conn: Connection, key: str) -> Any:
    """A synced setting's value (decoded JSON), None when the server sent none."""
    row = driver_cursor(conn).execute("SELECT value FROM settings WHERE key = ?", (key,))
    found = row.fetchone()
    return None if found is None else json.loads(found[0])


@dataclass(frozen=True, slots=True)
class FulfillmentView:
    """One fulfillment of an order as the station sees it (predicted while pending)."""

    id: int
    status: str
    method: str
    store_id: int
    destination_store_id: int | None
    version: int
    pending: bool
    outbox_seq: int | None
    doc: dict[str, Any]


class ConflictRow(NamedTuple):
    """A command the server refused, why, and the server's state that won."""

    id: int
    outbox_seq: int
    command: dict[str, Any]
    code: str
    message: str
    current: list[dict[str, Any]]
    created_at: str
    acknowledged_at: str | None


@dataclass(frozen=True, slots=True)
class OrderDetail:
    """An order at this station: its fulfillments, queued commands and open conflicts."""

    order_number: str
    fulfillments: list[FulfillmentView]
    commands: list[OutboxEntry]
    conflicts: list[ConflictRow]


def _conflict(row: tuple[Any, ...]) -> ConflictRow:
    return ConflictRow(
        row[0], row[1], json.loads(row[2]), row[3], row[4], json.loads(row[5]), row[6], row[7]
    )


_CONFLICT_SELECT = (
    "SELECT id, outbox_seq, command, code, message, current, created_at, acknowledged_at "
    "FROM conflicts "
)


def order_detail(conn: Connection, order_number: str) -> OrderDetail | None:
    """An order's fulfillments here (with pending state), its queued commands and conflicts."""
    cur = driver_cursor(conn)
    views = [
        FulfillmentView(r[0], r[1], r[2], r[3], r[4], r[5], r[6] == 1, r[7], json.loads(r[8]))
        for r in cur.execute(
            "SELECT id, status, method, store_id, destination_store_id, version, pending, "
            "outbox_seq, doc FROM v_fulfillments WHERE order_number = ? ORDER BY id",
            (order_number,),
        )
    ]
    if not views:
        return None
    targets = json.dumps([f"order:{order_number}", *(f"fulfillment:{v.id}" for v in views)])
    commands = [
        entry_from_row(r)
        for r in cur.execute(
            f"SELECT {OUTBOX_COLUMNS} FROM outbox "  # noqa: S608 - constant columns
            "WHERE target_kind || ':' || target_key IN (SELECT value FROM json_each(?)) "
            "ORDER BY seq",
            (targets,),
        )
    ]
    found = [
        _conflict(r)
        for r in cur.execute(
            _CONFLICT_SELECT  # noqa: S608 - constant SQL
            + "WHERE acknowledged_at IS NULL AND "
            "json_extract(command, '$.target_kind') || ':' || "
            "json_extract(command, '$.target_key') IN (SELECT value FROM json_each(?)) "
            "ORDER BY id",
            (targets,),
        )
    ]
    return OrderDetail(order_number, views, commands, found)


# --- products ----------------------------------------------------------------------------


class ProductRow(NamedTuple):
    """A catalogue product; ``attributes`` is JSON text (see :meth:`attribute_map`)."""

    sku: str
    name: str
    department: str
    price_minor: int
    currency: str
    attributes: str
    image_ref: str | None
    version: int

    def attribute_map(self) -> dict[str, str]:
        """The attributes as a dict."""
        value: dict[str, str] = json.loads(self.attributes)
        return value


_PRODUCT_SELECT = (
    "SELECT p.sku, p.name, p.department, p.price_minor, p.currency, p.attributes, p.image_ref, "
    "p.version"
)
_BY_IDENTIFIER = (
    _PRODUCT_SELECT + " FROM identifiers i JOIN products p ON p.sku = i.sku WHERE i.value = ?"
)
_BY_SKU = _PRODUCT_SELECT + " FROM products p WHERE p.sku = ?"


def product_by_identifier(conn: Connection, raw_code: str) -> ProductRow | None:
    """The product a scanned or typed code names: a GTIN/UPC-E/GS1 code, a store code, a SKU."""
    cur = driver_cursor(conn)
    keys: tuple[str, ...] = ()
    try:
        code = parse_code(raw_code)
    except InvalidCode:
        code = None
    if isinstance(code, GtinCode):
        keys = code.lookup_keys
    elif isinstance(code, Gs1Code):
        keys = (code.gtin14,)
    elif code is not None:
        return None  # an order, bin or badge code names no product
    for key in keys:
        row = cur.execute(_BY_IDENTIFIER, (key,)).fetchone()
        if row is not None:
            return ProductRow(*row)
    text = raw_code.strip()
    for candidate in dict.fromkeys((text, text.upper())):
        for sql in (_BY_IDENTIFIER, _BY_SKU):
            row = cur.execute(sql, (candidate,)).fetchone()
            if row is not None:
                return ProductRow(*row)
    return None


def identifiers_of(conn: Connection, skus: Sequence[str]) -> dict[str, str]:
    """The barcodes of some products: each identifier's lookup key (GTIN-14 for a GTIN, as
    :func:`product_by_identifier` looks it up) mapped to its SKU."""
    cur = driver_cursor(conn)
    found: dict[str, str] = {}
    for sku in dict.fromkeys(skus):
        for (value,) in cur.execute("SELECT value FROM identifiers WHERE sku = ?", (sku,)):
            found[str(value)] = sku
    return found


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _prefix_search(cur: sqlite3.Cursor, text: str, limit: int) -> list[ProductRow]:
    """Products whose name or SKU starts with a 1-2 character ``text`` (index range scans)."""
    pattern = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    found = [
        ProductRow(*r)
        for r in cur.execute(
            _PRODUCT_SELECT
            + " FROM products p WHERE p.name LIKE ? ESCAPE '\\' ORDER BY p.name LIMIT ?",
            (pattern, limit),
        )
    ]
    if len(found) < limit:
        seen = {r.sku for r in found}
        low = text.upper()
        for r in cur.execute(
            _PRODUCT_SELECT
            + " FROM products p WHERE p.sku >= ? AND p.sku < ? ORDER BY p.sku LIMIT ?",
            (low, low + "\U0010ffff", limit),
        ):
            if r[0] not in seen and len(found) < limit:
                found.append(ProductRow(*r))
    return found


def _relevance(query: str, first_word: str) -> Callable[[ProductRow], tuple[int, int, str]]:
    """Sort key of a few hits: the SKU itself, name prefix, word prefix; short names first."""

    def key(p: ProductRow) -> tuple[int, int, str]:
        """Grade, name length, SKU: lower sorts first."""
        name = p.name.lower()
        if p.sku.lower() == query:
            grade = 0
        elif name.startswith(query):
            grade = 1
        elif name.startswith(first_word) or f" {first_word}" in name:
            grade = 2
        else:
            grade = 3
        return (grade, len(name), p.sku)

    return key


def _text_of(p: ProductRow, attribute_values: str) -> str:
    return f"{p.sku} {p.name} {p.department} {attribute_values}".lower()


class SearchHits(NamedTuple):
    """Products found by a search: the first ``rows``, and how many match in all
    (``total``; at least that many when ``more``: counting stops at :data:`RANK_LIMIT`)."""

    rows: list[ProductRow]
    total: int
    more: bool


def search_products(conn: Connection, text: str, limit: int = 50) -> list[ProductRow]:
    """Products containing every typed word (trigram FTS); ranked only when hits are few."""
    return search_products_counted(conn, text, limit).rows


def _prefix_count(cur: sqlite3.Cursor, text: str) -> int:
    """How many names or SKUs start with ``text`` (index range scans, counted up to
    :data:`RANK_LIMIT` + 1 each)."""
    pattern = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    upper = text.upper()
    names = cur.execute(
        "SELECT count(*) FROM (SELECT 1 FROM products WHERE name LIKE ? ESCAPE '\\' LIMIT ?)",
        (pattern, RANK_LIMIT + 1),
    ).fetchone()[0]
    skus = cur.execute(
        "SELECT count(*) FROM (SELECT 1 FROM products WHERE sku >= ? AND sku < ? "
        "AND name NOT LIKE ? ESCAPE '\\' LIMIT ?)",
        (upper, upper + "\U0010ffff", pattern, RANK_LIMIT + 1),
    ).fetchone()[0]
    return int(names) + int(skus)


def search_products_counted(conn: Connection, text: str, limit: int = 50) -> SearchHits:
    """Like :func:`search_products`, with the number of matches (for "1,204 products")."""
    # Words of 3+ characters are substrings of SKU, name, department, attribute values or
    # identifiers (FTS5 trigram). Input under 3 characters is a prefix search over name and
    # SKU (trigrams need 3); short words next to longer ones filter the hits; input of only
    # short words is one substring ("xl m"). Over RANK_LIMIT hits the first ones come
    # unranked: ranking a short, frequent term over a large table is slow.
    query = text.strip()
    if not query:
        return SearchHits([], 0, False)
    cur = driver_cursor(conn)
    if len(query) < 3:
        rows = _prefix_search(cur, query, limit)
        total = max(len(rows), _prefix_count(cur, query))
        return SearchHits(rows, min(total, RANK_LIMIT), total > RANK_LIMIT)
    words = query.lower().split()
    long_words = [w for w in words if len(w) >= 3]
    if long_words:
        match = " AND ".join(_phrase(w) for w in long_words)
        short = [w for w in words if len(w) < 3]
    else:
        match, short = _phrase(query), []
    hits = [
        rowid
        for (rowid,) in cur.execute(
            "SELECT rowid FROM product_fts WHERE product_fts MATCH ? LIMIT ?",
            (match, RANK_LIMIT + 1),
        )
    ]
    if len(hits) <= RANK_LIMIT:
        found = []
        for r in cur.execute(
            _PRODUCT_SELECT  # noqa: S608 - constant SQL
            + ", p.attribute_values FROM products p "
            "WHERE p.rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(hits),),
        ):
            product = ProductRow._make(r[:8])
            if not short or all(w in _text_of(product, r[8]) for w in short):
                found.append(product)
        found.sort(key=_relevance(query.lower(), words[0]))
        return SearchHits(found[:limit], len(found), False)
    filters = "".join(
        " AND instr(lower(p.sku || ' ' || p.name || ' ' || p.department || ' ' || "
        "p.attribute_values), ?) > 0"
        for _ in short
    )
    sql = (
        _PRODUCT_SELECT + " FROM product_fts f JOIN products p ON p.rowid = f.rowid "
        "WHERE product_fts MATCH ?" + filters + " LIMIT ?"
    )
    rows = [ProductRow._make(r) for r in cur.execute(sql, (match, *short, limit))]
    if short:  # the short words filter an unknown share of the hits
        return SearchHits(rows, len(rows), len(rows) == limit)
    return SearchHits(rows, RANK_LIMIT, True)


# --- stock, stores, staff ----------------------------------------------------------------


class StockRow(NamedTuple):
    """Stock of one SKU at one store; ``available`` = on hand - reserved - safety, >= 0."""

    store_id: int
    store_code: str | None
    store_name: str | None
    on_hand: int
    reserved: int
    safety_stock: int
    available: int
    version: int
    pending: bool
    distance_km: float | None


def inventory_for(conn: Connection, sku: str) -> list[StockRow]:
    """Stock of ``sku`` at each store the station mirrors: its own first, then nearest first."""
    cur = driver_cursor(conn)
    own = state.store_id(conn)
    origin = None
    if own is not None:
        origin = cur.execute(
            "SELECT latitude, longitude FROM stores WHERE id = ?", (own,)
        ).fetchone()
    out: list[StockRow] = []
    for r in cur.execute(
        "SELECT v.store_id, s.code, s.name, v.on_hand, v.reserved, v.safety_stock, v.version, "
        "v.pending, s.latitude, s.longitude FROM v_inventory v "
        "LEFT JOIN stores s ON s.id = v.store_id WHERE v.sku = ?",
        (sku,),
    ):
        distance = None
        if origin is not None and r[8] is not None:
            distance = haversine_km(origin[0], origin[1], r[8], r[9])
        available = max(0, r[3] - r[4] - r[5])
        out.append(
            StockRow(r[0], r[1], r[2], r[3], r[4], r[5], available, r[6], r[7] == 1, distance)
        )
    out.sort(
        key=lambda s: (
            s.store_id != own,
            s.distance_km if s.distance_km is not None else float("inf"),
            s.store_id,
        )
    )
    return out


class NearbyStore(NamedTuple):
    """A store near another one."""

    id: int
    code: str
    name: str
    city: str
    distance_km: float


def nearby_stores(conn: Connection, store_id: int, limit: int = 5) -> list[NearbyStore]:
    """The ``limit`` stores nearest to ``store_id`` (great-circle distance; not DCs, not itself)."""
    cur = driver_cursor(conn)
    origin = cur.execute(
        "SELECT latitude, longitude FROM stores WHERE id = ?", (store_id,)
    ).fetchone()
    if origin is None:
        return []
    found = [
        NearbyStore(r[0], r[1], r[2], r[3], haversine_km(origin[0], origin[1], r[4], r[5]))
        for r in cur.execute(
            "SELECT id, code, name, city, latitude, longitude FROM stores "
            "WHERE kind = 'store' AND id != ?",
            (store_id,),
        )
    ]
    found.sort(key=lambda s: (s.distance_km, s.id))
    return found[:limit]


class StaffRow(NamedTuple):
    """A staff member of the station's store, with the offline PIN verifier."""

    id: int
    store_id: int | None
    username: str
    display_name: str
    role: str
    badge_id: str | None
    verifier: str
    active: bool


_STAFF_SELECT = (
    "SELECT id, store_id, username, display_name, role, badge_id, verifier, active FROM staff "
)


def staff_by_login(conn: Connection, login: str) -> StaffRow | None:
    """A staff member by username (any case), badge id, or a scanned badge code."""
    text = login.strip()
    if not text:
        return None
    badge = text
    if text[:6].upper() == "OMS:S:":
        try:
            code = parse_code(text)
        except InvalidCode:
            return None
        if isinstance(code, BadgeCode):
            badge = code.badge_id
    cur = driver_cursor(conn)
    for sql, value in (
        (_STAFF_SELECT + "WHERE username = ?", text),
        (_STAFF_SELECT + "WHERE badge_id = ?", badge),
    ):
        row = cur.execute(sql, (value,)).fetchone()
        if row is not None:
            return StaffRow._make((*row[:7], bool(row[7])))
    return None


def conflicts(conn: Connection, unacknowledged_only: bool = True) -> list[ConflictRow]:
    """The conflict inbox, oldest first."""
    where = "WHERE acknowledged_at IS NULL" if unacknowledged_only else ""
    return [
        _conflict(r) for r in driver_cursor(conn).execute(_CONFLICT_SELECT + where + " ORDER BY id")
    ]


def outbox_length(conn: Connection) -> int:
    """How many commands wait for the server."""
    return int(driver_cursor(conn).execute("SELECT count(*) FROM outbox").fetchone()[0])


def reason_codes(conn: Connection, kind: str) -> list[tuple[str, str]]:
    """The ``(code, label)`` reasons staff may pick for one kind of decision."""
    return list(
        driver_cursor(conn).execute(
            "SELECT code, label FROM reason_codes WHERE kind = ? ORDER BY rowid", (kind,)
        )
    )


# --- picking -----------------------------------------------------------------------------

#: The ``settings`` key saying whether a picker may reject part of a line (JSON ``true`` or
#: ``false``); when it is not set, partial rejects are allowed.
PARTIAL_REJECT_SETTING = "partial_reject_allowed"
#: Tote letters of a pick list's orders, oldest order first (no I or O: read as 1 and 0).
TOTES = "ABCDEFGHJKLMNPQRSTUVWXYZ"
#: Statuses a fulfillment can be picked in.
PICKABLE = ("open", "picking")
#: Identifier kinds printed as a pick list's barcode, best first, with their digit counts.
_PRINTED_KINDS = (("GTIN-13", 13), ("GTIN-12", 12), ("GTIN-8", 8), ("GTIN-14", 14))


def shelf_location(department: str, sku: str) -> str:
    """Where a product sits in the store: aisle, bay and shelf (``H-07-C``), derived.

    Neither the catalogue nor the stock rows carry a shelf location yet, so one is derived,
    stable across stations and restarts (the printed list and the screen agree): the aisle
    is the department's initial, the bay (01-40) and the shelf (A-E) come from a CRC-32 of
    the SKU. A pick walk sorted by department, then location, visits each aisle once.
    """
    initial = next((c.upper() for c in department if c.isalnum() and c.isascii()), "Z")
    crc = zlib.crc32(sku.encode("utf-8"))
    return f"{initial}-{1 + crc % 40:02d}-{'ABCDE'[crc // 40 % 5]}"


def tote_letter(index: int) -> str:
    """The tote (bin) letter of the ``index``-th order of a pick list: A, B, ... Z, AA, AB."""
    n = len(TOTES)
    return TOTES[index] if index < n else TOTES[index // n - 1] + TOTES[index % n]


class PickOrder(NamedTuple):
    """A fulfillment on a pick list, with the tote its goods go into."""

    fulfillment_id: int
    order_number: str
    method: str
    status: str
    version: int
    customer_name: str
    created_at: str
    promised_at: str | None
    picker_id: int | None
    tote: str
    pending: bool


class PickNeed(NamedTuple):
    """Units of one SKU one order needs: its line, how many, and its tote."""

    fulfillment_id: int
    order_number: str
    line_no: int
    quantity: int
    tote: str


@dataclass(frozen=True, slots=True)
class PickItem:
    """One stop of a pick walk: a SKU at its location, with every order's need of it.

    ``barcode``: the code printed for it (the GTIN as on the pack, else the SKU);
    ``keys``: its identifiers' lookup keys (GTIN-14 for GTINs), to verify scans against.
    ``needs`` are the orders' lines, oldest order first.
    """

    sku: str
    name: str
    department: str
    location: str
    barcode: str
    keys: frozenset[str]
    needs: tuple[PickNeed, ...]

    @property
    def quantity(self) -> int:
        """Units to pick at this stop, over every order."""
        return sum(n.quantity for n in self.needs)


@dataclass(frozen=True, slots=True)
class PickList:
    """What to pick for some fulfillments, in walk order (department, location, SKU).

    ``orders``: the fulfillments picked, oldest first (tote A, B, ...); ``skipped``: the ids
    asked for that are not this store's to pick (unknown here, another store's, or past
    picking); ``partial_reject_allowed``: the store setting :data:`PARTIAL_REJECT_SETTING`.
    """

    orders: tuple[PickOrder, ...]
    items: tuple[PickItem, ...]
    skipped: tuple[int, ...]
    partial_reject_allowed: bool

    @property
    def units(self) -> int:
        """Units to pick over the whole list."""
        return sum(item.quantity for item in self.items)


def _printed(sku: str, identifiers: Sequence[tuple[str, str]]) -> str:
    """The barcode to print for a product: its GTIN with the digits on the pack, else SKU."""
    by_kind = {kind: value for value, kind in identifiers}
    for kind, digits in _PRINTED_KINDS:
        value = by_kind.get(kind)
        if value is not None and value.isdigit() and len(value) >= digits:
            return value[-digits:]
    return sku


def pick_list(conn: Connection, store_id: int, fulfillment_ids: Sequence[int]) -> PickList:
    """The pick list of some fulfillments of ``store_id`` (as predicted while commands on
    them are in flight): what is left to pick of each line, aggregated by SKU with the
    per-order breakdown, sorted by department, then location, then SKU."""
    cur = driver_cursor(conn)
    wanted = list(dict.fromkeys(int(i) for i in fulfillment_ids))
    found = {
        int(r[0]): r
        for r in cur.execute(
            "SELECT id, order_number, method, status, version, customer_name, created_at, "
            "promised_at, store_id, pending, doc FROM v_fulfillments "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(wanted),),
        )
    }
    picked = [
        found[i]
        for i in wanted
        if i in found and found[i][8] == store_id and found[i][3] in PICKABLE
    ]
    picked.sort(key=lambda r: (r[6], r[0]))
    orders: list[PickOrder] = []
    needs: dict[str, list[PickNeed]] = {}
    names: dict[str, str] = {}
    for index, r in enumerate(picked):
        doc = json.loads(r[10])
        tote = tote_letter(index)
        orders.append(
            PickOrder(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                doc.get("picker_id"),
                tote,
                r[9] == 1,
            )
        )
        for line in doc["lines"]:
            left = int(line["quantity"]) - int(line["rejected"]) - int(line["refused"])
            if left > 0:
                sku = str(line["sku"])
                names.setdefault(sku, str(line["name"]))
                needs.setdefault(sku, []).append(PickNeed(r[0], r[1], line["line_no"], left, tote))
    skus = json.dumps(list(needs))
    products = {
        str(r[0]): (str(r[1]), str(r[2]))
        for r in cur.execute(
            "SELECT sku, name, department FROM products "
            "WHERE sku IN (SELECT value FROM json_each(?))",
            (skus,),
        )
    }
    idents: dict[str, list[tuple[str, str]]] = {}
    for value, kind, sku in cur.execute(
        "SELECT value, kind, sku FROM identifiers WHERE sku IN (SELECT value FROM json_each(?))",
        (skus,),
    ):
        idents.setdefault(str(sku), []).append((str(value), str(kind)))
    items = []
    for sku, its_needs in needs.items():
        name, department = products.get(sku, (names[sku], ""))
        codes = idents.get(sku, [])
        items.append(
            PickItem(
                sku,
                name,
                department,
                shelf_location(department, sku),
                _printed(sku, codes),
                frozenset(value for value, _kind in codes),
                tuple(its_needs),
            )
        )
    items.sort(key=lambda i: (i.department.casefold(), i.location, i.sku))
    setting = cur.execute(
        "SELECT value FROM settings WHERE key = ?", (PARTIAL_REJECT_SETTING,)
    ).fetchone()
    partial = True if setting is None else bool(json.loads(setting[0]))
    kept = {o.fulfillment_id for o in orders}
    return PickList(tuple(orders), tuple(items), tuple(i for i in wanted if i not in kept), partial)


class Picker(NamedTuple):
    """A staff member of the store who may be given a pick list."""

    id: int
    username: str
    display_name: str
    role: str


def pickers(conn: Connection, store_id: int) -> list[Picker]:
    """The store's active associates, leads and managers, by name."""
    return [
        Picker._make(r)
        for r in driver_cursor(conn).execute(
            "SELECT id, username, display_name, role FROM staff WHERE store_id = ? AND active "
            "AND role IN ('associate', 'lead', 'manager') ORDER BY display_name, id",
            (store_id,),
        )
    ]
